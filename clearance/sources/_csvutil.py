"""Helpers shared by the US list parsers: strict text decoding, CSV records with their line
numbers, multi-value cells, addresses ending in a country, stable ids and dates in file names.

Every failure is a :class:`~clearance.errors.DataError` naming the file, line and field.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from clearance.errors import DataError
from clearance.model import Address
from clearance.sources.base import read_head
from clearance.text.countries import country_code

_SPACE = re.compile(r"\s+")
_FILE_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_ISO2 = re.compile(r"^[A-Z]{2}$")


def clean(value: str | None) -> str | None:
    """Whitespace collapsed (incl. no-break spaces) and trimmed; None when blank."""
    if value is None:
        return None
    text = _SPACE.sub(" ", value.replace("\xa0", " ")).strip()
    return text or None


def read_text(path: Path, *, strip_eof: bool = False) -> str:
    """The whole file as UTF-8 text (a BOM is dropped). Non-UTF-8 bytes are a DataError naming the line.

    ``strip_eof`` drops the trailing DOS end-of-file byte (0x1A) that OFAC files carry.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read file: {exc.strerror or exc}", file=path) from exc
    if strip_eof:
        data = data.rstrip(b"\x1a\r\n \t")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise DataError(
            f"not UTF-8 text: byte 0x{data[exc.start]:02x} at offset {exc.start} cannot be decoded",
            file=path,
            line=line,
        ) from exc
    if not text.strip():
        raise DataError("file is empty", file=path)
    return text


def head_text(path: Path, size: int = 4096) -> str | None:
    """The first bytes of a file as text for sniffing in ``claim``; None for binary or unreadable files."""
    try:
        head = read_head(path, size)
    except (OSError, EOFError, ValueError):
        return None
    if b"\x00" in head or head.startswith(b"PK\x03\x04"):
        return None
    return head.decode("utf-8-sig", errors="replace")


def first_line(path: Path) -> str | None:
    text = head_text(path)
    if text is None:
        return None
    return text.splitlines()[0] if text.strip() else None


def csv_records(
    text: str, path: Path, width: int, *, delimiter: str = ",", header: tuple[str, ...] = ()
) -> Iterator[tuple[int, list[str]]]:
    """(line, fields) of each CSV record, ``line`` being the 1-based line the record starts on.

    Every record must have exactly ``width`` fields: a cut-off or malformed record is a DataError
    naming its line. Blank lines are skipped. ``header`` names the fields for error messages.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    end = 0
    while True:
        start = end + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise DataError(f"malformed CSV record: {exc}", file=path, line=start) from exc
        end = reader.line_num
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if len(row) != width:
            field = header[len(row) - 1] if header and 0 < len(row) <= len(header) else None
            raise DataError(
                f"record has {len(row)} fields, expected {width} (cut off or malformed row)",
                file=path,
                line=start,
                field=field,
            )
        yield start, row


def check_header(
    text: str, path: Path, expected: tuple[str, ...], *, delimiter: str = ",", ordered: bool = True, what: str = ""
) -> list[str]:
    """The header (first record) of a CSV text; a DataError naming the missing/unknown columns otherwise."""
    try:
        header = [h.strip() for h in next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), [])]
    except csv.Error as exc:
        raise DataError(f"malformed header: {exc}", file=path, line=1) from exc
    missing = [c for c in expected if c not in header]
    unknown = [c for c in header if c not in expected]
    bad_order = ordered and header != list(expected)
    if missing or unknown or len(set(header)) != len(header) or bad_order:
        detail = "; ".join(
            part
            for part in (
                f"missing {', '.join(missing)}" if missing else "",
                f"unknown {', '.join(unknown)}" if unknown else "",
            )
            if part
        )
        raise DataError(
            f"not the {what or 'expected'} header ({detail or 'columns repeated or out of order'})",
            file=path,
            line=1,
            field=", ".join(missing or unknown) or None,
        )
    return header


def split_multi(cell: str | None, sep: str = ";") -> tuple[str, ...]:
    """The values of a multi-valued cell ("a; b; c"), cleaned, blanks and repeats dropped."""
    if not cell:
        return ()
    out = (clean(p) for p in cell.split(sep))
    return tuple(dict.fromkeys(p for p in out if p))


def address_of(text: str) -> Address:
    """An address written "street, city, CC" (or ending in a country name) -> Address(full, country).

    The last comma-separated part is taken as the country when it is an ISO alpha-2 code or a
    country name that :func:`country_code` knows; otherwise the country is None.
    """
    full = clean(text) or ""
    parts = [p for p in (clean(x) for x in full.rstrip(",. ").split(",")) if p]
    country: str | None = None
    if parts:
        last = parts[-1].rstrip(".")
        if _ISO2.match(last) or len(last) > 2:
            country = country_code(last)
    return Address(full=full, country=country)


def unique(values: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def date_in_name(path: Path) -> dt.date | None:
    """The last YYYY-MM-DD date written in a file name (``sdn_2024-05-03.csv``), else in the name of
    its folder (``2021-07-07_full_set/sdn.csv``), or None."""
    found = _FILE_DATE.findall(path.name) or _FILE_DATE.findall(path.parent.name)
    for y, m, d in reversed(found):
        try:
            return dt.date(int(y), int(m), int(d))
        except ValueError:
            continue
    return None


def iso_date(value: str | None, path: Path, line: int, field: str) -> dt.date | None:
    """A YYYY-MM-DD date (blank -> None); anything else is a DataError."""
    text = clean(value)
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise DataError(f"not a YYYY-MM-DD date: {text!r}", file=path, line=line, field=field) from None


def us_date(value: str | None, path: Path, line: int, field: str) -> dt.date | None:
    """An MM/DD/YYYY date (blank -> None); anything else is a DataError."""
    text = clean(value)
    if text is None:
        return None
    try:
        return dt.datetime.strptime(text, "%m/%d/%Y").date()
    except ValueError:
        raise DataError(f"not an MM/DD/YYYY date: {text!r}", file=path, line=line, field=field) from None


def norm_key(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key used for stable ids and joins."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold().replace("&", " and ")
    return " ".join(re.findall(r"\w+", text))


def short_hash(*parts: str, size: int = 12) -> str:
    """A short, stable hex digest of the parts (separated so that ("ab","c") != ("a","bc"))."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:size]


# --- names -----------------------------------------------------------------------------------

_TRAILING_PAREN = re.compile(r"^(?P<base>.*\S)\s*\((?P<short>[^()]{1,60})\)\s*\.?$")
_NOT_SHORT_FORMS = frozenset(
    {"pvt", "private", "ltd", "limited", "llc", "inc", "plc", "pte", "gmbh", "co", "corp", "jsc", "pjsc"}
)


def _towns(addresses: Sequence[str]) -> frozenset[str]:
    """The comma-separated parts of ``addresses`` that hold no digit, as ``norm_key``s: "No. 26 Yongsheng Road,
    Kunlun Street, Liyang , CN" -> {"kunlun street", "liyang", "cn"} (not "NAE: 72", a building's name and number)."""
    return frozenset(k for a in addresses for part in a.split(",")
                     if not any(ch.isdigit() for ch in part) and (k := norm_key(part)))


def is_non_latin(text: str) -> bool:
    """True when the text has letters and none of them is Latin (Han, Cyrillic, Arabic...)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and not any(unicodedata.name(c, "").startswith("LATIN") for c in letters)


def town_after(name: str, addresses: Sequence[str]) -> str | None:
    """The name without a town of its entry's ``addresses`` written after it in parentheses ("System Equipment Co.,
    Ltd. of the 28th Research Institute (Liyang)"), or None."""
    m = _TRAILING_PAREN.match(name.strip())
    if not m or norm_key(m.group("short")) not in _towns(addresses):
        return None
    return m.group("base").rstrip(" ,") or None


def short_form(name: str, addresses: Sequence[str] = ()) -> tuple[str, str] | None:
    """For "Huawei Technologies Co., Ltd. (Huawei)": (long form without the parenthesis, short form).

    Only a parenthesis that ends the name counts; legal forms ("(Pvt)"), countries ("(Hong Kong)"), a town of the
    entry's own ``addresses`` ("System Equipment Co., Ltd. of the 28th Research Institute (Liyang)", at "..., Liyang,
    CN": the town, not a name the party goes by -- adversarial R18-22) and notes ("(see ...)", "(formerly ...)") are
    not short forms.
    """
    m = _TRAILING_PAREN.match(name.strip())
    if not m:
        return None
    short = clean(m.group("short")) or ""
    key = norm_key(short)
    if not key or key in _NOT_SHORT_FORMS or country_code(short) is not None or town_after(name, addresses):
        return None
    if key.split()[0] in {"see", "formerly", "a", "aka", "fka", "also", "including", "and"}:
        return None
    long_form = m.group("base").rstrip(" ,")
    return (long_form, short) if long_form else None  # "(X)" after nothing but punctuation is no short form
