"""Shared text helpers: folding is the reference definition (NFKD, combining marks dropped),
only faster."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from recoupe.textutil import fold


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
