"""Facts the rules read from an order's own words, beside the codes it states (docs/facts.md, "Read by the rules").

Each reader can only make a requirement apply or ask a question, never clear one, except the one literal negation
of a CCL row's condition ("below the 3A101.a.2.b MT parameters"), which names the parameters it denies:

* ``microprocessor_744_17`` from the item description: a processor word, 5 GFLOPS or more (TFLOPS/PFLOPS are more)
  and a 32, 64 or 128 bit width (§ 744.17(a); adversarial R4-22);
* ``ccl_condition_met`` from the description: "meeting 1C210", "meets or exceeds 3A101.a.2.b" (a CCL row's condition
  in words names such an ECCN; R3-05, R5-17); ``ccl_condition_not_met``: "below the 3A101.a.2.b MT parameters",
  "not meeting 1C210 criteria" (R5-84, R5-85), unless a "meeting" reading stands elsewhere;
* the words of a rule value (``744.5.rule`` phrases, ``744.7.rule`` words) in the end use, compared in the normal
  form of clearance.model.fact_vocabulary.normalise;
* ``foreign_words``: the words showing that a description in Latin letters is not written in English (adversarial
  R28-83, R28-85, R28-86: German, Spanish, Turkish), read only to ask (clearance/rules/hts746.py).

Linear patterns only (no nested repetition): a long description costs microseconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from clearance.model.determination import Fact
from clearance.model.fact_vocabulary import foreign_function_word, normalise
from clearance.text.english import is_read
from clearance.text.fold import strip_accents

_SPEED = re.compile(r"(\d{1,9}(?:,\d{3})*(?:\.\d{1,6})?)\s?([gtp])flops\b", re.IGNORECASE)
_WIDTH = re.compile(r"\b(?:32|64|128)[ -]?bits?\b", re.IGNORECASE)
_TOKEN = re.compile(r"[^\W\d_]+")  # runs of letters, in any script
_ABBREVIATION = 5  # a word written in capitals up to this length is an abbreviation ("CNC", "LED"): not counted
# words that join the words of a goods description in other languages ('tubos de acero', 'cuscinetti di bronzo',
# 'Rohre mit Gewinde', 'çelik ve boru'), standing alone between spaces -- not a prefix ('de-icing'); English names
# write some of them ('de Beers'), so they are not among the function words of free text (fact_vocabulary)
_JOINING = frozenset({"de", "del", "la", "el", "di", "da", "mit", "ve", "ile", "con", "sin", "das", "dos"})
_PROCESSOR = re.compile(r"processor|\bcpus?\b", re.IGNORECASE)
MIN_GFLOPS = 5
_MEETS_ECCN = re.compile(r"\b(?:meet|meets|meeting|exceed|exceeds|exceeding)\b[^.;]{0,40}?\b\d[A-E]\d{3}\b",
                         re.IGNORECASE)
_BELOW_ECCN = re.compile(r"\b(?:below|under|not meeting|does not meet|do not meet|not exceeding|does not exceed)\s"
                         r"(?:the\s)?\d[A-E]\d{3}(?:\.[a-z0-9]{1,4}){0,6}\s(?:[A-Za-z]{2,4}\s)?"
                         r"(?:parameters|criteria|thresholds?)\b", re.IGNORECASE)


def microprocessor_744_17(text: str) -> bool:
    """Whether a description states a § 744.17(a) microprocessor: processor, >= 5 GFLOPS, 32-bit or wider."""
    if not text or not _PROCESSOR.search(text) or not _WIDTH.search(text):
        return False
    for m in _SPEED.finditer(text):
        if m.group(2).lower() != "g" or float(m.group(1).replace(",", "")) >= MIN_GFLOPS:
            return True
    return False


def condition_facts(text: str) -> frozenset[Fact]:
    """ccl_condition_met / ccl_condition_not_met as the description states them (empty: it says neither)."""
    if not text:
        return frozenset()
    below = [m.span() for m in _BELOW_ECCN.finditer(text)]
    met = [m for m in _MEETS_ECCN.finditer(text) if not any(a <= m.start() < b for a, b in below)]
    if met:
        return frozenset({Fact.CCL_CONDITION_MET})
    return frozenset({Fact.CCL_CONDITION_NOT_MET}) if below else frozenset()


def words_in(text: str, words: Iterable[str]) -> list[str]:
    """The rule-data words (normal form, " word " boundaries) found in ``text``."""
    if not text:
        return []
    norm = normalise(text)
    return [w.strip() for w in words if w in norm]


def foreign_words(text: str) -> list[str]:
    """The words showing that ``text`` (in Latin letters) is not written in English, or [] when it may be English.

    The words counted are the runs of two or more letters (abbreviations in capitals and letters joined to digits,
    "6204-2RS", left out; a text all in capitals has no abbreviation). A word is foreign when it has a letter English
    does not write ('Stück', 'tubería', 'tezgahı', 'łożyska'), is a function word of another language ('para',
    'pour', 'und'; 'de', 'di', 'mit', 've' standing alone) or is not in the English vocabulary
    (clearance/text/english.py). The text is not English when more than half its words are foreign and one of them
    is foreign by its letters or as a function word, or when every word is foreign ('cuscinetti a sfera ...
    pezzi', 'Rillenkugellager'). An English text with a few words the vocabulary lacks ('benchtop fermenter
    controllers', a brand) keeps a word it reads."""
    if not text:
        return []
    words: list[str] = []
    foreign: list[str] = []
    marked = False
    capitals = not any(ch.islower() for ch in text)  # (written all in capitals: no word is told an abbreviation)
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        start, end = m.span()
        before, after = text[start - 1:start], text[end:end + 1]
        if len(word) < 2 or (word.isupper() and len(word) <= _ABBREVIATION and not capitals) or after.isdigit() or (
                before.isdigit()):
            continue
        words.append(word)
        low = word.lower()
        plain = strip_accents(low).replace("ı", "i").replace("ł", "l").replace("ß", "ss")
        alone = before in ("", " ") and after in ("", " ")
        if not all("a" <= ch <= "z" for ch in low) or foreign_function_word(plain) or (alone and plain in _JOINING):
            foreign.append(word)
            marked = True
        elif not is_read(plain):
            foreign.append(word)
    if foreign and (len(foreign) == len(words) or (marked and 2 * len(foreign) > len(words))):
        return list(dict.fromkeys(foreign))
    return []
