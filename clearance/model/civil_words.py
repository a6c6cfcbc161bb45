"""The civil activities, places and products an end use names (clearance/resources/civil_activities.yml), and the
words of an end use they do not account for (docs/facts.md, "An end use no vocabulary reads").

An `end_use` text from which no fact is read is an open question unless it names a civil activity **and** every
other word of it is accounted for by a closed vocabulary: the civil words and spans, the ordinary neutral words of
clearance/resources/neutral_words.yml, the trade words, the place names, and the words the order itself gives (its
party names and countries, the item's own name). A civil word beside words outside that vocabulary ("hydrodynamic
shots ... at the customer's quarry-blasting range", adversarial R32-01) no longer answers the text. Compared in the
normal form of the fact phrases, each word singular."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml

from clearance.model.fact_vocabulary import normalise
from clearance.model.wmd_words import mask_civil, singular
from clearance.text.destinations import place_words
from clearance.text.places import places

MAX_REPORTED = 12

# the phrases that say an end use is not a military one (read as not_military_end_use): their words are accounted
# for by the fact they give (fact_vocabulary.PHRASES)
_NEGATED = re.compile(r" (?:no|not for(?: a| any)?|non) military (?:end )?(?:use|user)(?: or (?:end )?(?:use|user))?"
                      r"(?: known| stated| intended)?(?= )"
                      r"| (?:far |well )?(?:below|short of) supercomputer(?: scale| level| class)?(?= )"
                      r"| no(?:t a)? supercomputer(?= )")
_DIGIT = re.compile(r"\d")


@cache
def _vocabulary() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...], dict[str, frozenset[str]]]:
    """(civil words, civil spans, civil compounds, the words of each civil activity's trade), singular."""
    raw: dict[str, Any] = yaml.safe_load(
        resources.files("clearance.resources").joinpath("civil_activities.yml").read_text(encoding="utf-8"))
    words = frozenset(singular(w) for w in raw["words"])
    spans, compounds = (tuple(" " + " ".join(singular(w) for w in s.split()) + " " for s in raw[key])
                        for key in ("spans", "compounds"))
    companions = {" ".join(singular(w) for w in k.split()): frozenset(singular(w) for w in v)
                  for k, v in raw["companions"].items()}
    return words, spans, compounds, companions


@cache
def neutral() -> tuple[frozenset[str], frozenset[str]]:
    """(the neutral words, the words kept out on purpose), each in its singular form."""
    raw: dict[str, Any] = yaml.safe_load(
        resources.files("clearance.resources").joinpath("neutral_words.yml").read_text(encoding="utf-8"))
    written = [w for group in raw["words"].values() for w in group] + list(raw["kept_out"])
    if bad := [w for w in written if not isinstance(w, str)]:  # YAML reads a bare no / on / off as a boolean
        raise ValueError(f"neutral_words.yml: quote {bad!r} (every word must be a string)")
    words = frozenset(singular(w) for group in raw["words"].values() for w in group)
    return words, frozenset(singular(w) for w in raw["kept_out"])


@cache
def _trade_and_places() -> frozenset[str]:
    trade = resources.files("clearance.resources").joinpath("trade_words.txt").read_text(encoding="utf-8")
    out = {w.strip() for w in trade.splitlines() if w.strip() and not w.startswith("#")}
    return frozenset(singular(w) for w in out | places())


def civil_words(text: str) -> list[str]:
    """The civil activities ``text`` names ("hospital", "drinking water"), in the order of the vocabulary."""
    if not text:
        return []
    words, spans, _, _ = _vocabulary()
    tokens = [singular(w) for w in normalise(text).split()]
    joined = " " + " ".join(tokens) + " "
    found = [w for w in dict.fromkeys(tokens) if w in words]
    return found + [s.strip() for s in spans if s in joined]


def forms(word: str) -> Iterator[str]:
    """``word`` and the forms it may stand for: singular, American spelling, without -ed or -ing."""
    seen = {word}
    yield word
    stems = [word, singular(word)]
    if word.endswith("ies") and len(word) > 4:
        stems.append(word[:-3] + "y")
    if word.endswith("es") and len(word) > 4:
        stems.append(word[:-2])
    for end in ("ed", "ing"):
        if word.endswith(end) and len(word) > len(end) + 1:
            stem = word[: -len(end)]
            stems += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                stems.append(stem[:-1])  # "fitted", "running"
            if end == "ed" and stem.endswith("i"):
                stems.append(stem[:-1] + "y")  # "supplied"
    for stem in stems:
        us = stem
        for brit, amer in (("our", "or"), ("isation", "ization"), ("ise", "ize"), ("tre", "ter"), ("ogue", "og")):
            us = us.replace(brit, amer)
        for w in (stem, us):
            if w not in seen:
                seen.add(w)
                yield w


def _words(text: str) -> list[str]:
    return [w for w in normalise(text).split() if len(w) > 1 and not _DIGIT.search(w)]


@cache
def _by_first_word(spans: tuple[str, ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for span in spans:
        parts = tuple(span.split())
        out.setdefault(parts[0], []).append(parts)
    return {k: tuple(v) for k, v in out.items()}


_SENTENCE_END = re.compile(r"[.;!?](?!\d)")  # a full stop, not a decimal point ("2.5 cm")


def unaccounted_words(text: str, known: Iterable[str] = ()) -> list[str]:
    """The words of an end use ``text`` that no civil word or span, neutral word, trade word or place name accounts
    for, nor a word of ``known`` (the order's party names and countries, the item's own name), in the order written
    (first ``MAX_REPORTED``, no repeats). Each sentence is read on its own: a civil word accounts for the words of
    its trade (``companions``) in its own sentence only."""
    return list(_unaccounted_text(text or "", frozenset(f for k in known for w in _words(k) for f in forms(w))))


@lru_cache(maxsize=4096)  # a batch repeats its end uses
def _unaccounted_text(text: str, given: frozenset[str]) -> tuple[str, ...]:
    out: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        out += [w for w in _unaccounted(sentence, given) if w not in out]
    return tuple(out[:MAX_REPORTED])


def _unaccounted(text: str, given: frozenset[str]) -> list[str]:
    """The unaccounted words of one sentence. A word kept out on purpose (``shot``, ``yield``, ``payload`` ...) is
    accounted for only by a civil span, a civil word or its trade. Tokens with a digit are numbers ("155",
    "3A991"): the words after them are read ("mm", "km")."""
    civil, spans, compounds, companions = _vocabulary()
    words, kept_out = neutral()
    sources = (words, _trade_and_places(), given, place_words(text))
    tokens = _NEGATED.sub(" ", mask_civil(normalise(text))).split()
    single = [singular(w) for w in tokens]
    named = set(single) | {s.strip() for s in spans if s in " " + " ".join(single) + " "}
    trade = frozenset(w for c, more in companions.items() if c in named for w in more)  # its civil word named
    spanned: set[int] = set()
    by_first = _by_first_word(spans + compounds)
    for i, first in enumerate(single):
        for parts in by_first.get(first, ()):
            if tuple(single[i:i + len(parts)]) == parts:
                spanned.update(range(i, i + len(parts)))
    for i in range(len(tokens) - 1):  # a place of two words written apart ("abu dhabi")
        if tokens[i] + tokens[i + 1] in places():
            spanned.update((i, i + 1))
    out: list[str] = []
    for i, word in enumerate(tokens):
        if i in spanned or len(word) < 2 or _DIGIT.search(word) or word in out:
            continue
        variants = list(forms(word))
        if any(v in civil or v in trade for v in variants):
            continue
        if any(v in kept_out for v in variants) or not any(v in src for v in variants for src in sources):
            out.append(word)
        if len(out) >= MAX_REPORTED:
            break
    return out
