"""The ``rules`` NER backend: entity hints from jieba's part-of-speech tags.

jieba tags person names ``nr``, places ``ns`` and organizations ``nt``.  The
hints are weak (priority 1), so gazetteer and pattern matches override them.
jieba tags many common words ``nr`` (明白, 段子), so a person hint must be
three characters starting with a known surname; two-character names are left
to the title and speaker patterns, which see their context.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

from ..han import is_han
from ..lexicons import load_surnames
from .base import Candidate, SentenceInput

_POS_LABELS = {"nr": "PERSON", "ns": "LOC", "nt": "ORG"}


def person_shaped(word: str, surnames: frozenset[str]) -> bool:
    """A 2–3 character Han word that starts with a surname."""
    if not 2 <= len(word) <= 3 or not is_han(word):
        return False
    return word[0] in surnames or word[:2] in surnames


@dataclass
class RuleBackend:
    """POS-hint backend (no model).  ``RuleBackend.from_options`` ignores ``ner_model``."""

    surnames: frozenset[str] = field(default_factory=load_surnames)
    name: str = "rules"

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> "RuleBackend":
        """Build from pipeline options."""
        return cls()

    def predict(self, batch: Sequence[SentenceInput]) -> list[list[Candidate]]:
        """POS-tag candidates for each sentence."""
        return [self._one(sent) for sent in batch]

    def _one(self, sent: SentenceInput) -> list[Candidate]:
        out = []
        for start, end, pos in sent.tokens:
            label = _POS_LABELS.get(pos)
            if label is None:
                continue
            word = sent.text[start:end]
            if label == "PERSON" and (len(word) != 3 or not person_shaped(word, self.surnames)):
                continue
            if len(word) < 2:
                continue
            out.append(Candidate(start, end, label, source=f"pos:{pos}", priority=1, score=0.5))
        return out
