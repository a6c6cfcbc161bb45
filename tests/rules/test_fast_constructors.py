"""The generated constructors and copiers of clearance.rules.context build exactly what the dataclasses build."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import FrozenInstanceError

import pytest

from clearance.model.decision import Basis, Determination, LeStatus, LicenseException, Outcome, Versions
from clearance.model.determination import Item, Party, Request, Role
from clearance.rules import context
from clearance.rules.context import RuleCache, _builder, constructor, copier
from clearance.rules.parties import PartyInfo


def _answer() -> Determination:
    return Determination("PO-1", dt.date(2024, 5, 1), Outcome.LICENSE_REQUIRED, True, ("US-origin item",), True,
                         (Basis("NS2", "15 CFR 742.4", "case by case", party="x"),), "case by case",
                         (LicenseException("LVS", LeStatus.BARRED, "value", "15 CFR 740.3"),), (), (), (), (), (),
                         Versions("clearance 0", "rules 1"), notes=("a note",))


@pytest.mark.parametrize("cls", [Determination, Basis, LicenseException, PartyInfo, Item, Request])
def test_every_engine_class_takes_the_fast_path(cls: type) -> None:
    # (the slower descriptor path stays correct, but a class that silently fell back to it would go unnoticed)
    assert _builder(cls, list(dataclasses.fields(cls))) is not None


def test_constructor_equals_the_dataclass_and_stays_frozen() -> None:
    made = constructor(Basis)("EL", "15 CFR 744.11", "presumption of denial", party="Huawei")
    own = Basis("EL", "15 CFR 744.11", "presumption of denial", party="Huawei")
    assert type(made) is Basis
    assert made == own and hash(made) == hash(own) and repr(made) == repr(own)
    with pytest.raises(FrozenInstanceError):
        made.code = "NS2"  # type: ignore[misc]
    info = constructor(PartyInfo)(Role.END_USER, "CN", None)
    assert info == PartyInfo(Role.END_USER, "CN", None) and info.label == "unlisted end_user"


def test_copier_equals_dataclasses_replace() -> None:
    answer = _answer()
    relabel = copier(Determination, "request_id", "as_of", "trace")
    copy = relabel(answer, "PO-2", dt.date(2025, 1, 2), ())
    assert type(copy) is Determination
    assert copy == dataclasses.replace(answer, request_id="PO-2", as_of=dt.date(2025, 1, 2), trace=())
    assert copy.to_dict() == dataclasses.replace(answer, request_id="PO-2", as_of=dt.date(2025, 1, 2)).to_dict()
    request = Request(dt.date(2024, 1, 1), Item("3A991", "US"), "CN", parties=(Party(Role.END_USER, "x"),), id="R")
    core = copier(Request, "id", "date", "parties")(request, "", dt.date.min, ())
    assert core == dataclasses.replace(request, id="", date=dt.date.min, parties=())


def test_without_a_builder_the_descriptors_write_the_slots(monkeypatch: pytest.MonkeyPatch) -> None:
    # (the fallback for a class whose instances a plain class of the same slots could not become)
    monkeypatch.setattr(context, "_builder", lambda cls, fields: None)
    made = constructor(Basis)("EL", "15 CFR 744.11", "presumption of denial", party="Huawei")
    assert made == Basis("EL", "15 CFR 744.11", "presumption of denial", party="Huawei") and type(made) is Basis
    answer = _answer()
    copy = copier(Determination, "request_id")(answer, "PO-3")
    assert copy == dataclasses.replace(answer, request_id="PO-3")


def test_rule_tuple_shares_equal_traces_only() -> None:
    cache = RuleCache()
    a, b = object(), object()
    first = cache.rule_tuple([a, b])  # type: ignore[list-item]
    assert cache.rule_tuple((a, b)) is first  # type: ignore[arg-type]
    assert cache.rule_tuple([b, a]) == (b, a) and cache.rule_tuple([b, a]) is not first  # type: ignore[list-item]
    assert cache.rule_tuple([a]) == (a,)  # type: ignore[list-item]


def test_default_factories_give_each_instance_its_own_value() -> None:
    from clearance.rules.findings import Findings, Jurisdiction, new_findings, new_jurisdiction

    a, b = new_findings(), new_findings()
    assert a == Findings() and type(a) is Findings
    a.bases.append(Basis("EL", "c", "p"))
    assert b.bases == [] and Findings().bases == []
    given: list[str] = ["x"]
    j = new_jurisdiction(True, given, "origin")
    assert j == Jurisdiction(True, ["x"], "origin") and j.basis is given and j.unknown == []
    assert new_jurisdiction(False) == Jurisdiction(False)
