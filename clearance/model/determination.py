"""Determination requests: what the EAR engine reads (the record it answers is in clearance.model.decision).

All objects are frozen and hashable, so equal requests can share cached sub-results and whole
batches can be shipped to worker processes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from clearance.model.decision import Basis, Determination, Outcome


class Transaction(StrEnum):
    EXPORT = "export"
    REEXPORT = "reexport"
    EXPORT_FROM_ABROAD = "export_from_abroad"
    TRANSFER = "transfer"  # transfer (in-country)
    RELEASE = "release"  # release of technology or source code


class Role(StrEnum):
    """Party roles of 15 CFR 748.5(c)-(f), and the exporter itself.

    EXPORTER is whoever exports, reexports or transfers the item (the order's ``exporter``, § 772.1): it is screened
    for what binds whoever exports -- a denial order (General Prohibition 4, § 736.2(b)(4)) and OFAC blocking -- and
    no rule that concerns the parties receiving the item (Entity List, MEU, end uses) reads it.
    """

    PURCHASER = "purchaser"
    INTERMEDIATE_CONSIGNEE = "intermediate_consignee"
    ULTIMATE_CONSIGNEE = "ultimate_consignee"
    END_USER = "end_user"
    EXPORTER = "exporter"


class Fact(StrEnum):
    """Facts (knowledge) that rules test; the engine never infers them from free text."""

    MILITARY_END_USE = "military_end_use"  # knowledge of a § 744.21 military end use
    MILITARY_END_USER = "military_end_user"
    MILITARY_INTELLIGENCE = "military_intelligence_end_use"  # § 744.22
    STANDARDS_DEVELOPMENT = "standards_development"  # release for the development of a standard
    TGL_EXISTING_NETWORKS = "tgl_existing_networks"  # Huawei TGL activities (84 FR 23468 ff.)
    TGL_EXISTING_HANDSETS = "tgl_existing_handsets"
    TGL_CYBERSECURITY = "tgl_cybersecurity_research"
    TGL_5G_STANDARDS = "tgl_5g_standards"
    INCORPORATED_FOR_FN1 = "incorporated_for_fn1_entity"  # V2 reach (A): part of an item a fn-1 entity orders
    ENC_ELIGIBLE = "enc_eligible"  # classification facts establishing License Exception ENC
    ENC_NOT_ELIGIBLE = "enc_not_eligible"
    FOOD_OR_MEDICINE = "food_or_medicine"  # EAR99 item that is "food" or "medicine" as defined in § 772.1
    NOT_FOOD_OR_MEDICINE = "not_food_or_medicine"  # EAR99 item that is neither (Part 746 carve-outs)
    SUPERCOMPUTER = "supercomputer"  # § 744.23(a)(1): for a supercomputer in/destined to Macau or D:5
    ADVANCED_NODE_IC = "advanced_node_ic_production"  # § 744.23(a)(2)(i): at a Macau/D:5 advanced-node fab
    IC_PRODUCTION_UNKNOWN_NODE = "ic_production_unknown_node"  # § 744.23(a)(2)(ii): Macau/D:5 fab, node unknown
    EAR99_NOT_LISTED_746 = "ear99_not_listed_part_746"  # checked: no Part 746 supplement lists the EAR99 item
    UKRAINE_COVERED_REGION = "ukraine_covered_region"  # destination in Crimea or the covered regions (§ 746.6)
    UKRAINE_OTHER_REGION = "ukraine_outside_covered_regions"
    SUPP2_LIMITATION_MET = "supp2_limitation_met"  # the item meets the words of its Supp. No. 2 to Part 744 entry
    SUPP2_LIMITATION_NOT_MET = "supp2_limitation_not_met"
    NOT_MILITARY_END_USER = "not_military_end_user"  # checked: no party is a § 744.21(g) military end user
    NOT_MILITARY_END_USE = "not_military_end_use"  # checked: the stated end use is not a § 744.21(f) military end use
    NOT_MILITARY_INTELLIGENCE = "not_military_intelligence_end_user"  # checked: no § 744.22(f)(2) end user
    NOT_WMD_END_USER = "not_wmd_end_user"  # checked: no party is a §§ 744.2-744.4 end user, whatever its name says
    NUCLEAR_END_USE = "nuclear_end_use"  # § 744.2(a)(1)-(3): nuclear explosive, unsafeguarded or fuel-cycle activity
    MISSILE_END_USE = "missile_end_use"  # § 744.3(a): rocket systems or unmanned aerial vehicles
    MISSILE_RANGE_BELOW_300KM = "missile_range_below_300km"  # those rocket systems/UAVs cannot reach 300 km
    WMD_DELIVERY = "wmd_delivery"  # § 744.3(a)(2): for the delivery of chemical, biological or nuclear weapons
    NOT_WMD_DELIVERY = "not_wmd_delivery"  # determined: not for the delivery of such weapons
    CBW_END_USE = "cbw_end_use"  # § 744.4(a): chemical or biological weapons
    CW_PRECURSOR_PLANT = "cw_precursor_plant"  # § 744.4(a): a whole plant to make ECCN 1C350 precursors
    DEEMED_RELEASE = "deemed_release"  # a release in the US or a third country to a foreign person (§ 734.13(b))
    RELEASE_IN_DESTINATION = "release_in_destination"  # the release takes place in the destination country
    HEADQUARTERED_MACAU_D5 = "headquartered_macau_d5"  # § 744.23(a)(3): the party or its ultimate parent is HQ'd there
    NOT_HEADQUARTERED_MACAU_D5 = "not_headquartered_macau_d5"
    END_USE_OUTSIDE_MACAU_D5 = "end_use_located_outside_macau_d5"  # § 744.23(a)(1)/(2): the end use is elsewhere
    NO_US_PERSON_INVOLVED = "no_us_person_involved"  # § 744.6: no U.S. person ships, facilitates or services it
    MICROPROCESSOR_744_17 = "microprocessor_744_17"  # § 744.17(a): >= 5 GFLOPS and a 32-bit or wider ALU
    NOT_MICROPROCESSOR_744_17 = "not_microprocessor_744_17"  # checked: the item is not (nor is for) one
    CCL_CONDITION_MET = "ccl_condition_met"  # the item meets the CCL row's condition in words for its paragraph
    CCL_CONDITION_NOT_MET = "ccl_condition_not_met"
    MARITIME_NUCLEAR_PROPULSION = "maritime_nuclear_propulsion"  # § 744.5: for a foreign maritime nuclear propulsion
    NOT_MARITIME_NUCLEAR_PROPULSION = "not_maritime_nuclear_propulsion"
    NOT_GOVERNMENT_END_USER = "not_government_end_user"  # checked: no party is a 'government end user' (§ 772.1)
    VESSEL_AIRCRAFT_CHECKED = "vessel_aircraft_countries_checked"  # § 744.7(a)(1)-(3) checked for the vessel/aircraft
    TSR_WRITTEN_ASSURANCE = "tsr_written_assurance"  # § 740.6(a)(3): the consignee's written assurance was received
    US_PERSON_RECIPIENT = "us_person_recipient"  # a release in the US to a U.S. person (§ 772.1): not an export
    END_USE_CHECKED = "end_use_checked"  # checked: the end use in words is none of the end uses of Part 744


@dataclass(frozen=True, slots=True)
class UsInput:
    """One US-origin component of a foreign-made item (bill of materials line)."""

    eccn: str | None
    value: Fraction | None
    description: str = ""


@dataclass(frozen=True, slots=True)
class FdpFacts:
    """Facts for the foreign direct product rules. ``None`` means "not stated" (never "no")."""

    direct_product_of: tuple[str, ...] | None = None  # ECCNs of US technology/software the item is made from
    plant_direct_product_of: tuple[str, ...] | None = None  # ECCNs the plant/major component was made from
    plant_tech_us_origin: bool | None = None
    designed_by_fn1_entity: bool | None = None
    production_start: dt.date | None = None
    telecom_generation: str | None = None  # e.g. "4G", "5G": footnote-1 review policy factor


@dataclass(frozen=True, slots=True)
class Item:
    eccn: str | None  # "3A001.a.2", "EAR99"; None = not classified
    origin: str | None  # ISO alpha-2 of the country where the item was made ("US" = US-origin)
    description: str = ""
    kind: str | None = None  # "commodity" | "software" | "technology" (from the ECCN product group when omitted)
    value: Fraction | None = None
    us_inputs: tuple[UsInput, ...] | None = None  # bill of materials (US-origin content only)
    us_controlled_value: Fraction | None = None  # stated controlled US content (when no BOM is given)
    total_value: Fraction | None = None  # value of the foreign-made item (de minimis denominator)
    fdp: FdpFacts | None = None
    hts: str | None = None  # the item's HTS code as the order states it ("8542.32", "854232"; digits and dots only)


@dataclass(frozen=True, slots=True)
class Owner:
    """An owner of a party and its share; ``owners`` are the owner's own owners when the order states an ownership
    chain (indirect ownership through intermediate companies)."""

    name: str
    pct: Fraction
    owners: tuple[Owner, ...] = ()


@dataclass(frozen=True, slots=True)
class Party:
    role: Role
    name: str
    country: str | None = None
    listings: tuple[str, ...] | None = None  # None = not screened; () = screened, not listed
    ownership: tuple[Owner, ...] = ()
    # screening matches a reviewer judged not to be this party, as "<list code>:<entry id>" ("el:el-ce9f02fd8a7c",
    # "sdn:36431"): with given listings, any other possible match on a list they do not name is a question
    ruled_out: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LicenceState:
    """A licence the exporter holds (or held): covers the named bases while valid."""

    licence_id: str
    granted: dt.date
    revoked: dt.date | None = None
    expires: dt.date | None = None
    covers: tuple[str, ...] = ()  # basis codes; () = every basis of the transaction

    def valid_on(self, day: dt.date) -> bool:
        if day < self.granted:
            return False
        if self.revoked is not None and day >= self.revoked:
            return False
        return not (self.expires is not None and day > self.expires)


@dataclass(frozen=True, slots=True)
class Request:
    date: dt.date
    item: Item
    to_country: str  # ISO alpha-2
    from_country: str = "US"
    transaction: Transaction = Transaction.EXPORT
    parties: tuple[Party, ...] = ()
    end_use: str = ""
    facts: frozenset[Fact] = frozenset()
    licences: tuple[LicenceState, ...] = ()
    id: str = ""
    unmapped_knowledge: tuple[str, ...] = ()  # knowledge statements no phrase maps to a Fact (docs/facts.md)
    via: tuple[str, ...] = ()  # countries the item passes through in transit (route.via), not destined there




__all__ = ["Basis", "Determination", "Fact", "FdpFacts", "Item", "LicenceState", "Outcome", "Owner", "Party",
           "Request", "Role", "Transaction", "UsInput"]
