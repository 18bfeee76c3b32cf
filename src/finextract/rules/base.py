"""What fact rules read: one sentence with its annotations in working offsets."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from operator import attrgetter
from typing import Callable, Iterable, TypeVar

from pydantic import BaseModel, TypeAdapter

from ..document import Document
from ..facts import Fact, fact_id
from ..han import HAN
from ..offsets import WorkingText
from ..shortforms import CODE_BEFORE_SHORT_FORM
from ..spans import Entity, Figure, Period, Sentence, TextSpan, Token

T = TypeVar("T")

Placed = tuple[int, int, T]
"""An annotation with its ``[start, end)`` in sentence working offsets."""


@dataclass(frozen=True)
class SentenceView:
    """A sentence as rules see it: working text plus placed annotations."""

    doc: Document
    sentence: Sentence
    text: str
    base: int
    entities: tuple[Placed[Entity], ...]
    figures: tuple[Placed[Figure], ...]
    periods: tuple[Placed[Period], ...]
    tokens: tuple[tuple[int, int, str], ...]

    def text_span(self, start: int, end: int) -> TextSpan:
        """A :class:`TextSpan` in original offsets for a sentence working span."""
        o_start, o_end, text = self.doc.work.orig_span(self.base + start, self.base + end)
        return TextSpan(text=text, start=o_start, end=o_end, normalized=self.text[start:end])

    def labelled(self, label: str) -> list[Placed[Entity]]:
        """Entities with ``label``, in order."""
        return [p for p in self.entities if p[2].label == label]

    def entity_ending_at(self, pos: int, label: str | None = None) -> Placed[Entity] | None:
        """The entity whose working span ends exactly at ``pos``."""
        return next((p for p in self.entities if p[1] == pos and (label is None or p[2].label == label)), None)

    def entity_starting_at(self, pos: int, label: str | None = None) -> Placed[Entity] | None:
        """The entity whose working span starts exactly at ``pos``."""
        return next((p for p in self.entities if p[0] == pos and (label is None or p[2].label == label)), None)


_APPOINTER = r"(?:(?:今年|去年|本月|上月)?(?:\d{1,2}月(?:\d{1,2}日)?|日前|近日|昨日|今日|同日|当日))?(?:第[一二三四五六七八九十\d]+届)?(?:董事会|董事局)?(?:第[一二三四五六七八九十\d]+次)?(?:临时)?(?:会议)?(?:宣布|同意|决定|审议通过|通过|批准|正式|拟|将|已)*"
_APPOINTER_BEFORE = re.compile(_APPOINTER + "$")
_APPOINTER_AFTER = re.compile(_APPOINTER)
_CHAINED = re.compile(r"[，,](?:并|同时|另|还)?$")
CLAUSE_BREAK = re.compile(r"[，,。；;！？!?：:]|(?<=[" + HAN + r"])[ \u3000]+(?=[" + HAN + r"])")
"""Punctuation that ends a clause, and a space between Han characters (headlines separate their clauses with one)."""


_DECLARATION = re.compile(r"[（(]" + CODE_BEFORE_SHORT_FORM + r"(?:(?:以下|下文)?简称[：:]?|下称[：:]?)?[“\"「]?$")
DECLARATION_END = re.compile(r"[”\"」』]?(?:[，,；;][^（(）)，,。]{0,24})?[)）]")
"""Where the brackets declaring a short form close, maybe after more (”，股票代码：300917）)."""


def declared_short_form(view: SentenceView, ent: tuple[int, int, object]) -> bool:
    """Whether ``ent`` is a short form declared in brackets right after another entity (瀚海集团有限公司
    （以下简称“瀚海集团”）, 宸磊行動支付股份有限公司（宸磊支付）): a second mention of that company, no other party."""
    opening = view.text.rfind("（", 0, ent[0] + 1)
    opening = max(opening, view.text.rfind("(", 0, ent[0] + 1))
    if opening < 0 or not any(e[1] == opening for e in view.entities):
        return False
    return _DECLARATION.fullmatch(view.text, opening, ent[0]) is not None and DECLARATION_END.match(view.text, ent[1]) is not None


def past_declaration(view: SentenceView, end: int) -> int:
    """Where the text after a name that ends at ``end`` goes on: past the brackets declaring its short form
    (蕴璞保险集团有限公司（以下简称“蕴璞集团”）|的全资附属公司), else ``end`` itself."""
    declared = next((e for e in view.entities if e[0] > end and view.text.startswith(("（", "("), end) and declared_short_form(view, e) and _DECLARATION.fullmatch(view.text, end, e[0])), None)
    if declared is None:
        return end
    return DECLARATION_END.match(view.text, declared[1]).end()  # type: ignore[union-attr]


def first_organization(view: SentenceView, before: int) -> int | None:
    """Index of the sentence's first organization among ``view.entities[:before]`` that is no declared short
    form: the subject a later clause opening with 与 goes on with (…；另与沁彦银行合作…)."""
    return next((i for i, e in enumerate(view.entities[:before]) if e[2].label == "ORG" and not declared_short_form(view, e)), None)


def short_form_closing_at(view: SentenceView, pos: int) -> Placed[Entity] | None:
    """The organization declared as a short form in brackets that close right at ``pos``
    (…有限公司（以下简称“钧达国投”）|的持股比例)."""
    return next(
        (e for e in view.labelled("ORG") if e[1] < pos and DECLARATION_END.fullmatch(view.text, e[1], pos) and declared_short_form(view, e)),
        None,
    )


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause (between clause punctuation) that holds ``[start, end)``."""
    left = max((m.end() for m in CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    right = CLAUSE_BREAK.search(text, end)
    return left, right.start() if right else len(text)
_PUBLISHED_ON = r"(?:[今昨前]?[（(]\d{1,2}[)）]日|\d{1,2}月\d{1,2}日|今日|昨日|日前|近日|今天|昨天)?(?:发布|公布)"
PUBLISHES = re.compile(r"(?:" + _PUBLISHED_ON + r"(?:了?(?:最新)?(?:统计|数据))?|的?(?:最新)?(?:统计|数据)显示)[，,：:]")
"""A publication opening a sentence after its publisher (金管局昨日公布，…; …公布最新统计，…; 金管会统计显示，…)."""
PUBLISHES_STATISTICS = _PUBLISHED_ON + r"了?(?:最新)?(?:统计|数据)[，,：:]"
"""The pattern of a publication that says it is of statistics (…昨（18）日公布最新统计，)."""
FORMER_MARKS = ("原", "前", "前任", "时任")
"""Words before a post that date it as past (兴港银行原行长, 前汇丰银行零售业务主管, 前任风险长, 时任该行…)."""
PAST_ADVERBS = ("曾", "曾经", "此前", "之前", "先后", "早年", "历任")
"""Adverbs before a serve verb that date the post as past (曾任, 此前担任, 早年担任): a career note."""


def appointing_org(view: SentenceView, verb_start: int) -> Entity | None:
    """The company that makes an appointment, or whose board does, right before the verb
    (泰和电气董事会同意|聘任…, 公司董事会聘任…, 星汇银行宣布|委任…).

    >>> # 泰和电气董事会同意|聘任赵立群为副总经理 → 泰和电气
    >>> # 岭南农商联合银行董事会选举韩志远为董事长，|聘任苏明哲为行长 → 岭南农商联合银行
    >>> # 该行董事会审议通过了…议案，并同意|聘任祁若谷为… → the bank 该行 refers to
    """
    before = _APPOINTER_BEFORE.search(view.text, max(0, verb_start - 20), verb_start)
    anchor = before.start() if before else verb_start
    owner = view.entity_ending_at(anchor, "ORG")
    if owner is None and (chained := _CHAINED.search(view.text, max(0, anchor - 3), anchor)) is not None:
        owner = _clause_appointer(view, chained.start())
    if owner is None:
        owner = announcing_company(view, anchor)  # 瑧磐保险同日宣布，…，董事会已委任…
    return owner[2] if owner is not None else None


_ANNOUNCED = (
    r"(?:\d{1,2}月\d{1,2}日|今日|昨日|日前|近日|当日|同日|今天|昨天|上月|本月|上周|本周)?(?:晚间|晚)?(?:同时|同日|还|也|亦|另)?"
    r"(?:(?:发布|发)?(?:公告称|公告|宣布|披露)|公布|召开(?:首届|新一届|第[一二三四五六七八九十0-9]{1,3}届)?董事会(?:第[一二三四五六七八九十0-9]{1,3}次)?(?:临时)?(?:会议)?)[，,：:]"
)
"""A company's announcement or board meeting after its name (…同日宣布，; 召开董事会，; 召开首届董事会，;
召开第三届董事会第五次会议，)."""
_ANNOUNCES = re.compile(_ANNOUNCED)


def announcing_company(view: SentenceView, pos: int) -> Placed[Entity] | None:
    """The company whose announcement or board meeting opens a clause before ``pos`` with no other organization
    after it up to ``pos`` (瑧磐保险同日宣布，现任…，董事会已委任副行政总裁…; 同日，澴宇期货召开董事会，选举总经理…):
    the posts and appointments the later clauses name are that company's."""
    orgs = [e for e in view.labelled("ORG") if e[1] <= pos]
    for k in range(len(orgs) - 1, -1, -1):
        said = _ANNOUNCES.match(view.text, past_declaration(view, orgs[k][1]))
        if said is not None and said.end() <= pos:
            later = [e for e in orgs[k + 1 :] if e[0] >= said.end() and not _post_of_person(view, e)]
            return orgs[k] if not later else None
    return None


def _post_of_person(view: SentenceView, org: Placed[Entity]) -> bool:
    """Whether ``org`` is followed right away by a title and a person (栟川控股|副总裁|阚亦舟): it says where
    that person works, it does not act in the clause."""
    title = next((e for e in view.entities if e[0] == org[1] and e[2].label == "TITLE"), None)
    return title is not None and any(e[0] == title[1] and e[2].label == "PERSON" for e in view.entities)


def _clause_appointer(view: SentenceView, comma: int) -> Placed[Entity] | None:
    """The company or board opening the clause that ends at ``comma`` and appoints in it
    (…岭南农商联合银行第一届董事会第一次会议选举韩志远为董事长，|聘任…)."""
    start, _ = clause_bounds(view.text, comma, comma)
    org = view.entity_starting_at(start, "ORG")
    if org is None or not _APPOINTER_AFTER.match(view.text, org[1]).group():  # type: ignore[union-attr]
        return None
    return org


_OCCUPATION_BEFORE = re.compile(r"(?:资深|知名|著名)?(?:会计|经济|法律|金融|财务|管理)?(?:学者|专家|学家|教授|律师|会计师|银行家)$")
"""What the person is, written before the name of one appointed (会计学者, 知名经济学家, 资深律师)."""


def appointee_start(view: SentenceView, p_start: int) -> int:
    """Where the words naming an appointee begin: before a former post that describes the person
    (委任|前汇丰银行零售业务主管|何志明为营运总裁, 聘任|蓊崌人寿前投资长|邬靖妍为投资长), else at the name."""
    title = view.entity_ending_at(p_start, "TITLE")
    if title is None:
        described = _OCCUPATION_BEFORE.search(view.text, max(0, p_start - 8), p_start)
        return described.start() if described is not None else p_start  # 选举|会计学者|覃若蘅为独立董事
    pos = title[0]
    dated = next((m for m in FORMER_MARKS if view.text.endswith(m, 0, pos)), "")  # 蓊崌人寿|前|投资长
    org = view.entity_ending_at(pos, "ORG") or (view.entity_ending_at(pos - len(dated), "ORG") if dated else None)
    if org is not None:
        pos = org[0]
    mark = next((m for m in FORMER_MARKS if view.text.endswith(m, 0, pos)), "")
    return pos - len(mark)


def org_before_post(view: SentenceView, head: int) -> Placed[Entity] | None:
    """The company written right before a post starting at ``head``, or before a former mark in front
    of it (汇联支付|董事长, 汇联支付|原|董事长郑伟民), before the brackets declaring its short form
    (…有限公司（以下简称“菀汐消金”）|副总经理), one space before it (招商银行 行长), or the company whose
    announcement ends right before it (瑞和人寿公告称，总经理孙卫东…)."""
    held = next((m for m in _POST_MARKS if view.text.endswith(m, 0, head)), "")
    head -= len(held)  # 铭港银行同日宣布，现任|行政总裁…, 栖鹿消金拟任|董事长: the post now or to come, at the same company
    mark = next((m for m in FORMER_MARKS if view.text.endswith(m, 0, head)), "")
    found = view.entity_ending_at(head, "ORG") or (view.entity_ending_at(head - len(mark), "ORG") if mark else None)
    if found is None and view.text.endswith(("）", ")"), 0, head - len(mark)):
        # 菀汐消费金融有限公司（以下简称“菀汐消金”）|副总经理: the company whose short form is declared between
        found = next((e for e in view.labelled("ORG") if e[1] < head and past_declaration(view, e[1]) == head - len(mark)), None)
    if found is None and head > 0 and view.text[head - 1] in _LONE_SPACES and not view.text[head - 2 : head - 1].isspace():
        found = view.entity_ending_at(head - 1, "ORG")  # 招商银行&nbsp;行长: one space between, as scraped pages have
    if found is None:
        # 瑞和人寿公告称，总经理…; 浭银理财11月28日公告，原董事长…: a former post too is at the announcing company
        announced = _ANNOUNCEMENT_BEFORE.search(view.text, 0, head - len(mark))
        found = view.entity_ending_at(announced.start(), "ORG") if announced is not None else None
    if found is None and not mark:
        found = announcing_company(view, head)  # 湛旻支付同日公告，…；总经理职务暂由副总经理…代理
    return found


_ANNOUNCEMENT_BEFORE = re.compile(r"(?:[（(][^（()）]{1,24}[）)])?" + _ANNOUNCED + "$")
"""A company's announcement right before a post (瑞和人寿（601888.SH）昨日公告，|总经理…): the post is at that company."""


_LONE_SPACES = (" ", "\u3000")
_POST_MARKS = ("现任", "拟任", "候任")


_FACT: TypeAdapter[Fact] = TypeAdapter(Fact)

Rule = Callable[[SentenceView], Iterable[tuple[str, str, float, BaseModel]]]
"""A rule yields ``(fact type, rule id, confidence, args)`` for one sentence."""


def _place(work: WorkingText, base: int, end: int, items: Iterable[T]) -> tuple[Placed[T], ...]:
    out = []
    for item in items:
        start, stop = work.to_norm(item.start, item.end)  # type: ignore[attr-defined]
        if base <= start and stop <= end:
            out.append((start - base, stop - base, item))
    return tuple(out)


_START_END = attrgetter("start", "end")


class _Bucket:
    """Items sorted by start, sliced by sentence in O(log n)."""

    def __init__(self, items: Iterable[T]) -> None:
        self.items = sorted(items, key=_START_END)
        self.starts = [x.start for x in self.items]  # type: ignore[attr-defined]

    def within(self, start: int, end: int) -> list:
        lo, hi = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [x for x in self.items[lo:hi] if x.end <= end]


def previous_sentence(view: SentenceView, paragraph_break: str | None = "\n\n") -> Sentence | None:
    """The sentence right before ``view``'s, unless ``paragraph_break`` stands between them (a blank
    line by default; ``"\n"`` for any line break; ``None``: across paragraphs too)."""
    index = view.sentence.index
    if index == 0:
        return None
    prev = view.doc.sentences[index - 1]
    return None if paragraph_break is not None and paragraph_break in view.doc.text[prev.end : view.sentence.start] else prev


def next_sentence(view: SentenceView, paragraph_break: str = "\n\n") -> Sentence | None:
    """The sentence right after ``view``'s, unless ``paragraph_break`` stands between them."""
    index = view.sentence.index
    if index + 1 >= len(view.doc.sentences):
        return None
    nxt = view.doc.sentences[index + 1]
    return None if paragraph_break in view.doc.text[view.sentence.end : nxt.start] else nxt


def sentence_views(doc: Document) -> list[SentenceView]:
    """One :class:`SentenceView` per sentence of ``doc``."""
    work = doc.work
    buckets = {name: _Bucket(getattr(doc, name)) for name in ("entities", "figures", "periods", "tokens")}
    views = []
    for sent in doc.sentences:
        base, end = work.to_norm(sent.start, sent.end)
        in_sent = lambda name: buckets[name].within(sent.start, sent.end)  # noqa: E731
        views.append(
            SentenceView(
                doc=doc,
                sentence=sent,
                text=work.norm[base:end],
                base=base,
                entities=_place(work, base, end, in_sent("entities")),
                figures=_place(work, base, end, in_sent("figures")),
                periods=_place(work, base, end, in_sent("periods")),
                tokens=_token_tuples(work, base, in_sent("tokens")),
            )
        )
    return views


def _token_tuples(work: WorkingText, base: int, tokens: Iterable[Token]) -> tuple[tuple[int, int, str], ...]:
    """``(start, end, pos)`` of each token in working offsets relative to ``base``."""
    if work.offsets.is_identity:
        return tuple((t.start - base, t.end - base, t.pos) for t in tokens)
    return tuple((s - base, e - base, t.pos) for t in tokens for s, e in [work.to_norm(t.start, t.end)])


def build_fact(
    doc: Document,
    view: SentenceView,
    fact_type: str,
    rule: str,
    confidence: float,
    args: BaseModel,
    modality: str = "actual",
    attributed_to: Entity | None = None,
) -> Fact:
    """Assemble a fact record with its deterministic id."""
    payload = {
        "id": fact_id(doc.doc_id, fact_type, rule, args),
        "doc_id": doc.doc_id,
        "type": fact_type,
        "rule": rule,
        "confidence": confidence,
        "evidence": view.sentence,
        "args": args,
        "modality": modality,
        "attributed_to": attributed_to,
    }
    return _FACT.validate_python(payload)
