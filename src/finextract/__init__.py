"""finextract: typed, grounded facts from Chinese financial news.

>>> import finextract                                  # doctest: +SKIP
>>> doc = finextract.extract("工商銀行董事長易會滿說……")  # doctest: +SKIP
>>> [f.type for f in doc.facts]                         # doctest: +SKIP

Every span's ``[start, end)`` points into the original text, whatever its
script or width.  Nothing is downloaded, ever.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .corpus import Corpus
from .document import Document
from .errors import (
    BackendNotFoundError,
    ConfigError,
    FinextractError,
    InputError,
    LexiconError,
    PipelineError,
)
from .facts import Fact, MetricFact, PartnershipFact, QuoteFact, RoleFact
from .pipeline import Pipeline
from .spans import Entity, Figure, Period, Region, Sentence, Span, TextSpan, Token

if TYPE_CHECKING:  # pragma: no cover
    pass

__version__ = "0.1.0"

__all__ = [
    "extract",
    "default_pipeline",
    "Pipeline",
    "Corpus",
    "Document",
    "Entity",
    "Figure",
    "Period",
    "Region",
    "Sentence",
    "Span",
    "TextSpan",
    "Token",
    "Fact",
    "RoleFact",
    "PartnershipFact",
    "MetricFact",
    "QuoteFact",
    "FinextractError",
    "InputError",
    "ConfigError",
    "PipelineError",
    "LexiconError",
    "BackendNotFoundError",
    "__version__",
]


class _DefaultPipeline:
    """Holds the lazily built default pipeline (one per process)."""

    def __init__(self) -> None:
        self._pipeline: Pipeline | None = None

    def get(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = Pipeline()
        return self._pipeline


_DEFAULT = _DefaultPipeline()


def default_pipeline() -> Pipeline:
    """The default pipeline, built on first use and reused afterwards."""
    return _DEFAULT.get()


def extract(text: str, doc_id: str | None = None) -> Document:
    """Extract entities, figures and facts from ``text`` with the default pipeline."""
    return default_pipeline()(text, doc_id=doc_id)
