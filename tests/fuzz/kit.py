"""Turning fuzzer bytes into structured inputs, and the one oracle every parser must satisfy.

Each property draws one ``st.binary()`` and reads its choices from those bytes (like libFuzzer's
FuzzedDataProvider): one draw per example keeps hypothesis's cost per example low, so every parser gets
``FUZZ_EXAMPLES`` examples in CI, and hypothesis still shrinks a failure (fewer, smaller bytes = fewer,
simpler choices). Bytes running out read as zeros: the first choice of everything.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

from hypothesis import strategies as st

CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
# CI (the seeded profile of tests/conftest.py): 10,000 examples per parser; locally 500 fresh ones.
FUZZ_EXAMPLES = int(os.environ.get("CLEARANCE_FUZZ_EXAMPLES", 10_000 if CI else 500))

T = TypeVar("T")


def scratch(prefix: str) -> Path:
    """A fresh folder for the files each example writes: in memory (/dev/shm) where there is one.

    On a disk file system, rewriting a file in place costs a flush each time (ext4 flushes a file
    truncated and rewritten, ~4 ms here), which was most of the cost of an example.
    """
    shm = Path("/dev/shm")
    where = str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None
    return Path(tempfile.mkdtemp(prefix=prefix, dir=where))

program = st.binary(max_size=96)


class Choices:
    """Choices read from fuzzer bytes, in order; past the end every choice is 0."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.at = 0

    def left(self) -> bool:
        return self.at < len(self.data)

    def byte(self) -> int:
        if self.at >= len(self.data):
            return 0
        self.at += 1
        return self.data[self.at - 1]

    def below(self, n: int) -> int:
        """A number in [0, n): one byte for n <= 256, two otherwise."""
        if n <= 1:
            return 0
        value = self.byte() if n <= 256 else (self.byte() << 8 | self.byte())
        return value % n

    def pick(self, items: Sequence[T]) -> T:
        return items[self.below(len(items))]

    def chance(self, one_in: int) -> bool:
        return self.below(one_in) == 0


# Byte strings that break parsers: separators, quotes, line ends, BOMs, NUL, bytes that are not UTF-8,
# other scripts, look-alike and invisible characters, formula starts, markup, placeholders, odd dates,
# numbers and a field far over the CSV limit.
TOKENS: tuple[bytes, ...] = (
    b",", b";", b"\t", b'"', b"'", b"\n", b"\r", b"\r\n", b"\x00", b"\x1a", b"\xef\xbb\xbf", b"\xff\xfe",
    b"\xff", b"\xc3", b"\xed\xa0\x80", "Хуавэй".encode(), "华为技术有限公司".encode(), "ﬁ\u200b\u202e".encode(),
    "Ａ".encode(), b"=cmd|' /C calc'!A0", b"@SUM(1)", b"-0-", b"<", b">", b"&amp;", b"&x;", b"]]>", b"<![CDATA[",
    b"\\", b" ", b"  ", b"()", b"(", b")", b"a.k.a.", b"2025-13-45", b"1900-01-01", b"31/02/2020", b"0000-00-00",
    b"99", b"-1", b"1e309", b"NaN", b"null", b"{}", b"[]", b'"",""', b"x" * 300, b"y" * 140_000,
)  # fmt: skip


def mutate(seed: bytes, c: Choices, max_ops: int = 6) -> bytes:
    """``seed`` changed by up to ``max_ops`` operations read from ``c``: insert a token, delete, splice,
    duplicate / drop / swap lines, truncate, repeat the first line, re-encode."""
    data = bytearray(seed)
    for _ in range(c.below(max_ops + 1)):
        if not c.left():
            break
        op = c.below(10)
        n = len(data)
        at = c.below(n + 1)
        if op <= 2:  # insert a token (the most useful operation: weighted)
            data[at:at] = c.pick(TOKENS)
        elif op == 3:  # delete a span
            del data[at : at + 1 + c.below(64)]
        elif op == 4:  # splice: copy a span of the data elsewhere
            src = c.below(n + 1)
            data[at:at] = data[src : src + 1 + c.below(128)]
        elif op in (5, 6):  # line operations
            lines = bytes(data).split(b"\n")
            i, j = c.below(len(lines)), c.below(len(lines))
            if op == 5:
                lines.insert(j, lines[i])  # duplicate a line (a repeated header or record)
            elif len(lines) > 1:
                lines[i], lines[j] = lines[j], lines[i]  # swap two lines
                if c.chance(2):
                    del lines[i]  # or drop one
            data = bytearray(b"\n".join(lines))
        elif op == 7:  # cut off
            del data[at:]
        elif op == 8:  # a byte changed
            if n:
                data[min(at, n - 1)] = c.byte()
        else:  # re-encoded (a file saved as UTF-16 or Latin-1)
            text = bytes(data).decode("utf-8", "replace")
            data = bytearray(text.encode("utf-16") if c.chance(2) else text.encode("latin-1", "replace"))
    return bytes(data)
