"""Facts the rules read from an order's own words (clearance/rules/descriptions.py): the § 744.17(a) processor
parameters (adversarial R4-22) and a CCL row's condition met or not (R3-05, R5-17, R5-84)."""

from __future__ import annotations

import pytest

from clearance.model.determination import Fact
from clearance.rules.descriptions import condition_facts, microprocessor_744_17, words_in


@pytest.mark.parametrize(("text", "read"), [
    ("64-bit server microprocessor with AES instructions, 900 GFLOPS, mass-market", True),
    ("32 bit CPU, 5 GFLOPS", True),
    ("128-bit vector processor 1,200 GFLOPS", True),
    ("64-bit processor, 2.5 TFLOPS", True),
    ("32-bit embedded processor, 4 GFLOPS", False),  # below 5 GFLOPS
    ("32-bit embedded processor, 4.9GFLOPS", False),
    ("16-bit microcontroller processor, 20 GFLOPS", False),  # narrower than 32 bits
    ("64-bit server, 900 GFLOPS", False),  # no processor word: what the item is stays the order's to say
    ("microprocessor, 64-bit", False),  # no speed
    ("", False),
])
def test_processor_parameters_read_from_a_description(text: str, read: bool) -> None:
    assert microprocessor_744_17(text) is read


@pytest.mark.parametrize(("text", "facts"), [
    ("aramid fibrous material meeting 1C210", {Fact.CCL_CONDITION_MET}),
    ("analyser that meets or exceeds 3A101.a.2.b", {Fact.CCL_CONDITION_MET}),
    ("aramid fibre for a meeting; ECCN 1C210", set()),  # another clause
    ("waveform digitizer 3A002.h (below the 3A101.a.2.b MT parameters)", {Fact.CCL_CONDITION_NOT_MET}),
    ("aramid fibre not meeting 1C210 criteria", {Fact.CCL_CONDITION_NOT_MET}),
    ("aramid fibre not meeting 1C210 criteria; the other batch meeting 1C210", {Fact.CCL_CONDITION_MET}),
    ("aramid fibre below 1C210", set()),  # no 'parameters' / 'criteria': not read
    ("", set()),
])
def test_a_condition_in_words_as_the_description_states_it(text: str, facts: set[Fact]) -> None:
    assert condition_facts(text) == facts


def test_rule_words_are_read_at_word_starts() -> None:
    assert words_in("ship stores for a bulk carrier Vessel", (" vessel", " aircraft")) == ["vessel"]
    assert words_in("harvested crops", (" vessel",)) == []
