"""Small helpers shared by the stages: folding, content words, sentences without a parser,
TF-IDF, one union-find and one number formatter. Nothing here reads a language's words or loads
a model: `facts` and the whole-set stages import from here, never the other way round."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from typing import Generic, TypeVar

import numpy as np
from scipy import sparse

from recoupe.model import Document, Sentence

_TOKEN = re.compile(r"\w+", re.UNICODE)

# function words of French and English: they say nothing about what a sentence is about
STOPWORDS = frozenset(
    """
    a à au aux avec ce ces cet cette dans de des du elle elles en et eux il ils je la le les leur leurs lui ma
    mais me même mes moi mon ne nos notre nous on ou où par pas pour qu que qui sa se ses son sur ta te tes
    toi ton tu un une vos votre vous y d l n s t c j m qu été être avoir a ont est sont était fait plus
    comme si tout tous toute toutes aussi alors ainsi donc car dont entre sans sous après avant depuis
    the of and or to in on at by for with from as is are was were be been has have had it its this that
    these those an not but which who whom whose their there than then into over also will would can could
    """.split()
)


# combining marks of the Basic Multilingual Plane, deleted by one regex pass in C instead of a
# Python test per character: folding runs on every word of every story
_COMBINING_BMP = re.compile(
    "[" + re.escape("".join(chr(c) for c in range(0x10000) if unicodedata.combining(chr(c)))) + "]"
)
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def fold(text: str) -> str:
    """Case- and accent-folded text, typographic apostrophes made plain."""
    text = text.replace("’", "'").replace("‘", "'").casefold()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    if decomposed.isascii():
        return decomposed
    if _ASTRAL.search(decomposed):  # rare: marks beyond the BMP
        return "".join(c for c in decomposed if not unicodedata.combining(c))
    return _COMBINING_BMP.sub("", decomposed)


def content_words(text: str, *, stem: int = 6, stop: frozenset[str] = frozenset()) -> list[str]:
    """Folded content words cut to `stem` characters: a cheap stemmer that works for FR and EN.
    `stop`: more function words to leave out, folded (those of the page's language)."""
    return [
        w[:stem]
        for w in _TOKEN.findall(fold(text))
        if w not in STOPWORDS and w not in stop and not w.isdigit() and len(w) > 1
    ]


def sentences_of(doc: Document) -> list[Sentence]:
    """The parser's sentences of a document, or punctuation-based ones when no parser ran."""
    return doc.sentences or regex_sentences(doc.text)


# --------------------------------------------------------------------------------------------
# paragraphs and sentences without a parser (the facts stage's parser reads the same paragraphs)
# --------------------------------------------------------------------------------------------

# spaCy's parser needs about 1 GB per 100 000 characters and parses a batch of chunks at once:
# longer paragraphs are cut at sentence ends, so that a batch of 32 stays within a few hundred MB
MAX_CHUNK_CHARS = 10_000

# a paragraph ends at a blank line, or at a line break not followed by a lowercase letter (a
# lowercase letter after a single break means a hard-wrapped line)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*|\n\s*(?![a-zà-ÿ])")
_SENTENCE_END = re.compile(r"[.!?…:;][\"'»”’)\]]*\s*$")
_LETTER_OR_DIGIT = re.compile(r"\w")


def paragraph_chunks(text: str) -> list[str]:
    """Cut `text` into consecutive pieces that together are `text`: one paragraph (and the blank
    space after it) per piece, long paragraphs cut further after a sentence end."""
    pieces: list[str] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if match.end() > start:
            pieces.extend(_cut_long(text[start : match.end()]))
            start = match.end()
    if start < len(text):
        pieces.extend(_cut_long(text[start:]))
    return pieces


def _cut_long(piece: str) -> list[str]:
    out: list[str] = []
    while len(piece) > MAX_CHUNK_CHARS:
        window = piece[:MAX_CHUNK_CHARS]
        cut = max(window.rfind(". "), window.rfind("\n"), window.rfind(" "))
        cut = MAX_CHUNK_CHARS if cut <= 0 else cut + 1
        out.append(piece[:cut])
        piece = piece[cut:]
    if piece:
        out.append(piece)
    return out


def mend_sentences(text: str, spans: Iterable[tuple[int, int]]) -> list[Sentence]:
    stripped: list[tuple[int, int]] = []
    for start, end in spans:
        chunk = text[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        if trail > lead:
            stripped.append((start + lead, start + trail))
    merged: list[tuple[int, int]] = []
    for start, end in stripped:
        if merged:
            prev_start, prev_end = merged[-1]
            same_paragraph = "\n" not in text[prev_end:start]
            if same_paragraph and not _SENTENCE_END.search(text[prev_start:prev_end]):
                merged[-1] = (prev_start, end)
                continue
        merged.append((start, end))
    return [Sentence(s, e, text[s:e]) for s, e in merged if _LETTER_OR_DIGIT.search(text[s:e])]


# a sentence ends after . ! ? … (and closing quotes), before a capital, digit or opening quote;
# 'M.', 'Dr.', 'U.S.'-style abbreviations and initials do not end one
_REGEX_BREAK = re.compile(r"(?<=[.!?…])[\"'»”’)\]]*\s+(?=[«\"“(\[]?\s*[A-ZÀ-ÖØ-Þ0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b\d{1,2}|\b[A-Z]|\b(?:M|Mme|Mlle|Dr|Mr|Mrs|Ms|St|Sr|Jr|Pr|Me|etc|vs|No|art|p))\.$"
)


def regex_sentences(text: str) -> list[Sentence]:
    """Sentences from punctuation and paragraphs alone, for languages without a model."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for piece in paragraph_chunks(text):
        cursor = 0
        for match in _REGEX_BREAK.finditer(piece):
            if _ABBREVIATION.search(piece[cursor : match.start()]):
                continue
            spans.append((offset + cursor, offset + match.start()))
            cursor = match.end()
        spans.append((offset + cursor, offset + len(piece)))
        offset += len(piece)
    return mend_sentences(text, spans)


def tfidf_matrix(texts: Sequence[str]) -> sparse.csr_matrix:
    """Row-normalised TF-IDF matrix over content words, sparse (a story of thousands of
    sentences has a vocabulary of thousands of words: dense, that is hundreds of megabytes);
    a row of zeros for an empty text."""
    vocabulary: dict[str, int] = {}
    indptr, indices, weights = [0], [], []
    for text in texts:
        for word, n in Counter(content_words(text)).items():
            indices.append(vocabulary.setdefault(word, len(vocabulary)))
            weights.append(1.0 + math.log(n))
        indptr.append(len(indices))
    shape = (len(texts), max(1, len(vocabulary)))
    columns = np.asarray(indices, dtype=np.int32)
    data = np.asarray(weights, dtype=np.float32)
    df = np.bincount(columns, minlength=shape[1])
    data *= (np.log((1 + len(texts)) / (1 + df)) + 1.0).astype(np.float32)[columns]
    bounds = np.asarray(indptr, dtype=np.int64)
    squares = np.concatenate([[0.0], np.cumsum(data.astype(np.float64) ** 2)])
    norms = np.sqrt(squares[bounds[1:]] - squares[bounds[:-1]])
    norms[norms == 0] = 1.0
    data /= np.repeat(norms, np.diff(bounds)).astype(np.float32)
    return sparse.csr_matrix((data, columns, bounds), shape=shape)


def row_cosine(matrix: sparse.csr_matrix, a: int, b: int) -> float:
    """Cosine of two rows of a `tfidf_matrix` (rows are unit vectors)."""
    lo_a, hi_a = matrix.indptr[a], matrix.indptr[a + 1]
    lo_b, hi_b = matrix.indptr[b], matrix.indptr[b + 1]
    shared, at_a, at_b = np.intersect1d(
        matrix.indices[lo_a:hi_a], matrix.indices[lo_b:hi_b], assume_unique=True, return_indices=True
    )
    if not len(shared):
        return 0.0
    return float(np.dot(matrix.data[lo_a:hi_a][at_a], matrix.data[lo_b:hi_b][at_b]))


# --------------------------------------------------------------------------------------------
# one union-find, one number formatter
# --------------------------------------------------------------------------------------------

K = TypeVar("K", bound=Hashable)


class UnionFind(Generic[K]):
    """Disjoint sets with path halving; `union` keeps the smaller key as the root, so a rerun
    over the same pairs gives the same representatives."""

    def __init__(self) -> None:
        self.parent: dict[K, K] = {}

    def find(self, x: K) -> K:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: K, b: K) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            low, high = sorted((ra, rb), key=repr)
            self.parent[high] = low

    def groups(self) -> list[list[K]]:
        out: dict[K, list[K]] = {}
        for key in self.parent:
            out.setdefault(self.find(key), []).append(key)
        return list(out.values())


THOUSANDS = "\u202f"  # narrow no-break space between groups of three digits


def format_number(number: float, *, scale_words: bool = False) -> str:
    """10000.0 -> '10 000', 6.1 -> '6.1', 0.7351 -> '0.7351' (narrow no-break space groups);
    with `scale_words`, round millions and billions as words: 5e9 -> '5 billion'."""
    if not math.isfinite(number):
        return str(number)
    if scale_words and abs(number) >= 1e9 and number % 1e7 == 0:
        return f"{number / 1e9:g} billion"
    if scale_words and abs(number) >= 1e6 and number % 1e4 == 0:
        return f"{number / 1e6:g} million"
    if float(number).is_integer():
        return f"{int(number):,}".replace(",", THOUSANDS)
    if abs(number) < 1:
        return f"{number:.6g}"  # a share or a tiny figure: keep its significant digits
    return f"{number:,.4f}".rstrip("0").rstrip(".").replace(",", THOUSANDS)
