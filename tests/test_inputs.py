"""Input readers: encodings, HTML, binary and empty files, malformed and streamed JSON Lines."""

from __future__ import annotations

import codecs
import io
from pathlib import Path
from typing import Iterator

import pytest

from finextract.errors import InputError
from finextract.inputs import InputDoc, InputProblem, decode_bytes, html_to_text, iter_inputs, read_jsonl

ZHT = "永信銀行副行長林佩珊表示，合作產品的審批時間將縮短到三分鐘以內。截至6月末，不良貸款率為1.08%。"
ZHS = "长明证券董事长兼总裁陈国栋表示，公司上半年营业收入同比增长9.6%，财富管理客户数超过320万户。"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (ZHS.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ZHS.encode("utf-8"), "utf-8-sig"),
        (ZHT.encode("utf-16"), "utf-16"),
        (ZHS.encode("gb18030"), "gb18030"),
        (ZHT.encode("gb18030"), "gb18030"),
        (ZHT.encode("big5"), "big5"),
    ],
)
def test_encodings_are_detected(data: bytes, expected: str) -> None:
    text, used = decode_bytes(data, "x")
    assert used == expected
    assert text in (ZHS, ZHT)


def test_encoding_override_and_its_failure() -> None:
    assert decode_bytes(ZHT.encode("big5"), "x", encoding="big5") == (ZHT, "big5")
    with pytest.raises(InputError, match="--encoding"):
        decode_bytes(ZHS.encode("gb18030"), "x", encoding="utf-8")


def test_binary_and_undecodable_bytes_are_errors() -> None:
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "img")
    with pytest.raises(InputError, match="UTF-8"):
        decode_bytes(b"caf\xe9 au lait \xff\xfe", "latin")


def test_html_keeps_visible_text_only() -> None:
    html = (
        "<html><head><title>T</title><style>p{color:red}</style><script>var s='工商銀行';</script></head>"
        "<body><div class='nav'>首頁 &gt; 財經</div><p>工商<b>銀行</b>董事長易會滿表示，&nbsp;合作順利。</p>"
        "<p>第二段\n  跨行文字。</p><br/>尾</body></html>"
    )
    assert html_to_text(html) == "首頁 > 財經\n工商銀行董事長易會滿表示， 合作順利。\n第二段 跨行文字。\n尾"


def test_html_file_in_declared_legacy_charset(tmp_path: Path) -> None:
    page = f'<html><head><meta charset="big5"></head><body><p>{ZHT}</p></body></html>'
    (tmp_path / "a.htm").write_bytes(page.encode("big5"))
    [item] = list(iter_inputs([str(tmp_path)]))
    assert isinstance(item, InputDoc)
    assert item.text == ZHT and item.meta == {"encoding": "big5", "format": "html"}


def test_directory_reads_every_kind_and_reports_problems(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(ZHS.encode("gb18030"))
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02binary\x00" * 10)
    (tmp_path / "d.html").write_text(f"<p>{ZHT}</p>", encoding="utf-8")
    (tmp_path / "skip.bin").write_bytes(b"ignored")
    items = list(iter_inputs([str(tmp_path)]))
    assert [i.doc_id for i in items] == ["a.txt", "b.txt", "c.txt", "d.html"]
    assert isinstance(items[0], InputDoc) and items[0].text == ZHS
    assert isinstance(items[1], InputDoc) and items[1].text == ""
    assert isinstance(items[2], InputProblem) and "binary" in str(items[2].error)
    assert isinstance(items[3], InputDoc) and items[3].text == ZHT


def test_jsonl_bad_lines_become_problems_with_line_numbers() -> None:
    data = (
        codecs.BOM_UTF8 + b'{"id": "a", "text": "x"}\n'
        b"\n"
        b"not json\n"
        b'{"id": "b"}\n'
        b"[1, 2]\n"
        b'{"id": "\\ud800", "text": "y"}\n' + '{"id": "g", "text": "國"}\n'.encode("big5") + b'{"text": "no id"}'
    )
    items = list(read_jsonl(io.BytesIO(data), "in.jsonl"))
    assert [(type(i).__name__, i.line) for i in items] == [
        ("InputDoc", 1),
        ("InputProblem", 3),
        ("InputProblem", 4),
        ("InputProblem", 5),
        ("InputDoc", 6),
        ("InputDoc", 7),
        ("InputDoc", 8),
    ]
    assert items[4].doc_id == "\\ud800"  # a lone surrogate id is spelled out, so it can be written as UTF-8
    assert isinstance(items[5], InputDoc) and items[5].text == "國"
    assert items[6].doc_id == "in.jsonl:8"


def test_jsonl_is_streamed_line_by_line() -> None:
    pulled: list[int] = []

    def lines() -> Iterator[bytes]:
        for n in range(1_000_000):
            pulled.append(n)
            yield b'{"id": "%d", "text": "t"}\n' % n

    items = read_jsonl(lines(), "big.jsonl")
    first = [next(items) for _ in range(3)]
    assert [i.doc_id for i in first] == ["0", "1", "2"] and len(pulled) == 3


def test_stdin_jsonl_is_streamed_and_text_is_one_document() -> None:
    class Stdin(io.BytesIO):
        def read(self, *args: object) -> bytes:  # reading all of stdin is only allowed for a text document
            raise AssertionError("stdin JSONL must be read line by line")

    items = list(iter_inputs(["-"], stdin=Stdin(b'\n{"id": "a", "text": "x"}\n{"id": "b", "text": "y"}\n')))
    assert [i.doc_id for i in items] == ["a", "b"]
    [item] = list(iter_inputs([], stdin=io.BytesIO(ZHS.encode("gb18030"))))
    assert isinstance(item, InputDoc) and item.doc_id == "stdin" and item.text == ZHS
