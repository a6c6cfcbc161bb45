"""Evidence beyond the name: schema, legal form, country, birth date, identifiers. Each explains itself."""

from __future__ import annotations

from clearance.model.entity import Schema
from clearance.screening.model import Feature
from clearance.screening.prepared import PreparedEntity, PreparedQuery
from clearance.text.names import NameForm

_ORGS = frozenset({Schema.COMPANY, Schema.ORGANIZATION, Schema.LEGAL_ENTITY})
_PARTY = frozenset({Schema.PERSON, Schema.COMPANY, Schema.ORGANIZATION, Schema.LEGAL_ENTITY})


def schema_feature(query: Schema | None, candidate: Schema, penalty: float) -> Feature | None:
    """Penalty when the query's kind of party cannot be the entry's (a person is not a vessel)."""
    if query is None or query is candidate or Schema.LEGAL_ENTITY in (query, candidate):
        return None
    if query in _ORGS and candidate in _ORGS:
        return None
    if query in _PARTY and candidate is Schema.ADDRESS:
        return None  # an address-only listing may be the party's premises
    return Feature("schema", -penalty, f"schema conflict: {query.value} vs {candidate.value}", query.value,
                   candidate.value)


def legal_form_feature(q: NameForm, c: NameForm, penalty: float) -> Feature | None:
    """Legal forms are set aside for the name score; different kinds (LLC vs JSC) cost a little."""
    qf = ", ".join(f.form for f in q.legal_forms)
    cf = ", ".join(f.form for f in c.legal_forms)
    if not qf and not cf:
        return None
    qg = {f.generic for f in q.legal_forms if f.generic}
    cg = {f.generic for f in c.legal_forms if f.generic}
    if qg and cg and not qg & cg:
        return Feature("legal_form", -penalty, f"legal forms differ in kind ({'/'.join(sorted(qg))} vs "
                       f"{'/'.join(sorted(cg))})", qf, cf)
    return Feature("legal_form", 0.0, "legal form ignored for the name comparison", qf, cf)


# Territories that lists code under another country: OFAC writes a Macau address "Macau, China" and the Entity List
# listed Hong Kong addresses under China until 2020 (clearance-name@3: neither agreement nor conflict).
TERRITORY_OF = {"HK": "CN", "MO": "CN"}


def country_feature(pq: PreparedQuery, pe: PreparedEntity, bonus: float, penalty: float,
                    territories: bool = False) -> Feature | None:
    """The query's country against the entry's; ``territories``: a territory against the country that lists code it
    under (Macau / China) is neither agreement nor conflict."""
    if not pq.country or not pe.countries:
        return None
    cands = ", ".join(sorted(pe.countries))
    if pq.country in pe.countries:
        return Feature("country", bonus, "country agrees", pq.country, cands)
    if territories and (TERRITORY_OF.get(pq.country) in pe.countries
                        or any(TERRITORY_OF.get(c) == pq.country for c in pe.countries)):
        return Feature("country", 0.0, "country neither agrees nor conflicts (a territory some lists code under "
                       "the other country)", pq.country, cands)
    return Feature("country", -penalty, "country conflicts", pq.country, cands)


def birth_feature(pq: PreparedQuery, pe: PreparedEntity, bonus: float, penalty: float) -> Feature | None:
    if not pq.birth_years or not pe.birth_years:
        return None
    qy = ", ".join(map(str, sorted(pq.birth_years)))
    cy = ", ".join(map(str, sorted(pe.birth_years)))
    if pq.birth_years & pe.birth_years:
        return Feature("birth_date", bonus, "year of birth agrees", qy, cy)
    if any(abs(a - b) <= 1 for a in pq.birth_years for b in pe.birth_years):
        return None  # a year apart: often a data-entry difference, neither raise nor penalty
    return Feature("birth_date", -penalty, "year of birth conflicts", qy, cy)


def identifier_feature(pq: PreparedQuery, pe: PreparedEntity, bonus: float) -> Feature | None:
    shared = pq.id_keys & pe.id_keys
    if not shared:
        return None
    return Feature("identifier", bonus, "identifier matches", ", ".join(sorted(shared)), ", ".join(sorted(shared)))
