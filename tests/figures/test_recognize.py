"""Golden cases for the figure and period recognizers (``cases.jsonl``).

Every case text goes through the real normalizer first, so Traditional cases
exercise the Simplified working text and the offset map back to the original.
"""

from __future__ import annotations

import json
import random
import time
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from finextract.figures import find_figures, find_periods
from finextract.figures.numerals import find_numerals
from finextract.normalize import Normalizer

CASES_PATH = Path(__file__).with_name("cases.jsonl")


def _load() -> list[dict[str, Any]]:
    with CASES_PATH.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _param(case: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
    return pytest.param(case, id=case["text"], marks=marks)


CASES = [_param(c) for c in _load()]


@lru_cache(maxsize=1)
def _normalizer() -> Normalizer:
    return Normalizer()


def _figures(text: str) -> dict[str, Any]:
    work = _normalizer()(text)
    out = {}
    for fig in find_figures(work.norm):
        start, end = work.to_orig(fig.start, fig.end)
        out[text[start:end]] = fig
    return out


def _periods(text: str) -> dict[str, Any]:
    work = _normalizer()(text)
    out = {}
    for period in find_periods(work.norm):
        start, end = work.to_orig(period.start, period.end)
        out[text[start:end]] = period
    return out


def _same(expected: Any, actual: Any) -> bool:
    if expected is None or actual is None:
        return expected is None and actual is None
    if isinstance(actual, Decimal):
        return Decimal(str(expected)) == actual
    return bool(expected == actual)


@pytest.mark.parametrize("case", CASES)
def test_figures(case: dict[str, Any]) -> None:
    """Expected figures are found with their fields; absent spans are not figures."""
    found = _figures(case["text"])
    for want in case["expect"]:
        assert want["text"] in found, f"{want['text']!r} not in {sorted(found)}"
        fig = found[want["text"]]
        for field, value in want.items():
            if field != "text":
                assert _same(value, getattr(fig, field)), f"{want['text']}: {field}={getattr(fig, field)!r}, want {value!r}"
    for surface in case["absent"]:
        assert surface not in found, f"{surface!r} must not be a figure"


@pytest.mark.parametrize("case", [c for c in CASES if "periods" in c.values[0]])
def test_periods(case: dict[str, Any]) -> None:
    """Expected periods are found exactly; nothing else is."""
    found = _periods(case["text"])
    want = {p["text"]: p for p in case["periods"]}
    assert sorted(found) == sorted(want)
    for surface, spec in want.items():
        period = found[surface]
        assert (period.kind, period.value, period.repaired) == (spec["kind"], spec["value"], spec.get("repaired", False))


def test_periods_and_figures_do_not_overlap() -> None:
    """A period span is never also (part of) a figure."""
    text = "2016年7月18日，公司第三季度营收300亿元，同比增长5%，2017Q2净利润8亿"
    periods = find_periods(text)
    for fig in find_figures(text):
        assert all(fig.end <= p.start or p.end <= fig.start for p in periods)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一百零一万一千", "1011000"),
        ("五兆六十二亿四万五千二", "5006200045200"),
        ("九十二万四", "924000"),
        ("两千万点五五四四", "20000000.5544"),
        ("二〇一六", "2016"),
        ("负三十二", "-32"),
        ("3万4000", "34000"),
        ("四万万", "400000000"),
        ("三百五又三分之一", None),
    ],
)
def test_numeral_values(text: str, value: str | None) -> None:
    """The numeral layer reads whole Chinese and mixed numerals exactly."""
    found = find_numerals(text)
    assert len(found) == 1 and (found[0].start, found[0].end) == (0, len(text))
    if value is not None:
        assert found[0].value == Decimal(value)


def _per_char(text: str) -> float:
    """Best of three: seconds per character of the figure stage on ``text``."""
    best = float("inf")
    for _ in range(3 if len(text) < 100_000 else 1):
        started = time.perf_counter()
        find_figures(text, find_periods(text))
        best = min(best, time.perf_counter() - started)
    return best / len(text)


def test_adversarial_input_is_linear() -> None:
    """Digit/万/多/comma/percent soup: time per character stays flat from 10 KB to 1 MB."""
    rng = random.Random(7)
    soup = "".join(
        rng.choice("0123456789") if rng.random() < 0.9 else rng.choice("万多,，%.-") for _ in range(1_000_000)
    )
    small = _per_char(soup[:10_000])
    large = _per_char(soup)
    assert large < 5 * small, f"{large * 1e6:.2f} us/char at 1 MB vs {small * 1e6:.2f} at 10 KB"


@pytest.mark.parametrize("block", ["1," * 2_500, "万多" * 2_500, "9-" * 2_500, "1.2" * 1_700, "1，" * 2_500, "2^" * 2_500])
def test_repeated_patterns_are_linear(block: str) -> None:
    """Repeated separators (the classic backtracking traps) cost the same per character at 10x the size."""
    assert _per_char(block * 10) < 5 * _per_char(block)


_PIECES = (
    "一 二 三 十 百 千 万 亿 两 零 壹 拾 伍 0 1 2 5 9 . , ， % - ~ / 分之 第 打 以上 以下 比 大 小 个 家 元 人民币 $ US$ 块 "
    "多 余 几 点 半 对折 成 折 倍 岁 天 年 月 日 些 统一 零售 一起 十分 十足 之一 万一 上 数 超过 约 至 到 和 之间 间 米 "
    "kg k K A SZ 公司 的 。 又 负 摄氏 度 个百分点 基点 美元 收拾 队伍 打造 2016年 Q3 7月18日 718日 一季度 上半年 1/2"
).split() + [" "]


_PERIOD_PIECES = "2016年 Q3 7月18日 718日 一季度 上半年 今年3月 分之 / 又 打 3 二 十 1/2 三分之一 ， 年 月 日 个".split() + [" "]


def _random_texts(seed: int, count: int, pieces: list[str] = _PIECES) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 10))) for _ in range(count)]


def test_live_scan_never_drops_a_figure() -> None:
    """The C-level pre-scan only skips text the full grammar finds nothing in."""
    from finextract.figures.recognize import _figures

    for text in _random_texts(11, 4000):
        periods = find_periods(text)
        assert find_figures(text, periods) == _figures(text, [(p.start, p.end) for p in periods]), text


def test_numerals_inside_periods_are_skipped_exactly() -> None:
    """Skipping the runs inside periods leaves the numerals outside them unchanged."""
    from finextract.figures.numerals import numerals_outside

    def outside(found: list[Any], spans: list[tuple[int, int]]) -> list[Any]:
        return [n for n in found if not any(a < n.end and n.start < b for a, b in spans)]

    for text in _random_texts(12, 4000, _PERIOD_PIECES):
        spans = [(p.start, p.end) for p in find_periods(text)]
        assert outside(numerals_outside(text, spans), spans) == outside(find_numerals(text), spans), text


def test_bare_yuan_in_a_taiwan_dollar_document_is_twd() -> None:
    """新台币 and no 人民币 in the document: a bare 元 amount is in New Taiwan dollars."""
    import finextract

    taiwan = finextract.extract("國泰金控前10月稅後淨利達新台幣652億元，每股盈餘4.51元。").figures
    assert [(f.text, f.currency) for f in taiwan] == [("新台幣652億元", "TWD"), ("4.51元", "TWD")]
    mixed = finextract.extract("台积电营收为新台币100亿元，折合人民币22亿元，每股4.51元。").figures
    assert [f.currency for f in mixed] == ["TWD", "CNY", "CNY"]
    assert [f.currency for f in finextract.extract("招商银行每股收益4.51元。").figures] == ["CNY"]
