"""Figure and period recognition over working text.

``find_figures(text)`` and ``find_periods(text)`` return matches with
``[start, end)`` offsets into ``text``, the working text of one sentence
(Simplified, half-width digits and letters, CJK punctuation kept).

How a figure is read:

1. :func:`~finextract.figures.numerals.find_numerals` finds every written
   number with its exact value (``1.2万亿``, ``四百五十``, ``三四百``).
2. Periods are found first (:mod:`finextract.figures.periods`); a number
   inside a period (``2016年``, ``7月18日``, ``第三季度``) is not a figure.
3. Each remaining number is extended to the right by what follows it: an
   approximation mark (``多``/``余``/``几``), then a percent sign or word,
   a currency, ``倍``, an age, a duration or a measure word (and the counted
   noun after it, ``400多家银行`` → 银行).  A currency mark before it
   (``US$``, ``人民币``) and ``第`` (ordinals) extend it to the left.
4. Two numbers joined by ``-``/``至``/``到`` form a range (``5至8亿``,
   ``10-20万元``); the first end borrows the second end's multiplier and unit.
5. Qualifier words are read on both sides.  **They are kept inside the span**
   (``超过400家``, ``400多家``, ``100万元以上``, ``比三十大``): the span shows
   the reader the words that bound the value.  ``qualifier`` says how, and
   ``low`` / ``high`` hold the written bound (``400多家`` → more_than, low
   400).  Spaces inside a bound word are tolerated (``小于 或 等于100``).
6. A lower and an upper bound side by side (``大于10小于20``,
   ``最多100最少20个``) and a between-range (``介于5%与10%之间``,
   ``10000与20000间``) become one range figure.

A lone Chinese digit with nothing after it (``一`` in ``一是``) is not a
figure.  A bare scaled number is a number, not money (``净利润8亿``).  Stock
codes (``000402.SZ``, and a bare code in brackets after a name: ``国泰金控(2882)``),
phone numbers and Latin-glued codes are skipped.
Matching is linear: compiled regexes anchored at known positions, no
backtracking over unbounded nested repeats.  One C-level scan (``_LIVE``)
first looks for a place where a figure can start; a sentence with none
(no Arabic digit, only lone Chinese digits inside words such as ``一些``,
``零售``) costs that scan and nothing more, and numerals inside periods are
not read at all.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

from ..han import HAN, is_han
from .lexicon import (
    AGE_WORDS,
    COUNTED_NOUNS,
    COUNTED_STOP,
    CRYPTO_COUNTERS,
    CURRENCY_PREFIXES,
    CURRENCY_WORDS,
    DURATION_WORDS,
    HALF_UNITS,
    LATIN_UNITS,
    MEASURE_WORDS,
    PREFIX_BLOCKERS,
    PREFIX_QUALIFIERS,
    QUALIFIER_PARTICLES,
    BETWEEN_LINKS,
    BETWEEN_OPENERS,
    COMPARATIVE_BLOCKERS,
    COMPARATIVE_WORDS,
    RANGE_LINKS,
    SUFFIX_QUALIFIERS,
    WEIGHT_LIANG,
)
from .numerals import BIG_UNITS, HAN_DIGITS, Numeral, arabic_value, evaluate, liang_unit_at, numerals_outside, tidy
from .periods import PeriodMatch, find_periods, leftmost_longest

__all__ = ["FigureMatch", "PeriodMatch", "find_figures", "find_periods"]


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
    counted_start: int | None = None
    """Working-text offset of ``counted`` (so a caller can show it in the original script)."""


class _Tail(NamedTuple):
    """What follows a number: its kind, unit and the end of the figure (a light record: one per numeral)."""

    end: int
    kind: str
    unit: str | None = None
    currency: str | None = None
    counted: str | None = None
    counted_start: int | None = None
    scale: Decimal = Decimal(1)
    add: Decimal = Decimal(0)
    fuzzy: bool = False
    rule: str = "figures.number"


def _evolve(fig: FigureMatch, **changes: Any) -> FigureMatch:
    """``dataclasses.replace`` for :class:`FigureMatch`, without its per-call field introspection."""
    return FigureMatch(**{**fig.__dict__, **changes})


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


_CURRENCY_AFTER = {w: c for w, c in CURRENCY_WORDS.items() if w not in ("块",)}
_TAIL_FUZZY = r" *(?P<fuzzy>[多余几](?![十百千万亿]))?"
_TAIL_UNITS = (
    r"(?P<pct>%(?![0-9A-Fa-f]{2})|‰)"
    r"|(?P<pp>个? *百 *分 *点)"
    r"|(?P<bp>个? *基 *点)"
    r"|(?P<li>厘)(?![米克])"
    rf"|(?P<cheng>成)(?:(?P<cheng_d> ?[一二三四五六七八九1-9](?![0-9十百千万亿个家名位人种成折]))|(?P<cheng_half>半))?(?![员本立交功长效绩都熟型品])"
    r"|(?P<zhe>折)(?![合算旧扣价叠射线返])"
    rf"|(?:{_alternation(CRYPTO_COUNTERS)})?(?P<cur>{_alternation(_CURRENCY_AFTER)})(?P<cur_tail>人民币)?"
    rf"|(?P<kuai>块)(?![{HAN}])"
    r"|(?P<ratio>倍)"
    rf"|(?P<age>{_alternation(AGE_WORDS)})"
    r"|(?P<age_dur>(?:个月|周|天)大)(?![小型量幅])"
    rf"|(?P<dur>{_alternation(DURATION_WORDS)})"
    rf"|(?P<liang>{WEIGHT_LIANG})"
    rf"|(?P<pre_counted>{_alternation(w for w in COUNTED_NOUNS if w.startswith('个'))})"
    rf"|(?P<measure>{_alternation(MEASURE_WORDS)})"
    rf"|(?P<latin>{_alternation(LATIN_UNITS)})(?![A-Za-z])"
)
_TAIL = re.compile(rf"{_TAIL_FUZZY} *(?:{_TAIL_UNITS})?")
_HALF = re.compile(r"半(?![导数价年月天日场岛壁径边成折球山身夜途截个拍小])")
_TEMPERATURE_PREFIX = re.compile(r"(?P<scale>华氏|摄氏)(?:温度)? *$")
_FIXED_PERCENTS: dict[str, Decimal] = {"对折": Decimal(50), "半折": Decimal(50), "半成": Decimal(5)}
_FIXED_PERCENT_RE = re.compile(r"(?<![0-9零一二三四五六七八九十])(?:对折|半折|半成(?![品]))")
_CHANGE_DIGIT = "[0-9零一二三四五六七八九两]"
_JIAO_FEN = re.compile(rf"(?P<jiao>{_CHANGE_DIGIT})[角毛](?:(?P<fen>{_CHANGE_DIGIT})分)?")
_CENTS = re.compile(r"(?:又|零)? *(?P<cents>[0-9]{1,2}|[一二三四五六七八九十]{1,3})美分")
_COUNTED = re.compile(_alternation(COUNTED_NOUNS))
_CLAUSE_END = frozenset("，。；：！？、,.;:!?）)」』 ")
_SELF_COUNTED = frozenset({"人", "人次", "次", "吨", "公斤", "千克", "克", "斤", "米", "公里", "千米", "亩", "度", "点"})
_HAN_RUN = re.compile(rf"[{HAN}]{{1,4}}")
_SUFFIX_QUALIFIER = re.compile(rf" *(?:{_alternation(SUFFIX_QUALIFIERS)})")
def _spaced_alternation(words: object) -> str:
    """Like :func:`_alternation`, with spaces tolerated between characters (``小于 或 等于``, ``< =``)."""
    ordered = sorted(words, key=len, reverse=True)  # type: ignore[arg-type]
    return "|".join(" *".join(map(re.escape, w)) for w in ordered)


_PREFIX_QUALIFIER = re.compile(
    rf"(?P<word>{_spaced_alternation(PREFIX_QUALIFIERS)}) *(?P<particle>[{QUALIFIER_PARTICLES}])? *$"
)
_PREFIX_WINDOW = 16
_PREFIX_QUALIFIER_LAST = frozenset(" " + QUALIFIER_PARTICLES + "".join(w[-1] for w in PREFIX_QUALIFIERS))
_SUFFIX_QUALIFIER_FIRST = frozenset(" " + "".join(w[0] for w in SUFFIX_QUALIFIERS))
"""Characters that must touch a figure for a qualifier word to be read there (cheap tests before the regexes)."""
_LONE_BOUND = re.compile(r" *(?:及|或者?)?以[上下内]")
_COMPARATIVE_OPEN = re.compile(r"比 *$")
_COMPARATIVE_CLOSE = re.compile(rf" *(?P<word>[{''.join(COMPARATIVE_WORDS)}])(?![^一些的了得点 ，,。；;！!？?])")
_DEGREES = frozenset({"度", "摄氏度", "华氏度", "°C", "°F", "℃", "℉"})
_CURRENCY_PREFIX = re.compile(rf"(?:{_alternation(CURRENCY_PREFIXES)}) *$")
_CURRENCY_PREFIX_LAST = frozenset(" " + "".join(w[-1] for w in CURRENCY_PREFIXES))
"""The character right before an amount that a currency mark can end with (a cheap test before the regex)."""
_RANGE_LINK = re.compile(rf" *(?:{_alternation(RANGE_LINKS)}) *")
_RANGE_LINK_LAST = frozenset(" " + "".join(w[-1] for w in RANGE_LINKS))
_PERCENT_WORD = re.compile(
    r"(?<![零〇一二三四五六七八九十百千万亿两0-9])(?P<base>[百千万佰仟]{1,3}) *分 *之 *(?P<hundred>百(?![分万亿]))?"
)
_UNIT_ONLY = re.compile(r"(?P<q>上|数|几|逾|超|近)(?P<units>[十百千万亿]+)(?![零一二三四五六七八九])")
_UNIT_ONLY_BOUNDS = {"上": "at_least", "数": "at_least", "几": "at_least", "逾": "more_than", "超": "more_than", "近": "approx"}
"""What the word before a bare magnitude says of it: 上千 (a thousand or more), 逾千 (over a thousand), 近千 (about)."""
_NUMBER_WORDS_BEFORE_SHU = "指倍函分系人次总基参点股户票页件字岁天位个多少无"
_BARE_CODE = re.compile(r"[0-9]{4,9}")
"""A code's digits: stock codes have four to six, bond codes up to nine (债券代码：2628015)."""
_CODE_LABEL = re.compile(r"(?:代码|代號|代号)(?:[：:]|为|是|為)?\s*$")
"""A label right before a code (基金代码：, 股票代码, 证券代號, 证券代码为)."""
_STOCK_SUFFIX = re.compile(r"\.(?:SZ|SH|SS|HK|BJ|US|N|O|TW|KS|T)(?![A-Za-z])", re.I)
_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_PHONE_LINK = re.compile(r"-[0-9]{7,8}(?![0-9])")
_BASE_UNITS = {"百": 100, "佰": 100, "千": 1000, "仟": 1000, "万": 10**4}


def _counted(text: str, pos: int) -> str | None:
    """The counted noun starting at ``pos``: a listed noun, also after modifying characters (保险|理财顾问,
    公募|基金经理), else a short Han run."""
    listed = _listed_noun(text, pos)
    if listed is not None:
        return listed
    run = _HAN_RUN.match(text, pos)
    if run is None:
        return None
    word = run.group()
    cut = next((i for i, c in enumerate(word) if c in COUNTED_STOP), len(word))
    word = word[:cut]
    ended_by_stop = cut < len(run.group()) or (run.end() < len(text) and text[run.end()] in _CLAUSE_END)
    return word if 1 <= len(word) <= 3 and ended_by_stop else None


def _listed_noun(text: str, pos: int) -> str | None:
    """A listed noun at ``pos``; else the longest run of Han characters from ``pos`` (up to a stop character, at
    most eight) that ends in a listed noun after at most six modifying characters (偏股混合型|基金, 持牌消费金融|公司)."""
    m = _COUNTED.match(text, pos)
    if m is not None:
        return m.group()
    run = _HAN_RUN_LONG.match(text, pos)
    if run is None:
        return None
    word = run.group()
    word = word[: next((i for i, c in enumerate(word) if c in COUNTED_STOP), len(word))]
    for end in range(len(word), 1, -1):
        noun = _COUNTED_AT_END.search(word, 0, end)
        if noun is not None and noun.start() <= 6:
            return word[:end]
    return None


_HAN_RUN_LONG = re.compile(rf"[{HAN}]{{2,8}}")
_COUNTED_AT_END = re.compile("(?:" + _alternation(COUNTED_NOUNS) + ")$")


_PRICE_PER = re.compile(r"/(股|份|张|手|吨|桶|盎司|克|平方米|平米|人|户|年|月|天)")
"""A price per unit after an amount (5.12元/股, 3.5万元/平方米): part of the figure, in its unit."""


def _tail(text: str, numeral: Numeral) -> _Tail:
    """Read what follows ``numeral`` (never fails: a bare number is a tail too)."""
    m = _TAIL.match(text, numeral.end)
    assert m is not None  # every part of _TAIL is optional
    fuzzy = m.group("fuzzy") is not None
    base_end = m.end("fuzzy") if fuzzy else numeral.end
    g = m.lastgroup
    if g in (None, "fuzzy"):
        return _Tail(base_end, "number", fuzzy=fuzzy)
    end = m.end()
    if g == "pct":
        scale = Decimal("0.1") if m.group("pct") == "‰" else Decimal(1)
        return _Tail(end, "percent", "%", scale=scale, fuzzy=fuzzy, rule="figures.percent")
    if g == "pp":
        return _Tail(end, "percentage_point", "pp", fuzzy=fuzzy, rule="figures.percentage_point")
    if g == "bp":
        return _Tail(end, "basis_point", "bp", fuzzy=fuzzy, rule="figures.basis_point")
    if g == "li":
        return _rate_li(text, numeral, end, fuzzy)
    if g in ("cheng", "cheng_d", "cheng_half"):
        return _tenths(m, numeral, fuzzy)
    if g == "zhe":
        return _discount(text, m, numeral, fuzzy)
    if g in ("cur", "cur_tail", "kuai"):
        word = m.group("cur") or "元"
        tail = _with_change(text, _Tail(end, "money", word, currency=CURRENCY_WORDS[word], fuzzy=fuzzy, rule="figures.money"), numeral)
        per = _PRICE_PER.match(text, tail.end)
        return tail if per is None else tail._replace(end=per.end(), unit=f"{tail.unit}/{per.group(1)}")
    if g == "ratio":
        return _Tail(end, "ratio", "倍", fuzzy=fuzzy, rule="figures.ratio")
    if g == "age":
        return _Tail(end, "quantity", "岁", fuzzy=fuzzy, rule="figures.age")
    if g == "age_dur":
        return _Tail(end, "quantity", m.group(g)[:-1], fuzzy=fuzzy, rule="figures.age")
    if g == "dur":
        half = _HALF.match(text, end)
        if half is not None:
            return _Tail(half.end(), "quantity", m.group("dur"), add=Decimal("0.5"), fuzzy=fuzzy, rule="figures.duration")
        return _Tail(end, "quantity", m.group("dur"), fuzzy=fuzzy, rule="figures.duration")
    if g == "liang":
        if not liang_unit_at(text, m.start(g)):
            return _Tail(base_end, "number", fuzzy=fuzzy)
        return _Tail(end, "quantity", WEIGHT_LIANG, fuzzy=fuzzy, rule="figures.quantity")
    if g == "pre_counted":
        return _Tail(end, "quantity", None, counted=m.group(g), counted_start=m.start(g), fuzzy=fuzzy, rule="figures.quantity")
    measure = m.group("measure") or m.group("latin")
    if measure in HALF_UNITS and (half := _HALF.match(text, end)) is not None:
        return _Tail(half.end(), "quantity", measure, add=Decimal("0.5"), fuzzy=fuzzy, rule="figures.quantity_half")
    counted = None if measure in _SELF_COUNTED or g == "latin" else _counted(text, end)
    return _Tail(end, "quantity", measure, counted=counted, counted_start=end if counted else None, fuzzy=fuzzy, rule="figures.quantity")


_RATE_CHANGE_BEFORE = re.compile(r"(?:减息|加息|降息|下调|上调|调低|调高|调降|调升|降低|提高|下降|上升|减|加|降|升)了? *$")
"""A change verb right before a rate in 厘: the figure is the change (下调0.125厘), in percentage points."""


def _rate_li(text: str, numeral: Numeral, end: int, fuzzy: bool) -> _Tail:
    """厘 after a rate, as Hong Kong and Taiwan write interest rates: 5.25厘 is 5.25% a year, and a
    change (减息0.25厘, 下调0.125厘) is in percentage points."""
    if _RATE_CHANGE_BEFORE.search(text, max(0, numeral.start - 4), numeral.start):
        return _Tail(end, "percentage_point", "pp", fuzzy=fuzzy, rule="figures.rate_li")
    return _Tail(end, "percent", "%", fuzzy=fuzzy, rule="figures.rate_li")


def _change_digit(text: str) -> Decimal:
    return Decimal(text) if text.isdigit() else Decimal(HAN_DIGITS[text])


def _cents(text: str) -> Decimal:
    """``3`` or ``三十五`` (cents) as a fraction of the whole unit."""
    if text.isdigit():
        return Decimal(int(text)) / 100
    tokens = [("small" if c == "十" else "digit", c, 0, 0) for c in text]
    return (evaluate(tokens) or Decimal(0)) / 100


def _with_change(text: str, tail: _Tail, numeral: Numeral) -> _Tail:
    """``5元3角``, ``50元6角3分``, ``2美元又3美分``: small change after a whole amount."""
    if numeral.value is None or tail.fuzzy or numeral.fuzzy:
        return tail
    pattern = _JIAO_FEN if tail.currency == "CNY" and tail.unit in ("元", "块") else _CENTS
    m = pattern.match(text, tail.end)
    if m is None:
        return tail
    groups = m.groupdict()
    if groups.get("cents"):
        cents = _cents(groups["cents"])
    else:
        cents = _change_digit(groups["jiao"]) / 10
        if groups.get("fen"):
            cents += _change_digit(groups["fen"]) / 100
    return tail._replace(end=m.end(), add=tail.add + cents, rule="figures.money_change")


def _tenths(m: re.Match[str], numeral: Numeral, fuzzy: bool) -> _Tail:
    """``七成六`` = 76 %, ``三成半`` = 35 %, ``五成`` = 50 %."""
    if numeral.value is not None and numeral.value > 10:
        return _Tail(m.start("cheng"), "number", fuzzy=fuzzy)
    extra = Decimal(0)
    if m.group("cheng_d"):
        digit = m.group("cheng_d").strip()
        extra = Decimal("一二三四五六七八九".index(digit) + 1 if not digit.isdigit() else int(digit))
    elif m.group("cheng_half"):
        extra = Decimal(5)
    return _Tail(m.end(), "percent", "%", scale=Decimal(10), add=extra, fuzzy=fuzzy, rule="figures.percent_tenths")


def _discount(text: str, m: re.Match[str], numeral: Numeral, fuzzy: bool) -> _Tail:
    """``八折`` = 80 %, ``75折`` = 75 %, ``9.9折`` = 99 %."""
    value = numeral.value if numeral.value is not None else numeral.high
    two_digits = value is not None and 10 <= value < 100 and value == value.to_integral_value()
    if two_digits and any(c in "十拾" for c in text[numeral.start:numeral.end]):
        two_digits = False
    if value is None or value <= 0 or not (value < 10 or two_digits):
        return _Tail(m.start("zhe"), "number", fuzzy=fuzzy)
    scale = Decimal(10) if value < 10 else Decimal(1)
    return _Tail(m.end(), "percent", "%", scale=scale, fuzzy=fuzzy, rule="figures.percent_discount")


def _skip(text: str, numeral: Numeral) -> bool:
    """Codes that look like numbers: stock codes and telephone numbers."""
    if numeral.form != "arabic":
        return False
    surface = text[numeral.start:numeral.end]
    if _STOCK_SUFFIX.match(text, numeral.end) or _MOBILE.fullmatch(surface):
        return True
    if numeral.start > 0 and text[numeral.start - 1] == "%":
        return True  # a URL escape such as %2020
    if _BARE_CODE.fullmatch(surface) and _bracketed_after_name(text, numeral.start, numeral.end):
        return True  # 国泰金控(2882), 腾讯(00700): a stock code in brackets after a name
    if _BARE_CODE.fullmatch(surface) and _CODE_LABEL.search(text, max(0, numeral.start - 8), numeral.start):
        return True  # 基金代码：017862, 证券代码:600036: a labelled code
    if _in_bond_name(text, numeral.start, numeral.end):
        return True  # “21华拓01”: a bond's short name, year and serial
    if surface.startswith("0") and 3 <= len(surface) <= 4 and _PHONE_LINK.match(text, numeral.end):
        return True
    return len(surface) in (7, 8) and numeral.start > 0 and text[numeral.start - 1] == "-" and _is_area_code(text, numeral.start - 1)


_BOND_NAME = re.compile(r"[“\"「『]\d{2}[" + HAN + r"]{1,6}(?:[A-Z]{2,4})?\d{2,3}[”\"」』]")
"""A bond's short name in quotes: issue year, issuer, programme and serial (“21华拓01”, “19万达MTN001”)."""


def _in_bond_name(text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies inside a quoted bond short name."""
    lo = max(0, start - 12)
    if not any(q in text[lo:start] for q in "“\"「『"):
        return False
    return any(m.start() < start and end < m.end() for m in _BOND_NAME.finditer(text, lo, min(len(text), end + 12)))


def _bracketed_after_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands alone in brackets right after a Han character or a closing quote
    (国泰金控(2882), 「昶崴台湾优息精选ETF」（00962）), or closes brackets after a short name and a comma
    (瀜璸能源股份有限公司（瀜璸能源，6957）)."""
    if start < 2 or text[end : end + 1] not in (")", "）"):
        return False
    if text[start - 1] in "，," and _SHORT_NAME_BEFORE.search(text, max(0, start - 12), start) is not None:
        return True
    return text[start - 1] in "(（" and (is_han(text[start - 2]) or text[start - 2] in "」”』》")


_SHORT_NAME_BEFORE = re.compile(r"[" + HAN + r"][（(][" + HAN + r"]{2,8}[，,]$")
"""A short name in brackets after a full name, then the comma before its stock code (…公司（瀜璸能源，|6957）)."""


def _is_area_code(text: str, dash: int) -> bool:
    """Whether the digits before ``dash`` look like a telephone area code (``010``)."""
    i = dash
    while i > 0 and text[i - 1].isdigit():
        i -= 1
    code = text[i:dash]
    return code.startswith("0") and 3 <= len(code) <= 4


def _scaled(value: Decimal | None, tail: _Tail) -> Decimal | None:
    return None if value is None else value * tail.scale + tail.add


def _big_multiplier(text: str, numeral: Numeral) -> Decimal:
    """Product of the section multipliers that end ``numeral`` (``8亿`` → 10^8)."""
    mult = Decimal(1)
    i = numeral.end
    while i > numeral.start and text[i - 1] in BIG_UNITS:
        mult *= BIG_UNITS[text[i - 1]]
        i -= 1
    return mult


def _qualified(fig: FigureMatch, qualifier: str) -> FigureMatch:
    """Set ``qualifier`` and the written bound it implies."""
    if fig.qualifier == "range" or qualifier == "exact":
        return fig
    low = fig.value if qualifier in ("more_than", "at_least") else fig.low
    high = fig.value if qualifier in ("less_than", "at_most") else fig.high
    return _evolve(fig, qualifier=qualifier, low=low, high=high)


_YEAR_DEIXIS = frozenset("上下每本同")


def _single(text: str, numeral: Numeral) -> FigureMatch | None:
    """The figure built on one numeral, or ``None`` for a lone word-like digit."""
    tail = _tail(text, numeral)
    start = numeral.start
    kind = tail.kind
    currency = tail.currency
    unit = tail.unit
    rule = tail.rule
    prefix = None
    if start > 0 and text[start - 1] in _CURRENCY_PREFIX_LAST:
        prefix = _CURRENCY_PREFIX.search(text, max(0, start - 8), start)
    if prefix and kind in ("number", "money"):
        code = CURRENCY_PREFIXES[prefix.group().strip()]
        # 元 after an amount is the generic "dollar" once a currency is named before it (新台币3000元).
        if kind == "number" or code == currency or unit == "元":
            if unit == "元":
                currency = code
            start = prefix.start()
            kind, rule = "money", "figures.money"
            currency = currency or code
            unit = unit or prefix.group().strip()
    if start > 0 and text[start - 1] == "第" and kind in ("number", "quantity") and numeral.shape == "number":
        if text.startswith(("方", "者"), numeral.end) and text[start:numeral.end] == "三":
            return None  # 第三方, 第三者: a third party, no rank
        value = numeral.value
        return FigureMatch(start - 1, numeral.end, "ordinal", value, rule="figures.ordinal")
    if kind == "number" and numeral.lone and not _LONE_BOUND.match(text, numeral.end):
        return None
    if rule == "figures.duration" and text.startswith("一年度", start) and text[start - 1 : start] in _YEAR_DEIXIS:
        return None  # 上一年度: the previous fiscal year, no duration
    if kind == "quantity" and unit in _DEGREES:
        scale = _TEMPERATURE_PREFIX.search(text, max(0, start - 6), start)
        if scale is not None:
            start, rule = scale.start(), "figures.temperature"
            unit = "°F" if scale.group("scale") == "华氏" else "°C"
    fig = _make(numeral, start, tail, kind, unit, currency, rule)
    if tail.fuzzy or numeral.fuzzy:
        fig = _qualified(fig, "more_than")
    return fig


def _make(  # noqa: PLR0913 - the parts of a figure, read by _single
    numeral: Numeral, start: int, tail: _Tail, kind: str, unit: str | None, currency: str | None, rule: str) -> FigureMatch:
    if numeral.shape == "range":
        return FigureMatch(
            start, tail.end, kind, None, _scaled(numeral.low, tail), _scaled(numeral.high, tail), "range",
            unit, currency, tail.counted, rule, tail.counted_start,
        )
    if numeral.shape == "fraction" and kind == "number":
        kind, rule = "ratio", "figures.fraction"
    return FigureMatch(
        start, tail.end, kind, _scaled(numeral.value, tail), unit=unit, currency=currency,
        counted=tail.counted, rule=rule, counted_start=tail.counted_start,
    )


def _range(text: str, first: Numeral, second: Numeral, second_fig: FigureMatch) -> FigureMatch | None:
    """``5至8亿``, ``10-20万元``, ``20%-30%``: two ends sharing the second end's unit."""
    if first.value is None or second_fig.value is None or first.shape != "number":
        return None
    if text[second.start - 1] not in _RANGE_LINK_LAST:
        return None  # every link ends with one of these right before the second end
    own = _tail(text, first)
    link = _RANGE_LINK.match(text, own.end)
    if link is None or link.end() != second.start:
        return None
    if own.kind not in ("number", second_fig.kind) or (own.kind != "number" and own.unit != second_fig.unit):
        return None
    low = first.value
    if own.kind == "number":
        if not first.big_unit:
            low = low * _big_multiplier(text, second)
        low = _scaled(low, _Tail(0, "", scale=_tail_scale(text, second)))
    else:
        low = _scaled(low, own)
    high = second_fig.value
    if low is None or high is None or low >= high:
        return None
    return _evolve(second_fig, start=first.start, value=None, low=low, high=high, qualifier="range", rule=second_fig.rule + "_range")


def _tail_scale(text: str, numeral: Numeral) -> Decimal:
    return _tail(text, numeral).scale


def _percent_words(text: str, found: list[Numeral]) -> list[FigureMatch]:
    """``百分之三十`` = 30 %, ``千分之二`` = 0.2 %."""
    out: list[FigureMatch] = []
    if "分" not in text:
        return out
    numerals = {n.start: n for n in found}
    for m in _PERCENT_WORD.finditer(text):
        rule = "figures.percent_words"
        if m.group("hundred"):
            out.append(FigureMatch(m.start(), m.end(), "percent", Decimal(100), unit="%", rule=rule))
            continue
        numeral = numerals.get(m.end())
        if numeral is None:
            continue
        denominator = Decimal(1)
        for unit in m.group("base"):
            denominator *= _BASE_UNITS[unit]
        base = Decimal(100) / denominator
        if numeral.shape == "range":
            low, high = numeral.low, numeral.high
            assert low is not None and high is not None
            out.append(FigureMatch(m.start(), numeral.end, "percent", None, low * base, high * base, "range", "%", rule=rule))
        elif numeral.value is not None:
            value = tidy(numeral.value * base)
            out.append(FigureMatch(m.start(), numeral.end, "percent", value, unit="%", rule=rule))
    return out


def _unnamed(pattern: str) -> str:
    """``pattern`` with its named groups made plain groups (to embed it twice in one regex)."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


_DIGITS = "".join(HAN_DIGITS)
_NUMERAL_CHARS = _DIGITS + "十百千万亿拾佰仟兆"
def _first_char_led(branches: list[tuple[str, str]]) -> re.Pattern[str]:
    """One regex for ``(first-character class, what follows)`` branches, led by a single character class.

    ``re`` skips text at C speed only when a pattern starts with a plain class;
    each branch then checks its own first character again by look-behind.
    """
    first = "".join(cls for cls, _ in branches)
    return re.compile(f"[{first}](?:" + "|".join(f"(?<=[{cls}]){rest}" for cls, rest in branches) + ")")


_LIVE = _first_char_led(
    [
        ("0-9", ""),
        ("十拾", "(?![分足])"),
        (r"负\-", "(?=[十拾])"),
        (_NUMERAL_CHARS, f"(?=[ 多余几点,，./]*[{_NUMERAL_CHARS}])"),
        ("分", "(?= *之)"),
        ("半", "(?=[百折成])"),
        ("对", "(?=折)"),
        ("上数几逾超近", "(?=[十百千万亿])"),
        ("第", rf"(?=[负\-]?[{_DIGITS}])"),
        *[(re.escape(w[0]), rf"(?={re.escape(w[1:])} *[负\-]?[{_DIGITS}])") for w in CURRENCY_PREFIXES],
        (_DIGITS, rf"(?=打| *(?:及|或者?)?以[上下内]|{_unnamed(_TAIL_FUZZY)} *(?:{_unnamed(_TAIL_UNITS)}))"),
    ]
)
"""Where a figure can start: an Arabic digit, a Chinese numeral next to another numeral character or to a
unit, bound or ordinal word, or a numeral word (百分之, 半百, 对折, 上千); a sign (负, -) shifts where an
idiom check starts, so a signed 十 counts too.  A lone Chinese digit in a word (一些, 统一, 零售) is none of
these, so a sentence holding only such digits is skipped at C speed."""


def _fixed_percents(text: str) -> list[FigureMatch]:
    """``对折``/``半折`` = 50 %, ``半成`` = 5 %: fractions written without a digit."""
    if "折" not in text and "成" not in text:
        return []
    return [
        FigureMatch(m.start(), m.end(), "percent", _FIXED_PERCENTS[m.group()], unit="%", rule="figures.percent_words")
        for m in _FIXED_PERCENT_RE.finditer(text)
    ]


def _unit_only(text: str) -> list[FigureMatch]:
    """``上千亿`` (at least 10^11), ``数十亿``, ``几十万``, ``逾千`` (more than 1,000), ``近百`` (about 100): a bound with no digit."""
    out = []
    for m in _UNIT_ONLY.finditer(text):
        if m.group("q") == "数" and m.start() > 0 and text[m.start() - 1] in _NUMBER_WORDS_BEFORE_SHU:
            continue
        tokens = [("digit", "一", 0, 0)] + [("small" if u in "十百千" else "big", u, 0, 0) for u in m.group("units")]
        value = evaluate(tokens)
        if value is None:
            continue
        pseudo = Numeral(m.start(), m.end(), value, form="han", big_unit=m.group("units")[-1] in BIG_UNITS)
        fig = _single(text, pseudo)
        if fig is not None:
            out.append(_evolve(_qualified(fig, _UNIT_ONLY_BOUNDS[m.group("q")]), rule=fig.rule + "_bound"))
    return out


def _particle_ok(word: str, particle: str | None) -> bool:
    """Whether ``particle`` may follow the bound ``word`` (``至少有``, ``最多为``, ``约为``; not ``约有``)."""
    return particle is None or PREFIX_QUALIFIERS[word] != "approx" or particle == "为"


def _comparative(text: str, fig: FigureMatch) -> FigureMatch | None:
    """``比三十大`` (more than 30), ``比 170 低`` (less than 170): 比, the figure, an adjective."""
    if fig.start == 0 or text[fig.start - 1] not in "比 ":
        return None
    opener = _COMPARATIVE_OPEN.search(text, max(0, fig.start - 4), fig.start)
    if opener is None or (opener.start() > 0 and text[opener.start() - 1] in COMPARATIVE_BLOCKERS):
        return None
    close = _COMPARATIVE_CLOSE.match(text, fig.end)
    if close is None or fig.qualifier != "exact":
        return None
    qualified = _qualified(fig, COMPARATIVE_WORDS[close.group("word")])
    return _evolve(qualified, start=opener.start(), end=close.end(), rule=fig.rule + "_than")


_PER_UNIT = ("每股", "每份", "每手")
"""A unit between a qualifier and its figure (不超过每股45元): the qualifier still bounds the figure."""


def _with_qualifiers(text: str, fig: FigureMatch) -> FigureMatch:
    """Read qualifier words around ``fig`` and pull them into its span."""
    compared = _comparative(text, fig)
    if compared is not None:
        return compared
    prefix = None
    before = fig.start - 2 if text.endswith(_PER_UNIT, 0, fig.start) else fig.start  # 不超过|每股|45元
    if before > 0 and text[before - 1] in _PREFIX_QUALIFIER_LAST:
        prefix = _PREFIX_QUALIFIER.search(text, max(0, before - _PREFIX_WINDOW), before)
    if prefix is not None:
        word = prefix.group("word").replace(" ", "")
        blockers = PREFIX_BLOCKERS.get(word, "")
        particle_ok = _particle_ok(word, prefix.group("particle"))
        # 合约 is a contract, but 折合|约 converts and then qualifies (折合约41.6亿澳门元)
        blocked = blockers and prefix.start() > 0 and text[prefix.start() - 1] in blockers and not text.endswith("折合", 0, prefix.start())
        if particle_ok and not blocked:
            fig = _evolve(_qualified(fig, PREFIX_QUALIFIERS[word]), start=prefix.start())
    suffix = None
    if fig.end < len(text) and text[fig.end] in _SUFFIX_QUALIFIER_FIRST:
        suffix = _SUFFIX_QUALIFIER.match(text, fig.end)
    if suffix is not None and fig.kind not in ("ordinal",):
        fig = _evolve(_qualified(fig, SUFFIX_QUALIFIERS[suffix.group().strip()]), end=suffix.end())
    return fig


_LOWER_BOUNDS = frozenset({"more_than", "at_least"})
_UPPER_BOUNDS = frozenset({"less_than", "at_most"})
_BOUND_JOIN = re.compile(r"[ ，,、]*(?:并且|而且|并|且|而|的同时|同时)?[ ，,]*")
_BETWEEN_JOIN = re.compile(rf" *(?:{_alternation(BETWEEN_LINKS)}) *")
_BETWEEN_END = re.compile(r" *之?间")
_BETWEEN_OPEN = re.compile(rf"(?:{_alternation(BETWEEN_OPENERS)}) *$")


def _compatible(a: FigureMatch, b: FigureMatch) -> bool:
    """Whether two figures can be the ends of one range (same kind and unit, or a bare number first)."""
    if a.kind == b.kind and a.unit == b.unit and a.currency == b.currency:
        return True
    return a.kind == "number" and a.unit is None


def _bounds_pair(text: str, a: FigureMatch, b: FigureMatch) -> FigureMatch | None:
    """``大于10小于20``, ``不低于5%且不超过10%``: a lower and an upper bound read as one range."""
    kinds = {a.qualifier, b.qualifier}
    if not (kinds & _LOWER_BOUNDS and kinds & _UPPER_BOUNDS) or not _BOUND_JOIN.fullmatch(text, a.end, b.start):
        return None
    lower, upper = (a, b) if a.qualifier in _LOWER_BOUNDS else (b, a)
    if lower.low is None or upper.high is None or lower.low >= upper.high:
        return None
    if not (_compatible(a, b) or _compatible(b, a)):
        return None
    base = b if a.kind == "number" else a
    return _evolve(base, start=a.start, end=b.end, value=None, low=lower.low, high=upper.high, qualifier="range", rule=base.rule + "_bounds")


def _between(text: str, a: FigureMatch, b: FigureMatch) -> FigureMatch | None:
    """``20和30之间``, ``介于5%与10%之间``: a range closed by 之间."""
    if a.qualifier != "exact" or b.qualifier != "exact" or a.value is None or b.value is None:
        return None
    if not _BETWEEN_JOIN.fullmatch(text, a.end, b.start):
        return None
    if b.unit == "间" and b.counted is None and a.kind == "number":
        # 间 after the second end closes the range (10000与20000间); it is not the measure word for rooms.
        b = _evolve(b, end=b.end - 1, kind="number", unit=None, rule="figures.number")
    if not _compatible(a, b):
        return None
    close = _BETWEEN_END.match(text, b.end)
    if close is None:
        return None
    low = a.value
    if low >= b.value:
        return None
    opener = _BETWEEN_OPEN.search(text, max(0, a.start - 4), a.start)
    start = opener.start() if opener is not None else a.start
    return _evolve(b, start=start, end=close.end(), value=None, low=low, high=b.value, qualifier="range", rule=b.rule + "_between")


def _paired(text: str, figures: list[FigureMatch]) -> list[FigureMatch]:
    """Join neighbouring figures that form one range (bound pairs and between-ranges)."""
    out: list[FigureMatch] = []
    for fig in figures:
        if out:
            joined = _bounds_pair(text, out[-1], fig) or _between(text, out[-1], fig)
            if joined is not None:
                out[-1] = joined
                continue
        out.append(fig)
    return out


def _in_any(start: int, end: int, spans: list[tuple[int, int]], ends: list[int]) -> bool:
    """Whether ``[start, end)`` overlaps one of ``spans`` (sorted, disjoint; ``ends`` their ends)."""
    i = bisect_right(ends, start)
    return i < len(spans) and spans[i][0] < end


def find_figures(text: str, periods: list[PeriodMatch] | None = None) -> list[FigureMatch]:
    """Figures in ``text`` (working text of one sentence), left to right.

    ``periods`` may pass ``find_periods(text)`` when the caller has it already.
    """
    if _LIVE.search(text) is None:
        return []
    if periods is None:
        periods = find_periods(text)
    return _figures(text, [(p.start, p.end) for p in periods])


_SIGN_PREFIX = re.compile(rf"(?:{_alternation(w for w in CURRENCY_PREFIXES if not w.isalpha())}) *$")
_LIST_COMMA = re.compile(r"，")


def _listed(text: str, numeral: Numeral) -> list[Numeral]:
    """``$20，300美圆`` is two amounts: a currency sign before and a currency word after a ``，``-grouped number.

    A sign already names the currency, so a currency word after the same
    number would say it twice; the full-width comma is a list separator there.
    """
    surface = text[numeral.start:numeral.end]
    if "，" not in surface or numeral.form != "arabic" or numeral.value is None:
        return [numeral]
    if _SIGN_PREFIX.search(text, max(0, numeral.start - 4), numeral.start) is None:
        return [numeral]
    if _TAIL.match(text, numeral.end).lastgroup not in ("cur", "cur_tail"):  # type: ignore[union-attr]
        return [numeral]
    parts: list[Numeral] = []
    start = numeral.start
    for comma in _LIST_COMMA.finditer(text, numeral.start, numeral.end):
        parts.append(Numeral(start, comma.start(), arabic_value(text[start:comma.start()])))
        start = comma.end()
    parts.append(Numeral(start, numeral.end, arabic_value(text[start:numeral.end])))
    return parts


def _figures(text: str, periods: list[tuple[int, int]]) -> list[FigureMatch]:
    ends = [e for _, e in periods]
    numerals = [n for n in numerals_outside(text, periods) if not (periods and _in_any(n.start, n.end, periods, ends)) and not _skip(text, n)]
    if "，" in text:
        numerals = [part for n in numerals for part in _listed(text, n)]
    candidates = _percent_words(text, numerals) + _unit_only(text) + _fixed_percents(text)
    previous: Numeral | None = None
    for numeral in numerals:
        fig = _single(text, numeral)
        if fig is not None:
            if previous is not None:
                ranged = _range(text, previous, numeral, fig)
                if ranged is not None:
                    candidates.append(ranged)
            candidates.append(fig)
        previous = numeral
    qualified = [_with_qualifiers(text, f) for f in candidates]
    resolved = leftmost_longest(qualified)
    if periods:
        resolved = [f for f in resolved if not _in_any(f.start, f.end, periods, ends)]
    return _paired(text, resolved)

