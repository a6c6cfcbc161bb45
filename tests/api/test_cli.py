"""`clearance keys add/list/revoke` and `clearance serve`'s refusals, through the real console entry point."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearance.settings import Settings
from clearance.store import Store
from clearance.workflows.keys import check_key
from tests.conftest import CLI, cli  # noqa: F401 - the fixture


def test_keys_add_list_revoke(cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    db = tmp_path / "keys.db"
    monkeypatch.setenv("CLEARANCE_DB", str(db))
    monkeypatch.setenv("CLEARANCE_SNAPSHOT", "false")
    added = cli("keys", "add", "erp-connector", "--role", "approver")
    assert added.code == 0, added.text
    secret = added.out.strip()
    assert secret.startswith("clr_") and "approver" in added.err
    with Store.open(Settings(db=str(db)).db_url) as st:
        row = check_key(st, secret)
        assert row is not None and row.role == "approver" and row.name == "erp-connector"
    listed = cli("keys", "list")
    assert row.key_id in listed.out and "erp-connector" in listed.out and secret not in listed.out
    assert cli("keys", "revoke", row.key_id).code == 0
    with Store.open(Settings(db=str(db)).db_url) as st:
        assert check_key(st, secret) is None
    bad = cli("keys", "add", "x", "--role", "superuser")
    assert bad.code == 2 and "unknown role 'superuser'" in bad.err
    assert cli("keys", "revoke", "nope").code == 2


def test_serve_refuses_no_auth_off_loopback(cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    monkeypatch.setenv("CLEARANCE_DB", str(tmp_path / "s.db"))
    r = cli("serve", "--host", "0.0.0.0", "--no-auth")
    assert r.code == 2 and "--no-auth only on a loopback address" in r.err
