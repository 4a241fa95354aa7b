"""The one place where stages are composed: pages in, a `Brief` out.

    clean (per page, after a whole-run pass over line statistics)
    -> judge (per document) -> fixed order (publication date, then source)
    -> dedup (whole set) -> facts (per document, models loaded once, lazily)
    -> stories (whole set) -> shared passages, cross-check, summary, timeline (per story)

The CLI and the web call `build_brief`; they never reimplement a step. Stages are built by name
from one configuration mapping (`{"judge": {"junk_below": 0.3}, ...}`) so that a mistake in it
fails at once with the names allowed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from recoupe import __version__
from recoupe.clean import Cleaner
from recoupe.crosscheck import Independence, cross_check
from recoupe.dedup import Dedup
from recoupe.facts import FactExtractor
from recoupe.judge import Judge
from recoupe.model import Brief, Document, DuplicateCluster, InputEntry, Page, SharedPassage, Story
from recoupe.stage import Stage, make_stage
from recoupe.stories import Stories
from recoupe.summarize import build_timeline, claim_facts, sentence_backing, story_title, summarize

ProgressCallback = Callable[[str, int, int], None]
StageT = TypeVar("StageT", bound=Stage)
RecordT = TypeVar("RecordT", Page, Document)

STAGE_ORDER = ("clean", "judge", "dedup", "facts", "stories")
# documents handed to the facts stage at a time, so that long runs report progress
FACTS_CHUNK = 64


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


@dataclass(slots=True)
class PipelineConfig:
    """Options per stage name, overlaid on the stages' own defaults."""

    stages: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    summary_sentences: int = 5
    # a page a stage fails on becomes an `error` input and the run goes on; strict re-raises
    strict: bool = False

    def __post_init__(self) -> None:
        unknown = set(self.stages) - set(STAGE_ORDER)
        if unknown:
            raise ValueError(
                f"unknown stage(s) in configuration: {', '.join(sorted(unknown))}; "
                f"allowed: {', '.join(STAGE_ORDER)}"
            )
        if self.summary_sentences < 1:
            raise ValueError(f"summary_sentences must be >= 1, got {self.summary_sentences!r}")


def processing_order(doc: Document) -> tuple[int, str, str]:
    """Publication date first (undated pages last), then source: the same set, the same result."""
    return (doc.published is None, doc.published or "", doc.source)


def _build(name: str, kind: type[StageT], options: Mapping[str, Mapping[str, Any]]) -> StageT:
    """The stage registered under `name`, built with its options; it must be of the kind expected."""
    stage = make_stage(name, **options.get(name, {}))
    if not isinstance(stage, kind):
        raise TypeError(f"stage {name!r} is a {type(stage).__name__}, expected a {kind.__name__}")
    return stage


class Pipeline:
    def __init__(self, config: PipelineConfig | None = None) -> None:
        self.config = config or PipelineConfig()
        options = self.config.stages
        self.cleaner = _build("clean", Cleaner, options)
        self.judge = _build("judge", Judge, options)
        self.dedup = _build("dedup", Dedup, options)
        self.facts = _build("facts", FactExtractor, options)
        self.stories = _build("stories", Stories, options)

    def documents(
        self,
        pages: Sequence[Page],
        progress: ProgressCallback = _no_progress,
        failures: dict[str, str] | None = None,
    ) -> tuple[list[Document], list[DuplicateCluster]]:
        """Clean, judge, order, deduplicate and extract facts: documents ready for stories.

        A page a per-page stage fails on is left out and its reason put in `failures` (by source),
        unless the configuration is strict.
        """
        failures = {} if failures is None else failures
        progress("clean", 0, len(pages))
        self.cleaner.fit(pages)
        docs = [d for page in pages if (d := self._guarded(self.cleaner.process, page, "cleaned", failures))]
        progress("judge", 0, len(docs))
        docs = [d for doc in docs if (d := self._guarded(self.judge.process, doc, "judged", failures))]
        docs.sort(key=processing_order)
        progress("dedup", 0, len(docs))
        clusters = self.dedup.run(docs)
        progress("facts", 0, len(docs))
        for start in range(0, len(docs), FACTS_CHUNK):
            self.facts.process_many(docs[start : start + FACTS_CHUNK])
            progress("facts", min(start + FACTS_CHUNK, len(docs)), len(docs))
        return docs, clusters

    def _guarded(
        self, step: Callable[[RecordT], Document], record: RecordT, verb: str, failures: dict[str, str]
    ) -> Document | None:
        try:
            return step(record)
        except Exception as error:
            if self.config.strict:
                raise
            failures[record.source] = f"could not be {verb}: {type(error).__name__}: {error}"
            return None

    def brief(
        self,
        pages: Sequence[Page],
        inputs: Sequence[InputEntry],
        progress: ProgressCallback = _no_progress,
    ) -> Brief:
        failures: dict[str, str] = {}
        docs, clusters = self.documents(pages, progress, failures)
        inputs = [
            InputEntry(e.source, "error", None, failures[e.source]) if e.source in failures else e
            for e in inputs
        ]
        progress("stories", 0, len(docs))
        passages = self.dedup.shared_passages(docs)
        independence = Independence.of(docs, passages)
        by_id = {d.id: d for d in docs}
        story_records: list[Story] = []
        for member_ids in self.stories.run(docs):
            story_id = self.stories.story_id(member_ids)
            story = self._story(story_id, [by_id[i] for i in member_ids], passages, independence)
            for doc_id in member_ids:
                by_id[doc_id].story = story.id
            story_records.append(story)
        progress("done", len(docs), len(docs))
        return Brief(
            recoupe_version=__version__,
            generated_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            inputs=list(inputs),
            documents=docs,
            stories=story_records,
            duplicates=clusters,
        )

    def _story(
        self,
        story_id: str,
        docs: list[Document],
        passages: Sequence[SharedPassage],
        independence: Independence,
    ) -> Story:
        ids = {d.id for d in docs}
        own_passages = [p for p in passages if len(ids.intersection(p.documents)) >= 2]
        checked = cross_check(story_id, docs, own_passages, independence=independence)
        backing = sentence_backing(docs, independence)
        summary = summarize(docs, independence, max_sentences=self.config.summary_sentences, backing=backing)
        return Story(
            id=story_id,
            title=story_title(docs, summary),
            documents=[d.id for d in docs],
            summary=summary,
            facts=checked.facts + claim_facts(story_id, docs, independence, backing=backing),
            quotes=checked.quotes,
            discrepancies=checked.discrepancies,
            timeline=build_timeline(docs),
            shared_passages=own_passages,
        )


def build_brief(
    pages: Sequence[Page],
    inputs: Sequence[InputEntry],
    *,
    config: PipelineConfig | None = None,
    progress: ProgressCallback = _no_progress,
) -> Brief:
    """Everything between reading pages and rendering: the library entry point."""
    return Pipeline(config).brief(pages, inputs, progress)
