"""Clearance's own API, versioned under /v1: screening (one and batch), determinations (one and batch, in the
decision record's JSON Schema) and the lists (versions, diff, entry).

Unlike the compatible APIs, a screening answer here always carries its decision: CANNOT_CLEAR with the
reasons when a list is stale or the name cannot be screened, with whatever hits were found.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from clearance.api.auth import Caller, requires
from clearance.api.errors import ApiError, clearance_response
from clearance.api.service import Service
from clearance.errors import ClearanceError
from clearance.model.decision_schema import DeterminationRecord
from clearance.model.entity import Schema
from clearance.model.lists import LISTS
from clearance.screening import Query as ScreenQuery
from clearance.screening import get_algorithm
from clearance.screening.model import ScreeningResult
from clearance.text.countries import country_code
from clearance.workflows.boundary import as_clearance_error
from clearance.workflows.lists import stale_reason

router = APIRouter(prefix="/v1", tags=["clearance v1"])
MAX_PARTIES = 1000
MAX_ORDERS = 200


def _svc(request: Request) -> Service:
    svc: Service = request.app.state.service
    return svc


class Party(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(max_length=5000, description="The party's name, in any script")
    country: str | None = Field(None, max_length=100, description="ISO code or country name")
    schema_: str | None = Field(None, alias="schema", max_length=40,
                                description="Person, Company, Organization, Vessel, Aircraft")
    address: str | None = Field(None, max_length=2000)
    id: str | None = Field(None, max_length=200, description="An identifier (registration, IMO, passport number)")
    birth_date: str | None = Field(None, max_length=20, description="ISO date or year (persons)")


class ScreenOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")
    lists: list[str] | None = Field(None, max_length=50, description="List codes; every loaded list when omitted")
    algorithm: str | None = Field(None, max_length=60)
    threshold: float | None = Field(None, ge=0.0, le=1.0, description="Lowest score reported as a hit")
    limit: int = Field(10, ge=1, le=100)


class ScreenRequest(Party, ScreenOptions):
    pass


class BatchScreenRequest(ScreenOptions):
    parties: list[Party] = Field(min_length=1, max_length=MAX_PARTIES)


class Feature(BaseModel):
    feature: str
    value: float
    detail: str
    query: str
    candidate: str


class HitOut(BaseModel):
    list_: str = Field(alias="list")
    entry_id: str
    name: str
    matched_name: str
    matched_kind: str
    schema_: str = Field(alias="schema")
    score: float
    decision: str
    explanation: list[Feature]


class ScreenResponse(BaseModel):
    model_config = ConfigDict(extra="allow")
    decision: str = Field(description="HIT, POSSIBLE, CLEAR or CANNOT_CLEAR")
    hits: list[HitOut]
    algorithm: str
    list_versions: dict[str, str]
    reasons: list[str]
    query: dict[str, Any]


class BatchScreenResponse(BaseModel):
    results: list[ScreenResponse]


def _options(opts: ScreenOptions, field: str = "") -> None:
    if opts.lists is not None:
        unknown = [c for c in opts.lists if c not in LISTS]
        if unknown:
            raise ApiError(422, f"unknown list code(s) {', '.join(unknown)}; known: {', '.join(LISTS)}",
                           code="invalid_input", field=f"{field}lists")
        if not opts.lists:
            raise ApiError(422, "lists is empty: name at least one list, or omit it for every loaded list",
                           code="invalid_input", field=f"{field}lists")
    if opts.algorithm is not None:
        try:
            get_algorithm(opts.algorithm)
        except ClearanceError as exc:
            raise ApiError(422, str(exc), code="invalid_input", field=f"{field}algorithm") from None


def _query(p: Party, field: str = "") -> ScreenQuery:
    country = None
    if p.country and p.country.strip():
        country = country_code(p.country)
        if country is None:
            raise ApiError(422, f"unknown country {p.country!r}; give an ISO code such as CN or a country name",
                           code="invalid_input", field=f"{field}country")
    schema = None
    if p.schema_ and p.schema_.strip():
        wanted = p.schema_.strip().lower()
        schema = next((s for s in Schema if s.value.lower() == wanted), None)
        if schema is None:
            raise ApiError(422, f"unknown schema {p.schema_!r}; one of {', '.join(s.value for s in Schema)}",
                           code="invalid_input", field=f"{field}schema")
    ident = (p.id.strip(),) if p.id and p.id.strip() else ()
    return ScreenQuery(p.name, country, schema, p.birth_date or None, ident, (p.address or "").strip() or None)


def _screen(svc: Service, q: ScreenQuery, opts: ScreenOptions, result: ScreeningResult | None = None,
            ) -> dict[str, Any]:
    if result is None:
        result = svc.live.screen(q, lists=opts.lists, algorithm=opts.algorithm, threshold=opts.threshold,
                                 limit=opts.limit)
    out = result.to_dict()
    out["query"] = {"name": q.name, "country": q.country, "schema": q.schema.value if q.schema else None,
                    "address": q.address, "identifiers": list(q.identifiers), "birth_date": q.birth_date}
    return out


@router.post("/screen", response_model=ScreenResponse, response_model_by_alias=True,
             summary="Screen one party against the loaded lists")
async def screen(body: ScreenRequest, request: Request,
                 caller: Annotated[Caller, Depends(requires("analyst"))]) -> Response:
    """One party: a few milliseconds of CPU, run on the event loop (a thread would only add a hop: the work holds
    the GIL either way). Batches run in the thread pool so that they do not stall other requests."""
    _options(body)
    svc = _svc(request)
    query = _query(body)
    snap = svc.snapshot()
    key = (query, tuple(body.lists) if body.lists is not None else None, body.algorithm, body.threshold, body.limit)
    found = svc.answers.get(key, (snap.key, snap.day))
    if found is not None:
        return Response(found, media_type="application/json")
    answer = json.dumps(_screen(svc, query, body), ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    svc.answers.put(key, (snap.key, snap.day), svc.snapshot(), answer.encode("utf-8"))
    return Response(answer, media_type="application/json")  # built by the engine: no re-validation


@router.post("/screen/batch", response_model=BatchScreenResponse, response_model_by_alias=True,
             summary="Screen up to 1,000 parties in one request")
def screen_batch(body: BatchScreenRequest, request: Request,
                 caller: Annotated[Caller, Depends(requires("analyst"))]) -> Response:
    _options(body)
    queries = [_query(p, f"parties[{i}].") for i, p in enumerate(body.parties)]
    svc = _svc(request)
    results = svc.live.screen_batch(queries, lists=body.lists, algorithm=body.algorithm, threshold=body.threshold,
                                    limit=body.limit)  # screened together: their candidates pre-filtered at once
    return JSONResponse({"results": [_screen(svc, q, body, r) for q, r in zip(queries, results, strict=True)]})


# ---- determinations ----------------------------------------------------------------------------------

ListingsParam = Annotated[str, Query(pattern="^(screen|none-found)$",
                                     description="screen: parties screened against the loaded lists of the "
                                     "order's date; none-found: you screened them (not listed)")]
_RECORD = {200: {"model": DeterminationRecord, "description": "The decision record (clearance.determination/2)"}}


def _determine(svc: Service, order: Any, listings: str) -> dict[str, Any]:
    if not isinstance(order, dict):
        raise ApiError(422, "an order is a JSON object (the schema of `clearance determine --order`)",
                       code="invalid_input", field="order")
    with svc.lock:  # the facade's party screener keeps per-day caches: one determination at a time
        record: dict[str, Any] = svc.clearance.determine(order, listings=listings).to_dict()
    return record


@router.post("/determine", responses=_RECORD,  # type: ignore[arg-type]
             summary="The EAR determination of one order (the decision record)")
def determine(request: Request, caller: Annotated[Caller, Depends(requires("analyst"))],
              order: Annotated[dict[str, Any], Body(description="One order, as `clearance determine --order`")],
              listings: ListingsParam = "screen") -> dict[str, Any]:
    return _determine(_svc(request), order, listings)


class BatchDetermineRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    orders: list[dict[str, Any]] = Field(min_length=1, max_length=MAX_ORDERS)


@router.post("/determine/batch", summary="Determine up to 200 orders; a bad order gives an error item, not a 4xx")
def determine_batch(body: BatchDetermineRequest, request: Request,
                    caller: Annotated[Caller, Depends(requires("analyst"))],
                    listings: ListingsParam = "screen") -> dict[str, Any]:
    svc = _svc(request)
    results: list[dict[str, Any]] = []
    for i, order in enumerate(body.orders):
        try:
            results.append(_determine(svc, order, listings))
        except ApiError as exc:
            results.append({"index": i, "error": {"status": exc.status, "code": exc.code, "message": exc.message,
                                                  "field": exc.field}})
        except Exception as exc:  # one bad order must not lose the others' answers; a bug still is a 500
            mapped = as_clearance_error(exc)
            if mapped is None:
                raise
            error = json.loads(bytes(clearance_response(request, mapped).body))["error"]
            results.append({"index": i, "error": error})
    return {"results": results}


# ---- lists -------------------------------------------------------------------------------------------


def _code(code: str) -> str:
    if code not in LISTS:
        raise ApiError(404, f"unknown list code {code!r}; known: {', '.join(LISTS)}", field="code")
    return code


@router.get("/lists", summary="Every list, its active version and whether it is stale")
def lists(request: Request, caller: Annotated[Caller, Depends(requires("viewer"))]) -> list[dict[str, Any]]:
    svc = _svc(request)
    active = svc.clearance.lists.active()
    today = dt.date.today()
    rows = []
    for code, info in LISTS.items():
        v = active.get(code)
        stale = stale_reason(v, svc.settings, today) if v else None
        rows.append({"code": code, "title": info.title, "authority": info.authority,
                     "version": v.version_id if v else None, "entries": v.entity_count if v else None,
                     "data_date": v.data_date.isoformat() if v and v.data_date else None,
                     "age_days": v.age_days(today) if v else None,
                     "status": "not loaded" if v is None else ("stale" if stale else "current"),
                     "stale_reason": stale})
    return rows


@router.get("/lists/{code}/versions", summary="The version history of one list, newest first")
def versions(code: str, request: Request,
             caller: Annotated[Caller, Depends(requires("viewer"))]) -> list[dict[str, Any]]:
    return [v.to_dict() for v in _svc(request).clearance.lists.versions(_code(code))]


@router.get("/lists/{code}/diff", summary="Entries added, removed and changed between two versions")
def diff(code: str, request: Request, caller: Annotated[Caller, Depends(requires("viewer"))],
         old: Annotated[str, Query(alias="from", max_length=80, description="version, e.g. sdn-1 or 1")],
         new: Annotated[str, Query(alias="to", max_length=80, description="version, e.g. sdn-2 or 2")],
         ) -> dict[str, Any]:
    result: dict[str, Any] = _svc(request).clearance.lists.diff(_code(code), old, new).to_dict()
    return result


@router.get("/lists/{code}/entities/{entry_id}", summary="One entry of the active (or a given) version")
def entry(code: str, entry_id: str, request: Request, caller: Annotated[Caller, Depends(requires("viewer"))],
          version: Annotated[str | None, Query(max_length=80)] = None) -> dict[str, Any]:
    result: dict[str, Any] = _svc(request).clearance.lists.entity(entry_id, _code(code), version).to_dict()
    return result
