"""Batch runs: one outcome per input, workers, chunked long documents, resume, progress."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

from finextract import Pipeline
from finextract.batch import (
    Outcome,
    Progress,
    _work_batch,
    chunk_bounds,
    extract_files,
    extract_to_path,
    iter_chunk_documents,
    parallel_outcomes,
    pipeline_spec,
    sidecar_path,
)
from finextract.cli import EXIT_SOME_FAILED, EXIT_USAGE, main
from finextract.facts import fact_id
from finextract.inputs import InputDoc, Item

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpora" / "samples"


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline()


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """The bundled samples plus a zero-fact document and three bad inputs."""
    root = tmp_path / "in"
    root.mkdir()
    for path in sorted(SAMPLES.glob("*.txt"))[:4]:
        (root / path.name).write_bytes(path.read_bytes())
    (root / "nothing.txt").write_text("今天天氣很好。", encoding="utf-8")
    (root / "zz_binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    lines = [json.dumps({"id": f"j{i}", "text": t}, ensure_ascii=False) for i, t in enumerate(["招商銀行行長王明遠說，業務很好。", "", "x"])]
    (root / "zz_docs.jsonl").write_text("\n".join(lines[:2] + ["{broken"] + lines[2:]) + "\n", encoding="utf-8")
    return root


def _run(corpus: Path, out: Path, **kwargs: Any) -> bytes:
    extract_to_path([str(corpus)], out, **kwargs)
    return out.read_bytes()


def test_every_input_has_one_outcome_and_workers_do_not_change_the_output(corpus: Path, tmp_path: Path, nlp: Pipeline) -> None:
    one = _run(corpus, tmp_path / "one.jsonl", pipeline=nlp)
    two = _run(corpus, tmp_path / "two.jsonl", pipeline=nlp, workers=2)
    assert one == two and one
    log = [json.loads(line) for line in sidecar_path(tmp_path / "two.jsonl").read_text().splitlines()]
    assert [e["doc_id"].rpartition("/")[2] for e in log][-5:] == ["zz_binary.txt", "j0", "j1", "zz_docs.jsonl:3", "j2"]
    assert [e["ok"] for e in log].count(False) == 2
    records = [json.loads(line) for line in one.decode().splitlines()]
    assert {r["doc_id"].rpartition("/")[2] for r in records if "error" in r} == {"zz_binary.txt", "zz_docs.jsonl:3"}


def test_cli_workers_and_exit_code(corpus: Path, tmp_path: Path) -> None:
    err = io.StringIO()
    out = tmp_path / "facts.jsonl"
    code = main(["extract", str(corpus), "-o", str(out), "--workers", "2", "--no-progress"], stdout=io.StringIO(), stderr=err)
    assert code == EXIT_SOME_FAILED
    assert "10 documents read, 8 succeeded, 2 failed" in err.getvalue()
    assert main(["extract", str(corpus), "--resume"], stdout=io.StringIO(), stderr=io.StringIO()) == EXIT_USAGE


class _Interrupt(Progress):
    """Stops the run after ``limit`` documents, like Ctrl-C would."""

    def __init__(self, limit: int) -> None:
        super().__init__(io.StringIO())
        self.limit = limit

    def update(self, outcome: Outcome) -> None:
        super().update(outcome)
        if self.docs >= self.limit:
            raise KeyboardInterrupt


@pytest.mark.parametrize("workers", [1, 2])
def test_resume_after_interruption_is_byte_identical(corpus: Path, tmp_path: Path, nlp: Pipeline, workers: int) -> None:
    full = _run(corpus, tmp_path / "full.jsonl", pipeline=nlp, errors=tmp_path / "full.err")
    out, errs = tmp_path / "out.jsonl", tmp_path / "out.err"
    with pytest.raises(KeyboardInterrupt):
        extract_to_path([str(corpus)], out, errors=errs, pipeline=nlp, progress=_Interrupt(5))
    with out.open("ab") as fh:  # a crash in the middle of the next document's records
        fh.write(b'{"type": "role", "doc_id": "half')
    with sidecar_path(out).open("ab") as fh:
        fh.write(b'{"n": 5, "doc')
    summary = extract_to_path([str(corpus)], out, errors=errs, pipeline=nlp, resume=True, workers=workers)
    assert out.read_bytes() == full
    assert errs.read_bytes() == (tmp_path / "full.err").read_bytes()
    assert (summary.read, summary.resumed, summary.failed) == (10, 5, 2)
    again = extract_to_path([str(corpus)], out, errors=errs, pipeline=nlp, resume=True)
    assert out.read_bytes() == full and (again.resumed, again.records) == (10, 0)


def test_resume_refuses_changed_inputs(corpus: Path, tmp_path: Path, nlp: Pipeline) -> None:
    out = tmp_path / "out.jsonl"
    _run(corpus, out, pipeline=nlp)
    (corpus / "aaa_new.txt").write_text("新文件。", encoding="utf-8")
    with pytest.raises(Exception, match="inputs changed"):
        extract_to_path([str(corpus)], out, pipeline=nlp, resume=True)


def test_chunk_bounds_cut_at_line_ends() -> None:
    text = "".join(f"第{i}行。\n" for i in range(1000))
    bounds = chunk_bounds(text, 500)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(e - s <= 500 for s, e in bounds)
    assert all(text[e - 1] == "\n" for _, e in bounds[:-1])
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))
    assert chunk_bounds("長" * 1200, 500) == [(0, 500), (500, 1000), (1000, 1200)]


def test_chunked_document_keeps_global_offsets(nlp: Pipeline) -> None:
    articles = [p.read_text("utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    text = "\n".join(articles)
    docs = list(iter_chunk_documents(nlp, text, "big", max_chars=1500))
    assert len(docs) > 3
    facts = [f for d in docs for f in d.facts]
    spans = [s for d in docs for s in (*d.sentences, *d.entities, *d.figures, *d.periods, *d.tokens)]
    assert facts and all(text[s.start : s.end] == s.text for s in spans)
    assert all(text[f.evidence.start : f.evidence.end] == f.evidence.text for f in facts)
    assert [s.index for d in docs for s in d.sentences] == list(range(sum(len(d.sentences) for d in docs)))
    assert all(f.id == fact_id("big", f.type, f.rule, f.args) for f in facts)
    assert len({f.id for f in facts}) == len(facts)
    # a document that fits in one chunk is processed exactly as the pipeline would
    [whole] = list(iter_chunk_documents(nlp, articles[0], "a"))
    assert whole == nlp(articles[0], doc_id="a")


def test_documents_emit_merges_chunks(nlp: Pipeline, tmp_path: Path) -> None:
    from finextract.batch import document_records

    text = "\n".join(p.read_text("utf-8") for p in sorted(SAMPLES.glob("*.txt")))
    [record] = document_records(nlp, InputDoc("big", text), "documents", max_chars=2000)
    assert record["text"] == text and record["meta"]["chunks"] >= 3
    assert all(text[e["start"] : e["end"]] == e["text"] for e in record["entities"])


def _crash_on_marker(items: list[Item], emit: str, max_chars: int) -> list[Outcome]:
    """A worker task that dies like an out-of-memory kill on one document."""
    if any(isinstance(i, InputDoc) and i.text == "CRASH" for i in items):
        os._exit(9)
    return _work_batch(items, emit, max_chars)  # type: ignore[arg-type]


@pytest.mark.slow
def test_a_dying_worker_costs_one_error_record(nlp: Pipeline) -> None:
    texts = ["招商銀行行長王明遠說，業務很好。"] * 5 + ["CRASH"] + ["京東金融與上海銀行簽署戰略合作協議。"] * 5
    items = [InputDoc(f"d{i}", t) for i, t in enumerate(texts)]
    outcomes = list(parallel_outcomes(items, 2, pipeline_spec(nlp), work=_crash_on_marker))
    assert [o.doc_id for o in outcomes] == [f"d{i}" for i in range(11)]
    assert [o.ok for o in outcomes] == [True] * 5 + [False] + [True] * 5
    assert "worker process died" in outcomes[5].records[0]["error"]["message"]


def test_progress_line_and_silence_off_a_terminal(corpus: Path) -> None:
    ticks = iter(float(i) for i in range(1000))
    stream = io.StringIO()
    progress = Progress(stream, total_bytes=1000, clock=lambda: next(ticks))
    for _ in range(3):
        progress.update(Outcome("d", True, [], chars=5000, size=100))
    assert "3 docs" in stream.getvalue() and "chars/s" in stream.getvalue() and "ETA" in stream.getvalue()
    err = io.StringIO()
    extract_files([str(SAMPLES / "insurer_zht.txt")], io.StringIO(), pipeline=None, progress=None)
    main(["extract", str(SAMPLES / "insurer_zht.txt")], stdout=io.StringIO(), stderr=err)
    assert err.getvalue().count("\n") == 1 and "\r" not in err.getvalue()


def test_cli_encoding_html_and_forced_progress(tmp_path: Path) -> None:
    text = "京東金融與上海銀行簽署戰略合作協議。"
    (tmp_path / "a.txt").write_bytes(text.encode("big5"))
    out, err = io.StringIO(), io.StringIO()
    assert main(["extract", str(tmp_path / "a.txt"), "--encoding", "big5", "--progress"], stdout=out, stderr=err) == 0
    assert any(json.loads(line)["type"] == "partnership" for line in out.getvalue().splitlines())
    assert "\r" in err.getvalue() and "1 documents read, 1 succeeded, 0 failed" in err.getvalue()
    err = io.StringIO()
    assert main(["extract", str(tmp_path / "a.txt"), "--encoding", "utf-8"], stdout=io.StringIO(), stderr=err) == EXIT_SOME_FAILED
    assert main(["extract", str(tmp_path / "a.txt"), "--encoding", "no-such-codec"], stdout=io.StringIO(), stderr=err) == 1
    page = f"<html><script>x()</script><body><p>{text}</p></body></html>".encode()
    out = io.StringIO()
    code = main(["extract", "-", "--input-format", "html", "--emit", "documents"], stdin=io.BytesIO(page), stdout=out, stderr=io.StringIO())
    record = json.loads(out.getvalue())
    assert code == 0 and record["text"] == text and record["meta"]["source"] == {"encoding": "utf-8", "format": "html"}
