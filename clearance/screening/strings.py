"""Many strings stored as one: what a cached index keeps its word lists and blocking keys in.

A tuple of a million short strings costs a quarter of a second to unpickle (one object and one memo entry each);
``Strings`` is one ``str`` and an array of end offsets (memory-mapped from the index cache), and makes a string
only when it is asked for. Reading every string (``iter``) splits the text once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

import numpy as np
from numpy.typing import NDArray

SEP = "\0"


class Strings(Sequence[str]):
    """An immutable sequence of strings held as their concatenation and the end offset of each."""

    __slots__ = ("_ends", "_items", "_joined", "_picks", "_starts", "_text")

    LIST_AFTER = 200  # ``pick`` calls after which every string is made once (a batch picks from them again and again)

    def __init__(self, text: str, ends: NDArray[np.integer[Any]], joined: bool) -> None:
        self._text = text
        self._ends = ends  # end offset of string i in ``text`` (the next one starts after a separator if ``joined``)
        self._joined = joined  # the strings are separated by SEP (none of them holds it)
        self._starts: NDArray[np.integer[Any]] | None = None  # start offset of each string (made on first ``pick``)
        self._items: NDArray[np.object_] | None = None  # every string, once LIST_AFTER picks were made
        self._picks = 0

    @classmethod
    def of(cls, strings: Iterable[str]) -> Strings:
        items = list(strings)
        joined = not any(SEP in s for s in items)
        sep = SEP if joined else ""
        lengths = np.array([len(s) + len(sep) for s in items], dtype=np.int64)
        ends = np.cumsum(lengths) - len(sep) if len(items) else np.zeros(0, dtype=np.int64)
        small = not len(ends) or int(ends[-1]) < 2**31  # int32 offsets: half the bytes to read and sign
        return cls(sep.join(items), ends.astype(np.int32 if small else np.int64), joined)

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[str, ...]: ...

    def __getitem__(self, i: int | slice) -> str | tuple[str, ...]:
        if isinstance(i, slice):
            return tuple(self[j] for j in range(*i.indices(len(self))))
        n = len(self._ends)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("Strings index out of range")
        end = int(self._ends[i])
        start = 0 if i == 0 else int(self._ends[i - 1]) + (1 if self._joined else 0)
        return self._text[start:end]

    def pick(self, ids: Sequence[int] | NDArray[np.integer[Any]]) -> list[str]:
        """``[self[i] for i in ids]`` (``ids`` in range), without a method call per string; after LIST_AFTER calls,
        from an array of every string made once (a one-query run never makes it), gathered by numpy."""
        items = self._items
        if items is not None:
            return items[np.asarray(ids, dtype=np.intp)].tolist()  # type: ignore[no-any-return]
        self._picks += 1
        if self._picks > self.LIST_AFTER:
            self.make_all()
            return self.pick(ids)
        if self._starts is None:
            starts = np.zeros(len(self._ends), dtype=self._ends.dtype)
            starts[1:] = self._ends[:-1] + (1 if self._joined else 0)
            self._starts = starts
        at = np.asarray(ids, dtype=np.int64)
        text = self._text
        return [text[a:b] for a, b in zip(self._starts[at].tolist(), self._ends[at].tolist(), strict=True)]

    def make_all(self) -> None:
        """Make every string now, for ``pick`` (a batch: it would make them after LIST_AFTER picks anyway, each of
        those picks slicing the text string by string)."""
        if self._items is None:
            every = np.empty(len(self), dtype=object)
            every[:] = list(self)
            self._items = every

    def __iter__(self) -> Iterator[str]:
        if not len(self._ends):
            return iter(())
        if self._joined:
            return iter(self._text.split(SEP))
        ends = self._ends.tolist()
        return (self._text[a:b] for a, b in zip([0, *ends[:-1]], ends, strict=True))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Strings | tuple | list):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __reduce__(self) -> tuple[Any, ...]:
        return (Strings, (self._text, self._ends, self._joined))


def pick(strings: Sequence[str], ids: list[int] | NDArray[np.integer[Any]]) -> list[str]:
    """``[strings[i] for i in ids]``, for a tuple, a list or ``Strings`` (all at once)."""
    if isinstance(strings, Strings):
        return strings.pick(ids)
    return [strings[i] for i in (ids.tolist() if isinstance(ids, np.ndarray) else ids)]
