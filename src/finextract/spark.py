"""Apache Spark: facts from a DataFrame column of texts (``pip install 'finextract[spark]'``).

>>> from finextract.spark import extract_facts                # doctest: +SKIP
>>> facts = extract_facts(df, text_col="text", id_col="id")   # doctest: +SKIP

Each partition builds one :class:`~finextract.pipeline.Pipeline` and runs
it over its rows (``mapPartitions``).  The result has one row per fact with
the fixed schema :func:`fact_schema`, derived from the pydantic fact models:
the fields every fact shares as columns (``doc_id``, ``id``, ``type``,
``rule``, ``confidence``, ``evidence``, …) and ``args`` as one struct whose
fields are the union of every fact type's arguments (unused ones are null),
each a struct like the JSON Lines record.  A document that fails yields one
row with ``error`` set (``{type, message}``) and the fact columns null, so
nothing is dropped.

pyspark is imported only when these functions are called.
"""

from __future__ import annotations

import json
import types
import typing
from typing import Any, Iterable, Iterator, Literal, Union

from pydantic import BaseModel

from .errors import ConfigError, FinextractError

_PRIMITIVES = {str: "StringType", int: "LongType", float: "DoubleType", bool: "BooleanType"}


def _pyspark() -> Any:
    try:
        import pyspark.sql.types as spark_types
    except ImportError:
        raise ConfigError("pyspark is not installed; install it with pip install 'finextract[spark]' (needs Java 17)") from None
    return spark_types


def fact_models() -> list[type[BaseModel]]:
    """The fact classes of the :data:`finextract.facts.Fact` union."""
    from .facts import Fact

    union = typing.get_args(Fact)[0]
    return list(typing.get_args(union))


def _members(annotation: Any) -> list[Any]:
    origin = typing.get_origin(annotation)
    if origin is Union or origin is types.UnionType:
        return [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin is typing.Annotated:
        return _members(typing.get_args(annotation)[0])
    return [annotation]


def _spark_type(annotations: Iterable[Any]) -> Any:
    """One Spark type for values of any of ``annotations`` (structs are merged; conflicts become JSON strings)."""
    T = _pyspark()
    kinds = [_spark_type_of(m) for a in annotations for m in _members(a)]
    structs = [k for k in kinds if isinstance(k, T.StructType)]
    if structs and len(structs) == len(kinds):
        return _merge_structs(structs)
    if all(k == kinds[0] for k in kinds):
        return kinds[0]
    return T.StringType()


def _spark_type_of(annotation: Any) -> Any:
    T = _pyspark()
    origin = typing.get_origin(annotation)
    if annotation in _PRIMITIVES:
        return getattr(T, _PRIMITIVES[annotation])()
    if origin is Literal:
        values = typing.get_args(annotation)
        return T.StringType() if all(isinstance(v, str) for v in values) else T.LongType()
    if origin is list:
        return T.ArrayType(_spark_type(typing.get_args(annotation)), containsNull=True)
    if origin is Union or origin is types.UnionType or origin is typing.Annotated:
        return _spark_type([annotation])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _model_struct([annotation])
    return T.StringType()  # anything else (dicts, Any) as JSON text


def _model_struct(models: list[type[BaseModel]], skip: frozenset[str] = frozenset()) -> Any:
    T = _pyspark()
    names: dict[str, list[Any]] = {}
    for model in models:
        for name, info in model.model_fields.items():
            if name not in skip:
                names.setdefault(name, []).append(info.annotation)
    return T.StructType([T.StructField(name, _spark_type(anns), nullable=True) for name, anns in names.items()])


def _merge_structs(structs: list[Any]) -> Any:
    T = _pyspark()
    fields: dict[str, list[Any]] = {}
    for struct in structs:
        for f in struct.fields:
            fields.setdefault(f.name, []).append(f.dataType)
    merged = []
    for name, kinds in fields.items():
        if all(isinstance(k, T.StructType) for k in kinds):
            kind = _merge_structs(kinds)
        else:
            kind = kinds[0] if all(k == kinds[0] for k in kinds) else T.StringType()
        merged.append(T.StructField(name, kind, nullable=True))
    return T.StructType(merged)


def fact_schema() -> Any:
    """The Spark ``StructType`` of fact rows (see the module docstring)."""
    T = _pyspark()
    models = fact_models()
    base = _model_struct(models, skip=frozenset({"args", "type"}))
    args = _model_struct([m.model_fields["args"].annotation for m in models])
    error = T.StructType([T.StructField("type", T.StringType()), T.StructField("message", T.StringType())])
    leading = [T.StructField("doc_id", T.StringType()), T.StructField("type", T.StringType())]
    rest = [f for f in base.fields if f.name != "doc_id"]
    return T.StructType(leading + rest + [T.StructField("args", args), T.StructField("error", error)])


def conform(value: Any, kind: Any) -> Any:
    """A JSON value shaped to the Spark type ``kind`` (missing fields null, mismatches as JSON text)."""
    T = _pyspark()
    if value is None:
        return None
    if isinstance(kind, T.StructType):
        if not isinstance(value, dict):
            return None
        return tuple(conform(value.get(f.name), f.dataType) for f in kind.fields)
    if isinstance(kind, T.ArrayType):
        return [conform(v, kind.elementType) for v in value] if isinstance(value, list) else None
    if isinstance(kind, T.StringType):
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(kind, T.DoubleType):
        return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    if isinstance(kind, T.LongType):
        return int(value) if isinstance(value, int) and not isinstance(value, bool) else None
    if isinstance(kind, T.BooleanType):
        return value if isinstance(value, bool) else None
    return value


def fact_rows(records: Iterable[dict[str, Any]], schema: Any) -> Iterator[tuple[Any, ...]]:
    """JSON Lines records (facts or error records) as tuples in ``schema``'s column order."""
    for record in records:
        yield conform(record, schema)


def _partition_facts(spec: dict[str, Any], max_chars: int, schema: Any, rows: Iterable[Any]) -> Iterator[tuple[Any, ...]]:
    from .batch import process_item
    from .inputs import InputDoc
    from .pipeline import Pipeline

    pipeline = Pipeline(**spec)
    for doc_id, text in rows:
        if not isinstance(text, str):
            error = {"doc_id": str(doc_id), "error": {"type": "InputError", "message": "the text column is null or not a string"}}
            yield conform(error, schema)
            continue
        yield from fact_rows(process_item(pipeline, InputDoc(str(doc_id), text), "facts", max_chars).records, schema)


def extract_facts(df: Any, text_col: str = "text", id_col: str = "id", *, pipeline_options: dict[str, Any] | None = None) -> Any:
    """Facts of every row of ``df`` as a DataFrame with :func:`fact_schema`.

    ``text_col`` holds the article text and ``id_col`` its id (becomes
    ``doc_id``).  ``pipeline_options`` are :class:`~finextract.pipeline.Pipeline`
    keyword arguments (``ner``, ``user_dicts``, …; files must be readable on
    every executor).  Rows keep the order of the input within a partition.
    """
    from .batch import MAX_CHARS

    schema = fact_schema()
    missing = [c for c in (text_col, id_col) if c not in df.columns]
    if missing:
        raise FinextractError(f"the DataFrame has no column {missing[0]!r}; pass text_col= and id_col= (it has {df.columns})")
    spec = dict(pipeline_options or {})
    pairs = df.select(id_col, text_col).rdd.map(tuple)
    rdd = pairs.mapPartitions(lambda rows: _partition_facts(spec, MAX_CHARS, schema, rows))
    return df.sparkSession.createDataFrame(rdd, schema)


def spark_extract(input_path: str, output: str, *, master: str = "local[*]", text_col: str = "text", id_col: str = "id", out_format: str = "json") -> int:
    """Read JSON Lines at ``input_path`` with Spark, write fact rows to the directory ``output``; return the row count."""
    _pyspark()
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.master(master).appName("finextract").getOrCreate()
    try:
        facts = extract_facts(spark.read.json(input_path), text_col, id_col).cache()
        facts.write.mode("errorifexists").format(out_format).save(output)
        return int(facts.count())
    finally:
        spark.stop()
