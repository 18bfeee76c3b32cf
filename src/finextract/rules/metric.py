"""Metric rules: a figure and the metric it measures.

* ``metric.noun_figure``  — 坏账率不超过0.3%; 工行的信用卡用户为1.25亿人 (subject 工行);
  单月现金贷款总额近100亿 (period 单月); 获客成本降低了40% (direction down).
* ``metric.change_of_previous`` — 不良贷款率为1.52%，较年初下降0.01个百分点: a change
  with no metric noun of its own measures the metric named just before it.
* ``metric.level_of_previous`` — 加权指数下跌85.32点，收在17,523.61点: where the metric named
  just before closed.
* ``metric.level_after_change`` — 不良贷款率下降0.3个百分点至1.52%: the level a change ends at,
  beside the change (which keeps it as ``new_value``).
* ``metric.from_to`` — 注册资本由15亿元增加至30亿元: the level the metric moved to, with
  where it came from as the basis (由15亿元).
* ``metric.respectively`` — 2025年、2026年和2027年归母净利润分别为168.5亿元、186.2亿元和205.7亿元:
  each listed figure measures the metric; listed periods pair up with them.
* ``metric.per_shares`` — 每10股派发现金红利8元: a dividend on a number of shares; the metric is
  written with its base (每10股派发现金红利), so 8元 is never read as a per-share amount.
* ``metric.figure_of_noun`` — 拟发行不超过60亿元的二级资本债券; 完成了5亿元的C轮融资: an
  amount of money before 的 measures the noun phrase after it; a percentage only a magnitude
  (约23%的上涨空间), not a share (超过90%的业务).  Right after a verb of issuing or raising
  (发行, 募集, 获得 …) the amount needs no 的 (拟发行不超过300亿元无固定期限资本债券).

A change carries its ``direction``, its ``basis`` (同比, 较年初 …) and, when
written, the level it ends at (``下降0.3个百分点至1.52%`` → ``new_value`` 1.52%).
A change after an earlier level written as its basis (``较去年同期的2.43亿港元收窄23.5%``)
belongs to the metric named before, like one after a comma.

Between the metric noun and the figure only linking words may stand (为, 达到,
高达, 较年初下降 …).  The metric is at most five tokens and never crosses an
entity, and stops at a linking or modality word (预计), at a locative (一年内)
and at an institution that owns the metric (银行业金融机构|本外币资产总额); a
reporting phrase (归属于上市公司股东的净利润) and a duration (13个月保单继续率)
written right before it belong to it.
The subject is the organization right before the metric (the first one in
``A在B的持股比例``), else the clause's topic for 其, else the organization
该行/该公司 refers to, else the sentence's first organization that no
preposition governs.  A target price (目标价) is the covered company's, the one
after 对/给予/维持 (维持对宁海银行的“买入”评级), unless a company stands right before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from operator import itemgetter
from typing import Iterator, Sequence

from ..facts import MetricArgs
from ..han import HAN
from ..spans import Entity, Figure, Period
from .base import PUBLISHES, PUBLISHES_STATISTICS, Placed, SentenceView, past_declaration, short_form_closing_at
from .relations import MOVE_TO, RELATED_AFTER, clause_bounds, sentence_end

_LINKS = frozenset(
    "为 是 达 达到 高达 突破 力争 约 约为 超 超过 已 已经 了 共 共计 合计 合共 仅 仅为 分别 分别为 在 有 都 均 也 就 则 可能 大约 将 较 比 上 "
    "增长 成长 上升 提高 增加 上涨 升至 增至 提升 回升 攀升 升 增厚 扩大 上调 调升 调高 摊薄 下降 降低 减少 下滑 回落 降至 减至 降 下跌 下调 调降 调低 收窄 跌 同比 环比 按年 按季 按月 增幅 降幅 "
    "年增 年减 月增 月减 季增 季减 "
    "季末 年初 年末 月末 上季末 上年末 去年 上年 同期 上年同期 去年同期 年内 拟以 以 拟 计划 预计 仍 仍为 仍然 依然 依旧 至 报 收报 收于 收在 终场 介乎 介于 每股 "
    "维持 维持在 保持 保持在 估计 预估 可 可望 可达 有望 累计 或 或将".split()
)
_UP = frozenset("增长 成长 上升 提高 增加 上涨 升至 增至 提升 回升 攀升 升 增厚 扩大 上调 调升 调高 增幅 年增 月增 季增".split())
_DOWN = frozenset("下降 降低 减少 摊薄 下滑 回落 降至 减至 降 下跌 下调 调降 调低 收窄 跌 降幅 年减 月减 季减".split())
_NOUN_POS = frozenset({"n", "vn", "nz", "l", "j", "an", "ng"})
_MODIFIER_POS = _NOUN_POS | {"a", "b", "h", "k", "unk", "eng"}
"""Tags of words that may open a metric's name before its head (h: a prefix, 非|货币基金|规模; eng: IPO|承销金额)."""
_MODIFIER_WORDS = frozenset("每股 联合 存续 收购 累计 户均 人均 单位 年 年度 募集 归母 签约 普惠型 索赔 赔偿 交易 股 罚没 注册 配置 涉案 回购 质押 冻结 限售 税后 税前 认购 申购 成交 发行 融资 承销 总 新增 首 首期 首批 首笔 首日 分红 促成 求偿 保证 类 逾期 剩余 受限 赞成 反对 兑付 未偿 到期 应付 应收 代收付 代收 各项 执行 购置 新承作 承作 可疑 登记 参与 转帐 转账 放款 承贷 持股 准入 处置 主办 孖展 初始 美元 港元 欧元 日元".split())
_BANK_KINDS = frozenset("农商 城商 村镇 农村商业 城市商业".split())
"""Words before 银行 that make a kind of bank (农商|银行), which owns a metric rather than names it."""
_MEANS = frozenset("方式 途径 形式".split())
"""Nouns of means that end a phrase before the metric (通过核销、转让和证券化等方式累计处置不良资产)."""
_PRODUCT_MEASURES = frozenset("档 只 支 款".split())
_POINTING = tuple("该此这每首一两")
"""Measure words for products after a determiner or a count (该档|ETF募集目标): which product, no part of the metric."""
_PRODUCT_WORDS = frozenset("App APP app ETF".split())
"""Latin words naming a product before the metric (骎程|App|注册用户): the product referred to (IPO|承销件数 keeps its word)."""
_HAS_NOW = frozenset("现有 原有 已有 拥有".split())
"""Verbs of having before a count (澐嶠銀行現有|零售客戶約180萬名): no part of the metric's name."""
_HOLDERS = frozenset("辖内 农商行 信托公司 证券公司 基金公司 理财公司 金融机构 机构 业者 银行业 本国银行 银行业金融机构 寿险业 产险业 保险业 证券业 基金业 信托业 上市公司 商业银行 大型商业银行 公司 集团 本集团 本行 本公司 分行 支行 总行 同类产品 该产品 系统 全系统".split())
"""Institutions before a metric own it, they do not name it (银行业金融机构|本外币资产总额); so does a product
referred to (同类产品|募集规模, 该|产品|募集规模: see ``_REFERRED``)."""
_REFERRED = frozenset("该 相关 上述 此 这 这些 该类 此类 同类".split())
"""Words before 产品 that refer to a product named elsewhere (相关|产品|权益类资产投资比例): it owns the metric;
a kind of product stays in the name (净值型|产品|占比, 理财产品存续规模)."""
_OWNED_BY = re.compile(r"(?:归属于|归属|归于)[^，,。；;：:、\s]{1,12}的$|(?:股东|拥有人|权益持有人)应占$")
"""归属于上市公司股东的净利润, 股东应占净利润 (Hong Kong): a reporting phrase right before the noun is part of the metric's name."""
_SHARE_OF = ("占", "占到", "约占", "占据")
_SHARE_HEADS = ("比重", "比例", "占比")
_SHARE_OWNER = re.compile(r"(?:(?<![" + HAN + r"])|(?<=[将把]))[" + HAN + r"]{2,10}占[" + HAN + r"]{2,10}的$")
"""A占B的 before a share's head (手续费收入占营业收入的比重), opening its clause."""
_INSTRUMENT = re.compile(r"(?:(?<!处)以|用|动用|使用)(?:自有|自筹|募集|闲置)?$")
_ABBREVIATION = re.compile(r"[（(][A-Za-z0-9]{1,8}[）)]$")
_NOTE = re.compile(r"[（(](?!以下|简称|下称|下文)[" + HAN + r"0-9A-Za-z ]{2,16}[）)]$")
"""A note in brackets between a metric and its figure (拖欠比率（拖欠三个月以上）为0.14%, 收入费率（即take rate）为3.46%):
no part of the name."""
"""An abbreviation in brackets right before ``end``: （M2）, (LPR)."""
_UPPER_HEAD = re.compile(r"[A-Z][A-Z0-9]{1,5}")
"""An upper-case abbreviation can be a metric's noun: LPR, GDP, CPI, M2, ROE."""
_CHANGE_BEFORE = re.compile(r"(下调|调降|调低|上调|调升|调高)[^，,。；;：:]{0,8}$")
_CUTS = frozenset({"下调", "调降", "调低"})
_TIME_REFERENCE = ("前", "后", "近", "过去", "未来", "最近")
_LOCATIVES = frozenset("内 中 后 前 里 外 间".split())
_PERIOD_NOUNS = ("年度", "季度", "财年")
_YIELD_VERBS = frozenset("贡献 实现 录得 带来 创造".split())
_NOT_METRIC_HEADS = frozenset("原因 因素 缘故 影响 另有 还有".split())
"""Nouns before a figure that name no measure: a reason (因派息等原因下调至…) or other members (另有三家)."""
"""Verbs between a company and the metric it yields (东华期货公司可贡献净利润约2.4亿元)."""
_YIELDS = re.compile(r"(?:可|将|能|可以|预计)?(?:" + "|".join(sorted(_YIELD_VERBS)) + ")$")
_SKIP_POS = frozenset({"d", "ul", "uz", "ug", "t"})
_ANAPHORA = ("该行", "该公司", "该集团", "其", "公司", "集团")
_METRIC_KINDS = frozenset({"money", "percent", "percentage_point", "basis_point", "number", "quantity", "ratio"})
_DURATION_UNITS = frozenset("天 日 年 个月 月 周 小时 分钟 秒".split())
_SCALE_CHARS = frozenset("万亿兆千百")


def _metric_figure(figure: Figure, written: str) -> bool:
    """Figures that can be a metric's value.

    Durations (三年, 100天), counts of a named thing (400多家银行: the counted noun
    is the subject, not a metric), 一 before a measure word (另一家: an article)
    and bare small numbers (世界500强) are not.
    ``written`` is the figure's working text, so both scripts decide alike.
    """
    if figure.kind not in _METRIC_KINDS:
        return False
    if figure.kind == "quantity" and (figure.counted or figure.unit in _DURATION_UNITS):
        return False
    if figure.kind == "quantity" and written.startswith("一") and figure.value == 1:
        return False  # 另一家, 一笔: an article, not a count
    if figure.kind == "number" and not (_SCALE_CHARS & set(written)) and figure.qualifier == "exact":
        return False
    return True


_GLUED_LINKS = frozenset("为达约")
_NOUN_TAILS = frozenset("额量数")
"""Characters that close a noun (签账额, 交易量, 人数) when jieba glued them to a qualifier (额约)."""


_HAN_WORD = re.compile(r"[" + HAN + r"]+")


def _split_tokens(view: SentenceView) -> SentenceView:
    """Cut tokens that cross a figure boundary (总额近|100亿: jieba glued 近 to the noun) and a link
    word off a new word right before a figure (值为|7.85亿元); join a lone 率 to the word before it (成本|率: a ratio's name)."""
    if not view.figures:
        return view
    cuts = sorted({p for s, e, _ in view.figures for p in (s, e)})
    tokens = []
    for start, end, tag in view.tokens:
        if tag == "v" and view.text[start:end] == "率" and tokens and tokens[-1][1] == start and _HAN_WORD.fullmatch(view.text, tokens[-1][0], start):
            # 成本|率, 违约|率: jieba reads 率 as the verb 率领; with the word before it, it is a ratio's name
            tokens[-1] = (tokens[-1][0], end, "n")
            continue
        inner = cuts[bisect_right(cuts, start) : bisect_left(cuts, end)]
        if not inner and tag == "unk" and end - start >= 3 and end in cuts and view.text.endswith("可达", 0, end):
            tokens += [(start, end - 2, "n"), (end - 2, end - 1, "v"), (end - 1, end, "p")]  # 持卡人|数可达|约15万名
            continue
        if not inner and tag == "unk" and end - start >= 2 and end in cuts and view.text[end - 1] in _GLUED_LINKS:
            tokens += [(start, end - 1, "n"), (end - 1, end, "p")]  # 评估|值为|7.85亿元: jieba's new word holds the link
            continue
        if not inner:
            tokens.append((start, end, tag))
            continue
        for a, b in zip([start, *inner], [*inner, end]):
            if b - a == 1 and view.text[a] in _NOUN_TAILS and tokens and tokens[-1][1] == a and _HAN_WORD.fullmatch(view.text, tokens[-1][0], a):
                tokens[-1] = (tokens[-1][0], b, "n")  # 签账|额约|1,150亿港元: 额 closes the noun before it
                continue
            # 三年|期: the tenor's 期 after a duration names the product with it (三年期定期存款利率)
            tokens.append((a, b, "n" if view.text[a:b] == "期" else tag))
    return replace(view, tokens=tuple(tokens))


_BASIS = re.compile(
    r"同比|环比|按年|按季|按月|年增|年减|月增|月减|季增|季减|较(?:上年同期|去年同期|(?:上年度|上季度|上年|去年|前年|上季|上月)(?:末|底|初)?"
    r"|年初|年末|上期|此前|(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?:末|底|初)|[一二三四1-4]季度(?:末|底)?|[^，,。；;]{0,6}(?:合并|调整|重组|上市|改革|整合)前(?:的平均水平)?)|比(?:上年|去年)(?:末|底|初)?"
)
_TO = ("至", "到")
_STAKE_AFTER = re.compile(r"的?(?:股权|股份|权益)")
_HYPOTHETICAL = re.compile(r"如果|假如|倘若|若是|要是|一旦|假设(?![下条前])|如能|若能|(?:^|(?<=[，,；;：:]))若(?![干按])")
"""A condition before the figure (如果…合并，…; Hong Kong's and Taiwan's 若 opening a clause: 若全港零售银行都加入，…; not
若按…计算, a basis the figure is computed on, nor 假设下, a premise)."""
_NEGATED = re.compile(r"(?:并未|并没有|从未|未曾)[^，,。；;]{0,12}$")
"""A negation in the figure's clause before it (公司并未保证年化配息率达8%): no level is reported."""
_QUESTIONED = re.compile(r"是否|会否|能否|可否|会不会|有没有")
"""A question in the figure's clause before it (明年是否会发行不超过40亿元的…): no level is reported."""


def _asked(text: str, pos: int) -> bool:
    """Whether the sentence part holding ``pos`` ends with a question mark (…将派息比率降至30%？)."""
    end = sentence_end(text, pos)
    return text.startswith(("？", "?"), end) and _QUESTIONED.search(text, 0, end) is not None


def _new_value(view: SentenceView, f_end: int) -> tuple[int, Figure] | None:
    """``下降0.3个百分点至1.52%``: the figure after 至/到 right behind a change."""
    if not view.text.startswith(_TO, f_end):
        return None
    return next(((s, f) for s, _, f in view.figures if s == f_end + 1), None)


def metric_rules(view: SentenceView, regulators: Sequence[str] = ()) -> Iterator[tuple[str, str, float, MetricArgs]]:
    """Metric facts in one sentence; a supervisor (a name ending in one of ``regulators``) that acts
    on a company named after 对 leaves the fines and sums of its decision to that company."""
    for fact_type, rule, confidence, args in _metric_facts(view):
        punished = _punished(view, args, tuple(regulators)) if regulators and args.subject is not None else None
        if punished is None and regulators and _publishing_supervisor(view, args, tuple(regulators)):
            args = args.model_copy(update={"subject": None})  # 金管局昨日公布，…拖欠比率为0.14%: the market's figure
        yield fact_type, rule, confidence, (args if punished is None else args.model_copy(update={"subject": punished}))


def _publishing_supervisor(view: SentenceView, args: MetricArgs, regulators: tuple[str, ...]) -> bool:
    """Whether the subject is a supervisor whose publication opens the sentence (金管局昨日公布，…): the
    figures it reports are the market's, not its own."""
    subject = args.subject
    if subject is None or not (getattr(subject, "canonical", "") or "").endswith(regulators):
        return False
    s_end = next((e for s, e, ent in view.entities if ent is subject), None)
    return s_end is not None and PUBLISHES.match(view.text, past_declaration(view, s_end)) is not None


_CAUSE = re.compile(r"(?:才|已|曾|亦|也|则|均)?因")
"""因 after a company, maybe after an adverb (璈堤银行才因…，遭金管会核处罚锾…)."""


def _punished(view: SentenceView, args: MetricArgs, regulators: tuple[str, ...]) -> Entity | None:
    """The company or person after 对 or 责令 between a supervisor subject and the metric (证监会决定对衡远证券
    责令改正…，罚没金额合计约3,709.5万元: the broker's), or the one named last before 对其 (…谴责滘朗证券并对其罚款),
    if the subject is a supervisor."""
    subject = args.subject
    name = getattr(subject, "canonical", "") or ""
    if not name.endswith(regulators):
        return None
    work = view.doc.work
    m_start = work.to_norm(args.metric.start, args.metric.end)[0] - view.base
    s_end = next((e for s, e, ent in view.entities if ent is subject), None)
    if s_end is None:
        return None
    after_dui = next((ent for s, _, ent in view.entities if s_end <= s < m_start and ent.label in ("ORG", "PERSON") and view.text.endswith(("对", "责令"), 0, s)), None)
    if after_dui is not None:
        return after_dui
    cause = next(
        (ent for s, e, ent in view.entities if s_end <= s < m_start and ent.label in ("ORG", "PERSON") and _CAUSE.match(view.text, past_declaration(view, e))),
        None,
    )
    if cause is not None:
        return cause  # 金管会…宣布，湛旻电子支付股份有限公司（以下简称湛旻支付）因…，核处新台币1,200万元罚锾
    qi = view.text.find("对其", s_end, m_start)
    if qi < 0:
        return None
    # 已谴责滘朗证券有限公司（滘朗证券）并对其罚款: 其 is the company named last before it
    return next((ent for s, e, ent in reversed(view.entities) if s_end <= s and e <= qi and ent.label in ("ORG", "PERSON")), None)


def _metric_facts(view: SentenceView) -> Iterator[tuple[str, str, float, MetricArgs]]:
    """Metric facts in one sentence (see the module docstring)."""
    view = _split_tokens(view)
    previous: tuple[int, int] | None = None
    reported: list[tuple[int, int]] = []  # the metrics whose levels the sentence gave, in order
    consumed: set[int] = set()
    for f_start, f_end, figure in view.figures:
        if f_start in consumed:
            continue  # the new value of a change already reported
        c_start = clause_bounds(view.text, f_start, f_start)[0]
        if _QUESTIONED.search(view.text, c_start, f_start) or _NEGATED.search(view.text, c_start, f_start) or _asked(view.text, f_end):
            continue
        if figure.kind == "quantity" and figure.counted and _RECEIVED.search(view.text, max(0, f_start - 6), f_start):
            # 已接获逾3,200宗索偿: a count after a verb of receiving or handling measures the noun after it
            found = _figure_of_noun(view, f_start, f_end, figure) if not _HYPOTHETICAL.search(view.text, 0, f_start) else None
            if found is not None:
                yield found
            continue
        if figure.kind == "quantity" and figure.unit in _PEOPLE_UNITS and _HAVING.search(view.text, max(0, f_start - 4), f_start):
            # 拥有逾280万名活跃用户: a count of people measures the noun after it (a counted noun or not)
            found = _figure_of_noun(view, f_start, f_end, figure) if not _HYPOTHETICAL.search(view.text, 0, f_start) else None
            if found is not None:
                yield found
                continue
        if not _metric_figure(figure, view.text[f_start:f_end]):
            continue
        if _HYPOTHETICAL.search(view.text, 0, f_start):
            continue  # 如果…合并，新公司的总资产将超过3000亿元 is not a reported level
        if figure.kind == "money" and _AT_PRICE.search(view.text, max(0, f_start - 8), f_start) and _DEAL_AFTER.match(view.text, f_end):
            continue  # 将所持股份以新台币18亿元出售给…: the price of a deal, which the relation rules keep as its value
        if figure.kind in ("percent", "ratio") and _STAKE_AFTER.match(view.text, f_end):
            continue  # 收购瀚海能源70%股权: the stake of a deal, which the relation rules keep
        moved = _from_to(view, f_start, f_end)
        if moved is not None:
            fact, to_start, span = moved
            consumed.add(to_start)
            previous = span
            yield fact
            continue
        if view.text.startswith("的", f_end):
            # 发行60亿元的二级资本债券: an amount measures the noun after it; a
            # percentage only a magnitude (约23%的上涨空间): 超过90%的业务 is a share
            found = _figure_of_noun(view, f_start, f_end + 1, figure)
            if found is not None:
                yield found
            if found is not None or figure.kind != "money" or _metric_noun(view, f_start) is None:
                continue
            # 每月保费低至38港元的意外保障计划: no noun phrase after 的, the noun right before names the amount
        if figure.kind == "money" and _ISSUED.search(view.text, max(0, f_start - 3), f_start):
            # 拟发行不超过300亿元无固定期限资本债券: without 的, right after a verb of issuing
            found = _figure_of_noun(view, f_start, f_end, figure)
            if found is not None:
                yield found
                continue
        links_start, direction = _skip_links(view, f_start)
        span = _metric_noun(view, links_start)
        ranked = _RANKED_BEFORE.search(view.text, max(0, links_start - 8), links_start) if span is None else None
        if ranked is not None:
            span = _metric_noun(view, ranked.start())  # 资产规模最大，达3200多亿元: the metric before the rank
        rule = "metric.noun_figure"
        per_shares = _PER_SHARES.search(view.text, max(0, f_start - 16), f_start) if figure.kind == "money" else None
        if per_shares is not None:
            span, rule = per_shares.span(), "metric.per_shares"
        if span is not None and previous is not None and view.text[span[0] : span[1]] in _GROWTH_RATES and _after_comma(view, span[0]):
            # 房贷余额约8,650亿元，年增率达11.2%: the rate opening the clause is the level's change
            span, rule, direction = previous, "metric.change_of_previous", "down" if figure.value < 0 else "up"
        elif span is None and direction is not None and previous is not None and (
            _after_comma(view, links_start) or _after_earlier_level(view, previous[1], links_start)
        ):
            span, rule = previous, "metric.change_of_previous"
        elif span is None and previous is not None and _after_comma(view, links_start) and _CLOSED_AT.search(view.text, links_start, f_start):
            span, rule = previous, "metric.level_of_previous"  # 加权指数下跌85.32点，收在17,523.61点
        if span is None:
            continue
        if "分别" in view.text[links_start:f_start]:
            listed = _listed_figures(view, f_start)
            consumed.update(s for s, _ in listed[1:])
            if rule == "metric.change_of_previous" and len(listed) == len(reported) > 1:
                yield from _respective_changes(view, reported, listed, direction, _BASIS.search(view.text, links_start, f_start))
                continue
            yield from _respectively(view, span, listed)
            previous = span
            continue
        if _INSTRUMENT.search(view.text, max(0, span[0] - 6), span[0]):
            continue  # 拟以自有资金6亿元向子公司增资: the money pays for something, it measures nothing
        if view.text.endswith(_SHARE_OF, 0, span[0]) and not view.text.endswith(_SHARE_HEADS, 0, span[1]):
            continue  # 占金控获利逾五成: a share of the metric, not its level (占企业放款比重逾六成三 names the share)
        if direction is None:
            # 下调金融机构存款准备金率0.5个百分点: the change verb stands before the metric
            before = _CHANGE_BEFORE.search(view.text, max(0, span[0] - 10), span[0])
            direction = None if before is None else ("down" if before.group(1) in _CUTS else "up")
        previous = span
        if rule == "metric.noun_figure" and direction is None and span not in reported:
            reported.append(span)
        subject, subject_conf = _subject(view, span[0])
        if view.text[span[0] : span[1]] in _COVERED_METRICS and subject_conf < 1.0:
            subject, subject_conf = _covered_company(view) or (subject, subject_conf)
        period = _period_before(view, span[0])
        if rule == "metric.change_of_previous":
            # …年增率为1.92%，明年可望降至1.7%左右: a period in the change's own clause dates it (not one in its
            # basis: 较年初, 较去年同期)
            compared = _BASIS.search(view.text, span[1], f_start)
            own = [
                p for s, e, p in view.periods
                if span[1] <= s and e <= f_start and p.kind != "relative" and _dating(view, (s, e, p))
                and not (compared and compared.start() <= s < compared.end()) and not view.text.endswith(("较", "比"), 0, s)
            ]
            period = own[-1] if own else period
        basis = new_value = None
        if direction is not None:
            found = _BASIS.search(view.text, span[1], f_start)
            basis = view.text_span(*found.span()) if found else None
            after = _new_value(view, f_end)
            if after is not None:
                consumed.add(after[0])
                new_value = after[1]
        args = MetricArgs(
            subject=subject,
            metric=view.text_span(*span),
            value=figure,
            period=period,
            direction=direction,
            basis=basis,
            new_value=new_value,
        )
        yield "metric", rule, round(0.6 + 0.25 * subject_conf, 2), args
        if new_value is not None:
            # 下降0.3个百分点至1.52%: the level reached is the metric's level too, as one written before a change is
            level = MetricArgs(subject=subject, metric=args.metric, value=new_value, period=period)
            yield "metric", "metric.level_after_change", round(0.6 + 0.25 * subject_conf, 2), level


_AFTER_DE_POS = _MODIFIER_POS | {"eng", "zg"}
"""Tags of the words of a noun phrase after 的 (C|轮|融资: a letter and a bound morpheme may open it)."""


_MAGNITUDES = tuple(sorted("上涨空间 下跌空间 上行空间 下行空间 溢价 折价".split(), key=len, reverse=True))
"""Nouns a percentage before 的 measures (有约23%的上涨空间, 有35%的溢价)."""


_RECEIVED = re.compile(r"(?:接获|接到|收到|受理|处理|审结|办结)(?:了|超过|超|逾|近|约)?$")
"""Verbs after which a count of things measures the noun after it (接获逾3,200宗索偿, 受理投诉1.2万件)."""
_PEOPLE_UNITS = frozenset("名 人 户 位".split())
_HAVING = re.compile(r"(?:拥有|现有|服务|覆盖|吸引|积累|累计服务|新增)(?:了|超过|超|逾|近|约)?$")
"""Verbs after which a count of people measures the noun after it (拥有逾280万名活跃用户)."""


def _figure_of_noun(view: SentenceView, f_start: int, pos: int, figure: Figure) -> tuple[str, str, float, MetricArgs] | None:
    """``metric.figure_of_noun``: the noun after 的 at ``pos`` that the figure at ``f_start`` measures —
    any noun phrase for an amount of money, only a magnitude for a percentage.

    >>> # 该行拟发行不超过60亿元的二级资本债券 → 二级资本债券 = 不超过60亿元
    >>> # 完成了5亿元的C轮融资 → C轮融资 = 5亿元; 提供不超过200亿元的综合授信 → 综合授信
    >>> # 有约23%的上涨空间 → 上涨空间 = 约23%; 超过90%的业务 → nothing (a share)
    """
    if figure.kind in ("money", "quantity"):
        end = _noun_phrase_end(view, pos)
    else:
        noun = next((m for m in _MAGNITUDES if view.text.startswith(m, pos)), None) if figure.kind == "percent" else None
        end = pos + len(noun) if noun else None
    if end is None:
        return None
    subject, subject_conf = _subject(view, f_start)
    args = MetricArgs(subject=subject, metric=view.text_span(pos, end), value=figure, period=_period_before(view, pos))
    return "metric", "metric.figure_of_noun", round(0.55 + 0.25 * subject_conf, 2), args


_DEAL_PAPERS = frozenset("合同 协议 订单 合约 框架协议 意向书".split())
_NEGATING_PREFIXES = frozenset("无 非 不".split())
"""Words that open a noun phrase as a modifier (无|固定期限资本债券, 非|公开发行股票)."""
_AT_PRICE = re.compile(r"(?:以|斥资|斥)(?:现金|人民币|新台币|港币|港元|美元|总价|合计|每股)?(?:约|共|合计|不超过|不低于)?$")
_DEAL_AFTER = re.compile(r"(?:的)?(?:价格|对价|总价|价款)?[^，,。；;]{0,10}?(?:出售|转让|收购|认购|购买|受让|出让|卖给|售予|增资|入股|竞得)")
"""An amount after 以 and before a deal verb is the deal's price (以6.3亿元的价格转让给…), no company's metric."""
_ISSUED = re.compile(r"(?:发行|募集|募资|获得|取得|完成|计提|提供|发放|新增|中标|斩获|核处|处以|裁处|开出)$")
"""Verbs after which an amount measures the noun phrase that follows it, 的 or not."""


def _noun_phrase_end(view: SentenceView, pos: int) -> int | None:
    """Where the noun phrase starting at ``pos`` ends (at most 12 characters), or ``None`` if there is none."""
    end = None
    tokens = [t for t in view.tokens if t[1] > pos]
    for k, (start, stop, tag) in enumerate(tokens):
        if start < pos or stop - pos > 12:
            break
        word = view.text[start:stop]
        if _inside_entity(view, start, stop) or _in_period(view, start, stop) or word in _LINKS:
            break
        if tag.startswith("v") and end is not None and (k + 1 == len(tokens) or tokens[k + 1][2] == "x"):
            return stop  # 综合|授信。: a verb closing the phrase is its noun
        if tag.startswith("v") and end is not None and k + 1 < len(tokens) and view.text[tokens[k + 1][0] : tokens[k + 1][1]] in _DEAL_PAPERS:
            continue  # 设备|采购|合同: a verb inside the name of a contract
        if tag not in _AFTER_DE_POS and not (k == 0 and word in _NEGATING_PREFIXES):
            break
        if tag in _NOUN_POS or word in _DEAL_PAPERS:
            end = stop
    return end


_PER_SHARES = re.compile(r"每\s*(?:\d+|十)\s*股(?:派发|派送|分派|分配|派)?(?:现金红利|现金股利|红利|现金|现)(?:人民币)?$")
"""A dividend on a number of shares (每10股派发现金红利8元, 每10股派现8元): the metric keeps its base."""


_CLOSED_AT = re.compile(r"收在|收于|收报|报收")
"""Words for where a price or an index closed: the level of the metric named before."""
_COVERED_METRICS = frozenset("目标价 目标价格 目标股价".split())
"""Metrics a broker sets for the company it covers, not for itself."""
_COVERING = re.compile(r"(?:对|给予|予以|上调|下调|维持)$")


def _covered_company(view: SentenceView) -> tuple[Entity, float] | None:
    """The company a broker's note covers: the organization after 对/给予/维持 (维持对宁海银行的“买入”评级)."""
    for start, _, ent in view.entities:
        if ent.label == "ORG" and _COVERING.search(view.text, max(0, start - 2), start):
            return ent, 0.8
    return None


_LIST_SEPARATORS = ("、", "和", "及", "与", "，", ",")
_RANGE_WORDS = ("至", "到", "-", "—", "~")


_FROM_LEAD = re.compile(
    r"(?:则|亦|也|均)?(?:将会|预计将|有望|或将|可望|将|已)?(?P<from>由(?:年初|年末|上年末|上年底|去年底|去年末|去年|上年|上季末|上季度末|上月末|此前|原来|原先|之前"
    r"|(?:\d{4}年)?\d{1,2}月(?:底|末)|\d{4}年(?:底|末))?的?)$"
)
"""由 before the figure a metric moved from, maybe with when it stood there (由年初的3.71%) and after a
modal adverb (资产负债率将由82.6%降至68.9%)."""


_WHEN_REACHED = re.compile(r"(?:(?:\d{4}年)?\d{1,2}月(?:底|末)的?|(?:年底|年末)的?)?")


def _from_to(view: SentenceView, f_start: int, f_end: int) -> tuple[tuple[str, str, float, MetricArgs], int, tuple[int, int]] | None:
    """``metric.from_to``: 注册资本由15亿元增加至30亿元 — the metric now stands at the second figure;
    the first, where it came from, is the basis (由15亿元) and no level of its own."""
    lead = _FROM_LEAD.search(view.text, max(0, f_start - 12), f_start)
    if lead is None:
        return None
    move = MOVE_TO.match(view.text, f_end)
    if move is None:
        return None
    when = _WHEN_REACHED.match(view.text, move.end())  # 降至10月底的64%: the date it stood there
    to = next(((s, f) for s, _, f in view.figures if s == when.end()), None)
    span = _metric_noun(view, lead.start())
    if to is None or span is None:
        return None
    verb = move.group(1)
    direction = None if verb is None else "down" if verb in _DOWN or verb == "降" else "up"
    subject, subject_conf = _subject(view, span[0])
    args = MetricArgs(
        subject=subject,
        metric=view.text_span(*span),
        value=to[1],
        period=_period_before(view, span[0]),
        direction=direction,
        basis=view.text_span(lead.start("from"), f_end),
    )
    return ("metric", "metric.from_to", round(0.6 + 0.25 * subject_conf, 2), args), to[0], span


def _listed_figures(view: SentenceView, first: int) -> list[tuple[int, Figure]]:
    """The figure at ``first`` and those listed after it (168.5亿元、186.2亿元和205.7亿元)."""
    by_start = {s: (e, f) for s, e, f in view.figures}
    end, figure = by_start[first]
    out = [(first, figure)]
    while True:
        sep = next((x for x in _LIST_SEPARATORS if view.text.startswith(x, end)), None)
        nxt = by_start.get(end + len(sep)) if sep else None
        if nxt is None or nxt[1].kind != figure.kind:
            return out
        out.append((end + len(sep), nxt[1]))
        end = nxt[0]


def _period_chain(view: SentenceView, pos: int) -> tuple[list[Period], bool]:
    """The periods listed right before ``pos`` (2025年、2026年和2027年) and whether they form a range (2025年至2027年)."""
    before = [(s, e, p) for s, e, p in view.periods if e <= pos and p.kind != "relative" and _dating(view, (s, e, p))]
    if not before:
        return [], False
    chain = [before[-1]]
    is_range = False
    for s, e, p in reversed(before[:-1]):
        gap = view.text[e : chain[0][0]]
        if gap not in _LIST_SEPARATORS and gap not in _RANGE_WORDS:
            break
        is_range = is_range or gap in _RANGE_WORDS
        chain.insert(0, (s, e, p))
    return [p for _, _, p in chain], is_range


def _respectively(view: SentenceView, span: tuple[int, int], listed: list[tuple[int, Figure]]) -> Iterator[tuple[str, str, float, MetricArgs]]:
    """``metric.respectively``: 归母净利润分别为168.5亿元、186.2亿元和205.7亿元 — each figure measures the metric.

    Periods listed before the metric pair up with the figures when they are as
    many (2025年、2026年和2027年); a range (2025年至2027年) or another count dates none.
    """
    subject, subject_conf = _subject(view, span[0])
    periods, is_range = _period_chain(view, span[0])
    if len(periods) == len(listed) and (not is_range or len(listed) == 2):
        dated: list[Period | None] = list(periods)
    elif len(periods) == 1:
        dated = periods * len(listed)
    else:
        dated = [None] * len(listed)
    conf = round(0.55 + 0.25 * subject_conf, 2)
    shared = _shared_bound(listed[0][1])
    # 兆丰银行、瑺嶨银行的承贷额度分别为88亿元及80亿元: as many companies listed before as figures, in order
    subjects = _listed_subjects(view, span[0], len(listed)) or [subject] * len(listed)
    for (_, figure), period, owner in zip(listed, dated, subjects):
        if shared is not None and figure.qualifier == "exact":
            figure = figure.model_copy(update={"qualifier": shared})  # 分别不低于6500万元、8000万元: each is a floor
        args = MetricArgs(subject=owner, metric=view.text_span(*span), value=figure, period=period)
        yield "metric", "metric.respectively", conf, args


def _listed_subjects(view: SentenceView, start: int, count: int) -> list[Entity | None] | None:
    """``count`` organizations listed right before the metric at ``start`` (A、B的承贷额度), in order; else ``None``."""
    pos = start - 1 if view.text.endswith("的", 0, start) else start
    last = view.entity_ending_at(pos, "ORG")
    listed = [last] if last is not None else []
    while listed:
        joiner = next((j for j in ("、", "和", "及", "与") if view.text.endswith(j, 0, listed[0][0])), None)
        before = view.entity_ending_at(listed[0][0] - len(joiner), "ORG") if joiner else None
        if before is None:
            break
        listed.insert(0, before)
    # the whole list must pair with the figures (中国人寿、中国平安和中国太保…分别…: three names, three figures)
    return [e[2] for e in listed] if count > 1 and len(listed) == count else None


def _respective_changes(
    view: SentenceView, reported: list[tuple[int, int]], listed: list[tuple[int, Figure]], direction: str | None, basis: re.Match[str] | None
) -> Iterator[tuple[str, str, float, MetricArgs]]:
    """``metric.respectively`` for changes: 核心…充足率为142%，综合…充足率为218%，分别较上季度末下降6个百分点和9个百分点 —
    the changes pair with the metrics the sentence gave levels for, in order."""
    for span, (_, figure) in zip(reported, listed):
        subject, subject_conf = _subject(view, span[0])
        args = MetricArgs(
            subject=subject,
            metric=view.text_span(*span),
            value=figure,
            period=_period_before(view, span[0]),
            direction=direction,
            basis=view.text_span(*basis.span()) if basis else None,
        )
        yield "metric", "metric.respectively", round(0.55 + 0.25 * subject_conf, 2), args


def _shared_bound(first: Figure) -> str | None:
    """The bound written before the first figure of a list (不低于6500万元、…), which bounds every figure;
    ``None`` for a qualifier after it (6500多万元) or none."""
    if first.qualifier in ("exact", "range") or first.text[:1].isdigit():
        return None
    return first.qualifier


_FOUNDED = re.compile(r"(?:成立|创立|创办|设立|始建|组建|注册)于?$")
"""A date of founding (成立于1986年) dates the company, not a metric."""


_BASE_PERIOD = re.compile(r"[^，,。；;]{0,12}?为(?:基数|基准|基期)")
"""以2024年净利润为基数: the period after 以 is the base of a growth target, not the metric's period."""


def _dating(view: SentenceView, period: Placed[Period]) -> bool:
    """Whether a period can date a metric: not a founding date (成立于1986年), not a base (以2024年…为基数)."""
    start, end, _ = period
    if _FOUNDED.search(view.text, max(0, start - 4), start):
        return False
    return not (view.text.endswith("以", 0, start) and _BASE_PERIOD.match(view.text, end))


def _period_before(view: SentenceView, pos: int) -> Period | None:
    """The last period before ``pos`` (not 同比); in ``三季度单季`` the quarter, not the frequency word after it;
    全年 alone (预计全年归母净利润…), but the year the sentence names where it does (2025年全年, 2025年，该行全年…)."""
    before = [p for p in view.periods if p[1] <= pos and (p[2].kind != "relative" or p[2].value == "FY") and _dating(view, p)]
    if not before:
        return None
    last = before[-1]
    if view.text[last[0] : last[1]] in _SINGLE_PERIOD and (named := [p for p in before[:-1] if p[2].kind in ("month", "quarter")]):
        return named[-1][2]  # 公布11月自结获利，单月税后净利…: the month named is the single month
    if last[2].value == "FY":
        year = next((p for p in reversed(before) if p[2].kind == "year"), None)
        return last[2] if year is None else year[2]
    if last[2].kind == "frequency" and len(before) > 1 and before[-2][1] == last[0]:
        return before[-2][2]
    return last[2]


_SINGLE_PERIOD = frozenset({"单月", "单季", "单季度"})
"""One month or quarter alone (not 每月, every month): the one the sentence names if it does."""


_EARLIER_LEVEL = re.compile(r"(?:较|比|相比)[^，,。；;\d]{0,8}的$")


def _after_earlier_level(view: SentenceView, after: int, pos: int) -> bool:
    """Whether ``pos`` follows a level stated as the basis (较去年同期的2.43亿港元|收窄23.5%), after ``after``."""
    earlier = next((s for s, e, _ in view.figures if e == pos and s >= after), None)
    return earlier is not None and _EARLIER_LEVEL.search(view.text, max(after, earlier - 12), earlier) is not None


_GROWTH_RATES = frozenset("年增率 增长率 年增长率 同比增长率 增速 同比增速".split())
"""Rates of growth that, alone after a comma, measure the change of the level before them."""


_RANKED_BEFORE = re.compile(r"(?:最大|最高|最多|最低|最少|最快|最强|居首|居前|排名第一|位居第一)[，,]\s*$")
"""A rank between a metric and its figure (资产规模最大，达…)."""


def _after_comma(view: SentenceView, pos: int) -> bool:
    return view.text[:pos].rstrip().endswith(("，", ","))


_END = itemgetter(1)


def _token_index_ending_at(view: SentenceView, pos: int) -> int | None:
    # tokens are sorted and do not overlap, so their ends are sorted too
    i = bisect_left(view.tokens, pos, key=_END)
    return i if i < len(view.tokens) and view.tokens[i][1] == pos else None


def _skip_links(view: SentenceView, pos: int) -> tuple[int, str | None]:
    """Walk left over linking words; return where they start and the direction they say."""
    i = _token_index_ending_at(view, pos)
    direction = None
    skipped = 0
    while i is not None and i >= 0 and skipped < 6:
        start, end, tag = view.tokens[i]
        word = view.text[start:end]
        if word not in _LINKS and tag not in _SKIP_POS and not _compared_period(view, start, end) and not _frequency_at(view, start, end):
            break
        direction = direction or ("up" if word in _UP else "down" if word in _DOWN else None)
        pos = start
        i -= 1
        skipped += 0 if _compared_period(view, start, end) else 1  # a long basis (较三家行合并前的平均水平) counts once
    return pos, direction


def _metric_noun(view: SentenceView, end: int) -> tuple[int, int] | None:
    abbreviation = _ABBREVIATION.search(view.text, max(0, end - 12), end)
    note = None if abbreviation else _NOTE.search(view.text, max(0, end - 14), end)
    noun_end = abbreviation.start() if abbreviation else end  # 贷款市场报价利率（LPR）为3.45%
    if note is not None:
        noun_end = end = note.start()  # 拖欠比率（拖欠三个月以上）为0.14%: the note is no part of the name
    i = _token_index_ending_at(view, noun_end)
    if i is None:
        return None
    head_start, head_end, head_tag = view.tokens[i]
    head_ok = (
        head_tag in _NOUN_POS
        or (head_tag == "unk" and head_end - head_start >= 2 and not view.text.startswith(_MODALS, head_start))
        or _UPPER_HEAD.fullmatch(view.text[head_start:head_end]) is not None
    )
    in_figure = any(fs < head_end and head_start < fe for fs, fe, _ in view.figures)  # 25个|基点|至3%: the figure's own word
    if not head_ok or head_tag == "vn" or in_figure or _inside_entity(view, head_start, head_end) or view.text[head_start:head_end] in _YIELD_VERBS:
        return None  # …子公司贡献逾六成: a yield verb is no metric
    if view.text[head_start:head_end] in _NOT_METRIC_HEADS:
        return None  # 因派息等原因下调至5.71元: the reason, not what is measured; 另有三家: a count of others
    start = head_start
    k, taken = i - 1, 0
    while k >= 0 and taken < 5:
        s, e, tag = view.tokens[k]
        word = view.text[s:e]
        if e != start:
            break  # 评级 目标价: a space (a headline's separator) ends the name
        if _closes_abbreviation(view.text, s, e):
            # 广义货币（M2）|余额: the abbreviation in brackets stays in the name
            opening = max(view.text.rfind("（", 0, s), view.text.rfind("(", 0, s))
            while k >= 0 and view.tokens[k][0] > opening:
                k -= 1
            start = opening
            k -= 1
            continue
        ent_end = next((ee for es, ee, _ in view.entities if es <= s < ee < e), None)
        if ent_end is not None and tag in _NOUN_POS:
            start = ent_end  # 珂潾|银行存款|总额: the segmenter glued the name's last word to the noun after it
            break
        if not (tag in _MODIFIER_POS or word in _MODIFIER_WORDS) or _inside_entity(view, s, e) or _in_period(view, s, e) or end - s > 16:
            break
        if any(fs < e and s < fe for fs, fe, _ in view.figures):
            break  # 发行价5.12元/股|募资: a figure before ends the name
        if word.endswith("辖内"):
            break  # 涑川辖内|农商银行不良贷款余额: the banks a region's regulator oversees own the metric
        if word == "银行" and k >= 1 and view.text[view.tokens[k - 1][0] : view.tokens[k - 1][1]] in _BANK_KINDS:
            break  # 辖内农商|银行|不良贷款处置规模: a kind of bank owns the metric (手机银行交易占比 keeps 银行)
        if word in _MEANS or word in _PRODUCT_WORDS or word in _PRODUCT_MEASURES and view.text.endswith(_POINTING, 0, s):
            break  # 通过核销、转让等方式|累计处置不良资产: how it was done; 该档|ETF募集目标: which product (优先档规模 stays)
        if word in _LINKS and word not in _MODIFIER_WORDS or word in _LOCATIVES or word in _HOLDERS or word in _YIELD_VERBS or word in _HAS_NOW or _MARKET_SCOPE.fullmatch(word):
            break  # 预计|注册用户数, 一年内|注册用户数, 全国|个人养老金开户数: a linking word, a locative or a scope ends the name
        if k >= 1 and view.tokens[k - 1][1] == s and _MARKET_SCOPE.fullmatch(view.text, view.tokens[k - 1][0], e):
            break  # 全|市场|融资余额: a scope of two words ends the name too
        if word == "产品" and k >= 1 and view.tokens[k - 1][1] == s and view.text[view.tokens[k - 1][0] : s] in _REFERRED:
            break  # 相关|产品|权益类资产投资比例: the product referred to owns the metric
        if len(word) > 2 and word.endswith(_PERIOD_NOUNS):
            break  # 第一个完整会计年度|每股收益: the period the metric is measured over
        if tag == "unk" and len(word) >= 3 and word[0] in _GLUED_PREPOSITIONS:
            start = s + 1
            break  # 将|为琲联|品牌新增发卡: jieba glued the preposition to an unknown name; it opens no metric
        start = s
        k -= 1
        taken += 1
    owned = _OWNED_BY.search(view.text, max(0, start - 16), start)
    if owned:
        start = owned.start()
    elif view.text.startswith(_SHARE_HEADS, start) and (share := _SHARE_OWNER.search(view.text, max(0, start - 24), start)):
        # 手续费收入占营业收入的|比重: what the share is of names it; a company before it owns it (砥芯微|研发投入占…)
        start = max([share.start()] + [e for s, e, _ in view.entities if share.start() <= s < start])
    if view.text[start] in _LOCATIVES and any(e == start for _, e, _ in view.figures):
        return start + 1, end  # 三年|内高|净值客户数目: the segmenter glued the locative after a duration to the name
    # 13个月保单继续率: a duration written right before the noun is part of the name
    duration = next(
        (s for s, e, f in view.figures if e == start and f.rule == "figures.duration" and not view.text.endswith(_TIME_REFERENCE, 0, s)), None
    )  # but 前一个月|营收 is a time reference, not a name
    return (duration if duration is not None else start), end


def _frequency_at(view: SentenceView, start: int, end: int) -> bool:
    """Whether ``[start, end)`` is a frequency between a metric's noun and its figure (协同效益|每年|逾3,000万澳门币)."""
    return any(s <= start and end <= e and p.kind == "frequency" for s, e, p in view.periods)


def _compared_period(view: SentenceView, start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies in a period written after 较/比 (较10月末上升0.7%) or in a
    comparison's basis (较上季度末下降6个百分点)."""
    if any(s <= start and end <= e and view.text.endswith(("较", "比"), 0, s) for s, e, _ in view.periods):
        return True
    return any(m.start() <= start and end <= m.end() for m in _BASIS.finditer(view.text, max(0, start - 16), end + 4))


def _closes_abbreviation(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is the closing bracket of ``（M2）`` / ``(LPR)``."""
    return text[start:end] in ("）", ")") and _ABBREVIATION.search(text, max(0, end - 12), end) is not None


def _in_period(view: SentenceView, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e, _ in view.periods)


def _inside_entity(view: SentenceView, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e, _ in view.entities)


_MODALS = ("可", "将", "能", "会", "应", "仍", "还", "亦", "也", "均", "已")
"""Modal verbs and adverbs opening a word the segmenter does not know (可享, 将达, 仍会): a predicate, no metric's head."""
_GLUED_PREPOSITIONS = frozenset("为与对向给把被从在和跟")
"""One-character prepositions jieba may glue to the unknown word after them (为琲联)."""
_PREPOSITIONS = ("和", "与", "以", "对", "为", "通过", "跟", "同", "向", "在", "据", "根据", "从", "把", "被", "遭", "获", "给", "及", "、", "由")
_STAKE_IN = ("在", "对", "持有")
_PLURAL = ("两者", "二者", "双方", "三者", "各方")
_ANOTHER = ("新公司", "合资公司", "子公司")


_PASSIVE = ("被", "遭")


def _latter(view: SentenceView, m_start: int) -> Entity | None:
    """The organization 后者 opening the metric's clause refers to, the last named before the clause
    (…，仍落后于淄珲证券，后者同期托管规模约7,150亿元)."""
    c_start, _ = clause_bounds(view.text, m_start, m_start)
    if not view.text.startswith("后者", c_start) or m_start - c_start > 8:
        return None
    prior = [e for e in view.labelled("ORG") if e[1] <= c_start]
    return prior[-1][2] if prior else None


def _subject(view: SentenceView, m_start: int) -> tuple[Entity | None, float]:
    """The metric's organization and how sure the rule is (0–1).

    1. a person right before 被 and the metric (李国栋被罚款15万元: the person's fine); an
       organization right before the metric (工行的信用卡用户), unless a passive marker
       makes it the agent (A被B罚款: A's fine);
    2. the one 后者 opening the clause or 该行/其/公司 refers to: the last organization mentioned before;
    3. in the metric's clause, the company after a verb of promising (承诺明远科技…的净利润), else
       the clause's subject;
    4. a holder named at the end of the clause before, for a stake (控股股东为华信集团，持股比例…),
       else the company that opens the clause before (晨曦集团出资…，持股比例…); none after a
       counted group (省内12家农商行…);
    5. the sentence's subject: its first organization or product that no
       preposition governs (招商银行营业收入…，净利润…), after a speaker opening the sentence
       first (…张秀玲表示，检查发现国瑞人寿…); 以工行和苹果为例 has none;
    6. for a metric right after 其中 opening a sentence that names no company, the first company of
       the sentence before;

    and before 3, for a metric opening the clause after one that founds a company (设立青川新能源有限公司，
    注册资本…), that company, or none when the new company is not named; and none for a figure of the
    whole market (a scope such as 国内 or 全球 before the metric in its clause, no name there) or of a
    kind of company (商业银行净息差).
    """
    pos = m_start - 1 if view.text.endswith("的", 0, m_start) else m_start
    if view.text.endswith(_PLURAL, 0, pos) or view.text.endswith(_ANOTHER, 0, pos):
        return None, 0.0  # 双方的…, 合并后的新公司总资产: no one company named
    for marker in _PASSIVE:
        if view.text.endswith(marker, 0, pos):
            person = view.entity_ending_at(pos - len(marker), "PERSON")
            if person is not None:
                return person[2], 0.9  # 时任总经理李国栋被罚款15万元: the person fined
    org = view.entity_ending_at(pos, "ORG") or short_form_closing_at(view, pos)
    yields = _YIELDS.search(view.text, max(0, pos - 6), pos) if org is None else None
    if yields is not None:
        # 东华期货公司可贡献净利润: the company that yields it
        org = view.entity_ending_at(yields.start(), "ORG")
    if org is not None and view.text.endswith(_PASSIVE, 0, org[0]):
        # 北江银行…被国家金融监督管理总局罚款180万元: the agent fines the clause's subject
        c_start, _ = clause_bounds(view.text, org[0], org[0])
        topic = _sentence_subject(view, org[0] - 1, c_start) or _sentence_subject(view, org[0] - 1)
        return (topic, 0.8) if topic is not None else (None, 0.0)
    if org is not None:
        marker = next((m for m in _STAKE_IN if view.text.endswith(m, 0, org[0])), None)
        holder = view.entity_ending_at(org[0] - len(marker), "ORG") if marker is not None else None
        # 恒泰人寿在嘉禾银行的持股比例, 鼎新控股持有瑞和人寿的股权比例: the stake is the first one's, held in the second
        return (holder[2], 0.9) if holder is not None else (org[2], 1.0)
    if _KIND_BEFORE.search(view.text, max(0, pos - 12), pos):
        return None, 0.0  # 商业银行净息差, 中小银行存款增速: a kind of company's figure, no one company's
    if view.text.endswith(_SUING, 0, pos) and view.entity_ending_at(pos - 2, "PERSON") is None and view.entity_ending_at(pos - 2, "ORG") is None:
        return None, 0.0  # 前私银董事总经理入禀|索偿逾860万元: the unnamed claimant's, not the company sued
    if view.text.endswith("其", 0, pos):
        # 其 refers to the clause's topic: 嘉禾国资控股并未减持嘉禾银行股份，其持股比例…
        topic = _sentence_subject(view, pos)
        if topic is not None:
            return topic, 0.6
    latter = _latter(view, m_start)
    if latter is not None:
        return latter, 0.6
    if view.text.endswith(_ANAPHORA, 0, pos):
        prior = [e for e in view.doc.entities if e.label == "ORG" and e.end <= view.sentence.start + pos]
        if prior:
            return prior[-1], 0.6
    # the metric's own clause first: 总局网站披露的信息显示，建行信用卡中心…被罚款420万元
    c_start, _ = clause_bounds(view.text, m_start, m_start)
    if _market_wide(view, c_start, m_start):
        return None, 0.0  # …显示，三季度国内第三方移动支付交易规模…: the whole market's, not the reporter's
    founded = _FOUNDS_COMPANY.search(view.text, max(0, c_start - 30), c_start) if m_start - c_start <= 4 else None
    if founded is not None:
        # 共同出资设立青川新能源有限公司，注册资本10亿元: the new company's; 设立一家…公司，: no name
        new = view.entity_ending_at(founded.end() - 1, "ORG")
        return (new[2], 0.8) if new is not None and new[0] >= founded.start() else (None, 0.0)
    promised = _promised_company(view, c_start, m_start)
    if promised is not None:
        return promised, 0.6
    part = max(view.text.rfind("；", 0, m_start), view.text.rfind(";", 0, m_start)) + 1  # …；永信金控…，EPS为6.05元
    topic = _sentence_subject(view, m_start, c_start) or _stake_holder_before(view, m_start, c_start) or _previous_clause_opener(view, c_start)
    if topic is None and _counted_group_opens(view, c_start):
        return None, 0.0  # 省内12家农商行…入股，合计持股比例为60%: a group of companies, none named
    reported = _REPORT_LEAD.match(view.text)
    lead = reported.end() if reported is not None and reported.end() <= m_start else 0
    topic = (
        topic
        or _sentence_subject(view, m_start, max(part, lead))
        or (_sentence_subject(view, m_start, part) if lead > part else None)
        or _sentence_subject(view, m_start)
        or _part_of_previous(view, m_start)
    )
    return (topic, 0.5) if topic is not None else (None, 0.0)


_SUING = ("入禀", "起诉", "诉请")
"""Verbs of going to court right before a claimed sum's noun (入禀索偿): the claimant owns the claim."""
_KIND_BEFORE = re.compile(
    r"(?:商业银行|银行业|中小银行|上市银行|国有大行|股份行|农商行|城商行|农村商业银行|城市商业银行|保险业|寿险业|产险业|券商|证券业|基金业|信托业"
    r"|头部机构|头部企业|中小机构|全行业)(?:的|今年|去年|明年|全年|整体)*$"
)
"""A kind of company right before a metric, maybe with the period or 的 between: the figure of all of them
(商业银行净息差为1.53%, 寿险业今年整体获利, 头部机构的市场份额)."""
_MARKET_SCOPE = re.compile(r"国内|境内|全国|全球|全行业|行业整体|全市场|市场整体|业内")


def _market_wide(view: SentenceView, c_start: int, m_start: int) -> bool:
    """A market's scope (国内, 全球, 全行业) before the metric in its clause, and no name there: the figure
    measures the whole market (三季度国内第三方移动支付交易规模)."""
    if _MARKET_SCOPE.search(view.text, c_start, m_start) is None:
        return False
    return not any(c_start <= s < m_start and ent.label in ("ORG", "PERSON") for s, _, ent in view.entities)


_REPORT_LEAD = re.compile(r"[^，,。；;：:]{0,40}?(?:表示|指出|认为|透露|介绍|强调|坦言|称|说|信息显示)[，,：:]")
"""A speaker opening the sentence (…副局长张秀玲表示，): the figures after it belong to a company the report names."""

_PART_OF = re.compile(r"其中[，,]?")
"""A sentence opening with 其中 lists parts of the sentence before's figures."""


def _part_of_previous(view: SentenceView, m_start: int) -> Entity | None:
    """The first organization of the sentence before, for a metric right after 其中 opening the sentence
    (…东岳证券实现营业收入58.6亿元。其中，经纪业务手续费净收入21.3亿元); words between name
    another subject (其中，大型商业银行本外币资产总额…)."""
    opening = _PART_OF.match(view.text)
    if opening is None or opening.end() != m_start or view.sentence.index == 0:
        return None
    previous = view.doc.sentences[view.sentence.index - 1]
    return next((e for e in view.doc.entities if e.label == "ORG" and previous.start <= e.start and e.end <= previous.end), None)


_CLAUSE_OPENERS = ("其中", "而", "但", "同时", "另外", "同意", "批准", "核准", "准予")
"""Words that may open a clause before the company it is about (…批复，同意栖鹿消金开业，注册资本30亿元)."""


_FOUNDS_COMPANY = re.compile(r"(?:设立|成立|组建|新设)了?(?!于)[^，,。；;]{2,24}[，,]$")
"""A clause founding a company, right before a metric opening the next clause (注册资本, 首期资本额)."""
_PROMISE = re.compile(r"(?:承诺|保证|预计|预测|预期|估计)$")


def _promised_company(view: SentenceView, c_start: int, m_start: int) -> Entity | None:
    """The organization right after a verb of promising or forecasting in the metric's clause
    (天元控股承诺|明远科技…的净利润: the target's profit, not the promiser's)."""
    for start, end, ent in view.entities:
        if c_start <= start and end <= m_start and ent.label == "ORG" and _PROMISE.search(view.text, max(c_start, start - 3), start):
            return ent
    return None


def _stake_holder_before(view: SentenceView, m_start: int, c_start: int) -> Entity | None:
    """A stake opening its clause right after a clause that ends with a holder named as such
    (控股股东为华信集团，|持股比例为78.3%: 华信集团's stake)."""
    if c_start < 2 or not view.text.startswith("持股比例", m_start) or view.text[c_start:m_start].strip("其 "):
        return None
    last = view.entity_ending_at(c_start - 1, "ORG")
    if last is None or not view.text.endswith(_NAMED_HOLDER, 0, last[0]):
        return None  # 入股华晟基金，持股比例不超过10%: the buyer's stake in the company named last
    return last[2]


_NAMED_HOLDER = ("股东", "股东为", "股东是", "母公司", "母公司为", "实际控制人为")


def _previous_clause_start(view: SentenceView, c_start: int) -> int | None:
    """Where the clause right before the one at ``c_start`` starts; ``None`` at the sentence's first clause."""
    return clause_bounds(view.text, c_start - 2, c_start - 2)[0] if c_start >= 2 else None


def _counted_group_opens(view: SentenceView, c_start: int) -> bool:
    """The clause right before ``c_start`` opens with a count of companies (省内12家农商行…, 多家银行…)."""
    p_start = _previous_clause_start(view, c_start)
    if p_start is None or view.text.startswith("在", p_start):
        return False  # 在162家公募基金管理人中排名第23位: a rank among them, the subject goes on
    return any(p_start <= s <= p_start + 3 and f.unit == "家" for s, _, f in view.figures)


def _previous_clause_opener(view: SentenceView, c_start: int) -> Entity | None:
    """The organization that opens the clause right before ``c_start`` (…，晨曦集团出资6亿元并入股
    成为第二大股东，持股比例为20%: the subject goes on); ``None`` when that clause opens otherwise."""
    p_start = _previous_clause_start(view, c_start)
    if p_start is None:
        return None
    opener = p_start
    for word in _CLAUSE_OPENERS:
        if view.text.startswith(word, opener):
            opener += len(word)
            break
    if view.entity_starting_at(opener, "ORG") is None:
        return None
    return _sentence_subject(view, c_start, p_start)  # 东星集团第二大股东融众集团…: the one the relation noun names


_DATA_SOURCE = re.compile(r"(?:发布|公布)?的?(?:最新)?(?:统计)?数据(?:显示|表明)|统计显示|" + PUBLISHES_STATISTICS)
"""What follows the source of a statistic (人力资源和社会保障部数据显示，…; 金管会昨（18）日公布最新统计，…): the source
owns no figure."""


def _sentence_subject(view: SentenceView, before: int, after: int = 0) -> Entity | None:
    """The first organization or product in ``[after, before)`` that no preposition governs and that is
    no statistic's source; in ``A的第二大股东B`` / ``A子公司B`` the subject is B, the one A's relation noun names."""
    for start, end, ent in view.entities:
        if end > before:
            break
        if start < after:
            continue
        if ent.label in ("ORG", "PRODUCT") and not view.text.endswith(_PREPOSITIONS, 0, start) and not _DATA_SOURCE.match(view.text, past_declaration(view, end)):
            named = RELATED_AFTER.match(view.text, past_declaration(view, end))  # A（以下简称…）旗下B
            apposed = view.entity_starting_at(named.end(), "ORG") if named else None
            return apposed[2] if apposed is not None and apposed[1] <= before else ent
    return None
