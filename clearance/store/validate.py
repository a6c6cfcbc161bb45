"""Check a parsed list before anything is written, and turn it into table rows.

Every problem raises ``DataError`` naming the source file, the entry's line and the field, so a
bad list never reaches the database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from clearance.errors import DataError
from clearance.model import ParsedList
from clearance.model.lists import LISTS


@dataclass(frozen=True, slots=True)
class PreparedList:
    """Rows ready for insertion (without ``version_id``, added once the version number is known).

    The ``payload`` of an entity row is its ``Entity.to_dict()`` already encoded as JSON text.
    """

    entity_rows: list[dict[str, Any]]
    name_rows: list[dict[str, Any]]


def _has_nul(value: Any) -> bool:
    # PostgreSQL cannot store NUL in text or JSONB; SQLite could, so reject it everywhere alike.
    return "\\u0000" in _dump(value)


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def prepare(parsed: ParsedList) -> PreparedList:
    first_file = parsed.source_files[0] if parsed.source_files else None
    if parsed.list_code not in LISTS:
        raise DataError(
            f"unknown list code {parsed.list_code!r}; known: {', '.join(LISTS)}",
            file=first_file,
            field="list_code",
        )
    if not parsed.source_files:
        raise DataError(f"list {parsed.list_code!r} names no source file", field="source_files")
    if not parsed.checksum.strip() or len(parsed.checksum) > 128:
        raise DataError(
            f"missing or malformed source checksum {parsed.checksum!r}", file=first_file, field="checksum"
        )
    if not parsed.parser.strip():
        raise DataError("missing parser id", file=first_file, field="parser")
    if not parsed.entities:
        raise DataError(
            f"no entries for list {parsed.list_code!r} (empty or truncated file?)", file=first_file
        )

    seen: dict[str, int | None] = {}
    entity_rows: list[dict[str, Any]] = []
    name_rows: list[dict[str, Any]] = []
    for position, entity in enumerate(parsed.entities):
        where = entity.source_file or first_file
        if entity.list_code != parsed.list_code:
            raise DataError(
                f"entry {entity.entry_id!r} belongs to list {entity.list_code!r}, not {parsed.list_code!r}",
                file=where,
                line=entity.source_line,
                field="list_code",
            )
        if entity.entry_id in seen:
            first_line = seen[entity.entry_id]
            also = f" (first at line {first_line})" if first_line is not None else ""
            raise DataError(
                f"duplicate entry id {entity.entry_id!r}{also}",
                file=where,
                line=entity.source_line,
                field="entry_id",
            )
        seen[entity.entry_id] = entity.source_line
        payload = entity.to_dict()
        text = _dump(payload)
        if "\\u0000" in text:
            bad = next(key for key, value in payload.items() if _has_nul(value))
            raise DataError(
                f"entry {entity.entry_id!r} contains a NUL character",
                file=where,
                line=entity.source_line,
                field=bad,
            )
        entity_rows.append(
            {
                "entry_id": entity.entry_id,
                "position": position,
                "schema": entity.schema.value,
                "name": entity.name,
                "payload": text,  # JSON text, encoded once
            }
        )
        name_rows.extend(
            {"entry_id": entity.entry_id, "idx": idx, "value": n.value, "kind": n.kind.value, "lang": n.lang}
            for idx, n in enumerate(entity.names)
        )
    return PreparedList(entity_rows, name_rows)
