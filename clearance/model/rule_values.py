"""The type of every kind of rule value: checked when the rule data (or an overlay) is loaded.

Each rule key (or key pattern, fnmatch style) maps to a type: a pydantic model for structured values
(``extra="forbid"``, strict types, so a misnamed field such as ``activity`` for ``activities`` or a
string where a list belongs is an error naming file, line and field before any order is evaluated),
or a plain type such as ``list[str]``. A rule key without a type is an error too: a new kind of rule is a
value model here, YAML under clearance/regulations/ and a step in clearance.rules.engine.STEPS.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import importlib
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError


class Value(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# ---- Part 774 / 738 / 740: CCL, Country Chart, Country Groups, licence exceptions --------------------------


class Special(Value):
    """Where a control without a Country Chart column applies: ``worldwide``, named ``destinations``, Country
    ``groups``; ``footnote``: the rows the Country Chart marks with that footnote (the footnote's own requirement,
    738.footnote.N, gives the basis); ``unread``: a pointer or text the generator cannot read (an open question)."""

    kind: Literal["worldwide", "destinations", "groups", "footnote", "unread"]
    text: str
    footnote: int | None = None
    destinations: list[str] = []
    groups: list[str] = []
    not_groups: list[str] = []
    except_: list[str] = []


class Control(Value):
    reason: str
    text: str
    scope: Literal["entire", "paragraphs", "conditional"]
    column: str | None = None
    special: Special | None = None
    paragraphs: list[str] = []
    except_: list[str] = []
    z: bool = False
    # the wording on these days is not held (tools/ccl_history.yaml): a hit is to be confirmed (CANNOT_CLEAR naming
    # this) unless a verified control of the same reason requires the licence anyway
    unverified: str | None = None
    # the paragraphs did not exist on these days: the row reaches only an item that names one of them (a question)
    absent: bool = False
    # paragraph -> the row's condition in words for it (tools/ccl_conditions.yaml): facts ccl_condition_(not_)met
    conditions: dict[str, str] = {}

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=True)


class FootnoteItem(Value):
    eccn: str
    paragraphs: list[str] = []
    except_: list[str] = []
    condition: str | None = None


class ChartFootnote(Value):
    """A Country Chart footnote that adds a licence requirement the grid does not show: for the items listed, or for
    the item's control with ``ccl_reason``; ``question``: the requirement is not modelled (CANNOT_CLEAR naming it)."""

    text: str
    code: str
    reason: str
    items: list[FootnoteItem] = []
    ccl_reason: str | None = None
    question: str | None = None


class CclEntry(Value):
    heading: str
    controls: list[Control]
    le: dict[str, str]


class ChartRow(Value):
    # None: the row's columns are not held (Hong Kong's own row before 2020-12-23); then only ``known_blank``
    # columns are known, any other column is CANNOT_CLEAR (clearance.rules.chart._dest_hit)
    marks: list[str] | None
    footnotes: list[int]
    embargoed: str | None = None
    known_blank: list[str] = []
    note: str | None = None


class Destination(Value):
    governed_by: str


class LeList(Value):
    symbol: str
    groups: list[str]
    flag: str
    suspended: dict[str, str] = {}  # destination -> why the exception is suspended there (in its groups or not)


class LeSta(Value):
    symbol: Literal["STA"]
    groups: list[str]
    ns_only_groups: list[str]
    not_offered: dict[str, str] = {}  # destination -> why STA is not offered there (terms the order cannot state)
    reasons: list[str] = []  # the reasons for control STA overcomes (§ 740.20(c)(1)); empty: every reason


class UsPersonRelease(Value):
    fact: str  # the fact code stating that the recipient of a release in the US is a U.S. person
    text: str


class LeTsr(Value):
    symbol: Literal["TSR"]
    groups: list[str]
    reasons: list[str]  # the reasons for control TSR overcomes (§ 740.6(a): national security only)
    needs_fact: str
    suspended: dict[str, str] = {}  # destination -> why TSR is suspended there


class NotEvaluated(Value):
    """A licence exception whose terms Clearance does not evaluate, asked about when the order points to it
    (clearance.rules.le_unevaluated): signal ``words`` in the order's words, and, when given, one of the
    ``destinations`` and an item of one of the ``eccns`` (ECCN bases, or EAR99)."""

    symbol: str
    section: str
    title: str
    terms: str
    words: list[str]
    destinations: list[str] = []
    eccns: list[str] = []


class LeGov(Value):
    symbol: Literal["GOV"]
    text: str


class LeEnc(Value):
    symbol: Literal["ENC"]
    eccn_prefixes: list[str]
    reasons: list[str]
    needs_fact: str


# ---- Part 734: de minimis and the foreign direct product rules ---------------------------------------------


class NoDeMinimis(Value):
    id: str
    kind: Literal["item_eccn", "content_600_series", "item_with_us_ic", "content_eccn"]
    text: str
    item_eccn_prefixes: list[str] = []
    input_eccns: list[str] = []  # content_eccn: a US input of these ECCN paragraphs has no de minimis level
    ask_item_prefixes: list[str] = []  # content_eccn: items (technology: any E ECCN) whose US content has no ECCN
    item_eccns: list[str] = []  # item_with_us_ic: the item's ECCNs or paragraphs ("3B001.a.4")
    ic_eccn_prefixes: list[str] = []  # item_with_us_ic: a US input of these ECCNs is an integrated circuit
    paragraphs: Literal["y_only", "not_y"] | None = None
    destinations: list[str] = []
    groups: list[str] = []
    # content_eccn: a match is a question in these words, not "no de minimis" (the rule's exception -- e.g. the
    # content's ENC classification, § 734.4(b)(1) -- is a fact no order states)
    ask: str | None = None


class Threshold(Value):
    default_pct: int
    group_pct: dict[str, int]


class Counting(Value):
    counts: str
    ignores: str


class FdpFn1(Value):
    version: str
    eccns: list[str] = []
    requires_fn1_design: bool = False
    plant_us_origin: bool = False
    reach: Literal["destined_to_fn1", "party_or_incorporation"] | None = None


class FdpFn1Policy(Value):
    default: str
    below_5g: str | None = None


class Savings(Value):
    in_force: bool
    production_before: dt.date | None = None
    ship_by: dt.date | None = None


class FdpNs(Value):
    reasons: list[str]
    groups: list[str]


class FdpOther(Value):
    """§ 734.9(f)-(i): a foreign direct product rule reached by destination, party or end use."""

    in_force: bool
    rule: str | None = None
    name: str | None = None
    reach: Literal["destination", "party", "fact_supercomputer"] | None = None
    destinations: list[str] = []
    groups: list[str] = []
    ukraine_regions: bool = False
    other_destinations: Literal["unverified", "none"] | None = None
    # unverified: always to establish
    item_scope: Literal["any", "ccl", "listed", "pattern", "unverified"] | None = None
    item_pattern: str | None = None  # pattern: the ECCNs of the item scope as a regular expression ("600 series")
    y_paragraphs: Literal["question"] | None = None  # pattern: a .y item's coverage is not held (a question)
    item_eccns: list[str] = []  # ECCNs (prefixes) or paragraphs ("3B001.a.4") of the item scope
    item_scope_beyond: list[str] = []  # ECCN prefixes beyond item_eccns whose coverage is not held: a question
    z_paragraphs: bool = False
    ear99: Literal["unverified"] | None = None
    tech: Literal["any_d_e", "listed", "pattern"] | None = None
    tech_eccns: list[str] = []
    tech_pattern: str | None = None  # tech pattern: the ECCNs of the software/technology as a regular expression
    plant_tech_eccns: list[str] = []  # the plant route's list when it differs from tech_eccns (§ 734.9(k))
    tech_verified: bool = False
    plant_us_origin: bool = False
    contains_ic: bool = False  # also a commodity containing an IC made by such a plant (§ 734.9(e)(3), (k))
    unverified: str | None = None


class RouteChart(Value):
    """§ 738.4(a) / § 736.2(b)(8): where the route's last stop keeps its Country Chart row although the order names
    another country of ultimate destination."""

    transit_countries: list[str]  # General Prohibition Eight (§ 736.2(b)(8)(ii))
    keep_groups: list[str]  # Country Groups whose members keep the row too (fail closed)
    unverified: str | None = None


class NamedPlaces(Value):
    """Words of an order's end use or item description naming a country with a Part 746 section (or a place in
    it): the item may go there although no party is located there."""

    countries: dict[str, list[str]]
    # words of ``countries`` that also name something elsewhere (a town of Portugal named Cuba, the Shiraz grape, a
    # 'La Habana' bar): in a party's own line they are read as the place unless the line after them puts the party
    # in its own country by a clear address (``home``: its country's names and cities; ``postcodes``)
    elsewhere: dict[str, list[str]] = {}
    home: dict[str, list[str]] = {}
    postcodes: dict[str, str] = {}  # a regular expression of a postal code with its state, in the folded form
    # a line with one of ``offices`` (an office or branch: 'oficina', 'branch', 'şubesi'), or with one of
    # ``located`` (a preposition of place: 'en', 'in', 'a') right before the word ('oficina en La Habana',
    # 'Exportaciones a Cuba'), is never explained away by its address
    offices: list[str] = []
    located: list[str] = []
    # a word without a trailing space is a stem ("tehran" reads "Tehranda", "Teheranie"); followed by exactly one of
    # these endings it is a surname of origin, not the place ("Teherani", "Isfahani")
    nisba: list[str] = []
    # phrases naming a thing after a place ('Cuban heel', 'Havana Brown'): set aside before the words are matched
    not_places: list[str] = []


# ---- Part 744: Entity List, end uses and end users ----------------------------------------------------------


class LeAvailability(Value):
    available: bool
    why: str


class Affiliates(Value):
    in_force: bool
    threshold_pct: int | None = None
    stayed: bool = False


class GroupRequirement(Value):
    scope: str
    text: str


class Footnote2(Value):
    excludes: list[str]


class Standards(Value):
    kinds: list[str]
    classes: list[str]


class Tgl(Value):
    activities: list[str]
    certification: bool = False


class DatedParty(Value):
    names: list[str]
    group: str
    country: str


class EndUse74423(Value):
    status: Literal["in_force", "unverified", "not_in_force"]
    question: str | None = None
    destinations: list[str] = []
    groups: list[str] = []
    any_item: bool = False
    eccns: list[str] = []
    ask_eccns: dict[str, str] = {}
    categories: list[str] = []
    product_groups: list[str] = []
    fn5_excluded: bool = False
    policy: str | None = None
    policy_case_by_case: str | None = None
    exceptions: str | None = None


class MeuPolicy(Value):
    policy: str
    exceptions: list[str]


class MeuRussiaBelarus(Value):
    countries: list[str]
    policy: str | None = None
    ear99_question: str | None = None
    ask_paragraphs: list[str] = []
    paragraph_question: str | None = None


class Mieu(Value):
    in_force: bool
    destinations: list[str] = []
    groups: list[str] = []
    policy: str | None = None
    exceptions: list[str] = []


class Uvl(Value):
    le_bar: str
    obligations: list[str]


class Policy600(Value):
    code: str
    policy: str
    le_bar: str


# ---- Part 746: embargoes ------------------------------------------------------------------------------------


class CclScope(Value):
    categories: list[str] = []
    reasons: list[str] = []


class PolicyByReason(Value):
    reasons: list[str]
    policy: str


class Region746(Value):
    """The licence requirement of a region of a destination (§ 746.6: Crimea and the covered regions of Ukraine),
    applied when the order states the destination is in it."""

    code: str
    ccl: Literal["all", "none"] | CclScope
    ear99: Literal["licence", "food_medicine", "listed_supplements", "unmodelled"]
    ear99_question: str
    policy: str
    exceptions: str


class Part746(Value):
    in_force: bool = True
    code: str | None = None
    ccl: Literal["all", "none"] | CclScope | None = None
    ear99: Literal["licence", "food_medicine", "listed_supplements", "unmodelled"] | None = None
    ear99_question: str | None = None
    policy: str | None = None
    policy_by_reason: PolicyByReason | None = None
    exceptions: str | None = None
    content: Literal["counted", "ask"] | None = None
    notes: list[str] = []
    unmodelled: str | None = None
    region_question: str | None = None
    region_unmodelled: str | None = None
    region: Region746 | None = None  # the region's own requirement (else region_unmodelled: CANNOT_CLEAR)
    deemed_release: str | None = None  # the section does not apply to deemed exports/reexports: the question
    # licence exceptions the section lists that 740.not_evaluated may ask about (the section lists more): its bar
    # is then on every other exception, not a blanket bar (adversarial R14-38, CCD to Cuba)
    exceptions_listed: list[str] = []


class HtsCode(Value):
    """One HTS-6 code of a Part 746 supplement: its description, where the entry was read, and (Supp. No. 5) the
    row's per-unit wholesale price column ("" = the row has none; None = the column was not read for this row)."""

    description: str
    source: str
    price: str | None = ""


class HtsHeading(Value):
    """A chapter (2 digits) or heading (4 digits) a Part 746 supplement is known to draw codes from, where its HTS-6
    rows are not held: what the code range is and where that the supplement covers it was read."""

    description: str
    source: str
    # words of an item description naming such a good (" whisky", " коньяк", "香水": Latin and Cyrillic in any form,
    # folded as the description is; Chinese and Japanese as written): asked
    words: list[str] = []
    brands: list[str] = []  # trade names of such goods (" rolex"): asked, as words are


class HtsHeadings(Value):
    """The chapters and headings of a Part 746 supplement whose HTS-6 table is not held (``746.hts_headings.supp<n>``):
    an order's HTS code in one of them, not among the codes held, is a question -- the supplement may list it, so a
    stated ``ear99_not_listed_part_746`` alone does not settle it (clearance/rules/hts746.py)."""

    supplement: str
    headings: dict[str, HtsHeading]
    words_source: str = ""  # where the headings' words come from
    brands_source: str = ""  # where the headings' brands come from (a brand asks, never decides)
    # asked when ear99_not_listed_part_746 is stated, no HTS code is named and the item description is not written in
    # English (another script, or function words of another language): what the item is cannot be read from it
    unread_description: str = ""


class HtsSupplement(Value):
    """The HTS-6 codes of a Supplement to Part 746 (tools/gen_part746_hts.py): a code an order names that the list
    holds requires a licence to the destinations of ``paragraphs`` (destination -> the paragraph requiring it);
    ``text_as_of``: the list is the supplement's text as amended up to that day, so an order dated before it is a
    question; ``complete``: False when the list holds only the codes read so far (a code not found is then no
    evidence either way). ``items``: ear99 (EAR99 items) or all (EAR99 and CCL items the section itself does not
    already require a licence for)."""

    supplement: str
    title: str
    paragraphs: dict[str, str]
    items: Literal["ear99", "all"]
    policy: str
    text_as_of: dt.date
    complete: bool
    codes: dict[str, HtsCode]


VALUE_TYPES: dict[str, Any] = {
    "ccl.*": CclEntry,
    "chart.*": ChartRow,
    "738.footnote.*": ChartFootnote,
    "groups.*": list[str],
    "destination.*": Destination,
    "738.4.route_chart": RouteChart,
    "le.LVS": LeList,
    "le.GBS": LeList,
    "le.STA": LeSta,
    "le.GOV": LeGov,
    "le.TSR": LeTsr,
    "740.not_evaluated": list[NotEvaluated],
    "734.13.us_person_release": UsPersonRelease,
    "le.ENC": LeEnc,
    "le.restrictions": dict[str, str],
    "de_minimis.no_de_minimis": list[NoDeMinimis],
    "de_minimis.threshold": Threshold,
    "de_minimis.counting": Counting,
    "fdp.fn1": FdpFn1,
    "fdp.fn1.review_policy": FdpFn1Policy,
    "fdp.fn1.license_exceptions": LeAvailability,
    "fdp.fn1.savings": Savings,
    "fdp.ns": FdpNs,
    "fdp.9x515": FdpOther,
    "fdp.600_series": FdpOther,
    "fdp.russia_belarus": FdpOther,
    "fdp.russia_belarus_meu": FdpOther,
    "fdp.advanced_computing": FdpOther,
    "fdp.supercomputer": FdpOther,
    "fdp.sme": FdpOther,
    "fdp.iran": FdpOther,
    "el.affiliates": Affiliates,
    "el.license_exceptions": LeAvailability,
    "el.party_roles": list[str],
    "el.party.*": DatedParty,
    "el.group.*.footnotes": list[int],
    "el.group.*.footnote2": Footnote2,
    "el.group.*.license_requirement": GroupRequirement,
    "el.group.*.review_policy": str,
    "el.group.*.standards": Standards,
    "744.11.standards": Standards,
    "el.group.*.tgl": Tgl,
    "eu744_23.*": EndUse74423,
    "meu.countries": list[str],
    "meu.items": list[str],
    "meu.policy": MeuPolicy,
    "meu.russia_belarus": MeuRussiaBelarus,
    "mieu.rule": Mieu,
    "uvl.rule": Uvl,
    "policy.600_series_d5": Policy600,
    "policy.order": list[str],
    "policy.reason": dict[str, str],
    "part746.*": Part746,
    "746.named_places": NamedPlaces,
    "746.hts.*": HtsSupplement,
    "746.hts_headings.*": HtsHeadings,
}


@lru_cache(maxsize=1)
def _all_types() -> dict[str, Any]:
    types = dict(VALUE_TYPES)
    try:  # value types of generated Part 744/740 data, where present
        extra = importlib.import_module("clearance.model.rule_values_ear")
    except ImportError:
        return types
    types.update(getattr(extra, "VALUE_TYPES", {}))
    return types


@lru_cache(maxsize=4096)
def _pattern_of(key: str) -> str | None:
    """The declared key or pattern that types rule ``key`` (exact keys before patterns)."""
    types = _all_types()
    if key in types:
        return key
    return next((p for p in types if "*" in p and fnmatch.fnmatchcase(key, p)), None)


@lru_cache(maxsize=512)
def _adapter(pattern: str) -> TypeAdapter[Any]:
    return TypeAdapter(_all_types()[pattern])  # built once per declared type, not once per rule key


def adapter_for(key: str) -> TypeAdapter[Any] | None:
    """The validator of rule ``key``'s values; None when no type is declared."""
    pattern = _pattern_of(key)
    return None if pattern is None else _adapter(pattern)


def _aliased(value: Any) -> Any:
    """YAML's ``except`` is a Python keyword: the models call it ``except_``."""
    if isinstance(value, dict):
        return {("except_" if k == "except" else k): _aliased(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_aliased(v) for v in value]
    return value


def check(key: str, value: Any) -> tuple[str, str] | None:
    """None when ``value`` is a valid value of rule ``key``; else (field path, problem)."""
    adapter = adapter_for(key)
    if adapter is None:
        return "value", f"rule {key!r} has no declared value type (clearance/model/rule_values.py)"
    try:
        adapter.validate_python(_aliased(value))
    except ValidationError as exc:
        errors = exc.errors()
        err = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])  # a misnamed field first
        where = ".".join(str(p) for p in err["loc"]).replace("except_", "except") or "value"
        extra = f" (allowed fields: {', '.join(_fields(adapter))})" if err["type"] == "extra_forbidden" else ""
        return where, f"rule {key!r}, field {where!r}: {err['msg']}{extra}"
    return None


def _fields(adapter: TypeAdapter[Any]) -> list[str]:
    schema = adapter.json_schema()
    props = schema.get("properties") or {}
    return [p.replace("except_", "except") for p in props]
