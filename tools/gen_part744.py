"""Generate the issue-9 Part 744 rule files from the official eCFR XML of 15 CFR Part 744.

    .venv/bin/python tools/gen_part744.py [--data ../shared/data/ear] [--out clearance/regulations]

Input: ``ecfr_part744/title-15_part-744_commit-2026-07-23.xml`` (eCFR text in force mid-2026, public domain).
Output (under clearance/regulations/part_744/):

* ``supp2.yaml`` -- ``744.21.supp2``: every entry of Supplement No. 2 with its base ECCN, the paragraphs it is
  limited to and the limitation in words where paragraphs cannot express it;
* ``end_use_countries.yaml`` -- ``744.21.countries``, ``744.21.license_exceptions`` (§ 744.21(c)),
  ``744.21.review_policy`` (§ 744.21(e)), ``744.22.countries``, ``744.22.organisations`` (§ 744.22(f)(2)),
  ``744.22.license_exceptions``, ``744.22.review_policy``;
* ``sdn_tags.yaml`` -- ``744.8.sdn_tags``: the SDN program tags of § 744.8(a)(1) and, before 89 FR 20107, the
  former SDN-keyed sections;
* ``el_footnotes.yaml`` -- ``744.supp4.footnote.3`` / ``.4`` / ``.5``: the Entity List FDP footnotes;
* ``proliferation.yaml`` -- ``744.2.rule`` (with the Supplement No. 3 countries), ``744.3.rule``, ``744.4.rule``:
  the nuclear, rocket systems/UAV and chemical/biological weapons end-use requirements.

The XML gives the text in force on 2026-07-23 only. Earlier states are the dated history in HISTORY tables
below, each change with its Federal Register citation and how it was verified (tags of ear-spec.md § 0.1);
the generator checks that the last state of each history equals what the XML says, so a new eCFR text that
changes a list makes the generator fail instead of silently dating the new list back.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]

XML_NAME = "title-15_part-744_commit-2026-07-23.xml"
TEXT = "eCFR 2026-07-23 (official XML of 15 CFR Part 744)"
D = dt.date


class _Dumper(yaml.CSafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def norm(text: str) -> str:
    return " ".join(text.split())


def _text(el: Any) -> str:
    return norm("".join(el.itertext()))


def load(xml: Path) -> Any:
    from lxml import etree

    return etree.parse(str(xml))


def division(tree: Any, n: str) -> Any:
    for d in tree.iter("DIV8", "DIV9"):
        if d.get("N") == n:
            return d
    raise SystemExit(f"{n} not found in the XML")


def paragraphs(div: Any) -> list[str]:
    return [_text(p) for p in div.iter("P")]


# --- Supplement No. 2 -------------------------------------------------------------------------------------

ECCN_REF = re.compile(r"\b(\d[A-E]\d{3})((?:\.[a-z0-9]+)+)?\.?")
NEGATIVE = re.compile(r"(?:not controlled (?:by|under)|except items controlled by|not described in)\s+(?:ECCNs?\s+)?")
_LIST_SO_FAR = re.compile(r"^(?:\d[A-E]\d{3}(?:\.[a-z0-9]+)*\.?|\s|,|\bor\b|\band\b)*$")


def _negative(before: str) -> bool:
    """The reference continues a "not controlled by X, Y or" list: the ECCN defines what is left out."""
    found = list(NEGATIVE.finditer(before))
    return bool(found) and bool(_LIST_SO_FAR.match(before[found[-1].end() :]))


# Entries whose "Limited to" text names the controlled items only by paragraphs of the entry's own ECCN (each
# item is described and then identified by "which is controlled by <ECCN>.<para>"): the paragraphs are the
# whole limitation. Decision [D] read from the entry text; every other limited entry keeps its words as a
# condition that an order must state.
EXHAUSTIVE = {
    "5A991": "each limited item is identified by the 5A991 paragraph that controls it (.a, .b.7, .f)",
}


def _own_and_other(eccn: str, text: str) -> tuple[list[str], list[str]]:
    own: list[str] = []
    other: list[str] = []
    for m in ECCN_REF.finditer(text):
        base, para = m.group(1), (m.group(2) or "").strip(".")
        if _negative(text[: m.start()]):
            continue
        if base == eccn:
            if para:
                own.append(para)
        else:
            other.append(base + ("." + para if para else ""))
    return list(dict.fromkeys(own)), list(dict.fromkeys(other))


def gen_supp2(tree: Any) -> list[dict[str, Any]]:
    div = division(tree, "Supplement No. 2 to Part 744")
    entries: list[dict[str, Any]] = []
    category = -1
    for text in paragraphs(div):
        cat = re.match(r"^\((\d)\) Category (\d)", text)
        if cat:
            category = int(cat.group(2))
            continue
        m = re.match(r"^\(([ivx]+)\) (\d[A-E]\d{3}) (.*)$", text)
        if not m:
            continue
        roman, eccn, body = m.groups()
        if int(eccn[0]) != category:
            raise SystemExit(f"Supp. 2 entry {eccn} under category {category}")
        entry: dict[str, Any] = {"eccn": eccn, "category": category, "roman": f"({category})({roman})"}
        if body.startswith("Limited to"):
            own, other = _own_and_other(eccn, body)
            entry["scope"] = "limited"
            if own:
                entry["included"] = own
            exhaustive = eccn in EXHAUSTIVE and bool(own)
            entry["paragraphs_exhaustive"] = exhaustive
            if not exhaustive:
                entry["condition"] = body
            if other:
                entry["refers_to"] = other
        else:
            entry["scope"] = "entire"
        entry["text"] = body
        entries.append(entry)
    missing = set(EXHAUSTIVE) - {e["eccn"] for e in entries}
    if missing:
        raise SystemExit(f"EXHAUSTIVE names ECCNs no longer in Supp. 2: {sorted(missing)}")
    return entries


def supp2_params(tree: Any) -> dict[str, Any]:
    entries = gen_supp2(tree)
    return {
        "744.21.supp2": {
            "section": "744 Supp. 2",
            "description": f"Supplement No. 2 to Part 744: the {len(entries)} entries of items subject to the "
            "§ 744.21(a)(1) military end-use/user licence requirement, with their paragraph limits.",
            "values": {
                D(2020, 6, 29): {
                    "value": {"entries": entries},
                    "cite": "Supp. No. 2 to Part 744 (85 FR 23464, eff. 2020-06-29; as amended at 86 FR 54812)",
                    "fr": "85 FR 23464",
                    "verification": f"{TEXT}; FR: the list dates from 85 FR 23464 (eff. 2020-06-29); 86 FR 54812 "
                    "(FR Doc 2021-20649, eff. 2021-10-05) made editorial corrections only (its summary), so the "
                    "current entries are used from 2020-06-29",
                    "note": "The list before 2020-06-29 (the 2007 supplement) is not in the data: a Supp. 2 "
                    "question before that day is CANNOT_CLEAR.",
                }
            },
        }
    }


# --- § 744.21 / § 744.22 countries ------------------------------------------------------------------------

NAMES = {
    "Burma": "MM",
    "Cambodia": "KH",
    "China": "CN",
    "People's Republic of China (China)": "CN",
    "the People's Republic of China (China)": "CN",
    "Nicaragua": "NI",
    "Venezuela": "VE",
    "Belarus": "BY",
    "Russia": "RU",
    "the Russian Federation": "RU",
}


def _countries_in(sentence: str) -> list[str]:
    found = [(sentence.find(name), code) for name, code in NAMES.items() if name in sentence]
    return sorted({code for _, code in found})


# (effective, supp2 countries, all-item countries, unverified, cite, fr, verification, note)
MEU_HISTORY: list[tuple[dt.date, list[str], list[str], list[str], str, str, str, str | None]] = [
    (
        D(2020, 6, 29),
        ["CN", "RU", "VE"],
        [],
        [],
        "15 CFR 744.21(a) as revised by 85 FR 23459 (eff. 2020-06-29): military end uses and military end users "
        "in China, Russia or Venezuela",
        "85 FR 23459",
        "FR+BIS (ear-timeline MEU-2020)",
        "744.21 before 2020-06-29 (military end uses in China only, Russia and Venezuela, narrower Supp. 2) is not "
        "in the data: CANNOT_CLEAR before this day",
    ),
    (
        D(2021, 3, 4),
        ["CN", "RU", "VE"],
        [],
        ["MM"],
        "Burma announced by BIS on 2021-03-04 for 744.21; rule published 2021-03-08 (86 FR 13173)",
        "86 FR 13173",
        "B: the announcement date is from secondary sources; days between announcement and publication fail closed",
        "Burma may be covered on these days: a Burmese military end use/user is CANNOT_CLEAR until 2021-03-08",
    ),
    (
        D(2021, 3, 8),
        ["CN", "MM", "RU", "VE"],
        [],
        [],
        "15 CFR 744.21(a) as amended by 'Burma: Implementation of Sanctions' (86 FR 13173, FR Doc 2021-04745)",
        "86 FR 13173",
        "FR (document, pages and publication date 2021-03-08); effective date = publication date [B]",
        None,
    ),
    (
        D(2021, 12, 9),
        ["CN", "KH", "MM", "RU", "VE"],
        [],
        [],
        "15 CFR 744.21(a) as amended by 'Revision of Controls for Cambodia Under the EAR' (86 FR 70015, FR Doc "
        "2021-26633)",
        "86 FR 70015",
        "FR (document and publication date 2021-12-09); effective 2021-12-09 [2nd]",
        None,
    ),
    (
        D(2022, 2, 24),
        ["CN", "KH", "MM", "VE"],
        ["RU"],
        [],
        "15 CFR 744.21(a)(2) as added by 87 FR 12226 (FR Doc 2022-04300, eff. 2022-02-24): any item subject to the "
        "EAR for Russian military end uses/users",
        "87 FR 12226",
        "FR (abstract, ear-timeline RUSSIA-2022); current text eCFR",
        None,
    ),
    (
        D(2022, 3, 2),
        ["CN", "KH", "MM", "VE"],
        ["BY", "RU"],
        [],
        "15 CFR 744.21 as revised by 87 FR 13048 (FR Doc 2022-04819, eff. 2022-03-02; section text 87 FR 13059)",
        "87 FR 13048",
        "FR (abstract); eCFR section citation 87 FR 13059",
        None,
    ),
    (
        D(2024, 3, 15),
        ["CN", "KH", "MM", "NI", "VE"],
        ["BY", "RU"],
        [],
        "15 CFR 744.21(a)(1) as amended by 'Revisions To Export, Reexport, and Transfer (In-Country) Controls for "
        "Nicaragua' (89 FR 18780, FR Doc 2024-05696; section text 89 FR 18783)",
        "89 FR 18780",
        "FR (document, publication 2024-03-15); effective 2024-03-15 [2nd: three law-firm summaries]; eCFR "
        "section citation 89 FR 18783",
        None,
    ),
]

MIEU_HISTORY: list[tuple[dt.date, list[str], list[str], str, str, str, str | None]] = [
    (
        D(2021, 3, 16),
        ["CN", "RU", "VE"],
        [],
        "15 CFR 744.22(a) as added by FR Doc 2021-00977 (86 FR 4865, pub. 2021-01-15, eff. 2021-03-16): China, "
        "Russia, Venezuela and Country Groups E:1/E:2",
        "FR Doc 2021-00977 (86 FR 4865)",
        "FR (ear-timeline MIEU-2021; page B); 2nd (summary: China, Russia, Venezuela, E:1 and E:2)",
        None,
    ),
    (
        D(2021, 4, 9),
        ["CN", "MM", "RU", "VE"],
        [],
        "15 CFR 744.22(a) as amended by 86 FR 18433 (FR Doc 2021-07357, 'Expansion of Certain End-Use and "
        "End-User Controls ...; Corrections; and Burma Sanctions')",
        "86 FR 18433",
        "FR (document and publication date 2021-04-09); effective date = publication date [B]",
        None,
    ),
    (
        D(2021, 12, 9),
        ["CN", "KH", "MM", "RU", "VE"],
        [],
        "15 CFR 744.22 as revised by 86 FR 70015 (FR Doc 2021-26633; section text 86 FR 70019)",
        "86 FR 70015",
        "FR (document, publication 2021-12-09); eCFR section citation 86 FR 70019; effective 2021-12-09 [2nd]",
        None,
    ),
    (
        D(2022, 3, 2),
        ["BY", "CN", "KH", "MM", "RU", "VE"],
        [],
        "15 CFR 744.22 as amended by 87 FR 13048 (FR Doc 2022-04819, eff. 2022-03-02; section text 87 FR 13060)",
        "87 FR 13048",
        "FR (abstract); eCFR section citation 87 FR 13060",
        None,
    ),
]
MIEU_GROUPS = ["E:1", "E:2"]
MIEU_BEFORE = (
    D(2019, 1, 1),
    "no § 744.22 before FR Doc 2021-00977 (eff. 2021-03-16)",
    "FR Doc 2021-00977",
)

ORG_COUNTRY = {
    "Burma": "MM",
    "Cambodia": "KH",
    "Cuba": "CU",
    "China, People's Republic of": "CN",
    "Iran": "IR",
    "Korea, North": "KP",
    "Russia": "RU",
    "Syria": "SY",
    "Venezuela": "VE",
    "Belarus": "BY",
}


def _split_orgs(body: str) -> list[str]:
    body = body.rstrip(".")
    parts = re.split(r"\)\s+and\s+", body)
    names = [p if p.endswith(")") or i == len(parts) - 1 else p + ")" for i, p in enumerate(parts)]
    if len(names) == 1 and " and the " in body:
        names = [n.strip() for n in body.split(" and the ")]
    return [n.strip().removeprefix("the ") for n in names if n.strip()]


def mieu_organisations(tree: Any) -> list[dict[str, Any]]:
    div = division(tree, "744.22")
    out: list[dict[str, Any]] = []
    for text in paragraphs(div):
        m = re.match(r"^\(([ivx]+)\) ([^.]+?)\. (.*)$", text)
        if not m or m.group(2) == "Other countries":
            continue
        roman, country, body = m.groups()
        code = ORG_COUNTRY.get(country)
        if code is None:
            raise SystemExit(f"§ 744.22(f)(2)({roman}): unknown country {country!r}")
        out.append(
            {"country": code, "paragraph": f"744.22(f)(2)({roman})", "names": _split_orgs(body), "verified_from": False}
        )
    return out


def _current_meu(tree: Any) -> tuple[list[str], list[str]]:
    text = paragraphs(division(tree, "744.21"))
    a1 = next(t for t in text if t.startswith("(1) Any item subject to the EAR listed in supplement no. 2"))
    a2 = next(t for t in text if t.startswith("(2) Any item subject to the EAR without a license"))
    first1 = a1.split("'Military end users' located outside")[0]
    first2 = a2.split("Belarusian or Russian 'military end users' located outside")[0]
    return _countries_in(first1.split("wherever located")[0]), _countries_in(first2.split("wherever located")[0])


def _current_mieu(tree: Any) -> tuple[list[str], list[str]]:
    a = paragraphs(division(tree, "744.22"))[0]
    first = a.split("'Military intelligence end-users' located outside")[0]
    groups = sorted(set(re.findall(r"\bE:[12]\b", first)))
    return _countries_in(first.split("; or a country listed")[0]), groups


def _lead(tree: Any, n: str, letter: str) -> str:
    return next(t for t in paragraphs(division(tree, n)) if t.startswith(f"({letter}) "))


def countries_params(tree: Any) -> dict[str, Any]:
    supp2_now, all_now = _current_meu(tree)
    last = MEU_HISTORY[-1]
    if (sorted(last[1]), sorted(last[2])) != (supp2_now, all_now):
        raise SystemExit(f"744.21 history ends with {last[1]}/{last[2]}, the XML says {supp2_now}/{all_now}")
    mieu_now, groups_now = _current_mieu(tree)
    if sorted(MIEU_HISTORY[-1][1]) != mieu_now or groups_now != MIEU_GROUPS:
        raise SystemExit(f"744.22 history ends with {MIEU_HISTORY[-1][1]}, the XML says {mieu_now} {groups_now}")
    c21, e21, c22, e22 = (
        _lead(tree, "744.21", "c"),
        _lead(tree, "744.21", "e"),
        _lead(tree, "744.22", "c"),
        _lead(tree, "744.22", "e"),
    )
    if "740.11(b)(2)(i) and (ii)" not in c21 or "740.11(b)(2)(ii)" not in c22:
        raise SystemExit("§ 744.21(c)/§ 744.22(c) no longer read as License Exception GOV")
    if "presumption of denial" not in e21 or "policy of denial except for food and medicine" not in e21:
        raise SystemExit("§ 744.21(e)(1) wording changed")
    if "presumption of denial" not in e22:
        raise SystemExit("§ 744.22(e) wording changed")

    meu: dict[dt.date, Any] = {}
    for start, s2, alls, unv, cite, fr, ver, note in MEU_HISTORY:
        body: dict[str, Any] = {
            "value": {"supp2_items": s2, "all_items": alls, "unverified": unv, "outside_listed_only": True},
            "cite": cite,
            "fr": fr,
            "verification": ver,
        }
        if note:
            body["note"] = note
        meu[start] = body
    mieu: dict[dt.date, Any] = {
        MIEU_BEFORE[0]: {
            "value": {"countries": [], "groups": []},
            "cite": MIEU_BEFORE[1],
            "fr": MIEU_BEFORE[2],
            "verification": "FR",
        },
    }
    for start, countries, unv, cite, fr, ver, _note in MIEU_HISTORY:
        mieu[start] = {
            "value": {"countries": countries, "groups": MIEU_GROUPS, "unverified": unv},
            "cite": cite,
            "fr": fr,
            "verification": ver,
        }
    orgs = mieu_organisations(tree)
    start_of = {c: start for start, cs, *_ in reversed(MIEU_HISTORY) for c in cs}
    start_of.update(
        {"CU": MIEU_HISTORY[0][0], "IR": MIEU_HISTORY[0][0], "KP": MIEU_HISTORY[0][0], "SY": MIEU_HISTORY[0][0]}
    )
    org_values: dict[dt.date, Any] = {}
    for start in sorted({start_of[o["country"]] for o in orgs}):
        named = [o for o in orgs if start_of[o["country"]] <= start]
        org_values[start] = {
            "value": {
                "organisations": named,
                "exhaustive_elsewhere": True,
                "policy": "presumption of denial (744.22(e))",
                "note": "each organisation is dated from the day its country came under § 744.22(a) (the earliest "
                "plausible day); every named organisation is in a § 744.22(a) country, where (f)(2) is not "
                "exhaustive, so the naming date does not change the requirement",
            },
            "cite": "15 CFR 744.22(f)(2)(i)-(x) (text " + TEXT + ")",
            "fr": next(fr for s, _c, _u, _ci, fr, _v, _n in MIEU_HISTORY if s == start),
            "verification": "eCFR (names, 2026-07-23); B (the day each organisation was first named)",
        }
    gov = "GOV 740.11(b)(2)(i)"
    gov2 = "GOV 740.11(b)(2)(ii)"
    return {
        "744.21.countries": {
            "section": "744.21(a)",
            "description": "Countries of § 744.21(a): (a)(1) Supp. 2 items for their military end uses/users, "
            "(a)(2) any item subject to the EAR.",
            "values": meu,
        },
        "744.21.license_exceptions": {
            "section": "744.21(c)",
            "description": "Licence exceptions that overcome § 744.21 (paragraph (c); not (d), which is the "
            "application procedure).",
            "values": {
                D(2020, 6, 29): {
                    "value": {"paragraph": "744.21(c)", "allowed": [gov, gov2]},
                    "cite": "15 CFR 744.21(c) (License Exception GOV, 740.11(b)(2)(i) and (ii))",
                    "fr": "85 FR 23459",
                    "verification": f"{TEXT}; paragraph letter unchanged since 85 FR 23459 [B]",
                }
            },
        },
        "744.21.review_policy": {
            "section": "744.21(e)",
            "description": "Review policy of § 744.21 licence applications.",
            "values": {
                D(2020, 6, 29): {
                    "value": {"paragraph": "744.21(e)(1)", "supp2_items": "presumption of denial"},
                    "cite": "15 CFR 744.21(e)(1) (85 FR 23459)",
                    "fr": "85 FR 23459",
                    "verification": "eCFR (current wording of the (a)(1) policy); FR",
                },
                D(2022, 2, 24): {
                    "value": {
                        "paragraph": "744.21(e)(1)",
                        "supp2_items": "presumption of denial",
                        "all_items": "policy of denial",
                        "ear99_food_medicine": "case-by-case",
                    },
                    "cite": "15 CFR 744.21(e)(1): (a)(2) items policy of denial except EAR99 food and medicine "
                    "case-by-case, unless the Entity List entry states otherwise",
                    "fr": "87 FR 12226",
                    "verification": "eCFR (text 2026-07-23); from 87 FR 12226 [FR abstract]",
                },
            },
        },
        "744.22.countries": {
            "section": "744.22(a)",
            "description": "Countries and Country Groups of § 744.22(a) (any item subject to the EAR).",
            "values": mieu,
        },
        "744.22.organisations": {
            "section": "744.22(f)(2)",
            "description": "'Military-intelligence end users' named in § 744.22(f)(2).",
            "values": org_values,
        },
        "744.22.license_exceptions": {
            "section": "744.22(c)",
            "description": "Licence exceptions that overcome § 744.22.",
            "values": {
                D(2021, 3, 16): {
                    "value": {"paragraph": "744.22(c)", "allowed": [gov2]},
                    "cite": "15 CFR 744.22(c) (License Exception GOV, 740.11(b)(2)(ii))",
                    "fr": "FR Doc 2021-00977",
                    "verification": f"{TEXT}",
                }
            },
        },
        "744.22.review_policy": {
            "section": "744.22(e)",
            "description": "Review policy of § 744.22 licence applications.",
            "values": {
                D(2021, 3, 16): {
                    "value": {"paragraph": "744.22(e)", "policy": "presumption of denial"},
                    "cite": "15 CFR 744.22(e)",
                    "fr": "FR Doc 2021-00977",
                    "verification": f"{TEXT}",
                }
            },
        },
    }


# --- § 744.8 SDN program tags -----------------------------------------------------------------------------

GROUP_OF = {"i": "russia_ukraine_belarus", "ii": "terrorism", "iii": "wmd", "iv": "narcotics_criminal"}
FORMER: list[tuple[str, str, str]] = [
    ("NPWMD", "744.8", "wmd"),
    ("SDGT", "744.12", "terrorism"),
    ("SDT", "744.13", "terrorism"),
    ("FTO", "744.14", "terrorism"),
]


def sdn_tags_now(tree: Any) -> list[dict[str, Any]]:
    div = division(tree, "744.8")
    out: list[dict[str, Any]] = []
    group = ""
    for text in paragraphs(div):
        g = re.match(r"^\((i|ii|iii|iv)\) (?:Related to|Terrorism-related|WMD-related)", text)
        if g:
            group = g.group(1)
        m = re.match(r"^\(([A-G])\) \[([A-Z0-9 -]+)\]", text)
        if m and group:
            out.append(
                {
                    "tag": m.group(2),
                    "section": f"744.8(a)(1)({group})({m.group(1)})",
                    "group": GROUP_OF[group],
                    "items": "all_items",
                    "policy": "presumption of denial (744.8(d)); the Entity List entry's policy where the party is "
                    "also listed",
                    "license_exceptions": "none_unless_entity_list_entry",
                }
            )
    return out


def sdn_params(tree: Any) -> dict[str, Any]:
    now = sdn_tags_now(tree)
    if len(now) != 14:
        raise SystemExit(f"§ 744.8(a)(1) lists {len(now)} identifiers, expected the 14 of 89 FR 20107")
    former = [
        {
            "tag": tag,
            "section": sec,
            "group": grp,
            "items": "all_items",
            "policy": "not verified (former § " + sec + ")",
            "license_exceptions": "none",
            "verified": False,
            "note": f"former § {sec} (before 89 FR 20107 consolidated the SDN-keyed controls in § 744.8): licence "
            "for items subject to the EAR to parties designated with this identifier [B]; wording not held -- "
            "CANNOT_CLEAR naming the section",
        }
        for tag, sec, grp in FORMER
    ]
    common = {
        "party_roles": ["purchaser", "intermediate_consignee", "ultimate_consignee", "end_user"],
        "ofac_authorised_exempt": True,
    }
    return {
        "744.8.sdn_tags": {
            "section": "744.8(a)(1)",
            "description": "SDN List program identifiers that bring an EAR licence requirement when the SDN is a "
            "party (§ 748.5(c)-(f)); items, review policy and licence exceptions.",
            "values": {
                D(2019, 1, 1): {
                    "value": {"tags": former, **common, "affiliates_50pct": "absent"},
                    "cite": "15 CFR 744.8 (NPWMD, E.O. 13382), 744.12 (SDGT), 744.13 (SDT), 744.14 (FTO) as in force "
                    "before 89 FR 20107",
                    "verification": "B: the former sections are known from 2nd sources (89 FR 20107 summary: it "
                    "'consolidates' the SDN controls in 744.8 and expands some); their texts are not held",
                    "note": "The Russia/Ukraine/Belarus and narcotics identifiers had no EAR end-user control before "
                    "89 FR 20107 [2nd]",
                },
                D(2024, 3, 21): {
                    "value": {"tags": now, **common, "affiliates_50pct": "absent"},
                    "cite": "15 CFR 744.8(a)(1), (b)-(d) as revised by 89 FR 20107 (FR Doc 2024-06067; section "
                    "text 89 FR 20115)",
                    "fr": "89 FR 20107",
                    "verification": f"{TEXT} (identifiers); FR (document, publication 2024-03-21); effective date = "
                    "publication date [B]",
                },
                D(2025, 9, 29): {
                    "value": {"tags": now, **common, "affiliates_50pct": "in_force"},
                    "cite": "15 CFR 744.8(a)(2), (b) as amended by FR Doc 2025-19001 (90 FR 47212): also foreign "
                    "affiliates owned 50 % or more by blocked persons",
                    "fr": "FR Doc 2025-19001 (90 FR 47201)",
                    "verification": "eCFR (text and section citation 90 FR 47212); FR",
                },
                D(2025, 11, 10): {
                    "value": {"tags": now, **common, "affiliates_50pct": "stayed"},
                    "cite": "744.8(a)(2) second and third sentences and (b) first sentence stayed until 2026-11-09 "
                    "(90 FR 50857); the SDN party itself still needs a licence under the identifiers of (a)(1)",
                    "fr": "90 FR 50857",
                    "verification": "eCFR (effective-date note); stay start date B (ear-timeline AFFILIATES-STAY)",
                },
                D(2026, 11, 10): {
                    "value": {"tags": now, **common, "affiliates_50pct": "in_force"},
                    "cite": "stay of 744.8(a)(2)/(b) ends 2026-11-09 (90 FR 50857)",
                    "fr": "90 FR 50857",
                    "verification": "eCFR effective-date note",
                },
            },
        }
    }


# --- Entity List footnotes 3, 4, 5 ------------------------------------------------------------------------


def footnote_texts(tree: Any) -> dict[int, str]:
    sup4 = division(tree, "Supplement No. 4 to Part 744")
    out: dict[int, str] = {}
    for tr in sup4.iter("TR"):
        cells = tr.findall("TD")
        if len(cells) == 1:
            m = re.match(r"^(\d) (.*)$", _text(tr))
            if m:
                out[int(m.group(1))] = m.group(2)
    return out


def footnote_params(tree: Any) -> dict[str, Any]:
    texts = footnote_texts(tree)
    for n, needle in ((3, "§ 734.9(g)"), (4, "§ 734.9(e)(2)"), (5, "§ 734.9(e)(3)")):
        if needle not in texts.get(n, ""):
            raise SystemExit(f"Entity List footnote {n} no longer refers to {needle}")
    none = {"in_force": False}
    fn3 = {
        "footnote": 3,
        "in_force": True,
        "fdp_paragraph": "734.9(g)",
        "licence_paragraph": "746.8(a)(3)",
        "reach": "wherever the footnote-3 entity is located (an entity anywhere may be listed with footnote 3, "
        "744.21 note 1)",
        "license_exceptions": "as restricted by 746.8 and 744.21 (see the entry)",
        "review_policy": "the entry's licence review policy (744.11(a)(2)(iii))",
        "text": texts[3],
    }
    fn4 = {
        "footnote": 4,
        "in_force": True,
        "fdp_paragraph": "734.9(e)(2)",
        "licence_paragraph": "744.11(a)(2)(iv)",
        "reach": "to or within any destination or to any end user or party",
        "license_exceptions": "none (744.11(a)(2)(iv): 'without a license')",
        "review_policy": "the entry's licence review policy",
        "text": texts[4],
    }
    fn5 = {
        "footnote": 5,
        "in_force": True,
        "fdp_paragraph": "734.9(e)(3)",
        "licence_paragraph": "744.11(a)(2)(v)",
        "reach": "to or within any destination or to any end user or party",
        "license_exceptions": "none (744.11(a)(2)(v)(A): 'without a license')",
        "review_policy": "744.11(a)(2)(v) and the entry",
        "text": texts[5],
    }
    return {
        "744.supp4.footnote.3": {
            "section": "744 Supp. 4",
            "description": "Entity List footnote 3: Russian/Belarusian military end users; foreign-produced items "
            "subject under § 734.9(g) wherever the entity is located.",
            "values": {
                D(2019, 1, 1): {
                    "value": {"footnote": 3, **none},
                    "cite": "no footnote 3 before 87 FR 12226",
                    "fr": "87 FR 12226",
                    "verification": "FR",
                },
                D(2022, 2, 24): {
                    "value": {
                        **fn3,
                        "reach": "Russian military end users listed with footnote 3 "
                        "(87 FR 12226); " + str(fn3["reach"]),
                        "verified": False,
                    },
                    "cite": "Supp. No. 4 to Part 744 footnote 3; 15 CFR 734.9(g) as added by 87 FR 12226 "
                    "(FR Doc 2022-04300, eff. 2022-02-24)",
                    "fr": "87 FR 12226",
                    "verification": "FR (abstract); footnote text eCFR 2026-07-23; 2022 wording B",
                },
                D(2022, 3, 2): {
                    "value": {**fn3, "verified": False},
                    "cite": "footnote 3 extended to Belarusian military end users by 87 FR 13048 "
                    "(FR Doc 2022-04819, eff. 2022-03-02)",
                    "fr": "87 FR 13048",
                    "verification": "FR (abstract); 2022 wording B",
                },
                D(2024, 8, 27): {
                    "value": fn3,
                    "cite": "Supp. No. 4 to Part 744 footnote 3; 15 CFR 734.9(g) renamed and extended "
                    "to procurement-network entities by 89 FR 68539 (FR Doc 2024-19132, eff. 2024-08-27)"
                    "; 744.11(a)(2)(iii); 746.8(a)(3)",
                    "fr": "89 FR 68539",
                    "verification": f"{TEXT} (footnote text); FR (summary and DATES of 89 FR 68539)",
                },
            },
        },
        "744.supp4.footnote.4": {
            "section": "744 Supp. 4",
            "description": "Entity List footnote 4: foreign-produced items subject under § 734.9(e)(2).",
            "values": {
                D(2019, 1, 1): {
                    "value": {"footnote": 4, **none},
                    "cite": "no footnote 4 before 87 FR 62186",
                    "fr": "87 FR 62186",
                    "verification": "FR",
                },
                D(2022, 10, 7): {
                    "value": {**fn4, "verified": False},
                    "cite": "Supp. No. 4 to Part 744 footnote 4; 15 CFR 734.9(e)(2) as added by "
                    "87 FR 62186 (FR Doc 2022-21658)",
                    "fr": "87 FR 62186",
                    "verification": "FR (ear-timeline ACS-2022 'footnote 4 FDP'); 2022 wording of the "
                    "licence paragraph B (now 744.11(a)(2)(iv))",
                },
                D(2024, 12, 2): {
                    "value": fn4,
                    "cite": "Supp. No. 4 to Part 744 footnote 4; 15 CFR 744.11(a)(2)(iv) (section "
                    "text as amended at 89 FR 96817)",
                    "fr": "89 FR 96790",
                    "verification": f"{TEXT}; date of the current wording B (ear-timeline FDP-SME-2024)",
                },
            },
        },
        "744.supp4.footnote.5": {
            "section": "744 Supp. 4",
            "description": "Entity List footnote 5: foreign-produced items subject under § 734.9(e)(3).",
            "values": {
                D(2019, 1, 1): {
                    "value": {"footnote": 5, **none},
                    "cite": "no footnote 5 before 89 FR 96790",
                    "fr": "89 FR 96790",
                    "verification": "B",
                },
                D(2024, 12, 2): {
                    "value": {**fn5, "verified": False},
                    "cite": "Supp. No. 4 to Part 744 footnote 5; 15 CFR 734.9(e)(3) and 744.11(a)(2)(v) "
                    "as added by 89 FR 96790 (eCFR section citation 89 FR 96817, 2024-12-05)",
                    "fr": "89 FR 96790",
                    "verification": f"{TEXT} (footnote text); effective date 2024-12-02 B "
                    "(ear-timeline FDP-SME-2024); the (e)(3) product scope is not in the data",
                },
            },
        },
    }


# --- §§ 744.2-744.4: nuclear, missile (rocket systems / UAV) and chemical/biological weapons end uses ---------

SUPP3_NAMES = {
    "Australia": ("AU",),
    "Austria": ("AT",),
    "Belgium": ("BE",),
    "Canada": ("CA",),
    "Denmark": ("DK",),
    "Finland": ("FI",),
    "France": ("FR",),
    "Germany": ("DE",),
    "Greece": ("GR",),
    "Iceland": ("IS",),
    "Ireland": ("IE",),
    "Italy (includes San Marino and Holy See)": ("IT", "SM", "VA"),
    "Japan": ("JP",),
    "Luxembourg": ("LU",),
    "Netherlands": ("NL",),
    "New Zealand": ("NZ",),
    "Norway": ("NO",),
    "Portugal": ("PT",),
    "Spain": ("ES",),
    "Sweden": ("SE",),
    "Turkey": ("TR",),
    "United Kingdom": ("GB",),
}
# Words each section must still say for the structure below to hold (the generator fails when the text changes).
WMD_TEXT = {
    "744.2": ("to any destination, other than countries in supplement no. 3 to this part",
              "(1) Nuclear explosive activities.", "(2) Unsafeguarded nuclear activities.",
              "(3) Safeguarded and unsafeguarded nuclear activities.",
              "but only to and for use in countries listed in supplement no. 3 to part 744"),
    "744.3": ("capable of a range of at least 300 kilometers in or by a country listed in Country Group D:4",
              "except by governmental programs for nuclear weapons delivery of NPT Nuclear Weapons States that are "
              "also members of NATO", "but you are unable to determine", "No License Exceptions apply",
              "considered on a case-by-case basis"),
    "744.4": ("of chemical or biological weapons in or by any country or destination, worldwide",
              "chemical weapons precursors specified in ECCN 1C350 in or by countries other than those listed in "
              "Country Group A:3", "No License Exceptions apply", "considered on a case-by-case basis"),
}
# The last amendment of each text, from its source note (the eCFR bracket). A section last amended before the
# data's first day (2019-01-01) is in force in the current wording over the whole range; 744.3 and 744.4 were
# amended by 86 FR 4865 (pub. 2021-01-15, FR Doc 2021-00977, eff. 2021-03-16): their earlier wording is not held.
WMD_LAST = {"744.2": "79 FR 46324", "744.3": "86 FR 4871", "744.4": "86 FR 4871"}


def supp3_countries(tree: Any) -> list[str]:
    div = division(tree, "Supplement No. 3 to Part 744")
    names = [t for t in (_text(li) for li in div.iter("LI")) if t]
    unknown = [n for n in names if n not in SUPP3_NAMES]
    if unknown or len(names) != len(SUPP3_NAMES):
        raise SystemExit(f"Supplement No. 3 to Part 744 changed: {unknown or names}")
    return sorted(c for n in names for c in SUPP3_NAMES[n])


def _section_text(tree: Any, n: str) -> str:
    text = _text(division(tree, n))
    for words in WMD_TEXT[n]:
        if words not in text:
            raise SystemExit(f"§ {n} no longer says {words!r}: review the §§ 744.2-744.4 structure")
    if WMD_LAST[n] not in text.rsplit("[", 1)[-1]:
        raise SystemExit(f"§ {n}: the last amendment is no longer {WMD_LAST[n]}")
    return text


def proliferation_params(tree: Any) -> dict[str, Any]:
    for n in WMD_TEXT:
        _section_text(tree, n)
    start, amended = D(2019, 1, 1), D(2021, 3, 16)
    nuclear = {
        "paragraph": "744.2(a)",
        "exempt_countries": supp3_countries(tree),
        "policy": "case-by-case under the factors of 744.2(d)",
        "license_exceptions": "none (744.2(c): TSU 740.13(a)/(b) only to and for use in Supp. No. 3 countries, "
        "which 744.2(a) does not reach)",
        "verified": True,
    }
    missile = {
        "paragraph": "744.3(a)",
        "range_group": "D:4",
        "policy": "case-by-case; denied where the export would make a material contribution (744.3(d)(1))",
        "license_exceptions": "none (744.3(c))",
        "verified": True,
    }
    cbw = {
        "paragraph": "744.4(a)",
        "precursor_plant_exempt_group": "A:3",
        "policy": "case-by-case; denied where the export would make a material contribution (744.4(d)(1))",
        "license_exceptions": "none (744.4(c))",
        "verified": True,
    }
    earlier = ("the wording before 86 FR 4865 (FR Doc 2021-00977, eff. 2021-03-16), which amended this section, is "
               "not held: a licence requirement found on the current wording is to be confirmed")

    def before(value: dict[str, Any]) -> dict[str, Any]:
        return {**value, "verified": False, "note": earlier}

    return {
        "744.2.rule": {
            "section": "744.2",
            "description": "Nuclear end uses (§ 744.2(a)(1)-(3)): any item subject to the EAR, any destination but "
            "those of Supplement No. 3 to Part 744.",
            "values": {
                start: {
                    "value": nuclear,
                    "cite": "15 CFR 744.2(a), (c), (d) and Supp. No. 3 to Part 744 (last amended 79 FR 46324, "
                    "2014-08-07; Supp. No. 3 66 FR 18402, 2001)",
                    "verification": f"{TEXT}; unchanged since 2014 by its source note",
                },
            },
        },
        "744.3.rule": {
            "section": "744.3",
            "description": "Rocket systems and unmanned aerial vehicles end uses (§ 744.3(a)(1)-(3)): (a)(1)/(a)(3) "
            "in or by a Country Group D:4 country, (a)(2) delivery of chemical, biological or nuclear weapons "
            "anywhere.",
            "values": {
                start: {
                    "value": before(missile),
                    "cite": "15 CFR 744.3 as in force before 86 FR 4865 (last amended 82 FR 31446, 2017-07-07)",
                    "verification": "B: the 2019-2021 wording is not held; current wording used, to be confirmed",
                },
                amended: {
                    "value": missile,
                    "cite": "15 CFR 744.3(a)-(d) as amended by 86 FR 4865 (FR Doc 2021-00977, section text 86 FR "
                    "4871, eff. 2021-03-16)",
                    "fr": "86 FR 4871",
                    "verification": f"{TEXT}; effective date of FR Doc 2021-00977 as for § 744.22",
                },
            },
        },
        "744.4.rule": {
            "section": "744.4",
            "description": "Chemical and biological weapons end uses (§ 744.4(a)): worldwide; a whole plant for ECCN "
            "1C350 precursors outside Country Group A:3.",
            "values": {
                start: {
                    "value": before(cbw),
                    "cite": "15 CFR 744.4 as in force before 86 FR 4865 (last amended 73 FR 68326, 2008-11-18)",
                    "verification": "B: the 2019-2021 wording is not held; current wording used, to be confirmed",
                },
                amended: {
                    "value": cbw,
                    "cite": "15 CFR 744.4(a)-(d) as amended by 86 FR 4865 (FR Doc 2021-00977, section text 86 FR "
                    "4871, eff. 2021-03-16)",
                    "fr": "86 FR 4871",
                    "verification": f"{TEXT}; effective date of FR Doc 2021-00977 as for § 744.22",
                },
            },
        },
    }


# --- output ---------------------------------------------------------------------------------------------

HEAD = (
    "# GENERATED by tools/gen_part744.py from ../shared/data/ear/ecfr_part744/{xml}\n"
    "# (official eCFR XML of 15 CFR Part 744, public domain) and the dated history tables in the generator\n"
    "# (each change with its Federal Register citation and verification tag) -- do not edit by hand.\n"
)


def dump(out: Path, title: str, params: dict[str, Any]) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    body = yaml.dump(
        {"title": title, "source": f"../shared/data/ear/ecfr_part744/{XML_NAME}", "parameters": params},
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=200,
    )
    out.write_text(HEAD.format(xml=XML_NAME) + body, encoding="utf-8")
    print(f"wrote {out} ({len(params)} parameters)")


def generate(data: Path, out: Path) -> list[Path]:
    tree = load(data / "ecfr_part744" / XML_NAME)
    files = [
        (
            out / "part_744" / "supp2.yaml",
            "Supplement No. 2 to Part 744 (items of the § 744.21 military end-use/user licence requirement)",
            supp2_params(tree),
        ),
        (
            out / "part_744" / "end_use_countries.yaml",
            "Part 744 -- § 744.21 and § 744.22 countries, organisations, licence exceptions and review policy",
            countries_params(tree),
        ),
        (
            out / "part_744" / "sdn_tags.yaml",
            "Part 744 -- § 744.8 SDN program identifiers with EAR consequences",
            sdn_params(tree),
        ),
        (
            out / "part_744" / "el_footnotes.yaml",
            "Part 744 -- Entity List footnotes 3, 4 and 5 (foreign direct product rules)",
            footnote_params(tree),
        ),
        (
            out / "part_744" / "proliferation.yaml",
            "Part 744 -- §§ 744.2-744.4 nuclear, rocket systems/UAV and chemical/biological weapons end uses",
            proliferation_params(tree),
        ),
    ]
    for path, title, params in files:
        dump(path, title, params)
    return [p for p, _, _ in files]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "ear")
    parser.add_argument("--out", type=Path, default=ROOT / "clearance" / "regulations")
    args = parser.parse_args()
    generate(args.data, args.out)


if __name__ == "__main__":
    main()
