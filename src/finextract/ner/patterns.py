"""Pattern rules for NER, each small and named, with examples beside it.

All functions read one sentence of working text (Simplified) and its jieba
tokens and return :class:`Candidate` objects in sentence offsets.

* ``org_suffix``   — 山东省城市商业银行合作联盟, 广东银信金融服务中心: proper-noun tokens
  followed by an organization suffix (联盟, 银行, 中心 …).
* ``title``        — 董事长, 常务副总经理, 信息技术部总经理 (a department before a title).
* ``title_name``   — 董事长易会满: a surname-led 2–3 character name right after a title.
* ``speaker_name`` — 谢锦生说: a surname-led name right before a speech verb.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Sequence

from ..errors import LexiconError
from .base import Candidate, SentenceInput

Token = tuple[int, int, str]


@dataclass(frozen=True)
class PatternLexicon:
    """Word lists the patterns use (``data/ner_patterns.json``)."""

    org_suffixes: tuple[str, ...]
    weak_suffixes: frozenset[str]
    org_name_pos: frozenset[str]
    proper_pos: frozenset[str]
    org_break_words: frozenset[str]
    generic_orgs: frozenset[str]
    speech_verbs: tuple[str, ...]
    name_boundaries: frozenset[str]
    not_names: frozenset[str]

    @classmethod
    def load(cls, path: str | None = None) -> "PatternLexicon":
        """Load and validate the pattern lexicon."""
        where = path or "finextract/data/ner_patterns.json"
        try:
            if path is None:
                raw = resources.files("finextract.data").joinpath("ner_patterns.json").read_text("utf-8")
            else:
                with open(path, encoding="utf-8") as fh:
                    raw = fh.read()
            data = json.loads(raw)
            suffixes = tuple(sorted(set(data["org_suffixes"]), key=len, reverse=True))
            weak = frozenset(data["weak_suffixes"])
            if not weak <= set(suffixes):
                raise LexiconError(f"{where}: weak_suffixes {sorted(weak - set(suffixes))} are not org_suffixes")
            if any(not s for s in suffixes):
                raise LexiconError(f"{where}: empty org suffix; remove it")
            return cls(
                org_suffixes=suffixes,
                weak_suffixes=weak,
                org_name_pos=frozenset(data["org_name_pos"]),
                proper_pos=frozenset(data["proper_pos"]),
                org_break_words=frozenset(data["org_stop_words"]),
                generic_orgs=frozenset(data["generic_orgs"]),
                speech_verbs=tuple(sorted(data["speech_verbs"], key=len, reverse=True)),
                name_boundaries=frozenset(data["name_boundaries"]),
                not_names=frozenset(data["not_names"]),
            )
        except (OSError, KeyError, TypeError, ValueError) as exc:
            if isinstance(exc, LexiconError):
                raise
            raise LexiconError(f"{where}: cannot load NER pattern lexicon ({exc}); fix or restore the file") from exc


def _is_han(text: str) -> bool:
    return bool(text) and all("\u3400" <= c <= "\u9fff" for c in text)


def org_suffix(sent: SentenceInput, lex: PatternLexicon) -> list[Candidate]:
    """Organization names ending in a suffix.

    >>> # 京东金融与山东省城市商业银行合作联盟举行… → 山东省城市商业银行合作联盟
    """
    text, tokens = sent.text, sent.tokens
    out: list[Candidate] = []
    for i, (_, t_end, _) in enumerate(tokens):
        suffix = next((s for s in lex.org_suffixes if text.endswith(s, 0, t_end)), None)
        if suffix is None:
            continue
        cand = _org_name(text, tokens, i, t_end - len(suffix), suffix, lex)
        if cand is not None:
            out.append(cand)
    return out


def _org_name(text: str, tokens: Sequence[Token], i: int, suffix_start: int, suffix: str, lex: PatternLexicon) -> Candidate | None:
    end = tokens[i][1]
    j = i
    while j >= 0 and tokens[j][1] > suffix_start:  # tokens that hold the suffix
        j -= 1
    name_tokens = list(tokens[j + 1 : i + 1])
    chars = end - (name_tokens[0][0] if name_tokens else suffix_start)
    while j >= 0 and len(name_tokens) < 8 and chars < 20:
        start, stop, pos = tokens[j]
        word = text[start:stop]
        if pos not in lex.org_name_pos or not _is_han(word) and pos != "eng" or word in lex.org_break_words:
            break
        name_tokens.insert(0, tokens[j])
        chars = end - start
        j -= 1
    start = name_tokens[0][0] if name_tokens else suffix_start
    name = text[start:end]
    if name in lex.generic_orgs or len(name) <= len(suffix):
        return None
    head = [t for t in name_tokens if t[1] <= suffix_start or t[0] < suffix_start]
    proper = any(pos in lex.proper_pos and text[s:e] not in lex.org_break_words for s, e, pos in head)
    if not proper:
        return None
    if suffix in lex.weak_suffixes and len(name) < 4:
        return None
    return Candidate(start, end, "ORG", source="pattern:org_suffix", priority=4, score=0.8)


def titles_in(sent: SentenceInput, title_matches: Sequence[tuple[int, int]], dept_suffixes: Sequence[str], blocked: Sequence[tuple[int, int]]) -> list[Candidate]:
    """Title candidates, extended left over a department name (信息技术部总经理).

    ``title_matches`` are lexicon hits already checked against token
    boundaries; ``blocked`` spans (organizations) are never swallowed.
    """
    text, tokens = sent.text, sent.tokens
    by_end = {t[1]: k for k, t in enumerate(tokens)}
    out = []
    for t_start, t_end in title_matches:
        start = t_start
        k = by_end.get(t_start)
        if k is not None:
            word = text[tokens[k][0] : tokens[k][1]]
            suffix = next((s for s in dept_suffixes if word.endswith(s)), None)
            if suffix is not None and not _overlaps(tokens[k][0], t_start, blocked):
                start = tokens[k][0]
                if len(word) == len(suffix):
                    start = _extend_dept(text, tokens, k, blocked)
        out.append(Candidate(start, t_end, "TITLE", source="pattern:title", priority=4, score=0.9))
    return out


def _extend_dept(text: str, tokens: Sequence[Token], k: int, blocked: Sequence[tuple[int, int]]) -> int:
    start = tokens[k][0]
    for m in range(k - 1, max(-1, k - 3), -1):
        s, e, pos = tokens[m]
        if pos not in {"n", "vn", "nz", "l", "j", "eng"} or _overlaps(s, e, blocked) or not _is_han(text[s:e]):
            break
        start = s
    return start


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def name_after(text: str, pos: int, surnames: frozenset[str], boundaries: frozenset[str]) -> tuple[int, int] | None:
    """A 2–3 character name starting at ``pos`` (after a title), if one reads there.

    >>> name_after("董事长易会满，", 3, frozenset("易"), frozenset("，"))
    (3, 6)
    >>> name_after("首席技术官黄鑫认为", 5, frozenset("黄"), frozenset("认"))
    (5, 7)
    """
    if pos >= len(text):
        return None
    if not (text[pos] in surnames or text[pos : pos + 2] in surnames):
        return None
    for length in (3, 2):
        end = pos + length
        if end > len(text) or not _is_han(text[pos:end]):
            continue
        inner_ok = all(c not in boundaries for c in text[pos + 1 : end])
        if inner_ok and (end == len(text) or text[end] in boundaries or not _is_han(text[end])):
            return pos, end
    return None


def name_before(text: str, pos: int, surnames: frozenset[str], boundaries: frozenset[str]) -> tuple[int, int] | None:
    """A 2–3 character name ending at ``pos`` (before a speech verb) that starts a clause.

    >>> name_before("，谢锦生说", 4, frozenset("谢"), frozenset("，"))
    (1, 4)
    """
    for length in (3, 2):
        start = pos - length
        if start < 0 or not _is_han(text[start:pos]):
            continue
        if not (text[start] in surnames or text[start : start + 2] in surnames):
            continue
        if any(c in boundaries for c in text[start:pos]):
            continue
        if start == 0 or text[start - 1] in boundaries or not _is_han(text[start - 1]):
            return start, pos
    return None


def speaker_names(sent: SentenceInput, lex: PatternLexicon, surnames: frozenset[str]) -> list[Candidate]:
    """Names right before a speech verb (谢锦生说, 陈生强表示)."""
    text = sent.text
    out = []
    for verb in lex.speech_verbs:
        at = text.find(verb)
        while at != -1:
            span = name_before(text, at, surnames, lex.name_boundaries)
            if span is not None and text[span[0] : span[1]] not in lex.not_names:
                out.append(Candidate(span[0], span[1], "PERSON", source="pattern:speaker_name", priority=3, score=0.7))
            at = text.find(verb, at + 1)
    return out
