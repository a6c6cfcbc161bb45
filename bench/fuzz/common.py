"""Shared harness for the atheris targets: run a parser on bytes written to a file; only ClearanceError may escape."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Callable

from clearance.errors import ClearanceError

_DIR = tempfile.mkdtemp(prefix="clearance-atheris-")


def on_file(suffix: str, parse: Callable[[str], object]) -> Callable[[bytes], None]:
    """A libFuzzer entry point writing the input to ``*suffix`` and calling ``parse(path)``."""
    path = os.path.join(_DIR, "input" + suffix)

    def test_one_input(data: bytes) -> None:
        with open(path, "wb") as fh:
            fh.write(data)
        with contextlib.suppress(ClearanceError):
            parse(path)

    return test_one_input


def parse_screen_file(path: str) -> None:
    """What `screen --file` does with an input file before screening: read every row, build every query."""
    from clearance.workflows.batch_input import read_rows
    from clearance.workflows.screening import row_query

    rows = read_rows(path)
    try:
        for row in rows:
            row_query(row)
    finally:
        rows.close()


def run(target: Callable[[bytes], None]) -> None:
    import atheris  # not a dependency: pip install atheris

    atheris.Setup(sys.argv, target)
    atheris.Fuzz()
