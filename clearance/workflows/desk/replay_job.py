"""An exporter's history replayed for the web desk: `clearance replay DIR` run once in the background by a
server, in its own temporary database (the server's store is never touched), its rows and timeline chart kept
in memory for the page that shows them.

A replay re-checks years of orders (tens of seconds of CPU for examples/huawei), so a page asks for it once
and reads the result when it is ready; a second request while it runs does not start another.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clearance.errors import ClearanceError, DataError
from clearance.settings import Settings
from clearance.workflows.boundary import as_clearance_error
from clearance.workflows.desk.chart import write_chart
from clearance.workflows.desk.desk import Desk
from clearance.workflows.desk.history import overlays_of, replay_history
from clearance.workflows.facade import Clearance
from clearance.workflows.lists import ensure_lists


def timeline_of(settings: Settings) -> Path | None:
    """ear-timeline.yaml beside the data folder (CLEARANCE_DATA/../regulatory/), as `clearance replay` finds it."""
    guess = settings.data.expanduser().resolve().parent / "regulatory" / "ear-timeline.yaml"
    return guess if guess.is_file() else None


@dataclass
class ReplayJob:
    folder: Path
    settings: Settings
    state: str = "idle"  # idle, running, done, failed
    result: dict[str, Any] | None = None
    chart: bytes | None = None
    error: str | None = None
    started: dt.datetime | None = None
    finished: dt.datetime | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def start(self) -> bool:
        """Start the replay in a background thread unless one runs or has finished; True when started."""
        if not (self.folder / "orders.yaml").is_file():
            raise DataError("no orders.yaml in the replay folder", file=self.folder)
        with self._lock:
            if self.state in ("running", "done"):
                return False
            self.state, self.error, self.started = "running", None, dt.datetime.now(dt.UTC)
        threading.Thread(target=self._run, name="clearance-replay", daemon=True).start()
        return True

    def _run(self) -> None:
        try:
            self.result, self.chart = run_replay(self.folder, self.settings)
            self.state = "done"
        except Exception as exc:  # a failed replay is shown on its page, never lost in a thread
            known: ClearanceError | None = as_clearance_error(exc)
            self.error = str(known) if known is not None else f"{type(exc).__name__}: {exc} (a bug)"
            self.state = "failed"
        finally:
            self.finished = dt.datetime.now(dt.UTC)


def run_replay(folder: Path, base: Settings) -> tuple[dict[str, Any], bytes]:
    """The replay of ``folder`` (orders.yaml, licences, revocations, overlays, parties) in a fresh temporary
    database over the embedded dated snapshot of the lists: its rows as data and its timeline chart as PNG."""
    tl = timeline_of(base)
    with tempfile.TemporaryDirectory(prefix="clearance-replay-") as tmp:
        settings = base.model_copy(update={"db": str(Path(tmp) / "replay.db"), "snapshot": True,
                                           "max_age_days": 100_000})
        with Desk(Clearance(settings=settings), actor="replay", overlays=overlays_of(folder)) as desk:
            ensure_lists(desk.store, settings)
            history = replay_history(desk, folder)
        png = write_chart(history, Path(tmp) / "timeline.png", tl,
                          f"Clearance replay of {folder.name}: order lines by date and verdict")
        chart = png.read_bytes()
    return {**history.to_dict(), "folder": str(folder), "timeline": str(tl) if tl else None}, chart
