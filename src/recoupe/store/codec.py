"""Records to and from the JSON the store keeps, losslessly (unlike the brief's contract, which
leaves out sentences and mentions).

`encode` turns any record of `recoupe.model` into plain JSON values; `decode(cls, value)` builds
the record back from its type hints, so a field added to a record is stored without a change
here. Blobs are zlib-compressed UTF-8 JSON: a document's facts and spans compress about 4x.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
import zlib
from functools import cache
from typing import Any, TypeVar

from recoupe.model import Document, Sentence

T = TypeVar("T")


def encode(record: Any) -> Any:
    """Plain JSON values for a record (dataclasses as dicts, tuples as lists)."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: encode(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, list | tuple):
        return [encode(item) for item in record]
    if isinstance(record, dict):
        return {str(key): encode(value) for key, value in record.items()}
    return record


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def decode(cls: Any, value: Any) -> Any:
    """Build a value of type `cls` (a record, list, dict, tuple, union or plain type) from JSON."""
    if value is None:
        return None
    origin = typing.get_origin(cls)
    if dataclasses.is_dataclass(cls) and isinstance(cls, type):
        hints = _hints(cls)
        return cls(**{name: decode(hints[name], item) for name, item in value.items() if name in hints})
    if origin is list:
        (item_type,) = typing.get_args(cls)
        return [decode(item_type, item) for item in value]
    if origin is tuple:
        args = typing.get_args(cls)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(decode(args[0], item) for item in value)
        return tuple(decode(t, item) for t, item in zip(args, value, strict=True))
    if origin is dict:
        _, value_type = typing.get_args(cls)
        return {key: decode(value_type, item) for key, item in value.items()}
    if origin in (typing.Union, types.UnionType):
        records = [a for a in typing.get_args(cls) if dataclasses.is_dataclass(a)]
        if records and isinstance(value, dict):
            return decode(records[0], value)
        containers = [a for a in typing.get_args(cls) if typing.get_origin(a) in (list, tuple, dict)]
        if containers and isinstance(value, list | dict):
            return decode(containers[0], value)
        return value  # str | float | None and the like: JSON kept them apart already
    return value


def pack(value: Any) -> bytes:
    return zlib.compress(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)


def unpack(blob: bytes) -> Any:
    return json.loads(zlib.decompress(blob).decode("utf-8"))


# Document fields kept in columns; the rest travels in the `data` blob
DOCUMENT_COLUMNS = (
    "id",
    "source",
    "format",
    "url",
    "site",
    "title",
    "author",
    "published",
    "language",
    "verdict",
    "quality",
    "duplicate_of",
    "story",
    "content_hash",
    "text",
)


def document_data(doc: Document) -> bytes:
    """The blob of a document: its non-column fields; sentences as offsets (their text is the
    document's)."""
    data = {
        "removed": encode(doc.removed),
        "clean_stats": encode(doc.clean_stats),
        "flags": encode(doc.flags),
        "sentences": [[s.start, s.end] for s in doc.sentences],
        "mentions": encode(doc.mentions),
        "quotes": encode(doc.quotes),
    }
    return pack(data)


def document_from_row(row: typing.Mapping[str, Any]) -> Document:
    """A full `Document` from a `documents` row (columns + blob)."""
    hints = _hints(Document)
    fields = {name: row[name] for name in DOCUMENT_COLUMNS}
    data = unpack(row["data"])
    text: str = fields["text"]
    sentences = [Sentence(start, end, text[start:end]) for start, end in data.pop("sentences")]
    for name, value in data.items():
        if name in hints:
            fields[name] = decode(hints[name], value)
    return Document(**fields, sentences=sentences)
