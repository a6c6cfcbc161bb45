"""Generate the licence-exception scopes of the CCL (LVS value limits, GBS and TSR paragraph scopes) as rule data.

    .venv/bin/python tools/gen_le_scopes.py [--data ../shared/data/ear] [--out clearance/regulations]

Input: ``seelpeed_ecfr_derived/ccl.json`` (eCFR title 15 as issued 2026-07-23; the "List Based License
Exceptions" lines of every ECCN). Output: ``part_740/le_scopes.yaml`` with one parameter per ECCN and exception
(the destination test, Country Group B, is ``le.LVS`` / ``le.GBS``):

* ``740.lvs.<ECCN>`` -- per ECCN: the dollar limit (by paragraph where the line says so), the paragraphs and
  reasons for control for which LVS is "N/A", and the clauses that could not be reduced to paragraphs;
* ``740.gbs.<ECCN>`` -- per ECCN: "Yes" for the whole entry, for listed paragraphs, or except listed paragraphs
  or reasons;
* ``740.tsr.<ECCN>`` -- the TSR line (§ 740.6) read the same way: "Yes", "Yes, except N/A for MT", "Yes, except
  2E003.b, .e and .f"; a line excepting a part described in words ("Yes, except for the following: ...") grants
  nothing (TSR not offered).

Fail-closed parsing: a clause that grants an exception but carries words the parser cannot reduce to ECCN
paragraphs goes to ``conditional`` (the grant needs facts, so an engine does not offer it); a clause that
takes an exception away and names paragraphs takes them away whole, whatever qualifies them, except a single
paragraph whose parenthetical is a condition ("only if", "if", "when", "unless"): ``na_conditional``, asked.
A grant is read in its ";" segments ("manipulators ... 8A002.i.2 ...; and 8A002.r": .r granted, the words
conditional); a proviso naming only the entry's paragraphs ("provided that they are not also controlled by
3C002.b through .e") makes them N/A; "... and parts and components therefor" is an addition in words (conditional),
"exported separately or as part of a system" no condition. An STA bar's "(except .a.2.a.4)" is ``excepted``.
Dates follow tools/gen_regulations.py: from 2019-01-01 on the stated assumption that the lines did not change
(ECCNs that exist only later start later).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import string
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
START = dt.date(2019, 1, 1)
ECCN_START = {"3A090": (dt.date(2022, 10, 7), "87 FR 62186"), "4A090": (dt.date(2022, 10, 7), "87 FR 62186")}
ASSUMED = "eCFR-d 2026-07-23 (ccl.json, 'List Based License Exceptions'); assumed unchanged since 2019-01-01 [D]"
REASONS = ("MT", "NP", "UN", "NS", "RS", "CB")
_PARA = re.compile(r"^(?:ECCN\s+)?(?:(\d[A-E]\d{3})\.|\.)?([a-z](?:\.[a-z0-9]+)*)\.?$")


class _Dumper(yaml.CSafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def norm(text: str) -> str:
    return " ".join(str(text).split())


def _usd(text: str) -> int:
    return int(text.replace(",", ""))


def _strip_parens(text: str) -> tuple[str, list[str]]:
    """Text without its (top-level) parentheticals, and the parentheticals."""
    out, parens, depth, cur = [], [], 0, ""
    for ch in text:
        if ch == "(":
            if depth == 0:
                cur = ""
            else:
                cur += ch
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                parens.append(cur)
            else:
                cur += ch
        elif depth:
            cur += ch
        else:
            out.append(ch)
    return norm("".join(out)), parens


def _step(a: str, b: str) -> list[str] | None:
    """Expand "a.2 to a.14" / "k to n" (same prefix, last component letters or numbers)."""
    pa, pb = a.split("."), b.split(".")
    if len(pa) != len(pb) or pa[:-1] != pb[:-1]:
        return None
    x, y = pa[-1], pb[-1]
    if x.isdigit() and y.isdigit():
        seq = [str(i) for i in range(int(x), int(y) + 1)]
    elif len(x) == 1 and len(y) == 1 and x.isalpha() and y.isalpha():
        letters = string.ascii_lowercase
        seq = list(letters[letters.index(x) : letters.index(y) + 1])
    else:
        return None
    return [".".join([*pa[:-1], s]) for s in seq]


def para_list(eccn: str, text: str) -> list[str] | None:
    """Paragraphs of ``eccn`` named by a list such as "3A001.a.1.b, a.2 to a.14, and .g"; None if words remain."""
    text = norm(text).rstrip(".").replace(" only", "")
    tokens = [re.sub(r"^(?:and|or)\s+", "", t.strip()) for t in re.split(r",\s*|\s+and\s+|\s+or\s+", text)]
    tokens = [t for t in tokens if t and t not in {"and", "or"}]
    out: list[str] = []
    for tok in tokens:
        rng = re.match(r"^(.+?)\s+(?:to|through)\s+(.+)$", tok)
        if rng:
            a, b = (_PARA.match(rng.group(1).strip()), _PARA.match(rng.group(2).strip()))
            if not (a and b) or (a.group(1) or eccn) != eccn or (b.group(1) or eccn) != eccn:
                return None
            seq = _step(a.group(2), b.group(2))
            if seq is None:
                return None
            out += seq
            continue
        m = _PARA.match(tok.strip())
        if not m or (m.group(1) or eccn) != eccn:
            return None
        out.append(m.group(2))
    return out or None


def refs_anywhere(eccn: str, text: str) -> list[str]:
    """Every paragraph of ``eccn`` a text names, loosely (used only to take an exception away)."""
    found = [m.group(1) for m in re.finditer(rf"\b{eccn}\.([a-z](?:\.[a-z0-9]+)*)", text)]
    for m in re.finditer(r"(?:(?<=\s)|(?<=^))\.?([a-z](?:\.\d+(?:\.[a-z0-9]+)*)|[a-z])(?=[,.;]?(?:\s|$))", text):
        token = m.group(1)
        if len(token) == 1 and not re.search(rf"(?:{eccn}\.[a-z0-9.]+|\.[a-z]|,)\s*(?:and\s+)?\.?{token}\b", text):
            continue
        found.append(token)
    seq: list[str] = []
    for a, b in re.findall(r"\.?([a-z](?:\.\d+)*)\s+(?:to|through)\s+\.?([a-z](?:\.\d+)*)", text):
        seq += _step(a, b) or []
    return list(dict.fromkeys(found + seq))


def _reasons(text: str) -> list[str]:
    words = re.sub(r"\bitems\b", "", text)
    toks = [t for t in re.split(r",\s*|\s+and\s+", norm(words)) if t]
    return toks if toks and all(t in REASONS for t in toks) else []


def _na(eccn: str, text: str, scope: dict[str, Any]) -> None:
    """An "N/A for ..." text: reasons, paragraphs (taken away whole), or words (every grant becomes conditional)."""
    text = norm(text).rstrip(".")
    parts = re.split(r"\s+and for\s+|;\s*", text)
    for part in parts:
        part = _na_on_condition(eccn, part, scope)
        if re.search(r"\bdestinations?\b|\bcountries\b", part):
            scope["na_words"].append(part)
            continue
        reasons = _reasons(part)
        if reasons:
            scope["na_reasons"] += reasons
            continue
        rs = re.match(r"^(MT|NP|UN)(?:,| and)\s+(.*)$", part)
        if rs:
            scope["na_reasons"].append(rs.group(1))
            part = rs.group(2)
        plain = para_list(eccn, _strip_parens(part)[0])
        if plain is not None:
            scope["na_paragraphs"] += plain
            continue
        loose = refs_anywhere(eccn, _strip_parens(part)[0]) or refs_anywhere(eccn, part)
        if loose:
            scope["na_paragraphs"] += loose
        else:
            scope["na_words"].append(part)


_ON_CONDITION = re.compile(r"\b(?:only if|if|when|unless)\b")


def _na_on_condition(eccn: str, part: str, scope: dict[str, Any]) -> str:
    """The pieces of an N/A list that name one paragraph with a condition in words in their parenthetical (".e
    (automatic loading ... only if connected to equipment controlled by 3B001.a.3, or .f)"): to ``na_conditional``
    (the exception is a question for an item in it, never offered); the rest of the list returned. A piece whose
    words are not such a condition is left in the list (taken away whole)."""
    pieces = _split_top(part)
    kept: list[str] = []
    for piece in pieces:
        bare, parens = _strip_parens(piece)
        paras = para_list(eccn, bare)
        if paras and len(paras) == 1 and len(parens) == 1 and _ON_CONDITION.search(parens[0]):
            scope["na_conditional"].append({"paragraph": paras[0], "words": norm(parens[0])})
        else:
            kept.append(piece)
    return part if len(kept) == len(pieces) else ", ".join(kept)


def _split_top(text: str) -> list[str]:
    """Split a list at commas and "and" outside parentheses."""
    pieces, depth, cur = [], 0, ""
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth == 0:
            pieces.append(cur)
            cur = ""
        else:
            cur += ch
    pieces.append(cur)
    out: list[str] = []
    for piece in pieces:
        out += [p for p in re.split(r"\s+and\s+(?![^(]*\))", piece) if p.strip()]
    return [norm(re.sub(r"^and\s+", "", p.strip())) for p in out if p.strip()]


# words that qualify what comes before them ("; provided that ...", "; except ..."): a segment of a grant starting so
# is no item of its own
_QUALIFYING = re.compile(r"^(?:provided|except|unless|if|when|only|for use|exported|reexported|that|which|having)\b")
# "... and “specially designed” “parts” and “components” therefor": items added to the grant in words (asked, never
# granted), not words qualifying the paragraphs before them
_THEREFOR = re.compile(r"\s+and\s+((?:“specially designed”\s+)?(?:“?(?:parts|components|accessories|attachments)”?"
                       r"(?:,\s*|\s+(?:and|or)\s+)?)+\s*therefor)\b")
# "exported separately or as part of a system": both ways of exporting, so no condition on the grant
_EITHER_WAY = re.compile(r",?\s+exported separately or as part of a system$")
# "3C002.a provided that they are not also controlled by 3C002.b through .e": the proviso names paragraphs of the
# entry, so it is the test "N/A for 3C002.b through .e" on the order's paragraph (as every "N/A for" list is read)
_NOT_ALSO = re.compile(r"^(.+?),? provided that (?:they|it) (?:are|is) not also controlled by (.+)$")


def _grant(eccn: str, text: str, usd: int | None, scope: dict[str, Any], kind: str) -> None:
    """A clause granting the exception for listed paragraphs. Its segments (at ";": "manipulators ... controlled
    by 8A002.i.2 ...; and 8A002.r") are read apart, unless one after the first starts with qualifying words (then
    the whole clause is conditional); in a segment, words outside parentheses make the segment conditional (they may
    qualify every paragraph), but for items added in words ("and ... “components” therefor", asked) and a
    proviso naming only paragraphs of the entry ("provided that they are not also controlled by 3C002.b through
    .e": those paragraphs N/A); a parenthetical qualifies only its own paragraph: "except" takes paragraphs or
    reasons away, anything else makes that paragraph conditional."""
    segments = [re.sub(r"^and\s+", "", norm(s)) for s in text.split(";") if s.strip()]
    if len(segments) > 1 and any(_QUALIFYING.match(s) for s in segments[1:]):
        scope["conditional"].append(norm(text))
        return
    for segment in segments:
        _grant_segment(eccn, segment, usd, scope, kind)


def _grant_segment(eccn: str, text: str, usd: int | None, scope: dict[str, Any], kind: str) -> None:
    text = _EITHER_WAY.sub("", norm(text).rstrip("."))
    added = _THEREFOR.search(text)
    if added:
        scope["conditional"].append(added.group(1))
        text = text[: added.start()] + text[added.end():]
    proviso = _NOT_ALSO.match(text)
    if proviso and para_list(eccn, proviso.group(1)) and para_list(eccn, proviso.group(2)):
        scope["na_paragraphs"] += para_list(eccn, proviso.group(2)) or []
        text = proviso.group(1)
    pieces = _split_top(text)
    parsed = [(piece, _strip_parens(piece)) for piece in pieces]
    if not pieces or any(para_list(eccn, bare) is None for _, (bare, _) in parsed):
        scope["conditional"].append(norm(text))
        return
    granted: list[str] = []
    for piece, (bare, parens) in parsed:
        plain = para_list(eccn, bare) or []
        qualified = False
        for p in parens:
            exc = re.match(r"^(?:except|unless)\s+(.*)$", norm(p))
            reason = re.search(r"controlled for (MT|NP|UN)\b", p)
            paras = refs_anywhere(eccn, exc.group(1).split(" when ")[0]) if exc else []
            if exc and paras:
                scope["na_paragraphs"] += paras
            elif exc and reason:
                scope["na_reasons"].append(reason.group(1))
            else:
                qualified = True
        if qualified:
            scope["conditional"].append(piece)
        else:
            granted += plain
    if not granted:
        return
    if kind == "lvs":
        assert usd is not None
        scope["limits"].append({"paragraphs": granted, "usd": usd})
    else:
        scope["paragraphs"] += granted


# A grant limited to some destinations, in the three regular wordings of the CCL (adversarial R8-03): the clause
# before the condition is a paragraph list ("1B018.a", "0A509.b, .c, and .d") or the whole entry ("all Country Group
# B destinations"); any other wording stays ``conditional`` (not offered).
_NOT_GROUP = re.compile(r"^all Country Group B destinations, except those also listed under Country Group (D:\d)"
                        r"(?: \(see Supplement No\. 1 to part 740 of the EAR\))?$")
_NOT_COLUMN = re.compile(r"^(.+?) for countries WITHOUT an [“\"]X[”\"] in ([A-Z]{2}) Column (\d) on the Country Chart"
                         r"(?: contained in Supplement No\. 1 to part 738 of the EAR)?$")
_ONLY_TO = re.compile(r"^(.+?) if the ultimate destination is (Canada)$")
_COUNTRY = {"Canada": "CA"}


def _destination_grant(eccn: str, text: str, usd: int, scope: dict[str, Any]) -> bool:
    """A grant with a destination condition read into ``not_groups`` / ``not_columns`` / ``destinations`` of its
    limit; False when the clause is not one of the regular wordings (the caller reads it as any other grant)."""
    text = norm(text).rstrip(";")
    m = _NOT_GROUP.match(text)
    if m:
        scope["limits"].append({"paragraphs": [], "usd": usd, "not_groups": [m.group(1)]})
        return True
    m = _NOT_COLUMN.match(text)
    paras = para_list(eccn, m.group(1)) if m else None
    if m and paras:
        scope["limits"].append({"paragraphs": paras, "usd": usd, "not_columns": [f"{m.group(2)} {m.group(3)}"]})
        return True
    m = _ONLY_TO.match(text)
    paras = para_list(eccn, m.group(1)) if m else None
    if m and paras:
        scope["limits"].append({"paragraphs": paras, "usd": usd, "destinations": [_COUNTRY[m.group(2)]]})
        return True
    return False


def parse_lvs(eccn: str, raw: str) -> dict[str, Any]:
    text = norm(raw)
    scope: dict[str, Any] = {
        "eccn": eccn,
        "text": text,
        "limits": [],
        "na_paragraphs": [],
        "na_reasons": [],
        "conditional": [],
        "na_conditional": [],
        "na_words": [],
    }
    if text == "N/A":
        return _finish(scope, "none")
    body = re.sub(r",\s*(N/A for)", r"; \1", text.rstrip("."))
    body = re.sub(r",\s*(\$[\d,]+ for)", r"; \1", body)
    body = re.sub(r"\.\s+(N/A for)", r"; \1", body)
    in_na = False
    for clause in [c.strip() for c in body.split(";") if c.strip()]:
        if in_na and not re.match(r"^(?:\$|N/A|Yes)", clause):
            _na(eccn, re.sub(r"^and\s+", "", clause), scope)  # the N/A list goes on after a semicolon
            continue
        in_na = clause.startswith("N/A")
        m = re.match(r"^\$([\d,]+)\.?$", clause)
        if m:
            scope["limits"].append({"paragraphs": [], "usd": _usd(m.group(1))})
            continue
        m = re.match(r"^\$([\d,]+) for all other items$", clause)
        if m:
            scope["limits"].append({"paragraphs": [], "usd": _usd(m.group(1))})
            continue
        m = re.match(r"^\$([\d,]+),? except (?:N/A for )?(.*)$", clause)
        if m and not m.group(2).startswith("$"):
            scope["limits"].append({"paragraphs": [], "usd": _usd(m.group(1))})
            _na(eccn, m.group(2), scope)
            continue
        m = re.match(r"^\$([\d,]+)(?: for|:) (.*)$", clause)
        if m and _destination_grant(eccn, m.group(2), _usd(m.group(1)), scope):
            continue
        if m:
            _grant(eccn, re.sub(r"^items in ", "", m.group(2)), _usd(m.group(1)), scope, "lvs")
            continue
        m = re.match(r"^N/A for (.*)$", clause)
        if m:
            _na(eccn, m.group(1), scope)
            continue
        scope["conditional"].append(clause)
    status = "all" if any(not lim["paragraphs"] and len(lim) == 2 for lim in scope["limits"]) else "partial"
    return _finish(scope, status)


def parse_gbs(eccn: str, raw: str) -> dict[str, Any]:
    text = norm(raw)
    scope: dict[str, Any] = {
        "eccn": eccn,
        "text": text,
        "paragraphs": [],
        "na_paragraphs": [],
        "na_reasons": [],
        "conditional": [],
        "na_conditional": [],
        "na_words": [],
    }
    if text == "N/A":
        return _finish(scope, "none")
    if text.rstrip(".") == "Yes":
        return _finish(scope, "all")
    m = re.match(r"^Yes,? except (?:N/A for |for )?(.*)$", text.rstrip("."))
    if m:
        _na(eccn, m.group(1), scope)
        return _finish(scope, "all")
    m = re.match(r"^Yes,? for (.*)$", text.rstrip("."))
    if m:
        _grant(eccn, m.group(1), None, scope, "gbs")
        return _finish(scope, "partial")
    scope["conditional"].append(text)
    return _finish(scope, "partial")


def _finish(scope: dict[str, Any], status: str) -> dict[str, Any]:
    if scope.pop("na_words"):
        # an exception taken away from a part described only in words: nothing is established as eligible
        granted = scope.get("limits") or scope.get("paragraphs")
        if granted or status == "all":
            scope["conditional"].append("N/A for a part of the entry described in words: " + scope["text"])
        for key in ("limits", "paragraphs"):
            if key in scope:
                scope[key] = []
        status = "partial"
    if scope.get("conditional") and status == "all":
        # a clause could not be read: the value (or "Yes") for the rest of the entry is not established either
        scope["conditional"].append("default for the rest of the entry: " + scope["text"])
        scope["limits"] = [lim for lim in scope.get("limits", []) if lim["paragraphs"]]
        status = "partial"
    out: dict[str, Any] = {"eccn": scope["eccn"], "text": scope["text"], "status": status}
    for key in ("limits", "paragraphs", "na_paragraphs", "na_reasons", "conditional", "na_conditional"):
        value = scope.get(key)
        if value:
            out[key] = list(dict.fromkeys(value)) if key not in ("limits", "na_conditional") else value
    if status == "partial" and not out.get("limits") and not out.get("paragraphs") and not out.get("conditional"):
        out["status"] = "none"
    return out


_TOKEN = r"\.?([a-z](?:\.[a-z0-9]+)*)\b"


def _sta_paragraphs(eccn: str, text: str) -> list[str]:
    """Paragraphs named from each "<ECCN>.<paragraph>" on, through the list that follows it (", b.3", " or .b",
    " to .d", " and .g")."""
    out: list[str] = []
    for m in re.finditer(rf"\b{eccn}\.([a-z](?:\.[a-z0-9]+)*)", text):
        last = m.group(1)
        out.append(last)
        rest = text[m.end():]
        while True:
            nxt = re.match(rf"(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)(?:{eccn}\.)?{_TOKEN}", rest)
            rng = re.match(rf"\s+(?:to|through)\s+(?:{eccn}\.)?{_TOKEN}", rest)
            if rng:
                out += _step(last, rng.group(1)) or [rng.group(1)]
                last, rest = rng.group(1), rest[rng.end():]
            elif nxt:
                last, rest = nxt.group(1), rest[nxt.end():]
                out.append(last)
            else:
                break
    return list(dict.fromkeys(out))


def parse_sta(eccn: str, raw: str) -> dict[str, Any]:
    """The ECCN's "Special conditions for STA" (§ 740.20(b)(2)): the paragraphs (empty: the whole ECCN) and Country
    Groups (empty: every destination) for which STA may not be used. Fail-closed: a text that names other ECCNs (a
    D/E entry barred for software or technology "for" items elsewhere) or no paragraph of its own bars the whole
    ECCN; several clauses are joined (the union of paragraphs and groups: never narrower than the text), except in
    the one regular wording of several clauses, each naming its own paragraphs and groups ("any commodity in 5A001.j
    to ... A:5 or A:6 ..., or any commodity in 5A001.b.3, .b.5 or .h to ... A:6"), whose clauses are also kept apart
    (``clauses``: a paragraph is barred only to its own clause's groups; adversarial R19-10)."""
    text = norm(raw)
    groups = {g for g in ("A:5", "A:6") if g in text}
    if "(c)(1)" in text:
        groups.add("A:5")
    if "(c)(2)" in text:
        groups.add("A:6")
    others = {m for m in re.findall(r"\b\d[A-E]\d{3}\b", text) if m != eccn}
    whole = bool(others) or bool(re.search(rf"this (?:entry|ECCN)|any item in (?:ECCN )?{eccn}\b(?!\.[a-z])|"
                                           rf"(?:for|by|in) (?:ECCN )?{eccn}(?:\.|\s|$)(?![a-z])", text))
    # "6A001.a.2 (except .a.2.a.4)": a parenthetical that is only a list of the entry's paragraphs inside those
    # barred takes them out of the bar; one with words excepts nothing (fail closed)
    excepted: list[str] = []
    for m in re.finditer(r"\(except ([^()]*)\)", text):
        excepted += para_list(eccn, m.group(1)) or []
    bare = re.sub(r"\((?:See|see) [^)]*\)|\(except [^()]*\)", " ", text)
    paragraphs = [] if whole else _sta_paragraphs(eccn, bare)
    excepted = [e for e in excepted if any(e.startswith(p + ".") for p in paragraphs)]
    out: dict[str, Any] = {"eccn": eccn, "text": text, "groups": sorted(groups), "paragraphs": paragraphs}
    if excepted and paragraphs:
        out["excepted"] = excepted
    clauses = [] if whole else _sta_clauses(eccn, text)
    if clauses:
        out["clauses"] = clauses
    return out


_STA_CLAUSE = re.compile(r"(?:ship|,\s*or)\s+any commodity in\s+(.+?)\s+to any of the destinations listed in Country "
                         r"Group (A:[56](?: or A:[56])?)(?:\s*\((?:See|see) [^)]*\))?")


def _sta_clauses(eccn: str, text: str) -> list[dict[str, Any]]:
    """The clauses of the regular several-clause wording, each {groups, paragraphs}; [] for any other text (the
    whole text must be made of the clauses, each naming paragraphs of the ECCN only)."""
    found = list(_STA_CLAUSE.finditer(text))
    rest = norm(_STA_CLAUSE.sub("", text)).replace(" .", ".").rstrip(".")
    if len(found) < 2 or rest != "STA: License Exception STA may not be used to":
        return []
    clauses = []
    for m in found:
        paras = para_list(eccn, m.group(1))
        if not paras:
            return []
        clauses.append({"groups": sorted(set(re.findall(r"A:[56]", m.group(2)))), "paragraphs": paras})
    return clauses


def gen(src: Path) -> dict[str, Any]:
    data = json.loads(src.read_text())
    lvs: dict[dt.date, list[dict[str, Any]]] = {}
    gbs: dict[dt.date, list[dict[str, Any]]] = {}
    sta: dict[dt.date, list[dict[str, Any]]] = {}
    tsr: dict[dt.date, list[dict[str, Any]]] = {}
    for e in data["entries"]:
        if e.get("staSpecialConditions"):
            sta.setdefault(ECCN_START.get(e["eccn"], (START, None))[0], []).append(
                parse_sta(e["eccn"], str(e["staSpecialConditions"])))
        flags = e.get("licenceExceptionFlags") or {}
        start = ECCN_START.get(e["eccn"], (START, None))[0]
        if flags.get("LVS") is not None:
            lvs.setdefault(start, []).append(parse_lvs(e["eccn"], flags["LVS"]))
        if flags.get("GBS") is not None:
            gbs.setdefault(start, []).append(parse_gbs(e["eccn"], flags["GBS"]))
        if str(flags.get("TSR", "N/A")).rstrip(".") != "N/A":  # GBS's grammar: "Yes", "Yes, except N/A for MT", ...
            tsr.setdefault(start, []).append(parse_gbs(e["eccn"], flags["TSR"]))

    params: dict[str, Any] = {}
    for kind, section, by_start in (("lvs", "740.3", lvs), ("gbs", "740.4", gbs), ("tsr", "740.6", tsr),
                                     ("sta", "740.20", sta)):
        for start in sorted(by_start):
            for scope in sorted(by_start[start], key=lambda x: x["eccn"]):
                body: dict[str, Any] = {
                    "value": scope,
                    "cite": f"15 CFR {section}; Supp. No. 1 to Part 774, ECCN {scope['eccn']} "
                    + (f"('{kind.upper()}' line)" if kind != "sta" else "('Special conditions for STA')"),
                    "verification": ASSUMED,
                }
                if start != START:
                    body["fr"] = next(fr for d, fr in ECCN_START.values() if d == start)
                    body["verification"] = "eCFR-d 2026-07-23 (ccl.json)"
                params[f"740.{kind}.{scope['eccn']}"] = {
                    "section": section,
                    "description": f"License Exception {kind.upper()} for {scope['eccn']} (Country Group B)"
                    if kind != "sta" else f"License Exception STA may not be used for {scope['eccn']} (§ 740.20(b)(2))",
                    "values": {start: body},
                }
    return params


HEAD = """# GENERATED by tools/gen_le_scopes.py from ccl.json -- do not edit by hand.
# Source: {source} (eCFR issue {issue}), via github.com/seelpeed-debug/export-controls-agent-mcp (MIT),
# copied to ../shared/data/ear/seelpeed_ecfr_derived/ (see PROVENANCE.md there). Regulation text: public domain.
"""


def generate(data: Path, out: Path) -> Path:
    src = data / "seelpeed_ecfr_derived" / "ccl.json"
    meta = json.loads(src.read_text())
    params = gen(src)
    path = out / "part_740" / "le_scopes.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    body = yaml.dump(
        {
            "title": "Licence-exception scopes of the CCL: LVS value limits (§ 740.3), GBS paragraph scopes (§ 740.4)",
            "source": meta["source"]["url"],
            "parameters": params,
        },
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=200,
    )
    path.write_text(HEAD.format(source=meta["source"]["url"], issue=meta["ecfrIssueDate"]) + body, encoding="utf-8")
    print(f"wrote {path} ({len(params)} parameters)")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "ear")
    parser.add_argument("--out", type=Path, default=ROOT / "clearance" / "regulations")
    args = parser.parse_args()
    generate(args.data, args.out)


if __name__ == "__main__":
    main()
