"""Index build time and memory, query latency, batch throughput and alias recall on the real lists.

Run: PYTHONPATH=. .venv/bin/python -m bench.screening.run_index [--data ../shared/data] [--max-aliases N]
Alias recall: every alias, former and original-script name the lists carry is screened as a user would
type it (legal form swapped or dropped, case and punctuation changed); it counts as found when its own
entry is ranked first (a tie at the top score counts: the same party is often on two lists).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import statistics
import time
from collections import defaultdict
from pathlib import Path

from clearance.model.entity import Entity, NameKind
from clearance.screening.index import build_index
from clearance.screening.model import Query
from clearance.screening.screen import screen
from clearance.sources import dpl, entity_list, ofac, uk, un
from clearance.sources.aliases import shipped
from clearance.text.scripts import scripts_of
from clearance.workflows.screening import screen_rows

_SWAPS = [
    (re.compile(r"\bCo\.?,? Ltd\.?$", re.I), "Company Limited"),
    (re.compile(r"\bCompany Limited$", re.I), "Co. Ltd"),
    (re.compile(r"\bLimited$", re.I), "Ltd"),
    (re.compile(r"\bLtd\.?$", re.I), "Limited"),
    (re.compile(r"\bLLC$", re.I), "Limited Liability Company"),
    (re.compile(r"\bL\.?L\.?C\.?$", re.I), "LLC"),
    (re.compile(r"\bInc\.?$", re.I), "Incorporated"),
    (re.compile(r"\bCorp(oration)?\.?$", re.I), "Corp"),
    (re.compile(r"\bGmbH$", re.I), "Gesellschaft mit beschränkter Haftung"),
    (re.compile(r"^OOO\b|^LLC\b", re.I), "ООО"),
    (re.compile(r"\bJSC$|^JSC\b", re.I), "Joint Stock Company"),
]


def as_typed(name: str) -> str:
    """The name as a user might type it: legal form swapped, punctuation dropped, case changed."""
    for pattern, repl in _SWAPS:
        if pattern.search(name):
            name = pattern.sub(repl, name)
            break
    name = re.sub(r"[,.;()\"]", " ", name)
    return " ".join(name.split()).title() if name.isupper() else " ".join(name.split()).upper()


def load(data: Path) -> list[Entity]:
    d = data / "us_ofac"
    groups = [
        (entity_list.PARSER, (data / "us_bis" / "entity_list_2025-11-08.csv",)),
        (ofac.PARSER, (d / "sdn_2024-05-03.csv", d / "add_2025-12-24.csv", d / "alt_2025-12-24.csv",
                       d / "sdn_comments_2025-12-24.csv")),
        (ofac.PARSER, tuple(sorted((d / "consolidated_non_sdn").glob("cons_*.csv")))),
        (dpl.PARSER, (data / "us_bis" / "dpl_2023-11-30.txt",)),
        (un.PARSER, (data / "un" / "UN_consolidated.xml",)),
        (uk.PARSER, (data / "uk" / "ConList_2025-04-14.csv.gz",)),
    ]
    out: list[Entity] = []
    for parser, files in groups:
        for pl in parser.parse(files):  # type: ignore[attr-defined]
            out.extend(pl.entities)
    return out


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def script_of(name: str) -> str:
    s = sorted(scripts_of(name) - {"Latin"})
    return "+".join(s) if s else "Latin"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.environ.get("CLEARANCE_DATA", "../shared/data"))
    ap.add_argument("--max-aliases", type=int, default=0, help="sample at most N aliases per list (0 = all)")
    args = ap.parse_args()
    entities = load(Path(args.data))
    names = sum(len(e.names) for e in entities)
    print(f"machine: {platform.platform()}, {os.cpu_count()} CPUs, python {platform.python_version()}")
    print(f"entities {len(entities):,}, names {names:,}")
    before = rss_mb()
    t0 = time.perf_counter()
    index = build_index(entities, aliases=[r.extra_name() for r in shipped()])  # as the CLI builds it
    build_s = time.perf_counter() - t0
    print(f"index build: {build_s:.1f} s, RSS +{rss_mb() - before:.0f} MB, {len(index.postings):,} blocking keys")

    rng = random.Random(3)
    sample = rng.sample(entities, 2000)
    queries = [as_typed(e.name) for e in sample[:1000]] + [e.name for e in sample[1000:]]
    for q in queries[:100]:
        screen(Query(q + " warm"), index)
    times = []
    for q in queries:
        t = time.perf_counter()
        screen(Query(q), index)
        times.append(time.perf_counter() - t)
    times.sort()
    p50 = statistics.median(times) * 1000
    p99 = times[int(len(times) * 0.99)] * 1000
    print(f"query latency over {len(times)} queries: p50 {p50:.2f} ms, p99 {p99:.2f} ms")

    all_names = sorted({as_typed(n.value) for e in entities for n in e.names})
    rows = [{"name": q, "id": str(i)} for i, q in enumerate(rng.sample(all_names, 10_000))]  # distinct names
    for workers in (1, 2):
        t = time.perf_counter()
        n = sum(1 for _ in screen_rows(rows, index, workers=workers))
        rate = n / (time.perf_counter() - t)
        print(f"batch: {n:,} distinct listed names at {rate:,.0f} rows/s with {workers} process(es) "
              f"(1,000,000 such rows: {1_000_000 / rate / 60:.1f} min); realistic files: bench.screening.run_batch")

    found: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    per_list: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        per_list[e.list_code].append(e)
    misses: list[str] = []
    for code, ents in sorted(per_list.items()):
        todo = [(e, n.value) for e in ents for n in e.names
                if n.kind in (NameKind.ALIAS, NameKind.FORMER, NameKind.ORIGINAL_SCRIPT)]
        if args.max_aliases and len(todo) > args.max_aliases:
            todo = rng.sample(todo, args.max_aliases)
        for e, alias in todo:
            q = as_typed(alias)
            r = screen(Query(q), index, limit=20)
            top = r.hits[0].score if r.hits else -1.0
            ok = any(h.entry_id == e.entry_id and h.list_code == e.list_code for h in r.hits if h.score == top)
            key = (code, script_of(alias))
            found[key][0] += ok
            found[key][1] += 1
            if not ok and len(misses) < 40:
                misses.append(f"{code} {e.entry_id}: {q!r} -> {[(h.name, h.score) for h in r.hits[:2]]}")
    print("\n| list | script | aliases | ranked first | recall |\n|---|---|---|---|---|")
    for (code, script), (ok, total) in sorted(found.items()):
        print(f"| {code} | {script} | {total:,} | {ok:,} | {ok / total:.3f} |")
    ok_all = sum(v[0] for v in found.values())
    total_all = sum(v[1] for v in found.values())
    print(f"| all | all | {total_all:,} | {ok_all:,} | {ok_all / total_all:.3f} |")
    print("\nfirst misses:")
    for m in misses:
        print("  " + m)


if __name__ == "__main__":
    main()
