"""`clearance <command>` imports only the CLI module of its command; the whole app still has every command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import typer.core
import typer.main

from clearance.cli import main as cli_main
from clearance.store import migrate, revision


def _top_level(app: typer.Typer) -> set[str]:
    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    return set(group.commands)


def test_the_module_table_names_every_command_of_the_whole_app() -> None:
    whole = _top_level(cli_main.build_app())
    assert whole == {c for _, commands in cli_main.MODULES for c in commands}
    for module, commands in cli_main.MODULES:
        assert _top_level(cli_main.build_app((module,))) == set(commands)


def test_the_command_decides_the_module() -> None:
    assert cli_main.command_module(["screen", "Huawei"]) == "screen"
    assert cli_main.command_module(["--db", "x.db", "compare", "a", "b"]) == "screen"
    assert cli_main.command_module(["--db=x.db", "lists", "show"]) == "lists"
    assert cli_main.command_module(["keys", "add"]) == "serve"
    assert cli_main.command_module(["--help"]) is None
    assert cli_main.command_module(["no-such-command"]) is None
    assert cli_main.command_module([]) is None


def test_screen_imports_neither_the_desk_nor_alembic_nor_the_parsers() -> None:
    code = ("import sys\nfrom clearance.cli.main import main\ntry:\n    main(['screen', '--help'])\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'openpyxl') or "
            "m.startswith(('clearance.workflows.desk', 'clearance.rules', 'clearance.sources.entity_list', "
            "'clearance.cli.determine'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_the_head_revision_read_from_the_files_is_alembics() -> None:
    assert revision.head_revision() == migrate.head_revision()


def test_at_head_reads_the_stored_revision(tmp_path: Path) -> None:
    import sqlalchemy as sa

    from clearance.store import Store

    url = f"sqlite:///{tmp_path}/s.db"
    with Store.open(url) as st, st.engine.connect() as conn:
        assert revision.at_head(conn)
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '0001'"))
        assert not revision.at_head(conn)
        conn.execute(sa.text("DROP TABLE alembic_version"))
        assert not revision.at_head(conn)
