"""Tests for the lexicon loaders and the packaged gazetteer, titles and surnames."""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from opencc import OpenCC

from finextract.errors import LexiconError
from finextract.lexicons import (
    LABELS,
    Gazetteer,
    GazetteerEntry,
    TitleLexicon,
    load_gazetteer,
    load_surnames,
    load_titles,
)
from finextract.normalize.script import fold_width

T2S = OpenCC("t2s")


def _working(text: str) -> str:
    return fold_width(T2S.convert(text))


def _write_gazetteer(tmp_path: Path, entries: list[dict[str, Any]], name: str = "user.json", **top: Any) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"version": 1, "entries": entries, **top}, ensure_ascii=False), encoding="utf-8")
    return path


def _entry(eid: str, canonical: str, *aliases: str, label: str = "ORG", **extra: Any) -> dict[str, Any]:
    return {"id": eid, "label": label, "canonical": canonical, "aliases": list(aliases), "kind": "test", **extra}


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def raw_entries() -> list[dict[str, Any]]:
    text = resources.files("finextract.data").joinpath("gazetteer.json").read_text("utf-8")
    return json.loads(text)["entries"]


# --------------------------------------------------------------------------- #
# Packaged gazetteer


def test_packaged_gazetteer_loads_with_enough_entries(gazetteer: Gazetteer) -> None:
    assert len(gazetteer) >= 150
    assert len(gazetteer.aliases) > 2 * len(gazetteer)


def test_raw_names_are_unique_across_entries(raw_entries: list[dict[str, Any]]) -> None:
    # Independent of the loader: adding an alias that another entry already has fails here.
    counts = Counter(_working(name) for e in raw_entries for name in [e["canonical"], *e.get("aliases", [])])
    assert [name for name, n in counts.items() if n > 1] == []


def test_raw_ids_and_codes_are_unique(raw_entries: list[dict[str, Any]]) -> None:
    ids = Counter(e["id"] for e in raw_entries)
    codes = Counter(c for e in raw_entries for c in e.get("codes", []))
    assert [i for i, n in ids.items() if n > 1] == []
    assert [c for c, n in codes.items() if n > 1] == []


def test_packaged_entries_are_complete_and_simplified(gazetteer: Gazetteer) -> None:
    for entry in gazetteer:
        assert entry.label in LABELS
        assert entry.canonical_zht, entry.id
        assert T2S.convert(entry.canonical) == entry.canonical, entry.id
        assert T2S.convert(entry.canonical_zht) == entry.canonical, entry.id
        assert entry.kind


@pytest.mark.parametrize(
    ("alias", "entry_id"),
    [
        ("工行", "icbc"),
        ("宇宙行", "icbc"),
        ("ICBC", "icbc"),
        ("农行", "abc"),
        ("中行", "boc"),
        ("建行", "ccb"),
        ("交行", "bocom"),
        ("邮储银行", "psbc"),
        ("招行", "cmb"),
        ("浦发银行", "spdb"),
        ("光大银行", "ceb"),
        ("恒丰银行", "egbank"),
        ("渤海银行", "cbhb"),
        ("国开行", "cdb"),
        ("北京农商银行", "bjrcb"),
        ("微众银行", "webank"),
        ("网商银行", "mybank"),
        ("新网银行", "xwbank"),
        ("央行", "pboc"),
        ("银保监会", "cbirc"),
        ("金融监管总局", "nfra"),
        ("证监会", "csrc"),
        ("外汇局", "safe"),
        ("发改委", "ndrc"),
        ("上交所", "sse"),
        ("港交所", "hkex"),
        ("北交所", "bse"),
        ("京东数科", "jdt"),
        ("京东金融", "jdt"),
        ("蚂蚁金服", "ant"),
        ("360数科", "qifu"),
        ("中金公司", "cicc"),
        ("高盛", "goldman"),
        ("汇丰", "hsbc"),
        ("华为", "huawei"),
    ],
)
def test_well_known_aliases_resolve(gazetteer: Gazetteer, alias: str, entry_id: str) -> None:
    entry = gazetteer.lookup(alias)
    assert entry is not None and entry.id == entry_id


def test_the_big_six_and_twelve_joint_stock_banks_are_present(gazetteer: Gazetteer) -> None:
    big = {"icbc", "abc", "boc", "ccb", "bocom", "psbc"}
    joint = {"cmb", "citic_bank", "spdb", "cib", "cmbc", "ceb", "hxb", "pab", "cgb", "czb", "cbhb", "egbank"}
    assert {e.id for e in gazetteer if e.kind == "bank_state"} == big
    assert {e.id for e in gazetteer if e.kind == "bank_joint_stock"} == joint


def test_products_are_labelled_product(gazetteer: Gazetteer) -> None:
    for name in ("白条", "金条", "余额宝", "花呗", "借呗", "微粒贷", "融e购"):
        entry = gazetteer.lookup(name)
        assert entry is not None and entry.label == "PRODUCT", name


def test_risky_short_words_are_not_aliases(gazetteer: Gazetteer) -> None:
    for word in ("平安", "光大", "兴业", "民生", "华夏", "招商", "蚂蚁", "网商", "人行", "字节"):
        assert gazetteer.lookup(word) is None, word


def test_lookup_by_id_and_code(gazetteer: Gazetteer) -> None:
    assert gazetteer["icbc"].canonical == "中国工商银行"
    assert gazetteer.get("nope") is None
    assert "icbc" in gazetteer
    with pytest.raises(KeyError):
        gazetteer["nope"]
    entry = gazetteer.by_code("601398.SH")
    assert entry is not None and entry.id == "icbc"
    assert gazetteer.by_code("１３９８.hk") is gazetteer["icbc"]


def test_lookup_folds_full_width(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("ＩＣＢＣ") is gazetteer["icbc"]


# --------------------------------------------------------------------------- #
# User gazetteers and validation


def test_traditional_names_are_converted_at_load(tmp_path: Path) -> None:
    path = _write_gazetteer(tmp_path, [_entry("tw_bank", "臺灣銀行", "臺銀", "台灣銀行業者協會")])
    gaz = load_gazetteer(path)
    assert gaz["tw_bank"].canonical == "台湾银行"
    assert gaz.lookup("台银") is gaz["tw_bank"]
    assert gaz.lookup("台湾银行业者协会") is gaz["tw_bank"]


def test_extra_files_merge_on_top(tmp_path: Path) -> None:
    path = _write_gazetteer(tmp_path, [_entry("acme", "阿克米金融", "阿克米")])
    gaz = load_gazetteer(extra_paths=[path])
    assert gaz.lookup("阿克米") is gaz["acme"]
    assert gaz.lookup("工行") is gaz["icbc"]


def test_extra_file_alias_conflict_names_both(tmp_path: Path) -> None:
    path = _write_gazetteer(tmp_path, [_entry("my_icbc", "我的工商", "工行")])
    with pytest.raises(LexiconError) as info:
        load_gazetteer(extra_paths=[path])
    message = str(info.value)
    assert "my_icbc" in message and "'icbc'" in message and "工行" in message
    assert str(path) in message and "gazetteer.json" in message


def test_extra_file_id_conflict(tmp_path: Path) -> None:
    path = _write_gazetteer(tmp_path, [_entry("icbc", "另一家银行")])
    with pytest.raises(LexiconError, match="id is already used"):
        load_gazetteer(extra_paths=[path])


def test_duplicate_alias_across_entries_is_rejected(tmp_path: Path) -> None:
    path = _write_gazetteer(tmp_path, [_entry("a", "甲银行", "甲行"), _entry("b", "乙银行", "甲行")])
    with pytest.raises(LexiconError, match=r"entry 'b'.*'甲行'.*entry 'a'"):
        load_gazetteer(path)


def test_traditional_and_simplified_forms_count_as_one_name(tmp_path: Path) -> None:
    path = _write_gazetteer(tmp_path, [_entry("a", "甲銀行", "甲银行")])
    with pytest.raises(LexiconError, match=r"entry 'a'.*listed twice"):
        load_gazetteer(path)


@pytest.mark.parametrize(
    ("entry", "needle"),
    [
        (_entry("bad_label", "甲银行", label="BANK"), "label"),
        ({"id": "no_kind", "label": "ORG", "canonical": "甲银行"}, "kind"),
        (_entry("empty_alias", "甲银行", ""), "must not be empty"),
        (_entry("spaced", "甲银行", " 甲行"), "spaces"),
        (_entry("short", "甲银行", "甲"), "one character"),
        (_entry("bad_code", "甲银行", codes=["601398"]), "SYMBOL.MARKET"),
        (_entry("extra_field", "甲银行", website="x"), "website"),
        (_entry("blank_canonical", ""), "canonical"),
    ],
)
def test_bad_entries_name_the_entry_and_the_problem(tmp_path: Path, entry: dict[str, Any], needle: str) -> None:
    path = _write_gazetteer(tmp_path, [entry])
    with pytest.raises(LexiconError) as info:
        load_gazetteer(path)
    message = str(info.value)
    assert str(path) in message
    assert f"entry {entry['id']!r}" in message
    assert needle in message


def test_entry_without_id_is_named_by_position(tmp_path: Path) -> None:
    nameless = {"label": "ORG", "canonical": "乙银行", "kind": "x"}
    path = _write_gazetteer(tmp_path, [_entry("ok", "甲银行"), nameless])
    with pytest.raises(LexiconError, match=r"entry #1"):
        load_gazetteer(path)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("{not json", "invalid JSON at line 1"),
        ('{"version": 2, "entries": []}', "version"),
        ('{"version": 1, "entries": {}}', "entries"),
        ('{"version": 1, "entries": [], "extra": 1}', "unknown top-level keys"),
        ("[]", "JSON object"),
    ],
)
def test_bad_files_raise(tmp_path: Path, text: str, needle: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=needle):
        load_gazetteer(path)


def test_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read"):
        load_gazetteer(tmp_path / "missing.json")


def test_gazetteer_built_in_memory_is_validated() -> None:
    a = GazetteerEntry(id="a", label="ORG", canonical="甲银行", aliases=("甲行",), kind="x")
    b = GazetteerEntry(id="b", label="ORG", canonical="乙银行", aliases=("甲行",), kind="x")
    with pytest.raises(LexiconError, match="already belongs"):
        Gazetteer((a, b))


def test_entries_are_frozen(gazetteer: Gazetteer) -> None:
    with pytest.raises(Exception):
        gazetteer["icbc"].canonical = "x"  # type: ignore[misc]


# --------------------------------------------------------------------------- #
# Titles


def test_packaged_titles() -> None:
    titles = load_titles()
    assert 150 <= len(titles) <= 250
    expected = ("董事长", "副董事长", "董事局主席", "首席执行官", "常务副总经理", "行长", "CEO", "董秘", "首席经济学家", "记者", "律师", "基金经理")
    for title in expected:
        assert title in titles, title
    for ambiguous in ("主管", "经理", "书记", "顾问", "专家", "秘书"):
        assert ambiguous not in titles, ambiguous
    lengths = [len(t) for t in titles.titles]
    assert lengths == sorted(lengths, reverse=True)
    assert all(T2S.convert(t) == t for t in titles.titles)
    assert "部" in titles.department_suffixes and "委员会" in titles.department_suffixes


def test_title_helpers() -> None:
    titles = load_titles()
    assert titles.title_at("工行副行长张三", 2) == "副行长"
    assert titles.title_at("工行副行长张三", 0) is None
    assert titles.department_suffix("信息技术部") == "部"
    assert titles.department_suffix("部") is None
    assert titles.department_ending("风险监测司") == "司" and titles.department_ending("司") == "司"
    assert titles.department_ending("公司") is None  # a company, not a department ending in 司
    assert titles.department_ending("上海分公司") == "分公司"


def test_titles_accept_traditional_and_reject_repeats(tmp_path: Path) -> None:
    path = tmp_path / "titles.json"
    def write(titles: list[str], suffixes: list[str]) -> None:
        data = {"version": 1, "titles": titles, "department_suffixes": suffixes}
        path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")

    write(["董事長", "總經理"], ["部"])
    assert load_titles(path) == TitleLexicon(("总经理", "董事长"), ("部",))
    write(["董事長", "董事长"], [])
    with pytest.raises(LexiconError, match="twice"):
        load_titles(path)
    write(["董事长", ""], [])
    with pytest.raises(LexiconError, match="must not be empty"):
        load_titles(path)


# --------------------------------------------------------------------------- #
# Surnames


def test_packaged_surnames() -> None:
    surnames = load_surnames()
    singles = {s for s in surnames if len(s) == 1}
    doubles = surnames - singles
    assert len(singles) >= 300
    assert {"王", "李", "张", "刘", "陈", "易", "郭"} <= singles
    assert {"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "夏侯", "尉迟"} <= doubles


def test_surnames_accept_traditional_and_reject_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "surnames.txt"
    path.write_text("# header\n\n歐陽\n陳\n", encoding="utf-8")
    assert load_surnames(path) == frozenset({"欧阳", "陈"})
    path.write_text("# header\n王\n王先生\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="line 3"):
        load_surnames(path)
    path.write_text("陈\n陳\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="line 2.*repeats line 1"):
        load_surnames(path)
