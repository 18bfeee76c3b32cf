"""Adapter: finextract's figure recognizer in Microsoft Recognizers-Text's terms.

``recognize(text)`` runs finextract's real normalization (Traditional →
Simplified, full-width folding), the numeral layer and the figure and period
recognizers, maps every span back to the input offsets, renames kinds to the
spec's types and converts finextract's span conventions to the spec's (see
below).  ``recognize_native(text)`` does the same without the convention
conversion, so both scores can be measured::

    python ../shared/tools/figures_eval.py ../shared/data/recognizers-text-zh benchmarks/rt_adapter.py:recognize
    python ../shared/tools/figures_eval.py ../shared/data/recognizers-text-zh benchmarks/rt_adapter.py:recognize_native

==========================  ===============================================
finextract                   spec type (value)
==========================  ===============================================
numeral (numeral layer)      ``number`` (exact value)
``ordinal``                  ``ordinal``
``percent`` / ``percentage_point``  ``percentage`` (percent points)
``basis_point``              ``percentage`` (bp / 100)
``money``                    ``currency`` (amount, unit = ISO code)
age quantity (``5岁``, ``3周大``)  ``age`` (unit ``Year``/``Month``/``Week``/``Day``)
``quantity`` in degrees      ``temperature``
``quantity`` physical unit   ``dimension``
qualified / range figure     ``numberrange`` (``[low, high]``, open end None)
==========================  ===============================================

Traditional parity: ``python benchmarks/rt_adapter.py`` scores the specs and
a copy whose inputs are converted to Traditional with OpenCC ``s2t`` (only
where the conversion keeps the length), one table after the other
(``--function recognize_native``, ``--files NumberModel,...`` as for the tool).

Deliberate convention differences, converted by ``recognize`` only:

* Qualifier words stay inside finextract spans (``超过100万元``, ``400多家``,
  ``100元左右``, ``至少有10``); the spec leaves them out of currency,
  percentage, dimension, age and temperature spans, so the adapter trims
  them.  For ``numberrange`` the spec keeps bound words but not approximation
  words (``大概``) and not the measure word (``五百多个`` → ``五百多``).
* finextract reports a range as one figure (``5-20%``, ``70-90天大``); the
  spec's unit models report only the end that carries the unit (``20%``),
  or each end when both carry it.  Adjacent-digit ranges (``二三十个百分点``)
  have no unit-model answer in the spec and are dropped.
* A one-character Chinese digit inside a money or percent figure
  (``一美元``, ``二％``) is not a ``number`` answer in the spec.
* A currency or temperature unit with no amount (``人民币``, ``摄氏度``
  alone) is not a figure in finextract; the spec reports it with a null value.
* A lower and an upper bound next to each other (``大于10小于20``,
  ``最多100最少20``) and a between-range (``20和30之间``, ``10000与20000间``)
  are one ``range`` figure in both; the ``numberrange`` span keeps the closing
  ``之间``/``间`` and the adjective of a comparison (``比三十大``).
* ``等于X`` is an exact figure in finextract; the spec reports it as the
  range ``[X, X]``, so the adapter adds that answer (span from ``等于``).
* ``对折`` alone is a 50 % discount in finextract; the spec reads it only
  after ``打`` (``打对折``), so a bare ``对折`` is not reported.

Not read at all: ``M`` suffixes (``-2.5 M``), ``日本銭``, ``一位`` (a bit),
``过20`` and ``超过了80`` (see docs/figures.md).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from finextract.figures.lexicon import (
    CURRENCY_PREFIXES,
    CURRENCY_WORDS,
    PREFIX_QUALIFIERS,
    QUALIFIER_PARTICLES,
    RANGE_LINKS,
    SUFFIX_QUALIFIERS,
)
from finextract.figures.numerals import Numeral, find_numerals
from finextract.figures.recognize import FigureMatch, find_figures
from finextract.normalize import Normalizer
from finextract.offsets import WorkingText

_PHYSICAL = {
    "吨": "Ton", "公斤": "Kilogram", "千克": "Kilogram", "kg": "Kilogram", "KG": "Kilogram", "克": "Gram",
    "毫克": "Milligram", "微克": "Microgram", "mg": "Milligram", "斤": "Jin", "公里": "Kilometer",
    "千米": "Kilometer", "km": "Kilometer", "KM": "Kilometer", "米": "Meter", "m": "Meter",
    "公分": "Centimeter", "厘米": "Centimeter", "cm": "Centimeter", "CM": "Centimeter", "毫米": "Millimeter",
    "mm": "Millimeter", "MM": "Millimeter", "平方米": "Square meter", "平方公里": "Square kilometer",
    "平米": "Square meter", "亩": "Mu", "公顷": "Hectare", "立方米": "Cubic meter", "升": "Liter",
    "毫升": "Milliliter", "千瓦时": "Kilowatt hour", "千瓦": "Kilowatt", "兆瓦": "Megawatt",
    "英尺": "Foot", "平方英尺": "Square foot", "英寸": "Inch", "英里": "Mile", "磅": "Pound",
    "盎司": "Ounce", "千卡": "Kilocalorie", "卡路里": "Calorie", "赫兹": "Hertz", "Hz": "Hertz",
    "兆赫兹": "Megahertz", "兆赫": "Megahertz", "千赫": "Kilohertz", "字节": "Byte", "千字节": "Kilobyte",
    "兆字节": "Megabyte", "比特": "Bit", "千比特": "Kilobit", "兆比特": "Megabit", "GB": "Gigabyte",
    "MB": "Megabyte", "TB": "Terabyte", "KB": "Kilobyte", "两": "Liang",
}
_TEMPERATURE = {"度": "Degree", "摄氏度": "C", "°C": "C", "℃": "C", "华氏度": "F", "°F": "F", "℉": "F"}
_AGE_UNITS = {"岁": "Year", "个月": "Month", "周": "Week", "天": "Day"}
_UNIT_TYPES = frozenset({"currency", "percentage", "dimension", "age", "temperature"})


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


def _spaced(words: object) -> str:
    return "|".join(" *".join(map(re.escape, w)) for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


_LEADING_QUALIFIER = re.compile(
    rf"(?P<word>{_spaced(PREFIX_QUALIFIERS)}) *(?:[{QUALIFIER_PARTICLES}] *)?"
)
_RANGE_CLOSER = re.compile(r" *(?:之?间|[大高多小低少])$")
_EQUALS = re.compile(r"等 *于 *$")
_HALF_PRICE = re.compile(r"[对對]折")
_TRAILING_QUALIFIER = re.compile(rf" *(?:{_alternation(SUFFIX_QUALIFIERS)})$")
_LINK_TAIL = re.compile(rf" *(?:{_alternation(RANGE_LINKS)}) *$")
_BARE_TEMPERATURE = re.compile(r"摄氏度|华氏度|°C|°F|℃|℉")
_BARE_CURRENCY = re.compile(
    _alternation(w for w in {*CURRENCY_WORDS, *CURRENCY_PREFIXES} if len(w) > 1 and not w.isascii())
)


@lru_cache(maxsize=1)
def _normalizer() -> Normalizer:
    """One normalizer per process (building OpenCC is the slow part)."""
    return Normalizer()


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _answer(work: WorkingText, start: int, end: int, kind: str, value: object, unit: str | None = None) -> dict[str, object]:
    o_start, o_end = work.to_orig(start, end)
    out: dict[str, object] = {"start": o_start, "end": o_end, "text": work.original[o_start:o_end], "type": kind, "value": value}
    if unit is not None:
        out["unit"] = unit
    return out


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
    if fig.rule.startswith("figures.age"):
        return "age", value, _AGE_UNITS.get(fig.unit or "", fig.unit)
    if fig.kind == "quantity" and fig.unit in _TEMPERATURE:
        return "temperature", value, "F" if fig.unit == "°F" else _TEMPERATURE[fig.unit or ""]
    if fig.kind == "quantity" and fig.unit in _PHYSICAL:
        return "dimension", value, _PHYSICAL[fig.unit or ""]
    return None


def _range_of(fig: FigureMatch) -> list[float | None] | None:
    """``[low, high]`` of a bounded figure, or ``None`` for an exact or approximate one."""
    if fig.qualifier in ("exact", "approx"):
        return None
    return [_num(fig.low), _num(fig.high)]


def _core(norm: str, fig: FigureMatch, keep_bounds: bool = False) -> tuple[int, int]:
    """``fig``'s span without its qualifier words (bound words kept when ``keep_bounds``)."""
    start, end = fig.start, fig.end
    lead = _LEADING_QUALIFIER.match(norm, start, end)
    if lead is not None and lead.end() < end:
        if not (keep_bounds and PREFIX_QUALIFIERS[lead.group("word").replace(" ", "")] != "approx"):
            start = lead.end()
    trail = _TRAILING_QUALIFIER.search(norm, start, end)
    if trail is not None and trail.start() > start:
        if not (keep_bounds and SUFFIX_QUALIFIERS[trail.group().strip()] != "approx"):
            end = trail.start()
    return start, end


def _inside(numerals: list[Numeral], start: int, end: int) -> list[Numeral]:
    return [n for n in numerals if start <= n.start and n.end <= end]


def _unit_answers(work: WorkingText, fig: FigureMatch, typed: tuple[str, object, str | None], numerals: list[Numeral]) -> list[dict[str, object]]:
    """Spec answers of a unit-model figure (a range gives the end or ends carrying the unit)."""
    kind, value, unit = typed
    start, end = _core(work.norm, fig)
    if fig.qualifier != "range":
        return [_answer(work, start, end, kind, value, unit)]
    inner = _inside(numerals, start, end)
    if len(inner) < 2:
        return []  # an adjacent-digit range such as 二三十个百分点
    first, last = inner[0], inner[-1]
    high = value[1] if isinstance(value, list) else None
    out = [_answer(work, last.start, end, kind, high, unit)]
    link = _LINK_TAIL.search(work.norm, first.end, last.start)
    if link is not None and link.start() > first.end:
        low = value[0] if isinstance(value, list) else None
        out.insert(0, _answer(work, start, link.start(), kind, low, unit))
    return out


def _range_answer(work: WorkingText, fig: FigureMatch, bounds: list[float | None], numerals: list[Numeral]) -> dict[str, object]:
    """The spec's ``numberrange`` span: bound words and the number, not the measure word."""
    start, end = _core(work.norm, fig, keep_bounds=True)
    closed = ("_between" in fig.rule or "_than" in fig.rule) and _RANGE_CLOSER.search(work.norm, start, end) is not None
    if not closed and _TRAILING_QUALIFIER.search(work.norm, start, end) is None:
        inner = _inside(numerals, start, end)
        if inner:
            stop = inner[-1].end
            if stop < end and work.norm[stop] in "多余几":
                stop += 1
            end = stop
    return _answer(work, start, end, "numberrange", bounds)


def _equality(work: WorkingText, fig: FigureMatch) -> dict[str, object] | None:
    """``等于一百七``: the spec's degenerate range ``[170, 170]`` for an exact figure after 等于."""
    if fig.qualifier != "exact" or fig.value is None:
        return None
    eq = _EQUALS.search(work.norm, max(0, fig.start - 4), fig.start)
    if eq is None:
        return None
    start, end = _core(work.norm, fig)
    value = _num(fig.value)
    return _answer(work, eq.start(), end, "numberrange", [value, value])


def _bare_half_price(work: WorkingText, fig: FigureMatch) -> bool:
    """``对折`` not after ``打``: the spec reads it as a percentage only in ``打对折``."""
    surface = work.norm[fig.start:fig.end]
    return _HALF_PRICE.fullmatch(surface) is not None and not work.norm[:fig.start].endswith("打")


def _native(work: WorkingText) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for numeral in find_numerals(work.norm):
        if numeral.shape != "range":
            out.append(_answer(work, numeral.start, numeral.end, "number", _num(numeral.value)))
    for fig in find_figures(work.norm):
        typed = _typed(fig)
        if typed is not None:
            out.append(_answer(work, fig.start, fig.end, *typed))
        bounds = _range_of(fig)
        if bounds is not None:
            out.append(_answer(work, fig.start, fig.end, "numberrange", bounds))
    return out


def _converted(work: WorkingText) -> list[dict[str, object]]:
    numerals = find_numerals(work.norm)
    figures = find_figures(work.norm)
    out: list[dict[str, object]] = []
    unit_spans = [(f.start, f.end) for f in figures if f.kind in ("money", "percent", "percentage_point")]
    for numeral in numerals:
        if numeral.shape == "range":
            continue
        if numeral.lone and any(a <= numeral.start and numeral.end <= b for a, b in unit_spans):
            continue
        out.append(_answer(work, numeral.start, numeral.end, "number", _num(numeral.value)))
    for fig in figures:
        if _bare_half_price(work, fig):
            continue
        equality = _equality(work, fig)
        if equality is not None:
            out.append(equality)
        typed = _typed(fig)
        if typed is not None:
            if typed[0] in _UNIT_TYPES:
                out.extend(_unit_answers(work, fig, typed, numerals))
            else:
                out.append(_answer(work, *_core(work.norm, fig), *typed))
        bounds = _range_of(fig)
        if bounds is not None:
            out.append(_range_answer(work, fig, bounds, numerals))
    money = [(f.start, f.end) for f in figures if f.kind == "money"]
    for m in _BARE_CURRENCY.finditer(work.norm):
        if all(m.end() <= a or b <= m.start() for a, b in money):
            code = CURRENCY_WORDS.get(m.group()) or CURRENCY_PREFIXES.get(m.group())
            out.append(_answer(work, m.start(), m.end(), "currency", None, code))
    taken = [(f.start, f.end) for f in figures if f.kind == "quantity"]
    for m in _BARE_TEMPERATURE.finditer(work.norm):
        if all(m.end() <= a or b <= m.start() for a, b in taken):
            out.append(_answer(work, m.start(), m.end(), "temperature", None, _TEMPERATURE[m.group()]))
    return out


def recognize(text: str) -> list[dict[str, object]]:
    """Spec-shaped answers for ``text``, converted to the spec's span conventions."""
    return _converted(_normalizer()(text))


def recognize_native(text: str) -> list[dict[str, object]]:
    """Spec-shaped answers for ``text`` with finextract's own span conventions."""
    return _native(_normalizer()(text))


def traditional_specs(spec_dir: Path, out_dir: Path) -> tuple[int, int]:
    """Copy the spec files under ``spec_dir`` to ``out_dir`` with inputs converted to Traditional.

    Every input goes through OpenCC ``s2t``; the converted text replaces the
    input only where it keeps the length (so the gold offsets stay valid).
    Returns ``(converted, total)`` case counts.
    """
    from opencc import OpenCC

    to_trad = OpenCC("s2t")
    converted = total = 0
    for path in sorted(spec_dir.rglob("*.json")):
        cases = json.loads(path.read_text(encoding="utf-8-sig"))
        for case in cases:
            total += 1
            trad = to_trad.convert(case["Input"])
            if len(trad) == len(case["Input"]) and trad != case["Input"]:
                case["Input"] = trad
                converted += 1
        target = out_dir / path.relative_to(spec_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    return converted, total


def _main(argv: list[str] | None = None) -> int:
    """Score the Simplified specs and their Traditional conversion side by side."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--specs", type=Path, default=Path("../shared/data/recognizers-text-zh"))
    parser.add_argument("--tool", type=Path, default=Path("../shared/tools/figures_eval.py"))
    parser.add_argument("--function", default="recognize", choices=["recognize", "recognize_native"])
    parser.add_argument("--files", default=None, help="passed to figures_eval.py --files")
    args = parser.parse_args(argv)
    callable_ = f"{Path(__file__).resolve()}:{args.function}"
    extra = ["--files", args.files] if args.files else []
    with tempfile.TemporaryDirectory() as tmp:
        converted, total = traditional_specs(args.specs, Path(tmp))
        for label, specs in (("Simplified", args.specs), ("Traditional (OpenCC s2t)", Path(tmp))):
            sys.stdout.write(f"== {label}\n")
            sys.stdout.flush()
            subprocess.run([sys.executable, str(args.tool), str(specs), callable_, *extra], check=True)
    sys.stdout.write(f"converted inputs: {converted}/{total} (the rest change length or have no Simplified form)\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
