"""The ``model`` NER backend: the built-in taggers, numpy only.

A model directory holds ``card.json`` (provenance, settings, quality, the
span filters the model needs and the sha256 of the weights) and
``weights.npz`` (read with ``allow_pickle=False``).  The card's
``architecture`` picks the reader: ``cnn-crf`` is the neural tagger
(:mod:`finextract.ner.neural`, the default model ``finextract-ner``); any
other is the linear-chain CRF (``finextract-ner-crf``), whose arrays are:

* ``templates`` — feature template names, the columns of
  :func:`finextract.ner.features.feature_columns`;
* ``vocab`` / ``vocab_sizes`` — the known values of each template, template
  after template; row ``k`` of ``state`` belongs to the ``k``-th value;
* ``state`` — ``(len(vocab) + 1, len(tags))`` weights; the last row is zero
  and stands for any unknown value;
* ``transitions`` — ``(len(tags), len(tags))`` tag-to-tag weights;
* ``tags`` — ``O``, ``B-X``, ``I-X`` …

The shipped models live inside the package (``finextract/models/``) so that
an installed finextract finds them; ``Pipeline(ner="model",
ner_model=PATH)`` loads another directory, a bare name a shipped one.
Decoding is a batched Viterbi over the sentences of a document, in groups of
bounded size, with ``I-X`` allowed only after ``B-X`` or ``I-X``.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from itertools import chain, repeat
from importlib import resources
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from ..errors import ConfigError
from ..han import HAN
from .base import Candidate, SentenceInput
from .features import TEMPLATES, FeatureLexicons, char_class
from .lookup import FeatureRows
from .neural_fit import allowed_transitions, spans

DEFAULT_MODEL = "finextract-ner"
"""Name of the model shipped inside the package."""

SUPPORTED_FORMAT = 1
_NEG = np.float32(-1e9)


def default_model_dir(name: str = DEFAULT_MODEL) -> Path:
    """Directory of a model shipped inside the installed package (default: the NER model)."""
    return Path(str(resources.files("finextract").joinpath("models", name)))


def resolve_model_dir(path: str | Path | None, default: str = DEFAULT_MODEL) -> Path:
    """``path`` as a model directory: ``None`` → the shipped model ``default``; a bare name → a shipped model of that name."""
    if path is None:
        return default_model_dir(default)
    candidate = Path(path)
    if not candidate.exists() and candidate.name == str(path):
        packaged = Path(str(resources.files("finextract").joinpath("models", str(path))))
        if packaged.exists():
            return packaged
    return candidate


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file (the check of a model's weights against its card)."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_card(model_dir: Path) -> dict[str, Any]:
    """The model card, checked for the fields loading needs."""
    card_path = model_dir / "card.json"
    try:
        card = json.loads(card_path.read_text("utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"no NER model at {model_dir} (card.json missing); pass --ner-model DIR or train one with 'finextract train'") from None
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"cannot read {card_path}: {exc}; restore the model directory") from exc
    if card.get("format") != SUPPORTED_FORMAT:
        raise ConfigError(f"{card_path}: model format {card.get('format')!r}; this finextract reads format {SUPPORTED_FORMAT}")
    return card


def load_arrays(model_dir: Path, card: dict[str, Any]) -> dict[str, np.ndarray]:
    """The weight arrays, after checking their sha256 against the card."""
    weights = model_dir / str(card.get("weights", "weights.npz"))
    if not weights.exists():
        raise ConfigError(f"{weights} is missing; restore the model directory or retrain")
    actual = sha256_file(weights)
    if actual != card.get("sha256"):
        raise ConfigError(
            f"{weights}: checksum mismatch (sha256 {actual[:12]}…, card says {str(card.get('sha256'))[:12]}…); "
            "the weights are corrupted or were replaced: reinstall finextract or retrain the model"
        )
    try:
        with np.load(weights, allow_pickle=False) as data:
            return {k: data[k] for k in data.files}
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{weights}: cannot read the weights ({exc}); retrain the model") from exc


@dataclass
class CrfWeights:
    """Exported CRF: per-template lookup tables, state and transition weights."""

    tags: tuple[str, ...]
    lookups: tuple[dict[str, int], ...]
    state: np.ndarray
    transitions: np.ndarray
    start_mask: np.ndarray
    card: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], card: dict[str, Any]) -> "CrfWeights":
        """Build lookups and decoding constraints from the npz arrays."""
        templates = tuple(str(t) for t in arrays["templates"])
        if templates != TEMPLATES:
            raise ConfigError(f"model templates {templates} differ from this finextract's {TEMPLATES}; retrain the model")
        tags = tuple(str(t) for t in arrays["tags"])
        start, mask = constraint_masks(tags)
        trans = arrays["transitions"].astype(np.float32) + mask
        return cls(tags, lookups_from_arrays(arrays), arrays["state"].astype(np.float32), trans, start, card)

    def emissions(self, rows: np.ndarray, lengths: Sequence[int]) -> list[np.ndarray]:
        """``(n, len(tags))`` state scores of each sentence, from the rows of all sentences one after another."""
        scores = self.state[rows].sum(axis=0)
        return np.split(scores, np.cumsum(lengths)[:-1]) if len(lengths) else []

    def viterbi(self, emissions: Sequence[np.ndarray]) -> list[np.ndarray]:
        """Best tag index sequence for each sentence (see :func:`viterbi_batch`)."""
        return viterbi_batch(emissions, self.transitions, self.start_mask)


def reference_rows(lookups: Sequence[dict[str, int]], batch_columns: Sequence[list[list[str | None]]]) -> np.ndarray:
    """``(len(TEMPLATES), total)`` rows looked up from feature strings (the definition).

    :class:`finextract.ner.lookup.FeatureRows` computes the same rows
    without building the strings; this is what it is tested against.
    """
    total = sum(len(cols[0]) if cols else 0 for cols in batch_columns)
    idx = np.empty((len(lookups), total), dtype=np.int64)
    for t, look in enumerate(lookups):
        flat = chain.from_iterable(cols[t] for cols in batch_columns)
        idx[t] = np.fromiter(map(look.get, flat, repeat(-1)), dtype=np.int64, count=total)
    return idx


def lookups_from_arrays(arrays: dict[str, np.ndarray]) -> tuple[dict[str, int], ...]:
    """Per-template value → row, from ``vocab`` and ``vocab_sizes`` (rows numbered template after template)."""
    vocab = arrays["vocab"].tolist()
    lookups = []
    pos = 0
    for size in arrays["vocab_sizes"].tolist():
        lookups.append(dict(zip(vocab[pos : pos + size], range(pos, pos + size))))
        pos += size
    return tuple(lookups)


def constraint_masks(tags: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """``(start, transitions)`` additive masks: a large negative score where ``I-X`` does not continue an ``X``."""
    return allowed_transitions(tags, float(_NEG))


def viterbi_batch(emissions: Sequence[np.ndarray], transitions: np.ndarray, start: np.ndarray) -> list[np.ndarray]:
    """Best tag index sequence for each sentence, decoded as one padded batch.

    Sentences are sorted longest first, so the ones still running at step
    ``t`` are a prefix of the batch and each step touches only them.
    """
    lengths = np.array([len(e) for e in emissions], dtype=np.int64)
    if len(lengths) == 0 or lengths.max() == 0:
        return [np.zeros(0, dtype=np.int64) for _ in emissions]
    order = np.argsort(-lengths, kind="stable")
    ordered = lengths[order]
    batch, width, n_tags = len(emissions), int(ordered[0]), len(start)
    emit = np.zeros((batch, width, n_tags), dtype=np.float32)
    for b, k in enumerate(order.tolist()):
        emit[b, : ordered[b]] = emissions[k]
    # sentences longer than t, as plain ints: indexing a list is cheaper than a numpy scalar
    running = np.searchsorted(-ordered, -np.arange(width), side="left").tolist()
    back = np.zeros((width, batch, n_tags), dtype=np.intp)
    score = emit[:, 0] + start
    trans = transitions[None]
    # one buffer for every step's candidate scores instead of a new array per step
    buffer = np.empty((batch, n_tags, n_tags), dtype=np.result_type(score, trans))
    for t in range(1, width):
        k = running[t]
        cand = np.add(score[:k, :, None], trans, out=buffer[:k])
        cand.argmax(axis=1, out=back[t, :k])
        np.add(cand.max(axis=1), emit[:k, t], out=score[:k])
    rows = np.arange(batch)
    path = np.zeros((batch, width), dtype=np.intp)
    path[rows, ordered - 1] = score.argmax(axis=1)
    for t in range(width - 1, 0, -1):
        k = running[t]
        path[:k, t - 1] = back[t, rows[:k], path[:k, t]]
    out: list[np.ndarray] = [np.zeros(0, dtype=np.int64)] * batch
    for b, k in enumerate(order.tolist()):
        out[k] = path[b, : ordered[b]].astype(np.int64)
    return out


def weights_from_arrays(arrays: dict[str, np.ndarray], card: dict[str, Any]) -> Any:
    """:class:`CrfWeights`, or the neural tagger's weights where the card says ``"architecture": "cnn-crf"``."""
    if str(card.get("architecture", "")).startswith("cnn-crf"):
        from .neural import NeuralWeights

        return NeuralWeights.from_arrays(arrays, card)
    return CrfWeights.from_arrays(arrays, card)


def spans_from_tags(tags: Sequence[str], path: np.ndarray) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` for each ``B-X I-X*`` run."""
    return spans(tags, path.tolist())


@dataclass
class ModelBackend:
    """The built-in model backend, neural tagger or CRF as the model directory says (candidates at priority 2)."""

    weights: "CrfWeights | Any"
    lexicons: FeatureLexicons = field(default_factory=FeatureLexicons.load)
    name: str = "model"
    model_dir: str = ""
    group_chars: int = 16384
    """Characters tagged in one group of sentences (see :meth:`tag`)."""
    features: FeatureRows = field(init=False, repr=False)
    filters: list[Any] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.features = FeatureRows.build(self.weights.lookups, self.lexicons)
        self.filters = span_filters(self.weights.card)

    @classmethod
    def load(cls, path: str | Path | None = None, guideline: str | None = None) -> "ModelBackend":
        """Load a model directory (default: the shipped model); the weights' checksum is verified.

        ``guideline`` names a training corpus whose annotation guideline the
        neural tagger should follow (see :meth:`NeuralWeights.for_guideline
        <finextract.ner.neural.NeuralWeights.for_guideline>`); ``None``, the
        default, blends them.  The CRF has no guidelines.
        """
        model_dir = resolve_model_dir(path)
        card = read_card(model_dir)
        weights = weights_from_arrays(load_arrays(model_dir, card), card)
        if guideline is not None:
            if not hasattr(weights, "for_guideline"):
                raise ConfigError(f"the model in {model_dir} is a CRF and has no guidelines; drop the guideline or use the neural tagger")
            weights = weights.for_guideline(guideline)
        return cls(weights, model_dir=str(model_dir))

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> "ModelBackend":
        """Build from pipeline options (``ner_model``: a model directory or a shipped model's name; ``ner_guideline``)."""
        return cls.load(options.get("ner_model"), options.get("ner_guideline"))

    def tag(self, batch: Sequence[SentenceInput]) -> list[list[tuple[int, int, str]]]:
        """Entity spans ``(start, end, label)`` for each sentence.

        Sentences are tagged in groups of at most :attr:`group_chars`
        characters (a longer sentence alone), so that the arrays of one
        group, not of the whole document, bound the memory; sentences are
        independent, so the grouping does not change the result.
        """
        out: list[list[tuple[int, int, str]]] = []
        for group in _groups(batch, self.group_chars):
            emissions = self.weights.emissions(self.features.rows(group), [len(s.text) for s in group])
            out += [spans_from_tags(self.weights.tags, p) for p in self.weights.viterbi(emissions)]
        return out

    def predict(self, batch: Sequence[SentenceInput]) -> list[list[Candidate]]:
        """Candidates for each sentence, after the span filters the model's card names (see :data:`SPAN_FILTERS`)."""
        out = []
        for sent, found in zip(batch, self.tag(batch)):
            trimmed = (trim_span(sent.text, s, e) + (label,) for s, e, label in found)
            out.append(
                [
                    Candidate(s, e, label, source="model", priority=2, score=0.8)
                    for s, e, label in trimmed
                    if e > s and all(f(sent, s, e, label) for f in self.filters)
                ]
            )
        return out


_CLOSING = {"）": "（", ")": "(", "》": "《", "〉": "〈", "”": "“", "」": "「", "』": "『", "]": "[", "】": "【"}


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without punctuation or spaces at its edges, except a closing bracket whose opening is inside.

    A closing bracket inside the span whose opening is not ends what came before it: the span starts
    after it (台北報導）信達通: the end of a dateline glued to the name).  Quotation marks are left to
    the stage, which drops a span holding half a pair (卡西尼”号飞船).

    >>> text = "“筹委会成立，美国国际集团（AIG）与孟塬车站）"
    >>> [text[slice(*trim_span(text, s, e))] for s, e in [(0, 4), (7, 18), (19, 24)]]
    ['筹委会', '美国国际集团（AIG）', '孟塬车站']

    So does a space between Han characters, which separates a headline's clauses (试点扩围 澜海银行).

    A day word before a Taiwan dateline (信達通今（18）日公告) is the date's, not the name's.

    >>> text = "（記者林宜萱／台北報導）信達通今日公告"
    >>> text[slice(*trim_span(text, 7, 15))]
    '信達通'
    >>> text = "【星島財經】恒昇銀行今日宣布"
    >>> text[slice(*trim_span(text, 0, 10))]
    '恒昇銀行'
    >>> text = "信達通今（18）日公告"
    >>> text[slice(*trim_span(text, 0, 4))]
    '信達通'
    """
    while start < end and _loose(text, start, end, start):
        start += 1  # 【星島財經】恒昇銀行: the opening bracket before the span's own text is not inside it
    for at in range(end - 2, start, -1):
        opening = _CLOSING.get(text[at]) if text[at] in _BRACKETS else None
        if opening is not None and opening not in text[start:at] or _HEADLINE_BREAK.match(text, at - 1):
            start = at + 1
            break
    while start < end and _loose(text, start, end, start):
        start += 1
    while end > start and _loose(text, start, end, end - 1):
        end -= 1
    if end - start > 2 and text[end - 1] in "今昨明" and _TAIWAN_DAY.match(text, end):
        end -= 1
    return start, end


_BRACKETS = frozenset("）)】]")
"""Closing brackets (not quotation marks) that may end a dateline or a note glued before a name."""
_HEADLINE_BREAK = re.compile(r"[" + HAN + r"][ \u3000]+[" + HAN + r"]")
"""Spaces between Han characters: a headline's clause break, never inside a name."""
_TAIWAN_DAY = re.compile(r"[（(]\d{1,2}[)）]日")
"""The day of a Taiwan dateline after 今/昨/明: 今（18）日."""


def _loose(text: str, start: int, end: int, at: int) -> bool:
    char = text[at]
    if char_class(char) not in "PS":
        return False
    opening = _CLOSING.get(char)
    return at != end - 1 or opening is None or opening not in text[start:at]


def span_filters(card: dict[str, Any]) -> list[Any]:
    """The filters named by the card's ``span_filters`` (default: the person filter only).

    Which filters a model needs is measured per model: the CRF gains from
    dropping spans that hold a verb (星河智能拟募资), the neural tagger loses
    (执行委员会 and 筹备委员会 hold jieba verbs), so the card says.
    """
    names = card.get("span_filters", ["person"])
    unknown = sorted(set(names) - set(SPAN_FILTERS))
    if unknown:
        raise ConfigError(f"model card names unknown span filters {unknown}; known: {sorted(SPAN_FILTERS)}")
    return [SPAN_FILTERS[n] for n in names]


def _groups(batch: Sequence[SentenceInput], limit: int) -> list[Sequence[SentenceInput]]:
    """Consecutive runs of ``batch`` of at most ``limit`` characters each (a longer sentence alone).

    >>> [len(g) for g in _groups([SentenceInput("ab"), SentenceInput("cde"), SentenceInput("f")], 4)]
    [1, 2]
    """
    groups: list[Sequence[SentenceInput]] = []
    start, size = 0, 0
    for k, sent in enumerate(batch):
        if k > start and size + len(sent.text) > limit:
            groups.append(batch[start:k])
            start, size = k, 0
        size += len(sent.text)
    if start < len(batch) or not groups:
        groups.append(batch[start:])
    return groups


def verb_free(sent: SentenceInput, start: int, end: int) -> bool:
    """No plain verb (jieba tag ``v``) among the tokens of the span: 星河智能拟募资 is not a name."""
    return not any(s < end and start < e and pos == "v" for s, e, pos in sent.tokens)


NICKNAME_PREFIXES = ("小", "老", "阿")
"""小李, 老王, 阿强: a prefix and a surname are a nickname, not a name to report."""


def person_ok(sent: SentenceInput, start: int, end: int) -> bool:
    """Not a pronoun (jieba tag ``r``), not a single character, not a 小/老/阿 + one-character nickname,
    not the middle or end of a longer common noun of jieba's dictionary (股东应占溢利 holds no person
    占溢利; a name may open one, 毛泽东思想)."""
    word = sent.text[start:end]
    if len(word) < 2 or (len(word) == 2 and word.startswith(NICKNAME_PREFIXES)):
        return False
    for s, e, pos in sent.tokens:
        if s < end and start < e and pos.startswith("r"):
            return False
        if pos in ("n", "vn") and e - s >= 3 and s < start and end <= e:
            return False
    return True


SPAN_FILTERS = {
    "person": lambda sent, s, e, label: label != "PERSON" or person_ok(sent, s, e),
    "verb": lambda sent, s, e, label: verb_free(sent, s, e),
}
"""Span filters a model card may name: ``person`` (:func:`person_ok` on PERSON spans), ``verb`` (:func:`verb_free`)."""
