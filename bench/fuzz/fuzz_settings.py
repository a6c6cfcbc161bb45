"""atheris target: settings from the environment (the JSON-valued ones and the numbers)."""

from __future__ import annotations

import os

from clearance.errors import ClearanceError
from clearance.settings import get_settings

FIELDS = ("CLEARANCE_MAX_AGE_OVERRIDES", "CLEARANCE_UPDATE_URLS", "CLEARANCE_MAX_AGE_DAYS", "CLEARANCE_HTTP_TIMEOUT")


def TARGET(data: bytes) -> None:
    if not data:
        return
    field = FIELDS[data[0] % len(FIELDS)]
    value = data[1:].decode("utf-8", "surrogateescape").replace("\x00", "")
    os.environ[field] = value
    get_settings.cache_clear()
    try:
        get_settings()
    except ClearanceError:
        pass
    finally:
        del os.environ[field]


if __name__ == "__main__":
    from bench.fuzz.common import run

    run(TARGET)
