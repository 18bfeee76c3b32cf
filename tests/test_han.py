"""The shared Han character class: what it covers, and that patterns built from it keep rare names whole."""

import re

import pytest

from finextract.han import HAN, is_han
from finextract.rules.base import CLAUSE_BREAK


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("银行", True),
        ("㐀", True),  # Extension A
        ("𬍡", True),  # U+2C361, OpenCC's Simplified form of 璗
        ("𠀀", True),  # U+20000, Extension B's first
        ("銀行ETF", False),
        ("。", False),
        ("", False),
    ],
)
def test_is_han(text: str, expected: bool) -> None:
    assert is_han(text) is expected


def test_the_class_and_the_predicate_agree_on_each_range_s_edges() -> None:
    han = re.compile(f"[{HAN}]")
    for char in ("\u33ff", "\u3400", "\u4dbf", "\u4dc0", "\u4e00", "\u9fff", "\ua000", "\U0001ffff", "\U00020000", "\U000323af", "\U000323b0"):
        assert bool(han.fullmatch(char)) is is_han(char), hex(ord(char))


def test_a_headline_space_before_a_supplementary_plane_character_breaks_the_clause() -> None:
    assert [m.group() for m in CLAUSE_BREAK.finditer("瀣峰银行增资 𬍡新金控收购")] == [" "]
