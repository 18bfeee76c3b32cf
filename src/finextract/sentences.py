"""Stage 2 — sentences: split the article body on sentence punctuation and line breaks.

Splits on Chinese and ASCII sentence enders (。！？!? and an ASCII ``.``
followed by whitespace) and on line breaks (except one that wraps a body
sentence: a long line with commas broken between two Han characters), but not inside 「」『』“” quotes
(a quoted passage stays one sentence so the quote fact sees all of it) unless
the quote runs past ``max_chars``.  Sentences inside page chrome are dropped;
sentences longer than ``max_chars`` are cut at a comma so no later stage ever
sees an unbounded sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Document
from .han import is_han
from .spans import Sentence

_MARKS = re.compile(r"[。！？!?\n「」『』“”]|\.(?=\s)|…+")
_OPEN = frozenset("「『“")
_CLOSE = frozenset("」』”")
_TRAILERS = frozenset("」』”\"')）]")
_ENDERS = frozenset("。！？!?…")
_SOFT_BREAK = re.compile(r"[，,、；;：:\s]")


_WRAP_MIN_LINE = 30
_CLAUSE_MARKS = frozenset("，,；;：:")


def _wrapped(norm: str, at: int) -> bool:
    """Whether the line break at ``at`` wraps a body sentence, as scrapers leave them (…相关传言\n不实，…):
    a long line with clause punctuation that ends on a Han character, with a Han character or a digit
    right on the next line (…占公司总股本的\n34.64%)."""
    line_start = norm.rfind("\n", 0, at) + 1
    line = norm[line_start:at]
    nxt = norm[at + 1 : at + 2]
    return (
        len(line) >= _WRAP_MIN_LINE
        and is_han(line[-1])
        and bool(nxt) and (is_han(nxt) or nxt.isdigit())
        and any(c in _CLAUSE_MARKS for c in line)
    )


def split_spans(norm: str, max_chars: int = 600) -> list[tuple[int, int]]:
    """Sentence spans ``[start, end)`` over a working text, whitespace trimmed."""
    raw: list[tuple[int, int]] = []
    start = 0
    depth = 0
    for mark in _MARKS.finditer(norm):
        char = mark.group()[0]
        if char in _OPEN:
            depth += 1
            continue
        if char in _CLOSE:
            depth = max(0, depth - 1)
            follows = norm[mark.end() : mark.end() + 1]
            if depth == 0 and mark.start() > start and norm[mark.start() - 1] in _ENDERS and follows not in ("，", ",", "：", ":"):
                # 「……。」 closes the sentence, unless an attribution follows (「……。」，张某说。)
                raw.append((start, mark.end()))
                start = mark.end()
            continue
        if char != "\n" and depth > 0 and mark.start() - start < max_chars:
            continue
        if char == "\n" and _wrapped(norm, mark.start()):
            continue
        end = mark.end()
        while end < len(norm) and norm[end] in _TRAILERS:
            end += 1
        raw.append((start, end))
        start = end
        depth = 0 if char == "\n" else depth
    raw.append((start, len(norm)))
    spans: list[tuple[int, int]] = []
    for s, e in raw:
        for cs, ce in _cut_long(norm, s, e, max_chars):
            ts, te = _trim(norm, cs, ce)
            if te > ts:
                spans.append((ts, te))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _cut_long(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > max_chars:
        window_end = start + max_chars
        cut = None
        for match in _SOFT_BREAK.finditer(text, start + max_chars // 2, window_end):
            cut = match.end()
        cut = cut or window_end
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


@dataclass
class SentenceStage:
    """Document → Document: fills ``sentences`` (outside page chrome)."""

    max_chars: int = 600
    name: str = "sentences"
    requires: frozenset[str] = frozenset({"normalized", "excluded"})
    provides: frozenset[str] = frozenset({"sentences"})

    def __call__(self, doc: Document) -> Document:
        """Split ``doc`` into sentences."""
        work = doc.work
        sentences: list[Sentence] = []
        for n_start, n_end in split_spans(work.norm, self.max_chars):
            start, end, text = work.orig_span(n_start, n_end)
            if doc.in_excluded(start, end):
                continue
            sentences.append(Sentence(text=text, start=start, end=end, index=len(sentences)))
        return doc.model_copy(update={"sentences": sentences})
