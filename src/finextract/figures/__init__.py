"""Stage 5 — figures: numbers, money, percentages, quantities and periods.

Recognition runs on the working text (Simplified, half-width) of each
sentence; :mod:`finextract.figures.recognize` returns matches in working
offsets and this stage maps them onto the original text.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Document
from ..spans import Figure, Period
from .recognize import FigureMatch, PeriodMatch, find_figures, find_periods

__all__ = ["FigureStage", "FigureMatch", "PeriodMatch", "find_figures", "find_periods"]


def _as_float(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


@dataclass
class FigureStage:
    """Document → Document: fills ``figures`` and ``periods`` sentence by sentence."""

    name: str = "figures"
    requires: frozenset[str] = frozenset({"normalized", "sentences"})
    provides: frozenset[str] = frozenset({"figures", "periods"})

    def __call__(self, doc: Document) -> Document:
        """Find figures and periods in every sentence of ``doc``."""
        work = doc.work
        figures: list[Figure] = []
        periods: list[Period] = []
        for sent in doc.sentences:
            n_start, n_end = work.to_norm(sent.start, sent.end)
            text = work.norm[n_start:n_end]
            found_periods = find_periods(text)
            for m in find_figures(text, found_periods):
                start, end, surface = work.orig_span(n_start + m.start, n_start + m.end)
                figures.append(
                    Figure(
                        text=surface,
                        start=start,
                        end=end,
                        kind=m.kind,
                        value=_as_float(m.value),
                        low=_as_float(m.low),
                        high=_as_float(m.high),
                        qualifier=m.qualifier,
                        unit=m.unit,
                        currency=m.currency,
                        counted=m.counted,
                        decimal=None if m.value is None else format(m.value, "f"),
                        rule=m.rule,
                    )
                )
            for p in found_periods:
                start, end, surface = work.orig_span(n_start + p.start, n_start + p.end)
                periods.append(
                    Period(text=surface, start=start, end=end, kind=p.kind, value=p.value, repaired=p.repaired)
                )
        if _taiwan_dollars(work.norm):
            figures = [_as_twd(f) for f in figures]
        return doc.model_copy(update={"figures": figures, "periods": periods})


_YUAN_MARKS = ("人民币", "RMB", "CNY", "¥", "￥")


def _taiwan_dollars(norm: str) -> bool:
    """Whether a document writes its amounts in New Taiwan dollars: 新台币 appears and 人民币 does not."""
    return "新台币" in norm and "人民币" not in norm


def _as_twd(figure: Figure) -> Figure:
    """A bare 元 amount of a Taiwan-dollar document (每股盈余4.51元) in TWD; marked amounts keep theirs."""
    if figure.currency != "CNY" or figure.unit != "元" or any(m in figure.text.upper() for m in _YUAN_MARKS):
        return figure
    return figure.model_copy(update={"currency": "TWD"})
