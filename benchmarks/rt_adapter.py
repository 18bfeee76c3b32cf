"""Adapter: finextract's figure recognizer in Microsoft Recognizers-Text's terms.

``recognize(text)`` runs finextract's real normalization (Traditional →
Simplified, full-width folding), the numeral layer and the figure and period
recognizers, maps every span back to the input offsets and renames kinds to
the spec's types:

==========================  ===============================================
finextract                   spec type (value)
==========================  ===============================================
numeral (numeral layer)      ``number`` (exact value)
``ordinal``                  ``ordinal``
``percent`` / ``percentage_point``  ``percentage`` (percent points)
``basis_point``              ``percentage`` (bp / 100)
``money``                    ``currency`` (amount, unit = ISO code)
age quantity (``5岁``, ``3周大``)  ``age`` (unit ``Year``/``Month``/``Week``/``Day``)
``quantity`` physical unit   ``dimension``
qualified / range figure     ``numberrange`` (``[low, high]``, open end None)
==========================  ===============================================

Deliberate differences from the spec conventions:

* Qualifier words stay inside finextract spans (``超过100万元``,
  ``400多家``, ``100元左右``); the spec leaves them out of currency and
  percentage spans.  The number-type answers come from the numeral layer,
  which leaves a trailing ``多`` outside (``四百多`` → ``四百``) as the spec does.
* A currency name with no amount (``人民币`` alone) is not a figure.
* ``k``/``M`` suffixes, ``^`` powers, ``打`` (dozen), ``半百`` and the
  ideographic comma as a thousands separator (``4，565``) are not read.
* A lone Chinese digit is a number for the number type (the spec's
  ``十斤`` → 10) but is only a figure in finextract when a unit follows.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from finextract.figures.numerals import find_numerals
from finextract.figures.recognize import FigureMatch, find_figures
from finextract.normalize import Normalizer
from finextract.offsets import WorkingText

_PHYSICAL = {
    "吨": "Ton", "公斤": "Kilogram", "千克": "Kilogram", "克": "Gram", "斤": "Jin", "公里": "Kilometer",
    "千米": "Kilometer", "米": "Meter", "平方米": "Square meter", "平方公里": "Square kilometer",
    "平米": "Square meter", "亩": "Mu", "公顷": "Hectare", "立方米": "Cubic meter", "升": "Liter",
    "千瓦时": "Kilowatt hour", "千瓦": "Kilowatt", "兆瓦": "Megawatt",
}


_AGE_UNITS = {"岁": "Year", "个月": "Month", "周": "Week", "天": "Day"}


@lru_cache(maxsize=1)
def _normalizer() -> Normalizer:
    """One normalizer per process (building OpenCC is the slow part)."""
    return Normalizer()


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _span(work: WorkingText, start: int, end: int) -> dict[str, object]:
    o_start, o_end = work.to_orig(start, end)
    return {"start": o_start, "end": o_end, "text": work.original[o_start:o_end]}


def _typed(fig: FigureMatch) -> tuple[str, object, str | None] | None:
    """Spec ``(type, value, unit)`` of a figure, or ``None`` when the spec has no such type."""
    value: object = _num(fig.value) if fig.qualifier != "range" else [_num(fig.low), _num(fig.high)]
    if fig.kind in ("percent", "percentage_point"):
        return "percentage", value, "%"
    if fig.kind == "basis_point":
        return "percentage", None if fig.value is None else float(fig.value / 100), "%"
    if fig.kind == "money":
        return "currency", value, fig.currency
    if fig.kind == "ordinal":
        return "ordinal", value, None
    if fig.rule == "figures.age":
        return "age", value, _AGE_UNITS.get(fig.unit or "", fig.unit)
    if fig.kind == "quantity" and fig.unit in _PHYSICAL:
        return "dimension", value, _PHYSICAL[fig.unit]
    return None


def _range_of(fig: FigureMatch) -> list[float | None] | None:
    """``[low, high]`` of a bounded figure, or ``None`` for an exact or approximate one."""
    if fig.qualifier in ("exact", "approx"):
        return None
    return [_num(fig.low), _num(fig.high)]


def recognize(text: str) -> list[dict[str, object]]:
    """Spec-shaped answers for ``text`` (see the module docstring)."""
    work = _normalizer()(text)
    out: list[dict[str, object]] = []
    for numeral in find_numerals(work.norm):
        if numeral.shape != "range":
            out.append({**_span(work, numeral.start, numeral.end), "type": "number", "value": _num(numeral.value)})
    for fig in find_figures(work.norm):
        typed = _typed(fig)
        if typed is not None:
            kind, value, unit = typed
            out.append({**_span(work, fig.start, fig.end), "type": kind, "value": value, "unit": unit})
        bounds = _range_of(fig)
        if bounds is not None:
            out.append({**_span(work, fig.start, fig.end), "type": "numberrange", "value": bounds})
    return out
