"""Alias tables: extra names of listed entries, such as the Chinese registered name of an Entity List party.

A table is a CSV file with the columns ``list, entry_key, alias, script, source`` (lines starting with
``#`` are comments): ``list`` is a list code (``el``, ``sdn``, ...), ``entry_key`` the entry's id in that list
(``Entity.entry_id``), ``alias`` the name in any script, ``script`` the script it is written in (``Han``,
``Cyrillic``, ``Latin``, ...; it must be the script of the alias), ``source`` where the name comes from (a URL
or a document, shown in explanations as "matched alias from <source>").

The package ships one table (``clearance/resources/aliases.csv``, made by bench/screening/alias_table.py);
users add their own with ``clearance lists aliases load FILE``. Aliases are handed to the screening index
build as ``(list:entry_id, alias, source)`` triples; an alias whose entry is not loaded is ignored there.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from clearance.errors import DataError
from clearance.model.entity import Entity
from clearance.text.scripts import scripts_of

COLUMNS = ("list", "entry_key", "alias", "script", "source")
SHIPPED = "aliases.csv"
MAX_ALIAS = 500  # characters; a longer cell is a broken file, not a name
MAX_ROWS = 1_000_000

# One alias as the screening index takes it: ("list:entry_id", alias, source).
ExtraName = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class AliasRow:
    list_code: str
    entry_key: str
    alias: str
    script: str
    source: str

    @property
    def entity_key(self) -> str:
        return f"{self.list_code}:{self.entry_key}"

    def extra_name(self) -> ExtraName:
        return (self.entity_key, self.alias, self.source)


def parse_table(text: str, file: str) -> list[AliasRow]:
    """Rows of an alias table; any bad row raises DataError naming the file, line and field."""
    lines = text.splitlines(keepends=True)
    body = [(i + 1, ln) for i, ln in enumerate(lines) if ln.strip() and not ln.lstrip().startswith("#")]
    if not body:
        raise DataError("empty alias table (no header line)", file=file)
    header_line, header_text = body[0]
    header = [h.strip().lower() for h in next(csv.reader([header_text]))]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise DataError(f"missing column(s) {', '.join(missing)}; expected {', '.join(COLUMNS)}",
                        file=file, line=header_line)
    col = {c: header.index(c) for c in COLUMNS}
    rows: list[AliasRow] = []
    seen: set[tuple[str, str, str]] = set()
    for line_no, text_line in body[1:]:
        try:
            cells = next(csv.reader([text_line]))
        except csv.Error as exc:
            raise DataError(f"malformed CSV: {exc}", file=file, line=line_no) from None
        if len(cells) != len(header):
            raise DataError(f"{len(cells)} fields, the header has {len(header)}", file=file, line=line_no)
        values = {c: cells[i].strip() for c, i in col.items()}
        for c in COLUMNS:
            if not values[c]:
                raise DataError("empty value", file=file, line=line_no, field=c)
        alias = " ".join(values["alias"].split())
        if len(alias) > MAX_ALIAS:
            raise DataError(f"alias longer than {MAX_ALIAS} characters", file=file, line=line_no, field="alias")
        found = scripts_of(alias) - {"Common"}
        if values["script"] not in found:
            have = ", ".join(sorted(found)) or "none"
            raise DataError(f"script {values['script']!r} does not match the alias (its scripts: {have})",
                            file=file, line=line_no, field="script")
        key = (values["list"].lower(), values["entry_key"], alias)
        if key in seen:
            raise DataError("the same alias of the same entry twice", file=file, line=line_no, field="alias")
        seen.add(key)
        rows.append(AliasRow(values["list"].lower(), values["entry_key"], alias, values["script"], values["source"]))
        if len(rows) > MAX_ROWS:
            raise DataError(f"more than {MAX_ROWS:,} rows", file=file, line=line_no)
    return rows


def read_table(path: Path) -> list[AliasRow]:
    """Read and validate an alias table file (UTF-8, optional BOM)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read alias table: {exc.strerror or exc}", file=path) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError("not UTF-8 text", file=path, line=line) from None
    return parse_table(text, str(path))


def shipped_text() -> str:
    return resources.files("clearance.resources").joinpath(SHIPPED).read_text(encoding="utf-8")


def shipped() -> list[AliasRow]:
    """The alias table shipped with the package (parsed once per process)."""
    return list(_shipped_rows())


@functools.cache
def _shipped_rows() -> tuple[AliasRow, ...]:
    return tuple(parse_table(shipped_text(), f"clearance/resources/{SHIPPED}"))


def shipped_version() -> str:
    """The version stated on the first line of the shipped table ("# ... version X ...")."""
    first = io.StringIO(shipped_text()).readline()
    parts = first.split()
    return parts[parts.index("version") + 1] if "version" in parts else "unknown"


def digest(rows: Iterable[AliasRow]) -> str:
    """Changes whenever any alias changes (part of the screening index cache key)."""
    h = hashlib.sha256()
    for r in rows:
        h.update("\x1f".join((r.list_code, r.entry_key, r.alias, r.script, r.source)).encode())
        h.update(b"\x1e")
    return h.hexdigest()[:16]


def unresolved(rows: Sequence[AliasRow], entities: Iterable[Entity]) -> list[AliasRow]:
    """The rows whose entry is not among ``entities`` (for a user: a typo in an entry key or list code)."""
    keys = {f"{e.list_code}:{e.entry_id}" for e in entities}
    return [r for r in rows if r.entity_key not in keys]


def write_table(rows: Iterable[AliasRow]) -> str:
    """CSV text of rows (the same columns), e.g. to export what is stored."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(COLUMNS)
    for r in rows:
        w.writerow((r.list_code, r.entry_key, r.alias, r.script, r.source))
    return out.getvalue()
