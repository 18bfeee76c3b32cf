"""The neural tagger's inference in numpy: embedding bag, dilated convolutions, CRF decoding.

A neural model directory has the same layout as the CRF's (``card.json`` and
``weights.npz``; see :mod:`finextract.ner.model`), with ``"architecture":
"cnn-crf"`` in the card and these arrays:

* ``templates``, ``vocab``, ``vocab_sizes``, ``tags`` — as for the CRF; row
  ``k`` of ``embed`` belongs to the ``k``-th vocabulary value;
* ``embed_q`` ``(len(vocab) + 1, E)`` int8 and ``embed_scale`` ``(len(vocab) + 1,)``
  float32 — each row's vector is ``embed_q[k] * embed_scale[k]`` (rows
  quantized symmetrically to 127 steps); the last row is zero and stands for
  an unknown value;
* ``in_bias`` ``(E,)``; ``conv{k}_w`` ``(in, 3 * H)`` with the taps at
  ``-d``, ``0`` and ``+d`` side by side, ``conv{k}_b`` ``(H,)``, and
  ``dilations``; ``out_w`` ``(H, tags)``, ``out_b``;
* ``start`` and ``transitions``: learned scores with the ``I-X`` constraint
  already applied;
* optionally ``sources`` ``(slots, E)``: the corpus vectors learned in
  training, row ``k`` for the corpus the card's ``"guidelines"`` maps to
  ``k`` (row 0, "no corpus", is zero).

The forward pass equals the training network's (``neural_fit``) in
evaluation mode with no corpus given: ``x = relu(sum of the feature vectors +
in_bias)``, then per layer ``y = relu(conv(x))``, zero outside the sentence,
added to ``x`` after the first layer; emissions ``x @ out_w + out_b``.

The training corpora follow different annotation guidelines (CLUENER leaves
most bare country and city names unlabelled and marks job titles; MSRA marks
every place and no title).  By default the tagger decodes with no corpus,
which blends them.  :meth:`NeuralWeights.for_guideline` adds one corpus's
vector to the input instead, so the tagger labels as that corpus's
annotators did, which is what a comparison against that corpus's gold needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Sequence

import numpy as np

from ..errors import ConfigError
from .features import TEMPLATES
from .model import lookups_from_arrays, viterbi_batch


@dataclass
class NeuralWeights:
    """Exported neural tagger: lookups, embedding table, convolutions, CRF scores."""

    tags: tuple[str, ...]
    lookups: tuple[dict[str, int], ...]
    embed: np.ndarray
    in_bias: np.ndarray
    convs: tuple[tuple[np.ndarray, np.ndarray, int], ...]
    out_w: np.ndarray
    out_b: np.ndarray
    start_mask: np.ndarray
    transitions: np.ndarray
    card: dict[str, Any] = field(default_factory=dict)
    active: tuple[int, ...] = ()
    """Templates with a non-empty vocabulary; the others never fire and are skipped."""
    guidelines: dict[str, np.ndarray] = field(default_factory=dict)
    """Corpus name → the corpus vector learned in training (see :meth:`for_guideline`)."""
    guideline: str | None = None
    """The guideline these weights decode with (``None``: no corpus)."""

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], card: dict[str, Any]) -> "NeuralWeights":
        """Dequantize the embedding and collect the layers."""
        templates = tuple(str(t) for t in arrays["templates"])
        if templates != TEMPLATES:
            raise ConfigError(f"model templates {templates} differ from this finextract's {TEMPLATES}; retrain the model")
        lookups = lookups_from_arrays(arrays)
        embed = arrays["embed_q"].astype(np.float32) * arrays["embed_scale"].astype(np.float32)[:, None]
        dilations = [int(d) for d in arrays["dilations"]]
        convs = tuple((arrays[f"conv{k}_w"].astype(np.float32), arrays[f"conv{k}_b"].astype(np.float32), d) for k, d in enumerate(dilations))
        active = tuple(t for t, look in enumerate(lookups) if look)
        return cls(
            tags=tuple(str(t) for t in arrays["tags"]),
            lookups=lookups,
            embed=embed,
            in_bias=arrays["in_bias"].astype(np.float32),
            convs=convs,
            out_w=arrays["out_w"].astype(np.float32),
            out_b=arrays["out_b"].astype(np.float32),
            start_mask=arrays["start"].astype(np.float32),
            transitions=arrays["transitions"].astype(np.float32),
            card=card,
            active=active,
            guidelines=_guideline_vectors(arrays, card),
        )

    def for_guideline(self, name: str | None) -> "NeuralWeights":
        """These weights decoding as the annotators of corpus ``name`` did (``None``: no corpus, the default).

        Raises :class:`ConfigError` for a corpus the model was not trained on.
        """
        if name is not None and name not in self.guidelines:
            known = ", ".join(sorted(self.guidelines)) or "none (the model was exported without its corpus vectors)"
            raise ConfigError(f"the NER model has no guideline {name!r}; choose one of: {known}")
        return replace(self, guideline=name)

    def emissions(self, rows: np.ndarray, lengths: Sequence[int]) -> list[np.ndarray]:
        """``(n, len(tags))`` emission scores of each sentence, from the feature rows of all sentences one after another."""
        total = rows.shape[1]
        if total == 0:
            return [np.zeros((0, len(self.tags)), dtype=np.float32) for _ in lengths]
        x = np.zeros((total, self.embed.shape[1]), dtype=np.float32)
        for t in self.active:
            # an unknown value's row is -1, which ``take`` reads as the last row, the padding row
            x += self.embed.take(rows[t], axis=0)
        x += self.in_bias if self.guideline is None else self.in_bias + self.guidelines[self.guideline]
        np.maximum(x, 0.0, out=x)
        pos, span = _positions(lengths)
        for k, (w, b, d) in enumerate(self.convs):
            y = _conv(x, w, b, d, pos, span)
            x = y if k == 0 else x + y
        scores = x @ self.out_w + self.out_b
        return np.split(scores, np.cumsum(lengths)[:-1]) if len(lengths) else []

    def viterbi(self, emissions: Sequence[np.ndarray]) -> list[np.ndarray]:
        """Best tag index sequence for each sentence."""
        return viterbi_batch(emissions, self.transitions, self.start_mask)


def _guideline_vectors(arrays: dict[str, np.ndarray], card: dict[str, Any]) -> dict[str, np.ndarray]:
    """The card's ``"guidelines"`` (corpus name → row) resolved against the ``sources`` array."""
    names = card.get("guidelines") or {}
    if not names:
        return {}
    if "sources" not in arrays:
        raise ConfigError("the NER model's card names guidelines but weights.npz has no 'sources' array; retrain the model")
    table = arrays["sources"].astype(np.float32)
    out = {}
    for name, row in names.items():
        if not 0 < int(row) < len(table):
            raise ConfigError(f"guideline {name!r} points at row {row} of 'sources', which has {len(table)} rows; retrain the model")
        out[str(name)] = table[int(row)]
    return out


def _positions(lengths: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """Each character's index in its sentence and its sentence's length."""
    lens = np.asarray(lengths, dtype=np.int64)
    starts = np.cumsum(lens) - lens
    span = np.repeat(lens, lens)
    pos = np.arange(int(lens.sum()), dtype=np.int64) - np.repeat(starts, lens)
    return pos, span


def _conv(x: np.ndarray, w: np.ndarray, b: np.ndarray, d: int, pos: np.ndarray, span: np.ndarray) -> np.ndarray:
    """``relu`` of a kernel-3 convolution with dilation ``d``, zero-padded at each sentence's edges.

    All sentences lie one after another in ``x``; a tap that would reach
    across a sentence's edge must read zero.  Instead of masking every
    character, the few rows that would be read across an edge (the last
    ``d`` characters of each sentence for the left tap, the first ``d`` for
    the right tap) are zeroed in the tap's product, and the taps are then
    added as plain shifted slices.
    """
    hidden = len(b)
    z = x @ w
    y = z[:, hidden : 2 * hidden] + b
    if d < len(x):
        z[pos + d >= span, :hidden] = 0.0
        y[d:] += z[:-d, :hidden]
        z[pos < d, 2 * hidden :] = 0.0
        y[:-d] += z[d:, 2 * hidden :]
    np.maximum(y, 0.0, out=y)
    return y
