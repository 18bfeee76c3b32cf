"""Tests for the character-level gazetteer matcher."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from finextract.lexicons import Gazetteer, GazetteerEntry
from finextract.ner.gazetteer import GazetteerMatch, GazetteerMatcher, bounds_from_tokens
from finextract.normalize import Normalizer


def _entry(eid: str, canonical: str, *aliases: str, label: str = "ORG") -> GazetteerEntry:
    return GazetteerEntry(id=eid, label=label, canonical=canonical, aliases=aliases, kind="test")


@pytest.fixture(scope="module")
def tiny() -> GazetteerMatcher:
    return GazetteerMatcher(
        Gazetteer(
            (
                _entry("icbc", "中国工商银行", "工商银行", "工行", "ICBC"),
                _entry("net", "联网中心", "联网"),
                _entry("jd", "京东集团", "京东"),
                _entry("boe", "京东方"),
                _entry("qifu", "奇富科技", "360数科"),
                _entry("huabei", "花呗", label="PRODUCT"),
            )
        )
    )


@pytest.fixture(scope="module")
def packaged() -> GazetteerMatcher:
    return GazetteerMatcher.default()


def _aliases(matches: list[GazetteerMatch]) -> list[str]:
    return [m.alias for m in matches]


def test_match_fields(tiny: GazetteerMatcher) -> None:
    assert tiny.find("据工行消息") == [GazetteerMatch(1, 3, "icbc", "ORG", "中国工商银行", "工行")]


def test_short_alias_does_not_fire_inside_a_longer_token(tiny: GazetteerMatcher) -> None:
    # 互联网|金融: 联网 would start inside the token 互联网.
    assert tiny.find("互联网金融", token_bounds=[0, 3, 5]) == []
    # Without token information only the ASCII rule applies.
    assert _aliases(tiny.find("互联网金融")) == ["联网"]
    # As a token of its own it matches.
    assert _aliases(tiny.find("联网正常", token_bounds=[0, 2, 4])) == ["联网"]


def test_alias_split_into_smaller_tokens_still_matches(tiny: GazetteerMatcher) -> None:
    # jieba splits 花呗 into 花|呗; no token crosses the match edges.
    assert _aliases(tiny.find("花呗额度", token_bounds=[0, 1, 2, 4])) == ["花呗"]


def test_long_aliases_are_trusted_across_tokens(tiny: GazetteerMatcher) -> None:
    # 工|行长: the two-character alias is cut by the token 行长 and rejected ...
    assert tiny.find("工行长", token_bounds=[0, 1, 3]) == []
    # ... while four characters and more are kept even when a token crosses them.
    assert _aliases(tiny.find("工商银行长", token_bounds=[0, 3, 5])) == ["工商银行"]
    assert _aliases(tiny.find("中国工商银行长", token_bounds=[0, 5, 7])) == ["中国工商银行"]
    strict = GazetteerMatcher(tiny.gazetteer, trusted_length=10)
    assert strict.find("中国工商银行长", token_bounds=[0, 5, 7]) == []


def test_rejected_long_match_does_not_hide_a_shorter_one(tiny: GazetteerMatcher) -> None:
    text = "京东方面表示"
    assert _aliases(tiny.find(text)) == ["京东方"]
    matches = tiny.find(text, token_bounds=[0, 2, 4, 6])
    assert [(m.alias, m.entry_id) for m in matches] == [("京东", "jd")]


def test_ascii_aliases_need_non_alphanumeric_neighbours(tiny: GazetteerMatcher) -> None:
    assert _aliases(tiny.find("ICBC发布公告")) == ["ICBC"]
    assert _aliases(tiny.find("(ICBC)")) == ["ICBC"]
    assert _aliases(tiny.find("工行ICBC")) == ["工行", "ICBC"]
    assert tiny.find("XICBC") == []
    assert tiny.find("ICBC2") == []
    assert tiny.find("icbc") == []


def test_mixed_alias_checks_each_edge_by_its_character(tiny: GazetteerMatcher) -> None:
    assert _aliases(tiny.find("360数科发布财报", token_bounds=[0, 3, 5, 7, 9])) == ["360数科"]
    assert tiny.find("A360数科") == []


def test_longest_match_wins(tiny: GazetteerMatcher) -> None:
    matches = tiny.find("中国工商银行和工商银行")
    assert [(m.start, m.end, m.alias) for m in matches] == [(0, 6, "中国工商银行"), (7, 11, "工商银行")]


def test_empty_inputs() -> None:
    empty = GazetteerMatcher(Gazetteer(()))
    assert empty.find("工行") == []
    with pytest.raises(ValueError):
        GazetteerMatcher(Gazetteer(()), trusted_length=0)


def test_bounds_from_tokens() -> None:
    assert bounds_from_tokens([(0, 3, "n"), (3, 5, "v")]) == [0, 3, 5]
    assert bounds_from_tokens([]) == []


def test_traditional_text_after_normalization(packaged: GazetteerMatcher) -> None:
    text = "中國工商銀行與ＩＣＢＣ、螞蟻金服和微眾銀行合作推出花唄"
    work = Normalizer()(text)
    matches = packaged.find(work.norm)
    assert [m.entry_id for m in matches] == ["icbc", "icbc", "ant", "webank", "huabei"]
    assert [m.label for m in matches][-1] == "PRODUCT"
    originals = [work.orig_span(m.start, m.end)[2] for m in matches]
    assert originals == ["中國工商銀行", "ＩＣＢＣ", "螞蟻金服", "微眾銀行", "花唄"]


def test_packaged_gazetteer_on_a_news_sentence(packaged: GazetteerMatcher) -> None:
    text = "央行、银保监会与证监会联合发文，京东数科和蚂蚁集团回应，中金公司点评。"
    ids = [m.entry_id for m in packaged.find(text)]
    assert ids == ["pboc", "cbirc", "csrc", "jdt", "ant", "cicc"]


_PIECES = st.sampled_from(
    ["工行", "工商银行", "中国", "ICBC", "联网", "互", "京东", "方", "X", "、", "3", "60数科"]
)


@settings(max_examples=200, deadline=None)
@given(pieces=st.lists(_PIECES, max_size=12), cut=st.lists(st.integers(0, 40), max_size=8))
def test_matches_are_sorted_disjoint_and_exact(tiny: GazetteerMatcher, pieces: list[str], cut: list[int]) -> None:
    text = "".join(pieces)
    bounds = sorted({0, len(text), *(c for c in cut if c <= len(text))})
    for token_bounds in (None, bounds):
        matches = tiny.find(text, token_bounds=token_bounds)
        for m in matches:
            assert text[m.start : m.end] == m.alias
            assert tiny.gazetteer.lookup(m.alias) is tiny.gazetteer[m.entry_id]
        assert all(a.end <= b.start for a, b in zip(matches, matches[1:]))
