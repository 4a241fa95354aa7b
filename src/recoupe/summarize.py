"""Brief of one story: a cited extractive summary, a timeline and a title.

The summary prefers what several independent sources state: each candidate sentence is backed
by the documents holding a sentence close to it (TF-IDF cosine over folded, stemmed content
words), and sentences are chosen by independent support, then centrality, avoiding repeats.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from recoupe.crosscheck import Independence
from recoupe.model import Document, Fact, FactMention, Sentence, SummarySentence, TimelineEntry
from recoupe.textutil import sentences_of, tfidf_matrix


@dataclass(slots=True)
class _Candidate:
    doc: Document
    sentence: Sentence
    position: int  # index of the sentence in its document


_NUMBER = re.compile(r"\d[\d\s\u202f\u00a0.,]*\d|\d")


def _numbers(text: str) -> frozenset[str]:
    return frozenset(re.sub(r"\D", "", n) for n in _NUMBER.findall(text))


def _can_back(a: str, b: str) -> bool:
    """Close wording is not agreement when the two sentences state different figures."""
    if len(b.split()) < 6:
        return False
    na, nb = _numbers(a), _numbers(b)
    return not (na and nb and na.isdisjoint(nb))


_ALPHA_WORD = re.compile(r"[^\W\d_]{2,}")


def _is_summary_material(text: str) -> bool:
    """A full declarative sentence of words: not a dateline, a URL fragment or a question."""
    tokens = text.split()
    words = [t for t in tokens if _ALPHA_WORD.search(t)]
    return (
        8 <= len(words) <= 50
        and len(words) >= 0.7 * len(tokens)
        and text[-1:] in '.!…»”"'
        and not text.rstrip().endswith("?")
    )


@dataclass(slots=True)
class _Backed:
    """A candidate sentence with the sentences of other documents that state it too."""

    index: int
    score: float
    backing: dict[str, Sentence]  # document id -> its sentence stating the same (own one included)


@dataclass(slots=True)
class SentenceBacking:
    """Which sentences of a story state the same thing: computed once, read by the summary and
    the claims."""

    sentences: list[_Candidate]
    similarity: np.ndarray
    scored: list[_Backed]  # best first


def sentence_backing(
    docs: Sequence[Document], independence: Independence, *, backing_similarity: float = 0.35
) -> SentenceBacking:
    """Every readable full sentence, scored by independent support, then centrality, then lead."""
    readable = [d for d in docs if d.verdict == "ok"]
    pool = readable or [d for d in docs if d.verdict != "duplicate"] or list(docs)
    citable = readable or list(docs)
    sentences: list[_Candidate] = []
    for doc in citable:
        for i, s in enumerate(sentences_of(doc)):
            sentences.append(_Candidate(doc, s, i))
    if not sentences:
        return SentenceBacking([], np.zeros((0, 0), dtype=np.float32), [])
    matrix = tfidf_matrix([c.sentence.text for c in sentences])
    similarity: np.ndarray = matrix @ matrix.T
    # sentences come grouped by document: each document's rows are one contiguous block
    doc_ids = [c.doc.id for c in sentences]
    block_starts = [i for i in range(len(sentences)) if i == 0 or doc_ids[i] != doc_ids[i - 1]]
    pool_ids = {d.id for d in pool}
    scored: list[_Backed] = []
    for i, cand in enumerate(sentences):
        if cand.doc.id not in pool_ids or not _is_summary_material(cand.sentence.text):
            continue
        row = similarity[i]
        best_per_doc = np.maximum.reduceat(row, block_starts)
        others = [k for k, start in enumerate(block_starts) if doc_ids[start] != cand.doc.id]
        centrality = float(best_per_doc[others].mean()) if others else 0.0
        backing: dict[str, tuple[float, Sentence]] = {cand.doc.id: (1.0, cand.sentence)}
        for j in np.flatnonzero(row >= backing_similarity):
            other = sentences[int(j)]
            sim = float(row[j])
            if other.doc.id == cand.doc.id or sim <= backing.get(other.doc.id, (0.0, other.sentence))[0]:
                continue
            if _can_back(cand.sentence.text, other.sentence.text):
                backing[other.doc.id] = (sim, other.sentence)
        support = independence.documents_support(backing)
        lead_bonus = 0.1 / (1 + cand.position)
        scored.append(_Backed(i, support + centrality + lead_bonus, {d: s for d, (_, s) in backing.items()}))
    scored.sort(key=lambda b: (-b.score, b.index))
    return SentenceBacking(sentences, similarity, scored)


def summarize(
    docs: Sequence[Document],
    independence: Independence,
    *,
    max_sentences: int = 5,
    redundancy: float = 0.5,
    backing: SentenceBacking | None = None,
) -> list[SummarySentence]:
    """Pick up to `max_sentences` sentences; each cites every document that states it."""
    backing = backing or sentence_backing(docs, independence)
    sentences, similarity = backing.sentences, backing.similarity
    chosen: list[_Backed] = []
    for backed in backing.scored:
        if len(chosen) >= max_sentences:
            break
        if any(similarity[backed.index, c.index] >= redundancy for c in chosen):
            continue
        chosen.append(backed)
    return [SummarySentence(sentences[c.index].sentence.text, sorted(c.backing)) for c in chosen]


# what makes a sentence a claim worth checking: a figure, or words that attribute or hedge it
_CLAIM_MARKER = re.compile(
    r"\d|\b(?:selon|d['’]après|aurai(?:t|ent)|serai(?:t|ent)|affirm\w*|estim\w*|assur\w*|déclar\w*"
    r"|indiqu\w*|annonc\w*|according to|reportedly|allegedly|claim\w*|said|says|told|announc\w*)\b",
    re.IGNORECASE,
)


def claim_facts(
    story_id: str,
    docs: Sequence[Document],
    independence: Independence,
    *,
    backing: SentenceBacking | None = None,
) -> list[Fact]:
    """Sentences stating a figure or an attributed claim, each with the sources that state it.

    A claim stated by one independent source only has `support` 1: the brief marks it as such.
    A sentence that already backs an earlier (better supported) claim is not a claim of its own.
    """
    scored = (backing or sentence_backing(docs, independence)).scored
    seen: set[tuple[str, int]] = set()
    claims: list[Fact] = []
    for backed in sorted(scored, key=lambda b: b.index):
        own_doc = next(iter(backed.backing))
        own = backed.backing[own_doc]
        if (own_doc, own.start) in seen or not _CLAIM_MARKER.search(own.text):
            continue
        mentions = [FactMention(d, s.text, s.start, s.end) for d, s in sorted(backed.backing.items())]
        seen.update((m.document, m.start) for m in mentions)
        key = "\x1f".join((story_id, "claim", own_doc, str(own.start)))
        claims.append(
            Fact(
                id="f" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10],
                kind="claim",
                label=_shorten(own.text, 200),
                value=own.text,
                support=independence.support(mentions),
                mentions=mentions,
            )
        )
    claims.sort(key=lambda f: (-f.support, f.id))
    return claims


def _sentence_at(doc: Document, start: int) -> str:
    for s in sentences_of(doc):
        if s.start <= start < s.end:
            return s.text
    return doc.text[max(0, start - 80) : start + 80].strip()


def _shorten(text: str, limit: int = 240) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def build_timeline(docs: Sequence[Document]) -> list[TimelineEntry]:
    """Dated facts (resolved dates only) and publication dates, in date order."""
    readable = [d for d in docs if d.verdict != "junk"] or list(docs)
    by_date: dict[str, TimelineEntry] = {}
    for doc in sorted(readable, key=lambda d: -d.quality):
        for m in doc.mentions:
            if m.kind != "date" or not isinstance(m.value, str):
                continue
            entry = by_date.get(m.value)
            if entry is None:
                by_date[m.value] = TimelineEntry(m.value, _shorten(_sentence_at(doc, m.start)), [doc.id])
            elif doc.id not in entry.documents:
                entry.documents.append(doc.id)
    entries = list(by_date.values())
    for doc in docs:
        if doc.published:
            name = doc.site or doc.source
            title = f" “{doc.title}”" if doc.title else ""
            entries.append(TimelineEntry(doc.published[:10], f"Published by {name}:{title}", [doc.id]))
    for entry in entries:
        entry.documents.sort()
    entries.sort(key=lambda e: (e.date, not e.text.startswith("Published"), e.text))
    return entries


def story_title(docs: Sequence[Document], summary: Sequence[SummarySentence]) -> str:
    """The title of the best readable document, else the summary's first sentence."""
    titled = [d for d in docs if d.title and d.verdict != "duplicate"]
    titled.sort(key=lambda d: (d.verdict != "ok", -d.quality, d.id))
    if titled and titled[0].title:
        return titled[0].title
    if summary:
        return _shorten(summary[0].text, 120)
    first_line = docs[0].text.strip().split("\n", 1)[0] if docs else ""
    return _shorten(first_line, 120) if first_line else "(untitled story)"
