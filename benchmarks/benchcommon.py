"""Helpers shared by the benchmark scripts: the news corpus and best-of timing."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEED = ROOT.parent / "shared" / "seed" / "000_e2f55275774a2c3e.txt"


def news_corpus(chars: int, seed: Path | None = DEFAULT_SEED) -> list[str]:
    """The bundled articles (and the seed article when present), repeated to ``chars`` characters."""
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "corpora" / "samples").glob("*.txt"))]
    if seed is not None and seed.exists():
        texts.append(seed.read_text("utf-8"))
    docs: list[str] = []
    total = 0
    while total < chars:
        for text in texts:
            docs.append(text)
            total += len(text)
    return docs


def best_of(fn: Callable[[], object], repeat: int, clock: Callable[[], float] = time.perf_counter) -> float:
    """The fastest of ``repeat`` runs of ``fn``, in seconds of ``clock`` (wall time by default)."""
    best = float("inf")
    for _ in range(repeat):
        started = clock()
        fn()
        best = min(best, clock() - started)
    return best


def paired_ratios(fn: Callable[[], object], baseline: Callable[[], object], rounds: int) -> list[float]:
    """``fn``'s time over ``baseline``'s, timed back to back in each of ``rounds`` rounds.

    On a shared machine the speed changes from minute to minute; a ratio of two
    runs seconds apart moves much less than either time.
    """
    ratios = []
    for _ in range(rounds):
        started = time.perf_counter()
        baseline()
        base = time.perf_counter() - started
        started = time.perf_counter()
        fn()
        ratios.append((time.perf_counter() - started) / base)
    return ratios
