"""Fixtures shared by the NER model tests: the shipped model and the segmenter it was trained with."""

from __future__ import annotations

import pytest

from finextract.ner.model import ModelBackend
from finextract.ner.train import default_segmenter


@pytest.fixture(scope="session")
def backend() -> ModelBackend:
    """The shipped NER model, loaded once."""
    return ModelBackend.load()


@pytest.fixture(scope="session")
def segmenter():  # type: ignore[no-untyped-def]
    """The segmenter the features are computed with."""
    return default_segmenter()
