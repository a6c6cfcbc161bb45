"""Determinations whose parties are screened against the loaded lists as of the determination date.

The rules engine asks "is this party listed?" only for parties whose listings the order does not give
and that the dated Entity List rule data (Huawei) does not name. This workflow answers that question by
fuzzy screening (``clearance.screening``) against the Entity List, the Unverified List, the MEU list and
the Denied Persons List in their **active versions, checked against the determination date**:

- a version whose data describes a later day than the date cannot answer for it (parties removed since
  would be missed): CANNOT_CLEAR naming the loaded versions that do describe the date, which the user
  may activate; no older version is picked silently (a loaded extract may be partial);
- a version older than its maximum age on the date is stale: CANNOT_CLEAR.

Per list, a HIT gives the entry to the engine (its licence requirement, policy and footnotes); a
POSSIBLE match without a HIT on that list, a Denied Persons List hit, a stale or missing list, or a
name that cannot be screened make the determination CANNOT_CLEAR with the reason. Every screened party
adds a note naming the entry, score, list version and algorithm, so the answer explains itself.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from clearance.errors import CannotClear
from clearance.model.decision import ListUse, Question
from clearance.model.determination import Determination, Outcome, Party, Request, Role
from clearance.model.entity import Entity
from clearance.model.regulation import RuleSet
from clearance.rules import Listings, RuleCache, cannot_clear, determine
from clearance.rules.listings import LISTING_CODES, ListingEntry, name_keys
from clearance.rules.parties import ACTING_LISTS, NEAR_CERTAIN, below_bar
from clearance.screening import Decision, Hit, Query, ScreeningIndex, get_algorithm, screen
from clearance.screening.prepared import id_key
from clearance.settings import Settings, get_settings
from clearance.store import Store, VersionInfo
from clearance.text.names_in_text import craft_identifiers, name_spans
from clearance.workflows.lists import ensure_lists, open_store, stale_reason
from clearance.workflows.order_files import parse_order_line
from clearance.workflows.order_files import read_order_lines as read_order_lines
from clearance.workflows.screening import open_index

EAR_LISTS = ("dpl", "el", "meu", "mieu", "sdn", "uvl")  # the lists whose entries have EAR (or OFAC blocking) effects
# screened whenever a version is loaded (the first-use snapshot has an SDN List; the MIEU list is loaded by hand)
SCREENED_WHEN_LOADED = frozenset({"sdn", "mieu"})
PARTIAL_SHARE = 0.5  # a version with fewer entries than this share of the active one is an extract: never suggested
ENGINE_LISTS = frozenset({"dpl", "el", "meu", "mieu", "sdn", "uvl"})  # entries the rules engine turns into bases
CLEARING = frozenset({Outcome.NOT_SUBJECT, Outcome.NO_LICENSE_REQUIRED, Outcome.LICENSE_EXCEPTION})
# lists whose consequence the engine applies on a near-certain match only (a weaker HIT is an open question)
CONFIRMED_LISTS = frozenset({"dpl", "mieu", "sdn"})
# The MIEU list transcribes § 744.22(f)(2), which the rule data holds (744.22.organisations, dated): its age is
# judged against the regulation, not by days -- see _mieu_problem.
MIEU_RULE = "744.22.organisations"
MIEU_NO_AGE_LIMIT = 365_000
ACCEPT_ANY_AGE = 365_000  # an age accepted without a number of days (`--accept-stale LIST`)
# how long before the publication date an Entity List rule may have taken effect: the list dates its rows by the
# Federal Register publication (87 FR 12226 took effect 7 days before it, 84 FR 22961 5 days, 87 FR 62186 6 days)
PUBLICATION_LAG = dt.timedelta(days=14)
EFFECTIVE_DATES = "744.11.effective_dates"  # the documents whose effective date precedes their publication


def _describes(v: VersionInfo) -> dt.date | None:
    """The date a version's data describes: its data date, else the day it was retrieved."""
    if v.data_date is not None:
        return v.data_date
    return v.retrieved_at.date() if v.retrieved_at is not None else None


@dataclass(frozen=True, slots=True)
class PartyScreening:
    """What screening one party found: the evidence a determination's party resolution rests on."""

    name: str
    country: str | None
    decision: str  # HIT / POSSIBLE / CLEAR / CANNOT_CLEAR (screening's decision over the EAR lists)
    hits: tuple[Hit, ...]
    list_versions: dict[str, str]
    algorithm: str
    reasons: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "decision": self.decision,
            "hits": [h.to_dict() for h in self.hits],
            "list_versions": self.list_versions,
            "algorithm": self.algorithm,
            "reasons": list(self.reasons),
        }

    def note(self) -> str:
        versions = ", ".join(self.list_versions.values())
        head = f"party {self.name!r} screened against {versions} ({self.algorithm}): {self.decision}"
        if self.hits:
            best = "; ".join(
                f"{h.list_code} entry {h.entry_id} {h.name!r} score {h.score:.2f} {h.decision.value}"
                for h in self.hits[:3]
            )
            head += f" -- {best}"
        return head


@dataclass(slots=True)
class _Day:
    """The list versions that describe one date, and why they cannot be used (if so)."""

    versions: dict[str, VersionInfo]
    problems: list[str]


@dataclass(slots=True)
class _Index:
    index: ScreeningIndex
    entities: dict[tuple[str, str], Entity]


@dataclass
class PartyScreener:
    """Screens determination parties against the EAR lists of the day. Open with :meth:`open`; close after.

    The store is opened only when a party actually needs screening: an order whose only party the dated
    Huawei rule data resolves never touches it (given listings are cross-checked, so they do).
    """

    settings: Settings
    codes: tuple[str, ...] = EAR_LISTS
    algorithm: str | None = None
    # (repr=False: the indexes and caches are large; a traceback printing the screener must stay cheap)
    _store: Store | None = field(default=None, repr=False)
    _days: dict[dt.date, _Day] = field(default_factory=dict, repr=False)
    _indexes: dict[tuple[str, ...], _Index] = field(default_factory=dict, repr=False)
    _results: dict[tuple[tuple[str, ...], str, str | None], PartyScreening] = field(default_factory=dict, repr=False)
    cache: RuleCache = field(default_factory=RuleCache, repr=False)  # the determinations' cache (the screener's own)
    # on request (`--historical-lists`): screen an earlier date against a later version, as the list stood on the
    # date (entries listed after it left out); the answer says what that can miss (see historical_notes)
    historical: bool = False
    # the rule set of the determinations (set by determine; judges the MIEU list)
    rules: RuleSet | None = field(default=None, repr=False)

    @classmethod
    def open(cls, settings: Settings | None = None, *, codes: Sequence[str] = EAR_LISTS,
             algorithm: str | None = None, historical: bool = False) -> PartyScreener:
        """A screener over the configured store (opened on first need and closed by :meth:`close`)."""
        return cls(settings or get_settings(), tuple(codes), algorithm, historical=historical)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> PartyScreener:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = open_store(self.settings)
            ensure_lists(self._store, self.settings)
        return self._store

    # ---- which versions describe a day ------------------------------------------------------------

    def _day(self, day: dt.date) -> _Day:
        found = self._days.get(day)
        if found is not None:
            return found
        active = self.store.active()
        chosen: dict[str, VersionInfo] = {}
        problems: list[str] = []
        for code in self.codes:
            v = active.get(code)
            if v is None and code in SCREENED_WHEN_LOADED and not self.store.versions(code):
                continue  # never loaded: the record says it was not consulted (a pending-only list fails closed)
            if v is None:
                problems.append(f"no version of list {code} is loaded (`clearance lists load` or "
                                "`clearance lists update`)")
                continue
            when = _describes(v)
            if code == "mieu":
                problem = self._mieu_problem(v, day)
                if problem:
                    problems.append(problem)
                chosen[code] = v
                continue
            if when is not None and when > day and self.historical:
                # on request: the list as it stood on the day, rebuilt from this version by listing dates (entries
                # listed later are left out when screening; entries removed since the day cannot be seen)
                chosen[code] = v
                continue
            if when is not None and when > day:
                problems.append(self._later(v, when, day))
                continue
            reason = stale_reason(v, self.settings, day)
            if reason:
                problems.append(f"stale list on {day.isoformat()}: {reason} (or accept its age for one run: "
                                f"`clearance determine --accept-stale {code}:DAYS`)")
            chosen[code] = v
        found = self._days[day] = _Day(chosen, problems)
        return found

    def _mieu_problem(self, v: VersionInfo, day: dt.date) -> str | None:
        """Why the MIEU list version cannot answer for ``day``, or None. It is a transcription of § 744.22(f)(2):
        current on ``day`` when it names every organisation the rule data's text in force on ``day`` names (a
        later version is usable: entries listed after ``day`` are left out when screening). Its data date (the
        latest listing date in it) says nothing about staleness when the section has not changed since."""
        if self.rules is None or MIEU_RULE not in self.rules.parameters:
            return stale_reason(v, self.settings, day)
        value = self.rules.parameters[MIEU_RULE].find(day)
        if value is None:
            return None  # no § 744.22 on the day: the list cannot matter
        listed = {k for e in self.store.entities(v.version_id) for n in e.names for k in name_keys(n.value)}
        missing = [n for org in value.value["organisations"] for n in org["names"]
                   if not any(k in listed for k in name_keys(n))]
        if missing:
            return (f"the mieu version {v.version_id} does not name every organisation § 744.22(f)(2) names on "
                    f"{day.isoformat()} ({value.start.isoformat()} text): missing {', '.join(missing)}; load a "
                    "current MIEU list")
        return None

    def _later(self, active: VersionInfo, when: dt.date, day: dt.date) -> str:
        """Why the active version cannot answer for an earlier date, and which loaded versions could."""
        complete = [x for x in self.store.versions(active.list_code)
                    if x.entity_count >= PARTIAL_SHARE * active.entity_count]
        older = sorted((x for x in complete if (_describes(x) or dt.date.max) <= day),
                       key=lambda x: _describes(x) or dt.date.min)
        could = ", ".join(f"{x.version_id} ({_describes(x)}, entries: {x.entity_count:,})" for x in older)
        return (
            f"the active {active.list_code} version {active.version_id} describes {when.isoformat()}, after "
            f"{day.isoformat()}: later data can miss parties removed since; "
            + (f"loaded versions describing that date: {could} (`clearance lists activate VERSION`)"
               if could else "no complete loaded version describes that date")
            + ", or give the parties' listings"
        )

    def _index(self, versions: dict[str, VersionInfo]) -> _Index:
        """The screening index of these (active) versions: from the on-disk cache of `clearance screen`."""
        key = tuple(sorted(v.version_id for v in versions.values()))
        found = self._indexes.get(key)
        if found is None:
            index = open_index(sorted(versions), store=self.store, settings=self.settings)
            got = tuple(sorted(v.version_id for v in index.versions.values()))
            if got != key:  # activated by someone else since the day was looked at: never mix versions
                raise CannotClear(f"the active list versions changed while screening ({', '.join(key)} -> "
                                  f"{', '.join(got)}); run the determination again")
            # staleness is judged on the order date (done in _day), from the date the data describes
            # (the MIEU list is judged against the regulation text in _day, not by days: no age limit here)
            meta = {c: dataclasses.replace(v, stale_reason=None, data_date=_describes(versions[c]),
                                           max_age_days=MIEU_NO_AGE_LIMIT if c == "mieu" else v.max_age_days)
                    for c, v in index.versions.items()}
            index = dataclasses.replace(index, versions=meta)
            found = self._indexes[key] = _Index(index, {(pe.entity.list_code, pe.entity.entry_id): pe.entity
                                                        for pe in index.entities})
        return found

    # ---- screening one party ----------------------------------------------------------------------

    def screen_party(self, name: str, country: str | None, day: dt.date) -> PartyScreening:
        """Screen one party against the versions of the EAR lists that describe ``day``."""
        algo = get_algorithm(self.algorithm)
        d = self._day(day)
        versions = {c: v.version_id for c, v in sorted(d.versions.items())}
        if d.problems:
            return PartyScreening(name, country, Decision.CANNOT_CLEAR.value, (), versions, algo.id,
                                  tuple(d.problems))
        key = (tuple(versions.values()), name, country)
        done = self._results.get(key)
        if done is None:
            idx = self._index(d.versions)
            result = screen(Query(name, country), idx.index, algorithm=algo, today=day)
            decision = result.decision.value
            if decision == Decision.CLEAR.value and result.reasons:  # e.g. a name of legal forms only
                decision = Decision.CANNOT_CLEAR.value
            done = PartyScreening(name, country, decision, result.hits, versions, algo.id, result.reasons)
            self._results[key] = done
        return done

    def exporter_screening(self, name: str, country: str | None, day: dt.date) -> tuple[PartyScreening,
                                                                                        dict[str, VersionInfo]]:
        """Screen the exporter against the Denied Persons and SDN Lists (what binds whoever exports), and the
        versions used. A version describing a later day than ``day`` is used as the list stood on the day (entries
        listed after it are left out; one removed since cannot be seen, which the screening's reasons say): unlike a
        customer, the exporter is the user, who is served any denial order of its own. A missing or stale list
        cannot screen it (CANNOT_CLEAR)."""
        algo = get_algorithm(self.algorithm)
        active = self.store.active()
        chosen: dict[str, VersionInfo] = {}
        problems: list[str] = []
        later: list[str] = []
        for code in sorted(ACTING_LISTS & set(self.codes)):
            v = active.get(code)
            if v is None and code in SCREENED_WHEN_LOADED and not self.store.versions(code):
                continue
            if v is None:
                problems.append(f"no version of list {code} is loaded (`clearance lists load`)")
                continue
            when = _describes(v)
            if when is not None and when > day:
                later.append(f"{code} {v.version_id} describes {when.isoformat()}, after {day.isoformat()}: "
                             "used as it stood on the day by listing dates (an entry removed since cannot be seen)")
            elif reason := stale_reason(v, self.settings, day):
                problems.append(f"stale list on {day.isoformat()}: {reason} (or accept its age for one run: "
                                f"`clearance determine --accept-stale {code}:DAYS`)")
            chosen[code] = v
        versions = {c: v.version_id for c, v in sorted(chosen.items())}
        if problems:
            return PartyScreening(name, country, Decision.CANNOT_CLEAR.value, (), versions, algo.id,
                                  tuple(problems)), chosen
        idx = self._index(chosen)
        result = screen(Query(name, country), idx.index, algorithm=algo, lists=sorted(chosen), today=day)
        # a possible match is asked about, as for any party (adversarial round 7: a listed reexporter written with its
        # street address, R7-02, or in Cyrillic with its city, R7-36, scores a POSSIBLE only)
        hits = tuple(h for h in result.hits if h.list_code in ACTING_LISTS)
        late = [h for h in hits if (_describes(chosen[h.list_code]) or day) > day
                and not _listed_by(idx.entities.get((h.list_code, h.entry_id)), day)]
        later += [f"{h.list_code} entry {h.entry_id} {h.name!r} (score {h.score:.2f}) was listed after "
                  f"{day.isoformat()}: not counted" for h in late]
        hits = tuple(h for h in hits if h not in late)
        decision = (Decision.HIT if any(h.decision is Decision.HIT for h in hits) else
                    Decision.POSSIBLE if hits else Decision.CLEAR).value
        if decision == Decision.CLEAR.value and result.reasons:
            decision = Decision.CANNOT_CLEAR.value
        return PartyScreening(name, country, decision, hits, versions, algo.id, (*result.reasons, *later)), chosen

    def entries(self, screening: PartyScreening, day: dt.date,
                review: list[Question] | None = None,
                versions: dict[str, VersionInfo] | None = None) -> tuple[ListingEntry, ...]:
        """The entries a party is listed under, or CannotClear when screening cannot decide it. With ``review``, a
        possible match on a list without a HIT there does not raise: it is appended to ``review`` (a question for a
        reviewer) and the HITs found are returned (see :meth:`determine`: the answer stands only when a
        near-certain listing decides it)."""
        if screening.decision == Decision.CANNOT_CLEAR.value:
            raise CannotClear(f"party {screening.name!r} cannot be screened: {'; '.join(screening.reasons)}")
        rebuilt = versions is not None  # (the exporter's versions: a later one is used as it stood on the day)
        versions = self._day(day).versions if versions is None else versions
        idx = self._index(versions)
        found: list[ListingEntry] = []
        undecided: list[str] = []
        codes: list[str] = []  # the lists of the undecided matches
        for code in sorted({h.list_code for h in screening.hits}):
            on_list = [h for h in screening.hits if h.list_code == code]
            later = (_describes(versions[code]) or day) > day if code in versions else False
            if code == "mieu" or ((self.historical or rebuilt) and later):
                # a later version (the MIEU list; any list with --historical-lists): entries listed after the day do
                # not count; an entry without a listing date counts as listed (fail closed)
                on_list = [h for h in on_list if _listed_by(idx.entities.get((code, h.entry_id)), day)]
                if not on_list:
                    continue
            hits = [h for h in on_list if h.decision is Decision.HIT]
            weak = [h for h in hits if h.score < NEAR_CERTAIN] if review is not None and code in CONFIRMED_LISTS else []
            if weak:  # (the engine would make it an open question: with review, it is a review item instead)
                hits = [h for h in hits if h not in weak]
                best = weak[0]
                undecided.append(
                    f"match with {code} entry {best.entry_id} {best.name!r} below {NEAR_CERTAIN} (score "
                    f"{below_bar(best.score)}, {versions[code].version_id}): confirm whether it is the listed party "
                    f"(`clearance screen {screening.name!r}`) and give the party's listings")
                codes.append(code)
                if not hits:
                    continue
            if not hits:
                best = on_list[0]
                undecided.append(
                    f"possible match with {code} entry {best.entry_id} {best.name!r} (score {best.score:.2f}, "
                    f"{versions[code].version_id}); review it (`clearance screen {screening.name!r}`) and give "
                    "the party's listings"
                )
                codes.append(code)
                continue
            if code not in ENGINE_LISTS:
                continue
            found.extend(dataclasses.replace(ListingEntry.of(idx.entities[(h.list_code, h.entry_id)]),
                                             match_score=h.score) for h in hits)
        if undecided:
            if review is None:
                raise CannotClear(f"party {screening.name!r}: " + "; ".join(undecided), lists=tuple(codes),
                                  found=tuple(found))
            review.extend(Question(f"party {screening.name!r}: {u}", fact="parties.listings") for u in undecided)
        return tuple(found)

    # ---- a request --------------------------------------------------------------------------------

    def listings(self, request: Request,
                 review: list[Question] | None = None) -> tuple[Listings, list[PartyScreening]]:
        """A listings snapshot for ``request`` that screens its parties on demand, and the record of it (possible
        matches go to ``review`` when given, see :meth:`entries`)."""
        by_name: dict[str, Party] = {p.name: p for p in request.parties}
        record: list[PartyScreening] = []

        def resolve(name: str) -> tuple[ListingEntry, ...]:
            party = by_name.get(name)
            if party is not None and _acting_only(request, name):  # the exporter: what binds whoever exports
                screening, versions = self.exporter_screening(name, party.country, request.date)
                record.append(screening)
                return self.entries(screening, request.date, review, versions)
            screening = self.screen_party(name, party.country if party else None, request.date)
            record.append(screening)
            return self.entries(screening, request.date, review)

        algo = get_algorithm(self.algorithm)
        label = f"screened against the loaded lists ({algo.id})"
        return Listings(label=label, resolver=resolve, algorithm=algo.id), record

    def cross_check(self, party: Party, day: dt.date) -> tuple[PartyScreening, str | None]:
        """Screen a party whose listings the order gives; a HIT on a list the order does not name is a
        contradiction (the reason), so that a typing slip in an order never clears a listed party; so is a possible
        match on such a list that the party's ``ruled_out`` does not name (a question for a reviewer)."""
        screening, found = self._check(party, day)
        if found is not None:
            return screening, found.text
        asked = self.unruled(party, screening, day)
        return screening, asked.text if asked is not None else None

    def unruled(self, party: Party, screening: PartyScreening, day: dt.date) -> Question | None:
        """The question a party with given listings leaves open when screening finds possible matches on lists its
        listings do not name and its ``ruled_out`` does not name them (adversarial round 31: listed parties spelt
        otherwise, e.g. 'Compagnie Soukhoï', scored POSSIBLE and were cleared on the order's ``listings: []``). A
        possible match is what a reviewer must judge; the order records the judgement as ``ruled_out`` entries
        ("el:<entry id>"), so an auditor sees which matches were set aside, and a changed entry (a new id) is asked
        again. On a day some list cannot answer for, the matches those lists still show are asked
        (``_possible_on_the_day``). None when nothing is left to judge."""
        if party.listings is None:
            return None
        given = {LISTING_CODES[g.split(":", 1)[0]] for g in party.listings if g.split(":", 1)[0] in LISTING_CODES}
        ruled = set(party.ruled_out)
        if screening.decision == Decision.CANNOT_CLEAR.value:
            # some list cannot answer for the day (it describes a later day, or is stale): the order's word stands
            # against what that list cannot show, but not against a match it does show -- a possible match on a
            # list that can answer for the day (adversarial R39-38: a Somali spelling of an SDN alias, a 0.69
            # possible match on the SDN List of the day), or on a later version whose entry was listed on or before
            # the day or gives no listing date (R40c-05: the SDN's Conviasa by its full name on 2023-08-15; R40b-04:
            # 'Aerocargo del Sur, C.A.', a 0.77 match on a denial order of 2023-07-25 in the DPL of 2023-11-30) is a
            # question for a reviewer, never cleared on the order's word
            if party.role is Role.EXPORTER:
                return None
            found = self._possible_on_the_day(party, day, given)
            if found is None:
                return None
            screening, entities = found, {}  # (its hits are those that may concern the day)
            when = (f" (some lists cannot answer for {day.isoformat()}: matches on the lists that can, and entries "
                    "listed by then or undated on later versions)")
        else:
            entities = self._index(self._day(day).versions).entities if self.historical else {}
            when = ""
        left = [h for h in screening.hits
                if h.list_code not in given and f"{h.list_code}:{h.entry_id}" not in ruled
                and not (entities and not _listed_by(entities.get((h.list_code, h.entry_id)), day))]
        if not left:
            return None
        left.sort(key=lambda h: -h.score)
        shown = "; ".join(f"{h.list_code}:{h.entry_id} {h.name!r} (score {h.score:.2f}, "
                          f"{screening.list_versions.get(h.list_code, '')})" for h in left[:5])
        more = f"; and {len(left) - 5} more" if len(left) > 5 else ""
        return Question(
            f"party {party.name!r} is given as listed on {sorted(given) or 'no list'}, but screening finds possible "
            f"matches on lists the order does not name{when}: {shown}{more}; review them (`clearance screen "
            f"{party.name!r}`), then give the party's listings, or name the entries that are not this party in its "
            f"ruled_out ({', '.join(repr(f'{h.list_code}:{h.entry_id}') for h in left[:5])})",
            fact="parties.ruled_out")

    def _check(self, party: Party, day: dt.date) -> tuple[PartyScreening, _Contradiction | None]:
        assert party.listings is not None
        given = {LISTING_CODES[g.split(":", 1)[0]] for g in party.listings if g.split(":", 1)[0] in LISTING_CODES}
        if party.role is Role.EXPORTER:
            screening, versions = self.exporter_screening(party.name, party.country, day)
            if screening.decision == Decision.CANNOT_CLEAR.value:
                return screening, None  # (a missing or stale list: the order's word stands, as for a customer)
            entities = self._index(versions).entities
            lists_of = versions
        else:
            screening = self.screen_party(party.name, party.country, day)
            if screening.decision == Decision.CANNOT_CLEAR.value:
                # the versions of the day cannot be used; a later version still proves a listing that began on or
                # before the day and still stands (adversarial review A29, A30); otherwise the order's word stands
                # (any list that can answer for the day: a near-certain Unverified List match the order's empty
                # listings leave out loses the § 744.15(b) statement and bars licence exceptions, adversarial R25-56)
                return screening, (self._later_contradiction(party, day, given)
                                   or self._blocking_contradiction(party, day, given,
                                                                   codes=frozenset(self._day(day).versions)))
            lists_of = self._day(day).versions
            entities = self._index(lists_of).entities if self.historical else {}
        # (a near-certain Denied Persons or SDN match first: it decides the answer where an Entity List match beside
        # it would only be a question -- adversarial R44-65, Trans-Flot on both lists, given as on none)
        for h in sorted(screening.hits, key=lambda h: not (h.list_code in ACTING_LISTS and h.score >= NEAR_CERTAIN)):
            if entities and not _listed_by(entities.get((h.list_code, h.entry_id)), day):
                continue  # (a historical list: an entry listed after the day does not contradict the order)
            if h.decision is Decision.HIT and h.list_code == "dpl" and self._ended(
                    self._index(lists_of).entities.get((h.list_code, h.entry_id)), day, lists_of.get("dpl")):
                continue  # (a denial order the version itself shows ended before the day: R44-72..R44-75)
            if h.decision is Decision.HIT and h.list_code not in given:
                return screening, _Contradiction(
                    f"party {party.name!r} is given as listed on {sorted(given) or 'no list'}, but screening finds "
                    f"{h.list_code} entry {h.entry_id} {h.name!r} (score {h.score:.2f}, "
                    f"{screening.list_versions.get(h.list_code, '')}); correct the order's listings",
                    h, self._index(lists_of).entities.get((h.list_code, h.entry_id)))
        return screening, None

    @staticmethod
    def _ended(entity: Entity | None, day: dt.date, version: VersionInfo | None) -> bool:
        """Whether a Denied Persons List ``entity``'s order ended before ``day`` as the list ``version`` itself shows
        (its listed last day is before the day and before the version's date); an order ending after the version's
        date may have been renewed since, which is asked, not assumed."""
        ends = ListingEntry.of(entity).expires if entity is not None else None
        return ends is not None and ends < day and version is not None and ends < (_describes(version) or day)

    def _possible_on_the_day(self, party: Party, day: dt.date, given: set[str]) -> PartyScreening | None:
        """The party screened against every active version of a list the order does not give, keeping the matches
        that may concern ``day``: on a version that can answer for the day (``_usable``), or, on a later or stale
        one, of an entry listed on or before the day (or within PUBLICATION_LAG after a listing whose effective
        date is not known) or with no listing date (the SDN List gives none: it may have been listed before the day),
        less denial orders that ended before the day. None: no such version."""
        active = self.store.active()
        versions = {c: v for c in self.codes if (v := active.get(c)) is not None and c not in given}
        if not versions:
            return None
        usable = self._usable(day, frozenset(versions), given)
        idx = self._index({c: v for c in self.codes if (v := active.get(c)) is not None})
        found = screen(Query(party.name, party.country), idx.index, algorithm=get_algorithm(self.algorithm),
                       lists=sorted(versions), today=day)
        hits = []
        for h in found.hits:
            entity = idx.entities.get((h.list_code, h.entry_id))
            if h.list_code not in usable:
                since, known = self._effective(entity)
                # (an undated entry -- every SDN entry -- may predate the day: its match counts as on the day,
                # possible ones too: R41-107, 'C.V.G. ... (Minerven), El Callao', a possible match on SDN MINERVEN
                # asked on 2024-06-01 was dropped on 2022-09-01)
                if since is not None and since > (day if known else day + PUBLICATION_LAG):
                    continue
            if entity is not None and h.list_code == "dpl":
                # a denial order that ended before the day -- as a version dated after its end shows it; one that
                # ends after the version's date may have been renewed since (R40b-03: a temporary denial order of
                # 2023-07-25 ending 2024-01-21 in the DPL of 2023-11-30, on an order of 2024-06-03): still asked
                expires = ListingEntry.of(entity).expires
                if expires is not None and expires < day and expires < (_describes(versions["dpl"]) or day):
                    continue
            hits.append(h)
        return PartyScreening(party.name, party.country, found.decision.value, tuple(hits),
                              {c: v.version_id for c, v in versions.items()}, get_algorithm(self.algorithm).id)

    def _usable(self, day: dt.date, codes: frozenset[str], given: set[str]) -> dict[str, VersionInfo]:
        """The versions of the lists in ``codes`` (less those in ``given``) that can answer for ``day``: each
        describes the day or an earlier one and is not stale on it."""
        return {c: v for c, v in self._day(day).versions.items() if c in codes and c not in given
                and (_describes(v) or day) <= day and not stale_reason(v, self.settings, day)}

    def _blocking_contradiction(self, party: Party, day: dt.date, given: set[str], unscreened: bool = False,
                                codes: frozenset[str] = ACTING_LISTS) -> _Contradiction | None:
        """A near-certain HIT on the Denied Persons or SDN List (or another of ``codes``), in a version that describes
        ``day`` and is not stale on it, on a list the order does not give: it proves a prohibition even when another
        list cannot answer for the day (adversarial B08: a party given as on the Entity List, whose Entity List
        version is later, and found on the SDN List of the day)."""
        usable = self._usable(day, codes, given)
        if not usable:
            return None
        idx = self._index(usable)
        result = screen(Query(party.name, party.country), idx.index, algorithm=get_algorithm(self.algorithm),
                        lists=sorted(usable), today=day)
        for h in result.hits:
            if h.decision is Decision.HIT and h.score >= NEAR_CERTAIN and h.list_code in usable:
                entity = idx.entities.get((h.list_code, h.entry_id))
                ends = ListingEntry.of(entity).expires if h.list_code == "dpl" and entity is not None else None
                if ends is not None and ends < day:
                    # a denial order whose listed last day is before the order date proves no prohibition (R41-94,
                    # R42-70: fixed-term orders that had ended were decided PROHIBITED); whether it was renewed after
                    # the version's date is asked by the screening of the day (_possible_on_the_day)
                    continue
                if unscreened:
                    return _Contradiction(
                        f"party {party.name!r} cannot be screened against every list for {day.isoformat()} "
                        f"({'; '.join(self._day(day).problems)}), but {h.list_code} version "
                        f"{usable[h.list_code].version_id} (describing {_describes(usable[h.list_code])}), which can "
                        f"answer for the date, has entry {h.entry_id} {h.name!r} (score {h.score:.2f})",
                        h, idx.entities.get((h.list_code, h.entry_id)))
                return _Contradiction(
                    f"party {party.name!r} is given as listed on {sorted(given) or 'no list'}, but {h.list_code} "
                    f"version {usable[h.list_code].version_id} (describing {_describes(usable[h.list_code])}) has "
                    f"entry {h.entry_id} {h.name!r} (score {h.score:.2f}); correct the order's listings",
                    h, idx.entities.get((h.list_code, h.entry_id)))
        return None

    def _blocked_unscreenable(self, request: Request) -> dict[Party, _Contradiction]:
        """The parties screened by name (no listings given) that cannot be screened against every list for the order
        date (a list describes a later day, or is stale) but are near-certain matches of a Denied Persons or SDN entry
        in a version that can answer for the date: such a listing decides the answer alone (PROHIBITED), like one the
        order leaves out (``_blocking_contradiction``). Without it the answer said only that the Entity List describes
        a later day, and the denial order the user must know of was not named (adversarial R10-54). A denial order
        whose listed last day is before the order date does not count."""
        day = request.date
        if not self._day(day).problems:
            return {}
        out: dict[Party, _Contradiction] = {}
        for party in request.parties:
            if party.listings is not None:
                continue
            found = self._blocking_contradiction(party, day, set(), unscreened=True)
            if found is None or found.entity is None:
                continue
            expires = ListingEntry.of(found.entity).expires
            if found.hit.list_code == "dpl" and expires is not None and expires < day:
                continue
            out[party] = found
        return out

    def _effective(self, entity: Entity | None) -> tuple[dt.date | None, bool]:
        """The day an entry's listing took effect, and whether that day is known: its date in the list (the Federal
        Register publication, or for some rows the effective date), or the effective date of the document that
        listed it where the rule data knows it (744.11.effective_dates: a row dated on the document's publication
        or effective day, citing a page of its volume within its first 300 pages)."""
        if entity is None or entity.listed_on is None:
            return None, False
        if entity.list_code == "dpl":
            return _first_listed(entity), False
        if self.rules is None or entity.list_code != "el" or not self.rules.has(EFFECTIVE_DATES):
            return entity.listed_on, False
        table = self.rules.param(EFFECTIVE_DATES).find(entity.listed_on)
        for doc in table.value["documents"] if table is not None else ():
            published, effective = (dt.date.fromisoformat(str(doc[k])) for k in ("published", "effective"))
            if entity.listed_on not in (published, effective):
                continue
            vol, _, page = str(doc["document"]).partition(" FR ")
            for cite in entity.federal_register:
                v, _, p = cite.partition(" FR ")
                if v.strip() == vol and p.strip().isdigit() and 0 <= int(p) - int(page) < 300:
                    return effective, True
        return entity.listed_on, False

    def _later_contradiction(self, party: Party, day: dt.date, given: set[str]) -> _Contradiction | None:
        """A HIT in an active version that describes a later day, on an entry listed on or before ``day``, on a
        list the order does not give: the party was listed on the day unless removed and listed again since."""
        active = self.store.active()
        later = {c: v for c in self.codes if (v := active.get(c)) is not None and (_describes(v) or day) > day}
        if not later:
            return None
        # one index of every active version (the one later days screen against): few indexes to build
        idx = self._index({c: v for c in self.codes if (v := active.get(c)) is not None})
        result = screen(Query(party.name, party.country), idx.index, algorithm=get_algorithm(self.algorithm),
                        lists=sorted(later), today=max(_describes(v) or day for v in later.values()))
        for h in result.hits:
            entity = idx.entities.get((h.list_code, h.entry_id))
            since, known = self._effective(entity)
            # a near-certain match only: this reads a later list for an earlier day
            # (an Entity List entry without a listing date may have been listed before the day: it contradicts too,
            # R4-86; the SDN List gives no listing dates at all, so there the order's word stands)
            before = (since is None and h.list_code == "el") or (since is not None and since <= day)
            # an Entity List row is dated by its Federal Register publication, and a rule may take effect days
            # before it (87 FR 12226: effective 2022-02-24, published 2022-03-03; adversarial R33-57, R33-74): a
            # listing dated within PUBLICATION_LAG after the day may already have applied on it, so it contradicts
            # the order's word too (an open question, never a listing)
            lag = (since is not None and not known and h.list_code == "el"
                   and day < since <= day + PUBLICATION_LAG)
            if h.score >= NEAR_CERTAIN and h.list_code not in given and (before or lag):
                if since is None:
                    when = f"whose listing date the list does not give (it may precede {day.isoformat()})"
                elif before and entity is not None and since != entity.listed_on:
                    when = (f"listed from {since.isoformat()}, before {day.isoformat()} (the effective date of the "
                            f"Federal Register document; the list dates the row {entity.listed_on})")
                elif before:
                    when = f"listed since {since.isoformat()}, before {day.isoformat()}"
                else:
                    when = (f"dated {since.isoformat()} in the list, the Federal Register publication date of its "
                            "listing, which may have taken effect days before it: check the rule's effective date "
                            f"against {day.isoformat()}")
                return _Contradiction(
                    f"party {party.name!r} is given as listed on {sorted(given) or 'no list'}, but the later "
                    f"{h.list_code} version {later[h.list_code].version_id} has entry {h.entry_id} {h.name!r} "
                    f"(score {h.score:.2f}) {when}; correct the order's listings", h, entity)
        return None

    def determine(self, request: Request, rules: RuleSet) -> tuple[Determination, list[PartyScreening]]:
        """The determination of ``request`` with its parties screened; notes name each hit.

        Parties without given listings are resolved by screening; parties with given listings are screened
        too and a contradicting HIT makes the answer CANNOT_CLEAR; an order naming no party cannot be cleared.
        """
        if self.rules is not rules:
            self.rules, self._days = rules, {}  # the MIEU list is judged against this rule set
        if not request.parties:
            return determine(request, rules, cache=self.cache), []  # the engine's answer: no party, no clearance
        checks: list[PartyScreening] = []
        contradictions: list[str] = []
        contradicted: dict[Party, _Contradiction] = {}
        unruled: list[Question] = []  # possible matches of parties with given listings, not ruled out
        ruled_notes: list[str] = []
        for p in request.parties:
            if p.listings is not None:
                screening, problem = self._check(p, request.date)
                checks.append(screening)
                if problem:
                    contradictions.append(problem.text)
                    contradicted[p] = problem
                elif (asked := self.unruled(p, screening, request.date)) is not None:
                    unruled.append(asked)
                if p.ruled_out:
                    ruled_notes.append(_ruled_out_note(p, screening))
        if contradictions:
            prohibited = self._prohibited_on_screening(request, rules, checks, contradicted)
            if prohibited is not None:
                return prohibited
            lists, _ = self.listings(request)
            return cannot_clear(request, rules, questions=[Question(c, fact="parties.listings")
                                                          for c in contradictions], lists=lists), checks
        review: list[Question] = []
        lists, record = self.listings(request, review)
        decision = determine(request, rules, lists, cache=self.cache)
        if review and _decided_by_listing(decision, request, record):
            # a near-certain listing decides a restrictive answer: a possible match elsewhere cannot make it
            # clearing, so it stays as a review item instead of turning the answer into CANNOT_CLEAR
            decision = dataclasses.replace(decision, to_confirm=decision.to_confirm + tuple(dict.fromkeys(review)))
        elif review:  # no near-certain listing decides it: the possible match fails closed (CANNOT_CLEAR)
            everyone = record  # (this pass screened every party, its possible matches held as review items)
            lists, record = self.listings(request)
            decision = determine(request, rules, lists, cache=self.cache)
            decision, record = _every_party_asked(decision, record, everyone, review)
        if unruled:
            decision = _asked_unruled(request, rules, decision, unruled, lists)
        if ruled_notes:
            decision = dataclasses.replace(decision, notes=(*decision.notes, *ruled_notes))
        if decision.outcome is Outcome.CANNOT_CLEAR:
            blocked = self._blocked_unscreenable(request)
            if blocked:
                prohibited = self._prohibited_on_screening(request, rules, checks + record, blocked)
                if prohibited is not None:
                    return prohibited
                decision = dataclasses.replace(decision, notes=(*decision.notes, *(c.text for c in blocked.values())))
        record = list({s.name: s for s in checks + record}.values())  # a party looked up twice is reported once
        if decision.outcome in CLEARING:
            named, found = self._named_in_words(request)
            if named:  # a listed party the order's words name but its parties leave out: never cleared
                record += found
                decision = dataclasses.replace(
                    cannot_clear(request, rules, questions=named, lists=lists),
                    notes=decision.notes, lists_consulted=decision.lists_consulted,
                    lists_not_consulted=decision.lists_not_consulted, versions=decision.versions)
        if record:
            decision = _with_screening(decision, record)
            if self.historical:
                decision = self._historical_notes(decision, request.date)
                screened = any(p.listings is None or p.ownership for p in request.parties)  # (given: the order's word)
                if decision.outcome in CLEARING and screened and self._rebuilt(request.date):
                    # a list rebuilt for an earlier day can miss a party removed since: it may show a listing, never
                    # clear one (adversarial R3-65: a party listed on the day and removed before the loaded version)
                    why = Question(f"the lists were rebuilt for {request.date.isoformat()} from later versions "
                                   "(--historical-lists): a party listed on that date and removed since cannot be "
                                   "found, so the answer cannot clear; give the parties' listings on that date",
                                   fact="parties.listings")
                    decision = dataclasses.replace(
                        cannot_clear(request, rules, questions=[why], lists=lists),
                        notes=decision.notes, lists_consulted=decision.lists_consulted,
                        lists_not_consulted=decision.lists_not_consulted, versions=decision.versions)
        return decision, record

    def _named_in_words(self, request: Request) -> tuple[list[Question], list[PartyScreening]]:
        """A question for each name in the order's item description or end use that screens as a near-certain
        match (HIT) of a listed party, and those screenings (adversarial R8-41: "machined to drawings from Beihang
        University for its wind tunnel", an Entity List university the parties leave out). Possible matches are not
        asked about: the words are not a party, only a near-certain listing is a red flag. (Knowledge that no fact
        maps is a question already.)"""
        known = [p.name for p in request.parties]
        texts = [("item description", request.item.description), ("end use", request.end_use)]
        questions: list[Question] = []
        found: list[PartyScreening] = []
        for where, text in texts:
            for span in name_spans(text, known):
                screening = self.screen_party(span, None, request.date)
                hits = [h for h in screening.hits if h.decision is Decision.HIT]
                if screening.decision != Decision.HIT.value or not hits:
                    continue
                best = max(hits, key=lambda h: h.score)
                found.append(screening)
                questions.append(Question(
                    f"the {where} names {span!r}, a near-certain match of {best.list_code} entry {best.entry_id} "
                    f"{best.name!r} (score {best.score:.2f}): if it takes part in the transaction (end user, "
                    "consignee, purchaser, intermediary), give it in parties, where its listing applies; if not, "
                    f"restate the {where}: {text[:160]!r}", fact="parties"))
        questions += self._craft_named(request, [*((f"party '{p.name}'", p.name) for p in request.parties), *texts])
        return questions, found

    def _craft_named(self, request: Request, texts: Sequence[tuple[str, str]]) -> list[Question]:
        """A question for each vessel number or aircraft registration in ``texts`` (party names, item description,
        end use) that is an identifier of a listed entry ("for M/T ANATOLY KOLODKIN (IMO 9610808)", "cables for
        An-124 RA-82023": blocked SDN vessels and aircraft -- adversarial R48-32, R48b-22, R48b-25, R48b-28). A
        listed number is the vessel or aircraft itself whatever name goes with it; the name is not compared."""
        said = [(where, ident) for where, text in texts for ident in craft_identifiers(text)]
        if not said:
            return []  # (the common case: no vessel number or registration in the order)
        d = self._day(request.date)
        if d.problems:
            return []  # (the lists cannot answer for the day: that is asked already)
        idx = self._index(d.versions).index
        out: list[Question] = []
        for where, ident in said:
            for n in idx.identifiers.get(id_key(ident), ()):
                e = idx.entities[int(n)].entity
                kinds = [i.kind for i in e.identifiers if id_key(i.value) == id_key(ident)]
                out.append(Question(
                    f"the {where} gives {ident!r}, the {kinds[0] if kinds else 'identifier'} of {e.list_code} entry "
                    f"{e.entry_id} {e.name!r} ({e.schema.value}{'; ' + ', '.join(e.programs) if e.programs else ''}):"
                    " an item for a listed vessel or aircraft, or for its master, owner or operator, is dealt with "
                    "as with the listed party -- give it in parties with its listing, or restate the order",
                    fact="parties"))
        return list(dict.fromkeys(out))

    def _prohibited_on_screening(self, request: Request, rules: RuleSet, checks: list[PartyScreening],
                                 contradicted: dict[Party, _Contradiction],
                                 ) -> tuple[Determination, list[PartyScreening]] | None:
        """The answer when the order's listings of a party leave out a near-certain Denied Persons or SDN listing
        that screening found: decided on that listing alone, PROHIBITED stands whatever else the order's listings
        say, since nothing is more restrictive (adversarial B08: a party given as on the Entity List and found on the
        SDN List). None when no such listing was found or the answer is not PROHIBITED (the contradiction stays a
        question)."""
        added: dict[Party, tuple[str, ...]] = {}
        for party, c in contradicted.items():
            if c.hit.score < NEAR_CERTAIN or c.hit.list_code not in ACTING_LISTS or c.entity is None:
                continue
            ends = ListingEntry.of(c.entity).expires if c.hit.list_code == "dpl" else None
            if ends is not None and ends < request.date:
                continue  # (a denial order whose listed last day has passed: whether it was renewed is asked)
            codes = ("denied_persons",) if c.hit.list_code == "dpl" else \
                tuple(f"sdn:{t}" for t in (c.entity.programs or ("SDN",)))
            added[party] = codes
        if not added:
            return None
        augmented = dataclasses.replace(request, parties=tuple(
            dataclasses.replace(p, listings=added[p]) if p in added else p
            for p in request.parties))
        lists, record = self.listings(augmented)
        decision = determine(augmented, rules, lists, cache=self.cache)
        if decision.outcome is not Outcome.PROHIBITED:
            return None
        notes = tuple(f"{c.text}: decided on the listing found ({', '.join(added[p])}), which makes the answer "
                      "PROHIBITED whatever else the order's listings say"
                      for p, c in contradicted.items() if p in added)
        decision = dataclasses.replace(decision, notes=(*decision.notes, *notes))
        record = list({s.name: s for s in checks + record}.values())
        return _with_screening(decision, record), record

    def _rebuilt(self, day: dt.date) -> bool:
        return any((_describes(v) or day) > day for c, v in self._day(day).versions.items() if c != "mieu")

    def _historical_notes(self, decision: Determination, day: dt.date) -> Determination:
        """What a list rebuilt for an earlier day can miss, for each later version the answer screened against."""
        d = self._day(day)
        later = {c: v for c, v in d.versions.items() if (_describes(v) or day) > day and c != "mieu"}
        if not later:
            return decision
        why = {c: (f"rebuilt for {day.isoformat()} from {v.version_id} ({_describes(v)}) by listing dates "
                   "(--historical-lists): entries removed since the date are not in it and cannot be found; "
                   "entries without a listing date count as listed") for c, v in later.items()}
        consulted = tuple(dataclasses.replace(u, why=why[u.code]) if u.code in why else u
                          for u in decision.lists_consulted)
        note = (f"historical lists for {day.isoformat()}: " + "; ".join(
            f"{c} from {v.version_id} describing {_describes(v)}" for c, v in sorted(later.items()))
                + " -- parties listed on the date but removed before those versions are missed; confirm them by "
                "hand for a decision that matters")
        return dataclasses.replace(decision, lists_consulted=consulted, notes=(*decision.notes, note))


def _acting_only(request: Request, name: str) -> bool:
    """True when every party of ``request`` named ``name`` is the exporter (a name that is also a receiving party's
    is screened against every list)."""
    roles = {p.role for p in request.parties if p.name == name}
    return roles == {Role.EXPORTER}


@dataclass(frozen=True, slots=True)
class _Contradiction:
    """A HIT on a list the order's listings of a party do not give: why (for the answer), the hit and its entry."""

    text: str
    hit: Hit
    entity: Entity | None


# Licence bases that come from a party's listing even when they name no party (the MEU and MIEU rules)
LISTING_BASES = frozenset({"EL", "EL-FDP-fn1", "EL-FDP-fn3", "EL-FDP-fn4", "EL-FDP-fn5", "EL-AFFILIATE", "MEU",
                           "MIEU", "744.8", "DPL"})


def _decided_by_listing(decision: Determination, request: Request, record: list[PartyScreening]) -> bool:
    """Whether a near-certain listing decides the (restrictive) answer, so that a possible match beside it can only
    be a review item: PROHIBITED (a denial order or an OFAC block, which the engine gives only on a near-certain
    match or a given listing), or LICENSE_REQUIRED with an open licence basis of a party screened with a near-certain
    HIT, given as listed, or named by the dated rule data. A licence held that covers every basis is not enough (the
    answer would release the order)."""
    if decision.outcome is Outcome.PROHIBITED:
        return True
    if decision.outcome is not Outcome.LICENSE_REQUIRED:
        return False
    screened = {s.name for s in record}
    strong = {s.name for s in record for h in s.hits
              if h.decision is Decision.HIT and h.score >= NEAR_CERTAIN and h.list_code in ENGINE_LISTS}
    strong |= {p.name for p in request.parties if p.listings}  # given as listed
    strong |= {p.name for p in request.parties if p.listings is None and p.name not in screened}  # dated rule data
    return bool(strong) and any(b.code in LISTING_BASES and (b.party is None or b.party in strong)
                                for b in decision.bases if b.overcome_by is None and b.indeterminate is None)


def _every_party_asked(decision: Determination, record: list[PartyScreening], screened: list[PartyScreening],
                       review: list[Question]) -> tuple[Determination, list[PartyScreening]]:
    """A CANNOT_CLEAR decided on a party's possible match names the possible matches of every other party too, and
    the record shows every party screened. The engine stops at the first party it cannot resolve, so without this a
    reviewer would clear that party's noise match, re-run, and only then learn that another party on the order is a
    possible match of a blocked entity (adversarial R13-20: a Dubai consignee's noise match asked, the Persian name of
    an SDN end user behind it never screened). ``screened`` is the pass that held possible matches as review items,
    ``review`` its questions."""
    reached = {s.name for s in record}
    record = list({s.name: s for s in record + screened}.values())
    if decision.outcome is not Outcome.CANNOT_CLEAR:
        return decision, record
    unreached = [s.name for s in screened if s.name not in reached]
    more = tuple(q for q in dict.fromkeys(review) if any(q.text.startswith(f"party {n!r}:") for n in unreached))
    if not more:
        return decision, record
    return dataclasses.replace(decision, open_questions=decision.open_questions + more), record


def _asked_unruled(request: Request, rules: RuleSet, decision: Determination, unruled: list[Question],
                   lists: Listings) -> Determination:
    """The decision with the possible matches that parties with given listings leave unjudged: a clearing answer
    becomes CANNOT_CLEAR asking them (a possible match is never cleared on the order's word alone); a restrictive
    one keeps its outcome and lists them under ``to_confirm`` (they could make it stricter, never clearing); an open
    answer asks them beside its own questions."""
    if decision.outcome in CLEARING:
        return dataclasses.replace(
            cannot_clear(request, rules, questions=unruled, lists=lists),
            notes=decision.notes, lists_consulted=decision.lists_consulted,
            lists_not_consulted=decision.lists_not_consulted, versions=decision.versions)
    if decision.outcome is Outcome.CANNOT_CLEAR:
        return dataclasses.replace(decision, open_questions=decision.open_questions + tuple(
            q for q in unruled if q not in decision.open_questions))
    return dataclasses.replace(decision, to_confirm=decision.to_confirm + tuple(
        q for q in unruled if q not in decision.to_confirm))


def _ruled_out_note(party: Party, screening: PartyScreening) -> str:
    """The audit note of the matches an order rules out for a party: which were found and set aside on the
    reviewer's word, and which the order names but screening did not find (a stale judgement, harmless)."""
    found = {f"{h.list_code}:{h.entry_id}": h for h in screening.hits}
    set_aside = [f"{k} {found[k].name!r} (score {found[k].score:.2f})" for k in party.ruled_out if k in found]
    absent = [k for k in party.ruled_out if k not in found]
    text = f"party {party.name!r}: ruled out by the order (a reviewer's judgement): " + ("; ".join(set_aside) or "none")
    if absent:
        text += f"; named but not found by this screening: {', '.join(absent)}"
    return text


_NOTICE_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\s*$")


def _fr_notice_date(cite: str) -> dt.date | None:
    """The date a Denied Persons List row gives its Federal Register notice ("87 F.R. 21611 4/12/2022", "68 F.R.
    38290 6/27/03"); None when it gives none or an impossible one."""
    m = _NOTICE_DATE.search(cite)
    if m is None:
        return None
    month, day, year = (int(x) for x in m.groups())
    year += 2000 if year < 50 else 1900 if year < 100 else 0
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _first_listed(entity: Entity) -> dt.date | None:
    """The day an entry was first listed, as far as its row says: a renewed temporary denial order is dated by its
    latest renewal, and its Federal Register notices, each with its date ("87 F.R. 21611 4/12/2022, ..., 88 F.R.
    66807 9/28/2023"), date the first order (adversarial R41-85: Aeroflot's order of 2022-04-07 was dated 2023-09-23
    in the DPL of 2023-11-30); other rows by their listing date."""
    if entity.list_code != "dpl" or entity.listed_on is None:
        return entity.listed_on
    return min([entity.listed_on, *(d for c in entity.federal_register if (d := _fr_notice_date(c)) is not None)])


def _listed_by(entity: Entity | None, day: dt.date) -> bool:
    since = _first_listed(entity) if entity is not None else None
    return since is None or since <= day


def _with_screening(decision: Determination, record: list[PartyScreening]) -> Determination:
    """The decision with the list versions its parties were screened against, and a note per party."""
    versions: dict[str, str] = {}
    for s in record:
        versions.update(s.list_versions)
    consulted = tuple(ListUse(c, v) for c, v in sorted(versions.items()))
    not_consulted = tuple(u for u in decision.lists_not_consulted if u.code not in versions)
    not_consulted += tuple(ListUse(c, why="no version loaded, or none describes the date") for c in EAR_LISTS
                           if c not in versions and all(u.code != c for u in not_consulted))
    return dataclasses.replace(
        decision,
        notes=decision.notes + tuple(s.note() for s in record),
        versions=dataclasses.replace(decision.versions, lists=tuple(sorted(versions.items()))),
        lists_consulted=consulted,
        lists_not_consulted=not_consulted,
    )


def with_accepted_ages(decision: Determination, accepted: dict[str, int]) -> Determination:
    """The decision recording the list ages the caller accepted for the run (``clearance determine --accept-stale
    LIST[:DAYS]``): each consulted list of those codes says so in its ``why``, and a note names them."""
    if not accepted:
        return decision

    def label(code: str) -> str:
        days = accepted[code]
        return f"{code}" if days >= ACCEPT_ANY_AGE else f"{code}:{days}"

    consulted = tuple(
        dataclasses.replace(u, why=f"stale version accepted by the caller (--accept-stale {label(u.code)})")
        if u.code in accepted else u for u in decision.lists_consulted)
    note = ("list ages accepted by the caller for this run (--accept-stale): "
            + ", ".join(label(c) for c in sorted(accepted)))
    return dataclasses.replace(decision, lists_consulted=consulted, notes=(*decision.notes, note))


# ---- order files ----------------------------------------------------------------------------------

Decide = Callable[[Request], tuple[Determination, list[PartyScreening]]]


def determine_order_lines(lines: Iterable[tuple[int, bytes | str]], decide: Decide, file: str,
                          rules: RuleSet) -> Iterator[dict[str, Any]]:
    """One result object per order line, in order; a line that is not a valid order gives a CANNOT_CLEAR
    record naming the file, line and problem, under the line's own id (never a dropped line)."""
    for line in (parse_order_line(n, text, file) for n, text in lines):
        if line.error is not None or line.request is None:
            fld = line.error.field if line.error is not None else None
            yield _bad_line(line.line, line.id, str(line.error), fld, rules)
            continue
        req, notes = line.request, list(line.notes)
        decision, record = decide(req)
        out = {"line": line.line, **decision.to_dict()}
        if record:
            out["screening"] = [s.to_dict() for s in record]
        if notes:
            out["notes"] = out["notes"] + notes
        yield out


def _bad_line(n: int, order_id: str, reason: str, fld: str | None, rules: RuleSet) -> dict[str, Any]:
    """The record of a line that is not a valid order: the engine's CANNOT_CLEAR, under the line's own id."""
    d = cannot_clear(None, rules, questions=[Question(reason, fact=fld)], request_id=order_id)
    return {"line": n, **d.to_dict()}
