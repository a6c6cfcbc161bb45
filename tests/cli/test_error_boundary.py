"""Issue 11 §3: every failure a user can cause is one `error:` line naming the input and what to do, exit 2.

Run through the console entry point (`main`), as a user runs `clearance`; never a traceback.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from clearance.cli.boundary import as_clearance_error
from clearance.errors import (
    CannotClear,
    ClearanceError,
    ConfigError,
    DataError,
    DownloadError,
    NotFoundError,
    StaleDataError,
    StorageError,
)

CLI = Callable[..., Any]
HUAWEI = "Huawei Technologies Co., Ltd."


def one_error_line(ran: Any, *needles: str) -> None:
    assert ran.code == 2, ran.text
    assert "Traceback" not in ran.text
    lines = [line for line in ran.err.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, ran.err
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


def test_every_error_class_has_a_code_and_an_http_status() -> None:
    classes = [ClearanceError, ConfigError, DataError, StaleDataError, NotFoundError, CannotClear, StorageError,
               DownloadError]
    codes = {c.code for c in classes}
    assert len(codes) == len(classes), "each class has its own machine-readable code"
    assert DataError.code == "data_error" and DataError.http_status == 422
    assert ConfigError.http_status == 400 and NotFoundError.http_status == 404
    assert all(400 <= c.http_status < 600 for c in classes)


def test_out_that_is_a_folder_or_unwritable(cli: CLI, el_db: Path, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text(f'name\n"{HUAWEI}"\n', encoding="utf-8")
    one_error_line(cli("screen", "--file", str(src), "--out", str(tmp_path)), str(tmp_path), "is a folder")
    missing = tmp_path / "no" / "such" / "out.jsonl"
    one_error_line(cli("screen", "--file", str(src), "--out", str(missing)), "does not exist")
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("name1,name2\nA,B\n", encoding="utf-8")
    one_error_line(cli("compare", "--pairs", str(pairs), "--out", str(tmp_path)), "is a folder")


def test_lone_surrogate_leaves_no_rows_behind(cli: CLI, el_db: Path, tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    src = work / "in.jsonl"
    good = "".join(f'{{"name": "Acme Widgets {i}"}}\n' for i in range(5000))
    src.write_text(good + '{"name": "Hua\\ud800wei"}\n' + good[:200], encoding="utf-8")
    out = work / "out.jsonl"
    one_error_line(cli("screen", "--file", str(src), "--out", str(out)), f"{src}:5001", "lone surrogate")
    assert list(work.iterdir()) == [src], "no output and no temporary file left behind"


def test_surrogate_in_a_command_line_name(cli: CLI, el_db: Path) -> None:
    one_error_line(cli("screen", "Hua\udcffwei"), "NAME is not valid UTF-8")


def test_csv_row_with_more_cells_than_the_header(cli: CLI, el_db: Path, tmp_path: Path) -> None:
    src = tmp_path / "wide.csv"
    src.write_text("name,country\nAcme,US\nHuawei,CN,extra\n", encoding="utf-8")
    one_error_line(cli("screen", "--file", str(src)), f"{src}:3", "3 cells but the header has 2")
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("name1,name2\nA,B,C\n", encoding="utf-8")
    one_error_line(cli("compare", "--pairs", str(pairs)), f"{pairs}:2", "3 cells")


def test_field_over_the_csv_limit(cli: CLI, el_db: Path, tmp_path: Path) -> None:
    src = tmp_path / "big.csv"
    src.write_text("name\n" + "x" * 140_000 + "\n", encoding="utf-8")
    one_error_line(cli("screen", "--file", str(src)), f"{src}:2", "longer than 131,072 characters")
    pairs = tmp_path / "pairs.csv"
    pairs.write_text('name1,name2\n"' + "y" * 140_000 + '",B\n', encoding="utf-8")
    one_error_line(cli("compare", "--pairs", str(pairs)), f"{pairs}:2", "longer than")


def test_cr_only_line_endings_in_compare_pairs(cli: CLI, tmp_path: Path) -> None:
    pairs = tmp_path / "mac.csv"
    pairs.write_bytes(b"name1,name2\rHuawei Technologies Co Ltd,Huawei Technologies\rAcme Widgets,Nobody\r")
    out = tmp_path / "scores.csv"
    ran = cli("compare", "--pairs", str(pairs), "--out", str(out))
    assert ran.code == 0, ran.text
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows[0] == "name1,name2,score,match" and len(rows) == 3
    assert rows[1].endswith(",true") and rows[2].endswith(",false")


def test_not_utf8_names_the_line(cli: CLI, el_db: Path, tmp_path: Path) -> None:
    src = tmp_path / "latin1.csv"
    src.write_bytes("name\nAcme\n\nSociété Générale\n".encode("latin-1"))
    one_error_line(cli("screen", "--file", str(src)), f"{src}:4", "not UTF-8")


def test_corrupt_sqlite_file(cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "bad.db"
    db.write_bytes(b"this is not a database, just some text that fills a page. " * 200)
    monkeypatch.setenv("CLEARANCE_DB", str(db))
    for args in (("lists", "show"), ("screen", HUAWEI), ("lists", "versions")):
        one_error_line(cli(*args), str(db), "not a readable SQLite database")
    assert db.read_bytes().startswith(b"this is not a database"), "the file is left as it was"


def test_locked_database(cli: CLI, el_db: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import clearance.store.engine as engine

    monkeypatch.setattr(engine, "SQLITE_BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(el_db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process in the middle of a load
    try:
        started = time.monotonic()
        ran = cli("screen", HUAWEI, "--json")  # a reader: never waits for the writer (WAL, read-only)
        assert ran.code == 0, ran.text
        assert time.monotonic() - started < 20
        one_error_line(cli("lists", "load", "--from", str(data_dir / "us_bis" / "entity_list_2025-11-08.csv")),
                       str(el_db), "is locked by another process")
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_postgresql_server_down(cli: CLI, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEARANCE_DB", "postgresql+psycopg://clearance:secret@127.0.0.1:1/none")
    ran = cli("lists", "show")
    one_error_line(ran, "127.0.0.1:1", "cannot be reached")
    assert "secret" not in ran.text, "the password is never printed"


def test_settings_that_are_not_json(cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEARANCE_DB", str(tmp_path / "x.db"))
    monkeypatch.setenv("CLEARANCE_MAX_AGE_OVERRIDES", "{el: 7")
    one_error_line(cli("lists", "show"), "CLEARANCE_MAX_AGE_OVERRIDES", "not valid JSON")
    monkeypatch.delenv("CLEARANCE_MAX_AGE_OVERRIDES")
    monkeypatch.setenv("CLEARANCE_UPDATE_URLS", "not json")
    one_error_line(cli("lists", "update"), "CLEARANCE_UPDATE_URLS")


def test_unknown_error_is_one_line_and_exit_70(cli: CLI, monkeypatch: pytest.MonkeyPatch) -> None:
    import clearance.cli.screen as screen_cli

    def boom(*_: object, **__: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(screen_cli, "get_algorithm", boom)
    ran = cli("compare", "a", "b")
    assert ran.code == 70 and "Traceback" not in ran.text
    assert ran.err.startswith("error: internal error (RuntimeError: a bug); this is a bug")


def test_os_and_db_errors_map_to_storage_errors() -> None:
    import errno

    full = as_clearance_error(OSError(errno.ENOSPC, "No space left on device", "/data/out.jsonl"))
    assert isinstance(full, StorageError) and "/data/out.jsonl: no space left" in str(full)
    ro = as_clearance_error(OSError(errno.EROFS, "Read-only file system", "/ro/x"))
    assert isinstance(ro, StorageError) and "read-only file system" in str(ro)
    assert as_clearance_error(RuntimeError("x")) is None


# ---- real file systems: a full disk and a read-only one (tmpfs; needs the right to mount) -------------


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root on Linux")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", str(mnt)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_full_disk_leaves_no_partial_output(cli: CLI, el_db: Path, tmpfs: Path, tmp_path: Path) -> None:
    subprocess.run(["mount", "-o", "remount,size=1m", str(tmpfs)], check=True)
    src = tmp_path / "many.csv"
    src.write_text("name\n" + "".join(f"Huawei Technologies {i}\n" for i in range(2000)), encoding="utf-8")
    out = tmpfs / "out.jsonl"
    one_error_line(cli("screen", "--file", str(src), "--out", str(out)), str(out), "no space left")
    assert list(tmpfs.iterdir()) == []


def test_full_disk_during_a_load_tries_every_list_and_sums_up(cli: CLI, tmpfs: Path, data_dir: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 11: a full disk stopped `lists load` at the first list that did not fit (no summary, the
    remaining lists not tried). Now that list fails with one line naming the database, the others are
    tried, the table and the summary are printed, exit 2, and the store stays readable."""
    subprocess.run(["mount", "-o", "remount,size=3m", str(tmpfs)], check=True)
    monkeypatch.setenv("CLEARANCE_DB", str(tmpfs / "lists.db"))
    monkeypatch.setenv("CLEARANCE_SNAPSHOT", "false")
    ran = cli("lists", "load", "--from", str(data_dir / "us_bis"))
    assert ran.code == 2 and "Traceback" not in ran.text
    assert f"error: el: not stored in sqlite:///{tmpfs / 'lists.db'}: database or disk is full" in ran.err
    assert "Some lists failed to load; they keep their previous version." in ran.err
    for code in ("dpl", "meu", "mieu", "uvl"):  # tried after or before el, each with its own outcome
        assert re.search(rf"│ {code} +│ {code}-1 ", ran.out), ran.out
    shown = cli("lists", "show", "--json")
    assert shown.code == 0
    loaded = {r["code"]: r["entries"] for r in json.loads(shown.out) if r["version"]}
    assert loaded == {"dpl": 665, "meu": 71, "mieu": 13, "uvl": 186}


def test_read_only_file_system(cli: CLI, el_db: Path, tmpfs: Path, data_dir: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmpfs / "el.db"
    shutil.copy(el_db, db)
    subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)
    monkeypatch.setenv("CLEARANCE_DB", str(db))
    ran = cli("lists", "show")
    assert ran.code == 0 and "el-1" in ran.out, ran.text
    ran = cli("screen", HUAWEI, "--json")
    assert ran.code == 0 and '"HIT"' in ran.out, ran.text
    one_error_line(cli("lists", "load", "--from", str(data_dir / "us_bis" / "entity_list_2025-11-08.csv")),
                   str(db), "cannot be written")


# ---- lists update: malformed URL, endless body, slow server ------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *_: object) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(200)
        self.end_headers()
        chunk = b"x" * 65536
        try:
            if self.path == "/endless":
                while True:
                    self.wfile.write(chunk)
            elif self.path == "/slow":
                for _ in range(600):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.05)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


def _update(cli: CLI, monkeypatch: pytest.MonkeyPatch, urls: str, **env: str) -> Any:
    monkeypatch.setenv("CLEARANCE_UPDATE_URLS", urls)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    return cli("lists", "update", "--only", "un")


def test_update_with_a_malformed_url(cli: CLI, el_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ran = _update(cli, monkeypatch, '{"un": "http://[::1"}')
    assert ran.code == 2 and "Traceback" not in ran.text
    assert "error: un: download of http://[::1 failed" in ran.err


def test_update_stops_an_endless_body(cli: CLI, el_db: Path, server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    ran = _update(cli, monkeypatch, f'{{"un": "{server}/endless"}}', CLEARANCE_MAX_DOWNLOAD_MB="2")
    assert ran.code == 2 and "Traceback" not in ran.text
    assert "sent more than 2,097,152 bytes" in ran.err


def test_update_has_an_overall_deadline(cli: CLI, el_db: Path, server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    started = time.monotonic()
    ran = _update(cli, monkeypatch, f'{{"un": "{server}/slow"}}', CLEARANCE_UPDATE_DEADLINE="1",
                  CLEARANCE_HTTP_TIMEOUT="5")
    assert time.monotonic() - started < 15
    assert ran.code == 2 and "deadline" in ran.err and "Traceback" not in ran.text


def test_stdin_of_bytes_that_are_not_text(cli: CLI, el_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"name\n\xff\xfe\x00garbage\n")))
    one_error_line(cli("screen", "--file", "-"), "error: -:", "not UTF-8")  # stdin: the line is approximate


@pytest.mark.skipif(not os.environ.get("CLEARANCE_TEST_PG_URL"), reason="CLEARANCE_TEST_PG_URL is not set")
def test_postgresql_connection_lost() -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(os.environ["CLEARANCE_TEST_PG_URL"])
    try:
        with engine.connect() as victim:
            pid = victim.exec_driver_sql("SELECT pg_backend_pid()").scalar()
            with engine.connect() as killer:
                killer.exec_driver_sql(f"SELECT pg_terminate_backend({int(pid or 0)})")
            with pytest.raises(sa.exc.DBAPIError) as err:
                victim.exec_driver_sql("SELECT 1")
    finally:
        engine.dispose()
    mapped = as_clearance_error(err.value)
    assert isinstance(mapped, StorageError) and "cannot be reached" in str(mapped), mapped
