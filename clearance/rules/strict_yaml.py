"""Strict YAML: duplicate keys are errors, and every mapping remembers the line of each key.

PyYAML silently keeps the last of two equal keys; a rule file with a duplicated date would then lose
a value without anyone noticing. This loader raises a DataError naming the file and both lines.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from clearance.errors import DataError

try:  # the C parser when available (10x faster on the generated CCL file)
    _Base: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - libyaml missing
    _Base = yaml.SafeLoader


class LineDict(dict[Any, Any]):
    """A dict that knows the 1-based line of the mapping and of each of its keys."""

    line: int = 0
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


def _make_loader(file: str) -> type[yaml.SafeLoader]:
    class StrictLoader(_Base):  # type: ignore[valid-type,misc]
        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineDict:
            out = LineDict()
            out.line = node.start_mark.line + 1
            out.key_lines = {}
            self.flatten_mapping(node)
            for key_node, value_node in node.value:
                key = self.construct_object(key_node, deep=True)
                line = key_node.start_mark.line + 1
                try:
                    hash(key)
                except TypeError:
                    raise DataError("unhashable mapping key", file=file, line=line) from None
                if key in out.key_lines:
                    raise DataError(
                        f"duplicate key {key!r} (first on line {out.key_lines[key]})",
                        file=file,
                        line=line,
                        field=str(key),
                    )
                out.key_lines[key] = line
                out[key] = self.construct_object(value_node, deep=True)
            return out

        def construct_timestamp(self, node: yaml.ScalarNode) -> Any:
            try:
                return super().construct_yaml_timestamp(node)
            except ValueError as exc:
                line = node.start_mark.line + 1
                raise DataError(f"not a date: {node.value!r} ({exc})", file=file, line=line) from None

    StrictLoader.add_constructor("tag:yaml.org,2002:map", StrictLoader.construct_mapping)
    StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", StrictLoader.construct_timestamp)
    return StrictLoader


def load_text(text: str, file: str, loader: type[yaml.SafeLoader] | None = None) -> Any:
    """Strict YAML text (``loader``: a subclass of this module's loader); every failure is a DataError."""
    try:
        return yaml.load(text, Loader=loader or _make_loader(file))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark is not None else None
        raise DataError(f"invalid YAML: {exc.problem}", file=file, line=line) from None
    except yaml.YAMLError as exc:
        raise DataError(f"invalid YAML: {exc}", file=file) from None
    except RecursionError:
        raise DataError("nested too deeply", file=file) from None


def load_file(path: Path) -> Any:
    """A YAML file, or a DataError naming it when it is missing, unreadable, not UTF-8 or has NUL bytes."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataError("file not found", file=path) from None
    except OSError as exc:
        raise DataError(f"cannot read the file: {exc.strerror or exc}", file=path) from None
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise DataError("NUL byte in the text (UTF-16? save the file as UTF-8)", file=path, line=line)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise DataError("not UTF-8 text: save the file as UTF-8", file=path, line=line) from None
    return load_text(text, str(path))
