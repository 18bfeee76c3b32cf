"""The built-in NER model: loading, checksum, exact regression outputs, training, eval."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from finextract.cli import main
from finextract.errors import ConfigError
from finextract.ner.base import SentenceInput
from finextract.ner.evaluate import evaluate_file
from finextract.ner.model import ModelBackend, default_model_dir, spans_from_tags
from finextract.ner.train import sentence_input

FIXTURES = Path(__file__).parent / "fixtures"


def test_shipped_model_loads_with_verified_checksum(backend: ModelBackend) -> None:
    card = json.loads((default_model_dir() / "card.json").read_text("utf-8"))
    assert backend.weights.card["sha256"] == card["sha256"]
    assert backend.weights.tags[0] == "O" and {"B-PERSON", "I-ORG", "B-TITLE"} <= set(backend.weights.tags)
    total = sum(p.stat().st_size for p in default_model_dir().iterdir())
    assert total <= 40 * 1024 * 1024


def test_corrupted_weights_raise_a_clear_error(tmp_path: Path) -> None:
    copy = tmp_path / "m"
    shutil.copytree(default_model_dir(), copy)
    data = bytearray((copy / "weights.npz").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (copy / "weights.npz").write_bytes(bytes(data))
    with pytest.raises(ConfigError, match="checksum mismatch"):
        ModelBackend.load(copy)


def test_missing_model_directory_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="finextract train"):
        ModelBackend.load(tmp_path / "nothing")


# Written for this test; the expected spans are each shipped model's output,
# checked by hand to be right, so that a retrained model that loses any of
# them shows up in review.  Neither backend tags 行长 or 总理 here (the title
# lexicon layered on top in the NER stage does); the neural tagger finds
# 副总经理 itself.
REGRESSION = [
    ("招商银行行长田惠宇在深圳表示，零售业务仍是重点。", [(0, 4, "ORG"), (6, 9, "PERSON"), (10, 12, "LOC")]),
    ("中国平安保险集团股份有限公司今日发布公告。", [(0, 14, "ORG")]),
    ("国务院总理李强在北京会见了美国财政部长。", [(0, 3, "ORG"), (5, 7, "PERSON"), (8, 10, "LOC"), (13, 18, "ORG")]),
    ("华夏基金管理有限公司副总经理张伟辞职。", [(0, 10, "ORG"), (14, 16, "PERSON")]),
]


REGRESSION_DEFAULT = REGRESSION[:3] + [
    ("华夏基金管理有限公司副总经理张伟辞职。", [(0, 10, "ORG"), (10, 14, "TITLE"), (14, 16, "PERSON")]),
]


@pytest.mark.parametrize(("text", "expected"), REGRESSION_DEFAULT)
def test_shipped_model_exact_spans(backend: ModelBackend, segmenter, text: str, expected: list[tuple[int, int, str]]) -> None:  # type: ignore[no-untyped-def]
    assert backend.tag([sentence_input(text, segmenter)]) == [expected]


@pytest.mark.parametrize(("text", "expected"), REGRESSION)
def test_shipped_crf_exact_spans(crf_backend: ModelBackend, segmenter, text: str, expected: list[tuple[int, int, str]]) -> None:  # type: ignore[no-untyped-def]
    assert crf_backend.tag([sentence_input(text, segmenter)]) == [expected]


def test_default_model_is_the_neural_tagger_and_the_crf_is_shipped_beside_it(backend: ModelBackend, crf_backend: ModelBackend) -> None:
    assert backend.weights.card["architecture"].startswith("cnn-crf")
    assert type(backend.weights).__name__ == "NeuralWeights"
    assert type(crf_backend.weights).__name__ == "CrfWeights"
    total = sum(p.stat().st_size for d in (default_model_dir(), default_model_dir("finextract-ner-crf")) for p in d.iterdir())
    assert total <= 40 * 1024 * 1024


def test_guidelines_label_as_each_corpus_did(backend: ModelBackend, segmenter) -> None:  # type: ignore[no-untyped-def]
    """MSRA annotates no titles; CLUENER marks positions and leaves a country before 总统 unlabelled."""
    assert sorted(backend.weights.guidelines) == ["cluener", "msra_train", "resume"]
    inputs = [sentence_input(t, segmenter) for t in ("招商银行行长田惠宇在深圳表示。", "美国总统特朗普访问日本。")]
    msra, cluener = (ModelBackend(backend.weights.for_guideline(g)).tag(inputs) for g in ("msra_train", "cluener"))
    assert msra == [[(0, 4, "ORG"), (6, 9, "PERSON"), (10, 12, "LOC")], [(0, 2, "LOC"), (4, 7, "PERSON"), (9, 11, "LOC")]]
    assert cluener == [[(0, 4, "ORG"), (4, 6, "TITLE"), (6, 9, "PERSON"), (10, 12, "LOC")], [(2, 4, "TITLE"), (4, 7, "PERSON"), (9, 11, "LOC")]]
    assert backend.weights.guideline is None  # for_guideline returns new weights


def test_guideline_errors_say_what_to_do(segmenter) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConfigError, match="choose one of: cluener, msra_train, resume"):
        ModelBackend.load(guideline="weibo")
    with pytest.raises(ConfigError, match="CRF and has no guidelines"):
        ModelBackend.load("finextract-ner-crf", guideline="cluener")
    out, err = io.StringIO(), io.StringIO()
    code = main(["extract", "--ner-guideline", "weibo"], stdin=io.BytesIO("招商银行行长田惠宇表示。".encode()), stdout=out, stderr=err)
    assert code != 0
    assert "choose one of" in err.getvalue()


def test_pipeline_guideline_reaches_the_backend_and_batch_workers() -> None:
    import finextract
    from finextract.batch import pipeline_spec

    nlp = finextract.Pipeline(["normalize", "sentences", "segment", "ner"], ner_guideline="cluener")
    assert nlp.stages[-1].backend.weights.guideline == "cluener"
    assert pipeline_spec(nlp)["ner_guideline"] == "cluener"
    titles = {e.text for e in nlp("招商銀行行長田惠宇表示。").entities if e.label == "TITLE"}
    assert titles == {"行長"}


def test_span_filters_follow_the_card(crf_backend: ModelBackend, segmenter) -> None:  # type: ignore[no-untyped-def]
    from finextract.ner.model import span_filters

    # 筹备 is a jieba verb inside the committee's name: the CRF's card drops such spans, the default filters do not.
    sent = sentence_input("澳门特别行政区筹备委员会今天开会。", segmenter)
    verb, person = span_filters({"span_filters": ["verb"]}), span_filters({})
    assert not all(f(sent, 0, 12, "ORG") for f in verb)
    assert all(f(sent, 0, 12, "ORG") for f in person)
    assert crf_backend.weights.card["span_filters"] == ["person", "verb"]
    with pytest.raises(ConfigError, match="unknown span filters"):
        span_filters({"span_filters": ["shape"]})


def test_products_and_pronouns_are_not_persons(any_backend: ModelBackend, segmenter) -> None:  # type: ignore[no-untyped-def]
    texts = ["京东金融推出的白条和金条产品受到年轻人欢迎。", "他说，她们和我们都认为白条风险可控。", "小李和老王都用过金条。"]
    inputs = [sentence_input(t, segmenter) for t in texts]
    for text, cands in zip(texts, any_backend.predict(inputs)):
        persons = {text[c.start : c.end] for c in cands if c.label == "PERSON"}
        assert not persons & {"白条", "金条", "他", "她们", "我们", "白", "金", "李", "王", "小李", "老王"}, (text, persons)
    for text, spans in zip(texts, any_backend.tag(inputs)):
        persons = {text[s:e] for s, e, label in spans if label == "PERSON"}
        assert not persons & {"白条", "金条", "他", "她们", "我们", "白", "金"}, (text, persons)


def test_batch_decoding_equals_one_by_one(any_backend: ModelBackend, segmenter) -> None:  # type: ignore[no-untyped-def]
    inputs = [sentence_input(t, segmenter) for t, _ in REGRESSION] + [SentenceInput("")]
    together = any_backend.tag(inputs)
    assert together == [any_backend.tag([s])[0] for s in inputs]
    assert together[-1] == []


def test_grouped_tagging_equals_one_group(any_backend: ModelBackend, segmenter) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    inputs = [sentence_input(t, segmenter) for t, _ in REGRESSION] * 3 + [SentenceInput("")]
    small = dataclasses.replace(any_backend, group_chars=30)
    assert small.tag(inputs) == dataclasses.replace(any_backend, group_chars=10**9).tag(inputs)


def test_spans_from_tags_never_starts_with_inside() -> None:
    tags = ("O", "B-ORG", "I-ORG", "B-PERSON", "I-PERSON")
    assert spans_from_tags(tags, np.array([1, 2, 0, 3, 4, 4, 1])) == [(0, 2, "ORG"), (3, 6, "PERSON"), (6, 7, "ORG")]


def test_pipeline_model_backend(tmp_path: Path) -> None:
    import finextract

    doc = finextract.Pipeline(ner="model")("招商銀行行長田惠宇在深圳表示，零售業務仍是重點。")
    assert doc.meta["ner"] == "model"
    assert {(e.text, e.label) for e in doc.entities} >= {("招商銀行", "ORG"), ("田惠宇", "PERSON")}


def test_tiny_training_run(tmp_path: Path, segmenter, generated) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("pycrfsuite")
    from finextract.ner.labels import load_label_scheme
    from finextract.ner.train import TrainConfig, export_arrays, fit, to_example, write_model

    mapping = load_label_scheme().mapping("finextract")
    records = [{"text": t, "entities": [{"start": s, "end": e, "label": lab} for s, e, lab in spans]} for t, spans in generated(0, 60)]
    examples = [to_example(r, mapping, "generated") for r in records]
    config = TrainConfig(max_iterations=30)
    tagger = fit(examples, config, tmp_path / "m.crfsuite")
    card = write_model(export_arrays(tagger, load_label_scheme()), tmp_path / "tiny", {"name": "tiny"})
    assert len(card["sha256"]) == 64
    tiny = ModelBackend.load(tmp_path / "tiny")
    text = "东方证券董事长陈静洋表示业绩增长。"
    assert tiny.tag([sentence_input(text, segmenter)]) == [[(0, 4, "ORG"), (4, 7, "TITLE"), (7, 10, "PERSON")]]


def test_eval_function_and_command() -> None:
    gold = FIXTURES / "ner_gold.jsonl"
    scores = evaluate_file(gold, ner="model").as_dict()
    assert scores["sentences"] == 3
    assert set(scores) >= {"ORG", "PERSON", "LOC", "TITLE", "micro"}
    assert scores["micro"]["gold"] == 6
    out = io.StringIO()
    assert main(["eval", str(gold), "--ner", "rules", "--json"], stdout=out, stderr=io.StringIO()) == 0
    rules = json.loads(out.getvalue())
    assert rules["micro"]["gold"] == 6 and 0.0 <= rules["micro"]["f1"] <= 100.0
    table = io.StringIO()
    assert main(["eval", str(gold), "--ner", "model", "--backend-only"], stdout=table, stderr=io.StringIO()) == 0
    assert table.getvalue().startswith("| label | P | R | F1 |")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(alphabet="工商银行董事长易会满在北京表示《》“”（）、，。 0123abc\x02\U00020000", max_size=30), min_size=1, max_size=4))
def test_candidates_are_ordered_in_bounds_and_trimmed(any_backend: ModelBackend, segmenter, texts: list[str]) -> None:  # type: ignore[no-untyped-def]
    from finextract.ner.features import char_class

    inputs = [sentence_input(t, segmenter) for t in texts]
    for sent, cands in zip(inputs, any_backend.predict(inputs)):
        ends = 0
        for c in cands:
            assert ends <= c.start < c.end <= len(sent.text)
            assert c.label in ("PERSON", "ORG", "LOC", "TITLE")
            assert char_class(sent.text[c.start]) not in "PS"
            ends = c.end


def test_a_sentence_longer_than_a_group_is_tagged_whole(any_backend: ModelBackend, segmenter) -> None:  # type: ignore[no-untyped-def]
    text = "招商银行行长田惠宇在深圳表示零售业务仍是重点" * 900  # 20,700 characters, no sentence end
    (spans,) = any_backend.tag([sentence_input(text, segmenter)])
    assert len(spans) > 900 and spans[-1][1] <= len(text)


def test_person_filter_drops_the_inside_of_a_common_noun() -> None:
    from finextract.ner.model import person_ok

    sent = SentenceInput("恒信银行股东应占溢利为98.6亿港元", ((0, 2, "nz"), (2, 4, "n"), (4, 10, "n"), (10, 11, "p")))
    assert not person_ok(sent, 7, 10)  # 占溢利 ends a dictionary noun
    opening = SentenceInput("毛泽东思想", ((0, 5, "n"),))
    assert person_ok(opening, 0, 3)  # a name may open one
    assert not person_ok(SentenceInput("他说", ((0, 1, "r"), (1, 2, "v"))), 0, 2)
