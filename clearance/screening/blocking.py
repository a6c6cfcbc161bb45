"""Blocking keys: cheap keys shared by names that might match, so only few candidates are scored."""

from __future__ import annotations

from clearance.text.names import NameForm

MIN_DELETE_LEN = 4  # tokens this long also get their one-deletion variants (typos of one edit)


def _deletes(token: str) -> list[str]:
    return [token[:i] + token[i + 1 :] for i in range(len(token))]


def name_keys(form: NameForm) -> set[str]:
    """Keys of one name: tokens, their one-deletion variants, joined neighbours and consonant skeletons."""
    keys: set[str] = set()
    toks = form.tokens
    for t in toks:
        if len(t) < 2 and not t.isdigit():
            continue
        keys.add(t)
        if len(t) >= MIN_DELETE_LEN and not t.isdigit():
            keys.update("-" + d for d in _deletes(t))
    for n in (2, 3):
        for i in range(len(toks) - n + 1):
            keys.add("".join(toks[i : i + n]))
    if form.skeleton and len(form.skeleton) >= 3:
        keys.add("~" + form.skeleton)
    for t in toks:
        from clearance.text.fold import skeleton

        s = skeleton(t)
        if len(s) >= 2:
            keys.add("~" + s)
    if form.compact and len(toks) > 1:
        keys.add(form.compact)
    return keys


def query_keys(form: NameForm) -> set[str]:
    """A query's keys: its own keys plus the deletion variants looked up as list tokens."""
    keys = name_keys(form)
    for t in form.tokens:
        if len(t) >= MIN_DELETE_LEN and not t.isdigit():
            keys.update(_deletes(t))  # query has one extra letter -> equals a list token
            keys.add("-" + t)  # query misses one letter -> equals a deletion variant of a list token
    return keys
