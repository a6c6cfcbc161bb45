"""API keys in the store: rows of ``api_keys`` (the secret itself is never stored, only its SHA-256)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from clearance.errors import ConfigError, NotFoundError
from clearance.store.engine import write_transaction
from clearance.store.schema import api_keys
from clearance.store.store import Store


@dataclass(frozen=True, slots=True)
class KeyRow:
    key_id: str
    name: str
    role: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


def _row(r: Any) -> KeyRow:
    return KeyRow(r.key_id, r.name, r.role, r.created_at, r.revoked_at)


_COLUMNS = (api_keys.c.key_id, api_keys.c.name, api_keys.c.role, api_keys.c.created_at, api_keys.c.revoked_at)


def insert_key(store: Store, key_id: str, name: str, role: str, secret_sha256: str) -> KeyRow:
    now = dt.datetime.now(dt.UTC)
    with write_transaction(store.engine) as conn:
        taken = conn.execute(sa.select(api_keys.c.key_id).where(api_keys.c.key_id == key_id)).first()
        if taken is not None:
            raise ConfigError(f"key id {key_id!r} exists already")
        conn.execute(sa.insert(api_keys).values(key_id=key_id, name=name, role=role, secret_sha256=secret_sha256,
                                                created_at=now, revoked_at=None))
    return KeyRow(key_id, name, role, now, None)


def key_by_hash(store: Store, secret_sha256: str) -> KeyRow | None:
    """The key whose secret hashes to ``secret_sha256`` (revoked or not), or None."""
    q = sa.select(*_COLUMNS).where(api_keys.c.secret_sha256 == secret_sha256)
    with store.engine.connect() as conn:
        r = conn.execute(q).first()
    return None if r is None else _row(r)


def all_keys(store: Store) -> list[KeyRow]:
    with store.engine.connect() as conn:
        return [_row(r) for r in conn.execute(sa.select(*_COLUMNS).order_by(api_keys.c.created_at))]


def revoke_key(store: Store, key_id: str) -> KeyRow:
    now = dt.datetime.now(dt.UTC)
    with write_transaction(store.engine) as conn:
        r = conn.execute(sa.select(*_COLUMNS).where(api_keys.c.key_id == key_id)).first()
        if r is None:
            raise NotFoundError(f"no API key {key_id!r}; see `clearance keys list`")
        if r.revoked_at is None:
            conn.execute(sa.update(api_keys).where(api_keys.c.key_id == key_id).values(revoked_at=now))
    return KeyRow(r.key_id, r.name, r.role, r.created_at, r.revoked_at or now)
