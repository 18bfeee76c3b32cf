"""Metric rule: a figure with the metric name written right before it.

* ``metric.noun_figure`` — 坏账率不超过0.3%; 工行的信用卡用户为1.25亿人 (subject 工行);
  单月现金贷款总额近100亿 (period 单月); 获客成本降低了40% (direction down);
  其存款成本为1.34% (其 → the nearest organization before it).

Between the metric noun and the figure only linking words may stand (为, 达到,
高达, 降低了 …); the metric is at most three noun tokens and never crosses an
entity.  A figure with no metric noun before it yields no metric fact.
"""

from __future__ import annotations

from typing import Iterator

from ..facts import MetricArgs
from .base import SentenceView

_LINKS = frozenset(
    "为 是 达 达到 高达 约 约为 超 超过 已 已经 了 共 共计 累计 仅 仅为 分别 分别为 在 有 都 均 也 就 则 可能 大约 将 "
    "增长 上升 提高 增加 上涨 升至 下降 降低 减少 下滑 回落 降至 同比 环比".split()
)
_UP = frozenset("增长 上升 提高 增加 上涨 升至".split())
_DOWN = frozenset("下降 降低 减少 下滑 回落 降至".split())
_NOUN_POS = frozenset({"n", "vn", "nz", "l", "j", "an", "ng"})
_SKIP_POS = frozenset({"d", "ul", "uz", "ug"})
_METRIC_KINDS = frozenset({"money", "percent", "percentage_point", "basis_point", "number", "quantity", "ratio"})


def metric_rules(view: SentenceView) -> Iterator[tuple[str, str, float, MetricArgs]]:
    """Metric facts in one sentence."""
    for f_start, _, figure in view.figures:
        if figure.kind not in _METRIC_KINDS:
            continue
        found = _metric_before(view, f_start)
        if found is None:
            continue
        m_start, m_end, direction = found
        subject = _subject(view, m_start)
        period = next((p[2] for p in reversed(view.periods) if p[1] <= m_start), None)
        args = MetricArgs(
            subject=subject,
            metric=view.text_span(m_start, m_end),
            value=figure,
            period=period,
            direction=direction,
        )
        yield "metric", "metric.noun_figure", 0.75 if subject else 0.7, args


def _token_index_ending_at(view: SentenceView, pos: int) -> int | None:
    return next((i for i, t in enumerate(view.tokens) if t[1] == pos), None)


def _metric_before(view: SentenceView, pos: int) -> tuple[int, int, str | None] | None:
    i = _token_index_ending_at(view, pos)
    direction = None
    skipped = 0
    while i is not None and i >= 0 and skipped < 4:
        start, end, tag = view.tokens[i]
        word = view.text[start:end]
        if word in _LINKS or tag in _SKIP_POS:
            direction = direction or ("up" if word in _UP else "down" if word in _DOWN else None)
            i -= 1
            skipped += 1
            continue
        break
    if i is None or i < 0:
        return None
    m_end = view.tokens[i][1]
    m_start = m_end
    count = 0
    while i >= 0 and count < 3:
        start, end, tag = view.tokens[i]
        if tag not in _NOUN_POS or _inside_entity(view, start, end) or m_end - start > 8:
            break
        m_start = start
        i -= 1
        count += 1
    if m_start == m_end:
        return None
    return m_start, m_end, direction


def _inside_entity(view: SentenceView, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e, _ in view.entities)


def _subject(view: SentenceView, m_start: int):  # type: ignore[no-untyped-def]
    pos = m_start
    if view.text.endswith("的", 0, pos):
        pos -= 1
    org = view.entity_ending_at(pos, "ORG")
    if org is not None:
        return org[2]
    if view.text.endswith("其", 0, pos):
        prior = [p for p in view.labelled("ORG") if p[1] <= pos - 1]
        return prior[-1][2] if prior else None
    return None
