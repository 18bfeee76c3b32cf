"""The dictionary converter returns exactly what OpenCC's own conversion returns."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from finextract.normalize.script import DictionaryConverter

SAMPLES = Path(__file__).resolve().parents[2] / "corpora" / "samples"
# Traditional and Simplified forms, phrase parts (乾隆, 頭髮), OpenCC's separators and plain ASCII.
ALPHABET = "銀行银行發展发展頭髮头发乾隆干净裏面里面臺灣台湾計劃计划的了在與与和，。、；：？！ \n-.—《》「」abc123"


@pytest.fixture(scope="module")
def converters():  # type: ignore[no-untyped-def]
    from opencc import OpenCC

    return OpenCC("t2s"), DictionaryConverter(OpenCC("t2s"))


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


def _phrase_keys() -> list[str]:
    from opencc import OpenCC

    chain = OpenCC("t2s")._dict_chain_data
    return sorted(k for group in chain for d in group for k in d[2] if len(k) > 1)


PIECES = _phrase_keys()[::3] + list("的了銀行发發髮乾干後后台臺面麵里裡，。 ")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_same_output_on_overlapping_phrases(converters, pieces: list[str]) -> None:  # type: ignore[no-untyped-def]
    plain, skipping = converters
    text = "".join(pieces)
    assert skipping.convert(text) == plain.convert(text)


def test_same_output_where_phrases_overlap(converters) -> None:  # type: ignore[no-untyped-def]
    """Texts where one phrase key runs into another: which one wins decides the output."""
    plain, skipping = converters
    keys = _phrase_keys()
    by_first: dict[str, list[str]] = {}
    for key in keys:
        by_first.setdefault(key[0], []).append(key)
    texts = [left + right[1:] for left in keys for right in by_first.get(left[-1], []) if right != left]
    assert len(texts) > 20
    for text in texts:
        assert skipping.convert(text) == plain.convert(text), text


def test_unknown_converters_are_used_as_they_are() -> None:
    class Upper:
        def convert(self, text: str) -> str:
            return text.upper()

    assert DictionaryConverter(Upper()).convert("abc，def") == "ABC，DEF"
