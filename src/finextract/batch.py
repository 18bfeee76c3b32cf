"""Batch extraction as library functions (the CLI's ``extract`` command calls these).

Every input yields exactly one *outcome*: its records, or one error record
(``{"doc_id", "error": {"type", "message"}, "source": {"path", "line"}}``).
Outcomes come out in input order whatever the number of worker processes,
so the same input always gives byte-identical output.

* :func:`extract_records` — records as a generator (one process or a pool).
* :func:`extract_files` — records written to an open stream.
* :func:`extract_to_path` — records written to a file, with a completion
  sidecar (``FILE.done``) so an interrupted run can be resumed.

Documents longer than ``max_chars`` are processed in chunks cut at line or
sentence ends; every offset is shifted back into the whole document.
"""

from __future__ import annotations

import io
import json
import multiprocessing
import sys
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, Literal, Sequence

from pydantic import BaseModel

from .document import Document
from .errors import ConfigError, InputError, PipelineError
from .facts import fact_id
from .inputs import InputDoc, InputProblem, Item, input_size, iter_inputs
from .outputs.jsonl import document_record, entity_records, error_record, fact_records, write_jsonl
from .pipeline import Pipeline
from .registry import stage_factory
from .spans import Sentence, Span

Emit = Literal["facts", "entities", "documents"]

MAX_CHARS = 100_000
"""Documents longer than this many characters are processed in chunks."""

BATCH_DOCS = 32
BATCH_CHARS = 200_000
MAX_FAILURES_KEPT = 1000


@dataclass
class BatchSummary:
    """Counts of a batch run: every input is either succeeded or failed.

    ``resumed`` counts documents completed by an earlier, interrupted run
    (they are included in ``read``/``succeeded``/``failed``).  ``failures``
    keeps the first 1000 error records of this run.
    """

    read: int = 0
    succeeded: int = 0
    failed: int = 0
    records: int = 0
    failures: list[dict[str, Any]] = field(default_factory=list)
    resumed: int = 0

    def line(self) -> str:
        """One-line summary for stderr."""
        text = f"finextract: {self.read} documents read, {self.succeeded} succeeded, {self.failed} failed, {self.records} records written"
        return text + (f" ({self.resumed} completed by an earlier run)" if self.resumed else "")

    def add(self, outcome: "Outcome") -> None:
        """Count one outcome."""
        self.read += 1
        if outcome.ok:
            self.succeeded += 1
            self.records += len(outcome.records)
            return
        self.failed += 1
        if len(self.failures) < MAX_FAILURES_KEPT:
            self.failures.extend(outcome.records)


@dataclass(frozen=True)
class Outcome:
    """What one input document gave: its records, or a single error record."""

    doc_id: str | None
    ok: bool
    records: list[dict[str, Any]]
    chars: int = 0
    size: int = 0


# --- chunking ----------------------------------------------------------------------

_ENDERS = "。！？!?；;"


def chunk_bounds(text: str, max_chars: int = MAX_CHARS) -> list[tuple[int, int]]:
    """``[start, end)`` pieces of at most ``max_chars``, cut after a line break or sentence end when possible."""
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > max_chars:
        limit = start + max_chars
        floor = start + max_chars // 2
        cut = text.rfind("\n", floor, limit) + 1
        if cut <= 0:
            cut = max(text.rfind(mark, floor, limit) for mark in _ENDERS) + 1
        if cut <= 0:
            cut = limit
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(text)))
    return bounds


def _shift(value: Any, offset: int, first_sentence: int) -> Any:
    if isinstance(value, Span):
        update: dict[str, int] = {"start": value.start + offset, "end": value.end + offset}
        if isinstance(value, Sentence):
            update["index"] = value.index + first_sentence
        return value.model_copy(update=update)
    if isinstance(value, list):
        return [_shift(v, offset, first_sentence) for v in value]
    if isinstance(value, BaseModel):
        return value.model_copy(update={name: _shift(getattr(value, name), offset, first_sentence) for name in type(value).model_fields})
    return value


def _shift_fact(fact: Any, offset: int, first_sentence: int, doc_id: str | None) -> Any:
    args = _shift(fact.args, offset, first_sentence)
    evidence = _shift(fact.evidence, offset, first_sentence)
    return fact.model_copy(update={"args": args, "evidence": evidence, "id": fact_id(doc_id, fact.type, fact.rule, args)})


def shift_document(doc: Document, text: str, offset: int, first_sentence: int) -> Document:
    """``doc`` (run on ``text[offset:…]``) with every span moved into the whole ``text``."""
    update: dict[str, Any] = {"text": text}
    for name in ("excluded", "sentences", "tokens", "entities", "figures", "periods"):
        update[name] = _shift(getattr(doc, name), offset, first_sentence)
    update["facts"] = [_shift_fact(f, offset, first_sentence, doc.doc_id) for f in doc.facts]
    shifted = doc.model_copy(update=update)
    shifted._work = None  # the chunk's working text does not match the whole text; rebuilt on demand
    return shifted


def iter_chunk_documents(pipeline: Pipeline, text: str, doc_id: str, max_chars: int = MAX_CHARS) -> Iterator[Document]:
    """Run ``pipeline`` chunk by chunk; each document's spans point into the whole ``text``.

    A document that fits in one chunk is processed whole, exactly as
    ``pipeline(text, doc_id)``.  Context that spans chunks (aliases, names
    propagated to later mentions) does not cross a chunk boundary.
    """
    bounds = chunk_bounds(text, max_chars)
    if len(bounds) == 1:
        yield pipeline(text, doc_id=doc_id)
        return
    sentences = 0
    for start, end in bounds:
        doc = shift_document(pipeline(text[start:end], doc_id=doc_id), text, start, sentences)
        sentences += len(doc.sentences)
        yield doc


def _merge(docs: Iterable[Document], n_chunks: int) -> Document:
    merged: Document | None = None
    for doc in docs:
        if merged is None:
            merged = doc
            continue
        update = {name: getattr(merged, name) + getattr(doc, name) for name in ("excluded", "sentences", "tokens", "entities", "figures", "periods", "facts")}
        merged = merged.model_copy(update=update)
    assert merged is not None
    if n_chunks > 1:
        merged = merged.model_copy(update={"meta": {**merged.meta, "chunks": n_chunks}})
    return merged


def document_records(pipeline: Pipeline, item: InputDoc, emit: Emit = "facts", max_chars: int = MAX_CHARS) -> list[dict[str, Any]]:
    """The records ``emit`` asks for from one input document (raises on failure)."""
    docs = iter_chunk_documents(pipeline, item.text, item.doc_id, max_chars)
    if emit == "documents":
        doc = _merge(docs, len(chunk_bounds(item.text, max_chars)))
        if item.meta:
            doc = doc.model_copy(update={"meta": {**doc.meta, "source": item.meta}})
        return [document_record(doc)]
    records: list[dict[str, Any]] = []
    for doc in docs:
        records.extend(fact_records(doc) if emit == "facts" else entity_records(doc))
    return records


def process_item(pipeline: Pipeline, item: Item, emit: Emit = "facts", max_chars: int = MAX_CHARS) -> Outcome:
    """One input's outcome; any exception becomes its error record."""
    if isinstance(item, InputProblem):
        return Outcome(item.doc_id, False, [error_record(item.doc_id, item.error, item.path, item.line)], 0, item.size)
    try:
        records = document_records(pipeline, item, emit, max_chars)
    except Exception as exc:  # one bad document must never end a run of millions
        return Outcome(item.doc_id, False, [error_record(item.doc_id, exc, item.path, item.line)], len(item.text), item.size)
    return Outcome(item.doc_id, True, records, len(item.text), item.size)


# --- worker processes -----------------------------------------------------------


class _WorkerState:
    """The pipeline of this worker process, built once by the pool initializer."""

    def __init__(self) -> None:
        self.pipeline: Pipeline | None = None


# A pool initializer can only hand its result to later tasks through the
# worker module itself; this is set once per worker process, never in the parent.
_WORKER = _WorkerState()


def pipeline_spec(pipeline: Pipeline | None) -> dict[str, Any]:
    """Keyword arguments that rebuild ``pipeline`` in another process."""
    if pipeline is None:
        return {}
    spec: dict[str, Any] = {"stages": pipeline.stage_names, **pipeline.options}
    for name in spec["stages"]:
        try:
            stage_factory(name)
        except ConfigError:
            raise ConfigError(
                f"stage {name!r} is not a registered stage, so worker processes cannot rebuild it; "
                "register it in finextract.registry or run with workers=1"
            ) from None
    return spec


def _init_worker(spec: dict[str, Any]) -> None:
    _WORKER.pipeline = Pipeline(**spec)


def _work_batch(items: list[Item], emit: Emit, max_chars: int) -> list[Outcome]:
    pipeline = _WORKER.pipeline
    assert pipeline is not None, "worker used before its initializer ran"
    return [process_item(pipeline, item, emit, max_chars) for item in items]


def _batches(items: Iterable[Item], max_docs: int = BATCH_DOCS, max_chars: int = BATCH_CHARS) -> Iterator[list[Item]]:
    batch: list[Item] = []
    chars = 0
    for item in items:
        batch.append(item)
        chars += len(item.text) if isinstance(item, InputDoc) else 0
        if len(batch) >= max_docs or chars >= max_chars:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _crash_outcome(item: Item) -> Outcome:
    exc = InputError("the worker process died while processing this document (out of memory or a crash); process it alone to investigate")
    return Outcome(item.doc_id, False, [error_record(item.doc_id, exc, item.path, item.line)], 0, item.size)


class _Pool:
    """A process pool that can be replaced when a worker dies."""

    def __init__(self, workers: int, spec: dict[str, Any], work: Callable[..., list[Outcome]], args: tuple[Any, ...]) -> None:
        self.workers, self.spec, self.work, self.args = workers, spec, work, args
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        ctx = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_init_worker, initargs=(self.spec,))

    def submit(self, batch: list[Item]) -> "Future[list[Outcome]]":
        """Queue one batch."""
        return self.executor.submit(self.work, batch, *self.args)

    def restart(self) -> None:
        """Replace a broken pool with a fresh one."""
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()

    def isolate(self, batch: list[Item]) -> Iterator[Outcome]:
        """Run a batch one document at a time; a document that kills its worker gets an error outcome."""
        crashes = 0
        for done, item in enumerate(batch, 1):
            try:
                outcomes = self.submit([item]).result()
            except BrokenProcessPool:
                crashes += 1
                if crashes >= 3 and crashes == done:
                    raise PipelineError("worker processes die on every document; run with workers=1 to see the error") from None
                self.restart()
                yield _crash_outcome(item)
                continue
            yield from outcomes

    def close(self) -> None:
        """Stop the workers."""
        self.executor.shutdown(wait=True, cancel_futures=True)


def parallel_outcomes(
    items: Iterable[Item],
    workers: int,
    spec: dict[str, Any],
    emit: Emit = "facts",
    max_chars: int = MAX_CHARS,
    work: Callable[..., list[Outcome]] = _work_batch,
) -> Iterator[Outcome]:
    """Outcomes from a pool of ``workers`` spawned processes, in input order.

    At most ``4 × workers`` batches are in flight, so memory stays bounded
    however long the input.  When a worker dies, the pool is restarted and
    the batch it was waiting on is rerun one document at a time.
    """
    pool = _Pool(workers, spec, work, (emit, max_chars))
    pending: deque[tuple[list[Item], Future[list[Outcome]]]] = deque()
    try:
        for batch in _batches(items):
            pending.append((batch, pool.submit(batch)))
            while len(pending) >= 4 * workers:
                yield from _next_result(pool, pending)
        while pending:
            yield from _next_result(pool, pending)
    finally:
        pool.close()


def _next_result(pool: _Pool, pending: deque[tuple[list[Item], "Future[list[Outcome]]"]]) -> Iterator[Outcome]:
    batch, future = pending.popleft()
    try:
        outcomes = future.result()
    except BrokenProcessPool:
        pool.restart()
        rest = [b for b, _ in pending]
        pending.clear()
        pending.extend((b, pool.submit(b)) for b in rest)
        yield from pool.isolate(batch)
        return
    yield from outcomes


def iter_outcomes(
    items: Iterable[Item],
    *,
    pipeline: Pipeline | None = None,
    workers: int = 1,
    emit: Emit = "facts",
    max_chars: int = MAX_CHARS,
) -> Iterator[Outcome]:
    """One outcome per item, in order; ``workers > 1`` uses a process pool."""
    if workers < 1:
        raise ConfigError(f"workers must be at least 1, got {workers}")
    if workers == 1:
        pipeline = pipeline or Pipeline()
        for item in items:
            yield process_item(pipeline, item, emit, max_chars)
        return
    yield from parallel_outcomes(items, workers, pipeline_spec(pipeline or Pipeline()), emit, max_chars)


# --- progress --------------------------------------------------------------------


class Progress:
    """A one-line progress display (documents, chars/s, ETA) redrawn at most twice a second."""

    def __init__(self, stream: IO[str], total_bytes: int | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.stream, self.total_bytes, self.clock = stream, total_bytes, clock
        self.started = self.last = clock()
        self.docs = self.chars = self.bytes = 0

    def update(self, outcome: Outcome) -> None:
        """Count one outcome and redraw when due."""
        self.docs += 1
        self.chars += outcome.chars
        self.bytes += outcome.size
        now = self.clock()
        if now - self.last >= 0.5:
            self.last = now
            self.stream.write("\r" + self.text(now) + "\x1b[K")
            self.stream.flush()

    def text(self, now: float) -> str:
        """The current line."""
        elapsed = max(now - self.started, 1e-9)
        line = f"{self.docs:,} docs  {self.chars / elapsed / 1000:,.1f}k chars/s"
        if self.total_bytes:
            done = min(self.bytes / self.total_bytes, 1.0)
            eta = elapsed * (1 - done) / done if done > 0 else 0.0
            line += f"  {done:.0%}  ETA {int(eta) // 3600}:{int(eta) % 3600 // 60:02d}:{int(eta) % 60:02d}"
        return line

    def close(self) -> None:
        """Clear the line."""
        self.stream.write("\r\x1b[K")
        self.stream.flush()


def make_progress(paths: Sequence[str], stream: IO[str], enabled: bool | None = None) -> Progress | None:
    """A :class:`Progress` on ``stream`` when ``enabled`` (default: when it is a terminal)."""
    if enabled is None:
        enabled = bool(getattr(stream, "isatty", lambda: False)())
    return Progress(stream, input_size(paths)) if enabled else None


# --- runs --------------------------------------------------------------------------


def extract_records(
    paths: Sequence[str],
    *,
    pipeline: Pipeline | None = None,
    emit: Emit = "facts",
    stdin: IO[bytes] | None = None,
    input_format: str = "auto",
    summary: BatchSummary | None = None,
    workers: int = 1,
    encoding: str | None = None,
    progress: Progress | None = None,
) -> Iterator[dict[str, Any]]:
    """Records for every input, with an error record wherever a document fails."""
    summary = summary if summary is not None else BatchSummary()
    items = iter_inputs(paths, stdin=stdin, input_format=input_format, encoding=encoding)
    for outcome in iter_outcomes(items, pipeline=pipeline, workers=workers, emit=emit):
        summary.add(outcome)
        if progress is not None:
            progress.update(outcome)
        yield from outcome.records
    if progress is not None:
        progress.close()


def _write_outcome(outcome: Outcome, out: IO[str], errors_out: IO[str] | None) -> None:
    target = errors_out if (not outcome.ok and errors_out is not None) else out
    write_jsonl(outcome.records, target)


def extract_files(
    paths: Sequence[str],
    out: IO[str],
    *,
    pipeline: Pipeline | None = None,
    emit: Emit = "facts",
    errors_out: IO[str] | None = None,
    stdin: IO[bytes] | None = None,
    input_format: str = "auto",
    workers: int = 1,
    encoding: str | None = None,
    progress: Progress | None = None,
) -> BatchSummary:
    """Write JSONL records for ``paths`` to ``out``; error records go to ``errors_out`` or ``out``."""
    summary = BatchSummary()
    items = iter_inputs(paths, stdin=stdin, input_format=input_format, encoding=encoding)
    for outcome in iter_outcomes(items, pipeline=pipeline, workers=workers, emit=emit):
        summary.add(outcome)
        _write_outcome(outcome, out, errors_out)
        if progress is not None:
            progress.update(outcome)
    if progress is not None:
        progress.close()
    return summary


# --- resumable runs ---------------------------------------------------------------


def sidecar_path(output: str | Path) -> Path:
    """The completion log written beside ``output``: ``FILE.done``."""
    return Path(f"{output}.done")


@dataclass
class _Log:
    """What the completion log of an interrupted run says (read without keeping every entry)."""

    count: int = 0
    failed: int = 0
    out: int = 0
    errors: int = 0
    valid_bytes: int = 0


def _log_entries(path: Path) -> Iterator[tuple[dict[str, Any], int]]:
    """Entries of a completion log with the byte offset after each; stops at a line cut short."""
    if not path.exists():
        return
    offset = 0
    with path.open("rb") as fh:
        for n, raw in enumerate(fh):
            try:
                entry = json.loads(raw)
            except ValueError:
                return  # the interruption cut this line short
            if not raw.endswith(b"\n"):
                return
            if not isinstance(entry, dict) or entry.get("n") != n or not {"out", "errors", "doc_id"} <= entry.keys():
                raise InputError(f"{path}: not a finextract completion log; remove it or run without --resume")
            offset += len(raw)
            yield entry, offset


def _scan_log(path: Path) -> _Log:
    log = _Log()
    for entry, offset in _log_entries(path):
        log.count += 1
        log.failed += 0 if entry.get("ok") else 1
        log.out, log.errors, log.valid_bytes = int(entry["out"]), int(entry["errors"]), offset
    return log


def _skip_done(items: Iterator[Item], path: Path, log: _Log) -> Iterator[Item]:
    done = _log_entries(path)
    for index in range(log.count):
        entry, _ = next(done)
        item = next(items, None)
        doc_id = item.doc_id if item is not None else None
        if item is None or doc_id != entry["doc_id"]:
            raise InputError(
                f"input {index + 1} is {doc_id!r} but the interrupted run recorded {entry['doc_id']!r}: "
                "the inputs changed; run without --resume to start over"
            )
    yield from items


def _open_output(path: Path, offset: int, resume: bool) -> tuple[IO[bytes], IO[str]]:
    if resume and offset > (path.stat().st_size if path.exists() else 0):
        raise InputError(f"{path} is shorter than its completion log says; it was changed since the interrupted run, run without --resume")
    raw = open(path, "r+b" if resume and path.exists() else "wb")
    raw.truncate(offset if resume else 0)
    raw.seek(0, io.SEEK_END)
    # backslashreplace: a lone surrogate (from a file name or a JSON id) becomes a valid JSON \uXXXX escape
    return raw, io.TextIOWrapper(raw, encoding="utf-8", errors="backslashreplace", newline="\n", write_through=True)


def _log_entry(n: int, outcome: Outcome, out: IO[bytes], err: IO[bytes] | None) -> bytes:
    out.flush()
    if err is not None:
        err.flush()
    entry = {"n": n, "doc_id": outcome.doc_id, "ok": outcome.ok, "out": out.tell(), "errors": err.tell() if err is not None else 0}
    return json.dumps(entry, ensure_ascii=True).encode("ascii") + b"\n"


def extract_to_path(
    paths: Sequence[str],
    output: str | Path,
    *,
    errors: str | Path | None = None,
    resume: bool = False,
    pipeline: Pipeline | None = None,
    emit: Emit = "facts",
    stdin: IO[bytes] | None = None,
    input_format: str = "auto",
    workers: int = 1,
    encoding: str | None = None,
    progress: Progress | None = None,
) -> BatchSummary:
    """Write records to the file ``output`` (error records to ``errors`` when given), resumably.

    After each document, once its records are flushed, one line goes to the
    completion log ``output.done`` (:func:`sidecar_path`): its position, id,
    success and the byte lengths of the outputs.  With ``resume=True`` the
    documents listed there are skipped (their ids are checked against the
    input), anything written after the last completed document is cut off,
    and the rest is appended: the result is byte-identical to an
    uninterrupted run.  Without it, the outputs and the log start empty.
    """
    output = Path(output)
    log_path = sidecar_path(output)
    log = _scan_log(log_path) if resume else _Log()
    summary = BatchSummary(read=log.count, succeeded=log.count - log.failed, failed=log.failed, resumed=log.count)
    out_raw, out = _open_output(output, log.out, resume)
    err_raw, err = _open_output(Path(errors), log.errors, resume) if errors is not None else (None, None)
    try:
        with open(log_path, "r+b" if resume and log_path.exists() else "wb") as done:
            done.truncate(log.valid_bytes)
            done.seek(0, io.SEEK_END)
            items = _skip_done(iter_inputs(paths, stdin=stdin, input_format=input_format, encoding=encoding), log_path, log)
            for n, outcome in enumerate(iter_outcomes(items, pipeline=pipeline, workers=workers, emit=emit), log.count):
                summary.add(outcome)
                _write_outcome(outcome, out, err)
                done.write(_log_entry(n, outcome, out_raw, err_raw))
                done.flush()
                if progress is not None:
                    progress.update(outcome)
    finally:
        out.close()
        if err is not None:
            err.close()
        if progress is not None:
            progress.close()
    return summary


def default_stdin() -> IO[bytes]:
    """The process's standard input as bytes."""
    return sys.stdin.buffer
