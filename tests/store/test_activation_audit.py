"""A list version loaded and made active, or activated later, is appended to the audit trail in the same
transaction, with who did it (SQLite and PostgreSQL); a version held back is not."""

from __future__ import annotations

from clearance.model import ParsedList
from clearance.store import Store
from clearance.store import audit_log as log

from .realdata import subset


def _activations(st: Store) -> list[tuple[str, str, str, str | None]]:
    return [(r.subject, r.actor, r.data["event"], r.data["replaces"])
            for r in log.records(st.engine, kind="list_activation")]


def test_a_list_activation_is_audited_when_it_happens_with_its_actor(store_url: str, cons: ParsedList) -> None:
    with Store.open(store_url) as st:
        st.actor = "olga.lists"
        first = st.load(subset(cons, 400))
        assert first.activated
        v1 = first.version.version_id
        assert _activations(st) == [(f"ofac-cons:{v1}", "olga.lists", "loaded", None)]
        rec = next(log.records(st.engine, kind="list_activation"))
        assert rec.data["checksum"] == first.version.checksum and rec.data["entries"] == 400
        assert st.load(subset(cons, 400)).unchanged  # the same bytes again: nothing activated, nothing recorded
        held = st.load(subset(cons, 100))  # loses 3/4 of the entries: held back, not active, not recorded
        assert not held.activated and len(_activations(st)) == 1
        st.actor = "maria.lopez"
        v2 = st.activate(held.version.version_id, confirm_shrink=True).version_id
        st.activate(v1)  # back to the first one
        assert _activations(st)[1:] == [(f"ofac-cons:{v2}", "maria.lopez", "activated", v1),
                                        (f"ofac-cons:{v1}", "maria.lopez", "activated", v2)]
        st.activate(v1)  # already active: nothing happens
        assert len(_activations(st)) == 3
        assert log.verify(st.engine).ok
