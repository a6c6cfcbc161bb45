"""The audit trail as the desk reads it: verify the chain, show and export records, replay a determination.

``replay`` re-computes a recorded determination from what the record stores: the order line as validated
input, the licences it was checked against, the overlays, and the list entries (list code, entry id, version,
score) each party resolved to -- read back from the stored, immutable list versions -- and compares the new
record with the old one field by field (the whole record, trace included, through its digest). The rules are
the installed ones: when their version differs from the recorded one, the replay says so (a differing answer
is then explained by the rule change, not by the data).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clearance.errors import ConfigError, NotFoundError
from clearance.model.determination import LicenceState
from clearance.model.order_input import validate_order
from clearance.store import audit_log as alog
from clearance.workflows.desk.desk import Desk, decide
from clearance.workflows.desk.record_body import digest, field_digests, summary
from clearance.workflows.desk.screening import replay_listings
from clearance.workflows.order_requests import to_request


@dataclass(frozen=True, slots=True)
class Replay:
    seq: int
    subject: str
    identical: bool
    recorded_outcome: str
    outcome: str
    rules_recorded: str
    rules_now: str
    differences: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "subject": self.subject, "identical": self.identical,
                "recorded_outcome": self.recorded_outcome, "outcome": self.outcome,
                "rules_recorded": self.rules_recorded, "rules_now": self.rules_now,
                "differences": list(self.differences)}


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def replay(desk: Desk, seq: int) -> Replay:
    rec = alog.record(desk.store.engine, seq)
    if rec is None:
        raise NotFoundError(f"no audit record {seq}; see `clearance audit show`")
    if rec.kind != "determination":
        raise ConfigError(f"audit record {seq} is a {rec.kind} record; only determination records can be replayed "
                          "(`clearance audit show --kind determination`)")
    body = rec.data
    rules = desk.clearance.rules([Path(p) for p in body.get("overlays", [])])
    order = validate_order(body["order"], file=f"audit record {seq}")
    req, notes = to_request(order, body["order_id"])
    states = tuple(LicenceState(x["licence_id"], dt.date.fromisoformat(x["granted"]), _day(x["revoked"]),
                                _day(x["expires"])) for x in body["licences"])
    req = dataclasses.replace(req, licences=states)
    evidence = body["evidence"]
    listings = replay_listings(desk.store, evidence, body["decision"]["versions"].get("algorithm"))
    decision = decide(desk.clearance, req, rules, listings, evidence)
    if notes:
        decision = dataclasses.replace(decision, notes=decision.notes + tuple(notes))
    now = decision.to_dict()
    old = body["decision"]
    then = body["field_digests"]
    now_digests = field_digests(now)
    diffs = []
    for k in sorted(set(then) | set(now_digests)):
        if then.get(k) == now_digests.get(k):
            continue
        if k in old or k == "bases":
            before = old.get(k)
            after = summary(now).get(k)
            diffs.append(f"{k}: recorded {alog.canonical(before)[:200]} now {alog.canonical(after)[:200]}")
        else:
            diffs.append(f"{k}: differs (e.g. the rule values consulted, for 'trace')")
    identical = not diffs and digest(now) == body["record_digest"]
    if not identical and not diffs:
        diffs.append("the record's digest differs")
    return Replay(seq, rec.subject, identical, old["outcome"], now["outcome"], old["versions"]["rules"],
                  rules.version, tuple(diffs))
