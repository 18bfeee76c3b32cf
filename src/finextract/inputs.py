"""Input readers for batch runs: text and HTML files, directories, JSON Lines and stdin.

Readers never raise for a bad document: they yield an :class:`InputProblem`
in its place, so a batch run accounts for every input.  Everything streams:
JSON Lines are read line by line and a directory's files one at a time, so
memory does not grow with the size of the input (a single text file is one
document and is read whole).

Bytes are decoded by :func:`decode_bytes`: a byte-order mark wins (UTF-8,
UTF-16, UTF-32), then strict UTF-8, then GB18030 or Big5 chosen by how much
of the decoded text is common Chinese.  ``encoding=`` overrides detection.
HTML files (``.html``, ``.htm``) become their visible text
(:func:`html_to_text`); offsets then point into that text.
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, Sequence

from .errors import InputError

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
INPUT_FORMATS = ("auto", "text", "html", "jsonl")


@dataclass(frozen=True)
class InputDoc:
    """One document to process and where it came from.

    ``size`` is the number of input bytes it was read from (for progress);
    ``meta`` says how it was read (``encoding``, ``format``).
    """

    doc_id: str
    text: str
    path: str | None = None
    line: int | None = None
    size: int = 0
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class InputProblem:
    """An input that could not be read as a document."""

    doc_id: str | None
    error: InputError
    path: str | None = None
    line: int | None = None
    size: int = 0


Item = InputDoc | InputProblem

# --- decoding -----------------------------------------------------------------

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LEGACY = ("gb18030", "big5", "cp950")
# Frequent characters of Chinese news in both scripts: the right legacy codec
# decodes many of them, a wrong one (Big5 bytes read as GB18030) very few.
_COMMON = frozenset(
    "的一是在不了有和人這这中大為为上個个國国我以要他時时來来用們们生到作地於于出就分對对成會会可主發发年動动同工也能下過过子說说"
    "產产種种面而方後后多定行學学法所民得經经十三之進进著着等部度家電电力裡里如水化高自二理起小物現现實实加量都兩两體体制機机當当"
    "使點点從从業业本去把性好應应開开它合還还因由其些然前外天政四日那社義义事平形相全表間间樣样與与關关各重新線线內内數数正心反明"
    "原又利比或但質质第向月公無无系很情者最立代已通並并提直題题程展五果員员位入常文總总次品式設设及管特件長长求頭头基資资級级少統统"
    "接知較较將将組组見见計计別别手期根論论運运指九區区強强放決决西被做必先回則则任取據据處处南給给保治北造百規规領领七海口東东導导"
    "金增濟济思術术極极交受聯联認认六共權权收證证改清美再轉转更單单風风打安場场身車车例真務务具萬万每目至達达示議议聲声報报完類类八"
    "華华名確确才科信節节話话元今集傳传步群廣广記记需段研界且究觀观越算低持眾众書书復复際际商非驗验連连深難难近千周委素技備备半辦办"
    "省列響响約约支般史感便團团往歷历市克何除消構构府稱称太準准精值號号率選选標标存快效院型按格易置層层始專专育京識识適适屬属包住調"
    "调滿满局照參参細细引該该價价嚴严銀银融股券險险企貸贷億亿漲涨跌投銷销售額额息款幣币戶户董監监督稅税保財财富營营"
)
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _looks_chinese(text: str) -> float:
    """Score of a legacy decoding: 0 unless mostly CJK, else the share of common characters."""
    wide = [c for c in text if ord(c) > 0x7F]
    if not wide:
        return 1.0
    cjk = sum(1 for c in wide if _CJK.match(c))
    if cjk < 0.8 * len(wide):
        return 0.0
    return 0.01 + sum(1 for c in wide if c in _COMMON) / len(wide)


def _declared_charset(data: bytes) -> str | None:
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def decode_bytes(data: bytes, where: str, encoding: str | None = None, html: bool = False) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding used)`` or raise :class:`InputError`.

    With ``encoding`` given it is used strictly (``utf-8`` also drops a BOM).
    Otherwise: a byte-order mark, then UTF-8, then (HTML only) a declared
    ``<meta charset>``, then GB18030 or Big5, whichever decodes cleanly and
    reads as more common Chinese.  Data with NUL bytes and no UTF-16/32 BOM
    is rejected as binary.
    """
    if encoding is not None:
        name = "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding
        text = _strict(data, name)
        if text is None:
            raise InputError(f"{where}: cannot be decoded as {encoding}; check --encoding or leave it out to detect the encoding")
        return text, encoding
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = _strict(data, name)
            if text is None:
                break
            return text, name
    if b"\x00" in data[:65536]:
        raise InputError(f"{where}: looks binary (contains NUL bytes); pass text, HTML or JSON Lines files only")
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    candidates = list(_LEGACY)
    declared = _declared_charset(data) if html else None
    declared_text = _strict(data, declared) if declared else None
    if declared and declared_text is not None:
        return declared_text, declared
    scored = [(score, -i, name, decoded) for i, name in enumerate(candidates) if (decoded := _strict(data, name)) is not None and (score := _looks_chinese(decoded)) > 0]
    if not scored:
        raise InputError(
            f"{where}: not valid UTF-8, and not UTF-16 with a BOM, GB18030 or Big5 text either; "
            "convert it to UTF-8 (e.g. iconv -f GB18030 -t UTF-8) or name its encoding with --encoding"
        )
    _, _, name, decoded = max(scored)
    return decoded, name


# --- HTML ------------------------------------------------------------------------

_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "object"})
_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table tbody td th thead tfoot tr ul title caption option".split()
)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


class _TextExtractor(HTMLParser):
    """Collects visible text; block elements become line breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(_SPACES.sub(" ", data.replace("\n", " ")))


def html_to_text(html: str) -> str:
    """The visible text of an HTML page: scripts, styles and tags removed.

    Block elements (``p``, ``div``, ``br``, ``li``, headings, table cells…)
    end a line, runs of spaces collapse to one, and lines are stripped.  Facts
    extracted from an HTML file point into this text, not into the markup.
    """
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = (line.strip() for line in "".join(parser.parts).split("\n"))
    return _BLANK_LINES.sub("\n", "\n".join(line for line in lines if line)).strip()


# --- readers ---------------------------------------------------------------------


def printable(name: str) -> str:
    """``name`` with lone surrogates (undecodable file names, JSON ``\\ud800``) spelled as ``\\udXXX``."""
    return name.encode("utf-8", "backslashreplace").decode("utf-8")


def _format_of(path: Path, input_format: str) -> str:
    if input_format != "auto":
        return input_format
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return "html" if suffix in HTML_SUFFIXES else "text"


def document_from_bytes(data: bytes, doc_id: str, where: str, *, fmt: str = "text", encoding: str | None = None, line: int | None = None) -> Item:
    """One text or HTML document from raw bytes (a problem item if it cannot be decoded)."""
    try:
        text, used = decode_bytes(data, where, encoding, html=fmt == "html")
    except InputError as exc:
        return InputProblem(doc_id, exc, where, line, len(data))
    if fmt == "html":
        try:
            text = html_to_text(text)
        except (AssertionError, ValueError) as exc:  # html.parser signals hopeless markup this way
            return InputProblem(doc_id, InputError(f"{where}: cannot parse as HTML ({exc}); pass it as text with --input-format text"), where, line, len(data))
    return InputDoc(doc_id, text, where, line, len(data), {"encoding": used, "format": fmt})


def read_text_file(path: Path, doc_id: str, *, encoding: str | None = None, fmt: str | None = None) -> Item:
    """A whole text (or HTML, by suffix) file as one document."""
    fmt = fmt or _format_of(path, "auto")
    where = printable(str(path))
    try:
        data = path.read_bytes()
    except OSError as exc:
        return InputProblem(doc_id, InputError(f"{where}: cannot read ({exc.strerror}); check the path and permissions"), where)
    return document_from_bytes(data, doc_id, where, fmt="html" if fmt == "html" else "text", encoding=encoding)


def _jsonl_item(raw: bytes, where: str, lineno: int, encoding: str | None) -> Item:
    fallback_id = f"{where}:{lineno}"
    try:
        text, _ = decode_bytes(raw, f"{where}:{lineno}", encoding)
        record = json.loads(text)
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise InputError(f'{where}:{lineno}: expected an object with a string "text" field, e.g. {{"id": "a1", "text": "..."}}')
        doc_id = printable(str(record["id"])) if record.get("id") is not None else fallback_id
        return InputDoc(doc_id, record["text"], where, lineno, len(raw), {"format": "jsonl"})
    except InputError as exc:
        return InputProblem(fallback_id, exc, where, lineno, len(raw))
    except (ValueError, RecursionError) as exc:
        message = f"{where}:{lineno}: malformed JSON ({str(exc)[:200]}); fix or remove the line"
        return InputProblem(fallback_id, InputError(message), where, lineno, len(raw))


def read_jsonl(stream: Iterable[bytes], where: str, encoding: str | None = None) -> Iterator[Item]:
    """Documents from JSON Lines ``{"id": ..., "text": ...}``, one line at a time; bad lines become problems."""
    for lineno, raw in enumerate(stream, 1):
        if raw.strip():
            yield _jsonl_item(raw, where, lineno, encoding)


def list_files(root: Path) -> list[Path]:
    """Input files under a directory (``*.txt``, ``*.html``, ``*.htm``, ``*.jsonl``), sorted."""
    wanted = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
    return sorted(p for p in root.rglob("*") if p.suffix.lower() in wanted and p.is_file())


def iter_inputs(paths: Sequence[str], stdin: IO[bytes] | None = None, input_format: str = "auto", encoding: str | None = None) -> Iterator[Item]:
    """Every document named by ``paths`` (files, directories, ``-`` for stdin), in order.

    Directories are walked recursively for ``*.txt``, ``*.html``/``*.htm``
    and ``*.jsonl`` files in sorted order.  ``input_format`` is ``auto`` (by
    extension; stdin is JSONL when it starts with ``{``), ``text``, ``html``
    or ``jsonl``.  ``encoding`` overrides detection for every input.
    """
    for name in paths or ["-"]:
        if name == "-":
            yield from _stdin_items(stdin, input_format, encoding)
            continue
        path = Path(name)
        if path.is_dir():
            for file in list_files(path):
                yield from _file_items(file, printable(file.relative_to(path).as_posix()), input_format, encoding)
        elif path.exists():
            yield from _file_items(path, printable(path.as_posix()), input_format, encoding)
        else:
            shown = printable(name)
            yield InputProblem(shown, InputError(f"{shown}: no such file or directory; check the path"), shown)


def input_size(paths: Sequence[str]) -> int | None:
    """Total bytes the inputs will read, or ``None`` when stdin is among them."""
    total = 0
    for name in paths or ["-"]:
        if name == "-":
            return None
        path = Path(name)
        files = list_files(path) if path.is_dir() else [path] if path.is_file() else []
        total += sum(f.stat().st_size for f in files)
    return total


def _file_items(path: Path, doc_id: str, input_format: str, encoding: str | None) -> Iterator[Item]:
    fmt = _format_of(path, input_format)
    if fmt != "jsonl":
        yield read_text_file(path, doc_id, encoding=encoding, fmt=fmt)
        return
    try:
        with path.open("rb") as fh:
            yield from read_jsonl(fh, printable(path.as_posix()), encoding)
    except OSError as exc:
        where = printable(str(path))
        yield InputProblem(doc_id, InputError(f"{where}: cannot read ({exc.strerror}); check the path"), where)


def _stdin_items(stdin: IO[bytes] | None, input_format: str, encoding: str | None) -> Iterator[Item]:
    if stdin is None:
        return
    head: list[bytes] = []
    for raw in stdin:
        head.append(raw)
        if raw.strip():
            break
    first = b"".join(head).lstrip().removeprefix(codecs.BOM_UTF8)
    if input_format == "jsonl" or (input_format == "auto" and first[:1] == b"{"):
        yield from read_jsonl(_chain(head, stdin), "<stdin>", encoding)
        return
    data = b"".join(head) + stdin.read()
    yield document_from_bytes(data, "stdin", "<stdin>", fmt="html" if input_format == "html" else "text", encoding=encoding)


def _chain(head: list[bytes], rest: Iterable[bytes]) -> Iterator[bytes]:
    yield from head
    yield from rest
