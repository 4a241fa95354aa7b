"""Bytes to text: byte-order marks, UTF-8 first, then detection that knows French pages.

Scraped pages arrive as UTF-8 (with or without a BOM) or in a legacy single-byte code page,
mostly cp1252 for French and English. UTF-8 is tried first because valid UTF-8 with non-ASCII
bytes is almost never anything else. Otherwise charset-normalizer ranks the candidates; on short
French texts it often ties cp1250 with cp1252 and picks cp1250, turning "œ" into "ś", so among
equally plausible candidates cp1252 wins.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

# how much worse (charset-normalizer's "chaos", 0..1) cp1252 may look and still be preferred
_CP1252_CHAOS_SLACK = 0.01
# share of control characters above which a decoded "text" is really binary data
_MAX_CONTROL_SHARE = 0.05
# stray NUL bytes a text page may carry (share of all bytes) before it counts as binary
_MAX_NUL_SHARE = 0.001
# valid non-ASCII characters needed per broken sequence to read bytes as damaged UTF-8
_MIN_UTF8_VALID_PER_BROKEN = 10
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# a charset declared in the first bytes of an HTML page: <meta charset=...> or http-equiv content
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# labels that browsers (WHATWG Encoding) read as windows-1252
_AS_CP1252 = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "cp819"})


class NotText(ValueError):
    """The bytes are not a text page; the message says why, for a person."""


@dataclass(slots=True, frozen=True)
class DecodedText:
    text: str  # newlines normalised to "\n"
    encoding: str  # Python codec name that decodes the bytes


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def bom_encoding(data: bytes) -> str | None:
    """The codec a byte-order mark at the start of `data` announces, if any."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def declared_html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB, as a Python codec name, if known."""
    match = _DECLARED_CHARSET.search(data[:4096])
    if match is None:
        return None
    label = match.group(1).decode("ascii", "replace").strip().lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_bytes(data: bytes, *, declared: str | None = None) -> DecodedText:
    """Decode a text page; raise NotText with a readable reason when it is not one.

    Order: byte-order mark, strict UTF-8, UTF-8 with a few broken bytes replaced (U+FFFD), the
    `declared` charset (an HTML meta tag), then charset-normalizer with cp1252 preferred among
    equally plausible candidates.
    """
    encoding = bom_encoding(data)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise NotText(
                f"starts with a {encoding} byte-order mark but does not decode as {encoding}"
            ) from exc
        return _checked(text, encoding)
    nul_count = data.count(b"\x00")
    if nul_count:
        if nul_count > _MAX_NUL_SHARE * len(data):
            raise NotText("binary file (contains NUL bytes), not a text page")
        data = data.replace(b"\x00", b"")  # a few stray NULs in a real page: browsers ignore them
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    if _mostly_utf8(lenient):
        # a UTF-8 page with a few broken bytes (a truncated character, one pasted cp1252 word)
        return _checked(lenient, "utf-8")
    if declared is not None and declared not in ("utf-8", "utf_8"):
        try:
            return _checked(data.decode(declared), declared)
        except (UnicodeDecodeError, LookupError):
            pass
    encoding = _detect(data)
    if encoding is None:
        raise NotText("binary file or unknown encoding (not UTF-8, and no text encoding fits)")
    return _checked(data.decode(encoding), encoding)


def _mostly_utf8(text: str) -> bool:
    """Decoded leniently, does the text hold far more valid multi-byte characters than broken ones?"""
    broken = text.count("\ufffd")
    valid = sum(1 for char in text if char > "\x7f") - broken
    return valid >= _MIN_UTF8_VALID_PER_BROKEN * broken


def _detect(data: bytes) -> str | None:
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    for match in matches:
        if match.chaos > best.chaos + _CP1252_CHAOS_SLACK:
            continue
        if "cp1252" in match.could_be_from_charset and _decodes(data, "cp1252"):
            return "cp1252"
    return str(best.encoding)


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _checked(text: str, encoding: str) -> DecodedText:
    text = normalize_newlines(text)
    if text and len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        raise NotText("binary file (mostly control characters), not a text page")
    return DecodedText(text=text, encoding=encoding)
