"""`clearance serve` (the HTTP API under uvicorn) and `clearance keys ...` (its API keys)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from clearance.cli.common import console, err_console
from clearance.errors import ConfigError
from clearance.settings import get_settings
from clearance.workflows import keys as key_store

keys_app = typer.Typer(name="keys", help="API keys of `clearance serve`, each with a role "
                       "(viewer < analyst < approver < admin); only their hashes are stored.",
                       no_args_is_help=True)


def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    no_auth: Annotated[bool, typer.Option("--no-auth", help="Accept requests without an API key (each acts as "
                                          "an analyst); only on a loopback address.")] = False,
    log_level: Annotated[str, typer.Option("--log-level", help="uvicorn log level.")] = "info",
    workers: Annotated[int, typer.Option("--workers", min=1, max=64, help="Server processes (each holds its own "
                                         "screening index in memory).")] = 1,
    replay_dir: Annotated[Path | None, typer.Option("--replay-dir", help="The history the web desk's timeline page "
                                                    "replays (default: ./examples/huawei when present).")] = None,
) -> None:
    """Serve the HTTP API: yente- and CSL-compatible endpoints and /v1 (OpenAPI at /openapi.json, docs at /docs)."""
    import uvicorn

    from clearance.api import create_app
    from clearance.api.app import NO_AUTH_ENV, REPLAY_ENV

    if no_auth and host not in ("127.0.0.1", "localhost", "::1"):
        raise ConfigError("--no-auth only on a loopback address (--host 127.0.0.1); create keys with "
                          "`clearance keys add`")
    if replay_dir is not None and not (replay_dir / "orders.yaml").is_file():
        raise ConfigError(f"--replay-dir {replay_dir}: no orders.yaml there (e.g. examples/huawei)")
    app = create_app(get_settings(), auth=not no_auth, replay_dir=replay_dir)
    app.state.service.warm()  # load the lists and the index before the first request (errors surface here)
    err_console.print(f"Clearance API on http://{host}:{port} (docs: /docs)" + (" [yellow]without keys[/]"
                                                                              if no_auth else ""))
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level=log_level)
        return
    app.state.service.close()  # the workers open their own (the index is now in the on-disk cache)
    os.environ[NO_AUTH_ENV] = "1" if no_auth else "0"
    if replay_dir is not None:
        os.environ[REPLAY_ENV] = str(replay_dir.resolve())
    uvicorn.run("clearance.api.app:app_from_env", factory=True, host=host, port=port, log_level=log_level,
                workers=workers)


@keys_app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="Who or what uses the key, e.g. erp-connector.")],
    role: Annotated[str, typer.Option("--role", help="viewer, analyst, approver or admin.")] = "analyst",
) -> None:
    """Create an API key; its secret is printed once (only its hash is kept)."""
    new = key_store.create(get_settings(), name, role)
    err_console.print(f"key {new.row.key_id} for {new.row.name!r} with role {new.row.role}; keep the secret, it "
                      "is not shown again:")
    print(new.secret)


@keys_app.command("list")
def list_() -> None:
    """Every API key: id, name, role, created, revoked."""
    table = Table()
    for col in ("id", "name", "role", "created", "revoked"):
        table.add_column(col)
    for k in key_store.list_keys(get_settings()):
        table.add_row(k.key_id, k.name, k.role, k.created_at.isoformat(timespec="seconds"),
                      k.revoked_at.isoformat(timespec="seconds") if k.revoked_at else "-")
    console.print(table)


@keys_app.command("revoke")
def revoke(key_id: Annotated[str, typer.Argument(help="The key's id (see `clearance keys list`).")]) -> None:
    """Revoke an API key (it stops working within seconds)."""
    k = key_store.revoke(get_settings(), key_id)
    err_console.print(f"key {k.key_id} ({k.name}) revoked")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.add_typer(keys_app)
