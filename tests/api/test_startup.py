"""A server restarting over a store whose screening index is cached on disk maps its entries without unpickling
them (start-up in seconds), answers from entries unpickled on first use, and reports when a background thread has
brought the whole index into memory."""

from __future__ import annotations

from pathlib import Path

from clearance.api import create_app
from clearance.screening import Query
from clearance.settings import Settings
from clearance.workflows.index_cache import LazyEntities
from clearance.workflows.live import LiveIndex
from tests.api.conftest import _copy


def test_restart_maps_entries_lazily_then_prefetches(api_db_template: Path, tmp_path: Path) -> None:
    path = _copy(api_db_template, tmp_path)
    settings = Settings(db=str(path), snapshot=False, max_age_days=100_000)
    first = create_app(settings)
    first.state.service.warm()  # builds the index and writes the on-disk cache when the template had none
    first.state.service.close()

    app = create_app(settings)
    svc = app.state.service
    live: LiveIndex = svc.live
    live.prefetch = False
    snap = svc.snapshot()
    ents = snap.index.entities
    assert isinstance(ents, LazyEntities) and ents.entity_keys is not None
    assert len(snap.entities) == len(ents) > 4_000  # the Entity List, Denied Persons, OFAC non-SDN
    assert sum(x is not None for x in ents._got) == 0  # nothing unpickled to start
    entry = snap.entities[("el", "el-2ebb15a31545")]
    assert entry.names[0].value == "Huawei Technologies Co., Ltd."
    assert sum(x is not None for x in ents._got) == 1
    result = svc.live.screen(Query("Huawei Device Co Ltd"))
    assert result.hits and result.hits[0].name == "Huawei Device Co., Ltd."
    assert {(e.list_code, e.entry_id) for e in snap.entities.values()} == set(snap.entities)
    svc.close()

    warm = create_app(settings)  # with the background prefetch (the default)
    wsvc = warm.state.service
    wsnap = wsvc.snapshot()
    assert wsvc.live.warm.wait(timeout=600)
    assert all(x is not None for x in wsnap.index.entities._got)
    wsvc.close()
