"""Command-line interface: ``finextract extract`` and ``finextract show``.

Each command is a thin wrapper over a library function
(:func:`finextract.batch.extract_files`, :func:`finextract.outputs.html.page_html`).

Exit codes: 0 every document succeeded; 3 some documents failed (their error
records are in the output); 1 the run could not start (bad option, missing
model); 2 command-line usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import IO, Sequence

from . import __version__
from .errors import FinextractError

EXIT_OK = 0
EXIT_FATAL = 1
EXIT_USAGE = 2
EXIT_SOME_FAILED = 3

_EPILOG = """examples:
  finextract extract corpora/samples/            facts of every .txt file, as JSON Lines
  finextract extract news.jsonl -o facts.jsonl   JSONL input: {"id": ..., "text": ...} per line
  cat article.txt | finextract extract           one document from stdin
  finextract extract a.txt --emit entities       entities instead of facts
  finextract show article.txt -o page.html       highlighted HTML page

exit codes: 0 all documents succeeded, 3 some failed (error records written), 1 fatal, 2 usage"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests)."""
    parser = argparse.ArgumentParser(
        prog="finextract",
        description="Typed, grounded facts (roles, partnerships, metrics, quotes) from Chinese financial news. Offline.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"finextract {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    ext = sub.add_parser(
        "extract",
        help="extract facts, entities or documents as JSON Lines",
        description="Read UTF-8 text files, directories (recursively, *.txt and *.jsonl), JSON Lines files "
        '({"id": ..., "text": ...} per line) or stdin ("-" or no PATH), and write one JSON record per line. '
        "A document that cannot be processed yields an error record instead; nothing is dropped.",
    )
    ext.add_argument("paths", nargs="*", metavar="PATH", help="files or directories; '-' or nothing reads stdin")
    ext.add_argument("-o", "--output", metavar="FILE", help="write records here instead of stdout")
    ext.add_argument("--emit", choices=("facts", "entities", "documents"), default="facts", help="what to write (default: facts)")
    ext.add_argument("--errors", metavar="FILE", help="write error records here instead of into the output")
    ext.add_argument("--input-format", choices=("auto", "text", "jsonl"), default="auto", help="how to read inputs (default: by extension)")
    _pipeline_options(ext)

    show = sub.add_parser("show", help="write a standalone HTML page highlighting entities, figures and facts")
    show.add_argument("path", metavar="FILE", help="a UTF-8 text file")
    show.add_argument("-o", "--output", metavar="FILE", required=True, help="the HTML page to write")
    _pipeline_options(show)
    return parser


def _pipeline_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--ner", default="rules", metavar="BACKEND", help="NER backend (default: rules)")
    parser.add_argument("--ner-model", metavar="PATH", help="model path or id for backends that load one")
    parser.add_argument("--user-dict", action="append", default=[], metavar="FILE", help="extra jieba user dictionary (repeatable)")
    parser.add_argument("--gazetteer", action="append", default=[], metavar="FILE", help="extra gazetteer JSON (repeatable)")


def _pipeline(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from .pipeline import Pipeline

    return Pipeline(ner=args.ner, ner_model=args.ner_model, user_dicts=args.user_dict, gazetteers=args.gazetteer)


def _open_out(path: str | None, stdout: IO[str]) -> IO[str]:
    if path is None:
        return stdout
    return open(path, "w", encoding="utf-8", newline="\n")


def cmd_extract(args: argparse.Namespace, stdin: IO[bytes], stdout: IO[str], stderr: IO[str]) -> int:
    """Run ``extract``."""
    from .batch import extract_files

    pipeline = _pipeline(args)
    out = _open_out(args.output, stdout)
    errors_out = open(args.errors, "w", encoding="utf-8", newline="\n") if args.errors else None
    try:
        summary = extract_files(
            args.paths, out, pipeline=pipeline, emit=args.emit, errors_out=errors_out, stdin=stdin, input_format=args.input_format
        )
    finally:
        if out is not stdout:
            out.close()
        if errors_out is not None:
            errors_out.close()
    stderr.write(summary.line() + "\n")
    return EXIT_OK if summary.failed == 0 else EXIT_SOME_FAILED


def cmd_show(args: argparse.Namespace, stderr: IO[str]) -> int:
    """Run ``show``."""
    from .inputs import InputProblem, read_text_file
    from .outputs.html import page_html

    item = read_text_file(Path(args.path), Path(args.path).name)
    if isinstance(item, InputProblem):
        stderr.write(f"finextract: {item.error}\n")
        return EXIT_FATAL
    doc = _pipeline(args)(item.text, doc_id=item.doc_id)
    Path(args.output).write_text(page_html(doc, title=item.doc_id), encoding="utf-8")
    stderr.write(f"finextract: wrote {args.output}\n")
    return EXIT_OK


def main(argv: Sequence[str] | None = None, stdin: IO[bytes] | None = None, stdout: IO[str] | None = None, stderr: IO[str] | None = None) -> int:
    """Entry point; returns the exit code."""
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(stdout)
        return EXIT_USAGE
    try:
        if args.command == "extract":
            return cmd_extract(args, stdin if stdin is not None else sys.stdin.buffer, stdout, stderr)
        return cmd_show(args, stderr)
    except FinextractError as exc:
        stderr.write(f"finextract: error: {exc}\n")
        return EXIT_FATAL
    except BrokenPipeError:
        raise
    except OSError as exc:
        stderr.write(f"finextract: error: {exc}\n")
        return EXIT_FATAL


def run() -> None:
    """Console-script entry point."""
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (``finextract extract … | head``): stop quietly.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = EXIT_OK
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
