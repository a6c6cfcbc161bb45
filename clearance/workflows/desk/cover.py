"""Which licences held cover an order line: their terms (destination, ECCNs or paragraphs, every party named),
their dates, and what is left of their quantity and value."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from fractions import Fraction
from typing import Any

from clearance.model.desk import Licence
from clearance.model.determination import LicenceState, Request
from clearance.rules.listings import normalise_name
from clearance.workflows.desk.orders_input import OrderLine


def eccn_covered(eccn: str, licensed: Iterable[str]) -> bool:
    """A line's ECCN is covered by a licence ECCN or paragraph it equals or falls under ("5A992.c" covers
    "5A992.c.1"; "5A992" covers "5A992.c")."""
    e = eccn.strip().upper()
    for x in licensed:
        x = x.strip().upper()
        if e == x or e.startswith(x + "."):
            return True
    return False


def out_of_scope(lic: Licence, req: Request) -> str | None:
    """Why the licence does not authorise this transaction at all (None: its terms cover it)."""
    if lic.destination != req.to_country:
        return f"licence {lic.number} is for {lic.destination}, not {req.to_country}"
    if not req.item.eccn or not eccn_covered(req.item.eccn, lic.eccns):
        return f"licence {lic.number} covers {', '.join(lic.eccns)}, not {req.item.eccn}"
    named = {normalise_name(p) for p in lic.parties}
    missing = [p.name for p in req.parties if normalise_name(p.name) not in named]
    if missing:
        return f"licence {lic.number} does not name {', '.join(repr(m) for m in missing)}"
    return None


def licence_states(licences: Iterable[Licence], line: OrderLine, notes: list[str],
                   drawn: Collection[tuple[str, str, int]] = ()) -> tuple[LicenceState, ...]:
    """The licences to give the engine for a line: those whose terms cover it and that can cover it on its date
    with what is left (a revoked one too, so that the record says which licence covered the basis until when);
    why each other licence in scope cannot is appended to ``notes``. Lines in ``drawn`` drew on a licence
    already (a re-evaluation): their own drawdown is not counted against them."""
    req = line.request
    states: list[LicenceState] = []
    for lic in licences:
        if out_of_scope(lic, req) is not None:
            continue
        why = lic.unusable_on(req.date)
        if why is not None and lic.revoked_on is None:  # not yet valid, or expired: never covers this date
            notes.append(why)
            continue
        if why is None and (lic.number, line.order_id, line.line) not in drawn:
            short = needs(lic, line) or lic.shortfall(line.quantity or Fraction(0), line.value or Fraction(0))
            if short is not None:
                notes.append(short)
                continue
        # a revoked licence is passed on: the record then says which licence covered the basis until when
        states.append(LicenceState(lic.number, lic.valid_from, lic.revoked_on, lic.valid_to))
    return tuple(states)


def needs(lic: Licence, line: OrderLine) -> str | None:
    if lic.quantity_limit is not None and line.quantity is None:
        return f"licence {lic.number} limits the quantity, and the line states none (give 'quantity')"
    if lic.value_limit is not None and line.value is None:
        return f"licence {lic.number} limits the value, and the line states none (give the item's 'value')"
    return None


def state_dict(s: LicenceState) -> dict[str, Any]:
    return {"licence_id": s.licence_id, "granted": s.granted.isoformat(),
            "revoked": s.revoked.isoformat() if s.revoked else None,
            "expires": s.expires.isoformat() if s.expires else None}
