"""Overlays: a proposed or hypothetical rule applied to a copy of the rule set.

An overlay file has the same format as a rule file plus ``overlay: true``. For a parameter that
exists, the overlay's values replace the base values from the overlay's first date on (the base value
in force then is cut short); a new parameter (e.g. ``el.party.acme`` -- "add ACME to the Entity List with
footnote 1") is added. The base rule set is never changed.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from clearance.errors import DataError
from clearance.model.regulation import DatedValue, Parameter, RuleSet
from clearance.rules.loader import parse_file


def merge_parameter(base: Parameter, extra: Parameter) -> Parameter:
    cut = extra.values[0].start
    kept: list[DatedValue] = []
    for dv in base.values:
        if dv.start >= cut:
            continue
        if dv.end is None or dv.end > cut:
            dv = dataclasses.replace(dv, end=cut)
        kept.append(dv)
    section = extra.section if extra.section and extra.section != extra.key.split(".")[0] else base.section
    return Parameter(base.key, section, extra.description or base.description, (*kept, *extra.values))


def apply_overlay(rules: RuleSet, path: Path) -> RuleSet:
    found, is_overlay = parse_file(path)
    if not is_overlay:
        raise DataError("not an overlay file: add 'overlay: true' at the top", file=path, line=1)
    params = dict(rules.parameters)
    for key, param in found.items():
        params[key] = merge_parameter(params[key], param) if key in params else param
    name = path.stem
    return RuleSet(version=f"{rules.version}+{name}", parameters=params, overlays=(*rules.overlays, str(path)))
