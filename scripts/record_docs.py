"""Re-record the command output shown in a walk-through document (docs/workflow.md).

Every fenced block of the document whose first line starts with ``$ `` is a transcript: each ``$ COMMAND`` line is run
again, in order, by ``bash`` in a scratch copy of the project (a new, empty database each time), and the lines that
follow it up to the next command are replaced by what the command printed now (stdout and stderr, in the order
written, and ``(exit code N)`` when it failed). The prose around the blocks is not touched: read the diff and fix
any sentence that no longer describes the output.

Two inputs depend on earlier output and are filled in from it: ``--anchor N:HASH`` takes the chain head printed by
the last ``chain head:`` line before it.

    python scripts/record_docs.py docs/workflow.md --env CLEARANCE_DB=desk.db --env CLEARANCE_MAX_AGE_DAYS=1200 \\
        --env CLEARANCE_ACTOR=maria.lopez --copy examples --copy docs/img --bring-back docs/img/huawei-replay.png
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FENCE = "```"
ANCHOR = re.compile(r"--anchor \d+:[0-9a-f]{64}")
HEAD = re.compile(r"chain head(?: of the export)?: (\d+:[0-9a-f]{64})")


def _blocks(lines: list[str]) -> list[tuple[int, int]]:
    """(first, last) line numbers (exclusive of the fences) of each transcript block."""
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if lines[i].rstrip() == FENCE and i + 1 < len(lines) and lines[i + 1].startswith("$ "):
            j = i + 1
            while j < len(lines) and lines[j].rstrip() != FENCE:
                j += 1
            if j == len(lines):
                raise SystemExit(f"line {i + 1}: a transcript block is never closed")
            found.append((i + 1, j))
            i = j + 1
        else:
            i += 1
    return found


def _run(command: str, cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(["bash", "-c", command], cwd=cwd, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, check=False)
    out = done.stdout.rstrip("\n")
    if done.returncode != 0:
        out = (out + "\n" if out else "") + f"(exit code {done.returncode})"
    return out


def record(doc: Path, work: Path, env: dict[str, str]) -> str:
    lines = doc.read_text(encoding="utf-8").split("\n")
    head = ""
    out_lines = list(lines)
    # replace from the last block backwards so that earlier line numbers stay valid; run forwards
    results: list[tuple[int, int, list[str]]] = []
    for first, last in _blocks(lines):
        new: list[str] = []
        for line in lines[first:last]:
            if not line.startswith("$ "):
                continue  # old output
            command = line[2:]
            if ANCHOR.search(command):
                if not head:
                    raise SystemExit(f"{doc}: '{command}' needs a chain head printed before it")
                command = ANCHOR.sub(f"--anchor {head}", command)
            print(f"$ {command}", file=sys.stderr)
            output = _run(command, work, env)
            for match in HEAD.finditer(output):
                head = match.group(1)
            new.append(f"$ {command}")
            if output:
                new.extend(output.split("\n"))
        results.append((first, last, new))
    for first, last, new in reversed(results):
        out_lines[first:last] = new
    return "\n".join(out_lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("doc", type=Path, help="the Markdown file to re-record (rewritten in place)")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                        help="an environment variable for every command")
    parser.add_argument("--copy", action="append", default=[], metavar="PATH",
                        help="a project folder the commands read, copied into the scratch project")
    parser.add_argument("--bring-back", action="append", default=[], metavar="PATH",
                        help="a file the commands write, copied back into the project afterwards")
    parser.add_argument("--columns", type=int, default=150, help="terminal width for tables (default 150)")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="run in DIR (created; it must not exist) and keep it, to look at what the commands left")
    args = parser.parse_args(argv)
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["COLUMNS"] = str(args.columns)
    for item in args.env:
        name, sep, value = item.partition("=")
        if not sep:
            parser.error(f"--env {item!r}: expected NAME=VALUE")
        env[name] = value
    if args.keep is not None:
        args.keep.mkdir(parents=True)
    with (tempfile.TemporaryDirectory(prefix="record-docs-") if args.keep is None
          else contextlib.nullcontext(str(args.keep))) as scratch:
        project = Path(scratch) / "project"
        project.mkdir()
        # the documents use ../shared/data: the scratch project sits next to a link to the real one
        shared = ROOT.parent / "shared"
        if shared.exists():
            (Path(scratch) / "shared").symlink_to(shared)
        for item in args.copy:
            source = ROOT / item
            target = project / item
            target.parent.mkdir(parents=True, exist_ok=True)
            if source.is_dir():
                shutil.copytree(source, target)
            else:
                shutil.copy2(source, target)
        text = record(ROOT / args.doc if not args.doc.is_absolute() else args.doc, project, env)
        for item in args.bring_back:
            shutil.copy2(project / item, ROOT / item)
    doc = ROOT / args.doc if not args.doc.is_absolute() else args.doc
    doc.write_text(text, encoding="utf-8")
    print(f"re-recorded {doc}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
