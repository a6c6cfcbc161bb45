"""Words of a party's name that denote a military end user (§ 744.21(g)), a military-intelligence end user
(§ 744.22(f)(2)) or an end user of §§ 744.2-744.4 (nuclear, rocket systems and UAVs, chemical and biological weapons):
rule data ``744.21.name_signals``, ``744.22.name_signals`` and ``744.2.name_signals`` ... ``744.4.name_signals``.

A name is read once while the word lists stay the same (the answer is kept in the caller's cache); the party
resolution keeps the words found (PartyInfo.name_signals) and the name itself, so that the steps in
clearance.rules.part744 can ask about them -- only where the rule would require a licence if the party were
such an end user.

Words in Latin letters are compared with the name's normal form (docs/facts.md: accents folded, Cyrillic
romanised, other scripts dropped); a word written in another script (Cyrillic "войсков", Chinese "解放军") with the
name as written in its own script (``place_words.written_form``), so that the rule data can hold the words as the
names write them (adversarial round 23).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any, NamedTuple

from clearance.rules.context import INDEXED_RULES, WORD_RULES, Ctx
from clearance.rules.place_words import folded as normalise
from clearance.rules.place_words import rule_word, text_forms, written_form, written_forms
from clearance.text.english import unread_words
from clearance.text.names import prepare
from clearance.text.terms import compact, vocabulary
from clearance.text.titles import without_titles

KEYS = ("744.21.name_signals", "744.22.name_signals", "744.11.wherever_located", "744.2.name_signals",
        "744.3.name_signals", "744.4.name_signals")
# a digit in a rule word stands for any digit: the name's normal form is read with each digit as 0 (a PLA Military
# Unit Cover Designator, 'Unit 91550', is the word " unit 00000 ": adversarial R30-38)
_DIGITS = str.maketrans("123456789", "000000000")
Signals = tuple[tuple[str, str], ...]  # (rule key, word) pairs


class _Rule(NamedTuple):
    """The words of one rule, made ready to read names with (once per rule value)."""

    key: str
    latin: tuple[str, ...]  # words in Latin letters (compared with the normal form)
    other: tuple[tuple[str, str], ...]  # other scripts: (as compared, Arabic letters as Persian; as written)
    # (phrases in Latin letters, phrases of other scripts, words that are then no sign): rule ``not_end_users``
    not_end_users: tuple[tuple[tuple[str, ...], tuple[str, ...], frozenset[str]], ...]
    # the scripts the words read (rule ``scripts``, Unicode script names as in unicodedata: LATIN, CYRILLIC ...); a
    # name with letters of another script is a sign of its own: its words cannot be read (empty: not asked)
    scripts: frozenset[str] = frozenset()
    unread_words: bool = False  # rule ``unread_words``: an organisation's name with a word no vocabulary reads
    unread_except: tuple[str, ...] = ()  # rule ``unread_words_except``: words that make the name read


Words = tuple[_Rule, ...]

# Arabic and Persian write the same letters with different code points (yeh, kaf, alef maksura, heh goal): a word is
# compared with the name in one spelling ('نیروی هوایی' and 'نيروي هوايي')
_ARABIC = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ہ": "ه"})


def _as_written(word: str) -> str:
    """A rule word in another script in the form a name is compared in (``written_forms``: NFKC, case folded -- Thai
    'ตำรวจ' holds SARA AM, which NFKC writes as two characters; adversarial R38-13 -- and Arabic letters unified)."""
    return unicodedata.normalize("NFKC", word).casefold().translate(_ARABIC)


def _rule_words_of(value: dict[str, Any]) -> list[str]:
    # (the phrases of not_end_users and the words they set aside decide the answer too: a name that has none of these
    # strings has the same answer whatever the rule's other strings are)
    return [str(w) for w in value["words"]] + [str(x) for n in value.get("not_end_users", ())
                                               for x in (*n["phrases"], *n.get("words", ()))]


for _key in ("746.6.place_names", "740.17.government"):
    # (a name's words depend on the words the name has, not on every word of the rule: Ctx.depend_on_words, read by
    # ``_find_words``)
    WORD_RULES[_key] = _rule_words_of


def _signal_words_of(value: dict[str, Any]) -> list[str]:
    return [str(w) for w in value["words"]]


_STRUCTURE = "not_end_users"  # the one entry of a name-signal rule's index (INDEXED_RULES)


def _structure(value: dict[str, Any] | None) -> dict[str, Any]:
    """A value of one of KEYS as an index of one entry, its not_end_users (phrases and the words they set aside) and
    the scripts its words read."""
    return {} if value is None else {_STRUCTURE: (value.get("not_end_users"), value.get("scripts"))}


for _key in KEYS:
    # A name's signals (_signals) are a function of the name, each rule's words in order (Ctx.depend_on_words: the
    # change table names a word on each day it is added or removed, every word when the order changes) and its
    # not_end_users (INDEXED_RULES: named on each day they change, and on the days the rule starts or ends): a name is
    # read again only when a word it has, or those phrases, changed -- not when the rest of the rule changes (the
    # entries of 744.11.wherever_located) nor when words it does not have were added (744.11.wherever_located on
    # 2022-03-03).
    WORD_RULES[_key] = _signal_words_of
    INDEXED_RULES[_key] = _structure


def _words(ctx: Ctx) -> Words:
    """The words of each rule in force on the day (memoised: the cache records which rules they came from)."""
    return ctx.memo("name signal words", _words_of, ctx, replay=False)


class _Forms(NamedTuple):
    """Every word of every value of a rule of KEYS (Ctx.every_word), split by how _signals compares it."""

    latin: tuple[str, ...]  # in Latin letters: compared with the normal form
    other: tuple[tuple[str, str], ...]  # other scripts: (the word, as compared with the name as written)
    spaced: tuple[str, ...]  # with two spaces in a row: may be found where a not_end_users phrase was taken out


def _forms(ctx: Ctx, key: str) -> _Forms:
    fk = ("signal word forms", ctx.version, key)
    found: _Forms | None = ctx.data.get(fk)
    if found is None:
        words = sorted(ctx.every_word(key))
        found = _Forms(tuple(w for w in words if w.isascii()),
                       tuple((w, _as_written(w)) for w in words if not w.isascii()),
                       tuple(w for w in words if "  " in w))
        ctx.data[fk] = found
    return found


def _signal_words(ctx: Ctx, norm: str, kept: str) -> Words:
    """``_words(ctx)``, the current computation depending, of each rule of KEYS, on its not_end_users and on the words
    of the name (normal form ``norm``, as written ``kept``) -- not on the whole rule. A word found in _signals is one
    of these: a word in Latin letters found where a phrase was taken out (two spaces) and not in ``norm`` has two
    spaces in a row itself."""
    words = ctx.untracked(_words, ctx)
    if ctx.deps is not None:
        for key in KEYS:
            ctx.depend_on_entries(key, (_STRUCTURE,))
            forms = _forms(ctx, key)
            found = [w for w in forms.latin if w in norm]
            if kept:
                found += [w for w, form in forms.other if form in kept]
            ctx.depend_on_found_words(key, (*found, *forms.spaced))
    return words


def _split(words: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return tuple(w for w in words if w.isascii()), tuple(_as_written(w) for w in words if not w.isascii())


def _other(words: list[str]) -> tuple[tuple[str, str], ...]:
    return tuple((_as_written(w), w) for w in words if not w.isascii())


def _words_of(ctx: Ctx) -> Words:
    out = []
    for key in KEYS:
        value = ctx.find(key)
        if value is not None:
            words = [str(w) for w in value["words"]]
            latin, other = tuple(w for w in words if w.isascii()), _other(words)
            known = tuple((*_split([str(p) for p in n["phrases"]]),
                           frozenset(_as_written(str(w)) for w in n.get("words", ())))
                          for n in value.get("not_end_users", ()))
            out.append(_Rule(key, latin, other, known, frozenset(str(x) for x in value.get("scripts", ())),
                             bool(value.get("unread_words", False)),
                             tuple(str(w) for w in value.get("unread_words_except", ()))))
    return tuple(out)


def _script(ch: str) -> str:
    """The Unicode script of a letter as its character name begins ('CJK' for 'CJK UNIFIED IDEOGRAPH-4E00')."""
    return unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]


def _unread_scripts(name: str, scripts: frozenset[str]) -> list[str]:
    """The scripts of ``name``'s letters (in NFKC: fullwidth Latin is Latin; modifier letters such as the Uzbek
    'ʻ' are no script's) that are not among ``scripts``, in order of appearance."""
    if name.isascii() or not scripts:
        return []
    return list(dict.fromkeys(sc for ch in unicodedata.normalize("NFKC", name)
                              if ch.isalpha() and unicodedata.category(ch) != "Lm"
                              and (sc := _script(ch)) not in scripts))


def name_signals(ctx: Ctx, name: str) -> Signals:
    """The (rule key, word) pairs of ``name`` (the rules enter the trace only when a word is found)."""
    found: Signals = ctx.memo(("name signals", name), _signals, ctx, name, replay=False)
    for key in dict.fromkeys(k for k, _ in found):  # (in order: the trace and citations are the same each run)
        ctx.get(key)
    return found


def _signals(ctx: Ctx, name: str) -> Signals:
    norm, own = name_forms(name)
    norm = norm.translate(_DIGITS)
    # (a name in ASCII has no word of another script; marks kept too: Burmese တပ်မတော်, R24-45)
    kept = written_forms(name).translate(_ARABIC) if own else ""
    found: list[tuple[str, str]] = []
    for rule in _signal_words(ctx, norm, kept):
        latin_form, other_form, drop = norm, kept, frozenset[str]()
        for latin, other, words in rule.not_end_users:  # (the Salvation Army: 'army' is its name, R25-78, R25-79)
            hit = [p for p in latin if p in latin_form] + [p for p in other if p in other_form]
            for p in hit:
                latin_form, other_form = latin_form.replace(p, "  "), other_form.replace(p, "  ")
            if hit:
                drop |= words
        found += [(rule.key, w.strip()) for w in rule.latin if w in latin_form and w not in drop]
        if other_form:
            found += [(rule.key, w.strip()) for form, w in rule.other if form in other_form and form not in drop]
        # (a name in a script the words do not read: R39 -- never taken as no sign)
        found += [(rule.key, f"{sc.lower()} script, which the words do not read")
                  for sc in _unread_scripts(name, rule.scripts)]
    # (last: a name with no sign of any rule and no not_end_users phrase, with words no vocabulary reads -- a sign of
    # the rules that ask it; a name another rule reads, such as a unit 'wherever located', is asked by that rule)
    for rule in _signal_words(ctx, norm, kept) if not found else ():
        if rule.unread_words and not any(w in norm if w.isascii() else _as_written(w) in kept
                                         for w in rule.unread_except) \
                and not any(p in norm for latin, _, _ in rule.not_end_users for p in latin) \
                and not (kept and any(p in kept for _, other, _ in rule.not_end_users for p in other)):
            unread = _unread(name)
            if unread:
                found.append((rule.key, f"words no vocabulary reads ({', '.join(unread)})"))
    return tuple(found)


def _unread(name: str) -> tuple[str, ...]:
    """The words of an organisation's ``name`` that no vocabulary reads -- in Latin letters, those
    ``english.unread_words`` does not read (a general English dictionary, trade words and place names); in any other
    script, every word (no general vocabulary of another script is held: adversarial round 41 named border troops and
    interior ministries in Mongolian, Tajik, Kyrgyz, Tatar and Macedonian Cyrillic and Iraqi and Libyan units in
    Arabic) -- when the name has neither a legal form (a company: not an armed service, police or
    intelligence organisation by its name) nor a personal title; empty otherwise. Every comma segment counts (a
    service may follow a camp, an office or a town: "Camp Kigali, Ingabo z'u Rwanda", R41-06); a parenthesis all of
    whose words are read is taken as the name's translation ("Bộ Giáo dục và Đào tạo (Ministry of Education and
    Training)"). An acronym (up to five capitals) is not counted: a name read otherwise stays read -- unless the name
    proper (before the first comma) is that acronym alone, with no legal form anywhere ("DSO, Science Park Drive,
    Singapore": Singapore's defence laboratories, adversarial R44b-23): such a name says nothing of who the party is."""
    inner = re.findall(r"\(([^()]*)\)", name)
    if any(len(p.split()) >= 2 and not unread_words(p) for p in inner):
        return ()
    bare = re.sub(r"\([^()]*\)", " ", name)
    forms = vocabulary().legal_forms
    words: list[str] = []
    segments = re.split(r"[,\u060c]", bare)
    first = segments[0].split()
    if len(first) == 1 and first[0].isupper() and first[0].isalpha() and 2 <= len(first[0]) <= 5 \
            and not any(_legal_token(w, forms) for s in segments for w in s.split()):
        words.append(first[0])  # (an acronym alone, then its address: "DSO, Science Park Drive", R44b-23)
    for segment in segments:
        if prepare(segment).legal_forms or any(_legal_token(w, forms) for w in segment.split()):
            return ()
        if _PATRONYMIC.search(segment):
            return ()  # (a person named with a patronymic, "Иван Сергеевич Петров, Казань": no organisation's name)
        if without_titles(segment)[1]:
            continue  # (a person's segment: "Col. Jean Rakotoarisoa, Zandarimariam-pirenena" reads the rest, R41b-38)
        words += [w for w in unread_words(segment) if not (w.isupper() and len(w) <= 5) and w not in words]
    return tuple(words)


def _legal_token(word: str, forms: Any) -> bool:
    """Whether one written word is a legal form of the vocabulary: of three letters or more ("DOOEL", "Ltda"), or
    of two written in capitals or with a dot ("AG", "S.A."; not the Macedonian preposition "на", which folds to the
    'N.A.' of a bank)."""
    key = compact(word)
    return key in forms and (len(key) >= 3 or word.isupper() or "." in word)


_PATRONYMIC = re.compile(r"\w+(?:ович|евич|ьич|овна|евна|ична|inichna|ovich|evich|ovna|evna)\b", re.IGNORECASE)


def region_places(ctx: Ctx, name: str) -> tuple[str, ...]:
    """The places of Crimea or the covered regions of Ukraine (rule ``746.6.place_names``) that ``name`` (a party's
    name as written, with any address) names: the item goes there whatever country the order writes."""
    return _rule_words(ctx, "746.6.place_names", name)


def us_person_words(ctx: Ctx, name: str) -> tuple[str, ...]:
    """What in ``name`` shows a 'U.S. person' (rule ``744.6.us_person_signals``: a U.S. citizen or permanent
    resident, a company organised under the law of a US state or territory, a branch or office of a company of a
    US legal form), in the words found (memoised per name; the rule enters the trace only when one is found)."""
    found: tuple[str, ...] = ctx.memo(("744.6.us_person_signals", name), _us_person, ctx, name, replay=False)
    if found:
        ctx.get("744.6.us_person_signals")
    return found


class _UsPerson(NamedTuple):
    """Rule ``744.6.us_person_signals`` made ready to read names with (once per rule value)."""

    words: tuple[str, ...]  # in Latin letters
    other_words: tuple[str, ...]  # in other scripts
    jurisdictions: dict[str, tuple[tuple[str, str], ...]]  # by first word: ("new", ((" new york ", "new york"), ...))
    templates: tuple[str, ...]
    statuses: re.Pattern[str] | None
    status_words: tuple[str, ...]  # (the pattern is tried only when one of them is in the name)
    forms: tuple[str, ...]
    alone: frozenset[str]  # in parentheses alone: a jurisdiction or the nation
    with_form: frozenset[str]  # in parentheses after a US legal form: also a postal code
    nation: tuple[str, ...]  # (" usa", ...: "(Delaware, USA)")
    branch_words: tuple[str, ...]  # in Latin letters
    other_branch_words: tuple[str, ...]  # in other scripts
    other_nations: tuple[str, ...]  # another country's name in the words of 'United States' (Mexico's), set aside
    markers: tuple[str, ...]  # the United States as a nationality ("estados unidos", "american")


def _us_rule(ctx: Ctx) -> _UsPerson | None:
    return ctx.memo("744.6.us_person_signals ready", _us_rule_of, ctx, replay=False)


def _us_rule_of(ctx: Ctx) -> _UsPerson | None:
    rule = ctx.find("744.6.us_person_signals")
    if rule is None:
        return None
    places = tuple(str(j) for j in rule.get("jurisdictions", ()))
    nation = tuple(str(n) for n in rule.get("nation", ()))
    alone = frozenset(places) | frozenset(nation)
    by_first: dict[str, list[tuple[str, str]]] = {}
    for j in places:
        by_first.setdefault(j.split()[0], []).append((f" {j} ", j))
    words = [str(w) for w in rule["words"]]
    branch = [str(w) for w in rule.get("branch_words", ())]
    return _UsPerson(tuple(w for w in words if w.isascii()), tuple(rule_word(w) for w in words if not w.isascii()),
                     {k: tuple(v) for k, v in by_first.items()}, tuple(rule.get("templates", ())),
                     _status_pattern(tuple(rule.get("markers", ())), tuple(rule.get("statuses", ())),
                                     int(rule.get("gap", 0))),
                     tuple(f" {w}" for w in rule.get("statuses", ())),
                     tuple(rule.get("forms", ())), alone, alone | frozenset(rule.get("codes", ())),
                     tuple(f" {n}" for n in nation), tuple(w for w in branch if w.isascii()),
                     tuple(w for w in branch if not w.isascii()), tuple(str(n) for n in rule.get("other_nations", ())),
                     tuple(str(m) for m in rule.get("markers", ())))


def _us_person(ctx: Ctx, name: str) -> tuple[str, ...]:
    rule = _us_rule(ctx)
    if rule is None:
        return ()
    norm, own = name_forms(name)
    found: list[str] = []
    for other in rule.other_nations:  # ('ciudadano de los Estados Unidos Mexicanos': Mexico, R28-61)
        if other in norm:
            norm = norm.replace(other, " " + other.replace(" ", "") + " ")
            # (the United States named besides, anywhere in the line, with a personal status anywhere: still asked
            # -- 'ciudadano de los Estados Unidos Mexicanos y de los Estados Unidos de América')
            marker = next((m for m in rule.markers if f" {m} " in norm), None)
            status = next((s for s in rule.status_words if f"{s} " in norm), None)
            if marker and status:
                found.append(f"{marker} ... {status.strip()}")
    found += [w.strip() for w in rule.words if w in norm]
    if own:  # (marks kept too: Hindi 'नागरिक', Thai 'พลเมือง' -- adversarial round 25)
        kept = written_forms(name)
        found += [w.strip() for w in rule.other_words if w in kept]
    # a template with each jurisdiction the name has ("a {} corporation" with "puerto rico")
    here = list(dict.fromkeys(j for w in norm.split() for padded, j in rule.jurisdictions.get(w, ())
                              if padded in norm))
    if here:
        found += [p.strip() for t in rule.templates for j in here if (p := t.replace("{}", j)) in norm]
    if rule.statuses is not None and any(w in norm for w in rule.status_words):
        found += [m.group(0) for m in rule.statuses.finditer(norm)]
    legal = [w.strip() for w in rule.forms if w in norm]
    # a US state or territory in parentheses ("LLC (Texas)", "(Puerto Rico)", "(USA)"); its two-letter code only
    # after a US legal form ("Inc. (DE)": alone, "(DE)" is as likely Germany)
    if "(" in name or "（" in name:
        places = rule.with_form if legal else rule.alone
        for inner in _parenthesised(name):
            bare = next((inner[:-len(n)] for n in rule.nation if inner.endswith(n)), inner)  # "(Delaware, USA)"
            if inner in places or bare in places:
                found.append(f"{legal[0]} ({inner})" if legal else f"({inner})")
    if legal:  # a branch or office of a company of a US legal form, in other languages ("Inc., Sucursal en México")
        found += [f"{legal[0]} {w.strip()}" for w in rule.branch_words if w in norm]
        if own:
            found += [f"{legal[0]} {w.strip()}" for w in rule.other_branch_words if w in own]
    return tuple(dict.fromkeys(found))


_PARENS = re.compile(r"[(（]([^()（）]{1,60})[)）]")


def _parenthesised(name: str) -> list[str]:
    """The normal form of each parenthesised part of ``name`` ("LLC (Texas)" -> ``texas``)."""
    return [normalise(m.group(1)).strip() for m in _PARENS.finditer(name)]


@lru_cache(maxsize=8)
def _status_pattern(markers: tuple[str, ...], statuses: tuple[str, ...], gap: int) -> re.Pattern[str] | None:
    """A US marker (``u s``, ``american`` ...) and a personal status (``citizen``, ``permanent resident``, ``lpr``
    ...) within ``gap`` words of each other, in either order, in the normal form ("dual U.S./Indian citizen",
    "LPR, United States"). Linear: fixed alternatives and a bounded run of words."""
    if not markers or not statuses:
        return None
    mark = "|".join(re.escape(m) for m in sorted(markers, key=len, reverse=True))
    status = "|".join(re.escape(s) for s in sorted(statuses, key=len, reverse=True))
    between = f"(?: [a-z]+){{0,{gap}}} "
    return re.compile(f"(?<= )(?:(?:{mark}){between}(?:{status})|(?:{status}){between}(?:{mark}))(?= )")


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
    norm = text_forms(name)
    # (the result depends on the strings of the rule the name has only -- words, not_end_users phrases and the words
    # they set aside (``_rule_words_of``) --, not on the whole rule: Ctx.depend_on_words with the test
    # ``w in norm or rule_word(w) in norm``, made inline on the words as rule_word writes them)
    if ctx.deps is not None:
        ascii_words, others = _word_forms(ctx, key)
        found = [w for w in ascii_words if w in norm]  # (rule_word(w) is w)
        found += [w for w, form in others if w in norm or form in norm]
        ctx.depend_on_found_words(key, found)
    rule = ctx.untracked(ctx.find, key)
    if rule is None:
        return ()
    drop: set[str] = set()
    for known in rule.get("not_end_users", ()):  # (the Salvation Army: 'army' is its name, R25-79)
        hit = [p for p in known["phrases"] if p in norm]
        for p in hit:
            norm = norm.replace(p, "  ")
        if hit:
            drop |= set(known.get("words", ()))
    return tuple(w.strip() for w in rule["words"] if rule_word(w) in norm and w not in drop)


def _word_forms(ctx: Ctx, key: str) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """Every word of every value of rule ``key`` (Ctx.every_word), made once per rule set: those in ASCII (which
    rule_word leaves as they are), and (word, rule_word(word)) for the others."""
    fk = ("word forms", ctx.version, key)
    found: tuple[tuple[str, ...], tuple[tuple[str, str], ...]] | None = ctx.data.get(fk)
    if found is None:
        words = sorted(ctx.every_word(key))
        found = ctx.data[fk] = (tuple(w for w in words if w.isascii()),
                                tuple((w, rule_word(w)) for w in words if not w.isascii()))
    return found


def name_forms(name: str) -> tuple[str, str]:
    """A name in the two forms rule words are compared with: the normal form, for a word in Latin letters
    (Cyrillic romanised, other scripts dropped), and the name in its own script (``place_words.written_form``;
    empty for a name in ASCII), for a word in another script (Cyrillic "войсков", Chinese "解放军")."""
    return normalise(name), ("" if name.isascii() else written_form(name))


def has(forms: tuple[str, str], word: str) -> bool:
    """Whether the name of ``forms`` (name_forms) has ``word``, compared in the form of its script."""
    return word in (forms[0] if word.isascii() else forms[1])
