"""Locust load for `clearance serve` (issue 13): screen requests with repeats, every N-th a yente /match batch of 20.

Run by ``bench/bench_api.py --client locust`` (which starts the server, creates the key and reads the results), or
by hand against a running server:

    CLEARANCE_BENCH_KEY=KEY .venv/bin/locust -f bench/locustfile.py --headless -u 8 -r 8 --run-time 20s \\
        --host http://127.0.0.1:8000 --csv /tmp/locust

Bounded in time (``--run-time``) and in count: at most ``CLEARANCE_BENCH_REQUESTS`` requests (default 20,000)
over all users, then the users stop. Party names: the 1,573 queries of bench/screening/sets, drawn at random
(seed 7 per user), as in the httpx client of bench_api.py. ``CLEARANCE_BENCH_MATCH_EVERY`` (default 50): every
N-th request of a user is ``POST /match/default`` with 20 parties (0: none).
"""

from __future__ import annotations

import csv
import itertools
import os
import random
from pathlib import Path

from locust import FastHttpUser, constant, task
from locust.exception import StopUser

SETS = Path(__file__).resolve().parent / "screening" / "sets"
KEY = os.environ.get("CLEARANCE_BENCH_KEY", "")
LIMIT = int(os.environ.get("CLEARANCE_BENCH_REQUESTS", "20000"))
MATCH_EVERY = int(os.environ.get("CLEARANCE_BENCH_MATCH_EVERY", "50"))
_SENT = itertools.count()


def _names() -> list[str]:
    out: list[str] = []
    for name in ("customer_variants.csv", "hard_negatives.csv"):
        with open(SETS / name, encoding="utf-8", newline="") as fh:
            out += [row["query"] for row in csv.DictReader(fh) if row["query"].strip()]
    return out


NAMES = _names()


class ScreeningClient(FastHttpUser):
    """A client system screening parties one by one, as fast as answers come (no think time)."""

    wait_time = constant(0)

    def on_start(self) -> None:
        self.rng = random.Random(7)
        self.mine = 0
        self.headers = {"Authorization": f"ApiKey {KEY}"}

    @task
    def screen(self) -> None:
        if next(_SENT) >= LIMIT:
            raise StopUser()
        self.mine += 1
        if MATCH_EVERY and self.mine % MATCH_EVERY == 0:
            body = {"queries": {str(i): {"schema": "LegalEntity", "properties": {"name": [self.rng.choice(NAMES)]}}
                                for i in range(20)}}
            self.client.post("/match/default", json=body, headers=self.headers, name="match20")
        else:
            self.client.post("/v1/screen", json={"name": self.rng.choice(NAMES)}, headers=self.headers,
                             name="screen")
