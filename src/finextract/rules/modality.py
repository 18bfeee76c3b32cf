"""Modality and attribution of facts.

Every fact gets a ``modality`` from the words of its clause:

* ``planned``  — 拟募资不超过12.5亿元, 计划收购, a metric named as a goal (目标资产管理规模) (never read as done)
* ``forecast`` — 预计净利润增长20%; 宏远证券预计，…，东华期货可贡献净利润… (a framing 预计，)
* ``reported`` — 据悉, 数据显示, 公告显示, 据…数据/统计， before the fact
* ``limit``    — a metric whose figure is a bound (坏账率不超过0.3%)
* ``actual``   — none of these

and ``attributed_to``: the person who says it (金麟表示，…) or the
organization it is according to (据银保监会统计，…).
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from pydantic import BaseModel

from ..han import HAN
from ..spans import Entity, Figure, Span
from .base import PUBLISHES, SentenceView, past_declaration, previous_sentence
from .relations import RelationLexicon, clause_bounds

_SPEECH = ("表示", "认为", "指出", "透露", "称", "说", "强调", "介绍", "坦言", "回应称", "回应", "预计", "预期", "估计", "预测", "预估")
"""Verbs after a person that attribute what follows to them (a forecast too: 温晓薇预计，…)."""
_SPEECH_ADVERBS = ("同时", "还", "也", "亦", "进一步", "则", "并", "又")
"""Adverbs between a speaker and the speech verb (郗慕白同时透露，…)."""
_TARGET = re.compile(r"目[标標](?![价價])")
"""A metric named as a goal (目标资产管理规模); a broker's target price (目标价) is its own metric."""
_BY_DATA = re.compile(r"(?:^|[，,：:])(?:据|根据|依|依据)[^，,。；;！？]{0,20}(?:数据|数字|统计|资料|估计|估算)[，,]")
"""A clause citing data, records or someone's estimate (据保险业监管局数据，…; 据警方数字，…; 据不完全统计，…;
据澳门金融管理局资料，…; 据业界估计，…): what follows is reported."""
_WILL = re.compile("将|明年|未来")
"""What a cited estimate says will be (据业界估计，…明年…将达…) is still a forecast."""
_ACCORDING_TO = re.compile(r"(?:据|根据|(?<![" + HAN + r"])依|依据)(?:[" + HAN + r"]{0,4}(?:研究机构|咨询机构|数据机构|第三方机构|机构|平台))?$")
"""据 (or Taiwan's 依) right before a source, maybe with what the source is between (据研究机构|旸川咨询统计,
依|台湾证券交易所统计)."""
_BOUND = frozenset({"at_most", "less_than"})
_FLOOR = frozenset({"at_least", "more_than"})
_REQUIRED = re.compile(r"须|必须|不得|应当|要求")
"""Words making a floor in their clause a requirement (资本适足率须维持在200%以上, 不得低于7.5%), not a level."""


def _plans(text: str, offset: int, matches: Iterator[re.Match[str]]) -> bool:
    """Whether any of the planning words ``matches`` found (in a window of ``text`` opening at ``offset``) plans:
    计划 right before a quoted name is a kind of product (储蓄保险计划「金满堂」), no plan."""
    return any(not (m.group() == "计划" and text[offset + m.end() : offset + m.end() + 1] in _OPENING_QUOTES) for m in matches)


_OPENING_QUOTES = frozenset("「“《『")


def _outside_names(view: SentenceView, offset: int, matches: Iterator[re.Match[str]]) -> bool:
    """Whether any of ``matches`` (in a window of the sentence opening at ``offset``) starts outside every entity
    (基金会|与: 会 closes the foundation's name, it is no "will")."""
    spans = [(s, e) for s, e, _ in view.entities]
    return any(not any(s <= offset + m.start() < e for s, e in spans) for m in matches)


def _bound(value: Figure, window: str) -> bool:
    """Whether a metric's figure is a limit: a ceiling (不超过0.3%), or a floor its clause requires."""
    return value.qualifier in _BOUND or value.qualifier in _FLOOR and _REQUIRED.search(window) is not None


_QUOTED = re.compile(r"[「“『][^」”』]*[」”』]")


def _pronoun_speaker(view: SentenceView, first: int) -> Entity | None:
    """The person a sentence-opening 他/她 before a speech verb stands for (…甄嘉汶…表示：「…」她预计，…): the last
    person named in the sentence before, in the same paragraph."""
    said = _PRONOUN_SAYS.match(view.text)
    prev = previous_sentence(view, "\n") if said is not None and said.end() <= first else None
    if prev is None:
        return None
    return next((e for e in reversed(view.doc.entities) if e.label == "PERSON" and prev.start <= e.start and e.end <= prev.end), None)


_PRONOUN_SAYS = re.compile(r"(?:他|她)(?:" + "|".join(_SPEECH_ADVERBS) + r")?(?:" + "|".join(_SPEECH) + r")[，,：:]")


def _publisher(view: SentenceView, first: int) -> Entity | None:
    """The organization whose publication opens the sentence before ``first`` (金管局昨日公布，…): the source of
    a figure that belongs to no one named."""
    for start, end, ent in view.entities:
        if end > first:
            break
        if ent.label == "ORG" and PUBLISHES.match(view.text, past_declaration(view, end)):
            return ent
    return None


_TALKED_OF = frozenset({"partnership", "acquisition"})
_TALKS_AFTER = re.compile(r"(?:仍在|正在|仍|正)?(?:谈判|洽谈|磋商|商谈)")
"""Talks written right after a partnership's or a merger's trigger (…的合作谈判仍在进行, …的合作仍在洽谈中, 展开合并洽谈):
the cooperation or the merger is planned."""

_READ_WITHOUT = {"role": frozenset({"org"})}
"""Arguments the modality is not read up to: a role's company may be named clauses before the post
(瑧磐保险同日宣布，现任行政总裁…将于本月底退休，董事会已委任副行政总裁鄺穎芝…: her post now is no plan)."""


def _arg_spans(args: BaseModel) -> Iterable[tuple[str, Span]]:
    for name in type(args).model_fields:
        value = getattr(args, name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, Span):
                yield name, item


def _placed(view: SentenceView, args: BaseModel) -> list[tuple[str, int, int]]:
    """Each argument's name and sentence-relative working span."""
    work = view.doc.work
    spans = ((name, *work.to_norm(s.start, s.end)) for name, s in _arg_spans(args))
    return [(name, a - view.base, b - view.base) for name, a, b in spans if view.base <= a]


def _word_re(words: Iterable[str]) -> re.Pattern[str]:
    # 拟 inside 模拟/虚拟 is not "plan to", nor 准备 in 准备金 (a reserve) "prepare to",
    # nor 将持有的 (将 marking the object: 将持有的股权转让给…) "will hold"
    # nor 预测 of 财务预测的合理性 (a forecast as a thing judged)
    # nor 将由 before a figure or an earlier level (持股比例将由60%升至…, 将由原来的…: a level moving), only before who will act
    special = {
        "拟": r"(?<![模虚])拟",
        "准备": r"准备(?!金)",
        "将持有": r"将持有(?!的)",
        "预测": r"(?<!财务)预测",
        "将由": r"将由(?![0-9０-９一二三四五六七八九十百零〇约近逾原此之去今上年])",
    }
    parts = [special.get(w, re.escape(w)) for w in sorted(words, key=len, reverse=True)]
    return re.compile("|".join(parts))


class ModalityReader:
    """Reads modality and attribution for facts of one sentence."""

    def __init__(self, lex: RelationLexicon) -> None:
        self._res = {name: _word_re(words) for name, words in lex.modality.items()}
        # a forecast word before a comma frames the whole sentence: 宏远证券预计，…，东华期货可贡献净利润…
        self._framed = re.compile("(?:" + _word_re(lex.modality["forecast"]).pattern + ")[，,：:]")

    def read(self, view: SentenceView, fact_type: str, args: BaseModel) -> tuple[str, Entity | None]:
        """``(modality, attributed_to)`` for a fact with ``args`` in ``view``."""
        every = _placed(view, args)
        skip = _READ_WITHOUT.get(fact_type, frozenset())
        placed = [(a, b) for name, a, b in every if name not in skip]
        if not placed:
            return "actual", None
        # a metric's subject may open the sentence before its speaker (公司首席财务官亓语棠表示，预计…): the
        # source is read up to the figure's own words
        measured = [a for name, a, _ in every if name != "subject"] if fact_type == "metric" else []
        opening = min(measured or [a for _, a, _ in every])
        source = self._source(view, opening)
        if source is None and fact_type == "metric" and getattr(args, "subject", None) is None:
            source = _publisher(view, opening)  # 金管局昨日公布，…拖欠比率为0.14%
        first = min(a for a, _ in placed)
        last = max(b for _, b in placed)
        if fact_type == "quote":
            return "actual", None
        c_start, _ = clause_bounds(view.text, first, first)
        window = _QUOTED.sub(lambda m: " " * len(m.group()), view.text[c_start:last])
        modality = "actual"
        if (
            _plans(view.text, c_start, self._res["planned"].finditer(window))
            or fact_type in _TALKED_OF and _TALKS_AFTER.match(view.text, last)
            or fact_type == "partnership" and self._res["planned"].match(view.text, max((b for name, _, b in every if name == "parties"), default=last))  # A与B|拟共同出资…
        ):
            modality = "planned"  # …的合作|谈判仍在进行, 展开合并|洽谈: talks right after the trigger plan the cooperation or merger
        elif self._res["forecast"].search(window) or self._frames(view.text, c_start, window) or self._res["forecast"].match(view.text):
            # …or opening the sentence: 预计合并完成后，濂江金控的持股比例将降至27.35%
            modality = "forecast"
        elif self._res["reported"].search(view.text, 0, last) or _BY_DATA.search(view.text, 0, last):
            modality = "reported"
        elif fact_type == "metric" and isinstance(getattr(args, "value", None), Figure) and _bound(args.value, window):  # type: ignore[attr-defined]
            modality = "limit"
        elif "future" in self._res and _outside_names(view, c_start, self._res["future"].finditer(window)):
            modality = "planned"  # 交易完成后，朴叡投资将保留…: what the subject will do, unless a forecast or a source frames it
        if modality in ("actual", "reported") and fact_type == "metric" and _TARGET.match(getattr(args, "metric").text):  # type: ignore[attr-defined]
            modality = "planned"  # 目标资产管理规模达3,500亿元: a goal, not a level reached
        return modality, source

    def _frames(self, text: str, c_start: int, window: str) -> bool:
        """Whether a forecast word before a comma frames the clause at ``c_start``: not an estimate cited after 据
        (据业界估计，…), which reports a level unless the clause says what will be."""
        framed = self._framed.search(text, 0, c_start)
        if framed is None:
            return False
        cited = _BY_DATA.search(text, 0, c_start)
        return cited is None or cited.end() < framed.end() or _WILL.search(window) is not None

    def _source(self, view: SentenceView, first: int) -> Entity | None:
        for start, end, ent in view.entities:
            if end > first:
                break
            said = end + next((len(a) for a in _SPEECH_ADVERBS if view.text.startswith(a, end)), 0)  # 同时|透露
            if ent.label == "PERSON" and any(view.text.startswith(v, said) for v in _SPEECH):
                return ent
            if ent.label == "ORG" and _ACCORDING_TO.search(view.text, max(0, start - 10), start):
                return ent  # 据旸川咨询统计, 据研究机构旸川咨询统计
        return _pronoun_speaker(view, first)
