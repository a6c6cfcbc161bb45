"""Property tests for the pure helpers shared by the UN, UK, EU and other-US parsers."""

from __future__ import annotations

import csv
import datetime as dt
import io

from hypothesis import given
from hypothesis import strategies as st

from clearance.model import Name, NameKind
from clearance.sources._intlutil import (
    clean,
    countries_in,
    country_of,
    is_non_latin,
    join_parts,
    month_year,
    names_tuple,
    numbered,
    parse_date,
    slug,
    split_cell,
)
from clearance.sources.us_other import dtc_names, fcc_party, isn_aliases

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]  # fmt: skip
dates = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))
words = st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=12)


@given(st.lists(st.one_of(st.none(), st.text(max_size=15)), max_size=6))
def test_join_parts_keeps_every_word_in_order(parts: list[str | None]) -> None:
    joined = join_parts(parts)
    assert joined == joined.strip() and "  " not in joined
    assert joined.split() == [w for p in parts if p for w in p.split()]


@given(st.text(max_size=30))
def test_clean_is_idempotent(text: str) -> None:
    once = clean(text)
    assert once is None or (clean(once) == once and once == once.strip())


@given(dates)
def test_parse_date_reads_every_spelling(day: dt.date) -> None:
    spellings = [
        day.isoformat(),
        f"{day.day}.{day.month}.{day.year}",
        f"{day.day:02d}/{day.month:02d}/{day.year}",
        f"{day.day} {MONTHS[day.month - 1]} {day.year}",
        f"{day.day} {MONTHS[day.month - 1][:3]}. {day.year}",
        f"{MONTHS[day.month - 1]} {day.day}, {day.year}",
    ]
    for text in spellings:
        assert parse_date(text) == day, text
    assert parse_date(f"{day.month}/{day.day}/{day.year}", dayfirst=False) == day
    assert month_year(f"{MONTHS[day.month - 1]}, {day.year}") == f"{day.year}-{day.month:02d}"


@given(st.text(max_size=20))
def test_parse_date_never_raises(text: str) -> None:
    result = parse_date(text)
    assert result is None or isinstance(result, dt.date)


@given(st.lists(st.text(st.characters(exclude_characters="\r\n\x00"), min_size=1, max_size=15), max_size=5))
def test_split_cell_decodes_what_a_csv_writer_encodes(values: list[str]) -> None:
    values = [v for v in (clean(x) for x in values) if v]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="").writerow(values)
    cell = (
        buffer.getvalue().replace(";", "; ")
        if all('"' not in v and ";" not in v for v in values)
        else buffer.getvalue()
    )
    assert split_cell(cell) == tuple(dict.fromkeys(values))


@given(st.text(max_size=40))
def test_country_helpers_never_raise_and_give_iso_codes(text: str) -> None:
    code = country_of(text)
    assert code is None or (len(code) == 2 and code.isupper())
    assert all(len(c) == 2 and c.isupper() for c in countries_in(text))


def test_country_spellings_of_the_lists() -> None:
    assert country_of("Iran (Islamic Republic of)") == "IR"
    assert country_of("Iranian") == "IR"
    assert countries_in("(1) Germany. (2) Morocco") == ("DE", "MA")
    assert countries_in("Ukrainian, Russian (the Union does not recognise passports issued in Crimea)") == (
        "UA",
        "RU",
    )
    assert countries_in("Myanmar/Burma") == ("MM",)


@given(st.lists(st.from_regex(r"[A-Z0-9]{3,9}", fullmatch=True), min_size=1, max_size=4, unique=True))
def test_numbered_items(values: list[str]) -> None:
    text = " ".join(f"({i}) {v}" for i, v in enumerate(values, start=1)) if len(values) > 1 else values[0]
    assert numbered(text) == tuple(values)


@given(st.text(max_size=30))
def test_slug_is_a_stable_ascii_id(text: str) -> None:
    s = slug(text)
    assert s and s == slug(text) and s.isascii() and " " not in s


@given(words)
def test_is_non_latin_on_pure_scripts(word: str) -> None:
    assert not is_non_latin("Abc" + word)  # a Latin letter makes it Latin
    assert is_non_latin("Андрей") and is_non_latin("华为") and not is_non_latin("123")


@given(
    st.lists(st.sampled_from(["A", "B", "C"]), max_size=6),
    st.lists(st.sampled_from(list(NameKind)), max_size=6),
)
def test_names_tuple_puts_primary_first_without_repeats(values: list[str], kinds: list[NameKind]) -> None:
    names = [Name(v, k) for v, k in zip(values, kinds, strict=False)]
    result = names_tuple(names)
    assert len(result) == len(set(result)) == len(set(names))
    primaries = [n for n in result if n.kind is NameKind.PRIMARY]
    assert list(result[: len(primaries)]) == primaries


PERSON = st.from_regex(r"[A-Z][a-z]{1,8}, [A-Z][a-z]{1,8}", fullmatch=True)
ALIASES = st.lists(st.from_regex(r"[A-Z][a-z]{1,8} [A-Z][a-z]{1,8}", fullmatch=True), max_size=3, unique=True)


@given(PERSON, ALIASES)
def test_dtc_names_round_trip(name: str, aliases: list[str]) -> None:
    text = f"{name} (a.k.a. {'; '.join(aliases)})" if aliases else name
    result = dtc_names(text)
    assert result[0] == Name(name)
    assert [n.value for n in result[1:]] == [a for a in aliases if a != name]


def test_fcc_and_isn_name_helpers() -> None:
    assert fcc_party("Telecommunications equipment produced by ZTE Corporation, including services.") == (
        "ZTE Corporation",
    )
    assert fcc_party("Routers produced in a foreign country, except routers approved by DoW.") == ()
    assert isn_aliases("Foo Trading, Ltd, F.K.A. Bar Co") == (
        Name("Foo Trading, Ltd", NameKind.ALIAS),
        Name("Bar Co", NameKind.FORMER),
    )
