"""The `clearance` command: one typer app, each area registering its own commands.

A command line names its command first, so ``main`` imports only the CLI module that registers it (``screen``
does not import the compliance desk, the determination engine or the database migrations): `clearance screen`
starts in a fraction of the time the whole CLI takes to import. ``app`` (the whole CLI, for ``--help``, an unknown
command and the tests' ``CliRunner``) is built on first use.
"""

from __future__ import annotations

import importlib
import os
import sys
from functools import cache
from typing import Annotated

import typer

from clearance.cli.boundary import INTERNAL_ERROR_EXIT, as_clearance_error
from clearance.settings import get_settings

# the CLI modules in the order they register (the order of `clearance --help`), and the top-level commands and
# command groups each registers (tests/cli/test_lazy_cli.py checks this table against the whole app)
MODULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("lists", ("lists",)),
    ("screen", ("screen", "compare")),
    ("determine", ("determine", "rules")),
    ("parties", ("parties",)),
    ("licences", ("licenses",)),
    ("orders", ("orders",)),
    ("review", ("review",)),
    ("impact", ("impact",)),
    ("audit", ("audit",)),
    ("replay", ("replay",)),
    ("serve", ("serve", "keys")),
    ("batch", ("batch",)),
)
_MODULE_OF = {command: module for module, commands in MODULES for command in commands}
_GLOBAL_OPTIONS_WITH_VALUE = ("--db",)  # the callback's options that take a value


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


def build_app(modules: tuple[str, ...] | None = None) -> typer.Typer:
    """The `clearance` app with the commands of ``modules`` (names of ``MODULES``; None: every one)."""
    cli = typer.Typer(
        name="clearance",
        help=(
            "Export-control compliance from the command line: load and diff the government restricted-party "
            "lists, screen names against them, and determine EAR licence requirements for any date."
        ),
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )
    cli.callback()(_options)
    for module, _ in MODULES:
        if modules is None or module in modules:
            importlib.import_module(f"clearance.cli.{module}").register(cli)
    return cli


@cache
def _whole_app() -> typer.Typer:
    return build_app()


def __getattr__(name: str) -> typer.Typer:
    if name == "app":  # the whole CLI, built when first asked for (``from clearance.cli.main import app``)
        return _whole_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def command_module(argv: list[str]) -> str | None:
    """The CLI module of the command ``argv`` names (after the global options), or None (none, unknown, or help)."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in _GLOBAL_OPTIONS_WITH_VALUE:
            i += 2
        elif arg.startswith("-"):
            if not any(arg.startswith(f"{o}=") for o in _GLOBAL_OPTIONS_WITH_VALUE):
                return None  # --help, or an option typer will refuse: the whole app answers
            i += 1
        else:
            return _MODULE_OF.get(arg)
    return None


def main(argv: list[str] | None = None) -> None:
    """Console entry point and the CLI's one error boundary.

    Every error a user can cause (ClearanceError, and OS, database, CSV, Unicode, download and settings
    errors mapped to one) is printed as one ``error:`` line and exits with code 2. Ctrl-C exits with 130.
    Anything else is a bug: one line and exit code 70 (the traceback only with CLEARANCE_DEBUG=1).
    """
    try:
        args = sys.argv[1:] if argv is None else argv
        module = command_module(args)
        cli = _whole_app() if module is None else build_app((module,))
        cli(args=args, prog_name="clearance")
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
