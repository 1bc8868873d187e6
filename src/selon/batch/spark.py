"""The Spark engine: JSON Lines or Parquet articles in, Parquet events out.

Each Python worker of each executor builds one pipeline, on its first partition, and keeps it
for the next ones (Spark reuses its Python workers), so models load once per worker. Events
go to OUTPUT/events, documents that could not be coded to OUTPUT/errors.

pyspark, pandas and pyarrow are the optional `selon[spark]` extra: they are imported only
here, and their absence is a clear error, never a silent switch to the local engine.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selon.errors import ReadError, SelonError
from selon.ingest.discover import JSONL_SUFFIXES
from selon.ingest.jsonl import article_from_object
from selon.pipeline import Pipeline
from selon.records import Article, DocumentError, Event
from selon.store.db import event_id

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame, SparkSession

INSTALL_HINT = "pip install 'selon[spark]'"

# The article fields read (FORMAT.md), and the column Spark puts a line that is not JSON in.
ARTICLE_FIELDS = ("id", "text", "date", "lang", "title", "outlet", "url")
CORRUPT = "_corrupt_record"

# Output columns: an event's format fields with its sides flattened (as in `selon export
# --format csv`), its provenance, the store's event id and the article's metadata; then what
# an error row needs. One schema for both, split into two folders on writing.
_EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "string"), ("article_id", "string"), ("article_hash", "string"),
    ("outlet", "string"), ("article_date", "string"), ("lang", "string"),
    ("type", "string"), ("mode", "string"), ("context", "array<string>"),
    ("source_country", "string"), ("source_sector", "string"), ("source_name", "string"),
    ("source_org", "string"), ("target_country", "string"), ("target_sector", "string"),
    ("target_name", "string"), ("target_org", "string"),
    ("sentence", "string"), ("certainty", "string"), ("attributed_to", "array<string>"),
    ("date", "string"), ("location", "string"), ("objects", "array<string>"),
    ("quantities", "string"),  # JSON, as in the store
    ("sentence_start", "int"), ("sentence_end", "int"), ("trigger", "string"),
    ("trigger_start", "int"), ("trigger_end", "int"), ("rule", "string"),
)
_ERROR_COLUMNS: tuple[tuple[str, str], ...] = (("origin", "string"), ("reason", "string"))
_ALL_COLUMNS = (("kind", "string"), *_EVENT_COLUMNS, *_ERROR_COLUMNS)
OUTPUT_SCHEMA = ", ".join(f"{name} {kind}" for name, kind in _ALL_COLUMNS)

_PIPELINE: Pipeline | None = None  # this Python worker's pipeline, built on first use


@dataclass(frozen=True)
class SparkReport:
    articles: int  # articles coded (with or without events)
    events: int
    failed: int


def require_spark() -> None:
    """Fail with what to install when the extra or Java is missing."""
    missing = [name for name in ("pyspark", "pandas", "pyarrow") if not _importable(name)]
    if missing:
        raise SelonError(f"--engine spark needs {', '.join(missing)}: {INSTALL_HINT}")
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        raise SelonError("--engine spark needs Java 17 or newer: no `java` on PATH and no "
                         "JAVA_HOME")


def _importable(name: str) -> bool:
    try:
        __import__(name)
    except ImportError:
        return False
    return True


def spark_session(master: str | None = None) -> SparkSession:
    """The running session under spark-submit; else a local one (`master`, default local[*])."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("selon")
    if "PYSPARK_GATEWAY_PORT" not in os.environ:  # not started by spark-submit
        # Workers must run this Python (with selon and pyarrow), not the first on PATH; and a
        # local session needs no network name, which a sandbox may not resolve.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        builder = builder.master(master or "local[*]")
    elif master:
        builder = builder.master(master)
    return builder.getOrCreate()


def read_articles(spark: SparkSession, paths: list[str]) -> DataFrame:
    """JSON Lines or Parquet inputs as one frame of article fields (strings) and, for JSON
    Lines, the raw text of any line that is not a JSON object."""
    from pyspark.sql import functions as F

    json_paths: list[str] = []
    parquet_paths: list[str] = []
    for name in paths:
        kind = _input_kind(name)
        (json_paths if kind == "jsonl" else parquet_paths).append(name)
    frames = []
    if json_paths:
        schema = ", ".join(f"{name} string" for name in (*ARTICLE_FIELDS, CORRUPT))
        frame = (spark.read.schema(schema).option("mode", "PERMISSIVE")
                 .option("columnNameOfCorruptRecord", CORRUPT).json(json_paths))
        frames.append(frame.withColumn("origin", F.input_file_name()))
    if parquet_paths:
        frame = spark.read.parquet(*parquet_paths)
        columns = [F.col(name).cast("string").alias(name) if name in frame.columns
                   else F.lit(None).cast("string").alias(name) for name in ARTICLE_FIELDS]
        frames.append(frame.select(*columns, F.lit(None).cast("string").alias(CORRUPT),
                                   F.input_file_name().alias("origin")))
    result = frames[0]
    for other in frames[1:]:
        result = result.unionByName(other)
    return result


def _input_kind(path: Path | str) -> str:
    if isinstance(path, str) and "://" in path:
        # A cluster file system (hdfs://, s3a://): named by its suffix, else JSON Lines.
        return "parquet" if path.rstrip("/").endswith(".parquet") else "jsonl"
    path = Path(path)
    if not path.exists():
        raise SelonError(f"{path}: no such file or folder")
    names = [p.name.lower() for p in path.rglob("*") if p.is_file()] if path.is_dir() \
        else [path.name.lower()]
    if any(n.endswith(".parquet") for n in names):
        return "parquet"
    if any(Path(n).suffix in JSONL_SUFFIXES for n in names):
        return "jsonl"
    raise SelonError(f"{path}: the Spark engine reads JSON Lines (.jsonl, .ndjson, .json) or "
                     "Parquet; code other formats with the local engine, or `selon text "
                     "--format json` them first")


def run_spark(paths: list[str], output: str, master: str | None = None) -> SparkReport:
    """Code the articles under `paths` with Spark into Parquet under `output`, a folder or a
    cluster URI (kept a string: pathlib would fold "hdfs:///" into "hdfs:/")."""
    require_spark()
    local = Path(output)
    if "://" not in output and local.exists() and any(local.iterdir()):
        raise SelonError(f"{output}: the output folder is not empty")
    output = output.rstrip("/")
    spark = spark_session(master)
    try:
        coded = read_articles(spark, paths).mapInPandas(code_frames, OUTPUT_SCHEMA)
        coded = coded.persist()  # coded once, written to two folders
        events = coded.where("kind = 'event'").select(*(n for n, _ in _EVENT_COLUMNS))
        errors = coded.where("kind = 'error'").select(*(n for n, _ in _ERROR_COLUMNS))
        events.write.parquet(f"{output}/events")
        errors.write.parquet(f"{output}/errors")
        counts = {row["kind"]: row["n"] for row in
                  coded.groupBy("kind").count().withColumnRenamed("count", "n").collect()}
        for row in errors.limit(20).collect():
            print(f"error {row['origin']}: {row['reason']}", file=sys.stderr)
        coded.unpersist()
    finally:
        if "PYSPARK_GATEWAY_PORT" not in os.environ:
            spark.stop()
    return SparkReport(articles=counts.get("article", 0),
                       events=counts.get("event", 0), failed=counts.get("error", 0))


def worker_pipeline() -> Pipeline:
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = Pipeline()
    return _PIPELINE


def code_frames(frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """mapInPandas: article rows in; one row per event, per failed document and per coded
    article (`kind` "article", dropped on writing, counted)."""
    import pandas as pd

    pipeline = worker_pipeline()
    columns = [name for name, _ in _ALL_COLUMNS]
    # Every column in every row: a missing one would be NaN, which Spark cannot read as a list.
    empty: dict[str, Any] = dict.fromkeys(columns)
    for frame in frames:
        items = [_article(record) for record in frame.to_dict("records")]
        rows: list[dict[str, Any]] = []
        for outcome in pipeline.run(items):
            if isinstance(outcome, DocumentError):
                rows.append({**empty, "kind": "error", "origin": outcome.origin,
                             "reason": outcome.reason})
                continue
            rows.append({**empty, "kind": "article"})
            rows.extend({**empty, **event_row(outcome.article, event)}
                        for event in outcome.events)
        # Nullable integers: error rows have no offsets, and NaN would make them floats.
        yield pd.DataFrame(rows, columns=columns).astype(
            {name: "Int32" for name, kind in _ALL_COLUMNS if kind == "int"})


def _article(record: dict[str, Any]) -> Article | DocumentError:
    """A row as the JSON Lines reader would read its line: the same checks, the same errors."""
    origin = record.get("origin") or "<spark>"
    if record.get(CORRUPT):
        return DocumentError(origin, "not a JSON object")
    fields = {name: record.get(name) for name in ARTICLE_FIELDS}
    fields = {name: value for name, value in fields.items() if not _missing(value)}
    # Spark gives no line numbers: an article with no `id` is named by its file.
    try:
        return article_from_object(fields, origin, default_id=origin)
    except ReadError as error:
        return DocumentError(f"{origin}:{fields.get('id', '?')}", str(error))


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)  # pandas' NaN


def event_row(article: Article, event: Event) -> dict[str, Any]:
    p = event.provenance
    row: dict[str, Any] = {
        "kind": "event",
        "id": event_id(article.content_hash or "", event),
        "article_id": event.article_id,
        "article_hash": p.content_hash,
        "outlet": article.outlet,
        "article_date": article.date,
        "lang": article.lang,
        "type": event.type,
        "mode": event.mode,
        "context": list(event.context),
        "sentence": event.sentence,
        "certainty": event.certainty,
        "attributed_to": list(event.attributed_to),
        "date": event.date,
        "location": event.location,
        "objects": list(event.objects),
        "quantities": json.dumps([q.to_record() for q in event.quantities], ensure_ascii=False),
        "sentence_start": p.sentence_start,
        "sentence_end": p.sentence_end,
        "trigger": p.trigger,
        "trigger_start": p.trigger_start,
        "trigger_end": p.trigger_end,
        "rule": p.rule,
    }
    for side, actor in (("source", event.source), ("target", event.target)):
        for key in ("country", "sector", "name", "org"):
            row[f"{side}_{key}"] = getattr(actor, key) if actor else None
    return row


def event_record(row: dict[str, Any]) -> dict[str, Any]:
    """An output row back in the event format of FORMAT.md (what `selon extract` writes)."""

    def side(name: str) -> dict[str, Any] | None:
        found = {key: row[f"{name}_{key}"] for key in ("country", "sector", "name", "org")}
        return None if all(v is None for v in found.values()) else found

    return {
        "article_id": row["article_id"],
        "type": row["type"],
        "mode": row["mode"],
        "context": list(row["context"] if row["context"] is not None else []),
        "source": side("source"),
        "target": side("target"),
        "sentence": row["sentence"],
        "certainty": row["certainty"],
        "attributed_to": list(row["attributed_to"] if row["attributed_to"] is not None else []),
        "date": row["date"],
        "location": row["location"],
        "objects": list(row["objects"] if row["objects"] is not None else []),
        "quantities": json.loads(row["quantities"] or "[]"),
        "provenance": {
            "article_hash": row["article_hash"],
            "sentence_span": [row["sentence_start"], row["sentence_end"]],
            "trigger": row["trigger"],
            "trigger_span": [row["trigger_start"], row["trigger_end"]],
            "rule": row["rule"],
        },
    }


def main(argv: list[str] | None = None) -> int:
    """`spark-submit .../selon/batch/spark.py INPUT... --output DIR`: spark-submit runs a file,
    not a console script."""
    import argparse

    from selon.errors import SelonError as Error

    parser = argparse.ArgumentParser(prog="selon-spark", description=__doc__.split("\n")[0])
    parser.add_argument("inputs", nargs="+", help="JSON Lines or Parquet files or folders")
    parser.add_argument("--output", required=True, help="folder or URI for the Parquet output")
    args = parser.parse_args(argv)
    try:
        report = run_spark(args.inputs, args.output)
    except Error as error:
        print(f"selon: {error}", file=sys.stderr)
        return 2
    print(f"{report.articles} articles coded ({report.events} events), {report.failed} failed "
          f"→ {args.output}", file=sys.stderr)
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
