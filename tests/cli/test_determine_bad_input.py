"""Every `clearance determine` mode on bad input: one clear line and exit 2 (`--order`, `--scenarios`, the
single-order options), or a CANNOT_CLEAR result for that line under its own id while the rest of the batch
goes on (`--orders`). Any traceback fails the test."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from clearance.cli.main import app
from clearance.errors import ClearanceError
from clearance.workflows import order_files

GOOD: dict[str, Any] = {"id": "PO-1", "date": "2021-06-01", "route": {"to": "CN"},
                        "item": {"eccn": "3A991", "origin": "US"},
                        "parties": [{"role": "end_user", "name": "Acme Co.", "listings": []}]}


@dataclass
class Result:
    code: int
    out: str
    err: str


def run(*args: str, stdin: bytes | None = None) -> Result:
    """The command as `clearance` runs it: a ClearanceError is one line `error: ...` and exit 2; anything
    else escaping the command is a traceback, and fails the test."""
    result = CliRunner().invoke(app, ["determine", *args], input=stdin)
    exc = result.exception
    if exc is not None and not isinstance(exc, SystemExit):
        if isinstance(exc, ClearanceError):
            return Result(exc.exit_code, result.stdout, f"error: {exc}\n")
        pytest.fail("traceback:\n" + "".join(traceback.format_exception(exc)))
    return Result(result.exit_code, result.stdout, result.stderr)


def _one_error_line(r: Result, *words: str) -> str:
    assert r.code == 2, (r.out, r.err)
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), r.err
    assert "Traceback" not in r.err + r.out
    for w in words:
        assert w in lines[0], (w, lines[0])
    return lines[0]


# ---- orders with a bad field: every mode ---------------------------------------------------------------------


def _with(changes: dict[str, Any]) -> str:
    out = json.loads(json.dumps(GOOD))
    for key, value in changes.items():
        target = out
        *path, last = key.split(".")
        for part in path:
            target = target[part]
        target[last] = value
    return json.dumps(out)


# (case, order text, the field the error names, words of the message)
BAD_ORDERS: list[tuple[str, str, str | None, str]] = [
    ("route-string", _with({"route": "CN"}), "route", "must be a mapping"),
    ("facts-string", _with({"facts": "military_end_use"}), "facts", "must be a list"),
    ("unknown-fact", _with({"facts": ["military_use"]}), "facts[0]", "valid: military_end_use"),
    ("owner-no-pct", _with({"parties": [{"role": "end_user", "name": "X", "ownership": [{"owner": "X"}]}]}),
     "parties[0].ownership[0].pct", "required"),
    ("us-inputs-string", _with({"item.us_inputs": "abc"}), "item.us_inputs", "must be a list"),
    ("knowledge-string", _with({"knowledge": "military end use"}), "knowledge", "must be a list"),
    ("parties-string", _with({"parties": "Acme"}), "parties", "must be a list"),
    ("party-string", _with({"parties": ["Acme"]}), "parties[0]", "each party must be a mapping"),
    ("listings-string", _with({"parties": [{"role": "end_user", "name": "X", "listings": "entity_list"}]}),
     "parties[0].listings", "must be a list"),
    ("item-string", _with({"item": "3A991"}), "item", "must be a mapping"),
    ("fdp-string", _with({"item.fdp_facts": "yes"}), "item.fdp_facts", "must be a mapping"),
    ("content-string", _with({"item.us_controlled_content": "30%"}), "item.us_controlled_content",
     "must be a mapping"),
    ("licence-string", _with({"licence_state": "revoked"}), "licence_state", "must be a mapping"),
    ("role-unknown", _with({"parties": [{"role": "buyer", "name": "X"}]}), "parties[0].role", "valid: purchaser"),
    ("unknown-field", _with({"knowlege": ["military"]}), "knowlege", "valid: id, date"),
    ("date-number", _with({"date": 20210601}), "date", "not a date"),
    ("bool-string", _with({"item.fdp_facts": {"plant_tech_us_origin": "yes"}}),
     "item.fdp_facts.plant_tech_us_origin", "true or false"),
    ("total-zero", _with({"item.us_controlled_content": {"value": 0, "total": 0}}),
     "item.us_controlled_content.total", "more than 0"),
    ("total-negative", _with({"item.us_controlled_content": {"value": 10, "total": -100}}),
     "item.us_controlled_content.total", "0 or more"),
    ("value-text-exponent", _with({"item.value": "1e1000000000"}), "item.value", "not a number"),
    ("value-huge-int", _with({"item.value": 1}).replace('"value": 1', '"value": ' + "9" * 5000), "item.value",
     "5,000 characters"),
    ("value-1e400", _with({"item.value": 1}).replace('"value": 1', '"value": 1.0e400'), "item.value", ""),
    ("value-nan-text", _with({"item.value": "nan"}), "item.value", "not a number"),
    ("description-180kb", _with({"item.description": "existing handset " * 10_600}), "item.description",
     "at most 20,000"),
    ("no-destination", _with({"route": {"from": "US"}}), None, "no destination"),
    ("country-unknown", _with({"route": {"to": "Atlantis"}}), "route.to", "Atlantis"),
]


@pytest.mark.parametrize(("case", "text", "field", "words"), BAD_ORDERS, ids=[c[0] for c in BAD_ORDERS])
def test_bad_order_every_mode(tmp_path: Path, case: str, text: str, field: str | None, words: str) -> None:
    start = time.perf_counter()
    where = f", field {field!r}" if field else ""
    for suffix in (".json", ".yaml"):  # a JSON text is also a YAML flow mapping
        path = tmp_path / f"order{suffix}"
        path.write_text(text, encoding="utf-8")
        _one_error_line(run("--order", str(path), "--listings", "none-found"), f"{path}:1{where}", words)
    _one_error_line(run("--order", "-", "--listings", "none-found", stdin=text.encode()), where, words)

    scenarios = tmp_path / "scenarios.yaml"
    scenarios.write_text(f"schema_version: 1\nscenarios:\n- {json.dumps(GOOD)}\n- {text}\n", encoding="utf-8")
    _one_error_line(run("--scenarios", str(scenarios), "--listings", "none-found"), f"{scenarios}:4{where}", words)

    batch = tmp_path / "orders.jsonl"
    bad_line = text.replace('"id": "PO-1"', '"id": "PO-BAD"', 1)  # textually: keep raw number texts as they are
    batch.write_text("\n".join([json.dumps(GOOD), bad_line, json.dumps({**GOOD, "id": "PO-3"})]) + "\n",
                     encoding="utf-8")
    for source, stdin in ((str(batch), None), ("-", batch.read_bytes())):
        r = run("--orders", source, "--listings", "none-found", stdin=stdin)
        assert r.code == 0 and "Traceback" not in r.err, r.err
        results = [json.loads(x) for x in r.out.splitlines()]
        assert [(x["line"], x["id"]) for x in results] == [(1, "PO-1"), (2, "PO-BAD"), (3, "PO-3")]
        assert results[0]["outcome"] == results[2]["outcome"] != "CANNOT_CLEAR"
        assert results[1]["outcome"] == "CANNOT_CLEAR"
        reason = results[1]["reasons"][0]
        assert reason.startswith(f"{source}:2{where}") and words in reason, reason
    assert time.perf_counter() - start < 20  # generous: in particular the 180 KB description is not scanned slowly


# ---- files that cannot be read -------------------------------------------------------------------------------

BAD_FILES: list[tuple[str, str, bytes, str]] = [
    ("empty", ".yaml", b"", "empty"),
    ("blank", ".json", b"  \n", "empty"),
    ("bad-yaml", ".yaml", b"id: A\nitem: [1, 2\n", "invalid YAML"),
    ("bad-json", ".json", b'{"id": "A",\n "item": }', "not JSON"),
    ("duplicate-json-key", ".json", b'{"id": "A",\n "date": "2021-06-01",\n "date": "2021-06-02"}',
     "duplicate key 'date'"),
    ("duplicate-yaml-key", ".yaml", b"id: A\ndate: 2021-06-01\ndate: 2021-06-02\n", "duplicate key 'date'"),
    ("invalid-utf8", ".yaml", b"id: A\nitem: {description: caf\xe9}\n", "not UTF-8"),
    ("utf16", ".json", json.dumps(GOOD).encode("utf-16"), "UTF-16"),
    ("nul-bytes", ".yaml", b"id: A\x00\n", "NUL byte"),
    ("deep-json", ".json", b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ("deep-yaml", ".yaml", b"a: " + b"[" * 5_000 + b"]" * 5_000, ""),
    ("json-nan", ".json", _with({"item.value": 1}).replace('"value": 1', '"value": NaN').encode(), "NaN"),
    ("not-a-mapping", ".json", b"[1, 2]", "must be a mapping"),
    ("scalar", ".yaml", b"just text\n", "must be a mapping"),
]


@pytest.mark.parametrize(("case", "suffix", "data", "words"), BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_unreadable_files_order_and_scenarios(tmp_path: Path, case: str, suffix: str, data: bytes,
                                              words: str) -> None:
    path = tmp_path / f"{case}{suffix}"
    path.write_bytes(data)
    _one_error_line(run("--order", str(path), "--listings", "none-found"), str(path), words)
    expected = "expected a 'scenarios' list" if case in ("scalar",) else words
    _one_error_line(run("--scenarios", str(path), "--listings", "none-found"), str(path), expected)


@pytest.mark.parametrize("args", [["--order"], ["--scenarios"], ["--orders"]])
def test_missing_and_folder_and_oversized(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]) -> None:
    _one_error_line(run(*args, str(tmp_path / "nope.yaml")), "nope.yaml", "file not found")
    _one_error_line(run(*args, str(tmp_path)), str(tmp_path), "is a folder")
    big = tmp_path / "big.yaml"
    big.write_text("id: A\n" + "# filler\n" * 200, encoding="utf-8")
    monkeypatch.setattr(order_files, "MAX_FILE_BYTES", 1000)
    if args != ["--orders"]:
        _one_error_line(run(*args, str(big)), "big.yaml", "too large")


def test_batch_files_that_cannot_be_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    _one_error_line(run("--orders", str(empty)), "empty.jsonl", "holds no orders")
    utf16 = tmp_path / "u16.jsonl"
    utf16.write_bytes(json.dumps(GOOD).encode("utf-16"))
    _one_error_line(run("--orders", str(utf16)), "u16.jsonl:1", "UTF-16")
    # Lines that are bad each on their own: one CANNOT_CLEAR each, the good lines answered.
    monkeypatch.setattr(order_files, "MAX_LINE_BYTES", 5000)
    lines = [json.dumps(GOOD).encode(), b'{"id": "X2", "item": \xff}', b'{"id": "X3"\x00}', b"{not json",
             b'{"id": "X5", "id": "X6"}', b"[1, 2]", b"x" * 20_000, b'{"id": "X8", "item": ' + b"[" * 4_000,
             json.dumps({**GOOD, "id": "PO-9"}).encode()]
    batch = tmp_path / "mixed.jsonl"
    batch.write_bytes(b"\n".join(lines) + b"\n")
    r = run("--orders", str(batch), "--listings", "none-found")
    assert r.code == 0 and "Traceback" not in r.err
    results = [json.loads(x) for x in r.out.splitlines()]
    assert [x["line"] for x in results] == list(range(1, 10))
    assert [x["outcome"] == "CANNOT_CLEAR" for x in results] == [False, *[True] * 7, False]
    reasons = [x["reasons"][0] for x in results[1:8]]
    for n, (reason, words) in enumerate(zip(reasons, ["not UTF-8", "NUL byte", "not JSON", "duplicate key 'id'",
                                                      "an order must be a mapping", "line too long",
                                                      "nested too deeply"], strict=True), 2):
        assert reason.startswith(f"{batch}:{n}") and words in reason, reason
    assert [x["id"] for x in results] == ["PO-1", *[f"line {n}" for n in range(2, 9)], "PO-9"]


# ---- the single-order options ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("args", "words"), [
    (["--value", "nan"], "finite"),
    (["--value", "inf"], "finite"),
    (["--value", "1e400"], "finite"),
    (["--value", "-5"], "0 or more"),
    (["--fact", "military"], "military_end_use"),
    (["--date", "2021-13-01"], "YYYY-MM-DD"),
    (["--transaction", "sell"], "reexport"),
    (["--origin", "Atlantis"], "--origin"),
    (["--listings", "some"], "none-found"),
])
def test_single_order_options(args: list[str], words: str) -> None:
    base = ["--eccn", "3A991", "--to", "CN", "--end-user", "Acme", "--listings", "none-found"]
    _one_error_line(run(*base, *args), words)


@pytest.mark.parametrize(("case", "data", "words"), [
    ("missing", None, "file not found"),
    ("not-utf8", b"\xff\xfeoverlay: true\n", "not UTF-8"),
    ("nul", b"overlay: true\n\x00", "NUL byte"),
    ("bad-yaml", b"overlay: [\n", "invalid YAML"),
    ("unknown-key", b"overlay: true\nparamters: {}\n", "unknown key 'paramters'"),
])
def test_bad_overlay_file(tmp_path: Path, case: str, data: bytes | None, words: str) -> None:
    path = tmp_path / f"{case}.yaml"
    if data is not None:
        path.write_bytes(data)
    base = ["--eccn", "3A991", "--to", "CN", "--end-user", "Acme", "--listings", "none-found"]
    _one_error_line(run(*base, "--overlay", str(path)), str(path), words)


# ---- and as a real process: no traceback reaches the terminal ---------------------------------------------------


def test_real_process_prints_no_traceback(tmp_path: Path) -> None:
    batch = tmp_path / "orders.jsonl"
    batch.write_text("\n".join([json.dumps(GOOD), BAD_ORDERS[0][1], "{", _with({"item.value": "1e1000000000"})])
                     + "\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "clearance.cli.main", "determine", "--listings", "none-found"]
    done = subprocess.run([*cmd, "--orders", str(batch)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert [json.loads(x)["outcome"] for x in done.stdout.splitlines()][1:] == ["CANNOT_CLEAR"] * 3
    done = subprocess.run([*cmd, "--order", str(tmp_path / "missing.yaml")], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 2 and done.stderr == f"error: {tmp_path / 'missing.yaml'}: file not found\n"


def test_orders_batch_that_fails_midway_leaves_no_output_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import clearance.cli.determine as cli_determine

    good = json.dumps({"id": "A", "date": "2024-01-01", "route": {"to": "DE"},
                       "item": {"eccn": "EAR99", "origin": "US"},
                       "parties": [{"role": "end_user", "name": "Acme GmbH"}]})
    src = tmp_path / "orders.jsonl"
    src.write_text((good + "\n") * 5, encoding="utf-8")
    out = tmp_path / "results.jsonl"
    real = cli_determine.determine_order_lines

    def interrupted(*args: Any, **kwargs: Any) -> Any:
        for i, result in enumerate(real(*args, **kwargs)):
            if i == 2:
                raise KeyboardInterrupt  # Ctrl-C in the middle of the batch
            yield result

    monkeypatch.setattr(cli_determine, "determine_order_lines", interrupted)
    result = CliRunner().invoke(app, ["determine", "--orders", str(src), "--out", str(out), "--listings", "none-found"])
    assert result.exit_code != 0
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name not in ("orders.jsonl",)]
    monkeypatch.setattr(cli_determine, "determine_order_lines", real)
    result = CliRunner().invoke(app, ["determine", "--orders", str(src), "--out", str(out), "--listings", "none-found"])
    assert result.exit_code == 0 and len(out.read_text(encoding="utf-8").splitlines()) == 5
