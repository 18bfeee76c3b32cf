"""The span invariant over the whole pipeline: every span is ``text[start:end]``.

Random and adversarial text: mixed scripts, full-width forms, page-chrome
words, control characters, figures and entities packed together.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import finextract
from finextract import Document, Span

_PIECES = [
    "工商銀行董事長易會滿", "京東金融與上海銀行簽署戰略合作協議", "壞賬率不超過０．３％", "400多家銀行",
    "1.2萬億", "718日，", "「合作很好」，王明遠說", "熱門推薦", "\n", "，", "。", "\u3000", "ＩＣＢＣ",
    "\x00", "\t", "其常務副總經理兼首席技術官黃鑫認為；", "(以下簡稱廣東農信)", "𠮷", "é", "🙂",
    "&nbsp;", "&amp;", "&#25307;", "&lt;", "&bogus;",
]


def _all_spans(doc: Document) -> list[Span]:
    spans: list[Span] = [*doc.entities, *doc.figures, *doc.periods, *doc.sentences, *doc.tokens, *doc.excluded]
    for fact in doc.facts:
        spans.append(fact.evidence)
        for name in type(fact.args).model_fields:
            value = getattr(fact.args, name)
            spans.extend(v for v in (value if isinstance(value, list) else [value]) if isinstance(v, Span))
    return spans


def _check(text: str) -> None:
    doc = finextract.extract(text)
    assert doc.text == text
    for span in _all_spans(doc):
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=25).map("".join))
def test_spans_on_adversarial_compositions(text: str) -> None:
    _check(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=200))
def test_spans_on_random_text(text: str) -> None:
    _check(text)


def test_traditional_and_simplified_give_the_same_facts() -> None:
    from opencc import OpenCC

    trad = "工商銀行董事長易會滿說，雙方的合作將覆蓋多個領域。京東金融與山東省城市商業銀行合作聯盟舉行戰略合作簽約儀式。壞賬率不超過0.3%。"
    simp = OpenCC("t2s").convert(trad)
    a, b = finextract.extract(trad), finextract.extract(simp)

    def key(doc: Document) -> list[tuple]:
        out = []
        for fact in doc.facts:
            args = fact.args.model_dump()
            out.append((fact.type, fact.rule, _canon(args)))
        return sorted(out)

    assert key(a) == key(b) and key(a)


def _canon(value: object) -> object:
    if isinstance(value, dict):
        if "canonical" in value:
            return value["canonical"]
        if "normalized" in value and value.get("normalized"):
            return value["normalized"]
        if "value" in value and "kind" in value:
            return (value["kind"], value["value"])
        return tuple(sorted((k, _canon(v)) for k, v in value.items() if k not in {"text", "start", "end"}))
    if isinstance(value, list):
        return tuple(_canon(v) for v in value)
    return value
