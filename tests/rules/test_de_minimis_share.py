"""The de minimis share is compared in integers on the hot path (clearance.rules.jurisdiction._share): the answer
must be the one the Fractions give -- whether the share exceeds the level, and the float the note prints."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from clearance.rules.jurisdiction import _share

amounts = st.fractions(max_denominator=10**9) | st.integers(-(10**30), 10**30).map(Fraction)
levels = st.fractions(min_value=-1, max_value=2, max_denominator=1000)


def _by_fractions(controlled: Fraction | int, total: Fraction | int, limit: Fraction) -> tuple[bool, float]:
    share = controlled / total if total else Fraction(0)
    return share > limit, float(share)


@given(amounts, amounts, levels)
def test_the_share_compares_and_prints_as_the_fractions_do(controlled: Fraction, total: Fraction,
                                                             limit: Fraction) -> None:
    assert _share(controlled, total, limit) == _by_fractions(controlled, total, limit)


@given(amounts, amounts.filter(bool))
def test_a_share_equal_to_the_level_does_not_exceed_it(controlled: Fraction, total: Fraction) -> None:
    limit = controlled / total
    assert _share(controlled, total, limit) == (False, float(limit))


def test_the_bench_shares_and_the_levels_of_supp_2() -> None:
    for value in range(0, 1001, 7):
        for pct in (0, 10, 25):
            limit = Fraction(pct, 100)
            assert _share(Fraction(value), Fraction(1000), limit) == _by_fractions(Fraction(value), Fraction(1000),
                                                                                   limit)
    assert _share(Fraction(5), Fraction(0), Fraction(1, 10)) == (False, 0.0)  # no total: share 0, as before
    assert _share(Fraction(25), Fraction(100), Fraction(1, 4)) == (False, 0.25)  # at the level: not above it
    assert _share(Fraction(2501, 100), Fraction(100), Fraction(1, 4)) == (True, 0.2501)


def test_values_that_are_not_fractions_take_the_fraction_path() -> None:
    # (a library caller may build a Request with int amounts: the Fractions' arithmetic decides them, as before)
    assert _share(30, Fraction(100), Fraction(1, 4)) == _by_fractions(30, Fraction(100), Fraction(1, 4))  # type: ignore[arg-type]
    assert _share(Fraction(30), 100, Fraction(1, 4)) == (True, 0.3)  # type: ignore[arg-type]
