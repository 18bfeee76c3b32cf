"""Each fact rule on its own examples, including negatives, in both scripts."""

from __future__ import annotations

import pytest

import finextract
from finextract.facts import MetricFact, PartnershipFact, QuoteFact, RoleFact


def _facts(text: str, fact_type: str) -> list:
    return [f for f in finextract.extract(text).facts if f.type == fact_type]


def _roles(text: str) -> set[tuple]:
    return {(f.args.person.text, f.args.org.text if f.args.org else None, f.args.title.text, f.rule) for f in _facts(text, "role")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("工商銀行董事長易會滿表示，合作前景廣闊。", ("易會滿", "工商銀行", "董事長", "role.org_title_name")),
        ("恒信銀行行政總裁黃嘉明表示，需求回暖。", ("黃嘉明", "恒信銀行", "行政總裁", "role.org_title_name")),  # the Hong Kong CEO title
        ("工商银行董事长易会满表示，合作前景广阔。", ("易会满", "工商银行", "董事长", "role.org_title_name")),
        ("金融科技事業部負責人謝錦生說，這個世界並不缺一家金融公司。", ("謝錦生", None, "金融科技事業部負責人", "role.title_name")),
        ("山東城商行聯盟就在此背景下成立，其常務副總經理黃鑫認為，人才短缺。", ("黃鑫", "山東城商行聯盟", "常務副總經理", "role.qi_title_name")),
        ("王明远出任招商银行行长。", ("王明远", "招商银行", "行长", "role.name_serves")),
        ("董事会聘任孙晓雯为瀚海集团首席执行官。", ("孙晓雯", "瀚海集团", "首席执行官", "role.appointed_as")),
        ("黃立新將繼續擔任平安銀行首席風險官。", ("黃立新", "平安銀行", "首席風險官", "role.name_serves")),  # adverbs before the verb
        ("嘉禾银行行长李明表示，业务稳定。", ("李明", "嘉禾银行", "行长", "role.org_title_name")),  # jieba's 银行行长 is split
        ("王明远此前曾任江川银行股份有限公司（以下简称“江川银行”）零售金融部副总经理。", ("王明远", "江川银行股份有限公司", "零售金融部副总经理", "role.name_serves")),
        # an officer then (时任), at the sentence's company, not at its supervisor
        ("东星医疗因信息披露违法被浙江证监局罚款1,200万元，时任董事长李明被罚款300万元。", ("李明", "东星医疗", "董事长", "role.carried_company")),
        # a department's post in the next part of the sentence, at the company of the role before
        ("同时，江川银行副行长李明被罚款32万元，零售管理部总经理王华被罚款18.5万元。", ("王华", "江川银行", "零售管理部总经理", "role.carried_company")),
        # the company's short form declared between the company and the post
        ("菀汐消费金融有限公司（以下简称“菀汐消金”）副总经理阙书宁获聘总经理。", ("阙书宁", "菀汐消费金融有限公司", "副总经理", "role.org_title_name")),
        ("玓甯證券投資顧問股份有限公司（玓甯投顧）首席經濟學家郜映辰認為，成數上限已相當嚴格。", ("郜映辰", "玓甯證券投資顧問股份有限公司", "首席經濟學家", "role.org_title_name")),
        (
            "因年龄原因，黄立新辞去平安银行副行长职务，将继续担任平安银行首席风险官。",
            ("黄立新", "平安银行", "首席风险官", "role.later_clause"),
        ),
        # a second company's post listed after 、 takes that company, and the verb's dating
        ("酆启望曾任瀍江省农村信用社联合社审计部总经理、湫口农商银行行长。", ("酆启望", "湫口农商银行", "行长", "role.name_serves")),
        ("酆啟望曾任瀍江省農村信用社聯合社審計部總經理、湫口農商銀行行長。", ("酆啟望", "湫口農商銀行", "行長", "role.name_serves")),
        # the post an appointee holds now, written after the appointing board's verb, is at the board's company
        ("澪豐銀行董事會委任財務總監鄺思穎為副行政總裁。", ("鄺思穎", "澪豐銀行", "財務總監", "role.appointing_company")),
        ("岭南农商银行董事会聘任副行长苏明哲为行长。", ("苏明哲", "岭南农商银行", "副行长", "role.appointing_company")),
        ("东星人寿拟提名公司副总经理荀宁远出任融众养老董事长。", ("荀宁远", "东星人寿", "副总经理", "role.appointing_company")),
        # 公司 opening a bank's corporate department is no part of the bank's name
        ("郗望舟曾任岈州银行公司金融部总经理。", ("郗望舟", "岈州银行", "公司金融部总经理", "role.name_serves")),
        # a past post: a dating word or a time adverb before the verb (the org pattern must stop there)
        ("周文涛曾任南岭农商银行副行长。", ("周文涛", "南岭农商银行", "副行长", "role.name_serves")),
        ("周文濤現任南嶺農商銀行副行長。", ("周文濤", "南嶺農商銀行", "副行長", "role.name_serves")),
        ("周文涛此前任江川银行副行长。", ("周文涛", "江川银行", "副行长", "role.name_serves")),
        # an analyst's coverage before the title belongs to it, as a department does
        ("海川证券银行业首席分析师郑晓东认为，零售转型成效显著。", ("郑晓东", "海川证券", "银行业首席分析师", "role.org_title_name")),
        ("海川證券保險業分析師林曉認為，保費增速放緩。", ("林曉", "海川證券", "保險業分析師", "role.org_title_name")),
        # a regulator's department named after a sector is no company of its own
        ("国家金融监督管理总局人身保险监管司副司长阚沛林指出，保险机构应发挥优势。", ("阚沛林", "国家金融监督管理总局", "人身保险监管司副司长", "role.org_title_name")),
        (
            "因年齡原因，黃立新辭去平安銀行副行長職務，將繼續擔任平安銀行首席風險官。",
            ("黃立新", "平安銀行", "首席風險官", "role.later_clause"),
        ),
    ],
)
def test_role_rules(text: str, expected: tuple) -> None:
    assert expected in _roles(text)


@pytest.mark.parametrize(
    "text",
    [
        "张伟说，将担任瀚海集团董事长的人选尚未确定。",  # the clause modifies 人选
        "张伟表示，李强将担任瀚海集团董事长。",  # the later clause has its own subject
    ],
)
def test_later_clause_needs_an_elided_subject(text: str) -> None:
    assert not any(person == "张伟" for person, *_ in _roles(text))


def test_posts_listed_at_two_companies_are_both_former() -> None:
    roles = {f.args.org.text: f.args.former for f in _facts("酆启望曾任瀍江省农村信用社联合社审计部总经理、湫口农商银行行长。", "role")}
    assert roles == {"瀍江省农村信用社联合社": True, "湫口农商银行": True}


def test_title_chain_gives_one_fact_per_title() -> None:
    roles = _roles("京東集團董事局主席兼首席執行官劉強東出席。")
    assert {r[2] for r in roles if r[0] == "劉強東"} == {"董事局主席", "首席執行官"}


def test_speech_verb_is_not_part_of_a_name() -> None:
    people = {e.text for e in finextract.extract("其首席技術官黃鑫認為，人才短缺。曾有負責人曾透露，進展順利。").entities if e.label == "PERSON"}
    assert "黃鑫" in people and "黃鑫認" not in people and "曾透露" not in people


def _pairs(text: str) -> list[PartnershipFact]:
    return _facts(text, "partnership")


def test_a_foreign_bank_s_kind_between_with_and_its_name() -> None:
    """与外资银行|埃默林银行（中国）有限公司: what the partner is stands between 与 and its name; the date is kept."""
    (fact,) = [f for f in _pairs("11月18日，东星证券股份有限公司与外资银行融众银行（中国）有限公司在上海签署托管与结算合作协议。") if f.rule == "partnership.pair_trigger"]
    assert fact.args.date is not None and fact.args.date.text == "11月18日"


def test_a_place_where_they_sign_between_the_parties() -> None:
    """A在上海分别与B（…）、C、D签署…: the place is part of the adverbial before 与; each listed company partners A."""
    text = "11月4日，东星清算有限公司在上海分别与融众银行股份有限公司（以下简称“融众银行”）、瀚海银行、安信银行签署战略合作协议。"
    (fact,) = [f for f in _pairs(text) if f.rule == "partnership.pair_trigger"]
    assert [p.text for p in fact.args.parties] == ["东星清算有限公司", "融众银行股份有限公司", "瀚海银行", "安信银行"]


def test_a_rumoured_joint_venture_denied_in_the_next_sentence_is_no_partnership() -> None:
    text = "此前有市场消息称，东星银行将与融众汽车旗下的融众汽车金融有限公司合资成立消费金融公司。对此，东星银行回应称，双方目前并无成立合资公司的计划。"
    assert _pairs(text) == []


def test_a_region_word_between_with_and_the_partner() -> None:
    """與內地|浯菉銀行: where the partner is from stands between 与 and its name."""
    (fact,) = _pairs("澉璿銀行與內地浯菉銀行股份有限公司於11月20日簽署合作協議。")
    assert [p.text for p in fact.args.parties] == ["澉璿銀行", "浯菉銀行股份有限公司"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "资金方面，东星科技已累计与103家金融机构开展合作，主要资金合作方包括邠州银行股份有限公司、澓宁银行和汍江农村商业银行。",
            [["东星科技", "邠州银行股份有限公司"], ["东星科技", "澓宁银行"], ["东星科技", "汍江农村商业银行"]],
        ),
        ("東星集團的合作夥伴包括融眾集團及瀚海集團。", [["東星集團", "融眾集團"], ["東星集團", "瀚海集團"]]),
        ("东星集团表示，潜在合作伙伴包括融众集团。", []),  # a potential partner is none yet
        ("主要合作方包括融众集团和瀚海集团。", []),  # no company whose partners they are
    ],
)
def test_partners_listed_after_a_partner_noun(text: str, expected: list) -> None:
    facts = [f for f in _pairs(text) if f.rule == "partnership.partners_listed"]
    assert sorted([p.text for p in f.args.parties] for f in facts) == sorted(expected)


def test_partnership_with_kind_and_repaired_date() -> None:
    (fact,) = _pairs("718日，京東金融與山東省城市商業銀行合作聯盟舉行戰略合作簽約儀式。")
    assert [p.text for p in fact.args.parties] == ["京東金融", "山東省城市商業銀行合作聯盟"]
    assert fact.args.kind is not None and fact.args.kind.text == "戰略合作"
    assert fact.args.date is not None and fact.args.date.value == "--07-18" and fact.args.date.repaired
    assert fact.rule == "partnership.pair_trigger"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("10月，江川银行与启明云科签署战略合作协议。", "--10"),
        ("10月18日，江川银行与启明云科签约。", "--10-18"),
        ("江川银行与启明云科于9月18日签订为期15年的独家合作协议。", "--09-18"),  # between the parties and the trigger
        ("江川银行于10月28日与融众集团签署合作协议。", "--10-28"),  # between the first party and 与
        ("江川銀行於10月28日與融眾集團簽署銀保通路合作協議。", "--10-28"),
        ("10月28日，江川银行与融众集团签署联合贷款合作协议。", "--10-28"),  # joint lending is the cooperation
        ("12月8日，江川银行还与全国性股份制商业银行融众银行股份有限公司签署全面战略合作协议。", "--12-08"),  # the partner's kind
    ],
)
def test_partnership_dated_by_a_month(text: str, value: str) -> None:
    """A date before or after the parties dates their partnership."""
    (fact,) = _pairs(text)
    assert fact.args.date is not None and fact.args.date.value == value


@pytest.mark.parametrize(
    "text",
    [
        "永乐电力由东星集团、融众集团、瀚海集团等共同投资组建。",
        "永樂電力由東星集團、融眾集團和瀚海集團三家公司共同出資設立。",
    ],
)
def test_companies_listed_before_what_they_found_together_are_partners(text: str) -> None:
    (fact,) = _pairs(text)
    assert {p.canonical for p in fact.args.parties} == {"东星集团", "融众集团", "瀚海集团"}
    assert fact.rule == "partnership.joint_founding"


@pytest.mark.parametrize(
    "text",
    [
        "京東金融並未與上海銀行合作。",  # negation
        "如果京東金融與上海銀行合作，雙方都會受益。",  # hypothetical
        "京東金融會與上海銀行合作嗎？",  # question
        "騰訊、螞蟻金服、百度等互聯網巨頭先後和各大銀行簽約。",  # a list is not a partnership
        "京東金融與上海銀行的股價昨日均上漲。",  # no cooperation trigger
        "东星集团、融众集团等公司的股价共同上涨。",  # 共同 without founding or funding
        "葛兰素史克与谷歌母公司旗下的生命科学部门成立合资公司。",  # the partner is what 谷歌 is related to
        "东星集团表示不会与瀚海集团合作。",  # a negation word of the relation lexicon
        "东星集团已放弃与瀚海集团合作。",
        "若能与瀚海集团合作，东星集团将受益。",  # its hypotheticals
        "投资者将东星集团和瀚海集团一并列为共同被告。",  # co-defendants
        "他还表示，如果首批合作项目进展顺利，东星银行将考虑与瀚海银行单独签署理财代销协议。",  # a condition before
    ],
)
def test_partnership_negatives(text: str) -> None:
    assert _pairs(text) == []


def _metrics(text: str) -> list[MetricFact]:
    return _facts(text, "metric")


def test_metric_with_qualifier_period_and_subject() -> None:
    facts = {f.args.metric.text: f for f in _metrics("今年3月，工行的信用卡用戶為1.25億人，單月現金貸款總額近100億，壞賬率不超過0.3%。")}
    users = facts["信用卡用戶"].args
    assert users.subject is not None and users.subject.canonical == "中国工商银行"
    assert users.value.value == 125_000_000 and users.period is not None and users.period.text == "今年3月"
    assert facts["壞賬率"].args.value.qualifier == "at_most"
    assert facts["現金貸款總額"].args.value.qualifier == "approx"


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("三季度單季，華信人壽新業務價值同比增長8.7%。", "--Q3"),  # the quarter, not the 单季 after it
        ("單月交易額為100億元。", "P1M"),
        ("華信人壽前三季度淨利潤為86.4億元。", "Q1/Q3"),
    ],
)
def test_metric_period(text: str, period: str) -> None:
    (fact,) = _metrics(text)
    assert fact.args.period is not None and fact.args.period.value == period.lstrip("-")


def test_abbreviations_change_verbs_before_and_month_end_bases() -> None:
    facts = _metrics("11月末广义货币（M2）余额为302.1万亿元；一年期贷款市场报价利率（LPR）为3.45%，五年期以上LPR为4.2%。")
    names = {f.args.metric.text for f in facts}
    assert {"一年期贷款市场报价利率（LPR）", "LPR"} <= names and any(n.endswith("（M2）余额") for n in names)
    (cut,) = _metrics("央行决定下调金融机构存款准备金率0.5个百分点。")
    assert (cut.args.metric.text, cut.args.direction) == ("存款准备金率", "down")
    change = next(f for f in _metrics("我国外汇储备规模为31718亿美元，较10月末上升0.7%。") if f.args.direction)
    assert (change.args.metric.text, change.args.basis.text) == ("外汇储备规模", "较10月末")


def test_taiwan_comparisons_and_year_to_date_months() -> None:
    """年增/月增 are the Taiwan YoY/MoM changes; 前10月 is January to October."""
    facts = _metrics("國泰金控前10月稅後淨利達新台幣652億元，年增25%。")
    change = next(f for f in facts if f.args.direction)
    assert (change.args.metric.text, change.args.direction, change.args.basis.text) == ("稅後淨利", "up", "年增")
    assert {f.args.period.value for f in facts} == {"--01/--10"}
    assert _metrics("國泰金控旗下壽險子公司貢獻逾六成。") == []  # a yield verb is no metric


def test_hong_kong_comparisons() -> None:
    """按年 is 同比 (YoY) in Hong Kong reports; 升/跌 are the short change verbs."""
    facts = _metrics("恒信銀行股東應佔溢利為98.6億港元，按年上升12%；淨息差為1.92%，按年收窄6個基點。")
    changes = {(f.args.metric.text, f.args.direction, f.args.basis.text if f.args.basis else None) for f in facts if f.args.direction}
    assert changes == {("股東應佔溢利", "up", "按年"), ("淨息差", "down", "按年")}
    (short,) = [f for f in _metrics("恒信銀行中期盈利按年升12%。") if f.args.direction]
    assert (short.args.metric.text, short.args.direction) == ("盈利", "up")


def test_a_speaker_with_an_adverb_before_the_verb_is_attributed() -> None:
    (fact,) = _metrics("李明同时透露，该行计划到明年末将绿色贷款余额提升至600亿元。")
    assert fact.attributed_to is not None and fact.attributed_to.text == "李明"


@pytest.mark.parametrize("text", ["龐致遠並指出，琁曜人壽去年起陸續買入岏溪銀行股票。", "庞致远又透露，琁曜人寿去年起陆续买入岏溪银行股票。"])
def test_a_speaker_with_and_or_again_before_the_verb_is_attributed(text: str) -> None:
    """並指出, 又透露: the speaker's statement goes on; what it says is theirs."""
    (fact,) = _facts(text, "ownership")
    assert fact.attributed_to is not None and fact.attributed_to.text == text[:3]


def test_taiwan_s_words_for_a_forecast() -> None:
    """預估 (to estimate) after a speaker, 可望 (is expected to) before the level: a forecast, the speaker's."""
    facts = [f for f in _metrics("翁崇霈並預估，明年璿霂銀行循環信用餘額可望回升至新台幣75億元。") if f.args.value.text == "新台幣75億元"]
    assert [(f.modality, f.attributed_to.text if f.attributed_to else None, f.args.metric.text) for f in facts] == [("forecast", "翁崇霈", "循環信用餘額")]


def test_a_regulator_s_records_cited_after_ju_are_reported() -> None:
    """據澳門金融管理局資料，…: the body's records, as 据…数据."""
    (fact,) = _metrics("據澳門金融管理局資料，按毛保費計，澯暟人壽去年的市場佔有率約9.8%。")
    assert (fact.modality, fact.attributed_to.text if fact.attributed_to else None) == ("reported", "澳門金融管理局")


def test_a_pronoun_speaker_is_the_person_the_sentence_before_quotes() -> None:
    """甄嘉汶…表示：「…」她預計，…: 她 is the speaker named in the sentence before."""
    text = "甄嘉汶在記者會上表示：「客戶鎖定長期回報的意願強烈。」她預計，公司今年總保費收入可達35億澳門元。"
    facts = [f for f in _metrics(text) if f.args.value.text == "35億澳門元"]
    assert [(f.modality, f.attributed_to.text if f.attributed_to else None) for f in facts] == [("forecast", "甄嘉汶")]


def test_statistics_cited_after_yi_are_reported_and_attributed() -> None:
    """依臺灣證券交易所統計，…: Taiwan's 依 cites a source as 据 does."""
    (fact,) = [f for f in _metrics("依臺灣證券交易所統計，今年前10月東星證券經紀業務市占率為4.1%。") if f.args.value.text == "4.1%"]
    assert (fact.modality, fact.attributed_to.text if fact.attributed_to else None) == ("reported", "臺灣證券交易所")


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("據業界估計，東星支付旗下錢包的註冊用戶約61萬名。", "reported"),  # an estimate of a level now, cited
        ("据业内人士估算，东星支付的市场份额约为6.3%。", "reported"),
        ("据业界估计，东星支付明年的注册用户将达80万名。", "forecast"),  # what will be: still a forecast
        ("东星证券估计，东星支付的注册用户约61万名。", "forecast"),  # a firm's own estimate, framing the sentence
    ],
)
def test_an_estimate_cited_after_ju_is_reported(text: str, modality: str) -> None:
    """據業界估計，…: a level someone estimated, cited as 据…统计 is, unless what follows will be."""
    facts = _metrics(text)
    assert facts and {f.modality for f in facts} == {modality}


def test_a_source_described_after_ju_is_attributed() -> None:
    facts = _metrics("据研究机构旸川咨询统计，今年前三季度，东星支付在线下收单市场的份额为6.3%。")
    assert [(f.modality, f.attributed_to.text if f.attributed_to else None) for f in facts] == [("reported", "旸川咨询")]


def test_a_forecast_opening_the_sentence_covers_it() -> None:
    (fact,) = _metrics("预计合并完成后，东星集团的持股比例将降至27.35%。")
    assert fact.modality == "forecast"


def test_a_framing_forecast_covers_the_sentence() -> None:
    (fact,) = _metrics("宏遠證券預計，交易完成後，東華期貨公司可貢獻淨利潤約2.4億元。")
    assert fact.modality == "forecast"
    (fact,) = _metrics("宏遠證券表示，交易完成後，東華期貨公司貢獻淨利潤約2.4億元。")
    assert fact.modality == "actual"


def test_change_verbs_of_the_previous_metric() -> None:
    facts = _metrics("該公司13個月保單繼續率為91.3%，較上年同期提升2.1個百分點。")
    change = next(f for f in facts if f.rule == "metric.change_of_previous")
    assert (change.args.metric.text, change.args.direction, change.args.value.text) == ("13個月保單繼續率", "up", "2.1個百分點")


def test_a_quarter_end_is_the_basis_of_a_change() -> None:
    facts = _metrics("截至9月末，莳嵘财险综合偿付能力充足率为187.6%，较二季度末下降5.4个百分点。")
    change = next(f for f in facts if f.args.value.text == "5.4个百分点")
    assert (change.args.metric.text, change.args.direction, change.args.basis.text) == ("综合偿付能力充足率", "down", "较二季度末")


def test_metric_change_of_previous_metric() -> None:
    facts = _metrics("招商銀行不良貸款率為1.52%，較年初下降0.01個百分點。")
    change = next(f for f in facts if f.rule == "metric.change_of_previous")
    assert change.args.metric.text == "不良貸款率"
    assert change.args.direction == "down" and change.args.value.kind == "percentage_point"


@pytest.mark.parametrize(
    ("text", "metric", "value", "direction"),
    [
        ("琤渭銀行房貸餘額約新台幣8,650億元，年增率達11.2%。", "房貸餘額", "11.2%", "up"),
        ("琤渭银行房贷余额约8650亿元，年增率为-3.5%。", "房贷余额", "-3.5%", "down"),
        ("该行贷款余额达1.2万亿元，增长率为9.4%。", "贷款余额", "9.4%", "up"),
    ],
)
def test_a_rate_of_growth_after_a_level_is_its_change(text: str, metric: str, value: str, direction: str) -> None:
    """年增率 (Taiwan), 增长率 opening the clause after a level: the level's change, not a metric of its own."""
    change = next(f for f in _metrics(text) if f.args.value.text == value)
    assert (change.args.metric.text, change.args.direction, change.rule) == (metric, direction, "metric.change_of_previous")


@pytest.mark.parametrize(
    "text",
    [
        "東星集團擬斥9.8億港元收購瀚海能源七成股權。",
        "东星集团斥资9.8亿元收购瀚海能源70%股权。",
        "东星集团去年曾拟收购另一家公司瀚海经纪60%股权。",  # the stake of a deal, which the relation rules keep
    ],
)
def test_the_price_and_stake_of_a_deal_are_no_metrics(text: str) -> None:
    assert _metrics(text) == []


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("分析师预计筱榆银行全年归母净利润同比增长5%至6%。", "全年"),
        ("分析師預計筱榆銀行全年歸母淨利潤同比增長5%至6%。", "全年"),
        ("筱榆银行2025年全年归母净利润为120亿元。", "2025年"),  # the year before 全年 names it
        ("筱榆银行去年全年归母净利润为120亿元。", "去年"),
        ("东星金控今日公布11月自结获利，单月税后净利为新台币28.6亿元。", "11月"),  # the single month named
        ("东星银行今年三季度单季净利润为12亿元。", "今年三季度"),
        ("2025年，筱榆银行全年归母净利润为120亿元。", "2025年"),
    ],
)
def test_the_full_year_dates_a_metric(text: str, period: str) -> None:
    (fact,) = _metrics(text)
    assert fact.args.period is not None and fact.args.period.text == period


def test_a_change_of_the_previous_metric_is_dated_by_its_own_clause() -> None:
    """…今年CPI年增率為1.92%，明年可望降至1.7%左右: the fall is next year's."""
    facts = _metrics("央行預估今年消費者物價指數年增率為1.92%，明年可望降至1.7%左右。")
    change = next(f for f in facts if f.args.value.text == "1.7%左右")
    assert (change.args.metric.text, change.args.period.text, change.args.direction) == ("消費者物價指數年增率", "明年", "down")


def test_a_rate_of_growth_with_its_own_noun_stays_a_metric() -> None:
    (fact,) = _metrics("央行預估今年消費者物價指數年增率為1.92%。")
    assert fact.args.metric.text == "消費者物價指數年增率" and fact.args.direction is None


@pytest.mark.parametrize(
    ("text", "metric", "subject"),
    [
        # a modality word or a locative before the metric is not part of its name
        ("平安银行预计，该App上线一年内注册用户数将超过500万户。", "注册用户数", "平安银行"),
        ("平安銀行預計注冊用戶數將超過500萬戶。", "注冊用戶數", "平安銀行"),
        # 其 refers to the clause's topic, not to the last organization named
        ("东星集团并未减持融众集团股份，其持股比例仍为15.30%。", "持股比例", "东星集团"),
        ("東星集團並未減持融眾集團股份，其持股比例仍為15.30%。", "持股比例", "東星集團"),
        # A在B的持股比例: the stake is A's
        ("按照协议，东星集团在融众集团的持股比例不超过10%。", "持股比例", "东星集团"),
        ("融众集团的持股比例为8%。", "持股比例", "融众集团"),
        ("恆達支付起訴安和銀行，索賠金額約為1.2億元。", "索賠金額", "恆達支付"),  # 索赔 is tagged a verb
        ("华晟基金的合同纠纷涉案金额约2300万元。", "涉案金额", "华晟基金"),
        ("今年一季度末保險資金的銀行股持倉市值約4200億元。", "銀行股持倉市值", None),  # 股 joins 银行 to the name
        ("该公司13个月保单继续率为91.3%。", "13个月保单继续率", None),
        ("宏遠證券預計，交易完成後，東華期貨公司可貢獻淨利潤約2.4億元。", "淨利潤", "東華期貨公司"),  # the company that yields it
        # the organization of the metric's own clause, not of a reporting frame before it
        ("總局網站披露的信息顯示，東星集團因違規問題被罰款420萬元。", "罰款", "東星集團"),
        ("今年以來，銀行業罰沒金額約為18.6億元。", "罰沒金額", None),
        ("數融科技淨虧損收窄至2.1億元。", "淨虧損", "數融科技"),  # 收窄至: a change word and its level
        ("增资完成后东星集团注册资本将增至15亿元。", "注册资本", "东星集团"),  # 增至: increased to
        ("減資後東星集團註冊資本將減至8億元。", "註冊資本", "東星集團"),
        ("截至6月末，数融科技注册用户约1.2亿人。", "注册用户", "数融科技"),
        ("暻瓏人壽已提告，求償金額為新台幣1.36億元。", "求償金額", "暻瓏人壽"),  # 求偿: a verb to jieba
        # the clause's topic is the shareholder the relation noun names
        ("東星集團第二大股東融眾集團上月減持2000萬股，持股比例降至6.3%。", "持股比例", "融眾集團"),  # a duration right before the noun names it
        # …past the declaration of the first one's short form (A（以下简称…）旗下B…)
        ("楗州银行股份有限公司（以下简称“楗州银行”）旗下楗银理财有限责任公司发布公告称，首只产品已正式成立，认购人数超过2.3万人。", "认购人数", "楗银理财有限责任公司"),
        ("三季度末，银行业金融机构本外币资产总额为452.6万亿元。", "本外币资产总额", None),  # the institution owns it
        ("普惠型小微企业贷款余额为32.9万亿元。", "普惠型小微企业贷款余额", None),
        # a reporting phrase joined by 的 is part of the name
        ("东星集团归属于上市公司股东的净利润为9.6亿元。", "归属于上市公司股东的净利润", "东星集团"),
        ("東星集團歸屬於上市公司股東的淨利潤為9.6億元。", "歸屬於上市公司股東的淨利潤", "東星集團"),
        ("东星集团股东的净利润为9.6亿元。", "净利润", "东星集团"),
        ("東星銀行首三季股東應佔淨利潤為人民幣68.7億元。", "股東應佔淨利潤", "東星銀行"),  # Hong Kong's wording
        ("東星地產股東應佔虧損擴大至52.4億元人民幣。", "股東應佔虧損", "東星地產"),  # 扩大至: widened to
        # the company a regulator's approval names, not the regulator
        ("國家金融監督管理總局湖北監管局日前批覆，同意東星消費金融公司開業，註冊資本30億元。", "註冊資本", "東星消費金融公司"),
        # metric nouns that jieba's dictionary tags as verbs
        ("卓越支付去年收入為5,860萬美元。", "收入", "卓越支付"),
        ("公司回购资金总额上限为8亿港元。", "回购资金总额上限", None),
        ("卓越支付仍錄得虧損約720萬美元。", "虧損", "卓越支付"),
        ("銘港銀行錄得除稅後純利約12.6億澳門元。", "除稅後純利", "銘港銀行"),  # 纯利: an adjective to jieba
        ("东星集团三季度营收为12.8亿元。", "营收", "东星集团"),
        ("东星集团营收增速为12.8%。", "营收增速", "东星集团"),
        ("北辰投资已质押股份为8,600万股。", "质押股份", "北辰投资"),  # pledged shares
        ("宏匯證券去年稅後淨利為港幣3.2億元。", "稅後淨利", "宏匯證券"),  # after tax
        ("星耀医疗招股价介乎每股11.2港元至13港元。", "招股价", "星耀医疗"),  # 介乎 links a range
        ("星耀醫療的入場費約6,565港元。", "入場費", "星耀醫療"),
        # a target price is the covered company's, not the broker's
        ("海川证券近日发布研报，维持对宁海银行的“买入”评级，目标价为9.8元。", "目标价", "宁海银行"),
        ("海川證券給予寧海銀行“增持”評級，目標價9.8元。", "目標價", "寧海銀行"),
        ("截至6月底，星滙銀行客戶數突破45萬。", "客戶數", "星滙銀行"),  # 突破: reached past
        ("北江银行今年7月因违规被国家金融监督管理总局罚款180万元。", "罚款", "北江银行"),  # 被: the agent fines the subject
        ("三家银行发放的联合贷款余额合计约86亿元。", "联合贷款余额", None),  # 合计 links like 共计
        ("华晨证券公告称，合并后的新公司总资产预计将超过5,000亿元。", "总资产", None),  # the new company is none named
        ("華盛保險公布業績。集團償付能力充足率為218%。", "償付能力充足率", "華盛保險"),  # 集團: the group named before
        ("华信资产管理公司今年收购规模超过200亿元。", "收购规模", "华信资产管理公司"),  # 收购 names the kind of 规模
        ("南岭农商银行理财产品存续规模为486亿元。", "理财产品存续规模", "南岭农商银行"),  # 存续: outstanding
        ("其中南岭农商银行净值型产品占比达到96%。", "净值型产品占比", "南岭农商银行"),
        ("该产品的业绩比较基准为3.2%至3.8%。", "业绩比较基准", None),
        # a deal verb names the kind of amount (认购金额, 成交金额, 发行规模)
        ("本次聯貸案總認購金額達312億元。", "聯貸案總認購金額", None),
        ("华晟证券当日成交金额为3.2亿元。", "成交金额", "华晟证券"),
        ("该基金认购规模超过80亿元。", "基金认购规模", None),
        ("东岳证券本期债券发行规模为20亿元。", "债券发行规模", "东岳证券"),
        ("禕峮人壽今年前三季首年保費收入約新台幣186.4億元。", "首年保費收入", "禕峮人壽"),  # 首|年: the first year's premiums
        ("雙方預計，明年銀保通路首年保費可達新台幣40億元。", "銀保通路首年保費", None),  # 可|達: may reach
        ("按照协议，相关产品权益类资产投资比例不超过20%。", "权益类资产投资比例", None),  # the product owns the ratio
        ("琅嵋银行现金分红比例为30.02%。", "现金分红比例", "琅嵋银行"),  # 分红: a verb to jieba
        ("金管會今年對銀行業開出的罰鍰累計已超過新台幣5,000萬元。", "罰鍰", "金管會"),  # 累计: so far in all
        ("本期债券此前已获中国人民银行批准，全场认购倍数约2.7倍。", "全场认购倍数", None),  # the approving body owns nothing
        ("东星银行计划到明年末将绿色贷款占各项贷款的比重提升至10%以上。", "绿色贷款占各项贷款的比重", "东星银行"),
        ("东星证券被责令改正，并处以罚款2,372.8万元。", "罚款", "东星证券"),  # 处以: imposed, no instrument
        ("泂曦銀行有限公司（以下簡稱「泂曦銀行」）公布業績。泂曦銀行今年首三季信用卡簽賬額約1,150億港元。", "信用卡簽賬額", "泂曦銀行"),  # 額約 glued
        ("譚穎澄預計，「曦町卡」首年持卡人數可達約15萬名。", "首年持卡人數", None),  # 數可達 glued
        ("珂潾銀行有限公司（以下簡稱「珂潾銀行」）公布業績。截至6月底，珂潾銀行存款總額約186億港元。", "存款總額", "珂潾銀行"),  # 銀行存款 is one word to jieba
        ("甘颂禾认为，预计琅嵋银行今年归母净利润同比增长3%至5%。", "归母净利润", "琅嵋银行"),  # 预计 is no part of the name
        ("黃志豪表示，聯名卡預計明年1月正式開放申辦，目標首年發卡10萬張。", "目標首年發卡", None),  # a goal named
        ("梁家豪表示：「我們預計三年內高淨值客戶數目可增加一倍。」", "高淨值客戶數目", None),  # 三年内 is when, not what
        # a kind of company, maybe with the period or 的 between, owns the figure, not the speaker's company
        ("金管會保險局副局長王志宏指出，壽險業今年整體獲利有望超過新台幣2,000億元。", "整體獲利", None),
        ("易观分析高级分析师王晓丹表示：“未来头部机构的市场份额有望超过八成。”", "市场份额", None),
        ("该产品募集规模不超过30亿元。", "募集规模", None),
        ("投資型保單首年保費達新台幣72.3億元。", "投資型保單首年保費", None),
    ],
)
def test_metric_name_and_subject(text: str, metric: str, subject: str) -> None:
    (fact,) = _metrics(text)
    assert (fact.args.metric.text, fact.args.subject.text if fact.args.subject else None) == (metric, subject)


@pytest.mark.parametrize(
    ("text", "metric", "value", "subject"),
    [
        # an amount before 的 measures the noun after it
        ("江川银行公告称，该行拟发行不超过60亿元的二级资本债券。", "二级资本债券", "不超过60亿元", "该行"),
        ("江川銀行公告稱，該行擬發行不超過60億元的二級資本債券。", "二級資本債券", "不超過60億元", "該行"),
        ("数融科技近日完成了5亿元的C轮融资。", "C轮融资", "5亿元", "数融科技"),
        ("兴港银行向云帆科技提供不超过50亿元的综合授信。", "综合授信", "不超过50亿元", "兴港银行"),  # a verb closing the phrase
        ("泰和电气与国网江苏省电力有限公司签订了金额为2.35亿元的设备采购合同。", "设备采购合同", "2.35亿元", "泰和电气"),  # verb + contract
        # without 的, right after a verb of issuing or raising
        ("安泽银行公告，该行拟发行不超过300亿元无固定期限资本债券，用于补充其他一级资本。", "无固定期限资本债券", "不超过300亿元", "该行"),
        ("安澤銀行公告，該行擬發行不超過300億元無固定期限資本債券。", "無固定期限資本債券", "不超過300億元", "該行"),
        # a percentage before 的 measures a magnitude noun (a share of a thing does not)
        ("宁海银行股价较最新收盘价有约23%的上涨空间。", "上涨空间", "约23%", "宁海银行"),
        ("遠東控股的收購價較停牌前收市價有約35%的溢價。", "溢價", "約35%", "遠東控股"),
    ],
)
def test_amount_before_its_noun(text: str, metric: str, value: str, subject: str) -> None:
    (fact,) = _metrics(text)
    args = fact.args
    assert (args.metric.text, args.value.text, args.subject.text if args.subject else None, fact.rule) == (metric, value, subject, "metric.figure_of_noun")


@pytest.mark.parametrize(
    ("text", "metric", "value", "direction", "basis"),
    [
        ("海融消费金融注册资本由15亿元增加至30亿元。", "注册资本", "30亿元", "up", "由15亿元"),
        ("增資完成後，寧海銀行持股比例由60%降至50%，仍為控股股東。", "持股比例", "50%", "down", "由60%"),
        ("恒泰人寿持股比例由6.95%增至8.12%。", "持股比例", "8.12%", "up", "由6.95%"),  # 增至: the verb holds 至
        ("东星证券的市场份额由年初的3.71%升至4.12%。", "市场份额", "4.12%", "up", "由年初的3.71%"),  # when it stood there
    ],
)
def test_from_one_level_to_another(text: str, metric: str, value: str, direction: str, basis: str) -> None:
    """由A增加至B: the metric now stands at B; A is where it came from, not a level of its own."""
    (fact,) = _metrics(text)
    args = fact.args
    assert (args.metric.text, args.value.text, args.direction, args.basis.text if args.basis else None) == (metric, value, direction, basis)


@pytest.mark.parametrize(
    ("text", "metric", "value", "direction"),
    [
        ("期內錄得虧損1.86億港元，較去年同期的2.43億港元收窄23.5%。", "虧損", "23.5%", "down"),
        ("公司净利润为3.2亿元，比上年的2.5亿元增长28%。", "净利润", "28%", "up"),
    ],
)
def test_a_change_from_a_stated_earlier_level(text: str, metric: str, value: str, direction: str) -> None:
    """较去年同期的2.43亿港元收窄23.5%: the earlier level is the basis, the change is the metric's."""
    facts = {(f.args.metric.text, f.args.value.text, f.args.direction) for f in _metrics(text)}
    assert (metric, value, direction) in facts


def test_a_target_is_planned() -> None:
    """力争突破1000亿元: a goal, not a level reached."""
    (fact,) = _metrics("南岭理财未来三年管理资产规模力争突破1000亿元。")
    assert (fact.args.metric.text, fact.modality) == ("管理资产规模", "planned")


def test_a_market_wrap() -> None:
    """收在 gives the level the previous metric closed at; 终场 and 成交值 read as in Taiwan reports."""
    text = "加權指數下跌85.32點，收在17,523.61點，跌幅0.48%，成交值新台幣3,512億元。"
    got = {(f.args.metric.text, f.args.value.text, f.rule) for f in _metrics(text)}
    assert {
        ("加權指數", "85.32點", "metric.noun_figure"),
        ("加權指數", "17,523.61點", "metric.level_of_previous"),
        ("跌幅", "0.48%", "metric.noun_figure"),
        ("成交值", "新台幣3,512億元", "metric.noun_figure"),
    } <= got
    assert ("投信買超", "18.2億元") in {(f.args.metric.text, f.args.value.text) for f in _metrics("外資賣超213.5億元，投信買超18.2億元。")}
    (fact,) = _metrics("台股終場下跌85點")
    assert (fact.args.metric.text, fact.args.direction) == ("台股", "down")


@pytest.mark.parametrize(
    ("text", "metric", "value"),
    [
        ("恒远食品拟向全体股东每10股派发现金红利8元（含税）。", "每10股派发现金红利", "8元"),
        ("恒远食品拟每10股派现8元 同时推出回购计划", "每10股派现", "8元"),
        ("恒遠食品擬每10股派發現金紅利8元。", "每10股派發現金紅利", "8元"),
        ("公司合计派发现金红利约10.08亿元。", "现金红利", "约10.08亿元"),
    ],
)
def test_a_dividend_per_ten_shares(text: str, metric: str, value: str) -> None:
    """每10股派发现金红利8元: the dividend on ten shares, named with its base."""
    assert (metric, value) in {(f.args.metric.text, f.args.value.text) for f in _metrics(text)}


def test_a_semicolon_starts_another_subjects_figures() -> None:
    """…；永信金控累计获利918亿元，年增35%，EPS为6.05元: after the semicolon the figures are 永信金控's."""
    text = "累計今年前10月，宏泰金控稅後純益為1,032億元，年增42%；永信金控累計獲利918億元，年增35%，EPS為6.05元。"
    got = {(f.args.metric.text, f.args.value.text, f.args.subject.text if f.args.subject else None) for f in _metrics(text)}
    assert {("累計獲利", "918億元", "永信金控"), ("累計獲利", "35%", "永信金控"), ("EPS", "6.05元", "永信金控")} <= got


def test_accretion_is_a_rise() -> None:
    (fact,) = _metrics("预计合并后第一个完整会计年度每股收益将增厚约4%。")
    assert (fact.args.metric.text, fact.args.value.text, fact.args.direction, fact.modality) == ("每股收益", "约4%", "up", "forecast")


@pytest.mark.parametrize("word", ["年增", "月增", "季減"])
def test_taiwan_change_words(word: str) -> None:
    facts = {(f.args.metric.text, f.args.value.text, f.args.direction) for f in _metrics(f"存款餘額達新台幣520億元，{word}2.1%。")}
    assert ("存款餘額", "2.1%", "down" if "減" in word else "up") in facts


def test_a_headline_space_ends_a_metric_name() -> None:
    (fact,) = _metrics("海川证券：维持宁海银行“买入”评级 目标价9.8元")
    assert fact.args.metric.text == "目标价"


@pytest.mark.parametrize(
    ("text", "metric", "values", "periods"),
    [
        # 分别为: each figure of the list measures the metric; periods pair up when they are as many
        (
            "研报预计，宁海银行2025年、2026年和2027年归母净利润分别为168.5亿元、186.2亿元和205.7亿元。",
            "归母净利润",
            ["168.5亿元", "186.2亿元", "205.7亿元"],
            ["2025年", "2026年", "2027年"],
        ),
        (
            "研報預計，寧海銀行2025年至2027年歸母淨利潤分別為168.5億元、186.2億元和205.7億元。",
            "歸母淨利潤",
            ["168.5億元", "186.2億元", "205.7億元"],
            [None, None, None],  # a range names no year of its own for the middle figure
        ),
    ],
)
def test_respectively_lists(text: str, metric: str, values: list[str], periods: list[str | None]) -> None:
    facts = sorted(_metrics(text), key=lambda f: f.args.value.start)
    assert [f.args.metric.text for f in facts] == [metric] * len(values)
    assert [f.args.value.text for f in facts] == values
    assert [f.args.period.text if f.args.period else None for f in facts] == periods
    assert all(f.modality == "forecast" for f in facts)


@pytest.mark.parametrize(
    "text",
    [
        "线上渠道贡献了超过90%的业务。",  # a share, not an amount
        "京东金融已与400多家银行合作。",  # a count
        "该行计划在未来三年投放100亿元的同时压降不良。",  # 的同时 is a conjunction, no noun follows
        "公司拟以现金4.2亿元收购同源生物51%的股权。",  # the money pays for an acquisition
        "该行计划用5亿元资金偿还债务。",  # no verb of issuing before the amount
    ],
)
def test_no_metric_from_a_figure_before_de(text: str) -> None:
    assert not [f for f in _metrics(text) if f.rule == "metric.figure_of_noun"]


def test_the_capital_of_a_company_just_founded_is_its_own() -> None:
    (fact,) = _metrics("东星集团与融众集团共同出资设立青川新能源有限公司，注册资本10亿元。")
    assert fact.args.subject is not None and fact.args.subject.text == "青川新能源有限公司"
    (fact,) = _metrics("大豐物流與嘉麟科技共同投資設立一家智慧物流公司，首期資本額新台幣5億元。")
    assert fact.args.subject is None


@pytest.mark.parametrize(
    "text",
    [
        "明達電子股價開盤即漲停，報10.52元。",  # 报 quotes a price; the metric is not 报
        "京東金融已與400多家銀行合作。",
        "上線三年以來發展很快。",
        "他曾入選世界500強榜單。",
        "公司拟以自有资金6亿元向全资子公司晨光物流增资。",  # money that pays for something is no metric
        "公司擬使用閒置募集資金3億元購買理財產品。",
        "匯新科技並未就收購另一家支付公司達成協議。",  # 一家 is an article, not a count
        "占金控獲利逾五成。",  # a share of the holding's profit, not its level
        "董事會通過將所持昌岳建設30%股份以新台幣18億元出售給大豐物流。",  # the price of a deal
        "公司拟将所持澄江置业45%的股权以6.3亿元的价格转让给江屿投资。",
    ],
)
def test_metric_negatives(text: str) -> None:
    assert _metrics(text) == []


def _quotes(text: str) -> list[QuoteFact]:
    return _facts(text, "quote")


@pytest.mark.parametrize(
    ("text", "speaker", "quote", "rule"),
    [
        ("謝錦生說，這個世界並不缺一家金融公司。", "謝錦生", "這個世界並不缺一家金融公司", "quote.say_clause"),
        ("招商銀行行長王明遠在業績說明會上表示，「我們堅持零售優先。」", "王明遠", "我們堅持零售優先。", "quote.bracketed"),
        ("「風險整體可控。」，招商銀行首席風險官張立群說。", "張立群", "風險整體可控。", "quote.bracketed"),
        # a setting between the trailing speaker and the verb
        ("「轉股順利完成」，楠溪銀行董事會秘書蔣懷瑾昨日在投資者電話會上說。", "蔣懷瑾", "轉股順利完成", "quote.bracketed"),
        # the quotation is a sentence of its own; the next one only says who spoke
        ("「轉股順利完成。」楠溪銀行董事會秘書蔣懷瑾昨日在投資者電話會上說。", "蔣懷瑾", "轉股順利完成。", "quote.speaker_after"),
        ("“风险整体可控。”东星银行行长李明在业绩会上表示。", "李明", "风险整体可控。", "quote.speaker_after"),
        ("德朗地產主席韋卓霆今日在投資者電話會議上說，集團有信心恢復營運。", "韋卓霆", "集團有信心恢復營運", "quote.say_clause"),  # 今日 opens the setting
        ("對此，德朗地產董事長韋承嶽澄清，公司「並未洽談任何收購案」。", "韋承嶽", "公司「並未洽談任何收購案」", "quote.say_clause"),  # 澄清: clarified
        ("德朗地產財務總監詹若晴回應指，董事會目前並未討論任何回購方案。", "詹若晴", "董事會目前並未討論任何回購方案", "quote.say_clause"),  # 回应指
    ],
)
def test_quote_rules(text: str, speaker: str, quote: str, rule: str) -> None:
    facts = _quotes(text)
    assert any(f.args.speaker.text == speaker and f.args.quote.text == quote and f.rule == rule for f in facts), facts


def test_a_sentence_that_goes_on_after_the_verb_names_no_speaker_of_the_quotation_before() -> None:
    """“……。”李明表示，…: what follows the verb is what 李明 said, not the quotation before."""
    facts = _quotes("“风险整体可控。”东星银行行长李明表示，公司将继续压降不良贷款。")
    assert [f.rule for f in facts] == ["quote.say_clause"]


def test_the_listener_between_speaker_and_verb() -> None:
    """周立民对记者表示: who is told stands between the speaker and the verb."""
    text = "恒信小贷副总经理周立民对记者表示，主要是监管的要求提高，“公司不会因此退出联合贷款业务”。"
    (quote,) = _facts(text, "quote")
    assert quote.args.speaker.text == "周立民" and quote.args.quote.text.startswith("主要是")
    (quote,) = _facts("周立民向媒体透露，公司正在洽谈新的合作。", "quote")
    assert quote.args.speaker.text == "周立民"


def test_a_time_word_between_speaker_and_verb() -> None:
    (quote,) = _facts("招商銀行副行長陳明宇此前表示，零售金融總部將把合規作為首要任務。", "quote")
    assert quote.args.speaker.text == "陳明宇" and quote.args.quote.text.startswith("零售金融總部")


def test_commentary_is_not_a_quote() -> None:
    assert _quotes("易會滿說得很清晰，看中京東金融的能力。") == []


def test_every_fact_names_its_rule_and_has_a_sensible_confidence() -> None:
    doc = finextract.extract("工商銀行董事長易會滿說，雙方合作很好。京東金融與上海銀行簽署戰略合作協議。壞賬率不超過0.3%。")
    assert doc.facts
    for fact in doc.facts:
        assert fact.rule.startswith(fact.type + ".")
        assert 0.5 <= fact.confidence <= 1.0
        assert isinstance(fact, (RoleFact, PartnershipFact, MetricFact, QuoteFact))


def test_change_with_basis_and_new_value() -> None:
    (fact,) = [f for f in _metrics("招商銀行不良貸款率同比下降0.3個百分點至1.52%。") if f.args.direction]
    assert fact.args.metric.text == "不良貸款率" and fact.args.direction == "down"
    assert fact.args.value.kind == "percentage_point" and fact.args.value.value == 0.3
    assert fact.args.basis is not None and fact.args.basis.text == "同比"
    assert fact.args.new_value is not None and fact.args.new_value.value == 1.52
    # the level it ends at is a level fact of its own, as a level written before a change is
    (level,) = [f for f in _metrics("招商銀行不良貸款率同比下降0.3個百分點至1.52%。") if not f.args.direction]
    assert (level.rule, level.args.metric.text, level.args.value.text, level.args.subject.text) == ("metric.level_after_change", "不良貸款率", "1.52%", "招商銀行")


@pytest.mark.parametrize(
    ("text", "person", "former"),
    [
        ("兴港银行原行长刘建国因到龄退休。", "刘建国", True),
        ("星滙銀行宣布委任前匯豐銀行零售業務主管何志明為營運總裁。", "何志明", None),  # former post at HSBC, new post at 星滙銀行
        ("张伟曾任招商银行行长。", "张伟", True),
        ("张伟现任招商银行行长。", "张伟", False),
        ("北江银行今年7月被罚款180万元，时任该行零售金融部总经理赵晓东被警告。", "赵晓东", True),  # 时任: then serving
        ("華盛保險集團公告，確認集團前總裁兼執行董事鄧志強正接受紀律審查。", "鄧志強", True),  # 前 dates the whole 兼 chain
        ("工商银行董事长易会满表示。", "易会满", False),
        ("前十大股东中，工商银行董事长易会满持股最多。", "易会满", False),  # 前十 is no 'former'
    ],
)
def test_a_former_post_is_marked(text: str, person: str, former: bool | None) -> None:
    roles = [f for f in finextract.extract(text).facts if f.type == "role" and f.args.person.text == person]
    if former is None:
        assert {(f.args.org.text if f.args.org else None, f.args.former) for f in roles} == {("匯豐銀行", True), ("星滙銀行", False)}
    else:
        assert roles and all(f.args.former is former for f in roles)


def test_a_metric_clause_without_subject_continues_the_clause_before() -> None:
    """…，晨曦集团出资6亿元并入股成为第二大股东，持股比例为20%: the stake is 晨曦集团's, whose
    clause comes right before, not the sentence's first company's."""
    text = "本次增资由原股东宁海银行和新股东晨曦集团共同完成，其中宁海银行出资9亿元，晨曦集团出资6亿元并入股成为第二大股东，持股比例为20%。"
    stake = next(f for f in _metrics(text) if f.args.metric.text == "持股比例")
    assert stake.args.subject is not None and stake.args.subject.text == "晨曦集团"
    # a clause before that does not open with a company leaves the sentence's subject
    facts = _metrics("招商银行前三季度营业收入增长8%，受益于与腾讯的合作，净利润增长5%。")
    profit = next(f for f in facts if f.args.metric.text == "净利润")
    assert profit.args.subject is not None and profit.args.subject.text == "招商银行"


def test_a_part_after_qizhong_belongs_to_the_previous_sentences_company() -> None:
    """…东岳证券前三季度实现营业收入58.6亿元。其中，经纪业务手续费净收入21.3亿元: a part of 东岳证券's revenue."""
    text = "三季报显示，东岳证券前三季度实现营业收入58.6亿元。其中，经纪业务手续费净收入21.3亿元，同比增长18.5%。"
    parts = [f for f in _metrics(text) if f.args.metric.text == "经纪业务手续费净收入"]
    assert len(parts) == 2 and all(f.args.subject is not None and f.args.subject.text == "东岳证券" for f in parts)
    # no sentence before, or none naming a company: no subject
    assert all(f.args.subject is None for f in _metrics("其中，经纪业务手续费净收入21.3亿元。"))
    assert all(f.args.subject is None for f in _metrics("券商行业前三季度营业收入增长。其中，经纪业务手续费净收入21.3亿元。"))
    # words between 其中 and the metric name another subject
    text = "国家金融监督管理总局发布数据，银行业资产总额为452.6万亿元。其中，大型商业银行资产总额为198.3万亿元。"
    assert all(f.args.subject is None for f in _metrics(text) if "198.3" in f.args.value.text)


def test_a_superlative_before_a_comma_keeps_its_metric() -> None:
    """南州农商银行资产规模最大，达3200多亿元: the figure is that bank's assets."""
    (fact,) = _metrics("其中，南州农商银行资产规模最大，达3200多亿元。")
    assert (fact.args.metric.text, fact.args.subject.text if fact.args.subject else None) == ("资产规模", "南州农商银行")
    assert fact.args.value.qualifier == "more_than"
    assert not _metrics("南州农商银行资产规模最大，分支机构遍布全省。")


def test_a_pronoun_speaker_is_the_person_named_just_before() -> None:
    """他说：“…” after a sentence about 韩志远 quotes 韩志远 (the mention before, not the pronoun)."""
    for text in (
        "韓志遠在掛牌儀式上表示，聯合銀行將重點推進系統整合。他說：「改革不是簡單的合併。」",
        "韩志远在挂牌仪式上表示，联合银行将重点推进系统整合。他说：“改革不是简单的合并。”",
    ):
        got = [(q.args.speaker.canonical, q.args.quote.normalized, q.rule) for q in _quotes(text)]
        assert ("韩志远", "改革不是简单的合并。", "quote.pronoun") in got
    # two people just before: the pronoun is ambiguous; no one before: nothing
    assert not [q for q in _quotes("韩志远与苏明哲出席了仪式。他说：“改革不是简单的合并。”") if q.rule == "quote.pronoun"]
    assert not _quotes("他说：“改革不是简单的合并。”")


def test_a_stake_of_a_counted_group_has_no_company_subject() -> None:
    """省内12家农商行…入股，合计持股比例为60%: the twelve banks' stake, not the sentence's company."""
    text = "岭南农商联合银行由原岭南省农村信用社联合社改制而来，省内12家农商行以“上参下”方式入股，合计持股比例为60%。"
    stake = next(f for f in _metrics(text) if f.args.metric.text == "持股比例")
    assert stake.args.subject is None


def test_a_link_word_glued_to_the_metric_is_no_part_of_its_name() -> None:
    """评估|值为|7.85亿元: jieba's new word 值为 holds the link 为."""
    (fact,) = _metrics("明远科技的净资产评估值为7.85亿元。")
    assert fact.args.metric.text == "净资产评估值"


def test_a_bound_before_a_list_of_figures_bounds_each_and_a_promise_is_planned() -> None:
    """承诺…净利润分别不低于6500万元、8000万元和9500万元: each is a floor, and all are promised."""
    facts = _metrics("天元控股承诺明远科技2027年至2029年的净利润分别不低于6500万元、8000万元和9500万元。")
    assert [f.args.value.qualifier for f in facts] == ["at_least"] * 3
    assert {f.modality for f in facts} == {"planned"}
    # a qualifier after one figure stays its own
    facts = _metrics("两家公司的净利润分别为6500多万元、8000万元。")
    assert [f.args.value.qualifier for f in facts] == ["more_than", "exact"]


def test_a_count_of_people_after_a_verb_of_having_measures_the_noun_after_it() -> None:
    """擁有逾280萬名活躍用戶: the count is the number of active users."""
    (fact,) = _metrics("樂付通目前擁有逾280萬名活躍用戶。")
    assert (fact.args.metric.normalized, fact.args.value.text, fact.args.value.qualifier) == ("活跃用户", "逾280萬名", "more_than")
    assert not _metrics("公司拥有3名独立董事的提名权。") or all(f.args.metric.normalized != "提名权" for f in _metrics("公司拥有3名独立董事的提名权。"))


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("瀁澄銀行今年首三季已攔截可疑交易約2.3億港元。", "可疑交易"),
        ("蓧付通有限公司登記用戶約520萬名。", "登记用户"),
        ("陸卓謙預計，第二階段參與機構將增至約15家。", "参与机构"),
        ("蓧付通已將單日轉帳上限由5萬港元下調至2萬港元。", "单日转帐上限"),
        ("截至10月底，穠峪銀行中小企業放款餘額約新台幣3,860億元。", "中小企业放款余额"),
        ("霅川基金非货币基金规模为8214.5亿元。", "非货币基金规模"),  # a prefix (h) opens the name
        ("美元保單宣告利率維持3.95%。", "美元保单宣告利率"),  # a currency jieba tags a measure word
        ("东星集团的持股量则由5.2%上升至6.8%。", "持股量"),
        ("前三季度，不良贷款处置规模为152.3亿元。", "不良贷款处置规模"),
        ("玧璥證券今年以來主辦IPO承銷件數達27件。", "主办IPO承销件数"),  # a Latin word (eng) in the name
        ("熠璉證券孖展貸款結餘約21.3億港元。", "孖展贷款结余"),
        ("今年前三季度该行通过核销、转让和证券化等方式累计处置不良资产约142亿元。", "累计处置不良资产"),  # the means end the name
        ("該檔ETF募集目標為新台幣300億元。", "募集目标"),  # the product referred to ends it
        ("其中优先档规模7.6亿元。", "优先档规模"),  # a tranche, no product referred to
        ("骎程科技旗下App注册用户超过1.2亿。", "注册用户"),
        ("截至三季度末，涑川辖内农商银行不良贷款余额为386.5亿元。", "不良贷款余额"),  # the banks own it
        ("前三季度，辖内农商银行不良贷款处置规模为152.3亿元。", "不良贷款处置规模"),
        ("截至9月末，全国信托公司家族信托存续规模约6,850亿元。", "家族信托存续规模"),  # the kind of company owns it
        ("今年以来不良资产支持证券规模为120亿元。", "不良资产支持证券规模"),  # a user-dictionary noun
        ("预案显示，初始转股价格为5.86元。", "初始转股价格"),
        ("澮甍銀行表示，手機銀行交易佔比已升至約82%。", "手机银行交易占比"),
    ],
)
def test_where_a_metric_s_name_begins(text: str, metric: str) -> None:
    """可疑|交易, 登記|用戶, 參與|機構, 轉帳|上限: a modifier jieba tags a verb (or a prefix, a currency, a Latin
    word) is part of the name; the means (等方式) and the product referred to (該檔|ETF, App) are not."""
    assert metric in {f.args.metric.normalized for f in _metrics(text)}


def test_a_rate_cut_from_one_level_to_another_after_ze() -> None:
    """美元保單宣告利率則由4.1%調降至3.95%: 則 between the metric and 由, Taiwan's 調降 as the move."""
    facts = _metrics("琫珹人壽表示，新台幣保單宣告利率維持2.25%不變，美元保單宣告利率則由4.1%調降至3.95%，下調0.15個百分點。")
    assert ("美元保单宣告利率", "3.95%") in {(f.args.metric.normalized, f.args.value.text) for f in facts}


def test_respective_loan_shares_of_banks_listed_before_the_metric() -> None:
    """A及B的承貸金額分別為X及Y: 承貸 stays in the name, and each bank takes its own figure."""
    text = "按分配結果，瀯峴銀行承貸金額約18億澳門元，中國銀行澳門分行及大西洋銀行的承貸金額分別為15億澳門元及12億澳門元。"
    got = {(f.args.subject.text if f.args.subject else None, f.args.metric.text, f.args.value.text) for f in _metrics(text)}
    assert {("中國銀行澳門分行", "承貸金額", "15億澳門元"), ("大西洋銀行", "承貸金額", "12億澳門元")} <= got


def test_a_company_s_financial_forecast_judged_is_no_forecast() -> None:
    """未確實評估發行公司財務預測的合理性，核處新台幣360萬元罰鍰: the fine is actual."""
    text = "金管會公布，東星證券辦理承銷案件時未確實評估發行公司財務預測的合理性，核處新台幣360萬元罰鍰。"
    assert {f.modality for f in _metrics(text)} == {"actual"}


def test_a_share_after_zhan_names_the_share() -> None:
    """占企業放款比重逾六成三: the share's own noun after 占 is the metric; 占金控獲利逾五成 stays no level."""
    assert "企业放款比重" in {f.args.metric.normalized for f in _metrics("本國銀行中小企業放款餘額為新台幣10兆2,350億元，占企業放款比重逾六成三。")}
    assert "获利" not in {f.args.metric.normalized for f in _metrics("國泰金控旗下壽險子公司獲利占金控獲利逾五成。")}


def test_an_assumption_is_no_condition() -> None:
    """在…假设下 (under the assumption): a premise, not 假设 (if)."""
    assert _metrics("在较为审慎的假设下，预计中国人寿新业务价值增长率可望达到8%以上。")


def test_figures_cited_after_ju_and_a_body_s_numbers_are_reported() -> None:
    """據警方數字，…: Hong Kong's 數字 (figures) cites data as 数据 does."""
    facts = _metrics("據警方數字，今年首三季全港共錄得詐騙案31,826宗，按年上升12.4%。")
    assert facts and {f.modality for f in facts} == {"reported"}


@pytest.mark.parametrize(
    "text",
    ["有銀行界人士估計，若全港零售銀行都加入聯盟，每年可減少的詐騙損失或達約20億港元。", "假设两家银行合并，新银行的总资产将超过3000亿元。"],
)
def test_a_figure_after_a_condition_is_no_level(text: str) -> None:
    """若…，…或達約20億港元: what would follow from a condition is reported as no level."""
    assert _metrics(text) == []


def test_ruogan_opening_a_clause_is_no_condition() -> None:
    """若干 (several) opening a clause is no 若 (if)."""
    assert _metrics("东星银行表示，若干分行的存款余额已超过100亿元。")


def test_a_preposition_glued_to_an_unknown_name_opens_no_metric() -> None:
    """将|为琲联|品牌新增发卡: 为 (for) is no part of the metric's name."""
    (fact,) = _metrics("阙明澍预计，首批合作将为琲联品牌新增发卡约600万张。")
    assert not fact.args.metric.text.startswith("为")


def test_a_count_of_people_a_thing_has_now_measures_the_noun_after_it() -> None:
    """現有逾95萬名活躍用戶: 现有 (has now) counts the users as 拥有 does."""
    (fact,) = _metrics("該行手機應用程式現有逾95萬名活躍用戶。")
    assert (fact.args.metric.normalized, fact.args.value.text) == ("活跃用户", "逾95萬名")


def test_the_company_after_a_promise_owns_the_promised_metric() -> None:
    """天元控股承诺明远科技…的净利润分别不低于…: the target's profit, promised by its seller."""
    text = "天元股份（600871.SH）公告，控股股东天元控股承诺明远科技2027年至2029年扣除非经常性损益后的净利润分别不低于6500万元、8000万元和9500万元。"
    facts = _metrics(text)
    assert "天元控股" in {e.text for e in finextract.extract(text).entities}
    assert [f.args.subject.text if f.args.subject else None for f in facts] == ["明远科技"] * 3


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("华信信托已与国有资产管理公司东方汇达签署合作协议。", {"华信信托", "东方汇达"}),
        ("宏安人壽宣布，與本地電子錢包營運商樂付通達成策略合作。樂付通創辦人兼行政總裁陳思敏透露，雙方已籌備半年。", {"宏安人壽", "樂付通"}),
        # a Taiwan dateline (今（12）日) before the announcement verb
        ("恒耀證券今（12）日宣布，與東昇資本簽署策略合作協議。", {"恒耀證券", "東昇資本"}),
        ("业务合作方面，东星信托11月18日与民营银行栊岩银行股份有限公司（以下简称“栊岩银行”）在杭州签署战略合作协议。", {"东星信托", "栊岩银行股份有限公司"}),
        ("9月3日，东星消金与手机厂商昳迅通讯签署战略合作协议。", {"东星消金", "昳迅通讯"}),
    ],
)
def test_a_partner_described_by_its_kind(text: str, parties: set[str]) -> None:
    """与国有资产管理公司东方汇达签署…: the kind between 与 and the name does not hide the pair."""
    rules = {(frozenset(p.text for p in f.args.parties), f.rule) for f in _facts(text, "partnership")}
    assert (frozenset(parties), "partnership.pair_trigger") in rules


@pytest.mark.parametrize(
    "text",
    ["瀯峴銀行聯同中國銀行澳門分行、大西洋銀行及澳門洢晟銀行組成銀團，並擔任牽頭安排行。", "瀯峴銀行與中國銀行澳門分行、大西洋銀行及澳門洢晟銀行組成銀團。"],
)
def test_banks_forming_a_lending_syndicate_are_partners(text: str) -> None:
    """A聯同B、C及D組成銀團: the banks lend together; 聯同 (together with) joins them."""
    (fact,) = _facts(text, "partnership")
    assert [p.text for p in fact.args.parties] == ["瀯峴銀行", "中國銀行澳門分行", "大西洋銀行", "澳門洢晟銀行"]


def test_a_loan_agreement_with_a_borrower_is_no_partnership() -> None:
    """A與B簽署銀團貸款協議: a loan is a transaction between lender and borrower, no cooperation."""
    assert _facts("瀯峴銀行於12月9日與熒汯能源股份有限公司簽署綠色銀團貸款協議。", "partnership") == []


def test_a_founding_year_dates_no_metric() -> None:
    """华信信托成立于1986年，注册资本为50亿元: 1986 is when it was founded, not the capital's period."""
    (fact,) = _metrics("华信信托成立于1986年，注册资本为50亿元。")
    assert fact.args.period is None


def test_a_person_listed_after_one_with_a_post_holds_it_too() -> None:
    roles = _roles("浙江证监局对东星证券保荐代表人贲书衡、溥景和分别采取出具警示函的监管措施。")
    assert {(p, o, t) for p, o, t, _ in roles} == {("贲书衡", "东星证券", "保荐代表人"), ("溥景和", "东星证券", "保荐代表人")}


def test_a_supervisor_s_sums_go_to_the_company_it_orders() -> None:
    facts = _metrics("浙江证监局决定，责令东星证券暂停保荐业务6个月，罚没金额合计约3,559.2万元。")
    assert [(f.args.metric.text, f.args.subject.text if f.args.subject else None) for f in facts] == [("罚没金额", "东星证券")]


def test_a_company_fined_for_a_cause_after_an_adverb() -> None:
    (fine,) = _metrics("今年3月，東星銀行才因理專挪用客戶款項，遭金管會核處罰鍰新台幣1,200萬元。")
    assert fine.args.subject is not None and fine.args.subject.text == "東星銀行"


def test_a_person_fined_is_the_subject_of_the_fine() -> None:
    """…被央行上海分行罚款210万元，时任总经理李国栋被罚款15万元: the second fine is the person's."""
    text = "汇联支付曾因违反支付结算管理规定被央行上海分行罚款210万元，时任总经理李国栋被罚款15万元。"
    got = {(f.args.value.text, f.args.subject.text if f.args.subject else None) for f in _metrics(text)}
    assert got == {("210万元", "汇联支付"), ("15万元", "李国栋")}


def test_a_change_against_last_quarters_end_is_a_change_not_a_metric() -> None:
    """资本充足率为15.62%，较上季度末上升0.09个百分点: 季度末 is the basis, not a metric."""
    facts = _metrics("资本充足率为15.62%，较上季度末上升0.09个百分点。")
    change = next(f for f in facts if f.args.value.text == "0.09个百分点")
    assert (change.args.metric.text, change.args.direction, change.args.basis.text) == ("资本充足率", "up", "较上季度末")


def test_changes_listed_with_fenbie_pair_with_the_metrics_before() -> None:
    """…核心…充足率为142%，综合…充足率为218%，分别较上季度末下降6个百分点和9个百分点."""
    text = "截至9月末，公司核心偿付能力充足率为142%，综合偿付能力充足率为218%，分别较上季度末下降6个百分点和9个百分点。"
    changes = {(f.args.metric.text, f.args.value.text, f.args.direction) for f in _metrics(text) if f.args.value.kind == "percentage_point"}
    assert changes == {("核心偿付能力充足率", "6个百分点", "down"), ("综合偿付能力充足率", "9个百分点", "down")}


def test_every_later_clause_post_after_a_direct_one() -> None:
    """陈立新此前担任…，2021年加入嘉泰人寿之前，曾任…: the direct post and the later clause's both count."""
    text = "陈立新此前担任嘉泰人寿副总经理兼首席投资官，2021年加入嘉泰人寿之前，曾任华岳资产管理公司固定收益部总经理。"
    roles = {(f.args.org.text, f.args.title.text, f.args.former, f.rule) for f in finextract.extract(text).facts if f.type == "role"}
    assert ("华岳资产管理公司", "固定收益部总经理", True, "role.later_clause") in roles
    assert ("嘉泰人寿", "副总经理", True, "role.name_serves") in roles
    # another person between: the later clause is theirs
    other = "陈立新担任嘉泰人寿总经理，王强曾任华岳资产管理公司总经理。"
    assert not [f for f in finextract.extract(other).facts if f.type == "role" and f.args.person.text == "陈立新" and f.args.org.text == "华岳资产管理公司"]


def test_a_fine_imposed_before_its_noun() -> None:
    """國瑞人壽…核處新台幣600萬元罰鍰: the amount is the fine (罰鍰), not a metric named 核處."""
    facts = _metrics("國瑞人壽因內部控制存有重大缺失，遭核處新台幣600萬元罰鍰。")
    assert [(f.args.metric.text, f.args.value.text) for f in facts] == [("罰鍰", "新台幣600萬元")]


def test_figures_in_what_a_speaker_reports_belong_to_the_company_reported_on() -> None:
    """金管會…張秀玲表示，檢查發現國瑞人壽…，保費收入合計約新台幣18億元: 國瑞人壽's premiums, not the regulator's."""
    text = "金管會保險局副局長張秀玲表示，檢查發現國瑞人壽在2022年至2024年間未充分評估客戶風險，保費收入合計約新台幣18億元。"
    (fact,) = [f for f in _metrics(text) if f.args.metric.text == "保費收入"]
    assert fact.args.subject is not None and fact.args.subject.text == "國瑞人壽"
    # nothing named in the report: the speaker's company
    (own,) = _metrics("招商银行行长王良表示，前三季度营业收入增长5%。")
    assert own.args.subject is not None and own.args.subject.text == "招商银行"


@pytest.mark.parametrize(
    ("text", "metric", "value"),
    [
        ("本期债券全场认购倍数达2.6倍。", "认购倍数", "2.6倍"),  # a multiple is a metric's value
        ("本次激励对象共计186人。", "激励对象", "186人"),  # 激励 and 授予 name the kind of object and price
        ("公司拟授予限制性股票，授予价格为每股18.6元。", "授予价格", "18.6元"),
    ],
)
def test_incentive_and_subscription_metric_names(text: str, metric: str, value: str) -> None:
    assert any(m.endswith(metric) and v == value for m, v in {(f.args.metric.text, f.args.value.text) for f in _metrics(text)})


@pytest.mark.parametrize(
    ("text", "metric", "value"),
    [
        ("澐嶠銀行現有零售客戶約180萬名。", "零售客戶", "約180萬名"),  # 现有 says the bank has them
        ("蘊璞人壽須向澐嶠銀行支付首期款項28.5億港元。", "首期款項", "28.5億港元"),  # 首期 is no time word here
        ("邝亦衡在管基金规模合计约312.6亿元。", "在管基金规模", "约312.6亿元"),  # 在管: under management
        ("该基金单日收到的赎回申请约23.5亿元。", "赎回申请", "约23.5亿元"),  # a noun, not a verb
        ("其中房地产类信托占比较年初下降8.5个百分点。", "房地产类信托占比", "8.5个百分点"),  # 占比|较, not 占|比较
        ("霁桉信托已有多款产品出现逾期，逾期金额约146.3亿元。", "逾期金额", "约146.3亿元"),
        ("公司拟于原兑付日后30个工作日内支付首期兑付款1.5亿元，首期兑付比例为10%。", "首期兑付款", "1.5亿元"),
        ("公司拟于原兑付日后30个工作日内支付首期兑付款1.5亿元，首期兑付比例为10%。", "首期兑付比例", "10%"),
        ("展期议案的赞成比例为87.35%。", "赞成比例", "87.35%"),
        ("公司第三季財報每股淨值降至新台幣4.12元。", "每股淨值", "新台幣4.12元"),  # 降|至, then a currency
        ("不良贷款率为1.68%，较三家行合并前的平均水平下降0.42个百分点。", "不良贷款率", "0.42个百分点"),  # a long basis
        ("渌原农商银行资产总额约1863亿元，各项存款余额1520亿元。", "各项存款余额", "1520亿元"),
        ("以11月21日收盘价计算，楮沄银行H股的股息率约7.3%。", "股息率", "约7.3%"),  # 股息|率约 split otherwise
        ("荇沚银行则将消费贷利率下限上调25个基点至3%。", "利率下限", "25个基点"),  # 上调 links like 下调
        ("梣坪农商行也将其消费贷最低执行利率上调至3%。", "最低执行利率", "3%"),
        ("他預計，合併帶來的協同效益每年逾3,000萬澳門幣。", "協同效益", "逾3,000萬澳門幣"),  # a frequency between
        ("截至9月末，其账面货币资金为28.9亿元，其中受限资金超过11亿元。", "受限资金", "超过11亿元"),
        ("昶崴投信今（25）日公布，首日申購金額約新台幣132.6億元，受益人數逾5.2萬人。", "首日申購金額", "約新台幣132.6億元"),
        ("昶崴投信今（25）日公布，首日申購金額約新台幣132.6億元，受益人數逾5.2萬人。", "受益人數", "逾5.2萬人"),
    ],
)
def test_exact_metric_names_around_having_and_first_payments(text: str, metric: str, value: str) -> None:
    assert (metric, value) in {(f.args.metric.text, f.args.value.text) for f in _metrics(text)}


def test_a_company_before_a_share_s_name_is_its_subject() -> None:
    """同期，砥芯微研发投入占营业收入的比例为22.3%: the name is 研发投入占营业收入的比例, 砥芯微's."""
    text = "苏州砥芯微电子股份有限公司（以下简称“砥芯微”）申请上市。同期，砥芯微研发投入占营业收入的比例为22.3%，较上年提高1.6个百分点。"
    facts = _metrics(text)
    assert {(f.args.metric.text, f.args.subject.text if f.args.subject else None) for f in facts} == {("研发投入占营业收入的比例", "砥芯微")}


def test_the_source_of_a_statistic_owns_none_of_its_figures() -> None:
    """人力资源和社会保障部数据显示，…开户数…，但…人数占比不足三成: national figures, the ministry only reports them."""
    text = "人力资源和社会保障部数据显示，截至10月末，全国个人养老金开户数超过7200万户，但实际缴存人数占比不足三成。"
    facts = _metrics(text)
    assert {f.args.metric.text for f in facts} >= {"个人养老金开户数", "人数占比"}
    assert all(f.args.subject is None and f.modality == "reported" for f in facts)


def test_a_rank_among_counted_companies_keeps_the_sentence_s_subject() -> None:
    """…，在162家公募基金管理人中排名第23位，其中权益类基金占比超过三成: still 槿汀基金's figure."""
    text = "截至三季度末，槿汀基金公募资产管理规模为4,215亿元，在162家公募基金管理人中排名第23位，其中权益类基金占比超过三成。"
    (fact,) = [f for f in _metrics(text) if f.args.value.text == "超过三成"]
    assert (fact.args.metric.text, fact.args.subject.text if fact.args.subject else None) == ("权益类基金占比", "槿汀基金")


@pytest.mark.parametrize(
    "text",
    [
        "至于明年是否会发行不超过40亿元的二级资本债券，訾雪宁表示，该行将审慎研究。",
        "市場關注該行會否將派息比率提高至60%。",
        "昶崴投信對此強調，公司並未保證年化配息率達8%。",
        "不過，有分析員質疑，澂榕銀行會否在供股後削減股息，將派息比率降至30%？",  # the question spans two clauses
    ],
)
def test_a_figure_in_a_question_or_a_denial_is_no_metric(text: str) -> None:
    assert _metrics(text) == []


def test_a_metric_named_as_a_goal_is_planned() -> None:
    """目標資產管理規模達3,500億元: a goal; 目标价 is a broker's metric and stays as it is."""
    (goal,) = _metrics("溫子濬表示，明年將再推出兩檔主動式ETF，目標資產管理規模達3,500億元。")
    assert (goal.modality, goal.attributed_to.text if goal.attributed_to else None) == ("planned", "溫子濬")
    (price,) = _metrics("海川证券给予买入评级，目标价为25.6元。")
    assert price.modality == "actual"


def test_a_base_year_does_not_date_the_metric() -> None:
    """以2024年净利润为基数，三年净利润增长率分别不低于15%、32%和52%: 2024 is the base, not the period."""
    facts = _metrics("或以2024年净利润为基数，净利润增长率分别不低于15%、32%和52%。")
    assert facts and all(f.args.period is None for f in facts)


def test_an_amount_before_de_without_a_noun_phrase_after_measures_the_noun_before() -> None:
    """每月保費低至38港元的意外保障計劃: the premium (每月, as low as 38), not the plan after 的."""
    (fact,) = _metrics("雙方將推出一款每月保費低至38港元的意外保障計劃。")
    assert (fact.args.metric.text, fact.args.value.text, fact.args.value.qualifier, fact.args.period.value) == ("保費", "低至38港元", "at_least", "P1M")
    assert not _metrics("公司超过90%的业务来自华东。")  # a percentage before 的 is a share, not a metric of the noun before


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("浙报传媒携手瀚海集团。", 2),
        ("东星集团签约法国卢浮集团。", 2),
        ("东星集团正式牵手融众集团，共同开拓海外市场。", 2),
        ("東星集團聯手融眾集團進軍電商市場。", 2),
        ("东星集团日前联姻融众集团", 2),
        ("东星集团、融众集团携手瀚海集团进军海外市场。", 3),  # the verb after a list: not the first gap
        ("东星集团联合融众集团、瀚海集团发起行业反舞弊联盟。", 3),  # 联合 joining a list after it
    ],
)
def test_a_cooperation_verb_between_two_names_is_a_partnership(text: str, parties: int) -> None:
    """Headline style: the verb itself joins the parties (浙报传媒携手瀚海集团), with no trigger after them."""
    (fact,) = _pairs(text)
    assert len(fact.args.parties) == parties and fact.rule == "partnership.verb"


@pytest.mark.parametrize(
    "text",
    [
        "东星集团联姻融众集团告吹。",  # the match fell through
        "東星集團牽手融眾集團失敗。",
        "东星集团并未携手融众集团。",
        "如果东星集团联手融众集团，市场格局将改变。",
        "东星集团联合利华推出新品。",  # 联合 starting another name is no verb
    ],
)
def test_a_failed_or_denied_cooperation_verb_is_no_partnership(text: str) -> None:
    assert [f for f in _pairs(text) if f.rule == "partnership.verb"] == []


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("易达咨询发布的报告显示，三季度国内第三方移动支付交易规模达到98.6万亿元。", "交易规模"),
        ("東星銀行表示，全球支付市場規模今年將增長12%。", "規模"),
    ],
)
def test_a_market_wide_figure_has_no_company_subject(text: str, metric: str) -> None:
    """国内…交易规模, 全球…市场规模: a figure of the whole market is no company's, not the reporter's either."""
    facts = [f for f in _metrics(text) if f.args.metric.text.endswith(metric)]
    assert facts and all(f.args.subject is None for f in facts)


@pytest.mark.parametrize("text", ["招商银行&nbsp;行长王良表示，资产质量稳定。", "招商銀行　行長王良表示，資產質量穩定。"])
def test_a_space_between_company_and_post_keeps_the_role(text: str) -> None:
    """Scraped pages put a space (or &nbsp;) between the company and the post: the role keeps its company."""
    (role,) = _facts(text, "role")
    assert role.args.org is not None and role.args.org.canonical == "招商银行"
    assert (role.args.person.text, role.args.title.text) in {("王良", "行长"), ("王良", "行長")}


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("同日，瑞和人寿公告称，总经理孙卫东因个人原因辞去总经理职务。", "瑞和人寿"),
        ("瑞和人壽（601888.SH）昨日公告，總經理孫衛東辭職。", "瑞和人壽"),
        ("恒昇銀行同時宣布，財務總監李家輝已辭任。", "恒昇銀行"),
        ("銘港銀行同日宣佈，現任行政總裁馮卓賢將於今年3月31日退休。", "銘港銀行"),  # 現任: the post held now
        ("东星银行拟任董事长戚望舒表示，公司会控制利率。", "东星银行"),  # 拟任: the post to come
    ],
)
def test_a_post_right_after_a_company_s_announcement_is_at_that_company(text: str, org: str) -> None:
    """X公告称，总经理孙卫东…: the announcing company is the post's company."""
    roles = _facts(text, "role")
    assert roles and all(r.args.org is not None and r.args.org.text == org for r in roles)
    assert all(a.args.org is not None and a.args.org.text == org for a in _facts(text, "appointment"))


def test_a_modal_verb_the_segmenter_does_not_know_is_no_metric() -> None:
    """海外消費最高可享3%哩程回饋: 可享 (may enjoy) is a verb, so no metric named …可享."""
    text = "玉晟銀行宣布與星宇航空合作發行聯名信用卡，海外消費最高可享3%哩程回饋。"
    assert not [f for f in _metrics(text) if f.args.metric.text.endswith("可享")]


def test_the_stake_of_a_holding_is_the_holder_s() -> None:
    """鼎新控股持有瑞和人寿的股权比例由15%升至30%: the stake is the holder's, held in 瑞和人寿."""
    facts = [f for f in _metrics("转让完成后，鼎新控股持有瑞和人寿的股权比例由15%升至30%。") if f.args.metric.text == "股权比例"]
    assert facts and all(f.args.subject is not None and f.args.subject.text == "鼎新控股" for f in facts)


def test_a_retirement_is_a_resignation() -> None:
    """行政總裁何志文將於明年3月底退休: a planned departure from the post."""
    (change,) = _facts("恒昇銀行今日宣布，行政總裁何志文將於明年3月底退休。", "appointment")
    assert (change.args.person.text, change.args.change, change.modality) == ("何志文", "resigned", "planned")
    assert change.args.org is not None and change.args.org.text == "恒昇銀行"


@pytest.mark.parametrize(
    "text",
    [
        "拓峰新材与青峰集团旗下的青峰轨道装备有限公司签署战略合作协议。",
        "拓峰新材與青峰集團旗下的青峰軌道裝備有限公司簽署戰略合作協議。",
    ],
)
def test_a_partner_named_after_its_parent_is_the_party(text: str) -> None:
    """与A旗下的B签署…: B is the partner; A only says whose B is."""
    (fact,) = _pairs(text)
    assert {p.canonical for p in fact.args.parties} == {"拓峰新材", "青峰轨道装备有限公司"}
    assert fact.rule == "partnership.pair_trigger"


def test_a_price_per_share_before_a_metric_is_not_part_of_its_name() -> None:
    """发行价5.12元/股募资逾21亿元: the amount raised is named 募资, the price is a figure of its own."""
    facts = {f.args.value.text: f.args.metric.text for f in _metrics("苕溪农商行登陆深交所主板 发行价5.12元/股募资逾21亿元")}
    assert facts == {"5.12元/股": "发行价", "逾21亿元": "募资"}


def test_a_reason_is_no_metric() -> None:
    """其後因派息等原因下調至5.71元: 原因 names why the price changed; the figure is no metric of it."""
    assert all(f.args.metric.normalized != "原因" for f in _metrics("楠銀轉債初始轉股價為每股6.12元，其後因派息等原因下調至5.71元。"))


def test_a_count_of_others_is_no_metric() -> None:
    """…，另有三家民营企业合计持股7.3%: 另有 (there are also) names no metric."""
    assert all(f.args.metric.normalized != "另有" for f in _metrics("明湍实业持股9.2%，另有三家民营企业合计持股7.3%。"))


def test_a_fine_decided_by_a_supervisor_is_the_punished_company_s() -> None:
    """证监会决定对衡远证券…，罚没金额合计约3,709.5万元: the broker's fine, not the regulator's."""
    text = "衡远证券公告称，公司收到处罚决定书。证监会决定对衡远证券责令改正、给予警告，并处以2,473万元罚款，罚没金额合计约3,709.5万元。"
    subjects = {f.args.metric.text: f.args.subject.canonical if f.args.subject else None for f in _metrics(text)}
    assert subjects["罚没金额"] == "衡远证券"



def test_a_fine_on_the_company_named_with_its_cause_is_that_company_s() -> None:
    """金管會…宣布，湛旻電子支付股份有限公司（以下簡稱湛旻支付）因…，核處新台幣1,200萬元罰鍰: the payment company's fine."""
    text = "金融監督管理委員會（金管會）昨（12）日宣布，湛旻電子支付股份有限公司（以下簡稱湛旻支付）因資訊安全管理存有重大缺失，核處新台幣1,200萬元罰鍰。"
    (fine,) = [f for f in _metrics(text) if f.args.value.text == "新台幣1,200萬元"]
    assert fine.args.subject is not None and fine.args.subject.text == "湛旻電子支付股份有限公司"


def test_a_fine_on_the_company_qi_refers_to_is_that_company_s() -> None:
    """證監會…已譴責滘朗證券有限公司（滘朗證券）並對其罰款1,250萬港元: 其 is the broker."""
    text = "證券及期貨事務監察委員會（證監會）昨日公布，已譴責滘朗證券有限公司（滘朗證券）並對其罰款1,250萬港元。"
    (fine,) = [f for f in _metrics(text) if f.args.metric.text == "罰款"]
    assert fine.args.subject is not None and fine.args.subject.canonical == "滘朗证券有限公司"


@pytest.mark.parametrize(
    "text",
    [
        "东星集团与融众集团在华南建立战略联盟。",
        "東星集團與融眾集團結成產業聯盟，共同開拓東南亞市場。",
        # buying together makes partners; the target is not one of them
        "东星集团和融众集团预计将在10月底前完成联合收购瀚海集团的交易。",
        "東星集團與融眾集團共同收購瀚海集團60%股權。",
    ],
)
def test_an_alliance_or_a_joint_purchase_makes_partners(text: str) -> None:
    """建立战略联盟 names a cooperation; 联合收购/共同收购 a joint purchase, not one party buying the other."""
    (fact,) = _pairs(text)
    assert {p.canonical for p in fact.args.parties} == {"东星集团", "融众集团"}
    assert fact.rule == "partnership.pair_trigger"


@pytest.mark.parametrize("text", ["东星集团与融众集团签署收购协议。", "東星集團與融眾集團簽訂股權轉讓協議。"])
def test_a_purchase_agreement_between_two_parties_is_no_partnership(text: str) -> None:
    """One buys from the other: the transaction's own rules read it, the partnership rule does not."""
    assert _pairs(text) == []


def test_a_kind_of_alliance_is_no_organization() -> None:
    """战略联盟, 产业联盟: what the parties form, not a named body."""
    entities = {e.text for e in finextract.extract("东星集团与融众集团建立战略联盟，并发起产业联盟。").entities}
    assert not {"战略联盟", "产业联盟"} & entities


@pytest.mark.parametrize(
    "text",
    [
        "甘肃陇垣资产管理股份有限公司（以下简称“陇垣资产”）与河西祁钧钢铁集团有限公司（以下简称“祁钧钢铁”）当日正式签署战略合作协议。",
        "東星集團有限公司（以下簡稱東星集團）與融眾集團有限公司（以下簡稱融眾集團）簽署合作協議。",
    ],
)
def test_a_short_form_declared_between_parties_joins_them(text: str) -> None:
    """A（以下简称“A'”）与B: the bracketed short form belongs to A and does not break the pair."""
    (fact,) = _pairs(text)
    assert len(fact.args.parties) == 2 and fact.rule == "partnership.pair_trigger"


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("东星银行的成本率上升3.5个百分点至101.2%。", "成本率"),
        ("樺崧保險有限公司預計，今年財產保險業務的綜合成本率將按年上升3.5個百分點至約101.2%。", "綜合成本率"),
    ],
)
def test_a_ratio_whose_rate_character_reads_as_a_verb(text: str, metric: str) -> None:
    """成本|率: jieba tags 率 as a verb (率领); the ratio is still the metric, with its change and new value."""
    (fact,) = [f for f in _metrics(text) if f.args.direction]
    assert fact.args.metric.text == metric and fact.args.new_value is not None and fact.args.direction == "up"


def test_a_ratio_after_a_verb_keeps_the_verb() -> None:
    """违约|率: the ratio of defaults (资产累计违约率), not 率 alone."""
    (fact,) = _metrics("普衡評級在報告中指出，入池資產累計違約率升至8%。")
    assert fact.args.metric.text.endswith("違約率")


@pytest.mark.parametrize(
    "text",
    ["沅芷农商行公告称，该行三年期定期存款利率下调15个基点至2.35%。", "桐漪農商行則將三年期定期存款利率下調15個基點至2.35%。"],
)
def test_a_tenor_is_part_of_the_metric_name(text: str) -> None:
    """三年期: the deposit's term names the rate; it is no period of the change."""
    (fact,) = [f for f in _metrics(text) if f.args.direction]
    assert fact.args.metric.normalized == "三年期定期存款利率" and fact.args.value.kind == "basis_point"


@pytest.mark.parametrize(
    "text",
    [
        "国家金融监督管理总局数据显示，截至三季度末，商业银行净息差为1.53%。",
        "鴻甄證券首席經濟學家岑致遠認為，預計今年末商業銀行淨息差將收窄至1.5%左右。",
    ],
)
def test_a_kind_of_company_s_figure_has_no_subject(text: str) -> None:
    """商业银行净息差: all commercial banks' margin, neither the regulator's nor the analyst's firm's."""
    (fact,) = _metrics(text)
    assert fact.args.subject is None


def test_a_partner_after_also_with_cooperates_with_the_sentence_s_subject() -> None:
    """…；另與沁彥銀行合作推出…: the company of the first clause is the other party."""
    text = "沛綸支付並與連鎖超商嘉鄰便利商店合作，全台門市將同步支援新功能；另與沁彥商業銀行合作推出聯名數位帳戶。"
    parties = {frozenset(p.canonical for p in f.args.parties) for f in _pairs(text)}
    assert parties == {frozenset({"沛纶支付", "嘉邻便利商店"}), frozenset({"沛纶支付", "沁彦商业银行"})}


@pytest.mark.parametrize(
    ("text", "metric"),
    [("璟昕金控擬每股配發現金股利1.33元，配息率約62%。", "配息率"), ("峻廷保險透露，自留額為1.5億港元。", "自留額")],
)
def test_taiwan_and_hong_kong_metric_words(text: str, metric: str) -> None:
    """配息率 (payout ratio) and 自留额 (retention) are single nouns, not 配|息率 or 自留|额."""
    assert metric in {f.args.metric.text for f in _metrics(text)}


def test_a_reinsurance_arrangement_is_a_partnership() -> None:
    (fact,) = _pairs("峻廷保險透露，該公司與寰峙再保險有限公司（寰峙再保）訂有巨災超額賠款分保安排。")
    assert {p.canonical for p in fact.args.parties} == {"峻廷保险", "寰峙再保险有限公司"}


def test_a_move_from_one_level_to_another_after_a_modal_adverb() -> None:
    """资产负债率将由82.6%降至68.9%: forecast, from 82.6% to 68.9%."""
    (fact,) = [f for f in _metrics("据测算，本次债转股落地后，祁钧钢铁资产负债率将由82.6%降至68.9%。") if f.rule == "metric.from_to"]
    assert (fact.args.metric.text, fact.args.value.text, fact.args.basis.text, fact.args.direction) == ("资产负债率", "68.9%", "由82.6%", "down")


def test_a_metric_right_after_a_declared_short_form_is_that_company_s() -> None:
    """…有限公司（以下简称“钧达国投”）的持股比例: the stake of the company just declared."""
    text = "祁钧钢铁原控股股东河西钧达国有资本投资有限公司（以下简称“钧达国投”）的持股比例由100%降至72.3%。"
    (fact,) = [f for f in _metrics(text) if f.args.metric.text == "持股比例"]
    assert fact.args.subject is not None and fact.args.subject.canonical == "河西钧达国有资本投资有限公司"


@pytest.mark.parametrize(("text", "value"), [("沅芷农商行活期存款利率维持0.10%不变。", "0.10%"), ("東星銀行的淨息差維持在1.8%。", "1.8%")])
def test_a_level_kept(text: str, value: str) -> None:
    """维持/保持 link the metric to the level it stays at."""
    (fact,) = _metrics(text)
    assert fact.args.value.text == value and fact.args.subject is not None


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("不过，手续费收入占营业收入的比重为41.3%，同比下降4.1个百分点。", "手续费收入占营业收入的比重"),
        ("砚澄基金认购新增注册资本1.35亿元，增资后持股9%。", "认购新增注册资本"),
    ],
)
def test_what_a_share_is_of_and_new_capital_name_the_metric(text: str, metric: str) -> None:
    """A占B的比重 names the share; 新增注册资本 is new capital, not the subscriber's registered capital."""
    assert {f.args.metric.text for f in _metrics(text)} == {metric}


def test_an_adverb_glued_to_a_modal_ends_the_metric_name() -> None:
    """信贷成本仍会|维持在0.4%左右: 仍会 is the predicate, the metric is 信贷成本."""
    facts = _metrics("恒信銀行行政總裁黃嘉明表示，信貸成本仍會維持在0.4%左右。")
    assert "信貸成本仍會" not in {f.args.metric.text for f in facts}


def test_a_count_received_measures_the_noun_after_it() -> None:
    """已接獲逾3,200宗索償，涉及金額估計約4.8億港元: the claims' count and their estimated amount."""
    facts = {(f.args.metric.text, f.args.value.text, f.modality) for f in _metrics("峻廷保險表示，截至昨日已接獲逾3,200宗索償，涉及金額估計約4.8億港元。")}
    assert ("索償", "逾3,200宗", "actual") in facts and ("金額", "約4.8億港元", "forecast") in facts
    assert _metrics("該行今年新開設3家分行。") == []  # a count with no verb of receiving stays no metric


def test_a_sum_claimed_in_court_is_not_the_sued_company_s() -> None:
    """翠麟銀行… 前私銀董事總經理入稟索償逾860萬元: the claim belongs to the unnamed claimant."""
    facts = [f for f in _metrics("翠麟銀行上調最優惠利率0.125厘 前私銀董事總經理入稟索償逾860萬元") if f.args.metric.text == "索償"]
    assert facts and all(f.args.subject is None for f in facts)


def test_an_officer_in_a_sentence_naming_no_company_is_the_article_s_company_s() -> None:
    """董事長邱承翰會後表示: the chairman of the company the article is about (named far more often than others)."""
    text = (
        "璟昕金控今日召開董事會。璟昕金控全年稅後淨利年增18.4%，璟昕金控旗下璟昕銀行貢獻最多。"
        "董事長邱承翰會後表示，將維持配息水準。"
    )
    roles = {(r[0], r[1], r[2]) for r in _roles(text)}
    assert ("邱承翰", "璟昕金控", "董事長") in roles
    # two companies named about as often: no company is assumed
    other = "東星集團與融眾集團簽約。東星集團、融眾集團均表示滿意。東星集團與融眾集團將擴大合作。董事長邱承翰會後表示，合作順利。"
    assert ("邱承翰", None, "董事長") in {(r[0], r[1], r[2]) for r in _roles(other)}


def test_companies_setting_up_a_joint_venture_on_a_date_are_partners() -> None:
    """A（…）、B（…）及C（…）於10月27日宣布成立合資公司X: all three, dated; X is named without its kind."""
    text = (
        "渟樾銀行（香港）有限公司（以下簡稱「渟樾銀行」）、綦嶸電訊集團有限公司（以下簡稱「綦嶸電訊」）及珣檠支付有限公司"
        "（以下簡稱「珣檠支付」）於10月27日宣布成立合資公司琇嶧數碼貨幣有限公司。"
    )
    doc = finextract.extract(text)
    (fact,) = [f for f in doc.facts if f.type == "partnership" and f.rule == "partnership.joint_founding"]
    assert len(fact.args.parties) == 3 and fact.args.date is not None and fact.args.date.text == "10月27日"
    assert "琇嶧數碼貨幣有限公司" in {e.text for e in doc.entities if e.label == "ORG"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("溫筱涵於2009年加入岦鼎證券，曾任風險管理部副總經理。", ("溫筱涵", "岦鼎證券", "風險管理部副總經理", True)),
        ("温筱涵2009年加入岦鼎证券，先后担任风险管理部副总经理。", ("温筱涵", "岦鼎证券", "风险管理部副总经理", True)),
        # joined before the post: the post was somewhere else
        ("陈立新2021年加入嘉泰人寿之前，曾任投资部总经理。", ("陈立新", None, "投资部总经理", True)),
    ],
)
def test_a_post_after_joining_a_company_is_at_that_company(text: str, expected: tuple) -> None:
    """…加入岦鼎證券，曾任風險管理部副總經理: a later clause's post without a company is at the company just joined."""
    roles = {(f.args.person.text, f.args.org.text if f.args.org else None, f.args.title.text, f.args.former) for f in _facts(text, "role")}
    assert expected in roles


def test_a_post_written_after_qianren_is_former() -> None:
    """前任風險長鄒明燦: 前任 dates the post as past, as 前 and 原 do."""
    roles = {(f.args.person.text, f.args.title.text, f.args.former) for f in _facts("前任風險長鄒明燦已於10月底屆齡退休。", "role")}
    assert roles == {("鄒明燦", "風險長", True)}


@pytest.mark.parametrize(
    ("text", "metric", "value"),
    [
        ("據臺灣證券交易所統計，10月底全市場融資餘額約新台幣7,132億元。", "融資餘額", "約新台幣7,132億元"),
        ("截至10月末，全市场两融余额约1.8万亿元。", "两融余额", "约1.8万亿元"),
        ("目前客戶整戶維持率約172%，仍高於追繳門檻。", "客戶整戶維持率", "約172%"),
        ("该公司客户担保维持率约265%。", "客户担保维持率", "约265%"),
        ("協議涉及每年分出保費約12億港元。", "分出保費", "約12億港元"),  # ceded premiums, one noun
        ("该行将新增县域信贷投放不少于80亿元。", "新增县域信贷投放", "不少于80亿元"),  # 投放 is a noun here
        ("瓚暉信託上半年可分派收入為6.82億港元。", "可分派收入", "6.82億港元"),  # a REIT's distributable income
        ("交易完成後，嶷峰集團的持有比例將升至35.8%。", "持有比例", "35.8%"),
    ],
)
def test_market_scope_and_maintenance_ratios(text: str, metric: str, value: str) -> None:
    """全市場 is a scope, not part of the metric's name; 維持率 is one noun (jieba reads 率約 as a word)."""
    assert (metric, value) in {(f.args.metric.text, f.args.value.text) for f in _metrics(text)}


@pytest.mark.parametrize(
    "text",
    [
        "皞泰保險集團有限公司宣布已於8月27日與嶔霖再保險有限公司簽訂成數再保險協議。",
        "皞泰保險集團有限公司昨日發出公告，宣布已於8月27日與嶔霖再保險有限公司簽訂成數再保險協議。",
        "皞泰保險集團有限公司（以下簡稱「皞泰保險」，股份代號：2639）昨日發出公告，宣布已於8月27日與嶔霖再保險有限公司簽訂成數再保險協議。",
    ],
)
def test_an_announced_partnership_keeps_its_date(text: str) -> None:
    """…發出公告，宣布已於8月27日與…簽訂協議: the announcement frames the clause, the date is the signing's."""
    found = {(tuple(p.text for p in f.args.parties), f.args.date.text if f.args.date else None, f.rule) for f in _pairs(text)}
    assert (("皞泰保險集團有限公司", "嶔霖再保險有限公司"), "8月27日", "partnership.pair_trigger") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("瑧磐保險同日宣佈，現任行政總裁岑宇樑將於本月底退休，董事會已委任副行政總裁鄺穎芝出任行政總裁。", ("鄺穎芝", "瑧磐保險", "副行政總裁")),
        ("湛旻支付同日公告，總經理鄔宥丞辭去總經理職務；總經理職務暫由副總經理葛沛晴代理。", ("葛沛晴", "湛旻支付", "副總經理")),
        ("同日，澴宇期货召开董事会，选举总经理晏书棠接任董事长，并聘任副总经理郗若川为总经理。", ("郗若川", "澴宇期货", "副总经理")),
        ("东星清算同日召开首届董事会，选举仝砚秋为董事长，聘任攸芷涵为总裁。", ("攸芷涵", "东星清算", "总裁")),  # which board, between
        ("东星银行召开第三届董事会第五次会议，选举仝砚秋为董事长，聘任攸芷涵为行长。", ("攸芷涵", "东星银行", "行长")),
        ("東星保險上月公佈，首席營運官厙家朗因個人理由辭任，即時生效。", ("厙家朗", "東星保險", "首席營運官")),  # 公布, a month before
        ("浭银理财11月28日公告，原董事长逄景和因到龄退休卸任。", ("逄景和", "浭银理财", "董事长")),  # a former post
        # a company named only as the post of the person chosen (栟川控股副总裁阚亦舟) is no other company between
        ("澹棂银行11月15日召开董事会，选举栟川控股副总裁阚亦舟为董事长，聘任甘霁川为行长。", ("甘霁川", "澹棂银行", "行长")),
    ],
)
def test_a_post_in_a_later_clause_of_a_company_s_announcement_is_at_that_company(text: str, expected: tuple) -> None:
    """X宣布/公告/召开董事会，…TITLE PERSON…: with no other organization between, the post is at X."""
    roles = {(f.args.person.text, f.args.org.text if f.args.org else None, f.args.title.text) for f in _facts(text, "role")}
    assert expected in roles


def test_another_company_between_keeps_the_post_unattached() -> None:
    text = "瑞和人寿公告称，与星途科技达成合作，星途科技总经理孙卫东出席仪式。"
    roles = {(f.args.person.text, f.args.org.text if f.args.org else None) for f in _facts(text, "role")}
    assert ("孙卫东", "瑞和人寿") not in roles


def test_a_post_held_now_is_actual_when_its_company_opens_an_earlier_clause_with_jiang_between() -> None:
    """瑧磐保險同日宣佈，現任行政總裁岑宇樑將於本月底退休，董事會已委任副行政總裁鄺穎芝…: 將 is the retirement's."""
    text = "瑧磐保險同日宣佈，現任行政總裁岑宇樑將於本月底退休，董事會已委任副行政總裁鄺穎芝出任行政總裁。"
    (now,) = [f for f in _facts(text, "role") if f.args.person.text == "鄺穎芝" and f.args.title.text == "副行政總裁"]
    assert now.modality == "actual"


def test_a_regulator_publishing_statistics_owns_no_figure_and_the_industry_is_no_part_of_the_name() -> None:
    """金管會昨（18）日公布最新統計，…壽險業外匯價格變動準備金餘額為…: no subject, the name without 壽險業."""
    text = "金融監督管理委員會（金管會）昨（18）日公布最新統計，截至10月底，壽險業外匯價格變動準備金餘額為新台幣1,156億元。"
    facts = [(f.args.metric.text, f.args.subject.text if f.args.subject else None) for f in _metrics(text) if f.args.value.text == "新台幣1,156億元"]
    assert facts == [("外匯價格變動準備金餘額", None)]


def test_a_move_between_two_dated_levels() -> None:
    """避險比率由6月底的71%降至10月底的64%: the dates between 由/降至 and the figures."""
    text = "瑢恩人壽避險比率由6月底的71%降至10月底的64%，下降7個百分點。"
    found = {(f.args.metric.text, f.args.value.text) for f in _metrics(text)}
    assert {("避險比率", "64%"), ("避險比率", "7個百分點")} <= found


def test_a_department_post_dated_by_shiren_carries_the_company_of_the_post_before() -> None:
    """时任猗琮支付总经理…，时任信息科技部总经理佘若琪…: the department's post is at the same company, and past."""
    text = "同时，时任东星集团总经理冼嘉曜被罚款12万元，时任信息科技部总经理佘若琪被罚款7.5万元。"
    roles = {(f.args.person.text, f.args.org.text if f.args.org else None, f.args.title.text, f.args.former) for f in _facts(text, "role")}
    assert ("佘若琪", "东星集团", "信息科技部总经理", True) in roles


def test_hong_kong_mortgage_figures_published_by_the_monetary_authority() -> None:
    """金管局昨日公布，…拖欠比率…為0.14%: no subject; 拖欠比率 and 負資產 are nouns of the figures' names."""
    text = "金管局昨日公布，截至6月底，本港住宅按揭貸款拖欠比率為0.14%；負資產住宅按揭貸款個案約3.56萬宗。"
    found = {(f.args.metric.text, f.args.subject.text if f.args.subject else None) for f in _metrics(text)}
    assert {("住宅按揭貸款拖欠比率", None), ("負資產住宅按揭貸款個案", None)} <= found


def test_a_company_publishing_its_own_results_keeps_them() -> None:
    """瑞和人寿昨日公布，…: a company's own announcement is no market statistic."""
    (fact,) = _metrics("瑞和人寿昨日公布，公司前三季度净利润为12.3亿元。")
    assert fact.args.subject is not None and fact.args.subject.text == "瑞和人寿"


def test_a_note_in_brackets_between_a_metric_and_its_figure() -> None:
    """住宅按揭貸款拖欠比率（拖欠三個月以上）為0.14%: the note qualifies the metric, the figure is its level."""
    found = {(f.args.metric.text, f.args.value.text) for f in _metrics("本港住宅按揭貸款拖欠比率（拖欠三個月以上）為0.14%，較3月底上升0.02個百分點。")}
    assert {("住宅按揭貸款拖欠比率", "0.14%"), ("住宅按揭貸款拖欠比率", "0.02個百分點")} <= found


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("展期议案的同意比例为76.52%。", "同意比例"),  # the share of votes for (a noun of the user dictionary)
        ("澉璿銀行推出兩隻基金，首批基金規模合共約12.6億港元。", "首批基金規模"),  # the first batch, as 首期
    ],
)
def test_modifiers_that_stay_in_a_metric_s_name(text: str, metric: str) -> None:
    assert metric in {f.args.metric.text for f in _metrics(text)}


def test_companies_listed_before_a_respective_metric_each_own_their_figure() -> None:
    facts = {(f.args.subject.text if f.args.subject else None, f.args.value.text) for f in _metrics("兆豐銀行、東星銀行的承貸額度分別為88億元及80億元。")}
    assert facts == {("兆豐銀行", "88億元"), ("東星銀行", "80億元")}


def test_taiwan_s_word_for_growth_and_domestic_banks_as_holders() -> None:
    """成長 (Taiwan's 增长) is a change verb; 本國銀行 own the market's figure, they do not name it."""
    facts = {(f.args.metric.text, f.args.value.text) for f in _metrics("東星銀行綠色授信餘額較去年底成長約21%。")}
    assert ("綠色授信餘額", "約21%") in facts
    facts = {f.args.metric.text for f in _metrics("截至今年9月底，本國銀行綠能科技產業授信餘額為新台幣2兆3,418億元。")}
    assert facts == {"綠能科技產業授信餘額"}


def test_the_latter_opening_a_clause_owns_its_figure() -> None:
    text = "按托管规模计，东星证券在券商中位列第六，仍落后于融众证券公司，后者同期托管规模约7,150亿元。"
    (fact,) = [f for f in _metrics(text) if f.args.value.text == "约7,150亿元"]
    assert (fact.args.subject.text if fact.args.subject else None, fact.args.metric.text) == ("融众证券公司", "托管规模")


def test_a_note_in_latin_letters_between_a_metric_and_its_figure() -> None:
    """收入费率（即take rate）为3.46%: a gloss in English is a note too."""
    found = {(f.args.metric.text, f.args.value.text) for f in _metrics("二季度粼柃数科的收入费率（即take rate）为3.46%，较一季度下降0.18个百分点。")}
    assert {("收入费率", "3.46%"), ("收入费率", "0.18个百分点")} <= found


def test_a_speaker_after_the_subject_of_a_forecast_is_its_source() -> None:
    """公司首席财务官亓语棠表示，预计…: the company opens the sentence, its officer says what follows."""
    text = "粼柃数科发布业绩。公司首席财务官亓语棠表示，预计三季度促成贷款规模在2,350亿元至2,450亿元之间。"
    facts = [f for f in _metrics(text) if f.args.value.text.startswith("2,350")]
    assert facts and facts[0].args.subject is not None  # 公司 refers to 粼柃数科
    assert [(f.modality, f.attributed_to.text if f.attributed_to else None) for f in facts] == [("forecast", "亓语棠")]


def test_a_body_s_statistics_showing_a_market_figure_are_its_report() -> None:
    """金管會統計顯示，…: the body's statistics, reported, attributed to it, owned by no one."""
    (fact,) = _metrics("金管會統計顯示，截至今年9月底，全體發卡機構流通卡數約5,960萬張。")
    assert (fact.modality, fact.attributed_to.text if fact.attributed_to else None, fact.args.subject) == ("reported", "金管會", None)


def test_a_market_figure_published_by_a_body_is_attributed_to_it() -> None:
    """金管局昨日公布，…拖欠比率為0.14%: no subject, attributed to the publisher."""
    (fact,) = [f for f in _metrics("金管局昨日公布，截至6月底，本港住宅按揭貸款拖欠比率為0.14%。") if f.args.value.text == "0.14%"]
    assert fact.args.subject is None and fact.attributed_to is not None and fact.attributed_to.text == "金管局"


def test_an_approval_document_reports_its_figures() -> None:
    """批复显示，…注册资本为10亿元: read from a document, as 公告显示 is."""
    for text in ("批复显示，东星消金注册资本为10亿元。", "批覆顯示，東星消金註冊資本為10億元。"):  # OpenCC writes 批覆 both ways
        (fact,) = _metrics(text)
        assert fact.modality == "reported"


@pytest.mark.parametrize(
    ("text", "metric", "value"),
    [
        ("年底負資產個案或升至約4.5萬宗。", "負資產個案", "約4.5萬宗"),  # 或 (may) before the move links it
        ("瑢恩人壽6月底資本適足率為238%。", "資本適足率", "238%"),  # Taiwan's capital adequacy ratio, one noun
    ],
)
def test_a_possible_move_and_taiwan_s_capital_adequacy_ratio(text: str, metric: str, value: str) -> None:
    assert (metric, value) in {(f.args.metric.text, f.args.value.text) for f in _metrics(text)}
