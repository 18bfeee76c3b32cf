"""Corpus tables: flat, typed, grounded; pandas and pyarrow stay optional."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import finextract
from finextract import ConfigError, Corpus, Document
from finextract.corpus import ENTITY_COLUMNS, FACT_COLUMNS, FIGURE_COLUMNS, MissingExtraError
from finextract.spans import Span

SAMPLES = Path(__file__).resolve().parent.parent / "corpora" / "samples"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus.from_paths(SAMPLES)


def _span_args(doc: Document) -> int:
    count = 0
    for fact in doc.facts:
        for name in type(fact.args).model_fields:
            value = getattr(fact.args, name)
            count += sum(isinstance(v, Span) for v in (value if isinstance(value, list) else [value]))
    return count


def test_import_never_loads_pandas_or_pyarrow() -> None:
    code = (
        "import sys, finextract\n"
        "c = finextract.Corpus.from_texts(['招商銀行行長王明遠說，淨利潤為1200億元。'])\n"
        "c.rows('facts'); c._repr_html_()\n"
        "assert not {'pandas', 'pyarrow'} & set(sys.modules), sorted({'pandas', 'pyarrow'} & set(sys.modules))\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_from_paths_reads_every_sample_and_keeps_problems(tmp_path: Path, corpus: Corpus) -> None:
    assert len(corpus) == len(list(SAMPLES.glob("*.txt"))) and corpus.problems == []
    assert corpus["insurer_zht.txt"] is corpus.docs[corpus.doc_ids.index("insurer_zht.txt")]
    (tmp_path / "ok.txt").write_text("京東金融與上海銀行簽署戰略合作協議。", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    mixed = Corpus.from_paths([tmp_path, missing])
    assert mixed.doc_ids == ["ok.txt"] and [p.doc_id for p in mixed.problems] == [str(missing)]
    assert "missing.txt" in mixed._repr_html_()
    with pytest.raises(KeyError):
        mixed["missing"]


def test_pipeline_pipe_results_and_texts_build_the_same_corpus() -> None:
    texts = [("a", "工商銀行董事長易會滿表示，合作前景廣闊。"), ("b", "壞賬率不超過0.3%。")]
    piped = Corpus(finextract.default_pipeline().pipe(texts))
    assert piped.rows() == Corpus.from_texts(texts).rows()
    assert {r["doc_id"] for r in piped.rows()} == {"a", "b"}
    with pytest.raises(ConfigError):
        Corpus(["not a document"])  # type: ignore[list-item]
    with pytest.raises(ConfigError, match="facts, entities, figures"):
        piped.rows("periods")  # type: ignore[arg-type]


def test_facts_frame_has_one_typed_row_per_argument(corpus: Corpus) -> None:
    pd = pytest.importorskip("pandas")
    facts = corpus.facts_frame()
    assert list(facts.columns) == [name for name, _ in FACT_COLUMNS]
    assert len(facts) == sum(_span_args(d) for d in corpus) > 0
    for name, kind in FACT_COLUMNS:
        dtype = facts[name].dtype
        expected = {"int": dtype == "int64", "float": dtype == "float64", "str": isinstance(dtype, pd.StringDtype)}[kind]
        assert expected, f"{name}: {dtype}"
    texts = {d.doc_id: d.text for d in corpus}
    for row in facts.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.text
        assert texts[row.doc_id][row.evidence_start : row.evidence_end] == row.evidence
    assert facts.groupby("fact_id")["type"].nunique().max() == 1
    assert set(facts["type"]) >= {"role", "partnership", "metric", "quote"}
    changes = facts[facts["direction"].notna()]
    assert len(changes) > 0
    assert all(f"direction={d}" in str(details) for d, details in zip(changes["direction"], changes["details"]))


def test_facts_frame_filters_and_groups_like_an_analyst(corpus: Corpus) -> None:
    pytest.importorskip("pandas")
    facts = corpus.facts_frame()
    big = facts[(facts["type"] == "metric") & (facts["currency"] == "CNY") & (facts["value"] > 1e9)]
    expected = {
        (d.doc_id, f.id)
        for d in corpus
        for f in d.facts
        if f.type == "metric" and f.args.value.currency == "CNY" and (f.args.value.value or 0) > 1e9
    }
    assert expected and set(zip(big["doc_id"], big["fact_id"])) == expected
    assert (big["role"] == "value").all() and (big["arg_type"] == "figure").all() and (big["kind"] == "money").all()
    roles = facts[facts["type"] == "role"].pivot(index="fact_id", columns="role", values="canonical")
    by_org = roles.dropna(subset=["org"]).groupby("org")["person"].apply(set)
    assert "刘振宇" in by_org["中信银行"]  # canonical names are Simplified whatever the script


def test_entities_and_figures_frames(corpus: Corpus) -> None:
    pd = pytest.importorskip("pandas")
    ents, figs = corpus.entities_frame(), corpus.figures_frame()
    assert list(ents.columns) == [n for n, _ in ENTITY_COLUMNS] and list(figs.columns) == [n for n, _ in FIGURE_COLUMNS]
    assert len(ents) == sum(len(d.entities) for d in corpus) and len(figs) == sum(len(d.figures) for d in corpus)
    assert ents["start"].dtype == "int64" and isinstance(ents["label"].dtype, pd.StringDtype)
    assert figs["value"].dtype == "float64" and figs["low"].dtype == "float64"
    money = figs[figs["kind"] == "money"]
    assert money["currency"].notna().all() and (money["currency"] == "CNY").any()
    ranges = money["qualifier"] == "range"  # 11.2港元至13港元: bounds, no single value
    assert money.loc[~ranges, "value"].notna().all() and money.loc[ranges, "low"].notna().all()
    assert figs["currency"].isna().any()  # missing strings are NA, not the text "None"
    assert corpus.to_pandas("entities").equals(ents)


def test_empty_corpus_frames_keep_columns_and_types() -> None:
    pd = pytest.importorskip("pandas")
    facts = Corpus().facts_frame()
    assert len(facts) == 0 and list(facts.columns) == [n for n, _ in FACT_COLUMNS]
    assert facts["value"].dtype == "float64" and facts["start"].dtype == "int64"
    assert isinstance(facts["doc_id"].dtype, pd.StringDtype)


def test_to_arrow_matches_the_columns(corpus: Corpus) -> None:
    pa = pytest.importorskip("pyarrow")
    table = corpus.to_arrow()
    assert table.column_names == [n for n, _ in FACT_COLUMNS]
    assert table.schema.field("value").type == pa.float64() and table.schema.field("start").type == pa.int64()
    assert table.schema.field("currency").type == pa.string()
    assert table.num_rows == len(corpus.rows("facts"))
    assert corpus.to_arrow("figures").num_rows == sum(len(d.figures) for d in corpus)


@pytest.mark.parametrize(("module", "call"), [("pandas", "facts_frame"), ("pandas", "entities_frame"), ("pyarrow", "to_arrow")])
def test_missing_extra_names_the_install_command(monkeypatch: pytest.MonkeyPatch, module: str, call: str) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # makes ``import module`` fail
    corpus = Corpus.from_texts(["壞賬率不超過0.3%。"])
    with pytest.raises(MissingExtraError, match=r"pip install 'finextract\[notebook\]'") as info:
        getattr(corpus, call)()
    assert isinstance(info.value, ConfigError) and isinstance(info.value, ImportError)
    assert module in str(info.value)
