"""The fact vocabulary: what each :class:`Fact` means and which phrases of an order's free text produce it.

An order states facts explicitly (``facts: [military_end_use]``) or in free text (``knowledge``, ``end_use``,
the item ``description``). Free text is read through the phrase rules below and nothing else (docs/facts.md
lists them). The scan is linear in the text length: the text is lower-cased and reduced to words separated by
single spaces (one pass), then every rule is a handful of ``str.find`` calls. There are no regular
expressions with backtracking, so a long description costs milliseconds, never minutes.

A phrase is written in that normalised form; a leading space means "at the start of a word" and a trailing
space "at the end of a word": ``" military "`` is the word *military*, ``" supercomputer"`` also matches
*supercomputers* and *supercomputing*.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from anyascii import anyascii

from clearance.model.determination import Fact

Where = Literal["knowledge", "end_use", "description"]

MEANINGS: dict[Fact, str] = {
    Fact.MILITARY_END_USE: "the exporter knows the item is for a 'military end use' (15 CFR 744.21)",
    Fact.MILITARY_END_USER: "the exporter knows a party is a 'military end user' (15 CFR 744.21)",
    Fact.MILITARY_INTELLIGENCE: "the exporter knows of a 'military-intelligence end use' or end user (15 CFR 744.22)",
    Fact.STANDARDS_DEVELOPMENT: "a release of technology or software for the development or revision of a "
    "standard in a standards organization (the Entity List standards carve-outs)",
    Fact.TGL_EXISTING_NETWORKS: "the Huawei Temporary General License activity 'continued operation of existing "
    "networks and equipment' (84 FR 23468 ff.)",
    Fact.TGL_EXISTING_HANDSETS: "the Huawei TGL activity 'support to existing handsets' (handsets available to the "
    "public on or before 2019-05-16)",
    Fact.TGL_CYBERSECURITY: "the Huawei TGL activity 'cybersecurity research and vulnerability disclosure'",
    Fact.TGL_5G_STANDARDS: "the Huawei TGL activity 'engagement as necessary for development of 5G standards'",
    Fact.INCORPORATED_FOR_FN1: "the item will be incorporated into or used in the production or development of an "
    "item produced, purchased or ordered by a footnote-1 Entity List party (FDP rule, reach (A))",
    Fact.ENC_ELIGIBLE: "the item's classification establishes License Exception ENC (15 CFR 740.17)",
    Fact.ENC_NOT_ELIGIBLE: "the item's classification rules License Exception ENC out",
    Fact.FOOD_OR_MEDICINE: "an EAR99 item that is 'food' or 'medicine' as defined in 15 CFR 772.1",
    Fact.NOT_FOOD_OR_MEDICINE: "an EAR99 item that is neither 'food' nor 'medicine' (Part 746 carve-outs)",
    Fact.SUPERCOMPUTER: "the item is for a 'supercomputer' located in or destined to Macau or Country Group D:5 "
    "(15 CFR 744.23(a)(1))",
    Fact.ADVANCED_NODE_IC: "the item is for the development or production of 'advanced-node integrated circuits' "
    "(a logic node of 16/14 nm or less) at a Macau/D:5 facility (15 CFR 744.23(a)(2)(i))",
    Fact.IC_PRODUCTION_UNKNOWN_NODE: "the item is for integrated-circuit production at a Macau/D:5 facility whose "
    "node is not known (15 CFR 744.23(a)(2)(ii))",
    Fact.EAR99_NOT_LISTED_746: "checked: no supplement to Part 746 lists the EAR99 item",
    Fact.UKRAINE_COVERED_REGION: "the destination is in Crimea or the covered regions of Ukraine (15 CFR 746.6)",
    Fact.UKRAINE_OTHER_REGION: "the destination is in Ukraine outside the covered regions",
    Fact.NOT_MILITARY_END_USER: "checked: no party is a 'military end user' (15 CFR 744.21(g)), whatever its name "
    "suggests",
    Fact.NOT_MILITARY_END_USE: "checked: the end use stated in words is not a 'military end use' (15 CFR 744.21(f))",
    Fact.NOT_MILITARY_INTELLIGENCE: "checked: no party is a 'military-intelligence end user' (15 CFR 744.22(f)(2)), "
    "whatever its name suggests",
    Fact.NOT_WMD_END_USER: "checked: no party is an end user of nuclear explosive or fuel-cycle activities, rocket "
    "systems or unmanned aerial vehicles, or chemical or biological weapons (15 CFR 744.2-744.4), whatever its name "
    "suggests",
    Fact.NUCLEAR_END_USE: "the exporter knows the item will be used, directly or indirectly, in a nuclear explosive "
    "activity, an unsafeguarded nuclear activity or a nuclear fuel-cycle facility of 15 CFR 744.2(a)(1)-(3) "
    "(reprocessing, heavy water, isotope separation, plutonium fuel fabrication)",
    Fact.MISSILE_END_USE: "the exporter knows the item will be used in the design, development, production, operation, "
    "installation, maintenance, repair, overhaul or refurbishing of rocket systems or unmanned aerial vehicles "
    "(15 CFR 744.3(a))",
    Fact.MISSILE_RANGE_BELOW_300KM: "those rocket systems or unmanned aerial vehicles are known not to be capable of "
    "a range of 300 km (15 CFR 744.3(a)(1), (a)(3)(i))",
    Fact.WMD_DELIVERY: "those rocket systems or unmanned aerial vehicles are for the delivery of chemical, biological "
    "or nuclear weapons (15 CFR 744.3(a)(2))",
    Fact.NOT_WMD_DELIVERY: "it is determined that they are not for the delivery of such weapons "
    "(15 CFR 744.3(a)(3)(ii))",
    Fact.CBW_END_USE: "the exporter knows the item will be used in the design, development, production, stockpiling, "
    "operation, installation, maintenance, repair, overhaul or refurbishing of chemical or biological weapons "
    "(15 CFR 744.4(a))",
    Fact.CW_PRECURSOR_PLANT: "the item is for a whole plant to make chemical weapons precursors of ECCN 1C350 "
    "(15 CFR 744.4(a))",
    Fact.DEEMED_RELEASE: "the release of technology or source code takes place in the United States or a third "
    "country to a foreign person: a deemed export or deemed reexport (15 CFR 734.13(b), 734.14(b))",
    Fact.RELEASE_IN_DESTINATION: "the release of technology or source code takes place in the destination country "
    "(an export or reexport, not a deemed one)",
    Fact.HEADQUARTERED_MACAU_D5: "a party, or its ultimate parent company, is headquartered in Macau or a destination "
    "of Country Group D:5 (15 CFR 744.23(a)(3))",
    Fact.NOT_HEADQUARTERED_MACAU_D5: "checked: no party, nor its ultimate parent company, is headquartered in Macau or "
    "Country Group D:5",
    Fact.NO_US_PERSON_INVOLVED: "checked: no 'U.S. person' (15 CFR 772.1) ships, transmits, transfers (in-country), "
    "facilitates or services (including installs) the item in this transaction: answers the § 744.6(b), (c)(2) "
    "question asked for an item not subject to the EAR (15 CFR 744.6); it never clears an item subject to the EAR",
    Fact.END_USE_OUTSIDE_MACAU_D5: "checked: the 'supercomputer' or the integrated-circuit fabrication facility of the "
    "stated § 744.23(a)(1) or (a)(2) end use is located outside Macau and Country Group D:5, and the item is not "
    "destined to Macau or D:5 there (answers the question asked when such an end use is stated for a destination "
    "outside them; it changes nothing for a destination in Macau or D:5)",
    Fact.MICROPROCESSOR_744_17: "the item is a microprocessor with a processing speed of 5 GFLOPS or more and an "
    "arithmetic logic unit with an access width of 32 bit or more, or software or technology for the development or "
    "production of one (15 CFR 744.17(a))",
    Fact.NOT_MICROPROCESSOR_744_17: "checked: the item is not such a microprocessor, nor software or technology for "
    "its development or production (outside 15 CFR 744.17(a))",
    Fact.CCL_CONDITION_MET: "the item meets the condition in words that a reason-for-control row of its ECCN attaches "
    "to its paragraph ('MT applies to 3A002.h when the parameters in 3A101.a.2.b are met or exceeded')",
    Fact.CCL_CONDITION_NOT_MET: "checked: the item does not meet such a condition (the row's reason for control does "
    "not apply to it)",
    Fact.MARITIME_NUCLEAR_PROPULSION: "the exporter knows the technology is for use in connection with a foreign "
    "maritime nuclear propulsion project (plants, their land prototypes, special facilities) (15 CFR 744.5(a))",
    Fact.NOT_MARITIME_NUCLEAR_PROPULSION: "checked: the technology is not for a foreign maritime nuclear propulsion "
    "project (15 CFR 744.5)",
    Fact.NOT_GOVERNMENT_END_USER: "checked: no party is a 'government end user' (15 CFR 772.1), whatever its name "
    "suggests (License Exception ENC, 15 CFR 740.17(b)(2))",
    Fact.VESSEL_AIRCRAFT_CHECKED: "the item is to or for the use of a foreign vessel or aircraft and a licence "
    "exception or NLR permits the shipment to the countries where it is located, registered (or will be) and that "
    "control, lease or charter it (15 CFR 744.7(a)(1)-(3))",
    Fact.TSR_WRITTEN_ASSURANCE: "the exporter received the consignee's written assurance of 15 CFR 740.6(a)(3) "
    "(no reexport or release to Country Group D:1/E:1/E:2 ... without authorisation) before the technology or "
    "software is exported: with it, License Exception TSR is offered where the ECCN's TSR line is 'Yes' and the "
    "licence requirement is for national security reasons only, to Country Group B",
    Fact.US_PERSON_RECIPIENT: "the technology or software is released in the United States to a 'U.S. person' "
    "(15 CFR 772.1: a U.S. citizen, lawful permanent resident or protected individual, or a U.S. entity): not a "
    "deemed export (15 CFR 734.13(b) reaches releases to foreign persons only), so no EAR licence is needed for it",
    Fact.END_USE_CHECKED: "checked: the end use stated in words is none of the end uses of Part 744 (nuclear, rocket "
    "and UAV, chemical and biological weapons end uses of 15 CFR 744.2-744.4; 'military end use' of 744.21; "
    "'military-intelligence end use' of 744.22; 744.23): answers the question an end use in words no vocabulary reads "
    "raises (it does not answer a red flag or a word of 744.2-744.4, which ask for their own facts)",
}


@dataclass(frozen=True, slots=True)
class PhraseRule:
    """``fact`` is read from ``where`` when the text has one of ``phrases``, then (if given) one of ``then``
    somewhere after it, and (if given) one of ``with_any`` anywhere, and none of ``unless``."""

    where: Where
    fact: Fact
    phrases: tuple[str, ...]
    then: tuple[str, ...] = ()
    with_any: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()

    def matches(self, norm: str) -> bool:
        if any(u in norm for u in self.unless):
            return False
        if self.with_any and not any(w in norm for w in self.with_any):
            return False
        starts = [i for i in (norm.find(p) for p in self.phrases) if i >= 0]
        if not starts:
            return False
        if not self.then:
            return True
        first = min(starts)
        return any(norm.rfind(t) > first for t in self.then)


_NODES = tuple(f" {n}{sep}nm " for n in range(1, 17) for sep in ("", " "))

PHRASES: tuple[PhraseRule, ...] = (
    PhraseRule("knowledge", Fact.MILITARY_END_USE, (" military ",)),
    PhraseRule("knowledge", Fact.MILITARY_INTELLIGENCE, (" military intelligence",)),
    PhraseRule("knowledge", Fact.SUPERCOMPUTER, (" supercomputer",)),
    PhraseRule("end_use", Fact.MILITARY_END_USE, (" military end use ",), unless=(" no military ",)),
    PhraseRule("end_use", Fact.NOT_MILITARY_END_USE, (" no military end use", " not for military",
                                                      " not for a military", " not for any military",
                                                      " no military use")),
    PhraseRule("end_use", Fact.STANDARDS_DEVELOPMENT, (" standard ", " standards "),
               with_any=(" develop", " revision ", " revise", " contribut", " setting ")),
    PhraseRule("end_use", Fact.TGL_CYBERSECURITY, (" cybersecurity research ", " vulnerability disclosure ")),
    PhraseRule("end_use", Fact.SUPERCOMPUTER, (" supercomputer",),
               unless=(" no supercomputer", " below supercomputer", " not a supercomputer", " short of supercomputer")),
    PhraseRule("end_use", Fact.ADVANCED_NODE_IC, (" advanced node", *_NODES),
               unless=(" not advanced node", " no advanced node", " not an advanced node", " no an advanced node")),
    *(PhraseRule(where, fact, phrases, unless=tuple(f"{neg}{p}" for neg in (" no", " not", " non") for p in phrases))
      for where in ("knowledge", "end_use")
      for fact, phrases in (
          (Fact.NUCLEAR_END_USE, (" nuclear explosive", " unsafeguarded nuclear",
                                  # § 744.2(a)(3) fuel-cycle facilities in the words of the trade (round 5)
                                  " reprocessing", " spent fuel", " hot cell", " purex", " isotope separation",
                                  " uranium enrichment", " heavy water")),
          (Fact.MISSILE_END_USE, (" ballistic missile", " cruise missile",
                                  # the Note to § 744.3(a): rocket systems include space launch vehicles and
                                  # sounding rockets (round 5)
                                  " launch vehicle", " space launch", " sounding rocket", " rocket system")),
          (Fact.CBW_END_USE, (" chemical weapon", " biological weapon", " nerve agent")),
      )),
    PhraseRule("description", Fact.TGL_EXISTING_HANDSETS, (" existing ",), then=(" handset",)),
    PhraseRule("description", Fact.TGL_EXISTING_HANDSETS, (" handset ",), then=(" before 2019 05 16 ",)),
    PhraseRule("description", Fact.TGL_EXISTING_NETWORKS, (" existing ",), then=(" network",)),
)

_NOT_WORD = re.compile(r"[^0-9a-z]+")  # a single character class: one linear pass


_CYRILLIC = re.compile(r"[\u0400-\u04ff]+")
_SIGNS = str.maketrans("", "", "ьЬъЪ")  # soft and hard signs: dropped, as the usual romanisations of place names do


def _latin(m: re.Match[str]) -> str:
    return str(anyascii(m.group(0).translate(_SIGNS)))


# letters NFKD does not decompose, as their plain Latin letters (Vietnamese 'Đ', Polish 'ł', Turkish dotless 'ı',
# German 'ß', Nordic 'ø', 'æ', Icelandic 'ð', 'þ', Maltese 'ħ'): without them the normal form lost the letter ("hardal
# gazı" read ' hardal gaz ', "Điện lực" ' ien luc '; session 22, adversarial R46-12)
PLAIN_LETTERS = {"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ı": "i", "ß": "ss", "æ": "ae",
                 "Æ": "AE", "œ": "oe", "Œ": "OE", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "ħ": "h", "Ħ": "H",
                 "ŧ": "t", "Ŧ": "T"}
_PLAIN_LETTERS = str.maketrans(PLAIN_LETTERS)


def normalise(text: str) -> str:
    """Lower-case words separated by single spaces, with a space at each end; accents folded ("Policía" ->
    ``policia``, "Armée" -> ``armee``, "für" -> ``fur``, "gazı" -> ``gazi``: ``PLAIN_LETTERS``); Cyrillic romanised
    letter by letter ("Донецьк" -> ``donetsk``, "Севастополь" -> ``sevastopol``: an address in Russian or Ukrainian
    names its places too -- adversarial R21-56), other scripts dropped."""
    if not text.isascii():
        text = _CYRILLIC.sub(_latin, text).translate(_PLAIN_LETTERS)
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return f" {_NOT_WORD.sub(' ', text.lower()).strip()} "


# § 744.17(a) processor parameters written in an item description ("64-bit server microprocessor, 900 GFLOPS"): a
# processor word, a processing speed of 5 GFLOPS or more (TFLOPS and PFLOPS are more) and a 32, 64 or 128 bit width.
# Only the fact that the item is such a microprocessor is read (it can require a licence, never clear one); that an
# item is not one is stated as the code not_microprocessor_744_17. Linear patterns: no nested repetition.
_SPEED = re.compile(r"(\d{1,9}(?:,\d{3})*(?:\.\d{1,6})?)\s?([gtp])flops\b", re.IGNORECASE)
_WIDTH = re.compile(r"\b(?:32|64|128)[ -]?bits?\b", re.IGNORECASE)
_PROCESSOR = re.compile(r"processor|\bcpus?\b", re.IGNORECASE)
MIN_GFLOPS = 5


def microprocessor_744_17(text: str) -> bool:
    """Whether a description states a § 744.17(a) microprocessor: processor, >= 5 GFLOPS, 32-bit or wider."""
    if not _PROCESSOR.search(text) or not _WIDTH.search(text):
        return False
    for m in _SPEED.finditer(text):
        value = float(m.group(1).replace(",", ""))
        if m.group(2).lower() != "g" or value >= MIN_GFLOPS:
            return True
    return False


# A description saying the item meets or exceeds another ECCN's parameters ("aramid fibre meeting 1C210", "meets or
# exceeds 3A101.a.2.b"): the conditions in words of CCL rows name such ECCNs, so the fact ccl_condition_met is read.
# It can only make a row's requirement apply (never clear one). The negation is read only in one literal form that
# names the parameters ("below the 3A101.a.2.b MT parameters", "not meeting 1C210 criteria"); a "meeting" inside it
# is not read as met.
_MEETS_ECCN = re.compile(r"\b(?:meet|meets|meeting|exceed|exceeds|exceeding)\b[^.;]{0,40}?\b\d[A-E]\d{3}\b",
                         re.IGNORECASE)
_BELOW_ECCN = re.compile(r"\b(?:below|under|not meeting|does not meet|do not meet|not exceeding|does not exceed)\s"
                         r"(?:the\s)?\d[A-E]\d{3}(?:\.[a-z0-9]{1,4}){0,6}\s(?:[A-Za-z]{2,4}\s)?"
                         r"(?:parameters|criteria|thresholds?)\b", re.IGNORECASE)


def _condition_facts(text: str) -> list[Fact]:
    below = [m.span() for m in _BELOW_ECCN.finditer(text)]
    met = [m for m in _MEETS_ECCN.finditer(text) if not any(a <= m.start() < b for a, b in below)]
    return ([Fact.CCL_CONDITION_MET] if met else []) + ([Fact.CCL_CONDITION_NOT_MET] if below and not met else [])


def facts_in(where: Where, text: str) -> list[Fact]:
    """The facts the phrase rules of ``where`` read from ``text`` (in rule order, no repeats)."""
    if not text:
        return []
    norm = normalise(text)
    out: list[Fact] = []
    for rule in PHRASES:
        if rule.where == where and rule.fact not in out and rule.matches(norm):
            out.append(rule.fact)
    if where == "description" and microprocessor_744_17(text):
        out.append(Fact.MICROPROCESSOR_744_17)
    if where == "description":
        out += _condition_facts(text)
    return out


# Red flags: words in an order's end use or in a party's name that may be what an end-use or end-user rule
# turns on (§§ 744.2-744.4, 744.21-744.23) but that no phrase above turns into a fact. Such text is never
# ignored: it becomes an open question (CANNOT_CLEAR) unless a licence is required anyway. A red flag right
# after "no" or "not" ("no military end use known") is a statement that it does not apply.
RED_FLAGS: tuple[str, ...] = (
    " military", " army ", " navy ", " naval ", " air force ", " armed forces ", " defence ", " defense ",
    " ministry of defen", " weapon", " missile", " rocket", " nuclear ", " reactor", " enrichment ",
    " chemical weapon", " biological weapon", " nerve agent", " warship", " destroyer", " submarine",
    " fire control ", " radar", " munition", " ammunition", " intelligence ", " nanometre", " nanometer",
    " pla ", " irgc ",
    # §§ 744.2-744.4 in the words an engineer writes (adversarial review round 1: H01, H03, H05, H06)
    " uranium", " plutonium", " centrifuge", " heavy water", " isotope separation", " reprocessing", " fissile",
    " tritium", " warhead", " ballistic", " cruise missile", " cruise vehicle", " uav", " drone", " unmanned aerial",
    " sarin", " soman",
    " tabun", " vx ", " mustard gas", " anthrax", " ricin", " botulinum", " smallpox", " pathogen", " toxin",
    # military platforms (§ 744.21, D11) and items for a military commodity (§ 744.9, J01)
    " fighter", " bomber", " frigate", " corvette", " artillery", " usml", " munitions list",
    " itar ", " rifle",
    # § 744.23 advanced nodes written as process names (F03)
    " finfet", " gate all around", " gaa ", " n 2 ", " n 3 ",
    # the armed services of the § 744.21/744.22 countries by their own names (§ 744.21(g): army, navy, marine, air
    # force, coast guard, national guard, national police; adversarial review round 3: R3-103..R3-109)
    " tatmadaw", " rosgvardia", " national guard", " national police", " coast guard", " marine corps",
    " liberation army", " people s liberation", " rocket force", " strategic support force", " fuerzas armadas",
    " ejercito", " bolivarian national", " border guard", " gendarmerie", " hypersonic", " glide vehicle",
    # § 744.23(a)(4): production of semiconductor manufacturing equipment or its parts (not modelled: R3-30)
    " etch", " deposition", " lithograph", " semiconductor manufacturing equipment", " wafer fab",
    # adversarial round 5: the same end uses in the words of the trade (R5-05, R5-10, R5-12-R5-14, R5-61, R5-63,
    # R5-89, R5-90, R5-98, R5-102-R5-104)
    " marines ", " amphibious", " warplane", " turret", " battle tank", " armoured", " armored",
    " personnel carrier", " hot cell", " purex", " spent fuel", " mox ", " mixed oxide", " launch vehicle",
    " mrbm", " irbm", " icbm", " srbm", " slbm", " novichok", " a 234 ", " a 232 ", " a 230 ", " anthrac",
    " epitax", " cvd ", " pvd ", " ald ", " atomic layer", " ion implant", " reconnaissance", " exascale",
    " sunway",
    " naval infantry", " armed police", " paramilitar", " space launch", " sounding rocket",
    # adversarial round 9 (R9-34: "fire-direction computers for self-propelled howitzers", § 744.17 in D:1)
    " howitzer", " fire direction", " self propelled gun", " self propelled artillery", " gunship",
    " combat vehicle", " infantry fighting vehicle",
    # adversarial round 27 (R27b-10, R27b-11): signals intelligence of a general staff (§ 744.22) and a person barred
    # from export dealings (a denial order, § 736.2(b)(4)) in plain words
    " signals intercept", " signal intercept", " intercept station", " sigint", " elint", " comint",
    " general staff", " third department", " barred", " debarred", " denial order", " export privilege",
    " denied person", " denied party",
    # adversarial round 30 (R30-35, R30b-02, R30b-03, R30-01): spies, armed services and the front in plain words
    " eavesdrop", " spy agenc", " spy service", " spy station", " espionage", " armed service",
    " intelligence agenc", " intelligence service", " intelligence bureau", " air arm", " interceptor jet",
    " interceptor aircraft", " fighting at the front", " units fighting", " troops fighting", " frontline unit",
    " frontline troop", " front line unit", " front line troop", " mortar shell", " artillery shell", " gunnery",
    " troops ", " soldiers ",
)
# the red flags of what an item is for, read in the purpose clause of an item description too (round 27: R27c-04)
USE_RED_FLAGS = frozenset(f.strip() for f in RED_FLAGS[RED_FLAGS.index(" signals intercept"):])
# An end use or knowledge statement not written in English is read by nobody here: it is a red flag in itself. Text
# in a script other than Latin (Chinese, Japanese, Cyrillic, Arabic ...) or with two or more function words of
# another language (R5-01 German, R5-03 Spanish, R5-99 Italian) -- words chosen not to be English words.
_FOREIGN_WORDS = frozenset({
    "fur", "und", "der", "des", "dem", "zur", "zum", "vom", "fuer",  # German (after accents are folded)
    "dei", "degli", "della", "delle", "dello", "dell", "nel", "nella", "gli", "sui",  # Italian
    "para", "los", "las", "del", "por", "una", "unos",  # Spanish
    "pour", "les", "aux", "avec", "dans", "sur", "une",  # French
    "voor", "het", "een",  # Dutch
    "och", "dla", "oraz", "pelo", "pela", "com",  # Swedish, Polish, Portuguese
})
# Written as the services write them: case-sensitive abbreviations and weapon-system designators, matched on the
# text as given ("PLAN" is the PLA Navy, "plan" is not). Each match is a red flag named by what it matched.
_MARKS = re.compile(
    r"\b(?:PLA|PLAN|PLAAF|PLARF|PLASSF|PAP|VKS|VDV|FANB|GNB|DGCIM|SEBIN|RCAF|IRGC|GRU|FSB|SVR|MSS)\b"
    r"|\b(?:DF|JL|YJ|HQ|CJ|KJ|J|H|Y|Su|MiG|Tu|Ka|Mi)-\d{1,3}[A-Z]?\b"  # missile and military aircraft designators
    r"|\bType 0\d\d[A-Z]?\b"  # PLA Navy ship classes
    r"|\b[Uu]nit \d{4,5}\b"  # military unit cover designators (e.g. PLA units)
    r"|\b3[B-E]\d{3}\b"  # an end use naming a Category 3 B-E ECCN (SME and its parts: § 744.23(a)(4))
    r"|\b\d[A-Ea-e](?:6\d\d|515)\b"  # a 600 series or 9x515 ECCN in the end use: a military item (R5-62)
    r"|\bMo[Dd]\b|\bMOD\b"  # a ministry of defence (R5-09 "the Venezuelan MoD's")
)
_NEGATIONS = (" no", " not", " non")
# the red flags of round 30 that a military fact accounts for (R30b-01: "the military customer" does not account for
# "kills anyone who breathes it", a word of § 744.4, which asks for its own fact)
_ARMED_30 = frozenset({"armed service", "air arm", "interceptor jet", "interceptor aircraft", "fighting at the front",
                       "units fighting", "troops fighting", "frontline unit", "frontline troop", "front line unit",
                       "front line troop", "mortar shell", "artillery shell", "gunnery", "troops", "soldiers"})
_ARMED = _ARMED_30 | frozenset({"military", "army", "navy", "naval", "air force", "armed forces", "defence", "defense",
                    "ministry of defen", "pla", "marines", "naval infantry", "armed police", "paramilitar", "armoured",
                    "armored", "personnel carrier", "main battle tank"})
# The red flags a fact read from the same text accounts for: "for military vehicles" is the fact military_end_use,
# whose rules the engine applies; "military end use in a nuclear reactor" still leaves "nuclear" unexplained.
_EXPLAINED_BY: dict[Fact, frozenset[str]] = {
    Fact.MILITARY_END_USE: frozenset({"military", "army", "navy", "naval", "air force", "armed forces", "defence",
                                      "defense", "ministry of defen", "pla", "marines", "amphibious", "warplane",
                                      "turret", "battle tank", "armoured", "armored", "personnel carrier"}) | _ARMED,
    Fact.MILITARY_END_USER: frozenset({"military", "army", "navy", "naval", "air force", "armed forces", "defence",
                                       "defense", "ministry of defen", "pla", "marines"}) | _ARMED,
    Fact.MILITARY_INTELLIGENCE: frozenset({"military", "intelligence", "reconnaissance", "signals intercept",
                                           "signal intercept", "intercept station", "sigint", "elint", "comint",
                                           "general staff", "third department", "eavesdrop", "spy agenc",
                                           "spy service", "spy station", "espionage", "intelligence agenc",
                                           "intelligence service", "intelligence bureau", "armed service"}),
    Fact.NUCLEAR_END_USE: frozenset({"nuclear", "reactor", "enrichment", "uranium", "plutonium", "centrifuge",
                                     "heavy water", "isotope separation", "reprocessing", "fissile", "tritium",
                                     "hot cell", "purex", "spent fuel", "mox", "mixed oxide"}),
    Fact.MISSILE_END_USE: frozenset({"missile", "rocket", "ballistic", "cruise missile", "cruise vehicle", "uav",
                                     "drone", "unmanned aerial", "launch vehicle", "mrbm", "irbm", "icbm", "srbm",
                                     "slbm", "space launch", "sounding rocket"}),
    Fact.CBW_END_USE: frozenset({"chemical weapon", "biological weapon", "nerve agent", "weapon", "sarin", "soman",
                                 "tabun", "vx", "mustard gas", "anthrax", "ricin", "botulinum", "smallpox",
                                 "pathogen", "toxin", "novichok", "a 234", "a 232", "a 230", "anthrac", "anthracis"}),
    Fact.SUPERCOMPUTER: frozenset({"exascale", "sunway"}),
    Fact.ADVANCED_NODE_IC: frozenset({"nanometre", "nanometer"}),
}


_MILITARY = frozenset({Fact.MILITARY_END_USE, Fact.MILITARY_END_USER, Fact.MILITARY_INTELLIGENCE})
_SERVICES = frozenset(f.strip() for f in RED_FLAGS[RED_FLAGS.index(" tatmadaw"):RED_FLAGS.index(" etch")])


def unexplained_red_flags(text: str, facts: list[Fact]) -> list[str]:
    """The red flags of ``text`` that none of the ``facts`` read from it accounts for."""
    explained: set[str] = set()
    for fact in facts:
        explained |= _EXPLAINED_BY.get(fact, frozenset())
    if _MILITARY & set(facts):  # a military fact accounts for the services' names and designators
        explained |= _SERVICES | {m.group(0) for m in _MARKS.finditer(text or "")}
    return [flag for flag in red_flags(text) if flag not in explained]


_ECCN_MARK = re.compile(r"\d[A-Ea-e]\d")


def purpose_red_flag(flag: str) -> bool:
    """Whether a red flag is read in the purpose clause of an item description ("... for the PLA Navy's
    destroyers"): the flags of what an item is for (``USE_RED_FLAGS``) and the armed services by name or
    abbreviation (army, navy, PLA, PLAAF, J-16 ...), not the words that name an item's technical class ("military",
    "submarine", "radar") nor an ECCN."""
    if flag in USE_RED_FLAGS or flag in _SERVICES:
        return True
    if flag in _ARMED:
        return flag != "military"
    return bool(_MARKS.fullmatch(flag)) and not _ECCN_MARK.match(flag)


def foreign_function_word(word: str) -> bool:
    """Whether a folded lower-case word is a function word of another language than English (``_FOREIGN_WORDS``)."""
    return word in _FOREIGN_WORDS


def not_english(text: str, norm: str) -> str | None:
    """Why ``text`` is not read as English (a letter of another script, or two function words of another
    language), else None."""
    other = next((ch for ch in text if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN")), None)
    if other is not None:
        return f"not written in English ({other!r}): state the facts it gives as codes"
    words = sorted(set(norm.split()) & _FOREIGN_WORDS)
    if len(words) >= 2:
        return f"not written in English ({', '.join(words)}): state the facts it gives as codes"
    return None


def red_flags(text: str) -> list[str]:
    """The red-flag words of ``text`` (normalised, as listed in RED_FLAGS), unless stated not to apply or inside a
    known civil context (clearance/model/wmd_words.py); text not written in English is a red flag in itself."""
    if not text:
        return []
    from clearance.model.wmd_words import mask_civil  # (imports this module: read lazily)

    norm = normalise(text)
    foreign = not_english(text, norm)
    norm = mask_civil(norm)  # known civil contexts ("nuclear medicine") do not by themselves raise a flag
    found: list[str] = []
    for flag in RED_FLAGS:
        start = norm.find(flag)
        while start != -1:
            if not any(norm.endswith(neg, 0, start) for neg in _NEGATIONS):
                found.append(flag.strip())
                break
            start = norm.find(flag, start + 1)
    found += list(dict.fromkeys(m.group(0) for m in _MARKS.finditer(text)))
    return found + ([foreign] if foreign else [])


# where an item description goes on to say what the item is for ("reactor, 500 litres, for pilot-scale synthesis of
# ..."): a purpose word, read from there on as an end use
_PURPOSE = re.compile(r"\b(?:for|to be|intended|destined|used (?:in|for|by|on|at)|which will|that will"
                      r"|as (?:an? |the )?(?:compute |computing )?(?:parts?|components?|nodes?|inputs?|modules?"
                      r"|subsystems?|sub-assembl(?:y|ies)) (?:of|for|to|in|into)"
                      r"|(?:built|incorporated|integrated|installed|fitted) (?:into|in|on))\b|;", re.I)


def purpose_clause(description: str) -> str:
    """The part of an item description from its first purpose word on ("for ...", "to be ...", "intended ...") or
    from its first semicolon (a statement after the item's name: "reactor, 500 litres; the buyer produces nerve
    agents in it", adversarial R30-29); "" when it has none."""
    m = _PURPOSE.search(description or "")
    return description[m.start():] if m else ""
