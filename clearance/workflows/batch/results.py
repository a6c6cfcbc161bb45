"""Reading a batch output folder back, and the digest that says two runs gave the same rows.

``digest`` hashes, row after row in input order, each row's input and its result (decision, hits with
their explanations, algorithm, list versions, reasons) as canonical JSON. The same digest from a batch
folder (``folder_rows``) and from ``clearance screen --file``'s JSON lines (``jsonl_rows``) means the
same results row for row.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from clearance.errors import DataError
from clearance.workflows.batch.run import MANIFEST

RESULT_KEYS = ("decision", "hits", "algorithm", "list_versions", "reasons")


def manifest(out_dir: str | Path) -> dict[str, Any]:
    path = Path(out_dir) / MANIFEST
    if not path.is_file():
        raise DataError("no _manifest.json: the batch did not finish (or this is not a batch output folder)",
                        file=str(out_dir))
    got: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return got


def folder_rows(out_dir: str | Path) -> Iterator[dict[str, Any]]:
    """Each output row of a finished batch, in input order, its JSON columns decoded."""
    import pyarrow.parquet as pq

    for part in manifest(out_dir)["partitions"]:
        table = pq.read_table(Path(out_dir) / part["file"])
        for row in table.to_pylist():
            for col in ("input", "hits", "list_versions", "reasons"):
                row[col] = json.loads(row[col]) if row[col] is not None else None
            yield row


def jsonl_rows(path: str | Path) -> Iterator[dict[str, Any]]:
    """The rows of `clearance screen --file ... --out X.jsonl`."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def digest(rows: Iterable[dict[str, Any]]) -> tuple[str, int]:
    """(SHA-256 over every row's input and result, row count)."""
    h = hashlib.sha256()
    n = 0
    for row in rows:
        canon = [row["input"], *(row[k] for k in RESULT_KEYS)]
        h.update(json.dumps(canon, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8", "surrogatepass"))
        h.update(b"\n")
        n += 1
    return h.hexdigest(), n
