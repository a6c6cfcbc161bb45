"""The §§ 744.2-744.4 end-use vocabulary (clearance/model/wmd_words.py): the shipped
clearance/resources/wmd_terms.yml is what tools/gen_wmd_terms.py makes from the regulation data, and the reader finds
the section words of a text, leaves known civil contexts and negated words alone, and reads dispersal over people and
distances of 300 km or more."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# adversarial round 30: weapons named outright or by euphemism beside civil words, harm to people in plain words, and
# word senses written as compounds and contexts (tools/wmd_words.yaml weapon, civil spans, senses)
@pytest.mark.parametrize(("text", "section", "word"), [
    ("spare seals for the CW production line of the customer's commercial chemicals factory", "744.4",
     "cw production"),
    ("lathes for the customer's WMD programme, housed in a textile mill", "744.2", "wmd"),
    ("fixtures for the customer's factory, which machines the physics package of its first device", "744.2",
     "physics package"),
    ("pumps for the moderator circuit of the undeclared graphite pile that feeds the power plant", "744.2",
     "graphite pile"),
    ("packing for the exchange towers making D2O at the customer's industrial gas site", "744.2", "d2o"),
    ("valves for the feed and withdrawal stations at the fuel factory", "744.2", "feed and withdrawal"),
    ("solvent extraction columns to recover Pu from irradiated targets", "744.2", "recover pu"),
    ("ground receivers for the satellite launcher of the telecom operator", "744.3", "satellite launcher"),
    ("fin actuators for the long-range precision fires made at the aerospace factory", "744.3", "precision fire"),
    ("flight computers for self-flying planes towing gunnery targets", "744.3", "self flying"),
    ("mortar shells with a choking substance for the pesticide factory", "744.4", "choking substance"),
    ("to fill shells that will be fired at rebel positions", "744.4", "'fired at rebel' (fired at people)"),
    ("a compound that kills by inhalation", "744.4", "'kills by inhalation' (harm to people)"),
    ("bacteria that kill cattle, grown at the textile factory", "744.4",
     "'bacteria that kill' (a germ that kills or infects)"),
    ("release, above marching crowds, the chemical", "744.4",
     "'release above marching crowds' (dispersal over people)"),
    # the word of a sense stays read where its context is undone ("unless")
    ("test devices for battery testing, to be detonated underground", "744.2", "test devices"),
    ("sensors for the device detonated underground at the old mine", "744.2", "detonated underground"),
    ("stockpiling the canisters of the chemical arsenal", "744.4", "arsenal"),
    # what kills may be germs; what is spread may not ("harmless_killed" is read for harm only)
    ("to spread germs among the people of the rebel town", "744.4",
     "'spread germs among the people' (dispersal over people)"),
])
def test_weapons_words_beside_civil_words_are_found(text: str, section: str, word: str) -> None:
    assert word in wmd_words(text).get(section, []), wmd_words(text)


@pytest.mark.parametrize("text", [
    "fresh rocket leaves for the salad menu of a restaurant chain",
    "large-missile-impact laminated glass for a bank's windows",
    "office furniture for a criminal defense attorney's office",
    "navy blue uniforms for hotel staff",
    "business intelligence software for a supermarket chain",
    "internally rifled boiler tubes for a coal power plant",
    "stirred-tank reactor for a craft brewery",
    "feeders for vitamin enrichment of flour at a mill",
    "cream separator centrifuges for a dairy",
    "tritium exit signs for a hotel",
    "vibration sensors recording charges detonated underground at a copper mine",
    "test devices for smartphone drop testing at a repair shop",
    "rat poison bait stations for a grain mill",
    "conveyors for stockpiling road salt at the state highway yard",
    "patient lifts for incapacitated residents of a nursing home",
    "portable toxic gas detectors for refinery workers",
    "hand sanitiser spray dispensers used on people entering the clinic",
    "tractor-mounted sprayers for spraying insecticide over the city's drainage canals",
    "turnout coats for the city's fire fighters",
    "bee packages with queens and drones for a honey farm",
    "Warheads sour candy for a supermarket chain",
    "chemical etching tanks for a sign-making shop",
    "flood defence pumps for the city's riverfront",
    "clothes hangers for an army-navy surplus retail store",
    "ballistic gel blocks for a university forensic science lab",
    "jerseys for the children's football club, the Monterrey Missiles",
    "boxing gloves for the fighters of a boxing gym",
    "stable isotope-labelled internal standards for a hospital's clinical laboratory",
    "confetti cannons that spray confetti over the crowd at a stadium concert",
    "poison ivy creams for a pharmacy chain",
    "consumer fireworks rockets for a national day celebration",
    "mounts for CW laser diodes in the university's optics laboratory",
    "a plastic bag with a suffocation warning for a retail shop",
    "full-face gas masks with filter canisters for protection against chemical warfare agents",
])
def test_word_senses_raise_nothing(text: str) -> None:
    assert wmd_words(text) == {}
    assert red_flags(text) == []


@pytest.mark.parametrize(("text", "flag"), [
    ("canopies for the fighter jets of the air base next to the boxing arena", "fighter"),  # the sense undone
    ("jerseys for the football team of the rocket force", "rocket force"),
    ("gimbals for camera drones mapping the customer's beehives", "drone"),
    ("etching tools for the signage of the customer's wafer fab", "etch"),
    ("Warheads candy for the missile base canteen", "missile"),
])
def test_a_sense_is_undone_by_its_unless_words(text: str, flag: str) -> None:
    assert flag in red_flags(text), red_flags(text)


def test_alternatives_and_gaps_of_a_written_term() -> None:
    from clearance.model.wmd_words import _pattern, expand

    assert expand("{cw|bw} {agent*|plant}") == ["cw agent*", "cw plant", "bw agent*", "bw plant"]
    assert expand("navy  blue") == ["navy blue"]
    gap = _pattern(["stockpil* _ {salt|coal}"])
    assert gap.search(" stockpiling road salt ") and gap.search(" stockpile coal ")
    assert gap.search(" stockpiling the chemical munitions and salt ") is None  # more than two words between


@given(st.lists(st.sampled_from(["a", "bb", "{x|y}", "{p|q|r}", "w*"]), min_size=1, max_size=5))
def test_expand_writes_out_every_combination(parts: list[str]) -> None:
    from clearance.model.wmd_words import expand

    out = expand(" ".join(parts))
    count = 1
    for p in parts:
        count *= len(p.strip("{}").split("|")) if p.startswith("{") else 1
    assert len(out) == count and all("{" not in t and "|" not in t for t in out)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyz   -'.,;")), max_size=120))
def test_masking_only_removes_words(text: str) -> None:
    from clearance.model.fact_vocabulary import normalise
    from clearance.model.wmd_words import mask_civil

    norm = normalise(text)
    masked = mask_civil(norm).split()
    words = norm.split()
    assert len(masked) <= len(words) and set(masked) <= set(words)
    wmd_words(text)  # never raises
