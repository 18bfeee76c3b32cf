"""Stage 4 — NER: a backend's candidates with the gazetteer and patterns layered on top.

The backend (``model`` by default: the built-in neural tagger; ``rules``: jieba POS hints) proposes candidates per
sentence of working text; the gazetteer (character-level, boundary-checked)
and the named patterns in :mod:`finextract.ner.patterns` add theirs; overlaps
are resolved by priority, then length.  Person names found by a strong
pattern are then propagated to their other mentions in the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Container, Sequence

from ..document import Document
from ..figures.lexicon import CURRENCY_WORDS
from ..han import HAN
from ..lexicons import PUBLIC_KINDS, Gazetteer, load_gazetteer, load_surnames, load_titles
from ..registry import ner_backend_factory
from ..spans import Entity
from .base import Candidate, NerBackend, SentenceInput
from .gazetteer import GazetteerMatcher
from .patterns import (
    PatternLexicon,
    appointee_names,
    predecessor_names,
    cut_descriptor,
    BRAND_AFTER_PERSON,
    DATING_MARKS,
    INTERBANK_RATES,
    generic_body,
    holder_names,
    is_generic,
    is_han,
    is_sector,
    listed_companies,
    listed_suffix_names,
    name_after,
    occurrences,
    org_apposition,
    org_before_title,
    org_suffix,
    person_or_place,
    plausible_place,
    products,
    speaker_names,
    stock_code_names,
    split_relation_noun,
    strip_body,
    strip_count,
    strip_department_head,
    strip_holding,
    suffix_ending_at,
    titles_in,
)

__all__ = ["NerStage", "Candidate", "NerBackend", "SentenceInput", "resolve"]


def resolve(cands: Sequence[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: higher priority first, then longer, then earlier."""
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in sorted(cands, key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
        if cand.end <= cand.start or any(s < cand.end and cand.start < e for s, e in taken):
            continue
        chosen.append(cand)
        taken.append((cand.start, cand.end))
    return sorted(chosen, key=lambda c: c.start)


_JOINERS = "与和及同跟"
"""Characters that join two parties (江川银行与启明云科); not 、, which also lists people beside an organization."""


_DESCRIPTOR_NOUNS = ("公司", "企业", "机构")


def _drop_descriptors(sent: SentenceInput, cands: list[Candidate]) -> list[Candidate]:
    """Drop an organization that only describes the name right after it (新加坡支付|公司|卓越支付:
    a Singapore payment company named 卓越支付), unless it is a known name."""
    starts = {c.start for c in cands if c.label == "ORG"}

    def descriptor(c: Candidate) -> bool:
        if c.label != "ORG" or c.source == "gazetteer":
            return False
        if c.end in starts and sent.text.endswith(_DESCRIPTOR_NOUNS, c.start, c.end):
            return True
        return any(sent.text.startswith(n, c.end) and c.end + len(n) in starts for n in _DESCRIPTOR_NOUNS)

    return [c for c in cands if not descriptor(c)]


_QUOTE_PAIRS = (("“", "”"), ("「", "」"), ("『", "』"))
_RATING = re.compile(r"(?:A{1,3}|B{1,3}|C{1,3}|D)[+-]?")
"""A credit rating (AAA, BB+, CCC), which the tagger may read as a person."""


def _model_span_ok(text: str, cand: Candidate, word: str) -> bool:
    """A tagger's span with an unbalanced quotation mark (华拓01”公司; 美国密歇根州“生物磁学”公司 is
    fine), one between digits as part of a code (“21华拓01”: a bond's short name), the exchange
    of a stock code (600977.SH), a person that is a credit rating (CCC) or that opens with the
    magnitude of an amount (逾2.1|兆元) is no name."""
    if any(word.count(a) != word.count(b) for a, b in _QUOTE_PAIRS):
        return False
    if 0 < cand.start and cand.end < len(text) and text[cand.start - 1].isdigit() and text[cand.end].isdigit():
        return False
    if cand.start >= 2 and text[cand.start - 1] == "." and text[cand.start - 2].isdigit() and word.isascii() and word.isalpha():
        return False
    if cand.label == "PERSON" and cand.start > 0 and text[cand.start - 1].isdigit() and word[0] in _MAGNITUDES:
        return False  # 逾2.1|兆元: the magnitude and currency of an amount
    return not (cand.label == "PERSON" and _RATING.fullmatch(word))


_MAGNITUDES = frozenset("十百千万亿兆")
_TERRITORY_WORDS = ("本港", "本澳", "本地", "内地")
"""Words for the territory an article is written in, or the mainland, before a kind of company: no name opens with them."""
_CONVERTIBLES = ("转债", "可转债", "可交换债")
_CHANGE_VERBS = frozenset("增减升降涨跌")
_RELATIVE_PLACES = frozenset({"同省", "本省", "外省", "该省", "同市", "本市", "外市", "该市", "当地", "本地", "异地"})
"""Places named relative to another (同省的甬泽农商行): no place name."""


def _generic_head(word: str, pat: PatternLexicon) -> bool:
    """A kind of company before an organization suffix (公司|控股, cut from 公司控股股东): no name."""
    suffix = suffix_ending_at(word, len(word), pat)
    return suffix is not None and len(word) > len(suffix) and is_generic(word[: len(word) - len(suffix)], pat)


def _opens_inside_verb(sent: SentenceInput, start: int, end: int | None = None) -> bool:
    """Whether ``start`` falls inside a word jieba tags a verb (入稟 before 高等法院); with ``end``, only
    when the span also runs past that word (访华 holds the place 华, 入稟|高院 holds none)."""
    return any(s < start < e and tag.startswith("v") and tag != "vn" and (end is None or end > e) for s, e, tag in sent.tokens)


_LATIN = re.compile("[A-Za-z]")
_HAN = re.compile(f"[{HAN}]")
_DATELINE = re.compile(r"[今昨前明]?[（(]\d{1,2}[)）]日")
"""A Taiwan dateline's day (今（13）日)."""


def _trimmed(text: str, cand: Candidate, pat: PatternLexicon) -> Candidate:
    """An organization span without shares, a company organ, a department's opening word or a count of companies
    after it, or a descriptor before it."""
    cand = strip_department_head(text, strip_body(text, strip_holding(text, cand, pat), pat), pat)
    return cut_descriptor(text, strip_count(text, cand, pat), pat)


_COMPANY_ENDINGS = frozenset({"银行", "集团", "公司", "证券", "保险", "控股", "基金", "投资", "科技", "资本", "金融", "支付"})
"""Suffixes only a company ends in (中心 or 大学 may end a place's name too)."""


_REGION_FORM = re.compile(r"[（(](?:香港|澳门|中国|亚洲|国际|台湾|新加坡)[)）](?:股份有限公司|有限责任公司|有限公司)")
"""A Hong Kong style full name's region and legal form after the brand (翠麟银行（香港）有限公司)."""


def _with_region_form(text: str, cand: Candidate) -> Candidate:
    """An organization extended over a bracketed region and legal form right after it (峻廷保险|（香港）有限公司)."""
    if cand.label != "ORG" or cand.source == "gazetteer":
        return cand
    form = _REGION_FORM.match(text, cand.end)
    return replace(cand, end=form.end()) if form is not None else cand


def _place_as_company(text: str, cand: Candidate, pat: PatternLexicon) -> Candidate:
    """A tagger's place that ends in a company suffix is a company (合作伙伴宏硕科技 read as a place); a tagger's
    person that is a listed place is that place (由百慕达的…全资拥有: 百慕达 read as a person)."""
    if cand.label == "PERSON" and cand.source == "model" and text[cand.start : cand.end] in pat.places:
        return replace(cand, label="LOC")
    if cand.label != "LOC" or cand.source != "model" or suffix_ending_at(text, cand.end, pat) not in _COMPANY_ENDINGS:
        return cand
    return replace(cand, label="ORG")


def _org_before_titled_person(text: str, cands: list[Candidate], occupation: Callable[[str], bool]) -> list[Candidate]:
    """A tagger's person right before a company post held by another person is the organization of
    the post (樂付通|創辦人兼行政總裁|陳思敏: a company); bylines (记者杨莉通讯员王媛) are two people."""
    by_start = {c.start: c for c in cands}
    ends = {c.end for c in cands if c.label == "TITLE"}
    out = []
    for c in cands:
        if c.label == "PERSON" and c.source == "model" and c.start not in ends:
            pos, titled = c.end, False
            nxt = by_start.get(pos)
            while nxt is not None and nxt.label == "TITLE" and not occupation(text[nxt.start : nxt.end]):
                titled = True
                pos = nxt.end + (1 if text.startswith("兼", nxt.end) else 0)
                nxt = by_start.get(pos)
            if titled and nxt is not None and nxt.label == "PERSON":
                c = replace(c, label="ORG", source="pattern:org_before_title")
        out.append(c)
    return out


def _cut_at_time(sent: SentenceInput, cand: Candidate, pat: PatternLexicon) -> Candidate:
    """A tagger's organization ending before a time word inside it, where a suffix ends the name
    before it (宏硕科技|去年|向法院); a name that opens with one (明天控股) is left whole."""
    if cand.label != "ORG" or cand.source != "model":
        return cand
    at = next((s for s, _, pos in sent.tokens if cand.start < s < cand.end and pos == "t"), None)
    if at is None or suffix_ending_at(sent.text, at, pat) is None:
        return cand
    return replace(cand, end=at)


_FIRM = ("事务所", "协会", "公会")
"""Words after a profession that make it a kind of firm or body (会计师事务所, 精算师协会)."""


def _reshaped(sent: SentenceInput, cand: Candidate, pat: PatternLexicon) -> Candidate:
    """A candidate's span and label after the fixes for what a tagger or the knowledge base reads too far
    or too short, in order: edge punctuation, a verb opening it, a place's own body, a company the tagger
    read as a place, a post verb ending a person, a time inside a name, a Hong Kong region form after it."""
    cand = _local_body(sent, _without_leading_verb(sent, _without_edge_punctuation(sent.text, cand), pat), pat)
    cand = _cut_post_verb(sent, _place_as_company(sent.text, cand, pat), pat)
    return _with_region_form(sent.text, _cut_at_time(sent, cand, pat))


_NOT_NAME_ENDINGS = frozenset("说称讲在和与及是为的了等以于则率将对向把被从也都就又还即因转所曾已均到给跟由按任")
"""Characters jieba may glue to a name it does not know that are a verb or function word, not the name's end
(李菊|以, 哈文|则, 马内|率)."""


def _whole_unknown_name(sent: SentenceInput, cand: Candidate, surnames: frozenset[str]) -> Candidate:
    """A tagger's two-character person opening with a surname that stops one character inside a three-character
    word jieba does not know, opening where the person does, is that word (酆启|望 of 酆启望|出任); a glued verb
    or function word is no part of it."""
    if cand.label != "PERSON" or cand.source != "model" or cand.end - cand.start != 2 or sent.text[cand.start] not in surnames:
        return cand
    word = next((t for t in sent.tokens if t[0] == cand.start), None)
    if word is None or word[2] != "unk" or word[1] != cand.end + 1:
        return cand
    last = sent.text[cand.end]
    return cand if last in _NOT_NAME_ENDINGS or not is_han(last) else replace(cand, end=word[1])


_EDGE_PUNCTUATION = "，,。；;：:、！？!?"


def _without_leading_verb(sent: SentenceInput, cand: Candidate, pat: PatternLexicon) -> Candidate:
    """A tagger's organization without a verb that opens no name (``org_stop_words``: 保荐, 责令, 收购 …) at its
    start, when a name ending in a suffix follows (保荐|荥嵊医疗科技股份有限公司: the sponsor's verb and the company)."""
    if cand.label != "ORG" or cand.source != "model":
        return cand
    first = next((t for t in sent.tokens if t[0] == cand.start), None)
    if first is None or first[2] != "v" or sent.text[first[0] : first[1]] not in pat.org_break_words:
        return cand  # 联合|石化有限公司: a verb that names may open stays
    if cand.end - first[1] < 4 or suffix_ending_at(sent.text, cand.end, pat) is None:
        return cand
    return replace(cand, start=first[1])


def _without_edge_punctuation(text: str, cand: Candidate) -> Candidate:
    """A tagger's span without clause punctuation at its edges (，|公司: the tagger read the comma into it)."""
    start, end = cand.start, cand.end
    while start < end and text[start] in _EDGE_PUNCTUATION:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCTUATION:
        end -= 1
    return cand if (start, end) == (cand.start, cand.end) else replace(cand, start=start, end=end)


_LOCAL_BODIES = frozenset({"国资委", "发改委", "金融办"})
"""Known bodies' short names that every province and city has its own of (湖南省国资委)."""


def _local_body(sent: SentenceInput, cand: Candidate, pat: PatternLexicon) -> Candidate:
    """A known body's short name right after a place (衡阳市|国资委) is the place's own body, not the
    national one the knowledge base names: one organization with the place, unlinked."""
    if cand.source != "gazetteer" or sent.text[cand.start : cand.end] not in _LOCAL_BODIES:
        return cand
    before = [t for t in sent.tokens if t[1] <= cand.start]
    if not before or before[-1][1] != cand.start:
        return cand
    start = before[-1][0]
    if sent.text[start : cand.start] in pat.place_suffixes:
        # 湖南|省|国资委; 之前|市|发改委 names no place
        if len(before) < 2 or before[-2][1] != start or not (before[-2][2] == "ns" or sent.text[before[-2][0] : start] in pat.places):
            return cand
        start = before[-2][0]
    if not plausible_place(sent.text[start : cand.start], pat):
        return cand
    return Candidate(start, cand.end, "ORG", source="pattern:local_body", priority=cand.priority, score=cand.score)


def _cut_post_verb(sent: SentenceInput, cand: Candidate, pat: PatternLexicon) -> Candidate:
    """A tagger's person ending in a word of taking or leaving a post (瞿仲桓|辞任 in a headline): the name before it."""
    if cand.label != "PERSON" or cand.source != "model":
        return cand
    at = next((s for s, e, _ in sent.tokens if cand.start + 2 <= s and e == cand.end and sent.text[s:e] in pat.role_verbs), None)
    return cand if at is None else replace(cand, end=at)


_DEAL_VERBS = frozenset({"合并", "收购", "并购", "入股", "增持", "减持", "起诉", "联手", "携手"})
"""Verbs between two companies that no name holds (东星集团以…合并|融众集团)."""


def _kind_before(text: str, start: int, cand: Candidate, pat: PatternLexicon) -> bool:
    """Whether ``text[start:cand.start]`` ends in a kind of organization written in apposition (商户, 合作伙伴),
    or ends in a suffix before a full legal name (…设计公司|祯崙科技股份有限公司; not 新加坡支付公司|卓越支付,
    where the tagger's longer reading is cut later)."""
    if text.endswith(pat.apposition_kinds, start, cand.start):
        return True
    kind = suffix_ending_at(text, cand.start, pat)
    # a trade word (化工|新材料有限公司) or a weak suffix may be part of one long name
    strong = kind is not None and (kind in ("公司", "集团") or kind not in pat.industry_suffixes and kind not in pat.weak_suffixes)
    return text.endswith(_LEGAL_ENDINGS, 0, cand.end) and (strong or text.endswith(_KIND_ENDINGS, start, cand.start))


_KIND_ENDINGS = ("厂", "厂商", "业者", "企业")
"""Endings of a kind of company written before a full name (LED驱动晶片厂|玮圃光电股份有限公司)."""


def _opens_with_kind(text: str, start: int, end: int, pat: PatternLexicon) -> bool:
    """Whether ``text[start:end]`` opens with a generic kind of organization (上市公司|翕)."""
    return any(is_generic(text[start:k], pat) for k in range(start + 2, end + 1))


_LEGAL_ENDINGS = ("有限公司", "有限责任公司", "（有限合伙）")


def _branch_of(text: str, known: Candidate, pat: PatternLexicon) -> Candidate | None:
    """A known institution's branch written right after it with a place (中国人民银行|浙江省分行,
    国家金融监督管理总局|上海监管局): one organization, the branch."""
    m = _BRANCH.match(text, known.end)
    place = m.group("place") if m is not None else None
    # 国家金融监督管理总局|岈州|监管分局: a supervisor's local office makes a city's name before it a place
    if m is None or (place and not plausible_place(place, pat) and not (m.group("unit") in _SUPERVISION_UNITS and _city(place, pat))):
        return None
    return Candidate(known.start, m.end(), "ORG", source="pattern:branch", priority=4, score=0.9)


_SUPERVISION_UNITS = ("监管分局", "监管局")


def _city(word: str, pat: PatternLexicon) -> bool:
    """A place's name by its level (岈州, 瀍江省), which the place list need not know: two to four Han characters
    ending in a place suffix."""
    return 2 <= len(word) <= 4 and is_han(word) and word.endswith(pat.place_suffixes)


def _department_of(text: str, start: int, end: int, pat: PatternLexicon) -> bool:
    """Whether ``text[start:end]``, written right after a public body's name, names a department or a kind
    (人身保险, 上市公司) rather than a branch of it (浙江省分行, 上海监管局)."""
    if text.endswith(_BRANCHES, start, end):
        return False
    return text.endswith(_SECTORS, start, end) or is_generic(text[start:end], pat)


_BRANCHES = ("中心支行", "分行", "支行", "监管分局", "分局", "监管局", "办事处", "营业管理部")
"""Units of an institution written after its name with a place (浙江省分行, 上海监管局)."""
_BRANCH = re.compile(r"(?P<place>[" + HAN + r"]{2,6}?(?:省|市|自治区|特别行政区)?)?(?P<unit>" + "|".join(_BRANCHES) + ")")


_SECTORS = ("保险", "银行", "证券", "信托", "基金", "期货", "金融", "支付")
"""Sectors a regulator's department is named after (人身保险监管司, 银行机构检查司)."""


def _weak_extension_ok(sent: SentenceInput, known_end: int, end: int, pat: PatternLexicon) -> bool:
    """Whether the words from the end of a known name to ``end`` may extend it into another name.

    A strong suffix always may (中国工商银行|股份有限公司).  A weak suffix
    alone names a subsidiary only after a bare brand and only as a noun
    (汇丰|科技); not after a name that already ends in a suffix (京东金融|科技的整合),
    and not as a verb (招行|投资永隆).
    """
    rest = sent.text[known_end:end]
    if rest not in pat.weak_suffixes:
        return True
    if suffix_ending_at(sent.text, known_end, pat):
        return False
    return any(s == known_end and e == end and tag.startswith("n") for s, e, tag in sent.tokens)


def _defer_to_model(
    sent: SentenceInput, model: Sequence[Candidate], layered: list[Candidate], relation_nouns: Sequence[str] = (), pat: PatternLexicon | None = None
) -> list[Candidate]:
    """Drop suffix-pattern organizations inside a longer statistical organization (a trade-word name,
    anywhere inside it: 常熟三爱富中昊化工|新材料有限公司), and those the model reads exactly as a place.

    The suffix pattern walks left over nominal words and stops at the first
    word it cannot read as part of a name; where the model reads further left
    to the same end, it saw the whole name (日本长期信用银行, not 信用银行), and
    where it reads on past the suffix to a legal form, the name goes on (韩国友利银行（中国）有限公司) —
    unless its span holds a conjunction or preposition (京东金融与瀚海控股集团:
    two names glued), also one the segmenter glued to the next name (星汇银行|由星汇|集团),
    or it ends inside a word (艾瑞咨询金融行|业分析师: no better reading of the name).
    Nor does it where its span holds a deal's verb (澳门元|合并|融众集团), opens inside
    a dictionary word (所|持霁桉…), or reads a kind of company (商户, …设计公司), or a
    known name and a kind (深交所|上市公司), before the name (``pat`` given).
    A suffix is no proof of an organization where the model reads a place
    (上海国际博览中心, 南联盟).
    """
    spans: list[tuple[int, int]] = []
    ends = {e for _, e, _ in sent.tokens}
    starts = {s for s, _, _ in sent.tokens}
    verbs_at = {s for s, _, tag in sent.tokens if tag == "v"}
    # positions inside a dictionary word (an unknown word may hold a glued preposition: 为衡|远投资…)
    inside_known = {k for s, e, tag in sent.tokens if tag != "unk" for k in range(s + 1, e)}
    # 东星集团|联合|瀚海集团: a suffix name at the model span's start, a verb after it, is a first name glued to a second
    glued = {(c.start, c.end) for c in layered if c.source == "pattern:org_suffix" and c.end in verbs_at}
    for c in model:
        if any(s == c.start and e < c.end for s, e in glued):
            continue
        if c.start in inside_known or (pat is not None and c.start not in starts and sent.text[c.start] in pat.org_bad_initials):
            # 所|持霁桉国际信托…, 其所|持霁桉…: a span opening inside a word read its last character, a verb, into the name
            continue
        if c.label == "ORG":
            c = _after_relation_noun(sent.text, c, relation_nouns, starts)
        if c.label != "ORG" or c.end not in ends or any(n in sent.text[c.start : c.end] for n in relation_nouns) or _person_glued(sent, c.start, c.end):
            continue  # 华晨证券控股股东华晨金控集团 is split at its relation noun later
        # a conjunction, a preposition or a deal's verb after the span's first word glues two readings (澳门元|合并|融众集团)
        if not any(s < c.end and c.start < e and (tag[:1] in ("c", "p") or c.start < s and sent.text[s:e] in _DEAL_VERBS) for s, e, tag in sent.tokens):
            spans.append((c.start, c.end))
    places = {(c.start, c.end) for c in model if c.label == "LOC"}
    if not spans and not places:
        return layered
    known = {c.start: c.end for c in layered if c.source == "gazetteer"}

    def held(c: Candidate) -> bool:
        inside = [(s, e) for s, e in spans if s <= c.start and c.end <= e and e - s > c.end - c.start]
        if c.source == "pattern:org_trade":
            return bool(inside)
        if pat is not None and any(s < c.start and _kind_before(sent.text, s, c, pat) for s, _ in inside):
            return False  # 电源管理晶片设计公司|祯崙科技股份有限公司, 商户|濯枫商贸有限公司: a kind written before the name
        if pat is not None and any(known.get(s, c.start + 1) <= c.start and _opens_with_kind(sent.text, known[s], c.start, pat) for s, _ in inside):
            return False  # 深交所|上市公司|翕檀网络科技…: the tagger glued a known name and a kind to the next name
        return any(_legal_extension(sent, c.end, e) if e > c.end else not _glued_marker(sent.text, c.start) for _, e in inside)

    return [c for c in layered if not (c.source in ("pattern:org_suffix", "pattern:org_trade") and (held(c) or (c.source == "pattern:org_suffix" and (c.start, c.end) in places)))]


def _after_relation_noun(text: str, cand: Candidate, relation_nouns: Sequence[str], starts: set[int]) -> Candidate:
    """The part of a model organization after the last relation noun in it, if that part opens a word
    (祁钧钢铁原控股股东|河西钧达国有资本投资有限公司: the second name, read to its legal form)."""
    word = text[cand.start : cand.end]
    cut = max((word.rfind(n) + len(n) for n in relation_nouns if n in word), default=0)
    return replace(cand, start=cand.start + cut) if 0 < cut < len(word) and cand.start + cut in starts else cand


def _glued_starts(sent: SentenceInput, model: Sequence[Candidate], layered: list[Candidate]) -> list[Candidate]:
    """Start a suffix-pattern organization where the tagger's organization with the same end starts,
    when what lies before it is one or two characters of a word the segmenter did not know
    (了泽东|公司, 前中|储粮…分公司, 图为|润泽地产: a particle, a time word or a caption glued to the name)."""
    unknown = {s: e for s, e, tag in sent.tokens if tag == "unk"}
    starts = {c.end: c.start for c in model if c.label == "ORG"}
    out = []
    for c in layered:
        at = starts.get(c.end)
        if c.source in ("pattern:org_suffix", "pattern:org_trade") and at is not None and c.start < at <= min(c.start + 2, unknown.get(c.start, -1)):
            c = replace(c, start=at)
        out.append(c)
    return out


_GLUED_AFTER_NAME = frozenset("已为在将也都就曾即又还才被")
"""One-character adverbs and prepositions the segmenter glues to a name before them (朱琦已|预备, 杜泰为|团长)."""


def _names_before_glued_words(model: Sequence[Candidate], layered: list[Candidate], text: str) -> list[Candidate]:
    """End a pattern's three-character person before a glued adverb or preposition where the tagger
    reads the two-character name (副行长朱琦已预备出任: 朱琦), and at the end of the tagger's foreign name
    that goes on past a middle dot (主席霍斯特·西伯特)."""
    people = {(c.start, c.end) for c in model if c.label == "PERSON"}
    dotted = {c.start: c.end for c in model if c.label == "PERSON" and "·" in text[c.start : c.end]}
    out = []
    for c in layered:
        if c.label == "PERSON" and c.end - c.start == 3 and text[c.end - 1] in _GLUED_AFTER_NAME and (c.start, c.end - 1) in people:
            c = replace(c, end=c.end - 1)
        elif c.label == "PERSON" and dotted.get(c.start, 0) > c.end and text.startswith("·", c.end):
            c = replace(c, end=dotted[c.start])  # 主席霍斯特|·西伯特: a foreign name goes on past its dot
        out.append(c)
    return out


def _weak_suffix_verbs(sent: SentenceInput, model: Sequence[Candidate], layered: list[Candidate], pat: PatternLexicon) -> list[Candidate]:
    """Drop a suffix-pattern organization whose weak suffix is a verb with its object after it, right
    after the tagger's organization that ends in a suffix of its own (林达集团|投资|开发): the tagger's
    name is the subject (澐嶠銀行|支付|首期款項 too: a time word or a number may open the object).  After a
    bare brand the weak suffix ends the name (北辰|投资|持有, 汇联|支付|成立)."""
    ends = {c.end for c in model if c.label == "ORG"}
    tags = {s: (e, tag) for s, e, tag in sent.tokens}

    def verb_after_name(c: Candidate) -> bool:
        suffix = suffix_ending_at(sent.text, c.end, pat)
        if c.source != "pattern:org_suffix" or suffix not in pat.weak_suffixes or c.end - len(suffix) not in ends:
            return False
        if suffix_ending_at(sent.text, c.end - len(suffix), pat) is None:
            return False
        end, tag = tags.get(c.end - len(suffix), (0, ""))
        after = tags.get(c.end, (0, ""))[1]
        return end == c.end and tag in ("v", "vn") and after[:1] in ("v", "n", "j", "e", "t", "m")

    return [c for c in layered if not verb_after_name(c)]


def _legal_extension(sent: SentenceInput, start: int, end: int) -> bool:
    """Whether ``[start, end)`` continues a name to its legal form: nominal words up to 公司, no clause
    break (友利银行|（中国）有限公司; not 恒昌银行|零售银行, nor 华岳证券|合并，新公司)."""
    return sent.text.endswith("公司", 0, end) and _nominal(sent, start, end) and not any(ch in _CLAUSE_MARKS for ch in sent.text[start:end])


_CLAUSE_MARKS = frozenset("，,。；;：:、！!？?")

_PERSON_GLUE = "为任在"
"""Characters between a person and the organization after them that jieba glues to the name (任命郭子|健为|北川银行)."""


def _after_person(sent: SentenceInput, model: Sequence[Candidate], layered: list[Candidate]) -> list[Candidate]:
    """A pattern's organization that opens with the tagger's person and a glued 为/任/在 starts after
    them (任命郭子健为北川银行…: the bank, not 郭子健为北川银行)."""
    people = {c.start: c.end for c in model if c.label == "PERSON"}
    out = []
    for c in layered:
        end = people.get(c.start)
        if c.label == "ORG" and end is not None and end + 1 < c.end - 1 and sent.text[end] in _PERSON_GLUE:
            c = replace(c, start=end + 1)
        out.append(c)
    return out


def _defer_titles(sent: SentenceInput, model: Sequence[Candidate], layered: list[Candidate]) -> list[Candidate]:
    """Drop a lexicon title inside a longer statistical title with the same end whose extra words are
    nouns and no organization (零售|业务主管: the model's 零售业务主管 is the whole post)."""
    orgs = [(c.start, c.end) for c in layered if c.label == "ORG"]
    longer = {
        m.end: m.start
        for m in model
        # 原|党委书记: a word dating the post opens no longer title (the role reads it as a former post)
        if m.label == "TITLE" and not any(s < m.end and m.start < e for s, e in orgs) and sent.text[m.start] not in DATING_MARKS
    }

    def modifier_only(start: int, end: int) -> bool:
        inside = [tag for s, e, tag in sent.tokens if start <= s and e <= end]
        return bool(inside) and all(tag.startswith("n") or tag == "vn" for tag in inside) and all(s < start or s >= end or e <= end for s, e, _ in sent.tokens)

    return [
        c
        for c in layered
        if not (c.source == "pattern:title" and longer.get(c.end, c.start) < c.start and modifier_only(longer[c.end], c.start))
    ]


def _title_after_model_org(sent: SentenceInput, model: Sequence[Candidate], layered: list[Candidate], titles: Container[str]) -> list[Candidate]:
    """Start a lexicon title at the end of a statistical organization it opens inside, where the rest is
    a title of its own (香港特别行政区筹备委员会|委员, 市住房保障管理中心|主任: the department word ends
    the organization) and no organization of the layers is there; also one that opens with the
    organization when the segmenter knows it by name (外交部|发言人, 民政部|部长)."""
    ends = {e for _, e, _ in sent.tokens}
    starts = {s: tag for s, _, tag in sent.tokens}
    layered_orgs = [(c.start, c.end) for c in layered if c.label == "ORG"]
    orgs = [
        (m.start, m.end)
        for m in model
        if m.label == "ORG"
        and m.end in ends
        and not starts.get(m.start, "p").startswith(_NON_NOMINAL)  # 落|单于|金融科技事业部: no name opens inside a word
        and not any(s < m.end and m.start < e for s, e in layered_orgs)
    ]
    if not orgs:
        return layered
    named = {(s, e) for s, e, tag in sent.tokens if tag == "nt"}
    out = []
    for c in layered:
        if c.source == "pattern:title":
            # 外交部|发言人: a title over a whole organization the segmenter knows by name starts after it
            cut = next((e for s, e in orgs if (s < c.start or s == c.start and (s, e) in named) and c.start < e < c.end and sent.text[e : c.end] in titles), None)
            if cut is not None:
                c = replace(c, start=cut)
        out.append(c)
    return out


def _person_glued(sent: SentenceInput, start: int, end: int) -> bool:
    """Whether ``[start, end)`` opens with a full person's name (a token of three characters tagged
    ``nr*``) followed by a brand (陈立新|安泰|人寿保险股份有限公司): a verb's object glued to the
    company after it."""
    inside = [(s, e, tag) for s, e, tag in sent.tokens if start <= s and e <= end]
    if len(inside) < 3 or inside[0][0] != start or not inside[0][2].startswith("nr") or inside[0][1] - start != 3:
        return False
    return inside[1][2] in BRAND_AFTER_PERSON


_NON_NOMINAL = ("v", "p", "d", "r", "c", "u", "m", "q", "f", "t")


def _lone_verb(sent: SentenceInput, cand: Candidate) -> bool:
    """Whether the span is exactly one token that jieba tags as a verb, adjective or adverb, or holds
    将/把 as a word of its own (瀅琚银行|将|财富管理处: the clause goes on)."""
    return any(
        (s == cand.start and e == cand.end and pos[:1] in ("v", "a", "d"))
        or (cand.start < s and e < cand.end and pos[:1] in ("p", "d") and sent.text[s:e] in _OBJECT_MARKERS)
        for s, e, pos in sent.tokens
    )


_OBJECT_MARKERS = frozenset({"将", "把"})


def _verb_led(sent: SentenceInput, start: int) -> bool:
    """Whether the word starting at ``start`` is a verb (质押|股份)."""
    return any(s == start and pos == "v" for s, _, pos in sent.tokens)


def _joined_kinds(sent: SentenceInput, cand: Candidate, pat: PatternLexicon) -> bool:
    """Whether a span joins two words by 与/及 and one side is a kind of institution, not a name
    (网贷平台与银行: the tagger read two kinds as one organization), or by 和 and both are, or it opens
    with the conjunction."""
    for s, e, pos in sent.tokens:
        if s == cand.start and pos[:1] == "c" and sent.text[s:e] in _JOINING_WORDS | {"和"}:
            return True  # 和|律师事务所 (left after the kind before it was cut off): a list's tail
        if cand.start < s and e < cand.end and pos[:1] in ("c", "p") and sent.text[s:e] in _JOINING_WORDS | {"和"}:
            left, right = sent.text[cand.start : s], sent.text[e : cand.end]
            if min(len(left), len(right)) < 2:
                return False
            if sent.text[s:e] == "和":
                # 保险仲裁机构|和|律师事务所: both sides kinds
                return any(left.endswith(g) for g in pat.generic_orgs if len(g) >= 2) and is_generic(right, pat)
            return is_generic(left, pat) or is_generic(right, pat)
    return False


_JOINING_WORDS = frozenset({"与", "及", "同", "跟"})
"""Conjunctions that join two names; 和 joins two only when both are kinds, names hold it (安和银行, 中和证券)."""


def _glued_marker(text: str, start: int) -> bool:
    """Whether the character before ``start`` is a passive marker or preposition (由, 获, 被, 与)."""
    return start > 0 and text[start - 1] in _GLUED_MARKERS


_GLUED_MARKERS = frozenset("由获被与和向对给把")


def _nominal(sent: SentenceInput, start: int, end: int) -> bool:
    """No verb, pronoun, adverb or function word among the tokens of ``[start, end)``."""
    return not any(s < end and start < e and pos.startswith(_NON_NOMINAL) for s, e, pos in sent.tokens)


@dataclass
class _Lexicons:
    gazetteer: Gazetteer
    matcher: GazetteerMatcher
    titles: Any
    title_matcher: Any
    surnames: frozenset[str]
    patterns: PatternLexicon

    @classmethod
    def load(cls, extra_gazetteers: Sequence[str] = ()) -> "_Lexicons":
        import ahocorasick_rs

        gazetteer = load_gazetteer(extra_paths=list(extra_gazetteers)) if extra_gazetteers else load_gazetteer()
        titles = load_titles()
        title_matcher = ahocorasick_rs.AhoCorasick(
            list(titles.titles), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
        )
        return cls(gazetteer, GazetteerMatcher(gazetteer), titles, title_matcher, load_surnames(), PatternLexicon.load())


@dataclass
class NerStage:
    """Document → Document: fills ``entities``."""

    backend: NerBackend
    lexicons: _Lexicons = field(default_factory=_Lexicons.load)
    name: str = "ner"
    requires: frozenset[str] = frozenset({"normalized", "sentences", "tokens"})
    provides: frozenset[str] = frozenset({"entities"})

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> "NerStage":
        """Build from pipeline options (``ner``, ``ner_model``, ``gazetteers``)."""
        factory = ner_backend_factory(options.get("ner", "model"))
        builder = getattr(factory, "from_options", None)
        backend = builder(options) if builder is not None else factory()
        return cls(backend=backend, lexicons=_Lexicons.load(options.get("gazetteers", ())))

    def __call__(self, doc: Document) -> Document:
        """Recognize entities sentence by sentence, then propagate names.

        A person or organization name found by a pattern in one sentence
        (董事长易会满, 瀚海集团董事长) is tagged at its other mentions too.
        """
        work = doc.work
        inputs, offsets = self._inputs(doc)
        backend_cands = [self._undated(s, b) for s, b in zip(inputs, self.backend.predict(inputs))]
        per_sentence = [
            resolve(self._plausible(s, list(b) + self._model_layers(s, b)))
            for s, b in zip(inputs, backend_cands)
        ]
        occupation = self.lexicons.titles.is_occupation
        per_sentence = [_org_before_titled_person(s.text, cands, occupation) for s, cands in zip(inputs, per_sentence)]
        per_sentence = self._propagate_names(inputs, per_sentence)
        per_sentence = self._sister_names(inputs, per_sentence)
        per_sentence = self._drop_name_heads(inputs, per_sentence)
        per_sentence = [_drop_descriptors(s, self._coordinated_orgs(s, cands)) for s, cands in zip(inputs, per_sentence)]
        entities: list[Entity] = []
        for base, sent, cands in zip(offsets, inputs, per_sentence):
            for c in cands:
                start, end, text = work.orig_span(base + c.start, base + c.end)
                entities.append(
                    Entity(
                        text=text,
                        start=start,
                        end=end,
                        label=c.label,  # type: ignore[arg-type]
                        canonical=c.canonical or sent.text[c.start : c.end],
                        id=c.entity_id,
                        source=c.source,
                    )
                )
        return doc.model_copy(update={"entities": entities, "meta": {**doc.meta, "ner": self.backend.name}})

    def _undated(self, sent: SentenceInput, model: Sequence[Candidate]) -> list[Candidate]:
        """The tagger's candidates without an organization that opens with a word dating a post
        (时任|信息科技部|总经理: the department belongs to the title the patterns read, no organization)."""
        qualifiers = self.lexicons.patterns.title_qualifiers
        return [c for c in model if not (c.label == "ORG" and any(sent.text.startswith(q, c.start) for q in qualifiers))]

    def _model_layers(self, sent: SentenceInput, model: Sequence[Candidate]) -> list[Candidate]:
        """The layers' candidates for one sentence, reconciled with the statistical ones (see the functions called)."""
        layered = _after_person(sent, model, self._layered(sent))
        layered = _defer_to_model(sent, model, layered, self.lexicons.patterns.relation_nouns, self.lexicons.patterns)
        layered = _weak_suffix_verbs(sent, model, _glued_starts(sent, model, layered), self.lexicons.patterns)
        layered = _names_before_glued_words(model, layered, sent.text)
        return _title_after_model_org(sent, model, _defer_titles(sent, model, layered), self.lexicons.titles)

    def _drop_name_heads(self, inputs: list[SentenceInput], per_sentence: list[list[Candidate]]) -> list[list[Candidate]]:
        """Drop a tagger's place or person that is exactly the name of an organization in the document
        without its suffix (华晟 of 华晟基金: 华晟成长混合基金 is a fund, not a place); known places
        (北京 of 北京银行) stay."""
        orgs = {s.text[c.start : c.end] for s, cands in zip(inputs, per_sentence) for c in cands if c.label == "ORG"}
        if not orgs:
            return per_sentence
        pat = self.lexicons.patterns

        def head_only(sent: SentenceInput, c: Candidate) -> bool:
            word = sent.text[c.start : c.end]
            if c.source != "model" or c.label not in ("LOC", "PERSON") or plausible_place(word, pat):
                return False
            return any(org.startswith(word) and suffix_ending_at(org, len(org), pat) == org[len(word) :] for org in orgs if len(org) > len(word))

        return [[c for c in cands if not head_only(s, c)] for s, cands in zip(inputs, per_sentence)]

    def _coordinated_orgs(self, sent: SentenceInput, cands: list[Candidate]) -> list[Candidate]:
        """A tagger's person of four or more Han characters with no surname, joined to a preceding
        organization by 与/和/及/同/跟, is an organization (江川银行与启明云科签署…)."""
        orgs = [(c.start, c.end) for c in cands if c.label == "ORG"]
        if not orgs:
            return cands
        surnames = self.lexicons.surnames

        def company(c: Candidate) -> bool:
            word = sent.text[c.start : c.end]
            if c.source != "model" or c.label != "PERSON" or len(word) < 4 or not is_han(word):
                return False
            if word[0] in surnames or word[:2] in surnames:
                return False
            # the organization first: 总理基里延科、财政部长扎多尔诺夫和中央银行… lists people before an organization
            return any(e + 1 == c.start and sent.text[e] in _JOINERS for _, e in orgs)

        return [replace(c, label="ORG", source="model:coordinated") if company(c) else c for c in cands]

    def _brands(self, inputs: list[SentenceInput], per_sentence: list[list[Candidate]]) -> set[str]:
        """Heads of the document's found organization names before their suffix (晨光 of 晨光控股).

        Known names (建设 of 建设银行), places (北京 of 北京银行) and heads of
        fewer than two Han characters are no brands.
        """
        pat = self.lexicons.patterns
        brands = set()
        for sent, cands in zip(inputs, per_sentence):
            for c in cands:
                if c.label != "ORG" or c.source == "gazetteer":
                    continue
                word = sent.text[c.start : c.end]
                # 天元股份: a listed company's short name ends in 股份, which is no suffix of its own
                suffix = suffix_ending_at(word, len(word), pat) or ("股份" if word.endswith("股份") else None)
                head = word[: len(word) - len(suffix)] if suffix else ""
                if len(head) >= 2 and is_han(head) and not plausible_place(head, pat) and self.lexicons.gazetteer.lookup(head) is None:
                    brands.add(head)
        return brands

    def _sister_names(self, inputs: list[SentenceInput], per_sentence: list[list[Candidate]]) -> list[list[Candidate]]:
        """A brand of the document before another organization suffix names a sister company (晨光控股 → 晨光资本).

        The tagger and the suffix pattern miss such names when the brand is a
        dictionary word (晨光, morning light) and the suffix is weak (资本).
        The name must end on a word boundary and may only replace what lies
        inside it.
        """
        brands = self._brands(inputs, per_sentence)
        if not brands:
            return per_sentence
        pat = self.lexicons.patterns
        out = []
        for sent, cands in zip(inputs, per_sentence):
            found = list(occurrences(sent.text, sorted(brands)))
            starts = {s for s, _, _ in sent.tokens} if found else set()
            ends = {e for _, e, _ in sent.tokens} if found else set()
            extra = []
            for s, brand in found:
                at = s + len(brand)
                length = next((n for n in pat.suffix_lengths if sent.text[at : at + n] in pat.suffix_set and at + n in ends), 0)
                end = at + length
                if s in starts and length and not any(c.start < end and s < c.end and not (s <= c.start and c.end <= end) for c in cands):
                    extra.append(Candidate(s, end, "ORG", source="propagated:brand", priority=3, score=0.7))
            out.append(resolve(cands + extra) if extra else cands)
        return out

    def _suffixed_model_org(self, word: str, cand: Candidate) -> bool:
        """A model organization of at least four Han characters ending in an organization suffix (晨光控股).

        Such a name is propagated like a pattern's: the tagger may find it in
        one sentence (聘任刘晓峰为晨光控股总裁) and miss it where it opens the
        sentence (晨光控股发布公告称).
        """
        pat = self.lexicons.patterns
        if cand.source != "model" or cand.label != "ORG" or len(word) < 4 or not is_han(word):
            return False
        suffix = suffix_ending_at(word, len(word), pat)
        return suffix is not None and not is_sector(word, suffix, pat) and not _generic_head(word, pat)

    def sentence_inputs(self, doc: Document) -> tuple[list[SentenceInput], list[int]]:
        """What the backend sees: each sentence's working text and tokens, and its offset in the working text."""
        return self._inputs(doc)

    def _inputs(self, doc: Document) -> tuple[list[SentenceInput], list[int]]:
        work = doc.work
        inputs: list[SentenceInput] = []
        offsets: list[int] = []
        tokens = doc.tokens
        identity = work.offsets.is_identity
        k = 0
        for sent in doc.sentences:
            n_start, n_end = work.to_norm(sent.start, sent.end)
            while k < len(tokens) and tokens[k].end <= sent.start:
                k += 1
            first = k
            while k < len(tokens) and tokens[k].start < sent.end:
                k += 1
            if identity:
                toks = [(t.start - n_start, t.end - n_start, t.pos) for t in tokens[first:k]]
            else:
                toks = [(s - n_start, e - n_start, t.pos) for t in tokens[first:k] for s, e in [work.to_norm(t.start, t.end)]]
            inputs.append(SentenceInput(work.norm[n_start:n_end], tuple(toks)))
            offsets.append(n_start)
        return inputs, offsets

    def _layered(self, sent: SentenceInput) -> list[Candidate]:
        lex = self.lexicons
        bounds = sorted({t[0] for t in sent.tokens} | {t[1] for t in sent.tokens})
        cands = [
            Candidate(m.start, m.end, m.label, source="gazetteer", priority=4, score=0.95, canonical=m.canonical, entity_id=m.entry_id)
            for m in lex.matcher.find(sent.text, token_bounds=bounds)
        ]
        cands += [b for c in cands if c.label == "ORG" for b in [_branch_of(sent.text, c, lex.patterns)] if b is not None]
        gaz = [(c.start, c.end) for c in cands if c.source == "gazetteer"]
        public = [(c.start, c.end) for c in cands if self._public(c.entity_id)]
        # 利用京东金融 is not an organization: a suffix name may only extend a
        # known name on its right (中国工商银行股份有限公司), never on its left; a public body
        # with a sector after it (国家金融监督管理总局|人身保险|监管司) names one of its departments.
        cands += [
            o
            for o in org_suffix(sent, lex.patterns)
            if not any(o.start < s < o.end for s, _ in gaz)
            and not any(o.start == s and not _weak_extension_ok(sent, e, o.end, lex.patterns) for s, e in gaz)
            and not any(o.start == s and o.end > e and _department_of(sent.text, e, o.end, lex.patterns) for s, e in public)
        ]
        suffixed = [(c.start, c.end) for c in cands if c.source == "pattern:org_suffix"]
        cands += [
            o
            for o in org_apposition(sent, lex.patterns) + listed_companies(sent, lex.patterns) + stock_code_names(sent, lex.patterns) + listed_suffix_names(sent, lex.patterns)
            if not any(o.start < e and s < o.end for s, e in gaz)
            # 瑞和人寿（601888.SH）: the suffix name reads further left than the word before the code
            and not (o.source == "pattern:stock_code" and any(s < o.start and e == o.end for s, e in suffixed))
        ]
        orgs = [(c.start, c.end) for c in resolve(cands) if c.label in ("ORG", "PRODUCT")]
        title_hits = self._title_hits(sent, orgs)
        titles = titles_in(sent, title_hits, lex.titles.department_ending, orgs, lex.patterns)
        known_words = frozenset(s for s, e, tag in sent.tokens if e - s >= 2 and tag not in ("unk", "x", "m", "eng", "nr"))
        for k, t in enumerate(titles):
            if lex.titles.is_occupation(sent.text[t.start : t.end]):
                continue  # 美国总统, 日电记者, 记者来自: no organization before, no name after
            if not any(s < t.start + 1 and t.start <= e for s, e in orgs):
                org = org_before_title(sent.text, t.start, lex.patterns)
                if (
                    org is not None
                    and suffix_ending_at(sent.text, org[1], lex.patterns) != sent.text[org[0] : org[1]]  # 证券|分析师: a bare suffix
                    and not any(s < org[1] and org[0] < e for s, e in orgs)
                    and _nominal(sent, *org)
                    and not person_or_place(sent.tokens, *org)
                ):
                    cands.append(Candidate(org[0], org[1], "ORG", source="pattern:org_before_title", priority=3, score=0.7))
                    # the words between belong to the title (a department), not a word dating the post (…人寿|前|投资长)
                    if org[1] < t.start and sent.text[org[1] : t.start] not in DATING_MARKS:
                        titles[k] = t = Candidate(org[1], t.end, "TITLE", source=t.source, priority=t.priority, score=t.score)
            span = name_after(sent.text, t.end, lex.surnames, lex.patterns.name_boundaries, lex.patterns.speech_verbs, known_words, sent.tokens)
            while span is not None and sent.text[span[0] : span[1]] not in lex.patterns.not_names:
                cands.append(Candidate(span[0], span[1], "PERSON", source="pattern:title_name", priority=4, score=0.9))
                # 保荐代表人贲书衡、溥景和: names listed after the first one hold the same post
                listed = sent.text.startswith("、", span[1])
                span = name_after(sent.text, span[1] + 1, lex.surnames, lex.patterns.name_boundaries, lex.patterns.speech_verbs, known_words, sent.tokens) if listed else None
        cands += titles
        # the quotes of 《薪享通》App delimit the name, whatever its tokens' tags
        cands += [c for c in products(sent, lex.patterns) if c.source == "pattern:product_quoted" or _nominal(sent, c.start, c.end)]
        cands += speaker_names(sent, lex.patterns, lex.surnames)
        cands += appointee_names(sent, lex.patterns, lex.surnames) + holder_names(sent, lex.patterns, lex.surnames)
        cands += predecessor_names(sent, lex.patterns, lex.surnames)
        return cands

    def _public(self, entry_id: str | None) -> bool:
        """Whether a gazetteer entry is a public body (a regulator, the central bank, a ministry…)."""
        entry = self.lexicons.gazetteer.by_id.get(entry_id) if entry_id else None
        return entry is not None and entry.kind in PUBLIC_KINDS

    def _public_body_trade(self, word: str) -> bool:
        """Whether ``word`` is a public body of the gazetteer with a trade word after it (金管局数据, 统计局数据)."""
        ending = next((e for e in self.lexicons.patterns.industry_endings if word.endswith(e)), None)
        entry = self.lexicons.gazetteer.lookup(word[: -len(ending)]) if ending is not None and len(word) > len(ending) else None
        return entry is not None and entry.kind in PUBLIC_KINDS

    def _plausible(self, sent: SentenceInput, cands: list[Candidate]) -> list[Candidate]:
        """Drop generic organization words (中小银行), non-names and non-places, whoever proposed them;
        cut a relation noun off an organization (汉龙集团全资子公司 → 汉龙集团) and the shares after
        its suffix (融众集团股份 → 融众集团)."""
        pat = self.lexicons.patterns

        def keep(c: Candidate) -> bool:
            word = sent.text[c.start : c.end]
            if c.source == "gazetteer":
                return True
            if c.source == "model" and not _model_span_ok(sent.text, c, word):
                return False
            if c.source == "model" and c.label in ("ORG", "LOC") and _opens_inside_verb(sent, c.start, c.end if c.label == "LOC" else None):
                return False  # 入|禀高等法院, 入|禀高院: a span that opens inside a verb names nothing (访|华 is a place)
            if c.label == "ORG":
                if c.source == "model" and (len(word) == 1 or _DATELINE.fullmatch(word) or suffix_ending_at(word, len(word), pat) == word):
                    return False  # 今|（13）日, 证券|分析师: one character, a Taiwan dateline's day or a bare suffix names no organization
                if c.source == "model" and "等" in word[1:] and any(t[2] == "u" and sent.text[t[0] : t[1]] == "等" and c.start < t[0] for t in sent.tokens if t[1] <= c.end):
                    return False  # 快客|等|超市便利店: a list ended by 等 and its kind, no one name
                if c.source == "model" and (_lone_verb(sent, c) or _person_glued(sent, c.start, c.end) or _joined_kinds(sent, c, pat)):
                    return False  # 农商行|理财|子公司: one verb or adverb names nothing; 陈立新|安泰人寿…: a person glued on
                if sent.text.startswith(INTERBANK_RATES, c.end) or any(r in word for r in INTERBANK_RATES):
                    return False  # 香港银行|同业拆息: an interbank rate, after or inside the span
                if c.source == "model" and _RATING.fullmatch(word):
                    return False  # 风险综合评级为BB类: a rating
                if c.source == "model" and word.startswith(_TERRITORY_WORDS):
                    return False  # 本澳人寿保险公司: the territory's companies of a kind, no one company
                if self._public_body_trade(word):
                    return False  # 金管局|数据显示: a public body's data, not a data company
                return not is_generic(word, pat) and not generic_body(word, pat) and not _generic_head(word, pat)
            if c.label == "PERSON":
                # 重疾险产品康宁保: a name right after 产品/品牌 names a product, not a person
                if is_generic(word, pat):
                    return False  # 金控10月获利出炉: a kind of company read as a person
                if word.endswith(pat.product_before) or sent.text.startswith(pat.product_before, c.end):
                    return False  # 樂付通App, 樂付通|App: an app's name, not a person's
                if sent.text.startswith(_CONVERTIBLES, c.end):
                    return False  # 楠銀|轉債: a convertible bond's short name
                if word[-1] in _CHANGE_VERBS and sent.text[c.end : c.end + 1].isdigit():
                    return False  # 純利增|18.3%: a metric and its change verb before the figure
                return word not in pat.not_names and not sent.text.endswith(pat.product_after, 0, c.start)
            if c.label == "LOC":
                # POS hints are noisy (喜庆, 城市 tagged ns): they must name a known place.
                # A model's place is kept unless it reads as an adjective (普惠型, 区域性).
                if c.source.startswith("pos:"):
                    return plausible_place(word, pat)
                if c.source == "model" and _LATIN.search(word) and _HAN.search(word):
                    return False  # 旗下「沛纶Pay」: Han and Latin letters in one word make a brand, not a place
                if word in CURRENCY_WORDS or word.endswith(("元", "币")) and word[:-1] + "元" in CURRENCY_WORDS:
                    return False  # 澳门元及港元存款: a currency, not the place it is named after
                # 取得公募|牌照: a kind of fund business is no place
                return not word.endswith(("型", "性", "化", "式", "级")) and word not in _RELATIVE_PLACES and not is_generic(word, pat)
            if c.label == "TITLE":
                return not word.endswith(pat.not_title_endings)  # 战略投资者 holds a stake, not a post
            return True

        split = [
            _without_edge_punctuation(sent.text, p)  # 珈潞精密控股股东|，公司: the part after the relation noun
            for found in cands
            for c in [_reshaped(sent, _whole_unknown_name(sent, found, self.lexicons.surnames), pat)]
            for p in (
                split_relation_noun(sent.text, _trimmed(sent.text, c, pat), pat)
                if c.label == "ORG" and c.source != "gazetteer"
                else [c]
            )
            # 汇远科技控股股东|质押股份: after the relation noun a verb and its object, no second name
            if not (p.start > c.start and _verb_led(sent, p.start))
        ]
        return [c for c in split if c.end > c.start and keep(c)]

    def _title_hits(self, sent: SentenceInput, blocked: list[tuple[int, int]]) -> list[tuple[int, int]]:
        starts = {t[0] for t in sent.tokens}
        ends = {t[1] for t in sent.tokens}
        hits = []
        for _, start, end in self.lexicons.title_matcher.find_matches_as_indexes(sent.text):
            if start in starts and end in ends and not any(s < end and start < e for s, e in blocked) and not sent.text.startswith(_FIRM, end):
                hits.append((start, end))  # 会计师|事务所: the kind of firm, no post
        return hits

    def _propagate_names(self, inputs: list[SentenceInput], per_sentence: list[list[Candidate]]) -> list[list[Candidate]]:
        names = {
            s.text[c.start : c.end]: c.label
            for s, cands in zip(inputs, per_sentence)
            for c in cands
            if c.label in ("PERSON", "ORG") and (c.source.startswith("pattern:") or self._suffixed_model_org(s.text[c.start : c.end], c))
            or c.source == "pattern:product_quoted"  # 推出“澜付通”: the product at its other mentions too
        }
        if not names:
            return per_sentence
        import ahocorasick_rs

        matcher = ahocorasick_rs.AhoCorasick(sorted(names), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
        out = []
        for sent, cands in zip(inputs, per_sentence):
            extra = [
                Candidate(s, e, names[sent.text[s:e]], source="propagated", priority=3, score=0.8)
                for _, s, e in matcher.find_matches_as_indexes(sent.text)
                # 翠麟银行|（香港）有限公司, 蕴璞人寿|保险（香港）有限公司: a name found again at the start of a longer
                # organization that runs on to its legal form is its brand
                if not any(c.label == "ORG" and c.start == s and c.end > e and (_REGION_FORM.match(sent.text, e) or _legal_extension(sent, e, c.end)) for c in cands)
            ]
            out.append(resolve(cands + extra) if extra else cands)
        return out
