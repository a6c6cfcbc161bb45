"""``np.unique(ar, return_inverse=True)`` of the arrays blocking and the pre-filter build, by a stable sort.

Those arrays are concatenations of ascending runs (a blocking key's posting list, a query's word numbers): a stable
sort (timsort) merges the runs instead of sorting every element anew, a third to two fifths faster on a chunk's
(query, name) pairs. The unique values (ascending) and the inverse are the same arrays whatever the sort, so every
sum made from them (``np.bincount(inverse, weights)``) is the same to the bit.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray


def unique_inverse(ar: NDArray[np.int64]) -> tuple[NDArray[np.int64], NDArray[np.intp]]:
    """The sorted unique values of the 1-D ``ar`` and, for each element, the position of its value among them."""
    if not len(ar):
        return ar[:0].copy(), np.zeros(0, dtype=np.intp)
    perm = ar.argsort(kind="stable")
    aux = ar[perm]
    first = np.empty(len(aux), dtype=bool)
    first[0] = True
    np.not_equal(aux[1:], aux[:-1], out=first[1:])
    inverse = np.empty(len(ar), dtype=np.intp)
    inverse[perm] = np.cumsum(first) - 1
    return aux[first], inverse
