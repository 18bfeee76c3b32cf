"""Script and width normalization with an exact offset map.

Traditional → Simplified uses OpenCC's ``t2s`` profile (character and phrase
level, never a regional vocabulary profile such as ``tw2sp``, which changes
meaning: 技術長 → 首席技术官).  ``t2s`` keeps lengths in practice; this module
verifies that per line and falls back to a finer alignment wherever it does not.
"""

from __future__ import annotations

import re
from typing import Protocol

from ..offsets import OffsetMap

# Full-width forms that carry numbers, codes and units.  CJK punctuation such as
# ，。；：！？（） stays as it is: it is sentence structure, and folding ， to ,
# would turn "1，2" into the thousands-separated "1,2".
_WIDTH_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}  # ０-９
_WIDTH_FOLD.update({cp: cp - 0xFEE0 for cp in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_WIDTH_FOLD.update({cp: cp - 0xFEE0 for cp in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_WIDTH_FOLD.update({ord(c): ord(c) - 0xFEE0 for c in "％＋－．＄／＆＠＃＊＝＜＞～＿"})
_WIDTH_FOLD[0x3000] = 0x20  # ideographic space
WIDTH_TABLE = str.maketrans(_WIDTH_FOLD)
"""``str.translate`` table folding full-width digits, letters and number symbols."""

_RUN_SPLIT = re.compile(r"[\s，。、；：！？,.;:!?（）()「」『』《》\"']+")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


class Converter(Protocol):
    """Anything with OpenCC's ``convert(str) -> str``."""

    def convert(self, text: str) -> str:  # pragma: no cover - protocol
        """Convert ``text``."""
        ...


class KeySkippingConverter:
    """OpenCC, run only on the pieces of text where one of its dictionary keys occurs.

    opencc-python-reimplemented converts piece by piece between its separators
    (``split_chars_re``: spaces and punctuation, never part of an entry); a
    piece in which no key of any of its dictionaries occurs comes back
    unchanged.  One Aho–Corasick pass over the whole text finds the pieces
    that need the (slow, pure-Python) conversion; on Simplified text that is
    well under 1% of the characters.  The output equals ``inner.convert`` for
    every input (tested).  Converters that do not expose their dictionaries
    are used as they are.
    """

    def __init__(self, inner: Converter) -> None:
        import ahocorasick_rs

        self.inner = inner
        keys = _dictionary_keys(inner)
        self._split: re.Pattern[str] | None = getattr(inner, "split_chars_re", None) if keys else None
        self._keys = ahocorasick_rs.AhoCorasick(sorted(keys)) if keys else None

    def convert(self, text: str) -> str:
        """``text`` as ``inner.convert`` would return it."""
        if self._keys is None or self._split is None:
            return self.inner.convert(text)
        hits = [s for _, s, _ in self._keys.find_matches_as_indexes(text)]
        if not hits:
            return text
        out = []
        pos = 0
        k = 0
        for sep in self._split.finditer(text):
            pos, k = self._piece(text, pos, sep.start(), hits, k, out)
            out.append(sep.group())
            pos = sep.end()
        self._piece(text, pos, len(text), hits, k, out)
        return "".join(out)

    def _piece(self, text: str, start: int, end: int, hits: list[int], k: int, out: list[str]) -> tuple[int, int]:
        while k < len(hits) and hits[k] < start:
            k += 1
        piece = text[start:end]
        out.append(self.inner.convert(piece) if k < len(hits) and hits[k] < end else piece)
        return end, k


def _dictionary_keys(converter: Converter) -> set[str]:
    """Every key of the converter's dictionaries (empty when they cannot be read)."""
    if hasattr(converter, "convert") and not getattr(converter, "_dict_init_done", True):
        converter.convert("")
    keys: set[str] = set()
    stack = [getattr(converter, "_dict_chain_data", None)]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, tuple) and len(item) == 3 and isinstance(item[2], dict):
            keys.update(item[2])
        elif item is not None:
            return set()  # an unknown layout: do not guess
    return keys


def fold_width(text: str) -> str:
    """Fold full-width digits, letters and number symbols to ASCII (length-preserving)."""
    return text.translate(WIDTH_TABLE)


def _convert_run(converter: Converter, text: str, base: int, pieces: list[tuple[int, int, int]]) -> str:
    """Convert one run; when the length changes, fall back to per-character conversion."""
    converted = converter.convert(text)
    if len(converted) == len(text):
        pieces.append((base, base + len(text), len(text)))
        return converted
    out = []
    for offset, char in enumerate(text):
        conv = converter.convert(char)
        pieces.append((base + offset, base + offset + 1, len(conv)))
        out.append(conv)
    return "".join(out)


def _convert_line(converter: Converter, line: str, base: int, pieces: list[tuple[int, int, int]]) -> str:
    converted = converter.convert(line)
    if len(converted) == len(line):
        pieces.append((base, base + len(line), len(line)))
        return converted
    out = []
    pos = 0
    for sep in _RUN_SPLIT.finditer(line):
        if sep.start() > pos:
            out.append(_convert_run(converter, line[pos : sep.start()], base + pos, pieces))
        out.append(sep.group())
        pieces.append((base + sep.start(), base + sep.end(), sep.end() - sep.start()))
        pos = sep.end()
    if pos < len(line):
        out.append(_convert_run(converter, line[pos:], base + pos, pieces))
    return "".join(out)


def to_simplified(converter: Converter, text: str) -> tuple[str, OffsetMap]:
    """Convert ``text`` with ``converter`` line by line, returning the offset map."""
    converted = converter.convert(text)
    if len(converted) == len(text) and converted.count("\n") == text.count("\n"):
        lines_ok = all(len(a) == len(b) for a, b in zip(converted.split("\n"), text.split("\n")))
        if lines_ok:
            return converted, OffsetMap.identity(len(text))
    pieces: list[tuple[int, int, int]] = []
    out = []
    base = 0
    for line in text.split("\n"):
        out.append(_convert_line(converter, line, base, pieces))
        base += len(line)
        if base < len(text):
            pieces.append((base, base + 1, 1))
            out.append("\n")
            base += 1
    return "".join(out), OffsetMap.from_pieces(pieces, len(text))


def detect_script(original: str, simplified: str) -> str:
    """``traditional``, ``simplified`` or ``none`` from what conversion changed."""
    han = len(_HAN.findall(original))
    if han == 0:
        return "none"
    if len(original) == len(simplified):
        changed = sum(1 for a, b in zip(original, simplified) if a != b)
    else:
        changed = 1
    return "traditional" if changed else "simplified"
