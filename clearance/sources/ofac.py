"""OFAC legacy CSV files: SDN (``sdn.csv`` + ``add.csv`` + ``alt.csv`` + ``sdn_comments.csv``) and the
Consolidated non-SDN list (``cons_prim.csv`` + ``cons_add.csv`` + ``cons_alt.csv`` + ``cons_comments.csv``).

No header row; ``-0-`` (with or without a trailing space) is an empty field; the file may end with
0x1A; ``Program`` joins programmes with "] [". Layouts (OFAC data spec):
primary ``ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag,
Vess_owner, Remarks``; address ``ent_num, Add_num, Address, City/State/Province/Postal Code, Country,
Add_remarks``; alias ``ent_num, alt_num, alt_type, alt_name, alt_remarks``; comments ``ent_num,
Remarks_Extended`` (the continuation of a Remarks value too long for the primary file).

Grouping (``claim``): per folder and family, one primary file with the companions of the same
folder (names ``sdn*.csv``/``add*.csv``/``alt*.csv``/``sdn_comments*.csv``, or the ``cons_`` ones).
A primary must look like OFAC data; a companion is claimed by its name alone, so that a damaged one
fails the load (naming the file) and a blank one is parsed as no rows, with a warning; callers hold
back a list whose companion file is blank (``sources.base.is_blank_file``).
When a folder has several primaries, a companion goes with the primary whose name carries the same
date suffix. A folder of companions without a primary is not claimed.

Entry id = ent_num. Types: individual -> Person, vessel -> Vessel, aircraft -> Aircraft, blank ->
Organization (OFAC's "entity"). alt_type aka/nka -> alias, fka -> former name; an alias whose
alt_remarks say "weak" and quoted ``a.k.a. '...'`` names in the Remarks (OFAC's weak a.k.a.s) -> weak
alias. DOB, nationality, citizenship and identity documents are read from the Remarks.
Companion rows whose ent_num has no primary record (companions newer than the primary) are counted in the
warnings; an ent_num with at least one strong alias among them is still loaded, as an entry of unknown type
(LegalEntity) named by those aliases, with its addresses, no programme and remarks saying so: an alias row exists
only for a designated person, so a name OFAC lists is never dropped for want of its primary record (adversarial
R6-15: 'EL TREN DE ARAGUA', designated 2024-07, in the 2025 alias file beside a 2024-05 primary).
Data date: the date in the primary file's name (``sdn_2024-05-03.csv``), else None.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from clearance.errors import DataError
from clearance.model import Address, Entity, Name, NameKind, ParsedList, Schema
from clearance.sources._csvutil import clean, csv_records, date_in_name, head_text, read_text, unique
from clearance.sources._ofac_remarks import parse_remarks
from clearance.sources.base import is_blank_file, sha256_files
from clearance.text.countries import country_code

PRIMARY = ("ent_num", "SDN_Name", "SDN_Type", "Program", "Title", "Call_Sign", "Vess_type", "Tonnage", "GRT",
           "Vess_flag", "Vess_owner", "Remarks")  # fmt: skip
ADDRESS = ("ent_num", "Add_num", "Address", "City/State/Province/Postal Code", "Country", "Add_remarks")
ALIAS = ("ent_num", "alt_num", "alt_type", "alt_name", "alt_remarks")
COMMENTS = ("ent_num", "Remarks_Extended")

# family -> role -> file name prefix
_FAMILIES: dict[str, dict[str, str]] = {
    "sdn": {"primary": "sdn", "add": "add", "alt": "alt", "comments": "sdn_comments"},
    "ofac-cons": {"primary": "cons_prim", "add": "cons_add", "alt": "cons_alt", "comments": "cons_comments"},
}
_WIDTH = {"primary": len(PRIMARY), "add": len(ADDRESS), "alt": len(ALIAS), "comments": len(COMMENTS)}
_NAME = re.compile(r"^(?P<prefix>[a-z_]+?)(?P<suffix>_\d{4}-\d{2}-\d{2}.*)?\.csv$", re.IGNORECASE)
_FIRST_ROW = re.compile(r'^\s*\d+\s*,')
_SCHEMAS = {"": Schema.ORGANIZATION, "individual": Schema.PERSON, "vessel": Schema.VESSEL,
            "aircraft": Schema.AIRCRAFT}  # fmt: skip
_WHAT = {"add": "addresses", "alt": "aliases", "comments": "extended remarks"}
_ALT_KINDS = {"aka": NameKind.ALIAS, "nka": NameKind.ALIAS, "fka": NameKind.FORMER}
_PRIMARY_EXTRA = ("Title", "Call_Sign", "Vess_type", "Tonnage", "GRT", "Vess_flag", "Vess_owner")


def empty(value: str | None) -> str | None:
    """OFAC's "-0-" (any spacing) and blanks -> None; other text cleaned."""
    text = clean(value)
    return None if text is None or text == "-0-" else text


def split_programs(value: str | None) -> tuple[str, ...]:
    """"SDGT] [IRGC" or "[SDGT] [IRGC]" -> ("SDGT", "IRGC")."""
    text = empty(value)
    if not text:
        return ()
    return unique(clean(p.strip("[] ")) for p in text.split("] ["))


def role_of(path: Path) -> tuple[str, str, str] | None:
    """(family, role, date suffix) of an OFAC file name, or None."""
    m = _NAME.match(path.name)
    if not m:
        return None
    prefix = m.group("prefix").lower()
    for family, roles in _FAMILIES.items():
        for role, name in roles.items():
            if prefix == name:
                return family, role, (m.group("suffix") or "")
    return None


def _looks_ofac(path: Path) -> bool:
    head = head_text(path, 512)
    return head is not None and _FIRST_ROW.match(head) is not None


@dataclass
class _Set:
    primary: list[Path] = field(default_factory=list)
    companions: list[tuple[str, str, Path]] = field(default_factory=list)  # (role, suffix, path)


class OFACParser:
    slug = "ofac-legacy-csv"
    version = "2"
    lists: tuple[str, ...] = ("sdn", "ofac-cons")

    def claim(self, files: Sequence[Path]) -> list[tuple[Path, ...]]:
        sets: dict[tuple[Path, str], _Set] = defaultdict(_Set)
        for p in files:
            role = role_of(p)
            if role is None or (role[1] == "primary" and not _looks_ofac(p)):
                continue
            family, kind, suffix = role
            s = sets[(p.parent, family)]
            if kind == "primary":
                s.primary.append(p)
            else:
                s.companions.append((kind, suffix, p))
        groups: list[tuple[Path, ...]] = []
        for s in sets.values():
            for prim in sorted(s.primary):
                suffix = (role_of(prim) or ("", "", ""))[2]
                mine = [p for _, suf, p in s.companions if len(s.primary) == 1 or suf == suffix]
                groups.append((prim, *sorted(mine, key=lambda p: p.name)))
        return groups

    def parse(self, files: tuple[Path, ...]) -> list[ParsedList]:
        by_role: dict[str, list[Path]] = defaultdict(list)
        families = set()
        for p in files:
            role = role_of(p)
            if role is None:
                raise DataError("not an OFAC legacy CSV file name (sdn/add/alt/sdn_comments, cons_*)", file=p)
            families.add(role[0])
            by_role[role[1]].append(p)
        if len(families) != 1 or len(by_role["primary"]) != 1 or any(len(v) > 1 for v in by_role.values()):
            raise DataError(
                "an OFAC group is one primary file with at most one add, alt and comments file of the same list",
                file=", ".join(map(str, files)),
            )
        return [self.parse_set(families.pop(), by_role)]

    def parse_set(self, code: str, by_role: dict[str, list[Path]]) -> ParsedList:
        primary = by_role["primary"][0]
        ents = _primary_rows(primary)
        warnings: list[str] = []
        addresses: dict[str, list[Address]] = defaultdict(list)
        aliases: dict[str, list[Name]] = defaultdict(list)
        comments: dict[str, str] = {}
        orphan_aliases: dict[str, list[tuple[Name, Path, int]]] = defaultdict(list)
        orphan_addresses: dict[str, list[Address]] = defaultdict(list)
        for role in ("add", "alt", "comments"):
            for path in by_role.get(role, ()):
                if is_blank_file(path):
                    warnings.append(f"{path.name} is empty: no {_WHAT[role]} joined")
                    continue
                orphans: set[str] = set()
                rows = 0
                for line, row in _rows(path, role):
                    ent = _ent_num(row[0], path, line)
                    if ent not in ents:
                        orphans.add(ent)
                        rows += 1
                        if role == "alt":
                            orphan_aliases[ent].append((_alias(row, path, line), path, line))
                        elif role == "add" and (address := _address(row)) is not None:
                            orphan_addresses[ent].append(address)
                        continue
                    if role == "add":
                        if (address := _address(row)) is not None:
                            addresses[ent].append(address)
                    elif role == "alt":
                        aliases[ent].append(_alias(row, path, line))
                    else:
                        comments[ent] = comments.get(ent, "") + (empty(row[1]) or "")
                if orphans:
                    warnings.append(
                        f"{rows} rows of {path.name} ({len(orphans)} ent_nums) have no primary record in "
                        f"{primary.name}; not joined to any"
                    )
        entities = tuple(
            _entity(code, ent, line, row, primary, addresses[ent], aliases[ent], comments.get(ent))
            for ent, (line, row) in ents.items()
        )
        recovered = tuple(
            e for ent, found in sorted(orphan_aliases.items(), key=lambda kv: int(kv[0]))
            if (e := _alias_only(code, ent, found, primary, orphan_addresses[ent])) is not None
        )
        if recovered:
            warnings.append(
                f"{len(recovered)} ent_nums without a primary record in {primary.name} loaded from their strong "
                "aliases alone (type and programme unknown)"
            )
        entities += recovered
        files = [primary, *(p for role in ("add", "alt", "comments") for p in by_role.get(role, ()))]
        return ParsedList(
            list_code=code,
            entities=entities,
            source_files=tuple(str(p) for p in files),
            checksum=sha256_files(files),
            parser=f"{self.slug}@{self.version}",
            data_date=date_in_name(primary),
            warnings=tuple(warnings),
        )


def _rows(path: Path, role: str) -> list[tuple[int, list[str]]]:
    text = read_text(path, strip_eof=True)
    header = {"primary": PRIMARY, "add": ADDRESS, "alt": ALIAS, "comments": COMMENTS}[role]
    return list(csv_records(text, path, _WIDTH[role], header=header))


def _ent_num(value: str, path: Path, line: int) -> str:
    text = value.strip()
    if not text.isdigit():
        raise DataError(f"ent_num {value!r} is not a number", file=path, line=line, field="ent_num")
    return str(int(text))


def _primary_rows(path: Path) -> dict[str, tuple[int, list[str]]]:
    out: dict[str, tuple[int, list[str]]] = {}
    for line, row in _rows(path, "primary"):
        ent = _ent_num(row[0], path, line)
        if ent in out:
            raise DataError(
                f"duplicate ent_num {ent} (first on line {out[ent][0]})", file=path, line=line, field="ent_num"
            )
        if empty(row[1]) is None:
            raise DataError("empty name", file=path, line=line, field="SDN_Name")
        kind = (empty(row[2]) or "").lower()
        if kind not in _SCHEMAS:
            raise DataError(f"unknown SDN_Type {row[2]!r}", file=path, line=line, field="SDN_Type")
        out[ent] = (line, row)
    if not out:
        raise DataError("no data rows", file=path)
    return out


def _address(row: list[str]) -> Address | None:
    street, city, raw_country, remarks = (empty(row[i]) for i in (2, 3, 4, 5))
    parts = [p for p in (street, city, raw_country) if p]
    if not parts:
        return None
    full = ", ".join(parts) + (f" ({remarks})" if remarks else "")
    return Address(full=full, street=street, city=city, country=country_code(raw_country))


def _alias(row: list[str], path: Path, line: int) -> Name:
    kind_text = (empty(row[2]) or "").lower().strip(".")
    name = empty(row[3])
    if name is None:
        raise DataError("empty alias", file=path, line=line, field="alt_name")
    remarks = (empty(row[4]) or "").lower()
    if "weak" in kind_text or "weak" in remarks:
        return Name(name, NameKind.WEAK_ALIAS)
    kind = _ALT_KINDS.get(kind_text.replace(".", ""))
    if kind is None:
        raise DataError(f"unknown alt_type {row[2]!r}", file=path, line=line, field="alt_type")
    return Name(name, kind)


def _alias_only(code: str, ent: str, found: list[tuple[Name, Path, int]], primary: Path,
                addresses: list[Address]) -> Entity | None:
    """The entry ``ent`` from its alias rows alone (its primary record is not in ``primary``), or None when it has
    no strong alias (a weak alias never matches on its own)."""
    strong = [n for n, _, _ in found if n.kind is not NameKind.WEAK_ALIAS]
    if not strong:
        return None
    names = tuple({n.value: n for n in [*strong, *(n for n, _, _ in found)]}.values())
    _, path, line = found[0]
    return Entity(
        list_code=code,
        entry_id=ent,
        schema=Schema.LEGAL_ENTITY,
        names=names,
        addresses=tuple(dict.fromkeys(addresses)),
        countries=unique(tuple(a.country for a in addresses)),
        programs=(),
        remarks=(f"no primary record in {primary.name}: named by the alias file {path.name} alone (first on line "
                 f"{line}); SDN type and programme unknown"),
        source_file=str(path),
        source_line=line,
    )


def _entity(
    code: str,
    ent: str,
    line: int,
    row: list[str],
    path: Path,
    addresses: list[Address],
    aliases: list[Name],
    comment: str | None,
) -> Entity:
    name = empty(row[1]) or ""
    remarks = empty(row[11])
    if comment:
        remarks = (remarks or "") + comment
    facts = parse_remarks(remarks)
    names = [Name(name), *aliases]
    names += [Name(n, NameKind.WEAK_ALIAS) for n in facts.weak_aliases]
    names += [Name(n, NameKind.FORMER) for n in facts.former_names]
    seen: dict[str, Name] = {}
    for n in names:
        seen.setdefault(n.value, n)
    flag = country_code(empty(row[9]))
    extra = tuple((k, v) for k, i in zip(_PRIMARY_EXTRA, range(4, 11), strict=True) if (v := empty(row[i]) or ""))
    return Entity(
        list_code=code,
        entry_id=ent,
        schema=_SCHEMAS[(empty(row[2]) or "").lower()],
        names=tuple(seen.values()),
        addresses=tuple(dict.fromkeys(addresses)),
        countries=unique((*(a.country for a in addresses), *facts.nationalities, flag)),
        identifiers=facts.identifiers,
        programs=split_programs(row[3]),
        birth_dates=facts.birth_dates,
        nationalities=facts.nationalities,
        remarks=remarks,
        source_file=str(path),
        source_line=line,
        extra=(*extra, *facts.extra),
    )


PARSER = OFACParser()
