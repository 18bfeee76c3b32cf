"""Numeral layer: every written number in a working text, with its exact value.

This layer is lexical.  It reads Arabic numbers (``1,100``, ``4.2``, ``2e5``),
Chinese numerals (``四亿五千六百四十二万零一十五``, ``壹佰伍拾``, ``二〇一六``),
mixed forms (``1.2万亿``, ``5万4千6百``), fractions (``三分之一``, ``3/5``)
and adjacent-digit ranges (``三四百`` = 300–400).  It knows nothing about
units, currencies or periods; :mod:`finextract.figures.recognize` builds
figures on top of it.

Scanning is two-phase and linear: one compiled regex with a single character
class finds *runs* of numeral characters, and a small tokenizer splits each run
into numbers.  Only the characters of a run are visited in Python, and a run
that is one plain Arabic number (``500``, ``1.8万亿``) skips the tokenizer.

Conventions:

* ``多``/``余``/``几`` *between* a number and a following unit stay inside
  the numeral (``一千多万`` = 10,000,000, ``fuzzy=True``); a trailing one
  (``四百多``) is left outside for the figure layer to read as a qualifier.
* Spaces between Chinese numeral characters are tolerated (``三千 八百``);
  two Arabic numbers separated by a space or a comma are two numbers.
* The ideographic comma ``，`` is a thousands separator only between one to
  three digits and groups of exactly three (``4，565``); ``1，2`` stays a list.
* ``两`` right after a number is the weight unit liang (``三十两``,
  ``1234两``) unless a numeral or a measure word follows it (``两万两千``,
  ``三两天``); the number ends before it.
* A capital numeral (``伍``, ``拾``, ``陆``, ``肆`` ...) standing alone is a
  word (队伍, 收拾, 大陆, 放肆), not a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, localcontext

from .lexicon import AGE_WORDS, CURRENCY_WORDS, DURATION_WORDS, MEASURE_WORDS, WEIGHT_LIANG

HAN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
    "八": 8, "九": 9, "两": 2, "俩": 2, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5,
    "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}
"""Chinese digit characters (working text is Simplified) and their values."""

SMALL_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000, "拾": 10, "佰": 100, "仟": 1000}
"""Multipliers below ten thousand."""

BIG_UNITS: dict[str, int] = {"万": 10**4, "亿": 10**8, "兆": 10**12}
"""Section multipliers (兆 = 10^12, the financial-news reading)."""

CAPITAL_DIGITS = frozenset("壹贰叁肆伍陆柒捌玖拾佰仟俩")
"""Numeral characters that are also everyday words when they stand alone."""

CURRENCY_CODES = frozenset({"RMB", "CNY", "USD", "HKD", "TWD", "NTD", "EUR", "JPY", "GBP"})
"""Currency codes that may touch the amount they precede (``RMB500``)."""

FUZZY_CHARS = frozenset("多余几")
"""Approximation marks: ``400多``, ``500余万``, ``二十几万``."""

# Words whose numeral characters are not numbers.  Checked against the text
# around a candidate that is a single Chinese character or starts one of them.
IDIOMS: tuple[str, ...] = (
    "一切", "一些", "一起", "一直", "一样", "一定", "一般", "一致", "一旦", "一向",
    "一律", "一再", "一味", "一并", "一同", "一边", "一面", "一方面", "一时", "一下",
    "一看", "一来", "一举", "一贯", "一带一路", "一体", "一流", "一线", "一手",
    "统一", "唯一", "之一", "万一", "同一", "单一", "进一步", "一把手",
    "十分", "十足", "四川", "两两", "三峡", "五角大楼", "七上八下", "一五一十",
    "九州",
)
"""Idioms and names that contain numeral characters but no number."""

_DIGIT_CLASS = "0-9" + "".join(HAN_DIGITS)
_UNIT_CLASS = "".join(SMALL_UNITS) + "".join(BIG_UNITS)
_SI_UNIT_AFTER = "米克瓦卡赫字比焦帕"
"""Characters that make a preceding 千/兆 a unit prefix (千米, 千克, 兆瓦, 兆字节), not a multiplier."""
_RUN = re.compile(
    # The first character comes from one plain class, so the scan skips other text at C speed; the
    # lookarounds then accept it as an opener (a digit, 十, 百/千 before a digit, a decimal point before
    # a digit) or as the sign (负, -) right before one.
    rf"[-负{_DIGIT_CLASS}十拾百千佰仟.]"
    rf"(?:(?<=[{_DIGIT_CLASS}十拾])"
    rf"|(?<=[百千佰仟])(?=[{''.join(HAN_DIGITS)}])"
    r"|(?<=\.)(?<![0-9.]\.)(?=[0-9])"
    rf"|(?<=[负-])(?=[{_DIGIT_CLASS}十拾]|[百千佰仟][{''.join(HAN_DIGITS)}]|\.[0-9]))"
    rf"(?:[{_DIGIT_CLASS}十百拾佰仟万亿点多余几,，./eEkK^+\- ]|[千兆](?![{_SI_UNIT_AFTER}]))*"
)
_TOKEN = re.compile(
    r"(?P<arabic>(?:\d{1,3}(?:，\d{3}(?!\d))+(?:\.\d+(?![0-9]|\.[0-9]))?"
    r"|(?<=[0-9]\.)\d+(?![0-9])|\d+(?:,\d{3}(?!\d))*(?:\.\d+(?![0-9]|\.[0-9]))?|(?<![0-9.])\.\d+(?![0-9]|\.[0-9]))"
    r"(?:[eE][-+]?\d+(?![\d.]))?"
    r"(?:(?:(?<=[0-9]{2})|(?<=\.[0-9])) ?[kK](?![A-Za-z])"
    r"|(?<=[0-9])k(?= ?- ?[0-9]+(?:\.[0-9]+)? ?k(?![A-Za-z]))"
    r"|(?:(?<=k-[0-9])|(?<=k -[0-9])|(?<=k- [0-9])|(?<=k - [0-9]))k(?![A-Za-z]))?)"
    r"|(?P<power>\^[-+]*\d{1,3}(?:\.\d+)?(?![\d.]))"
    rf"|(?P<digit>[{''.join(HAN_DIGITS)}])"
    rf"|(?P<small>[{''.join(SMALL_UNITS)}])"
    rf"|(?P<big>[{''.join(BIG_UNITS)}])"
    r"|(?P<point>点)"
    r"|(?P<fuzzy>[多余几])"
    r"|(?P<space> +)"
    r"|(?P<slash>/)"
    r"|(?P<other>.)",
    re.S,
)
_FRACTION_LINK = re.compile(r" *分 *之 *")
_MIXED_LINK = re.compile(r" *又 *")
# 之一 ("one of") is an idiom except in a fraction (三分之一).
_IDIOM_RE = re.compile(
    "|".join(re.escape(w) if w != "之一" else "(?<!分)之一" for w in sorted(IDIOMS, key=len, reverse=True))
)
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")
_DOZEN_VERB_AFTER = frozenset("造击开破通压工卡车折算印包入出下响赢败扫听扰理动法脸架针分球款新板底假黑劫捞磨拼电字仗")
"""Characters after 打 that make it a verb (打造, 打折, 打开), not a dozen."""
_FIXED_WORDS: dict[str, Decimal] = {"半百": Decimal(50)}
_FIXED_RE = re.compile("|".join(_FIXED_WORDS))
_LATIN_UNITS = re.compile(
    r"(?:cm|CM|mm|MM|km|KM|kg|KG|mg|ml|mL|m|kWh|kwh|kW|kw|MW|GW|GB|MB|TB|KB|Hz|MHz|GHz)(?![A-Za-z])"
)
"""Latin measurement units that may touch the number before them (``168cm``, ``64GB``)."""
_UNIT_CHARS = frozenset("元万亿千百十")
_SIMPLE_RUN = re.compile(r"(?P<num>[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)(?P<big>[万亿]{0,2})[,， ]*")
"""A run the tokenizer would read as one plain number: the common case, read without tokenizing."""
_IDIOM_CHARS = frozenset("".join(IDIOMS))
_NOT_AFTER_LIANG = frozenset(
    "".join(w[0] for w in (*MEASURE_WORDS, *DURATION_WORDS, *AGE_WORDS, *CURRENCY_WORDS))
    + "".join(HAN_DIGITS) + "十百千万亿拾佰仟兆0123456789倍成折%点多余几半"
)
"""Characters after ``两`` that keep it a digit (``三两天``, ``两万两千``, ``一两个``)."""


def liang_unit_at(text: str, pos: int) -> bool:
    """Whether the ``两`` at ``pos``, right after a number, is the weight unit liang (``三十两``)."""
    if not text.startswith(WEIGHT_LIANG, pos):
        return False
    after = pos + len(WEIGHT_LIANG)
    return after >= len(text) or text[after] not in _NOT_AFTER_LIANG


@dataclass(frozen=True)
class Numeral:
    """One written number in working-text offsets ``[start, end)``.

    ``value`` is exact; for an adjacent-digit range (``三四百``) it is ``None``
    and ``low``/``high`` hold the ends.  ``form`` is ``arabic``, ``han`` or
    ``mixed``; ``shape`` is ``number``, ``fraction`` or ``range``.
    """

    start: int
    end: int
    value: Decimal | None
    low: Decimal | None = None
    high: Decimal | None = None
    form: str = "arabic"
    shape: str = "number"
    fuzzy: bool = False
    lone: bool = False
    """A single Chinese digit with no unit (``一``, ``两``): often part of a word."""
    big_unit: bool = False
    """True when the numeral ends in a section multiplier (``万``, ``亿``)."""


def _tokens(text: str, base: int) -> list[tuple[str, str, int, int]]:
    """``(kind, text, start, end)`` tokens of a run starting at ``base``."""
    return [(m.lastgroup or "other", m.group(), base + m.start(), base + m.end()) for m in _TOKEN.finditer(text)]


def _decimal_digits(tokens: list[tuple[str, str, int, int]], i: int) -> int:
    """Index past the Chinese decimal digits that follow a ``点`` at ``i - 1``."""
    j = i
    last = i
    while j < len(tokens):
        kind, text, _, _ = tokens[j]
        if kind == "digit" and text not in "两俩":
            j += 1
            last = j
        elif kind == "space":
            j += 1
        else:
            break
    return last


def _next_solid(tokens: list[tuple[str, str, int, int]], i: int) -> tuple[str, str, int, int] | None:
    """The first token at or after ``i`` that is not a space."""
    while i < len(tokens) and tokens[i][0] == "space":
        i += 1
    return tokens[i] if i < len(tokens) else None


def _joins(prev: str, cur: tuple[str, str, int, int], after: tuple[str, str, int, int] | None) -> bool:
    """Whether token ``cur`` continues the number whose last solid token kind is ``prev``."""
    kind = cur[0]
    if kind == "small":
        return prev in ("arabic", "digit", "zero", "fuzzy", "decimal") or prev == "big"
    if kind == "big":
        return prev in ("arabic", "digit", "small", "big", "fuzzy", "decimal")
    if kind == "digit":
        return prev in ("digit", "small", "big", "zero")
    if kind == "arabic":
        return prev in ("small", "big", "zero")
    if kind == "power":
        return prev == "arabic"
    if kind == "fuzzy":
        return prev in ("arabic", "digit", "small", "big", "zero") and after is not None and after[0] in ("small", "big")
    return False


def _opens(unit: str, after: tuple[str, str, int, int] | None) -> bool:
    """A unit may open a number: ``十五``, and ``百三``/``千三`` before a digit."""
    return unit in "十拾" or (after is not None and after[0] == "digit")


def _split(tokens: list[tuple[str, str, int, int]], text: str) -> list[list[tuple[str, str, int, int]]]:
    """Group a run's tokens into numbers (solid tokens only; decimals folded in).

    ``text`` is the whole working text the tokens' offsets point into.
    """
    groups: list[list[tuple[str, str, int, int]]] = []
    cur: list[tuple[str, str, int, int]] = []
    prev = ""
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        kind = tok[0]
        if kind == "space":
            i += 1
            continue
        if kind == "digit" and cur and prev in ("arabic", "digit", "small", "big", "zero") and liang_unit_at(text, tok[2]):
            # 两 closing a number is the weight unit (三十两, 1234两): the number ends before it.
            groups.append(cur)
            cur, prev = [], ""
            i += 1
            continue
        if kind == "point":
            end = _decimal_digits(tokens, i + 1)
            if cur and end > i + 1 and prev not in ("decimal", "arabic"):
                digits = "".join(t[1] for t in tokens[i + 1:end] if t[0] == "digit")
                cur.append(("decimal", "".join(str(HAN_DIGITS[c]) for c in digits), tok[2], tokens[end - 1][3]))
                prev = "decimal"
                i = end
                continue
            if cur:
                groups.append(cur)
            cur, prev = [], ""
            i += 1
            continue
        after = _next_solid(tokens, i + 1)
        effective = "zero" if kind == "digit" and tok[1] in "零〇" and prev in ("small", "big") else kind
        # Digit-by-digit readings (二〇一六, 三八折) never follow a unit: 十三五 is 十三 + 五.
        positional_after_unit = kind == "digit" and prev == "digit" and any(t[0] in ("small", "big") for t in cur)
        if cur and not positional_after_unit and (prev == "decimal" and kind in ("small", "big") or _joins(prev, tok, after)):
            cur.append((effective, tok[1], tok[2], tok[3]))
            prev = effective
        elif kind in ("arabic", "digit") or (kind == "small" and _opens(tok[1], after)):
            if cur:
                groups.append(cur)
            cur = [(kind, tok[1], tok[2], tok[3])]
            prev = kind
        else:
            if cur:
                groups.append(cur)
            cur, prev = [], ""
        i += 1
    if cur:
        groups.append(cur)
    return groups


def evaluate(tokens: list[tuple[str, str, int, int]]) -> Decimal | None:
    """Exact value of one number's tokens (see :func:`_split`); ``None`` if malformed."""
    total = Decimal(0)
    section = Decimal(0)
    num: Decimal | None = None
    num_single = False
    last_unit: int | None = None
    last_big = 0
    zero_gap = False
    seen_digit = False
    prev = ""
    for kind, text, _, _ in tokens:
        if kind in ("digit", "zero"):
            value = HAN_DIGITS[text]
            seen_digit = True
            if kind == "zero" or value == 0 and prev in ("small", "big", ""):
                zero_gap = True
                num, num_single = None, False
            elif prev == "digit" and num is not None:
                num = num * 10 + value
                num_single = False
            else:
                num, num_single = Decimal(value), True
        elif kind == "arabic":
            num, num_single, seen_digit = arabic_value(text), False, True
        elif kind == "power":
            num = _power(num, text)
            if num is None:
                return None
        elif kind == "decimal":
            if num is not None and last_unit is not None and num_single and not zero_gap:
                section += num * last_unit / 10
                num = None
            base = num if num is not None else Decimal(0)
            num = base + Decimal("0." + text) if text else base
            num_single = False
        elif kind == "fuzzy":
            pass  # 多/余/几 before a unit: the value is the written lower bound
        elif kind == "small":
            unit = SMALL_UNITS[text]
            section += (num if num is not None else Decimal(1)) * unit
            num, num_single, last_unit, zero_gap = None, False, unit, False
        elif kind == "big":
            unit = BIG_UNITS[text]
            part = section + (num if num is not None else Decimal(0))
            if part == 0 and prev == "big":
                total *= unit
            elif unit > last_big:
                total = (total + part) * unit
            else:
                total += part * unit
            section, num, num_single, zero_gap = Decimal(0), None, False, False
            last_unit, last_big = unit, max(last_big, unit)
        prev = kind
    if not seen_digit and not (tokens and tokens[0][1] in "十拾"):
        return None
    if num is not None:
        if num_single and last_unit is not None and not zero_gap and prev in ("digit",):
            section += num * last_unit / 10
        else:
            section += num
    return total + section


def arabic_value(text: str) -> Decimal:
    """Value of one Arabic token: ``1,100``, ``4，565``, ``2e5``, ``3.2k``."""
    text = text.replace(",", "").replace("，", "")
    if text[-1] in "kK":
        return Decimal(text[:-1].rstrip()) * 1000
    return Decimal(text)


def _power(base: Decimal | None, text: str) -> Decimal | None:
    """``base ^ exponent`` for a ``^-1``/``^+23`` token (minus signs multiply)."""
    if base is None:
        return None
    digits = text.lstrip("^+-")
    exponent = Decimal(digits)
    if text.count("-") % 2:
        exponent = -exponent
    if base == 0 and exponent <= 0:
        return None
    with localcontext() as ctx:
        ctx.prec = 28
        try:
            return base**exponent if exponent == exponent.to_integral_value() or base > 0 else None
        except ArithmeticError:
            return None


def _range_ends(tokens: list[tuple[str, str, int, int]]) -> tuple[Decimal, Decimal] | None:
    """``三四百`` → (300, 400): two consecutive Chinese digits ``d, d+1`` before a unit."""
    if len(tokens) < 3 or tokens[0][0] != "digit" or tokens[1][0] != "digit":
        return None
    first, second = HAN_DIGITS[tokens[0][1]], HAN_DIGITS[tokens[1][1]]
    if second != first + 1 or first == 0 or tokens[2][0] not in ("small", "big"):
        return None
    low = evaluate([tokens[0], *tokens[2:]])
    high = evaluate([tokens[1], *tokens[2:]])
    if low is None or high is None:
        return None
    return low, high


def tidy(value: Decimal) -> Decimal:
    """Drop a meaningless exponent or trailing zeros (``125000000.00`` → ``125000000``)."""
    if value.adjusted() < 27 and value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def _form(tokens: list[tuple[str, str, int, int]]) -> str:
    kinds = {t[0] for t in tokens}
    if kinds <= {"arabic", "decimal", "power"}:
        return "arabic"
    return "mixed" if "arabic" in kinds else "han"


def _make(tokens: list[tuple[str, str, int, int]], negative: bool, sign_start: int) -> Numeral | None:
    """Build a :class:`Numeral` from one number's tokens."""
    start = sign_start if negative else tokens[0][2]
    end = tokens[-1][3]
    fuzzy = any(t[0] == "fuzzy" for t in tokens)
    big = tokens[-1][0] == "big"
    form = _form(tokens)
    ends = _range_ends(tokens)
    if ends is not None:
        return Numeral(start, end, None, tidy(ends[0]), tidy(ends[1]), form=form, shape="range", fuzzy=fuzzy, big_unit=big)
    value = evaluate(tokens)
    if value is None:
        return None
    if negative:
        value = -value
    lone = len(tokens) == 1 and tokens[0][0] in ("digit", "zero")
    return Numeral(start, end, tidy(value), form=form, fuzzy=fuzzy, lone=lone, big_unit=big)


def _capital_only(text: str, numeral: Numeral) -> bool:
    """A single capital-numeral character on its own (伍 in 队伍)."""
    surface = text[numeral.start:numeral.end].strip()
    if len(surface) != 1 or surface not in CAPITAL_DIGITS:
        return False
    return not text[max(0, numeral.start - 3):numeral.start].rstrip().endswith("之")


def _in_idiom(text: str, numeral: Numeral) -> bool:
    """Whether the numeral is inside one of :data:`IDIOMS`."""
    if not _IDIOM_CHARS.issuperset(text[numeral.start:numeral.end]):
        return False  # an idiom holds every character of a numeral inside it
    lo = max(0, numeral.start - 4)
    for m in _IDIOM_RE.finditer(text, lo, min(len(text), numeral.end + 4)):
        if m.start() <= numeral.start and numeral.end <= m.end():
            return True
    return False


def _glued_to_latin(text: str, numeral: Numeral) -> bool:
    """Arabic numbers touching Latin letters are codes (A202107..., 5G, iPhone7)."""
    if numeral.form == "han":
        return False
    before = text[numeral.start - 1] if numeral.start > 0 else ""
    after = text[numeral.end] if numeral.end < len(text) else ""
    if before.isascii() and before.isalpha() and not text[max(0, numeral.start - 3):numeral.start] in CURRENCY_CODES:
        return True
    return bool(after and after.isascii() and after.isalpha()) and not _LATIN_UNITS.match(text, numeral.end)


def _fraction(den: Numeral, num: Numeral) -> Numeral | None:
    """``den 分之 num`` → num / den."""
    if den.value is None or num.value is None or den.value == 0:
        return None
    with localcontext() as ctx:
        ctx.prec = 28
        value = num.value / den.value
    return Numeral(den.start, num.end, value, form=den.form, shape="fraction")


def _slash_fraction(text: str, numeral: Numeral, follow: Numeral) -> Numeral | None:
    """``3/5`` → 0.6, unless it is part of a longer slash chain such as a date."""
    if numeral.value is None or follow.value is None or follow.value == 0:
        return None
    if numeral.form != "arabic" or follow.form != "arabic":
        return None
    before = text[numeral.start - 1] if numeral.start > 0 else ""
    after = text[follow.end] if follow.end < len(text) else ""
    if before == "/" or after == "/" or (after and after.isdigit()):
        return None
    with localcontext() as ctx:
        ctx.prec = 28
        value = numeral.value / follow.value
    return Numeral(numeral.start, follow.end, value, form="arabic", shape="fraction")


def _simple(run: re.Match[str], body: str) -> list[Numeral] | None:
    """A run that is one plain Arabic number with optional section multipliers (``500``, ``1.8万亿``).

    This is what the tokenizer reads from such a run, without tokenizing;
    ``None`` for any other run.
    """
    if body.isdigit() and body.isascii() and len(body) < 28:
        return [Numeral(run.start(), run.end(), Decimal(body))]  # an integer short enough that tidy() keeps it
    m = _SIMPLE_RUN.fullmatch(body)
    if m is None:
        return None
    value = Decimal(m.group("num").replace(",", ""))
    bigs = m.group("big")
    for unit in bigs:
        value *= BIG_UNITS[unit]
    start = run.start()
    return [Numeral(start, start + m.end("big"), tidy(value), form="mixed" if bigs else "arabic", big_unit=bool(bigs))]


def _run_numerals(text: str, run: re.Match[str]) -> list[Numeral]:
    """Numbers in one run of numeral characters."""
    body = run.group()
    if len(body) == 1 and body in HAN_DIGITS:
        # The most common run by far (一 in 一些, 一起): skip the tokenizer.
        return [Numeral(run.start(), run.end(), Decimal(HAN_DIGITS[body]), form="han", lone=True)]
    simple = _simple(run, body)
    if simple is not None:
        return simple
    negative = False
    offset = 0
    if body.startswith(("负", "-")):
        before = text[run.start() - 1] if run.start() > 0 else ""
        negative = not (before and (_LATIN_OR_DIGIT.match(before) or before in "%)-^~" or before in _UNIT_CHARS))
        offset = 1
    out: list[Numeral] = []
    for n, group in enumerate(_split(_tokens(body[offset:], run.start() + offset), text)):
        numeral = _make(group, negative and n == 0 and group[0][2] == run.start() + offset, run.start())
        if numeral is not None:
            out.append(numeral)
    return out




def _combine(text: str, numerals: list[Numeral]) -> list[Numeral]:
    """Join ``X分之Y`` and ``a/b`` fractions; drop words that only look numeric."""
    out = _fractions(text, numerals) if "分" in text or "/" in text else numerals
    if "打" in text:
        out = _dozens(text, out)
    return [n for n in out if not _word_like(text, n)]


def _word_like(text: str, numeral: Numeral) -> bool:
    """A capital numeral alone, a numeral inside an idiom, or an Arabic number glued to Latin letters."""
    if numeral.form == "han":
        return _capital_only(text, numeral) or _in_idiom(text, numeral)
    # Capital numerals and idioms hold Chinese characters only: an Arabic or mixed number is neither.
    return _glued_to_latin(text, numeral)


def _fractions(text: str, numerals: list[Numeral]) -> list[Numeral]:
    """Join ``X分之Y``, ``a/b`` and mixed (``三百五又三分之一``, ``1 3/5``) fractions."""
    out: list[Numeral] = []
    i = 0
    while i < len(numerals):
        cur = numerals[i]
        nxt = numerals[i + 1] if i + 1 < len(numerals) else None
        if nxt is not None:
            gap = text[cur.end:nxt.start]
            joined = None
            if _FRACTION_LINK.fullmatch(gap):
                joined = _fraction(cur, nxt)
            elif gap == "/":
                joined = _slash_fraction(text, cur, nxt)
            if joined is not None:
                out.append(joined)
                i += 2
                continue
        out.append(cur)
        i += 1
    return _join_mixed(text, out)


def _join_mixed(text: str, numerals: list[Numeral]) -> list[Numeral]:
    """``三百五又三分之一`` → 350 + 1/3: a whole number, ``又`` and a fraction."""
    out: list[Numeral] = []
    for cur in numerals:
        prev = out[-1] if out else None
        if (
            prev is not None
            and cur.shape == "fraction"
            and prev.shape == "number"
            and prev.value is not None
            and cur.value is not None
            and (_MIXED_LINK.fullmatch(text, prev.end, cur.start) or _spaced_mixed(text, prev, cur))
        ):
            whole = prev.value
            value = whole - cur.value if whole < 0 else whole + cur.value
            out[-1] = Numeral(prev.start, cur.end, value, form=prev.form, shape="fraction")
            continue
        out.append(cur)
    return out


def _spaced_mixed(text: str, whole: Numeral, fraction: Numeral) -> bool:
    """``1 3/5``: a whole Arabic number, one space, an Arabic slash fraction."""
    return (
        whole.form == "arabic"
        and fraction.form == "arabic"
        and text[whole.end:fraction.start] == " "
        and "/" in text[fraction.start:fraction.end]
        and whole.value == whole.value.to_integral_value()  # type: ignore[union-attr]
    )


def _dozens(text: str, numerals: list[Numeral]) -> list[Numeral]:
    """``一打`` = 12, ``五十打`` = 600: 打 (dozen) right after a number, unless it starts a verb."""
    out = []
    for n in numerals:
        if (
            n.value is not None
            and n.shape == "number"
            and text.startswith("打", n.end)
            and not (n.end + 1 < len(text) and text[n.end + 1] in _DOZEN_VERB_AFTER)
        ):
            n = Numeral(n.start, n.end + 1, n.value * 12, form=n.form)
        out.append(n)
    return out


def _fixed_words(text: str, numerals: list[Numeral]) -> list[Numeral]:
    """Add fixed numeral words (``半百`` = 50) that do not overlap a found number."""
    if "半" not in text:
        return numerals
    extra = [Numeral(m.start(), m.end(), _FIXED_WORDS[m.group()], form="han") for m in _FIXED_RE.finditer(text)]
    if not extra:
        return numerals
    taken = [(n.start, n.end) for n in numerals]
    keep = [e for e in extra if all(e.end <= a or b <= e.start for a, b in taken)]
    return sorted(numerals + keep, key=lambda n: n.start)


def find_numerals(text: str) -> list[Numeral]:
    """Every number written in ``text``, left to right, non-overlapping."""
    found: list[Numeral] = []
    for run in _RUN.finditer(text):
        found.extend(_run_numerals(text, run))
    return _fixed_words(text, _combine(text, found))


def numerals_outside(text: str, spans: list[tuple[int, int]]) -> list[Numeral]:
    """:func:`find_numerals`, minus numerals inside ``spans`` (sorted, disjoint; the periods).

    The figure recognizer drops every numeral that overlaps a period; this
    skips reading the runs that lie inside one, except where a run touches a
    span edge next to a fraction, mixed-number or dozen link (``分之``, ``/``,
    ``又``, a space, ``打``) and could join a numeral outside.  Dropping the
    numerals that overlap ``spans`` from this result or from
    :func:`find_numerals` gives the same list.
    """
    if not spans:
        return find_numerals(text)
    found: list[Numeral] = []
    i = 0
    for run in _RUN.finditer(text):
        start, end = run.span()
        while i < len(spans) and spans[i][1] <= start:
            i += 1
        if i < len(spans) and _sealed(text, start, end, spans[i]):
            continue
        found.extend(_run_numerals(text, run))
    return _fixed_words(text, _combine(text, found))


_LEFT_LINKS = "之 /又"
_RIGHT_LINKS = " 分/又打"


def _sealed(text: str, start: int, end: int, span: tuple[int, int]) -> bool:
    """Whether the run ``[start, end)`` lies inside ``span`` and cannot join a numeral outside it."""
    lo, hi = span
    if not (lo <= start and end <= hi):
        return False
    left_ok = start > lo or start == 0 or text[start - 1] not in _LEFT_LINKS
    right_ok = end < hi or end == len(text) or text[end] not in _RIGHT_LINKS
    return left_ok and right_ok
