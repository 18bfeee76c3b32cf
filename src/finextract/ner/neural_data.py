"""Training arrays for the neural tagger: feature vocabulary, feature rows, tags.

The neural tagger (:mod:`finextract.ner.neural`) reads the same features as
the CRF (:func:`finextract.ner.features.feature_columns`), through the same
vectorized lookup (:class:`finextract.ner.lookup.FeatureRows`), but embeds
every feature value in a dense vector instead of giving it one weight per
tag.  This module builds its vocabulary (every template value seen at least
``min_count`` times in the training sentences) and turns corpora into the
arrays the trainer (:mod:`finextract.ner.neural_fit`) reads: one ``int32``
feature row per template and character, one tag per character, and one
length and corpus id per sentence.

The trainer needs numpy and torch only, so these arrays are the whole
interface between the two: they can be written here and trained on another
machine.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np

from .base import SentenceInput
from .features import TEMPLATES, FeatureLexicons, feature_columns
from .lookup import FeatureRows

SOURCES: tuple[str, ...] = ("none", "msra_train", "cluener", "resume", "people_daily_1998", "weibo")
"""Corpus ids fed to the trainer; ``none`` (0) is what inference uses."""


def count_values(inputs: Sequence[SentenceInput], lex: FeatureLexicons) -> list[Counter[str]]:
    """How often each value of each template occurs in ``inputs``."""
    counts: list[Counter[str]] = [Counter() for _ in TEMPLATES]
    for sent in inputs:
        for counter, column in zip(counts, feature_columns(sent, lex)):
            counter.update(v for v in column if v is not None)
    return counts


NEURAL_TEMPLATES: tuple[str, ...] = ("bias", "c0", "b-1", "b0", "t0", "ty", "w", "g", "ti", "sn", "os")
"""The templates the neural tagger embeds: each character's own values only.

The shifted copies (``c-2`` … ``c2``, ``b-2``, ``b1``) are left out: the
convolutions see the neighbours' vectors, and embedding every offset again
would multiply the vocabulary without adding information.
"""


def build_lookups(
    counts: Sequence[Counter[str]], min_count: int, templates: Sequence[str] = TEMPLATES, min_counts: Mapping[str, int] | None = None
) -> list[dict[str, int]]:
    """Per-template value → row, rows numbered across templates in :data:`TEMPLATES` order.

    Values of the ``templates`` named are kept when seen at least
    ``min_count`` times (``min_counts`` overrides it per template); other
    templates get an empty lookup, so they never fire.  Within a template
    values are ordered by descending count, then by value, so the numbering
    is deterministic.

    >>> from collections import Counter
    >>> build_lookups([Counter({"a": 3, "b": 1}), Counter({"x": 2})], 2, templates=("bias", "c-2"))
    [{'a': 0}, {'x': 1}]
    """
    lookups: list[dict[str, int]] = []
    row = 0
    for name, counter in zip(TEMPLATES, counts):
        if name not in templates:
            lookups.append({})
            continue
        least = (min_counts or {}).get(name, min_count)
        kept = sorted((v for v, c in counter.items() if c >= least), key=lambda v: (-counter[v], v))
        lookups.append({v: row + k for k, v in enumerate(kept)})
        row += len(kept)
    return lookups


@dataclass(frozen=True)
class EncodedSet:
    """One corpus split as arrays: feature rows, tag ids, sentence lengths and corpus ids."""

    rows: np.ndarray
    """``(len(TEMPLATES), total characters)`` int32, ``-1`` where a template is unknown or silent."""
    tags: np.ndarray
    """``(total characters,)`` int8 index into the tag list."""
    lengths: np.ndarray
    """``(sentences,)`` int32."""
    sources: np.ndarray
    """``(sentences,)`` int8 index into :data:`SOURCES`."""


def encode(
    inputs: Sequence[SentenceInput],
    tag_ids: Sequence[np.ndarray],
    sources: Sequence[str],
    features: FeatureRows,
    batch_size: int = 512,
) -> EncodedSet:
    """Feature rows of ``inputs`` (with their tag ids and corpora) as one :class:`EncodedSet`."""
    parts = [features.rows(inputs[k : k + batch_size]).astype(np.int32) for k in range(0, len(inputs), batch_size)]
    rows = np.concatenate(parts, axis=1) if parts else np.zeros((len(TEMPLATES), 0), dtype=np.int32)
    tags = np.concatenate(tag_ids).astype(np.int8) if tag_ids else np.zeros(0, dtype=np.int8)
    lengths = np.array([len(s.text) for s in inputs], dtype=np.int32)
    src = np.array([SOURCES.index(s) for s in sources], dtype=np.int8)
    return EncodedSet(rows, tags, lengths, src)


def tag_array(n: int, spans: Sequence[tuple[int, int, str]], tags: Sequence[str]) -> np.ndarray:
    """BIO tag ids of one sentence (``tags`` as :attr:`LabelScheme.bio_tags` orders them).

    >>> tag_array(4, [(1, 3, "ORG")], ("O", "B-ORG", "I-ORG"))
    array([0, 1, 2, 0], dtype=int8)
    """
    index = {t: k for k, t in enumerate(tags)}
    out = np.zeros(n, dtype=np.int8)
    for start, end, label in spans:
        out[start] = index["B-" + label]
        out[start + 1 : end] = index["I-" + label]
    return out


def save_sets(path: str, sets: dict[str, EncodedSet], meta: dict[str, np.ndarray]) -> None:
    """Write named sets (``train``, ``valid`` …) and metadata arrays to one compressed npz."""
    arrays: dict[str, np.ndarray] = dict(meta)
    for name, s in sets.items():
        arrays[f"{name}_rows"] = s.rows
        arrays[f"{name}_tags"] = s.tags
        arrays[f"{name}_lengths"] = s.lengths
        arrays[f"{name}_sources"] = s.sources
    np.savez_compressed(path, **arrays)
