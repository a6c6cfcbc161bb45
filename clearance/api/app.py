"""The FastAPI app of `clearance serve`: yente- and CSL-compatible endpoints and Clearance's own /v1."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from starlette.types import ASGIApp, Receive, Scope, Send

from clearance import __version__, web
from clearance.api import csl, desk, errors, v1, yente
from clearance.api.service import Service
from clearance.settings import Settings, get_settings

DESCRIPTION = """Restricted-party screening and EAR determinations over one Clearance store.

* **yente-compatible** (`/match`, `/search`, `/entities`, `/algorithms`, `/catalog`): a client of the
  OpenSanctions API works by changing its base URL. Auth: `Authorization: ApiKey K` or `?api_key=K`.
* **CSL-compatible** (`/consolidated_screening_list/v1/...`): trade.gov's Consolidated Screening List API;
  key in the `subscription-key` header or parameter.
* **Clearance v1** (`/v1/...`): screening with a decision (HIT, POSSIBLE, CLEAR, CANNOT_CLEAR), determinations
  (the decision record's JSON Schema), list versions and diffs; the compliance desk (orders, licences, the
  review queue, change impact, the audit log), every write audited with the key that made it.

Fail closed: a stale list makes /v1 answers CANNOT_CLEAR and the compatible APIs answer 409, never an empty
result. Keys: `clearance keys add NAME --role viewer|analyst|approver|admin`.
"""


class JsonBodies:
    """A POST body is always read as JSON: without a Content-Type (some ERP connectors) or with curl -d's default
    form type, as yente does (no API endpoint takes a form; the web pages' sign-in form is left as it is).
    Plain ASGI: no per-request task, unlike @app.middleware."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST" and not scope["path"].startswith("/ui/"):
            headers = [(k, v) for k, v in scope["headers"] if k != b"content-type" or b"json" in v]
            if len(headers) == len(scope["headers"]) and any(k == b"content-type" for k, _ in headers):
                await self.app(scope, receive, send)
                return
            scope = {**scope, "headers": [*[(k, v) for k, v in headers if k != b"content-type"],
                                          (b"content-type", b"application/json")]}
        await self.app(scope, receive, send)


NO_AUTH_ENV = "CLEARANCE_SERVE_NO_AUTH"  # set by `clearance serve --no-auth` for its worker processes
REPLAY_ENV = "CLEARANCE_SERVE_REPLAY_DIR"  # set by `clearance serve --replay-dir` for its worker processes


def app_from_env() -> FastAPI:
    """The app of a `clearance serve --workers N` worker process (settings from the environment)."""
    import os

    replay = os.environ.get(REPLAY_ENV)
    app = create_app(get_settings(), auth=os.environ.get(NO_AUTH_ENV) != "1",
                     replay_dir=Path(replay) if replay else None)
    app.state.service.warm()
    return app


def create_app(settings: Settings | None = None, *, auth: bool = True, check_seconds: float = 2.0,
               replay_dir: Path | None = None) -> FastAPI:
    """The app over the store of ``settings`` (default: the environment's); ``auth=False`` needs no keys;
    ``replay_dir``: the history the web desk's timeline page replays (default: ./examples/huawei if present)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.service.close()

    app = FastAPI(title="Clearance", version=__version__, description=DESCRIPTION, lifespan=lifespan)
    service = Service(settings, auth=auth, check_seconds=check_seconds, replay_dir=replay_dir)
    app.state.service = service
    app.state.keys = service.keys
    errors.install(app)

    app.add_middleware(JsonBodies)
    app.include_router(v1.router)  # first: the busiest path (/v1/screen) is matched before the others are tried
    app.include_router(desk.router)
    app.include_router(yente.router)
    app.include_router(csl.router)
    app.include_router(web.router)
    return app
