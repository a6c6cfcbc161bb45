"""The compliance desk over one store: licences, order checks with licence cover, reviews, the audit trail.

Determinations are the facade's (:class:`clearance.workflows.facade.Clearance`); the desk adds what a desk
needs around them: which licences held cover an order line (and drawing them down), the reviewers'
judgements on screening hits, the verdict (RELEASE / HOLD / BLOCK), and an audit record of each decision.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from clearance.errors import ConfigError
from clearance.model.decision import Determination, ListUse, Question
from clearance.model.desk import HoldReason, Licence, Verdict, amount_text, validate_licences
from clearance.model.determination import Request
from clearance.model.regulation import RuleSet
from clearance.rules import Listings, cannot_clear
from clearance.rules.parties import NEAR_CERTAIN
from clearance.settings import Settings, acting_user
from clearance.store import Store
from clearance.store import audit_log as alog
from clearance.store import desk_records as records
from clearance.store import licences as lic_store
from clearance.store.engine import write_transaction
from clearance.workflows.desk.cover import licence_states, state_dict
from clearance.workflows.desk.orders_input import BadLine, OrderLine
from clearance.workflows.desk.record_body import digests, summary
from clearance.workflows.desk.screening import DeskScreener, index_parties, party_key
from clearance.workflows.desk.verdict import DeskAnswer, desk_answer
from clearance.workflows.determination import PartyScreener
from clearance.workflows.facade import Clearance
from clearance.workflows.order_files import decode, parse_json, parse_yaml, read_bytes

BATCH = 500  # order lines per write transaction (their audit records, reviews and saved answers)


def default_actor(settings: Settings | None = None) -> str:
    """Who is acting: the setting CLEARANCE_ACTOR, else the operating-system user."""
    return acting_user(settings)


@dataclass
class LineResult:
    """The desk's answer for one order line (or a line that could not be read)."""

    order_id: str
    line: int
    file_line: int | None
    verdict: Verdict | None = None  # None: a bad line
    answer: DeskAnswer | None = None
    decision: Determination | None = None
    error: BadLine | None = None
    licence_notes: list[str] = field(default_factory=list)
    reviewed: list[str] = field(default_factory=list)
    review_ids: list[int] = field(default_factory=list)
    audit_seq: int | None = None

    def to_dict(self) -> dict[str, Any]:
        if self.error is not None:
            return {"order": self.order_id, "line": self.line, "file_line": self.file_line, "verdict": None,
                    "error": self.error.to_dict()}
        assert self.answer is not None and self.decision is not None
        return {"order": self.order_id, "line": self.line, "file_line": self.file_line,
                "verdict": self.answer.verdict.value, "hold": self.answer.hold.value if self.answer.hold else None,
                "reasons": list(self.answer.reasons), "licences": list(self.answer.licences),
                "licence_notes": self.licence_notes, "reviews_applied": self.reviewed,
                "reviews_opened": self.review_ids, "audit": self.audit_seq, "determination": self.decision.to_dict()}


@dataclass
class _Pending:
    """What a batch of checked lines writes in one transaction."""

    audit: list[alog.AuditEntry] = field(default_factory=list)
    reviews: list[records.NewReview] = field(default_factory=list)
    lines: list[tuple[LineResult, OrderLine]] = field(default_factory=list)
    review_spans: list[tuple[int, int]] = field(default_factory=list)  # each line's slice of ``reviews``
    review_refs: list[tuple[tuple[str, str, str, str], str, int]] = field(default_factory=list)  # hit, order, line
    screened: set[tuple[str, str]] = field(default_factory=set)


class Desk:
    """The compliance desk over one store. Close it (or use ``with``) when done."""

    def __init__(self, clearance: Clearance | None = None, *, actor: str | None = None,
                 overlays: Sequence[Path] = ()) -> None:
        self.clearance = clearance or Clearance()
        self.actor = actor or default_actor(self.clearance.settings)
        self.overlays = tuple(overlays)
        self._screener: PartyScreener | None = None
        self._licences: dict[str, Licence] | None = None  # during a check: the licences, as last drawn
        self._screened_versions: tuple[str, ...] = ()
        self._entry_digests: dict[tuple[str, str], tuple[str, str]] = {}  # (version, entry) -> (digest, name)
        self.drawn: set[tuple[str, str, int]] = set()  # (licence, order, line) drawn already (re-evaluations)

    @property
    def store(self) -> Store:
        st = self.clearance.store
        if st.actor is None:
            st.actor = self.actor  # list versions loaded or activated through this desk are audited as its actor
        return st

    def close(self) -> None:
        if self._screener is not None:
            self._screener.close()
            self._screener = None
        self.clearance.close()

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def rules(self) -> RuleSet:
        return self.clearance.rules(self.overlays)

    def audit(self, kind: str, subject: str, body: dict[str, Any]) -> alog.AuditEntry:
        return alog.AuditEntry(kind, subject, body, self.actor)

    # ---- licences --------------------------------------------------------------------------------------

    def read_licences(self, path: str) -> list[Licence]:
        text = decode(read_bytes(path), path)
        data = parse_json(text, path) if path.lower().endswith(".json") else parse_yaml(text, path)
        return [Licence.of(x) for x, _line in validate_licences(data, file=path)]

    def add_licences(self, path: str) -> list[Licence]:
        items = self.read_licences(path)
        audit = [self.audit("licence", x.number, {"event": "added", "licence": x.to_dict(), "file": path})
                 for x in items]
        lic_store.add(self.store.engine, items, audit)
        return items

    def revoke_licence(self, number: str, day: dt.date, reason: str) -> Licence:
        if not reason.strip():
            raise ConfigError("give the reason for the revocation (--reason)")
        return lic_store.revoke(self.store.engine, number, day, reason, self.audit(
            "licence", number, {"event": "revoked", "date": day.isoformat(), "reason": reason}))

    def licences(self) -> list[Licence]:
        return lic_store.all_licences(self.store.engine)

    # ---- checking orders --------------------------------------------------------------------------------

    def desk_screener(self) -> DeskScreener:
        active = tuple(sorted(v.version_id for v in self.store.active().values()))
        if self._screener is not None and self._screened_versions != active:
            self._screener.close()  # a version was loaded or activated since: screen against the new ones
            self._screener = None
        if self._screener is None:
            self._screener = PartyScreener.open(self.clearance.settings)
            self._screener.cache = self.clearance.cache
            self._screened_versions = active
        keys = records.open_review_keys(self.store.engine)
        return DeskScreener(self._screener, self._screener.store, records.judgements(self.store.engine),
                            index_parties(records.all_parties(self.store.engine)), keys,
                            {(k, code, entry) for k, code, entry, _d in keys}, self._entry_digests)

    def check(self, lines: Iterable[OrderLine | BadLine], *, record: bool = True,
              progress: Callable[[int], None] | None = None) -> Iterator[LineResult]:
        """Answer each order line in order; with ``record``, draw down the licences relied on and append every
        screening and determination to the audit log (in batches of :data:`BATCH` lines per transaction)."""
        rules = self.rules()
        ds = self.desk_screener()
        self._licences = None
        pending = _Pending()
        out: list[LineResult] = []
        for done, item in enumerate(lines, 1):
            if isinstance(item, BadLine):
                out.append(LineResult(item.order_id, 0, item.file_line, error=item))
            else:
                out.append(self._answer(item, rules, ds, pending, record))
            if progress is not None:
                progress(done)
            if len(out) >= BATCH:
                if record:
                    self._flush(pending, ds)
                yield from out
                out = []
                pending = _Pending(screened=pending.screened)
        if record:
            self._flush(pending, ds)
        yield from out

    def _all_licences(self) -> list[Licence]:
        if self._licences is None:
            self._licences = {x.number: x for x in lic_store.all_licences(self.store.engine)}
        return list(self._licences.values())

    def _answer(self, line: OrderLine, rules: RuleSet, ds: DeskScreener, pending: _Pending,
                record: bool) -> LineResult:
        res = LineResult(line.order_id, line.line, line.file_line)
        states = licence_states(self._all_licences(), line, res.licence_notes, self.drawn)
        req = dataclasses.replace(line.request, licences=states)
        evidence: dict[str, Any] = {}
        new: list[records.NewReview] = []
        ds.waiting = []
        listings = ds.listings(req, evidence, new, res.reviewed)
        for p in req.parties:
            if p.listings is not None:  # given listings are cross-checked: a typing slip never clears a party
                s, problem = ds.screener.cross_check(p, req.date)
                evidence[p.name] = {"cross_check": s.decision, "versions": s.list_versions,
                                    **({"contradiction": problem} if problem else {})}
        decision = decide(self.clearance, req, rules, listings, evidence)
        if line.notes:
            decision = dataclasses.replace(decision, notes=decision.notes + line.notes)
        answer = desk_answer(decision, screening=screening_problem(evidence, bool(new)))
        if answer.verdict is Verdict.HOLD and answer.hold is HoldReason.LICENCE_NEEDED:
            answer = _unreviewed(answer, evidence, ds)
        if record and answer.verdict is Verdict.RELEASE and answer.licences:
            answer = self._draw(line, answer, res)
        res.verdict, res.answer, res.decision = answer.verdict, answer, decision
        if record and answer.verdict is not Verdict.RELEASE:
            pending.review_refs.extend((k, line.order_id, line.line) for k in dict.fromkeys(ds.waiting))
        pending.reviews.extend(new)
        if record:
            pending.review_spans.append((len(pending.reviews) - len(new), len(pending.reviews)))
        if record:
            for name, ev in evidence.items():
                key = (name, alog.canonical(ev.get("versions", {})))
                if key not in pending.screened:
                    pending.screened.add(key)
                    pending.audit.append(self.audit("screening", name, {"date": req.date.isoformat(), **ev}))
            full = decision.to_dict()
            fields, whole = digests(full)
            body = {"order_id": line.order_id, "order": line.raw, "line": line.line,
                    "licences": [state_dict(s) for s in states],
                    "overlays": [str(p) for p in self.overlays], "evidence": evidence,
                    "decision": summary(full), "field_digests": fields, "record_digest": whole,
                    "verdict": answer.verdict.value, "hold": answer.hold.value if answer.hold else None,
                    "reasons": list(answer.reasons), "drawn": list(answer.licences)}
            pending.audit.append(self.audit("determination", f"{line.order_id}#{line.line}", body))
            pending.lines.append((res, line))
        return res

    def _draw(self, line: OrderLine, answer: DeskAnswer, res: LineResult) -> DeskAnswer:
        for number in answer.licences:
            got = lic_store.draw(self.store.engine, number, line.order_id, line.line, line.request.date,
                                 line.quantity or Fraction(0), line.value or Fraction(0), self.audit(
                                     "licence", number, {"event": "drawdown", "order": line.order_id,
                                                         "line": line.line, "date": line.request.date.isoformat(),
                                                         "quantity": amount_text(line.quantity),
                                                         "value": amount_text(line.value)}))
            if not got.ok:
                res.licence_notes.append(got.reason or "")
                return DeskAnswer(Verdict.HOLD, HoldReason.LICENCE_NEEDED,
                                  (f"licence {number} can no longer cover the line: {got.reason}",))
            if self._licences is not None:
                self._licences[number] = got.licence
            if got.again:
                res.licence_notes.append(f"licence {number}: this line was drawn down before (nothing new drawn)")
        return answer

    def _flush(self, pending: _Pending, ds: DeskScreener) -> None:
        if not pending.audit and not pending.reviews:
            return
        now = dt.datetime.now(dt.UTC)
        with write_transaction(self.store.engine) as conn:
            alog.lock_in(conn)  # before reading which reviews are open: concurrent desks never open one twice
            opened = records.open_reviews_in(conn, pending.reviews, now)
            records.link_reviews_in(conn, pending.review_refs, now)
            made = [x for x in opened if x is not None]
            if made:
                pending.audit.append(self.audit("review", ",".join(map(str, made)), {
                    "event": "opened", "reviews": [dataclasses.asdict(r) for r in pending.reviews]}))
            seqs = alog.append_in(conn, pending.audit, now)
            det = iter(s for s, e in zip(seqs, pending.audit, strict=True) if e.kind == "determination")
            saved = []
            for (res, line), seq in zip(pending.lines, det, strict=False):
                res.audit_seq = seq
                assert res.answer is not None and res.decision is not None
                saved.append(records.CheckedLine(line.order_id, line.line, line.request.date, line.raw,
                                                 res.answer.verdict.value, res.decision.outcome.value,
                                                 list(res.answer.reasons), ",".join(res.answer.licences) or None, seq))
            records.save_lines_in(conn, saved, now)
        if made:
            for (res, _line), (lo, hi) in zip(pending.lines, pending.review_spans, strict=True):
                res.review_ids = [x for x in opened[lo:hi] if x is not None]
            ds.judged = records.judgements(self.store.engine)


def decide(clearance: Clearance, req: Request, rules: RuleSet, listings: Listings,
           evidence: dict[str, Any]) -> Determination:
    """The determination of a desk order line: CANNOT_CLEAR when a party's given listings contradict its
    screening, else the facade's answer with the desk's listings; the list versions screened recorded."""
    problems = [str(e["contradiction"]) for e in evidence.values() if "contradiction" in e]
    if problems:
        decision = cannot_clear(req, rules, questions=[Question(c, fact="parties.listings") for c in problems],
                                lists=listings)
    else:
        decision = clearance.determine(req, listings=listings, rules=rules)
    return _with_versions(decision, evidence)


def screening_problem(evidence: dict[str, Any], opened_reviews: bool) -> str | None:
    """"review" when a party's screening waits for a reviewer, "lists" when the lists cannot answer, else None."""
    texts = [str(e["cannot_clear"]) for e in evidence.values() if "cannot_clear" in e]
    if opened_reviews or any("possible match" in t for t in texts) or any("contradiction" in e
                                                                             for e in evidence.values()):
        return "review"
    return "lists" if texts else None


def _unreviewed(answer: DeskAnswer, evidence: dict[str, Any], ds: DeskScreener) -> DeskAnswer:
    """A licence hold that rests on a fuzzy screening match nobody has judged yet waits for the reviewer first:
    the hold reason becomes ``review`` (the verdict stays HOLD)."""
    waiting = ds.open_entries
    found = []
    for name, ev in evidence.items():
        key = party_key(name, ds.parties)
        for code, entry_id, version, score in ev.get("entries", []):
            if score is not None and score < NEAR_CERTAIN and (key, code, entry_id) in waiting:
                found.append(f"{name!r} matched {code} entry {entry_id} ({version}) with score {score:.2f}: "
                             "confirm or clear it (`clearance review list`)")
    if not found:
        return answer
    return DeskAnswer(Verdict.HOLD, HoldReason.REVIEW, (*found, *answer.reasons), answer.licences)


def _with_versions(decision: Determination, evidence: dict[str, Any]) -> Determination:
    versions: dict[str, str] = {}
    for ev in evidence.values():
        versions.update(ev.get("versions", {}))
    if not versions:
        return decision
    consulted = tuple(ListUse(c, v) for c, v in sorted(versions.items()))
    return dataclasses.replace(decision, versions=dataclasses.replace(decision.versions,
                                                                      lists=tuple(sorted(versions.items()))),
                               lists_consulted=consulted,
                               lists_not_consulted=tuple(u for u in decision.lists_not_consulted
                                                         if u.code not in versions))

