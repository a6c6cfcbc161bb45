"""Part 746 for the countries the item reaches on its way to the parties, not only the route's last stop.

An order whose route ends in Dubai with an end user in Tehran, or in Mongolia through a Russian intermediate
consignee, exports to Iran / through Russia as far as the EAR is concerned: the exporter knows the item goes there
(§ 736.2(b)(6) GP6 embargoed destinations, § 736.2(b)(8) GP8 transit and unlading, § 746.7(a), § 746.8(a) "to or
within"). For each end user, ultimate consignee and intermediate consignee located in another country that has a
Part 746 section, that section is applied as for the destination (clearance.rules.embargo.part746) and its basis
says which party and country it is for. The Country Chart is read for the country of ultimate destination
(``chart``, ``route_chart``: § 738.4(a)).
"""

from __future__ import annotations

import dataclasses

from clearance.model.determination import Basis, Fact, Request, Transaction
from clearance.rules import embargo, hts746, licensing
from clearance.rules.chart import UNSPECIFIED, destination, groups
from clearance.rules.context import Ctx
from clearance.rules.end_user_names import region_places
from clearance.rules.findings import Findings, Jurisdiction
from clearance.rules.part744 import END_USER_CODES
from clearance.rules.parties import PartyInfo
from clearance.rules.place_words import country_places

_ON_THE_WAY = frozenset({"end_user", "ultimate_consignee", "intermediate_consignee"})


def part746(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo], f: Findings) -> None:
    seen = {dest}
    for p in parties:
        country = p.country
        if not country or country in seen or country == UNSPECIFIED or p.role not in _ON_THE_WAY:
            continue
        seen.add(country)
        if embargo.section_rule(ctx, country) is None:
            continue
        trial = Findings()
        embargo.part746(ctx, req, country, juris, parties, trial)
        hts746.lookup(ctx, req, country, juris, parties, trial)  # the supplements' HTS codes for that country
        where = (f"{p.role.value.replace('_', ' ')} {p.label} located in {country} (route to {dest}): the item goes "
                 "there (15 CFR 736.2(b)(6), (b)(8))")
        anyway = any(b.indeterminate is None and b.overcome_by is None and b.code in END_USER_CODES for b in f.bases)
        for b in trial.bases:
            if b.indeterminate is not None and anyway:  # an open Part 746 question where a licence is needed anyway
                f.notes.append(f"{b.code}: {b.indeterminate} [{where}; a Part 744 licence is required anyway]")
                continue
            f.bases.append(dataclasses.replace(b, cite=f"{b.cite}; {where}", party=p.label))
        f.exceptions.extend(trial.exceptions)
        f.notes.extend(f"{n} [{where}]" for n in trial.notes)


_ULTIMATE = frozenset({"end_user", "ultimate_consignee"})


def _pointer(ctx: Ctx, country: str) -> bool:
    """Whether the country's Country Chart row only points to Part 746 (Cuba, Iran, North Korea, Syria)."""
    if not ctx.has(f"chart.{country}"):
        return False
    row = ctx.find(f"chart.{country}")
    if row is None:
        if ctx.find(f"destination.{country}") is not None:
            return False  # its own row ended, another row governs it (Hong Kong from 2020-12-23)
        row = ctx.get(f"chart.{country}")  # a gap in the data: raises (fail closed)
    return bool(row.get("embargoed"))


def route_chart(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo],
                f: Findings) -> None:
    """GP1-GP3 (§ 736.2(b)(1)-(3)) with the Country Chart row of the route's last stop -- unless the order shows
    that country is not the country of ultimate destination (§ 738.4(a): the chart is read for the country of
    ultimate destination; ``chart`` below applies that country's row). The route's own row is kept (fail closed)
    when an end user or ultimate consignee is located there or gives no country, when the route's country is a
    transit country of General Prohibition Eight (§ 736.2(b)(8)) or of the Country Groups kept with it (rule
    ``738.4.route_chart``), when it has a Part 746 section (embargo transit), and when a country of ultimate
    destination has no chart row of its own to apply (Cuba, Iran, North Korea, Syria: Part 746)."""
    why = _transit_only(ctx, req, dest, parties)
    if why is not None:
        f.notes.append(why)
        return
    licensing.chart(ctx, req, dest, juris, parties, f)


def _transit_only(ctx: Ctx, req: Request, dest: str, parties: list[PartyInfo]) -> str | None:
    """Why the route's last stop is only a country the item passes through (None: its row applies)."""
    if dest == UNSPECIFIED or not req.item.eccn:
        return None
    ultimate = [p for p in parties if p.role in _ULTIMATE]
    if not ultimate or any(not p.country or p.country in (UNSPECIFIED, "US") or p.country == dest for p in ultimate):
        return None  # (the common case: the ultimate consignee is at the route's last stop)
    countries = {destination(ctx, str(p.country)) for p in ultimate}
    if dest in countries or any(_pointer(ctx, c) for c in countries):
        return None
    if embargo.section_rule(ctx, dest) is not None or _pointer(ctx, dest):
        return None
    rule = ctx.get("738.4.route_chart")
    if dest in rule["transit_countries"] or groups(ctx, dest) & set(rule["keep_groups"]):
        return None
    return (f"Country Chart row of {dest} not applied: the order names the country of ultimate destination "
            f"({', '.join(sorted(countries))}), whose row applies (15 CFR 738.4(a)); {dest} is an intermediate "
            f"stop, not a transit country the EAR charts (rule 738.4.route_chart: § 736.2(b)(8))")


def chart(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo], f: Findings) -> None:
    """§ 738.4(a): the Country Chart is read for the country of ultimate destination. An order whose route ends in
    Malaysia with its ultimate consignee or end user in China ships to China as far as the chart is concerned
    (adversarial round 5, R5-84, R5-94, R5-106): the chart of each such party's country is applied too (the
    route's own row applies only as ``route_chart`` says), each basis coded ``<code>@<country>`` and naming the
    party, with the licence exceptions of that country covering only those bases. Countries whose row only points
    to Part 746 (Cuba, Iran, North Korea, Syria) are left to ``part746``; Russia, Belarus and Ukraine have rows of
    their own besides their Part 746 sections, and those rows apply."""
    if dest == UNSPECIFIED or not req.item.eccn:
        return
    seen = {dest}
    for p in parties:
        if not p.country or p.country == UNSPECIFIED or p.role not in _ULTIMATE:
            continue
        country = destination(ctx, p.country)
        if country in seen:
            continue
        seen.add(country)
        if country == "US":  # (no chart row: an item that ends with a party in the United States is not exported
            # there; the route's own row applies, ``route_chart``; adversarial R39-54 stopped on "no rule chart.US")
            f.notes.append(f"{p.role.value.replace('_', ' ')} {p.label} is located in the United States, which is no "
                           f"country of destination of the Country Chart: the row of {dest}, where the route ends, "
                           "applies (15 CFR 738.4(a))")
            continue
        if _pointer(ctx, country):
            continue  # (its row points to Part 746: ``part746`` applies the section)
        trial = Findings()
        licensing.chart(ctx, req, country, juris, parties, trial)
        where = (f"{p.role.value.replace('_', ' ')} {p.label} located in {country}, the country of ultimate "
                 f"destination (15 CFR 738.4(a); the route ends in {dest})")
        _add_for(f, trial, country, where, f"for {country}", party=p.label)


def _add_for(f: Findings, trial: Findings, country: str, where: str, label: str, party: str | None = None) -> None:
    """``trial``'s findings for another country added to ``f``: bases and the exceptions covering them coded
    ``<code>@<country>`` (so that an exception for that country covers only its bases), each cited with ``where``."""
    f.bases.extend(dataclasses.replace(b, code=f"{b.code}@{country}", cite=f"{b.cite}; {where}",
                                       party=party if party is not None else b.party) for b in trial.bases)
    f.exceptions.extend(dataclasses.replace(x, reason=f"{x.reason} [{label}]",
                                            covers=tuple(f"{c}@{country}" for c in x.covers))
                        for x in trial.exceptions)
    f.questions.extend(dataclasses.replace(q, text=f"{q.text} [{where}]") for q in trial.questions)
    f.notes.extend(f"{n} [{where}]" for n in trial.notes)


def transit(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo], f: Findings) -> None:
    """General Prohibition Eight (§ 736.2(b)(8)): an item may not be exported or reexported through, or transit
    through, a country of § 736.2(b)(8)(ii) unless a licence or licence exception would authorise its export to that
    country, or none is required. For each country of ``route.via`` (the transit legs the order states) that the rule
    ``738.4.route_chart`` charts (a GP8 country or, fail closed, Country Group D:1, E:1, E:2), its Country Chart row is
    applied as for an export there, each basis coded ``<code>@<country>``; a transit country with a Part 746 section
    brings that section too (``part746``). The United States in ``route.via`` makes a foreign-made item subject
    (§ 734.3(a)(1), ``jurisdiction``) and is no transit country here."""
    if not req.via or not req.item.eccn:
        return
    rule = ctx.get("738.4.route_chart")
    for country in req.via:
        if country in (dest, "US", UNSPECIFIED):
            continue
        country = destination(ctx, country)
        where = (f"in transit through {country} (route.via; 15 CFR 736.2(b)(8), General Prohibition Eight: the "
                 "licence or licence exception an export there would need)")
        charted = country in rule["transit_countries"] or bool(groups(ctx, country) & set(rule["keep_groups"]))
        if not charted and embargo.section_rule(ctx, country) is None and not _pointer(ctx, country):
            f.notes.append(f"transit through {country} (route.via): not a General Prohibition Eight country "
                           "(rule 738.4.route_chart), no licence for the transit itself (15 CFR 736.2(b)(8))")
            continue
        trial = Findings()
        if not _pointer(ctx, country):
            licensing.chart(ctx, req, country, juris, parties, trial)
        if embargo.section_rule(ctx, country) is not None:
            embargo.part746(ctx, req, country, juris, parties, trial)
            hts746.lookup(ctx, req, country, juris, parties, trial)
        _add_for(f, trial, country, where, f"for transit through {country}")


def named_places(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo],
                 f: Findings) -> None:
    """A country with a Part 746 section (or a place in it) named by the order's end use or item description --
    "for a water utility project in Iran", "assembly at our partner's plant in Minsk", "for Iran Air A330" -- where
    no party is located there (adversarial round 6, R6-74, R6-80, R6-81, R6-89; rule ``746.named_places``), or by a
    party's own name or address line while its country is written as another ("..., بندرعباس" with country AE:
    adversarial R24b-01..R24b-04, R24c-01..R24c-04): if that section would require a licence (or cannot tell) for
    the item, where the item goes is asked (GP6, GP10, § 738.4(a): the knowledge decides), unless a Part 744 licence
    is required anyway."""
    text = f"{req.end_use} {req.item.description}".strip()
    named: list[tuple[str, str, str]] = [(c, w, f"the order's end use or item description names '{w}'")
                                         for c, w in (country_places(ctx, text) if text else ())]
    for p in parties:
        if p.role.value in _ON_THE_WAY:
            named += [(c, w, f"the {p.role.value.replace('_', ' ')} '{p.label}' (country {p.country or 'not given'}) "
                             f"names '{w}'") for c, w in p.embargo_places]
    if not named:
        return
    on_the_way = {dest} | {destination(ctx, p.country) for p in parties if p.country and p.country != UNSPECIFIED}
    done: set[str] = set()
    for country, _word, where in named:
        if country in on_the_way or country in done or embargo.section_rule(ctx, country) is None:
            continue
        done.add(country)
        trial = Findings()
        embargo.part746(ctx, req, country, juris, parties, trial)
        hts746.lookup(ctx, req, country, juris, parties, trial)
        if not trial.bases:
            continue
        codes = ", ".join(dict.fromkeys(b.code for b in trial.bases))
        question = (f"{where} ({country}; rule 746.named_places): if the item goes there, {codes} applies (15 CFR "
                    f"736.2(b)(6), Part 746) -- say where the item goes (name the party located in {country}), or "
                    "restate the words if it does not go there")
        if any(b.indeterminate is None and b.overcome_by is None and b.code in END_USER_CODES for b in f.bases):
            f.notes.append(f"{question} [a Part 744 licence is required anyway]")
            continue
        f.bases.append(Basis(f"746-NAMED-{country}", ctx.cite("746.named_places"), "n/a", indeterminate=question,
                             rules=("746.named_places",)))


def regions(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo], f: Findings) -> None:
    """§ 746.6 by place: a party on the way whose name or address names a place of Crimea or of the covered regions
    of Ukraine (rule ``746.6.place_names``) takes the item there whatever country the order writes ("Sevastopol",
    country RU). Stated ``ukraine_covered_region``: § 746.6 applies as for a destination in the region; stated
    ``ukraine_outside_covered_regions`` against such a place: the contradiction is asked (adversarial R20-21, also
    for a destination in Ukraine); neither: the question (unless a licence is required anyway)."""
    stated_outside = Fact.UKRAINE_OTHER_REGION in req.facts and Fact.UKRAINE_COVERED_REGION not in req.facts
    if dest == "UA" and not stated_outside:
        return  # (a Ukrainian destination is asked by part746 itself)
    named = [(p, word) for p in parties if p.role in _ON_THE_WAY for word in p.places]
    text = f"{req.end_use} {req.item.description}".strip()
    words = region_places(ctx, text) if text and not named else ()
    if not named and not words:
        return
    if named:
        p, word = named[0]
        label: str | None = p.label
        where = (f"{p.role.value.replace('_', ' ')} '{p.label}' (country {p.country or 'not given'}) names "
                 f"'{word}', a place of {ctx.cite('746.6.place_names')}")
    else:  # the order's end use or item description names the place (adversarial round 6, R6-87)
        label, where = None, f"the order's words name '{words[0]}', a place of {ctx.cite('746.6.place_names')}"
    if stated_outside:
        # the order's own party or words name a place of the regions against its stated fact (adversarial R20-21:
        # 'vul. Artema 120, Donetsk' with ukraine_outside_covered_regions was cleared): a contradiction, never a clear
        question = (f"{where}, yet the order states ukraine_outside_covered_regions: confirm where the item goes "
                    "(15 CFR 746.6); if to Crimea or the covered regions, state ukraine_covered_region instead")
    elif Fact.UKRAINE_COVERED_REGION in req.facts:
        trial = Findings()
        embargo.part746(ctx, req, "UA", juris, parties, trial)
        f.bases.extend(dataclasses.replace(b, cite=f"{b.cite}; {where}", party=label) for b in trial.bases)
        f.exceptions.extend(trial.exceptions)
        f.notes.extend(f"{n} [{where}]" for n in trial.notes)
        return
    else:
        question = (f"{where}: say whether the item goes to Crimea or the covered regions of Ukraine (15 CFR 746.6): "
                    "facts ukraine_covered_region / ukraine_outside_covered_regions")
    if any(b.indeterminate is None and b.overcome_by is None and b.code in END_USER_CODES for b in f.bases):
        f.notes.append(f"746-REGION: {question} [a Part 744 licence is required anyway]")
        return
    f.bases.append(Basis("746-REGION", ctx.cite("746.6.place_names"), "n/a", indeterminate=question, party=label,
                         rules=("746.6.place_names",)))


def iraq(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo], f: Findings) -> None:
    """§ 746.3 (Iraq) military end uses/users: not modelled (rule ``746.3.military``): an order stating a military
    end use or user, or naming a party that denotes one, in or for Iraq is an open question; so is a transfer within
    Iraq of an item on the CCL (``746.3.transfer``, § 746.3(a)(1): General Prohibition One covers no transfer)."""
    eccn = (req.item.eccn or "").strip().upper()
    if req.transaction is Transaction.TRANSFER and eccn and eccn != "EAR99":
        rule = ctx.find("746.3.transfer")
        if rule is not None and dest in rule["countries"]:
            f.bases.append(Basis("746-IQ-TRANSFER", ctx.cite("746.3.transfer"), "n/a",
                                 indeterminate=str(rule["question"]), rules=("746.3.transfer",)))
    military = bool(req.facts & {Fact.MILITARY_END_USE, Fact.MILITARY_END_USER}) or any(
        k == "744.21.name_signals" for p in parties for k, _ in p.name_signals)
    if not military or Fact.NOT_MILITARY_END_USER in req.facts:
        return
    where = {dest} | {p.country for p in parties if p.country and p.role in _ON_THE_WAY}
    rule = ctx.get("746.3.military")
    hit = sorted(where & set(rule["countries"]))
    if hit and any(b.indeterminate is None and b.overcome_by is None and b.code in END_USER_CODES for b in f.bases):
        f.notes.append(f"746-IQ: {rule['question']} (a Part 744 licence is required anyway)")
    elif hit:
        f.bases.append(Basis("746-IQ", ctx.cite("746.3.military"), "n/a", indeterminate=str(rule["question"]),
                             rules=("746.3.military",)))
