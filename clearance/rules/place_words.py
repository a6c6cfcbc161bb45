"""The forms of a name or text that rule words are matched in, and the places of the countries with a Part 746
section (rule ``746.named_places``) named in an order's words or in a party's own name or address line.

A rule word in Latin letters is matched in the normal forms of the text (docs/facts.md: accents folded, Cyrillic
romanised -- both ways, 'й' read as 'i' and as 'y'; letters NFKD keeps, such as 'ł', made plain; apostrophes inside a
word dropped: "Ługańsk", "Luhans'k"); a word in another script in the text as written (``written_form``: Persian
"بندرعباس", Korean "평양", Chinese "平壤", Cyrillic "войсков"), and with its combining marks kept (Burmese
"တပ်မတော်"). Adversarial rounds 23 and 24."""

from __future__ import annotations

import re
import unicodedata

from clearance.model.fact_vocabulary import normalise
from clearance.rules.context import Ctx

_JOINERS = re.compile("[\u200c\u200d\u200e\u200f]")  # zero-width (non-)joiners and direction marks
_NOT_WORD = re.compile(r"[\W_]+")  # anything but letters and digits of any script: one linear pass
# letters NFKD does not decompose, as their plain Latin letters (Polish 'Ługańsk', 'Gorłówka'; Turkish dotless i)
_PLAIN = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ı": "i", "ß": "ss", "æ": "ae",
                        "œ": "oe", "'": None, "\u2019": None, "\u02bc": None, "`": None})


def folded(text: str) -> str:
    """The normal form of docs/facts.md with accents folded first ("Armée" -> ``armee``, "Policía" -> ``policia``;
    'Хрустальний' -> ``khrustalnii``): names are written in many languages (adversarial R5-79)."""
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return normalise(text)


def written_form(text: str) -> str:
    """``text`` in its own script: compatibility forms folded (full-width digits), zero-width joiners dropped, lower
    case, 'ё' as 'е', words separated by single spaces with a space at each end ("в/ч 55443" -> `` в ч 55443 ``;
    Chinese has no spaces: "中国人民解放军63600部队" is one word, read by the characters it contains)."""
    text = _JOINERS.sub("", unicodedata.normalize("NFKC", text)).casefold().replace("ё", "е")
    return f" {_NOT_WORD.sub(' ', text).strip()} "


def written_forms(text: str) -> str:
    """``written_form`` and the text with its combining marks kept (Burmese "တပ်မတော်", whose marks are no word
    characters), two spaces apart (no word spans them)."""
    return f"{written_form(text)} {unicodedata.normalize('NFKC', text).casefold()} "


def text_forms(text: str) -> str:
    """Every form a rule word is matched in (module docstring), two spaces apart."""
    forms = [folded(text), normalise(text)]
    plain = text.translate(_PLAIN)
    if plain != text:
        forms.append(folded(plain))
    if not text.isascii():
        forms.append(written_forms(text))
    return "".join(f" {f.strip()} " for f in dict.fromkeys(forms))


def country_places(ctx: Ctx, text: str) -> tuple[tuple[str, str], ...]:
    """(country, word) for each country of rule ``746.named_places`` that ``text`` names (memoised per text; the
    rule enters the trace only when one is found)."""
    found: tuple[tuple[str, str], ...] = ctx.memo(("746.named_places", text), _find, ctx, text, replay=False)
    if found:
        ctx.get("746.named_places")
    return found


def _find(ctx: Ctx, text: str) -> tuple[tuple[str, str], ...]:
    rule = ctx.find("746.named_places")
    if rule is None:
        return ()
    norm = text_forms(text)
    out = []
    for country, words in rule["countries"].items():
        word = next((w.strip() for w in words if w in norm), None)
        if word is not None:
            out.append((str(country), word))
    return tuple(out)
