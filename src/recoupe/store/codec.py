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
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

from recoupe.model import Document, Sentence, Story

T = TypeVar("T")


_PLAIN = (str, int, float, bool, type(None))


@cache
def _record_fields(cls: Any) -> tuple[str, ...] | None:
    if dataclasses.is_dataclass(cls):
        return tuple(f.name for f in dataclasses.fields(cls))
    return None


def encode(record: Any) -> Any:
    """Plain JSON values for a record (dataclasses as dicts, tuples as lists)."""
    cls: Any = type(record)
    if cls in _PLAIN:
        return record
    if cls is list or cls is tuple:
        return [encode(item) for item in record]
    if cls is dict:
        return {str(key): encode(value) for key, value in record.items()}
    names = _record_fields(cls)
    if names is not None:
        return {name: encode(getattr(record, name)) for name in names}
    return record


def _identity(value: Any) -> Any:
    return value


@cache
def _decoder(cls: Any) -> Callable[[Any], Any]:
    """A function building a value of type `cls` from its JSON, compiled once per type."""
    origin = typing.get_origin(cls)
    if dataclasses.is_dataclass(cls) and isinstance(cls, type):
        record: type = cls
        fields = {name: _decoder(hint) for name, hint in typing.get_type_hints(record).items()}

        def build(value: Any) -> Any:
            return record(
                **{
                    name: (item if item is None else fields[name](item))
                    for name, item in value.items()
                    if name in fields
                }
            )

        return build
    if origin is list:
        (item_type,) = typing.get_args(cls)
        item = _decoder(item_type)
        if item is _identity:
            return list
        return lambda value: [None if v is None else item(v) for v in value]
    if origin is tuple:
        args = typing.get_args(cls)
        if len(args) == 2 and args[1] is Ellipsis:
            one = _decoder(args[0])
            return lambda value: tuple(one(v) for v in value)
        parts = [_decoder(a) for a in args]
        return lambda value: tuple(p(v) for p, v in zip(parts, value, strict=True))
    if origin is dict:
        _, value_type = typing.get_args(cls)
        of_value = _decoder(value_type)
        if of_value is _identity:
            return dict
        return lambda value: {k: of_value(v) for k, v in value.items()}
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(cls) if a is not type(None)]
        records: list[Any] = [a for a in options if dataclasses.is_dataclass(a)]
        containers = [a for a in options if typing.get_origin(a) in (list, tuple, dict)]
        if records:
            as_record = _decoder(records[0])
            return lambda value: as_record(value) if isinstance(value, dict) else value
        if containers:
            as_container = _decoder(containers[0])
            return lambda value: as_container(value) if isinstance(value, list | dict) else value
        return _identity  # str | float | None and the like: JSON kept them apart already
    return _identity


def decode(cls: Any, value: Any) -> Any:
    """Build a value of type `cls` (a record, list, dict, tuple, union or plain type) from JSON."""
    return None if value is None else _decoder(cls)(value)


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


@cache
def _document_hints() -> dict[str, Any]:
    return typing.get_type_hints(Document)


def document_from_row(row: typing.Mapping[str, Any]) -> Document:
    """A full `Document` from a `documents` row (columns + blob)."""
    hints = _document_hints()
    fields = {name: row[name] for name in DOCUMENT_COLUMNS}
    data = unpack(row["data"])
    text: str = fields["text"]
    sentences = [Sentence(start, end, text[start:end]) for start, end in data.pop("sentences")]
    for name, value in data.items():
        if name in hints:
            fields[name] = decode(hints[name], value)
    return Document(**fields, sentences=sentences)


@dataclasses.dataclass(frozen=True, slots=True)
class EncodedStory:
    """A story as the store writes it, encoded where it was built: a rebuild worker encodes the
    stories it builds, and the one writer only runs the inserts (on 10,000 pages, encoding 26
    changed stories took the writer 2.2 s of an add's 13)."""

    id: str
    title: str
    summary: str  # the summary's sentences, for full-text search
    n_discrepancies: int
    data: bytes  # `pack(encode(story))`
    # (id, kind, label, value, unit, support, mentions, data) of each fact
    facts: list[tuple[str, str, str, str | None, str | None, int, int, str]]
    discrepancies: list[tuple[str, str | None, str]]  # (about, kind, data) of each


def encode_story(story: Story) -> EncodedStory:
    encoded = encode(story)
    return EncodedStory(
        id=story.id,
        title=story.title,
        summary=" ".join(s.text for s in story.summary),
        n_discrepancies=len(story.discrepancies),
        data=pack(encoded),
        facts=[
            (
                f.id,
                f.kind,
                f.label,
                None if f.value is None else str(f.value),
                f.unit,
                f.support,
                len(f.mentions),
                json.dumps(data, ensure_ascii=False),
            )
            for f, data in zip(story.facts, encoded["facts"], strict=True)
        ],
        discrepancies=[
            (d.about, d.kind, json.dumps(data, ensure_ascii=False))
            for d, data in zip(story.discrepancies, encoded["discrepancies"], strict=True)
        ],
    )
