"""``finextract show`` output in a real browser: every entity highlighted with its label.

Runs Debian's headless Chromium with networking features off, reads the DOM
it builds (``--dump-dom``) and parses it with the standard library.  Skips
where Chromium is not installed (``.ci/run`` installs it when it can).
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

import finextract
from finextract.cli import EXIT_OK, main

ROOT = Path(__file__).resolve().parent.parent
STEM = "bank_fintech_partnership_zht"
SAMPLE = ROOT / "corpora" / "samples" / f"{STEM}.txt"
GOLDEN = ROOT / "corpora" / "golden" / f"{STEM}.jsonl"
KNOWN = json.loads((ROOT / "tests" / "golden" / "known_failures.json").read_text("utf-8"))


def _chromium() -> str | None:
    found = shutil.which("chromium")
    if found is None and Path("/usr/bin/chromium").exists():
        found = "/usr/bin/chromium"
    return found


CHROMIUM = _chromium()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install chromium)")

VOID = {"meta", "br", "link", "img", "hr", "input"}


class _EntityDom(HTMLParser):
    """Collects the text of every highlighted entity, keyed by offsets and label, and the article text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, tuple[int, int, str] | None, bool]] = []
        self.marks: dict[tuple[int, int, str], str] = {}
        self.article: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        a = {k: v or "" for k, v in attrs}
        classes = a.get("class", "").split()
        key = None
        if "fx-ent" in classes and "data-start" in a:
            key = (int(a["data-start"]), int(a["data-end"]), a["data-label"])
            assert f"fx-ent-{key[2]}" in classes, f"label class missing on {a}"
        in_article = "fx-doc" in classes or any(inside for _, _, inside in self.stack)
        self.stack.append((tag, key, in_article))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.stack and self.stack[-1][0] == tag, f"unbalanced </{tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][2]:
            self.article.append(data)
        for _, key, _ in self.stack:
            if key is not None:
                self.marks[key] = self.marks.get(key, "") + data


def _dump_dom(page: Path, profile: Path) -> str:
    assert CHROMIUM is not None
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--dump-dom",
        page.as_uri(),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)
    assert proc.returncode == 0 and proc.stdout.strip(), f"chromium failed ({proc.returncode}): {proc.stderr[-2000:]}"
    return proc.stdout


def _golden(kind: str) -> list[dict[str, str]]:
    lines = GOLDEN.read_text("utf-8").splitlines()
    records = [(n, json.loads(line)) for n, line in enumerate(lines, 1) if line.strip()]
    return [r for n, r in records if r["kind"] == kind and f"{STEM}:{n}" not in KNOWN]


@pytest.fixture(scope="module")
def browser_dom(tmp_path_factory: pytest.TempPathFactory) -> _EntityDom:
    tmp = tmp_path_factory.mktemp("browser")
    page = tmp / "page.html"
    code = main(["show", str(SAMPLE), "-o", str(page)], stdout=io.StringIO(), stderr=io.StringIO())
    assert code == EXIT_OK
    dom = _EntityDom()
    dom.feed(_dump_dom(page, tmp / "profile"))
    dom.close()
    return dom


def test_every_entity_is_highlighted_with_its_label(browser_dom: _EntityDom) -> None:
    doc = finextract.extract(SAMPLE.read_text("utf-8"), doc_id=SAMPLE.name)
    assert doc.entities
    assert browser_dom.marks == {(e.start, e.end, e.label): e.text for e in doc.entities}


def test_golden_entities_are_highlighted_and_absent_ones_are_not(browser_dom: _EntityDom) -> None:
    shown = {(label, text) for (_, _, label), text in browser_dom.marks.items()}
    wanted = {(g["label"], g["text"]) for g in _golden("entity")}
    assert wanted and wanted <= shown, sorted(wanted - shown)
    assert not {(g["label"], g["text"]) for g in _golden("absent_entity")} & shown


def test_browser_shows_the_article_as_written(browser_dom: _EntityDom) -> None:
    assert "".join(browser_dom.article) == SAMPLE.read_text("utf-8")
