"""Runners: code many documents and write them somewhere (a file, the store, Parquet)."""

from selon.batch.local import IngestReport, extract_to, ingest_into

__all__ = ["IngestReport", "extract_to", "ingest_into"]
