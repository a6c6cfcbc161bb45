"""Words of a party's name that denote a military end user (§ 744.21(g)) or a military-intelligence end user
(§ 744.22(f)(2)): rule data ``744.21.name_signals`` and ``744.22.name_signals``.

A name is read once per rule epoch (the answer is kept in the caller's cache); the party resolution keeps the
words found (PartyInfo.name_signals) and the name itself, so that the steps in clearance.rules.part744 can ask
about them -- only where the rule would require a licence if the party were such an end user.
"""

from __future__ import annotations

from clearance.model.fact_vocabulary import normalise
from clearance.rules.context import Ctx

KEYS = ("744.21.name_signals", "744.22.name_signals")
Signals = tuple[tuple[str, str], ...]  # (rule key, word) pairs


def _words(ctx: Ctx) -> tuple[tuple[str, tuple[str, ...]], ...]:
    ck = ("name signal words", ctx.version, ctx.epoch)
    found = ctx.data.get(ck)
    if found is None:
        out = []
        for key in KEYS:
            hit = ctx._lookup(key)
            if hit is not None:
                out.append((key, tuple(str(w) for w in hit[0].value["words"])))
        found = tuple(out)
        ctx.cache.put(ck, found)
    return found


def name_signals(ctx: Ctx, name: str) -> Signals:
    """The (rule key, word) pairs of ``name`` (the rules enter the trace only when a word is found)."""
    ck = ("name signals", ctx.version, ctx.epoch, name)
    found = ctx.data.get(ck)
    if found is None:
        norm = normalise(name)
        found = tuple((key, w.strip()) for key, words in _words(ctx) for w in words if w in norm)
        ctx.cache.put(ck, found)
    if found:  # (the common case, no word, costs one dict lookup)
        for key in {k for k, _ in found}:
            ctx.get(key)
    return found
