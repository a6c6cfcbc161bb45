"""Part 744 end-use and end-user steps on the issue-9 rule data (clearance/regulations/part_744/):

* § 744.21 -- ``744.21.countries`` (each country from its own day; (a)(1) Supplement No. 2 items, (a)(2) any item),
  ``744.21.supp2`` (entries with paragraph limits), ``744.21.license_exceptions`` ((c): GOV only),
  ``744.21.review_policy`` ((e));
* § 744.22 -- ``744.22.countries`` (countries and Country Groups), ``744.22.organisations`` ((f)(2): a named
  organisation is a military-intelligence end user wherever located), ``744.22.license_exceptions``,
  ``744.22.review_policy``;
* § 744.15 -- ``uvl.rule``;
* § 744.8 -- ``744.8.sdn_tags``: an SDN party carrying a listed program identifier.

Fail closed: a country whose effective date is unverified on the day, a Supplement No. 2 limitation in words
the order does not settle, and an SDN identifier of a section whose text is not in the data are open questions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from fractions import Fraction
from typing import Any

from clearance.errors import CannotClear
from clearance.model.decision import ALL, ALL_OTHERS, LeStatus
from clearance.model.determination import Basis, Fact, Request
from clearance.model.fact_vocabulary import normalise
from clearance.model.regulation import MissingFact, RuleGap
from clearance.rules.chart import UNSPECIFIED, groups
from clearance.rules.context import Ctx
from clearance.rules.eccn import Eccn, parse_eccn
from clearance.rules.end_user_names import has, name_forms
from clearance.rules.findings import Findings, Jurisdiction
from clearance.rules.parties import PartyInfo

MILITARY = {Fact.MILITARY_END_USE, Fact.MILITARY_END_USER}


def supp2_entry(ctx: Ctx, eccn: Eccn) -> tuple[bool | None, str]:
    """(in Supplement No. 2?, why): True/False, or None with the open question."""
    entries = ctx.get("744.21.supp2")["entries"]
    entry = next((e for e in entries if e["eccn"] == eccn.base), None)
    if entry is None:
        return False, f"{eccn.base} is not in Supp. No. 2 to Part 744"
    where = f"Supp. No. 2 to Part 744 {entry['roman']} ({eccn.base})"
    if entry["scope"] == "entire":
        return True, where
    included = list(entry.get("included", []))
    if eccn.paragraph and any(eccn.within(p) for p in included) and not any(
        eccn.within(p) for p in entry.get("excluded", [])
    ):
        return True, f"{where}, paragraph {'.'.join(eccn.paragraph)}"
    if eccn.paragraph and entry.get("paragraphs_exhaustive"):
        return False, f"{where} is limited to {', '.join(included)}"
    return None, f"{where}: {entry.get('condition') or 'limited to ' + ', '.join(included)}"


def _gov_only(ctx: Ctx, key: str, f: Findings) -> None:
    les = ctx.get(key)
    gov = ctx.get("le.GOV")
    f.available("GOV", " / ".join(les["allowed"]) or str(gov["text"]), ctx.cite(key))
    f.barred(ALL_OTHERS, f"only {', '.join(les['allowed'])} may be used ({les['paragraph']})", ctx.cite(key))


def _party_countries(parties: list[PartyInfo], dest: str) -> set[str]:
    return {p.country or dest for p in parties if p.role in {"end_user", "ultimate_consignee"}}


def meu(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo], f: Findings) -> None:
    _meu(ctx, req, req.facts, dest, parties, f)


# bases of Part 744 end-user and end-use rules that leave at most License Exception GOV: a licence is required
# anyway, and the application names the party
END_USER_CODES = frozenset({"EL", "MEU", "MIEU", "744.8", "744.2", "744.3", "744.4", "744.9", "DPL"})


def names(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo], f: Findings) -> None:
    """Party names that denote a military or military-intelligence end user, with no fact stated either way."""
    if not any(p.name_signals for p in parties):
        return
    if not req.facts & (MILITARY | {Fact.NOT_MILITARY_END_USER}):
        ask_names(ctx, req, dest, parties, f, "744.21.name_signals", Fact.MILITARY_END_USER, _meu, "MEU")
    if not req.facts & {Fact.MILITARY_INTELLIGENCE, Fact.NOT_MILITARY_INTELLIGENCE}:
        ask_names(ctx, req, dest, parties, f, "744.22.name_signals", Fact.MILITARY_INTELLIGENCE, _mieu_or_named,
                   "MIEU")


WHEREVER = "744.11.wherever_located"


def wherever_located(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo],
                     f: Findings) -> None:
    """A party whose name reads as an operating unit of an Entity List entity listed "wherever located" (the
    Ministries of Defence of Russia and Belarus: rule ``744.11.wherever_located``) -- a military-unit word and the
    entry's nation word, not a screening match -- is an open question (an Entity List licence for all items subject
    to the EAR if it is such a unit; adversarial R9-24). Listings given as on no list do not answer it: the unit is
    listed under the ministry's name, not its own (adversarial R33-83); ``not_military_end_user`` does (an operating
    unit of the armed forces is a military end user, § 744.21(g)), as do listings naming the Entity List."""
    if Fact.NOT_MILITARY_END_USER in req.facts:
        return
    signalled = [p for p in parties if p.name and not p.on_el and p.role.value != "exporter"
                 and any(k == WHEREVER for k, _ in p.name_signals)]
    if not signalled:
        return
    rule = ctx.get(WHEREVER)
    for p in signalled:
        forms = name_forms(str(p.name))  # (a nation word in Cyrillic is read in the name as written)
        units = [w for k, w in p.name_signals if k == WHEREVER]
        for e in rule["entries"]:
            nation = [w.strip() for w in e["nation_words"] if has(forms, w)]
            # (a unit at home needs no nation word: R36-10; a receiving party without a country is where the item goes)
            where = p.country or (dest if p.role.value in ("end_user", "ultimate_consignee") else None)
            if not nation and e.get("country") and where == e["country"]:
                nation = [f"located in {e['country']}"]
            if not nation:
                continue
            question = (f"{p.label!r} reads as an operating unit of the Entity List entity {e['entry']!r} "
                        f"({', '.join(nation + units)}): that entry reaches its units wherever located "
                        f"(§ 744.11; {e['cite']}); "
                        "if the party is one, a licence is required for all items subject to the EAR (policy of "
                        "denial) -- give the party's listings with entity_list if it is, or state "
                        "not_military_end_user if it is no unit of any armed forces (a check of the list by the "
                        "party's own name does not answer it)")
            f.bases.append(Basis("EL", f"15 CFR 744.11; Supp. No. 4 to Part 744 ({e['cite']})", "policy of denial",
                                 party=p.label, indeterminate=question, rules=(WHEREVER,)))
            break


# activities whose statement says what the end use is (a standards contribution, a Huawei TGL activity): read as
# such, they leave no § 744.21 question of their own
_CIVIL_ACTIVITIES = frozenset({Fact.STANDARDS_DEVELOPMENT, Fact.TGL_EXISTING_NETWORKS, Fact.TGL_EXISTING_HANDSETS,
                               Fact.TGL_CYBERSECURITY, Fact.TGL_5G_STANDARDS})


def end_use_words(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo],
                  f: Findings) -> None:
    """An end use stated in words, with no fact stated either way: whether it is a 'military end use' (§ 744.21(f))
    is for a person to say, so it is an open question wherever § 744.21 with that fact would require a licence (a
    note when a Part 744 licence is required anyway); nothing elsewhere (docs/facts.md)."""
    if not req.end_use.strip() or req.facts & (MILITARY | {Fact.NOT_MILITARY_END_USE} | _CIVIL_ACTIVITIES):
        return
    if any(b.code == "MEU" for b in f.bases):
        return
    trial = Findings()
    unsure: CannotClear | None = None
    try:
        _meu(ctx, req, req.facts | {Fact.MILITARY_END_USE}, dest, parties, trial)
        found: list[Basis] | None = [b for b in trial.bases if b.code == "MEU"]
    except CannotClear as exc:
        found, unsure = None, exc
    if found == []:
        return
    text = (f"the end use is stated in words ({req.end_use[:160]!r}); for this item and destination § 744.21 "
            f"({ctx.cite('744.21.countries')}) requires a licence if it is a 'military end use' (§ 744.21(f)) -- "
            f"state military_end_use or not_military_end_use")
    if found is None:
        if isinstance(unsure, RuleGap):
            raise MissingFact(text, fact="facts.military_end_use")
        # (with a military end use, § 744.21 would turn on a further point -- a Supp. No. 2 paragraph limitation):
        # a basis to be confirmed as below, so that a licence required anyway stays LICENSE_REQUIRED (adversarial
        # R10-67: § 744.23(a)(1) for a supercomputer in Wuxi beside the § 744.21 question)
        policy = ctx.get("744.21.review_policy")
        found = [Basis("MEU", f"15 CFR 744.21; {ctx.cite('744.21.countries')}", str(policy["supp2_items"]),
                       rules=("744.21.countries", "744.21.review_policy"))]
        text += f"; then: {unsure.reason if unsure is not None else ''}"
    # a basis to be confirmed: with a licence required anyway the answer stays LICENSE_REQUIRED (the point to
    # confirm named), else CANNOT_CLEAR naming it; never cleared by a licence exception
    f.bases.extend(replace(b, indeterminate=text) for b in found)


def denial_words(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo],
                 f: Findings) -> None:
    """An end use saying in words that a person taking part is under a denial order ("our forwarder, who is under a
    Commerce Department order forbidding him to take part in any export": adversarial R30-53, R30b-15; rule
    ``736.2.b4_words``): that person is no party screening can find -- the question (General Prohibition Four)."""
    if not req.end_use.strip():
        return
    rule = ctx.find("736.2.b4_words")
    if rule is None:
        return
    norm = normalise(req.end_use)
    if any(u in norm for u in rule.get("unless", ())):
        return
    found = [w.strip() for e in rule["entries"] for w in e["words"] if w in norm
             and (not e.get("with_any") or any(x in norm for x in e["with_any"]))]
    if found:
        f.bases.append(Basis("DPL", f"15 CFR 736.2(b)(4); {ctx.cite('736.2.b4_words')}", "n/a",
                             indeterminate=f"the end use says '{', '.join(dict.fromkeys(found))}': {rule['question']}",
                             rules=("736.2.b4_words",)))


# the section a basis code of a Part 744 end-user rule stands for (the question names the sections that would apply)
_SECTION_OF = {"MEU": "744.21", "MIEU": "744.22", "744.17": "744.17", "744.9": "744.9"}


def ask_names(ctx: Ctx, req: Request, dest: str, parties: list[PartyInfo], f: Findings, key: str, fact: Fact,
               step: Callable[[Ctx, Request, frozenset[Fact], str, list[PartyInfo], Findings], None],
               code: str, others: frozenset[str] = frozenset()) -> None:
    """A party whose name denotes such an end user, with no fact stated either way: an open question wherever
    the rule, with ``fact`` stated, would require a licence (a note when a licence no exception overcomes is
    required anyway). ``others``: further basis codes ``step`` may give for the same fact (§§ 744.17 and 744.9
    define a military end user in § 744.21(g)'s words)."""
    codes = others | {code}
    named = {p.label: [w for k, w in p.name_signals if k == key] for p in parties}
    named = {label: words for label, words in named.items() if words}
    if not named or any(b.code in codes for b in f.bases):
        return
    trial = Findings()
    try:
        step(ctx, req, req.facts | {fact}, dest, parties, trial)
        found = sorted({_SECTION_OF.get(b.code, b.code) for b in trial.bases if b.code in codes})
    except CannotClear:
        found = [str(ctx.get(key)["paragraph"]).split("(")[0]]
    if not found:
        return
    rule = ctx.get(key)
    who = "; ".join(f"{label!r} (words: {', '.join(words)})" for label, words in named.items())
    what = rule.get("who") or f"a {'military-intelligence' if code == 'MIEU' else 'military'} end user"
    text = (f"the party name says it may be {what} ({rule['paragraph']}): {who}; § "
            f"{' and § '.join(found)} would require a licence -- state {rule['fact']} or "
            f"{rule['negative_fact']}")
    if any(b.indeterminate is None and b.overcome_by is None and b.code in END_USER_CODES for b in f.bases):
        f.notes.append(f"{text} (noted: a Part 744 licence is required anyway)")
        return
    raise MissingFact(text, fact=f"facts.{rule['fact']}")


def _meu(ctx: Ctx, req: Request, facts: frozenset[Fact], dest: str, parties: list[PartyInfo], f: Findings) -> None:
    military = facts & MILITARY
    meu_party = any(p.meu for p in parties)
    if not military and not meu_party:
        return
    countries = ctx.get("744.21.countries")
    policy = ctx.get("744.21.review_policy")
    eccn = parse_eccn(req.item.eccn) if req.item.eccn else None
    # the country whose military end use/user is known: the destination; for a military end user located
    # elsewhere, the order must say whose it is -- fail closed: any party country or the destination counts
    where = {dest} | _party_countries(parties, dest)
    unverified = where & set(countries.get("unverified", []))
    if military and unverified:
        raise RuleGap(f"§ 744.21 on {ctx.day.isoformat()}: whether {', '.join(sorted(unverified))} is already covered "
                      f"is not verified ({ctx.cite('744.21.countries')})", rule="744.21.countries")
    all_items = where & set(countries["all_items"])
    supp2 = where & set(countries["supp2_items"])
    if military and all_items and dest in all_items | _party_countries(parties, dest):
        why = None
        if eccn is None:
            raise MissingFact("military end use/user known: the item's ECCN (or EAR99) is needed for § 744.21(a)(2)",
                              fact="item.eccn")
        if eccn.is_ear99 and Fact.NOT_FOOD_OR_MEDICINE not in facts and Fact.FOOD_OR_MEDICINE not in facts:
            why = ("EAR99 food and medicine are reviewed case-by-case (744.21(e)(1)): say whether the item is food or "
                   "medicine")
        pol = policy.get("all_items") or policy["supp2_items"]
        if eccn.is_ear99 and Fact.FOOD_OR_MEDICINE in facts:
            pol = policy.get("ear99_food_medicine") or pol
        f.bases.append(Basis("MEU", f"15 CFR 744.21(a)(2); {ctx.cite('744.21.countries')}", str(pol),
                             indeterminate=why, rules=("744.21.countries", "744.21.review_policy")))
        _gov_only(ctx, "744.21.license_exceptions", f)
        return
    if not (supp2 and military and (dest in supp2)) and not meu_party and not (military and supp2):
        return
    if military and supp2 and dest not in supp2 and not meu_party:
        # a military end user of a listed country located elsewhere: only MEU List entities (744.21(a)(1))
        f.notes.append(f"§ 744.21(a)(1): military end users located outside {', '.join(sorted(supp2))} are limited "
                       "to the MEU List; the party is not on it")
        return
    if eccn is None:
        raise MissingFact("military end use/user known: the item's ECCN is needed for § 744.21", fact="item.eccn")
    inside, why = supp2_entry(ctx, eccn)
    if inside is False:
        f.notes.append(f"§ 744.21(a)(1) not applicable: {why}")
        return
    if inside is None and Fact.SUPP2_LIMITATION_MET not in facts:
        if Fact.SUPP2_LIMITATION_NOT_MET in facts:
            f.notes.append(f"§ 744.21(a)(1) not applicable: {why} (stated not met)")
            return
        raise MissingFact(f"§ 744.21(a)(1): {why} -- state supp2_limitation_met or supp2_limitation_not_met",
                          fact="facts.supp2_limitation_met")
    f.bases.append(Basis(
        "MEU", f"15 CFR 744.21(a)(1); {ctx.cite('744.21.countries')}; {why} ({ctx.cite('744.21.supp2')})",
        str(policy["supp2_items"]), rules=("744.21.countries", "744.21.supp2", "744.21.review_policy"),
    ))
    _gov_only(ctx, "744.21.license_exceptions", f)


def mieu(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo], f: Findings) -> None:
    _mieu(ctx, req, req.facts, dest, parties, f)


def _mieu_or_named(ctx: Ctx, req: Request, facts: frozenset[Fact], dest: str, parties: list[PartyInfo],
                   f: Findings) -> None:
    """§ 744.22 as if the party were a military-intelligence end user: in a § 744.22(a) country, or -- its name
    denoting an intelligence organisation of the armed services -- one of the (f)(2) organisations, which are
    military-intelligence end users wherever located (a name the (f)(2) list does not spell the same way)."""
    _mieu(ctx, req, facts, dest, parties, f)
    if not any(b.code == "MIEU" for b in f.bases):
        rule = ctx.get("744.22.countries")
        if rule["countries"] or rule["groups"]:
            f.bases.append(Basis("MIEU", "15 CFR 744.22(f)(2) (an organisation named there, wherever located)",
                                 "presumption of denial"))


def _mieu(ctx: Ctx, req: Request, facts: frozenset[Fact], dest: str, parties: list[PartyInfo], f: Findings) -> None:
    named = [p for p in parties if p.mieu_org]
    if Fact.MILITARY_INTELLIGENCE not in facts and not named:
        return
    rule = ctx.get("744.22.countries")
    where = {dest} | _party_countries(parties, dest) | {str(p.mieu_country) for p in named}
    if where & set(rule.get("unverified", [])):
        raise RuleGap(f"§ 744.22 coverage of {', '.join(sorted(where & set(rule['unverified'])))} on "
                      f"{ctx.day.isoformat()} is not verified", rule="744.22.countries")
    covered = set(rule["countries"])
    in_scope = bool(where & covered) or any(groups(ctx, c) & set(rule["groups"]) for c in where if c != "XX")
    if not in_scope and not named:
        f.notes.append("§ 744.22: outside the listed countries only the (f)(2) organisations are military-intelligence "
                       "end users; none is a party")
        return
    if not rule["countries"] and not rule["groups"]:
        return  # § 744.22 not yet in force
    pol = ctx.get("744.22.review_policy")
    cite = ctx.cite("744.22.countries")
    if named:
        cite += "; " + "; ".join(f"{p.label} named in {p.mieu_org}" for p in named)
    f.bases.append(Basis("MIEU", f"15 CFR 744.22(a); {cite}", str(pol["policy"]),
                         rules=("744.22.countries", "744.22.organisations", "744.22.review_policy")))
    _gov_only(ctx, "744.22.license_exceptions", f)


def uvl(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo], f: Findings) -> None:
    if any(p.uvl for p in parties):
        rule = ctx.get("uvl.rule")
        f.obligations.extend(rule["obligations"])
        f.barred(ALL, f"a party is on the Unverified List ({rule['le_bar']})", ctx.cite("uvl.rule"))


def exception_bars(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo],
                   f: Findings) -> None:
    """A bar on every licence exception (Entity List § 744.11(a), UVL § 740.2(a)(17), § 744.8(c) ...) leaves
    none listed as available (issue 9: barred exceptions were still offered)."""
    if f.blanket_bar():
        available = LeStatus.AVAILABLE
        dropped = [x.symbol for x in f.exceptions if x.status is available]
        f.exceptions = [x for x in f.exceptions if x.status is not available]
        if dropped:
            f.notes.append(f"licence exceptions {', '.join(dropped)} not available: every exception is barred")


def tag_key(tag: str) -> str:
    """An SDN program identifier compared without case, spaces and hyphens: OFAC writes 'ILLICIT-DRUGS-EO14059' where
    § 744.8(a)(1)(iv)(A) prints '[ILLICIT DRUGS-EO14059]'."""
    return "".join(c for c in tag.upper() if c.isalnum())


def sdn(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo], f: Findings) -> None:
    tagged = [p for p in parties if p.sdn]
    if not tagged:
        return
    rule = ctx.get("744.8.sdn_tags")
    by_tag = {tag_key(t["tag"]): t for t in rule["tags"]}
    for p in tagged:
        for tag in p.sdn:
            t = by_tag.get(tag_key(tag))
            if t is None:
                continue
            why = None if t.get("verified", True) else str(t.get("note") or f"former § {t['section']} not verified")
            f.bases.append(Basis("744.8", f"15 CFR {t['section']} [{tag}]; {ctx.cite('744.8.sdn_tags')}",
                                 str(t["policy"]), party=p.label, indeterminate=why, rules=("744.8.sdn_tags",)))
            f.barred(ALL, f"no licence exception overcomes § 744.8 ([{tag}])", ctx.cite("744.8.sdn_tags"))


def blocked_notes(parties: list[PartyInfo], subject: bool = True) -> list[str]:
    """Why each OFAC-blocked party is blocked (on the SDN List, or owned 50 % or more by SDN-listed persons):
    dealings are prohibited under 31 CFR chapter V whatever the EAR says, unless OFAC authorises them."""
    for p in parties:
        if p.sdn or p.sdn_owned:
            break
    else:
        return []  # (the common case: no blocked party -- no list built)
    tail = "whatever the item, unless OFAC authorises them" if not subject else "unless OFAC authorises them"
    out = [f"{p.label} is on OFAC's SDN List [{', '.join(p.sdn)}]: blocked -- dealings are prohibited under 31 CFR "
           f"chapter V {tail}" for p in parties if p.sdn]
    out += [f"{p.label} is owned 50 % or more by blocked persons ({p.sdn_owned}): blocked under OFAC's 50 % rule -- "
            f"dealings are prohibited under 31 CFR chapter V {tail}" for p in parties if p.sdn_owned]
    return out


def affiliates(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo],
               f: Findings) -> None:
    """§ 744.21(a)(3) and § 744.8(a)(2): a foreign entity owned 50 % or more, individually or in the aggregate, by
    entities on the Entity List, the MEU List or the SDN List (under a § 744.8 identifier) is subject to their
    restrictions -- the most restrictive of its owners'. The Entity List part alone is licensing.affiliates; this
    step adds the MEU and SDN owners and the aggregates that mix lists (same dates: FR Doc 2025-19001 and the stay
    of 90 FR 50857)."""
    owned = [p for p in parties if p.owners and any(o.meu or o.sdn for o in p.owners)]
    if not owned:
        return
    rule = ctx.get("el.affiliates")
    if not rule["in_force"]:
        return  # licensing.affiliates notes why ownership is not considered
    sdn_rule = ctx.get("744.8.sdn_tags")
    tags = {tag_key(t["tag"]) for t in sdn_rule["tags"]}
    for info in owned:
        listed = [o for o in info.owners
                  if o.meu or (o.sdn and tags & {tag_key(t) for t in o.sdn}) or o.entry is not None
                  or o.group is not None]
        total = sum((o.pct for o in listed), start=Fraction(0))
        if total < rule["threshold_pct"]:
            continue
        who = ", ".join(f"{o.pct} % {o.label}" for o in listed)
        el_total = sum((o.pct for o in listed if o.entry is not None or o.group is not None), start=Fraction(0))
        if el_total and el_total < rule["threshold_pct"]:  # an aggregate that mixes lists: the Entity List terms too
            f.bases.append(Basis("EL-AFFILIATE", f"{ctx.cite('el.affiliates')}; 15 CFR 744.21(a)(3), 744.8(a)(2): "
                                 f"{total} % owned in aggregate by listed {who}", "presumption of denial",
                                 party=info.label, rules=("el.affiliates",)))
            f.barred(ALL, "Entity List restrictions inherited by the affiliate", "15 CFR 744.11(a)(1)")
        as_listed = replace(info, meu=info.meu or any(o.meu for o in listed),
                            sdn=tuple(dict.fromkeys((*info.sdn, *(t for o in listed for t in o.sdn)))))
        others = [as_listed if p is info else p for p in parties]
        n = len(f.bases)
        if as_listed.meu and not info.meu:
            _meu(ctx, req, req.facts, dest, others, f)
        if as_listed.sdn != info.sdn and sdn_rule["affiliates_50pct"] == "in_force":
            sdn(ctx, req, dest, juris, [as_listed], f)
        for i in range(n, len(f.bases)):
            f.bases[i] = replace(f.bases[i], cite=f"{f.bases[i].cite}; affiliate: {total} % owned by {who} "
                                 "(15 CFR 744.21(a)(3), 744.8(a)(2))", party=info.label)


# § 744.6(b)(1)-(5), (c)(2): US-person "support" of these end uses and end users needs a BIS licence even with items
# not subject to the EAR
US_PERSON_FACTS = frozenset({Fact.NUCLEAR_END_USE, Fact.MISSILE_END_USE, Fact.WMD_DELIVERY, Fact.CBW_END_USE,
                             Fact.CW_PRECURSOR_PLANT, Fact.MILITARY_INTELLIGENCE, Fact.ADVANCED_NODE_IC,
                             Fact.IC_PRODUCTION_UNKNOWN_NODE, Fact.SUPERCOMPUTER})


def sme_us_person_question(ctx: Ctx, req: Request, ways: tuple[str, ...]) -> list[str]:
    """§ 744.6(c)(2): a Category 3 B-E item not subject to the EAR to or within Macau or D:5 -- a licence if a U.S.
    person ships, facilitates or services it, whatever the end use (c)(2)(iii); the order does not say: a question.
    With no Category 3 ECCN given (none, or EAR99 for a foreign-made item), the description's words for such
    equipment (``description_words``: "plasma etch system", adversarial R44-98) ask the same. ``ways``: the
    countries the item goes to (the route's last stop and those of the parties receiving it)."""
    eccn = req.item.eccn or ""
    if "XX" in ways:
        return []
    rule = ctx.get("744.6.c2")
    if not rule["in_force"]:
        return []
    if not eccn or eccn.upper() == "EAR99" or not eccn[:1].isdigit():
        norm = normalise(req.item.description)
        said = [w.strip() for w in rule.get("description_words", ()) if w in norm]
        if not said:
            return []
        eccn = f"the item described as '{said[0]}' (semiconductor manufacturing equipment, Category 3B)"
    elif not any(eccn.startswith(p) for p in rule["eccn_prefixes"]):
        return []
    dest = next((c for c in ways if c in rule["destinations"] or set(groups(ctx, c)) & set(rule["groups"])), None)
    if dest is None:
        return []
    return [f"§ 744.6(c)(2): {eccn} is not subject to the EAR, but a 'U.S. person' may not ship, transmit, transfer, "
            f"facilitate or service (including install) it to or within {dest} without a BIS licence "
            f"({ctx.cite('744.6.c2')}) -- establish whether a U.S. person takes part"]


def us_person_party(ctx: Ctx, parties: list[PartyInfo]) -> tuple[PartyInfo, str] | None:
    """The first party of the order (the exporter included) that rule ``744.6.us_person_signals`` shows to be, or
    possibly be, a 'U.S. person' (15 CFR 772.1), with what shows it; None when nothing does. (The words were read
    from the name when the party was resolved: ``PartyInfo.us_person``, part of the party's memo key.)"""
    rule = ctx.find("744.6.us_person_signals")
    if rule is None:
        return None
    for p in parties:
        if p.country in rule["countries"]:
            return p, f"is located in {p.country} (the United States)"
        if p.us_person:
            return p, (f"names '{p.us_person[0]}' (a U.S. citizen or permanent resident, a company of a US state "
                       "or territory, or a branch or office whose company may be one)")
    return None


def _reaches(ctx: Ctx, para: dict[str, Any], ways: tuple[str, ...]) -> bool:
    """Whether a § 744.6 paragraph (rule ``744.6.scope``) reaches an end use in or by one of ``ways`` (the countries
    the item goes to); a paragraph not verified, or no single country known, reaches (fail closed)."""
    if para.get("everywhere") or not para.get("verified", True) or not ways or UNSPECIFIED in ways:
        return True
    within = set(para.get("countries", ())), set(para.get("groups", ()))
    outside = set(para.get("not_countries", ())), set(para.get("not_groups", ()))
    for c in ways:
        g = groups(ctx, c)
        if within[0] or within[1]:
            if c in within[0] or g & within[1]:
                return True
        elif c not in outside[0] and not g & outside[1]:
            return True
    return False


def us_person_questions(ctx: Ctx, req: Request, parties: list[PartyInfo], ways: tuple[str, ...]) -> list[str]:
    """For an item not subject to the EAR: the § 744.6 activities the order points to that a paragraph in force on
    the day reaches in the countries the item goes to (rule ``744.6.scope``: (b)(1) outside Supp. No. 3 to Part 744,
    (b)(2) D:4/E:2, (b)(5) from 2021-03-16 in its countries, (c)(2) from 2022-10-07 in Macau/D:5). Not modelled
    beyond that -- the order does not say whether a "U.S. person" ships, transmits, facilitates or services. Empty
    when none."""
    facts = req.facts & US_PERSON_FACTS
    named = list(dict.fromkeys(f"{p.label} ({p.mieu_org or 'named as an intelligence organisation'})" for p in parties
                               if p.mieu_org or any(k == "744.22.name_signals" for k, _ in p.name_signals)))
    if not facts and not named:
        return []  # (the common case: nothing points to § 744.6 -- no generator made)
    pointed: dict[str, list[str]] = {f.value: [f.value] for f in facts}
    if named:  # a party named as a military-intelligence end user: § 744.6(b)(5)
        pointed.setdefault(Fact.MILITARY_INTELLIGENCE.value, []).extend(named)
    found: list[str] = []
    paragraphs: list[str] = []
    for para in ctx.get("744.6.scope")["paragraphs"]:
        hit = [w for f in para["facts"] for w in pointed.get(f, ())]
        if hit and _reaches(ctx, para, ways):
            found += [w for w in hit if w not in found]
            paragraphs.append(para["paragraph"])
    if not found:
        return []
    return [f"§ 744.6: the item is not subject to the EAR, but a 'U.S. person' may not support {', '.join(found)} "
            f"without a BIS licence ({'; '.join(paragraphs)}; {ctx.cite('744.6.scope')}; 'support' of § 744.6(b)(6): "
            "shipping, transmitting or transferring a foreign item, facilitating, or servicing) -- not modelled: "
            "establish whether a U.S. person takes part"]
