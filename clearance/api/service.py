"""What the app serves from: the library facade over one store, the live screening index and the key checker."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from clearance.api.auth import KeyChecker
from clearance.api.datasets import members
from clearance.api.errors import ApiError
from clearance.errors import StaleDataError
from clearance.model.entity import Entity
from clearance.screening import Query
from clearance.settings import Settings
from clearance.workflows.desk.replay_job import ReplayJob
from clearance.workflows.desk.service import DeskService
from clearance.workflows.facade import Clearance
from clearance.workflows.live import LiveIndex, Snapshot


class Answers:
    """Finished /v1/screen answers (their JSON bytes) by request, for the list versions and day they were made on:
    the same party asked again costs a lookup, not a screening and a serialisation. Forgotten whole at any new
    version or new day (as the live index's own memo), and when it holds ``size`` answers."""

    def __init__(self, size: int = 50_000) -> None:
        self.size = size
        self._made_on: object = None
        self._answers: dict[object, bytes] = {}

    def get(self, key: object, made_on: object) -> bytes | None:
        if made_on != self._made_on:
            return None
        return self._answers.get(key)

    def put(self, key: object, made_on: object, now: Snapshot, answer: bytes) -> None:
        """Keep ``answer`` unless the snapshot changed while it was made (it is then simply not kept)."""
        if (now.key, now.day) != made_on:
            return
        if made_on != self._made_on or len(self._answers) >= self.size:
            self._answers = {}
            self._made_on = made_on
        self._answers[key] = answer


class Service:
    def __init__(self, settings: Settings, *, auth: bool = True, check_seconds: float = 2.0,
                 replay_dir: Path | None = None) -> None:
        self.clearance = Clearance(settings=settings)
        self.settings = settings
        self.live = LiveIndex(self.clearance.store, settings, check_seconds=check_seconds)
        self.keys = KeyChecker(self.clearance.store, required=auth)
        self.started = dt.datetime.now(dt.UTC)
        self.answers = Answers()
        # the facade's party screener and rule cache serve one call at a time: determinations and desk calls
        self.lock = threading.RLock()
        self.desk = DeskService(self.clearance, self.lock)
        # the web desk's replay timeline: `clearance serve --replay-dir`, else examples/huawei where it is run
        folder = replay_dir or (Path("examples/huawei") if Path("examples/huawei/orders.yaml").is_file() else None)
        self.replay = ReplayJob(folder.resolve(), settings) if folder is not None else None

    def close(self) -> None:
        self.desk.close()
        self.clearance.close()

    def snapshot(self) -> Snapshot:
        return self.live.snapshot()

    def warm(self) -> None:
        """Load the lists, the index and the matcher's lazily read tables before the first request (a cold first
        screen takes over a second; several at once could time out). Errors surface here."""
        self.snapshot()
        self.live.screen(Query("Warm Up Trading Co Ltd"), today=None)

    def dataset_lists(self, dataset: str, snap: Snapshot, *, include: list[str] | None = None,
                      exclude: list[str] | None = None) -> list[str]:
        """The loaded lists a yente dataset (plus ``include_dataset``, minus ``exclude_dataset``) stands for."""
        loaded = set(snap.index.versions)
        codes = members(dataset, loaded)
        if codes is None:
            raise ApiError(404, f"No such dataset: {dataset} (see /catalog)", field="dataset")
        for extra in include or ():
            more = members(extra, loaded)
            if more is None:
                raise ApiError(400, f"No such dataset: {extra} (include_dataset)", field="include_dataset")
            codes += [c for c in more if c not in codes]
        drop: set[str] = set()
        for ex in exclude or ():
            gone = members(ex, loaded)
            if gone is None:
                raise ApiError(400, f"No such dataset: {ex} (exclude_dataset)", field="exclude_dataset")
            drop |= set(gone)
        codes = [c for c in codes if c not in drop]
        if not codes:
            raise ApiError(404, f"dataset {dataset!r} has no loaded list here; load one with `clearance lists "
                           "update` or `clearance lists load`, or see /catalog", field="dataset")
        return codes

    @staticmethod
    def stale(snap: Snapshot, codes: list[str]) -> list[str]:
        return [r for c in codes if (r := snap.index.versions[c].stale_reason)]

    def refuse_stale(self, snap: Snapshot, codes: list[str]) -> None:
        """Fail closed for the compatible APIs, whose answers have no CANNOT_CLEAR: a stale list is an error."""
        reasons = self.stale(snap, codes)
        if reasons:
            raise StaleDataError("cannot screen against stale lists, an empty answer could clear a listed party: "
                                 + "; ".join(reasons))

    def entity(self, snap: Snapshot, list_code: str, entry_id: str) -> Entity | None:
        return snap.entities.get((list_code, entry_id))
