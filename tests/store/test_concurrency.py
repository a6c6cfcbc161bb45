"""Two loads of the same list at the same time get distinct, complete versions."""

from __future__ import annotations

import dataclasses
from concurrent.futures import ThreadPoolExecutor

from clearance.model import Name, NameKind, ParsedList
from clearance.store import LoadResult, Store

from .realdata import subset


def test_concurrent_loads_of_one_list(store_url: str, sdn_2021: ParsedList, sdn_2024: ParsedList) -> None:
    lists = [subset(sdn_2021, 4000), subset(sdn_2024, 5000)]
    stores = [Store.open(store_url) for _ in lists]
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            results: list[LoadResult] = list(
                pool.map(lambda sp: sp[0].load(sp[1]), zip(stores, lists, strict=True))
            )
    finally:
        for st in stores:
            st.close()
    assert sorted(r.version.version_id for r in results) == ["sdn-1", "sdn-2"]
    with Store.open(store_url) as st:
        for r, pl in zip(results, lists, strict=True):
            assert st.version(r.version.version_id).entity_count == len(pl.entities)
            assert sum(1 for _ in st.entities(r.version.version_id)) == len(pl.entities)
        # whichever load commits first, the 2024 data ends active: loaded second, it is newer and replaces the 2021
        # data; loaded first, the 2021 data that follows is older and is held ("history"), never activated
        newer, older = results[1], results[0]
        assert st.active()["sdn"].version_id == newer.version.version_id
        if older.version.seq > newer.version.seq:
            assert st.version(older.version.version_id).hold is not None


def test_very_long_names_are_stored(store: Store, sdn_2024: ParsedList) -> None:
    """Unsplit alias cells run to hundreds of characters; nothing in the schema limits them."""
    entity = sdn_2024.entities[0]
    long_alias = Name("ТОВАРИЩЕСТВО " * 300, NameKind.ALIAS, "ru")  # ~3,900 characters, ~7 kB in UTF-8
    pl = dataclasses.replace(
        subset(sdn_2024, 1), entities=(dataclasses.replace(entity, names=(*entity.names, long_alias)),)
    )
    v = store.load(pl).version
    assert store.entity(entity.entry_id, version_id=v.version_id).names[-1] == long_alias
