"""§ 744.17(a) processor parameters (adversarial round 4 R4-22): the fact microprocessor_744_17 read from an item
description (a processor, 5 GFLOPS or more, a 32-bit or wider width) and the question it answers."""

from __future__ import annotations

import pytest

from clearance.model.determination import Fact
from clearance.model.fact_vocabulary import facts_in, microprocessor_744_17


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
])
def test_processor_parameters_read_from_a_description(text: str, read: bool) -> None:
    assert microprocessor_744_17(text) is read
    assert (Fact.MICROPROCESSOR_744_17 in facts_in("description", text)) is read
    assert Fact.MICROPROCESSOR_744_17 not in facts_in("end_use", text)  # a description fact only


@pytest.mark.parametrize(("text", "read"), [
    ("aramid fibrous material meeting 1C210", True),
    ("analyser that meets or exceeds 3A101.a.2.b", True),
    ("AI workstation meeting 4A090 parameters", True),  # harmless: only a CCL row naming a condition reads it
    ("aramid fibre for a meeting; ECCN 1C210", False),  # another clause
    ("aramid fibrous material for a meeting", False),
])
def test_a_description_meeting_an_eccn_states_the_condition(text: str, read: bool) -> None:
    assert (Fact.CCL_CONDITION_MET in facts_in("description", text)) is read


@pytest.mark.parametrize(("text", "facts"), [
    ("waveform digitizer 3A002.h (below the 3A101.a.2.b MT parameters)", {Fact.CCL_CONDITION_NOT_MET}),
    ("aramid fibre not meeting 1C210 criteria", {Fact.CCL_CONDITION_NOT_MET}),
    ("aramid fibre not meeting 1C210 criteria; the other batch meeting 1C210", {Fact.CCL_CONDITION_MET}),
    ("aramid fibre below 1C210", set()),  # no 'parameters' / 'criteria': not read
])
def test_a_condition_not_met_is_read_only_in_its_literal_form(text: str, facts: set[Fact]) -> None:
    got = set(facts_in("description", text)) & {Fact.CCL_CONDITION_MET, Fact.CCL_CONDITION_NOT_MET}
    assert got == facts
