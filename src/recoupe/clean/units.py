"""Paragraphs of a page with their offsets, and the spans cut out of them.

A page's paragraphs are its non-blank lines, except that a line wrapped at a fixed width is joined
to the next when the sentence visibly runs on: the line does not close on punctuation and either
the next goes on in lower case or the line stops on a word no sentence ends with ("aux", "the"). Pages come both
ways: one paragraph per line (most extractors) or blank lines between paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from recoupe.clean.patterns import vocabulary

# a line ends a sentence or a heading when it closes with one of these
_CLOSES = ".!?:;…»\"”)]’'"
_CONTINUES = re.compile(r"[a-zß-ÿ]")
# a line ending on one of these words stops mid-sentence, whatever the next line starts with
_DANGLING = re.compile(rf"\b{vocabulary('lines.dangling')}$", re.IGNORECASE)
# the shortest line we take as wrapped at a fixed width rather than a short heading
_WRAPPED_MIN_CHARS = 40


@dataclass(slots=True)
class Cut:
    """A span removed from inside a paragraph (absolute offsets into the page text)."""

    start: int
    end: int
    reason: str
    rule: str


@dataclass(slots=True)
class Paragraph:
    """A paragraph: `start`/`end` bound its non-blank text in the page; `cuts` are inline removals."""

    start: int
    end: int
    cuts: list[Cut] = field(default_factory=list)

    def kept_spans(self) -> list[tuple[int, int]]:
        """The parts of the paragraph no cut covers, trimmed of whitespace, in order."""
        spans: list[tuple[int, int]] = []
        position = self.start
        for cut in sorted(self.cuts, key=lambda c: c.start):
            if cut.start > position:
                spans.append((position, cut.start))
            position = max(position, cut.end)
        if position < self.end:
            spans.append((position, self.end))
        return spans

    def kept_text(self, page_text: str) -> str:
        """The paragraph's text without its cuts, whitespace collapsed to single spaces."""
        pieces = [" ".join(page_text[s:e].split()) for s, e in self.kept_spans()]
        joined = ""
        for piece in filter(None, pieces):
            # no space before the punctuation that followed a cut span ("word (Photo X)." -> "word.")
            joined = joined + piece if not joined or piece[0] in ".,)" else f"{joined} {piece}"
        return joined


def split_paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs of `text` with offsets; `text[p.start:p.end]` is the paragraph's own text."""
    lines: list[tuple[int, int]] = []  # stripped extent of each line; (-1, -1) for a blank line
    for match in re.finditer(r"[^\n]*(?:\n|$)", text):
        if match.start() == len(text) and match.end() == len(text):
            break
        line = match.group().rstrip("\n")
        stripped = line.strip()
        if not stripped:
            lines.append((-1, -1))
            continue
        start = match.start() + len(line) - len(line.lstrip())
        lines.append((start, start + len(stripped)))
    paragraphs: list[Paragraph] = []
    previous_blank = True
    for start, end in lines:
        if start < 0:
            previous_blank = True
            continue
        if not previous_blank and paragraphs and _runs_on(text, paragraphs[-1], start):
            paragraphs[-1].end = end
        else:
            paragraphs.append(Paragraph(start, end))
        previous_blank = False
    return paragraphs


def _runs_on(text: str, previous: Paragraph, next_start: int) -> bool:
    """Whether the line at `next_start` continues the sentence of the paragraph before it."""
    last_line = text[previous.start : previous.end].rsplit("\n", 1)[-1]
    if len(last_line) < _WRAPPED_MIN_CHARS or last_line[-1] in _CLOSES:
        return False
    return _CONTINUES.match(text, next_start) is not None or _DANGLING.search(last_line) is not None
