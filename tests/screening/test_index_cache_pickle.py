"""The screening index cache: entities pickled the fast way come back equal, field for field; flat names read
lazily are the flat names written; a one-query look-up of the postings finds what the dict finds."""

from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import pytest

from clearance.errors import CannotClear
from clearance.model.entity import Entity
from clearance.screening.index import build_index
from clearance.screening.prefilter import FlatNames
from clearance.screening.prepared import prepare_entity
from clearance.screening.strings import Strings, pick
from clearance.workflows import index_cache


def test_entities_pickled_the_fast_way_are_equal(el_entities: list[Entity], uk_entities: list[Entity]) -> None:
    for entity in [*el_entities[::7], *uk_entities[::53]]:
        pe = prepare_entity(entity)
        back = pickle.loads(index_cache.dumps_entity(pe))
        assert back == pe
        # every nested object too (against the default round trip: a set rebuilt may iterate in another order)
        default = pickle.loads(pickle.dumps(pe, protocol=pickle.HIGHEST_PROTOCOL))
        assert pickle.dumps(back, protocol=5) == pickle.dumps(default, protocol=5)


def test_index_read_back_from_the_cache(el_entities: list[Entity], tmp_path: Path) -> None:
    index = build_index(el_entities[:400])
    key_dir = tmp_path / "key"
    assert index_cache.write_index(tmp_path, "index-x.pkl", index, key_dir=key_dir)
    got = index_cache.read_index(tmp_path, "index-x.pkl", key_dir=key_dir)
    assert got is not None
    for name in ("flat", "flat_person", "flat3", "flat3_person"):
        lazy, real = getattr(got, name), getattr(index, name)
        if name in index_cache._APART:  # @1/@2's: read from their own entry when first used
            assert isinstance(lazy, index_cache.LazyFlatNames)
        else:  # @3's: in the core, arrays mapped and strings joined
            assert type(lazy) is FlatNames and isinstance(lazy.run_text, Strings)
            assert not lazy.tok_ids.flags.writeable  # a view of the mapped file
        assert lazy.scripts is not None and real.scripts is not None
        assert (lazy.scripts == real.scripts).all() and lazy.script_sets == real.script_sets
        assert tuple(lazy.vocab) == real.vocab and tuple(lazy.compact) == real.compact
        assert tuple(lazy.run_text) == real.run_text
        assert [lazy.run_text[i] for i in range(len(real.run_text))] == list(real.run_text)
        assert (lazy.tok_ids == real.tok_ids).all() and (lazy.name_weight == real.name_weight).all()
        assert type(pickle.loads(pickle.dumps(lazy))) is type(real)  # travels as the plain flat names
    assert list(got.entities) == list(index.entities)
    ents = got.entities
    assert isinstance(ents, index_cache.LazyEntities)
    assert ents.entity_keys == [(pe.entity.list_code, pe.entity.entry_id) for pe in index.entities]
    postings = got.postings
    assert isinstance(postings, index_cache.Postings)
    keys = sorted(index.postings)
    searched = {k: postings.get(k) for k in keys[:50]}  # the first look-ups search the sorted keys
    assert postings.get("no such key") is None
    postings._where()
    for k, found in searched.items():
        assert np.array_equal(found, index.postings[k]) and np.array_equal(postings[k], found)


def test_flat_names_kept_apart_fail_closed_when_changed(el_entities: list[Entity], tmp_path: Path) -> None:
    index = build_index(el_entities[:200])
    key_dir = tmp_path / "key"
    assert index_cache.write_index(tmp_path, "index-y.pkl", index, key_dir=key_dir)
    apart = tmp_path / f"index-y.pkl{index_cache.APART_SUFFIX}"
    assert apart.is_file()
    got = index_cache.read_index(tmp_path, "index-y.pkl", key_dir=key_dir)
    assert got is not None and got.flat is not None and got.flat3 is not None
    assert tuple(got.flat3.vocab) == index.flat3.vocab  # type: ignore[union-attr]  # read from the core
    data = bytearray(apart.read_bytes())
    data[-1] ^= 1
    apart.write_bytes(bytes(data))
    with pytest.raises(CannotClear):
        _ = got.flat.vocab  # @1/@2's flat names: the changed entry is never unpickled
    assert not (tmp_path / "index-y.pkl").exists()  # the core is discarded: the next run rebuilds


@pytest.mark.parametrize("items", [[], [""], ["", ""], ["ab", "c", "", "déf", "北京"], ["a\0b", "c"]])
def test_strings_are_the_strings_given(items: list[str]) -> None:
    got = Strings.of(items)
    assert len(got) == len(items) and list(got) == items and [got[i] for i in range(len(items))] == items
    assert got == tuple(items) and got[1:] == tuple(items[1:])
    if items:
        assert got[-1] == items[-1]
    with pytest.raises(IndexError):
        got[len(items)]
    back = pickle.loads(pickle.dumps(got, protocol=5))
    assert list(back) == items
    ids = [i for i in range(len(items)) for _ in range(2)][::-1]
    assert got.pick(ids) == pick(got, ids) == pick(items, ids) == [items[i] for i in ids]
    as_array = np.array(ids, dtype=np.int64)
    assert pick(got, as_array) == pick(items, as_array) == [items[i] for i in ids]
    got.make_all()  # every string made at once (a batch), then picked by numpy: the same strings
    assert got.pick(ids) == got.pick(as_array) == [items[i] for i in ids]
    assert all(type(s) is str for s in got.pick(as_array))


def test_a_changed_mapped_core_is_never_unpickled(el_entities: list[Entity], tmp_path: Path) -> None:
    index = build_index(el_entities[:100])
    key_dir = tmp_path / "key"
    assert index_cache.write_index(tmp_path, "index-z.pkl", index, key_dir=key_dir)
    core = tmp_path / "index-z.pkl"
    for at in (len(index_cache.MAPPED_MAGIC) + 40, -1):  # the header or pickle body; the last array byte
        data = bytearray(core.read_bytes())
        data[at] ^= 1
        changed = tmp_path / "changed"
        changed.mkdir(exist_ok=True)
        (changed / "index-z.pkl").write_bytes(bytes(data))
        assert index_cache.read_mapped(changed, "index-z.pkl", key_dir=key_dir) is None
        assert not (changed / "index-z.pkl").exists()  # discarded: the next run rebuilds
    assert index_cache.read_mapped(tmp_path, "index-z.pkl", key_dir=key_dir) is not None


def test_person_readings_prepared_at_build_are_prepare3s(uk_entities: list[Entity]) -> None:
    """A listed person's names carry @3's person reading (index format 13), the very form ``prepare3`` gives; other
    parties' names do not (prepared when a query asks for it)."""
    from clearance.model.entity import Schema
    from clearance.screening.algorithm3 import ClearanceMatcherV3
    from clearance.screening.forms3 import prepare3

    algo = ClearanceMatcherV3()
    persons = 0
    for entity in uk_entities[::11]:
        for pn in prepare_entity(entity).names:
            if entity.schema is Schema.PERSON:
                persons += 1
                assert pn.form3_person == prepare3(pn.form.original, True)
            else:
                assert pn.form3_person is None
            assert algo._name_form(pn, True) == prepare3(pn.form.original, True)
            assert algo._name_form(pn, False) == prepare3(pn.form.original)
    assert persons > 50


def test_town_tables_stored_with_the_index(uk_entities: list[Entity], tmp_path: Path) -> None:
    from clearance.screening import towns

    index = build_index(uk_entities[:400])
    listed, addressed = towns.make_listed_towns(index), towns.make_entry_addresses(index)
    assert listed and addressed  # (the sample has entries with addresses naming towns)
    key_dir = tmp_path / "key"
    assert index_cache.write_index(tmp_path, "index-t.pkl", index, key_dir=key_dir)
    got = index_cache.read_index(tmp_path, "index-t.pkl", key_dir=key_dir)
    assert got is not None and isinstance(got.entities, index_cache.LazyEntities)
    # read from the stored entry, in the same order, without unpickling an entity
    assert list(towns.listed_towns(got).items()) == list(listed.items())
    assert list(towns.entry_addresses(got).items()) == list(addressed.items())
    assert all(e is None for e in got.entities._got)
    # a changed entry is never unpickled: the tables are made from the entities again, the same
    stored = tmp_path / f"index-t.pkl{index_cache.TOWNS_SUFFIX}"
    data = bytearray(stored.read_bytes())
    data[-1] ^= 1
    stored.write_bytes(bytes(data))
    again = index_cache.read_index(tmp_path, "index-t.pkl", key_dir=key_dir)
    assert again is not None and again.stored_towns is not None and again.stored_towns.listed() is None
    assert list(towns.listed_towns(again).items()) == list(listed.items())
    assert list(towns.entry_addresses(again).items()) == list(addressed.items())
