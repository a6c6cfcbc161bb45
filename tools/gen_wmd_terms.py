"""Generate the §§ 744.2-744.4 end-use vocabulary (clearance/resources/wmd_terms.yml) from the regulation data.

    .venv/bin/python tools/gen_wmd_terms.py [--data ../shared/data/ear] [--out clearance/resources]

An end use written in plain words ("rotor tubes to enrich UF6", "grow Yersinia pestis ... for dispersal over cities")
may be a nuclear, rocket/UAV or chemical/biological weapons end use that no fact phrase names (adversarial round 8,
section 3). The order reader asks about such text, naming the section (docs/facts.md, "Words of §§ 744.2-744.4").
The words come from three places:

* **names** (§ 744.4): every pathogen, toxin and plant pathogen of ECCNs 1C351 and 1C354 and every precursor chemical
  of 1C350.b-.d, from the CCL extraction ``seelpeed_ecfr_derived/ccl.json``: the full name ("yersinia pestis",
  "foot and mouth disease virus", "thiodiglycol"), a virus name also without "virus" when more than one word is left
  ("rift valley fever") and written apart ("ebolavirus" -> "ebola virus"), and the epithet of a 1C351 binomial
  when it is no word of the general English dictionary (pyspellchecker 0.9.1's, the one tools/gen_english_words.py
  reads) and has 6 letters or more ("pestis", "tularensis", "anthracis");
* **technical words** (§§ 744.2, 744.3): the words of the section's own text (eCFR Part 744 XML) and of the headings
  of the CCL entries controlled for its reason (Category 0 nuclear entries and NP-only entries for § 744.2; MT
  entries, Categories 1, 2, 7 and 9 among them, for § 744.3) that are *key* to them -- at least 3 of every 4 of the
  documents holding the word are the section's -- and rare in English (fewer than 1,000 occurrences in the
  dictionary), 4 letters or more, less the ordinary words listed in tools/wmd_words.yaml (``not_terms``);
* **hand** words of weapons, delivery and dispersal, of what an item is for (``use``), weapons and activities named
  outright (``weapon``), civil contexts and word senses, and the dispersal and harm patterns: tools/wmd_words.yaml
  (a hand term's ``{a|b}`` alternatives are written out here; a civil span keeps them, the reader compiles it).

Terms are in the normal form of docs/facts.md; a word is kept in its singular form (a final 's' dropped, not 'ss'),
and the reader compares words the same way. The output is sorted and carries no date, so the same inputs give the
same bytes: ``tests/text/test_wmd_terms.py`` checks the shipped file against this generator.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
HAND = ROOT / "tools" / "wmd_words.yaml"
XML = "ecfr_part744/title-15_part-744_commit-2026-07-23.xml"
CCL = "seelpeed_ecfr_derived/ccl.json"
KEYNESS = 0.75
RARE = 1000
_WORD = re.compile(r"[a-z]+")
_NOT_WORD = re.compile(r"[^0-9a-z]+")
TITLES = {"744.2": "nuclear end uses (15 CFR 744.2(a)): nuclear explosive activities, unsafeguarded nuclear "
                   "activities, nuclear fuel-cycle facilities",
          "744.3": "rocket systems and unmanned aerial vehicles (15 CFR 744.3(a))",
          "744.4": "chemical and biological weapons (15 CFR 744.4(a))"}
FACTS = {"744.2": "nuclear_end_use", "744.3": "missile_end_use", "744.4": "cbw_end_use"}


def norm(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", text.lower()).split())


def singular(word: str) -> str:
    """A final 's' dropped (not of 'ss', 'us', 'is': "isotopes" -> "isotope", "virus" and "pestis" stay)."""
    return word[:-1] if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3 else word


def dictionary() -> dict[str, int]:
    raw = resources.files("spellchecker").joinpath("resources/en.json.gz").read_bytes()
    freq: dict[str, int] = json.loads(gzip.decompress(raw))
    return freq


def _reasons(entry: dict[str, Any]) -> str:
    return str(entry.get("reasonForControl") or "")


def _nuclear(entry: dict[str, Any]) -> bool:
    if entry["category"] == "0" and not re.match(r"0[A-E](5|6|9)", entry["eccn"]):
        return True  # Category 0 entries outside the 500/600 series and the 900s: nuclear materials and facilities
    reasons = _reasons(entry)
    return "NP" in reasons and "NS" not in reasons and "MT" not in reasons


GROUPS: dict[str, Callable[[dict[str, Any]], bool]] = {"744.2": _nuclear, "744.3": lambda e: "MT" in _reasons(e)}


def _sections(xml: Path) -> dict[str, str]:
    from lxml import etree

    tree: Any = etree.parse(str(xml))
    divs: list[Any] = tree.xpath("//DIV8")
    return {str(el.get("N")): " ".join("".join(el.itertext()).split()).lower() for el in divs}


def technical_words(ccl: list[dict[str, Any]], sections: dict[str, str], freq: dict[str, int],
                    not_terms: dict[str, list[str]]) -> dict[str, dict[str, str]]:
    """The key, rare words of each section's text and of the headings of its CCL entries (module docstring)."""
    out: dict[str, dict[str, str]] = {}
    docs = [(e, set(_WORD.findall(str(e.get("heading") or "").lower()))) for e in ccl]
    for section, member in GROUPS.items():
        inside: Counter[str] = Counter()
        outside: Counter[str] = Counter()
        where: dict[str, str] = {}
        for entry, words in docs:
            (inside if member(entry) else outside).update(words)
            if member(entry):
                for w in words:
                    where.setdefault(w, f"CCL {entry['eccn']} heading")
        for name, text in sections.items():
            words = set(_WORD.findall(text))
            (inside if name == section else outside).update(words)
            if name == section:
                for w in words:
                    where.setdefault(w, f"15 CFR {section} text")
        dropped = set(not_terms.get(section, []))
        terms: dict[str, str] = {}
        for w in sorted(inside):
            if len(w) < 4 or freq.get(w, 0) >= RARE or inside[w] / (inside[w] + outside[w]) < KEYNESS:
                continue
            if singular(w) not in dropped:
                terms.setdefault(singular(w), where[w])
        out[section] = terms
    return out


_CAS = re.compile(r"\(?c\.a\.s\.[^)]*\)\s*,?", re.IGNORECASE)
_BRACKETS = re.compile(r"\[[^\]]*\]")
_PAREN = re.compile(r"\(([^()]*)\)")
_CUT = re.compile(r"\s(?:identified|that|which|as follows|and all other|of serogroups|includes)\b.*$"
                  r"|[;:.]\s*(?:or)?\s*$", re.IGNORECASE)
_NOT_NAME = ("includes", "formerly", "see ", "this ", "a.k.a", "syn.", "strain", "subtype", "small colony")


def _clean(name: str) -> str:
    name = _CUT.sub("", name.strip().strip(",;. "))
    return norm(re.sub(r"^(?:and|or)\s+", "", name.strip()))


def _names(text: str, agent: bool) -> list[str]:
    """The names an item paragraph gives: the name and each alternative name in parentheses (an agent's name ends at
    its first comma: "Clostridium baratii, botulinum neurotoxin producing strains"; a chemical's commas are its own:
    "N,N-Diisopropyl-beta-aminoethanol")."""
    text = _BRACKETS.sub(" ", _CAS.sub(" ", text)).strip().strip(",; ")
    alternatives = [a.strip() for a in _PAREN.findall(text)]
    main = " ".join(_PAREN.sub(" ", text).split())
    out = [main.split(",")[0] if agent else main]
    for alt in alternatives:
        parts = re.split(r",|;", alt) if agent else [alt]
        out += [a for a in parts if len(a.strip()) >= 5 and not a.strip().lower().startswith(_NOT_NAME)
                and not (a.strip().isupper() and " " not in a.strip())]
    return [n for n in (_clean(x) for x in out) if len(n) >= 4 and not n.startswith(_NOT_NAME) and " subtype" not in n]


def agent_names(ccl: dict[str, dict[str, Any]], freq: dict[str, int]) -> dict[str, dict[str, str]]:
    """Names of 1C351/1C354 agents ('agent') and 1C350 precursors ('precursor'), each with its paragraph: the full
    name; a virus name also without "virus" when two words or more are left, and a one-word "...virus" also written
    apart; the epithet of a 1C351 binomial ("yersinia pestis" -> "pestis") when it is no English word and has six
    letters or more."""
    out: dict[str, dict[str, str]] = {"agent": {}, "precursor": {}}
    for eccn, kind, paragraphs in (("1C351", "agent", "abcde"), ("1C354", "agent", "abc"),
                                   ("1C350", "precursor", "bcd")):
        for item in ccl[eccn].get("items") or []:
            para = str(item.get("paragraph") or "")
            if item.get("kind") == "note" or not re.fullmatch(rf"[{paragraphs}]\.\d+", para):
                continue
            source = f"CCL {eccn}.{para}"
            for name in _names(str(item["text"]), kind == "agent"):
                words = [singular(w) for w in name.split()]
                forms = {" ".join(words)}
                if words[-1] == "viruse":  # "avian influenza viruses"
                    words[-1] = "virus"
                forms = {" ".join(words)}
                if len(words) > 2 and words[-1] == "virus":  # "rift valley fever virus" -> "rift valley fever"
                    forms.add(" ".join(words[:-1]))
                if len(words) == 1 and words[0].endswith("virus") and len(words[0]) > 9:  # "ebolavirus"
                    forms.add(f"{words[0][:-5]} virus")
                binomial = eccn == "1C351" and para[0] in "ce" and len(words) == 2
                if binomial and len(words[1]) >= 6 and words[1].isalpha() and name.split()[1] not in freq:
                    forms.add(words[1])
                for form in forms:
                    out[kind].setdefault(form, source)
    return out


_ALTERNATIVES = re.compile(r"\{([^{}]*)\}")


def expand(term: str) -> list[str]:
    """A hand term with its '{a|b}' alternatives written out ("{cw|bw} agent*" -> "cw agent*", "bw agent*"), in
    order; a term without braces is itself."""
    m = _ALTERNATIVES.search(term)
    if m is None:
        return [" ".join(term.split())]
    return [t for alt in m.group(1).split("|") for t in expand(term[:m.start()] + alt + term[m.end():])]


def generate(data: Path) -> dict[str, Any]:
    hand: dict[str, Any] = yaml.safe_load(HAND.read_text(encoding="utf-8"))
    freq = dictionary()
    ccl_entries: list[dict[str, Any]] = json.loads((data / CCL).read_text(encoding="utf-8"))["entries"]
    sections = _sections(data / XML)
    words = technical_words(ccl_entries, sections, freq, hand["not_terms"])
    names = agent_names({e["eccn"]: e for e in ccl_entries}, freq)
    out: dict[str, Any] = {"sections": {}}
    for section in ("744.2", "744.3", "744.4"):
        terms: dict[str, dict[str, str]] = {}
        for kind in ("hand", "use", "weapon"):
            for written in hand.get(kind, {}).get(section, []):
                for term in expand(written):
                    terms[term] = {"kind": kind, "source": "tools/wmd_words.yaml"}
        for term, source in words.get(section, {}).items():
            terms.setdefault(term, {"kind": "word", "source": source})
        if section == "744.4":
            for kind in ("agent", "precursor"):
                for term, source in names[kind].items():
                    terms.setdefault(term, {"kind": kind, "source": source})
        out["sections"][section] = {"title": TITLES[section], "fact": FACTS[section],
                                    "terms": dict(sorted(terms.items()))}
    out["dispersal"] = hand["dispersal"]
    out["range_km"] = hand["range_km"]
    out["never_negated"] = sorted(hand["never_negated"])
    out["civil"] = hand["civil"]
    return out


HEADER = """\
# GENERATED by tools/gen_wmd_terms.py from the eCFR Part 744 XML and the CCL extraction in ../shared/data/ear and the
# hand-kept tools/wmd_words.yaml -- do not edit; edit those and re-run (tests/text/test_wmd_terms.py compares).
# The §§ 744.2-744.4 end-use vocabulary read by clearance/model/wmd_words.py (docs/facts.md, "Words of §§ 744.2-744.4").
# kind: hand (weapon, delivery, dispersal words), use (what the item is for: harm, stockpiling; read in descriptions
# too), weapon (weapons and §§ 744.2-744.4 activities named outright or by euphemism; read in descriptions too),
# word (key rare word of the section's text or CCL headings),
# agent (1C351/1C354 pathogen or toxin), precursor (1C350 chemical). A trailing '*' matches continuations.
"""


def render(data: Path) -> str:
    body = yaml.safe_dump(generate(data), sort_keys=False, allow_unicode=True, width=120)
    return HEADER + body


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "ear")
    parser.add_argument("--out", type=Path, default=ROOT / "clearance" / "resources")
    args = parser.parse_args(None if argv is None else list(argv))
    (args.out / "wmd_terms.yml").write_text(render(args.data), encoding="utf-8")


if __name__ == "__main__":
    main()
