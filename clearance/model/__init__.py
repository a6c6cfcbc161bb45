"""Kernel: typed domain objects, no I/O."""

from clearance.model.entity import Address, Entity, Identifier, Name, NameKind, ParsedList, Schema
from clearance.model.lists import LISTS, ListInfo, list_info, parse_codes

__all__ = [
    "LISTS",
    "Address",
    "Entity",
    "Identifier",
    "ListInfo",
    "Name",
    "NameKind",
    "ParsedList",
    "Schema",
    "list_info",
    "parse_codes",
]
