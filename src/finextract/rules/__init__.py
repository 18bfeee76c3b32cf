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
from .partnership import partnership_rules
from .quote import quote_rules
from .role import role_rules

DEFAULT_RULES: tuple[Rule, ...] = (role_rules, partnership_rules, metric_rules, quote_rules)

__all__ = ["FactStage", "DEFAULT_RULES"]


@dataclass
class FactStage:
    """Document → Document: fills ``facts``."""

    rules: Sequence[Rule] = field(default_factory=lambda: DEFAULT_RULES)
    name: str = "facts"
    requires: frozenset[str] = frozenset({"sentences", "tokens", "entities", "figures", "periods"})
    provides: frozenset[str] = frozenset({"facts"})

    def __call__(self, doc: Document) -> Document:
        """Run every rule over every sentence of ``doc``."""
        best: dict[tuple, Fact] = {}
        for view in sentence_views(doc):
            for rule in self.rules:
                for fact_type, rule_id, confidence, args in rule(view):
                    fact = build_fact(doc, view, fact_type, rule_id, confidence, args)
                    key = (fact_type, args.model_dump_json())
                    if key not in best or best[key].confidence < fact.confidence:
                        best[key] = fact
        facts = sorted(best.values(), key=lambda f: (f.evidence.start, f.type, f.id))
        return doc.model_copy(update={"facts": facts})
