"""The same pages through `recoupe add --workers 2` and `recoupe add --engine ray`: same store?

    .venv/bin/python bench/bench_engines.py [--pages 2000]

Writes the first `--pages` FreSaDa articles to a JSONL file and adds it into two fresh stores, each
in a fresh process (models, workers, Ray's start included): one with the local pool of 2 workers,
one on a local Ray of 2 CPUs. Prints per engine the wall time, the CPU seconds of the whole process
tree (driver, workers, Ray's own processes; a figure that holds on a shared machine, where wall time
does not) and its peak resident memory, then compares the stores:
- documents: every column but the write sequence, the parsed data (sentences, mentions, quotes) included;
- duplicate clusters (members and representative);
- stories (members of each, and their ids);
and prints Ray's overhead against the pool. PASS when the three are identical.

Skips cleanly (exit 0) when ../shared/data/fresada_french_satire is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "fresada_french_satire" / "fresada.jsonl.gz"
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO / "src"))

from bench_parallel import PeakSampler, source_hash  # noqa: E402
from corpora import recoupe_add, store_stories, write_fresada_jsonl  # noqa: E402
from recoupe.stories import bcubed  # noqa: E402

ENGINES = {"pool": ["--workers", "2"], "ray": ["--workers", "2", "--engine", "ray"]}


def run_engine(engine: str, jsonl: Path, db: Path) -> dict[str, object]:
    """`recoupe add` in a child process, with the CPU and memory of its whole tree."""
    sampler = PeakSampler()
    sampler.sample()
    cpu_before = sum(sampler.cpu.values())
    started = time.perf_counter()
    process = recoupe_add(jsonl, db, *ENGINES[engine])
    sampler.start()
    code = process.wait()
    wall = time.perf_counter() - started
    sampler.running = False
    sampler.join()
    return {"rc": code, "wall": wall, "cpu": sum(sampler.cpu.values()) - cpu_before, "peak": sampler.peak}


def documents(conn: sqlite3.Connection) -> dict[str, str]:
    """A digest per document of every column but `seq` (when it was written)."""
    columns = [r[1] for r in conn.execute("PRAGMA table_info(documents)") if r[1] != "seq"]
    found = {}
    for row in conn.execute(f"SELECT {', '.join(columns)} FROM documents"):
        record = dict(zip(columns, row, strict=True))
        digest = hashlib.sha1(repr(sorted(record.items())).encode("utf-8")).hexdigest()
        found[str(record["source"])] = digest
    return found


def duplicates(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    return {
        (str(rep), str(members))
        for rep, members in conn.execute("SELECT representative, members FROM duplicates")
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=2000)
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} is absent")
        return 0
    try:
        import ray  # noqa: F401
    except ImportError:
        print("skipped: Ray is not installed (pip install 'recoupe[ray]')")
        return 0
    code = source_hash()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        jsonl = write_fresada_jsonl(folder / "fresada.jsonl", args.pages)
        figures = {engine: run_engine(engine, jsonl, folder / f"{engine}.db") for engine in ENGINES}
        if source_hash() != code:
            print("recoupe's code changed during the run: the engines cannot be compared")
            return 1
        print(f"{args.pages} FreSaDa pages through recoupe add (2 workers / 2 Ray CPUs):")
        print(f"{'engine':>8} {'wall s':>8} {'pages/s':>8} {'CPU s':>8} {'peak MiB':>9}")
        for engine, f in figures.items():
            wall, cpu, peak = float(f["wall"]), float(f["cpu"]), int(f["peak"])  # type: ignore[arg-type]
            print(f"{engine:>8} {wall:8.1f} {args.pages / wall:8.1f} {cpu:8.1f} {peak / 2**20:9.0f}")
            if f["rc"] != 0:
                print(f"{engine} failed with exit code {f['rc']}")
                return 1
        pool, ray_ = figures["pool"], figures["ray"]
        print(
            f"Ray overhead against the pool: wall {float(ray_['wall']) / float(pool['wall']):.2f}x, "  # type: ignore[arg-type]
            f"CPU {float(ray_['cpu']) / float(pool['cpu']):.2f}x, "  # type: ignore[arg-type]
            f"memory {int(ray_['peak']) / int(pool['peak']):.2f}x"  # type: ignore[call-overload]
        )
        a, b = (sqlite3.connect(folder / f"{engine}.db") for engine in ENGINES)
        same_docs = documents(a) == documents(b)
        da, db_ = documents(a), documents(b)
        differing = sorted(s for s in da.keys() | db_.keys() if da.get(s) != db_.get(s))
        same_dups = duplicates(a) == duplicates(b)
        sa, sb = (store_stories(folder / f"{engine}.db") for engine in ENGINES)
        same_stories = sa == sb
        print(
            f"documents identical: {same_docs} ({len(da)} / {len(db_)}; {len(differing)} differ {differing[:3]})"
        )
        print(f"duplicate clusters identical: {same_dups} ({len(duplicates(a))} / {len(duplicates(b))})")
        f1 = bcubed(set(sb.values()), set(sa.values()))[2]
        print(
            f"stories identical (members and ids): {same_stories} ({len(sa)} / {len(sb)}; B-cubed F1 {f1:.4f})"
        )
        ok = same_docs and same_dups and same_stories
        print("PASS: the engines give the same store" if ok else "FAIL: the stores differ")
        return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
