"""The ``hanlp`` NER backend: a tiny HanLP model trained here, loading, offsets, offline errors.

The HanLP tests train a small ``RNNNamedEntityRecognizer`` with HanLP's own
trainer on generated sentences (a few seconds on one core) and skip cleanly
where hanlp or torch is not installed (``pip install 'finextract[hanlp]'``).
"""

from __future__ import annotations

import importlib.util
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any, Iterator

import pytest

import finextract
from finextract.errors import ConfigError
from finextract.ner.base import SentenceInput

HAS_HANLP = importlib.util.find_spec("hanlp") is not None and importlib.util.find_spec("torch") is not None
needs_hanlp = pytest.mark.skipif(not HAS_HANLP, reason="hanlp and torch are not installed: pip install 'finextract[hanlp]'")

# ---------------------------------------------------------------- generated training data

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"
ORG_HEADS = ["华信", "长江", "东方", "瀚海", "金桥", "鼎丰", "中盛", "远航", "恒泰", "嘉禾", "天元", "宏达"]
ORG_SUFFIXES = ["银行", "集团", "证券", "保险"]
TEMPLATES = [
    "{p}表示，{o}今年业绩稳定。",
    "{o}董事长{p}说，合作将继续。",
    "据{o}消息，{p}出席了会议。",
    "{p}认为{o}的发展前景良好。",
    "{o}与{p}签署了协议。",
]


def _tagged(template: str, person: str, org: str) -> list[tuple[str, str]]:
    """Characters of one filled template with BIO tags."""
    out: list[tuple[str, str]] = []
    rest = template
    while "{" in rest:
        head, _, tail = rest.partition("{")
        slot, _, rest = tail.partition("}")
        entity, tag = (person, "PER") if slot == "p" else (org, "ORG")
        out += [(c, "O") for c in head]
        out += [(c, ("B-" if k == 0 else "I-") + tag) for k, c in enumerate(entity)]
    return out + [(c, "O") for c in rest]


def write_training_tsv(path: Path, n: int, rng: random.Random) -> None:
    """``n`` generated sentences in HanLP's tagging TSV format (token, tag; blank line between sentences)."""
    lines = []
    for _ in range(n):
        person = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        org = rng.choice(ORG_HEADS) + rng.choice(ORG_SUFFIXES)
        lines += [f"{c}\t{t}" for c, t in _tagged(rng.choice(TEMPLATES), person, org)] + [""]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A HanLP RNN NER model trained from scratch on 300 generated sentences, saved to a temp dir."""
    if not HAS_HANLP:
        pytest.skip("hanlp and torch are not installed")
    import torch
    from hanlp.components.ner.rnn_ner import RNNNamedEntityRecognizer

    torch.set_num_threads(1)
    root = tmp_path_factory.mktemp("hanlp_tiny")
    rng = random.Random(5)
    write_training_tsv(root / "train.tsv", 300, rng)
    write_training_tsv(root / "dev.tsv", 30, rng)
    save_dir = root / "model"
    # crf=False: the CRF path of HanLP 2.1.5-2.1.7 passes its constraints as batch_first.
    RNNNamedEntityRecognizer().fit(
        str(root / "train.tsv"), str(root / "dev.tsv"), str(save_dir),
        epochs=8, embed=32, rnn_hidden=64, drop=0.2, lr=0.01, batch_size=32,
        crf=False, tagging_scheme="BIO", seed=1, devices=-1, verbose=False,
    )
    assert (save_dir / "config.json").is_file()
    return save_dir


@pytest.fixture(scope="module")
def backend(tiny_model: Path) -> Any:
    from finextract.ner.hanlp import HanlpBackend

    return HanlpBackend.load(tiny_model)


@pytest.fixture(autouse=True)
def restore_environment() -> Iterator[None]:
    """The backend sets HANLP_HOME and Hugging Face's offline flags for the process; undo that after each test."""
    names = ("HANLP_HOME", "HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")
    saved = {name: os.environ.get(name) for name in names}
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture()
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Any connection attempt fails the test instead of reaching out."""

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError(f"network access attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    yield


# ---------------------------------------------------------------- without hanlp


def test_import_finextract_never_imports_hanlp_or_torch() -> None:
    code = "import sys, finextract; finextract.Pipeline(); print(sorted(m for m in ('hanlp', 'torch') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_missing_hanlp_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from finextract.ner.hanlp import HanlpBackend, MissingHanlpError

    monkeypatch.setitem(sys.modules, "hanlp", None)  # makes `import hanlp` raise ImportError
    with pytest.raises(MissingHanlpError, match=r"pip install 'finextract\[hanlp\]'") as info:
        HanlpBackend.load("anything")
    assert "PyTorch" in str(info.value) and isinstance(info.value, ConfigError)


def test_tag_table_maps_the_hanlp_tag_sets() -> None:
    from finextract.ner.hanlp import load_hanlp_labels

    labels = load_hanlp_labels()
    expected = {
        "PERSON": "PERSON", "ORGANIZATION": "ORG", "LOCATION": "LOC",  # MSRA
        "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "PRODUCT": "PRODUCT",  # OntoNotes
        "PER": "PERSON", "nr": "PERSON", "NT": "ORG",  # short, PKU, old MSRA
    }
    assert {tag: labels.label(tag) for tag in expected} == expected
    assert [labels.label(t) for t in ("DATE", "MONEY", "NORP", "FAC", "INTEGER")] == [None] * 5


def test_token_spans_and_offsets() -> None:
    from finextract.ner.hanlp import chunks, to_char_span, token_spans

    sent = SentenceInput("招商银行 田惠宇说", ((0, 4, "nt"), (4, 5, "x"), (5, 8, "nr"), (8, 9, "v")))
    chars = token_spans(sent, "chars")
    assert len(chars) == 8 and (4, 5) not in chars  # the space is not a token
    words = token_spans(sent, "words")
    assert words == [(0, 4), (5, 8), (8, 9)]
    assert to_char_span(words, 0, 2) == (0, 8) and to_char_span(chars, 4, 7) == (5, 8)
    assert to_char_span(words, 2, 4) is None and to_char_span(words, 1, 1) is None
    assert [len(c) for c in chunks(chars, 3)] == [3, 3, 2]


# ---------------------------------------------------------------- with the tiny model


@needs_hanlp
def test_backend_maps_token_spans_to_sentence_offsets(backend: Any) -> None:
    batch = [
        SentenceInput("赵明表示，鼎丰银行今年业绩稳定。"),
        SentenceInput(""),
        SentenceInput("据 华信集团消息，周杰出席了会议。"),  # a space: offsets must skip it
    ]
    got = [[(c.start, c.end, c.label, c.source, c.priority) for c in cands] for cands in backend.predict(batch)]
    assert got == [
        [(0, 2, "PERSON", "hanlp", 2), (5, 9, "ORG", "hanlp", 2)],
        [],
        [(2, 6, "ORG", "hanlp", 2), (9, 11, "PERSON", "hanlp", 2)],
    ]


@needs_hanlp
def test_long_sentences_are_cut_into_pieces(tiny_model: Path) -> None:
    from finextract.ner.hanlp import HanlpBackend

    small = HanlpBackend.load(tiny_model, max_tokens=9, batch_size=2)
    text = "赵明表示，鼎丰银行今年业绩稳定。"  # pieces [0, 9) [9, 16): both entities inside the first
    cands = small.predict([SentenceInput(text)])[0]
    assert [(c.start, c.end, c.label) for c in cands] == [(0, 2, "PERSON"), (5, 9, "ORG")]


def _entities(doc: Any, source: str | None = None) -> list[tuple[str, int, int, str]]:
    return [(e.text, e.start, e.end, e.label) for e in doc.entities if e.label in ("PERSON", "ORG") and (source is None or e.source == source)]


@needs_hanlp
def test_pipeline_exact_spans_simplified_and_traditional(tiny_model: Path) -> None:
    nlp = finextract.Pipeline(ner="hanlp", ner_model=tiny_model)
    zhs = "鼎丰银行与周杰签署了协议。"
    zht = "鼎豐銀行與周傑簽署了協議。"
    doc_s, doc_t = nlp(zhs), nlp(zht)
    assert doc_s.meta["ner"] == "hanlp"
    assert _entities(doc_s) == [("鼎丰银行", 0, 4, "ORG"), ("周杰", 5, 7, "PERSON")]
    assert _entities(doc_t) == [("鼎豐銀行", 0, 4, "ORG"), ("周傑", 5, 7, "PERSON")]
    assert ("周傑", 5, 7, "PERSON") in _entities(doc_t, source="hanlp")
    assert all(zht[e.start : e.end] == e.text for e in doc_t.entities)
    rules = _entities(finextract.Pipeline(ner="rules")(zht))
    assert ("周傑", 5, 7, "PERSON") not in rules  # the name comes from the HanLP model


# ---------------------------------------------------------------- offline loading and errors


@needs_hanlp
def test_missing_directory_fails_fast_naming_the_path(tmp_path: Path, no_network: None) -> None:
    from finextract.ner.hanlp import HanlpModelError

    started = time.monotonic()
    with pytest.raises(HanlpModelError, match=str(tmp_path / "nothing")):
        finextract.Pipeline(ner="hanlp", ner_model=tmp_path / "nothing")
    assert time.monotonic() - started < 2.0


@needs_hanlp
@pytest.mark.parametrize("spec", ["MSRA_NER_ELECTRA_SMALL_ZH", "https://file.hankcs.com/hanlp/ner/not_here_20990101.zip"])
def test_identifier_missing_from_hanlp_home_fails_fast(tmp_path: Path, no_network: None, spec: str) -> None:
    from finextract.ner.hanlp import HanlpBackend, HanlpModelError

    started = time.monotonic()
    with pytest.raises(HanlpModelError) as info:
        HanlpBackend.load(spec, hanlp_home=tmp_path)
    assert time.monotonic() - started < 2.0
    message = str(info.value)
    assert str(tmp_path / "ner") in message and "download https://" in message and "HANLP_HOME" in message


@needs_hanlp
def test_zip_in_the_cache_loads_offline(tiny_model: Path, tmp_path: Path, no_network: None) -> None:
    from finextract.ner.hanlp import HanlpBackend

    url = "https://file.hankcs.com/hanlp/ner/tiny_ner_20990101.zip"
    (tmp_path / "ner").mkdir()
    with zipfile.ZipFile(tmp_path / "ner" / "tiny_ner_20990101.zip", "w") as archive:
        archive.writestr("tiny_ner_20990101/", "")  # HanLP's archives hold one folder, listed first
        for path in tiny_model.iterdir():
            archive.write(path, f"tiny_ner_20990101/{path.name}")
    loaded = HanlpBackend.load(url, hanlp_home=tmp_path)
    assert Path(loaded.model_dir) == tmp_path / "ner" / "tiny_ner_20990101"
    cands = loaded.predict([SentenceInput("赵明表示，鼎丰银行今年业绩稳定。")])[0]
    assert [(c.start, c.end, c.label) for c in cands] == [(0, 2, "PERSON"), (5, 9, "ORG")]


@needs_hanlp
def test_missing_dependency_is_reported_before_loading(tiny_model: Path, tmp_path: Path, no_network: None) -> None:
    from finextract.ner.hanlp import HanlpBackend, HanlpModelError, hanlp_cache_root

    copy = tmp_path / "model"
    shutil.copytree(tiny_model, copy)
    config = json.loads((copy / "config.json").read_text("utf-8"))
    config["word_vectors"] = "https://file.hankcs.com/hanlp/embeddings/not_here_20990101.zip"
    (copy / "config.json").write_text(json.dumps(config), "utf-8")
    with pytest.raises(HanlpModelError, match="not_here_20990101") as info:
        HanlpBackend.load(copy)
    assert str(hanlp_cache_root()) in str(info.value)


@needs_hanlp
def test_a_zip_file_or_a_folder_without_config_is_refused(tiny_model: Path, tmp_path: Path) -> None:
    from finextract.ner.hanlp import HanlpBackend, HanlpModelError

    archive = tmp_path / "model.zip"
    archive.write_bytes(b"PK")
    with pytest.raises(HanlpModelError, match="unzip it"):
        HanlpBackend.load(archive)
    with pytest.raises(HanlpModelError, match="no config.json"):
        HanlpBackend.load(tmp_path)


@needs_hanlp
def test_cli_with_hanlp_home_and_a_pretrained_identifier(tiny_model: Path, tmp_path: Path) -> None:
    """The command line, with the model at the cache path of a pretrained identifier under HANLP_HOME."""
    from finextract.ner.hanlp import cached_resource, _pretrained_url

    home = tmp_path / "hanlp_home"
    target = cached_resource(_pretrained_url("MSRA_NER_ELECTRA_SMALL_ZH") or "", home).directory
    shutil.copytree(tiny_model, target)
    env = {**_plain_env(), "HANLP_HOME": str(home)}
    run = subprocess.run(
        [sys.executable, "-m", "finextract", "extract", "--ner", "hanlp", "--ner-model", "MSRA_NER_ELECTRA_SMALL_ZH", "--emit", "entities"],
        input="據華信集團消息，周傑出席了會議。", capture_output=True, text=True, env=env, timeout=120,
    )
    assert run.returncode == 0, run.stderr
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    spans = {(r["text"], r["start"], r["end"], r["label"]) for r in rows}
    assert {("華信集團", 1, 5, "ORG"), ("周傑", 8, 10, "PERSON")} <= spans


def _plain_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "HANLP_HOME"}
