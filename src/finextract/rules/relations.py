"""Relation rules between entities: ownership, acquisition, competition, dispute,
product launches and appointment changes.

Triggers live in ``data/relations.json``; the rules are small and named:

* ``ownership.direct``     — 徐工机械持有徐工科技20%股权; 航天科工集团将合计持有航天科技
* ``ownership.passive``    — 浦发银行获广东移动增持
* ``ownership.remainder``  — 星汇银行由星汇集团持有70%股权，其余30%由安信保险持有 (the rest of the
  company the sentence opened with)
* ``ownership.funding_share`` — 向珂潾银行注资合共6亿港元，其中缇峒科技注资3.6亿港元 (each one's share of the funds)
* ``ownership.funds_its``  — 瀛楚资产控股股东晞峪金控…完成对其增资15亿元 (其: the sentence's first company)
* ``ownership.held_by``    — 融众集团于2009年由李明创立，目前由东星集团全资持有 (a clause with no subject of its own)
* ``ownership.holder_clause`` — 墀禾控股有限公司持有湑岚科技38.6%的股份，为其控股股东 (the holder nearest the verb)
* ``ownership.topic_stake`` — 星汇银行注册资本为50亿元，星汇集团持股70% (the company the sentence is about);
  东星集团对融众集团的持股比例将由60%升至68.57% (the company written before the stake, the level it moved to)
* ``ownership.topic_holder`` — 华信信托成立于1986年，…，控股股东为华信集团 (the holder of the sentence's company)
* ``ownership.under``      — 融众集团是东星集团旗下的支付平台; 融众集团隶属于东星集团 (the second holds the first)
* ``ownership.holder_of``  — 金海岸集团是罗顿发展大股东; 宏远集团作为嘉禾银行的控股股东 (the first holds the second)
* ``ownership.subject_units`` — 璟昕金控指出，…，获利主要来自旗下璟昕银行与璟昕人寿 (the sentence's first company holds them)
* ``ownership.seller``     — 甲公司向乙公司转让其所持丙公司60%股权 (the seller holds what it sells)
* ``ownership.through``    — 晨光控股通过旗下的晨光资本持有远航快运35%的股份 (held ``via`` 晨光资本)
* ``ownership.round``      — 数擎科技完成C轮融资，由红杉中国领投，高瓴资本、蓝湖资本跟投
  (each investor takes a stake in the company raising)
* ``acquisition.direct``   — 万达集团收购美国院线AMC
* ``acquisition.passive``  — 亚布力度假村被中诚信收购
* ``acquisition.merger``   — 东方航空与上海航空合并; 瑧磐保险以18.5亿澳门元合并翀涛保险 (the first absorbs the second)
* ``competition.pair``     — 保利地产与万科争夺市场; 东星投信…，将与融众投信争夺… (the sentence's subject)
* ``competition.ranked``   — 三一重工超越普茨迈斯特; 销量仅次于海尔; 分别击败万科、金地 (the company right after the verb)
* ``competition.rival``    — 蒙牛的老对手伊利; 中海油…竞争对手，包括道达尔、壳牌; 包括松下在内的竞争对手
* ``dispute.direct``       — 东星集团将融众集团告上法庭 (plaintiff, defendant)
* ``dispute.pair``         — 担保公司与济美公司发生追偿权纠纷
* ``dispute.demand``       — 宏硕科技向法院提起诉讼，要求晶彩支付赔偿 (the defendant named in the demand)
* ``dispute.claim``        — 瑞港物流…入禀高等法院，向前合作伙伴亚湾科技追讨…款项 (the party after 向, before the dispute verb)
* ``dispute.named_defendants`` — 峄萝实业…向法院提起诉讼，将檩茳集团和淇甸国投列为被告 (each one listed)
* ``product_launch.org_product`` — 招商银行推出掌上生活App
* ``product_launch.product_first`` — 禕峮人壽的數位投保平台「峮e保」已於11月10日正式上線 (the product before the verb)
* ``product_launch.both_parties`` — A与B签署合作协议，双方将共同推出「晶彩Go帐户」 (one fact per party)
* ``appointment.change``   — 王明远出任招商银行行长; 李卫东辞去首席执行官职务
* ``appointment.predecessor`` — …委任黎芷晴为零售银行业务主管，接替上月退休的莫家俊 (the predecessor left the post)
* ``appointment.named``    — 董事会聘任刘晓峰为晨光控股总裁 (appointed)
* ``appointment.successor`` — 刘建国…不再担任行长职务，由副行长孙丽接任 (孙丽 appointed 行长)
* ``appointment.respectively`` — 滕雨舟、蒯立言…分别辞去副总经理、首席风险官职务 (each person the post in the same place)
* ``appointment.proposed`` — 邘江消金拟任董事长仉砚舟 (appointed, planned)

A relation needs both entities in one clause (no ，。； between the trigger and
either entity).  Negated (并未收购), hypothetical (如果…收购) and questioned
clauses yield nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Callable, Iterator, Sequence

from ..errors import LexiconError
from ..facts import (
    AcquisitionArgs,
    AppointmentArgs,
    CompetitionArgs,
    DisputeArgs,
    OwnershipArgs,
    ProductLaunchArgs,
)
from ..han import HAN
from ..spans import Entity, Figure, TextSpan
from .base import (
    CLAUSE_BREAK,
    DECLARATION_END,
    PAST_ADVERBS,
    Placed,
    SentenceView,
    appointee_start,
    appointing_org,
    clause_bounds,
    declared_short_form,
    first_organization,
    next_sentence,
    org_before_post,
    past_declaration,
    previous_sentence,
)

_CONNECTORS = ("与", "和", "同", "跟", "及", "、")
_MAX_GAP = 16
RELATED_AFTER = re.compile(r"的?(?:第[一二三四五六七八九十]大股东|控股股东|大股东|股东|全资子公司|控股子公司|子公司|母公司|旗下|下属)")
"""A relation noun right after a company name (谷歌母公司…, 安和银行第二大股东…): the company meant is the one it names."""
_CONDITION = re.compile(r"(?:^|[，,；;：:])(?:如果|若是|若(?![干])|假如|倘若|一旦|要是|假设)")
"""A conditional word opening a clause: what the later clauses of the sentence say may not happen."""
_DISPOSAL = ("将", "把", "已将", "已把")
_GROUNDED_DISPOSAL = re.compile(r"(?:以[^，,。；;]{1,12}为由)?(?:" + "|".join(_DISPOSAL) + ")")
"""将/把 before an object, maybe after the ground of a suit (以不正当竞争为由|将)."""
_FUNDED = re.compile(
    r"(?:[”\"」』]?[)）])?(?:通过|拟|将|已|计划|再次|继续|再)*(?:于(?:今年|去年|本月|上月)?(?:\d{1,2}月(?:\d{1,2}日)?|月底|年初))?"
    r"(?:按(?:持股|出资)?比例)?(?:(?:以|使用|动用|用)(?:自有|自筹|募集|闲置)?资金)?(?:分别|共同)?(?:向|对)"
)
_FUNDING = ("注资", "增资", "入股", "参股", "投资", "出资")
"""Verbs of putting funds into the company named after 向/对 (向融众集团增资, 对融众集团的增资扩股); ``_FUNDED``
is what may stand between the company that pays and 向 (拟, the funds used; the brackets closing its
declared short form: …（以下简称“郜嵩金控”）|向…出资)."""
_CONFIDENCE = {
    # Confidence per rule: its precision on FinRE train with the entities given
    # (python benchmarks/finre_eval.py --split train), rounded down to 0.05;
    # rules with fewer than 20 scored facts there get 0.7.  See docs/benchmarks.md.
    "ownership.direct": 0.75,
    "ownership.passive": 0.7,
    "ownership.reverse": 0.75,
    "acquisition.direct": 0.65,
    "acquisition.distant": 0.45,
    "ownership.distant": 0.7,
    "dispute.distant": 0.7,
    "acquisition.passive": 0.7,
    "dispute.direct": 0.7,
    "dispute.passive": 0.7,
}


@dataclass(frozen=True)
class DirectedSpec:
    """Triggers of a directed relation and the labels its two ends may have."""

    triggers: tuple[str, ...]
    passive: tuple[str, ...]
    first_labels: frozenset[str]
    second_labels: frozenset[str]
    reverse: tuple[str, ...] = ()
    """Triggers that name the relation from the other side (A的控股股东B: B holds A)."""


@dataclass(frozen=True)
class RelationLexicon:
    """Validated content of ``data/relations.json``."""

    directed: dict[str, DirectedSpec]
    symmetric: dict[str, tuple[str, ...]]
    launch: tuple[str, ...]
    issue: tuple[str, ...]
    """Verbs that launch only a named product (发行“颐康1号”; 发行二级资本债券 launches none)."""
    rounds: tuple[str, ...]
    """Investors' words in a funding round (领投, 跟投): ``由红杉中国领投``."""
    appointed: tuple[str, ...]
    resigned: tuple[str, ...]
    appointing: tuple[str, ...]
    """Verbs of a board naming someone (聘任, 任命): ``聘任孙晓雯为首席执行官``."""
    transactions: tuple[str, ...]
    """Words that make an agreement a transaction, not a cooperation (借款协议, 股权转让协议)."""
    modality: dict[str, tuple[str, ...]]
    negation: tuple[str, ...]
    hypothetical: tuple[str, ...]
    public_bodies: tuple[str, ...] = ()
    """Name endings of regulators and governments (证监会, 监督管理总局): no company holds or buys one."""
    regulators: tuple[str, ...] = ()
    """Name endings of supervisors (证监会, 金管会): they approve deals, never hold or buy (批复同意…受让)."""
    fell_through: tuple[str, ...] = ()
    """What a deal came to after its trigger, in the same clause: nothing (联姻…告吹, 收购…搁浅)."""
    outranking: tuple[str, ...] = ()
    """Verbs ranking one company against the next (超越, 仅次于, 击败): ``东星集团超越融众集团``."""

    @classmethod
    def load(cls, path: str | None = None) -> "RelationLexicon":
        """Load and validate the relation lexicon (the packaged file by default)."""
        from ..lexicons import read_data_json

        data, where = read_data_json(path, "relations.json")
        try:
            directed = {
                name: DirectedSpec(
                    _longest_first(spec["triggers"]),
                    tuple(spec["passive"]),
                    frozenset(spec["holder_labels"]),
                    frozenset(spec["held_labels"]),
                    _longest_first(spec.get("reverse_triggers", [])),
                )
                for name, spec in data["directed"].items()
            }
            lexicon = cls(
                directed=directed,
                symmetric={name: _longest_first(words) for name, words in data["symmetric"].items()},
                launch=_longest_first(data["launch_triggers"]),
                issue=_longest_first(data.get("issue_triggers", [])),
                rounds=_longest_first(data.get("round_triggers", [])),
                appointed=_longest_first(data["appointment"]["appointed"]),
                resigned=_longest_first(data["appointment"]["resigned"]),
                appointing=_longest_first(data["appointment"]["appointing"]),
                modality={name: tuple(words) for name, words in data["modality"].items()},
                negation=tuple(data["negation"]),
                hypothetical=tuple(data["hypothetical"]),
                transactions=_longest_first(data["transaction_agreements"]),
                public_bodies=tuple(data.get("public_bodies", ())),
                outranking=_longest_first(data.get("outranking", [])),
                fell_through=tuple(data.get("fell_through", ())),
                regulators=tuple(data.get("regulators", ())),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise LexiconError(f"{where}: cannot load relation lexicon ({exc}); fix or restore the file") from exc
        if any(not w for words in lexicon.symmetric.values() for w in words):
            raise LexiconError(f"{where}: empty trigger; remove it")
        return lexicon

    @cached_property
    def transaction_re(self) -> re.Pattern[str]:
        """Any of :attr:`transactions`."""
        return re.compile("|".join(re.escape(w) for w in self.transactions) or r"(?!)")

    @cached_property
    def outranking_re(self) -> re.Pattern[str]:
        """A verb of :attr:`outranking`, maybe 了 and a descriptor after it (行业龙头, 当前风头正劲的), ending where searched."""
        verbs = "|".join(re.escape(w) for w in self.outranking) or r"(?!)"
        return re.compile(rf"(?P<verb>{verbs})了?(?:(?:行业|市场)?(?:龙头|巨头|霸主|老大)|[^，,。；;、\d]{{1,10}}的)?$")

    @cached_property
    def fell_through_re(self) -> re.Pattern[str]:
        """Any of :attr:`fell_through`."""
        return re.compile("|".join(re.escape(w) for w in self.fell_through) or r"(?!)")

    @cached_property
    def hypothetical_re(self) -> re.Pattern[str]:
        """Any of :attr:`hypothetical` (conditions, questions)."""
        return re.compile("|".join(re.escape(w) for w in self.hypothetical) or r"(?!)")

    @cached_property
    def denied_act_re(self) -> re.Pattern[str]:
        """A negation followed within a few characters by a trigger of a directed or symmetric relation
        (并未投资砥芯微, 没有与B合作): an act denied."""
        words = {w for spec in self.directed.values() for w in spec.triggers} | {w for ws in self.symmetric.values() for w in ws}
        acts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        return re.compile(rf"(?:并未|没有|并无|从未|未曾|从来没有)[^，,。；;]{{0,12}}?(?:{acts})")

    @cached_property
    def negation_re(self) -> re.Pattern[str]:
        """Negation words, except 未来 and 未经 (future, without)."""
        words = sorted(self.negation, key=len, reverse=True)
        return re.compile("|".join(re.escape(w) for w in words) + r"|未(?!来|经)")


def _longest_first(words: Sequence[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=len, reverse=True))


_CONTRAST = re.compile(r"(?:惟|唯|但|但是|不过|然而|可惜)")
"""A contrast opening the clause after a deal's (…，惟最终破局)."""


def came_to_nothing(text: str, fell_through: re.Pattern[str], start: int, clause_end: int) -> bool:
    """Whether the deal whose trigger ends at ``start`` fell through: a word of ``fell_through`` later in
    its clause (收购融众集团一事最终告吹) or after a contrast opening the next one (…合作，惟…，联姻最终告吹)."""
    if fell_through.search(text, start, clause_end):
        return True
    contrast = _CONTRAST.match(text, clause_end + 1)
    if contrast is None:
        return False
    # 终止 after a contrast may end another deal (…，但此后…，遂与华信泰终止合作): only in the deal's own clause
    later = fell_through.finditer(text, contrast.end(), sentence_end(text, contrast.end()))
    return any(m.group() not in _ENDED_IN_CLAUSE_ONLY for m in later)


_ENDED_IN_CLAUSE_ONLY = frozenset({"终止", "解约"})

EXPIRES = re.compile(r"届满|到期")
"""An agreement that expires in the clause after the parties (…的银保协议将于今年12月31日届满): a partnership ending,
not one to report (a holder's pledge that expires ends no holding, so this is read for partnerships only)."""


def sentence_end(text: str, pos: int) -> int:
    """Where the sentence part holding ``pos`` ends (a full stop, a semicolon, or the end)."""
    found = _PART_END.search(text, pos)
    return found.start() if found else len(text)


_PART_END = re.compile(r"[。；;！？!?]")
_RUMOUR = re.compile(r"传出|传闻|传言|据传|盛传|的消息|有[^，,。；;]{0,4}(?:媒体|消息人士|报道|消息)称")
_DENIAL = re.compile(r"否认|辟谣|不实|不属实|纯属臆测|(?:没有|并无|并未|从未|未曾|无)[^，,。；;]{0,16}(?:计划|打算|意向|安排|协商|洽谈|磋商|规划|接触|谈判)")
"""A later clause denying the rumoured plan (没有任何并购计划, 从未听说相关安排); 并未收购…任何股份 denies an act, not the rumour."""


def blocked(view: SentenceView, lex: RelationLexicon, start: int, trigger_start: int, trigger: str = "") -> bool:
    """Negated, hypothetical, questioned or fallen through: the clause says it did not (or may not)
    happen, or reports a rumour that a later clause of the sentence denies."""
    c_start, c_end = clause_bounds(view.text, start, trigger_start)
    t_start, _ = clause_bounds(view.text, trigger_start, trigger_start)
    # the negation in the clause of the subject or the trigger (并未收购; 东星集团并未…，…): not one in a clause
    # between them that says something else (…，拒绝发放花红，向翠麟银行追讨…)
    negation = next((m for m in lex.negation_re.finditer(view.text, c_start, trigger_start) if m.start() >= t_start or _same_clause(view.text, start, m.start())), None)
    if negation is not None and negation.group() not in trigger:
        return True
    if came_to_nothing(view.text, lex.fell_through_re, trigger_start + len(trigger), c_end):
        return True
    sentence_tail = view.text[c_start:]
    if _RUMOUR.search(view.text, 0, c_end) and (_DENIAL.search(view.text, c_end) or denied_next(view, lex)):
        return True  # 外界传出A将收购B的消息，…强调“没有任何并购计划”: a rumour the sentence (or the next one) denies
    if _CONDITION.search(view.text, 0, c_start):
        return True  # 若要约成功，远东控股将成为明达电子的控股股东: a condition opens an earlier clause
    if _CONDITION.search(view.text, max(0, c_start - 1), trigger_start) and not view.text.startswith("的", trigger_start + len(trigger)):
        return True  # …指出，若A向B增资…: or the trigger's own (若A持有的B股份减少…: the holding is no condition)
    return any(h in view.text[c_start:c_end] for h in lex.hypothetical) or sentence_tail.rstrip().endswith(("吗", "？", "?"))


_ANSWERS = re.compile(r"^(?:(?:对此|对于[^，,。]{0,20})[，,]|[^，,。]{1,12}否认|[^，,。]{1,24}回应(?:称|表示|指)?[，,：:])")
"""How a sentence answering the one before opens (对此，…澄清; 邝允澄否认有关消息; 东星集团法务总监李明回应称，…)."""


def answering_sentence(view: SentenceView) -> str | None:
    """The next sentence of the paragraph (working text) when it answers this one (对此，…; 对于…，…)."""
    nxt = next_sentence(view, "\n")
    if nxt is None:
        return None
    text = view.doc.work.norm[slice(*view.doc.work.to_norm(nxt.start, nxt.end))]
    return text if _ANSWERS.match(text) is not None else None


def reports_rumour(text: str) -> bool:
    """Whether ``text`` reports a rumour or market talk (市场传闻, 有消息称)."""
    return _RUMOUR.search(text) is not None


def denied_next(view: SentenceView, lex: RelationLexicon) -> bool:
    """Whether the next sentence of the paragraph answers this one with a denial (对此，宸磊支付发言人澄清，相关传闻「纯属臆测」;
    对此，…回应称，赫珩资本并未投资砥芯微)."""
    answer = answering_sentence(view)
    return answer is not None and denies(answer, lex)


def denies(answer: str, lex: RelationLexicon) -> bool:
    """Whether an answering sentence denies what the one before reported (有关报道不实; 并无成立合资公司的计划; 并未投资…)."""
    return _DENIAL.search(answer) is not None or lex.denied_act_re.search(answer) is not None


def _same_clause(text: str, a: int, b: int) -> bool:
    """Whether positions ``a`` and ``b`` lie in one clause."""
    return clause_bounds(text, a, a) == clause_bounds(text, b, b)


def _find(
    text: str, words: Sequence[str], start: int, end: int, inside: Sequence[tuple[int, int]] = ()
) -> tuple[int, str] | None:
    """The first occurrence of any of ``words`` in ``text[start:end]`` (longest word first)
    that is not part of an entity in ``inside`` (投资 in the title 投资总监 is no trigger)."""
    best: tuple[int, str] | None = None
    for word in words:
        at = text.find(word, start, end)
        while at != -1 and (any(s < at + len(word) and at < e for s, e in inside) or _agent_noun(text, at + len(word), word)):
            at = text.find(word, at + 1, end)
        if at != -1 and (best is None or at < best[0]):
            best = (at, word)
    return best


def _agent_noun(text: str, end: int, word: str) -> bool:
    """Whether the trigger ending at ``end`` is part of a noun for who does it (投资|者, 投资|人) or for a vehicle
    that does it (员工持股|平台)."""
    return text.startswith(_AGENT_SUFFIXES, end) and word.endswith("投资") or text.startswith(_VEHICLES, end) and word.endswith("持股")


_PRICED_MERGER = re.compile(r"以(?P<price>[^，,。；;]{1,14}?)(?P<verb>合并|吸收合并)")
"""A以18.5亿澳门元合并B: one company absorbing the next at a price or by a means."""


def priced_mergers(view: SentenceView, lex: RelationLexicon) -> Iterator[tuple[str, str, float, AcquisitionArgs]]:
    """``acquisition.merger``: 瑧磐保险以18.5亿澳门元合并翀涛保险 — the first absorbs the second (a bare 合并
    between two names is as often two companies merging, read by ``symmetric_relations``)."""
    ents = view.entities
    for (a_start, a_end, a), (b_start, b_end, b) in zip(ents, ents[1:]):
        if a.label != "ORG" or b.label != "ORG" or a.canonical == b.canonical:
            continue
        m = _PRICED_MERGER.fullmatch(view.text, a_end, b_start)
        if m is None or blocked(view, lex, a_start, m.start("verb"), m.group("verb")):
            continue
        value = next((f for s, e, f in view.figures if m.start("price") <= s and e <= m.end("price") and f.kind == "money"), None)
        args = AcquisitionArgs(acquirer=a, target=b, action=view.text_span(*m.span("verb")), value=value)  # type: ignore[arg-type]
        yield "acquisition", "acquisition.merger", 0.7, args


_AGENT_SUFFIXES = ("者", "人")
_VEHICLES = ("平台", "计划")
"""What follows 持股 in the name of a holding vehicle (员工持股平台, 员工持股计划): no act of holding."""


def _no_break(text: str, start: int, end: int) -> bool:
    """Nothing between ``start`` and ``end`` ends a clause: no comma or stop, no headline space (a comma inside the
    brackets that declare a short form does not count: （以下简称“翕檀科技”，股票代码：300917）持有…)."""
    tail = DECLARATION_END.match(text, start, end)
    if tail is not None and CLAUSE_BREAK.search(text, start, tail.end()):
        start = tail.end()  # only the brackets' own comma is skipped; a bare closing bracket changes nothing
    grounds = sum(len(m.group()) for m in _GROUND.finditer(text, start, end))  # 以违反竞业限制协议为由: a suit's ground is no distance
    return end - start - grounds <= _MAX_GAP and not CLAUSE_BREAK.search(text, start, end) and not _spaced(text, start, end)



def _spaced(text: str, start: int, end: int) -> bool:
    """A space between two Han characters in ``[start, end)`` (a headline's separator)."""
    return " " in text[start:end] and _headline_gap(text, start, end) < end


def _figure_near(view: SentenceView, pos: int, accept: Callable[[Figure], bool], until: int | None = None) -> Figure | None:
    """The first figure ``accept`` takes in the clause around ``pos`` (以26亿美元收购…, 持有…20%股权) and
    before ``until``; never a duration (未来12个月内继续增持: 12个月 is no stake)."""
    c_start, c_end = clause_bounds(view.text, pos, pos)
    c_start, c_end = max(c_start, _headline_gap(view.text, c_start, pos, last=True)), min(c_end, _headline_gap(view.text, pos, c_end))
    if until is not None:
        c_end = min(c_end, until)
    found = next(((s, e, f) for s, e, f in view.figures if c_start <= s < c_end and f.rule != "figures.duration" and accept(f)), None)
    if found is None:
        return None
    # 持股比例由100%降至72.3%: the stake it moved to, not the one it moved from
    moved = MOVE_TO.match(view.text, found[1]) if view.text.endswith("由", 0, found[0]) else None
    after = next((f for s, _, f in view.figures if moved is not None and s == moved.end() and accept(f)), None)
    return after or found[2]


MOVE_TO = re.compile(r"(增加|增长|上升|提高|提升|上调|调升|调高|回升|攀升|下降|减少|降低|回落|下调|调降|调低|下滑|增|升|降)?(?:至|到)")
"""A move to a level after the figure it starts from (增加至, 增至, 降至, 到); the verb is group 1."""


_HEADLINE_GAP = re.compile(r"(?<=[" + HAN + r"]) +(?=[" + HAN + r"])")


def _headline_gap(text: str, start: int, end: int, last: bool = False) -> int:
    """A space between two Han characters in ``[start, end)`` (a headline's separator): the last one's
    end with ``last``, else the first one's start; ``start`` or ``end`` when there is none."""
    gaps = [g for g in _HEADLINE_GAP.finditer(text, start, min(len(text), end + 1)) if g.start() < end]
    if not gaps:
        return start if last else end
    return gaps[-1].end() if last else gaps[0].start()


def _next_party(view: SentenceView, held: Entity, holder: Entity | None = None) -> int | None:
    """Where the first organization or person after ``held`` (or after its holder, when the holder is
    written later) starts, past a list that goes on from it (旗下的晨光资本|持有远航快运35%: the figure
    is 远航快运's; 持有融众集团、瀚海集团各20%: the list's; 星汇银行由星汇集团持有70%股权: the
    holder's); ``None`` when there is none."""
    names = {held.canonical, holder.canonical if holder is not None else None}
    # 华晨证券控股股东华晨金控集团持有公司38.5%的股份: a mention of either (公司) is no other party
    parties = [p for p in view.entities if p[2].label in ("ORG", "PERSON") and (p[2] is held or p[2] is holder or p[2].canonical not in names)]
    k = next((i for i, p in enumerate(parties) if p[2] is held), None)
    if k is not None and holder is not None and any(p[2] is holder for p in parties[k + 1 :]):
        k = next(i for i, p in enumerate(parties) if p[2] is holder)  # 公司…控股股东天元控股|旗下的明远科技100%: past the holder
    if k is None:
        return None
    k += len(listed_after_party(view, parties, k))
    return parties[k + 1][0] if k + 1 < len(parties) else None


_PART_BOUGHT = re.compile(r"(?:旗下|下属|所属)?的?([^，,。；;、：:（()）“”\s后将使并以为在对有是与和及等]{0,10}?(?:业务|资产|项目|部门|品牌|工厂|单元|油田|矿山|矿区|债券))")
_SHARE_AFTER = re.compile(r"的?(?:股权|股份|权益|股)")
_PART_CONFIDENCE = 0.2
_STAKE_CONFIDENCE = 0.45
"""Confidence caps for an acquisition of a part or of a minority stake: on FinRE train (entities given)
5 of 21 such facts with a part and 21 of 43 with a stake under 50% link a pair annotated as an
acquisition (the others: asset purchases, stake increases).  A stake of 50% or more buys control
and keeps the rule's confidence."""


def acquired_share(view: SentenceView, target: Entity) -> tuple[Figure | None, TextSpan | None]:
    """The stake (东星集团收购融众集团|9.1%的股权) or the part (收购融众集团|的物业管理业务) of the target
    bought, read right after it; ``(None, None)`` when the whole company is."""
    at = next((e for _, e, x in view.entities if x is target), None)
    if at is None:
        return None, None
    for s, e, f in view.figures:
        if at <= s <= at + 2 and view.text[at:s] in ("", "的", "约") and _is_stake(f) and _SHARE_AFTER.match(view.text, e):
            return f, None
    part = _PART_BOUGHT.match(view.text, at)
    if part is None:
        return None, None
    return None, view.text_span(part.start(1), part.end(1))


def share_confidence(confidence: float, stake: Figure | None, part: TextSpan | None) -> float:
    """A rule's confidence, capped where only a minority stake or a part of the target is bought."""
    if part is not None:
        return min(confidence, _PART_CONFIDENCE)
    minority = stake is not None and stake.kind == "percent" and stake.value is not None and stake.value < 50
    return min(confidence, _STAKE_CONFIDENCE) if minority else confidence


def _is_stake(figure: Figure) -> bool:
    """A percentage, a number or a count of shares (1.2亿股; 15个交易日 counts days, not shares), also in Taiwan's
    lots of stock (4.65万张股票; 3万张储值卡 counts cards)."""
    if figure.kind in ("percent", "number"):
        return True
    return figure.kind == "quantity" and (figure.unit == "股" or figure.unit == "张" and figure.counted in _STOCK_WORDS)


_STOCK_WORDS = frozenset({"股票", "股份", "股"})


def _per_share(view: SentenceView, figure: Figure) -> bool:
    """Whether ``figure`` is a price per share or unit (擬每股42.5元公開收購): no deal's value."""
    return any(f is figure and view.text.endswith(_PER_UNIT, 0, s) for s, _, f in view.figures)


_PER_UNIT = ("每股", "每单位", "每份", "每基金单位")


def _is_money(figure: Figure) -> bool:
    return figure.kind == "money"


def directed_relations(view: SentenceView, lex: RelationLexicon) -> Iterator[tuple[str, str, float, object]]:
    """``A TRIGGER B`` and ``B 被 A TRIGGER`` for the directed relation types."""
    ents = [p for p in view.entities if p[2].label in ("ORG", "PERSON")]
    for i, (a_start, a_end, a) in enumerate(ents):
        for b_start, b_end, b in ents[i + 1 :]:
            if a.canonical == b.canonical:
                continue
            if not _no_break(view.text, a_end, b_start):
                fact = _long_pair(view, lex, (a_start, a_end, a), (b_start, b_end, b))
                if fact is not None:
                    yield fact
                continue
            facts = [_directed_pair(view, lex, name, spec, (a_start, a_end, a), (b_start, b_end, b)) for name, spec in lex.directed.items()]
            found = [f for f in facts if f is not None]
            if found:
                # one type per pair: a relation noun right before the second name (收购控股股东|天元控股: the
                # holder of the first), else the trigger read first (收购并增资: an acquisition)
                fact = min(found, key=lambda f: (not f[1].endswith(".reverse"), _trigger_start(f)))
                yield fact
                yield from _listed_patients(view, fact, (b_start, b_end, b))
                yield from _listed_funders(view, fact, (a_start, a_end, a))


def _listed_funders(view: SentenceView, fact: tuple[str, str, float, object], funder: Placed[Entity]) -> Iterator[tuple[str, str, float, object]]:
    """The same funding for each organization listed right before its funder (鍠腾集团及|橞丰人寿…分别向珅湾银行注资):
    all of them put money in."""
    name, rule, confidence, args = fact
    if name != "ownership" or not rule.endswith(".direct") or view.doc.normalized(args.action) not in _FUNDING:  # type: ignore[attr-defined]
        return
    for before in reversed(_listed_before(view, funder, _LIST_JOINERS)):
        if before[2].canonical == args.held.canonical:  # type: ignore[attr-defined]
            return
        yield name, rule, confidence, args.model_copy(update={"holder": before[2]})  # type: ignore[attr-defined]


_PATIENT_ARG = {"acquisition": "target", "ownership": "held"}
_LIST_JOINERS = ("、", "和", "及", "以及")
"""What joins a list of patients (与 joins a partner: 全资子公司A与B签署…)."""


def _listed_patients(view: SentenceView, fact: tuple[str, str, float, object], patient: Placed[Entity]) -> Iterator[tuple[str, str, float, object]]:
    """The same fact for each organization listed right after a direct fact's patient, past the brackets
    declaring short forms (吸收合并岜溪村镇银行股份有限公司（以下简称“岜溪村镇银行”）和峂口村镇银行股份有限公司…):
    a list too long for the pair's own gap."""
    name, rule, confidence, args = fact
    if not rule.endswith(".direct") or name not in _PATIENT_ARG:
        return
    action = args.action  # type: ignore[attr-defined]
    _, a_end = view.doc.work.to_norm(action.start, action.end)
    if view.text[a_end - view.base : patient[0]] not in ("", "了"):
        return  # the list must follow the verb (持有的股权转让给了A和B: A and B are buyers, not held)
    orgs = [p for p in view.labelled("ORG") if p[0] >= patient[1] and not declared_short_form(view, p)]
    end = patient[1]
    for nxt in orgs:
        if view.text[past_declaration(view, end) : nxt[0]].strip() not in _LIST_JOINERS:
            return  # the list ends (a pair the rule reads itself comes out twice and is merged as one reading)
        yield name, rule, confidence, args.model_copy(update={_PATIENT_ARG[name]: nxt[2]})  # type: ignore[attr-defined]
        end = nxt[1]


_COURTS = ("法院", "高院", "法庭", "仲裁委员会", "仲裁院", "仲裁中心")


def is_court(entity: Entity) -> bool:
    """Whether an entity is a court or a tribunal (高等法院, 北京金融法院, 仲裁委员会)."""
    return entity.canonical.endswith(_COURTS)


def _names_court(args: object) -> bool:
    """Whether a relation's arguments name a court as a party, holder, buyer or target."""
    for name in ("parties", "holder", "held", "acquirer", "target", "plaintiff", "defendant"):
        value = getattr(args, name, None)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, Entity) and is_court(item):
                return True
    return False


def _court_addressed(text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` is a court or tribunal a claim is filed with (向苏州市中级人民法院起诉…, 入禀高等法院，控告…)."""
    return text.endswith(("向", "于", "入禀", "在"), 0, start) and text.endswith(_COURTS, 0, end)


_GROUND = re.compile(r"以[^，,。；;]{1,12}?为由")
"""The ground of a suit (以股权转让纠纷为由): the verb inside is no trigger."""
_MANNER = re.compile(r"(?:以|通过)[^，,。；;、]{1,6}?方式|按(?:持股|出资)?比例")
"""How a deal is done (以增资方式入股, 通过协议受让方式增持, 按持股比例注资): the verb inside is no trigger, the one
after it is (通过收购、竞拍等方式获得…: a list of ways is what was done)."""
_SELLER_OF_NEXT = re.compile(r"所持有?的?")
_GOVERNING = tuple("在于向从对经被由给把")
"""Prepositions before a name that make it no agent (在产权交易所, 向法院)."""


def _agent_between(view: SentenceView, first: Placed[Entity], trigger_at: int) -> bool:
    """Whether another party stands between ``first`` and the trigger, not listed with it (东星集团和融众集团
    共同投资…), described by it (东星集团旗下的融众集团收购…, which the subsidiary check reads) or governed by
    a preposition (在产权交易所竞得…)."""
    between = [
        p for p in view.entities if first[1] <= p[0] and p[1] <= trigger_at and p[2].label in ("ORG", "PERSON") and not view.text.endswith(_GOVERNING, 0, p[0])
    ]
    if not between:
        return False
    k = first
    for p in between:
        gap = view.text[k[1] : p[0]].strip()
        if gap not in _CONNECTORS and not _HOLDER_OF_NEXT.fullmatch(view.text, k[1], p[0]):
            return True
        k = p
    return False


def _trigger_start(fact: tuple[str, str, float, object]) -> int:
    """Where a fact's trigger starts (its action or trigger argument); facts without one sort last."""
    args = fact[3]
    span = getattr(args, "action", None) or getattr(args, "trigger", None)
    return span.start if span is not None else 1 << 30


_BRACKETED_ASIDE = re.compile(r"[（(][^（()）]{0,30}[)）]")
_SO = ("故", "因此", "所以", "因而")
_SAYS = re.compile(r"(?:指出|表示|称|说|认为|透露|强调)[，,]")
_OBJECT_GAP = re.compile(r"[了其该]{0,2}|设立|成立|新设|控股")


def _long_pair(view: SentenceView, lex: RelationLexicon, first: Placed[Entity], second: Placed[Entity]) -> tuple[str, str, float, object] | None:
    """``中海油…，总价8亿美元现金收购加拿大尼克森``: the trigger right before the second
    entity, the first one the subject up to one comma and 60 characters back."""
    text = view.text
    gap = _BRACKETED_ASIDE.sub("", text[first[1] : second[0]])  # （沧睿电信，股票代号：3187）: an aside, no clause
    if len(gap) > 60 or len(CLAUSE_BREAK.findall(gap)) > 1 or re.search(r"[。；;！？!?：:]", gap) or _spaced(text, first[1], second[0]):
        return None
    if first[2].label == "PERSON" and _SAYS.match(gap):
        return None  # 总经理林志豪指出，入股昌岳建设…: the speaker reports what the company does
    named = (first[2].canonical, second[2].canonical)
    described = _described_start(view, second[0])  # 收购|控股股东天元控股旗下的|明远科技
    if any(first[1] <= s and e <= described and not _court_addressed(text, s, e) for s, e, x in view.entities if x.label in ("ORG", "PERSON") and x.canonical not in named):
        return None  # another party between (a court addressed is none: 向苏州市中级人民法院起诉…); a mention of one of the two (向东方证券全体股东…) is none
    for name, spec in lex.directed.items():
        before = second[0] - 1 if text.endswith(("为", "是"), 0, second[0]) else second[0]  # 控股股东为|华信集团
        reverse = next((w for w in spec.reverse if text.endswith(w, 0, before)), None)
        if reverse is not None:
            # 华晟基金…，控股股东华晟证券: the second holds the first (控股 inside 控股股东 is no trigger)
            if blocked(view, lex, first[0], before - len(reverse), reverse) or second[2].label not in spec.first_labels or first[2].label not in spec.second_labels:
                return None
            fact = _build(view, name, "reverse", second[2], first[2], (before - len(reverse), reverse))
            return fact[0], fact[1], _CONFIDENCE.get(fact[1], 0.6), fact[3]
        manners = [m.span() for m in _MANNER.finditer(text, first[1], described)]  # 通过协议受让方式|增持: the manner's verb is none
        hit = _find(text, spec.triggers, max(first[1], described - 6), described, manners)
        # 收购了|其: a particle may stand between the verb and its object; 起诉状，: the verb was a noun
        if hit is None or not _OBJECT_GAP.fullmatch(text, hit[0] + len(hit[1]), described) or recipient_at(text, described):
            continue
        if text.endswith(_SO, 0, hit[0]):
            return None  # …，故旗下英大证券…: the clause goes on with the sentence's subject (ownership.subject_units)
        if first[2].label not in spec.first_labels or second[2].label not in spec.second_labels:
            continue
        if blocked(view, lex, first[0], hit[0], hit[1]) or (name == "ownership" and holds_debt(text, second[1])):
            return None
        seller = _SELLER_OF_NEXT.match(text, past_declaration(view, second[1]))
        if seller is not None and any(p[0] == seller.end() for p in view.entities):
            return None  # 该行…拟以21.7亿元收购瑱鹊科技所持棽洄消金35%股权: the seller, as for the direct pair
        if name == "ownership" and _sold_to(view, second[1], first[2]):
            return None  # A与B签署协议，拟将所持C…股份转让给B: the buyer holds nothing yet, the seller is A
        fact = _build(view, name, "direct", first[2], second[2], hit)
        return fact[0], fact[1].replace(".direct", ".distant"), _CONFIDENCE.get(fact[1].replace(".direct", ".distant"), 0.6), fact[3]
    return None


def _directed_pair(
    view: SentenceView, lex: RelationLexicon, name: str, spec: DirectedSpec, first: Placed[Entity], second: Placed[Entity]
) -> tuple[str, str, float, object] | None:
    text = view.text
    reverse = _find(text, spec.reverse, first[1], second[0])
    if reverse is not None and text[first[1] : reverse[0]].lstrip("的").startswith(_CONNECTORS):
        reverse = None  # 宁海银行和新股东晨曦集团: a list of shareholders, not 宁海银行's shareholder
    if reverse is not None and (second[0] - (reverse[0] + len(reverse[1])) <= 2 or _DESCRIBED_HOLDER.fullmatch(text, reverse[0] + len(reverse[1]), second[0])):
        # 茂业商业的控股股东茂业集团, …的控股股东为香港上市的旭晋金融集团: the second entity holds the first
        if blocked(view, lex, first[0], reverse[0], reverse[1]) or second[2].label not in spec.first_labels or first[2].label not in spec.second_labels:
            return None
        return _build(view, name, "reverse", second[2], first[2], reverse)
    spans = [(s, e) for s, e, _ in view.entities] + [m.span() for m in _MANNER.finditer(text, first[1], second[0])]
    spans += [m.span() for m in _GROUND.finditer(text, first[1], second[0])]  # 以股权转让纠纷为由: the suit's ground
    if reverse is not None:
        spans.append((reverse[0], reverse[0] + len(reverse[1])))  # 控股 inside 控股股东 is no trigger
    hit = _find(text, spec.triggers, first[1], second[0], spans)
    if hit is None and _GROUNDED_DISPOSAL.fullmatch(text[first[1] : second[0]].strip()):
        # 东星集团将融众集团告上法庭: the trigger follows the object (and the brackets declaring its short form);
        # 东星集团以不正当竞争为由将融众集团起诉至…: maybe after the ground
        after = past_declaration(view, second[1])
        _, c_end = clause_bounds(text, after, after)
        hit = _find(text, spec.triggers, after, min(c_end, after + 8))
    elif hit is None and name == "ownership" and _FUNDED.fullmatch(text, first[1], second[0]):
        # 东星集团向融众集团增资: funds put into the company after 向/对 (向…转让 sells to it instead)
        _, c_end = clause_bounds(text, second[1], second[1])
        hit = _find(text, _FUNDING, second[1], min(c_end, second[1] + 4))
    if hit is not None and _attached(hit[1]) and any(first[1] < e <= hit[0] for _, e, x in view.entities if x.label in ("ORG", "PERSON")):
        hit = None  # 汇联支付…被星途科技旗下的星途支付: 旗下 is 星途科技's, the nearer name's
    if hit is not None and first[2].label in spec.first_labels and second[2].label in spec.second_labels:
        if blocked(view, lex, first[0], hit[0], hit[1]) or not _listed_after(view, hit[0] + len(hit[1]), second[0]) or recipient_at(text, second[0]):
            return None
        if hit[1].endswith("至") and second[0] >= hit[0] + len(hit[1]):
            return None  # 将振华公司诉至|德州市人民中院: the court a suit is taken to is no defendant
        if name == "ownership" and holds_debt(text, second[1]):
            return None  # 持有德朗地产…的优先票据: a creditor, not a shareholder
        seller = _SELLER_OF_NEXT.match(text, past_declaration(view, second[1]))
        if seller is not None and any(p[0] == seller.end() for p in view.entities):
            return None  # 受让中原投资所持瑞和人寿…股份: the seller, whose shares of the next one change hands
        if _ASSETS_SOLD_BY.match(text, past_declaration(view, second[1])):
            return None  # 竞得洺溪银行…转让的对公不良资产包: the bank sells assets, it is not bought
        if _agent_between(view, first, min(hit[0], second[0])):
            return None  # 金融监管总局…批复同意鼎新控股受让…: the nearer name acts
        if excepted(text, hit[0] + len(hit[1]), second[0], second[1]):
            return None
        if subsidiary_acts(view, first, hit[0]):
            return None  # 青禾集团子公司青禾物业拟收购…: the subsidiary acts, its holder's pair is the ownership
        if venue(view, first, spec.first_labels):
            return None  # 东星集团在海南产权交易所竞得…: the exchange is where, the earlier name acts
        if text.endswith(_ADDRESSED, 0, first[0]):
            # 公司已于11月20日向上海金融法院起诉鼎泰置业: the court addressed is no party, the clause's subject acts
            agent = next((p for p in view.entities if p[1] <= first[0] and p[2].label in spec.first_labels and _no_break(text, p[1], first[0])), None)
            return None if agent is None else _build(view, name, "direct", agent[2], second[2], hit)
        return _build(view, name, "direct", first[2], second[2], hit)
    # 嘉禾银行获恒泰人寿增持; 明达电子去年因专利纠纷被日本精工起诉: the marker right before the agent
    # 被星途科技旗下的星途支付吸收合并: the agent may be described by its holder
    passive = _passive_before(text, first[1], _described_start(view, second[0]), spec.passive)
    if passive is None:
        return None
    after = past_declaration(view, second[1])  # …集团有限公司（下称「蒓湾控股」）|持有: not 控股 inside the short form
    _, c_end = clause_bounds(text, after, after)
    hit = _find(text, spec.triggers, after, min(c_end, after + 8))
    if hit is None or _attached(hit[1]) or second[2].label not in spec.first_labels or first[2].label not in spec.second_labels:
        return None
    if blocked(view, lex, first[0], hit[0], hit[1]):
        return None
    return _build(view, name, "passive", second[2], first[2], hit)


_DESCRIBED_HOLDER = re.compile(r"(?:为|是)(?:[^，,。；;、]{0,10}的|(?:上市|香港上市|台湾上市)?[^，,。；;、的]{0,4}(?:业者|企业|公司|集团))")
"""Between a holder noun and the holder's name: 为 and a description (控股股东为|香港上市的|旭晋金融集团,
母公司为|上市电信业者|沧睿电信股份有限公司)."""

_DEBT_AFTER = re.compile(r"[^，,。；;股]{0,30}?(?:优先票据|票据|公司债券|债券|可转债|次级债|永续债|债权)")


def holds_debt(text: str, held_end: int) -> bool:
    """Whether what is held of the company ending at ``held_end`` is its debt, named before any share
    (持有德朗地产于2024年到期、票面息率8.75%的优先票据): a creditor, not a shareholder."""
    return _DEBT_AFTER.match(text, held_end) is not None


_LISTED_AGENT = re.compile(r"[被由获](?:[^，,。；;]{1,8}?)?(?:上市|挂牌)的")
"""A passive marker and where the agent after it is listed (由港交所上市的…)."""

_AGENT_DESCRIPTORS = ("", "合作方", "对手方", "投资方", "债权人", "供应商", "客户", "股东", "大股东", "控股股东")
"""Words that may stand between a passive marker and its agent (被其合作方瑞邦建设起诉)."""


def _passive_before(text: str, a_end: int, b_start: int, markers: Sequence[str]) -> str | None:
    """The passive marker right before the agent at ``b_start``, or before a descriptor of it (被其合作方…)."""
    if not _no_break(text, a_end, b_start):
        return None
    for marker in markers:
        for desc in _AGENT_DESCRIPTORS:
            if text.endswith(marker + desc, a_end, b_start) or (desc and text.endswith(marker + "其" + desc, a_end, b_start)):
                return marker
        if _LISTED_AGENT.fullmatch(text, a_end, b_start) and text.startswith(marker, a_end):
            return marker  # 翠麟银行由港交所上市的翠麟金融控股全资拥有: where the agent is listed describes it
    return None


_UNDER = ("旗下", "下属", "所属", "属下")


def _attached(trigger: str) -> bool:
    """Whether a trigger is a relation noun, which belongs to the nearest name before it (X旗下的Y, X下属子公司Y)."""
    return trigger.startswith(_UNDER) or trigger.endswith("子公司")


_ADDRESSED = ("向", "向当地", "至", "入禀")
"""What stands before a court a claim is filed with (向上海金融法院起诉…, 入禀高等法院控告…)."""


def subsidiary_acts(view: SentenceView, first: Placed[Entity], trigger_at: int) -> bool:
    """Whether a company the first name describes as its own stands between it and the trigger
    (青禾集团|子公司|青禾物业|拟以1.2亿元收购…)."""
    return any(
        first[1] < s and e <= trigger_at and x.label == "ORG" and _HOLDER_OF_NEXT.fullmatch(view.text, first[1], s)
        for s, e, x in view.entities
    )


_VENUES = ("交易所", "交易中心", "拍卖行", "法院", "仲裁院", "仲裁中心", "仲裁协会", "仲裁委员会")
"""Kinds of organization a deal or a claim takes place at (在海南产权交易所竞得)."""


def venue(view: SentenceView, name: Placed[Entity], labels: Sequence[str]) -> bool:
    """Whether the name is an exchange or a court after 在 and another name of its clause
    (东星集团|在|海南产权交易所竞得…): a place where the earlier name acts.  Other names after 在 act
    (在谷歌收购摩托罗拉移动一事上)."""
    if not view.text.endswith("在", 0, name[0]) or not name[2].canonical.endswith(_VENUES):
        return False
    return any(p[1] < name[0] and p[2].label in labels and _no_break(view.text, p[1], name[0]) for p in view.entities)


_SOLD_TO = re.compile(r"[^，,。；;]{0,24}?(?:转让给|出售给|卖给|转让予|出售予)")
"""What is sold and to whom, later in a seller's clause (…全部2.7亿股股份转让给|渲屿物产)."""


def _sold_to(view: SentenceView, after: int, party: Entity) -> bool:
    """Whether the clause after ``after`` sells to ``party`` (…股份转让给渲屿物产)."""
    sold = _SOLD_TO.match(view.text, after)
    return sold is not None and any(s == sold.end() and e.canonical == party.canonical for s, _, e in view.entities)


def recipient_at(text: str, end: int) -> bool:
    """Whether a name starting at ``end`` follows 给/予 (``转让给深圳发展银行``): it receives what is sold, it is not what is held."""
    return text[:end].rstrip().endswith(("给", "予"))


_EXCEPT_OPEN = re.compile(r"除(?:了|与)?[^，,。；;]{0,12}$")
_EXCEPT_CLOSE = re.compile(r"[^，,。；;]{0,16}?(?:以外|之外)")


def excepted(text: str, after: int, start: int, end: int) -> bool:
    """Whether the name at ``[start, end)`` stands inside 除…以外/之外 after ``after`` (转让除与融众集团有关的资产以外的全部资产):
    what the deal leaves out.

    >>> excepted("转让除融众集团股权之外的资产", 2, 3, 7)
    True
    >>> excepted("转让融众集团股权", 2, 2, 6)
    False
    """
    return _EXCEPT_OPEN.search(text, after, start) is not None and _EXCEPT_CLOSE.match(text, end) is not None


_HOLDER_OF_NEXT = re.compile(r"的?(?:旗下|下属|所属)的?|所?(?:持有|控股)的|所持有?的?|的?(?:全资子公司|控股子公司|子公司)")
"""Words between a holder and the company it describes (天元控股|旗下的|明远科技, 中原投资|所持|瑞和人寿); 持有
without 所 or 的 is a predicate."""


_RELATION_BEFORE = re.compile(r"(?:控股股东|第一大股东|大股东|股东|母公司|关联方)$")


def _described_start(view: SentenceView, pos: int) -> int:
    """Where the words describing the name at ``pos`` by its holder or its place begin (收购|控股股东天元控股旗下的|明远科技,
    由|百慕达的|鄹澜控股有限公司); ``pos`` when nothing describes it."""
    before = [p for p in view.entities if p[1] <= pos]
    if before and before[-1][2].label == "LOC" and view.text[before[-1][1] : pos] == "的":
        return before[-1][0]  # 由百慕达的|鄹澜控股有限公司全资拥有: where the holder is from describes it
    if not before or before[-1][2].label != "ORG" or not _HOLDER_OF_NEXT.fullmatch(view.text, before[-1][1], pos):
        return pos
    relation = _RELATION_BEFORE.search(view.text, max(0, before[-1][0] - 6), before[-1][0])
    return relation.start() if relation else before[-1][0]


def _listed_after(view: SentenceView, start: int, end: int) -> bool:
    """No entity between ``start`` and ``end`` other than a list leading up to ``end``.

    ``招商地产子公司瑞嘉公司接到南京国土资源局…``: 南京国土资源局 is not held, because
    瑞嘉公司 comes between; ``持有A、B股份``: B is held like A.
    """
    between = [(s, e) for s, e, x in view.entities if start <= s and e <= end and x.label in ("ORG", "PERSON") and not declared_short_form(view, (s, e, x))]
    if not between:
        return True
    if _HOLDER_OF_NEXT.fullmatch(view.text, between[-1][1], end):
        return True  # 收购控股股东天元控股旗下的明远科技: the name between describes the one bought
    # 吸收合并A（以下简称“A'”）和B: a list item's declared short form is part of it
    ends = [past_declaration(view, e) for _, e in between]
    starts = [s for s, _ in between[1:]] + [end]
    return all(view.text[e:s].strip() in _CONNECTORS for e, s in zip(ends, starts))


def _build(view: SentenceView, name: str, form: str, agent: Entity, patient: Entity, hit: tuple[int, str]) -> tuple[str, str, float, object]:
    action = view.text_span(hit[0], hit[0] + len(hit[1]))
    confidence = _CONFIDENCE.get(f"{name}.{form}", 0.6)
    if name == "ownership":
        # a subsidiary is wholly or mostly held; a figure in its clause is another holding's (全资子公司远东投资持有…18.2%)
        stake = None if hit[1].endswith("子公司") else _figure_near(view, hit[0], _is_stake, _next_party(view, patient, agent))
        return name, f"ownership.{form}", confidence, OwnershipArgs(holder=agent, held=patient, action=action, stake=stake)  # type: ignore[arg-type]
    if name == "acquisition":
        value = _figure_near(view, hit[0], lambda f: _is_money(f) and not _per_share(view, f))
        stake, part = acquired_share(view, patient)
        args = AcquisitionArgs(acquirer=agent, target=patient, action=action, value=value, stake=stake, part=part)  # type: ignore[arg-type]
        return name, f"acquisition.{form}", share_confidence(confidence, stake, part), args
    args = DisputeArgs(parties=[agent, patient], plaintiff=agent, defendant=patient, trigger=action)
    return name, f"dispute.{form}", confidence, args


_PARTY_KIND = r"(?:前|原|其)?(?:合作伙伴|合作方|竞争对手|对手|股东|同业|同行|分销商|经销商|代理商|供应商)"
"""What the second party is to the first, after 与 (前合作伙伴, 同业, 前分销商)."""
_ADVERBIAL_WITH = re.compile(
    r"(?:(?:开业|上线|成立|获批|上市|合并)后)?"
    r"(?:此举|此次|此前|今年|去年|目前|近日|日前|正在|已经|再次|继续|也|还|亦|则|正|将|已|曾|仍|仍需|需|需要|旨在|希望|计划|拟|准备|有意|主要|重点|直接)+(?:与|同|跟)"
    rf"{_PARTY_KIND}?"
)
"""Adverbs and an aim between the first party and 与, maybe after when, maybe before what the second party is
(宏安人寿此举旨在与友邦…争夺; 东星清算开业后将主要与…; 去年曾与前分销商…对簿公堂)."""
_DESCRIBED_PARTY = re.compile(rf"(?:与|和|同|跟){_PARTY_KIND}")
"""A connector and what the second party is to the first (与前合作伙伴宏硕科技, 与同业捷讯金融, 与前分销商…)."""


_CLAUSE_WITH = re.compile(r"(?:^|(?<=[，,；;]))(?:将|并|还|亦|也|另|同时)*(?:与|和|同|跟)$")
"""与 opening a later clause that has no subject of its own (…切入，将与淳麓投信争夺…)."""


def carried_rivalries(view: SentenceView, lex: RelationLexicon) -> Iterator[tuple[str, str, float, object]]:
    """``competition.pair`` / ``dispute.pair`` with the sentence's subject: 昶崴投信此次以…切入，将与淳麓投信争夺高股息ETF市场."""
    ents = view.entities
    for k, (b_start, b_end, b) in enumerate(ents):
        if b.label != "ORG" or _CLAUSE_WITH.search(view.text, max(0, b_start - 8), b_start) is None:
            continue
        # the sentence's first organization, which must be another company than the one after 与
        first = first_organization(view, k)
        subject = ents[first] if first is not None else None
        if subject is None or subject[2].canonical == b.canonical or _same_clause(view.text, subject[0], b_start):
            continue
        others = [ents[k]] + listed_after_party(view, ents, k)  # 将与鄞潼人寿、苾嶒人寿…竞争: each one listed
        last_end = others[-1][1]
        _, c_end = clause_bounds(view.text, last_end, last_end)
        for name in ("competition", "dispute"):
            hit = _find(view.text, lex.symmetric[name], last_end, c_end)
            if hit is None or blocked(view, lex, b_start, hit[0], hit[1]):
                continue
            trigger = view.text_span(hit[0], hit[0] + len(hit[1]))
            for other in others:
                if other[2].canonical == subject[2].canonical:
                    continue
                if name == "competition":
                    yield name, "competition.pair", 0.7, CompetitionArgs(parties=[subject[2], other[2]], trigger=trigger)
                else:
                    yield name, "dispute.pair", 0.7, DisputeArgs(parties=[subject[2], other[2]], trigger=trigger)
            break


def symmetric_relations(view: SentenceView, lex: RelationLexicon) -> Iterator[tuple[str, str, float, object]]:
    """``A 与 B … TRIGGER`` for competition, disputes and mergers."""
    ents = view.entities
    for k in range(len(ents) - 1):
        a = ents[k]
        if declared_short_form(view, a):
            continue  # its full name before the brackets is the party
        # A（以下简称A'）与B: the next party comes after the declaration
        n = next((j for j in range(k + 1, len(ents)) if ents[j][0] >= past_declaration(view, a[1])), None)
        b = ents[n] if n is not None else None
        if b is None or a[2].label not in ("ORG", "PERSON") or b[2].label not in ("ORG", "PERSON") or a[2].canonical == b[2].canonical:
            continue
        gap = view.text[past_declaration(view, a[1]) : b[0]].strip()
        gap = re.sub(r"^[(（][^)）]*[)）]", "", gap).strip()
        if gap not in _CONNECTORS and not _DESCRIBED_PARTY.fullmatch(gap) and not _ADVERBIAL_WITH.fullmatch(gap):
            continue
        if gap == "、" and view.text[: a[0]].rstrip().endswith(_CONNECTORS[:4]):
            continue  # 与中信证券、华泰证券等…竞争: a list of the subject's rivals, not rivals of each other
        others = [b] + listed_after_party(view, ents, n)  # type: ignore[arg-type]
        last = others[-1]
        _, c_end = clause_bounds(view.text, last[1], last[1])
        for name, triggers in lex.symmetric.items():
            hit = _find(view.text, triggers, last[1], c_end)
            if hit is None or blocked(view, lex, a[0], hit[0], hit[1]):
                continue
            if name == "acquisition" and view.text.endswith("新设", 0, hit[0]):
                continue  # 以新设合并方式组建…: a consolidation into a new company, no merger into one of them
            trigger = view.text_span(hit[0], hit[0] + len(hit[1]))
            for other in others:  # 华盛保险与中国平安、中国人寿…竞争: the first party with each one listed
                parties = [a[2], other[2]]
                if name == "competition":
                    yield name, "competition.pair", 0.7, CompetitionArgs(parties=parties, trigger=trigger)
                elif name == "dispute":
                    yield name, "dispute.pair", 0.7, DisputeArgs(parties=parties, trigger=trigger)
                else:
                    yield name, "acquisition.merger", 0.7, AcquisitionArgs(acquirer=a[2], target=other[2], action=trigger)
            break


_RANK_CONFIDENCE = 0.7
"""As for every rule with fewer than 20 scored facts on FinRE train (5 of 6 there are competition)."""
_SHAREHOLDER_RACE = re.compile(r"[^，,。；;]{0,12}股东")
_LEAD_ADVERB = re.compile(r"(?:在[" + HAN + r"]{1,10}中)?[" + HAN + r"]{0,6}")
"""What may open the verb's clause before it: an adverb (首次), the metric ranked (市场份额) or the field
(在中部地区券商中)."""


def ranked_rivals(view: SentenceView, lex: RelationLexicon) -> Iterator[tuple[str, str, float, CompetitionArgs]]:
    """``competition.ranked``: 东星集团超越融众集团; 东星集团在冰箱方面销量仅次于融众集团; 东星集团分别击败融众集团、
    瀚海集团等 — a company ranked against the one (or the list) right after the verb.  The ranked company
    is the nearest one before the verb in its clause, or one opening an earlier clause when the verb
    opens its own (…是第二大银行，仅次于融众银行).  Ranking shareholders (超过…成为第一大股东, 仅次于…的第二大股东) is no rivalry."""
    text = view.text
    ents = view.entities
    for k, (b_start, _, b) in enumerate(ents):
        found = lex.outranking_re.search(text, max(0, b_start - 16), b_start) if b.label == "ORG" else None
        if found is None:
            continue
        v_start, verb_end = found.span("verb")
        verb = found.group("verb")
        if any(verb_end <= s < b_start for s, _, _ in ents):
            continue  # 超过了东星集团收购的融众集团: the description names another company
        first = _ranking_subject(view, lex, k, v_start)
        confidence = _RANK_CONFIDENCE
        if first is None and not any(s < v_start for s, _, e in ents if e.label == "ORG"):
            # …在业界排名第三，仅次于福岚人寿: a sentence naming no company before the verb goes on with
            # the one the sentence before opens with
            earlier = _previous_topic(view)
            first, confidence = ((0, 0, earlier), _CARRIED_RANK_CONFIDENCE) if earlier is not None else (None, confidence)
        if first is None or first[2].canonical == b.canonical:
            continue
        others = [ents[k]] + listed_after_party(view, ents, k)
        if _SHAREHOLDER_RACE.match(text, others[-1][1]) or blocked(view, lex, first[0], v_start, verb):
            continue
        trigger = view.text_span(v_start, verb_end)
        for other in others:
            if other[2].label == "ORG":
                yield "competition", "competition.ranked", confidence, CompetitionArgs(parties=[first[2], other[2]], trigger=trigger)


_RIVAL_CONFIDENCE = 0.7
"""As for every rule with fewer than 20 scored facts on FinRE train."""
_RIVAL_NOUN = re.compile(
    r"(?<!交易)(?:老|主要|直接|最大的?|潜在的?|强劲的?|头号|国际|海外|欧洲|美国|本土|同业|多年的?)*(?:竞争对手|对手|竞争者|劲敌)"
)
"""A rival, maybe described (老对手, 主要竞争对手); 交易对手 is a deal's counterparty."""
_RIVAL_LEAD = re.compile(r"(?:是|为|则是|就是|有)?[，,：:]?(?:包括|如|例如|比如)?")
"""Between the noun and the rivals it names (竞争对手，包括融众集团)."""
_RIVALS_BEFORE = re.compile(r"(?:在内|等)[^，,。；;]{0,10}?$")
"""After rivals listed before the noun (包括融众集团在内的一些竞争对手, 融众支付等已持牌多年的竞争对手)."""
_OF_RIVAL = re.compile(r"(?:在[^，,。；;的]{1,8})?的$")
"""Between a company and its rival noun (东星集团的老对手, 东星集团在华南市场的主要竞争对手)."""


def named_rivals(view: SentenceView, lex: RelationLexicon) -> Iterator[tuple[str, str, float, CompetitionArgs]]:
    """``competition.rival``: a company named as another's rival — 东星集团的老对手融众集团; 东星集团…竞争对手，
    包括融众集团、瀚海集团; 包括融众集团在内的竞争对手.  The company rivalled is the one right before
    ``的`` and the noun, else the first company of the sentence before the noun."""
    text = view.text
    orgs = view.labelled("ORG")
    for noun in _RIVAL_NOUN.finditer(text):
        rivals = _rivals_named(view, orgs, noun)
        owner = next((e for e in orgs if e[1] <= noun.start() and _OF_RIVAL.search(text, e[1], noun.start())), None)
        firsts = [e for e in orgs if e[1] <= noun.start() and all(e[2].canonical != r[2].canonical for r in rivals)]
        owner = owner or (firsts[0] if firsts else None)
        if owner is None or not rivals or blocked(view, lex, owner[0], noun.start(), noun.group()):
            continue
        trigger = view.text_span(noun.start(), noun.end())
        for rival in rivals:
            if rival[2].canonical != owner[2].canonical:
                yield "competition", "competition.rival", _RIVAL_CONFIDENCE, CompetitionArgs(parties=[owner[2], rival[2]], trigger=trigger)


def _rivals_named(view: SentenceView, orgs: Sequence[Placed[Entity]], noun: re.Match[str]) -> list[Placed[Entity]]:
    """The companies a rival noun names: right after it (对手融众集团, 竞争对手，包括融众集团、瀚海集团) or
    listed before it (包括融众集团在内的竞争对手)."""
    lead = _RIVAL_LEAD.match(view.text, noun.end())
    at = lead.end() if lead is not None else noun.end()
    k = next((i for i, e in enumerate(view.entities) if e[0] == at and e[2].label == "ORG"), None)
    if k is not None:
        return [view.entities[k]] + [e for e in listed_after_party(view, view.entities, k) if e[2].label == "ORG"]
    before = [e for e in orgs if e[1] <= noun.start() and _RIVALS_BEFORE.search(view.text, e[1], noun.start())]
    if not before:
        return []
    last = before[-1]
    listed = [last]
    for e in reversed([e for e in orgs if e[1] <= last[0]]):
        if view.text[e[1] : listed[0][0]].strip() not in _CONNECTORS:
            break
        listed.insert(0, e)
    return listed


_CARRIED_RANK_CONFIDENCE = 0.5
"""A ranked company carried from the sentence before is less sure than one named beside the verb."""


def _ranking_subject(view: SentenceView, lex: RelationLexicon, k: int, verb_start: int) -> Placed[Entity] | None:
    """The company ranked by the verb at ``verb_start`` against ``view.entities[k]``: the nearest one before
    that is its subject (see :func:`_ranked_subject`), past names that a ranking verb governs themselves
    (首次超越融众集团，仅次于…: 融众集团 is ranked against, not ranking)."""
    text = view.text
    for p in reversed(view.entities[:k]):
        if p[1] > verb_start or p[2].label not in ("ORG", "PERSON") or declared_short_form(view, p):
            continue  # 东星支付（以下简称东星）…，仅次于…: the short form is the company's second mention
        if p[2].label == "ORG" and _ranked_subject(text, p, verb_start):
            return p
        if lex.outranking_re.search(text, max(0, p[0] - 16), p[0]) is None and not text.endswith(_CONNECTORS, 0, p[0]):
            return None  # 东星集团收购了融众集团，超过瀚海集团: another name between, no rival ranked itself
    return None


def _ranked_subject(text: str, name: Placed[Entity], verb_start: int) -> bool:
    """Whether ``name`` can be the subject of the verb at ``verb_start``: in its clause, at most 16
    characters before; or opening a clause of the sentence (其中，东星集团市场份额为…，…，首次超越…), the
    verb opening a later one after a short adverb, with commas only between."""
    gap = text[name[1] : verb_start]
    breaks = list(CLAUSE_BREAK.finditer(gap))
    if not breaks:
        return len(gap) <= _MAX_GAP
    if any(b.group() not in "，," for b in breaks) or _LEAD_ADVERB.fullmatch(gap, breaks[-1].end()) is None:
        return False
    return len(gap) <= 5 * _MAX_GAP and _clause_opens(text, name[0])


_KIND_LEAD = re.compile(r"[" + HAN + r"]{0,6}(?:业者|公司|平台|机构|企业)$|(?:合并|重组|交易完成|整合)后的$")
"""What the company is, opening its clause before its name (电子支付业者|沛纶电子支付…), or when
(合并后的|燊淮证券…)."""


def _clause_opens(text: str, pos: int) -> bool:
    """At most one character (据), what the company is (电子支付业者) or a period (今年前10月) between the last
    clause break (or the sentence's start) and ``pos``."""
    if pos <= 1 or any(CLAUSE_BREAK.match(text, at) is not None for at in (pos - 2, pos - 1)):
        return True
    lead = _KIND_LEAD.search(text, max(0, pos - 10), pos) or _TIME_LEAD.search(text, max(0, pos - 8), pos)
    return lead is not None and (lead.start() == 0 or CLAUSE_BREAK.match(text, lead.start() - 1) is not None)


_TIME_LEAD = re.compile(r"(?:今年|去年|本年|上半年|下半年)?(?:前|首)?(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2})(?:个)?(?:月|季度?)(?:底|末)?$")
"""A period opening the clause before the company (今年前10月|东星证券…)."""


def listed_after_party(view: SentenceView, ents: Sequence[Placed[Entity]], k: int, labels: tuple[str, ...] = ("ORG", "PERSON")) -> list[Placed[Entity]]:
    """The parties (or entities with ``labels``) listed right after ``ents[k]`` (、中国人寿, 和中国人寿)."""
    out = []
    while k + 1 < len(ents) and view.text[ents[k][1] : ents[k + 1][0]].strip() in _CONNECTORS and ents[k + 1][2].label in labels:
        k += 1
        out.append(ents[k])
    return out


_REMAINDER = re.compile(r"(?:其[余他]|另外|剩余|余下)(?:的)?(?:股份|股权)?[^，,。；;由]{0,12}由$")
_HOLDS = re.compile(r"(?:持有|持股|所持有|共同持有)")
_HOLDS_LATER = re.compile(r"(?:将|已|仍|将会|届时将)?(?:持有|持股|所持有|共同持有)")
"""持有 after a holder, maybe in the future (债转股完成后，陇垣资产将持有祁钧钢铁…)."""


_FUNDS = re.compile(r"(?:共同|合计|分别|拟|将)?(?:出资|认购|入股)")
"""A company putting money in (宁海银行出资9亿元，晨曦集团出资6亿元…): another holder, not the topic."""


def _topic_before(view: SentenceView, orgs: Sequence[Placed[Entity]], pos: int, other: Entity) -> Placed[Entity] | None:
    """The company a sentence is about, named before ``pos`` and other than ``other``: the one a 由
    follows (星汇银行由星汇集团持有…), else the first named."""
    founded = _founded_before(view, orgs, pos)
    if founded is not None and founded[2].canonical != other.canonical:
        return founded  # …设立邿泽保险代理有限公司，其中缗泽人寿拟持股49%: the company founded
    before = [e for e in orgs if e[1] <= pos and e[2].canonical != other.canonical]
    # 苕溪国投持股9.86%，…；晟岱实业持股6.02%: a holder (or funder) listed before is another holder, not the topic
    before = [
        e for e in before
        # (A对B的持股比例: B after 对 is the company held, the topic)
        if (_HELD_AFTER_LEAD.search(view.text, max(0, e[0] - 8), e[0]) is not None or not _STAKE_VERB.match(view.text, _held_before_stake(view, orgs, past_declaration(view, e[1]))[1]))
        and not _HOLDS_LATER.match(view.text, e[1]) and not _FUNDS.match(view.text, e[1])
        and not (e[2].source == "coreference" and view.text.endswith("持有", 0, e[0]))
    ]  # …，北汽将持有…: a company followed by 持有 holds, it is no topic; 持有该公司: a reference held by it
    # 由原股东宁海银行和新股东晨曦集团…: holders; a short form declared after a name is that name again
    before = [e for e in before if not view.text.endswith("股东", 0, e[0]) and not declared_short_form(view, e)]
    first = next((e for e in before if view.text.startswith("由", e[1])), before[0] if before else None)
    held = _held_after(view, orgs, first) if first is not None else None
    # 砺诚保险集团持有砺诚财险68.5%的股份，…；澍阳港务持股15%: the company the first holder holds
    return held if held is not None and held[2].canonical != other.canonical else first


_FOUNDING = ("设立", "成立", "组建", "新设")
"""Verbs right before a company being founded (共同出资设立|邿泽保险代理有限公司)."""


def _founded_before(view: SentenceView, orgs: Sequence[Placed[Entity]], pos: int) -> Placed[Entity] | None:
    """The company a clause before founds, when a clause opening with 其中 lists the stakes up to ``pos``
    (共同出资设立X，其中A拟持股49%，B拟持股51%)."""
    founded = next((e for e in reversed(orgs) if e[1] <= pos and view.text.endswith(_FOUNDING, 0, e[0])), None)
    if founded is None:
        return None
    between = view.text[founded[1] : pos]
    return founded if re.match(r"[，,]其中", between) and not re.search(r"[。；;！？]", between) else None


def _held_after(view: SentenceView, orgs: Sequence[Placed[Entity]], holder: Placed[Entity]) -> Placed[Entity] | None:
    """The company right after ``holder`` and 持有 (A持有|B…, A将持有|B…), or after a copula when a holder's noun
    follows it (A（以下简称A'）为|B|控股股东), if the sentence goes on that way."""
    after = past_declaration(view, holder[1])
    verb = _HOLDS_LATER.match(view.text, after)
    if verb is not None:
        return next((e for e in orgs if e[0] == verb.end()), None)
    copula = next((c for c in sorted(_IS_HOLDER, key=len, reverse=True) if view.text.startswith(c, after)), None)
    held = next((e for e in orgs if copula is not None and e[0] == after + len(copula)), None)
    return held if held is not None and _HOLDER_NOUN.match(view.text, past_declaration(view, held[1])) else None


def remainders(view: SentenceView, lex: RelationLexicon) -> Iterator[tuple[str, str, float, OwnershipArgs]]:
    """``ownership.remainder``: 星汇银行由星汇集团持有70%股权，其余30%由安信保险持有 — the rest of the
    company the sentence opened with is held by the one named after 由."""
    text = view.text
    orgs = view.labelled("ORG")
    for h_start, h_end, holder in orgs:
        rest = _REMAINDER.search(text, max(0, h_start - 20), h_start)
        if rest is None or not _HOLDS.match(text, h_end):
            continue
        held = _topic_before(view, orgs, rest.start(), holder)
        if held is None or blocked(view, lex, rest.start(), h_end, ""):
            continue
        stake = next((f for s, _, f in view.figures if rest.start() <= s < h_start and _is_stake(f)), None)
        action = view.text_span(h_end, _HOLDS.match(text, h_end).end())  # type: ignore[union-attr]
        yield "ownership", "ownership.remainder", 0.7, OwnershipArgs(holder=holder, held=held[2], action=action, stake=stake)  # type: ignore[arg-type]


_ASSETS_SOLD_BY = re.compile(r"[^，,。；;]{0,60}?(?:转让|出售|挂牌转让|处置)的[^，,。；;]{0,12}?(?:资产包|资产|债权|不良贷款)")
"""After the company whose assets a deal buys (…洺溪银行转让的对公不良资产包): the company is the seller."""
_FUNDS_ITS = re.compile(r"[^，,。；;]{0,12}?(?:对|向)其(?:进行)?(?:增资|注资)")


def funds_its(view: SentenceView, lex: RelationLexicon) -> Iterator[tuple[str, str, float, OwnershipArgs]]:
    """``ownership.funds_its``: 瀛楚资产控股股东晞峪金控已于11月完成对其增资15亿元 — 其 is the sentence's first
    company, which the one putting in funds holds."""
    text = view.text
    for h_start, h_end, holder in view.labelled("ORG"):
        verb = _FUNDS_ITS.match(text, past_declaration(view, h_end))
        first = first_organization(view, len(view.entities)) if verb is not None else None
        held = view.entities[first] if first is not None else None
        if verb is None or held is None or held[1] > h_start or held[2].canonical == holder.canonical or blocked(view, lex, h_start, verb.end(), ""):
            continue
        action = view.text_span(verb.end() - 2, verb.end())
        yield "ownership", "ownership.funds_its", 0.6, OwnershipArgs(holder=holder, held=held[2], action=action)  # type: ignore[arg-type]


_FUNDS_SHARE = re.compile(r"(?:注资|增资|出资)(?=[\d约近逾超])")


def funding_shares(view: SentenceView, lex: RelationLexicon) -> Iterator[tuple[str, str, float, OwnershipArgs]]:
    """``ownership.funding_share``: 两名股东向珂潾银行注资合共6亿港元，其中缇峒科技注资3.6亿港元 — a company
    putting in its share of funds (注资 and an amount) funds the company named after 向 with a funding verb
    earlier in the sentence."""
    text = view.text
    orgs = view.labelled("ORG")
    funded = [o for o in orgs if text.endswith("向", 0, o[0]) and _find(text, _FUNDING, o[1], min(len(text), o[1] + 4))]
    if not funded:
        return
    for h_start, h_end, holder in orgs:
        verb = _FUNDS_SHARE.match(text, h_end)
        held = next((o for o in reversed(funded) if o[1] <= h_start and o[2].canonical != holder.canonical), None)
        if verb is None or held is None or blocked(view, lex, h_start, verb.start(), verb.group()):
            continue
        action = view.text_span(verb.start(), verb.start() + 2)
        yield "ownership", "ownership.funding_share", 0.6, OwnershipArgs(holder=holder, held=held[2], action=action)  # type: ignore[arg-type]


_HELD_BY = re.compile(r"[，,；;](?:目前|现时|现在|现|如今|则|仍)?由$")
_HELD_VERB = re.compile(r"(?:全资|间接|直接|共同)?持有(?=[，,。；;]|$)")
_STAKE_HELD_VERB = re.compile(r"(?:持股|持有)(?=[，,。；;]|$)")
"""The verb after a stake that closes a 由 clause (由浭阳银行100%|持股。)."""


def held_by(view: SentenceView, lex: RelationLexicon) -> Iterator[tuple[str, str, float, OwnershipArgs]]:
    """``ownership.held_by``: 融众集团于2009年由李明创立，目前由东星集团全资持有 — a clause opening with 由 and
    ending with 持有 (or a stake and 持股: 由浭阳银行100%持股) says who holds the company the sentence opened with."""
    text = view.text
    orgs = view.labelled("ORG")
    for h_start, h_end, holder in orgs:
        verb = _HELD_VERB.match(text, h_end)
        # 由浭阳银行100%持股: the stake before the verb
        stake = next((f for s, _, f in view.figures if s == h_end and _is_stake(f)), None) if verb is None else None
        if stake is not None:
            verb = _STAKE_HELD_VERB.match(text, _stake_end(view, stake))
        opening = _HELD_BY.search(text, max(0, h_start - 4), h_start) if verb is not None else None
        if opening is None:
            continue
        first = first_organization(view, len(view.entities))
        held = view.entities[first] if first is not None else None
        if held is None or held[1] > opening.start() or held[2].canonical == holder.canonical or blocked(view, lex, held[0], h_end, ""):
            continue
        action = view.text_span(verb.end() - 2, verb.end())  # type: ignore[union-attr]  # 全资|持有: the verb
        yield "ownership", "ownership.held_by", 0.7, OwnershipArgs(holder=holder, held=held[2], action=action, stake=stake)  # type: ignore[arg-type]


_IS_UNDER = ("是", "为", "系", "乃", "成为", "将成为")
_UNDER_AFTER = re.compile(r"的?(?:旗下|下属|所属|属下|全资子公司|控股子公司|子公司|全资附属公司|附属公司)|(?:全资|绝对)?控股(?=的)")
_SUBORDINATE = re.compile(r"隶属于?")
_CODE_BRACKET = re.compile(r"[（(](?:股份代号|股票代码|证券代码|股票代号)?[:：]?\s*[0-9A-Z.]{3,12}[)）]")
"""A company's stock code in brackets after its name (（股份代号：2379）, (2882))."""
_LISTED_COPULA = re.compile(r"(?:" + "|".join(_IS_UNDER) + r")[^，,。；;、的]{0,6}上市的")
"""A copula and where the holder is listed (为香港上市的|…)."""


def units_under(view: SentenceView, lex: RelationLexicon) -> Iterator[tuple[str, str, float, OwnershipArgs]]:
    """``ownership.under``: 融众集团是东星集团旗下的支付平台, 融众集团系东星集团下属子公司, 融众集团隶属于东星集团,
    融众集团是东星集团全资控股的企业, A与B均为C百分之百持股的子公司 (both, with the stake),
    融众集团将成为东星集团的子公司 — the company said to be under the next one is held by it; 融众集团将成为其附属公司:
    by the company named last before."""
    text = view.text
    ents = view.entities
    for (a_start, a_end, a), (b_start, b_end, b) in zip(ents, ents[1:]):
        if a.label != "ORG" or b.label != "ORG" or a.canonical == b.canonical or b_start - a_end > 12:
            continue
        gap = text[a_end:b_start].lstrip("均都皆亦也")  # A与B均为C…的子公司: both are
        # 澯暟人寿为香港上市的椲桻保险集团…的全资附属公司: the holder may be described by its listing; its stock code
        # in brackets may follow it (…金融集团（股份代号：2379）的全资附属公司)
        after = past_declaration(view, b_end)
        after = code.end() if (code := _CODE_BRACKET.match(text, after)) is not None else after
        # …为瑎崙金控百分之百持股的子公司: the stake the holder has, before the unit
        held_stake = next(((e, f) for s, e, f in view.figures if s == after and _is_stake(f) and text.startswith("持股", e)), None)
        after = held_stake[0] + 2 if held_stake is not None else after
        under = _UNDER_AFTER.match(text, after) if gap in _IS_UNDER or _LISTED_COPULA.fullmatch(gap) else None
        if under is None and _SUBORDINATE.fullmatch(gap) is None:
            continue
        if blocked(view, lex, a_start, b_start, ""):
            continue
        start, end = (under.start() + text.startswith("的", under.start()), under.end()) if under else (a_end, b_start)
        if held_stake is not None:
            start, end = held_stake[0], held_stake[0] + 2  # 百分之百|持股|的子公司: the verb as written
        stake = held_stake[1] if held_stake is not None else None
        for unit in [(a_start, a_end, a)] + _listed_before(view, (a_start, a_end, a)):
            yield "ownership", "ownership.under", _UNDER_CONFIDENCE, OwnershipArgs(holder=b, held=unit[2], action=view.text_span(start, end), stake=stake)
    for a_start, a_end, a in view.labelled("ORG"):
        becomes = _BECOMES_ITS_UNIT.match(text, a_end)
        holder = next((e for e in reversed(view.labelled("ORG")) if e[1] <= a_start and e[2].canonical != a.canonical and not declared_short_form(view, e)), None)
        if becomes is None or holder is None or blocked(view, lex, a_start, becomes.start(), ""):
            continue
        # 朗曜将成为其附属公司: 其 is the company named last before
        yield "ownership", "ownership.under", _UNDER_CONFIDENCE, OwnershipArgs(holder=holder[2], held=a, action=view.text_span(*becomes.span("unit")))


def _listed_before(view: SentenceView, last: Placed[Entity], joiners: Sequence[str] = (*_LIST_JOINERS, "与")) -> list[Placed[Entity]]:
    """The organizations listed right before ``last``, in order, with one of ``joiners`` between each two and
    maybe the brackets declaring a short form after a name (瑎崙银行与|湄聿银行均为…; A（下称「A'」，股份代号：1893）与|B)."""
    out: list[Placed[Entity]] = []
    start = last[0]
    while (joiner := next((j for j in joiners if view.text.endswith(j, 0, start)), None)) is not None:
        end = start - len(joiner)
        before = next(
            (e for e in reversed(view.labelled("ORG")) if e[1] <= end and not declared_short_form(view, e) and not _BRACKETED_ASIDE.sub("", view.text[e[1] : end])),
            None,
        )
        if before is None:
            break
        out.insert(0, before)
        start = before[0]
    return out


_BECOMES_ITS_UNIT = re.compile(r"(?:将|已|亦将)?成为其(?P<unit>(?:全资|控股)?(?:附属公司|子公司))")


_IS_HOLDER = ("是", "为", "系", "乃", "仍是", "仍为", "作为", "成为", "将成为", "已成为")
_HOLDER_NOUN = re.compile(r"的?(?P<noun>第[一二三四五六七八九十\d]+大股东|控股股东|最大股东|大股东|母公司|控股公司|实际控制人|股东)(?!大会|会|名册)")
_HOLDER_OF_CONFIDENCE = 0.75


def holders_of(view: SentenceView, lex: RelationLexicon) -> Iterator[tuple[str, str, float, OwnershipArgs]]:
    """``ownership.holder_of``: 金海岸集团是罗顿发展大股东, 宏远集团为嘉禾银行控股股东, 宏远集团作为嘉禾银行的控股股东,
    宏远集团将成为嘉禾银行第一大股东 — the first holds the company named right after the copula.  A name right
    after the noun is the one it describes (…为嘉禾银行控股股东华信集团旗下公司) and makes no pair here."""
    text = view.text
    ents = view.entities
    for k, (a_start, a_end, a) in enumerate(ents):
        if declared_short_form(view, ents[k]):
            continue  # its full name before the brackets is the holder
        # A（以下简称A'）为B控股股东: the next name comes after the declaration
        after = past_declaration(view, a_end)
        nxt = next((e for e in ents[k + 1 :] if e[0] >= after), None)
        if nxt is None:
            continue
        b_start, b_end, b = nxt
        if a.label not in ("ORG", "PERSON") or b.label != "ORG" or a.canonical == b.canonical or text[after:b_start] not in _IS_HOLDER:
            continue
        noun = _HOLDER_NOUN.match(text, past_declaration(view, b_end))
        if noun is None or any(s == noun.end() for s, _, _ in ents) or blocked(view, lex, a_start, b_start, ""):
            continue
        following = _STAKE_NEXT.match(text, noun.end())  # …为B控股股东，持股比例为64.25%
        stake = _stake_at(view, following.end()) if following is not None else None
        args = OwnershipArgs(holder=a, held=b, action=view.text_span(*noun.span("noun")), stake=stake)
        yield "ownership", "ownership.holder_of", _HOLDER_OF_CONFIDENCE, args


_ITS_HOLDER = re.compile(r"[，,](?:并|亦|也)?(?:为|是|系|成为)其(?P<noun>控股股东|第一大股东|第二大股东|大股东)")
_HOLDING_VERB = re.compile(r"(?:合计|直接|间接)?(?:持有|持股)")


def holders_of_its(view: SentenceView, lex: RelationLexicon) -> Iterator[tuple[str, str, float, OwnershipArgs]]:
    """``ownership.holder_clause``: 墀禾控股有限公司持有湑岚科技38.6%的股份，为其控股股东 — the holder of the clause
    before (the mention nearest its verb) is the held company's controlling shareholder."""
    text = view.text
    for m in _ITS_HOLDER.finditer(text):
        c_start, _ = clause_bounds(text, m.start(), m.start())
        verb = _HOLDING_VERB.search(text, c_start, m.start())
        if verb is None:
            continue
        before = [p for p in view.labelled("ORG") + view.labelled("PERSON") if c_start <= p[0] and p[1] <= verb.start()]
        held = next((p for p in view.labelled("ORG") if verb.end() <= p[0] < m.start()), None)
        if not before or held is None or blocked(view, lex, c_start, verb.start(), verb.group()):
            continue
        holder = max(before, key=lambda p: p[1])
        if holder[2].canonical == held[2].canonical:
            continue
        yield "ownership", "ownership.holder_clause", _HOLDER_OF_CONFIDENCE, OwnershipArgs(holder=holder[2], held=held[2], action=view.text_span(*m.span("noun")))


_UNDER_CONFIDENCE = 0.7
"""As for every rule with fewer than 20 scored facts on FinRE train (6 of 7 such pairs there are 拥有)."""
_UNITS_OF_SUBJECT = re.compile(r"(?:其|来自|包括|通过|拥有|整合|故|因此|所以|因而)旗下的?")
"""旗下 after a verb or 其, no holder right before: the sentence's subject holds what follows."""
_SUBJECT_UNITS_CONFIDENCE = 0.6
_AGENT_OF_QI = re.compile(r"[" + HAN + r"]{1,4}")
"""A short verb between a company and 其 (青岛啤酒并购|其): the company acts on what 其 refers to."""


def subject_units(view: SentenceView, lex: RelationLexicon) -> Iterator[tuple[str, str, float, OwnershipArgs]]:
    """``ownership.subject_units``: 璟昕金控指出，…，获利主要来自旗下璟昕商业银行与璟昕人寿两大子公司 — the
    companies listed after 来自旗下 (通过旗下 …) are held by the company the sentence opens with, those after
    其旗下 by the company named last before it."""
    orgs = view.labelled("ORG")
    for found in _UNITS_OF_SUBJECT.finditer(view.text):
        k = next((i for i, e in enumerate(view.entities) if e[0] == found.end() and e[2].label == "ORG"), None)
        if k is None:
            continue
        units = _listed_units(view, view.entities[k])
        before = [e for e in orgs if e[1] <= found.start() and not declared_short_form(view, e)]
        if view.text.startswith("其", found.start()):
            # 其旗下: the company 其 refers to, the nearest before that is not the agent of the verb before 其
            # (…与鲁商集团达成协议，青岛啤酒并购其旗下…: 鲁商集团)
            before = [e for e in before if not _AGENT_OF_QI.fullmatch(view.text, e[1], found.start())][-1:]
        elif view.text.startswith(("通过", "透过"), found.start()):
            # 榛埕人寿于11月21日通过旗下…: the company opening 通过's own clause, if one does
            c_start, _ = clause_bounds(view.text, found.start(), found.start())
            before = [e for e in before if e[0] >= c_start][:1] or before
        holder = before[0] if before else None
        if holder is None or any(u[2].canonical == holder[2].canonical for u in units) or blocked(view, lex, holder[0], found.start(), ""):
            continue
        at = view.text.index("旗下", found.start(), found.end())
        action = view.text_span(at, at + 2)
        for unit in units:
            yield "ownership", "ownership.subject_units", _SUBJECT_UNITS_CONFIDENCE, OwnershipArgs(holder=holder[2], held=unit[2], action=action)


_BRACKETED = re.compile(r"^[（(][^（()）]*[)）]")


def _listed_units(view: SentenceView, first: Placed[Entity]) -> list[Placed[Entity]]:
    """``first`` and the organizations listed after it, past short forms declared in brackets
    (璟昕商业银行（璟昕银行）与璟昕人寿…)."""
    units = [first]
    for e in view.entities:
        if e[0] < units[-1][1] or declared_short_form(view, e):
            continue
        gap = _BRACKETED.sub("", view.text[units[-1][1] : e[0]]).strip()
        if e[2].label != "ORG" or gap not in _CONNECTORS:
            break
        units.append(e)
    return units


_HOLDS = re.compile(r"(?:合计|共|直接|间接)?持有")
_STAKE_VERB = re.compile(r"(?:则|亦|也|另)?(?:拟|将)?(?:合计|共|直接|间接)?(?P<verb>持股|持有(?=股份|其|余下|其余|剩余))(?:股份|其|(?:余下|其余|剩余)的?)?(?:比例)?(?:为|约|达)?")
"""A stake's verb after its holder (持股9%, 持有其72%, 则持有余下25%, 拟持股49%); the group ``verb`` is the action."""


def topic_stakes(view: SentenceView, lex: RelationLexicon) -> Iterator[tuple[str, str, float, OwnershipArgs]]:
    """``ownership.topic_stake``: 星汇银行注册资本为50亿元，星汇集团持股70%，安信保险持股30% — a
    holder with a stake and no company after it (or 其 for it: 持有其72%的股权; or the stake opening the
    next clause: A认购新增注册资本1.35亿元，增资后持股9%) holds the company the sentence is about, or,
    when it names none, the one the sentence before opens with (confidence 0.5).  The stake may be the
    level it moved to (持股比例由51%被稀释至34%), and the company held may be written before it
    (A对B的持股比例将由60%升至68.57%, A在B的持股比例, A对B持股增至…)."""
    text = view.text
    orgs = view.labelled("ORG")
    # A（以下简称A'）持股7.5%: the stake after the brackets declaring the holder's short form; A对B的持股比例…:
    # the company held written before the stake
    found = [
        ((h_start, h_end, holder), verb, named)
        for h_start, h_end, holder in orgs
        if not declared_short_form(view, (h_start, h_end, holder))
        for named, at in [_held_before_stake(view, orgs, past_declaration(view, h_end))]
        if (verb := _STAKE_VERB.match(text, at)) is not None
    ]
    named = {held[0] for _, _, held in found if held is not None}
    # A对B的持股比例, 其对B的…: B is held, not a holder of its own
    found = [f for f in found if f[0][0] not in named and not _HELD_AFTER_LEAD.search(text, max(0, f[0][0] - 8), f[0][0])]
    referred = list(_stakes_of_qi(view, orgs))
    found += referred + [(holder, verb, None) for holder, verb in _clause_opening_holders(view, orgs)]
    holders = {h[2].canonical for h, _, _ in found}
    of_qi_at = {(h[0], v.start()) for h, v, _ in referred}
    for (h_start, h_end, holder), verb, named_held in found:
        stake = _stake_at(view, verb.end())
        _, c_end = clause_bounds(text, verb.start(), verb.start())
        if stake is None or any(verb.start() < s < c_end for s, _, _ in orgs):
            continue
        of_qi = (h_start, verb.start()) in of_qi_at
        own_kind = _HOLDER_KIND.fullmatch(text, clause_bounds(text, h_start, h_start)[0], h_start) is not None  # 新股东A…
        if verb.start() > past_declaration(view, h_end) and text.endswith("股东", 0, h_start) and not of_qi and not own_kind:
            continue  # B控股股东A的持股比例由…降至…: the holder named by its rank, read by ownership.reverse
        via = None
        through = _THROUGH.search(text, max(0, h_start - 12), h_start)
        if through is not None:
            # 栖鹿科技通过全资子公司武汉栖鹿数字持股49%: the company before 通过 holds, through this one
            parent = next((p for p in reversed(orgs) if p[1] == through.start()), None)
            if parent is None:
                continue
            via, holder, h_start = holder, parent[2], parent[0]
        held = named_held or _topic_before(view, orgs, h_start, holder) or _becomes_holder_of(view, _stake_end(view, stake))
        if held is not None and held[2].canonical in holders:
            held = None  # A…，持股9%；B…，持股6%: a holder listed before is another holder, not the topic
        confidence = 0.6
        if held is None and via is None and (earlier := _previous_topic(view)) is not None and earlier.canonical != holder.canonical:
            held, confidence = (0, 0, earlier), 0.5  # 招股书显示，苕溪农商行股权较为分散。发行前，A持股9.86%…
        # 并未参与认购，其对B的…: what is denied before 其 is not its stake
        read_from = text.rfind("其", h_start, verb.start()) if of_qi else h_start
        if held is None or (via is not None and held[2].canonical == via.canonical) or blocked(view, lex, read_from, verb.start(), ""):
            continue
        named = verb.span("verb") if "verb" in verb.re.groupindex else verb.span()
        action = view.text_span(*named)  # 持有|其, 则|持有|余下: the verb alone
        yield "ownership", "ownership.topic_stake", confidence, OwnershipArgs(holder=holder, held=held[2], action=action, stake=stake, via=via)  # type: ignore[arg-type]


_BOTH_HOLD = re.compile(r"[，,](?:两者|二者|双方|两家公司|两家|三者|三家公司|三家)分别(?P<verb>持有)(?:其)?")
"""Holders named together before, each with its stake after (…合资成立，两者分别持有55%及45%股权)."""


def respective_stakes(view: SentenceView, lex: RelationLexicon) -> Iterator[tuple[str, str, float, OwnershipArgs]]:
    """``ownership.respective_stakes``: 珅湾银行由A与B合资成立，两者分别持有55%及45%股权 — the companies joined
    right before (as many as the stakes listed) hold the company the sentence opens with, each its own stake."""
    orgs = [e for e in view.labelled("ORG") if not declared_short_form(view, e)]
    for found in _BOTH_HOLD.finditer(view.text):
        stakes = _listed_stakes(view, found.end())
        named = [e for e in orgs if e[1] <= found.start()]
        holders = _listed_before(view, named[-1], ("与", "和", "及", "、")) + named[-1:] if named else []
        first = first_organization(view, len(view.entities))
        held = view.entities[first] if first is not None else None
        if len(stakes) < 2 or len(holders) != len(stakes) or held is None or any(h[2].canonical == held[2].canonical for h in holders):
            continue
        if blocked(view, lex, held[0], found.start(), ""):
            continue
        action = view.text_span(*found.span("verb"))
        for holder, stake in zip(holders, stakes):
            yield "ownership", "ownership.respective_stakes", 0.7, OwnershipArgs(holder=holder[2], held=held[2], action=action, stake=stake)


def _listed_stakes(view: SentenceView, pos: int) -> list[Figure]:
    """The stakes listed from ``pos`` on (55%及45%, 40%、35%和25%)."""
    out: list[Figure] = []
    while (nxt := next(((e, f) for s, e, f in view.figures if s == pos and _is_stake(f)), None)) is not None:
        out.append(nxt[1])
        joiner = next((j for j in _LIST_JOINERS if view.text.startswith(j, nxt[0])), None)
        if joiner is None:
            break
        pos = nxt[0] + len(joiner)
    return out


def _stakes_of_qi(view: SentenceView, orgs: Sequence[Placed[Entity]]) -> Iterator[tuple[Placed[Entity], re.Match[str], Placed[Entity]]]:
    """``(holder, stake verb, held)`` for 其对B的持股比例…: 其 is the organization named last before it
    (另一股东瀚海投资并未参与认购，其对澹棂银行的持股比例由9%被稀释至6.75%)."""
    text = view.text
    for held in orgs:
        lead = _HELD_AFTER_LEAD.search(text, max(0, held[0] - 8), held[0])
        if lead is None or not text.endswith("其", 0, lead.start()):
            continue
        before = [e for e in orgs if e[1] < lead.start() and not declared_short_form(view, e)]
        after = past_declaration(view, held[1])
        verb = _STAKE_VERB.match(text, after + 1 if text.startswith("的", after) else after)
        if before and verb is not None and before[-1][2].canonical != held[2].canonical:
            yield before[-1], verb, held


def _stake_end(view: SentenceView, stake: Figure) -> int:
    """Where ``stake`` ends in the sentence's working text."""
    return next((e for _, e, f in view.figures if f is stake), -1)


def _held_before_stake(view: SentenceView, orgs: Sequence[Placed[Entity]], pos: int) -> tuple[Placed[Entity] | None, int]:
    """After a holder at ``pos``: past 的 (A的持股比例), or past 对B(的) or 在B的 with the company B it names
    (A对B的持股比例, A对B持股增至…, A在上市公司B的持股比例); that company, if any, and where the stake's verb may start."""
    text = view.text
    if text.startswith("的", pos):
        return None, pos + 1
    lead = _HELD_LEAD.match(text, pos)
    held = next((e for e in orgs if e[0] == lead.end()), None) if lead is not None else None
    if held is None:
        return None, pos
    after = past_declaration(view, held[1])
    if text.startswith("的", after):
        return held, after + 1
    return (held, after) if lead.group(1) == "对" else (None, pos)


_HELD_LEAD = re.compile(r"([对在])(?:上市公司)?(?:\*?ST)?")
"""Between a holder and the company it holds a stake in (对|, 在上市公司|, 对*ST|)."""
_HELD_AFTER_LEAD = re.compile(_HELD_LEAD.pattern + "$")


_STAKE_MOVE = re.compile(r"(?:将|已|则)?(?:由[^，,。；;至到]{1,14}?)?被?(?:稀释|增加|增长|上升|提高|提升|下降|减少|降低|回落|升|降|增|减)(?:至|到)")
"""Where a stake moves to after its noun (持股比例将由60%升至…, 持股比例被稀释至…): the level after it is the stake."""


def _stake_at(view: SentenceView, pos: int) -> Figure | None:
    """The stake written at ``pos``, or the level it moves to from there (由51%被稀释至|34%)."""
    stake = next((f for s, _, f in view.figures if s == pos and _is_stake(f)), None)
    moved = _STAKE_MOVE.match(view.text, pos) if stake is None else None
    return next((f for s, _, f in view.figures if moved is not None and s == moved.end() and _is_stake(f)), stake)


_CLAUSE_STAKE = re.compile(r"(?<=[，,])(?:本次增资后|增资完成后|增资后|交易完成后|完成后)?(?:合计|直接)?(?:持股|持有股份)(?:比例)?(?:为|约|达)?")
"""A stake opening a clause, its holder opening the clause before (A认购新增注册资本1.35亿元，增资后持股9%)."""


def _clause_opening_holders(view: SentenceView, orgs: Sequence[Placed[Entity]]) -> Iterator[tuple[Placed[Entity], re.Match[str]]]:
    """Holders of stakes written at the start of the clause after theirs (…A认购…，增资后持股9%)."""
    for verb in _CLAUSE_STAKE.finditer(view.text):
        c_start, _ = clause_bounds(view.text, verb.start() - 1, verb.start() - 1)
        holder = next((e for e in orgs if e[0] == c_start or _HOLDER_KIND.fullmatch(view.text, c_start, e[0])), None)
        if holder is not None and not any(holder[1] < e[0] < verb.start() for e in orgs if not declared_short_form(view, e)):
            yield holder, verb


_HOLDER_KIND = re.compile(r"(?:新|老|另一|原)?股东")
"""What the holder opening a clause is, before its name (新股东犍瑞科技出资…认购…，持股10%)."""
_BECOMES_HOLDER = re.compile(r"[，,](?:并|从而|进而|将)?成为$")


def _becomes_holder_of(view: SentenceView, stake_end: int) -> Placed[Entity] | None:
    """The company of which the holder becomes a ranked shareholder in the clause after its stake
    (…，持股10%，成为澹棂银行第三大股东)."""
    for org in view.labelled("ORG"):
        if org[0] <= stake_end or org[0] - stake_end > 4:
            continue
        if _BECOMES_HOLDER.search(view.text, stake_end, org[0]) and _HOLDER_NOUN.match(view.text, past_declaration(view, org[1])):
            return org
    return None


_ANNOUNCEMENT_LEAD = re.compile(r"(?:据)?公告(?:显示|称|披露|指出)[，,：:]")
"""A sentence reporting what the announcement says goes on with the company of the paragraph before."""


def _previous_topic(view: SentenceView) -> Entity | None:
    """The first organization of the sentence right before, in the same paragraph, or across a paragraph
    break when the sentence opens with 公告显示 (the company a sentence listing its holders' stakes is
    about when it names none)."""
    lead = _ANNOUNCEMENT_LEAD.match(view.text)
    prev = previous_sentence(view, "\n" if lead is None else None)
    if prev is None:
        return None
    return next((e for e in view.doc.entities if e.label == "ORG" and prev.start <= e.start and e.end <= prev.end), None)


_STAKE_NEXT = re.compile(r"[，,](?:其)?(?:持股比例|持股)(?:为|达到|达|约)?")
_HOLDER_NAMED = re.compile(r"(?:控股股东|第一大股东|大股东|母公司|实际控制人)(?:为|是)$")
_RANKED_HOLDER = re.compile(r"(?<=[；;])(?:第[一二三四五六七八九十\d]+大股东|控股股东|大股东)$")
"""A shareholder's rank opening a part after a semicolon, right before its name (…；第二大股东钱垣实业…持股比例…);
after a comma it is ``ownership.reverse``'s (华晟基金近日公告，控股股东华晟证券…)."""


def named_holders(view: SentenceView, lex: RelationLexicon) -> Iterator[tuple[str, str, float, OwnershipArgs]]:
    """``ownership.topic_holder``: 华信信托成立于1986年，…，控股股东为华信集团，持股比例为78.3%; 公司控股股东…，
    …；第二大股东钱垣实业持股比例… — the holder named after 控股股东为 (or after its rank opening a clause)
    holds the company the sentence is about."""
    text = view.text
    orgs = view.labelled("ORG")
    for h_start, h_end, holder in orgs:
        named = _HOLDER_NAMED.search(text, max(0, h_start - 8), h_start) or _RANKED_HOLDER.search(text, max(0, h_start - 8), h_start)
        if named is None:
            continue
        held = _topic_before(view, orgs, named.start(), holder)
        if held is None or _no_break(text, held[1], named.start()) or blocked(view, lex, named.start(), named.start(), ""):
            continue  # 宁海银行控股股东为…: the near form is ownership.reverse's
        action = view.text_span(named.start(), named.end() - (1 if text[named.end() - 1] in "为是" else 0))
        stake = _figure_near(view, h_start, _is_stake, _next_party(view, held[2], holder))
        following = _STAKE_NEXT.match(text, past_declaration(view, h_end))
        if stake is None and following is not None:  # …华信集团（以下简称…），持股比例为78.3%
            stake = next((f for s, _, f in view.figures if s == following.end() and _is_stake(f)), None)
        yield "ownership", "ownership.topic_holder", 0.7, OwnershipArgs(holder=holder, held=held[2], action=action, stake=stake)  # type: ignore[arg-type]


_TRANSFER_TO = re.compile(r"(?:无偿)?(?:划转|划拨)(?:给|予|至)|(?:转让|出售|转售|让售)(?:给|予)|售予|卖给")
"""The verb before the company shares go to: sold (转让给, 售予) or transferred free of charge (无偿划转至)."""
_STAKE_GAP = re.compile(r"的?(?:全部|部分|约)?[\d.,%％万亿千百]*(?:股)?的?(?:股权|股份)(?:以[^，,。；;]{0,16}?(?:的价格|价格|对价)?)?$")
"""From the company whose shares are sold to the transfer verb: 融众集团|35%的股权(以2亿元的价格)|转让给."""


def transferees(view: SentenceView, lex: RelationLexicon) -> Iterator[tuple[str, str, float, OwnershipArgs]]:
    """``ownership.transferee``: 华丽集团拟将融众集团35%的股权转让给瀚海集团, 出售所持融眾集團30%股權予瀚海集團 —
    the company the shares are transferred to holds them (an asset, 大楼及土地使用权, is no stake)."""
    text = view.text
    orgs = view.labelled("ORG")
    for verb in _TRANSFER_TO.finditer(text):
        buyer = next((p for p in orgs if p[0] == verb.end()), None)
        c_start, _ = clause_bounds(text, verb.start(), verb.start())
        # …所持莳嵘财产保险股份有限公司（以下简称“莳嵘财险”）|35.8%的股份以42.6亿元的价格|转让给
        sold = [p for p in orgs if c_start <= p[0] and p[1] <= verb.start() and _STAKE_GAP.fullmatch(text, past_declaration(view, p[1]), verb.start())]
        if buyer is None or not sold or sold[-1][2].canonical == buyer[2].canonical or blocked(view, lex, c_start, verb.start(), ""):
            continue
        yield _transferee_fact(view, buyer, sold[-1], verb.start(), verb.span())
    for placed in orgs:
        if not text.endswith(_TO, 0, placed[0]):
            continue
        # 出售所持融眾集團30%股權予瀚海集團: the verb before the shares, 予/给 before the buyer
        to = placed[0] - 1
        c_start, _ = clause_bounds(text, to, to)
        sold = [p for p in orgs if c_start <= p[0] and p[1] <= to and _SELLS_BEFORE.search(text, max(c_start, p[0] - 8), p[0])]
        held = sold[-1] if sold else None
        if held is None or not _STAKE_GAP.fullmatch(text, held[1], to) or held[2].canonical == placed[2].canonical:
            continue
        verb = _SELLS_BEFORE.search(text, max(c_start, held[0] - 8), held[0])
        if verb is not None and not blocked(view, lex, c_start, verb.start(), ""):
            yield _transferee_fact(view, placed, held, to, verb.span("verb"))


def _transferee_fact(
    view: SentenceView, buyer: Placed[Entity], held: Placed[Entity], before: int, verb: tuple[int, int]
) -> tuple[str, str, float, OwnershipArgs]:
    stake = next((f for s, _, f in view.figures if held[1] <= s < before and _is_stake(f)), None)
    action = view.text_span(*verb)
    return "ownership", "ownership.transferee", _TRANSFER_CONFIDENCE, OwnershipArgs(holder=buyer[2], held=held[2], action=action, stake=stake)  # type: ignore[arg-type]


_SOLD_OWN = re.compile(r"(?:转让|出售|转售|让售)其(?P<held>所持有?的?|持有的)$")
"""A sale of one's own shares right before the company (…向B转让其所持|C…股权): the seller holds C."""


def sellers(view: SentenceView, lex: RelationLexicon) -> Iterator[tuple[str, str, float, OwnershipArgs]]:
    """``ownership.seller``: 邗栌控股集团有限公司（…）向鄣稷资产…转让其所持霁桉国际信托有限公司60%股权 — the company
    before 向 sells its own holding of the company after 其所持, so it holds it (until the sale completes)."""
    text = view.text
    orgs = view.labelled("ORG")
    for placed in orgs:
        sold = _SOLD_OWN.search(text, max(0, placed[0] - 8), placed[0])
        if sold is None:
            continue
        c_start, _ = clause_bounds(text, sold.start(), sold.start())
        to = text.rfind("向", c_start, sold.start())
        seller = next((p for p in reversed(orgs) if c_start <= p[0] and p[1] <= to and not declared_short_form(view, p)), None) if to >= 0 else None
        if seller is None or seller[2].canonical == placed[2].canonical or blocked(view, lex, seller[0], sold.start(), ""):
            continue
        stake = next((f for s, _, f in view.figures if placed[1] <= s <= placed[1] + 16 and _is_stake(f)), None)
        yield "ownership", "ownership.seller", _TRANSFER_CONFIDENCE, OwnershipArgs(holder=seller[2], held=placed[2], action=view.text_span(*sold.span("held")), stake=stake)  # type: ignore[arg-type]


_TO = ("予", "给")
_SELLS_BEFORE = re.compile(r"(?P<verb>转让|出售|转售|让售)(?:其)?(?:所持有?的?|持有的)?$")
"""A sale verb right before the company whose shares it sells (出售所持|融众集团…)."""


_TRANSFER_CONFIDENCE = 0.7

_THROUGH = re.compile(r"(?:通过|透过)(?:其|旗下|下属|所属|控股|全资|全资拥有|全资持有)?的?(?:全资子公司|控股子公司|子公司|公司)?$")
_HOLDS_THROUGH = re.compile(r"(?:间接|合计|共|累计)?(?:持有|持股|控制|增持|减持)")


def holdings_through(view: SentenceView, lex: RelationLexicon) -> Iterator[tuple[str, str, float, OwnershipArgs]]:
    """``ownership.through``: 晨光控股此前已通过旗下的晨光资本持有远航快运35%的股份 — the subject
    holds what the company after 通过 holds (``via``), with the same stake."""
    text = view.text
    parties = [p for p in view.entities if p[2].label in ("ORG", "PERSON") and not declared_short_form(view, p)]
    for k in range(1, len(parties) - 1):
        v_start, v_end, via = parties[k]
        if via.label != "ORG" or parties[k + 1][2].label != "ORG":
            continue  # a person holds through a company, never the other way round
        through = _THROUGH.search(text, max(0, v_start - 12), v_start)
        hold = _HOLDS_THROUGH.match(text, past_declaration(view, v_end))  # 透过X（以下简称X'）|间接持有
        if through is None or hold is None or parties[k + 1][0] - hold.end() > 1:
            continue
        holder = next((p for p in reversed(parties[:k]) if p[1] <= through.start()), None)
        held = parties[k + 1]
        names = {via.canonical, held[2].canonical}
        if holder is None or holder[2].canonical in names or not _no_break(text, holder[1], through.start()):
            continue
        if blocked(view, lex, holder[1], hold.start(), hold.group()):
            continue
        stake = _figure_near(view, hold.start(), _is_stake, _next_party(view, held[2]))
        args = OwnershipArgs(holder=holder[2], held=held[2], action=view.text_span(*hold.span()), stake=stake, via=via)  # type: ignore[arg-type]
        yield "ownership", "ownership.through", 0.7, args


_DEMAND = re.compile(r"(?:要求|请求|诉请)(?:法院)?(?:判令)?")
_OWES = re.compile(r"[^，,。；;]{0,2}?(?:赔偿|支付|偿还|返还|归还|承担|履行|退还|清偿|赔付)")


def demanded_defendants(view: SentenceView, lex: RelationLexicon) -> Iterator[tuple[str, str, float, DisputeArgs]]:
    """``dispute.demand``: 宏硕科技向法院提起诉讼，要求晶彩支付赔偿… — a lawsuit with no defendant in
    its clause sues the one the next clause's demand names; with no party of its own in the clause
    (…公告，已向仲裁院申请仲裁，要求…), the sentence's first company files it."""
    text = view.text
    parties = [p for p in view.entities if p[2].label in ("ORG", "PERSON")]
    spans = [(s, e) for s, e, _ in parties]
    hit = _find(text, lex.directed["dispute"].triggers, 0, len(text), spans)
    if hit is None:
        return
    c_start, c_end = clause_bounds(text, hit[0], hit[0] + len(hit[1]))
    demand = _DEMAND.match(text, c_end + 1)
    if demand is None or any(hit[0] < s < c_end for s, _ in spans):
        return
    plaintiff = next((p for p in parties if c_start <= p[0] and p[1] <= hit[0] and not text.endswith(("向", "被"), 0, p[0])), None)
    if plaintiff is None:
        # 信达通昨日公告，已向…仲裁院申请仲裁: no party of its own in the clause, the sentence's first company files
        plaintiff = next((p for p in parties if p[1] <= c_start and p[2].label == "ORG" and not text.endswith(("向", "被", "与", "和"), 0, p[0])), None)
    defendant = next((p for p in parties if p[0] == demand.end()), None)
    if plaintiff is None or defendant is None or plaintiff[2].canonical == defendant[2].canonical or not _OWES.match(text, defendant[1]):
        return
    if blocked(view, lex, plaintiff[0], hit[0], hit[1]):
        return
    trigger = view.text_span(hit[0], hit[0] + len(hit[1]))
    yield "dispute", "dispute.demand", 0.7, DisputeArgs(parties=[plaintiff[2], defendant[2]], plaintiff=plaintiff[2], defendant=defendant[2], trigger=trigger)


_COURTS = ("法院", "仲裁委员会", "仲裁庭", "仲裁院", "仲裁中心", "仲裁协会")
"""Name endings of the bodies a claim is filed with."""
_TOWARDS = re.compile(r"[向对][^，,。；;：:、]{0,8}$")
"""向/对 and a short description before the party a claim is made against (向前合作伙伴|亚湾科技, 对前保险代理人公司|汧嶙…提告)."""


def claims_against(view: SentenceView, lex: RelationLexicon) -> Iterator[tuple[str, str, float, DisputeArgs]]:
    """``dispute.claim``: 瑞港物流…入禀高等法院，向前合作伙伴亚湾科技追讨…款项 — the party after 向 and
    before a dispute verb in its clause is the defendant; the sentence's first party, which no 向 or
    被 governs, the plaintiff."""
    text = view.text
    parties = [p for p in view.entities if p[2].label in ("ORG", "PERSON")]
    for b_start, b_end, defendant in parties:
        towards = _TOWARDS.search(text, max(0, b_start - 9), b_start)
        after = past_declaration(view, b_end)  # 向…有限公司（以下简称「鄹澜再保」）|追讨
        hit = _find(text, lex.directed["dispute"].triggers, after, min(len(text), after + 12)) if towards else None
        if towards is None or hit is None or CLAUSE_BREAK.search(text, after, hit[0]) or defendant.canonical.endswith(_COURTS):
            continue  # 向台北地方法院提起诉讼: the court is addressed, not sued
        _, c_end = clause_bounds(text, hit[0], hit[0])
        if any(hit[0] < s < c_end for s, _, _ in parties):
            continue  # 向法院起诉鼎泰置业: the defendant follows the verb (dispute.direct)
        # 翠麟银行前董事总经理罗卓谦…向翠麟银行追讨: the employer named first is the one sued; its former officer claims
        plaintiff = next(
            (p for p in parties if p[1] <= towards.start() and not text.endswith(("向", "被"), 0, p[0]) and p[2].canonical != defendant.canonical),
            None,
        )
        if plaintiff is None or blocked(view, lex, plaintiff[0], hit[0], hit[1]):
            continue
        trigger = view.text_span(hit[0], hit[0] + len(hit[1]))
        yield "dispute", "dispute.claim", 0.7, DisputeArgs(parties=[plaintiff[2], defendant], plaintiff=plaintiff[2], defendant=defendant, trigger=trigger)


_NAMED_DEFENDANTS = re.compile(r"(?:一并|一同|均|同时)?列为(?:共同)?被告")
"""After the defendants of a suit listed after 将 (将檩茳集团和淇甸国投列为被告)."""


def named_defendants(view: SentenceView, lex: RelationLexicon) -> Iterator[tuple[str, str, float, DisputeArgs]]:
    """``dispute.named_defendants``: 峄萝实业…向法院提起诉讼，将檩茳集团和淇甸国投列为被告 — each company listed
    after 将 is a defendant; the plaintiff is the sentence's first organization (no court), named before them."""
    text = view.text
    ents = view.entities
    for k, (d_start, _, first) in enumerate(ents):
        if first.label not in ("ORG", "PERSON") or not text.endswith("将", 0, d_start):
            continue
        listed = [ents[k]] + listed_after_party(view, ents, k)
        closing = _NAMED_DEFENDANTS.match(text, listed[-1][1])
        if closing is None:
            continue
        plaintiff = next((p for p in ents[:k] if p[2].label in ("ORG", "PERSON") and not is_court(p[2]) and not declared_short_form(view, p)), None)
        if plaintiff is None or blocked(view, lex, plaintiff[0], closing.start(), closing.group()):
            continue
        trigger = view.text_span(*closing.span())
        for defendant in listed:
            if defendant[2].canonical != plaintiff[2].canonical and not is_court(defendant[2]):
                args = DisputeArgs(parties=[plaintiff[2], defendant[2]], plaintiff=plaintiff[2], defendant=defendant[2], trigger=trigger)
                yield "dispute", "dispute.named_defendants", 0.7, args


_RAISED = re.compile(r"(?:完成|获得|宣布完成|获)[^，,。；;：:]{0,16}?融资")
"""A company's funding round (完成8亿元人民币C轮融资)."""
_ROUND_ADVERBS = ("继续", "共同", "再次", "持续", "也", "均", "亦")


def funding_rounds(view: SentenceView, lex: RelationLexicon) -> Iterator[tuple[str, str, float, OwnershipArgs]]:
    """``ownership.round``: the investors named before 领投/跟投 in a sentence that reports a company's round."""
    text = view.text
    raised = _RAISED.search(text)
    if raised is None or not lex.rounds:
        return
    c_start, _ = clause_bounds(text, raised.start(), raised.start())
    raiser = next((e for e in reversed(view.labelled("ORG")) if c_start <= e[0] and e[1] <= raised.start()), None)
    if raiser is None:
        return
    for word in lex.rounds:
        at = text.find(word, raised.end())
        while at != -1:
            if not text.startswith(tuple(w for w in lex.rounds if len(w) > len(word)), at - 2):
                yield from _round_investors(view, lex, raiser, at, word)
            at = text.find(word, at + len(word))


def _round_investors(
    view: SentenceView, lex: RelationLexicon, raiser: Placed[Entity], at: int, word: str
) -> Iterator[tuple[str, str, float, OwnershipArgs]]:
    end = at
    while True:  # 启航创投继续追加投资: adverbs between the investor and the word
        adverb = next((a for a in _ROUND_ADVERBS if view.text.endswith(a, 0, end)), None)
        if adverb is None:
            break
        end -= len(adverb)
    investor = view.entity_ending_at(end)
    if investor is None or investor[2].label not in ("ORG", "PERSON") or investor[2].canonical == raiser[2].canonical:
        return
    listed = [investor]
    while True:  # 高瓴资本、蓝湖资本跟投: every name of the list
        joiner = next((j for j in _CONNECTORS if view.text.endswith(j, 0, listed[0][0])), None)
        before = view.entity_ending_at(listed[0][0] - len(joiner)) if joiner else None
        if before is None or before[2].label not in ("ORG", "PERSON"):
            break
        listed.insert(0, before)
    if blocked(view, lex, listed[0][0], at, word):
        return
    action = view.text_span(at, at + len(word))
    for holder in listed:
        yield "ownership", "ownership.round", 0.75, OwnershipArgs(holder=holder[2], held=raiser[2], action=action)  # type: ignore[arg-type]


_TITLED = re.compile(r"[《「“]([^》」”]{2,20})[》」”]")
"""A name in title or quotation marks (《掌上生活》, 「星企贷」)."""


def _products_after(view: SentenceView, start: int, end: int) -> list[Entity | TextSpan]:
    """The products launched: the first product entity in ``[start, end)`` and each one listed after it
    (推出「A」及「B」), else a name in title or quotation marks."""
    placed = next((p for p in view.labelled("PRODUCT") if start <= p[0] < end), None)
    if placed is None:
        titled = _TITLED.search(view.text, start, end)
        return [view.text_span(*titled.span(1))] if titled else []
    listed = [placed]
    while (joiner := _LISTED_PRODUCT.match(view.text, listed[-1][1])) is not None:
        nxt = view.entity_starting_at(joiner.end(), "PRODUCT")
        if nxt is None:
            break
        listed.append(nxt)
    return [p[2] for p in listed]


_LISTED_PRODUCT = re.compile(r"[」”》』]?(?:及|和|与|以及|、)[「“《『]?")
"""Between two products listed after one launch verb (「璿汇大湾区债券基金」及「璿汇亚洲高息股票基金」)."""


_CHANNEL = ("通过", "经由", "借助", "依托")
"""Before a company whose outlets carry the product (通过瀚海银行手机银行…发行): the channel, no launcher."""


def launches(view: SentenceView, lex: RelationLexicon) -> Iterator[tuple[str, str, float, ProductLaunchArgs]]:
    """``ORG 推出 PRODUCT`` (a product entity right after the trigger, or a 《title》); ``ORG 发行 PRODUCT``
    with a product entity (首只养老理财产品“颐康1号”)."""
    text = view.text
    for o_start, o_end, org in view.labelled("ORG"):
        if text.endswith(_CHANNEL, 0, o_start):
            continue
        _, c_end = clause_bounds(text, o_end, o_end)
        hit = _find(text, lex.launch, o_end, min(c_end, o_end + 16))  # 晨光物流计划于12月1日正式上线
        issued = _find(text, lex.issue, o_end, min(c_end, o_end + 24)) if hit is None else None
        hit = hit or issued
        if hit is None or blocked(view, lex, o_start, hit[0], hit[1]):
            continue
        after = hit[0] + len(hit[1])
        products = _products_after(view, after, c_end)
        if not products or (issued is not None and getattr(products[0], "label", None) != "PRODUCT"):
            continue
        date = next((p[2] for p in reversed(view.periods) if p[1] <= hit[0]), None)
        action = view.text_span(hit[0], after)
        for product in products:
            yield "product_launch", "product_launch.org_product", 0.75, ProductLaunchArgs(org=org, product=product, action=action, date=date)  # type: ignore[arg-type]
    yield from _products_launched(view, lex)
    yield from _joint_launches(view, lex)


_OWN_PRODUCT = re.compile(r"(?:的|旗下)[^，,。；;]{0,10}$")
"""Between a company and its product named before the launch verb (禕峮人壽的數位投保平台|「峮e保」)."""
_BEFORE_LAUNCH = re.compile(r"[」”』》]?(?:已|将|已经)?(?:于|於)?[^，,。；;]{0,8}?(?:正式)?$")


def _products_launched(view: SentenceView, lex: RelationLexicon) -> Iterator[tuple[str, str, float, ProductLaunchArgs]]:
    """``product_launch.product_first``: 禕峮人壽的數位投保平台「峮e保」已於11月10日正式上線 — the product, then the
    launch verb; the company whose product it is (的, 旗下) named before it in the clause launches it."""
    text = view.text
    for p_start, p_end, product in view.labelled("PRODUCT"):
        c_start, c_end = clause_bounds(text, p_start, p_end)
        hit = _find(text, lex.launch, p_end, min(c_end, p_end + 14))
        if hit is None or not _BEFORE_LAUNCH.fullmatch(text, p_end, hit[0]):
            continue
        org = next((o for o in reversed(view.labelled("ORG")) if c_start <= o[0] and o[1] <= p_start and _OWN_PRODUCT.search(text, o[1], p_start)), None)
        if org is None or blocked(view, lex, org[0], hit[0], hit[1]):
            continue
        date = next((p[2] for p in view.periods if p_end <= p[0] and p[1] <= hit[0]), None)
        action = view.text_span(hit[0], hit[0] + len(hit[1]))
        yield "product_launch", "product_launch.product_first", 0.7, ProductLaunchArgs(org=org[2], product=product, action=action, date=date)  # type: ignore[arg-type]


_BOTH = ("双方", "两家公司", "两家机构")


def _joint_launches(view: SentenceView, lex: RelationLexicon) -> Iterator[tuple[str, str, float, ProductLaunchArgs]]:
    """``product_launch.both_parties``: …与晶彩支付签署合作协议，双方将共同推出「晶彩Go帐户」 — a launch by
    each of the two organizations named before 双方 in the sentence."""
    text = view.text
    for word in _BOTH:
        at = text.find(word)
        if at == -1:
            continue
        named = list({e[2].canonical: e for e in reversed(view.labelled("ORG")) if e[1] <= at}.values())[::-1]  # each one's first mention
        _, c_end = clause_bounds(text, at, at)
        hit = _find(text, lex.launch, at + len(word), min(c_end, at + len(word) + 16))
        if len(named) != 2 or hit is None or blocked(view, lex, at, hit[0], hit[1]):
            continue
        products = _products_after(view, hit[0] + len(hit[1]), c_end)
        action = view.text_span(hit[0], hit[0] + len(hit[1]))
        date = next((p[2] for p in reversed(view.periods) if at <= p[1] <= hit[0]), None)
        for org in named:
            for product in products:
                yield "product_launch", "product_launch.both_parties", 0.7, ProductLaunchArgs(org=org[2], product=product, action=action, date=date)  # type: ignore[arg-type]


_REASON = re.compile(r"因为|由于|因")


_CONTINUING = ("继续", "仍", "仍然", "依然", "留任", "同时")
"""Adverbs before a serving verb that keep a post or add one held already (将继续担任, 同时担任): no appointment."""


_RESPECTIVELY = "分别"
_RESPECTIVELY_GAP = re.compile(r"[于在]?[^，,。；;、]{0,8}?")


def _listed_back(view: SentenceView, items: Sequence[Placed[Entity]], last: int) -> list[Placed[Entity]]:
    """``items[last]`` and the ones listed right before it with a connector between (滕雨舟、蒯立言 → both)."""
    out = [items[last]]
    for k in range(last - 1, -1, -1):
        if view.text[items[k][1] : out[0][0]] not in _CONNECTORS:
            break
        out.insert(0, items[k])
    return out


def _listed_titles(view: SentenceView, start: int, end: int) -> list[Placed[Entity]]:
    """The titles listed from ``start`` to ``end`` (副总经理、首席风险官; 首席执行官及首席财务官), each
    joined to the one before by a connector; a company may stand before the first."""
    titles = [t for t in view.labelled("TITLE") if start <= t[0] and t[1] <= end]
    return [titles[0]] + listed_after_party(view, titles, 0, ("TITLE",)) if titles else []


def respective_appointments(view: SentenceView, lex: RelationLexicon) -> list[tuple[Placed[Entity], tuple[str, str, float, AppointmentArgs]]]:
    """``appointment.respectively``: people listed before 分别 and as many posts listed after its verb,
    paired in order (滕雨舟、蒯立言因工作调整，分别辞去公司副总经理、首席风险官职务; 葛书萍和郦一鸣分别出任
    星途支付首席执行官及首席财务官).  Each pair comes with the person's placed mention."""
    text = view.text
    people = view.labelled("PERSON")
    out: list[tuple[Placed[Entity], tuple[str, str, float, AppointmentArgs]]] = []
    at = text.find(_RESPECTIVELY)
    while at != -1 and people:
        after = at + len(_RESPECTIVELY)
        at = text.find(_RESPECTIVELY, after)
        last = next((k for k in range(len(people) - 1, -1, -1) if people[k][1] <= after - len(_RESPECTIVELY)), None)
        if last is None or sentence_end(text, people[last][1]) < after:
            continue
        _, c_end = clause_bounds(text, after, after)
        found = next(
            ((change, hit) for change, words in (("resigned", lex.resigned), ("appointed", lex.appointed)) for hit in [_find(text, words, after, min(c_end, after + 10))] if hit is not None),
            None,
        )
        if found is None or not _RESPECTIVELY_GAP.fullmatch(text, after, found[1][0]):
            continue
        change, (v_start, verb) = found
        listed = _listed_back(view, people, last)
        titles = _listed_titles(view, v_start + len(verb), c_end)
        if len(listed) < 2 or len(listed) != len(titles) or blocked(view, lex, listed[0][0], v_start, verb):
            continue
        org = next((e[2] for e in view.labelled("ORG") if v_start + len(verb) <= e[0] < titles[0][0]), None)
        action = view.text_span(v_start, v_start + len(verb))
        for person, title in zip(listed, titles):
            args = AppointmentArgs(person=person[2], change=change, title=title[2], org=org, action=action)  # type: ignore[arg-type]
            out.append((person, ("appointment", "appointment.respectively", 0.75, args)))
    return out


_PREDECESSOR = re.compile(r"接替(?:[^，,。；;]{0,12}?)(?P<verb>退休|辞任|辞职|离任|卸任|离职)的")
"""A predecessor named after the verb of leaving in a modifier (接替上月退休的莫家俊, 接替因个人理由辞任的温柏霆)."""


def predecessors(view: SentenceView, lex: RelationLexicon) -> Iterator[tuple[str, str, float, AppointmentArgs]]:
    """``appointment.predecessor``: …委任黎芷晴为零售银行业务主管，…，接替上月退休的莫家俊 — the person after 接替 and
    a verb of leaving left the post; its title is the last post named before 接替 in the sentence, if any."""
    for found in _PREDECESSOR.finditer(view.text):
        person = view.entity_starting_at(found.end(), "PERSON")
        if person is None or blocked(view, lex, found.start(), found.start("verb"), found.group("verb")):
            continue
        title = next((e[2] for e in reversed(view.labelled("TITLE")) if e[1] <= found.start()), None)
        action = view.text_span(*found.span("verb"))
        yield "appointment", "appointment.predecessor", 0.7, AppointmentArgs(person=person[2], change="resigned", title=title, action=action)  # type: ignore[arg-type]


def appointments(view: SentenceView, lex: RelationLexicon) -> Iterator[tuple[str, str, float, AppointmentArgs]]:
    """``PERSON 出任/辞去 [ORG] [TITLE]`` and ``聘任 PERSON 为 [ORG] TITLE``; people and posts paired by 分别
    (:func:`respective_appointments`) take theirs from that rule alone; predecessors (:func:`predecessors`)."""
    text = view.text
    yield from predecessors(view, lex)
    paired = respective_appointments(view, lex) if _RESPECTIVELY in text else []
    yield from (fact for _, fact in paired)
    done = {person[0] for person, _ in paired}
    for p_start, p_end, person in view.labelled("PERSON"):
        if p_start in done:
            continue
        proposed = _proposed_post(view, p_start, person)
        if proposed is not None:
            yield proposed
        _, c_end = clause_bounds(text, p_end, p_end)
        opening = appointee_start(view, p_start)
        verb = next((v for v in lex.appointing if text.endswith(v, 0, opening)), None)
        if verb is not None and text.startswith("为", p_end):
            named = _named(view, lex, person, p_end + 1, c_end, (opening - len(verb), opening))
            if named is not None:
                yield named
                continue
        left = False
        for change, words in (("resigned", lex.resigned), ("appointed", lex.appointed)):
            if left:
                # 前任总经理訾鸿涛…卸任，已出任…财务总监: the post taken in the next clause after leaving one
                hit = _opening_next_clause(view, words, p_end, c_end, adverbs=_THEN_ADVERBS)
            else:
                hit = _find(text, words, p_end, min(c_end, p_end + 18)) or _opening_next_clause(view, words, p_end, c_end)
            if hit is not None and hit[0] + len(hit[1]) == c_end and _REASON.search(text, p_end, hit[0]):
                # 因到龄退休，不再担任行长职务: the retirement is the reason, the next clause's verb the change
                hit = _opening_next_clause(view, words, p_end, c_end) or hit
            if hit is not None and _REASON.search(text, p_end, hit[0]):
                glued = next((w for w in words if text.startswith(w, hit[0] + len(hit[1]))), None)
                hit = (hit[0] + len(hit[1]), glued) if glued is not None else hit  # 因到龄退休|卸任: the reason, then the change
            if hit is None or blocked(view, lex, p_start, hit[0], hit[1]):
                continue
            if change == "appointed" and text.endswith(PAST_ADVERBS, p_end, hit[0]):
                break  # 此前担任, 曾担任: a career note, not a change (the role carries ``former``)
            if change == "appointed" and text.endswith(_CONTINUING, p_end, hit[0]):
                break  # 将继续担任, 仍担任: the post is kept, no change (the role stays)
            _, c_end = clause_bounds(text, hit[0], hit[0])
            after = hit[0] + len(hit[1])
            first_title = next((e for e in view.labelled("TITLE") if after <= e[0] < c_end), None)
            title = first_title[2] if first_title is not None else None
            # 辞去公司董事长、董事及董事会战略委员会主任委员职务: a body after the post is another post's
            org = next((e[2] for e in view.labelled("ORG") if after <= e[0] < (first_title[0] if first_title else c_end)), None)
            rule = "appointment.change"
            if title is None and org is None and change == "appointed":
                vacated = _vacated_title(view, p_start, hit[1])
                title, rule = (vacated[2] if vacated else None), "appointment.successor"
                owner = view.entity_ending_at(vacated[0], "ORG") if vacated else None
                org = owner[2] if owner is not None else None  # 南岭理财总经理由…孙悦出任: the post's company
            held = view.entity_ending_at(p_start, "TITLE") if change == "resigned" else None
            if title is None and org is None and held is not None:
                title = held[2]  # 基金经理周晓峰于11月1日离任: the title they held
            if org is None and held is not None and title is not None and view.doc.normalized(title) == view.doc.normalized(held[2]):
                # 泰和电气副总经理李海峰…辞去副总经理职务: the post written before the name, with its company
                owner = org_before_post(view, held[0])  # 汇联支付|原|董事长郑伟民
                org = owner[2] if owner is not None else None
            if org is None and title is not None and change == "appointed" and hit[1] in _SUCCESSION:
                org = _predecessor_org(view, title, p_start)  # 董事长萧启铭…请辞，由…彭睿绮接任董事长: the same board
            if title is None and org is None:
                break
            action = view.text_span(hit[0], after)
            args = AppointmentArgs(person=person, change=change, title=title, org=org, action=action)  # type: ignore[arg-type]
            yield "appointment", rule, 0.75 if rule == "appointment.successor" else 0.8, args
            if change != "resigned" or left:
                break
            left = True
            _, c_end = clause_bounds(text, p_end, p_end)


_PROPOSED = ("拟任", "候任")


def _proposed_post(view: SentenceView, p_start: int, person: Entity) -> tuple[str, str, float, AppointmentArgs] | None:
    """``appointment.proposed``: 邘江消金拟任董事长仉砚舟… — a post the person is to take (planned by its 拟任), at the
    company written before it."""
    title = view.entity_ending_at(p_start, "TITLE")
    if title is None or not view.text.endswith(_PROPOSED, 0, title[0]):
        return None
    owner = org_before_post(view, title[0])
    mark = next(m for m in _PROPOSED if view.text.endswith(m, 0, title[0]))
    action = view.text_span(title[0] - len(mark), title[0])
    args = AppointmentArgs(person=person, change="appointed", title=title[2], org=owner[2] if owner else None, action=action)  # type: ignore[arg-type]
    return "appointment", "appointment.proposed", 0.7, args


_SUCCESSION = ("接任", "出任", "担任")
"""Appointment verbs that name a successor (由副行长孙丽接任, 总经理由…孙悦出任)."""


def _predecessor_org(view: SentenceView, title: Entity, before: int) -> Entity | None:
    """The company of the same post written earlier in the sentence (缤采电支今日公告，董事长萧启铭…请辞，
    由…彭睿绮接任董事长: 缤采电支's chairman)."""
    same = next((t for t in view.labelled("TITLE") if t[1] <= before and view.doc.normalized(t[2]) == view.doc.normalized(title)), None)
    owner = org_before_post(view, same[0]) if same is not None else None
    return owner[2] if owner is not None else None


def _vacated_title(view: SentenceView, p_start: int, verb: str) -> Placed[Entity] | None:
    """``…，不再担任行长职务，由副行长孙丽接任``: the title the clauses before vacated, for the
    successor named after 由 (a post written right before the person, with its company and
    原/前, is their old one and is skipped: 由原南岭农商银行资产管理部总经理孙悦出任)."""
    if verb not in _SUCCESSION:
        return None
    start = appointee_start(view, p_start)
    if not view.text.endswith("由", 0, start):
        return None
    return next((e for e in reversed(view.labelled("TITLE")) if e[1] <= start - 1), None)


_APPLYING = ("申请", "请求", "提出")
"""Words of asking before a resignation verb (申请辞去, 提出辞去)."""


_THEN_ADVERBS = ("已", "并", "随后", "现已", "转而", "改为")
"""Adverbs opening the clause of a post taken after one left (…卸任，已出任…)."""


def _opening_next_clause(
    view: SentenceView, words: Sequence[str], p_end: int, c_end: int, adverbs: Sequence[str] = ()
) -> tuple[int, str] | None:
    """A trigger opening the clause right after the person's, which has no subject of its own
    (刘建国因到龄退休，不再担任行长职务), maybe after one of ``adverbs``."""
    text = view.text
    if c_end >= len(text) or text[c_end] not in "，,":
        return None
    start = c_end + 1
    if any(p_end <= s < start for s, _, _ in view.labelled("PERSON")):
        return None
    start += next((len(a) for a in _APPLYING if text.startswith(a, start)), 0)  # …，申请辞去…
    start += next((len(a) for a in adverbs if text.startswith(a, start)), 0)  # …，已|出任…
    start = _past_opening_date(view, start)  # 阚书朗现年51岁，2021年出任…
    word = next((w for w in words if text.startswith(w, start)), None)
    return (start, word) if word is not None else None


def _past_opening_date(view: SentenceView, pos: int) -> int:
    """Past a date or period opening a clause at ``pos``, with 于 before it (，于2021年|出任…); else ``pos``."""
    at = pos + 1 if view.text.startswith("于", pos) else pos
    return next((e for s, e, _ in view.periods if s == at), pos)


def _named(
    view: SentenceView, lex: RelationLexicon, person: Entity, after: int, c_end: int, verb: tuple[int, int]
) -> tuple[str, str, float, AppointmentArgs] | None:
    """The appointment of ``聘任 PERSON 为 [ORG] TITLE``; ``after`` is just past 为."""
    title = next((e[2] for e in view.labelled("TITLE") if after <= e[0] < c_end), None)
    if title is None or blocked(view, lex, verb[0], verb[0], view.text[verb[0] : verb[1]]):
        return None
    org = next((e[2] for e in view.labelled("ORG") if after <= e[0] < c_end), None) or appointing_org(view, verb[0])
    action = view.text_span(*verb)
    return "appointment", "appointment.named", 0.8, AppointmentArgs(person=person, change="appointed", title=title, org=org, action=action)  # type: ignore[arg-type]


def relation_rules(lex: RelationLexicon):  # type: ignore[no-untyped-def]
    """All relation rules over one sentence, bound to ``lex``."""

    def rules(view: SentenceView) -> Iterator[tuple[str, str, float, object]]:
        for fact in _all_rules(view):
            if not _names_court(fact[3]):
                yield fact  # 入禀高等法院: the court hears the case, it is no party to it, nor to any deal

    def _all_rules(view: SentenceView) -> Iterator[tuple[str, str, float, object]]:
        yield from directed_relations(view, lex)
        yield from symmetric_relations(view, lex)
        yield from carried_rivalries(view, lex)
        yield from priced_mergers(view, lex)
        yield from ranked_rivals(view, lex)
        yield from named_rivals(view, lex)
        yield from funding_rounds(view, lex)
        yield from remainders(view, lex)
        yield from held_by(view, lex)
        yield from funding_shares(view, lex)
        yield from funds_its(view, lex)
        yield from holdings_through(view, lex)
        yield from units_under(view, lex)
        yield from holders_of(view, lex)
        yield from holders_of_its(view, lex)
        yield from subject_units(view, lex)
        yield from topic_stakes(view, lex)
        yield from respective_stakes(view, lex)
        yield from named_holders(view, lex)
        yield from transferees(view, lex)
        yield from sellers(view, lex)
        yield from demanded_defendants(view, lex)
        yield from claims_against(view, lex)
        yield from named_defendants(view, lex)
        yield from launches(view, lex)
        yield from appointments(view, lex)

    return rules
