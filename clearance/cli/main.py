"""The `clearance` command: one typer app, each area registering its own commands."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from clearance.cli import determine, lists, screen
from clearance.errors import ClearanceError
from clearance.settings import get_settings

app = typer.Typer(
    name="clearance",
    help=(
        "Export-control compliance from the command line: load and diff the government restricted-party "
        "lists, screen names against them, and determine EAR licence requirements for any date."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _options(
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar="CLEARANCE_DB",
            help="Database: a SQLite file path or a SQLAlchemy URL (default: under your user data folder).",
        ),
    ] = None,
) -> None:
    if db is not None:
        os.environ["CLEARANCE_DB"] = db
        get_settings.cache_clear()


lists.register(app)
screen.register(app)
determine.register(app)


def main() -> None:
    """Console entry point: turn every ClearanceError into one clear line and exit code 2."""
    try:
        app()
    except ClearanceError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)


if __name__ == "__main__":
    main()
