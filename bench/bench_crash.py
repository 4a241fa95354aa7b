"""Crash safety: `kill -9` at three random points of an add, then the same add again.

    .venv/bin/python bench/bench_crash.py [--pages 2000] [--seed 7]

Writes the first `--pages` FreSaDa articles to a JSONL file, then:
1. a clean `recoupe add` of it into one store;
2. into a second store, `recoupe add` killed with SIGKILL at three random points (seeded shares of
   the pages committed, each add resuming the last), then run to its end;
3. compares the two stores: counts of inputs, pages, documents, stories, duplicate clusters, facts,
   discrepancies, stories left to rebuild; inputs doubled; `PRAGMA integrity_check`; and the
   B-cubed F1 of the stories (a resumed add groups its remaining pages in other chunks, and
   incremental grouping is within the bound the README states, not always identical).
PASS when inputs, pages, documents and duplicate clusters are equal, nothing is doubled, the file
is intact and no story is left to rebuild.

Skips cleanly (exit 0) when ../shared/data/fresada_french_satire is absent.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "fresada_french_satire" / "fresada.jsonl.gz"
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO / "src"))

from corpora import recoupe_add, store_stories, write_fresada_jsonl  # noqa: E402
from recoupe.stories import bcubed  # noqa: E402

TABLES = ("inputs", "pages", "documents", "stories", "duplicates", "facts", "discrepancies", "dirty_stories")


def documents(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(db, timeout=1)
        try:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:  # not created yet, or locked for a moment
        return 0


def counts(db: Path) -> dict[str, object]:
    conn = sqlite3.connect(db)
    try:
        found: dict[str, object] = {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES
        }
        found["inputs doubled"] = conn.execute(
            "SELECT count(*) - count(DISTINCT source || '\x1f' || content_hash) FROM inputs"
        ).fetchone()[0]
        found["integrity"] = conn.execute("PRAGMA integrity_check").fetchone()[0]
        return found
    finally:
        conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} is absent")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        jsonl = write_fresada_jsonl(folder / "fresada.jsonl", args.pages)
        clean_db, crashed_db = folder / "clean.db", folder / "crashed.db"
        started = time.perf_counter()
        assert recoupe_add(jsonl, clean_db, "--workers", "1").wait() == 0
        clean_wall = time.perf_counter() - started
        print(f"clean add of {args.pages} pages: {clean_wall:.0f} s")
        rng = random.Random(args.seed)
        # three random points of the add, as shares of its pages committed, in increasing order
        # (each add resumes where the previous one was killed)
        for attempt, share in enumerate(sorted(rng.uniform(0.1, 0.9) for _ in range(3)), start=1):
            target = int(share * args.pages)
            process = recoupe_add(jsonl, crashed_db, "--workers", "1")
            committed = 0
            while process.poll() is None and committed < target:
                time.sleep(0.2)
                committed = documents(crashed_db)
            if process.poll() is None:
                os.kill(process.pid, signal.SIGKILL)
                process.wait()
                print(f"kill -9 #{attempt} once {committed} documents were committed (aimed at {target})")
            else:
                print(f"add #{attempt} finished before {target} documents")
        started = time.perf_counter()
        assert recoupe_add(jsonl, crashed_db, "--workers", "1").wait() == 0
        print(f"final add after the kills: {time.perf_counter() - started:.0f} s")
        clean, crashed = counts(clean_db), counts(crashed_db)
        print(f"{'':>16} {'clean':>9} {'crashed':>9}")
        for key in clean:
            print(f"{key:>16} {clean[key]!s:>9} {crashed[key]!s:>9}")
        a, b = set(store_stories(clean_db).values()), set(store_stories(crashed_db).values())
        print(
            f"stories: identical {a == b}; B-cubed F1 of the crashed run's against the clean run's {bcubed(b, a)[2]:.4f}"
        )
        exact = ("inputs", "pages", "documents", "duplicates", "dirty_stories", "inputs doubled", "integrity")
        ok = all(clean[key] == crashed[key] for key in exact)
        print("PASS: nothing lost, nothing doubled" if ok else "FAIL: the stores differ")
        return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
