"""Vectorized feature lookup for the CRF: the rows of :func:`feature_columns`, without the strings.

:func:`finextract.ner.features.feature_columns` defines the model's features
as strings, one column per template; training and the reference lookup go
through it.  At inference time building those strings and looking each one
up in a dict is most of the cost of the model, so :class:`FeatureRows`
computes the same state-weight row indices directly:

* character, bigram and trigram templates pack their 1–3 code points into
  one ``uint64`` (21 bits each) and find them with ``np.searchsorted`` in the
  sorted codes of the template's vocabulary, for a whole batch at once;
* character classes and surname hits are computed on the code-point array;
* only the span templates (jieba words, gazetteer, titles, org suffixes)
  loop in Python, once per span rather than once per character.

The result must equal the reference lookup row for row;
``tests/ner/test_lookup.py`` checks that on random and real sentences.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from .base import SentenceInput
from .features import TEMPLATES, FeatureLexicons, char_class, suffix_spans

_BITS = 21
_PAD_L = 2  # "\x02", two before each sentence, as in feature_columns
_PAD_R = 3  # "\x03", two after
_CLASSES = "HDLSP<>"
_ZERO, _NINE = ord("0"), ord("9")
_CHAR_TEMPLATES = ("c-2", "c-1", "c0", "c1", "c2")
_BIGRAM_TEMPLATES = ("b-2", "b-1", "b0", "b1")
_SPAN_TEMPLATES = ("w", "g", "ti", "os")


def pack(value: str) -> int:
    """``value``'s code points packed 21 bits each, first character highest."""
    code = 0
    for char in value:
        code = (code << _BITS) | ord(char)
    return code


def pack_all(values: Sequence[str], width: int) -> np.ndarray:
    """:func:`pack` of each of ``values`` (all ``width`` characters long), computed on one array.

    >>> pack_all(["ab", "工行"], 2).tolist() == [pack("ab"), pack("工行")]
    True
    """
    if not values:
        return np.zeros(0, dtype=np.uint64)
    points = np.frombuffer("".join(values).encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.uint64)
    points = points.reshape(len(values), width)
    codes = np.zeros(len(values), dtype=np.uint64)
    for k in range(width):
        codes = (codes << np.uint64(_BITS)) | points[:, k]
    return codes


@dataclass(frozen=True)
class CodeTable:
    """Sorted packed codes of the values of several templates and each template's state row for them.

    Templates looked up at shifted positions of the same sequence (``c-2`` …
    ``c2``) share one table, so one search serves them all.
    """

    codes: np.ndarray
    rows: np.ndarray
    """``(templates, len(codes) + 1)``; the last column (an unknown value) is ``-1``."""

    @classmethod
    def build(cls, lookups: Sequence[dict[str, int]], width: int) -> "CodeTable":
        """The values ``width`` characters long of each of ``lookups``."""
        unsorted = list({v for look in lookups for v in look if len(v) == width})
        packed = pack_all(unsorted, width)
        codes = np.sort(packed)
        rows = np.full((len(lookups), len(codes) + 1), -1, dtype=np.int64)
        for t, look in enumerate(lookups):
            keys = [v for v in look if len(v) == width]
            if keys:
                at = np.searchsorted(codes, pack_all(keys, width))
                rows[t, at] = np.fromiter((look[v] for v in keys), dtype=np.int64, count=len(keys))
        return cls(codes, rows)

    def ids(self, query: np.ndarray) -> np.ndarray:
        """Column of each packed query value in :attr:`rows` (the last column where unknown)."""
        if len(self.codes) == 0:
            return np.zeros(len(query), dtype=np.int64)
        at = np.searchsorted(self.codes, query)
        np.minimum(at, len(self.codes) - 1, out=at)
        return np.where(self.codes[at] == query, at, len(self.codes))


@dataclass(frozen=True)
class FeatureRows:
    """State-row indices of every template at every character, computed on arrays."""

    lexicons: FeatureLexicons
    bias: int
    chars: CodeTable
    bigrams: CodeTable
    trigram: CodeTable
    classes: np.ndarray
    """Row of each class trigram, indexed ``a * 49 + b * 7 + c`` over :data:`_CLASSES`."""
    lookups: dict[str, dict[str, int]]
    surnames: np.ndarray
    compound_surnames: np.ndarray

    @classmethod
    def build(cls, lookups: Sequence[dict[str, int]], lexicons: FeatureLexicons) -> "FeatureRows":
        """Tables for the per-template ``lookups`` of an exported model (in :data:`TEMPLATES` order)."""
        by_name = dict(zip(TEMPLATES, lookups))
        classes = np.full(len(_CLASSES) ** 3, -1, dtype=np.int64)
        for value, row in by_name["ty"].items():
            if len(value) == 3 and all(c in _CLASSES for c in value):
                a, b, c = (_CLASSES.index(ch) for ch in value)
                classes[a * 49 + b * 7 + c] = row
        singles = sorted(ord(s) for s in lexicons.surnames if len(s) == 1)
        compounds = sorted(pack(s) for s in lexicons.surnames if len(s) == 2)
        return cls(
            lexicons=lexicons,
            bias=by_name["bias"].get("1", -1),
            chars=CodeTable.build([by_name[t] for t in _CHAR_TEMPLATES], 1),
            bigrams=CodeTable.build([by_name[t] for t in _BIGRAM_TEMPLATES], 2),
            trigram=CodeTable.build([by_name["t0"]], 3),
            classes=classes,
            lookups={t: by_name[t] for t in ("sn", *_SPAN_TEMPLATES)},
            surnames=np.array(singles, dtype=np.uint64),
            compound_surnames=np.array(compounds, dtype=np.uint64),
        )

    def rows(self, batch: Sequence[SentenceInput]) -> np.ndarray:
        """``(len(TEMPLATES), total characters)`` state rows, sentences one after another."""
        lengths = np.array([len(s.text) for s in batch], dtype=np.int64)
        total = int(lengths.sum())
        out = np.full((len(TEMPLATES), total), -1, dtype=np.int64)
        if total == 0:
            return out
        padded = "".join("\x02\x02" + s.text + "\x03\x03" for s in batch)
        raw = np.frombuffer(padded.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.uint64)
        starts = np.cumsum(lengths + 4) - (lengths + 4)
        first = np.cumsum(lengths) - lengths
        pos = np.repeat(starts - first, lengths) + np.arange(total)  # index of each character's p[i] (two before it)
        folded = raw.copy()
        folded[(raw >= _ZERO) & (raw <= _NINE)] = _ZERO
        out[0] = self.bias
        chars = self.chars.ids(folded)
        for k in range(len(_CHAR_TEMPLATES)):
            out[1 + k] = self.chars.rows[k, chars[pos + k]]
        bigram = (folded[:-1] << _BITS) | folded[1:]
        bigrams = self.bigrams.ids(bigram)
        for k in range(len(_BIGRAM_TEMPLATES)):
            out[6 + k] = self.bigrams.rows[k, bigrams[pos + k]]
        trigram = (folded[:-2] << (2 * _BITS)) | (bigram[1:])
        out[10] = self.trigram.rows[0, self.trigram.ids(trigram[pos + 1])]
        out[11] = self._class_rows(raw, pos)
        out[15] = self._surname_rows(raw, pos, lengths)
        self._span_rows(batch, first, out)
        return out

    def _class_rows(self, raw: np.ndarray, pos: np.ndarray) -> np.ndarray:
        cls = _class_ids(raw)
        cls[pos + 1] = np.where(_starts_mask(pos), _CLASSES.index("<"), cls[pos + 1])
        right = np.where(_ends_mask(pos), _CLASSES.index(">"), cls[np.minimum(pos + 3, len(cls) - 1)])
        return self.classes[cls[pos + 1] * 49 + cls[pos + 2] * 7 + right]

    def _surname_rows(self, raw: np.ndarray, pos: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        here = raw[pos + 2]
        single = _members(here, self.surnames)
        pair = _members((here << _BITS) | raw[pos + 3], self.compound_surnames)
        last = _ends_mask(pos)
        # at a sentence's last character text[i:i+2] is one character long
        double = np.where(last, single, pair)
        look = self.lookups["sn"]
        return np.where(double, look.get("2", -1), np.where(single, look.get("1", -1), -1))

    def _span_rows(self, batch: Sequence[SentenceInput], first: np.ndarray, out: np.ndarray) -> None:
        lex = self.lexicons
        for sent, base in zip(batch, first.tolist()):
            tokens = sent.tokens
            text = sent.text
            bounds = sorted({t[0] for t in tokens} | {t[1] for t in tokens})
            gaz = [(m.start, m.end, m.label) for m in lex.gazetteer.find(text, token_bounds=bounds)]
            titles = [(s, e, "") for _, s, e in lex.titles.find_matches_as_indexes(text)]
            suffixes = suffix_spans(text, tokens, lex.org_suffixes, lex.suffix_lengths, lex.suffix_last_chars)
            for row, name, spans in ((12, "w", tokens), (13, "g", gaz), (14, "ti", titles), (16, "os", suffixes)):
                _fill_bies(out[row], base, spans, self.lookups[name])


def _fill_bies(target: np.ndarray, base: int, spans: Sequence[tuple[int, int, str]], look: dict[str, int]) -> None:
    """Write the rows of ``B|I|E|S`` + tag for each span (as ``features._bies`` names them)."""
    for start, end, tag in spans:
        if end - start == 1:
            target[base + start] = look.get("S" + tag, -1)
            continue
        target[base + start] = look.get("B" + tag, -1)
        if end - start > 2:
            target[base + start + 1 : base + end - 1] = look.get("I" + tag, -1)
        target[base + end - 1] = look.get("E" + tag, -1)


def _members(values: np.ndarray, table: np.ndarray) -> np.ndarray:
    """``np.isin(values, table)`` for a sorted ``table`` of unique values, by binary search (much faster on short arrays).

    >>> _members(np.array([3, 5, 9], dtype=np.uint64), np.array([1, 5, 7], dtype=np.uint64)).tolist()
    [False, True, False]
    """
    if len(table) == 0:
        return np.zeros(len(values), dtype=bool)
    at = np.searchsorted(table, values)
    np.minimum(at, len(table) - 1, out=at)
    return table[at] == values


def _starts_mask(pos: np.ndarray) -> np.ndarray:
    """True at the first character of each sentence (its two left pads directly before it)."""
    mask = np.ones(len(pos), dtype=bool)
    mask[1:] = pos[1:] != pos[:-1] + 1
    return mask


def _ends_mask(pos: np.ndarray) -> np.ndarray:
    """True at the last character of each sentence."""
    mask = np.ones(len(pos), dtype=bool)
    mask[:-1] = pos[1:] != pos[:-1] + 1
    return mask


_ASCII_CLASSES = np.array([_CLASSES.index(char_class(chr(c))) for c in range(128)], dtype=np.int64)


def _class_ids(raw: np.ndarray) -> np.ndarray:
    """Index in :data:`_CLASSES` of each code point's :func:`char_class`."""
    out = np.full(len(raw), _CLASSES.index("H"), dtype=np.int64)
    ascii_ = raw < 128
    out[ascii_] = _ASCII_CLASSES[raw[ascii_].astype(np.int64)]
    han = ((raw >= 0x4E00) & (raw <= 0x9FFF)) | ((raw >= 0x3400) & (raw <= 0x4DBF))
    other = ~(ascii_ | han)
    if other.any():
        values, inverse = np.unique(raw[other], return_inverse=True)
        ids = np.array([_CLASSES.index(char_class(chr(int(v)))) for v in values], dtype=np.int64)
        out[other] = ids[inverse]
    return out
