"""Stage outputs: JSONL records and HTML views of documents."""

from .jsonl import document_record, entity_records, error_record, fact_records, write_jsonl

__all__ = ["document_record", "entity_records", "error_record", "fact_records", "write_jsonl"]
