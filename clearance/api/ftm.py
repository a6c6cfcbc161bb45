"""Entries as FollowTheMoney-style entities (what yente clients read): id, schema, caption, properties.

An entity's id is ``<list code>-<entry id>`` (an entry id that already starts with its list code is used as it
is), so ids are unique across lists; the bare entry id is kept in ``referents`` and redirects to it.
"""

from __future__ import annotations

from typing import Any

from clearance.api.datasets import topic_of
from clearance.model.entity import Entity, NameKind, Schema
from clearance.model.lists import LISTS
from clearance.store import VersionInfo

FTM_SCHEMA = {Schema.AIRCRAFT: "Airplane"}
SCHEMA_OF_FTM: dict[str, Schema] = {
    "Person": Schema.PERSON, "Company": Schema.COMPANY, "Organization": Schema.ORGANIZATION,
    "LegalEntity": Schema.LEGAL_ENTITY, "Vessel": Schema.VESSEL, "Airplane": Schema.AIRCRAFT,
    "Thing": Schema.LEGAL_ENTITY, "PublicBody": Schema.ORGANIZATION,
}  # fmt: skip
_NAME_PROP = {NameKind.PRIMARY: "name", NameKind.ALIAS: "alias", NameKind.WEAK_ALIAS: "weakAlias",
              NameKind.FORMER: "previousName", NameKind.ORIGINAL_SCRIPT: "alias"}
_ID_PROP = {"IMO": "imoNumber", "Registration Number": "registrationNumber", "Tax ID No.": "taxNumber",
            "SWIFT/BIC": "swiftBic", "Passport": "passportNumber"}


def entity_id(e: Entity) -> str:
    return e.entry_id if e.entry_id.startswith(f"{e.list_code}-") else f"{e.list_code}-{e.entry_id}"


def _add(props: dict[str, list[Any]], key: str, value: Any) -> None:
    if value is None or value == "":
        return
    values = props.setdefault(key, [])
    if value not in values:
        values.append(value)


def properties(e: Entity) -> dict[str, list[Any]]:
    props: dict[str, list[Any]] = {}
    for n in e.names:
        _add(props, _NAME_PROP[n.kind], n.value)
    for a in e.addresses:
        _add(props, "address", a.full)
    for c in e.countries:
        _add(props, "country", c.lower())
    for c in e.nationalities:
        _add(props, "nationality", c.lower())
    for b in e.birth_dates:
        _add(props, "birthDate", b)
    for i in e.identifiers:
        _add(props, _ID_PROP.get(i.kind, "idNumber"), i.value)
    for p in e.programs:
        _add(props, "program", p)
    _add(props, "topics", topic_of(e.list_code))
    _add(props, "notes", e.remarks)
    return props


def to_ftm(e: Entity, version: VersionInfo | None, *, nested: bool = True) -> dict[str, Any]:
    eid = entity_id(e)
    out: dict[str, Any] = {
        "id": eid,
        "caption": e.name,
        "schema": FTM_SCHEMA.get(e.schema, e.schema.value),
        "properties": properties(e),
        "datasets": [e.list_code],
        "referents": [e.entry_id] if e.entry_id != eid else [],
        "target": True,
        "last_seen": version.loaded_at.isoformat() if version is not None else None,
    }
    if nested:
        info = LISTS.get(e.list_code)
        sanction: dict[str, list[Any]] = {"entity": [eid]}
        _add(sanction, "authority", info.authority if info else None)
        _add(sanction, "program", info.title if info else e.list_code)
        for p in e.programs:
            _add(sanction, "programId", p)
        _add(sanction, "listingDate", e.listed_on.isoformat() if e.listed_on else None)
        _add(sanction, "reason", e.license_requirement)
        _add(sanction, "provisions", e.license_policy)
        for fr in e.federal_register:
            _add(sanction, "summary", fr)
        out["properties"]["sanctions"] = [{
            "id": f"{eid}-sanction", "caption": sanction["program"][0], "schema": "Sanction",
            "properties": sanction, "datasets": [e.list_code], "referents": [], "target": False,
        }]
    return out
