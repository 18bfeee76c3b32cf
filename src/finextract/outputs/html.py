"""HTML view of a document: highlighted entities and figures, greyed chrome, facts table.

The text is cut at every annotation boundary; each piece is wrapped in the
marks that cover it, so nested, adjacent and crossing annotations all render
as well-formed HTML.  Pieces are grouped into one element per sentence, each
with its own anchor id, so a fact's evidence link highlights its sentence
through CSS ``:target`` (no JavaScript).  Everything from the document is
escaped, and the text is shown exactly as written (Traditional stays
Traditional); canonical names and normalized values appear on hover and in the
facts table.
"""

from __future__ import annotations

import hashlib
from html import escape
from typing import Iterator

from ..document import Document
from ..facts import Fact
from ..spans import Entity, Figure, Period, Region, Sentence, Span, TextSpan

_COLORS = {
    "PERSON": "#ffd7a8",
    "ORG": "#b7e1ff",
    "LOC": "#c8f0c0",
    "TITLE": "#f0d0ff",
    "PRODUCT": "#ffe9a8",
}

STYLE = """
.fx-view{font-family:system-ui,sans-serif}
.fx-head{font-size:.85em;color:#555;margin-bottom:.4em}
.fx-doc{line-height:1.9;white-space:pre-wrap}
.fx-ent{border-radius:3px;padding:0 1px}
.fx-ent.fx-last::after{content:attr(data-label);font-size:.6em;vertical-align:super;color:#555;margin-left:1px}
.fx-fig{border-bottom:2px solid #d33}
.fx-period{border-bottom:2px dotted #36c}
.fx-chrome{color:#aaa}
.fx-sent:target{background:#fff3a0;outline:2px solid #e0c200}
.fx-facts{border-collapse:collapse;margin-top:1em;font-size:.9em}
.fx-facts td,.fx-facts th{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}
.fx-arg{display:block}
.fx-canon{color:#666}
.fx-key{border-radius:3px;padding:0 3px;font-size:.9em}
""" + "".join(f".fx-ent-{label}{{background:{color}}}\n" for label, color in _COLORS.items())


def anchor_prefix(doc: Document) -> str:
    """A stable id prefix for one document's anchors (two documents on one page never clash)."""
    key = f"{doc.doc_id or ''}\x00{doc.text}".encode("utf-8", "surrogatepass")
    return "fx-" + hashlib.blake2b(key, digest_size=5).hexdigest()


def sentence_anchor(doc: Document, sentence: Sentence) -> str:
    """The element id of ``sentence`` in :func:`document_html`'s output."""
    return f"{anchor_prefix(doc)}-s{sentence.index}"


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    return format(value, ".15g")


def figure_summary(fig: Figure) -> str:
    """Normalized reading of a figure: kind, value or bounds, unit, currency, qualifier."""
    if fig.qualifier == "range" and fig.low is not None and fig.high is not None:
        amount = f"{_number(fig.low)}–{_number(fig.high)}"
    else:
        amount = fig.decimal or _number(fig.value)
    text = " ".join(p for p in (f"{fig.kind}: {amount}", fig.unit, fig.currency) if p)
    text += f" ({fig.qualifier})"
    return text + (f", counted {fig.counted}" if fig.counted else "")


def _attrs(**values: object) -> str:
    return "".join(f' {name.rstrip("_").replace("_", "-")}="{escape(str(v), quote=True)}"' for name, v in values.items() if v is not None)


def _open(span: Span, last: bool) -> str:
    if isinstance(span, Entity):
        cls = f"fx-ent fx-ent-{span.label}" + (" fx-last" if last else "")
        title = f"{span.label}: {span.canonical}" + (f" ({span.id})" if span.id else "")
        return "<span" + _attrs(
            class_=cls,
            data_label=span.label,
            data_canonical=span.canonical,
            data_start=span.start,
            data_end=span.end,
            title=title,
        ) + ">"
    if isinstance(span, Figure):
        return "<span" + _attrs(
            class_="fx-fig",
            data_kind=span.kind,
            data_value=span.decimal or _number(span.value),
            data_qualifier=span.qualifier,
            data_unit=span.unit,
            data_currency=span.currency,
            data_start=span.start,
            data_end=span.end,
            title=figure_summary(span),
        ) + ">"
    if isinstance(span, Period):
        return "<span" + _attrs(class_="fx-period", data_kind=span.kind, data_value=span.value, title=f"{span.kind}: {span.value}") + ">"
    if isinstance(span, Region):
        return "<span" + _attrs(class_="fx-chrome", title=span.reason) + ">"
    return "<span>"


def _marks(doc: Document) -> list[Span]:
    return sorted([*doc.excluded, *doc.entities, *doc.figures, *doc.periods], key=lambda s: (s.start, -s.end))


def _anchored_sentences(doc: Document) -> list[Sentence]:
    """Sentences that get an element of their own: non-empty and not overlapping an earlier one."""
    chosen: list[Sentence] = []
    for sent in sorted(doc.sentences, key=lambda s: (s.start, s.end)):
        if sent.end > sent.start and (not chosen or sent.start >= chosen[-1].end):
            chosen.append(sent)
    return chosen


def _pieces(doc: Document, extra_cuts: set[int]) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, html)`` for every piece between two annotation boundaries."""
    spans = _marks(doc)
    cuts = sorted({0, len(doc.text), *extra_cuts, *(s.start for s in spans), *(s.end for s in spans)})
    active: list[Span] = []
    k = 0
    for a, b in zip(cuts, cuts[1:]):
        active = [s for s in active if s.end > a]
        while k < len(spans) and spans[k].start <= a:
            if spans[k].end > a:
                active.append(spans[k])
            k += 1
        covering = sorted(active, key=lambda s: (s.start, -s.end))
        opened = "".join(_open(s, last=s.end == b) for s in covering)
        yield a, b, opened + escape(doc.text[a:b]) + "</span>" * len(covering)


def _body(doc: Document, prefix: str) -> str:
    sentences = _anchored_sentences(doc)
    bounds = {p for s in sentences for p in (s.start, s.end)}
    starts = {s.start: s for s in sentences}
    ends = {s.end for s in sentences}
    out: list[str] = []
    is_open = False
    for a, b, piece in _pieces(doc, bounds):
        if is_open and a in ends:
            out.append("</span>")
            is_open = False
        if a in starts:
            sent = starts[a]
            out.append("<span" + _attrs(class_="fx-sent", id=f"{prefix}-s{sent.index}", data_index=sent.index) + ">")
            is_open = True
        out.append(piece)
    if is_open:
        out.append("</span>")
    return "".join(out)


def _arg_html(value: object) -> str:
    if isinstance(value, list):
        return " · ".join(_arg_html(v) for v in value)
    if isinstance(value, Entity):
        canon = f' <span class="fx-canon">→ {escape(value.canonical)}</span>' if value.canonical != value.text else ""
        linked = f' <span class="fx-canon">[{escape(value.id)}]</span>' if value.id else ""
        return f"{escape(value.text)}{canon}{linked}"
    if isinstance(value, Figure):
        return f'{escape(value.text)} <span class="fx-canon">= {escape(figure_summary(value))}</span>'
    if isinstance(value, Period):
        return f'{escape(value.text)} <span class="fx-canon">= {escape(value.value)}</span>'
    if isinstance(value, TextSpan):
        return escape(value.text)
    return escape(str(value))


def _evidence_cell(fact: Fact, anchors: dict[tuple[int, int], str]) -> str:
    ev = fact.evidence
    where = f"[{ev.start}, {ev.end})"
    anchor = anchors.get((ev.start, ev.end))
    if anchor is None:
        return where
    return f'<a class="fx-ev"{_attrs(href="#" + anchor, title=ev.text)}>sentence {ev.index}</a> {where}'


def _fact_row(fact: Fact, prefix: str, anchors: dict[tuple[int, int], str]) -> str:
    named = [(name, getattr(fact.args, name)) for name in type(fact.args).model_fields]
    named.append(("attributed to", getattr(fact, "attributed_to", None)))
    args = "".join(
        f'<span class="fx-arg"><b>{escape(name)}</b> {_arg_html(value)}</span>' for name, value in named if value is not None
    )
    modality = getattr(fact, "modality", None)
    kind = escape(fact.type) + (f' <span class="fx-canon">({escape(str(modality))})</span>' if modality not in (None, "actual") else "")
    return (
        f"<tr{_attrs(id=f'{prefix}-{fact.id}', data_type=fact.type)}><td>{kind}</td><td>{args}</td>"
        f"<td>{fact.confidence:.2f}</td><td>{escape(fact.rule)}</td><td>{_evidence_cell(fact, anchors)}</td></tr>"
    )


def _facts_table(doc: Document, prefix: str) -> str:
    if not doc.facts:
        return '<p class="fx-facts">No facts.</p>'
    anchors = {(s.start, s.end): f"{prefix}-s{s.index}" for s in _anchored_sentences(doc)}
    head = "<tr><th>type</th><th>arguments</th><th>confidence</th><th>rule</th><th>evidence</th></tr>"
    return '<table class="fx-facts">' + head + "".join(_fact_row(f, prefix, anchors) for f in doc.facts) + "</table>"


def _header(doc: Document) -> str:
    legend = " ".join(f'<span class="fx-key fx-ent-{label}">{label}</span>' for label in _COLORS)
    counts = f"{len(doc.entities)} entities · {len(doc.figures)} figures · {len(doc.facts)} facts"
    name = escape(doc.doc_id) + " · " if doc.doc_id else ""
    return f'<div class="fx-head">{name}{counts} · {legend}</div>'


def _lang(doc: Document) -> str:
    script = doc.meta.get("script")
    return {"traditional": "zh-Hant", "simplified": "zh-Hans"}.get(script if isinstance(script, str) else "", "zh")


def document_html(doc: Document) -> str:
    """An HTML fragment (with its own ``<style>``) for one document; always a ``str``."""
    prefix = anchor_prefix(doc)
    return (
        f'<div class="fx-view"><style>{STYLE}</style>{_header(doc)}'
        f'<div class="fx-doc" lang="{_lang(doc)}">{_body(doc, prefix)}</div>{_facts_table(doc, prefix)}</div>'
    )


def page_html(doc: Document, title: str = "finextract") -> str:
    """A standalone HTML page (inline CSS, no external assets)."""
    return (
        f'<!DOCTYPE html><html lang="{_lang(doc)}"><head><meta charset="utf-8"><title>{escape(title)}</title></head>'
        f"<body>{document_html(doc)}</body></html>"
    )
