"""API keys with roles for the HTTP API: made by `clearance keys add`, checked on every request.

A secret is ``clr_<key id>_<43 random URL-safe characters>`` (256 bits of randomness); the store keeps only
its SHA-256, so a copy of the database does not give anyone a usable key. Roles are ordered: each includes
the rights of the ones before it.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass

from clearance.errors import ConfigError
from clearance.settings import Settings
from clearance.store import Store
from clearance.store.keys import KeyRow, all_keys, insert_key, key_by_hash, revoke_key
from clearance.workflows.lists import open_store

ROLES: tuple[str, ...] = ("viewer", "analyst", "approver", "admin")
ROLE_RIGHTS = {
    "viewer": "read lists, versions, diffs and entries; search the lists; read the desk (orders, licences, reviews)",
    "analyst": "viewer, and screen parties, determine and check orders, run a what-if change impact",
    "approver": "analyst, and clear or confirm review items, add and revoke licences",
    "admin": "everything (also record a change impact and export the audit log)",
}
_NAME = re.compile(r"^[\w .@+-]{1,200}$")


@dataclass(frozen=True, slots=True)
class NewKey:
    row: KeyRow
    secret: str  # shown once, never stored


def role_allows(role: str, needed: str) -> bool:
    """Whether a key of ``role`` may do what needs ``needed``."""
    return role in ROLES and ROLES.index(role) >= ROLES.index(needed)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def add_key(store: Store, name: str, role: str) -> NewKey:
    """A new key for ``name`` with ``role``; its secret is returned once."""
    if role not in ROLES:
        raise ConfigError(f"unknown role {role!r}; one of {', '.join(ROLES)}")
    if not _NAME.match(name):
        raise ConfigError("key name: 1-200 letters, digits, spaces or . @ + - _")
    key_id = secrets.token_hex(4)
    secret = f"clr_{key_id}_{secrets.token_urlsafe(32)}"
    return NewKey(insert_key(store, key_id, name, role, digest(secret)), secret)


def check_key(store: Store, secret: str) -> KeyRow | None:
    """The active key with this secret, or None (unknown, malformed or revoked)."""
    if not secret.startswith("clr_") or len(secret) > 200:
        return None
    row = key_by_hash(store, digest(secret))
    return row if row is not None and row.active else None


def list_keys(settings: Settings) -> list[KeyRow]:
    with open_store(settings) as st:
        return all_keys(st)


def revoke(settings: Settings, key_id: str) -> KeyRow:
    with open_store(settings) as st:
        return revoke_key(st, key_id)


def create(settings: Settings, name: str, role: str) -> NewKey:
    with open_store(settings) as st:
        return add_key(st, name, role)
