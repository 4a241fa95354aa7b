"""Incremental adds: 100 new pages added to a 10,000-page store, the stories they change rebuilt.

    .venv/bin/python bench/bench_incremental.py [--base 10000] [--new 100] [--store PATH] [--rebuild]

1. Builds (once; kept at --store, default bench/.cache/incremental_<base>.db) a store of the first
   `--base` FreSaDa articles through `Corpus.add`, and prints its wall time, pages/s, peak RSS.
2. Copies it and adds the next `--new` articles: prints the wall time of that add (clean, judge,
   facts of the new pages, dedup against the store, story assignment, rebuild of the changed
   stories, all committed), how many stories it changed, and the ratio against rebuilding the
   whole store from nothing (the build's pages/s applied to base + new pages).
3. Adds the same new pages again: prints the time of an add that changes nothing.

The target of issue 6: the 100-page add in at most 10 s on the project's 2-core machine.
Skips cleanly (exit 0) when ../shared/data/fresada_french_satire is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "fresada_french_satire" / "fresada.jsonl.gz"
sys.path.insert(0, str(REPO / "src"))

from recoupe.corpus import Corpus  # noqa: E402
from recoupe.model import InputEntry, Page  # noqa: E402
from recoupe.store import Store  # noqa: E402


def fresada(start: int, count: int) -> Iterator[tuple[InputEntry, Page | None]]:
    with gzip.open(DATA, "rt", encoding="utf-8") as stream:
        for number, line in enumerate(stream):
            if number < start:
                continue
            if number >= start + count:
                return
            record = json.loads(line)
            source = f"fresada.jsonl.gz#{record['id']}"
            page = Page(source=source, text=record["text"], title=record.get("title") or None)
            yield InputEntry(source, "ok", None, None), page


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def progress_printer(every_s: float = 30.0):  # type: ignore[no-untyped-def]
    started = time.monotonic()
    last = [started]

    def report(stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] >= every_s:
            last[0] = now
            print(f"  {stage} {done} ({now - started:.0f} s)", flush=True)

    return report


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--base", type=int, default=10_000)
    parser.add_argument("--new", type=int, default=100)
    parser.add_argument("--store", type=Path)
    parser.add_argument("--rebuild", action="store_true", help="build the base store again")
    parser.add_argument("--build-only", action="store_true")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} is absent")
        return 0
    path = args.store or REPO / "bench" / ".cache" / f"incremental_{args.base}.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    info = path.with_suffix(".build.json")
    if args.rebuild or not path.exists() or not info.exists():
        for stale in (path, path.with_suffix(".db-wal"), path.with_suffix(".db-shm")):
            stale.unlink(missing_ok=True)
        print(f"building a store of {args.base} FreSaDa articles at {path} ...", flush=True)
        started = time.perf_counter()
        with Store.open(path) as store:
            summary = Corpus(store, progress=progress_printer()).add(fresada(0, args.base))
        wall = time.perf_counter() - started
        build = {"pages": args.base, "wall_s": wall, "peak_rss_mib": peak_rss_mib(), "line": summary.line()}
        info.write_text(json.dumps(build), encoding="utf-8")
    build = json.loads(info.read_text(encoding="utf-8"))
    rate = build["pages"] / build["wall_s"]
    print(
        f"base store: {build['pages']} pages in {build['wall_s']:.0f} s ({rate:.1f} pages/s), peak RSS {build['peak_rss_mib']:.0f} MiB"
    )
    print(f"  {build['line']}")
    if args.build_only:
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "store.db"
        shutil.copyfile(path, copy)
        with Store.open(copy) as store:
            corpus = Corpus(store)
            corpus.pipeline.prepare([Page(source="warm-up", text="Une phrase pour charger le modèle.")], {})
            started = time.perf_counter()
            summary = corpus.add(fresada(args.base, args.new))
            wall = time.perf_counter() - started
            print(
                f"add {args.new} new pages to {build['pages']}: {wall:.2f} s (target <= 10 s), {summary.line()}"
            )
            for phase, seconds in sorted(summary.timings.items(), key=lambda kv: -kv[1]):
                print(f"  {phase:<28} {seconds:6.2f} s")
            rebuild_s = (build["pages"] + args.new) / rate
            print(f"rebuilding everything instead: ~{rebuild_s:.0f} s; ratio {rebuild_s / wall:.0f}x")
            started = time.perf_counter()
            again = corpus.add(fresada(args.base, args.new))
            print(f"the same {args.new} pages again: {time.perf_counter() - started:.2f} s, {again.line()}")
    print(f"peak RSS {peak_rss_mib():.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
