"""Shared fixtures: the real public data folder (CLEARANCE_DATA, default ../shared/data)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Wide, stable terminal for rich tables in CLI tests (set before any console is created).
os.environ.setdefault("COLUMNS", "200")

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = Path(os.environ.get("CLEARANCE_DATA", ROOT.parent / "shared" / "data")).resolve()


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The folder of real public list files; tests are skipped loudly only if it is absent."""
    if not DATA_DIR.is_dir():
        pytest.fail(f"public data folder {DATA_DIR} not found; set CLEARANCE_DATA")
    return DATA_DIR
