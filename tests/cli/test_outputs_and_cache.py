"""Issue 11 §3: atomic outputs, spreadsheet-safe CSV, and a screening cache that cannot run code."""

from __future__ import annotations

import csv
import json
import multiprocessing as mp
import pickle
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from clearance.errors import CannotClear
from clearance.settings import get_settings
from clearance.workflows import index_cache
from clearance.workflows import screening as wf

CLI = Callable[..., Any]
HUAWEI = "Huawei Technologies Co., Ltd."


def test_interrupted_batch_leaves_no_file_that_looks_complete(cli: CLI, el_db: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "work"
    work.mkdir()
    src = work / "in.csv"
    src.write_text("name\n" + "".join(f"Acme Widgets {i}\n" for i in range(3000)), encoding="utf-8")
    out = work / "out.jsonl"
    out.write_text("previous complete result\n", encoding="utf-8")
    real = wf._Batch.results
    calls = {"n": 0}

    def interrupted(self: Any, queries: Any) -> Any:
        calls["n"] += len(queries)
        if calls["n"] >= 1500:
            raise KeyboardInterrupt  # Ctrl-C half-way
        return real(self, queries)

    monkeypatch.setattr(wf._Batch, "results", interrupted)
    ran = cli("screen", "--file", str(src), "--out", str(out), "--workers", "1")
    assert ran.code == 130 and "Traceback" not in ran.text
    assert sorted(p.name for p in work.iterdir()) == ["in.csv", "out.jsonl"], "no temporary file left"
    assert out.read_text(encoding="utf-8") == "previous complete result\n", "the old output is untouched"


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_outputs_appear_whole(cli: CLI, el_db: Path, tmp_path: Path, suffix: str) -> None:
    src = tmp_path / "in.csv"
    src.write_text(f'name,ref\n"{HUAWEI}",1\nAcme Widgets,2\n', encoding="utf-8")
    out = tmp_path / f"out{suffix}"
    ran = cli("screen", "--file", str(src), "--out", str(out))
    assert ran.code == 0, ran.text
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == sorted(["in.csv", out.name])
    assert out.stat().st_mode & 0o777 == 0o666 & ~_umask(), "an ordinary new file, not a private temp file"


def _umask() -> int:
    import os

    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_csv_outputs_escape_formulas(cli: CLI, el_db: Path, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    hostile = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]
    src.write_text("".join(json.dumps({"name": h, "note": h}) + "\n" for h in hostile), encoding="utf-8")
    out = tmp_path / "out.csv"
    ran = cli("screen", "--file", str(src), "--out", str(out))
    assert ran.code == 0, ran.text
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["input_name"] for r in rows] == ["'" + h for h in hostile]
    assert [r["input_note"] for r in rows] == ["'" + h for h in hostile]
    for r in rows:
        assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in r.values()), r
    pairs = tmp_path / "pairs.csv"
    pairs.write_text('name1,name2\n"=cmd|\' /C calc\'!A0",Acme\n', encoding="utf-8")
    scores = tmp_path / "scores.csv"
    ran = cli("compare", "--pairs", str(pairs), "--out", str(scores))
    assert ran.code == 0, ran.text
    assert scores.read_text(encoding="utf-8").splitlines()[1].startswith("'=cmd")


# ---- the index cache -------------------------------------------------------------------------------


def test_a_planted_pickle_is_never_loaded(el_db: Path, tmp_path: Path) -> None:
    index = wf.open_index(["el"])  # builds and caches
    cache = el_db.parent / "screening-cache"
    (entry,) = cache.glob("index-*.pkl")
    marker = tmp_path / "pwned"

    class Payload:
        def __reduce__(self) -> tuple[Any, ...]:
            return (Path.write_text, (marker, "code ran"))

    entry.write_bytes(pickle.dumps(Payload()))
    again = wf.open_index(["el"])
    assert not marker.exists(), "the planted pickle ran code"
    assert len(again) == len(index) == 3421
    # a cache entry from another install (another key) is not trusted either
    other_keys = tmp_path / "other-install"
    assert index_cache.write(cache, entry.name, pickle.dumps(Payload()), key_dir=other_keys)
    again = wf.open_index(["el"])
    assert not marker.exists() and len(again) == 3421


def test_cached_index_screens_like_the_built_one_and_maps_its_entities(el_db: Path) -> None:
    from clearance.screening import Query, screen

    get_settings.cache_clear()
    shutil.rmtree(el_db.parent / "screening-cache", ignore_errors=True)
    built = wf.open_index(["el"])
    assert isinstance(built.entities, tuple)  # built now, then cached
    cached = wf.open_index(["el"])
    assert isinstance(cached.entities, index_cache.LazyEntities)
    assert len(cached) == len(built) == 3421
    for name in ("Huawei Technologies Co Ltd", "HUAWEI", "Sichuan Univ", "Beijing Institute of Technology"):
        assert screen(Query(name), cached).to_dict() == screen(Query(name), built).to_dict()
    assert [pe.entity.entry_id for pe in cached.entities] == [pe.entity.entry_id for pe in built.entities]
    assert dict(cached.postings.items()).keys() == built.postings.keys()
    sent = pickle.loads(pickle.dumps(cached))  # to another process: the entities travel as a plain tuple
    assert isinstance(sent.entities, tuple)
    assert screen(Query("Huawei"), sent).to_dict() == screen(Query("Huawei"), built).to_dict()


def test_a_planted_entities_file_is_never_unpickled(el_db: Path, tmp_path: Path) -> None:
    get_settings.cache_clear()  # this test's database (and so its cache folder)
    wf.open_index(["el"])  # builds and caches
    cache = el_db.parent / "screening-cache"
    (ents,) = cache.glob("index-*.entities")
    marker = tmp_path / "pwned"

    class Payload:
        def __reduce__(self) -> tuple[Any, ...]:
            return (Path.write_text, (marker, "code ran"))

    planted = pickle.dumps(Payload())
    data = bytearray(ents.read_bytes())
    data[: len(planted)] = planted  # same size: only the entities' digests can tell
    ents.write_bytes(bytes(data))
    index = wf.open_index(["el"])
    with pytest.raises(CannotClear, match="changed while in use"):
        index.entities[0]
    assert not marker.exists(), "the planted pickle ran code"
    again = wf.open_index(["el"])  # the damaged entry was dropped: rebuilt
    assert again.entities[0].entity.entry_id and not marker.exists()


def test_cache_round_trip_and_tampering(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    folder = tmp_path / "cache"
    assert index_cache.write(folder, "a", b"payload", key_dir=keys)
    assert keys.stat().st_mode & 0o777 == 0o700
    assert (keys / "cache.key").stat().st_mode & 0o077 == 0
    got = index_cache.read(folder, "a", key_dir=keys)
    assert got is not None and bytes(got) == b"payload"
    data = bytearray((folder / "a").read_bytes())
    data[-1] ^= 1
    (folder / "a").write_bytes(bytes(data))
    assert index_cache.read(folder, "a", key_dir=keys) is None
    assert not (folder / "a").exists(), "a bad entry is dropped"
    (folder / "b").write_bytes(b"")
    assert index_cache.read(folder, "b", key_dir=keys) is None
    assert index_cache.write(folder, "c", b"x", key_dir=keys)
    (folder / "c").rename(folder / "d")  # an entry is bound to its name
    assert index_cache.read(folder, "d", key_dir=keys) is None


def _cold_open(db: str, conn: Any) -> None:
    import os

    os.environ["CLEARANCE_DB"] = db
    from clearance.settings import get_settings

    get_settings.cache_clear()
    try:
        conn.send(len(wf.open_index(["el"])))
    except BaseException as exc:
        conn.send(repr(exc))


def test_two_screens_on_a_cold_cache(el_db: Path) -> None:
    ctx = mp.get_context("spawn")
    pipes = [ctx.Pipe() for _ in range(2)]
    procs = [ctx.Process(target=_cold_open, args=(str(el_db), child)) for _, child in pipes]
    for p in procs:
        p.start()
    results = [parent.recv() for parent, _ in pipes]
    for p in procs:
        p.join()
    assert results == [3421, 3421]
    cache = el_db.parent / "screening-cache"
    assert len(list(cache.glob("index-*.pkl"))) == 1 and not list(cache.glob(".*partial"))


def test_read_only_commands_open_sqlite_read_only(el_db: Path) -> None:
    import sqlalchemy as sa

    from clearance.cli.common import store_session
    from clearance.settings import get_settings

    get_settings.cache_clear()
    with store_session(read_only=True) as store:
        assert "el" in store.active()
        with pytest.raises(sa.exc.OperationalError, match=r"readonly|read-only"), store.engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE planted (a)")
    get_settings.cache_clear()
