"""determine(request, rules, lists) -> Determination: a pure function of its inputs.

Decision order (ear-spec.md § 1.3): destination -> parties -> subject to the EAR (origin, de minimis,
FDP) -> licence bases (chart, Entity List, affiliates, end use, § 744.23, Part 746) -> licence exceptions
-> licence state -> review policy -> outcome. Anything the engine cannot establish becomes CANNOT_CLEAR with the reason;
it never answers NO_LICENCE_REQUIRED by default.
"""

from __future__ import annotations

import dataclasses
import operator

from clearance.errors import CannotClear
from clearance.model.determination import Basis, Determination, Outcome, Request, Transaction
from clearance.model.regulation import RuleSet
from clearance.rules import embargo, licensing, supercomputer
from clearance.rules.chart import UNSPECIFIED, destination
from clearance.rules.context import Ctx
from clearance.rules.jurisdiction import Jurisdiction, jurisdiction
from clearance.rules.listings import Listings
from clearance.rules.parties import PartyInfo, resolve

_MEMO_LIMIT = 500_000
_CACHED = operator.attrgetter(*[f.name for f in dataclasses.fields(Determination)][2:])  # not id, as_of


def determine(request: Request, rules: RuleSet, lists: Listings | None = None) -> Determination:
    """The EAR determination for ``request`` on ``request.date`` under ``rules`` (and ``lists``).

    Pure: the answer depends only on the arguments. Equal questions within one epoch of the rule data
    (same rules in force) share one cached answer; parties enter the cache key through what their
    screening found (an unlisted party's name never changes the answer).
    """
    ctx = Ctx(rules, request.date)
    try:
        parties = [resolve(ctx, p, lists) for p in request.parties]
    except CannotClear as exc:
        return _cannot(ctx, request, [exc.reason])
    key = None
    # Owners are looked up while deciding (affiliates rule): their screening is not in the party
    # signatures, so an order naming owners is never answered from, or stored in, the cache.
    if not request.licences and not any(p.ownership for p in request.parties):
        key = ("det", ctx.epoch, request.item, request.to_country, request.from_country, request.transaction,
               tuple(p.signature() for p in parties), request.facts)
        hit = rules._memo.get(key)
        if hit is not None:
            return Determination(request.id, request.date, *hit)
    try:
        result = _determine(ctx, request, parties)
    except CannotClear as exc:
        result = _cannot(ctx, request, [exc.reason])
    if key is not None:
        if len(rules._memo) > _MEMO_LIMIT:
            rules._memo.clear()
        rules._memo[key] = _CACHED(result)
    return result


def _cannot(ctx: Ctx, req: Request, reasons: list[str], juris: Jurisdiction | None = None,
            f: licensing.Findings | None = None) -> Determination:
    return Determination(
        request_id=req.id,
        as_of=req.date,
        outcome=Outcome.CANNOT_CLEAR,
        subject_to_ear=juris.subject if juris else None,
        subject_basis=tuple(juris.basis) if juris else (),
        license_required=None,
        bases=tuple(f.bases) if f else (),
        review_policy=licensing.overall_policy(ctx, f.bases) if f and f.bases else "n/a",
        exceptions_available=tuple(f.available) if f else (),
        exceptions_barred=tuple(dict.fromkeys(f.barred)) if f else (),
        excluded=tuple(f.excluded) if f else (),
        obligations=tuple(dict.fromkeys(f.obligations)) if f else (),
        reasons=tuple(reasons),
        trace=tuple(ctx.trace.values()),
        rules_version=ctx.rules.version,
        notes=tuple((juris.notes if juris else []) + (f.notes if f else [])),
    )


def _licences(req: Request, bases: list[Basis]) -> list[Basis]:
    out: list[Basis] = []
    for b in bases:
        if b.overcome_by is None:
            for lic in req.licences:
                if lic.covers and b.code not in lic.covers:
                    continue
                if lic.valid_on(req.date):
                    b = dataclasses.replace(b, overcome_by=f"licence {lic.licence_id} (valid on {req.date})")
                    break
                if lic.revoked is not None and req.date >= lic.revoked:
                    was = f"licence {lic.licence_id} (revoked {lic.revoked})"
                    b = dataclasses.replace(b, previously_covered_by=was)
        out.append(b)
    return out


def _determine(ctx: Ctx, req: Request, parties: list[PartyInfo]) -> Determination:
    if req.to_country == "US":
        raise CannotClear("the destination is the United States: the EAR's Country Chart has no row for it; "
                          "give the foreign destination (a shipment within the US is not an export)")
    if req.to_country == UNSPECIFIED and req.transaction is not Transaction.RELEASE:
        raise CannotClear("the destination is not a single country: only a release of technology or software "
                          "(e.g. at a multilateral meeting) can be decided without one; give the destination")
    dest = destination(ctx, req.to_country) if req.to_country != UNSPECIFIED else UNSPECIFIED
    juris = jurisdiction(ctx, req, dest, parties)
    if juris.subject is None:
        return _cannot(ctx, req, [f"missing fact: {u}" for u in juris.unknown], juris)
    if juris.subject is False:
        return Determination(
            req.id, req.date, Outcome.NOT_SUBJECT, False, tuple(juris.basis), False, (), "n/a", (), (), (), (),
            (), tuple(ctx.trace.values()), ctx.rules.version, tuple(juris.notes),
        )
    f = licensing.Findings()
    licensing.chart(ctx, req, dest, juris, f)
    licensing.entity_list(ctx, req, parties, juris, f)
    licensing.affiliates(ctx, req, parties, f)
    licensing.end_use(ctx, req, dest, parties, f)
    supercomputer.end_use(ctx, req, dest, parties, f)
    embargo.part746(ctx, req, dest, f)
    if dest == UNSPECIFIED:
        f.notes.append("destination not a single country: Part 746 embargoes were not checked")
    # licence exceptions that overcome every basis they cover
    bases: list[Basis] = []
    blanket_bar = any(b.startswith("all") for b in f.barred)
    for b in f.bases:
        if b.overcome_by is None and not blanket_bar:
            for sym, codes in f.covers.items():
                if b.code in codes and b.indeterminate is None:
                    b = dataclasses.replace(b, overcome_by=f"License Exception {sym}")
                    break
        bases.append(b)
    bases = _licences(req, bases)
    f.bases = bases
    open_ = [b for b in bases if b.overcome_by is None]
    unsure = [b for b in open_ if b.indeterminate]
    if unsure or (open_ and f.le_unknown):
        reasons = [f"{b.code}: {b.indeterminate}" for b in unsure] + f.le_unknown
        return _cannot(ctx, req, reasons, juris, f)
    held = [b for b in bases if b.overcome_by and b.overcome_by.startswith("licence")]
    by_le = [b for b in bases if b.overcome_by and b.overcome_by.startswith("License Exception")]
    if open_ or held:
        outcome, required = Outcome.LICENCE_REQUIRED, True
    elif by_le:
        outcome, required = Outcome.LICENCE_EXCEPTION, False
    else:
        outcome, required = Outcome.NO_LICENCE_REQUIRED, False
    notes = juris.notes + f.notes + [f"held: {b.overcome_by} covers {b.code}" for b in held]
    return Determination(
        request_id=req.id,
        as_of=req.date,
        outcome=outcome,
        subject_to_ear=True,
        subject_basis=tuple(juris.basis),
        license_required=required,
        bases=tuple(bases),
        review_policy=licensing.overall_policy(ctx, bases) if required else "n/a",
        exceptions_available=tuple(dict.fromkeys(f.available)),
        exceptions_barred=tuple(dict.fromkeys(f.barred)),
        excluded=tuple(f.excluded),
        obligations=tuple(dict.fromkeys(f.obligations)),
        reasons=(),
        trace=tuple(ctx.trace.values()),
        rules_version=ctx.rules.version,
        notes=tuple(notes),
    )
