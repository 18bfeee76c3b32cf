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


def test_a_line_wrapped_inside_a_sentence_is_joined() -> None:
    """A scraper's line break in the middle of a body sentence (…回应称，相关传言\\n不实，…) does not end it."""
    text = "近期网上流传栖鹿科技将裁员的消息。对此，栖鹿科技副总裁彭绎回应称，相关传言\n不实，公司并未启动任何裁员计划。\n\n下一段。"
    assert _texts(text) == [
        "近期网上流传栖鹿科技将裁员的消息。",
        "对此，栖鹿科技副总裁彭绎回应称，相关传言\n不实，公司并未启动任何裁员计划。",
        "下一段。",
    ]


def test_a_headline_or_short_line_keeps_its_line_break() -> None:
    """A headline (no clause punctuation) and a short line stay sentences of their own."""
    assert _texts("栖鹿科技消费信贷业务拆分落地 栖鹿消金获批开业\n国家金融监督管理总局日前批复。") == [
        "栖鹿科技消费信贷业务拆分落地 栖鹿消金获批开业",
        "国家金融监督管理总局日前批复。",
    ]
    assert _texts("责任编辑：苗思远\n相关阅读") == ["责任编辑：苗思远", "相关阅读"]


def test_a_line_wrapped_before_a_figure_is_joined() -> None:
    text = "控股股东累计质押其所持公司股份约2.14亿股，占其持股总数的89.7%，占公司总股本的\n34.64%。"
    assert _texts(text) == [text]
