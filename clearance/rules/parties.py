"""Resolve each party's listings on the day: given listings, dated Entity List data, or the listings snapshot.

The result, :class:`PartyInfo`, is everything the rules may read about a party, and nothing else: a party
found on no list the engine applies keeps no name (no rule can print or test it), so two orders that differ
only in an unlisted customer's name share one cached answer, while every field a rule can read (role,
country, each listing, the owners and what they resolve to) is part of the cache key by construction.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any

from clearance.errors import CannotClear
from clearance.model.determination import Owner, Party, Role
from clearance.model.regulation import MissingFact, RuleGap
from clearance.rules.chart import destination
from clearance.rules.context import INDEXED_RULES, Ctx, constructor
from clearance.rules.end_user_names import Signals, government_words, name_signals, region_places, us_person_words
from clearance.rules.listings import ListingEntry, Listings, name_keys, party_index
from clearance.rules.place_words import country_places

KNOWN_LISTINGS = {
    "entity_list", "entity_list_fn1", "entity_list_fn3", "entity_list_fn4", "entity_list_fn5", "unverified_list",
    "meu_list", "denied_persons", "military_intelligence_end_user",
}
SDN_PREFIX = "sdn:"  # "sdn:SDGT": on OFAC's SDN List with that program identifier (§ 744.8)
FOOTNOTE_LISTINGS = {"entity_list_fn3": 3, "entity_list_fn4": 4, "entity_list_fn5": 5}
NEAR_CERTAIN = 0.95  # a fuzzy match at least this strong is taken as the listed party itself


def below_bar(score: float | None) -> str:
    """A score below NEAR_CERTAIN as text: two decimals, or four where two would round up to the bar itself
    (adversarial round 13: "score 0.95 (below 0.95)" for a 0.9499 hid why the match was not near-certain)."""
    if score is None:
        return "unknown"
    return f"{score:.2f}" if round(score, 2) < NEAR_CERTAIN else f"{score:.4f}"
OFAC_LISTS = frozenset({"sdn"})  # the owners OFAC's 50 % rule adds up
OWNER_LISTS = frozenset({"el", "meu", "sdn"})  # the owners that restrict a party they own (OwnerInfo.restricted)


@dataclass(frozen=True, slots=True)
class OwnerInfo:
    """An owner of a party (affiliates rule), resolved like a party: its Entity List group or entry, if any."""

    name: str
    pct: Fraction
    group: str | None = None  # dated Entity List group (e.g. "huawei")
    dated_key: str | None = None  # the el.party.* rule naming it (listed or not yet listed)
    entry: ListingEntry | None = None  # an Entity List entry found by screening
    problem: str | None = None  # why it could not be resolved (fails closed when the rule is in force)
    problem_lists: tuple[str, ...] = ()  # the lists ``problem`` concerns (a possible match there); empty: any list
    sdn: tuple[str, ...] = ()  # SDN List program identifiers of the owner (a blocked person)
    meu: bool = False  # the owner is on the MEU List
    via: str | None = None  # an unlisted owner restricted through its own owners (an ownership chain): how

    @property
    def label(self) -> str:
        return f"{self.name} ({self.via})" if self.via else self.name

    def undecided_on(self, lists: frozenset[str]) -> bool:
        """Whether the owner may be on one of ``lists`` without that being decided: its screening could not be
        decided on one of them, or could not be done (an owner's possible match on the Denied Persons List says
        nothing of the SDN List: adversarial R9-43)."""
        return self.problem is not None and (not self.problem_lists or not lists.isdisjoint(self.problem_lists))

    @property
    def restricted(self) -> bool:
        """On (or, through its owners, treated as on) the Entity List, the MEU List or the SDN List."""
        return self.group is not None or self.entry is not None or self.meu or bool(self.sdn)


@dataclass(frozen=True, slots=True)
class PartyInfo:
    role: Role
    country: str | None
    name: str | None  # None: on no list the engine applies, so no rule reads the name
    el_group: str | None = None  # "huawei": dated group terms apply
    el_entry: ListingEntry | None = None  # other Entity List entry (terms from the list snapshot)
    on_el: bool = False
    fn1: bool = False  # footnote-1 entity on the day
    uvl: bool = False
    meu: bool = False
    dpl: ListingEntry | None = None  # Denied Persons List entry
    el_footnotes: tuple[int, ...] = ()  # Entity List FDP footnotes 3, 4, 5 given for the party
    sdn: tuple[str, ...] = ()  # SDN List program identifiers (OFAC-blocked party)
    mieu_org: str | None = None  # the § 744.22(f)(2) paragraph naming the party (military-intelligence end user)
    mieu_country: str | None = None  # the country (f)(2) names it under
    source: str = ""
    owners: tuple[OwnerInfo, ...] = ()
    given: tuple[str, ...] | None = None  # the listings the order gave
    name_signals: Signals = ()  # words of the name denoting a military (-intelligence) end user (rule key, word)
    sdn_owned: str | None = None  # blocked under OFAC's 50 % rule: the SDN owners and their shares
    places: tuple[str, ...] = ()  # places of Crimea / the covered regions of Ukraine the name names (§ 746.6)
    government: tuple[str, ...] = ()  # words of the name denoting a 'government end user' (ENC, § 740.17(b)(2))
    us_person: tuple[str, ...] = ()  # words of the name showing a 'U.S. person' (§ 772.1; rule 744.6.us_person_signals)
    embargo_places: tuple[tuple[str, str], ...] = ()  # (country, word): Part 746 places the name or address names

    @property
    def label(self) -> str:
        return self.name or f"unlisted {self.role.value}"


_party_info = constructor(PartyInfo)  # PartyInfo(...), faster (clearance.rules.context)


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


MAX_CHAIN = 8  # levels of an ownership chain the order may state


def _owners(ctx: Ctx, party: Party, lists: Listings | None) -> tuple[OwnerInfo, ...]:
    return tuple(_owner(ctx, owner, party.name, lists, (party.name,)) for owner in party.ownership)


def _owner(ctx: Ctx, owner: Owner, of: str, lists: Listings | None, path: tuple[str, ...]) -> OwnerInfo:
    """An owner resolved like a party; an owner the order gives its own owners for (an ownership chain) and that is
    on no list itself is restricted when they own it 50 % or more (Supp. No. 8 to Part 744 (b): "directly or
    indirectly ... or by one or more entities subject to restrictions based upon ownership"; OFAC's 50 % rule)."""
    info = _owner_itself(ctx, owner, of, lists)
    if not owner.owners or info.restricted:
        return info
    if len(path) > MAX_CHAIN:
        return replace(info, problem=f"the ownership chain of {of!r} is deeper than {MAX_CHAIN} levels at "
                                     f"{owner.name!r}: not evaluated")
    subs = tuple(_owner(ctx, o, owner.name, lists, (*path, owner.name)) for o in owner.owners)
    return _through(ctx, info, subs)


def _share(owners: list[OwnerInfo]) -> Fraction:
    return sum((o.pct for o in owners), start=Fraction(0))


def _who(owners: list[OwnerInfo]) -> str:
    return ", ".join(f"{o.pct} % {o.label}" for o in owners)


def _through(ctx: Ctx, info: OwnerInfo, subs: tuple[OwnerInfo, ...]) -> OwnerInfo:
    """``info`` (on no list itself) with the restrictions its own owners give it: blocked when blocked persons own
    50 % or more of it (OFAC, any day); on the Entity List / MEU List (the most restrictive of its owners') when
    listed or ownership-restricted owners own 50 % or more of it and the affiliates rule is in force on the day."""
    unknown = [o for o in subs if o.undecided_on(OWNER_LISTS) and not o.restricted]
    blocked = [o for o in subs if o.sdn]
    ofac = ctx.get("ofac.blocked_ownership")["threshold_pct"]
    found: dict[str, Any] = {}
    via: list[str] = []
    if blocked and _share(blocked) >= ofac:
        found["sdn"] = tuple(dict.fromkeys(t for o in blocked for t in o.sdn))
        via.append(f"itself {_share(blocked)} % owned by blocked {_who(blocked)}")
    rule = ctx.get("el.affiliates")
    listed = [o for o in subs if o.restricted]
    ear = bool(rule["in_force"]) and bool(listed) and _share(listed) >= rule["threshold_pct"]
    if ear:
        el = [o for o in listed if o.group is not None or o.entry is not None]
        found["group"] = next((o.group for o in el if o.group is not None), None)
        found["entry"] = next((o.entry for o in el if o.group is None and o.entry is not None), None)
        found["meu"] = any(o.meu for o in listed)
        if not via or _share(listed) != _share(blocked):
            via.append(f"itself {_share(listed)} % owned by listed {_who(listed)}")
    if found:
        return replace(info, via="; ".join(via), **found)
    threshold = min(ofac, rule["threshold_pct"]) if rule["in_force"] else ofac
    if unknown and _share(listed) + _share(unknown) >= threshold:
        return replace(info, problem=f"owner {info.name!r} may be restricted through its own owners: "
                                     + "; ".join(str(o.problem) for o in unknown))
    return info


def _owner_itself(ctx: Ctx, owner: Owner, of: str, lists: Listings | None) -> OwnerInfo:
    dated = dated_party(ctx, owner.name)
    if dated is not None:
        group = str(dated[1]["group"]) if dated[1] else None
        return OwnerInfo(owner.name, owner.pct, group, dated[0])
    if lists is None:
        return OwnerInfo(owner.name, owner.pct, problem=f"owner {owner.name!r} of {of!r} not screened")
    undecided: CannotClear | None = None
    try:
        _check_fresh(ctx, lists)
        hits = lists.lookup(owner.name)
    except CannotClear as exc:
        if not exc.lists:  # (not screened at all)
            return OwnerInfo(owner.name, owner.pct, problem=exc.reason)
        # a possible match on some lists: what is near-certain on the others still counts (adversarial R9-42: the
        # owner's Entity List HIT beside a possible match of an unrelated Denied Persons List name)
        undecided, hits = exc, tuple(e for e in exc.found if isinstance(e, ListingEntry))
    el = [e for e in hits if e.list_code == "el"]
    sdn_hits = [e for e in hits if e.list_code == "sdn"]
    weak = [e for e in sdn_hits if e.match_score is not None and e.match_score < NEAR_CERTAIN]
    problem = (f"owner {owner.name!r} of {of!r} matches SDN entry {weak[0].entry_id} {weak[0].name!r} "
               f"with score {below_bar(weak[0].match_score)} (below {NEAR_CERTAIN}): confirm whether it is the blocked "
               "person") if weak else None
    tags = tuple(dict.fromkeys(t for e in sdn_hits for t in (e.programs or ("SDN",))))
    if undecided is not None:
        problem = "; ".join(p for p in (undecided.reason, problem) if p)
    lists_of = (*(undecided.lists if undecided else ()), *(("sdn",) if weak else ()))
    return OwnerInfo(owner.name, owner.pct, entry=el[0] if el else None, problem=problem,
                     problem_lists=tuple(dict.fromkeys(lists_of)), sdn=tags,
                     meu=any(e.list_code == "meu" for e in hits))


def sdn_owned(ctx: Ctx, party: Party, owners: tuple[OwnerInfo, ...]) -> str | None:
    """OFAC's 50 % rule: the SDN owners' shares add up; None below the threshold. An owner that could not be
    screened counts as possibly blocked: if it could carry the total over the threshold, MissingFact."""
    blocked = [o for o in owners if o.sdn]
    unknown = [o for o in owners if o.undecided_on(OFAC_LISTS) and not o.sdn]
    if not blocked and not unknown:
        return None
    rule = ctx.get("ofac.blocked_ownership")
    total = sum((o.pct for o in blocked), start=Fraction(0))
    if total >= rule["threshold_pct"]:
        return ", ".join(f"{o.pct} % {o.label} [{', '.join(o.sdn)}]" for o in blocked)
    if unknown and total + sum((o.pct for o in unknown), start=Fraction(0)) >= rule["threshold_pct"]:
        cite = ctx.cite("ofac.blocked_ownership")
        # (the owner's screening could not decide it on some list: said as such -- OFAC's rule concerns SDN owners,
        # and a possible match on another list is only why the owner is not known to be clear; adversarial R9-42)
        raise MissingFact(f"{party.name!r} may be blocked under OFAC's 50 % rule ({cite}) if an owner whose "
                          "screening could not be decided is an SDN-listed person: "
                          + "; ".join(str(o.problem) for o in unknown), fact="parties.ownership")
    return None


def _info(party: Party, named: bool, el_group: str | None = None, el_entry: ListingEntry | None = None,
          on_el: bool = False, fn1: bool = False, uvl: bool = False, meu: bool = False,
          dpl: ListingEntry | None = None, source: str = "", owners: tuple[OwnerInfo, ...] = (),
          ctx: Ctx | None = None, el_footnotes: tuple[int, ...] = (), sdn: tuple[str, ...] = (),
          mieu: tuple[str, str] | None = None) -> PartyInfo:
    """The party's view; its name only when it is on a list the engine applies (or named by the rule data)."""
    org = mieu or (mieu_organisation(ctx, party.name) if ctx is not None else None)
    signals = name_signals(ctx, party.name) if ctx is not None else ()
    places = region_places(ctx, party.name) if ctx is not None else ()
    government = government_words(ctx, party.name) if ctx is not None else ()
    us_person = us_person_words(ctx, party.name) if ctx is not None else ()
    embargo = country_places(ctx, party.name, party.country or None) if ctx is not None else ()
    owned = sdn_owned(ctx, party, owners) if ctx is not None and owners else None
    listed = named or on_el or uvl or meu or el_group is not None or el_entry is not None or dpl is not None \
        or bool(owners) or bool(sdn) or org is not None or bool(signals) or bool(places) or bool(government) \
        or bool(us_person) or bool(embargo)
    # the party's country as the rules read it: Hong Kong is China from 2020-12-23 (the destination rows' mapping)
    country = destination(ctx, party.country) if ctx is not None and party.country else party.country
    return _party_info(party.role, country, party.name if listed else None, el_group, el_entry, on_el, fn1, uvl,
                       meu, dpl, el_footnotes, sdn, org[0] if org else None, org[1] if org else None, source, owners,
                       party.listings, signals, owned, places, government, us_person, embargo)


def _org_index(value: dict[str, Any] | None) -> dict[str, tuple[str, str]]:
    index: dict[str, tuple[str, str]] = {}
    for org in value["organisations"] if value else ():
        for listed in org["names"]:
            abbrev = listed.rsplit("(", 1)[1].rstrip(")") if "(" in listed else None
            for key in (*name_keys(listed), *(name_keys(abbrev) if abbrev else ())):
                index.setdefault(key, (str(org["paragraph"]), str(org["country"])))
    return index


def _organisations_index(ctx: Ctx) -> dict[str, tuple[str, str]]:
    return _org_index(ctx.find("744.22.organisations"))


ORGANISATIONS = "744.22.organisations"
INDEXED_RULES[ORGANISATIONS] = _org_index  # (a party depends on the entries of its name keys only: see Ctx._boundaries)


def mieu_organisation(ctx: Ctx, name: str) -> tuple[str, str] | None:
    """(paragraph, country) when ``name`` is an organisation § 744.22(f)(2) names on the day (the rule enters
    the trace only when it names the party). The result is read from the index's entries of the name's keys only,
    so the computation depends on those entries (Ctx.depend_on_entries), not on the whole rule: a change of
    another organisation's entry does not make every party's resolution be computed again."""
    # (the index's own dependency, the whole rule, is not the caller's)
    index = ctx.untracked(ctx.memo, "744.22.organisations index", _organisations_index, ctx, replay=False)
    keys = name_keys(name)
    ctx.depend_on_entries(ORGANISATIONS, keys)
    found = next((index[k] for k in keys if k in index), None)
    if found is not None:
        ctx.get(ORGANISATIONS)  # (the rule enters the trace only when it names the party)
    return found


def _check_fresh(ctx: Ctx, lists: Listings) -> None:
    """The snapshot's age check; it reads the day (for the cache) only when the snapshot has an age limit."""
    if lists.data_date is not None and lists.max_age_days is not None:
        lists.check_fresh(ctx.day)


# The lists that bind whoever exports (the EXPORTER role): a denial order and OFAC blocking
ACTING_LISTS = frozenset({"dpl", "sdn"})
_EXPORTER = Role.EXPORTER  # (an enum class's attribute is read through its metaclass's __getattr__ hook: once here)


def _exporter(ctx: Ctx, party: Party, lists: Listings | None) -> PartyInfo:
    """The exporter (reexporter, transferor): a denial order takes away its export privileges (§ 736.2(b)(4)) and an
    OFAC block forbids its dealings; the Entity List, MEU, UVL and end-use rules concern the parties that receive the
    item (§ 748.5(c)-(f)), so only the Denied Persons and SDN Lists are read for it."""
    if party.listings is not None:
        unknown = [c for c in party.listings if c not in KNOWN_LISTINGS and not c.startswith(SDN_PREFIX)]
        if unknown:
            raise RuleGap(f"exporter {party.name!r}: listing(s) {', '.join(unknown)} are not modelled "
                          f"(modelled: {', '.join(sorted(KNOWN_LISTINGS))})")
        sdn = tuple(code.removeprefix(SDN_PREFIX) for code in party.listings if code.startswith(SDN_PREFIX))
        dpl = ListingEntry("dpl", party.name) if "denied_persons" in party.listings else None
        us = us_person_words(ctx, party.name)  # (§ 744.6: whether the exporter is a U.S. person, rule data)
        return PartyInfo(party.role, party.country, party.name if dpl or sdn or us else None, dpl=dpl, sdn=sdn,
                         source="given", given=party.listings, us_person=us)
    if lists is None:
        raise MissingFact(f"exporter {party.name!r} not screened (Denied Persons and SDN Lists): give its listings "
                          "or a listings snapshot", fact="parties.listings")
    _check_fresh(ctx, lists)
    hits = [e for e in lists.lookup(party.name) if e.list_code in ACTING_LISTS]
    sdn_hits = [e for e in hits if e.list_code == "sdn"]
    strong = [e for e in sdn_hits if e.match_score is None or e.match_score >= NEAR_CERTAIN]
    if sdn_hits and not strong:
        e = sdn_hits[0]
        raise MissingFact(f"exporter {party.name!r} matches SDN entry {e.entry_id} {e.name!r} with score "
                          f"{below_bar(e.match_score)} (below {NEAR_CERTAIN}): confirm whether it is the blocked party "
                          "and give its listings (sdn:<TAG>) or none", fact="parties.listings")
    sdn = tuple(dict.fromkeys(t for e in strong for t in (e.programs or ("SDN",))))
    dpl = next((e for e in hits if e.list_code == "dpl"), None)
    us = us_person_words(ctx, party.name)
    return PartyInfo(party.role, party.country, party.name if dpl or sdn or us else None, dpl=dpl, sdn=sdn,
                     source=lists.label, us_person=us)


def resolve(ctx: Ctx, party: Party, lists: Listings | None) -> PartyInfo:
    """What the rules may know of ``party`` on the day: a function of the party, the listings snapshot (by
    identity) and the rules, so the engine memoises it."""
    if party.role is _EXPORTER:
        return _exporter(ctx, party, lists)
    listings = party.listings
    owners = _owners(ctx, party, lists) if party.ownership else ()
    if listings is not None:
        unknown = [code for code in listings if code not in KNOWN_LISTINGS and not code.startswith(SDN_PREFIX)]
        if unknown:
            raise RuleGap(f"party {party.name!r}: listing(s) {', '.join(unknown)} are not modelled "
                          f"(modelled: {', '.join(sorted(KNOWN_LISTINGS))})")
        footnotes = tuple(sorted(n for code, n in FOOTNOTE_LISTINGS.items() if code in listings))
        sdn = tuple(code.removeprefix(SDN_PREFIX) for code in listings if code.startswith(SDN_PREFIX))
        on_el = "entity_list" in listings or "entity_list_fn1" in listings or bool(footnotes)
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
                _check_fresh(ctx, lists)
                found = [e for e in lists.lookup(party.name) if e.list_code == "el"]
                entry = found[0] if found else None
            if group is None and entry is None and not footnotes:
                raise MissingFact(
                    f"party {party.name!r} is on the Entity List but its entry's licence requirement and "
                    "policy are not known (load the lists or give the entry)", fact="parties.listings"
                )
        if entry is not None:  # the loaded entry's own FDP footnotes apply to a party given as on the Entity List
            footnotes = tuple(sorted(set(footnotes) | {n for n in entry.footnotes if n in (3, 4, 5)}))
        fn1 = "entity_list_fn1" in listings or _fn1(ctx, group)
        if "entity_list_fn1" in listings and group is not None and not _fn1(ctx, group):
            fn1 = False  # footnote 1 did not exist yet on the day (added 2020-05-15)
        dpl = ListingEntry("dpl", party.name) if "denied_persons" in listings else None
        given_mieu = ("744.22(f)(2) (given as a military-intelligence end user)", party.country or "XX") \
            if "military_intelligence_end_user" in listings else None
        return _info(party, False, ctx=ctx, el_group=group, el_entry=entry, on_el=on_el, fn1=fn1,
                     uvl="unverified_list" in listings, meu="meu_list" in listings, dpl=dpl, source="given",
                     owners=owners, el_footnotes=footnotes, sdn=sdn, mieu=given_mieu)
    dated = dated_party(ctx, party.name)
    source = lists.label if lists is not None else ""
    named = False
    if dated is not None:
        key, value = dated
        if value is not None:
            group = str(value["group"])
            return _info(party, True, ctx=ctx, el_group=group, on_el=True, fn1=_fn1(ctx, group), source=key,
                         owners=owners)
        # Not yet on the Entity List by the dated data; the other lists (and a listing the dated data
        # does not know of) still need the screening: fall through.
        source = f"not yet listed ({key} from {_trace_first(ctx, key)}); {source}"
        named = True
    if lists is None:
        raise MissingFact(f"party {party.name!r} not screened: give its listings or a listings snapshot",
                          fact="parties.listings")
    _check_fresh(ctx, lists)
    hits = lists.lookup(party.name)
    el = [e for e in hits if e.list_code == "el"]
    if el and not (el[0].license_requirement and el[0].license_policy):
        raise RuleGap(f"party {party.name!r}: Entity List entry without licence requirement/policy")
    dpl_hits = [e for e in hits if e.list_code == "dpl"]
    sdn_hits = [e for e in hits if e.list_code == "sdn"]
    weak = [e for e in sdn_hits if e.match_score is not None and e.match_score < NEAR_CERTAIN]
    strong = [e for e in sdn_hits if e not in weak]
    sdn_hits = strong or sdn_hits  # a near-certain match blocks the party: weaker ones change nothing
    if weak and not strong:  # an OFAC block is never applied, nor cleared, on a match that is not near-certain
        e = weak[0]
        raise MissingFact(f"party {party.name!r} matches SDN entry {e.entry_id} {e.name!r} with score "
                          f"{below_bar(e.match_score)} (below {NEAR_CERTAIN}): confirm whether it is the blocked party "
                          "and give its listings (sdn:<TAG>) or none", fact="parties.listings")
    sdn = tuple(dict.fromkeys(t for e in sdn_hits for t in (e.programs or ("SDN",))))
    fns = tuple(n for n in (3, 4, 5) if el and n in el[0].footnotes)
    return _info(party, named, ctx=ctx, el_entry=el[0] if el else None, on_el=bool(el),
                 fn1=bool(el and 1 in el[0].footnotes), el_footnotes=fns,
                 uvl=any(e.list_code == "uvl" for e in hits), meu=any(e.list_code == "meu" for e in hits),
                 dpl=dpl_hits[0] if dpl_hits else None, source=source, owners=owners, sdn=sdn,
                 mieu=_mieu_entry(ctx, party, [e for e in hits if e.list_code == "mieu"]))


def _mieu_entry(ctx: Ctx, party: Party, hits: list[ListingEntry]) -> tuple[str, str] | None:
    """(paragraph, country) of the § 744.22(f)(2) organisation a screened MIEU-list entry is: the rule data's
    paragraph when it names the entry, else the list entry itself (the list transcribes (f)(2))."""
    if not hits:
        return None
    e = hits[0]
    if e.match_score is not None and e.match_score < NEAR_CERTAIN:
        raise MissingFact(f"party {party.name!r} matches the military-intelligence end user {e.name!r} (MIEU list, "
                          f"§ 744.22(f)(2)) with score {below_bar(e.match_score)} (below {NEAR_CERTAIN}): confirm "
                          "whether it is that organisation (state military_intelligence_end_use or "
                          "not_military_intelligence_end_user)", fact="facts.military_intelligence_end_use")
    found = mieu_organisation(ctx, e.name)
    return found or (f"744.22(f)(2) (MIEU list entry {e.name!r})", party.country or "XX")
