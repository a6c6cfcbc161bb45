"""An item as a memo-key value that is hashed and compared in C.

``fields_of(Item)`` gives the item's fields as a tuple, but a foreign-made item's bill of materials (``UsInput``), its
FDP facts (``FdpFacts``) and its amounts (``Fraction``) hash and compare through Python methods. Here they are
spelt out in plain values: each amount as its (numerator, denominator), the bill-of-materials lines and the FDP
facts as their fields, preceded by a count or marker so that the flat tuple reads back one way only. Equal items
give equal keys and different items different keys, so a key made here can stand for the item wherever
``fields_of(Item)`` did.
"""

from __future__ import annotations

import dataclasses
from fractions import Fraction
from typing import Any

from clearance.model.determination import FdpFacts, Item, UsInput
from clearance.rules.context import fields_of

_item_fields = fields_of(Item)
_fdp_fields = fields_of(FdpFacts)
# (item_key unpacks the fields in this order and spells out a line's three fields: a new field must be added there)
if tuple(f.name for f in dataclasses.fields(Item)) != ("eccn", "origin", "description", "kind", "value", "us_inputs",
                                                        "us_controlled_value", "total_value", "fdp", "hts") \
        or tuple(f.name for f in dataclasses.fields(UsInput)) != ("eccn", "value", "description"):
    raise TypeError("clearance.rules.item_keys: the fields of Item or UsInput changed; update item_key")


_NO_AMOUNT = (None, None)


def _amount(value: Fraction | None) -> tuple[int | None, int | None]:
    # (as_integer_ratio: a Fraction, an int or a float equal to it give the same pair, as they hash and compare equal)
    return _NO_AMOUNT if value is None else value.as_integer_ratio()


def item_key(item: Item) -> tuple[Any, ...]:
    """The item as one flat tuple of strings, numbers, None and the FDP facts' own fields: each amount as its
    (numerator, denominator) or (None, None), then the FDP facts (None, or 1 and their fields), then the bill of
    materials (None, or its number of lines and each line's ECCN, amount and description). One tuple, not one per
    line: a key kept by the cache is one more object for the garbage collector to walk, not several."""
    fields = _item_fields(item)
    if item.value is None and item.us_inputs is None and item.us_controlled_value is None \
            and item.total_value is None and item.fdp is None:
        return fields  # (a US-origin item's usual fields: strings and None, hashed in C as they are; 10 of them)
    eccn, origin, description, kind, value, us_inputs, controlled, total, fdp, hts = fields
    key: list[Any] = [eccn, origin, description, kind, hts, *_amount(value), *_amount(controlled), *_amount(total)]
    if fdp is None:
        key.append(None)
    else:
        key.append(1)
        key.extend(_fdp_fields(fdp))
    if us_inputs is None:
        key.append(None)
    else:
        key.append(len(us_inputs))
        for line in us_inputs:
            key.extend((line.eccn, *_amount(line.value), line.description))
    return tuple(key)  # (13 fields or more: never equal to the 10 above)


def view_key(eccn: str | None, origin: str | None, description: str, kind: str | None,
             fdp: FdpFacts | None) -> tuple[Any, ...]:
    """The fields of the item that the foreign direct product rules read (jurisdiction._VIEW_ITEM_FIELDS), the
    FDP facts as the tuple of their fields."""
    return (eccn, origin, description, kind, None if fdp is None else _fdp_fields(fdp))

