"""yente-compatible endpoints (OpenSanctions' API): /match, /search, /entities, /algorithms, /catalog, health.

A client of the hosted API or of a yente server works by changing only its base URL. Differences, all on the
side of failing closed: a stale list is a 409 (yente has no CANNOT_CLEAR); datasets are our list codes and
collections (/catalog); scores are Clearance's calibrated scores with its explanations.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Query, Request, Response
from fastapi.responses import JSONResponse, RedirectResponse
from pydantic import BaseModel, ConfigDict, Field

from clearance.api.auth import Caller, requires
from clearance.api.datasets import COLLECTIONS, all_members, topic_of
from clearance.api.errors import ApiError
from clearance.api.ftm import SCHEMA_OF_FTM, entity_id, properties, to_ftm
from clearance.api.service import Service
from clearance.errors import ClearanceError, StaleDataError
from clearance.model.entity import Entity
from clearance.model.lists import LISTS
from clearance.screening import Decision, Hit, get_algorithm
from clearance.screening import Query as ScreenQuery
from clearance.screening.registry import algorithms as algorithm_ids
from clearance.text.countries import country_code, country_name
from clearance.text.fold import clean, tokens
from clearance.workflows.live import Snapshot
from clearance.workflows.screening import name_problem

router = APIRouter(tags=["yente-compatible"])
MAX_BATCH = 100
MAX_LIMIT = 500
MAX_WINDOW = 10_000
MAX_NAMES = 10  # names and aliases screened per query (each one is screened)
MAX_COUNTRIES = 5
_ID_PROPS = ("idNumber", "registrationNumber", "taxNumber", "imoNumber", "passportNumber", "swiftBic", "leiCode",
             "innCode", "ogrnCode", "vatCode", "unifiedSocialCreditCode")


def service(request: Request) -> Service:
    svc: Service = request.app.state.service
    return svc


# ---- models ------------------------------------------------------------------------------------------


class EntityExample(BaseModel):
    """One query of a /match batch: an FtM-style example entity."""

    model_config = ConfigDict(extra="allow")
    id: str | None = None
    schema_: str = Field(alias="schema")
    properties: dict[str, list[Any]] = Field(default_factory=dict)


class MatchBody(BaseModel):
    model_config = ConfigDict(extra="allow")
    queries: dict[str, EntityExample]
    weights: dict[str, float] = Field(default_factory=dict)
    config: dict[str, Any] = Field(default_factory=dict)


class Total(BaseModel):
    value: int
    relation: str = "eq"


class MatchedEntity(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str
    caption: str
    schema_: str = Field(alias="schema")
    properties: dict[str, list[Any]]
    datasets: list[str]
    referents: list[str]
    target: bool
    score: float
    match: bool
    explanations: dict[str, dict[str, Any]]


class QueryResponse(BaseModel):
    status: int = 200
    results: list[MatchedEntity]
    total: Total
    query: dict[str, Any]


class MatchResponse(BaseModel):
    responses: dict[str, QueryResponse]
    limit: int


# ---- /match ------------------------------------------------------------------------------------------


def _algorithm(name: str | None) -> str:
    if name in (None, "", "best", "default"):
        return get_algorithm(None).id
    try:
        return get_algorithm(name).id
    except ClearanceError:
        raise ApiError(400, f"Invalid algorithm: {name!r}; see /algorithms", field="algorithm") from None


def _texts(values: list[Any]) -> list[str]:
    return [v.strip() for v in values if isinstance(v, str) and v.strip()]


def _queries(key: str, example: EntityExample) -> list[ScreenQuery]:
    schema = SCHEMA_OF_FTM.get(example.schema_)
    if schema is None:
        raise ApiError(400, f"Invalid schema for query {key!r}: {example.schema_!r} is not a matchable schema "
                       f"(one of {', '.join(SCHEMA_OF_FTM)})", field=f"queries.{key}.schema")
    props = example.properties
    names = list(dict.fromkeys(_texts(props.get("name", []) + props.get("alias", []))))
    if len(names) > MAX_NAMES:
        raise ApiError(400, f"query {key!r} has {len(names)} names and aliases; at most {MAX_NAMES} are screened "
                       "(split it, rather than have some left unscreened)", field=f"queries.{key}.properties.name")
    for n in names:
        problem = name_problem(n) or (None if clean(n) else "empty name")
        if problem:
            raise ApiError(400, f"query {key!r}: {problem}", field=f"queries.{key}.properties.name")
    if not names:
        raise ApiError(400, f"query {key!r} has no name: Clearance screens by name (properties.name)",
                       field=f"queries.{key}.properties.name")
    found = [c for v in _texts(props.get("country", []) + props.get("nationality", [])
                               + props.get("jurisdiction", [])) if (c := country_code(v))]
    countries: list[str | None] = list[str | None](dict.fromkeys(found))
    if len(countries) > MAX_COUNTRIES:
        raise ApiError(400, f"query {key!r} has {len(countries)} countries; at most {MAX_COUNTRIES}",
                       field=f"queries.{key}.properties.country")
    if not countries:
        countries = [None]
    births = _texts(props.get("birthDate", []))
    ids = tuple(v for p in _ID_PROPS for v in _texts(props.get(p, [])))[:10]
    addresses = _texts(props.get("address", []))
    return [ScreenQuery(n, c, schema, births[0] if births else None, ids, addresses[0] if addresses else None)
            for n in names for c in countries]


def _explanations(hit: Hit) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for f in hit.explanation:
        key = f.name if f.name not in out else f"{f.name}_{len(out)}"
        out[key] = {"score": round(f.value, 4), "detail": f.detail, "query": f.query or None,
                    "candidate": f.candidate or None, "weight": 1.0}
    return out


def _changed_since(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        raise ApiError(400, f"changed_since: not an ISO date or time: {value!r}", field="changed_since") from None


def _kept(e: Entity, snap: Snapshot, since: dt.date | None, topics: list[str]) -> bool:
    if topics and topic_of(e.list_code) not in topics:
        return False
    if since is not None:  # kept unless the entry is known to be unchanged since then (fail on the side of more)
        v = snap.active.get(e.list_code)
        data = v.data_date if v is not None else None
        return data is None or data >= since or (e.listed_on is not None and e.listed_on >= since)
    return True


@router.post("/match/{dataset}", response_model=MatchResponse, response_model_by_alias=True,
             summary="Match entities by example (batch)")
def match(
    dataset: str,
    request: Request,
    body: Annotated[MatchBody, Body()],
    caller: Annotated[Caller, Depends(requires("analyst"))],
    algorithm: str | None = None,
    threshold: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
    cutoff: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 5,
    exclude_entity_ids: Annotated[list[str] | None, Query()] = None,
    include_dataset: Annotated[list[str] | None, Query()] = None,
    exclude_dataset: Annotated[list[str] | None, Query()] = None,
    topics: Annotated[list[str] | None, Query()] = None,
    changed_since: str | None = None,
) -> Response:
    svc = service(request)
    algo_id = _algorithm(algorithm)
    algo = get_algorithm(algo_id)
    if not body.queries:
        raise ApiError(400, "No queries provided.", field="queries")
    if len(body.queries) > MAX_BATCH:
        raise ApiError(400, f"Too many queries in one batch ({len(body.queries)}; at most {MAX_BATCH}).",
                       field="queries")
    plans = {key: _queries(key, ex) for key, ex in body.queries.items()}  # 400 before any work
    snap = svc.snapshot()
    codes = svc.dataset_lists(dataset, snap, include=include_dataset, exclude=exclude_dataset)
    svc.refuse_stale(snap, codes)
    hit_at = algo.thresholds.hit if threshold is None else threshold
    floor = algo.thresholds.possible if cutoff is None else cutoff
    excluded = set(exclude_entity_ids or ())
    since = _changed_since(changed_since)
    out: dict[str, Any] = {}
    # every query of the batch screened together (their candidates pre-filtered at once), then read in order
    results_of = iter(svc.live.screen_batch([q for queries in plans.values() for q in queries], lists=codes,
                                            algorithm=algo_id, threshold=floor, limit=MAX_LIMIT))
    for key, queries in plans.items():
        best: dict[tuple[str, str], Hit] = {}
        for _ in queries:
            result = next(results_of)
            if result.decision is Decision.CANNOT_CLEAR:  # e.g. a list went stale since the check above
                raise StaleDataError(f"query {key!r} cannot be cleared: {'; '.join(result.reasons)}")
            for h in result.hits:
                k = (h.list_code, h.entry_id)
                if k not in best or h.score > best[k].score:
                    best[k] = h
        results = []
        for h in sorted(best.values(), key=lambda h: (-h.score, h.list_code, h.entry_id)):
            e = snap.entities.get((h.list_code, h.entry_id))
            if e is None or entity_id(e) in excluded or e.entry_id in excluded or not _kept(e, snap, since,
                                                                                               topics or []):
                continue
            item = to_ftm(e, snap.active.get(e.list_code), nested=False)
            item.update(score=round(h.score, 4), match=h.score >= hit_at, explanations=_explanations(h))
            results.append(item)
        ex = body.queries[key]
        out[key] = {"status": 200, "results": results[:limit], "total": {"value": len(results), "relation": "eq"},
                    "query": {"id": ex.id, "schema": ex.schema_, "properties": ex.properties}}
    return JSONResponse({"responses": out, "limit": limit}, headers={"x-batch-size": str(len(body.queries))})


# ---- /search -----------------------------------------------------------------------------------------


def _filters(values: list[str]) -> list[tuple[str, str]]:
    out = []
    for v in values:
        prop, sep, val = v.partition(":")
        if not sep or not prop or not val:
            raise ApiError(400, f"filter {v!r}: use property:value, e.g. country:ru", field="filter")
        out.append((prop.strip(), val.strip().lower()))
    return out


def _facet_label(facet: str, value: str) -> str:
    if facet == "countries":
        return country_name(value.upper()) or value
    if facet == "datasets":
        return LISTS[value].title if value in LISTS else value
    return value


@router.get("/search/{dataset}", summary="Search the lists by name, with filters and facets")
def search(
    dataset: str,
    request: Request,
    caller: Annotated[Caller, Depends(requires("viewer"))],
    q: str = "",
    schema: str | None = None,
    countries: Annotated[list[str] | None, Query()] = None,
    topics: Annotated[list[str] | None, Query()] = None,
    filter: Annotated[list[str] | None, Query()] = None,
    filter_op: Annotated[str, Query(pattern="^(AND|OR|and|or)$")] = "AND",
    facets: Annotated[list[str] | None, Query()] = None,
    include_dataset: Annotated[list[str] | None, Query()] = None,
    exclude_dataset: Annotated[list[str] | None, Query()] = None,
    exclude_schema: Annotated[list[str] | None, Query()] = None,
    fuzzy: bool = False,
    limit: Annotated[int, Query(ge=0, le=MAX_LIMIT)] = 10,
    offset: Annotated[int, Query(ge=0, le=MAX_WINDOW)] = 0,
) -> dict[str, Any]:
    svc = service(request)
    if limit + offset > MAX_WINDOW:
        raise ApiError(400, f"Query window size is too large (offset + limit > {MAX_WINDOW}).", field="offset")
    if schema is not None and schema not in SCHEMA_OF_FTM and schema not in ("Address", "Sanction"):
        raise ApiError(400, f"Invalid schema: {schema!r}", field="schema")
    rules = _filters(filter or [])
    snap = svc.snapshot()
    codes = svc.dataset_lists(dataset, snap, include=include_dataset, exclude=exclude_dataset)
    svc.refuse_stale(snap, codes)
    wanted = set(codes)
    found: list[tuple[Entity, float | None]]
    problem = name_problem(q) if q.strip() else None
    if problem:
        raise ApiError(400, f"q: {problem}", field="q")
    if q.strip():
        # entries scored by the matcher first, then those one of whose names holds every word of q
        floor = 0.3 if fuzzy else None
        result = svc.live.screen(ScreenQuery(q.strip()), lists=codes, threshold=floor, limit=MAX_WINDOW)
        scored = [(e, h.score) for h in result.hits if (e := snap.entities.get((h.list_code, h.entry_id)))]
        words = set(tokens(q))
        seen = {(e.list_code, e.entry_id) for e, _ in scored}
        found = scored + [(e, None) for e, ws in svc.live.words(snap) if e.list_code in wanted and words
                          and (e.list_code, e.entry_id) not in seen and any(words <= w for w in ws)]
    else:
        found = [(e, None) for (code, _), e in snap.entities.items() if code in wanted]
    want_countries = {c.lower() for c in countries or []}
    ops_all = filter_op.upper() == "AND"
    kept: list[tuple[Entity, dict[str, list[Any]]]] = []
    for e, _score in found:
        ftm_schema = "Airplane" if e.schema.value == "Aircraft" else e.schema.value
        if schema is not None and ftm_schema != schema:
            continue
        if exclude_schema and ftm_schema in exclude_schema:
            continue
        props = properties(e)
        if want_countries and not want_countries & set(props.get("country", [])):
            continue
        if topics and not set(topics) & set(props.get("topics", [])):
            continue
        if rules:
            checks = [val in {str(x).lower() for x in props.get(prop, [])} for prop, val in rules]
            if not (all(checks) if ops_all else any(checks)):
                continue
        kept.append((e, props))
    facet_counts: dict[str, Counter[str]] = {f: Counter() for f in (facets or ["countries", "topics", "datasets"])}
    for e, props in kept:
        for f, counter in facet_counts.items():
            key = {"countries": "country", "topics": "topics"}.get(f, f)
            if f == "datasets":
                counter[e.list_code] += 1
            elif f == "schema":
                counter[e.schema.value] += 1
            else:
                counter.update(str(v) for v in props.get(key, []))
    facet_out = {f: {"label": f, "values": [{"name": n, "label": _facet_label(f, n), "count": c}
                                           for n, c in counter.most_common(30)]}
                 for f, counter in facet_counts.items()}
    page = kept[offset: offset + limit]
    return {
        "results": [to_ftm(e, snap.active.get(e.list_code), nested=False) for e, _ in page],
        "facets": facet_out,
        "total": {"value": len(kept), "relation": "eq"},
        "limit": limit,
        "offset": offset,
    }


# ---- /entities ---------------------------------------------------------------------------------------


def _resolve(snap: Snapshot, ref: str) -> tuple[Entity | None, bool]:
    """(entity, canonical?) for an id: ``<list>-<entry>`` is canonical; a bare entry id unique across lists
    (or another spelling of a canonical id) resolves with canonical False (a 308)."""
    for code in sorted(snap.active, key=len, reverse=True):
        if ref.startswith(f"{code}-"):
            rest = ref[len(code) + 1:]
            for entry in (ref, rest):
                e = snap.entities.get((code, entry))
                if e is not None:
                    return e, entity_id(e) == ref
    found = [e for code in snap.active if (e := snap.entities.get((code, ref))) is not None]
    if len(found) == 1:
        return found[0], False
    return None, False


@router.get("/entities/{entity_id_}", summary="One entity by id (nested with its listing by default)")
def entity(
    entity_id_: str,
    request: Request,
    caller: Annotated[Caller, Depends(requires("viewer"))],
    nested: bool = True,
) -> Any:
    svc = service(request)
    snap = svc.snapshot()
    e, canonical = _resolve(snap, entity_id_)
    if e is None:
        return JSONResponse({"detail": "No such entity!"}, status_code=404)
    if not canonical:
        url = request.url_for("entity", entity_id_=entity_id(e)).include_query_params(
            **{k: v for k, v in request.query_params.items()})
        return RedirectResponse(str(url.path) + (f"?{url.query}" if url.query else ""), status_code=308)
    return to_ftm(e, snap.active.get(e.list_code), nested=nested)


# ---- /algorithms, /catalog, health -------------------------------------------------------------------


@router.get("/algorithms", summary="The matching algorithms, the default and the best")
def algorithms(request: Request, caller: Annotated[Caller, Depends(requires("viewer"))]) -> dict[str, Any]:
    default = get_algorithm(None)
    out = []
    for name in algorithm_ids():
        a = get_algorithm(name)
        out.append({"name": name, "description": (type(a).__doc__ or "").strip().splitlines()[0],
                    "docs": {"thresholds": {"hit": a.thresholds.hit, "possible": a.thresholds.possible}}})
    return {"algorithms": out, "default": default.id, "best": default.id}


def _catalog(svc: Service) -> dict[str, Any]:
    snap = svc.snapshot()
    datasets: list[dict[str, Any]] = []
    current: list[str] = []
    outdated: list[str] = []
    for code, info in LISTS.items():
        v = snap.active.get(code)
        lv = snap.index.versions.get(code)
        stale = lv.stale_reason if lv is not None else None
        if v is not None:
            (outdated if stale else current).append(code)
        datasets.append({
            "name": code, "title": info.title, "summary": f"{info.title} ({info.authority})",
            "publisher": {"name": info.authority, "country": info.jurisdiction.lower(), "official": True},
            "load": v is not None, "version": v.version_id if v else None,
            "entity_count": v.entity_count if v else 0,
            "updated_at": v.loaded_at.isoformat() if v else None,
            "coverage": {"end": v.data_date.isoformat() if v and v.data_date else None},
            "index_version": v.checksum[:16] if v else None, "index_current": bool(v) and not stale,
            "stale_reason": stale, "children": [], "tags": [topic_of(code)],
        })
    for name, (title, summary) in COLLECTIONS.items():
        kids = [c for c in all_members(name) if c in snap.active]
        datasets.append({"name": name, "title": title, "summary": summary, "load": bool(kids),
                         "entity_count": sum(snap.active[c].entity_count for c in kids), "children": kids,
                         "index_current": bool(kids) and not any(c in outdated for c in kids)})
    return {"datasets": datasets, "current": current, "outdated": outdated, "index_stale": bool(outdated)}


@router.get("/catalog", summary="Datasets (lists and collections), their versions and freshness; ETag")
def catalog(request: Request, caller: Annotated[Caller, Depends(requires("viewer"))]) -> Response:
    body = json.dumps(_catalog(service(request)), sort_keys=True, separators=(",", ":")).encode()
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    match = request.headers.get("if-none-match", "")
    if etag in [t.strip().removeprefix("W/") for t in match.split(",")] or match.strip() == "*":
        return Response(status_code=304, headers={"ETag": etag})
    return Response(body, media_type="application/json", headers={"ETag": etag, "Cache-Control": "no-cache"})


@router.get("/healthz", summary="The server process is up")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", summary="Lists are loaded, usable and current (503 and the reason otherwise)")
def readyz(request: Request) -> Any:
    svc = service(request)
    try:
        snap = svc.snapshot()
    except ClearanceError as exc:
        return JSONResponse({"status": "error", "detail": str(exc)}, status_code=503)
    stale = svc.stale(snap, sorted(snap.index.versions))
    if stale:
        return JSONResponse({"status": "stale", "detail": "; ".join(stale)}, status_code=503)
    # warm: every entry of the index is in memory (after a start from the on-disk cache, a background thread
    # unpickles them; until then a request may pay for the entries it is the first to need)
    return {"status": "ok", "warm": svc.live.warm.is_set()}
