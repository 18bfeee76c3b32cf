"""The NER backend interface.

A backend reads sentences of working text (Simplified, half-width) with their
jieba tokens and proposes entity candidates in sentence offsets.  The NER
stage layers the gazetteer and the patterns on top of whatever the backend
proposes and maps the result onto the original text, so a backend never
deals with original offsets or scripts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Sequence


@dataclass(frozen=True)
class SentenceInput:
    """One sentence of working text and its tokens ``(start, end, pos)``."""

    text: str
    tokens: tuple[tuple[int, int, str], ...] = ()


@dataclass(frozen=True)
class Candidate:
    """A proposed entity in sentence offsets.

    ``priority`` orders competing candidates before length does: gazetteer
    and patterns use 3–5, statistical backends 2, POS hints 1.
    """

    start: int
    end: int
    label: str
    source: str
    priority: int = 2
    score: float = 1.0
    canonical: str | None = None
    entity_id: str | None = None


class NerBackend(Protocol):
    """What an NER backend implements."""

    name: str

    def predict(self, batch: Sequence[SentenceInput]) -> list[list[Candidate]]:  # pragma: no cover
        """Candidates for each sentence of ``batch``."""
        ...
