"""Per-page limits, so that one page never stops a corpus.

Measured before these limits existed: a folder holding a 22 MB text page, a 5 MB page on one line
and an HTML page nested 20,000 levels deep did not finish in 15 minutes (6.2 GB at its peak, in the
facts stage). Each limit below is checked as early as its figure is known, and a page over one is
cut or skipped with an input entry that names the limit and the figure; the run goes on.

- `max_bytes`: an input (a file, a JSONL line, a WARC record) larger than this is skipped unread.
- `max_html_depth`: HTML nested deeper than this is skipped before any parser sees it (the
  1,171 real pages of the trafilatura and Zyte benchmarks nest 16 deep at the median, 51 at most).
- `max_line_chars`: a page whose longest line is longer than this is skipped (no prose has such
  lines; they are dumps, minified scripts or base64).
- `max_chars`: a longer page is cut to its first `max_chars` characters, at a paragraph break when
  one lies in the last tenth, and kept.
- `stage_seconds`: a per-document stage that runs longer than this on one page is stopped (its
  worker killed and replaced in a pool); the page becomes an error input.

Limits are set with `--set limits.NAME=VALUE`; defaults are in `Limits`' fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from typing import Any

from recoupe.model import Page


@dataclass(frozen=True, slots=True)
class Limits:
    """Per-page limits; a bad value fails at once with the names allowed."""

    max_bytes: int = 8_000_000
    max_chars: int = 300_000
    max_line_chars: int = 100_000
    max_html_depth: int = 400
    stage_seconds: float = 60.0

    def __post_init__(self) -> None:
        for spec in fields(self):
            value = getattr(self, spec.name)
            if spec.name == "stage_seconds":
                if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
                    raise ValueError(f"limits.stage_seconds must be a number of seconds > 0, got {value!r}")
            elif isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"limits.{spec.name} must be an integer >= 1, got {value!r}")

    def with_options(self, options: dict[str, Any]) -> Limits:
        """These limits with some replaced by name; an unknown name lists the allowed ones."""
        allowed = [spec.name for spec in fields(self)]
        unknown = sorted(set(options) - set(allowed))
        if unknown:
            raise ValueError(
                f"unknown limit(s) {', '.join(map(repr, unknown))}; limits: {', '.join(allowed)}"
            )
        return replace(self, **options)


DEFAULT_LIMITS = Limits()


class LimitExceeded(Exception):
    """A page went over a limit; the message names the limit and the figure."""


def over_bytes(size: int, limits: Limits, what: str = "input") -> str | None:
    """The reason to skip an input of `size` bytes, or None when it is within the limit."""
    if size > limits.max_bytes:
        return f"limit max_bytes: {what} of {size:,} bytes is over {limits.max_bytes:,}; skipped unread"
    return None


# an opening or closing tag; comments, doctype and processing instructions do not nest
_TAG = re.compile(rb"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*?(/?)>")
# elements that never hold content, and those whose end tag HTML lets a page leave out (a new
# <p> or <li> closes the open one): neither adds depth
_FLAT = frozenset(
    b"area base br col embed hr img input link meta param source track wbr p li dt dd option tr td th".split()
)
# elements whose content is text, not tags ("<div>" inside a script is a string)
_RAW_TEXT = frozenset({b"script", b"style", b"textarea", b"title"})


def html_depth(markup: bytes | str, *, stop_at: int | None = None) -> int:
    """How deep the elements of `markup` nest, counted from its tags without building a tree.

    Cheap (one regular-expression pass, the stack never deeper than `stop_at`) and close to what
    a browser builds: an end tag closes the nearest open element of its name and every element
    left open inside it; script and style contents are not markup. `stop_at`: return as soon as
    the depth reaches it.
    """
    data = markup.encode("utf-8", "replace") if isinstance(markup, str) else markup
    open_tags: list[bytes] = []
    deepest = 0
    position = 0
    while (match := _TAG.search(data, position)) is not None:
        position = match.end()
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if name in _FLAT or self_closing:
            continue
        if closing:
            if name in open_tags:
                index = len(open_tags) - 1 - open_tags[::-1].index(name)
                del open_tags[index:]
            continue
        if name in _RAW_TEXT:
            end = data.find(b"</" + name, position)
            position = len(data) if end < 0 else end
            continue
        open_tags.append(name)
        if len(open_tags) > deepest:
            deepest = len(open_tags)
            if stop_at is not None and deepest >= stop_at:
                return deepest
    return deepest


def over_depth(markup: bytes | str, limits: Limits) -> str | None:
    """The reason to skip an HTML page nested deeper than the limit, or None."""
    depth = html_depth(markup, stop_at=limits.max_html_depth + 1)
    if depth > limits.max_html_depth:
        return (
            f"limit max_html_depth: HTML nested more than {limits.max_html_depth:,} elements deep; "
            "skipped before parsing"
        )
    return None


def longest_line(text: str) -> int:
    longest = 0
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        longest = max(longest, end - start)
        start = end + 1
    return longest


def guard_page(page: Page, limits: Limits) -> tuple[Page, str | None]:
    """The page within the text limits, and a note when it was cut.

    Raises `LimitExceeded` when the page must be skipped (a line over `max_line_chars`). A page
    over `max_chars` is cut at a paragraph break in its last tenth when there is one; removals an
    upstream extractor recorded stay as they are (their offsets are into the same text).
    """
    line = longest_line(page.text)
    if line > limits.max_line_chars:
        raise LimitExceeded(
            f"limit max_line_chars: a line of {line:,} characters is over {limits.max_line_chars:,}; skipped"
        )
    if len(page.text) <= limits.max_chars:
        return page, None
    cut = page.text.rfind("\n\n", limits.max_chars * 9 // 10, limits.max_chars)
    if cut < 0:
        cut = page.text.rfind("\n", limits.max_chars * 9 // 10, limits.max_chars)
    if cut < 0:
        cut = limits.max_chars
    note = (
        f"limit max_chars: page of {len(page.text):,} characters cut to its first {cut:,} "
        f"(limit {limits.max_chars:,})"
    )
    kept = [r for r in page.removed if r.end is None or r.end <= cut]
    return replace(page, text=page.text[:cut], removed=kept), note
