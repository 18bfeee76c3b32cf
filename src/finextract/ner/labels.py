"""The NER model's label set and the label mapping of each training corpus.

Both live in one data file, ``finextract/data/ner_labels.json``, shared by
training and evaluation.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Mapping

from ..errors import LexiconError

_WHERE = "finextract/data/ner_labels.json"


@dataclass(frozen=True)
class LabelScheme:
    """Entity labels and per-corpus mappings (corpus label → entity label)."""

    labels: tuple[str, ...]
    corpora: Mapping[str, Mapping[str, str]]

    @property
    def bio_tags(self) -> tuple[str, ...]:
        """``O`` then ``B-X``, ``I-X`` for each label, in a fixed order."""
        return ("O",) + tuple(f"{p}-{label}" for label in self.labels for p in ("B", "I"))

    def mapping(self, corpus: str | None) -> Mapping[str, str]:
        """The mapping of ``corpus``; ``None`` or ``"auto"`` merges every corpus's mapping."""
        if corpus in (None, "auto"):
            merged: dict[str, str] = {}
            for table in self.corpora.values():
                merged.update(table)
            return MappingProxyType(merged)
        try:
            return self.corpora[corpus]
        except KeyError:
            raise LexiconError(f"no label mapping for corpus {corpus!r} in {_WHERE}; known: {sorted(self.corpora)}") from None


def load_label_scheme() -> LabelScheme:
    """Read and check ``ner_labels.json``."""
    try:
        data = json.loads(resources.files("finextract.data").joinpath("ner_labels.json").read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise LexiconError(f"{_WHERE}: cannot read the label scheme ({exc}); reinstall finextract") from exc
    labels = tuple(data["labels"])
    corpora = {}
    for corpus, table in data["corpora"].items():
        bad = sorted(v for v in table.values() if v not in labels)
        if bad:
            raise LexiconError(f"{_WHERE}: corpus {corpus!r} maps onto unknown labels {bad}; use one of {list(labels)}")
        corpora[corpus] = MappingProxyType(dict(table))
    return LabelScheme(labels, MappingProxyType(corpora))
