"""clearance-name@3: a nation's body named against another nation's (``nation_cap``).

Every nation has a 'Ministry of Defence', 'Armed Forces' and a 'General Staff', and the lists name some of them
without the nation ('Ministry of Defence', Burma's, on the Entity List; SDN 'ARMED FORCES GENERAL STAFF', Iran's).
Word for word, Kazakhstan's 'General Staff of the Armed Forces of the Republic of Kazakhstan' agrees with Iran's
entry on every word but its nation, and a nation word weighs as a place (little), so it was a near-certain HIT. The
name and the entry say which nation each is of: a nation word the other name does not hold (a country's name or
adjective, ``nation_countries``), the party's country, the entry's countries. When these disagree:

- names that agree only on a state's body words (state_words.yml) and places are two nations' bodies: capped below
  POSSIBLE (``DIFFERENT_CAP``), whichever side says the nation (the query's word, the entry's word, or, with no
  nation word in either name, the party's country against the entry's);
- any other name that adds a nation word the entry is not in (a brand's office abroad, "Huawei Technologies
  Kazakhstan") is capped at POSSIBLE (``CAP``): a person reviews.

The listed body named with its own nation ("Burma Ministry of Defence", 'Ministry of Defence of the Russian
Federation'), or from its own country, agrees and is unchanged. A nation word both names hold is no conflict.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from clearance.errors import DataError
from clearance.screening.features import TERRITORY_OF
from clearance.screening.forms3 import canonical_tokens
from clearance.screening.namesim import NameScore
from clearance.text.places import nation_countries, place_words
from clearance.text.yamlload import read_resource


@lru_cache(maxsize=1)
def state_words() -> frozenset[str]:
    """The @3 tokens of state_words.yml's words (as the name pipeline reads them: "department" -> "dept")."""
    raw, path = read_resource("state_words.yml", "state words")
    words = raw.get("words") if isinstance(raw, dict) else None
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise DataError("state words: expected the list 'words' of non-empty words", file=path, field="words")
    out: set[str] = set()
    for w in words:
        out.update(canonical_tokens(w)[0])
    return frozenset(out)


def lands_agree(a: Iterable[str], b: Iterable[str]) -> bool:
    """Some country of ``a`` is one of ``b``, or a territory some lists code under it (Hong Kong / China)."""
    sa, sb = set(a), set(b)
    return bool(sa & sb) or any(TERRITORY_OF.get(x) in sb for x in sa) or any(TERRITORY_OF.get(y) in sa for y in sb)


def _lands(words: Iterable[str]) -> frozenset[str]:
    table = nation_countries()
    return frozenset().union(*(table.get(w, frozenset()) for w in words))


def nation_conflict(ns: NameScore, query_country: str | None, entry_countries: frozenset[str],
                    ) -> tuple[str, bool] | None:
    """Why the query and the entry are of different nations, and whether the query's own name says so; or None.

    ``ns`` is the compared names' explanation (its unmatched words say what each name adds)."""
    table = nation_countries()
    matched = [w for p in ns.pairs for w in (*p.query.split(), *p.candidate.split()) if w in table]
    if matched:
        return None  # the names agree on (or pair) a nation word: the nation is not what differs
    own_q = [t for t in ns.unmatched_query if t in table]
    own_c = [t for t in ns.unmatched_candidate if t in table]
    if own_q and entry_countries and not lands_agree(_lands(own_q), entry_countries):
        return (f"the name names another nation ({' '.join(own_q)}) than the entry's "
                f"({', '.join(sorted(entry_countries))})"), True
    if own_c and query_country and not lands_agree(_lands(own_c), {query_country}):
        return (f"the entry's name names another nation ({' '.join(own_c)}) than the party's country "
                f"({query_country})"), False
    if not (own_q or own_c) and query_country and entry_countries and not lands_agree({query_country},
                                                                                     entry_countries):
        return (f"the party's country ({query_country}) is not the entry's ({', '.join(sorted(entry_countries))})"
                ), False
    return None


def state_body_only(ns: NameScore, residue: Callable[[str], bool]) -> bool:
    """The names agree on a state's body word, and only on such words, places and legal-form residue (``residue``:
    "co" left of "Company"; not a short word, which may be a brand: "DJI")."""
    words = [w for p in ns.pairs for w in (*p.query.split(), *p.candidate.split())]
    body, known = state_words(), place_words()
    return any(w in body for w in words) and all(w in body or w in known or residue(w) for w in words)
