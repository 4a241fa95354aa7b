"""Small text helpers shared by the whole-set stages: folding, content words, sentence fallback."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

import numpy as np

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


def fold(text: str) -> str:
    """Case- and accent-folded text, typographic apostrophes made plain."""
    text = text.replace("’", "'").replace("‘", "'").casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def content_words(text: str, *, stem: int = 6) -> list[str]:
    """Folded content words cut to `stem` characters: a cheap stemmer that works for FR and EN."""
    return [
        w[:stem] for w in _TOKEN.findall(fold(text)) if w not in STOPWORDS and not w.isdigit() and len(w) > 1
    ]


def sentences_of(doc: Document) -> list[Sentence]:
    """The parser's sentences of a document, or punctuation-based ones when no parser ran."""
    if doc.sentences:
        return doc.sentences
    from recoupe.facts.nlp import regex_sentences  # the facts package's rule, without loading a model

    return regex_sentences(doc.text)


def tfidf_matrix(texts: Sequence[str]) -> np.ndarray:
    """Row-normalised TF-IDF matrix over content words; a row of zeros for an empty text."""
    tokenised = [Counter(content_words(t)) for t in texts]
    vocabulary: dict[str, int] = {}
    for counts in tokenised:
        for word in counts:
            vocabulary.setdefault(word, len(vocabulary))
    matrix = np.zeros((len(texts), max(1, len(vocabulary))), dtype=np.float32)
    for row, counts in enumerate(tokenised):
        for word, n in counts.items():
            matrix[row, vocabulary[word]] = 1.0 + math.log(n)
    df = (matrix > 0).sum(axis=0)
    matrix *= np.log((1 + len(texts)) / (1 + df)) + 1.0
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    result: np.ndarray = matrix / norms
    return result
