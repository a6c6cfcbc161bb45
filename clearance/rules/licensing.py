"""Licence bases (GP1-GP3 chart, Entity List and its FDP footnotes, affiliates), licence exceptions, review policy.

§§ 744.8, 744.15, 744.21 and 744.22 are in clearance.rules.part744."""

from __future__ import annotations

import re
from fractions import Fraction
from functools import lru_cache
from typing import Any

from clearance.errors import CannotClear
from clearance.model.decision import ALL, LeStatus, LicenseException, Overcome, OvercomeKind, Question
from clearance.model.determination import Basis, Fact, Request, Transaction
from clearance.model.fact_vocabulary import normalise
from clearance.model.regulation import MissingFact
from clearance.rules import le_scopes
from clearance.rules.chart import CONDITION_FACTS, UNSPECIFIED, ccl_entry, chart_hits, chart_row, groups
from clearance.rules.context import Ctx, constructor
from clearance.rules.descriptions import condition_facts
from clearance.rules.eccn import Eccn, parse_eccn
from clearance.rules.findings import Findings, Jurisdiction, new_findings
from clearance.rules.jurisdiction import LOW_GENERATIONS, is_at_only
from clearance.rules.parties import OWNER_LISTS, PartyInfo
from clearance.text.fold import fold

_basis = constructor(Basis)  # Basis(...), faster (clearance.rules.context)


def _kind_unknown(req: Request) -> bool:
    """The item's kind cannot be told: no kind stated and an ECCN of no product group (EAR99) or none."""
    return not req.item.kind and (not req.item.eccn or parse_eccn(req.item.eccn).product_group is None)


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
    if _standards_excludes(ctx, req, std):
        f.excluded.append(f"{code} ({name}): excluded by {ctx.cite(f'el.group.{g}.standards')}")
        return
    if (Fact.STANDARDS_DEVELOPMENT in req.facts and std["kinds"] and _kind_unknown(req)
            and is_at_only(ctx, req.item.eccn)):
        # an EAR99 item of no stated kind: whether the carve-out reaches it turns on its kind (adversarial R20-32:
        # 'EAR99 technical data' for a 3GPP contribution was answered LICENSE_REQUIRED as a commodity)
        f.bases.append(_basis(code, cite, policy, party=name, rules=(f"el.group.{g}.standards",), indeterminate=(
            f"{ctx.cite(f'el.group.{g}.standards')} excludes {' and '.join(std['kinds'])} released for standards "
            "development: state the item's kind (item.kind technology / software / commodity)")))
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
    f.bases.append(_basis(code, cite, policy, party=name, overcome_by=overcome, rules=rules))
    if overcome is None or code == "EL":  # a TGL is a separate authorisation: LEs stay barred
        key = "fdp.fn1.license_exceptions" if code == "EL-FDP-fn1" else "el.license_exceptions"
        les = ctx.get(key)
        if les["available"]:
            f.questions.append(Question(f"Part 740 licence exceptions for {code}: {les['why']}",
                                        fact="license_exception_terms"))
        else:
            f.barred(ALL, str(les["why"]), ctx.cite(key))


# words that limit an entry's "all items subject to the EAR" to some uses ("when used in projects specified in
# § 746.8(a)(4)"), and carve-outs of some items ("except for crude oil ...", "except for EAR99-designated technology")
_USE_LIMITS = re.compile(r"\b(when used|unless|limited to)\b")
_ITEM_CARVE_OUT = re.compile(r"\b(except|other than)\b")
_GOV_NOTE = re.compile(r"this license requirement may be overcome by license exception gov.*$", re.S)


_KINDS = ("technology", "software", "commodit")


_GOODS = re.compile(r"except for:?\s(.{3,600}?)\sunder the following (?:harmonized system|hs)", re.S)
_HS = re.compile(r"\b\d{4,10}\b")


def _named_goods(low: str, description: str) -> str | None:
    """The goods an entry's carve-out names ("except for: crude oil, condensates ... under the following Harmonized
    System (HS) codes: 2709, ...") that the item description names, by name or HS code (adversarial U02)."""
    m = _GOODS.search(low)
    if m is None or not description:
        return None
    desc = normalise(description)
    names = [n.strip() for n in re.split(r",|\band\b", m.group(1)) if len(n.strip()) > 3]
    hit = next((n for n in names if f" {normalise(n).strip()} " in desc), None)
    if hit:
        return hit
    listed = _HS.findall(low[m.end():m.end() + 3000])
    mine = [c for c in _HS.findall(description) if len(c) >= 4]
    return next((f"HS {c}" for c in mine if any(c.startswith(x) or x.startswith(c) for x in listed)), None)


def entry_scope_question(text: str, eccn: str | None = None, kind: str | None = None,
                         description: str = "") -> str | None:
    """None when an Entity List entry requires a licence for every item subject to the EAR, or for this item;
    else why its scope needs review (adversarial U01, R3-77): a limit to some uses always; a carve-out of EAR99 items
    ("except for EAR99-designated technology ...") when the item is EAR99 or not classified, and a carve-out naming
    the item's ECCN; a carve-out of goods by name or HS code ("except for: crude oil, condensates ... HS codes 2709")
    when an EAR99 (or unclassified) item's description names one of them (adversarial U02). A sentence on License
    Exception GOV, which does not narrow the requirement, and a carve-out for OFAC-authorised transactions ("apart
    from ...": over-restrictive when it applies) are not limits either."""
    low = _GOV_NOTE.sub("", text.lower())
    if "all items subject to the ear" not in low:
        return f"entry scope {text!r} needs review"
    base = eccn.strip().upper()[:5] if eccn else None
    carve_out = bool(_ITEM_CARVE_OUT.search(low))
    # a carve-out of EAR99 technology (or software) does not reach a commodity, and the reverse
    other_kind = kind is not None and any(k in low for k in _KINDS) and kind not in low
    limited = bool(_USE_LIMITS.search(low)) or (carve_out and not other_kind and (
        ("ear99" in low and base in (None, "EAR99")) or (base is not None and base.lower() in low)))
    if limited:
        return f"the entry limits its licence requirement ({text!r}): whether it reaches this item and use needs review"
    goods = _named_goods(low, description) if carve_out and base in (None, "EAR99") else None
    if goods:
        return (f"the entry excepts goods by name or HS code and the item description names {goods!r}: whether the "
                "item is among the goods excepted needs review")
    return None


STANDARDS = "744.11.standards"


def _standards_excludes(ctx: Ctx, req: Request, std: dict[str, Any]) -> bool:
    """Whether a standards carve-out (``std``: its item kinds; EAR99 or AT-only items) reaches the order: released
    for standards development, of a kind it names (an item of no stated kind reads as a commodity)."""
    return Fact.STANDARDS_DEVELOPMENT in req.facts and item_kind(req) in std["kinds"] \
        and is_at_only(ctx, req.item.eccn)


def _standards(ctx: Ctx, req: Request, name: str, f: Findings) -> bool:
    """Whether § 744.11(a)'s authorisation of standards-related activity (87 FR 55241, every Entity List party)
    takes the item out of the entry's requirement (an exclusion recorded in ``f``)."""
    if Fact.STANDARDS_DEVELOPMENT not in req.facts or not _standards_excludes(ctx, req, ctx.get(STANDARDS)):
        return False
    f.excluded.append(f"EL ({name}): excluded by {ctx.cite(STANDARDS)}")
    return True


def _entry_basis(ctx: Ctx, info: PartyInfo, f: Findings, req: Request) -> None:
    e = info.el_entry
    assert e is not None
    if _standards(ctx, req, info.label, f):
        return
    text = e.license_requirement or ""
    why = entry_scope_question(text, req.item.eccn, item_kind(req), req.item.description)
    fr = "; ".join(e.federal_register)
    cite = f"15 CFR 744.11(a); Supp. No. 4 to Part 744 entry {e.name!r}: {text!r}" + (f" ({fr})" if fr else "")
    f.bases.append(Basis("EL", cite, (e.license_policy or "").lower(), party=info.label, indeterminate=why))
    f.barred(ALL, "no License Exception may be used for Entity List parties unless the entry says so",
             "15 CFR 744.11(a), 744.16(b)")


def _footnote_basis(ctx: Ctx, n: int, info: PartyInfo, f: Findings) -> None:
    """§ 744.11(a)(2)(iii)-(v): the licence for a foreign item subject only under a footnote-3/4/5 FDP rule."""
    key = f"744.supp4.footnote.{n}"
    fn = ctx.get(key)
    policy = (info.el_entry.license_policy or "").lower() if info.el_entry else ""
    f.bases.append(Basis(
        f"EL-FDP-fn{n}", f"15 CFR {fn['licence_paragraph']}; {ctx.cite(key)}",
        policy or f"{fn['review_policy']} (the entry's policy is not given)", party=info.label, rules=(key,),
    ))
    f.barred(ALL, f"footnote {n}: {fn['license_exceptions']}", ctx.cite(key))


def entity_list(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo], f: Findings) -> None:
    listed = [p for p in parties if p.on_el]
    if juris.via == "fdp_fn1" and not any(p.fn1 for p in listed):
        # § 744.11(a)(2)(i): the item is subject because it is incorporated into an item a footnote-1 entity
        # ordered (reach (A)); the licence applies "to any end user or party" even when none is listed
        pol = ctx.get("fdp.fn1.review_policy")
        gen = (req.item.fdp.telecom_generation if req.item.fdp else None) or ""
        policy = str(pol["below_5g"] if gen.upper() in LOW_GENERATIONS and "below_5g" in pol else pol["default"])
        f.bases.append(Basis("EL-FDP-fn1", ctx.cite("fdp.fn1"), policy, rules=("fdp.fn1", "fdp.fn1.review_policy")))
        les = ctx.get("fdp.fn1.license_exceptions")
        if les["available"]:
            f.notes.append(f"licence exceptions possible under § 744.11(a)(2)(i) if their terms are met: {les['why']}")
        else:
            f.barred(ALL, str(les["why"]), ctx.cite("fdp.fn1.license_exceptions"))
    if not listed:
        return
    roles = ctx.get("el.party_roles")
    for info in listed:
        if info.role not in roles:
            f.notes.append(f"{info.label} is listed but its role {info.role.value} is not a 748.5 role")
            continue
        footnote = next((n for n in info.el_footnotes if juris.via == f"fdp_fn{n}"), None)
        if footnote is not None:
            _footnote_basis(ctx, footnote, info, f)
        elif info.el_group:
            _group_basis(ctx, req, info, juris, f)
        elif info.el_entry is not None:
            _entry_basis(ctx, info, f, req)
        else:
            f.bases.append(Basis("EL", "15 CFR 744.11(a); Supp. No. 4 to Part 744", "see the entry",
                                 party=info.label,
                                 indeterminate="the Entity List entry's licence requirement and policy are not known "
                                 "(load the lists or give the entry)"))


def affiliates(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo], f: Findings) -> None:
    owned = [p for p in parties if p.owners]
    if not owned:
        return
    rule = ctx.get("el.affiliates")
    if not rule["in_force"]:
        f.notes.append(f"ownership not considered: {ctx.cite('el.affiliates')}")
        return
    for info in owned:
        listed: list[tuple[str, str, Any]] = []  # (owner, its entry's policy, share)
        for owner in info.owners:
            if owner.undecided_on(OWNER_LISTS):
                raise MissingFact(str(owner.problem), fact="parties.ownership")
            policy = None
            if owner.group is not None:
                policy = str(ctx.get(f"el.group.{owner.group}.review_policy"))
            elif owner.dated_key is None and owner.entry is not None:
                policy = (owner.entry.license_policy or "").lower()
            if policy:
                listed.append((owner.label, policy, owner.pct))
        # "owned 50 percent or more, individually or in the aggregate, directly or indirectly, by one or more
        # listed entities": the shares of all listed owners add up (§ 744.11(a)(1) as in force)
        total = sum((pct for _, _, pct in listed), start=0)
        if listed and total >= rule["threshold_pct"]:
            owners = ", ".join(f"{pct} % {name}" for name, _, pct in listed)
            policy = min((p for _, p, _ in listed), key=lambda text: _rank(ctx, text))
            f.bases.append(Basis(
                "EL-AFFILIATE",
                f"{ctx.cite('el.affiliates')}; {total} % owned, individually or in aggregate, by listed {owners}",
                policy,
                party=info.label,
                rules=("el.affiliates",),
            ))
            f.barred(ALL, "Entity List restrictions inherited by the affiliate", "15 CFR 744.11(a)(1)")


def _rank(ctx: Ctx, policy: str) -> int:
    """Position of a review policy in the order of restrictiveness (most restrictive first)."""
    return _position(ctx.get("policy.order"), policy)


def _position(order: list[Any], policy: str) -> int:
    text = policy.lower()
    for i, p in enumerate(order):  # (the first policy named: the lowest position)
        if str(p) in text:
            return i
    return len(order)


def _chart_exceptions(ctx: Ctx, facts: frozenset[Fact], eccn: Eccn, dest: str, f: Findings,
                      hits: list[Basis]) -> tuple[int, str, str, tuple[str, ...]] | None:
    """The list-based exceptions; LVS, whose answer depends on the order's value, is returned as
    (limit, line, citation, covers) for the caller to compare outside the cache."""
    flags: dict[str, Any] = ccl_entry(ctx, eccn)["le"]
    grp = groups(ctx, dest)
    codes = tuple(sorted({b.code for b in hits}))
    ns = tuple(c for c in codes if c.startswith("NS"))
    reasons = {b.code.rstrip("123") for b in hits}
    # a reason that may not apply (a condition in words, a sub-paragraph) and is all that makes LVS/GBS N/A: a question
    sure = {b.code.rstrip("123") for b in hits if b.indeterminate is None}
    lvs: tuple[int, str, str, tuple[str, ...]] | None = None
    for sym in ("LVS", "GBS"):
        flag = str(flags.get(sym, ""))
        if not flag or (flag.upper().startswith("N/A") and "for" not in flag[:8]):
            continue
        key = f"le.{sym}"
        rule = ctx.get(key)
        if dest in rule.get("suspended", {}):
            f.barred(sym, str(rule["suspended"][dest]), ctx.cite(key))
            continue
        if not grp & set(rule["groups"]):
            f.barred(sym, f"{dest} is not in Country Group B", ctx.cite(key))
            continue
        scope_key = f"740.{sym.lower()}.{eccn.base}"
        cite = f"{ctx.cite(key)}; {ctx.cite(scope_key)}"
        if sym == "LVS":
            where = (dest, grp, frozenset(chart_row(ctx, dest)["marks"]))
            limit, line = le_scopes.lvs_limit(ctx, eccn, reasons, *where)
            if limit is None and sure != reasons and le_scopes.lvs_limit(ctx, eccn, sure, *where)[0] is not None:
                _unsure_le(f, sym, line, reasons - sure, cite)
            elif limit is None:
                f.barred(sym, line, cite)
            elif (cond := le_scopes.na_condition(ctx, "740.lvs", eccn)) is not None:
                _le_condition(f, sym, cond, cite)
            else:
                # a footnote requirement (firearms to AU/GB, UN, § 742 special provisions) is not an LVS line's
                lvs = (limit, line, cite,
                       tuple(c for c in codes if c not in {"FN10", "UN"} and not c.startswith("742.")))
            continue
        ok, why = le_scopes.gbs(ctx, eccn, reasons)
        if not ok and sure != reasons and le_scopes.gbs(ctx, eccn, sure)[0]:
            _unsure_le(f, sym, why, reasons - sure, cite)
        elif ok and (cond := le_scopes.na_condition(ctx, "740.gbs", eccn)) is not None:
            _le_condition(f, sym, cond, cite)
        elif ok and not ns:  # § 740.4: "a license requirement ... for national security reasons only"
            f.barred(sym, f"GBS overcomes national security licence requirements only (§ 740.4); here: "
                          f"{', '.join(codes)}", cite)
        elif ok:
            f.available(sym, why if ns == codes else f"{why}; national security bases only (§ 740.4)", cite,
                        covers=ns)
        else:
            f.barred(sym, why, cite)
    tsr = " ".join(str(flags.get("TSR", "")).split()).rstrip(".")
    if tsr.startswith("Yes"):
        _tsr(ctx, facts, eccn, (reasons, sure), grp, codes, dest, f)
    sta = ctx.get("le.STA")
    sta_bar = le_scopes.sta_bar(ctx, eccn, grp) if grp & (set(sta["groups"]) | set(sta["ns_only_groups"])) else None
    a9 = ctx.find("740.2.a9")
    if dest in sta["not_offered"]:
        f.barred("STA", str(sta["not_offered"][dest]), ctx.cite("le.STA"))
    elif a9 and (eccn.base in a9["eccns"] or (a9["z_paragraphs"] and eccn.paragraph[:1] == ("z",))):
        f.barred("STA", str(a9["text"]), ctx.cite("740.2.a9"))
    elif sta_bar is not None:
        f.barred("STA", sta_bar, f"{ctx.cite('le.STA')}; {ctx.cite(f'740.sta.{eccn.base}')}")
    elif grp & set(sta["groups"]):
        allowed = set(sta["reasons"])
        covered = tuple(c for c in codes if not allowed or c.rstrip("123") in allowed)
        if covered:
            only = "" if covered == codes else f" (for {', '.join(covered)} only: § 740.20(c)(1) reasons)"
            f.available("STA", "conditions of 740.20 apply" + only, ctx.cite("le.STA"), covers=covered)
        else:
            f.barred("STA", f"STA does not overcome {', '.join(codes)} (§ 740.20(c)(1) reasons only)",
                     ctx.cite("le.STA"))
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
    return lvs


def _tsr(ctx: Ctx, facts: frozenset[Fact], eccn: Eccn, why_reasons: tuple[set[str], set[str]], grp: frozenset[str],
         codes: tuple[str, ...], dest: str, f: Findings) -> None:
    """§ 740.6 TSR where the ECCN's TSR line grants it for the item's paragraph (``740.tsr.<ECCN>``, generated from
    the line: "Yes", "Yes, except N/A for MT", "Yes, except 2E003.b, .e and .f"; a part excepted in words grants
    nothing): national security requirements only, to Country Group B, with the written assurance stated."""
    rule = ctx.get("le.TSR")
    cite = ctx.cite("le.TSR")
    covered = tuple(c for c in codes if c.rstrip("123") in rule["reasons"])
    reasons, sure = why_reasons
    ok, line = le_scopes.tsr(ctx, eccn, reasons)
    key = f"740.tsr.{eccn.base}"
    line_cite = f"{cite}; {ctx.cite(key)}" if ctx.find(key) is not None else cite  # (no rule: the line is 'N/A')
    if not ok and sure != reasons and le_scopes.tsr(ctx, eccn, sure)[0]:
        _unsure_le(f, "TSR", line, reasons - sure, line_cite)
    elif not ok:
        f.barred("TSR", line, line_cite)
    elif (cond := le_scopes.na_condition(ctx, "740.tsr", eccn)) is not None:
        _le_condition(f, "TSR", cond, line_cite)
    elif dest in rule.get("suspended", {}):
        f.barred("TSR", str(rule["suspended"][dest]), cite)
    elif not grp & set(rule["groups"]):
        f.barred("TSR", f"{dest} is not in Country Group B", cite)
    elif covered != codes:
        f.barred("TSR", f"TSR overcomes national security licence requirements only (§ 740.6(a)); here: "
                        f"{', '.join(codes)}", cite)
    elif Fact(rule["needs_fact"]) not in facts:
        f.barred("TSR", f"the consignee's written assurance (§ 740.6(a)(3)) is not stated: state {rule['needs_fact']} "
                        "once it is received", cite)
    else:
        f.available("TSR", f"national security requirements only, Country Group B, written assurance received "
                           f"(§ 740.6(a)); {line}", line_cite, covers=covered)


def _le_condition(f: Findings, sym: str, cond: str, cite: str) -> None:
    """An exception the ECCN's line takes away from the item's paragraph on a condition in words: an open question
    (never offered; no fact answers it)."""
    f.questions.append(Question(f"{sym} ({cite}): {cond}; it is available if the condition is not met (a person "
                                "checks)", fact="to_confirm"))


def _unsure_le(f: Findings, sym: str, why: str, open_reasons: set[str], cite: str) -> None:
    """An exception N/A only for a reason for control that may not apply to the item: an open question."""
    f.questions.append(Question(f"{sym} ({cite}): {why}; it is available if {', '.join(sorted(open_reasons))} does "
                                "not apply to the item (see the open question on that reason)", fact="to_confirm"))


def chart(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo], f: Findings) -> None:
    """GP1/GP2/GP3 bases from the CCL and the Country Chart, with the list-based licence exceptions."""
    if juris.via == "fdp_fn1":
        return  # licence requirements of the footnote-1 rule only (§ 744.11(a)(2))
    kind = str(juris.no_de_minimis_rule["kind"]) if juris.no_de_minimis_rule else None
    # (a CCL row's condition in words: the facts stated, else as the description states them)
    enc = req.facts & {Fact.ENC_ELIGIBLE, Fact.ENC_NOT_ELIGIBLE, Fact.TSR_WRITTEN_ASSURANCE} | (
        req.facts & CONDITION_FACTS or condition_facts(req.item.description))
    eccn = req.item.eccn
    # a transfer (in-country) of an item subject by its US origin: General Prohibition One and the Country Chart
    # cover exports and reexports only (§ 736.2(b)(1)); only rows reaching "to or within" a destination apply
    # (adversarial R14-32). A foreign-made item subject by de minimis or a direct-product rule keeps the chart
    # (General Prohibitions Two and Three are not read for transfers: fail closed)
    transfer = req.transaction is Transaction.TRANSFER and req.from_country == dest and juris.via == "origin"
    part, lvs = ctx.memo(("chart", eccn, dest, kind, enc, transfer), _chart, ctx, eccn, dest, kind, enc, transfer)
    f.bases.extend(part.bases)
    f.exceptions.extend(_enc_government(ctx, req, dest, parties, part.exceptions, f))
    f.questions.extend(part.questions)
    f.notes.extend(part.notes)
    _shipped_from_d5(ctx, req, f)
    if lvs is not None:  # the value test is outside the cache: the chart answer does not depend on the value
        limit, line, cite, covers = lvs
        ok, why = le_scopes.lvs_value(limit, req.item.value, line)
        if ok and (currency := _foreign_currency(ctx, req.item.description)):
            # (the value given may be an amount in that currency: the limit is in dollars)
            rule = ctx.get("740.3.currency")
            f.questions.append(Question(f"{rule['question']} ({currency}; {ctx.cite('740.3.currency')})",
                                        fact="item.value"))
            f.barred("LVS", f"the description names an amount in {currency}, the LVS limit is in US dollars", cite)
        elif ok and (split := _part_of_an_order(ctx, req.item.description)
                     or tuple(filter(None, [order_value_by_units(req.item.description, _as_float(req.item.value))]))):
            # (the value given may be one shipment's: the limit is the order's, which may not be split)
            rule = ctx.get("740.3.order_words")
            f.questions.append(Question(f"{rule['question']} ({', '.join(split)}; {ctx.cite('740.3.order_words')})",
                                        fact="item.value"))
            f.barred("LVS", "the description says the shipment is part of a larger order", cite)
        elif ok:
            f.available("LVS", why, cite, covers=covers)
        else:
            f.barred("LVS", why, cite)


_FOREIGN_DOLLAR = re.compile(r"(?<![A-Za-z])(?:C|CA|A|AU|NZ|HK|NT|S|SG|R|MX|Z)\$")
_USD_SIGN = re.compile(r"(?<![A-Za-z])\$")


def _foreign_currency(ctx: Ctx, description: str | None) -> str | None:
    """The other currency an item's description names -- a sign of rule ``740.3.currency`` as written, a dollar sign
    with another country's prefix, or a code or name next to a figure -- when it names no US dollars; else None."""
    if not description:
        return None
    rule = ctx.get("740.3.currency")
    text = " " + re.sub(r"\s+", " ", fold(description)[0].lower()) + " "
    by_figure = _by_figure(tuple(rule["codes"])).search(text)
    foreign = next(g for g in by_figure.groups() if g) if by_figure else None
    sign = next((ch for ch in description if ch in rule["symbols"]), None)
    dollar = _FOREIGN_DOLLAR.search(description)
    found = sign or (dollar.group(0) if dollar else None) or foreign
    if found is None:
        return None
    usd = any(f" {u} " in text for u in rule["usd"]) or "us$" in description.lower().replace(" ", "") \
        or (_USD_SIGN.search(_FOREIGN_DOLLAR.sub("", description)) is not None)
    return None if usd else found


@lru_cache(maxsize=8)
def _by_figure(codes: tuple[str, ...]) -> re.Pattern[str]:
    """One expression finding a currency word of ``codes`` next to a figure in a folded text ('eur 2 900', '2 900
    euros', 'eur2 900'): its first group before a figure, its second after one."""
    words = "|".join(re.escape(c) for c in sorted(codes, key=len, reverse=True))
    return re.compile(rf"(?<![a-z])({words}) ?[0-9]|[0-9] ?({words})(?![a-z])")


def _part_of_an_order(ctx: Ctx, description: str | None) -> tuple[str, ...]:
    """The words of rule ``740.3.order_words`` in the item's description (folded): it says the shipment is part of
    a larger order."""
    if not description:
        return ()
    text = " " + re.sub(r"\s+", " ", fold(description)[0].lower()) + " "
    rule = ctx.get("740.3.order_words")
    found = [w.strip() for w in rule["words"] if w in text]
    found += [m.group(0) for p in rule.get("patterns") or () if (m := re.search(p, text))]
    return tuple(found)


# a quantity and a unit price written in an item description ("quantity 4, unit price USD 450", "4 units at USD 450
# each"): with the value given, their product tells whether the value is the order's (§ 740.3(d)) -- adversarial
# R49b-04: value 450, the order 4 x 450 = 1,800 against a $500 LVS limit
_QUANTITY = re.compile(r"\b(?:quantity|qty)\.?:? ?(\d{1,6})\b|\b(\d{1,6}) ?(?:units?|pcs|pieces?|kits?|sets?|ea)\b")
_UNIT_PRICE = re.compile(r"\b(?:unit price|price per unit|unit cost|price each)\b:? ?(?:usd|us\$|\$)? ?"
                         r"(\d[\d,]*(?:\.\d+)?)"
                         r"|(?:usd|us\$|\$) ?(\d[\d,]*(?:\.\d+)?) ?(?:each|per unit|per piece|apiece|a unit)\b")


def _as_float(value: Fraction | float | None) -> float | None:
    return None if value is None else float(value)


def order_value_by_units(description: str | None, value: float | None) -> str | None:
    """The quantity x unit price a description states when it is more than the value given (the value given may
    be one unit's or one shipment's, the LVS limit is the order's); None otherwise."""
    if not description or value is None:
        return None
    text = description.lower()
    q, u = _QUANTITY.search(text), _UNIT_PRICE.search(text)
    if q is None or u is None:
        return None
    quantity = int(q.group(1) or q.group(2))
    price = float((u.group(1) or u.group(2)).replace(",", ""))
    total = quantity * price
    if quantity > 1 and total > float(value) * 1.01:
        return f"quantity {quantity} x unit price {price:,.2f} = {total:,.2f}, more than the value given ({value:,})"
    return None


def _shipped_from_d5(ctx: Ctx, req: Request, f: Findings) -> None:
    """§ 740.2(a)(12): no licence exception (but GOV, which the engine never offers by itself) for a 9x515 or "600
    series" item "destined to, shipped from, or ... manufactured in" a Country Group D:5 destination. The destination
    side is the chart's (``policy.600_series_d5``); this bars the exceptions when the route starts in, or the item
    was made in, a D:5 country on the date (adversarial R9-48: 0A606.x reexported from Beirut to Amman)."""
    eccn = parse_eccn(req.item.eccn) if req.item.eccn else None
    if eccn is None or not eccn.is_600_series:
        return
    def d5(country: str) -> bool:
        try:
            return "D:5" in groups(ctx, country)
        except CannotClear:
            return True  # no Country Groups known for it: fail closed (the bar takes only licence exceptions)

    where = [(c, what) for c, what in ((req.from_country, "shipped from"), (req.item.origin, "manufactured in"))
             if c and c not in ("US", UNSPECIFIED) and d5(c)]
    if where:
        c, what = where[0]
        f.barred(ALL, f"§ 740.2(a)(12): a 9x515 or 600 series item {what} {c}, a Country Group D:5 destination: no "
                      "licence exception but GOV", "15 CFR 740.2(a)(12)")


def _enc_government(ctx: Ctx, req: Request, dest: str, parties: list[PartyInfo], found: list[LicenseException],
                    f: Findings) -> list[LicenseException]:
    """ENC offered, a party whose name denotes a 'government end user' and a destination outside Supp. No. 3 to
    Part 740: § 740.17(b)(2) makes ENC a question (adversarial R5-19), unless not_government_end_user is stated.
    While the rule data's Supp. No. 3 list is not verified (``supp3_verified``), the question is asked there too."""
    # (a party whose name denotes a military end user -- armed services and police are government end users -- or
    # is in a script those words do not read: 744.21.name_signals, in every language it holds; adversarial R39-30)
    signs = {p.label: list(p.government) + [w for k, w in p.name_signals if k == "744.21.name_signals"]
             for p in parties}
    if not any(x.symbol == "ENC" and x.status is LeStatus.AVAILABLE for x in found) \
            or Fact.NOT_GOVERNMENT_END_USER in req.facts or not any(signs.values()):
        return found
    rule = ctx.get("740.17.government")
    if dest in rule["supp3"] and rule.get("supp3_verified"):
        return found
    who = next(p for p in parties if signs[p.label])
    held = "" if dest not in rule["supp3"] else (
        f" -- {dest} is in the rule data's Supp. No. 3 list, but that list is not verified against the eCFR "
        "(check Supplement No. 3 to Part 740 as in force on the order date)")
    f.questions.append(Question(f"{rule['question']} ('{who.label}': {', '.join(dict.fromkeys(signs[who.label]))}; "
                                f"{ctx.cite('740.17.government')}){held}", fact="facts.not_government_end_user"))
    return [x for x in found if x.symbol != "ENC"]


def _chart(ctx: Ctx, eccn_text: str | None, dest: str, no_de_minimis_kind: str | None, facts: frozenset[Fact],
           transfer: bool = False) -> tuple[Findings, tuple[int, str, str, tuple[str, ...]] | None]:
    """The chart findings: a function of exactly its arguments (its cache key), the rules and the epoch."""
    f = new_findings()
    eccn = parse_eccn(eccn_text) if eccn_text else None
    # (Country Groups only where they decide: a destination whose groups are not held, Hong Kong before 2020-12-23,
    # still answers for an item the chart leaves alone)
    six = no_de_minimis_kind == "content_600_series" or bool(eccn and eccn.is_600_series)
    d5 = six and dest != "XX" and "D:5" in groups(ctx, dest)
    if no_de_minimis_kind == "content_600_series" or (eccn and eccn.is_600_series and d5):
        pol = ctx.get("policy.600_series_d5")
        if d5:
            # a .y item is outside NS and the 600 series D:5 policy rows; its requirement is the RS row of
            # § 742.6(a)(7) (adversarial R5-24, R5-71): no basis of its own, the licence-exception bar kept
            if not (eccn and eccn.is_600_series and eccn.within("y")):
                f.bases.append(Basis(pol["code"], ctx.cite("policy.600_series_d5"), pol["policy"],
                                     rules=("policy.600_series_d5",)))
            f.barred(ALL, f"{pol['le_bar']}: 600 series to D:5", ctx.cite("policy.600_series_d5"))
            if eccn is None:
                return f, None
    if eccn is None:
        raise MissingFact("the item is subject to the EAR but not classified: give its ECCN (or EAR99)",
                          fact="item.eccn")
    hits = chart_hits(ctx, eccn, dest, facts & CONDITION_FACTS)
    if transfer:
        left = [h for h in hits if not h.in_country]
        if left:
            f.notes.append(f"transfer (in-country) within {dest}: the Country Chart rows "
                           f"{', '.join(h.code for h in left)} are not applied -- General Prohibition One covers "
                           "exports and reexports only (15 CFR 736.2(b)(1)); Parts 744 and 746 and the conditions of "
                           "the authorisation the item was exported under still apply")
        hits = tuple(h for h in hits if h.in_country)
    policies = ctx.get("policy.reason") if hits else {}
    bases = [
        Basis(h.code, h.cite, str(policies.get(h.reason, policies.get("OTHER"))), indeterminate=h.indeterminate,
              rules=(f"ccl.{eccn.base}", f"chart.{dest}", "policy.reason"))
        for h in hits
    ]
    f.bases.extend(bases)
    lvs = _chart_exceptions(ctx, facts, eccn, dest, f, bases) if bases else None
    return f, lvs


def overall_policy(ctx: Ctx, bases: list[Basis]) -> str:
    licence = OvercomeKind.LICENSE
    live = [b for b in bases if b.overcome_by is None or b.overcome_by.kind is licence]
    if not live:
        return "n/a"
    # (the first of the most restrictive, as min() with _rank as its key, the rule read once)
    order = ctx.get("policy.order")
    best, rank = live[0].policy, _position(order, live[0].policy)
    for b in live[1:]:
        r = _position(order, b.policy)
        if r < rank:
            best, rank = b.policy, r
    return best
