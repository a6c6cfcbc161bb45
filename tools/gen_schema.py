"""Write the JSON Schema of the determination record to docs/determination-record.schema.json.

    .venv/bin/python tools/gen_schema.py

The schema is generated from clearance.model.decision_schema; tests/rules/test_record_schema.py checks that
the committed file is current.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from clearance.model.decision_schema import json_schema  # noqa: E402

TARGET = ROOT / "docs" / "determination-record.schema.json"

if __name__ == "__main__":
    TARGET.write_text(json_schema(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
