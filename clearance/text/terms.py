"""Name vocabulary from clearance/resources: legal forms, synonyms, generic words, nicknames, stopwords."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from clearance.errors import DataError
from clearance.text.fold import fold
from clearance.text.scripts import char_script
from clearance.text.yamlload import read_resource

MAX_SPAN = 5  # longest legal form / term, in tokens
ARTICLE = "al"  # the Arabic article as clearance.text.translit writes it (a stopword of name_terms.yml)


@dataclass(frozen=True, slots=True)
class LegalForm:
    form: str  # e.g. "Ltd", "GmbH", "OOO"
    generic: str | None  # e.g. "LLC", "JSC" (rigour's vocabulary), None when unknown


@dataclass(frozen=True, slots=True)
class Vocabulary:
    legal_forms: dict[str, LegalForm]  # compact folded alias ("coltd", "youxiangongsi") -> form
    terms: dict[str, str]  # compact folded variant -> canonical term ("technologies" -> "tech")
    person_terms: dict[str, str]  # the same for person names only ("junior" -> "jr")
    generic: dict[str, float]  # canonical term -> weight
    stopwords: frozenset[str]
    nicknames: dict[str, frozenset[str]]  # name -> names it is a nickname of / has as nickname
    starts: frozenset[str]  # first words of multi-word legal forms and terms (spans start only there)
    respell: tuple[tuple[str, str], ...] = ()  # (spelling, English) of loan words, longest first, also inside a word
    # legal forms the table writes only in parentheses ("(yu)", "(유)": Korean 유한회사): a form only so written
    bracketed: frozenset[str] = frozenset()


_SAFE_LOADER: type[yaml.SafeLoader] | type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load(name: str) -> Any:
    path = resources.files("clearance.resources").joinpath(name)
    try:
        # libyaml's loader when PyYAML was built with it: the same data, about 8x faster (start-up)
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"cannot read name resource: {exc}", file=str(path)) from exc


_BRACKETED = re.compile(r"\([^()]*\)")  # a legal form written in parentheses: "(yu)", "(유)"


def compact(text: str) -> str:
    return fold(text)[0].replace(" ", "")


_PRELOADED: list[Vocabulary] = []  # a vocabulary read from a signed cache (``install_vocabulary``)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The vocabulary, loaded once per process (or the one installed from a cache before first use)."""
    if _PRELOADED:
        return _PRELOADED[0]
    return _build_vocabulary()


@lru_cache(maxsize=1)
def chinese_terms() -> frozenset[str]:
    """The terms of the Chinese table (name_terms.yml ``pinyin``), compacted: the one-syllable ones ("yun", 云
    cloud) are read in a name written in Chinese characters, other tables' one-syllable keys are not
    (``clearance.text.names``)."""
    return frozenset(compact(str(v)) for variants in _load("name_terms.yml")["pinyin"].values() for v in variants)


def install_vocabulary(vocab: Vocabulary) -> bool:
    """Use ``vocab`` (the workflows layer's cached copy of this vocabulary, built from the same resource files
    and code) instead of building it: folding every alias (and importing pypinyin for the Chinese ones) costs
    about 0.6 s of CPU at each start-up. No effect once the vocabulary was built; returns whether it was used."""
    if vocabulary.cache_info().currsize:
        return False
    _PRELOADED[:] = [vocab]
    return True


def vocabulary_to_json(vocab: Vocabulary) -> bytes:
    """``vocab`` as JSON (every dict in its order, sets sorted): what ``vocabulary_from_json`` reads back equal."""
    return json.dumps({
        "legal_forms": {k: [f.form, f.generic] for k, f in vocab.legal_forms.items()},
        "terms": vocab.terms, "person_terms": vocab.person_terms, "generic": vocab.generic,
        "stopwords": sorted(vocab.stopwords), "nicknames": {k: sorted(v) for k, v in vocab.nicknames.items()},
        "starts": sorted(vocab.starts), "respell": [list(pair) for pair in vocab.respell],
        "bracketed": sorted(vocab.bracketed),
    }, ensure_ascii=False).encode("utf-8")


def vocabulary_from_json(data: bytes) -> Vocabulary:
    """The vocabulary written by ``vocabulary_to_json``; ValueError, KeyError or TypeError if it is not one."""
    raw = json.loads(data)
    return Vocabulary(
        legal_forms={str(k): LegalForm(str(v[0]), None if v[1] is None else str(v[1]))
                     for k, v in raw["legal_forms"].items()},
        terms={str(k): str(v) for k, v in raw["terms"].items()},
        person_terms={str(k): str(v) for k, v in raw["person_terms"].items()},
        generic={str(k): float(v) for k, v in raw["generic"].items()},
        stopwords=frozenset(str(w) for w in raw["stopwords"]),
        nicknames={str(k): frozenset(str(n) for n in v) for k, v in raw["nicknames"].items()},
        starts=frozenset(str(w) for w in raw["starts"]),
        respell=tuple((str(a), str(b)) for a, b in raw["respell"]),
        bracketed=frozenset(str(w) for w in raw["bracketed"]),
    )


_DIMINUTIVE_ENDINGS = ("ie", "ey", "y")  # "Peggy", "Peggie", "Peggey": one pet name spelt three ways
_DIMINUTIVE_STEM = 3  # letters before the ending ("Bobby", "Jenny"; not "Joey", "Amy")


def diminutive_spellings(name: str) -> set[str]:
    """The other spellings of a pet name's ending (-ie, -ey, -y after a consonant) that the nickname table lists
    one way of: "peggy" -> {"peggie", "peggey"}. Not an ending in -i ("Toni", "Mari" are names of their own)."""
    if not name.isalpha():
        return set()
    for ending in _DIMINUTIVE_ENDINGS:
        stem = name[: -len(ending)]
        if name.endswith(ending):
            if len(stem) >= _DIMINUTIVE_STEM and stem[-1] not in "aeiouy":
                return {stem + e for e in _DIMINUTIVE_ENDINGS} - {name}
            return set()
    return set()


# The adjective of a Russian town in a company's name as romanised ("OOO Permskaya Neftyanaya Mashinostroitelnaya
# Kompaniya" is SDN 'PERM OIL MACHINE COMPANY', "Vladimirskiy Zavod" a 'Vladimir Plant': adversarial R44b-34, R44-76,
# R44b-28): the town + -sk- + the endings of the three genders and the cases names use, read as the town. Built from
# the one-word Russian towns of clearance/text/places.yml by the regular pattern (Perm -> permskaya, Samara ->
# samarskiy, Omsk -> omskiy); irregular adjectives (Ufa -> ufimskiy, Tver -> tverskoy) are not made, and a made form
# that is no real word matches nothing.
_ADJECTIVE_ENDINGS = ("aya", "iy", "ii", "ij", "y", "oye", "oe", "ogo", "oi", "oy", "ie", "ikh")


@lru_cache(maxsize=1)
def russian_place_adjectives() -> dict[str, str]:
    """Compact adjective form -> the town's compact name, for the one-word Russian towns of places.yml."""
    raw, path = read_resource("places.yml", "place names")  # (the table clearance.text.places reads)
    towns = raw.get("russia") if isinstance(raw, dict) else None
    if not isinstance(towns, list):
        raise DataError("place names: 'russia' must be a list of names", file=path)
    out: dict[str, str] = {}
    for town in towns:
        key = compact(str(town))
        if " " in fold(str(town))[0].strip() or len(key) < 3 or key.endswith(("sky", "skiy")):
            continue  # (two words; an adjective already: 'Moskovskiy')
        stem = key if key.endswith("sk") else (key[:-1] if key.endswith("a") else key) + "sk"
        for ending in _ADJECTIVE_ENDINGS:
            out.setdefault(stem + ending, key)
    return out


def _build_vocabulary() -> Vocabulary:
    lf = _load("legal_forms.yml")
    sym = _load("name_symbols.yml")
    own = _load("name_terms.yml")
    legal: dict[str, LegalForm] = {}
    starts: set[str] = set()
    bracketed: set[str] = set()
    unbracketed: set[str] = set()

    def note_start(text: str) -> None:
        words = fold(text)[0].split()
        if len(words) > 1:
            starts.add(words[0])

    for entry in lf["forms"]:
        form = LegalForm(str(entry["form"]), entry.get("generic"))
        for alias in entry["aliases"]:
            key = compact(str(alias))
            if key and (len(fold(str(alias))[0].split()) <= MAX_SPAN):
                legal.setdefault(key, form)
                note_start(str(alias))
                (bracketed if _BRACKETED.fullmatch(str(alias).strip()) else unbracketed).add(key)
    for form_name, aliases in own["legal_forms"].items():
        for alias in aliases:
            legal.setdefault(compact(alias), LegalForm(str(form_name), None))
            note_start(alias)
            unbracketed.add(compact(alias))
    terms: dict[str, str] = {}
    person_terms: dict[str, str] = {}
    for key, variants in sym["person_terms"].items():
        for v in (*variants, key):
            if len(str(v)) == 1 and char_script(str(v)) == "Han":
                continue
            if c := compact(str(v)):
                person_terms.setdefault(c, compact(str(key)))
    for section in ("org_terms", "person_terms"):
        for key, variants in sym[section].items():
            canon = compact(str(key))
            for v in (*variants, key):
                if len(str(v)) == 1 and char_script(str(v)) == "Han":
                    continue  # (one character: its syllable is many characters' -- see translit._HAN_WORDS)
                c = compact(str(v))
                if c and c not in legal:
                    terms.setdefault(c, canon)
                    note_start(str(v))
    for key, variants in (*own["pinyin"].items(), *own.get("org_words", {}).items()):
        for v in variants:
            terms[compact(v)] = str(key)
            note_start(v)
    for adjective, town in russian_place_adjectives().items():
        terms.setdefault(adjective, town)
    for key, variants in (*own.get("arabic", {}).items(), *own.get("persian", {}).items(),
                          *own.get("hebrew", {}).items(), *own.get("urdu", {}).items()):
        for v in variants:  # read as a name's words are: the article al- a word of its own, dropped
            words = [w for w in fold(str(v))[0].split() if w != ARTICLE]
            if words:
                terms["".join(words)] = str(key)
                if len(words) > 1:
                    starts.add(words[0])
    nick: dict[str, set[str]] = {}
    for key, variants in (*sym["nicknames"].items(), *(own.get("given_names") or {}).items(),
                          *(own.get("nicknames") or {}).items()):
        group = {compact(str(v)) for v in (*variants, key)} - {""}
        group |= {s for g in group for s in diminutive_spellings(g)}
        for g in group:
            nick.setdefault(g, set()).update(group - {g})
    return Vocabulary(
        legal_forms=legal,
        terms=terms,
        person_terms=person_terms,
        generic={str(k): float(v) for k, v in own["generic"].items()},
        stopwords=frozenset(own["stopwords"]),
        respell=tuple(sorted(((str(k), str(v)) for k, v in (own.get("respell") or {}).items()),
                             key=lambda kv: -len(kv[0]))),
        nicknames={k: frozenset(v) for k, v in nick.items()},
        starts=frozenset(starts),
        bracketed=frozenset(bracketed - unbracketed),
    )
