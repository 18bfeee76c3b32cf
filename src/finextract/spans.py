"""Span records: every piece of text finextract points at.

All offsets are ``[start, end)`` Python string indices into the *original*
input text, and ``text`` is always ``original[start:end]``.  The records are
frozen pydantic models so they can be shared between documents and facts.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

EntityLabel = Literal["PERSON", "ORG", "LOC", "TITLE", "PRODUCT"]
"""Entity labels produced by every NER backend."""

FigureKind = Literal[
    "money",
    "percent",
    "percentage_point",
    "basis_point",
    "number",
    "ordinal",
    "quantity",
    "ratio",
]
"""What a figure measures.  ``percent`` is a share (``0.3%``); a change of a
share in percentage points (``0.3個百分點``) is ``percentage_point``."""

Qualifier = Literal["exact", "approx", "more_than", "less_than", "at_least", "at_most", "range"]
"""How the written figure bounds the true value (``400多`` is ``more_than`` 400)."""

PeriodKind = Literal["date", "month", "year", "quarter", "half", "day", "relative", "frequency", "window"]
"""Granularity of a :class:`Period`."""

_FROZEN = ConfigDict(frozen=True, extra="forbid")


class Span(BaseModel):
    """A ``[start, end)`` slice of the original text."""

    model_config = _FROZEN

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> "Span":
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"span text {self.text!r} has length {len(self.text)}, "
                f"but [{self.start}, {self.end}) covers {self.end - self.start} characters"
            )
        return self


class TextSpan(Span):
    """A plain piece of text used as a fact argument (a metric name, a quote)."""

    type: Literal["text"] = "text"
    normalized: str | None = None
    """Simplified, half-width form of ``text`` (equal for both scripts)."""


class Entity(Span):
    """A named entity: person, organization, place, job title or product."""

    type: Literal["entity"] = "entity"
    label: EntityLabel
    canonical: str
    """Script-independent name: the knowledge-base name when linked, else the
    Simplified form of the mention.  Traditional and Simplified input agree."""
    id: str | None = None
    """Knowledge-base id when the entity was linked."""
    source: str = "unknown"
    """Which backend or rule found the entity (``gazetteer``, ``pattern:title_name`` …)."""


class Figure(Span):
    """A number with its meaning: kind, value, bounds, unit, currency and counted noun.

    ``value``, ``low`` and ``high`` are floats rounded from the exact decimal
    kept in ``decimal`` (a string such as ``"1200000000000"``), so large money
    amounts never lose digits for a user who needs them.  ``unit`` and
    ``counted`` are script-independent (Simplified, like ``Entity.canonical``):
    ``400多家銀行`` and ``400多家银行`` both give unit ``家``, counted ``银行``.
    """

    type: Literal["figure"] = "figure"
    kind: FigureKind
    value: float | None
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier = "exact"
    unit: str | None = None
    """``%``, ``pp``, a measure word (``家``, ``股``), or for money the currency word, with the unit a price
    is per after a slash (``元/股`` for 5.12元/股)."""
    currency: str | None = None
    counted: str | None = None
    decimal: str | None = None
    rule: str = "figures"


class Period(Span):
    """A date or period attached to figures and facts (``2016年1月`` → ``2016-01``)."""

    type: Literal["period"] = "period"
    kind: PeriodKind
    value: str
    """ISO-like value: ``2016``, ``2016-01``, ``2017-Q2``, ``--07-18``, ``H1``, ``P1D``; a year relative to the article's is ``Y0``, ``Y-1``, ``Y+1`` (今年, 去年, 明年), a month relative to it ``M0``, ``M-1``, ``M+1`` (本月, 上月, 下月), the year to date ``Y0-YTD`` (今年以来); a trailing window (kind ``window``) its length, ``P3Y`` (近三年)."""
    repaired: bool = False
    """True when the written form was damaged (``718日``) and has been repaired."""


class Sentence(Span):
    """A sentence of the article body (page chrome is never a sentence)."""

    type: Literal["sentence"] = "sentence"
    index: int = Field(ge=0)


class Token(Span):
    """A segmenter token with its part-of-speech tag (jieba's tag set)."""

    type: Literal["token"] = "token"
    pos: str = "x"


class Region(Span):
    """A region excluded from extraction, such as page chrome."""

    type: Literal["region"] = "region"
    kind: Literal["chrome"] = "chrome"
    reason: str
