"""Pipeline construction, the public API and bad input."""

import pytest

import finextract
from finextract import Document, InputError, Pipeline, PipelineError


def test_stage_requirements_are_checked_when_built() -> None:
    with pytest.raises(PipelineError, match="needs"):
        Pipeline(stages=["sentences"])


def test_unknown_backend_is_a_clear_error() -> None:
    with pytest.raises(finextract.BackendNotFoundError, match="rules"):
        Pipeline(ner="nope")


def test_default_pipeline_is_cached() -> None:
    assert finextract.default_pipeline() is finextract.default_pipeline()


def test_document_round_trips_through_json() -> None:
    doc = finextract.extract("工商銀行董事長易會滿說，合作有利於雙方。壞賬率不超過0.3%。", doc_id="t1")
    again = Document.model_validate_json(doc.model_dump_json())
    assert again == doc
    assert again.facts == doc.facts


def test_doc_id_is_deterministic() -> None:
    a = finextract.extract("京東金融與上海銀行合作。")
    b = finextract.extract("京東金融與上海銀行合作。")
    assert a.doc_id == b.doc_id and a.doc_id.startswith("doc-")
    assert [f.id for f in a.facts] == [f.id for f in b.facts]


@pytest.mark.parametrize("text", ["", "   \n\t  ", "\x00\x00", "。。。", "\u3000"])
def test_empty_like_input_gives_empty_result(text: str) -> None:
    doc = finextract.extract(text)
    assert doc.text == text
    assert doc.facts == [] and doc.entities == []


def test_lone_surrogate_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="surrogate"):
        finextract.extract("工行\ud800董事長")


def test_non_text_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="str"):
        finextract.extract(b"bytes")  # type: ignore[arg-type]


def test_nul_bytes_are_processed() -> None:
    text = "工商銀行\x00董事長易會滿說，合作很好。"
    doc = finextract.extract(text)
    for ent in doc.entities:
        assert text[ent.start : ent.end] == ent.text


def test_pipe_accepts_pairs() -> None:
    docs = list(Pipeline().pipe([("a", "京東金融"), "上海銀行"]))
    assert docs[0].doc_id == "a"
    assert docs[1].text == "上海銀行"


def test_five_megabyte_single_line_is_processed() -> None:
    text = ("工商銀行的淨利潤為320億元，同比增長5%，" * 20000)[: 5 * 1024 * 1024 // 3]
    text = text * 3
    doc = finextract.extract(text)
    assert doc.text == text
    assert max(s.end - s.start for s in doc.sentences) <= 600
