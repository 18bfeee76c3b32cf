"""Input readers for batch runs: text files, directories, JSON Lines and stdin.

Readers never raise for a bad document: they yield an :class:`InputProblem`
in its place, so a batch run accounts for every input.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterator, Sequence

from .errors import InputError


@dataclass(frozen=True)
class InputDoc:
    """One document to process and where it came from."""

    doc_id: str
    text: str
    path: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class InputProblem:
    """An input that could not be read as a document."""

    doc_id: str | None
    error: InputError
    path: str | None = None
    line: int | None = None


Item = InputDoc | InputProblem


def _decode(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{where}: not valid UTF-8 at byte {exc.start}; convert the file to UTF-8 "
            "(e.g. iconv -f GB18030 -t UTF-8) and run again"
        ) from None


def read_text_file(path: Path, doc_id: str) -> Item:
    """A whole ``.txt`` file as one document."""
    try:
        text = _decode(path.read_bytes(), str(path))
    except InputError as exc:
        return InputProblem(doc_id, exc, str(path))
    except OSError as exc:
        return InputProblem(doc_id, InputError(f"{path}: cannot read ({exc.strerror}); check the path and permissions"), str(path))
    return InputDoc(doc_id, text, str(path))


def read_jsonl(stream: IO[bytes], where: str) -> Iterator[Item]:
    """Documents from JSON Lines ``{"id": ..., "text": ...}``; bad lines become problems."""
    for lineno, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        fallback_id = f"{where}:{lineno}"
        try:
            record = json.loads(_decode(raw, f"{where}:{lineno}"))
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise InputError(f'{where}:{lineno}: expected an object with a string "text" field, e.g. {{"id": "a1", "text": "..."}}')
            doc_id = str(record["id"]) if record.get("id") is not None else fallback_id
            yield InputDoc(doc_id, record["text"], where, lineno)
        except InputError as exc:
            yield InputProblem(fallback_id, exc, where, lineno)
        except ValueError as exc:
            yield InputProblem(fallback_id, InputError(f"{where}:{lineno}: malformed JSON ({exc}); fix or remove the line"), where, lineno)


def _is_jsonl(path: Path) -> bool:
    return path.suffix.lower() in {".jsonl", ".ndjson"}


def iter_inputs(paths: Sequence[str], stdin: IO[bytes] | None = None, input_format: str = "auto") -> Iterator[Item]:
    """Every document named by ``paths`` (files, directories, ``-`` for stdin), in order.

    Directories are walked recursively for ``*.txt`` (and ``*.jsonl``) files in
    sorted order.  ``input_format`` is ``auto`` (by extension; stdin is JSONL
    when it starts with ``{``), ``text`` or ``jsonl``.
    """
    for name in paths or ["-"]:
        if name == "-":
            yield from _stdin_items(stdin, input_format)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and (p.suffix.lower() == ".txt" or _is_jsonl(p)))
            for file in files:
                yield from _file_items(file, file.relative_to(path).as_posix(), input_format)
        elif path.exists():
            yield from _file_items(path, path.as_posix(), input_format)
        else:
            yield InputProblem(name, InputError(f"{name}: no such file or directory; check the path"), name)


def _file_items(path: Path, doc_id: str, input_format: str) -> Iterator[Item]:
    if input_format == "jsonl" or (input_format == "auto" and _is_jsonl(path)):
        try:
            with path.open("rb") as fh:
                yield from read_jsonl(fh, path.as_posix())
        except OSError as exc:
            yield InputProblem(doc_id, InputError(f"{path}: cannot read ({exc.strerror}); check the path"), str(path))
    else:
        yield read_text_file(path, doc_id)


def _stdin_items(stdin: IO[bytes] | None, input_format: str) -> Iterator[Item]:
    if stdin is None:
        return
    data = stdin.read()
    if input_format == "jsonl" or (input_format == "auto" and data.lstrip()[:1] == b"{"):
        import io

        yield from read_jsonl(io.BytesIO(data), "<stdin>")
        return
    try:
        yield InputDoc("stdin", _decode(data, "<stdin>"), "<stdin>")
    except InputError as exc:
        yield InputProblem("stdin", exc, "<stdin>")
