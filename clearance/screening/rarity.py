"""Word rarity for clearance-name@3: how distinctive a word is, from its document frequency in a name corpus.

The table (data/word_rarity.json.gz) is derived by tools/derive_word_rarity.py from every name of the
loaded lists plus a corpus of unlisted names (Wikidata person names, synthesised company names); it counts,
for each canonical token, the names it occurs in. A word found in many names (a city, an industry word, a
common given name) weighs little; a word found in few (a brand) weighs 1. The table's digest is part of the
algorithm's identity (``RarityTable.version``), so a cached index never mixes tables.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from clearance.errors import DataError

TABLE = "word_rarity.json.gz"
RARE_DF = 8  # a word in at most this many names weighs 1.0
MIN_WEIGHT = 0.12  # the most common words
COMMON_SHARE = 0.004  # a word in this share of all names (or more) weighs MIN_WEIGHT
PLURAL_MIN_LEN = 5  # words this long are counted with their plural or singular (``word_weight``)


@dataclass(frozen=True, slots=True)
class RarityTable:
    documents: int  # names counted
    df: dict[str, int]  # canonical token -> names it occurs in (tokens in fewer than 2 names are left out)
    version: str  # sha256 prefix of the table file

    def weight(self, token: str) -> float:
        """1.0 for a rare word, down to MIN_WEIGHT for a word in COMMON_SHARE of all names (log scale)."""
        return self.weight_of_count(self.df.get(token, 0))

    def word_weight(self, token: str) -> float:
        """The weight of a word counted with its plural or singular ("device" with "devices": an organisation
        word the name pipeline keeps in both forms is as common as both together)."""
        df = self.df.get(token, 0)
        if len(token) >= PLURAL_MIN_LEN and token.isalpha():
            df += self.df.get(token[:-1], 0) if token.endswith("s") else self.df.get(token + "s", 0)
        return self.weight_of_count(df)

    def weight_of_count(self, df: int) -> float:
        if df <= RARE_DF or self.documents <= 0:
            return 1.0
        common = max(RARE_DF + 1.0, COMMON_SHARE * self.documents)
        if df >= common:
            return MIN_WEIGHT
        share = math.log(df / RARE_DF) / math.log(common / RARE_DF)  # 0 at RARE_DF, 1 at common
        return round(1.0 - share * (1.0 - MIN_WEIGHT), 4)


@lru_cache(maxsize=1)
def rarity() -> RarityTable:
    """The packaged table, loaded once per process (an empty table when it has not been derived yet)."""
    path = resources.files("clearance.screening").joinpath("data", TABLE)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return RarityTable(0, {}, "none")
    except OSError as exc:
        raise DataError(f"cannot read the word rarity table: {exc}", file=str(path)) from exc
    try:
        data = json.loads(gzip.decompress(raw))
        return RarityTable(int(data["documents"]), {str(k): int(v) for k, v in data["df"].items()},
                           hashlib.sha256(raw).hexdigest()[:12])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DataError(f"the word rarity table is damaged: {exc}", file=str(path)) from exc
