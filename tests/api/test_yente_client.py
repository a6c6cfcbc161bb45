"""The real `yente-client` package (OpenSanctions' SDK, from PyPI) against a running `clearance serve` app:
a yente user changes only the base URL and the key."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from yente_client import Client, Company, Person
from yente_client.exceptions import BadRequestError, NotFoundError

from clearance.api import create_app
from clearance.settings import Settings
from clearance.store import Store
from clearance.workflows.keys import add_key
from tests.api.conftest import _copy, running


@pytest.fixture(scope="module")
def server(api_db_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """(base URL, analyst key) of a uvicorn server on a free loopback port, stopped after the module."""
    path = _copy(api_db_template, tmp_path_factory.mktemp("yente-client"))
    settings = Settings(db=str(path), snapshot=False, max_age_days=100_000)
    with Store.open(settings.db_url) as st:
        secret = add_key(st, "yente-client", "analyst").secret
    app = create_app(settings)
    app.state.service.warm()
    with running(app) as base:
        yield base, secret


def test_match_search_fetch_and_metadata_through_yente_client(server: tuple[str, str]) -> None:
    base, key = server
    with Client(base_url=base, api_key=key, app_name="clearance-test") as client:
        assert client.healthz().status == "ok"
        assert client.readyz().status == "ok"
        algos = client.algorithms()
        assert algos.default == algos.best and algos.default in [a.name for a in algos.algorithms]

        res = client.match(Company(name="Huawei Technologies Co Ltd", country="cn"))
        assert res.top is not None and res.top.caption.startswith("Huawei Technologies Co., Ltd.")
        assert res.top.match and res.top.score >= 0.7
        assert "name" in res.top.contributing_explanations
        assert res.limit == 5 and res.total.value >= len(res.results)

        nobody = client.match(Person(name="Blue Meadow Bakery of Vermont"), datasets=["el"])
        assert nobody.results == [] and nobody.top is None

        narrowed = client.match(Company(name="Huawei"), datasets=["dpl"], threshold=0.99, cutoff=0.0)
        assert all(r.datasets == ["dpl"] for r in narrowed.results)

        found = client.search("huawei", datasets=["el"], countries=["de"], limit=5)
        assert found.total.value >= 1 and all("de" in r.properties["country"] for r in found.results)

        entity = client.fetch("el-66aa1cb6f567")
        assert entity.caption == "Huawei Technologies Co., Ltd. (Huawei)" and entity.datasets == ["el"]
        assert client.fetch("30947").id == "ofac-cons-30947"  # the SDK follows the 308 to the canonical id

        first = client.datasets()
        names = {d.name: d for d in first.datasets}
        assert names["el"].load and names["el"].entity_count == 3421 and "el" in first.current
        assert client.datasets() == first  # second call: revalidated with If-None-Match (304)

        with pytest.raises(NotFoundError):
            client.fetch("el-000000000000")
        with pytest.raises(NotFoundError):
            client.match(Company(name="Huawei"), datasets=["nosuchdataset"])
        with pytest.raises(BadRequestError):
            client.match(Company(name="Huawei"), algorithm="logic-v2")


def test_match_iter_streams_a_batch(server: tuple[str, str]) -> None:
    base, key = server
    parties = [("hw", Company(name="Huawei Device Co Ltd")), ("none", Company(name="Nordic Oat Mills AB")),
               ("dpl", Person(name="Huawei Technologies"))]
    with Client(base_url=base, api_key=key) as client:
        got = dict(client.match_iter(parties, workers=2))
    assert set(got) == {"hw", "none", "dpl"}
    hw = got["hw"]
    assert not isinstance(hw, Exception) and hw.top is not None and hw.top.caption == "Huawei Device Co., Ltd."
