"""Both scripts give the same facts: every Traditional sample against its OpenCC t2s copy, every Simplified one against its s2t copy."""

from __future__ import annotations

from pathlib import Path

import pytest

import finextract
from factkeys import fact_keys

SAMPLES = Path(__file__).resolve().parent.parent / "corpora" / "samples"


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*_zht.txt")), ids=lambda p: p.stem)
def test_traditional_sample_and_its_simplified_copy_agree(path: Path) -> None:
    from opencc import OpenCC

    trad = path.read_text("utf-8")
    simp = OpenCC("t2s").convert(trad)
    a, b = finextract.extract(trad), finextract.extract(simp)
    assert a.facts, "the sample should yield facts"
    assert fact_keys(a) == fact_keys(b)
    assert [(e.canonical, e.label, e.start, e.end) for e in a.entities] == [(e.canonical, e.label, e.start, e.end) for e in b.entities]


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*_zhs.txt")), ids=lambda p: p.stem)
def test_simplified_sample_and_its_traditional_copy_agree(path: Path) -> None:
    from opencc import OpenCC

    simp = path.read_text("utf-8")
    trad = OpenCC("s2t").convert(simp)
    a, b = finextract.extract(simp), finextract.extract(trad)
    assert a.facts, "the sample should yield facts"
    assert fact_keys(a) == fact_keys(b)
    assert [(e.canonical, e.label, e.start, e.end) for e in a.entities] == [(e.canonical, e.label, e.start, e.end) for e in b.entities]
