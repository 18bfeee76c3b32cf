"""A learned scorer for entity pairs: partnership, competition, dispute, ownership, acquisition.

The trigger rules (:mod:`finextract.rules.relations`, :mod:`finextract.rules.partnership`)
link a pair only when a trigger word sits in one of their patterns.  This
module scores every remaining pair of organization mentions in a
sentence with a multinomial logistic regression over hashed features (numpy
only) and predicts one of :data:`CLASSES`:

* ``none``, ``partnership``, ``competition``, ``dispute``;
* ``ownership>`` / ``ownership<`` — the first mention (in reading order)
  holds the second / the second holds the first;
* ``acquisition>`` / ``acquisition<`` — the same for acquirer and target.

The predicted probability is mapped to a calibrated confidence (isotonic
regression fitted on held-out folds of the training data), so a fact's
confidence estimates the share of such facts that are right.  Pairs whose
calibrated confidence reaches the model's threshold become facts with the
rule id ``<type>.model``; negated, hypothetical and questioned clauses yield
nothing, as for the trigger rules.

A model directory holds ``card.json`` (provenance, settings, quality, the
sha256 of the weights) and ``weights.npz`` (read with ``allow_pickle=False``):
``weights`` ``(dim, len(classes))``, ``classes``, ``calibration_x`` /
``calibration_y`` (the isotonic steps) and ``threshold``.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import numpy as np

from ..errors import ConfigError
from ..facts import AcquisitionArgs, CompetitionArgs, DisputeArgs, OwnershipArgs, PartnershipArgs
from ..han import HAN
from ..ner.model import default_model_dir as ner_model_dir
from ..ner.model import load_arrays, read_card
from ..ner.model import resolve_model_dir as resolve_dir
from ..spans import Entity
from .base import Placed, SentenceView
from .partnership import denied_cooperation
from .relations import (
    EXPIRES,
    RelationLexicon,
    acquired_share,
    blocked,
    clause_bounds,
    excepted,
    holds_debt,
    is_court,
    recipient_at,
    share_confidence,
    subsidiary_acts,
    venue,
)

DEFAULT_MODEL = "finextract-rel"
"""Name of the relation model shipped inside the package."""

MODEL_FORMAT = 1
"""Version of the ``weights.npz`` / ``card.json`` layout."""

CLASSES: tuple[str, ...] = (
    "none",
    "partnership",
    "competition",
    "dispute",
    "ownership>",
    "ownership<",
    "acquisition>",
    "acquisition<",
)
"""What a pair can be; ``>``: the first mention is the holder/acquirer, ``<``: the second is."""

SCORED_TYPES: tuple[str, ...] = ("partnership", "competition", "dispute", "ownership", "acquisition")
"""The fact types the scorer predicts."""

PAIR_LABELS = frozenset({"ORG"})
"""Mentions the scorer pairs: FinRE's pairs are organizations; persons stay with the trigger rules."""
COOPERATION_WORDS = ("战略合作", "合作", "签约", "签署", "签订", "牵手", "联手", "携手", "结盟", "共建", "合资", "联姻", "协议")
"""Cooperation words: the partnership rule keeps its own pattern; the scorer sees these as triggers."""
CONTROL_WORDS = ("附属", "下属", "所属", "母公司", "全资", "购入", "购买", "实际控制人", "控制")
"""Words of control and purchase that are not ownership triggers on their own."""
_NO_RELATION = frozenset({"neg", "hyp", "plan", "pass"})

MAX_GAP = 60
"""Pairs further apart than this (characters between the mentions) are not scored."""

MAX_MENTIONS = 16
"""Only the first this many distinct organizations of a sentence are paired."""

_PLACEHOLDER = "■"
_BREAK = re.compile(r"[，,。；;！？!?：:]")
_STRONG_BREAK = re.compile(r"[。；;！？!?]")
_CHAR_CLASS = str.maketrans({**{d: "8" for d in "0123456789"}, "，": ",", "；": ";", "：": ":", "！": "!", "？": "?", "（": "(", "）": ")"})


def _bucket(n: int, edges: Sequence[int]) -> int:
    """Index of the first edge ``n`` does not exceed (``len(edges)`` beyond the last)."""
    return next((k for k, e in enumerate(edges) if n <= e), len(edges))


@dataclass(frozen=True)
class PairInput:
    """Two mentions in one sentence, in reading order, with the other mentions' spans."""

    text: str
    first: tuple[int, int]
    second: tuple[int, int]
    others: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class TriggerIndex:
    """Trigger words of the relation lexicon, grouped, found in one pass."""

    groups: dict[str, str]
    pattern: re.Pattern[str]

    @classmethod
    def from_lexicon(cls, lex: RelationLexicon) -> "TriggerIndex":
        """Every directed, reverse, symmetric, cooperation and negation word, with its group."""
        groups: dict[str, str] = {}

        def add(group: str, words: Iterable[str]) -> None:
            for word in words:
                groups.setdefault(word, group)

        for name, spec in lex.directed.items():
            add(name + ".rev", spec.reverse)
            add(name, spec.triggers)
        for name, words in lex.symmetric.items():
            add("sym." + name, words)
        add("coop", COOPERATION_WORDS)
        add("control", CONTROL_WORDS)
        add("neg", lex.negation)
        add("hyp", lex.hypothetical)
        add("plan", lex.modality.get("planned", ()))
        add("pass", ("被", "获"))
        words = sorted(groups, key=len, reverse=True)
        return cls(groups, re.compile("|".join(re.escape(w) for w in words)))

    def relation_hit(self, hits: Sequence[tuple[int, int, str]], start: int, end: int) -> bool:
        """Whether a relation word (not a negation, hypothetical, plan or passive marker) lies in ``[start, end)``."""
        return any(start <= s and e <= end and self.groups[w] not in _NO_RELATION for s, e, w in hits)

    def hits(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, word)`` of every non-overlapping trigger, longest first at each position."""
        return [(m.start(), m.end(), m.group()) for m in self.pattern.finditer(text)]


def _masked(text: str, start: int, end: int, others: Sequence[tuple[int, int]]) -> str:
    """``text[start:end]`` with other mentions replaced by one placeholder each, digits as 8."""
    pieces = []
    pos = start
    for s, e in sorted(others):
        if s >= pos and e <= end:
            pieces.append(text[pos:s])
            pieces.append(_PLACEHOLDER)
            pos = e
    pieces.append(text[pos:end])
    return "".join(pieces).translate(_CHAR_CLASS)


def _ngrams(prefix: str, s: str, feats: list[str]) -> None:
    for n in (1, 2, 3):
        for k in range(len(s) - n + 1):
            feats.append(f"{prefix}{n}:{s[k:k + n]}")


def pair_features(pair: PairInput, index: TriggerIndex, hits: Sequence[tuple[int, int, str]] | None = None) -> list[str]:
    """Feature strings of one pair (see the module docstring of :mod:`finextract.rules.relation_train`)."""
    text = pair.text
    (a0, a1), (b0, b1) = pair.first, pair.second
    a_name, b_name = text[a0:a1], text[b0:b1]
    between = _masked(text, a1, b0, pair.others)
    c_start, _ = clause_bounds(text, a0, a0)
    _, c_end = clause_bounds(text, b1, b1)
    before = _masked(text, max(c_start, a0 - 6), a0, pair.others)
    after = _masked(text, b1, min(c_end, b1 + 8), pair.others)
    breaks = len(_BREAK.findall(text, a1, b0))
    feats = [
        "bias",
        f"dist:{_bucket(b0 - a1, (0, 1, 2, 4, 7, 12, 20, 35))}",
        f"breaks:{min(breaks, 3)}",
        f"strong:{bool(_STRONG_BREAK.search(text, a1, b0))}",
        f"others:{min(between.count(_PLACEHOLDER), 3)}",
        f"subject:{not text[c_start:a0].strip()}",
        f"tail:{c_end - b1 <= 1}",
        f"contain:{a_name in b_name}:{b_name in a_name}",
    ]
    if len(between) <= 4:
        feats.append("gap:" + between)
    _ngrams("m", between, feats)
    _ngrams("ma", between[:4], feats)
    _ngrams("mb", between[-4:], feats)
    _ngrams("l", before, feats)
    _ngrams("r", after, feats)
    feats.append("r0:" + after[:2])
    feats.append("l0:" + before[-2:])
    for s, e, word in hits if hits is not None else index.hits(text):
        where = _where(s, e, (a0, a1), (b0, b1), c_start, c_end)
        if where is None:
            continue
        group = index.groups[word]
        feats.append(f"t:{group}:{where}")
        feats.append(f"tw:{word}:{where}")
        feats.append(f"tb:{group}:{where}:{min(breaks, 2)}")
    return feats


def _where(s: int, e: int, a: tuple[int, int], b: tuple[int, int], c_start: int, c_end: int) -> str | None:
    """Where a trigger sits: before the first mention, between, after the second (same clauses), or nowhere."""
    if a[1] <= s and e <= b[0]:
        near = "a" if s - a[1] <= 2 else ("b" if b[0] - e <= 2 else "m")
        return "mid" + near
    if c_start <= s and e <= a[0]:
        return "pre"
    if b[1] <= s and e <= c_end:
        return "post" + ("0" if s - b[1] <= 2 else "")
    return None


def hash_features(feats: Iterable[str], dim: int) -> np.ndarray:
    """Sorted unique column indices of ``feats`` in a ``dim``-wide hashed space (crc32)."""
    cols = {zlib.crc32(f.encode("utf-8")) % dim for f in feats}
    return np.fromiter(sorted(cols), dtype=np.int64, count=len(cols))


_PASSIVE = re.compile(r"[" + HAN + r"]{0,3}?(被|获(?!得|取|悉|批|准|奖))")


def passive_cue(pair: PairInput) -> bool:
    """A passive marker (被, 获 as in 获…增持) within three characters after the first mention, no clause break before the second."""
    (_, a1), (b0, _) = pair.first, pair.second
    return bool(_PASSIVE.match(pair.text, a1, b0)) and not _BREAK.search(pair.text, a1, b0)


def decide(probs: np.ndarray, passive: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Best non-``none`` class of each row and the probability of its fact type (both directions summed).

    A directed type takes the direction the scorer prefers, except after a
    passive marker, which makes the second mention the agent (``<``).
    """
    types = SCORED_TYPES
    members = np.array([[c.rstrip("<>") == t for t in types] for c in CLASSES], dtype=np.float64)
    type_probs = probs @ members
    best = type_probs.argmax(axis=1)
    top = type_probs[np.arange(len(probs)), best]
    labels = np.empty(len(probs), dtype=np.int64)
    for row, t in enumerate(best.tolist()):
        name = types[t]
        if name + ">" not in CLASSES:
            labels[row] = CLASSES.index(name)
            continue
        fwd, back = CLASSES.index(name + ">"), CLASSES.index(name + "<")
        labels[row] = back if passive[row] or probs[row, back] > probs[row, fwd] else fwd
    return labels, top


def softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise softmax."""
    z = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def isotonic_steps(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pool-adjacent-violators fit of ``y`` (0/1) on ``x``: ``(block lower bounds, block means)``, non-decreasing.

    Block means are smoothed as ``(successes + 0.5) / (trials + 1)`` (then kept non-decreasing).
    """
    order = np.argsort(x, kind="stable")
    xs, ys = x[order], y[order].astype(np.float64)
    lows: list[float] = []
    sums: list[float] = []
    counts: list[int] = []
    for xv, yv in zip(xs.tolist(), ys.tolist()):
        lows.append(xv)
        sums.append(yv)
        counts.append(1)
        while len(sums) > 1 and sums[-2] / counts[-2] >= sums[-1] / counts[-1]:
            s, c = sums.pop(), counts.pop()
            lows.pop()
            sums[-1] += s
            counts[-1] += c
    # Half a success in one more trial per block: small blocks at the top do not claim certainty.
    smoothed = (np.array(sums, dtype=np.float64) + 0.5) / (np.array(counts, dtype=np.float64) + 1.0)
    return np.array(lows, dtype=np.float64), np.maximum.accumulate(smoothed)


def apply_steps(x: np.ndarray, lows: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Calibrated values of ``x`` under the isotonic steps (below the first step: its value)."""
    at = np.searchsorted(lows, x, side="right") - 1
    return values[np.clip(at, 0, len(values) - 1)]


@dataclass(frozen=True)
class Prediction:
    """A scored pair: the best non-``none`` class, the probability of its type and its calibrated confidence."""

    label: str
    probability: float
    confidence: float


@dataclass
class RelationScorer:
    """Weights, calibration and threshold of a relation model."""

    weights: np.ndarray
    classes: tuple[str, ...]
    calibration_x: np.ndarray
    calibration_y: np.ndarray
    threshold: float
    index: TriggerIndex
    card: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path | None = None, lexicon: RelationLexicon | None = None) -> "RelationScorer":
        """Load a model directory (default: the shipped model); the weights' checksum is verified."""
        model_dir = resolve_model_dir(path)
        if not (model_dir / "card.json").exists():
            raise ConfigError(f"no relation model at {model_dir} (card.json missing); pass another directory or train one with 'finextract train-relations'")
        card = read_card(model_dir)
        arrays = load_arrays(model_dir, card)
        return cls.from_arrays(arrays, card, lexicon or RelationLexicon.load())

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], card: dict[str, Any], lexicon: RelationLexicon) -> "RelationScorer":
        """Build a scorer from the npz arrays."""
        try:
            classes = tuple(str(c) for c in arrays["classes"])
            weights = arrays["weights"].astype(np.float32)
            scorer = cls(
                weights,
                classes,
                arrays["calibration_x"].astype(np.float64),
                arrays["calibration_y"].astype(np.float64),
                float(arrays["threshold"]),
                TriggerIndex.from_lexicon(lexicon),
                card,
            )
        except KeyError as exc:
            raise ConfigError(f"relation model is missing the array {exc}; retrain it with 'finextract train-relations'") from None
        if classes != CLASSES or weights.ndim != 2 or weights.shape[1] != len(classes):
            raise ConfigError(f"relation model classes {classes} differ from this finextract's {CLASSES}; retrain it")
        return scorer

    @property
    def dim(self) -> int:
        """Width of the hashed feature space."""
        return int(self.weights.shape[0])

    def probabilities(self, pairs: Sequence[PairInput], hits: Sequence[tuple[int, int, str]] | None = None) -> np.ndarray:
        """``(len(pairs), len(classes))`` class probabilities (``hits``: the triggers of the pairs' text, when all share one)."""
        if not pairs:
            return np.zeros((0, len(self.classes)), dtype=np.float64)
        hits_by_text: dict[str, Sequence[tuple[int, int, str]]] = {pairs[0].text: hits} if hits is not None else {}
        rows = []
        for pair in pairs:
            found = hits_by_text.get(pair.text)
            if found is None:
                found = hits_by_text[pair.text] = self.index.hits(pair.text)
            rows.append(hash_features(pair_features(pair, self.index, found), self.dim))
        starts = np.cumsum([0] + [len(r) for r in rows[:-1]])
        logits = np.add.reduceat(self.weights[np.concatenate(rows)], starts, axis=0).astype(np.float64)
        return softmax(logits)

    def calibrate(self, probability: np.ndarray) -> np.ndarray:
        """Calibrated confidence for the probabilities of predicted classes."""
        return apply_steps(probability, self.calibration_x, self.calibration_y)

    def predict(self, pairs: Sequence[PairInput], hits: Sequence[tuple[int, int, str]] | None = None) -> list[Prediction]:
        """Best non-``none`` class of each pair with probability and confidence (``hits`` as for :meth:`probabilities`)."""
        probs = self.probabilities(pairs, hits)
        if len(probs) == 0:
            return []
        best, top = decide(probs, np.array([passive_cue(p) for p in pairs], dtype=bool))
        conf = self.calibrate(top)
        return [Prediction(self.classes[k], float(p), round(float(c), 3)) for k, p, c in zip(best.tolist(), top.tolist(), conf.tolist())]


def default_model_dir() -> Path:
    """Directory of the shipped relation model (inside the installed package)."""
    return ner_model_dir(DEFAULT_MODEL)


def resolve_model_dir(path: str | Path | None) -> Path:
    """``path`` as a model directory: ``None`` → the shipped relation model; a bare name → a shipped model of that name."""
    return resolve_dir(path, DEFAULT_MODEL)


_BUYS = re.compile(r"(?:收购|购买|购入|受让|买入)")
"""Verbs of buying right after the company addressed with 向 (向融众集团|收购): that company sells."""


def _rivals_listed(text: str, first: Placed[Entity], second: Placed[Entity]) -> bool:
    """Whether the two are joined by 、 right after a preposition (与A、B…)."""
    return text[first[1] : second[0]].strip() == "、" and text[: first[0]].rstrip().endswith(("与", "和", "同", "跟"))


def _linked(items: Iterable[tuple[str, str, float, object]]) -> set[frozenset[str]]:
    """``{canonical, canonical}`` of every pair the trigger rules linked, whatever the type."""
    out: set[frozenset[str]] = set()
    for _, _, _, args in items:
        names = [p.canonical for p in getattr(args, "parties", None) or []]
        for a, b in (("holder", "held"), ("acquirer", "target")):
            if hasattr(args, a):
                names = [getattr(args, a).canonical, getattr(args, b).canonical]
        out.update(frozenset((x, y)) for i, x in enumerate(names) for y in names[i + 1 :] if x != y)
    return out


_PART_BREAK = re.compile(r"[；;]")


def _sharing_one_company(items: Iterable[tuple[str, str, float, object]]) -> dict[str, set[frozenset[str]]]:
    """Per fact type, ``{canonical, canonical}`` of two companies the trigger rules relate to one third
    company in separate facts: two holders of it (``ownership``), two partners of it (``partnership``)."""
    groups: dict[tuple[str, str], set[str]] = {}
    for fact_type, _, _, args in items:
        if fact_type == "ownership":
            groups.setdefault(("ownership", args.held.canonical), set()).add(args.holder.canonical)  # type: ignore[attr-defined]
        elif fact_type == "partnership" and len(parties := [p.canonical for p in args.parties]) == 2:  # type: ignore[attr-defined]
            for one, other in (parties, parties[::-1]):
                groups.setdefault(("partnership", one), set()).add(other)
    out: dict[str, set[frozenset[str]]] = {"ownership": set(), "partnership": set()}
    for (fact_type, _), group in groups.items():
        out[fact_type].update(frozenset((x, y)) for x in group for y in group if x != y)
    return out


def candidate_pairs(view: SentenceView) -> list[tuple[Placed[Entity], Placed[Entity]]]:
    """The closest non-overlapping mentions of each pair of distinct organizations, in reading order
    (pairs whose mentions look swallowed by another, see :func:`_swallowed`, are left out)."""
    mentions = [p for p in view.entities if p[2].label in PAIR_LABELS]
    names = list(dict.fromkeys(p[2].canonical for p in mentions))[:MAX_MENTIONS]
    pairs = []
    for i, x in enumerate(names):
        for y in names[i + 1 :]:
            best = None
            for p in (m for m in mentions if m[2].canonical == x):
                for q in (m for m in mentions if m[2].canonical == y):
                    first, second = (p, q) if p[0] <= q[0] else (q, p)
                    gap = second[0] - first[1]
                    if 0 <= gap <= MAX_GAP and (best is None or gap < best[0]):
                        best = (gap, first, second)
            if best is not None and not _swallowed(mentions, best[1], best[2]):
                pairs.append((best[1], best[2]))
    return pairs


def _span_clauses(text: str, first: Placed[Entity], second: Placed[Entity]) -> tuple[int, int]:
    """From the start of the first mention's clause to the end of the second's."""
    start, _ = clause_bounds(text, first[0], first[0])
    _, end = clause_bounds(text, second[1], second[1])
    return start, end


def _swallowed(mentions: Sequence[Placed[Entity]], first: Placed[Entity], second: Placed[Entity]) -> bool:
    """One mention ends inside the other's name, or a mention between them holds one of their names
    (嘉禾银行获恒泰人寿): the mentions are unreliable there."""
    names = (first[2].canonical, second[2].canonical)
    long, short = sorted(names, key=len, reverse=True)
    if short in long and not long.startswith(short):
        return True  # 嘉禾银行获恒泰人寿 beside 恒泰人寿: one mention swallowed the other
    return any(first[1] <= s and e <= second[0] and any(n in ent.canonical for n in names) for s, e, ent in mentions)


@dataclass
class ModelRelations:
    """Facts from the scorer for the pairs the trigger rules did not link with the predicted type."""

    scorer: RelationScorer
    lexicon: RelationLexicon
    threshold: float | None = None
    """Minimum calibrated confidence (default: the model's own threshold, chosen on training folds)."""

    @classmethod
    def load(cls, path: str | Path | None = None, lexicon: RelationLexicon | None = None, threshold: float | None = None) -> "ModelRelations":
        """Load the scorer (default: the shipped model)."""
        lex = lexicon or RelationLexicon.load()
        return cls(RelationScorer.load(path, lex), lex, threshold)

    def __call__(self, view: SentenceView, produced: Sequence[tuple[str, str, float, object]] = ()) -> Iterator[tuple[str, str, float, object]]:
        """Facts for one sentence, given what the trigger rules ``produced`` for it."""
        hits = self.scorer.index.hits(view.text)
        # Pairs with no relation word in their clauses are left unscored, which halves the cost:
        # on FinRE valid 306 of 670 pairs have none, and only 3 of the 117 pairs the scorer links.
        pairs = [p for p in candidate_pairs(view) if self.scorer.index.relation_hit(hits, *_span_clauses(view.text, p[0], p[1]))]
        if not pairs:
            return
        inputs = [self._input(view, first, second) for first, second in pairs]
        linked = _linked(produced)
        apart = _sharing_one_company(produced)
        floor = self.scorer.threshold if self.threshold is None else self.threshold
        for (first, second), pred in zip(pairs, self.scorer.predict(inputs, hits)):
            pair = frozenset((first[2].canonical, second[2].canonical))
            if pred.confidence < floor or pair in linked:
                continue  # a pair the trigger rules linked keeps their reading
            if pair in apart.get(pred.label.rstrip("<>"), ()) and _PART_BREAK.search(view.text, first[1], second[0]):
                # A与B合作…；另与C合作: B and C are each A's partner, not each other's; A持有C…，B持股9.2%；
                # C原控股股东D…: B and D each hold C, not each other
                continue
            fact = self._fact(view, pred, first, second)
            if fact is not None:
                yield fact

    @staticmethod
    def _input(view: SentenceView, first: Placed[Entity], second: Placed[Entity]) -> PairInput:
        others = tuple((s, e) for s, e, ent in view.entities if ent.label in PAIR_LABELS and (s, e) not in ((first[0], first[1]), (second[0], second[1])))
        return PairInput(view.text, (first[0], first[1]), (second[0], second[1]), others)

    def _fact(self, view: SentenceView, pred: Prediction, first: Placed[Entity], second: Placed[Entity]) -> tuple[str, str, float, object] | None:
        fact_type = pred.label.rstrip("<>")
        agent, patient = (first, second) if not pred.label.endswith("<") else (second, first)
        if fact_type in ("ownership", "acquisition") and recipient_at(view.text, patient[0]):
            return None  # 将所持大楼出售给融众集团: the buyer is not held
        if fact_type == "ownership" and holds_debt(view.text, patient[1]):
            return None  # 持有德朗地产…的优先票据: a creditor
        if fact_type in ("ownership", "acquisition") and excepted(view.text, agent[1], patient[0], patient[1]):
            return None  # 转让除融众集团股权之外的全部资产: what the deal leaves out
        if fact_type in ("ownership", "acquisition") and venue(view, agent, PAIR_LABELS):
            return None  # 东星集团在产权交易所竞得融众集团股份: the exchange is a place
        if fact_type == "acquisition" and view.text.endswith("向", 0, agent[0]) and _BUYS.match(view.text, agent[1]):
            return None  # 东星集团将以9.8亿元向融众集团收购…: the company bought from sells
        if fact_type == "acquisition" and agent[0] < patient[0] and subsidiary_acts(view, agent, patient[0]):
            return None  # 东星集团子公司东星物业收购融众集团: the subsidiary buys
        if fact_type in ("partnership", "competition") and _rivals_listed(view.text, first, second):
            return None  # 与中国平安、中国人寿…竞争: two listed after 与 relate to the subject, not to each other
        if fact_type == "partnership" and self.lexicon.transaction_re.search(view.text, *_span_clauses(view.text, first, second)):
            return None  # 签订了借款协议，并为其提供担保: a transaction, as for the trigger rules
        if fact_type == "partnership" and EXPIRES.search(view.text, second[1], clause_bounds(view.text, second[1], second[1])[1]):
            return None  # …的银保协议将于今年12月31日届满: an agreement ending, as for the trigger rules
        if is_court(first[2]) or is_court(second[2]):
            return None  # a court hears cases, it is no party to them nor to any deal (as for the trigger rules)
        if fact_type == "partnership" and denied_cooperation(view, [first, second], self.lexicon):
            return None  # …并未与B合作, or a rumour the next sentence denies so: as for the trigger rules
        hit = self._trigger(view, fact_type, first, second)
        _, c_end = clause_bounds(view.text, second[1], second[1])
        check_at = hit[0] if hit is not None else min(c_end, second[1] + 10)
        if blocked(view, self.lexicon, first[0], check_at, hit[2] if hit is not None else ""):
            return None
        action = view.text_span(hit[0], hit[1]) if hit is not None else None
        rule = f"{fact_type}.model"
        if fact_type == "ownership":
            return fact_type, rule, pred.confidence, OwnershipArgs(holder=agent[2], held=patient[2], action=action)
        if fact_type == "acquisition":
            stake, part = acquired_share(view, patient[2])
            args = AcquisitionArgs(acquirer=agent[2], target=patient[2], action=action, stake=stake, part=part)
            return fact_type, rule, share_confidence(pred.confidence, stake, part), args
        if fact_type == "partnership":
            return fact_type, rule, pred.confidence, PartnershipArgs(parties=[first[2], second[2]])
        if fact_type == "competition":
            return fact_type, rule, pred.confidence, CompetitionArgs(parties=[first[2], second[2]], trigger=action)
        return fact_type, rule, pred.confidence, DisputeArgs(parties=[first[2], second[2]], trigger=action)

    def _trigger(self, view: SentenceView, fact_type: str, first: Placed[Entity], second: Placed[Entity]) -> tuple[int, int, str] | None:
        """The nearest trigger word of ``fact_type`` from the first mention's clause to the second's."""
        groups = {
            "ownership": ("ownership", "ownership.rev"),
            "acquisition": ("acquisition", "sym.acquisition"),
            "partnership": ("coop",),
            "competition": ("sym.competition",),
            "dispute": ("dispute", "sym.dispute"),
        }[fact_type]
        c_start, _ = clause_bounds(view.text, first[0], first[0])
        _, c_end = clause_bounds(view.text, second[1], second[1])
        spans = [(s, e) for s, e, _ in view.entities]
        for s, e, word in self.scorer.index.hits(view.text[: c_end]):
            if s >= c_start and self.scorer.index.groups[word] in groups and not any(x < e and s < y for x, y in spans):
                return s, e, word
        return None
