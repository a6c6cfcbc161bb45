"""Derive clearance/resources/{legal_forms,name_symbols}.yml from rigour's MIT-licensed name resources.

Run: .venv/bin/python bench/screening/derive_resources.py ../shared/data/name_matching
Source: https://github.com/opensanctions/rigour @ 8f4044dd6719d71e8ba59b5033818ff407e0efab
(resources/names/org_types.yml, resources/names/symbols.yml), MIT licence, (c) OpenSanctions.
nicknames/names.csv: https://github.com/carltonnorthern/nicknames @ af6b3a8, Apache-2.0.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import yaml

HEADER = """# Derived by bench/screening/derive_resources.py from {src}
# Upstream: {upstream} (licence: {licence}). Regenerate rather than edit by hand;
# additions of our own live in clearance/resources/name_terms.yml.
"""


def main(root: Path, out: Path) -> None:
    rig = root / "rigour_name_resources"
    org = yaml.safe_load((rig / "org_types.yml").read_text(encoding="utf-8"))["types"]
    forms = []
    for t in org:
        aliases = sorted({str(a) for a in t.get("aliases") or [] if a})
        key = t.get("compare") or t.get("display") or t.get("generic") or (aliases[0] if aliases else None)
        if not key or not aliases:
            continue
        forms.append({"form": str(key), "generic": str(t.get("generic") or "") or None, "aliases": aliases})
    head = HEADER.format(
        src="rigour resources/names/org_types.yml",
        upstream="https://github.com/opensanctions/rigour @ 8f4044dd6719d71e8ba59b5033818ff407e0efab",
        licence="MIT, (c) OpenSanctions",
    )
    (out / "legal_forms.yml").write_text(
        head + yaml.safe_dump({"forms": forms}, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8"
    )
    sym = yaml.safe_load((rig / "symbols.yml").read_text(encoding="utf-8"))
    org_terms = {**(sym.get("org_symbols") or {}), **(sym.get("org_domains") or {})}
    nick: dict[str, set[str]] = {}
    for k, vs in (sym.get("person_nick") or {}).items():
        nick.setdefault(str(k), set()).update(str(v) for v in vs)
    with open(root / "nicknames" / "names.csv", encoding="utf-8") as fh:
        for row in csv.reader(fh):
            if len(row) == 3 and row[1] == "has_nickname":
                nick.setdefault(row[2].strip().lower(), set()).add(row[0].strip().lower())
    data = {
        "org_terms": {str(k): sorted({str(v) for v in vs}) for k, vs in org_terms.items()},
        "person_terms": {str(k): sorted({str(v) for v in vs}) for k, vs in (sym.get("person_symbols") or {}).items()},
        "nicknames": {k: sorted(v) for k, v in sorted(nick.items())},
    }
    head = HEADER.format(
        src="rigour resources/names/symbols.yml (org_symbols, org_domains, person_symbols, person_nick) "
        "and carltonnorthern/nicknames names.csv",
        upstream="https://github.com/opensanctions/rigour @ 8f4044dd (MIT, (c) OpenSanctions); "
        "https://github.com/carltonnorthern/nicknames @ af6b3a8",
        licence="MIT; Apache-2.0",
    )
    (out / "name_symbols.yml").write_text(
        head + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(__file__).resolve().parents[2] / "clearance" / "resources")
