"""Stage 7 — facts: named rules over entities, figures and tokens, sentence by sentence.

Each rule module documents its rules with examples; every fact carries the
id of the rule that produced it.  Duplicate facts (same type and arguments)
keep the one with the highest confidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Sequence

from ..document import Document
from ..errors import ConfigError
from ..facts import Fact
from .base import Rule, build_fact, sentence_views
from .metric import metric_rules
from .modality import ModalityReader
from .partnership import partnership_rules
from .quote import quote_rules
from .relation_model import ModelRelations
from .relations import RelationLexicon, relation_rules
from .role import role_rules

DEFAULT_RULES: tuple[Rule, ...] = (role_rules, metric_rules, quote_rules)
"""Rules that need no lexicon; the partnership and relation rules are added with their lexicon."""

__all__ = ["FactStage", "DEFAULT_RULES", "default_rules", "relation_scorer"]


def default_rules(lex: RelationLexicon) -> tuple[Rule, ...]:
    """Every built-in rule, the partnership and relation rules bound to ``lex``."""
    partnership = partial(partnership_rules, lex=lex)
    return (role_rules, partnership, metric_rules, quote_rules, relation_rules(lex))


@dataclass
class FactStage:
    """Document → Document: fills ``facts`` (those with ``confidence >= min_confidence``)."""

    @classmethod
    def from_options(cls, options: dict) -> "FactStage":  # type: ignore[type-arg]
        """Build from pipeline options (``min_confidence``; ``relation_model``: see :func:`relation_scorer`)."""
        lexicon = RelationLexicon.load()
        scorer = relation_scorer(options.get("relation_model"), lexicon)
        return cls(lexicon=lexicon, min_confidence=float(options.get("min_confidence", 0.0)), relation_model=scorer)

    lexicon: RelationLexicon = field(default_factory=RelationLexicon.load)
    rules: Sequence[Rule] | None = None
    min_confidence: float = 0.0
    relation_model: ModelRelations | None = None
    """Scores the pairs the trigger rules left unlinked (``<type>.model`` facts); ``None``: rules only."""
    name: str = "facts"
    requires: frozenset[str] = frozenset({"sentences", "tokens", "entities", "figures", "periods"})
    provides: frozenset[str] = frozenset({"facts"})

    def __call__(self, doc: Document) -> Document:
        """Run every rule over every sentence of ``doc``."""
        best: dict[tuple, Fact] = {}
        rules = self.rules if self.rules is not None else default_rules(self.lexicon)
        reader = ModalityReader(self.lexicon)
        for view in sentence_views(doc):
            produced = [item for rule in rules for item in rule(view)]
            if self.relation_model is not None:
                produced += list(self.relation_model(view, produced))
            for fact_type, rule_id, confidence, args in produced:
                if confidence < self.min_confidence or _held_public_body(fact_type, args, self.lexicon) or _regulator_holds(fact_type, args, self.lexicon):
                    continue
                modality, source = reader.read(view, fact_type, args)
                fact = build_fact(doc, view, fact_type, rule_id, confidence, args, modality, source)
                key = (fact_type, args.model_dump_json())
                if key not in best or best[key].confidence < fact.confidence:
                    best[key] = fact
        facts = sorted(best.values(), key=lambda f: (f.evidence.start, f.type, f.id))
        return doc.model_copy(update={"facts": facts})


def _held_public_body(fact_type: str, args: object, lexicon: RelationLexicon) -> bool:
    """An ownership or acquisition whose held side is a regulator or government (公司旗下…已获中国证监会注册: no holding)."""
    return _side_ends_with(fact_type, args, ("held", "target"), lexicon.public_bodies)


def _regulator_holds(fact_type: str, args: object, lexicon: RelationLexicon) -> bool:
    """An ownership or acquisition whose holder or buyer is a supervisor (金融监管总局批复同意…受让…: it approves)."""
    return _side_ends_with(fact_type, args, ("holder", "acquirer"), lexicon.regulators)


def _side_ends_with(fact_type: str, args: object, sides: tuple[str, str], endings: tuple[str, ...]) -> bool:
    """Whether the ownership's ``sides[0]`` or the acquisition's ``sides[1]`` argument has a name ending in ``endings``."""
    side = {"ownership": sides[0], "acquisition": sides[1]}.get(fact_type)
    entity = getattr(args, side, None) if side else None
    name = getattr(entity, "canonical", None) or getattr(entity, "text", None)
    return bool(name) and bool(endings) and str(name).endswith(endings)


def relation_scorer(option: object, lexicon: RelationLexicon) -> ModelRelations | None:
    """The relation scorer a pipeline option asks for.

    ``None``/``False``/``"off"``: none; ``True``/``"default"``: the shipped
    model (``finextract/models/finextract-rel``); a path or a shipped model's
    name: that model; a :class:`ModelRelations`: itself.
    """
    if option is None or option is False or option == "off":
        return None
    if isinstance(option, ModelRelations):
        return option
    if option is True or option == "default":
        return ModelRelations.load(None, lexicon)
    if isinstance(option, (str, Path)):
        return ModelRelations.load(option, lexicon)
    raise ConfigError(f"relation_model must be True, False, 'default', 'off', a model directory or a ModelRelations, got {option!r}")
