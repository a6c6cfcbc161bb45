"""atheris target: `screen --file` input as csv (read every row, build every query)."""

from __future__ import annotations

from bench.fuzz.common import on_file, run
from clearance.workflows.batch_input import read_rows
from clearance.workflows.screening import row_query


def parse(path: str) -> None:
    rows = read_rows(path)
    try:
        for row in rows:
            row_query(row)
    finally:
        rows.close()


TARGET = on_file(".csv", parse)

if __name__ == "__main__":
    run(TARGET)
