"""Glue for screening: an index of the active lists (cached on disk), batch files in and out."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import gc
import hashlib
import itertools
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clearance.errors import CannotClear, DataError
from clearance.model.entity import Schema
from clearance.screening import towns
from clearance.screening.algorithm import Algorithm
from clearance.screening.algorithm3 import ClearanceMatcherV3
from clearance.screening.forms3 import FORMS_VERSION
from clearance.screening.index import ScreeningIndex, build_index
from clearance.screening.model import Decision, ListVersion, Query, ScreeningResult
from clearance.screening.rarity import rarity
from clearance.screening.registry import get_algorithm
from clearance.screening.screen import screen, screen_many
from clearance.screening.strings import Strings
from clearance.settings import ListSettings, get_settings, screen_settings
from clearance.sources.aliases import AliasRow
from clearance.store import VersionInfo, lite
from clearance.store.revision import head_revision
from clearance.text import fold, terms, translit
from clearance.text.countries import country_code
from clearance.text.fold import MAX_NAME_CHARS
from clearance.workflows import index_cache
from clearance.workflows.aliases import aliases_digest, all_aliases, digest_with
from clearance.workflows.batch_input import Rows, input_format, read_rows
from clearance.workflows.batch_output import atomic_output, atomic_path, check_output_path, safe_cell
from clearance.workflows.lists import (
    choose_active,
    load_active,
    select_active,
    snapshot_missing,
    stale_reason,
    store_with_lists,
)

if TYPE_CHECKING:
    from clearance.settings import Settings
    from clearance.store import Store

INDEX_FORMAT = 41  # bump when ScreeningIndex or the text pipeline changes what is pickled
# (10: @3 flat names, entity schema and list arrays; 11: flat names and entity keys unpickled on first use;
# 12: the core's arrays memory-mapped, not unpickled: ``index_cache.write_mapped``; 13: @3's person reading of a
# listed person's names prepared at index build, ``PreparedName.form3_person``; 14: entries "wherever located" have
# no country, ``prepared.worldwide``; 16: @3 forms 6, a two-letter legal form after one of another kind is a word;
# 17-19: Persian and Hebrew organisation words and towns, 股份 a legal form, the Arabic مؤسسة left to its table;
# 22: Hebrew loan words and Urdu organisation words, UAE free-zone legal forms, Wade-Giles names' pinyin weak aliases;
# 23: Chinese one-character terms read from the character, a listed name also without its own initials in parentheses;
# 25: the Persian suffix سازی written apart, Chinese and Persian trade words; 26, 27: the merges of 22, 23 and 25;
# 28: the Persian هوایی "air, aviation"; 29: a legal form written only in parentheses, "(yu)", is no bare "Yu";
# 29 (screen21): Chinese trade words 飞行, 试验, 系统, 微系统, 科学院; 30: the merge of both 29s;
# 31: the town tables of ``towns`` stored with the index, ``index_cache.TOWNS_SUFFIX``; 32 (screen22): 实验室 and 实验
# read from the characters, not as the syllables of 十堰市, the city Shiyan, a place; 33: the merge of 31 and 32;
# 37: ``ScreeningIndex.entity_no_kind``, the pre-filter's entries of no stated kind without unpickling them)
INPUT_COLUMNS = ("name", "country", "schema", "address", "id")
MEMO_SIZE = 200_000  # distinct parties remembered per batch


def _cache_dir(settings: ListSettings) -> Path | None:
    if "://" in settings.db and not settings.db.startswith("sqlite:///"):
        return None
    db = settings.db.removeprefix("sqlite:///")
    return Path(db).expanduser().resolve().parent / "screening-cache"


def sqlite_file_of(db: str) -> Path | None:
    """The SQLite file of a ``CLEARANCE_DB`` value (a path or a ``sqlite:///`` URL without options), else None."""
    if "://" in db and not db.startswith("sqlite:///"):
        return None
    path = db.removeprefix("sqlite:///")
    return None if "?" in path or not path or path == ":memory:" else Path(path).expanduser()


def open_index(codes: Sequence[str] | None = None, *, store: Store | None = None,
               settings: Settings | None = None, today: dt.date | None = None) -> ScreeningIndex:
    """The screening index of the active versions of ``codes`` (all loaded lists when None).

    The index is cached next to a SQLite database, keyed by the list versions and the index format,
    so that later CLI runs load it in well under a second instead of rebuilding (entities are unpickled on
    first use). The cache is signed with this install's key (see index_cache): a file it did not write is
    never unpickled; any cache problem means a rebuild. Raises CannotClear when there is no list to screen against.
    """
    settings = settings or get_settings()
    if codes is not None and not codes:
        raise CannotClear("no list selected to screen against (an empty --lists); name at least one list")
    if store is None:
        quick = open_cached_index(codes, settings=settings, today=today)
        if quick is not None:
            return quick
    cache = _cache_dir(settings)
    if cache is not None:
        _cached_vocabulary(cache)
    with store_with_lists(store, settings) as st:
        chosen = select_active(st, codes)
        if not chosen:
            raise CannotClear("no list is loaded to screen against; load lists with `clearance lists update` "
                              "or `clearance lists load --from DIR`")
        versions = _versions_of(chosen, settings, today)
        name = _index_name(chosen, aliases_digest(st))
        cached = index_cache.read_index(cache, name) if cache is not None else None
        if cached is not None:
            return dataclasses.replace(cached, versions=versions)
        active_lists = load_active(list(chosen), store=st, settings=settings, today=today)
        aliases = [r.extra_name() for r in all_aliases(st)]  # shipped table + `clearance lists aliases load`
        index = build_index(active_lists.entities, versions, aliases=aliases)
        if cache is not None:
            index_cache.write_index(cache, name, index)
        return index


def _versions_of(chosen: dict[str, VersionInfo], settings: ListSettings,
                 today: dt.date | None) -> dict[str, ListVersion]:
    return {c: ListVersion(c, v.version_id, v.data_date, settings.max_age_for(c), stale_reason(v, settings, today))
            for c, v in chosen.items()}


def _index_name(chosen: dict[str, VersionInfo], aliases: str) -> str:
    key = hashlib.sha256(
        # (the parser too: the same files read by a newer parser make other entries, e.g. ofac-legacy-csv@2)
        json.dumps([INDEX_FORMAT, _resources_digest(), aliases,
                    [(v.version_id, v.checksum, v.parser) for v in chosen.values()]]).encode()
    ).hexdigest()[:24]
    return f"index-{key}.pkl"


def open_cached_index(codes: Sequence[str] | None = None, *, settings: ListSettings | None = None,
                      today: dt.date | None = None) -> ScreeningIndex | None:
    """``open_index`` when its index is cached, found without SQLAlchemy (``clearance.store.lite``), or None: the
    caller then opens the store (``open_index``), which covers every case this path leaves out (a first-use
    snapshot load, held versions, a database not at the newest migration, no cached index, PostgreSQL). Same
    versions, same key, same file as that path; the vocabulary is installed as there."""
    settings = settings or screen_settings()  # without pydantic when the environment allows it
    cache = _cache_dir(settings)
    path = sqlite_file_of(settings.db)
    if cache is None or path is None or (codes is not None and not codes):
        return None
    state = lite.read_state(path, head_revision())
    if state is None or not state.active or snapshot_missing(state.versions, state.active, settings):
        return None
    try:
        chosen = choose_active(state.active, state.versions, codes)
    except DataError:
        return None  # the store path raises it with the same words
    if not chosen:
        return None
    cached = index_cache.read_index(cache, _index_name(chosen, digest_with(AliasRow(*r) for r in state.alias_rows)))
    if cached is None:
        return None
    _cached_vocabulary(cache)
    return dataclasses.replace(cached, versions=_versions_of(chosen, settings, today))


def _vocabulary_digest() -> str:
    """Changes when anything the name vocabulary is derived from changes: its resource files, the code that
    folds and transliterates them, and the transliteration libraries' versions."""
    h = hashlib.sha256()
    for name in ("legal_forms.yml", "name_symbols.yml", "name_terms.yml"):
        h.update(resources.files("clearance.resources").joinpath(name).read_bytes())
    for module in (terms, fold, translit):
        h.update(Path(str(module.__file__)).read_bytes())
    for dist in ("pypinyin", "anyascii"):
        try:
            h.update(metadata.version(dist).encode())
        except metadata.PackageNotFoundError:
            h.update(b"-")
    return h.hexdigest()[:16]


def _cached_vocabulary(cache: Path) -> None:
    """Install the name vocabulary from this install's signed cache (``index_cache``), or cache it: building it
    folds every alias and imports pypinyin (about 0.6 s of CPU at each start-up), reading it a few ms."""
    name = f"vocabulary-{_vocabulary_digest()}.json"
    raw = index_cache.read(cache, name)
    if raw is not None:
        try:
            terms.install_vocabulary(terms.vocabulary_from_json(bytes(raw)))
            return
        except (ValueError, KeyError, TypeError, IndexError):
            pass  # not a vocabulary this code reads: rebuilt and cached again
    index_cache.write(cache, name, terms.vocabulary_to_json(terms.vocabulary()))


def _resources_digest() -> str:
    """Changes when the name resources change, so that a cached index is never stale against them."""
    h = hashlib.sha256()
    for name in ("legal_forms.yml", "name_symbols.yml", "name_terms.yml"):
        h.update(resources.files("clearance.resources").joinpath(name).read_bytes())
    # clearance-name@3's forms, prepared at index build, depend on its word rarity and abbreviation tables
    h.update(rarity().version.encode())
    h.update(f"forms3-{FORMS_VERSION}".encode())
    for name in ("abbreviations.yml", "places.yml", "place_words.yml", "titles.yml", "wade_giles.yml"):
        h.update(resources.files("clearance.text").joinpath(name).read_bytes())
    return h.hexdigest()[:16]


# ---- batch files (read_rows and Rows come from batch_input) ------------------------------------

__all__ = ["Rows", "name_problem", "open_cached_index", "open_index", "read_rows", "row_query", "screen_file",
           "screen_one", "screen_rows", "write_rows"]


def _fmt(path: str) -> str:
    return input_format(path)


def name_problem(name: object) -> str | None:
    """Why ``name`` cannot be screened in full (not text, not valid Unicode, too long), or None.

    Screening a cut or stringified name could clear a party whose real name is listed: refuse instead.
    """
    if name is None:
        return None  # screened as empty: CANNOT_CLEAR "empty name"
    if not isinstance(name, str):
        return f"name is not text (a JSON/Parquet {type(name).__name__}); give the name as a string"
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "name is not valid Unicode text (a lone surrogate); fix the input's encoding"
    length = len(" ".join(name.split()))
    if length > MAX_NAME_CHARS:
        return (f"name is {length:,} characters long; at most {MAX_NAME_CHARS:,} can be screened, and screening "
                "only a part could miss a listed party")
    return None


def row_query(row: dict[str, Any]) -> tuple[Query, str | None]:
    """The query of one input row, and a problem that makes it unscreenable (or None)."""
    raw_name = row.get("name")
    problem = name_problem(raw_name)
    name = raw_name if isinstance(raw_name, str) and problem is None else ""
    country = str(row.get("country") or "").strip() or None
    if country:
        code = country_code(country)
        if code is None:
            problem = problem or f"unknown country {country!r}"
        country = code
    schema: Schema | None = None
    raw_schema = str(row.get("schema") or "").strip()
    if raw_schema:
        try:
            schema = Schema(raw_schema[:1].upper() + raw_schema[1:])
        except ValueError:
            problem = problem or f"unknown schema {raw_schema!r} (one of {', '.join(s.value for s in Schema)})"
    ident = str(row.get("id") or "").strip()
    address = str(row.get("address") or "").strip() or None
    return Query(name, country, schema, None, (ident,) if ident else (), address), problem


def screen_one(query: Query, index: ScreeningIndex, *, algorithm: str | None = None,
               lists: Sequence[str] | None = None, threshold: float | None = None, limit: int = 10,
               today: dt.date | None = None) -> ScreeningResult:
    """Screen one party; a name that cannot be screened in full gives CANNOT_CLEAR with the reason."""
    problem = name_problem(query.name)
    if problem is None:
        return screen(query, index, algorithm=algorithm, lists=lists, threshold=threshold, limit=limit, today=today)
    versions = {c: v.version_id for c, v in sorted(index.versions.items()) if lists is None or c in lists}
    return ScreeningResult(query, Decision.CANNOT_CLEAR, (), get_algorithm(algorithm).id, versions, (problem,))


class _Batch:
    """What every batch row is screened with; set in the parent before forking so workers share it."""

    def __init__(self, index: ScreeningIndex, algorithm: str | None, lists: Sequence[str] | None,
                 threshold: float | None, limit: int, today: dt.date | None) -> None:
        if lists is not None and not lists:
            raise CannotClear("no list selected to screen against (an empty --lists); name at least one list")
        self.index = index
        self.algo = get_algorithm(algorithm)
        self.lists = lists
        self.threshold = threshold
        self.limit = limit
        self.today = today
        self.versions = {c: v.version_id for c, v in sorted(index.versions.items()) if lists is None or c in lists}

    def results(self, queries: Sequence[Query]) -> list[dict[str, Any]]:
        """The result of each query (as ``screen`` gives it), their candidates pre-filtered together.

        The cyclic garbage collector is paused while the chunk is screened, then run once over what the chunk left
        and what survives set out of its reach (``_settle``): the caller unfreezes when the batch ends (a worker
        process when it exits)."""
        enabled = gc.isenabled()
        gc.disable()
        try:
            done = screen_many(queries, self.index, algorithm=self.algo, lists=self.lists, threshold=self.threshold,
                               limit=self.limit, today=self.today)
            out = [r.to_dict() for r in done]
        finally:
            if enabled:
                gc.enable()
        _settle()
        return out

    def cannot_clear(self, problem: str) -> dict[str, Any]:
        return {"decision": Decision.CANNOT_CLEAR.value, "hits": [], "algorithm": self.algo.id,
                "list_versions": self.versions, "reasons": [problem]}


_WORKER_BATCH: _Batch | None = None  # the forked workers' copy (copy-on-write) of the parent's batch


def _screen_task(queries: list[Query], as_json: bool) -> list[Any]:
    assert _WORKER_BATCH is not None, "batch worker started without its index"
    return [_json_tail(r) if as_json else r for r in _WORKER_BATCH.results(queries)]


def _settle() -> None:
    """After a chunk of parties is screened: the young generations collected, then what survives them set out of
    the collector's reach (``gc.freeze``; the batch unfreezes when it ends, a worker process when it exits).

    What survives a chunk is mostly long-lived: entities unpickled on first use, the memos of prepared names and of
    scored pairs, resources loaded on first use (pypinyin's dictionaries: ~200,000 lists). Left in the collector's
    generations, each full collection walked all of them again: a fifth of the CPU of a file of distinct parties
    (issue 10). Only garbage is dropped; nothing a result depends on is touched."""
    gc.collect(1)
    gc.freeze()


def _json_tail(result: dict[str, Any]) -> str:
    """The result's JSON members without braces, to be appended to a row's "row" and "input"."""
    return json.dumps(result, ensure_ascii=False, default=str)[1:-1]


def default_workers() -> int:
    """Worker processes for batch files: one per CPU this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _stream(rows: Iterable[dict[str, Any]], batch: _Batch, workers: int, as_json: bool,
            ) -> Iterator[tuple[int, dict[str, Any], Any]]:
    """(row number, input row, result) in input order; the result is a dict, or its JSON tail when ``as_json``.

    The same party on many orders is screened once (up to MEMO_SIZE distinct parties are remembered).
    With ``workers`` > 1, new parties are screened by forked worker processes, a chunk of rows at a time,
    while the results of earlier chunks are handed out in order; at most a few chunks are in flight. An input
    of at most SMALL_INPUT rows is screened in this process (starting workers costs more than it saves).
    """
    if workers > 1:
        it = iter(rows)
        head = list(itertools.islice(it, SMALL_INPUT + 1))
        rows = itertools.chain(head, it)
        if len(head) <= SMALL_INPUT:
            workers = 1
        else:  # loaded once here, shared by the workers (copy-on-write) instead of loaded by each
            _ready_for_batch(batch.index, (str(r.get("name") or "") for r in head), batch.algo, every_entity=True)
    if workers <= 1:
        gc.freeze()  # the index is long-lived: the collector need not walk it again and again
        try:
            yield from _stream_local(rows, batch, as_json)
        finally:
            gc.unfreeze()
        return
    yield from _stream_parallel(rows, batch, workers, as_json)


def _ready_for_batch(index: ScreeningIndex, names: Iterable[str] = (), algo: Algorithm | None = None,
                     every_entity: bool = False) -> None:
    """Before a batch of more than SMALL_INPUT rows: the dict of the index's blocking keys made at once (a one-query
    run looks its keys up by bisection through the joined keys; a batch would make the dict after its first few
    thousand look-ups anyway), for clearance-name@3 the strings of its flat name arrays made (``Strings.make_all``:
    they would be after LIST_AFTER picks), and ``names`` (the first rows') folded, which loads what their scripts
    need once (pypinyin's dictionaries for Chinese characters: 0.3 s of CPU). ``every_entity`` (before workers are
    forked): every entity of a cached index unpickled, once, shared with the workers, instead of each worker
    unpickling those it meets (a large file meets most of them in each). Nothing a result depends on changes."""
    postings = index.postings
    if isinstance(postings, index_cache.Postings):
        postings.make_dict()
    if type(algo) is ClearanceMatcherV3:  # (the flat arrays of @1/@2 are tuples, unpickled on first use)
        for flat in (index.flat3, index.flat3_person):
            for strings in (flat.vocab, flat.run_text, flat.compact) if flat is not None else ():
                if isinstance(strings, Strings):
                    strings.make_all()  # the pre-filter picks words from them for every chunk
    for name in names:
        fold.fold(name)
    # the towns of the listed entries' addresses (``towns.entry_town`` reads them for every line with a comma): read
    # from the cached index (or made from the entities of an index built in this process) before any worker is
    # forked, the collector paused, so that the workers share them
    enabled = gc.isenabled()
    gc.disable()
    try:
        towns.listed_towns(index)
        if every_entity:
            for _ in index.entities:  # (``LazyEntities`` unpickles each on first use and keeps it)
                pass
    finally:
        if enabled:
            gc.enable()
    gc.freeze()  # (long-lived: the batch unfreezes when it ends)


def _stream_local(rows: Iterable[dict[str, Any]], batch: _Batch, as_json: bool,
                  ) -> Iterator[tuple[int, dict[str, Any], Any]]:
    """One process: the new parties of each chunk of rows are screened together (``_Batch.results``)."""
    seen: dict[Query, Any] = {}
    it = iter(rows)
    n = 0
    while True:
        chunk = list(itertools.islice(it, LOCAL_CHUNK_ROWS))
        if not chunk:
            return
        if n == 0 and len(chunk) > SMALL_INPUT:
            _ready_for_batch(batch.index, algo=batch.algo)
        staged: list[tuple[Query, str | None]] = [row_query(row) for row in chunk]
        new = list(dict.fromkeys(q for q, problem in staged if problem is None and q not in seen))
        done = dict(zip(new, (_json_tail(r) if as_json else r for r in batch.results(new)), strict=True))
        for row, (query, problem) in zip(chunk, staged, strict=True):
            if problem is not None:
                bad = batch.cannot_clear(problem)
                yield n, row, _json_tail(bad) if as_json else bad
            else:
                got = done.get(query)
                yield n, row, seen[query] if got is None else got
            n += 1
        for q, r in done.items():
            if len(seen) >= MEMO_SIZE:
                break
            seen[q] = r


LOCAL_CHUNK_ROWS = 256  # rows screened together in one process (their candidates pre-filtered at once)
CHUNK_ROWS = 2000  # rows read ahead per chunk
SMALL_INPUT = 200  # rows: an input this small is screened without worker processes
TASK_QUERIES = 256  # new parties per worker task (screened together)
AHEAD_CHUNKS = 6  # chunks in flight at once (bounds memory: results are written as they come)


def _stream_parallel(rows: Iterable[dict[str, Any]], batch: _Batch, workers: int, as_json: bool,
                     ) -> Iterator[tuple[int, dict[str, Any], Any]]:
    global _WORKER_BATCH
    import multiprocessing as mp
    from collections import deque
    from multiprocessing.pool import AsyncResult

    memo: dict[Query, Any] = {}
    inflight: dict[Query, tuple[AsyncResult[list[Any]], int]] = {}
    # each pending chunk: its rows as (n, row, query or problem), the tasks it dispatched and their queries
    pending: deque[tuple[list[tuple[int, dict[str, Any], Query | None, str | None]],
                         list[tuple[AsyncResult[list[Any]], list[Query]]],
                         dict[Query, tuple[AsyncResult[list[Any]], int]]]] = deque()
    _WORKER_BATCH = batch
    gc.collect()
    gc.freeze()  # the index stays in pages shared with the workers (no refcount writes from the collector)
    pool = mp.get_context("fork").Pool(workers)
    try:
        it = iter(rows)
        n = 0
        exhausted = False
        while True:
            while not exhausted and len(pending) < AHEAD_CHUNKS:
                chunk: list[tuple[int, dict[str, Any], Query | None, str | None]] = []
                for row in it:
                    query, problem = row_query(row)
                    chunk.append((n, row, None if problem else query, problem))
                    n += 1
                    if len(chunk) >= CHUNK_ROWS:
                        break
                if not chunk:
                    exhausted = True
                    break
                new: dict[Query, None] = {}  # first seen in this chunk, in order
                refs: dict[Query, tuple[AsyncResult[list[Any]], int]] = {}
                for _, _, q, _ in chunk:
                    if q is None or q in memo or q in refs or q in new:
                        continue
                    if q in inflight:
                        refs[q] = inflight[q]  # dispatched by an earlier chunk still in flight
                    else:
                        new[q] = None
                tasks: list[tuple[AsyncResult[list[Any]], list[Query]]] = []
                fresh = list(new)
                for start in range(0, len(fresh), TASK_QUERIES):
                    part = fresh[start : start + TASK_QUERIES]
                    task = pool.apply_async(_screen_task, (part, as_json))
                    tasks.append((task, part))
                    for k, q in enumerate(part):
                        refs[q] = inflight[q] = (task, k)
                pending.append((chunk, tasks, refs))
            if not pending:
                break
            chunk, tasks, refs = pending.popleft()
            got: dict[Query, Any] = {}
            for q, (task, k) in refs.items():
                got[q] = task.get()[k]
            for task, part in tasks:  # this chunk dispatched them: remember them, no longer in flight
                values = task.get()
                for k, q in enumerate(part):
                    inflight.pop(q, None)
                    if len(memo) < MEMO_SIZE:
                        memo[q] = values[k]
            for i, row, q, problem in chunk:
                if q is None:
                    bad = batch.cannot_clear(problem or "cannot be screened")
                    yield i, row, _json_tail(bad) if as_json else bad
                else:
                    done = got.get(q)
                    yield i, row, memo[q] if done is None else done
    finally:
        pool.terminate()
        pool.join()
        _WORKER_BATCH = None
        gc.unfreeze()


def screen_rows(rows: Iterable[dict[str, Any]], index: ScreeningIndex, *, algorithm: str | None = None,
                lists: Sequence[str] | None = None, threshold: float | None = None, limit: int = 10,
                today: dt.date | None = None, workers: int = 1) -> Iterator[dict[str, Any]]:
    """One output object per input row, in input order (never drops a row).

    ``workers`` > 1 screens with that many forked processes (same results, in the same order).
    """
    batch = _Batch(index, algorithm, lists, threshold, limit, today)
    for n, row, done in _stream(rows, batch, workers, as_json=False):
        yield {"row": n, "input": row, **done}


def screen_file(rows: Iterable[dict[str, Any]], out: str, index: ScreeningIndex, *, algorithm: str | None = None,
                lists: Sequence[str] | None = None, threshold: float | None = None, limit: int = 10,
                today: dt.date | None = None, workers: int = 1,
                progress: Callable[[int], None] | None = None) -> int:
    """Screen ``rows`` and write one result per row to ``out`` (format by extension); returns the row count.

    Everything is streamed: rows are read, screened and written as they come (each distinct party's result
    serialised once), so memory does not grow with the file. The file appears at ``out`` only when every
    row is written (atomic rename); an error or Ctrl-C leaves none. ``progress(rows done)`` is called every
    few hundred rows.
    """
    batch = _Batch(index, algorithm, lists, threshold, limit, today)
    fmt = "jsonl" if out == "-" else _fmt(out)
    check_output_path(out)
    if fmt != "jsonl":
        def dicts() -> Iterator[dict[str, Any]]:
            for n, row, done in _stream(rows, batch, workers, as_json=False):
                if progress is not None and (n + 1) % 200 == 0:
                    progress(n + 1)
                yield {"row": n, "input": row, **done}

        return write_rows(dicts(), out)
    count = 0
    with atomic_output(out) as fh:
        dumps = json.dumps
        for n, row, tail in _stream(rows, batch, workers, as_json=True):
            fh.write(f'{{"row": {n}, "input": {dumps(row, ensure_ascii=False, default=str)}, {tail}}}\n')
            count += 1
            if progress is not None and count % 200 == 0:
                progress(count)
    return count


def write_rows(results: Iterable[dict[str, Any]], out: str) -> int:
    """Write results as JSON lines, CSV (one row per input, hits as JSON) or Parquet; returns the count.

    Written atomically (see batch_output). CSV and Parquet rows are first spooled to a temporary JSON-lines
    file, so that their columns (the union of every row's input columns) are known without holding the rows.
    """
    fmt = "jsonl" if out == "-" else _fmt(out)
    check_output_path(out)
    if fmt == "jsonl":
        count = 0
        with atomic_output(out) as fh:
            for r in results:
                fh.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
                count += 1
        return count
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        fields: dict[str, None] = {}
        count = 0
        for r in results:
            flat = _flat(r)
            fields.update(dict.fromkeys(flat))
            spool.write(json.dumps(flat, ensure_ascii=False) + "\n")
            count += 1
        spool.seek(0)
        flats = (json.loads(line) for line in spool)
        if fmt == "parquet":
            _write_parquet(flats, list(fields), out)
        else:
            with atomic_output(out, newline="") as fh:
                writer = csv.DictWriter(fh, fieldnames=list(fields))
                writer.writeheader()
                for flat in flats:
                    writer.writerow({k: safe_cell(v) for k, v in flat.items()})
    return count


_PARQUET_TYPES = {"row": "int64", "best_score": "float64", "hit_count": "int64"}


def _write_parquet(flats: Iterator[dict[str, Any]], fields: list[str], out: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(f, pa.type_for_alias(_PARQUET_TYPES.get(f, "string"))) for f in fields])
    with atomic_path(out) as tmp, pq.ParquetWriter(tmp, schema) as writer:
        while True:
            part = list(itertools.islice(flats, 10_000))
            if not part:
                break
            writer.write_table(pa.Table.from_pylist(part, schema=schema))


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
