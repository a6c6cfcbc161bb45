"""Diffs between list versions: added, removed and changed entries, field by field."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import Counter
from pathlib import Path

from clearance.model import Address, Name, NameKind, ParsedList
from clearance.store import FieldChange, Store, diff_entities

from .realdata import ofac_list, ofac_rows, subset


def _raw(path: Path) -> dict[str, tuple[str, str, Counter[str], str]]:
    """ent_num -> (name, type, programmes, remarks), straight from the CSV rows."""
    out = {}
    for _, row in ofac_rows(path):
        programs = Counter(p.strip("[] ") for p in row[3].split("] [") if p.strip("[] "))
        out[row[0]] = (row[1], row[2].lower(), programs, row[11])
    return out


def test_diff_sdn_2021_to_2024_matches_an_independent_count(store: Store, ofac_dir: Path) -> None:
    old_file, new_file = ofac_dir / "2021-07-07_full_set" / "sdn.csv", ofac_dir / "sdn_2024-05-03.csv"
    store.load(ofac_list(old_file, data_date=dt.date(2021, 7, 7)))
    store.load(ofac_list(new_file, data_date=dt.date(2024, 5, 3)))
    d = store.diff("sdn", "sdn-1", "2")

    old, new = _raw(old_file), _raw(new_file)
    assert (len(old), len(new)) == (8976, 14965)
    added = set(new) - set(old)
    removed = set(old) - set(new)
    changed = {k for k in set(old) & set(new) if old[k] != new[k]}
    assert {e.entry_id for e in d.added} == added
    assert {e.entry_id for e in d.removed} == removed
    assert {c.entry_id for c in d.changed} == changed
    assert len(added) > 5000 and len(removed) > 0 and len(changed) > 0  # real additions and removals
    assert d.unchanged_count == len(set(old) & set(new)) - len(changed)
    assert (d.old.version_id, d.new.version_id) == ("sdn-1", "sdn-2")
    # added entries come in the new file's order, removed ones in the old file's order
    assert [e.source_line for e in d.added] == sorted(e.source_line or 0 for e in d.added)

    # field-level detail is the raw cell change
    by_id = {c.entry_id: c for c in d.changed}
    remark_changes = [k for k in changed if old[k][3] != new[k][3]]
    assert remark_changes
    k = remark_changes[0]
    fc = {f.field: f for f in by_id[k].fields}["remarks"]
    assert (fc.old, fc.new) == (old[k][3] or None, new[k][3] or None)
    for entry_id, change in by_id.items():
        fields = {f.field for f in change.fields}
        assert fields <= {"names", "schema", "programs", "remarks"}
        assert ("names" in fields) == (old[entry_id][0] != new[entry_id][0])
        assert ("programs" in fields) == (old[entry_id][2] != new[entry_id][2])

    doc = json.loads(d.to_json())
    assert doc["counts"] == {
        "added": len(added),
        "removed": len(removed),
        "changed": len(changed),
        "unchanged": d.unchanged_count,
    }
    assert doc["old"]["version_id"] == "sdn-1" and doc["new"]["data_date"] == "2024-05-03"
    assert {e["entry_id"] for e in doc["removed"]} == removed


def test_diff_of_a_version_with_itself_is_empty(store: Store, cons: ParsedList) -> None:
    store.load(cons)
    d = store.diff("ofac-cons", "1", "ofac-cons-1")
    assert d.added == d.removed == ()
    assert d.changed == ()
    assert d.unchanged_count == 442


def test_multi_valued_fields_compare_as_values(sdn_2021: ParsedList) -> None:
    base = [e for e in subset(sdn_2021, 400).entities if len(e.names) >= 3 and len(e.addresses) >= 2]
    assert len(base) >= 3
    a, b, c = base[0], base[1], base[2]
    reordered = dataclasses.replace(
        a, names=(a.names[0], *reversed(a.names[1:])), addresses=tuple(reversed(a.addresses)), source_line=1
    )
    alias = Name("NEW ALIAS FOR TEST", NameKind.WEAK_ALIAS)
    with_alias = dataclasses.replace(b, names=(*b.names, alias))
    moved = Address(c.addresses[0].full, country="GB")
    new_address = dataclasses.replace(c, addresses=(moved, *c.addresses[1:]))

    d = diff_entities([a, b, c], [reordered, with_alias, new_address])
    assert d.added == d.removed == ()
    assert [ch.entry_id for ch in d.changed] == [b.entry_id, c.entry_id]  # order and position ignored
    names_change = d.changed[0].fields
    assert [f.field for f in names_change] == ["names"]
    assert names_change[0].added == [{"value": "NEW ALIAS FOR TEST", "kind": "weak_alias", "lang": None}]
    assert names_change[0].removed == []
    addr = d.changed[1].fields[0]
    assert addr.field == "addresses" and addr.removed == [_as_dict(c.addresses[0])]
    assert addr.added == [_as_dict(moved)]
    assert FieldChange("remarks", "a", "b").added == []


def test_diff_entities_added_removed(cons: ParsedList) -> None:
    ents = cons.entities
    d = diff_entities(ents[:100], ents[50:150])
    assert [e.entry_id for e in d.added] == [e.entry_id for e in ents[100:150]]
    assert [e.entry_id for e in d.removed] == [e.entry_id for e in ents[:50]]
    assert d.changed == ()


def _as_dict(address: Address) -> dict[str, str | None]:
    return dataclasses.asdict(address)
