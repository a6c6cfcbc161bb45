"""Real OFAC rows read with the csv module, turned into a ParsedList for the store tests.

The real parsers (clearance/sources/) are tested on their own; the store tests only need real
entities with real names, aliases and addresses, so they read the legacy CSV files directly.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import hashlib
import io
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path

from clearance.model import Address, Entity, Name, NameKind, ParsedList, Schema
from clearance.text.countries import country_code

SCHEMAS = {
    "individual": Schema.PERSON,
    "vessel": Schema.VESSEL,
    "aircraft": Schema.AIRCRAFT,
    "": Schema.ORGANIZATION,
}
ALT_KINDS = {"aka": NameKind.ALIAS, "fka": NameKind.FORMER, "nka": NameKind.ALIAS}


def ofac_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line number, cleaned cells) of an OFAC legacy CSV (no header, ``-0-`` empty, trailing 0x1A)."""
    text = path.read_bytes().decode("utf-8").rstrip("\x1a\r\n")
    for line_no, row in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
        if row:
            yield line_no, ["" if c.strip() == "-0-" else c.strip() for c in row]


def _checksum(files: Sequence[Path]) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update(f.read_bytes())
    return h.hexdigest()


def ofac_list(
    sdn: Path,
    alt: Path | None = None,
    add: Path | None = None,
    *,
    list_code: str = "sdn",
    data_date: dt.date | None = None,
    limit: int | None = None,
) -> ParsedList:
    """Entities of an OFAC primary file, with aliases and addresses joined by ent_num."""
    aliases: dict[str, list[Name]] = defaultdict(list)
    if alt is not None:
        for _, row in ofac_rows(alt):
            aliases[row[0]].append(Name(row[3], ALT_KINDS.get(row[2].lower(), NameKind.ALIAS)))
    addresses: dict[str, list[Address]] = defaultdict(list)
    if add is not None:
        for _, row in ofac_rows(add):
            full = ", ".join(p for p in row[2:5] if p)
            if full:
                addresses[row[0]].append(
                    Address(full, street=row[2] or None, city=row[3] or None, country=country_code(row[4]))
                )
    out: list[Entity] = []
    for line_no, row in ofac_rows(sdn):
        ent, name, kind, program, remarks = row[0], row[1], row[2], row[3], row[11]
        addrs = tuple(addresses.get(ent, ()))
        out.append(
            Entity(
                list_code=list_code,
                entry_id=ent,
                schema=SCHEMAS.get(kind.lower(), Schema.LEGAL_ENTITY),
                names=(Name(name), *aliases.get(ent, ())),
                addresses=addrs,
                countries=tuple(dict.fromkeys(a.country for a in addrs if a.country)),
                programs=tuple(p.strip("[] ") for p in program.split("] [") if p.strip("[] ")),
                remarks=remarks or None,
                source_file=sdn.name,
                source_line=line_no,
            )
        )
        if limit is not None and len(out) >= limit:
            break
    files = tuple(f for f in (sdn, alt, add) if f is not None)
    return ParsedList(
        list_code=list_code,
        entities=tuple(out),
        source_files=tuple(str(f) for f in files),
        checksum=_checksum(files),
        parser="test-ofac-csv@1",
        data_date=data_date,
    )


def subset(parsed: ParsedList, stop: int, start: int = 0) -> ParsedList:
    """Real entries ``start:stop`` of a list, as a list of their own (with its own checksum)."""
    checksum = hashlib.sha256(f"{parsed.checksum}:{start}:{stop}".encode()).hexdigest()
    return dataclasses.replace(parsed, entities=parsed.entities[start:stop], checksum=checksum)
