"""Settings are typed, documented and validated."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearance.errors import ConfigError
from clearance.settings import Settings, get_settings

DOCS = Path(__file__).resolve().parents[1] / "docs" / "settings.md"


def test_every_setting_is_documented() -> None:
    text = DOCS.read_text()
    for name in Settings.model_fields:
        assert f"`CLEARANCE_{name.upper()}`" in text, f"CLEARANCE_{name.upper()} missing from docs/settings.md"


def test_plain_path_means_sqlite(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CLEARANCE_DB", str(tmp_path / "x.db"))
    assert Settings().db_url == f"sqlite:///{tmp_path / 'x.db'}"
    monkeypatch.setenv("CLEARANCE_DB", "postgresql+psycopg://u@h/db")
    assert Settings().db_url == "postgresql+psycopg://u@h/db"


def test_per_list_max_age(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEARANCE_MAX_AGE_DAYS", "10")
    monkeypatch.setenv("CLEARANCE_MAX_AGE_OVERRIDES", '{"el": 3}')
    s = Settings()
    assert s.max_age_for("el") == 3
    assert s.max_age_for("sdn") == 10


def test_invalid_setting_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEARANCE_MAX_AGE_DAYS", "-1")
    get_settings.cache_clear()
    try:
        with pytest.raises(ConfigError, match="CLEARANCE_MAX_AGE_DAYS"):
            get_settings()
    finally:
        get_settings.cache_clear()
