"""Re-screening after a list update (real SDN 2021-07-07 -> 2024-05-03): exact, and it skips parties.

The input draws its parties from names of both versions (so some were removed, some added, most unchanged)
and from unlisted names. A full re-screen under the 2024 index and an incremental one reusing the 2021 run's
results must give the same digest over every row.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import pytest

from clearance.errors import ConfigError
from clearance.model.entity import Entity
from clearance.screening.index import ScreeningIndex, build_index
from clearance.screening.model import ListVersion
from clearance.sources import ofac
from clearance.workflows.batch.incremental import MOVED, NEW_PARTY, SKIPPED
from clearance.workflows.batch.results import digest, folder_rows
from clearance.workflows.batch.run import screen_batch
from tests.batch.conftest import COUNTRIES, write_csv

TODAY = dt.date(2026, 12, 1)
SDN_2024 = ("sdn_2024-05-03.csv", "add_2025-12-24.csv", "alt_2025-12-24.csv", "sdn_comments_2025-12-24.csv")


def _sdn(files: list[Path]) -> list[Entity]:
    return [e for pl in ofac.PARSER.parse(tuple(files)) for e in pl.entities]


@pytest.fixture(scope="module")
def sdn_2021(data_dir: Path) -> list[Entity]:
    d = data_dir / "us_ofac" / "2021-07-07_full_set"
    return _sdn([d / "sdn.csv", d / "add.csv", d / "alt.csv", d / "sdn_comments.csv"])


@pytest.fixture(scope="module")
def sdn_2024(data_dir: Path) -> list[Entity]:
    return _sdn([data_dir / "us_ofac" / f for f in SDN_2024])


def _index(entities: list[Entity], version: str, day: dt.date) -> ScreeningIndex:
    return build_index(entities, {"sdn": ListVersion("sdn", version, day, 100_000)})


def test_incremental_rescreen_equals_full_rescreen(sdn_2021: list[Entity], sdn_2024: list[Entity],
                                                   dask_client: Any, tmp_path: Path) -> None:
    rng = random.Random(3)
    old_ids = {e.entry_id for e in sdn_2021}
    new_ids = {e.entry_id for e in sdn_2024}
    removed = [e for e in sdn_2021 if e.entry_id not in new_ids]
    added = [e for e in sdn_2024 if e.entry_id not in old_ids]
    kept = [e for e in sdn_2024 if e.entry_id in old_ids]
    assert removed and added and kept
    names = [e.name for e in rng.sample(removed, 15) + rng.sample(added, 15) + rng.sample(kept, 40)]
    names += ["Acme Widgets GmbH", "Nobody Special Ltd", "Bank Melli", "Rosneft", "Kim Jong Un"]
    rows = ({"name": rng.choice(names), "country": rng.choice(COUNTRIES), "order_ref": f"T-{i}"} for i in range(800))
    path = write_csv(tmp_path / "tx.csv", rows)
    old = _index(sdn_2021, "sdn-2021-07-07", dt.date(2021, 7, 7))
    new = _index(sdn_2024, "sdn-2024-05-03", dt.date(2024, 5, 3))
    kw: dict[str, Any] = {"client": dask_client, "partition_rows": 300, "today": TODAY}
    screen_batch(str(path), str(tmp_path / "old"), old, **kw)
    full = screen_batch(str(path), str(tmp_path / "full"), new, **kw)
    inc = screen_batch(str(path), str(tmp_path / "inc"), new, previous=str(tmp_path / "old"), **kw)
    assert digest(folder_rows(tmp_path / "inc")) == digest(folder_rows(tmp_path / "full"))
    parties = inc["previous"]["parties"]
    assert parties.get(SKIPPED, 0) > 0 and parties.get(MOVED, 0) > 0  # both kinds, so the equality means something
    assert set(parties) <= {SKIPPED, MOVED, NEW_PARTY}
    assert full["rows"] == inc["rows"] == 800
    assert {tuple(r["list_versions"].items()) for r in folder_rows(tmp_path / "inc")} == {(("sdn", "sdn-2024-05-03"),)}


def test_previous_run_with_other_settings_is_refused(el_index: ScreeningIndex, dask_client: Any,
                                                     tmp_path: Path) -> None:
    (tmp_path / "tx.csv").write_text("name\nBank Melli\n", encoding="utf-8")
    new = el_index
    screen_batch(str(tmp_path / "tx.csv"), str(tmp_path / "a"), new, client=dask_client, today=TODAY, limit=3)
    with pytest.raises(ConfigError, match="limit"):
        screen_batch(str(tmp_path / "tx.csv"), str(tmp_path / "b"), new, client=dask_client, today=TODAY,
                     previous=str(tmp_path / "a"))
