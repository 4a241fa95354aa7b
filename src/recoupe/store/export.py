"""Tables for analysts: documents, facts, stories and discrepancies out of a store, as Parquet
(pyarrow) or JSON Lines, one file per table, written in batches so memory stays bounded."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from recoupe.store.codec import document_from_row, unpack
from recoupe.store.store import Store

ExportFormat = Literal["parquet", "jsonl"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("parquet", "jsonl")
TABLES = ("documents", "facts", "stories", "discrepancies")
_BATCH = 1000

Row = dict[str, Any]


def _documents(store: Store) -> Iterator[Row]:
    for r in store.conn.execute("SELECT * FROM documents ORDER BY seq, id"):
        doc = document_from_row(r)
        yield {
            "id": doc.id,
            "source": doc.source,
            "url": doc.url,
            "site": doc.site,
            "title": doc.title,
            "author": doc.author,
            "published": doc.published,
            "language": doc.language,
            "verdict": doc.verdict,
            "quality": doc.quality,
            "duplicate_of": doc.duplicate_of,
            "story": doc.story,
            "content_hash": doc.content_hash,
            "flags": [f.code for f in doc.flags],
            "n_mentions": len(doc.mentions),
            "n_quotes": len(doc.quotes),
            "text": doc.text,
        }


def _facts(store: Store) -> Iterator[Row]:
    for r in store.conn.execute("SELECT story, data FROM facts ORDER BY story, support DESC, id"):
        fact = json.loads(r["data"])
        yield {
            "story": r["story"],
            "id": fact["id"],
            "kind": fact["kind"],
            "label": fact["label"],
            "value": None if fact["value"] is None else str(fact["value"]),
            "unit": fact["unit"],
            "subject": fact["subject"],
            # what qualifies a figure (stores written before these fields have none)
            "time": fact.get("time"),
            "place": fact.get("place"),
            "predicate": fact.get("predicate"),
            "qualifier": fact["qualifier"],
            "low": _number(fact["low"]),
            "high": _number(fact["high"]),
            "claimed_by": fact["claimed_by"],
            "support": fact["support"],
            "documents": sorted({m["document"] for m in fact["mentions"]}),
        }


def _stories(store: Store) -> Iterator[Row]:
    for r in store.conn.execute("SELECT * FROM stories ORDER BY id"):
        data = unpack(r["data"])
        yield {
            "id": r["id"],
            "title": r["title"],
            "founder": r["founder"],
            "n_documents": r["n_documents"],
            "n_sources": r["n_sources"],
            "first_date": r["first_date"],
            "last_date": r["last_date"],
            "n_discrepancies": r["n_discrepancies"],
            "languages": json.loads(r["languages"]),
            "sites": json.loads(r["sites"]),
            "documents": data["documents"],
            "summary": " ".join(s["text"] for s in data["summary"]),
        }


def _discrepancies(store: Store) -> Iterator[Row]:
    for r in store.conn.execute("SELECT story, position, data FROM discrepancies ORDER BY story, position"):
        data = json.loads(r["data"])
        yield {
            "story": r["story"],
            "position": r["position"],
            "about": data["about"],
            "kind": data["kind"],
            "values": [None if v["value"] is None else str(v["value"]) for v in data["values"]],
            "documents": [v["documents"] for v in data["values"]],
            "claimed_by": [v["claimed_by"] for v in data["values"]],
        }


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


_ROWS = {"documents": _documents, "facts": _facts, "stories": _stories, "discrepancies": _discrepancies}


def export_tables(store: Store, out: Path, fmt: ExportFormat) -> dict[str, tuple[Path, int]]:
    """Write each table to `out/<table>.<parquet|jsonl>`; returns, per table, the file and its rows."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; formats: {', '.join(EXPORT_FORMATS)}")
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, tuple[Path, int]] = {}
    for table in TABLES:
        path = out / f"{table}.{fmt}"
        rows = _ROWS[table](store)
        count = _write_jsonl(path, rows) if fmt == "jsonl" else _write_parquet(path, rows, table)
        written[table] = (path, count)
    return written


def _write_jsonl(path: Path, rows: Iterator[Row]) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as stream:
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


def _write_parquet(path: Path, rows: Iterator[Row], table: str) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as error:  # pragma: no cover - pyarrow is a dependency
        raise RuntimeError("Parquet export needs pyarrow: pip install 'pyarrow>=15,<24'") from error
    schema = _SCHEMAS(pa)[table]
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[Row] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= _BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count += len(batch)
                batch = []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


def _SCHEMAS(pa: Any) -> dict[str, Any]:
    text, number, integer = pa.string(), pa.float64(), pa.int64()
    texts = pa.list_(pa.string())
    return {
        "documents": pa.schema(
            [
                ("id", text),
                ("source", text),
                ("url", text),
                ("site", text),
                ("title", text),
                ("author", text),
                ("published", text),
                ("language", text),
                ("verdict", text),
                ("quality", number),
                ("duplicate_of", text),
                ("story", text),
                ("content_hash", text),
                ("flags", texts),
                ("n_mentions", integer),
                ("n_quotes", integer),
                ("text", text),
            ]
        ),
        "facts": pa.schema(
            [
                ("story", text),
                ("id", text),
                ("kind", text),
                ("label", text),
                ("value", text),
                ("unit", text),
                ("subject", text),
                ("time", text),
                ("place", text),
                ("predicate", text),
                ("qualifier", text),
                ("low", number),
                ("high", number),
                ("claimed_by", text),
                ("support", integer),
                ("documents", texts),
            ]
        ),
        "stories": pa.schema(
            [
                ("id", text),
                ("title", text),
                ("founder", text),
                ("n_documents", integer),
                ("n_sources", integer),
                ("first_date", text),
                ("last_date", text),
                ("n_discrepancies", integer),
                ("languages", texts),
                ("sites", texts),
                ("documents", texts),
                ("summary", text),
            ]
        ),
        "discrepancies": pa.schema(
            [
                ("story", text),
                ("position", integer),
                ("about", text),
                ("kind", text),
                ("values", texts),
                ("documents", pa.list_(texts)),
                ("claimed_by", texts),
            ]
        ),
    }
