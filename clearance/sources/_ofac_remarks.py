"""Facts in OFAC's free-text Remarks: "DOB 01 Jan 1960; POB Tehran, Iran; nationality Iran;
Passport X123 (Iran); a.k.a. 'SHORT NAME'; Gender Male; Linked To: ACME LTD."

:func:`parse_remarks` never raises: what it does not recognise stays in the remarks text (which
the parser keeps in full). Quoted ``a.k.a.`` names in the remarks are OFAC's *weak* aliases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clearance.model import Identifier
from clearance.text.countries import country_code

_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES, start=1)}
_DATE = re.compile(r"^(?:(\d{1,2})\s+)?(?:([A-Za-z]{3})[a-z]*\.?\s+)?(\d{4})$")
_QUOTED = re.compile(r"\b([afn])\.k\.a\.,?\s*'(.+?)'(?=\s*(?:[;,.]|$))")
_ID_KINDS = (
    r"Passport|Diplomatic Passport|National ID No\.|Cedula No\.|Tax ID No\.|Registration Number|Registration ID|"
    r"C\.U\.R\.P\.|R\.F\.C\.|RFC|NIT #|RUC #|RIF #|V\.A\.T\. Number|Legal Entity Number|Government Gazette Number|"
    r"Travel Document Number|Identification Number|Driver's License No\.|Business Registration Number|"
    r"Business Registration Document #|Company Number|UK Company Number|D-U-N-S Number|"
    r"Unified Social Credit Code \(USCC\)|SWIFT/BIC|MMSI|Vessel Registration Identification|"
    r"Aircraft Manufacturer's Serial Number \(MSN\)|Aircraft Tail Number|Digital Currency Address - \w+|"
    r"D\.N\.I\.|Matricula Mercantil No|Electoral Registry No\.|Personal ID Card|Commercial Registry Number|"
    r"Trade License Number|Folio Mercantil No\.|Kenyan ID No\.|Italian Fiscal Code|SSN|Chamber of Commerce Number|"
    r"Public Security and Immigration No\.|Enterprise Number|Residency Number|Birth Certificate Number"
)
_ID = re.compile(
    rf"^(?:alt\.\s+)?(?P<kind>{_ID_KINDS})\s+(?P<value>.+?)(?:\s+\((?P<country>[^()]+)\))?"
    r"(?:\s+(?:issued|expires|expired)\b.*)?$"
)
_IMO = re.compile(r"^IMO\s+(\d{7})$")


@dataclass(frozen=True, slots=True)
class RemarkFacts:
    birth_dates: tuple[str, ...] = ()  # "1960-01-01", "1960-01" or "1960"
    nationalities: tuple[str, ...] = ()  # ISO alpha-2 (nationality and citizenship)
    identifiers: tuple[Identifier, ...] = ()
    weak_aliases: tuple[str, ...] = ()  # a.k.a. 'X' / n.k.a. 'X' in the remarks
    former_names: tuple[str, ...] = ()  # f.k.a. 'X' in the remarks
    extra: tuple[tuple[str, str], ...] = ()  # gender, place_of_birth, linked_to


def partial_date(text: str) -> str | None:
    """"01 Jan 1960" -> "1960-01-01", "Jan 1960" -> "1960-01", "1960" -> "1960"; None otherwise."""
    m = _DATE.match(text.strip())
    if not m:
        return None
    day, month, year = m.groups()
    if month is None:
        return year if day is None else None
    mon = _MONTHS.get(month.lower())
    if mon is None:
        return None
    if day is None:
        return f"{year}-{mon:02d}"
    if not 1 <= int(day) <= 31:
        return None
    return f"{year}-{mon:02d}-{int(day):02d}"


def birth_dates(value: str) -> tuple[str, ...]:
    """A DOB value: a date, "circa 1960", or a range "1958 to 1960" (both ends)."""
    value = re.sub(r"^circa\s+", "", value.strip(), flags=re.IGNORECASE)
    out = [d for d in (partial_date(p) for p in re.split(r"\s+to\s+", value)) if d]
    return tuple(out)


def _identifier(item: str) -> Identifier | None:
    m = _ID.match(item)
    if not m:
        return None
    kind, value = m.group("kind"), m.group("value").strip(" ,")
    country = country_code(m.group("country")) if m.group("country") else None
    imo = _IMO.match(value)
    if imo:
        return Identifier(kind="IMO", value=imo.group(1))
    if country is None and m.group("country"):
        value = f"{value} ({m.group('country')})"  # a city or authority in brackets, not a country
    return Identifier(kind=kind, value=value, country=country) if value else None


def parse_remarks(text: str | None) -> RemarkFacts:
    """The facts OFAC writes in Remarks (see the module docstring). Never raises."""
    if not text:
        return RemarkFacts()
    weak: list[str] = []
    former: list[str] = []
    for kind, name in _QUOTED.findall(text):
        (former if kind == "f" else weak).append(name.strip())
    dobs: list[str] = []
    nationalities: list[str] = []
    identifiers: list[Identifier] = []
    extra: list[tuple[str, str]] = []
    rest = _QUOTED.sub("", text)
    for raw in rest.split(";"):
        item = raw.strip().rstrip(".").strip()
        if not item:
            continue
        plain = re.sub(r"^alt\.\s+", "", item)
        if plain.startswith("DOB "):
            dobs.extend(birth_dates(plain[4:]))
        elif plain.startswith(("nationality ", "citizen ")):
            code = country_code(plain.split(" ", 1)[1])
            if code:
                nationalities.append(code)
        elif plain.startswith("POB "):
            extra.append(("place_of_birth", plain[4:].strip()))
        elif plain.startswith("Gender "):
            extra.append(("gender", plain[7:].strip()))
        elif plain.startswith("Linked To:"):
            extra.append(("linked_to", plain[10:].strip()))
        elif ident := _identifier(item):
            identifiers.append(ident)
    return RemarkFacts(
        birth_dates=tuple(dict.fromkeys(dobs)),
        nationalities=tuple(dict.fromkeys(nationalities)),
        identifiers=tuple(dict.fromkeys(identifiers)),
        weak_aliases=tuple(dict.fromkeys(weak)),
        former_names=tuple(dict.fromkeys(former)),
        extra=tuple(dict.fromkeys(extra)),
    )
