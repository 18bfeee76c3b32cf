"""Figure and period recognition over working text (placeholder contract).

``find_figures(text)`` and ``find_periods(text)`` return matches with
``[start, end)`` offsets into ``text``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class FigureMatch:
    """A recognized figure in working-text offsets."""

    start: int
    end: int
    kind: str
    value: Decimal | None
    low: Decimal | None = None
    high: Decimal | None = None
    qualifier: str = "exact"
    unit: str | None = None
    currency: str | None = None
    counted: str | None = None
    rule: str = "figures"


@dataclass(frozen=True)
class PeriodMatch:
    """A recognized date or period in working-text offsets."""

    start: int
    end: int
    kind: str
    value: str
    repaired: bool = False


def find_figures(text: str) -> list[FigureMatch]:
    """Figures in ``text``."""
    return []


def find_periods(text: str) -> list[PeriodMatch]:
    """Dates and periods in ``text``."""
    return []
