"""A batch of parties (`/v1/screen/batch`, yente `/match`) is screened together (``LiveIndex.screen_batch``): each
result is the one screening that party alone gives, byte for byte, whatever else the batch holds."""

from __future__ import annotations

import json
from pathlib import Path

from clearance.screening.model import Query
from clearance.settings import Settings
from clearance.store import Store
from clearance.workflows.live import LiveIndex
from clearance.workflows.screening import screen_one

from .conftest import _copy

NAMES = ["Huawei Device Co Ltd", "HUAWEI TECHNOLOGIES CO., LTD.", "Hikvision Digital Technology", "SMIC",
         "Semiconductor Manufacturing International Corp", "Beijing Institute of Technology", "Nordic Oat Mills AB",
         "Zhejiang Dahua Technology", "Shenzhen Kaixin Intelligent Technology Co Ltd", "Rostec", "   ",
         "Harbin Engineering Univ", "Nudt", "Sugon", "Inspur Group", "iFlytek Co Ltd", "Megvii", "SenseTime",
         "General Trading FZE", "Huawei Device Co Ltd", "Moscow Institute of Physics and Technology", "Tecnologia X",
         "John Smith", "Ivan Petrov", "Aero Engine Corporation of China", "x" * 5000]


def test_a_batch_gives_what_each_party_alone_gives(api_db_template: Path, tmp_path: Path) -> None:
    path = _copy(api_db_template, tmp_path)
    settings = Settings(db=str(path), snapshot=False, max_age_days=100_000)
    queries = [Query(n) for n in NAMES] + [Query("Huawei", "CN"), Query("Ivan Petrov", None, None, "1970-01-01")]
    with Store.open(settings.db_url) as st:
        live = LiveIndex(st, settings, check_seconds=0.0)
        live.prefetch = False
        snap = live.snapshot()
        for opts in ({}, {"lists": ["el"], "threshold": 0.3, "limit": 5}):
            got = live.screen_batch(queries, **opts)  # type: ignore[arg-type]
            alone = [screen_one(q, snap.index, today=snap.day, **opts) for q in queries]  # type: ignore[arg-type]
            assert [json.dumps(r.to_dict(), sort_keys=True) for r in got] == \
                [json.dumps(r.to_dict(), sort_keys=True) for r in alone]
            assert any(r.hits for r in got) and got[0] is got[NAMES.index("Huawei Device Co Ltd", 1)]
            # remembered: the same parties asked again, one by one, give the same objects
            assert [live.screen(q, **opts) for q in queries] == got  # type: ignore[arg-type]
