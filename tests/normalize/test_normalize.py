"""Normalization: script and width folding, page chrome."""

import pytest

from finextract.normalize import ChromeRules, Normalizer, NormalizeStage, fold_width
from finextract.document import Document


def test_traditional_becomes_simplified_same_length() -> None:
    work = Normalizer()("工商銀行董事長易會滿")
    assert work.norm == "工商银行董事长易会满"
    assert work.script == "traditional"
    assert work.offsets.is_identity


def test_simplified_is_detected() -> None:
    assert Normalizer()("工商银行董事长易会满").script == "simplified"
    assert Normalizer()("abc 123").script == "none"


def test_width_folding_keeps_cjk_punctuation() -> None:
    assert fold_width("１２３億元，３．５％") == "123億元，3.5%"
    assert fold_width("ＩＣＢＣ\u3000") == "ICBC "


def _excluded_lines(text: str) -> list[str]:
    doc = NormalizeStage()(Document(text=text))
    return [r.text for r in doc.excluded]


def test_footer_chrome_is_marked_and_offsets_are_original() -> None:
    text = "標題\n\n京東金融與某銀行簽署戰略合作協議，雙方將在多個領域展開合作。這是第二句話。\n\n熱門推薦\n\n本文由 someone 提供 原文連結\n寫了7763篇文章,獲得2次喜歡\n留言回覆"
    doc = NormalizeStage()(Document(text=text))
    for region in doc.excluded:
        assert text[region.start : region.end] == region.text
    lines = [r.text for r in doc.excluded]
    assert "熱門推薦" in lines and "寫了7763篇文章,獲得2次喜歡" in lines and "留言回覆" in lines
    assert not any("京東金融" in line for line in lines)


def test_header_chrome_only_on_pages_that_show_chrome() -> None:
    page = "search\n尋找貓咪~QQ 地點 桃園市\n\n重組完成,京東金融走出京東\n\n連續五個季度盈利,單季度盈利接近去年全年,在亮眼的財報里,也低調透露,重組完成交割。"
    assert _excluded_lines(page) == ["search", "尋找貓咪~QQ 地點 桃園市"]
    clean = "京東金融走出京東\n2017年8月1日\n\n連續五個季度盈利,單季度盈利接近去年全年,在亮眼的財報里,也低調透露,重組完成交割。"
    assert _excluded_lines(clean) == []


def test_navigation_bar_is_chrome_and_marks_the_header() -> None:
    page = "財經頻道 | 公司 | 產業 | 數據\n下載客戶端 查看更多資訊\n晨光控股擬向子公司增資\n11月20日，晨光控股發布公告稱，公司擬以自有資金6億元向全資子公司晨光物流增資。"
    assert _excluded_lines(page) == ["財經頻道 | 公司 | 產業 | 數據", "下載客戶端 查看更多資訊"]
    # one separator is a title or a dateline, not a menu
    assert _excluded_lines("晨光控股 | 公告\n11月20日，晨光控股發布公告稱，公司擬以自有資金6億元向全資子公司晨光物流增資。") == []


def test_a_breadcrumb_is_chrome() -> None:
    page = "首頁 > 財經 > 金融\n國泰金控前10月獲利年增25%\n國泰金控昨日公布自結數據，前10月稅後淨利達新台幣652億元，年增25%，每股盈餘4.51元。"
    assert _excluded_lines(page) == ["首頁 > 財經 > 金融"]


def test_reprint_notice_is_chrome() -> None:
    assert _excluded_lines("正文第一句話比較長，足夠長的一句話在這裡結束。\n本文為作者原創,未經授權不得轉載") == ["本文為作者原創,未經授權不得轉載"]


def test_packaged_chrome_rules_validate() -> None:
    rules = ChromeRules.load()
    assert rules.line_reason("热门推荐") == "recommend"


def test_footer_found_after_a_marker_in_the_header() -> None:
    text = (
        "search\n首頁 | 財經\n\n標題一行\n\n正文第一句話比較長，足夠長的一句話在這裡結束，還有更多內容在後面。\n\n"
        "熱門推薦\n某某公司推出新產品\n另一條推薦的標題\n留言回覆"
    )
    lines = _excluded_lines(text)
    assert "某某公司推出新產品" in lines and "另一條推薦的標題" in lines


def test_a_recommended_headline_asking_a_question_is_footer() -> None:
    # a headline ending in ？ after 热门推荐 is no paragraph of the article
    text = (
        "標題一行\n\n正文第一句話比較長，足夠長的一句話在這裡結束，還有更多內容在後面。\n\n"
        "熱門推薦\n年末理財怎麼選？三張圖看懂\n本文由 某某 提供 原文連結\n留言回覆"
    )
    assert "年末理財怎麼選？三張圖看懂" in _excluded_lines(text)
    # a real paragraph after the marker still means the marker was not the footer
    body = "熱門推薦\n正文還有一段，說明這家銀行今年的經營情況。這一段是文章的一部分。"
    assert _excluded_lines("標題\n\n正文第一句話比較長，足夠長的一句話在這裡結束，還有更多內容在後面。\n\n" + body) == ["熱門推薦"]


def test_a_dateline_between_title_and_body_keeps_the_title() -> None:
    """The title is the last short line above the first paragraph that is not a dateline."""
    page = (
        "首页 > 银行 > 正文\n\n岭南农商联合银行挂牌 整合省内12家农商行\n\n2026年11月18日 09:12 来源：金融时报\n\n"
        "11月16日，岭南农村商业联合银行股份有限公司在南州市正式挂牌开业，注册资本为150亿元。"
    )
    assert _excluded_lines(page) == ["首页 > 银行 > 正文"]
    dated = "首頁 > 財經\n國泰金控前10月獲利年增25%\n2026-11-10 18:30 經濟日報 記者王小明\n國泰金控昨日公布自結數據，前10月稅後淨利達新台幣652億元，年增25%。"
    assert _excluded_lines(dated) == ["首頁 > 財經"]


@pytest.mark.parametrize("byline", ["本报记者 周若兰", "記者 陳怡君 李明", "文/张宁", "作者：林小雨", "本報記者　黃嘉欣"])
def test_a_byline_between_title_and_body_keeps_the_title(byline: str) -> None:
    """A reporter's byline, like a dateline, stands between the title and the first paragraph."""
    page = (
        f"首页 > 金融 > 支付\n三季度座次生变 云付科技超越捷汇支付\n{byline}\n"
        "11月20日，市场研究机构易达咨询发布报告显示，三季度国内第三方移动支付交易规模达到98.6万亿元。"
    )
    assert _excluded_lines(page) == ["首页 > 金融 > 支付"]


@pytest.mark.parametrize(
    ("text", "norm"),
    [
        ("招商银行&nbsp;行长", "招商银行 行长"),
        ("A&amp;B公司", "A&B公司"),
        ("&#25307;&#x5546;銀行", "招商银行"),
        ("股價&lt;10元", "股价<10元"),
        ("AT&T and R&D", "AT&T and R&D"),  # no reference: left alone
    ],
)
def test_html_character_references_are_decoded(text: str, norm: str) -> None:
    """A scraped page's &nbsp;, &amp; and &#25307; are read as the characters they stand for."""
    work = Normalizer()(text)
    assert work.norm == norm
    assert work.to_orig(0, len(work.norm)) == (0, len(text))


def test_a_decoded_reference_maps_back_onto_the_whole_reference() -> None:
    text = "招商银行&nbsp;行长王良"
    work = Normalizer()(text)
    at = work.norm.index(" ")
    assert work.orig_span(at, at + 1)[2] == "&nbsp;"
    assert work.orig_span(at + 1, at + 5)[2] == "行长王良"
