"""Spark: facts from a DataFrame on a local two-core session equal the single-process facts."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest

pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'finextract[spark]')")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs Java 17 (no java on PATH and no JAVA_HOME)", allow_module_level=True)

from finextract import Pipeline  # noqa: E402
from finextract.batch import process_item  # noqa: E402
from finextract.inputs import InputDoc  # noqa: E402
from finextract.spark import conform, extract_facts, fact_schema  # noqa: E402

SAMPLES = Path(__file__).resolve().parent.parent / "corpora" / "samples"


def _documents(count: int = 200) -> list[tuple[str, str]]:
    """Whole articles and their paragraphs, cycled to ``count`` documents with distinct ids."""
    articles = [p.read_text("utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    pieces = articles + [line for a in articles for line in a.splitlines() if line.strip()]
    return [(f"d{i:03d}", pieces[i % len(pieces)]) for i in range(count)]


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("finextract-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_spark_facts_equal_single_process_facts(spark: Any) -> None:
    docs: list[tuple[str, str | None]] = [*_documents(), ("bad", None)]
    df = spark.createDataFrame(docs, "id string, text string").repartition(2)
    facts = extract_facts(df, "text", "id")
    assert facts.schema == fact_schema()
    got = sorted((tuple(r) for r in facts.collect()), key=repr)

    nlp = Pipeline()
    schema = fact_schema()
    expected = sorted(
        (conform(record, schema) for doc_id, text in docs if text is not None for record in process_item(nlp, InputDoc(doc_id, text)).records),
        key=repr,
    )
    expected.append(conform({"doc_id": "bad", "error": {"type": "InputError", "message": "the text column is null or not a string"}}, schema))
    expected.sort(key=repr)
    assert len(got) == len(expected) > 200
    assert got == expected
    errors = [r for r in got if r[-1] is not None]
    assert [e[0] for e in errors] == ["bad"] and errors[0][-1][0] == "InputError"


def test_schema_is_derived_from_the_fact_models() -> None:
    from finextract.spark import fact_models

    schema = fact_schema()
    args = schema["args"].dataType
    for model in fact_models():
        assert set(model.model_fields["args"].annotation.model_fields) <= set(args.fieldNames())
    assert schema.fieldNames()[:2] == ["doc_id", "type"] and schema.fieldNames()[-1] == "error"


def test_spark_extract_command_writes_fact_rows(spark: Any, tmp_path: Path) -> None:
    """Runs last: ``spark-extract`` stops the session it gets."""
    import io
    import json

    from finextract.cli import EXIT_OK, main

    out = tmp_path / "facts"
    err = io.StringIO()
    code = main(["spark-extract", str(SAMPLES.parent / "sample.jsonl"), "-o", str(out), "--master", "local[2]"], stderr=err)
    assert code == EXIT_OK
    rows = [json.loads(line) for part in sorted(out.glob("part-*.json")) for line in part.read_text("utf-8").splitlines()]
    assert rows and {r["doc_id"] for r in rows} <= {"snippet_zht", "snippet_zhs", "snippet_chrome"}
    assert f"wrote {len(rows)} rows" in err.getvalue()
