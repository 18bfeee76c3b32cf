"""Skipping OpenCC on pieces without dictionary keys never changes the conversion."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from finextract.normalize.script import KeySkippingConverter

SAMPLES = Path(__file__).resolve().parents[2] / "corpora" / "samples"
# Traditional and Simplified forms, phrase parts (乾隆, 頭髮), OpenCC's separators and plain ASCII.
ALPHABET = "銀行银行發展发展頭髮头发乾隆干净裏面里面臺灣台湾計劃计划的了在與与和，。、；：？！ \n-.—《》「」abc123"


@pytest.fixture(scope="module")
def converters():  # type: ignore[no-untyped-def]
    from opencc import OpenCC

    return OpenCC("t2s"), KeySkippingConverter(OpenCC("t2s"))


def test_reads_the_dictionaries(converters) -> None:  # type: ignore[no-untyped-def]
    _, skipping = converters
    assert skipping._keys is not None, "no OpenCC dictionary keys were found: skipping is off"


def test_same_output_on_the_bundled_articles_in_both_scripts(converters) -> None:  # type: ignore[no-untyped-def]
    from opencc import OpenCC

    plain, skipping = converters
    s2t = OpenCC("s2t")
    texts = [p.read_text("utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    assert texts
    for text in texts + [s2t.convert(t) for t in texts]:
        assert skipping.convert(text) == plain.convert(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_same_output_on_random_text(converters, text: str) -> None:  # type: ignore[no-untyped-def]
    plain, skipping = converters
    assert skipping.convert(text) == plain.convert(text)


def test_unknown_converters_are_used_as_they_are() -> None:
    class Upper:
        def convert(self, text: str) -> str:
            return text.upper()

    assert KeySkippingConverter(Upper()).convert("abc，def") == "ABC，DEF"
