"""What every stage means by a Han character.

The basic block U+4E00–U+9FFF is not enough: names use characters of Extension A (U+3400–U+4DBF), and
OpenCC's Traditional-to-Simplified table maps some rare characters into the supplementary planes (璗 → 𬍡,
U+2C361), so a Traditional article's rare company name would lose its first character to a narrower class.
Patterns build their classes from :data:`HAN`; plain code asks :func:`is_han`.

>>> import re
>>> re.findall(f"[{HAN}]+", "𬍡新金控（2890）")
['𬍡新金控']
>>> is_han("𬍡新"), is_han("ETF"), is_han("")
(True, False, False)
"""

from __future__ import annotations

HAN = "\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U000323af"
"""The body of a regular-expression character class: Extension A, the basic block and the supplementary
ideographic planes (Extensions B–H).  Use it as ``f"[{HAN}]"``."""

_RANGES = (("\u3400", "\u4dbf"), ("\u4e00", "\u9fff"), ("\U00020000", "\U000323af"))


def is_han(text: str) -> bool:
    """Whether ``text`` is non-empty and made of Han characters only (in the sense of :data:`HAN`)."""
    return bool(text) and all(any(low <= c <= high for low, high in _RANGES) for c in text)
