"""Determinations whose parties are screened against the real loaded lists (Entity List 2025-11-08,
Denied Persons, MEU and Unverified lists of 2023-11-30), on SQLite."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator
from fractions import Fraction
from functools import partial
from pathlib import Path

import pytest

from clearance.model.determination import Item, Outcome, Owner, Party, Request, Role
from clearance.model.regulation import RuleSet
from clearance.rules import RuleCache, load_rules
from clearance.settings import Settings
from clearance.store import Store
from clearance.workflows.determination import PartyScreener, determine_order_lines, read_order_lines
from clearance.workflows.lists import load_paths

DAY = dt.date(2025, 11, 20)  # 12 days after the Entity List file
OLD_LISTS_OK = {"dpl": 1200, "meu": 1200, "uvl": 1200}  # the 2023 files of the other lists, accepted explicitly


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    path = tmp_path_factory.mktemp("det") / "lists.db"
    with Store.open(f"sqlite:///{path}") as st:
        outcomes = load_paths(st, [data_dir / "us_bis"], only=("el", "dpl", "meu", "uvl"))
    assert all(o.ok for o in outcomes), [o.error for o in outcomes if not o.ok]
    return path


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


def _screener(db: Path, **overrides: int) -> Iterator[PartyScreener]:
    settings = Settings(db=str(db), snapshot=False, max_age_overrides={**OLD_LISTS_OK, **overrides})
    with PartyScreener.open(settings) as s:
        yield s


@pytest.fixture
def screener(db: Path) -> Iterator[PartyScreener]:
    yield from _screener(db)


def _order(name: str, day: dt.date = DAY, *, eccn: str = "EAR99", to: str = "CN",
           listings: tuple[str, ...] | None = None) -> Request:
    return Request(date=day, item=Item(eccn=eccn, origin="US"), to_country=to,
                   parties=(Party(Role.END_USER, name, listings=listings),), id=name)


def test_listed_university_gets_its_entry_terms_and_the_hit_is_explained(screener: PartyScreener,
                                                                        rules: RuleSet) -> None:
    d, record = screener.determine(_order("Sichuan University"), rules)
    assert d.outcome is Outcome.LICENSE_REQUIRED
    (basis,) = d.bases
    assert basis.code == "EL" and basis.policy == "case-by-case basis" and "'Sichuan University'" in basis.cite
    (s,) = record
    assert s.decision == "HIT" and s.hits[0].list_code == "el" and s.hits[0].name == "Sichuan University"
    assert s.list_versions["el"].startswith("el-")
    assert any("Sichuan University" in n and "el-" in n and "clearance-name@" in n for n in d.notes)


def test_variant_spelling_still_finds_the_entry(screener: PartyScreener, rules: RuleSet) -> None:
    d, _ = screener.determine(_order("Nanjing Univ. of Science & Technology"), rules)
    assert d.outcome is Outcome.LICENSE_REQUIRED
    assert "Nanjing University of Science and Technology" in d.bases[0].cite


def test_unlisted_party_clears_and_says_it_was_screened(screener: PartyScreener, rules: RuleSet) -> None:
    d, record = screener.determine(_order("Acme Pumpen GmbH", to="DE"), rules)
    assert d.outcome is Outcome.NO_LICENSE_REQUIRED and not d.bases
    assert record[0].decision == "CLEAR"


def test_possible_match_cannot_clear(screener: PartyScreener, rules: RuleSet) -> None:
    d, record = screener.determine(_order("Peking University"), rules)
    assert record[0].decision == "POSSIBLE"
    assert d.outcome is Outcome.CANNOT_CLEAR
    assert "possible match" in d.reasons[0] and "Peking University" in d.reasons[0]


def test_denied_person_is_prohibited(screener: PartyScreener, rules: RuleSet) -> None:
    d, record = screener.determine(_order("Aaron Abraham Villa", to="MX"), rules)
    assert d.outcome is Outcome.PROHIBITED and d.license_required is True
    dpl = [b for b in d.bases if b.code == "DPL"]
    assert dpl and "736.2(b)(4)" in dpl[0].cite and "Denied Persons List" in dpl[0].cite
    assert dpl[0].party == "Aaron Abraham Villa" and record[0].decision == "HIT"


def test_stale_list_on_the_date_cannot_clear(db: Path, rules: RuleSet) -> None:
    for s in _screener(db, el=5):  # the Entity List file is 12 days old on DAY
        d, _ = s.determine(_order("Acme Pumpen GmbH", to="DE"), rules)
        assert d.outcome is Outcome.CANNOT_CLEAR
        assert "stale list" in d.reasons[0] and "el-" in d.reasons[0]


def test_date_before_the_loaded_data_cannot_clear(screener: PartyScreener, rules: RuleSet) -> None:
    d, _ = screener.determine(_order("Acme Pumpen GmbH", dt.date(2025, 6, 1), to="DE"), rules)
    assert d.outcome is Outcome.CANNOT_CLEAR
    assert "describes 2025-11-08, after 2025-06-01" in d.reasons[0]


def test_dated_huawei_data_needs_no_store_given_listings_are_cross_checked(tmp_path: Path, rules: RuleSet) -> None:
    settings = Settings(db=str(tmp_path / "empty.db"), snapshot=False)
    with PartyScreener.open(settings) as s:
        d, record = s.determine(_order("Huawei Technologies Co., Ltd.", dt.date(2019, 6, 1), eccn="3A991"), rules)
        assert d.outcome is Outcome.LICENSE_REQUIRED and d.review_policy == "presumption of denial"
        assert record == [] and not (tmp_path / "empty.db").exists()  # the dated rule data answered
        d2, record2 = s.determine(_order("Acme Pumpen GmbH", to="DE", listings=()), rules)
    # Given as not listed; no list is loaded to cross-check against, so the order's word stands, with a note.
    assert d2.outcome is Outcome.NO_LICENSE_REQUIRED
    assert record2[0].decision == "CANNOT_CLEAR" and any("no version of list" in r for r in record2[0].reasons)
    assert any("Acme Pumpen GmbH" in n and "CANNOT_CLEAR" in n for n in d2.notes)


def test_missing_list_cannot_clear(tmp_path: Path, data_dir: Path, rules: RuleSet) -> None:
    path = tmp_path / "el-only.db"
    with Store.open(f"sqlite:///{path}") as st:
        load_paths(st, [data_dir / "us_bis"], only=("el",))
    for s in _screener(path):
        d, _ = s.determine(_order("Acme Pumpen GmbH", to="DE"), rules)
        assert d.outcome is Outcome.CANNOT_CLEAR
        assert "no version of list dpl is loaded" in d.reasons[0]


def test_order_lines_one_result_per_line_bad_lines_named(screener: PartyScreener, rules: RuleSet,
                                                         tmp_path: Path) -> None:
    path = tmp_path / "orders.jsonl"
    good = {"id": "PO-1", "date": "2025-11-20", "route": {"to": "CN"}, "item": {"eccn": "EAR99", "origin": "US"},
            "parties": [{"role": "end_user", "name": "Sichuan University"}]}
    path.write_text("\n".join([
        json.dumps(good),
        "{not json",
        "",
        json.dumps({**good, "id": "PO-3", "route": {"to": "Atlantis"}}),
        json.dumps({**good, "id": "PO-4", "parties": [{"role": "end_user", "name": "Acme Pumpen GmbH"}],
                    "route": {"to": "DE"}}),
        json.dumps({**good, "id": "PO-5", "parties": ["OOO Geomiragro"]}),
        json.dumps({**good, "id": "PO-6", "parties": [{"role": "end_user", "name": "X", "listings": "entity_list"}]}),
    ]) + "\n", encoding="utf-8")
    out = list(determine_order_lines(read_order_lines(str(path)), partial(screener.determine, rules=rules),
                                     str(path), rules))
    assert [r["line"] for r in out] == [1, 2, 4, 5, 6, 7]
    assert [r["outcome"] for r in out] == ["LICENSE_REQUIRED", "CANNOT_CLEAR", "CANNOT_CLEAR", "NO_LICENSE_REQUIRED",
                                           "CANNOT_CLEAR", "CANNOT_CLEAR"]
    assert "each party must be a mapping" in out[4]["reasons"][0] and out[4]["id"] == "PO-5"
    assert "'listings' must be a list" in out[5]["reasons"][0]
    assert set(out[1]) == set(out[0]) - {"screening"}  # a bad line has the same keys as a result
    assert out[0]["screening"][0]["hits"][0]["name"] == "Sichuan University"
    assert out[1]["reasons"] == [f"{path}:2: not JSON: Expecting property name enclosed in double quotes"]
    assert out[2]["id"] == "PO-3" and "field 'route.to'" in out[2]["reasons"][0] and "Atlantis" in out[2]["reasons"][0]


# ---- found by review: ways an order could have cleared by mistake --------------------------------------


def test_given_listings_that_screening_contradicts_cannot_clear(screener: PartyScreener, rules: RuleSet) -> None:
    name = "Beijing Leike Defense Technology Co., Ltd."  # on the Entity List
    for listings in ((), ("unverified_list",)):
        d, record = screener.determine(_order(name, listings=listings), rules)
        assert d.outcome is Outcome.CANNOT_CLEAR, listings
        assert "screening finds el entry" in d.reasons[0] and record[0].decision == "HIT"
    d, _ = screener.determine(_order("Sichuan University", listings=("entity_list",)), rules)
    assert d.outcome is Outcome.LICENSE_REQUIRED  # the order's listing agrees with the screening


def test_an_unverified_list_match_of_the_day_contradicts_empty_listings(screener: PartyScreener,
                                                                       rules: RuleSet) -> None:
    """R25-56/R25b-27: on 2023-12-20 the Entity List version describes a later day, so screening cannot answer and
    the order's listings [] stood, although the Unverified List version of 2023-11-30 (which can answer for the day)
    has the party: the answer was NLR without the § 744.15(b) statement. Now the match contradicts the order."""
    name = "Conduit Technologies Pvt. Ltd., Viman Nagar, Pune"
    d, _ = screener.determine(_order(name, dt.date(2023, 12, 20), eccn="6B002", to="IN", listings=()), rules)
    assert d.outcome is Outcome.CANNOT_CLEAR
    assert "uvl version" in d.reasons[0] and "correct the order's listings" in d.reasons[0], d.reasons
    d, _ = screener.determine(_order(name, dt.date(2023, 12, 20), eccn="6B002", to="IN",
                                     listings=("unverified_list",)), rules)
    assert d.outcome is not Outcome.CANNOT_CLEAR and any("744.15" in o for o in d.obligations), d


def test_unscreenable_name_and_no_party_cannot_clear(screener: PartyScreener, rules: RuleSet) -> None:
    d, record = screener.determine(_order("ООО", to="DE"), rules)
    assert d.outcome is Outcome.CANNOT_CLEAR and "no distinctive word" in d.reasons[0]
    assert record[0].decision == "CANNOT_CLEAR"
    bare = Request(date=DAY, item=Item(eccn="EAR99", origin="US"), to_country="DE", id="no-party")
    d, _ = screener.determine(bare, rules)
    assert d.outcome is Outcome.CANNOT_CLEAR and "names no party" in d.reasons[0]


def test_not_yet_listed_huawei_entity_is_still_screened(screener: PartyScreener, rules: RuleSet) -> None:
    # In the dated Entity List data from 2020-08-17 only: on 2020-06-01 the other lists must still be checked,
    # and no loaded list describes that day.
    d, _ = screener.determine(_order("Huawei Cloud Argentina", dt.date(2020, 6, 1), to="AR"), rules)
    assert d.outcome is Outcome.CANNOT_CLEAR and "describes" in d.reasons[0]


def test_unspecified_destination_only_for_releases(screener: PartyScreener, rules: RuleSet) -> None:
    d, _ = screener.determine(_order("Acme Pumpen GmbH", to="XX"), rules)
    assert d.outcome is Outcome.CANNOT_CLEAR and "not a single country" in d.reasons[0]


def test_owner_lookups_are_not_answered_from_another_orders_cache(screener: PartyScreener, rules: RuleSet) -> None:
    owned = Party(Role.END_USER, "Acme Pumpen GmbH", listings=(), ownership=(Owner("Acme Holding AG", Fraction(60)),))
    # Both days in the affiliates rule's window (2025-09-29 to 2025-11-09): the owner is looked up.
    first = Request(date=dt.date(2025, 11, 8), item=Item(eccn="EAR99", origin="US"), to_country="DE",
                    parties=(owned,), id="A")
    earlier = dataclasses.replace(first, date=dt.date(2025, 10, 1), id="B")  # before the loaded lists' data
    screener.cache = RuleCache()
    a, _ = screener.determine(first, rules)  # decided (owner screened clear) and cached
    assert a.outcome is Outcome.NO_LICENSE_REQUIRED
    b, _ = screener.determine(earlier, rules)  # same epoch, same item and party: must not reuse A's answer
    assert b.outcome is Outcome.CANNOT_CLEAR and "describes 2025-11-08" in b.reasons[0]


def test_sdn_loaded_only_as_pending_fails_closed(tmp_path: Path, data_dir: Path, rules: RuleSet) -> None:
    import shutil

    path = tmp_path / "lists.db"
    broken = tmp_path / "sdn-set"
    broken.mkdir()
    for name in ("sdn.csv", "add.csv"):
        shutil.copy(data_dir / "us_ofac" / "2021-07-07_full_set" / name, broken / name)
    (broken / "alt.csv").write_bytes(b"")  # an empty companion file: the version is held as pending
    with Store.open(f"sqlite:///{path}") as st:
        load_paths(st, [data_dir / "us_bis"], only=("el", "dpl", "meu", "uvl"))
        load_paths(st, [broken])
        assert "sdn" not in st.active() and st.versions("sdn")
    for s in _screener(path):
        d, _ = s.determine(_order("Acme Pumpen GmbH", to="DE"), rules)
        assert d.outcome is Outcome.CANNOT_CLEAR and "sdn" in d.reasons[0]  # never silently left out


def test_given_not_listed_on_an_earlier_day_is_checked_against_the_later_list_by_listing_date(
        screener: PartyScreener, rules: RuleSet) -> None:
    # adversarial review A29/A30: the Entity List file of 2025-11-08 says Hikvision is listed since 2019-10-09
    hik = "Hangzhou Hikvision Digital Technology Co., Ltd."
    d, _ = screener.determine(_order(hik, dt.date(2021, 6, 1), listings=()), rules)
    assert d.outcome is Outcome.CANNOT_CLEAR
    assert "listed since 2019-10-09" in d.reasons[0]
    before, _ = screener.determine(_order(hik, dt.date(2019, 6, 1), listings=()), rules)
    assert before.outcome is Outcome.NO_LICENSE_REQUIRED  # listed later: the later list does not contradict it
