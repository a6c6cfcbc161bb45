"""clearance-name@3: distinctive-word weighting, abbreviations, digits and numbers, person-name guards."""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar

from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from clearance.model.entity import Schema
from clearance.screening import features as ft
from clearance.screening.algorithm import (
    RESIDUE_MAX_WEIGHT,
    ClearanceMatcherV2,
    _forms_differ,
    comparable,
    core_form,
)
from clearance.screening.blocking import (
    MIN_DELETE_LEN,
    TOKEN_MEMO_CHARS,
    TOKEN_MEMO_SIZE,
    _deletes,
    name_keys,
    query_keys,
    split_keys,
)
from clearance.screening.chinese3 import chinese_name_guards
from clearance.screening.forms3 import _prepare3_memo, canonical_tokens, prepare3
from clearance.screening.model import Feature, Match, match_of
from clearance.screening.namesim import (
    INITIAL_SIM,
    NICKNAME_SIM,
    SPELT_ALIKE_EDITS,
    Core,
    Guard,
    NameScore,
    TokenPair,
    coverage_score,
    name_score,
    name_similarity,
    similarity_core,
    spelt_alike,
    token_similarity,
    written_tokens,
)
from clearance.screening.nations3 import nation_conflict, state_body_only, state_words
from clearance.screening.prepared import PreparedEntity, PreparedName, PreparedQuery, is_person
from clearance.screening.rarity import rarity
from clearance.text.fold import fold, skeleton
from clearance.text.han_names import NAME_CHARS, reads_as_syllables
from clearance.text.names import DISTINCTIVE_WEIGHT, NameForm
from clearance.text.pinyin import pinyin_word, syllables
from clearance.text.places import (
    branch_qualifiers,
    country_places,
    country_words,
    place_countries,
    place_words,
    places,
)
from clearance.text.scripts import ABJADS, char_script
from clearance.text.terms import vocabulary
from clearance.text.translit import to_latin

UNSPACED_AGREE = 0.85  # a name in a script without spaces agreeing this much, spaces removed: no word guard
SHORT_WORD = 5  # a one-word name this short, one letter off, is as often another brand ("Canon" / "Cancon")
CONSONANT_MIN = 0.6  # cross-script name parts: the consonants as written must agree this much
FEW_SOUNDS = 3  # ... when their skeletons, in Arabic or Hebrew letters, have this many sounds or fewer
RARE_WEIGHT = 0.5  # a word weighing this much says which party it is (a brand, a surname)
CONFLICT_WEIGHT = 0.15  # organisations each keeping a word this heavy (a brand, a city) are different parties
PERSON_RARE_WEIGHT = 0.8  # a person's name part this rare, missing from the other name: not the same person
FULLER_MIN_PARTS = 2  # a person's name of this many parts or more, all found in a longer name ...
FULLER_EXTRA = 2  # ... that adds at most this many parts (middle names, a second surname) is that name in full
CAP = 0.69  # the highest POSSIBLE score: a person reviews
GENERIC_WEIGHT = 0.3  # a word this common says little of which party it is (``_brand_abroad``)
TERM_WEIGHT = 0.15  # a legal form's residue or an organisation term ("AO", "Group", "Holding", "Technologies")
SHORT_RESIDUE = 3  # organisation words this short, left unmatched, are residue (see ``_residue``)
EXTRA_WEIGHT = 0.9  # a word this rare that only one organisation name has may name another party (a brand)
DISTINCT_AGREE = 0.9  # an organisation name agreeing on no word this rare agrees only on common words
COVER_MIN = 0.6  # organisation names: at least this share of each name's weight must agree for a HIT
OWN_PART_SIM = 0.6  # a person's name parts left over whose skeletons agree this much may be one part spelt otherwise
LOOSE_PART = 0.5  # across scripts, unmatched name parts whose skeletons agree this much may be one part
SHORT_NUMBER_WEIGHT = 0.5  # a one-digit number ("1" read from "First") says little about which party it is
SINGLE_COMMON_CAP = 0.45  # a person's one common word (a given name) against a longer name: CLEAR
DIFFERENT_CAP = 0.45  # organisations agreeing only on common words, each keeping its own distinctive words: CLEAR
MIN_CAP = min(CAP, SINGLE_COMMON_CAP, DIFFERENT_CAP)  # no guard caps lower (``_name_raw_uncached`` relies on it)
SPELT_ALIKE = 0.5  # ... and whose transliterations, joined, agree this much letter for letter
WHOLE_SKELETON_MIN = 4  # across scripts, names whose whole skeletons agree over this many sounds: no skeleton guard
COVERED_SIM = 0.75  # across scripts, a person's name parts matched this well, covering both names: no skeleton guard
DIFFERENT_KEPT = 0.2  # ... where what each keeps weighs at least this much (any word but legal-form residue)
BRAND_TYPO_LEN = 8  # a brand this short spelt one or two letters otherwise is as often another brand ("Daesang")
BRAND_TYPO_OWN = 2  # ... in names that differ in this many other words besides legal-form residue and places
SHORT_TYPO_PARTS = 2  # a person's names agreeing on this many short parts only as typos are another name
SYLLABLE_PARTS = 3  # ... or on one, when both names are this many syllables or more ("Jong Song Hwa")
SHORT_TYPO_LEN = 4  # a word this short, spelt differently, is no evidence when it is all two names share
VOWELS_KEPT = 0.7  # a word written without some vowels ("Univrsl", 7 of 9 letters) keeps at least this share
JOINED_SKELETON_MIN = 5  # across scripts, a person's name written joined whose skeleton has this many sounds ...
JOINED_SKELETON_SIM = 0.85  # ... and agrees this much with the parts it matched is a word matched ("Park Ji-sung";
# not four sounds: "liyeonggil" / "Irene Curie", both lnkl, are two people)
WHOLE_WORDS = 3  # a description of this many words or more ...
WHOLE_WEIGHT = 1.0  # ... weighing together this much (a brand's weight) is one party's name (``_rare_whole``)
_EXACT_HOW = frozenset({"exact", "typo", "nickname"})
_PATRONYMIC = ("ovich", "evich", "ovna", "evna", "yevich", "ich", "ogly", "oglu", "kyzy",
               "auna", "itch", "itsj", "ivna", "ovych", "evych", "ichna")  # Belarusian, Ukrainian, other spellings
_ALPHABETS = frozenset({"Cyrillic", "Greek"})


RAW_MEMO_SIZE = 20_000
# (raw score, explanation, compared loosely, complete): an entry not complete has no explanation (the pair scored
# too low for a guard to lower it, so none was looked for; see ``ClearanceMatcherV3._name_raw_uncached``)
_RAW_MEMO: dict[tuple[str, bool, str, bool, bool], tuple[float, NameScore | None, bool, bool]] = {}


def allowed_edits(length: int, weight: float, person: bool) -> int:
    """Typos tolerated in a word of ``length`` letters (the shorter of the two) whose lighter side weighs ``weight``.

    None below 4 letters, one up to 8, two from 9: tolerance grows with length. A generic word (both sides
    light, below RARE_WEIGHT) of 7-8 letters or a person's name part of 6-8 may have two ("hldings" ~ holding,
    "marine" ~ "marion"): two letters in a rare 8-letter organisation word often make another brand
    ("Sbertekh" / "Severtekh").
    """
    if length < 4:
        return 0
    if length >= 9 or (length >= 7 and weight < RARE_WEIGHT) or (length >= 6 and person):
        return 2
    return 1


MAX_EDITS = 2  # the most ``allowed_edits`` allows


@lru_cache(maxsize=500_000)
def token_similarity3(a: str, b: str, person: bool, phonetic: bool) -> tuple[float, str]:
    """@3's token similarity: @2's, but typos allowed by length and rarity (``allowed_edits``), swaps count once."""
    if a == b:
        return 1.0, "exact"
    if phonetic:  # across scripts transliterations differ by more than typos: @2's similarity
        if not person and a.isalpha() and b.isalpha() and min(len(a), len(b)) >= 3 and (
                a[1:] == b or b[1:] == a or (a[0] != b[0] and a[1:] == b[1:] and len(a) <= 5)):
            return 0.0, ""  # (but a brand's letter is kept: 'A-Bank' is no 'Т-банк', T-Bank, nor 'банк')
        sim, how = token_similarity(a, b, person, phonetic)
        if how == "skeleton" and not person and (a in _generic_terms() or b in _generic_terms()):
            # a generic organisation term ("tech", "co", "grp", "intl") stands for its word by a canonical short
            # form whose sounds are not the word's: the Hebrew brand 'טוגה' (twgh, t-k) is no "Technology"
            # (adversarial R13-25's look-alike 'Electronic's Network & Technology Corp'). Such a term in another
            # script is read by the term tables (name_terms.yml), not by its sounds.
            return 0.0, ""
        return sim, how
    la, lb = len(a), len(b)
    short, long_ = (la, lb) if la < lb else (lb, la)
    if short >= 4:
        if short >= VOWELS_KEPT * long_ and la != lb and a[0] == b[0] and (_vowels_dropped(a, b)
                                                                          or _vowels_dropped(b, a)):
            return short / long_, "typo"  # only letters left out: the OSA similarity (the pre-filter's bound)
        if a.isalpha() and b.isalpha() and (person or (a[1:] != b and b[1:] != a and (a[0] == b[0] or short > 5))):
            # (in an organisation's name a letter before a whole word makes another one: "abank", A-Bank, is no typo
            # of "bank"; nor is a short word with another first letter: "abank" is no "tbank", T-Bank; a person's
            # name part may be: "Anastassia" / "Nastassia")
            # at most MAX_EDITS are ever allowed: the words' weights are looked up only for a pair that close
            d = OSA.distance(a, b, score_cutoff=MAX_EDITS)
            if d <= MAX_EDITS and d <= allowed_edits(short, min(_rarity_weight(a), _rarity_weight(b)), person):
                sim = 1.0 - d / long_
                base, how = token_similarity(a, b, person, phonetic)
                return (base, how) if base > sim else (sim, "typo")
    if not person:  # @2's similarity of two organisation words in one script is a typo's or none: not taken
        return 0.0, ""
    # @2's similarity of two person name parts in one script, but a typo's not taken: an initial, a nickname, none
    if la == 1 or lb == 1:
        return (INITIAL_SIM, "initial") if (b.startswith(a) if la < lb else a.startswith(b)) else (0.0, "")
    if a.isalpha() and b.isalpha():
        nicks = vocabulary().nicknames.get(a)
        if nicks and b in nicks:
            return NICKNAME_SIM, "nickname"
        if spelt_alike(a, b):  # (the pre-filter's bound: ``prefilter._spelt_alike_bound``)
            return 1.0 - SPELT_ALIKE_EDITS / long_, "typo"
    return 0.0, ""


@lru_cache(maxsize=200_000)
def _rarity_weight(token: str) -> float:
    return rarity().weight(token)


_NO_VOWELS = str.maketrans("", "", "aeiouy")  # ``str.translate`` table: the vowels left out


def _vowels_dropped(short: str, long: str) -> bool:
    """``short`` is ``long`` written without some of its vowels ("univrsl" / "universal", "blckchn" / "blockchain"): the
    same first letter and the same consonants in the same order, only vowels left out."""
    if len(short) >= len(long) or short[0] != long[0] or not (short.isalpha() and long.isalpha()):
        return False
    if short[1:].translate(_NO_VOWELS) != long[1:].translate(_NO_VOWELS):
        return False
    it = iter(long)
    return all(ch in it for ch in short)  # the vowels it keeps are in order too


@lru_cache(maxsize=200_000)
def token_similarity_pinyin(a: str, b: str, person: bool, phonetic: bool) -> tuple[float, str]:
    """@3's token similarity for an organisation name in Chinese characters against one in Latin letters: a word
    written in pinyin ("bohong") matched only by its consonant skeleton to a syllable of the name in characters
    ("feng", from 凤凰) is no match: pinyin spells a syllable one way, so the same characters agree letter for
    letter (``clearance.text.pinyin``; the adversarial (b) set's "Bohong Optical" against 凤凰光学, Phenix Optical),
    unless the syllable is part of the word. A word in another romanisation or a translation ("Phenix") is still
    matched by its sounds."""
    sim, how = token_similarity3(a, b, person, phonetic)
    if how == "skeleton" and (pinyin_word(a) or pinyin_word(b)):
        # (a syllable inside the word is no match either: "chang" of 长江, Yangtze, is not "Changsha"; the word's
        # syllables written apart are joined to it letter for letter, "ning chang" ~ "ningchang": ``_join_pass``)
        return 0.0, ""
    return sim, how


@lru_cache(maxsize=200_000)
def token_similarity_han(a: str, b: str, person: bool, phonetic: bool) -> tuple[float, str]:
    """@3's token similarity for two names both in Chinese characters: two different pinyin syllables are two
    different characters, never a typo of each other ("jiang" of 长江, Yangtze, is not "jing" of 景嘉, Jingjia;
    "chang" of 长 is not "zhang" of 张); other words (terms the table translated) as ``token_similarity3``."""
    if a != b and a in syllables() and b in syllables():
        return 0.0, ""
    return token_similarity3(a, b, person, phonetic)


@lru_cache(maxsize=200_000)
def token_similarity_pinyin_person(a: str, b: str, person: bool, phonetic: bool) -> tuple[float, str]:
    """@3's token similarity for a person's name in Chinese characters against one in Latin letters: as
    ``token_similarity_pinyin``, a given name written in pinyin ("cuiying") agreeing only by its consonant skeleton
    with a syllable read from the characters ("xiang", from 湘) is no match, since pinyin spells each syllable one
    way (劉湘 scored 0.99 against 'LIU Cuiying'). Names in Wade-Giles or Cantonese spellings ("Hsiang", "Cheung")
    are not pinyin words and are still matched by their sounds."""
    return token_similarity_pinyin(a, b, person, phonetic)


@lru_cache(maxsize=200_000)
def token_similarity_alphabet(a: str, b: str, person: bool, phonetic: bool) -> tuple[float, str]:
    """Name parts transliterated from another alphabet: the better of @3's and @2's token similarity (@2 allows
    a third of a long word to differ: "alshevskikh" ~ "alshevsky")."""
    return max(token_similarity3(a, b, person, phonetic), token_similarity(a, b, person, phonetic))


def _guards(q: NameForm, c: NameForm, ns: NameScore, person: bool) -> list[Guard]:
    """The @3 rules that apply to two compared names (both prepared by ``prepare3``)."""
    out = chinese_name_guards(q, c, ns, person, DIFFERENT_CAP, CAP)  # (also where the names agree once spaces are gone)
    if not person:
        out.extend(_han_brands_differ(q, c, ns))
        if q.unspaced and c.unspaced and _han(q) and _han(c):
            out.extend(_region_terms_differ(q, c))
        if _han(q) != _han(c) and q.unspaced != c.unspaced:  # (before the names agreeing once spaces are gone)
            out.extend(_other_syllable(q, c, ns))
            out.extend(_syllables_reordered(q, c, ns))
    # two names in characters read wholly as words (places and terms) are compared as names in Latin letters are
    # (浙江大学 / 四川大学 differ in a place); not a name in characters against one in Latin letters, which may
    # translate what the characters read as a place (中山大学, Zhongshan: 'Sun Yat-Sen University', adversarial R18-16)
    han_words = q.unspaced and c.unspaced and not (_syllabic(q) or _syllabic(c))
    if (q.unspaced or c.unspaced) and Levenshtein.normalized_similarity(q.compact, c.compact) >= UNSPACED_AGREE and (
            not _unseen(q, c, ns, person)) and not han_words and not _latin_words_differ(q, c):
        return out  # written without spaces (Chinese): the names agree letter for letter once spaces are gone
    qw = dict(zip(q.tokens, q.weights, strict=True))
    cw = dict(zip(c.tokens, c.weights, strict=True))
    if not person:
        kept_q = [t for t in ns.unmatched_query if _kept(t) and not _explained(t, c)]
        kept_c = [t for t in ns.unmatched_candidate if _kept(t) and not _explained(t, q)]
        if kept_q and kept_c:
            out.append(Guard(CAP, f"each name keeps words the other lacks ({' '.join(kept_q)} / {' '.join(kept_c)})"
                                  ": a different party with the same other words"))
        matched_rare = any(_matched_weight(p, qw, cw) >= RARE_WEIGHT
                           or not p.query.replace(" ", "").isalpha() for p in ns.pairs)
        brand = [t for t in kept_q if qw.get(t, 1.0) >= RARE_WEIGHT] + [t for t in kept_c if cw.get(t, 1.0)
                                                                           >= RARE_WEIGHT]
        if not matched_rare and brand:
            out.append(Guard(CAP, f"only common words agree; a distinctive word ({' '.join(brand)}) is not in the "
                                  "other name"))
        # names in words: in Latin letters, or both in Chinese characters read wholly as places and terms (浙江大学
        # "zhejiang university"; not one keeping bare syllables, 复旦大学 "fu dan university")
        worded = han_words or not (q.unspaced or c.unspaced)
        if kept_q and kept_c and worded:
            out.extend(_different_party(q, c, ns, kept_q, kept_c, qw, cw))
            out.extend(_countries_differ(ns, kept_q, kept_c))
            out.extend(_shared_acronym_only(q, c, ns, qw, cw))
        out.extend(_short_typo_only(ns, kept_q, kept_c))
        if not (q.unspaced or c.unspaced or _cross_script(q, c)):
            out.extend(_brand_typo_only(q, c, ns, kept_q, kept_c, qw, cw))
        # a word only one name has, rare enough to be a brand (a city weighs less), not the other's initials;
        # not for names written without spaces (Chinese), whose syllables are not words
        extra_q = [t for t in kept_q if qw.get(t, 1.0) >= EXTRA_WEIGHT and not _residue(t) and not _acronym_of(t, c)]
        extra_c = [t for t in kept_c if cw.get(t, 1.0) >= EXTRA_WEIGHT and not _residue(t) and not _acronym_of(t, q)]
        if ((extra_q and not kept_c) or (extra_c and not kept_q)) and worded:
            out.append(Guard(CAP, f"one name adds a distinctive word ({' '.join(extra_q + extra_c)}): another "
                                  "party named after the other one, or the same one: a person reviews", soft=True))
        if _han(q) != _han(c):
            out.extend(_places_differ_han(ns, qw, cw))
        if worded:
            out.extend(_org_agreement_guards(q, c, ns, qw, cw))
            if _listed_person_form(q, c):  # an entry of no given kind written as a person's (SDN alias file rows)
                out.extend(_parts_each_lacks(ns, "names written as persons' each have"))
                out.extend(_compound_given_name(ns, qw, cw))
        elif ns.pairs and q.unspaced != c.unspaced:  # one written in Chinese: its syllables are no words, but
            # how much of each name agrees by weight is still read ("Nanjing University" / 南京航空航天大学, Nanjing
            # University of Aeronautics and Astronautics); not between two names in Chinese (syllables are residue)
            out.extend(_coverage_guard(q, c, ns, qw, cw))
            out.extend(_pinyin_brands_differ(q, c, ns, qw, cw))
            out.extend(_han_brand_unshared(q, c, ns, qw, cw))
            out.extend(_syllable_name_inside(q, c, ns))
    elif _cross_script(q, c):  # the words of a name may be segmented otherwise: parts the other name lacks
        exact = "pinyin" in (q.translit, c.translit)  # Chinese syllables are spelt one way or not at all
        lack_q = [t for t in ns.unmatched_query if _lacking_part(t, ns.unmatched_candidate, exact)]
        lack_c = [t for t in ns.unmatched_candidate if _lacking_part(t, ns.unmatched_query, exact)]
        if exact:  # a syllable agreeing only on one consonant sound ("shi" ~ "hsueh", both "s") is not found
            weak = [p for p in ns.pairs if _one_sound(p)]
            lack_q += [p.query for p in weak]
            lack_c += [p.candidate for p in weak]
        if lack_q and lack_c:
            out.append(Guard(CAP, f"each name has a name part the other lacks, across scripts ({' '.join(lack_q)} / "
                                  f"{' '.join(lack_c)})"))
    else:
        rare_q = [t for t in ns.unmatched_query if _person_rare(t, qw)]
        rare_c = [t for t in ns.unmatched_candidate if _person_rare(t, cw)]
        if (rare_q or rare_c) and not _fuller_form(q, c, ns, qw, cw):
            out.append(Guard(CAP, f"a distinctive name part is not in the other name ({' '.join(rare_q + rare_c)})"))
        out.extend(_parts_each_lacks(ns, "each name has"))
        out.extend(_compound_given_name(ns, qw, cw))
    if person:
        short, other = (q, c) if len(q.tokens) <= len(c.tokens) else (c, q)
        if len(short.tokens) == 1 and len(other.tokens) >= 2 and not (short.unspaced or other.unspaced) and (
                ns.unmatched_query or ns.unmatched_candidate):
            w = short.weights[0]
            cap = CAP if w >= RARE_WEIGHT and len(short.tokens[0]) > 3 else SINGLE_COMMON_CAP
            out.append(Guard(cap, f"a one-word name ({short.tokens[0]}, weight {w:.2f}) against a name of "
                                  f"{len(other.tokens)} words"))
    if person:
        out.extend(_person_part_guards(q, c, ns))
    if _cross_script(q, c) and ns.score > 0:
        single = len(q.tokens) == 1 and len(c.tokens) == 1  # the pair is the whole name: @2's skeleton rule
        abjad = bool((q.scripts | c.scripts) & ABJADS)  # (Chinese and Korean romanisations differ in consonants)
        matched = [p for p in ns.pairs if (person and single and p.how == "skeleton"
                                           and not (abjad and _few_sounds_only(p))) or _word_matched(p, person)]
        if not person:  # an organisation's distinctive word must agree, not only its generic ones
            generic = vocabulary().generic
            matched = [p for p in matched if not p.query.replace(" ", "").isalpha()
                       or _matched_weight(p, qw, cw) >= RARE_WEIGHT
                       or all(generic.get(w, 1.0) >= DISTINCTIVE_WEIGHT for w in p.candidate.split())
                       or all(generic.get(w, 1.0) >= DISTINCTIVE_WEIGHT for w in p.query.split())]
        if not matched and not (person and (_covered_across(ns) or _same_sounds(q, c))):
            out.append(Guard(CAP, "across scripts only the consonant skeletons (or generic words) agree; "
                                  "no distinctive word matched"))
            if abjad and ns.pairs and all(_few_sounds_only(p) for p in ns.pairs):
                out.append(Guard(DIFFERENT_CAP, "across scripts the names agree only on a consonant skeleton of one "
                                                "or two sounds, and their consonants as written differ ("
                                                + ", ".join(f"{p.query}~{p.candidate}" for p in ns.pairs) + ")"))
        elif person and not single and _sounds_only(q, c, ns) and not _same_sounds(q, c):
            out.append(Guard(CAP, "across scripts every name part agrees only by its consonants, and the spellings "
                                  "agree less than half letter for letter ("
                                  + ", ".join(f"{p.query}~{p.candidate}" for p in ns.pairs) + ")"))
        return out
    rare_pairs = [p for p in ns.pairs if _matched_weight(p, qw, cw) >= RARE_WEIGHT
                  and p.query.replace(" ", "").isalpha()]
    one_word_typo = len(q.tokens) == 1 and len(c.tokens) == 1 and len(rare_pairs) == 1
    if one_word_typo and all(p.how in ("typo", "joined") and p.similarity < 1.0
                             and min(len(p.query), len(p.candidate)) <= SHORT_WORD for p in rare_pairs):
        out.append(Guard(CAP, "a one-word name that agrees only with a typo in a short word ("
                              + ", ".join(f"{p.query}~{p.candidate}" for p in rare_pairs) + ")"))
    one_word = min(len(q.tokens), len(c.tokens)) == 1  # a person's one-word name read as a whole name joined
    for p in ns.pairs:  # ("Changwon" ~ "Cho Yongwon", adversarial R10-02: a surname not there is no typo)
        if p.how != "joined" or (person and not one_word):
            continue
        a, b = p.query.replace(" ", ""), p.candidate.replace(" ", "")
        w = min(_weight_of(p.query, qw), _weight_of(p.candidate, cw))
        allowed = allowed_edits(min(len(a), len(b)), w, person)
        d = OSA.distance(a, b, score_cutoff=allowed + 1)
        if d > allowed and (q.renamed or c.renamed):  # the words as written, before a term table read one
            d = min(d, OSA.distance(_written_run(p.query, q), _written_run(p.candidate, c), score_cutoff=allowed + 1))
        if d > allowed:
            out.append(Guard(CAP, f"{p.query}~{p.candidate}: joined, {d} letters differ, more than a typo"))
    return out


TERM_SPLIT_MIN = 6  # letters of a word written together tried as a term table's word and the rest


def term_split_keys(form: NameForm) -> set[str]:
    """Blocking keys of words written together whose first or last part a term table reads ("yunlida": "yun" is
    read cloud in a listed "Harbin Yun Li Da ...", whose joined neighbours key is ``cloudlida``): each split of a word
    of TERM_SPLIT_MIN letters or more whose part is a term gives the part's canonical term joined to the rest (like
    ``blocking.split_keys``, which needs a part of 4+ letters and joins only two)."""
    terms = vocabulary().terms
    keys: set[str] = set()
    for t in form.tokens:
        if len(t) < TERM_SPLIT_MIN or not t.isalpha() or t in terms:
            continue
        for i in range(2, len(t) - 1):
            left, right = t[:i], t[i:]
            lc, rc = terms.get(left), terms.get(right)
            if lc is not None and lc != left:
                keys.add(lc + right)
            if rc is not None and rc != right:
                keys.add(left + rc)
    return keys


def _written_run(words: str, form: NameForm) -> str:
    """The tokens ``words`` (of ``form``, space-separated) joined, each as written before a term table read it
    ("cloud li da" of "Yun Li Da" -> "yunlida"; ``namesim.written_tokens``)."""
    spelt = dict(zip(form.tokens, written_tokens(form), strict=True))
    return "".join(spelt.get(w, w) for w in words.split())


MIN_BRAND_RUN = 2  # syllables in a row two names in characters must share for their brands to agree


def _han_brands_differ(q: NameForm, c: NameForm, ns: NameScore) -> list[Guard]:
    """Two organisation names in Chinese characters whose brands differ: a Chinese company's name is a place, a brand
    (字号, two characters or more, here a run of syllables no term or place reads) and trade words. The brands agree
    when they are the same run, or share MIN_BRAND_RUN syllables in a row, or one of MIN_BRAND_RUN syllables or more
    is inside the other (龙芯 / 龙芯中科, a short name; 大疆 in "shi da jiang" of 深圳市大疆创新科技); otherwise one
    syllable alike is another character as often as not (深信服 "shen xin fu", Sangfor, / 信諾 "xin nuo", Sinno
    Electronics: "xin" of 信; 信诺电子 / 樂芯電子, Lett Tronic: "xin" of 芯), and names agreeing besides only on trade
    words are two parties of one trade. Capped below POSSIBLE. Not when a word of weight DISTINCT_AGREE agrees."""
    if not (_han(q) and _han(c) and q.unspaced and c.unspaced):
        return []
    runs_q, runs_c = _brand_runs(q.tokens), _brand_runs(c.tokens)
    if not runs_q or not runs_c or any(_runs_agree(a, b) for a in runs_q for b in runs_c):
        return []
    table = syllables()
    if any(p.query not in table and p.candidate not in table and min(len(p.query), len(p.candidate)) > 1
           and _pair_weight(p.query, dict(zip(q.tokens, q.weights, strict=True))) >= DISTINCT_AGREE for p in ns.pairs):
        return []
    shown = " ".join(" ".join(r) for r in runs_q) + " / " + " / ".join(" ".join(r) for r in runs_c)
    return [Guard(DIFFERENT_CAP, f"in Chinese characters the brands differ ({shown}): a syllable alike is another "
                                 "character as often as not, and the rest are trade words or places: parties of the "
                                 "same trade, not one party")]


def _brand_runs(tokens: Sequence[str]) -> list[tuple[str, ...]]:
    """The runs of bare syllables (neither a term nor a place) of a name in Chinese characters, in order."""
    table = syllables()
    out: list[tuple[str, ...]] = []
    run: list[str] = []
    for t in (*tokens, ""):
        if t in table:
            run.append(t)
        elif run:
            out.append(tuple(run))
            run = []
    return out


def _runs_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two brands in syllables agree: the same, one of MIN_BRAND_RUN or more inside the other, or sharing
    MIN_BRAND_RUN in a row."""
    if a == b:
        return True
    for i in range(len(a) - MIN_BRAND_RUN + 1):
        part = a[i:i + MIN_BRAND_RUN]
        if any(b[j:j + MIN_BRAND_RUN] == part for j in range(len(b) - MIN_BRAND_RUN + 1)):
            return True
    return False


# China's compass regions, in pinyin syllables: they open the names of many universities and institutes, and are
# no brand (西北大学, Northwest University, is not 西北工业大学, Northwestern Polytechnical University: R18-88).
# Not places (places weigh little, and '西北工业大学' written 'Xibei Gongye Daxue' must keep a word to be read by)
_HAN_REGIONS = frozenset({("xi", "bei"), ("dong", "bei"), ("xi", "nan"), ("dong", "nan"), ("hua", "bei"),
                          ("hua", "dong"), ("hua", "nan"), ("hua", "zhong")})


def _region_terms_differ(q: NameForm, c: NameForm) -> list[Guard]:
    """Two names in Chinese characters made of one compass region (``_HAN_REGIONS``), places and organisation terms
    only, that differ in a term: two institutions of one region ("xi bei university" / "xi bei industry
    university"), not one."""
    terms = _term_words()
    rest: list[tuple[str, ...]] = []
    for form in (q, c):
        words = tuple(t for t in form.tokens if t not in places() and t not in terms)  # (syllables are short)
        if words not in _HAN_REGIONS:
            return []
        rest.append(words)
    if rest[0] != rest[1]:
        return []
    tq = {t for t in q.tokens if t in terms and not _residue(t)}
    tc = {t for t in c.tokens if t in terms and not _residue(t)}
    if tq == tc:
        return []
    return [Guard(DIFFERENT_CAP, f"both names are a region ({' '.join(rest[0])}) and organisation terms, and they "
                                 f"differ in {' '.join(sorted(tq ^ tc))}: two institutions, not one")]


def _syllabic(form: NameForm) -> bool:
    """A name written without spaces (Chinese) that keeps a bare syllable, neither a place nor a term ("fu", "dan" of
    复旦大学): its syllables are not words, so the guards that weigh an organisation's words do not read it."""
    return form.unspaced and any(t in syllables() and t not in places() for t in form.tokens)  # 西安 "xian" a place


_LATIN_WORD = re.compile(r"[A-Za-z0-9]+")


def _latin_words_differ(q: NameForm, c: NameForm) -> bool:
    """Whether each name keeps a word written in Latin letters in the name as written that the other, joined, does
    not hold: "LG전자" ('LG Electronics', Korean) / "LL Electronic Limited" agree letter for letter once spaces are
    gone but for "lg" / "ll", which no transliteration made (adversarial round 25's hard negatives: a Korean firm's
    office read as "LG전자" was a 0.93 HIT). Such names are compared word by word, not as letters joined."""
    def own(form: NameForm, other: NameForm) -> bool:
        written = {w.casefold() for w in _LATIN_WORD.findall(form.original)}
        return any(t in written and t not in other.compact for t in form.tokens)

    return (q.unspaced or c.unspaced) and own(q, c) and own(c, q)


def _unseen(q: NameForm, c: NameForm, ns: NameScore, person: bool = False) -> list[str]:
    """Unmatched words written in pinyin (two syllables or more, ``clearance.text.pinyin``) that the other name, in
    Chinese characters, joined without spaces does not hold: "Zhejiang Qihua Technologies" / 浙江大华技术 agree
    letter for letter but for "qi" / "da" (their brands), so they do not agree "once spaces are gone". (A word of
    another kind left over, "AVIC" or a term the table does not translate, does not count.)

    Between organisations' names also a single syllable either name keeps that the other, joined, does not hold, and
    a pinyin word matched to syllables it does not spell (``_other_pinyin``): 恒通電子 / 'HONG KONG ELECTRONICS' agree
    in all but two letters joined, "tong" / "kong" left over (adversarial R43b-23); 威成電子 / 'Heiheng Electronics'
    ("heiheng" ~ "wei cheng"). (A person's name parts in Wade-Giles or Cantonese spellings, "CHANG, Chun-ming" for
    张春明, are read by the person guards.)"""
    if _han(q) == _han(c):
        return []
    table = syllables()

    def left(t: str) -> bool:
        return pinyin_word(t) or (not person and len(t) > 1 and t in table)

    han_is_q = _han(q)
    weak = [] if person else [p.candidate if han_is_q else p.query for p in ns.pairs if _other_pinyin(p, han_is_q)]
    return [t for t in ns.unmatched_query if left(t) and t not in c.compact] + [
        t for t in ns.unmatched_candidate if left(t) and t not in q.compact] + weak


def _other_syllable(q: NameForm, c: NameForm, ns: NameScore) -> list[Guard]:
    """An organisation name in Chinese characters and one in Latin letters whose agreement rests on a syllable of the
    characters matched only by its consonants to a word of the Latin name that is another pinyin syllable ("heng" of
    恒 ~ "hong", "dong" of 東 ~ "teng", "xin" of 新 ~ "xun"): pinyin spells each syllable one way, so the Latin word
    is another character as often as the same one in another romanisation (Cantonese writes 恒 "hang", also a pinyin
    syllable; no table here tells which). Adversarial R43b-23: 恒通電子有限公司 was a 0.92 HIT on SDN 'HONG KONG
    ELECTRONICS' (heng~hong), and unlisted 金東貿易 a 0.96 HIT on SDN 'JIN TENG'. Capped at POSSIBLE: a person
    reviews. A Latin word of no pinyin ("hung", "tung", Wade-Giles "hsin") is still matched by its sounds."""
    table = syllables()
    han_is_q = _han(q)
    other = [(p.query, p.candidate) if han_is_q else (p.candidate, p.query) for p in ns.pairs
             if p.how == "skeleton" and p.query != p.candidate]
    other = [(h, lt) for h, lt in other if h in table and lt in table and len(lt) > 1]
    if not other:
        return []
    shown = ", ".join(f"{h}~{lt}" for h, lt in other)
    return [Guard(CAP, f"a syllable of the Chinese characters agrees only by its consonants with another pinyin "
                       f"syllable ({shown}): another character as often as another romanisation, a person reviews")]


def _syllables_reordered(q: NameForm, c: NameForm, ns: NameScore) -> list[Guard]:
    """An organisation name in Chinese characters whose brand (a run of bare syllables, ``_brand_runs``) the Latin
    name writes syllable by syllable in another order: 鑫美 ("xin mei") / 'Mei Xin Electronic (HK) Co., Limited', 鑫永
    / 'YONG XIN', 恒通 / 'TONG HUNG 1' (hung by its sounds). A Chinese brand is its characters in order (美鑫 is
    another brand than 鑫美): capped at POSSIBLE. Not against a Latin name written 'SURNAME, Given' (a person's name,
    whose parts lists write in either order)."""
    han, latin = (q, c) if _han(q) else (c, q)
    if "," in latin.original and len(latin.original.split(",", 1)[0].split()) == 1:
        return []
    at = {t: k for k, t in enumerate(latin.tokens)}
    for run in _brand_runs(han.tokens):
        if len(run) < MIN_BRAND_RUN:
            continue
        # (syllables spelt exactly: a sound-alike pair -- 'sz' ~ 'shi' of 深圳市, the city suffix -- says nothing of the
        # brand's order; 'Shenzhen Da Jiang Innovation ... (SZ DJI)' is DJI, adversarial R4-40)
        spelt = [(p.query, p.candidate) if han is q else (p.candidate, p.query) for p in ns.pairs
                 if p.how == "exact" and " " not in p.query + p.candidate]
        order = [at[lt] for h, lt in spelt if h in run and lt in at]
        where = [at[lt] for t in run for h, lt in spelt if h == t and lt in at]
        if len(where) >= MIN_BRAND_RUN and len(set(order)) == len(order) and where != sorted(where):
            shown = " ".join(run)
            return [Guard(CAP, f"the brand in Chinese characters ({shown}) is written in the Latin name in another "
                               f"order ({' '.join(latin.tokens[k] for k in sorted(where))}): another brand as often "
                               "as not, a person reviews")]
    return []


def _pinyin_brands_differ(q: NameForm, c: NameForm, ns: NameScore, qw: dict[str, float], cw: dict[str, float],
                          ) -> list[Guard]:
    """An organisation name in Chinese characters and one in Latin letters that agree only on common words (none
    weighs DISTINCT_AGREE: "tech") while the Latin name keeps a brand written in pinyin that the characters do not
    spell, and the characters keep syllables of their own: "Huawei Technologies Co., Ltd." / 保利科技 (Poly
    Technologies, "bao li tech"). Pinyin spells each syllable one way, so "huawei" is no "bao li": two parties of the
    same trade, capped below POSSIBLE (``_different_party`` in one script)."""
    han_is_q = _han(q)
    han, latin, han_left, latin_left = (q, c, ns.unmatched_query, ns.unmatched_candidate) if han_is_q else (
        c, q, ns.unmatched_candidate, ns.unmatched_query)
    # a pinyin brand matched only as a typo of a word the characters read ("beihang" ~ "beijing" of 北京) agrees
    # only if the characters' syllables spell it (Beihang shortens 北京航空航天, bei-jing hang-kong); otherwise it is
    # another brand of pinyin, which spells each syllable one way (北京科技大学, USTB: adversarial R18-83)
    read = _read_pinyin(han.original)
    foreign = [latin_word for p in ns.pairs if p.how == "typo"
               for latin_word in [p.candidate if han_is_q else p.query]
               if pinyin_word(latin_word) and not _syllables_from(latin_word, read)]
    if any(max(_pair_weight(p.query, qw), _pair_weight(p.candidate, cw)) >= DISTINCT_AGREE for p in ns.pairs
           if (p.candidate if han_is_q else p.query) not in foreign):
        return []
    brands = [t for t in latin_left if pinyin_word(t) and t not in han.compact] + foreign
    own = [t for t in han_left if t in syllables() and t not in latin.compact]
    if not brands or not (own or any(not _syllables_from(t, read) for t in brands)):
        # (with no syllable of their own, the characters may still be the name the brand shortens, "Beihang" of
        # 北京航空航天大学; not when a syllable of the brand is none of theirs: 北京科技大学, USTB, adversarial R18-83)
        return []
    return [Guard(DIFFERENT_CAP, f"in Chinese characters and in Latin letters the names agree only on common words, "
                                 f"and the pinyin brand ({' '.join(brands)}) is not what the characters spell "
                                 f"({' '.join(own)}): parties of the same trade, not one party")]


@lru_cache(maxsize=10_000)
def _read_pinyin(original: str) -> str:
    """A name in characters read syllable by syllable in pinyin, joined ("beijinghangkonghangtiandaxue")."""
    return to_latin(original)[0].casefold().replace(" ", "")


def _syllables_from(word: str, compact: str) -> bool:
    """``word`` splits into pinyin syllables each of which ``compact`` (a name in characters read in pinyin, joined)
    holds: it may shorten that name ("beihang" of 北京航空航天, bei-jing hang-kong)."""
    table = syllables()
    reach = [True] + [False] * len(word)
    for i in range(1, len(word) + 1):
        reach[i] = any(reach[k] and word[k:i] in table and word[k:i] in compact for k in range(max(0, i - 6), i))
    return reach[-1]


def _han_brand_unshared(q: NameForm, c: NameForm, ns: NameScore, qw: dict[str, float], cw: dict[str, float],
                        ) -> list[Guard]:
    """An organisation name in Chinese characters and one in Latin letters that do not share the brand (a run of bare
    syllables, ``_brand_runs``) of the characters: no run is spelt in the Latin name nor matched syllable for
    syllable, and nothing else distinctive agrees (no word of weight DISTINCT_AGREE matched letter for letter). What
    agrees is trade words, places or a syllable or two by chance: 中国人民大学 (Renmin University) / 'Harbin
    Engineering University' (大学 only), 顺丰速运 (SF Express) / 'Anhui Sun-Create Electronics' (shun~sun by sound),
    华为技术服务 / 'Wu Wei' (wei of 华为 and wu of 服务). Capped below POSSIBLE. (A Latin name translating the brand,
    北方 / 'North', agrees on no more and already scores below POSSIBLE: the alias table holds such names.) Not when
    a city agrees (the rest may be translated) nor when the Latin name keeps a number (the characters may write it).
    """
    han, latin = (q, c) if _han(q) else (c, q)
    runs = [r for r in _brand_runs(han.tokens) if len(r) >= MIN_BRAND_RUN]  # (one syllable: 云从, CloudWalk)
    if not runs:
        return []
    # (not a syllable matched to a pinyin word only nearly, "yuan hai" ~ "huahai", nor by its consonants to another
    # syllable, "heng" ~ "hong": pinyin spells each syllable one way, so those are other characters)
    matched = {w for p in ns.pairs if not _other_pinyin(p, han is q)
               for w in (p.query if han is q else p.candidate).split()}
    # a syllable of the brand matched by sound to a Latin word of its own that is no pinyin: a translation or
    # another romanisation of the brand ('Phenix' for 凤凰, feng~phenix), not a syllable alike by chance
    sounded = {w for p in ns.pairs for w in (p.query if han is q else p.candidate).split()
               if len(lw := (p.candidate if han is q else p.query).replace(" ", "")) >= SHORT_WORD
               and lw.isalpha() and not reads_as_syllables(lw)}
    if any(all(t in matched for t in r) or sounded & set(r) or _run_in_latin(r, latin) for r in runs):
        return []
    regional = _regional_places()
    if any(p.query in regional or p.candidate in regional for p in ns.pairs):
        return []  # the same city: the Latin name may translate the rest (南京理工大学, "Nanjing University of Science
        # and Technology": 理工 is no brand but "science and technology")
    if any(t.isdigit() for t in (ns.unmatched_candidate if han is q else ns.unmatched_query)):
        return []  # a number the characters may write (第十四研究所, "14th Research Institute")
    table = syllables()
    for p in ns.pairs:
        words = p.query if han is q else p.candidate
        if p.how in _EXACT_HOW and not all(w in table for w in words.split()) and max(
                _pair_weight(p.query, qw), _pair_weight(p.candidate, cw)) >= DISTINCT_AGREE:
            return []  # a distinctive word agrees letter for letter (a place would weigh less)
    shown = " / ".join(" ".join(r) for r in runs)
    return [Guard(DIFFERENT_CAP, f"the brand in Chinese characters ({shown}) is not in the name in Latin letters, "
                                 "and only trade words, places or single syllables agree: parties of the same trade, "
                                 "not one party")]


def _other_pinyin(p: TokenPair, han_is_query: bool) -> bool:
    """A pair of a name in characters and one in Latin letters whose Latin side is pinyin other than the characters'
    syllables: a pinyin word joined to syllables not letter for letter ("huahai" ~ "yuan hai", 0.71), or a syllable
    matched by its consonants to another syllable ("hong" ~ "heng")."""
    han_side, latin_side = (p.query, p.candidate) if han_is_query else (p.candidate, p.query)
    if p.how == "joined":
        return p.similarity < 1.0 and pinyin_word(latin_side.replace(" ", ""))
    if p.how == "skeleton":
        table = syllables()
        return han_side != latin_side and han_side in table and latin_side in table and len(latin_side) > 1
    return False


RUN_SPELT_SIM = 0.75  # a brand's syllables joined agreeing this much with a Latin word: spelt otherwise (哈尔滨 Harbin)


def _run_in_latin(run: tuple[str, ...], latin: NameForm) -> bool:
    """A brand in syllables that the Latin name may write: MIN_BRAND_RUN syllables in a row of it inside the Latin
    name joined ("meiya" of 美亚柏科, Meiya Pico), or a word (or two in a row) spelling MIN_BRAND_RUN syllables or
    more of it in a row nearly ("haerbin" of 哈尔滨工程 / "harbin") or with the same first letter and consonant
    skeleton ("shenwei" / "sunway")."""
    for i in range(len(run) - MIN_BRAND_RUN + 1):
        if "".join(run[i:i + MIN_BRAND_RUN]) in latin.compact:
            return True
    words = [w for w in latin.tokens if w.isalpha()]
    words += ["".join(words[i:i + 2]) for i in range(len(words) - 1)]
    # (a word written in pinyin spells the syllables letter for letter or is other characters: "heiheng" is no
    # "wei cheng", "huahai" no "yuan hai")
    words = [w for w in words if not pinyin_word(w)]
    for i in range(len(run)):
        for j in range(i + MIN_BRAND_RUN, len(run) + 1):
            joined = "".join(run[i:j])
            sk = skeleton(joined)
            if any(Levenshtein.normalized_similarity(joined, w) >= RUN_SPELT_SIM
                   or (w[0] == joined[0] and len(sk) >= 2 and skeleton(w) == sk) for w in words):
                return True
    return False


def _places_differ_han(ns: NameScore, qw: dict[str, float], cw: dict[str, float]) -> list[Guard]:
    """An organisation name in Chinese characters and one in Latin letters that agree only on common words (none
    weighs DISTINCT_AGREE, or syllables by their consonants) and each name a place the other lacks ("Zhuhai" from
    珠海 / "Shaanxi": 珠海格力电器股份有限公司, Gree Electric, against "Shaanxi Aero Electric Co., Ltd.", adversarial
    R12-40; "Shenyang Aircraft Corp." / 上海飞机设计研究院): two parties of one trade in two places, capped below
    POSSIBLE, as ``_different_party`` caps them in one script. Places are read alike in both scripts
    (``forms3._join_places``), unlike brands, which a name in Latin letters may translate ("Phenix" for 凤凰) or
    romanise otherwise: without two places the pair stays under review. Only places within a country (China's
    provinces and cities, Russia's cities): "China" and "Nanjing" are no two places. A place matched only by one
    consonant sound to a syllable ("hk" ~ "ge") is a place the other name lacks."""
    if any(max(_pair_weight(p.query, qw), _pair_weight(p.candidate, cw)) >= DISTINCT_AGREE for p in ns.pairs
           if p.how != "skeleton"):
        return []
    table = _regional_places()
    weak = [p for p in ns.pairs if p.how == "skeleton" and _one_sound(p)]  # ("ge" ~ "hk": one sound each)
    own_q = [t for t in (*ns.unmatched_query, *(p.query for p in weak)) if t in table]
    own_c = [t for t in (*ns.unmatched_candidate, *(p.candidate for p in weak)) if t in table]
    # a place in China against another country ("neimenggu" from 内蒙古 / "Korea Zinc Industrial Group")
    abroad = _foreign_to_china()
    if own_q and not own_c and _chinese_places(own_q):
        own_c = [t for t in ns.unmatched_candidate if t in abroad]
    elif own_c and not own_q and _chinese_places(own_c):
        own_q = [t for t in ns.unmatched_query if t in abroad]
    if not (own_q and own_c):
        return []
    return [Guard(DIFFERENT_CAP, f"in Chinese characters and in Latin letters the names agree only on common words "
                                 f"and name different places ({' '.join(own_q)} / {' '.join(own_c)}): parties of "
                                 "the same trade in two places, not one party")]


@lru_cache(maxsize=1)
def _foreign_to_china() -> frozenset[str]:
    """The countries of places.yml other than China (and no continent: "Asia", "Europe" name no other country)."""
    return country_words() - {"china", "asia", "europe", "prc"}


def _chinese_places(words: Sequence[str]) -> bool:
    """Every word is a place in China (its provinces and cities, Hong Kong and Macau)."""
    return all("CN" in country_places().get((w,), frozenset()) for w in words)


@lru_cache(maxsize=1)
def _regional_places() -> frozenset[str]:
    """The one-word places within a country (``clearance.text.places.country_places``) as @3's tokens write them."""
    return frozenset("".join(words) for words in country_places())


def _org_agreement_guards(q: NameForm, c: NameForm, ns: NameScore, qw: dict[str, float], cw: dict[str, float],
                          ) -> list[Guard]:
    """Organisation names that agree on too little of what tells parties apart.

    - the agreeing words are all common ones (none weighs DISTINCT_AGREE or more: "Golden", "Star", a city,
      industry words) and either name keeps another word ("Golden Electronics Trading" / "Golden Group Trading");
    - less than COVER_MIN of either name's weight agrees ("Sichuan University" / "Tianjin University, Sichuan
      Innovation Research Institute");
    - a listed name of one word found inside a longer name ("Premier Electronics Trading" / "Premier").
    Symmetric: the same rules whichever name is the query.
    """
    out: list[Guard] = []
    typo_q, typo_c = _typo_explained(q, c, ns.unmatched_query, ns.unmatched_candidate)
    left_q = [t for t in ns.unmatched_query if not _residue(t) and t not in typo_q]
    left_c = [t for t in ns.unmatched_candidate if not _residue(t) and t not in typo_c]
    extra_q = [t for t in left_q if not _explained(t, c)]
    extra_c = [t for t in left_c if not _explained(t, q)]
    if not ns.pairs or not (extra_q or extra_c):
        return out
    top = max(max(_pair_weight(p.query, qw), _pair_weight(p.candidate, cw)) for p in ns.pairs)
    # a city added or dropped is no other party; a country or its adjective is (only common words agree, and the
    # nation is what tells 'Directorate of Military Intelligence' (Cuba's) from the Syrian one)
    differ = [t for t in extra_q + extra_c if t not in places()]
    if top < DISTINCT_AGREE and differ:
        out.append(Guard(CAP, f"only common words agree (the heaviest weighs {top:.2f}) and the names differ in "
                              f"{' '.join(differ)}"))
        desc_q, desc_c = _description(q), _description(c)
        if desc_q and desc_c:
            out.append(Guard(DIFFERENT_CAP, f"both names are made of organisation terms only and they differ in "
                                            f"{' '.join(differ)}: two descriptions, not one party's name"))
        # (not a description whose words are together as rare as a brand: "Shanghai Aircraft Manufacturing" is
        # one party's name, written after its parent's, "COMAC Shanghai Aircraft Mfg. Co.", adversarial R16-113)
        desc_q, desc_c = desc_q and not _rare_whole(q), desc_c and not _rare_whole(c)
        brand = [t for t in extra_q if desc_c and qw.get(t, 1.0) >= EXTRA_WEIGHT and t not in place_words()] + [
            t for t in extra_c if desc_q and cw.get(t, 1.0) >= EXTRA_WEIGHT and t not in place_words()]
        if brand:
            out.append(Guard(DIFFERENT_CAP, f"one name is made of organisation terms only and the other adds a brand "
                                            f"({' '.join(brand)}): a description of the trade, not the party"))
    out.extend(_coverage_guard(q, c, ns, qw, cw, (left_q, left_c)))
    words_q = [t for t in q.tokens if not _residue(t)]
    words_c = [t for t in c.tokens if not _residue(t)]
    # a place added to a one-word name is where the party is ("IRISL Dubai", written without the comma of "IRISL,
    # Dubai": adversarial R12-05's notes), no other word of another party's name
    named_q = [t for t in extra_q if t not in places()]
    named_c = [t for t in extra_c if t not in places()]
    one_c, one_q = len(words_c) == 1 or _syllable_name(c), len(words_q) == 1 or _syllable_name(q)
    if (one_c and named_q) or (one_q and named_c):
        one = " ".join(words_c if one_c and named_q else words_q)
        out.append(Guard(CAP, f"a name of one word or of Chinese syllables only ({one}) inside a longer name "
                              f"({' '.join(named_q + named_c)} added): another party named after it, or the same one: "
                              "a person reviews", soft=True))
    return out


SYLLABLE_NAME_WORDS = (2, 3)  # a name of this many words, each a Chinese syllable, is one name written apart


def _syllable_name(form: NameForm) -> bool:
    """A name in Latin letters whose words (legal-form residue aside) are SYLLABLE_NAME_WORDS Chinese syllables of two
    letters or more ('HENG, Tong', 'YONG XIN'): one brand or one person's name written syllable by syllable, as one
    word of another language is one name."""
    if form.unspaced:
        return False
    table = syllables()
    words = [t for t in form.tokens if not _legal_residue(t)]
    fewest, most = SYLLABLE_NAME_WORDS
    return fewest <= len(words) <= most and all(len(t) > 1 and t in table for t in words)


def _syllable_name_inside(q: NameForm, c: NameForm, ns: NameScore) -> list[Guard]:
    """An organisation name in Chinese characters and a Latin name that is only Chinese syllables (``_syllable_name``:
    a brand or a person's name, 'HENG, Tong'), every one of them matched, while the characters add trade words the
    Latin name lacks (电子, electronic): 恒通電子有限公司 (Hengtong Electronics, Hong Kong) is a company named with the
    same two syllables, or the listed party's; a person reviews (adversarial R43b-23: a 0.98 HIT on SDN 'HENG, Tong', a
    Cambodian entry). As ``_org_agreement_guards`` reads a listed name of one word inside a longer name: a review
    rule, which an agreeing country may lift."""
    latin, han_left, latin_left = (c, ns.unmatched_query, ns.unmatched_candidate) if _han(q) else (
        q, ns.unmatched_candidate, ns.unmatched_query)
    if not _syllable_name(latin) or any(not _legal_residue(t) for t in latin_left):
        return []
    words = organisation_words()
    added = [t for t in han_left if t in words and not _legal_residue(t) and t not in places()]
    if not added:
        return []
    shown = " ".join(t for t in latin.tokens if not _legal_residue(t))
    return [Guard(CAP, f"a name of Chinese syllables only ({shown}) inside a longer name in characters "
                       f"({' '.join(added)} added): another party named after it, or the same one: a person reviews",
                  soft=True)]


def _description(form: NameForm) -> bool:
    """A name made of organisation terms only ("US security research firm"; "BAO AN CORPORATION", read through the
    term table as "security co"; "Almaz Jewellers LLC", "diamond jewelry"): every word but legal-form residue and
    places is a term of the term table (name_symbols.yml, name_terms.yml), none a brand or a number. By the table,
    not by rarity: a listed brand is common in the lists ("huawei" weighs 0.36) and still a brand."""
    terms = _term_words()
    words = [t for t in form.tokens if not _residue(t) and t not in place_words()]  # ("Australian Army")
    return bool(words) and all(t in terms for t in words)


@lru_cache(maxsize=1)
def _term_words() -> frozenset[str]:
    return frozenset(vocabulary().terms.values())


def _rare_whole(form: NameForm) -> bool:
    """A name of WHOLE_WORDS words or more (legal-form residue aside) that weigh together at least WHOLE_WEIGHT, as
    much as one brand: each is common, the words together are not ("Shanghai Aircraft Manufacturing", 1.06;
    "Security Co", "General Technology" weigh far less)."""
    words = [w for t, w in zip(form.tokens, form.weights, strict=True) if not _residue(t)]
    return len(words) >= WHOLE_WORDS and sum(words) >= WHOLE_WEIGHT


@lru_cache(maxsize=1)
def _generic_terms() -> frozenset[str]:
    """The canonical terms that say what kind of organisation a party is (name_terms.yml ``generic``)."""
    return frozenset(vocabulary().generic)


def _coverage_guard(q: NameForm, c: NameForm, ns: NameScore, qw: dict[str, float], cw: dict[str, float],
                    left: tuple[Sequence[str], Sequence[str]] | None = None) -> list[Guard]:
    """Less than COVER_MIN of either name's weight agrees ("Sichuan University" / "Tianjin University, Sichuan
    Innovation Research Institute"); ``left``: each name's unmatched words that count (default: all but residue)."""
    left_q, left_c = left if left is not None else (
        [t for t in ns.unmatched_query if not _residue(t)], [t for t in ns.unmatched_candidate if not _residue(t)])
    cov_q = _coverage(q, left_q, qw)
    cov_c = _coverage(c, left_c, cw)
    if min(cov_q, cov_c) < COVER_MIN:
        return [Guard(CAP, f"too little of the names agrees by weight (query {cov_q:.2f}, entry {cov_c:.2f})")]
    return []


def _different_party(q: NameForm, c: NameForm, ns: NameScore, kept_q: Sequence[str], kept_c: Sequence[str],
                     qw: dict[str, float], cw: dict[str, float]) -> list[Guard]:
    """Organisation names that agree only on common words (none weighs DISTINCT_AGREE: industry words, "national",
    a legal form) while each keeps distinctive words of its own (a brand, a city: "Honor Device Co., Ltd." /
    "Huawei Device Co., Ltd.", "Shenyang Aircraft Corp." / "Nanchang Aircraft Manufacturing Company"): two
    parties of the same trade, not one party written two ways. Capped below POSSIBLE: no review for them.

    Not when a kept word is a typo of the other name's word or its initials (the same party misspelt), nor when
    one name keeps only legal-form residue.
    """
    if not ns.pairs:
        return []
    top = max(max(_pair_weight(p.query, qw), _pair_weight(p.candidate, cw)) for p in ns.pairs)
    if top >= DISTINCT_AGREE or any(not p.query.replace(" ", "").isalpha() and _pair_weight(p.query, qw) >= 1.0
                                    for p in ns.pairs):
        return []
    typo_q, typo_c = _typo_explained(q, c, kept_q, kept_c)
    own_q = [t for t in kept_q if t not in typo_q and not _residue(t) and not _acronym_of(t, c)]
    own_c = [t for t in kept_c if t not in typo_c and not _residue(t) and not _acronym_of(t, q)]
    wq = sum(qw.get(t, 1.0) for t in own_q)
    wc = sum(cw.get(t, 1.0) for t in own_c)
    if min(wq, wc) < DIFFERENT_KEPT:
        return []
    return [Guard(DIFFERENT_CAP, f"only common words agree (the heaviest weighs {top:.2f}) and each name keeps its "
                                 f"own ({' '.join(own_q)} / {' '.join(own_c)}): parties of the same trade, not one "
                                 "party")]


def _countries_differ(ns: NameScore, kept_q: Sequence[str], kept_c: Sequence[str]) -> list[Guard]:
    """Organisation names that each keep a place of another country ("Maritime and Port Authority of Singapore" / SDN
    'SYRIAN GENERAL AUTHORITY FOR MARITIME TRANSPORT': singapore, SG / syrian, SY; ``place_countries``) and agree
    only on organisation terms of the term table and places, no brand: two parties of one kind in two countries (a
    port authority, a ministry, a national airline), not one party. Capped below POSSIBLE. By the term table, not by
    rarity: an institution's word is rare in the name corpus ("authority" weighs 1.0) and still no brand; a brand that
    agrees ("Bank Melli Iran" / "Bank Melli ... Ghana": an affiliate abroad) or a number keeps the pair as it is. A
    place of no known country (a world region, "Dubai") or a country either name shares says nothing here."""
    if not ns.pairs:
        return []
    terms, known = _term_words(), place_words()
    if any(not (w in terms or w in known or _residue(w)) for p in ns.pairs for w in (*p.query.split(),
                                                                                     *p.candidate.split())):
        return []
    table = place_countries()
    own_q = [t for t in kept_q if table.get(t)]
    own_c = [t for t in kept_c if table.get(t)]
    lands_q = frozenset().union(*(table[t] for t in own_q))
    lands_c = frozenset().union(*(table[t] for t in own_c))
    if not lands_q or not lands_c or lands_q & lands_c:
        return []
    return [Guard(DIFFERENT_CAP, f"each name keeps a place of another country ({' '.join(own_q)} / "
                                 f"{' '.join(own_c)}) and they agree only on organisation terms and places: parties "
                                 "of one kind in two countries, not one party")]


def _shared_acronym_only(q: NameForm, c: NameForm, ns: NameScore, qw: dict[str, float], cw: dict[str, float],
                         ) -> list[Guard]:
    """Organisations (each keeping a word of its own) that agree on an acronym which is the initials of each name's
    own words ("Korea Aerospace Industries (KAI)" / "Korea Automation Industry (KAI)"), and otherwise only on common
    words: the acronym agrees because the initials do, it says nothing of its own. Capped below POSSIBLE."""
    acronyms = [p for p in ns.pairs if p.how == "exact" and " " not in p.query and p.query.isalpha()
                and _acronym_of(p.query, q) and _acronym_of(p.candidate, c)]
    if not acronyms:
        return []
    rest = [p for p in ns.pairs if p not in acronyms]
    top = max((max(_pair_weight(p.query, qw), _pair_weight(p.candidate, cw)) for p in rest), default=0.0)
    if top >= DISTINCT_AGREE:
        return []
    return [Guard(DIFFERENT_CAP, f"the names agree on an acronym ({', '.join(p.query for p in acronyms)}) that is the "
                                 "initials of different words in each, and otherwise only on common words: another "
                                 "party with the same initials")]


def _short_typo_only(ns: NameScore, kept_q: Sequence[str], kept_c: Sequence[str]) -> list[Guard]:
    """The names agree only on one short word spelt differently (four letters or fewer: "Acme Trading" /
    "Groupement Islamique Arme", acme~arme) and each keeps a word of its own that is no place: a chance likeness, not
    the party written another way. Capped below POSSIBLE. A one-word listed name ("SMEE") keeps nothing, so a typo
    of it is still reviewed."""
    if len(ns.pairs) != 1:
        return []
    pair = ns.pairs[0]
    if pair.how == "exact" or max(len(pair.query), len(pair.candidate)) > SHORT_TYPO_LEN:
        return []
    own_q = [t for t in kept_q if not _residue(t) and t not in places()]
    own_c = [t for t in kept_c if not _residue(t) and t not in places()]
    if not (own_q and own_c):
        return []
    return [Guard(DIFFERENT_CAP, f"the names agree only on a short word spelt differently ({pair.query}~"
                                 f"{pair.candidate}) and each keeps its own ({' '.join(own_q)} / {' '.join(own_c)}): "
                                 "a chance likeness")]


def _brand_typo_only(q: NameForm, c: NameForm, ns: NameScore, kept_q: Sequence[str], kept_c: Sequence[str],
                     qw: dict[str, float], cw: dict[str, float]) -> list[Guard]:
    """Organisations whose distinctive words agree only as typos ("Daesang Corporation" / "Daesung International
    Trading": daesang~daesung) while the names differ in BRAND_TYPO_OWN other words besides legal-form residue and
    places: another brand spelt alike, not the listed party misspelt (a misspelt listed name keeps its other words:
    "Daesang International Trading" is still reviewed, and so is a one-word listed name misspelt with a word added,
    "SMET Trading" / "SMIT Group"). Capped below POSSIBLE. Only for words of BRAND_TYPO_LEN letters or fewer (a typo
    in a longer word, "Rosoboronexprt", is rarely another brand). A kept word that is a typo of the other name's
    word, part of it or its initials does not count."""
    rare = [p for p in ns.pairs if _matched_weight(p, qw, cw) >= RARE_WEIGHT and p.query.replace(" ", "").isalpha()]
    if not rare or any(p.how != "typo" or p.similarity >= 1.0 or min(len(p.query), len(p.candidate)) > BRAND_TYPO_LEN
                       for p in rare):
        return []
    typo_q, typo_c = _typo_explained(q, c, kept_q, kept_c)
    own = [t for t, other, typo in [(t, c, typo_q) for t in kept_q] + [(t, q, typo_c) for t in kept_c]
           if t not in typo and not _residue(t) and t not in places() and not _explained(t, other)
           and not _acronym_of(t, other)]
    if len(own) < BRAND_TYPO_OWN:
        return []
    return [Guard(DIFFERENT_CAP, "the distinctive words agree only as typos (" + ", ".join(
        f"{p.query}~{p.candidate}" for p in rare) + f") and the names differ in {' '.join(own)}: another brand "
        "spelt alike")]


def _typo_explained(q: NameForm, c: NameForm, left_q: Sequence[str], left_c: Sequence[str],
                    ) -> tuple[set[str], set[str]]:
    """Unmatched words of each name that are a typo of a word of the other as written ("oljistik" for "Lojistik"),
    with the other name's tokens that word became ("lojistik" -> logistics): neither is a word the names differ in.
    """
    out_q: set[str] = set()
    out_c: set[str] = set()
    for left, other, mine, theirs in ((left_q, c, out_q, out_c), (left_c, q, out_c, out_q)):
        if not left:
            continue
        words = [w for w in other.latin.split() if len(w) >= 4]
        for t in left:
            if len(t) < 4 or not t.isalpha():
                continue
            found = process.extractOne(t, words, scorer=OSA.distance, score_cutoff=allowed_edits(len(t), 1.0, False))
            if found is None:
                continue
            mine.add(t)
            theirs.update(canonical_tokens(found[0])[0])
    return out_q, out_c


def _acronym_of(token: str, other: NameForm) -> bool:
    """``token`` is the initials of a run of the other name's words as written ("buaa" for "Beijing University
    of Aeronautics and Astronautics"; words of three letters or fewer may be skipped)."""
    if len(token) < 2 or not token.isalpha():
        return False
    words = [w for w in other.latin.split() if w.isalnum()]
    for start in range(len(words)):
        k = 0
        for w in words[start:]:
            if k < len(token) and w[0] == token[k]:
                k += 1
            elif len(w) > 3:
                break
            if k == len(token):
                return True
    return False


def _residue(token: str) -> bool:
    """Legal-form residue, single letters and words of three letters or fewer (an unknown legal form or its
    misspelling, "PLS" for PLC; initials): left over, never alone what tells two organisations apart."""
    return len(token) <= SHORT_RESIDUE or vocabulary().generic.get(token, 1.0) <= RESIDUE_MAX_WEIGHT


def _matched_prepared(entity: PreparedEntity, positions: Sequence[int] | None, m: Match) -> PreparedName | None:
    """The entry's prepared name ``m`` matched (among ``positions``, None: all), or None."""
    return next((p for i, p in enumerate(entity.names) if p.form.original == m.matched_name
                 and (positions is None or i in positions)), None)


def _legal_residue(token: str) -> bool:
    """Legal-form residue by the vocabulary's weight ("co" left of "Company", "grp"), whatever the word's length."""
    return vocabulary().generic.get(token, 1.0) <= RESIDUE_MAX_WEIGHT


def _pair_weight(words: str, weights: dict[str, float]) -> float:
    """How much a matched run of words says which party it is: a number of one digit ("1" from "First") little."""
    w = words.replace(" ", "")
    if w.isdigit():
        return 1.0 if len(w) > 1 else SHORT_NUMBER_WEIGHT
    return _weight_of(words, weights)


def _coverage(form: NameForm, unmatched: Sequence[str], weights: dict[str, float]) -> float:
    total = sum(w for t, w in zip(form.tokens, form.weights, strict=True) if not _residue(t))
    if total <= 0:
        return 1.0
    missing = sum(weights.get(t, 1.0) for t in unmatched if not _residue(t))
    return max(0.0, 1.0 - missing / total)


def _covered_across(ns: NameScore) -> bool:
    """A person's names across scripts whose every part (of two letters or more) on both sides is matched, through
    name parts of two or more letters, two or more of them ("Tarra White" / "타라 화이트", "Park Tae-Woong" /
    "박태웅" joined), each pair agreeing at least COVERED_SIM: the whole name agrees sound for sound, not one
    word by chance ("Sloba" / "شهسوارﻯ حبیب": one part left over)."""
    if not ns.pairs or any(len(t) > 1 for t in (*ns.unmatched_query, *ns.unmatched_candidate)):
        return False
    parts = [w for p in ns.pairs for w in p.query.split() if len(w) > 1]
    return (len(parts) >= 2 and all(p.similarity >= COVERED_SIM for p in ns.pairs)
            and _spelt_alike([(p.query, p.candidate) for p in ns.pairs]))


def _spelt_alike(pairs: Sequence[tuple[str, str]]) -> bool:
    """Words across scripts whose transliterations agree, on average, at least SPELT_ALIKE letter for letter
    ("kimbyounggwan" / "gimbyeonggwan" 0.77, "tarra" / "tala" 0.6): consonant classes alone agree by chance across
    many listed names ("Irène Curie" / "리영길", both lnkl, spelt 0.20 alike; "Amata" / "محمد" 0.20)."""
    sims = [Levenshtein.normalized_similarity(a.replace(" ", ""), b.replace(" ", "")) for a, b in pairs]
    return bool(sims) and sum(sims) / len(sims) >= SPELT_ALIKE


def _sounds_only(q: NameForm, c: NameForm, ns: NameScore) -> bool:
    """A person's names across scripts whose parts all agree only by consonants (skeletons, or parts written
    joined), with spellings agreeing less than SPELT_ALIKE letter for letter, while one name keeps a part that
    resembles nothing left in the other ("Theodor Waigel" / "Tahir Hamid KHALIL" from its Arabic-script name:
    theodor~thr, waigel~khlyl, and hmd left over): a few consonant classes agree by chance across thousands of
    listed names. The same name transliterated keeps most of its letters ("Mohammed bin Salman" / "mhmd bn
    slmn"), or its parts left over resemble each other ("David Reich" / "dyywwyd ryykh"). A word matched against
    several words of the other name ("Jingwei" / "jnn agh") counts as a part left over."""
    if q.unspaced or c.unspaced:  # a name written joined (Korean, Chinese) is cut into parts otherwise
        return False
    lack = [t for t in ns.unmatched_query if _lacking_part(t, ns.unmatched_candidate, False)] + [
        t for t in ns.unmatched_candidate if _lacking_part(t, ns.unmatched_query, False)]
    run = any(" " in p.query + p.candidate for p in ns.pairs)  # one word against several of the other name
    sounds = all(p.how in ("skeleton", "joined") for p in ns.pairs)
    return bool(ns.pairs and (lack or run)) and sounds and not _spelt_alike([(p.query, p.candidate) for p in ns.pairs])


def _same_sounds(q: NameForm, c: NameForm) -> bool:
    """Two names across scripts whose whole consonant skeletons are equal and long (WHOLE_SKELETON_MIN classes:
    "Kim Byoung-gwan" / "김병관", both kmpnkn): the name agrees sound for sound however it is cut into words."""
    a, b = skeleton(q.compact), skeleton(c.compact)
    return a == b and len(a) >= WHOLE_SKELETON_MIN and _spelt_alike([(q.compact, c.compact)])


def _typo_keys(token: str) -> frozenset[str]:
    """The blocking keys of a word's typos (``blocking.query_keys``: a letter more or less); remembered for short
    words (a pure function of the word)."""
    return _typo_keys_short(token) if len(token) <= TOKEN_MEMO_CHARS else _typo_keys_of(token)


def _typo_keys_of(token: str) -> frozenset[str]:
    if len(token) < MIN_DELETE_LEN or token.isdigit():
        return frozenset()
    dels = _deletes(token)
    return frozenset({*dels, "-" + token, *("-" + d for d in dels)})


_typo_keys_short = lru_cache(maxsize=TOKEN_MEMO_SIZE)(_typo_keys_of)


def _light_typo_keys(form: NameForm, f3: NameForm) -> set[str]:
    """In an organisation's name (one with a legal form) with a rare word of its own (EXTRA_WEIGHT or more), the typo
    keys of its less rare words ("micro", "system"): looked up, the typo keys of "Micro" and "Systems" outweigh
    the keys of "Si2" so much that "Si2 Microsystems Private Limited" falls below the candidates' share of the
    best key weight for "Si2 Micro Systems Pvt Ltd". The name is found by its rare word (which keeps its typo
    keys); a typo in a less rare word changes no candidate worth scoring. Keys also made by another word stay."""
    if not (f3.legal_forms or form.legal_forms) or not any(
            w >= EXTRA_WEIGHT and len(t) >= 3 for t, w in zip(f3.tokens, f3.weights, strict=True)):
        return set()  # only a name with a legal form is surely an organisation's (a query's schema is not known here)
    light = {t for t, w in zip(f3.tokens, f3.weights, strict=True) if w < EXTRA_WEIGHT}
    drop: set[str] = set()
    for t in light:
        drop |= _typo_keys(t)
    if not drop:
        return drop
    for t in {*f3.tokens, *form.tokens} - light:
        drop -= _typo_keys(t) | {t}
    return drop - set(f3.tokens) - set(form.tokens)


def _lacking_part(token: str, others: Sequence[str], exact: bool) -> bool:
    """A name part (3+ letters, not a patronymic) that no unmatched part of the other name (written in another
    script) resembles even loosely: consonant skeletons at most half different ("james" ~ "gyyms" resemble).
    ``exact``: Chinese syllables, which resemble nothing but themselves."""
    if len(token) < 3 or token.endswith(_PATRONYMIC):
        return False
    if exact:
        return True
    sk = skeleton(token)
    return len(sk) >= 2 and not any(Levenshtein.normalized_similarity(sk, skeleton(o)) >= LOOSE_PART for o in others)


def _fuller_form(q: NameForm, c: NameForm, ns: NameScore, qw: dict[str, float], cw: dict[str, float]) -> bool:
    """One person's name is the other with middle names written out: the shorter name (FULLER_MIN_PARTS parts or
    more) agrees part for part with the longer one, each part the same or a typo of it (not a nickname, an initial
    or a run of parts joined), one of them distinctive (PERSON_RARE_WEIGHT: not only common given names); the
    longer name begins and ends with the parts that begin and end the shorter one (read given names first: "AKLI,
    Mohamed Amine" as "Mohamed Amine Akli") and adds fewer parts between them than the shorter name has ("Hillary
    Clinton" / "Hillary Rodham Clinton", "Mohammad Islambouli" / "ISLAMBOULI, Mohammad Shawqi"). A middle name the
    shorter name lacks is then no other person's part: the coverage of the weights still counts it, the
    distinctive-part guard does not. Not a part added before or after ("Gerhard Mueller" / "MUELLER, Markus
    Gerhard"; a second surname is another family's name as often as it is the same person's), nor parts in another
    order ("John Howard" / "Howard Jon BAKER")."""
    if ns.unmatched_query and ns.unmatched_candidate:
        return False
    short, long_, extra = (q, c, ns.unmatched_candidate) if not ns.unmatched_query else (c, q, ns.unmatched_query)
    if len(short.tokens) < FULLER_MIN_PARTS or not extra or len(extra) > min(FULLER_EXTRA, len(short.tokens) - 1):
        return False
    if any(p.how not in ("exact", "typo") or " " in p.query + p.candidate for p in ns.pairs):
        return False
    if not any(_matched_weight(p, qw, cw) >= PERSON_RARE_WEIGHT for p in ns.pairs):
        return False
    agree = {(p.query, p.candidate) if short is q else (p.candidate, p.query) for p in ns.pairs}
    s, lg = _given_first(short), _given_first(long_)
    return (s[0], lg[0]) in agree and (s[-1], lg[-1]) in agree


def _given_first(form: NameForm) -> tuple[str, ...]:
    """A person's name parts with a surname written first before a comma ("AKLI, Mohamed Amine") moved last."""
    toks = form.tokens
    if "," not in form.original:
        return toks
    head = fold(form.original.split(",", 1)[0])[0].split()
    if head and len(head) < len(toks) and toks[:len(head)] == tuple(head):
        return (*toks[len(head):], *toks[:len(head)])
    return toks


def _person_part_guards(q: NameForm, c: NameForm, ns: NameScore) -> list[Guard]:
    """A person's names that agree on too few name parts.

    - two one-word names that agree only with a typo ("Caliban" / "Taliban"): a person reviews;
    - a name part matched only as an initial ("J.L. David" / "David Lee") with fewer than two whole name parts
      agreeing and a part left over;
    - one whole name part agreeing while the other name has further parts of its own ("F. Klein" / "Nikolai
      Vladimirovich Klein").
    """
    out: list[Guard] = []
    if not ns.pairs:
        return out
    whole = [p for p in ns.pairs if p.how != "initial"]
    initials = [p for p in ns.pairs if p.how == "initial"]
    if len(q.tokens) == 1 and len(c.tokens) == 1 and all(p.how == "typo" for p in ns.pairs) and not _cross_script(
            q, c):
        out.append(Guard(CAP, f"two names of one word that agree only with a typo ({ns.pairs[0].query}~"
                              f"{ns.pairs[0].candidate})"))
    if initials and len(whole) < 2 and (ns.unmatched_query or ns.unmatched_candidate):
        out.append(Guard(CAP, "a name part matched only as an initial (" + ", ".join(
            f"{p.query}~{p.candidate}" for p in initials) + ") and fewer than two whole name parts agree"))
    if len(whole) == 1 and not initials and " " not in whole[0].query + whole[0].candidate and not _cross_script(
            q, c):
        rest = [t for t in (*ns.unmatched_query, *ns.unmatched_candidate) if len(t) > 2
                and not t.endswith(_PATRONYMIC)]
        if rest and min(len(q.tokens), len(c.tokens)) >= 2:
            out.append(Guard(CAP, f"only one name part agrees ({whole[0].query}); the names also have "
                                  f"{' '.join(rest)}"))
    if not _cross_script(q, c) and not initials:  # (an initial may be a name part of either: reviewed as it was)
        out.extend(_one_part_each_own(ns, whole))
    if not _cross_script(q, c):
        out.extend(_short_parts_typos(q, c, ns))
    # across scripts only from Arabic or Hebrew letters ('يحيى محمد العتيبي'): from Korean or Japanese a first name
    # the other lacks was as often a full name written out ('Leonardo Torres' / '세자르 레오나르도 토레스', a
    # calibration pair lost)
    if not _cross_script(q, c) or (q.scripts | c.scripts) & ABJADS:
        out.extend(_own_name_added(q, c, ns))
    return out


_SYLLABLE = re.compile(r"[^aeiouy]{0,3}[aeiouy]{1,3}(?:ng|n|m|k|l|p|t|r)?")  # "jong", "kyong", "hwa", "un"


def _syllable_parts(form: NameForm) -> bool:
    """A person's name of SYLLABLE_PARTS parts or more, each one syllable as Korean and Chinese names romanised
    are ("Jong Yong Hwa", "Kim Jong Un", "Li Wei Ming"; not "John Paul Smith": 'hn', 'th' end no syllable)."""
    return len(form.tokens) >= SYLLABLE_PARTS and all(_SYLLABLE.fullmatch(t) for t in form.tokens)


def _short_parts_typos(q: NameForm, c: NameForm, ns: NameScore) -> list[Guard]:
    """A person's names that agree on short name parts (SHORT_WORD letters or fewer) only as typos: two such parts
    ('Jong Yong-hwa' / 'JANG, Kyong Hwa': jong~jang, yong~kyong; adversarial round 50), or one when both names are
    made of syllables ('Jong Yong-hwa' / 'JONG, Song Hwa'). In Korean, Chinese and other names of syllables one
    letter changed in a short part is another name, not a slip, so a person reviews. A typo in a longer part
    ('Muhammad' / 'Mohammad') is not this."""
    short = [p for p in ns.pairs if p.how == "typo" and p.similarity < 1.0 and " " not in p.query + p.candidate
             and min(len(p.query), len(p.candidate)) <= SHORT_WORD]
    if not short or (len(short) < SHORT_TYPO_PARTS and not (_syllable_parts(q) and _syllable_parts(c))):
        return []
    return [Guard(CAP, "short name parts agree only as typos (" + ", ".join(
        f"{p.query}~{p.candidate}" for p in short) + "): in names of syllables another name")]


def _own_name_added(q: NameForm, c: NameForm, ns: NameScore) -> list[Guard]:
    """One person's name begins (given names first) with a name part the other lacks, while the other name has no
    part of its own: 'Yahya Muhammad Al-Otaibi' / 'AL-OTAIBI, Mohammad' (adversarial round 50). In Arabic names,
    and in many others, the first given name is the person's own and the next one the father's: the listed
    Mohammad is the father's name of the customer, not the customer. The distinctive-part guard caught this only
    when the added name was rare ('Fahad', weight 0.83) and not for common ones ('Yahya' 0.49, 'Khalid'); the
    coverage of the weights alone kept those a HIT. A part added in the middle (a middle name written out,
    ``_fuller_form``) or at the end is not this, nor a very common first name (GENERIC_WEIGHT: 'Mohammad' of
    'Mohammad Shawqi Islambouli', whom customers write 'Shawqi Islambouli')."""
    if not ns.pairs or (ns.unmatched_query and ns.unmatched_candidate) or not (ns.unmatched_query
                                                                             or ns.unmatched_candidate):
        return []
    long_, short, extra = (q, c, ns.unmatched_query) if ns.unmatched_query else (c, q, ns.unmatched_candidate)
    if len(short.tokens) < 2:  # (a one-word name against a longer one has its own guard)
        return []
    first = _given_first(long_)[0]
    if first not in extra or len(first) < 3 or first.endswith(_PATRONYMIC) or first in place_words():
        return []
    weights = dict(zip(long_.tokens, long_.weights, strict=True))
    if weights.get(first, 1.0) < GENERIC_WEIGHT:  # 'Mohammad', 'Ahmed', 'Ali': a first name often left out
        return []  # ('Shawqi Islambouli' / 'ISLAMBOULI, Mohammad Shawqi'; ``_compound_given_name`` reads the rest)
    return [Guard(CAP, f"one name begins with a given name the other lacks ({first}): the other's given name is "
                       "this one's second (in Arabic names the father's), another person")]


def _parts_each_lacks(ns: NameScore, what: str) -> list[Guard]:
    """A cap when each of two persons' names keeps a name part (not an initial, not a patronymic) the other lacks."""
    own_q = [t for t in ns.unmatched_query if len(t) > 1 and not t.endswith(_PATRONYMIC)]
    own_c = [t for t in ns.unmatched_candidate if len(t) > 1 and not t.endswith(_PATRONYMIC)]
    if not (own_q and own_c):
        return []
    return [Guard(CAP, f"{what} a name part the other lacks ({' '.join(own_q)} / {' '.join(own_c)})")]


def _compound_given_name(ns: NameScore, qw: dict[str, float], cw: dict[str, float]) -> list[Guard]:
    """A person's names agreeing on one distinctive part (the surname) and a very common given name, while one of them
    adds another very common given name the other lacks: 'Mohammad Ali Rezaei' / 'REZAEI, Mohammad' (adversarial
    R31-101). 'Mohammad Ali', 'Mohammad Reza', 'Ali Akbar' are given names of their own, borne by thousands: the
    added part may name another person, so a person reviews (a rare middle name left out, 'Constantino Chiwenga' /
    'CHIWENGA, Constantino Guveya', is not this: its parts are all distinctive)."""
    whole = [p for p in ns.pairs if p.how != "initial"]
    if len(whole) != len(ns.pairs) or (ns.unmatched_query and ns.unmatched_candidate):
        return []
    left, weights = (ns.unmatched_query, qw) if ns.unmatched_query else (ns.unmatched_candidate, cw)
    extra = [t for t in left if t not in place_words()]  # (a town after the name, "..., Berlin", is no given name)
    added = [t for t in extra if len(t) > 2 and not t.endswith(_PATRONYMIC) and weights.get(t, 1.0) < GENERIC_WEIGHT]
    if not added or len(added) != len(extra):
        return []
    rare = [p for p in whole if _matched_weight(p, qw, cw) >= RARE_WEIGHT]
    common = [p for p in whole if _matched_weight(p, qw, cw) < GENERIC_WEIGHT]
    if len(rare) > 1 or not common:
        return []
    return [Guard(CAP, f"the names agree on {' '.join(p.query for p in whole)} only, a common given name among them, "
                       f"and one adds another common given name ({' '.join(added)}): a compound given name may be "
                       "another person")]


def _listed_person_form(q: NameForm, c: NameForm) -> bool:
    """Both names read as a person's and one is written as lists write a person's, 'SURNAME, Given' ('REZAEI,
    Mohammad'): compared as an organisation's only because the list does not say the entry's kind."""
    return ("," in q.original or "," in c.original) and reads_as_person(q) and reads_as_person(c)


def _patronymic_pair(p: TokenPair) -> bool:
    return p.query.endswith(_PATRONYMIC) and p.candidate.endswith(_PATRONYMIC)


def _one_part_each_own(ns: NameScore, whole: Sequence[TokenPair]) -> list[Guard]:
    """A person's names that agree on one name part at most, a patronymic aside, while each keeps a name part of its
    own that resembles nothing left in the other: 'Zhou Jie' / 'DAVID ZHOU', 'Смирнов Алексей Викторович' / 'SMIRNOV,
    Dmitriy Konstantinovich' (a surname alone), 'Смирнова Анна Сергеевна' / 'ERSHOVA, Anna Sergeevna' (a given name
    and the father's name, shared by thousands), 'Yang Jianhua' / 'HONG, Jinhua'. Two persons, not one: capped below
    POSSIBLE. Parts left over that resemble each other by their consonants ('Aleksandr' / 'Alexander' not matched as
    a typo) or are patronymics or initials do not count; two Chinese syllables resemble only themselves."""
    rhymes = [p for p in whole if _rhyme_only(p)]
    agreeing = [p for p in whole if not _patronymic_pair(p) and p not in rhymes]
    if len(agreeing) > 1 or any(" " in p.query + p.candidate for p in agreeing):
        return []
    left_q = [t for t in (*ns.unmatched_query, *(p.query for p in rhymes)) if len(t) > 1
              and not t.endswith(_PATRONYMIC)]
    left_c = [t for t in (*ns.unmatched_candidate, *(p.candidate for p in rhymes)) if len(t) > 1
              and not t.endswith(_PATRONYMIC)]
    own_q = [t for t in left_q if _own_part(t, left_c)]
    own_c = [t for t in left_c if _own_part(t, left_q)]
    if not (own_q and own_c):
        return []
    shared = " ".join(p.query for p in agreeing) or "none"
    return [Guard(DIFFERENT_CAP, f"one name part agrees at most ({shared}; a patronymic aside) and each name has "
                                 f"its own ({' '.join(own_q)} / {' '.join(own_c)}): two persons, not one")]


_SURNAME_ENDINGS = ("ova", "eva", "ina", "ov", "ev", "in", "skaya", "sky", "skiy", "ski", "enko", "uk", "yuk")
RHYME_STEM_SIM = 0.5  # a surname matched as a typo whose stems (its ending aside) agree less than this: no agreement


def _rhyme_only(p: TokenPair) -> bool:
    """Two surnames matched as a typo that share a common Slavic ending and little else: 'Popova' / 'Lomova' (pop /
    lom), 'Petrov' / 'Ketov': the ending is shared by thousands of surnames, the stem says which."""
    if p.how != "typo" or " " in p.query + p.candidate:
        return False
    for end in _SURNAME_ENDINGS:
        if p.query.endswith(end) and p.candidate.endswith(end):
            a, b = p.query[:-len(end)], p.candidate[:-len(end)]
            return bool(a and b) and Levenshtein.normalized_similarity(a, b) < RHYME_STEM_SIM
    return False


def _own_part(token: str, others: Sequence[str]) -> bool:
    """A name part (two letters or more, no place: a town read with the name) that no part left in the other name
    resembles: consonant skeletons agreeing at least OWN_PART_SIM ("aleksandr" / "alexander"; not "aleksey" / "maksim",
    lks / mksm), or equal when one is a single sound; a Chinese syllable against Chinese syllables only by itself."""
    table = syllables()
    if len(token) < 2 or (token in places() and token not in table):  # ('hong' of Hong Kong is also a surname)
        return False
    if token in table and others and all(o in table for o in others):
        return token not in others
    sk = skeleton(token)
    for o in others:
        so = skeleton(o)
        if (sk == so) or (len(sk) >= 2 and len(so) >= 2 and Levenshtein.normalized_similarity(sk, so) >= OWN_PART_SIM):
            return False
    return True


def _one_sound(p: TokenPair) -> bool:
    """A pair of name parts matched only by consonant skeletons of one sound ("shi" ~ "hsueh": both "s")."""
    return p.how == "skeleton" and min(len(skeleton(p.query)), len(skeleton(p.candidate))) < 2


def _few_sounds_only(p: TokenPair) -> bool:
    """A pair matched across scripts only by a consonant skeleton of FEW_SOUNDS sounds or fewer whose consonants
    as written disagree (less than CONSONANT_MIN): "shwmy" (شاومي, Xiaomi) ~ "sam" or "hisham" (both "s-m"): such
    skeletons are shared by too many words to say anything. The test a person's name parts pass
    (``_word_matched``): "mhmd" ~ "mohamed", "hshm" ~ "hisham" still agree. Read only for a name in Arabic or Hebrew
    letters, whose romanisation keeps the consonants as written: the romanisations of Chinese and Korean differ in
    them ("guo" / "kuo" of 國)."""
    if p.how == "skeleton" and min(len(skeleton(p.query)), len(skeleton(p.candidate))) <= FEW_SOUNDS:
        # (three sounds too: "sphr" (سپهر, Sepehr) ~ "hezbollah" are both s-p-l once h is dropped and voiced, labial
        # and liquid sounds merged, but their consonants as written, s-p-h-r and h-z-b-l-h, differ: R18-101)
        a, b = _consonants(p.query), _consonants(p.candidate)
        return not (a and b and Levenshtein.normalized_similarity(a, b) >= CONSONANT_MIN)
    return p.how in ("skeleton", "joined") and not _word_matched(p, True)


def _matched_weight(p: TokenPair, qw: dict[str, float], cw: dict[str, float]) -> float:
    """How rare a matched pair is: the heavier side's weight; for a word matched by a run of syllables written
    apart ("sichuan" ~ "si chuan" from 四川), the word's own weight (a syllable alone is rare, the place is not)."""
    if p.how == "joined" and (" " in p.query) != (" " in p.candidate):
        return _weight_of(p.candidate, cw) if " " in p.query else _weight_of(p.query, qw)
    return max(_weight_of(p.query, qw), _weight_of(p.candidate, cw))


def _weight_of(words: str, weights: dict[str, float]) -> float:
    """The weight of a word, or the highest of a run of words ("hua wei")."""
    return max((weights.get(w, 1.0) for w in words.split()), default=1.0)


def _han(form: NameForm) -> bool:
    """Written (at least in part) in Chinese characters, transliterated with pinyin."""
    return "pinyin" in (form.translit or "")


def _cross_script(q: NameForm, c: NameForm) -> bool:
    return q.phonetic != c.phonetic or (q.phonetic and q.scripts != c.scripts)


def _consonants(word: str) -> str:
    """The consonants of a word as written, repeats collapsed ("mohammed" -> "mhmd", "amata" -> "mt")."""
    out: list[str] = []
    for ch in word.replace(" ", ""):
        if ch in "aeiouy" or (out and out[-1] == ch):
            continue
        out.append(ch)
    return "".join(out)


def _word_matched(p: TokenPair, person: bool) -> bool:
    """A pair that matched word for word: a person's name parts by their skeletons too ("mhmd" ~ "mohamed"),
    an organisation's only by their letters (a skeleton of a run of words matches too much)."""
    if person and p.how in ("skeleton", "joined"):
        if p.how == "skeleton" and min(len(skeleton(p.query)), len(skeleton(p.candidate))) >= 3:
            return True
        # a skeleton of one or two consonant classes matches too many names: the consonants as written must agree
        a, b = _consonants(p.query), _consonants(p.candidate)
        if bool(a and b) and Levenshtein.normalized_similarity(a, b) >= CONSONANT_MIN:
            return True
        # a name written joined in another script ("bagjiseong" from 박지성 / "park ji sung"): a long skeleton agreeing
        # almost sound for sound is the same name romanised another way ("bag" / "park")
        sa, sb = skeleton(p.query.replace(" ", "")), skeleton(p.candidate.replace(" ", ""))
        return (p.how == "joined" and min(len(sa), len(sb)) >= JOINED_SKELETON_MIN
                and Levenshtein.normalized_similarity(sa, sb) >= JOINED_SKELETON_SIM)
    if p.how == "joined":
        return Levenshtein.normalized_similarity(p.query.replace(" ", ""), p.candidate.replace(" ", "")) >= 0.8
    return p.how in _EXACT_HOW


def _explained(token: str, other: NameForm) -> bool:
    """A word left unmatched that is still in the other name as written, give or take two letters (a typo in
    a legal form that was therefore not set aside: "Joint Stock Cimpany"), or part of a word written joined."""
    if token in other.compact:
        return True
    if len(token) < 4:
        return False
    words = other.latin.split()
    return process.extractOne(token, words, scorer=OSA.distance, score_cutoff=2) is not None


def _kept(token: str) -> bool:
    """A word that tells organisations apart when only one has it (not legal-form residue such as "co")."""
    return len(token) > 1 and not token.isdigit() and vocabulary().generic.get(token, 1.0) > RESIDUE_MAX_WEIGHT


def _person_rare(token: str, weights: dict[str, float]) -> bool:
    return len(token) > 2 and weights.get(token, 1.0) >= PERSON_RARE_WEIGHT and not token.endswith(_PATRONYMIC)


_CRAFT = frozenset({Schema.VESSEL, Schema.AIRCRAFT})


def _company_not_craft(m: Match, forms: Sequence[str]) -> Match:
    """A name with a legal form (a company's) against a listed vessel or aircraft: the names may agree (a vessel's
    former name 'GULF FALCON' / "Falcon Gulf Electronics FZE": adversarial R44-125, a 0.97 HIT that decided PROHIBITED
    on a tanker), but a company is not a ship; capped at POSSIBLE (a person reviews: the company may own or operate
    it), never cleared."""
    guard = Feature("guard", CAP, f"a company's name (legal form {', '.join(forms)}) against a listed "
                    f"{m.matched_kind or 'vessel or aircraft'} entry: a company is not a vessel or an aircraft, a "
                    f"person reviews: capped at {CAP:.2f}", ", ".join(forms), "")
    return Match(CAP, m.raw, m.matched_name, m.matched_kind, (*m.features, guard))


def _other_form_elsewhere(m: Match) -> Match:
    """An organisation whose legal form differs in kind from the entry's and whose country conflicts with the
    entry's ("Nordic Maritime AS" in Norway / the denied "NORDIC MARITIME PTE. LTD." of Singapore): two pieces of
    evidence that it is another company of the same name; capped at POSSIBLE (a person reviews), never cleared."""
    form = next((f for f in m.features if f.name == "legal_form"), None)
    country = next((f for f in m.features if f.name == "country"), None)
    if form is None or country is None or form.value >= 0.0 or country.value >= 0.0:
        return m
    guard = Feature("guard", CAP, f"legal form ({form.query} / {form.candidate}) and country ({country.query} / "
                    f"{country.candidate}) both differ: perhaps another company of the same name, a person reviews: "
                    f"capped at {CAP:.2f}", form.query, form.candidate)
    return Match(CAP, m.raw, m.matched_name, m.matched_kind, (*m.features, guard))


# ``midpoint - _LOG_MIN_CAP / slope``: the raw score whose calibration is MIN_CAP (``ClearanceMatcherV3._raw_of``)
_LOG_MIN_CAP = math.log(1.0 / MIN_CAP - 1.0)


@dataclass(frozen=True, slots=True)
class ClearanceMatcherV3(ClearanceMatcherV2):
    """clearance-name@3: @2 on names prepared by ``prepare3``, with guards that keep look-alikes below HIT.

    - words weigh by their rarity over the lists and a corpus of unlisted names (``clearance.screening.rarity``),
      so agreeing cities, industry words and legal forms add little;
    - two organisation names that each keep a distinctive word the other lacks (a brand swapped) are capped
      below HIT, whatever else agrees; so are typos beyond what a word's length and rarity allow;
    - a person's one-word name against a longer name is capped (below POSSIBLE for a common given name);
    - across scripts, names that agree only on their consonant skeletons are capped below HIT.
    The explanation shows each word's weight and every guard applied.
    """

    version: int = 3
    territories: bool = True

    @property
    def id(self) -> str:
        return f"{self.slug}@{self.version}"

    @property
    def rarity_version(self) -> str:
        return rarity().version

    def _form(self, form: NameForm, person: bool) -> NameForm:
        return prepare3(form.original, person)

    def _name_form(self, pn: PreparedName, person: bool) -> NameForm:
        # prepared at index build (None in indexes pickled before @3; as a person's name only for listed persons)
        form3 = getattr(pn, "form3_person" if person else "form3", None)
        return form3 if form3 is not None else prepare3(pn.form.original, person)

    def candidate_score(self, query: NameForm) -> Callable[[PreparedName], float]:
        """A cheap score of a list name against ``query`` to order candidates: weighted words in common."""
        q = prepare3(query.original)
        qw: dict[str, float] = {}
        for t, w in zip(q.tokens, q.weights, strict=True):
            qw[t] = max(w, qw.get(t, 0.0))
        total_q = sum(qw.values()) or 1.0

        def score(pn: PreparedName) -> float:
            c = self._name_form(pn, False)
            common = 0.0
            total_c = 0.0
            for t, w in zip(c.tokens, c.weights, strict=True):
                total_c += w
                if t in qw:
                    common += w
            if not total_c:
                return 0.0
            return coverage_score(min(1.0, common / total_q), min(1.0, common / total_c), False)

        return score

    def score(
        self, query: PreparedQuery, entity: PreparedEntity, positions: Sequence[int] | None = None,
        floor: float = 0.0,
    ) -> Match:
        """@2's scoring, except that a query of no given type whose name says it is an organisation's (a legal form,
        "LLC Rubezh"; organisation words in Chinese characters: ``organisation_query``) is not compared with listed
        persons (their names by transliteration only)."""
        if entity.entity.schema is Schema.PERSON and organisation_query(query):
            return Match(0.0, 0.0, "", "", ())
        m = ClearanceMatcherV2.score(self, query, entity, positions, floor)
        if m.score < self.thresholds.possible and m.raw > 0.0 and query.country:
            m = self._brand_abroad(query, entity, positions, m)
        if m.score > DIFFERENT_CAP and not is_person(query.query.schema) and entity.entity.schema is not Schema.PERSON:
            m = self._nation_capped(query, entity, positions, floor, m)
        if m.score > DIFFERENT_CAP and query.query.schema is None and entity.entity.schema is Schema.PERSON:
            m = self._epithet_only(query, entity, positions, m)
        if m.score < CAP and person_reading(query, entity):
            m = self._as_person(query, entity, positions, floor, m)
        if m.score <= CAP:
            return m
        if entity.entity.schema in _CRAFT and query.query.schema is None and query.form.legal_forms:
            return _company_not_craft(m, [f.form for f in query.form.legal_forms])
        return _other_form_elsewhere(m)

    def _nation_cap(self, query: PreparedQuery, entity: PreparedEntity, pn: PreparedName) -> Feature | None:
        """The cap of ``nations3`` on the query compared with the entry's name ``pn``, as a feature, or None."""
        qform, cform = self._form(query.form, False), self._name_form(pn, False)
        ns = self._name_raw(qform, cform, False)[1]
        if ns is None:
            return None
        why = nation_conflict(ns, query.country, entity.countries)
        if why is None:
            return None
        reason, own = why
        if state_body_only(ns, _legal_residue):
            return Feature("nation", DIFFERENT_CAP, f"{reason}, and the names agree only on a state's body words "
                           f"(ministry, armed forces, general staff) and places: two nations' bodies, not one party: "
                           f"capped at {DIFFERENT_CAP:.2f}", query.query.name, pn.form.original)
        if own:
            return Feature("nation", CAP, f"{reason}: perhaps the listed party's office or affiliate there, or "
                           f"another party, a person reviews: capped at {CAP:.2f}", query.query.name, pn.form.original)
        return None

    def _nation_capped(self, query: PreparedQuery, entity: PreparedEntity, positions: Sequence[int] | None,
                       floor: float, m: Match) -> Match:
        """``m``, or, where the query and the matched name are of different nations (``nations3``), the best of the
        entry's names each under its own nation cap (another name may hold the query's nation word)."""
        pn = _matched_prepared(entity, positions, m)
        if pn is None:
            return m
        first = self._nation_cap(query, entity, pn)
        if first is None or first.value >= m.score:
            return m
        best: Match | None = None
        for i, other in enumerate(entity.names):
            if positions is not None and i not in positions:
                continue
            one = ClearanceMatcherV2.score(self, query, entity, (i,), floor)
            if one.score <= 0.0:
                continue
            cap = first if other is pn else self._nation_cap(query, entity, other)
            if cap is not None and one.score > cap.value:
                one = Match(cap.value, one.raw, one.matched_name, one.matched_kind,
                            (*one.features, cap) if one.features else ())
            if best is None or one.score > best.score:
                best = one
        return best if best is not None else m

    def _epithet_only(self, query: PreparedQuery, entity: PreparedEntity, positions: Sequence[int] | None,
                      m: Match) -> Match:
        """``m``, or ``m`` capped below POSSIBLE where a listed person's name agrees with a query of no given kind that
        reads as an organisation's (not as a person's, or keeping a state's body word the person's name lacks) only
        on a place word, the person's epithet ('AHMED THE EGYPTIAN' / "Egyptian Armed Forces, Armament Authority,
        Cairo"), every other word agreeing only as a typo, an initial or a sound, or weighing less than
        RARE_WEIGHT (a common given name): an organisation named after its nation, not the person."""
        pn = _matched_prepared(entity, positions, m)
        if pn is None:
            return m
        qform, cform = self._form(query.form, True), self._name_form(pn, True)
        ns = self._name_raw(qform, cform, True)[1]
        if ns is None or not ns.pairs:
            return m
        known = place_words()
        epithets = [p for p in ns.pairs if p.how == "exact" and p.query in known]
        qw = dict(zip(qform.tokens, qform.weights, strict=True))
        cw = dict(zip(cform.tokens, cform.weights, strict=True))
        if not epithets or any(p.how in _EXACT_HOW and p.similarity >= 1.0 and _matched_weight(p, qw, cw)
                               >= RARE_WEIGHT for p in ns.pairs if p not in epithets):
            return m
        body = [t for t in ns.unmatched_query if t in state_words()]
        if reads_as_person(prepare3(query.form.original)) and not body:
            return m
        note = Feature("epithet", DIFFERENT_CAP, f"a listed person's name agrees only on a place word "
                       f"({', '.join(p.query for p in epithets)}: an epithet) with a name that reads as an "
                       f"organisation's: capped at {DIFFERENT_CAP:.2f}", query.query.name, m.matched_name)
        return Match(DIFFERENT_CAP, m.raw, m.matched_name, m.matched_kind,
                     (*m.features, note) if m.features else ())

    def _brand_abroad(self, query: PreparedQuery, entity: PreparedEntity, positions: Sequence[int] | None,
                      m: Match) -> Match:
        """``m``, or a possible match (at most CAP) where only the country conflict took an organisation's name below
        POSSIBLE and the name is the entry's with a region, country, place or office word added: the listed brand's
        office or subsidiary abroad ("Hikvision Middle East FZE" in AE / Entity List 'Hikvision' in CN; "DJI Europe
        B.V." in NL), which a person must look at (an affiliate may be covered: § 744.11(a)(1)/(a)(3) and Supp. No. 8
        to Part 744), never a clear. The entry's name must be in the query: a word of it that is neither generic
        (weight over GENERIC_WEIGHT) nor a place agrees exactly, and only its legal-form residue and organisation terms
        (weight at most TERM_WEIGHT: "AO", "Group") may be missing; and the query adds only region, country, place or
        office words (``branch_qualifiers``): not a trade word ("Schneider Instruments Corp." in HK / 'Schneider
        GmbH': another party of the surname, the country may tell)."""
        if is_person(query.query.schema) or entity.entity.schema is Schema.PERSON:
            return m
        if not entity.countries or query.country in entity.countries:
            return m
        pn = _matched_prepared(entity, positions, m)
        if pn is None:
            return m
        qform, cform = self._form(query.form, False), self._name_form(pn, False)
        if not qform.distinctive or not cform.distinctive:
            return m
        raw, ns, loose = self._name_raw(qform, cform, False)
        if loose or ns is None or not ns.method.startswith("tokens"):
            return m
        name_score = min(self.calibrate(raw), self._final_cap(qform, cform, False))
        if name_score < self.thresholds.possible:
            return m
        cweight = dict(zip(cform.tokens, cform.weights, strict=True))
        if any(cweight.get(t, 1.0) > TERM_WEIGHT for t in ns.unmatched_candidate):
            return m  # (an entry word left out other than a legal form or an organisation term: "General" of
            # 'General Lubricants' / "Lubricants USA Inc.": another party, the country may tell)
        qualifiers = branch_qualifiers()
        if not any(p.how == "exact" and cweight.get(p.candidate, 0.0) > GENERIC_WEIGHT
                   and p.candidate not in qualifiers for p in ns.pairs):
            return m
        if not ns.unmatched_query or any(t not in qualifiers for t in ns.unmatched_query):
            return m  # (a trade word added, "Schneider Instruments" / 'Schneider GmbH': the country may tell)
        full = ClearanceMatcherV2.score(self, query, entity, positions, 0.0)
        note = Feature("country", 0.0, f"country conflicts ({query.country} / {', '.join(sorted(entity.countries))}), "
                       "but the name is the entry's brand with a region, place or office added: perhaps its office "
                       "or affiliate abroad, a person reviews (not cleared on the country)", query.query.name,
                       m.matched_name)
        feats = (*(f for f in full.features if f.name != "country"), note)
        return Match(round(min(name_score, CAP), 4), full.raw, full.matched_name, full.matched_kind, feats)

    def _as_person(self, query: PreparedQuery, entity: PreparedEntity, positions: Sequence[int] | None,
                   floor: float, m: Match) -> Match:
        """``m``, or the entry's names compared as a person's when that scores higher and the name it matches
        reads as a person's too (``reads_as_person``), capped at CAP: the list does not say the entry is a person
        (Entity List 'Luqman Sehreci', DPL 'ALI AGAR MANZARPOUR'), so a person reviews the match."""
        as_person = dataclasses.replace(query, query=dataclasses.replace(query.query, schema=Schema.PERSON))
        pm = ClearanceMatcherV2.score(self, as_person, entity, positions, floor)
        if pm.score <= m.score or not reads_as_person(prepare3(pm.matched_name)):
            return m
        note = Feature("person_reading", CAP, "the list does not say whether the entry is a person or an "
                       "organisation: compared as a person's name, capped at POSSIBLE (a person reviews)",
                       query.query.name, pm.matched_name)
        return Match(min(pm.score, CAP), pm.raw, pm.matched_name, pm.matched_kind,
                     (*pm.features, note) if pm.features else ())

    def query_keys(self, form: NameForm) -> set[str]:
        f3 = prepare3(form.original)
        keys = query_keys(form) | split_keys(form) | name_keys(f3) | query_keys(f3) | term_split_keys(f3)
        return keys - _light_typo_keys(form, f3)

    def compare_names(self, a: NameForm, b: NameForm, person: bool, explain: bool = True) -> Match:
        if explain:
            return ClearanceMatcherV2.compare_names(self, a, b, person, explain)
        # @2's compare_names without the explanation, in fewer steps (the same score: see ``_name_raw_uncached``);
        # not through the memo: a pair compared on its own is rarely compared again
        # (``prepare3``'s memo called directly: two Python calls fewer a pair)
        raw, _, loose, _ = self._name_raw_uncached(_prepare3_memo(a.original, person),
                                                   _prepare3_memo(b.original, person), person, False)
        if raw <= 0.0:  # calibrated 0.0 (most pairs compared): nothing to round
            return match_of(0.0, 0.0, b.original, "", ())
        score = self.calibrate(raw)
        if loose:
            score = min(score, self.loose_cap)
        return match_of(round(score, 4), round(raw, 4), b.original, "", ())

    def _name_raw(
        self, a: NameForm, b: NameForm, person: bool, explain: bool = True
    ) -> tuple[float, NameScore | None, bool]:
        """The raw name score, its explanation (None when not ``explain`` and the guards were not looked for: see
        ``_name_raw_uncached``) and whether the names were compared only loosely."""
        # Forms of @3 follow from their text (``prepare3``): a pair scored for ranking is not scored again for
        # its explanation. The memo is bounded (cleared when full) and holds no state that changes results.
        key = (a.original, a.person, b.original, b.person, person)
        done = _RAW_MEMO.get(key)
        if done is None or (explain and not done[3]):
            if len(_RAW_MEMO) >= RAW_MEMO_SIZE:
                _RAW_MEMO.clear()
            done = _RAW_MEMO[key] = self._name_raw_uncached(a, b, person, explain)
        return done[0], done[1], done[2]

    def _name_raw_uncached(self, a: NameForm, b: NameForm, person: bool, explain: bool = True,
                           ) -> tuple[float, NameScore | None, bool, bool]:
        """The raw score, its explanation, whether compared loosely, and whether the explanation is complete.

        A guard only lowers the raw score to the raw score of its cap, and no cap is below MIN_CAP: a raw score
        at or below ``_raw_of(MIN_CAP)`` is the same with or without the guards, which are then not looked for
        unless ``explain`` (most pairs compared score that low)."""
        loose = False
        if not (a.distinctive and b.distinctive) and not comparable(a, b):  # (both distinctive: comparable)
            if not self._loose(a, b):
                return 0.0, None, False, True
            loose = True
            a, b = prepare3(core_form(a).original), prepare3(core_form(b).original)
        core: Core | None = None
        if not a.tokens or not b.tokens:
            raw = 0.0  # ``name_similarity``'s score of a name without tokens
        else:
            # the token similarity by the names' scripts (``_han`` of each written out: on every pair compared)
            han_a = a.translit is not None and "pinyin" in a.translit
            if han_a != (b.translit is not None and "pinyin" in b.translit):
                if person:
                    core = similarity_core(a, b, person, token_similarity_pinyin_person, False, MAX_EDITS, False)
                else:
                    core = similarity_core(a, b, person, token_similarity_pinyin, True, None, True)
            elif han_a:
                core = similarity_core(a, b, person, token_similarity_han, not person, MAX_EDITS, False)
            elif person and a.scripts != b.scripts and (a.scripts & _ALPHABETS or b.scripts & _ALPHABETS):
                # a person's name transliterated from another alphabet (Cyrillic, Greek) is spelt many ways
                # ("Alshevskikh" / "Alshevsky", "Darashenka" / "Doroshenko"): @2's looser token similarity
                core = similarity_core(a, b, person, token_similarity_alphabet, False, None, False)
            else:
                # (not ``explain``: the names joined are not compared when nothing else agrees and ``_compact_ok``
                # would reject them, names in one script of lengths joined more than a letter apart: the raw score is
                # the tokens' either way, 0.0)
                core = similarity_core(a, b, person, token_similarity3, not person, MAX_EDITS, False,
                                       not explain and a.phonetic == b.phonetic and a.scripts == b.scripts and (
                                           (la := len(a.compact)) - (lb := len(b.compact)) > 1 or lb - la > 1))
            raw = core[0]
            raw = raw if raw > 0.0 else 0.0  # (``_clamp``, written out)
            raw = raw if raw < 1.0 else 1.0
            if core[1].startswith(("compact", "skeleton")) and not (self._compact_ok(a, b)
                                                                    and not _latin_words_differ(a, b)):
                raw = core[2]  # the names joined differ by more than a typo: a word is missing, not spaces
        if a.legal_forms and b.legal_forms and _forms_differ(a, b):
            lf = ft.legal_form_feature(a, b, self.legal_form_penalty)
            raw += lf.value if lf is not None else 0.0
        raw = raw if raw > 0.0 else 0.0  # (``_clamp``, written out)
        raw = raw if raw < 1.0 else 1.0
        if not explain and raw <= self.midpoint - _LOG_MIN_CAP / self.slope:  # (the raw score of MIN_CAP)
            return raw, None, loose, False
        ns = name_score(a, b, core) if core is not None else name_similarity(a, b, person, True)
        return self._guarded(a, b, person, ns, raw, loose)

    def _guarded(self, a: NameForm, b: NameForm, person: bool, ns: NameScore, raw: float, loose: bool,
                 ) -> tuple[float, NameScore | None, bool, bool]:
        """The raw score under the guards that apply, and the explanation with them."""
        guards = _guards(a, b, ns, person)
        if guards:
            cap = min(g.cap for g in guards)
            raw = min(raw, self._raw_of(cap))
            ns = NameScore(raw, ns.method + "+guard", ns.pairs, ns.unmatched_query, ns.unmatched_candidate,
                           tuple(guards))
        return raw, ns, loose, True

    lowest_final_cap: ClassVar[float] = MIN_CAP  # every guard's cap (tests/screening/test_pair_fastpath.py)

    def _final_cap(self, a: NameForm, b: NameForm, person: bool) -> float:
        """The lowest cap of the guards applied to the pair that say the names are of different parties: evidence
        beyond the name (an agreeing country) adds to the raw score but never lifts such a pair above its cap
        ("Honor Device Co., Ltd." / "Huawei Device Co., Ltd." with both in CN stays below HIT). A review rule
        (``Guard.soft``: "SenseTime" inside "Beijing Sensetime Technology Development Co., Ltd.") caps the name
        score only: an agreeing country may lift it."""
        ns = self._name_raw(a, b, person)[1]
        if ns is None or not ns.guards:
            return 1.0
        return min((g.cap for g in ns.guards if not g.soft), default=1.0)

    @staticmethod
    def _compact_ok(a: NameForm, b: NameForm) -> bool:
        """Whether the names written without spaces differ by no more than a typo (the compact method's case)."""
        if a.phonetic != b.phonetic or a.scripts != b.scripts:
            # across scripts the joined forms are compared by the skeleton guard instead; but two names of one word
            # each (legal forms aside) that the token similarity tells apart are not one name joined ('A-Bank' /
            # 'АО ‘Т-банк’', T-Bank)
            if not (isinstance(a, NameForm) and isinstance(b, NameForm)) or a.person or b.person:
                return True  # (a person's name parts are short: 'Kim Jong Un' / '김정은' is one name joined)
            wa, wb = [t for t in a.tokens if not _residue(t)], [t for t in b.tokens if not _residue(t)]
            return not (len(wa) == len(wb) == 1 and wa[0] != wb[0]
                        and token_similarity3(wa[0], wb[0], False, True)[0] == 0.0)
        la, lb = len(a.compact), len(b.compact)
        if la - lb > 1 or lb - la > 1:
            return False  # a word more or less, not a space
        n = lb if lb < la else la
        allowed = allowed_edits(n, 1.0, False)
        return Levenshtein.distance(a.compact, b.compact, score_cutoff=allowed) <= allowed

    def _raw_of(self, score: float) -> float:
        """The raw score whose calibration is ``score``."""
        return self.midpoint - math.log(1.0 / score - 1.0) / self.slope

    def _name_features(self, a: NameForm, b: NameForm, ns: NameScore | None) -> list[Feature]:
        feats = ClearanceMatcherV2._name_features(self, a, b, ns)
        if ns is None:
            return feats
        weights = ", ".join(f"{t} {w:.2f}" for t, w in zip(a.tokens, a.weights, strict=True))
        cweights = ", ".join(f"{t} {w:.2f}" for t, w in zip(b.tokens, b.weights, strict=True))
        feats.append(Feature("word_weights", 0.0, f"word weights (rarity): query {weights}; entry {cweights}",
                             a.original, b.original))
        for g in ns.guards:
            feats.append(Feature("guard", g.cap, g.reason + f": capped at {g.cap:.2f}", a.original, b.original))
        return feats


PERSON_WORDS = (2, 5)  # a name read as a person's has this many words (fewest, most)


@lru_cache(maxsize=1)
def organisation_words() -> frozenset[str]:
    """The organisation terms as written and canonical ("tech", "electronics", "electronic")."""
    terms = vocabulary().terms
    return frozenset(terms) | frozenset(terms.values())


def reads_as_person(form: NameForm) -> bool:
    """Whether a name may be a person's: PERSON_WORDS words, no legal form and no organisation term."""
    fewest, most = PERSON_WORDS
    if form.legal_forms or not fewest <= len(form.tokens) <= most:
        return False
    words = organisation_words()
    return not any(t in words for t in form.tokens)


def organisation_query(query: PreparedQuery) -> bool:
    """A query clearance-name@3 compares with no listed person: of no given type, with a legal form in its name
    ("LLC Rubezh") or written in Chinese characters as an organisation's name (``han_organisation``)."""
    return query.query.schema is None and (bool(query.form.legal_forms) or han_organisation(query.form.original)
                                           or legal_form_before_comma(query.form.original))


_FIRST_SEPARATOR = re.compile(r"[,，،;]")


@lru_cache(maxsize=20_000)
def legal_form_before_comma(name: str) -> bool:
    """A line whose first part, before a comma, ends with a legal form written as one ("Seguridad Guardián C.A.,
    Valencia, Carabobo"; "Türk Hava Yolları Teknik A.Ş., Yeşilköy, İstanbul"): the legal form was not the line's last
    word, so the whole line read none, and its letters were compared with a listed person's initials ('VALENCIA
    CORNELIO, Armando', 'KAR, Mevlut' alias 'ABDULLAH THE TURK'; adversarial R28-104, R31-103). A two-letter form counts
    only written with a dot ("S.A.", "A.Ş."): a person's name part is not ("Nguyen Van Sa, Hanoi")."""
    head = _FIRST_SEPARATOR.split(name, maxsplit=1)[0]
    words = head.split()
    if head == name or not words or not prepare3(head).legal_forms:
        return False
    last = words[-1]
    return "." in last or len(fold(last)[0].replace(" ", "")) > 2


@lru_cache(maxsize=20_000)
def han_organisation(name: str) -> bool:
    """A name written only in Chinese characters (spaces, dots and brackets aside), longer than a Chinese person's
    name (``clearance.text.han_names.NAME_CHARS``: a surname and a given name, four characters at most) and reading
    an organisation term or a legal form: 中国商飞试飞中心 (COMAC's flight test centre: 中国 China, 中心 centre).
    Read as a person's name, its syllables matched a listed person's one by one ('ZHANG, Shi', 0.74)."""
    chars = [ch for ch in name if ch.isalnum()]
    if len(chars) <= NAME_CHARS[1] or any(char_script(ch) != "Han" for ch in chars):
        return False
    form = prepare3(name)
    words = organisation_words()
    return bool(form.legal_forms) or any(t in words for t in form.tokens)


def person_reading(query: PreparedQuery, entity: PreparedEntity) -> bool:
    """Whether clearance-name@3 also compares ``query`` with ``entity`` as a person's name: no kind of party given,
    an entry whose list does not say its kind (Schema.LEGAL_ENTITY), and a query name that reads as a person's."""
    return entry_of_no_kind(entity) and query_read_as_person(query)


def query_read_as_person(query: PreparedQuery) -> bool:
    """The query's part of ``person_reading``: no kind of party given and a name that reads as a person's."""
    return query.query.schema is None and reads_as_person(prepare3(query.form.original))


def entry_of_no_kind(entity: PreparedEntity) -> bool:
    """The entry's part of ``person_reading``: its list does not say its kind (Schema.LEGAL_ENTITY)."""
    return entity.entity.schema is Schema.LEGAL_ENTITY
