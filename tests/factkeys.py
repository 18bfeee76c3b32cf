"""Script-independent keys of a document's facts, for comparing two runs."""

from __future__ import annotations

from finextract import Document, Span


def fact_keys(doc: Document, with_offsets: bool = True) -> list[tuple]:
    """Sorted ``(type, rule, modality, args)`` keys; spans by canonical or normalized text."""
    out = []
    for fact in doc.facts:
        args = []
        for name in type(fact.args).model_fields:
            value = getattr(fact.args, name)
            for v in value if isinstance(value, list) else [value]:
                if isinstance(v, Span):
                    key = getattr(v, "canonical", None) or getattr(v, "value", None) or doc.normalized(v)
                    args.append((name, key, v.start, v.end) if with_offsets else (name, key))
                elif v is not None:
                    args.append((name, v))
        out.append((fact.type, fact.rule, fact.modality, fact.confidence, tuple(args)))
    return sorted(out)
