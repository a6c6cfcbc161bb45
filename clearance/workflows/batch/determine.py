"""What a worker does with one partition of orders: determine each, write one Parquet file.

JSON-lines orders are the orders of `clearance determine --orders` (one per line), each line parsed and
determined by the same functions (``order_files.parse_order_line``, ``determine_order_lines``), so a batch
gives exactly the records the single-process command gives. CSV and Parquet orders are flat, one order per
row, in the columns of ``ORDER_COLUMNS`` (the desk's CSV order columns without ``quantity``); each row
becomes the order mapping and is checked like a JSON line. A row or line that is not a valid order is a
CANNOT_CLEAR record naming the file and line (and the partition, in its own column).

A worker opens the store and the rule set once per (settings, overlay) and checks that its rules version is
the driver's: a worker with another Clearance install fails the task instead of answering under other rules.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clearance.errors import CannotClear, DataError
from clearance.model.decision import Question
from clearance.model.regulation import RuleSet
from clearance.rules import cannot_clear
from clearance.settings import Settings
from clearance.workflows.batch.partitions import Partition, read_lines, read_partition
from clearance.workflows.batch.tasks import META_KEY, PartDone, write_table
from clearance.workflows.determination import determine_order_lines
from clearance.workflows.facade import Clearance

ROLES = ("purchaser", "intermediate_consignee", "ultimate_consignee", "end_user")
ORDER_FIELDS = ("id", "date", "to", "end_use", "transaction")
ITEM_FIELDS = ("eccn", "description", "origin", "kind", "value")
ORDER_COLUMNS = (*ORDER_FIELDS, *ITEM_FIELDS, *ROLES, *(f"{r}_country" for r in ROLES))
COLUMNS = ("partition", "line", "order_id", "outcome", "license_required", "record")


def check_columns(columns: tuple[str, ...] | None, path: str) -> None:
    """Refuse a CSV or Parquet header with a column that is not an order field (it would be ignored)."""
    for col in columns or ():
        if col not in ORDER_COLUMNS:
            raise DataError(f"column {col!r} is not an order field (one of {', '.join(ORDER_COLUMNS)})",
                            file=path, line=1, field=col)


def row_order(row: dict[str, Any]) -> dict[str, Any]:
    """The order mapping of one flat row (empty cells left out)."""
    def given(k: str) -> bool:
        return row.get(k) not in (None, "")

    out: dict[str, Any] = {k: row[k] for k in ORDER_FIELDS if given(k)}
    out["item"] = {k: row[k] for k in ITEM_FIELDS if given(k)}
    parties = []
    for role in ROLES:
        if given(role):
            party: dict[str, Any] = {"role": role, "name": row[role]}
            if given(f"{role}_country"):
                party["country"] = row[f"{role}_country"]
            parties.append(party)
    if parties:
        out["parties"] = parties
    return out


@dataclass(frozen=True, slots=True)
class DetermineJob:
    """Everything a determination task depends on besides its partition."""

    out_dir: str
    settings: Settings
    rules_version: str
    overlay: str | None = None
    listings: str = "screen"

    def metadata(self, rules: RuleSet) -> dict[str, Any]:
        return {"kind": "determine", "rules": rules.version, "listings": self.listings, "overlay": self.overlay}


_OPEN: dict[tuple[Any, ...], tuple[Clearance, RuleSet]] = {}


def _opened(job: DetermineJob) -> tuple[Clearance, RuleSet]:
    key = (job.settings.model_dump_json(), job.overlay, job.listings)
    found = _OPEN.get(key)
    if found is None:
        for app, _ in _OPEN.values():
            app.close()
        _OPEN.clear()
        app = Clearance(settings=job.settings)
        rules = app.rules([Path(job.overlay)] if job.overlay else [])
        found = _OPEN[key] = (app, rules)
    if found[1].version != job.rules_version:
        raise CannotClear(f"this worker's rules are {found[1].version}, the batch's {job.rules_version}: every "
                          "worker must run the same Clearance install as the driver")
    return found


def determined(job: DetermineJob, part: Partition) -> Iterator[dict[str, Any]]:
    """The record of every order of ``part`` (as `clearance determine --orders` writes it), in order."""
    app, rules = _opened(job)

    def decide(req: Any) -> Any:
        return app.determine_with_screening(req, listings=job.listings, rules=rules)

    if part.format == "jsonl":
        yield from determine_order_lines(read_lines(part), decide, part.path, rules)
        return
    for line, row, problem in read_partition(part):
        if row is None:  # a row that cannot be read: CANNOT_CLEAR naming partition and line
            d = cannot_clear(None, rules, questions=[Question(problem or "unreadable row")], request_id=f"line {line}")
            yield {"line": line, **d.to_dict()}
            continue
        text = json.dumps(row_order(row), ensure_ascii=False, default=str)
        yield from determine_order_lines([(line, text)], decide, part.path, rules)


def determine_partition(job: DetermineJob, part: Partition) -> PartDone:
    """Determine one partition and write its Parquet file (the Dask task)."""
    import pyarrow as pa

    cpu = time.process_time()
    _, rules = _opened(job)
    out: list[dict[str, Any]] = []
    outcomes: Counter[str] = Counter()
    unreadable = 0  # a bad order is a CANNOT_CLEAR record like any other (its open question names the line)
    for record in determined(job, part):
        outcomes[record["outcome"]] += 1
        out.append({"partition": part.number, "line": record["line"], "order_id": record.get("id"),
                    "outcome": record["outcome"], "license_required": json.dumps(record.get("license_required")),
                    "record": json.dumps(record, ensure_ascii=False, default=str)})
    meta = {**job.metadata(rules), "partition": part.number, "input": part.path, "format": part.format,
            "first_line": part.first_line}
    types = {"partition": pa.int32(), "line": pa.int64()}
    schema = pa.schema([(c, types.get(c, pa.string())) for c in COLUMNS],
                       metadata={META_KEY: json.dumps(meta, sort_keys=True).encode()})
    name = write_table(job.out_dir, part.name, pa.Table.from_pylist(out, schema=schema))
    return PartDone(part.number, name, len(out), unreadable, dict(outcomes), time.process_time() - cpu, os.getpid())
