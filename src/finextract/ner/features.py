"""Character features of the built-in NER model, shared by training and inference.

:func:`feature_columns` turns one sentence (working text plus jieba tokens)
into one column of feature values per template: ``columns[t][i]`` is the
value of template ``TEMPLATES[t]`` at character ``i`` (``None`` when the
template does not fire there).  Training joins them into crfsuite attribute
strings ``template=value``; inference looks each column up in the exported
vocabulary of its template.  Both go through this one function, so the
features a model was trained on are the features it sees.

Templates: the character window (two either side, digits folded to ``0``),
character bigrams and the centre trigram, character classes, the jieba word
position (B/I/E/S) with its tag, gazetteer matches (position and label),
job-title lexicon matches, surname characters and organization suffixes
(…银行, …证券, …控股) ending on a word boundary.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from ..han import is_han
from .base import SentenceInput

TEMPLATES: tuple[str, ...] = (
    "bias", "c-2", "c-1", "c0", "c1", "c2", "b-2", "b-1", "b0", "b1", "t0", "ty", "w", "g", "ti", "sn", "os",
)
"""Feature template names, in column order (none contains ``=``)."""

_DIGITS = str.maketrans("0123456789", "0000000000")
_PAD_L = "\x02\x02"
_PAD_R = "\x03\x03"


@dataclass(frozen=True)
class FeatureLexicons:
    """The lexicons the features consult: gazetteer, titles, surnames, org suffixes."""

    gazetteer: Any
    titles: Any
    surnames: frozenset[str]
    org_suffixes: frozenset[str]
    suffix_lengths: tuple[int, ...]
    """Distinct lengths of ``org_suffixes``, longest first."""
    suffix_last_chars: frozenset[str] = frozenset()
    """Last characters of ``org_suffixes`` (empty: no shortcut)."""

    @classmethod
    def load(cls) -> "FeatureLexicons":
        """The packaged lexicons."""
        import ahocorasick_rs

        from ..lexicons import load_surnames, load_titles
        from .gazetteer import GazetteerMatcher
        from .patterns import PatternLexicon

        titles = ahocorasick_rs.AhoCorasick(
            sorted(load_titles().titles), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
        )
        suffixes = frozenset(PatternLexicon.load().org_suffixes) | frozenset(_EXTRA_SUFFIXES)
        lengths = tuple(sorted({len(s) for s in suffixes}, reverse=True))
        return cls(GazetteerMatcher.default(), titles, load_surnames(), suffixes, lengths, frozenset(s[-1] for s in suffixes))


_EXTRA_SUFFIXES = ("银行", "证券", "集团", "股份", "控股", "基金", "大学", "委员会", "协会", "研究院", "局", "部", "厅", "署")


def char_class(char: str) -> str:
    """``H`` Han, ``D`` digit, ``L`` ASCII letter, ``S`` space, ``P`` anything else."""
    if is_han(char):
        return "H"
    if char.isdigit():
        return "D"
    if char.isascii() and char.isalpha():
        return "L"
    if char.isspace():
        return "S"
    return "P"


def _bies(spans: Sequence[tuple[int, int, str]], n: int) -> list[str | None]:
    """Per-character ``B|I|E|S`` + tag for non-overlapping ``(start, end, tag)`` spans."""
    out: list[str | None] = [None] * n
    for start, end, tag in spans:
        if end - start == 1:
            out[start] = "S" + tag
            continue
        out[start] = "B" + tag
        for k in range(start + 1, end - 1):
            out[k] = "I" + tag
        out[end - 1] = "E" + tag
    return out


def suffix_spans(
    text: str, tokens: Sequence[tuple[int, int, str]], suffixes: frozenset[str], lengths: Sequence[int], last_chars: frozenset[str] = frozenset()
) -> list[tuple[int, int, str]]:
    """The longest organization suffix inside each token, ending with it (not at the sentence start)."""
    spans = []
    for start, end, _ in tokens:
        if last_chars and text[end - 1 : end] not in last_chars:
            continue
        for size in lengths:
            begin = end - size
            if begin >= start and begin > 0 and text[begin:end] in suffixes:
                spans.append((begin, end, ""))
                break
    return spans


def feature_columns(sent: SentenceInput, lex: FeatureLexicons) -> list[list[str | None]]:
    """One list of values per template in :data:`TEMPLATES`, each as long as the sentence."""
    text = sent.text
    n = len(text)
    norm = text.translate(_DIGITS)
    p = _PAD_L + norm + _PAD_R
    classes = "".join(char_class(c) for c in text)
    pc = "<" + classes + ">"
    rng = range(n)
    tokens = sent.tokens
    bounds = sorted({t[0] for t in tokens} | {t[1] for t in tokens})
    gaz = [(m.start, m.end, m.label) for m in lex.gazetteer.find(text, token_bounds=bounds)]
    titles = [(s, e, "") for _, s, e in lex.titles.find_matches_as_indexes(text)]
    surnames = lex.surnames
    return [
        ["1"] * n,
        list(p[0:n]),
        list(p[1 : n + 1]),
        list(norm),
        list(p[3 : n + 3]),
        list(p[4 : n + 4]),
        [p[i : i + 2] for i in rng],
        [p[i + 1 : i + 3] for i in rng],
        [p[i + 2 : i + 4] for i in rng],
        [p[i + 3 : i + 5] for i in rng],
        [p[i + 1 : i + 4] for i in rng],
        [pc[i : i + 3] for i in rng],
        _bies(tokens, n),
        _bies(gaz, n),
        _bies(titles, n),
        ["2" if text[i : i + 2] in surnames else "1" if text[i] in surnames else None for i in rng],
        _bies(suffix_spans(text, tokens, lex.org_suffixes, lex.suffix_lengths, lex.suffix_last_chars), n),
    ]


def attribute_strings(columns: list[list[str | None]]) -> list[list[str]]:
    """crfsuite attributes ``template=value`` per character (training side)."""
    n = len(columns[0]) if columns else 0
    out: list[list[str]] = [[] for _ in range(n)]
    for name, values in zip(TEMPLATES, columns):
        prefix = name + "="
        for i, v in enumerate(values):
            if v is not None:
                out[i].append(prefix + v)
    return out
