"""Settings are typed, documented and validated."""

from __future__ import annotations

import os
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


def test_light_field_table_is_the_model() -> None:
    from clearance import settings

    assert tuple(Settings.model_fields) == settings.FIELDS


@pytest.mark.parametrize(("env", "light"), [
    ({}, True),
    ({"CLEARANCE_DB": "/tmp/x.db", "CLEARANCE_MAX_AGE_DAYS": "007", "CLEARANCE_SNAPSHOT": "Off"}, True),
    ({"CLEARANCE_DB": "", "CLEARANCE_DATA": "somewhere", "CLEARANCE_DEBUG": "1"}, True),
    ({"clearance_max_age_days": "12", "CLEARANCE_SNAPSHOT": "yes"}, True),
    ({"CLEARANCE_MAX_AGE_OVERRIDES": '{"el": 3}', "CLEARANCE_MAX_AGE_DAYS": "10"}, False),
    ({"CLEARANCE_MAX_AGE_DAYS": " 5"}, False),
    ({"CLEARANCE_HTTP_TIMEOUT": "3"}, False),
])
def test_screen_settings_read_as_the_model(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], light: bool) -> None:
    """A `clearance screen` reads its settings without pydantic where it can, the same values as the model."""
    from clearance.settings import ScreenSettings, screen_settings

    for key in [k for k in os.environ if k.upper().startswith("CLEARANCE_")]:
        monkeypatch.delenv(key)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    get_settings.cache_clear()
    try:
        quick = screen_settings()
        full = Settings()
        assert isinstance(quick, ScreenSettings) == light
        assert quick.db == full.db and quick.snapshot == full.snapshot
        for code in ("el", "sdn"):
            assert quick.max_age_for(code) == full.max_age_for(code)
    finally:
        get_settings.cache_clear()


def test_screen_settings_leave_an_invalid_value_to_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    from clearance.settings import screen_settings

    monkeypatch.setenv("CLEARANCE_MAX_AGE_DAYS", "-1")
    get_settings.cache_clear()
    try:
        with pytest.raises(ConfigError, match="CLEARANCE_MAX_AGE_DAYS"):
            screen_settings()
    finally:
        get_settings.cache_clear()
