"""The web desk's reading pages: a search box with hits and their explanations, the lists, their versions and diffs.

Plain HTML forms with GET (usable without JavaScript); htmx, when it loads, swaps only the results in and keeps the
address bar in step. The pages read through the objects the app keeps on ``request.app.state.service`` (the live
screening index and the library facade): the web layer never opens the store itself. A browser signs in once with
an API key (kept in an HttpOnly, SameSite=Strict cookie); every page needs the viewer role, the search the analyst's.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from clearance.errors import ClearanceError
from clearance.model.lists import LISTS
from clearance.screening import Query as ScreenQuery
from clearance.text.countries import country_code
from clearance.workflows.keys import role_allows
from clearance.workflows.lists import stale_reason

router = APIRouter(prefix="/ui", include_in_schema=False)
COOKIE = "clearance_key"
_HERE = resources.files("clearance.web")
templates = Jinja2Templates(directory=str(_HERE.joinpath("templates")))
HTMX = "htmx-2.0.11.min.js"


def _show(value: Any) -> str:
    """A value of Entity.to_dict() as one line: a name or address by its text, with its kind."""
    if isinstance(value, dict):
        text = value.get("value") or value.get("full") or ", ".join(f"{k}: {v}" for k, v in value.items() if v)
        kind = value.get("kind") or value.get("country")
        return f"{text} ({kind})" if kind else str(text)
    return str(value)


templates.env.filters["show"] = _show
MAX_DIFF_ROWS = 200


class _SignIn(Exception):
    def __init__(self, message: str) -> None:
        self.message = message


def _caller(request: Request, role: str) -> Any:
    """The signed-in key (cookie, or the API's own ways), or None when the page must ask for one."""
    checker = request.app.state.keys
    try:
        who = checker.caller(request)
    except Exception as exc:  # no key, or an unknown or revoked one: show the sign-in form
        raise _SignIn(getattr(exc, "message", str(exc))) from None
    if not role_allows(who.role, role):
        raise _SignIn(f"this page needs the {role} role; your key has {who.role}")
    return who


def _page(request: Request, name: str, role: str, *, status_code: int = 200, **context: Any) -> Response:
    try:
        who = _caller(request, role)
    except _SignIn as exc:
        here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return templates.TemplateResponse(request, "signin.html", {"error": exc.message, "next": here},
                                          status_code=401)
    return templates.TemplateResponse(request, name, {"who": who, "htmx": HTMX, **context}, status_code=status_code)


@router.get("/static/{name}")
def static(name: str) -> Response:
    if name not in (HTMX, "style.css"):
        return Response(status_code=404)
    path = _HERE.joinpath("static", name)
    media = "text/javascript" if name.endswith(".js") else "text/css"
    return FileResponse(str(path), media_type=media, headers={"Cache-Control": "public, max-age=86400"})


@router.get("/signin", response_class=HTMLResponse)
def signin_form(request: Request, next: str = "/ui/search") -> Response:
    return templates.TemplateResponse(request, "signin.html", {"error": None, "next": next})


@router.post("/signin")
async def signin(request: Request) -> Response:
    """The sign-in form (application/x-www-form-urlencoded, read here: no multipart parser is needed)."""
    form = parse_qs((await request.body()).decode("utf-8", "replace"), max_num_fields=5)
    key = (form.get("key") or [""])[0]
    next = (form.get("next") or ["/ui/search"])[0]
    target = next if next.startswith("/ui") and not next.startswith("/ui//") else "/ui/search"  # no open redirect
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(COOKIE, key.strip(), httponly=True, samesite="strict", max_age=8 * 3600)
    return response


@router.get("/signout")
def signout() -> Response:
    response = RedirectResponse("/ui/signin", status_code=303)
    response.delete_cookie(COOKIE)
    return response


@router.get("", response_class=HTMLResponse)
def home() -> Response:
    return RedirectResponse("/ui/search", status_code=303)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str = "", country: str = "", lists: Annotated[list[str] | None, Query()] = None,
           ) -> Response:
    svc = request.app.state.service
    result, error = None, None
    codes = [c for c in (lists or []) if c] or None
    if q.strip():
        try:
            cc = country_code(country) if country.strip() else None
            if country.strip() and cc is None:
                raise ClearanceError(f"unknown country {country!r}; give an ISO code such as CN or a country name")
            result = svc.live.screen(ScreenQuery(q.strip(), cc), lists=codes, limit=20)
        except ClearanceError as exc:
            error = str(exc)
    try:
        loaded = sorted(svc.snapshot().index.versions)
    except ClearanceError as exc:
        loaded, error = [], error or str(exc)
    fragment = request.headers.get("hx-request") == "true"
    return _page(request, "results.html" if fragment else "search.html", "analyst", q=q, country=country,
                 chosen=codes or [], loaded=loaded, result=result, error=error, titles=LISTS)


@router.get("/lists", response_class=HTMLResponse)
def lists(request: Request) -> Response:
    svc = request.app.state.service
    active = svc.clearance.lists.active()
    today = dt.date.today()
    rows = [{"code": c, "info": i, "v": active.get(c), "stale": stale_reason(active[c], svc.settings, today)
             if c in active else None} for c, i in LISTS.items()]
    return _page(request, "lists.html", "viewer", rows=rows, today=today)


@router.get("/lists/{code}", response_class=HTMLResponse)
def versions(request: Request, code: str) -> Response:
    if code not in LISTS:
        return Response(f"unknown list {code!r}", status_code=404, media_type="text/plain")
    history = request.app.state.service.clearance.lists.versions(code)
    return _page(request, "versions.html", "viewer", code=code, info=LISTS[code], versions=history)


@router.get("/lists/{code}/diff", response_class=HTMLResponse)
def diff(request: Request, code: str, old: Annotated[str, Query(alias="from")] = "",
         new: Annotated[str, Query(alias="to")] = "") -> Response:
    if code not in LISTS:
        return Response(f"unknown list {code!r}", status_code=404, media_type="text/plain")
    error, d = None, None
    try:
        d = request.app.state.service.clearance.lists.diff(code, old, new)
    except ClearanceError as exc:
        error = str(exc)
    return _page(request, "diff.html", "viewer", code=code, info=LISTS[code], d=d, error=error, old=old, new=new,
                 cap=MAX_DIFF_ROWS)
