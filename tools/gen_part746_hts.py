"""Generate clearance/regulations/part_746/hts_supplements.yaml: the HTS-6 codes of Supplement Nos. 2, 5 and 7 to
Part 746 from the eCFR markdown of the supplements, with what the markdown does not carry from tools/part746_hts.yaml.

    .venv/bin/python tools/gen_part746_hts.py --markdown /tmp/part746_md [--config tools/part746_hts.yaml]
        [--out clearance/regulations/part_746/hts_supplements.yaml] [--check]

Input: one markdown file per supplement, ``supp-<n>.md`` (eCFR markdown: a ``# Supplement No. n to Part 746—title``
heading, paragraphs, the HTS table as pipe rows ``| 854232 | description | price |`` or as lines ``8542.32 ...``, and
the amendment line ``[N] [87 FR 12226, Mar. 3, 2022, as amended at ...]``). The markdown is not committed: its
origin and sha256 go into the output's header. Every part the markdown has is read:

* table rows: the HTS-6 code (``854232`` or ``8542.32``), its description and, for Supp. No. 5, the per-unit wholesale
  price column ("" when the row has none);
* codes the supplement's paragraphs name in an enumeration ("HTS-6 codes 730424, 731100, ... and 870520 are listed
  in ..."): the code, without a description (a trailing group of fewer than six digits -- a cut text -- is dropped);
* the amendment line: kept verbatim in the header, and its last date is the day up to which the text was amended.

The output is a rule file (clearance/rules/loader.py) with one parameter per supplement (``746.hts.supp<n>``, value
type HtsSupplement in clearance/model/rule_values.py) read by clearance/rules/hts746.py. ``--check`` prints the
counts per supplement and fails unless the spot checks hold (854232 in Supp. No. 7).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "clearance" / "regulations" / "part_746" / "hts_supplements.yaml"
CONFIG = ROOT / "tools" / "part746_hts.yaml"
SPOT_CHECKS = {"7": ["854232"], "2": ["730424", "870520"], "5": ["840710", "841182"]}

_HEADING = re.compile(r"^#\s*Supplement No\.\s*(\d+) to Part 746\s*[—-]\s*(.+?)\s*$", re.MULTILINE)
_TABLE_ROW = re.compile(r"^\|\s*(\d{4})\.?(\d{2})(?:[.\d]*)\s*\|\s*([^|]*?)\s*\|(?:\s*([^|]*?)\s*\|)?\s*$",
                        re.MULTILINE)
_LINE_ROW = re.compile(r"^(\d{4})\.(\d{2})\s+(\S.*?)\s*$", re.MULTILINE)
_ENUMERATION = re.compile(r"HTS-6 [Cc]odes?\s+((?:\d+(?:,\s*(?:and\s+)?|\s+and\s+|\s*$|\s+))+)")
_AMENDED = re.compile(r"^\[N\]\s*\[(.+)\]\s*$|^\[(\d+ FR .+)\]\s*$", re.MULTILINE)
_DATE = re.compile(r"([A-Z][a-z]{2,4})\.? (\d{1,2}), (\d{4})")
_MONTHS = {m: i for i, m in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"], start=1)}
_MONTHS.update({"Jun": 6, "Jul": 7, "Sep": 9})


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


@dataclass
class Parsed:
    """What one supplement's markdown gives."""

    number: str
    title: str
    rows: dict[str, tuple[str, str]] = field(default_factory=dict)  # hts6 -> (description, price)
    named: list[str] = field(default_factory=list)  # codes named in the text (no row read)
    amended: str | None = None  # the amendment line, verbatim
    last_amended: dt.date | None = None


def _date(text: str) -> dt.date | None:
    found = _DATE.search(text)
    if found is None or found.group(1) not in _MONTHS:
        return None
    return dt.date(int(found.group(3)), _MONTHS[found.group(1)], int(found.group(2)))


def last_date(amended: str) -> dt.date | None:
    """The last date of an amendment line ('87 FR 12226, Mar. 3, 2022, as amended at ...; 89 FR 51665, June 18,
    2024'): the day up to which the text was amended."""
    days = [d for part in amended.split(";") if (d := _date(part)) is not None]
    return max(days) if days else None


def parse(text: str) -> Parsed:
    heading = _HEADING.search(text)
    if heading is None:
        raise ValueError("no '# Supplement No. n to Part 746' heading")
    out = Parsed(heading.group(1), heading.group(2))
    for m in _TABLE_ROW.finditer(text):
        out.rows.setdefault(m.group(1) + m.group(2), (" ".join(m.group(3).split()), (m.group(4) or "").strip()))
    for m in _LINE_ROW.finditer(text):
        out.rows.setdefault(m.group(1) + m.group(2), (" ".join(m.group(3).split()), ""))
    for m in _ENUMERATION.finditer(text):
        for code in re.findall(r"\d+", m.group(1)):
            if len(code) == 6 and code not in out.named:  # a shorter group ends a cut text
                out.named.append(code)
    amended = _AMENDED.search(text)
    if amended is not None:
        out.amended = (amended.group(1) or amended.group(2)).strip()
        out.last_amended = last_date(out.amended)
    return out


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build(markdown: Path, config: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """(the rule file, header lines) from the markdown folder and the config."""
    descriptions: dict[str, str] = config["descriptions"]
    params: dict[str, Any] = {}
    header: list[str] = []
    for number, conf in config["supplements"].items():
        path = markdown / f"supp-{number}.md"
        parsed = parse(path.read_text(encoding="utf-8"))
        if parsed.number != number:
            raise ValueError(f"{path}: heading is Supplement No. {parsed.number}, expected {number}")
        price_read = conf.get("price_read", True)
        codes: dict[str, dict[str, Any]] = {}
        for code, (description, price) in sorted(parsed.rows.items()):
            codes[code] = {"description": description, "source": f"table row of Supp. No. {number}",
                           "price": price}
        for code in parsed.named:
            if code not in codes:
                codes[code] = {"description": f"{descriptions[code]} [{config['descriptions_source']}]",
                               "source": f"named in the text of Supp. No. {number} (its table row not read)",
                               "price": "" if price_read else None}
        for code, source in conf.get("entries", {}).items():
            if code not in codes:
                codes[code] = {"description": f"{descriptions[code]} [{config['descriptions_source']}]",
                               "source": source, "price": "" if price_read else None}
        text_as_of = parsed.last_amended or conf["text_as_of"]
        why = (f"the supplement's amendment line: [{parsed.amended}]" if parsed.last_amended
               else " ".join(str(conf["text_as_of_why"]).split()))
        complete = bool(parsed.rows) and parsed.last_amended is not None
        params[conf["key"]] = {
            "section": "746",
            "description": f"Supp. No. {number} to Part 746 -- {conf['title']}: the HTS-6 codes (text as of "
                           f"{text_as_of}: {why})",
            "values": {},
        }
        # one dated value per scope: the first, then each change adding destinations (``scope_changes``)
        paragraphs = dict(conf["paragraphs"])
        steps = [(conf["start"], dict(paragraphs), conf["cite"], conf["fr"], conf["verification"])]
        for change in conf.get("scope_changes", []):
            paragraphs = {**paragraphs, **change["add"]}
            steps.append((change["start"], dict(paragraphs), f"{conf['cite']}; {change['cite']}", change["fr"],
                          f"{conf['verification']}; {change['verification']}"))
        for start, paras, cite, fr, verification in steps:
            params[conf["key"]]["values"][start] = {
                "value": {
                    "supplement": f"Supplement No. {number} to Part 746",
                    "title": " ".join(parsed.title.split()),
                    "paragraphs": paras,
                    "items": conf["items"],
                    "policy": conf["policy"],
                    "text_as_of": text_as_of,
                    "complete": complete,
                    "codes": dict(sorted(codes.items())),
                },
                "cite": " ".join(str(cite).split()),
                "fr": fr,
                "verification": " ".join(str(verification).split()),
            }
        header.append(f"Supp. No. {number}: {path.name} sha256 {_sha256(path)}; {len(parsed.rows)} table rows, "
                      f"{len(parsed.named)} codes named in the text, {len(conf.get('entries', {}))} secondary "
                      f"entries -> {len(codes)} codes; amendment line: "
                      f"{'[' + parsed.amended + ']' if parsed.amended else 'not in the markdown'}")
    return params, header


def render(params: dict[str, Any], header: list[str], origin: str) -> str:
    lines = ["# GENERATED by tools/gen_part746_hts.py from the eCFR markdown of the supplements and",
             "# tools/part746_hts.yaml -- do not edit; regenerate.",
             f"# markdown: {origin}"]
    lines += [f"# {h}" for h in header]
    doc = {
        "title": "Part 746 -- HTS-6 codes of Supplement Nos. 2, 5 and 7 (industry sector, luxury goods, "
                 "Crimea/Iran/Russia/Belarus items)",
        "source": "eCFR markdown of the supplements (opening text; see the header) and tools/part746_hts.yaml. "
                  "INCOMPLETE lists (complete: false): a code found requires the licence; a code not found is no "
                  "evidence. Read by clearance/rules/hts746.py.",
        "parameters": params,
    }
    return "\n".join(lines) + "\n" + yaml.dump(doc, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=118)


def check(params: dict[str, Any]) -> list[str]:
    problems = []
    for number, codes in SPOT_CHECKS.items():
        value = list(params[f"746.hts.supp{number}"]["values"].values())[-1]["value"]
        problems += [f"Supp. No. {number}: {c} missing" for c in codes if c not in value["codes"]]
        print(f"Supp. No. {number}: {len(value['codes'])} codes (complete: {value['complete']}, text as of "
              f"{value['text_as_of']})")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--markdown", type=Path, required=True, help="folder with supp-<n>.md")
    ap.add_argument("--config", type=Path, default=CONFIG)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--origin", default="search tool code corpus (opening excerpts; no repository/path/commit given)")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    config = yaml.safe_load(args.config.read_text(encoding="utf-8"))
    params, header = build(args.markdown, config)
    args.out.write_text(render(params, header, args.origin), encoding="utf-8")
    if args.check:
        problems = check(params)
        for p in problems:
            print(p, file=sys.stderr)
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
