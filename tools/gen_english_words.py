"""Generate the English word list an end use is read against (clearance/resources/english_words.txt.gz).

    .venv/bin/python tools/gen_english_words.py [--data ../shared/data/ear] [--out clearance/resources]

An end use written in words Clearance does not read (another language, a chemical or program name, a term outside
its vocabulary) must become an open question, never be ignored (issue 9, item 7; docs/facts.md). To tell those
words apart, the reader needs the words it *does* read: every word of

* the English frequency dictionary of pyspellchecker (MIT licence; ``pyspellchecker==0.9.1``, its
  ``resources/en.json.gz``, about 160,000 words), and
* the regulation texts the engine is built from: the eCFR XML of 15 CFR Part 744 and the Commerce Control List
  extraction in ``../shared/data/ear`` (their technical words: "ultracentrifuge", "epitaxial", "cryptographic" ...).

Words are lower-case letters a-z only (other characters split words), one per line, sorted; written as gzip with no
name or time in its header, so the same inputs give the same bytes (``tests/text/test_english_words.py`` checks the
shipped file against this generator). The words an order most often needs beyond these (trade and product terms
such as "smartphone" or "microcontroller") are kept by hand in ``clearance/resources/trade_words.txt``.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYSPELLCHECKER = "0.9.1"
SOURCES = ("ecfr_part744/title-15_part-744_commit-2026-07-23.xml", "seelpeed_ecfr_derived/ccl.json")
_WORD = re.compile(r"[a-z]+")


def dictionary_words() -> set[str]:
    from importlib import metadata

    version = metadata.version("pyspellchecker")
    if version != PYSPELLCHECKER:
        raise SystemExit(f"pyspellchecker {version} installed; this list is generated from {PYSPELLCHECKER}")
    raw = resources.files("spellchecker").joinpath("resources/en.json.gz").read_bytes()
    words: dict[str, int] = json.loads(gzip.decompress(raw))
    return {w for w in words if _WORD.fullmatch(w)}


def regulation_words(data: Path) -> set[str]:
    out: set[str] = set()
    for name in SOURCES:
        text = (data / name).read_text(encoding="utf-8")
        if name.endswith(".xml"):
            text = re.sub(r"<[^>]*>", " ", text)  # the words of the text, not of its markup
        out |= {w for w in _WORD.findall(text.lower()) if len(w) > 1}
    return out


def build(data: Path) -> bytes:
    words = sorted(dictionary_words() | regulation_words(data))
    body = "".join(f"{w}\n" for w in words).encode("ascii")
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="", compresslevel=9) as gz:
        gz.write(body)
    return buf.getvalue()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "ear")
    ap.add_argument("--out", type=Path, default=ROOT / "clearance" / "resources")
    args = ap.parse_args()
    blob = build(args.data)
    path = args.out / "english_words.txt.gz"
    path.write_bytes(blob)
    print(f"wrote {path} ({len(blob):,} bytes, {len(gzip.decompress(blob).splitlines()):,} words)")


if __name__ == "__main__":
    main()
