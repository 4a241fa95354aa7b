"""Read the inputs named on the command line: one `InputEntry` per input, readable or not.

Folders are walked, `.gz` files opened, JSONL files split into records, WARC archives read
record by record (`recoupe.ingest.warc`) and standard input sniffed. Every input that cannot be
read becomes an entry with a reason a person understands; nothing here raises for bad input, and
nothing is cleaned: only decoded and extracted.

Reading streams: `iter_inputs` is a generator, and JSONL files, JSONL on standard input and
WARC archives are read a line or a record at a time, so memory does not grow with their size.
The byte and HTML-depth limits (`recoupe.limits`) are checked here, before a page is decoded or
parsed: a file, JSONL line or WARC record over `max_bytes` is skipped unread, HTML nested deeper
than `max_html_depth` is skipped before any parser sees it.
"""

from __future__ import annotations

import email.utils
import gzip
import io
import json
import os
import re
import stat
import sys
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO, Literal

from recoupe.ingest.decode import (
    NotText,
    bom_encoding,
    declared_html_charset,
    decode_bytes,
    normalize_newlines,
)
from recoupe.ingest.htmltext import extract_html
from recoupe.limits import DEFAULT_LIMITS, Limits, over_bytes, over_depth
from recoupe.model import InputEntry, Page, document_id

Kind = Literal["text", "html", "jsonl", "warc"]
Result = tuple[InputEntry, Page | None]

STDIN = "-"
KIND_BY_EXTENSION: dict[str, Kind] = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".warc": "warc",
}
SUPPORTED = "supported: .txt, .html, .htm, .jsonl, .warc, and .gz of these"
# JSONL fields that hold page metadata, all optional strings; names are `Page` attributes
METADATA_FIELDS = ("url", "title", "published", "site", "author", "language")
Metadata = dict[str, str | None]
_GZIP_MAGIC = b"\x1f\x8b"
_HIDDEN_NAMES_SHOWN = 5
# bytes read from the head of a JSONL stream to tell its encoding (and of stdin, its kind)
_SNIFF_BYTES = 65_536


def iter_inputs(
    paths: Sequence[str], *, stdin: BinaryIO | None = None, limits: Limits = DEFAULT_LIMITS
) -> Iterator[Result]:
    """Yield (entry, page) for every input in `paths`, in order; page is None unless status is ok.

    A path is a file, a folder (walked recursively in sorted order, hidden names skipped and
    counted), or "-" for standard input (`stdin`, default the process's own). `limits` bounds
    what one input may hold (`max_bytes`, `max_html_depth`).
    """
    seen: set[str] = set()
    for path in paths:
        if path == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            results: Iterator[Result] = _read_stdin(stream, seen, limits)
        else:
            results = _read_path(path, limits)
        for entry, page in results:
            if entry.status == "ok" and entry.source in seen:
                # the same input named twice would give two documents with one id
                yield _failed(entry.source, "skipped", "same input given twice; read once")
                continue
            seen.add(entry.source)
            yield entry, page


def read_inputs(
    paths: Sequence[str], stdin: BinaryIO | None = None, *, limits: Limits = DEFAULT_LIMITS
) -> tuple[list[InputEntry], list[Page]]:
    """All entries, and the pages of those that could be read (in memory: `iter_inputs` streams)."""
    entries: list[InputEntry] = []
    pages: list[Page] = []
    for entry, page in iter_inputs(paths, stdin=stdin, limits=limits):
        entries.append(entry)
        if page is not None:
            pages.append(page)
    return entries, pages


# --------------------------------------------------------------------------------------------
# paths and folders
# --------------------------------------------------------------------------------------------


def _read_path(path: str, limits: Limits) -> Iterator[Result]:
    source = _posix(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        yield _failed(source, "error", "no such file or directory")
        return
    except PermissionError:
        yield _failed(source, "error", "permission denied")
        return
    except OSError as exc:
        yield _failed(source, "error", f"cannot open: {exc.strerror or exc}")
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _read_folder(path, source, limits)
    else:
        yield from _read_file(path, source, limits)


def _posix(path: str) -> str:
    return path.replace(os.sep, "/") if os.sep != "/" else path


def join_source(folder_source: str, relative: str) -> str:
    """The source of a file found in a folder: the folder as given, '/', the relative path."""
    base = folder_source.rstrip("/")
    return f"{base}/{relative}" if base else f"/{relative}"


def _read_folder(path: str, source: str, limits: Limits) -> Iterator[Result]:
    root = Path(path)
    # (relative path, problem): files to read, or entries for what could not be listed
    found: list[tuple[Path, InputEntry | None]] = []
    hidden: list[str] = []

    def unlistable(exc: OSError) -> None:
        try:
            relative = Path(exc.filename).relative_to(root) if exc.filename else Path()
        except ValueError:  # a name os.walk spelled differently: report it on the folder
            relative = Path()
        where = join_source(source, relative.as_posix()) if relative.parts else source
        if isinstance(exc, PermissionError):
            reason = "permission denied (cannot list folder)"
        else:
            reason = f"cannot list folder: {exc.strerror or exc}"
        found.append((relative, InputEntry(where, "error", reason=reason)))

    for folder, subfolders, files in os.walk(path, onerror=unlistable):
        relative_folder = Path(folder).relative_to(root)
        for name in subfolders:
            relative = relative_folder / name
            if name.startswith("."):
                hidden.append(relative.as_posix() + "/")
            elif os.path.islink(os.path.join(folder, name)):
                reason = "symbolic link to a folder, not followed"
                found.append(
                    (relative, InputEntry(join_source(source, relative.as_posix()), "skipped", reason=reason))
                )
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in files:
            if name.startswith("."):
                hidden.append((relative_folder / name).as_posix())
            else:
                found.append((relative_folder / name, None))

    if hidden:
        yield _failed(source, "skipped", _hidden_summary(sorted(hidden)))
    elif not found:
        yield _failed(source, "skipped", "empty folder (no files)")
    for relative, problem in sorted(found, key=lambda item: item[0].parts):
        if problem is not None:
            yield problem, None
        else:
            yield from _read_file(
                str(root / relative), join_source(source, relative.as_posix()), limits, regular_only=True
            )


def _hidden_summary(hidden: list[str]) -> str:
    folders = sum(1 for name in hidden if name.endswith("/"))
    files = len(hidden) - folders
    parts = []
    if files:
        parts.append(f"{files} hidden file{'s' if files != 1 else ''}")
    if folders:
        parts.append(f"{folders} hidden folder{'s' if folders != 1 else ''}")
    shown = ", ".join(hidden[:_HIDDEN_NAMES_SHOWN]) + (", …" if len(hidden) > _HIDDEN_NAMES_SHOWN else "")
    return f"{' and '.join(parts)} skipped ({shown})"


# --------------------------------------------------------------------------------------------
# files
# --------------------------------------------------------------------------------------------


def _read_file(path: str, source: str, limits: Limits, *, regular_only: bool = False) -> Iterator[Result]:
    name = Path(path).name.lower()
    gzipped = name.endswith(".gz")
    inner = name[: -len(".gz")] if gzipped else name
    extension = Path(inner).suffix
    kind = KIND_BY_EXTENSION.get(extension)
    if kind is None and (not regular_only or os.path.isfile(path)) and _holds_html(path, gzipped):
        kind = "html"  # a saved page named by a crawler ("index.html?id=3", a hash, no extension)
    if kind is None:
        if extension:
            what = f"unsupported file type {extension}{'.gz' if gzipped else ''}"
        else:
            what = "unsupported file type .gz" if gzipped else "unsupported file type (no extension)"
        yield _failed(source, "skipped", f"{what} ({SUPPORTED})")
        return
    if regular_only and not os.path.isfile(path):
        # a pipe or device inside a folder would block or never end
        yield _failed(source, "skipped", "not a regular file")
        return
    if kind == "warc":
        from recoupe.ingest.warc import read_warc

        yield from read_warc(path, source, limits)
        return
    try:
        size = os.stat(path).st_size
        with open(path, "rb") as raw:
            stream: Any = gzip.GzipFile(fileobj=raw, mode="rb") if gzipped else raw
            if kind == "jsonl":
                yield from _read_jsonl_stream(stream, source, source, True, limits, gzipped)
                return
            too_big = None if gzipped else over_bytes(size, limits, "file")
            if too_big is not None:
                yield _failed(source, "skipped", too_big)
                return
            data = stream.read(limits.max_bytes + 1)
    except FileNotFoundError:
        yield _failed(source, "error", "no such file or directory")
        return
    except PermissionError:
        yield _failed(source, "error", "permission denied (cannot read file)")
        return
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield _failed(source, "error", f"corrupt gzip file ({exc})")
        return
    except OSError as exc:
        yield _failed(source, "error", f"cannot read file: {exc.strerror or exc}")
        return
    if len(data) > limits.max_bytes:
        yield _failed(source, "skipped", _over_after_gunzip(limits))
        return
    if not data:
        yield _failed(source, "skipped", "empty file" + (" (after decompressing)" if gzipped else ""))
        return
    yield from _read_payload(data, kind, source, limits, record_prefix=source)


# what an HTML page opens with: perhaps an XML declaration and comments, then a doctype or <html>
_HTML_START = re.compile(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE | re.DOTALL
)


def _holds_html(path: str, gzipped: bool) -> bool:
    """Whether a file of no known extension opens as an HTML page: a doctype or an <html> tag
    first (a text file, a PDF or an image never does; an XML feed, SVG or JSON do not either)."""
    try:
        with open(path, "rb") as raw:
            stream: Any = gzip.GzipFile(fileobj=raw, mode="rb") if gzipped else raw
            head = stream.read(4096)
    except (OSError, EOFError, zlib.error):
        return False  # unreadable: reported as the unsupported type it is named
    encoding = bom_encoding(head)
    if encoding:
        head = head.decode(encoding, errors="ignore").lstrip("\ufeff").encode("ascii", errors="ignore")
    return _HTML_START.match(head) is not None


def _over_after_gunzip(limits: Limits) -> str:
    return f"limit max_bytes: more than {limits.max_bytes:,} bytes after decompressing; skipped"


def _gunzip(data: bytes) -> bytes:
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise ValueError(f"corrupt gzip file ({exc})") from exc


def _read_stdin(stream: BinaryIO, seen: set[str], limits: Limits) -> Iterator[Result]:
    if STDIN in seen:
        yield _failed(STDIN, "skipped", "standard input already read")
        return
    seen.add(STDIN)
    try:
        head = stream.read(len(_GZIP_MAGIC))
        source_stream: Any = _Prefixed.reader(head, stream)
        if head.startswith(_GZIP_MAGIC):
            source_stream = gzip.GzipFile(fileobj=source_stream, mode="rb")
        head = source_stream.read(_SNIFF_BYTES)
        kind = _sniff(head)
        if kind == "jsonl":
            yield from _read_jsonl_stream(
                _Prefixed.reader(head, source_stream), STDIN, STDIN, False, limits, False
            )
            return
        data = head + source_stream.read(limits.max_bytes + 1 - len(head))
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield _failed(STDIN, "error", f"corrupt gzip file ({exc})")
        return
    except OSError as exc:
        yield _failed(STDIN, "error", f"cannot read standard input: {exc.strerror or exc}")
        return
    if len(data) > limits.max_bytes:
        yield _failed(
            f"{STDIN}#1", "skipped", f"limit max_bytes: more than {limits.max_bytes:,} bytes; skipped"
        )
        return
    if not data.strip():
        yield _failed(STDIN, "skipped", "empty input" if not data else "no text")
        return
    yield from _read_payload(data, kind, f"{STDIN}#1", limits, record_prefix=STDIN, use_record_ids=False)


class _Prefixed(io.RawIOBase):
    """A stream that gives `head` (bytes already read from `rest`) and then the rest."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    @classmethod
    def reader(cls, head: bytes, rest: BinaryIO) -> BinaryIO:
        return io.BufferedReader(cls(head, rest))

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self._head:
            count = min(len(view), len(self._head))
            view[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._rest.read(len(view))
        view[: len(data)] = data
        return len(data)


def _sniff(data: bytes) -> Kind:
    """JSONL when the first visible character is "{", HTML when "<", else plain text."""
    encoding = bom_encoding(data) or "utf-8"
    head = data[:4096].decode(encoding, errors="ignore").lstrip("\ufeff \t\r\n")
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("<"):
        return "html"
    return "text"


# --------------------------------------------------------------------------------------------
# payloads: a whole text or HTML page, or a JSONL file of records
# --------------------------------------------------------------------------------------------


def _read_payload(
    data: bytes, kind: Kind, source: str, limits: Limits, *, record_prefix: str, use_record_ids: bool = True
) -> Iterator[Result]:
    if kind == "html" and (too_deep := over_depth(data, limits)) is not None:
        yield _failed(source, "skipped", too_deep)
        return
    declared = declared_html_charset(data) if kind == "html" else None
    try:
        decoded = decode_bytes(data, declared=declared)
    except NotText as exc:
        yield _failed(source, "skipped", str(exc))
        return
    if kind == "jsonl":
        yield from _read_jsonl_stream(io.BytesIO(data), source, record_prefix, use_record_ids, limits, False)
    elif kind == "html":
        yield _html_page(source, decoded.text, decoded.encoding, {}, limits=limits)
    else:
        yield _text_page(source, decoded.text, decoded.encoding, {})


def _text_page(source: str, text: str, encoding: str, metadata: Metadata) -> Result:
    if not text.strip():
        return _failed(source, "skipped", "no text")
    page = Page(source=source, text=text, format="text", encoding=encoding)
    _apply(page, metadata)
    return _ok(page)


def _html_page(
    source: str,
    markup: str,
    encoding: str,
    metadata: Metadata,
    *,
    fallback_text: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Result:
    too_deep = over_depth(markup, limits)
    if too_deep is not None:
        return _failed(source, "skipped", too_deep)
    try:
        extraction = extract_html(markup, url=metadata.get("url"))
    except Exception as exc:  # an extractor crash on one page must not stop the run
        return _failed(source, "error", f"HTML extraction failed ({type(exc).__name__}: {exc})")
    if (extraction is None or extraction.fallback) and fallback_text is not None and fallback_text.strip():
        # the record's own text beats the page's full visible text
        return _text_page(source, normalize_newlines(fallback_text), encoding, metadata)
    if extraction is None:
        return _failed(source, "skipped", "no main text found in HTML")
    page = Page(
        source=source,
        text=extraction.text,
        format="html",
        url=extraction.url,
        title=extraction.title,
        published=extraction.published,
        site=extraction.site,
        author=extraction.author,
        language=extraction.language,
        encoding=encoding,
        removed=extraction.removed,
    )
    _apply(page, metadata)
    return _ok(page)


def _apply(page: Page, metadata: Metadata) -> None:
    """What the container states (JSONL fields) wins over what was extracted."""
    for name, value in metadata.items():
        if value is not None:
            setattr(page, name, value)


def _read_jsonl_stream(
    stream: BinaryIO, source: str, prefix: str, use_record_ids: bool, limits: Limits, gzipped: bool
) -> Iterator[Result]:
    """A JSONL stream, one line at a time: its encoding told from its head, each line over
    `max_bytes` skipped without being held whole."""
    head = stream.read(_SNIFF_BYTES)
    buffered = _Prefixed.reader(head, stream)
    if not head:
        yield _failed(source, "skipped", "empty file" + (" (after decompressing)" if gzipped else ""))
        return
    try:
        encoding = decode_bytes(head).encoding
    except NotText as exc:
        yield _failed(source, "skipped", str(exc))
        return
    if encoding.startswith(("utf-16", "utf-32")):
        # lines of a UTF-16/32 file do not end at a newline byte: decode it whole, within the limit
        data = buffered.read(limits.max_bytes + 1)
        if len(data) > limits.max_bytes:
            yield _failed(
                source,
                "skipped",
                f"limit max_bytes: a {encoding} JSONL file over {limits.max_bytes:,} bytes; skipped",
            )
            return
        lines: Iterator[tuple[int, bytes | None, int]] = (
            (n, line.encode("utf-8"), len(line))
            for n, line in enumerate(data.decode(encoding).split("\n"), 1)
        )
        encoding = "utf-8"
    else:
        lines = _bounded_lines(buffered, limits.max_bytes)
    yield from _read_jsonl(lines, source, prefix, use_record_ids, encoding, limits)


def _bounded_lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line or None when over `max_bytes`, its size in bytes)."""
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            size = len(line)
            while True:  # the rest of the line, read in pieces and dropped
                more = stream.readline(1 << 20)
                size += len(more)
                if not more or more.endswith(b"\n"):
                    break
            yield number, None, size
        else:
            yield number, line, len(line)


def _decode_line(line: bytes, encoding: str, first: bool) -> str:
    if first and line.startswith(b"\xef\xbb\xbf"):
        line = line[3:]
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        name = "utf-8" if encoding == "utf-8-sig" else encoding
        return line.decode(name, errors="replace")


def _read_jsonl(
    lines: Iterator[tuple[int, bytes | None, int]],
    source: str,
    prefix: str,
    use_record_ids: bool,
    encoding: str,
    limits: Limits,
) -> Iterator[Result]:
    any_record = False
    line_of_id: dict[str, int] = {}
    for number, raw, size in lines:
        if raw is None:
            any_record = True
            reason = f"line {number}: {over_bytes(size, limits, 'record')}"
            yield _failed(f"{prefix}#{number}", "skipped", reason)
            continue
        line = _decode_line(raw, encoding, number == 1).rstrip("\n").rstrip("\r")
        if not line.strip():
            continue
        any_record = True
        try:
            record = _parse_record(line)
        except ValueError as exc:
            yield _failed(f"{prefix}#{number}", "error", f"line {number}: {exc}")
            continue
        record_source = f"{prefix}#{number}"
        if use_record_ids and record.id is not None:
            if record.id in line_of_id:
                # named by its line: the id already names the first record with it
                reason = f"line {number}: id {record.id!r} already used on line {line_of_id[record.id]}"
                yield _failed(record_source, "error", reason)
                continue
            line_of_id[record.id] = number
            record_source = f"{prefix}#{record.id}"
        if record.html is not None:
            entry, page = _html_page(
                record_source,
                record.html,
                encoding,
                record.metadata,
                fallback_text=record.text,
                limits=limits,
            )
        else:
            entry, page = _text_page(
                record_source, normalize_newlines(record.text or ""), encoding, record.metadata
            )
        if record.note and entry.status == "ok":
            entry.reason = record.note
        yield entry, page
    if not any_record:
        yield _failed(source, "skipped", "no records (only blank lines)")


@dataclass(slots=True)
class _Record:
    html: str | None
    text: str | None
    id: str | None
    metadata: Metadata
    note: str | None = None  # something read but not used, said in the input's entry


def _parse_record(line: str) -> _Record:
    """One JSONL record, checked; ValueError with a readable reason otherwise."""
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(value, dict):
        raise ValueError(f"expected a JSON object with 'html' or 'text', got {_json_type(value)}")
    html = _string_field(value, "html")
    text = _string_field(value, "text")
    if html is None and text is None:
        raise ValueError("record has neither an 'html' nor a 'text' field")
    metadata: Metadata = {}
    for name in METADATA_FIELDS:
        stated = (_string_field(value, name) or "").strip()
        metadata[name] = stated or None
    if metadata["title"] is not None:
        metadata["title"] = unescape_csv_quotes(metadata["title"])
    published = metadata["published"]
    note = None
    if published is not None and not _is_iso_date(published):
        metadata["published"] = _rfc2822_date(published)
        if metadata["published"] is None:
            # the page is still worth reading: keep it undated and say why
            note = f"field 'published' is not a date ({published!r}): page kept without a publication date"
    record_id = value.get("id")
    if record_id is not None and (isinstance(record_id, bool) or not isinstance(record_id, str | int)):
        raise ValueError(f"field 'id' must be a string or an integer, got {_json_type(record_id)}")
    id_text = str(record_id).strip() if record_id is not None else ""
    return _Record(html=html, text=text, id=id_text or None, metadata=metadata, note=note)


def unescape_csv_quotes(value: str) -> str:
    """A field a CSV export quoted ('"Viande de cheval : ""une affaire grave"" selon Hollande"')
    as written; a field merely in quotation marks, with no doubled mark inside, is left alone."""
    inner = value[1:-1]
    if len(value) >= 2 and value[0] == value[-1] == '"' and '""' in inner:
        unescaped = inner.replace('""', '"')
        if '"' not in inner.replace('""', ""):  # every mark inside was doubled: CSV's escaping
            return unescaped
    return value


def _rfc2822_date(value: str) -> str | None:
    """'Mon, 18 Nov 2024 10:00:00 GMT' (RSS feeds, HTTP headers) as ISO 8601, else None."""
    try:
        return email.utils.parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _string_field(record: dict[str, object], name: str) -> str | None:
    value = record.get(name)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"field {name!r} must be a string, got {_json_type(value)}")
    return value


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


_ISO_REDUCED = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2]))?")


def _is_iso_date(value: str) -> bool:
    """ISO 8601 date or datetime, also of reduced precision ("2024", "2024-11")."""
    if _ISO_REDUCED.fullmatch(value):
        return True
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


# --------------------------------------------------------------------------------------------
# results
# --------------------------------------------------------------------------------------------


def _ok(page: Page) -> Result:
    return InputEntry(page.source, "ok", document=document_id(page.source)), page


def _failed(source: str, status: Literal["skipped", "error"], reason: str) -> Result:
    return InputEntry(source, status, reason=reason), None
