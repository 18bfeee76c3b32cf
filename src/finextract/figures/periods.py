"""Dates and periods in working text: years, months, dates, quarters, halves.

Values are ISO-like strings: ``2016``, ``2016-01``, ``--07-18`` (month and day
of an unknown year), ``---18`` (a day of an unknown month), ``2017-Q2``,
``Q3``, ``2017-H1``, ``H2``, years relative to the article's (``去年`` → ``Y-1``,
``今年`` → ``Y0``, ``明年`` → ``Y+1``), year-to-date spans of quarters ``2023-Q1/2023-Q3``
and ``Q1/Q3`` (``前三季度``; ``前一季度`` is the previous quarter and is not
read), year-to-date months ``--01/--10`` (``前10月``, ``前三个月``), frequencies ``P1D``/``P1M``/``P3M``/``P1Y`` and
comparisons ``YoY``/``MoM``/``QoQ`` (``同比``, and the Hong Kong ``按年``/``按季``/``按月``).  A relative year word before a month
(``今年3月``) stays in the span; the value keeps the year unknown (``--03``).  Months relative to
the article's are ``M0``, ``M-1``, ``M+1`` (``本月``, ``上月``, ``下个月``).

Damaged datelines where the scraper lost ``月`` (``718日``) are repaired only
when the digits split into a month and a day in exactly one valid way and the
span reads like a dateline (sentence start, or after a comma or a space).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from ..han import HAN

_HAN_SMALL = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "两": 2}

_YEAR = r"(?P<y>(?:19|20)\d{2}|[〇零一二][〇零一二三四五六七八九]{3})"
_MONTH = r"(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?P<d>3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_QUARTER = r"(?P<q>[1-4一二三四])"
_REL_YEAR = r"(?:今年|去年|明年|前年|本年|当年|同年|上年)"
_QUARTER_END = r"(?:度|(?<=第[1-4一二三四]季))"
"""季度, or 季 alone after 第 (Taiwan's 第三季): 一年四季 names no quarter."""
_QUARTERS_TO = r"(?P<qt>[2-4二两三四])个?季度?"
"""The last quarter of a year-to-date span: 前三季度 (the first three quarters), 首三季 (Hong Kong)."""

_CLOCK = r"(?:[ \u3000]+(?:[01]?[0-9]|2[0-3])[:：][0-5][0-9](?:[:：][0-5][0-9])?(?![0-9]))?"
"""A time of day after a date (2026年11月18日 09:12): part of the date's span, not a figure; the value stays the day."""

_DATED = tuple(
    re.compile(p)
    for p in (
        rf"(?<![0-9]){_YEAR}年?[Qq]{_QUARTER}(?![0-9])",
        rf"(?<![0-9]){_YEAR}年(?:第)?{_QUARTER}季{_QUARTER_END}",
        rf"(?<![0-9]){_YEAR}年(?:前|首){_QUARTERS_TO}",
        rf"(?<![0-9]){_YEAR}年(?P<h>上|下)半年",
        rf"(?<![0-9]){_YEAR}年{_MONTH}月份?(?:{_DAY}[日号]{_CLOCK})?",
        rf"(?<![0-9]){_YEAR}(?:年|财年)(?:度|底|末|初|中)?",
    )
)
_UNDATED = tuple(
    re.compile(p)
    for p in (
        rf"(?<![0-9个第年])(?:{_REL_YEAR})?{_MONTH}月份?(?:{_DAY}[日号]{_CLOCK})?(?![0-9])",
        rf"(?<![0-9前后])(?:{_REL_YEAR})?(?:第)?{_QUARTER}季{_QUARTER_END}",
        rf"(?<![A-Za-z0-9])[Qq]{_QUARTER}(?![0-9A-Za-z])",
        rf"(?:{_REL_YEAR})?(?P<h>上|下)半年",
        rf"(?<![0-9])(?:{_REL_YEAR})?(?:前|首){_QUARTERS_TO}",
        rf"(?<![0-9])(?:{_REL_YEAR})?前(?P<mt>1[0-2]|[2-9]|十[一二]?|[二两三四五六七八九])个?月(?!份?[0-9])",
    )
)
_NUMERIC_DATE = re.compile(
    r"(?<![0-9.\-/])(?P<y>(?:19|20)[0-9]{2})(?P<sep>[-/.])(?P<m>1[0-2]|0?[1-9])(?P=sep)(?P<d>3[01]|[12][0-9]|0?[1-9])(?![0-9.\-/])" + _CLOCK
)
"""A date written in digits, as page datelines do (2026-10-12 09:31, 2025/3/7, 2025.06.30)."""
_DAY_ONLY = re.compile(rf"(?<![0-9月年])(?<![一二三四五六七八九十]月){_DAY}日(?![元圆本币])")
_DAMAGED = re.compile(r"(?:(?<=^)|(?<=[，, ]))(?P<digits>[0-9]{3,4})日(?![元圆本币])")
_WORDS: dict[str, tuple[str, str]] = {
    "每天": ("frequency", "P1D"),
    "每日": ("frequency", "P1D"),
    "日均": ("frequency", "P1D"),
    "每周": ("frequency", "P1W"),
    "每月": ("frequency", "P1M"),
    "每个月": ("frequency", "P1M"),
    "单月": ("frequency", "P1M"),
    "月均": ("frequency", "P1M"),
    "每季度": ("frequency", "P3M"),
    "单季度": ("frequency", "P3M"),
    "单季": ("frequency", "P3M"),
    "每年": ("frequency", "P1Y"),
    "年均": ("frequency", "P1Y"),
    "全年": ("relative", "FY"),
    "今年以来": ("year", "Y0-YTD"),
    "年初以来": ("year", "Y0-YTD"),
    "年初至今": ("year", "Y0-YTD"),
    "同比": ("relative", "YoY"),
    "按年": ("relative", "YoY"),
    "环比": ("relative", "MoM"),
    "按季": ("relative", "QoQ"),
    "按月": ("relative", "MoM"),
}
"""Fixed words: frequencies (``每天`` → ``P1D``), comparisons (``同比`` → ``YoY``) and the year to date
(``今年以来`` → ``Y0-YTD``, the article's year up to its date)."""

_WORD_RE = re.compile("|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True)))


class _Located(Protocol):
    """Anything with ``start`` and ``end`` offsets."""

    @property
    def start(self) -> int: ...  # noqa: D102

    @property
    def end(self) -> int: ...  # noqa: D102


S = TypeVar("S", bound=_Located)


@dataclass(frozen=True)
class PeriodMatch:
    """A recognized date or period in working-text offsets."""

    start: int
    end: int
    kind: str
    value: str
    repaired: bool = False


def small_number(text: str) -> int:
    """Value of a month/day/quarter written in Arabic or small Chinese numerals (1–31)."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return _HAN_SMALL[text]
    tens, _, ones = text.partition("十")
    return (_HAN_SMALL[tens] if tens else 1) * 10 + (_HAN_SMALL[ones] if ones else 0)


def _span_end(text: str) -> int:
    """The last quarter or month of a year-to-date span (前三季度, 前10月; 两 counts as 2)."""
    return 2 if text == "两" else small_number(text)


def _year(text: str) -> str:
    if text.isdigit():
        return text
    return "".join("0" if c in "〇零" else str(_HAN_SMALL[c]) for c in text)


def _dated(m: re.Match[str]) -> PeriodMatch | None:
    """A period anchored on a written year."""
    groups = m.groupdict()
    year = _year(groups["y"])
    if groups.get("qt"):
        return PeriodMatch(m.start(), m.end(), "quarter", f"{year}-Q1/{year}-Q{_span_end(groups['qt'])}")
    if groups.get("q"):
        return PeriodMatch(m.start(), m.end(), "quarter", f"{year}-Q{small_number(groups['q'])}")
    if groups.get("h"):
        return PeriodMatch(m.start(), m.end(), "half", f"{year}-H{1 if groups['h'] == '上' else 2}")
    if groups.get("m"):
        month = small_number(groups["m"])
        if groups.get("d"):
            day = small_number(groups["d"])
            if not 1 <= day <= 31:
                return None
            return PeriodMatch(m.start(), m.end(), "date", f"{year}-{month:02d}-{day:02d}")
        return PeriodMatch(m.start(), m.end(), "month", f"{year}-{month:02d}")
    return PeriodMatch(m.start(), m.end(), "year", year)


def _undated(m: re.Match[str]) -> PeriodMatch | None:
    """A month, date, quarter or half whose year is not written."""
    groups = m.groupdict()
    if groups.get("qt"):
        return PeriodMatch(m.start(), m.end(), "quarter", f"Q1/Q{_span_end(groups['qt'])}")
    if groups.get("mt"):
        return PeriodMatch(m.start(), m.end(), "month", f"--01/--{_span_end(groups['mt']):02d}")
    if groups.get("q"):
        return PeriodMatch(m.start(), m.end(), "quarter", f"Q{small_number(groups['q'])}")
    if groups.get("h"):
        return PeriodMatch(m.start(), m.end(), "half", "H1" if groups["h"] == "上" else "H2")
    month = small_number(groups["m"])
    if groups.get("d"):
        day = small_number(groups["d"])
        if not 1 <= day <= 31:
            return None
        return PeriodMatch(m.start(), m.end(), "date", f"--{month:02d}-{day:02d}")
    return PeriodMatch(m.start(), m.end(), "month", f"--{month:02d}")


def _month_day_splits(digits: str) -> list[tuple[int, int]]:
    """Valid (month, day) readings of digits that lost their ``月``."""
    out = []
    for cut in (1, 2):
        month, day = digits[:cut], digits[cut:]
        if len(day) not in (1, 2) or day.startswith("0") and len(day) == 1:
            continue
        if 1 <= int(month) <= 12 and 1 <= int(day) <= 31 and not month.startswith("0"):
            out.append((int(month), int(day)))
    return out


def _repaired(m: re.Match[str]) -> PeriodMatch | None:
    """``718日`` → ``--07-18`` when the split is unique."""
    splits = _month_day_splits(m.group("digits"))
    if len(splits) != 1:
        return None
    month, day = splits[0]
    return PeriodMatch(m.start(), m.end(), "date", f"--{month:02d}-{day:02d}", repaired=True)


def _day(m: re.Match[str]) -> PeriodMatch | None:
    day = small_number(m.group("d"))
    return PeriodMatch(m.start(), m.end(), "day", f"---{day:02d}") if 1 <= day <= 31 else None


def _candidates(text: str) -> list[PeriodMatch]:
    """Every candidate period, possibly overlapping."""
    found: list[PeriodMatch] = []
    if _NUMERIC_DATE_HINT.search(text) is not None:
        found += [p for m in _NUMERIC_DATE.finditer(text) if (p := _dated(m)) is not None]
    if _ANCHOR.search(text) is None:
        return found
    for regex, build in _passes(text):
        for m in regex.finditer(text):
            period = build(m)
            if period is not None:
                found.append(period)
    for m in _WORD_RE.finditer(text):
        kind, value = _WORDS[m.group()]
        found.append(PeriodMatch(m.start(), m.end(), kind, value))
    if "年" in text:
        found += [PeriodMatch(m.start(), m.end(), "year", _RELATIVE_YEARS[m.group("w")]) for m in _BARE_YEAR.finditer(text)]
        found += [PeriodMatch(m.start(), m.end(), "year", _RELATIVE_YEARS[m.group("w")]) for m in _SAME_PERIOD_OPENING.finditer(text)]
    if "月" in text:
        found += [PeriodMatch(m.start(), m.end(), "month", _RELATIVE_MONTHS[m.group("w")]) for m in _BARE_MONTH.finditer(text)]
    if "近" in text or "过去" in text:
        found += [p for m in _WINDOW.finditer(text) if (p := _window(m)) is not None]
    if "首季" in text:
        found += [_first_quarter(m) for m in _FIRST_QUARTER.finditer(text)]
    if "月" in text:
        found += [p for m in _RELATIVE_MONTH_DAY.finditer(text) if (p := _day(m)) is not None]
    if "日" in text:
        found += [p for m in _BRACKETED_DAY.finditer(text) if (p := _day(m)) is not None]
    return found


_WINDOW = re.compile(r"(?:最近|近|过去)(?P<n>[0-9]{1,2}|[一二两三四五六七八九十]{1,3})(?:个)?(?P<u>年|月|季度|交易日|日)(?:以?来)?")
"""A trailing window up to the article's date (近三年, 过去12个月, 近一年来): ``P3Y``, ``P12M``."""
_WINDOW_UNITS = {"年": "Y", "月": "M", "季度": "Q", "交易日": "D", "日": "D"}


def _window(m: re.Match[str]) -> PeriodMatch | None:
    n = small_number(m.group("n"))
    return PeriodMatch(m.start(), m.end(), "window", f"P{n}{_WINDOW_UNITS[m.group('u')]}") if n > 0 else None


_BRACKETED_DAY = re.compile(rf"[今昨明前] ?[（(] ?{_DAY} ?[）)] ?日")
"""Taiwan's dateline day (今（27）日, 昨（25）日): today or yesterday, with the day of the month in brackets."""


_RELATIVE_MONTH_DAY = re.compile(rf"(?:本|上|下|当|同)月{_DAY}[日号]")
"""A day of a month named relative to the article's (本月20日): the day is known, the month is not."""


_FIRST_QUARTER = re.compile(rf"(?:(?<![0-9]){_YEAR}年|{_REL_YEAR})?首季度?(?![0-9])")
"""The first quarter as Hong Kong and Taiwan reports write it (首季, 2025年首季度)."""


def _first_quarter(m: re.Match[str]) -> PeriodMatch:
    year = m.group("y")
    return PeriodMatch(m.start(), m.end(), "quarter", f"{_year(year)}-Q1" if year else "Q1")


_RELATIVE_YEARS = {"今年": "Y0", "本年": "Y0", "去年": "Y-1", "上年": "Y-1", "明年": "Y+1", "前年": "Y-2"}
"""A year named relative to the article's own (去年 → ``Y-1``)."""
_BARE_YEAR = re.compile(r"(?<![较比与同于和及])(?P<w>今年|本年|去年|上年|明年|前年)(?:度|底|末|初)?(?!同期|[0-9])")
"""A relative year standing alone (去年营收, 今年以来).  After 较/比/于 it is a comparison's basis
(较去年增长, 高于去年), and 去年同期 is the basis of a year-on-year change: neither dates a figure."""


_RELATIVE_MONTHS = {"本": "M0", "上": "M-1", "下": "M+1"}
"""A month named relative to the article's own (上月 → ``M-1``)."""
_BARE_MONTH = re.compile(r"(?<![较比与同和及])(?<![高低多少大小]于)(?P<w>[本上下])个?月(?:份|底|末|初|中)?(?![0-9一二三四五六七八九十日号])")
"""A relative month standing alone (上月交易笔数, 本月底前).  After 较/比/与 it is a comparison's basis
(较上月增长, 环比上月, 高于上月), as a relative year is, but 于 alone dates (将于下个月起); a day after it makes a day of the month (上月12日)."""


_SAME_PERIOD_OPENING = re.compile(r"(?:(?<=[，,；;。])|^)(?P<w>去年|上年)同期(?=[" + HAN + r"])(?!相比|比较|增长|下降|增加|减少)")
"""去年同期 opening a clause before a figure's noun (…，去年同期亏损2.36亿港元): the same period of the year
before dates that figure (``Y-1``); elsewhere it is a change's basis."""


def _passes(text: str) -> list[tuple[re.Pattern[str], Callable[[re.Match[str]], PeriodMatch | None]]]:
    """The period patterns worth running on ``text``, in their fixed order.

    Each pattern runs only when ``text`` holds what it cannot match without
    (all but 上半年/下半年 need a digit).
    """
    if _DIGIT.search(text) is None:
        return [(_UNDATED[3], _undated)] if "半年" in text else []
    has_q = "Q" in text or "q" in text
    passes: list[tuple[re.Pattern[str], Callable[[re.Match[str]], PeriodMatch | None]]] = []
    if ("年" in text or has_q) and _YEAR_HINT.search(text) is not None:
        passes += _DATED_PASSES
    if "月" in text:
        passes.append((_UNDATED[0], _undated))
        if "前" in text:
            passes.append((_UNDATED[5], _undated))
    if "季" in text:
        passes += [(_UNDATED[1], _undated), (_UNDATED[4], _undated)]
    if has_q:
        passes.append((_UNDATED[2], _undated))
    if "半年" in text:
        passes.append((_UNDATED[3], _undated))
    if "日" in text:
        if _DAMAGED_HINT.search(text) is not None:
            passes.append((_DAMAGED, _repaired))
        passes.append((_DAY_ONLY, _day))
    return passes


_NUMERIC_DATE_HINT = re.compile(r"(?:19|20)[0-9]{2}[-/.][0-9]")
_ANCHOR = re.compile(r"[年月日号季半Qq每单均全同环]")
"""Every period holds one of these characters: a sentence without any is skipped at C speed."""
_DIGIT = re.compile(r"[0-9〇零一二两三四五六七八九十]")
"""Every period pattern but the fixed words and ``上半年``/``下半年`` holds one of these."""
_YEAR_HINT = re.compile(r"(?:19|20)[0-9]{2}|[〇零一二][〇零一二三四五六七八九]{3}")
_DATED_PASSES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], PeriodMatch | None]], ...] = tuple(
    (r, _dated) for r in _DATED
)
_DAMAGED_HINT = re.compile("[0-9]日")


def leftmost_longest(candidates: list[S]) -> list[S]:
    """Non-overlapping matches in order: at each start the longest, then the next that starts after it.

    >>> [(m.start, m.end) for m in leftmost_longest([PeriodMatch(0, 2, "year", "x"), PeriodMatch(0, 4, "month", "y"), PeriodMatch(3, 5, "year", "z")])]
    [(0, 4)]
    """
    if len(candidates) < 2:
        return candidates
    chosen: list[S] = []
    taken_end = -1
    for match in sorted(candidates, key=lambda m: (m.start, -(m.end - m.start))):
        if match.start >= taken_end:
            chosen.append(match)
            taken_end = match.end
    return chosen


def find_periods(text: str) -> list[PeriodMatch]:
    """Dates and periods in ``text``: leftmost-longest, non-overlapping, in order."""
    return leftmost_longest(_candidates(text))
