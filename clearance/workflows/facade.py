"""The library facade: one object for the lists, screening and determinations over one store.

    from clearance import Clearance

    with Clearance(db="clearance.db") as c:
        c.lists.active()                                   # list code -> active version
        c.screen("Huawei Technologies Co Ltd", lists=["el"])
        record = c.determine({"date": "2020-09-01", "item": {"eccn": "3A991", "origin": "US"},
                              "route": {"to": "CN"},
                              "parties": [{"role": "end_user", "name": "Huawei Technologies Co., Ltd."}]})

The CLI is a thin layer over this object, and the HTTP API serves it; so a library call, a CLI run and an
API request on the same order give the same record. Errors are ClearanceError subclasses (each with a
message naming the input, file, line and field where known).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from clearance.errors import ConfigError
from clearance.model.determination import Determination, Request
from clearance.model.entity import Entity
from clearance.model.order_input import validate_order
from clearance.model.regulation import RuleSet
from clearance.rules import NONE_FOUND, Listings, RuleCache, apply_overlay, determine, load_rules
from clearance.screening import Query, ScreeningResult, get_algorithm
from clearance.screening import screen as screen_query
from clearance.settings import Settings, get_settings
from clearance.store import ListDiff, Store, VersionInfo
from clearance.workflows.determination import PartyScreener, PartyScreening
from clearance.workflows.lists import open_store, select_active, store_with_lists
from clearance.workflows.order_requests import to_request
from clearance.workflows.screening import open_index

log = logging.getLogger(__name__)

LISTINGS_MODES = ("screen", "none-found")


class ListsApi:
    """The versioned list store, as the `clearance lists` commands see it."""

    def __init__(self, owner: Clearance) -> None:
        self._owner = owner

    def active(self, codes: Sequence[str] | None = None) -> dict[str, VersionInfo]:
        """The active version of each loaded list (of ``codes``; all when None)."""
        with store_with_lists(self._owner.store, self._owner.settings) as st:
            return select_active(st, codes)

    def versions(self, code: str) -> list[VersionInfo]:
        return self._owner.store.versions(code)

    def diff(self, code: str, old: str, new: str) -> ListDiff:
        """Entries added, removed and changed from version ``old`` to ``new`` of list ``code``."""
        return self._owner.store.diff(code, old, new)

    def entity(self, entry_id: str, code: str | None = None, version: str | None = None) -> Entity:
        """One entry of the active version of ``code`` (or of the given version)."""
        return self._owner.store.entity(entry_id, code, version)


class Clearance:
    """Lists, screening and EAR determinations over one store (``db``: SQLite path or SQLAlchemy URL)."""

    def __init__(self, db: str | None = None, *, settings: Settings | None = None,
                 historical_lists: bool = False) -> None:
        if db is not None and settings is not None:
            raise ConfigError("give either db or settings, not both")
        # on request: an earlier date is screened against later list versions as they stood on it (see PartyScreener)
        self.historical_lists = historical_lists
        self.settings = settings or (get_settings().model_copy(update={"db": db}) if db else get_settings())
        self._store: Store | None = None
        self._screener: PartyScreener | None = None
        self._rules: dict[tuple[str, ...], RuleSet] = {}
        self.cache = RuleCache()  # determinations of this facade share one cache (keyed by every input)
        self.lists = ListsApi(self)

    # ---- life cycle --------------------------------------------------------------------------------

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = open_store(self.settings)
        return self._store

    def close(self) -> None:
        if self._screener is not None:
            self._screener.close()
            self._screener = None
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> Clearance:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- screening ---------------------------------------------------------------------------------

    def screen(self, name: str, *, country: str | None = None, lists: Sequence[str] | None = None,
               algorithm: str | None = None, threshold: float | None = None, limit: int = 10,
               today: dt.date | None = None) -> ScreeningResult:
        """Screen one name against the active versions of ``lists`` (all loaded lists when None)."""
        get_algorithm(algorithm)
        index = open_index(lists, store=self.store, settings=self.settings, today=today)
        return screen_query(Query(name, country), index, algorithm=algorithm, lists=lists, threshold=threshold,
                            limit=limit, today=today)

    # ---- determinations ----------------------------------------------------------------------------

    def rules(self, overlays: Sequence[Path] = ()) -> RuleSet:
        """The packaged rule set, with ``overlays`` (proposed rules) applied in order."""
        key = tuple(str(p) for p in overlays)
        found = self._rules.get(key)
        if found is None:
            found = load_rules()
            for path in overlays:
                found = apply_overlay(found, path)
            self._rules[key] = found
        return found

    def request(self, order: Request | Mapping[str, Any], *, source: str = "<order>") -> tuple[Request, list[str]]:
        """A Request from an order mapping (the schema of `clearance determine --order`), or as given, and the
        notes saying which facts were read from its free text."""
        if isinstance(order, Request):
            return order, []
        return to_request(validate_order(order, file=source))

    def determine_with_screening(self, order: Request | Mapping[str, Any], *, listings: str | Listings = "screen",
                                 rules: RuleSet | None = None) -> tuple[Determination, list[PartyScreening]]:
        """The determination of ``order`` and the record of how its parties were screened.

        ``listings``: "screen" (every party screened against the loaded Entity, Unverified, MEU and Denied
        Persons lists of the order's date), "none-found" (the caller screened the parties: not listed), or
        a Listings snapshot.
        """
        req, notes = self.request(order)
        rs = rules or self.rules()
        record: list[PartyScreening] = []
        if isinstance(listings, Listings):
            decision = determine(req, rs, listings, cache=self.cache)
        elif listings == "none-found":
            decision = determine(req, rs, NONE_FOUND, cache=self.cache)
        elif listings == "screen":
            if self._screener is None:
                self._screener = PartyScreener.open(self.settings, historical=self.historical_lists)
                self._screener.cache = self.cache
            decision, record = self._screener.determine(req, rs)
        else:
            raise ConfigError(f"listings {listings!r}: use 'screen' (the loaded lists, the default) or 'none-found'")
        if notes:
            decision = dataclasses.replace(decision, notes=decision.notes + tuple(notes))
        return decision, record

    def determine(self, order: Request | Mapping[str, Any], *, listings: str | Listings = "screen",
                  rules: RuleSet | None = None) -> Determination:
        """The EAR determination of one order (see :meth:`determine_with_screening`)."""
        decision, _record = self.determine_with_screening(order, listings=listings, rules=rules)
        log.debug("determined %s: %s", decision.request_id, decision.outcome.value)
        return decision

    def determine_many(self, orders: Iterable[Request | Mapping[str, Any]], *, listings: str | Listings = "screen",
                       rules: RuleSet | None = None) -> Iterable[Determination]:
        for order in orders:
            yield self.determine(order, listings=listings, rules=rules)
