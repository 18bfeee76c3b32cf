"""HTML view of a document: highlighted entities and figures, greyed chrome, facts table.

The text is cut at every annotation boundary; each piece is wrapped in the
marks that cover it, so nested, adjacent and crossing annotations all render
as well-formed HTML.  Everything from the document is escaped.
"""

from __future__ import annotations

from html import escape

from ..document import Document
from ..spans import Entity, Figure, Region, Span

_COLORS = {
    "PERSON": "#ffd7a8",
    "ORG": "#b7e1ff",
    "LOC": "#c8f0c0",
    "TITLE": "#f0d0ff",
    "PRODUCT": "#ffe9a8",
}

STYLE = """
.fx-doc{font-family:system-ui,sans-serif;line-height:1.8;white-space:pre-wrap}
.fx-ent{border-radius:3px;padding:0 1px}
.fx-ent[data-label]::after{content:attr(data-label);font-size:.6em;vertical-align:super;color:#555;margin-left:1px}
.fx-fig{border-bottom:2px solid #d33}
.fx-chrome{color:#aaa}
.fx-facts{border-collapse:collapse;margin-top:1em;font-family:system-ui,sans-serif;font-size:.9em}
.fx-facts td,.fx-facts th{border:1px solid #ccc;padding:2px 6px;text-align:left}
""" + "".join(f".fx-ent-{label}{{background:{color}}}\n" for label, color in _COLORS.items())


def _open(span: Span) -> str:
    if isinstance(span, Entity):
        title = escape(f"{span.label}: {span.canonical}" + (f" ({span.id})" if span.id else ""), quote=True)
        return f'<span class="fx-ent fx-ent-{span.label}" data-label="{span.label}" title="{title}">'
    if isinstance(span, Figure):
        parts = [span.kind, f"value={span.value}"]
        parts += [f"{k}={getattr(span, k)}" for k in ("qualifier", "unit", "currency", "counted") if getattr(span, k)]
        return f'<span class="fx-fig" data-kind="{span.kind}" title="{escape(" ".join(parts), quote=True)}">'
    if isinstance(span, Region):
        return f'<span class="fx-chrome" title="{escape(span.reason, quote=True)}">'
    return "<span>"


def _body(doc: Document) -> str:
    spans: list[Span] = sorted([*doc.excluded, *doc.entities, *doc.figures], key=lambda s: (s.start, -s.end))
    cuts = sorted({0, len(doc.text), *(s.start for s in spans), *(s.end for s in spans)})
    out = []
    active: list[Span] = []
    k = 0
    for a, b in zip(cuts, cuts[1:]):
        active = [s for s in active if s.end > a]
        while k < len(spans) and spans[k].start <= a:
            if spans[k].end > a:
                active.append(spans[k])
            k += 1
        covering = sorted(active, key=lambda s: (s.start, -s.end))
        piece = escape(doc.text[a:b])
        out.append("".join(_open(s) for s in covering) + piece + "</span>" * len(covering))
    return "".join(out)


def _arg_text(value: object) -> str:
    if isinstance(value, list):
        return " · ".join(_arg_text(v) for v in value)
    if isinstance(value, Entity):
        return f"{value.text} [{value.canonical}]" if value.canonical != value.text else value.text
    if isinstance(value, Figure):
        return f"{value.text} = {value.value} {value.unit or ''} {value.currency or ''} ({value.qualifier})".strip()
    if isinstance(value, Span):
        return value.text
    return "" if value is None else str(value)


def _facts_table(doc: Document) -> str:
    if not doc.facts:
        return '<p class="fx-facts">No facts.</p>'
    rows = ["<tr><th>type</th><th>arguments</th><th>confidence</th><th>rule</th><th>evidence</th></tr>"]
    for fact in doc.facts:
        args = "; ".join(
            f"{name}: {escape(_arg_text(getattr(fact.args, name)))}"
            for name in type(fact.args).model_fields
            if getattr(fact.args, name) is not None
        )
        rows.append(
            f"<tr><td>{fact.type}</td><td>{args}</td><td>{fact.confidence:.2f}</td>"
            f"<td>{escape(fact.rule)}</td><td>[{fact.evidence.start}, {fact.evidence.end})</td></tr>"
        )
    return '<table class="fx-facts">' + "".join(rows) + "</table>"


def document_html(doc: Document) -> str:
    """An HTML fragment (with its own ``<style>``) for one document."""
    return f"<div><style>{STYLE}</style><div class=\"fx-doc\">{_body(doc)}</div>{_facts_table(doc)}</div>"


def page_html(doc: Document, title: str = "finextract") -> str:
    """A standalone HTML page (inline CSS, no external assets)."""
    return (
        f'<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>{escape(title)}</title></head>'
        f"<body>{document_html(doc)}</body></html>"
    )
