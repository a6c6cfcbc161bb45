"""What the civil vocabulary's accounting of every word costs and closes (docs/facts.md, "An end use no vocabulary
reads"), over every scenario held: the shared scenarios, the own scenarios and the adversarial rounds the harness
(tests/workflows/test_adversary_cases.py) loads.

    CLEARANCE_DATA=../shared/data .venv/bin/python bench/end_use_flips.py [--words] [--no-screen]

An end use naming a civil word used to answer the question of an end use no vocabulary reads on its own; now every
other word of it must be accounted for (clearance/model/civil_words.py). For each scenario whose request carries
that new question ("outside the civil vocabulary"), the scenario is determined with and without it and counted:

- **needless**: the expectation clears, and the answer without the question cleared (it flips to CANNOT_CLEAR);
  **accepted** when the case lists CANNOT_CLEAR as acceptable;
- **closed**: the expectation does not clear, and the answer without the question cleared (a false clear closed);
- **no change**: the answer without the question did not clear anyway (a licence, or another question).

Two parts are counted apart: the **calibration** part, from which the neutral words were chosen (shared and own
scenarios, adversarial rounds 1-26), and the **held-out** part (rounds 27-32 and later), measured only. Adversarial
cases are screened against the loaded lists as the harness does (``--no-screen``: parties taken as screened clear);
shared and own scenarios as their tests do (NONE_FOUND).

``--words`` lists, with their counts, the words of the calibration part's clearing scenarios (their end uses and
item descriptions) that the vocabulary leaves unaccounted for: the candidates from which
clearance/resources/neutral_words.yml and the compounds and trades of civil_activities.yml were kept by hand (words
of weapons work left out on purpose).
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import os
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from clearance.model.civil_words import unaccounted_words  # noqa: E402
from clearance.model.determination import Request  # noqa: E402
from clearance.rules import NONE_FOUND, determine, load_rules  # noqa: E402
from clearance.workflows.order_files import load_scenarios  # noqa: E402

CLEARING = {"NOT_SUBJECT", "NO_LICENSE_REQUIRED", "LICENSE_EXCEPTION"}
MARK = "outside the civil vocabulary"
HARNESS = ROOT / "tests" / "workflows" / "test_adversary_cases.py"
RULES_DIR = ROOT / "tests" / "rules"
CALIBRATION_LAST_ROUND = 26


def _files() -> list[tuple[str, Path, bool]]:
    """(part, path, adversarial) of every scenario file held."""
    shared = Path(os.environ.get("CLEARANCE_SCENARIOS", ROOT.parent / "shared" / "regulatory" / "ear-scenarios.yaml"))
    out = [("calibration", shared, False), ("calibration", RULES_DIR / "own_scenarios.yaml", False),
           ("calibration", RULES_DIR / "own_scenarios_744.yaml", False)]
    for name in re.findall(r'"(adversary_round\d+[a-z]?\.yaml)"', HARNESS.read_text(encoding="utf-8")):
        n = int(re.search(r"\d+", name).group(0))  # type: ignore[union-attr]
        out.append(("calibration" if n <= CALIBRATION_LAST_ROUND else "held-out", RULES_DIR / name, True))
    return out


def _screener() -> Callable[[Request], str]:
    from clearance.settings import Settings
    from clearance.store import Store
    from clearance.workflows.determination import PartyScreener
    from clearance.workflows.lists import load_paths

    data = Path(os.environ["CLEARANCE_DATA"])
    path = Path(tempfile.mkdtemp()) / "lists.db"
    with Store.open(f"sqlite:///{path}") as st:
        load_paths(st, [data / "us_bis"], only=("el", "dpl", "meu", "uvl", "mieu"))
        load_paths(st, [data / "us_ofac"], only=("sdn",))
    ages = {"dpl": 1200, "meu": 1200, "uvl": 1200, "sdn": 1000, "el": 1200}  # as the harness
    screener = PartyScreener.open(Settings(db=str(path), snapshot=False, max_age_overrides=ages))
    rules = load_rules()
    return lambda r: screener.determine(r, rules)[0].outcome.value


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", action="store_true", help="list the calibration part's unaccounted words")
    ap.add_argument("--no-screen", action="store_true", help="adversarial parties taken as screened clear")
    args = ap.parse_args()
    rules = load_rules()
    plain: Callable[[Request], str] = lambda r: determine(r, rules, NONE_FOUND).outcome.value  # noqa: E731
    screened = plain if args.no_screen or args.words else _screener()
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    listed: dict[str, list[str]] = collections.defaultdict(list)
    words: collections.Counter[str] = collections.Counter()
    for part, path, adversarial in _files():
        for s in load_scenarios(path):
            req, expected = s.request, s.raw["expected"]
            counts[part]["scenarios"] += 1
            clears = str(expected.get("outcome")) in CLEARING
            counts[part]["clearing end uses"] += bool(clears and req.end_use.strip())
            if args.words and part == "calibration" and clears:
                words.update(w for t in (req.end_use, req.item.description) for w in unaccounted_words(t))
            asked = [u for u in req.unmapped_knowledge if MARK in u]
            if not asked:
                continue
            counts[part]["asked"] += 1
            if args.words:
                continue
            old = dataclasses.replace(req, unmapped_knowledge=tuple(u for u in req.unmapped_knowledge if MARK not in u))
            decide = screened if adversarial else plain
            before = decide(old)
            if before not in CLEARING:
                kind = "no change"
            else:
                kind = "closed" if not clears else "accepted" if "CANNOT_CLEAR" in expected.get(
                    "acceptable", []) else "needless"
                listed[f"{part} {kind}"].append(f"{req.id} ({path.name}): {req.end_use[:110]!r}")
            counts[part][kind] += 1
    if args.words:
        for w, n in words.most_common():
            print(f"{n:4d} {w}")
        return
    for part in ("calibration", "held-out"):
        c = counts[part]
        print(f"{part}: {c['scenarios']} scenarios ({c['clearing end uses']} expected to clear with an end use), "
              f"{c['asked']} end uses asked by the new accounting: "
              f"{c['needless']} needless CANNOT_CLEAR ({c['accepted']} more the case accepts), "
              f"{c['closed']} false clears closed, {c['no change']} not clearing anyway")
    for key, rows in sorted(listed.items()):
        print(f"\n{key} ({len(rows)}):")
        for row in rows:
            print("  " + row)


if __name__ == "__main__":
    main()
