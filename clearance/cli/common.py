"""Shared CLI plumbing: consoles, progress bars, the store, JSON output."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from rich.console import Console

from clearance.settings import get_settings
from clearance.workflows.lists import Progress as ProgressFn
from clearance.workflows.lists import ensure_lists, open_store

if TYPE_CHECKING:
    from clearance.settings import Settings
    from clearance.store import Store

console = Console()
err_console = Console(stderr=True)
for _c in (console, err_console):
    if not _c.is_terminal and "COLUMNS" not in os.environ:
        _c.width = 160  # pipes and files: no 80-column squeeze of the tables


@contextmanager
def progress_bar(description: str) -> Iterator[ProgressFn]:
    """A rich progress bar on stderr (hidden when stderr is not a terminal) fed by (what, done, total)."""
    if not err_console.is_terminal:  # nothing is shown: rich's progress module is not even imported
        yield lambda what, done, total: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        disable=not err_console.is_terminal,
    )
    task = bar.add_task(description, total=None)

    def update(what: str, done: int, total: int) -> None:
        bar.update(task, description=f"{description}: {what}", completed=done, total=total or None)

    with bar:
        yield update


def _open(settings: Settings, read_only: bool | None) -> tuple[Store, bool]:
    from clearance.workflows.readonly import open_store_for_reading  # SQLAlchemy: not for a cached screen index

    store, writable = open_store_for_reading(settings, prefer=read_only)
    if store is not None:
        return store, writable
    return open_store(settings), False


@contextmanager
def store_session(*, bootstrap: bool = True, read_only: bool | None = None) -> Iterator[Store]:
    """Open the configured store; on first use load the embedded snapshot and say so.

    ``read_only=True`` (commands that only read): an existing SQLite file is opened read-only, unless the
    first-use snapshot must be loaded. ``None``: read-only only when the file cannot be written anyway.
    """
    settings = get_settings()
    store, can_reopen = _open(settings, read_only)
    try:
        if bootstrap:
            try:
                outcomes = ensure_lists(store, settings)
            except _operational_error() as exc:
                if not (can_reopen and "readonly" in str(exc).lower()):
                    raise
                store.close()  # the snapshot must be written: reopen for writing
                store = open_store(settings)
                outcomes = ensure_lists(store, settings)
            if outcomes:
                loaded = ", ".join(
                    f"{o.list_code} ({o.result.version.data_date})" for o in outcomes if o.result is not None
                )
                err_console.print(
                    f"[yellow]No list was loaded: loaded the embedded dated snapshot of US lists: {loaded}.[/]\n"
                    "[yellow]It is old data. Load current lists with `clearance lists update` "
                    "or `clearance lists load --from DIR`.[/]"
                )
        yield store
    finally:
        store.close()


def _operational_error() -> type[Exception]:
    from sqlalchemy.exc import OperationalError

    return OperationalError


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")
