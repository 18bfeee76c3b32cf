"""Pattern rules for NER, each small and named, with examples beside it.

All functions read one sentence of working text (Simplified) and its jieba
tokens and return :class:`Candidate` objects in sentence offsets.

* ``org_suffix``   — 山东省城市商业银行合作联盟, 广东银信金融服务中心: proper-noun tokens
  followed by an organization suffix (联盟, 银行, 中心 …).
* ``title``        — 董事长, 常务副总经理, 信息技术部总经理 (a department before a title).
* ``title_name``   — 董事长易会满: a surname-led 2–3 character name right after a title.
* ``speaker_name`` — 谢锦生说: a surname-led name right before a speech verb.
* ``split_relation_noun`` — 汉龙集团全资子公司 → 汉龙集团: a relation noun is not part of a name.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from typing import Callable, Iterator, Sequence

from ..errors import LexiconError
from ..han import HAN, is_han
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
    person_anchors: tuple[str, ...]
    """Words a person's name may follow, as after a title (控股股东黄启明, 实际控制人王强)."""
    name_boundaries: frozenset[str]
    not_names: frozenset[str]
    org_title_boundaries: frozenset[str]
    product_after: tuple[str, ...] = ()
    product_before: tuple[str, ...] = ()
    product_stop_words: tuple[str, ...] = ()
    product_quoted_after: tuple[str, ...] = ()
    product_after_quoted: tuple[str, ...] = ()
    """Nouns a quoted product name may follow (投保平台「洸易保」); unquoted, what follows them is no name."""
    """Launch verbs after which a quoted name is a product (推出「小微贷」升级版)."""
    product_quoted_before: tuple[str, ...] = ()
    """Words after a quoted product name (「一码多付」功能, “驿链融”产品): only a quoted name before them is taken."""
    org_bad_initials: frozenset[str] = frozenset()
    title_qualifiers: frozenset[str] = frozenset()
    """Words that date a post (时任, 现任): they stand before a title, never inside it."""
    title_modifiers: frozenset[str] = frozenset()
    """Words that are part of the post before a title (执行|总经理, 署理|行政总裁, 实习|编辑)."""
    not_title_endings: tuple[str, ...] = ()
    """Words for a stake or a role in a deal, not a post (战略投资者, 大股东): never a TITLE."""
    relation_nouns: tuple[str, ...] = ()
    """Words for a company's relation to another (子公司, 母公司): ``X子公司`` is not a name."""
    suffix_set: frozenset[str] = frozenset()
    suffix_lengths: tuple[int, ...] = ()
    suffix_last_chars: frozenset[str] = frozenset()
    """Last characters of the org suffixes: a token ending in none of them ends in no suffix."""
    places: frozenset[str] = frozenset()
    place_suffixes: tuple[str, ...] = ()
    appoint_verbs: tuple[str, ...] = ()
    role_verbs: tuple[str, ...] = ()
    suffix_false_friends: frozenset[str] = frozenset()
    """Common nouns that end in an organization suffix (注册资本, 风险投资): a name never ends in one."""
    descriptors: tuple[str, ...] = ()
    counted_kinds: tuple[str, ...] = ()
    """Kinds of company that describe the name after them when a count or a locality precedes them
    (另一家本地|保险公司|汭桥保险); 民营企业 and the like always do at the start of a span."""
    """Generic words and kinds in apposition of three or more characters (互联网银行, 竞争对手): before a name they describe it."""
    descriptor_re: re.Pattern[str] | None = None
    """Any of :attr:`descriptors` (one search before the word-by-word check)."""
    governing_bodies: tuple[str, ...] = ()
    """A company's organs (董事会, 股东大会): after a generic word (公司董事会) they name no organization."""
    apposition_kinds: tuple[str, ...] = ()
    """Kinds of organization written right before a name (合作方, 老股东, 收购对象): the words after name one."""
    apposition_re: re.Pattern[str] | None = None
    """Any of :attr:`apposition_kinds` (one search before the token-by-token check)."""
    apposition_prefix_re: re.Pattern[str] | None = None
    """The longest of :attr:`apposition_kinds` opening a word (超商|嘉邻 glued by the segmenter)."""
    industry_endings: tuple[str, ...] = ()
    """:attr:`industry_suffixes` as a tuple for ``str.endswith``."""
    industry_suffixes: frozenset[str] = frozenset()
    """Weak suffixes naming a trade (重工, 地产): after a place they name a sector (广东钢铁), not a company.
    They are matched like ``weak_suffixes`` but are not in ``org_suffixes``, which the NER model reads."""

    @classmethod
    def load(cls, path: str | None = None) -> "PatternLexicon":
        """Load and validate the pattern lexicon."""
        from ..lexicons import read_data_json

        data, where = read_data_json(path, "ner_patterns.json")
        try:
            suffixes = tuple(sorted(set(data["org_suffixes"]), key=len, reverse=True))
            weak = frozenset(data["weak_suffixes"])
            if not weak <= set(suffixes):
                raise LexiconError(f"{where}: weak_suffixes {sorted(weak - set(suffixes))} are not org_suffixes")
            # Trade words match as weak suffixes but stay out of org_suffixes, which the NER model reads as features.
            industry = frozenset(data.get("industry_suffixes", ()))
            if industry & set(suffixes):
                raise LexiconError(f"{where}: industry_suffixes {sorted(industry & set(suffixes))} are also org_suffixes; list them once")
            matched = tuple(sorted(set(suffixes) | industry, key=len, reverse=True))
            kinds = [*data["generic_orgs"], *data.get("apposition_kinds", ())]
            descriptors = tuple(sorted({g for g in kinds if len(g) >= 3}, key=len, reverse=True))
            if any(not s for s in suffixes):
                raise LexiconError(f"{where}: empty org suffix; remove it")
            return cls(
                org_suffixes=suffixes,
                weak_suffixes=weak | industry,
                org_name_pos=frozenset(data["org_name_pos"]),
                proper_pos=frozenset(data["proper_pos"]),
                org_break_words=frozenset(data["org_stop_words"]),
                generic_orgs=frozenset(data["generic_orgs"]),
                speech_verbs=tuple(sorted(data["speech_verbs"], key=len, reverse=True)),
                person_anchors=tuple(sorted(data.get("person_anchors", ()), key=len, reverse=True)),
                name_boundaries=frozenset(data["name_boundaries"]),
                not_names=frozenset(data["not_names"]),
                org_title_boundaries=frozenset(data["org_title_boundaries"]),
                product_after=tuple(data["product_markers"]["after"]),
                product_before=tuple(data["product_markers"]["before"]),
                product_stop_words=tuple(data["product_markers"]["stop_words"]),
                product_quoted_after=tuple(data["product_markers"]["quoted_after"]),
                product_after_quoted=tuple(data["product_markers"].get("after_quoted", ())),
                product_quoted_before=tuple(data["product_markers"].get("quoted_before", ())),
                org_bad_initials=frozenset(data["org_bad_initials"]),
                relation_nouns=tuple(sorted(data["relation_nouns"], key=len, reverse=True)),
                not_title_endings=tuple(data["not_title_endings"]),
                title_qualifiers=frozenset(data["title_qualifiers"]),
                title_modifiers=frozenset(data.get("title_modifiers", ())),
                suffix_set=frozenset(matched),
                suffix_lengths=tuple(sorted({len(x) for x in matched}, reverse=True)),
                suffix_last_chars=frozenset(x[-1] for x in matched),
                places=frozenset(data["places"]),
                place_suffixes=tuple(data["place_suffixes"]),
                appoint_verbs=tuple(data["appoint_verbs"]),
                role_verbs=tuple(data["role_verbs"]),
                industry_suffixes=industry,
                governing_bodies=tuple(data.get("governing_bodies", ())),
                descriptors=descriptors,
                counted_kinds=tuple(sorted(data.get("counted_kinds", ()), key=len, reverse=True)),
                descriptor_re=re.compile("|".join(map(re.escape, descriptors))) if descriptors else None,
                suffix_false_friends=frozenset(data.get("suffix_false_friends", ())),
                apposition_kinds=tuple(sorted(data.get("apposition_kinds", ()), key=len, reverse=True)),
                apposition_re=re.compile("|".join(map(re.escape, data["apposition_kinds"]))) if data.get("apposition_kinds") else None,
                apposition_prefix_re=(
                    re.compile("|".join(map(re.escape, sorted(data["apposition_kinds"], key=len, reverse=True)))) if data.get("apposition_kinds") else None
                ),
                industry_endings=tuple(sorted(industry)),
            )
        except (KeyError, TypeError, ValueError) as exc:
            if isinstance(exc, LexiconError):
                raise
            raise LexiconError(f"{where}: cannot load NER pattern lexicon ({exc}); fix or restore the file") from exc


_AREA = re.compile(r"(?:全|本|辖内|省内|市内|区内|境内)(?:省|市|区|县|国|台|港|行业)?(?:内|各)?")
"""A whole area before a kind of bank (全省农商行, 辖内城商行, 全市村镇银行): all of them, no name."""
_RANKED = re.compile(r"(?:国内|全台|各大|多家|前)?[一二三四五六七八九十两\d]*[大家]|个别|部分|一些|某些|少数|若干|上述|前述|该等|这些|那些")


def is_generic(name: str, lex: PatternLexicon) -> bool:
    """A kind of institution, not a name: 城商行, with an adjective in 性 before it (全国性股份制银行),
    a rank, count or quantifier (前三大金控, 多家城商行, 个别银行) or a whole area (全省农商行)."""
    if name in lex.generic_orgs:
        return True
    if name.startswith(_DESCRIBING) and name[2:] in lex.generic_orgs:
        return True  # 老牌|公募基金, 头部|券商: a described kind
    at = name.find("性")
    if 0 < at < len(name) - 2 and name[at + 1 :] in lex.generic_orgs:
        return True
    kind = next((k for k in _LOCAL_KINDS if name.endswith(k)), None)
    if kind is not None and (len(name) == len(kind) or plausible_place(name[: -len(kind)], lex)):
        return True  # 新加坡本土银行: the kind of bank a place has, not a name
    ranked = _RANKED.match(name) or _AREA.match(name)
    if ranked is not None and ranked.end() == len(name) and (name[0] in "两几多各数前" or name.endswith("家")):
        return True  # 两大|子公司 cut at its relation noun: a count is left, no name (十五大 names a congress)
    return ranked is not None and ranked.end() > 1 and name[ranked.end() :] in lex.generic_orgs


_LOCAL_KINDS = ("本土银行", "当地银行", "本地银行", "外资银行", "中资银行")
_DESCRIBING = ("老牌", "头部", "大型", "中小", "传统", "新兴", "知名", "主要")
"""Two-character descriptions before a kind of institution (老牌公募基金)."""


def generic_body(name: str, lex: PatternLexicon) -> bool:
    """公司董事会, 银行股东大会, 董事会 alone, 今（18）日董事会: a company's organ after a generic word, a date or
    nothing names no organization."""
    return any(
        name.endswith(b) and (len(name) == len(b) or name[: -len(b)] in lex.generic_orgs or not is_han(name[: -len(b)]) or _DAY_BEFORE.search(name[: -len(b)]) is not None)
        for b in lex.governing_bodies
    )


_DAY_BEFORE = re.compile(r"(?:今|昨|当|同|本|次)日$")
"""A day before a company's organ (今（18）日|董事会, 同日|董事会): when, not whose."""


def _good_initial(name: str, lex: PatternLexicon) -> bool:
    """A name starts with a Han character that is not a preposition or determiner (帮小银行, 2B公司)."""
    return is_han(name[:1]) and name[0] not in lex.org_bad_initials


def plausible_place(word: str, lex: PatternLexicon) -> bool:
    """A known place (山东, 上海) or a word ending in a place suffix (桃园市)."""
    return word in lex.places or (len(word) >= 3 and any(word.endswith(s) and len(word) > len(s) + 1 for s in lex.place_suffixes))


def is_sector(name: str, suffix: str, lex: PatternLexicon) -> bool:
    """A place before a trade word names a sector, not a company (广东|钢铁产量; 南岭|重工 is a company)."""
    return suffix in lex.industry_suffixes and plausible_place(name[: len(name) - len(suffix)], lex)


def split_relation_noun(text: str, cand: Candidate, lex: PatternLexicon) -> list[Candidate]:
    """An organization span split around the first relation noun in it; parts shorter than 2 characters are dropped.

    ``汉龙集团全资子公司`` is the subsidiary *of* 汉龙集团, and ``招商地产子公司瑞嘉公司``
    is two companies:

    >>> lex = PatternLexicon.load()
    >>> [(c.start, c.end) for c in split_relation_noun("汉龙集团全资子公司汉龙矿业", Candidate(0, 9, "ORG", "model"), lex)]
    [(0, 4)]
    >>> [(c.start, c.end) for c in split_relation_noun("招商地产子公司瑞嘉公司", Candidate(0, 11, "ORG", "model"), lex)]
    [(0, 4), (7, 11)]
    >>> split_relation_noun("母公司", Candidate(0, 3, "ORG", "model"), lex)
    []
    """
    word = text[cand.start : cand.end]
    found = min(((word.find(n), -len(n)) for n in lex.relation_nouns if n in word), default=None)
    if found is None:
        return [cand]
    at, minus_len = found
    left, right = (cand.start, cand.start + at), (cand.start + at - minus_len, cand.end)
    return [replace(cand, start=a, end=b) for a, b in (left, right) if b - a >= 2]


_HOLDINGS = ("股份", "股权", "股票")
_STAKE_AFTER = re.compile(r"\d+(?:\.\d+)?%的?股[权份]|的?全部股[权份]|的?持股比例")
"""A stake in or of the name just before: 同源生物|51%的股权, 远景投资|持股比例 can only be a company's."""


_HOLDS_AFTER = ("持有", "持股", "控股")


def _stake_context(text: str, start: int, end: int) -> bool:
    """A stake in the name (同源生物|51%的股权) or the name holding one after 由 (由|日本青叶生命|持有)."""
    return _STAKE_AFTER.match(text, end) is not None or (text.endswith("由", 0, start) and text.startswith(_HOLDS_AFTER, end))


def strip_holding(text: str, cand: Candidate, lex: PatternLexicon) -> Candidate:
    """An organization span without the shares written after its suffix (增持融众集团|股份).

    >>> lex = PatternLexicon.load()
    >>> c = strip_holding("增持融众集团股份。", Candidate(2, 8, "ORG", "model"), lex)
    >>> (c.start, c.end)
    (2, 6)
    """
    word = text[cand.start : cand.end]
    holding = next((h for h in _HOLDINGS if word.endswith(h)), None)
    if holding is None or suffix_ending_at(text, cand.end - len(holding), lex) is None:
        return cand
    return replace(cand, end=cand.end - len(holding))


def strip_body(text: str, cand: Candidate, lex: PatternLexicon) -> Candidate:
    """An organization span without a company organ written after its suffix (泰和电气|董事会同意聘任…):
    the board acts for the company, and facts name the company.

    >>> lex = PatternLexicon.load()
    >>> c = strip_body("泰和电气董事会同意聘任赵立群为副总经理。", Candidate(0, 7, "ORG", "model"), lex)
    >>> (c.start, c.end)
    (0, 4)
    """
    word = text[cand.start : cand.end]
    body = next((b for b in lex.governing_bodies if word.endswith(b)), None)
    if body is None or suffix_ending_at(text, cand.end - len(body), lex) is None:
        return cand
    return replace(cand, end=cand.end - len(body))


def strip_department_head(text: str, cand: Candidate, lex: PatternLexicon) -> Candidate:
    """A bank's name without 公司 after it where 公司 opens a department (岈州银行|公司金融部总经理: corporate
    banking is the department, the bank ends before it).

    >>> lex = PatternLexicon.load()
    >>> c = strip_department_head("曾任岈州银行公司金融部总经理", Candidate(2, 8, "ORG", "pattern:org_suffix"), lex)
    >>> (c.start, c.end)
    (2, 6)
    """
    if not text.endswith("银行公司", cand.start, cand.end) or _CORPORATE_DEPARTMENT.match(text, cand.end) is None:
        return cand
    return replace(cand, end=cand.end - 2)


_CORPORATE_DEPARTMENT = re.compile(r"(?:金融|业务|银行|客户)(?:总)?部")
"""What follows 公司 in a bank's corporate department (公司金融部, 公司业务部, 公司银行部, 公司客户部)."""


_COUNTED_KIND = re.compile(r"[一二三四五六七八九十两几多数\d]+家(?:公司|企业|机构|银行|券商|保险公司)$")


def strip_count(text: str, cand: Candidate, lex: PatternLexicon) -> Candidate:
    """An organization span without a count of companies after the last name (宏泽电子|三家公司: the
    names listed are three companies).

    >>> lex = PatternLexicon.load()
    >>> c = strip_count("宏泽电子三家公司共同投资", Candidate(0, 8, "ORG", "model"), lex)
    >>> (c.start, c.end)
    (0, 4)
    """
    count = _COUNTED_KIND.search(text, cand.start, cand.end)
    if count is None or count.start() - cand.start < 2:
        return cand
    return replace(cand, end=count.start())


def cut_descriptor(text: str, cand: Candidate, lex: PatternLexicon) -> Candidate:
    """An organization span without a descriptor before the name (香港|虚拟银行|星汇银行: a
    Hong Kong virtual bank named 星汇银行).  The descriptor is a generic word of three or more
    characters with at most a place before it; what follows must be a name of its own, a head
    and a suffix (北京银行信用卡中心 stays: 银行 alone describes nothing).

    >>> lex = PatternLexicon.load()
    >>> c = cut_descriptor("香港虚拟银行星汇银行公布业绩", Candidate(0, 10, "ORG", "model"), lex)
    >>> (c.start, c.end)
    (6, 10)
    """
    if cand.end - cand.start < 5 or lex.descriptor_re is None:
        return cand
    counted = _counted_kind(text, cand, lex)
    if counted is not None:
        return replace(cand, start=cand.start + len(counted))
    # 配售|代理中安国际证券: the span opens inside a descriptor that starts before it
    straddle = next((m for m in lex.descriptor_re.finditer(text, max(0, cand.start - 4), cand.end) if m.start() < cand.start < m.end()), None)
    tail = suffix_ending_at(text, cand.end, lex) if straddle is not None else None
    # …and the rest is a name: a head before a suffix, or a brand of its own (网购|平台菂集网 → 菂集网)
    if straddle is not None and cand.end - straddle.end() > (len(tail) if tail is not None else 1):
        return replace(cand, start=straddle.end())
    word = text[cand.start : cand.end]
    # a place before the descriptor (香港|虚拟银行…), or the exchange a company is listed on (港交所|上市公司…)
    found = [m for m in lex.descriptor_re.finditer(word) if m.start() == 0 or plausible_place(word[: m.start()], lex) or word[: m.start()] in _EXCHANGES]
    # a kind that ends in 公司/企业/机构 is a whole noun phrase: what follows is the name (资产管理公司|东方汇达)
    kind = next((m.end() for m in found if m.group().endswith(_KIND_NOUNS) and len(word) - m.end() >= 2), None)
    if kind is not None:
        return replace(cand, start=cand.start + kind)
    suffix = suffix_ending_at(text, cand.end, lex) if found else None
    if suffix is None:
        return cand
    cut = next((m.end() for m in found if len(word) - m.end() > len(suffix)), None)
    return replace(cand, start=cand.start + cut) if cut is not None else cand


_EXCHANGES = frozenset("港交所 联交所 上交所 深交所 北交所 台交所 纽交所 新交所".split())
"""Exchanges named before 上市公司, a descriptor of the name after it (港交所上市公司|婺瑨控股集团有限公司)."""


_KIND_LEAD = re.compile(r"(?:家|间|間|本地|当地|本港|境内|境外|外资|及|和|与|、|对前|向前)$")
"""A count, a locality or a conjunction right before a kind of company (另一家|保险公司…, 本地|保险公司…,
…科技集团有限公司及|保险公司|篁禧人寿保险有限公司)."""


def _counted_kind_ending(text: str, end: int, lex: PatternLexicon) -> bool:
    """Whether one of ``lex.counted_kinds`` ends at ``end`` after a count or a locality (另一家|经纪公司)."""
    kind = next((k for k in lex.counted_kinds if text.endswith(k, 0, end)), None)
    return kind is not None and _KIND_LEAD.search(text, max(0, end - len(kind) - 2), end - len(kind)) is not None


def _counted_kind(text: str, cand: Candidate, lex: PatternLexicon) -> str | None:
    """The kind of company opening ``cand`` that describes the name after it: one of ``lex.counted_kinds``
    after a count or a locality (另一家本地|保险公司|汭桥保险), or a kind of enterprise (民营企业|翥昊实业…);
    the name after it must end in a suffix.  中保财产保险公司广州市分公司 is one name."""
    word = text[cand.start : cand.end]
    kind = next((k for k in lex.counted_kinds if word.startswith(k) and len(word) - len(k) >= 4), None)
    if kind is None or suffix_ending_at(text, cand.end, lex) is None:
        return None
    return kind if kind.endswith("企业") or _KIND_LEAD.search(text, max(0, cand.start - 2), cand.start) else None


_VERBAL_TRADES = frozenset({"建设"})
"""Trade words that are verbal nouns too (产线建设, 城乡建设委): only a pattern that sees the tokens takes them."""
_ONE_OF_A_KIND = ("一家", "某家", "这家", "那家", "多家", "两家", "数家", "几家", "某")
"""Counts and determiners before a description of a company (一家智慧物流公司)."""
_KIND_AFTER_WEAK = ("机构", "行业", "业务", "牌照", "领域", "板块", "市场", "事业群", "事业部", "条线", "政策")
_PLACES_AFTER_WEAK = ("大街", "街", "路", "商务区", "广场", "大厦", "园区", "城")
"""Place words a weak suffix may modify (丽泽金融商务区, 北京金融街, 陆家嘴金融城)."""
_DEPARTMENT_AFTER = re.compile(r"部(?![署分件队落位])")
"""部 after a weak suffix makes a department (零售金融部), not a company (部署, 部分 are other words)."""
_THINGS_AFTER_TRADE = ("系统", "设备", "产品", "项目", "技术", "赛道", "电站", "装置", "服务", "安排", "网络", "行")
"""What a trade word modifies when it ends no name (储能系统, 泰铢清算服务, 人民币清算行)."""
_KIND_NOUNS = ("公司", "企业", "机构")


def suffix_ending_at(text: str, end: int, lex: PatternLexicon) -> str | None:
    """The longest organization suffix that ends at ``end`` (a set lookup per length)."""
    if end == 0 or text[end - 1] not in lex.suffix_last_chars:
        return None
    for length in lex.suffix_lengths:
        if length <= end and text[end - length : end] in lex.suffix_set:
            return text[end - length : end]
    return None


def org_suffix(sent: SentenceInput, lex: PatternLexicon) -> list[Candidate]:
    """Organization names ending in a suffix.

    >>> # 京东金融与山东省城市商业银行合作联盟举行… → 山东省城市商业银行合作联盟
    """
    text, tokens = sent.text, sent.tokens
    out: list[Candidate] = []
    for i, (_, t_end, _) in enumerate(tokens):
        suffix = suffix_ending_at(text, t_end, lex)
        if suffix is None:
            continue
        cand = _org_name(text, tokens, i, t_end - len(suffix), suffix, lex)
        if cand is not None:
            out.append(strip_department_head(text, _with_partnership_form(text, cand), lex))
    return out


_PARTNERSHIP_FORMS = ("（有限合伙）", "(有限合伙)", "（普通合伙）", "(普通合伙)", "（特殊普通合伙）", "(特殊普通合伙)")
"""The bracketed legal form after a partnership enterprise's name, part of the name."""


def _with_partnership_form(text: str, cand: Candidate) -> Candidate:
    """``cand`` extended over a bracketed partnership form (…基金合伙企业（有限合伙）, …会计师事务所（特殊普通合伙）)."""
    if text.endswith(("合伙企业", "事务所"), 0, cand.end):
        form = next((f for f in _PARTNERSHIP_FORMS if text.startswith(f, cand.end)), None)
        if form is not None:
            return replace(cand, end=cand.end + len(form))
    return cand


DATING_MARKS = frozenset({"原", "前", "现"})
"""Words dating a post, alone before a company's name (，原|鄣稷资产风险管理部总经理…)."""
_BANK_STOCKS = re.compile(r"股(?![份权价东票本息民])")
"""股 right after 银行 that makes bank stocks (银行股), not a bank's shares or price (银行股份, 银行股价)."""
_VIA = "经"
"""A preposition the segmenter glues to a rare first character (经沄|峤|银行); only before a morpheme, since
经济, 经营… open many words."""


def _org_name(text: str, tokens: Sequence[Token], i: int, suffix_start: int, suffix: str, lex: PatternLexicon) -> Candidate | None:
    end = tokens[i][1]
    j = i
    while j >= 0 and tokens[j][1] > suffix_start:  # tokens that hold the suffix
        j -= 1
    name_tokens = list(tokens[j + 1 : i + 1])
    if text[suffix_start - 1 : suffix_start] in _DETERMINERS:
        return None  # 创|该公司, 其集团: a reference to a company named elsewhere (the segmenter may glue a verb to it)
    if suffix.endswith("银行") and _BANK_STOCKS.match(text, end):
        return None  # 高股息银行|股, 险资举牌银行|股: bank stocks, no bank's name
    if suffix == "控股" and _HOLDING_VERB_BEFORE.search(text, max(0, suffix_start - 6), suffix_start) and not text.startswith(_AFTER_HOLDING_NAME, end):
        return None  # 国家电网公司|控股|英大证券: after a company's name 控股 is the verb (controls), no name's end
    if any(text[s:e] in lex.suffix_false_friends for s, e, _ in name_tokens):
        return None  # 海融消费金融|注册资本: the word holding the suffix is a common noun
    if any(f.startswith(suffix) and text.startswith(f, suffix_start) for f in lex.suffix_false_friends):
        return None  # 瓒晖信托|基金单位: the suffix opens a common noun (a trust's units, no fund)
    chars = end - (name_tokens[0][0] if name_tokens else suffix_start)
    while j >= 0 and len(name_tokens) < 10 and chars < 24:
        start, stop, pos = tokens[j]
        word = text[start:stop]
        if name_tokens and stop < name_tokens[0][0] and text[stop : name_tokens[0][0]].isspace() and is_han(word[-1] + text[name_tokens[0][0]]):
            break  # 试点扩围 澜海银行: a space between Han words ends a headline's clause
        if _ends_name(text, tokens, j, name_tokens, suffix_start, lex):
            break
        if pos == "unk" and len(word) >= 2 and word[-1] in _GLUED_MARKERS:
            break  # 年底前获|法院: a passive marker or preposition glued to the word before the name
        glued_kind = lex.apposition_prefix_re.match(word) if pos == "unk" and lex.apposition_prefix_re is not None else None
        if glued_kind is not None and glued_kind.end() < len(word):
            name_tokens.insert(0, (start + glued_kind.end(), stop, pos))
            break  # 连锁|超商嘉邻|便利商店: the segmenter glued the kind to the name's first characters
        if pos == "unk" and len(word) == 2 and word[0] in _VIA and name_tokens and name_tokens[0][2] == "g":
            name_tokens.insert(0, (start + 1, stop, pos))
            break  # 经沄|峤|银行: 经 (through) glued to the name's first character, a morpheme after it
        if pos == "unk" and len(word) >= 2 and (word[0] in lex.org_bad_initials or _glued_post_verb(text, start)):
            # 嘉禾银行|获恒泰|人寿: jieba glued the passive marker to the name (向沄|峤|银行: to one character of it,
            # before a morpheme); 由原|南岭农商银行: to a word before it; 其所持|华曜储能: several such characters
            skip = max(1, next((k for k, c in enumerate(word) if c not in lex.org_bad_initials), len(word)))
            if len(word) - skip >= 2 or (len(word) - skip == 1 and name_tokens and (name_tokens[0][2] == "g" or name_tokens[0][1] - name_tokens[0][0] == 1)):
                name_tokens.insert(0, (start + skip, stop, pos))
            break
        # a first character jieba tags as a numeral is a morpheme of the name (日|邻|便利商店)
        # (and one it reads as a morpheme of a verb or a noun: 霁|桉|国际信托, 瑧|磐|保险)
        morpheme = pos == "m" and _lone_non_numeral(word) or pos in ("vg", "zg", "ng") and stop - start == 1
        name_tokens.insert(0, (start, stop, "g") if morpheme else tokens[j])
        chars = end - start
        j -= 1
    if j > 0 and _staked_verb_brand(text, tokens, j, suffix_start, end, suffix, lex):
        return Candidate(tokens[j][0], end, "ORG", source=_suffix_source(suffix, lex), priority=3, score=0.6)
    common_head = all(pos == "n" for s, _, pos in name_tokens if s < suffix_start)  # 瑞|和|人寿保险|股份有限公司
    if j > 0 and (name_tokens[0][0] == suffix_start or common_head) and _brand_with_he(text, tokens, j, i, lex):
        return Candidate(tokens[j - 1][1] - 1, end, "ORG", source=_suffix_source(suffix, lex), priority=3, score=0.6)
    start = name_tokens[0][0] if name_tokens else suffix_start
    name = text[start:end]
    if is_generic(name, lex) or len(name) <= len(suffix) or not _good_initial(name, lex):
        return None
    if "辖内" in text[max(0, start - 1) : suffix_start]:
        return None  # 涑川辖内农商银行, 辖|内农商银行: the banks within a region's jurisdiction, no name
    if suffix in _BUSINESS_LINES and suffix_ending_at(text, suffix_start, lex) is not None:
        return None  # 南岭农商银行|理财子公司: the bank's wealth business; its company is named apart (南岭理财)
    if text.endswith(_ONE_OF_A_KIND, 0, start) and not any(pos in _BRAND_POS or pos == "eng" for s, e, pos in name_tokens if s < suffix_start):
        return None  # 设立一家|智慧物流公司: a kind of company described, no brand in it
    if suffix == "公司" and name[: -len(suffix)] in lex.places:
        return None  # 中国公司, 香港公司: a country's or city's companies in general
    if _unit_after_name(text, name_tokens, end, suffix, lex) or text.startswith(INTERBANK_RATES, end):
        return None  # 恒昌銀行|零售銀行業務, 香港銀行|同業拆息: a business line or a rate, not another name
    head = [(s, min(e, suffix_start), pos) for s, e, pos in name_tokens if s < suffix_start]
    # 房地产|信托: a trade word (地产) before a suffix names a kind of product, not a brand
    proper = any(pos in lex.proper_pos and text[s:e] not in lex.org_break_words and not text[s:e].endswith(lex.industry_endings) for s, e, pos in head)
    staked = len(name) >= 4 and _stake_context(text, start, end) and not plausible_place(text[start:suffix_start], lex)
    staked = staked and not is_generic(text[start:suffix_start], lex)  # 公司|控股|股东…持有公司: no brand before the suffix
    if suffix in lex.weak_suffixes and (len(name) < 4 or not proper) and not staked:
        return None
    if suffix in lex.weak_suffixes and (text.startswith(_KIND_AFTER_WEAK + _PLACES_AFTER_WEAK, end) or _DEPARTMENT_AFTER.match(text, end)):
        # 持牌支付|机构, 分析金融|行业, 企业金融|事业群, 零售金融|部, 北京金融|大街: the word modifies a kind or
        # a place, or names a unit
        return None
    if suffix in lex.industry_suffixes and text.startswith(_KIND_AFTER_WEAK + _THINGS_AFTER_TRADE, end):
        return None  # 工商业储能|系统: the trade word modifies a thing, it ends no name
    if suffix in lex.industry_suffixes and not staked and not _trade_name(text, head, suffix_start, name, suffix, tokens, lex):
        return None
    if not proper:
        # 融信研究院: an unknown name before a strong suffix, if nothing in it is a verb or function word
        if any(pos[:1] in "vpdrcumqf" and pos != "vn" for _, _, pos in head) or len(name) - len(suffix) < 2:
            return None
        if all(pos == "vn" for _, _, pos in head):
            return None  # 此次并购|有助|集团拓展: a verbal noun alone names nothing
        return Candidate(start, end, "ORG", source=_suffix_source(suffix, lex), priority=3, score=0.6)
    return Candidate(start, end, "ORG", source=_suffix_source(suffix, lex), priority=4, score=0.8)


INTERBANK_RATES = ("同业拆息", "同业拆借", "同业拆放")
"""What follows 银行 in an interbank rate (香港银行同业拆息), where 银行 ends no name."""


def _unit_after_name(text: str, name_tokens: Sequence[Token], end: int, suffix: str, lex: PatternLexicon) -> bool:
    """Whether the name is a full name followed by a kind of institution with its own head
    (恒昌银行|零售银行): the bank's business line, which the full name before it already names.
    A bare suffix after a name is part of it (华晨金控|集团)."""
    return any(
        s > name_tokens[0][0] and end - s > len(suffix) and suffix_ending_at(text, s, lex) and is_generic(text[s:end], lex)
        for s, _, _ in name_tokens
    )


def _before_trade_word(text: str, name_tokens: Sequence[Token], suffix_start: int, lex: PatternLexicon) -> bool:
    """Whether the name read so far is a trade word alone (清算 of 筼联清算)."""
    return bool(name_tokens) and name_tokens[0][0] == suffix_start and text[suffix_start : name_tokens[-1][1]] in lex.industry_suffixes


def _rare_single(text: str, token: Token) -> bool:
    """Whether ``token`` is one Han character jieba knows only as a morpheme or does not know (筼, 蘧)."""
    start, stop, pos = token
    return _lone_unknown(text, token) or pos in _MORPHEMES and stop - start == 1 and is_han(text[start])


def _lone_unknown(text: str, token: Token) -> bool:
    """Whether ``token`` is one Han character jieba does not know (璗; 楂, which it tags ``x``)."""
    start, stop, pos = token
    return pos in ("unk", "x") and stop - start == 1 and is_han(text[start])


def _ends_name(text: str, tokens: Sequence[Token], j: int, name_tokens: Sequence[Token], suffix_start: int, lex: PatternLexicon) -> bool:
    """Whether token ``j``, left of the name read so far, can no longer be part of it."""
    start, stop, pos = tokens[j]
    word = text[start:stop]
    if pos == "m" and _lone_non_numeral(word) and name_tokens and name_tokens[0][1] - name_tokens[0][0] == 1:
        pos = "g"  # 日|邻|便利商店: a name's first character jieba tags as a numeral, before a second single character
    paired = False
    if pos == "a" and stop - start == 1 and j >= 1 and tokens[j - 1][1] == start and (tokens[j - 1][2] in _MORPHEMES or _lone_unknown(text, tokens[j - 1])):
        # 砺|诚|财产保险, 璗|新|金控: a rare character jieba reads as a morpheme (or does not know), then one it reads
        # as an adjective, which then is no word of its own (新 breaks 新|金控 only where it means "new")
        pos, paired = "g", True
    elif pos in ("zg", "ng") and j + 1 < len(tokens) and (tokens[j + 1][2] in ("a", "nr", "ns", "g", "j", "n", "zg", "ng", "x", "unk") or tokens[j + 1][2] == "v" and tokens[j + 1][1] == suffix_start and _before_trade_word(text, name_tokens[1:], suffix_start, lex)) and tokens[j + 1][1] - tokens[j + 1][0] == 1 and is_han(text[tokens[j + 1][0]]):
        # …and the morpheme itself, also before a character read as a surname, a place, a noun or another
        # morpheme or a character jieba does not know (渚|岩|投资控股…, 苏州|砚|澄|产业投资基金…, 旗下|璟|昕|商业银行, 瀼|嵱|保险,
        # 崟|稞|纺织, 琯|溇|…, 翚|苒|资本), or one read as a verb right before the suffix (筼|联|清算); 一大|行|新港银行
        # stays out: 行 is no name's first character there
        pos = "g"
    elif pos in ("zg", "ng") and stop - start == 1 and j + 1 < len(tokens) and tokens[j + 1][2] == "unk" and text.endswith(lex.place_suffixes, tokens[j + 1][0], tokens[j + 1][1]):
        pos = "g"  # 瀍|江省|农村信用社联合社: a rare character before what jieba reads as an unknown word ending in a place suffix
    elif pos in ("zg", "ng") and stop - start == 1 and j >= 1 and tokens[j - 1][2] in _MORPHEMES and tokens[j - 1][1] - tokens[j - 1][0] == 1:
        pos = "g"  # 琯|溇|会计师事务所, 瓴|舒|基金管理…: the second of two morphemes (跑|趟|银行 stays out)
    elif pos in ("zg", "ng", "vg") and stop - start == 1 and j >= 1 and _lone_unknown(text, tokens[j - 1]):
        pos = "g"  # 瓈|峘|商业银行, 鹓|霁|支付: a morpheme after a character jieba does not know, the name's second
    elif pos == "v" and stop - start == 1 and j >= 1 and tokens[j - 1][1] == start and _rare_single(text, tokens[j - 1]) and _before_trade_word(text, name_tokens, suffix_start, lex):
        # 筼|联|清算, 蘧|通|清算: a rare character, then one jieba reads as a verb, right before a trade word (not
        # before 金融 of 昶|崴|金融|控股…, where the tagger's longer name is kept)
        pos, paired = "g", True
    elif pos == "vg" and stop - start == 1 and j + 1 < len(tokens) and tokens[j + 1][2] in ("a", "nr", "ns", "g", "j", "n") and tokens[j + 1][1] - tokens[j + 1][0] == 1:
        pos = "g"  # 江苏|钤|渊|集成电路…: a rare character read as a verb morpheme, before another single character
    elif pos == "i" and stop - start == 1 and j + 1 < len(tokens) and tokens[j + 1][2] in ("a", "nr", "ns", "g", "n") and tokens[j + 1][1] - tokens[j + 1][0] == 1:
        pos = "g"  # 仅次于|瀣|峰|银行: a rare character jieba knows only inside an idiom (沆瀣), before another single one
    # 渚岩|投资|控股集团|有限公司: 投资 before 控股 is part of the name, not a kind of company before a brand
    holding = word in _SUFFIX_VERBS and text.startswith("控股", stop)
    if pos in ("v", "vn") and word in _SUFFIX_VERBS and name_tokens and (text[name_tokens[0][0] : suffix_start] == "" or holding):
        pos = "n"  # 翠麟|金融|控股|有限公司: 控股 is part of the name before the legal form
    if pos not in lex.org_name_pos or not is_han(word) and pos != "eng" or word in lex.org_break_words and not paired or word.endswith(lex.relation_nouns):
        return True
    before = text[tokens[j - 1][0] : tokens[j - 1][1]] if j >= 1 else ""
    numeral = not _lone_non_numeral(before)
    if (pos == "unk" or stop - start == 1) and j >= 1 and tokens[j - 1][2] == "m" and tokens[j - 1][1] == start and numeral:
        # 每1|股可|换发…, 第一百一十二|期|中央银行: a word glued to a number holds its measure word, not a name
        # (日|邻: a lone character tagged as a numeral is none)
        return True
    if pos == "unk" and len(word) == 2 and word[1] in _ASPECT_PARTICLES:
        return True  # 从未|买过|医疗保险: a verb with its aspect particle, glued into one unknown word
    if word in lex.title_qualifiers or word in lex.role_verbs or word in lex.appoint_verbs or word in DATING_MARKS:
        return True  # 周文涛|曾任|南岭农商银行: a name never holds the verb of a post, nor 原 (former) before it
    if word.startswith("日") and start > 0 and text[start - 1].isdigit():
        return True  # ６月１５|日电|南斯拉夫联盟: a dateline, not part of the name
    if text.endswith(lex.apposition_kinds, 0, stop):
        return True  # 虚拟资产|交易平台|朗曜数码资产有限公司, 一持牌|平台|硕峰交易所: what the company is, before its name
    if _counted_kind_ending(text, stop, lex):
        return True  # 另一家|经纪公司|莳沂保险经纪: a counted kind of company before the name
    branded = any(p in BRAND_AFTER_PERSON and s < suffix_start for s, _, p in name_tokens)
    kind = suffix_ending_at(text, stop, lex)
    parent = j >= 1 and tokens[j - 1][2] in BRAND_AFTER_PERSON  # 博泰|集团|深圳|博泰|实业…: a parent's name, kept
    if branded and not holding and (pos == "vn" or kind is not None and kind not in lex.industry_suffixes and not parent):
        return True  # 金管会|重罚|国瑞|人寿, 物流公司|瑞港|物流: a verbal noun or a kind of company before a brand
    # 核准|陈立新|安泰|人寿…: a person before the brand is the verb's object (麦肯锡|香港|分公司 is one name)
    return pos.startswith("nr") and len(word) == 3 and bool(name_tokens) and name_tokens[0][2] in BRAND_AFTER_PERSON


_HOLDING_VERB_BEFORE = re.compile(r"(?:公司|集团|国资委)(?:全资|绝对|相对)?$")
"""What ends before 控股 the verb (东星集团|全资|控股的…): a company, maybe with how much it controls."""
_AFTER_HOLDING_NAME = ("有限", "股份", "集团", "（", "(")
"""What follows 控股 when it ends part of a name (…公司控股有限公司 is rare but 控股集团 is common)."""
_DETERMINERS = frozenset("该其此这那")
"""Determiners right before a suffix make a reference (该公司, 其集团), not a name."""
_NUMERAL_CHARS = frozenset("零〇一二三四五六七八九十百千万亿两几半壹贰叁肆伍陆柒捌玖拾佰仟数多每")
_SUFFIX_VERBS = frozenset({"控股", "投资", "支付", "征信", "清算"})


def _lone_non_numeral(word: str) -> bool:
    """One Han character that jieba may tag as a numeral (``m``) but that counts nothing (日 of 日邻)."""
    return len(word) == 1 and is_han(word) and word not in _NUMERAL_CHARS
"""Words jieba tags as verbs that end a company's name before its legal form (翠麟金融控股|有限公司)."""
_MORPHEMES = frozenset({"g", "zg", "ng"})
"""jieba's tags of single characters it knows only as parts of words."""
_GLUED_MARKERS = frozenset("获被由将把给向对从为")
_ASPECT_PARTICLES = frozenset("过了着")
"""Aspect particles jieba may glue to the verb before them into one unknown word (买过)."""
"""Markers jieba may glue to the end of an unknown word right before a name (年底前获|法院批准, 私银为|峥珲金融集团)."""

_POST_VERB_HEADS = frozenset("曾现时兼出担原继拟新升转调")


def _glued_post_verb(text: str, start: int) -> bool:
    """任 of 曾任/现任/兼任 (曾|任海川|银行) or 日 of a date (11月20|日向|上海…) glued by the segmenter to the name after it."""
    if start == 0:
        return False
    return text.startswith("任", start) and text[start - 1] in _POST_VERB_HEADS or text.startswith("日", start) and text[start - 1].isdigit()


def _staked_verb_brand(text: str, tokens: Sequence[Token], j: int, suffix_start: int, end: int, suffix: str, lex: PatternLexicon) -> bool:
    """A brand jieba tags a verb before a trade word, the object of a verb with a stake after it
    (持有|远航|快运|35%的股份; 收购|启航|创投|51%的股权).  A verb right after a noun is its
    predicate (公司|持有|快运…: no name)."""
    start, stop, pos = tokens[j]
    return (
        pos == "v"
        and stop == suffix_start
        and stop - start == 2
        and suffix in lex.industry_suffixes
        and tokens[j - 1][2] in ("v", "p", "uj")
        and _STAKE_AFTER.match(text, end) is not None
    )


def _brand_with_he(text: str, tokens: Sequence[Token], j: int, i: int, lex: PatternLexicon) -> bool:
    """和 inside a brand, which jieba reads as a conjunction: one character before it, right after a
    verb, a preposition or a clause break, and no noun after the suffix but one it announces through
    (与|信|和|证券|合并, 收购|信|和|证券|的, 瑞|和|人寿|公告称; 投资|债|和|证券 and 钱|和|证券|资产 are lists)."""
    start, stop, pos = tokens[j - 1]
    glued = len(text[start:stop].lstrip("".join(lex.org_bad_initials))) == 1 and stop - start > 1  # 所持瑞|和|人寿: 所持 glued on
    if text[tokens[j][0] : tokens[j][1]] != "和" or not (stop - start == 1 or glued) or not is_han(text[stop - 1]) or text[stop - 1] in lex.org_bad_initials:
        return False
    before = "v" if glued else tokens[j - 2][2] if j >= 2 else "x"
    after = tokens[i + 1][2] if i + 1 < len(tokens) else "x"
    announces = i + 1 < len(tokens) and text[tokens[i + 1][0] : tokens[i + 1][1]] in _ANNOUNCING_NOUNS  # 瑞|和|人寿|公告称
    return pos in ("n", "ns", "nr", "a", "unk") and before in ("v", "p", "x", "d") and (after not in _NOMINAL_POS - {"vn"} or announces)


_ANNOUNCING_NOUNS = frozenset({"公告", "公告称", "董事会", "方面"})
"""Nouns after a company that it says or decides through, not a list's next item (瑞|和|人寿|公告称)."""


_NOMINAL_POS = frozenset({"n", "nz", "vn", "j", "unk", "ns", "nr", "nrt", "nrfg", "nt", "eng", "an"})
_BRAND_POS = frozenset({"unk", "nz", "j"})
BRAND_AFTER_PERSON = frozenset({"nz", "nt", "j", "unk"})
"""Tags of a brand that a full person's name before it does not belong to (陈立新|安泰); a place does (麦肯锡|香港)."""
_PREDICATE_POS = frozenset({"v", "d", "t"})


def org_apposition(sent: SentenceInput, lex: PatternLexicon) -> list[Candidate]:
    """Short company names right after a kind of organization written in apposition.

    The name is two words of two characters that end the noun phrase: a new word or brand and a
    noun (合作方|瑞邦建设|起诉, 收购对象|云通钱包|已…), or a word jieba tags a verb before a
    trade word with a predicate after them (老股东|启航创投|继续…), or any such pair with a time
    word after it (评级机构|联信评级|日前…); after 为/是, a word before a trade word (控股股东为|深蓝|创投).  A verb and its object after a kind are no name
    (大股东|增持股份。, 评级机构|下调评级).

    >>> lex = PatternLexicon.load()
    >>> sent = SentenceInput("老股东启航创投继续追加投资", ((0, 1, "a"), (1, 3, "n"), (3, 5, "v"), (5, 7, "j"), (7, 9, "v"), (9, 11, "v"), (11, 13, "vn")))
    >>> [(c.start, c.end) for c in org_apposition(sent, lex)]
    [(3, 7)]
    """
    text, tokens = sent.text, sent.tokens
    if lex.apposition_re is None or lex.apposition_re.search(text) is None:
        return []
    out = []
    for i in range(1, len(tokens) - 1):
        (hs, he, hpos), (ts, te, tpos) = tokens[i], tokens[i + 1]
        if he - hs != 2 or te - ts != 2 or not text.endswith(lex.apposition_kinds, 0, hs) or not is_han(text[hs:te]):
            continue
        after = tokens[i + 2][2] if i + 2 < len(tokens) else "x"
        if after in _NOMINAL_POS or tpos not in _NOMINAL_POS:
            continue  # the noun phrase goes on (合作方瑞邦建设集团: the suffix pattern's name)
        brand = hpos in _BRAND_POS and text[hs:he] not in lex.org_break_words
        verb_brand = hpos == "v" and text[ts:te] in lex.industry_suffixes and tpos != "vn" and after in _PREDICATE_POS
        if brand or verb_brand or _subject_before_time(text[hs:he], hpos, after, lex):
            out.append(Candidate(hs, te, "ORG", source="pattern:org_apposition", priority=3, score=0.7))
    return out + _named_by_kind(sent, lex) + _morpheme_led(sent, lex)


_RARE_LEADS = _MORPHEMES | {"x"}


def _morpheme_led(sent: SentenceInput, lex: PatternLexicon) -> list[Candidate]:
    """Four Han characters after a kind in apposition, opened by a character jieba only knows as a
    morpheme and ended by a verb (电商平台|邡|集|优选|签署, 交易对手|翚|苒|优选|已…): a new brand, as no
    common phrase opens with such a character."""
    text, tokens = sent.text, sent.tokens
    out = []
    for i, (hs, he, hpos) in enumerate(tokens):
        if he - hs != 1 or hpos not in _RARE_LEADS or not is_han(text[hs]) or not text.endswith(lex.apposition_kinds, 0, hs):
            continue
        last = next((j for j in range(i + 1, min(i + 4, len(tokens))) if tokens[j][1] - hs >= 4), None)
        if last is None or tokens[last][1] - hs != 4 or last + 1 >= len(tokens) or tokens[last + 1][2] not in _PREDICATE_POS:
            continue
        if is_han(text[hs : hs + 4]):
            out.append(Candidate(hs, hs + 4, "ORG", source="pattern:org_apposition", priority=3, score=0.7))
    return out


def _named_by_kind(sent: SentenceInput, lex: PatternLexicon) -> list[Candidate]:
    """A kind of party said to be a company (控股股东为|深蓝|创投): after 为/是, a common word before a
    trade word is the brand, as no descriptor could stand there."""
    text, tokens = sent.text, sent.tokens
    out = []
    for i in range(1, len(tokens) - 1):
        (hs, he, hpos), (ts, te, _) = tokens[i], tokens[i + 1]
        if he - hs != 2 or te - ts != 2 or text[hs - 1 : hs] not in ("为", "是") or not text.endswith(lex.apposition_kinds, 0, hs - 1):
            continue
        trade = text[ts:te] in lex.industry_suffixes or text[ts:te] in lex.weak_suffixes
        after = tokens[i + 2][2] if i + 2 < len(tokens) else "x"
        if trade and hpos[:1] in ("n", "a", "b", "j") and is_han(text[hs:te]) and after not in _NOMINAL_POS:
            out.append(Candidate(hs, te, "ORG", source="pattern:org_apposition", priority=3, score=0.7))
    return out


def _subject_before_time(head: str, hpos: str, after: str, lex: PatternLexicon) -> bool:
    """A verb-tagged first word whose pair a time word follows names the sentence's subject.

    A verb and its object after a kind end a predicate (评级机构|下调评级。); a time word
    right after the pair starts one, so the pair was a name (评级机构|联信评级|日前将…).
    """
    return hpos == "v" and after == "t" and head not in lex.org_break_words


_KIND_AFTER_LIST = re.compile(
    r"等(?:多家|几家|数家|各家|大型|中小|头部|知名|国有|股份制|外资|本地|国内|境外|主要)*"
    r"(?:保险公司|险企|券商|银行|公司|企业|机构|平台|基金公司|金融机构|科技公司|互联网公司|同业|对手)"
)
_LIST_SEPARATORS = ("、", "和", "及", "与")


def _token_ending_at(tokens: Sequence[Token], pos: int) -> int | None:
    """Index of the token that ends at ``pos`` (tokens are sorted and do not overlap)."""
    i = bisect_left([t[1] for t in tokens], pos)
    return i if i < len(tokens) and tokens[i][1] == pos else None


def listed_companies(sent: SentenceInput, lex: PatternLexicon) -> list[Candidate]:
    """Names listed before 等 and a kind of company are companies (友邦、保诚等大型保险公司,
    星汇、永顺、恒丰等多家银行).  Each item is one word of two to four Han characters that is no
    place, no common word tagged as a noun of the dictionary and no verb.

    >>> lex = PatternLexicon.load()
    >>> sent = SentenceInput("与友邦、保诚等大型保险公司争夺", ((0, 1, "p"), (1, 3, "n"), (3, 4, "x"), (4, 6, "unk"), (6, 7, "u"), (7, 9, "b"), (9, 13, "n"), (13, 15, "v")))
    >>> [(c.start, c.end) for c in listed_companies(sent, lex)]
    [(1, 3), (4, 6)]
    """
    text, tokens = sent.text, sent.tokens
    out: list[Candidate] = []
    for m in _KIND_AFTER_LIST.finditer(text):
        k = _token_ending_at(tokens, m.start())
        items = []
        while k is not None and k >= 0 and _list_item(text, tokens[k], lex):
            items.append(tokens[k])
            if k >= 1 and text[tokens[k - 1][0] : tokens[k - 1][1]] in _LIST_SEPARATORS:
                k -= 2
            else:
                break
        if len(items) >= 2 or items and items[0][2] in _BRAND_POS:
            out += [Candidate(s, e, "ORG", source="pattern:listed_company", priority=3, score=0.7) for s, e, _ in reversed(items)]
    return out


_BETWEEN_SEPARATORS = re.compile(r"(?<=、)[" + HAN + r"]{3,8}(?=、|等|和|及|与)")


def listed_suffix_names(sent: SentenceInput, lex: PatternLexicon) -> list[Candidate]:
    """An item between list separators that ends in the same strong suffix as the item before it
    (臺灣銀行、|第一銀行|、華南銀行): a name the suffix pattern cannot read alone (第一 is an ordinal).
    Kinds are no names (大型银行、|股份制银行|、城商行), nor trades (出版|集团).

    >>> lex = PatternLexicon.load()
    >>> [(c.start, c.end) for c in listed_suffix_names(SentenceInput("包括台湾银行、第一银行、华南银行等", ()), lex)]
    [(7, 11), (12, 16)]
    """
    text = sent.text
    out: list[Candidate] = []
    if "、" not in text:
        return out
    for m in _BETWEEN_SEPARATORS.finditer(text):
        suffix = suffix_ending_at(text, m.end(), lex)
        if suffix is None or suffix in lex.weak_suffixes or len(suffix) >= len(m.group()) or is_generic(m.group(), lex):
            continue
        verbal = any(m.start() <= a < m.end() - len(suffix) and pos[:1] in "vad" for a, _, pos in sent.tokens)
        if verbal:
            continue  # 报业集团、|出版集团|和发行集团: a trade, not a brand, before the suffix
        if text.endswith(suffix, 0, m.start() - 1) and not is_generic(_item_before(text, m.start() - 1), lex):
            out.append(Candidate(m.start(), m.end(), "ORG", source="pattern:listed_suffix", priority=3, score=0.6))
    return out


def _item_before(text: str, sep: int) -> str:
    """The list item that ends at the separator ``sep`` (back to the previous separator or punctuation, at most 8 characters)."""
    start = sep
    while start > 0 and sep - start < 8 and text[start - 1] not in "、，,；;：:（(":
        start -= 1
    return text[start:sep]


def _list_item(text: str, token: Token, lex: PatternLexicon) -> bool:
    start, end, pos = token
    word = text[start:end]
    if not 2 <= end - start <= 4 or not is_han(word) or plausible_place(word, lex) or word in lex.org_break_words:
        return False
    return pos in _BRAND_POS or pos in ("n", "nt", "nrt") and word not in lex.generic_orgs


_STOCK_CODE = re.compile(r"[（(](?:\d{6}(?:\.(?:SH|SZ|BJ|SS))?|\d{4,5}\.(?:HK|TW))[）)]")
"""A mainland code of six digits (600871, 600871.SH) or a Hong Kong or Taiwan one with its exchange (1234.HK);
four digits alone are a year (实况足球（2011）)."""
_NOT_LISTED = ("指数", "板块", "概念", "基金", "ETF", "债")
_CODE_NAME_POS = frozenset({"p", "c", "u", "uj", "ul", "d", "r", "x", "t", "f", "m", "v", "vn", "ad"})


def stock_code_names(sent: SentenceInput, lex: PatternLexicon) -> list[Candidate]:
    """The name right before a stock code is a listed company (天元股份（600871.SH）, 匯新科技(1234.HK)):
    the Han words back to a break, a function word or a verb; an index or a bond (沪深300指数（000300.SH）) is none.

    >>> lex = PatternLexicon.load()
    >>> sent = SentenceInput("晚间，天元股份（600871.SH）披露", ((0, 2, "t"), (2, 3, "x"), (3, 5, "q"), (5, 7, "n"), (7, 8, "x"), (8, 14, "m"), (14, 15, "x"), (15, 17, "eng"), (17, 18, "x"), (18, 20, "v")))
    >>> [(c.start, c.end) for c in stock_code_names(sent, lex)]
    [(3, 7)]
    """
    text, tokens = sent.text, sent.tokens
    out = []
    for m in _STOCK_CODE.finditer(text):
        k = _token_ending_at(tokens, m.start())
        start = m.start()
        while k is not None and k >= 0 and m.start() - tokens[k][0] <= 10:
            s, e, pos = tokens[k]
            word = text[s:e]
            unknown_before = k >= 1 and tokens[k - 1][2] == "x" and is_han(text[tokens[k - 1][0] : tokens[k - 1][1]])
            if pos == "x" and is_han(word) or (e - s == 1 and unknown_before):
                start, k = s, k - 1  # 蓿|原|科技（02381.HK）: a character jieba does not know, and the one after it
                continue
            if not is_han(word) or pos in _CODE_NAME_POS or word in lex.org_break_words or word in lex.generic_orgs or word.endswith(lex.apposition_kinds):
                break  # 知名券商|宏远证券（…）, 控股股东|天元控股（…）: a kind before the name
            start, k = s, k - 1
        name = text[start : m.start()]
        if suffix_ending_at(text, m.start(), lex) == name:
            continue  # a bare suffix (科技（02381.HK）) names no company
        if len(name) >= 2 and not name.endswith(_NOT_LISTED) and not plausible_place(name, lex) and _good_initial(name, lex):
            out.append(Candidate(start, m.start(), "ORG", source="pattern:stock_code", priority=4, score=0.9))
    return out


_BUSINESS_LINES = frozenset({"理财"})
"""Suffixes that, right after another suffix, name a business of that company rather than a company."""


def _trade_name(
    text: str, head: Sequence[Token], suffix_start: int, name: str, suffix: str, tokens: Sequence[Token], lex: PatternLexicon
) -> bool:
    """Whether a trade word (汽车, 环保) ends a company name here: it is a word of its own, after a
    proper noun that is not a place and not after another suffix (广东钢铁产量, 中国|房地产, 中国公民环保,
    原奔驰公司|汽车, 爱国主义教育 are no names; 南岭重工 and 凌峰新材 are), and no speech verb
    follows it (张荣伟|分析|说: the trade word is the speaker's verb)."""
    if is_sector(name, suffix, lex) or not any(s == suffix_start for s, _, _ in tokens) or suffix_ending_at(text, suffix_start, lex):
        return False
    if text.startswith(lex.speech_verbs, suffix_start + len(suffix)):
        return False
    if suffix in _VERBAL_TRADES and not _bare_brand(head, tokens):
        return False  # 新能源电池产线|建设: a verbal trade word after a noun phrase is the activity, not a name
    return any(_trade_head(text[s:e], pos, lex) for s, e, pos in head)


def _bare_brand(head: Sequence[Token], tokens: Sequence[Token]) -> bool:
    """One brand word before the trade word and no noun before that word (所|持昌岳|建设, not
    电池|产线|建设, 城市|建设 or 城乡|建设)."""
    if len(head) != 1 or head[0][2] not in _BRAND_POS | {"eng"}:
        return False
    before = [pos for _, e, pos in tokens if e == head[0][0]]
    return not before or before[0] not in _NOMINAL_POS


def _trade_head(word: str, pos: str, lex: PatternLexicon) -> bool:
    """A word that can name the company before a trade word: a proper noun that is not a place.
    jieba's nz also tags longer common terms (开放式, 爱国主义); its two-character nz are brands (宏达)."""
    if pos not in lex.proper_pos or pos == "x" and not is_han(word) or plausible_place(word, lex):
        return False  # x: punctuation and symbols, or a Han character jieba does not know at all (莳)
    if len(word) >= 3 and word.endswith("业"):
        return False  # 房地产业|建设, 制造业|智能: a whole industry, no brand
    return pos != "nz" or len(word) == 2


def _suffix_source(suffix: str, lex: PatternLexicon) -> str:
    """``pattern:org_trade`` for a trade word (which the NER stage lets a longer tagger span override), else ``pattern:org_suffix``."""
    return "pattern:org_trade" if suffix in lex.industry_suffixes else "pattern:org_suffix"


def titles_in(
    sent: SentenceInput,
    title_matches: Sequence[tuple[int, int]],
    dept_ending: Callable[[str], str | None],
    blocked: Sequence[tuple[int, int]],
    lex: PatternLexicon | None = None,
) -> list[Candidate]:
    """Title candidates, extended left over a department name (信息技术部总经理).

    ``title_matches`` are lexicon hits already checked against token
    boundaries; ``dept_ending`` gives the department suffix a word ends with
    (:meth:`TitleLexicon.department_ending <finextract.lexicons.TitleLexicon.department_ending>`);
    ``blocked`` spans (organizations) are never swallowed, nor, with ``lex``,
    a word that ends in an organization suffix (宏远|证券|财富管理部总经理).
    """
    text, tokens = sent.text, sent.tokens
    by_end = {t[1]: k for k, t in enumerate(tokens)}
    out = []
    for t_start, t_end in title_matches:
        post_start = _modifier_start(text, tokens, by_end, t_start, blocked, lex)
        start = post_start
        k = by_end.get(post_start)
        if k is not None:
            word = text[tokens[k][0] : tokens[k][1]]
            suffix = dept_ending(word)
            if suffix is not None and not _overlaps(tokens[k][0], post_start, blocked):
                # 信息技术|部, 金融科技|事业部: a bare suffix takes the words before it; 市场|监管司: a
                # longer one takes them too, unless they end an organization (宏远证券|研究部)
                start = _extend_dept(text, tokens, k, blocked, lex, stop_at_orgs=len(word) > len(suffix))
        start = _dept_after_org(text, start, post_start, dept_ending, blocked)
        out.append(Candidate(start, t_end, "TITLE", source="pattern:title", priority=4, score=0.9))
    return out


def _modifier_start(
    text: str, tokens: Sequence[Token], by_end: dict[int, int], t_start: int, blocked: Sequence[tuple[int, int]], lex: PatternLexicon | None
) -> int:
    """Start of a title with the word of the post before it (执行|总经理, 署理|行政总裁), else ``t_start``.

    >>> lex = PatternLexicon.load()
    >>> _modifier_start("执行总经理", [(0, 2, "v"), (2, 5, "n")], {2: 0, 5: 1}, 2, [], lex)
    0
    >>> _modifier_start("负责总经理", [(0, 2, "v"), (2, 5, "n")], {2: 0, 5: 1}, 2, [], lex)
    2
    """
    k = by_end.get(t_start)
    if lex is None or k is None:
        return t_start
    s, e, _ = tokens[k]
    if text[s:e] in lex.title_modifiers and not _overlaps(s, e, blocked):
        return s
    return t_start


def _dept_after_org(text: str, start: int, t_start: int, dept_ending: Callable[[str], str | None], blocked: Sequence[tuple[int, int]]) -> int:
    """中国工商银行|银行卡业务部|副总经理: the words between an organization and its
    title that end in a department suffix belong to the title."""
    org_end = max((e for _, e in blocked if e <= start and start - e <= 10), default=None)
    if org_end is None or org_end == start:
        return start
    gap = text[org_end:t_start]
    if is_han(gap) and dept_ending(gap) is not None and not _GAP_MARKERS & set(gap):
        return org_end
    return start


_GAP_MARKERS = frozenset("将把对向被由让给")
"""Function words no department name holds (金管会命令…将|财富管理处: the clause goes on, no department)."""


def _extend_dept(
    text: str, tokens: Sequence[Token], k: int, blocked: Sequence[tuple[int, int]], lex: PatternLexicon | None = None, stop_at_orgs: bool = False
) -> int:
    """Start of a department name whose suffix is token ``k``: up to two noun tokens before it,
    never a blocked span, a dating word (时任|分行行长) or, with ``stop_at_orgs``, a word that ends an organization."""
    start = tokens[k][0]
    for m in range(k - 1, max(-1, k - 3), -1):
        s, e, pos = tokens[m]
        if pos not in {"n", "vn", "nz", "l", "j", "eng"} or _overlaps(s, e, blocked) or not is_han(text[s:e]):
            break
        if lex is not None and (text[s:e] in lex.title_qualifiers or stop_at_orgs and suffix_ending_at(text, e, lex) is not None):
            break  # 时任|分行行长; 宏远证券|研究部: a word with an organization suffix ends the organization
        start = s
    return start


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def org_before_title(text: str, title_start: int, lex: PatternLexicon) -> tuple[int, int] | None:
    """An unknown organization name written right before a title.

    >>> lex = PatternLexicon.load()
    >>> org_before_title("公告显示，瀚海集团董事长", 9, lex)
    (5, 9)
    >>> org_before_title("公司首席精算师", 2, lex) is None
    True
    >>> org_before_title("，宏远证券财富管理部总经理", 9, lex)  # the rest is a department
    (1, 5)
    """
    start = title_start
    while start > 0 and is_han(text[start - 1]) and text[start - 1] not in lex.org_title_boundaries:
        start -= 1
        if title_start - start > 8:
            return None
    end, head = title_start, ""
    for cut in range(title_start - 1, start + 1, -1):  # 宏远证券|财富管理部总经理
        sfx = suffix_ending_at(text, cut, lex)
        if sfx in _VERBAL_TRADES:
            continue  # 城乡建设|委: a verbal trade word needs the segmenter's check (see _trade_name)
        if sfx is not None and cut - len(sfx) >= start and cut - start >= 3:
            end, head = cut, text[start : cut - len(sfx)]
            break
    name = text[start:end]
    if len(name) < 2 or name in lex.generic_orgs or name in lex.not_names or name in lex.org_break_words or head in lex.org_break_words:
        return None  # 通胀|数据|达到分析师: a common word before the suffix names no company
    if any(suffix_ending_at(name, k, lex) == name[:k] for k in range(2, min(len(name), 5))):
        return None  # 集团财务|副总监: a group's department, opening with a kind of organization
    if not _good_initial(name, lex):
        return None
    return start, end


_EDGE_TAGS = ("c", "p", "u", "d")
"""A name never starts with a one-character conjunction, preposition, particle or adverb (和|书记, 但|他们).

Verbs and pronouns are allowed: surnames such as 谢, 谈 and 何 are tagged so on their own.
"""
_END_TAGS = ("c", "p", "u")
"""… nor ends with a one-character conjunction, preposition or particle (陈峰|在, 杜泰|为)."""


def name_shaped(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether the segmentation allows ``[start, end)`` to be a person's name.

    Not a dictionary word other than a name (宣布, 方面, 公开 as one token), and
    no function word at its edges.

    >>> name_shaped([(0, 2, "v")], 0, 2)
    False
    >>> name_shaped([(0, 1, "c"), (1, 3, "n")], 0, 3)
    False
    >>> name_shaped([(0, 2, "nr"), (2, 3, "p")], 0, 3)
    False
    >>> name_shaped([(0, 3, "unk")], 0, 3)
    True
    >>> name_shaped([(0, 2, "unk"), (2, 4, "v")], 0, 3)
    False
    """
    for s, e, tag in tokens:
        if e <= start or s >= end:
            continue
        if s == start and e == end and tag not in ("unk", "x", "eng") and not tag.startswith("nr"):
            return False
        if e - s == 1 and ((s == start and tag.startswith(_EDGE_TAGS)) or (e == end and tag.startswith(_END_TAGS))):
            return False
        if start < s < end < e and tag[:1] in ("v", "d", "p"):
            return False  # 孙伟|代为: the span would end inside the verb after the name
    return True


def person_or_place(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Every token of ``[start, end)`` is tagged as a person (``nr*``) or place (``ns``) name: 江泽民|主席, 长春市|市长.

    >>> person_or_place([(0, 3, "nr"), (3, 5, "n")], 0, 3)
    True
    >>> person_or_place([(0, 2, "ns"), (2, 5, "n")], 0, 5)
    False
    """
    inside = [tag for s, e, tag in tokens if s < end and start < e]
    return bool(inside) and all(tag.startswith("nr") or tag == "ns" for tag in inside)


def _verb_inside(text: str, start: int, end: int, verbs: Sequence[str]) -> bool:
    """A speech verb starts inside ``[start, end)`` (黄鑫认|为: 认为 starts at 认)."""
    return any(text.startswith(v, i) for i in range(start + 1, end) for v in verbs)


_FILLED_BY = re.compile(r"由[^，,。；;]{1,30}?(?:出任|担任|接任|兼任|代行|主持)")


def name_after(
    text: str,
    pos: int,
    surnames: frozenset[str],
    boundaries: frozenset[str],
    forbidden: Sequence[str] = (),
    word_starts: frozenset[int] = frozenset(),
    tokens: Sequence[Token] = (),
) -> tuple[int, int] | None:
    """A 2–3 character name starting at ``pos`` (after a title), if one reads there.

    With ``tokens``, the span must also be :func:`name_shaped` (主席宣布 has no name).

    >>> name_after("董事长易会满，", 3, frozenset("易"), frozenset("，"))
    (3, 6)
    >>> name_after("首席技术官黄鑫认为", 5, frozenset("黄"), frozenset("认"))
    (5, 7)
    >>> name_after("负责人曾透露，", 3, frozenset("曾"), frozenset("，"), ("透露",)) is None
    True
    >>> name_after("主席刘强东出席", 2, frozenset("刘"), frozenset(), (), frozenset({5}))  # 出席 is a known word
    (2, 5)
    """
    if pos >= len(text):
        return None
    if not (text[pos] in surnames or text[pos : pos + 2] in surnames):
        return None
    if _FILLED_BY.match(text, pos):
        return None  # 总经理由原…孙悦出任: 由 names who fills the post, it is no surname here
    for length in (3, 2):
        end = pos + length
        if end > len(text) or not is_han(text[pos:end]) or _verb_inside(text, pos, end, forbidden):
            continue
        if tokens and not name_shaped(tokens, pos, end) and not _pronoun_surname(text, tokens, pos, end) and not _ends_in_he(text, end, boundaries):
            continue
        if end == len(text) or text[end] in boundaries or not is_han(text[end]) or end in word_starts:
            return pos, end
    return None


def _ends_in_he(text: str, end: int, boundaries: frozenset[str]) -> bool:
    """A three-character name ending in 和, which jieba reads as a conjunction, when no name follows it
    (总经理卞崇和|因到龄退休; 董事长张三和|李四 joins two people).

    >>> _ends_in_he("总经理卞崇和因到龄退休", 6, frozenset("因"))
    True
    """
    return text.startswith("和", end - 1) and end < len(text) and (text[end] in boundaries or text.startswith("分别", end)) and text[end] not in _LIST_JOINERS


_LIST_JOINERS = frozenset("和与及、")

_SURNAME_PRONOUNS = frozenset("何")
"""Surnames that jieba reads as a pronoun when they stand alone (何|咏诗)."""


def _pronoun_surname(text: str, tokens: Sequence[Token], pos: int, end: int) -> bool:
    """A surname jieba tags a pronoun, then nouns to the end of the span (主管|何|咏诗|表示)."""
    if text[pos] not in _SURNAME_PRONOUNS:
        return False
    inside = [t for t in tokens if pos <= t[0] and t[1] <= end]
    return bool(inside) and inside[0][:2] == (pos, pos + 1) and inside[-1][1] == end and all(tag[:1] in ("n", "u") for _, _, tag in inside[1:])


def name_before(
    text: str, pos: int, surnames: frozenset[str], boundaries: frozenset[str], tokens: Sequence[Token] = ()
) -> tuple[int, int] | None:
    """A 2–3 character name ending at ``pos`` (before a speech verb) that starts a clause.

    With ``tokens``, the span must also be :func:`name_shaped` (文章指出 has no name).

    >>> name_before("，谢锦生说", 4, frozenset("谢"), frozenset("，"))
    (1, 4)
    """
    for length in (3, 2):
        start = pos - length
        if start < 0 or not is_han(text[start:pos]):
            continue
        if not (text[start] in surnames or text[start : start + 2] in surnames):
            continue
        if any(c in boundaries for c in text[start:pos]):
            continue
        if tokens and not name_shaped(tokens, start, pos):
            continue
        if start == 0 or text[start - 1] in boundaries or not is_han(text[start - 1]):
            return start, pos
    return None


def products(sent: SentenceInput, lex: PatternLexicon) -> list[Candidate]:
    """Product names after 产品/品牌 (分期产品钱小乐, 支付产品“澜付通”) or quoted after 平台 (投保平台「洸易保」), before App (掌上生活App, 《薪享通》App),
    quoted after a launch verb (推出「小微贷」升级版) or before what it is (「一码多付」功能, “驿链融”产品)."""
    text = sent.text
    out = []
    for at, marker in occurrences(text, lex.product_after + lex.product_after_quoted):
        start = at + len(marker)
        quoted = _quoted_after(text, start, 12, mixed=True)
        # 首款产品“琲川星享联名信用卡”: a name closed by a product's kind may be longer
        if quoted is not None and 2 <= quoted[1] - quoted[0] <= (12 if text.endswith(_PRODUCT_KINDS, *quoted) else 8):
            out.append(Candidate(quoted[0], quoted[1], "PRODUCT", source="pattern:product_quoted", priority=3, score=0.6))
            continue  # 支付产品“澜付通”: the quotes delimit the name
        if marker in lex.product_after_quoted:
            continue  # 平台公司: unquoted, the noun names nothing after it
        end = _han_run(text, start, lex.product_stop_words, forward=True)
        if 2 <= end - start <= 5:
            out.append(Candidate(start, end, "PRODUCT", source="pattern:product", priority=3, score=0.6))
    for at, verb in occurrences(text, lex.product_quoted_after):
        quoted = _quoted_after(text, at + len(verb), _LONG_NAME, latin_tail=True)
        while quoted is not None and 2 <= quoted[1] - quoted[0] <= _longest_launched(text, *quoted) and not _document_title(text[quoted[0] : quoted[1]]):
            # 推出《岫泓恒享个人养老年金保险》: an insurance plan's name in title marks may be long; the marks
            # delimit it, so a name read inside it is none (priority over the suffix pattern's 养老年金保险, and
            # over its reading of the whole quoted name as a company: 推出「璿汇大湾区债券基金」)
            out.append(Candidate(quoted[0], quoted[1], "PRODUCT", source="pattern:product_quoted", priority=5, score=0.6))
            joiner = _LISTED_QUOTE.match(text, quoted[1] + 1)  # 推出「A」及「B」: each name listed after the verb
            quoted = _quoted_after(text, joiner.end(), _LONG_NAME, latin_tail=True) if joiner else None
    for at, _ in occurrences(text, lex.product_quoted_before):
        quoted = _quoted_before(text, at)
        if quoted is not None and 2 <= quoted[1] - quoted[0] <= 8:
            out.append(Candidate(quoted[0], quoted[1], "PRODUCT", source="pattern:product_quoted", priority=3, score=0.6))
    for at, _ in occurrences(text, lex.product_before):
        quoted = _quoted_before(text, at)
        start, end = quoted if quoted is not None else (_han_run(text, at, lex.product_stop_words, forward=False), at)
        if 2 <= end - start <= (8 if quoted else 5):
            source = "pattern:product_quoted" if quoted else "pattern:product"
            # “骎程理财”App: quoted before App, a product even where a company's suffix ends the name
            out.append(Candidate(start, end, "PRODUCT", source=source, priority=5 if quoted else 3, score=0.6))
    return out


_OPENING = {"《": "》", "“": "”", "「": "」", "『": "』"}
"""Quotation marks that may enclose a product name, opening → closing."""
_QUOTES = {close: open_ for open_, close in _OPENING.items()} | {'"': '"'}
"""The same, closing → opening, and the straight quote."""


_LONG_NAME = 16
"""The longest product name in 《》 after a launch verb (insurance plans: 岫泓恒享个人养老年金保险)."""
_DOCUMENT_WORDS = re.compile(r"关于|通知|办法|意见|规定|指引|条例|报告|白皮书|决定")
"""Words of a document's title in 《》 (《关于…的通知》): no product."""


def _document_title(name: str) -> bool:
    return _DOCUMENT_WORDS.search(name) is not None


_LATIN_TAIL = re.compile(r"[A-Za-z0-9]{1,6}$")
"""A product word in Latin letters closing a name (优息精选ETF, 掌上生活App)."""
_SERIES_TAIL = re.compile(r"[0-9]{1,3}[号期]$|[0-9]{1,4}(?:天|个月)$")
"""A series number or a term closing a product's name (颐康悦享1号, 稳盈3期, 稳盈180天)."""


def _longest_launched(text: str, start: int, end: int) -> int:
    """How long a quoted name after a launch verb may be: long in 《》 (an insurance plan), twelve characters
    with a Latin product word or a product's kind at its end (「昶崴台湾优息精选ETF」, 「璿汇亚洲高息股票基金」),
    else eight."""
    if text[start - 1] == "《":
        return _LONG_NAME
    return 12 if _LATIN_TAIL.search(text, start, end) or text.endswith(_PRODUCT_KINDS, start, end) else 8


_PRODUCT_KINDS = ("基金", "保险", "理财", "债券", "年金", "信用卡", "借记卡", "联名卡")
"""Kinds of product that may close a launched product's quoted name."""
_LISTED_QUOTE = re.compile(r"(?:及|和|与|以及|、)(?=[“「《『])")
"""A joiner between two quoted names listed after one launch verb."""


def _quoted_after(text: str, pos: int, longest: int = 8, latin_tail: bool = False, mixed: bool = False) -> tuple[int, int] | None:
    """The inside of a quoted name that opens right at ``pos`` (推出「小微贷」), at most ``longest`` characters,
    Han only, Han before a series number (颐康悦享1号), (with ``latin_tail``) Han before a Latin product word, or
    (with ``mixed``) Han and Latin letters together (平台「峮e保」).

    >>> _quoted_after("推出「小微贷」升级版", 2)
    (3, 6)
    """
    closer = _OPENING.get(text[pos : pos + 1])
    end = text.find(closer, pos + 1, pos + longest + 2) if closer else -1
    if end == -1:
        return None
    tail = (_LATIN_TAIL.search(text, pos + 1, end) if latin_tail else None) or _SERIES_TAIL.search(text, pos + 1, end)
    han_end = tail.start() if tail is not None and tail.start() - pos - 1 >= 2 else end
    if not is_han(text[pos + 1 : han_end]) and not (mixed and _HAN_AND_LATIN.fullmatch(text, pos + 1, end)):
        return None
    return pos + 1, end


_HAN_AND_LATIN = re.compile(r"(?=[^" + HAN + r"]*[" + HAN + r"])[" + HAN + r"A-Za-z]+")
"""A name of Han characters and Latin letters, with at least one Han character (峮e保)."""


def _quoted_before(text: str, pos: int) -> tuple[int, int] | None:
    """The inside of a quoted name that closes right at ``pos`` (《薪享通》App, “商户宝”小程序).

    >>> _quoted_before("推出《薪享通》App", 7)
    (3, 6)
    >>> _quoted_before("推出薪享通App", 5) is None
    True
    """
    opener = _QUOTES.get(text[pos - 1]) if pos > 0 else None
    if opener is None:
        return None
    start = text.rfind(opener, max(0, pos - 10), pos - 1)
    if start == -1 or not is_han(text[start + 1 : pos - 1]):
        return None
    return start + 1, pos - 1


def _han_run(text: str, pos: int, stops: Sequence[str], forward: bool) -> int:
    """End (or start) of the Han run from ``pos`` that stops before any stop word."""
    if forward:
        end = pos
        while end < len(text) and is_han(text[end]) and not any(text.startswith(w, end) for w in stops) and end - pos < 5:
            end += 1
        return end
    start = pos
    while start > 0 and is_han(text[start - 1]) and not any(text.endswith(w, 0, start) for w in stops) and pos - start < 5:
        start -= 1
    return start


def occurrences(text: str, words: Sequence[str]) -> Iterator[tuple[int, str]]:
    """Every ``(position, word)`` where one of ``words`` occurs in ``text``."""
    for word in words:
        at = text.find(word)
        while at != -1:
            yield at, word
            at = text.find(word, at + 1)


def _names_after_words(
    sent: SentenceInput, lex: PatternLexicon, surnames: frozenset[str], words: Sequence[str], source: str, then: str = ""
) -> list[Candidate]:
    """Names right after any of ``words`` (and, with ``then``, right before it)."""
    text = sent.text
    out = []
    for at, word in occurrences(text, words):
        span = name_after(text, at + len(word), surnames, lex.name_boundaries, lex.speech_verbs, tokens=sent.tokens)
        if span is not None and text.startswith(then, span[1]) and text[span[0] : span[1]] not in lex.not_names:
            out.append(Candidate(span[0], span[1], "PERSON", source=source, priority=3, score=0.8))
    return out


def appointee_names(sent: SentenceInput, lex: PatternLexicon, surnames: frozenset[str]) -> list[Candidate]:
    """Names right after an appointment verb and before 为 (聘任孙晓雯为首席执行官)."""
    return _names_after_words(sent, lex, surnames, lex.appoint_verbs, "pattern:appointee_name", then="为")


_SUCCEEDING = re.compile(r"接替(?:[^，,。；;]{0,12}?(?:退休|辞任|辞职|离任|卸任|离职|调任|请辞)的)?")
"""接替 and what the predecessor did (接替今年1月辞任的|勞卓恆): the name after it is a person's."""


def predecessor_names(sent: SentenceInput, lex: PatternLexicon, surnames: frozenset[str]) -> list[Candidate]:
    """The name of the one succeeded, closing its clause after 接替 (接替今年1月辞任的勞卓恆。)."""
    text = sent.text
    out = []
    for m in _SUCCEEDING.finditer(text) if "接替" in text else ():
        span = name_after(text, m.end(), surnames, lex.name_boundaries, lex.speech_verbs, tokens=sent.tokens)
        if span is None or text[span[0] : span[1]] in lex.not_names or (span[1] < len(text) and text[span[1]] not in "，,。；;"):
            continue
        out.append(Candidate(span[0], span[1], "PERSON", source="pattern:predecessor_name", priority=3, score=0.8))
    return out


def holder_names(sent: SentenceInput, lex: PatternLexicon, surnames: frozenset[str]) -> list[Candidate]:
    """Names right after a controlling holder's word, as after a title (主席兼控股股东黄启明的持股比例)."""
    return _names_after_words(sent, lex, surnames, lex.person_anchors, "pattern:holder_name")


_LOCATIVE_ENDS = "中内里上下"


def _inside_word(tokens: Sequence[Token], at: int) -> bool:
    """Whether ``at`` falls inside a dictionary word that starts before it.

    A name glued to the verb by the segmenter (an ``nr`` or unknown token) does not count.

    >>> _inside_word([(0, 2, "n"), (2, 4, "n")], 3)
    True
    >>> _inside_word([(0, 3, "nr"), (3, 4, "v")], 3)
    False
    >>> _inside_word([(0, 4, "nr")], 3)
    False
    """
    for s, e, tag in tokens:
        if s < at < e:
            return tag not in ("unk", "x", "eng") and not tag.startswith("nr")
    return False


_LEAVING_FOR = re.compile(r"因[^，,。；;]{1,10}?(?:原因|退休|调整|需要|到龄)[，,]?(?:申请|已|拟)?(?:辞去|辞任|卸任|离任|请辞|辞职)")
"""A cause, then leaving a post (殳蔓青|因个人原因辞去…): the name before it is a person's."""


def speaker_names(sent: SentenceInput, lex: PatternLexicon, surnames: frozenset[str]) -> list[Candidate]:
    """Names right before a speech or role verb (谢锦生说, 陈生强表示, 王明远出任), or before the cause of
    leaving a post (殳蔓青因个人原因辞去…)."""
    text = sent.text
    out = []
    leaving = [(m.start(), "因") for m in _LEAVING_FOR.finditer(text)] if "因" in text else []
    for at, _ in [*occurrences(text, lex.speech_verbs + lex.role_verbs), *leaving]:
        if _inside_word(sent.tokens, at):
            continue  # 全套|小说, 称号: the verb is part of a longer word
        span = name_before(text, at, surnames, lex.name_boundaries, sent.tokens)
        if span is None or text[span[0] : span[1]] in lex.not_names:
            continue
        if text.endswith("的", 0, span[0]) and text[span[1] - 1] in _LOCATIVE_ENDS:
            continue  # 在致投资者的信中表示: in the letter, not a person named 信中
        out.append(Candidate(span[0], span[1], "PERSON", source="pattern:speaker_name", priority=3, score=0.7))
    return out
