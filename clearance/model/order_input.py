"""The order a user submits, validated at the edge: every field's type, range and unit.

This is the schema of ``../shared/regulatory/ear-scenarios.yaml``, of ``tests/rules/own_scenarios.yaml`` and
of what ``clearance determine --order/--orders`` read. Nothing here is read as "absent" when it is wrong: a
field of the wrong type, an unknown field, an unknown fact, a number out of range or a text too long is a
:class:`~clearance.errors.DataError` naming the file, line and field (and the valid names where there is a
list of them). Numbers are bounded *before* they are converted, so ``1e1000000000`` or a 5,000-digit
integer are refused at once instead of being expanded.

Amounts are in one currency (the order's; the de minimis rule compares ratios), at least 0 and at most
:data:`MAX_AMOUNT`; a de minimis ``total`` must be more than 0; percentages lie in 0..100.

Fields that scenario files carry for their readers and tests (``title``, ``expected``, ``notes``...) are
accepted and never read by the engine; every other unknown field is an error.
"""

from __future__ import annotations

import copy
import datetime as dt
import math
import re
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    StrictBool,
    StringConstraints,
    ValidationError,
    WithJsonSchema,
    model_validator,
)

from clearance.errors import DataError
from clearance.model.determination import Fact, Role, Transaction
from clearance.text.countries import country_code

MAX_AMOUNT = Fraction(10**15)  # one quadrillion: more than any single order's value
MAX_NUMBER_CHARS = 40  # a number written with more characters than this is refused before conversion
MAX_TEXT = 20_000  # characters of a description, an end use or one knowledge statement
MAX_NAME = 500  # characters of a name, an ECCN, a licence id...
MAX_ITEMS = 200  # entries of a list (parties, knowledge, inputs...)
UNSPECIFIED = "XX"  # several or unknown destinations; the same code as clearance.rules.chart.UNSPECIFIED
_UNSPECIFIED_WORDS = frozenset({"various", "multilateral meeting", "multiple", "xx"})
_NUMBER = re.compile(r"[+-]?(?:\d{1,20}(?:\.\d{0,15})?|\.\d{1,15})(?:[eE][+-]?\d{1,3})?")
_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.+\-Z ]{0,40})?")
FIRST_YEAR, LAST_YEAR = 1950, 2200


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}..."


# ---- scalar types ------------------------------------------------------------------------------------------


def parse_number(value: Any) -> Fraction:
    """An exact number from an int, a finite float or Decimal, or a short decimal text; bounded before use."""
    if isinstance(value, bool):
        raise ValueError(f"must be a number, not {value!r}")
    if isinstance(value, int):
        if value.bit_length() > 128:
            raise ValueError(f"number too large ({value.bit_length()} bits)")
        return Fraction(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"must be a finite number, not {value!r}")
        return Fraction(repr(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"must be a finite number, not {str(value)!r}")
        if len(value.as_tuple().digits) > MAX_NUMBER_CHARS or not -60 <= value.adjusted() <= 60:
            raise ValueError(f"number out of range: {_show(str(value))} (at most {MAX_NUMBER_CHARS} digits and "
                             "an exponent from -60 to 60)")
        return Fraction(value)
    if isinstance(value, str):
        text = value.strip()
        if len(text) > MAX_NUMBER_CHARS:
            raise ValueError(f"not a number: a text of {len(text):,} characters (at most {MAX_NUMBER_CHARS})")
        if not _NUMBER.fullmatch(text):
            raise ValueError(f"not a number: {text!r}")
        return Fraction(text)  # at most 20 digits and an exponent of 3 digits: instant
    raise ValueError(f"must be a number, not {_show(value)}")


def parse_amount(value: Any) -> Fraction:
    """An amount of money: a bounded number from 0 to MAX_AMOUNT."""
    number = parse_number(value)
    if number < 0:
        raise ValueError(f"must be 0 or more, not {_show(value)}")
    if number > MAX_AMOUNT:
        raise ValueError(f"must be at most {int(MAX_AMOUNT):,}, not {_show(value)}")
    return number


def _positive_amount(value: Any) -> Fraction:
    number = parse_amount(value)
    if number == 0:
        raise ValueError("must be more than 0 (the value of the whole item)")
    return number


def _percent(value: Any) -> Fraction:
    number = parse_number(value)
    if not 0 <= number <= 100:
        raise ValueError(f"must be a percentage from 0 to 100, not {_show(value)}")
    return number


def _day(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        day = value
    elif isinstance(value, str):
        m = _DATE.fullmatch(value.strip()) if len(value) <= 60 else None
        if m is None:
            raise ValueError(f"not a date (use YYYY-MM-DD): {_show(value)}")
        try:
            day = dt.date.fromisoformat(m.group(1))
        except ValueError as exc:
            raise ValueError(f"not a date: {value!r} ({exc})") from None
    else:
        raise ValueError(f"not a date (use YYYY-MM-DD): {_show(value)}")
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(f"date out of range ({FIRST_YEAR}-{LAST_YEAR}): {day.isoformat()}")
    return day


def _country(value: Any) -> str:
    if isinstance(value, str) and len(value) <= 80:
        return _country_text(value)
    if value is False:  # YAML 1.1 reads an unquoted NO (Norway) as false
        raise ValueError("a country must be a name or ISO code, not false (for Norway write 'NO' in quotes)")
    if not isinstance(value, str):
        raise ValueError(f"a country must be a name or ISO code, not {_show(value)}")
    raise ValueError(f"unknown country {_show(value)}")


@lru_cache(maxsize=4096)
def _country_text(value: str) -> str:
    text = value.strip()
    if text.lower() in _UNSPECIFIED_WORDS:
        return UNSPECIFIED
    code = country_code(text)
    if code is None:
        raise ValueError(f"unknown country {text!r} (use an ISO code such as CN)")
    return code


Amount = Annotated[Fraction, PlainValidator(parse_amount), WithJsonSchema({"type": "number", "minimum": 0})]
PositiveAmount = Annotated[Fraction, PlainValidator(_positive_amount),
                           WithJsonSchema({"type": "number", "exclusiveMinimum": 0})]
Percent = Annotated[Fraction, PlainValidator(_percent),
                    WithJsonSchema({"type": "number", "minimum": 0, "maximum": 100})]
Day = Annotated[dt.date, PlainValidator(_day), WithJsonSchema({"type": "string", "format": "date"})]
Country = Annotated[str, PlainValidator(_country), WithJsonSchema({"type": "string"})]
# Text: native (Rust) checks, no Python call per field. Numbers become text (YAML reads "1688" as a number);
# true/false do not. NUL characters (JSON "\u0000") are refused.
Name = Annotated[str, StringConstraints(strip_whitespace=True, max_length=MAX_NAME, pattern=r"^[^\x00]*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=MAX_TEXT, pattern=r"^[^\x00]*$")]
# an HTS (or HS) code: a heading of 4 digits, a subheading of 6, or a US statistical line of 8 or 10 digits, in groups
# of two after the heading, with or without dots ("8542", "8542.32", "854232", "8542.32.0002"). Write it in quotes:
# YAML reads 8542.30 as the number 8542.3 (taken as written, a heading: a question, never a clear).
_HTS = re.compile(r"\d{4}(?:\.?\d{2}){0,3}")


def _hts(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError(f"an HTS code must be text such as '8542.32', not {_show(value)}")
    text = str(value).strip()
    if not _HTS.fullmatch(text) and not (isinstance(value, float) and re.fullmatch(r"\d{4}\.\d", text)):
        raise ValueError(f"not an HTS code: {_show(value)} (write a heading '8542', a subheading '8542.32' or "
                         "'854232', or a statistical line '8542.32.0002', in quotes)")
    return text


Hts = Annotated[str, PlainValidator(_hts), WithJsonSchema({"type": "string", "pattern": r"^\d{4}(\.?\d{2}){0,3}$"})]
# a screening match a reviewer judged not to be the party: "<list code>:<entry id>" as `clearance screen` shows it
RuledOut = Annotated[str, StringConstraints(strip_whitespace=True, max_length=MAX_NAME,
                                            pattern=r"^[a-z][a-z0-9_]*:[^\s\x00]+$")]
FactName = Fact  # pydantic's own enum check: the error lists the valid values
RoleName = Role
TransactionName = Transaction


# ---- models ------------------------------------------------------------------------------------------------


class _Closed(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, coerce_numbers_to_str=True)
    noun: ClassVar[str] = "a mapping"
    # Text fields a YAML flow mapping may have split at a comma ("{name: Acme Co., Ltd., ...}" gives a key
    # "Ltd." with no value): in YAML input, such keys are joined back onto the text field they follow.
    joinable: ClassVar[tuple[str, ...]] = ()


def _rejoin(data: Any, model: type[_Closed], joined: list[str]) -> Any:
    """``data`` with the keys a YAML flow comma split off a text field joined back (a copy when changed)."""
    if not isinstance(data, Mapping):
        return data
    known = {f.alias or n for n, f in model.model_fields.items()}
    out: dict[Any, Any] = {}
    last: str | None = None
    changed = False
    for key, value in data.items():
        if key in known:
            out[key] = value
            last = key if key in model.joinable and isinstance(value, str) else None
        elif last is not None and value is None and isinstance(key, str) and key.strip():
            out[last] = f"{out[last]}, {key}"
            joined.append(out[last])
            changed = True
        else:
            out[key] = value
            last = None
    return _same_kind(data, out) if changed else data


def _same_kind(original: Mapping[Any, Any], items: dict[Any, Any]) -> Mapping[Any, Any]:
    """``items`` in a copy of ``original`` (a YAML mapping keeps the lines of its keys)."""
    new = copy.copy(original)
    if isinstance(new, dict):
        new.clear()
        new.update(items)
        return new
    return items


def _rejoin_each(data: Any, model: type[_Closed], joined: list[str]) -> Any:
    return [_rejoin(x, model, joined) for x in data] if isinstance(data, list) else data


def _rejoin_owners(data: Any, joined: list[str]) -> Any:
    """Owners (and, recursively, their own owners: an ownership chain) with their names re-joined."""
    owners = _rejoin_each(data, OwnerInput, joined)
    if not isinstance(owners, list):
        return owners
    return [_same_kind(o, {**o, "ownership": _rejoin_owners(o["ownership"], joined)})
            if isinstance(o, Mapping) and "ownership" in o else o for o in owners]


def rejoin_flow_commas(data: Any) -> tuple[Any, list[str]]:
    """A YAML order with names re-joined across flow-mapping commas, and the re-joined texts (for notes)."""
    joined: list[str] = []
    if not isinstance(data, Mapping):
        return data, joined
    out = dict(data)
    if "exporter" in data:
        out["exporter"] = _rejoin(data["exporter"], ExporterInput, joined)
    parties = _rejoin_each(data.get("parties"), PartyInput, joined)
    if isinstance(parties, list):
        out["parties"] = [
            _same_kind(p, {**p, "ownership": _rejoin_owners(p["ownership"], joined)})
            if isinstance(p, Mapping) and "ownership" in p else p for p in parties]
    item = data.get("item")
    if isinstance(item, Mapping) and "us_inputs" in item:
        out["item"] = _same_kind(item, {**item, "us_inputs": _rejoin_each(item["us_inputs"], UsInputLine, joined)})
    return (_same_kind(data, out), joined) if joined else (data, joined)


class ExporterInput(_Closed):
    noun: ClassVar[str] = "'exporter' must be a mapping"
    joinable: ClassVar[tuple[str, ...]] = ("name",)
    name: Name | None = None
    country: Country | None = None
    listings: list[Name] | None = Field(default=None, max_length=MAX_ITEMS)  # None: screened; []: not listed
    ruled_out: list[RuledOut] = Field(default_factory=list, max_length=MAX_ITEMS)


class RouteInput(_Closed):
    noun: ClassVar[str] = "'route' must be a mapping"
    from_: Country | None = Field(default=None, alias="from")
    to: Country | None = None
    # countries the item passes through on its way without being destined there (transit, transshipment, a US
    # foreign-trade zone): the United States makes a foreign-made item subject (§ 734.3(a)(1)), a General Prohibition
    # Eight country needs the licence or exception an export there would (§ 736.2(b)(8))
    via: list[Country] = Field(default_factory=list, max_length=MAX_ITEMS)


class UsInputLine(_Closed):
    """One US-origin component of a foreign-made item (a bill-of-materials line)."""

    noun: ClassVar[str] = "each of 'us_inputs' must be a mapping"
    joinable: ClassVar[tuple[str, ...]] = ("why",)
    eccn: Name | None = None
    value: Amount | None = None
    why: Text = ""
    controlled_to_CN: StrictBool | None = None  # informative (the engine decides from the ECCN)


class UsContent(_Closed):
    noun: ClassVar[str] = "'us_controlled_content' must be a mapping"
    value: Amount | None = None
    total: PositiveAmount | None = None
    pct: Percent | None = None  # informative: the engine compares value/total exactly

    @model_validator(mode="after")
    def _value_within_total(self) -> UsContent:
        if self.value is not None and self.total is not None and self.value > self.total:
            raise ValueError(f"the controlled US content ({self.value}) exceeds the item's total value "
                             f"({self.total})")
        return self


class FdpFactsInput(_Closed):
    """Facts for the foreign direct product rules; an omitted field means "not stated", never "no"."""

    noun: ClassVar[str] = "'fdp_facts' must be a mapping"
    direct_product_of: list[Name] | None = Field(default=None, max_length=MAX_ITEMS)
    plant_direct_product_of: list[Name] | None = Field(default=None, max_length=MAX_ITEMS)
    plant_tech_us_origin: StrictBool | None = None
    designed_by_fn1_entity: StrictBool | None = None
    production_start: Day | None = None
    telecom_generation_supported: Name | None = None
    certified_by_manufacturer: StrictBool | None = None  # informative


class ItemInput(_Closed):
    noun: ClassVar[str] = "'item' must be a mapping"
    eccn: Name | None = None
    origin: Country | None = None
    description: Text = ""
    kind: Literal["commodity", "software", "technology"] | None = None
    value: Amount | None = None
    us_inputs: list[UsInputLine] | None = Field(default=None, max_length=MAX_ITEMS)
    us_controlled_content: UsContent | None = None
    total_value: PositiveAmount | None = None
    fdp_facts: FdpFactsInput | None = None
    hts: Hts | None = None  # optional: the item's HTS code (Part 746 supplements list items by HTS-6 code)


class OwnerInput(_Closed):
    noun: ClassVar[str] = "each owner must be a mapping (owner, pct, and optionally its own ownership)"
    joinable: ClassVar[tuple[str, ...]] = ("owner",)
    owner: Name
    pct: Percent
    # the owner's own owners: an ownership chain (indirect ownership through intermediate companies)
    ownership: list[OwnerInput] = Field(default_factory=list, max_length=MAX_ITEMS)


class PartyInput(_Closed):
    noun: ClassVar[str] = "each party must be a mapping with role and name"
    joinable: ClassVar[tuple[str, ...]] = ("name",)
    role: RoleName
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_NAME,
                                           pattern=r"^[^\x00]*$")]
    country: Country | None = None
    listings: list[Name] | None = Field(default=None, max_length=MAX_ITEMS)  # None: not screened; []: not listed
    ownership: list[OwnerInput] = Field(default_factory=list, max_length=MAX_ITEMS)
    ruled_out: list[RuledOut] = Field(default_factory=list, max_length=MAX_ITEMS)


class LicenceStateInput(_Closed):
    noun: ClassVar[str] = "'licence_state' must be a mapping"
    licence_id: Name = "licence"
    granted: Day
    revoked: Day | None = None
    expires: Day | None = None

    @model_validator(mode="after")
    def _ordered(self) -> LicenceStateInput:
        for label, day in (("revoked", self.revoked), ("expires", self.expires)):
            if day is not None and day < self.granted:
                raise ValueError(f"licence {label} ({day}) before it was granted ({self.granted})")
        return self


_VARIANT = re.compile(r"variant_if_shipped_on_\d{4}-\d{2}-\d{2}")


class OrderInput(_Closed):
    """One order (or one scenario of a scenario file)."""

    noun: ClassVar[str] = "an order must be a mapping"
    model_config = ConfigDict(json_schema_extra={"patternProperties": {
        r"^variant_if_shipped_on_\d{4}-\d{2}-\d{2}$": {"type": "object"}}})
    id: Name | None = None
    date: Day | None = None
    time_local: Day | None = None  # alias of date (a local timestamp: its date is used)
    transaction: TransactionName = Transaction.EXPORT
    exporter: ExporterInput | None = None
    route: RouteInput | None = None
    to: Country | None = None  # alias of route.to
    item: ItemInput
    parties: list[PartyInput] = Field(default_factory=list, max_length=MAX_ITEMS)
    end_use: Text = ""
    knowledge: list[Text] = Field(default_factory=list, max_length=MAX_ITEMS)
    facts: list[FactName] = Field(default_factory=list, max_length=len(Fact) * 2)
    licence_state: LicenceStateInput | None = None
    # Read by people and tests, never by the engine:
    title: Text | None = None
    source: Name | None = None
    source_ref: Text | None = None
    confidence: Name | None = None
    notes: Text | None = None
    deciding_rules: list[Text] | None = Field(default=None, max_length=MAX_ITEMS)
    expected: dict[str, Any] | None = None
    variants: dict[str, Any] = Field(default_factory=dict)  # the variant_if_shipped_on_YYYY-MM-DD fields

    @model_validator(mode="before")
    @classmethod
    def _collect_variants(cls, data: Any) -> Any:
        if not isinstance(data, Mapping):
            return data
        keys = [k for k in data if isinstance(k, str) and k.startswith("variant_") and _VARIANT.fullmatch(k)]
        if not keys:
            return data
        out = {k: v for k, v in data.items() if k not in keys}
        out["variants"] = {k: data[k] for k in keys}
        return out

    @model_validator(mode="after")
    def _required(self) -> OrderInput:
        if self.date is None and self.time_local is None:
            raise ValueError("the order has no date (date: YYYY-MM-DD)")
        if self.destination is None:
            raise ValueError("the order has no destination (route: {to: COUNTRY})")
        return self

    @property
    def day(self) -> dt.date:
        day = self.date or self.time_local
        assert day is not None  # checked by _required
        return day

    @property
    def destination(self) -> str | None:
        return (self.route.to if self.route else None) or self.to

    @property
    def via(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.route.via)) if self.route else ()

    @property
    def origin_country(self) -> str:
        return (self.route.from_ if self.route else None) or (self.exporter.country if self.exporter else None) \
            or "US"


class ScenarioFileInput(_Closed):
    noun: ClassVar[str] = "a scenario file must be a mapping"
    schema_version: Literal[1] = 1
    scenarios: list[Any] = Field(max_length=100_000)


# ---- validation errors as DataErrors -----------------------------------------------------------------------


def _path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _model_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The model class validating the value at ``loc`` (None when it is not a model)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        fields = current.model_fields
        name = next((n for n, f in fields.items() if part in (n, f.alias)), None)
        if name is None:
            return None
        current = _inner_model(fields[name].annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _field_names(model: type[BaseModel]) -> list[str]:
    names = [f.alias or n for n, f in model.model_fields.items() if n != "variants"]
    if model is OrderInput:
        names.append("variant_if_shipped_on_YYYY-MM-DD")
    return names


def _line_of(data: Any, loc: tuple[int | str, ...], base: int | None) -> int | None:
    """The line of the deepest mapping key along ``loc`` that the parsed document remembers."""
    line = getattr(data, "line", None) or base
    current = data
    for part in loc:
        if isinstance(current, Mapping) and part in current:
            line_of = getattr(current, "line_of", None)
            if line_of is not None:
                line = line_of(part)
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
            line = getattr(current, "line", None) or line
        else:
            break
    return line


def _message(model: type[BaseModel], err: Mapping[str, Any]) -> str:
    loc: tuple[int | str, ...] = tuple(err["loc"])
    kind, value = err["type"], err.get("input")
    if kind == "extra_forbidden":
        parent = _model_at(model, loc[:-1]) or model
        return f"unknown field {str(loc[-1])!r} (valid: {', '.join(_field_names(parent))})"
    if kind == "missing":
        return "required field missing"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        target = _model_at(model, loc)
        if target is None:
            return f"must be a mapping, not {_show(value)}"
        noun = getattr(target, "noun", "must be a mapping")
        return f"{noun} ({', '.join(_field_names(target))}), not {_show(value)}"
    if kind in ("list_type", "tuple_type"):
        return f"{str(loc[-1]) if loc else 'the value'!r} must be a list, not {_show(value)}"
    if kind == "too_long":
        return f"too many entries (at most {err.get('ctx', {}).get('max_length')})"
    if kind in ("value_error", "assertion_error"):
        return str(err["ctx"]["error"]) if "ctx" in err else str(err["msg"])
    if kind == "enum":
        what = {"facts": "fact", "role": "party role", "transaction": "transaction"}.get(
            next((str(p) for p in reversed(loc) if isinstance(p, str)), ""), "value")
        valid = err.get("ctx", {}).get("expected", "").replace("'", "").replace(" or ", ", ")
        return f"unknown {what} {_show(value)} (valid: {valid})"
    if kind == "literal_error":
        return f"{_show(value)} is not valid (valid: {err.get('ctx', {}).get('expected', '')})"
    if kind == "string_too_long":
        limit = err.get("ctx", {}).get("max_length", 0)
        return f"text too long: {len(value) if isinstance(value, str) else 0:,} characters (at most {limit:,})"
    if kind == "string_too_short":
        return "party without a name" if loc[-1:] == ("name",) and "parties" in loc else "must not be empty"
    if kind == "string_pattern_mismatch":
        return "text contains a NUL character"
    if kind == "string_type":
        return f"must be text, not {_show(value)}"
    if kind.startswith("bool"):
        return f"must be true or false, not {_show(value)}"
    return f"{err['msg']}, not {_show(value)}"


def data_error(model: type[BaseModel], exc: ValidationError, data: Any, *, file: str | None,
               line: int | None) -> DataError:
    """One DataError for a failed validation: the first problem with its field and line, and how many more."""
    errors = exc.errors(include_url=False)
    first = errors[0]
    loc = tuple(first["loc"])
    message = _message(model, first)
    if len(errors) > 1:
        others = "; ".join(f"{_path(tuple(e['loc'])) or 'order'}: {_message(model, e)}" for e in errors[1:3])
        more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
        message = f"{message}; also {others}{more}"
    return DataError(message, file=file, line=_line_of(data, loc, line), field=_path(loc) or None)


def validate_order(data: Any, *, file: str | None = None, line: int | None = None) -> OrderInput:
    """An :class:`OrderInput` from parsed data, or a DataError naming file, line and field. Never raises
    anything else."""
    if not isinstance(data, Mapping):
        raise DataError(f"an order must be a mapping (id, date, route, item, parties, ...), not {_show(data)}",
                        file=file, line=line)
    try:
        return OrderInput.model_validate(data)
    except ValidationError as exc:
        raise data_error(OrderInput, exc, data, file=file, line=line) from None
    except RecursionError:
        raise DataError("the order is nested too deeply", file=file, line=line) from None


def validate_scenario_file(data: Any, *, file: str | None = None) -> list[Any]:
    """The raw scenarios of a scenario file (a mapping with a ``scenarios`` list, or a bare list)."""
    if isinstance(data, list):
        return data
    if not isinstance(data, Mapping):
        raise DataError(f"expected a 'scenarios' list, not {_show(data)}", file=file, line=1)
    try:
        return ScenarioFileInput.model_validate(data).scenarios
    except ValidationError as exc:
        raise data_error(ScenarioFileInput, exc, data, file=file, line=1) from None
