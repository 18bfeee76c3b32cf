"""Stage 6 — link: canonical names and knowledge-base ids for entities.

* An organization already matched by the gazetteer keeps its entry.
* Any other organization is looked up by its working-text form, and again
  with a legal-form suffix removed (中国工商银行股份有限公司 → 中国工商银行).
* In-document aliases: ``广东省农村信用社联合社(以下简称广东农信)`` (or a short form in bare brackets
  that abbreviates the name: ``宸磊行动支付股份有限公司（宸磊支付）``) binds 广东农信 to
  the organization before the parenthesis; its mention there and later ones become
  entities with the same canonical name and id (the tagger's guesses and
  copied names there give way), and every organization entity found with
  exactly that text anywhere in the document, a headline before the
  declaration included, takes that canonical name.

* Short references: 该行 / 该公司 / 该集团 refer to the nearest organization
  before them (a bank for 该行); 陈总, 王董, 李行长 refer to the one person with
  that surname mentioned before; 公司 before its shares (减持公司股份) refers to
  the document's subject, the organization named most often; 公司 after an
  announcement (蓝海物流（603055.SH）公告，公司第一大股东…) is the announcer, for the rest of
  that sentence and in the sentences of its paragraph that open with 公司; with no announcer, 公司
  opening a later sentence of a paragraph refers to the company that opened the paragraph
  (汇丰科技原计划…。公司去年收入…), unless that is a public body.  They become entities with ``source``
  ``coreference`` and the canonical name and id of what they refer to; when
  the reference is ambiguous or nothing precedes it, nothing is added.

* A place before a name the document also uses alone (香港宏汇证券 beside 宏汇证券)
  names the same organization.
* A financial holding company named in full (宏泰金控) is also written with
  金 for 金控 (宏泰金单月获利居冠), as Taiwan news does: those mentions become
  the holding company's entities, and a tagger's guess there gives way.

* 央行 in an article priced in 新台币, or with two different Taiwan markers (金管会, 台股 …), is
  Taiwan's central bank, not the People's Bank of China.

Canonical names are Simplified, so Traditional and Simplified input agree.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from ..document import Document
from ..han import HAN
from ..lexicons import PUBLIC_KINDS, Gazetteer, load_gazetteer
from ..ner.patterns import DATING_MARKS, PatternLexicon
from ..shortforms import CODE_BEFORE_SHORT_FORM
from ..spans import Entity, Token

_LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "股份公司")


def _is_bank(name: str) -> bool:
    """Whether an organization's name, legal form aside, names a bank (浙江苕溪农村商业银行股份有限公司, 招行)."""
    bare = next((name[: -len(f)] for f in _LEGAL_FORMS if name.endswith(f)), name)
    return bare.endswith("行")
_ORG_ANAPHORA = re.compile(r"该(行|银行|公司|集团|机构|所|社)")
_PERSON_SHORT = re.compile(r"([" + HAN + r"])(总裁|总经理|总|董事长|董|行长|主席|经理)(?![" + HAN + r"]{0,0}[理监])")
_OWN_COMPANY = re.compile(
    r"公司(?=(?:[约近逾超]?[\d.,]+[万亿]?(?:股|%)的?)?(?:股份|股票|股权|总股本|股本|控制权)|[约近逾超]?[\d.,]+[万亿]?股(?:[，,。；;]|$)"
    r"|(?:原)?(?:控股股东|第一大股东|实际控制人|实控人))"
)
"""公司 before what it owns when it is the document's subject (减持公司股份, 持有公司约32.6%的股份,
持有公司约2.39亿股，)."""
_ANNOUNCED = re.compile(
    r"(?:[（(][^（()）\n]{1,24}[）)])?(?:\d{1,2}月\d{1,2}日|今日|昨日|日前|近日|当日|同日|今天|昨天|昨晚|今晚)?(?:晚间|晚|早间|盘后)?"
    r"(?:在[^，,。；;\n]{1,14}?[中上])?"
    r"(?:(?:还|也|亦|同时|另|则|并|进一步)?(?:发布|发)?(?:公告|披露|宣布|表示)(?:[^，,。；;：:“”「」\n]{0,8}?(?:称|显示)?[，,：:]|[^，,。；;：:“”「」\n]{0,24}。)"
    r"|[^，,。；;：:“”「」\n]{0,10}?(?:报告|年报|季报|半年报|财报)显示[，,：:]"
    r"|[^，,。；;：:“”「」\n]{0,4}?(?:董事长|总裁|总经理|行长|首席执行官|董事会秘书|副总裁|副总经理|副行长|负责人|发言人)"
    r"[" + HAN + r"]{2,4}?[^，,。；;：:“”「」\n]{0,14}?(?:表示|称|说|指出|透露)[，,：:])"
)
"""What follows an announcing company: its code, a date, the verb and what it published
(（603055.SH）12月1日晚间公告称，; 披露重组预案，), its own report (三季度偿付能力报告显示，), or one of
its officers speaking (董事长闵绍钧在接受记者采访时表示，)."""
_ANNOUNCER_LEAD = re.compile(r"(?:[^，,。；;\n]{1,8}[，,])?(?:[^，,。；;\n]{0,14}?(?:上市公司|挂牌公司|上市的))?")
"""What may open the sentence before the announcer (同日，, 此外，, 深交所创业板上市公司)."""
_ALIAS_DECL = re.compile(
    r"[（(]\s*" + CODE_BEFORE_SHORT_FORM + r"(?:以下)?(?:简称|下称)\s*[:：]?\s*[“\"「『]?([^）)”\"」』，,、\s]{2,12})[”\"」』]?\s*(?:[，,；;][^）)]{0,30})?[）)]"
)
"""A declared short form in brackets, maybe with more after it (（以下简称“翕檀科技”，股票代码：300917）) or a stock
code before it (（股份代号：2869，下称「瓒晖信托」）)."""


_EARLY_ALIAS = 4
"""Characters a declared short form needs to be found before its declaration too (陇垣资产 in the headline)."""
_BARE_ALIAS = re.compile(r"[（(]([" + HAN + r"]{2,8})[）)]")
"""A short form in brackets right after the full name, Hong Kong and Taiwan style (宸磊行动支付股份有限公司（宸磊支付）)."""


def _abbreviates(short: str, name: str) -> bool:
    """Whether ``short`` can abbreviate ``name``: shorter, opening with one of its characters, and every
    character of it found in ``name`` in order (缤采电支 of 缤采电子支付; 香港 of 翠麟银行 is no short form)."""
    if len(short) >= len(name) or short[0] not in name:
        return False
    at = 0
    for ch in short:
        at = name.find(ch, at) + 1
        if at == 0:
            return False
    return True


def _bracketed_latin_names(doc: Document, entities: list[Entity]) -> list[Entity]:
    """A Latin-script name in brackets right after an organization is that organization's foreign name
    (西湾机遇基金（Westbay Opportunities Fund）): an organization with its canonical name, whatever the
    tagger called it; after a person it is the person's (林佩珊（Lim Pei Shan）); after anything else
    a one-word Latin person of the tagger's is dropped (牌照（Major Payment Institution Licence）)."""
    ends = {e.end: e for e in entities if e.label in ("ORG", "PERSON")}
    out = []
    for ent in entities:
        bracketed = ent.text.isascii() and any(c.isalpha() for c in ent.text) and doc.text[ent.start - 1 : ent.start] in ("（", "(")
        named = ends.get(ent.start - 1) if bracketed else None
        if named is not None and named.label == "ORG":
            ent = ent.model_copy(update={"label": "ORG", "canonical": named.canonical, "id": named.id})
        elif bracketed and named is None and ent.label == "PERSON" and ent.source == "model" and " " not in ent.text:
            continue  # 主要支付机构牌照（Major Payment…）: a Latin term after a common noun names no person
        out.append(ent)
    return out


@dataclass
class LinkStage:
    """Document → Document: fills ``canonical`` and ``id`` of entities; adds alias mentions."""

    gazetteer: Gazetteer = field(default_factory=load_gazetteer)
    places: frozenset[str] = field(default_factory=lambda: PatternLexicon.load().places)
    name: str = "link"
    requires: frozenset[str] = frozenset({"normalized", "entities", "sentences"})
    provides: frozenset[str] = frozenset({"linked"})

    def __call__(self, doc: Document) -> Document:
        """Link organizations and bind in-document aliases."""
        linked = self._regional([self._link(doc, e) for e in doc.entities], doc)
        linked = _place_prefixed(doc, linked, self.places)
        linked = self._aliases(doc, linked)
        linked = _holding_short_forms(doc, linked)
        linked = _bracketed_latin_names(doc, linked)
        linked = self._coreference(doc, linked)
        return doc.model_copy(update={"entities": linked})

    def _regional(self, entities: list[Entity], doc: Document) -> list[Entity]:
        """央行 in a Taiwan article (新台币, 金管会 …) is Taiwan's central bank, not the People's Bank of China."""
        taiwan = self.gazetteer.by_id.get(_TAIWAN_CENTRAL_BANK)
        marks = set(_TAIWAN_MARKS.findall(doc.work.norm))
        if taiwan is None or (len(marks) < 2 and "新台币" not in marks):
            return entities
        return [
            e.model_copy(update={"canonical": taiwan.canonical, "id": taiwan.id}) if e.id == _PBOC and doc.normalized(e) in _CENTRAL_BANK_SHORT else e
            for e in entities
        ]

    def _link(self, doc: Document, ent: Entity) -> Entity:
        if ent.label != "ORG" or ent.id is not None:
            return ent
        norm = doc.normalized(ent)
        for form in (norm, *(norm[: -len(s)] for s in _LEGAL_FORMS if norm.endswith(s) and len(norm) > len(s) + 1)):
            entry = self.gazetteer.lookup(form)
            if entry is not None:
                return ent.model_copy(update={"canonical": entry.canonical, "id": entry.id})
        return ent

    def _aliases(self, doc: Document, entities: list[Entity]) -> list[Entity]:
        work = doc.work
        bindings: list[tuple[int, str, Entity]] = []  # (norm position of the alias in its declaration, alias, target)
        for match, bare in [(m, False) for m in _ALIAS_DECL.finditer(work.norm)] + [(m, True) for m in _BARE_ALIAS.finditer(work.norm)]:
            decl_start, _ = work.to_orig(match.start(), match.start())
            target = next((e for e in reversed(entities) if e.label == "ORG" and e.end == decl_start), None)
            if target is not None and not bare:
                entities, target = _with_short_form_head(doc, entities, target, match.group(1))
                entities, target = _without_agent_ending(doc, entities, target, match.group(1))
            # a short form in bare brackets must abbreviate the name ((香港) after a bank is no short form)
            if target is not None and (not bare or _abbreviates(match.group(1), doc.normalized(target))):
                bindings.append((match.start(1), match.group(1), target))
        if not bindings:
            return entities
        out = list(entities)
        for after, alias, target in bindings:
            # every organization written exactly as the alias names the declared company, the
            # headline's 数融科技 before the declaration included, and one the knowledge base reads
            # otherwise (证监会 declared for Hong Kong's regulator)
            out = [
                e.model_copy(update={"canonical": target.canonical, "id": target.id})
                if e.label == "ORG" and (e.id is None or e.id != target.id) and work.norm[slice(*work.to_norm(e.start, e.end))] == alias
                else e
                for e in out
            ]
            # before the declaration (a headline) only a long short form, as a word of its own and
            # outside the full name (拓峰新材 in 衡阳拓峰新材料股份有限公司 is no mention)
            at = work.norm.find(alias, 0 if len(alias) >= _EARLY_ALIAS else after)
            while at != -1:
                if at >= after or self._early_mention(doc, out, at, at + len(alias), target):
                    out = _with_alias_mention(doc, out, at, at + len(alias), target, self.places)
                at = work.norm.find(alias, at + len(alias))
        return sorted(out, key=lambda e: (e.start, e.end))

    @staticmethod
    def _early_mention(doc: Document, entities: list[Entity], at: int, end: int, target: Entity) -> bool:
        """Whether a short form found before its declaration at working span ``[at, end)`` is a word of
        its own outside any name of that company."""
        start, stop = doc.work.to_orig(at, end)
        if not any(t.start == start for t in doc.tokens) or not any(t.end == stop for t in doc.tokens):
            return False
        return not any(e.start <= start and stop <= e.end and e.canonical == target.canonical and (e.start, e.end) != (start, stop) for e in entities)

    def _coreference(self, doc: Document, entities: list[Entity]) -> list[Entity]:
        work = doc.work
        added: list[Entity] = []
        for match in _ORG_ANAPHORA.finditer(work.norm):
            start, end, text = work.orig_span(match.start(), match.end())
            if doc.in_excluded(start, end) or _covered(entities, start, end):
                continue
            bank = match.group(1) in ("行", "银行")
            target = next(
                (e for e in reversed(entities) if e.label == "ORG" and e.end <= start and (not bank or _is_bank(e.canonical))),
                None,
            )
            if target is not None:
                added.append(_refer(text, start, end, target))
        for match in _PERSON_SHORT.finditer(work.norm):
            start, end, text = work.orig_span(match.start(), match.end())
            same = next((e for e in entities if (e.start, e.end, e.label) == (start, end, "PERSON")), None)
            if doc.in_excluded(start, end) or (same is None and _covered(entities, start, end)):
                continue
            people = {
                e.canonical: e
                for e in entities
                if e.label == "PERSON" and e.end <= start and e.canonical.startswith(match.group(1)) and len(e.canonical) > 1 and e is not same
                and e.source != "coreference" and not _PERSON_SHORT.fullmatch(e.canonical)
            }
            if len(people) == 1:
                if same is not None:  # 陈总表示: the speaker pattern found the mention, link it
                    entities = [e for e in entities if e is not same]
                added.append(_refer(text, start, end, next(iter(people.values()))))
        refs, announcer = self._announcers(doc, entities + added)
        added += refs
        added += _own_company(doc, entities + added, announcer)
        return sorted(entities + added, key=lambda e: (e.start, e.end)) if added else entities

    def _announcers(self, doc: Document, entities: list[Entity]) -> tuple[list[Entity], Entity | None]:
        """公司 after a company's announcement refers to that company (see the module docstring); also the
        first company whose announcement the document reports, if any."""
        work = doc.work
        if "公司" not in work.norm:
            return [], None
        company = [t for t in doc.tokens if t.text == "公司" and _own_reference(work.norm, *work.to_norm(t.start, t.end))]
        if not company:
            return [], None
        company_starts = [t.start for t in company]
        orgs = [e for e in entities if e.label == "ORG" and e.source != "coreference"]
        starts = [e.start for e in orgs]
        token_starts = [t.start for t in doc.tokens if not t.text.isspace()]
        breaks = [m.start() for m in re.finditer("\n", doc.text)]
        out: list[Entity] = []
        first_announcer: Entity | None = None
        current: Entity | None = None  # the announcer this paragraph's 公司 refers to
        carried: Entity | None = None  # the last announcer of an earlier paragraph
        line, topic = -1, None  # topic: the first company this paragraph names
        opener: Entity | None = None  # the company that opens the paragraph's first sentence
        for sent in doc.sentences:
            here = bisect_left(breaks, sent.start)
            first = bisect_left(starts, sent.start)
            if here != line:
                line, carried, current, topic = here, current or carried, None, None
                opener = self._opener(doc, orgs[first], sent.start, sent.end) if first < len(orgs) else None
            # the first or second company of the sentence (深交所创业板上市公司穗岑新材…公告: the exchange only lists it)
            announcer = next((a for org in orgs[first : first + 2] if (a := self._announcer(doc, org, sent.start, sent.end)) is not None), None)
            in_sentence = company[bisect_left(company_starts, sent.start) : bisect_left(company_starts, sent.end)]
            refs: list[Token] = []
            if announcer is not None:
                first_announcer = first_announcer or announcer
                current = announcer
                refs = [t for t in in_sentence if t.start >= announcer.end]
            elif in_sentence and _opens(doc, sent.start, in_sentence[0].start, token_starts):
                # a later paragraph goes on with the announcer while the first company it names is that one
                current = current or (carried if carried is not None and topic in (None, carried.canonical) else None)
                if current is None and opener is not None and opener.end <= sent.start:
                    current = opener  # 汇丰科技原计划…。公司去年收入…: the paragraph goes on with its opening company
                refs = in_sentence if current is not None else []
            if current is not None:
                out += [_refer(t.text, t.start, t.end, current) for t in refs if not _covered(entities, t.start, t.end)]
            named = orgs[first : bisect_left(starts, sent.end)]
            if topic is None and named:
                topic = named[0].canonical
        return out, first_announcer

    def _opener(self, doc: Document, org: Entity, start: int, end: int) -> Entity | None:
        """The sentence's first organization when it opens the sentence (after a short lead), unless a public body."""
        if org.start >= end:
            return None
        work = doc.work
        s_norm, _ = work.to_norm(start, end)
        a, _ = work.to_norm(org.start, org.end)
        if not _ANNOUNCER_LEAD.fullmatch(work.norm, s_norm, a):
            return None
        entry = self.gazetteer.by_id.get(org.id) if org.id else None
        return None if entry is not None and entry.kind in PUBLIC_KINDS else org

    def _announcer(self, doc: Document, org: Entity, start: int, end: int) -> Entity | None:
        """The sentence's first organization when the sentence reports its announcement."""
        opener = self._opener(doc, org, start, end)
        if opener is None:
            return None
        work = doc.work
        _, e_norm = work.to_norm(start, end)
        _, b = work.to_norm(org.start, org.end)
        return opener if _ANNOUNCED.match(work.norm, b, e_norm) else None


_REFERENCE_LEAD = re.compile(
    r"(?:此前|同时|随后|此外|另外|目前|对此|为此|不过|但|而|另据|据悉|据了解|公告显示|公告称|资料显示"
    r"|截至[^，,。；;]{1,10}|[^，,。；;]{0,6}以来"
    r"|[^，,。；;]{0,8}(?:季度|年度|半年|年|月份?|末|底|期内|期间)[，,]|[^，,。；;]{1,4}方面[，,])[，,]?"
)
"""A short lead before 公司 that still lets it open the sentence (此前，公司拟…; 截至6月末，公司…;
前三季度，公司…; 投资方面，公司…)."""

def _opens(doc: Document, sent_start: int, ref_start: int, token_starts: list[int]) -> bool:
    """Whether 公司 at ``ref_start`` opens its sentence, after at most a short lead (此前，公司拟…)."""
    opening = token_starts[bisect_left(token_starts, sent_start)]
    work = doc.work
    return ref_start == opening or _REFERENCE_LEAD.fullmatch(work.norm[slice(*work.to_norm(opening, ref_start))]) is not None


_OTHER_COMPANY = ("新", "子", "母", "分", "合资", "控股", "参股")


def _own_reference(norm: str, start: int, end: int) -> bool:
    """公司 as a reference, not 公司债 (a bond) nor 新公司/子公司 (another company)."""
    return not norm.startswith("债", end) and not norm.endswith(_OTHER_COMPANY, 0, start)


def _own_company(doc: Document, entities: list[Entity], announcer: Entity | None = None) -> list[Entity]:
    """公司 before its shares (减持公司股份, 持有公司约32.6%的股份) is the document's subject: the company
    whose announcement it reports (``announcer``), else the organization it names most often (at least
    twice; ties: the earliest), as in a listed company's announcement."""
    work = doc.work
    spots = [m.start() for m in _OWN_COMPANY.finditer(work.norm)]
    if not spots:
        return []
    orgs = [e for e in entities if e.label == "ORG" and e.source != "coreference"]
    counts = Counter(e.canonical for e in orgs)
    if not counts:
        return []
    first: dict[str, Entity] = {}
    for e in orgs:
        first.setdefault(e.canonical, e)
    main = announcer.canonical if announcer is not None and announcer.canonical in first else max(counts, key=lambda c: (counts[c], -first[c].start))
    if announcer is None and counts[main] < 2:
        return []
    starts = {t.start for t in doc.tokens}
    ends = {t.end for t in doc.tokens}
    out = []
    for at in spots:
        start, end, text = work.orig_span(at, at + 2)
        if start in starts and end in ends and not doc.in_excluded(start, end) and not _covered(entities, start, end):
            out.append(_refer(text, start, end, first[main]))
    return out


def _place_prefixed(doc: Document, entities: list[Entity], places: frozenset[str]) -> list[Entity]:
    """An organization written with a place before a name the document also uses alone (香港宏汇证券 beside
    宏汇证券) is that organization: it takes the shorter name's canonical name and id."""
    bare = {e.canonical: e for e in entities if e.label == "ORG" and e.source != "coreference"}
    if len(bare) < 2:
        return entities
    lengths = sorted({len(p) for p in places})
    out = []
    for e in entities:
        name = e.canonical
        target = None
        if e.label == "ORG" and e.id is None:
            cut = next((n for n in lengths if n < len(name) - 1 and name[:n] in places and name[n:] in bare), None)
            target = bare[name[cut:]] if cut else None
        out.append(e.model_copy(update={"canonical": target.canonical, "id": target.id}) if target is not None else e)
    return out


def _holding_short_forms(doc: Document, entities: list[Entity]) -> list[Entity]:
    """宏泰金 for 宏泰金控 (see the module docstring)."""
    work = doc.work
    # by the name as written: a declared alias (以下簡稱璟昕金控) carries its full name as canonical
    holdings = {name: e for e in entities if e.label == "ORG" and e.text.endswith("金控") for name in [doc.normalized(e)] if len(name) >= 4}
    if not holdings:
        return entities
    out = list(entities)
    token_ends = {t.end for t in doc.tokens}
    for name, target in holdings.items():
        short = name[:-1]
        at = work.norm.find(short)
        while at != -1:
            end = at + len(short)
            # 璟昕金|融控股: the short form must end a word, not open 金融 of the full name
            if not work.norm.startswith("控", end) and work.to_orig(end, end)[0] in token_ends:
                out = _with_alias_mention(doc, out, at, end, target)
            at = work.norm.find(short, end)
    return sorted(out, key=lambda e: (e.start, e.end))


def _with_alias_mention(doc: Document, entities: list[Entity], at: int, end: int, target: Entity, places: frozenset[str] = frozenset()) -> list[Entity]:
    """``entities`` with an alias entity of ``target`` at working span ``[at, end)``.

    A backend's own guess (model, POS hint), a copied name, a place and a shorter name inside it
    give way to it; another gazetteer or pattern entity there stays, and then nothing is added.
    """
    start, stop, text = doc.work.orig_span(at, end)
    overlapping = [e for e in entities if e.start < stop and start < e.end]
    # a pattern's shorter name inside the declared one (川银行 in 蓼川银行) gives way too, and so does a known
    # name inside it (国资委 in 濂江省国资委: the province's commission, not the State Council's)
    inside = [e for e in overlapping if start <= e.start and e.end <= stop and e.end - e.start < stop - start]
    # a dating word read into the name (原|汊口农商行) gives way too: the organization is the declared one
    inside += [e for e in overlapping if e.end == stop and e.start < start and doc.text[e.start:start] in DATING_MARKS and e.source != "gazetteer"]
    # so do a few words the segmenter glued to a rare name (已代表|瓒晖信托, 交易可令|瓒晖信托), unless they name a place
    inside += [e for e in overlapping if e.end == stop and e.start < start and _glued_lead(doc, e, start, places)]
    if doc.in_excluded(start, stop) or any(e.label != "LOC" and not _yields(e) and e not in inside for e in overlapping):
        return entities
    kept = [e for e in entities if not (e.start < stop and start < e.end)]
    return kept + [Entity(text=text, start=start, end=stop, label="ORG", canonical=target.canonical, id=target.id, source="alias")]


_MAX_GLUED_LEAD = 4
_PLACE_ENDINGS = ("省", "市", "县", "区", "州")


def _glued_lead(doc: Document, entity: Entity, start: int, places: frozenset[str]) -> bool:
    """Whether the part of a suffix pattern's name before a declared short form at ``start`` is a few
    words read into it, not a place that names another company (深圳|数融科技)."""
    if not entity.source.startswith("pattern:org_suffix") or start - entity.start > _MAX_GLUED_LEAD:
        return False
    lead = doc.work.norm_slice(entity.start, start)
    return lead not in places and not lead.endswith(_PLACE_ENDINGS) and not any(p in lead for p in places if len(p) >= 2)


_AGENT_ENDINGS = ("人", "方", "者")
"""Characters that end an agent noun (管理人, 收购方, 投资者): glued by the segmenter onto a rare name after them."""


def _without_agent_ending(doc: Document, entities: list[Entity], target: Entity, alias: str) -> tuple[list[Entity], Entity]:
    """The declared company's entity without an agent noun's last character read into it
    (的管理|人瓒晖资产管理有限公司（下称「瓒晖资管」）): the short form starts one character later."""
    name = doc.normalized(target)
    if len(name) < 4 or name[0] not in _AGENT_ENDINGS or not name[1:].startswith(alias[:2]) or target.source == "gazetteer":
        return entities, target
    trimmed = target.model_copy(update={"text": target.text[1:], "start": target.start + 1, "canonical": target.canonical[1:] if target.canonical == name else target.canonical})
    return [trimmed if e is target else e for e in entities], trimmed


def _with_short_form_head(doc: Document, entities: list[Entity], target: Entity, alias: str) -> tuple[list[Entity], Entity]:
    """The declared company's entity grown left over the characters its short form opens with, when the
    segmenter cut them off the name (翕|檀网络科技股份有限公司（以下简称翕檀科技）)."""
    work = doc.work
    t_start, t_end = work.to_norm(target.start, target.end)
    name = work.norm[t_start:t_end]
    for k in (1, 2):
        if name.startswith(alias[:1]) or t_start < k or work.norm[t_start - k : t_start] != alias[:k] or not alias[k:].startswith(name[:1]):
            continue
        start, _ = work.to_orig(t_start - k, t_start - k)
        if any(e.start < target.start and start < e.end for e in entities if e is not target):
            return entities, target
        grown = target.model_copy(update={"start": start, "text": doc.text[start : target.end], "canonical": work.norm[t_start - k : t_end]})
        return [grown if e is target else e for e in entities], grown
    return entities, target


_TAIWAN_MARKS = re.compile(r"新台币|金管会|台湾|台股|证交所|柜买中心|立法院|行政院")
"""Words of Taiwan's financial news; two different ones, or its currency alone, make an article Taiwan's."""
_TAIWAN_CENTRAL_BANK = "cbc_tw"
_PBOC = "pboc"
_CENTRAL_BANK_SHORT = frozenset({"央行"})


def _covered(entities: list[Entity], start: int, end: int) -> bool:
    return any(e.start < end and start < e.end for e in entities)


def _refer(text: str, start: int, end: int, target: Entity) -> Entity:
    return Entity(text=text, start=start, end=end, label=target.label, canonical=target.canonical, id=target.id, source="coreference")


def _yields(entity: Entity) -> bool:
    """Whether an entity gives way to a declared alias: the tagger's guesses and copied names do."""
    return entity.source in ("model", "propagated") or entity.source.startswith("pos:")
