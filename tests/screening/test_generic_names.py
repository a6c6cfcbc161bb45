"""clearance-name@2: listed parties whose names are made of generic words, found despite trivial variants.

On the real Entity List and Unverified List rows. @1 missed these (a leftover ``co`` from "Corporation",
another legal form or words written together broke its exact-words rule); @1 must still miss them, so that
an old decision is reproduced; @2 must find them, as POSSIBLE at least, and must not reopen the false
alarms @1's rule exists to stop.
"""

from __future__ import annotations

import pytest

from clearance.model.entity import Entity
from clearance.screening.algorithm import loosely_comparable
from clearance.screening.index import ScreeningIndex, build_index
from clearance.screening.model import Decision, Query
from clearance.screening.registry import get_algorithm
from clearance.screening.screen import compare, screen
from clearance.text.names import prepare

V1, V2 = "clearance-name@1", "clearance-name@2"
FOUND = (Decision.POSSIBLE, Decision.HIT)


def by_name(entities: list[Entity], name: str) -> Entity:
    found = [e for e in entities if e.name == name]
    assert found, f"{name!r} not in the real list data"
    return found[0]


@pytest.fixture(scope="module")
def bis_index(el_entities: list[Entity], uvl_entities: list[Entity]) -> ScreeningIndex:
    return build_index([*el_entities, *uvl_entities])


def decision_for(index: ScreeningIndex, query: str, entity: Entity, algorithm: str) -> Decision:
    """The decision of ``entity``'s hit when ``query`` is screened (CLEAR when it is not among the hits)."""
    r = screen(Query(query), index, algorithm=algorithm, today=None)  # type: ignore[arg-type]
    assert r.algorithm == algorithm
    hits = [h for h in r.hits if h.entry_id == entity.entry_id]
    return hits[0].decision if hits else Decision.CLEAR


GENERIC_VARIANTS = [
    ("United Electronics Group Company Limited", "United Electronics Group Corporation"),
    ("United Electronics Group Company Limited", "United Electronics Co., Ltd."),
    ("General Technology Limited", "General Technology Co., Limited"),
    ("General Technology Limited", "General Technology Corporation"),
    ("World Equipment Trading L.L.C", "World Equipment Trading Co."),
    ("World Equipment Trading L.L.C", "World Equipment Trading Company Limited"),
]


@pytest.mark.parametrize(("listed", "query"), GENERIC_VARIANTS)
def test_generic_word_names_are_found_by_v2_and_still_missed_by_v1(
    bis_index: ScreeningIndex, el_entities: list[Entity], uvl_entities: list[Entity], listed: str, query: str
) -> None:
    entity = by_name(el_entities + uvl_entities, listed)
    assert not prepare(listed).distinctive  # the case of the bug: a name of generic words only
    assert decision_for(bis_index, query, entity, V1) is Decision.CLEAR  # @1 unchanged
    assert decision_for(bis_index, query, entity, V2) is Decision.POSSIBLE  # found; a person reviews


def test_the_default_algorithm_finds_them(bis_index: ScreeningIndex, el_entities: list[Entity]) -> None:
    assert get_algorithm().id == "clearance-name@3"  # the default since issue 10; @2 stays selectable
    entity = by_name(el_entities, "General Technology Limited")
    r = screen(Query("General Technology Corporation"), bis_index, today=None)
    hit = next(h for h in r.hits if h.entry_id == entity.entry_id)
    assert hit.decision is Decision.POSSIBLE and r.decision in FOUND
    assert any(f.name == "generic_name" and "capped below HIT" in f.detail for f in hit.explanation)


def test_run_together_words_are_found_by_v2(bis_index: ScreeningIndex, el_entities: list[Entity]) -> None:
    entity = by_name(el_entities, "Beijing Leike Defense Technology Co., Ltd.")
    for q in ("LeikeDefense Technology Beijing", "Beijing LeikeDefense Technology"):
        assert decision_for(bis_index, q, entity, V1) is Decision.CLEAR, q  # never a candidate under @1
        assert decision_for(bis_index, q, entity, V2) is Decision.HIT, q
    # a generic name written together: its words are split into the generic words they are
    general = by_name(el_entities, "General Technology Limited")
    assert decision_for(bis_index, "GeneralTechnology Ltd", general, V1) is Decision.CLEAR
    assert decision_for(bis_index, "GeneralTechnology Ltd", general, V2) in FOUND


def test_exact_generic_names_keep_their_v1_score(bis_index: ScreeningIndex, el_entities: list[Entity]) -> None:
    """Same words (only the legal form differs): @1 already compared them; @2 gives the same HIT, no cap."""
    for q in ("General Technology Co., Ltd.", "General Technology"):
        assert compare(q, "General Technology Limited", algorithm=V2) == compare(
            q, "General Technology Limited", algorithm=V1)
    entity = by_name(el_entities, "United Electronics Group Company Limited")
    assert decision_for(bis_index, "United Electronics Group", entity, V2) is Decision.HIT


def test_v2_keeps_the_false_alarms_out(index: ScreeningIndex, bis_index: ScreeningIndex) -> None:
    possible = get_algorithm(V2).thresholds.possible
    assert compare("International Trading Company", "FY International Trading Company", algorithm=V2).score < possible
    assert not loosely_comparable(prepare("International Trading Company"), prepare("FY International Trading Company"))
    for ix in (index, bis_index):  # EL, SDN, UN, UK; and EL + UVL
        for q in ("CORP", "LTD", "Co., Ltd.", "The Group", "Global Trading", "International Trading Company"):
            r = screen(Query(q), ix, algorithm=V2, today=None)
            assert all(h.decision is not Decision.HIT for h in r.hits), (q, [(h.name, h.score) for h in r.hits])
        for q in ("CORP", "LTD", "Co., Ltd.", "The Group", "International Trading Company", "Technology Co., Ltd."):
            assert screen(Query(q), ix, algorithm=V2, today=None).decision is Decision.CLEAR, q


def test_loose_comparison_needs_two_generic_words_beyond_the_residue() -> None:
    def loose(a: str, b: str) -> bool:
        return loosely_comparable(prepare(a), prepare(b))

    assert loose("United Electronics Group Corporation", "United Electronics Group Company Limited")
    assert loose("United Electronics Co., Ltd.", "United Electronics Group Company Limited")
    assert loose("GeneralTechnology Ltd", "General Technology Limited")
    assert not loose("Group Corporation", "The Group")  # nothing left but residue
    assert not loose("Machinery Group Co", "Machine Group LLC")  # one generic word left
    assert not loose("General Electronic Co", "General Technology Co")  # different words
    assert not loose("United Electronics Co", "United Electronics Huawei Co")  # a distinctive word differs
    assert not loose("Ivan Petrov", "Ivan Petrov Co")  # distinctive names: @1's rule alone decides
    # never for persons
    assert not loosely_comparable(prepare("General Electronic", person=True), prepare("General Electronic Co"))


def test_a_loose_match_never_reaches_hit_even_with_evidence(
    bis_index: ScreeningIndex, uvl_entities: list[Entity]
) -> None:
    entity = by_name(uvl_entities, "World Equipment Trading L.L.C")
    countries = sorted({a.country for a in entity.addresses if a.country} | set(entity.countries))
    assert countries
    r = screen(Query("World Equipment Trading Co.", country=countries[0]), bis_index, today=None)
    hit = next(h for h in r.hits if h.entry_id == entity.entry_id)
    assert hit.decision is Decision.POSSIBLE and hit.score == get_algorithm(V2).loose_cap  # type: ignore[attr-defined]


def test_an_office_in_parentheses_before_the_city_is_set_aside(bis_index: ScreeningIndex,
                                                                uvl_entities: list[Entity]) -> None:
    """Adversarial R25-56: the UVL's Conduit Technologies written with its office in parentheses and the city after
    them was a 0.69 POSSIBLE (the office words were cut, "(Viman Nagar" was left in the name); it is a HIT."""
    entity = next(e for e in uvl_entities if e.name.startswith("Conduit Technologies"))
    line = "Conduit Technologies Pvt. Ltd. (Viman Nagar office), Pune"
    assert decision_for(bis_index, line, entity, "clearance-name@3") is Decision.HIT
