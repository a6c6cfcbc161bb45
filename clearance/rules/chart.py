"""CCL reasons for control x Commerce Country Chart (§ 738.4), with Country Groups (Supp. 1 to Part 740)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from clearance.errors import CannotClear
from clearance.model.determination import Fact
from clearance.model.regulation import RuleGap
from clearance.rules.context import Ctx
from clearance.rules.eccn import Eccn

UNSPECIFIED = "XX"  # several or unknown destinations (e.g. a release at a multilateral meeting)
RULE_DATA_START = dt.date(2019, 1, 1)  # the rule data begins here: an entry first valued later did not exist before


@dataclass(frozen=True, slots=True)
class ChartHit:
    code: str  # "NS2", "EI", "RS"
    reason: str
    cite: str
    indeterminate: str | None = None
    # the row reaches a transfer (in-country): its text says "to or within", or its destinations are not read; a
    # Country Chart column (General Prohibition One, § 736.2(b)(1)) covers exports and reexports only
    in_country: bool = False


def destination(ctx: Ctx, country: str) -> str:
    """The Country Chart row governing ``country`` on the day (Hong Kong -> China from 2020-12-23)."""
    alias = ctx.find(f"destination.{country}")
    return str(alias["governed_by"]) if alias else country


def groups(ctx: Ctx, dest: str) -> frozenset[str]:
    if dest == UNSPECIFIED:
        raise CannotClear("the destination is not a single country: Country Groups cannot be applied")
    if not ctx.has(f"groups.{dest}"):
        row = ctx.find(f"chart.{dest}") if ctx.has(f"chart.{dest}") else None
        if row is not None and row["marks"] is not None:
            return frozenset()  # a chart row without any Country Group (not a row whose columns are not held)
        raise CannotClear(f"no Country Chart row or Country Groups for destination {dest!r}")
    return ctx.get_frozenset(f"groups.{dest}")


def chart_row(ctx: Ctx, dest: str) -> dict[str, Any]:
    if dest == UNSPECIFIED:
        raise CannotClear("the destination is not a single country: the Country Chart cannot be applied")
    row: dict[str, Any] = ctx.get(f"chart.{dest}")
    if row.get("embargoed") and not ctx.has(f"part746.{dest}"):
        raise CannotClear(f"{dest} is an embargoed destination: {row['embargoed']} (no Part 746 rule data for it)")
    return row


def ccl_entry(ctx: Ctx, eccn: Eccn) -> dict[str, Any]:
    key = f"ccl.{eccn.base}"
    if not ctx.has(key):
        raise CannotClear(f"unknown ECCN {eccn.text}: {eccn.base} is not on the Commerce Control List")
    entry: dict[str, Any] | None = ctx.find(key)
    if entry is None:
        first = ctx.rules.parameters[key].values[0]
        if first.start > RULE_DATA_START and ctx.day < first.start:
            # the ECCN did not exist yet: the item was classified under another entry on that day (never today's)
            fr = f" ({first.citation.fr})" if first.citation.fr else ""
            raise RuleGap(f"ECCN {eccn.base} did not exist on {ctx.day.isoformat()}: it was added to the Commerce "
                          f"Control List on {first.start.isoformat()}{fr}; classify the item under the CCL in force "
                          f"on {ctx.day.isoformat()}", rule=key)
        entry = ctx.get(key)  # raises the data gap naming the dates the data covers
    return entry


def _inside(eccn: Eccn, ref: str) -> bool:
    """Whether paragraph ``ref`` lies inside the item's paragraph (the item names a parent of it: '5A992.z' for a row
    on 'z.1'): the item may or may not be in the row -- the sub-paragraph decides."""
    parts = tuple(ref.split("."))
    return len(parts) > len(eccn.paragraph) and parts[: len(eccn.paragraph)] == eccn.paragraph


def applies_to(control: dict[str, Any], eccn: Eccn) -> bool | None:
    scope = control.get("scope")
    if scope == "entire":
        exc = control.get("except") or []
        if any(eccn.within(r) for r in exc):
            return False
        if exc and (not eccn.paragraph or any(_inside(eccn, r) for r in exc)):
            return None
        return True
    if scope == "paragraphs":
        if not eccn.paragraph:
            return None
        refs, exc = control.get("paragraphs", []), control.get("except") or []
        if any(eccn.within(r) for r in exc):
            return False  # "5A001.b (except .b.5)": the row does not reach .b.5 (adversarial R8-08)
        if any(eccn.within(r) for r in refs):
            # a parent of an excepted paragraph ('5A001.b' beside 'except .b.5'): the sub-paragraph decides
            return None if any(_inside(eccn, r) for r in exc) else True
        return None if any(_inside(eccn, r) for r in refs) else False  # a parent paragraph: give the sub-paragraph
    return None  # conditional text: needs a person


def _dest_hit(ctx: Ctx, control: dict[str, Any], dest: str, row: dict[str, Any]) -> bool:
    column = control.get("column")
    if column:
        marks = row["marks"]
        if marks is None:  # a row whose columns are not held (Hong Kong before 2020-12-23): only its known blanks
            if column in row.get("known_blank", ()):
                return False
            raise CannotClear(f"the Country Chart row {dest} in force on {ctx.day.isoformat()} is not held: whether "
                              f"column {column} has an X there is not known ({row.get('note', '')}); decide it by "
                              f"hand from Supp. No. 1 to Part 738 as in force on that date")
        return column in marks
    special = control.get("special") or {}
    kind = special.get("kind")
    if kind == "worldwide":
        return dest not in special.get("except", [])
    if kind == "destinations":
        return dest in special.get("destinations", [])
    if kind == "groups":
        g = groups(ctx, dest)
        if dest in special.get("destinations", []):
            return True
        return bool(g & set(special.get("groups", []))) and not (g & set(special.get("not_groups", [])))
    # "footnote": the rows marked with the footnote -- its own requirement (738.footnote.N, with this row's reason)
    # gives the basis there (_footnote_hits), an unmarked row is outside the pointer (§ 746.1(b) via footnote 1);
    # "unread": the destinations are not known -- asked for every destination (_chart_hits)
    return kind != "footnote"


CONDITION_FACTS = frozenset({Fact.CCL_CONDITION_MET, Fact.CCL_CONDITION_NOT_MET})


def chart_hits(ctx: Ctx, eccn: Eccn, dest: str, cond: frozenset[Fact] = frozenset()) -> tuple[ChartHit, ...]:
    """Every reason for control of the item that needs a licence to ``dest`` (GP1/GP2), cached per epoch;
    ``cond``: the order's facts answering a row's condition in words (``CONDITION_FACTS``)."""
    return ctx.memo(("hits", eccn, dest, cond), _chart_hit_tuple, ctx, eccn, dest, cond)


def _chart_hit_tuple(ctx: Ctx, eccn: Eccn, dest: str, cond: frozenset[Fact]) -> tuple[ChartHit, ...]:
    return tuple(_chart_hits(ctx, eccn, dest, cond))


def _condition(control: dict[str, Any], eccn: Eccn) -> str | None:
    """The words of the row's condition for the item's paragraph (``conditions``: paragraph -> words), if any."""
    return next((str(w) for p, w in (control.get("conditions") or {}).items() if eccn.within(p)), None)


def _chart_hits(ctx: Ctx, eccn: Eccn, dest: str, cond: frozenset[Fact]) -> list[ChartHit]:
    if eccn.is_ear99:
        if dest != UNSPECIFIED:
            chart_row(ctx, dest)  # embargoed rows still fail closed for EAR99
        return []
    entry = ccl_entry(ctx, eccn)
    if not entry["controls"]:  # no ECCN is without a reason for control: the data has none (never "no licence")
        heading = str(entry.get("heading", ""))
        if "subject to the ITAR" in heading:
            raise CannotClear(f"ECCN {eccn.base}: these items are subject to the ITAR (22 CFR parts 120-130): a "
                              "State Department licence or exemption governs, not the EAR "
                              f"({ctx.cite(f'ccl.{eccn.base}')})")
        raise RuleGap(f"ECCN {eccn.base}: the rule data has no reasons for control or Country Chart columns for it "
                      f"(its licence requirements are in words the derived CCL does not give: {heading[:120]!r}); "
                      "decide it by hand", rule=f"ccl.{eccn.base}")
    row = chart_row(ctx, dest)
    if row.get("embargoed"):
        return []  # a pointer row: Part 746 governs (§ 738.4; clearance.rules.embargo), never "no X"
    ccl_cite = ctx.cite(f"ccl.{eccn.base}")
    chart_cite = ctx.cite(f"chart.{dest}")
    hits: list[ChartHit] = []
    unverified: list[ChartHit] = []
    for control in entry["controls"]:
        if not _dest_hit(ctx, control, dest, row):
            continue
        applies = applies_to(control, eccn)
        if applies is False or (control.get("absent") and applies is not True):
            continue
        reason = str(control["reason"])
        column = control.get("column")
        code = column.replace(" ", "") if column else reason
        where = f"{dest} row {column} = X" if column else str((control.get("special") or {}).get("text", ""))
        cite = f"{ccl_cite}: {control['text']}; {chart_cite if column else where}"
        why = None if applies else f"whether '{control['text']}' covers {eccn.text} (give the ECCN paragraph)"
        words = _condition(control, eccn) if applies else None
        if control.get("scope") == "conditional" and applies is None:
            # the row's scope is a condition in words ("MT applies to equipment for the 'production' of rocket
            # propellants"): the paragraph cannot answer it, the stated facts can (adversarial R8-14, R8-48)
            if Fact.CCL_CONDITION_NOT_MET in cond and Fact.CCL_CONDITION_MET not in cond:
                continue
            why = None if Fact.CCL_CONDITION_MET in cond else (
                f"whether '{control['text']}' covers {eccn.text} (a condition in words: state ccl_condition_met or "
                "ccl_condition_not_met)")
        if words is not None and Fact.CCL_CONDITION_MET not in cond:
            if Fact.CCL_CONDITION_NOT_MET in cond:
                continue  # stated: the row's condition in words is not met
            why = (f"whether {eccn.text} meets the condition of the {reason} row: '{words}' (state ccl_condition_met "
                   "or ccl_condition_not_met)")
        special = control.get("special") or {}
        within = not column and (special.get("kind") == "unread" or " within" in str(special.get("text", "")))
        if (control.get("special") or {}).get("kind") == "unread":
            # a row whose destinations the rule data cannot read ("See § 742.6(a)(11)"): never "not applicable"
            said = str(control["special"]["text"])
            said = "" if said == control["text"] else f"; Country Chart: '{said[:200]}'"
            why = (f"whether the {reason} row of ECCN {eccn.base} ('{control['text']}'{said}) requires a licence to "
                   f"{dest}: its destinations are not read by the rule data; decide it from the section it points to"
                   + (f"; and {why}" if why else ""))
        if control.get("unverified"):
            unverified.append(ChartHit(code, reason, cite, f"ECCN {eccn.base} on {ctx.day.isoformat()}: "
                                                           f"{control['unverified']}", within))
            continue
        hits.append(ChartHit(code, reason, cite, why, within))
    # a requirement whose wording on the day is not held is to be confirmed, unless a verified one of the same
    # reason requires the licence anyway (issue 9 kind 8: never today's text applied silently, never a clear)
    hits += [u for u in unverified if not any(h.reason == u.reason and h.indeterminate is None for h in hits)]
    # a question (a sub-paragraph, a wording not held) beside a determinate row of the same code: required anyway
    sure = {h.code for h in hits if h.indeterminate is None}
    hits = [h for h in hits if h.indeterminate is None or h.code not in sure]
    for n in row.get("footnotes", []):
        if ctx.has(f"738.footnote.{n}"):
            hits += _footnote_hits(ctx, entry, eccn, ctx.get(f"738.footnote.{n}"), f"738.footnote.{n}", dest)
    return hits


def _footnote_hits(ctx: Ctx, entry: dict[str, Any], eccn: Eccn, note: dict[str, Any], key: str,
                   dest: str) -> list[ChartHit]:
    """The licence requirement a Country Chart footnote of the destination's row adds for the item (the grid does
    not show it): for the ECCNs it lists, or for the item's control with the footnote's reason (UN)."""
    why: str | None = None
    if note.get("ccl_reason"):
        found = [c for c in entry["controls"] if c["reason"] == note["ccl_reason"]]
        scopes = [applies_to(c, eccn) for c in found]
        if not found or all(s is False for s in scopes):
            return []
        if not any(scopes):
            why = f"whether the {note['ccl_reason']} control covers {eccn.text} (give the ECCN paragraph)"
    else:
        item = next((i for i in note.get("items", []) if i["eccn"] == eccn.base), None)
        if item is None:
            return []
        paragraphs, excepted = list(item.get("paragraphs", [])), list(item.get("except") or item.get("except_") or [])
        if eccn.paragraph and (any(eccn.within(p) for p in excepted)
                               or (paragraphs and not any(eccn.within(p) for p in paragraphs))):
            return []
        if not eccn.paragraph and (paragraphs or excepted):
            scope = ", ".join(paragraphs) or "except " + ", ".join(excepted)
            why = f"whether {eccn.text} is within {eccn.base} {scope}"
        elif item.get("condition"):
            why = f"whether the item meets '{item['condition']}'"
    if note.get("question"):
        why = f"{note['question']}" + (f"; {why}" if why else "")
    cite = f"{ctx.cite(key)}: {note['text'][:300]}; {dest} row"
    return [ChartHit(str(note["code"]), str(note["reason"]), cite, why)]


def controlled_to(ctx: Ctx, eccn: Eccn, dest: str) -> bool | None:
    """Supp. 2 to Part 734: would the content need a licence to ``dest`` under the Chart? None = unsure."""
    hits = chart_hits(ctx, eccn, dest)
    if any(h.indeterminate is None for h in hits):
        return True
    return None if hits else False


def reasons_of(ctx: Ctx, eccn: Eccn) -> set[str]:
    if eccn.is_ear99:
        return set()
    return {str(c["reason"]) for c in ccl_entry(ctx, eccn)["controls"]}
