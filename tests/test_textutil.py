"""Shared text helpers: folding is the reference definition (NFKD, combining marks dropped),
only faster; the sparse TF-IDF is the dense one it replaced, without its memory."""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recoupe.textutil import content_words, fold, row_cosine, tfidf_matrix


def reference_fold(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").casefold()
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def test_fold_of_real_names_and_sentences() -> None:
    # names and a sentence from rpm2 T03_C2 and ECB+; a Devanagari word keeps its vowel signs' bases
    assert fold("Les États-Unis") == "les etats-unis"
    assert fold("l’Élysée") == "l'elysee"
    assert fold("Caisse d’Épargne") == "caisse d'epargne"
    assert fold("STRASSE Straße") == "strasse strasse"
    assert fold("Ñandú İstanbul") == reference_fold("Ñandú İstanbul")
    assert fold("नमस्ते") == reference_fold("नमस्ते")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_fold_equals_the_reference_definition(text: str) -> None:
    assert fold(text) == reference_fold(text)


def dense_tfidf(texts: list[str]) -> np.ndarray:
    """The reference: the dense matrix recoupe computed before it went sparse."""
    tokenised = [Counter(content_words(t)) for t in texts]
    vocabulary: dict[str, int] = {}
    for counts in tokenised:
        for word in counts:
            vocabulary.setdefault(word, len(vocabulary))
    matrix = np.zeros((len(texts), max(1, len(vocabulary))), dtype=np.float64)
    for row, counts in enumerate(tokenised):
        for word, n in counts.items():
            matrix[row, vocabulary[word]] = 1.0 + math.log(n)
    df = (matrix > 0).sum(axis=0)
    matrix *= np.log((1 + len(texts)) / (1 + df)) + 1.0
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    result: np.ndarray = matrix / norms
    return result


def test_sparse_tfidf_equals_the_dense_reference_on_real_sentences(examples_dir: Path) -> None:
    # every sentence-like line of the seed pages, with an empty one and a repeated one
    lines = [x for p in sorted(examples_dir.glob("*.txt")) for x in p.read_text(encoding="utf-8").split("\n")]
    texts = [*lines[:400], "", lines[3]]
    matrix = tfidf_matrix(texts)
    assert matrix.shape[0] == len(texts)
    assert np.allclose(matrix.toarray(), dense_tfidf(texts), atol=1e-6)
    dense = matrix.toarray()
    for a, b in [(0, 1), (3, len(texts) - 1), (5, len(texts) - 2), (10, 200)]:
        assert row_cosine(matrix, a, b) == pytest.approx(float(dense[a] @ dense[b]), abs=1e-6)
    assert row_cosine(matrix, 3, len(texts) - 1) == pytest.approx(1.0 if dense[3].any() else 0.0, abs=1e-6)
