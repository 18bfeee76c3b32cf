"""Both scripts give the same facts: every Traditional sample against its OpenCC t2s copy."""

from __future__ import annotations

from pathlib import Path

import pytest

import finextract
from finextract import Document, Span

SAMPLES = Path(__file__).resolve().parent.parent / "corpora" / "samples"


def _key(doc: Document) -> list[tuple]:
    out = []
    for fact in doc.facts:
        args = []
        for name in type(fact.args).model_fields:
            value = getattr(fact.args, name)
            for v in value if isinstance(value, list) else [value]:
                if isinstance(v, Span):
                    args.append((name, getattr(v, "canonical", None) or doc.normalized(v), v.start, v.end))
                elif v is not None:
                    args.append((name, v))
        out.append((fact.type, fact.rule, fact.modality, fact.confidence, tuple(args)))
    return sorted(out)


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*_zht.txt")), ids=lambda p: p.stem)
def test_traditional_sample_and_its_simplified_copy_agree(path: Path) -> None:
    from opencc import OpenCC

    trad = path.read_text("utf-8")
    simp = OpenCC("t2s").convert(trad)
    a, b = finextract.extract(trad), finextract.extract(simp)
    assert a.facts, "the sample should yield facts"
    assert _key(a) == _key(b)
    assert [(e.canonical, e.label, e.start, e.end) for e in a.entities] == [(e.canonical, e.label, e.start, e.end) for e in b.entities]
