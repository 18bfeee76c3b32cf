"""Speed and memory of the ``hanlp`` NER backend against the built-in backends, in one run.

Usage:
    python benchmarks/hanlp_speed.py [--hanlp-model PATH_OR_ID] [--chars 100000] [--repeat 3]
                                     [--batch-size 32] [--seed-article PATH]

Without ``--hanlp-model`` a tiny HanLP model is trained first (HanLP's RNN
tagger on generated sentences, as in ``tests/ner/test_hanlp.py``): it gives
the cost of the backend's plumbing (tokens, batching, offsets) and of
HanLP/torch themselves, not of a large pretrained network.  Pass a real
model directory or a HanLP identifier cached under ``HANLP_HOME`` to
measure that model.

Each backend (``rules``, ``model``, ``hanlp``) runs in a fresh child
process, one after the other, on the same text: the bundled corpus
(``corpora/samples``) plus the seed article when found, repeated up to
``--chars`` characters as separate documents.  For each it reports the
seconds to import and build the pipeline, the backend alone (``predict`` on
every document's sentences, the batches the NER stage sends), the whole
pipeline, and the child's peak resident memory.  Times are the best of
``--repeat`` runs; torch uses one thread.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchcommon import best_of, news_corpus

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEED = ROOT.parent / "shared" / "seed" / "000_e2f55275774a2c3e.txt"
BACKENDS = ("rules", "model", "hanlp")






def train_tiny_model(save_dir: Path) -> Path:
    """Train the tiny HanLP model of the tests into ``save_dir`` (a few seconds on one core)."""
    import torch
    from hanlp.components.ner.rnn_ner import RNNNamedEntityRecognizer

    sys.path.insert(0, str(ROOT / "tests" / "ner"))
    from test_hanlp import write_training_tsv

    torch.set_num_threads(1)
    rng = random.Random(5)
    write_training_tsv(save_dir.parent / "train.tsv", 300, rng)
    write_training_tsv(save_dir.parent / "dev.tsv", 30, rng)
    RNNNamedEntityRecognizer().fit(
        str(save_dir.parent / "train.tsv"), str(save_dir.parent / "dev.tsv"), str(save_dir),
        epochs=8, embed=32, rnn_hidden=64, drop=0.2, lr=0.01, batch_size=32,
        crf=False, tagging_scheme="BIO", seed=1, devices=-1, verbose=False,
    )
    return save_dir


def measure(backend: str, model: str | None, batch_size: int, docs: list[str], repeat: int) -> dict[str, Any]:
    """One backend's numbers (run in a child process)."""
    start = time.perf_counter()
    import finextract
    from finextract.ner import NerStage

    if backend == "hanlp":
        from finextract.ner.hanlp import HanlpBackend

        ner = NerStage(backend=HanlpBackend.load(model, batch_size=batch_size))
        nlp = finextract.Pipeline(["normalize", "sentences", "segment", ner, "figures", "link", "facts"])
    else:
        nlp = finextract.Pipeline(ner=backend)
    nlp("预热")
    load_s = time.perf_counter() - start
    stage = next(s for s in nlp.stages if s.name == "ner")
    before_ner = [_until_ner(nlp, text) for text in docs]
    inputs = [stage.sentence_inputs(doc)[0] for doc in before_ner]
    backend_s = best_of(lambda: [stage.backend.predict(batch) for batch in inputs], repeat)
    pipeline_s = best_of(lambda: list(nlp.pipe(docs)), repeat)
    return {"load_s": load_s, "backend_s": backend_s, "pipeline_s": pipeline_s, "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _until_ner(nlp: Any, text: str) -> Any:
    import finextract

    doc = finextract.Document(text=text)
    for stage in nlp.stages:
        if stage.name == "ner":
            return doc
        doc = stage(doc)
    return doc


def _child(args: argparse.Namespace, backend: str, model: str | None) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", backend, "--chars", str(args.chars), "--repeat", str(args.repeat),
           "--batch-size", str(args.batch_size), "--seed-article", str(args.seed_article)]
    if model is not None:
        cmd += ["--hanlp-model", model]
    run = subprocess.run(cmd, capture_output=True, text=True)
    if run.returncode != 0:  # e.g. the built-in model is not installed: report it, measure the rest
        return {"error": (run.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(run.stdout.strip().splitlines()[-1])


def main() -> None:
    """Run every backend in a child process and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hanlp-model", help="HanLP model directory or identifier (default: train a tiny one)")
    parser.add_argument("--chars", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--seed-article", type=Path, default=DEFAULT_SEED)
    parser.add_argument("--child", choices=BACKENDS, help=argparse.SUPPRESS)
    parser.add_argument("--train-tiny", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.train_tiny:
        train_tiny_model(args.train_tiny)
        return
    docs = news_corpus(args.chars, args.seed_article)
    if args.child:
        print(json.dumps(measure(args.child, args.hanlp_model, args.batch_size, docs, args.repeat)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        model = args.hanlp_model or str(Path(tmp) / "tiny")
        if not args.hanlp_model:  # in a child: HanLP's trainer prints progress on the terminal
            subprocess.run([sys.executable, __file__, "--train-tiny", model], capture_output=True, check=True)
        rows = {name: _child(args, name, model if name == "hanlp" else None) for name in BACKENDS}
    n_chars = sum(len(d) for d in docs)
    label = args.hanlp_model or "tiny RNN model trained here"
    print(f"corpus: {len(docs)} documents, {n_chars:,} characters; python {platform.python_version()}; hanlp model: {label}")
    print()
    print("| backend | import + build s | backend alone s | backend chars/s | pipeline s | pipeline chars/s | peak RSS MiB |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, r in rows.items():
        if "error" in r:
            print(f"| {name} | not measured: {r['error']} | | | | | |")
            continue
        print(
            f"| {name} | {r['load_s']:.2f} | {r['backend_s']:.3f} | {n_chars / r['backend_s']:,.0f} | "
            f"{r['pipeline_s']:.3f} | {n_chars / r['pipeline_s']:,.0f} | {r['peak_mib']:.0f} |"
        )


if __name__ == "__main__":
    main()
