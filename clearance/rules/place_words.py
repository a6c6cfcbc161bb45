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
from typing import NamedTuple

from clearance.model.fact_vocabulary import PLAIN_LETTERS, normalise
from clearance.rules.context import Ctx
from clearance.text.countries import country_code

_JOINERS = re.compile("[\u200c\u200d\u200e\u200f]")  # zero-width (non-)joiners and direction marks
_NOT_WORD = re.compile(r"[\W_]+")  # anything but letters and digits of any script: one linear pass
# letters NFKD does not decompose, as their plain Latin letters (Polish 'Ługańsk', 'Gorłówka'; Turkish dotless i;
# Vietnamese 'Đóng tàu', 'Điện lực': ``fact_vocabulary.PLAIN_LETTERS``, which ``normalise`` reads too)
_FOLD = str.maketrans(PLAIN_LETTERS)
_PLAIN = str.maketrans({**PLAIN_LETTERS, "'": None, "\u2019": None, "\u02bc": None, "`": None})


def folded(text: str) -> str:
    """The normal form of docs/facts.md with accents folded first ("Armée" -> ``armee``, "Policía" -> ``policia``,
    "Đóng tàu" -> ``dong tau``; 'Хрустальний' -> ``khrustalnii``): names are written in many languages (adversarial
    R5-79)."""
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text.translate(_FOLD))
                       if not unicodedata.combining(ch))
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


def country_places(ctx: Ctx, text: str, home: str | None = None) -> tuple[tuple[str, str], ...]:
    """(country, word) for each country of rule ``746.named_places`` that ``text`` names (memoised per text; the
    rule enters the trace only when one is found). ``home``: the country of the party whose own line ``text`` is --
    a word that also names something elsewhere (rule ``elsewhere``: 'Cuba (Beja), Portugal', 'Shiraz Estate Wines')
    is not read as the place when the line after it puts the party in ``home`` by a clear address."""
    found: tuple[tuple[str, str], ...] = ctx.memo(("746.named_places", text, home), _find, ctx, text, home,
                                                  replay=False)
    if found:
        ctx.get("746.named_places")
    return found


class _Places(NamedTuple):
    """Rule ``746.named_places`` made ready (once per rule value): words in the forms the text is matched in."""

    countries: tuple[tuple[str, tuple[str, ...]], ...]
    elsewhere: dict[str, frozenset[str]]
    home: dict[str, tuple[str, ...]]
    postcodes: dict[str, re.Pattern[str]]
    nisba: frozenset[str]
    offices: tuple[str, ...]
    located: re.Pattern[str] | None
    not_places: tuple[str, ...]


def rule_word(w: str) -> str:
    """A rule word as the text forms write it (a word in another script: NFKC, lower case -- Hindi 'ज़')."""
    return w if w.isascii() else unicodedata.normalize("NFKC", w).casefold()


def _ready(ctx: Ctx) -> _Places | None:
    rule = ctx.find("746.named_places")
    if rule is None:
        return None
    return _Places(tuple((str(c), tuple(rule_word(str(w)) for w in ws)) for c, ws in rule["countries"].items()),
                   {str(c): frozenset(rule_word(str(w)) for w in ws) for c, ws in rule.get("elsewhere", {}).items()},
                   {str(c): tuple(f" {folded(str(w)).strip()} " for w in ws) for c, ws in rule.get("home", {}).items()},
                   {str(c): re.compile(str(p)) for c, p in rule.get("postcodes", {}).items()},
                   frozenset(rule_word(str(e)) for e in rule.get("nisba", ())),
                   tuple(str(w) for w in rule.get("offices", ())), _located(tuple(rule.get("located", ()))),
                   tuple(str(w) for w in rule.get("not_places", ())))


def _located(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """A preposition of place, with an article or not, at the end of the text before a word ('... oficina en la')."""
    if not words:
        return None
    alternatives = "|".join(re.escape(str(w).strip()) for w in sorted(words, key=len, reverse=True))
    return re.compile(f" (?:{alternatives})(?: (?:la|el|l|le|les|los|las|o|a|os|as|the))? $")


def has_word(norm: str, word: str, nisba: frozenset[str] = frozenset()) -> bool:
    """Whether the text forms ``norm`` have the rule word ``word``: a word ending in a space whole, one without as
    a stem -- but a stem followed by exactly a ``nisba`` ending is a surname ("Teherani"), not the place."""
    if word not in norm:
        return False
    if not nisba or word.endswith(" "):
        return True
    at = norm.find(word)
    while at >= 0:
        start = at + len(word)
        end = norm.find(" ", start)
        if norm[start:end if end >= 0 else len(norm)] not in nisba:
            return True
        at = norm.find(word, start)
    return False


def _find(ctx: Ctx, text: str, home: str | None) -> tuple[tuple[str, str], ...]:
    rule = ctx.memo("746.named_places ready", _ready, ctx, replay=False)
    if rule is None:
        return ()
    norm = text_forms(text)
    for phrase in rule.not_places:  # (a thing named after a place: 'Cuban heel' boots, 'Havana Brown' paint)
        if phrase in norm:
            norm = norm.replace(phrase, " " * len(phrase))
    out = []
    for country, words in rule.countries:
        hits = [w for w in words if has_word(norm, w, rule.nisba)]
        if hits and home and home != country:
            hits = [w for w in hits if w not in rule.elsewhere.get(country, ()) or not _placed(rule, text, w, home)]
        if hits:
            out.append((country, hits[0].strip()))
    return tuple(out)


def _placed(rule: _Places, text: str, word: str, home: str) -> bool:
    """Whether ``text`` (a party's own line) puts the party in ``home`` by a clear address after the last place of
    ``word``: its country's name (the last comma part: '..., Portugal') or one of its cities, or its postal code
    with its state ('SA 5352'), all after the word ('Adega Cooperativa de Cuba, 7940-170 Cuba (Beja), Portugal';
    'La Habana Tapas Bar S.L., Calle de Atocha 45, Madrid'). A line that ends with the word ('..., La Habana') or
    whose words after it name no place of ``home`` is not placed: the word stays a place (a question)."""
    form = folded(text.translate(_PLAIN))
    at = form.rfind(word.rstrip() + " ") if word.isascii() else -1
    if at < 0:
        return False  # (found in another form only: read as the place)
    if any(w in form for w in rule.offices) or (rule.located is not None and any(
            rule.located.search(form[:i + 1]) for i in _starts(form, word.rstrip() + " "))):
        return False  # (an office or a place of the word's country: 'sucursal La Habana', 'en Cuba')
    tail = form[at + len(word.rstrip()):]
    if any(has_word(tail, w, rule.nisba) for _, words in rule.countries for w in words if w.isascii()):
        return False  # (another place named after it: 'La Habana, Cuba, España')
    last = text.replace("\uff0c", ",").rsplit(",", 1)[-1].strip(" ().")
    if "," in text and country_code(last) == home and f" {folded(last).strip()} " in tail:
        return True
    if any(h in tail for h in rule.home.get(home, ())):
        return True
    code = rule.postcodes.get(home)
    return code is not None and code.search(tail) is not None


def _starts(text: str, word: str) -> list[int]:
    """Where ``word`` begins in ``text``, each time."""
    out, at = [], text.find(word)
    while at >= 0:
        out.append(at)
        at = text.find(word, at + 1)
    return out
