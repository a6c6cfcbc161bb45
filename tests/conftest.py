"""Shared fixtures: the real public data folder (CLEARANCE_DATA, default ../shared/data)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Wide, stable terminal for rich tables in CLI tests (set before any console is created).
os.environ.setdefault("COLUMNS", "200")
# The screening cache's private key folder (platformdirs) goes to a throw-away folder, not the user's own.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="clearance-test-config-")

# Fuzzing: CI runs a fixed, seeded set of examples (same inputs every run, so a failure reproduces);
# locally hypothesis explores freshly each run. `CI=true pytest ...` selects the CI profile, in which
# tests/fuzz runs 10,000 examples per parser (tests/fuzz/kit.py, FUZZ_EXAMPLES).
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI", "").lower() in ("1", "true", "yes") else "dev")

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = Path(os.environ.get("CLEARANCE_DATA", ROOT.parent / "shared" / "data")).resolve()


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The folder of real public list files; tests are skipped loudly only if it is absent."""
    if not DATA_DIR.is_dir():
        pytest.fail(f"public data folder {DATA_DIR} not found; set CLEARANCE_DATA")
    return DATA_DIR


@dataclass(frozen=True)
class Ran:
    """What one in-process run of the `clearance` console script gave."""

    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


CLI = Callable[..., Ran]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> CLI:
    """``cli("screen", "x")``: run `clearance` as the console script does (the error boundary included),
    in-process; exit code, stdout, stderr."""
    from clearance.cli.main import main
    from clearance.settings import get_settings

    def run(*args: str) -> Ran:
        get_settings.cache_clear()
        capsys.readouterr()
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        finally:
            get_settings.cache_clear()
        got = capsys.readouterr()
        return Ran(code, got.out, got.err)

    return run
