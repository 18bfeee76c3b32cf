"""Train the neural tagger: prepare arrays, fit with torch, export to numpy; library form of ``finextract train --arch cnn``.

Three steps, each usable alone:

1. :func:`prepare` reads the corpora (the same ones and the same MSRA
   held-out split as the CRF), segments them with the pipeline's jieba
   segmenter, builds the feature vocabulary and writes the arrays
   (:mod:`finextract.ner.neural_data`);
2. :func:`finextract.ner.neural_fit.fit` trains on those arrays (numpy and
   torch only; a GPU is used when torch sees one);
3. :func:`write_neural_model` stores the weights, the vocabulary and a card.

Model selection uses a validation split carved out of the training corpora
(every 20th record of CLUENER train, and the records after each MSRA
held-out record), never the MSRA held-out set or CLUENER dev that the
quality table reports.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from ..errors import ConfigError
from .features import TEMPLATES, FeatureLexicons
from .labels import LabelScheme, load_label_scheme
from .lookup import FeatureRows
from .neural_data import NEURAL_TEMPLATES, SOURCES, EncodedSet, build_lookups, count_values, encode, save_sets, tag_array
from .train import DEFAULT_CORPORA, DEV_EVERY, CorpusSpec, Example, default_segmenter, read_corpus, sentence_input

VALID_EVERY = 20
"""Every ``VALID_EVERY``-th training record (offset 1 in MSRA) is kept for model selection."""


@dataclass(frozen=True)
class NeuralTrainConfig:
    """Settings of :func:`prepare` and of the trainer (recorded in the card)."""

    corpora: tuple[CorpusSpec, ...] = DEFAULT_CORPORA
    min_count: int = 3
    trigram_min_count: int = 5
    seed: int = 13
    embed: int = 64
    hidden: int = 96
    dilations: tuple[int, ...] = (1, 2, 4)
    dropout: float = 0.3
    source_dropout: float = 0.3
    epochs: int = 6
    batch_size: int = 64
    lr: float = 2e-3
    oversample: tuple[tuple[str, int], ...] = ()
    max_seconds: float = 0.0
    name: str = "finextract-ner"

    def fit_settings(self) -> dict[str, Any]:
        """The trainer's part, as :func:`finextract.ner.neural_fit.fit` takes it."""
        keys = ("seed", "embed", "hidden", "dilations", "dropout", "source_dropout", "epochs", "batch_size", "lr", "max_seconds")
        settings = {k: getattr(self, k) for k in keys}
        settings["repeat"] = self.repeat()
        return settings

    def repeat(self) -> dict[str, int]:
        """``oversample`` as the trainer's corpus ids: each named corpus's sentences appear that many times per epoch."""
        out: dict[str, int] = {}
        for corpus, times in self.oversample:
            if corpus not in SOURCES[1:]:
                raise ConfigError(f"cannot oversample {corpus!r}: name one of {', '.join(SOURCES[1:])}")
            if times < 1:
                raise ConfigError(f"oversampling {corpus} {times} times: give a count of at least 1")
            out[str(SOURCES.index(corpus))] = times
        return out


@dataclass(frozen=True)
class Splits:
    """The examples of each split."""

    train: list[Example]
    valid: list[Example]
    heldout: list[Example]


def split_examples(data_dir: Path, config: NeuralTrainConfig, scheme: LabelScheme) -> Splits:
    """Training, validation and MSRA held-out examples of the configured corpora."""
    train: list[Example] = []
    valid: list[Example] = []
    heldout: list[Example] = []
    for spec in config.corpora:
        path = data_dir / spec.path
        if not path.exists():
            raise ConfigError(f"training corpus {path} not found; pass --data pointing at the shared data directory")
        examples = read_corpus(path, scheme.mapping(spec.corpus), spec.corpus)
        for i, ex in enumerate(examples):
            if spec.corpus == "msra_train" and i % DEV_EVERY == 0:
                heldout.append(ex)
            elif i % VALID_EVERY == (1 if spec.corpus == "msra_train" else 0):
                valid.append(ex)
            else:
                train.append(ex)
    return Splits(train, valid, heldout)


def _kept(examples: Sequence[Example]) -> list[Example]:
    return [e for e in examples if e.text]


def _encoded(examples: Sequence[Example], inputs: Sequence[Any], features: FeatureRows, tags: Sequence[str]) -> EncodedSet:
    """Arrays of non-empty ``examples`` and their already segmented ``inputs`` (same order)."""
    tag_ids = [tag_array(len(e.text), e.spans, tags) for e in examples]
    return encode(inputs, tag_ids, [e.source for e in examples], features)


@dataclass
class Prepared:
    """What :func:`prepare` wrote and counted."""

    arrays_path: str
    lookups: list[dict[str, int]]
    counts: dict[str, int] = field(default_factory=dict)


def prepare(data_dir: str | Path, arrays_path: str | Path, config: NeuralTrainConfig, extra: dict[str, Sequence[Example]] | None = None) -> Prepared:
    """Write the training arrays of ``data_dir`` to ``arrays_path`` (npz); ``extra`` adds named evaluation sets."""
    scheme = load_label_scheme()
    splits = split_examples(Path(data_dir), config, scheme)
    segmenter = default_segmenter()
    lex = FeatureLexicons.load()
    named = {"train": splits.train, "valid": splits.valid, "heldout": splits.heldout, **(extra or {})}
    kept = {name: _kept(examples) for name, examples in named.items()}
    inputs = {name: [sentence_input(e.text, segmenter) for e in examples] for name, examples in kept.items()}
    lookups = build_lookups(count_values(inputs["train"], lex), config.min_count, NEURAL_TEMPLATES, {"t0": config.trigram_min_count})
    features = FeatureRows.build(lookups, lex)
    tags = scheme.bio_tags
    sets = {name: _encoded(kept[name], inputs[name], features, tags) for name in kept}
    vocab_size = sum(len(look) for look in lookups)
    meta = {"vocab_size": np.array(vocab_size), "tags": np.array(tags), "templates": np.array(TEMPLATES)}
    save_sets(str(arrays_path), sets, meta)
    counts = {name: int(len(s.lengths)) for name, s in sets.items()}
    counts["vocab"] = vocab_size
    return Prepared(str(arrays_path), lookups, counts)


def write_neural_model(out_dir: str | Path, lookups: Sequence[dict[str, int]], weights: dict[str, np.ndarray], card: dict[str, Any]) -> dict[str, Any]:
    """Store vocabulary, tags and weights in ``weights.npz`` and the card (with the file's sha256)."""
    from .train import write_model

    arrays = dict(weights)
    arrays.pop("report", None)
    arrays["templates"] = np.array(TEMPLATES)
    arrays["vocab"] = np.array([v for look in lookups for v in sorted(look, key=look.__getitem__)])
    arrays["vocab_sizes"] = np.array([len(look) for look in lookups], dtype=np.int64)
    arrays["tags"] = np.array(load_label_scheme().bio_tags)
    return write_model(arrays, Path(out_dir), card)


@dataclass
class NeuralTrainReport:
    """What :func:`train_neural_model` did."""

    out_dir: str
    counts: dict[str, int]
    seconds: float
    card: dict[str, Any]


def train_neural_model(
    data_dir: str | Path, out_dir: str | Path, config: NeuralTrainConfig = NeuralTrainConfig(), command: str = "", log: Any = None
) -> NeuralTrainReport:
    """Prepare, fit and export the neural tagger; library form of ``finextract train --arch cnn``."""
    import tempfile

    from .neural_fit import fit, load_arrays

    started = time.perf_counter()
    extra = report_sets(Path(data_dir))
    with tempfile.TemporaryDirectory() as tmp:
        prepared = prepare(data_dir, Path(tmp) / "arrays.npz", config, extra)
        arrays = load_arrays(prepared.arrays_path)
    prepared_seconds = time.perf_counter() - started
    try:
        weights, report = fit(arrays, config.fit_settings(), log=log, eval_sets=["heldout", *extra])
    except ImportError:
        raise ConfigError("training the neural tagger needs torch: pip install 'finextract[train]'") from None
    seconds = time.perf_counter() - started
    best = next(r for r in report["history"] if r["epoch"] == report["best_epoch"])
    card = {
        "name": config.name,
        "architecture": "cnn-crf: embedding bag over the CRF's feature templates, dilated 1-D convolutions, linear-chain CRF; trained with torch, inference in numpy",
        "labels": list(load_label_scheme().labels),
        "templates": list(TEMPLATES),
        "training": {
            "config": config_dict(config),
            "command": command,
            "counts": prepared.counts,
            "device": report["device"],
            "prepare_seconds": round(prepared_seconds, 1),
            "wall_seconds": round(seconds, 1),
            "best_epoch": report["best_epoch"],
            "history": report["history"],
            "splits": {
                "heldout": f"msra_train records with index % {DEV_EVERY} == 0 (never trained on)",
                "valid": f"msra_train records with index % {VALID_EVERY} == 1 and cluener train records with index % {VALID_EVERY} == 0 (model selection)",
            },
        },
        "quality": {
            "selected_epoch_valid": best["valid"],
            "selected_epoch_decoded_in_torch": {k: v for k, v in best.items() if k not in ("epoch", "loss", "seconds", "valid")},
        },
        "sources": _sources(config),
        "guidelines": guideline_rows(config),
        "span_filters": ["person"],
    }
    full = write_neural_model(out_dir, prepared.lookups, weights, card)
    return NeuralTrainReport(str(out_dir), prepared.counts, seconds, full)


REPORT_SETS: dict[str, tuple[str, str]] = {"cluener_dev": ("cluener", "cluener/normalized/dev.jsonl")}
"""Sets scored after every epoch when the data directory has them (never used for selection): name → (corpus, path)."""


def report_sets(data_dir: Path) -> dict[str, list[Example]]:
    """The :data:`REPORT_SETS` found under ``data_dir``, read with their corpus's label mapping."""
    scheme = load_label_scheme()
    out: dict[str, list[Example]] = {}
    for name, (corpus, rel) in REPORT_SETS.items():
        if (data_dir / rel).exists():
            out[name] = read_corpus(data_dir / rel, scheme.mapping(corpus), corpus)
    return out


def guideline_rows(config: NeuralTrainConfig) -> dict[str, int]:
    """Corpus name → its row in the exported ``sources`` array, for the corpora trained on."""
    return {spec.corpus: SOURCES.index(spec.corpus) for spec in config.corpora}


def config_dict(config: NeuralTrainConfig) -> dict[str, Any]:
    """The config as JSON-ready data."""
    data = asdict(config)
    data["dilations"] = list(config.dilations)
    data["oversample"] = {corpus: times for corpus, times in config.oversample}
    return data


def _sources(config: NeuralTrainConfig) -> list[dict[str, Any]]:
    from .train import TrainConfig, _sources as crf_sources

    return crf_sources(TrainConfig(corpora=config.corpora))
