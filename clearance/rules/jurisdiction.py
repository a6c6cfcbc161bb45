"""Subject to the EAR? US origin (§ 734.3(a)), de minimis (§ 734.4, Supp. 2 to Part 734), FDP (§ 734.9)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import operator
import re
from collections.abc import Callable
from fractions import Fraction
from typing import Any

from clearance.model.decision import Question
from clearance.model.determination import Fact, Item, Request, Transaction
from clearance.model.regulation import MissingFact, RuleGap
from clearance.rules.chart import UNSPECIFIED, applies_to, ccl_entry, destination, groups, reasons_of
from clearance.rules.context import Ctx, constructor, copier
from clearance.rules.eccn import Eccn, parse_eccn
from clearance.rules.embargo import content_status
from clearance.rules.findings import Jurisdiction, new_jurisdiction
from clearance.rules.item_keys import view_key
from clearance.rules.parties import PartyInfo

LOW_GENERATIONS = {"2G", "3G", "4G"}


_IC_WORDS = re.compile(r"\b(integrated circuits?|ics?|chips?|microcontrollers?|mcus?|processors?|fpgas?|asics?|"
                       r"memor(?:y|ies)|dram|nand|soc)\b", re.IGNORECASE)


_line_eccn = operator.attrgetter("eccn")  # (a bill-of-materials line's ECCN, in C)


def _no_de_minimis(ctx: Ctx, req: Request, dest: str, grp: frozenset[str]) -> dict[str, Any] | None:
    item = req.item
    has_us = bool(item.us_inputs) or bool(item.us_controlled_value)
    inputs = tuple(map(_line_eccn, item.us_inputs or ()))
    # (which inputs are described as integrated circuits matters only to § 734.4(a)(8), for Category 3B equipment:
    # not read for any other item, so the hot path of every foreign-made item pays nothing for it)
    ics = tuple([bool(_IC_WORDS.search(line.description)) for line in item.us_inputs or ()]) \
        if item.eccn is not None and item.eccn[:2].upper() == "3B" else ()
    rule = ctx.memo(("no de minimis", item.eccn, has_us, inputs, ics, dest, grp),
                    _no_de_minimis_rule, ctx, item.eccn, has_us, inputs, dest, grp, ics)
    return dict(rule) if rule is not None else None


def _no_de_minimis_rule(ctx: Ctx, eccn: str | None, has_us: bool, inputs: tuple[str | None, ...], dest: str,
                        grp: frozenset[str], ics: tuple[bool, ...] = ()) -> dict[str, Any] | None:
    """The § 734.4(a) rule denying de minimis to the item (its ECCN, whether it has US content, the ECCNs of
    its US inputs, the destination and its groups, which inputs are described as integrated circuits), or None.
    A rule with ``question`` set may apply: what is to be established."""
    for rule in ctx.get("de_minimis.no_de_minimis"):
        kind = rule["kind"]
        if kind == "item_with_us_ic":
            if not (eccn and has_us) or _listed(parse_eccn(eccn), rule["item_eccns"]) is False:
                continue
            if not (dest in rule.get("destinations", []) or grp & set(rule.get("groups", []))):
                continue
            known = [bool(e and any(parse_eccn(e).base.startswith(p) for p in rule["ic_eccn_prefixes"])) or ic
                     for e, ic in zip(inputs, ics or (False,) * len(inputs), strict=True)]
            if any(known):
                return dict(rule)
            return {**rule, "question": (
                f"§ {rule['id']}: whether a US-origin part of the {eccn} is an integrated circuit -- then there is "
                "no de minimis level for it to this destination (give the parts' ECCNs, e.g. 3A001/3A991 for ICs)")}
        if kind == "content_eccn":
            found = _content_eccn(rule, eccn, has_us, inputs)
            if found is not None:
                return found
            continue
        if kind == "item_eccn" and eccn:
            if has_us and any(parse_eccn(eccn).base.startswith(p) for p in rule["item_eccn_prefixes"]):
                return dict(rule)
        elif kind == "content_600_series":
            for line_eccn in inputs:
                if not line_eccn:
                    continue
                e = parse_eccn(line_eccn)
                if not e.is_600_series:
                    continue
                is_y = e.within("y")
                if (rule["paragraphs"] == "y_only") != is_y:
                    continue
                if dest in rule.get("destinations", []) or grp & set(rule.get("groups", [])):
                    return dict(rule)
    return None


def _content_eccn(rule: dict[str, Any], eccn: str | None, has_us: bool,
                  inputs: tuple[str | None, ...]) -> dict[str, Any] | None:
    """§ 734.4(a)(3): a US input within ``input_eccns`` (the 9E003 hot-section paragraphs) leaves no de minimis
    level; an input naming a parent of one ('9E003', '9E003.a') or, for an item of ``ask_item_prefixes`` (foreign
    technology of any E ECCN: it may be commingled with such US technology), US content of no stated ECCN is the
    question."""
    unsure = ""
    for line_eccn in inputs:
        if not line_eccn:
            continue
        listed = _listed(parse_eccn(line_eccn), rule["input_eccns"])
        if listed and rule.get("ask"):
            return {**rule, "question": f"§ {rule['id']}: the US-origin input {line_eccn}: {rule['ask']}"}
        if listed:
            return dict(rule)
        if listed is None:
            unsure = f"the US-origin input {line_eccn}: give its paragraph"
    if not unsure and has_us and eccn and not any(inputs) and any(
            parse_eccn(eccn).base.startswith(p) for p in rule["ask_item_prefixes"]):
        unsure = f"the {eccn} item's US-origin content: give its ECCN"
        if rule.get("ask"):
            return {**rule, "question": f"§ {rule['id']}: {unsure}; {rule['ask']}"}
    if unsure:
        return {**rule, "question": f"§ {rule['id']}: {unsure} -- there is no de minimis level for {rule['text']}"}
    return None


def _us_content(ctx: Ctx, req: Request, dest: str, limit: Callable[[], Fraction]) -> tuple[Fraction, Fraction] | None:
    """(controlled US content, total). A bill-of-materials line whose status cannot be told is counted as
    controlled when even so the share does not exceed ``limit`` (adversarial R5-25); otherwise it is the question."""
    item = req.item
    total = item.total_value if item.total_value is not None else item.value
    if item.us_inputs is not None:
        counted: list[Fraction] = []
        unsure: list[str] = []
        for i, line in enumerate(item.us_inputs, 1):
            if line.eccn is None or line.value is None:
                raise MissingFact(f"bill of materials line {i}: ECCN and value are both needed for de minimis",
                                  fact="item.us_inputs")
            status, why = ctx.memo(("content", line.eccn, dest, req.facts), _content_status, ctx, line.eccn, dest,
                                   req.facts)
            if status is None:
                unsure.append(f"bill of materials line {i} ({line.eccn}): cannot tell if it is controlled content"
                              + (f" -- {why}" if why else ""))
            if status is not False:
                counted.append(line.value)
        # (one line's value as it is: the sum is the same number, without building Fraction(0) and adding to it)
        controlled = counted[0] if len(counted) == 1 else sum(counted, Fraction(0))
        if total is None:
            raise MissingFact("the foreign item's value is needed for de minimis", fact="item.us_controlled_content")
        if unsure and (not total or controlled / total > limit()):
            raise MissingFact(unsure[0], fact="item.us_inputs")
        return controlled, total
    if item.us_controlled_value is not None:
        if total is None:
            raise MissingFact("the foreign item's value is needed for de minimis", fact="item.us_controlled_content")
        return item.us_controlled_value, total
    return None


def _content_status(ctx: Ctx, eccn: str, dest: str, facts: frozenset[Fact]) -> tuple[bool | None, str]:
    """content_status of a bill-of-materials line's ECCN (parsed only when the memo misses)."""
    return content_status(ctx, parse_eccn(eccn), dest, facts)


def _share(controlled: Fraction, total: Fraction, limit: Fraction) -> tuple[bool, float]:
    """Whether the share ``controlled / total`` (0 when the total is 0) exceeds ``limit``, and the share as a float.
    Exact: compared in integers (each Fraction's numerator and denominator) instead of building the Fraction of
    the share, and the float is the correctly rounded quotient of its numerator by its denominator, as
    ``float(Fraction)`` is (the same float whatever the common factor)."""
    if type(controlled) is not Fraction or type(total) is not Fraction or type(limit) is not Fraction:
        share = controlled / total if total else Fraction(0)
        return share > limit, float(share)
    if not total:
        return Fraction(0) > limit, 0.0
    num, den = controlled.numerator * total.denominator, controlled.denominator * total.numerator
    if den < 0:
        num, den = -num, -den
    return num * limit.denominator > limit.numerator * den, num / den


def _threshold(ctx: Ctx, grp: frozenset[str]) -> tuple[Fraction, str]:
    """The de minimis level for the Country Groups ``grp`` and it as the percentage the answer prints."""
    return ctx.memo(("de minimis threshold", grp), _threshold_of, ctx, grp)


def _threshold_of(ctx: Ctx, grp: frozenset[str]) -> tuple[Fraction, str]:
    t = ctx.get("de_minimis.threshold")
    pct = min([Fraction(t["default_pct"])] + [Fraction(v) for g, v in t["group_pct"].items() if g in grp])
    limit = pct / 100
    return limit, f"{float(limit) * 100:g}"  # (float(Fraction) is a Python method: once per level, not per order)


def _made_from(eccns: tuple[str, ...] | None) -> tuple[str, ...] | None:
    """The ECCNs an item (or its plant) is stated to be a direct product of, or None (not stated) when they name
    commodities only: a direct product is made from software or technology (§ 734.9: product groups D and E), and
    so is the plant or major component of a plant, so '3B001' there says the facts were misread (adversarial R25-59):
    the rule reached asks for them again rather than find the item outside its scope."""
    if eccns and all(parse_eccn(e).product_group not in (None, "D", "E") for e in eccns):
        return None
    return eccns


def _fdp_fn1(ctx: Ctx, req: Request, parties: list[PartyInfo], out: Jurisdiction) -> bool | None:
    version = ctx.get("fdp.fn1")
    if version["version"] == "none":
        return False
    fn1_party = any(p.fn1 for p in parties)
    reach = fn1_party if version["reach"] == "destined_to_fn1" else fn1_party or Fact.INCORPORATED_FOR_FN1 in req.facts
    if not reach:
        return False
    facts = req.item.fdp
    if facts is None:
        out.unknown.append(Question(
            f"foreign direct product facts (§ 734.9(e)(1) {version['version']}): a footnote-1 entity is involved; "
            "state whether the item is a direct product of, or made in a plant built from, the listed US "
            "technology/software", fact="item.fdp_facts"
        ))
        return None
    if version["requires_fn1_design"] and facts.designed_by_fn1_entity is False:
        return False  # (the rule of the day catches only items of a footnote-1 entity's design, whatever made them)
    eccns = set(version["eccns"])
    made, plant_made = _made_from(facts.direct_product_of), _made_from(facts.plant_direct_product_of)
    direct = None if made is None else bool(eccns & set(made))
    plant: bool | None
    if plant_made is None:
        plant = None
    elif not eccns & set(plant_made):
        plant = False
    else:
        plant = facts.plant_tech_us_origin if version.get("plant_us_origin") else True
    product = True if (direct or plant) else (None if direct is None or plant is None else False)
    if product and version["requires_fn1_design"]:
        product = facts.designed_by_fn1_entity
    if product is None:
        out.unknown.append(Question(f"FDP product scope facts incomplete for § 734.9(e)(1) {version['version']}",
                                    fact="item.fdp_facts"))
        return None
    if product:
        out.fdp_version = dict(version)
    return product


def _fdp_ns(ctx: Ctx, req: Request, dest: str, grp: frozenset[str], out: Jurisdiction) -> bool | None:
    item = req.item
    if not item.eccn:
        return False
    rule = ctx.get("fdp.ns")
    if not (grp & set(rule["groups"])) or "NS" not in reasons_of(ctx, parse_eccn(item.eccn)):
        return False
    facts = item.fdp
    if facts is None or (facts.direct_product_of is None and facts.plant_direct_product_of is None):
        out.unknown.append(Question("foreign direct product facts for the National Security FDP rule (§ 734.9(b))",
                                    fact="item.fdp_facts"))
        return None
    used = set(facts.direct_product_of or ()) | set(facts.plant_direct_product_of or ())
    return any("NS" in reasons_of(ctx, parse_eccn(e)) for e in used)


# § 734.9(f)-(i): rules whose product scope is "made from US software/technology (or by a plant that is)"
def _fdp_footnotes(ctx: Ctx, req: Request, parties: list[PartyInfo], out: Jurisdiction) -> int | None:
    """Entity List footnotes 3, 4, 5 (§ 734.9(g), (e)(2), (e)(3)): the footnote that makes the item subject,
    0 when none does, None when it cannot be told (open question or unverified rule text)."""
    wanted = sorted({n for p in parties for n in p.el_footnotes})
    unsure = False
    for n in wanted:
        key = f"744.supp4.footnote.{n}"
        fn = ctx.get(key)
        if not fn["in_force"]:
            continue
        label = f"Entity List footnote {n} (§ {fn['fdp_paragraph']}; {ctx.cite(key)})"
        if not fn.get("verified", True):
            out.unknown.append(Question(f"{label}: a footnote-{n} entity is a party; the rule's wording on "
                                        f"{ctx.day.isoformat()} is not verified in the rule data", rule=key))
            unsure = True
            continue
        facts = req.item.fdp
        direct = None if facts is None else facts.direct_product_of
        plant = None if facts is None else facts.plant_direct_product_of
        if direct is not None and plant is not None and not direct and not plant:
            out.notes.append(f"{label}: not a direct product of US software/technology (stated)")
            continue
        hit_direct = any(parse_eccn(e).product_group in ("D", "E") for e in direct or ())
        hit_plant = any(parse_eccn(e).product_group in ("D", "E") for e in plant or ())
        if hit_direct or (hit_plant and facts is not None and facts.plant_tech_us_origin):
            return n
        out.unknown.append(Question(f"{label} reaches the order: {_FACTS_TO_STATE}", fact="item.fdp_facts"))
        unsure = True
    return None if unsure else 0


OTHER_FDP_RULES = ("fdp.9x515", "fdp.600_series", "fdp.russia_belarus", "fdp.russia_belarus_meu",
                   "fdp.advanced_computing", "fdp.supercomputer", "fdp.iran", "fdp.sme")
_FACTS_TO_STATE = (
    "state fdp_facts.direct_product_of (ECCNs of the US-origin software/technology the item is a direct product of) "
    "and fdp_facts.plant_direct_product_of (ECCNs the producing plant or major component was made from; "
    "plant_tech_us_origin); empty lists establish that it is neither"
)


def _in_destination_scope(rule: dict[str, Any], req: Request, dest: str, grp: frozenset[str]) -> bool:
    if dest in rule.get("destinations", []) or grp & set(rule.get("groups", [])):
        return True
    if dest == "UA" and rule.get("ukraine_regions"):
        return Fact.UKRAINE_OTHER_REGION not in req.facts
    return False


def _reach(rule: dict[str, Any], req: Request, dest: str, grp: frozenset[str], parties: list[PartyInfo]) -> str | None:
    """Why the rule's destination/party scope is (or may be) met on the day; None when it is not."""
    reach = rule["reach"]
    if reach == "destination":
        if _in_destination_scope(rule, req, dest, grp):
            return f"destination {dest}"
        if rule.get("other_destinations") == "unverified":
            known = ", ".join(rule.get("destinations", []) + rule.get("groups", []))
            return f"destination {dest} (scope beyond {known} unverified)"
        return None
    if reach == "party":
        where = set(rule["destinations"])
        for p in parties:
            country = p.country or dest
            if (p.meu or p.on_el) and not p.fn1 and country in where:
                return f"party {p.label!r} (Entity List/MEU party in {country}; footnote 3 not in the rule data)"
        mil = req.facts & {Fact.MILITARY_END_USER, Fact.MILITARY_END_USE}
        if mil and dest in where:
            return f"military end use/user stated for {dest}"
        return None
    if reach == "fact_supercomputer":
        return "supercomputer end use stated" if Fact.SUPERCOMPUTER in req.facts else None
    raise RuleGap(f"{rule['rule']}: reach {reach!r} is not modelled")


def _item_in_scope(rule: dict[str, Any], req: Request) -> bool | None:
    scope = rule["item_scope"]
    eccn = req.item.eccn
    if scope == "any":
        return True
    if scope == "unverified":
        return None  # the item scope is not in the rule data: a caught direct product is an open question
    if not eccn and scope == "pattern":
        # (an unclassified item: asked about only when it is stated to be a direct product of the rule's software/
        # technology or made by a plant that is; otherwise not reached, as for the National Security rule)
        facts = req.item.fdp
        used = () if facts is None else (*(facts.direct_product_of or ()), *(facts.plant_direct_product_of or ()))
        return None if any(_tech_in_scope(rule, e) for e in used) else False
    if not eccn:
        return None
    e = parse_eccn(eccn)
    if scope == "ccl":
        return None if e.is_ear99 and rule.get("ear99") == "unverified" else not e.is_ear99
    if scope == "pattern":
        if not re.match(rule["item_pattern"], e.base):
            return False
        return None if rule.get("y_paragraphs") == "question" and e.paragraph[:1] == ("y",) else True
    if scope == "listed":
        listed = _listed(e, rule["item_eccns"])
        if listed is not False:
            return listed
        if bool(rule.get("z_paragraphs")) and ".z" in eccn.lower():
            return True
        return None if any(e.base.startswith(p) for p in rule.get("item_scope_beyond", [])) else False
    raise RuleGap(f"{rule['rule']}: item scope {scope!r} is not modelled")


def _listed(e: Eccn, refs: list[str]) -> bool | None:
    """Whether the item's ECCN is within one of ``refs`` (ECCN prefixes like '3A090' or '3B', or paragraphs like
    '3B001.a.4'); None when the item names a parent of a listed paragraph ('3B001', '3B001.f': give the paragraph)."""
    unsure = False
    for ref in refs:
        r = parse_eccn(ref) if "." in ref else None
        if r is None:
            if e.base.startswith(ref):
                return True
            continue
        if e.base != r.base:
            continue
        if e.within(".".join(r.paragraph)):
            return True
        if r.paragraph[: len(e.paragraph)] == e.paragraph:
            unsure = True
    return None if unsure else False


def _tech_in_scope(rule: dict[str, Any], eccn: str, plant: bool = False) -> bool:
    if rule["tech"] == "any_d_e":
        return parse_eccn(eccn).product_group in ("D", "E")
    if rule["tech"] == "pattern":
        return re.match(rule["tech_pattern"], parse_eccn(eccn).base) is not None
    listed = rule.get("plant_tech_eccns") if plant else None
    return parse_eccn(eccn).base in (listed or rule["tech_eccns"])


def _fdp_other(
    ctx: Ctx, key: str, req: Request, dest: str, grp: frozenset[str], parties: list[PartyInfo], out: Jurisdiction
) -> bool | None:
    """One of the § 734.9(f)-(i) rules: True subject, False not reached/not caught, None cannot tell."""
    rule = ctx.get(key)
    if not rule["in_force"]:
        return False
    why = _reach(rule, req, dest, grp, parties)
    if why is None:
        return False
    label = f"§ {rule['rule']} {rule['name']} ({ctx.cite(key)})"  # a note's rule dates are in the trace

    def asked() -> str:  # an open question names the day (and so is cached per day)
        return f"{label} on {ctx.day.isoformat()}"

    item_scope = _item_in_scope(rule, req)
    if item_scope is False:
        return False
    facts = req.item.fdp
    direct = None if facts is None else _made_from(facts.direct_product_of)
    plant = None if facts is None else _made_from(facts.plant_direct_product_of)
    contains_ic = bool(rule.get("contains_ic"))  # (item_scope is True or None here)
    if direct is not None and plant is not None and not direct and not plant and not contains_ic:
        out.notes.append(f"{label}: reached ({why}) but not applicable -- the facts establish the item is not a "
                         "direct product of US software/technology and not made by a plant that is")
        return False
    hit_direct = any(_tech_in_scope(rule, e) for e in direct or ())
    hit_plant = any(_tech_in_scope(rule, e, plant=True) for e in plant or ())
    if hit_plant and rule.get("plant_us_origin"):
        hit_plant_known: bool | None = None if facts is None else facts.plant_tech_us_origin
    else:
        hit_plant_known = hit_plant
    product: bool | None
    if hit_direct or hit_plant_known:
        product = True
    elif direct is None or plant is None or hit_plant_known is None:
        product = None
    elif rule.get("tech_verified") or (contains_ic and not direct and not plant):
        product = False
    else:
        product = None  # stated direct product of ECCNs outside an unverified list
    if product is False and contains_ic:
        # (the third prong: a commodity containing an integrated circuit made by a plant or major component that is
        # a direct product of the listed US-origin software/technology -- no fact of the order states it)
        out.unknown.append(Question(
            f"{asked()} is reached ({why}) and the item is not a direct product of the listed US software/technology "
            "nor made by a plant that is: establish whether it contains an integrated circuit produced by a plant or "
            "major component that is itself a direct product of US-origin software/technology of "
            f"{', '.join(rule.get('plant_tech_eccns') or rule['tech_eccns'])} (its product scope then applies; "
            "Red Flag 26 of Supp. No. 3 to Part 732)"
            + ("" if rule.get("tech_verified") else f" -- {rule.get('unverified', 'scope not verified')}"), rule=key,
        ))
        return None
    if product is False:
        out.notes.append(f"{label}: reached ({why}) but the stated software/technology is outside its product scope")
        return False
    if product is None:
        if direct is not None and plant is not None and hit_plant_known is not None:
            out.unknown.append(Question(
                f"{asked()} is reached ({why}) and the item is a direct product of US software/technology "
                f"({', '.join(tuple(direct) + tuple(plant))}) outside the rule data's unverified scope "
                f"-- {rule.get('unverified', 'scope not verified')}: establish whether its product scope covers it",
                rule=key,
            ))
        else:
            out.unknown.append(Question(f"{asked()} is reached ({why}): {_FACTS_TO_STATE}", fact="item.fdp_facts"))
        return None
    if item_scope is None:
        what = "the item's ECCN" if not req.item.eccn else f"whether {req.item.eccn} items are in its scope"
        out.unknown.append(Question(
            f"{asked()} is reached ({why}) and the item is a foreign direct product of listed US software/technology: "
            f"establish {what} ({rule.get('unverified', 'scope not verified')})", fact="item.eccn", rule=key,
        ))
        return None
    if rule["reach"] == "party":
        out.unknown.append(Question(
            f"{asked()} is reached ({why}) and the item is a foreign direct product of US software/technology: "
            "establish whether an Entity List footnote-3 military end user (Supp. No. 4 to Part 744) is a party",
            fact="parties.listings", rule=key,
        ))
        return None
    return True


def jurisdiction(ctx: Ctx, req: Request, dest: str, parties: list[PartyInfo]) -> Jurisdiction:
    item = req.item
    if item.origin is None:
        raise MissingFact("the item's origin is not given (US-origin or foreign-made?)", fact="item.origin")
    if item.origin == "US":
        return new_jurisdiction(True, ["US-origin item (15 CFR 734.3(a))"], "origin")
    if req.from_country == "US" and req.transaction in (Transaction.EXPORT, Transaction.RELEASE):
        # a foreign-made item exported from (or released in) the United States: every item in the US is subject
        # to the EAR whatever its origin, de minimis is a rule for items abroad (adversarial R6-76, R6-77, R6-86)
        return new_jurisdiction(True, [f"item in the United States (made in {item.origin}; 15 CFR 734.3(a)(1))"],
                                "in_us")
    if "US" in req.via:
        # "all items in the United States, including ... moving in transit through the United States from one
        # foreign country to another" (§ 734.3(a)(1); adversarial R7-49: Shenzhen - Los Angeles - Havana)
        return new_jurisdiction(True, [f"item moving in transit through the United States (made in {item.origin}; "
                                       "route.via; 15 CFR 734.3(a)(1))"], "in_us")
    if dest == UNSPECIFIED:
        raise MissingFact("a foreign-made item needs a single destination to apply de minimis", fact="route.to")
    out = new_jurisdiction(False)
    # the countries the item goes to: the route's last stop and those of the parties receiving it on the way
    # (an ultimate consignee in China behind a Malaysian forwarder: the item is destined to China)
    ways = countries_on_the_way(ctx, dest, parties)
    grp = groups(ctx, dest)
    every = frozenset().union(*(groups(ctx, c) for c in ways)) if len(ways) > 1 else grp
    # (the groups of the route's last stop are read once here: reading a rule again at this level changes neither
    # the trace nor the answer's dependencies; the others' are read where they are used, as before)
    for country in ways:
        rule = _no_de_minimis(ctx, req, country, grp if country == dest else groups(ctx, country))
        if rule is not None and "question" in rule:
            out.unknown.append(Question(str(rule["question"]) + _for(country, dest, parties), fact="item.us_inputs"))
            continue
        if rule is not None:
            out.subject, out.via, out.no_de_minimis_rule = True, "no_de_minimis", rule
            out.basis.append(f"{rule['id']}: no de minimis -- {rule['text']}" + _for(country, dest, parties))
            return out
    content = _us_content_on_the_way(ctx, req, ways, lambda: _threshold(ctx, every)[0])
    if content is not None:
        controlled, total = content
        limit, pct = _threshold(ctx, every)  # the lowest level of the countries on the way (fail closed)
        ctx.get("de_minimis.counting")
        exceeds, share = _share(controlled, total, limit)
        if exceeds:
            out.subject, out.via = True, "de_minimis"
            out.basis.append(
                f"de minimis: US controlled content {share * 100:.4g} % exceeds {pct} % "
                "(15 CFR 734.4)"
            )
            return out
        out.notes.append(
            f"de minimis: US controlled content {share * 100:.4g} % does not exceed {pct} %"
        )
    else:
        out.unknown.append(Question("US-origin controlled content (bill of materials or controlled value and total)",
                                    fact="item.us_inputs"))
    token = ctx.cache.token_of  # (each resolved party by identity: it is a memoised result)
    # the key: every field of the request the view keeps (the view itself is built only when the memo misses)
    key = ctx.cache.token(view_key(*_view_item(req.item)) + _view_others(req))
    who = tuple(map(token, parties))
    for country in ways:
        # (the groups are read here, outside the memo, so they are part of its key: a country whose groups change
        # -- Nicaragua on 2024-03-15 -- must not get the day before's answer; adversarial R14-12, R14-13)
        cgrp = grp if country == dest else groups(ctx, country)
        fdp = ctx.memo(("fdp", key, country, who, cgrp), _fdp_without_values, ctx, req, country, cgrp, parties)
        for n in fdp.notes:  # (each new one, in order: loops, not generators, on every foreign-made order)
            if n not in out.notes:
                out.notes.append(n)
        for q in fdp.unknown:
            if q not in out.unknown:
                out.unknown.append(q)
        if fdp.subject:
            out.subject, out.via, out.fdp_version = True, fdp.via, fdp.fdp_version
            out.basis.extend(b + _for(country, dest, parties) for b in fdp.basis)
            return out
    if out.unknown:
        out.subject = None
    return out


_ON_THE_WAY = frozenset({"end_user", "ultimate_consignee", "intermediate_consignee"})


def countries_on_the_way(ctx: Ctx, dest: str, parties: list[PartyInfo]) -> tuple[str, ...]:
    """The route's last stop, then the countries (Country Chart rows) of the end users, ultimate and intermediate
    consignees located elsewhere: the item is destined to each of them (§§ 734.4, 734.9 "destined to")."""
    out = [dest]
    for p in parties:
        c = p.country
        if c and c != dest and c not in (UNSPECIFIED, "US") and p.role in _ON_THE_WAY:
            c = destination(ctx, c)
            if c not in out:
                out.append(c)
    return tuple(out)


def _for(country: str, dest: str, parties: list[PartyInfo]) -> str:
    if country == dest:
        return ""
    who = ", ".join(f"{p.role.value.replace('_', ' ')} {p.label}" for p in parties
                    if p.country and p.country != dest and p.role in _ON_THE_WAY)
    return f" [destined to {country}: {who}; the route ends in {dest}]"


def _us_content_on_the_way(ctx: Ctx, req: Request, ways: tuple[str, ...],
                           limit: Callable[[], Fraction]) -> tuple[Fraction, Fraction] | None:
    """The US controlled content for the country on the way where it is largest (whether a line is controlled
    content depends on the destination): fail closed."""
    best = None
    for country in ways:
        content = _us_content(ctx, req, country, limit)
        if content is None:
            return None
        if best is None or content[0] > best[0]:
            best = content
    return best


def _without_values(req: Request) -> Request:
    """The request as the foreign direct product rules see it: no id, date or parties (read through ctx.day and
    the resolved parties), and an item without its values and bill of materials (de minimis reads those; the
    FDP rules never do), so that items differing only in value share one FDP answer."""
    return _view_of(req, _new_item(**dict(zip(_VIEW_ITEM_FIELDS, _view_item(req.item), strict=True))), "",
                    dt.date.min, ())


_VIEW_FIELDS = tuple(f.name for f in dataclasses.fields(Request) if f.name not in ("id", "date", "parties", "item"))
_view_others = operator.attrgetter(*_VIEW_FIELDS)  # (the view's id, date and parties are constants)
_view_of = copier(Request, "item", "id", "date", "parties")
_new_item = constructor(Item)  # Item(...), faster (clearance.rules.context)
_VIEW_ITEM_FIELDS = ("eccn", "origin", "description", "kind", "fdp")  # the item's fields the view keeps
_view_item = operator.attrgetter(*_VIEW_ITEM_FIELDS)


def _fdp_without_values(ctx: Ctx, req: Request, dest: str, grp: frozenset[str],
                        parties: list[PartyInfo]) -> Jurisdiction:
    """``_fdp`` of the request without its values (see _without_values)."""
    return _fdp(ctx, _without_values(req), dest, grp, parties)


def _fdp(ctx: Ctx, req: Request, dest: str, grp: frozenset[str], parties: list[PartyInfo]) -> Jurisdiction:
    """The foreign direct product rules (§ 734.9) for an item de minimis did not make subject: ``subject`` True
    with the rule (via, basis, fdp_version), or False, with the notes and open questions they produced."""
    out = new_jurisdiction(False)
    fn1 = _fdp_fn1(ctx, req, parties, out)
    if fn1:
        out.subject, out.via = True, "fdp_fn1"
        out.basis.append(f"foreign direct product, Entity List footnote 1 ({out.fdp_version['version']})")  # type: ignore[index]
        return out
    fnote = _fdp_footnotes(ctx, req, parties, out)
    if fnote:
        out.subject, out.via = True, f"fdp_fn{fnote}"
        out.basis.append(f"foreign direct product, Entity List footnote {fnote} "
                         f"(§ {ctx.get(f'744.supp4.footnote.{fnote}')['fdp_paragraph']})")
        return out
    ns = _fdp_ns(ctx, req, dest, grp, out)
    if ns:
        out.subject, out.via = True, "fdp_ns"
        out.basis.append("foreign direct product, National Security rule (§ 734.9(b))")
        return out
    for key in OTHER_FDP_RULES:
        if _fdp_other(ctx, key, req, dest, grp, parties, out):
            rule = ctx.get(key)
            out.subject, out.via, out.fdp_version = True, f"fdp_{rule['rule']}", dict(rule)
            out.basis.append(f"foreign direct product, {rule['name']} (§ {rule['rule']}; {ctx.cite(key)})")
            return out
    return out


def is_at_only(ctx: Ctx, eccn_text: str | None) -> bool:
    """EAR99, or an ECCN whose every non-AT control excludes the item's paragraph (standards carve-out)."""
    if not eccn_text:
        return False
    e = parse_eccn(eccn_text)
    if e.is_ear99:
        return True
    return all(
        c["reason"] == "AT" or applies_to(c, e) is False for c in ccl_entry(ctx, e)["controls"]
    )
