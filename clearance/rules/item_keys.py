"""An item as a memo-key value that is hashed and compared in C.

``fields_of(Item)`` gives the item's fields as a tuple, but a foreign-made item's bill of materials (``UsInput``), its
FDP facts (``FdpFacts``) and its amounts (``Fraction``) hash and compare through Python methods: a quarter of the
cost of deciding such an item again was spent hashing its key. Here they are replaced by plain tuples: each amount
by its (numerator, denominator), each bill-of-materials line and the FDP facts by the tuple of their fields. Equal
items give equal keys and different items different keys (an amount or a line is never None in the flat form, a
field that is None stays None), so a key made here can stand for the item wherever ``fields_of(Item)`` did.
"""

from __future__ import annotations

import dataclasses
from fractions import Fraction
from typing import Any

from clearance.model.determination import FdpFacts, Item, UsInput
from clearance.rules.context import fields_of

_item_fields = fields_of(Item)
_fdp_fields = fields_of(FdpFacts)
# (item_key unpacks the fields in this order, and _line knows a line's fields: a new field must be added there)
if tuple(f.name for f in dataclasses.fields(Item)) != ("eccn", "origin", "description", "kind", "value", "us_inputs",
                                                        "us_controlled_value", "total_value", "fdp", "hts") \
        or tuple(f.name for f in dataclasses.fields(UsInput)) != ("eccn", "value", "description"):
    raise TypeError("clearance.rules.item_keys: the fields of Item or UsInput changed; update item_key")


def _amount(value: Fraction | None) -> tuple[int, int] | None:
    # (as_integer_ratio: a Fraction, an int or a float equal to it give the same pair, as they hash and compare equal)
    return None if value is None else value.as_integer_ratio()


def _line(line: UsInput) -> tuple[Any, ...]:
    return (line.eccn, _amount(line.value), line.description)


def item_key(item: Item) -> tuple[Any, ...]:
    """The item's fields in declaration order, with its amounts, bill of materials and FDP facts in plain tuples."""
    fields = _item_fields(item)
    if item.value is None and item.us_inputs is None and item.us_controlled_value is None \
            and item.total_value is None and item.fdp is None:
        return fields  # (a US-origin item's usual fields: strings and None, hashed in C as they are)
    eccn, origin, description, kind, _, us_inputs, _, _, fdp, hts = fields
    return (eccn, origin, description, kind, _amount(item.value),
            None if us_inputs is None else tuple([_line(x) for x in us_inputs]),
            _amount(item.us_controlled_value), _amount(item.total_value),
            None if fdp is None else _fdp_fields(fdp), hts)


def view_key(eccn: str | None, origin: str | None, description: str, kind: str | None,
             fdp: FdpFacts | None) -> tuple[Any, ...]:
    """The fields of the item that the foreign direct product rules read (jurisdiction._VIEW_ITEM_FIELDS), the
    FDP facts as the tuple of their fields."""
    return (eccn, origin, description, kind, None if fdp is None else _fdp_fields(fdp))

