"""The API's one error table: every failure becomes a 4xx/5xx answer in the envelope of the family asked.

* our own ``/v1`` (and anything not below): ``{"error": {"status", "code", "message", "field"}}``;
* the yente-compatible endpoints: ``{"detail": "..."}`` (422 validation errors: ``detail`` is a list);
* the CSL-compatible endpoints: ``{"statusCode": N, "message": "..."}``.

ClearanceError classes carry their HTTP status (clearance.errors); other exceptions go through the
interfaces' shared boundary (clearance.workflows.boundary). Anything left is a bug: 500, one line, no
traceback in the answer.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from clearance.errors import ClearanceError, DataError
from clearance.workflows.boundary import as_clearance_error

log = logging.getLogger(__name__)

CSL_PREFIX = "/consolidated_screening_list"
YENTE_PREFIXES = ("/match", "/search", "/entities", "/algorithms", "/catalog", "/healthz", "/readyz")


class ApiError(Exception):
    """An answer other than 200 with its status, a machine code, a message and the field at fault."""

    def __init__(self, status: int, message: str, *, code: str | None = None, field: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code or _CODES.get(status, "error")
        self.field = field
        self.headers = headers


_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
          409: "conflict", 413: "too_large", 415: "unsupported_media_type", 422: "invalid_input",
          500: "internal_error", 503: "unavailable"}


def family(path: str) -> str:
    if path.startswith(CSL_PREFIX):
        return "csl"
    if path.startswith(YENTE_PREFIXES):
        return "yente"
    return "v1"


def error_response(request: Request, status: int, message: str, *, code: str | None = None,
                   field: str | None = None, detail: Any = None, headers: dict[str, str] | None = None
                   ) -> JSONResponse:
    fam = family(request.url.path)
    body: dict[str, Any]
    if fam == "csl":
        body = {"statusCode": status, "message": message}
    elif fam == "yente":
        body = {"detail": message if detail is None else detail}
    else:
        body = {"error": {"status": status, "code": code or _CODES.get(status, "error"), "message": message,
                          "field": field}}
    return JSONResponse(body, status_code=status, headers=headers)


def field_of(loc: Sequence[int | str]) -> str:
    """``("body", "parties", 0, "name")`` -> ``parties[0].name``."""
    out = ""
    for part in loc:
        if part in ("body", "query", "path", "header") and not out:
            continue
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "body"


def _clean_errors(errors: Sequence[Any]) -> list[dict[str, Any]]:
    """Pydantic's errors without the echoed input (which may be huge or not JSON-serialisable)."""
    return [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
            for e in errors]


def install(app: FastAPI) -> None:
    """Register the handlers that turn every exception into the family's envelope."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(request, exc.status, exc.message, code=exc.code, field=exc.field, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = _clean_errors(exc.errors())
        first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
        where = field_of(first["loc"])
        message = f"{where}: {first['msg']}"
        if family(request.url.path) == "csl":
            return error_response(request, 400, message)
        return error_response(request, 422, message, code="invalid_input", field=where, detail=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = str(exc.detail) if exc.detail else _CODES.get(exc.status_code, "error")
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such endpoint {request.url.path}; see /docs"
        return error_response(request, exc.status_code, message, headers=getattr(exc, "headers", None))

    async def _known(request: Request, exc: Exception) -> JSONResponse:
        error = as_clearance_error(exc)
        if error is None:  # pragma: no cover - only the types mapped below are registered
            raise exc
        return clearance_response(request, error)

    for kind in (ClearanceError, sa.exc.SQLAlchemyError, OSError, UnicodeError, ValidationError, RecursionError,
                 MemoryError):
        app.add_exception_handler(kind, _known)

    @app.exception_handler(Exception)
    async def _any(request: Request, exc: Exception) -> JSONResponse:
        error = as_clearance_error(exc)
        if error is None:
            log.exception("internal error on %s %s", request.method, request.url.path)
            return error_response(request, 500, f"internal error ({type(exc).__name__}); this is a bug")
        return clearance_response(request, error)


def clearance_response(request: Request, error: ClearanceError) -> JSONResponse:
    field = error.field if isinstance(error, DataError) else None
    message = " ".join(str(error).split())
    return error_response(request, error.http_status, message, code=error.code, field=field)
