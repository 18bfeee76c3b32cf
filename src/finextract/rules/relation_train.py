"""Train the relation scorer (:mod:`finextract.rules.relation_model`) on FinRE, numpy only.

FinRE (Li et al., ACL 2019; MIT license) gives, per sentence, entity pairs
with a relation label, once per direction (``A 持股 B`` and ``B 被持股 A``).
Each unordered pair of a sentence becomes one example: both names are located
(the closest non-overlapping occurrences), the earlier one is ``first``, and
the labels of both directions map onto one of
:data:`~finextract.rules.relation_model.CLASSES` through :data:`FINRE_CLASSES`
(passives such as 被持股 and 被收购 give the reversed direction; ``unknown``
and unmapped labels are ``none``).  FinRE masks digits as ``<N>``; each
``<N>`` becomes the digit 8, as in ``benchmarks/finre_eval.py``.

Features (:func:`~finextract.rules.relation_model.pair_features`): distance
and clause-break buckets, whether one name contains the other, other mentions
between, character 1–3-grams of the text between the mentions (masked: other
mentions as one placeholder, digits as 8) and of short windows before and
after, and hits of the relation lexicon (``data/relations.json``) with their
position relative to the pair; hashed with crc32 into ``dim`` columns.

Model: multinomial logistic regression with L2, full-batch Adam from zero
weights (deterministic).  Calibration: the train sentences are split into
``folds`` groups by a seeded shuffle; a model trained without each group
scores it, an isotonic regression maps the out-of-fold probability of the
predicted class to the share of predictions that are right (class and
direction), and the threshold is the lowest calibrated confidence at which the
out-of-fold predictions reach ``target_precision``.  The valid split is never
used for fitting; it is scored for the card.
"""

from __future__ import annotations

import json
import random
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

import numpy as np

from ..errors import ConfigError, InputError
from ..ner.train import read_jsonl, write_model
from ..normalize.script import fold_width
from .relation_model import (
    CLASSES,
    MODEL_FORMAT,
    PairInput,
    TriggerIndex,
    apply_steps,
    decide,
    hash_features,
    isotonic_steps,
    pair_features,
    passive_cue,
    softmax,
)
from .relations import RelationLexicon

FINRE_CLASSES: dict[str, str] = {
    "合作": "partnership",
    "签约": "partnership",
    "合资": "partnership",
    "竞争": "competition",
    "纠纷": "dispute",
    "持股": "ownership",
    "增持": "ownership",
    "减持": "ownership",
    "入股": "ownership",
    "注资": "ownership",
    "拥有": "ownership",
    "收购": "acquisition",
    "拟收购": "acquisition",
    "合并": "acquisition",
}
"""FinRE label → fact type (the same map as ``benchmarks/finre_map.json``); ``被`` + label is the passive."""

SYMMETRIC = frozenset({"partnership", "competition", "dispute"})


@dataclass(frozen=True)
class RelTrainConfig:
    """Training settings (recorded in the model card)."""

    dim: int = 1 << 18
    l2: float = 3e-3
    iterations: int = 200
    learning_rate: float = 0.05
    folds: int = 10
    seed: int = 13
    target_precision: float = 0.85
    name: str = "finextract-rel"


@dataclass(frozen=True)
class PairExample:
    """One unordered pair of a sentence with its class index."""

    pair: PairInput
    label: int


def finre_class(relation: str, head_first: bool) -> str:
    """The class of one FinRE instance, ``head_first`` when the head is the earlier mention."""
    passive = relation.startswith("被") and relation[1:] in FINRE_CLASSES
    fact_type = FINRE_CLASSES.get(relation[1:] if passive else relation)
    if fact_type is None:
        return "none"
    if fact_type in SYMMETRIC:
        return fact_type
    if relation == "合并":
        return fact_type + ">"
    agent_first = head_first != passive
    return fact_type + (">" if agent_first else "<")


def _occurrences(text: str, name: str) -> list[tuple[int, int]]:
    out = []
    at = text.find(name)
    while at != -1:
        out.append((at, at + len(name)))
        at = text.find(name, at + 1)
    return out


def locate(text: str, a: str, b: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The closest non-overlapping occurrences of ``a`` and ``b``, as ``(first, second)`` in reading order."""
    best = None
    for x in _occurrences(text, a):
        for y in _occurrences(text, b):
            first, second = (x, y) if x[0] <= y[0] else (y, x)
            if first[1] > second[0]:
                continue
            if best is None or second[0] - first[1] < best[0]:
                best = (second[0] - first[1], first, second)
    return None if best is None else (best[1], best[2])


def _others(text: str, names: Sequence[str], first: tuple[int, int], second: tuple[int, int]) -> tuple[tuple[int, int], ...]:
    """Spans of the sentence's other annotated names (not overlapping the pair or each other)."""
    taken = [first, second]
    out = []
    for name in sorted(names, key=len, reverse=True):
        for span in _occurrences(text, name):
            if all(span[1] <= s or e <= span[0] for s, e in taken):
                taken.append(span)
                out.append(span)
    return tuple(sorted(out))


def read_finre(path: Path) -> list[PairExample]:
    """Examples of a normalized FinRE file (``{"text", "head", "tail", "relation"}`` per line)."""
    by_text: dict[str, list[tuple[str, str, str]]] = {}
    for row in read_jsonl(path):
        try:
            text = fold_width(row["text"].replace("<N>", "8"))
            by_text.setdefault(text, []).append((fold_width(row["head"]), fold_width(row["tail"]), row["relation"]))
        except (KeyError, AttributeError) as exc:
            raise InputError(f"{path}: a record lacks text/head/tail/relation ({exc}); pass a normalized FinRE file") from exc
    examples = []
    for text, rows in by_text.items():
        names = sorted({n for h, t, _ in rows for n in (h, t)})
        pairs: dict[frozenset[str], list[tuple[str, str, str]]] = {}
        for h, t, rel in rows:
            if h != t:
                pairs.setdefault(frozenset((h, t)), []).append((h, t, rel))
        for key, instances in sorted(pairs.items(), key=lambda kv: sorted(kv[0])):
            a, b = sorted(key)
            where = locate(text, a, b)
            if where is None:
                continue
            first_name = text[where[0][0] : where[0][1]]
            classes = [finre_class(rel, h == first_name) for h, _, rel in instances]
            label = _pick(classes)
            others = _others(text, [n for n in names if n not in key], *where)
            examples.append(PairExample(PairInput(text, where[0], where[1], others), CLASSES.index(label)))
    return examples


def _pick(classes: Sequence[str]) -> str:
    """The most frequent non-``none`` class (ties: order of :data:`CLASSES`); ``none`` if there is none."""
    real = [c for c in classes if c != "none"]
    if not real:
        return "none"
    return max(sorted(set(real), key=CLASSES.index), key=real.count)


@dataclass
class Design:
    """Hashed feature rows of many examples, flattened for numpy."""

    cols: np.ndarray
    rows: np.ndarray
    starts: np.ndarray
    n: int

    @classmethod
    def build(cls, pairs: Sequence[PairInput], index: TriggerIndex, dim: int) -> "Design":
        """Hash every pair's features."""
        cols = [hash_features(pair_features(p, index), dim) for p in pairs]
        lengths = np.array([len(c) for c in cols], dtype=np.int64)
        flat = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int64)
        rows = np.repeat(np.arange(len(cols)), lengths)
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64) if cols else np.zeros(0, dtype=np.int64)
        return cls(flat, rows, starts, len(cols))

    def subset(self, keep: np.ndarray) -> "Design":
        """The rows whose index is in ``keep`` (a boolean mask over examples)."""
        mask = keep[self.rows]
        rows = np.cumsum(keep)[self.rows[mask]] - 1
        lengths = np.bincount(rows, minlength=int(keep.sum()))
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
        return Design(self.cols[mask], rows, starts, int(keep.sum()))

    def logits(self, weights: np.ndarray) -> np.ndarray:
        """``(n, classes)`` scores."""
        if self.n == 0:
            return np.zeros((0, weights.shape[1]))
        return np.add.reduceat(weights[self.cols], self.starts, axis=0).astype(np.float64)


def fit(design: Design, labels: np.ndarray, config: RelTrainConfig) -> np.ndarray:
    """Multinomial logistic regression with L2 by full-batch Adam; ``(dim, classes)`` float32 weights."""
    k = len(CLASSES)
    w = np.zeros((config.dim, k), dtype=np.float64)
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    onehot = np.eye(k)[labels]
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, config.iterations + 1):
        g_rows = (softmax(design.logits(w)) - onehot) / max(design.n, 1)
        grad = np.stack([np.bincount(design.cols, weights=g_rows[design.rows, c], minlength=config.dim) for c in range(k)], axis=1)
        grad += config.l2 * w
        m = beta1 * m + (1 - beta1) * grad
        v = beta2 * v + (1 - beta2) * grad * grad
        w -= config.learning_rate * (m / (1 - beta1**step)) / (np.sqrt(v / (1 - beta2**step)) + eps)
    return w.astype(np.float32)


def _correct(probs: np.ndarray, labels: np.ndarray, passive: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Best non-``none`` class, the probability of its type and whether it is the gold class."""
    best, top = decide(probs, passive)
    return best, top, (best == labels)


def choose_threshold(confidence: np.ndarray, correct: np.ndarray, target: float) -> float:
    """The lowest confidence at which predictions at or above it reach ``target`` precision (1.0 if none does)."""
    order = np.argsort(-confidence, kind="stable")
    conf, ok = confidence[order], correct[order].astype(np.float64)
    precision = np.cumsum(ok) / np.arange(1, len(ok) + 1)
    good = [float(c) for c, p, nxt in zip(conf, precision, [*conf[1:], -1.0]) if p >= target and c != nxt]
    return min(good) if good else 1.0


def folds_of(examples: Sequence[PairExample], folds: int, seed: int) -> np.ndarray:
    """Fold number of each example; all pairs of one sentence share a fold."""
    texts = sorted({e.pair.text for e in examples})
    random.Random(seed).shuffle(texts)
    fold = {t: k % folds for k, t in enumerate(texts)}
    return np.array([fold[e.pair.text] for e in examples], dtype=np.int64)


def bucket_table(confidence: np.ndarray, correct: np.ndarray) -> list[dict[str, Any]]:
    """Precision per 0.1-wide confidence bucket."""
    out = []
    buckets = np.minimum(9, (confidence * 10).astype(np.int64))
    for b in sorted(set(buckets.tolist())):
        sel = buckets == b
        out.append({"bucket": f"{b / 10:.1f}-{(b + 1) / 10:.1f}", "n": int(sel.sum()), "precision": round(float(correct[sel].mean()), 3)})
    return out


def _passives(examples: Sequence[PairExample]) -> np.ndarray:
    return np.array([passive_cue(e.pair) for e in examples], dtype=bool)


def quality(probs: np.ndarray, labels: np.ndarray, passive: np.ndarray, lows: np.ndarray, values: np.ndarray, threshold: float) -> dict[str, Any]:
    """Pair-level scores of the scorer alone: recall and precision over the non-``none`` pairs, with and without direction."""
    best, top, correct = _correct(probs, labels, passive)
    conf = apply_steps(top, lows, values)
    emit = conf >= threshold
    gold = labels != 0
    typed = np.array([CLASSES[p].rstrip("<>") == CLASSES[g].rstrip("<>") for p, g in zip(best, labels)])
    return {
        "pairs": int(len(labels)),
        "gold_pairs": int(gold.sum()),
        "emitted": int(emit.sum()),
        "precision": round(float(correct[emit].mean()) if emit.any() else float("nan"), 3),
        "precision_type_only": round(float(typed[emit].mean()) if emit.any() else float("nan"), 3),
        "recall": round(float((correct & emit).sum() / max(gold.sum(), 1)), 3),
        "recall_type_only": round(float((typed & emit & gold).sum() / max(gold.sum(), 1)), 3),
        "confidence_buckets": bucket_table(conf[emit], correct[emit]),
    }


@dataclass
class RelTrainReport:
    """What a training run did."""

    out_dir: str
    train_pairs: int
    seconds: float
    card: dict[str, Any] = field(default_factory=dict)


def train_relation_model(
    data_dir: str | Path, out_dir: str | Path, config: RelTrainConfig = RelTrainConfig(), command: str = "", lexicon: RelationLexicon | None = None
) -> RelTrainReport:
    """Train on ``data_dir/normalized/train.jsonl``, calibrate on folds, score ``valid.jsonl`` when present; library form of ``finextract train-relations``."""
    data = Path(data_dir)
    train_path = data / "normalized" / "train.jsonl"
    if not train_path.exists():
        raise ConfigError(f"{train_path} not found; pass --data pointing at the FinRE directory (../shared/data/finre)")
    started = time.perf_counter()
    index = TriggerIndex.from_lexicon(lexicon or RelationLexicon.load())
    examples = read_finre(train_path)
    if not examples:
        raise InputError(f"{train_path}: no usable pairs")
    labels = np.array([e.label for e in examples], dtype=np.int64)
    design = Design.build([e.pair for e in examples], index, config.dim)
    fold = folds_of(examples, config.folds, config.seed)
    oof = np.zeros((len(examples), len(CLASSES)))
    for k in range(config.folds):
        held = fold == k
        if held.all() or not held.any():
            continue
        w = fit(design.subset(~held), labels[~held], config)
        oof[held] = softmax(design.subset(held).logits(w))
    passive = _passives(examples)
    _, top, correct = _correct(oof, labels, passive)
    lows, values = isotonic_steps(top, correct.astype(np.float64))
    threshold = choose_threshold(apply_steps(top, lows, values), correct, config.target_precision)
    weights = fit(design, labels, config)
    seconds = time.perf_counter() - started
    arrays = {
        "format": np.array(MODEL_FORMAT, dtype=np.int64),
        "classes": np.array(CLASSES),
        "weights": weights,
        "calibration_x": lows,
        "calibration_y": values,
        "threshold": np.array(threshold),
    }
    card = _card(config, command, examples, labels, seconds, {"train_out_of_fold": quality(oof, labels, passive, lows, values, threshold)})
    valid_path = data / "normalized" / "valid.jsonl"
    if valid_path.exists():
        valid = read_finre(valid_path)
        v_labels = np.array([e.label for e in valid], dtype=np.int64)
        probs = softmax(Design.build([e.pair for e in valid], index, config.dim).logits(weights))
        card["quality"]["valid_pairs"] = quality(probs, v_labels, _passives(valid), lows, values, threshold)
    full = write_model(arrays, Path(out_dir), card)
    return RelTrainReport(str(out_dir), len(examples), seconds, full)


def _card(config: RelTrainConfig, command: str, examples: Sequence[PairExample], labels: np.ndarray, seconds: float, quality_: Mapping[str, Any]) -> dict[str, Any]:
    counts = np.bincount(labels, minlength=len(CLASSES))
    return {
        "name": config.name,
        "architecture": "multinomial logistic regression over hashed pair features (crc32), L2, full-batch Adam in numpy; isotonic calibration on out-of-fold predictions",
        "classes": list(CLASSES),
        "threshold_rule": f"lowest calibrated confidence at which out-of-fold predictions on train reach precision {config.target_precision} (class and direction)",
        "training": {
            "config": asdict(config),
            "command": command,
            "train_pairs": len(examples),
            "class_counts": {c: int(n) for c, n in zip(CLASSES, counts)},
            "wall_seconds": round(seconds, 1),
        },
        "sources": [
            {
                "corpus": "finre",
                "path": "finre/normalized/train.jsonl",
                "terms_as_stated": "FinRE (Li et al., ACL 2019, 'Chinese Relation Extraction with Multi-Grained Information and External Linguistic Knowledge'); thunlp/Chinese_NRE, MIT license.",
                "label_map": FINRE_CLASSES,
            }
        ],
        "quality": dict(quality_),
    }


def load_map_file(path: Path) -> dict[str, str]:
    """A ``finre_map.json``-style file without its comments (to check it against :data:`FINRE_CLASSES`)."""
    return {k: v for k, v in json.loads(path.read_text("utf-8")).items() if not k.startswith("_")}
