"""JSON Lines records: one fact, entity or document per line.

Every record carries ``doc_id``.  Error records have the shape
``{"doc_id", "error": {"type", "message"}, "source": {"path", "line"}}`` so a
batch run accounts for every input.
"""

from __future__ import annotations

import json
from typing import IO, Any, Iterable, Iterator

from ..document import Document


def fact_records(doc: Document) -> Iterator[dict[str, Any]]:
    """One JSON-ready dict per fact (``doc_id`` included)."""
    for fact in doc.facts:
        record = fact.model_dump(mode="json")
        yield {"type": record.pop("type"), **record}


def entity_records(doc: Document) -> Iterator[dict[str, Any]]:
    """One JSON-ready dict per entity, with ``doc_id``."""
    for ent in doc.entities:
        yield {"doc_id": doc.doc_id, **ent.model_dump(mode="json")}


def document_record(doc: Document) -> dict[str, Any]:
    """The whole document as a JSON-ready dict."""
    return doc.model_dump(mode="json")


def error_record(doc_id: str | None, exc: BaseException, path: str | None = None, line: int | None = None) -> dict[str, Any]:
    """A record standing in for a document that could not be processed."""
    return {
        "doc_id": doc_id,
        "error": {"type": type(exc).__name__, "message": str(exc)},
        "source": {"path": path, "line": line},
    }


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write records as JSON Lines (UTF-8, no ASCII escaping); return the count."""
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
        out.write("\n")
        count += 1
    return count
