"""The §§ 744.2-744.4 end-use vocabulary (clearance/model/wmd_words.py): the shipped
clearance/resources/wmd_terms.yml is what tools/gen_wmd_terms.py makes from the regulation data, and the reader finds
the section words of a text, leaves known civil contexts and negated words alone, and reads dispersal over people and
distances of 300 km or more."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from clearance.model.fact_vocabulary import red_flags
from clearance.model.wmd_words import civil_spans, wmd_words

ROOT = Path(__file__).resolve().parents[2]


def test_shipped_vocabulary_is_what_the_generator_makes(data_dir: Path) -> None:
    pytest.importorskip("spellchecker")
    pytest.importorskip("lxml")
    if not (data_dir / "ear" / "ecfr_part744").is_dir():
        pytest.skip(f"shared data not found at {data_dir}")
    spec = importlib.util.spec_from_file_location("gen_wmd_terms", ROOT / "tools" / "gen_wmd_terms.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    sys.modules["gen_wmd_terms"] = gen
    spec.loader.exec_module(gen)
    shipped = (ROOT / "clearance" / "resources" / "wmd_terms.yml").read_text(encoding="utf-8")
    assert gen.render(data_dir / "ear") == shipped, "wmd_terms.yml differs from tools/gen_wmd_terms.py: re-run it"


def test_generated_names_come_from_the_ccl_lists() -> None:
    import yaml

    terms = yaml.safe_load((ROOT / "clearance" / "resources" / "wmd_terms.yml").read_text())["sections"]
    bio = terms["744.4"]["terms"]
    assert bio["yersinia pestis"] == {"kind": "agent", "source": "CCL 1C351.c.22"}
    assert bio["thiodiglycol"]["kind"] == "precursor" and bio["abrin"]["kind"] == "agent"
    assert terms["744.2"]["terms"]["iaea"]["kind"] == "word"  # § 744.2(a)(2): "International Atomic Energy Agency"
    assert terms["744.3"]["terms"]["turbojet"]["source"].startswith("CCL 9A")
    # ordinary words of the candidates are left out (tools/wmd_words.yaml not_terms)
    assert "compressor" not in terms["744.2"]["terms"] and "resin" not in terms["744.3"]["terms"]


@pytest.mark.parametrize(("text", "section", "word"), [
    # adversarial round 8, section 3 (the seven false clears)
    ("rotor tubes to enrich UF6 in the cascade hall", "744.2", "enrich"),
    ("for hydrodynamic implosion tests of a device core", "744.2", "implosion"),
    ("for the primary loop of a research pile not under IAEA safeguards", "744.2", "iaea"),
    ("nozzle throat inserts for the second stage of a two-stage solid propellant vehicle with 2,000 km reach", "744.3",
     "2,000 km (a range of 300 km or more)"),
    ("spray booms for pilotless planes that will release a choking agent over enemy positions", "744.3", "pilotless"),
    ("spray booms for pilotless planes that will release a choking agent over enemy positions", "744.4",
     "choking agent"),
    ("for making sulfur mustard and filling it into aerial bombs", "744.4", "bombs"),
    ("to grow Yersinia pestis and mill it into a breathable powder for dispersal over cities", "744.4",
     "yersinia pestis"),
    ("to grow Yersinia pestis and mill it into a breathable powder for dispersal over cities", "744.4",
     "'dispersal over cities' (dispersal over people)"),
    ("no IAEA safeguards at the site", "744.2", "iaea"),  # the safeguards words are never read as negated
    ("no bombs here, but bombs there", "744.4", "bombs"),  # a negated occurrence does not hide a later one
    ("a range of 250 miles", "744.3", "250 miles (a range of 300 km or more)"),
    ("to propagate Ebola virus stock", "744.4", "ebola virus"),  # a one-word CCL name ("Ebolavirus") written apart
])
def test_section_words_are_found(text: str, section: str, word: str) -> None:
    assert word in wmd_words(text).get(section, []), wmd_words(text)


@pytest.mark.parametrize("text", [
    "shielded cabinets for the hospital's nuclear medicine department (PET/CT radiopharmacy)",  # R8-27
    "spray kits for agricultural spraying drones applying registered fungicides on tea estates",  # R8-28
    "vaccine production line for foot-and-mouth disease in cattle",  # the 1C351 Note 1 exclusions
    "spray coatings for city buses",  # a dispersal word without a preposition before the people word
    "a 120 km fibre link between two exchanges",  # below 300 km
    "no bombs, no propellant",  # negated
    "bomb calorimeter for a food laboratory",
])
def test_civil_and_negated_texts_raise_nothing(text: str) -> None:
    assert wmd_words(text) == {}
    assert red_flags(text) == []


def test_a_civil_context_masks_only_its_own_words() -> None:
    text = "agricultural spraying drones releasing a choking agent over villages"
    assert civil_spans(" agricultural spraying drones releasing ") == ["agricultural spraying drones"]
    found = wmd_words(text)
    assert "choking agent" in found["744.4"] and "drone" not in " ".join(red_flags(text))
    assert wmd_words("vaccine trials; aerosolised Yersinia pestis over villages")["744.4"][0] == "aerosolised"
    # without the civil reading every word counts (rule 744.3 reads the drones so in Country Group D:4)
    assert wmd_words("agricultural uav", civil=False) == {"744.3": ["uav"]} and wmd_words("agricultural uav") == {}
    assert red_flags("nuclear medicine and a nuclear reactor") == ["nuclear", "reactor"]
