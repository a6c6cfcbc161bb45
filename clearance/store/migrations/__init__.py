"""Alembic migrations of the store, run programmatically by ``clearance.store.migrate``."""
