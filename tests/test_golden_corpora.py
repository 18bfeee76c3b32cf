"""Golden expectations for the bundled corpus (``corpora/golden``).

Every golden line is one test case.  Lines the pipeline does not meet yet are
listed in ``tests/golden/known_failures.json`` and run as
``xfail(strict=True)``: fixing one makes its test fail until the entry is
removed, so the list always tells the truth.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

import finextract
from finextract import Document, Span
from finextract.normalize import Normalizer

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpora" / "samples"
GOLDEN = ROOT / "corpora" / "golden"
KNOWN = json.loads((Path(__file__).parent / "golden" / "known_failures.json").read_text("utf-8"))


@lru_cache(maxsize=None)
def _doc(stem: str) -> Document:
    return finextract.extract((SAMPLES / f"{stem}.txt").read_text("utf-8"), doc_id=stem)


def _cases() -> list[Any]:
    cases = []
    for path in sorted(GOLDEN.glob("*.jsonl")):
        for lineno, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if not line.strip():
                continue
            case_id = f"{path.stem}:{lineno}"
            marks = []
            if case_id in KNOWN:
                marks.append(pytest.mark.xfail(strict=True, reason=KNOWN[case_id]))
            cases.append(pytest.param(path.stem, json.loads(line), id=case_id, marks=marks))
    return cases


def _text(value: Any) -> str | None:
    return None if value is None else value.text


# Golden keys of the relation facts, checked only when the line has them; a
# null value there means the argument must be absent.
_RELATION_KEYS: dict[str, tuple[str, ...]] = {
    "ownership": ("holder", "held", "action", "stake", "via"),
    "acquisition": ("acquirer", "target", "action", "value", "stake", "part"),
    "competition": (),
    "dispute": ("plaintiff", "defendant"),
    "product_launch": ("org", "product", "action", "date"),
    "appointment": ("person", "change", "title", "org", "action"),
}


def _arg_text(value: Any) -> Any:
    return value if value is None or isinstance(value, str) else value.text


def _relation_matches(args: Any, want: dict[str, Any], names: dict[str, set[str]]) -> bool:
    if "parties" in want and not all(any(_arg_matches(p, w, names) for p in args.parties) for w in want["parties"]):
        return False
    return all(_arg_matches(getattr(args, key), want[key], names) for key in _RELATION_KEYS[want["type"]] if key in want)


def _names(doc: Document) -> dict[str, set[str]]:
    """The canonical names each written name has in ``doc`` (华信资产 → 华信资产管理股份有限公司)."""
    out: dict[str, set[str]] = {}
    for e in doc.entities:
        if e.source != "coreference":
            out.setdefault(e.text, set()).add(e.canonical)
    return out


def _arg_matches(value: Any, written: str | None, names: dict[str, set[str]]) -> bool:
    """An argument as written; an entity may also be another name of the company written (a short form the
    article declares for it: 澪川城投 for 澪川城市建设投资集团有限公司, or the reverse), or a reference (公司, 该行)
    resolved to what is written or to the company the written name names in the document."""
    if _arg_text(value) == written:
        return True
    if written is None or not hasattr(value, "canonical"):
        return False
    if value.source != "coreference":
        return value.canonical in names.get(written, set())
    return value.canonical == _working(written) or value.canonical in names.get(written, set())


def _same_entity(entity: Any, written: str, names: dict[str, set[str]]) -> bool:
    """The entity as written, or a reference (该行) resolved to it."""
    return entity is not None and (entity.text == written or _arg_matches(entity, written, names) or entity.canonical == _working(written))


def _fact_matches(fact: Any, want: dict[str, Any], doc: Document) -> bool:
    names = _names(doc)
    a = fact.args
    if fact.type != want["type"]:
        return False
    if "modality" in want and fact.modality != want["modality"]:
        return False
    if "attributed_to" in want and _text(fact.attributed_to) != want["attributed_to"]:
        return False
    if want["type"] in _RELATION_KEYS:
        return _relation_matches(a, want, names)
    if want["type"] == "role":
        return (
            a.person.text == want["person"]
            and ("title" not in want or a.title.text == want["title"])
            and (want.get("org") is None or _arg_matches(a.org, want["org"], names))
            and ("former" not in want or a.former == want["former"])
        )
    if want["type"] == "partnership":
        parties_ok = all(any(_arg_matches(p, w, names) for p in a.parties) for w in want["parties"])
        return parties_ok and (not want.get("date") or _text(a.date) == want["date"])
    if want["type"] == "metric":
        return (
            ("metric" not in want or a.metric.text == want["metric"])
            and a.value.text == want["value_text"]
            and (want.get("subject") is None or _same_entity(a.subject, want["subject"], names))
            and ("period" not in want or _text(a.period) == want["period"])
        )
    if want["type"] == "quote":
        return a.speaker.text == want["speaker"]
    raise AssertionError(f"unknown fact type in golden file: {want['type']}")


def _working(text: str | None) -> str | None:
    return None if text is None else Normalizer()(text).norm


def _figure_matches(fig: Any, want: dict[str, Any]) -> bool:
    if fig.text != want["text"]:
        return False
    checks = {"figure_kind": "kind", "qualifier": "qualifier", "currency": "currency"}
    for key, attr in checks.items():
        if key in want and getattr(fig, attr) != want[key]:
            return False
    # unit and counted are script-independent (Simplified), like canonical names
    for key in ("unit", "counted"):
        if key in want and getattr(fig, key) != _working(want[key]):
            return False
    return "value" not in want or (fig.value is not None and abs(fig.value - want["value"]) <= 1e-9 * max(1.0, abs(want["value"])))


@pytest.mark.parametrize(("stem", "want"), _cases())
def test_golden_line(stem: str, want: dict[str, Any]) -> None:
    doc = _doc(stem)
    kind = want["kind"]
    if kind == "fact":
        assert want["type"] != "metric" or "metric" in want, "a metric line names its metric (only absent_fact lines may leave it out)"
        assert want["type"] != "role" or "title" in want, "a role line names its title (only absent_fact lines may leave it out)"
        assert any(_fact_matches(f, want, doc) for f in doc.facts), f"missing fact {want}"
    elif kind == "absent_fact":
        assert not any(_fact_matches(f, want, doc) for f in doc.facts), f"unexpected fact {want}"
    elif kind == "entity":
        assert any(e.text == want["text"] and e.label == want["label"] for e in doc.entities), f"missing entity {want}"
    elif kind == "absent_entity":
        assert not any(e.text == want["text"] and e.label == want["label"] for e in doc.entities)
    elif kind == "figure":
        assert any(_figure_matches(g, want) for g in doc.figures), f"missing figure {want}; have {[(g.text, g.kind, g.value) for g in doc.figures]}"
    elif kind == "absent_figure":
        assert not any(want["text"] in g.text for g in doc.figures), f"{want['text']} became a figure"
    else:
        raise AssertionError(f"unknown golden line kind {kind!r}")


@pytest.mark.parametrize("stem", sorted(p.stem for p in SAMPLES.glob("*.txt")))
def test_nothing_comes_from_page_chrome(stem: str) -> None:
    doc = _doc(stem)
    for span in [*doc.entities, *doc.figures, *doc.periods]:
        assert not doc.in_excluded(span.start, span.end), f"{span.text!r} was extracted from page chrome"


@pytest.mark.parametrize("stem", sorted(p.stem for p in SAMPLES.glob("*.txt")))
def test_every_span_points_into_the_original(stem: str) -> None:
    doc = _doc(stem)
    spans = [*doc.entities, *doc.figures, *doc.periods, *doc.sentences, *doc.tokens, *doc.excluded]
    for fact in doc.facts:
        spans.append(fact.evidence)
        for name in type(fact.args).model_fields:
            value = getattr(fact.args, name)
            spans.extend(v for v in (value if isinstance(value, list) else [value]) if isinstance(v, Span))
    for span in spans:
        assert doc.text[span.start : span.end] == span.text
