"""Assertions shared by the scenario tests: compare a Determination with an ``expected`` block."""

from __future__ import annotations

import re
from typing import Any

from clearance.model.determination import Determination

POLICIES = ("policy of denial", "presumption of denial", "case-by-case", "presumption of approval")
LE_SYMBOLS = {"LVS", "GBS", "STA", "ENC", "GOV", "TSR", "APP", "CIV", "TMP", "RPL", "BAG", "AVS", "NAC", "ACA"}
_FR = re.compile(r"\b\d{2} FR \d+\b|FR Doc \d{4}-\d+")


def canonical_policy(text: str) -> str:
    t = text.lower().strip()
    if t.startswith("n/a"):
        return "n/a"
    if t.startswith("as for china"):
        return "case-by-case"  # the China row's NS policy
    found = [(t.find(p), p) for p in POLICIES if p in t]
    return min(found)[1] if found else t


def fr_citations(text: str) -> set[str]:
    return set(_FR.findall(text))


def _tri(value: Any) -> Any:
    """The scenario schema's "indeterminate" is the record's null."""
    return None if value == "indeterminate" else value


def check(d: Determination, expected: dict[str, Any], deciding: list[str] | None = None) -> None:
    out = d.to_dict()
    where = f"{d.request_id}: {out['outcome']} reasons={out['reasons']}"
    if "subject_to_ear" in expected:
        assert out["subject_to_ear"] == _tri(expected["subject_to_ear"]), where
    if "license_required" in expected:
        assert out["license_required"] == _tri(expected["license_required"]), where
    if "bases" in expected:
        got = sorted(b["code"] for b in out["bases"])
        assert got == sorted(b["code"] for b in expected["bases"]), f"{where} bases={got}"
        for exp in expected["bases"]:
            mine = next(b for b in out["bases"] if b["code"] == exp["code"])
            if "overcome_by" in exp:
                assert mine.get("overcome_by"), f"{where}: {exp['code']} should be overcome"
                for fr in fr_citations(exp["overcome_by"]):
                    assert fr in mine["overcome_by"]["citation"], f"{where}: {fr} not in {mine['overcome_by']}"
            else:
                assert not mine.get("overcome_by"), where
            if "previously_covered_by" in exp:
                assert mine.get("previously_covered_by"), where
    if "review_policy" in expected and expected["review_policy"] is not None:
        assert canonical_policy(out["review_policy"]) == canonical_policy(str(expected["review_policy"])), where
    les = expected.get("license_exceptions")
    if les:
        exp_avail = {s for a in les.get("available", []) for s in re.findall(r"\b[A-Z]{3}\b", a) if s in LE_SYMBOLS}
        got_avail = {x["symbol"] for x in out["license_exceptions"] if x["status"] == "available"}
        assert exp_avail <= got_avail and (exp_avail or not got_avail), f"{where} available={got_avail}"
        barred = {x["symbol"] for x in out["license_exceptions"] if x["status"] == "barred"}
        for text in les.get("barred", []):
            if text.lower().startswith("all"):
                assert barred & {"ALL", "ALL_OTHERS"}, f"{where} barred={barred}"
            for sym in re.findall(r"\b[A-Z]{3}\b", text.split("—")[0].split("(")[0]):
                if sym in LE_SYMBOLS:
                    assert sym in barred, f"{where}: {sym} not barred in {barred}"
        if les.get("barred"):
            assert barred, where
    # every FR document named by the expected bases / deciding rules appears in the output
    cited = " ".join(out["citations"]) + " " + " ".join(str(b["overcome_by"]) for b in out["bases"])
    wanted: set[str] = set()
    for b in expected.get("bases", []):
        wanted |= fr_citations(str(b.get("cite", "")))
    if "excluded_by" in expected:
        wanted |= fr_citations(str(expected["excluded_by"]))
        assert out["excluded"], f"{where}: expected an exclusion"
    for text in deciding or []:
        wanted |= fr_citations(str(text))
    missing = {w for w in wanted if w not in cited}
    assert not missing, f"{where}: citations missing {missing}"
