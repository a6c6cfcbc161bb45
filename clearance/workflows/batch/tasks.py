"""What a worker does with one partition: read it, screen each row, write one Parquet file.

Plain functions of (job, partition): they run the same in a Dask worker, in a test, or in this process. A
partition's output is written to a temporary file and renamed into place, so a task that Dask runs again
(its worker died) writes the same file again; a partly written file is never left under the final name.

Results are exactly those of the single-process path (``workflows.screening.screen_rows``): the same
``row_query`` and ``screen_many`` on the same frozen index, one date fixed by the driver. A worker remembers
the result of each distinct party across the partitions it runs (up to ``MEMO_SIZE``), the way a transaction
file repeats its parties.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from clearance.screening.model import Decision, Query
from clearance.screening.registry import get_algorithm
from clearance.screening.screen import screen_many
from clearance.workflows.batch.frozen import load_index
from clearance.workflows.batch.incremental import Previous, Reuse
from clearance.workflows.batch.partitions import Partition, Read, read_partition
from clearance.workflows.screening import row_query

CHUNK_ROWS = 256  # rows whose new parties are screened together (their candidates pre-filtered at once)
MEMO_SIZE = 200_000  # distinct parties a worker remembers
META_KEY = b"clearance"  # the Parquet file metadata key holding the run's versions (JSON)

COLUMNS = ("partition", "line", "input", "decision", "best_list", "best_entry_id", "best_name", "best_score",
           "hit_count", "hits", "algorithm", "list_versions", "reasons")


@dataclass(frozen=True, slots=True)
class ScreenJob:
    """Everything a screening task depends on besides its partition (the same for every task of a run)."""

    index_dir: str
    digest: str  # of the frozen index (``frozen.export_index``)
    out_dir: str
    today: dt.date
    algorithm: str | None = None
    lists: tuple[str, ...] | None = None
    threshold: float | None = None
    limit: int = 10
    previous: Previous | None = None  # re-screening: the previous run's index and results (``incremental``)

    def metadata(self) -> dict[str, Any]:
        index = load_index(self.index_dir, self.digest)
        algo = get_algorithm(self.algorithm)
        versions = {c: v.version_id for c, v in sorted(index.versions.items()) if self.lists is None or c in self.lists}
        return {"kind": "screen", "algorithm": algo.id, "list_versions": versions, "index_digest": self.digest,
                "index_dir": self.index_dir,
                "today": self.today.isoformat(), "threshold": self.threshold, "limit": self.limit,
                "lists": list(self.lists) if self.lists is not None else None}


@dataclass(frozen=True, slots=True)
class PartDone:
    """What a task reports back: the partition's file, its rows and decisions, its CPU seconds."""

    number: int
    file: str
    rows: int
    unreadable: int  # rows that could not be read (CANNOT_CLEAR naming partition and line)
    decisions: dict[str, int]
    cpu_seconds: float
    worker_pid: int
    parties: dict[str, int] = field(default_factory=dict)  # re-screening: distinct parties skipped / re-scored, why

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_MEMO: dict[tuple[Any, ...], dict[Query, dict[str, Any]]] = {}


def _memo(job: ScreenJob) -> dict[Query, dict[str, Any]]:
    # a re-screening run has its own memo: its results come from the previous run or from scoring, and a test
    # comparing it with a full run on the same cluster must not read the full run's results
    key = (job.digest, job.algorithm, job.lists, job.threshold, job.limit, job.today, job.previous)
    found = _MEMO.get(key)
    if found is None:
        _MEMO.clear()
        found = _MEMO[key] = {}
    return found


def screened_rows(job: ScreenJob, part: Partition, reasons: dict[str, int] | None = None,
                  ) -> Iterator[tuple[int, dict[str, Any] | None, dict[str, Any]]]:
    """(line, input row or None, result) for every row of ``part``, in order. With ``job.previous``, a party
    whose candidates did not change keeps its previous result; ``reasons`` counts the parties skipped and
    re-scored, by reason."""
    index = load_index(job.index_dir, job.digest)
    algo = get_algorithm(job.algorithm)
    lists = list(job.lists) if job.lists is not None else None
    versions = {c: v.version_id for c, v in sorted(index.versions.items()) if lists is None or c in lists}
    memo = _memo(job)
    reuse = Reuse(job.previous, index, algo, lists, versions, job.digest) if job.previous is not None else None

    def cannot_clear(problem: str) -> dict[str, Any]:
        return {"decision": Decision.CANNOT_CLEAR.value, "hits": [], "algorithm": algo.id,
                "list_versions": dict(versions), "reasons": [problem]}

    rows = read_partition(part)
    while True:
        chunk: list[Read] = []
        for item in rows:
            chunk.append(item)
            if len(chunk) >= CHUNK_ROWS:
                break
        if not chunk:
            return
        staged: list[tuple[int, dict[str, Any] | None, Query | None, str | None]] = []
        for line, row, problem in chunk:
            if row is None:
                staged.append((line, None, None, problem))
            else:
                parsed, bad = row_query(row)
                staged.append((line, row, None if bad else parsed, bad))
        new = list(dict.fromkeys(q for _, _, q, _ in staged if q is not None and q not in memo))
        done: dict[Query, dict[str, Any]] = {}
        if reuse is not None and new:
            for q in new:
                kept = reuse.result(q)
                if kept is not None:
                    done[q] = kept
            new = [q for q in new if q not in done]
        if new:
            try:
                results = screen_many(new, index, algorithm=algo, lists=lists, threshold=job.threshold,
                                      limit=job.limit, today=job.today)
                done.update({q: r.to_dict() for q, r in zip(new, results, strict=True)})
            except Exception as exc:  # a defect must not clear or drop the rows: each fails closed
                done.update({q: cannot_clear(f"screening failed ({type(exc).__name__}: {exc})") for q in new})
        for line, row, query, problem in staged:
            if query is None:
                yield line, row, cannot_clear(problem or "cannot be screened")
            else:
                got = done.get(query)
                yield line, row, memo[query] if got is None else got
        for q, r in done.items():
            if len(memo) >= MEMO_SIZE:
                break
            memo[q] = r
        if reuse is not None and reasons is not None:
            for k, v in reuse.reasons.items():
                reasons[k] = reasons.get(k, 0) + v
            reuse.reasons.clear()


def result_columns(result: dict[str, Any]) -> dict[str, Any]:
    """The output columns of a result (all but partition, line and input)."""
    hits = result["hits"]
    best = hits[0] if hits else {}
    return {
        "decision": result["decision"], "best_list": best.get("list"), "best_entry_id": best.get("entry_id"),
        "best_name": best.get("name"), "best_score": best.get("score"), "hit_count": len(hits),
        "hits": json.dumps(hits, ensure_ascii=False), "algorithm": result["algorithm"],
        "list_versions": json.dumps(result["list_versions"], sort_keys=True),
        "reasons": json.dumps(result["reasons"], ensure_ascii=False),
    }


def flat(part: int, line: int, row: dict[str, Any] | None, columns: dict[str, Any]) -> dict[str, Any]:
    """One output row (the columns of COLUMNS)."""
    return {"partition": part, "line": line,
            "input": None if row is None else json.dumps(row, ensure_ascii=False, default=str), **columns}


def _schema(meta: dict[str, Any]) -> Any:
    import pyarrow as pa

    types = {"partition": pa.int32(), "line": pa.int64(), "best_score": pa.float64(), "hit_count": pa.int32()}
    return pa.schema([(c, types.get(c, pa.string())) for c in COLUMNS],
                     metadata={META_KEY: json.dumps(meta, sort_keys=True).encode()})


def write_partition(out_dir: str, name: str, rows: list[dict[str, Any]], meta: dict[str, Any]) -> str:
    """Write ``rows`` as ``out_dir/name.parquet`` (atomically); returns the file name."""
    import pyarrow as pa

    return write_table(out_dir, name, pa.Table.from_pylist(rows, schema=_schema(meta)))


def write_table(out_dir: str, name: str, table: Any) -> str:
    """Write a pyarrow table as ``out_dir/name.parquet``: to a temporary file renamed into place."""
    import pyarrow.parquet as pq

    final = Path(out_dir) / f"{name}.parquet"
    fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=f".{name}.", suffix=".partial")
    os.close(fd)
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, final)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return final.name


def screen_partition(job: ScreenJob, part: Partition) -> PartDone:
    """Screen one partition and write its Parquet file (the Dask task)."""
    cpu = time.process_time()
    out: list[dict[str, Any]] = []
    decisions: Counter[str] = Counter()
    unreadable = 0
    reasons: dict[str, int] = {}
    serialised: dict[int, tuple[dict[str, Any], dict[str, Any]]] = {}  # a repeated party's result: once
    for line, row, result in screened_rows(job, part, reasons):
        got = serialised.get(id(result))
        if got is None or got[0] is not result:
            got = serialised[id(result)] = (result, result_columns(result))
        out.append(flat(part.number, line, row, got[1]))
        decisions[result["decision"]] += 1
        unreadable += row is None
    meta = {**job.metadata(), "partition": part.number, "input": part.path, "format": part.format,
            "first_line": part.first_line}
    name = write_partition(job.out_dir, part.name, out, meta)
    return PartDone(part.number, name, len(out), unreadable, dict(decisions), time.process_time() - cpu,
                    os.getpid(), reasons)
