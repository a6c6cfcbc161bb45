"""The compliance desk's typed objects: licences (as filed and as held), verdicts, order lines.

A licence file is validated at the edge like an order: reversed dates, negative limits, unknown fields or a
supplier licence without its written confirmation are :class:`~clearance.errors.DataError` naming the file,
line and field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from clearance.errors import DataError
from clearance.model.order_input import MAX_ITEMS, Amount, Country, Day, Name, Text, data_error


class Verdict(StrEnum):
    """What the desk does with an order line."""

    RELEASE = "RELEASE"  # may ship now
    HOLD = "HOLD"  # a person must act: review a hit, obtain a licence, state a missing fact
    BLOCK = "BLOCK"  # prohibited, or a licence would meet a policy of denial and none is held


class HoldReason(StrEnum):
    REVIEW = "review"
    LICENCE_NEEDED = "licence_needed"
    MISSING_FACT = "missing_fact"
    CANNOT_CLEAR = "cannot_clear"


class LicenceInput(BaseModel):
    """One licence as a user files it (``clearance licenses add FILE``)."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)
    noun: ClassVar[str] = "each licence must be a mapping"
    number: Name = Field(min_length=1)
    holder: Name = Field(min_length=1)
    kind: Literal["own", "supplier"] = "own"
    supplier_confirmation: Text | None = None
    parties: list[Name] = Field(min_length=1, max_length=MAX_ITEMS)
    eccns: list[Name] = Field(min_length=1, max_length=MAX_ITEMS)
    destination: Country
    quantity_limit: Amount | None = None
    value_limit: Amount | None = None
    valid_from: Day
    valid_to: Day | None = None
    conditions: Text = ""

    @model_validator(mode="after")
    def _consistent(self) -> LicenceInput:
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError(f"valid_to ({self.valid_to}) is before valid_from ({self.valid_from})")
        if self.kind == "supplier" and not self.supplier_confirmation:
            raise ValueError("a supplier's licence is relied on only with its written confirmation: give "
                             "supplier_confirmation (who confirmed, when, the document)")
        if self.quantity_limit is None and self.value_limit is None:
            raise ValueError("give quantity_limit or value_limit (a licence without limits is not a licence BIS "
                             "issues; use the licence's own figures)")
        return self


class _LicenceFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    licences: list[Any] = Field(max_length=100_000)


def validate_licences(data: Any, *, file: str) -> list[tuple[LicenceInput, int | None]]:
    """The licences of a parsed file (a list, or a mapping with ``licences``), each with its line."""
    if isinstance(data, Mapping) and "licences" not in data and "number" in data:
        data = [data]
    if isinstance(data, Mapping):
        try:
            data = _LicenceFile.model_validate(data).licences
        except ValidationError as exc:
            raise data_error(_LicenceFile, exc, data, file=file, line=1) from None
    if not isinstance(data, list):
        raise DataError("expected a list of licences (or a mapping with 'licences')", file=file, line=1)
    out: list[tuple[LicenceInput, int | None]] = []
    for i, raw in enumerate(data):
        line = getattr(raw, "line", None)
        if not isinstance(raw, Mapping):
            raise DataError(f"licence #{i + 1} must be a mapping", file=file, line=line)
        try:
            out.append((LicenceInput.model_validate(raw), line))
        except ValidationError as exc:
            err = data_error(LicenceInput, exc, raw, file=file, line=line)
            err.message = f"licence #{i + 1} ({raw.get('number', '?')}): {err.message}"
            raise err from None
    return out


@dataclass(frozen=True, slots=True)
class Licence:
    """A licence as the desk holds it: its terms, what was drawn down, and whether it was revoked."""

    number: str
    holder: str
    kind: str  # "own" | "supplier"
    supplier_confirmation: str | None
    parties: tuple[str, ...]
    eccns: tuple[str, ...]
    destination: str
    quantity_limit: Fraction | None
    value_limit: Fraction | None
    quantity_used: Fraction
    value_used: Fraction
    valid_from: dt.date
    valid_to: dt.date | None
    conditions: str
    revoked_on: dt.date | None = None
    revoke_reason: str | None = None

    @classmethod
    def of(cls, x: LicenceInput) -> Licence:
        return cls(x.number, x.holder, x.kind, x.supplier_confirmation, tuple(x.parties), tuple(x.eccns),
                   x.destination, x.quantity_limit, x.value_limit, Fraction(0), Fraction(0), x.valid_from,
                   x.valid_to, x.conditions)

    def unusable_on(self, day: dt.date) -> str | None:
        """Why the licence cannot cover a shipment on ``day`` whatever its size (None: it can)."""
        if day < self.valid_from:
            return f"licence {self.number} is valid from {self.valid_from}"
        if self.revoked_on is not None and day >= self.revoked_on:
            return f"licence {self.number} was revoked on {self.revoked_on} ({self.revoke_reason or 'no reason given'})"
        if self.valid_to is not None and day > self.valid_to:
            return f"licence {self.number} expired on {self.valid_to}"
        return None

    def shortfall(self, quantity: Fraction, value: Fraction) -> str | None:
        """Why the licence cannot cover this much more (None: it can)."""
        if self.quantity_limit is not None and self.quantity_used + quantity > self.quantity_limit:
            return (f"licence {self.number} has {_num(self.quantity_limit - self.quantity_used)} of "
                    f"{_num(self.quantity_limit)} units left; the line needs {_num(quantity)}")
        if self.value_limit is not None and self.value_used + value > self.value_limit:
            return (f"licence {self.number} has {_num(self.value_limit - self.value_used)} of "
                    f"{_num(self.value_limit)} in value left; the line needs {_num(value)}")
        return None

    def state(self) -> str:
        if self.revoked_on is not None:
            return f"revoked {self.revoked_on}"
        if (self.quantity_limit is not None and self.quantity_used >= self.quantity_limit) or (
                self.value_limit is not None and self.value_used >= self.value_limit):
            return "drawn down"
        return "active"

    def to_dict(self) -> dict[str, Any]:
        return {"number": self.number, "holder": self.holder, "kind": self.kind,
                "supplier_confirmation": self.supplier_confirmation, "parties": list(self.parties),
                "eccns": list(self.eccns), "destination": self.destination,
                "quantity_limit": _num(self.quantity_limit), "value_limit": _num(self.value_limit),
                "quantity_used": _num(self.quantity_used), "value_used": _num(self.value_used),
                "valid_from": self.valid_from.isoformat(),
                "valid_to": self.valid_to.isoformat() if self.valid_to else None, "conditions": self.conditions,
                "revoked_on": self.revoked_on.isoformat() if self.revoked_on else None,
                "revoke_reason": self.revoke_reason, "state": self.state()}


def _num(x: Fraction | None) -> str | None:
    """An exact amount as text: "12", "12.5", or "1/3" when it has no finite decimal form."""
    if x is None:
        return None
    if x.denominator == 1:
        return str(x.numerator)
    d = x.denominator
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    if d != 1:
        return str(x)
    text = f"{float(x):.15f}".rstrip("0").rstrip(".")
    return text if Fraction(text) == x else str(x)


def amount_text(x: Fraction | None) -> str | None:
    return _num(x)
