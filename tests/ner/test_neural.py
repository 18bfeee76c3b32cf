"""The neural tagger: numpy inference equals the torch network it was exported from."""

from __future__ import annotations

import numpy as np
import pytest

from finextract.ner.features import TEMPLATES
from finextract.ner.neural import NeuralWeights
from finextract.ner.neural_fit import DEFAULT_SETTINGS, allowed_transitions, build_network, export, quantize_rows

TAGS = ("O", "B-PERSON", "I-PERSON", "B-ORG", "I-ORG")


def _tiny_arrays(exported: dict[str, np.ndarray], vocab: int) -> dict[str, np.ndarray]:
    sizes = [0] * len(TEMPLATES)
    sizes[TEMPLATES.index("c0")] = vocab
    arrays = dict(exported)
    arrays.update(
        templates=np.array(TEMPLATES),
        tags=np.array(TAGS),
        vocab=np.array([chr(0x4E00 + k) for k in range(vocab)]),
        vocab_sizes=np.array(sizes, dtype=np.int64),
    )
    return arrays


@pytest.mark.parametrize(("dilations", "guideline"), [([1], None), ([1, 2, 1], None), ([1, 2, 4], None), ([1, 2], "cluener")])
def test_numpy_emissions_equal_torch(dilations: list[int], guideline: str | None) -> None:
    """Equal in evaluation mode, with no corpus (the default) and with a corpus's guideline."""
    torch = pytest.importorskip("torch")
    torch.manual_seed(0)
    vocab = 40
    settings = dict(DEFAULT_SETTINGS, embed=8, hidden=6, dilations=dilations)
    net = build_network(torch, vocab, len(TAGS), 8, settings, allowed_transitions(TAGS))
    with torch.no_grad():
        for p in net.parameters():
            p.add_(torch.randn_like(p) * 0.3)
        q, scale = quantize_rows(net.embed.weight.numpy())
        net.embed.weight.copy_(torch.tensor(q.astype(np.float32) * scale[:, None]))
        net.embed.weight[vocab].zero_()
        net.source.weight[0].zero_()  # "no corpus", as training keeps it
    net.eval()
    rows_of = {"msra_train": 1, "cluener": 2}
    weights = NeuralWeights.from_arrays(_tiny_arrays(export(net, settings), vocab), {"guidelines": rows_of}).for_guideline(guideline)
    source = torch.tensor([rows_of.get(guideline or "", 0)])
    rng = np.random.default_rng(1)
    lengths = [7, 1, 12, 3]
    ids = rng.integers(-1, vocab, size=sum(lengths))
    rows = np.full((len(TEMPLATES), len(ids)), -1, dtype=np.int64)
    rows[TEMPLATES.index("c0")] = ids
    ours = weights.emissions(rows, lengths)
    at = 0
    for n, mine in zip(lengths, ours):
        piece = np.where(ids[at : at + n] < 0, vocab, ids[at : at + n])
        batch = torch.full((1, len(TEMPLATES), n), vocab, dtype=torch.long)
        batch[0, TEMPLATES.index("c0")] = torch.tensor(piece)
        with torch.no_grad():
            theirs = net.emissions(batch, torch.ones(1, n, dtype=torch.bool), source)[0].numpy()
        np.testing.assert_allclose(mine, theirs, rtol=1e-4, atol=1e-4)
        at += n


def test_guidelines_change_the_input_bias_only_when_asked() -> None:
    """No guideline decodes with no corpus; an unknown one is refused with the known ones named."""
    from finextract.errors import ConfigError

    rng = np.random.default_rng(3)
    settings = dict(DEFAULT_SETTINGS, embed=4, hidden=4, dilations=[1])
    exported = {
        "embed_q": np.ones((6, 4), dtype=np.int8),
        "embed_scale": np.full(6, 0.1, dtype=np.float32),
        "in_bias": np.zeros(4, dtype=np.float32),
        "dilations": np.array(settings["dilations"]),
        "conv0_w": rng.normal(size=(4, 12)).astype(np.float32),
        "conv0_b": np.zeros(4, dtype=np.float32),
        "out_w": rng.normal(size=(4, len(TAGS))).astype(np.float32),
        "out_b": np.zeros(len(TAGS), dtype=np.float32),
        "start": np.zeros(len(TAGS), dtype=np.float32),
        "transitions": np.zeros((len(TAGS), len(TAGS)), dtype=np.float32),
        "sources": np.vstack([np.zeros(4), rng.normal(size=(2, 4))]).astype(np.float32),
    }
    weights = NeuralWeights.from_arrays(_tiny_arrays(exported, 5), {"guidelines": {"msra_train": 1, "cluener": 2}})
    rows = np.full((len(TEMPLATES), 3), -1, dtype=np.int64)
    rows[TEMPLATES.index("c0")] = [0, 1, 2]
    plain = weights.emissions(rows, [3])[0]
    assert weights.guideline is None
    np.testing.assert_array_equal(weights.for_guideline(None).emissions(rows, [3])[0], plain)
    msra, cluener = (weights.for_guideline(g).emissions(rows, [3])[0] for g in ("msra_train", "cluener"))
    assert not np.allclose(msra, plain) and not np.allclose(msra, cluener)
    with pytest.raises(ConfigError, match="choose one of: cluener, msra_train"):
        weights.for_guideline("weibo")
    with pytest.raises(ConfigError, match="no 'sources' array"):
        NeuralWeights.from_arrays(_tiny_arrays({k: v for k, v in exported.items() if k != "sources"}, 5), {"guidelines": {"cluener": 2}})


def test_quantized_rows_round_trip_within_half_a_step() -> None:
    table = np.random.default_rng(2).normal(size=(50, 16)).astype(np.float32)
    q, scale = quantize_rows(table)
    assert q.dtype == np.int8
    assert np.all(np.abs(q.astype(np.float32) * scale[:, None] - table) <= scale[:, None] / 2 + 1e-7)


def test_tiny_training_run_round_trips_through_the_model_directory(tmp_path, backend, segmenter, generated) -> None:  # type: ignore[no-untyped-def]
    """Vocabulary, arrays, torch training and the exported model directory, end to end."""
    pytest.importorskip("torch")
    from finextract.ner.labels import load_label_scheme
    from finextract.ner.lookup import FeatureRows
    from finextract.ner.model import ModelBackend
    from finextract.ner.neural_data import NEURAL_TEMPLATES, build_lookups, count_values, encode, tag_array
    from finextract.ner.neural_fit import fit
    from finextract.ner.neural_train import write_neural_model
    from finextract.ner.train import sentence_input

    tags = load_label_scheme().bio_tags
    data = generated(0, 80)
    inputs = [sentence_input(text, segmenter) for text, _ in data]
    lookups = build_lookups(count_values(inputs, backend.lexicons), 1, NEURAL_TEMPLATES)
    features = FeatureRows.build(lookups, backend.lexicons)
    encoded = encode(inputs, [tag_array(len(t), s, tags) for t, s in data], ["msra_train"] * len(data), features)
    arrays = {"vocab_size": np.array(sum(map(len, lookups))), "tags": np.array(tags)}
    for name in ("train", "valid"):
        arrays.update({f"{name}_rows": encoded.rows, f"{name}_tags": encoded.tags, f"{name}_lengths": encoded.lengths, f"{name}_sources": encoded.sources})
    settings = dict(DEFAULT_SETTINGS, embed=16, hidden=16, epochs=12, batch_size=16, lr=0.01, dropout=0.0)
    weights, report = fit(arrays, settings)
    assert report["history"][-1]["valid"]["f1"] > 90
    write_neural_model(tmp_path / "tiny", lookups, weights, {"name": "tiny", "architecture": "cnn-crf"})
    tiny = ModelBackend.load(tmp_path / "tiny")
    text = "东方证券董事长陈静洋表示业绩增长。"
    assert tiny.tag([sentence_input(text, segmenter)]) == [[(0, 4, "ORG"), (4, 7, "TITLE"), (7, 10, "PERSON")]]


def test_train_command_writes_a_loadable_neural_model(tmp_path, generated) -> None:  # type: ignore[no-untyped-def]
    """``finextract train --arch cnn`` on a data directory laid out like the shared one."""
    import gzip
    import io
    import json

    pytest.importorskip("torch")
    from finextract.cli import main
    from finextract.ner.model import ModelBackend

    records = [
        json.dumps({"text": t, "entities": [{"start": s, "end": e, "label": lab} for s, e, lab in spans]}, ensure_ascii=False)
        for t, spans in generated(1, 60)
    ]
    msra = [r.replace('"TITLE"', '"X"').replace('"PERSON"', '"PER"') for r in records]
    layout = (
        ("msra_train/normalized/train.jsonl.gz", msra), ("cluener/normalized/train.jsonl", records),
        ("cluener/normalized/dev.jsonl", records[:10]), ("resume/normalized/train.jsonl", records),
    )
    for path, lines in layout:
        target = tmp_path / "data" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        payload = ("\n".join(lines) + "\n").encode("utf-8")
        target.write_bytes(gzip.compress(payload) if path.endswith(".gz") else payload)
    out = io.StringIO()
    args = ["train", "--arch", "cnn", "--data", str(tmp_path / "data"), "--out", str(tmp_path / "m"), "--epochs", "2", "--oversample", "cluener=2"]
    code = main(args, stdout=out, stderr=io.StringIO())
    assert code == 0 and "wrote" in out.getvalue()
    card = json.loads((tmp_path / "m" / "card.json").read_text("utf-8"))
    assert card["training"]["config"]["oversample"] == {"cluener": 2}
    assert card["training"]["command"].endswith("--epochs 2 --oversample cluener=2")
    assert {"heldout", "heldout_guided", "cluener_dev", "cluener_dev_guided"} <= set(card["training"]["history"][0])
    assert "cluener_dev_guided" in card["quality"]["selected_epoch_decoded_in_torch"]
    assert card["architecture"].startswith("cnn-crf") and card["span_filters"] == ["person"]
    assert card["training"]["counts"]["train"] > 0 and card["training"]["command"].startswith("finextract train --arch cnn")
    assert type(ModelBackend.load(tmp_path / "m").weights).__name__ == "NeuralWeights"
    assert card["guidelines"] == {"msra_train": 1, "cluener": 2, "resume": 3}
    assert ModelBackend.load(tmp_path / "m", guideline="cluener").weights.guideline == "cluener"


def test_config_defaults_equal_the_fit_script_defaults() -> None:
    from finextract.ner.neural_train import NeuralTrainConfig

    from finextract.ner.neural_data import SOURCES
    from finextract.ner.neural_fit import SOURCE_SLOTS

    settings = NeuralTrainConfig().fit_settings()
    assert {**settings, "dilations": list(settings["dilations"])} == DEFAULT_SETTINGS
    assert len(SOURCES) <= SOURCE_SLOTS


def test_repeat_setting_shows_a_corpus_several_times_per_epoch() -> None:
    """``repeat`` (corpus id → times) oversamples that corpus's sentences in every epoch's batches."""
    from finextract.ner.neural_fit import SentenceSet

    n = 10
    arrays = {
        "train_rows": np.zeros((2, 3 * n), dtype=np.int32),
        "train_tags": np.zeros(3 * n, dtype=np.int8),
        "train_lengths": np.full(n, 3, dtype=np.int32),
        "train_sources": np.array([1] * 6 + [2] * 4, dtype=np.int8),
    }
    data = SentenceSet(arrays, "train", vocab_size=5)
    plain = np.concatenate(data.batches(4, np.random.default_rng(0)))
    repeated = np.concatenate(data.batches(4, np.random.default_rng(0), repeat={"2": 3}))
    assert sorted(plain.tolist()) == list(range(n))
    assert np.bincount(repeated, minlength=n).tolist() == [1] * 6 + [3] * 4


def test_oversample_config_names_corpora_and_reaches_the_fit_settings() -> None:
    from finextract.errors import ConfigError
    from finextract.ner.neural_train import NeuralTrainConfig

    assert NeuralTrainConfig(oversample=(("cluener", 3),)).fit_settings()["repeat"] == {"2": 3}
    with pytest.raises(ConfigError, match="cluener"):
        NeuralTrainConfig(oversample=(("clunr", 3),)).fit_settings()
    with pytest.raises(ConfigError, match="at least 1"):
        NeuralTrainConfig(oversample=(("cluener", 0),)).fit_settings()


def test_train_command_refuses_a_malformed_oversample(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import io

    from finextract.cli import main

    err = io.StringIO()
    code = main(["train", "--arch", "cnn", "--data", str(tmp_path), "--out", str(tmp_path / "m"), "--oversample", "cluener"], stdout=io.StringIO(), stderr=err)
    assert code != 0 and "CORPUS=N" in err.getvalue()
