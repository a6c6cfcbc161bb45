"""Determinations screen parties against the MIEU list (§ 744.22(f)(2)) whenever a version is loaded; its age is
judged against the regulation text in the rule data (744.22.organisations), not by days."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from clearance.model.determination import Item, Outcome, Party, Request, Role
from clearance.model.regulation import RuleSet
from clearance.rules import load_rules
from clearance.settings import Settings
from clearance.store import Store
from clearance.workflows.determination import PartyScreener
from clearance.workflows.lists import load_paths

DAY = dt.date(2025, 11, 20)  # 12 days after the Entity List file; the MIEU file's last listing is 2022-03-02
OLD_LISTS_OK = {"dpl": 1200, "meu": 1200, "uvl": 1200}


def _db(tmp: Path, mieu_dir: Path, data_dir: Path) -> Path:
    path = tmp / "lists.db"
    with Store.open(f"sqlite:///{path}") as st:
        outcomes = load_paths(st, [data_dir / "us_bis"], only=("el", "dpl", "meu", "uvl"))
        outcomes += load_paths(st, [mieu_dir], only=("mieu",))
    assert all(o.ok for o in outcomes), [o.error for o in outcomes if not o.ok]
    return path


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    tmp = tmp_path_factory.mktemp("mieu")
    (tmp / "m").mkdir()
    shutil.copy(data_dir / "us_bis" / "mieu_opensanctions.csv", tmp / "m")
    return _db(tmp, tmp / "m", data_dir)


def _screener(db: Path) -> Iterator[PartyScreener]:
    with PartyScreener.open(Settings(db=str(db), snapshot=False, max_age_overrides=OLD_LISTS_OK)) as s:
        yield s


def _order(name: str, country: str, to: str | None = None) -> Request:
    return Request(date=DAY, item=Item(eccn="EAR99", origin="US"), to_country=to or country,
                   parties=(Party(Role.END_USER, name, country),), id=name)


def test_spelling_of_an_f2_organisation_found_by_screening_the_mieu_list(full: Path, rules: RuleSet) -> None:
    for s in _screener(full):
        # British spelling and a location outside Iran: (f)(2) organisations count wherever located
        d, _ = s.determine(_order("IRGC Intelligence Organisation", "IQ"), rules)
        assert d.outcome is Outcome.LICENSE_REQUIRED
        assert [b.code for b in d.bases] == ["MIEU"] and "744.22(f)(2)(v)" in d.bases[0].cite
        assert any(c.code == "mieu" for c in d.lists_consulted)
        plain, _ = s.determine(_order("Acme Pumpen GmbH", "DE"), rules)
        assert plain.outcome is Outcome.NO_LICENSE_REQUIRED


def test_a_mieu_version_missing_an_organisation_the_text_names_cannot_clear(
        tmp_path: Path, data_dir: Path, rules: RuleSet) -> None:
    rows = (data_dir / "us_bis" / "mieu_opensanctions.csv").read_text(encoding="utf-8").splitlines()
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "mieu_opensanctions.csv").write_text("\n".join(rows[:4]) + "\n", encoding="utf-8")
    for s in _screener(_db(tmp_path, tmp_path / "m", data_dir)):
        d, _ = s.determine(_order("Acme Pumpen GmbH", "DE"), rules)
        assert d.outcome is Outcome.CANNOT_CLEAR
        assert "does not name every organisation" in d.reasons[0] and "Reconnaissance General Bureau" in d.reasons[0]
