"""The command-line interface, through its library entry point ``main``."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from finextract.cli import EXIT_OK, EXIT_SOME_FAILED, main

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpora" / "samples"


def _run(argv: list[str], stdin: bytes = b"") -> tuple[int, list[dict], str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdin=io.BytesIO(stdin), stdout=out, stderr=err)
    records = [json.loads(line) for line in out.getvalue().splitlines() if line.strip()]
    return code, records, err.getvalue()


def test_extract_directory_emits_facts_with_doc_ids() -> None:
    code, records, err = _run(["extract", str(SAMPLES)])
    assert code == EXIT_OK
    assert records and all(r["doc_id"].endswith(".txt") for r in records)
    assert {r["type"] for r in records} >= {"role", "partnership", "metric", "quote"}
    n = len(list(SAMPLES.glob("*.txt")))
    assert f"{n} documents read, {n} succeeded, 0 failed" in err


def test_stdin_text_and_jsonl(tmp_path: Path) -> None:
    code, records, _ = _run(["extract"], "工商銀行董事長易會滿表示，雙方合作前景廣闊。".encode())
    assert code == EXIT_OK
    assert any(r["type"] == "role" and r["args"]["person"]["text"] == "易會滿" for r in records)
    lines = b'{"id": "a", "text": "\\u62db\\u884c\\u884c\\u9577\\u738b\\u660e\\u9060\\u8aaa\\uff0c\\u4e1a\\u52a1\\u5f88\\u597d\\u3002"}\n'
    code, records, _ = _run(["extract", "-", "--emit", "entities"], lines)
    assert code == EXIT_OK and records and all(r["doc_id"] == "a" for r in records)


def test_bad_inputs_become_error_records_and_nothing_is_dropped(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("京東金融與上海銀行簽署戰略合作協議。", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfa invalid utf-8 \xc3")
    (tmp_path / "empty.txt").write_bytes(b"")
    jsonl = tmp_path / "docs.jsonl"
    jsonl.write_text('{"id": "ok", "text": "招商銀行"}\nnot json\n{"id": "x"}\n', encoding="utf-8")
    code, records, err = _run(["extract", str(tmp_path), "--emit", "documents"])
    assert code == EXIT_SOME_FAILED
    errors = [r for r in records if "error" in r]
    docs = [r for r in records if "error" not in r]
    assert {e["source"]["line"] for e in errors if e["source"]["path"].endswith("docs.jsonl")} == {2, 3}
    assert any(e["doc_id"] == "bad.txt" and "UTF-8" in e["error"]["message"] for e in errors)
    assert {d["doc_id"] for d in docs} == {"good.txt", "empty.txt", "ok"}
    assert "6 documents read, 3 succeeded, 3 failed" in err


def test_errors_file_and_output_file(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("京東金融與上海銀行簽署戰略合作協議。", encoding="utf-8")
    out, errs = tmp_path / "facts.jsonl", tmp_path / "errors.jsonl"
    code, records, _ = _run(["extract", str(tmp_path / "in"), str(tmp_path / "missing.txt"), "-o", str(out), "--errors", str(errs)])
    assert code == EXIT_SOME_FAILED and records == []
    assert any(json.loads(line)["type"] == "partnership" for line in out.read_text("utf-8").splitlines())
    assert "no such file" in errs.read_text("utf-8")


def test_lone_surrogate_in_jsonl_is_an_error_record() -> None:
    code, records, _ = _run(["extract", "-"], b'{"id": "s", "text": "\\ud800abc"}\n')
    assert code == EXIT_SOME_FAILED
    assert records[0]["error"]["type"] == "InputError" and "surrogate" in records[0]["error"]["message"]


def test_show_writes_standalone_page(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    code, _, _ = _run(["show", str(SAMPLES / "bank_fintech_partnership_zht.txt"), "-o", str(page)])
    assert code == EXIT_OK
    html = page.read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>") and "fx-ent-ORG" in html and "http" not in html


def test_help_is_available() -> None:
    with pytest.raises(SystemExit) as exc:
        main(["extract", "--help"], stdout=io.StringIO())
    assert exc.value.code == 0
