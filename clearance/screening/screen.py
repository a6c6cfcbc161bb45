"""screen(query, index): a pure function from a query and a frozen index to ranked, explained hits."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Callable, Sequence

import numpy as np
from numpy.typing import NDArray

from clearance.model.entity import Schema
from clearance.screening.addresses import match_addresses
from clearance.screening.algorithm import Algorithm, ClearanceMatcher, ClearanceMatcherV2
from clearance.screening.algorithm3 import (
    CAP,
    ClearanceMatcherV3,
    entry_of_no_kind,
    organisation_query,
    query_read_as_person,
)
from clearance.screening.bound3 import (
    candidate_scores3,
    candidate_scores3_many,
    compact_gate3,
    compare_gate3,
    token_bound3,
)
from clearance.screening.forms3 import prepare3
from clearance.screening.index import ScreeningIndex
from clearance.screening.model import Decision, Feature, Hit, ListVersion, Match, Query, ScreeningResult
from clearance.screening.nameline import (
    NameReading,
    first_party_reading,
    name_before_places,
    names_office,
    person_and_place,
    read_name_line,
)
from clearance.screening.prefilter import (
    LEVENSHTEIN,
    CompactGate,
    CompareGate,
    FlatNames,
    TokenBound,
    skip_below,
    upper_bounds_chunk,
)
from clearance.screening.prepared import PreparedQuery, is_person, prepare_query
from clearance.screening.registry import get_algorithm
from clearance.screening.towns import aside_towns, entry_town, form_of_entry_country, towns_disagree
from clearance.text.fold import MAX_NAME_CHARS, clean
from clearance.text.names import NameForm, prepare
from clearance.text.romanise import respellings
from clearance.text.wade_giles import pinyin_readings

DEFAULT_LIMIT = 10
CHUNKED_FROM = 4  # queries screened together from which @3's candidates are generated for the chunk at once
# (``ScreeningIndex.candidates_many``: the same candidates; below, its extra numpy calls cost more than they save)


def stale_reasons(versions: Sequence[ListVersion], today: dt.date) -> list[str]:
    """Why each list cannot be relied on at ``today`` (older than its maximum age, or undated)."""
    out: list[str] = []
    for v in versions:
        if v.stale_reason:
            out.append(v.stale_reason)
        elif v.data_date is None:
            out.append(f"{v.version_id} has no data date; cannot tell whether it is current")
        elif (today - v.data_date).days > v.max_age_days:
            out.append(
                f"{v.version_id} data is {(today - v.data_date).days} days old (from {v.data_date.isoformat()}); "
                f"maximum age is {v.max_age_days} days"
            )
    return out


def _input_problem(name: str) -> str | None:
    if not name or not clean(name):
        return "empty name"
    if len(name) > MAX_NAME_CHARS * 10:
        return f"name is {len(name)} characters long; at most {MAX_NAME_CHARS * 10} are screened"
    return None


def screen(
    query: Query,
    index: ScreeningIndex,
    *,
    algorithm: Algorithm | str | None = None,
    lists: Sequence[str] | None = None,
    threshold: float | None = None,
    limit: int = DEFAULT_LIMIT,
    today: dt.date | None = None,
    prefilter: bool = True,
) -> ScreeningResult:
    """Screen one party against the index. Pure: same query, index, algorithm and day -> same result.

    ``threshold`` (default: the algorithm's POSSIBLE threshold) is the lowest score reported as a hit.
    A stale or undated list, or a name that cannot be screened, gives CANNOT_CLEAR with the reasons.
    ``prefilter=False`` scores every candidate in Python (the same result, slower: a check of the pre-filter).
    """
    return screen_many([query], index, algorithm=algorithm, lists=lists, threshold=threshold, limit=limit,
                       today=today, prefilter=prefilter)[0]


def screen_many(
    queries: Sequence[Query],
    index: ScreeningIndex,
    *,
    algorithm: Algorithm | str | None = None,
    lists: Sequence[str] | None = None,
    threshold: float | None = None,
    limit: int = DEFAULT_LIMIT,
    today: dt.date | None = None,
    prefilter: bool = True,
) -> list[ScreeningResult]:
    """``screen`` for each of ``queries`` (the same results, in order): the candidates of all of them are
    pre-filtered at once (``prefilter.upper_bounds_chunk``), which costs far less per query than one by one.

    A name line that ends with an address ("Peaktek Co Ltd - Chatham Road South, Kowloon") or starts with the name's
    acronym ("AIRCAS - Aerospace Information Research Institute, ...") is screened as written and without them
    (``nameline.read_name_line``); each entry keeps its better hit, explained. With clearance-name@3, a line with
    Russian words in German or French spelling is also screened respelt the English way (``romanise.respellings``),
    those readings' hits capped at POSSIBLE."""
    algo = get_algorithm(algorithm) if algorithm is None or isinstance(algorithm, str) else algorithm
    out = _screen_lines(queries, index, algo, lists, threshold, limit, today, prefilter)
    if type(algo) is not ClearanceMatcherV3:
        return out
    # clearance-name@3: a name with words of Russian in German or French spelling ("Tschkalow", "Iliouchine") is
    # screened respelt the English way too, as the lists write them (``clearance.text.romanise``)
    # ... and a name with Chinese syllables in Wade-Giles joined by hyphens ("LIN Hsien-fa") read in pinyin ("LIN
    # Xianfa"), as the lists write it: a reading the table makes possible (the apostrophes of aspiration dropped, a
    # spelling stands for several syllables), so a person reviews its hits, as the lists' own names read so
    # (``prepared.WADE_GILES_SOURCE``, weak aliases)
    variants = [(k, v, "respelt") for k, q in enumerate(queries) for v in respellings(q.name)]
    variants += [(k, v, "wade_giles") for k, q in enumerate(queries) for v in pinyin_readings(q.name)]
    if variants:
        done = _screen_lines([dataclasses.replace(queries[k], name=v) for k, v, _ in variants], index, algo, lists,
                             threshold, limit, today, prefilter)
        for (k, v, kind), result in zip(variants, done, strict=True):
            out[k] = _merge(out[k], _possible_only(result, algo), NameReading(v, ((kind, v),)), limit)
    return out


def _below_near_certain_capped(result: ScreeningResult, algo: Algorithm) -> ScreeningResult:
    """``result`` of a name read without trailing places (``nameline.name_before_places``) with each hit below
    NAME_BEFORE_PLACES capped at the highest POSSIBLE score: a listed name written in full before a comma is that
    listed party wherever it is, while a name that merely resembles a listed one is for a person to judge -- never
    cleared because a town was written after it (adversarial R39-38: 'Xarakada Al-Shabaab Al-Mujaahidiin, Jilib,
    Jubbada Dhexe', a Somali spelling of an SDN alias, a possible match without the places and none with them)."""
    hits = tuple(h if h.score >= NAME_BEFORE_PLACES else
                 dataclasses.replace(h, score=min(h.score, CAP), decision=algo.thresholds.decide(min(h.score, CAP)))
                 for h in result.hits)
    return dataclasses.replace(result, hits=hits)


def _possible_only(result: ScreeningResult, algo: Algorithm) -> ScreeningResult:
    """``result`` with each hit capped at the highest POSSIBLE score (``algorithm3.CAP``): a name respelt from another
    spelling is a guess at what the writer meant (German names with w or sch are respelt too), so a person reviews
    its matches; no respelt reading is ever a near-certain HIT on its own."""
    hits = tuple(dataclasses.replace(h, score=min(h.score, CAP), decision=algo.thresholds.decide(min(h.score, CAP)))
                 for h in result.hits)
    return dataclasses.replace(result, hits=hits)


def _screen_lines(queries: Sequence[Query], index: ScreeningIndex, algo: Algorithm, lists: Sequence[str] | None,
                  threshold: float | None, limit: int, today: dt.date | None, prefilter: bool,
                  ) -> list[ScreeningResult]:
    """``screen_many`` of the lines as written, and of each line's name read without its address, acronym, vessel
    role or town (``nameline.read_name_line``, ``towns.entry_town``)."""
    readings = [read_name_line(q.name, q.country) for q in queries]
    # a town after the comma that no reading set aside, when listed entries' addresses name it: the name without
    # it, for those entries only (``towns.entry_town``)
    towns = [entry_town(q.name, index) if r is None else None for q, r in zip(queries, readings, strict=True)]
    # a person's name and where the person is ("Arkadi Rotenberg, Nice"): the name without the place, for every
    # entry (``nameline.person_and_place``; besides the town reading, whose entries the town agrees with)
    persons = [person_and_place(q.name) if r is None else None for q, r in zip(queries, readings, strict=True)]
    # a name and one or two places after it that no table holds ("Al-Shabaab, Jilib"): the name without them, its
    # near-certain hits only, for every entry (``nameline.name_before_places``; the town reading counts only the
    # entries whose addresses name the town: "Jilib" is in the addresses of members of al-Shabaab, not its own)
    # (also of the name a reading kept, when it set aside only the last place: "Jamiyat al-Qard al-Hasan, Haret Hreik,
    # Beirut" was read without 'Beirut' and still held the district -- adversarial R41-108)
    trailing = [name_before_places(q.name if r is None else r.name) if p is None else None
                for q, r, p in zip(queries, readings, persons, strict=True)]
    # the first of two parties a line names ("X Ltd. on behalf of Y"; the reading above holds the second)
    firsts = [first_party_reading(q.name, q.country) for q in queries]
    # a leading city kept when an address was set aside too: the city may be a word of the listed name itself
    # ("Shenzhen DJI Sciences and Technologies Ltd., Nanshan District, Shenzhen": the Entity List's alias of DJI)
    placed = [_with_place(r) for r in readings]
    for k, town in enumerate(towns):
        if town is not None:
            readings[k] = NameReading(town.name, (("town", town.town),))
    # (a vessel's IMO / MMSI number the line carries is matched as an identifier: "NS ANTARCTIC (IMO 9413559)")
    extra = [dataclasses.replace(q, name=r.name, identifiers=(*q.identifiers, *r.identifiers))
             for q, r in (*zip(queries, readings, strict=True), *zip(queries, persons, strict=True),
                          *zip(queries, placed, strict=True), *zip(queries, trailing, strict=True),
                          *zip(queries, firsts, strict=True)) if r]
    if not extra:
        return _screen_many(queries, index, algo, lists, threshold, limit, today, prefilter)
    done = _screen_many([*queries, *extra], index, algo, lists, threshold, limit, today, prefilter)
    out: list[ScreeningResult] = []
    more = iter(done[len(queries):])
    for result, reading, town in zip(done[:len(queries)], readings, towns, strict=True):
        out.append(result if reading is None else _merge(result, next(more), reading, limit,
                                                         town.entries if town is not None else None,
                                                         _town_evidence(reading, result.query.country, index,
                                                                        algo)))
    for k, person in enumerate(persons):
        if person is not None:
            out[k] = _merge(out[k], next(more), person, limit)
    for k, kept in enumerate(placed):
        if kept is not None:  # (its near-certain hits only: the city alone brings look-alikes of the same city)
            found = next(more)
            found = dataclasses.replace(found, hits=tuple(h for h in found.hits if h.decision is Decision.HIT))
            out[k] = _merge(out[k], found, kept, limit,
                            against=_town_evidence(kept, out[k].query.country, index, algo))
    for k, bare in enumerate(trailing):
        if bare is not None:  # (a near-certain hit counts as it is; a weaker one is capped at POSSIBLE)
            out[k] = _merge(out[k], _below_near_certain_capped(next(more), algo), bare, limit)
    for k, first in enumerate(firsts):
        if first is not None:
            out[k] = _merge(out[k], next(more), first, limit)
    return out


def _with_place(reading: NameReading | None) -> NameReading | None:
    """A reading that set aside both a leading city and an address, with the city kept before the name (the
    reading without the city stays: this one can only add hits); None for any other reading."""
    if reading is None or reading.role is not None or reading.text("address") is None:
        return None
    place = reading.text("place")
    if place is None:
        return None
    return dataclasses.replace(reading, name=f"{place} {reading.name}",
                               set_aside=tuple((k, t) for k, t in reading.set_aside if k != "place"))


def _merge(whole: ScreeningResult, bare: ScreeningResult, reading: NameReading, limit: int,
           only: frozenset[tuple[str, str]] | None = None,
           against: Callable[[Hit], Hit] | None = None) -> ScreeningResult:
    """The line's result with the better hit of each entry from its reading without the acronym or address (each
    quoted as the line writes it). ``only``: the (list, entry) keys whose hits of that reading count (a town
    set aside because these entries' addresses name it); ``against``: what the address set aside says of a hit of
    that reading (``_town_evidence``)."""
    best = {(h.list_code, h.entry_id): h for h in whole.hits}
    notes = tuple(Feature("respelt", CAP, f"name read with its Russian words spelt as the lists spell them ({text!r}): "
                          "capped at POSSIBLE, a person reviews",
                          bare.query.name, "") if kind == "respelt" else
                  Feature("wade_giles", CAP, f"name read with its Wade-Giles syllables in pinyin ({text!r}): capped "
                          "at POSSIBLE, a person reviews", bare.query.name, "") if kind == "wade_giles" else
                  Feature(f"{kind}_set_aside", 0.0, f"name read without the {_WHAT[kind]} ({text!r})",
                          bare.query.name, "") for kind, text in reading.set_aside)
    words = _words_of(reading.name) if reading.common else None
    for h in bare.hits:
        if words is not None and _words_of(h.matched_name) != words:
            continue  # a name of common words read from the line: only a listed name of the same words counts
        if only is not None and (h.list_code, h.entry_id) not in only:
            continue
        key = (h.list_code, h.entry_id)
        if key not in best or h.score > best[key].score:
            best[key] = dataclasses.replace(h, explanation=(*notes, *h.explanation))
    found = best.values() if against is None else map(against, best.values())  # (the line's own hits too)
    hits = sorted(found, key=lambda h: (-h.score, h.list_code, h.entry_id))[:limit]
    decision = whole.decision
    if decision is not Decision.CANNOT_CLEAR and hits:
        decision = max((h.decision for h in hits), key=_rank)
    return dataclasses.replace(whole, decision=decision, hits=tuple(hits))


NAME_BEFORE_PLACES = 0.95  # a hit of a name read without trailing places counts as it is from this score
TOWN_CAP = CAP  # a near-certain hit of a name read without a town that none of the entry's addresses names


def _town_evidence(reading: NameReading, country: str | None, index: ScreeningIndex, algo: Algorithm,
                   ) -> Callable[[Hit], Hit] | None:
    """A name line read without its trailing address ("Sunway Tech Electronic Ltd, Sheung Shui", HK): when that
    address names known places (``towns.aside_towns``) of which none is in an entry's addresses (or names), while
    the entry's addresses name towns, all in other countries than the party's (``towns.towns_disagree``), the place
    is evidence against that entry: its near-certain hit is capped at POSSIBLE (a person reviews: the party may
    have another office). A town the entry's address names agrees, and an entry with no town in its addresses says
    nothing. None when no place was set aside, or when what was set aside names an office or branch of the party
    ("Sucursal Argentina, Buenos Aires": ``nameline.names_office``)."""
    address = reading.text("address")
    if reading.text("office") is not None or (address and names_office(address)):
        return None  # a branch or office of the party where it is: the listed company itself (adversarial R25b-01)
    towns = aside_towns(address) if address else ()
    if not towns:
        return None
    hit_at = algo.thresholds.hit
    written = ", ".join(towns)

    def against(h: Hit) -> Hit:
        if h.score < hit_at or not towns_disagree(towns, country, (h.list_code, h.entry_id), index):
            return h
        if form_of_entry_country(reading.name, country, (h.list_code, h.entry_id), index):
            return h  # a legal form of the entry's country only: the company itself at an office abroad
        note = Feature("town", TOWN_CAP, f"the line's place ({written!r}, {country}) is in none of the entry's "
                       "addresses, all in other countries: perhaps another party of the same name elsewhere, a person "
                       f"reviews: capped at {TOWN_CAP:.2f}", written, "")
        score = min(h.score, TOWN_CAP)
        return dataclasses.replace(h, score=score, decision=algo.thresholds.decide(score),
                                   explanation=(*h.explanation, note))

    return against


def _words_of(name: str) -> tuple[str, ...]:
    """The words of a name as compared (legal forms set aside, terms canonical), in order of the alphabet."""
    return tuple(sorted(prepare(name).tokens))


_WHAT = {"address": "address that follows it", "acronym": "acronym written before it",
         "place": "city written before it", "town": "town that follows it, a town of this entry's address",
         "short": "short name written after it in parentheses", "office": "office of the party written before it",
         "residence": "place that follows a person's name (where the person is)",
         "label": "document label written before it", "department": "department written before it",
         "party": "other party named with it",
         "trailing": "places that follow it (no table holds them: a weaker match is capped at POSSIBLE)",
         "description": "clause describing the party"}


def _screen_many(queries: Sequence[Query], index: ScreeningIndex, algo: Algorithm, lists: Sequence[str] | None,
                 threshold: float | None, limit: int, today: dt.date | None, prefilter: bool,
                 ) -> list[ScreeningResult]:
    today = today or dt.date.today()
    versions = [v for code, v in sorted(index.versions.items()) if lists is None or code in lists]
    version_ids = {v.list_code: v.version_id for v in versions}
    floor = algo.thresholds.possible if threshold is None else threshold
    rerank = getattr(algo, "candidate_score", None)  # clearance-name@3: candidates ordered by a cheap score
    fast3 = index.flat3 if prefilter and type(algo) is ClearanceMatcherV3 else None
    staged: list[tuple[PreparedQuery, dict[int, list[int]]] | str] = []
    prepared: list[PreparedQuery] = []
    for query in queries:
        problem = _input_problem(query.name)
        if problem is not None:
            staged.append(problem)
            continue
        pq = prepare_query(query)
        if fast3 is not None and len(queries) >= CHUNKED_FROM:  # @3: candidates of the whole chunk at once, below
            prepared.append(pq)
            staged.append((pq, {}))
            continue
        keys = algo.query_keys(pq.form)
        if fast3 is not None:  # a few queries: the cheap scores of each one's pool at once
            scores_of = _scores_of(pq.form, fast3, algo)  # type: ignore[arg-type]
            found = index.candidates(pq.form, pq.id_keys, keys=keys, rerank_many=scores_of)
            if pq.form.phonetic:
                index.add_across(found, pq.form, keys, scores_of)
        else:
            one = rerank(pq.form) if rerank is not None else None
            found = index.candidates(pq.form, pq.id_keys, keys=keys, rerank=one)
            if pq.form.phonetic and one is not None:  # (clearance-name@3, as above)
                index.add_across(found, pq.form, keys, index.scores_of(one))
        if rerank is not None:  # clearance-name@3
            index.add_whole(found, (pq.form, prepare3(pq.form.original)))
        if lists is not None:
            found = index.in_lists(found, lists)
        staged.append((pq, found))
    if fast3 is not None and prepared:
        forms = [pq.form for pq in prepared]
        keys_of = [algo.query_keys(f) for f in forms]
        every = index.candidates_many(forms, [pq.id_keys for pq in prepared], keys_of,
                                      _chunk_scores_of(forms, fast3, algo))  # type: ignore[arg-type]
        found_of = dict(zip(map(id, prepared), every, strict=True))
        for pq, keys in zip(prepared, keys_of, strict=True):
            if pq.form.phonetic:  # (as for one query above)
                index.add_across(found_of[id(pq)], pq.form, keys, _scores_of(pq.form, fast3, algo))  # type: ignore[arg-type]
            index.add_whole(found_of[id(pq)], (pq.form, prepare3(pq.form.original)))
        for k, stage in enumerate(staged):
            if not isinstance(stage, str):
                found = found_of[id(stage[0])]
                staged[k] = (stage[0], index.in_lists(found, lists) if lists is not None else found)
    if prefilter and type(algo) is ClearanceMatcherV3 and index.entity_person is not None:
        _drop_persons_of_organisations(staged, index)
    if prefilter and type(algo) in _BOUNDED:
        _reachable(staged, index, algo, floor)  # type: ignore[arg-type]
    elif prefilter and type(algo) is ClearanceMatcherV3 and index.flat3 is not None:
        _reachable(staged, index, algo, floor, (index.flat3, index.flat3_person), token_bound3(), compact_gate3,
                   join_always=True, compare_gate=compare_gate3(algo), across=True, person_reads=True)
    out: list[ScreeningResult] = []
    for query, stage in zip(queries, staged, strict=True):
        if isinstance(stage, str):
            out.append(ScreeningResult(query, Decision.CANNOT_CLEAR, (), algo.id, version_ids, (stage,)))
        else:
            out.append(_result(stage[0], stage[1], index, algo, floor, limit, versions, version_ids, today, lists))
    return out


def _scores_of(form: NameForm, flat: FlatNames, algo: ClearanceMatcherV3,
               ) -> Callable[[NDArray[np.int64]], NDArray[np.float64]]:
    return lambda names: candidate_scores3(form, flat, names, algo)


def _chunk_scores_of(forms: Sequence[NameForm], flat: FlatNames, algo: ClearanceMatcherV3,
                     ) -> Callable[[list[tuple[int, NDArray[np.int64]]]], list[NDArray[np.float64]]]:
    return lambda pools: candidate_scores3_many(forms, flat, pools, algo)


def _result(pq: PreparedQuery, found: dict[int, list[int]], index: ScreeningIndex, algo: Algorithm, floor: float,
            limit: int, versions: list[ListVersion], version_ids: dict[str, str], today: dt.date,
            lists: Sequence[str] | None = None) -> ScreeningResult:
    """The candidates scored in full, ranked and decided; and the address-only entries whose address the name
    line holds (``clearance.screening.addresses``)."""
    query = pq.query
    hits: list[Hit] = _address_hits(query.name, index, algo, floor, lists)
    by_address = {h.entry_id for h in hits}
    for i, positions in found.items():
        pe = index.entities[i]
        if pe.entity.entry_id in by_address and pe.entity.schema is Schema.ADDRESS:
            continue
        m: Match = algo.score(pq, pe, positions, floor)
        if m.score < floor or m.score <= 0.0:
            continue
        hits.append(
            Hit(
                list_code=pe.entity.list_code,
                entry_id=pe.entity.entry_id,
                name=pe.entity.name,
                matched_name=m.matched_name,
                matched_kind=m.matched_kind,
                schema=pe.entity.schema.value,
                score=m.score,
                decision=algo.thresholds.decide(m.score),
                explanation=m.features,
            )
        )
    hits.sort(key=lambda h: (-h.score, h.list_code, h.entry_id))
    hits = hits[:limit]
    reasons = stale_reasons(versions, today)
    if reasons:
        decision = Decision.CANNOT_CLEAR
    elif hits:
        decision = max((h.decision for h in hits), key=_rank)
    else:
        decision = Decision.CLEAR
    if not prepare(query.name).tokens:
        reasons.append("name has no distinctive word after removing legal forms and generic words")
    return ScreeningResult(query, decision, tuple(hits), algo.id, version_ids, tuple(reasons))


def _address_hits(line: str, index: ScreeningIndex, algo: Algorithm, floor: float, lists: Sequence[str] | None,
                  ) -> list[Hit]:
    out: list[Hit] = []
    for m in match_addresses(line, index, lists):
        if m.score < floor:
            continue
        e = index.entities[m.entity].entity
        out.append(Hit(list_code=e.list_code, entry_id=e.entry_id, name=e.name, matched_name=m.address,
                       matched_kind="address", schema=e.schema.value, score=m.score,
                       decision=algo.thresholds.decide(m.score), explanation=(m.feature,)))
    return out


_BOUNDED = (ClearanceMatcher, ClearanceMatcherV2)  # algorithms whose name score the pre-filter bounds


def organisation_by_legal_form(pq: PreparedQuery) -> bool:
    """A query that clearance-name@3 compares with no listed person: of no given type, with a legal form in its name
    ("LLC Rubezh") or an organisation's name in Chinese characters (``algorithm3.organisation_query``;
    ``ClearanceMatcherV3.score`` scores such a pair 0 before looking at a name, so it is never a hit).
    tests/screening/test_prefilter3.py checks that @3 still scores these pairs 0."""
    return organisation_query(pq)


def _drop_persons_of_organisations(staged: list[tuple[PreparedQuery, dict[int, list[int]]] | str],
                                   index: ScreeningIndex) -> None:
    """Drop (in place) the listed persons among the candidates of each ``organisation_by_legal_form`` query: @3 scores
    them 0 (never reported), so neither their bound nor their score need be computed, nor their entity unpickled. The
    candidates are chosen first, as before, so the others are the same."""
    person = index.entity_person
    assert person is not None
    for k, stage in enumerate(staged):
        if isinstance(stage, str) or not stage[1] or not organisation_by_legal_form(stage[0]):
            continue
        found = stage[1]
        listed = person[np.fromiter(found, dtype=np.int64, count=len(found))]
        if listed.any():
            staged[k] = (stage[0], {i: p for (i, p), drop in zip(found.items(), listed.tolist(), strict=True)
                                    if not drop})


def _reachable(staged: list[tuple[PreparedQuery, dict[int, list[int]]] | str], index: ScreeningIndex,
               algo: ClearanceMatcher, floor: float, flats: tuple[FlatNames | None, FlatNames | None] | None = None,
               token: TokenBound = LEVENSHTEIN, compact_gate: CompactGate | None = None,
               join_always: bool = False, compare_gate: CompareGate | None = None, across: bool = False,
               person_reads: bool = False) -> None:
    """Drop (in place) the candidates that provably score under ``floor``; the others may reach it.

    Comparisons as organisations and as persons are bounded separately, each from its flat name arrays
    (``flats``: the organisation and person readings the algorithm compares; default @1/@2's) with the
    algorithm's token bound and compact gate (clearance-name@3: ``bound3.token_bound3``, ``compact_gate3``, and
    joined words looked for in every pair, ``join_always``; pairs not compared at all, ``compare_gate``; pairs across
    scripts bounded too, ``across``).
    """
    below = skip_below(floor, algo.slope, algo.midpoint, algo.evidence_floor)
    if below == -float("inf"):
        return
    org, per = flats if flats is not None else (index.flat, index.flat_person)
    # each query's candidates as arrays: entity, its number of names looked at, a listed person; and the positions
    gathered: dict[int, tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.bool_], NDArray[np.int64],
                              NDArray[np.bool_] | None]] = {}
    bounded_of: dict[int, set[int]] = {}  # query -> its candidates bounded in some reading
    keep_of: dict[int, dict[int, set[int]]] = {}  # query -> entity -> its names that may reach the floor
    for k, stage in enumerate(staged):
        if isinstance(stage, str) or not stage[1]:
            continue
        found = stage[1]
        ids = np.fromiter(found, dtype=np.int64, count=len(found))
        counts = np.fromiter(map(len, found.values()), dtype=np.int64, count=len(found))
        listed = (index.entity_person[ids] if index.entity_person is not None else
                  np.array([index.is_person_entity(i) for i in found], dtype=bool))
        # entries of no stated kind that clearance-name@3 compares as persons too (``person_reading``: the query's
        # part of it looked at once, then the entry's part of each candidate)
        both = ((index.entity_no_kind[ids] if index.entity_no_kind is not None else
                 np.array([entry_of_no_kind(index.entities[i]) for i in found], dtype=bool))
                if person_reads and query_read_as_person(stage[0]) else None)
        gathered[k] = (ids, counts, listed, np.fromiter(itertools.chain.from_iterable(found.values()),
                                                       dtype=np.int64, count=int(counts.sum())), both)
    for person, flat in ((False, org), (True, per)):
        if flat is None:
            continue
        forms: list[NameForm] = []
        names: list[NDArray[np.int64]] = []
        owners: list[NDArray[np.int64]] = []
        places: list[NDArray[np.int64]] = []
        slots: list[int] = []
        for k, (ids, counts, listed, positions, both) in gathered.items():
            pq = staged[k][0]
            assert not isinstance(pq, str)
            schema = pq.query.schema
            if is_person(schema) or schema is not None:  # every candidate compared in one reading
                if person != is_person(schema):
                    continue
                take = np.repeat(True, len(positions))
            else:  # no schema given: a listed person is compared as a person (and some entries of no kind too)
                take = np.repeat((listed == person) | (both if both is not None and person else False), counts)
            if not take.any():
                continue
            mine = np.repeat(ids, counts)[take]
            forms.append(algo._form(pq.form, person))
            names.append(flat.entity_first[mine] + positions[take])
            owners.append(mine)
            places.append(positions[take])
            slots.append(k)
        if not forms:
            continue
        for k, mine, where, bounds in zip(slots, owners, places, upper_bounds_chunk(
                forms, flat, names, person, token, compact_gate, join_always, below, compare_gate, across),
                strict=True):
            bounded_of.setdefault(k, set()).update(mine.tolist())
            # the names that may reach the floor, by entity: an entity none of whose names can (in any reading) is
            # dropped, and of the others only those names are scored (``ClearanceMatcher.score`` reports the best
            # name, strong or weak; a name under ``below`` is never it while another name reaches ``below``, so the
            # result is the same)
            keep = keep_of.setdefault(k, {})
            reach = bounds >= below  # (float64 bounds against a Python float: as compared one by one)
            for o, at in zip(mine[reach].tolist(), where[reach].tolist(), strict=True):
                keep.setdefault(o, set()).add(at)
    for k, bounded in bounded_of.items():
        stage = staged[k]
        assert not isinstance(stage, str)
        pq, found = stage
        keep = keep_of[k]
        staged[k] = (pq, {i: p if i not in bounded else [x for x in p if x in keep[i]] for i, p in found.items()
                          if i not in bounded or i in keep})


def _rank(d: Decision) -> int:
    return {Decision.CLEAR: 0, Decision.POSSIBLE: 1, Decision.HIT: 2, Decision.CANNOT_CLEAR: 3}[d]


def compare(
    name1: str, name2: str, *, person: bool = False, algorithm: Algorithm | str | None = None, explain: bool = True
) -> Match:
    """Score one pair of names with its explanation (what `clearance compare` prints)."""
    algo = get_algorithm(algorithm) if algorithm is None or isinstance(algorithm, str) else algorithm
    return algo.compare_names(prepare(name1, person), prepare(name2, person), person, explain)
