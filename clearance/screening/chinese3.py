"""clearance-name@3's guards for Chinese persons' names: the given name must agree, not only the surname.

A Chinese surname is shared by tens of millions of people (Zhang, Wang, Li): what tells two Chinese persons apart
is the given name. The lists' own rarity of a surname ("zhang" weighs 0.80) understates that, so two names that
agree on the surname alone scored a possible match, and a name in characters whose given name was matched on one of
its syllables ("yi" of 一鸣) or as another given name spelt alike ("yi ming" ~ "xiaoming", by sounds) scored a
near-certain one (adversarial R20-72, R20b-09..R20b-11: innocent persons answered PROHIBITED on a wrong SDN entry).
"""

from __future__ import annotations

from clearance.screening.namesim import Guard, NameScore
from clearance.text.han_names import (
    foreign_given_name,
    han_person_chars,
    missing_surname,
    other_given_name,
    other_surname,
)
from clearance.text.names import NameForm
from clearance.text.pinyin import pinyin_word, syllables


def chinese_name_guards(q: NameForm, c: NameForm, ns: NameScore, person: bool, cap: float, review: float,
                        ) -> list[Guard]:
    """Guards capping at ``cap`` two names that are not the same Chinese person's name:

    - one written in Chinese characters as a person's name, the other in Latin letters read as Chinese syllables,
      whose given names differ (``clearance.text.han_names.other_given_name``): 张一鸣 / 'ZHANG, Xiaoming', 李一鸣 /
      'LI, Yi'; compared as persons or as organisations (an entry of no stated kind, 'Chen Qu' / 'Chen Choo' of
      the Entity List, is compared both ways);
    - compared as persons, both in pinyin, agreeing only on one part of one syllable (a surname), each keeping a
      given name written in pinyin that nothing of the other name matched: 'Zhang Yiming' / 'ZHANG, Wei'.

    And at ``review`` (below HIT), compared as persons, a name in characters whose surname a word of the Latin name
    spells while the Latin given name is no Chinese syllables (``clearance.text.han_names.foreign_given_name``:
    陈曲 / 'CHEN, Eric'): only the surname agrees as written, and a surname alone never makes a HIT; whether 陈曲
    goes by "Eric" a person reviews.
    """
    if q.unspaced != c.unspaced:
        han, latin = (q, c) if q.unspaced else (c, q)
        chars = han_person_chars(han.original) if not latin.scripts - {"Latin"} else None
        if chars is None:
            return []
        given = other_given_name(chars, latin.tokens)
        if given is None:
            other = other_surname(chars, latin.tokens)
            if other is not None:
                return [Guard(cap, f"a Chinese name in characters ({chars}) and one in Latin letters ('{other}') "
                                   "agree neither on the surname nor on the given name the characters spell")]
            # the surname in no spelling of any word: a given name alone agrees (刘洋 / 'FAN, Yang', 'Sharon Yang'),
            # compared as persons or against a Latin name that reads as a person's (an entry of no stated kind,
            # 'Fang Yu' of the Entity List, is also compared as an organisation); against an organisation's name,
            # what agrees is no brand starting with the surname ('Jinhua' of 'SHAANXI HONGRUN JINHUA TRADE' for
            # 张金华) -- not when the characters read an organisation's word (大华股份: a brand, no person's name)
            loose = person or _person_like(latin)
            if loose or not _organisation_words(han):
                missing = missing_surname(chars, latin.tokens, loose)
                if missing is not None:
                    return [Guard(cap, f"a Chinese person's name in characters ({chars}) and a name in Latin letters "
                                       f"('{missing}') with no word that is the surname in any spelling: at most "
                                       "the given name agrees")]
            # (compared as persons only: 浙江大学 "Zhejiang University" spells 浙江 as a two-character "surname")
            foreign = foreign_given_name(chars, latin.tokens) if person else None
            if foreign is None:
                return []
            return [Guard(review, f"a Chinese name in characters ({chars}) and one in Latin letters agree as written "
                                  f"only on the surname: the given name '{foreign}' is no reading of the characters "
                                  "(another name the person may use: a person reviews)")]
        return [Guard(cap, f"a Chinese name in characters ({chars}) and one in Latin letters agree at most on the "
                           f"surname: the given name '{given}' is not what the characters spell")]
    if not person or q.unspaced or c.unspaced or q.translit or c.translit or len(ns.pairs) != 1:
        return []
    pair = ns.pairs[0]
    if pair.how != "exact" or " " in pair.query or pair.query not in syllables():
        return []
    own_q = [t for t in ns.unmatched_query if _pinyin_part(t)]
    own_c = [t for t in ns.unmatched_candidate if _pinyin_part(t)]
    if not own_q or not own_c or len(own_q) != len(ns.unmatched_query) or len(own_c) != len(ns.unmatched_candidate):
        return []
    return [Guard(cap, f"two Chinese names in pinyin agree only on one syllable ({pair.query}, a surname shared by "
                       f"millions); each has its own given name ({' '.join(own_q)} / {' '.join(own_c)})")]


def _person_like(form: NameForm) -> bool:
    """A Latin name that may be a person's: two to five words, no legal form, no organisation term."""
    from clearance.screening.algorithm3 import reads_as_person  # (algorithm3 imports this module)

    return reads_as_person(form)


def _organisation_words(form: NameForm) -> bool:
    """A name with a legal form or an organisation term (大华股份, 华为技术)."""
    from clearance.screening.algorithm3 import organisation_words

    return bool(form.legal_forms) or any(t in organisation_words() for t in form.tokens)


def _pinyin_part(token: str) -> bool:
    """A name part written in pinyin: one syllable of two letters or more, or several joined."""
    return (len(token) > 1 and token in syllables()) or pinyin_word(token)

