"""Job titles and occupations in the NER stage."""

from __future__ import annotations

import pytest

import finextract
from finextract.lexicons import load_titles


@pytest.fixture(scope="module")
def nlp() -> finextract.Pipeline:
    return finextract.Pipeline(["normalize", "sentences", "segment", "ner"])


def _entities(nlp: finextract.Pipeline, text: str) -> set[tuple[str, str]]:
    return {(e.text, e.label) for e in nlp(text).entities}


def test_occupations_are_titles_but_not_corporate_ones() -> None:
    titles = load_titles()
    assert {"记者", "总统", "教授"} <= titles.occupations
    assert titles.occupations <= set(titles.titles)
    assert titles.is_occupation("首席记者") and titles.is_occupation("驻华大使")
    assert not titles.is_occupation("总经理") and not titles.is_occupation("研究部主任")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("中金公司首席经济学家彭文生表示，降准空间仍在。", {("中金公司", "ORG"), ("首席经济学家", "TITLE"), ("彭文生", "PERSON")}),
        ("華夏基金基金經理張明認為，債市仍有機會。", {("基金经理", "TITLE"), ("张明", "PERSON")}),
        ("新华社记者从多家银行了解到，房贷利率继续下行。", {("新华社", "ORG"), ("记者", "TITLE")}),
        # 副 before a title the lexicon has without it; 现为 opens no name
        ("董事會委任區卓翹為財務總監。區卓翹現為集團副財務總監。", {("区卓翘", "PERSON"), ("副财务总监", "TITLE")}),
    ],
)
def test_titles_found(nlp: finextract.Pipeline, text: str, expected: set[tuple[str, str]]) -> None:
    found = {(e.canonical, e.label) for e in nlp(text).entities}
    assert expected <= found


@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        ("美国总统拜登周三签署了该法案。", ("美国", "ORG")),
        ("新华社北京5月3日电记者从央行获悉，", ("日电", "ORG")),
        ("记者来自多家财经媒体。", ("来自", "PERSON")),
    ],
)
def test_occupations_do_not_anchor_name_patterns(nlp: finextract.Pipeline, text: str, not_expected: tuple[str, str]) -> None:
    assert not_expected not in _entities(nlp, text)


def test_a_person_and_a_serving_verb_are_no_organization(nlp: finextract.Pipeline) -> None:
    """區卓翹|現為|集團: a name and 現為 before 集團 are no group's name."""
    orgs = {e.canonical for e in nlp("區卓翹現為集團副財務總監。").entities if e.label == "ORG"}
    assert not any("现为" in o for o in orgs)


def test_macau_s_regulator_is_a_known_name(nlp: finextract.Pipeline) -> None:
    """澳門金融管理局 is Macau's regulator (a knowledge-base entry), in both scripts."""
    for text in ("交易尚待澳門金融管理局批准。", "交易尚待澳门金融管理局批准。"):
        assert ("澳门金融管理局", "ORG") in {(e.canonical, e.label) for e in nlp(text).entities}



def test_hong_kong_s_appeals_tribunal_is_a_known_name(nlp: finextract.Pipeline) -> None:
    """證券及期貨事務上訴審裁處: the tribunal that hears appeals against the SFC's decisions."""
    found = {(e.canonical, e.label) for e in nlp("他可於21日內向證券及期貨事務上訴審裁處申請覆核。").entities}
    assert ("证券及期货事务上诉审裁处", "ORG") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("國家金融監督管理總局豳州監管分局日前批復同意。", ("国家金融监督管理总局豳州监管分局", "ORG")),
        ("瑀澄投顧資深分析師聶珮綺預估，明年餘額約1,000億元。", ("资深分析师", "TITLE")),
        ("派任東京分行副經理巫承翰擔任分行經理。", ("副经理", "TITLE")),
        ("派任東京分行副經理巫承翰擔任分行經理。", ("分行经理", "TITLE")),
    ],
)
def test_a_regulator_s_local_office_and_bank_branch_posts(nlp: finextract.Pipeline, text: str, expected: tuple[str, str]) -> None:
    """监管分局 ends a name; 资深 is part of a post; a branch's manager and deputy manager are posts."""
    assert expected in {(e.canonical, e.label) for e in nlp(text).entities}
