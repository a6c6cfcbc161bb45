"""Name vocabulary from clearance/resources: legal forms, synonyms, generic words, nicknames, stopwords."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from clearance.errors import DataError
from clearance.text.fold import fold

MAX_SPAN = 5  # longest legal form / term, in tokens


@dataclass(frozen=True, slots=True)
class LegalForm:
    form: str  # e.g. "Ltd", "GmbH", "OOO"
    generic: str | None  # e.g. "LLC", "JSC" (rigour's vocabulary), None when unknown


@dataclass(frozen=True, slots=True)
class Vocabulary:
    legal_forms: dict[str, LegalForm]  # compact folded alias ("coltd", "youxiangongsi") -> form
    terms: dict[str, str]  # compact folded variant -> canonical term ("technologies" -> "tech")
    person_terms: dict[str, str]  # the same for person names only ("junior" -> "jr")
    generic: dict[str, float]  # canonical term -> weight
    stopwords: frozenset[str]
    nicknames: dict[str, frozenset[str]]  # name -> names it is a nickname of / has as nickname
    starts: frozenset[str]  # first words of multi-word legal forms and terms (spans start only there)


_SAFE_LOADER: type[yaml.SafeLoader] | type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load(name: str) -> Any:
    path = resources.files("clearance.resources").joinpath(name)
    try:
        # libyaml's loader when PyYAML was built with it: the same data, about 8x faster (start-up)
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"cannot read name resource: {exc}", file=str(path)) from exc


def compact(text: str) -> str:
    return fold(text)[0].replace(" ", "")


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The vocabulary, loaded once per process."""
    lf = _load("legal_forms.yml")
    sym = _load("name_symbols.yml")
    own = _load("name_terms.yml")
    legal: dict[str, LegalForm] = {}
    starts: set[str] = set()

    def note_start(text: str) -> None:
        words = fold(text)[0].split()
        if len(words) > 1:
            starts.add(words[0])

    for entry in lf["forms"]:
        form = LegalForm(str(entry["form"]), entry.get("generic"))
        for alias in entry["aliases"]:
            key = compact(str(alias))
            if key and (len(fold(str(alias))[0].split()) <= MAX_SPAN):
                legal.setdefault(key, form)
                note_start(str(alias))
    for form_name, aliases in own["legal_forms"].items():
        for alias in aliases:
            legal.setdefault(compact(alias), LegalForm(str(form_name), None))
            note_start(alias)
    terms: dict[str, str] = {}
    person_terms: dict[str, str] = {}
    for key, variants in sym["person_terms"].items():
        for v in (*variants, key):
            if c := compact(str(v)):
                person_terms.setdefault(c, compact(str(key)))
    for section in ("org_terms", "person_terms"):
        for key, variants in sym[section].items():
            canon = compact(str(key))
            for v in (*variants, key):
                c = compact(str(v))
                if c and c not in legal:
                    terms.setdefault(c, canon)
                    note_start(str(v))
    for key, variants in own["pinyin"].items():
        for v in variants:
            terms[compact(v)] = str(key)
            note_start(v)
    nick: dict[str, set[str]] = {}
    for key, variants in sym["nicknames"].items():
        group = {compact(str(v)) for v in (*variants, key)} - {""}
        for g in group:
            nick.setdefault(g, set()).update(group - {g})
    return Vocabulary(
        legal_forms=legal,
        terms=terms,
        person_terms=person_terms,
        generic={str(k): float(v) for k, v in own["generic"].items()},
        stopwords=frozenset(own["stopwords"]),
        nicknames={k: frozenset(v) for k, v in nick.items()},
        starts=frozenset(starts),
    )
