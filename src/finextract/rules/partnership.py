"""Partnership rule: two or more organizations joined by 与/和 and a cooperation trigger.

* ``partnership.pair_trigger`` — 京东金融与山东省城市商业银行合作联盟举行战略合作签约仪式;
  工行和京东的牵手; 京东和工行合作的案例; 东星集团与融众集团建立战略联盟; a purchase made together
  (东星集团和融众集团联合收购瀚海集团), while an agreement to buy or sell between the parties
  (签署收购协议) is no cooperation.
* ``partnership.verb`` — the cooperation verb itself joins the parties, headline style:
  浙报传媒携手瀚海集团; 东星集团签约法国卢浮集团; 东星集团、融众集团携手瀚海集团; 阿里巴巴联合万科、顺丰发起….
* ``partnership.joint_founding`` — a list of companies that found or fund something together
  (由东星集团、融众集团、瀚海集团等共同投资组建).
* ``partnership.partners_listed`` — companies listed after a partner noun (粼柃数科…，主要资金合作方包括A、B和C;
  东星集团的合作伙伴包括A及B) partner the company before 的 and the noun, else the sentence's first company.

A clause opening with 另与/并与 and a partner takes the sentence's first company as the other party
(该公司与日邻超商合作…；另与沁彦银行合作推出联名账户).

Negated (并未与…合作), hypothetical (如果双方合作), questioned and failed (联姻…告吹) clauses yield nothing.
The date is the last date or month period before the parties in the sentence (7月18日，…; 10月，…),
else one between the parties and the trigger (A与B于9月18日签订合作协议).
"""

from __future__ import annotations

import re
from typing import Iterator

from ..facts import PartnershipArgs
from ..han import HAN
from .base import SentenceView, declared_short_form, first_organization, past_declaration
from .relations import (
    EXPIRES,
    RELATED_AFTER,
    RelationLexicon,
    answering_sentence,
    blocked,
    came_to_nothing,
    denies,
    listed_after_party,
    reports_rumour,
)

_CONNECTORS = ("与", "和", "同", "跟", "及", "、", "携手", "联同")
_PAIRING = ("与", "和", "同", "跟", "携手", "联同")
"""What joins the first party to the next (Hong Kong's 联同: together with)."""
_TRIGGER = re.compile(r"战略合作|合作|签约|签署|签订|牵手|联手|携手|结盟|联盟|共建|联合|共同(?!被告|原告|被申请人)|联姻|合资|分保|达成.{0,4}协议|组成(?:银团|财团|联合体)")
"""A cooperation word after the parties; forming a lending syndicate or a consortium together (组成银团) is one too."""
_ADVERBIAL = re.compile(r"(?:[" + HAN + r"]{0,3}(?:\d{4}年)?\d{1,2}月\d{1,2}日)?[" + HAN + r"]{0,6}")
"""What may stand between the first party and 与: an adverbial, maybe after a date (于10月28日|与, 日前已经|与)."""
_KIND = re.compile(r"战略合作|全面合作|深度合作|业务合作|合作")
_CLAUSE_END = re.compile(r"[。！？!?；;，,]")
_VERB_GAP = re.compile(r"[" + HAN + r"]{0,4}?(携手|牵手|联手|联姻|签约|结盟|联合)")
"""A cooperation verb, maybe after a short adverbial (正式牵手), as the whole gap between two parties."""

_JOINT = re.compile(
    r"等?(?:[\d一二三四五六七八九十两几多]+家)?(?:公司|企业|机构|股东|单位)?(?:共同|联合)(?:出资|投资|发起|设立|组建|成立|注资|持股)"
)
"""Parties listed before what they found or fund together (A、B、C等共同投资组建): a joint venture."""
_FOUND_JV = re.compile(r"[^，,。；;]{0,16}?(?:成立|组建|设立)(?P<kind>合资公司)|[^，,。；;]{0,16}?(?P<jv>合资)(?:成立|组建|设立)")
"""Parties that set up a joint venture, maybe on a date (A、B及C于10月27日宣布成立合资公司…)."""
_JOINT_CONFIDENCE = 0.7
_VERB_CONFIDENCE = 0.7

_DATE_KINDS = ("date", "month")
"""Periods that date a partnership: a day (7月18日) or a month (10月)."""


def _party_run(view: SentenceView, first: int) -> list[int]:
    """Indices into ``view.entities`` of ORGs joined by connectors, starting at ``first``."""
    run = [first]
    ents = view.entities
    k = first
    while k + 1 < len(ents):
        nxt, gap_start = k + 1, ents[k][1]
        if declared_short_form(view, ents[nxt]) and nxt + 1 < len(ents):
            nxt, gap_start = nxt + 1, ents[nxt][1]  # A（以下简称“A'”）与B: the short form is A's, not a party
        if ents[nxt][2].label == "LOC" and view.text.endswith(("在", "于"), 0, ents[nxt][0]) and nxt + 1 < len(ents):
            nxt += 1  # A在上海分别与B…: where they sign is part of the adverbial before 与
        gap = view.text[gap_start : ents[nxt][0]].strip()
        gap = re.sub(r"^[(（][^)）]*[)）]|^[”\"」]?(?:[，,][^()（）]*)?[)）]", "", gap).strip()  # (以下简称…[，股份代号…]) between parties
        if ents[nxt][2].label != "ORG" or not _joins(gap):
            break
        run.append(nxt)
        k = nxt
    return run


_PARTNER_KIND = re.compile(
    r"[" + HAN + r"]{0,10}(?:公司|企业|机构|平台|服务商|营运商|运营商|供应商|业者|合作伙伴|超商|零售商|厂商|连锁店|银行|外资行)|内地|本地|当地|境外|境内|海外"
)
"""What a partner is or where it is from, written between 与 and its name (与国有资产管理公司|东方汇达, 與…電子錢包營運商|樂付通,
與內地|浯菉銀行, 与民营银行|栊岩银行…)."""


_ANNOUNCING = re.compile(r"^(?:(?:[" + HAN + r"]{0,4}?|[今昨]?[（(]\d{1,2}[)）]日)(?:宣布|表示|公告称|公告|透露|称)(?:[，,]|(?=[已将于在正]))){1,2}")


def _joins(gap: str) -> bool:
    """与 / 和 between two parties, maybe after a short adverbial (日前已经与, 正式与) and before what the
    second party is (与国有资产管理公司东方汇达)."""
    if gap in _CONNECTORS or _VERB_GAP.fullmatch(gap):
        return True
    gap = _ANNOUNCING.sub("", gap)  # 宏安人寿宣布，与…; …发出公告，宣布已于8月27日与…: the subject's announcement frames the clause
    at = max((gap.rfind(c) + len(c) for c in _PAIRING if c in gap), default=-1)
    if at > 0 and _PARTNER_KIND.fullmatch(gap, at):
        gap = gap[:at]
    connector = next((c for c in _PAIRING if gap.endswith(c)), None)
    return connector is not None and _ADVERBIAL.fullmatch(gap[: -len(connector)]) is not None


def partnership_rules(view: SentenceView, lex: RelationLexicon) -> Iterator[tuple[str, str, float, PartnershipArgs]]:
    """Partnership facts in one sentence.

    ``lex`` (the relation lexicon) says what blocks one: a transaction's agreement (借款协议), a
    cooperation that came to nothing (联姻…告吹), a negation or a hypothetical before the trigger.
    """
    ents = view.entities
    k = 0
    while k < len(ents):
        if ents[k][2].label != "ORG":
            k += 1
            continue
        run = _party_run(view, k)
        if len(run) >= 2:
            fact = _pair_fact(view, run, lex)
            if fact is not None:
                yield fact
        elif (subject := _carried_subject(view, k)) is not None:
            fact = _pair_fact(view, [subject, k], lex)
            if fact is not None:
                yield fact
        k = run[-1] + 1
    yield from listed_partners(view, lex)


_PARTNER_NOUN = re.compile(r"(?P<lead>潜在|拟|未来)?(?:的)?(?:主要|核心|重要)?(?:资金)?(?:合作方|合作伙伴|合作机构)(?:包括|有|为|是|涵盖)[：:]?")
"""A noun naming a company's partners before their list (主要资金合作方包括…); a potential partner is none yet."""
_LISTED_CONFIDENCE = 0.65


def listed_partners(view: SentenceView, lex: RelationLexicon) -> Iterator[tuple[str, str, float, PartnershipArgs]]:
    """``partnership.partners_listed``: 粼柃数科已累计与103家金融机构开展合作，主要资金合作方包括A、B和C;
    东星集团的合作伙伴包括A及B — each company listed after the partner noun partners the one before 的 and
    the noun, else the sentence's first organization."""
    ents = view.entities
    for noun in _PARTNER_NOUN.finditer(view.text):
        k = next((i for i, e in enumerate(ents) if e[0] == noun.end() and e[2].label == "ORG"), None)
        if noun.group("lead") or k is None:
            continue
        listed = [ents[k]] + [e for e in listed_after_party(view, ents, k, ("ORG",))]
        owner = next((i for i, e in enumerate(ents) if e[2].label == "ORG" and view.text.startswith("的", e[1]) and e[1] + 1 == noun.start()), None)
        subject = owner if owner is not None else first_organization(view, k)
        if subject is None or blocked(view, lex, ents[subject][0], noun.start()):
            continue
        for party in listed:
            if party[2].canonical != ents[subject][2].canonical:
                args = PartnershipArgs(parties=[ents[subject][2], party[2]])
                yield "partnership", "partnership.partners_listed", _LISTED_CONFIDENCE, args


_ALSO_WITH = re.compile(r"(?:^|(?<=[，,；;]))(?:另|并|还|同时|此外[，,]?)(?:会|将|已|拟)?(?:与|和|同|跟)$")
"""与 opening a clause with no subject of its own (…；另与沁彦银行合作推出…, …，并会与…签订): the sentence's subject cooperates."""


def _carried_subject(view: SentenceView, k: int) -> int | None:
    """Index of the sentence's first organization when ``view.entities[k]`` follows 另与/并与 opening a later
    clause (该公司与日邻超商合作…；另与沁彦银行合作…)."""
    if _ALSO_WITH.search(view.text, max(0, view.entities[k][0] - 6), view.entities[k][0]) is None:
        return None
    return first_organization(view, k)


def _pair_fact(view: SentenceView, run: list[int], lex: RelationLexicon) -> tuple[str, str, float, PartnershipArgs] | None:
    ents = view.entities
    parties_end = ents[run[-1]][1]
    gaps = [view.text[ents[a][1] : ents[b][0]] for a, b in zip(run, run[1:])]
    after = past_declaration(view, parties_end)  # …及C（以下简称C'）|于10月27日宣布成立合资公司
    paired = any(c in gap for gap in gaps for c in _PAIRING)  # A与B合资成立…: a cooperation read by its trigger
    joint = _JOINT.match(view.text, after) or (None if paired else _FOUND_JV.match(view.text, after))
    verb = _verb_between(view, run)
    if joint is None and verb is None and (not any(c in gap for gap in gaps for c in _PAIRING) or view.text.startswith("等", parties_end)):
        return None  # a list (腾讯、蚂蚁金服、百度等) is not a partnership, unless they found something together
    related = RELATED_AFTER.match(view.text, parties_end)
    if related is not None:
        named = _named_relative(view, related.end())
        if named is None:
            return None  # 与谷歌母公司Alphabet旗下部门成立合资公司: the partner is what 谷歌 is related to, unnamed
        run = run[:-1] + [named]  # 与峦骏集团旗下的峦骏轨道装备公司签署…: the partner is the company named
        parties_end = ents[named][1]
    clause_end = _clause_end(view.text, parties_end)
    trigger = verb or joint or _TRIGGER.search(view.text, parties_end, clause_end)
    if trigger is None:
        return None
    clause_start = _clause_start(view.text, ents[run[0]][0])
    # a condition earlier in the sentence covers the clauses after it (如果…顺利，B将考虑与C签署…)
    if lex.negation_re.search(view.text, clause_start, trigger.start()) or lex.hypothetical_re.search(view.text, 0, clause_end):
        return None
    if came_to_nothing(view.text, lex.fell_through_re, trigger.end() if verb is None else parties_end, clause_end) or EXPIRES.search(view.text, parties_end, clause_end):
        return None
    if denied_cooperation(view, [ents[i] for i in run], lex):
        return None
    if _transaction(view.text, trigger, clause_end, lex):
        return None  # 签署《股权转让协议》 is a transaction, not a cooperation
    parties = []
    for i in run:
        if all(p.canonical != ents[i][2].canonical for p in parties):
            parties.append(ents[i][2])
    if len(parties) < 2:
        return None
    kind_match = _KIND.search(view.text, parties_end, clause_end) if joint is None else joint
    kind_span = kind_match.span() if kind_match else None
    if joint is not None and joint.re is _FOUND_JV:
        kind_span = joint.span("kind") if joint.group("kind") else joint.span("jv")  # 成立|合资公司: what they set up
    kind = view.text_span(*kind_span) if kind_span else None
    date = next((p[2] for p in reversed(view.periods) if p[1] <= ents[run[0]][0] and p[2].kind in _DATE_KINDS), None)
    if date is None:
        # A与B于9月18日签订…合作协议, A于10月28日与B签署…: a date after the first party, before the trigger
        last = joint.end() if joint is not None else trigger.start()  # A、B及C于10月27日宣布成立合资公司
        date = next((p[2] for p in view.periods if ents[run[0]][1] <= p[0] and p[1] <= last and p[2].kind in _DATE_KINDS), None)
    if joint is not None:
        return "partnership", "partnership.joint_founding", _JOINT_CONFIDENCE, PartnershipArgs(parties=parties, kind=kind, date=date)
    if verb is not None:
        # 0.7, as for every rule with fewer than 20 scored facts on FinRE train (15 there, all partnerships)
        return "partnership", "partnership.verb", _VERB_CONFIDENCE, PartnershipArgs(parties=parties, kind=kind, date=date)
    # 0.85: the rule's precision on FinRE train with the entities given (docs/benchmarks.md)
    return "partnership", "partnership.pair_trigger", 0.85, PartnershipArgs(parties=parties, kind=kind, date=date)


_TOGETHER = ("联合", "共同")


def _transaction(text: str, trigger: re.Match[str], clause_end: int, lex: RelationLexicon) -> bool:
    """Whether a transaction word follows the trigger in its clause (签署《股权转让协议》: one party sells to
    the other).  A purchase made together (联合收购, 共同收购) is the parties' cooperation, not a sale
    between them."""
    start = trigger.start()
    if trigger.group() in _TOGETHER:
        bought = lex.transaction_re.match(text, trigger.end())
        start = bought.end() if bought is not None else start
    # 联合贷款合作协议, 贷款业务合作: a line of business the parties cooperate in, no deal between them
    return any(
        not text.startswith(_COOPERATION_AFTER, m.end()) and not text.endswith(_TOGETHER, 0, m.start())
        for m in lex.transaction_re.finditer(text, start, clause_end)
    )


_COOPERATION_AFTER = ("合作", "业务合作")


def _named_relative(view: SentenceView, pos: int) -> int | None:
    """Index into ``view.entities`` of the organization named right after a relation noun ending at ``pos``
    (旗下的|峦骏轨道装备公司), if one is."""
    pos += 1 if view.text.startswith("的", pos) else 0
    return next((k for k, (s, _, ent) in enumerate(view.entities) if s == pos and ent.label == "ORG"), None)


def _verb_between(view: SentenceView, run: list[int]) -> re.Match[str] | None:
    """The first gap between two parties of ``run`` that is a cooperation verb (东星集团、融众集团|携手|瀚海集团)."""
    ents = view.entities
    for a, b in zip(run, run[1:]):
        found = _VERB_GAP.fullmatch(view.text, ents[a][1], ents[b][0])
        if found is not None:
            return found
    return None


def denied_cooperation(view: SentenceView, parties: list, lex: RelationLexicon) -> bool:  # type: ignore[type-arg]
    """The sentence denies the cooperation elsewhere (…，目前并未与美团合作), or reports it as a rumour that the
    next sentence answers with a denial of the cooperation (有消息称A将与B合作。对此，A回应称，公司目前并未与B开展…合作)
    or of the report (…合资成立消费金融公司。对此，A回应称，双方目前并无成立合资公司的计划)."""
    names = [view.text[s:e] for s, e, _ in parties]
    if _denies(view.text, names, lex.negation_re):
        return True
    answer = answering_sentence(view) if reports_rumour(view.text) else None
    return answer is not None and (_denies(answer, names, lex.negation_re) or denies(answer, lex))


def _denies(text: str, names: list[str], negation: re.Pattern[str]) -> bool:  # type: ignore[type-arg]
    """A negation shortly before one of ``names`` and a cooperation word after it."""
    for neg in negation.finditer(text):
        window = text[neg.end() : neg.end() + 8]
        if any(name in window for name in names) and _TRIGGER.search(text, neg.end(), neg.end() + 24):
            return True
    return False


def _clause_end(text: str, pos: int) -> int:
    match = _CLAUSE_END.search(text, pos)
    return match.start() if match else len(text)


def _clause_start(text: str, pos: int) -> int:
    cut = max(text.rfind(c, 0, pos) for c in "，,。；;")
    return cut + 1
