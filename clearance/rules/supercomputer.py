"""§ 744.23 end uses ("supercomputer", advanced-node IC production) from dated rule data ``eu744_23.<fact>``.

The request states the end use as a fact (knowledge, § 744.23(a)); the rule value of the day says whether
the paragraph existed, whether its wording is verified, which items and destinations it reaches and the
review policy. Unverified wording -> an indeterminate basis naming the question (CANNOT_CLEAR).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from clearance.model.decision import ALL
from clearance.model.determination import Basis, Fact, Request
from clearance.model.fact_vocabulary import normalise, purpose_clause
from clearance.rules.chart import UNSPECIFIED, groups
from clearance.rules.context import Ctx
from clearance.rules.eccn import Eccn, parse_eccn
from clearance.rules.findings import Findings, Jurisdiction
from clearance.rules.part744 import END_USER_CODES
from clearance.rules.parties import PartyInfo

END_USES = (Fact.SUPERCOMPUTER, Fact.ADVANCED_NODE_IC, Fact.IC_PRODUCTION_UNKNOWN_NODE)
_LOCATED = frozenset({"end_user", "ultimate_consignee", "purchaser"})  # roles whose place contradicts the location fact


def _in_scope(rule: dict[str, Any], eccn: Eccn | None) -> tuple[bool, str | None]:
    """(in the item scope, open question) for the paragraph's item scope."""
    if rule.get("any_item"):
        return True, None
    if eccn is None:
        return False, "the item's ECCN (or EAR99) is needed for § 744.23"
    if eccn.is_ear99:
        return False, None
    if eccn.base in rule.get("eccns", []):
        return True, None
    if eccn.base in rule.get("ask_eccns", {}):
        return True, str(rule["ask_eccns"][eccn.base])
    cats, pgs = rule.get("categories"), rule.get("product_groups")
    if cats and pgs:
        return eccn.base[0] in cats and eccn.base[1] in pgs, None
    return False, None


def _policy(rule: dict[str, Any], eccn: Eccn | None) -> str:
    if eccn is None or not rule.get("policy_case_by_case"):
        return str(rule["policy"])
    z_item = eccn.within("z") or eccn.base in ("3A090", "4A090")
    if z_item and not (eccn.base == "3A090" and eccn.within("a")):
        return str(rule["policy_case_by_case"])
    return str(rule["policy"])


def end_use(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo], f: Findings) -> None:
    """§ 744.23(a)(1)-(a)(2) bases for the end uses stated on the request."""
    eccn = parse_eccn(req.item.eccn) if req.item.eccn else None
    for fact in END_USES:
        if fact not in req.facts:
            continue
        key = f"eu744_23.{fact.value}"
        rule = ctx.get(key)
        code = f"744.23-{fact.value}"
        cite = ctx.cite(key)
        if rule["status"] == "not_in_force":
            f.notes.append(f"{fact.value}: {cite}")
            continue
        if rule["status"] == "unverified":
            f.bases.append(Basis(code, cite, "n/a", indeterminate=str(rule["question"])))
            continue
        in_scope, question = _in_scope(rule, eccn)
        if not in_scope and question is None:
            f.notes.append(f"{fact.value}: {eccn.text if eccn else 'item'} is outside the item scope of {cite}")
            continue
        where = dest in rule["destinations"] or (dest != UNSPECIFIED and bool(groups(ctx, dest) & set(rule["groups"])))
        if not where and dest != UNSPECIFIED and Fact.END_USE_OUTSIDE_MACAU_D5 in req.facts:
            inside = _party_inside(ctx, rule, parties, dest)
            if inside is None:
                f.notes.append(f"{fact.value}: stated located outside Macau and Country Group D:5 "
                               f"({Fact.END_USE_OUTSIDE_MACAU_D5.value}), destination {dest}: outside {cite}")
                continue
            # the order's own end user or consignee is located inside against the stated fact (adversarial R21-29:
            # servers shipped to Singapore for a Hefei computing centre were cleared): a contradiction, asked
            p = inside
            contradiction = (
                f"the order's {p.role.value.replace('_', ' ')} '{p.label}' is located in {p.country} (Macau or "
                f"Country Group D:5), yet the order states {Fact.END_USE_OUTSIDE_MACAU_D5.value}: confirm where the "
                "supercomputer or facility is located (15 CFR 744.23(a))")
            question = f"{question}; {contradiction}" if question else contradiction
        elif not where:
            question = question or (
                f"§ 744.23 reaches end uses located in Macau or Country Group D:5; the destination {dest} is not: "
                "state where the supercomputer or facility is located (if outside Macau and D:5, state "
                f"{Fact.END_USE_OUTSIDE_MACAU_D5.value})"
            )
        if rule.get("fn5_excluded") and any(p.el_entry and 5 in p.el_entry.footnotes for p in parties):
            f.excluded.append(f"{code}: excluded for a footnote-5 entity (744.23(a)(2)(iv)) -- {cite}")
            continue
        f.bases.append(Basis(code, cite, _policy(rule, eccn), indeterminate=question))
        f.barred(ALL, str(rule["exceptions"]), cite)


_WORDS = "744.23.end_use_words"
_COUNT = re.compile(r" (\d{1,6}) ?(?=[a-z])")  # a number in the normal form, then (the unit word checked after it)
# the facts that answer the words of an entry: stated either way (the fact itself, or the end use checked or located
# outside Macau and D:5)
_ANSWERED = frozenset({Fact.END_USE_CHECKED, Fact.END_USE_OUTSIDE_MACAU_D5})


def _count_found(norm: str, unit: str, least: int) -> str | None:
    for m in _COUNT.finditer(norm):
        if norm.startswith(unit, m.end() - 1) and int(m.group(1)) >= least:
            return f"{m.group(1)}{unit}"
    return None


def _words_found(entry: dict[str, Any], norm: str) -> list[str]:
    """The words (and counts) of an entry of rule ``744.23.end_use_words`` in the normal form ``norm``."""
    if any(u in norm for u in entry.get("unless", ())):
        return []
    found = [w.strip() for w in entry["words"] if w in norm]
    for c in entry.get("counts", ()):
        if c.get("with_any") and not any(w in norm for w in c["with_any"]):
            continue
        if (hit := _count_found(norm, str(c["unit"]), int(c["min"]))) is not None:
            found.append(hit.strip())
    return found


def end_use_words(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo],
                  f: Findings) -> None:
    """An end use in words stating a § 744.23 end use (rule ``744.23.end_use_words``: "232-layer NAND", "the
    foundry's N+1 process line", "one quintillion operations per second", "chip-making machines": adversarial
    R30-46..R30-50, R30b-12, R30b-13) where § 744.23 reaches it, with no fact stated either way: § 744.23 evaluated
    with the entry's fact added; where it would require a licence, a basis to be confirmed naming the words."""
    # (the purpose clause of the item description is read too: "rack servers as compute nodes of a 1.2 exaflop
    # system", "FPGA boards to be built into wafer-inspection tools" -- adversarial R43b-32, R43b-33)
    text = f"{req.end_use} {purpose_clause(req.item.description)}".strip()
    if not text or req.facts & _ANSWERED:
        return
    rule = ctx.find(_WORDS)
    if rule is None or not rule["entries"]:
        return
    where = {dest} | {p.country for p in parties if p.country and p.role in _LOCATED}
    if not any(c in rule["destinations"] or groups(ctx, c) & set(rule["groups"]) for c in where
               if c != UNSPECIFIED):
        return
    norm = normalise(text)
    eccn = parse_eccn(req.item.eccn) if req.item.eccn else None
    for entry in rule["entries"]:
        found = _words_found(entry, norm)
        if not found:
            continue
        said = (f"the {'end use' if _words_found(entry, normalise(req.end_use)) else 'item description'} says "
                f"'{', '.join(found)}' (§ {entry['paragraph']})")
        if entry.get("fact") is None:
            if eccn is not None and eccn.is_ear99 and entry.get("ccl_only"):
                continue
            question = f"{said}: {entry['question']}"
            f.bases.append(Basis(f"744.23-{entry['paragraph']}", ctx.cite(_WORDS), "presumption of denial "
                                 "(744.23(d)(1))", indeterminate=question, rules=(_WORDS,)))
            continue
        fact = Fact(entry["fact"])
        if fact in req.facts or (fact is Fact.IC_PRODUCTION_UNKNOWN_NODE and Fact.ADVANCED_NODE_IC in req.facts):
            continue
        trial = Findings()
        end_use(ctx, replace(req, facts=req.facts | {fact}), dest, juris, parties, trial)
        code = f"744.23-{fact.value}"
        question = (f"{said}: § 744.23 requires a licence if the item is for that end use -- state {fact.value}, "
                    f"or {Fact.END_USE_CHECKED.value} if it is not")
        f.bases.extend(replace(b, indeterminate=f"{question}; {b.indeterminate}" if b.indeterminate else question,
                               rules=(*b.rules, _WORDS))
                       for b in trial.bases if b.code == code)


def _party_inside(ctx: Ctx, rule: dict[str, Any], parties: list[PartyInfo], dest: str) -> PartyInfo | None:
    """The first end user, ultimate consignee or purchaser located in a destination or Country Group the paragraph
    reaches (a purchaser there is a red flag against the stated location: adversarial R22-08, R22b-03)."""
    for p in parties:
        if p.role.value not in _LOCATED or not p.country or p.country == dest:
            continue
        if p.country in rule["destinations"] or bool(groups(ctx, p.country) & set(rule["groups"])):
            return p
    return None


def headquarters(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo],
                 f: Findings) -> None:
    """§ 744.23(a)(3) (``744.23.headquarters``): advanced computing items destined outside D:1/D:4/D:5 (or to A:5/A:6)
    for an entity headquartered in Macau or D:5. Stated (fact) -> licence; stated not -> nothing; not stated but the
    order names owners of a party -> the question (adversarial R4-74), noted when a Part 744 licence is needed
    anyway. An order that names no owner is not asked (docs/coverage.md)."""
    text = req.item.eccn or ""
    if not text.startswith(("3A090", "4A090")) and ".z" not in text.lower():
        return  # (the common case: not an advanced computing item -- read no rule; the rule's items are these bases)
    rule = ctx.find("744.23.headquarters")
    if rule is None or dest == UNSPECIFIED or Fact.NOT_HEADQUARTERED_MACAU_D5 in req.facts:
        return
    eccn = parse_eccn(req.item.eccn)
    if eccn.base not in rule["items"] and not (rule["z_paragraphs"] and eccn.paragraph[:1] == ("z",)):
        return
    grp = groups(ctx, dest)
    reached = dest not in rule["inside"] and (not grp & set(rule["groups"]) or bool(grp & set(rule["not_groups"])))
    hbm = rule.get("hbm")
    if not reached and hbm is not None and eccn.base == hbm["eccn"] and eccn.paragraph[:1] in ((), (hbm["paragraph"],)):
        # (a)(3)(i)(B): 3A090.c destined anywhere but Macau and D:5 -- D:1 and D:4 destinations too (adversarial
        # R17-15); a 3A090 item of unknown paragraph is reached as .c would be (fail closed)
        reached = dest not in hbm["inside"] and not grp & set(hbm["groups"])
    if not reached:
        return
    cite = ctx.cite("744.23.headquarters")
    if Fact.HEADQUARTERED_MACAU_D5 in req.facts:
        f.bases.append(Basis("744.23-HQ", cite, str(rule["policy"]), rules=("744.23.headquarters",)))
        f.barred(ALL, "no licence exception (744.23(c))", cite)
        return
    if any(p.owners for p in parties):
        if any(b.indeterminate is None and b.overcome_by is None and b.code in END_USER_CODES for b in f.bases):
            f.notes.append(f"{rule['question']} [a Part 744 licence is required anyway]")
            return
        f.bases.append(Basis("744.23-HQ", cite, str(rule["policy"]), indeterminate=str(rule["question"]),
                             rules=("744.23.headquarters",)))
