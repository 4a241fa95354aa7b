"""The facts stage: sentences, entities, quantities, dates and quotes of each document.

French and English documents are parsed with spaCy (`recoupe.facts.nlp`: models loaded lazily,
once per process, only when a document of that language comes); other languages and 'und' get
punctuation sentences and the regex extractors (quantities, dates, marked quotes) without a
model. A part that fails on one document leaves a `facts_error` flag naming it, and the run goes
on (`strict=True` re-raises).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from recoupe.facts.nlp import SpacyModels, regex_sentences, sentences, shared_models
from recoupe.model import Document, Flag, Mention
from recoupe.stage import DocumentStage, register

if TYPE_CHECKING:
    from spacy.tokens import Doc

T = TypeVar("T")

__all__ = ["FactExtractor", "SpacyModels"]


@register("facts")
class FactExtractor(DocumentStage):
    """Fill `sentences`, `mentions` (entities, quantities, money, dates) and `quotes`."""

    requires = ("document.text", "document.language", "document.published")
    assigns = ("document.sentences", "document.mentions", "document.quotes")

    def __init__(
        self, *, batch_size: int = 32, strict: bool = False, models: SpacyModels | None = None
    ) -> None:
        if batch_size < 1:
            raise ValueError(f"facts.batch_size must be >= 1, got {batch_size!r}")
        self.batch_size = batch_size
        self.strict = strict
        self.models = models if models is not None else shared_models()

    def process(self, doc: Document) -> Document:
        return self.process_many([doc])[0]

    def process_many(self, docs: Sequence[Document]) -> list[Document]:
        """Fill every document in place (and return them), parsing each language in batches."""
        by_language: dict[str, list[Document]] = defaultdict(list)
        for doc in docs:
            by_language[_language(doc)].append(doc)
        for language, group in by_language.items():
            if not self.models.supports(language):
                for doc in group:
                    self._fill(doc, language, None)
                continue
            for i in range(0, len(group), self.batch_size):
                batch = group[i : i + self.batch_size]
                for doc, sdoc in zip(batch, self._parse(batch, language), strict=True):
                    self._fill(doc, language, sdoc)
        return list(docs)

    def _parse(self, batch: list[Document], language: str) -> list[Doc | None]:
        """Parse a batch; when that fails, each document alone, so only the bad one goes unparsed."""
        try:
            return list(self.models.parse_many([d.text for d in batch], language))
        except Exception:
            if self.strict:
                raise
        return [self._guard(d, "parse", partial(self.models.parse, d.text, language)) for d in batch]

    def _fill(self, doc: Document, language: str, sdoc: Doc | None) -> None:
        from recoupe.facts.dates import extract_dates
        from recoupe.facts.entities import extract_entities
        from recoupe.facts.quantities import extract_quantities
        from recoupe.facts.quotes import extract_quotes

        text = doc.text
        doc.sentences = (sentences(sdoc) if sdoc is not None else None) or regex_sentences(text)
        entities: list[Mention] = []
        if sdoc is not None:
            entities = self._guard(doc, "entities", lambda: extract_entities(sdoc, language)) or []
        quantities = (
            self._guard(doc, "quantities", lambda: extract_quantities(text, language, sdoc=sdoc)) or []
        )
        dates = (
            self._guard(doc, "dates", lambda: extract_dates(text, doc.published, language, sdoc=sdoc)) or []
        )
        doc.mentions = sorted([*entities, *quantities, *dates], key=lambda m: (m.start, m.end, m.kind))
        doc.quotes = self._guard(doc, "quotes", lambda: extract_quotes(text, sdoc, entities, language)) or []

    def _guard(self, doc: Document, part: str, work: Callable[[], T]) -> T | None:
        """Run one part; a failure is a flag on the document, not the end of the run."""
        try:
            return work()
        except Exception as error:
            if self.strict:
                raise
            doc.flags.append(Flag("facts_error", f"{part}: {type(error).__name__}: {error}"))
            return None


def _language(doc: Document) -> str:
    return (doc.language or "und").lower().split("-")[0]
