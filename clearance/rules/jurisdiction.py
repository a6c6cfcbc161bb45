"""Subject to the EAR? US origin (§ 734.3(a)), de minimis (§ 734.4, Supp. 2 to Part 734), FDP (§ 734.9)."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from clearance.errors import CannotClear
from clearance.model.determination import Fact, Request
from clearance.rules.chart import UNSPECIFIED, applies_to, ccl_entry, groups, reasons_of
from clearance.rules.context import Ctx
from clearance.rules.eccn import parse_eccn
from clearance.rules.embargo import content_status
from clearance.rules.parties import PartyInfo

LOW_GENERATIONS = {"2G", "3G", "4G"}


@dataclass(slots=True)
class Jurisdiction:
    subject: bool | None
    basis: list[str] = field(default_factory=list)
    via: str = ""  # "origin" | "de_minimis" | "no_de_minimis" | "fdp_fn1" | "fdp_ns"
    no_de_minimis_rule: dict[str, Any] | None = None
    fdp_version: dict[str, Any] | None = None
    unknown: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _no_de_minimis(ctx: Ctx, req: Request, dest: str, grp: frozenset[str]) -> dict[str, Any] | None:
    item = req.item
    for rule in ctx.get("de_minimis.no_de_minimis"):
        kind = rule["kind"]
        if kind == "item_eccn" and item.eccn:
            has_us = bool(item.us_inputs) or bool(item.us_controlled_value)
            if has_us and any(parse_eccn(item.eccn).base.startswith(p) for p in rule["item_eccn_prefixes"]):
                return dict(rule)
        elif kind == "content_600_series":
            for line in item.us_inputs or ():
                if not line.eccn:
                    continue
                e = parse_eccn(line.eccn)
                if not e.is_600_series:
                    continue
                is_y = e.within("y")
                if (rule["paragraphs"] == "y_only") != is_y:
                    continue
                if dest in rule.get("destinations", []) or grp & set(rule.get("groups", [])):
                    return dict(rule)
    return None


def _us_content(ctx: Ctx, req: Request, dest: str) -> tuple[Fraction, Fraction] | None:
    item = req.item
    total = item.total_value if item.total_value is not None else item.value
    if item.us_inputs is not None:
        controlled = Fraction(0)
        for i, line in enumerate(item.us_inputs, 1):
            if line.eccn is None or line.value is None:
                raise CannotClear(f"bill of materials line {i}: ECCN and value are both needed for de minimis")
            status, why = content_status(ctx, parse_eccn(line.eccn), dest, req.facts)
            if status is None:
                raise CannotClear(
                    f"bill of materials line {i} ({line.eccn}): cannot tell if it is controlled content"
                    + (f" -- {why}" if why else "")
                )
            if status:
                controlled += line.value
        if total is None:
            raise CannotClear("the foreign item's value is needed for de minimis")
        return controlled, total
    if item.us_controlled_value is not None:
        if total is None:
            raise CannotClear("the foreign item's value is needed for de minimis")
        return item.us_controlled_value, total
    return None


def _threshold(ctx: Ctx, grp: frozenset[str]) -> Fraction:
    t = ctx.get("de_minimis.threshold")
    pct = min([Fraction(t["default_pct"])] + [Fraction(v) for g, v in t["group_pct"].items() if g in grp])
    return pct / 100


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
        out.unknown.append(
            f"foreign direct product facts (§ 734.9(e)(1) {version['version']}): a footnote-1 entity is involved; "
            "state whether the item is a direct product of, or made in a plant built from, the listed US "
            "technology/software"
        )
        return None
    eccns = set(version["eccns"])
    direct = None if facts.direct_product_of is None else bool(eccns & set(facts.direct_product_of))
    plant: bool | None
    if facts.plant_direct_product_of is None:
        plant = None
    elif not eccns & set(facts.plant_direct_product_of):
        plant = False
    else:
        plant = facts.plant_tech_us_origin if version.get("plant_us_origin") else True
    product = True if (direct or plant) else (None if direct is None or plant is None else False)
    if product and version["requires_fn1_design"]:
        product = facts.designed_by_fn1_entity
    if product is None:
        out.unknown.append(f"FDP product scope facts incomplete for § 734.9(e)(1) {version['version']}")
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
        out.unknown.append("foreign direct product facts for the National Security FDP rule (§ 734.9(b))")
        return None
    used = set(facts.direct_product_of or ()) | set(facts.plant_direct_product_of or ())
    return any("NS" in reasons_of(ctx, parse_eccn(e)) for e in used)


def jurisdiction(ctx: Ctx, req: Request, dest: str, parties: list[PartyInfo]) -> Jurisdiction:
    item = req.item
    if item.origin is None:
        raise CannotClear("the item's origin is not given (US-origin or foreign-made?)")
    if item.origin == "US":
        return Jurisdiction(True, ["US-origin item (15 CFR 734.3(a))"], "origin")
    if dest == UNSPECIFIED:
        raise CannotClear("a foreign-made item needs a single destination to apply de minimis")
    out = Jurisdiction(False)
    grp = groups(ctx, dest)
    rule = _no_de_minimis(ctx, req, dest, grp)
    if rule is not None:
        out.subject, out.via, out.no_de_minimis_rule = True, "no_de_minimis", rule
        out.basis.append(f"{rule['id']}: no de minimis -- {rule['text']}")
        return out
    content = _us_content(ctx, req, dest)
    if content is not None:
        controlled, total = content
        limit = _threshold(ctx, grp)
        share = controlled / total if total else Fraction(0)
        ctx.get("de_minimis.counting")
        if share > limit:
            out.subject, out.via = True, "de_minimis"
            out.basis.append(
                f"de minimis: US controlled content {float(share) * 100:.4g} % exceeds {float(limit) * 100:g} % "
                "(15 CFR 734.4)"
            )
            return out
        out.notes.append(
            f"de minimis: US controlled content {float(share) * 100:.4g} % does not exceed {float(limit) * 100:g} %"
        )
    else:
        out.unknown.append("US-origin controlled content (bill of materials or controlled value and total)")
    fn1 = _fdp_fn1(ctx, req, parties, out)
    if fn1:
        out.subject, out.via = True, "fdp_fn1"
        out.basis.append(f"foreign direct product, Entity List footnote 1 ({out.fdp_version['version']})")  # type: ignore[index]
        return out
    ns = _fdp_ns(ctx, req, dest, grp, out)
    if ns:
        out.subject, out.via = True, "fdp_ns"
        out.basis.append("foreign direct product, National Security rule (§ 734.9(b))")
        return out
    if out.unknown:
        out.subject = None
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
