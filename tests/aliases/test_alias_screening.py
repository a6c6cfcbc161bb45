"""Screening finds listed parties by the names of the alias tables (shipped and a user's own)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clearance.cli.main import app
from clearance.model.entity import Entity
from clearance.screening.index import ScreeningIndex, build_index
from clearance.screening.model import Decision, Query
from clearance.screening.screen import screen
from clearance.settings import get_settings
from clearance.sources import entity_list, ofac
from clearance.sources.aliases import shipped

runner = CliRunner()


@pytest.fixture(scope="module")
def el(data_dir: Path) -> list[Entity]:
    return [e for pl in entity_list.PARSER.parse((data_dir / "us_bis" / "entity_list_2025-11-08.csv",))
            for e in pl.entities]


@pytest.fixture(scope="module")
def with_aliases(el: list[Entity]) -> ScreeningIndex:
    return build_index(el, aliases=[r.extra_name() for r in shipped()])


@pytest.fixture(scope="module")
def without_aliases(el: list[Entity]) -> ScreeningIndex:
    return build_index(el)


# Chinese registered names whose English list name is a brand or a translation, not their pinyin.
CASES = [
    ("杭州海康威视数字技术股份有限公司", "Hangzhou Hikvision Digital Technology"),
    ("中芯国际集成电路制造有限公司", "Semiconductor Manufacturing International Corporation"),
    ("电子科技大学", "University of Electronic Science and Technology of China"),
    ("科大讯飞股份有限公司", "IFLYTEK"),
    ("西北工业大学", "Northwestern Polytechnical University"),
    ("长江存储科技有限责任公司", "Yangtze Memory Technologies"),
    ("北京市商汤科技开发有限公司", "Beijing Sensetime Technology Development"),
]


@pytest.mark.parametrize(("chinese", "english"), CASES)
def test_a_chinese_registered_name_finds_its_entity_list_entry(
    with_aliases: ScreeningIndex, without_aliases: ScreeningIndex, chinese: str, english: str
) -> None:
    result = screen(Query(chinese), with_aliases)
    assert result.decision is Decision.HIT
    top = result.hits[0]
    assert top.list_code == "el" and top.name.startswith(english), top
    assert any(f.name == "alias_source" and f.detail.startswith("matched alias from ") for f in top.explanation)
    # the lists alone do not carry the name: without the table the party is not found as a HIT, unless the list
    # itself carries the name's pinyin (YMTC's listed alias 'Changjiang Cunchu', read from 长江存储 since session 11)
    plain = screen(Query(chinese), without_aliases)
    found = [h for h in plain.hits if h.decision is Decision.HIT and h.name.startswith(english)]
    assert all(h.matched_name in LISTED_PINYIN for h in found), found


LISTED_PINYIN = {"Changjiang Cunchu"}  # the Entity List's own pinyin a.k.a. of Yangtze Memory Technologies


@pytest.fixture
def el_db(tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "cli.db"
    monkeypatch.setenv("CLEARANCE_DB", str(path))
    monkeypatch.setenv("CLEARANCE_MAX_AGE_DAYS", "100000")
    get_settings.cache_clear()
    result = runner.invoke(app, ["lists", "load", str(data_dir / "us_bis" / "entity_list_2025-11-08.csv")])
    assert result.exit_code == 0, result.output
    yield path
    get_settings.cache_clear()


def test_screen_command_uses_the_shipped_and_the_users_tables(el_db: Path, el: list[Entity], tmp_path: Path) -> None:
    result = runner.invoke(app, ["screen", "华为技术有限公司", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["decision"] == "HIT" and data["hits"][0]["name"].startswith("Huawei Technologies")
    # a user's own alias (a made-up trading name) is found after `lists aliases load`, and explained as such
    wingtech = next(e for e in el if e.name.startswith("Wingtech Technology"))
    table = tmp_path / "ours.csv"
    table.write_text("list,entry_key,alias,script,source\n"
                     f"el,{wingtech.entry_id},Quorvantis Handset Works,Latin,our vendor file 2026-11\n",
                     encoding="utf-8")
    before = json.loads(runner.invoke(app, ["screen", "Quorvantis Handset Works", "--json"]).output)
    assert before["decision"] != "HIT"
    assert runner.invoke(app, ["lists", "aliases", "load", str(table)]).exit_code == 0
    after = json.loads(runner.invoke(app, ["screen", "Quorvantis Handset Works", "--json"]).output)
    assert after["decision"] == "HIT" and after["hits"][0]["entry_id"] == wingtech.entry_id
    assert "matched alias from our vendor file 2026-11" in json.dumps(after["hits"][0]["explanation"],
                                                                       ensure_ascii=False)
    assert os.path.exists(el_db)


def test_a_renamed_sdn_party_is_found_by_its_new_name(data_dir: Path) -> None:
    """Tinkoff Bank (SDN 44259) has been T-Bank since June 2024; the SDN file of 2024-05-03 does not say so, the EU
    list does: through the shipped table 'JSC T-Bank' is a HIT on the entry, explained as an alias."""
    d = data_dir / "us_ofac"
    sdn = [e for pl in ofac.PARSER.parse((d / "sdn_2024-05-03.csv", d / "add_2025-12-24.csv",
                                           d / "alt_2025-12-24.csv", d / "sdn_comments_2025-12-24.csv"))
           for e in pl.entities]
    rows = [r.extra_name() for r in shipped() if r.list_code == "sdn"]
    for query in ("JSC T-Bank", "T-Bank"):
        without = screen(Query(query), build_index(sdn), today=None)  # type: ignore[arg-type]
        assert not any(h.entry_id == "44259" and h.decision is Decision.HIT for h in without.hits), query
        r = screen(Query(query), build_index(sdn, aliases=rows), today=None)  # type: ignore[arg-type]
        hit = next(h for h in r.hits if h.entry_id == "44259")
        assert hit.decision is Decision.HIT, query
