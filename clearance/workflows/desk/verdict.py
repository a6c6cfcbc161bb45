"""From a determination record to what the desk does: RELEASE, HOLD (and why) or BLOCK. Fails closed.

- PROHIBITED → BLOCK.
- CANNOT_CLEAR → HOLD: ``review`` when a party's screening is undecided (a possible match), ``missing_fact``
  when the order does not state a fact a rule turns on, else ``cannot_clear`` (a data gap, a stale list).
  Never RELEASE.
- LICENSE_REQUIRED with every basis covered by a licence held → RELEASE (the licence is drawn down), unless the
  answer has points to confirm (a possible match beside the listing that decides it, an open question beside a
  determinate basis): those could add a basis no licence covers, so → HOLD ``review`` naming them.
- LICENSE_REQUIRED with a basis open whose review policy is a policy of denial (or a denial order) → BLOCK;
  any other open basis → HOLD ``licence_needed`` (the policy an application would meet is given).
- NOT_SUBJECT, NO_LICENSE_REQUIRED, LICENSE_EXCEPTION → RELEASE.
"""

from __future__ import annotations

from dataclasses import dataclass

from clearance.model.decision import Determination, Outcome, OvercomeKind
from clearance.model.desk import HoldReason, Verdict


@dataclass(frozen=True, slots=True)
class DeskAnswer:
    verdict: Verdict
    hold: HoldReason | None
    reasons: tuple[str, ...]
    licences: tuple[str, ...] = ()  # licences the answer relies on (to draw down)


def _denial(policy: str) -> bool:
    p = policy.strip().lower()
    return p.startswith("policy of denial") or p.startswith("denial order")


def desk_answer(d: Determination, *, screening: str | None) -> DeskAnswer:
    """``screening``: "review" (a hit waits for a reviewer), "lists" (the lists cannot answer), or None."""
    if d.outcome is Outcome.PROHIBITED:
        why = [f"{b.code}: {b.cite}" for b in d.bases if b.overcome_by is None and _denial(b.policy)]
        return DeskAnswer(Verdict.BLOCK, None, ("PROHIBITED", *(why or [d.review_policy]), *_blocked_notes(d)))
    if d.outcome is Outcome.CANNOT_CLEAR:
        if screening == "review":
            kind = HoldReason.REVIEW
        elif screening is None and d.open_questions:
            kind = HoldReason.MISSING_FACT
        else:
            kind = HoldReason.CANNOT_CLEAR
        return DeskAnswer(Verdict.HOLD, kind, d.reasons or ("CANNOT_CLEAR",))
    if d.outcome is Outcome.LICENSE_REQUIRED:
        open_ = [b for b in d.bases if b.overcome_by is None]
        held = tuple(dict.fromkeys(b.overcome_by.ref for b in d.bases
                                   if b.overcome_by is not None and b.overcome_by.kind is OvercomeKind.LICENSE))
        confirm = tuple(f"to confirm: {q.text}" for q in d.to_confirm)
        if not open_:
            covered = tuple(f"licence {n} covers the shipment" for n in held)
            if confirm:  # a licence covers what is known; what is still to confirm could need another
                return DeskAnswer(Verdict.HOLD, HoldReason.REVIEW, (*covered, *confirm))
            return DeskAnswer(Verdict.RELEASE, None, covered, held)
        reasons = tuple(f"{b.code} ({b.party or 'transaction'}): licence required, an application would meet "
                        f"{b.policy or 'an unstated policy'}" + (f"; was covered by {b.previously_covered_by}"
                                                                  if b.previously_covered_by else "")
                        for b in open_) + confirm
        if any(_denial(b.policy) for b in open_):
            return DeskAnswer(Verdict.BLOCK, None, reasons)
        return DeskAnswer(Verdict.HOLD, HoldReason.LICENCE_NEEDED, reasons)
    return DeskAnswer(Verdict.RELEASE, None, (d.outcome.value,))


def _blocked_notes(d: Determination) -> tuple[str, ...]:
    return tuple(n for n in d.notes if "SDN List" in n or "Denied Persons" in n)
