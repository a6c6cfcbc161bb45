"""Licence exceptions Clearance does not evaluate (TMP, BAG, CCD ...) that the order points to (rule
``740.not_evaluated``): an open question naming the exception, so that an order an exception may authorise is never
answered LICENSE_REQUIRED in silence, and never cleared either (adversarial R14-36, R14-38).

The exception's own terms are not read: the question is asked when the order's words (item description, end use,
stated knowledge no fact reads) contain one of the entry's signal words, its destination is one the exception serves
(CCD: Cuba) and its ECCN one the entry names, and no step has barred the exception -- a bar on every exception
(Entity List, § 744.8), a bar naming it, or a bar on all the others (§ 744.21(c)) unless it is the destination's Part
746 section, which lists the exception (``exceptions_listed`` of ``part746.<country>``)."""

from __future__ import annotations

import re

from clearance.model.decision import ALL, ALL_OTHERS, LeStatus, Question
from clearance.model.determination import Request
from clearance.rules.context import Ctx
from clearance.rules.eccn import parse_eccn
from clearance.rules.findings import Findings, Jurisdiction
from clearance.rules.parties import PartyInfo

KEY = "740.not_evaluated"


def _words(req: Request) -> str:
    return " ".join([req.item.description or "", req.end_use, *req.unmapped_knowledge]).lower()


def _item_fits(req: Request, eccns: list[str]) -> bool:
    if not eccns:
        return True
    if not req.item.eccn:
        return False
    eccn = parse_eccn(req.item.eccn)
    return ("EAR99" in eccns and eccn.is_ear99) or eccn.base in eccns


def _barred(ctx: Ctx, f: Findings, symbol: str, dest: str) -> bool:
    section = ctx.find(f"part746.{dest}")
    listed = section is not None and symbol in section.get("exceptions_listed", [])
    own = ctx.cite(f"part746.{dest}") if listed else None
    for x in f.exceptions:
        if x.status is not LeStatus.BARRED:
            continue
        if x.symbol in (symbol, ALL) or (x.symbol == ALL_OTHERS and x.citation != own):
            return True
    return False


def questions(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo],
              f: Findings) -> None:
    if not any(b.overcome_by is None for b in f.bases):
        return  # nothing an exception would overcome (the rule is not read: no trace entry)
    words = _words(req)
    if not words.strip():
        return
    entries = ctx.find(KEY)
    if not entries:
        return
    ctx.cite(KEY)  # (traced: the record names the rule read)
    for entry in entries:
        if entry.get("destinations") and dest not in entry["destinations"]:
            continue
        said = next((w for w in entry["words"] if re.search(rf"\b{re.escape(w)}", words)), None)
        if said is None or not _item_fits(req, entry.get("eccns", [])) or _barred(ctx, f, entry["symbol"], dest):
            continue
        f.questions.append(Question(
            f"licence exception {entry['symbol']} ({entry['section']}: {entry['title']}) may authorise this order "
            f"(the order says '{said}'); Clearance does not evaluate its terms ({entry['terms']}): check them, or "
            "apply for a licence", fact="to_confirm"))
