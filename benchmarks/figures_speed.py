"""Throughput of the figure stage alone (``find_figures`` + ``find_periods``), against jieba, in one run.

Usage:
    python benchmarks/figures_speed.py [--chars 1000000] [--repeat 3] [--seed-article PATH] [--cpu-time] [--profile]

The text is the bundled corpus (``corpora/samples``), plus the seed article
when it is found, normalized to working text (Simplified, half-width) and cut
into sentences at 。！？ and line breaks, repeated up to ``--chars``
characters.  Normalization is done once, outside the timing: the numbers are
for the figure stage alone, one sentence at a time, on one core.  A second
row measures numeral-dense text (one figure every few characters).  jieba
(``jieba.lcut`` over the same sentences) is timed in the same run as the
yardstick to compare across machines.  ``--cpu-time`` times with the
process's CPU clock instead of the wall clock (steadier on a shared machine,
where other jobs stretch wall time).  ``--profile`` prints the top of a
cProfile report of the figure stage instead.
"""

from __future__ import annotations

import argparse
import cProfile
import platform
import pstats
import re
import time
from collections.abc import Callable
from pathlib import Path

from finextract.figures import find_figures, find_periods
from finextract.normalize import Normalizer

from benchcommon import best_of

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEED = ROOT.parent / "shared" / "seed" / "000_e2f55275774a2c3e.txt"
_SENTENCE_END = re.compile(r"(?<=[。！？!?\n])")
_DENSE = (
    "2016年上半年营收1,100万元，同比增长12.5%，净利润约5,467亿元，较去年提高0.3个百分点；"
    "全国400多家银行、三万名技术人员参与，不超过5%的股份以每股1.95港元出售，"
    "2017Q2降息50个基点，七成六的受访者认为售价三四百元合适，罚款10-20万元。"
)


def _sentences(texts: list[str], chars: int) -> list[str]:
    """Working-text sentences of ``texts``, repeated up to ``chars`` characters."""
    normalizer = Normalizer()
    pool = [s for text in texts for s in _SENTENCE_END.split(normalizer(text).norm) if s.strip()]
    out: list[str] = []
    total = 0
    while total < chars and pool:
        for sentence in pool:
            out.append(sentence)
            total += len(sentence)
    return out


def _articles(seed: Path | None) -> list[str]:
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "corpora" / "samples").glob("*.txt"))]
    if seed is not None and seed.exists():
        texts.append(seed.read_text("utf-8"))
    return texts


def figure_stage(sentences: list[str]) -> int:
    """Run the figure stage over ``sentences``; returns the number of figures and periods found."""
    found = 0
    for sentence in sentences:
        periods = find_periods(sentence)
        found += len(find_figures(sentence, periods)) + len(periods)
    return found


def best_cpu(fn: Callable[[], object], repeat: int) -> float:
    """The fewest CPU seconds (this process) of ``repeat`` runs of ``fn``."""
    return best_of(fn, repeat, clock=time.process_time)


def _row(name: str, sentences: list[str], repeat: int, timer: Callable[[Callable[[], object], int], float]) -> None:
    import jieba

    chars = sum(map(len, sentences))
    found = figure_stage(sentences)
    stage = timer(lambda: figure_stage(sentences), repeat)
    seg = timer(lambda: [jieba.lcut(s) for s in sentences], repeat)
    print(
        f"{name:<12} {chars:>10,} chars  figures+periods {found:>8,}  "
        f"figure stage {chars / stage:>12,.0f} chars/s  jieba.lcut {chars / seg:>10,.0f} chars/s  "
        f"ratio {seg / stage:5.1f}x"
    )


def main(argv: list[str] | None = None) -> int:
    """Print figure-stage and jieba throughput on news-like and numeral-dense text."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed-article", type=Path, default=DEFAULT_SEED)
    parser.add_argument("--cpu-time", action="store_true", help="time with the process CPU clock, not the wall clock")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    news = _sentences(_articles(args.seed_article), args.chars)
    dense = _sentences([_DENSE], args.chars // 4)
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(figure_stage, news + dense)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        return 0
    clock = "CPU time" if args.cpu_time else "wall time"
    print(f"python {platform.python_version()} on {platform.machine()}, one process, best of {args.repeat} ({clock})")
    timer = best_cpu if args.cpu_time else best_of
    _row("news", news, args.repeat, timer)
    _row("dense", dense, args.repeat, timer)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
