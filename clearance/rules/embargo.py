"""Part 746 embargoes and special controls, read from dated rule data (``part746.<country>``).

One function decides whether a section of Part 746 needs a licence for an item on the day; the licence
bases (GP6) and the de minimis counting of Supp. No. 2 to Part 734 ("Country Chart and Part 746") both use
it. What the data does not settle -- an EAR99 item whose food/medicine status is not stated, EAR99 items to
Iran (OFAC), Russia/Belarus supplements, the regions of Ukraine -- stays open and becomes CANNOT_CLEAR.
Part 746 licence exceptions are not evaluated: a Part 746 basis is never overcome by one.
"""

from __future__ import annotations

from typing import Any

from clearance.model.decision import ALL, ALL_OTHERS
from clearance.model.determination import Basis, Fact, Request, Transaction
from clearance.rules import chart
from clearance.rules.chart import UNSPECIFIED, ccl_entry
from clearance.rules.context import Ctx
from clearance.rules.eccn import Eccn, parse_eccn
from clearance.rules.findings import Findings, Jurisdiction
from clearance.rules.part744 import END_USER_CODES
from clearance.rules.parties import PartyInfo


def section_rule(ctx: Ctx, dest: str) -> tuple[str, dict[str, Any]] | None:
    """(rule key, value on the day) of the Part 746 section for ``dest``; None when the data has none.

    A date outside the section's data raises (RuleGap -> CANNOT_CLEAR): the engine never assumes that an
    embargo did not exist.
    """
    key = f"part746.{dest}"
    if dest == UNSPECIFIED or not ctx.has(key):
        return None
    value: dict[str, Any] = ctx.get(key)
    return key, value


def covers(ctx: Ctx, rule: dict[str, Any], eccn: Eccn, facts: frozenset[Fact]) -> tuple[bool | None, str]:
    """Does the section need a licence for the item? (True / False / None = cannot tell, and why)."""
    if eccn.is_ear99:
        mode = rule["ear99"]
        if mode == "licence":
            return True, "EAR99 items included"
        if mode == "food_medicine":
            if Fact.FOOD_OR_MEDICINE in facts:
                return False, "EAR99 food or medicine is exempt"
            if Fact.NOT_FOOD_OR_MEDICINE in facts:
                return True, "EAR99 item that is neither food nor medicine"
        if mode == "listed_supplements" and Fact.EAR99_NOT_LISTED_746 in facts:
            return False, "EAR99 item stated not to be listed in the Part 746 supplements in force"
        return None, str(rule["ear99_question"])
    entry = ccl_entry(ctx, eccn)  # unknown ECCN -> CANNOT_CLEAR
    scope = rule["ccl"]
    if scope == "all":
        return True, "every item on the CCL"
    if scope == "none":
        return False, "no CCL-wide requirement in the section on the day"
    if "categories" in scope:
        cat = eccn.base[0]
        if cat in scope["categories"]:
            return True, f"{eccn.base} is in CCL Category {cat}"
        return False, f"{eccn.base} is in CCL Category {cat}, outside the section's categories on the day"
    reasons = {str(c["reason"]) for c in entry["controls"]}
    if reasons & set(scope["reasons"]):
        return True, f"{eccn.base} is controlled for {', '.join(sorted(reasons & set(scope['reasons'])))}"
    return None, f"whether the section covers {eccn.base} (reasons {', '.join(sorted(reasons))}) is not verified"


def _region(ctx: Ctx, key: str, rule: dict[str, Any], facts: frozenset[Fact]) -> str | None:
    """The open question for a destination split by region (Ukraine, § 746.6), or None when cleared (outside the
    regions) or decided by the region's own requirement (``rule['region']``, see :func:`in_region`)."""
    if Fact.UKRAINE_OTHER_REGION in facts and Fact.UKRAINE_COVERED_REGION not in facts:
        return None
    if Fact.UKRAINE_COVERED_REGION in facts:
        return None if rule.get("region") else f"{rule['region_unmodelled']} ({ctx.cite(key)})"
    return f"{rule['region_question']} ({ctx.cite(key)})"


def in_region(rule: dict[str, Any], facts: frozenset[Fact]) -> dict[str, Any] | None:
    """The region's requirement (a section of its own) when the order states the destination is in the region."""
    region: dict[str, Any] | None = rule.get("region")
    return region if region and Fact.UKRAINE_COVERED_REGION in facts else None


def content_status(ctx: Ctx, eccn: Eccn, dest: str, facts: frozenset[Fact]) -> tuple[bool | None, str]:
    """Supp. 2 to Part 734: is a US-origin input controlled content for ``dest`` (Chart and Part 746)?"""
    status = chart.controlled_to(ctx, eccn, dest)
    if status:
        return True, "Country Chart"
    found = section_rule(ctx, dest)
    if found is None:
        return status, "" if status is False else "Country Chart paragraph unknown"
    key, rule = found
    if "region_question" in rule:
        question = _region(ctx, key, rule, facts)
        if question is not None:
            return None, question
        if in_region(rule, facts) is None:
            return status, "Country Chart"
        return None, f"{ctx.cite(key)}: counting content for the region is not modelled"
    if rule.get("unmodelled"):
        return None, f"{rule['unmodelled']} ({ctx.cite(key)})"
    if not rule.get("in_force", True):
        return status, "Country Chart"
    needed, why = covers(ctx, rule, eccn, frozenset())
    if needed is False:
        return status, "Country Chart"
    if needed and rule["content"] == "counted":
        return True, f"{ctx.cite(key)}: {why}"
    if needed:
        why = "Supp. No. 2 to Part 734 leaves some 746.8 requirements out of the count; not modelled"
    return None, f"{rule['code']}: {why}"


def part746(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo], f: Findings) -> None:
    """GP6: the licence basis of the Part 746 section for the destination, if any."""
    found = section_rule(ctx, dest)
    if found is None:
        return
    key, rule = found
    if "region_question" in rule:
        question = _region(ctx, key, rule, req.facts)
        region = in_region(rule, req.facts)
        if question is not None and _required_anyway(f):
            f.notes.append(f"746-REGION: {question} [a Part 744 licence is required anyway]")
            return
        if question is not None:
            f.bases.append(Basis("746-REGION", ctx.cite(key), "n/a", indeterminate=question))
            return
        if region is None:
            f.notes.append(f"destination stated to be outside the regions of {ctx.cite(key)}")
            return
        rule = region  # the region's own requirement, decided like a section (§ 746.6(a))
    if rule.get("unmodelled"):
        f.bases.append(Basis(f"746-{dest}", ctx.cite(key), "n/a", indeterminate=str(rule["unmodelled"])))
        return
    f.notes.extend(str(n) for n in rule.get("notes", []))
    if not rule.get("in_force", True):
        return
    if not req.item.eccn:
        f.bases.append(
            Basis(rule["code"], ctx.cite(key), "n/a", indeterminate="the item's ECCN (or EAR99) is needed for Part 746")
        )
        return
    eccn = parse_eccn(req.item.eccn)
    needed, why = covers(ctx, rule, eccn, req.facts)
    cite = f"{ctx.cite(key)}: {why}"
    if needed and rule.get("deemed_release") and req.transaction is Transaction.RELEASE \
            and Fact.RELEASE_IN_DESTINATION not in req.facts:
        # the section excludes deemed exports and reexports; a release in the destination is an export: ask which
        needed, why = (False, f"a deemed release ({rule['deemed_release']})") if Fact.DEEMED_RELEASE in req.facts \
            else (None, str(rule["deemed_release"]))
    if needed is False:
        f.notes.append(f"{rule['code']}: no licence -- {cite}")
        return
    policy = str(rule["policy"])
    by_reason = rule.get("policy_by_reason")
    if by_reason and not eccn.is_ear99 and chart.reasons_of(ctx, eccn) & set(by_reason["reasons"]):
        policy = str(by_reason["policy"])
    if needed is None and _required_anyway(f):
        f.notes.append(f"{rule['code']}: {why} [a Part 744 licence is required anyway]")
        return
    f.bases.append(Basis(str(rule["code"]), cite, policy, indeterminate=None if needed else why))
    # a section listing exceptions Clearance may ask about (CCD for Cuba, 740.not_evaluated) bars every other one;
    # otherwise every exception is barred (the section's own list is not evaluated)
    f.barred(ALL_OTHERS if rule.get("exceptions_listed") else ALL, str(rule["exceptions"]), ctx.cite(key))


def _required_anyway(f: Findings) -> bool:
    """A determinate Part 744 end-user licence (Entity List, MEU, § 744.8 ...) is required anyway: an open Part 746
    question beside it cannot make the answer clearing, so it is noted rather than left open (as for the parties'
    countries on the way, clearance.rules.onward)."""
    return any(b.indeterminate is None and b.overcome_by is None and b.code in END_USER_CODES for b in f.bases)
