"""The restricted-party lists Clearance knows, each with a short code used everywhere."""

from __future__ import annotations

from dataclasses import dataclass

from clearance.errors import ConfigError


@dataclass(frozen=True, slots=True)
class ListInfo:
    code: str
    title: str
    authority: str
    jurisdiction: str  # ISO country code of the issuing authority, or "UN" / "EU"


_LISTS: tuple[ListInfo, ...] = (
    ListInfo("el", "Entity List (Supp. No. 4 to 15 CFR Part 744)", "US Commerce BIS", "US"),
    ListInfo("dpl", "Denied Persons List", "US Commerce BIS", "US"),
    ListInfo("uvl", "Unverified List (Supp. No. 6 to 15 CFR Part 744)", "US Commerce BIS", "US"),
    ListInfo("meu", "Military End-User List (Supp. No. 7 to 15 CFR Part 744)", "US Commerce BIS", "US"),
    ListInfo("mieu", "Military-Intelligence End Users (15 CFR 744.22)", "US Commerce BIS", "US"),
    ListInfo("sdn", "Specially Designated Nationals and Blocked Persons List", "US Treasury OFAC", "US"),
    ListInfo("ofac-cons", "OFAC Consolidated (non-SDN) Sanctions List", "US Treasury OFAC", "US"),
    ListInfo("isn", "Nonproliferation Sanctions", "US State Department ISN", "US"),
    ListInfo("dtc", "ITAR Debarred Parties (AECA)", "US State Department DDTC", "US"),
    ListInfo("cmic", "Non-SDN Chinese Military-Industrial Complex Companies", "US Treasury OFAC", "US"),
    ListInfo("1260h", "Chinese Military Companies (NDAA FY2021 s.1260H)", "US Department of Defense", "US"),
    ListInfo("fcc", "FCC Covered List", "US Federal Communications Commission", "US"),
    ListInfo("ndaa", "NDAA special legislation lists (s.889, s.1286, s.154, s.5949)", "US Congress", "US"),
    ListInfo("inksna", "Iran, North Korea, and Syria Nonproliferation Act sanctions", "US State Dept ISN", "US"),
    ListInfo("s353", "Section 353 Corrupt and Undemocratic Actors (Engel list)", "US State Department", "US"),
    ListInfo("cuba", "Cuba Restricted List", "US State Department", "US"),
    ListInfo("un", "UN Security Council Consolidated List", "United Nations Security Council", "UN"),
    ListInfo("uk", "UK Consolidated List of Financial Sanctions Targets", "HM Treasury OFSI", "GB"),
    ListInfo("eu", "EU restrictive measures (Official Journal annexes)", "Council of the European Union", "EU"),
)

LISTS: dict[str, ListInfo] = {info.code: info for info in _LISTS}


def list_info(code: str) -> ListInfo:
    """The list with this code; raises KeyError naming the known codes."""
    try:
        return LISTS[code]
    except KeyError:
        raise KeyError(f"unknown list code {code!r}; known: {', '.join(LISTS)}") from None


def parse_codes(text: str | None) -> tuple[str, ...] | None:
    """Parse a comma-separated ``--only``/``--lists`` value; None means every list."""
    if text is None or not text.strip():
        return None
    codes = tuple(dict.fromkeys(c.strip().lower() for c in text.split(",") if c.strip()))
    unknown = [c for c in codes if c not in LISTS]
    if unknown:
        raise ConfigError(f"unknown list code(s) {', '.join(unknown)}; known: {', '.join(LISTS)}")
    return codes
