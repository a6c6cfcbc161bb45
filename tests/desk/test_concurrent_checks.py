"""Two processes checking orders at once against one licence: the chain stays valid and the licence is never
overdrawn (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from clearance.settings import Settings
from clearance.store import Store
from clearance.store import audit_log as alog
from clearance.store import licences as lic_store

LICENCE = """\
- number: D2000001
  holder: Example Components Inc.
  parties: ["Huawei Device (Dongguan) Co., Ltd."]
  eccns: [5A992.c]
  destination: CN
  quantity_limit: 45
  valid_from: 2019-09-15
  valid_to: 2023-09-14
"""


def _worker(url: str, path: str) -> list[str]:
    os.environ.update({"CLEARANCE_DB": url, "CLEARANCE_MAX_AGE_DAYS": "100000", "CLEARANCE_SNAPSHOT": "false"})
    from clearance.workflows.desk import Desk, read_desk_orders
    from clearance.workflows.facade import Clearance

    with Desk(Clearance(settings=Settings(db=url, snapshot=False, max_age_days=100000)), actor=path[-8:]) as desk:
        return [r.answer.verdict.value for r in desk.check(read_desk_orders(path)) if r.answer is not None]


def test_two_processes_checking_orders_at_once(desk_settings: Settings, tmp_path: Path) -> None:
    url = desk_settings.db
    from clearance.workflows.desk import Desk
    from clearance.workflows.facade import Clearance

    lic = tmp_path / "lic.yaml"
    lic.write_text(LICENCE)
    with Desk(Clearance(settings=desk_settings)) as desk:
        desk.add_licences(str(lic))
    files = []
    for tag in ("a", "b"):
        path = tmp_path / f"orders-{tag}.jsonl"
        path.write_text("".join(json.dumps({
            "id": f"{tag}-{i}", "date": "2020-06-01", "to": "CN", "quantity": 1,
            "item": {"eccn": "5A992.c", "origin": "US", "value": 10},
            "parties": [{"role": "end_user", "name": "Huawei Device (Dongguan) Co Ltd", "country": "CN"}]}) + "\n"
            for i in range(30)))
        files.append(str(path))
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=ctx) as pool:
        verdicts = [v for got in pool.map(_worker, [url, url], files) for v in got]
    assert len(verdicts) == 60
    assert verdicts.count("RELEASE") == 45 and verdicts.count("HOLD") == 15
    with Store.open(url) as st:
        assert lic_store.get(st.engine, "D2000001").quantity_used == 45
        assert len(lic_store.drawdowns(st.engine, "D2000001")) == 45
        v = alog.verify(st.engine)
        assert v.ok, v.problem
        kinds = [r.kind for r in alog.records(st.engine)]
        assert kinds.count("determination") == 60 and kinds.count("licence") == 1 + 45
