"""Sentence splitting on the working text."""

from finextract.sentences import split_spans


def _texts(text: str, **kw: int) -> list[str]:
    return [text[s:e] for s, e in split_spans(text, **kw)]


def test_chinese_and_ascii_enders_and_line_breaks() -> None:
    assert _texts("第一句。第二句！Third one. 第四句？\n\n第五句") == ["第一句。", "第二句！", "Third one.", "第四句？", "第五句"]


def test_decimal_points_do_not_split() -> None:
    assert _texts("坏账率为0.3%。下一句。") == ["坏账率为0.3%。", "下一句。"]


def test_quotes_stay_whole() -> None:
    text = "他说：「第一点。第二点。」随后离开。"
    assert _texts(text) == ["他说：「第一点。第二点。」", "随后离开。"]


def test_long_sentences_are_cut_at_a_comma() -> None:
    text = "，".join(["很长的分句内容"] * 200) + "。"
    pieces = _texts(text, max_chars=100)
    assert all(len(p) <= 100 for p in pieces)
    assert "".join(pieces) == text


def test_whitespace_only_gives_nothing() -> None:
    assert split_spans(" \n\t\u3000 ") == []
