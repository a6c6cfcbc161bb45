"""atheris target: the `compare --pairs` file (columns name1, name2), every pair scored."""

from __future__ import annotations

from bench.fuzz.common import on_file, run
from clearance.screening.screen import compare
from clearance.workflows.batch_input import read_rows


def parse(path: str) -> None:
    rows = read_rows(path, required=("name1", "name2"))
    try:
        for row in rows:
            a, b = row.get("name1"), row.get("name2")
            if isinstance(a, str) and isinstance(b, str):
                compare(a, b, explain=False)
    finally:
        rows.close()


TARGET = on_file(".csv", parse)

if __name__ == "__main__":
    run(TARGET)
