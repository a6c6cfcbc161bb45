"""Every CLI command on a corpus of hostile inputs: never a traceback, never an internal error.

Each command that reads a file (or a database path) is given: a missing file, an empty file, a folder,
binary garbage, bad UTF-8 and a huge field. The exit code must be 0, 1 or 2 and the output must not
contain a traceback or the boundary's "internal error" line.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

CLI = Callable[..., Any]


def corpus(root: Path) -> dict[str, Path]:
    root.mkdir(parents=True, exist_ok=True)
    files = {
        "missing": root / "does-not-exist.csv",
        "empty": root / "empty.csv",
        "folder": root / "a-folder",
        "garbage": root / "garbage.csv",
        "bad_utf8": root / "bad-utf8.csv",
        "huge_field": root / "huge.csv",
        "garbage_jsonl": root / "garbage.jsonl",
        "garbage_parquet": root / "garbage.parquet",
        "nested_jsonl": root / "nested.jsonl",
    }
    files["empty"].write_bytes(b"")
    files["folder"].mkdir(exist_ok=True)
    files["garbage"].write_bytes(bytes(range(256)) * 64 + os.urandom(2048))
    files["bad_utf8"].write_bytes(b"name,name1,name2\n\xc3\x28\xa0\xa1,\xff,\xfe\n")
    files["huge_field"].write_bytes(b"name,name1,name2\n\"" + b"A" * 300_000 + b"\",b,c\n")
    files["garbage_jsonl"].write_bytes(b'{"name": "x"}\n{"name": \n\x00\x01{[}\n')
    files["garbage_parquet"].write_bytes(b"PAR1" + os.urandom(512) + b"PAR1")
    files["nested_jsonl"].write_bytes(b'{"name": ' + b"[" * 50_000 + b"]" * 50_000 + b"}\n")
    return files


def commands(path: str, out: str) -> list[list[str]]:
    return [
        ["screen", "--file", path, "--out", out],
        ["screen", "--file", path],
        ["screen", "Acme", "--out", path],
        ["compare", "--pairs", path, "--out", out],
        ["compare", "--pairs", path],
        ["lists", "load", "--from", path],
        ["lists", "load", path, "--only", "el"],
        ["--db", path, "lists", "show"],
        ["--db", path, "lists", "versions"],
        ["--db", path, "screen", "Acme"],
        ["--db", path, "lists", "diff", "el", "el-1", "el-2"],
        ["--db", path, "lists", "entity", "el-x"],
        ["determine", "--scenarios", path],
        ["determine", "--eccn", "EAR99", "--to", "DE", "--overlay", path],
        ["determine", "--order", path],
        ["determine", "--orders", path],
        ["determine", "--orders", path, "--out", out],
        ["determine", "--eccn", "EAR99", "--to", "DE", "--end-user", "Acme", "--orders", path, "--out", path],
        ["--db", path, "lists", "activate", "el-1"],
        ["--db", path, "determine", "--eccn", "EAR99", "--to", "DE", "--end-user", "Acme"],
        ["--db", path, "rules", "show", "744.11"],
    ]


@pytest.mark.parametrize("kind", ["missing", "empty", "folder", "garbage", "bad_utf8", "huge_field",
                                  "garbage_jsonl", "garbage_parquet", "nested_jsonl"])
def test_no_traceback_on_hostile_input(cli: CLI, el_db: Path, tmp_path: Path, kind: str) -> None:
    path = corpus(tmp_path / "corpus")[kind]
    for args in commands(str(path), str(tmp_path / "out.jsonl")):
        ran = cli(*args)
        assert "Traceback" not in ran.text, (args, ran.text[-2000:])
        assert "internal error" not in ran.text, (args, ran.err)
        assert ran.code in (0, 1, 2), (args, ran.code, ran.text[-2000:])
        if ran.code == 2:
            assert [line for line in ran.err.splitlines() if line.startswith("error:")], (args, ran.err)
