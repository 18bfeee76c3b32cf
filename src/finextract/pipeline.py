"""The pipeline: named stages, each ``Document -> Document``, checked when built."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any, Iterable, Iterator, Protocol, Sequence, runtime_checkable

from .document import Document
from .errors import ConfigError, InputError, PipelineError
from .registry import DEFAULT_STAGES, stage_factory

_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


@runtime_checkable
class Stage(Protocol):
    """One step of the pipeline."""

    name: str
    requires: frozenset[str]
    provides: frozenset[str]

    def __call__(self, doc: Document) -> Document:  # pragma: no cover - protocol
        """Return a new document with this stage's annotations."""
        ...


def check_stages(stages: Sequence[Stage]) -> None:
    """Raise :class:`PipelineError` when a stage needs what no earlier stage provides."""
    provided: set[str] = set()
    for stage in stages:
        missing = set(stage.requires) - provided
        if missing:
            raise PipelineError(
                f"stage {stage.name!r} needs {sorted(missing)}, which no earlier stage provides; "
                f"add the stages that provide them before it (default order: {', '.join(DEFAULT_STAGES)})"
            )
        provided |= set(stage.provides)


def validate_text(text: object) -> str:
    """Return ``text`` if it can be processed, else raise :class:`InputError`."""
    if not isinstance(text, str):
        raise InputError(f"expected text as str, got {type(text).__name__}; decode bytes first (UTF-8)")
    bad = _LONE_SURROGATE.search(text)
    if bad is not None:
        raise InputError(
            f"text contains a lone surrogate {bad.group()!r} at index {bad.start()}; "
            "it is not valid Unicode text — decode the source with errors='replace' or fix the file"
        )
    return text


def default_doc_id(text: str) -> str:
    """A deterministic document id from the text (``doc-`` + 12 hex digits)."""
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=6).hexdigest()
    return f"doc-{digest}"


class Pipeline:
    """A configured extractor.

    >>> nlp = Pipeline()                       # doctest: +SKIP
    >>> doc = nlp("工商銀行董事長易會滿表示……")   # doctest: +SKIP

    ``stages`` lists stage names or stage objects (default: all stages).
    ``ner`` names the NER backend (``"model"``, the built-in neural tagger, by default; ``"rules"``: POS hints); ``ner_model`` is
    passed to backends that load a model; ``ner_guideline`` makes the neural
    tagger label as one of its training corpora's annotators did
    (``"msra_train"``, ``"cluener"``, ``"resume"``; default: a blend of them,
    see :mod:`finextract.ner.neural`); ``user_dicts`` adds jieba user
    dictionaries; ``gazetteers`` adds gazetteer JSON files; ``tagger`` is
    ``"fast"`` (dictionary tags) or ``"hmm"`` (jieba.posseg, slower);
    facts below ``min_confidence`` are dropped.  ``relation_model`` scores the
    organization pairs the trigger rules left unlinked (``True`` or
    ``"default"``: the shipped FinRE model; a model directory; ``False``: rules
    only; on by default); see :mod:`finextract.rules.relation_model`.
    """

    def __init__(
        self,
        stages: Sequence[str | Stage] | None = None,
        *,
        ner: str = "model",
        ner_model: str | Path | None = None,
        ner_guideline: str | None = None,
        user_dicts: Sequence[str | Path] = (),
        gazetteers: Sequence[str | Path] = (),
        tagger: str = "fast",
        min_confidence: float = 0.0,
        relation_model: Any = True,
    ) -> None:
        if not 0.0 <= min_confidence <= 1.0:
            raise ConfigError(f"min_confidence must be between 0 and 1, got {min_confidence}")
        self.options: dict[str, Any] = {
            "tagger": tagger,
            "min_confidence": min_confidence,
            "ner": ner,
            "ner_model": ner_model,
            "ner_guideline": ner_guideline,
            "user_dicts": tuple(user_dicts),
            "gazetteers": tuple(gazetteers),
            "relation_model": relation_model,
        }
        self.stages: list[Stage] = [self._build(s) for s in (stages or DEFAULT_STAGES)]
        check_stages(self.stages)

    def _build(self, stage: str | Stage) -> Stage:
        if not isinstance(stage, str):
            if not isinstance(stage, Stage):
                raise ConfigError(f"{stage!r} is not a stage: it needs name, requires, provides and __call__")
            return stage
        factory = stage_factory(stage)
        builder = getattr(factory, "from_options", None)
        return builder(self.options) if builder is not None else factory()

    @property
    def stage_names(self) -> list[str]:
        """Names of the stages in order."""
        return [s.name for s in self.stages]

    def __call__(self, text: str, doc_id: str | None = None) -> Document:
        """Run every stage on ``text``."""
        text = validate_text(text)
        doc = Document(text=text, doc_id=doc_id if doc_id is not None else default_doc_id(text))
        for stage in self.stages:
            doc = stage(doc)
        return doc

    def pipe(self, texts: Iterable[str | tuple[str, str]]) -> Iterator[Document]:
        """Process many texts; items are texts or ``(doc_id, text)`` pairs."""
        for item in texts:
            if isinstance(item, tuple):
                doc_id, text = item
                yield self(text, doc_id=doc_id)
            else:
                yield self(item)

    def __repr__(self) -> str:
        return f"Pipeline(stages={self.stage_names}, ner={self.options['ner']!r})"
