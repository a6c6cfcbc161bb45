"""Places of the countries with a Part 746 section (rule ``746.named_places``) named in an order's words or in a
party's own name or address line.

The rule's words are matched in two forms of the text: the normal form of docs/facts.md (Latin letters, accents
folded, Cyrillic romanised: "Тегеран" -> ``tegeran``) and the text as written, lower-cased, with its punctuation made
spaces and zero-width joiners dropped, for the words written in another script (Persian "بندرعباس", Korean "평양",
Chinese "平壤": adversarial R24b-01, R24b-02, R24c-01, R24c-02)."""

from __future__ import annotations

import re
import unicodedata

from clearance.model.fact_vocabulary import normalise
from clearance.rules.context import Ctx

_JOINERS = re.compile("[\u200c\u200d\u200e\u200f]")
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_SPACES = re.compile(r"\s+")


def written_form(text: str) -> str:
    """``text`` as written: NFKC, lower case, punctuation as spaces, zero-width joiners dropped, one space apart,
    with a space at each end."""
    plain = _JOINERS.sub("", unicodedata.normalize("NFKC", text)).lower()
    return f" {_SPACES.sub(' ', _PUNCT.sub(' ', plain)).strip()} "


def forms(text: str) -> str:
    """The normal form and, for text not in ASCII, the written form, two spaces apart (no word spans them)."""
    norm = f" {normalise(text).strip()} "
    return norm if text.isascii() else f"{norm} {written_form(text)}"


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
    norm = forms(text)
    out = []
    for country, words in rule["countries"].items():
        word = next((w.strip() for w in words if w in norm), None)
        if word is not None:
            out.append((str(country), word))
    return tuple(out)
