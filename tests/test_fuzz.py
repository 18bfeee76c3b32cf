"""Fuzzing the public API and the input readers: no crash, no hang, every input accounted for.

Bounded by ``FINEXTRACT_FUZZ_EXAMPLES`` (default 40 per target) so the suite
stays fast; docs/batch.md records a longer run.  Every example runs under a
30-second alarm, so a hang fails the test instead of stalling the suite.
"""

from __future__ import annotations

import io
import json
import os
import signal
from contextlib import contextmanager
from typing import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from finextract import Pipeline
from finextract.batch import process_item
from finextract.errors import InputError
from finextract.inputs import InputDoc, InputProblem, decode_bytes, document_from_bytes, read_jsonl

EXAMPLES = int(os.environ.get("FINEXTRACT_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

PIECES = [
    "工商銀行", "董事長", "易會滿", "表示", "，", "。", "「", "」", "“", "”", "（以下簡稱", "）", "億元", "萬", "%", "個百分點",
    "同比增長", "不超過", "約", "1", "0", "９", ".", "-", "~", "至", "年", "月", "日", "第", "季度", "與", "簽署", "戰略合作",
    "\n", "\r\n", "\t", " ", "\u3000", "\x00", "\x1b", "\u200b", "\ufeff", "\U0001f600", "𠀀", "A股", "HK$", "USD",
]
NUMBERS = st.integers(min_value=-(10**400), max_value=10**400).map(str)
PATTERN_TEXT = st.lists(st.one_of(st.sampled_from(PIECES), NUMBERS), max_size=60).map("".join)
REPEATED = st.tuples(st.sampled_from(PIECES + ["9", "一", "億", "（", "「", "董事長王明"]), st.integers(1, 3000)).map(lambda p: p[0] * p[1])
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400)
TEXTS = st.one_of(ANY_TEXT, PATTERN_TEXT, REPEATED)


@contextmanager
def _no_hang(seconds: int = 30) -> Iterator[None]:
    def _alarm(signum: int, frame: object) -> None:
        raise TimeoutError(f"no result within {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline()


@FUZZ
@given(text=TEXTS)
def test_pipeline_never_crashes_and_spans_point_into_the_text(nlp: Pipeline, text: str) -> None:
    with _no_hang():
        doc = nlp(text, doc_id="fuzz")
    spans = [*doc.sentences, *doc.tokens, *doc.entities, *doc.figures, *doc.periods, *doc.excluded]
    assert all(0 <= s.start <= s.end <= len(text) and text[s.start : s.end] == s.text for s in spans)
    assert all(text[f.evidence.start : f.evidence.end] == f.evidence.text for f in doc.facts)


@FUZZ
@given(text=st.text(max_size=200))
def test_surrogates_are_input_errors_not_crashes(nlp: Pipeline, text: str) -> None:
    with _no_hang():
        outcome = process_item(nlp, InputDoc("s", text))
    if outcome.ok:
        assert not any(0xD800 <= ord(c) <= 0xDFFF for c in text)
    else:
        assert outcome.records[0]["error"]["type"] == "InputError"


@FUZZ
@given(data=st.one_of(st.binary(max_size=600), TEXTS.map(lambda t: t.encode("utf-8"))), html=st.booleans())
def test_decoding_and_html_never_raise_anything_unexpected(data: bytes, html: bool) -> None:
    with _no_hang():
        try:
            decode_bytes(data, "fuzz", html=html)
        except InputError:
            pass
        item = document_from_bytes(data, "d", "fuzz", fmt="html" if html else "text")
    assert isinstance(item, (InputDoc, InputProblem))


_JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), NUMBERS.map(int), st.floats(allow_nan=False), ANY_TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=5), inner, max_size=4)),
    max_leaves=12,
)
_SURROGATE_ESCAPES = st.sampled_from(["\\ud800", "\\udfff", "\\ud83d\\ude00", "\\udc80x", "\\u0000", "\\u001b"])


@st.composite
def _jsonl_line(draw: st.DrawFn) -> bytes:
    kind = draw(st.integers(0, 3))
    if kind == 0:  # a well-formed record, maybe with odd ids and texts
        record = {"id": draw(_JSON_VALUES), "text": draw(TEXTS)}
        return json.dumps(record, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
    if kind == 1:  # surrogate and control escapes inside the JSON strings
        return ('{"id": "%s", "text": "ab%scd"}' % (draw(_SURROGATE_ESCAPES), draw(_SURROGATE_ESCAPES))).encode()
    if kind == 2:  # deeply nested or huge JSON
        depth = draw(st.integers(1, 5000))
        return ("[" * depth + "]" * depth).encode() if draw(st.booleans()) else b'{"text": "x", "id": ' + draw(NUMBERS).encode() + b"}"
    return draw(st.binary(max_size=200)).replace(b"\n", b" ")


@FUZZ
@given(lines=st.lists(_jsonl_line(), max_size=12))
def test_jsonl_reader_accounts_for_every_line(nlp: Pipeline, lines: list[bytes]) -> None:
    data = b"\n".join(lines) + b"\n"
    with _no_hang():
        items = list(read_jsonl(io.BytesIO(data), "fuzz.jsonl"))
        outcomes = [process_item(nlp, item) for item in items]
    assert len(items) == sum(1 for line in data.split(b"\n") if line.strip())
    for outcome in outcomes:
        assert outcome.ok or len(outcome.records) == 1
        for record in outcome.records:
            json.dumps(record, ensure_ascii=False).encode("utf-8")  # every record can be written as UTF-8
