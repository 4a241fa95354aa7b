"""Per-language vocabulary as data: one folder per language, one TOML file per concern.

    lang/fr/language.toml   the spaCy model package for the language (and its display name)
    lang/fr/<name>.toml     a lexicon: units, currencies, qualifiers, reporting verbs, generic
                            nouns, furniture phrases, gazetteers... Each file opens with a comment
                            saying where its entries come from.

Rules read the parse first and these lists second; no code path names a word of a language.
Adding a language is adding a folder with `language.toml` (and whichever lexicons it has):
`languages()` lists it, `spacy_model()` names its model, and a lexicon a language lacks reads as
empty, so a rule simply finds nothing there rather than reading the page as another language.

Files are read once per process (`functools.cache`); the loader does no other I/O, but for
the stop-word lists spaCy ships for languages without a folder (`stop_words`).
"""

from __future__ import annotations

import ast
import importlib.util
import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["languages", "lexicon", "spacy_model", "stop_words", "words"]


def _folder(language: str) -> Any:
    return resources.files(__name__).joinpath(language)


@cache
def languages() -> tuple[str, ...]:
    """Codes (ISO 639-1) of the languages that have a folder with a `language.toml`."""
    root = resources.files(__name__)
    return tuple(
        sorted(
            entry.name
            for entry in root.iterdir()
            if entry.is_dir() and entry.joinpath("language.toml").is_file()
        )
    )


@cache
def lexicon(language: str, name: str) -> Mapping[str, Any]:
    """The table in `lang/<language>/<name>.toml`; empty when the language or the file is absent."""
    if language not in languages():
        return {}
    path = _folder(language).joinpath(f"{name}.toml")
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle)


def words(language: str, name: str, key: str) -> frozenset[str]:
    """One word list of a lexicon as a set (`words("fr", "nouns", "generic")`); empty when absent."""
    value = lexicon(language, name).get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"lang/{language}/{name}.toml: {key!r} must be a list of strings")
    return frozenset(value)


def spacy_model(language: str) -> str | None:
    """The spaCy model package of a language, or None when it has none (regex-only pages)."""
    model = lexicon(language, "language").get("spacy_model")
    return model if isinstance(model, str) and model else None


@cache
def stop_words(language: str) -> frozenset[str]:
    """Function words of a language, lowercase: `function_words.toml`'s `stop` list where the
    language has a folder, else the stop-word list spaCy ships for it (its file
    `spacy/lang/<code>/stop_words.py`, read as data: no model, no import of spaCy; German,
    Spanish, Polish... 70-odd languages), else none. Words that say nothing about what a page is about, whatever its language."""
    own = words(language, "function_words", "stop") if language in languages() else frozenset()
    if own:
        return own
    if not language.isalpha():
        return frozenset()
    # the list's own file, not the module: importing anything under `spacy` imports spaCy (0.7 s),
    # which a run without French or English pages otherwise never does
    spec = importlib.util.find_spec("spacy")
    folder = Path(spec.origin).parent if spec is not None and spec.origin else None
    path = folder / "lang" / language / "stop_words.py" if folder is not None else None
    if path is None or not path.is_file():
        return frozenset()
    found = _assigned_set(path.read_text("utf-8"), "STOP_WORDS")
    return frozenset(w.casefold() for w in found)


def _assigned_set(source: str, name: str) -> set[str]:
    """The words of `name = set(\"\"\"...\"\"\".split())` in a Python file, read without running it."""
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            try:
                value = ast.literal_eval(node.value)
            except ValueError:
                value = _split_call(node.value)
            return (
                {w for w in value if isinstance(w, str)} if isinstance(value, (set, list, tuple)) else set()
            )
    return set()


def _split_call(node: ast.expr) -> list[str]:
    """`set("a b c".split())` -> ["a", "b", "c"]: the one shape spaCy's stop-word files use."""
    if (
        isinstance(node, ast.Call)
        and node.args
        and isinstance(call := node.args[0], ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr == "split"
        and isinstance(call.func.value, ast.Constant)
        and isinstance(call.func.value.value, str)
    ):
        return call.func.value.value.split()
    return []
