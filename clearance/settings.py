"""Typed settings, read from ``CLEARANCE_*`` environment variables (documented in docs/settings.md).

``Settings`` (the whole model, validated by pydantic-settings: ``clearance.settings_model``) is imported when first
asked for, not with this module: importing pydantic and pydantic-settings costs about 0.3 s, more than the rest of
a `clearance screen` start-up with a cached index. That path reads its four settings with ``screen_settings``,
which takes the whole model whenever a value is not one it reads exactly as pydantic would.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from clearance.settings_model import Settings as Settings

DEFAULT_UPDATE_URLS: dict[str, str] = {
    # US Consolidated Screening List (trade.gov): Entity List, DPL, UVL, MEU, SDN, ISN, DTC, ...
    "csl": "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv",
    # OFAC legacy CSV files: SDN list and the consolidated (non-SDN) list.
    "sdn": "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV",
    "add": "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADD.CSV",
    "alt": "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ALT.CSV",
    "sdn_comments": "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN_COMMENTS.CSV",
    "cons_prim": "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_PRIM.CSV",
    "cons_add": "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_ADD.CSV",
    "cons_alt": "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_ALT.CSV",
    "cons_comments": "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_COMMENTS.CSV",
    # UN Security Council Consolidated List.
    "un": "https://scsanctions.un.org/resources/xml/en/consolidated.xml",
    # UK HM Treasury / OFSI Consolidated List.
    "uk": "https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv",
}

# every field of ``Settings`` (tests/test_settings.py checks this against the model)
FIELDS = ("data", "db", "max_age_days", "max_age_overrides", "max_shrink_percent", "max_shrink_overrides",
          "update_urls", "http_timeout", "update_deadline", "max_download_mb", "snapshot", "db_pool_size",
          "db_max_overflow", "db_pool_timeout", "db_pool_recycle", "actor")
PREFIX = "CLEARANCE_"


def default_db() -> str:
    from platformdirs import user_data_dir

    return str(Path(user_data_dir("clearance", appauthor=False)) / "clearance.db")


def __getattr__(name: str) -> Any:
    if name == "Settings":  # the whole model, imported on first use (``from clearance.settings import Settings``)
        from clearance.settings_model import Settings

        return Settings
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    from clearance.settings_model import load_settings

    return load_settings()


class ListSettings(Protocol):
    """What reading the active list versions and the cached screening index needs of the settings."""

    @property
    def db(self) -> str: ...

    @property
    def snapshot(self) -> bool: ...

    def max_age_for(self, list_code: str) -> int: ...


@dataclass(frozen=True)
class ScreenSettings:
    """The settings a `clearance screen` with a cached index reads, as ``Settings`` would read them."""

    db: str
    max_age_days: int = 30
    snapshot: bool = True
    max_age_overrides: dict[str, int] = field(default_factory=dict)

    def max_age_for(self, list_code: str) -> int:
        return self.max_age_overrides.get(list_code, self.max_age_days)


_INT = re.compile(r"[0-9]{1,9}")
_BOOLS = {"true": True, "1": True, "yes": True, "on": True, "false": False, "0": False, "no": False, "off": False}


def screen_settings() -> ListSettings:
    """``get_settings()``, or the same values without importing pydantic when every ``CLEARANCE_*`` variable set
    is one of the four a screen reads (or the data folder), with a value read exactly as the model reads it (a
    database path or URL; a whole number of days; a plain boolean). Any other variable of the model, or any other
    value (an invalid one included, which the model refuses with its message), is left to ``get_settings``.
    Settings already read are used as they are."""
    if get_settings.cache_info().currsize:
        return get_settings()
    got: dict[str, Any] = {}
    for key, value in os.environ.items():
        name = key.lower()
        if not name.startswith("clearance_") or name[10:] not in FIELDS:
            continue  # not a setting (pydantic-settings matches names case-insensitively and ignores extras)
        name = name[10:]
        if name in got:
            return get_settings()  # the same setting twice in other cases: the model decides which counts
        if name == "db":
            got[name] = value
        elif name == "data":
            got[name] = None  # any text is a path to the model; a screen does not read it
        elif name == "max_age_days" and _INT.fullmatch(value):
            got[name] = int(value)
        elif name == "snapshot" and value.lower() in _BOOLS:
            got[name] = _BOOLS[value.lower()]
        else:
            return get_settings()
    got.pop("data", None)
    if "db" not in got:
        got["db"] = default_db()
    return ScreenSettings(**got)


def acting_user(settings: Settings | None = None) -> str:
    """Who is acting (recorded in the audit trail): the setting CLEARANCE_ACTOR, else the operating-system
    user, else "unknown"."""
    import getpass

    found = (settings or get_settings()).actor
    if found:
        return found
    try:
        return getpass.getuser()
    except Exception:
        return "unknown"
