"""A user's alias table: validation errors name file, line and field; loading through the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clearance.cli.main import app
from clearance.errors import DataError
from clearance.settings import get_settings
from clearance.sources.aliases import read_table
from clearance.store import Store
from clearance.store.aliases import tables, user_rows

runner = CliRunner()
HEADER = "list,entry_key,alias,script,source\n"
# The Entity List entry of Hangzhou Hikvision (the entry id is derived from the row, stable across loads).
HIKVISION = "el,{key},杭州海康威视数字技术股份有限公司,Han,https://www.hikvision.com/cn/\n"


def write(tmp_path: Path, text: str, name: str = "mine.csv") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize(("body", "line", "field", "message"), [
    ("el,el-1,华为,Cyrillic,x\n", 2, "script", "does not match"),
    ("el,,华为,Han,x\n", 2, "entry_key", "empty value"),
    ("el,el-1,华为,Han\n", 2, None, "4 fields"),
    ("el,el-1,华为,Han,x\nel,el-1,华为,Han,y\n", 3, "alias", "twice"),
])
def test_bad_rows_name_line_and_field(tmp_path: Path, body: str, line: int, field: str | None, message: str) -> None:
    path = write(tmp_path, HEADER + body)
    with pytest.raises(DataError) as err:
        read_table(path)
    assert err.value.line == line and err.value.field == field
    assert message in str(err.value) and str(path) in str(err.value)


def test_missing_column_and_comments(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="missing column"):
        read_table(write(tmp_path, "list,entry_key,alias,script\nel,e,x,Latin\n"))
    rows = read_table(write(tmp_path, "# my table\n" + HEADER + "sdn,123,ООО Ромашка,Cyrillic,registry\n"))
    assert [(r.list_code, r.entry_key, r.script) for r in rows] == [("sdn", "123", "Cyrillic")]


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "cli.db"
    monkeypatch.setenv("CLEARANCE_DB", str(path))
    get_settings.cache_clear()
    yield path
    get_settings.cache_clear()


def _hikvision_key(db: Path) -> str:
    with Store.open(str(db)) as st:
        el = st.active()["el"]
        for e in st.entities(el.version_id):
            if e.name.startswith("Hangzhou Hikvision Digital Technology"):
                return e.entry_id
    raise AssertionError("Hikvision is not on the loaded Entity List")


def test_cli_loads_a_table_replaces_it_and_refuses_an_unknown_entry(db: Path, data_dir: Path, tmp_path: Path) -> None:
    assert runner.invoke(app, ["lists", "load", str(data_dir / "us_bis" / "entity_list_2025-11-08.csv")]).exit_code == 0
    key = _hikvision_key(db)
    good = write(tmp_path, HEADER + HIKVISION.format(key=key))
    result = runner.invoke(app, ["lists", "aliases", "load", str(good)])
    assert result.exit_code == 0, result.output
    assert "added: 1 aliases" in result.output
    result = runner.invoke(app, ["lists", "aliases", "load", str(good)])
    assert "replaced" in result.output
    # an entry key that is on no loaded list: exit 2, file/line/field, nothing stored
    bad = write(tmp_path, HEADER + HIKVISION.format(key=key) + "el,el-000000000000,某公司,Han,x\n", "mine.csv")
    result = runner.invoke(app, ["lists", "aliases", "load", str(bad)])
    assert isinstance(result.exception, DataError)  # main() turns it into one line and exit code 2
    assert f"{bad}:3" in str(result.exception) and "entry_key" in str(result.exception)
    with Store.open(str(db)) as st:
        assert tables(st) == {"mine.csv": 1}
        assert [r.alias for r in user_rows(st)] == ["杭州海康威视数字技术股份有限公司"]


def test_cli_bad_file_exits_2_with_one_line(db: Path, tmp_path: Path) -> None:
    bad = write(tmp_path, HEADER + "el,el-1,华为,Cyrillic,x\n")
    env = {**os.environ, "CLEARANCE_DB": str(db)}
    proc = subprocess.run([sys.executable, "-m", "clearance.cli.main", "lists", "aliases", "load", str(bad)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert f"{bad}:2, field 'script'" in proc.stderr and "Traceback" not in proc.stderr
    assert not db.exists()  # validated before the store is opened: nothing written
