"""Screening order parties with the desk's memory: cleared and confirmed hits, and reviews to open.

A reviewer's judgement holds for one counterparty (or one party name) and one list entry **in one content
state**: the digest of the entry's fields (where it sits in its file aside). A cleared hit is dropped from the
party's screening and a confirmed one counts as a HIT, only while the entry's digest in the version screened
equals the one judged. When the entry changed in a later list version, the judgement no longer applies: the hit
counts as found (fail closed) and a review is re-opened, linked to the earlier one.

The evidence (which entries each party resolved to, in which versions, with which scores; or why screening
could not decide) is kept for the audit log, so that ``clearance audit replay`` can re-compute the
determination from the stored versions.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from clearance.errors import CannotClear
from clearance.model.determination import Request
from clearance.rules import Listings
from clearance.rules.listings import ListingEntry, normalise_name
from clearance.screening import Decision, Hit, get_algorithm
from clearance.store import Store
from clearance.store.audit_log import canonical
from clearance.store.desk_records import Counterparty, NewReview, Review
from clearance.store.diff import IGNORED_FIELDS
from clearance.workflows.determination import PartyScreener, PartyScreening


def entry_digest(payload: Mapping[str, Any]) -> str:
    """The content of a list entry, where it sits in its file aside (multi-valued fields in any order)."""
    norm = {k: (sorted(v, key=canonical) if isinstance(v, list) else v) for k, v in payload.items()
            if k not in IGNORED_FIELDS}
    return hashlib.sha256(canonical(norm).encode()).hexdigest()


def party_key(name: str, parties: Mapping[str, Counterparty]) -> str:
    """The counterparty a name is (by its normalised name or an alias), else ``name:<normalised>``."""
    norm = normalise_name(name)
    found = parties.get(norm)
    return found.party_id if found is not None else f"name:{norm}"


def index_parties(parties: list[Counterparty]) -> dict[str, Counterparty]:
    out: dict[str, Counterparty] = {}
    for p in parties:
        for n in (p.name, *p.aliases):
            out.setdefault(normalise_name(n), p)
    return out


@dataclass
class DeskScreener:
    """Screens parties against the EAR lists of the order date and applies the reviewers' judgements."""

    screener: PartyScreener
    store: Store
    judged: dict[tuple[str, str, str], Review]
    parties: dict[str, Counterparty]
    open_keys: set[tuple[str, str, str, str]] = field(default_factory=set)  # open reviews (none made twice)
    open_entries: set[tuple[str, str, str]] = field(default_factory=set)  # (party key, list, entry) of open_keys
    _digests: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # list versions are immutable
    waiting: list[tuple[str, str, str, str]] = field(default_factory=list)  # hits judge() left for a reviewer

    def digest(self, list_code: str, entry_id: str, version_id: str) -> tuple[str, str]:
        """(digest, entry name) of an entry in a version (cached)."""
        key = (version_id, entry_id)
        found = self._digests.get(key)
        if found is None:
            e = self.store.entity(entry_id, list_code, version_id)
            found = self._digests[key] = (entry_digest(e.to_dict()), e.name)
        return found

    def judge(self, key: str, name: str, s: PartyScreening, order_id: str | None,
              new: list[NewReview], reviewed: list[str], possible_only: bool = True) -> PartyScreening:
        """``s`` with the judgements applied; reviews to open (possible matches, changed entries) go to ``new``."""
        hits: list[Hit] = []
        for h in s.hits:
            version = s.list_versions.get(h.list_code, "")
            digest, entry_name = self.digest(h.list_code, h.entry_id, version)
            j = self.judged.get((key, h.list_code, h.entry_id))
            if j is not None and j.entry_digest == digest:
                reviewed.append(f"{h.list_code} entry {h.entry_id}: {j.status} by {j.actor} ({j.reason}) in review "
                                f"{j.review_id}")
                if j.status == "cleared":
                    continue
                hits.append(dataclasses.replace(h, decision=Decision.HIT))
                continue
            reopens = j.review_id if j is not None else None
            key4 = (key, h.list_code, h.entry_id, digest)
            self.waiting.append(key4)
            if key4 not in self.open_keys and (reopens is not None or h.decision is not Decision.HIT
                                               or not possible_only):
                self.open_keys.add(key4)
                self.open_entries.add(key4[:3])
                new.append(NewReview(key, name, h.list_code, h.entry_id, entry_name, version, digest, h.score,
                                     h.decision.value, h.to_dict(), order_id, reopens))
            hits.append(h)
        decision = s.decision
        if s.hits and not hits:
            decision = Decision.CLEAR.value
        elif any(h.decision is Decision.HIT for h in hits):
            decision = Decision.HIT.value
        return dataclasses.replace(s, hits=tuple(hits), decision=decision)

    def listings(self, req: Request, evidence: dict[str, Any], new: list[NewReview],
                 reviewed: list[str]) -> Listings:
        """A listings snapshot for ``req`` that screens its parties with the judgements applied, recording the
        evidence per party name (entries found, or why it cannot be decided)."""
        countries = {p.name: p.country for p in req.parties}

        def resolve(name: str) -> tuple[ListingEntry, ...]:
            s = self.screener.screen_party(name, countries.get(name), req.date)
            s = self.judge(party_key(name, self.parties), name, s, req.id, new, reviewed, possible_only=False)
            try:
                entries = self.screener.entries(s, req.date)
            except CannotClear as exc:
                evidence[name] = {"cannot_clear": exc.reason, "versions": s.list_versions}
                raise
            evidence[name] = {"entries": [[e.list_code, e.entry_id, s.list_versions.get(e.list_code), e.match_score]
                                          for e in entries], "versions": s.list_versions}
            return entries

        algo = get_algorithm(self.screener.algorithm)
        return Listings(label=f"screened against the loaded lists ({algo.id}), reviewers' judgements applied",
                        resolver=resolve, algorithm=algo.id)


def replay_listings(store: Store, evidence: Mapping[str, Any], algorithm: str | None) -> Listings:
    """The listings a recorded determination relied on, rebuilt from the stored list versions."""

    def resolve(name: str) -> tuple[ListingEntry, ...]:
        got = evidence.get(name)
        if got is None:
            raise CannotClear(f"the audit record holds no screening of party {name!r}")
        if "cannot_clear" in got:
            raise CannotClear(str(got["cannot_clear"]))
        out = []
        for code, entry_id, version, score in got["entries"]:
            e = store.entity(entry_id, code, version)
            out.append(dataclasses.replace(ListingEntry.of(e), match_score=score))
        return tuple(out)

    return Listings(label="replayed from the audit record", resolver=resolve, algorithm=algorithm)


def screening_body(s: PartyScreening, day: dt.date) -> dict[str, Any]:
    return {"date": day.isoformat(), **s.to_dict()}
