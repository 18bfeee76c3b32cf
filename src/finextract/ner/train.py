"""Train the built-in NER model and export it for numpy-only inference.

A linear-chain CRF over characters (features: :mod:`finextract.ner.features`)
is trained with python-crfsuite (the ``train`` extra) on the normalized
corpora in the data directory (``{"text", "entities": [...]}`` per line;
labels mapped by ``finextract/data/ner_labels.json``), then exported to
``weights.npz`` (per-template vocabularies, state weights, transitions;
no pickles) and ``card.json`` (provenance, settings, sha256 of the weights,
held-out quality).

Every training sentence carries a source attribute (``src=msra_train``,
``src=cluener`` …) so that the corpora's differing guidelines (MSRA does
not annotate job titles, CLUENER does) are absorbed by per-source weights;
inference never sets it.

The MSRA-style dev set is carved out of ``msra_train`` itself (every 20th
record), because the shared ``msra`` val split overlaps ``msra_train``.
"""

from __future__ import annotations

import gzip
import json
import random
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

import numpy as np

from ..errors import ConfigError, InputError
from ..normalize.script import fold_width
from .base import SentenceInput
from .features import TEMPLATES, FeatureLexicons, attribute_strings, feature_columns
from .labels import LabelScheme, load_label_scheme
from .model import sha256_file

MODEL_FORMAT = 1
"""Version of the exported ``weights.npz`` / ``card.json`` layout."""

DEV_EVERY = 20
"""Every ``DEV_EVERY``-th record of msra_train is held out as the clean MSRA-style dev set."""


@dataclass(frozen=True)
class Example:
    """One training sentence: working text, entity spans ``(start, end, label)`` and its corpus."""

    text: str
    spans: tuple[tuple[int, int, str], ...]
    source: str


@dataclass(frozen=True)
class CorpusSpec:
    """A corpus file under the data directory and the label mapping to read it with."""

    corpus: str
    path: str
    fraction: float = 1.0


DEFAULT_CORPORA: tuple[CorpusSpec, ...] = (
    CorpusSpec("msra_train", "msra_train/normalized/train.jsonl.gz"),
    CorpusSpec("cluener", "cluener/normalized/train.jsonl"),
    CorpusSpec("resume", "resume/normalized/train.jsonl"),
)
"""What the shipped model is trained on."""


@dataclass(frozen=True)
class TrainConfig:
    """Training settings (recorded in the model card)."""

    corpora: tuple[CorpusSpec, ...] = DEFAULT_CORPORA
    seed: int = 13
    max_iterations: int = 120
    c1: float = 0.05
    c2: float = 0.01
    name: str = "finextract-ner-crf"


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Records of a JSON Lines file (``.gz`` read transparently)."""
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
            for lineno, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        yield json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise InputError(f"{path}:{lineno}: invalid JSON ({exc.msg}); fix or remove the line") from exc
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}; check the --data directory") from exc


def to_example(record: Mapping[str, Any], mapping: Mapping[str, str], source: str) -> Example:
    """A record with mapped labels; unmapped labels and overlapping spans are dropped."""
    text = fold_width(record["text"])
    if len(text) != len(record["text"]):  # fold_width is length-preserving; guard anyway
        text = record["text"]
    spans: list[tuple[int, int, str]] = []
    for ent in sorted(record.get("entities", ()), key=lambda e: (e["start"], -e["end"])):
        label = mapping.get(ent["label"])
        if label is None or ent["end"] <= ent["start"] or (spans and ent["start"] < spans[-1][1]):
            continue
        spans.append((ent["start"], ent["end"], label))
    return Example(text, tuple(spans), source)


def read_corpus(path: Path, mapping: Mapping[str, str], source: str) -> list[Example]:
    """Every record of ``path`` as an :class:`Example`."""
    return [to_example(r, mapping, source) for r in read_jsonl(path)]


def msra_split(examples: Sequence[Example]) -> tuple[list[Example], list[Example]]:
    """``(train, dev)``: every :data:`DEV_EVERY`-th record is dev."""
    dev = [e for i, e in enumerate(examples) if i % DEV_EVERY == 0]
    train = [e for i, e in enumerate(examples) if i % DEV_EVERY != 0]
    return train, dev


def load_training_data(data_dir: Path, config: TrainConfig, scheme: LabelScheme) -> tuple[list[Example], list[Example]]:
    """Training examples of every configured corpus and the MSRA-style dev examples."""
    rng = random.Random(config.seed)
    train: list[Example] = []
    dev: list[Example] = []
    for spec in config.corpora:
        path = data_dir / spec.path
        if not path.exists():
            raise ConfigError(f"training corpus {path} not found; pass --data pointing at the shared data directory")
        examples = read_corpus(path, scheme.mapping(spec.corpus), spec.corpus)
        if spec.corpus == "msra_train":
            examples, dev = msra_split(examples)
        if spec.fraction < 1.0:
            examples = rng.sample(examples, int(len(examples) * spec.fraction))
        train += examples
    rng.shuffle(train)
    return train, dev


def bio_tags(n: int, spans: Iterable[tuple[int, int, str]]) -> list[str]:
    """BIO tag per character."""
    tags = ["O"] * n
    for start, end, label in spans:
        tags[start] = "B-" + label
        for k in range(start + 1, end):
            tags[k] = "I-" + label
    return tags


def default_segmenter() -> Any:
    """The jieba segmenter a default pipeline uses (same dictionary, same tags)."""
    from ..segment import SegmentStage

    return SegmentStage.from_options({}).segmenter


def sentence_input(text: str, segmenter: Any) -> SentenceInput:
    """Working text and its tokens, as the NER stage would pass them (whitespace tokens dropped)."""
    tokens = tuple(t for t in segmenter.cut(text) if not text[t[0] : t[1]].isspace())
    return SentenceInput(text, tokens)


def _trainer(config: TrainConfig) -> Any:
    try:
        import pycrfsuite
    except ImportError:
        raise ConfigError("training needs python-crfsuite: pip install 'finextract[train]'") from None
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params({"c1": config.c1, "c2": config.c2, "max_iterations": config.max_iterations})
    return trainer


def fit(examples: Sequence[Example], config: TrainConfig, model_file: Path, lex: FeatureLexicons | None = None) -> Any:
    """Train crfsuite on ``examples``; returns an open ``pycrfsuite.Tagger``."""
    import pycrfsuite

    lex = lex or FeatureLexicons.load()
    segmenter = default_segmenter()
    trainer = _trainer(config)
    for ex in examples:
        if not ex.text:
            continue
        attrs = attribute_strings(feature_columns(sentence_input(ex.text, segmenter), lex))
        src = "src=" + ex.source
        trainer.append([a + [src] for a in attrs], bio_tags(len(ex.text), ex.spans))
    trainer.train(str(model_file))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_file))
    return tagger


def export_arrays(tagger: Any, scheme: LabelScheme) -> dict[str, np.ndarray]:
    """Dense numpy arrays from a crfsuite model (zero-weight features dropped)."""
    info = tagger.info()
    tags = scheme.bio_tags
    col = {t: k for k, t in enumerate(tags)}
    by_template: dict[str, dict[str, int]] = {t: {} for t in TEMPLATES}
    rows: list[tuple[str, str, str, float]] = []
    for (attr, label), weight in info.state_features.items():
        name, _, value = attr.partition("=")
        if name in by_template and weight != 0.0:
            by_template[name].setdefault(value, 0)
            rows.append((name, value, label, weight))
    vocab: list[str] = []
    sizes: list[int] = []
    index: dict[tuple[str, str], int] = {}
    for name in TEMPLATES:
        values = sorted(by_template[name])
        for v in values:
            index[(name, v)] = len(vocab)
            vocab.append(v)
        sizes.append(len(values))
    state = np.zeros((len(vocab) + 1, len(tags)), dtype=np.float32)  # last row: unknown value
    for name, value, label, weight in rows:
        state[index[(name, value)], col[label]] = weight
    trans = np.zeros((len(tags), len(tags)), dtype=np.float32)
    for (src, dst), weight in info.transitions.items():
        trans[col[src], col[dst]] = weight
    return {
        "format": np.array(MODEL_FORMAT, dtype=np.int64),
        "tags": np.array(tags),
        "templates": np.array(TEMPLATES),
        "vocab": np.array(vocab if vocab else [""]),
        "vocab_sizes": np.array(sizes, dtype=np.int64),
        "state": state,
        "transitions": trans,
    }


def write_model(arrays: Mapping[str, np.ndarray], out_dir: Path, card: Mapping[str, Any]) -> dict[str, Any]:
    """Write ``weights.npz`` and ``card.json`` (with the weights' sha256); returns the card."""
    out_dir.mkdir(parents=True, exist_ok=True)
    weights = out_dir / "weights.npz"
    np.savez_compressed(weights, **arrays)
    full = {**card, "format": MODEL_FORMAT, "weights": "weights.npz", "sha256": sha256_file(weights), "bytes": weights.stat().st_size}
    (out_dir / "card.json").write_text(json.dumps(full, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return full


@dataclass
class TrainReport:
    """What a training run did."""

    out_dir: str
    train_sentences: int
    train_chars: int
    dev_sentences: int
    seconds: float
    card: dict[str, Any] = field(default_factory=dict)


def train_model(data_dir: str | Path, out_dir: str | Path, config: TrainConfig = TrainConfig(), command: str = "") -> TrainReport:
    """Train on ``data_dir``, export to ``out_dir``, score the held-out MSRA split; library form of ``finextract train``."""
    import tempfile

    data_dir, out = Path(data_dir), Path(out_dir)
    scheme = load_label_scheme()
    started = time.perf_counter()
    train, dev = load_training_data(data_dir, config, scheme)
    with tempfile.TemporaryDirectory() as tmp:
        tagger = fit(train, config, Path(tmp) / "model.crfsuite")
        arrays = export_arrays(tagger, scheme)
    seconds = time.perf_counter() - started
    card: dict[str, Any] = {
        "name": config.name,
        "architecture": "linear-chain CRF over characters (python-crfsuite L-BFGS), exported to numpy; Viterbi in numpy",
        "labels": list(scheme.labels),
        "templates": list(TEMPLATES),
        "training": {
            "config": asdict(config),
            "command": command,
            "train_sentences": len(train),
            "train_chars": sum(len(e.text) for e in train),
            "wall_seconds": round(seconds, 1),
            "dev_split": f"msra_train records with index % {DEV_EVERY} == 0 (held out from training)",
        },
        "sources": _sources(config),
        "span_filters": ["person", "verb"],
    }
    write_model(arrays, out, card)
    if dev:
        from .evaluate import score_examples
        from .model import ModelBackend

        result = score_examples(ModelBackend.load(out), dev, default_segmenter())
        card["quality"] = {"msra_train_heldout_backend_only": result.as_dict()}
        write_model(arrays, out, card)
    full = json.loads((out / "card.json").read_text("utf-8"))
    return TrainReport(str(out), len(train), card["training"]["train_chars"], len(dev), seconds, full)


_TERMS = {
    "msra_train": "MSRA NER (SIGHAN 2006 bakeoff 3); no license file; 'No known license' per the HF/TFDS catalog; research use, cite Levow (2006).",
    "cluener": "CLUENER2020; no license file, terms unstated; cite Xu et al. 2020 (arXiv 2001.04351).",
    "resume": "Resume NER (luopeixiang/named_entity_recognition copy); no license file, upstream terms not verified; research use.",
    "people_daily_1998": "PKU People's Daily Jan 1998; terms not verified, text is People's Daily copyright; research use only.",
    "weibo": "Weibo NER (golden-horse); annotations CC BY-SA 3.0, messages under Weibo's terms of service.",
}


def _sources(config: TrainConfig) -> list[dict[str, Any]]:
    return [
        {"corpus": s.corpus, "path": s.path, "fraction": s.fraction, "terms_as_stated": _TERMS.get(s.corpus, "see SOURCE.md")}
        for s in config.corpora
    ]
