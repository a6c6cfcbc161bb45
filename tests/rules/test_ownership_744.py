"""Ownership by blocked and listed persons: OFAC's 50 % rule (never stayed) and the Part 744 affiliates rules for
MEU List and SDN owners (§§ 744.21(a)(3), 744.8(a)(2): FR Doc 2025-19001, stayed 2025-11-10 to 2026-11-09)."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from clearance.errors import CannotClear
from clearance.model.determination import Item, Outcome, Owner, Party, Request, Role
from clearance.model.regulation import RuleSet
from clearance.rules import Listings, determine
from clearance.rules.listings import ListingEntry, normalise_name

SDN = ListingEntry("sdn", "MAHAN AIR", entry_id="9001", programs=("SDGT", "IFSR"))
MEU = ListingEntry("meu", "Shenyang Aircraft Corporation", entry_id="meu-1")
LISTS = Listings({normalise_name(SDN.name): (SDN,), normalise_name(MEU.name): (MEU,)}, label="test lists")


def _order(day: str, owners: tuple[Owner, ...], eccn: str = "EAR99", to: str = "AE") -> Request:
    party = Party(Role.ULTIMATE_CONSIGNEE, "Unlisted aviation services LLC", to, ownership=owners)
    return Request(date=dt.date.fromisoformat(day), item=Item(eccn=eccn, origin="US"), to_country=to,
                   parties=(party,), id="own")


@pytest.mark.parametrize("day", ["2025-10-01", "2026-03-02", "2026-11-20"])  # before, during and after the stay
def test_sixty_percent_sdn_owned_is_blocked_whatever_the_ear_stay(rules: RuleSet, day: str) -> None:
    d = determine(_order(day, (Owner("Mahan Air", Fraction(60)),)), rules, LISTS)
    assert d.outcome is Outcome.PROHIBITED
    assert any("50 % rule" in n and "Mahan Air" in n for n in d.notes)


def test_shares_of_blocked_owners_add_up_and_fifty_percent_is_enough(rules: RuleSet) -> None:
    owners = (Owner("Mahan Air", Fraction(25)), Owner("Mahan Air", Fraction(25)), Owner("Acme", Fraction(50)))
    assert determine(_order("2026-03-02", owners), rules, LISTS).outcome is Outcome.PROHIBITED


def test_forty_nine_percent_is_not_blocked(rules: RuleSet) -> None:
    owners = (Owner("Mahan Air", Fraction(49)), Owner("Acme", Fraction(51)))
    assert determine(_order("2026-03-02", owners), rules, LISTS).outcome is Outcome.NO_LICENSE_REQUIRED


def test_an_unscreened_owner_that_could_carry_the_share_over_fifty_percent_cannot_clear(rules: RuleSet) -> None:
    owners = (Owner("Mahan Air", Fraction(30)), Owner("Unknown Holding", Fraction(30)))
    d = determine(_order("2026-03-02", owners), rules, None)
    assert d.outcome is Outcome.CANNOT_CLEAR


def test_sdn_affiliate_gets_the_744_8_basis_after_the_stay(rules: RuleSet) -> None:
    d = determine(_order("2026-11-20", (Owner("Mahan Air", Fraction(60)),)), rules, LISTS)
    assert d.outcome is Outcome.PROHIBITED and any(b.code == "744.8" for b in d.bases)
    during = determine(_order("2026-03-02", (Owner("Mahan Air", Fraction(60)),)), rules, LISTS)
    assert not any(b.code == "744.8" for b in during.bases)  # the EAR part is stayed; the OFAC block stands


def test_meu_affiliate_needs_a_licence_for_a_supp2_item_after_the_stay_only(rules: RuleSet) -> None:
    owners = (Owner("Shenyang Aircraft Corporation", Fraction(60)),)
    after = determine(_order("2026-11-20", owners, eccn="3A991", to="CN"), rules, LISTS)
    assert after.outcome is Outcome.LICENSE_REQUIRED and any(b.code == "MEU" for b in after.bases)
    during = determine(_order("2026-03-02", owners, eccn="3A991", to="CN"), rules, LISTS)
    assert during.outcome is Outcome.NO_LICENSE_REQUIRED
    ear99 = determine(_order("2026-11-20", owners, eccn="EAR99", to="CN"), rules, LISTS)
    assert ear99.outcome is Outcome.NO_LICENSE_REQUIRED  # MEU List restrictions: Supp. No. 2 items only


# --- ownership chains (issue 9 kind 4): an owner the order gives its own owners for --------------------------------


def _via(name: str, pct: int, *owners: Owner) -> Owner:
    return Owner(name, Fraction(pct), owners)


def test_a_holding_blocked_under_the_50_percent_rule_passes_the_block_on(rules: RuleSet) -> None:
    # OFAC: Mahan Air owns 50 % of Holding D (blocked), D owns 50 % of Holding C (blocked), C owns the customer
    chain = (_via("Holding C", 100, _via("Holding D", 50, Owner("Mahan Air", Fraction(50)))),)
    d = determine(_order("2024-06-01", chain), rules, LISTS)
    assert d.outcome is Outcome.PROHIBITED
    assert any("Holding C" in n and "Holding D" in n and "Mahan Air" in n for n in d.notes)


def test_direct_and_indirect_blocked_shares_add_up(rules: RuleSet) -> None:
    # 10 % directly plus 40 % through a holding Mahan Air owns 50 % of: 50 % owned by blocked persons
    owners = (Owner("Mahan Air", Fraction(10)), _via("Holding C", 40, Owner("Mahan Air", Fraction(50))))
    assert determine(_order("2024-06-01", owners), rules, LISTS).outcome is Outcome.PROHIBITED


def test_a_share_held_through_an_unblocked_holding_does_not_count(rules: RuleSet) -> None:
    # Mahan Air owns 49 % of the holding: the holding is not blocked, so its 40 % does not count (no multiplying)
    owners = (Owner("Mahan Air", Fraction(10)), _via("Holding C", 40, Owner("Mahan Air", Fraction(49))))
    assert determine(_order("2024-06-01", owners), rules, LISTS).outcome is Outcome.NO_LICENSE_REQUIRED


def test_an_unscreened_owner_up_the_chain_cannot_clear(rules: RuleSet) -> None:
    # the customer is given as unlisted; the holding's owners cannot be screened (no lists): 60 % may be blocked
    owners = (_via("Holding C", 60, Owner("Unknown Holding", Fraction(50))),)
    party = Party(Role.ULTIMATE_CONSIGNEE, "Unlisted aviation services LLC", "AE", listings=(), ownership=owners)
    order = Request(date=dt.date(2026, 3, 2), item=Item(eccn="EAR99", origin="US"), to_country="AE", parties=(party,))
    d = determine(order, rules, None)
    assert d.outcome is Outcome.CANNOT_CLEAR and "Unknown Holding" in d.reasons[0] and "Holding C" in d.reasons[0]
    small = (_via("Holding C", 40, Owner("Unknown Holding", Fraction(50))),)  # 40 % cannot reach 50 %
    party = Party(Role.ULTIMATE_CONSIGNEE, "Unlisted aviation services LLC", "AE", listings=(), ownership=small)
    order = Request(date=dt.date(2026, 3, 2), item=Item(eccn="EAR99", origin="US"), to_country="AE", parties=(party,))
    assert determine(order, rules, None).outcome is Outcome.NO_LICENSE_REQUIRED


def test_meu_restrictions_pass_down_a_chain_after_the_stay_only(rules: RuleSet) -> None:
    chain = (_via("Holding E", 100, Owner("Shenyang Aircraft Corporation", Fraction(50))),)
    after = determine(_order("2026-11-10", chain, eccn="3A991", to="CN"), rules, LISTS)
    assert after.outcome is Outcome.LICENSE_REQUIRED and any(b.code == "MEU" for b in after.bases)
    last_stayed = determine(_order("2026-11-09", chain, eccn="3A991", to="CN"), rules, LISTS)
    assert last_stayed.outcome is Outcome.NO_LICENSE_REQUIRED


# --- an owner whose screening is undecided on one list only (adversarial R9-42 / R9-43) ----------------------------

EL_ENTRY = ListingEntry("el", "Dahua Technology", entry_id="el-dahua", license_policy="Presumption of denial")


def _undecided_on(code: str, found: tuple[ListingEntry, ...] = ()) -> Listings:
    """Screening that finds ``found`` near-certain and a possible match on ``code`` it cannot decide."""
    def resolve(name: str) -> tuple[ListingEntry, ...]:
        if name == "Unlisted aviation services LLC":
            return ()
        raise CannotClear(f"party {name!r}: possible match with {code} entry 1", lists=(code,), found=found)
    return Listings(label="test screening", resolver=resolve)


def test_an_owners_possible_dpl_match_is_not_a_possible_sdn_owner(rules: RuleSet) -> None:
    # the stay of the affiliates rule: only OFAC's 50 % rule reads owners, and it concerns SDN owners only
    d = determine(_order("2025-11-10", (Owner("Zhejiang Dahua Technology", Fraction(60)),), to="MY"),
                  rules, _undecided_on("dpl", (EL_ENTRY,)))
    assert d.outcome is Outcome.NO_LICENSE_REQUIRED, d.reasons


def test_an_owners_listing_found_beside_a_possible_match_elsewhere_still_counts(rules: RuleSet) -> None:
    # the day before the stay: the owner's Entity List HIT makes the affiliate need a licence
    d = determine(_order("2025-11-09", (Owner("Zhejiang Dahua Technology", Fraction(60)),), to="MY"),
                  rules, _undecided_on("dpl", (EL_ENTRY,)))
    assert d.outcome is Outcome.LICENSE_REQUIRED and any(b.code == "EL-AFFILIATE" for b in d.bases)


@pytest.mark.parametrize("day", ["2025-11-09", "2025-11-10"])
def test_an_owners_possible_sdn_match_is_asked(rules: RuleSet, day: str) -> None:
    d = determine(_order(day, (Owner("Some Holding", Fraction(60)),), to="MY"), rules, _undecided_on("sdn"))
    assert d.outcome is Outcome.CANNOT_CLEAR and "Some Holding" in " ".join(d.reasons)


def test_an_owners_possible_el_match_is_asked_while_the_affiliates_rule_is_in_force(rules: RuleSet) -> None:
    owners = (Owner("Some Holding", Fraction(60)),)
    assert determine(_order("2025-11-09", owners, to="MY"), rules, _undecided_on("el")).outcome is Outcome.CANNOT_CLEAR
    assert determine(_order("2025-11-10", owners, to="MY"), rules,
                     _undecided_on("el")).outcome is Outcome.NO_LICENSE_REQUIRED
