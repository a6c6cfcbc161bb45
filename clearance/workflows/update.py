"""`lists update`: download the current official files and load them through the same parsers."""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import httpx

from clearance.errors import ConfigError
from clearance.settings import Settings, get_settings
from clearance.store import Store
from clearance.workflows.lists import LoadOutcome, Progress, load_paths

# Download key -> (family folder, file name the parsers recognise, lists the file feeds).
# Each family is parsed on its own, so the CSL's copy of the SDN rows never competes with OFAC's files.
DOWNLOADS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "csl": ("csl", "consolidated.csv", ("el", "dpl", "uvl", "meu", "isn", "dtc", "cmic")),
    "sdn": ("ofac", "sdn.csv", ("sdn",)),
    "add": ("ofac", "add.csv", ("sdn",)),
    "alt": ("ofac", "alt.csv", ("sdn",)),
    "sdn_comments": ("ofac", "sdn_comments.csv", ("sdn",)),
    "cons_prim": ("ofac", "cons_prim.csv", ("ofac-cons",)),
    "cons_add": ("ofac", "cons_add.csv", ("ofac-cons",)),
    "cons_alt": ("ofac", "cons_alt.csv", ("ofac-cons",)),
    "cons_comments": ("ofac", "cons_comments.csv", ("ofac-cons",)),
    "un": ("un", "un_consolidated.xml", ("un",)),
    "uk": ("uk", "ConList.csv", ("uk",)),
}

ByteProgress = Callable[[str, int, int | None], None]  # (file, bytes so far, total or None)


def _download(client: httpx.Client, url: str, target: Path, progress: ByteProgress | None, *,
              max_bytes: int, deadline: float) -> None:
    """Stream ``url`` to ``target``: at most ``max_bytes``, done before ``deadline`` (time.monotonic)."""
    with client.stream("GET", url, follow_redirects=True) as response:
        response.raise_for_status()
        total = int(response.headers["content-length"]) if "content-length" in response.headers else None
        if total is not None and total > max_bytes:
            raise httpx.HTTPError(f"{url} is {total:,} bytes, more than the {max_bytes:,} allowed "
                                  "(CLEARANCE_MAX_DOWNLOAD_MB)")
        done = 0
        with open(target, "wb") as fh:
            for chunk in response.iter_bytes():  # as it arrives: the deadline is checked often
                fh.write(chunk)
                done += len(chunk)
                if done > max_bytes:
                    raise httpx.HTTPError(f"{url} sent more than {max_bytes:,} bytes (CLEARANCE_MAX_DOWNLOAD_MB); "
                                          "stopped")
                if time.monotonic() > deadline:
                    raise httpx.HTTPError(f"{url} was still downloading after the update's deadline "
                                          "(CLEARANCE_UPDATE_DEADLINE); stopped")
                if progress:
                    progress(target.name, done, total)
    if target.stat().st_size == 0:
        raise httpx.HTTPError(f"{url} returned an empty file")


def update(
    store: Store,
    *,
    only: Sequence[str] | None = None,
    settings: Settings | None = None,
    download_progress: ByteProgress | None = None,
    progress: Progress | None = None,
) -> list[LoadOutcome]:
    """Download every configured official file (limited to lists in ``only``) and load them.

    A file that cannot be downloaded is reported for its lists and the others still load.
    """
    settings = settings or get_settings()
    unknown = set(settings.update_urls) - set(DOWNLOADS)
    if unknown:
        raise ConfigError(
            f"CLEARANCE_UPDATE_URLS has unknown key(s) {', '.join(sorted(unknown))}; known: {', '.join(DOWNLOADS)}"
        )
    outcomes: list[LoadOutcome] = []
    retrieved_at = dt.datetime.now(dt.UTC)
    deadline = time.monotonic() + settings.update_deadline
    max_bytes = settings.max_download_mb * 1024 * 1024
    with tempfile.TemporaryDirectory(prefix="clearance-update-") as tmp:
        root = Path(tmp)
        families: dict[str, set[str]] = {}
        with httpx.Client(timeout=settings.http_timeout) as client:
            for key, url in settings.update_urls.items():
                family, name, codes = DOWNLOADS[key]
                wanted = {c for c in codes if only is None or c in only}
                if not wanted:
                    continue
                folder = root / family
                folder.mkdir(exist_ok=True)
                try:
                    if time.monotonic() > deadline:
                        raise httpx.HTTPError("not started: the update's deadline (CLEARANCE_UPDATE_DEADLINE) passed")
                    _download(client, url, folder / name, download_progress, max_bytes=max_bytes, deadline=deadline)
                    families.setdefault(family, set()).update(wanted)
                except (httpx.HTTPError, httpx.InvalidURL) as exc:
                    (folder / name).unlink(missing_ok=True)
                    reason = f"download of {url} failed: {exc}"
                    outcomes.extend(LoadOutcome(c, (url,), error=reason) for c in sorted(wanted))
        # A list fed by a file that failed keeps its previous version (no half-joined OFAC set).
        failed = {o.list_code for o in outcomes}
        for family, family_codes in families.items():
            to_load = sorted(family_codes - failed)
            if to_load:
                outcomes.extend(
                    load_paths(
                        store,
                        [root / family],
                        only=to_load,
                        retrieved_at=retrieved_at,
                        progress=progress,
                        settings=settings,
                    )
                )
    return outcomes
