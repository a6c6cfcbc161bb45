"""Glue for screening: an index of the active lists (cached on disk), batch files in and out."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import hashlib
import io
import json
import pickle
import sys
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from clearance.errors import DataError
from clearance.model.entity import Schema
from clearance.screening.index import ScreeningIndex, build_index
from clearance.screening.model import Decision, ListVersion, Query
from clearance.screening.registry import get_algorithm
from clearance.screening.screen import screen
from clearance.settings import Settings, get_settings
from clearance.store import Store
from clearance.text.countries import country_code
from clearance.workflows.lists import ensure_lists, load_active, open_store, select_active, stale_reason

INDEX_FORMAT = 3  # bump when ScreeningIndex or the text pipeline changes what is pickled
INPUT_COLUMNS = ("name", "country", "schema", "address", "id")
MEMO_SIZE = 200_000  # distinct parties remembered per batch


def _cache_dir(settings: Settings) -> Path | None:
    if "://" in settings.db and not settings.db.startswith("sqlite:///"):
        return None
    db = settings.db.removeprefix("sqlite:///")
    return Path(db).expanduser().resolve().parent / "screening-cache"


def open_index(codes: Sequence[str] | None = None, *, store: Store | None = None,
               settings: Settings | None = None, today: dt.date | None = None) -> ScreeningIndex:
    """The screening index of the active versions of ``codes`` (all loaded lists when None).

    The index is pickled next to a SQLite database, keyed by the list versions and the index format,
    so that later CLI runs start in about a second instead of rebuilding.
    """
    settings = settings or get_settings()
    own = store is None
    st = store or open_store(settings)
    try:
        ensure_lists(st, settings)
        chosen = select_active(st, codes)
        versions = {
            c: ListVersion(c, v.version_id, v.data_date, settings.max_age_for(c), stale_reason(v, settings, today))
            for c, v in chosen.items()
        }
        key = hashlib.sha256(
            json.dumps([INDEX_FORMAT, _resources_digest(), [(v.version_id, v.checksum) for v in chosen.values()]])
            .encode()
        ).hexdigest()[:24]
        cache = _cache_dir(settings)
        path = cache / f"index-{key}.pkl" if cache else None
        if path is not None and path.is_file():
            try:
                with open(path, "rb") as fh:
                    index: ScreeningIndex = pickle.load(fh)
                return dataclasses.replace(index, versions=versions)
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
                path.unlink(missing_ok=True)
        active_lists = load_active(list(chosen), store=st, settings=settings, today=today)
        index = build_index(active_lists.entities, versions)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            with open(tmp, "wb") as fh:
                pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
        return index
    finally:
        if own:
            st.close()


def _resources_digest() -> str:
    """Changes when the name resources change, so that a cached index is never stale against them."""
    h = hashlib.sha256()
    for name in ("legal_forms.yml", "name_symbols.yml", "name_terms.yml"):
        h.update(resources.files("clearance.resources").joinpath(name).read_bytes())
    return h.hexdigest()[:16]


# ---- batch files -------------------------------------------------------------------------------


def _fmt(path: str) -> str:
    lower = path.lower()
    if lower.endswith(".parquet"):
        return "parquet"
    if lower.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    return "csv"


def read_rows(path: str) -> list[dict[str, Any]]:
    """Rows of a CSV, Parquet or JSON-lines file (``-``: CSV on stdin). Needs a ``name`` column."""
    fmt = _fmt(path)
    rows: list[dict[str, Any]]
    try:
        if fmt == "parquet":
            import polars as pl

            rows = pl.read_parquet(path).to_dicts()
        elif fmt == "jsonl":
            rows = []
            with open(path, encoding="utf-8") as fh:
                for n, text_line in enumerate(fh, 1):
                    if not text_line.strip():
                        continue
                    try:
                        obj = json.loads(text_line)
                    except json.JSONDecodeError as exc:
                        raise DataError(f"not JSON: {exc.msg}", file=path, line=n) from exc
                    if not isinstance(obj, dict):
                        raise DataError("each line must be a JSON object", file=path, line=n)
                    rows.append(obj)
        else:
            raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                bad_line = raw[: exc.start].count(b"\n") + 1
                raise DataError("not UTF-8 text (save the file as UTF-8)", file=path, line=bad_line) from exc
            rows = list(csv.DictReader(io.StringIO(text)))
    except DataError:
        raise
    except FileNotFoundError as exc:
        raise DataError("file not found", file=path) from exc
    except Exception as exc:  # polars/pyarrow raise many types for unreadable files
        raise DataError(f"cannot read {fmt} file: {exc}", file=path) from exc
    if rows and "name" not in rows[0]:
        raise DataError(f"no 'name' column (columns: {', '.join(map(str, rows[0]))})", file=path, field="name")
    return rows


def row_query(row: dict[str, Any]) -> tuple[Query, str | None]:
    """The query of one input row, and a problem that makes it unscreenable (or None)."""
    name = row.get("name")
    name = "" if name is None else str(name)
    problem: str | None = None
    country = str(row.get("country") or "").strip() or None
    if country:
        code = country_code(country)
        if code is None:
            problem = f"unknown country {country!r}"
        country = code
    schema: Schema | None = None
    raw_schema = str(row.get("schema") or "").strip()
    if raw_schema:
        try:
            schema = Schema(raw_schema[:1].upper() + raw_schema[1:])
        except ValueError:
            problem = f"unknown schema {raw_schema!r} (one of {', '.join(s.value for s in Schema)})"
    ident = str(row.get("id") or "").strip()
    address = str(row.get("address") or "").strip() or None
    return Query(name, country, schema, None, (ident,) if ident else (), address), problem


def screen_rows(rows: Iterable[dict[str, Any]], index: ScreeningIndex, *, algorithm: str | None = None,
                lists: Sequence[str] | None = None, threshold: float | None = None, limit: int = 10,
                today: dt.date | None = None) -> Iterator[dict[str, Any]]:
    """One output object per input row, in input order (never drops a row)."""
    algo = get_algorithm(algorithm)
    versions = {c: v.version_id for c, v in sorted(index.versions.items()) if lists is None or c in lists}
    seen: dict[Query, dict[str, Any]] = {}  # the same party on many orders is screened once
    for n, row in enumerate(rows):
        query, problem = row_query(row)
        if problem is not None:
            yield {"row": n, "input": row, "decision": Decision.CANNOT_CLEAR.value, "hits": [],
                   "algorithm": algo.id, "list_versions": versions, "reasons": [problem]}
            continue
        done = seen.get(query)
        if done is None:
            result = screen(query, index, algorithm=algo, lists=lists, threshold=threshold, limit=limit, today=today)
            done = result.to_dict()
            if len(seen) < MEMO_SIZE:
                seen[query] = done
        yield {"row": n, "input": row, **done}


def write_rows(results: Iterable[dict[str, Any]], out: str) -> int:
    """Write results as JSON lines, CSV (one row per input, hits as JSON) or Parquet; returns the count."""
    fmt = "jsonl" if out == "-" else _fmt(out)
    count = 0
    if fmt == "jsonl":
        fh = sys.stdout if out == "-" else open(out, "w", encoding="utf-8")  # noqa: SIM115
        try:
            for r in results:
                fh.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
                count += 1
        finally:
            if fh is not sys.stdout:
                fh.close()
        return count
    flat = [_flat(r) for r in results]
    if fmt == "parquet":
        import polars as pl

        pl.DataFrame(flat, infer_schema_length=None).write_parquet(out)
    else:
        with open(out, "w", encoding="utf-8", newline="") as fh:
            fields = list(dict.fromkeys(k for r in flat for k in r))
            writer = csv.DictWriter(fh, fieldnames=fields)
            writer.writeheader()
            writer.writerows(flat)
    return len(flat)


def _flat(r: dict[str, Any]) -> dict[str, Any]:
    hits = r.get("hits", [])
    best = hits[0] if hits else {}
    out: dict[str, Any] = {f"input_{k}": ("" if v is None else str(v)) for k, v in r["input"].items()}
    out.update({
        "row": r["row"], "decision": r["decision"], "best_list": best.get("list", ""),
        "best_entry_id": best.get("entry_id", ""), "best_name": best.get("name", ""),
        "best_score": best.get("score"), "hit_count": len(hits), "hits": json.dumps(hits, ensure_ascii=False),
        "algorithm": r["algorithm"], "list_versions": json.dumps(r["list_versions"]),
        "reasons": "; ".join(r.get("reasons", [])),
    })
    return out
