"""HTML view: escaped, well formed, every entity highlighted, evidence linked."""

from __future__ import annotations

from pathlib import Path

import pytest
from htmldom import Node, entity_marks, parse

import finextract
from finextract import Document, Entity, Fact, Figure, Region, Sentence
from finextract.facts import MetricArgs, MetricFact
from finextract.outputs.html import anchor_prefix, page_html, sentence_anchor
from finextract.spans import TextSpan

SAMPLES = Path(__file__).resolve().parents[2] / "corpora" / "samples"


def _doc_view(html: str) -> Node:
    return parse(html).find_all("fx-doc")[0]


def _ent(text: str, full: str, label: str, at: int | None = None, canonical: str | None = None) -> Entity:
    start = full.index(text) if at is None else at
    return Entity(text=text, start=start, end=start + len(text), label=label, canonical=canonical or text)  # type: ignore[arg-type]


def test_html_is_balanced_escaped_and_highlights_entities() -> None:
    doc = finextract.extract("<script>x</script>工商銀行董事長易會滿說，壞賬率不超過0.3%。\n熱門推薦")
    html = doc.to_html()
    assert "<script>x" not in html and "&lt;script&gt;" in html
    root = parse(page_html(doc))
    assert sorted(label for _, _, label in entity_marks(root)) == sorted(e.label for e in doc.entities)
    assert "fx-chrome" in html and "fx-fig" in html
    assert doc._repr_html_() == html


def test_nested_adjacent_and_crossing_spans_stay_well_formed() -> None:
    text = "中國工商銀行北京分行與招商銀行合作，規模約500億元。"
    nested_outer = _ent("中國工商銀行北京分行", text, "ORG")
    nested_inner = _ent("北京", text, "LOC")
    adjacent = _ent("與招商銀行", text, "ORG")  # starts where the outer one ends
    crossing = _ent("合作，規模", text, "PRODUCT")
    start = text.index("規模約500")
    figure = Figure(text="規模約500億元", start=start, end=start + 8, kind="money", value=5e10, currency="CNY", qualifier="approx")
    doc = Document(text=text, entities=[nested_outer, nested_inner, adjacent, crossing], figures=[figure])
    root = parse(doc.to_html())
    assert _doc_view(doc.to_html()).text() == text
    marks = entity_marks(root)
    assert marks == {(e.start, e.end, e.label): e.text for e in doc.entities}
    # One label badge per entity, on its last piece, however many pieces it was cut into.
    lasts = [n for n in root.find_all("fx-ent") if "fx-last" in n.classes]
    assert sorted((int(n.attrs["data-start"]), n.attrs["data-label"]) for n in lasts) == sorted(
        (e.start, e.label) for e in doc.entities
    )
    figs = root.find_all("fx-fig")
    assert "".join(n.text() for n in figs) == figure.text


def test_everything_from_the_document_is_escaped() -> None:
    text = 'A<b>&"\'</b>銀行'
    ent = Entity(text="銀行", start=len(text) - 2, end=len(text), label="ORG", canonical='x"><script>alert(1)</script>', id="<id>")
    region = Region(text="A<b>", start=0, end=4, reason='"><i>')
    doc = Document(doc_id="<doc>", text=text, entities=[ent], excluded=[region])
    html = page_html(doc, title="</title><script>")
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html
    root = parse(html)
    assert _doc_view(html).text() == text
    assert root.find_all("fx-ent")[0].attrs["data-canonical"] == ent.canonical
    assert root.find_all("fx-chrome")[0].attrs["title"] == region.reason


def test_figures_show_their_normalized_reading_on_hover() -> None:
    doc = finextract.extract("據統計，國內互聯網消費信貸餘額約5.8萬億元，京東金融已與400多家銀行合作。")
    root = parse(doc.to_html())
    by_start = {int(n.attrs["data-start"]): n for n in root.find_all("fx-fig")}
    money = next(f for f in doc.figures if f.kind == "money")
    node = by_start[money.start]
    assert node.attrs["data-value"] == "5800000000000" and node.attrs["data-currency"] == "CNY"
    assert node.attrs["data-qualifier"] == "approx"
    assert "5800000000000" in node.attrs["title"] and "CNY" in node.attrs["title"] and "approx" in node.attrs["title"]
    quantity = next(f for f in doc.figures if f.kind == "quantity")
    title = by_start[quantity.start].attrs["title"]
    assert "400" in title and "more_than" in title and "家" in title and "银行" in title


def test_chrome_is_greyed_and_not_a_sentence() -> None:
    path = SAMPLES / "bank_fintech_partnership_zht.txt"
    doc = finextract.extract(path.read_text("utf-8"), doc_id=path.name)
    root = parse(doc.to_html())
    chrome = root.find_all("fx-chrome")
    assert {n.text() for n in chrome} >= {doc.text[r.start : r.end] for r in doc.excluded}
    assert "color:#aaa" in doc.to_html().replace(" ", "")
    sentence_texts = [n.text() for n in root.find_all("fx-sent")]
    assert all("熱門推薦" not in t for t in sentence_texts)


def test_evidence_links_target_the_sentence_anchor() -> None:
    path = SAMPLES / "bank_fintech_partnership_zht.txt"
    doc = finextract.extract(path.read_text("utf-8"), doc_id=path.name)
    html = doc.to_html()
    root = parse(html)
    ids = {n.attrs["id"]: n for n in root.walk() if "id" in n.attrs}
    links = [n for n in root.walk() if n.tag == "a" and "fx-ev" in n.classes]
    assert len(links) == len(doc.facts) > 0
    for link, fact in zip(links, doc.facts):
        target = ids[link.attrs["href"].removeprefix("#")]
        assert "fx-sent" in target.classes and target.text() == fact.evidence.text
    assert ".fx-sent:target" in html and "<script" not in html
    assert all(sentence_anchor(doc, sent) in ids for sent in doc.sentences)


def test_facts_table_lists_type_arguments_canonical_values_confidence_rule() -> None:
    text = "工商銀行董事長易會滿表示，壞賬率不超過0.3%。"
    doc = finextract.extract(text, doc_id="t")
    root = parse(doc.to_html())
    rows = [n for n in root.walk() if n.tag == "tr" and "data-type" in n.attrs]
    assert [r.attrs["data-type"] for r in rows] == [f.type for f in doc.facts]
    role = next(r for r, f in zip(rows, doc.facts) if f.type == "role")
    cells = [c for c in role.children if isinstance(c, Node)]
    assert cells[0].text() == "role" and "role." in cells[3].text()
    assert "person" in cells[1].text() and "易會滿" in cells[1].text() and "易会满" in cells[1].text()
    metric = next(r for r, f in zip(rows, doc.facts) if f.type == "metric")
    assert "0.3" in metric.text() and "at_most" in metric.text()
    fact = next(f for f in doc.facts if f.type == "metric")
    assert f"{fact.confidence:.2f}" in metric.text()


def test_traditional_input_displays_in_traditional() -> None:
    path = SAMPLES / "bank_quarterly_results_zht.txt"
    doc = finextract.extract(path.read_text("utf-8"), doc_id=path.name)
    html = page_html(doc)
    assert _doc_view(html).text() == doc.text
    assert 'lang="zh-Hant"' in html
    for node in parse(html).find_all("fx-ent"):
        if "data-start" in node.attrs:
            assert node.text() in doc.text


@pytest.mark.parametrize(
    "doc",
    [
        Document(text=""),
        Document(text="沒有任何事實。"),
        Document(text="一句。", sentences=[Sentence(text="一句。", start=0, end=3, index=0)]),
    ],
)
def test_always_returns_a_string(doc: Document) -> None:
    for html in (doc.to_html(), doc._repr_html_(), page_html(doc)):
        assert isinstance(html, str)
        parse(html)


def test_evidence_outside_the_sentence_list_still_renders() -> None:
    text = "壞賬率為0.3%。"
    metric = TextSpan(text="壞賬率", start=0, end=3)
    value = Figure(text="0.3%", start=4, end=8, kind="percent", value=0.3, unit="%")
    fact: Fact = MetricFact(
        id="m", rule="test", confidence=0.5, evidence=Sentence(text=text, start=0, end=9, index=0), args=MetricArgs(metric=metric, value=value)
    )
    doc = Document(text=text, figures=[value], facts=[fact])
    html = doc.to_html()
    parse(html)
    assert "[0, 9)" in html and "fx-ev" not in html


def test_two_documents_on_one_page_have_distinct_anchors() -> None:
    a = finextract.extract("工商銀行董事長易會滿表示，合作前景廣闊。", doc_id="a")
    b = finextract.extract("工商銀行董事長易會滿表示，合作前景廣闊。", doc_id="b")
    assert anchor_prefix(a) != anchor_prefix(b)
    assert anchor_prefix(a) == anchor_prefix(finextract.extract(a.text, doc_id="a"))
