"""§ 740.2(a) restrictions on all licence exceptions that turn on the item's reasons for control: (a)(4) crime
control (§ 742.7) items, (a)(5) missile technology (MT) items (rules ``740.2.a4``, ``740.2.a5``).

"You may not use any License Exception if ...": a licence requirement for one of the rule's reasons (a Country Chart
basis, coded ``<reason><column>`` or ``<reason><column>@<country>`` for the country of ultimate destination) takes
away every licence exception the rule does not name, for the whole transaction -- unless the country of that
requirement is one of the rule's exempt destinations on the day (§ 740.2(a)(4)(i): Australia, Japan, New Zealand,
NATO). Only a certain basis bars: one that may not apply (a condition in words, a paragraph not given) leaves the
answer open anyway, and barring on it would turn that question into a wrong licence requirement."""

from __future__ import annotations

from clearance.model.decision import ALL_OTHERS, LeStatus, LicenseException
from clearance.model.determination import Basis, Request
from clearance.rules.context import Ctx
from clearance.rules.findings import Findings, Jurisdiction
from clearance.rules.parties import PartyInfo

RULES = ("740.2.a4", "740.2.a5")
_DIGITS = "0123456789"
_AVAILABLE = LeStatus.AVAILABLE  # (an enum class's attribute is read through its metaclass's __getattr__ hook)


def reason_and_country(basis: Basis, dest: str) -> tuple[str, str]:
    """The reason for control of a Country Chart basis code ('CC1' -> CC; 'MT1@BR' -> MT for BR) and its country."""
    code, _, country = basis.code.partition("@")
    return code.rstrip(_DIGITS), country or dest


def reason_bars(ctx: Ctx, req: Request, dest: str, juris: Jurisdiction, parties: list[PartyInfo],
                f: Findings) -> None:
    for x in f.exceptions:  # (the common case: no exception offered -- nothing to read)
        if x.status is _AVAILABLE:
            break
    else:
        return
    reasons = {reason_and_country(b, dest) for b in f.bases if b.indeterminate is None and b.overcome_by is None}
    if not any(r in ("CC", "MT") for r, _ in reasons):
        return  # (the rules are read only for an item they could concern: no trace entry otherwise)
    for key in RULES:
        rule = ctx.find(key)
        if rule is None:
            continue
        hits = sorted(f"{r} ({country})" for r, country in reasons
                      if r in rule["reasons"] and country not in rule["exempt_destinations"])
        if not hits:
            continue
        cite = ctx.cite(key)
        why = f"{rule['text']}; here: {', '.join(hits)}"
        barred = [x for x in f.exceptions if x.status is LeStatus.AVAILABLE and x.symbol not in rule["allowed"]]
        f.exceptions = [x for x in f.exceptions if x not in barred]
        f.exceptions += [LicenseException(x.symbol, LeStatus.BARRED, why, cite) for x in dict.fromkeys(barred)]
        f.barred(ALL_OTHERS, f"only {', '.join(rule['allowed']) or 'the exceptions the paragraph names'} ({why})",
                 cite)
