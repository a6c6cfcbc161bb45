"""Who is listed: given listings, the dated Entity List party data, or a frozen listings snapshot.

The snapshot (:class:`Listings`) is built from list entities (clearance.model.Entity) once -- e.g. by the
lists workflow -- and then passed to every determination; it is current-state data (licence requirement,
policy and footnotes as the list file states them). The history of the Huawei entries is rule data
(``el.party.*`` and ``el.group.huawei.*``), so old dates work without old list files.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from clearance.errors import CannotClear
from clearance.model.entity import Entity
from clearance.model.regulation import RuleSet

# listing codes of the scenario schema -> list codes of clearance.model.lists
LISTING_CODES = {
    "entity_list": "el",
    "entity_list_fn1": "el",
    "entity_list_fn3": "el",
    "entity_list_fn4": "el",
    "entity_list_fn5": "el",
    "unverified_list": "uvl",
    "meu_list": "meu",
    "denied_persons": "dpl",
    "military_intelligence_end_user": "mieu",  # named in § 744.22(f)(2) (the MIEU list)
    "sdn": "sdn",  # "sdn:<TAG>" listings are mapped by their prefix (clearance.rules.parties.SDN_PREFIX)
}
EAR_LIST_CODES = ("el", "uvl", "meu", "dpl", "sdn")  # the lists whose entries have consequences the engine applies
_LEGAL = {
    "co", "company", "corp", "corporation", "ltd", "ltda", "limited", "inc", "llc", "gmbh", "sa", "srl", "bv",
    "plc", "pty", "ag", "nv", "oy", "ab", "sas", "spa", "sdn", "bhd", "pvt", "the", "of",
}


@lru_cache(maxsize=16384)
def normalise_name(name: str, *, drop_brackets: bool = False) -> str:
    """Lower case, no accents or punctuation, no legal forms; optionally without "(...)" remarks."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    if drop_brackets:
        text = re.sub(r"\([^)]*\)", " ", text)
    words = re.findall(r"[a-z0-9]+", text)
    return " ".join(w for w in words if w not in _LEGAL)


def name_keys(name: str) -> tuple[str, ...]:
    """Lookup keys of a name, most specific first ("X (listed affiliate)" also finds "X")."""
    full = normalise_name(name)
    bare = normalise_name(name, drop_brackets=True)
    return (full,) if bare == full or not bare else (full, bare)


@dataclass(frozen=True, slots=True)
class ListingEntry:
    list_code: str
    name: str
    license_requirement: str | None = None
    license_policy: str | None = None
    footnotes: tuple[int, ...] = ()
    federal_register: tuple[str, ...] = ()
    entry_id: str = ""  # the list's own id of the entry, when known
    match_score: float | None = None  # the screening score when found by fuzzy screening (None: exact or given)
    programs: tuple[str, ...] = ()  # sanctions program identifiers (SDN List tags such as SDGT, RUSSIA-EO14024)
    expires: dt.date | None = None  # the last day of a denial order, as the list file states it (Denied Persons List)

    @classmethod
    def of(cls, e: Entity) -> ListingEntry:
        """The licensing terms of one list entry (its FDP footnotes also read from the licence requirement text
        when the list file gives none, see :func:`requirement_footnotes`)."""
        footnotes = e.footnotes
        if e.list_code == "el" and e.license_requirement:
            footnotes = tuple(sorted(set(footnotes) | set(requirement_footnotes(e.license_requirement))))
        return cls(e.list_code, e.name, e.license_requirement, e.license_policy, footnotes, e.federal_register,
                   e.entry_id, programs=e.programs, expires=_expiration(e))


def _expiration(e: Entity) -> dt.date | None:
    """A Denied Persons List entry's 'Expiration_Date' (MM/DD/YYYY), when the file gives one."""
    text = dict(e.extra).get("Expiration_Date", "").strip() if e.list_code == "dpl" else ""
    try:
        return dt.datetime.strptime(text, "%m/%d/%Y").date() if text else None
    except ValueError:
        return None


# § 734.9 paragraph an Entity List licence requirement cites -> the Supp. No. 4 footnote whose FDP rule it is
# (§ 734.9(e)(1) footnote 1, (g) footnote 3, (e)(2) footnote 4, (e)(3) footnote 5)
_FDP_PARAGRAPHS = (("734.9(e)(1)", 1), ("734.9(e)1", 1), ("734.9(g)", 3), ("734.9(e)(2)", 4), ("734.9(e)(3)", 5))
_MARKER = re.compile(r"\)\s*([1345])\s*\.?\s*$")  # "(See §§ 734.9(e) and 744.11 of the EAR)4"


@lru_cache(maxsize=4096)
def requirement_footnotes(text: str) -> tuple[int, ...]:
    """The FDP footnotes (1, 3, 4, 5) an Entity List licence requirement names: by the § 734.9 paragraph it cites,
    or by the footnote marker closing a text that cites § 734.9 (the loaded list files do not carry footnotes)."""
    compact = text.replace(" ", "")
    found = {n for para, n in _FDP_PARAGRAPHS if para in compact}
    marker = _MARKER.search(text)
    if marker and "734.9" in compact:
        found.add(int(marker.group(1)))
    return tuple(sorted(found))


@dataclass(frozen=True, eq=False)
class Listings:
    """A frozen snapshot: normalised name -> entries, plus the data date it describes."""

    entries: dict[str, tuple[ListingEntry, ...]] = field(default_factory=dict)
    label: str = "listings snapshot"
    data_date: dt.date | None = None  # the date the list data describes
    max_age_days: int | None = None  # older than this on the determination date -> stale -> CANNOT_CLEAR
    # Screens a name on demand instead of the exact-name table (the determination workflow's fuzzy
    # screening against the list versions of the day); may raise CannotClear (possible match, stale list).
    resolver: Callable[[str], tuple[ListingEntry, ...]] | None = None
    versions: tuple[tuple[str, str], ...] = ()  # (list code, version id) the snapshot was built from
    algorithm: str | None = None  # the screening algorithm of the resolver
    name_resources: str | None = None  # digest of the name resources the algorithm used
    caller_screened: bool = False  # the caller states its own screening found no listing (NONE_FOUND)

    def check_fresh(self, day: dt.date) -> None:
        if self.data_date is None or self.max_age_days is None:
            return
        age = (day - self.data_date).days
        if age > self.max_age_days:
            raise CannotClear(
                f"stale lists: {self.label} describes {self.data_date.isoformat()}, {age} days before "
                f"{day.isoformat()} (maximum {self.max_age_days})"
            )

    @classmethod
    def from_entities(
        cls,
        entities: Iterable[Entity],
        label: str = "listings snapshot",
        data_date: dt.date | None = None,
        max_age_days: int | None = None,
    ) -> Listings:
        index: dict[str, list[ListingEntry]] = {}
        for e in entities:
            entry = ListingEntry.of(e)
            for n in e.names:
                key = normalise_name(n.value)
                if key and entry not in index.setdefault(key, []):
                    index[key].append(entry)
        return cls({k: tuple(v) for k, v in index.items()}, label, data_date, max_age_days)

    def lookup(self, name: str) -> tuple[ListingEntry, ...]:
        """The entries listing ``name`` (empty: screened, not listed); CannotClear when undecidable."""
        if self.resolver is not None:
            return self.resolver(name)
        for key in name_keys(name):
            found = self.entries.get(key)
            if found:
                return found
        return ()


NONE_FOUND = Listings(label="screened: no listing found (--listings none-found)", caller_screened=True)


_PARTY_INDEX: dict[str, dict[str, str]] = {}


def party_index(rules: RuleSet) -> dict[str, str]:
    """Normalised name -> ``el.party.*`` rule key: derived from the rule data once per rule-set version."""
    hit = _PARTY_INDEX.get(rules.version)
    if hit is None:
        hit = {}
        for key, param in rules.parameters.items():
            if not key.startswith("el.party."):
                continue
            for dv in param.values:
                for n in dv.value.get("names", []):
                    hit.setdefault(normalise_name(str(n)), key)
        if len(_PARTY_INDEX) > 64:
            _PARTY_INDEX.clear()
        _PARTY_INDEX[rules.version] = hit
    return hit
