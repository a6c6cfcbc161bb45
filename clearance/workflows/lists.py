"""Loading, updating and reading the restricted-party lists: the glue between sources and store.

Every interface (CLI, API) goes through these functions; none opens the database itself.
"""

from __future__ import annotations

import datetime as dt
import errno
import lzma
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from clearance.errors import ClearanceError, DataError
from clearance.model import Entity, ParsedList
from clearance.settings import ListSettings, get_settings
from clearance.store import Hold, LoadResult, VersionInfo

if TYPE_CHECKING:
    from clearance.settings import Settings
    from clearance.sources.registry import SourceGroup
    from clearance.store import Store

Progress = Callable[[str, int, int], None]  # (what, done, total)


@dataclass(frozen=True, slots=True)
class LoadOutcome:
    """What happened to one list (or one file group that failed before a list code was known)."""

    list_code: str
    source_files: tuple[str, ...]
    result: LoadResult | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True, slots=True)
class ActiveLists:
    """The active version of each requested list and all their entries (a frozen snapshot)."""

    versions: dict[str, VersionInfo]
    entities: tuple[Entity, ...]
    stale: dict[str, str] = field(default_factory=dict)  # list code -> reason it is stale


def open_store(settings: Settings | None = None) -> Store:
    """Open (and migrate) the configured store."""
    from clearance.store import Store  # SQLAlchemy is imported here, not by a screen command on a cached index

    settings = settings or get_settings()
    return Store.open(settings.db_url)


@contextmanager
def store_with_lists(store: Store | None, settings: Settings) -> Iterator[Store]:
    """``store``, or the configured store opened (and closed) here; the snapshot loads on first use."""
    st = store or open_store(settings)
    try:
        ensure_lists(st, settings)
        yield st
    finally:
        if store is None:
            st.close()


def _parse_groups(
    groups: Sequence[SourceGroup], only: Sequence[str] | None, progress: Progress | None
) -> tuple[list[ParsedList], list[LoadOutcome], dict[int, Hold]]:
    parsed: list[ParsedList] = []
    failed: list[LoadOutcome] = []
    extracts: dict[int, Hold] = {}  # id(parsed list) -> why it is held: its CSL file is an extract
    for i, group in enumerate(groups):
        names = tuple(str(f) for f in group.files)
        if progress:
            progress(f"parsing {group.files[0].name}", i, len(groups))
        try:
            lists = group.parser.parse(group.files)
        except Exception as exc:  # any failure of one file group is reported; the others still load
            failed.append(LoadOutcome(_group_code(group, only), names, error=_parse_error(group, exc)))
            continue
        extract = _extract_holds(group, lists)
        for p in lists:
            if only is None or p.list_code in only:
                parsed.append(p)
                if p.list_code in extract:
                    extracts[id(p)] = extract[p.list_code]
    if progress:
        progress("parsed", len(groups), len(groups))
    return parsed, failed, extracts


def _extract_holds(group: SourceGroup, lists: Sequence[ParsedList]) -> dict[str, Hold]:
    """Pending for every list of a CSL file that is an extract (some list in it is below a whole list's size).

    Judged on the whole file (all its lists, whatever ``--only`` keeps), so that it holds into an
    empty store too, where there is no active version to compare with.
    """
    if not lists or not all(_is_csl(p) for p in lists):
        return {}
    from clearance.sources.csl import short_lists

    short = {code: (n, floor) for code, n, floor in short_lists(lists)}
    if not short:
        return {}
    holds: dict[str, Hold] = {}
    for pl in lists:
        code = pl.list_code if pl.list_code in short else next(iter(short))
        n, floor = short[code]
        others = len(short) - (1 if pl.list_code in short else 0)
        also = f"; {others} other list(s) in it are short too" if others and pl.list_code in short else ""
        holds[pl.list_code] = Hold(
            "pending",
            f"an extract, not the whole list: the CSL file {group.files[0].name} carries {n:,} "
            f"{'entry' if n == 1 else 'entries'} of {code} where a whole list has at least {floor:,}{also}, "
            "so none of its lists is taken as whole (docs/reliability.md)",
        )
    return holds


def _group_code(group: SourceGroup, only: Sequence[str] | None) -> str:
    """The list a failed group is reported under; a file feeding several lists (CSL) under its parser."""
    if group.named is not None:
        return group.named[1]
    codes = [c for c in group.parser.lists if only is None or c in only]
    return codes[0] if len(codes) == 1 else group.parser.slug


def _parse_error(group: SourceGroup, exc: Exception) -> str:
    """One line naming the file and the reason; for a file known by its name, what it was taken for."""
    reason = str(exc) if isinstance(exc, ClearanceError) else f"{group.files[0]}: {type(exc).__name__}: {exc}"
    if group.named is None:
        return reason
    path = group.files[0]
    hint = _content_hint(path)
    return f"{reason} — named like a {group.named[0]} but not one{hint}; not loaded"


def _content_hint(path: Path) -> str:
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError:
        return ""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return " (it is UTF-16 text: save it as UTF-8)"
    if path.suffix.lower() == ".xlsx" and not head.startswith(b"PK"):
        return " (it is not an Excel workbook: it is text, e.g. CSV saved under an .xlsx name)"
    return ""


def load_paths(
    store: Store,
    paths: Sequence[Path],
    *,
    only: Sequence[str] | None = None,
    retrieved_at: dt.datetime | None = None,
    progress: Progress | None = None,
    relabel: Callable[[str], str] | None = None,
    settings: Settings | None = None,
) -> list[LoadOutcome]:
    """Parse every list file found under ``paths`` and load each list as a new version.

    Each list is loaded on its own, all-or-nothing: a bad file is reported and its list keeps its
    previous version while the others load. Versions of the same list are loaded oldest data first,
    so that the newest data ends up active. A version is stored without becoming active when:

    * a file it was joined from is blank (an empty OFAC ``alt.csv`` beside a full ``sdn.csv``): pending;
    * it comes from a multi-list file (the CSL) while the list's own file is in the same load: history;
    * it comes from a CSL file that is an extract: some list in it has fewer entries than a whole list
      has at least (``clearance.sources.csl.WHOLE_LIST_MIN_ENTRIES``), also into an empty store: pending;
    * it loses more than the list's maximum shrink of the active version (a CSL file that carries far
      fewer rows of the list is an extract): pending (see ``Store.load``).
    """
    settings = settings or get_settings()
    for p in paths:
        if not p.exists():
            raise DataError("no such file or folder", file=p)
    from clearance.sources.registry import discover  # the parsers: imported only by commands that load lists

    groups = discover(paths, only)
    if not groups:
        raise DataError(
            "no list file recognised here (see `clearance lists show` and docs/data.md for the formats)",
            file=", ".join(str(p) for p in paths),
        )
    parsed, outcomes, extracts = _parse_groups(groups, only, progress)
    batch = tuple(parsed)  # list.sort empties the list while sorting: rank against a copy
    holds = {id(pl): _hold(pl, batch) or extracts.get(id(pl)) for pl in parsed}
    parsed.sort(key=lambda p: _load_order(p, batch))
    for i, pl in enumerate(parsed):
        if progress:
            progress(f"storing {pl.list_code}", i, len(parsed))
        hold = holds[id(pl)]
        if relabel is not None:
            pl = _relabel(pl, relabel)
        try:
            result = store.load(
                pl,
                retrieved_at=retrieved_at,
                max_shrink=settings.max_shrink_for(pl.list_code),
                extract=_is_csl(pl),
                hold=hold,
            )
        except ClearanceError as exc:
            outcomes.append(LoadOutcome(pl.list_code, pl.source_files, error=str(exc)))
            continue
        except (sa_error(), OSError) as exc:
            # A full disk: this list keeps its previous version and the others, maybe smaller, are still
            # tried. Anything else (locked, read-only, unreachable) stops here for every list alike: the
            # caller turns it into one error line (or, for the first-use snapshot, reopens for writing).
            if not _disk_full(exc):
                raise
            outcomes.append(LoadOutcome(pl.list_code, pl.source_files, error=_not_stored(store, exc)))
            continue
        outcomes.append(LoadOutcome(pl.list_code, pl.source_files, result=result, warnings=pl.warnings))
    if progress:
        progress("done", len(parsed), len(parsed))
    return outcomes


def _reason(exc: Exception) -> str:
    lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def _disk_full(exc: Exception) -> bool:
    low = _reason(exc).lower()
    return "disk is full" in low or "no space left" in low or getattr(exc, "errno", None) == errno.ENOSPC


def sa_error() -> type[Exception]:
    from sqlalchemy.exc import SQLAlchemyError

    return SQLAlchemyError


def _not_stored(store: Store, exc: Exception) -> str:
    """One line: the database (password hidden) and why it could not store a version."""
    db = store.engine.url.render_as_string(hide_password=True)
    return f"not stored in {db}: {_reason(exc)}; free some space and load again"


def _hold(pl: ParsedList, batch: Sequence[ParsedList]) -> Hold | None:
    """Why ``pl`` must not become active whatever the store holds, or None."""
    from clearance.sources.base import is_blank_file

    blank = [Path(f).name for f in pl.source_files[1:] if is_blank_file(Path(f))]
    if blank:
        return Hold(
            "pending",
            f"companion file {', '.join(blank)} is empty, so what it carries (aliases, addresses or remarks) "
            "is missing from this version",
        )
    if _is_csl(pl):
        own = [o for o in batch if o.list_code == pl.list_code and not _is_csl(o)]
        if own:
            return Hold(
                "history",
                f"CSL copy; the list's own file {Path(own[0].source_files[0]).name} in the same load wins",
            )
    return None


def _load_order(pl: ParsedList, batch: Sequence[ParsedList]) -> tuple[str, int, dt.date]:
    """Order of loading within one batch: per list, oldest data first, so the newest ends active.

    When the same list comes both from its own official file and from a Consolidated Screening
    List copy in the same batch, the copy is loaded first (and held as history, see ``_hold``).
    """
    own_file_present = any(o.list_code == pl.list_code and not _is_csl(o) for o in batch)
    rank = 0 if (_is_csl(pl) and own_file_present) else 1
    return (pl.list_code, rank, pl.data_date or dt.date.min)


def _relabel(pl: ParsedList, relabel: Callable[[str], str]) -> ParsedList:
    """The same list with its source file names rewritten (e.g. temporary paths → snapshot names)."""
    entities = tuple(
        replace(e, source_file=relabel(e.source_file)) if e.source_file else e for e in pl.entities
    )
    return replace(pl, entities=entities, source_files=tuple(relabel(f) for f in pl.source_files))


def _is_csl(pl: ParsedList) -> bool:
    return pl.parser.startswith("csl")


SNAPSHOT_PACKAGE = "clearance.resources.snapshot"


@contextmanager
def _snapshot_files() -> Iterator[Path]:
    """Decompress the embedded snapshot into a temporary folder, with the original file names."""
    with tempfile.TemporaryDirectory(prefix="clearance-snapshot-") as tmp:
        folder = Path(tmp)
        for entry in resources.files(SNAPSHOT_PACKAGE).iterdir():
            if entry.name.endswith(".xz"):
                with entry.open("rb") as src, lzma.open(src) as xz, open(folder / entry.name[:-3], "wb") as dst:
                    shutil.copyfileobj(xz, dst)
        yield folder


# The lists the embedded snapshot provides (a test checks this against the files).
SNAPSHOT_LISTS: tuple[str, ...] = ("dpl", "el", "meu", "sdn", "uvl")


def load_snapshot(
    store: Store, progress: Progress | None = None, only: Sequence[str] | None = None
) -> list[LoadOutcome]:
    """Load the dated snapshot of US lists that ships inside the package (limited to ``only``)."""
    with _snapshot_files() as folder:

        def relabel(path: str) -> str:
            return f"{SNAPSHOT_PACKAGE}/{Path(path).name}.xz" if path.startswith(str(folder)) else path

        return load_paths(store, [folder], only=only, progress=progress, relabel=relabel)


def _from_snapshot(version: VersionInfo) -> bool:
    return any(f.startswith(f"{SNAPSHOT_PACKAGE}/") for f in version.source_files)


def snapshot_missing(versions: Sequence[VersionInfo], active: dict[str, VersionInfo],
                     settings: ListSettings) -> list[str]:
    """The snapshot lists ``ensure_lists`` would load into a store with these versions (none: nothing to do)."""
    if not settings.snapshot:
        return []
    if versions and not any(_from_snapshot(v) for v in versions):
        return []
    return [c for c in SNAPSHOT_LISTS if c not in active]


def ensure_lists(store: Store, settings: Settings | None = None) -> list[LoadOutcome]:
    """The first-use bootstrap: load the embedded snapshot, list by list, until every list of it is there.

    Runs when no list is loaded at all, and again whenever an earlier bootstrap stopped part-way (a
    version from the snapshot exists but a snapshot list has no active version): each list loads in
    its own transaction, so a process killed mid-way leaves whole lists, and the next command loads
    the missing ones. A store filled only from the user's own files is left alone. Raises DataError
    when a snapshot list still cannot be loaded: nothing may be screened as if it were there.
    """
    settings = settings or get_settings()
    missing = snapshot_missing(store.versions(), store.active(), settings)
    if not missing:
        return []
    try:
        outcomes = load_snapshot(store, only=missing)
        errors = [o.error for o in outcomes if o.error]
    except ClearanceError as exc:
        outcomes, errors = [], [str(exc)]
    active = store.active()
    still = [c for c in missing if c not in active]
    if still:
        why = "; ".join(e for e in errors if e) or "no version became active"
        raise DataError(
            f"the embedded snapshot could not load list(s) {', '.join(still)} ({why}); "
            "load them with `clearance lists load --from DIR` or `clearance lists update`"
        )
    return outcomes


def stale_reason(version: VersionInfo, settings: ListSettings, today: dt.date | None = None) -> str | None:
    """Why this version is too old to clear against, or None when it is fresh enough."""
    today = today or dt.date.today()
    max_age = settings.max_age_for(version.list_code)
    age = version.age_days(today)
    if age is None:
        return f"{version.version_id} has no data date and no retrieval time"
    if version.is_stale(max_age, today):
        when = version.data_date.isoformat() if version.data_date else "its retrieval"
        return (
            f"{version.version_id} data is {age} days old (from {when}); maximum age is {max_age} days "
            f"(CLEARANCE_MAX_AGE_DAYS / CLEARANCE_MAX_AGE_OVERRIDES); run `clearance lists update`"
        )
    return None


def select_active(store: Store, codes: Sequence[str] | None) -> dict[str, VersionInfo]:
    """The active version of each list in ``codes`` (every loaded list when None), by code.

    Raises DataError naming the lists of ``codes`` that have no version loaded, and (fail closed) any
    list that was loaded but has no active version, its only versions being held back (pending).
    """
    return choose_active(store.active(), store.versions(), codes)


def choose_active(active: dict[str, VersionInfo], versions: Sequence[VersionInfo],
                  codes: Sequence[str] | None) -> dict[str, VersionInfo]:
    """``select_active`` on the store's active versions and every version (newest first), read by any means."""
    held: dict[str, VersionInfo] = {}
    for v in versions:  # newest first: the newest held version of each list without an active one
        if v.list_code not in active:
            held.setdefault(v.list_code, v)
    wanted = sorted(set(active) | set(held)) if codes is None else list(codes)
    unusable = [c for c in wanted if c in held]
    if unusable:
        detail = "; ".join(f"{held[c].version_id}: {held[c].hold_reason}" for c in unusable)
        raise DataError(
            f"list(s) {', '.join(unusable)} were loaded but have no active version, only versions held back "
            f"({detail}); load a complete file, or `clearance lists activate VERSION --confirm-shrink`"
        )
    missing = [c for c in wanted if c not in active]
    if missing:
        raise DataError(f"no version of list(s) {', '.join(missing)} is loaded; load or update them first")
    return {c: active[c] for c in sorted(wanted)}


def load_active(
    codes: Sequence[str] | None = None,
    *,
    store: Store | None = None,
    settings: Settings | None = None,
    today: dt.date | None = None,
) -> ActiveLists:
    """The active versions of ``codes`` (all loaded lists when None) with their entries."""
    settings = settings or get_settings()
    with store_with_lists(store, settings) as st:
        active = select_active(st, codes)
        entities: list[Entity] = []
        stale: dict[str, str] = {}
        for code, version in sorted(active.items()):
            entities.extend(st.entities(version.version_id))
            reason = stale_reason(version, settings, today)
            if reason:
                stale[code] = reason
        return ActiveLists(active, tuple(entities), stale)
