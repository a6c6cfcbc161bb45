"""Licence drawdowns: never over the limit, even with two processes drawing at once (SQLite, PostgreSQL);
expiry and revocation are dated; drawing again for the same order line draws nothing."""

from __future__ import annotations

import datetime as dt
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from fractions import Fraction

from clearance.model.desk import Licence, LicenceInput
from clearance.store import Store
from clearance.store import audit_log as log
from clearance.store import licences as lic_store


def _licence(number: str = "D123456", quantity: int | None = 45, value: int | None = None) -> Licence:
    return Licence.of(LicenceInput.model_validate({
        "number": number, "holder": "Example Components Inc.", "parties": ["Huawei Technologies Co., Ltd."],
        "eccns": ["5A992.c"], "destination": "CN", "quantity_limit": quantity, "value_limit": value,
        "valid_from": "2019-09-01", "valid_to": "2023-08-31"}))


def _drawer(url: str, tag: str, n: int) -> list[bool]:
    out = []
    with Store.open(url) as st:
        for i in range(n):
            got = lic_store.draw(st.engine, "D123456", f"{tag}-{i}", 1, dt.date(2020, 3, 1), Fraction(1), Fraction(10),
                                 log.AuditEntry("licence", "D123456", {"event": "drawdown", "order": f"{tag}-{i}"}))
            out.append(got.ok)
    return out


def test_two_processes_never_overdraw(store_url: str) -> None:
    with Store.open(store_url) as st:
        lic_store.add(st.engine, [_licence()], [log.AuditEntry("licence", "D123456", {"event": "added"})])
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=ctx) as pool:
        results = list(pool.map(_drawer, [store_url] * 2, ["a", "b"], [30, 30]))
    assert sum(sum(r) for r in results) == 45  # 60 asked, 45 allowed, whoever came first
    with Store.open(store_url) as st:
        lic = lic_store.get(st.engine, "D123456")
        assert lic.quantity_used == 45 and lic.value_used == 450
        assert len(lic_store.drawdowns(st.engine, "D123456")) == 45
        assert lic.state() == "drawn down"
        v = log.verify(st.engine)
        assert v.ok and v.count == 1 + 45


def test_dated_expiry_and_revocation(store_url: str) -> None:
    with Store.open(store_url) as st:
        lic_store.add(st.engine, [_licence(quantity=None, value=1000)], [])
        early = lic_store.draw(st.engine, "D123456", "o1", 1, dt.date(2019, 8, 1), Fraction(1), Fraction(10))
        assert not early.ok and "valid from 2019-09-01" in (early.reason or "")
        assert lic_store.draw(st.engine, "D123456", "o2", 1, dt.date(2020, 1, 6), Fraction(2), Fraction(600)).ok
        again = lic_store.draw(st.engine, "D123456", "o2", 1, dt.date(2020, 1, 6), Fraction(2), Fraction(600))
        assert again.ok and again.again and again.licence.value_used == 600  # the same line: nothing new drawn
        over = lic_store.draw(st.engine, "D123456", "o3", 1, dt.date(2020, 1, 7), Fraction(1), Fraction(401))
        assert not over.ok and "400 of 1000" in (over.reason or "")
        lic_store.revoke(st.engine, "D123456", dt.date(2021, 1, 1), "licensing to Huawei halted",
                         log.AuditEntry("licence", "D123456", {"event": "revoked"}))
        after = lic_store.draw(st.engine, "D123456", "o4", 1, dt.date(2021, 1, 1), Fraction(1), Fraction(1))
        assert not after.ok and "revoked on 2021-01-01" in (after.reason or "")
        before = lic_store.draw(st.engine, "D123456", "o5", 1, dt.date(2020, 12, 31), Fraction(1), Fraction(1))
        assert before.ok  # a shipment dated before the revocation was covered
        assert lic_store.get(st.engine, "D123456").value_used == 601
