"""Quote rules: words attributed to a person.

* ``quote.say_clause``   — 谢锦生说，这个世界并不缺一家金融公司。 (verb + punctuation,
  the rest of the sentence is the quote).
* ``quote.bracketed``    — 王明远表示：「……」 / 「……」，招商银行行长张某说。 (the quoted passage).
* ``quote.pronoun``      — 他说：“……” right after a sentence naming one person: that person (the
  speaker is the earlier mention; a pronoun is never an entity).
* ``quote.speaker_after`` — “……。”招商银行行长张某在业绩会上表示。 The sentence splitter ends the
  quotation at its full stop; the sentence right after it only names who said it.

A short setting or listener may stand between speaker and verb (王明远在业绩说明会上表示, 周立民对记者表示,
陈明宇此前表示).

``说得很清晰`` and other verbs not followed by punctuation or a quotation mark
are commentary, not quotes.
"""

from __future__ import annotations

import re
from typing import Iterator

from ..facts import QuoteArgs
from ..spans import Entity, TextSpan
from .base import Placed, SentenceView, previous_sentence

_VERBS = ("回应称", "回应指", "表示", "认为", "指出", "透露", "强调", "介绍", "坦言", "直言", "回应", "澄清", "说道", "说", "称")
_OPENERS = "，,：:；;"
_SETTINGS = ("在", "于", "对", "向", "接受", "日前", "近日", "今天", "今日", "昨天", "昨日", "此前", "曾", "也", "还", "则", "随后", "同时", "当天", "当日")
"""What may open the short setting between a speaker and the verb (陈明宇此前表示, 王明远在…上表示)."""
_QUOTED = re.compile(r"[「“『]([^」”』]{2,})[」”』]")
_TAIL = "。！？!?…」”』 "
_CLOSERS = {"」": "「", "”": "“", "』": "『"}


def quote_rules(view: SentenceView) -> Iterator[tuple[str, str, float, QuoteArgs]]:
    """Quote facts in one sentence."""
    text = view.text
    for _, p_end, person in view.labelled("PERSON"):
        verb_at = _verb_position(text, p_end)
        if verb_at is None:
            continue
        after, quoted = _after_verb(text, verb_at)
        if quoted is not None:
            yield "quote", "quote.bracketed", 0.9, QuoteArgs(speaker=person, quote=view.text_span(*quoted.span(1)))
            continue
        if after < len(text) and text[after] in _OPENERS:
            start, end = after + 1, len(text)
            while end > start and text[end - 1] in _TAIL:
                end -= 1
            if end < len(text) and text[end] in _CLOSERS and _CLOSERS[text[end]] in text[start:end]:
                end += 1  # 公司「并未洽谈任何收购案」: a quotation inside the clause keeps its closing mark
            if end - start >= 4:
                yield "quote", "quote.say_clause", 0.8, QuoteArgs(speaker=person, quote=view.text_span(start, end))
    yield from _trailing_speaker(view)
    yield from _pronoun_speaker(view)
    yield from _speaker_after_quote(view)


def _after_verb(text: str, verb_at: int) -> tuple[int, re.Match[str] | None]:
    """Where the speech verb at ``verb_at`` ends, and the quoted passage right after it (：「……」), if any."""
    verb = next(v for v in _VERBS if text.startswith(v, verb_at))
    after = verb_at + len(verb)
    return after, _QUOTED.match(text, after + (1 if after < len(text) and text[after] in _OPENERS else 0))


def _verb_position(text: str, pos: int) -> int | None:
    """Where the speech verb after a speaker starts: right away (王明远表示) or after a
    short setting (王明远在业绩说明会上表示, 吴建华9月5日在…上表示).  The verb must be
    followed by punctuation or a quotation mark (说得很清楚 is not a quote)."""
    if not (any(text.startswith(v, pos) for v in _VERBS) or text.startswith(_SETTINGS, pos) or text[pos : pos + 1].isdigit()):
        return None
    for at in range(pos, min(len(text), pos + 24)):
        if text[at] in _OPENERS + "。":
            verb = next((v for v in _VERBS if text.endswith(v, pos, at)), None)
            return at - len(verb) if verb else None
        verb = next((v for v in _VERBS if text.startswith(v, at)), None)
        if verb and text[at + len(verb) : at + len(verb) + 1] in tuple(_OPENERS + "「“『"):
            return at
    return None


def _trailing_speaker(view: SentenceView) -> Iterator[tuple[str, str, float, QuoteArgs]]:
    """「……」，张某说。 / 「……」张某昨日在…上说。"""
    text = view.text
    for quoted in _QUOTED.finditer(text):
        pos = quoted.end()
        while pos < len(text) and text[pos] in "，, ":
            pos += 1
        person = _person_after_posts(view, pos)  # 「…」，招商银行首席风险官张立群说
        if person is not None and _verb_position(text, person[1]) is not None:  # 张某(昨日在…上)说
            yield "quote", "quote.bracketed", 0.85, QuoteArgs(speaker=person[2], quote=view.text_span(*quoted.span(1)))


def _person_after_posts(view: SentenceView, pos: int) -> Placed[Entity] | None:
    """The person named at ``pos``, after the companies and posts written before the name (招商银行首席风险官兼
    行长|张立群), if one is."""
    lead = view.entity_starting_at(pos)
    while lead is not None and lead[2].label in ("ORG", "TITLE"):
        pos = lead[1] + (1 if view.text.startswith("兼", lead[1]) else 0)
        lead = view.entity_starting_at(pos)
    return view.entity_starting_at(pos, "PERSON")


def _speaker_after_quote(view: SentenceView) -> Iterator[tuple[str, str, float, QuoteArgs]]:
    """“……。”东星银行行长李明在业绩会上表示。: a sentence that only says who spoke, right after a
    sentence that is one quotation (same paragraph)."""
    text = view.text
    lead = _person_after_posts(view, len(text) - len(text.lstrip()))
    if lead is None:
        return
    verb_at = _verb_position(text, lead[1])
    verb = next((v for v in _VERBS if verb_at is not None and text.startswith(v, verb_at)), None)
    if verb is None or text[verb_at + len(verb) :].strip(_TAIL):
        return  # 李明表示，…: the sentence goes on with what was said
    quoted = _quotation_before(view)
    if quoted is not None:
        yield "quote", "quote.speaker_after", 0.8, QuoteArgs(speaker=lead[2], quote=quoted)


def _quotation_before(view: SentenceView) -> TextSpan | None:
    """The passage of the sentence right before, when that sentence is one quotation and no paragraph
    break comes between."""
    prev = previous_sentence(view)
    if prev is None:
        return None
    work = view.doc.work
    base, end = work.to_norm(prev.start, prev.end)
    prev = work.norm[base:end]
    lead = len(prev) - len(prev.lstrip())
    quoted = _QUOTED.fullmatch(prev.rstrip(), lead)
    if quoted is None:
        return None
    o_start, o_end, text = work.orig_span(base + quoted.start(1), base + quoted.end(1))
    return TextSpan(text=text, start=o_start, end=o_end, normalized=quoted.group(1))


_PRONOUNS = ("他", "她")


def _pronoun_speaker(view: SentenceView) -> Iterator[tuple[str, str, float, QuoteArgs]]:
    """他说：“……”: the one person named in the sentence before, in the same paragraph."""
    text = view.text
    lead = len(text) - len(text.lstrip())
    if not text.startswith(_PRONOUNS, lead) or view.entities and view.entities[0][0] <= lead + 1:
        return
    verb_at = _verb_position(text, lead + 1)
    if verb_at is None:
        return
    _, quoted = _after_verb(text, verb_at)
    speaker = _antecedent(view)
    if quoted is not None and speaker is not None:
        yield "quote", "quote.pronoun", 0.7, QuoteArgs(speaker=speaker, quote=view.text_span(*quoted.span(1)))


def _antecedent(view: SentenceView) -> Entity | None:
    """The person of the sentence right before, when it names exactly one and no paragraph break
    comes between."""
    prev = previous_sentence(view)
    if prev is None:
        return None
    people = [e for e in view.doc.entities if e.label == "PERSON" and prev.start <= e.start and e.end <= prev.end]
    return people[-1] if people and len({e.canonical for e in people}) == 1 else None
