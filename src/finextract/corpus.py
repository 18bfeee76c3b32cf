"""A corpus of processed documents, sliced as flat tables for notebooks.

>>> corpus = Corpus.from_paths("corpora/samples")            # doctest: +SKIP
>>> facts = corpus.facts_frame()                              # doctest: +SKIP
>>> facts[(facts.currency == "CNY") & (facts.value > 1e9)]    # doctest: +SKIP

Tables are flat: one row per fact argument (:meth:`Corpus.facts_frame`), per
entity (:meth:`Corpus.entities_frame`) or per figure
(:meth:`Corpus.figures_frame`).  Columns are typed the same way in every
table: figures' ``value``/``low``/``high`` and ``confidence`` are ``float64``
(missing is NaN), offsets are ``int64``, and every text column uses pandas'
``string`` dtype (missing is ``pd.NA``).

pandas and pyarrow are optional (the ``notebook`` extra) and imported only
when a table is asked for; ``import finextract`` never imports them.
"""

from __future__ import annotations

import importlib
from html import escape
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Literal, Sequence

import numpy as np

from .document import Document
from .errors import ConfigError
from .facts import Fact
from .spans import Entity, Figure, Period, Span, TextSpan

if TYPE_CHECKING:  # pragma: no cover
    from .inputs import InputProblem
    from .pipeline import Pipeline

Table = Literal["facts", "entities", "figures"]
"""Which flat table: one row per fact argument, per entity or per figure."""

ColumnKind = Literal["str", "int", "float"]

_FIGURE_COLUMNS: tuple[tuple[str, ColumnKind], ...] = (
    ("kind", "str"),
    ("value", "float"),
    ("low", "float"),
    ("high", "float"),
    ("qualifier", "str"),
    ("unit", "str"),
    ("currency", "str"),
    ("counted", "str"),
    ("decimal", "str"),
)

FACT_COLUMNS: tuple[tuple[str, ColumnKind], ...] = (
    ("doc_id", "str"),
    ("fact_id", "str"),
    ("type", "str"),
    ("rule", "str"),
    ("confidence", "float"),
    ("modality", "str"),
    ("attributed_to", "str"),
    ("direction", "str"),
    ("details", "str"),
    ("role", "str"),
    ("position", "int"),
    ("arg_type", "str"),
    ("text", "str"),
    ("start", "int"),
    ("end", "int"),
    ("label", "str"),
    ("canonical", "str"),
    ("entity_id", "str"),
    *_FIGURE_COLUMNS,
    ("evidence_index", "int"),
    ("evidence_start", "int"),
    ("evidence_end", "int"),
    ("evidence", "str"),
)
"""Columns of :meth:`Corpus.facts_frame`, in order, with their kinds.

``role`` is the argument's name (``person``, ``org``, ``parties`` …) and
``position`` its place in a list argument (``parties``), else 0.  ``arg_type``
is ``entity``, ``figure``, ``period`` or ``text``.  ``canonical`` is an
entity's canonical name, a text argument's normalized (Simplified) form, or a
period's ISO value; ``kind`` is the figure's or period's kind.  ``direction``
(``up``/``down``) belongs to the whole metric fact and repeats on its rows;
``details`` lists every argument that is not a span (``direction=up``) as
``name=value`` pairs joined by ``; ``.  ``modality`` and ``attributed_to`` (the
canonical name of the source the sentence credits) are fact-level and repeat
too; they are missing for records that do not carry them."""

ENTITY_COLUMNS: tuple[tuple[str, ColumnKind], ...] = (
    ("doc_id", "str"),
    ("text", "str"),
    ("start", "int"),
    ("end", "int"),
    ("label", "str"),
    ("canonical", "str"),
    ("entity_id", "str"),
    ("source", "str"),
)
"""Columns of :meth:`Corpus.entities_frame`, in order, with their kinds."""

FIGURE_COLUMNS: tuple[tuple[str, ColumnKind], ...] = (
    ("doc_id", "str"),
    ("text", "str"),
    ("start", "int"),
    ("end", "int"),
    *_FIGURE_COLUMNS,
    ("rule", "str"),
)
"""Columns of :meth:`Corpus.figures_frame`, in order, with their kinds."""

_COLUMNS: dict[str, tuple[tuple[str, ColumnKind], ...]] = {
    "facts": FACT_COLUMNS,
    "entities": ENTITY_COLUMNS,
    "figures": FIGURE_COLUMNS,
}

NOTEBOOK_EXTRA = "pip install 'finextract[notebook]'"


class MissingExtraError(ConfigError, ImportError):
    """An optional dependency (pandas, pyarrow) is needed but not installed."""


def require(module: str, purpose: str) -> ModuleType:
    """Import ``module`` or raise :class:`MissingExtraError` naming the extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(f"{purpose} needs {module}, which is not installed; run: {NOTEBOOK_EXTRA}") from None


def _span_row(span: Span) -> dict[str, Any]:
    row: dict[str, Any] = {"arg_type": getattr(span, "type", "text"), "text": span.text, "start": span.start, "end": span.end}
    if isinstance(span, Entity):
        row.update(label=span.label, canonical=span.canonical, entity_id=span.id)
    elif isinstance(span, Figure):
        row.update({name: getattr(span, name) for name, _ in _FIGURE_COLUMNS})
    elif isinstance(span, Period):
        row.update(kind=span.kind, canonical=span.value)
    elif isinstance(span, TextSpan):
        row.update(canonical=span.normalized)
    return row


def _details(args: Any) -> str | None:
    pairs = [
        f"{name}={value}"
        for name in type(args).model_fields
        if (value := getattr(args, name)) is not None and not isinstance(value, (Span, list))
    ]
    return "; ".join(pairs) or None


def _fact_base(doc: Document, fact: Fact) -> dict[str, Any]:
    ev = fact.evidence
    source = getattr(fact, "attributed_to", None)
    return {
        "doc_id": fact.doc_id if fact.doc_id is not None else doc.doc_id,
        "fact_id": fact.id,
        "type": fact.type,
        "rule": fact.rule,
        "confidence": fact.confidence,
        "modality": getattr(fact, "modality", None),
        "attributed_to": source.canonical if isinstance(source, Entity) else None,
        "direction": getattr(fact.args, "direction", None),
        "details": _details(fact.args),
        "evidence_index": ev.index,
        "evidence_start": ev.start,
        "evidence_end": ev.end,
        "evidence": ev.text,
    }


def fact_rows(doc: Document) -> Iterator[dict[str, Any]]:
    """One plain dict per fact argument span (the rows of :meth:`Corpus.facts_frame`)."""
    for fact in doc.facts:
        base = _fact_base(doc, fact)
        for name in type(fact.args).model_fields:
            value = getattr(fact.args, name)
            items = value if isinstance(value, list) else [value]
            for position, item in enumerate(items):
                if isinstance(item, Span):
                    yield {**base, "role": name, "position": position, **_span_row(item)}


def entity_rows(doc: Document) -> Iterator[dict[str, Any]]:
    """One plain dict per entity (the rows of :meth:`Corpus.entities_frame`)."""
    for ent in doc.entities:
        yield {
            "doc_id": doc.doc_id,
            "text": ent.text,
            "start": ent.start,
            "end": ent.end,
            "label": ent.label,
            "canonical": ent.canonical,
            "entity_id": ent.id,
            "source": ent.source,
        }


def figure_rows(doc: Document) -> Iterator[dict[str, Any]]:
    """One plain dict per figure (the rows of :meth:`Corpus.figures_frame`)."""
    for fig in doc.figures:
        yield {"doc_id": doc.doc_id, **_span_row(fig), "rule": fig.rule}


_ROWS = {"facts": fact_rows, "entities": entity_rows, "figures": figure_rows}


def _columns(table: str) -> tuple[tuple[str, ColumnKind], ...]:
    if table not in _COLUMNS:
        raise ConfigError(f"unknown table {table!r}; choose one of {', '.join(_COLUMNS)}")
    return _COLUMNS[table]


def _pandas_column(pd: ModuleType, values: list[Any], kind: ColumnKind) -> Any:
    if kind == "float":
        return np.array([np.nan if v is None else v for v in values], dtype=np.float64)
    if kind == "int":
        return np.array(values, dtype=np.int64)
    return pd.array(values, dtype=pd.StringDtype())


def _arrow_type(pa: ModuleType, kind: ColumnKind) -> Any:
    return {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}[kind]


class Corpus:
    """Processed documents, viewable as flat pandas or Arrow tables.

    Build one from documents (``Corpus(docs)``, including
    ``Corpus(pipeline.pipe(texts))``), from texts (:meth:`from_texts`) or from
    files and directories (:meth:`from_paths`).  Inputs that could not be read
    are kept in :attr:`problems`, never dropped silently.
    """

    def __init__(self, docs: Iterable[Document] = (), problems: Iterable["InputProblem"] = ()) -> None:
        self.docs: list[Document] = list(docs)
        self.problems: list[InputProblem] = list(problems)
        for doc in self.docs:
            if not isinstance(doc, Document):
                raise ConfigError(f"Corpus takes Document objects, got {type(doc).__name__}; run a Pipeline over texts first")

    @classmethod
    def from_texts(cls, texts: Iterable[str | tuple[str, str]], pipeline: "Pipeline | None" = None) -> "Corpus":
        """Extract every text (or ``(doc_id, text)`` pair) with ``pipeline`` (default pipeline if None)."""
        return cls(_pipeline(pipeline).pipe(texts))

    @classmethod
    def from_paths(cls, paths: str | Path | Sequence[str | Path], pipeline: "Pipeline | None" = None) -> "Corpus":
        """Extract text files, directories (recursively) and JSON Lines files, like ``finextract extract``."""
        from .inputs import InputDoc, InputProblem, iter_inputs

        names = [str(paths)] if isinstance(paths, (str, Path)) else [str(p) for p in paths]
        nlp = _pipeline(pipeline)
        docs: list[Document] = []
        problems: list[InputProblem] = []
        for item in iter_inputs(names, stdin=None):
            if isinstance(item, InputDoc):
                docs.append(nlp(item.text, doc_id=item.doc_id))
            else:
                problems.append(item)
        return cls(docs, problems)

    def __len__(self) -> int:
        return len(self.docs)

    def __iter__(self) -> Iterator[Document]:
        return iter(self.docs)

    def __getitem__(self, key: int | str) -> Document:
        """A document by position or by ``doc_id``."""
        if isinstance(key, str):
            for doc in self.docs:
                if doc.doc_id == key:
                    return doc
            raise KeyError(f"no document with doc_id {key!r}; see Corpus.doc_ids")
        return self.docs[key]

    @property
    def doc_ids(self) -> list[str | None]:
        """Document ids in order."""
        return [doc.doc_id for doc in self.docs]

    def rows(self, table: Table = "facts") -> list[dict[str, Any]]:
        """The rows of ``table`` as plain dicts (no pandas needed)."""
        _columns(table)
        make = _ROWS[table]
        return [row for doc in self.docs for row in make(doc)]

    def to_pandas(self, table: Table = "facts") -> Any:
        """``table`` as a pandas DataFrame with typed columns (needs the ``notebook`` extra)."""
        columns = _columns(table)
        pd = require("pandas", "Corpus.to_pandas")
        rows = self.rows(table)
        data = {name: _pandas_column(pd, [r.get(name) for r in rows], kind) for name, kind in columns}
        return pd.DataFrame(data, columns=[name for name, _ in columns])

    def facts_frame(self) -> Any:
        """One row per fact argument (see :data:`FACT_COLUMNS`)."""
        return self.to_pandas("facts")

    def entities_frame(self) -> Any:
        """One row per entity (see :data:`ENTITY_COLUMNS`)."""
        return self.to_pandas("entities")

    def figures_frame(self) -> Any:
        """One row per figure (see :data:`FIGURE_COLUMNS`)."""
        return self.to_pandas("figures")

    def to_arrow(self, table: Table = "facts") -> Any:
        """``table`` as a ``pyarrow.Table`` with the same columns and types (needs pyarrow)."""
        columns = _columns(table)
        pa = require("pyarrow", "Corpus.to_arrow")
        rows = self.rows(table)
        schema = pa.schema([(name, _arrow_type(pa, kind)) for name, kind in columns])
        arrays = [pa.array([r.get(name) for r in rows], type=_arrow_type(pa, kind)) for name, kind in columns]
        return pa.Table.from_arrays(arrays, schema=schema)

    def __repr__(self) -> str:
        facts = sum(len(d.facts) for d in self.docs)
        return f"Corpus({len(self.docs)} documents, {facts} facts, {len(self.problems)} problems)"

    def _repr_html_(self) -> str:
        head = "<tr><th>doc_id</th><th>script</th><th>chars</th><th>entities</th><th>figures</th><th>facts</th></tr>"
        rows = "".join(
            f"<tr><td>{escape(str(d.doc_id))}</td><td>{escape(str(d.meta.get('script', '')))}</td><td>{len(d.text)}</td>"
            f"<td>{len(d.entities)}</td><td>{len(d.figures)}</td><td>{len(d.facts)}</td></tr>"
            for d in self.docs
        )
        problems = "".join(f"<li>{escape(str(p.doc_id))}: {escape(str(p.error))}</li>" for p in self.problems)
        tail = f"<p>{len(self.problems)} inputs could not be read:</p><ul>{problems}</ul>" if self.problems else ""
        return f"<div><p>{escape(repr(self))}</p><table>{head}{rows}</table>{tail}</div>"


def _pipeline(pipeline: "Pipeline | None") -> "Pipeline":
    if pipeline is not None:
        return pipeline
    from . import default_pipeline

    return default_pipeline()
