"""Acceptance on the project's seed article (a real scraped page, read from ``../shared``).

The article is one sample of its genre, not a target: these tests only
check facts that any correct extractor must find in it.  They skip cleanly
when the shared material is not there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factkeys import fact_keys

import finextract
from finextract import Document

SEED = Path(os.environ.get("FINEXTRACT_SHARED", Path(__file__).resolve().parents[2] / "shared")) / "seed" / "000_e2f55275774a2c3e.txt"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason=f"seed article not found at {SEED}")


@pytest.fixture(scope="module")
def trad() -> Document:
    return finextract.extract(SEED.read_text("utf-8"), doc_id="seed")


@pytest.fixture(scope="module")
def simp() -> Document:
    from opencc import OpenCC

    return finextract.extract(OpenCC("t2s").convert(SEED.read_text("utf-8")), doc_id="seed")


def _roles(doc: Document) -> set[tuple[str, str | None, str]]:
    return {
        (f.args.person.text, f.args.org.text if f.args.org else None, f.args.title.text) for f in doc.facts if f.type == "role"
    }


def test_roles(trad: Document) -> None:
    roles = _roles(trad)
    for expected in [
        ("易會滿", "工商銀行", "董事長"),
        ("劉強東", "京東集團", "董事局主席"),
        ("劉強東", "京東集團", "首席執行官"),
        ("黃鑫", "山東城商行聯盟", "常務副總經理"),
        ("黃鑫", "山東城商行聯盟", "首席技術官"),
        ("梁劍宇", "廣東銀信金融服務中心", "信息技術部總經理"),
    ]:
        assert expected in roles


def test_partnerships_with_repaired_dates(trad: Document) -> None:
    pairs = {frozenset(p.text for p in f.args.parties): f.args.date for f in trad.facts if f.type == "partnership"}
    date = pairs[frozenset({"京東金融", "山東省城市商業銀行合作聯盟"})]
    assert date is not None and date.text == "718日" and date.value == "--07-18" and date.repaired
    assert frozenset({"京東金融", "廣東省農村信用社聯合社"}) in pairs


def test_metrics_and_figures(trad: Document) -> None:
    metrics = {(f.args.metric.text, f.args.value.text): f.args.value for f in trad.facts if f.type == "metric"}
    bad_debt = metrics[("壞賬率", "不超過0.3%")]
    assert (bad_debt.value, bad_debt.qualifier, bad_debt.unit) == (0.3, "at_most", "%")
    users = metrics[("信用卡用戶", "1.25億人")]
    assert users.value == 125_000_000 and users.unit == "人"
    figures = {g.text: g for g in trad.figures}
    banks = next(g for g in trad.figures if g.text == "400多家" and trad.text.startswith("銀行", g.end))
    assert (banks.value, banks.qualifier, banks.unit, banks.counted) == (400, "more_than", "家", "银行")
    total = figures["超過了1.2萬億"]
    assert (total.value, total.qualifier) == (1.2e12, "more_than")


def test_nothing_from_page_chrome(trad: Document) -> None:
    assert trad.excluded, "the page chrome was not detected"
    chrome = " ".join(r.text for r in trad.excluded)
    assert "熱門推薦" in chrome and "寫了7763篇文章" in chrome and "search" in chrome
    for span in [*trad.entities, *trad.figures, *trad.periods, *(f.evidence for f in trad.facts)]:
        assert not trad.in_excluded(span.start, span.end), span.text


def test_simplified_version_gives_the_same_facts(trad: Document, simp: Document) -> None:
    assert fact_keys(trad) == fact_keys(simp)
    for fact in simp.facts:
        assert simp.text[fact.evidence.start : fact.evidence.end] == fact.evidence.text
