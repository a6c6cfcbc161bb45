"""Join the eCFR Entity List table (Supp. No. 4 to Part 744) onto Entity List CSV entries.

Why: the CSV (a CSL extract) loses the ``<sup>n</sup>`` footnote marks that say which foreign-direct-
product rule applies to an entry (footnote 1 = § 734.9(e)(1), the Huawei FDP rule) and the dates of
the FR citations. The eCFR table has them.

How: a CSV entry joins the table rows of its countries (Hong Kong and Macau count as China, because
the CSL writes "Hong Kong, CN") whose Entity cell *starts with* the entry's normalised name at a word
boundary, or whose ``a.k.a.`` alias equals it. The keys tried, in order: the primary name, the name
as listed, the long form without a trailing "(short form)", then for "P. Affiliated Entity: Y" rows
the parent P (the eCFR lists Huawei's affiliates inside Huawei's own row). The first key with a hit
wins; among several hits, rows whose name is exactly the key are preferred. Last resort: the name
without its last one or two comma parts ("X Co., Ltd., Guangdong"), accepted only for a single hit.
A joined entry gets the union of the rows' footnotes, and its FR citations in the eCFR's dated form
("84 FR 22963, 5/21/19") plus the eCFR's citations the CSV lacks.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from clearance.model import Entity
from clearance.sources._csvutil import norm_key, short_form
from clearance.sources.ecfr744 import Supp4Row

_SAME_COUNTRY = {"HK": "CN", "MO": "CN"}
_MAX_WORDS = 40
_FR_KEY = re.compile(r"(\d+)\s*FR\s*(\d+)")


@dataclass(frozen=True, slots=True)
class JoinReport:
    csv_total: int
    csv_joined: int
    rows_total: int
    rows_joined: int
    csv_unjoined: tuple[str, ...]  # names of CSV entries that joined no row
    rows_unmatched: tuple[str, ...]  # "line N: name" of table rows no CSV entry joined

    @property
    def rate(self) -> float:
        return self.csv_joined / self.csv_total if self.csv_total else 0.0

    def warnings(self, ecfr: Path) -> tuple[str, ...]:
        out: list[str] = []
        if self.csv_unjoined:
            sample = "; ".join(self.csv_unjoined[:5])
            out.append(
                f"{len(self.csv_unjoined)} of {self.csv_total} Entity List entries match no row of "
                f"Supplement No. 4 in {ecfr.name} (no footnotes for them), e.g. {sample}"
            )
        if self.rows_unmatched:
            sample = "; ".join(self.rows_unmatched[:5])
            out.append(
                f"{len(self.rows_unmatched)} of {self.rows_total} Supplement No. 4 rows in {ecfr.name} "
                f"match no Entity List entry, e.g. {sample}"
            )
        return tuple(out)


def _country(code: str) -> str:
    return _SAME_COUNTRY.get(code, code)


def _keys(e: Entity) -> list[str]:
    extra = dict(e.extra)
    texts = [e.name, extra.get("listed_as", "")]
    texts += [sf[0] for t in list(texts) if t and (sf := short_form(t))]
    parent = extra.get("affiliate_of")
    if parent:
        texts.append(parent)
        if sf := short_form(parent):
            texts.append(sf[0])
    return list(dict.fromkeys(k for k in (norm_key(t) for t in texts if t) if k))


def _fallback_keys(name: str) -> list[str]:
    """The name without its last one or two comma parts ("X Co., Ltd., Guangdong" -> "X Co., Ltd.")."""
    parts = name.split(",")
    keys = [norm_key(",".join(parts[:n])) for n in (len(parts) - 1, len(parts) - 2) if n >= 1]
    return [k for k in keys if len(k.split()) >= 3]


class _Index:
    def __init__(self, rows: Sequence[Supp4Row]) -> None:
        self.by_country: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        self.names = [norm_key(r.name) for r in rows]
        for i, row in enumerate(rows):
            index = self.by_country[_country(row.country_code)]
            words = norm_key(row.entity.split("\n", 1)[0]).split()[:_MAX_WORDS]
            for n in range(1, len(words) + 1):
                index[" ".join(words[:n])].append(i)
            for alias in row.aliases:
                key = norm_key(alias)
                if key and i not in index[key]:
                    index[key].append(i)

    def find(self, e: Entity) -> list[int]:
        countries = {_country(c) for c in e.countries} or set(self.by_country)
        for key in _keys(e):
            hits = sorted({i for c in countries for i in self.by_country.get(c, {}).get(key, ())})
            if hits:
                exact = [i for i in hits if self.names[i] == key]
                return exact or hits
        for key in _fallback_keys(e.name):
            hits = sorted({i for c in countries for i in self.by_country.get(c, {}).get(key, ())})
            if len(hits) == 1:
                return hits
        return []


def _merge_citations(csv: tuple[str, ...], ecfr: list[str]) -> tuple[str, ...]:
    """The CSV's citations, each replaced by the eCFR's dated form when it has one, then the eCFR's others."""
    dated: dict[tuple[str, str], str] = {}
    for c in ecfr:
        if m := _FR_KEY.search(c):
            dated.setdefault((m.group(1), m.group(2)), c)
    out: list[str] = []
    for c in csv:
        m = _FR_KEY.search(c)
        out.append(dated.get((m.group(1), m.group(2)), c) if m else c)
    out.extend(dated.values())
    return tuple(dict.fromkeys(out))


def join_supplement4(entities: Sequence[Entity], rows: Sequence[Supp4Row]) -> tuple[list[Entity], JoinReport]:
    """Entities with footnotes and FR citations from the table, and the join counts."""
    index = _Index(rows)
    used: set[int] = set()
    out: list[Entity] = []
    unjoined: list[str] = []
    for e in entities:
        hits = index.find(e)
        if not hits:
            unjoined.append(e.name)
            out.append(e)
            continue
        used.update(hits)
        footnotes = tuple(sorted({f for i in hits for f in rows[i].footnotes} | set(e.footnotes)))
        citations = [c for i in hits for c in rows[i].federal_register]
        lines = ",".join(str(rows[i].line) for i in hits)
        out.append(
            replace(
                e,
                footnotes=footnotes,
                federal_register=_merge_citations(e.federal_register, citations),
                extra=(*e.extra, ("ecfr_lines", lines)),
            )
        )
    report = JoinReport(
        csv_total=len(entities),
        csv_joined=len(entities) - len(unjoined),
        rows_total=len(rows),
        rows_joined=len(used),
        csv_unjoined=tuple(unjoined),
        rows_unmatched=tuple(f"line {r.line}: {r.name}" for i, r in enumerate(rows) if i not in used),
    )
    return out, report
