"""Stage 7 — facts: named rules over entities, figures and tokens, sentence by sentence.

Each rule module documents its rules with examples; every fact carries the
id of the rule that produced it.  Facts of one sentence that say the same
thing (same type, same arguments, entities compared by canonical name) are
kept once: the most confident, then the one whose arguments lie closest
together.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Sequence

from ..document import Document
from ..errors import ConfigError
from ..facts import Fact
from ..spans import Span
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
    return (partial(role_rules, regulators=lex.regulators), partnership, partial(metric_rules, regulators=lex.regulators), quote_rules, relation_rules(lex))


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
                key = (fact.evidence.start, fact_type, _reading(args.model_dump()))
                if key not in best or _preferred(fact, best[key]):
                    best[key] = fact
        facts = sorted(best.values(), key=lambda f: (f.evidence.start, f.type, f.id))
        return doc.model_copy(update={"facts": facts})


def _reading(value: Any) -> Any:
    """What a fact says, hashable: each entity argument by its canonical name, not by which mention
    names it (华拓地产股份有限公司, its short form 华拓地产 and 公司 before 控股股东 are one reading)."""
    if isinstance(value, dict):
        if value.get("type") == "entity":
            return ("entity", value["label"], value["canonical"])
        return tuple(sorted((k, _reading(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(_reading(v) for v in value)
    return value


def _preferred(fact: Fact, other: Fact) -> bool:
    """The more confident of two facts with one reading; at equal confidence, the one whose arguments lie
    closer together (the mention nearest the trigger)."""
    if fact.confidence != other.confidence:
        return fact.confidence > other.confidence
    return _spread(fact.args) < _spread(other.args)


def _spread(args: Any) -> int:
    """Characters from the first to the last argument span of ``args``."""
    spans = [v for v in args.__dict__.values() if isinstance(v, Span)]
    spans += [p for v in args.__dict__.values() if isinstance(v, list) for p in v if isinstance(p, Span)]
    return max(s.end for s in spans) - min(s.start for s in spans) if spans else 0


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
