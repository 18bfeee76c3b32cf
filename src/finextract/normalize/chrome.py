"""Page-chrome detection: navigation, recommendation boxes, footers.

Chrome is *marked*, never deleted: regions are reported in original offsets
and later stages skip them.  Detection is line-based and driven by the
patterns in ``data/chrome.json`` (matched on the normalized text, so one
Simplified pattern covers both scripts):

* a line matching a chrome pattern is chrome (``本文為作者原創,未經授權不得轉載``);
* from the first footer marker (``熱門推薦``, ``本文由…提供``) to the end, when no
  paragraph-sized body line follows, everything is chrome;
* above the article's first paragraph, the last short line that is not a dateline
  (2026年11月18日 来源：…) is the title and
  short lines above it are header chrome (site search box, ads).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources

from ..errors import LexiconError
from ..han import HAN

_SENTENCE_END = re.compile(r"[。！？!?；;]")
_STATEMENT_END = re.compile(r"[。！!；;]")


@dataclass(frozen=True)
class ChromeRules:
    """Validated chrome patterns."""

    line_patterns: tuple[tuple[str, re.Pattern[str]], ...]
    footer_markers: frozenset[str]
    max_header_chars: int
    body_min_chars: int

    @classmethod
    def load(cls, path: str | None = None) -> "ChromeRules":
        """Load and validate the rules (the packaged file by default)."""
        if path is None:
            raw = resources.files("finextract.data").joinpath("chrome.json").read_text("utf-8")
            where = "finextract/data/chrome.json"
        else:
            with open(path, encoding="utf-8") as fh:
                raw = fh.read()
            where = path
        try:
            data = json.loads(raw)
            patterns = []
            for item in data["line_patterns"]:
                compiled = re.compile(item["pattern"])
                if "example" in item and not compiled.search(_example_norm(item["example"])):
                    raise LexiconError(f"{where}: pattern {item['id']!r} does not match its own example")
                patterns.append((item["id"], compiled))
            ids = {pid for pid, _ in patterns}
            markers = frozenset(data["footer_markers"])
            if not markers <= ids:
                raise LexiconError(f"{where}: footer markers {sorted(markers - ids)} name no pattern")
            header = data["header"]
            return cls(tuple(patterns), markers, int(header["max_line_chars"]), int(header["body_min_chars"]))
        except (KeyError, TypeError, ValueError, re.error) as exc:
            if isinstance(exc, LexiconError):
                raise
            raise LexiconError(f"{where}: invalid chrome rules ({exc}); fix the file or pass a valid path") from exc

    def line_reason(self, line: str) -> str | None:
        """The id of the first pattern matching ``line`` (normalized), if any."""
        stripped = line.strip()
        for pid, pattern in self.line_patterns:
            if pattern.search(stripped):
                return pid
        return None


def _example_norm(example: str) -> str:
    # Examples are written as they appear in articles; compare them in working form.
    from opencc import OpenCC

    from .script import fold_width

    return fold_width(OpenCC("t2s").convert(example))


def _is_body_line(line: str, rules: ChromeRules, ends: re.Pattern[str] = _SENTENCE_END) -> bool:
    stripped = line.strip()
    return len(stripped) >= rules.body_min_chars or (len(stripped) >= 12 and ends.search(stripped) is not None)


_DATELINE = re.compile(
    r"^\d{4}(?:年\d{1,2}月\d{1,2}日|[-/.]\d{1,2}[-/.]\d{1,2})(?:\s|$)|来源[：:]"
    r"|^(?:本报|本刊|本台)?(?:特约)?(?:记者|通讯员|实习生)[\s\u3000]*[" + HAN + r"]{2,4}(?:[\s\u3000、]+[" + HAN + r"]{2,4})*$"
    r"|^(?:文|图|撰文)[/／|｜][" + HAN + r"]{2,4}|^作者[：:]"
)
"""A dateline or byline (2026年11月18日 09:12 来源：金融时报; 本报记者 周若兰; 文/张宁): it stands between the
title and the body."""


def find_chrome(norm: str, rules: ChromeRules) -> list[tuple[int, int, str]]:
    """Chrome regions ``(start, end, reason)`` in working-text offsets, line-aligned."""
    lines: list[tuple[int, int, str]] = []
    pos = 0
    for raw in norm.split("\n"):
        lines.append((pos, pos + len(raw), raw))
        pos += len(raw) + 1
    flagged: dict[int, str] = {}
    content = [i for i, (_, _, line) in enumerate(lines) if line.strip()]
    for i in content:
        reason = rules.line_reason(lines[i][2])
        if reason is not None:
            flagged[i] = reason
    _mark_footer(lines, content, flagged, rules)
    _mark_header(lines, content, flagged, rules)
    return [(lines[i][0], lines[i][1], flagged[i]) for i in sorted(flagged)]


def _mark_footer(lines: list[tuple[int, int, str]], content: list[int], flagged: dict[int, str], rules: ChromeRules) -> None:
    # The footer starts at the first marker after which no body line follows; a
    # marker near the top (a "search" box) is not the footer.  Below a marker, a
    # short line whose only stop is a question mark is a recommended headline.
    for k, i in enumerate(content):
        if flagged.get(i) in rules.footer_markers:
            rest = content[k + 1 :]
            if not any(_is_body_line(lines[j][2], rules, _STATEMENT_END) and j not in flagged for j in rest):
                for j in rest:
                    flagged.setdefault(j, "footer")
                return


def _mark_header(lines: list[tuple[int, int, str]], content: list[int], flagged: dict[int, str], rules: ChromeRules) -> None:
    first_body = next((k for k, i in enumerate(content) if _is_body_line(lines[i][2], rules)), None)
    if first_body is None or first_body < 2:
        return
    title = first_body - 1  # the line right above the first paragraph, or above its datelines
    while title > 0 and _DATELINE.search(lines[content[title]][2].strip()):
        title -= 1
    above = content[:title]
    # Only on pages that show chrome up there already, so a clean article's
    # title and dateline are never lost.
    if not any(i in flagged for i in above):
        return
    if all(len(lines[i][2].strip()) <= rules.max_header_chars for i in above):
        for i in above:
            flagged.setdefault(i, "header")
