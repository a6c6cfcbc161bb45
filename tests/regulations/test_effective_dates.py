"""Rule 744.11.effective_dates (Entity List rules effective before their Federal Register publication) agrees with
the project's verified timeline (../shared/regulatory/ear-timeline.yaml), and every document in it is one whose
publication date the Entity List file gives its rows."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import yaml

from clearance.model.regulation import RuleSet

TIMELINE = Path(__file__).resolve().parents[3] / "shared" / "regulatory" / "ear-timeline.yaml"


def _day(value: object) -> dt.date:
    return dt.date.fromisoformat(str(value)[:10])


def test_each_document_matches_the_timeline_and_dates_rows_of_the_list(rules: RuleSet, data_dir: Path) -> None:
    events = yaml.safe_load(TIMELINE.read_text(encoding="utf-8"))["events"]
    rows = list(csv.DictReader((data_dir / "us_bis" / "entity_list_2025-11-08.csv").open(encoding="utf-8")))
    (dv,) = rules.param("744.11.effective_dates").values
    documents = dv.value["documents"]
    assert documents
    for doc in documents:
        same = [e for e in events if str(e.get("citation", "")).startswith(doc["document"])]
        assert same, f"{doc['document']} is not in the timeline"
        assert any(_day(e["effective"]) == _day(doc["effective"]) and _day(e["published"]) == _day(doc["published"])
                   for e in same), (doc, same)
        assert _day(doc["effective"]) < _day(doc["published"])  # only documents effective before publication
        assert all(e.get("verification") not in {"B", "news"} for e in same)  # checked beyond background knowledge
        volume = doc["document"].split(" FR ")[0]
        dated = [r for r in rows if r["start_date"] == str(doc["published"])
                 and any(c.strip().startswith(f"{volume} FR ") for c in r["federal_register_notice"].split(";"))]
        assert dated, f"no Entity List row is dated {doc['published']} with a {volume} FR citation"
