"""Words of a party's name that denote a military end user (§ 744.21(g)) or a military-intelligence end user
(§ 744.22(f)(2)): rule data ``744.21.name_signals`` and ``744.22.name_signals``.

A name is read once while the word lists stay the same (the answer is kept in the caller's cache); the party
resolution keeps the words found (PartyInfo.name_signals) and the name itself, so that the steps in
clearance.rules.part744 can ask about them -- only where the rule would require a licence if the party were
such an end user.
"""

from __future__ import annotations

import unicodedata

from clearance.model.fact_vocabulary import normalise as _normalise
from clearance.rules.context import Ctx
from clearance.rules.place_words import written_form

KEYS = ("744.21.name_signals", "744.22.name_signals", "744.11.wherever_located")
Signals = tuple[tuple[str, str], ...]  # (rule key, word) pairs


def _words(ctx: Ctx) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The words of each rule in force on the day (memoised: the cache records which rules they came from)."""
    return ctx.memo("name signal words", _words_of, ctx, replay=False)


def _words_of(ctx: Ctx) -> tuple[tuple[str, tuple[str, ...]], ...]:
    out = []
    for key in KEYS:
        value = ctx.find(key)
        if value is not None:
            out.append((key, tuple(str(w) for w in value["words"])))
    return tuple(out)


def name_signals(ctx: Ctx, name: str) -> Signals:
    """The (rule key, word) pairs of ``name`` (the rules enter the trace only when a word is found)."""
    found: Signals = ctx.memo(("name signals", name), _signals, ctx, name, replay=False)
    for key in dict.fromkeys(k for k, _ in found):  # (in order: the trace and citations are the same each run)
        ctx.get(key)
    return found


def _signals(ctx: Ctx, name: str) -> Signals:
    norm = normalise(name)
    return tuple((key, w.strip()) for key, words in _words(ctx) for w in words if w in norm)


def region_places(ctx: Ctx, name: str) -> tuple[str, ...]:
    """The places of Crimea or the covered regions of Ukraine (rule ``746.6.place_names``) that ``name`` (a party's
    name as written, with any address) names: the item goes there whatever country the order writes."""
    return _rule_words(ctx, "746.6.place_names", name)


def us_person_words(ctx: Ctx, name: str) -> tuple[str, ...]:
    """The words of ``name`` showing a 'U.S. person' (rule ``744.6.us_person_signals``: a U.S. citizen, a U.S.
    company, a branch)."""
    return _rule_words(ctx, "744.6.us_person_signals", name)


def government_words(ctx: Ctx, name: str) -> tuple[str, ...]:
    """The words of ``name`` denoting a 'government end user' (rule ``740.17.government``; License Exception ENC)."""
    return _rule_words(ctx, "740.17.government", name)


def _rule_words(ctx: Ctx, key: str, name: str) -> tuple[str, ...]:
    """The words of rule ``key`` that ``name`` has (memoised per name; the rule enters the trace only when one is
    found)."""
    found: tuple[str, ...] = ctx.memo((key, name), _find_words, ctx, key, name, replay=False)
    if found:
        ctx.get(key)
    return found


def _find_words(ctx: Ctx, key: str, name: str) -> tuple[str, ...]:
    rule = ctx.find(key)
    if rule is None:
        return ()
    norm = _forms(name)
    return tuple(w.strip() for w in rule["words"] if w in norm)


# letters NFKD does not decompose, as their plain Latin letters (Polish 'Ługańsk', 'Gorłówka'; Turkish dotless i)
_PLAIN = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ı": "i", "ß": "ss", "æ": "ae",
                        "œ": "oe"})
_APOSTROPHES = ("'", "\u2019", "\u02bc", "`")  # inside a romanised word: "Luhans'k", "Sevastopol'"


def _forms(name: str) -> str:
    """The normal forms of ``name`` joined (two spaces apart, so that no word spans two forms): accents folded
    first (``normalise``: 'Хрустальний' -> 'khrustalnii'), Cyrillic romanised first (the fact vocabulary's:
    'khrustalniy'), and, where they differ, with the letters NFKD keeps (ł) made plain and apostrophes inside a
    word dropped ('Ługańsk' -> 'lugansk', "Luhans'k" -> 'luhansk': adversarial R23-29, R23-30, R23c-06)."""
    forms = [normalise(name), _normalise(name)]
    plain = name.translate(_PLAIN)
    for mark in _APOSTROPHES:
        plain = plain.replace(mark, "")
    if plain != name:
        forms.append(normalise(plain))
    if not name.isascii():  # words in another script as written (克里米亚, 顿涅茨克: adversarial R24b-05, R24c-05)
        forms.append(written_form(name))
    return "".join(dict.fromkeys(forms))


def normalise(text: str) -> str:
    """The normal form of docs/facts.md with accents folded first ("Armée" -> ``armee``, "Policía" -> ``policia``):
    names are written in many languages (adversarial R5-79)."""
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return _normalise(text)
