"""Throughput of the whole pipeline and of its stages, against jieba alone, in one run.

Usage:
    python benchmarks/pipeline_speed.py [--chars 200000] [--repeat 3] [--seed-article PATH]

The text is the bundled corpus (``corpora/samples``), plus the seed article
when it is found, repeated up to ``--chars`` characters and processed as
separate documents.  Every number is the best of ``--repeat`` runs in this
process; ratios against jieba segmentation alone (``jieba.lcut`` on the same
Simplified text) are what to compare across machines.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from pathlib import Path

from benchcommon import best_of, news_corpus, paired_ratios

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEED = ROOT.parent / "shared" / "seed" / "000_e2f55275774a2c3e.txt"






def main() -> None:
    """Run the benchmark and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chars", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed-article", type=Path, default=DEFAULT_SEED)
    args = parser.parse_args()

    import jieba
    from opencc import OpenCC

    import finextract
    from finextract.normalize import Normalizer

    docs = news_corpus(args.chars, args.seed_article)
    n_chars = sum(len(d) for d in docs)
    simplified = [OpenCC("t2s").convert(d) for d in docs]
    pipeline = finextract.Pipeline()
    pipeline("预热")  # build lexicons and jieba's prefix dictionary outside the timing
    jieba.lcut("预热")
    normalizer = Normalizer()

    def run_stages() -> dict[str, float]:
        spent = {s.name: 0.0 for s in pipeline.stages}
        for text in docs:
            doc = finextract.Document(text=text)
            for stage in pipeline.stages:
                t0 = time.perf_counter()
                doc = stage(doc)
                spent[stage.name] += time.perf_counter() - t0
        return spent

    posseg_pipeline = finextract.Pipeline(tagger="hmm")
    posseg_pipeline("预热")
    results = {
        "jieba.lcut alone (Simplified)": best_of(lambda: [jieba.lcut(t) for t in simplified], args.repeat),
        "normalize only (OpenCC t2s + width)": best_of(lambda: [normalizer(t) for t in docs], args.repeat),
        "whole pipeline (default, fast tagger)": best_of(lambda: list(pipeline.pipe(docs)), args.repeat),
        "whole pipeline (tagger='hmm', jieba.posseg)": best_of(lambda: list(posseg_pipeline.pipe(docs)), args.repeat),
    }
    paired = paired_ratios(lambda: list(pipeline.pipe(docs)), lambda: [jieba.lcut(t) for t in simplified], args.repeat)
    stages = run_stages()
    base = results["jieba.lcut alone (Simplified)"]
    print(f"corpus: {len(docs)} documents, {n_chars:,} characters; python {platform.python_version()}; one process, one core")
    print()
    print("| what | seconds | chars/s | time vs jieba alone |")
    print("|---|---:|---:|---:|")
    for name, seconds in results.items():
        print(f"| {name} | {seconds:.3f} | {n_chars / seconds:,.0f} | {seconds / base:.2f}x |")
    print()
    print(
        f"paired: the default pipeline timed right after jieba, {args.repeat} rounds: "
        f"{statistics.median(paired):.2f}x jieba's time (median; range {min(paired):.2f}–{max(paired):.2f}x)"
    )
    print()
    print("| stage (one pass) | seconds | share |")
    print("|---|---:|---:|")
    total = sum(stages.values())
    for name, seconds in stages.items():
        print(f"| {name} | {seconds:.3f} | {seconds / total:.0%} |")


if __name__ == "__main__":
    main()
