"""Build Requests from order/scenario data (the schema of ../shared/regulatory/ear-scenarios.yaml).

Free-text fields of that schema (``knowledge``, ``end_use``, the item description) are mapped to
:class:`Fact` codes by a few explicit phrases listed in FACT_PHRASES; each mapping is recorded as a
note so a reader can see which words produced which fact. Parties without ``listings`` stay
"not screened" unless their name itself says they are not listed ("non-listed ...", "unlisted ...").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any

from clearance.errors import DataError
from clearance.model.determination import (
    Fact,
    FdpFacts,
    Item,
    LicenceState,
    Owner,
    Party,
    Request,
    Role,
    Transaction,
    UsInput,
)
from clearance.rules.chart import UNSPECIFIED
from clearance.rules.strict_yaml import LineDict, load_text
from clearance.text.countries import country_code

FACT_PHRASES: tuple[tuple[str, str, Fact], ...] = (
    ("knowledge", r"\bmilitary\b", Fact.MILITARY_END_USE),
    ("knowledge", r"military[- ]intelligence", Fact.MILITARY_INTELLIGENCE),
    ("end_use", r"^(?!.*\bno military\b).*\bmilitary end use\b", Fact.MILITARY_END_USE),
    ("end_use", r"\bstandards?\b", Fact.STANDARDS_DEVELOPMENT),
    ("description", r"\bexisting\b.*\bhandset|handset\b.*\bbefore 2019-05-16", Fact.TGL_EXISTING_HANDSETS),
    ("description", r"\bexisting\b.*\bnetwork", Fact.TGL_EXISTING_NETWORKS),
    ("end_use", r"cybersecurity research|vulnerability disclosure", Fact.TGL_CYBERSECURITY),
    ("end_use", r"^(?!.*\bno supercomputer).*\bsupercomputer", Fact.SUPERCOMPUTER),
    ("knowledge", r"\bsupercomputer", Fact.SUPERCOMPUTER),
    # "advanced-node" or a logic node of 16 nm or less (§ 772.1 "advanced-node integrated circuits")
    ("end_use", r"^(?!.*\bnot? (an )?advanced[- ]node).*(advanced[- ]node|\b(?:[1-9]|1[0-6]) ?nm\b)",
     Fact.ADVANCED_NODE_IC),
)
_UNLISTED = re.compile(r"^(non-listed|unlisted|not listed)\b", re.I)
_ROLES = {r.value for r in Role}
_PARTY_KEYS = {"role", "name", "country", "listings", "ownership"}


def _date(value: Any, file: str, line: int, fld: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise DataError(f"not a date: {value!r}", file=file, line=line, field=fld) from None


def _num(value: Any, file: str, line: int, fld: str) -> Fraction | None:
    if value is None:
        return None
    try:
        return Fraction(str(value))
    except (ValueError, ZeroDivisionError):
        raise DataError(f"not a number: {value!r}", file=file, line=line, field=fld) from None


def _country(value: Any, file: str, line: int, fld: str, *, required: bool = True) -> str | None:
    if value is None:
        if required:
            raise DataError("country missing", file=file, line=line, field=fld)
        return None
    text = str(value).strip()
    if text.lower() in {"various", "multilateral meeting", "multiple", "xx"}:
        return UNSPECIFIED
    code = country_code(text)
    if code is None:
        raise DataError(f"unknown country {text!r}", file=file, line=line, field=fld)
    return code


def _line(d: Any, key: str) -> int:
    return d.line_of(key) if isinstance(d, LineDict) else 0


def _fdp(raw: Any, file: str, line: int) -> FdpFacts | None:
    if raw is None:
        return None

    def tup(key: str) -> tuple[str, ...] | None:
        v = raw.get(key)
        return None if v is None else tuple(str(x) for x in v)

    start = raw.get("production_start")
    return FdpFacts(
        direct_product_of=tup("direct_product_of"),
        plant_direct_product_of=tup("plant_direct_product_of"),
        plant_tech_us_origin=raw.get("plant_tech_us_origin"),
        designed_by_fn1_entity=raw.get("designed_by_fn1_entity"),
        production_start=_date(start, file, line, "production_start") if start is not None else None,
        telecom_generation=str(raw.get("telecom_generation_supported") or "") or None,
    )


def request_from_dict(d: Any, file: str, default_id: str = "") -> tuple[Request, list[str]]:
    """A Request and the notes saying which facts were read from free text."""
    if not isinstance(d, dict):
        raise DataError("an order must be a mapping", file=file)
    line = d.line if isinstance(d, LineDict) else 0
    notes: list[str] = []
    raw_item = d.get("item")
    if not isinstance(raw_item, dict):
        raise DataError("order has no 'item' mapping", file=file, line=line, field="item")
    iline = _line(d, "item")
    route = d.get("route") or {}
    to = _country(route.get("to") or d.get("to"), file, _line(d, "route"), "route.to")
    frm = _country(route.get("from") or (d.get("exporter") or {}).get("country") or "US", file, line, "route.from")
    origin = raw_item.get("origin")
    us_inputs = None
    if raw_item.get("us_inputs") is not None:
        us_inputs = tuple(
            UsInput(str(u["eccn"]) if u.get("eccn") else None, _num(u.get("value"), file, iline, "us_inputs.value"),
                    str(u.get("why", "")))
            for u in raw_item["us_inputs"]
        )
    content = raw_item.get("us_controlled_content") or {}
    item = Item(
        eccn=str(raw_item["eccn"]) if raw_item.get("eccn") else None,
        origin=_country(origin, file, iline, "item.origin", required=False),
        description=str(raw_item.get("description", "")),
        kind=raw_item.get("kind"),
        value=_num(raw_item.get("value"), file, iline, "item.value"),
        us_inputs=us_inputs,
        us_controlled_value=_num(content.get("value"), file, iline, "us_controlled_content.value")
        if us_inputs is None else None,
        total_value=_num(content.get("total", raw_item.get("total_value")), file, iline, "total"),
        fdp=_fdp(raw_item.get("fdp_facts"), file, iline),
    )
    transaction = Transaction(str(d.get("transaction", "export")))
    if transaction is Transaction.RELEASE and item.kind is None:
        item = dataclasses.replace(item, kind="technology")
        notes.append("item kind 'technology' read from transaction 'release'")
    parties: list[Party] = []
    raw_parties = d.get("parties") or []
    if not isinstance(raw_parties, list):
        raise DataError("'parties' must be a list of mappings (role, name, ...)", file=file, line=line,
                        field="parties")
    for p in raw_parties:
        if not isinstance(p, dict):
            raise DataError(f"each party must be a mapping with role and name, not {p!r}", file=file, line=line,
                            field="parties")
        pline = p.line if isinstance(p, LineDict) else line
        role = str(p.get("role", ""))
        if role not in _ROLES:
            raise DataError(f"unknown party role {role!r} (use {', '.join(sorted(_ROLES))})", file=file,
                            line=pline, field="role")
        name = str(p.get("name", "")).strip()
        stray = [str(k) for k, v in p.items() if k not in _PARTY_KEYS and v is None]
        if stray:  # YAML flow style splits "Co., Ltd." at the comma: join the pieces back
            name = ", ".join([name, *stray])
            notes.append(f"party name re-joined across YAML commas: {name!r}")
        if not name:
            raise DataError("party without a name", file=file, line=pline, field="name")
        listings = p.get("listings")
        if listings is not None and not isinstance(listings, list):
            raise DataError(f"'listings' must be a list of listing codes, not {listings!r}", file=file, line=pline,
                            field="listings")
        if listings is None and _UNLISTED.match(name):
            listings = []
            notes.append(f"party {name!r}: 'not listed' read from its name")
        ownership = tuple(Owner(str(o["owner"]), _num(o["pct"], file, pline, "ownership.pct") or Fraction(0))
                          for o in p.get("ownership") or [])
        parties.append(Party(Role(role), name, _country(p.get("country"), file, pline, "country", required=False),
                             None if listings is None else tuple(str(x) for x in listings), ownership))
    facts: set[Fact] = {Fact(x) for x in d.get("facts") or []}
    texts = {
        "knowledge": " ".join(str(k) for k in d.get("knowledge") or []),
        "end_use": str(d.get("end_use") or ""),
        "description": item.description,
    }
    for where, pattern, fact in FACT_PHRASES:
        if texts[where] and re.search(pattern, texts[where], re.I) and fact not in facts:
            facts.add(fact)
            notes.append(f"fact {fact.value} read from {where}: {texts[where][:80]!r}")
    licences = []
    if d.get("licence_state"):
        ls = d["licence_state"]
        licences.append(LicenceState(
            str(ls.get("licence_id", "licence")),
            _date(ls["granted"], file, line, "licence_state.granted"),
            _date(ls["revoked"], file, line, "licence_state.revoked") if ls.get("revoked") else None,
            _date(ls["expires"], file, line, "licence_state.expires") if ls.get("expires") else None,
        ))
    date = d.get("date") or d.get("time_local")
    if date is None:
        raise DataError("order has no date", file=file, line=line, field="date")
    req = Request(
        date=_date(date, file, line, "date"),
        item=item,
        to_country=to or UNSPECIFIED,
        from_country=frm or "US",
        transaction=transaction,
        parties=tuple(parties),
        end_use=texts["end_use"],
        facts=frozenset(facts),
        licences=tuple(licences),
        id=str(d.get("id", default_id)),
    )
    return req, notes


def read_documents(path: Path) -> Any:
    text = path.read_text(encoding="utf-8") if str(path) != "-" else __import__("sys").stdin.read()
    if path.suffix == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise DataError(f"invalid JSON: {exc.msg}", file=path, line=exc.lineno) from None
    return load_text(text, str(path))


def read_scenarios(path: Path) -> Iterator[tuple[Request, list[str], dict[str, Any]]]:
    """(request, notes, raw scenario) for each scenario of a file in the ear-scenarios.yaml schema."""
    data = read_documents(path)
    items = data.get("scenarios") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise DataError("expected a 'scenarios' list", file=path, line=1)
    for i, raw in enumerate(items, 1):
        req, notes = request_from_dict(raw, str(path), default_id=f"#{i}")
        yield req, notes, raw
