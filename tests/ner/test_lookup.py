"""The vectorized feature lookup equals the string-feature definition, row for row."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from finextract.ner.base import SentenceInput
from finextract.ner.features import feature_columns
from finextract.ner.model import ModelBackend, reference_rows
from finextract.ner.train import sentence_input

SAMPLES = Path(__file__).resolve().parents[2] / "corpora" / "samples"

# Han text with names, places, titles and suffixes the lexicons know, digits,
# Latin letters, spaces, full-width and control characters, an astral
# character and the pad characters the features use themselves.
ALPHABET = "工商银行董事长易会满京东金融欧阳司马诸葛王李张控股证券集团公司局部中国北京上海与和的在了年月日" "0123456789" "ABCxyz .,%-" "，。、“”（）：" "\x02\x03\t\n²①" "\U00020000"


def _assert_same_rows(backend: ModelBackend, batch: list[SentenceInput]) -> None:
    fast = backend.features.rows(batch)
    reference = reference_rows(backend.weights.lookups, [feature_columns(s, backend.lexicons) for s in batch])
    assert fast.shape == reference.shape
    mismatched = sorted({int(t) for t in np.nonzero(fast != reference)[0]})
    assert mismatched == [], f"templates differ: {mismatched}"


def test_rows_equal_reference_on_the_bundled_articles(any_backend: ModelBackend, segmenter) -> None:  # type: ignore[no-untyped-def]
    texts = [p.read_text("utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    assert texts
    batch = [sentence_input(line, segmenter) for text in texts for line in text.splitlines() if line.strip()]
    _assert_same_rows(any_backend, batch)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=ALPHABET, max_size=40), min_size=1, max_size=5))
def test_rows_equal_reference_on_random_text(any_backend: ModelBackend, segmenter, texts: list[str]) -> None:  # type: ignore[no-untyped-def]
    _assert_same_rows(any_backend, [sentence_input(t, segmenter) for t in texts])


def test_empty_sentences_and_empty_batch(any_backend: ModelBackend) -> None:
    backend = any_backend
    assert backend.features.rows([]).shape == (17, 0)
    rows = backend.features.rows([SentenceInput(""), SentenceInput("工行"), SentenceInput("")])
    assert rows.shape == (17, 2)
    assert backend.tag([SentenceInput(""), SentenceInput("")]) == [[], []]
