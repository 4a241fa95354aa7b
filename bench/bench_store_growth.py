"""The store's own work per page as a corpus grows: dedup and story assignment, without the models.

    .venv/bin/python bench/bench_store_growth.py [--pages 50000] [--seed 6] [--every 10000] [--stop N]

At 100,000 pages (`bench_scale.py`) the one writer became the critical path: its dedup went from
5 to 21 ms per page and its story assignment from 13 to 32 ms between 10,000 and 100,000 pages,
while the workers waited. Measuring that growth through the whole pipeline takes two hours on
two cores, most of it the spaCy parse. This bench adds the same corpus (`bench_scale.build`:
FreSaDa articles, mosaic pages of 8-15 articles' sentences past its 11,570 articles, 10 % planted
near-copies) in chunks through `Corpus.add`, with pages cleaned and judged in this process but not
read for facts (documents have no mentions, so story features are words only) and no story
rebuilds, so that what is timed is the store's passes: write, dedup (LSH buckets, exact
verification of the neighbours they propose), story index and assignment.

Printed per `--every` pages: milliseconds of CPU per page of each phase over that slice (the
writer's thread time, so that other work on the machine does not count); per page, the
pairs the LSH buckets proposed, those tested on their texts (the others were ruled out by their
sketches, `dedup.sketches_may_match`) and those accepted; and the store's size on disk. The
slices show how each phase grows with the store; they are not the end-to-end figures of
`bench_scale.py` (no facts: story assignment sees fewer terms per page).

Skips cleanly (exit 0) when ../shared/data/fresada_french_satire is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

import bench_scale  # noqa: E402
from recoupe import corpus as corpus_module  # noqa: E402
from recoupe.corpus import Corpus  # noqa: E402
from recoupe.executor import PageOutcome, PagePool  # noqa: E402
from recoupe.model import InputEntry, Page  # noqa: E402
from recoupe.pipeline import Pipeline, PipelineConfig  # noqa: E402
from recoupe.store import Store  # noqa: E402

PHASES = ("write", "dedup", "story index", "story assignment")


class CleanJudgeOnly(Pipeline):
    """Clean and judge in this process; no facts (the models are not what this bench measures)."""

    def prepare(
        self, pages: Sequence[Page], furniture: Mapping[str, frozenset[str]], *, pool: PagePool | None = None
    ) -> dict[str, PageOutcome]:
        loaded = self.document_stages(furniture).load()
        out = {}
        for page in pages:
            doc = loaded.judge.process(loaded.cleaner.process(page, loaded.spec.statistics))
            out[page.source] = PageOutcome(page.source, "ok", doc)
        return out


class NoRebuild(Corpus):
    def rebuild_dirty_stories(self, **options: object) -> set[str]:
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM dirty_stories")
        return set()


class VerifyCounter:
    """Counts the pairs tested on their texts, and those accepted."""

    def __init__(self) -> None:
        self.tested = 0
        self.accepted = 0
        self.original = corpus_module.verify_pair

    def __call__(self, *args: object, **kwargs: object) -> object:
        self.tested += 1
        match = self.original(*args, **kwargs)  # type: ignore[arg-type]
        self.accepted += match is not None
        return match


def check_sketches(corpus: Corpus, sample: int) -> None:
    """Every pair LSH proposes for `sample` stored documents, tested on the texts and by the
    sketches: the pairs the exact test accepts that the sketches would have kept from it."""
    import random

    import numpy as np

    from recoupe.dedup import shingle_set, sketches_may_match, verify_pair

    conn = corpus.store.conn
    dedup = corpus.pipeline.dedup
    ids = [r[0] for r in conn.execute("SELECT doc FROM sketches ORDER BY doc")]
    chosen = random.Random(0).sample(ids, min(sample, len(ids)))
    sketches = {
        doc: (size, np.frombuffer(values, dtype=np.uint32))
        for doc, size, values in conn.execute("SELECT doc, shingles, hashvalues FROM sketches")
    }
    texts: dict[str, object] = {}

    def shingles(doc: str) -> object:
        if doc not in texts:
            (text,) = conn.execute("SELECT text FROM documents WHERE id = ?", (doc,)).fetchone()
            texts[doc] = shingle_set(text, dedup.shingle)
        return texts[doc]

    pairs = accepted = kept_out = 0
    for doc in chosen:
        others = {
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT b.doc FROM lsh_bands a JOIN lsh_bands b ON b.band = a.band AND "
                "b.bucket = a.bucket WHERE a.doc = ? AND b.doc != a.doc",
                (doc,),
            )
        }
        for other in others:
            pairs += 1
            options = {"threshold": dedup.threshold, "min_containment": dedup.min_containment}
            exact = verify_pair(shingles(doc), shingles(other), **options) is not None  # type: ignore[arg-type]
            may = sketches_may_match(
                sketches[doc][1], sketches[doc][0], sketches[other][1], sketches[other][0], **options
            )
            accepted += exact
            kept_out += exact and not may
    print(
        f"sketch filter on {len(chosen)} stored documents: {pairs} pairs proposed, {accepted} accepted by "
        f"the exact test, {kept_out} of those kept from it by the sketches"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=50000)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--every", type=int, default=10000, help="pages per printed slice")
    parser.add_argument("--chunk", type=int, default=128, help="pages per add (as one add's chunks)")
    parser.add_argument("--stop", type=int, help="stop after this many pages of the --pages corpus")
    parser.add_argument(
        "--check-sketches",
        type=int,
        default=2000,
        metavar="N",
        help="at the end, test every pair LSH proposes for N stored documents both ways (default 2000; 0: skip)",
    )
    args = parser.parse_args()
    if not bench_scale.DATA.exists():
        print(f"skipped: {bench_scale.DATA} is absent")
        return 0
    path, _ = bench_scale.build(args.pages, args.seed, plain=False)
    counter = VerifyCounter()
    corpus_module.verify_pair = counter  # type: ignore[assignment]
    print(
        f"{args.pages} pages ({path.name}), chunks of {args.chunk}, clean and judge only, no story rebuilds"
    )
    print(
        f"{'pages':>8} {'rows':>7} {'dedup':>7} {'index':>7} {'assign':>7}   CPU ms per page of the slice;"
        " pairs per page LSH proposed / tested on texts / accepted; store MiB"
    )
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "s.db") as store:
        corpus = NoRebuild(store, PipelineConfig(workers=1), chunk_pages=args.chunk)
        corpus.pipeline.__class__ = CleanJudgeOnly
        slice_timings = dict.fromkeys(PHASES, 0.0)
        slice_pages, done = 0, 0
        proposed_before = tested_before = accepted_before = 0
        started = time.perf_counter()

        def add(batch: list[tuple[InputEntry, Page | None]], last: bool) -> None:
            nonlocal slice_pages, done, proposed_before, tested_before, accepted_before, slice_timings
            summary = corpus.add(batch)
            done += len(batch)
            slice_pages += len(batch)
            for phase in PHASES:
                slice_timings[phase] += summary.cpu_timings.get(phase, 0.0)
            if not last and done % args.every >= args.chunk:
                return
            size = os.path.getsize(Path(tmp) / "s.db") / 2**20
            proposed = corpus.pair_counts["proposed"] - proposed_before
            tested = counter.tested - tested_before
            accepted = counter.accepted - accepted_before
            # the write phase holds the three others: what is left is the rows' own writing
            slice_timings["write"] -= sum(slice_timings[p] for p in PHASES[1:])
            per_page = [1000 * slice_timings[p] / slice_pages for p in PHASES]
            print(
                f"{done:>8} "
                + " ".join(f"{v:7.1f}" for v in per_page)
                + f"   {proposed / slice_pages:.1f} / {tested / slice_pages:.1f} / "
                f"{accepted / slice_pages:.2f}; {size:,.0f} MiB ({time.perf_counter() - started:.0f} s)",
                flush=True,
            )
            slice_timings = dict.fromkeys(PHASES, 0.0)
            slice_pages = 0
            proposed_before, tested_before = corpus.pair_counts["proposed"], counter.tested
            accepted_before = counter.accepted

        with path.open(encoding="utf-8") as stream:
            batch: list[tuple[InputEntry, Page | None]] = []
            for number, line in enumerate(stream):
                if args.stop is not None and number >= args.stop:
                    break
                record = json.loads(line)
                page = Page(
                    source=f"scale#{record['id']}",
                    text=record["text"],
                    title=record.get("title") or None,
                    published=record.get("published"),
                )
                batch.append((InputEntry(page.source, "ok", None, None), page))
                if len(batch) == args.chunk:
                    add(batch, last=False)
                    batch = []
            if batch:
                add(batch, last=True)
        if args.check_sketches:
            check_sketches(corpus, args.check_sketches)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
