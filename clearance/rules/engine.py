"""determine(request, rules, lists, cache) -> Determination: a pure function of its inputs.

Decision order (ear-spec.md § 1.3): parties -> destination -> subject to the EAR (origin, de minimis, FDP)
-> licence bases (the STEPS below, in order) -> licence exceptions -> licences held -> review policy ->
outcome. Anything the engine cannot establish becomes CANNOT_CLEAR with the reason, as an open question
(a fact the order does not state) or a data gap (what the rule data does not cover); it never answers
NO_LICENSE_REQUIRED by default. An order naming no party, and a party under a denial order, are decided
here, so every caller (library, CLI, API) gets the same answer.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import operator
from collections.abc import Callable, Sequence
from importlib import metadata
from typing import Any

from clearance.errors import CannotClear
from clearance.model.decision import ListUse, Overcome, OvercomeKind, Question, Versions
from clearance.model.determination import Basis, Determination, Fact, Item, Outcome, Party, Request, Role, Transaction
from clearance.model.regulation import ConsultedRule, MissingFact, RuleGap, RuleSet
from clearance.rules import (
    embargo,
    hts746,
    le_restrictions,
    le_unevaluated,
    licensing,
    onward,
    part744,
    proliferation,
    release,
    supercomputer,
)
from clearance.rules.chart import UNSPECIFIED, destination
from clearance.rules.context import Ctx, RuleCache, constructor, copier, fields_of
from clearance.rules.findings import Findings, Jurisdiction, new_findings, new_jurisdiction
from clearance.rules.item_keys import item_key
from clearance.rules.jurisdiction import countries_on_the_way, jurisdiction
from clearance.rules.listings import EAR_LIST_CODES, Listings
from clearance.rules.parties import NEAR_CERTAIN, PartyInfo, below_bar, resolve

Step = Callable[[Ctx, Request, str, Jurisdiction, list[PartyInfo], Findings], None]

# The licence-basis steps, in the order of ear-spec.md § 1.3. A new kind of rule is a value model
# (clearance.rules.values), YAML under clearance/regulations/ and a step here.
STEPS: tuple[tuple[str, Step], ...] = (
    ("GP1-GP3 Country Chart of the route's last stop (§ 736.2(b)(1)-(3), (b)(8))", onward.route_chart),
    ("the Country Chart of the country of ultimate destination (§ 738.4(a))", onward.chart),
    ("General Prohibition Eight: the countries of route.via (§ 736.2(b)(8))", onward.transit),
    ("Entity List (§ 744.11)", licensing.entity_list),
    ("Entity List affiliates (§ 744.11(a)(1))", licensing.affiliates),
    ("MEU and SDN affiliates (§§ 744.21(a)(3), 744.8(a)(2))", part744.affiliates),
    ("nuclear, missile and chemical/biological weapons end uses (§§ 744.2-744.4)", proliferation.end_uses),
    ("military end uses and users (§ 744.21)", part744.meu),
    ("military-intelligence end uses and users (§ 744.22)", part744.mieu),
    ("maritime nuclear propulsion (§ 744.5)", proliferation.maritime),
    ("microprocessors for military end uses and users in D:1 (§ 744.17)", proliferation.microprocessors),
    ("cameras for military end-users or 0A919 commodities (§ 744.9)", proliferation.cameras),
    ("weapons named in the end use's words, for §§ 744.17 and 744.9 (§ 744.21(f))", proliferation.military_words),
    ("party names denoting military (-intelligence) end users (§§ 744.21(g), 744.22(f)(2))", part744.names),
    ("party names denoting military end users for microprocessors and cameras (§§ 744.17, 744.9)",
     proliferation.military_names),
    ("party names denoting nuclear, rocket/UAV or chemical/biological weapons end users (§§ 744.2-744.4)",
     proliferation.names),
    ("units of Entity List entities listed 'wherever located' named otherwise (§ 744.11)", part744.wherever_located),
    ("an end use stated in words that § 744.21 may turn on (§ 744.21(f))", part744.end_use_words),
    ("Unverified List (§ 744.15)", part744.uvl),
    ("SDN program identifiers (§ 744.8)", part744.sdn),
    ("a person under a denial order described in the end use's words (GP4, § 736.2(b)(4))", part744.denial_words),
    ("supercomputer and advanced-node IC end uses (§ 744.23)", supercomputer.end_use),
    ("§ 744.23 end uses stated in words (supercomputer, advanced-node IC, SME production)",
     supercomputer.end_use_words),
    ("advanced computing items for entities headquartered in Macau or D:5 (§ 744.23(a)(3))",
     supercomputer.headquarters),
    ("embargoes (Part 746)", embargo.part746),
    ("HTS codes the order names in the Part 746 supplements (Supp. Nos. 2, 5, 7; §§ 746.6-746.8)", hts746.lookup),
    ("embargoes of the parties' countries on the way (Part 746, GP6, GP8)", onward.part746),
    ("Crimea and the covered regions of Ukraine named by a party or the order's words (§ 746.6)", onward.regions),
    ("Part 746 countries named by the order's end use or item description (GP6, GP10)", onward.named_places),
    ("Iraq military end uses and users (§ 746.3, not modelled)", onward.iraq),
    ("foreign vessels or aircraft (§ 744.7)", proliferation.vessels),
    ("licence exceptions of crime control and missile technology items (§ 740.2(a)(4), (a)(5))",
     le_restrictions.reason_bars),
    ("licence-exception bars (§§ 744.11(a), 740.2(a)(17), 744.8(c))", part744.exception_bars),
    ("licence exceptions not evaluated that the order points to (TMP, BAG, CCD)", le_unevaluated.questions),
)
CODE_VERSION = f"clearance {metadata.version('clearance')}"  # (not `import clearance`: the root imports the facade)
_KEYED = tuple(f.name for f in dataclasses.fields(Request) if f.name not in ("id", "date", "parties"))
_keyed = operator.attrgetter(*_KEYED)  # every field of the request but id, date and parties, as one tuple
_others = operator.attrgetter(*(name for name in _KEYED if name != "item"))
_party_fields = fields_of(Party)
_relabel = copier(Determination, "request_id", "as_of", "trace")  # Determination.relabel, faster
_determination = constructor(Determination)  # Determination(...), faster
_core_of = copier(Request, "id", "date", "parties")
# dataclasses.replace of one field, faster (clearance.rules.context.copier)
_with_overcome = copier(Basis, "overcome_by")
_with_previously_covered = copier(Basis, "previously_covered_by")
_with_text = copier(Question, "text")
_with_to_confirm = copier(Determination, "to_confirm")
_EXPORTER = Role.EXPORTER  # (an enum class's attribute is read through its metaclass's __getattr__ hook: once here)
DPL_CITE = ("15 CFR 736.2(b)(4) (General Prohibition 4) and 764.3(a)(2): the party is subject to a denial order "
            "(Denied Persons List)")


def determine(request: Request, rules: RuleSet, lists: Listings | None = None,
              cache: RuleCache | None = None) -> Determination:
    """The EAR determination for ``request`` on ``request.date`` under ``rules`` (and ``lists``).

    Pure: the answer depends only on the arguments. ``cache`` (owned by the caller, see RuleCache) lets equal
    questions share one answer: its key is the request (less its id) with each party replaced by what its
    resolution found (PartyInfo: every field a rule can read), per rule epoch, or per day when the answer read
    the day.
    """
    ctx = Ctx(rules, request.date, cache)
    versions, used, unused, provenance = _provenance_keyed(rules.version, lists)
    for p in request.parties:
        if p.role is not _EXPORTER:
            break
    else:
        return _cannot(ctx, request, versions, [Question(
            "the order names no party (end user, consignee, purchaser): nobody was screened", fact="parties")],
            [], used=used, unused=unused)
    traces: list[dict[str, ConsultedRule]] | None = None
    token = ctx.cache.token
    if lists is not None and lists.resolver is not None:
        # a resolver screens on demand for this request and records each screening: never memoised
        try:
            resolved = [_resolve(ctx, p, lists) for p in request.parties]
        except CannotClear as exc:
            return _cannot(ctx, request, versions, *_classify(exc), used=used, unused=unused)
        parties = [info for info, _ in resolved]
        tokens = [t for _, t in resolved]
    else:
        # each party's memoised resolution; the rules each read are replayed below (ctx.trace stays empty)
        entry, memos, epoch = ctx.entry, ctx.memos, ctx.epoch
        parties, tokens, traces = [], [], []
        for p in request.parties:
            # (the party's fields themselves in the key: hashed and compared in C, no token to look up first)
            pkey = ("party", _party_fields(p), lists)
            found = memos.get(pkey)  # (Ctx.entry's common case inline: the newest result, valid in this epoch)
            if found is not None and found[5] <= epoch <= found[6]:
                ctx.cache.hits += 1
                if found[3]:
                    ctx.day_read = True
            else:
                found = entry(pkey, _resolve, True, ctx, p, lists)
            traces.append(found[2])
            if found[1] is not None:  # (the parties after it are not resolved)
                _replay(ctx.trace, traces)
                return _cannot(ctx, request, versions, *_classify(found[1]), used=used, unused=unused)
            parties.append(found[0][0])
            tokens.append(found[0][1])
    # The engine decides on the request less its id, date (read through ctx.day only) and parties (read
    # through their resolution only): the memo key is every other field, the resolved parties (each as the
    # cache's token for its PartyInfo value) and the versions and list use the answer records (as a token), so
    # that answers are shared across requests whose listings snapshots differ only in identity. (Tokens
    # throughout: a key of small integers is hashed and compared in C, and the collector soon stops tracking it.)
    key = ("determination", token(item_key(request.item) + _others(request)), tuple(tokens), provenance)
    found = ctx.memos.get(key)  # (Ctx.entry's common case inline, as above; ctx.deps is None here)
    if found is not None and found[5] <= ctx.epoch <= found[6]:
        ctx.cache.hits += 1
        if found[3]:
            ctx.day_read = True
    else:
        found = ctx.entry(key, _decide_request, False, ctx, request, parties, versions, used, unused, provenance)
    if found[1] is not None:
        raise found[1].with_traceback(None)
    core: Determination = found[0]
    # the trace: the rules party resolution read, then those the decision read (the answer's own trace is every
    # rule the decision read, in order: the memo keeps no second copy of it)
    if traces is None:
        if not ctx.trace:
            return _relabel(core, request.id, request.date, core.trace)
        trace = ctx.trace
        for c in core.trace:
            trace.setdefault(c.key, c)
        return _relabel(core, request.id, request.date, tuple(trace.values()))
    if not any(traces):
        return _relabel(core, request.id, request.date, core.trace)
    # the same memoised resolutions' traces and answer trace give the same trace: made once, kept in the cache (by
    # the identity of the objects it is made of, which the entry keeps alive; answers share their trace tuples --
    # RuleCache.rule_tuple -- so many answers find one merged trace)
    made_of = (core.trace, *traces)
    tkey = ("trace", *map(id, made_of))
    merged = ctx.data.get(tkey)
    if merged is None or not all(map(operator.is_, merged[0], made_of)):
        trace = _replay({}, traces)
        for c in core.trace:
            trace.setdefault(c.key, c)
        merged = (made_of, ctx.cache.rule_tuple(trace.values()))
        ctx.cache.put(tkey, merged)
    return _relabel(core, request.id, request.date, merged[1])


def _replay(trace: dict[str, ConsultedRule], traces: list[dict[str, ConsultedRule]]) -> dict[str, ConsultedRule]:
    """``trace`` with the rules of each of ``traces`` it lacks appended, in order (as Ctx.memo replays them)."""
    for found in traces:
        if not trace:
            trace.update(found)
        elif not found.keys() <= trace.keys():
            for k, c in found.items():
                trace.setdefault(k, c)
    return trace


def _resolve(ctx: Ctx, party: Party, lists: Listings | None) -> tuple[PartyInfo, int]:
    """The party's resolution and the cache's token for its value (equal PartyInfo values, equal tokens)."""
    return ctx.cache.identified(resolve(ctx, party, lists))


def _decide_request(ctx: Ctx, request: Request, parties: list[PartyInfo], versions: Versions,
                    used: tuple[ListUse, ...], unused: tuple[ListUse, ...], provenance: int = -1) -> Determination:
    """_decide on the request as the rules see it (see _core). ``provenance``: the token of (versions, used,
    unused) -- _provenance_token --, or -1 (then the licence steps are not shared, see _after_jurisdiction)."""
    return _decide(ctx, _core(request), parties, versions, used, unused, provenance)


def _core(request: Request) -> Request:
    """The request as the rules see it: no id, no date (ctx.day), no parties (their resolution)."""
    return _core_of(request, "", dt.date.min, ())


@functools.lru_cache(maxsize=256)
def _provenance(rules_version: str,
                lists: Listings | None) -> tuple[Versions, tuple[ListUse, ...], tuple[ListUse, ...]]:
    """The versions and list use an answer records: a function of the rule set and the listings snapshot only."""
    if lists is None:
        versions = Versions(CODE_VERSION, rules_version)
    else:
        versions = Versions(CODE_VERSION, rules_version, lists.versions, lists.algorithm, lists.name_resources)
    return (versions, *_lists_used(lists))


_PROVENANCES: dict[tuple[Versions, tuple[ListUse, ...], tuple[ListUse, ...]], int] = {}


@functools.lru_cache(maxsize=256)
def _provenance_keyed(rules_version: str, lists: Listings | None) -> tuple[Versions, tuple[ListUse, ...],
                                                                           tuple[ListUse, ...], int]:
    """``(*_provenance(rules_version, lists), _provenance_token(rules_version, lists))``: one cached call per
    request instead of two."""
    return (*_provenance(rules_version, lists), _provenance_token(rules_version, lists))


@functools.lru_cache(maxsize=256)
def _provenance_token(rules_version: str, lists: Listings | None) -> int:
    """A small integer standing for the value of ``_provenance(rules_version, lists)`` (equal values, equal
    integers), so that an answer key does not hold the listings snapshot itself."""
    return _PROVENANCES.setdefault(_provenance(rules_version, lists), len(_PROVENANCES))


def _lists_used(lists: Listings | None) -> tuple[tuple[ListUse, ...], tuple[ListUse, ...]]:
    """Which EAR lists the answer relied on, and which it did not (and why)."""
    if lists is not None and lists.versions:
        have = dict(lists.versions)
        used = tuple(ListUse(c, have[c]) for c in EAR_LIST_CODES if c in have)
        unused = tuple(ListUse(c, why="not loaded") for c in EAR_LIST_CODES if c not in have)
    elif lists is not None and lists.caller_screened:
        used, unused = (), tuple(ListUse(c, why="the caller screened the parties (listings none-found)")
                                 for c in EAR_LIST_CODES)
    elif lists is not None and lists.resolver is not None:
        used, unused = (), ()  # the caller records the versions its resolver screened against
    elif lists is not None:
        used, unused = (ListUse("snapshot", lists.label),), ()
    else:
        used, unused = (), tuple(ListUse(c, why="no listings snapshot: only the listings the order gives")
                                 for c in EAR_LIST_CODES)
    ofac = ListUse("ofac-cons", why="OFAC's non-SDN lists are not consulted by the determination; screen parties "
                   "with `clearance screen --lists ofac-cons`")
    return used, (*unused, ofac)


def cannot_clear(request: Request | None, rules: RuleSet, *, questions: Sequence[Question] = (),
                 gaps: Sequence[Question] = (), request_id: str = "", lists: Listings | None = None) -> Determination:
    """A CANNOT_CLEAR answer decided outside the rules (an order that cannot be read, a contradiction found by
    screening), built like every other one. ``request`` is None when the order could not be read at all."""
    versions, used, unused = _provenance(rules.version, lists)
    if request is None:
        return _determination(request_id, None, Outcome.CANNOT_CLEAR, None, (), None, (), "n/a", (), (), (),
                             tuple(questions), tuple(gaps), (), versions)
    return _cannot(Ctx(rules, request.date), request, versions, questions, gaps, used=used, unused=unused)


def _classify(exc: CannotClear) -> tuple[list[Question], list[Question]]:
    """(open questions, data gaps) for a CannotClear raised while deciding."""
    if isinstance(exc, RuleGap):
        return [], [Question(exc.reason, rule=exc.rule)]
    fact = exc.fact if isinstance(exc, MissingFact) else None
    return [Question(exc.reason, fact=fact)], []


def _cannot(ctx: Ctx, req: Request, versions: Versions, questions: Sequence[Question], gaps: Sequence[Question],
            juris: Jurisdiction | None = None, f: Findings | None = None, *,
            used: tuple[ListUse, ...] = (), unused: tuple[ListUse, ...] = ()) -> Determination:
    """The one builder of a CANNOT_CLEAR answer: what is known so far, and every reason it cannot be decided."""
    return _determination(
        request_id=req.id,
        as_of=req.date,
        outcome=Outcome.CANNOT_CLEAR,
        subject_to_ear=juris.subject if juris else None,
        subject_basis=tuple(juris.basis) if juris else (),
        license_required=None,
        bases=tuple(f.bases) if f else (),
        review_policy=licensing.overall_policy(ctx, f.bases) if f and f.bases else "n/a",
        exceptions=tuple(dict.fromkeys(f.exceptions)) if f else (),
        excluded=tuple(f.excluded) if f else (),
        obligations=tuple(dict.fromkeys(f.obligations)) if f else (),
        open_questions=tuple(dict.fromkeys(questions)),
        data_gaps=tuple(dict.fromkeys(gaps)),
        trace=ctx.cache.rule_tuple(ctx.trace.values()),
        versions=versions,
        notes=tuple((juris.notes if juris else []) + (f.notes if f else [])),
        lists_consulted=used,
        lists_not_consulted=unused,
    )


def _licences(ctx: Ctx, req: Request, bases: list[Basis]) -> list[Basis]:
    if not req.licences:
        return bases
    out: list[Basis] = []
    day = ctx.day
    for b in bases:
        if b.overcome_by is None:
            for lic in req.licences:
                if lic.covers and b.code not in lic.covers:
                    continue
                if lic.valid_on(day):
                    by = Overcome(OvercomeKind.LICENSE, lic.licence_id, f"valid on {day.isoformat()}")
                    b = _with_overcome(b, by)
                    break
                if lic.revoked is not None and day >= lic.revoked:
                    was = f"licence {lic.licence_id} (revoked {lic.revoked})"
                    b = _with_previously_covered(b, was)
        out.append(b)
    return out


def _knowledge_questions(req: Request) -> list[Question]:
    return [Question(f"stated knowledge maps to no fact the rules can apply: {text!r}; restate it with the fact "
                     "codes of docs/facts.md (e.g. military_end_use) or confirm it has no EAR consequence",
                     fact="knowledge") for text in req.unmapped_knowledge]


def _denied(ctx: Ctx, parties: list[PartyInfo]) -> list[Basis]:
    out = []
    for p in parties:
        if p.dpl is None:
            continue
        score = p.dpl.match_score
        confirm = None
        if score is not None and score < NEAR_CERTAIN:
            confirm = (f"screening matched {p.dpl.name!r} with score {below_bar(score)} (below {NEAR_CERTAIN}): "
                       "confirm that the party is the denied person")
        elif p.dpl.expires is not None and p.dpl.expires < ctx.day:
            # the list file's own expiry: the order may have lapsed, or been renewed after the file (adversarial R4-47)
            confirm = (f"the denial order of {p.dpl.name!r} expired on {p.dpl.expires.isoformat()} according to the "
                       "loaded Denied Persons List: confirm it was not renewed or extended")
        entry = f"{p.dpl.name!r}" + (f" (entry {p.dpl.entry_id})" if p.dpl.entry_id else "")
        out.append(Basis("DPL", f"{DPL_CITE}: {entry}", "denial order: no licence", party=p.label,
                         indeterminate=confirm))
    return out


def _decide(ctx: Ctx, req: Request, parties: list[PartyInfo], versions: Versions,
            used: tuple[ListUse, ...], unused: tuple[ListUse, ...], provenance: int = -1) -> Determination:
    decided = _decide_open(ctx, req, parties, versions, used, unused, provenance)
    if decided.outcome is Outcome.CANNOT_CLEAR:
        return _prohibited_anyway(ctx, decided, parties)
    return decided


def _prohibited_anyway(ctx: Ctx, decided: Determination, parties: list[PartyInfo]) -> Determination:
    """A CANNOT_CLEAR answer where a party is OFAC-blocked (whatever the item), or the item is subject to the EAR and a
    party is under a denial order found near-certain: PROHIBITED -- no answer to the open questions could let the
    order ship, so they are kept as notes, not asked (session 22: a blocked party whose name also drew a § 744.21
    question came out CANNOT_CLEAR, noticed in session 21 with R3-45)."""
    notes = part744.blocked_notes(parties, subject=decided.subject_to_ear is not False)
    denied = [b for b in _denied(ctx, parties) if b.indeterminate is None] if decided.subject_to_ear else []
    if not notes and not denied:
        return decided
    moot = [f"not asked (dealings are prohibited whatever the answer): {q.text}"
            for q in (*decided.open_questions, *decided.data_gaps)]
    return dataclasses.replace(
        decided, outcome=Outcome.PROHIBITED, license_required=True,
        bases=(*decided.bases, *denied), review_policy="denial order" if denied else "blocked (OFAC)",
        open_questions=(), data_gaps=(), notes=(*decided.notes, *notes, *moot))


def _decide_open(ctx: Ctx, req: Request, parties: list[PartyInfo], versions: Versions,
                 used: tuple[ListUse, ...], unused: tuple[ListUse, ...], provenance: int = -1) -> Determination:
    juris: Jurisdiction | None = None
    f = new_findings()
    # the exporter is read only for what binds whoever exports (a denial order, an OFAC block): no step sees it
    everyone = parties
    for p in parties:
        if p.role is _EXPORTER:
            parties = [p for p in parties if p.role is not _EXPORTER]
            break
    else:
        parties = parties[:]  # (the common case: no exporter named -- a copy, no comprehension)
    try:
        if req.to_country == "US":
            raise MissingFact("the destination is the United States: the EAR's Country Chart has no row for it; "
                              "give the foreign destination (a shipment within the US is not an export)",
                              fact="route.to")
        if req.to_country == UNSPECIFIED and req.transaction is not Transaction.RELEASE:
            raise MissingFact("the destination is not a single country: only a release of technology or software "
                              "(e.g. at a multilateral meeting) can be decided without one; give the destination",
                              fact="route.to")
        dest = destination(ctx, req.to_country) if req.to_country != UNSPECIFIED else UNSPECIFIED
        juris = jurisdiction(ctx, req, dest, parties)
        if juris.subject is None:
            return _cannot(ctx, req, versions, [_with_text(q, f"missing fact: {q.text}")
                                                for q in juris.unknown], [], juris, used=used, unused=unused)
        if juris.subject is False:
            notes = part744.blocked_notes(everyone, subject=False)
            if notes:  # OFAC blocking does not depend on the EAR's jurisdiction over the item
                return _record(ctx, req, juris, f, versions, used, unused, Outcome.PROHIBITED, True,
                               "blocked (OFAC)", notes, subject=False)
            ways = countries_on_the_way(ctx, dest, parties)
            us_person = part744.us_person_questions(ctx, req, parties, ways) + part744.sme_us_person_question(
                ctx, req, ways)
            if us_person and Fact.NO_US_PERSON_INVOLVED in req.facts:  # the § 744.6 question answered
                found = part744.us_person_party(ctx, everyone)
                if found is not None:  # ... unless the order's own party is one (adversarial R21-36: a US exporter
                    # shipping Japanese recorders stated no_us_person_involved and was NOT_SUBJECT; R22-01..R22-04)
                    us, why = found
                    us_person = [f"{q} -- the order states {Fact.NO_US_PERSON_INVOLVED.value}, yet its "
                                 f"{us.role.value.replace('_', ' ')} '{us.label}' {why}: a U.S. person "
                                 f"({ctx.cite('744.6.us_person_signals')}); confirm who ships, transmits, "
                                 "facilitates or services the item" for q in us_person]
                else:
                    juris.notes.extend(f"{q.split(' -- ')[0]} -- stated: no U.S. person takes part "
                                       f"({Fact.NO_US_PERSON_INVOLVED.value})" for q in us_person)
                    us_person = []
            if req.unmapped_knowledge or us_person:
                questions = _knowledge_questions(req) + [Question(q, fact="us_person") for q in us_person]
                return _cannot(ctx, req, versions, questions, [], juris, used=used, unused=unused)
            notes = juris.notes + [f"{b.party} is on the Denied Persons List, but the item is not subject to "
                                   "the EAR (no EAR prohibition applies)" for b in _denied(ctx, everyone)]
            return _determination(
                req.id, req.date, Outcome.NOT_SUBJECT, False, tuple(juris.basis), False, (), "n/a", (), (), (),
                (), (), ctx.cache.rule_tuple(ctx.trace.values()), versions, tuple(notes), used, unused,
            )
    except CannotClear as exc:
        questions, gaps = _classify(exc)
        return _cannot(ctx, req, versions, questions, gaps, juris, f, used=used, unused=unused)
    item = req.item
    if provenance >= 0 and (item.us_inputs is not None or item.us_controlled_value is not None
                            or item.total_value is not None):
        return _shared_after_jurisdiction(ctx, req, dest, juris, everyone, parties, versions, used, unused,
                                          provenance)
    return _after_jurisdiction(ctx, req, dest, juris, everyone, parties, versions, used, unused)


def _after_jurisdiction(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, everyone: list[PartyInfo],
                        parties: list[PartyInfo], versions: Versions, used: tuple[ListUse, ...],
                        unused: tuple[ListUse, ...]) -> Determination:
    """The answer for an item subject to the EAR (``juris``): the licence steps, then the conclusion."""
    f = new_findings()
    try:
        not_export = release.not_an_export(ctx, req, parties)
        if not_export:  # a release in the US to a U.S. person (§ 734.13(b)): no licence step applies
            f.notes.append(not_export)
        for _name, step in STEPS if not not_export else ():
            step(ctx, req, dest, juris, parties, f)
        if dest == UNSPECIFIED:
            f.notes.append("destination not a single country: Part 746 embargoes were not checked")
    except CannotClear as exc:
        questions, gaps = _classify(exc)
        return _cannot(ctx, req, versions, questions, gaps, juris, f, used=used, unused=unused)
    return _conclude(ctx, req, everyone, juris, f, versions, used, unused)


# What the licence steps and the conclusion read of what jurisdiction found: whether the item is subject (True here),
# how (``via``) and the kind of the § 734.4(a) rule that denied de minimis; its basis and notes only go into the answer,
# as its first subject_basis and notes. _shared_after_jurisdiction passes them this view, with a marker in place of
# the basis and the notes, and puts the real ones in place of the marker.
_BASIS_MARK = "\x00jurisdiction basis\x00"
_NOTES_MARK = "\x00jurisdiction notes\x00"
_with_jurisdiction = copier(Determination, "subject_basis", "notes", "trace")
_without_values = copier(Item, "us_inputs", "us_controlled_value", "total_value")
_with_item = copier(Request, "item")


def _shared_after_jurisdiction(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, everyone: list[PartyInfo],
                               parties: list[PartyInfo], versions: Versions, used: tuple[ListUse, ...],
                               unused: tuple[ListUse, ...], provenance: int) -> Determination:
    """``_after_jurisdiction`` for a foreign-made item whose bill of materials or values are in the request: no step
    reads them (de minimis, in jurisdiction, does), so the steps' answer is memoised on the request without them and
    on the view of ``juris`` the steps read (see _BASIS_MARK): the foreign-made items that differ only in their
    values share it (each has its own de minimis share, so each is a new answer). The result is the answer
    _after_jurisdiction gives, or (when the marked answer does not carry the markers where they belong) that answer
    itself."""
    rule = juris.no_de_minimis_rule
    kind = rule["kind"] if rule is not None else None
    view_item = _without_values(req.item, None, None, None)
    token = ctx.cache.token
    key = ("after jurisdiction", token(item_key(view_item) + _others(req)), tuple(map(ctx.cache.token_of, everyone)),
           dest, juris.via, kind, provenance)
    marked: Determination = ctx.memo(key, _after_marked, ctx, _with_item(req, view_item), dest, juris.via, kind,
                                     everyone, parties, versions, used, unused)
    notes = marked.notes
    if marked.subject_basis != (_BASIS_MARK,) or not notes or notes[0] != _NOTES_MARK \
            or marked.subject_to_ear is not True:  # (not expected: the answer is then made as it was)
        return _after_jurisdiction(ctx, req, dest, juris, everyone, parties, versions, used, unused)
    return _with_jurisdiction(marked, tuple(juris.basis), (*juris.notes, *notes[1:]),
                              ctx.cache.rule_tuple(ctx.trace.values()))


def _after_marked(ctx: Ctx, req: Request, dest: str, via: str, kind: Any, everyone: list[PartyInfo],
                  parties: list[PartyInfo], versions: Versions, used: tuple[ListUse, ...],
                  unused: tuple[ListUse, ...]) -> Determination:
    view = new_jurisdiction(True, [_BASIS_MARK], via, None if kind is None else {"kind": kind}, None, [], [_NOTES_MARK])
    return _after_jurisdiction(ctx, req, dest, view, everyone, parties, versions, used, unused)


def _conclude(ctx: Ctx, req: Request, parties: list[PartyInfo], juris: Jurisdiction, f: Findings,
              versions: Versions, used: tuple[ListUse, ...], unused: tuple[ListUse, ...]) -> Determination:
    # licence exceptions that overcome every basis they cover
    bases: list[Basis] = []
    blanket_bar = f.blanket_bar()
    covering = f.covering()
    for b in f.bases:
        if b.overcome_by is None and not blanket_bar and b.indeterminate is None:
            for le in covering:
                if b.code in le.covers:
                    b = _with_overcome(b, Overcome(OvercomeKind.LICENSE_EXCEPTION, le.symbol, le.citation))
                    break
        bases.append(b)
    bases = _licences(ctx, req, bases)
    denied = _denied(ctx, parties)
    f.bases = bases + denied
    if any(b.indeterminate is None for b in denied):
        return _record(ctx, req, juris, f, versions, used, unused, Outcome.PROHIBITED, True, "denial order", [])
    notes = part744.blocked_notes(parties)
    if notes:  # an OFAC-blocked party (listed, or owned 50 % or more by blocked persons): prohibited (issue 9)
        return _record(ctx, req, juris, f, versions, used, unused, Outcome.PROHIBITED, True, "blocked (OFAC)", notes)
    open_ = [b for b in f.bases if b.overcome_by is None]
    unsure = [b for b in open_ if b.indeterminate]
    # (a bar on every licence exception -- Entity List, UVL, § 744.8 -- makes a question about one moot: B03)
    le_open = f.questions if [b for b in open_ if b.code != "DPL"] and not blanket_bar else []
    if f.questions and blanket_bar:
        f.notes.extend(f"not asked (every licence exception is barred): {q.text}" for q in f.questions)
    confirm = [Question(f"{b.code}: {b.indeterminate}", fact="to_confirm") for b in unsure]
    # a determinate basis that nothing overcomes requires the licence whatever the open ones turn out to be
    # (3A001.a.1 to China: NS2 certain, MT1 turning on a sub-paragraph): LICENSE_REQUIRED, the open ones to confirm
    # for the review policy. Not when one could make the answer PROHIBITED (a denial order), nor while a licence
    # exception question is open.
    certain = bool(unsure) and not le_open and any(not b.indeterminate for b in open_) \
        and all(b.code != "DPL" for b in unsure)
    if (unsure or le_open) and not certain:
        # (stated knowledge or end-use words not read are asked too: the answer names every open point)
        return _cannot(ctx, req, versions, confirm + le_open + _knowledge_questions(req), [], juris, f, used=used,
                       unused=unused)
    f.notes.extend(f"to confirm (a licence is required anyway; the answer may change the review policy): {q.text}"
                   for q in (confirm if certain else []))
    if req.unmapped_knowledge and not open_:
        # stated knowledge that maps to no fact may be what a licence requirement turns on: never clear past it
        return _cannot(ctx, req, versions, _knowledge_questions(req), [], juris, f, used=used, unused=unused)
    for text in req.unmapped_knowledge:
        f.notes.append(f"knowledge not evaluated (maps to no fact; a licence is required anyway): {text!r}")
    held = [b for b in f.bases if b.overcome_by and b.overcome_by.kind is OvercomeKind.LICENSE]
    by_le = [b for b in f.bases if b.overcome_by and b.overcome_by.kind is OvercomeKind.LICENSE_EXCEPTION]
    if open_ or held:
        outcome, required = Outcome.LICENSE_REQUIRED, True
    elif by_le:
        outcome, required = Outcome.LICENSE_EXCEPTION, False
    else:
        outcome, required = Outcome.NO_LICENSE_REQUIRED, False
    notes = [f"held: {b.overcome_by.text()} covers {b.code}" for b in held if b.overcome_by is not None]
    policy = licensing.overall_policy(ctx, f.bases) if required else "n/a"
    decided = _record(ctx, req, juris, f, versions, used, unused, outcome, required, policy, notes)
    return _with_to_confirm(decided, tuple(confirm)) if certain else decided


def _record(ctx: Ctx, req: Request, juris: Jurisdiction, f: Findings, versions: Versions, used: tuple[ListUse, ...],
            unused: tuple[ListUse, ...], outcome: Outcome, required: bool, policy: str,
            notes: list[str], subject: bool = True) -> Determination:
    return _determination(
        request_id=req.id,
        as_of=req.date,
        outcome=outcome,
        subject_to_ear=subject,
        subject_basis=tuple(juris.basis),
        license_required=required,
        bases=tuple(f.bases),
        review_policy=policy,
        exceptions=tuple(dict.fromkeys(f.exceptions)),
        excluded=tuple(f.excluded),
        obligations=tuple(dict.fromkeys(f.obligations)),
        open_questions=(),
        data_gaps=(),
        trace=ctx.cache.rule_tuple(ctx.trace.values()),
        versions=versions,
        notes=tuple(juris.notes + f.notes + notes),
        lists_consulted=used,
        lists_not_consulted=unused,
    )
