"""API keys on every request: ``Authorization: ApiKey K`` (scheme case-insensitive; ``Bearer`` too), ``?api_key=K``,
or for the CSL family the ``subscription-key`` header or parameter. Keys are checked against their stored
hashes (clearance.workflows.keys); a verified key is remembered for a few seconds so that a busy client does
not cost a database read per request, and a revoked key stops working within that time.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from fastapi import Request

from clearance.api.errors import ApiError
from clearance.store import Store
from clearance.workflows.keys import ROLES, check_key, role_allows

REMEMBER_SECONDS = 10.0
OPEN_ROLE = "analyst"  # what every request may do when the server runs with --no-auth


@dataclass(frozen=True, slots=True)
class Caller:
    key_id: str | None  # None: the server runs without keys
    name: str
    role: str


class KeyChecker:
    def __init__(self, store: Store, *, required: bool = True) -> None:
        self.store = store
        self.required = required
        self._seen: dict[str, tuple[float, Caller]] = {}
        self._lock = threading.Lock()

    def secret_of(self, request: Request) -> str | None:
        auth = request.headers.get("authorization")
        if auth:
            scheme, _, value = auth.strip().partition(" ")
            if scheme.lower() in ("apikey", "bearer", "token") and value.strip():
                return value.strip()
            raise ApiError(401, "Authorization header: use 'ApiKey <key>'", field="Authorization",
                           headers={"WWW-Authenticate": "ApiKey"})
        if request.url.path.startswith("/ui") and request.cookies.get("clearance_key"):
            return request.cookies["clearance_key"].strip()  # the web pages' sign-in (SameSite=Strict, /ui only)
        for name in ("api_key", "subscription-key", "subscription_key"):
            given = request.query_params.get(name) or request.headers.get(name)
            if given:
                return given.strip()
        return None

    def caller(self, request: Request) -> Caller:
        if not self.required:
            return Caller(None, "anonymous", OPEN_ROLE)
        secret = self.secret_of(request)
        if not secret:
            raise ApiError(401, "an API key is required: 'Authorization: ApiKey <key>' or ?api_key=<key> "
                           "(create one with `clearance keys add NAME --role analyst`)", field="Authorization",
                           headers={"WWW-Authenticate": "ApiKey"})
        now = time.monotonic()
        seen = self._seen.get(secret)
        if seen is not None and now - seen[0] < REMEMBER_SECONDS:
            return seen[1]
        row = check_key(self.store, secret)
        if row is None:
            raise ApiError(401, "unknown or revoked API key", field="Authorization",
                           headers={"WWW-Authenticate": "ApiKey"})
        found = Caller(row.key_id, row.name, row.role)
        with self._lock:
            if len(self._seen) > 10_000:
                self._seen.clear()
            self._seen[secret] = (now, found)
        return found


def requires(role: str) -> Callable[[Request], Awaitable[Caller]]:
    """A FastAPI dependency: the caller, who must hold ``role`` (or a higher one).

    Async so that it runs on the event loop (no thread hop per request); a key not seen in the last few seconds
    costs one indexed read of the key table."""
    assert role in ROLES

    async def dependency(request: Request) -> Caller:
        checker: KeyChecker = request.app.state.keys
        who = checker.caller(request)
        if not role_allows(who.role, role):
            raise ApiError(403, f"this needs the {role} role; the key {who.key_id} has {who.role}", field="role")
        request.state.caller = who
        return who

    return dependency
