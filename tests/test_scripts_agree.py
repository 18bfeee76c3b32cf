"""Both scripts give the same facts: every Traditional sample against its OpenCC t2s copy, every Simplified one against its s2t copy."""

from __future__ import annotations

from pathlib import Path

import pytest

import finextract
from factkeys import fact_keys

SAMPLES = Path(__file__).resolve().parent.parent / "corpora" / "samples"
PAIRS = [(p, "t2s") for p in sorted(SAMPLES.glob("*_zht.txt"))] + [(p, "s2t") for p in sorted(SAMPLES.glob("*_zhs.txt"))]


@pytest.mark.parametrize(("path", "conversion"), PAIRS, ids=[f"{p.stem}-{c}" for p, c in PAIRS])
def test_a_sample_and_its_copy_in_the_other_script_agree(path: Path, conversion: str) -> None:
    from opencc import OpenCC

    original = path.read_text("utf-8")
    copy = OpenCC(conversion).convert(original)
    a, b = finextract.extract(original), finextract.extract(copy)
    assert a.facts, "the sample should yield facts"
    assert fact_keys(a) == fact_keys(b)
    assert [(e.canonical, e.label, e.start, e.end) for e in a.entities] == [(e.canonical, e.label, e.start, e.end) for e in b.entities]
