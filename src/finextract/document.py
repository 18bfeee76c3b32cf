"""The :class:`Document`: original text plus everything found in it."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from .facts import Fact
from .spans import Entity, Figure, Period, Region, Sentence, Span, Token
from .offsets import WorkingText


class Document(BaseModel):
    """One article and its annotations.

    ``text`` is the input exactly as given.  Every span in every list points
    into it.  Stages return new documents (``model_copy``) instead of mutating.
    ``model_dump_json()`` and ``Document.model_validate_json()`` round-trip.
    """

    model_config = ConfigDict(extra="forbid")

    doc_id: str | None = None
    text: str
    excluded: list[Region] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    tokens: list[Token] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    periods: list[Period] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    meta: dict[str, Any] = Field(default_factory=dict)
    """Stage bookkeeping: detected script, stages run, backend names."""

    _work: WorkingText | None = PrivateAttr(default=None)

    def __eq__(self, other: object) -> bool:
        # The working text is a cache derived from ``text``: equality is about the record.
        return isinstance(other, Document) and self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]

    @property
    def work(self) -> WorkingText:
        """The normalized working text and its offset map (built on demand)."""
        if self._work is None:
            from .normalize import build_working_text

            self._work = build_working_text(self.text)
        return self._work

    def with_work(self, work: WorkingText) -> "Document":
        """Return a copy carrying ``work`` as its working text."""
        doc = self.model_copy()
        doc._work = work
        return doc

    def normalized(self, span: Span) -> str:
        """Simplified, half-width form of ``span`` (script-independent)."""
        return self.work.norm_slice(span.start, span.end)

    def in_excluded(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` overlaps an excluded region."""
        return any(r.start < end and start < r.end for r in self.excluded)

    def _repr_html_(self) -> str:
        from .outputs.html import document_html

        return document_html(self)

    def to_html(self) -> str:
        """HTML fragment with highlighted entities, figures and a facts table."""
        from .outputs.html import document_html

        return document_html(self)
