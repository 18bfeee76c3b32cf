"""Linking: knowledge-base names, legal forms, in-document aliases, both scripts."""

import pytest

import finextract


def _orgs(text: str) -> list:
    return [e for e in finextract.extract(text).entities if e.label == "ORG"]


def test_aliases_link_to_one_canonical_in_both_scripts() -> None:
    trad = {e.text: (e.canonical, e.id) for e in _orgs("工行與建行、招行合作。中國工商銀行的宇宙行之稱。")}
    simp = {e.text: (e.canonical, e.id) for e in _orgs("工行与建行、招行合作。中国工商银行的宇宙行之称。")}
    assert trad["工行"] == simp["工行"] == trad["宇宙行"] == trad["中國工商銀行"]
    assert trad["工行"][0] == "中国工商银行" and trad["工行"][1] is not None


def test_legal_form_suffix_links_to_the_institution() -> None:
    (org,) = [e for e in _orgs("中國工商銀行股份有限公司發布公告。") if e.text.startswith("中國工商銀行")]
    assert org.canonical == "中国工商银行" and org.id is not None


def test_in_document_alias_binds_later_mentions() -> None:
    text = "京東金融與瀚海控股集團有限公司(以下簡稱瀚海控股)簽署協議。瀚海控股表示，雙方將深化合作。"
    later = [e for e in _orgs(text) if e.text == "瀚海控股" and e.start > text.index("。")]
    assert later and later[0].canonical == "瀚海控股集团有限公司" and later[0].source == "alias"


def test_an_alias_names_every_mention_of_it_in_the_document() -> None:
    """The headline's mention comes before the declaration; the pattern finds the later ones itself."""
    text = "數融科技衝刺港股IPO\n11月22日，深圳數融科技股份有限公司（以下簡稱“數融科技”）遞交上市申請。數融科技營業收入為31.7億元。"
    mentions = [e for e in _orgs(text) if e.text == "數融科技"]
    assert len(mentions) == 3 and {e.canonical for e in mentions} == {"深圳数融科技股份有限公司"}


def test_a_declared_alias_beats_the_knowledge_base_s_reading_of_it() -> None:
    """證券及期貨事務監察委員會（證監會）: in this article 證監會 is Hong Kong's regulator, not the mainland's."""
    text = "證券及期貨事務監察委員會（證監會）昨日公布，已譴責滘朗證券有限公司。證監會同時禁止其前負責人員重投業界。"
    mentions = [e for e in _orgs(text) if e.text == "證監會"]
    assert len(mentions) == 2 and {e.canonical for e in mentions} == {"香港证券及期货事务监察委员会"}


def test_a_declared_short_form_restores_the_first_character_the_segmenter_cut_off() -> None:
    """翕|檀网络科技股份有限公司（以下简称翕檀科技）: 翕, read as a verb, opens both names."""
    text = "深交所上市公司翕檀网络科技股份有限公司（以下简称翕檀科技）持有珞笙支付有限公司100%股权。翕檀科技表示将继续支持。"
    names = {e.text: e.canonical for e in _orgs(text)}
    assert names.get("翕檀网络科技股份有限公司") == names.get("翕檀科技") == "翕檀网络科技股份有限公司"


def test_yangxing_in_a_taiwan_article_is_taiwan_s_central_bank() -> None:
    """央行 with 新台幣 and 金管會 around it is Taiwan's central bank; in a mainland article the People's Bank."""
    taiwan = "央行昨日宣布調升房貸成數限制，銀行房貸餘額達新台幣11.3兆元。"  # the currency alone says Taiwan
    assert {e.canonical for e in _orgs(taiwan) if e.text == "央行"} == {"台湾中央银行"}
    mainland = "央行宣布下调存款准备金率0.5个百分点，释放长期资金约1万亿元。"
    assert {e.canonical for e in _orgs(mainland) if e.text == "央行"} == {"中国人民银行"}


def test_products_and_nicknames_are_not_people() -> None:
    doc = finextract.extract("京東金融的白條和金條很受歡迎，宇宙行也推出了融e購。")
    people = {e.text for e in doc.entities if e.label == "PERSON"}
    assert not people & {"白條", "金條", "宇宙行", "融e購"}
    assert {"白條", "金條"} <= {e.text for e in doc.entities if e.label == "PRODUCT"}


def test_short_references_resolve_to_what_they_refer_to() -> None:
    doc = finextract.extract("中國工商銀行日前披露，該行信用卡用戶為1.25億人。京東金融副總裁陳嘉明出席。陳總表示，合作很順利。")
    refs = {e.text: e for e in doc.entities if e.source == "coreference"}
    assert refs["該行"].canonical == "中国工商银行" and refs["該行"].id is not None
    assert refs["陳總"].label == "PERSON" and refs["陳總"].canonical == "陈嘉明"
    quote = next(f for f in doc.facts if f.type == "quote")
    assert quote.args.speaker.canonical == "陈嘉明"


def test_a_bank_named_with_its_legal_form_is_what_gai_hang_refers_to() -> None:
    """该行 after 浙江苕溪农村商业银行股份有限公司: a bank, whatever its legal form (not the bank named before it)."""
    doc = finextract.extract("甬泽农商行排名第八。浙江苕溪农村商业银行股份有限公司挂牌上市，该行净息差为2.03%。")
    (ref,) = [e for e in doc.entities if e.source == "coreference"]
    assert ref.canonical == "浙江苕溪农村商业银行股份有限公司"


def test_ambiguous_short_reference_is_left_alone() -> None:
    doc = finextract.extract("京東金融副總裁陳嘉明與招商銀行行長陳明遠會面。陳總表示，合作很順利。")
    assert not any(e.source == "coreference" and e.text == "陳總" for e in doc.entities)


def test_the_company_whose_shares_are_traded_is_the_document_subject() -> None:
    """公司股份 in an announcement is the announcing company's stock, not the holder's."""
    text = "凌峰新材公告，控股股东北辰投资计划减持公司股份不超过1,260万股。凌峰新材表示，控制权不会变更。"
    refs = [e for e in finextract.extract(text).entities if e.source == "coreference" and e.text == "公司"]
    assert [e.canonical for e in refs] == ["凌峰新材"]
    fact = next(f for f in finextract.extract(text).facts if f.type == "ownership" and f.args.action and f.args.action.text == "减持")
    assert (fact.args.holder.canonical, fact.args.held.canonical, fact.modality) == ("北辰投资", "凌峰新材", "planned")


def test_the_company_before_a_stake_in_its_shares() -> None:
    text = "星耀医疗今日招股。招股书显示，星耀医疗创始人赵立新持有公司约32.6%的股份。"
    fact = next(f for f in finextract.extract(text).facts if f.type == "ownership")
    assert (fact.args.holder.text, fact.args.held.canonical, fact.args.stake.text) == ("赵立新", "星耀医疗", "约32.6%")


def test_a_company_mentioned_once_is_no_document_subject() -> None:
    doc = finextract.extract("北辰投资计划减持公司股份不超过1,260万股。")
    assert not [e for e in doc.entities if e.source == "coreference"]


def test_a_place_before_a_name_in_the_document_is_the_same_company() -> None:
    """香港宏汇证券 and 宏汇证券 in one article name one company."""
    text = "富华金控拟收购香港宏匯證券全部股份。宏匯證券去年稅後淨利為港幣3.2億元。"
    orgs = {e.text: e.canonical for e in finextract.extract(text).entities if e.label == "ORG"}
    assert orgs["香港宏匯證券"] == orgs["宏匯證券"] == "宏汇证券"
    alone = {e.text: e.canonical for e in finextract.extract("北京银行与招商银行签约。").entities if e.label == "ORG"}
    assert alone["北京银行"] != "银行"  # a place that is part of the only name stays


def test_the_company_after_an_announcement_is_the_announcer() -> None:
    """In a round-up of announcements, 公司 is the company whose announcement the sentence reports,
    not the company the page names most often."""
    text = (
        "明川药业公告，公司拟收购同源生物51%的股权。明川药业表示，交易尚需股东大会审议。\n"
        "蓝海物流（603055.SH）公告，公司第一大股东天正投资减持公司股份520万股。\n"
        "泰和电气（002899.SZ）12月1日晚间公告称，公司副总经理李海峰辞职。公司董事会同意聘任赵立群为副总经理。"
    )
    refs = [(e.start, e.canonical) for e in finextract.extract(text).entities if e.source == "coreference" and e.text == "公司"]
    assert [c for _, c in refs] == ["明川药业", "蓝海物流", "蓝海物流", "泰和电气", "泰和电气"]
    # a regulator's statement speaks of companies in general
    doc = finextract.extract("证监会公告，公司应当在三个交易日内披露。证监会表示，将加强监管。")
    assert not [e for e in doc.entities if e.source == "coreference"]


def test_the_declared_short_name_is_a_mention_itself() -> None:
    """（以下简称“恒信小贷”）: the short name in the declaration names the company, no part of it another."""
    text = "深圳恒信网络小额贷款有限公司（以下简称“恒信小贷”）已于11月中旬与北江银行终止合作。"
    orgs = [(e.text, e.canonical) for e in finextract.extract(text).entities if e.label == "ORG"]
    assert ("恒信", "恒信") not in orgs
    assert ("恒信小贷", "深圳恒信网络小额贷款有限公司") in orgs


def test_an_announcement_with_its_object_names_the_announcer() -> None:
    text = "华晨证券（601811.SH）12月8日晚间披露重组预案，公司拟通过发行A股股票的方式，换股吸收合并东方鼎证券。"
    refs = [e.canonical for e in finextract.extract(text).entities if e.source == "coreference"]
    assert refs == ["华晨证券"]


def test_an_announcement_with_an_adverb_names_the_announcer() -> None:
    text = "同日，青禾集团还披露，公司与丰泽能源、岭东电力等共同出资设立青川新能源有限公司。"
    refs = [e.canonical for e in finextract.extract(text).entities if e.source == "coreference"]
    assert refs == ["青禾集团"]


def test_a_financial_holding_by_its_short_form() -> None:
    """宏泰金 is how Taiwan news shortens 宏泰金控, before or after the full name."""
    text = "金控獲利出爐 宏泰金單月賺逾百億\n宏泰金控10月稅後純益為新台幣102.5億元。宏泰金控股東會將於明年召開。"
    ents = [(e.text, e.label, e.canonical) for e in finextract.extract(text).entities]
    assert ("宏泰金", "ORG", "宏泰金控") in ents
    assert not [e for e in ents if e[1] == "PERSON"]
    assert [e for e in ents if e[0] == "宏泰金"] == [("宏泰金", "ORG", "宏泰金控")]  # 宏泰金控股东会 is the full name


def test_a_sentence_opening_with_an_adverb_and_the_company_refers_to_the_announcer() -> None:
    """此前，公司拟…: a short lead before 公司 still opens the sentence with it."""
    text = "12月2日晚间，天元股份（600871.SH）披露了问询函回复公告。此前，公司拟以现金7.8亿元收购明远科技100%股权。"
    refs = [e.canonical for e in finextract.extract(text).entities if e.source == "coreference"]
    assert refs == ["天元股份"]
    facts = [f for f in finextract.extract(text).facts if f.type == "acquisition"]
    assert [(f.args.acquirer.canonical, f.args.target.canonical, f.modality) for f in facts] == [("天元股份", "明远科技", "planned")]


def test_the_announcer_carries_into_a_later_paragraph_that_opens_with_the_company() -> None:
    """公司 opening a later paragraph is still the announcer, unless another company comes first there."""
    text = (
        "天元股份（600871.SH）披露了问询函回复公告。\n问询函显示，明远科技的评估增值率较高。\n"
        "公司在回复中表示，明远科技拥有核心技术。公司董事会秘书吴佳怡对记者表示，交易将如期完成。"
    )
    doc = finextract.extract(text)
    assert [e.canonical for e in doc.entities if e.source == "coreference"] == ["天元股份", "天元股份"]
    assert ("吴佳怡", "天元股份") in {(f.args.person.text, f.args.org.canonical) for f in doc.facts if f.type == "role" and f.args.org}
    other = finextract.extract("天元股份（600871.SH）披露了公告。\n华工软件表示，公司将提起上诉。")
    assert not [e for e in other.entities if e.source == "coreference" and e.canonical == "天元股份"]


def test_a_date_lead_before_the_company_still_opens_the_sentence() -> None:
    """截至6月末，公司管理的…: a date before 公司 is a lead like 此前."""
    text = "华信信托在致投资者的函件中表示，公司已起诉鼎泰置业。截至6月末，公司管理的信托资产规模为2680亿元。"
    refs = [e.canonical for e in finextract.extract(text).entities if e.source == "coreference"]
    assert refs == ["华信信托", "华信信托"]


@pytest.mark.parametrize("lead", ["前三季度，", "今年上半年，", "投资方面，", "2024年，"])
def test_a_period_or_topic_lead_before_the_company_still_opens_the_sentence(lead: str) -> None:
    """前三季度，公司实现…: a period or a topic (投资方面) before 公司 is a lead like 此前."""
    text = f"安泰人寿11月8日公告称，公司偿付能力充足。{lead}公司实现保险业务收入386.5亿元。"
    refs = [e.canonical for e in finextract.extract(text).entities if e.source == "coreference"]
    assert refs == ["安泰人寿", "安泰人寿"]


def test_a_company_whose_report_shows_is_the_announcer() -> None:
    """安泰人寿三季度偿付能力报告显示，…公司…: the report is the company's, 公司 refers to it."""
    text = "安泰人寿三季度偿付能力报告显示，截至9月末，公司核心偿付能力充足率为142%。前三季度，公司实现保险业务收入386.5亿元。"
    refs = [e.canonical for e in finextract.extract(text).entities if e.source == "coreference"]
    assert refs == ["安泰人寿", "安泰人寿"]
    # another company's figures reported by a regulator's data are not the regulator's
    other = "国家金融监督管理总局数据显示，公司数量持续增加。"
    assert not [e for e in finextract.extract(other).entities if e.source == "coreference"]


def test_the_company_opening_a_paragraph_is_what_a_later_opening_company_refers_to() -> None:
    """匯豐科技原計劃…。公司去年收入…: 公司 opening a later sentence goes on with the company that opened the paragraph."""
    text = "匯豐科技原計劃發行2.5億股新股，集資最多18.75億港元。公司去年收入為12.3億港元，按年增長22%。"
    doc = finextract.extract(text)
    refs = [e for e in doc.entities if e.source == "coreference" and e.text == "公司"]
    assert [e.canonical for e in refs] == ["汇丰科技"]
    assert {f.args.subject.canonical for f in doc.facts if f.type == "metric" and f.args.metric.text == "收入"} == {"汇丰科技"}


def test_a_regulator_opening_a_paragraph_is_no_company_referred_to() -> None:
    doc = finextract.extract("证监会昨日发布新规。公司应当在三个交易日内披露。")
    assert not [e for e in doc.entities if e.source == "coreference"]


def test_a_latin_name_in_brackets_after_an_organization_is_its_foreign_name() -> None:
    doc = finextract.extract("呈請人為西灣機遇基金（Westbay Opportunities Fund），該基金持有優先票據。")
    latin = next(e for e in doc.entities if e.text == "Westbay Opportunities Fund")
    assert latin.label == "ORG"
    assert latin.canonical == next(e.canonical for e in doc.entities if e.text.endswith("西灣機遇基金"))


def test_the_company_of_an_officer_speaking_is_what_gong_si_refers_to() -> None:
    """X董事长Y在…时表示，公司与…: 公司 is the speaker's company, X."""
    doc = finextract.extract("拓峰新材董事长闵绍钧在接受记者采访时表示，公司与峦骏集团已于今年6月签署战略合作协议。")
    (ref,) = [e for e in doc.entities if e.source == "coreference"]
    assert ref.text == "公司" and ref.canonical == "拓峰新材"


def test_a_latin_word_in_brackets_after_a_common_noun_is_no_person() -> None:
    doc = finextract.extract("溯帆支付已獲得新加坡金融管理局頒發的主要支付機構牌照（Major Payment Institution Licence）。")
    assert "Major" not in {e.text for e in doc.entities if e.label == "PERSON"}


def test_a_listed_company_announcing_after_its_exchange_is_what_gong_si_refers_to() -> None:
    """深交所创业板上市公司X（X简称）昨晚公告，控股股东Y…其所持公司股份: 公司 is X, not its holder Y,
    even where Y is named more often."""
    text = (
        "深交所創業板上市公司穗岑新材料股份有限公司（穗岑新材）昨晚公告，控股股東穗岑控股集團有限公司（穗岑控股）累計質押其所持公司股份約2.14億股。"
        "穗岑控股目前持有公司約2.39億股。穗岑控股擬減持。"
    )
    doc = finextract.extract(text)
    refs = [e for e in doc.entities if e.source == "coreference" and e.text == "公司"]
    assert len(refs) == 2 and {e.canonical for e in refs} == {"穗岑新材料股份有限公司"}


def test_a_holding_short_form_is_no_part_of_a_longer_word() -> None:
    """璟昕金 (short for 璟昕金控) is not read inside 璟昕金融控股股份有限公司, the full name it abbreviates."""
    doc = finextract.extract("璟昕金融控股股份有限公司（以下簡稱璟昕金控）今（13）日召開董事會。璟昕金今年獲利創新高。")
    orgs = [(e.text, e.canonical) for e in doc.entities if e.label == "ORG"]
    assert orgs[0] == ("璟昕金融控股股份有限公司", "璟昕金融控股股份有限公司")
    assert ("璟昕金", "璟昕金融控股股份有限公司") in orgs


def test_a_declared_short_form_replaces_a_shorter_name_inside_it() -> None:
    """蓼川银行 declared as the short form: a later 蓼川银行 is that bank, not a pattern's 川银行."""
    doc = finextract.extract("蓼川银行股份有限公司（以下简称“蓼川银行”）发布公告。蓼川银行方面，一年期定期存款利率同样下调10个基点。")
    orgs = [(e.text, e.canonical) for e in doc.entities if e.label == "ORG"]
    assert ("蓼川银行", "蓼川银行股份有限公司") in orgs[2:] and not any(t == "川银行" for t, _ in orgs)


def test_a_short_form_in_bare_brackets_is_declared() -> None:
    """宸磊行動支付股份有限公司（宸磊支付）: a later 宸磊支付 is that company; （香港） after a bank is no short form."""
    doc = finextract.extract("排名第三的繽采電子支付（繽采電支）市占率約17%。另一方面，繽采電支今日公告，董事長蕭啟銘請辭。")
    orgs = [(e.text, e.canonical) for e in doc.entities if e.label == "ORG"]
    assert orgs.count(("繽采電支", "缤采电子支付")) == 2
    doc = finextract.extract("翠麟銀行（香港）今日宣布加息。")
    assert not any(e.text == "香港" and e.canonical == "翠麟银行" for e in doc.entities)


def test_a_long_short_form_in_the_headline_before_its_declaration() -> None:
    """陇垣资产 in the headline is the company the body declares with that short form."""
    doc = finextract.extract("陇垣资产与祁钧钢铁签署债转股协议\n\n甘肃陇垣资产管理股份有限公司（以下简称“陇垣资产”）与河西祁钧钢铁集团有限公司（以下简称“祁钧钢铁”）签署协议。")
    first = [e for e in doc.entities if e.end <= 8]
    assert [(e.text, e.canonical) for e in first if e.label == "ORG"][0] == ("陇垣资产", "甘肃陇垣资产管理股份有限公司")


def test_words_glued_before_a_declared_short_form_are_no_part_of_the_name() -> None:
    """已代表|瓚暉信託, 交易可令|瓚暉信託: the segmenter glues a verb to a rare name; the declared short form wins."""
    text = "瓚暉產業信託（下稱「瓚暉信託」）公布，管理人已代表瓚暉信託簽訂協議。她預計，交易可令瓚暉信託明年分派增加約2.1%。"
    orgs = {e.text for e in _orgs(text)}
    assert "瓚暉信託" in orgs and not {"代表瓚暉信託", "交易可令瓚暉信託", "可令瓚暉信託"} & orgs


def test_a_place_before_a_short_form_keeps_its_name() -> None:
    """深圳数融科技: a place before the short form is part of another company's name."""
    text = "北京数融科技股份有限公司（以下简称“数融科技”）与深圳数融科技有限公司签署协议。"
    assert "深圳数融科技有限公司" in {e.text for e in _orgs(text)}


def test_a_word_ending_before_a_declared_name_is_cut_off_it() -> None:
    """的管理|人瓚暉資產管理有限公司（下稱「瓚暉資管」）: 管理人 is a word, its 人 is no part of the name."""
    text = "瓚暉產業信託的管理人瓚暉資產管理有限公司（下稱「瓚暉資管」）昨晚公布業績。"
    orgs = {e.text for e in _orgs(text)}
    assert "瓚暉資產管理有限公司" in orgs and "人瓚暉資產管理有限公司" not in orgs


def test_a_short_form_declared_after_the_stock_code() -> None:
    """（股份代號：2869，下稱「瓚暉信託」）: the code first, then the declaration."""
    text = "瓚暉產業信託（股份代號：2869，下稱「瓚暉信託」）公布。她預計，交易可令瓚暉信託明年分派增加約2.1%。"
    later = [e for e in _orgs(text) if e.start > text.index("。")]
    assert [(e.text, e.canonical) for e in later] == [("瓚暉信託", "瓒晖产业信托")]
