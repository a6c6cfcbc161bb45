"""Resolve each party's listings on the day: given listings, dated Entity List data, or the snapshot."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from clearance.errors import CannotClear
from clearance.model.determination import Party
from clearance.rules.context import Ctx
from clearance.rules.listings import ListingEntry, Listings, name_keys, party_index

KNOWN_LISTINGS = {"entity_list", "entity_list_fn1", "unverified_list", "meu_list"}


@dataclass(frozen=True, slots=True)
class PartyInfo:
    party: Party
    el_group: str | None = None  # "huawei": dated group terms apply
    el_entry: ListingEntry | None = None  # other Entity List entry (current terms from the snapshot)
    on_el: bool = False
    fn1: bool = False  # footnote-1 entity on the day
    uvl: bool = False
    meu: bool = False
    source: str = ""
    lists: Listings | None = None  # the snapshot used (owners of affiliates are looked up there too)

    def signature(self) -> tuple[object, ...]:
        """What the determination depends on: the name only where it can appear in the answer."""
        named = self.on_el or self.source.startswith(("not yet listed", "el.")) or bool(self.party.ownership)
        return (self.party.role, self.el_group, self.el_entry, self.on_el, self.fn1, self.uvl, self.meu,
                self.source, self.party if named else None, self.party.listings)


def dated_party(ctx: Ctx, name: str) -> tuple[str, dict[str, Any] | None] | None:
    """(rule key, value on the day or None) when the name is in the dated Entity List party data."""
    index = party_index(ctx.rules)
    key = next((index[k] for k in name_keys(name) if k in index), None)
    if key is None:
        return None
    return key, ctx.find(key)


def _fn1(ctx: Ctx, group: str | None) -> bool:
    if group is None:
        return False
    return 1 in ctx.get(f"el.group.{group}.footnotes")


def _trace_first(ctx: Ctx, key: str) -> str:
    param = ctx.rules.parameters[key]
    ctx.trace.setdefault(key, param.consulted(param.values[0]))
    return param.values[0].start.isoformat()


def _check_not_listed(ctx: Ctx, party: Party) -> None:
    """Given as not on the Entity List: the dated data must agree (else fail closed)."""
    dated = dated_party(ctx, party.name)
    if dated is None:
        return
    key, value = dated
    if value is not None:
        raise CannotClear(
            f"party {party.name!r} is given as not on the Entity List, but {key} lists it on "
            f"{ctx.day.isoformat()} ({ctx.cite(key)})"
        )
    _trace_first(ctx, key)


def resolve(ctx: Ctx, party: Party, lists: Listings | None) -> PartyInfo:
    listings = party.listings
    if listings is not None:
        unknown = [code for code in listings if code not in KNOWN_LISTINGS]
        if unknown:
            raise CannotClear(f"party {party.name!r}: listing(s) {', '.join(unknown)} are not modelled")
        on_el = "entity_list" in listings or "entity_list_fn1" in listings
        if not on_el:
            _check_not_listed(ctx, party)
        group: str | None = None
        entry: ListingEntry | None = None
        if on_el:
            dated = dated_party(ctx, party.name)
            if dated is not None or "entity_list_fn1" in listings:
                group = str(dated[1]["group"]) if dated and dated[1] else "huawei"
                if dated is not None and dated[1] is None:
                    # listed according to the caller, but our dated data says: not yet listed -> ask
                    ctx.get(dated[0])
            elif lists is not None:
                lists.check_fresh(ctx.day)
                found = [e for e in lists.lookup(party.name) if e.list_code == "el"]
                entry = found[0] if found else None
            if group is None and entry is None:
                raise CannotClear(
                    f"party {party.name!r} is on the Entity List but its entry's licence requirement and "
                    "policy are not known (load the lists or give the entry)"
                )
        fn1 = "entity_list_fn1" in listings or _fn1(ctx, group)
        if "entity_list_fn1" in listings and group is not None and not _fn1(ctx, group):
            fn1 = False  # footnote 1 did not exist yet on the day (added 2020-05-15)
        return PartyInfo(
            party, group, entry, on_el, fn1, "unverified_list" in listings, "meu_list" in listings, "given", lists
        )
    dated = dated_party(ctx, party.name)
    source = lists.label if lists is not None else ""
    if dated is not None:
        key, value = dated
        if value is not None:
            group = str(value["group"])
            return PartyInfo(party, group, None, True, _fn1(ctx, group), source=key, lists=lists)
        # Not yet on the Entity List by the dated data; the other lists (and a listing the dated data
        # does not know of) still need the screening: fall through.
        source = f"not yet listed ({key} from {_trace_first(ctx, key)}); {source}"
    if lists is None:
        raise CannotClear(f"party {party.name!r} not screened: give its listings or a listings snapshot")
    lists.check_fresh(ctx.day)
    hits = lists.lookup(party.name)
    el = [e for e in hits if e.list_code == "el"]
    if el and not (el[0].license_requirement and el[0].license_policy):
        raise CannotClear(f"party {party.name!r}: Entity List entry without licence requirement/policy")
    return PartyInfo(
        party,
        None,
        el[0] if el else None,
        bool(el),
        bool(el and 1 in el[0].footnotes),
        any(e.list_code == "uvl" for e in hits),
        any(e.list_code == "meu" for e in hits),
        source,
        lists,
    )
