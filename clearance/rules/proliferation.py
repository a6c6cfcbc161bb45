"""§§ 744.2-744.4: nuclear, rocket systems / unmanned aerial vehicle and chemical/biological weapons end uses.

Rule data: ``744.2.rule``, ``744.3.rule``, ``744.4.rule`` (clearance/regulations/part_744/proliferation.yaml,
generated from the eCFR text by tools/gen_part744.py). Every requirement reaches any item subject to the EAR and
turns on what the exporter knows, stated as facts (docs/facts.md):

* § 744.2(a): ``nuclear_end_use`` -- to any destination other than the Supplement No. 3 countries;
* § 744.3(a): ``missile_end_use`` -- (a)(1) range of 300 km or more, or (a)(3) range or use undetermined, in or by
  a Country Group D:4 country: a licence unless the order states both ``missile_range_below_300km`` and
  ``not_wmd_delivery``; (a)(2) ``wmd_delivery`` anywhere; outside D:4 an order stating neither ``wmd_delivery``
  nor ``not_wmd_delivery`` is an open question;
* § 744.4(a): ``cbw_end_use`` anywhere; ``cw_precursor_plant`` outside Country Group A:3.

"In or by" a country: the destination and the country of each end user and ultimate consignee count (fail closed:
a party located elsewhere may be the programme of its own country). No licence exception applies (744.2(c) allows
TSU only for the Supplement No. 3 countries the section does not reach; 744.3(c), 744.4(c)). Wording not held for
the day (``verified: false``) makes the basis "to be confirmed": CANNOT_CLEAR, never a clearance. The (a)(2)
carve-out for NPT nuclear-weapon States in NATO is not modelled: a stated ``wmd_delivery`` always needs a licence.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from clearance.model.decision import ALL, ALL_OTHERS
from clearance.model.determination import Basis, Fact, Request
from clearance.model.fact_vocabulary import normalise, purpose_clause
from clearance.model.regulation import MissingFact
from clearance.model.wmd_words import civil_spans
from clearance.rules.chart import UNSPECIFIED, groups
from clearance.rules.context import Ctx
from clearance.rules.descriptions import foreign_words, microprocessor_744_17, words_in
from clearance.rules.eccn import parse_eccn
from clearance.rules.findings import Findings, Jurisdiction
from clearance.rules.part744 import ask_names
from clearance.rules.parties import PartyInfo

TRIGGERS = frozenset({Fact.NUCLEAR_END_USE, Fact.MISSILE_END_USE, Fact.WMD_DELIVERY, Fact.CBW_END_USE,
                      Fact.CW_PRECURSOR_PLANT})
_RECEIVING = frozenset({"end_user", "ultimate_consignee"})


def _where(dest: str, parties: list[PartyInfo]) -> set[str]:
    return {dest} | {p.country for p in parties if p.country and p.role in _RECEIVING}


def _in_group(ctx: Ctx, where: set[str], group: str) -> set[str]:
    return {c for c in where if c != UNSPECIFIED and group in groups(ctx, c)}


def _basis(ctx: Ctx, f: Findings, key: str, paragraph: str, why: str, rule: dict[str, Any]) -> None:
    confirm = None if rule.get("verified", True) else str(rule.get("note") or f"§ {key} wording not verified")
    f.bases.append(Basis(key.removesuffix(".rule"), f"15 CFR {paragraph}: {why}; {ctx.cite(key)}", str(rule["policy"]),
                         indeterminate=confirm, rules=(key,)))
    f.barred(ALL, f"no licence exception overcomes § {paragraph} ({rule['license_exceptions']})", ctx.cite(key))


def end_uses(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo], f: Findings) -> None:
    facts = req.facts
    if req.end_use and not facts & {Fact.MISSILE_END_USE, Fact.WMD_DELIVERY}:
        _civil_uav_in_d4(ctx, req, dest, parties, f)
    if not facts & TRIGGERS:
        return
    where = _where(dest, parties)
    if Fact.NUCLEAR_END_USE in facts:
        rule = ctx.get("744.2.rule")
        outside = sorted(where - set(rule["exempt_countries"]))
        if outside:
            _basis(ctx, f, "744.2.rule", "744.2(a)", f"nuclear end use known, in {', '.join(outside)} (not in "
                   "Supp. No. 3 to Part 744)", rule)
        else:
            f.notes.append(f"§ 744.2(a) does not reach {', '.join(sorted(where))} (Supp. No. 3 to Part 744)")
    if facts & {Fact.MISSILE_END_USE, Fact.WMD_DELIVERY}:
        _missile(ctx, facts, where, f)
    if Fact.CBW_END_USE in facts:
        rule = ctx.get("744.4.rule")
        _basis(ctx, f, "744.4.rule", "744.4(a)", "chemical or biological weapons end use known (worldwide)", rule)
    if Fact.CW_PRECURSOR_PLANT in facts:
        rule = ctx.get("744.4.rule")
        group = str(rule["precursor_plant_exempt_group"])
        outside = sorted(where - _in_group(ctx, where, group))
        if outside:
            _basis(ctx, f, "744.4.rule", "744.4(a)", f"whole plant for ECCN 1C350 precursors in or by "
                   f"{', '.join(outside)} (not Country Group {group})", rule)
        else:
            f.notes.append(f"§ 744.4(a) precursor plant: {', '.join(sorted(where))} in Country Group {group}")


# the party-name rules of §§ 744.2-744.4 (clearance/regulations/part_744/wmd_end_user_names.yaml): (rule key, the fact
# asked, the basis code, the facts that state the section for the order)
_NAME_RULES = (("744.2.name_signals", Fact.NUCLEAR_END_USE, "744.2", frozenset({Fact.NUCLEAR_END_USE})),
               ("744.3.name_signals", Fact.MISSILE_END_USE, "744.3",
                frozenset({Fact.MISSILE_END_USE, Fact.WMD_DELIVERY})),
               ("744.4.name_signals", Fact.CBW_END_USE, "744.4",
                frozenset({Fact.CBW_END_USE, Fact.CW_PRECURSOR_PLANT})))


def names(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo], f: Findings) -> None:
    """A party (not the exporter) whose name denotes an end user of §§ 744.2-744.4 ("Long-Range Rocket Test Centre",
    "Centro Tecnológico de Armas Químicas": adversarial R30-44, R30-45), with no fact stated either way: an open
    question wherever the section with its fact stated would require a licence (a note when a Part 744 licence is
    required anyway)."""
    if Fact.NOT_WMD_END_USER in req.facts:
        return
    others = [p for p in parties if p.role.value != "exporter" and p.name_signals]
    keys = {k for p in others for k, _ in p.name_signals}
    if not keys:
        return
    named = [p for p in parties if p.role.value != "exporter"]

    def trial(ctx: Ctx, req: Request, facts: frozenset[Fact], dest: str, parties: list[PartyInfo],
              f: Findings) -> None:
        end_uses(ctx, replace(req, facts=facts), dest, juris, parties, f)

    for key, fact, code, stated in _NAME_RULES:
        if key in keys and not req.facts & stated:
            ask_names(ctx, req, dest, named, f, key, fact, trial, code)


def _civil_uav_in_d4(ctx: Ctx, req: Request, dest: str, parties: list[PartyInfo], f: Findings) -> None:
    """A UAV in a known civil context ("agricultural spraying drones": clearance/model/wmd_words.py) is not asked
    about by the order reader; in or by a Country Group D:4 country § 744.3(a)(3) still requires a licence unless
    its range and weapons-delivery use are determined: the question, naming the section."""
    spans = [s for s in civil_spans(normalise(req.end_use)) if " drone" in f" {s}" or " uav" in f" {s}"]
    if not spans:
        return
    rule = ctx.get("744.3.rule")
    d4 = sorted(_in_group(ctx, _where(dest, parties), str(rule["range_group"])))
    if not d4:
        return
    question = (f"§ 744.3(a)(3): the end use names '{spans[0]}', in or by {', '.join(d4)} (Country Group "
                f"{rule['range_group']}): a civil use does not determine the range or the weapons-delivery use -- "
                "state missile_end_use with missile_range_below_300km and not_wmd_delivery if so")
    f.bases.append(Basis("744.3", f"15 CFR 744.3(a)(3); {ctx.cite('744.3.rule')}", str(rule["policy"]),
                         indeterminate=question, rules=("744.3.rule",)))
    f.barred(ALL, f"no licence exception overcomes § 744.3(a) ({rule['license_exceptions']})", ctx.cite("744.3.rule"))


def _missile(ctx: Ctx, facts: frozenset[Fact], where: set[str], f: Findings) -> None:
    rule = ctx.get("744.3.rule")
    if Fact.WMD_DELIVERY in facts:
        _basis(ctx, f, "744.3.rule", "744.3(a)(2)", "rocket systems or unmanned aerial vehicles for the delivery of "
               "chemical, biological or nuclear weapons (anywhere)", rule)
        return
    group = str(rule["range_group"])
    d4 = _in_group(ctx, where, group)
    if d4:
        if Fact.MISSILE_RANGE_BELOW_300KM in facts and Fact.NOT_WMD_DELIVERY in facts:
            f.notes.append(f"§ 744.3(a)(1)/(a)(3): rocket systems/UAVs in or by {', '.join(sorted(d4))} stated below "
                           "300 km range and not for weapons delivery")
            return
        para = "744.3(a)(3)" if Fact.MISSILE_RANGE_BELOW_300KM in facts else "744.3(a)(1)/(a)(3)"
        where_d4 = ", ".join(sorted(d4))
        _basis(ctx, f, "744.3.rule", para, f"rocket systems or unmanned aerial vehicles in or by {where_d4} (Country "
               f"Group {group}); range of 300 km or more, or range or weapons-delivery use not determined", rule)
        return
    if Fact.NOT_WMD_DELIVERY not in facts:
        raise MissingFact("§ 744.3(a)(2): rocket systems or unmanned aerial vehicles are known; a licence is required "
                          "anywhere if they are for the delivery of chemical, biological or nuclear weapons -- state "
                          "wmd_delivery or not_wmd_delivery", fact="facts.wmd_delivery")
    f.notes.append(f"§ 744.3: {', '.join(sorted(where))} not in Country Group {group} and not for weapons delivery")


def maritime(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo], f: Findings) -> None:
    """§ 744.5: technology known to be for a foreign maritime nuclear propulsion project (fact
    ``maritime_nuclear_propulsion``): a licence, no licence exception. A nuclear end use stated for technology
    without either fact points to it: the question (rule ``744.5.rule``)."""
    facts = req.facts
    if Fact.NOT_MARITIME_NUCLEAR_PROPULSION in facts or not (
            facts & {Fact.MARITIME_NUCLEAR_PROPULSION, Fact.NUCLEAR_END_USE} or normalise(req.end_use).find(
                " nuclear ") >= 0 or " naval " in normalise(req.end_use)):
        return  # (the common case: nothing points to it -- read no rule)
    rule = ctx.get("744.5.rule")
    read = words_in(req.end_use, rule["phrases"])
    stated = Fact.MARITIME_NUCLEAR_PROPULSION in facts or bool(read)
    if not stated and Fact.NUCLEAR_END_USE not in facts:
        return
    kind = req.item.kind or ("technology" if req.item.eccn and parse_eccn(req.item.eccn).product_group == "E"
                             else None)
    if kind not in rule["kinds"]:
        if stated and kind is None:
            raise MissingFact("§ 744.5(a) reaches technology only: say whether the item is technology (item kind)",
                              fact="item.kind")
        return
    why = None if stated else str(rule["question"])
    how = f" (the end use says '{read[0]}')" if read and Fact.MARITIME_NUCLEAR_PROPULSION not in facts else ""
    f.bases.append(Basis("744.5", f"15 CFR 744.5(a): technology for a foreign maritime nuclear propulsion project"
                         f"{how}; {ctx.cite('744.5.rule')}", str(rule["policy"]), indeterminate=why,
                         rules=("744.5.rule",)))
    f.barred(ALL, str(rule["license_exceptions"]), ctx.cite("744.5.rule"))


def vessels(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo], f: Findings) -> None:
    """§ 744.7(a): an item to or for the use of a foreign vessel or aircraft needs a licence unless NLR or a licence
    exception permits the shipment to the countries where it is located, registered and controlled -- which an
    order cannot state. Words naming a vessel or aircraft (rule ``744.7.rule``) in the end use or in what the item
    description says the item is for are the question (beside a determinate basis: to confirm), unless
    ``vessel_aircraft_countries_checked`` is stated."""
    if Fact.VESSEL_AIRCRAFT_CHECKED in req.facts:
        return
    # the end use; and what the item description says the item is for when it names one craft by its registration,
    # number or flag ("for A321 registration RA-73415"; a description not in English read whole, R47b-12:
    # "provisiones de cubierta ... para el buque de bandera iraní")
    rule = ctx.get("744.7.rule")
    found = words_in(req.end_use, rule["words"])
    if words_in(req.item.description, rule.get("description_words", ())):  # (then only: most orders have none)
        said = req.item.description if foreign_words(req.item.description) else purpose_clause(req.item.description)
        found += words_in(said, rule.get("description_words", ()))
    if not found:
        return
    # (always a basis: a licence exception overcoming another basis does not answer it)
    question = f"{rule['question']} (the order says '{found[0]}')"
    f.bases.append(Basis("744.7", f"15 CFR 744.7(a); {ctx.cite('744.7.rule')}", "n/a", indeterminate=question,
                         rules=("744.7.rule",)))


MILITARY = frozenset({Fact.MILITARY_END_USE, Fact.MILITARY_END_USER})


def microprocessors(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo],
                    f: Findings) -> None:
    """§ 744.17: microprocessors of 5 GFLOPS or more with a 32-bit ALU (and their development/production software
    and technology) for a military end use or end user in Country Group D:1 (rule ``744.17.rule``)."""
    if not req.facts & MILITARY or not req.item.eccn:
        return
    eccn = parse_eccn(req.item.eccn)
    if eccn.is_ear99:
        return
    rule = ctx.get("744.17.rule")
    where = _where(dest, parties)
    d1 = set().union(*(_in_group(ctx, where, g) for g in rule["groups"]))
    if not d1:
        return
    items = [tuple(i.split(".")) for i in rule["items"]]
    mine = [i[1:] for i in items if i[0] == eccn.base]
    if any(eccn.paragraph[: len(p)] == p for p in mine):
        why = None
    elif mine and eccn.paragraph and not any(p[: len(eccn.paragraph)] == eccn.paragraph for p in mine):
        # another paragraph of an ECCN whose microprocessor paragraph is known -- unless the order states a
        # § 744.17(a) microprocessor by its parameters, which decide, not the paragraph it is filed under
        # (adversarial R51b-13: '3A991.a.2 ... 20 GFLOPS, 64-bit ALU')
        if not (Fact.MICROPROCESSOR_744_17 in req.facts or microprocessor_744_17(req.item.description)):
            return
        why = None
    elif eccn.base in rule["maybe"]:
        why = (f"§ 744.17(a): say whether the {eccn.text} item is (or is software/technology for the development or "
               "production of) a microprocessor of 5 GFLOPS or more with a 32-bit or wider arithmetic logic unit "
               "(state microprocessor_744_17 or not_microprocessor_744_17)")
        if Fact.NOT_MICROPROCESSOR_744_17 in req.facts:
            f.notes.append(f"§ 744.17(a): the {eccn.text} item is stated not to be a microprocessor of 5 GFLOPS or "
                           "more with a 32-bit or wider arithmetic logic unit (nor software/technology for one)")
            return
        if Fact.MICROPROCESSOR_744_17 in req.facts or microprocessor_744_17(req.item.description):
            why = None
    else:
        return
    if why is not None and any(b.code in ("MEU", "MIEU", "EL") and b.indeterminate is None for b in f.bases):
        f.notes.append(f"{why} (a § 744.21/744.22/744.11 licence with the same review policy and exceptions is "
                       "required anyway)")
        return
    f.bases.append(Basis("744.17", f"15 CFR 744.17(a): military end use/user in {', '.join(sorted(d1))} (Country "
                         f"Group D:1); {ctx.cite('744.17.rule')}", str(rule["policy"]), indeterminate=why,
                         rules=("744.17.rule",)))
    f.available("GOV", str(rule["license_exceptions"]), ctx.cite("744.17.rule"))
    f.barred(ALL_OTHERS, f"only {rule['license_exceptions']}", ctx.cite("744.17.rule"))


def military_words(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo],
                   f: Findings) -> None:
    """An end use or item description naming weapons or their fire control (rule ``744.21.military_item_words``:
    "the aiming computers of the coastal gun batteries", "night sights for tank guns": adversarial R30-51, R30-52;
    camera cores "to be integrated into thermal weapon sights (0A919)": R46-25, R46-26, § 744.9(a)(1)(iii) in A:1
    destinations too) with no fact stated either way: §§ 744.17 and 744.9 evaluated with military_end_use added;
    where either would require a licence, a basis to be confirmed naming the words. A word right after a negation
    ("civil, not 0A919") is not read."""
    if not (req.end_use.strip() or req.item.description.strip()) or not req.item.eccn \
            or req.facts & (MILITARY | {Fact.NOT_MILITARY_END_USE}):
        return
    if parse_eccn(req.item.eccn).base not in ctx.memo("744.9/744.17 bases", _military_word_bases, ctx, replay=False):
        return  # (most orders: neither section can reach the item -- no text read)
    rule = ctx.find("744.21.military_item_words")
    if rule is None:
        return
    norm = normalise(f"{req.end_use} . {req.item.description}")
    found = [w.strip() for w in rule["words"] if _stated(norm, w)]
    if not found or any(u in norm for u in rule.get("unless", ())):
        return
    trial = Findings()
    tried = replace(req, facts=req.facts | {Fact.MILITARY_END_USE})
    microprocessors(ctx, tried, dest, juris, parties, trial)
    cameras(ctx, tried, dest, juris, parties, trial)
    question = (f"the end use or item description names weapons or their fire control ('{', '.join(found)}'): a "
                "'military end use' (15 CFR 744.21(f)) -- state military_end_use, or not_military_end_use if the item "
                "is not for them")
    f.bases.extend(replace(b, indeterminate=f"{question}; {b.indeterminate}" if b.indeterminate else question,
                           rules=(*b.rules, "744.21.military_item_words"))
                   for b in trial.bases if b.code in ("744.17", "744.9"))


def _military_word_bases(ctx: Ctx) -> frozenset[str]:
    """The ECCN bases §§ 744.9 and 744.17 can reach (rules ``744.9.rule``, ``744.17.rule``): for any other item the
    trial of ``military_words`` adds nothing."""
    cams = ctx.get("744.9.rule")
    procs = ctx.get("744.17.rule")
    refs = [*cams["mil_user_narrow"]["items"], *cams["mil_user"]["items"], *cams["mil_commodity"]["items"],
            *procs["items"]]
    return frozenset(parse_eccn(r).base for r in refs) | frozenset(procs["maybe"])


def _stated(norm: str, word: str) -> bool:
    """Whether ``word`` is in the normal-form text other than right after a negation ("civil, not 0A919")."""
    at = norm.find(word)
    while at >= 0:
        if not norm[:at].endswith((" no", " not", " non")):
            return True
        at = norm.find(word, at + 1)
    return False


def military_names(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo],
                   f: Findings) -> None:
    """§§ 744.17 and 744.9 reach a 'military end user' in § 744.21(g)'s words (the national armed services, national
    guard and national police, government intelligence or reconnaissance organisations) in countries § 744.21 does
    not name: a party whose name denotes one (rule ``744.21.name_signals``), with no fact stated either way, is the
    question wherever either section, with military_end_user stated, would require a licence (adversarial R37-57:
    microprocessors for the Ministry of Defence of Kazakhstan; R37-64: thermal camera cores for the Royal Thai
    Police). Asked after § 744.21's own question (``part744.names``), which stops the determination first."""
    if req.facts & (MILITARY | {Fact.NOT_MILITARY_END_USER}) or not req.item.eccn \
            or not any(k == "744.21.name_signals" for p in parties for k, _ in p.name_signals):
        return

    def step(ctx: Ctx, req: Request, facts: frozenset[Fact], dest: str, parties: list[PartyInfo],
             f: Findings) -> None:
        tried = replace(req, facts=facts)
        microprocessors(ctx, tried, dest, juris, parties, f)
        cameras(ctx, tried, dest, juris, parties, f)

    ask_names(ctx, req, dest, parties, f, "744.21.name_signals", Fact.MILITARY_END_USER, step, "744.17",
              frozenset({"744.9"}))


def _in(eccn_text: str, refs: tuple[str, ...]) -> bool | None:
    """Whether the item is one of ``refs`` (True), may be (None: its paragraph is coarser), or is not (False)."""
    eccn = parse_eccn(eccn_text)
    maybe = False
    for ref in refs:
        base, _, para = ref.partition(".")
        if eccn.base != base:
            continue
        if not para or (eccn.paragraph and eccn.within(para)):
            return True
        if tuple(para.split("."))[: len(eccn.paragraph)] == eccn.paragraph:
            maybe = True
    return None if maybe else False


def cameras(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo], f: Findings) -> None:
    """§ 744.9(a)(1): cameras and related items known to be for a 'military end-user' (fact military_end_user, or a
    party on the MEU List), or -- a question -- for a military end use that may be incorporation into a 0A919
    'military commodity' (iii); GOV only (e). Outside the excepted destinations."""
    use = Fact.MILITARY_END_USE in req.facts
    if not req.item.eccn or dest == UNSPECIFIED or not (
            use or Fact.MILITARY_END_USER in req.facts or any(p.meu for p in parties)):
        return  # (the common case: no military end use or user -- read no rule)
    rule = ctx.get("744.9.rule")
    narrow = _in(req.item.eccn, tuple(rule["mil_user_narrow"]["items"]))
    if _in(req.item.eccn, tuple(rule["mil_user"]["items"])) is False and narrow is False:
        return
    user = (Fact.MILITARY_END_USER in req.facts or any(p.meu for p in parties)) \
        and Fact.NOT_MILITARY_END_USER not in req.facts
    if not user and not use:
        return
    cite = ctx.cite("744.9.rule")
    grp = groups(ctx, dest)
    scope = rule["mil_user_narrow"] if narrow else rule["mil_user"]
    excepted = dest in scope.get("except_countries", []) or bool(grp & set(scope.get("except_groups", [])))
    why = rule.get("unverified")
    if narrow is None and not excepted:
        why = why or f"whether {req.item.eccn} is 6A003.a.3, a.4 or a.6 (give the ECCN paragraph)"
    if user and not excepted:
        f.bases.append(Basis("744.9", f"15 CFR 744.9(a)(1)({'i' if narrow else 'ii'}): {req.item.eccn} known to be for "
                             f"a 'military end-user' (744.9(d)); {cite}", str(rule["policy"]), indeterminate=why,
                             rules=("744.9.rule",)))
        _gov(ctx, f)
        return
    commodity = rule["mil_commodity"]
    if use and dest not in commodity.get("except_countries", []) and not (user and not excepted):
        f.bases.append(Basis("744.9", f"15 CFR 744.9(a)(1)(iii); {cite}", str(rule["policy"]),
                             indeterminate=why or (
                                 "a military end use is stated: say whether the item will be incorporated into a "
                                 "'military commodity' of ECCN 0A919 (a licence under 744.9(a)(1)(iii)) or used by a "
                                 "'military end-user' (744.9(d))"),
                             rules=("744.9.rule",)))


def _gov(ctx: Ctx, f: Findings) -> None:
    les = ctx.get("744.9.license_exceptions")
    f.available("GOV", " / ".join(les["allowed"]), ctx.cite("744.9.license_exceptions"))
    f.barred(ALL_OTHERS, f"only {', '.join(les['allowed'])} may be used ({les['paragraph']})",
             ctx.cite("744.9.license_exceptions"))
