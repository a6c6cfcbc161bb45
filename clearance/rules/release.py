"""§ 734.13(b): a release of technology or source code in the United States is a (deemed) export only when it is made
to a foreign person. A release there to a 'U.S. person' (§ 772.1), stated as fact ``us_person_recipient``, is no
export at all, so no licence requirement of the EAR reaches it (rule ``734.13.us_person_release``; adversarial R8-35).

Fail closed: only a release (transaction ``release``) from the United States that does not take place in the
destination (nor is stated to be a deemed release, to a foreign person), and only when no party is on a list the
engine applies -- a listed party contradicts the stated fact, and the licence steps then run as for any release."""

from __future__ import annotations

from clearance.model.determination import Fact, Request, Transaction
from clearance.rules.context import Ctx
from clearance.rules.parties import PartyInfo

KEY = "734.13.us_person_release"
_RELEASE, _US_PERSON_RECIPIENT = Transaction.RELEASE, Fact.US_PERSON_RECIPIENT  # (enum class attributes, read once)


def _listed(p: PartyInfo) -> bool:
    return bool(p.on_el or p.uvl or p.meu or p.dpl or p.sdn or p.mieu_org or p.el_footnotes or p.sdn_owned)


def not_an_export(ctx: Ctx, req: Request, parties: list[PartyInfo]) -> str | None:
    """The note saying why the release is not an export; None when the rule does not apply to the request."""
    if req.transaction is not _RELEASE or _US_PERSON_RECIPIENT not in req.facts:
        return None
    if req.from_country != "US" or req.facts & {Fact.RELEASE_IN_DESTINATION, Fact.DEEMED_RELEASE} \
            or any(_listed(p) for p in parties):
        return None
    rule = ctx.get(KEY)
    return f"{rule['text']} ({ctx.cite(KEY)})"
