"""WARC archives (`.warc`, `.warc.gz`) through FastWARC, record by record.

A crawl's HTML responses are its pages: each becomes the input `PATH#<WARC-Record-ID>` (the id
without its angle brackets), with the record's target URI as the page's URL. Everything else
(warcinfo, requests, metadata, revisits, non-HTML responses, HTTP errors) is counted, and the
counts are said in one `skipped` entry for the archive rather than one entry per record. The
archive is read as a stream: memory holds one record at a time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from recoupe.ingest.decode import NotText, declared_html_charset, decode_bytes
from recoupe.ingest.readers import Result, _failed, _html_page
from recoupe.limits import DEFAULT_LIMITS, Limits, over_bytes

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def read_warc(path: str, source: str, limits: Limits = DEFAULT_LIMITS) -> Iterator[Result]:
    """Yield (entry, page) for each HTML response of the archive, then one entry that counts
    the records that are not pages."""
    from fastwarc.warc import ArchiveIterator

    not_pages: Counter[str] = Counter()
    pages = 0
    try:
        with open(path, "rb") as stream:
            # auto_decode: undo the HTTP transfer and content encodings (chunked, gzip, br)
            for record in ArchiveIterator(stream, parse_http=True, auto_decode="all"):
                kind = str(record.headers.get("WARC-Type") or "untyped")
                if kind != "response":
                    not_pages[kind] += 1
                    continue
                status = record.http_headers.status_code if record.is_http and record.http_headers else None
                content_type = (record.http_content_type or "").lower() if record.is_http else ""
                if content_type not in HTML_TYPES:
                    not_pages[f"{content_type or 'untyped'} response"] += 1
                    continue
                if status is not None and not 200 <= status < 300:
                    not_pages[f"HTTP {status} response"] += 1
                    continue
                pages += 1
                yield _record_page(record, source, limits)
    except OSError as error:
        # FastWARC raises OSError for a truncated or corrupt archive: what was read stays read
        yield _failed(source, "error", f"WARC archive unreadable after {pages} page(s): {error}")
    if not_pages:
        total = sum(not_pages.values())
        counts = ", ".join(
            f"{n} {kind}" for kind, n in sorted(not_pages.items(), key=lambda kv: (-kv[1], kv[0]))
        )
        yield _failed(source, "skipped", f"{total} WARC record(s) not pages: {counts}")
    elif not pages:
        yield _failed(source, "skipped", "WARC archive holds no records")


def _record_page(record: Any, source: str, limits: Limits) -> Result:
    record_id = (getattr(record, "record_id", None) or "").strip("<>") or "record"
    record_source = f"{source}#{record_id}"
    url = record.headers.get("WARC-Target-URI")
    body: bytes = record.reader.read(limits.max_bytes + 1)
    too_big = over_bytes(len(body), limits, "WARC record payload")
    if too_big is not None:
        return _failed(record_source, "skipped", too_big.replace(" of ", " of more than ", 1))
    charset = record.http_charset or declared_html_charset(body)
    try:
        decoded = decode_bytes(body, declared=charset)
    except NotText as exc:
        return _failed(record_source, "skipped", str(exc))
    return _html_page(record_source, decoded.text, decoded.encoding, {"url": url}, limits=limits)
