"""atheris target: `screen --file` input as jsonl (read every row, build every query)."""

from __future__ import annotations

from bench.fuzz.common import on_file, parse_screen_file, run

TARGET = on_file(".jsonl", parse_screen_file)

if __name__ == "__main__":
    run(TARGET)
