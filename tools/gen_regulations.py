"""Generate the CCL, Country Chart and Country Group rule files from ../shared/data/ear.

    .venv/bin/python tools/gen_regulations.py [--data ../shared/data/ear] [--out clearance/regulations]

Input: the eCFR-derived JSON of seelpeed-debug/export-controls-agent-mcp (MIT; eCFR issue 2026-07-23):
ccl.json (Supp. 1 to Part 774), country-chart.json (Supp. 1 to Part 738), country-groups.json
(Supp. 1 to Part 740). Output: part_774/ccl.yaml, part_738/country_chart.yaml, part_740/country_groups.yaml.

The sources describe the regulation as of 2026-07-23 only. Values are dated from 2019-01-01 (the start of
the rule data) on the stated assumption that the rows used by the Huawei story did not change since;
changes known from the Federal Register are applied as dated history: the wording of 3A090, 4A090 and 3B001 on
each date, with its Federal Register document, from tools/ccl_history.yaml (3A090/4A090 exist from 2022-10-07,
87 FR 62186; a period whose wording is not held is a requirement to confirm), ".z" paragraphs from 2023-11-17
(88 FR 73458) under one RS row to Macau and D:1/D:4/D:5 not A:5/A:6, split by 90 FR 4544 from 2025-01-13 (the split
rows to be confirmed until the eCFR text of 2026-07-23),
Mexico and Cyprus join A:6 on 2020-12-28, Ukraine's groups are known only from 2020-12-28, Burma leaves Country
Group B for D:1 on 2021-03-08 (86 FR 13173) and Nicaragua for D:1/D:5 on 2024-03-15 (89 FR 18780).
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from clearance.text.countries import country_code  # noqa: E402

START = dt.date(2019, 1, 1)
ASSUMED = "eCFR-d 2026-07-23; assumed unchanged since 2019-01-01 [D]"
NAME_FIX = {
    "Micronesia (Federated State of)": "FM",
    "Seycheles": "SC",
    "China (PRC)": "CN",
    "Congo (Democratic Republic of the)": "CD",
    "Congo (Democratic Republic of)": "CD",
    "Congo (Republic of the)": "CG",
    "Sint Maarten (the Dutch two-fifths of the island of Saint Martin)": "SX",
    "Vatican City": "VA",
    "Cote d'lvoire": "CI",
}
HISTORY_FILE = ROOT / "tools" / "ccl_history.yaml"  # dated wording of entries that changed (hand-written, cited)
CONDITIONS_FILE = ROOT / "tools" / "ccl_conditions.yaml"  # conditions in words of some rows' paragraphs
Z_START = (dt.date(2023, 11, 17), "88 FR 73458")
CHART_COLUMNS = ("NS", "NP", "MT", "RS", "CB", "CC", "AT", "FC")


def iso(name: str) -> str:
    code = NAME_FIX.get(name) or country_code(name) or country_code(name.replace("&", "and"))
    if not code:
        raise SystemExit(f"unmapped country name {name!r}")
    return code


_PARA = r"\.?[a-z](?:\.[a-z0-9]+)*"


def _expand(first: str, last: str) -> list[str] | None:
    """A paragraph range ('a.1 to a.3', 'g to j', 'f.2 to f.4') as its paragraphs; None if it cannot be expanded."""
    a, b = first.lstrip(".").split("."), last.lstrip(".").split(".")
    if len(a) != len(b) or a[:-1] != b[:-1]:
        return None
    x, y = a[-1], b[-1]
    if x.isdigit() and y.isdigit() and int(x) <= int(y):
        steps = [str(i) for i in range(int(x), int(y) + 1)]
    elif len(x) == 1 and len(y) == 1 and x.isalpha() and y.isalpha() and x <= y:
        steps = [chr(c) for c in range(ord(x), ord(y) + 1)]
    else:
        return None
    return [".".join([*a[:-1], step]) for step in steps]


def _list_refs(text: str, eccn: str) -> list[str] | None:
    """A control text that is only a list of this ECCN's paragraphs ('NS applies to 3B001.a.1 to a.3, b, e, f.2 to
    f.4, g to j'): every paragraph, ranges expanded. None when the text is not such a list (or a range cannot be
    expanded): the caller falls back to the paragraph references it can find."""
    m = re.match(r"^[A-Z]{2}(?: [A-Z]{2})? appl(?:y|ies) to (.*?)\.?$", text)
    if not m:
        return None
    body = m.group(1).replace(eccn + ".", ".")
    out: list[str] = []
    for token in re.split(r",\s*(?:and\s+)?|\s+and\s+", body):
        token = token.strip()
        rng = re.fullmatch(rf"({_PARA})\s+(?:to|through)\s+({_PARA})", token)
        if rng:
            expanded = _expand(rng.group(1), rng.group(2))
            if expanded is None:
                return None
            out += expanded
        elif re.fullmatch(_PARA, token):
            out.append(token.lstrip("."))
        else:
            return None
    return list(dict.fromkeys(out))


def _refs(text: str, eccn: str) -> tuple[list[str], list[str]]:
    """Paragraph references in a control text: (paragraphs of this ECCN, references to other ECCNs)."""
    listed = _list_refs(text, eccn)
    own: list[str] = []
    other: list[str] = []
    for m in re.finditer(r"\b(\d[A-E]\d{3})((?:\.[a-z0-9]+)+)", text):
        (own if m.group(1) == eccn else other).append(m.group(1) + m.group(2))
    if listed is not None:
        return listed, list(dict.fromkeys(other))
    stripped = re.sub(r"\b\d[A-E]\d{3}(?:\.[a-z0-9]+)+", " ", text)
    for m in re.finditer(r"(?<![\w.§(])\.?([a-z]\.\d+(?:\.[a-z0-9]+)*)\b", stripped):
        own.append(eccn + "." + m.group(1))
    for m in re.finditer(r"(?<![\w])\.([a-z])\b", stripped):
        own.append(eccn + "." + m.group(1))
    paras = [r[len(eccn) + 1 :] for r in own]
    # a range inside prose ("... in 3A001.b.2 to b.4 ..."): its inner paragraphs too
    body = text.replace(eccn + ".", ".")
    for m in re.finditer(rf"(?<![\w])({_PARA})\s+(?:to|through)\s+({_PARA})(?![\w])", body):
        paras += _expand(m.group(1), m.group(2)) or []
    return list(dict.fromkeys(paras)), list(dict.fromkeys(other))


# words that qualify the paragraphs before them ("0A509.a for items for ECCN 0A502", "... when ...", "if ..."): they
# never start a new item of an except-list ("presses with maximum working pressures below 69 MPa" does)
_QUALIFIER = re.compile(r"^(?:for|when|if|that|which|having|controlled|used|unless|provided|only|exported|"
                        r"reexported|being|in|of|with|where|except|meeting|specially)\b")
_EXC_TOKEN = re.compile(r"(?:(\d[A-E]\d{3})\.|\.)?([a-z](?:\.[a-z0-9]+)*)")


def _split_outside(text: str, sep: str) -> list[str]:
    """``text`` split at the regex ``sep`` outside parentheses."""
    pieces, depth, start = [], 0, 0
    for m in re.finditer(rf"[()]|{sep}", text):
        if m.group(0) == "(":
            depth += 1
        elif m.group(0) == ")":
            depth = max(depth - 1, 0)
        elif depth == 0:
            pieces.append(text[start : m.start()])
            start = m.end()
    pieces.append(text[start:])
    return [p.strip() for p in pieces if p.strip()]


def _except_list(text: str, eccn: str) -> list[str]:
    """The paragraphs of ``eccn`` an "applies to entire entry, except ..." row takes out of the row, read as a list
    ("1B001.d.4, e and f", ".e, .x, and .y", "9A610.b; parts ... if ...; and 9A610.y"). Fail closed (issue 9: never
    drop a reason the text does not drop): only the first sentence is read (a following "Note: MT applies to ..."
    excepts nothing); an item in words excepts nothing; a bare ".a.11" belongs to the ECCN named last before it
    ("“software” for 1C607.a.10, .a.11": 1C607's, not this entry's); a paragraph that words qualify ("0A509.a for
    items for ECCN 0A502") is not excepted, nor any paragraph of its clause before it (the words may qualify them)."""
    body = re.split(r"\.\s+(?=[A-Z])", " ".join(text.split()), maxsplit=1)[0].rstrip(".")
    body = re.sub(r"\b(\d[A-E]\d{3})\. ([a-z])\b", r"\1.\2", body.replace("ECCN ", ""))  # "8A620. b": 8A620.b
    out: list[str] = []
    for clause in _split_outside(body, r";"):
        current = eccn
        taken: list[str] = []
        for piece in _split_outside(clause, r","):
            for sub in _split_outside(re.sub(r"^(?:and|or)\s+", "", piece), r"\s(?:and|or)\s"):
                rng = re.fullmatch(rf"{_EXC_TOKEN.pattern}\s+(?:to|through)\s+{_EXC_TOKEN.pattern}", sub)
                tok = _EXC_TOKEN.fullmatch(sub)
                if rng or tok:
                    m = rng or tok
                    assert m is not None
                    current = m.group(1) or current
                    if current != eccn or (rng and (rng.group(3) or current) != eccn):
                        continue
                    steps = _expand(rng.group(2), rng.group(4)) if rng else [m.group(2)]
                    if steps is None:
                        continue
                    taken += steps
                    continue
                named = re.findall(r"\b(\d[A-E]\d{3})\b", sub)
                if _QUALIFIER.match(sub) or re.match(r"(?:\d[A-E]\d{3}\.|\.)?[a-z](?:\.[a-z0-9]+)*\s", sub):
                    taken = []  # words qualifying what came before: nothing before them in the clause is excepted
                current = named[-1] if named else current
        out += taken
    return list(dict.fromkeys(out))


NAMED_DESTINATIONS = {"North Korea": "KP", "Iraq": "IQ", "Pakistan": "PK", "Iran": "IR", "Syria": "SY", "Cuba": "CU"}


UN_POINTER = re.compile(r"^See § 7(?:46|64)\.1(?:\(b\))?(?: of the EAR)? for UN controls$")


def _special(column_text: str) -> dict[str, Any]:
    t = column_text
    if re.search(r"China, Russia,? or Venezuela", t):  # 9A515 writes it without the serial comma (adversarial R14-50)
        return {"kind": "destinations", "destinations": ["CN", "RU", "VE"]}
    if re.search(r"all destinations", t, re.I):
        return {"kind": "worldwide", "except": ["CA"]} if "except Canada" in t else {"kind": "worldwide"}
    if re.search(r"any destination worldwide|Worldwide control", t, re.I):
        return {"kind": "worldwide"}
    if "United Arab Emirates or destinations specified in Country Groups D:1, D:4, and D:5" in t:
        return {"kind": "groups", "destinations": ["AE"], "groups": ["D:1", "D:4", "D:5"], "not_groups": ["A:5", "A:6"]}
    if "Macau or a destination specified in Country Group D:5" in t:
        return {"kind": "groups", "destinations": ["MO"], "groups": ["D:5"]}
    if "742.15" in t:
        return {"kind": "worldwide", "except": ["CA"]}
    if "742.14" in t:
        # § 742.14(a): a licence is required "for all destinations, except Canada" for ECCNs having an SI row (9E003's
        # hot-section technology; adversarial R15-15, R15-16, R15-56)
        return {"kind": "worldwide", "except": ["CA"]}
    if "746.8" in t:
        return {"kind": "destinations", "destinations": ["RU", "BY"]}
    if t.startswith("A license is required"):
        named = [code for name, code in NAMED_DESTINATIONS.items() if name in t]
        if named:
            return {"kind": "destinations", "destinations": named}
        return {"kind": "worldwide"}  # fail closed: read as every destination
    if UN_POINTER.search(t):
        # "See § 746.1(b) for UN controls" (once misprinted "§ 764.1(b)"): the destinations are the Country Chart rows
        # marked with footnote 1, the chart's pointer to § 746.1(b); that footnote's own step gives the requirement
        return {"kind": "footnote", "footnote": 1}
    # a pointer or a text the generator cannot read ("See § 742.6(a)(11)", "See § 742.14", "N/A"): its destinations
    # are unknown -- an open question naming the row for every destination, never "not applicable" (adversarial R14)
    return {"kind": "unread"}


def parse_control(row: dict[str, str], eccn: str) -> dict[str, Any] | None:
    control = " ".join(row["control"].split())
    column_text = " ".join(row["countryChart"].split()).rstrip(".")
    m = re.match(r"^([A-Z]{2})\b", control)
    reason = m.group(1) if m else "OTHER"
    out: dict[str, Any] = {"reason": reason, "text": control}
    col = re.search(r"\b(NS|NP|MT|RS|CB|CC|AT|FC) Column (\d)", column_text)
    if col:
        out["column"] = f"{col.group(1)} {col.group(2)}"
    elif re.fullmatch(r"Column (\d)", column_text) and reason in CHART_COLUMNS:
        out["column"] = f"{reason} {column_text.split()[-1]}"
    else:
        out["special"] = {**_special(column_text), "text": column_text}
    entire = re.search(r"applies to (?:the )?entire entry", control)
    if entire:
        exc = re.search(r"except:? (.*)$", control)
        out["scope"] = "entire"
        if exc:
            out["except"] = _except_list(exc.group(1), eccn)
    else:
        # "5A001.b (except .b.5), .c": a parenthetical that is only a list of this ECCN's paragraphs takes them out of
        # the row (adversarial R8-08); one with words ("(except a.3.d.2.a ... for lead selenide based FPAs)") stays in
        # the text, and the paragraphs it names stay in the row (fail closed)
        excepted: list[str] = []
        for m in re.finditer(r"\s*\(except ([^()]*)\)", control):
            listed = _list_refs(f"{reason} applies to {m.group(1)}", eccn)
            if listed is not None:
                excepted += listed
                control = control.replace(m.group(0), "", 1)
        paras, _other = _refs(control, eccn)
        if paras:
            out["scope"] = "paragraphs"
            out["paragraphs"] = [p for p in paras if p not in excepted]
            if excepted:
                out["except"] = list(dict.fromkeys(excepted))
        else:
            out["scope"] = "conditional"
    paras = out.get("paragraphs", [])
    if paras and all(p.split(".")[0] == "z" for p in paras):
        out["z"] = True  # ".z" paragraphs exist only from 2023-11-17
    return out


def _dated(hist: dict[str, Any], current: dict[str, Any], cite: str) -> dict[dt.date, Any]:
    """The dated values of an entry whose wording changed (tools/ccl_history.yaml): each version from its start,
    then the eCFR text from ``current.start``. Nothing before the first version: the ECCN did not exist (a first
    version from the start of the rule data, without ``current``, supplies rows the derived CCL lacks)."""
    values: dict[dt.date, Any] = {}
    for v in hist["versions"]:
        if "le" in v:
            le = dict(v["le"])
        elif "le" in hist:
            le = dict(hist["le"])
        else:
            le = {k: x for k, x in current["le"].items() if k not in v.get("le_without", [])}
        value = {"heading": current["heading"], "controls": [dict(c) for c in v["controls"]], "le": le}
        body: dict[str, Any] = {"value": value, "cite": cite, "verification": v["verification"]}
        if v.get("fr"):
            body["fr"] = v["fr"]
        values[v["start"]] = body
    now = hist.get("current")  # (none: the entry's rows are not in the derived CCL at all; the versions replace it)
    if now is not None:
        values[now["start"]] = {"value": current, "cite": cite, "fr": now["fr"], "verification": now["verification"]}
    return values


Z_SPLIT = (dt.date(2025, 1, 13), "90 FR 4544")  # the .z RS rows split by sub-paragraph (AI diffusion rule)
Z_CURRENT = dt.date(2026, 7, 23)  # the eCFR text held
Z_2023_SCOPE = {"kind": "groups", "destinations": ["MO"], "groups": ["D:1", "D:4", "D:5"], "not_groups": ["A:5", "A:6"]}


def _z_versions(eccn: str, value: dict[str, Any], cite: str) -> dict[dt.date, Any]:
    """The ".z" RS rows by date (issue 9, R4-08). 88 FR 73458 (2023-11-17) put every ".z" paragraph under one RS
    requirement to Macau and Country Groups D:1, D:4 and D:5 not also in A:5 or A:6 (§ 742.6(a)(6)(iii)): an item
    named only "{eccn}.z" needs no sub-paragraph on those days. 90 FR 4544 (2025-01-13) split the rows (".z...a" /
    ".z.1" worldwide, ".z...b" / ".z.2" adding the United Arab Emirates); that wording is held only as the eCFR of
    2026-07-23: from 2025-01-13 the 2023 requirement, common to both wordings, applies and the eCFR rows that reach
    further are to be confirmed (CANNOT_CLEAR where only they would require the licence)."""
    z_rows = [c for c in value["controls"] if c.get("z")]
    if any(c["reason"] != "RS" for c in z_rows):
        raise SystemExit(f"{eccn}: a .z row other than RS: {z_rows}")
    others = [c for c in value["controls"] if not c.get("z")]
    rs2023 = {"reason": "RS", "text": f"RS applies to {eccn}.z ({Z_START[1]})", "scope": "paragraphs",
              "paragraphs": ["z"], "z": True,
              "special": {**Z_2023_SCOPE, "text": "To or within Macau or destinations specified in Country Groups "
                          "D:1, D:4, and D:5 of supplement no. 1 to part 740 of the EAR, excluding any destination "
                          "also specified in Country Groups A:5 or A:6. See § 742.6(a)(6)(iii) of the EAR "
                          f"({Z_START[1]})"}}
    last = (Z_CURRENT - dt.timedelta(days=1)).isoformat()
    held = (f"the wording of the {eccn}.z rows between {Z_SPLIT[0].isoformat()} ({Z_SPLIT[1]}) and {last} is not "
            f"held (the eCFR of {Z_CURRENT.isoformat()} reads: ")
    unsure = [{**c, "unverified": held + f"'{c['text']}', {(c.get('special') or {}).get('text', '')}; the wording "
               f"in force before {Z_SPLIT[0].isoformat()} required the licence to Macau and D:1/D:4/D:5 not A:5/A:6 "
               "only)"} for c in z_rows]
    return {
        Z_START[0]: {"value": {**value, "controls": [*others, rs2023]}, "cite": cite, "fr": Z_START[1],
                     "verification": f"B ({Z_START[1]}, ear-timeline ACS-SME-2023: one RS requirement for every .z "
                                     "paragraph, the destinations of 3A090 in that rule); the other rows as in the "
                                     f"eCFR of {Z_CURRENT.isoformat()}"},
        Z_SPLIT[0]: {"value": {**value, "controls": [*others, rs2023, *unsure]}, "cite": cite, "fr": Z_SPLIT[1],
                     "verification": f"B ({Z_SPLIT[1]} split the .z rows; their wording until "
                                     f"{Z_CURRENT.isoformat()} is not held: the 2023 requirement applies, the rest is "
                                     "to be confirmed)"},
        Z_CURRENT: {"value": value, "cite": cite, "fr": Z_SPLIT[1], "verification": f"eCFR-d {Z_CURRENT.isoformat()}"},
    }


Z_REF = re.compile(r"\b\d[A-E]\d{3}\.z\b")


def _z_ref(control: dict[str, Any]) -> bool:
    """A conditional row that exists only for items of another ECCN's ".z" paragraphs (5E992: "technology" for
    commodities controlled by 5A992.z.1 ...)."""
    return control.get("scope") == "conditional" and bool(Z_REF.search(control["text"]))


def _z_ref_versions(eccn: str, value: dict[str, Any], cite: str) -> dict[dt.date, Any]:
    """The rows of an entry that reach only items for another ECCN's ".z" paragraphs, by date (adversarial R21-41):
    before 2023-11-17 (88 FR 73458) no ".z" paragraph existed, so the rows reached nothing; from then until the eCFR
    text held (2026-07-23) their wording is not held (90 FR 4544 split the .z rows on 2025-01-13): they are kept as
    requirements to be confirmed (CANNOT_CLEAR where only they would require the licence); the eCFR rows from
    2026-07-23."""
    others = [c for c in value["controls"] if not _z_ref(c)]
    last = (Z_CURRENT - dt.timedelta(days=1)).isoformat()
    unsure = [{**c, "unverified": f"the wording of this {eccn} row between {Z_START[0].isoformat()} ({Z_START[1]}, "
               f"which added the .z paragraphs) and {last} is not held (the eCFR of {Z_CURRENT.isoformat()} reads: "
               f"'{c['text']}')"} for c in value["controls"] if _z_ref(c)]
    return {
        START: {"value": {**value, "controls": others}, "cite": cite,
                "verification": f"{ASSUMED}; the rows for '.z' items left out: no '.z' paragraph existed before "
                                f"{Z_START[0].isoformat()} ({Z_START[1]})"},
        Z_START[0]: {"value": {**value, "controls": [*others, *unsure]}, "cite": cite, "fr": Z_START[1],
                     "verification": f"B ({Z_START[1]} added the .z paragraphs; the wording of the rows for .z "
                                     f"items until {last} is not held: to be confirmed)"},
        Z_CURRENT: {"value": value, "cite": cite, "fr": Z_SPLIT[1], "verification": f"eCFR-d {Z_CURRENT.isoformat()}"},
    }


def _conditions(eccn: str, controls: list[dict[str, Any]], rows: list[dict[str, Any]]) -> None:
    """Attach the conditions in words of tools/ccl_conditions.yaml to the rows they qualify (``conditions``:
    paragraph -> words), checking that the words are the row's own and the paragraphs the row's."""
    for row in rows:
        found = [c for c in controls if c["reason"] == row["reason"]
                 and c.get("scope") in ("paragraphs", "conditional", "entire") and row["words"] in c["text"]]
        if len(found) != 1:
            raise SystemExit(f"{CONDITIONS_FILE.name}: {eccn} {row['reason']}: {len(found)} rows with {row['words']!r}")
        control = found[0]
        if control["scope"] == "conditional":
            # a row naming no paragraph of its own ("technology for items controlled by 1A002") that only some
            # paragraphs can meet: `add` names them (the row reaches no other paragraph)
            if not row.get("add"):
                raise SystemExit(f"{CONDITIONS_FILE.name}: {eccn} {row['reason']}: a conditional row needs `add`")
            control["scope"] = "paragraphs"
            control["paragraphs"] = []
        if control["scope"] == "entire":
            # a row on the entire entry whose note conditions some paragraphs ("MT applies to entire entry, except
            # 1B001.d.4, e and f. Note: MT applies to equipment in 1B001.d that meet or exceed the parameters of
            # 1B101"): the paragraphs must be ones the row reaches (not excepted)
            if row.get("add") or any(p in control.get("except", []) for p in row["paragraphs"]):
                raise SystemExit(f"{CONDITIONS_FILE.name}: {eccn} {row['reason']}: {row['paragraphs']} excepted")
            for p in row["paragraphs"]:
                control.setdefault("conditions", {})[p] = row["words"]
            continue
        control["paragraphs"] = control["paragraphs"] + [p for p in row.get("add", [])
                                                         if p not in control["paragraphs"]]
        for p in row["paragraphs"]:
            if p not in control["paragraphs"]:
                raise SystemExit(f"{CONDITIONS_FILE.name}: {eccn} {row['reason']}: {p} not in {control['paragraphs']}")
            control.setdefault("conditions", {})[p] = row["words"]


def gen_ccl(src: Path) -> dict[str, Any]:
    data = json.loads(src.read_text())
    history: dict[str, Any] = yaml.safe_load(HISTORY_FILE.read_text(encoding="utf-8"))
    conditions: dict[str, Any] = yaml.safe_load(CONDITIONS_FILE.read_text(encoding="utf-8"))
    unknown = set(conditions) - {e["eccn"] for e in data["entries"]}
    if unknown:
        raise SystemExit(f"{CONDITIONS_FILE.name}: ECCNs not in the CCL: {sorted(unknown)}")
    params: dict[str, Any] = {}
    for e in data["entries"]:
        eccn = e["eccn"]
        controls = [c for c in (parse_control(r, eccn) for r in e["countryChart"]) if c]
        _conditions(eccn, controls, conditions.get(eccn, []))
        flags = {k: " ".join(str(v).split()) for k, v in (e.get("licenceExceptionFlags") or {}).items()}
        heading = " ".join((e.get("heading") or "").split())
        value: dict[str, Any] = {"heading": heading, "controls": controls, "le": flags}
        cite = f"Supp. No. 1 to Part 774, ECCN {eccn} (License Requirements)"
        values: dict[dt.date, Any] = {}
        if eccn in history:
            values = _dated(history[eccn], value, cite)
        elif any(c.get("z") for c in controls):
            # before 2023-11-17 the .z paragraphs did not exist: an item classified under one is a question
            absent = {"reason": next(c["reason"] for c in controls if c.get("z")),
                      "text": f"{eccn}.z did not exist before 2023-11-17 ({Z_START[1]})", "scope": "paragraphs",
                      "paragraphs": ["z"], "absent": True,
                      "special": {"kind": "worldwide", "text": f".z paragraphs added by {Z_START[1]}"},
                      "unverified": f"{eccn}.z was added to the CCL on 2023-11-17 ({Z_START[1]}): classify the item "
                                    "under the CCL in force on the order date"}
            older = {**value, "controls": [c for c in controls if not c.get("z")] + [absent]}
            values[START] = {"value": older, "cite": cite, "verification": ASSUMED}
            values.update(_z_versions(eccn, value, cite))
        elif any(_z_ref(c) for c in controls):
            values.update(_z_ref_versions(eccn, value, cite))
        else:
            values[START] = {"value": value, "cite": cite, "verification": ASSUMED}
        params[f"ccl.{eccn}"] = {"section": "774 Supp. 1", "description": heading[:120], "values": values}
    return params


SUDAN_EAR_DAY = dt.date(2021, 1, 14)  # 86 FR 4929 (FR Doc. 2020-29037), effective on public display 2021-01-14
SUDAN_FR = "86 FR 4929"
SUDAN_NOTE = ("Sudan's designation as a state sponsor of terrorism was rescinded effective 2020-12-14; the EAR "
              "followed with 86 FR 4929 (FR Doc. 2020-29037, published 2021-01-19, effective 2021-01-14 on public "
              "display), which removed the anti-terrorism controls of § 742.10 (AT marks) and Sudan from Country "
              "Group E:1 and added it to Country Group B; until that day the EAR's text kept them (2nd: the rule's "
              "summary and BIS's press release; adversarial R37-42)")
SUDAN_AFTER = "eCFR-d 2026-07-23; from 2021-01-14 (86 FR 4929), assumed unchanged since [D]"


def _sudan_row(value: dict[str, Any], cite: str) -> dict[dt.date, Any]:
    before = {**value, "marks": [*value["marks"], *[m for m in ("AT 1", "AT 2") if m not in value["marks"]]]}
    return {
        START: {"value": before, "cite": f"{cite}, with the anti-terrorism columns of § 742.10 (Sudan)",
                "until": SUDAN_EAR_DAY - dt.timedelta(days=1), "verification": f"[D] {SUDAN_NOTE}"},
        SUDAN_EAR_DAY: {"value": value, "cite": f"{cite} (as amended by {SUDAN_FR})", "fr": SUDAN_FR,
                        "verification": SUDAN_AFTER},
    }


AUKUS_DAY = dt.date(2024, 4, 19)  # 89 FR 28594 (FR Doc. 2024-08446), interim final rule effective 2024-04-19
AUKUS_NOTE = ("89 FR 28594 (effective 2024-04-19, the AUKUS rule) removed the NS 1, MT 1 and RS 1 licence "
              "requirements for Australia and the United Kingdom and added footnote 10 (the firearms ECCNs still "
              "licensed); before it the row had the marks of the other A:1 allies (France, Japan: CB 1, NS 1, MT 1, "
              "RS 1, footnote 3); adversarial round 15, R15-22 [D]")


def _aukus_row(value: dict[str, Any], cite: str) -> dict[dt.date, Any]:
    before = {"marks": [*value["marks"], *[m for m in ("NS 1", "MT 1", "RS 1") if m not in value["marks"]]],
              "footnotes": [*(f for f in value["footnotes"] if f != 10), 3]}
    return {
        START: {"value": before, "cite": f"{cite}, before 89 FR 28594", "until": AUKUS_DAY - dt.timedelta(days=1),
                "verification": AUKUS_NOTE},
        AUKUS_DAY: {"value": value, "cite": f"{cite} (89 FR 28594, effective 2024-04-19)",
                    "verification": "eCFR-d 2026-07-23; unchanged since 89 FR 28594 (2024-04-19) [D]"},
    }


CHART_HISTORY = {"SD": _sudan_row, "AU": _aukus_row, "GB": _aukus_row}


def _fn_items(text: str) -> list[dict[str, Any]]:
    """The ECCN list of a footnote ("0A501 (except for 0A501.y), 0A502 for shotguns ..., 0A505.a and .x, ..."):
    each ECCN with the paragraphs it names, the paragraphs it excepts, and any condition in words (fail-closed: a
    condition makes the requirement a question)."""
    body = text.split("following ECCNs:", 1)[1].strip().rstrip(".")
    parts: list[str] = []
    depth, cur = 0, ""
    for ch in body:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0 and re.match(r"\s*\d[A-E]\d{3}", body[len("".join(parts)) + len(cur) + 1:]):
            parts.append(cur + ",")
            cur = ""
            continue
        cur += ch
    parts.append(cur)
    out: list[dict[str, Any]] = []
    for raw in (p.strip().rstrip(",").strip() for p in parts):
        m = re.match(r"^(\d[A-E]\d{3})((?:\.[a-z]+)?(?: and \.[a-z]+)?)(.*)$", raw)
        if not m:
            raise SystemExit(f"footnote item not understood: {raw!r}")
        paras = [x.strip(" .") for x in m.group(2).split(" and ") if x.strip(" .")]
        rest = m.group(3).strip()
        exc = re.fullmatch(rf"\(except for {m.group(1)}\.([a-z]+)\)", rest)
        item: dict[str, Any] = {"eccn": m.group(1), "paragraphs": paras}
        if exc:
            item["except"] = [exc.group(1)]
        elif rest:
            item["condition"] = rest
        out.append(item)
    return out


def gen_chart_footnotes(data: dict[str, Any]) -> dict[str, Any]:
    """The Country Chart footnotes that add licence requirements the grid does not show: 1 (UN, § 746.1(b): the
    item's UN reason for control; text of § 746.1(b) not held: a question), 7 (India: RS 2 for two ECCNs), 10
    (Australia and the United Kingdom: the firearms ECCNs listed). 2, 3 and 4 (thermal cameras, 0A919: special
    provisions of §§ 742.4(a), 742.6(a)(2)-(4)) are questions for the ECCNs they concern."""
    notes = data["footnotes"]
    cite = "Supp. No. 1 to Part 738 (Commerce Country Chart), footnote {n}"
    rules: dict[str, dict[str, Any]] = {
        "1": {"code": "UN", "reason": "UN", "ccl_reason": "UN",
              "question": "the § 746.1(b) United Nations licence requirement for the item's UN reason for control (the "
                          "text of § 746.1(b) is not in the rule data): a licence is likely required"},
        "2": {"code": "742.4(a)", "reason": "NS", "items": [{"eccn": "6A003", "paragraphs": []}],
              "question": "the special provisions of § 742.4(a) for thermal imaging cameras (not modelled)"},
        "3": {"code": "742.6(a)(3)", "reason": "RS", "items": [{"eccn": "0A919", "paragraphs": []}],
              "question": "the special provisions of § 742.6(a)(3) for 0A919 military commodities (not modelled)"},
        "4": {"code": "742.6(a)(2)", "reason": "RS", "items": [{"eccn": "6A003", "paragraphs": []}],
              "question": "the special provisions of § 742.6(a)(2), (4)(ii) for thermal imaging cameras "
                          "(not modelled)"},
    }
    m7 = re.search(r"ECCNs (\d[A-E]\d{3})\.([a-z0-9.]+) and (\d[A-E]\d{3})\.([a-z0-9.]+) for RS column 2",
                   notes["7"])
    if not m7:
        raise SystemExit("footnote 7 not understood")
    rules["7"] = {"code": "RS2", "reason": "RS", "items": [{"eccn": m7.group(1), "paragraphs": [m7.group(2)]},
                                                          {"eccn": m7.group(3), "paragraphs": [m7.group(4)]}]}
    rules["10"] = {"code": "FN10", "reason": "FC", "items": _fn_items(notes["10"])}
    params: dict[str, Any] = {}
    for n, rule in rules.items():
        value = {"text": " ".join(notes[n].split()), **rule}
        params[f"738.footnote.{n}"] = {
            "section": "738 Supp. 1", "description": f"Country Chart footnote {n}",
            "values": {START: {"value": value, "cite": cite.format(n=n), "verification": ASSUMED}}}
    return params


def gen_chart(src: Path) -> dict[str, Any]:
    data = json.loads(src.read_text())
    params: dict[str, Any] = {}
    cite = "Supp. No. 1 to Part 738 (Commerce Country Chart), row {name}"
    for name, row in sorted(data["countries"].items()):
        code = iso(name)
        value = {"marks": row["marks"], "footnotes": row["footnotes"]}
        values: dict[dt.date, Any] = {START: {"value": value, "cite": cite.format(name=name), "verification": ASSUMED}}
        if code in CHART_HISTORY:
            values = CHART_HISTORY[code](value, cite.format(name=name))
        params[f"chart.{code}"] = {"section": "738 Supp. 1", "description": f"Country Chart row {name}",
                                   "values": values}
    for name, row in sorted(data["embargoed"].items()):
        code = iso(name)
        value = {"marks": [], "footnotes": row["footnotes"], "embargoed": " ".join(row["pointer"].split())}
        params[f"chart.{code}"] = {
            "section": "738 Supp. 1",
            "description": f"Country Chart row {name} (pointer to Part 746)",
            "values": {START: {"value": value, "cite": cite.format(name=name), "verification": ASSUMED}},
        }
    return params


GROUP_HISTORY: dict[str, list[tuple[dt.date, str | None, list[str] | None]]] = {
    # (date, FR/verification note, groups to remove before the date)
    "MX": [(dt.date(2020, 12, 28), "GROUPS-2020-12 (ear-timeline.yaml, 2nd)", ["A:6"])],
    "UA": [(dt.date(2020, 12, 28), "GROUPS-2020-12 (ear-timeline.yaml, 2nd)", None)],  # None = unknown before
}
# Countries whose groups changed at days not all held: explicit periods (start, groups, verification); the eCFR groups
# from the last start. A membership whose end is not held is kept until the eCFR of 2026-07-23 (over-restrictive:
# D groups only add licence requirements, A:5 only offers STA).
ECFR_DAY = dt.date(2026, 7, 23)
GROUP_PERIODS: dict[str, list[tuple[dt.date, list[str] | None, str]]] = {
    # the UAE is A:5 and in no D group in the eCFR of 2026-07-23; it was in D:3 and D:4 before (the reason the 2023
    # advanced-computing rows reached it); the days it left D:3/D:4 and joined A:5 are not held (ear-spec.md: "date
    # of the A:5 change not checked"; not A:5 in 2024 per the round-3 review; D:4 in 2024 per round 4, R4-01, R4-25)
    "AE": [(START, ["B", "D:3", "D:4"], "B (UAE in Country Groups D:3 and D:4 before its move to A:5; adversarial "
            "round 4 R4-25); the day it left D:3/D:4 is not held: kept until 2026-07-22 (over-restrictive if earlier)"),
           (ECFR_DAY, None, "eCFR-d 2026-07-23 (A:5 joining date not held; not before this day) [D]")],
    # Cambodia: D:5 from 2021-12-09 (86 FR 70015); the eCFR of 2026-07-23 has it in D:1 only, the day it left D:5 is
    # not held (adversarial round 4 R4-90)
    "KH": [(START, ["D:1"], ASSUMED),
           (dt.date(2021, 12, 9), ["D:1", "D:5"], "2nd (86 FR 70015, effective 2021-12-09: Cambodia added to Country "
            "Group D:5; adversarial round 4 R4-90); the day it left D:5 is not held: kept until 2026-07-22 "
            "(over-restrictive if earlier)"),
           (ECFR_DAY, None, "eCFR-d 2026-07-23 (Cambodia in D:1 only; the D:5 removal date not held) [D]")],
    # Burma: in Country Group B (and D:3, D:5) until 86 FR 13173 ('Burma: Implementation of Sanctions', FR Doc
    # 2021-04745, published and effective 2021-03-08) removed it from B and added it to D:1; from 2021-02-18 86 FR 10011
    # (FR Doc 2021-03350) had suspended LVS, GBS, TSR and APP for it (le.LVS, le.GBS, le.TSR 'suspended'). The eCFR
    # of 2026-07-23 gives D:1, D:3, D:5; the earlier membership is from the two FR documents (their summaries, 2nd)
    "MM": [(START, ["B", "D:3", "D:5"], "2nd (Burma in Country Group B until 86 FR 13173, eff. 2021-03-08, which "
            "moved it from B to D:1; D:3 and D:5 unchanged by it; adversarial round 14 R14-10); assumed since "
            "2019-01-01 [D]"),
           (dt.date(2021, 3, 8), None, "FR (86 FR 13173, FR Doc 2021-04745, 'Burma: Implementation of Sanctions', "
            "published and effective 2021-03-08: Burma removed from Country Group B and added to D:1) [2nd]; "
            "eCFR-d 2026-07-23")],
    # Nicaragua: in Country Group B until 89 FR 18780 ('Revisions To Export, Reexport, and Transfer (In-Country)
    # Controls for Nicaragua', FR Doc 2024-05696, published and effective 2024-03-15) moved it from B to D:1 and added
    # it to D:5; the eCFR of 2026-07-23 gives D:1, D:5, the earlier membership is from the FR document
    "NI": [(START, ["B"], "2nd (Nicaragua in Country Group B only until 89 FR 18780, eff. 2024-03-15; adversarial "
            "round 14 R14-08, R14-12, R14-14, R14-39); assumed since 2019-01-01 [D]"),
           (dt.date(2024, 3, 15), None, "FR (89 FR 18780, FR Doc 2024-05696, published and effective 2024-03-15: "
            "Nicaragua moved from Country Group B to D:1 and added to D:5) [2nd: FR summary, BIS press release "
            "2024-03-14]; eCFR-d 2026-07-23")],
    # Cyprus: in D:5 (a US arms embargo) before its arms-embargo restrictions were lifted -- 85 FR 84211 (2020-12-28)
    # added it to A:6 and left it in D:5 (adversarial round 6, R6-05, R6-06); the eCFR of 2026-07-23 has it in no D
    # group, the day it left D:5 is not held
    "CY": [(START, ["A:3", "A:4", "B", "D:5"], "2nd (Cyprus in Country Group D:5 as a US arms-embargoed destination; "
            "adversarial round 6 R6-05); assumed since 2019-01-01 [D]"),
           (dt.date(2020, 12, 28), ["A:3", "A:4", "A:6", "B", "D:5"], "GROUPS-2020-12 (ear-timeline.yaml, 2nd: "
            "Cyprus added to A:6); still in D:5 (85 FR 84211; adversarial round 6 R6-05) -- the day it left D:5 is not "
            "held: kept until 2026-07-22 (over-restrictive if earlier)"),
           (ECFR_DAY, None, "eCFR-d 2026-07-23 (Cyprus in no D group; the D:5 removal date not held) [D]")],
}


# the Federal Register document of a dated Country Group change (the value's ``fr``, named in the citation)
GROUP_FR: dict[tuple[str, dt.date], str] = {
    ("MM", dt.date(2021, 3, 8)): "86 FR 13173",
    ("NI", dt.date(2024, 3, 15)): "89 FR 18780",
}


def gen_groups(src: Path) -> dict[str, Any]:
    data = json.loads(src.read_text())
    by_code: dict[str, list[str]] = {}
    for group, names in data["groups"].items():
        for name in names:
            by_code.setdefault(iso(name), []).append(group)
    params: dict[str, Any] = {}
    cite = "Supp. No. 1 to Part 740 (Country Groups)"
    for code, groups in sorted(by_code.items()):
        groups = sorted(set(groups))
        values: dict[dt.date, Any] = {}
        history = GROUP_HISTORY.get(code)
        if code == "SD":
            before = sorted({*groups, "E:1"} - {"B"})
            values[START] = {"value": before, "cite": f"{cite}; Sudan in E:1 as a state sponsor of terrorism",
                             "until": SUDAN_EAR_DAY - dt.timedelta(days=1), "verification": f"[D] {SUDAN_NOTE}"}
            values[SUDAN_EAR_DAY] = {"value": groups, "cite": f"{cite} as amended by {SUDAN_FR}", "fr": SUDAN_FR,
                                     "verification": SUDAN_AFTER}
        elif code in GROUP_PERIODS:
            for start, listed, note in GROUP_PERIODS[code]:
                values[start] = {"value": listed if listed is not None else groups, "cite": cite, "verification": note}
                fr = GROUP_FR.get((code, start))
                if fr:
                    values[start] = {**values[start], "cite": f"{cite} as amended by {fr}", "fr": fr}
        elif history:
            change, note, removed = history[0]
            if removed is not None:
                values[START] = {
                    "value": [g for g in groups if g not in removed],
                    "cite": cite,
                    "verification": ASSUMED,
                }
            values[change] = {"value": groups, "cite": cite, "verification": note}
        else:
            values[START] = {"value": groups, "cite": cite, "verification": ASSUMED}
        params[f"groups.{code}"] = {
            "section": "740 Supp. 1", "description": f"Country Groups of {code}", "values": values
        }
    return params


class _Dumper(yaml.CSafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


HEADER = """# GENERATED by tools/gen_regulations.py from {src} -- do not edit by hand.
# Source: {source} (eCFR issue {issue}), via github.com/seelpeed-debug/export-controls-agent-mcp (MIT),
# copied to ../shared/data/ear/seelpeed_ecfr_derived/ (see PROVENANCE.md there). Regulation text: public domain.
"""


def write(out: Path, src: Path, title: str, params: dict[str, Any]) -> None:
    meta = json.loads(src.read_text())
    out.parent.mkdir(parents=True, exist_ok=True)
    body = yaml.dump(
        {"title": title, "source": meta["source"]["url"], "parameters": params},
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=200,
    )
    out.write_text(HEADER.format(src=src.name, source=meta["source"]["url"], issue=meta["ecfrIssueDate"]) + body)
    print(f"wrote {out} ({len(params)} parameters)")




# --- Huawei (footnote 1) Entity List parties from the official eCFR XML of Part 744 -----------------
# First FR citation of a row -> the effective date of the rule that added it (ear-timeline.yaml).
LISTING_RULES: dict[str, tuple[dt.date, str]] = {
    "84 FR 22963": (dt.date(2019, 5, 16), "84 FR 22961"),
    "84 FR 43495": (dt.date(2019, 8, 19), "84 FR 43493"),
    "85 FR 51603": (dt.date(2020, 8, 17), "85 FR 51596"),
}
_LEGAL = (
    r"(?:Co\.,? ?Ltd\.?|Ltd\.?|Limited|Inc\.|LLC|GmbH|S\.A\.|Ltda\.?|B\.V\.|S\.R\.L\.|Sdn\. Bhd\.|PLC"
    r"|Corporation|Company|Co\.)"
)


def _name_of(text: str) -> str:
    text = " ".join(text.split())
    m = re.match(r"^(.*?),? a\.k\.a\.", text)
    if m:
        return m.group(1).strip(" ,")
    m = re.match(rf"^(.*?{_LEGAL})(?=[,\s(]|$)", text)
    if m:
        return m.group(1).strip(" ,")
    return text.split(",")[0].strip()


def _text(cell: Any) -> str:
    return "".join(str(t) for t in cell.itertext())


def gen_huawei_parties(xml: Path) -> dict[str, Any]:
    from lxml import etree

    tree = etree.parse(str(xml))
    sup4 = [d for d in tree.iter("DIV9") if (d.get("N") or "").startswith("Supplement No. 4 to Part 744")]
    if not sup4:
        raise SystemExit("Supplement No. 4 not found")
    params: dict[str, Any] = {}
    country = ""
    skipped = 0
    for tr in sup4[0].iter("TR"):
        cells = tr.findall("TD")
        if len(cells) != 5:
            continue
        c0 = " ".join(_text(cells[0]).split())
        if c0:
            country = c0
        req_sups = [s.text for s in cells[2].iter("sup")]
        if "1" not in req_sups:
            continue
        frs = re.findall(r"\d+ FR \d+", _text(cells[4]))
        rule = LISTING_RULES.get(frs[0]) if frs else None
        if rule is None:
            skipped += 1
            continue
        start, fr = rule
        first_line = etree.tostring(cells[1], encoding="unicode", method="html").split("<br>")[0]
        first_text = re.sub(r"<[^>]+>", "", first_line)
        first_text = html.unescape(first_text)
        names = [_name_of(first_text)]
        names += [" ".join(e.text.split()).rstrip(",") for e in cells[1].iter("E") if e.text and len(e.text) > 6]
        for alias in re.findall(r"\u2014([^;<\n]+?)(?:;|\.|$)", _text(cells[1]), re.M):
            if "Huawei" in alias or "HiSilicon" in alias:
                names.append(" ".join(alias.split(", and to include")[0].split()))
        names = [n for n in dict.fromkeys(names) if n and n != "Affiliated entities:" and n.lower() != "and"]
        if not names or names[0].startswith("Affiliated"):
            names = names[1:]
        if not names:
            skipped += 1
            continue
        slug = re.sub(r"[^a-z0-9]+", "-", names[0].lower()).strip("-")[:60]
        key = f"el.party.{slug}"
        n = 2
        while key in params:
            key = f"el.party.{slug}-{n}"
            n += 1
        value = {"names": names, "group": "huawei", "country": iso(country) if country else None}
        params[key] = {
            "section": "744 Supp. 4",
            "description": f"Entity List entry under {country}: {names[0]}",
            "values": {
                start: {
                    "value": value,
                    "cite": f"Supp. No. 4 to Part 744, entry under {country} (entries {frs[0]})",
                    "fr": fr,
                    "verification": "eCFR 2026-07-23 (row and its first FR citation)",
                }
            },
        }
    print(f"Huawei footnote-1 rows: {len(params)} parties, {skipped} rows with other first citations skipped")
    return params


def write_parties(out: Path, xml: Path) -> None:
    params = gen_huawei_parties(xml)
    out.parent.mkdir(parents=True, exist_ok=True)
    body = yaml.dump(
        {"title": "Entity List (Supp. No. 4 to Part 744): Huawei footnote-1 entries and their listing dates",
         "source": str(xml.name), "parameters": params},
        Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=200,
    )
    head = (f"# GENERATED by tools/gen_regulations.py from ../shared/data/ear/ecfr_part744/{xml.name}\n"
            "# (official eCFR XML of 15 CFR Part 744, public domain) -- do not edit by hand.\n"
            "# Listing date = effective date of the FR rule of the row's first citation (ear-timeline.yaml).\n")
    out.write_text(head + body)
    print(f"wrote {out} ({len(params)} parameters)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "ear")
    parser.add_argument("--out", type=Path, default=ROOT / "clearance" / "regulations")
    args = parser.parse_args()
    src = args.data / "seelpeed_ecfr_derived"
    write(args.out / "part_774" / "ccl.yaml", src / "ccl.json", "Commerce Control List (Supp. No. 1 to Part 774)",
          gen_ccl(src / "ccl.json"))
    write(args.out / "part_738" / "country_chart.yaml", src / "country-chart.json",
          "Commerce Country Chart (Supp. No. 1 to Part 738)",
          {**gen_chart(src / "country-chart.json"),
           **gen_chart_footnotes(json.loads((src / "country-chart.json").read_text()))})
    write(args.out / "part_740" / "country_groups.yaml", src / "country-groups.json",
          "Country Groups (Supp. No. 1 to Part 740)", gen_groups(src / "country-groups.json"))
    write_parties(args.out / "part_744" / "entity_list_huawei_parties.yaml",
                  args.data / "ecfr_part744" / "title-15_part-744_commit-2026-07-23.xml")


if __name__ == "__main__":
    main()
