"""Screening against the real lists, on one part of the generated sets and the unlisted person names.

Run: PYTHONPATH=. .venv/bin/python -m bench.screening.run_sets [--data ../shared/data] [--part test]
     [--skip-nomenklatura] [--persons N] [--possible]

Reports, for every registered clearance-name version (each through the real ``screen`` on one index of every
current list in the data folder, with the shipped alias table) and for the peers:
- set (a), listed names as customers type them (bench/screening/sets/customer_variants.csv): top-1 HIT
  recall = the top hit is a HIT on the expected entry (or, tied at the top score, the expected entry is among
  the HITs; or the top HIT is the same party on another list, i.e. an entry with a name identical to one of
  the expected entry's names after case and spaces), overall and per kind of change;
- set (b), hard negatives (hard_negatives.csv): share of queries with any HIT, overall and per kind;
- the distinct real person names of the Wikidata person pairs (bench/screening/labelled.py
  ``unlisted_persons``; a few dozen are listed public figures): how many have any HIT.
The peers (rapidfuzz token_set_ratio >= 80, nomenklatura logic-v2 / logic-v1 / name-based >= 0.7) have no
index of their own; they score a pool of candidates per query: the entities sharing a rare transliterated
word with the query (at most 20), plus the 20 best of the default clearance algorithm at any score, every
candidate with all its names and the shipped aliases. Their recall is bounded by the pool's, which is
printed.
"""

from __future__ import annotations

import argparse
import inspect
import itertools
import os
import platform
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from anyascii import anyascii
from rapidfuzz import fuzz

from bench.screening.generated import negatives, variants
from bench.screening.labelled import unlisted_persons
from bench.screening.lists import load_lists
from bench.screening.split import Part
from clearance.model.entity import Entity, Schema
from clearance.screening.index import ScreeningIndex, build_index
from clearance.screening.model import Decision, Query
from clearance.screening.registry import algorithms, get_algorithm
from clearance.screening.screen import screen
from clearance.sources.aliases import AliasRow, shipped

MAX_CANDIDATES = 20
COMMON_TOKEN = 3000  # a transliterated word in more names than this does not block


def norm(name: str) -> str:
    return " ".join(name.casefold().split())


def tokens(name: str) -> list[str]:
    return [t for t in re.findall(r"[a-z0-9]+", anyascii(name).lower()) if len(t) >= 3]


class Blocker:
    """Entities sharing a rare transliterated word with the query, most shared rare words first."""

    def __init__(self, entities: Sequence[Entity], extra: dict[int, list[str]]) -> None:
        self.names: list[list[str]] = [[n.value for n in e.names] + extra.get(i, []) for i, e in enumerate(entities)]
        post: dict[str, set[int]] = defaultdict(set)
        for i, names in enumerate(self.names):
            for n in names:
                for t in tokens(n):
                    post[t].add(i)
        self.post = {t: ids for t, ids in post.items() if len(ids) <= COMMON_TOKEN}

    def candidates(self, query: str) -> list[int]:
        count: Counter[int] = Counter()
        for t in set(tokens(query)):
            for i in self.post.get(t, ()):
                count[i] += 1
        if not count:
            return []
        ranked = sorted(count.items(), key=lambda kv: (-kv[1], kv[0]))[: MAX_CANDIDATES * 5]
        # among those, the closest by a plain string ratio
        ranked.sort(key=lambda kv: (-max(fuzz.ratio(query.lower(), n.lower()) for n in self.names[kv[0]]), kv[0]))
        return [i for i, _ in ranked[:MAX_CANDIDATES]]


PeerScore = Callable[[str, str | None, int], float]


def rapidfuzz_peer(blocker: Blocker) -> tuple[str, PeerScore, float]:
    def score(q: str, schema: str | None, i: int) -> float:
        return max(fuzz.token_set_ratio(q.lower(), n.lower()) for n in blocker.names[i]) / 100

    return "rapidfuzz token_set_ratio", score, 0.8


def nomenklatura_peer(algorithm: str, entities: Sequence[Entity], blocker: Blocker) -> tuple[str, PeerScore, float]:
    from followthemoney import model
    from nomenklatura.matching import get_algorithm as nk_get

    algo: Any = nk_get(algorithm)
    config = algo.default_config()
    cache: dict[int, Any] = {}
    counter = itertools.count()
    ftm_schema = {Schema.PERSON: "Person", Schema.COMPANY: "Company", Schema.ORGANIZATION: "Organization",
                  Schema.VESSEL: "Vessel", Schema.AIRCRAFT: "Airplane"}

    def candidate(i: int) -> Any:
        if i not in cache:
            e = entities[i]
            c = model.make_entity(ftm_schema.get(e.schema, "LegalEntity"))
            c.id = f"c{i}"
            for n in blocker.names[i]:
                c.add("name", n)
            cache[i] = c
        return cache[i]

    def score(q: str, schema: str | None, i: int) -> float:
        e = model.make_entity(schema or "LegalEntity")
        e.id = f"q{next(counter)}"
        e.add("name", q)
        try:
            return float(algo.compare(e, candidate(i), config).score)
        except Exception:  # a schema pair nomenklatura refuses (Person query, Vessel candidate): no match
            return 0.0

    return f"nomenklatura {algorithm}", score, 0.7


def build(entities: list[Entity], aliases: list[AliasRow]) -> ScreeningIndex:
    if "aliases" in inspect.signature(build_index).parameters:
        return build_index(entities, aliases=[r.extra_name() for r in aliases])  # type: ignore[call-arg]
    print("NOTE: build_index takes no aliases yet: clearance screened WITHOUT the alias table")
    return build_index(entities)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.environ.get("CLEARANCE_DATA", "../shared/data"))
    ap.add_argument("--part", default="test", choices=("test", "calibration"))
    ap.add_argument("--skip-nomenklatura", action="store_true")
    ap.add_argument("--persons", type=int, default=0, help="screen only the first N unlisted person names (0 = all)")
    ap.add_argument("--algorithms", default="", help="comma-separated clearance algorithm ids (default: all)")
    ap.add_argument("--possible", action="store_true",
                    help="also count, for the clearance algorithms, set (b) queries and unlisted persons flagged "
                         "POSSIBLE or above (a person must review them), and list the first set (b) ones")
    args = ap.parse_args()
    part: Part = args.part
    data = Path(args.data)
    t0 = time.perf_counter()
    lists = load_lists(data)
    entities = [e for code in sorted(lists) for e in lists[code]]
    aliases = shipped()
    index = build(entities, aliases)
    print(f"machine: {platform.platform()}, {os.cpu_count()} CPUs, python {platform.python_version()}")
    print(f"lists: {', '.join(f'{c} {len(v):,}' for c, v in sorted(lists.items()))}; aliases {len(aliases):,}; "
          f"index built in {time.perf_counter() - t0:.0f} s (parsing included)")
    pos = {(e.list_code, e.entry_id): i for i, e in enumerate(entities)}
    extra: dict[int, list[str]] = defaultdict(list)
    for r in aliases:
        if (r.list_code, r.entry_key) in pos:
            extra[pos[(r.list_code, r.entry_key)]].append(r.alias)
    same_party: dict[int, set[str]] = {}

    def names_of(i: int) -> set[str]:
        if i not in same_party:
            same_party[i] = {norm(n.value) for n in entities[i].names} | {norm(a) for a in extra.get(i, [])}
        return same_party[i]

    var = variants(part)
    neg = negatives(part)
    persons = unlisted_persons(data / "name_matching", part)
    if args.persons:
        persons = persons[: args.persons]
    print(f"part: {part}; set (a) {len(var)} queries, set (b) {len(neg)} queries, unlisted persons {len(persons):,}")

    clearance_ids = [a for a in algorithms() if a.startswith("clearance-name@")]
    if args.algorithms:
        clearance_ids = args.algorithms.split(",")
    results: dict[str, dict[str, Any]] = {}

    def top1_ok(expected: int, ranked: list[tuple[int, float, bool]]) -> bool:
        """ranked: (entity position, score, is_hit) best first."""
        if not ranked or not ranked[0][2]:
            return False
        top = ranked[0][1]
        if any(i == expected and hit for i, s, hit in ranked if s == top):
            return True
        return bool(names_of(ranked[0][0]) & names_of(expected))

    for algo_id in clearance_ids:
        algo = get_algorithm(algo_id)
        t = time.perf_counter()
        ok_by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        misses: list[str] = []
        for v in var:
            r = screen(Query(v.query), index, algorithm=algo, limit=20)
            ranked = [(pos.get((h.list_code, h.entry_id), -1), h.score, h.decision is Decision.HIT) for h in r.hits]
            ok = top1_ok(pos[(v.list_code, v.entry_id)], ranked)
            for k in ("ALL", *v.kinds):
                ok_by_kind[k][0] += ok
                ok_by_kind[k][1] += 1
            if not ok and len(misses) < 12:
                top = [(h.name, round(h.score, 2)) for h in r.hits[:1]]
                misses.append(f"{v.query!r} [{','.join(v.kinds)}] -> {top} (want {v.listed_name!r})")
        hit_by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        flag_by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        false_hits: list[str] = []
        flagged: list[str] = []
        flags = (Decision.HIT, Decision.POSSIBLE)
        for n in neg:
            r = screen(Query(n.query), index, algorithm=algo, limit=5)
            hit = r.decision is Decision.HIT
            flag = r.decision in flags
            for k in ("ALL", n.kind):
                hit_by_kind[k][0] += hit
                hit_by_kind[k][1] += 1
                flag_by_kind[k][0] += flag
                flag_by_kind[k][1] += 1
            if hit and len(false_hits) < 12:
                false_hits.append(f"{n.query!r} [{n.kind}] -> {r.hits[0].name!r} {r.hits[0].score:.2f}")
            if flag and not hit and args.possible:
                flagged.append(f"{n.query!r} [{n.kind}] -> {r.hits[0].name!r} {r.hits[0].score:.2f}")
        person_hits = person_flags = 0
        for p in persons:
            r = screen(Query(p, schema=Schema.PERSON), index, algorithm=algo, limit=5)
            person_hits += r.decision is Decision.HIT
            person_flags += r.decision in flags
        results[algo_id] = {"a": ok_by_kind, "b": hit_by_kind, "persons": person_hits, "misses": misses,
                            "false_hits": false_hits, "seconds": time.perf_counter() - t,
                            "b_flag": flag_by_kind, "persons_flag": person_flags, "flagged": flagged}

    blocker = Blocker(entities, extra)
    default = get_algorithm()

    def pool(q: str, schema: Schema | None = None) -> list[int]:
        """The blocker's candidates and the default clearance algorithm's 20 best (any score), once each."""
        found = screen(Query(q, schema=schema), index, algorithm=default, threshold=0.0, limit=MAX_CANDIDATES)
        return list(dict.fromkeys([*blocker.candidates(q), *(pos[(h.list_code, h.entry_id)] for h in found.hits)]))

    cand_a = [pool(v.query) for v in var]
    cand_b = [pool(n.query) for n in neg]
    cand_p = [pool(p, Schema.PERSON) for p in persons]
    blocked = sum(1 for v, c in zip(var, cand_a, strict=True) if pos[(v.list_code, v.entry_id)] in c)
    print(f"candidates for the peers: expected entry in the pool for {blocked}/{len(var)} set (a) queries "
          f"({blocked / len(var):.3f}: the peers' recall ceiling)")
    peers = [rapidfuzz_peer(blocker)]
    if not args.skip_nomenklatura:
        peers += [nomenklatura_peer(a, entities, blocker) for a in ("logic-v2", "logic-v1", "name-based")]
    for label, score, threshold in peers:
        t = time.perf_counter()
        ok_by_kind = defaultdict(lambda: [0, 0])
        for v, cands in zip(var, cand_a, strict=True):
            ranked = sorted(((i, score(v.query, None, i)) for i in cands), key=lambda x: (-x[1], x[0]))
            ok = top1_ok(pos[(v.list_code, v.entry_id)], [(i, s, s >= threshold) for i, s in ranked])
            for k in ("ALL", *v.kinds):
                ok_by_kind[k][0] += ok
                ok_by_kind[k][1] += 1
        hit_by_kind = defaultdict(lambda: [0, 0])
        for n, cands in zip(neg, cand_b, strict=True):
            hit = any(score(n.query, None, i) >= threshold for i in cands)
            for k in ("ALL", n.kind):
                hit_by_kind[k][0] += hit
                hit_by_kind[k][1] += 1
        person_hits = sum(1 for p, cands in zip(persons, cand_p, strict=True)
                          if any(score(p, "Person", i) >= threshold for i in cands))
        results[label] = {"a": ok_by_kind, "b": hit_by_kind, "persons": person_hits, "misses": [],
                          "false_hits": [], "seconds": time.perf_counter() - t}

    names = list(results)
    print()
    print(f"| {part} part | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))

    def cell(pair: list[int]) -> str:
        return f"{pair[0] / pair[1]:.3f} ({pair[0]}/{pair[1]})" if pair[1] else "-"

    print("| (a) top-1 HIT recall | " + " | ".join(cell(results[m]["a"]["ALL"]) for m in names) + " |")
    kinds_a = sorted({k for m in names for k in results[m]["a"]} - {"ALL"})
    for k in kinds_a:
        print(f"| (a) … {k} | " + " | ".join(cell(results[m]["a"][k]) for m in names) + " |")
    print("| (b) HIT rate (lower is better) | " + " | ".join(cell(results[m]["b"]["ALL"]) for m in names) + " |")
    for k in sorted({k for m in names for k in results[m]["b"]} - {"ALL"}):
        print(f"| (b) … {k} | " + " | ".join(cell(results[m]["b"][k]) for m in names) + " |")
    print(f"| unlisted persons flagged HIT (of {len(persons):,}) | "
          + " | ".join(f"{results[m]['persons']:,}" for m in names) + " |")
    if args.possible:
        print("| (b) POSSIBLE-or-above rate (lower is better) | " + " | ".join(
            cell(results[m]["b_flag"]["ALL"]) if "b_flag" in results[m] else "-" for m in names) + " |")
        for k in sorted({k for m in names for k in results[m].get("b_flag", {})} - {"ALL"}):
            print(f"| (b) … {k}, POSSIBLE or above | " + " | ".join(
                cell(results[m]["b_flag"][k]) if "b_flag" in results[m] else "-" for m in names) + " |")
        print(f"| unlisted persons flagged POSSIBLE or above (of {len(persons):,}) | " + " | ".join(
            f"{results[m]['persons_flag']:,}" if "persons_flag" in results[m] else "-" for m in names) + " |")
    print("| seconds (all three sets) | " + " | ".join(f"{results[m]['seconds']:.0f}" for m in names) + " |")
    for m in clearance_ids:
        print(f"\n{m}: first set (a) misses")
        for line in results[m]["misses"]:
            print("  " + line)
        print(f"{m}: first set (b) HITs")
        for line in results[m]["false_hits"]:
            print("  " + line)
        if args.possible:
            print(f"{m}: set (b) POSSIBLE (not HIT)")
            for line in results[m]["flagged"]:
                print("  " + line)


if __name__ == "__main__":
    main()
