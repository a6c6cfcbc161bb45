"""Datasets as the yente-compatible endpoints name them: each list code, and collections of lists.

A collection means "those of its lists that are loaded"; asking for a single list that is not loaded, or
a collection none of whose lists is, is a 404 naming it (never an empty answer).
"""

from __future__ import annotations

from clearance.model.lists import LISTS

COLLECTIONS: dict[str, tuple[str, str]] = {
    # name -> (title, what it holds); members below
    "default": ("All loaded lists", "every restricted-party list loaded in this Clearance store"),
    "sanctions": ("Sanctions lists", "OFAC SDN and non-SDN lists, UN, UK and EU sanctions"),
    "export_controls": ("US export control lists", "BIS Entity, Denied Persons, Unverified, MEU and MIEU lists"),
    "us": ("US government lists", "every US list (BIS, OFAC, State, DoD, FCC, Congress)"),
}
_MEMBERS: dict[str, tuple[str, ...]] = {
    "sanctions": ("sdn", "ofac-cons", "cmic", "un", "uk", "eu"),
    "export_controls": ("el", "dpl", "uvl", "meu", "mieu"),
    "us": tuple(c for c, i in LISTS.items() if i.jurisdiction == "US"),
}

TOPICS: dict[str, str] = {
    "el": "export.control", "dpl": "export.control", "uvl": "export.control", "meu": "export.control",
    "mieu": "export.control", "dtc": "debarment", "fcc": "export.risk", "ndaa": "export.risk",
    "1260h": "export.risk", "cuba": "sanction", "s353": "sanction",
}  # fmt: skip


def topic_of(list_code: str) -> str:
    return TOPICS.get(list_code, "sanction")


def members(dataset: str, loaded: set[str]) -> list[str] | None:
    """The loaded list codes ``dataset`` stands for; None when the name is unknown."""
    if dataset in LISTS:
        return [dataset] if dataset in loaded else []
    if dataset == "default":
        return sorted(loaded)
    if dataset in _MEMBERS:
        return sorted(set(_MEMBERS[dataset]) & loaded)
    return None


def all_members(dataset: str) -> tuple[str, ...]:
    if dataset in LISTS:
        return (dataset,)
    if dataset == "default":
        return tuple(LISTS)
    return _MEMBERS.get(dataset, ())
