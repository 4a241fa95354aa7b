"""Where a citation lands: the passages of a document's clean text that a brief points at.

A summary sentence cites documents by id only; the passage it stands for is found here, in each
cited document's text (the sentence itself when the document holds it word for word, else the
sentence sharing most words with it). Facts and quotes carry their own offsets. Every passage
gets an anchor id derived from its offsets, so the static brief and the web view link to the same
place, and the text is laid out as paragraphs of plain and marked pieces for the templates.

Passages nest in two levels: sentence-long passages (cited sentences, claims, quotes) and short
mentions inside them. A passage overlapping one already placed at its level, or a mention
straddling a sentence's edge, is not marked again: its anchor is the one it overlaps, so no link
dangles.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from recoupe.model import Document, Fact, Quote, Sentence, Story

Level = Literal["passage", "mention"]

_WORD = re.compile(r"[^\W_]+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# facts a story page lists unless asked for all (they come best supported first)
FACTS_LISTED = 150
# citations shown per sentence or fact (the templates show as many, and count the rest)
SHOWN_CITATIONS = 10
# below this share of shared words, a sentence is not taken for the one a summary cites (the
# summary already found the document backs the sentence, by TF-IDF cosine over stemmed words:
# the closest sentence by plain words is the one it meant, unless they share almost nothing)
MIN_OVERLAP = 0.3


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def cited_span(
    text: str, sentence: str, candidates: Sequence[Sentence] | None = None
) -> tuple[int, int] | None:
    """Where `sentence` (a summary sentence) is stated in a document's `text`, or None.

    The sentence itself when the text holds it; else the text's sentence (from `candidates`, by
    default punctuation-split) sharing the largest share of its words, when that share reaches
    `MIN_OVERLAP`.
    """
    sentence = sentence.strip().rstrip("…")
    if not sentence:
        return None
    at = text.find(sentence)
    if at >= 0:
        return at, at + len(sentence)
    wanted = _words(sentence)
    if not wanted:
        return None
    if candidates is None:
        from recoupe.facts.nlp import regex_sentences  # punctuation rules only, no model is loaded

        candidates = regex_sentences(text)
    best: tuple[float, int, int] | None = None
    for candidate in candidates:
        share = len(wanted & _words(candidate.text)) / len(wanted)
        if best is None or share > best[0]:
            best = (share, candidate.start, candidate.end)
    if best is None or best[0] < MIN_OVERLAP:
        return None
    return best[1], best[2]


@dataclass(frozen=True, slots=True)
class Mark:
    """A marked span of a text: `anchor` is its id in the page, `kind` its CSS class."""

    start: int
    end: int
    anchor: str
    kind: str
    title: str | None = None


@dataclass(slots=True)
class Piece:
    """A run of text, marked or plain; a marked passage holds its own pieces (mentions)."""

    text: str
    mark: Mark | None = None
    pieces: list[Piece] = field(default_factory=list)


def _overlapping(marks: list[Mark], starts: list[int], start: int, end: int) -> Mark | None:
    """The mark of `marks` (sorted, not overlapping each other; `starts` their starts) that
    overlaps [start, end), if any: the last one starting before `end` is the only candidate."""
    index = bisect_left(starts, end) - 1
    if index >= 0 and marks[index].end > start:
        return marks[index]
    return None


def _insert(marks: list[Mark], starts: list[int], mark: Mark) -> None:
    index = bisect_left(starts, mark.start)
    marks.insert(index, mark)
    starts.insert(index, mark.start)


@dataclass(slots=True)
class TextAnchors:
    """The marks asked for in one document's text, and the anchor each request resolves to."""

    text: str
    prefix: str = ""
    _passages: list[Mark] = field(default_factory=list)  # sorted by start, never overlapping
    _mentions: list[Mark] = field(default_factory=list)  # likewise
    _passage_starts: list[int] = field(default_factory=list)
    _mention_starts: list[int] = field(default_factory=list)
    _sentences: list[Sentence] | None = None

    def find(self, sentence: str) -> tuple[int, int] | None:
        """`cited_span` in this text, its sentences split once."""
        if self._sentences is None:
            from recoupe.facts.nlp import regex_sentences

            self._sentences = regex_sentences(self.text)
        return cited_span(self.text, sentence, self._sentences)

    def anchor_id(self, start: int, end: int) -> str:
        return f"{self.prefix}t{start}-{end}"

    def add(self, start: int, end: int, level: Level, kind: str, title: str | None = None) -> str:
        """Mark text[start:end]; return the anchor a link to it should use."""
        start, end = max(0, start), min(len(self.text), end)
        if start >= end:
            return ""
        anchor = self.anchor_id(start, end)
        passage = _overlapping(self._passages, self._passage_starts, start, end)
        if level == "passage":
            if passage is not None:
                return passage.anchor
            _insert(self._passages, self._passage_starts, Mark(start, end, anchor, kind, title))
            return anchor
        # a mention straddling a passage's edge points at the passage
        if passage is not None and not (passage.start <= start and end <= passage.end):
            return passage.anchor
        mention = _overlapping(self._mentions, self._mention_starts, start, end)
        if mention is not None:
            return mention.anchor
        _insert(self._mentions, self._mention_starts, Mark(start, end, anchor, kind, title))
        return anchor

    def paragraphs(self) -> list[list[Piece]]:
        """The text as paragraphs (split on blank lines) of plain and marked pieces.

        A passage crossing a paragraph break is cut at it; its anchor stays on its first part.
        """
        result: list[list[Piece]] = []
        cursor = 0
        bounds = [(b.start(), b.end()) for b in _PARAGRAPH_BREAK.finditer(self.text)] + [
            (len(self.text), len(self.text))
        ]
        seen: set[str] = set()
        passages = sorted(self._passages, key=lambda m: m.start)
        mentions = sorted(self._mentions, key=lambda m: m.start)
        for brk_start, brk_end in bounds:
            lo, hi = cursor, brk_start
            cursor = brk_end
            # strip the paragraph's outer whitespace, as the clean-text paragraphs do
            while lo < hi and self.text[lo].isspace():
                lo += 1
            while hi > lo and self.text[hi - 1].isspace():
                hi -= 1
            if lo < hi:
                result.append(self._layout(lo, hi, passages, mentions, seen))
        return result

    def _layout(
        self, lo: int, hi: int, passages: Sequence[Mark], mentions: Sequence[Mark], seen: set[str]
    ) -> list[Piece]:
        pieces: list[Piece] = []
        cursor = lo
        for mark in passages:
            start, end = max(mark.start, lo), min(mark.end, hi)
            if start >= end:
                continue
            if cursor < start:
                pieces.extend(self._mentions_in(cursor, start, mentions, seen))
            first = mark.anchor not in seen
            seen.add(mark.anchor)
            shown = mark if first else Mark(start, end, "", mark.kind, mark.title)
            pieces.append(Piece(self.text[start:end], shown, self._mentions_in(start, end, mentions, seen)))
            cursor = end
        if cursor < hi:
            pieces.extend(self._mentions_in(cursor, hi, mentions, seen))
        return pieces

    def _mentions_in(self, lo: int, hi: int, mentions: Sequence[Mark], seen: set[str]) -> list[Piece]:
        pieces: list[Piece] = []
        cursor = lo
        for mark in mentions:
            if mark.start < lo or mark.end > hi:
                continue
            if cursor < mark.start:
                pieces.append(Piece(self.text[cursor : mark.start]))
            shown = mark if mark.anchor not in seen else Mark(mark.start, mark.end, "", mark.kind)
            seen.add(mark.anchor)
            pieces.append(Piece(self.text[mark.start : mark.end], shown))
            cursor = mark.end
        if cursor < hi:
            pieces.append(Piece(self.text[cursor:hi]))
        return pieces


@dataclass(slots=True)
class StoryAnchors:
    """Anchors of one story's citations in its documents' texts.

    `summary[i][doc_id]` is the anchor of summary sentence i in that document (absent when no
    sentence of the document states it); `mentions[(doc_id, start, end)]` the anchor of a fact
    mention or quote.
    """

    texts: dict[str, TextAnchors]
    summary: list[dict[str, str]]
    mentions: dict[tuple[str, int, int], str]
    facts: dict[tuple[str, str], str]  # (fact id, document id) -> anchor of its first mention there
    # per fact: (document id, anchor, the words it is stated in there), one per document in order,
    # the first `shown` documents; and in how many documents it is stated in all
    citations: dict[str, list[tuple[str, str, str]]]
    cited_in: dict[str, int]
    timeline: list[dict[str, str]]
    passages: list[dict[str, str]]  # per shared passage: document id -> anchor

    def of_values(self, fact_ids: Sequence[str], document: str) -> str:
        """The anchor of a discrepancy value in one of its documents."""
        return next((self.facts[(f, document)] for f in fact_ids if (f, document) in self.facts), "")

    def of_mention(self, document: str, start: int | None, end: int | None) -> str:
        if start is None or end is None:
            return ""
        return self.mentions.get((document, start, end), "")


def story_anchors(
    story: Story,
    documents: dict[str, Document],
    *,
    prefix_of: dict[str, str] | None = None,
    texts: dict[str, TextAnchors] | None = None,
    shown: int = SHOWN_CITATIONS,
    all_facts: bool = True,
) -> StoryAnchors:
    """Resolve every citation of `story` to a passage of its documents' texts.

    `prefix_of` gives each document's anchor prefix (the static brief holds every text in one
    page, so its anchors carry the document id); the web view's document page needs none.
    `texts` is shared between the stories of one page, so a text is laid out once. Only the
    first `shown` citations of a sentence or a fact are resolved: the pages show no more (a
    story of hundreds of pages would otherwise mark thousands of passages no link leads to).
    With `all_facts` false, only the first `FACTS_LISTED` facts are resolved (a story page lists
    no more unless asked).
    """
    prefix_of = prefix_of or {}
    texts = {} if texts is None else texts

    def anchors(doc_id: str) -> TextAnchors | None:
        if doc_id not in documents:
            return None
        if doc_id not in texts:
            texts[doc_id] = TextAnchors(documents[doc_id].text, prefix_of.get(doc_id, ""))
        return texts[doc_id]

    def land(sentences: Iterable[tuple[str, Sequence[str]]], kind: str, title: str) -> list[dict[str, str]]:
        landings: list[dict[str, str]] = []
        for number, (text, doc_ids) in enumerate(sentences, start=1):
            landing: dict[str, str] = {}
            for doc_id in doc_ids[:shown]:
                target = anchors(doc_id)
                span = target.find(text) if target else None
                if target and span:
                    anchor = target.add(*span, "passage", kind, f"{title} {number}")
                    if anchor:
                        landing[doc_id] = anchor
            landings.append(landing)
        return landings

    summary = land(((s.text, s.sources) for s in story.summary), "cited", "summary sentence")
    mentions: dict[tuple[str, int, int], str] = {}
    facts: dict[tuple[str, str], str] = {}
    citations: dict[str, list[tuple[str, str, str]]] = {}
    cited_in: dict[str, int] = {}

    def mark_facts(listed: Sequence[Fact], quotes: Sequence[Quote]) -> None:
        # a fact's citation per document leads to its first mention there: only those are marked
        spans: list[tuple[str, int, int, str, str]] = []
        for fact in listed:
            seen: set[str] = set()
            for m in fact.mentions:
                if m.document not in seen and len(seen) < shown:
                    seen.add(m.document)
                    spans.append((m.document, m.start, m.end, fact.kind, fact.label))
        spans.extend(
            (q.document, q.start, q.end, "quote", q.speaker or "quote")
            for q in quotes
            if q.start is not None and q.end is not None
        )
        # sentence-long spans first, so mentions nest inside them; then longer mentions first, so
        # a figure with its noun ("10 000 soldats") is marked whole and a name inside points at it
        for doc_id, start, end, kind, label in sorted(
            spans, key=lambda s: (s[3] not in ("claim", "quote"), s[1] - s[2])
        ):
            target = anchors(doc_id)
            if target is None:
                continue
            level: Level = "passage" if kind in ("claim", "quote") else "mention"
            anchor = target.add(start, end, level, kind, label)
            if anchor:
                mentions[(doc_id, start, end)] = anchor
        for fact in listed:
            words: dict[str, list[str]] = {}
            for m in fact.mentions:
                words.setdefault(m.document, []).append(m.text)
                if (m.document, m.start, m.end) in mentions:
                    facts.setdefault((fact.id, m.document), mentions[(m.document, m.start, m.end)])
            cited_in[fact.id] = len(words)
            citations[fact.id] = [
                (doc_id, facts.get((fact.id, doc_id), ""), " · ".join(texts))
                for doc_id, texts in list(words.items())[:shown]
            ]

    # the facts a story page lists first are marked first, the rest after everything else: a
    # page listing only the first ones, and the document page marking them all, agree on anchors
    mark_facts(story.facts[:FACTS_LISTED], story.quotes)
    timeline = land(((e.text, e.documents) for e in story.timeline), "dated", "timeline entry")
    passages = land(((p.text, p.documents) for p in story.shared_passages), "shared", "shared passage")
    if all_facts:
        mark_facts(story.facts[FACTS_LISTED:], [])
    return StoryAnchors(texts, summary, mentions, facts, citations, cited_in, timeline, passages)
