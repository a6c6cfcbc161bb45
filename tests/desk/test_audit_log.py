"""The hash-chained audit log: verification finds the first altered, removed or re-ordered record, and two
processes appending at once keep one unbroken chain (SQLite and PostgreSQL)."""

from __future__ import annotations

import itertools
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

import pytest
import sqlalchemy as sa

from clearance.store import Store
from clearance.store import audit_log as log
from clearance.store.desk_schema import audit_head, audit_log


def _fill(st: Store, n: int) -> None:
    for i in range(n):
        log.append(st.engine, [log.AuditEntry("determination", f"order-{i}", {"outcome": "LICENSE_REQUIRED", "i": i},
                                              actor="tester")])


def test_an_untouched_chain_verifies(store_url: str) -> None:
    with Store.open(store_url) as st:
        assert log.verify(st.engine).ok  # an empty log is valid
        _fill(st, 5)
        got = log.verify(st.engine)
        assert got.ok and got.count == 5
        recs = list(log.records(st.engine))
        assert [r.seq for r in recs] == [1, 2, 3, 4, 5]
        assert recs[0].prev_hash == log.GENESIS and all(b.prev_hash == a.hash for a, b in itertools.pairwise(recs))
        assert recs[2].data == {"outcome": "LICENSE_REQUIRED", "i": 2}


def test_one_altered_row_is_named(store_url: str) -> None:
    with Store.open(store_url) as st:
        _fill(st, 6)
        with st.engine.begin() as conn:  # someone edits the outcome of record 3 in the database
            conn.execute(sa.update(audit_log).where(audit_log.c.seq == 3)
                         .values(body='{"i":2,"outcome":"NO_LICENSE_REQUIRED"}'))
        got = log.verify(st.engine)
        assert not got.ok and got.first_bad == 3 and "altered" in (got.problem or "")


def test_an_altered_row_with_a_recomputed_hash_breaks_the_next_link(store_url: str) -> None:
    with Store.open(store_url) as st:
        _fill(st, 6)
        r = log.record(st.engine, 4)
        assert r is not None
        body = '{"i":3,"outcome":"NO_LICENSE_REQUIRED"}'
        forged = log.record_hash(4, r.at, r.actor, r.kind, r.subject, body, r.prev_hash)
        with st.engine.begin() as conn:
            conn.execute(sa.update(audit_log).where(audit_log.c.seq == 4).values(body=body, hash=forged))
        got = log.verify(st.engine)
        assert not got.ok and got.first_bad == 5


def _drop_retention_guard(st: Store) -> None:
    """What someone set on removing records must do first: drop the database's retention triggers."""
    with st.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("DROP TRIGGER audit_log_retention ON audit_log"))
        else:
            conn.execute(sa.text("DROP TRIGGER audit_log_retention"))


def test_the_database_refuses_to_delete_records_younger_than_five_years(store_url: str) -> None:
    with Store.open(store_url) as st:
        _fill(st, 3)
        with pytest.raises(sa.exc.DatabaseError, match="kept at least five years"), st.engine.begin() as conn:
            conn.execute(sa.delete(audit_log).where(audit_log.c.seq == 2))
        if st.engine.dialect.name == "postgresql":
            with pytest.raises(sa.exc.DatabaseError, match="kept at least five years"), st.engine.begin() as conn:
                conn.execute(sa.text("TRUNCATE audit_log"))
        old = "2020-11-30T10:00:00.000000+00:00"  # a record older than five years may go (after archiving it)
        with st.engine.begin() as conn:
            conn.execute(sa.insert(audit_log).values(seq=99, at=old, actor="t", kind="k", subject="s", body="{}",
                                                     prev_hash="0", hash="0"))
        with st.engine.begin() as conn:
            assert conn.execute(sa.delete(audit_log).where(audit_log.c.seq == 99)).rowcount == 1
        got = log.verify(st.engine)
        assert got.ok and got.count == 3


def test_a_removed_row_is_named(store_url: str) -> None:
    with Store.open(store_url) as st:
        _fill(st, 6)
        _drop_retention_guard(st)
        with st.engine.begin() as conn:
            conn.execute(sa.delete(audit_log).where(audit_log.c.seq == 2))
        got = log.verify(st.engine)
        assert not got.ok and got.first_bad == 2 and "missing" in (got.problem or "")


def test_a_removed_last_row_is_noticed(store_url: str) -> None:
    with Store.open(store_url) as st:
        _fill(st, 4)
        _drop_retention_guard(st)
        with st.engine.begin() as conn:
            conn.execute(sa.delete(audit_log).where(audit_log.c.seq == 4))
        got = log.verify(st.engine)
        assert not got.ok and got.first_bad == 4


def test_reordered_rows_are_named(store_url: str) -> None:
    with Store.open(store_url) as st:
        _fill(st, 5)
        a, b = log.record(st.engine, 2), log.record(st.engine, 3)
        assert a is not None and b is not None
        with st.engine.begin() as conn:  # swap the contents of records 2 and 3, numbers kept
            for target, src in ((2, b), (3, a)):
                conn.execute(sa.update(audit_log).where(audit_log.c.seq == target).values(
                    at=src.at, actor=src.actor, kind=src.kind, subject=src.subject, body=src.body,
                    prev_hash=src.prev_hash, hash=src.hash))
        got = log.verify(st.engine)
        assert not got.ok and got.first_bad == 2


def _appender(url: str, tag: str, n: int) -> int:
    with Store.open(url) as st:
        for i in range(n):
            log.append(st.engine, [log.AuditEntry("screening", f"{tag}-{i}", {"tag": tag, "i": i}),
                                   log.AuditEntry("determination", f"{tag}-{i}", {"tag": tag, "i": i})])
    return n


@pytest.mark.parametrize("writers", [2])
def test_concurrent_processes_keep_one_chain(store_url: str, writers: int) -> None:
    Store.open(store_url).close()  # migrate once before the writers start
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=writers, mp_context=ctx) as pool:
        done = list(pool.map(_appender, [store_url] * writers, [f"p{w}" for w in range(writers)], [40] * writers))
    assert done == [40] * writers
    with Store.open(store_url) as st:
        got = log.verify(st.engine)
        assert got.ok, got.problem
        assert got.count == writers * 40 * 2
        recs = list(log.records(st.engine))
        # each writer's pair of records is adjacent: one append is one unit in the chain
        for first, second in zip(recs[::2], recs[1::2], strict=True):
            assert (first.kind, second.kind) == ("screening", "determination")
            assert first.subject == second.subject
        with st.engine.connect() as conn:
            assert conn.execute(sa.select(audit_head.c.seq)).scalar() == writers * 80



def test_a_rewritten_chain_verifies_but_fails_its_anchor(store_url: str) -> None:
    with Store.open(store_url) as st:
        _fill(st, 5)
        head = log.head(st.engine)
        assert (head.seq, log.check_anchor(st.engine, head.seq, head.hash)) == (5, None)
        assert log.parse_anchor(head.text()) == (5, head.hash)
        with pytest.raises(ValueError):
            log.parse_anchor("5:not-a-hash")
        # someone with write access rewrites record 2 and recomputes every later hash and the head
        prev = log.record(st.engine, 1)
        assert prev is not None
        prev_hash = prev.hash
        with st.engine.begin() as conn:
            for seq in range(2, 6):
                r = log.record(st.engine, seq)
                assert r is not None
                body = '{"i":1,"outcome":"NO_LICENSE_REQUIRED"}' if seq == 2 else r.body
                h = log.record_hash(seq, r.at, r.actor, r.kind, r.subject, body, prev_hash)
                conn.execute(sa.update(audit_log).where(audit_log.c.seq == seq).values(body=body, prev_hash=prev_hash,
                                                                                       hash=h))
                prev_hash = h
            conn.execute(sa.update(audit_head).where(audit_head.c.id == 1).values(hash=prev_hash))
        assert log.verify(st.engine).ok  # the chain alone cannot tell
        problem = log.check_anchor(st.engine, head.seq, head.hash)  # the hash kept outside the database can
        assert problem is not None and "rewritten" in problem
