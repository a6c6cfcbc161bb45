"""A name written in Wade-Giles syllables read in Hanyu Pinyin ("Kuang-Su Corporation" -> "Guangsu Corporation").

Taiwanese and older Chinese names on the lists are often in Wade-Giles, which writes syllables apart, joined by
hyphens ("Kuang-Su", "Chung-Shan"); an order writes the same name in pinyin ("Guangsu"), and a name in Chinese
characters is read in pinyin (``clearance.text.translit``). Initials differ (Wade-Giles k, ch, ts, t, p, hs, j for
pinyin g, zh / j, z, d, b, x, r), so the two spellings are more than a typo apart (adversarial R13-35). The syllable
table is data (``wade_giles.yml``, from the public conversion table: ``tools/gen_wade_giles.py``).

``pinyin_readings`` gives a name's readings with each hyphenated run of Wade-Giles syllables written in pinyin,
joined as pinyin writes a word. The lists and customers drop the apostrophes that mark aspiration, so a spelling may
stand for several syllables ('kuang': guang or kuang): a few readings are given (MAX_READINGS), each meant as a weak
alias (a possible match a person confirms, never a hit on its own).
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from clearance.errors import DataError
from clearance.text.pinyin import syllables
from clearance.text.yamlload import read_resource

MAX_READINGS = 4  # readings given for one name (the first of the syllables' combinations, in table order)
_RUN = re.compile(r"(?<![\w'’-])[A-Za-z]+(?:-[A-Za-z]+)+(?![\w'’-])")  # syllables joined by hyphens: "Kuang-Su"


@lru_cache(maxsize=1)
def table() -> dict[str, tuple[str, ...]]:
    """Wade-Giles syllable as written (lower case, no apostrophe) -> the pinyin syllables it stands for."""
    raw, path = read_resource("wade_giles.yml", "the Wade-Giles table")
    rows = raw.get("syllables") if isinstance(raw, dict) else None
    if not isinstance(rows, dict) or set(raw) != {"syllables"}:
        raise DataError("Wade-Giles table: expected one mapping 'syllables'", file=path, field="syllables")
    out: dict[str, tuple[str, ...]] = {}
    for key, readings in rows.items():
        if not isinstance(readings, list) or not readings:
            raise DataError(f"Wade-Giles table: {key!r} needs a list of pinyin syllables", file=path,
                            field=str(key))
        out[str(key)] = tuple(str(r) for r in readings)
    return out


def _syllable_readings(part: str) -> tuple[str, ...] | None:
    """The pinyin syllables a written syllable stands for (itself when Wade-Giles writes it as pinyin does); None when
    it is no syllable of either."""
    word = part.lower()
    got = table().get(word)
    if got is not None:
        return got
    return (word,) if word in syllables() else None


def pinyin_readings(name: str) -> list[str]:
    """``name`` with each run of Wade-Giles syllables joined by hyphens written as one pinyin word ("Kuang-Su
    Corporation" -> ["Guangsu Corporation"]); at most MAX_READINGS, none equal to the name's own syllables joined
    (the comparison already joins words). Empty when the name has no such run or every run reads as itself."""
    runs = [(m.start(), m.end(), m.group(0).split("-")) for m in _RUN.finditer(name)]
    options: list[list[str]] = []
    spans: list[tuple[int, int]] = []
    for start, end, parts in runs:
        readings = [_syllable_readings(p) for p in parts]
        if any(r is None for r in readings):
            continue
        own = "".join(parts).lower()
        words = ["".join(combo) for combo in itertools.islice(
            itertools.product(*(r for r in readings if r is not None)), MAX_READINGS + 1)]
        words = [w for w in words if w != own]
        if words:
            options.append([w.capitalize() for w in words])
            spans.append((start, end))
    if not spans:
        return []
    out: list[str] = []
    for combo in itertools.islice(itertools.product(*options), MAX_READINGS):
        text, at = [], 0
        for (start, end), word in zip(spans, combo, strict=True):
            text.append(name[at:start])
            text.append(word)
            at = end
        text.append(name[at:])
        out.append("".join(text))
    return out
