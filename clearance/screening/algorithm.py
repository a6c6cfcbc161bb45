"""Named, versioned matching algorithms ("slug@version"). Older versions stay selectable."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar, Protocol

from rapidfuzz import fuzz

from clearance.model.entity import NameKind, Schema
from clearance.screening import features as ft
from clearance.screening.blocking import query_keys, split_keys
from clearance.screening.model import Decision, Feature, Match
from clearance.screening.namesim import NameScore, name_similarity
from clearance.screening.prepared import PreparedEntity, PreparedName, PreparedQuery, is_person
from clearance.text.names import NameForm, prepare
from clearance.text.terms import vocabulary

_STRONG_NAME_KINDS = frozenset({NameKind.PRIMARY, NameKind.ALIAS, NameKind.FORMER, NameKind.ORIGINAL_SCRIPT})


@dataclass(frozen=True, slots=True)
class Thresholds:
    hit: float
    possible: float

    def decide(self, score: float) -> Decision:
        if score >= self.hit:
            return Decision.HIT
        if score >= self.possible:
            return Decision.POSSIBLE
        return Decision.CLEAR


class Algorithm(Protocol):
    @property
    def slug(self) -> str: ...

    @property
    def version(self) -> int: ...

    @property
    def thresholds(self) -> Thresholds: ...

    @property
    def id(self) -> str: ...

    def query_keys(self, form: NameForm) -> set[str]:
        """The blocking keys a query looks up in the index (``clearance.screening.blocking``)."""
        ...

    def compare_names(self, a: NameForm, b: NameForm, person: bool, explain: bool = True) -> Match:
        """Score two prepared names; ``explain=False`` skips building the explanation (batch scoring)."""
        ...

    def score(
        self, query: PreparedQuery, entity: PreparedEntity, positions: Sequence[int] | None = None,
        floor: float = 0.0,
    ) -> Match:
        """Compare a query with an entity (only the names at ``positions`` when given).

        A match scoring below ``floor`` may come back without its explanation (it is not reported).
        """
        ...


def _source(pn: PreparedName) -> str | None:
    """The alias table a name came from (None for list names, and in indexes pickled before aliases existed)."""
    return getattr(pn, "source", None)


def distinctive(form: NameForm) -> bool:
    """A name with a word that says which party it is (not only "Corp", "Group", "Trading", "X")."""
    return form.distinctive


def comparable(a: NameForm, b: NameForm) -> bool:
    """Names are compared when both are distinctive, or when they have exactly the same two or more words.

    So "International Trading Company" matches no "FY International Trading Company", but the SDN entry
    "Global Trading Group" is still found by its own name.
    """
    if distinctive(a) and distinctive(b):
        return True
    return len(a.tokens) >= 2 and sorted(a.tokens) == sorted(b.tokens)


RESIDUE_MAX_WEIGHT = 0.3  # "co" (company, corporation), "grp", "company": legal-form residue, never a name
CORE_MIN_WEIGHT = 0.9  # generic words a name must keep beyond the residue for a loose comparison


def _canonical_part(part: str) -> str | None:
    """The generic word ``part`` is, canonical (``"technology"`` -> ``"tech"``), or None."""
    vocab = vocabulary()
    canon = vocab.terms.get(part, part)
    return canon if canon in vocab.generic else None


def _split_run_together(token: str) -> tuple[str, ...]:
    """A word that is two generic words written together, split (``"generaltechnology"`` -> general, tech)."""
    if len(token) < 6 or not token.isalpha() or token in vocabulary().generic:
        return (token,)
    for i in range(3, len(token) - 2):
        left, right = _canonical_part(token[:i]), _canonical_part(token[i:])
        if left is not None and right is not None:
            return (left, right)
    return (token,)


def _core(form: NameForm) -> tuple[tuple[str, ...], float]:
    """The words of a name without legal-form residue, run-together terms split; and their weight.

    Residue: tokens of weight <= 0.3 (``co`` from "Company"/"Corporation", ``grp``) and single letters.
    """
    return _core_of(form.tokens)


@lru_cache(maxsize=200_000)
def _core_of(tokens: tuple[str, ...]) -> tuple[tuple[str, ...], float]:
    vocab = vocabulary()
    out: list[str] = []
    weight = 0.0
    for t in tokens:
        for part in _split_run_together(t):
            w = _token_weight(part, vocab.generic)
            if w <= RESIDUE_MAX_WEIGHT or (len(part) == 1 and part.isalpha()):
                continue
            out.append(part)
            weight += w
    return tuple(sorted(out)), weight


def _token_weight(token: str, generic: dict[str, float]) -> float:
    if not token.isalpha():
        return 1.0
    if len(token) == 1:
        return 0.5
    return generic.get(token, 1.0)


def core_form(form: NameForm) -> NameForm:
    """``form`` prepared again from its words without legal-form residue (see ``_core``)."""
    return prepare(" ".join(_core(form)[0]))


def loosely_comparable(a: NameForm, b: NameForm) -> bool:
    """clearance-name@2: names of generic words are compared despite legal-form residue or run-together words.

    True when ``comparable`` is not, but both names have the same words once legal-form residue
    (``co`` left over from "Co."/"Corporation", ``group``, single letters) is dropped and words written
    together are split (``GeneralTechnology``), and those words are at least two and weigh at least 0.9.
    "International Trading Company" still does not meet "FY International Trading Company" (``fy`` differs),
    and "CORP", "LTD", "The Group" keep no words at all.
    """
    if a.person or b.person or comparable(a, b):
        return False
    ca, wa = _core(a)
    if len(ca) < 2 or wa < CORE_MIN_WEIGHT:
        return False
    cb, _ = _core(b)
    return ca == cb


def _forms_differ(a: NameForm, b: NameForm) -> bool:
    """Both names have legal forms of known kinds and no kind in common (LLC vs JSC): the only penalty case."""
    ag = {f.generic for f in a.legal_forms if f.generic}
    bg = {f.generic for f in b.legal_forms if f.generic}
    return bool(ag and bg and not ag & bg)


def _name_feature(ns: NameScore, q: NameForm, c: NameForm) -> Feature:
    parts = [f"{p.query}~{p.candidate} ({p.how} {p.similarity:.2f})" for p in ns.pairs]
    if ns.unmatched_query:
        parts.append("unmatched in query: " + " ".join(ns.unmatched_query))
    if ns.unmatched_candidate:
        parts.append("unmatched in entry: " + " ".join(ns.unmatched_candidate))
    translit = sorted({m for m in (q.translit, c.translit) if m})
    if translit:
        parts.append("transliterated with " + "/".join(translit))
    renamed = sorted({f"{a}->{b}" for a, b in (*q.renamed, *c.renamed)})
    if renamed:
        parts.append("synonyms: " + ", ".join(renamed))
    detail = f"name similarity by {ns.method}: " + "; ".join(parts)
    return Feature("name", ns.score, detail, q.original, c.original)


@dataclass(frozen=True, slots=True)
class ClearanceMatcher:
    """clearance-name: token alignment over transliterated, legal-form-free names, plus bounded evidence.

    The raw score is the name similarity plus small raises and penalties (each explained); it is then
    calibrated with a logistic curve fitted on the labelled sets (bench/screening) so that the score
    reads like the probability that the two refer to the same party.
    """

    slug: str = "clearance-name"
    version: int = 1
    thresholds: Thresholds = Thresholds(hit=0.7, possible=0.5)
    slope: float = 10.6
    midpoint: float = 0.53
    weak_cap: float = 0.69  # a weak alias alone never reaches HIT
    country_bonus: float = 0.04
    country_penalty: float = 0.08
    birth_bonus: float = 0.05
    birth_penalty: float = 0.15
    identifier_bonus: float = 0.25
    schema_penalty: float = 0.3
    legal_form_penalty: float = 0.02
    evidence_floor: float = 0.5  # other evidence only counts once the names are this similar
    loose_cap: float = 0.69  # names compared only loosely (@2: generic words) never reach HIT
    territories: bool = False  # @3: Macau or Hong Kong against an entry coded China is no conflict

    @property
    def _loose_raw_cap(self) -> float:
        """The raw score whose calibration is ``loose_cap``."""
        return self.midpoint - math.log(1.0 / self.loose_cap - 1.0) / self.slope

    @property
    def id(self) -> str:
        return f"{self.slug}@{self.version}"

    def calibrate(self, raw: float) -> float:
        if raw <= 0.0:
            return 0.0
        return 1.0 / (1.0 + math.exp(-self.slope * (raw - self.midpoint)))

    def _loose(self, a: NameForm, b: NameForm) -> bool:
        """Whether two names that are not ``comparable`` are compared all the same (with a score cap)."""
        return False

    def query_keys(self, form: NameForm) -> set[str]:
        """The blocking keys a query looks up in the index."""
        return query_keys(form)

    def _name_raw(
        self, a: NameForm, b: NameForm, person: bool, explain: bool = True
    ) -> tuple[float, NameScore | None, bool]:
        """Raw name score, its explanation and whether the names were compared only loosely (capped)."""
        loose = False
        if not comparable(a, b):
            if not self._loose(a, b):
                return 0.0, None, False
            loose = True  # compared by their words without the residue (the same words: the cap decides)
            a, b = core_form(a), core_form(b)
        ns = name_similarity(a, b, person, explain)
        raw = ns.score
        if a.legal_forms and b.legal_forms and _forms_differ(a, b):  # otherwise the legal form adds 0.0
            lf = ft.legal_form_feature(a, b, self.legal_form_penalty)
            raw += lf.value if lf is not None else 0.0
        return min(1.0, max(0.0, raw)), ns, loose

    # no ``_final_cap`` is below this: a score at or below it is the same under the cap, which is then not asked for
    lowest_final_cap: ClassVar[float] = 1.0

    def _final_cap(self, a: NameForm, b: NameForm, person: bool) -> float:
        """The highest score two compared names allow whatever other evidence agrees (@1/@2: no cap; @3: its
        guards', so that an agreeing country never lifts a capped look-alike to HIT)."""
        return 1.0

    def _name_features(self, a: NameForm, b: NameForm, ns: NameScore | None) -> list[Feature]:
        if ns is None:
            return [Feature("name", 0.0, "no distinctive word (only legal forms, generic words or initials) "
                            "and not the same words",
                            a.original, b.original)]
        feats = [_name_feature(ns, a, b)]
        lf = ft.legal_form_feature(a, b, self.legal_form_penalty)
        if lf is not None:
            feats.append(lf)
        return feats

    def _form(self, form: NameForm, person: bool) -> NameForm:
        """The form this version compares: @1/@2 re-prepare a name as a person's name for person queries."""
        return prepare(form.original, person=True) if person and not form.person else form

    def _name_form(self, pn: PreparedName, person: bool) -> NameForm:
        """The form this version compares for a list name of the index."""
        return self._form(pn.form, person)

    def compare_names(self, a: NameForm, b: NameForm, person: bool, explain: bool = True) -> Match:
        a, b = self._form(a, person), self._form(b, person)
        raw, ns, loose = self._name_raw(a, b, person, explain)
        feats = self._name_features(a, b, ns) if explain else []
        score = self.calibrate(raw)
        if loose:
            score = min(score, self.loose_cap)
            if explain:
                feats.append(self._loose_feature(a.original, b.original))
        return Match(round(score, 4), round(raw, 4), b.original, "", tuple(feats))

    def _loose_feature(self, query: str, matched: str) -> Feature:
        return Feature("generic_name", self.loose_cap, "names of generic words, the same once legal-form residue "
                       "is dropped or run-together words split: capped below HIT (a person reviews)", query, matched)

    def score(
        self, query: PreparedQuery, entity: PreparedEntity, positions: Sequence[int] | None = None,
        floor: float = 0.0,
    ) -> Match:
        schema = query.query.schema
        person = is_person(schema) or (schema is None and entity.entity.schema is Schema.PERSON)
        names = entity.names if positions is None else [entity.names[p] for p in positions]
        qform = self._form(query.form, person)
        best: tuple[float, PreparedName, bool] | None = None
        best_weak: tuple[float, PreparedName, bool] | None = None
        for pn in names:
            cform = self._name_form(pn, person)
            raw, _, loose = self._name_raw(qform, cform, person, explain=False)
            if loose:  # a loose comparison only wins over a full one that scores below the cap
                raw = min(raw, self._loose_raw_cap)
            if pn.kind in _STRONG_NAME_KINDS:
                if best is None or raw > best[0]:
                    best = (raw, PreparedName(cform, pn.kind, _source(pn)), loose)
            elif best_weak is None or raw > best_weak[0]:
                best_weak = (raw, PreparedName(cform, pn.kind, _source(pn)), loose)
        chosen = best
        capped = False
        if best_weak is not None and (best is None or best_weak[0] > best[0]):
            chosen, capped = best_weak, True
        if chosen is None:
            return Match(0.0, 0.0, "", "", ())
        raw, pn, loose = chosen
        evidence: list[Feature] = []
        if raw >= self.evidence_floor:  # other evidence only counts once the names are similar enough
            for f in (
                ft.schema_feature(schema, entity.entity.schema, self.schema_penalty),
                ft.country_feature(query, entity, self.country_bonus, self.country_penalty, self.territories),
                ft.birth_feature(query, entity, self.birth_bonus, self.birth_penalty),
                ft.identifier_feature(query, entity, self.identifier_bonus),
            ):
                if f is not None:
                    evidence.append(f)
                    raw += f.value
        raw = min(1.0, max(0.0, raw))
        score = self.calibrate(raw)
        if score > self.lowest_final_cap:
            score = min(score, self._final_cap(qform, pn.form, person))
        cap_applied = capped and score > self.weak_cap
        if cap_applied:
            score = self.weak_cap
        if loose:
            score = min(score, self.loose_cap)
        if round(score, 4) < floor:  # not reported: the explanation is not built
            return Match(round(score, 4), round(raw, 4), pn.form.original, pn.kind.value, ())
        feats = self._name_features(qform, pn.form, self._name_raw(qform, pn.form, person)[1])
        feats.extend(evidence)
        if _source(pn) is not None:
            feats.append(Feature("alias_source", 0.0, f"matched alias from {_source(pn)}", query.query.name,
                                 pn.form.original))
        if cap_applied:
            feats.append(Feature("weak_alias", self.weak_cap, "matched only a weak alias: capped below HIT",
                                 query.query.name, pn.form.original))
        if loose:
            feats.append(self._loose_feature(query.query.name, pn.form.original))
        return Match(round(score, 4), round(raw, 4), pn.form.original, pn.kind.value, tuple(feats))


@dataclass(frozen=True, slots=True)
class ClearanceMatcherV2(ClearanceMatcher):
    """clearance-name@2: @1, plus names of generic words compared despite legal-form residue (capped).

    @1 compares two names only when both are distinctive or their words are exactly the same, so a listed
    "United Electronics Group Company Limited" was missed by "United Electronics Group Corporation"
    (a leftover ``co``). @2 also compares names that are ``loosely_comparable`` and caps them at 0.69
    (POSSIBLE: a person reviews), and its blocking also looks up run-together words split where the parts
    are org terms written another way ("LeikeDefense" -> ``leike`` + ``defence``). Same calibration.
    """

    version: int = 2

    def _loose(self, a: NameForm, b: NameForm) -> bool:
        return loosely_comparable(a, b)

    def query_keys(self, form: NameForm) -> set[str]:
        return query_keys(form) | split_keys(form)


@dataclass(frozen=True, slots=True)
class TokenSetBaseline:
    """rapidfuzz-token-set: ``fuzz.token_set_ratio`` on lower-cased names (the benchmark baseline)."""

    slug: str = "rapidfuzz-token-set"
    version: int = 1
    thresholds: Thresholds = Thresholds(hit=0.8, possible=0.7)

    @property
    def id(self) -> str:
        return f"{self.slug}@{self.version}"

    def query_keys(self, form: NameForm) -> set[str]:
        return query_keys(form)

    def compare_names(self, a: NameForm, b: NameForm, person: bool, explain: bool = True) -> Match:
        s = fuzz.token_set_ratio(a.original.lower(), b.original.lower()) / 100.0
        return Match(s, s, b.original, "", (Feature("name", s, "token_set_ratio", a.original, b.original),))

    def score(
        self, query: PreparedQuery, entity: PreparedEntity, positions: Sequence[int] | None = None,
        floor: float = 0.0,
    ) -> Match:
        best = Match(0.0, 0.0, "", "", ())
        for pn in entity.names if positions is None else [entity.names[p] for p in positions]:
            m = self.compare_names(query.form, pn.form, False)
            if m.score > best.score:
                best = Match(m.score, m.raw, pn.form.original, pn.kind.value, m.features)
        return best
