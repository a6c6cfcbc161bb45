"""A validated order → the :class:`Request` the engine reads, with notes on what was read from free text.

Free text (``knowledge``, ``end_use``, the item description) becomes facts only through the phrase rules of
:mod:`clearance.model.fact_vocabulary` (documented in docs/facts.md); each fact read that way adds a note
naming the words. A knowledge statement that no rule maps to a fact is kept on the request
(``unmapped_knowledge``), never dropped, so that the engine can ask about it. Parties without ``listings``
stay "not screened" unless their name itself says they are not listed ("non-listed ...", "unlisted ...").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from clearance.model.civil_words import civil_words, unaccounted_words
from clearance.model.determination import (
    Fact,
    FdpFacts,
    Item,
    LicenceState,
    Owner,
    Party,
    Request,
    Role,
    Transaction,
    UsInput,
)
from clearance.model.fact_vocabulary import Where, facts_in, purpose_clause, purpose_red_flag, unexplained_red_flags
from clearance.model.order_input import UNSPECIFIED, FdpFactsInput, ItemInput, OrderInput, OwnerInput, PartyInput
from clearance.model.wmd_words import SHORT, section_fact, wmd_words
from clearance.text.countries import country_name
from clearance.text.destinations import COVERED_REGIONS, in_the_united_states, places_named
from clearance.text.english import unread_words

PART_746 = frozenset({"CU", "IR", "KP", "SY", "RU", "BY", COVERED_REGIONS})  # countries with a Part 746 section

_UNLISTED = re.compile(r"(?:non-listed|unlisted|not listed)\b", re.I)


def _fdp(raw: FdpFactsInput | None) -> FdpFacts | None:
    if raw is None:
        return None
    return FdpFacts(
        direct_product_of=None if raw.direct_product_of is None else tuple(raw.direct_product_of),
        plant_direct_product_of=None if raw.plant_direct_product_of is None else tuple(raw.plant_direct_product_of),
        plant_tech_us_origin=raw.plant_tech_us_origin,
        designed_by_fn1_entity=raw.designed_by_fn1_entity,
        production_start=raw.production_start,
        telecom_generation=raw.telecom_generation_supported or None,
    )


def _item(raw: ItemInput) -> Item:
    us_inputs = None if raw.us_inputs is None else tuple(
        UsInput(u.eccn or None, u.value, u.why) for u in raw.us_inputs)
    content = raw.us_controlled_content
    total = content.total if content is not None and content.total is not None else raw.total_value
    return Item(
        eccn=raw.eccn or None,
        origin=raw.origin,
        description=raw.description,
        kind=raw.kind,
        value=raw.value,
        us_inputs=us_inputs,
        us_controlled_value=content.value if content is not None and us_inputs is None else None,
        total_value=total,
        fdp=_fdp(raw.fdp_facts),
        hts=raw.hts or None,
    )


def _owners(raw: list[OwnerInput]) -> tuple[Owner, ...]:
    return tuple(Owner(o.owner, o.pct, _owners(o.ownership)) for o in raw)


def _party(raw: PartyInput, notes: list[str]) -> Party:
    listings = raw.listings
    if listings is None and _UNLISTED.match(raw.name):
        listings = []
        notes.append(f"party {raw.name!r}: 'not listed' read from its name")
    owners = _owners(raw.ownership)
    return Party(raw.role, raw.name, raw.country, None if listings is None else tuple(listings), owners,
                 tuple(dict.fromkeys(raw.ruled_out)))


# the facts that say what an end use in words is (stated as codes or read from it): with one, the text is not the
# question of an end use no vocabulary reads (not_military_end_use is not one: it answers § 744.21 only)
_END_USE_FACTS = frozenset({
    Fact.MILITARY_END_USE, Fact.MILITARY_END_USER, Fact.MILITARY_INTELLIGENCE, Fact.NUCLEAR_END_USE,
    Fact.MISSILE_END_USE, Fact.WMD_DELIVERY, Fact.CBW_END_USE, Fact.CW_PRECURSOR_PLANT, Fact.SUPERCOMPUTER,
    Fact.ADVANCED_NODE_IC, Fact.IC_PRODUCTION_UNKNOWN_NODE, Fact.STANDARDS_DEVELOPMENT, Fact.TGL_EXISTING_NETWORKS,
    Fact.TGL_EXISTING_HANDSETS, Fact.TGL_CYBERSECURITY, Fact.TGL_5G_STANDARDS, Fact.INCORPORATED_FOR_FN1,
    Fact.MARITIME_NUCLEAR_PROPULSION, Fact.VESSEL_AIRCRAFT_CHECKED, Fact.END_USE_CHECKED})

# the facts that account for the words of each of §§ 744.2-744.4 (the rules then apply the section)
_SECTION_FACTS = {"744.2": {Fact.NUCLEAR_END_USE}, "744.3": {Fact.MISSILE_END_USE, Fact.WMD_DELIVERY},
                  "744.4": {Fact.CBW_END_USE, Fact.CW_PRECURSOR_PLANT}}


def _wmd_questions(text: str, found: list[Fact], use_only: bool = False) -> list[str]:
    """The §§ 744.2-744.4 words of ``text`` (clearance/model/wmd_words.py) whose section no stated fact accounts for,
    as questions naming the section and the fact to state."""
    out = []
    for section, words in wmd_words(text, use_only=use_only).items():
        if not _SECTION_FACTS[section] & set(found):
            out.append(f"words of 15 CFR {section} ({SHORT[section]}): {', '.join(words)} -- state "
                       f"{section_fact(section)} if the item is for such an activity")
    return out


def _not_read(text: str, found: list[Fact], known: list[str], flags_label: str) -> str:
    """Why ``text`` cannot be taken as read: its red flags no fact read accounts for, its §§ 744.2-744.4 words, and
    its words outside the vocabulary (another language or script, a term Clearance does not know); "" when it is
    read."""
    why = _wmd_questions(text, found)
    if flags := unexplained_red_flags(text, found):
        why.append(f"{flags_label}: {', '.join(flags)}")
    if words := unread_words(text, known):
        why.append(f"words Clearance does not read: {', '.join(words)}; state the facts they mean (docs/facts.md)")
    return "; ".join(why)


def _not_civil(end_use: str, known: list[str]) -> str:
    """Why an end use from which no fact is read is not answered by the civil vocabulary (docs/facts.md, "An end use
    no vocabulary reads"): it names no civil activity, or words beside it that no closed vocabulary accounts for
    (``known``: the order's party names and countries, the item's own name); "" when it is answered."""
    if not civil_words(end_use):
        return "no fact is read from it and it names no civil activity of docs/facts.md"
    if words := unaccounted_words(end_use, known):
        return (f"no fact is read from it and its words {', '.join(words)} are outside the civil "
                "vocabulary of docs/facts.md (a civil word accounts for an end use only with every other word)")
    return ""


def _item_name(description: str) -> str:
    """The item's own name: its description before a purpose word (the purpose clause says what it is for)."""
    clause = purpose_clause(description)
    return description[: len(description) - len(clause)] if clause else description


def _purpose_not_read(description: str, clause: str, found: list[Fact]) -> str:
    """Why an item description cannot be taken as read: its §§ 744.2-744.4 words of what an item is used for (kinds
    ``use`` and ``weapon``: a weapon or programme named outright) and dispersal over people that no fact accounts for,
    anywhere in the description (since session 22: a purpose is written after 'going into', 'as part of', 'will be
    fitted to', 'destinado a', 'для', 用于 as well as after 'for': adversarial round 44); "" when it is read. (The
    description's other words, red flags included, are not read here: a description names the item's technical class
    as the CCL does -- "9A610.x part for a military aircraft" -- and the rules read the classification), except the
    purpose ``clause``'s red flags of what an item is for (``USE_RED_FLAGS``: signals intercept, general staff, barred
    ...) and the armed services by name (adversarial R30-32, R30b-04..R30b-06: "for the PLA Navy's destroyers":
    ``purpose_red_flag``)."""
    why = _wmd_questions(description, found, use_only=True)
    if flags := [f for f in unexplained_red_flags(clause, found) if purpose_red_flag(f)]:
        why.append(f"red flags: {', '.join(flags)}")
    return "; ".join(why)


def _elsewhere(where: str, text: str, here: set[str], made_in: str | None = None) -> list[str]:
    """A question for each place ``text`` names (clearance/text/destination_places.yml) of a country the order does
    not place the item in: if the item goes there, that is the country of ultimate destination (§ 738.4(a)), whose
    chart, Part 746 section and end-use rules apply (adversarial round 6: R6-74 Minsk, R6-81 Pyongyang)."""
    out = []
    for place, code in places_named(text, made_in):
        if code in here:
            continue
        country = ("Crimea or a covered region of Ukraine (15 CFR 746.6)" if code == COVERED_REGIONS
                   else f"{country_name(code)} ({code})")
        out.append(f"the {where} names {place!r}, in {country}: if the item goes to or is for use there, that is "
                   "the country of ultimate destination (15 CFR 738.4(a)); give it as the route's destination or a "
                   f"party's country, or restate the {where} if the item does not go there: {text[:160]!r}")
    return out


def _in_the_us(where: str, text: str) -> str:
    """The question for words that put a foreign-made item in the United States the route does not state."""
    return (f"the {where} says the item passes through or is held in the United States "
            f"({in_the_united_states(text)!r}): an item in the United States, in a US foreign-trade zone or moving in "
            "transit through it is subject to the EAR whatever its origin (15 CFR 734.3(a)(1)); give route.via: [US] "
            f"(or route.from: US) if it does, or restate the {where} if it does not: {text[:160]!r}")


def to_request(order: OrderInput, default_id: str = "", rejoined: Iterable[str] = ()) -> tuple[Request, list[str]]:
    """The Request of a validated order and the notes saying which facts were read from free text (and which
    texts the reader re-joined across YAML flow commas)."""
    notes = [f"re-joined across YAML flow commas: {text!r}" for text in rejoined]
    item = _item(order.item)
    if order.transaction is Transaction.RELEASE and item.kind is None:
        item = dataclasses.replace(item, kind="technology")
        notes.append("item kind 'technology' read from transaction 'release'")
    parties = tuple(_party(p, notes) for p in order.parties)
    if order.exporter is not None and order.exporter.name:
        # the exporter is screened too: a denial order or an OFAC block binds whoever exports (§ 736.2(b)(4))
        exporter = PartyInput(role=Role.EXPORTER, name=order.exporter.name,
                              country=order.exporter.country or order.origin_country,
                              listings=order.exporter.listings, ruled_out=order.exporter.ruled_out)
        parties += (_party(exporter, notes),)
    facts: list[Fact] = list(dict.fromkeys(order.facts))

    def read(where: Where, text: str) -> list[Fact]:
        found = facts_in(where, text)
        for fact in found:
            if fact not in facts:
                facts.append(fact)
                notes.append(f"fact {fact.value} read from {where}: {text[:80]!r}")
        return found

    unmapped: tuple[str, ...] = ()
    # countries the order itself places the item in: a place of another country in its words is a question
    # (in the end use and description, the Part 746 countries are the rules' own question, asked only where their
    # section would require a licence: rule 746.named_places; the others matter only for items on the CCL)
    here = {c for c in (order.destination, order.origin_country, *(p.country for p in parties)) if c}
    texts = [("knowledge", k, frozenset[str]()) for k in order.knowledge]
    if (item.eccn or "").upper() != "EAR99":
        texts += [("end use", order.end_use, PART_746), ("item description", item.description, PART_746)]
    for where, text, left in texts:
        unmapped += tuple(_elsewhere(where, text, here | left, item.origin))
    if item.origin != "US" and order.origin_country != "US" and "US" not in order.via:
        unmapped += tuple(_in_the_us(where, text) for where, text in (
            *(("knowledge", k) for k in order.knowledge), ("end use", order.end_use),
            ("item description", item.description)) if in_the_united_states(text))
    known = [p.name for p in parties] + [c for c in (order.destination, order.origin_country) if c]
    known += [country_name(c) for c in (order.destination, order.origin_country) if c]
    for text in order.knowledge:
        if not text:
            continue
        found = read("knowledge", text)
        if not found:
            unmapped += (text,)
            notes.append(f"knowledge not mapped to any fact (see docs/facts.md): {text[:80]!r}")
        elif why := _not_read(text, found + list(order.facts), known, "red flags beyond the facts read"):
            unmapped += (f"{text[:200]!r} ({why})",)
    stated = read("end_use", order.end_use) + list(order.facts)
    if why := _not_read(order.end_use, stated, known, "red flags"):  # never ignored (nor hidden by a fact)
        unmapped += (f"end use {order.end_use[:200]!r} ({why})",)
    elif order.end_use.strip() and not _END_USE_FACTS & set(stated) and (why := _not_civil(
            order.end_use, [*known, _item_name(item.description)])):
        # an end use no vocabulary reads: knowledge in plain words is a fact or a question (issue 9 kind 7;
        # adversarial R27-16, R27b-01..R27b-11), never dropped; a civil word answers it only when every other word
        # is accounted for (adversarial round 32)
        unmapped += (f"end use {order.end_use[:200]!r} ({why}: state the facts it gives as codes -- e.g. "
                     f"{Fact.NUCLEAR_END_USE.value}, {Fact.CBW_END_USE.value}, {Fact.MILITARY_END_USE.value} -- or "
                     f"{Fact.END_USE_CHECKED.value} if it is none of the end uses of Part 744)",)
    found_in_item = read("description", item.description)
    if item.description and (why := _purpose_not_read(item.description, purpose_clause(item.description),
                                                        found_in_item + stated)):
        # an end use written in the description (adversarial R27c-02..R27c-05, R43b-26..R43b-33)
        unmapped += (f"item description {item.description[:200]!r} ({why})",)
    licences: tuple[LicenceState, ...] = ()
    if order.licence_state is not None:
        ls = order.licence_state
        licences = (LicenceState(ls.licence_id, ls.granted, ls.revoked, ls.expires),)
    request = Request(
        date=order.day,
        item=item,
        to_country=order.destination or UNSPECIFIED,
        from_country=order.origin_country,
        transaction=order.transaction,
        parties=parties,
        end_use=order.end_use,
        facts=frozenset(facts),
        licences=licences,
        id=order.id or default_id,
        unmapped_knowledge=unmapped,
        via=order.via,
    )
    return request, notes
