"""One US supplier's order for Huawei walked day by day through 2019-2025: every change is where the law moved."""

from __future__ import annotations

import dataclasses
import datetime as dt

from clearance.model.determination import Fact, Item, LicenceState, Outcome, Party, Request, Role
from clearance.model.regulation import RuleSet
from clearance.rules import NONE_FOUND, determine

ORDER = Request(
    date=dt.date(2019, 1, 1),
    item=Item(eccn="5D992.c", origin="US", description="software update for existing Huawei handsets"),
    to_country="CN",
    # Entity List status looked up by date in the rule data; screened clear of the other lists (NONE_FOUND)
    parties=(Party(Role.ULTIMATE_CONSIGNEE, "Huawei Technologies Co., Ltd."),),
    facts=frozenset({Fact.TGL_EXISTING_HANDSETS}),
    id="timeline",
)


def _days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def test_outcome_changes_exactly_on_the_effective_dates(rules: RuleSet) -> None:
    changes: list[tuple[dt.date, Outcome]] = []
    last = None
    for day in _days(dt.date(2019, 1, 1), dt.date(2025, 12, 31)):
        outcome = determine(dataclasses.replace(ORDER, date=day), rules, NONE_FOUND).outcome
        if outcome != last:
            changes.append((day, outcome))
            last = outcome
    assert changes == [
        (dt.date(2019, 1, 1), Outcome.NO_LICENSE_REQUIRED),  # not listed yet
        (dt.date(2019, 5, 16), Outcome.LICENSE_REQUIRED),  # 84 FR 22961
        (dt.date(2019, 5, 20), Outcome.NO_LICENSE_REQUIRED),  # TGL 84 FR 23468 (existing handsets)
        (dt.date(2020, 8, 14), Outcome.LICENSE_REQUIRED),  # TGL expired after 2020-08-13
    ]


def test_cited_entry_text_and_footnotes_follow_the_federal_register(rules: RuleSet) -> None:
    expected = {
        dt.date(2019, 5, 16): "84 FR 22961",
        dt.date(2020, 5, 15): "85 FR 29849",  # footnote 1 (FDP) added
        dt.date(2020, 8, 17): "85 FR 51596",  # footnotes 1 and 2, TGL removed
        dt.date(2022, 2, 3): "87 FR 6022",  # FDP moved to 734.9(e), text of today's entry
    }
    for day, fr in expected.items():
        before = determine(dataclasses.replace(ORDER, date=day - dt.timedelta(days=1)), rules, NONE_FOUND)
        after = determine(dataclasses.replace(ORDER, date=day), rules, NONE_FOUND)
        trace_after = {t.key: t for t in after.trace}
        assert trace_after["el.group.huawei.license_requirement"].citation.fr == fr
        trace_before = {t.key: t for t in before.trace}
        prior = trace_before.get("el.group.huawei.license_requirement")
        assert prior is None or prior.citation.fr != fr
    tgl_days = {d: determine(dataclasses.replace(ORDER, date=d), rules, NONE_FOUND) for d in
                (dt.date(2019, 8, 19), dt.date(2019, 11, 18), dt.date(2020, 2, 13), dt.date(2020, 3, 10),
                 dt.date(2020, 5, 15))}
    frs = [next(t for t in d.trace if t.key == "el.group.huawei.tgl").citation.fr for d in tgl_days.values()]
    assert frs == ["84 FR 43487", "84 FR 64018", "85 FR 8722", "FR Doc 2020-05190", "85 FR 29610"]


def test_licence_granted_then_revoked(rules: RuleSet) -> None:
    licence = LicenceState("hypothetical", dt.date(2020, 11, 1), revoked=dt.date(2024, 5, 7))
    order = dataclasses.replace(ORDER, facts=frozenset(), licences=(licence,))
    held = determine(dataclasses.replace(order, date=dt.date(2024, 5, 6)), rules, NONE_FOUND)
    assert held.bases[0].overcome_by and "hypothetical" in held.bases[0].overcome_by.text()
    revoked = determine(dataclasses.replace(order, date=dt.date(2024, 5, 7)), rules, NONE_FOUND)
    assert revoked.outcome is Outcome.LICENSE_REQUIRED
    assert revoked.bases[0].overcome_by is None
    assert revoked.bases[0].previously_covered_by == "licence hypothetical (revoked 2024-05-07)"
    assert revoked.review_policy == "presumption of denial"
