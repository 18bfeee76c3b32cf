"""Typed fact records: a discriminated union on ``type``.

Every fact names the rule that produced it (``rule``), the sentence it rests
on (``evidence``) and a ``confidence`` in ``[0, 1]``.  Its ``id`` is a
deterministic hash of document id, type, rule and argument offsets, so the
same input always yields the same ids.
"""

from __future__ import annotations

import hashlib
from typing import Annotated, Iterable, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .spans import Entity, Figure, Period, Sentence, Span, TextSpan

_FROZEN = ConfigDict(frozen=True, extra="forbid")

Direction = Literal["up", "down"]
Modality = Literal["actual", "planned", "forecast", "limit", "reported"]
"""How the text asserts a fact: it happened, is planned (拟, 计划), forecast
(预计), a limit (不超过), or is reported by someone else (据悉, 数据显示)."""


class _Args(BaseModel):
    model_config = _FROZEN


class RoleArgs(_Args):
    """``工商銀行董事長易會滿``: person, organization (optional) and title."""

    person: Entity
    org: Entity | None = None
    title: Entity
    former: bool = False
    """The text marks the post as one the person no longer holds (原行长, 前…主管, 曾任)."""


class PartnershipArgs(_Args):
    """Two or more organizations entering a cooperation, with kind and date."""

    parties: list[Entity] = Field(min_length=2)
    kind: TextSpan | None = None
    date: Period | None = None


class MetricArgs(_Args):
    """A figure describing a metric (``壞賬率 不超過 0.3%``), maybe of a subject."""

    subject: Entity | None = None
    metric: TextSpan
    value: Figure
    period: Period | None = None
    direction: Direction | None = None
    """Set when the figure is a change (``降低了40%``) rather than a level."""
    basis: TextSpan | None = None
    """What a change is measured against: 同比, 环比, 较年初, 较上年末 …"""
    new_value: Figure | None = None
    """The level a change ends at: ``下降0.3个百分点至1.52%`` → 1.52%."""


class QuoteArgs(_Args):
    """Words attributed to a speaker."""

    speaker: Entity
    quote: TextSpan


class OwnershipArgs(_Args):
    """``A持有B 5%股权``, ``A增持B``: a holder, what it holds, the stake and the action."""

    holder: Entity
    held: Entity
    action: TextSpan | None = None
    """The trigger words; ``None`` when the learned scorer linked the pair without one (rule ``ownership.model``)."""
    stake: Figure | None = None
    via: Entity | None = None
    """The company the holder holds through (晨光控股通过旗下的晨光资本持有…: 晨光资本); ``None`` for a direct holding."""


class AcquisitionArgs(_Args):
    """``A收购B``, ``B被A收购``, ``A与B合并``: acquirer, target and the deal value.

    ``stake`` and ``part`` say when less than the whole company changes hands:
    ``A收购B 30%股权`` (a stake) or ``A收购B的物业管理业务`` (a part the target
    sells; B itself is not bought).
    """

    acquirer: Entity
    target: Entity
    action: TextSpan | None = None
    """The trigger words; ``None`` when the learned scorer linked the pair without one."""
    value: Figure | None = None
    stake: Figure | None = None
    """The share of the target bought (``30%``, ``1.2亿股``), when the text gives one right after it."""
    part: TextSpan | None = None
    """The business or assets of the target bought (``物业管理业务``); the target is then the seller."""


class CompetitionArgs(_Args):
    """Organizations competing (``A与B争夺市场``)."""

    parties: list[Entity] = Field(min_length=2)
    trigger: TextSpan | None = None
    """The trigger words; ``None`` when the learned scorer linked the pair without one."""


class DisputeArgs(_Args):
    """A dispute or lawsuit: plaintiff and defendant when the text says who sued whom."""

    parties: list[Entity] = Field(min_length=2)
    plaintiff: Entity | None = None
    defendant: Entity | None = None
    trigger: TextSpan | None = None
    """The trigger words; ``None`` when the learned scorer linked the pair without one."""


class ProductLaunchArgs(_Args):
    """``A推出B``: the organization, the product and the launch date."""

    org: Entity
    product: Entity | TextSpan
    action: TextSpan
    date: Period | None = None


class AppointmentArgs(_Args):
    """``王明远出任招商银行行长``, ``李卫东辞去首席执行官职务``: a change of role."""

    person: Entity
    change: Literal["appointed", "resigned"]
    title: Entity | None = None
    org: Entity | None = None
    action: TextSpan


class _FactBase(BaseModel):
    model_config = _FROZEN

    id: str
    doc_id: str | None = None
    rule: str
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: Sentence
    modality: Modality = "actual"
    attributed_to: Entity | None = None
    """The speaker or source the sentence attributes the fact to, when it says so."""

    @field_validator("rule")
    @classmethod
    def _rule_named(cls, value: str) -> str:
        if not value:
            raise ValueError("every fact must name the rule that produced it")
        return value


class RoleFact(_FactBase):
    """Who holds which role where."""

    type: Literal["role"] = "role"
    args: RoleArgs


class PartnershipFact(_FactBase):
    """Who partners with whom."""

    type: Literal["partnership"] = "partnership"
    args: PartnershipArgs


class MetricFact(_FactBase):
    """Which figure describes which metric."""

    type: Literal["metric"] = "metric"
    args: MetricArgs


class QuoteFact(_FactBase):
    """Who said what."""

    type: Literal["quote"] = "quote"
    args: QuoteArgs


class OwnershipFact(_FactBase):
    """Who holds a stake in whom, and how it changed."""

    type: Literal["ownership"] = "ownership"
    args: OwnershipArgs


class AcquisitionFact(_FactBase):
    """Who acquires or merges with whom."""

    type: Literal["acquisition"] = "acquisition"
    args: AcquisitionArgs


class CompetitionFact(_FactBase):
    """Who competes with whom."""

    type: Literal["competition"] = "competition"
    args: CompetitionArgs


class DisputeFact(_FactBase):
    """Who is in a dispute or lawsuit with whom."""

    type: Literal["dispute"] = "dispute"
    args: DisputeArgs


class ProductLaunchFact(_FactBase):
    """Who launched which product, and when."""

    type: Literal["product_launch"] = "product_launch"
    args: ProductLaunchArgs


class AppointmentFact(_FactBase):
    """Who took up or left a role."""

    type: Literal["appointment"] = "appointment"
    args: AppointmentArgs


Fact = Annotated[
    Union[
        RoleFact,
        PartnershipFact,
        MetricFact,
        QuoteFact,
        OwnershipFact,
        AcquisitionFact,
        CompetitionFact,
        DisputeFact,
        ProductLaunchFact,
        AppointmentFact,
    ],
    Field(discriminator="type"),
]
"""Any fact record; ``type`` tells which."""

FACT_TYPES: tuple[str, ...] = (
    "role",
    "partnership",
    "metric",
    "quote",
    "ownership",
    "acquisition",
    "competition",
    "dispute",
    "product_launch",
    "appointment",
)


def _arg_key(value: object) -> Iterable[str]:
    if isinstance(value, Span):
        yield f"{value.start}:{value.end}"
    elif isinstance(value, list):
        for item in value:
            yield from _arg_key(item)


def fact_id(doc_id: str | None, fact_type: str, rule: str, args: BaseModel) -> str:
    """Deterministic id from document, type, rule and argument offsets."""
    parts = [doc_id or "", fact_type, rule]
    for name in type(args).model_fields:
        parts.append(name + "=" + ",".join(_arg_key(getattr(args, name))))
    digest = hashlib.blake2b("|".join(parts).encode("utf-8"), digest_size=8).hexdigest()
    return f"{fact_type}-{digest}"
