"""Readers at the edge: files, folders, JSONL, gzip and standard input to `Page` records.

Only decoding and extraction happen here; cleaning is the clean stage's job.
"""

from recoupe.ingest.decode import DecodedText, NotText, decode_bytes
from recoupe.ingest.htmltext import HtmlExtraction, extract_html
from recoupe.ingest.readers import iter_inputs, read_inputs

__all__ = [
    "DecodedText",
    "HtmlExtraction",
    "NotText",
    "decode_bytes",
    "extract_html",
    "iter_inputs",
    "read_inputs",
]
