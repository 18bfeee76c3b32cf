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
from .errors import ConfigError, FinextractError

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
    ext.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write records here instead of stdout; FILE.done beside it logs completed documents for --resume",
    )
    ext.add_argument("--emit", choices=("facts", "entities", "documents"), default="facts", help="what to write (default: facts)")
    ext.add_argument("--errors", metavar="FILE", help="write error records here instead of into the output")
    ext.add_argument("--input-format", choices=("auto", "text", "html", "jsonl"), default="auto", help="how to read inputs (default: by extension)")
    _batch_options(ext)
    _pipeline_options(ext)

    show = sub.add_parser("show", help="write a standalone HTML page highlighting entities, figures and facts")
    show.add_argument("path", metavar="FILE", help="a UTF-8 text file")
    show.add_argument("-o", "--output", metavar="FILE", required=True, help="the HTML page to write")
    _pipeline_options(show)
    _model_commands(sub)
    _relation_commands(sub)
    _spark_command(sub)
    return parser


def _relation_commands(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """``train-relations``: the relation scorer (numpy only, no extra needed)."""
    from .rules.relation_train import RelTrainConfig

    default_data = "../shared/data/finre"
    rel = sub.add_parser("train-relations", help="train the relation scorer on FinRE (numpy only)")
    rel.add_argument("--data", default=default_data, metavar="DIR", help=f"the FinRE directory with normalized/train.jsonl (default: {default_data})")
    rel.add_argument("--out", required=True, metavar="DIR", help="model directory to write (weights.npz, card.json)")
    rel.add_argument("--iterations", type=int, default=RelTrainConfig.iterations, help="Adam iterations (default: %(default)s)")
    rel.add_argument("--l2", type=float, default=RelTrainConfig.l2, help="L2 penalty (default: %(default)s)")
    rel.add_argument("--seed", type=int, default=RelTrainConfig.seed, help="seed for the calibration folds (default: %(default)s)")


def cmd_train_relations(args: argparse.Namespace, stdout: IO[str]) -> int:
    """Run ``train-relations``."""
    from .rules.relation_train import RelTrainConfig, train_relation_model

    config = RelTrainConfig(iterations=args.iterations, l2=args.l2, seed=args.seed)
    command = f"finextract train-relations --data {args.data} --out {args.out} --iterations {args.iterations} --l2 {args.l2} --seed {args.seed}"
    report = train_relation_model(args.data, args.out, config, command=command)
    stdout.write(f"wrote {report.out_dir}: {report.train_pairs} pairs, {report.seconds:.0f} s\n")
    return EXIT_OK


def _model_commands(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """``train`` and ``eval``: the built-in NER model."""
    from .ner.train import TrainConfig

    default_data = "../shared/data"
    train = sub.add_parser("train", help="train the built-in NER model (needs the 'train' extra)")
    train.add_argument("--data", default=default_data, metavar="DIR", help=f"the shared data directory (default: {default_data})")
    train.add_argument("--out", required=True, metavar="DIR", help="model directory to write (weights.npz, card.json)")
    train.add_argument("--iterations", type=int, default=TrainConfig.max_iterations, help="L-BFGS iterations (default: %(default)s)")
    train.add_argument("--seed", type=int, default=TrainConfig.seed, help="seed for sampling and shuffling (default: %(default)s)")
    train.add_argument(
        "--arch", choices=("cnn", "crf"), default="cnn",
        help="cnn: the neural tagger (torch for training; default); crf: the linear-chain CRF (python-crfsuite)",
    )
    train.add_argument("--epochs", type=int, default=None, help="cnn: training epochs (default: 6)")
    train.add_argument(
        "--oversample", action="append", default=[], metavar="CORPUS=N",
        help="cnn: show each sentence of CORPUS N times per epoch (repeatable; e.g. cluener=3)",
    )
    train.add_argument(
        "--max-seconds", type=float, default=0.0, metavar="S",
        help="cnn: stop after the first epoch that ends past S seconds of fitting (default: run every epoch)",
    )

    ev = sub.add_parser("eval", help="exact-span precision/recall/F1 of an NER backend on a gold JSON Lines file")
    ev.add_argument("gold", metavar="GOLD.jsonl", help='{"text", "entities": [{start, end, label}]} per line (.gz allowed)')
    ev.add_argument("--ner", default="rules", metavar="BACKEND", help="NER backend (default: rules)")
    ev.add_argument("--ner-model", metavar="PATH", help="model directory for the model backend")
    ev.add_argument("--ner-guideline", metavar="CORPUS", help="neural tagger: label as this training corpus's annotators did")
    ev.add_argument("--corpus", default="auto", help="label mapping to read the gold labels with (default: auto)")
    ev.add_argument("--backend-only", action="store_true", help="score the backend without the gazetteer and patterns")
    ev.add_argument("--s2t", action="store_true", help="convert the gold texts to Traditional first")
    ev.add_argument("--limit", type=int, metavar="N", help="score only the first N records")
    ev.add_argument("--json", action="store_true", help="print JSON instead of a Markdown table")


def cmd_train(args: argparse.Namespace, stdout: IO[str]) -> int:
    """Run ``train``."""
    from .ner.train import TrainConfig, train_model

    if args.arch == "cnn":
        return _train_cnn(args, stdout)
    config = TrainConfig(seed=args.seed, max_iterations=args.iterations)
    command = f"finextract train --data {args.data} --out {args.out} --iterations {args.iterations} --seed {args.seed}"
    report = train_model(args.data, args.out, config, command=command)
    stdout.write(f"wrote {report.out_dir}: {report.train_sentences} sentences, {report.train_chars} chars, {report.seconds:.0f} s\n")
    return EXIT_OK


def _train_cnn(args: argparse.Namespace, stdout: IO[str]) -> int:
    from .ner.neural_train import NeuralTrainConfig, train_neural_model

    oversample = tuple(_corpus_count(item) for item in args.oversample)
    config = NeuralTrainConfig(seed=args.seed, oversample=oversample, max_seconds=args.max_seconds, **({"epochs": args.epochs} if args.epochs else {}))
    config.repeat()
    command = f"finextract train --arch cnn --data {args.data} --out {args.out} --seed {args.seed} --epochs {config.epochs}"
    command += "".join(f" --oversample {corpus}={times}" for corpus, times in oversample)
    command += f" --max-seconds {args.max_seconds:g}" if args.max_seconds else ""
    report = train_neural_model(args.data, args.out, config, command=command, log=lambda line: stdout.write(line + "\n") or stdout.flush())
    stdout.write(f"wrote {report.out_dir}: {report.counts}, {report.seconds:.0f} s\n")
    return EXIT_OK


def _corpus_count(item: str) -> tuple[str, int]:
    """``cluener=3`` → ``("cluener", 3)``."""
    corpus, sep, times = item.partition("=")
    if not sep or not times.strip().isdigit():
        raise ConfigError(f"--oversample takes CORPUS=N (e.g. cluener=3), not {item!r}")
    return corpus.strip(), int(times)


def cmd_eval(args: argparse.Namespace, stdout: IO[str]) -> int:
    """Run ``eval``."""
    import json

    from .ner.evaluate import evaluate_file

    scores = evaluate_file(
        args.gold,
        ner=args.ner,
        ner_model=args.ner_model,
        ner_guideline=args.ner_guideline,
        corpus=args.corpus,
        layers=not args.backend_only,
        s2t=args.s2t,
        limit=args.limit,
    )
    stdout.write((json.dumps(scores.as_dict(), ensure_ascii=False) if args.json else scores.table()) + "\n")
    return EXIT_OK


def _pipeline_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--ner", default="model", metavar="BACKEND", help="NER backend: model or rules (default: model)")
    parser.add_argument("--ner-model", metavar="PATH", help="model path or id for backends that load one")
    parser.add_argument(
        "--ner-guideline", metavar="CORPUS", help="neural tagger: label as this training corpus's annotators did (msra_train, cluener, resume)"
    )
    parser.add_argument("--user-dict", action="append", default=[], metavar="FILE", help="extra jieba user dictionary (repeatable)")
    parser.add_argument("--gazetteer", action="append", default=[], metavar="FILE", help="extra gazetteer JSON (repeatable)")
    parser.add_argument(
        "--min-confidence", type=float, default=0.0, metavar="P", help="drop facts whose confidence is below P (0-1; default 0)"
    )
    parser.add_argument(
        "--relation-model",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="score entity pairs the trigger rules leave unlinked with the learned relation model (default: on)",
    )


def _pipeline(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from .pipeline import Pipeline

    return Pipeline(
        ner=args.ner,
        ner_model=args.ner_model,
        ner_guideline=args.ner_guideline,
        user_dicts=args.user_dict,
        gazetteers=args.gazetteer,
        min_confidence=args.min_confidence,
        relation_model=args.relation_model,
    )


def _batch_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--workers", type=int, default=1, metavar="N", help="worker processes (default: 1); output is identical for any N")
    parser.add_argument("--resume", action="store_true", help="continue an interrupted run: skip documents listed in FILE.done beside -o FILE")
    parser.add_argument("--encoding", metavar="NAME", help="decode every input with this codec (default: detect UTF-8/UTF-16 BOM/GB18030/Big5)")
    parser.add_argument(
        "--progress", action=argparse.BooleanOptionalAction, default=None, help="progress line on stderr (default: only when stderr is a terminal)"
    )


def cmd_extract(args: argparse.Namespace, stdin: IO[bytes], stdout: IO[str], stderr: IO[str]) -> int:
    """Run ``extract``."""
    from .batch import extract_files, extract_to_path, make_progress

    if args.workers < 1:
        stderr.write("finextract: error: --workers must be at least 1\n")
        return EXIT_USAGE
    if args.resume and not args.output:
        stderr.write("finextract: error: --resume needs -o FILE (the output of the interrupted run)\n")
        return EXIT_USAGE
    if args.encoding:
        _check_encoding(args.encoding)
    pipeline = _pipeline(args)
    progress = make_progress(args.paths, stderr, args.progress)
    options = dict(pipeline=pipeline, emit=args.emit, stdin=stdin, input_format=args.input_format, workers=args.workers, encoding=args.encoding, progress=progress)
    if args.output:
        summary = extract_to_path(args.paths, args.output, errors=args.errors, resume=args.resume, **options)  # type: ignore[arg-type]
    else:
        errors_out = open(args.errors, "w", encoding="utf-8", errors="backslashreplace", newline="\n") if args.errors else None
        try:
            summary = extract_files(args.paths, stdout, errors_out=errors_out, **options)  # type: ignore[arg-type]
        finally:
            if errors_out is not None:
                errors_out.close()
    stderr.write(summary.line() + "\n")
    return EXIT_OK if summary.failed == 0 else EXIT_SOME_FAILED


def _check_encoding(name: str) -> None:
    import codecs

    try:
        codecs.lookup(name)
    except LookupError:
        raise ConfigError(f"unknown encoding {name!r}; use a Python codec name such as utf-8, gb18030, big5 or utf-16") from None


def _spark_command(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """``spark-extract``: facts of a JSON Lines input with Apache Spark."""
    spk = sub.add_parser("spark-extract", help="facts of JSON Lines with Apache Spark (needs the 'spark' extra and Java 17)")
    spk.add_argument("input", metavar="INPUT", help="JSON Lines file or directory Spark can read ({\"id\": ..., \"text\": ...} per line)")
    spk.add_argument("-o", "--output", metavar="DIR", required=True, help="directory to write the fact rows to (must not exist)")
    spk.add_argument("--master", default="local[*]", help="Spark master URL (default: local[*])")
    spk.add_argument("--text-col", default="text", help="column with the article text (default: text)")
    spk.add_argument("--id-col", default="id", help="column with the document id (default: id)")
    spk.add_argument("--format", dest="out_format", choices=("json", "parquet"), default="json", help="output format (default: json)")


def cmd_spark_extract(args: argparse.Namespace, stderr: IO[str]) -> int:
    """Run ``spark-extract``."""
    from .spark import spark_extract

    rows = spark_extract(args.input, args.output, master=args.master, text_col=args.text_col, id_col=args.id_col, out_format=args.out_format)
    stderr.write(f"finextract: wrote {rows} rows to {args.output}\n")
    return EXIT_OK


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
        if args.command == "spark-extract":
            return cmd_spark_extract(args, stderr)
        if args.command == "extract":
            return cmd_extract(args, stdin if stdin is not None else sys.stdin.buffer, stdout, stderr)
        if args.command == "train":
            return cmd_train(args, stdout)
        if args.command == "train-relations":
            return cmd_train_relations(args, stdout)
        if args.command == "eval":
            return cmd_eval(args, stdout)
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
