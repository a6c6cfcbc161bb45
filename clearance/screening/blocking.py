"""Blocking keys: cheap keys shared by names that might match, so only few candidates are scored."""

from __future__ import annotations

from functools import lru_cache

from clearance.text.fold import skeleton
from clearance.text.names import NameForm
from clearance.text.terms import vocabulary

MIN_DELETE_LEN = 4  # tokens this long also get their one-deletion variants (typos of one edit)


def _deletes(token: str) -> list[str]:
    return [token[:i] + token[i + 1 :] for i in range(len(token))]


def name_keys(form: NameForm) -> set[str]:
    """Keys of one name: tokens, their one-deletion variants, joined neighbours and consonant skeletons."""
    return set(_name_keys(form.tokens, form.skeleton, form.compact))


@lru_cache(maxsize=4096)
def _name_keys(toks: tuple[str, ...], name_skeleton: str, compact: str) -> frozenset[str]:
    """``name_keys`` of a name from the only fields it reads (a query's keys are asked for more than once:
    clearance-name@3 takes the keys of its own reading of the name and, in ``query_keys``, those keys again)."""
    keys: set[str] = set()
    for t in toks:
        keys |= _token_keys(t) if len(t) <= TOKEN_MEMO_CHARS else _token_keys_of(t)
    for n in (2, 3):
        for i in range(len(toks) - n + 1):
            keys.add("".join(toks[i : i + n]))
    if name_skeleton and len(name_skeleton) >= 3:
        keys.add("~" + name_skeleton)
    if compact and len(toks) > 1:
        keys.add(compact)
    return frozenset(keys)


TOKEN_MEMO_CHARS = 24  # words this long or shorter have their keys remembered (TOKEN_MEMO_SIZE words)
TOKEN_MEMO_SIZE = 8_192


def _token_keys_of(t: str) -> frozenset[str]:
    """The keys one word gives a name: itself (2+ letters, or a number), its one-deletion variants (4+ letters) and
    its consonant skeleton (2+ sounds). A pure function of the word, remembered for short words (``_token_keys``):
    names that are all distinct still share most of their words."""
    keys: set[str] = set()
    if len(t) >= 2 or t.isdigit():
        keys.add(t)
        if len(t) >= MIN_DELETE_LEN and not t.isdigit():
            keys.update("-" + d for d in _deletes(t))
    s = skeleton(t)
    if len(s) >= 2:
        keys.add("~" + s)
    return frozenset(keys)


def query_keys(form: NameForm) -> set[str]:
    """A query's keys: its own keys plus the deletion variants looked up as list tokens."""
    return set(_query_keys(form.tokens, form.skeleton, form.compact))


@lru_cache(maxsize=4096)
def _query_keys(toks: tuple[str, ...], name_skeleton: str, compact: str) -> frozenset[str]:
    """``query_keys`` of a name from the fields it reads (asked for one name more than once, like ``name_keys``)."""
    keys = set(_name_keys(toks, name_skeleton, compact))
    for t in toks:
        keys |= _token_query_keys(t) if len(t) <= TOKEN_MEMO_CHARS else _token_query_keys_of(t)
    return frozenset(keys)


def _token_query_keys_of(t: str) -> frozenset[str]:
    """The keys a query's word adds to its name's keys (remembered like ``_token_keys``): its one-deletion variants
    (a query with one extra letter equals a list word) and itself as a deletion variant (a query missing one letter
    equals a deletion variant of a list word), for words of 4+ letters."""
    if len(t) >= MIN_DELETE_LEN and not t.isdigit():
        return frozenset([*_deletes(t), "-" + t])
    return frozenset()


_token_keys = lru_cache(maxsize=TOKEN_MEMO_SIZE)(_token_keys_of)
_token_query_keys = lru_cache(maxsize=TOKEN_MEMO_SIZE)(_token_query_keys_of)


SPLIT_MIN_LEN = 7  # words this long are tried as two words written together
SPLIT_MIN_PART = 3


def split_keys(form: NameForm) -> set[str]:
    """clearance-name@2: keys of words written together whose parts are org terms spelt another way.

    "LeikeDefense" is indexed nowhere as ``leikedefense``: the list writes "Leike Defense", whose
    joined-neighbours key is ``leikedefence`` (``defense`` is the term ``defence``). Each split of a long
    query word where a part of 4+ letters is a term written otherwise gives the joined canonical key.
    """
    terms = vocabulary().terms
    keys: set[str] = set()
    for t in form.tokens:
        if len(t) < SPLIT_MIN_LEN or not t.isalpha() or t in terms:
            continue
        for i in range(SPLIT_MIN_PART, len(t) - SPLIT_MIN_PART + 1):
            left, right = t[:i], t[i:]
            lc, rc = terms.get(left, left), terms.get(right, right)
            if (lc != left and len(left) >= 4) or (rc != right and len(right) >= 4):
                keys.add(lc + rc)
    keys.discard("")
    return keys
