"""Names an order's free text may carry: the spans of an item description or end use worth screening as a party.

"Custom test fixtures machined to drawings from Beihang University for its wind tunnel" names an Entity List
university that the order's parties leave out (adversarial round 8, R8-41). The determination screens each span this
module finds and asks about a near-certain listing (clearance.workflows.determination). A span is a run of
capitalised words joined by the small words of organisation names ("Harbin Institute of Technology", "Ministry of
Defence of the Russian Federation"), or a run of Chinese, Japanese, Korean or Cyrillic script; a single capitalised
word counts only when it is not an English word ("Huawei", "Rosatom", not "Custom"). Codes (ECCNs, HTS numbers,
part numbers) and the order's own party names are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from clearance.text.countries import country_code
from clearance.text.destinations import is_place_name
from clearance.text.english import is_read
from clearance.text.fold import fold
from clearance.text.places import places, world_cities

_WORD = re.compile(r"[^\W_](?:[\w'’&.-]*[^\W_])?")
_JOINERS = frozenset({"of", "and", "&", "the", "de", "du", "des", "la", "le", "für", "fur", "for"})
_NATIVE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0400-\u04ff]"
                     r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0400-\u04ff\s()（）·-]*")
_CODE = re.compile(r"^(?:\d[\w.-]*|[0-9][A-Z]\d{3}[\w.]*|[A-Z]{1,3}\d[\w.-]*)$")  # 5A992.c, 8542.32, XC7K325T
_FORMS = frozenset({"ltd", "co", "inc", "llc", "corp", "gmbh", "plc", "sa", "ag", "jsc", "ooo", "pjsc", "bv", "nv",
                    "srl", "spa", "pte", "pvt", "limited", "company", "corporation"})
# acronyms of technology and trade that descriptions are full of (never screened alone)
_TECH_WORDS = """
gps usb dram sram ram rom cpu gpu tpu npu led pcb pcba cnc plc asic fpga ssd hdd lcd oled hts ear
ccl eccn oem odm ems mcu dsp iot rfid nfc lte wifi sim api sdk erp crm cad cam cae mri pet ecg hvac
ups pvc abs cif fob exw dap ddp eta etd awb hs mil spec iso iec ansi ieee astm din jis gmp fda ce
rohs ul sku moq qty pcs amp mhz ghz khz thz dc ac rf ir uv vhf uhf gsm cdma wcdma nand nor ddr gddr
hbm soc sip mems lidar radar sonar ptz ip nvr dvr cctv hdmi vga dvi pcie sata sas nvme raid san nas
vpn lan wan poe sfp qsfp dwdm otdr oscilloscope pet ct pv bms ev hev phev obd ecu abs esc igbt
mosfet bjt jfet opamp adc dac pll vco lna pa tx rx
"""
_TECH = frozenset(_TECH_WORDS.split())
# words of the regulations a description quotes ("Note 3.a to 6A003.b.4", "Technical Note", "Category 5, Part 2"):
# a span made only of them is no party name (adversarial R11-02, R11-60: 'Note' was a 0.85 of SDN 'NOVE DEVELOPMENT')
_REGULATION = frozenset({"note", "notes", "technical", "category", "part", "supplement", "section", "paragraph",
                         "license", "licence", "exception", "table", "annex", "appendix", "schedule", "item", "items",
                         "nota", "bene", "definition", "definitions", "control", "controls", "reason", "reasons",
                         "list", "entry", "heading", "subheading", "chapter"})
_ACRONYM = re.compile(r"^([A-Z]{2,6})s?$")  # "NUDT", "ICs" (stem IC)
_ACRONYM_MIN = 4  # letters of an acronym screened on its own: three-letter ones are too often something else ("ICS")
_SMALL = 2  # a span of fewer letters is not screened (initials, units)
MAX_SPANS = 12


def _capitalised(word: str) -> bool:
    return word[0].isupper() and not _CODE.match(word)


def _spans_latin(text: str) -> Iterable[tuple[str, bool]]:
    """(span, whether it starts a sentence): runs of capitalised words and joiners, broken at punctuation."""
    run: list[str] = []
    first = False
    end = 0
    for m in [*_WORD.finditer(text), None]:
        gap = text[end:m.start()] if m is not None else "."
        broken = bool(gap.strip(" \t.")) or (gap.strip(" \t") == "." and gap.endswith(" "))
        word = m.group() if m is not None else ""
        if broken or not word or not (_capitalised(word) or (run and word.lower() in _JOINERS)):
            while run and run[-1].lower() in _JOINERS:
                run.pop()
            if run:
                yield " ".join(run), first
            run = []
        if word and _capitalised(word):
            if not run:
                before = text[:m.start()].rstrip() if m is not None else ""
                first = not before or before[-1] in ".!?:;\n"
            run.append(word)
        elif word and run and word.lower() in _JOINERS and not broken:
            run.append(word)
        end = m.end() if m is not None else end


_HEADS = frozenset({"university", "institute", "academy", "college", "corporation", "company", "group", "bureau",
                    "ministry", "laboratory", "laboratories", "factory", "plant", "agency", "administration",
                    "commission", "department", "directorate", "school", "centre", "center", "works", "enterprise"})
_STOPS = frozenset({"the", "a", "an", "of", "for", "to", "in", "at", "by", "with", "from", "and", "or", "its", "their",
                    "our", "your", "his", "her", "on", "into", "as", "is", "are", "be", "that", "which", "who", "this"})
_AFTER_OF = 6  # words read after "<head> of" ("university of electronic science and technology of china")
_BEFORE = 3  # words read before a head ("sichuan university", "china academy of engineering physics")


def _headed(text: str) -> Iterable[str]:
    """Names written in lower case, found by the word that heads an organisation's name: up to three words before
    it ("polymer labs of sichuan university" -> "sichuan university") and its "of ..." tail ("university of
    electronic science and technology of china"); adversarial R9-21. Capitalised names are the runs' business."""
    words = [w for w in _WORD.findall(text)]
    low = [w.lower() for w in words]
    for i, w in enumerate(low):
        if w not in _HEADS or words[i][0].isupper():
            continue
        j = i
        while j > 0 and i - j < _BEFORE and low[j - 1] not in _STOPS and low[j - 1] not in _HEADS:
            j -= 1
        if j < i:
            yield " ".join(words[j:i + 1])
        if i + 1 < len(low) and low[i + 1] == "of":
            k = i + 2
            while k < len(low) and k - i - 1 <= _AFTER_OF and (low[k] not in _STOPS or low[k] in ("and", "of")):
                k += 1
            while k > i + 2 and low[k - 1] in ("and", "of"):
                k -= 1
            if k > i + 2:
                yield " ".join(words[max(j, 0):k] if j < i else words[i:k])


def _is_place(span: str) -> bool:
    words = fold(span)[0].split()
    return bool(words) and (all(w in places() for w in words) or country_code(span) is not None
                            or is_place_name(span) or tuple(words) in world_cities())


def word_of(span: str) -> str:
    return span.strip("'’.").removesuffix("'s").removesuffix("’s").lower()


def name_spans(text: str, known: Iterable[str] = ()) -> list[str]:
    """The spans of ``text`` worth screening as a party name, in order, each once; ``known``: names the order already
    gives (its parties), left out, as is any span inside one of them."""
    if not text:
        return []
    given = [k.casefold() for k in known if k]
    out: dict[str, None] = {}
    native = [(m.group().strip(" ()（）·-"), False) for m in _NATIVE.finditer(text)]
    for span, first in [*_spans_latin(text), *native, *((h, False) for h in _headed(text))]:
        words = span.split()
        if not words or sum(c.isalpha() for c in span) <= _SMALL or _is_place(span):
            continue
        stems = [m.group(1) for w in words if (m := _ACRONYM.match(w))]
        if len(stems) == len(words) and not any(len(a) >= _ACRONYM_MIN and a.lower() not in _TECH for a in stems):
            continue  # acronyms of technology and trade or too short to tell (PET/CT, DRAM, ICs); "NUDT" is screened
        if all(w.lower().strip(".") in _FORMS for w in words):
            continue  # legal forms alone ("Ltd")
        if all(word_of(w) in _REGULATION for w in words):
            continue  # words of a quoted regulation ("Note", "Technical Note")
        if len(words) == 1 and first and all(is_read(w) for w in re.split(r"[-'’]", word_of(span)) if w):
            continue  # an English word capitalised at the start of a sentence ("Custom", "Chinese-made")
        folded = span.casefold()
        if any(folded in g for g in given):
            continue
        out.setdefault(span, None)
        if len(out) >= MAX_SPANS:
            break
    return list(out)


# A vessel or aircraft an order names by its number rather than its name: an IMO or MMSI number ("IMO 9610808",
# "MMSI 352003372") or an aircraft registration written with its nationality mark ("RA-82023", "EP-IAA", "4L-ABC",
# "B-1234"). The lists carry these as identifiers of blocked vessels and aircraft; a number found nowhere costs
# nothing, so the registration pattern is broad (adversarial R48-32, R48b-22, R48b-25, R48b-28).
_IMO = re.compile(r"\b(?:IMO|MMSI)(?:\s*(?:No\.?|number|#|:))?\s*(\d{7}|\d{9})\b", re.IGNORECASE)
_REGISTRATION = re.compile(r"(?<![\w-])((?:[A-Z]{1,2}|\d[A-Z]|[A-Z]\d)-[A-Z0-9]{3,5})(?![\w-])")


def craft_identifiers(text: str) -> list[str]:
    """The vessel numbers and aircraft registrations written in ``text``, in order, each once."""
    if not text:
        return []
    found = [m.group(1) for m in _IMO.finditer(text)] + [m.group(1) for m in _REGISTRATION.finditer(text)]
    return list(dict.fromkeys(found))
