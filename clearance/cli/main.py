"""The `clearance` command: one typer app, each area registering its own commands."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from clearance.cli import audit, determine, impact, licences, lists, orders, parties, replay, review, screen, serve
from clearance.cli import batch as batch_cli
from clearance.cli.boundary import INTERNAL_ERROR_EXIT, as_clearance_error
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
# the compliance desk (issue 12)
for _desk_module in (parties, licences, orders, review, impact, audit, replay):
    _desk_module.register(app)
serve.register(app)
batch_cli.register(app)


def main(argv: list[str] | None = None) -> None:
    """Console entry point and the CLI's one error boundary.

    Every error a user can cause (ClearanceError, and OS, database, CSV, Unicode, download and settings
    errors mapped to one) is printed as one ``error:`` line and exits with code 2. Ctrl-C exits with 130.
    Anything else is a bug: one line and exit code 70 (the traceback only with CLEARANCE_DEBUG=1).
    """
    try:
        app(args=argv, prog_name="clearance")
    except KeyboardInterrupt:
        typer.echo("error: interrupted; no output file was left behind", err=True)
        sys.exit(130)
    except Exception as exc:
        error = as_clearance_error(exc)
        if error is None:
            if os.environ.get("CLEARANCE_DEBUG"):
                raise
            typer.echo(f"error: internal error ({type(exc).__name__}: {_one_line(exc)}); this is a bug: please "
                       "report it with the command that caused it (CLEARANCE_DEBUG=1 shows the traceback)", err=True)
            sys.exit(INTERNAL_ERROR_EXIT)
        typer.echo(f"error: {_one_line(error)}", err=True)
        sys.exit(error.exit_code)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text.encode("utf-8", "backslashreplace").decode("utf-8")  # a lone surrogate must not crash the message


if __name__ == "__main__":
    main()
