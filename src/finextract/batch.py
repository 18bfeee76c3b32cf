"""Batch extraction as a library function (the CLI's ``extract`` command calls this)."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import IO, Any, Iterator, Literal, Sequence

from .errors import FinextractError
from .inputs import InputDoc, InputProblem, iter_inputs
from .outputs.jsonl import document_record, entity_records, error_record, fact_records, write_jsonl
from .pipeline import Pipeline

Emit = Literal["facts", "entities", "documents"]


@dataclass
class BatchSummary:
    """Counts of a batch run: every input is either succeeded or failed."""

    read: int = 0
    succeeded: int = 0
    failed: int = 0
    records: int = 0
    failures: list[dict[str, Any]] = field(default_factory=list)

    def line(self) -> str:
        """One-line summary for stderr."""
        return f"finextract: {self.read} documents read, {self.succeeded} succeeded, {self.failed} failed, {self.records} records written"


def _records(pipeline: Pipeline, item: InputDoc, emit: Emit) -> list[dict[str, Any]]:
    doc = pipeline(item.text, doc_id=item.doc_id)
    if emit == "facts":
        return list(fact_records(doc))
    if emit == "entities":
        return list(entity_records(doc))
    return [document_record(doc)]


def extract_records(
    paths: Sequence[str],
    *,
    pipeline: Pipeline | None = None,
    emit: Emit = "facts",
    stdin: IO[bytes] | None = None,
    input_format: str = "auto",
    summary: BatchSummary | None = None,
) -> Iterator[dict[str, Any]]:
    """Records for every input, with an error record wherever a document fails."""
    pipeline = pipeline or Pipeline()
    summary = summary if summary is not None else BatchSummary()
    for item in iter_inputs(paths, stdin=stdin, input_format=input_format):
        summary.read += 1
        if isinstance(item, InputProblem):
            record = error_record(item.doc_id, item.error, item.path, item.line)
        else:
            try:
                records = _records(pipeline, item, emit)
            except (FinextractError, ValueError, RecursionError, MemoryError) as exc:
                record = error_record(item.doc_id, exc, item.path, item.line)
            else:
                summary.succeeded += 1
                summary.records += len(records)
                yield from records
                continue
        summary.failed += 1
        summary.failures.append(record)
        yield record


def extract_files(
    paths: Sequence[str],
    out: IO[str],
    *,
    pipeline: Pipeline | None = None,
    emit: Emit = "facts",
    errors_out: IO[str] | None = None,
    stdin: IO[bytes] | None = None,
    input_format: str = "auto",
) -> BatchSummary:
    """Write JSONL records for ``paths`` to ``out``; error records go to ``errors_out`` or ``out``."""
    summary = BatchSummary()
    for record in extract_records(paths, pipeline=pipeline, emit=emit, stdin=stdin, input_format=input_format, summary=summary):
        target = errors_out if ("error" in record and errors_out is not None) else out
        write_jsonl([record], target)
    return summary


def default_stdin() -> IO[bytes]:
    """The process's standard input as bytes."""
    return sys.stdin.buffer
