"""The settings model: every setting typed and validated by pydantic-settings (``clearance.settings`` is the front
door; it imports this module only when the whole model is needed, which costs pydantic's import at start-up)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict, SettingsError

from clearance.errors import ConfigError
from clearance.settings import DEFAULT_UPDATE_URLS, default_db


class Settings(BaseSettings):
    """All settings of Clearance. Each field is read from ``CLEARANCE_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix="CLEARANCE_", extra="ignore", frozen=True)

    data: Path = Field(
        default=Path("../shared/data"),
        description="Folder of public list files used by tests and `lists load --from` examples.",
    )
    db: str = Field(
        default_factory=default_db,
        description="SQLAlchemy URL (sqlite:///..., postgresql+psycopg://...) or a plain SQLite file path.",
    )
    max_age_days: int = Field(
        default=30,
        ge=0,
        description="A list whose data date is older than this many days is stale (CANNOT_CLEAR).",
    )
    max_age_overrides: dict[str, int] = Field(
        default_factory=dict,
        description='Per-list maximum ages in days as JSON, e.g. {"el": 7, "un": 60}.',
    )
    max_shrink_percent: float = Field(
        default=10.0,
        ge=0,
        le=100,
        description=(
            "A new version losing more than this share (in %) of the active version's entries or names is "
            "stored pending, not active (`lists activate VERSION --confirm-shrink` uses it)."
        ),
    )
    max_shrink_overrides: dict[str, Annotated[float, Field(ge=0, le=100)]] = Field(
        default_factory=dict,
        description='Per-list maximum shrink in % as JSON, e.g. {"uvl": 30}.',
    )
    update_urls: dict[str, str] = Field(
        default_factory=lambda: dict(DEFAULT_UPDATE_URLS),
        description="JSON object overriding download URLs used by `lists update` (keys as in docs/settings.md).",
    )
    http_timeout: float = Field(default=60.0, gt=0, description="Seconds before a download gives up.")
    update_deadline: float = Field(
        default=1800.0, gt=0, description="Seconds `lists update` may take for all downloads together."
    )
    max_download_mb: int = Field(default=1024, gt=0, description="Largest file `lists update` downloads, in MiB.")
    snapshot: bool = Field(
        default=True,
        description="Load the embedded dated snapshot on first use when no list is loaded.",
    )
    db_pool_size: int = Field(
        default=5, ge=1,
        description="PostgreSQL: connections each process keeps open (API workers, batch workers, desk commands).",
    )
    db_max_overflow: int = Field(
        default=10, ge=0, description="PostgreSQL: connections a process may open beyond db_pool_size at a peak.",
    )
    db_pool_timeout: float = Field(
        default=30.0, gt=0, description="PostgreSQL: seconds to wait for a free connection before failing.",
    )
    db_pool_recycle: int = Field(
        default=1800, ge=-1,
        description="PostgreSQL: seconds after which a connection is replaced (-1: never), below server idle limits.",
    )
    actor: str | None = Field(
        default=None,
        max_length=200,
        description="Who acts at the compliance desk, as recorded in the audit trail (default: the OS user).",
    )

    def max_age_for(self, list_code: str) -> int:
        return self.max_age_overrides.get(list_code, self.max_age_days)

    def max_shrink_for(self, list_code: str) -> float:
        """The share (0.10 = 10 %) of the active version a new version of this list may lose."""
        return self.max_shrink_overrides.get(list_code, self.max_shrink_percent) / 100

    @property
    def db_url(self) -> str:
        """The database as a SQLAlchemy URL (a plain path means a SQLite file)."""
        if "://" in self.db:
            return self.db
        return f"sqlite:///{Path(self.db).expanduser().resolve()}"


def load_settings() -> Settings:
    """The settings read from the environment now (``clearance.settings.get_settings`` keeps them)."""
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"invalid setting CLEARANCE_{field.upper()}: {first['msg']}") from exc
    except SettingsError as exc:  # a JSON-valued setting that is not JSON
        field = str(exc).split('"')[1] if str(exc).count('"') >= 2 else "?"
        raise ConfigError(
            f"invalid setting CLEARANCE_{field.upper()}: not valid JSON (give a JSON object, e.g. {{\"el\": 7}})"
        ) from exc
