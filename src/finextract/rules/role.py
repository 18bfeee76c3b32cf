"""Role rules: who holds which title where.

Each rule names itself in the fact's ``rule`` field.

* ``role.org_title_name`` — 工商银行董事长易会满; 京东集团董事局主席兼首席执行官刘强东
  (one fact per title of a 兼-chain).
* ``role.title_name``     — 金融科技事业部负责人谢锦生 (no organization written).
* ``role.document_company`` — 董事长邱承翰会后表示: a company officer's title in a sentence naming no
  company, in an article about one company (named at least three times, half as often again as any other).
* ``role.carried_company`` — 珞笙支付副总裁邬思礼…，商户管理部总经理蒯文婧…: a department's post in the next part
  of the sentence is at the company of the role before it.
* ``role.qi_title_name``  — …山东城商行联盟…，其常务副总经理兼首席技术官黄鑫: 其 refers
  to the nearest organization earlier in the sentence.
* ``role.name_serves``    — 易会满担任工商银行董事长; 王明远出任招商银行行长; 黄立新将继续担任…
  (adverbs before the verb are skipped).
* ``role.later_clause``   — 黄立新辞去平安银行副行长职务，将继续担任平安银行首席风险官: a
  later clause of the sentence with no subject of its own continues the person's.
* ``role.appointed_as``   — 董事会聘任孙晓雯为瀚海集团首席执行官.
* ``role.appointing_company`` — 澪豐銀行董事會委任財務總監鄺思穎為副行政總裁: the post an appointee holds now, written
  after the appointing verb, is at the company whose board appoints.

Posts at several companies listed after one verb (曾任瀍江省农村信用社联合社审计部总经理、湫口农商银行行长) each take
their own company.

A post the text dates as past — 原/前/时任 before it (兴港银行原行长刘建国, 前汇丰银行零售业务主管何志明)
or 曾/此前 before the verb (张伟曾任招商银行行长) — gives a role with ``former`` set.
"""

from __future__ import annotations

import re
from typing import Iterator, Sequence

from ..facts import RoleArgs
from ..han import HAN
from ..spans import Entity
from .base import FORMER_MARKS, PAST_ADVERBS, Placed, SentenceView, appointee_start, appointing_org, org_before_post, past_declaration

_CHAIN_JOINERS = ("兼", "、", "和", "及", "兼任")
_SERVE_VERBS = ("担任", "出任", "兼任", "接任", "升任", "留任", "当选", "任")
_ADVERBS = ("将", "仍", "继续", "还", "并", "同时", "也", "现", "已", "曾", "则", "目前", "此前", "之前", "曾经", "先后", "早年")
_CLAUSE_COMMAS = ("，", ",")
_APPOINT_VERBS = ("聘任", "任命", "委任", "选举", "提名", "聘请")
_OWN_COMPANY = ("本公司", "该公司", "公司", "本行", "该行", "集团")
"""Words for the company itself between its appointing verb and a post (提名公司副总经理…)."""


def _appointing_board(view: SentenceView, head: int) -> Placed[Entity] | None:
    """The company whose board appoints, placed, where an appointing verb stands right before a post, maybe with a
    word for that company between (董事會委任|財務總監…, 蒹穰人寿拟提名|公司|副总经理…)."""
    own = next((w for w in _OWN_COMPANY if view.text.endswith(w, 0, head)), "")
    verb = next((v for v in _APPOINT_VERBS if view.text.endswith(v, 0, head - len(own))), None)
    board = appointing_org(view, head - len(own) - len(verb)) if verb is not None else None
    return next((e for e in view.labelled("ORG") if e[2] is board), None) if board is not None else None


def _title_chain(view: SentenceView, end: int) -> list[tuple[int, int, Entity]]:
    """TITLE entities joined by 兼/、 that end at ``end``, in reading order."""
    chain = []
    pos = end
    while True:
        title = view.entity_ending_at(pos, "TITLE")
        if title is None:
            break
        chain.insert(0, title)
        pos = title[0]
        joiner = next((j for j in _CHAIN_JOINERS if view.text.endswith(j, 0, pos)), None)
        if joiner is None or view.entity_ending_at(pos - len(joiner), "TITLE") is None:
            break
        pos -= len(joiner)
    return chain


def role_rules(view: SentenceView, regulators: Sequence[str] = ()) -> Iterator[tuple[str, str, float, RoleArgs]]:
    """All role rules over one sentence; a supervisor (a name ending in one of ``regulators``) is no
    company of an officer named after 时任."""
    last_org: tuple[int, int, Entity] | None = None  # the company of the sentence's last role with one
    listed: dict[int, tuple[list, tuple[int, int, Entity] | None, str, float]] = {}  # person end → its posts
    for start, end, person in view.labelled("PERSON"):
        chain = _title_chain(view, start)
        if not chain and view.text.endswith("、", 0, start) and start - 1 in listed:
            # 保荐代表人贲书衡、溥景和: a person listed after one with a post holds the same post
            titles, org, rule, conf = listed[start - 1]
            listed[end] = listed[start - 1]
            for _, _, title in titles:
                yield "role", rule, conf, RoleArgs(person=person, org=org[2] if org else None, title=title, former=False)
            continue
        if chain:
            head = chain[0][0]
            org = org_before_post(view, head)
            rule, conf = "role.org_title_name", 0.9
            if org is None and view.text.endswith("其", 0, head):
                org = next((p for p in reversed(view.labelled("ORG")) if p[1] <= head - 1), None)
                rule, conf = "role.qi_title_name", 0.75
            elif org is None and last_org is not None and view.text.endswith(_LIST_BREAKS, 0, _before_dating(view, head)) and _DEPARTMENT_POST.match(chain[0][2].text):
                # 珞笙支付副总裁邬思礼被罚款32万元，商户管理部总经理蒯文婧…: a department's post after a role at a
                # company, in the next part of the sentence, is at that company
                org, rule, conf = last_org, "role.carried_company", 0.65
            elif org is None and view.text.endswith("时任", 0, head) and view.doc.normalized(chain[0][2]) in _OFFICER_TITLES:
                # 荥嵊医疗因…被罚款1,200万元，时任董事长隗宗翰被罚款300万元: an officer then, at the sentence's company
                org = next((p for p in view.labelled("ORG") if p[1] <= head and not p[2].canonical.endswith(tuple(regulators))), None)
                rule, conf = ("role.carried_company", 0.65) if org is not None else ("role.title_name", 0.8)
            elif org is None and (board := _appointing_board(view, head)) is not None:
                # 澪豐銀行董事會委任|財務總監鄺思穎為副行政總裁: the post held now, at the appointing company
                org, rule, conf = board, "role.appointing_company", 0.75
            elif org is None:
                rule, conf = "role.title_name", 0.8
            last_org = org if org is not None else last_org
            listed[end] = (chain, org, rule, conf)
            former = _former_before(view, org[0] if org and org[1] == head else head)
            company = org[2] if org else None
            if company is None and not view.labelled("ORG") and all(view.doc.normalized(t) in _OFFICER_TITLES for _, _, t in chain):
                company = _document_company(view)  # 董事长邱承翰会后表示 in an article about one company
                rule, conf = ("role.document_company", 0.6) if company is not None else (rule, conf)
            for _, _, title in chain:
                yield "role", rule, conf, RoleArgs(person=person, org=company, title=title, former=former)
    yield from _name_serves(view)


_LIST_BREAKS = ("，", ",", "、", "；", ";")


def _before_dating(view: SentenceView, head: int) -> int:
    """Where the post at ``head`` starts with the word dating it (时任|信息科技部总经理), else ``head``."""
    return head - next((len(m) for m in FORMER_MARKS if len(m) > 1 and view.text.endswith(m, 0, head)), 0)


_DEPARTMENT_POST = re.compile(r"[" + HAN + r"]{2,8}(?:部|中心|处|處|室)(?!长|長)[" + HAN + r"]{2,6}")
"""A post in a named department (商户管理部总经理), not the department's own title (处长)."""


_OFFICER_TITLES = frozenset(
    "董事长 副董事长 总经理 副总经理 总裁 副总裁 行长 副行长 首席执行官 行政总裁 副行政总裁 董事会秘书 财务总监 首席财务官".split()
)
"""A company's own officers: with no company in the sentence, the article's company is theirs."""



def _document_company(view: SentenceView) -> Entity | None:
    """The company an article is about: named at least three times and more often than any
    other, by half (references such as 公司 or 该行 not counted)."""
    counts: dict[str, int] = {}
    first: dict[str, Entity] = {}
    for e in view.doc.entities:
        if e.label == "ORG" and e.source != "coreference":
            counts[e.canonical] = counts.get(e.canonical, 0) + 1
            first.setdefault(e.canonical, e)
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and 2 * ranked[0][1] < 3 * ranked[1][1]):
        return None
    return first[ranked[0][0]]


def _former_before(view: SentenceView, pos: int) -> bool:
    """原/前/时任 right before the post (兴港银行原行长, 前汇丰银行零售业务主管), not 目前 or 此前."""
    return view.text.endswith(FORMER_MARKS, 0, pos) and not view.text.endswith(("以前", "之前", "目前", "当前", "此前", "提前"), 0, pos)


def _serve_verb(view: SentenceView, pos: int) -> tuple[int, str] | None:
    """The serve verb at ``pos`` after any adverbs (将继续担任), with where it starts."""
    while True:
        verb = next((v for v in _SERVE_VERBS if view.text.startswith(v, pos)), None)
        if verb is not None:
            return pos, verb
        adverb = next((a for a in _ADVERBS if view.text.startswith(a, pos)), None)
        if adverb is None:
            return None
        pos += len(adverb)


def _later_clause_verb(view: SentenceView, p_end: int) -> tuple[int, str] | None:
    """A serve verb opening a later clause that has no subject of its own (…，将继续担任…).

    No person may stand between ``p_end`` and that clause, so the elided
    subject can only be this person.
    """
    persons = [s for s, _, _ in view.labelled("PERSON") if s >= p_end]
    for k in range(p_end, len(view.text)):
        if persons and persons[0] < k:
            return None
        if view.text[k] in _CLAUSE_COMMAS:
            found = _serve_verb(view, k + 1)
            if found is not None:
                return found
        elif view.text[k] in "。；;！？!?":
            return None
    return None


def _name_serves(view: SentenceView) -> Iterator[tuple[str, str, float, RoleArgs]]:
    for p_start, p_end, person in view.labelled("PERSON"):
        opening = appointee_start(view, p_start)
        appointer = next((v for v in _APPOINT_VERBS if view.text.endswith(v, 0, opening)), None)
        if appointer is not None and view.text.startswith("为", p_end):
            board = appointing_org(view, opening - len(appointer))
            yield from _posts_after(view, person, p_end, (p_end, "为"), "role.appointed_as", 0.85, board)
            continue
        for verb_at, verb, rule, conf in _serve_verbs(view, p_end):
            joined = _joined_before(view, p_end, verb_at) if rule == "role.later_clause" else None
            yield from _posts_after(view, person, p_end, (verb_at, verb), rule, conf, joined)


_JOINED = ("加入", "加盟")


def _joined_before(view: SentenceView, p_end: int, verb_at: int) -> Entity | None:
    """The company the person joined in the clause that ends right before a later clause's serve verb
    (温筱涵于2009年加入岦鼎证券，曾任…: the post was there); not one joined after it (加入嘉泰人寿之前，曾任…)."""
    org = next((e for e in view.labelled("ORG") if p_end <= e[0] and e[1] < verb_at and view.text.endswith(_JOINED, 0, e[0])), None)
    if org is None or view.text[org[1] : org[1] + 1] not in _CLAUSE_COMMAS or any(c in view.text[org[1] + 1 : verb_at] for c in _CLAUSE_COMMAS):
        return None  # the verb's clause must come right after the one that names the company
    return org[2]


def _serve_verbs(view: SentenceView, p_end: int) -> list[tuple[int, str, str, float]]:
    """The person's serve verbs: right after the name (此前担任), then each later clause without a
    subject of its own that opens with one (…，2021年加入嘉泰人寿之前，曾任…)."""
    out: list[tuple[int, str, str, float]] = []
    direct = _serve_verb(view, p_end)
    if direct is not None:
        out.append((direct[0], direct[1], "role.name_serves", 0.85))
    pos = direct[0] + len(direct[1]) if direct is not None else p_end
    while (later := _later_clause_verb(view, pos)) is not None:
        out.append((later[0], later[1], "role.later_clause", 0.75))
        pos = later[0] + len(later[1])
    return out


def _posts_after(
    view: SentenceView, person: Entity, p_end: int, verb: tuple[int, str], rule: str, conf: float, board: Entity | None
) -> Iterator[tuple[str, str, float, RoleArgs]]:
    """The roles a serve verb (or 为 after an appointing verb) gives: ``[ORG][的]TITLE[兼TITLE…]`` after it."""
    verb_at, word = verb
    posts = _company_posts(view, verb_at + len(word))
    if rule == "role.later_clause" and posts and view.text.startswith("的", posts[-1][1][-1][1]):
        return  # …，将担任瀚海集团董事长的人选: the clause modifies a noun, it has no elided subject
    # 曾任, 此前担任: the adverbs right before the verb date the post
    former = rule != "role.appointed_as" and any(a in view.text[max(p_end, verb_at - 4) : verb_at] for a in PAST_ADVERBS)
    for org, titles in posts:
        for title in titles:
            yield "role", rule, conf, RoleArgs(person=person, org=org[2] if org else board, title=title[2], former=former)


def _company_posts(view: SentenceView, pos: int) -> list[tuple[Placed[Entity] | None, list[Placed[Entity]]]]:
    """``[ORG][的]TITLE[兼TITLE…]`` at ``pos``, then each further company's posts listed after 、
    (曾任瀍江省农村信用社联合社审计部总经理、湫口农商银行行长): the companies with their titles, in order."""
    out: list[tuple[Placed[Entity] | None, list[Placed[Entity]]]] = []
    while True:
        org = view.entity_starting_at(pos, "ORG")
        if org is not None:
            pos = past_declaration(view, org[1])  # 曾任…有限公司（以下简称“江川银行”）|零售金融部副总经理
            if view.text.startswith("的", pos):
                pos += 1
        titles = []
        title = view.entity_starting_at(pos, "TITLE")
        while title is not None:
            titles.append(title)
            joiner = next((j for j in _CHAIN_JOINERS if view.text.startswith(j, title[1])), None)
            title = view.entity_starting_at(title[1] + len(joiner), "TITLE") if joiner else None
        if not titles:
            return out
        out.append((org, titles))
        pos = titles[-1][1] + 1
        if not view.text.startswith("、", titles[-1][1]) or view.entity_starting_at(pos, "ORG") is None:
            return out
