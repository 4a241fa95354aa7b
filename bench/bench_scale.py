"""Scale: a synthetic corpus of 1k, 10k (and 100k) pages through `recoupe add --workers 2`.

    .venv/bin/python bench/bench_scale.py [--sizes 1000,10000] [--with-100k] [--seed 6] [--workers 2]
    .venv/bin/python bench/bench_scale.py --plain --sizes 11570      # FreSaDa as is (issue 6, bar a)

Per size, the bench builds a JSONL corpus with a fixed seed (bench/.cache/scale_<n>_<seed>.jsonl):
- FreSaDa articles (../shared/data/fresada_french_satire/fresada.jsonl.gz), in a seeded order;
  past its 11,570 articles, mosaic pages of sentences drawn from 8-15 different articles;
- planted near-copies (10 % of the pages): an article of at least 80 words with 2-5 of its words
  replaced by other words of the corpus, dated 0-2 days after it;
- `published` dates spread over 2025 (one year).

It then adds the file into a fresh store exactly as `recoupe add FILE --db STORE --workers N`
does (`Corpus.add_paths` in a child process, so that models, workers and JSONL reading are all
counted), polls the RSS of the whole process tree (child + pool workers, from /proc) and prints:
wall, pages/s, peak RSS of the tree, the seconds per phase (`AddSummary.timings`), and dedup
precision and recall over the pairs of planted copies (the store's duplicate clusters, all pairs
of members). FreSaDa's own exact duplicates count as true pairs for precision. At the end, a
table of how time and memory grow with the pages, and the ratio against `recoupe brief` as
measured before the store (issue 6: 1,000 pages 66 s / 626 MB, 11,570 pages 756 s / 4.35 GB).

Skips cleanly (exit 0) when the FreSaDa file is absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "fresada_french_satire" / "fresada.jsonl.gz"
CACHE = REPO / "bench" / ".cache"
COPY_SHARE = 0.10
YEAR_START = dt.date(2025, 1, 1)
# `recoupe brief` before the store (issue 6, this machine): pages -> (seconds, peak MB)
BRIEF_BEFORE = {1000: (66.0, 626.0), 3000: (171.0, 1060.0), 11570: (756.0, 4350.0)}
WORD = re.compile(r"\w{4,}")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
PROGRESS_EVERY_S = 300


# ------------------------------------------------------------------ corpus


def load_fresada() -> list[dict[str, str]]:
    with gzip.open(DATA, "rt", encoding="utf-8") as stream:
        return [
            {"id": r["id"], "title": r.get("title") or "", "text": r["text"]}
            for r in (json.loads(line) for line in stream)
        ]


def near_copy(text: str, rng: random.Random, vocabulary: list[str]) -> str:
    """The text with 2-5 of its words (4 letters or more) replaced by other words."""
    spans = [m.span() for m in WORD.finditer(text)]
    chosen = sorted(rng.sample(spans, rng.randint(2, 5)), reverse=True)
    for start, end in chosen:
        text = text[:start] + rng.choice(vocabulary) + text[end:]
    return text


def build(size: int, seed: int, plain: bool) -> tuple[Path, dict[str, str]]:
    """Write the corpus of `size` pages; return its path and, for each planted copy's record
    id, the record id of the article it copies."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / (f"scale_plain_{size}.jsonl" if plain else f"scale_{size}_{seed}.jsonl")
    truth_path = path.with_suffix(".truth.json")
    articles = load_fresada()
    if plain:
        with path.open("w", encoding="utf-8") as out:
            for record in articles[:size]:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return path, {}
    if path.exists() and truth_path.exists():
        return path, json.loads(truth_path.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    order = list(range(len(articles)))
    rng.shuffle(order)
    copies = int(size * COPY_SHARE)
    originals = size - copies
    records: list[dict[str, str]] = []
    for number in range(originals):
        if number < len(order):
            records.append(dict(articles[order[number]]))
            continue
        sources = rng.sample(range(len(articles)), rng.randint(8, 15))
        sentences = [rng.choice(SENTENCE_END.split(articles[i]["text"])) for i in sources]
        records.append(
            {"id": f"mosaic{number}", "title": articles[sources[0]]["title"], "text": " ".join(sentences)}
        )
    for record in records:
        day = YEAR_START + dt.timedelta(days=rng.randrange(365))
        record["published"] = day.isoformat()
    vocabulary = sorted({w for r in records[:2000] for w in WORD.findall(r["text"])})
    long_enough = [r for r in records if len(WORD.findall(r["text"])) >= 80]
    truth: dict[str, str] = {}
    planted: list[dict[str, str]] = []
    for number in range(copies):
        original = rng.choice(long_enough)
        day = dt.date.fromisoformat(original["published"]) + dt.timedelta(days=rng.randint(0, 2))
        copy_id = f"copy{number}-of-{original['id']}"
        truth[copy_id] = original["id"]
        text = near_copy(original["text"], rng, vocabulary)
        planted.append(
            {"id": copy_id, "title": original["title"], "text": text, "published": day.isoformat()}
        )
    # copies are spread through the stream, not appended at its end
    for record in planted:
        records.insert(rng.randrange(len(records) + 1), record)
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    truth_path.write_text(json.dumps(truth), encoding="utf-8")
    return path, truth


# ------------------------------------------------------------------ the add, in a child process


def child(path: str, db: str, workers: int, pool_pages: int) -> int:
    sys.path.insert(0, str(REPO / "src"))
    from recoupe import corpus as corpus_module
    from recoupe.corpus import Corpus

    if pool_pages:  # pages per worker and chunk: how often the pool (and its models) restarts
        corpus_module.POOL_PAGES_PER_WORKER = pool_pages
    from recoupe.pipeline import PipelineConfig
    from recoupe.store import Store

    with Store.open(db) as store:
        summary = Corpus(store, PipelineConfig(workers=workers)).add_paths([path])
    print(json.dumps({"line": summary.line(), "timings": summary.timings, "new_pages": summary.new_pages}))
    return 0


def tree_rss_bytes(root: int) -> int:
    """RSS of `root` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as stream:
                fields = stream.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def run_add(path: Path, workers: int, pool_pages: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="recoupe-scale-") as tmp:
        db = str(Path(tmp) / "scale.db")
        started = time.monotonic()
        cpu_before = os.times()
        process = subprocess.Popen(
            [sys.executable, __file__, "--child", str(path), db, str(workers), str(pool_pages)],
            stdout=subprocess.PIPE,
            text=True,
        )
        peak = 0
        last_report = started
        while process.poll() is None:
            rss = tree_rss_bytes(process.pid)
            peak = max(peak, rss)
            time.sleep(0.25)
            if time.monotonic() - last_report >= PROGRESS_EVERY_S:
                # a long run (100k pages: hours) says where it is, in case it is stopped before the end
                last_report = time.monotonic()
                print(
                    f"  ... {last_report - started:6.0f} s: {stored_documents(db):,} documents stored, "
                    f"RSS {rss / 2**20:,.0f} MiB, peak {peak / 2**20:,.0f} MiB",
                    file=sys.stderr,
                    flush=True,
                )
        wall = time.monotonic() - started
        cpu_after = os.times()
        out = process.stdout.read() if process.stdout else ""
        if process.returncode != 0:
            raise SystemExit(f"the add failed ({process.returncode})")
        result: dict[str, object] = json.loads(out.strip().splitlines()[-1])
        result.update(
            wall=wall,
            peak_mib=peak / 2**20,
            cpu=(cpu_after.children_user + cpu_after.children_system)
            - (cpu_before.children_user + cpu_before.children_system),
            pairs=duplicate_pairs(db),
        )
        return result


def stored_documents(db: str) -> int:
    """Documents the add has written so far (a read beside the writer: the store is in WAL mode)."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def duplicate_pairs(db: str) -> list[tuple[str, str]]:
    """Pairs of record ids the store holds as duplicates (all pairs of a cluster's members)."""
    conn = sqlite3.connect(db)
    record_of = {
        doc: source.rsplit("#", 1)[1] for source, doc in conn.execute("SELECT source, document FROM inputs")
    }
    pairs: list[tuple[str, str]] = []
    for (members,) in conn.execute("SELECT members FROM duplicates"):
        ids = sorted(record_of.get(m, m) for m in json.loads(members))
        pairs.extend(combinations(ids, 2))
    conn.close()
    return pairs


def score(pairs: list[tuple[str, str]], truth: dict[str, str], path: Path) -> tuple[float, float, int, int]:
    """Recall over planted pairs; precision over the store's pairs (planted or exact copies in
    FreSaDa itself count as true); the counts of found and planted pairs."""
    group: dict[str, str] = {}
    for copy_id, original in truth.items():
        group[copy_id] = original
        group[original] = original
    members: dict[str, list[str]] = {}
    for record_id, root in group.items():
        members.setdefault(root, []).append(record_id)
    planted = {tuple(sorted(p)) for ids in members.values() for p in combinations(ids, 2)}
    by_text: dict[str, list[str]] = {}
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            by_text.setdefault(" ".join(record["text"].split()), []).append(record["id"])
    natural = {tuple(sorted(p)) for ids in by_text.values() if len(ids) > 1 for p in combinations(ids, 2)}
    found = {tuple(sorted(p)) for p in pairs}
    recall = len(found & planted) / len(planted) if planted else float("nan")
    precision = len(found & (planted | natural)) / len(found) if found else float("nan")
    unexplained = sorted(found - planted - natural)
    if unexplained:
        print(f"  {len(unexplained)} pairs neither planted nor exact copies, e.g. {unexplained[:4]}")
    return precision, recall, len(found & planted), len(planted)


# ------------------------------------------------------------------ main


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--with-100k", action="store_true", help="also 100,000 pages (hours on 2 cores)")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--plain", action="store_true", help="FreSaDa's first N articles as is: no copies, no dates"
    )
    parser.add_argument(
        "--pool-pages-per-worker",
        type=int,
        default=0,
        help="override corpus.POOL_PAGES_PER_WORKER (default 256)",
    )
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child[0], args.child[1], int(args.child[2]), int(args.child[3]))
    if not DATA.exists():
        print(f"skipped: {DATA} is absent")
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.with_100k and 100_000 not in sizes:
        sizes.append(100_000)
    rows: list[tuple[int, float, float, float]] = []
    for size in sizes:
        path, truth = build(size, args.seed, args.plain)
        print(f"{size} pages ({path.name}), recoupe add --workers {args.workers}:", flush=True)
        result = run_add(path, args.workers, args.pool_pages_per_worker)
        wall, peak = float(result["wall"]), float(result["peak_mib"])  # type: ignore[arg-type]
        print(f"  {result['line']}")
        print(
            f"  wall {wall:.1f} s, {size / wall:.1f} pages/s, peak RSS {peak:.0f} MiB (process tree), "
            f"CPU {result['cpu']:.1f} s ({1000 * float(result['cpu']) / size:.0f} ms/page)"  # type: ignore[arg-type]
        )
        timings: dict[str, float] = result["timings"]  # type: ignore[assignment]
        for phase, seconds in sorted(timings.items(), key=lambda kv: -kv[1]):
            print(f"    {phase:<24} {seconds:8.1f} s  ({100 * seconds / wall:.0f} % of wall)")
        if truth:
            precision, recall, hit, total = score(result["pairs"], truth, path)  # type: ignore[arg-type]
            print(
                f"  dedup on planted copies: recall {recall:.3f} ({hit}/{total} pairs), precision {precision:.3f}"
            )
        if size in BRIEF_BEFORE:
            seconds, mb = BRIEF_BEFORE[size]
            print(
                f"  against `recoupe brief` before the store ({seconds:.0f} s, {size / seconds:.1f} pages/s, "
                f"{mb:.0f} MB): speed {seconds / wall:.2f}x, memory {peak * 1.048576 / mb:.2f}x"
            )
        rows.append((size, wall, size / wall, peak))
    print("\n| pages | wall | pages/s | peak RSS (tree) | time per page |")
    print("|---|---|---|---|---|")
    for size, wall, rate, peak in rows:
        print(f"| {size:,} | {wall:.0f} s | {rate:.1f} | {peak:.0f} MiB | {1000 * wall / size:.0f} ms |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
