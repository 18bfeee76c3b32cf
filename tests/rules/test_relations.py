"""Relation rules, modality and attribution, with negatives, in both scripts."""

from __future__ import annotations

import io
import json

import pytest

import finextract
from finextract.cli import main


def _facts(text: str, fact_type: str) -> list:
    return [f for f in finextract.extract(text).facts if f.type == fact_type]


@pytest.mark.parametrize(
    ("text", "holder", "held", "stake"),
    [
        ("東星集團持有融眾集團20%股權。", "東星集團", "融眾集團", "20%"),
        ("东星集团持有融众集团20%股权。", "东星集团", "融众集团", "20%"),
        ("融眾集團獲東星集團增持。", "東星集團", "融眾集團", None),
        # a relation noun between two names: 子公司 (holder first), 母公司 (holder second)
        ("近期，招商地产子公司瑞嘉公司接到南京国土资源局的通知。", "招商地产", "瑞嘉公司", None),
        ("融眾集團母公司東星集團表示，業績穩定。", "東星集團", "融眾集團", None),
        # a passive marker glued to the holder's name by the segmenter; a duration is no stake
        ("6月3日，嘉禾銀行發布公告稱，嘉禾銀行獲恆泰人壽增持1.2億股H股。", "恆泰人壽", "嘉禾銀行", "1.2億股"),
        ("恒泰人寿计划在未来12个月内继续增持嘉禾银行股份。", "恒泰人寿", "嘉禾银行", None),
        # a count of trading days is no stake either; shares and percentages are
        ("东星集团计划在公告披露之日起15个交易日后增持融众集团股份。", "东星集团", "融众集团", None),
        # Taiwan counts shares in lots (張, a thousand shares) of stock; cards counted in 張 are no stake
        ("琁曜人壽目前持有岏溪銀行約4.65萬張股票。", "琁曜人壽", "岏溪銀行", "約4.65萬張"),
        ("东星集团持有融众集团发行的3万张储值卡。", "东星集团", "融众集团", None),
        # 由 marks the holder of what the sentence is about
        ("星滙銀行由星滙集團持有70%股權。", "星滙集團", "星滙銀行", "70%"),
        ("融众集团由东星集团持股51%。", "东星集团", "融众集团", "51%"),
        ("交易完成后，东星集团将保留融众集团余下30%股权。", "东星集团", "融众集团", "30%"),  # keeps the rest
        # a unit under its parent: 下属, 所属 (as 旗下)
        ("东星集团下属融众集团斥资8亿美元收购瀚海能源。", "东星集团", "融众集团", None),
        ("東星集團所屬融眾集團年產5萬噸銅。", "東星集團", "融眾集團", None),
        ("融众集团是东星集团全资控股的省属国有企业。", "东星集团", "融众集团", None),  # controlled by
        # a province's state-asset commission owns its companies (it is no supervisor here)
        ("融众集团是濂江省人民政府国有资产监督管理委员会（以下简称“濂江省国资委”）全资控股的省属国有企业。", "濂江省人民政府国有资产监督管理委员会", "融众集团", None),
    ],
)
def test_ownership(text: str, holder: str, held: str, stake: str | None) -> None:
    (fact,) = _facts(text, "ownership")
    assert (fact.args.holder.text, fact.args.held.text) == (holder, held)
    assert (fact.args.stake.text if fact.args.stake else None) == stake


@pytest.mark.parametrize(
    "text",
    [
        "东星集团向融众集团增资8亿元。",
        "東星集團對融眾集團增資8億元。",
        "东星集团通过对融众集团的增资扩股进军稀土产业。",
        "东星集团拟向融众集团注资5亿元。",
        "东星集团拟以自有资金向融众集团增资5亿元。",  # the funds used before 向
        "東星集團擬使用募集資金向融眾集團增資。",
    ],
)
def test_funds_put_into_a_company_make_a_holding(text: str) -> None:
    (fact,) = _facts(text, "ownership")
    assert (fact.args.holder.canonical, fact.args.held.canonical) == ("东星集团", "融众集团")


def test_funds_put_in_right_after_a_declared_short_form() -> None:
    (fact,) = _facts("东星集团股份有限公司（以下简称“东星集团”）向融众集团出资44.1亿元，持股51.04%。", "ownership")
    assert (fact.args.holder.text, fact.args.held.text, fact.args.action.text) == ("东星集团", "融众集团", "出资")


@pytest.mark.parametrize("text", ["东星集团日前已经与融众集团达成了并购协议。", "東星集團與融眾集團簽署收購協議。"])
def test_a_merger_agreement_between_two_companies_is_an_acquisition(text: str) -> None:
    (fact,) = _facts(text, "acquisition")
    assert {fact.args.acquirer.canonical, fact.args.target.canonical} == {"东星集团", "融众集团"}


def test_a_subsidiary_that_buys_is_the_acquirer_not_its_holder() -> None:
    facts = _facts("此外，东星集团子公司东星物业拟以1.2亿元收购融众集团。", "acquisition")
    assert [(f.args.acquirer.text, f.args.target.text) for f in facts] == [("东星物业", "融众集团")]


def test_one_reading_per_pair_the_first_trigger_or_a_relation_noun() -> None:
    (bought,) = _facts("东星集团宣布以现金收购并增资融众集团。", "acquisition")
    assert (bought.args.acquirer.text, bought.args.target.text) == ("东星集团", "融众集团")
    text = "公司拟以现金7.8亿元收购控股股东东星集团旗下的融众集团100%股权。"
    assert not any(f.args.target.text == "东星集团" for f in _facts(text, "acquisition"))


@pytest.mark.parametrize(
    ("text", "stake"),
    [
        ("华丽集团拟将融众集团35%的股权转让给瀚海集团，交易金额为2.8亿元。", "35%"),
        ("新理益集團將其所持有的融眾集團8000萬股股份轉讓給瀚海集團。", "8000萬股"),
        ("东星集团将所持融众集团股份出售给瀚海集团。", None),
        # Hong Kong wording: the verb before the shares, 予 before the buyer
        ("東星集團擬以每股5.2港元出售所持融眾集團30%股權予瀚海集團，作價約15.6億港元。", "30%"),
        ("东星集团同意转让融众集团全部股权给瀚海集团。", None),
        # a state-asset holder's free transfer (无偿划转) to another
        ("东星国资拟将其持有的融众集团2.37亿股股份无偿划转至瀚海集团。", "2.37亿股"),
        ("東星國資將所持融眾集團29.6%股份無償劃轉給瀚海集團。", "29.6%"),
    ],
)
def test_the_company_a_stake_is_transferred_to_holds_it(text: str, stake: str | None) -> None:
    facts = [f for f in _facts(text, "ownership") if f.rule == "ownership.transferee"]
    (fact,) = facts
    assert (fact.args.holder.canonical, fact.args.held.canonical) == ("瀚海集团", "融众集团")
    assert (fact.args.stake.text if fact.args.stake else None) == stake


def test_an_asset_transferred_is_no_stake() -> None:
    text = "东星集团拟将融众集团大楼及相应的土地使用权转让给瀚海集团。"
    assert not any(f.rule == "ownership.transferee" for f in _facts(text, "ownership"))


def test_the_company_a_stake_is_sold_to_is_not_held() -> None:
    assert _facts("东星集团向融众集团转让所持股权。", "ownership") == []


def test_a_stake_won_at_auction_is_held() -> None:
    (fact,) = _facts("东星集团在产权交易所成功竞得融众集团800万股股份。", "ownership")
    assert (fact.args.holder.text, fact.args.held.text, fact.args.stake.text) == ("东星集团", "融众集团", "800万股")


def test_an_investor_named_after_a_company_holds_it() -> None:
    (fact,) = _facts("会议现场有东星集团最大的机构投资者融众集团。", "ownership")
    assert (fact.args.holder.text, fact.args.held.text) == ("融众集团", "东星集团")


def test_investors_as_a_noun_invest_in_nothing() -> None:
    assert _facts("瀚海顾问和东星资讯都建议投资者投票反对融众集团的合并方案。", "ownership") == []


def test_the_subject_of_a_long_first_clause_holds_what_the_next_clause_trades() -> None:
    text = "控股股东北辰投资计划在公告披露之日起15个交易日后的3个月内，通过集中竞价和大宗交易方式减持瀚海集团股份。"
    (fact,) = _facts(text, "ownership")
    assert (fact.args.holder.text, fact.args.held.text, fact.args.action.text, fact.rule) == ("北辰投资", "瀚海集团", "减持", "ownership.distant")


def test_ownership_reaches_a_list_but_not_past_another_name() -> None:
    held = {f.args.held.text for f in _facts("东星集团持有融众集团、瀚海集团各20%的股权。", "ownership")}
    assert held == {"融众集团", "瀚海集团"}
    held = {f.args.held.text for f in _facts("东星集团子公司融众集团接到瀚海集团的通知。", "ownership")}
    assert held == {"融众集团"}


@pytest.mark.parametrize(
    "text",
    [
        "大族激光公告，控股子公司大族数控拟将大族数控大楼转让给深圳发展银行。",
        "東星集團將所持大樓出售給融眾集團。",
        # a name inside 除…以外 is what the deal leaves out
        "东星集团将向万达集团转让除与融众集团有关的资产以外的全部资产。",
        "東星集團將向萬達集團轉讓除融眾集團股權之外的全部資產。",
    ],
)
def test_the_recipient_of_a_sale_is_not_held(text: str) -> None:
    assert not any(f.args.held.text in ("深圳发展银行", "融眾集團", "融众集团") for f in _facts(text, "ownership"))


def test_acquisition_direct_passive_and_planned() -> None:
    (direct,) = _facts("萬達集團以26億美元收購東星集團。", "acquisition")
    assert (direct.args.acquirer.text, direct.args.target.text, direct.rule) == ("萬達集團", "東星集團", "acquisition.direct")
    assert direct.args.value is not None and direct.args.value.currency == "USD"
    (passive,) = _facts("东星集团被万达集团收购。", "acquisition")
    assert (passive.args.acquirer.text, passive.args.target.text, passive.rule) == ("万达集团", "东星集团", "acquisition.passive")
    (planned,) = _facts("萬達集團擬收購東星集團。", "acquisition")
    assert planned.modality == "planned"


@pytest.mark.parametrize(
    ("text", "stake", "part"),
    [
        ("萬達集團以26億美元收購東星集團。", None, None),
        ("东星集团以8亿元收购融众集团9.1%的股权。", "9.1%", None),
        ("東星集團收購融眾集團30%股份。", "30%", None),
        # the target sells a part of itself: the company is not bought
        ("东星集团收购融众集团的物业管理业务。", None, "物业管理业务"),
        ("東星集團收購融眾集團旗下的商場資產，作價5億元。", None, "商场资产"),
        ("东星集团收购融众集团后业务大增。", None, None),
    ],
)
def test_an_acquisition_says_what_part_of_the_target_is_bought(text: str, stake: str | None, part: str | None) -> None:
    (fact,) = _facts(text, "acquisition")
    assert (fact.args.stake.text if fact.args.stake else None) == stake
    assert (fact.args.part.normalized if fact.args.part else None) == part


def test_a_part_or_a_minority_stake_bought_is_a_less_confident_acquisition() -> None:
    (whole,) = _facts("东星集团收购融众集团。", "acquisition")
    (part,) = _facts("东星集团收购融众集团的物业管理业务。", "acquisition")
    (minority,) = _facts("东星集团收购融众集团9.1%的股权。", "acquisition")
    (control,) = _facts("东星集团收购融众集团60%的股权。", "acquisition")
    assert part.confidence < minority.confidence < whole.confidence == control.confidence


@pytest.mark.parametrize(
    "text",
    ["萬達集團並未收購東星集團。", "如果萬達集團收購東星集團，行業格局將改變。", "万达集团会收购东星集团吗？"],
)
def test_acquisition_negatives(text: str) -> None:
    assert _facts(text, "acquisition") == []


@pytest.mark.parametrize(
    "text",
    ["是次協議屬一般業務安排，並不涉及嶔霖再保入股皞泰保險。", "此次合作不涉及东星集团入股融众集团。"],
)
def test_ownership_negated_by_bu_sheji(text: str) -> None:
    """並不涉及…入股, 不涉及…入股: a negation as much as 并未."""
    assert _facts(text, "ownership") == []


def test_a_rumour_is_reported_and_a_denied_rumour_is_nothing() -> None:
    (rumour,) = _facts("外界傳出永豐數位銀行將收購晶彩支付。", "acquisition")
    assert rumour.modality == "reported"
    denied = "對於外界傳出永豐數位銀行將收購晶彩支付的消息，黃國棟強調，「雙方只是業務合作，沒有任何併購計畫」。"
    assert _facts(denied, "acquisition") == []


def test_a_dispute_with_a_former_partner() -> None:
    """與前合作夥伴宏碩科技的合約糾紛: a dispute; that they once worked together is no partnership now."""
    text = "晶彩支付與前合作夥伴宏碩科技的合約糾紛仍在訴訟中。宏碩科技去年提起訴訟。"
    (dispute,) = _facts(text, "dispute")
    assert [p.text for p in dispute.args.parties] == ["晶彩支付", "宏碩科技"]
    assert _facts(text, "partnership") == []


def test_a_dispute_with_a_former_distributor() -> None:
    """與前分銷商…對簿公堂: what the second party was to the first does not break the pair."""
    text = "東星保險去年曾與前分銷商澼峰保險經紀有限公司（下稱「澼峰經紀」）對簿公堂。"
    (dispute,) = _facts(text, "dispute")
    assert [p.text for p in dispute.args.parties] == ["東星保險", "澼峰保險經紀有限公司"]


def test_the_rest_held_by_another_holder() -> None:
    """星滙銀行由星滙集團持有70%股權，其餘30%由安信保險持有: the rest of the same company."""
    text = "星滙銀行由星滙集團持有70%股權，其餘30%由安信保險持有。"
    got = {(f.args.holder.text, f.args.held.text, f.args.stake.text if f.args.stake else None, f.rule) for f in _facts(text, "ownership")}
    assert ("安信保險", "星滙銀行", "30%", "ownership.remainder") in got
    assert not [f for f in _facts("其餘30%由安信保險持有。", "ownership")]  # no company named before


def test_investors_of_a_funding_round() -> None:
    """本轮融资由红杉中国领投，高瓴资本、蓝湖资本跟投: each investor takes a stake in the company raising."""
    text = "数擎科技近日完成8亿元人民币C轮融资，本轮融资由红杉中国领投，高瓴资本、蓝湖资本跟投。"
    got = {(f.args.holder.text, f.args.held.text, f.args.action.text, f.rule) for f in _facts(text, "ownership")}
    assert got == {
        ("红杉中国", "数擎科技", "领投", "ownership.round"),
        ("高瓴资本", "数擎科技", "跟投", "ownership.round"),
        ("蓝湖资本", "数擎科技", "跟投", "ownership.round"),
    }
    assert all(f.modality != "actual" for f in _facts("数擎科技计划明年启动C轮融资，或由红杉中国领投。", "ownership"))


def test_a_party_competing_with_a_list() -> None:
    text = "市場人士指出，華盛保險與中國平安、中國人壽在健康險市場的競爭日趨激烈。"
    pairs = {tuple(p.text for p in f.args.parties) for f in _facts(text, "competition")}
    assert pairs == {("華盛保險", "中國平安"), ("華盛保險", "中國人壽")}


def test_an_absorbing_merger_is_an_acquisition() -> None:
    (fact,) = _facts("华晨证券拟换股吸收合并海通达证券。", "acquisition")
    assert (fact.args.acquirer.text, fact.args.target.text, fact.args.action.text, fact.modality) == ("华晨证券", "海通达证券", "吸收合并", "planned")


def test_the_target_named_twice_in_a_long_sentence() -> None:
    text = "公告称，华晨证券拟通过向东方证券全体股东发行A股股票的方式，换股吸收合并东方证券。"
    facts = _facts(text, "acquisition")
    assert [(f.args.acquirer.text, f.args.target.text) for f in facts] == [("华晨证券", "东方证券")]


def test_a_headline_space_separates_two_statements() -> None:
    """江川银行打包转让38亿元不良资产 华信资产竞得: the buyer after the space is held by no one."""
    assert _facts("江川银行打包转让38亿元不良资产 华信资产竞得", "ownership") == []


def test_a_headline_space_ends_a_deal_value() -> None:
    """合并东方鼎证券 合并后总资产将超5000亿元: the figure after the headline's space is the new total, no price."""
    (fact,) = _facts("华晨证券拟换股吸收合并海通达证券 合并后总资产将超5000亿元", "acquisition")
    assert fact.args.value is None


def test_rivals_listed_after_with_compete_with_someone_else() -> None:
    """与中信证券、华泰证券等头部券商展开竞争: both are rivals of the subject, not of each other."""
    assert _facts("合并后将在财富管理领域与中信证券、华泰证券等头部券商展开竞争。", "competition") == []


def test_a_price_war_is_competition() -> None:
    (competition,) = _facts("星滙銀行與眾安銀行在存款利率上的價格戰仍未結束。", "competition")
    assert [p.text for p in competition.args.parties] == ["星滙銀行", "眾安銀行"]


def test_an_appointee_described_by_a_former_post() -> None:
    """委任前匯豐銀行零售業務主管何志明為營運總裁: the former post describes the appointee."""
    text = "星滙銀行宣布委任前匯豐銀行零售業務主管何志明為營運總裁，自8月1日起生效。"
    (named,) = _facts(text, "appointment")
    assert (named.args.person.text, named.args.title.text, named.args.change) == ("何志明", "營運總裁", "appointed")
    assert named.args.org is not None and named.args.org.text == "星滙銀行"
    roles = {(r.args.person.text, r.args.org.text if r.args.org else None, r.args.title.text) for r in _facts(text, "role")}
    assert ("何志明", "星滙銀行", "營運總裁") in roles


def test_dispute_with_plaintiff_and_competition_pair() -> None:
    (dispute,) = _facts("東星集團將融眾集團告上法庭。", "dispute")
    assert (dispute.args.plaintiff.text, dispute.args.defendant.text) == ("東星集團", "融眾集團")
    (competition,) = _facts("保利集團與萬達集團爭奪市場份額。", "competition")
    assert {p.text for p in competition.args.parties} == {"保利集團", "萬達集團"}


def test_a_court_delivering_a_complaint_is_no_party() -> None:
    """起诉状 is the complaint the court delivers, not the court suing anyone."""
    text = "华越科技公告，公司收到深圳市中级人民法院送达的起诉状，鑫源电子起诉华越科技侵犯其专利权。"
    disputes = _facts(text, "dispute")
    assert [(d.args.plaintiff.text, d.args.defendant.text) for d in disputes] == [("鑫源电子", "华越科技")]


def test_both_parties_launch_together() -> None:
    """…签署策略合作协议，双方将于明年第一季共同推出「晶彩Go帐户」: a launch by each of the two."""
    text = "永豐數位銀行今日宣布與晶彩支付簽署策略合作協議，雙方將於明年第一季共同推出聯名數位帳戶「晶彩Go帳戶」。"
    launches = _facts(text, "product_launch")
    assert {(f.args.org.text, f.args.product.text, f.rule) for f in launches} == {
        ("永豐數位銀行", "晶彩Go帳戶", "product_launch.both_parties"),
        ("晶彩支付", "晶彩Go帳戶", "product_launch.both_parties"),
    }
    assert all(f.modality == "planned" for f in launches)
    assert _facts("雙方將於明年推出「晶彩Go帳戶」。", "product_launch") == []  # no parties named


def test_a_dispute_between_a_company_with_a_declared_short_form_and_another() -> None:
    """A（以下簡稱A'）與B…發生爭議: the pair reads past the declaration."""
    text = "蕎絜消費者權益促進基金會（以下簡稱蕎絜基金會）與璿霂銀行自今年8月起就循環利率差別定價發生爭議。"
    facts = [([p.text for p in f.args.parties], f.args.plaintiff) for f in _facts(text, "dispute")]
    assert facts == [(["蕎絜消費者權益促進基金會", "璿霂銀行"], None)]


def test_companies_consolidated_into_a_new_one_acquire_none_of_each_other() -> None:
    """A（…）、B（…）和C（…）以新设合并方式组建D: a consolidation into a new bank, no merger of one into another."""
    text = "汊口农村商业银行股份有限公司（以下简称“汊口农商行”）、芗田农村商业银行股份有限公司（以下简称“芗田农商行”）以新设合并方式组建渌原农商银行。"
    assert _facts(text, "acquisition") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the company held written after 对, and the holders of the next clauses hold it too
        (
            "增资完成后，东星集团对融众集团的持股比例将由60%升至68.57%，瀚海集团持股比例降至22.86%，安信保险持股比例被稀释至8.57%。",
            {("东星集团", "融众集团", "68.57%"), ("瀚海集团", "融众集团", "22.86%"), ("安信保险", "融众集团", "8.57%")},
        ),
        # 对B持股 without 的, 在B的持股比例, a listed company's kind or trading-status mark before B
        ("随着东星集团对融众集团持股增至18.8%，", {("东星集团", "融众集团", "18.8%")}),
        ("本次交易完成后，东星集团在融众集团的持股比例将升至51%以上。", {("东星集团", "融众集团", "51%以上")}),
        ("目前，东星集团在上市公司融众集团的持股比例为38.8%。", {("东星集团", "融众集团", "38.8%")}),
        ("恆泰人壽在嘉禾銀行的持股比例不超過10%。", {("恆泰人壽", "嘉禾銀行", "不超過10%")}),
        # the company the sentence is about, named before the holders whose stakes moved
        (
            "交易完成后，埙城金控持股比例为46.67%，成为瀹川信托第一大股东；芣岭投资持股比例由51%被稀释至34%，蓂泰实业持股比例由29%降至6%。",
            {("芣岭投资", "瀹川信托", "34%"), ("蓂泰实业", "瀹川信托", "6%")},
        ),
    ],
)
def test_a_holder_s_stake_moved_to_a_level_is_a_holding(text: str, expected: set) -> None:
    got = {(f.args.holder.text, f.args.held.text, f.args.stake.text if f.args.stake else None) for f in _facts(text, "ownership")}
    assert expected <= got


def test_its_stake_in_a_company_is_held_by_the_company_its_refers_to() -> None:
    """其对B的持股比例由9%被稀释至6.75%: 其 is the holder named before; B is held, never a holder."""
    text = "新股东犍瑞科技出资6.4亿元认购4亿股，成为澹棂银行第三大股东。另一股东氿衡投资并未参与认购，其对澹棂银行的持股比例由9%被稀释至6.75%。"
    got = {(f.args.holder.text, f.args.held.text, f.args.stake.text if f.args.stake else None) for f in _facts(text, "ownership")}
    assert ("氿衡投资", "澹棂银行", "6.75%") in got
    assert not [g for g in got if g[0] == "澹棂银行"]


def test_every_product_listed_after_one_launch_verb_is_launched() -> None:
    text = "澉璿銀行於11月25日推出「璿匯大灣區債券基金」及「璿匯亞洲高息股票基金」兩隻專屬基金。"
    launched = {(f.args.org.text, f.args.product.text) for f in _facts(text, "product_launch")}
    assert launched == {("澉璿銀行", "璿匯大灣區債券基金"), ("澉璿銀行", "璿匯亞洲高息股票基金")}


def test_product_launch_and_appointment() -> None:
    (launch,) = _facts("7月1日，招商銀行推出《掌上生活》App。", "product_launch")
    assert launch.args.org.text == "招商銀行" and launch.args.product.text == "掌上生活"
    assert launch.args.date is not None and launch.args.date.value == "--07-01"
    (appointed,) = _facts("王明遠出任招商銀行行長。", "appointment")
    assert (appointed.args.change, appointed.args.title.text, appointed.args.org.text) == ("appointed", "行長", "招商銀行")


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        ("董事会聘任刘晓峰为晨光控股总裁。", "刘晓峰", "晨光控股"),
        ("董事會同意任命劉曉峰為晨光控股總裁。", "劉曉峰", "晨光控股"),
        # the board's company, when no company follows 为
        ("泰和电气董事会同意聘任赵立群为副总经理。", "赵立群", "泰和电气"),
        ("泰和電氣公告稱，公司董事會同意聘任趙立群為副總經理。", "趙立群", "公司"),
        # the board's resolution in an earlier clause, its company named by 该行
        ("璟川银行公告称，该行董事会审议通过了设立供应链金融部的议案，并同意聘任祁若谷为供应链金融部总经理。", "祁若谷", "该行"),
    ],
)
def test_a_board_naming_someone_is_an_appointment(text: str, person: str, org: str) -> None:
    (named,) = _facts(text, "appointment")
    assert (named.args.person.text, named.args.change, named.args.org.text, named.rule) == (person, "appointed", org, "appointment.named")
    (role,) = _facts(text, "role")
    assert (role.args.person.text, role.args.org.text) == (person, org)
    assert _facts("董事會並未聘任劉曉峰為晨光控股總裁。", "appointment") == []


def test_a_resignation_from_the_post_written_before_the_name() -> None:
    """泰和电气副总经理李海峰…辞去副总经理职务: the company of the post written before the name."""
    (change,) = _facts("泰和电气副总经理李海峰因个人原因辞去副总经理职务。", "appointment")
    assert (change.args.change, change.args.title.text, change.args.org.text) == ("resigned", "副总经理", "泰和电气")
    (change,) = _facts("泰和电气董事李海峰辞去副总经理职务。", "appointment")  # another post: its company may differ
    assert change.args.org is None


def test_a_post_filled_by_a_named_successor() -> None:
    """南岭理财总经理由原…总经理孙悦出任: the post before 由 is the one 孙悦 takes."""
    (named,) = _facts("晨光理财公司总经理由原江川银行资产管理部总经理孙悦出任。", "appointment")
    assert (named.args.person.text, named.args.change, named.args.title.text, named.args.org.text) == ("孙悦", "appointed", "总经理", "晨光理财公司")
    assert "由原" not in {e.text for e in finextract.extract("晨光理财公司总经理由原江川银行资产管理部总经理孙悦出任。").entities}


def test_a_resignation_with_its_reason_and_date_before_the_verb() -> None:
    (change,) = _facts("鄧志強已於今年9月因個人原因辭去集團總裁及執行董事職務。", "appointment")
    assert (change.args.person.text, change.args.change, change.args.title.text) == ("鄧志強", "resigned", "總裁")


def test_a_resignation_opening_the_next_clause_is_the_persons() -> None:
    (change,) = _facts("兴港银行原行长刘建国因到龄退休，不再担任行长职务。", "appointment")
    assert (change.args.person.text, change.args.change, change.args.title.text) == ("刘建国", "resigned", "行长")
    # the next clause has its own subject: 李强 resigns, 张伟 does not
    assert {f.args.person.text for f in _facts("张伟表示，李强不再担任董事。", "appointment")} == {"李强"}


def test_a_controlling_shareholder_after_a_comma_holds_the_company() -> None:
    facts = _facts("华晟基金近日公告，控股股东华晟证券拟向其增资5亿元。", "ownership")
    # the holding named by 控股股东, and the funds it puts in (向其增资)
    assert {(f.args.holder.text, f.args.held.text, f.rule) for f in facts} == {("华晟证券", "华晟基金", "ownership.reverse"), ("华晟证券", "华晟基金", "ownership.funds_its")}


def test_a_space_between_headline_clauses_ends_the_clause() -> None:
    """东岳证券董事长周建明辞职 总裁刘文涛代行…: 总裁 belongs to the second clause of the headline."""
    (change,) = [f for f in _facts("东岳证券董事长周建明辞职 总裁刘文涛代行董事长职责", "appointment") if f.args.person.text == "周建明"]
    assert (change.args.change, change.args.title.text, change.args.org.text) == ("resigned", "董事长", "东岳证券")


def test_a_resignation_keeps_the_title_written_before_the_person() -> None:
    (change,) = _facts("基金经理周晓峰于11月1日离任。", "appointment")
    assert (change.args.person.text, change.args.change, change.args.title.text) == ("周晓峰", "resigned", "基金经理")


def test_a_condition_in_an_earlier_clause_blocks_the_relation() -> None:
    assert _facts("有分析認為，若要約成功，遠東控股將成為東星集團的控股股東。", "ownership") == []
    assert _facts("遠東控股已成為東星集團的控股股東。", "ownership") != []


def test_a_passive_marker_after_a_setting() -> None:
    (dispute,) = _facts("東星集團去年因專利糾紛被日本精工株式會社起訴。", "dispute")
    assert (dispute.args.plaintiff.text, dispute.args.defendant.text, dispute.rule) == ("日本精工株式會社", "東星集團", "dispute.passive")


def test_a_subsidiary_takes_no_stake_from_its_clause() -> None:
    facts = _facts("遠東控股透過全資子公司遠東投資持有東星集團18.2%的股份。", "ownership")
    stakes = {(f.args.holder.text, f.args.held.text): f.args.stake.text if f.args.stake else None for f in facts}
    assert stakes[("遠東控股", "遠東投資")] is None and stakes[("遠東投資", "東星集團")] == "18.2%"


def test_a_successor_takes_the_vacated_title() -> None:
    facts = _facts("王志誠因工作調整卸任公司董事長，由副董事長趙立新接任。", "appointment")
    successor = next(f for f in facts if f.args.person.text == "趙立新")
    assert (successor.args.change, successor.args.title.text, successor.rule) == ("appointed", "董事長", "appointment.successor")


def test_a_loan_agreement_is_no_partnership_for_the_scorer_either() -> None:
    text = "兴港银行与云帆科技签署战略合作协议。此外，兴港银行还与海川证券签订了借款协议，并为其提供担保。"
    parties = [{p.text for p in f.args.parties} for f in _facts(text, "partnership")]
    assert {"兴港银行", "云帆科技"} in parties and {"兴港银行", "海川证券"} not in parties


def test_resigning_a_title_that_jieba_glued_to_its_company_word() -> None:
    (change,) = _facts("晨光控股董事会同意张建华辞去公司总裁职务。", "appointment")
    assert (change.args.person.text, change.args.change, change.args.title.text) == ("张建华", "resigned", "总裁")


def test_planned_launch_with_words_between_the_company_and_the_verb() -> None:
    (launch,) = _facts("晨光物流董事长张建华出席。晨光物流计划于12月1日正式上线“晨运通”小程序。", "product_launch")
    assert (launch.args.org.text, launch.args.product.text, launch.args.date.value, launch.modality) == ("晨光物流", "晨运通", "--12-01", "planned")
    assert _facts("晨光物流董事長張建華出席。晨光物流並未計劃於12月1日上線“晨運通”小程序。", "product_launch") == []


def test_issuing_a_named_product_is_a_launch_and_a_channel_launches_nothing() -> None:
    """发行 launches a product named in quotes; the bank whose branches sell it (通过…银行) is no launcher."""
    text = "瀚海理财有限公司11月28日通过瀚海银行手机银行及营业网点发行首只养老理财产品“瀚海颐康1号”。"
    assert [(f.args.org.text, f.args.product.text, f.args.action.text) for f in _facts(text, "product_launch")] == [("瀚海理财有限公司", "瀚海颐康1号", "发行")]
    assert _facts("瀚海银行11月28日发行二级资本债券。", "product_launch") == []  # a bond issue names no product


def test_a_product_named_before_the_launch_verb_is_its_company_s() -> None:
    (launch,) = _facts("此外，東星集團的數位投保平台「峮e保」已於11月10日正式上線。", "product_launch")
    assert (launch.args.org.text, launch.args.product.text, launch.args.action.text, launch.args.date.value) == ("東星集團", "峮e保", "正式上線", "--11-10")
    assert (launch.rule, launch.modality) == ("product_launch.product_first", "actual")
    assert _facts("東星集團表示，「峮e保」上線。", "product_launch") == []  # no 的 between: not said to be its product


def test_a_launch_on_a_coming_date_is_planned() -> None:
    (launch,) = _facts("數融科技將於下月正式推出「融智雲」平台。", "product_launch")
    assert launch.modality == "planned"


def test_the_company_bought_from_is_no_acquirer() -> None:
    """A将以X向B收购C: B sells; A buys C, and will (将以: planned)."""
    facts = _facts("东星集团将以9.8亿元向融众集团收购瀚海能源70%股权。", "acquisition")
    assert [(f.args.acquirer.text, f.args.target.text, f.modality) for f in facts] == [("东星集团", "瀚海能源", "planned")]


def test_a_rumour_denied_later_in_the_sentence_yields_no_holding() -> None:
    text = "此前有市场传闻称东星集团有意入股融众集团，李明对此回应称，公司并未与东星集团进行任何股权方面的接触。"
    assert _facts(text, "ownership") == []


def test_a_unit_of_a_holder_written_with_its_stock_code() -> None:
    facts = {(f.args.holder.text, f.args.held.text) for f in _facts("東星私人銀行為東星金融集團（股份代號：2379）的全資附屬公司。", "ownership")}
    assert ("東星金融集團", "東星私人銀行") in facts


def test_a_holder_described_by_its_place_after_you() -> None:
    """由百慕達的鄹瀾控股有限公司全資擁有: the place describes the holder, the passive reads past it."""
    facts = {(f.args.holder.text, f.args.held.text) for f in _facts("東星保險由百慕達的鄹瀾控股有限公司全資擁有。", "ownership")}
    assert facts == {("鄹瀾控股有限公司", "東星保險")}


def test_a_hong_kong_wholly_owned_subsidiary_is_held() -> None:
    """A為…B的全資附屬公司 (Hong Kong for 全资子公司)."""
    facts = {(f.args.holder.text, f.args.held.text) for f in _facts("澯暟人壽為香港上市的椲桻保險集團有限公司的全資附屬公司。", "ownership")}
    assert ("椲桻保險集團有限公司", "澯暟人壽") in facts


def test_a_named_plan_launched_is_no_planned_launch() -> None:
    """推出儲蓄保險計劃「金滿堂」: 計劃 names the product's kind here, it plans nothing."""
    (fact,) = _facts("澯暟人壽於9月1日推出儲蓄保險計劃「金滿堂」。", "product_launch")
    assert fact.modality == "actual"


def test_a_transfer_still_to_come_is_a_planned_appointment() -> None:
    (fact,) = _facts("澯暟人壽現任行政總裁盧啟樵將調任椲桻集團亞太區營運總監。", "appointment")
    assert (fact.args.person.text, fact.modality) == ("盧啟樵", "planned")


def test_a_claim_against_a_company_whose_short_form_is_declared_before_the_verb() -> None:
    text = "東星保險昨日發出公告，宣布已於本月12日入稟高等法院，向融眾再保險有限公司（以下簡稱「融眾再保」）追討約4.6億港元賠款。"
    (fact,) = _facts(text, "dispute")
    assert (fact.args.plaintiff.text, fact.args.defendant.text) == ("東星保險", "融眾再保險有限公司")


def test_rivals_a_company_still_needs_to_compete_with() -> None:
    """A仍需与B、C等老牌网络正面竞争: 仍需 between A and 与; each rival listed."""
    text = "在国内银行卡清算市场，东星支付仍需与中国银联、融众支付等老牌网络正面竞争。"
    pairs = {tuple(p.text for p in f.args.parties) for f in _facts(text, "competition")}
    assert pairs == {("东星支付", "中国银联"), ("东星支付", "融众支付")}


def test_a_price_per_share_is_no_deal_value() -> None:
    (fact,) = _facts("東星金控擬每股42.5元公開收購融眾電子支付公司。", "acquisition")
    assert fact.args.value is None


def test_rival_bidders_compete() -> None:
    """A曾与B竞购C的控股权: the two bidders compete."""
    facts = _facts("據了解，東星人壽曾與融眾人壽競購瀚海養老的控股權。", "competition")
    assert [tuple(p.text for p in f.args.parties) for f in facts] == [("東星人壽", "融眾人壽")]


@pytest.mark.parametrize(
    ("text", "person", "action"),
    [
        ("人事方面，東星銀行同日宣佈委任黎芷晴為零售銀行業務主管，即日生效，接替上月退休的莫家俊。", "莫家俊", "退休"),
        ("人事方面，东星科技昨日公布，委任佘芷澄为行政总裁，即时生效，接替因个人理由辞任的温柏霆。", "温柏霆", "辞任"),
    ],
)
def test_a_predecessor_named_after_a_verb_of_leaving_resigned(text: str, person: str, action: str) -> None:
    facts = [f for f in _facts(text, "appointment") if f.args.change == "resigned"]
    assert [(f.args.person.text, f.args.action.text, f.rule) for f in facts] == [(person, action, "appointment.predecessor")]


def test_a_rumoured_merger_answered_as_untrue_in_the_next_sentence_is_none() -> None:
    text = "市場近日盛傳東星支付將與融眾支付合併。東星支付發言人昨日回應指，公司「從未與融眾支付進行任何合併磋商」，有關傳聞並不屬實。"
    assert _facts(text, "acquisition") == []


def test_merger_talks_are_a_planned_merger() -> None:
    """宣布雙方已簽署保密協定並展開合併洽談: talks right after the merger's word, no merger done."""
    facts = _facts("東星證券與融眾證券今日宣布雙方已展開合併洽談，但目前尚未簽訂合併契約。", "acquisition")
    assert facts and {f.modality for f in facts} == {"planned"}


def test_a_company_ranked_behind_another_is_its_rival() -> None:
    facts = _facts("今年前10月東星證券經紀業務市占率為4.1%，排名第六，落後於融眾集團。", "competition")
    assert [tuple(p.text for p in f.args.parties) for f in facts] == [("東星證券", "融眾集團")]


def test_the_seller_before_suo_chi_is_not_bought_by_a_subject_clauses_back() -> None:
    """该行…，拟以21.7亿元收购瑱鹊科技所持棽洄消金35%股权: 瑱鹊科技 sells, the consumer finance company is bought."""
    text = "东星银行11月24日晚间公告称，该行董事会审议通过议案，拟以21.7亿元收购融众网络科技有限公司所持瀚海消费金融有限公司35%股权。"
    targets = {f.args.target.text for f in _facts(text, "acquisition")}
    assert "融众网络科技有限公司" not in targets


def test_a_suit_with_its_ground_before_the_defendant() -> None:
    """A以不正当竞争为由将B起诉至…: the ground stands between the plaintiff and 将."""
    (fact,) = _facts("去年5月，东星集团以不正当竞争为由将融众集团起诉至杭州互联网法院，索赔5000万元。", "dispute")
    assert (fact.args.plaintiff.text, fact.args.defendant.text) == ("东星集团", "融众集团")


def test_a_rumour_answered_by_a_spokesman_in_the_next_sentence_yields_no_holding() -> None:
    """…报道称…东星集团还将借机入股融众集团。东星集团法务总监李明回应称，有关报道不实: a denial answering the report."""
    text = "此前有媒体报道称，双方已私下达成和解，东星集团还将借机入股融众集团。东星集团法务总监李明回应称，有关报道不实，公司也没有入股融众集团的计划。"
    assert _facts(text, "ownership") == []


def test_a_rumoured_deal_is_reported_not_actual() -> None:
    (rumour,) = _facts("此前有傳言稱瀚海集團將併購廣信銀行。", "acquisition")
    assert rumour.modality == "reported"


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("收購後資本適足率須維持在200%以上。", "limit"),  # a floor the sentence requires
        ("监管要求核心一级资本充足率不得低于7.5%。", "limit"),
        ("该行资本充足率维持在13%以上。", "actual"),  # a level kept, no requirement
        ("截至10月底，南向通累計開戶數逾3.2萬戶。", "actual"),
    ],
)
def test_a_required_floor_is_a_limit(text: str, modality: str) -> None:
    (fact,) = _facts(text, "metric")
    assert fact.modality == modality


def test_modality_limit_planned_and_reported_with_source() -> None:
    (limit,) = _facts("壞賬率不超過0.3%。", "metric")
    assert limit.modality == "limit"
    (planned,) = _facts("星河智能擬募資不超過12.5億元。", "metric")
    assert planned.modality == "planned"
    (reported,) = _facts("據悉，東星集團持有融眾集團20%股權。", "ownership")
    assert reported.modality == "reported"
    (said,) = _facts("金麟表示，東星集團持有融眾集團20%股權。", "ownership")
    assert said.attributed_to is not None and said.attributed_to.text == "金麟"


def test_figures_after_cited_data_are_reported_and_a_forecast_is_the_forecaster_s() -> None:
    """據X數據，…: reported, according to X; 某某預計，…: attributed to the person forecasting."""
    (share,) = [f for f in _facts("據保險業監管局數據，蘊璞人壽今年上半年市佔率約5.2%。", "metric") if f.args.value.text == "約5.2%"]
    assert (share.modality, share.attributed_to.text if share.attributed_to else None) == ("reported", "保險業監管局")
    (premium,) = _facts("溫曉薇預計，合作首年經澐嶠銀行渠道取得的新造保費約45億港元。", "metric")
    assert (premium.modality, premium.attributed_to.text if premium.attributed_to else None) == ("forecast", "溫曉薇")
    (capital,) = _facts("對此，溱岙證券董事會秘書郜念初回應稱，溱岙資管現有淨資本約18.6億元。", "metric")
    assert capital.attributed_to is not None and capital.attributed_to.text == "郜念初"  # 回应称 reports too


def test_denied_cooperation_is_not_a_partnership() -> None:
    text = "有消息稱，招商銀行將與美團聯合發行聯名卡，對此招商銀行回應稱，目前並未與美團合作。"
    assert _facts(text, "partnership") == []
    text = "此前有市场消息称，岫泓人寿将与彧宁银行合作代销上述产品。对此，岫泓人寿相关负责人回应称，公司目前并未与彧宁银行开展个人养老金业务合作。"
    assert _facts(text, "partnership") == []  # the next sentence denies the rumour


def test_min_confidence_filters_facts() -> None:
    text = "東星集團持有融眾集團20%股權。工商銀行董事長易會滿出席。"
    low = finextract.Pipeline()(text).facts
    high = finextract.Pipeline(min_confidence=0.85)(text).facts
    assert low and all(f.confidence >= 0.85 for f in high) and len(high) < len(low)
    out = io.StringIO()
    code = main(["extract", "--min-confidence", "0.85"], stdin=io.BytesIO(text.encode()), stdout=out, stderr=io.StringIO())
    assert code == 0
    assert all(json.loads(line)["confidence"] >= 0.85 for line in out.getvalue().splitlines())
    with pytest.raises(finextract.ConfigError):
        finextract.Pipeline(min_confidence=1.5)


def test_a_passive_agent_after_a_descriptor() -> None:
    """被其合作方瑞邦建设起诉: the descriptor between 被 and the agent does not hide it."""
    (fact,) = _facts("另据了解，华拓地产已被其合作方瑞邦集团起诉，索赔金额约2.1亿元。", "dispute")
    assert (fact.args.plaintiff.text, fact.args.defendant.text) == ("瑞邦集团", "华拓地产")


def test_a_shareholder_listed_beside_another_company_is_not_its_holder() -> None:
    """原股东宁海银行和新股东晨曦集团: 晨曦集团 is a new shareholder of the company the sentence is about, not of 宁海银行."""
    assert not _facts("本次增资由原股东宁海银行和新股东晨曦集团共同完成。", "ownership")


def test_a_holding_through_a_subsidiary() -> None:
    """瀚海控股通过旗下的瀚海资本持有远航快运35%的股份: the parent holds the stake through the subsidiary,
    which holds it directly; the stake is not the subsidiary's own size."""
    for text in ("瀚海控股此前已通过旗下的瀚海资本持有远航快运35%的股份。", "瀚海控股此前已通過旗下的瀚海資本持有遠航快運35%的股份。"):
        got = {
            (f.args.holder.canonical, f.args.held.canonical, f.args.stake.text if f.args.stake else None, f.args.via.canonical if f.args.via else None)
            for f in _facts(text, "ownership")
        }
        assert ("瀚海控股", "远航快运", "35%", "瀚海资本") in got
        assert ("瀚海资本", "远航快运", "35%", None) in got
        assert ("瀚海控股", "瀚海资本", "35%", None) not in got
    # without 通过 nothing is held through anything
    assert not [f for f in _facts("瀚海控股旗下的瀚海资本持有远航快运35%的股份。", "ownership") if f.args.via]


def test_a_lawsuit_whose_defendant_is_named_in_the_demand() -> None:
    """宏碩科技…提起訴訟，要求晶彩支付賠償…: the one the demand names is sued."""
    for text in ("宏碩科技去年向台北地方法院提起訴訟，要求晶彩支付賠償新台幣1.2億元。", "宏硕科技去年向法院提起诉讼，请求判令晶彩支付偿还货款3000万元。"):
        (fact,) = _facts(text, "dispute")
        assert (fact.args.plaintiff.canonical, fact.args.defendant.canonical, fact.rule) == ("宏硕科技", "晶彩支付", "dispute.demand")
    # a demand of the plaintiff's own, or no lawsuit, names no defendant
    assert not _facts("宏硕科技去年向法院提起诉讼，要求法院尽快审理。", "dispute")
    assert not _facts("宏硕科技去年与晶彩支付签署协议，要求晶彩支付赔偿损失。", "dispute")


def test_a_clause_held_by_a_company_names_the_holder_of_the_sentence_s_company() -> None:
    (fact,) = _facts("融众集团于2009年由李明创立，目前由东星集团全资持有。", "ownership")
    assert (fact.args.holder.text, fact.args.held.text, fact.args.action.text, fact.rule) == ("东星集团", "融众集团", "持有", "ownership.held_by")
    (fact,) = _facts("融眾集團於2009年由李明創立，目前由東星集團全資持有。", "ownership")
    assert (fact.args.holder.canonical, fact.args.held.canonical) == ("东星集团", "融众集团")
    assert _facts("融众集团于2009年由李明创立，目前由东星集团持有其股份。", "ownership") == []  # 持有 has an object: another rule's


def test_a_named_holder_s_stake_past_its_short_form() -> None:
    text = "公开资料显示，东星信托成立于2003年，控股股东为融众金融控股集团有限公司（以下简称“融众集团”），持股67.5%。"
    (fact,) = [f for f in _facts(text, "ownership") if f.rule == "ownership.topic_holder"]
    assert (fact.args.holder.text, fact.args.held.text, fact.args.stake.text if fact.args.stake else None) == ("融众金融控股集团有限公司", "东星信托", "67.5%")


def test_assets_bought_from_a_bank_make_no_holding_and_funds_into_its_company() -> None:
    declared = "江西东星资产管理股份有限公司（以下简称“东星资产”）发布公告。"
    text = declared + "其中，东星资产以3.15亿元竞得融众银行股份有限公司（以下简称“融众银行”）转让的对公不良资产包。"
    assert not [f for f in _facts(text, "ownership") + _facts(text, "acquisition") if "融众银行" in f.args.model_dump_json()]
    text = declared + "资金方面，东星资产控股股东融众金融控股集团有限公司（以下简称“融众金控”）已于11月完成对其增资15亿元。"
    got = {(f.args.holder.text, f.args.held.text, f.rule) for f in _facts(text, "ownership")}
    assert ("融众金融控股集团有限公司", "东星资产", "ownership.funds_its") in got


def test_defendants_listed_after_jiang() -> None:
    text = "12月11日，东星集团以侵害股东优先购买权为由，向淇甸市中级人民法院提起诉讼，将融众集团和瀚海集团列为被告。"
    got = {(f.args.plaintiff.text, f.args.defendant.text) for f in _facts(text, "dispute")}
    assert got == {("东星集团", "融众集团"), ("东星集团", "瀚海集团")}
    # the plaintiffs unnamed (投资者): no dispute between the co-defendants
    assert _facts("此次诉讼中，投资者将融众集团和瀚海集团一并列为共同被告。", "dispute") == []


def test_shares_sold_past_the_declaration_of_the_company_s_short_form() -> None:
    text = "东星集团拟将其所持融众财产保险股份有限公司（以下简称“融众财险”）35.8%的股份以42.6亿元的价格转让给瀚海投资有限公司。"
    got = {(f.args.holder.canonical, f.args.held.canonical, f.args.stake.text if f.args.stake else None, f.rule) for f in _facts(text, "ownership")}
    assert ("瀚海投资有限公司", "融众财产保险股份有限公司", "35.8%", "ownership.transferee") in got


def test_each_share_of_a_capital_injection_funds_the_company_named_with_xiang() -> None:
    """…向融众银行注资合共6亿港元，其中东星集团注资3.6亿港元，瀚海人寿注资2.4亿港元: both put funds into 融众银行."""
    text = "兩名股東已按持股比例向融眾銀行注資合共6億港元，其中東星集團注資3.6億港元，瀚海人壽注資2.4億港元。"
    got = {(f.args.holder.canonical, f.args.held.canonical, f.args.action.text, f.rule) for f in _facts(text, "ownership")}
    assert got == {("东星集团", "融众银行", "注資", "ownership.funding_share"), ("瀚海人寿", "融众银行", "注資", "ownership.funding_share")}
    assert _facts("東星集團注資3.6億港元。", "ownership") == []  # no company funded is named


def test_a_person_is_no_company_held() -> None:
    """滕雨舟将返回股东单位郦桁银行任职: a person before 股东 is no company its shareholder holds."""
    assert _facts("其中，滕雨舟将返回股东单位江川银行任职。", "ownership") == []
    assert _facts("其中，滕雨舟的股东江川银行。", "ownership") == []


def test_a_stake_without_its_company_is_in_the_company_the_sentence_is_about() -> None:
    """星汇银行注册资本为50亿元，星汇集团持股70%，安信保险持股30%: both hold 星汇银行."""
    for text in ("星匯銀行註冊資本為50億元，星匯集團持股70%，安信保險持股30%。", "星汇银行注册资本为50亿元，星汇集团持股70%，安信保险持股30%。"):
        got = {(f.args.holder.canonical, f.args.held.canonical, f.args.stake.text if f.args.stake else None, f.rule) for f in _facts(text, "ownership")}
        assert ("星汇集团", "星汇银行", "70%", "ownership.topic_stake") in got
        assert ("安信保险", "星汇银行", "30%", "ownership.topic_stake") in got
    # the rest held after 则
    text = "星匯銀行註冊資本為50億元，星匯集團持股40%，安信保險持股35%，恆達支付則持有餘下25%。"
    got = {(f.args.holder.canonical, f.args.held.canonical, f.args.stake.text if f.args.stake else None, f.args.action.text) for f in _facts(text, "ownership")}
    assert ("恒达支付", "星汇银行", "25%", "持有") in got
    # a holder of the unnamed company listed first is no topic (哈药股份持有该公司…，B持有剩余…)
    text = "目前东星股份持有该公司51%股权，瀚海集团持有剩余49%股权。"
    assert not [f for f in _facts(text, "ownership") if f.args.held.canonical == "东星股份"]
    # 持有其: the action is the verb, 其 the company held
    (held,) = _facts("星汇银行注册资本为50亿元，星汇集团持有其51%的股权。", "ownership")
    assert (held.args.holder.canonical, held.args.held.canonical, held.args.action.text) == ("星汇集团", "星汇银行", "持有")
    # no company before the holder, or the company held named after the verb: not this rule
    assert not [f for f in _facts("星汇集团持股70%。", "ownership")]
    assert not [f for f in _facts("星汇银行公告，星汇集团持股70%的安信保险已完成增资。", "ownership") if f.rule == "ownership.topic_stake"]


def test_a_board_meeting_appoints_for_its_company_in_both_clauses() -> None:
    """岭南农商联合银行第一届董事会第一次会议选举韩志远为董事长，聘任苏明哲为行长: both posts are the bank's."""
    text = "据了解，岭南农商联合银行第一届董事会第一次会议选举韩志远为董事长，聘任苏明哲为行长。"
    got = {(f.args.person.text, f.args.title.text, f.args.org.text if f.args.org else None) for f in _facts(text, "appointment")}
    assert got == {("韩志远", "董事长", "岭南农商联合银行"), ("苏明哲", "行长", "岭南农商联合银行")}
    # a company named only as an object before the comma does not appoint
    text = "韩志远此前在岭南农商联合银行工作，聘任苏明哲为行长的决定尚未公布。"
    assert not [f for f in _facts(text, "appointment") if f.args.org is not None]


@pytest.mark.parametrize(
    "text",
    ["韩志远此前担任岭南省农村信用社联合社理事长。", "苏明哲曾担任海川银行副行长。", "周文涛早年担任南岭农商银行行长。"],
)
def test_a_post_held_before_is_no_appointment(text: str) -> None:
    """此前担任, 曾担任: a career note, not a change (the role fact carries ``former``)."""
    assert not _facts(text, "appointment")
    assert all(f.args.former for f in _facts(text, "role"))


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("宏安人寿此举旨在与友邦、保诚等大型保险公司争夺年轻客户。", [("宏安人寿", "友邦"), ("宏安人寿", "保诚")]),
        ("宏安人寿将与友邦争夺年轻客户。", [("宏安人寿", "友邦")]),
        ("业内人士指出，东星清算开业后将主要与筼联清算争夺县域商户市场。", [("东星清算", "筼联清算")]),  # a time phrase, 主要
    ],
)
def test_competition_after_an_adverbial_before_with(text: str, parties: list[tuple[str, str]]) -> None:
    """A此举旨在与B、C…争夺: the adverbs between the subject and 与 do not hide the pair."""
    got = {tuple(p.text for p in f.args.parties) for f in _facts(text, "competition")}
    assert set(parties) <= got


def test_a_ranking_in_a_field_after_the_clause_naming_the_company() -> None:
    """合并后的A将跻身行业前十，在中部地区券商中仅次于B和C: A is ranked against both."""
    text = "按总资产计算，合并后的东星证券将跻身行业前十，在中部地区券商中仅次于融众证券和瀚海证券。"
    got = {tuple(p.text for p in f.args.parties) for f in _facts(text, "competition")}
    assert got == {("东星证券", "融众证券"), ("东星证券", "瀚海证券")}


def test_the_other_part_held_by_another_holder() -> None:
    """…持有其75%股權，另外25%由日本青葉人壽持有: 另外 opens the rest like 其余."""
    text = "宏安人壽母公司宏安金融集團持有其75%股權，另外25%由日本青葉人壽持有。"
    got = {(f.args.holder.canonical, f.args.held.canonical, f.args.stake.text if f.args.stake else None) for f in _facts(text, "ownership")}
    assert ("日本青叶人寿", "宏安人寿", "25%") in got
    assert ("宏安金融集团", "宏安人寿", "75%") in got


def test_the_target_described_by_its_holder() -> None:
    """收购控股股东天元控股旗下的明远科技100%股权: 明远科技 is bought; the holder between describes it."""
    text = "天元股份（600871.SH）拟以现金7.8亿元收购控股股东天元控股旗下的明远科技100%股权。"
    got = {(f.args.acquirer.text, f.args.target.text, f.args.value.text if f.args.value else None) for f in _facts(text, "acquisition")}
    assert got == {("天元股份", "明远科技", "7.8亿元")}
    owned = {(f.args.holder.text, f.args.held.text, f.args.stake.text if f.args.stake else None) for f in _facts(text, "ownership")}
    assert ("天元控股", "明远科技", "100%") in owned
    assert ("天元控股", "天元股份", "100%") not in owned  # the controlling holder's stake is not written


def test_the_controlling_holder_written_after_wei() -> None:
    """…，控股股东为华信集团，持股比例为78.3%: 华信集团 holds the company the sentence is about."""
    text = "公开资料显示，华信信托成立于1986年，注册资本为50亿元，控股股东为华信集团，持股比例为78.3%。"
    got = {(f.args.holder.text, f.args.held.text, f.rule) for f in _facts(text, "ownership")}
    assert ("华信集团", "华信信托", "ownership.topic_holder") in got


def test_the_company_in_a_statement_is_the_speaker() -> None:
    """华信信托…表示，公司已…起诉鼎泰置业: 公司 is the company speaking; a court is no party."""
    text = "华信信托在致投资者的函件中表示，公司已于11月20日向上海金融法院起诉鼎泰置业，要求其偿还本息共计45.3亿元。"
    (fact,) = _facts(text, "dispute")
    assert (fact.args.plaintiff.canonical, fact.args.defendant.canonical) == ("华信信托", "鼎泰置业")


def test_a_suit_on_the_ground_of_a_share_transfer() -> None:
    """A以股权转让纠纷为由将B诉至法院: a dispute; 转让 inside the ground transfers nothing."""
    text = "11月10日，楂林商贸以股权转让纠纷为由将栟川控股诉至杭州市中级人民法院，要求其支付差价款6000万元。"
    (fact,) = _facts(text, "dispute")
    assert (fact.args.plaintiff.text, fact.args.defendant.text) == ("楂林商贸", "栟川控股")
    assert not _facts(text, "ownership")


def test_a_stake_before_the_verb_of_a_held_by_clause() -> None:
    """…，由浭阳银行100%持股: the holder and its stake of the company the sentence opens with."""
    text = "公开资料显示，浭银理财成立于2021年，注册资本为30亿元，由浭阳银行100%持股。"
    got = {(f.args.holder.text, f.args.held.text, f.args.stake.text if f.args.stake else None) for f in _facts(text, "ownership")}
    assert ("浭阳银行", "浭银理财", "100%") in got


def test_a_retirement_as_the_reason_before_the_change_verb() -> None:
    """原董事长A因到龄退休卸任: 退休 is why; 卸任 is the change."""
    (fact,) = _facts("浭银理财公告，原董事长逄景和因到龄退休卸任。", "appointment")
    assert (fact.args.change, fact.args.action.text) == ("resigned", "卸任")


def test_a_post_taken_in_the_clause_after_leaving_one() -> None:
    """前任总经理A因工作调动卸任，已出任B财务总监: A left one post and took another."""
    text = "前任总经理訾鸿涛因工作调动卸任，已出任东星集团股份有限公司财务总监。"
    got = {(f.args.change, f.args.title.text if f.args.title else None, f.args.org.text if f.args.org else None) for f in _facts(text, "appointment")}
    assert ("appointed", "财务总监", "东星集团股份有限公司") in got
    assert any(change == "resigned" for change, _, _ in got)


def test_a_merger_that_will_take_place_is_planned() -> None:
    """依合併契約，A將吸收合併B: the deal is agreed, the merger is still to come."""
    text = "依合併契約，中信證券將吸收合併廣發證券，合併基準日暫定為明年3月1日。"
    assert {f.modality for f in _facts(text, "acquisition")} == {"planned"}


def test_a_new_holder_s_stake_in_the_company_it_becomes_a_holder_of() -> None:
    """新股东A出资…认购4亿股，持股10%，成为B第三大股东: A holds 10% of B."""
    text = "新股东犍瑞科技出资6.4亿元认购4亿股，持股10%，成为澹棂银行第三大股东。"
    got = {(f.args.holder.text, f.args.held.text, f.args.stake.text if f.args.stake else None) for f in _facts(text, "ownership")}
    assert ("犍瑞科技", "澹棂银行", "10%") in got


def test_the_buyer_in_an_agreement_does_not_hold_what_is_sold_to_it() -> None:
    """A与B签署协议，拟将所持C股份转让给B: B is the buyer; 所持 is A's."""
    text = "同日，氿衡投资与渲屿物产集团有限公司签署协议，拟将所持澹棂银行全部2.7亿股股份转让给渲屿物产集团有限公司。"
    holders = {(f.args.holder.text, f.args.action.text) for f in _facts(text, "ownership")}
    assert ("渲屿物产集团有限公司", "所持") not in holders


@pytest.mark.parametrize(
    ("text", "person", "title"),
    [
        ("人事方面，湄聿銀行董事長覃韻如將轉任瑎崙金控副董事長。", "覃韻如", "副董事長"),  # 轉任: moves to another post
        ("合併後銀行總經理將由瑎崙銀行副總經理蔚哲嘉出任。", "蔚哲嘉", "總經理"),  # 將由…出任: still to come
    ],
)
def test_posts_to_be_taken_are_planned_appointments(text: str, person: str, title: str) -> None:
    """將轉任, 將由…出任: appointments that will take effect are planned."""
    got = {(f.args.person.text, f.args.title.text if f.args.title else None, f.modality) for f in _facts(text, "appointment")}
    assert (person, title, "planned") in got


def test_a_stake_moving_from_one_level_is_no_plan() -> None:
    """持股比例将由60%升至68.57%: 将由 before a figure is a level moving, not someone who will act."""
    text = "增资完成后，东星集团对融众集团的持股比例将由60%升至68.57%。"
    assert {f.modality for f in _facts(text, "ownership")} == {"actual"}


def test_two_units_wholly_held_with_the_stake_in_words() -> None:
    """A與B均為C百分之百持股的子公司: C holds both, 100% (百分之百)."""
    text = "東星銀行與嘉禾銀行均為瑎崙金控百分之百持股的子公司。"
    got = {(f.args.holder.text, f.args.held.text, f.args.stake.value if f.args.stake else None, f.args.action.text) for f in _facts(text, "ownership")}
    assert {("瑎崙金控", "東星銀行", 100, "持股"), ("瑎崙金控", "嘉禾銀行", 100, "持股")} <= got


def test_two_founders_each_with_its_own_stake() -> None:
    """A由B（…）與C（…）合資成立，兩者分別持有55%及45%股權: B holds 55% of A, C 45%."""
    text = "瀚海銀行由主板上市的東星集團有限公司（下稱「東星集團」，股份代號：1893）與融眾人壽保險有限公司（下稱「融眾人壽」）合資成立，兩者分別持有55%及45%股權。"
    got = {(f.args.holder.text, f.args.held.text, f.args.stake.text) for f in _facts(text, "ownership") if f.rule == "ownership.respective_stakes"}
    assert got == {("東星集團有限公司", "瀚海銀行", "55%"), ("融眾人壽保險有限公司", "瀚海銀行", "45%")}


def test_listed_shareholders_putting_money_in_in_proportion() -> None:
    """A及B已於今年1月按持股比例分別向C注資…: both fund C; 持股 inside 按持股比例 is no holding verb."""
    text = "為支持業務擴張，東星集團及融眾人壽已於今年1月按持股比例分別向瀚海銀行注資4.4億港元及3.6億港元。"
    got = {(f.args.holder.text, f.args.held.text, f.args.action.text) for f in _facts(text, "ownership")}
    assert got == {("東星集團", "瀚海銀行", "注資"), ("融眾人壽", "瀚海銀行", "注資")}


def test_a_holder_with_its_short_form_declared_before_the_copula() -> None:
    """A（以下简称“A'”）为B控股股东: A holds B; a stake after it is not A's own company held by the next holder."""
    text = "股权结构方面，畈湖控股集团有限公司（以下简称“畈湖控股”）为朓川信托控股股东，持股比例为64.25%；芫州城市建设投资集团有限公司（以下简称“芫州城投”）持股20%，为第二大股东。"
    got = {(f.args.holder.text, f.args.held.text, f.args.stake.text if f.args.stake else None) for f in _facts(text, "ownership")}
    assert ("畈湖控股集团有限公司", "朓川信托", "64.25%") in got
    assert ("芫州城市建设投资集团有限公司", "朓川信托", "20%") in got  # the company the first holder holds
    assert not [g for g in got if g[1].startswith("畈湖控股")]


def test_a_holder_raising_its_stake_by_a_manner_after_its_announcement() -> None:
    """A（以下简称A'）公告称，已通过协议受让方式增持B4.6亿股股份: the manner's 受让 is no trigger; 增持 is."""
    text = "同日，缗泽人寿控股股东缗泽保险控股集团有限公司（以下简称“缗泽控股”）公告称，已通过协议受让方式增持缗泽人寿4.6亿股股份。"
    got = {(f.args.holder.canonical, f.args.action.text) for f in _facts(text, "ownership")}
    assert ("缗泽保险控股集团有限公司", "增持") in got  # by the short form declared, one canonical name


def test_stakes_in_a_company_founded_together_are_planned_holdings() -> None:
    """A与B拟共同出资设立C，其中A拟持股49%，B拟持股51%: both hold C, as planned; A and B plan to partner."""
    text = "此外，缗泽人寿与邿阳银行拟共同出资5亿元设立邿泽保险代理有限公司，其中缗泽人寿拟持股49%，邿阳银行拟持股51%。"
    got = {(f.args.holder.text, f.args.held.text, f.args.stake.text if f.args.stake else None, f.modality) for f in _facts(text, "ownership")}
    assert ("缗泽人寿", "邿泽保险代理有限公司", "49%", "planned") in got
    assert ("邿阳银行", "邿泽保险代理有限公司", "51%", "planned") in got
    assert {f.modality for f in _facts(text, "partnership")} == {"planned"}


def test_a_rumour_answered_never_heard_of_is_denied() -> None:
    """对于…拟转让…的传闻，…回应称“从未听说相关安排”: the rumoured sale is denied."""
    text = "对于市场有关招商银行拟转让招商基金控股权的传闻，荀砚舟回应称“从未听说相关安排”，股东层面保持稳定。"
    assert _facts(text, "ownership") == []


def test_a_long_ground_of_a_suit_keeps_the_parties_together() -> None:
    """A已以违反竞业限制协议为由起诉前基金经理B: the ground between them is no distance."""
    text = "东星基金已以违反竞业限制协议为由起诉前基金经理濮怀瑾，要求其返还递延奖金。"
    (fact,) = _facts(text, "dispute")
    assert (fact.args.plaintiff.text, fact.args.defendant.text) == ("东星基金", "濮怀瑾")


def test_the_court_a_suit_is_taken_to_is_no_defendant() -> None:
    """将B诉至法院: B is sued; the court after 诉至 is where."""
    text = "东星集团将瀚海公司诉至德州市中级人民法院。"
    got = {(f.args.plaintiff.text, f.args.defendant.text) for f in _facts(text, "dispute")}
    assert got == {("东星集团", "瀚海公司")}


def test_an_appointee_from_a_rival_named_by_former_post() -> None:
    """A董事會通過聘任B前投資長C為投資長: C is appointed at A; the post before the name dates C's time at B."""
    text = "琫珹人壽董事會通過聘任蓊崌人壽前投資長鄔靖妍為投資長，自12月16日起生效。"
    (appointed,) = _facts(text, "appointment")
    assert (appointed.args.person.text, appointed.args.org.text if appointed.args.org else None) == ("鄔靖妍", "琫珹人壽")


def test_what_an_appointee_is_before_the_name() -> None:
    """选举会计学者覃若蘅为独立董事: the occupation before the name is no bar to the appointment."""
    text = "东星银行召开董事会，选举会计学者覃若蘅为独立董事。"
    facts = {(f.args.person.text, f.args.title.text, f.args.org.text if f.args.org else None) for f in _facts(text, "appointment")}
    assert ("覃若蘅", "独立董事", "东星银行") in facts


@pytest.mark.parametrize("text", ["瑞港物流去年6月入稟高等法院控告亞灣科技，追討約1,500萬港元。", "瑞港物流昨日入禀高等法院起诉亚湾科技。"])
def test_a_suit_filed_with_a_court_then_against_a_company(text: str) -> None:
    """A入禀高等法院控告B: the court is where the claim is filed; A sues B."""
    (fact,) = _facts(text, "dispute")
    assert (fact.args.plaintiff.canonical, fact.args.defendant.canonical) == ("瑞港物流", "亚湾科技")


def test_the_stake_of_a_named_holder_in_the_next_clause() -> None:
    """…，控股股东为华信集团，持股比例为78.3%: the stake in the clause right after the holder is its."""
    text = "公开资料显示，华信信托成立于1986年，注册资本为50亿元，控股股东为华信集团，持股比例为78.3%。"
    (fact,) = [f for f in _facts(text, "ownership") if f.rule == "ownership.topic_holder"]
    assert fact.args.stake is not None and fact.args.stake.text == "78.3%"
    stake = next(f for f in _facts(text, "metric") if f.args.metric.text == "持股比例")
    assert stake.args.subject is not None and stake.args.subject.text == "华信集团"


def test_a_holder_of_the_agent_after_bei() -> None:
    """汇联支付此前已被星途科技旗下的星途支付吸收合并: 星途支付 absorbs 汇联支付; 星途科技 holds 星途支付 only."""
    text = "汇联支付此前已被星途科技旗下的星途支付吸收合并。"
    owned = {(f.args.holder.text, f.args.held.text) for f in _facts(text, "ownership")}
    assert owned == {("星途科技", "星途支付")}
    bought = {(f.args.acquirer.text, f.args.target.text) for f in _facts(text, "acquisition")}
    assert bought == {("星途支付", "汇联支付")}


def test_a_former_post_between_the_company_and_the_title_keeps_the_company() -> None:
    """汇联支付原董事长郑伟民辞去董事长职务: the post he leaves is 汇联支付's."""
    text = "收购完成后，汇联支付原董事长郑伟民辞去董事长职务。"
    (fact,) = _facts(text, "appointment")
    assert (fact.args.person.text, fact.args.change, fact.args.org.text if fact.args.org else None) == ("郑伟民", "resigned", "汇联支付")
    (role,) = _facts(text, "role")
    assert (role.args.org.text if role.args.org else None, role.args.former) == ("汇联支付", True)


def test_no_company_holds_a_regulator() -> None:
    """公司旗下…ETF已获中国证监会注册批复: 旗下 does not make the regulator the company's."""
    text = "远岭基金管理有限公司11月20日公告称，公司旗下远岭中证AAA科创债ETF已获中国证监会注册批复。"
    assert not [f for f in finextract.extract(text).facts if f.type in ("ownership", "acquisition")]
    assert _facts("远岭集团旗下的远岭基金已获批。", "ownership")  # a company is still held


def test_a_claim_filed_against_a_former_partner_is_a_dispute() -> None:
    """瑞港物流…入稟高等法院，向前合作夥伴亞灣科技追討…款項: 瑞港物流 sues 亞灣科技 (the court is no party)."""
    text = "瑞港物流宣布已於本月20日入稟高等法院，向前合作夥伴亞灣科技追討合共約1.8億港元的款項。"
    disputes = [f for f in finextract.extract(text).facts if f.type == "dispute"]
    assert ("瑞港物流", "亞灣科技") in {(f.args.plaintiff.text, f.args.defendant.text) for f in disputes if f.args.plaintiff and f.args.defendant}
    assert not [f for f in disputes if "法院" in "".join(p.text for p in f.args.parties)]


@pytest.mark.parametrize(
    ("text", "holder", "held"),
    [
        ("潍柴动力昨日发布公告澄清收购传言，公司下属子公司潍柴动力国际发展有限公司于8月8日竞拍获得相关资产。", "潍柴动力", "潍柴动力国际发展有限公司"),
        ("東星集團昨日公告，公司旗下子公司融眾集團將擴大產能。", "东星集团", "融众集团"),
    ],
)
def test_a_subsidiary_named_after_a_holder_word_and_its_kind(text: str, holder: str, held: str) -> None:
    """公司下属子公司潍柴国际: 下属 and the kind after it (子公司, 公司, 企业) together describe the name held
    (公司 itself names the company the sentence opens with: canonical names compared)."""
    assert (holder, held) in {(f.args.holder.canonical, f.args.held.canonical) for f in _facts(text, "ownership")}


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("2012年，东星集团超越融众集团，成为全球销量最大的工程机械企业。", [{"东星集团", "融众集团"}]),
        ("東星集團在冰箱方面銷量僅次於融眾集團。", [{"東星集團", "融眾集團"}]),
        ("目前，东星集团是美国第二大家电供应商，市场份额仅次于融众集团。", [{"东星集团", "融众集团"}]),  # a metric leads the clause
        ("东星集团甚至超越了当前风头正劲的融众集团。", [{"东星集团", "融众集团"}]),  # a description before the name
        ("东星银行募资80亿美元超融众银行", [{"东星银行", "融众银行"}]),  # 超 alone, headline style
        ("东星集团在中国市场的份额已经超过了融众集团。", [{"东星集团", "融众集团"}]),  # a place between
        ("随后，东星集团分别击败融众集团、瀚海集团等龙头企业，拿下该地块。", [{"东星集团", "融众集团"}, {"东星集团", "瀚海集团"}]),
        ("以资产规模衡量，东星银行是第二大银行，仅次于融众银行。", [{"东星银行", "融众银行"}]),
        # the subject opening an earlier clause, the verb opening its own; a descriptor before the name
        (
            "其中，东星集团市场份额为18.6%，同比上升2.1个百分点，首次超越融众集团，仅次于行业龙头瀚海集团。",
            [{"东星集团", "融众集团"}, {"东星集团", "瀚海集团"}],
        ),
        (
            "據東星證券公布的資料，其客戶資產總值為3,860億港元，在本地中資券商中排名第三，僅次於融眾證券及瀚海證券。",
            [{"東星證券", "融眾證券"}, {"東星證券", "瀚海證券"}],
        ),
    ],
)
def test_a_company_outranking_another_is_a_rival(text: str, pairs: list[set[str]]) -> None:
    """超越, 仅次于, 击败 …: one company ranked against another, right after the verb, competes with it."""
    facts = [f for f in _facts(text, "competition") if f.rule == "competition.ranked"]
    assert sorted(sorted(p.text for p in f.args.parties) for f in facts) == sorted(sorted(p) for p in pairs)
    assert all(f.args.trigger is not None for f in facts)


@pytest.mark.parametrize(
    "text",
    [
        "东星集团并未超越融众集团。",  # negated
        "如果东星集团超过融众集团，行业格局将改变。",  # hypothetical
        "东星集团的营收超过100亿元，融众集团则下降。",  # a figure outranked, not a company
        "东星集团超过融众集团成为公司第一大股东。",  # a shareholder overtaken is no market rival
        "东星集团收购了融众集团，超过瀚海集团成为行业第一。",  # another company between: whose ranking is unclear
        "恆泰人壽持有嘉禾銀行8.12%的股份，成為僅次於嘉禾國資控股的第二大股東。",
    ],
)
def test_no_rival_without_a_company_outranked(text: str) -> None:
    assert [f for f in _facts(text, "competition") if f.rule == "competition.ranked"] == []


@pytest.mark.parametrize(
    ("text", "fact_type"),
    [
        ("东星集团收购融众集团一事最终告吹。", "acquisition"),
        ("捷汇支付此前与锦程消费金融的联姻已经告吹，双方未能就股权比例达成一致。", "partnership"),
        ("東星集團與融眾集團的合作談判破裂。", "partnership"),
        ("东星集团入股融众集团的计划搁浅。", "ownership"),
    ],
)
def test_a_deal_that_fell_through_is_no_fact(text: str, fact_type: str) -> None:
    """告吹, 破裂, 搁浅 … after the trigger in its clause: the deal did not happen, by rule or by scorer."""
    assert _facts(text, fact_type) == []


@pytest.mark.parametrize(
    ("text", "holder", "held", "stake"),
    [
        ("融众集团是东星集团旗下的支付平台。", "东星集团", "融众集团", None),
        ("恒耀證券是恒耀金融集團所屬的證券公司，恒耀金融集團持有其100%股權。", "恒耀金融集團", "恒耀證券", "100%"),
        ("融众集团隶属于东星集团，主营跨境支付。", "东星集团", "融众集团", None),
        ("融众集团系东星集团下属子公司。", "东星集团", "融众集团", None),
    ],
)
def test_a_company_said_to_be_under_another_is_held(text: str, holder: str, held: str, stake: str | None) -> None:
    """融众集团是东星集团旗下的…, 融众集团隶属于东星集团: the second holds the first; 持有其100%股权 gives the stake."""
    facts = {(f.args.holder.text, f.args.held.text, f.args.stake.text if f.args.stake else None) for f in _facts(text, "ownership")}
    assert (holder, held, stake) in facts
    assert {(h, d) for h, d, _ in facts} == {(holder, held)}


def test_a_company_not_under_another_is_not_held() -> None:
    assert _facts("融众集团并非东星集团旗下的公司。", "ownership") == []


@pytest.mark.parametrize(
    "text",
    ["恒耀證券如能與東昇資本順利合作，其財富管理收入有望大增。", "东星集团若能与融众集团合作，将打开海外市场。"],
)
def test_a_cooperation_on_condition_is_no_partnership(text: str) -> None:
    """如能, 若能: a condition, not a cooperation that happened (for the rules and the scorer)."""
    assert _facts(text, "partnership") == []


@pytest.mark.parametrize(
    ("text", "plaintiff", "defendant"),
    [
        (
            "（記者林宜萱／台北報導）信達通今（18）日公告，已就聯合放款合約爭議向中華民國仲裁協會申請仲裁，要求北辰商業銀行賠償新台幣3.2億元。",
            "信達通",
            "北辰商業銀行",
        ),
        ("瑞达科技昨日公告，已向深圳国际仲裁院申请仲裁，要求北辰银行赔偿损失3.2亿元。", "瑞达科技", "北辰银行"),
    ],
)
def test_an_arbitration_filed_by_the_sentence_subject(text: str, plaintiff: str, defendant: str) -> None:
    """The claimant opens the sentence, the arbitration body is addressed (no party), the respondent is named in the demand."""
    facts = _facts(text, "dispute")
    assert [(f.args.plaintiff.text if f.args.plaintiff else None, f.args.defendant.text if f.args.defendant else None) for f in facts] == [
        (plaintiff, defendant)
    ]


@pytest.mark.parametrize("text", ["另据了解，澜海银行正与新加坡立信银行洽谈合作，但双方尚未签署任何协议。", "東星集團正與融眾集團商談合作。"])
def test_a_cooperation_under_negotiation_is_planned(text: str) -> None:
    """洽谈合作, 商谈合作: talks, not a partnership that exists."""
    facts = _facts(text, "partnership")
    assert facts and all(f.modality == "planned" for f in facts)


def test_a_media_report_the_company_denies_is_no_fact() -> None:
    """有自媒体称A已入股B，…该消息不实: a report the sentence denies, like a rumour."""
    text = "同一天，有自媒体称汇丰科技已入股博远数据，博远数据董事会秘书陈立表示，该消息不实。"
    assert _facts(text, "ownership") == []


def test_a_rival_described_as_a_peer() -> None:
    """與同業捷訊金融…競爭激烈: the peer named after 同業 is the rival."""
    (fact,) = _facts("市場人士指出，匯豐科技與同業捷訊金融在跨境支付業務上競爭激烈。", "competition")
    assert {p.text for p in fact.args.parties} == {"匯豐科技", "捷訊金融"}


@pytest.mark.parametrize(
    "text",
    [
        "金融监管总局近日批复同意鼎新控股受让中原投资所持瑞和集团3.2亿股股份。",
        "金融監管總局近日批復同意鼎新控股受讓中原投資所持瑞和集團3.2億股股份。",
    ],
)
def test_shares_taken_over_from_a_seller_are_the_named_company_s(text: str) -> None:
    """受让A所持B…股份: the buyer holds B, A was the seller, and the regulator that approves holds nothing."""
    got = {(f.args.holder.canonical, f.args.held.canonical) for f in _facts(text, "ownership")}
    assert ("鼎新控股", "瑞和集团") in got
    assert not {pair for pair in got if pair[0] == "国家金融监督管理总局" or pair[1] == "中原投资"}


@pytest.mark.parametrize(
    "text",
    ["玉晟銀行去年曾與長榮航空洽談聯名卡合作，惟最終破局。", "东星集团曾计划收购融众集团，但最终告吹。"],
)
def test_a_deal_that_fell_through_in_the_next_clause_is_no_fact(text: str) -> None:
    """…合作，惟最终破局: a contrast clause right after says the deal came to nothing."""
    assert [f for f in finextract.extract(text).facts if f.type in ("partnership", "acquisition", "ownership")] == []


def test_a_lawsuit_settled_since_is_still_a_dispute() -> None:
    """汇远科技此前与星原科技的诉讼: the two were in a dispute (now settled)."""
    (fact,) = _facts("另据了解，汇远科技此前与星原科技的诉讼已于10月达成和解。", "dispute")
    assert {p.text for p in fact.args.parties} == {"汇远科技", "星原科技"}


def test_one_fact_for_one_relation_read_through_several_mentions() -> None:
    """公司控股股东X after 华拓地产（下称“华拓”）公告称: the full name, its short form and 公司 all name the
    held company; one ownership fact per trigger, on the mention nearest it, not one per mention."""
    text = "10月11日，华拓地产股份有限公司（下称“华拓地产”）公告称，公司控股股东北江投资拟增持公司股份。"
    facts = [f for f in _facts(text, "ownership") if f.args.holder.canonical == "北江投资"]
    assert sorted(f.args.action.text for f in facts) == ["增持", "控股股东"]
    assert {f.args.held.text for f in facts} == {"公司"}


def test_a_holder_the_company_will_become_is_planned() -> None:
    """划转完成后，瀚海集团将成为融众集团的控股股东: not a holding yet."""
    facts = [f for f in _facts("划转完成后，瀚海集团将成为融众集团的控股股东。", "ownership") if f.args.holder.canonical == "瀚海集团"]
    assert facts and all(f.modality == "planned" for f in facts)


@pytest.mark.parametrize(
    "text",
    [
        "銘港銀行的控股股東為香港上市的旭晉金融集團，持股約65%。",
        "铭港银行的控股股东是在香港上市的旭晋金融集团。",
    ],
)
def test_a_holder_described_after_the_relation_noun_holds(text: str) -> None:
    """X的控股股东为香港上市的Y: Y holds X (控股 inside 控股股东 is no trigger of X holding Y)."""
    pairs = {(f.args.holder.canonical, f.args.held.canonical) for f in _facts(text, "ownership")}
    assert pairs == {("旭晋金融集团", "铭港银行")}


@pytest.mark.parametrize(
    ("text", "person", "title"),
    [
        ("昱承人壽同日公告，董事長詹明修因個人生涯規劃請辭。", "詹明修", "董事長"),  # Taiwan's 請辭
        ("此外，獨立董事杜雅筠因任期屆滿不再續任。", "杜雅筠", "獨立董事"),  # not renewed
    ],
)
def test_asking_to_leave_and_not_renewing_are_resignations(text: str, person: str, title: str) -> None:
    (change,) = _facts(text, "appointment")
    assert (change.args.person.text, change.args.change, change.args.title.text) == (person, "resigned", title)


def test_a_reserve_is_no_plan() -> None:
    """外匯價格變動準備金餘額: 準備 inside 準備金 (a reserve) is not 準備 (to prepare)."""
    facts = _facts("昱承人壽外匯價格變動準備金餘額約310億元。", "metric")
    assert facts and all(f.modality == "actual" for f in facts)


def test_a_decision_taking_effect_on_a_later_day_is_planned() -> None:
    """决定于12月15日下调…: decided now, done on the day named."""
    facts = _facts("中国人民银行12月5日宣布，决定于12月15日下调金融机构存款准备金率0.5个百分点。", "metric")
    assert facts and all(f.modality == "planned" for f in facts)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the topic is named in an earlier sentence: no holder of the subsidiary's parent is made up
        ("其中，栖鹿科技通过全资子公司武汉栖鹿数字科技有限公司持股49%。", set()),
        ("融众银行注册资本30亿元，栖鹿科技通过全资子公司武汉栖鹿数字科技有限公司持股49%。", {("栖鹿科技", "融众银行", "武汉栖鹿数字科技有限公司")}),
    ],
)
def test_a_stake_held_through_a_subsidiary_is_the_parent_s(text: str, want: set) -> None:
    """X通过全资子公司Y持股49%: X holds the topic through Y; Y does not hold X."""
    facts = [f for f in _facts(text, "ownership") if f.rule == "ownership.topic_stake"]
    assert {(f.args.holder.canonical, f.args.held.canonical, f.args.via.canonical if f.args.via else None) for f in facts} == want


@pytest.mark.parametrize(
    "text",
    [
        "西灣機遇基金持有德朗地產於2024年到期、票面息率8.75%的優先票據。",
        "东星集团持有融众集团发行的公司债券约2亿元。",
    ],
)
def test_holding_a_company_s_debt_is_no_stake(text: str) -> None:
    """A holder of notes or bonds is a creditor: no ownership of the issuer."""
    assert _facts(text, "ownership") == []


def test_holding_shares_before_a_bond_word_is_still_a_stake() -> None:
    (fact,) = _facts("东星集团持有融众集团20%股份及部分债券。", "ownership")
    assert fact.args.held.canonical == "融众集团"


def test_holders_listed_one_after_another_do_not_hold_each_other() -> None:
    """发行前，A持股9.86%，为第一大股东；B持股6.02%，C持股5.17%: the bank is named in the sentence before."""
    text = "发行前，湖州苕溪国有资本投资集团有限公司持股9.86%，为第一大股东；浙江晟岱实业集团有限公司持股6.02%，湖州菰城交通投资发展有限公司持股5.17%。"
    assert [f for f in _facts(text, "ownership") if f.rule == "ownership.topic_stake"] == []


@pytest.mark.parametrize(
    "text",
    [
        "韋卓霆透過全資擁有的卓霆投資有限公司持有德朗地產約58.3%股份。",
        "韦卓霆通过其全资子公司卓霆投资有限公司持有德朗地产约58.3%股份。",
    ],
)
def test_a_person_holding_through_a_company(text: str) -> None:
    """A person holds through the company after 透过/通过 (ownership.through, via the company)."""
    facts = [f for f in _facts(text, "ownership") if f.rule == "ownership.through"]
    assert [(f.args.holder.canonical, f.args.held.canonical, f.args.via.canonical) for f in facts] == [("韦卓霆", "德朗地产", "卓霆投资有限公司")]


@pytest.mark.parametrize("text", ["阚书朗现年51岁，2021年出任澪川农商银行行长。", "闞書朗現年51歲，於2021年出任澪川農商銀行行長。"])
def test_an_appointment_opening_the_next_clause_after_a_date(text: str) -> None:
    """…，2021年出任…: the clause after the person's has no subject of its own; its date opens it."""
    facts = [(f.args.person.text, f.args.change, f.args.org.text if f.args.org else None) for f in _facts(text, "appointment")]
    assert facts == [(text[:3], "appointed", text[text.index("澪") : text.index("行長" if "行長" in text else "行长")])]


def test_a_date_between_the_appointing_company_and_the_verb() -> None:
    """东星银行今年8月聘任…为行长: the company appoints, the date only says when."""
    (named,) = _facts("东星银行今年8月聘任原副行长钭志刚为行长。", "appointment")
    assert (named.args.person.text, named.args.org.text if named.args.org else None) == ("钭志刚", "东星银行")


def test_holders_listed_after_a_sentence_about_the_company_hold_it() -> None:
    """招股书显示，苕溪农商行股权较为分散。发行前，A持股9.86%…；B持股6.02%: both hold the bank."""
    text = "招股书显示，苕溪农商行股权较为分散。发行前，湖州苕溪国有资本投资集团有限公司持股9.86%，为第一大股东；浙江晟岱实业集团有限公司持股6.02%。"
    facts = [f for f in _facts(text, "ownership") if f.rule == "ownership.topic_stake"]
    assert {(f.args.holder.canonical, f.args.held.canonical, f.args.stake.text) for f in facts} == {
        ("湖州苕溪国有资本投资集团有限公司", "苕溪农商行", "9.86%"),
        ("浙江晟岱实业集团有限公司", "苕溪农商行", "6.02%"),
    }
    assert all(f.confidence == 0.5 for f in facts)


@pytest.mark.parametrize(
    ("text", "holder", "held"),
    [
        ("砺诚保险集团持有砺诚财险68.5%的股份，为其控股股东；澍阳港务集团有限公司持股15%。", "澍阳港务集团有限公司", "砺诚财险"),
        # the first holder's stake after the deal (将持有)
        ("债转股完成后，东星集团将持有融众集团18.5%的股权，瀚海银行持股9.2%。", "瀚海银行", "融众集团"),
    ],
)
def test_stakes_listed_after_the_first_holder_s_are_in_the_company_it_holds(text: str, holder: str, held: str) -> None:
    """A持有B68.5%的股份，为其控股股东；C持股15%: C holds B, not A."""
    facts = [f for f in _facts(text, "ownership") if f.rule == "ownership.topic_stake"]
    assert [(f.args.holder.canonical, f.args.held.canonical) for f in facts] == [(holder, held)]


def test_a_former_officer_claiming_against_the_company_named_first() -> None:
    """X银行前董事总经理Y…向X银行追讨…: Y claims, X is sued (X is not its own plaintiff)."""
    text = "翠麟銀行前私人銀行部董事總經理羅卓謙日前入稟高等法院，向翠麟銀行追討合共逾860萬港元的花紅及賠償。"
    (fact,) = _facts(text, "dispute")
    assert (fact.args.plaintiff.text, fact.args.defendant.text) == ("羅卓謙", "翠麟銀行")


def test_wholly_owned_by_a_company_described_by_its_listing() -> None:
    """A由港交所上市的B全资拥有: B holds A (港交所 only says where B is listed)."""
    facts = _facts("翠麟銀行由港交所上市的翠麟金融控股有限公司全資擁有。", "ownership")
    assert [(f.args.holder.text, f.args.held.text) for f in facts] == [("翠麟金融控股有限公司", "翠麟銀行")]


def test_a_rumoured_merger_denied_in_the_same_sentence_is_no_fact() -> None:
    text = "針對近期市場盛傳瑞陽金控將與竹霖金控洽談合併一事，葉承暉強調：「瑞陽目前並未與任何金控進行合併協商，也沒有相關規劃。」"
    assert _facts(text, "acquisition") == []


def test_a_negation_in_a_clause_between_the_claimant_and_the_claim_does_not_block_it() -> None:
    """…羅卓謙入稟高等法院，指銀行拒絕發放花紅，向翠麟銀行追討…: 拒絕 says what the bank did, the claim stands."""
    text = "翠麟銀行前董事總經理羅卓謙日前入稟高等法院，指銀行拒絕發放遞延花紅，向翠麟銀行追討合共逾860萬港元。"
    (fact,) = _facts(text, "dispute")
    assert fact.args.plaintiff.text == "羅卓謙"
    assert _facts("羅卓謙並未向翠麟銀行追討任何款項。", "dispute") == []


def test_a_ranking_in_a_sentence_naming_no_company_is_the_previous_sentence_s() -> None:
    text = "獲利方面，昱承人壽前三季稅後純益為新台幣286億元。業務面表現相對亮眼，市占率約10.7%，在業界排名第三，僅次於福嵐人壽與振邦人壽。"
    facts = _facts(text, "competition")
    assert {frozenset(p.text for p in f.args.parties) for f in facts} == {frozenset({"昱承人壽", "福嵐人壽"}), frozenset({"昱承人壽", "振邦人壽"})}
    assert all(f.confidence == 0.5 for f in facts)
    assert _facts("市占率約10.7%，在業界排名第三，僅次於福嵐人壽。", "competition") == []


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("东星集团的老对手融众集团今年净利润增长12%。", [{"东星集团", "融众集团"}]),
        ("东星集团在华南市场的主要竞争对手融众集团日前推出新品。", [{"东星集团", "融众集团"}]),
        ("東星集團的股價遠不及競爭對手融眾集團。", [{"東星集團", "融眾集團"}]),
        # rivals listed after the noun, and a list before 在内的 …竞争对手
        ("东星集团必然会遇到众多竞争对手，包括融众集团、瀚海集团等。", [{"东星集团", "融众集团"}, {"东星集团", "瀚海集团"}]),
        ("东星集团相关负责人称，包括融众集团在内的一些竞争对手通过不正当手段抢占市场。", [{"东星集团", "融众集团"}]),
        ("溯帆支付将面对融众支付等已持牌多年的竞争对手。", [{"溯帆支付", "融众支付"}]),
    ],
)
def test_a_company_named_as_the_rival_of_another(text: str, pairs: list[set[str]]) -> None:
    """X的(老/主要)竞争对手Y, X…竞争对手，包括Y: the company named as a rival competes with the one it rivals."""
    facts = [f for f in _facts(text, "competition") if f.rule == "competition.rival"]
    assert sorted(sorted(p.text for p in f.args.parties) for f in facts) == sorted(sorted(p) for p in pairs)
    assert all(f.args.trigger is not None and "对手" in f.args.trigger.normalized for f in facts)


@pytest.mark.parametrize(
    "text",
    [
        "东星集团披露，其并购交易对手融众集团实控人失联。",  # a counterparty of a deal, not a rival
        "东星集团表示，融众集团并非其竞争对手。",  # negated
        "融众集团的竞争对手众多。",  # no rival named
        "如果东星集团的对手融众集团降价，市场将承压。",  # hypothetical
    ],
)
def test_no_rival_without_a_rival_named(text: str) -> None:
    assert [f for f in _facts(text, "competition") if f.rule == "competition.rival"] == []


def test_a_short_form_declared_after_the_ranked_company_does_not_hide_it() -> None:
    """东星支付（以下简称东星）…，仅次于融众支付: the bracketed short form is the ranked company again."""
    text = "东星支付股份有限公司（以下简称东星支付）今日宣布，旗下用户数已突破650万户，在国内电子支付业者中排名第二，仅次于融众支付股份有限公司（融众支付）。"
    facts = [f for f in _facts(text, "competition") if f.rule == "competition.ranked"]
    assert [sorted(p.canonical for p in f.args.parties) for f in facts] == [["东星支付股份有限公司", "融众支付股份有限公司"]]


@pytest.mark.parametrize(
    "text",
    [
        "驿舟集团董事长裴冬岭介绍，公司此前与衍朴商业保理有限公司的合作协议已于今年6月终止，双方未再续约。",
        "東星集團收購融眾集團一事已於上月終止。",
        "東星銀行與原合作夥伴融眾人壽保險有限公司的銀保協議將於今年12月31日屆滿，雙方已決定不再續約。",
    ],
)
def test_a_deal_that_ended_is_no_fact(text: str) -> None:
    """…的合作协议已于今年6月终止: the cooperation ended; a purchase 终止 fell through; an agreement that
    expires (届满) is ending."""
    facts = [f for f in finextract.extract(text).facts if f.type in ("partnership", "acquisition")]
    assert facts == []


def test_a_ranked_shareholder_opening_a_clause_holds_the_sentence_s_company() -> None:
    """…；第二大股东钱垣实业…: a second holder of the company, not of the first holder."""
    text = "锦棠期货公告称，公司控股股东渚岩控股并未参与本次认购，持股比例由60%降至51%；第二大股东钱垣实业发展有限公司持股比例由25%降至21.25%。"
    pairs = {(f.args.holder.canonical, f.args.held.canonical) for f in _facts(text, "ownership") if f.rule != "ownership.model"}
    assert ("钱垣实业发展有限公司", "锦棠期货") in pairs
    assert not {("钱垣实业发展有限公司", "渚岩控股"), ("渚岩控股", "钱垣实业发展有限公司")} & pairs


def test_a_stake_opening_the_clause_after_the_holder_s() -> None:
    """A认购新增注册资本1.35亿元，增资后持股9%: A's stake in the company the sentence before is about."""
    text = (
        "锦棠期货有限公司公告称，公司已完成增资扩股。本次增资共引入两家新股东：苏州砚澄产业投资基金合伙企业（有限合伙）"
        "认购新增注册资本1.35亿元，增资后持股9%；楠桥实业集团有限公司认购新增注册资本0.9亿元，持股6%。"
    )
    facts = [f for f in _facts(text, "ownership") if f.rule == "ownership.topic_stake"]
    got = {(f.args.holder.canonical, f.args.held.canonical, f.args.stake.text) for f in facts}
    assert got == {("苏州砚澄产业投资基金合伙企业（有限合伙）", "锦棠期货有限公司", "9%"), ("楠桥实业集团有限公司", "锦棠期货有限公司", "6%")}


def test_a_ranked_company_after_what_it_is() -> None:
    """電子支付業者沛綸…，…，排名第二，僅次於宸磊…: the company opening the sentence after its kind is ranked."""
    text = (
        "電子支付業者沛綸電子支付股份有限公司（以下簡稱沛綸支付）今（１２）日宣布，旗下用戶數已突破６５０萬戶，"
        "市占率約２８％，在國內電子支付業者中排名第二，僅次於宸磊行動支付股份有限公司（宸磊支付）。"
    )
    facts = [f for f in _facts(text, "competition") if f.rule == "competition.ranked"]
    assert [sorted(p.canonical for p in f.args.parties) for f in facts] == [["宸磊行动支付股份有限公司", "沛纶电子支付股份有限公司"]]


def test_stakes_in_a_paragraph_reporting_the_announcement() -> None:
    """公告显示，…A认购…，增资后持股9%: the stake is in the company whose announcement the paragraph before reports."""
    text = (
        "锦棠期货有限公司11月5日晚间公告称，公司已完成增资扩股。\n\n"
        "公告显示，本次增资共引入两家新股东：楠桥实业集团有限公司认购新增注册资本0.9亿元，增资后持股6%。"
    )
    (fact,) = [f for f in _facts(text, "ownership") if f.rule == "ownership.topic_stake"]
    assert (fact.args.holder.canonical, fact.args.held.canonical, fact.args.stake.text) == ("楠桥实业集团有限公司", "锦棠期货有限公司", "6%")


def test_units_after_a_verb_and_qixia_are_held_by_the_sentence_s_company() -> None:
    """…，獲利主要來自旗下A（A'）與B兩大子公司: both are held by the company the sentence opens with."""
    text = "璟昕金控指出，全年合併稅後淨利年增18.4%，獲利主要來自旗下璟昕商業銀行（璟昕銀行）與璟昕人壽保險股份有限公司兩大子公司。"
    facts = [f for f in _facts(text, "ownership") if f.rule == "ownership.subject_units"]
    assert {(f.args.holder.text, f.args.held.text) for f in facts} == {("璟昕金控", "璟昕商業銀行"), ("璟昕金控", "璟昕人壽保險股份有限公司")}


def test_units_after_qi_qixia_are_held_by_the_company_qi_refers_to() -> None:
    """青岛啤酒与鲁商集团达成…并购其旗下…: 其 is 鲁商集团, the company named last before it."""
    text = "东星集团与鲁商集团达成协议，东星集团并购其旗下济南趵突泉啤酒集团。"
    facts = [f for f in _facts(text, "ownership") if f.rule == "ownership.subject_units"]
    assert [(f.args.holder.text, f.args.held.text) for f in facts] == [("鲁商集团", "济南趵突泉啤酒集团")]


@pytest.mark.parametrize(
    ("text", "holder", "held"),
    [
        ("鏗德控股有限公司昨晚公告，完成增持後持股將增至51%，朗曜數碼資產有限公司將成為其附屬公司。", "鏗德控股有限公司", "朗曜數碼資產有限公司"),
        ("东星集团宣布，重组完成后融众集团将成为东星集团的全资子公司。", "东星集团", "融众集团"),
    ],
)
def test_a_company_that_becomes_a_subsidiary(text: str, holder: str, held: str) -> None:
    """…将成为其附属公司 / 将成为X的全资子公司: a planned holding."""
    facts = [f for f in _facts(text, "ownership") if f.rule == "ownership.under"]
    assert [(f.args.holder.text, f.args.held.text, f.modality) for f in facts] == [(holder, held, "planned")]


def test_two_holders_of_one_company_in_parts_split_by_a_semicolon_hold_not_each_other() -> None:
    """…，岷澍银行持股9.2%；祁钧钢铁原控股股东钧达国投…: both hold 祁钧钢铁; the scorer must not link them."""
    text = "债转股完成后，陇垣资产将持有祁钧钢铁18.5%的股权，岷澍银行持股9.2%；祁钧钢铁原控股股东河西钧达国有资本投资有限公司的持股比例由100%降至72.3%。"
    pairs = {frozenset((f.args.holder.canonical, f.args.held.canonical)) for f in _facts(text, "ownership")}
    assert frozenset(("岷澍银行", "河西钧达国有资本投资有限公司")) not in pairs
    assert frozenset(("岷澍银行", "祁钧钢铁")) in pairs


def test_a_stake_that_moved_is_the_one_it_moved_to() -> None:
    """…的持股比例由100%降至72.3%: the holder's stake is now 72.3%."""
    text = "祁钧钢铁原控股股东河西钧达国有资本投资有限公司的持股比例由100%降至72.3%，仍为第一大股东。"
    (fact,) = [f for f in _facts(text, "ownership") if f.args.holder.canonical == "河西钧达国有资本投资有限公司"]
    assert fact.args.stake is not None and fact.args.stake.text == "72.3%"


def test_a_rumoured_stake_the_answer_denies_is_no_holding() -> None:
    """此前有传闻称，A曾入股B。对此，…回应称，A并未投资B: no ownership."""
    text = "此前有传闻称，知名投资机构赫珩资本曾在Pre-IPO轮入股砥芯微。对此，砥芯微董事会秘书蒯若萱回应称，赫珩资本并未投资砥芯微。"
    assert _facts(text, "ownership") == []


def test_a_rumour_the_next_sentence_denies_is_no_deal() -> None:
    """市场传出A有意收购B。对此，A发言人澄清，相关传闻「纯属臆测」: no acquisition."""
    text = "市場近日傳出宸磊支付有意收購融眾集團，以拉大與沛綸支付的差距。對此，宸磊支付發言人今日澄清，相關傳聞「純屬臆測」，公司「並無收購計畫」。"
    assert _facts(text, "acquisition") == []
    assert _facts("市場近日傳出宸磊支付有意收購融眾集團。宸磊支付今日公布業績。", "acquisition") != []


def test_a_successor_takes_the_post_at_the_predecessor_s_company() -> None:
    """…公告，董事長蕭啟銘…請辭，…由現任總經理彭睿綺接任董事長: the same company's chair."""
    text = "另一方面，東星支付今日公告，董事長蕭啟銘因個人生涯規劃請辭，即日生效，由現任總經理彭睿綺接任董事長。"
    changes = {(f.args.person.text, f.args.change, f.args.org.text if f.args.org else None) for f in _facts(text, "appointment")}
    assert changes == {("蕭啟銘", "resigned", "東星支付"), ("彭睿綺", "appointed", "東星支付")}


def test_so_qixia_goes_on_with_the_sentence_s_subject_and_wufa_negates() -> None:
    """…，同时持有国泰君安5%的股权，故旗下英大证券无法再参股西南证券: 国家电网 holds 英大证券 (not 国泰君安), and
    无法再参股 is no stake."""
    text = "由于国家电网公司控股英大证券，同时持有国泰君安5%的股权，故旗下英大证券无法再参股西南证券。"
    pairs = {(f.args.holder.canonical, f.args.held.canonical, f.rule) for f in _facts(text, "ownership")}
    assert ("国家电网公司", "英大证券", "ownership.subject_units") in pairs
    assert not any(h == "国泰君安证券" and d == "英大证券" for h, d, _ in pairs)
    assert not any(h == "英大证券" and d == "西南证券" for h, d, _ in pairs)


@pytest.mark.parametrize(
    ("text", "holder", "held", "modality"),
    [
        ("宏远集团是嘉禾银行大股东，持股10.2%。", "宏远集团", "嘉禾银行", "actual"),
        ("宏远集团是嘉禾银行的第一大股东。", "宏远集团", "嘉禾银行", "actual"),
        ("宏远集团为嘉禾银行控股股东。", "宏远集团", "嘉禾银行", "actual"),
        ("宏遠集團是嘉禾銀行的母公司。", "宏遠集團", "嘉禾銀行", "actual"),
        ("宏远集团作为嘉禾银行的控股股东，承诺六个月内不减持。", "宏远集团", "嘉禾银行", "actual"),
        ("交易完成后，宏远集团将成为嘉禾银行第一大股东。", "宏远集团", "嘉禾银行", "planned"),
        ("宏远集团成为嘉禾银行的最大股东。", "宏远集团", "嘉禾银行", "actual"),  # 最大股东, the largest
    ],
)
def test_a_company_said_to_be_another_s_shareholder_holds_it(text: str, holder: str, held: str, modality: str) -> None:
    """X是Y(的)大股东 / 为Y控股股东 / 是Y的母公司 / 作为Y的控股股东: X holds Y."""
    facts = [f for f in _facts(text, "ownership") if f.rule == "ownership.holder_of"]
    assert [(f.args.holder.text, f.args.held.text, f.modality) for f in facts] == [(holder, held, modality)]


@pytest.mark.parametrize(
    "text",
    [
        "宏远集团不是嘉禾银行的第一大股东。",
        "宏远集团和嘉禾银行的控股股东签署了协议。",
        "宏远集团是否会成为嘉禾银行的第一大股东？",
    ],
)
def test_no_holder_without_the_copula_right_before_the_held_company(text: str) -> None:
    """A negation, a list and a question are no holding."""
    assert [f for f in _facts(text, "ownership") if f.rule == "ownership.holder_of"] == []


def test_a_wholly_owned_subsidiary_named_past_its_holder_s_declared_short_form() -> None:
    """X為Y有限公司（以下簡稱「Y'」）的全資附屬公司: Y holds X."""
    text = "蘊璞人壽為蘊璞保險集團有限公司（以下簡稱「蘊璞集團」）的全資附屬公司，首期款項將以集團內部資源支付。"
    facts = [f for f in _facts(text, "ownership") if f.rule == "ownership.under"]
    assert [(f.args.holder.text, f.args.held.text, f.args.action.text) for f in facts] == [("蘊璞保險集團有限公司", "蘊璞人壽", "全資附屬公司")]


@pytest.mark.parametrize(
    "text", ["黃立新將繼續擔任平安銀行首席風險官。", "闫书珩将继续担任该基金的基金经理。", "周敏仍担任瀚海集团董事长。", "邰明骁同时担任砥联合伙的执行事务合伙人。"]
)
def test_a_post_kept_is_no_appointment(text: str) -> None:
    """将继续担任: the role holds, nothing changes."""
    assert _facts(text, "appointment") == []


def test_a_suit_filed_with_a_court_named_between_the_parties() -> None:
    """A以…为由，向X法院起诉B: the court is where, not who; A sues B."""
    text = "苏州砥芯微电子股份有限公司（以下简称“砥芯微”）申请上市。今年5月，杭州翮睿半导体股份有限公司以侵犯其两项发明专利为由，向苏州市中级人民法院起诉砥芯微，索赔约8,600万元。"
    (fact,) = _facts(text, "dispute")
    assert (fact.args.plaintiff.text, fact.args.defendant.text) == ("杭州翮睿半导体股份有限公司", "砥芯微")
    hk = "另邊廂，客戶梓嶠貿易有限公司聯同另外5名客戶上月入稟高等法院，控告滘朗證券在處理其帳戶時違反謹慎責任。"
    assert [(f.args.plaintiff.text, f.args.defendant.text) for f in _facts(hk, "dispute")] == [("梓嶠貿易有限公司", "滘朗證券")]


def test_the_verb_after_a_manner_phrase_is_the_action() -> None:
    """以增资方式入股: the action is 入股, 增资 says how."""
    (fact,) = _facts("2022年，东星集团以增资方式入股融众集团。", "ownership")
    assert fact.args.action is not None and fact.args.action.text == "入股"


def test_a_holding_platform_named_after_a_post_holds_nothing_by_its_name() -> None:
    """邰明骁同时担任员工持股平台X的执行事务合伙人: 持股 names the platform, it is no act of holding."""
    text = "邰明骁同时担任员工持股平台苏州砥联企业管理合伙企业（有限合伙）的执行事务合伙人。"
    assert _facts(text, "ownership") == []


def test_a_later_clause_opening_with_yu_carries_the_sentence_s_subject_into_a_rivalry() -> None:
    """A此次以…切入，將與B爭奪…市場: A and B compete."""
    text = "業界人士認為，東星集團此次以月配息及較低經理費切入，將與融眾集團爭奪高股息ETF市場。"
    facts = _facts(text, "competition")
    assert [sorted(p.text for p in f.args.parties) for f in facts] == [["東星集團", "融眾集團"]]
    listed = "業界人士分析，東星集團此次推出新商品，將與融眾集團、瀚海集團在投資型保單市場正面競爭。"
    assert sorted(sorted(p.text for p in f.args.parties) for f in _facts(listed, "competition")) == [["東星集團", "瀚海集團"], ["東星集團", "融眾集團"]]
    denied = "東星集團須具有支持業務發展的相應資源，與融眾集團主營業務不存在同業競爭。"
    assert _facts(denied, "competition") == []  # 不存在: no rivalry


def test_the_court_a_claim_is_filed_with_is_no_party() -> None:
    """瑞港物流…入禀高等法院，向亚湾科技追讨…: a dispute with 亚湾科技, never with the court."""
    text = "瑞港物流昨日入禀高等法院，向前系统供应商亚湾科技追讨约2,300万港元。"
    assert not any("法院" in p.text for f in _facts(text, "dispute") for p in f.args.parties)


def test_the_seller_of_its_own_stake_holds_it() -> None:
    """A向B转让其所持C 60%股权: A holds C (the seller), B is the buyer."""
    text = "金融监管总局批复同意东星集团有限公司（以下简称“东星集团”）向融众集团转让其所持瀚海信托有限公司60%股权。"
    facts = [f for f in _facts(text, "ownership") if f.rule == "ownership.seller"]
    assert [(f.args.holder.text, f.args.held.text, f.args.action.text, f.args.stake.text if f.args.stake else None) for f in facts] == [
        ("东星集团有限公司", "瀚海信托有限公司", "所持", "60%")
    ]


def test_a_holder_after_a_declaration_with_a_stock_code() -> None:
    """A（以下简称“A'”，股票代码：300917）持有B 100%股权: the comma inside the brackets ends no clause."""
    text = "深交所上市公司翕檀网络科技股份有限公司（以下简称“翕檀科技”，股票代码：300917）持有珞笙支付100%股权。"
    facts = [f for f in _facts(text, "ownership") if f.args.stake is not None]
    assert [(f.args.held.text, f.args.stake.text) for f in facts] == [("珞笙支付", "100%")]
    assert all("交易所" not in f.args.holder.canonical for f in _facts(text, "ownership"))


def test_one_company_merging_another_at_a_price_acquires_it() -> None:
    """A以X合併B: A absorbs B at that price; 合併後… and 合併報表 are no act."""
    (fact,) = _facts("瑧磐保險宣佈，東星集團以18.5億澳門元合併融眾集團，代價以換股加現金方式支付。", "acquisition")
    assert (fact.args.acquirer.text, fact.args.target.text, fact.args.action.text) == ("東星集團", "融眾集團", "合併")
    assert _facts("東星集團合併後融眾集團為存續公司。", "acquisition") == []


def test_a_holding_through_a_company_named_with_its_short_form() -> None:
    """A透過B股份有限公司（以下簡稱B'）間接持有C: A holds C via B."""
    text = "瑋圃光電股份有限公司（以下簡稱瑋圃光電）公告。瑋圃光電董事長葛笙濤透過笙濤投資股份有限公司（以下簡稱笙濤投資）間接持有瑋圃光電約11.8%股權。"
    facts = [f for f in _facts(text, "ownership") if f.rule == "ownership.through"]
    assert [(f.args.holder.text, f.args.held.text, f.args.via.text, f.args.stake.text) for f in facts] == [("葛笙濤", "瑋圃光電", "笙濤投資股份有限公司", "約11.8%")]


def test_holders_declared_with_short_forms_hold_the_first_part_s_company() -> None:
    """其中，A（以下简称A'）持有X 9.8%…；B（以下简称B'）持股7.5%；C持股4.6%: all three hold X."""
    text = (
        "东星银行注册资本为52.6亿元。其中，东星国有资本投资运营有限公司（以下简称“东星国投”）持有东星银行9.8%的股份，为第一大股东；"
        "东星市城市建设投资集团有限公司（以下简称“东星城投”）持股7.5%；翥昊实业集团有限公司持股4.6%。"
    )
    pairs = {(f.args.holder.text, f.args.held.text, f.args.stake.text if f.args.stake else None) for f in _facts(text, "ownership")}
    assert {("东星市城市建设投资集团有限公司", "东星银行", "7.5%"), ("翥昊实业集团有限公司", "东星银行", "4.6%")} <= pairs


def test_a_stake_raised_through_a_unit_belongs_to_the_clause_s_company() -> None:
    """公告称，…榛埕人寿于11月21日通过旗下榛埕资产…增持楮沄银行H股3600万股: 榛埕人寿 holds its unit and, through it, the bank."""
    text = (
        "楮沄银行股份有限公司（以下简称“楮沄银行”）发布公告称，该行接到股东榛埕人寿保险股份有限公司（以下简称“榛埕人寿”）通知，"
        "榛埕人寿于11月21日通过旗下榛埕资产管理有限公司（以下简称“榛埕资产”）增持楮沄银行H股3600万股。"
    )
    facts = _facts(text, "ownership")
    assert not any(f.args.holder.text.startswith("楮沄银行") for f in facts)
    through = [(f.args.holder.text, f.args.held.text, f.args.action.text) for f in facts if f.rule == "ownership.through"]
    assert through == [("榛埕人寿", "楮沄银行", "增持")]


def test_a_rumour_the_next_sentence_opens_by_denying_is_no_holding() -> None:
    """市場早前傳出，A將入股B。C否認有關消息…: no ownership."""
    text = "市場早前傳出，本地保險公司融眾保險將入股東星集團，成為第四名股東。鄺允澄否認有關消息，表示三方現階段沒有引入其他股東的計劃。"
    assert _facts(text, "ownership") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "滕雨舟、蒯立言因工作调整，分别辞去公司副总经理、首席风险官职务。",
            {("滕雨舟", "resigned", "副总经理"), ("蒯立言", "resigned", "首席风险官")},
        ),
        (
            "董事会同意葛书萍和郦一鸣分别出任星途支付首席执行官及首席财务官。",
            {("葛书萍", "appointed", "首席执行官"), ("郦一鸣", "appointed", "首席财务官")},
        ),
        (
            "黎婉淇、童嘉朗、翁子健分別擔任營運總監、風控總監及財務總監。",
            {("黎婉淇", "appointed", "營運總監"), ("童嘉朗", "appointed", "風控總監"), ("翁子健", "appointed", "財務總監")},
        ),
    ],
)
def test_people_and_posts_paired_by_respectively(text: str, expected: set) -> None:
    """A list of people, 分别 and a list of as many posts: each person takes the post in the same place."""
    changes = {(f.args.person.text, f.args.change, f.args.title.text) for f in _facts(text, "appointment")}
    assert changes == expected


@pytest.mark.parametrize(
    "text",
    [
        "滕雨舟、蒯立言分别辞去公司副总经理职务。",  # one post for two people: no pairing to make
        "滕雨舟、蒯立言并未分别辞去公司副总经理、首席风险官职务。",
    ],
)
def test_respectively_needs_as_many_posts_as_people(text: str) -> None:
    pairs = {(f.args.person.text, f.args.title.text if f.args.title else None) for f in _facts(text, "appointment")}
    assert ("蒯立言", "首席风险官") not in pairs and ("滕雨舟", "首席风险官") not in pairs


def test_a_passive_holding_reads_its_verb_past_the_holder_s_declared_short_form() -> None:
    """…由蒓灣控股集團有限公司（下稱「蒓灣控股」）持有70%股權: the verb is 持有, not 控股 inside the short form."""
    (held,) = _facts("澦寶支付由香港上市的蒓灣控股集團有限公司（下稱「蒓灣控股」）持有70%股權。", "ownership")
    assert (held.args.holder.text, held.args.held.text, held.args.action.text, held.args.stake.text) == ("蒓灣控股集團有限公司", "澦寶支付", "持有", "70%")


def test_a_sale_agreement_is_no_partnership_and_a_later_clause_s_referral_deal_is() -> None:
    """簽署買賣協議 is a transaction; 並會與…簽訂…合作協議 carries the sentence's subject into a planned partnership."""
    assert _facts("澦寶支付已與璣泰銀行簽署買賣協議，以4.6億澳門元收購璣泰銀行的商戶收單業務。", "partnership") == []
    (referral,) = _facts("璣泰銀行表示，出售收單業務後會集中資源發展企業業務，並會與澦寶支付簽訂為期五年的轉介合作協議。", "partnership")
    assert [p.text for p in referral.args.parties] == ["璣泰銀行", "澦寶支付"]


def test_a_defendant_after_jiang_keeps_its_declared_short_form_out_of_the_way() -> None:
    """泖峰银行将深圳楦付科技有限公司（以下简称“楦付科技”）起诉至…: the verb after the declaration."""
    (suit,) = _facts("近日，泖峰银行将深圳楦付科技有限公司（以下简称“楦付科技”）起诉至深圳市福田区人民法院。", "dispute")
    assert (suit.args.plaintiff.text, suit.args.defendant.text) == ("泖峰银行", "深圳楦付科技有限公司")


def test_a_resignation_applied_for_in_the_clause_after_the_reason() -> None:
    """阚嘉树因到龄退休，申请辞去澴宇期货董事长、董事职务: 申请 before the verb opening the next clause."""
    changes = {(f.args.action.text, f.args.title.text if f.args.title else None, f.args.org.text if f.args.org else None) for f in _facts("阚嘉树因到龄退休，申请辞去澴宇期货董事长、董事职务。", "appointment")}
    assert ("辞去", "董事长", "澴宇期货") in changes


def test_a_body_named_after_the_post_is_not_its_company() -> None:
    """申请辞去公司董事长、董事及董事会战略委员会主任委员职务: the committee is no company of 董事长."""
    facts = _facts("周建明因工作调整原因，申请辞去公司董事长、董事及董事会战略委员会主任委员职务。", "appointment")
    assert facts and all(f.args.org is None for f in facts if f.args.title is not None and f.args.title.text == "董事长")


@pytest.mark.parametrize(
    ("text", "fact_type", "modality"),
    [
        ("交易完成後，東星集團將保留融眾集團30%股權。", "ownership", "planned"),
        ("要约收购完成后，东星集团将合计持有融众集团29.8%股份。", "ownership", "planned"),
        ("璣泰銀行表示，並會與澦寶支付簽訂為期五年的轉介合作協議。", "partnership", "planned"),
        ("私募完成後，東星集團預計將持有融眾集團約19.6%股權。", "ownership", "forecast"),  # the forecast frames it
        ("公司将所持股份转让给东星集团，东星集团持有融众集团35%股份。", "ownership", "actual"),  # 将 marking an object
        # 基金会|与: 会 closes a name, it is no "will"
        ("蕎絜消費者權益促進基金會與璿霂銀行自今年8月起就循環利率差別定價發生爭議。", "dispute", "actual"),
    ],
)
def test_what_the_subject_will_do_is_planned(text: str, fact_type: str, modality: str) -> None:
    """将保留, 将合计持有, 会与: the subject's own future act; a forecast word before still makes it a forecast."""
    facts = _facts(text, fact_type)
    assert facts and {f.modality for f in facts} == {modality}


def test_bing_wu_negates_an_acquisition() -> None:
    """目前该行并无吸收合并…的计划: 并无 negates as 并未 does."""
    assert _facts("对此，东星集团董事会秘书回应称，目前该公司并无吸收合并融众集团的计划。", "acquisition") == []


def test_every_target_listed_after_the_verb_is_acquired() -> None:
    """同意A吸收合并B（以下简称“B'”）和C（以下简称“C'”）: both B and C are targets."""
    text = "同意豳州银行吸收合并岜溪村镇银行股份有限公司（以下简称“岜溪村镇银行”）和峂口村镇银行股份有限公司（以下简称“峂口村镇银行”）。"
    targets = {f.args.target.text for f in _facts(text, "acquisition") if f.args.acquirer.text == "豳州银行"}
    assert targets == {"岜溪村镇银行股份有限公司", "峂口村镇银行股份有限公司"}


def test_a_condition_opening_the_trigger_s_own_clause_after_a_speaker() -> None:
    """有业内人士指出，若A向B增资…: 若 opens the clause of the trigger, not the sentence."""
    assert _facts("有业内人士指出，若东星集团向融众集团增资20亿元，将与监管要求相违背。", "ownership") == []


def test_a_holding_described_inside_a_condition_is_still_a_holding() -> None:
    """若东星集团持有的融众集团股份减少…: the condition is the decrease; 持有的 describes a holding that exists."""
    facts = _facts("若东星集团持有的融众集团股份减少到5%以下，东星集团应及时通知融众集团。", "ownership")
    assert [(f.args.holder.text, f.args.held.text) for f in facts] == [("东星集团", "融众集团")]


def test_a_post_to_be_taken_is_a_planned_appointment() -> None:
    """邘江消金拟任董事长仉砚舟…: 拟任 names a planned appointment at the company written before it."""
    text = "人事安排方面，邘江消金拟任董事长仉砚舟现任邘江银行行长助理。"
    (planned,) = _facts(text, "appointment")
    assert (planned.args.person.text, planned.args.change, planned.args.title.text, planned.modality) == ("仉砚舟", "appointed", "董事长", "planned")
    assert planned.args.org is not None and planned.args.org.text == "邘江消金" and planned.rule == "appointment.proposed"


def test_the_seller_named_with_its_short_form_before_suo_chi_holds_nothing_bought() -> None:
    """受让蓂泰实业有限公司（以下简称“蓂泰实业”）所持瀹川信托20%股权: the buyer takes the trust's shares, not the seller."""
    text = "埙城金控受让蓂泰实业有限公司（以下简称“蓂泰实业”）所持瀹川信托20%股权。"
    pairs = {(f.args.holder.text, f.args.held.text) for f in _facts(text, "ownership")}
    assert ("埙城金控", "蓂泰实业有限公司") not in pairs and ("埙城金控", "瀹川信托") in pairs


def test_talks_are_a_planned_partnership_and_an_unsettled_one_is_none() -> None:
    """…与泰国曈暹银行的合作谈判仍在进行: talks, planned; 与曈暹银行合作仍未落定: nothing settled."""
    (talks,) = _facts("湑岚科技与泰国曈暹银行的合作谈判仍在进行。", "partnership")
    assert talks.modality == "planned"
    assert _facts("东星集团与融众集团合作仍未落定。", "partnership") == []


@pytest.mark.parametrize("text", ["另据了解，粼柃数科与嵙阳银行的助贷合作仍在洽谈中，双方尚未签署协议。", "粼柃數科與嵙陽銀行的合作正在磋商。"])
def test_a_cooperation_still_under_talks_is_planned(text: str) -> None:
    (talks,) = _facts(text, "partnership")
    assert talks.modality == "planned"


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("股权结构方面，墀禾控股有限公司持有湑岚科技38.6%的股份，为其控股股东。", "墀禾控股有限公司"),
        ("渫川控股集团有限公司（以下简称“渫川集团”）持有隰安财险51%的股份，为其控股股东。", "渫川集团"),
        ("澴宇证券持有澴宇期货92.5%的股权，为其控股股东；武汉枬垣投资有限公司持有其余7.5%的股权。", "澴宇证券"),
    ],
)
def test_a_holder_said_to_be_its_controlling_shareholder_in_the_next_clause(text: str, holder: str) -> None:
    """…持有B…，为其控股股东: the holder of the clause before is B's controlling shareholder."""
    facts = [f for f in _facts(text, "ownership") if f.args.action is not None and f.args.action.text == "控股股东"]
    assert [(f.args.holder.text, f.rule) for f in facts] == [(holder, "ownership.holder_clause")]
