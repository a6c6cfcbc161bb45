"""Licence bases (GP1-GP3 chart, Entity List, affiliates, MEU, MIEU, UVL), licence exceptions, review policy."""

from __future__ import annotations

from typing import Any

from clearance.model.decision import ALL, ALL_OTHERS, Overcome, OvercomeKind, Question
from clearance.model.determination import Basis, Fact, Request
from clearance.model.regulation import MissingFact
from clearance.rules.chart import ccl_entry, chart_hits, groups
from clearance.rules.context import Ctx
from clearance.rules.eccn import Eccn, parse_eccn
from clearance.rules.findings import Findings, Jurisdiction
from clearance.rules.jurisdiction import LOW_GENERATIONS, is_at_only
from clearance.rules.parties import PartyInfo

MILITARY = {Fact.MILITARY_END_USE, Fact.MILITARY_END_USER}


def item_kind(req: Request) -> str:
    if req.item.kind:
        return req.item.kind
    if req.item.eccn:
        group = parse_eccn(req.item.eccn).product_group
        return {"D": "software", "E": "technology"}.get(group or "", "commodity")
    return "commodity"


def _group_basis(ctx: Ctx, req: Request, info: PartyInfo, juris: Jurisdiction, f: Findings) -> None:
    g = info.el_group
    name = info.label
    ctx.get(f"el.group.{g}.license_requirement")
    cite = ctx.cite(f"el.group.{g}.license_requirement")
    policy = str(ctx.get(f"el.group.{g}.review_policy"))
    code = "EL"
    if juris.via == "fdp_fn1":
        code = "EL-FDP-fn1"
        pol = ctx.get("fdp.fn1.review_policy")
        gen = (req.item.fdp.telecom_generation if req.item.fdp else None) or ""
        policy = str(pol["below_5g"] if gen.upper() in LOW_GENERATIONS and "below_5g" in pol else pol["default"])
        cite = ctx.cite("fdp.fn1")
    std = ctx.get(f"el.group.{g}.standards")
    if Fact.STANDARDS_DEVELOPMENT in req.facts and item_kind(req) in std["kinds"] and is_at_only(ctx, req.item.eccn):
        f.excluded.append(f"{code} ({name}): excluded by {ctx.cite(f'el.group.{g}.standards')}")
        return
    fn2 = ctx.find(f"el.group.{g}.footnote2")
    if fn2 and req.facts & set(fn2["excludes"]):
        f.excluded.append(f"{code} ({name}): excluded by {ctx.cite(f'el.group.{g}.footnote2')}")
        return
    overcome = None
    rules = (f"el.group.{g}.license_requirement", f"el.group.{g}.review_policy")
    tgl = ctx.get(f"el.group.{g}.tgl")
    if req.facts & set(tgl["activities"]) and code == "EL":
        key = f"el.group.{g}.tgl"
        overcome = Overcome(OvercomeKind.TGL, "temporary general license", ctx.cite(key), (key,))
        if tgl.get("certification"):
            f.obligations.append("keep TGL certification statements and records (84 FR 43487)")
    if code == "EL-FDP-fn1":
        rules = ("fdp.fn1", "fdp.fn1.review_policy")
        sav = ctx.get("fdp.fn1.savings")
        start = req.item.fdp.production_start if req.item.fdp else None
        if sav["in_force"] and start is not None and start < sav["production_before"] and ctx.day <= sav["ship_by"]:
            overcome = Overcome(
                OvercomeKind.SAVINGS_CLAUSE, "savings clause",
                f"savings clause: production commenced before {sav['production_before']}, shipment by "
                f"{sav['ship_by']} ({ctx.cite('fdp.fn1.savings')})", ("fdp.fn1.savings",),
            )
    f.bases.append(Basis(code, cite, policy, party=name, overcome_by=overcome, rules=rules))
    if overcome is None or code == "EL":  # a TGL is a separate authorisation: LEs stay barred
        key = "fdp.fn1.license_exceptions" if code == "EL-FDP-fn1" else "el.license_exceptions"
        les = ctx.get(key)
        if les["available"]:
            f.questions.append(Question(f"Part 740 licence exceptions for {code}: {les['why']}",
                                        fact="license_exception_terms"))
        else:
            f.barred(ALL, str(les["why"]), ctx.cite(key))


def _entry_basis(info: PartyInfo, f: Findings) -> None:
    e = info.el_entry
    assert e is not None
    text = e.license_requirement or ""
    why = None if "all items subject to the ear" in text.lower() else f"entry scope {text!r} needs review"
    fr = "; ".join(e.federal_register)
    cite = f"15 CFR 744.11(a); Supp. No. 4 to Part 744 entry {e.name!r}: {text!r}" + (f" ({fr})" if fr else "")
    f.bases.append(Basis("EL", cite, (e.license_policy or "").lower(), party=info.label, indeterminate=why))
    f.barred(ALL, "no License Exception may be used for Entity List parties unless the entry says so",
             "15 CFR 744.11(a), 744.16(b)")


def entity_list(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo], f: Findings) -> None:
    listed = [p for p in parties if p.on_el]
    if not listed:
        return
    roles = ctx.get("el.party_roles")
    for info in listed:
        if info.role.value not in roles:
            f.notes.append(f"{info.label} is listed but its role {info.role.value} is not a 748.5 role")
            continue
        if info.el_group:
            _group_basis(ctx, req, info, juris, f)
        else:
            _entry_basis(info, f)


def affiliates(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo], f: Findings) -> None:
    owned = [p for p in parties if p.owners]
    if not owned:
        return
    rule = ctx.get("el.affiliates")
    if not rule["in_force"]:
        f.notes.append(f"ownership not considered: {ctx.cite('el.affiliates')}")
        return
    for info in owned:
        for owner in info.owners:
            if owner.problem:
                raise MissingFact(owner.problem, fact="parties.ownership")
            policy = None
            if owner.group is not None:
                policy = str(ctx.get(f"el.group.{owner.group}.review_policy"))
            elif owner.dated_key is None and owner.entry is not None:
                policy = (owner.entry.license_policy or "").lower()
            if policy and owner.pct >= rule["threshold_pct"]:
                f.bases.append(Basis(
                    "EL-AFFILIATE",
                    f"{ctx.cite('el.affiliates')}; {owner.pct} % owned by listed {owner.name}",
                    policy,
                    party=info.label,
                    rules=("el.affiliates",),
                ))
                f.barred(ALL, "Entity List restrictions inherited by the affiliate", "15 CFR 744.11(a)(1)")


def end_use(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo], f: Findings) -> None:
    eccn = parse_eccn(req.item.eccn) if req.item.eccn else None
    russia_belarus = bool(req.facts & MILITARY) and _meu_russia_belarus(ctx, req, dest, eccn, f)
    if not russia_belarus and (req.facts & MILITARY or any(p.meu for p in parties)):
        countries = ctx.get("meu.countries")
        items = ctx.get("meu.items")
        meu_party = any(p.meu for p in parties)
        if (dest in countries or meu_party) and eccn is not None and eccn.base in items:
            pol = ctx.get("meu.policy")
            f.bases.append(Basis(
                "MEU", f"{ctx.cite('meu.policy')}; {eccn.base} is in {ctx.cite('meu.items')}", pol["policy"],
                rules=("meu.countries", "meu.items", "meu.policy"),
            ))
            _gov_only(ctx, f)
        elif eccn is None:
            raise MissingFact("military end use/user known: the item's ECCN is needed for § 744.21", fact="item.eccn")
    if Fact.MILITARY_INTELLIGENCE in req.facts:
        rule = ctx.get("mieu.rule")
        if rule["in_force"] and (dest in rule["destinations"] or groups(ctx, dest) & set(rule["groups"])):
            f.bases.append(Basis("MIEU", ctx.cite("mieu.rule"), rule["policy"], rules=("mieu.rule",)))
            f.barred(ALL_OTHERS, "only GOV 740.11(b)(2)(ii) may be used", "15 CFR 744.22")
    if any(p.uvl for p in parties):
        rule = ctx.get("uvl.rule")
        f.obligations.extend(rule["obligations"])
        f.barred(ALL, f"a party is on the Unverified List ({rule['le_bar']})", ctx.cite("uvl.rule"))


def _gov_only(ctx: Ctx, f: Findings) -> None:
    gov = ctx.get("le.GOV")
    f.available("GOV", str(gov["text"]), ctx.cite("le.GOV"))
    f.barred(ALL_OTHERS, "only GOV 740.11(b)(2)(i)-(ii) may be used", "15 CFR 744.21(c)")


def _meu_russia_belarus(ctx: Ctx, req: Request, dest: str, eccn: Eccn | None, f: Findings) -> bool:
    """§ 744.21(a)(2): any item for a Russian/Belarusian military end use (dated); True when it applied."""
    rule = ctx.get("meu.russia_belarus")
    if dest not in rule["countries"]:
        return False
    cite = ctx.cite("meu.russia_belarus")
    why = None
    if eccn is None:
        why = "the item's ECCN (or EAR99) is needed for § 744.21(a)(2)"
    elif eccn.is_ear99 and Fact.NOT_FOOD_OR_MEDICINE not in req.facts:
        why = str(rule["ear99_question"])
    elif any(eccn.within(p.split(".", 1)[1]) and eccn.base == p.split(".", 1)[0] for p in rule["ask_paragraphs"]):
        why = str(rule["paragraph_question"])
    f.bases.append(Basis("MEU", cite, str(rule["policy"]), indeterminate=why, rules=("meu.russia_belarus",)))
    _gov_only(ctx, f)
    return True


def _chart_exceptions(ctx: Ctx, facts: frozenset[Fact], eccn: Eccn, dest: str, f: Findings,
                      hits: list[Basis]) -> None:
    flags: dict[str, Any] = ccl_entry(ctx, eccn)["le"]
    grp = groups(ctx, dest)
    codes = tuple(sorted({b.code for b in hits}))
    ns = tuple(c for c in codes if c.startswith("NS"))
    for sym in ("LVS", "GBS"):
        flag = str(flags.get(sym, ""))
        if not flag or (flag.upper().startswith("N/A") and "for" not in flag[:8]):
            continue
        key = f"le.{sym}"
        rule = ctx.get(key)
        if not grp & set(rule["groups"]):
            f.barred(sym, f"{dest} is not in Country Group B", ctx.cite(key))
        elif sym == "GBS" and flag.startswith("Yes") and ns:
            f.available(sym, "eligible destination (Country Group B)", ctx.cite(key), covers=ns)
        else:
            f.available(sym, f"subject to its value limit {flag}", ctx.cite(key))
    sta = ctx.get("le.STA")
    if grp & set(sta["groups"]):
        f.available("STA", "conditions of 740.20 apply", ctx.cite("le.STA"), covers=codes)
    elif grp & set(sta["ns_only_groups"]) and ns:
        f.available("STA", "NS only, conditions of 740.20 apply", ctx.cite("le.STA"), covers=ns)
    else:
        f.barred("STA", f"{dest} is not in Country Group A:5/A:6", ctx.cite("le.STA"))
    enc = ctx.get("le.ENC")
    reasons = {b.code.rstrip("12") for b in hits}
    if any(eccn.base.startswith(p) for p in enc["eccn_prefixes"]) and reasons & set(enc["reasons"]):
        if Fact.ENC_ELIGIBLE in facts:
            covered = tuple(sorted(b.code for b in hits if b.code.rstrip("12") in enc["reasons"]))
            f.available("ENC", "eligible on the stated classification facts", ctx.cite("le.ENC"), covers=covered)
        elif Fact.ENC_NOT_ELIGIBLE in facts:
            f.barred("ENC", "not eligible on the stated facts", ctx.cite("le.ENC"))
        else:
            f.questions.append(Question(
                f"ENC ({ctx.cite('le.ENC')}): eligibility depends on classification facts not given",
                fact="facts.enc_eligible"))


def chart(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo], f: Findings) -> None:
    """GP1/GP2/GP3 bases from the CCL and the Country Chart, with the list-based licence exceptions."""
    if juris.via == "fdp_fn1":
        return  # licence requirements of the footnote-1 rule only (§ 744.11(a)(2))
    kind = str(juris.no_de_minimis_rule["kind"]) if juris.no_de_minimis_rule else None
    enc = req.facts & {Fact.ENC_ELIGIBLE, Fact.ENC_NOT_ELIGIBLE}
    eccn = req.item.eccn
    part = ctx.memo(("chart", eccn, dest, kind, enc), lambda: _chart(ctx, eccn, dest, kind, enc))
    f.bases.extend(part.bases)
    f.exceptions.extend(part.exceptions)
    f.questions.extend(part.questions)


def _chart(ctx: Ctx, eccn_text: str | None, dest: str, no_de_minimis_kind: str | None,
           facts: frozenset[Fact]) -> Findings:
    """The chart findings: a function of exactly its arguments (its cache key), the rules and the epoch."""
    f = Findings()
    eccn = parse_eccn(eccn_text) if eccn_text else None
    d5 = "D:5" in groups(ctx, dest) if dest != "XX" else False
    if no_de_minimis_kind == "content_600_series" or (eccn and eccn.is_600_series and d5):
        pol = ctx.get("policy.600_series_d5")
        if d5:
            f.bases.append(Basis(pol["code"], ctx.cite("policy.600_series_d5"), pol["policy"],
                                 rules=("policy.600_series_d5",)))
            f.barred(ALL, f"{pol['le_bar']}: 600 series to D:5", ctx.cite("policy.600_series_d5"))
            if eccn is None:
                return f
    if eccn is None:
        raise MissingFact("the item is subject to the EAR but not classified: give its ECCN (or EAR99)",
                          fact="item.eccn")
    hits = chart_hits(ctx, eccn, dest)
    policies = ctx.get("policy.reason") if hits else {}
    bases = [
        Basis(h.code, h.cite, str(policies.get(h.reason, policies.get("OTHER"))), indeterminate=h.indeterminate,
              rules=(f"ccl.{eccn.base}", f"chart.{dest}", "policy.reason"))
        for h in hits
    ]
    f.bases.extend(bases)
    if bases:
        _chart_exceptions(ctx, facts, eccn, dest, f, bases)
    return f


def overall_policy(ctx: Ctx, bases: list[Basis]) -> str:
    live = [b for b in bases if b.overcome_by is None or b.overcome_by.kind is OvercomeKind.LICENSE]
    if not live:
        return "n/a"
    order = [str(p) for p in ctx.get("policy.order")]

    def rank(b: Basis) -> int:
        text = b.policy.lower()
        hits = [i for i, p in enumerate(order) if p in text]
        return min(hits) if hits else len(order)

    return min(live, key=rank).policy
