"""License Exceptions LVS (§ 740.3), GBS (§ 740.4) and TSR (§ 740.6) by paragraph and value, from
``740.lvs.<ECCN>``, ``740.gbs.<ECCN>`` and ``740.tsr.<ECCN>``, and the ECCN's "Special conditions for STA"
(§ 740.20(b)(2)) from ``740.sta.<ECCN>``. An exception is offered only when the data establishes it for the item's
paragraph (and, for LVS, the order's value does not exceed the limit); anything else bars it with the reason."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from clearance.rules.context import Ctx
from clearance.rules.eccn import Eccn


def _entry(ctx: Ctx, key: str, eccn: Eccn) -> dict[str, Any] | None:
    """The ``740.lvs.<ECCN>`` / ``740.gbs.<ECCN>`` value on the day (None: the ECCN has no such line)."""
    value: dict[str, Any] | None = ctx.find(f"{key}.{eccn.base}")
    return value


def _under(eccn: Eccn, refs: list[str]) -> bool:
    return bool(eccn.paragraph) and any(eccn.within(r) for r in refs)


def _may_be_under(eccn: Eccn, refs: list[str]) -> bool:
    """Inside one of ``refs``, or a parent of one ('3B001.c' for 'c.1.a'): the item may be in it."""
    return _under(eccn, refs) or any(
        len(r.split(".")) > len(eccn.paragraph) and tuple(r.split("."))[: len(eccn.paragraph)] == eccn.paragraph
        for r in refs)


def _na(eccn: Eccn, entry: dict[str, Any], reasons: set[str]) -> str | None:
    if _may_be_under(eccn, list(entry.get("na_paragraphs", []))):
        return f"N/A for {eccn.text} ({entry['text']})"
    hit = reasons & set(entry.get("na_reasons", []))
    if hit:
        return f"N/A for items controlled for {', '.join(sorted(hit))} ({entry['text']})"
    if not eccn.paragraph and (entry.get("na_paragraphs") or entry.get("na_conditional")):
        return f"paragraph not given and the line excludes paragraphs ({entry['text']})"
    return None


def na_condition(ctx: Ctx, key: str, eccn: Eccn) -> str | None:
    """The words on which the ``key`` line ('740.gbs', '740.lvs', '740.tsr') takes the exception away from the
    item's paragraph ("only if connected to equipment controlled by 3B001.a.3, or .f"); None when it names none."""
    entry = _entry(ctx, key, eccn)
    for cond in (entry or {}).get("na_conditional", []):
        if eccn.paragraph and _may_be_under(eccn, [str(cond["paragraph"])]):
            return f"N/A for {eccn.base}.{cond['paragraph']} {cond['words']} ({entry['text'] if entry else ''})"
    return None


def _not_to(lim: dict[str, Any], dest: str, groups: frozenset[str], marks: frozenset[str]) -> str | None:
    """Why a limit's destination condition excludes ``dest`` (its Country Groups and Country Chart marks); None when
    the limit reaches it (adversarial R8-03: "except those also listed under Country Group D:3")."""
    hit = groups & set(lim.get("not_groups", ()))
    if hit:
        return f"{dest} is in Country Group {', '.join(sorted(hit))}"
    hit = marks & set(lim.get("not_columns", ()))
    if hit:
        return f"{dest} has an X in {', '.join(sorted(hit))}"
    only = list(lim.get("destinations", ()))
    if only and dest not in only:
        return f"the grant is only for {', '.join(only)}"
    return None


def lvs_limit(ctx: Ctx, eccn: Eccn, reasons: set[str], dest: str = "", groups: frozenset[str] = frozenset(),
              marks: frozenset[str] = frozenset()) -> tuple[int | None, str]:
    """(the LVS dollar limit for the item's paragraph to ``dest``, why); None when LVS is not established for it.
    A limit with a destination condition counts only for a destination it reaches."""
    entry = _entry(ctx, "740.lvs", eccn)
    if entry is None or entry["status"] == "none":
        return None, "LVS: N/A for this ECCN"
    na = _na(eccn, entry, reasons)
    if na:
        return None, "LVS " + na
    limit: int | None = None
    best = -1
    excluded: list[str] = []
    for lim in entry.get("limits", []):
        paras = list(lim["paragraphs"])
        if not paras or (eccn.paragraph and any(eccn.within(p) for p in paras)):
            why = _not_to(lim, dest, groups, marks)
            if why is not None:
                excluded.append(why)
                continue
        if not paras and best < 0:
            limit = int(lim["usd"])
            best = 0
        for p in paras:
            if eccn.paragraph and eccn.within(p) and len(p.split(".")) > best:
                limit, best = int(lim["usd"]), len(p.split("."))
    if limit is None:
        to = f" to {dest}: {'; '.join(excluded)}" if excluded else ""
        return None, f"LVS not established for {eccn.text}{to} ({entry['text']})"
    return limit, entry["text"]


def lvs_value(limit: int, value: Fraction | None, line: str) -> tuple[bool, str]:
    """Whether the order's value does not exceed the LVS limit (§ 740.3: "does not exceed")."""
    if value is None:
        return False, f"LVS limit ${limit}: the order gives no value"
    if value > limit:
        return False, f"LVS: value {float(value):g} exceeds ${limit} ({line})"
    return True, f"value {float(value):g} does not exceed the LVS limit ${limit} ({line})"


def gbs(ctx: Ctx, eccn: Eccn, reasons: set[str]) -> tuple[bool, str]:
    return _yes_scope(ctx, "740.gbs", "GBS", eccn, reasons)


def tsr(ctx: Ctx, eccn: Eccn, reasons: set[str]) -> tuple[bool, str]:
    """§ 740.6 TSR by the ECCN's TSR line ("Yes", "Yes, except N/A for MT", "Yes, except 2E003.b, .e and .f"): whether
    the line grants it for the item's paragraph (the exception's own terms are the caller's)."""
    return _yes_scope(ctx, "740.tsr", "TSR", eccn, reasons)


def _yes_scope(ctx: Ctx, key: str, sym: str, eccn: Eccn, reasons: set[str]) -> tuple[bool, str]:
    entry = _entry(ctx, key, eccn)
    if entry is None or entry["status"] == "none":
        return False, f"{sym}: N/A for this ECCN"
    na = _na(eccn, entry, reasons)
    if na:
        return False, f"{sym} " + na
    if entry["status"] == "all":
        return True, f"{sym}: Yes ({entry['text']})"
    if _under(eccn, list(entry.get("paragraphs", []))):
        return True, f"{sym}: Yes for {eccn.text} ({entry['text']})"
    return False, f"{sym} not established for {eccn.text} ({entry['text']})"


def sta_bar(ctx: Ctx, eccn: Eccn, groups: frozenset[str]) -> str | None:
    """Why the ECCN's special conditions bar STA for the item to a destination in ``groups``; None when they do
    not (or the ECCN has none). An item whose paragraph is not given is barred when the conditions name paragraphs.
    A text of several clauses, each with its own paragraphs and groups (``clauses``), bars a paragraph only to its
    own clause's groups."""
    entry = _entry(ctx, "740.sta", eccn)
    if entry is None:
        return None
    if eccn.paragraph and any(eccn.within(p) for p in entry.get("excepted", [])):
        return None  # "6A001.a.2 (except .a.2.a.4)": the item is in a paragraph the bar excepts
    for clause in entry.get("clauses") or (entry,):
        why = _sta_clause_bar(eccn, list(clause.get("groups", [])), list(clause.get("paragraphs", [])), groups,
                              str(entry["text"]))
        if why is not None:
            return why
    return None


def _sta_clause_bar(eccn: Eccn, barred: list[str], paragraphs: list[str], groups: frozenset[str],
                    text: str) -> str | None:
    barred_groups = set(barred)
    if barred_groups and not barred_groups & groups:
        return None
    if paragraphs and eccn.paragraph and not _may_be_under(eccn, paragraphs):
        return None
    where = f" to {'/'.join(sorted(barred_groups))}" if barred_groups else ""
    which = f"{eccn.text} (paragraph not given)" if paragraphs and not eccn.paragraph else eccn.text
    return f"STA may not be used for {which}{where} ({text})"
