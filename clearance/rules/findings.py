"""Types the engine's steps share: what jurisdiction found and what the licensing steps found (mutable while
the engine runs). Kept apart so that no step module imports another for a type."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from clearance.model.decision import ALL, Basis, LeStatus, LicenseException, Question
from clearance.rules.context import constructor

_exception = constructor(LicenseException)  # LicenseException(...), faster (clearance.rules.context)
# (an enum class's attribute is read through its metaclass's __getattr__ hook, a Python call: read once here)
_AVAILABLE, _BARRED = LeStatus.AVAILABLE, LeStatus.BARRED


@dataclass(slots=True)
class Findings:
    """What the licensing steps found for one request (mutable while the engine runs)."""

    bases: list[Basis] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    obligations: list[str] = field(default_factory=list)
    exceptions: list[LicenseException] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)  # licence exceptions whose terms are unknown
    notes: list[str] = field(default_factory=list)

    def available(self, symbol: str, reason: str, citation: str = "", covers: tuple[str, ...] = ()) -> None:
        self.exceptions.append(_exception(symbol, _AVAILABLE, reason, citation, covers))

    def barred(self, symbol: str, reason: str, citation: str = "") -> None:
        self.exceptions.append(_exception(symbol, _BARRED, reason, citation))

    def blanket_bar(self) -> bool:
        for x in self.exceptions:  # noqa: SIM110 (a loop, not any() over a generator: called for every answer)
            if x.status is _BARRED and x.symbol == ALL:
                return True
        return False

    def covering(self) -> list[LicenseException]:
        return [x for x in self.exceptions if x.status is _AVAILABLE and x.covers]


new_findings = constructor(Findings)  # Findings(), without the class call's overhead (clearance.rules.context)


@dataclass(slots=True)
class Jurisdiction:
    subject: bool | None
    basis: list[str] = field(default_factory=list)
    via: str = ""  # "origin" | "de_minimis" | "no_de_minimis" | "fdp_fn1" | "fdp_ns" | "fdp_734.9(f)" ...
    no_de_minimis_rule: dict[str, Any] | None = None
    fdp_version: dict[str, Any] | None = None
    unknown: list[Question] = field(default_factory=list)  # open questions
    notes: list[str] = field(default_factory=list)


new_jurisdiction = constructor(Jurisdiction)  # Jurisdiction(...), without the class call's overhead
