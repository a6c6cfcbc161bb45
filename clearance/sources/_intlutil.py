"""Small helpers shared by the UN, UK, EU and other-US parsers: text cleaning, names, dates,
countries, and strict CSV reading that reports file, line and field."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import hashlib
import io
import re
import unicodedata
import zlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from clearance.errors import DataError
from clearance.model import Name, NameKind
from clearance.sources.base import read_head
from clearance.text.countries import country_code

T = TypeVar("T")

_SPACE = re.compile(r"\s+")


def clean(value: object) -> str | None:
    """Text with whitespace collapsed and trimmed; None for missing or blank values."""
    if value is None:
        return None
    text = _SPACE.sub(" ", str(value)).strip()
    return text or None


def join_parts(parts: Iterable[object]) -> str:
    """Name parts (first, second, ... name) joined by single spaces, blanks skipped."""
    return " ".join(c for c in (clean(p) for p in parts) if c)


def field_key(column: str) -> str:
    """A source column name as an ``extra`` key: "Parent Name" / "legalForm" -> "parent_name" / "legal_form"."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", column)
    return re.sub(r"[^a-z0-9]+", "_", spaced.lower()).strip("_")


def unique(values: Iterable[T]) -> tuple[T, ...]:
    """The values in first-seen order without repeats."""
    return tuple(dict.fromkeys(values))


def names_tuple(names: Iterable[Name]) -> tuple[Name, ...]:
    """Names without repeats (same value and kind), primary names first."""
    seen = unique(n for n in names if n.value)
    return tuple(sorted(seen, key=lambda n: n.kind is not NameKind.PRIMARY))


def is_non_latin(text: str) -> bool:
    """True when the text has letters and none of them is Latin (e.g. Cyrillic, Arabic, Han)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and not any(unicodedata.name(c, "").startswith("LATIN") for c in letters)


# --- dates ---------------------------------------------------------------------------------

_MONTHS = {
    m: i + 1
    for i, ms in enumerate(
        (
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        )
    )
    for m in ms.split()
}
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
_DAY_MONTH = re.compile(r"^(\d{1,2})\.? ([A-Za-z]+)\.?,? (\d{4})$")
_MONTH_DAY = re.compile(r"^([A-Za-z]+)\.? (\d{1,2}),? (\d{4})$")


def parse_date(text: str | None, *, dayfirst: bool = True) -> dt.date | None:
    """A full calendar date from the spellings lists use; None when blank, partial or not a date.

    Accepts ``2011-02-28``, ``28.2.2011``, ``28/02/2011`` (``02/28/2011`` with ``dayfirst=False``),
    ``2 December 1985``, ``26 Feb. 2011`` and ``March 12, 2021``.
    """
    value = clean(text)
    if value is None:
        return None
    year = month = day = 0
    if m := _ISO.match(value):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    elif m := _NUMERIC.match(value):
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        day, month = (a, b) if dayfirst else (b, a)
    elif m := _DAY_MONTH.match(value):
        day, month, year = int(m[1]), _MONTHS.get(m[2].lower(), 0), int(m[3])
    elif m := _MONTH_DAY.match(value):
        month, day, year = _MONTHS.get(m[1].lower(), 0), int(m[2]), int(m[3])
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def require_date(text: str | None, *, file: Path, line: int | None, field: str, dayfirst: bool = True) -> dt.date:
    """Like parse_date, but a value that is present and not a date is a DataError."""
    value = parse_date(text, dayfirst=dayfirst)
    if value is None:
        raise DataError(f"not a date: {text!r}", file=file, line=line, field=field)
    return value


# --- countries -----------------------------------------------------------------------------

# Nationality adjectives as the UN, UK and EU files write them (country names resolve directly).
_DEMONYMS: dict[str, str] = {
    "afghan": "AF", "algerian": "DZ", "american": "US", "azerbaijani": "AZ", "bahraini": "BH",
    "bangladeshi": "BD", "belarusian": "BY", "belarussian": "BY", "belgian": "BE", "bosnian": "BA",
    "british": "GB", "burmese": "MM", "myanmar/burma": "MM", "myanmar/ burma": "MM", "canadian": "CA",
    "central african": "CF", "chadian": "TD", "chinese": "CN", "congolese": "CD", "cuban": "CU",
    "danish": "DK", "dutch": "NL", "egyptian": "EG", "emirati": "AE", "eritrean": "ER",
    "ethiopian": "ET", "filipino": "PH", "french": "FR", "georgian": "GE", "german": "DE",
    "guatemalan": "GT", "guinean": "GN", "haitian": "HT", "indian": "IN", "indonesian": "ID",
    "iranian": "IR", "iraqi": "IQ", "israeli": "IL", "italian": "IT", "jordanian": "JO",
    "kazakh": "KZ", "kenyan": "KE", "kuwaiti": "KW", "kyrgyz": "KG", "lebanese": "LB",
    "libyan": "LY", "malaysian": "MY", "malian": "ML", "mauritanian": "MR", "moldovan": "MD",
    "moroccan": "MA", "nicaraguan": "NI", "nigerian": "NG", "nigerien": "NE", "north korean": "KP",
    "omani": "OM", "pakistani": "PK", "palestinian": "PS", "qatari": "QA", "russian": "RU",
    "rwandan": "RW", "saudi": "SA", "saudi arabian": "SA", "serbian": "RS", "somali": "SO",
    "south sudanese": "SS", "spanish": "ES", "sudanese": "SD", "swedish": "SE", "swiss": "CH",
    "syrian": "SY", "tajik": "TJ", "tanzanian": "TZ", "tunisian": "TN", "turkish": "TR",
    "turkmen": "TM", "ugandan": "UG", "ukrainian": "UA", "uzbek": "UZ", "venezuelan": "VE",
    "yemeni": "YE", "drc": "CD", "cypriot": "CY", "greek": "GR", "australian": "AU",
    "state of palestine": "PS", "former soviet union": "SU", "kosovar": "XK", "montenegrin": "ME",
    "armenian": "AM", "latvian": "LV", "lithuanian": "LT",
    "estonian": "EE", "polish": "PL", "romanian": "RO", "bulgarian": "BG", "hungarian": "HU",
}  # fmt: skip

_SPLIT = re.compile(r"\s*(?:;|/|,|\.\s|\band\b|\([a-z0-9]{1,2}\))\s*")


def country_of(text: str | None) -> str | None:
    """ISO alpha-2 code for one country name, code or nationality adjective; None when unknown."""
    value = clean(text)
    if value is None:
        return None
    code = country_code(value)
    if code is None:
        key = value.lower().strip(" .")
        code = _DEMONYMS.get(key)
        if code is None and key.startswith("assumed "):
            code = country_of(key[len("assumed ") :])
        if code is None and "(" in value:
            # "Iran (Islamic Republic of)", "Democratic People's Republic of Korea (DPRK)"
            bare = re.sub(r"\s*\([^)]*\)", "", value)
            code = country_of(bare) if bare != value else None
    return code


def numbered(text: str | None) -> tuple[str, ...]:
    """The items of a numbered cell: "(1) 223611 (2) C00146605" -> ("223611", "C00146605")."""
    value = clean(text)
    if value is None:
        return ()
    parts = re.split(r"\(\s*(?:\d{1,2}|[a-z])\s*\)", value) if re.match(r"\(\s*(?:1|a)\s*\)", value) else [value]
    return unique(p for p in (clean(x.strip(" .;,")) for x in parts) if p)


def countries_in(text: str | None) -> tuple[str, ...]:
    """Every country named in a free-text cell ("Ukrainian, Russian", "(a) German, (b) Moroccan")."""
    value = clean(text)
    if value is None:
        return ()
    whole = country_of(value)
    if whole is not None:
        return (whole,)
    value = re.sub(r"\([^)]{4,}\)", " ", value)  # drop long parenthetical remarks
    codes = (country_of(part) for part in _SPLIT.split(value))
    return unique(c for c in codes if c)


# --- CSV -----------------------------------------------------------------------------------


def sniff_header(path: Path) -> tuple[str, ...] | None:
    """The first CSV record of a file (decompressed if .gz), or None if it cannot be read as CSV.

    Cheap and never raises: used by ``claim``.
    """
    try:
        head = read_head(path, 8192)
    except (OSError, EOFError, ValueError):
        return None
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    text = head.decode("utf-8", errors="ignore")
    first = text.split("\n", 1)[0].rstrip("\r")
    if not first:
        return None
    try:
        row = next(csv.reader([first]))
    except (csv.Error, StopIteration):
        return None
    return tuple(c.strip() for c in row)


def read_text(path: Path) -> str:
    """A whole UTF-8 text file (decompressed if .gz, BOM dropped); DataError names the bad line."""
    try:
        if path.suffix == ".gz":
            with gzip.open(path, "rb") as fh:
                data = fh.read()
        else:
            data = path.read_bytes()
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise DataError(f"broken or truncated gzip file: {exc}", file=path) from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x}: {exc.reason}); save the file as UTF-8",
            file=path,
            line=line,
        ) from None


def read_csv(path: Path, required: Sequence[str], *, skip_lines: int = 0) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a UTF-8 CSV file with a header as (line, {column: value}).

    ``required`` columns must all be in the header; a row with more or fewer cells than the header,
    a byte sequence that is not UTF-8, an empty file or a broken gzip stream raises DataError naming
    the file, the line and the column.
    """
    text = read_text(path)
    lines = io.StringIO(text, newline="")
    for _ in range(skip_lines):
        lines.readline()
    reader = csv.reader(lines, strict=True)
    line = skip_lines + 1
    try:
        try:
            header = [h.strip() for h in next(reader)]
        except StopIteration:
            raise DataError("empty file: no header row", file=path, line=line) from None
        missing = [c for c in required if c not in header]
        if missing:
            raise DataError(
                f"header lacks column(s) {', '.join(missing)}; found {', '.join(header)}",
                file=path,
                line=line,
                field=missing[0],
            )
        while True:
            line = skip_lines + reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            if not any(c.strip() for c in row):
                continue
            if len(row) != len(header):
                col = header[len(row)] if len(row) < len(header) else f"column {len(header) + 1}"
                raise DataError(
                    f"row has {len(row)} cells, header has {len(header)} (truncated or misquoted row?)",
                    file=path,
                    line=line,
                    field=col,
                )
            yield line, dict(zip(header, row, strict=True))
    except csv.Error as exc:
        why = "a quoted field is never closed (file cut off?)" if "end of data" in str(exc) else str(exc)
        raise DataError(f"malformed CSV: {why}", file=path, line=line) from None


def split_cell(cell: str | None) -> tuple[str, ...]:
    """A ``; ``-separated multi-value cell (values may be CSV-quoted) as its trimmed values."""
    if not cell or not cell.strip():
        return ()
    try:
        values = next(csv.reader([cell], delimiter=";", skipinitialspace=True))
    except csv.Error:
        values = cell.split(";")
    return unique(v for v in (clean(x) for x in values) if v)


def slug(text: str) -> str:
    """A stable ASCII id fragment: "Huawei Technologies Co., Ltd." -> "huawei-technologies-co-ltd"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or (
        "h" + hashlib.sha1(text.encode()).hexdigest()[:10]
    )


def month_year(text: str | None) -> str | None:
    """A partial date as ISO: "November, 1981" -> "1981-11", "1964" -> "1964"; full dates as ISO."""
    value = clean(text)
    if value is None:
        return None
    full = parse_date(value, dayfirst=False)
    if full:
        return full.isoformat()
    m = re.fullmatch(r"([A-Za-z]+)\.?,? (\d{4})", value)
    if m and m[1].lower() in _MONTHS:
        return f"{m[2]}-{_MONTHS[m[1].lower()]:02d}"
    return value
