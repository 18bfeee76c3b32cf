"""Role rules: who holds which title where.

Each rule names itself in the fact's ``rule`` field.

* ``role.org_title_name`` — 工商银行董事长易会满; 京东集团董事局主席兼首席执行官刘强东
  (one fact per title of a 兼-chain).
* ``role.title_name``     — 金融科技事业部负责人谢锦生 (no organization written).
* ``role.qi_title_name``  — …山东城商行联盟…，其常务副总经理兼首席技术官黄鑫: 其 refers
  to the nearest organization earlier in the sentence.
* ``role.name_serves``    — 易会满担任工商银行董事长; 王明远出任招商银行行长.
* ``role.appointed_as``   — 董事会聘任孙晓雯为瀚海集团首席执行官.
"""

from __future__ import annotations

from typing import Iterator

from ..facts import RoleArgs
from ..spans import Entity
from .base import SentenceView

_CHAIN_JOINERS = ("兼", "、", "和", "及", "兼任")
_SERVE_VERBS = ("担任", "出任", "兼任", "接任", "升任", "任")
_APPOINT_VERBS = ("聘任", "任命", "委任", "选举", "提名", "聘请")


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


def role_rules(view: SentenceView) -> Iterator[tuple[str, str, float, RoleArgs]]:
    """All role rules over one sentence."""
    for start, _, person in view.labelled("PERSON"):
        chain = _title_chain(view, start)
        if chain:
            head = chain[0][0]
            org = view.entity_ending_at(head, "ORG")
            rule, conf = "role.org_title_name", 0.9
            if org is None and view.text.endswith("其", 0, head):
                org = next((p for p in reversed(view.labelled("ORG")) if p[1] <= head - 1), None)
                rule, conf = "role.qi_title_name", 0.75
            elif org is None:
                rule, conf = "role.title_name", 0.8
            for _, _, title in chain:
                yield "role", rule, conf, RoleArgs(person=person, org=org[2] if org else None, title=title)
    yield from _name_serves(view)


def _name_serves(view: SentenceView) -> Iterator[tuple[str, str, float, RoleArgs]]:
    for p_start, p_end, person in view.labelled("PERSON"):
        rule = "role.name_serves"
        verb = next((v for v in _SERVE_VERBS if view.text.startswith(v, p_end)), None)
        if any(view.text.endswith(v, 0, p_start) for v in _APPOINT_VERBS) and view.text.startswith("为", p_end):
            verb, rule = "为", "role.appointed_as"
        if verb is None:
            continue
        pos = p_end + len(verb)
        org = view.entity_starting_at(pos, "ORG")
        if org is not None:
            pos = org[1]
            if view.text.startswith("的", pos):
                pos += 1
        title = view.entity_starting_at(pos, "TITLE")
        while title is not None:
            yield "role", rule, 0.85, RoleArgs(person=person, org=org[2] if org else None, title=title[2])
            joiner = next((j for j in _CHAIN_JOINERS if view.text.startswith(j, title[1])), None)
            title = view.entity_starting_at(title[1] + len(joiner), "TITLE") if joiner else None
