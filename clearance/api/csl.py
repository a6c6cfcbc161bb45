"""CSL-compatible endpoints (trade.gov's Consolidated Screening List API v1): search and sources.

Only entries of the CSL's own 13 sources are served, each under the ``source`` string the official list uses.
``name`` without ``fuzzy_name`` finds entries one of whose names (name or alt_names) holds every word asked
(case, accents and script folded); ``fuzzy_name=true`` screens the name with Clearance's matcher and gives each
result its ``score`` (0-1, calibrated like every Clearance score). A stale list is an error (409), never an
answer without results.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from clearance.api.auth import Caller, requires
from clearance.api.errors import ApiError
from clearance.api.ftm import entity_id
from clearance.api.service import Service
from clearance.errors import StaleDataError
from clearance.model.entity import Entity, Schema
from clearance.screening import Decision
from clearance.screening import Query as ScreenQuery
from clearance.text.countries import country_code
from clearance.text.fold import tokens
from clearance.workflows.live import Snapshot
from clearance.workflows.screening import name_problem

router = APIRouter(prefix="/consolidated_screening_list/v1", tags=["CSL-compatible"])

# abbreviation -> the ``source`` string exactly as the official CSL writes it
SOURCES: dict[str, str] = {
    "CAP": "Capta List (CAP) - Treasury Department",
    "CMIC": "Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department",
    "DPL": "Denied Persons List (DPL) - Bureau of Industry and Security",
    "DTC": "ITAR Debarred (DTC) - State Department",
    "EL": "Entity List (EL) - Bureau of Industry and Security",
    "FSE": "Foreign Sanctions Evaders (FSE) - Treasury Department",
    "ISN": "Nonproliferation Sanctions (ISN) - State Department",
    "MEU": "Military End User (MEU) List - Bureau of Industry and Security",
    "NS-MBS": "Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department",
    "PLC": "Palestinian Legislative Council List (PLC) - Treasury Department",
    "SDN": "Specially Designated Nationals (SDN) - Treasury Department",
    "SSI": "Sectoral Sanctions Identifications List (SSI) - Treasury Department",
    "UVL": "Unverified List (UVL) - Bureau of Industry and Security",
}
_BY_CODE = {"el": "EL", "dpl": "DPL", "uvl": "UVL", "meu": "MEU", "sdn": "SDN", "cmic": "CMIC", "isn": "ISN",
            "dtc": "DTC"}
_TYPES = {Schema.PERSON: "Individual", Schema.COMPANY: "Entity", Schema.ORGANIZATION: "Entity",
          Schema.VESSEL: "Vessel", Schema.AIRCRAFT: "Aircraft", Schema.LEGAL_ENTITY: "Entity",
          Schema.ADDRESS: "Entity"}
MAX_SIZE = 50
MAX_OFFSET = 1000


def source_of(e: Entity) -> str | None:
    """The CSL source abbreviation of an entry, or None when the CSL does not carry its list."""
    extra = dict(e.extra)
    given = extra.get("source")
    if given in SOURCES.values():
        return next(k for k, v in SOURCES.items() if v == given)
    if e.list_code in _BY_CODE:
        return _BY_CODE[e.list_code]
    if e.list_code != "ofac-cons":
        return None
    programs = set(e.programs)  # OFAC's non-SDN lists, told apart by their programme tags
    if "NS-PLC" in programs:
        return "PLC"
    if any(p.startswith("FSE") for p in programs):
        return "FSE"
    if "CMIC-EO13959" in programs:
        return "CMIC"
    if "561-Related" in programs or any(p.startswith("CAPTA") for p in programs):
        return "CAP"
    if "UKRAINE-EO13662" in programs:
        return "SSI"
    return "NS-MBS"


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _fuzzy(value: str | None) -> bool:
    if value in (None, "", "false", "False", "FALSE"):
        return False
    if value in ("true", "True", "TRUE"):
        return True
    raise ApiError(400, f"fuzzy_name must be true or false, not {value!r}", field="fuzzy_name")


def record(e: Entity, source: str, score: float | None) -> dict[str, Any]:
    extra = dict(e.extra)
    names = [n.value for n in e.names]
    out: dict[str, Any] = {
        "id": entity_id(e),
        "source": SOURCES[source],
        "entity_number": extra.get("entity_number") or e.entry_id,
        "type": _TYPES[e.schema],
        "programs": list(e.programs),
        "name": e.name,
        "title": extra.get("title"),
        "addresses": [{"address": a.street or a.full, "city": a.city, "state": a.region,
                       "postal_code": a.postal_code, "country": a.country} for a in e.addresses],
        "federal_register_notice": "; ".join(e.federal_register) or None,
        "start_date": e.listed_on.isoformat() if e.listed_on else None,
        "end_date": extra.get("end_date"),
        "standard_order": extra.get("standard_order"),
        "license_requirement": e.license_requirement,
        "license_policy": e.license_policy,
        "call_sign": extra.get("call_sign"),
        "vessel_type": extra.get("vessel_type"),
        "gross_tonnage": extra.get("gross_tonnage"),
        "gross_registered_tonnage": extra.get("gross_registered_tonnage"),
        "vessel_flag": extra.get("vessel_flag"),
        "vessel_owner": extra.get("vessel_owner"),
        "remarks": e.remarks,
        "source_list_url": extra.get("source_list_url"),
        "alt_names": [n for n in names if n != e.name],
        "citizenships": list(e.nationalities),
        "dates_of_birth": "; ".join(e.birth_dates) or None,
        "nationalities": list(e.nationalities),
        "places_of_birth": extra.get("places_of_birth"),
        "source_information_url": None,
        "ids": [{"type": i.kind, "number": i.value, "country": i.country, "issue_date": None,
                 "expiration_date": None} for i in e.identifiers],
    }
    if score is not None:
        out["score"] = round(score, 4)
    return out


def _address_ok(e: Entity, address: str, city: str, state: str, postal: str, full: str) -> bool:
    def has(part: str | None, text: str, whole: str) -> bool:
        return text in (part or whole).casefold()

    for a in e.addresses:
        whole = a.full.casefold()
        if ((not address or has(a.street, address, whole)) and (not city or has(a.city, city, whole))
                and (not state or has(a.region, state, whole)) and (not postal or has(a.postal_code, postal, whole))
                and (not full or full in whole)):
            return True
    return False


def _lists_of(abbr: str) -> set[str]:
    """The list codes whose entries can carry this CSL source."""
    own = {c for c, a in _BY_CODE.items() if a == abbr}
    return own | {"ofac-cons"} if abbr in ("CAP", "FSE", "NS-MBS", "PLC", "SSI", "CMIC") else own


def _sources_used(svc: Service, snap: Snapshot, wanted: set[str]) -> list[dict[str, Any]]:
    out = []
    for abbr in sorted(wanted):
        for code in sorted(_lists_of(abbr)):
            v = snap.active.get(code)
            if v is not None:
                out.append({"source": SOURCES[abbr], "source_last_updated": v.data_date.isoformat()
                            if v.data_date else None, "last_imported": v.loaded_at.isoformat(),
                            "list_version": v.version_id})
                break
    return out


@router.get("/search", summary="Search the Consolidated Screening List sources")
def search(
    request: Request,
    caller: Annotated[Caller, Depends(requires("viewer"))],
    name: str | None = None,
    fuzzy_name: str | None = None,
    sources: str | None = None,
    types: str | None = None,
    type: str | None = None,
    countries: str | None = None,
    address: str | None = None,
    city: str | None = None,
    state: str | None = None,
    postal_code: str | None = None,
    full_address: str | None = None,
    size: Annotated[int, Query()] = 10,
    offset: Annotated[int, Query()] = 0,
) -> dict[str, Any]:
    svc: Service = request.app.state.service
    fuzzy = _fuzzy(fuzzy_name)
    if offset < 0 or offset > MAX_OFFSET:
        raise ApiError(400, f"offset must be between 0 and {MAX_OFFSET}", field="offset")
    size = max(1, min(size, MAX_SIZE))
    wanted_sources = {s.upper() for s in _split(sources)} or set(SOURCES)
    unknown = wanted_sources - set(SOURCES)
    if unknown:
        raise ApiError(400, f"unknown source(s) {', '.join(sorted(unknown))}; one of {', '.join(SOURCES)}",
                       field="sources")
    wanted_types = {t.casefold() for t in _split(types) + _split(type)}
    bad_types = wanted_types - {"individual", "entity", "vessel", "aircraft"}
    if bad_types:
        raise ApiError(400, f"unknown type(s) {', '.join(sorted(bad_types))}; Individual, Entity, Vessel or "
                       "Aircraft", field="types")
    wanted_countries = set()
    for c in _split(countries):
        code = country_code(c)
        if code is None:
            raise ApiError(400, f"unknown country {c!r}; give ISO alpha-2 codes such as CN,RU", field="countries")
        wanted_countries.add(code)
    snap = svc.snapshot()
    loaded = {abbr for abbr in SOURCES if _lists_of(abbr) & set(snap.active)}
    if sources and wanted_sources - loaded:
        raise ApiError(404, f"source(s) {', '.join(sorted(wanted_sources - loaded))} not loaded here (searching "
                       "without them could miss a listed party); load them with `clearance lists update`",
                       field="sources")
    wanted_sources &= loaded
    if not wanted_sources:
        raise ApiError(404, "no CSL source is loaded here; load lists with `clearance lists update`",
                       field="sources")
    rows = [(e, src, ws) for e, ws in svc.live.words(snap) if (src := source_of(e)) in wanted_sources]
    codes = sorted(set().union(*(_lists_of(a) for a in wanted_sources)) & set(snap.active))
    svc.refuse_stale(snap, codes)
    scores: dict[tuple[str, str], float] = {}
    if name and name.strip():
        problem = name_problem(name) or (None if tokens(name) else "the name has no letters or digits to search for")
        if problem:
            raise ApiError(400, f"name: {problem}", field="name")
        if fuzzy:
            result = svc.live.screen(ScreenQuery(name.strip()), lists=codes, limit=MAX_OFFSET + MAX_SIZE)
            if result.decision is Decision.CANNOT_CLEAR:
                raise StaleDataError(f"cannot search: {'; '.join(result.reasons)}")
            scores = {(h.list_code, h.entry_id): h.score for h in result.hits}
            rows = [r for r in rows if (r[0].list_code, r[0].entry_id) in scores]
            rows.sort(key=lambda r: -scores[(r[0].list_code, r[0].entry_id)])
        else:
            words = set(tokens(name))
            rows = [r for r in rows if any(words <= ws for ws in r[2])] if words else []
    low = {k: (v or "").strip().casefold() for k, v in
           {"address": address, "city": city, "state": state, "postal": postal_code, "full": full_address}.items()}
    kept = []
    for e, src, _ in rows:
        if wanted_types and _TYPES[e.schema].casefold() not in wanted_types:
            continue
        if wanted_countries and not wanted_countries & set(e.countries):
            continue
        if any(low.values()) and not _address_ok(e, low["address"], low["city"], low["state"], low["postal"],
                                                 low["full"]):
            continue
        kept.append((e, src))
    page = kept[offset: offset + size]
    return {
        "total": len(kept),
        "offset": offset,
        "sources_used": _sources_used(svc, snap, wanted_sources),
        "search_performed_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "results": [record(e, src, scores.get((e.list_code, e.entry_id)) if fuzzy else None) for e, src in page],
    }


@router.get("/sources", summary="The CSL sources, their abbreviations and what is loaded of each")
def list_sources(request: Request, caller: Annotated[Caller, Depends(requires("viewer"))]) -> dict[str, Any]:
    svc: Service = request.app.state.service
    snap = svc.snapshot()
    counts: dict[str, int] = {}
    for e, _ in svc.live.words(snap):
        if (src := source_of(e)) is not None:
            counts[src] = counts.get(src, 0) + 1
    used = {u["source"]: u for u in _sources_used(svc, snap, set(counts))}
    return {"sources": [{"abbreviation": abbr, "source": full, "loaded": abbr in counts,
                         "entries": counts.get(abbr, 0),
                         "source_last_updated": used.get(full, {}).get("source_last_updated"),
                         "last_imported": used.get(full, {}).get("last_imported")}
                        for abbr, full in SOURCES.items()]}
