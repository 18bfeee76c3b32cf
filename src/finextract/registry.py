"""Named, lazily imported components: stages and NER backends.

The tables are constants; nothing is registered at run time by mutating them.
Third-party NER backends can be added through the ``finextract.ner_backends``
entry-point group, which is read when a name is not found here.
"""

from __future__ import annotations

import importlib
from importlib.metadata import entry_points
from typing import Any

from .errors import BackendNotFoundError

STAGES: dict[str, str] = {
    "normalize": "finextract.normalize:NormalizeStage",
    "sentences": "finextract.sentences:SentenceStage",
    "segment": "finextract.segment:SegmentStage",
    "ner": "finextract.ner:NerStage",
    "figures": "finextract.figures:FigureStage",
    "link": "finextract.link:LinkStage",
    "facts": "finextract.rules:FactStage",
}
"""Stage name → ``module:factory``."""

DEFAULT_STAGES: tuple[str, ...] = ("normalize", "sentences", "segment", "ner", "figures", "link", "facts")

NER_BACKENDS: dict[str, str] = {
    "rules": "finextract.ner.rules:RuleBackend",
    "model": "finextract.ner.model:ModelBackend",
    "hanlp": "finextract.ner.hanlp:HanlpBackend",
}
"""NER backend name → ``module:factory``.  Gazetteer and patterns are layered on top of every backend."""

NER_ENTRY_POINT_GROUP = "finextract.ner_backends"


def load_object(spec: str) -> Any:
    """Import ``module:attribute``."""
    module_name, _, attr = spec.partition(":")
    return getattr(importlib.import_module(module_name), attr)


def stage_factory(name: str) -> Any:
    """The factory of a named stage."""
    try:
        return load_object(STAGES[name])
    except KeyError:
        raise BackendNotFoundError(f"unknown stage {name!r}; choose one of {sorted(STAGES)}") from None


def ner_backend_factory(name: str) -> Any:
    """The factory of a named NER backend (built-in or from an entry point)."""
    if name in NER_BACKENDS:
        return load_object(NER_BACKENDS[name])
    for ep in entry_points(group=NER_ENTRY_POINT_GROUP):
        if ep.name == name:
            return ep.load()
    known = sorted(NER_BACKENDS) + sorted(ep.name for ep in entry_points(group=NER_ENTRY_POINT_GROUP))
    raise BackendNotFoundError(f"unknown NER backend {name!r}; choose one of {known}")
