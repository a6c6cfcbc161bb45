"""clearance-name@3: distinctive-word weighting, abbreviations, digits and numbers, person-name guards."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

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
from clearance.screening.blocking import name_keys, query_keys, split_keys
from clearance.screening.forms3 import prepare3
from clearance.screening.model import Feature, Match
from clearance.screening.namesim import (
    Guard,
    NameScore,
    TokenPair,
    coverage_score,
    name_similarity,
    token_similarity,
)
from clearance.screening.prepared import PreparedEntity, PreparedName, PreparedQuery
from clearance.screening.rarity import rarity
from clearance.text.fold import skeleton
from clearance.text.names import DISTINCTIVE_WEIGHT, NameForm
from clearance.text.terms import vocabulary

UNSPACED_AGREE = 0.85  # a name in a script without spaces agreeing this much, spaces removed: no word guard
SHORT_WORD = 5  # a one-word name this short, one letter off, is as often another brand ("Canon" / "Cancon")
CONSONANT_MIN = 0.6  # cross-script name parts: the consonants as written must agree this much
RARE_WEIGHT = 0.5  # a word weighing this much says which party it is (a brand, a surname)
CONFLICT_WEIGHT = 0.15  # organisations each keeping a word this heavy (a brand, a city) are different parties
PERSON_RARE_WEIGHT = 0.8  # a person's name part this rare, missing from the other name: not the same person
CAP = 0.69  # the highest POSSIBLE score: a person reviews
SINGLE_COMMON_CAP = 0.45  # a person's one common word (a given name) against a longer name: CLEAR
_EXACT_HOW = frozenset({"exact", "typo", "nickname"})
_PATRONYMIC = ("ovich", "evich", "ovna", "evna", "yevich", "ich", "ogly", "oglu", "kyzy")


RAW_MEMO_SIZE = 20_000
_RAW_MEMO: dict[tuple[str, bool, str, bool, bool], tuple[float, NameScore | None, bool]] = {}


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


@lru_cache(maxsize=500_000)
def token_similarity3(a: str, b: str, person: bool, phonetic: bool) -> tuple[float, str]:
    """@3's token similarity: @2's, but typos allowed by length and rarity (``allowed_edits``), swaps count once."""
    if a == b:
        return 1.0, "exact"
    if phonetic:  # across scripts transliterations differ by more than typos: @2's similarity
        return token_similarity(a, b, person, phonetic)
    la, lb = len(a), len(b)
    if min(la, lb) >= 4 and a.isalpha() and b.isalpha():
        table = rarity()
        allowed = allowed_edits(min(la, lb), min(table.weight(a), table.weight(b)), person)
        d = OSA.distance(a, b, score_cutoff=allowed)
        if d <= allowed:
            sim = 1.0 - d / max(la, lb)
            base, how = token_similarity(a, b, person, phonetic)
            return (base, how) if base > sim else (sim, "typo")
    sim, how = token_similarity(a, b, person, phonetic)
    return (0.0, "") if how == "typo" else (sim, how)


def _guards(q: NameForm, c: NameForm, ns: NameScore, person: bool) -> list[Guard]:
    """The @3 rules that apply to two compared names (both prepared by ``prepare3``)."""
    out: list[Guard] = []
    if (q.unspaced or c.unspaced) and Levenshtein.normalized_similarity(q.compact, c.compact) >= UNSPACED_AGREE:
        return out  # written without spaces (Chinese): the names agree letter for letter once spaces are gone
    qw = dict(zip(q.tokens, q.weights, strict=True))
    cw = dict(zip(c.tokens, c.weights, strict=True))
    if not person:
        kept_q = [t for t in ns.unmatched_query if _kept(t) and not _explained(t, c)]
        kept_c = [t for t in ns.unmatched_candidate if _kept(t) and not _explained(t, q)]
        if kept_q and kept_c:
            out.append(Guard(CAP, f"each name keeps words the other lacks ({' '.join(kept_q)} / {' '.join(kept_c)})"
                                  ": a different party with the same other words"))
        matched_rare = any(_weight_of(p.query, qw) >= RARE_WEIGHT or not p.query.replace(" ", "").isalpha()
                           for p in ns.pairs)
        brand_c = [t for t in kept_c if cw.get(t, 1.0) >= RARE_WEIGHT]
        if not matched_rare and brand_c:
            out.append(Guard(CAP, f"only common words agree; the entry's distinctive word ({' '.join(brand_c)}) "
                                  "is not in the query"))
        extra = [t for t in kept_q if qw.get(t, 1.0) >= RARE_WEIGHT]
        if extra and not kept_c:
            out.append(Guard(CAP, f"the query adds a distinctive word ({' '.join(extra)}): another party named "
                                  "after the listed one, or the listed one: a person reviews"))
    elif not _cross_script(q, c):  # across scripts the words of a name are often segmented otherwise
        rare_q = [t for t in ns.unmatched_query if _person_rare(t, qw)]
        rare_c = [t for t in ns.unmatched_candidate if _person_rare(t, cw)]
        if rare_q or rare_c:
            out.append(Guard(CAP, f"a distinctive name part is not in the other name ({' '.join(rare_q + rare_c)})"))
        other_q = [t for t in ns.unmatched_query if len(t) > 1 and not t.endswith(_PATRONYMIC)]
        other_c = [t for t in ns.unmatched_candidate if len(t) > 1 and not t.endswith(_PATRONYMIC)]
        if other_q and other_c:
            out.append(Guard(CAP, f"each name has a name part the other lacks ({' '.join(other_q)} / "
                                  f"{' '.join(other_c)})"))
    if person:
        short, other = (q, c) if len(q.tokens) <= len(c.tokens) else (c, q)
        if len(short.tokens) == 1 and len(other.tokens) >= 2 and not (short.unspaced or other.unspaced):
            w = short.weights[0]
            cap = CAP if w >= RARE_WEIGHT and len(short.tokens[0]) > 3 else SINGLE_COMMON_CAP
            out.append(Guard(cap, f"a one-word name ({short.tokens[0]}, weight {w:.2f}) against a name of "
                                  f"{len(other.tokens)} words"))
    if _cross_script(q, c) and ns.score > 0:
        single = len(q.tokens) == 1 and len(c.tokens) == 1  # the pair is the whole name: @2's skeleton rule
        matched = [p for p in ns.pairs if (person and single and p.how == "skeleton") or _word_matched(p, person)]
        if not person:  # an organisation's distinctive word must agree, not only its generic ones
            generic = vocabulary().generic
            matched = [p for p in matched if not p.query.replace(" ", "").isalpha()
                       or max(_weight_of(p.query, qw), _weight_of(p.candidate, cw)) >= RARE_WEIGHT
                       or all(generic.get(w, 1.0) >= DISTINCTIVE_WEIGHT for w in p.candidate.split())]
        if not matched:
            out.append(Guard(CAP, "across scripts only the consonant skeletons (or generic words) agree; "
                                  "no distinctive word matched"))
        return out
    rare_pairs = [p for p in ns.pairs if max(_weight_of(p.query, qw), _weight_of(p.candidate, cw)) >= RARE_WEIGHT
                  and p.query.replace(" ", "").isalpha()]
    one_word_typo = len(q.tokens) == 1 and len(c.tokens) == 1 and len(rare_pairs) == 1
    if one_word_typo and all(p.how in ("typo", "joined") and p.similarity < 1.0
                             and min(len(p.query), len(p.candidate)) <= SHORT_WORD for p in rare_pairs):
        out.append(Guard(CAP, "a one-word name that agrees only with a typo in a short word ("
                              + ", ".join(f"{p.query}~{p.candidate}" for p in rare_pairs) + ")"))
    for p in ns.pairs:
        if p.how != "joined" or person:
            continue
        a, b = p.query.replace(" ", ""), p.candidate.replace(" ", "")
        w = min(_weight_of(p.query, qw), _weight_of(p.candidate, cw))
        allowed = allowed_edits(min(len(a), len(b)), w, person)
        d = OSA.distance(a, b, score_cutoff=allowed + 1)
        if d > allowed:
            out.append(Guard(CAP, f"{p.query}~{p.candidate}: joined, {d} letters differ, more than a typo"))
    return out


def _weight_of(words: str, weights: dict[str, float]) -> float:
    """The weight of a word, or the highest of a run of words ("hua wei")."""
    return max((weights.get(w, 1.0) for w in words.split()), default=1.0)


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
        return bool(a and b) and Levenshtein.normalized_similarity(a, b) >= CONSONANT_MIN
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

    @property
    def id(self) -> str:
        return f"{self.slug}@{self.version}"

    @property
    def rarity_version(self) -> str:
        return rarity().version

    def _form(self, form: NameForm, person: bool) -> NameForm:
        return prepare3(form.original, person)

    def _name_form(self, pn: PreparedName, person: bool) -> NameForm:
        form3 = getattr(pn, "form3", None)  # prepared at index build (None in indexes pickled before @3)
        return form3 if form3 is not None and not person else prepare3(pn.form.original, person)

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
        """@2's scoring, except that a query of no given type whose name carries a legal form ("LLC Rubezh")
        is an organisation and is not compared with listed persons (their names by transliteration only)."""
        if query.query.schema is None and entity.entity.schema is Schema.PERSON and query.form.legal_forms:
            return Match(0.0, 0.0, "", "", ())
        return ClearanceMatcherV2.score(self, query, entity, positions, floor)

    def query_keys(self, form: NameForm) -> set[str]:
        f3 = prepare3(form.original)
        return query_keys(form) | split_keys(form) | name_keys(f3) | query_keys(f3)

    def _name_raw(
        self, a: NameForm, b: NameForm, person: bool, explain: bool = True
    ) -> tuple[float, NameScore | None, bool]:
        # Forms of @3 follow from their text (``prepare3``): a pair scored for ranking is not scored again for
        # its explanation. The memo is bounded (cleared when full) and holds no state that changes results.
        key = (a.original, a.person, b.original, b.person, person)
        done = _RAW_MEMO.get(key)
        if done is None:
            if len(_RAW_MEMO) >= RAW_MEMO_SIZE:
                _RAW_MEMO.clear()
            done = _RAW_MEMO[key] = self._name_raw_uncached(a, b, person)
        return done

    def _name_raw_uncached(self, a: NameForm, b: NameForm, person: bool) -> tuple[float, NameScore | None, bool]:
        loose = False
        if not comparable(a, b):
            if not self._loose(a, b):
                return 0.0, None, False
            loose = True
            a, b = prepare3(core_form(a).original), prepare3(core_form(b).original)
        ns = name_similarity(a, b, person, True, token_similarity3)
        raw = ns.score
        if ns.method.startswith(("compact", "skeleton")) and not self._compact_ok(a, b):
            raw = ns.tokens_score  # the names joined differ by more than a typo: a word is missing, not spaces
        if a.legal_forms and b.legal_forms and _forms_differ(a, b):
            lf = ft.legal_form_feature(a, b, self.legal_form_penalty)
            raw += lf.value if lf is not None else 0.0
        raw = min(1.0, max(0.0, raw))
        guards = _guards(a, b, ns, person)
        if guards:
            cap = min(g.cap for g in guards)
            raw = min(raw, self._raw_of(cap))
            ns = NameScore(raw, ns.method + "+guard", ns.pairs, ns.unmatched_query, ns.unmatched_candidate,
                           tuple(guards))
        return raw, ns, loose

    @staticmethod
    def _compact_ok(a: NameForm, b: NameForm) -> bool:
        """Whether the names written without spaces differ by no more than a typo (the compact method's case)."""
        if a.phonetic != b.phonetic or a.scripts != b.scripts:
            return True  # across scripts the joined forms are compared by the skeleton guard instead
        n = min(len(a.compact), len(b.compact))
        if max(len(a.compact), len(b.compact)) - n > 1:
            return False  # a word more or less, not a space
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

