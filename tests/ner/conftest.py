"""Fixtures shared by the NER model tests: the shipped model and the segmenter it was trained with."""

from __future__ import annotations

import random

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


def generated_records(seed: int, n: int) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """``n`` synthetic "<org>董事长<name>表示业绩增长。" sentences with ORG, TITLE and PERSON spans."""
    rng = random.Random(seed)
    surnames, given = "王李张刘陈杨赵黄", "伟芳娜敏静丽强磊军洋"
    orgs = ["华信银行", "东方证券", "新海集团", "北辰控股"]
    out = []
    for _ in range(n):
        name = rng.choice(surnames) + rng.choice(given) + rng.choice(given)
        org = rng.choice(orgs)
        text = f"{org}董事长{name}表示业绩增长。"
        out.append((text, [(0, len(org), "ORG"), (len(org), len(org) + 3, "TITLE"), (len(org) + 3, len(org) + 6, "PERSON")]))
    return out


@pytest.fixture(scope="session")
def generated():  # type: ignore[no-untyped-def]
    """:func:`generated_records`, for tests that train tiny models."""
    return generated_records
