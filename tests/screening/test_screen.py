"""screen(): purity, picklability, staleness, bad input, algorithm registry, properties."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clearance.errors import ConfigError
from clearance.model.entity import Entity
from clearance.screening.index import ScreeningIndex, build_index
from clearance.screening.model import Decision, ListVersion, Query
from clearance.screening.registry import algorithms, get_algorithm
from clearance.screening.screen import compare, screen

HIT = get_algorithm().thresholds.hit


@pytest.fixture(scope="module")
def el_index(el_entities: list[Entity]) -> ScreeningIndex:
    v = ListVersion("el", "el-1", dt.date(2025, 11, 8), 30)
    return build_index(el_entities, {"el": v})


def test_stale_list_gives_cannot_clear_with_reason(el_index: ScreeningIndex) -> None:
    fresh = screen(Query("Huawei Technologies Co., Ltd."), el_index, today=dt.date(2025, 11, 20))
    assert fresh.decision is Decision.HIT and not fresh.reasons
    stale = screen(Query("Huawei Technologies Co., Ltd."), el_index, today=dt.date(2026, 3, 1))
    assert stale.decision is Decision.CANNOT_CLEAR
    assert "el-1" in stale.reasons[0] and "maximum age is 30 days" in stale.reasons[0]
    assert stale.hits == fresh.hits  # hits are still shown
    assert stale.list_versions == {"el": "el-1"}


def test_index_pickles_and_screen_is_pure(el_index: ScreeningIndex) -> None:
    copy = pickle.loads(pickle.dumps(el_index))
    q = Query("Hangzhou Huawei Digital Technology Co Ltd", country="CN")
    day = dt.date(2025, 11, 9)
    assert screen(q, copy, today=day) == screen(q, el_index, today=day) == screen(q, el_index, today=day)


def test_results_sorted_limited_and_filtered_by_list(el_index: ScreeningIndex) -> None:
    r = screen(Query("Huawei"), el_index, limit=5, threshold=0.0)
    scores = [h.score for h in r.hits]
    assert len(scores) == 5 and scores == sorted(scores, reverse=True)
    assert screen(Query("Huawei"), el_index, lists=["sdn"]).hits == ()


@pytest.mark.parametrize("name", ["", "   ", "\x00\x01", "x" * 10_000, "A", "\ud7ff" * 3, "🙂🙂"])
def test_bad_names_never_crash(el_index: ScreeningIndex, name: str) -> None:
    r = screen(Query(name), el_index, today=dt.date(2025, 11, 9))
    assert r.decision in (Decision.CLEAR, Decision.CANNOT_CLEAR)
    if not name.strip("\x00\x01 "):
        assert r.decision is Decision.CANNOT_CLEAR and r.reasons


def test_registry_keeps_versions_selectable() -> None:
    assert {"clearance-name@1", "clearance-name@2", "clearance-name@3"} <= set(algorithms())
    assert get_algorithm("clearance-name").id == "clearance-name@3"  # a bare slug: the latest version
    assert get_algorithm().id == "clearance-name@3"  # the default (issue 10); @1 and @2 stay selectable
    assert get_algorithm("clearance-name@1").id == "clearance-name@1"
    assert get_algorithm("rapidfuzz-token-set@1").id == "rapidfuzz-token-set@1"
    with pytest.raises(ConfigError, match="unknown screening algorithm"):
        get_algorithm("nope@9")


words = st.sampled_from(["Huawei", "Device", "Cloud", "Steel", "Tubes", "Ivan", "Petrov", "华为", "技术", "Ромашка",
                         "Co", "Ltd", "GmbH", "OOO", "Bank", "2", "Al", "محمد", "Kim", "김정은", "The", "Group"])
name_st = st.lists(words, min_size=0, max_size=5).map(" ".join)


@given(name_st, name_st, st.booleans())
@settings(max_examples=300, deadline=None)
def test_score_in_unit_interval_and_symmetric(a: str, b: str, person: bool) -> None:
    s1 = compare(a, b, person=person).score
    s2 = compare(b, a, person=person).score
    assert 0.0 <= s1 <= 1.0
    assert s1 == pytest.approx(s2, abs=1e-3)


@given(st.sampled_from(["Co., Ltd.", "LLC", "GmbH", "Limited", "OOO", "有限公司", "Youxian Gongsi", "S.A.", "JSC"]))
@settings(max_examples=50, deadline=None)
def test_adding_a_legal_form_never_lowers_a_true_match_below_threshold(form: str) -> None:
    for name in ("Huawei Technologies", "Rosneft Trading", "Hikvision Digital Technology", "Beijing Zhongguancun"):
        assert compare(name, f"{name} {form}").score >= HIT
        assert compare(f"{name} {form}", name).score >= HIT
