"""The facts stage: sentences, entities, quantities, dates and quotes of each document.

French and English documents are parsed with spaCy (`recoupe.facts.nlp`: models loaded lazily,
once per process, only when a document of that language comes); other languages and 'und' get
punctuation sentences and the regex extractors (quantities, dates, marked quotes) without a
model. A part that fails on one document leaves a `facts_error` flag naming it, and the run goes
on (`strict=True` re-raises).
"""

from __future__ import annotations

import copy
import hashlib
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from recoupe.facts.nlp import SpacyModels, regex_sentences, sentences, shared_models
from recoupe.model import Document, Flag, Mention, QuoteMention, Sentence
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
        self,
        *,
        batch_size: int = 32,
        strict: bool = False,
        models: SpacyModels | None = None,
        memo_size: int = 256,
    ) -> None:
        if batch_size < 1:
            raise ValueError(f"facts.batch_size must be >= 1, got {batch_size!r}")
        if memo_size < 0:
            raise ValueError(f"facts.memo_size must be >= 0, got {memo_size!r}")
        self.batch_size = batch_size
        self.strict = strict
        self.models = models if models is not None else shared_models()
        # What the last texts read gave, by (language, publication date, text): a copy of a page
        # (a wire story on several sites, cleaned to the same text) is not parsed again.
        self.memo_size = memo_size
        self._memo: OrderedDict[tuple[str, str | None, str], _Read] = OrderedDict()
        self.memo_hits = 0

    def process(self, doc: Document) -> Document:
        return self.process_many([doc])[0]

    def process_many(self, docs: Sequence[Document]) -> list[Document]:
        """Fill every document in place (and return them), parsing each language in batches;
        a text read moments ago (the same language and date) takes a copy of what it gave."""
        by_language: dict[str, list[Document]] = defaultdict(list)
        copies: dict[tuple[str, str | None, str], list[Document]] = {}
        for doc in docs:
            if self._recall(doc):
                continue
            if self.memo_size:
                key = self._key(doc)
                if key in copies:  # the same text earlier in this batch: read once
                    copies[key].append(doc)
                    continue
                copies[key] = []
            by_language[_language(doc)].append(doc)
        for language, group in by_language.items():
            if not self.models.supports(language):
                for doc in group:
                    self._fill_and_remember(doc, language, None, copies)
                continue
            for i in range(0, len(group), self.batch_size):
                batch = group[i : i + self.batch_size]
                for doc, sdoc in zip(batch, self._parse(batch, language), strict=True):
                    self._fill_and_remember(doc, language, sdoc, copies)
        return list(docs)

    def _fill_and_remember(
        self,
        doc: Document,
        language: str,
        sdoc: Doc | None,
        copies: dict[tuple[str, str | None, str], list[Document]],
    ) -> None:
        flags_before = len(doc.flags)
        self._fill(doc, language, sdoc)
        if self.memo_size:
            self._remember(doc, flags_before)
            for copy_ in copies.get(self._key(doc), []):
                self._recall(copy_)

    def _key(self, doc: Document) -> tuple[str, str | None, str]:
        return (_language(doc), doc.published, hashlib.sha1(doc.text.encode("utf-8")).hexdigest())

    def _recall(self, doc: Document) -> bool:
        if not self.memo_size:
            return False
        read = self._memo.get(self._key(doc))
        if read is None:
            return False
        self._memo.move_to_end(self._key(doc))
        doc.sentences, doc.mentions, doc.quotes = copy.deepcopy((read.sentences, read.mentions, read.quotes))
        doc.flags.extend(copy.deepcopy(read.flags))
        self.memo_hits += 1
        return True

    def _remember(self, doc: Document, flags_before: int) -> None:
        if not self.memo_size:
            return
        read = _Read(doc.sentences, doc.mentions, doc.quotes, doc.flags[flags_before:])
        self._memo[self._key(doc)] = copy.deepcopy(read)
        while len(self._memo) > self.memo_size:
            self._memo.popitem(last=False)

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


@dataclass(slots=True)
class _Read:
    """What reading one text gave: kept to fill a copy of it."""

    sentences: list[Sentence]
    mentions: list[Mention]
    quotes: list[QuoteMention]
    flags: list[Flag]


def _language(doc: Document) -> str:
    return (doc.language or "und").lower().split("-")[0]
