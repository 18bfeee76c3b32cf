"""The learned relation scorer: loading, checksum, determinism, direction, negation, training, FinRE."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

import finextract
from finextract.cli import build_parser, main
from finextract.errors import ConfigError
from finextract.rules.relation_model import (
    CLASSES,
    ModelRelations,
    PairInput,
    RelationScorer,
    apply_steps,
    default_model_dir,
    isotonic_steps,
)
from finextract.rules.relation_train import FINRE_CLASSES, RelTrainConfig, finre_class, load_map_file, locate, read_finre, train_relation_model

ROOT = Path(__file__).resolve().parents[2]
FINRE = ROOT.parent / "shared" / "data" / "finre"

# Sentences written for these tests (company names invented).
FIXTURE = [
    ("东星集团持有融众集团20%股权。", "东星集团", "融众集团"),
    ("融众集团被东星集团收购。", "融众集团", "东星集团"),
    ("东星集团与融众集团签署战略合作协议。", "东星集团", "融众集团"),
    ("东星集团与融众集团在华南市场激烈竞争。", "东星集团", "融众集团"),
    ("东星集团将融众集团告上法庭。", "东星集团", "融众集团"),
    ("东星集团旗下的融众集团今年营收增长。", "东星集团", "融众集团"),
]


def _pair(text: str, a: str, b: str) -> PairInput:
    first, second = locate(text, a, b)  # type: ignore[misc]
    return PairInput(text, first, second)


@pytest.fixture(scope="module")
def scorer() -> RelationScorer:
    return RelationScorer.load()


@pytest.fixture(scope="module")
def with_model() -> finextract.Pipeline:
    return finextract.Pipeline(relation_model=True)


def test_shipped_model_loads_with_verified_checksum(scorer: RelationScorer) -> None:
    card = json.loads((default_model_dir() / "card.json").read_text("utf-8"))
    assert scorer.card["sha256"] == card["sha256"] and scorer.classes == CLASSES
    assert 0.0 < scorer.threshold < 1.0
    assert sum(p.stat().st_size for p in default_model_dir().iterdir()) <= 10 * 1024 * 1024
    assert "FinRE" in json.dumps(card["sources"], ensure_ascii=False) and card["training"]["command"].startswith("finextract train-relations")


def test_checksum_mismatch_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "rel"
    shutil.copytree(default_model_dir(), copy)
    card = json.loads((copy / "card.json").read_text("utf-8"))
    card["sha256"] = "0" * 64
    (copy / "card.json").write_text(json.dumps(card), "utf-8")
    with pytest.raises(ConfigError, match="checksum mismatch"):
        RelationScorer.load(copy)
    with pytest.raises(ConfigError):
        finextract.Pipeline(relation_model=tmp_path / "missing")


def test_outputs_are_deterministic(scorer: RelationScorer) -> None:
    pairs = [_pair(*row) for row in FIXTURE]
    again = RelationScorer.load()
    first, second = scorer.probabilities(pairs), again.probabilities(pairs)
    assert np.array_equal(first, second)
    assert np.allclose(first.sum(axis=1), 1.0)
    assert scorer.predict(pairs) == again.predict(pairs)


@pytest.mark.parametrize(
    ("text", "a", "b", "label"),
    [
        (FIXTURE[0][0], "东星集团", "融众集团", "ownership>"),
        (FIXTURE[1][0], "融众集团", "东星集团", "acquisition<"),
        ("东星集团收购了融众集团。", "东星集团", "融众集团", "acquisition>"),
        (FIXTURE[2][0], "东星集团", "融众集团", "partnership"),
    ],
)
def test_predicted_class_and_direction(scorer: RelationScorer, text: str, a: str, b: str, label: str) -> None:
    (pred,) = scorer.predict([_pair(text, a, b)])
    assert pred.label == label
    assert 0.0 <= pred.confidence <= 1.0


def test_passive_reverses_direction_in_facts(with_model: finextract.Pipeline) -> None:
    doc = with_model("融众集团被东星集团收购。")
    (fact,) = [f for f in doc.facts if f.type == "acquisition"]
    assert (fact.args.acquirer.text, fact.args.target.text) == ("东星集团", "融众集团")


def test_model_facts_fill_pairs_the_rules_miss(with_model: finextract.Pipeline) -> None:
    text = "东星集团旗下的融众集团今年营收增长。"
    rules_only = {f.type for f in finextract.Pipeline()(text).facts}
    doc = with_model(text)
    model_facts = [f for f in doc.facts if f.rule.endswith(".model")]
    for fact in model_facts:
        assert fact.type not in rules_only or fact.rule.split(".")[0] == fact.type
        assert doc.text[fact.evidence.start : fact.evidence.end] == fact.evidence.text
        assert fact.confidence >= with_model.stages[-1].relation_model.scorer.threshold  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text",
    ["东星集团并未收购融众集团。", "如果东星集团收购融众集团，行业格局将改变。", "东星集团会收购融众集团吗？", "東星集團並未收購融眾集團。"],
)
def test_negated_or_hypothetical_gives_no_actual_fact(with_model: finextract.Pipeline, text: str) -> None:
    facts = [f for f in with_model(text).facts if f.type in ("acquisition", "ownership") and f.modality == "actual"]
    assert facts == []


def test_rules_keep_priority(with_model: finextract.Pipeline) -> None:
    text = "东星集团持有融众集团20%股权。"
    facts = [f for f in with_model(text).facts if f.type == "ownership"]
    assert [f.rule for f in facts] == ["ownership.direct"]


def test_isotonic_calibration_is_monotone() -> None:
    x = np.array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
    y = np.array([0, 1, 0, 0, 1, 1, 0, 1, 1], dtype=float)
    lows, values = isotonic_steps(x, y)
    assert np.all(np.diff(values) >= 0) and np.all(values < 1.0)
    out = apply_steps(np.linspace(0, 1, 21), lows, values)
    assert np.all(np.diff(out) >= 0)


def test_finre_labels_and_passives() -> None:
    assert finre_class("持股", head_first=True) == "ownership>"
    assert finre_class("被持股", head_first=True) == "ownership<"
    assert finre_class("被收购", head_first=False) == "acquisition>"
    assert finre_class("合作", head_first=False) == "partnership"
    assert finre_class("unknown", head_first=True) == finre_class("转让", head_first=True) == "none"
    mapped = load_map_file(ROOT / "benchmarks" / "finre_map.json")
    assert {k: v for k, v in mapped.items() if not k.startswith("被")} == FINRE_CLASSES


_NAMES = ["甲星科技", "乙川控股", "丙和银行", "丁原集团", "戊海证券", "己山能源", "庚江医药", "辛桥物流"]
_TEMPLATES = [
    ("{a}持有{b}股份。", "持股"),
    ("{a}与{b}达成合作。", "合作"),
    ("{a}被{b}收购。", "被收购"),
    ("{a}和{b}争夺市场。", "竞争"),
    ("{a}今天发布了年报，{b}也发布了年报。", "unknown"),
]


def _synthetic(path: Path) -> None:
    rows = []
    for i, a in enumerate(_NAMES):
        for b in _NAMES[i + 1 :]:
            for template, label in _TEMPLATES:
                text = template.format(a=a, b=b)
                rows.append({"text": text, "head": a, "tail": b, "relation": label})
                back = "被" + label if label in ("持股",) else ("收购" if label == "被收购" else label)
                rows.append({"text": text, "head": b, "tail": a, "relation": back})
    path.parent.mkdir(parents=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")


def test_training_smoke(tmp_path: Path) -> None:
    data = tmp_path / "finre"
    _synthetic(data / "normalized" / "train.jsonl")
    config = RelTrainConfig(dim=1 << 12, iterations=60, folds=3, l2=1e-4)
    report = train_relation_model(data, tmp_path / "model", config, command="test")
    assert report.train_pairs == len(_NAMES) * (len(_NAMES) - 1) // 2 * len(_TEMPLATES)
    scorer = RelationScorer.load(tmp_path / "model")
    assert scorer.dim == 1 << 12 and scorer.card["training"]["command"] == "test"
    preds = scorer.predict([_pair("甲星科技被辛桥物流收购。", "甲星科技", "辛桥物流"), _pair("乙川控股持有丁原集团股份。", "乙川控股", "丁原集团")])
    assert [p.label for p in preds] == ["acquisition<", "ownership>"]
    train_relation_model(data, tmp_path / "model2", config)
    again = RelationScorer.load(tmp_path / "model2")
    assert np.array_equal(again.weights, scorer.weights) and again.threshold == scorer.threshold


def test_cli_train_relations(tmp_path: Path) -> None:
    data = tmp_path / "finre"
    _synthetic(data / "normalized" / "train.jsonl")
    out = io.StringIO()
    code = main(["train-relations", "--data", str(data), "--out", str(tmp_path / "m"), "--iterations", "5"], stdout=out)
    assert code == 0 and "pairs" in out.getvalue()
    assert ModelRelations.load(tmp_path / "m").scorer.threshold <= 1.0
    err = io.StringIO()
    assert main(["train-relations", "--data", str(tmp_path / "nowhere"), "--out", str(tmp_path / "x")], stderr=err) == 1
    assert "--data" in err.getvalue()


@pytest.mark.skipif(not (FINRE / "normalized" / "valid.jsonl").exists(), reason="FinRE not in ../shared")
def test_finre_valid_pairs_located() -> None:
    examples = read_finre(FINRE / "normalized" / "valid.jsonl")
    assert len(examples) > 600
    assert all(e.pair.first[1] <= e.pair.second[0] for e in examples)
    assert {CLASSES[e.label] for e in examples} == set(CLASSES)


def test_pipeline_and_cli_switch_the_scorer_off() -> None:
    off = finextract.Pipeline(relation_model=False)
    assert off.stages[-1].relation_model is None  # type: ignore[attr-defined]
    assert build_parser().parse_args(["extract", "--no-relation-model"]).relation_model is False
    assert build_parser().parse_args(["extract"]).relation_model is True
    with pytest.raises(ConfigError):
        finextract.Pipeline(relation_model=3.5)
