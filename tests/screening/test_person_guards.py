"""Person guards of clearance-name@3 against wrong-entity HITs (adversarial round 50), on the real SDN list: short
name parts (Korean syllables) agreeing only as typos, and a first given name added before the listed one (in
Arabic names the listed given name is then the father's)."""

from __future__ import annotations

import pytest

from clearance.model.entity import Entity, Schema
from clearance.screening.index import ScreeningIndex, build_index
from clearance.screening.model import Decision, Query
from clearance.screening.screen import screen

V3 = "clearance-name@3"


@pytest.fixture(scope="module")
def sdn_index(sdn_entities: list[Entity]) -> ScreeningIndex:
    return build_index(sdn_entities)


def _best(index: ScreeningIndex, name: str, country: str | None, entry_id: str,
          algorithm: str = V3) -> tuple[float, Decision]:
    hits = [h for h in screen(Query(name, country, Schema.PERSON), index, algorithm=algorithm).hits
            if h.entry_id == entry_id]
    return max(((h.score, h.decision) for h in hits), default=(0.0, Decision.CLEAR))


@pytest.mark.parametrize(("name", "country", "entry_id"), [
    ("Jong Yong-hwa, Seoul", "KR", "20576"),  # 'JANG, Kyong Hwa': jong~jang, yong~kyong (was 0.97)
    ("Jong Yong-hwa, Seoul", "KR", "24979"),  # 'JONG, Song Hwa': yong~song in a name of syllables (was 0.97;
    # capped, then KR against the listed North Korean nationality takes it below POSSIBLE)
    ("Yahya Muhammad Al-Otaibi, Riyadh", "SA", "26092"),  # 'AL-OTAIBI, Mohammad': the father's name (was 0.975)
    ("Khalid Mohammed Al-Otaibi, Riyadh", "SA", "26092"),  # (was 0.976)
    ("Fahad Mohammad Al-Otaibi, Riyadh", "SA", "26092"),  # (0.69 already: 'fahad' is rare)
])
def test_another_persons_name_is_reviewed_not_a_hit(sdn_index: ScreeningIndex, name: str, country: str,
                                                    entry_id: str) -> None:
    score, decision = _best(sdn_index, name, country, entry_id)
    assert decision is not Decision.HIT and score < 0.7, (name, entry_id, score)
    assert score >= 0.5 or entry_id == "24979", (name, entry_id, score)  # (a person reviews)


@pytest.mark.parametrize(("name", "country", "entry_id"), [
    ("Jang Kyong Hwa", "KP", "20576"),  # the listed names as written
    ("Chang Kyong-hwa", "KP", "20576"),
    ("Jong Song Hwa", "KP", "24979"),
    ("Jang Kyonghwa", None, "20576"),  # the given name written joined
    ("Mohammad Al-Otaibi", "SA", "26092"),
    ("Mohammad Al-Otaybi", "SA", "26092"),  # a typo in a long name part
    ("Muhammad Al-Otaibi, Riyadh", "SA", "26092"),  # another spelling of a long name part
    ("Mohammed Al Otaibi", None, "26092"),
    ("Mohammad Shawki Islambouli", None, "2682"),  # 'ISLAMBOULI, Mohammad Shawqi': a typo in a long part
    ("Shawqi Islambouli", None, "2682"),  # a very common first name ('Mohammad') left out
    ("Mohammad Islambouli", None, "2682"),  # a middle name left out
])
def test_the_listed_persons_typed_as_customers_type_them_are_hits(sdn_index: ScreeningIndex, name: str,
                                                                  country: str | None, entry_id: str) -> None:
    score, decision = _best(sdn_index, name, country, entry_id)
    assert decision is Decision.HIT, (name, entry_id, score)


def test_earlier_versions_are_unchanged() -> None:
    # the guards are @3's: an old decision is reproduced as it was made (@1/@2 score the Al-Otaibi pair 0.93)
    from clearance.screening.screen import compare

    for algorithm in ("clearance-name@1", "clearance-name@2"):
        m = compare("Yahya Muhammad Al-Otaibi", "AL-OTAIBI, Mohammad", algorithm=algorithm, person=True)
        assert m.score > 0.9, (algorithm, m.score)


def test_the_guards_explain_themselves() -> None:
    from clearance.screening.screen import compare

    m = compare("Jong Yong-hwa", "JANG, Kyong Hwa", algorithm=V3, person=True)
    assert m.score == pytest.approx(0.69) and any("short name parts agree only as typos" in f.detail
                                                  for f in m.features)
    m = compare("Yahya Muhammad Al-Otaibi", "AL-OTAIBI, Mohammad", algorithm=V3, person=True)
    assert m.score == pytest.approx(0.69) and any("begins with a given name the other lacks (yahya)" in f.detail
                                                  for f in m.features)
    # the same guard is read whichever name comes first
    assert compare("AL-OTAIBI, Mohammad", "Yahya Muhammad Al-Otaibi", algorithm=V3,
                   person=True).score == pytest.approx(0.69)


def test_across_scripts_from_arabic_letters() -> None:
    # (compared, not screened: the blocking does not bring SDN 26092 to a query in Arabic letters, even the listed
    # name's own, 'محمد العتيبي': a recall gap of its own)
    from clearance.screening.screen import compare

    assert compare("يحيى محمد العتيبي", "AL-OTAIBI, Mohammad", algorithm=V3, person=True).score == pytest.approx(
        0.69)  # (was 0.88)
    assert compare("محمد العتيبي", "AL-OTAIBI, Mohammad", algorithm=V3, person=True).score >= 0.9
