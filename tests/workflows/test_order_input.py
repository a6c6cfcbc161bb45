"""The order model, the order file reader and the fact vocabulary: bad input is a DataError naming file, line
and field, never another exception, and nothing wrong is read as "absent"."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clearance.errors import DataError
from clearance.model.determination import Fact
from clearance.model.fact_vocabulary import PHRASES, facts_in
from clearance.model.order_input import UNSPECIFIED, OrderInput, validate_order
from clearance.rules.chart import UNSPECIFIED as CHART_UNSPECIFIED
from clearance.workflows.order_files import (
    load_scenarios,
    parse_json,
    parse_order_line,
    parse_yaml,
    read_order,
    read_orders,
)
from clearance.workflows.order_requests import to_request

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "regulatory" / "ear-scenarios.yaml"
OWN = ROOT / "tests" / "rules" / "own_scenarios.yaml"
GOOD: dict[str, Any] = {"id": "PO-1", "date": "2021-06-01", "route": {"to": "CN"},
                        "item": {"eccn": "3A991", "origin": "US"},
                        "parties": [{"role": "end_user", "name": "Acme Co.", "listings": []}]}
PROPERTY = settings(derandomize=True, max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def _order(**changes: Any) -> dict[str, Any]:
    out = json.loads(json.dumps(GOOD))
    for key, value in changes.items():
        target = out
        *path, last = key.split("__")
        for part in path:
            target = target[part]
        target[last] = value
    return out


def _error(data: Any) -> DataError:
    with pytest.raises(DataError) as info:
        validate_order(data, file="o.json", line=7)
    return info.value


# ---- the scenario files are the schema ---------------------------------------------------------------------


def test_every_scenario_validates_and_flow_commas_are_rejoined() -> None:
    shared, own = load_scenarios(SHARED), load_scenarios(OWN)
    assert len(shared) >= 20 and len(own) >= 40
    names = {p.name for s in [*shared, *own] for p in s.request.parties}
    assert "Huawei Technologies Co., Ltd." in names  # "{name: Huawei Technologies Co., Ltd., ...}" in YAML flow
    owners = {o.name for s in [*shared, *own] for p in s.request.parties for o in p.ownership}
    assert "Huawei Technologies Co., Ltd." in owners  # the owner's name was cut at the comma before
    assert not any(o.endswith(("Co.", " Co")) for o in owners), owners  # ... leaving "Huawei Technologies Co."
    s14 = next(s for s in shared if s.request.id == "S14")
    assert [u.description for u in s14.request.item.us_inputs or ()][1] == "AT only, NLR to China"
    assert any("re-joined across YAML flow commas" in n for s in shared for n in s.notes)


def test_a_stray_key_in_json_is_an_error_not_joined() -> None:
    err = _error(_order(parties=[{"role": "end_user", "name": "Acme Co.", "Ltd.": None}]))
    assert err.field == "parties[0].Ltd." and "unknown field 'Ltd.'" in err.message and "ownership" in err.message


def test_yaml_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "order.yaml"
    path.write_text("id: Y1\ndate: 2021-06-01\nroute: {to: CN}\nitem:\n  eccn: 3A991\n  value: -5\n"
                    "parties:\n  - role: end_user\n    name: Acme\n    listings: entity_list\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        read_order(path)
    assert info.value.line == 6 and info.value.field == "item.value" and "0 or more" in info.value.message
    path.write_text(path.read_text(encoding="utf-8").replace("value: -5", "value: 5"), encoding="utf-8")
    with pytest.raises(DataError) as info:
        read_order(path)
    assert (info.value.line, info.value.field) == (10, "parties[0].listings")


# ---- things that cleared or crashed before -----------------------------------------------------------------


def test_knowledge_as_a_string_is_an_error_and_unmapped_knowledge_is_kept() -> None:
    err = _error(_order(knowledge="items are for a military end use"))
    assert err.field == "knowledge" and "must be a list" in err.message
    req, notes = to_request(validate_order(_order(knowledge=["for military vehicles", "buyer is a state bureau"])))
    assert Fact.MILITARY_END_USE in req.facts
    assert req.unmapped_knowledge == ("buyer is a state bureau",)
    assert any("not mapped to any fact" in n for n in notes)


@pytest.mark.parametrize(("content", "words"), [
    ({"value": 10, "total": 0}, "more than 0"),
    ({"value": 10, "total": -100}, "0 or more"),
    ({"value": -1, "total": 100}, "0 or more"),
    ({"value": 200, "total": 100}, "exceeds the item's total value"),
    ({"value": 1, "total": 100, "pct": 150}, "0 to 100"),
])
def test_de_minimis_content_out_of_range_is_an_error(content: dict[str, Any], words: str) -> None:
    err = _error(_order(route={"to": "CN"}, item={"eccn": "3A991", "origin": "DE", "us_controlled_content": content}))
    assert err.field is not None and err.field.startswith("item.us_controlled_content") and words in err.message


@pytest.mark.parametrize(("value", "words"), [
    ("1e1000000000", "not a number"),
    ("9" * 5000, "5,000 characters"),
    (float("nan"), "finite"),
    (float("inf"), "finite"),
    ("1e400", "at most"),
    (True, "must be a number"),
    ("12,5", "not a number"),
    ([1], "must be a number"),
])
def test_numbers_are_bounded_before_conversion(value: Any, words: str) -> None:
    start = time.perf_counter()
    err = _error(_order(item__value=value))
    assert time.perf_counter() - start < 1.0  # Fraction("1e1000000000") used to spin until killed
    assert err.field == "item.value" and words in err.message


def test_exact_amounts() -> None:
    req, _ = to_request(validate_order(_order(item__value="1234.50", item__origin="DE",
                                              item__us_controlled_content={"value": 0.1, "total": "10"})))
    assert req.item.value == Fraction(2469, 2) and req.item.us_controlled_value == Fraction(1, 10)


@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"route": "CN"}, "route", "'route' must be a mapping (from, to, via)"),
    ({"facts": "military_end_use"}, "facts", "must be a list"),
    ({"facts": ["military"]}, "facts[0]", "valid: military_end_use, military_end_user"),
    ({"parties": [{"role": "end_user", "name": "X", "ownership": [{"owner": "X"}]}]}, "parties[0].ownership[0].pct",
     "required"),
    ({"item__us_inputs": "abc"}, "item.us_inputs", "must be a list"),
    ({"item": "3A991"}, "item", "'item' must be a mapping"),
    ({"parties": "Acme"}, "parties", "must be a list"),
    ({"parties": [{"role": "buyer", "name": "X"}]}, "parties[0].role", "valid: purchaser"),
    ({"parties": [{"role": "end_user", "name": " "}]}, "parties[0].name", "party without a name"),
    ({"item__fdp_facts": {"plant_tech_us_origin": "yes"}}, "item.fdp_facts.plant_tech_us_origin", "true or false"),
    ({"item__fdp_facts": {"direct_product_of": "3E001"}}, "item.fdp_facts.direct_product_of", "must be a list"),
    ({"date": 20210601}, "date", "not a date"),
    ({"date": "2021-02-30"}, "date", "not a date"),
    ({"transaction": ["export"]}, "transaction", "valid: export"),
    ({"licence_state": {"granted": "2021-01-01", "revoked": "2020-01-01"}}, "licence_state", "before it was granted"),
    ({"item__kind": "widget"}, "item.kind", "'commodity', 'software' or 'technology'"),
    ({"item__description": "x" * 180_000}, "item.description", "at most 20,000"),
    ({"item__description": "a\x00b"}, "item.description", "NUL"),
    ({"knowlege": ["military"]}, "knowlege", "valid: id, date"),
    ({"route": {"to": "Atlantis"}}, "route.to", "unknown country 'Atlantis'"),
    ({"route": {"from": "US"}}, None, "no destination"),
    ({"route": {"to": False}}, "route.to", "for Norway write 'NO' in quotes"),
])
def test_wrong_types_name_the_field(changes: dict[str, Any], field: str | None, words: str) -> None:
    err = _error(_order(**changes))
    assert err.field == field and words in err.message and err.file == "o.json" and err.line == 7


# ---- files -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "words"), [
    ('{"a": 1, "a": 2}', "duplicate key 'a'"),
    ('{"a": NaN}', "NaN"),
    ('{"a": -Infinity}', "Infinity"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"a": 1', "not JSON"),
])
def test_json_refusals(text: str, words: str) -> None:
    with pytest.raises(DataError, match=re.escape(words)):
        parse_json(text, "f.json")


def test_json_duplicate_key_line() -> None:
    with pytest.raises(DataError) as info:
        parse_json('{\n "id": "A",\n "item": {},\n "id": "B"\n}', "f.json")
    assert info.value.line == 4 and info.value.field == "id"


def test_yaml_refusals() -> None:
    with pytest.raises(DataError, match="duplicate key 'a'"):
        parse_yaml("a: 1\na: 2\n", "f.yaml")
    assert parse_yaml("v: " + "9" * 5000, "f.yaml") == {"v": "9" * 5000}  # left as text for the model to refuse
    with pytest.raises(DataError, match=r"nested too deeply|invalid YAML"):
        parse_yaml("[" * 50_000, "f.yaml")


@pytest.mark.parametrize(("data", "words", "line"), [
    (b'{"id": "caf\xe9"}\n', "not UTF-8", 3),
    (b'\xff\xfe{\x00}\x00', "UTF-16", 3),
    (b'{"id": "a\x00"}', "NUL byte", 3),
    (b"[1, 2]", "an order must be a mapping", 3),
])
def test_order_lines_never_raise(data: bytes, words: str, line: int) -> None:
    result = parse_order_line(3, data, "b.jsonl")
    assert result.request is None and result.error is not None
    assert words in str(result.error) and result.error.line == line and result.id == "line 3"


def test_a_bad_line_keeps_its_own_id(tmp_path: Path) -> None:
    path = tmp_path / "b.jsonl"
    lines = [json.dumps(GOOD), json.dumps({**GOOD, "id": "PO-2", "item": {"value": 1}}).replace("1}", "9" * 5000 + "}"),
             "", json.dumps({**GOOD, "id": "PO-4", "knowledge": "military"}), json.dumps({**GOOD, "id": "PO-5"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = list(read_orders(str(path)))
    assert [(o.line, o.id, o.error is None) for o in out] == [
        (1, "PO-1", True), (2, "PO-2", False), (4, "PO-4", False), (5, "PO-5", True)]
    assert "item.value" in str(out[1].error) and f"{path}:2" in str(out[1].error)


# ---- the fact vocabulary -----------------------------------------------------------------------------------


def test_fact_scan_is_linear() -> None:
    hostile = {  # the shapes that made the old patterns quadratic: many starts, no match after them
        "description": "existing " * 20_000 + "x" * 10,
        "end_use": "military " * 20_000,
        "knowledge": "standard " * 20_000,
    }
    for where, text in hostile.items():
        assert len(text) >= 180_000
        start = time.perf_counter()
        facts_in(where, text)  # type: ignore[arg-type]
        assert time.perf_counter() - start < 2.0, where  # generous: the scan takes milliseconds


@pytest.mark.parametrize(("where", "text", "facts"), [
    ("knowledge", "for military vehicles", {Fact.MILITARY_END_USE}),
    ("knowledge", "Military-Intelligence unit", {Fact.MILITARY_END_USE, Fact.MILITARY_INTELLIGENCE}),
    ("knowledge", "paramilitary police", set()),
    ("end_use", "civil smartphone production (no military end use known)", {Fact.NOT_MILITARY_END_USE}),
    ("end_use", "a military end-use", {Fact.MILITARY_END_USE}),
    ("end_use", "contribution to the development of a standard", {Fact.STANDARDS_DEVELOPMENT}),
    ("end_use", "built to industry standards", set()),
    ("end_use", "wafer production at a 14 nm logic fab", {Fact.ADVANCED_NODE_IC}),
    ("end_use", "wafer production at a 28 nm logic fab", set()),
    ("end_use", "not an advanced-node fab (7nm elsewhere)", set()),
    ("description", "update for an existing handset sold before 2019-05-16", {Fact.TGL_EXISTING_HANDSETS}),
    ("description", "handsets for existing customers", set()),
    ("description", "spare parts for existing networks", {Fact.TGL_EXISTING_NETWORKS}),
])
def test_phrases(where: str, text: str, facts: set[Fact]) -> None:
    assert set(facts_in(where, text)) == facts  # type: ignore[arg-type]


def test_docs_list_every_fact_and_phrase() -> None:
    doc = (ROOT / "docs" / "facts.md").read_text(encoding="utf-8")
    for fact in Fact:
        assert f"`{fact.value}`" in doc, fact
    for rule in PHRASES:
        for phrase in (*rule.phrases, *rule.then, *rule.with_any, *rule.unless):
            if not re.fullmatch(r" \d+ ?nm ", phrase):
                assert f"**{phrase.strip()}" in doc, phrase


def test_unspecified_is_the_chart_code() -> None:
    assert UNSPECIFIED == CHART_UNSPECIFIED


# ---- properties (fixed seed) -------------------------------------------------------------------------------

_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)
_keys = st.sampled_from(["id", "date", "route", "to", "item", "parties", "facts", "knowledge", "end_use",
                         "transaction", "licence_state", "eccn", "origin", "value", "us_inputs", "role", "name",
                         "listings", "ownership", "owner", "pct", "fdp_facts", "us_controlled_content", "total"])
_shaped = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12)
    | st.sampled_from(["2021-06-01", "CN", "end_user", "military_end_use", "1e400", "nan", "3A991"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_keys, inner, max_size=6),
    max_leaves=25,
)


def _data_or_named_error(read: Callable[[], object]) -> None:
    """``read`` returns, or raises a DataError that names the file and says what is wrong; nothing else."""
    try:
        read()
    except DataError as exc:
        assert exc.file is not None and exc.message.strip()


@PROPERTY
@given(_json)
def test_random_json_gives_an_order_or_a_data_error(data: Any) -> None:
    _data_or_named_error(lambda: to_request(validate_order(data, file="p.json", line=1)))


@PROPERTY
@given(st.dictionaries(_keys, _shaped, max_size=8))
def test_order_shaped_json_gives_an_order_or_a_data_error(data: dict[str, Any]) -> None:
    _data_or_named_error(lambda: to_request(validate_order({**GOOD, **data}, file="p.json", line=1)))


@PROPERTY
@given(st.binary(max_size=200) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_random_lines_never_raise(chunk: bytes) -> None:
    result = parse_order_line(1, chunk, "p.jsonl")
    assert (result.request is None) != (result.error is None)


@PROPERTY
@given(st.text(max_size=200))
def test_random_yaml_text_gives_data_or_a_data_error(text: str) -> None:
    _data_or_named_error(lambda: parse_yaml(text, "p.yaml"))


def test_json_schema_of_an_order() -> None:
    schema = OrderInput.model_json_schema()
    assert schema["additionalProperties"] is False and "item" in schema["required"]
    assert any("variant_if_shipped_on_" in p for p in schema["patternProperties"])
    assert {f.value for f in Fact} == set(schema["$defs"]["Fact"]["enum"])
    total = schema["$defs"]["UsContent"]["properties"]["total"]["anyOf"][0]
    assert total == {"type": "number", "exclusiveMinimum": 0}


@pytest.mark.parametrize(("text", "flagged"), [
    ("to repair fire-control radars on PLA Navy destroyers", True),
    ("seven-nanometre logic production", True),
    ("civil smartphone production (no military end use known)", False),
    ("contribution to the development of a standard for missile guidance", True),  # a fact read does not hide it
    ("military end use", False),  # the fact military_end_use accounts for the word
    ("telecom network maintenance", False),
])
def test_red_flag_words_in_end_use_become_open_questions(text: str, flagged: bool) -> None:
    from clearance.model.order_input import validate_order
    from clearance.workflows.order_requests import to_request

    order = {"id": "R", "date": "2024-06-01", "route": {"to": "CN"}, "item": {"eccn": "EAR99", "origin": "US"},
             "end_use": text, "parties": [{"role": "end_user", "name": "Acme Electronics Co., Ltd."}]}
    req, _ = to_request(validate_order(order))
    assert bool(req.unmapped_knowledge) is flagged


def test_knowledge_read_as_a_fact_still_flags_the_other_words() -> None:
    from clearance.model.order_input import validate_order
    from clearance.workflows.order_requests import to_request

    order = {"id": "K", "date": "2024-06-01", "route": {"to": "PK"}, "item": {"eccn": "EAR99", "origin": "US"},
             "knowledge": ["for a military end use at a nuclear reactor"],
             "parties": [{"role": "end_user", "name": "Acme Engineering"}]}
    req, _ = to_request(validate_order(order))
    assert "military_end_use" in {f.value for f in req.facts}
    assert req.unmapped_knowledge and "nuclear" in req.unmapped_knowledge[0]
