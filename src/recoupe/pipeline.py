"""The one place where stages are composed: pages in, a `Brief` out.

    site lines (whole-corpus pass: the picklable `SiteStatistics`)
    -> clean, judge, facts (per page, pure: `recoupe.executor` runs them in this process, a
       pool of workers or Ray, models loaded once per worker) -> fixed order (date, then source)
    -> dedup (whole-corpus pass) -> stories (whole-corpus pass)
    -> shared passages, cross-check, summary, timeline (per story)

Before anything runs, the chain of stages is checked (`recoupe.stage.check_chain`): each stage's
`requires` must be provided by the input or assigned by an earlier stage.

The CLI and the web call `build_brief`; they never reimplement a step. Stages are built by name
from one configuration mapping (`{"judge": {"junk_below": 0.3}, ...}`) so that a mistake in it
fails at once with the names allowed.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from recoupe import __version__
from recoupe.clean import Cleaner, clean_page, site_key
from recoupe.crosscheck import Independence, cross_check
from recoupe.dedup import Dedup
from recoupe.executor import ENGINES, DocumentStages, Engine, PageOutcome, PagePool, process_pages
from recoupe.facts import FactExtractor
from recoupe.judge import Judge
from recoupe.limits import Limits
from recoupe.model import (
    Brief,
    Document,
    DuplicateCluster,
    InputEntry,
    Page,
    SharedPassage,
    SiteStatistics,
    Story,
)
from recoupe.stage import Stage, check_chain, make_stage, record_fields
from recoupe.stories import Stories
from recoupe.summarize import build_timeline, story_title, summarize

ProgressCallback = Callable[[str, int, int], None]
StageT = TypeVar("StageT", bound=Stage)

STAGE_ORDER = ("clean", "judge", "dedup", "facts", "stories")
# the `--set` section that holds the per-page limits rather than a stage's options
LIMITS_SECTION = "limits"
# below this many pages per worker a run stays in this process: each worker loads its own models
# (about 3 s for the French one), which costs more than it saves on a few pages
POOL_MIN_PAGES_PER_WORKER = 10


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


@dataclass(slots=True)
class PipelineConfig:
    """Options per stage name, overlaid on the stages' own defaults."""

    stages: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    summary_sentences: int = 5
    # a page a stage fails on becomes an `error` input and the run goes on; strict re-raises
    strict: bool = False
    # per-page limits; `stages["limits"]` (from `--set limits.max_chars=...`) overrides them
    limits: Limits = field(default_factory=Limits)
    # per-document stages: processes (1: this process; None: the number of cores), engine, Ray address
    workers: int | None = 1
    engine: Engine = "local"
    address: str | None = None

    def __post_init__(self) -> None:
        if LIMITS_SECTION in self.stages:
            section = self.stages[LIMITS_SECTION]
            if not isinstance(section, Mapping):
                raise ValueError(f"limits must be a mapping of limit names to values, got {section!r}")
            self.limits = self.limits.with_options(dict(section))
            self.stages = {name: opts for name, opts in self.stages.items() if name != LIMITS_SECTION}
        unknown = set(self.stages) - set(STAGE_ORDER)
        if unknown:
            raise ValueError(
                f"unknown stage(s) in configuration: {', '.join(sorted(unknown))}; "
                f"allowed: {', '.join(STAGE_ORDER)}, and {LIMITS_SECTION}"
            )
        if self.workers is not None and (isinstance(self.workers, bool) or self.workers < 1):
            raise ValueError(f"workers must be an integer >= 1, got {self.workers!r}")
        if self.engine not in ENGINES:
            raise ValueError(f"unknown engine {self.engine!r}; engines: {', '.join(ENGINES)}")
        if self.address is not None and self.engine != "ray":
            raise ValueError("an address is for the Ray engine: give engine='ray' (--engine ray) with it")
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
        check_chain(
            [self.cleaner.site_lines, self.cleaner, self.judge, self.facts, self.dedup, self.stories],
            record_fields("page"),
        )

    def documents(
        self,
        pages: Sequence[Page],
        progress: ProgressCallback = _no_progress,
        failures: dict[str, str] | None = None,
        notes: dict[str, InputEntry] | None = None,
    ) -> tuple[list[Document], list[DuplicateCluster]]:
        """Site lines, then clean, judge and facts per page (through the executor), then the
        fixed order and dedup: documents ready for stories.

        A page a per-page stage fails on is left out and its reason put in `failures` (by source),
        unless the configuration is strict. `notes` receives, by source, the input entry of every
        page a limit cut (status ok, with the limit in its reason) or skipped (status skipped) and
        of every page that failed (status error).
        """
        failures = {} if failures is None else failures
        notes = {} if notes is None else notes
        progress("clean", 0, len(pages))
        stages = DocumentStages(
            options={name: dict(self.config.stages.get(name, {})) for name in ("clean", "judge", "facts")},
            statistics=self.cleaner.fit(pages),
            limits=self.config.limits,
            strict=self.config.strict,
        )
        workers = self.config.workers or os.cpu_count() or 1
        if self.config.engine == "local" and len(pages) < POOL_MIN_PAGES_PER_WORKER * workers:
            workers = 1
        docs: list[Document] = []
        outcomes = process_pages(
            pages, stages, workers=workers, engine=self.config.engine, address=self.config.address
        )
        for done, outcome in enumerate(outcomes, start=1):
            if outcome.document is not None:
                docs.append(outcome.document)
                if outcome.reason:
                    notes[outcome.source] = InputEntry(
                        outcome.source, "ok", outcome.document.id, outcome.reason
                    )
            else:
                reason = outcome.reason or "no document"
                if outcome.status == "error":
                    failures[outcome.source] = reason
                notes[outcome.source] = InputEntry(outcome.source, outcome.status, None, reason)
            progress("clean, judge, facts", done, len(pages))
        docs.sort(key=processing_order)
        progress("dedup", 0, len(docs))
        clusters = self.dedup.run(docs)
        return docs, clusters

    def run_pass(self, name: str, records: Sequence[Any]) -> Any:
        """Rerun one whole-corpus pass on its own: "site_lines" over pages (-> `SiteStatistics`),
        "dedup" over documents (-> duplicate clusters, marking the copies), "stories" over
        documents (-> lists of member ids)."""
        passes: dict[str, Callable[[Sequence[Any]], Any]] = {
            "site_lines": self.cleaner.fit,
            "dedup": self.dedup.run,
            "stories": self.stories.run,
        }
        if name not in passes:
            raise ValueError(f"unknown pass {name!r}; passes: {', '.join(passes)}")
        return passes[name](records)

    def brief(
        self,
        pages: Sequence[Page],
        inputs: Sequence[InputEntry],
        progress: ProgressCallback = _no_progress,
    ) -> Brief:
        notes: dict[str, InputEntry] = {}
        docs, clusters = self.documents(pages, progress, notes=notes)
        inputs = [_noted(e, notes[e.source]) if e.source in notes else e for e in inputs]
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

    # -- for a corpus store (recoupe.corpus): per-page stages without the whole-set passes, and
    # -- one story rebuilt from its documents

    def clean_with(self, page: Page, furniture: Mapping[str, frozenset[str]]) -> Document:
        """Clean one page with the furniture lines given per site (a store's, not this set's)."""
        site = site_key(page)
        lines = furniture.get(site, frozenset()) if site is not None else frozenset()
        return clean_page(page, site_furniture=lines, options=self.cleaner.options)

    def document_stages(self, furniture: Mapping[str, frozenset[str]]) -> DocumentStages:
        """The per-document stages as a worker needs them, cleaning with the furniture given."""
        return DocumentStages(
            options={name: dict(self.config.stages.get(name, {})) for name in ("clean", "judge", "facts")},
            statistics=SiteStatistics(
                furniture=dict(furniture),
                min_pages=self.cleaner.options.min_site_repeat,
                max_chars=self.cleaner.options.max_furniture_chars,
            ),
            limits=self.config.limits,
            strict=self.config.strict,
        )

    def prepare(
        self,
        pages: Sequence[Page],
        furniture: Mapping[str, frozenset[str]],
        *,
        pool: PagePool | None = None,
    ) -> dict[str, PageOutcome]:
        """Clean (with the furniture given per site), judge and read each page for facts through
        the executor (this process, a pool of `config.workers`, or Ray), with the per-page limits.
        By page source: its outcome (a document, or why there is none). No whole-set pass runs:
        a store deduplicates and groups stories itself. `pool`: a running pool of workers to
        use (a corpus add keeps one across its chunks)."""
        stages = self.document_stages(furniture)
        workers = self.config.workers or os.cpu_count() or 1
        if (
            self.config.engine == "local"
            and pool is None
            and len(pages) < POOL_MIN_PAGES_PER_WORKER * workers
        ):
            workers = 1
        outcomes = process_pages(
            pages, stages, workers=workers, engine=self.config.engine, address=self.config.address, pool=pool
        )
        return {outcome.source: outcome for outcome in outcomes}

    def story(self, story_id: str, docs: Sequence[Document]) -> Story:
        """One story rebuilt from its documents (duplicates included, in processing order):
        passages shared among them, cross-check, claims, summary, timeline."""
        ordered = sorted(docs, key=processing_order)
        passages = self.dedup.shared_passages(ordered)
        independence = Independence.of(ordered, passages)
        return self._story(story_id, ordered, passages, independence)

    def _story(
        self,
        story_id: str,
        docs: list[Document],
        passages: Sequence[SharedPassage],
        independence: Independence,
    ) -> Story:
        ids = {d.id for d in docs}
        own_passages = [p for p in passages if len(ids.intersection(p.documents)) >= 2]
        # cross-check is the one story-level stage: summary and timeline read what it yields
        checked = cross_check(story_id, docs, own_passages, independence=independence)
        summary = summarize(
            docs, independence, max_sentences=self.config.summary_sentences, backing=checked.backing
        )
        return Story(
            id=story_id,
            title=story_title(docs, summary),
            documents=[d.id for d in docs],
            summary=summary,
            facts=checked.facts + checked.claims,
            quotes=checked.quotes,
            discrepancies=checked.discrepancies,
            timeline=build_timeline(docs),
            shared_passages=own_passages,
        )


def _noted(entry: InputEntry, note: InputEntry) -> InputEntry:
    """A page's input entry after the per-page stages: their status and reason, keeping a note
    the reader had already made (an unreadable date) beside a limit's."""
    reasons = [r for r in (entry.reason if entry.status == "ok" else None, note.reason) if r]
    return InputEntry(entry.source, note.status, note.document, "; ".join(reasons) or None)


def build_brief(
    pages: Sequence[Page],
    inputs: Sequence[InputEntry],
    *,
    config: PipelineConfig | None = None,
    progress: ProgressCallback = _no_progress,
) -> Brief:
    """Everything between reading pages and rendering: the library entry point."""
    return Pipeline(config).brief(pages, inputs, progress)
