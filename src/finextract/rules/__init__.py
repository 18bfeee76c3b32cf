"""Stage 7 — facts: named rules over entities, figures and tokens, sentence by sentence.

Each rule module documents its rules with examples; every fact carries the
id of the rule that produced it.  Duplicate facts (same type and arguments)
keep the one with the highest confidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from ..document import Document
from ..facts import Fact
from .base import Rule, build_fact, sentence_views
from .metric import metric_rules
from .modality import ModalityReader
from .partnership import partnership_rules
from .quote import quote_rules
from .relations import RelationLexicon, relation_rules
from .role import role_rules

DEFAULT_RULES: tuple[Rule, ...] = (role_rules, partnership_rules, metric_rules, quote_rules)
"""Rules that need no lexicon; the relation rules are added with their lexicon."""

__all__ = ["FactStage", "DEFAULT_RULES", "default_rules"]


def default_rules(lex: RelationLexicon) -> tuple[Rule, ...]:
    """Every built-in rule, the relation rules bound to ``lex``."""
    return (*DEFAULT_RULES, relation_rules(lex))


@dataclass
class FactStage:
    """Document → Document: fills ``facts`` (those with ``confidence >= min_confidence``)."""

    @classmethod
    def from_options(cls, options: dict) -> "FactStage":  # type: ignore[type-arg]
        """Build from pipeline options (``min_confidence``)."""
        return cls(min_confidence=float(options.get("min_confidence", 0.0)))

    lexicon: RelationLexicon = field(default_factory=RelationLexicon.load)
    rules: Sequence[Rule] | None = None
    min_confidence: float = 0.0
    name: str = "facts"
    requires: frozenset[str] = frozenset({"sentences", "tokens", "entities", "figures", "periods"})
    provides: frozenset[str] = frozenset({"facts"})

    def __call__(self, doc: Document) -> Document:
        """Run every rule over every sentence of ``doc``."""
        best: dict[tuple, Fact] = {}
        rules = self.rules if self.rules is not None else default_rules(self.lexicon)
        reader = ModalityReader(self.lexicon)
        for view in sentence_views(doc):
            for rule in rules:
                for fact_type, rule_id, confidence, args in rule(view):
                    if confidence < self.min_confidence:
                        continue
                    modality, source = reader.read(view, fact_type, args)
                    fact = build_fact(doc, view, fact_type, rule_id, confidence, args, modality, source)
                    key = (fact_type, args.model_dump_json())
                    if key not in best or best[key].confidence < fact.confidence:
                        best[key] = fact
        facts = sorted(best.values(), key=lambda f: (f.evidence.start, f.type, f.id))
        return doc.model_copy(update={"facts": facts})
