"""Fixtures shared by the NER model tests: the shipped model and the segmenter it was trained with."""

from __future__ import annotations

import pytest

from finextract.ner.model import ModelBackend
from finextract.ner.train import default_segmenter


@pytest.fixture(scope="session")
def backend() -> ModelBackend:
    """The default shipped NER model (the neural tagger), loaded once."""
    return ModelBackend.load()


@pytest.fixture(scope="session")
def crf_backend() -> ModelBackend:
    """The shipped CRF model (``finextract-ner-crf``), loaded once."""
    return ModelBackend.load("finextract-ner-crf")


@pytest.fixture(scope="session", params=["default", "crf"])
def any_backend(request, backend: ModelBackend, crf_backend: ModelBackend) -> ModelBackend:  # type: ignore[no-untyped-def]
    """Each shipped model in turn."""
    return backend if request.param == "default" else crf_backend


@pytest.fixture(scope="session")
def segmenter():  # type: ignore[no-untyped-def]
    """The segmenter the features are computed with."""
    return default_segmenter()
