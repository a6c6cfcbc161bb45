"""Load the rule data (YAML under clearance/regulations/) into a frozen RuleSet, strictly.

File format (every file)::

    title: Part 744 -- Entity List, Huawei entries
    source: where the values come from
    parameters:
      el.group.huawei.review_policy:         # unique across all files
        section: "744.11"                    # CFR section (used by `clearance rules show`)
        description: ...
        values:
          2019-05-16: {value: presumption of denial, cite: "...", fr: 84 FR 22961, verification: FR}
          2020-08-17: {value: ..., cite: ..., until: 2022-02-02}   # until = last day (inclusive)
          2030-01-01: null                   # null ends the previous value

Errors (unknown key, duplicate key, a value without ``cite``, overlapping ranges, a date that is not a
date) raise DataError with the file and line. The loaded rule set is cached per folder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from clearance.errors import DataError
from clearance.model.regulation import Citation, DatedValue, Parameter, RuleSet
from clearance.model.rule_values import check
from clearance.rules.strict_yaml import LineDict, load_file

FILE_KEYS = {"title", "source", "parameters", "overlay"}
PARAM_KEYS = {"section", "description", "values"}
VALUE_KEYS = {"value", "cite", "fr", "verification", "note", "until"}


def regulations_dir() -> Path:
    import clearance.regulations as pkg

    return Path(pkg.__file__).resolve().parent


def _check_keys(data: Any, allowed: set[str], file: str, line: int, what: str) -> LineDict:
    if not isinstance(data, LineDict):
        raise DataError(f"{what} must be a mapping", file=file, line=line)
    for key in data:
        if key not in allowed:
            raise DataError(
                f"unknown key {key!r} in {what} (allowed: {', '.join(sorted(allowed))})",
                file=file,
                line=data.line_of(key),
                field=str(key),
            )
    return data


def _freeze(value: Any) -> Any:
    """Plain data: LineDicts become dicts, dates stay dates."""
    if isinstance(value, dict):
        return {k: _freeze(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_freeze(v) for v in value]
    return value


def _parse_values(key: str, raw: Any, file: str, line: int, rel: str) -> tuple[DatedValue, ...]:
    if not isinstance(raw, LineDict) or not raw:
        raise DataError(f"parameter {key}: 'values' must be a non-empty mapping of dates", file=file, line=line)
    entries: list[tuple[dt.date, int, Any]] = []
    for day, body in raw.items():
        vline = raw.line_of(day)
        if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
            raise DataError(f"parameter {key}: {day!r} is not a date (YYYY-MM-DD)", file=file, line=vline)
        entries.append((day, vline, body))
    entries.sort(key=lambda e: e[0])
    out: list[DatedValue] = []
    for i, (start, vline, body) in enumerate(entries):
        if body is None:
            if i == 0:
                raise DataError(f"parameter {key}: the first value cannot be null", file=file, line=vline)
            continue
        body = _check_keys(body, VALUE_KEYS, file, vline, f"value of {key} at {start}")
        if "value" not in body:
            raise DataError(f"parameter {key}: value at {start} has no 'value'", file=file, line=vline)
        cite = body.get("cite")
        if not isinstance(cite, str) or not cite.strip():
            raise DataError(
                f"parameter {key}: value at {start} has no citation ('cite')", file=file, line=vline, field="cite"
            )
        end: dt.date | None = entries[i + 1][0] if i + 1 < len(entries) else None
        until = body.get("until")
        if until is not None:
            if not isinstance(until, dt.date):
                raise DataError(f"parameter {key}: 'until' must be a date", file=file, line=vline, field="until")
            last = until + dt.timedelta(days=1)
            if last <= start:
                raise DataError(f"parameter {key}: 'until' {until} before start {start}", file=file, line=vline)
            if end is not None and last > end:
                raise DataError(
                    f"parameter {key}: value from {start} until {until} overlaps the value from {end}",
                    file=file,
                    line=vline,
                    field="until",
                )
            end = last
        fr = body.get("fr")
        citation = Citation(
            cite=cite.strip(),
            fr=str(fr) if fr is not None else None,
            verification=str(body["verification"]) if body.get("verification") is not None else None,
            note=str(body["note"]) if body.get("note") is not None else None,
            source=f"{rel}:{vline}",
        )
        value = _freeze(body["value"])
        problem = check(key, value)
        if problem is not None:
            raise DataError(problem[1], file=file, line=body.line_of("value"), field=f"value.{problem[0]}")
        out.append(DatedValue(start, end, value, citation))
    return tuple(out)


def parse_file(path: Path, root: Path | None = None) -> tuple[dict[str, Parameter], bool]:
    """Parameters of one file, and whether the file declares itself an overlay."""
    file = str(path)
    rel = str(path.relative_to(root)) if root is not None else path.name
    data = load_file(path)
    data = _check_keys(data, FILE_KEYS, file, 1, "rule file")
    params_raw = data.get("parameters")
    if not isinstance(params_raw, LineDict):
        raise DataError("rule file needs a 'parameters' mapping", file=file, line=data.line)
    out: dict[str, Parameter] = {}
    for key, body in params_raw.items():
        pline = params_raw.line_of(key)
        body = _check_keys(body, PARAM_KEYS, file, pline, f"parameter {key}")
        if "values" not in body:
            raise DataError(f"parameter {key} has no 'values'", file=file, line=pline)
        values = _parse_values(str(key), body["values"], file, body.line_of("values"), rel)
        section = str(body.get("section", "")) or str(key).split(".")[0]
        out[str(key)] = Parameter(str(key), section, str(body.get("description", "")), values)
    return out, bool(data.get("overlay", False))


def _digest(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:12]


def load_rules_from(folder: Path) -> RuleSet:
    paths = sorted(p for p in folder.rglob("*.yaml") if p.is_file())
    if not paths:
        raise DataError("no rule files (*.yaml) found", file=folder)
    params: dict[str, Parameter] = {}
    origin: dict[str, str] = {}
    for path in paths:
        found, is_overlay = parse_file(path, folder)
        if is_overlay:
            raise DataError("an overlay file cannot be part of the base rule data", file=path)
        for key, param in found.items():
            if key in params:
                raise DataError(f"parameter {key} is also defined in {origin[key]}", file=path, field=key)
            params[key] = param
            origin[key] = str(path)
    return RuleSet(version=f"ear-rules@{_digest(paths)}", parameters=params)


@lru_cache(maxsize=4)
def _cached(folder: str) -> RuleSet:
    return load_rules_from(Path(folder))


def load_rules(folder: Path | None = None) -> RuleSet:
    """The rule set from ``folder`` (default: the packaged regulations), loaded once per process."""
    return _cached(str((folder or regulations_dir()).resolve()))
