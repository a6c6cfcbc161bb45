"""A process killed with SIGKILL in the middle of a load leaves no partial version behind."""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from clearance.model import ParsedList
from clearance.store import Store
from clearance.store.schema import active_versions, entities, list_versions, names

from .realdata import subset

ROOT = Path(__file__).resolve().parents[2]

# The child loads the full SDN list and pauses after every chunk, reporting how far it got.
CHILD = """
import pickle, sys, time
from pathlib import Path
from clearance.store import Store
url, data, flag = sys.argv[1:4]
parsed = pickle.loads(Path(data).read_bytes())
store = Store.open(url)
def slow(code, done, total):
    Path(flag).write_text(f"{done}/{total}")
    time.sleep(0.3)
store.load(parsed, progress=slow)
Path(flag).write_text("finished")
"""


def _wait_for_chunks(proc: subprocess.Popen[bytes], flag: Path, chunks: int, timeout: float = 120) -> str:
    """Wait until the child has written ``chunks`` insert chunks (inside its open transaction)."""
    deadline = time.monotonic() + timeout
    seen: set[str] = set()
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            _, err = proc.communicate()
            pytest.fail(f"loader exited early ({proc.returncode}): {err.decode()[-2000:]}")
        if flag.exists():
            text = flag.read_text()
            if text:
                seen.add(text)
            if len(seen) >= chunks:
                return text
        time.sleep(0.02)
    proc.kill()
    pytest.fail("loader never started inserting")


def test_sigkill_during_load_leaves_no_partial_version(
    store_url: str, tmp_path: Path, sdn_2021: ParsedList, sdn_2024: ParsedList
) -> None:
    with Store.open(store_url) as st:
        st.load(subset(sdn_2021, 300))
        before_versions, before_active = st.versions(), st.active()
    data = tmp_path / "sdn.pickle"
    data.write_bytes(pickle.dumps(sdn_2024))
    flag = tmp_path / "progress"
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, store_url, str(data), str(flag)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        progress = _wait_for_chunks(proc, flag, chunks=3)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    done, total = (int(x) for x in progress.split("/"))
    assert 0 < done < total  # it really was killed part-way through the insert

    with Store.open(store_url) as st:
        assert st.versions() == before_versions
        assert st.active() == before_active
        assert sum(1 for _ in st.entities("sdn-1")) == 300
        with st.engine.connect() as conn:
            for table in (list_versions, entities, names, active_versions):
                ids = set(conn.execute(sa.select(table.c.version_id).distinct()).scalars())
                assert ids == {"sdn-1"}, table.name
            if st.engine.dialect.name == "sqlite":
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        # the store is usable: the next load takes the next number and becomes active
        result = st.load(subset(sdn_2024, 1000))
        assert result.version.version_id == "sdn-2" and st.active()["sdn"].version_id == "sdn-2"
