"""Derive clearance/screening/data/word_rarity.json.gz: in how many names each canonical word occurs.

Run: PYTHONPATH=. .venv/bin/python tools/derive_word_rarity.py [--data ../shared/data]

Corpus (one document per distinct name):
- every name of the lists bench.screening.run_index.load reads (Entity List, SDN and consolidated, DPL, UN, UK);
- the calibration part (bench/screening/split.py) of the Wikidata person names in ../shared/data/name_matching
  (the test part is never read, so the unlisted-person figures stay out of sample);
- 9,000 synthesised unlisted companies (a surname or a list city + trade words + a legal form, the recipe of
  bench/screening/run_batch.py) drawn with a fixed seed from those calibration-part names.
Tokens are those of clearance-name@3 (``clearance.screening.forms3.canonical_tokens``), in both the
organisation and the person reading of each name. A word counts in a name only when the name also has a
rarer word beside it (one in at most CONTEXT_DF names): a city or an industry word stands beside many
different brands and counts often; a listed brand with a hundred subsidiaries ("Huawei Technologies",
"Huawei Device", ...) stands beside generic words and counts little, so it stays distinctive.
Words in fewer than two names are left out (they weigh 1).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
from collections import Counter
from pathlib import Path

from bench.screening.labelled import unlisted_persons
from bench.screening.run_batch import LEGAL_FORMS, TRADE_WORDS
from bench.screening.run_index import load
from clearance.screening.forms3 import canonical_tokens

SYNTHESISED = 9000
SEED = 20261201
CONTEXT_DF = 25  # a word counts in a name only when the name has another word in at most this many names


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.environ.get("CLEARANCE_DATA", "../shared/data"))
    args = ap.parse_args()
    data = Path(args.data)
    names: set[str] = {n.value for e in load(data) for n in e.names if n.value.strip()}
    listed = len(names)
    persons = unlisted_persons(data / "name_matching", "calibration")
    names.update(persons)
    rng = random.Random(SEED)
    surnames = sorted({p.split()[-1] for p in persons if p.split() and p.split()[-1].isalpha()})
    made: set[str] = set()
    while len(made) < SYNTHESISED:
        words = [rng.choice(surnames), rng.choice(TRADE_WORDS)]
        if rng.random() < 0.3:
            words.append(rng.choice(TRADE_WORDS))
        words.append(rng.choice(LEGAL_FORMS))
        made.add(" ".join(w for w in words if w))
    names.update(made)
    docs = [set(canonical_tokens(n)[0]) | set(canonical_tokens(n, person=True)[0]) for n in sorted(names)]
    raw: Counter[str] = Counter(t for d in docs for t in d)
    df: Counter[str] = Counter()
    for d in docs:  # a word counts in a name only beside another distinctive word (see CONTEXT_DF)
        rare = [t for t in d if raw[t] <= CONTEXT_DF and len(t) > 1]
        for t in d:
            if any(u != t for u in rare):
                df[t] += 1
    table = {"documents": len(names), "sources": {"listed names": listed, "unlisted persons (calibration part)":
             len(persons), "synthesised companies": len(made)},
             "df": {t: c for t, c in sorted(df.items()) if c >= 2}}
    out = Path(__file__).resolve().parents[1] / "clearance" / "screening" / "data" / "word_rarity.json.gz"
    out.write_bytes(gzip.compress(json.dumps(table, sort_keys=True, separators=(",", ":")).encode(), mtime=0))
    print(f"{len(names):,} names, {len(table['df']):,} words in 2+ names -> {out} ({out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
