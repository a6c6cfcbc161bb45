"""An item's memo key (clearance.rules.item_keys.item_key) stands for the item in the answer cache: two items must
have the same key exactly when they are equal, or two orders would share an answer that belongs to one of them."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from clearance.model.determination import FdpFacts, Item, UsInput
from clearance.rules.item_keys import item_key

amounts = st.none() | st.sampled_from([Fraction(0), Fraction(1), Fraction(1, 2), Fraction(3, 2), Fraction(1000)])
texts = st.sampled_from(["", "3A991", "3A001.a.2", "EAR99", "ic"])
lines = st.builds(UsInput, st.none() | texts, amounts, texts)
fdp_facts = st.none() | st.builds(
    FdpFacts, st.none() | st.tuples() | st.tuples(texts), st.none() | st.tuples() | st.tuples(texts),
    st.none() | st.booleans(), st.none() | st.booleans(), st.none() | st.just(dt.date(2020, 1, 1)),
    st.none() | st.sampled_from(["4G", "5G"]))
items = st.builds(Item, st.none() | texts, st.none() | st.sampled_from(["US", "TW"]), texts,
                  st.none() | st.sampled_from(["commodity", "software"]), amounts,
                  st.none() | st.lists(lines, max_size=3).map(tuple), amounts, amounts, fdp_facts,
                  st.none() | st.sampled_from(["8542.31", "8471"]))


@given(items, items)
def test_equal_keys_exactly_for_equal_items(a: Item, b: Item) -> None:
    assert (item_key(a) == item_key(b)) == (a == b)


@given(items)
def test_an_equal_item_built_again_has_the_same_key_and_hash(a: Item) -> None:
    again = Item(a.eccn, a.origin, a.description, a.kind, a.value, a.us_inputs, a.us_controlled_value,
                 a.total_value, a.fdp, a.hts)
    assert item_key(again) == item_key(a) and hash(item_key(again)) == hash(item_key(a))


def test_values_moved_between_fields_give_other_keys() -> None:
    line = UsInput("3A991", Fraction(100))
    base = Item("3A992", "TW", us_inputs=(line,), total_value=Fraction(1000))
    others = [
        Item("3A992", "TW", us_inputs=(line,), us_controlled_value=Fraction(1000)),
        Item("3A992", "TW", us_inputs=(line,), value=Fraction(1000)),
        Item("3A992", "TW", us_inputs=(line, line), total_value=Fraction(1000)),
        Item("3A992", "TW", us_inputs=(UsInput("3A991", Fraction(100), "ic"),), total_value=Fraction(1000)),
        Item("3A992", "TW", us_inputs=(UsInput("3A991", Fraction(1000)),), total_value=Fraction(100)),
        Item("3A992", "TW", us_inputs=(line,), total_value=Fraction(1000), fdp=FdpFacts()),
        Item("3A992", "TW", us_inputs=(), total_value=Fraction(1000)),
    ]
    assert len({item_key(x) for x in [base, *others]}) == 1 + len(others)
