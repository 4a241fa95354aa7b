"""A corpus that grows: pages added to a store, with only what changed recomputed.

    add(pages) -> per chunk of pages, in one write transaction:
        inputs known by (source, content hash)     -> skipped: the same bytes change nothing
        site lines -> furniture per site           -> pages of a site whose furniture changed
                                                      are cleaned again (facts again only when
                                                      their text changed)
        clean, judge, facts (Pipeline.prepare)     -> each new page once
        dedup: persistent MinHash-LSH bands        -> `find_duplicates` rerun on the connected
                                                      candidates of what changed
        stories: candidate index (postings)        -> average-link (`stories.average_link`) rerun
                                                      on the new documents and the stories they
                                                      come close to, plus the region of one stored
                                                      document per new one (`_sweep`)
        stories marked dirty
    then the dirty stories rebuilt (Pipeline.story: passages, cross-check, summary, timeline),
    in transactions of their own: a killed add leaves them dirty and the next add rebuilds them.

Stable ids. A story keeps the id its founding document gave it (`stories.story_id([doc])`) as
pages join it; when two stories merge, the one keeping more of the members keeps its id and the
other's id redirects to it (`Store.resolve_story_id`). Facts are named from their story id and
what they state (`crosscheck`), so they keep their id as support grows.

Similarity for stories is the stories stage's: cosine of TF-IDF vectors over `story_features`
(words, and names weighted `name_weight`), times its time factor, with the inverse document
frequency of the whole store rather than of the region being clustered. Candidates come from the
postings of a document's rarer terms, so the work per added page does not grow with the store.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import multiprocessing
import os
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from typing import BinaryIO, TypeVar

import numpy as np
import numpy.typing as npt
from datasketch import MinHashLSH

from recoupe.clean import site_key
from recoupe.clean.site_lines import PageLines, furniture_lines, page_lines
from recoupe.crosscheck import Independence
from recoupe.dedup import (
    Sketcher,
    find_duplicates,
    lsh_candidate_threshold,
    shingle_set,
    sketches_may_match,
    verify_pair,
)
from recoupe.executor import PageOutcome, PagePool, start_ray
from recoupe.model import Document, DuplicateCluster, InputEntry, Page, Story, document_id
from recoupe.pipeline import POOL_MIN_PAGES_PER_WORKER, Pipeline, PipelineConfig, processing_order
from recoupe.store import Store, StoryRow
from recoupe.store.codec import EncodedStory, document_from_row, encode_story
from recoupe.stories import (
    VectorMatrix,
    cluster_matrix,
    similarity_block,
    story_features,
    story_id,
)

T = TypeVar("T")
F64 = npt.NDArray[np.float64]
ProgressCallback = Callable[[str, int, int], None]

# pages per write transaction: what a kill can lose, and what a concurrent add waits for
CHUNK_PAGES = 128
# pages per chunk and worker when the per-page stages run in a pool or on Ray: the workers read
# one chunk while this process writes the one before. Small enough that the story regions a
# chunk opens stay small (a region holds 500 + 4 stored documents per new page, and average
# link keeps its non-zero pairs): 3,000 FreSaDa pages peak at 1,160 MiB in chunks of 128 and
# 1,873 MiB in chunks of 512 (bench/README.md)
POOL_PAGES_PER_WORKER = 64
# stories rebuilt per transaction
REBUILD_BATCH = 64
# ... and between two chunks, while the workers read the next: a few, to stop soon after they are done
REBUILD_WHILE_READING = 4
# a final rebuild of at least this many stories runs in a pool of processes (`workers`): below,
# starting them (about a second: imports, no model) costs more than it saves
PARALLEL_REBUILD_MIN_STORIES = 24
# a document's candidates come from postings of its terms found in at most this share of the
# store (and always those in at most MIN_RARE_DF documents, never those in more than
# MAX_RARE_DF): common words weigh little in a cosine and their postings are long. Without the
# ceiling a page read postings in proportion to the store (2 % of 100,000 pages: 2,000 per
# term), and an add grew as the square of the corpus; 250 is where 2 % of FreSaDa's 11,570
# articles stands, so every figure measured up to that size is unchanged.
RARE_SHARE = 0.02
MIN_RARE_DF = 50
MAX_RARE_DF = 250
# terms of a document used to look up candidates, rarest-weighted first
QUERY_TERMS = 40
# candidates scored in full per document
MAX_CANDIDATES = 60
# stories a document may pull into its region (its closest ones): 3 lost agreement with the
# batch where stories are many and small (FreSaDa 1,000 one at a time: B-cubed 0.922 -> 0.943 at 8)
MAX_CANDIDATE_STORIES = 8
# stored documents reclustered with the changed ones: at most this many, plus
# REGION_DOCUMENTS_PER_SEED per changed document; candidate stories beyond are left as they are.
# The region grows with the add, never with the store (issue 6: nothing grows as n^2).
MAX_REGION_DOCUMENTS = 500
REGION_DOCUMENTS_PER_SEED = 4
# stored documents re-examined per changed one, cycling through the store (`_sweep`): a story
# grouped when the store was small was weighed with that store's idf, and nothing new may come
# near it again; its region is reclustered with today's, a bounded number per add
SWEEP_PER_SEED = 1
# a dedup component larger than this is cut to the changed documents and their direct candidates
MAX_DEDUP_COMPONENT = 5000


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


def page_hash(page: Page) -> str:
    """A page's content identity: its text and the metadata it came with."""
    record = [page.text, page.url, page.title, page.published, page.site, page.author, page.language]
    return hashlib.sha1(json.dumps(record, ensure_ascii=False).encode("utf-8")).hexdigest()


@dataclass(slots=True)
class AddSummary:
    """What one add did, for the one-line summary."""

    inputs: int = 0
    new_pages: int = 0
    known: int = 0  # inputs already in the store with the same content: nothing done
    skipped: int = 0
    errors: int = 0
    recleaned: int = 0  # stored pages cleaned again because their site's furniture changed
    duplicates: int = 0  # documents now marked duplicate among those the add touched
    stories_changed: int = 0
    stories_total: int = 0
    documents_total: int = 0
    seconds: float = 0.0
    error_reasons: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per phase, for bench/
    # CPU seconds of the driver's thread per phase: what a phase costs, whatever else the machine runs
    cpu_timings: dict[str, float] = field(default_factory=dict)

    def line(self) -> str:
        parts = [
            f"{self.inputs} inputs: {self.new_pages} new pages, {self.known} already stored",
            f"{self.skipped} skipped, {self.errors} error",
        ]
        if self.recleaned:
            parts.append(f"{self.recleaned} cleaned again (site furniture changed)")
        parts.append(
            f"{self.stories_changed} stories changed; store: {self.documents_total} documents, "
            f"{self.stories_total} stories ({self.seconds:.1f} s)"
        )
        return ", ".join(parts)


@dataclass(slots=True)
class _Chunk:
    """A chunk of inputs planned for an add: what is new, and the furniture to clean it with."""

    chunk: list[tuple[InputEntry, Page | None]]
    fresh: list[tuple[InputEntry, Page | None, str]]  # (entry, page, content hash) not yet stored
    pages: list[Page]
    lines: dict[int, PageLines]  # by id(page)
    sites: dict[int, str | None]
    furniture: dict[str, frozenset[str]]


class _LazyPool:
    """An add's pool of workers, started the first time a chunk is big enough to pay for
    loading the models in each worker, then kept for the add's other chunks."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self.pool: PagePool | None = None
        self.closed = False
        config = pipeline.config
        if config.engine == "ray":  # here, in the main thread: pages go to Ray from a helper thread
            start_ray(config.workers or os.cpu_count() or 1, config.address)

    def get(self, pages: int) -> PagePool | None:
        config = self.pipeline.config
        workers = config.workers or os.cpu_count() or 1
        if config.engine != "local" or workers < 2 or self.closed:
            return None
        if self.pool is None and pages >= POOL_MIN_PAGES_PER_WORKER * workers:
            self.pool = PagePool(self.pipeline.document_stages({}), workers)
        return self.pool

    def close(self) -> None:
        self.closed = True
        if self.pool is not None:
            self.pool.close()

    def __enter__(self) -> _LazyPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Corpus:
    """Adds pages to a `Store` incrementally; the store's read API serves the results.

    The configuration (stage options) is recorded in the store when it is first filled: adding
    with different options would mix two ways of cleaning or grouping, so it fails with a message.
    """

    def __init__(
        self,
        store: Store,
        config: PipelineConfig | None = None,
        *,
        chunk_pages: int = CHUNK_PAGES,
        progress: ProgressCallback = _no_progress,
    ) -> None:
        self.store = store
        self.config = config or PipelineConfig()
        self.pipeline = Pipeline(self.config)
        workers = self.config.workers or os.cpu_count() or 1
        pooled = self.config.engine == "ray" or workers > 1
        # give each worker enough pages per chunk to cover the writing of the previous one
        self.chunk_pages = max(chunk_pages, POOL_PAGES_PER_WORKER * workers) if pooled else chunk_pages
        self.progress = progress
        dedup = self.pipeline.dedup
        self._sketcher = Sketcher(dedup.num_perm)
        lsh = MinHashLSH(
            threshold=lsh_candidate_threshold(dedup.threshold, dedup.min_containment), num_perm=dedup.num_perm
        )
        self._bands, self._rows = int(lsh.b), int(lsh.r)
        # document frequencies by term id, valid while this corpus is the index's last writer
        self._df_cache: npt.NDArray[np.int64] | None = None
        self._term_names: dict[int, str] = {}
        self._token = uuid.uuid4().hex
        # pairs of documents LSH proposed and those tested on their texts (for bench/)
        self.pair_counts: Counter[str] = Counter()
        # with `keep_workers()`: the pools of one add kept for the next (models loaded once)
        self._kept_pages: _LazyPool | None = None
        self._kept_stories: ProcessPoolExecutor | None = None
        self._check_config()

    def keep_workers(self) -> Corpus:
        """Keep the worker processes, and the models they loaded, from one add to the next until
        `close()`. A process that adds again and again (`recoupe add --watch`, a notebook) then
        loads the spaCy models once: a cold pool of two spends ~5 s of CPU per worker on the
        French model alone, more than 100 pages' own facts take per worker."""
        if self._kept_pages is None:
            self._kept_pages = _LazyPool(self.pipeline)
        return self

    def close(self) -> None:
        """Stop the workers `keep_workers()` kept; the corpus can add again (a new pool)."""
        kept_pages, self._kept_pages = self._kept_pages, None
        kept_stories, self._kept_stories = self._kept_stories, None
        if kept_pages is not None:
            kept_pages.close()
        if kept_stories is not None:
            kept_stories.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ public

    def add_paths(self, paths: Sequence[str], *, stdin: BinaryIO | None = None) -> AddSummary:
        """Read `paths` (files, folders, JSONL, `-`) as `recoupe brief` does and add them."""
        from recoupe.ingest import iter_inputs

        return self.add(iter_inputs(paths, stdin=stdin, limits=self.config.limits))

    def add(self, results: Iterable[tuple[InputEntry, Page | None]]) -> AddSummary:
        """Add inputs (entries with their page, None when unreadable), chunk by chunk, then
        rebuild the stories that changed. Safe to rerun after a crash: what was committed is
        known and skipped, the rest is added."""
        started = time.monotonic()
        summary = AddSummary()
        iterator = iter(results)
        done = 0
        rebuilt: set[str] = set()
        # The workers read the next chunk while this process writes the current one: one
        # long-lived pool for the whole add (models load once), fed from one helper thread.
        kept = self._kept_pages
        pages_pool = contextlib.nullcontext(kept) if kept is not None else _LazyPool(self.pipeline)
        with pages_pool as pool, ThreadPoolExecutor(1, "recoupe-prepare") as ahead:
            try:
                current = self._plan_chunk(list(islice(iterator, self.chunk_pages)), summary, None)
                job = ahead.submit(self._prepare_chunk, current, pool) if current else None
                while current is not None and job is not None:
                    following = self._plan_chunk(list(islice(iterator, self.chunk_pages)), summary, current)
                    with _timed(summary, "waiting for clean, judge, facts"):
                        prepared = job.result()
                    job = ahead.submit(self._prepare_chunk, following, pool) if following else None
                    settled = self._dirty_story_ids()
                    with _timed(summary, "write"):
                        growing = self._commit_chunk(current, prepared, summary)
                    done += len(current.chunk)
                    self.progress("add", done, 0)
                    if job is not None and settled - growing:
                        # while the workers read the next chunk, rebuild the stories earlier
                        # chunks changed and this one left alone (with their members as they
                        # are now). A story that is still growing waits: each rebuild reads all
                        # its members, so rebuilding it after every chunk costs its size times
                        # the chunks. Once the next chunk is read, the rest waits too: the
                        # workers would wait on this process, and a story rebuilt now may well
                        # change again (on 100,000 pages spread over a year, two thirds of this
                        # process's time went to such rebuilds). The final rebuild, in a pool,
                        # does what is left, each story once.
                        with _timed(summary, "story rebuild"):
                            rebuilt |= self.rebuild_dirty_stories(
                                only=settled - growing,
                                report=False,
                                while_=partial(self._reading_ahead, job),
                            )
                    current = following
            except BaseException:
                self._df_cache = None  # the transaction rolled back: so did the frequencies
                pool.close()  # stops the helper thread's pages too
                if kept is not None:
                    self._kept_pages = _LazyPool(self.pipeline)  # the next add starts a fresh one
                raise
        with _timed(summary, "story rebuild"):
            rebuilt |= self.rebuild_dirty_stories()
        summary.stories_changed = len(rebuilt)
        counts = self.store.counts()
        summary.stories_total = counts.stories
        summary.documents_total = counts.documents
        summary.seconds = time.monotonic() - started
        return summary

    def rebuild_dirty_stories(
        self,
        *,
        only: Iterable[str] | None = None,
        report: bool = True,
        while_: Callable[[], bool] | None = None,
    ) -> set[str]:
        """Rebuild the stories marked dirty (cross-check, summary, timeline), every one or `only`
        those still dirty among the ids given, in small transactions; returns the ids rebuilt or
        removed. Every one, when there are many, is rebuilt by a pool of processes (`workers`)
        that build the story stages once and load no model (stories read stored parses); this
        process reads the members and writes the results. With `while_`, `only` stories are
        rebuilt a few at a time as long as it answers True; the others stay dirty."""
        workers = self._parallel_rebuild_workers() if only is None else 1
        if workers > 1:
            count = self.store.conn.execute("SELECT count(*) FROM dirty_stories").fetchone()[0]
            # a kept pool is already started: worth it for a few stories too
            least = 2 if self._kept_stories is not None else PARALLEL_REBUILD_MIN_STORIES
            workers = workers if count >= least else 1
        pool = self._story_pool(workers) if workers > 1 else None
        owned = pool is not None and pool is not self._kept_stories
        rebuilt: set[str] = set()
        pending = None if only is None else sorted(set(only))
        try:
            with pool if owned and pool is not None else contextlib.nullcontext():
                while True:
                    with self.store.transaction() as conn:
                        if pending is None:
                            query = "SELECT id FROM dirty_stories ORDER BY id LIMIT ?"
                            ids = [r[0] for r in conn.execute(query, (REBUILD_BATCH * workers,))]
                        else:
                            size = REBUILD_BATCH if while_ is None else REBUILD_WHILE_READING
                            batch, pending = pending[:size], pending[size:]
                            if not batch or (while_ is not None and not while_()):
                                return rebuilt
                            marks = ",".join("?" * len(batch))
                            query = f"SELECT id FROM dirty_stories WHERE id IN ({marks}) ORDER BY id"
                            ids = [r[0] for r in conn.execute(query, batch)]
                        if not ids:
                            if pending is None:
                                return rebuilt
                            continue
                        seq = self.store.next_seq()
                        if pool is None:
                            for sid in ids:
                                self._rebuild_story(sid, seq)
                        else:
                            self._rebuild_in_pool(ids, seq, pool)
                        conn.executemany("DELETE FROM dirty_stories WHERE id = ?", [(i,) for i in ids])
                    rebuilt.update(ids)
                    if report:
                        self.progress("stories", len(rebuilt), len(rebuilt))
        except BaseException:
            if pool is not None and not owned:  # a kept pool that failed is not kept
                self._kept_stories = None
                pool.shutdown(wait=False, cancel_futures=True)
            raise

    def _story_pool(self, workers: int) -> ProcessPoolExecutor:
        """A pool of story workers: the kept one under `keep_workers()`, else one for this rebuild."""
        if self._kept_pages is not None and self._kept_stories is not None:
            return self._kept_stories
        pool = ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_story_worker,
            initargs=(self.pipeline.config,),
        )
        if self._kept_pages is not None:
            self._kept_stories = pool
        return pool

    @staticmethod
    def _reading_ahead(job: Future[dict[str, PageOutcome]]) -> bool:
        """Whether the workers are still reading the next chunk (this process would wait)."""
        return not job.done()

    def _parallel_rebuild_workers(self) -> int:
        config = self.pipeline.config
        return 1 if config.engine != "local" else config.workers or os.cpu_count() or 1

    def _rebuild_in_pool(self, ids: Sequence[str], seq: int, pool: ProcessPoolExecutor) -> None:
        """`_rebuild_story` of each of `ids`, the story stages run by `pool`."""
        members = {sid: self._story_rows(sid) for sid in ids}
        built = {sid: pool.submit(_story_in_worker, sid, rows) for sid, rows in members.items() if rows}
        for sid in ids:
            if sid in built:
                story, n_sources = built[sid].result()
                self._write_story(sid, members[sid], story, n_sources, seq)
            else:
                self.store.delete_story(sid)

    def _dirty_story_ids(self) -> set[str]:
        return {r[0] for r in self.store.conn.execute("SELECT id FROM dirty_stories")}

    # ------------------------------------------------------------------ configuration

    def _check_config(self) -> None:
        wanted = json.dumps({k: dict(v) for k, v in sorted(self.config.stages.items())}, sort_keys=True)
        with self.store.transaction():
            stored = self.store.meta("config")
            if stored is None:
                self.store.set_meta("config", wanted)
            elif stored != wanted and self.store.counts().documents:
                raise ValueError(
                    f"this store was filled with stage options {stored}, not {wanted}: "
                    "use the same --set options, or another --db"
                )

    # ------------------------------------------------------------------ one chunk

    def _plan_chunk(
        self, chunk: list[tuple[InputEntry, Page | None]], summary: AddSummary, ahead: _Chunk | None
    ) -> _Chunk | None:
        """What of a chunk is new, and the furniture to clean it with: the store's, this
        chunk's and that of `ahead`, the chunk being written meanwhile (its lines already
        read). None when the inputs are exhausted."""
        if not chunk:
            return None
        summary.inputs += len(chunk)
        keyed = [(entry, page, page_hash(page) if page is not None else "") for entry, page in chunk]
        known = self.store.known_inputs((entry.source, digest) for entry, _, digest in keyed)
        fresh = [(e, p, h) for e, p, h in keyed if (e.source, h) not in known]
        summary.known += len(keyed) - len(fresh)
        pages = [p for _, p, _ in fresh if p is not None]
        lines = {id(p): page_lines(p, max_chars=self._max_chars) for p in pages}
        sites = {id(p): site_key(p) for p in pages}
        furniture: dict[str, frozenset[str]] = {}
        if pages:
            before = ahead.pages if ahead is not None else []
            all_lines = {**ahead.lines, **lines} if ahead is not None else lines
            all_sites = {**ahead.sites, **sites} if ahead is not None else sites
            furniture = self._furniture_with([*before, *pages], all_lines, all_sites)
        return _Chunk(chunk, fresh, pages, lines, sites, furniture)

    def _prepare_chunk(self, planned: _Chunk, pool: _LazyPool) -> dict[str, PageOutcome]:
        """Clean, judge and extract facts (outside the write lock, in the helper thread)."""
        if not planned.pages:
            return {}
        return self.pipeline.prepare(planned.pages, planned.furniture, pool=pool.get(len(planned.pages)))

    def _commit_chunk(
        self, planned: _Chunk, prepared: dict[str, PageOutcome], summary: AddSummary
    ) -> set[str]:
        """Write a prepared chunk in one transaction and place its documents in stories; returns
        the stories it marked dirty. Under the lock, a page whose site's furniture moved
        meanwhile (this add's previous chunk, another add) is done again."""
        store = self.store
        fresh, lines, sites, furniture = planned.fresh, planned.lines, planned.sites, planned.furniture
        if not fresh:
            return set()
        with store.transaction():
            seq = store.next_seq()
            known = store.known_inputs((e.source, h) for e, _, h in fresh)
            fresh = [(e, p, h) for e, p, h in fresh if (e.source, h) not in known]
            summary.known += len(known)
            new_docs: list[tuple[Document | None, str]] = []
            for entry, page, digest in fresh:
                if page is None:
                    store.put_input(entry, digest)
                    summary.skipped += entry.status == "skipped"
                    summary.errors += entry.status == "error"
                    continue
                doc_id = self._page_id(page.source, digest)
                store.put_page(doc_id, page, digest, sites[id(page)])
                site = sites[id(page)]
                if site is not None:
                    found = lines[id(page)]
                    store.conn.execute(
                        "INSERT OR REPLACE INTO site_lines (site, page, short_lines, long_lines) VALUES (?, ?, ?, ?)",
                        (site, doc_id, json.dumps(sorted(found.short)), json.dumps(sorted(found.long))),
                    )
                new_docs.append((self._outcome(prepared, page, doc_id, entry, digest, summary), doc_id))
            summary.new_pages += sum(1 for d, _ in new_docs if d is not None)
            touched_sites = {s for s in (sites[id(p)] for _, p, _ in fresh if p is not None) if s}
            changed_furniture = self._update_furniture(touched_sites)
            docs = [d for d, _ in new_docs if d is not None]
            redo = [
                d
                for d in docs
                if d.site is not None and self._furniture_moved(d, furniture, changed_furniture)
            ]
            docs = self._reprepare(docs, redo)
            recleaned = self._reclean_sites(changed_furniture, {d.id for d in docs})
            summary.recleaned += len(recleaned)
            judged: dict[str, str] = {}
            for doc in docs:
                judged[doc.id] = doc.verdict
                store.put_document(doc, judged_verdict=doc.verdict, seq=seq)
            for doc, verdict in recleaned:
                judged[doc.id] = verdict
                store.put_document(doc, judged_verdict=verdict, seq=seq)
            changed = [*docs, *(d for d, _ in recleaned)]
            if changed:
                with _timed(summary, "dedup"):
                    dedup_changed = self._dedup(changed)
                with _timed(summary, "story index"):
                    self._index_terms(changed)
                with _timed(summary, "story assignment"):
                    return self._assign_stories(changed, dedup_changed)
        return set()

    @property
    def _max_chars(self) -> int:
        return self.pipeline.cleaner.options.max_furniture_chars

    @property
    def _min_pages(self) -> int:
        return self.pipeline.cleaner.options.min_site_repeat

    def _outcome(
        self,
        prepared: dict[str, PageOutcome],
        page: Page,
        doc_id: str,
        entry: InputEntry,
        digest: str,
        summary: AddSummary,
    ) -> Document | None:
        """Record the input entry of a prepared page; its document when it has one."""
        outcome = prepared.get(page.source) or PageOutcome(page.source, "error", None, "not processed")
        if outcome.document is not None:
            outcome.document.id = doc_id
            reasons = [r for r in (entry.reason, outcome.reason) if r]
            self.store.put_input(InputEntry(entry.source, "ok", doc_id, "; ".join(reasons) or None), digest)
            return outcome.document
        reason = outcome.reason or "no document"
        self.store.put_input(InputEntry(entry.source, outcome.status, None, reason), digest)
        if outcome.status == "error":
            summary.errors += 1
            summary.error_reasons.append(f"{entry.source}: {reason}")
        else:
            summary.skipped += 1
        return None

    def _page_id(self, source: str, digest: str) -> str:
        """The document id of a page: from its source, as `recoupe brief` names it; a later,
        different content of the same source gets an id from both."""
        doc_id = document_id(source)
        if self.store.page_id_taken(doc_id):
            doc_id = document_id(f"{source}\x00{digest}")
        return doc_id

    # ------------------------------------------------------------------ furniture

    def _site_lines(self, site: str) -> list[tuple[str, frozenset[str], frozenset[str]]]:
        rows = self.store.conn.execute(
            "SELECT page, short_lines, long_lines FROM site_lines WHERE site = ? ORDER BY page", (site,)
        )
        return [(r[0], frozenset(json.loads(r[1])), frozenset(json.loads(r[2]))) for r in rows]

    def _furniture_of(self, lines: Sequence[tuple[frozenset[str], frozenset[str]]]) -> frozenset[str]:
        if len(lines) < self._min_pages:
            return frozenset()
        return furniture_lines([PageLines(short, long) for short, long in lines], min_pages=self._min_pages)

    def _furniture_with(
        self, pages: Sequence[Page], lines: dict[int, PageLines], sites: dict[int, str | None]
    ) -> dict[str, frozenset[str]]:
        """Each site's furniture over its stored pages and these new ones."""
        extra: dict[str, list[tuple[frozenset[str], frozenset[str]]]] = defaultdict(list)
        for page in pages:
            site = sites[id(page)]
            if site is not None:
                extra[site].append((lines[id(page)].short, lines[id(page)].long))
        furniture: dict[str, frozenset[str]] = {}
        for site, added in extra.items():
            stored = [(s, lg) for _, s, lg in self._site_lines(site)]
            found = self._furniture_of([*stored, *added])
            if found:
                furniture[site] = found
        return furniture

    def _stored_furniture(self, site: str) -> frozenset[str]:
        row = self.store.conn.execute("SELECT lines FROM site_furniture WHERE site = ?", (site,)).fetchone()
        return frozenset(json.loads(row[0])) if row else frozenset()

    def _update_furniture(self, sites: Iterable[str]) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
        """Recompute the furniture of these sites from the stored lines; the sites whose
        furniture changed, with (before, after)."""
        changed: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        for site in sorted(sites):
            before = self._stored_furniture(site)
            after = self._furniture_of([(s, lg) for _, s, lg in self._site_lines(site)])
            if after != before:
                digest = hashlib.sha1("\n".join(sorted(after)).encode("utf-8")).hexdigest()
                self.store.conn.execute(
                    "INSERT OR REPLACE INTO site_furniture (site, lines, digest) VALUES (?, ?, ?)",
                    (site, json.dumps(sorted(after)), digest),
                )
                changed[site] = (before, after)
        return changed

    def _furniture_moved(
        self,
        doc: Document,
        used: dict[str, frozenset[str]],
        changed: dict[str, tuple[frozenset[str], frozenset[str]]],
    ) -> bool:
        """Was this new page cleaned with other furniture than the store now has for its site?"""
        page_site = self._page_site(doc.id)
        if page_site is None:
            return False
        now = changed[page_site][1] if page_site in changed else self._stored_furniture(page_site)
        return used.get(page_site, frozenset()) != now

    def _page_site(self, doc_id: str) -> str | None:
        row = self.store.conn.execute("SELECT site FROM pages WHERE id = ?", (doc_id,)).fetchone()
        return None if row is None else row[0]

    def _current_furniture(self, sites: Iterable[str]) -> dict[str, frozenset[str]]:
        return {s: f for s in set(sites) if (f := self._stored_furniture(s))}

    def _reprepare(self, docs: list[Document], redo: list[Document]) -> list[Document]:
        if not redo:
            return docs
        pages = self.store.pages(d.id for d in redo)
        furniture = self._current_furniture(s for d in redo if (s := self._page_site(d.id)))
        again = self.pipeline.prepare(list(pages.values()), furniture)
        replaced: dict[str, Document] = {}
        for doc_id, page in pages.items():
            result = again.get(page.source)
            if result is not None and result.document is not None:
                result.document.id = doc_id
                replaced[doc_id] = result.document
        return [replaced.get(d.id, d) for d in docs]

    def _reclean_sites(
        self, changed: dict[str, tuple[frozenset[str], frozenset[str]]], skip: set[str]
    ) -> list[tuple[Document, str]]:
        """Stored pages of sites whose furniture changed, cleaned again when they hold a line that
        became or stopped being furniture; those whose text changed are judged and read for facts
        again. Returns (document, judged verdict) for each document whose text changed."""
        result: list[tuple[Document, str]] = []
        for site, (before, after) in changed.items():
            moved = before ^ after
            affected = [
                page_id
                for page_id, short, _ in self._site_lines(site)
                if page_id not in skip and short & moved
            ]
            if not affected:
                continue
            stored = {d.id: d for d in self.store.documents(affected)}
            pages = self.store.pages(affected)
            furniture = self._current_furniture([site])
            cleaned = {doc_id: self.pipeline.clean_with(page, furniture) for doc_id, page in pages.items()}
            differ = [
                (doc_id, pages[doc_id])
                for doc_id, doc in cleaned.items()
                if doc_id in stored and doc.content_hash != stored[doc_id].content_hash
            ]
            if not differ:
                continue
            again = self.pipeline.prepare([p for _, p in differ], furniture)
            for doc_id, page in differ:
                outcome = again.get(page.source)
                fresh = outcome.document if outcome is not None else None
                if fresh is not None:
                    fresh.id = doc_id
                    fresh.story = stored[doc_id].story
                    result.append((fresh, fresh.verdict))
        return result

    # ------------------------------------------------------------------ dedup

    def _band_keys(self, values: npt.NDArray[np.uint32]) -> list[tuple[int, int]]:
        """The LSH (band, bucket) keys of a MinHash sketch's hash values."""
        keys = []
        for band in range(self._bands):
            chunk = np.ascontiguousarray(values[band * self._rows : (band + 1) * self._rows]).tobytes()
            bucket = int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "little", signed=True)
            keys.append((band, bucket))
        return keys

    def _dedup(self, changed: Sequence[Document]) -> set[str]:
        """Update the LSH bands of changed documents and rerun duplicate finding on the
        documents whose clusters they can move; returns the ids whose `duplicate_of` changed."""
        conn = self.store.conn
        shingle = self.pipeline.dedup.shingle
        shingles = {doc.id: shingle_set(doc.text, shingle) for doc in changed}
        for doc in changed:
            conn.execute("DELETE FROM lsh_bands WHERE doc = ?", (doc.id,))
            conn.execute("DELETE FROM sketches WHERE doc = ?", (doc.id,))
            if len(shingles[doc.id]) == 0:
                continue
            values = np.asarray(self._sketcher(shingles[doc.id]).hashvalues, dtype=np.uint32)
            conn.executemany(
                "INSERT OR IGNORE INTO lsh_bands (band, bucket, doc) VALUES (?, ?, ?)",
                [(b, k, doc.id) for b, k in self._band_keys(values)],
            )
            conn.execute(
                "INSERT INTO sketches (doc, shingles, hashvalues) VALUES (?, ?, ?)",
                (doc.id, len(shingles[doc.id]), values.tobytes()),
            )
        component = self._dedup_component({d.id for d in changed}, shingles)
        docs = sorted(self.store.documents(component), key=processing_order)
        judged = (
            dict(
                conn.execute(
                    f"SELECT id, judged_verdict FROM documents WHERE id IN ({','.join('?' * len(component))})",
                    sorted(component),
                ).fetchall()
            )
            if component
            else {}
        )
        before = {d.id: d.duplicate_of for d in docs}
        for doc in docs:
            doc.duplicate_of = None
            doc.verdict = judged.get(doc.id, doc.verdict)
        dedup = self.pipeline.dedup
        clusters = find_duplicates(
            docs,
            threshold=dedup.threshold,
            num_perm=dedup.num_perm,
            shingle=dedup.shingle,
            min_containment=dedup.min_containment,
        )
        from recoupe.dedup import apply_duplicates

        apply_duplicates(docs, clusters)
        old_clusters = {
            r[0]
            for chunk in _chunks(sorted(component))
            for r in conn.execute(
                f"SELECT cluster FROM duplicate_members WHERE doc IN ({','.join('?' * len(chunk))})", chunk
            )
        }
        for cluster_id in old_clusters:
            conn.execute("DELETE FROM duplicates WHERE id = ?", (cluster_id,))
            conn.execute("DELETE FROM duplicate_members WHERE cluster = ?", (cluster_id,))
        self._put_clusters(clusters)
        moved: set[str] = set()
        for doc in docs:
            conn.execute(
                "UPDATE documents SET duplicate_of = ?, verdict = ? WHERE id = ?",
                (doc.duplicate_of, doc.verdict, doc.id),
            )
            if before[doc.id] != doc.duplicate_of:
                moved.add(doc.id)
        return moved

    def _put_clusters(self, clusters: Sequence[DuplicateCluster]) -> None:
        conn = self.store.conn
        for c in clusters:
            conn.execute(
                "INSERT OR REPLACE INTO duplicates (id, representative, members, similarity, evidence) "
                "VALUES (?, ?, ?, ?, ?)",
                (c.id, c.representative, json.dumps(c.members), c.similarity, c.evidence),
            )
            conn.executemany(
                "INSERT OR REPLACE INTO duplicate_members (doc, cluster) VALUES (?, ?)",
                [(m, c.id) for m in c.members],
            )

    def _dedup_component(self, start: set[str], shingles: dict[str, npt.NDArray[np.uint64]]) -> set[str]:
        """The documents whose duplicate clusters a change to `start` can move.

        That is the component of `start` in the graph of verified near copies (an LSH bucket
        proposes a neighbour, the exact test of `find_duplicates` accepts it), plus the stored
        clusters of its members, whose old assignment may dissolve. Following buckets alone
        chained pages that only share a few sentences: a page mixing ten articles' paragraphs
        shares buckets with all of them, and their neighbours with theirs, and every add reloaded
        and re-clustered thousands of documents. Reclustering the verified component gives the
        clusters a batch run gives, since `find_duplicates` only ever joins verified pairs.
        `shingles` holds shingle sets already computed, and receives those computed here.
        """
        conn = self.store.conn
        dedup = self.pipeline.dedup
        seen = set(start)
        frontier = sorted(start)
        while frontier and len(seen) < MAX_DEDUP_COMPONENT:
            proposed: dict[str, set[str]] = {}
            joined: set[str] = set()
            for chunk in _chunks(frontier):
                marks = ",".join("?" * len(chunk))
                for doc, other in conn.execute(
                    "SELECT DISTINCT a.doc, b.doc FROM lsh_bands a JOIN lsh_bands b "
                    f"ON b.band = a.band AND b.bucket = a.bucket WHERE a.doc IN ({marks}) AND b.doc != a.doc",
                    chunk,
                ):
                    if other not in seen:
                        proposed.setdefault(doc, set()).add(other)
                joined.update(
                    r[0]
                    for r in conn.execute(
                        "SELECT m.doc FROM duplicate_members c JOIN duplicate_members m ON m.cluster = c.cluster "
                        f"WHERE c.doc IN ({marks})",
                        chunk,
                    )
                )
            self._drop_unmatchable(proposed)
            wanted = set(proposed).union(*proposed.values()) if proposed else set()
            self._load_shingles(wanted - shingles.keys(), shingles)
            for doc, others in proposed.items():
                joined.update(
                    other
                    for other in others
                    # a band row whose document has no stored text proposes nothing
                    if doc in shingles
                    and other in shingles
                    and verify_pair(
                        shingles[doc],
                        shingles[other],
                        threshold=dedup.threshold,
                        min_containment=dedup.min_containment,
                    )
                    is not None
                )
            frontier = sorted(joined - seen)
            seen.update(frontier)
        return seen

    def _drop_unmatchable(self, proposed: dict[str, set[str]]) -> None:
        """Leave out of `proposed` the pairs whose stored sketches say the exact test cannot
        accept them (`sketches_may_match`), so that their texts are not read and shingled: at
        15,000 pages LSH proposed 28 stored pages per new one and the test accepted 6 % of them.
        A document stored without a sketch (before schema 4) keeps its pairs."""
        pairs = sum(len(others) for others in proposed.values())
        self.pair_counts["proposed"] += pairs
        ids = sorted(set(proposed).union(*proposed.values())) if proposed else []
        sketches: dict[str, tuple[int, npt.NDArray[np.uint32]]] = {}
        for chunk in _chunks(ids):
            for doc_id, size, values in self.store.conn.execute(
                f"SELECT doc, shingles, hashvalues FROM sketches WHERE doc IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                sketches[doc_id] = (size, np.frombuffer(values, dtype=np.uint32))
        dedup = self.pipeline.dedup
        for doc, others in proposed.items():
            if doc not in sketches:
                continue
            size, values = sketches[doc]
            others.difference_update(
                [
                    other
                    for other in others
                    if other in sketches
                    and not sketches_may_match(
                        values,
                        size,
                        sketches[other][1],
                        sketches[other][0],
                        threshold=dedup.threshold,
                        min_containment=dedup.min_containment,
                    )
                ]
            )
        self.pair_counts["tested"] += sum(len(others) for others in proposed.values())

    def _load_shingles(self, ids: Iterable[str], into: dict[str, npt.NDArray[np.uint64]]) -> None:
        shingle = self.pipeline.dedup.shingle
        for chunk in _chunks(sorted(ids)):
            for doc_id, text in self.store.conn.execute(
                f"SELECT id, text FROM documents WHERE id IN ({','.join('?' * len(chunk))})", chunk
            ):
                into[doc_id] = shingle_set(text, shingle)

    # ------------------------------------------------------------------ story index

    def _term_ids(self, terms: Iterable[str]) -> dict[str, int]:
        conn = self.store.conn
        wanted = sorted(set(terms))
        found: dict[str, int] = {}
        for chunk in _chunks(wanted):
            found.update(
                (r[0], r[1])
                for r in conn.execute(
                    f"SELECT term, id FROM terms WHERE term IN ({','.join('?' * len(chunk))})", chunk
                )
            )
        missing = [t for t in wanted if t not in found]
        if missing:
            conn.executemany("INSERT INTO terms (term, df) VALUES (?, 0)", [(t,) for t in missing])
            for chunk in _chunks(missing):
                found.update(
                    (r[0], r[1])
                    for r in conn.execute(
                        f"SELECT term, id FROM terms WHERE term IN ({','.join('?' * len(chunk))})", chunk
                    )
                )
        return found

    def _index_terms(self, docs: Sequence[Document]) -> None:
        """Postings and document frequencies of the changed documents' story terms (words as
        "w:word", participants' names as "n:name", with their counts) and event days. The
        statements are batched for the whole chunk: one per table, not one per term."""
        conn = self.store.conn
        docs = list({d.id: d for d in docs}.values())
        df = self._document_frequencies()
        delta: Counter[int] = Counter()
        old_postings: list[tuple[int, str]] = []
        for chunk in _chunks([d.id for d in docs]):
            for doc_id, old_terms in conn.execute(
                f"SELECT doc, terms FROM doc_vectors WHERE doc IN ({','.join('?' * len(chunk))})", chunk
            ):
                terms = np.frombuffer(old_terms, dtype=np.int64).tolist()
                delta.subtract(terms)
                old_postings.extend((t, doc_id) for t in terms)
        # by (term, doc), the postings' key: by doc alone would scan every posting of the store
        conn.executemany("DELETE FROM postings WHERE term = ? AND doc = ?", old_postings)
        counts_of = []
        for doc in docs:
            features = story_features(doc)
            counts = {f"w:{t}": c for t, c in features.words.items() if c > 0}
            counts.update({f"n:{t}": c for t, c in features.names.items() if c > 0})
            counts_of.append((doc, counts, features.day))
        ids = self._term_ids(t for _, counts, _ in counts_of for t in counts)
        postings: list[tuple[int, str, float]] = []
        vectors: list[tuple[str, bytes, bytes, int | None]] = []
        for doc, counts, day in counts_of:
            term_ids = np.array([ids[t] for t in counts], dtype=np.int64)
            values = np.array(list(counts.values()), dtype=np.float64)
            delta.update(term_ids.tolist())
            postings.extend((ids[t], doc.id, 1.0 + math.log(c)) for t, c in counts.items())
            vectors.append((doc.id, term_ids.tobytes(), values.tobytes(), day.toordinal() if day else None))
            self._term_names.update((ids[t], t) for t in counts)
        conn.executemany("INSERT OR REPLACE INTO postings (term, doc, weight) VALUES (?, ?, ?)", postings)
        conn.executemany(
            "INSERT OR REPLACE INTO doc_vectors (doc, terms, weights, day) VALUES (?, ?, ?, ?)", vectors
        )
        changed = sorted((t, n) for t, n in delta.items() if n)
        conn.executemany("UPDATE terms SET df = df + ? WHERE id = ?", [(n, t) for t, n in changed])
        if changed:
            df = self._grow(df, changed[-1][0] + 1)
            terms = np.array([t for t, _ in changed], dtype=np.int64)
            df[terms] += np.array([n for _, n in changed], dtype=np.int64)
        self._df_cache = df

    def _document_frequencies(self) -> npt.NDArray[np.int64]:
        """Every term's document frequency, by term id: read once, then kept in step by this
        writer while no other writer has touched the index (`meta.index_writer`)."""
        if self._df_cache is None or self.store.meta("index_writer") != self._token:
            rows = self.store.conn.execute("SELECT id, df FROM terms").fetchall()
            size = max((r[0] for r in rows), default=0) + 1
            df = np.zeros(size, dtype=np.int64)
            if rows:
                ids, counts = zip(*rows, strict=True)
                df[np.array(ids, dtype=np.int64)] = np.array(counts, dtype=np.int64)
            self._df_cache = df
            self.store.set_meta("index_writer", self._token)
        return self._df_cache

    @staticmethod
    def _grow(df: npt.NDArray[np.int64], size: int) -> npt.NDArray[np.int64]:
        if size <= len(df):
            return df
        grown = np.zeros(max(size, 2 * len(df)), dtype=np.int64)
        grown[: len(df)] = df
        return grown

    def _indexed_count(self) -> int:
        return int(self.store.conn.execute("SELECT count(*) FROM doc_vectors").fetchone()[0])

    def _idf(self, n_indexed: int) -> F64:
        """The stories stage's smoothed idf of every term, over the whole store."""
        df = self._document_frequencies()
        idf: F64 = np.log((1.0 + n_indexed) / (1.0 + df.astype(np.float64))) + 1.0
        return idf

    def _vectors(self, doc_ids: Sequence[str]) -> dict[str, tuple[npt.NDArray[np.int64], F64, int | None]]:
        found: dict[str, tuple[npt.NDArray[np.int64], F64, int | None]] = {}
        for chunk in _chunks(list(doc_ids)):
            for r in self.store.conn.execute(
                f"SELECT doc, terms, weights, day FROM doc_vectors WHERE doc IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                found[r[0]] = (
                    np.frombuffer(r[1], dtype=np.int64),
                    np.frombuffer(r[2], dtype=np.float64),
                    r[3],
                )
        return found

    # ------------------------------------------------------------------ stories

    def _assign_stories(self, changed: Sequence[Document], dedup_changed: set[str]) -> set[str]:
        """Place changed documents in stories: recluster them with the stories they come close
        to, follow representatives for duplicates, and mark every story that changed dirty
        (returned)."""
        conn = self.store.conn
        touched = {d.id for d in changed} | dedup_changed
        state = self._doc_state(touched)
        seeds = sorted(i for i in touched if state.get(i, (None, None))[1] is None)
        old_story = {i: s for i, (s, _) in state.items()}
        n_indexed = self._indexed_count()
        idf = self._idf(n_indexed)
        # the stories the changed documents were in come first, then the closest candidates,
        # while the stored documents of the region stay within the cap. The cap counts stored
        # documents only: counting the new ones too left no room for any stored story once a
        # chunk held 500 pages, and a chunked add then founded stories beside the old ones.
        closest = self._candidate_stories(seeds, idf)
        cap = MAX_REGION_DOCUMENTS + REGION_DOCUMENTS_PER_SEED * len(seeds)
        own = list(dict.fromkeys(s for s in old_story.values() if s))
        # then the stories of the swept documents and their closest, as the cap allows (a swept
        # document comes in with its whole story or not at all)
        swept = self._sweep(SWEEP_PER_SEED * len(seeds), touched)
        swept_own = list(dict.fromkeys(s for d in swept if (s := self._story_of(d))))
        swept_closest = self._candidate_stories(swept, idf) if swept else {}
        ordered = list(
            dict.fromkeys(
                [
                    *own,
                    *(s for s, _ in sorted(closest.items(), key=lambda kv: (-kv[1], kv[0]))),
                    *swept_own,
                    *(s for s, _ in sorted(swept_closest.items(), key=lambda kv: (-kv[1], kv[0]))),
                ]
            )
        )
        region = set(seeds)
        stored: set[str] = set()
        members_before: dict[str, set[str]] = {}
        for number, sid in enumerate(ordered):
            rows = list(conn.execute("SELECT id, duplicate_of FROM documents WHERE story = ?", (sid,)))
            clustered = {r[0] for r in rows if r[1] is None} - region
            if number >= len(own) and len(stored | clustered) > cap:
                continue
            members_before[sid] = {r[0] for r in rows}
            stored.update(clustered)
        region |= stored
        order = self._order_keys(region)
        region_ids = sorted(region, key=lambda i: order[i])
        groups = self._cluster(region_ids, idf)
        previous = self._doc_state(region_ids)
        new_story_of = self._name_groups(groups, {i: previous[i][0] for i in region_ids})
        for doc_id in region_ids:
            if previous[doc_id][0] != new_story_of[doc_id]:
                conn.execute("UPDATE documents SET story = ? WHERE id = ?", (new_story_of[doc_id], doc_id))
        # duplicates follow their representative, wherever it went
        follow = set(touched)
        for chunk in _chunks(region_ids):
            follow.update(
                r[0]
                for r in conn.execute(
                    f"SELECT id FROM documents WHERE duplicate_of IN ({','.join('?' * len(chunk))})", chunk
                )
            )
        for doc_id in sorted(follow):
            row = conn.execute("SELECT duplicate_of FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if row is None or row[0] is None:
                continue
            rep = conn.execute("SELECT story FROM documents WHERE id = ?", (row[0],)).fetchone()
            conn.execute("UPDATE documents SET story = ? WHERE id = ?", (rep[0] if rep else None, doc_id))
        # dirty: stories whose members changed, and those holding a document that changed
        dirty = {s for i in touched if (s := self._story_of(i))} | {s for s in old_story.values() if s}
        after: dict[str, set[str]] = defaultdict(set)
        for chunk in _chunks(sorted(set(members_before) | set(new_story_of.values()))):
            for doc_id, sid in conn.execute(
                f"SELECT id, story FROM documents WHERE story IN ({','.join('?' * len(chunk))})", chunk
            ):
                after[sid].add(doc_id)
        for sid in set(members_before) | set(after):
            if members_before.get(sid, set()) != after.get(sid, set()):
                dirty.add(sid)
        conn.executemany("INSERT OR IGNORE INTO dirty_stories (id) VALUES (?)", [(s,) for s in sorted(dirty)])
        return dirty

    def _sweep(self, count: int, exclude: set[str]) -> list[str]:
        """The next `count` clustered stored documents after the sweep's cursor (by id,
        wrapping around), less `exclude`; moves the cursor past them. Each document is reached
        once per pass over the store, so the extra work of an add stays proportional to it."""
        if count <= 0:
            return []
        conn = self.store.conn
        after = self.store.meta("story_sweep") or ""
        query = "SELECT id FROM documents WHERE id {} ? AND duplicate_of IS NULL AND story IS NOT NULL ORDER BY id LIMIT ?"
        found = [r[0] for r in conn.execute(query.format(">"), (after, count))]
        if len(found) < count:
            found += [r[0] for r in conn.execute(query.format("<="), (after, count - len(found)))]
        if found:
            self.store.set_meta("story_sweep", found[-1])
        return [d for d in dict.fromkeys(found) if d not in exclude]

    def _story_of(self, doc_id: str) -> str | None:
        row = self.store.conn.execute("SELECT story FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return None if row is None else row[0]

    def _order_keys(self, ids: Iterable[str]) -> dict[str, tuple[bool, str, str]]:
        keys: dict[str, tuple[bool, str, str]] = {}
        for chunk in _chunks(sorted(set(ids))):
            for doc_id, published, source in self.store.conn.execute(
                f"SELECT id, published, source FROM documents WHERE id IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                keys[doc_id] = (published is None, published or "", source)
        return keys

    def _doc_state(self, ids: Iterable[str]) -> dict[str, tuple[str | None, str | None]]:
        state: dict[str, tuple[str | None, str | None]] = {}
        for chunk in _chunks(sorted(set(ids))):
            for r in self.store.conn.execute(
                f"SELECT id, story, duplicate_of FROM documents WHERE id IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                state[r[0]] = (r[1], r[2])
        return state

    def _candidate_stories(self, seeds: Sequence[str], idf: F64) -> dict[str, float]:
        """Stories holding a document close enough to a seed to matter to the clustering, found
        through the postings of each seed's rarer terms (common words weigh little) and then
        scored with the stories stage's own `similarities`."""
        conn = self.store.conn
        df = self._document_frequencies()
        n_indexed = self._indexed_count()
        rare_df = min(MAX_RARE_DF, max(MIN_RARE_DF, int(RARE_SHARE * n_indexed)))
        raw = self._vectors(seeds)
        asked: dict[int, list[tuple[str, float]]] = defaultdict(list)
        for seed in seeds:
            if seed not in raw:
                continue
            terms, counts, _ = raw[seed]
            scores = (1.0 + np.log(counts)) * idf[terms]
            usable = np.flatnonzero((df[terms] >= 2) & (df[terms] <= rare_df))
            top = usable[np.argsort(-scores[usable], kind="stable")[:QUERY_TERMS]]
            for k in top.tolist():
                asked[int(terms[k])].append((seed, float(scores[k] * idf[terms[k]])))
        partial: dict[str, Counter[str]] = defaultdict(Counter)
        for term, users in asked.items():
            rows = conn.execute("SELECT doc, weight FROM postings WHERE term = ?", (term,)).fetchall()
            for seed, factor in users:
                scores_of = partial[seed]
                for doc, weight in rows:
                    if doc != seed:
                        scores_of[doc] += factor * weight
        wanted = {seed: [d for d, _ in found.most_common(MAX_CANDIDATES)] for seed, found in partial.items()}
        union = sorted({d for docs in wanted.values() for d in docs} | set(wanted))
        state = self._doc_state(union)
        present, matrix = self._story_matrix(union, n_indexed)
        row_of = {doc_id: k for k, doc_id in enumerate(present)}
        options = self.pipeline.stories.options
        # a story matters when a seed could join it: by average link, or as a fragment
        floor = options.threshold * (options.fragment_share if options.fragment_size > 0 else 1.0)
        asking = [seed for seed in wanted if seed in row_of]
        columns = sorted({row_of[d] for seed in asking for d in wanted[seed] if d in row_of})
        if not asking or not columns:
            return {}
        column_of = {row: k for k, row in enumerate(columns)}
        block = similarity_block(
            matrix,
            np.array([row_of[s] for s in asking], dtype=np.int64),
            np.array(columns, dtype=np.int64),
            options,
        )
        stories: dict[str, float] = {}
        for number, seed in enumerate(asking):
            docs = [
                d for d in wanted[seed] if d in row_of and d in state and state[d][1] is None and state[d][0]
            ]
            if not docs:
                continue
            values = block[number, [column_of[row_of[d]] for d in docs]]
            best: dict[str, float] = {}
            for doc, value in zip(docs, values.tolist(), strict=True):
                sid = state[doc][0]
                if value >= floor and sid is not None:
                    best[sid] = max(best.get(sid, 0.0), value)
            for sid, value in sorted(best.items(), key=lambda kv: -kv[1])[:MAX_CANDIDATE_STORIES]:
                stories[sid] = max(stories.get(sid, 0.0), value)
        return stories

    def _story_matrix(self, ids: Sequence[str], n_indexed: int) -> tuple[list[str], VectorMatrix]:
        """The stories stage's vectors of stored documents (those of `ids` that have one, in
        order), weighted with the store's idf, as the rows of one `VectorMatrix`."""
        raw = self._vectors(ids)
        present = [i for i in ids if i in raw]
        # the rows laid end to end: a region holds thousands of documents, one array pass each
        terms = np.concatenate([raw[i][0] for i in present] or [np.zeros(0, np.int64)]).astype(np.int64)
        counts = np.concatenate([raw[i][1] for i in present] or [np.zeros(0, np.int64)])
        row_of = np.repeat(np.arange(len(present)), [len(raw[i][0]) for i in present])
        keep = counts > 0
        terms, counts, row_of = terms[keep], counts[keep], row_of[keep]
        every, position = np.unique(terms, return_inverse=True)
        names = self._names_of(every.tolist())
        name_terms = np.fromiter(
            (names[t].startswith("n:") for t in every.tolist()), dtype=bool, count=len(every)
        )
        weights = (1.0 + np.log(counts)) * self._idf(n_indexed)[terms]
        lengths = np.bincount(row_of, minlength=len(present))
        days = np.array([raw[i][2] or 0 for i in present], dtype=np.int64)
        return present, VectorMatrix.from_flat(terms, weights, name_terms[position], lengths, days)

    def _names_of(self, term_ids: Sequence[int]) -> dict[int, str]:
        missing = [t for t in term_ids if t not in self._term_names]
        for chunk in _chunks(missing):
            self._term_names.update(
                self.store.conn.execute(
                    f"SELECT id, term FROM terms WHERE id IN ({','.join('?' * len(chunk))})", chunk
                ).fetchall()
            )
        return {t: self._term_names[t] for t in term_ids}

    def _cluster(self, ids: Sequence[str], idf: F64) -> list[list[str]]:
        """The stories stage's clustering (`cluster_vectors`) of a region of the store."""
        if not ids:
            return []
        present, matrix = self._story_matrix(ids, self._indexed_count())
        groups = cluster_matrix(matrix, self.pipeline.stories.options)
        clustered = [[present[k] for k in group] for group in groups]
        # a document without a vector (nothing to compare) is a story of its own
        with_vector = set(present)
        clustered.extend([i] for i in ids if i not in with_vector)
        return clustered

    def _name_groups(
        self, groups: Sequence[Sequence[str]], previous: dict[str, str | None]
    ) -> dict[str, str]:
        """Story ids for reclustered groups: a group keeps the id of the old story it holds most
        of (each old id goes to one group); other groups are named after their founding (first)
        document; an old id no group keeps redirects to the group holding most of its members."""
        overlaps: list[tuple[int, str, int]] = []
        for number, group in enumerate(groups):
            counts = Counter(previous[d] for d in group if previous.get(d))
            overlaps.extend((count, sid, number) for sid, count in counts.items() if sid)
        overlaps.sort(key=lambda item: (-item[0], item[1], item[2]))
        named: dict[int, str] = {}
        used: set[str] = set()
        for _count, sid, number in overlaps:
            if number in named or sid in used:
                continue
            named[number] = sid
            used.add(sid)
        for number, group in enumerate(groups):
            if number not in named:
                named[number] = self._fresh_story_id(group, used)
                used.add(named[number])
        story_of = {d: named[n] for n, group in enumerate(groups) for d in group}
        for sid in {s for s in previous.values() if s} - used:
            members = [d for d, s in previous.items() if s == sid]
            target = Counter(story_of[d] for d in members).most_common(1)[0][0]
            self.store.redirect_story(sid, target)
            self.store.delete_story(sid)
        for sid in used:
            self.store.conn.execute("DELETE FROM story_redirects WHERE old_id = ?", (sid,))
        return story_of

    def _fresh_story_id(self, group: Sequence[str], used: set[str]) -> str:
        for founder in group:  # the group is in processing order: its first document founds it
            candidate = story_id([founder])
            if candidate not in used and not self._live_story(candidate):
                return candidate
        return story_id(list(group))

    def _live_story(self, sid: str) -> bool:
        conn = self.store.conn
        return conn.execute("SELECT 1 FROM documents WHERE story = ? LIMIT 1", (sid,)).fetchone() is not None

    # ------------------------------------------------------------------ story rebuild

    def _rebuild_story(self, sid: str, seq: int) -> None:
        rows = self._story_rows(sid)
        if not rows:
            self.store.delete_story(sid)
            return
        story, n_sources = story_from_rows(self.pipeline, sid, rows)
        self._write_story(sid, rows, encode_story(story), n_sources, seq)

    def _story_rows(self, sid: str) -> list[dict[str, object]]:
        """A story's member rows, in processing order, as plain dicts (they travel to workers)."""
        cursor = self.store.conn.execute(
            "SELECT * FROM documents WHERE story = ? ORDER BY published IS NULL, published, source", (sid,)
        )
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    def _write_story(
        self, sid: str, rows: Sequence[Mapping[str, object]], story: EncodedStory, n_sources: int, seq: int
    ) -> None:
        conn = self.store.conn
        founder_row = conn.execute("SELECT founder FROM stories WHERE id = ?", (sid,)).fetchone()
        founder = founder_row[0] if founder_row else self._founder(sid, [str(r["id"]) for r in rows])
        dates = sorted(str(r["published"]) for r in rows if r["published"])
        row = StoryRow(
            id=sid,
            title=story.title,
            n_documents=len(rows),
            n_sources=n_sources,
            first_date=dates[0] if dates else None,
            last_date=dates[-1] if dates else None,
            n_discrepancies=story.n_discrepancies,
            languages=tuple(sorted({str(r["language"]) for r in rows})),
            sites=tuple(sorted({str(r["site"]) for r in rows if r["site"]})),
            founder=founder,
            updated_seq=seq,
        )
        self.store.put_story(story, row)

    @staticmethod
    def _founder(sid: str, doc_ids: Sequence[str]) -> str:
        for doc_id in doc_ids:
            if story_id([doc_id]) == sid:
                return doc_id
        return doc_ids[0]


def story_from_rows(pipeline: Pipeline, sid: str, rows: Sequence[Mapping[str, object]]) -> tuple[Story, int]:
    """A story rebuilt from its stored member rows, and how many independent sources it has."""
    docs = [document_from_row(r) for r in rows]
    story = pipeline.story(sid, docs)
    return story, Independence.of(docs).documents_support(d.id for d in docs)


_story_pipeline: Pipeline | None = None  # in a rebuild worker: its pipeline, built once


def _start_story_worker(config: PipelineConfig) -> None:
    global _story_pipeline
    _story_pipeline = Pipeline(config)


def _story_in_worker(sid: str, rows: list[dict[str, object]]) -> tuple[EncodedStory, int]:
    """A story rebuilt and encoded for the store here, in the worker: the writer only inserts."""
    assert _story_pipeline is not None, "a rebuild worker starts with _start_story_worker"
    story, n_sources = story_from_rows(_story_pipeline, sid, rows)
    return encode_story(story), n_sources


@contextmanager
def _timed(summary: AddSummary, phase: str) -> Iterator[None]:
    started, cpu = time.perf_counter(), time.thread_time()
    try:
        yield
    finally:
        summary.timings[phase] = summary.timings.get(phase, 0.0) + time.perf_counter() - started
        summary.cpu_timings[phase] = summary.cpu_timings.get(phase, 0.0) + time.thread_time() - cpu


def _chunks(items: Sequence[T], size: int = 500) -> Iterator[list[T]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])
