"""Typed values of the issue-9 rule keys (Part 744 end-use/end-user data, Entity List footnotes 3-5, SDN tags,
licence-exception scopes), checked when the rule data is loaded.

``VALUE_TYPES`` maps each rule key (``fnmatch`` patterns allowed) to the pydantic model its value must
validate against. Every model is frozen and rejects unknown fields; sequences are tuples.

How an engine reads them (the fail-closed reading is part of the contract):

* ``744.21.supp2`` -- :class:`Supp2List`. An item is in Supplement No. 2 when its base ECCN has an entry and
  either the entry covers the entire ECCN, or the item's paragraph lies under one of ``included`` (the entry
  names that paragraph; any further words of a non-exhaustive entry only narrow it, so reading it as included
  errs towards a licence) and not under ``excluded``. An item whose paragraph lies outside ``included`` of a
  ``paragraphs_exhaustive`` entry is outside the supplement. Anything else (no paragraph given, or a
  ``condition`` in words) is an open question: CANNOT_CLEAR naming ``condition`` unless the order states it.
* ``744.21.countries`` / ``744.22.countries`` -- country lists in force on the day; a destination or end user's
  country in ``unverified`` is an open question (the change's effective date is not verified): CANNOT_CLEAR.
* ``744.8.sdn_tags`` -- an SDN party carrying one of ``tags`` brings the licence requirement of its
  ``section``; a tag with ``verified: false`` is CANNOT_CLEAR naming the section. An OFAC block itself is a
  separate matter (PROHIBITED) that these values do not decide.
* ``740.lvs.<ECCN>`` / ``740.gbs.<ECCN>`` -- one rule per ECCN; a paragraph that is not established as eligible
  (``conditional`` or not parsed) makes the exception unavailable, never available.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --- Supplement No. 2 to Part 744 (items of the § 744.21(a)(1) military end-use/user requirement) -------------


class Supp2Entry(_Frozen):
    """One entry of Supplement No. 2 to Part 744."""

    eccn: str = Field(pattern=r"^\d[A-E]\d{3}$")
    category: int = Field(ge=0, le=9)
    roman: str  # the entry's own paragraph number in the supplement, e.g. "(3)(i)"
    scope: Literal["entire", "limited"]
    included: tuple[str, ...] = ()  # paragraphs of this ECCN the entry is limited to, e.g. ("a", "b.7", "f")
    excluded: tuple[str, ...] = ()  # paragraphs of this ECCN the entry leaves out
    paragraphs_exhaustive: bool = False  # the limitation is exactly ``included`` (no words left to test)
    condition: str | None = None  # a limitation in words an ECCN paragraph cannot settle (ask the order)
    refers_to: tuple[str, ...] = ()  # paragraphs of other ECCNs the limitation names, e.g. ("5A991.a",)
    text: str  # the entry as printed (after the ECCN)


class Supp2List(_Frozen):
    entries: tuple[Supp2Entry, ...]


# --- § 744.21 and § 744.22 ------------------------------------------------------------------------------


class MeuCountries(_Frozen):
    """§ 744.21(a): (a)(1) Supp. 2 items for military end uses/users of these countries; (a)(2) any item."""

    supp2_items: tuple[str, ...]  # ISO alpha-2, § 744.21(a)(1)
    all_items: tuple[str, ...] = ()  # § 744.21(a)(2)
    unverified: tuple[str, ...] = ()  # may already be covered on these days (effective date not verified)
    outside_listed_only: bool = True  # military end users located outside these countries: only listed ones


class EndUseLicenceExceptions(_Frozen):
    paragraph: str  # e.g. "744.21(c)"
    allowed: tuple[str, ...]  # e.g. ("GOV 740.11(b)(2)(i)", "GOV 740.11(b)(2)(ii)")


class MeuReviewPolicy(_Frozen):
    paragraph: str  # "744.21(e)"
    supp2_items: str  # (a)(1)
    all_items: str | None = None  # (a)(2)
    ear99_food_medicine: str | None = None


class MieuCountries(_Frozen):
    """§ 744.22(a): any item subject to the EAR for military-intelligence end uses/users of these countries."""

    countries: tuple[str, ...]
    groups: tuple[str, ...] = ()  # Country Groups whose members are covered, e.g. ("E:1", "E:2")
    unverified: tuple[str, ...] = ()


class MieuOrganisation(_Frozen):
    country: str  # ISO alpha-2
    paragraph: str  # e.g. "744.22(f)(2)(iv)"
    names: tuple[str, ...]  # each organisation named, with its abbreviation as printed, e.g. "GRU"
    verified_from: bool = True  # False: the first day it was named is not verified (the earliest plausible day is used)


class MieuOrganisations(_Frozen):
    organisations: tuple[MieuOrganisation, ...]
    exhaustive_elsewhere: bool = True  # outside the § 744.22(a) countries, (f)(2) is the exhaustive list
    policy: str
    note: str | None = None


class MieuReviewPolicy(_Frozen):
    paragraph: str
    policy: str


# --- § 744.8 and the earlier SDN-keyed sections --------------------------------------------------------


class SdnTag(_Frozen):
    tag: str  # the SDN List program identifier without brackets, e.g. "SDGT"
    section: str  # e.g. "744.8(a)(1)(ii)(B)" or "744.12" (former section)
    group: Literal["russia_ukraine_belarus", "terrorism", "wmd", "narcotics_criminal"]
    items: Literal["all_items"] = "all_items"
    policy: str
    license_exceptions: Literal["none", "none_unless_entity_list_entry"]
    verified: bool = True
    note: str | None = None


class SdnTagRule(_Frozen):
    tags: tuple[SdnTag, ...]
    party_roles: tuple[str, ...] = ("purchaser", "intermediate_consignee", "ultimate_consignee", "end_user")
    ofac_authorised_exempt: bool = True  # no EAR licence if authorised or exempt under OFAC rules (§ 744.8(b))
    affiliates_50pct: Literal["in_force", "stayed", "absent"] = "absent"


# --- Entity List footnotes 3, 4, 5 ---------------------------------------------------------------------


class ElFootnote(_Frozen):
    footnote: int = Field(ge=1, le=9)
    in_force: bool
    fdp_paragraph: str | None = None  # "734.9(g)", "734.9(e)(2)", "734.9(e)(3)"
    licence_paragraph: str | None = None  # "746.8(a)(3)", "744.11(a)(2)(iv)", "744.11(a)(2)(v)"
    reach: str | None = None  # where the licence requirement applies
    license_exceptions: str | None = None
    review_policy: str | None = None
    text: str | None = None  # the footnote as printed at the end of the Supp. No. 4 table (2026-07-23)
    verified: bool = True


# --- words of a party's name (§ 744.21(g), § 744.22(f)(2)) ----------------------------------------------------


class PlaceNames(_Frozen):
    """Places of a region (§ 746.6 Crimea and the covered regions of Ukraine) by which a party's name or address shows
    the item goes there: an open question, whatever country the order writes."""

    words: tuple[str, ...]  # normalised, " word " boundaries as in clearance.model.fact_vocabulary


class NotEndUser(_Frozen):
    """A known organisation that is no such end user although its name has the rule's words (the Salvation Army:
    'army', 救世軍, 'Ejército de Salvación'): its ``phrases`` are read out of the name before the words are looked
    for, and in a name with one of them ``words`` (its own vocabulary: 軍區, its territorial command) are no sign."""

    name: str
    why: str
    phrases: tuple[str, ...]
    words: tuple[str, ...] = ()


class NameSignals(_Frozen):
    """Words of a party's name that denote a military (-intelligence) end user: an open question where the rule
    would require a licence with ``fact`` stated, unless the order states ``fact`` or ``negative_fact``."""

    paragraph: str
    fact: str
    negative_fact: str
    words: tuple[str, ...]  # normalised, " word " boundaries as in clearance.model.fact_vocabulary
    not_end_users: tuple[NotEndUser, ...] = ()
    who: str = ""  # what such an end user is, in the question ("an end user of chemical or biological weapons")
    # the Unicode scripts the words read ("LATIN", "CYRILLIC", "CJK" ...): a name with letters of another script is
    # asked as a name with a word is (clearance.rules.end_user_names); empty: not asked
    scripts: tuple[str, ...] = ()
    # a name of an organisation (no legal form, no title, no not_end_users phrase) with a word in Latin letters that
    # no vocabulary reads (clearance.text.english) is asked too: the words cannot list every language's army
    unread_words: bool = False
    # words (normalised, " word " boundaries) that make such a name read as a company's, a civil institution's or a
    # person's (" corp ", " university ", " bank ", " citizen "): not asked for its other words
    unread_words_except: tuple[str, ...] = ()


class WhereverEntry(_Frozen):
    entry: str  # the Entity List entry as listed
    cite: str  # its Federal Register documents
    nation_words: tuple[str, ...]  # normalised words naming its nation ("russian", "of the russian federation")
    country: str | None = None  # a party located there needs no nation word (adversarial R36-10)


class WordCount(_Frozen):
    """A number written before ``unit`` ("232-layer": 232 " layer") of at least ``min``, read only with one of
    ``with_any`` in the text (when given)."""

    unit: str
    min: int
    with_any: tuple[str, ...] = ()


class EndUseWordsEntry(_Frozen):
    """Words of an end use stating the § 744.23 end use of ``paragraph``: its ``fact`` (evaluated with it added), or,
    without a fact, a question for any CCL item (``ccl_only``) asked in the words of ``question``."""

    paragraph: str
    fact: str | None = None
    ccl_only: bool = False
    words: tuple[str, ...]
    counts: tuple[WordCount, ...] = ()
    unless: tuple[str, ...] = ()
    question: str | None = None


class EndUseWords744_23(_Frozen):
    """Rule ``744.23.end_use_words``: the entries, asked where § 744.23 reaches (``destinations``, ``groups``)."""

    destinations: tuple[str, ...]
    groups: tuple[str, ...]
    entries: tuple[EndUseWordsEntry, ...]


class PhraseEntry(_Frozen):
    """One of ``words`` (normal form), with one of ``with_any`` when given."""

    words: tuple[str, ...]
    with_any: tuple[str, ...] = ()


class MilitaryItemWords(_Frozen):
    """Rule ``744.21.military_item_words``: words of an end use naming weapons or military platforms (none of
    ``unless`` in the text)."""

    words: tuple[str, ...]
    unless: tuple[str, ...] = ()


class DenialWords(_Frozen):
    """Rule ``736.2.b4_words``: words of an end use saying a person in the transaction is under a denial order
    (General Prohibition Four) -- the question, unless one of ``unless`` is in the text."""

    entries: tuple[PhraseEntry, ...]
    unless: tuple[str, ...] = ()
    question: str


class FrDocument(_Frozen):
    document: str = Field(pattern=r"^\d+ FR \d+$")  # its first page, e.g. "87 FR 12226"
    published: dt.date
    effective: dt.date


class EffectiveDates(_Frozen):
    """Rule ``744.11.effective_dates``: Entity List rules that took effect before their Federal Register
    publication, which is the date the list file gives their rows (adversarial round 33)."""

    documents: tuple[FrDocument, ...]


class WhereverLocated(_Frozen):
    """Entity List entries that reach their operating units "wherever located" (the Ministries of Defence of Russia
    and Belarus): a party whose name has a military-unit word (``words``) and a nation word of an entry may be such a
    unit under another name -- an open question (adversarial R9-24: the "Operational Group of Russian Forces in
    Transnistria")."""

    entries: tuple[WhereverEntry, ...]
    words: tuple[str, ...]  # normalised military-unit words, " word " boundaries
    not_end_users: tuple[NotEndUser, ...] = ()  # organisations whose name has a unit word but which are no unit


class Microprocessors(_Frozen):
    """§ 744.17: ``items`` (ECCN paragraphs) are the microprocessors of (a); an item under ``maybe`` may be one or
    carry their software/technology: an open question for a military end use/user in ``groups``."""

    groups: tuple[str, ...]
    items: tuple[str, ...]
    maybe: tuple[str, ...]
    policy: str
    license_exceptions: str


class MaritimePropulsion(_Frozen):
    """§ 744.5: technology (``kinds``) known to be for a foreign maritime nuclear propulsion project: a licence, no
    licence exception; ``question`` when the stated facts point to such a project without saying it."""

    kinds: tuple[str, ...]
    policy: str
    license_exceptions: str
    phrases: tuple[str, ...]  # end-use phrases stating the knowledge (normal form, " word " boundaries)
    question: str


class ForeignVessels(_Frozen):
    """§ 744.7: end-use ``words`` naming a vessel or aircraft make ``question`` an open point; so do
    ``description_words`` (one vessel or aircraft by its flag, registration or number, not a class of them: "seals
    designed for aircraft fuel systems" is no question) in what an item description says the item is for."""

    words: tuple[str, ...]
    question: str
    description_words: tuple[str, ...] = ()


class EncGovernment(_Frozen):
    """§ 740.17(b)(2): party-name ``words`` denoting a government end user make ENC a question outside ``supp3``
    -- everywhere while ``supp3_verified`` is false (the country list is not checked against the eCFR)."""

    supp3: tuple[str, ...]
    supp3_verified: bool = False
    words: tuple[str, ...]
    question: str
    not_end_users: tuple[NotEndUser, ...] = ()  # organisations whose name has a word but which are none


class CurrencyWords(_Frozen):
    """§ 740.3: the LVS limits are US-dollar amounts. A description naming an amount in another currency (its ISO
    codes and names next to a figure in the folded text, its symbols in the text as written) with no US-dollar
    mention: the order's value may not be in dollars, and LVS becomes ``question``."""

    codes: tuple[str, ...]
    symbols: str
    usd: tuple[str, ...]
    question: str


class OrderWords(_Frozen):
    """§ 740.3(d): words of an item's description that say the shipment is part of a larger order (the LVS limit is
    the order's, and an order may not be split): LVS becomes ``question``. ``patterns``: regular expressions on the
    folded description ("2 of 5 units", "first of four deliveries")."""

    words: tuple[str, ...]
    question: str
    patterns: tuple[str, ...] = ()


class CameraScope(_Frozen):
    items: tuple[str, ...]  # ECCNs or ECCN paragraphs
    except_countries: tuple[str, ...] = ()
    except_groups: tuple[str, ...] = ()


class Cameras(_Frozen):
    """§ 744.9(a)(1): (i) ``mil_user_narrow`` and (ii) ``mil_user`` for a 'military end-user', (iii) ``mil_commodity``
    for incorporation into a 0A919 'military commodity'; ``unverified``: the wording on those days is not held."""

    mil_user_narrow: CameraScope
    mil_user: CameraScope
    mil_commodity: CameraScope
    policy: str
    unverified: str | None = None


class HeadquartersParagraph(_Frozen):
    """§ 744.23(a)(3)(i)(B): one paragraph (3A090.c) reaching every destination outside ``groups`` and ``inside``."""

    eccn: str
    paragraph: str
    groups: tuple[str, ...]
    inside: tuple[str, ...]


class Headquarters(_Frozen):
    """§ 744.23(a)(3): items (``items`` bases and, with ``z_paragraphs``, any .z paragraph) destined outside ``groups``
    (or to ``not_groups``) and not to ``inside``, for an entity headquartered in Macau or D:5; ``hbm``: the paragraph
    of (i)(B), with its wider reach."""

    items: tuple[str, ...]
    z_paragraphs: bool
    groups: tuple[str, ...]
    not_groups: tuple[str, ...]
    inside: tuple[str, ...]
    policy: str
    question: str
    hbm: HeadquartersParagraph | None = None


class AdvancedComputingLes(_Frozen):
    """§ 740.2(a)(9): items whose licence exceptions are limited (STA not offered)."""

    eccns: tuple[str, ...]
    z_paragraphs: bool
    text: str


class ReasonLeBar(_Frozen):
    """§ 740.2(a)(4), (a)(5): an item with a licence requirement for one of ``reasons`` may use no licence exception
    but ``allowed`` (symbols), unless the country of that requirement is one of ``exempt_destinations``."""

    reasons: tuple[str, ...]
    allowed: tuple[str, ...]
    exempt_destinations: tuple[str, ...]
    text: str


class UnmodelledMilitary(_Frozen):
    """A rule whose text the data does not hold (Iraq, § 746.3: military end uses and users, transfers within Iraq):
    the countries it reaches and the open question it asks."""

    countries: tuple[str, ...]
    question: str


class BlockedOwnership(_Frozen):
    """OFAC's 50 % rule: blocked persons' shares add up; at ``threshold_pct`` or more the entity is blocked."""

    threshold_pct: int = Field(ge=1, le=100)


# --- §§ 744.2-744.4 (nuclear, rocket systems/UAV, chemical/biological weapons end uses) -----------------------


class NuclearEndUse(_Frozen):
    """§ 744.2(a): any item subject to the EAR, for the end uses of (a)(1)-(3), to any destination but these."""

    paragraph: str
    exempt_countries: tuple[str, ...]  # Supplement No. 3 to Part 744 (ISO alpha-2)
    policy: str
    license_exceptions: str
    verified: bool = True
    note: str | None = None


class MissileEndUse(_Frozen):
    """§ 744.3(a): (a)(1) range >= 300 km and (a)(3) range or use undetermined, in or by a ``range_group`` country;
    (a)(2) delivery of chemical, biological or nuclear weapons anywhere."""

    paragraph: str
    range_group: str  # "D:4"
    policy: str
    license_exceptions: str
    verified: bool = True
    note: str | None = None


class CbwEndUse(_Frozen):
    """§ 744.4(a): chemical or biological weapons anywhere; a whole 1C350 precursor plant outside the group."""

    paragraph: str
    precursor_plant_exempt_group: str  # "A:3"
    policy: str
    license_exceptions: str
    verified: bool = True
    note: str | None = None


# --- Part 740: LVS value limits and GBS paragraph scopes -----------------------------------------------


class ValueLimit(_Frozen):
    paragraphs: tuple[str, ...]  # () = the ECCN's default value
    usd: int = Field(gt=0)
    # the grant's destination condition in the line's words (adversarial R8-03): not to these Country Groups ("except
    # those also listed under Country Group D:3"), not where the Country Chart row has an X in these columns ("for
    # countries WITHOUT an X in RS Column 2"), only to these destinations ("if the ultimate destination is Canada")
    not_groups: tuple[str, ...] = ()
    not_columns: tuple[str, ...] = ()
    destinations: tuple[str, ...] = ()


class NaCondition(_Frozen):
    """A paragraph the line takes the exception away from only on a condition in words (".e (automatic loading
    multi-chamber central wafer handling systems only if connected to equipment controlled by 3B001.a.3, or .f)"):
    for an item in it the exception is a question, never offered."""

    paragraph: str
    words: str


class LvsScope(_Frozen):
    eccn: str = Field(pattern=r"^\d[A-E]\d{3}$")
    text: str  # the "LVS:" line as printed
    status: Literal["none", "all", "partial"]  # none = N/A for the whole ECCN
    limits: tuple[ValueLimit, ...] = ()
    na_paragraphs: tuple[str, ...] = ()
    na_reasons: tuple[str, ...] = ()  # N/A when the item is controlled for these reasons, e.g. ("MT",)
    conditional: tuple[str, ...] = ()  # clauses the parser could not reduce: those grants need facts (not offered)
    na_conditional: tuple[NaCondition, ...] = ()


class GbsScope(_Frozen):
    eccn: str = Field(pattern=r"^\d[A-E]\d{3}$")
    text: str
    status: Literal["none", "all", "partial"]
    paragraphs: tuple[str, ...] = ()  # eligible paragraphs when status == "partial" (empty with status "all")
    na_paragraphs: tuple[str, ...] = ()
    na_reasons: tuple[str, ...] = ()
    conditional: tuple[str, ...] = ()
    na_conditional: tuple[NaCondition, ...] = ()


class UsPersonSupport(_Frozen):
    """§ 744.6(c)(2): items not subject to the EAR that a U.S. person may not ship, facilitate or service to these
    destinations / Country Groups without a licence (ECCN prefixes: the items' CCL parameters)."""

    in_force: bool
    text: str
    destinations: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    eccn_prefixes: tuple[str, ...] = ()
    # normal-form words of an item description naming semiconductor manufacturing equipment: asked the same way when
    # the order gives no Category 3 ECCN (a foreign-made etcher given as EAR99 or with none: adversarial R44-98)
    description_words: tuple[str, ...] = ()


class UsPersonParagraph(_Frozen):
    """One paragraph of § 744.6(b)/(c)(2): the facts (end uses or end users) it turns on and where the end use must
    be ("in or by" a country): ``everywhere``, or ``countries``/``groups`` (in any of them), or anywhere except
    ``not_countries``/``not_groups``. ``verified: false``: the wording of the day is not held; the paragraph is read
    as reaching everywhere (fail closed)."""

    paragraph: str
    facts: tuple[str, ...]
    everywhere: bool = False
    countries: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    not_countries: tuple[str, ...] = ()
    not_groups: tuple[str, ...] = ()
    verified: bool = True


class UsPersonScope(_Frozen):
    """§ 744.6(b)(1)-(5), (c)(2)(i)-(ii): the paragraphs in force on the day, each with its facts and countries. A
    fact no paragraph in force names asks nothing; a party named as a military-intelligence end user counts as
    ``military_intelligence_end_use``."""

    paragraphs: tuple[UsPersonParagraph, ...]
    text: str


class UsPersonSignals(_Frozen):
    """What shows a party of an order to be a 'U.S. person' (15 CFR 772.1) against a stated no_us_person_involved:
    its country (the United States and its territories) or words of its name (normal form, " us citizen")."""

    countries: tuple[str, ...]
    words: tuple[str, ...]  # normal form, " word " boundaries; a word in another script is read in the name's own
    jurisdictions: tuple[str, ...] = ()  # the US states and territories, normal form ("new york", "puerto rico")
    templates: tuple[str, ...] = ()  # phrases with a jurisdiction in place of {} (" a {} corporation")
    codes: tuple[str, ...] = ()  # their postal codes ("tx"): in parentheses after a US legal form only
    nation: tuple[str, ...] = ()  # the United States itself in parentheses ("usa", "united states")
    forms: tuple[str, ...] = ()  # US legal forms (" inc ", " llc ", " corp ")
    branch_words: tuple[str, ...] = ()  # a branch or office in other languages, with a US legal form in the name
    markers: tuple[str, ...] = ()  # the United States as a nationality ("u s", "american") ...
    statuses: tuple[str, ...] = ()  # ... within ``gap`` words of a personal status ("citizen", "lpr")
    gap: int = Field(default=0, ge=0, le=3)
    # another country's official name in the words of 'United States' (" estados unidos mexicanos"): read as that
    # country before any word, marker or status is matched
    other_nations: tuple[str, ...] = ()


class StaClause(_Frozen):
    """One clause of a several-clause "Special conditions for STA": these paragraphs to these Country Groups."""

    groups: tuple[Literal["A:5", "A:6"], ...] = Field(min_length=1)
    paragraphs: tuple[str, ...] = Field(min_length=1)


class StaBar(_Frozen):
    """An ECCN's "Special conditions for STA": STA may not be used for these paragraphs (empty: the whole ECCN) to
    these Country Groups (empty: any destination); where the text's clauses each name their own paragraphs and
    groups, ``clauses`` holds them and decides (the union above is kept for display); ``excepted``: paragraphs inside
    those barred that the text takes out of the bar ("6A001.a.2 (except .a.2.a.4)")."""

    eccn: str = Field(pattern=r"^\d[A-E]\d{3}$")
    text: str
    groups: tuple[Literal["A:5", "A:6"], ...] = ()
    paragraphs: tuple[str, ...] = ()
    clauses: tuple[StaClause, ...] = ()
    excepted: tuple[str, ...] = ()


VALUE_TYPES: dict[str, object] = {
    "744.21.supp2": Supp2List,
    "744.21.countries": MeuCountries,
    "744.21.license_exceptions": EndUseLicenceExceptions,
    "744.21.review_policy": MeuReviewPolicy,
    "744.22.countries": MieuCountries,
    "744.22.organisations": MieuOrganisations,
    "744.22.license_exceptions": EndUseLicenceExceptions,
    "744.22.review_policy": MieuReviewPolicy,
    "744.8.sdn_tags": SdnTagRule,
    "ofac.blocked_ownership": BlockedOwnership,
    "744.17.rule": Microprocessors,
    "744.5.rule": MaritimePropulsion,
    "744.7.rule": ForeignVessels,
    "740.17.government": EncGovernment,
    "740.3.order_words": OrderWords,
    "740.3.currency": CurrencyWords,
    "744.9.rule": Cameras,
    "740.2.a9": AdvancedComputingLes,
    "740.2.a4": ReasonLeBar,
    "740.2.a5": ReasonLeBar,
    "744.23.headquarters": Headquarters,
    "744.9.license_exceptions": EndUseLicenceExceptions,
    "746.3.military": UnmodelledMilitary,
    "746.3.transfer": UnmodelledMilitary,
    "744.21.name_signals": NameSignals,
    "744.22.name_signals": NameSignals,
    "744.2.name_signals": NameSignals,
    "736.2.b4_words": DenialWords,
    "744.21.military_item_words": MilitaryItemWords,
    "744.23.end_use_words": EndUseWords744_23,
    "744.3.name_signals": NameSignals,
    "744.4.name_signals": NameSignals,
    "744.11.wherever_located": WhereverLocated,
    "744.11.effective_dates": EffectiveDates,
    "746.6.place_names": PlaceNames,
    "744.2.rule": NuclearEndUse,
    "744.3.rule": MissileEndUse,
    "744.4.rule": CbwEndUse,
    "744.supp4.footnote.*": ElFootnote,
    "740.lvs.*": LvsScope,
    "740.gbs.*": GbsScope,
    "740.tsr.*": GbsScope,  # the TSR line (§ 740.6) in the GBS line's grammar
    "740.sta.*": StaBar,
    "744.6.c2": UsPersonSupport,
    "744.6.scope": UsPersonScope,
    "744.6.us_person_signals": UsPersonSignals,
}
