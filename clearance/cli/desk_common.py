"""Shared plumbing of the desk commands: one Desk per command, the list activations it has not yet audited."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from clearance.cli.common import err_console
from clearance.settings import get_settings
from clearance.workflows.desk import Desk
from clearance.workflows.desk.activations import record_activations
from clearance.workflows.facade import Clearance
from clearance.workflows.lists import ensure_lists


@contextmanager
def desk_session(overlays: tuple[Path, ...] = ()) -> Iterator[Desk]:
    settings = get_settings()
    desk = Desk(Clearance(settings=settings), overlays=overlays)
    try:
        if ensure_lists(desk.store, settings):
            err_console.print("[yellow]No list was loaded: loaded the embedded dated snapshot of US lists (old data; "
                              "load current lists with `clearance lists update`).[/]")
        record_activations(desk)
        yield desk
    finally:
        desk.close()
