"""Time `find_duplicates` on FreSaDa (11,570 French articles with many exact duplicate groups).

Prints, in one process:
- recoupe's wall time and peak traced memory, clusters found, and precision / recall of the pairs
  it puts together against the data set's exact duplicate groups (identical texts: its only gold);
- the same for datasketch used plainly (a MinHash per document over the same shingles hashed
  with its default sha1, MinHashLSH at the same threshold, candidates taken as duplicates);
- a naive all-pairs exact comparison on a random sample of distinct texts, extrapolated to the
  whole set, and the share of its verified pairs that recoupe's LSH finds (recall vs exhaustive).

    .venv/bin/python bench/bench_dedup.py [--sample 1500] [--limit N]

Skips cleanly (exit 0) when ../shared/data/fresada_french_satire is absent.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import random
import re
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TypeVar

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "fresada_french_satire" / "fresada.jsonl.gz"
WORD = re.compile(r"\w+")
T = TypeVar("T")


def measure(run: Callable[[], T]) -> tuple[T, float, float]:
    """Result, wall seconds (untraced run), peak traced MiB (second, traced run)."""
    start = time.perf_counter()
    result = run()
    wall = time.perf_counter() - start
    tracemalloc.start()
    run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, wall, peak / 2**20


def pairs_of(groups: Iterable[Sequence[str]]) -> set[tuple[str, str]]:
    return {(a, b) if a < b else (b, a) for g in groups for a, b in itertools.combinations(g, 2)}


def score(found: set[tuple[str, str]], gold: set[tuple[str, str]]) -> str:
    hit = len(found & gold)
    precision = hit / len(found) if found else 1.0
    recall = hit / len(gold) if gold else 1.0
    return f"pairs {len(found):>7}  exact-gold precision {precision:.4f}  recall {recall:.4f}"


def plain_datasketch(texts: dict[str, str], threshold: float, num_perm: int, shingle: int) -> list[list[str]]:
    """What a user writes with datasketch alone: MinHash per text, LSH, candidates are duplicates."""
    from datasketch import MinHash, MinHashLSH

    from recoupe.textutil import fold

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    sketches: dict[str, MinHash] = {}
    for key, text in texts.items():
        words = WORD.findall(fold(text))
        grams = {" ".join(words[i : i + shingle]).encode() for i in range(max(1, len(words) - shingle + 1))}
        sketch = MinHash(num_perm=num_perm)
        sketch.update_batch(list(grams))
        sketches[key] = sketch
        lsh.insert(key, sketch)
    parent = {key: key for key in texts}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for key, sketch in sketches.items():
        for other in lsh.query(sketch):
            parent[find(other)] = find(key)
    groups: dict[str, list[str]] = {}
    for key in texts:
        groups.setdefault(find(key), []).append(key)
    return [g for g in groups.values() if len(g) > 1]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sample", type=int, default=1500, help="distinct texts for the naive all-pairs run")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N articles (0: all)")
    args = parser.parse_args(argv)
    if not DATA.is_file():
        print(f"skipped: {DATA} is absent (the shared data sets sit beside the clone)")
        return 0

    from recoupe.clean import content_hash
    from recoupe.dedup import find_duplicates, shingle_set, verify_pair
    from recoupe.model import Document

    with gzip.open(DATA, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    if args.limit:
        rows = rows[: args.limit]
    docs = [
        Document(
            id=f"f{r['id']}",
            source=f"fresada.jsonl.gz#{r['id']}",
            text=r["text"],
            content_hash=content_hash(r["text"]),
            quality=0.5,
        )
        for r in rows
    ]
    by_text: dict[str, list[str]] = {}
    for d in docs:
        by_text.setdefault(d.text, []).append(d.id)
    gold = pairs_of(g for g in by_text.values() if len(g) > 1)
    redundant = sum(len(g) - 1 for g in by_text.values())
    chars = sum(len(d.text) for d in docs)
    print(f"FreSaDa: {len(docs)} articles, {chars / 1e6:.1f} M characters, {len(by_text)} distinct texts")
    print(
        f"gold (identical texts): {sum(len(g) > 1 for g in by_text.values())} groups, {redundant} redundant copies"
    )
    print()

    threshold, num_perm, shingle = 0.8, 128, 5
    clusters, wall, peak = measure(
        lambda: find_duplicates(docs, threshold=threshold, num_perm=num_perm, shingle=shingle)
    )
    ours = pairs_of(c.members for c in clusters)
    near = sum(1 for c in clusters if c.evidence and "near cop" in c.evidence)
    marked = sum(len(c.members) - 1 for c in clusters)
    print(
        f"recoupe find_duplicates   wall {wall:6.2f} s  peak {peak:7.1f} MiB  {len(docs) / wall:8.0f} docs/s"
    )
    print(f"  {len(clusters)} clusters ({near} with near copies), {marked} documents marked duplicate")
    print(f"  {score(ours, gold)}   (pairs beyond the gold are near copies, not exact ones)")

    plain_texts = {d.id: d.text for d in docs}
    plain, plain_wall, plain_peak = measure(
        lambda: plain_datasketch(plain_texts, threshold, num_perm, shingle)
    )
    plain_pairs = pairs_of(plain)
    print(
        f"datasketch used plainly   wall {plain_wall:6.2f} s  peak {plain_peak:7.1f} MiB  {len(docs) / plain_wall:8.0f} docs/s"
    )
    print(f"  {len(plain)} groups (unverified LSH candidates, chained)")
    print(f"  {score(plain_pairs, gold)}")
    print(
        f"  ratio: recoupe takes {wall / plain_wall:.2f}x the time, {peak / plain_peak:.2f}x the peak memory"
    )

    # naive all-pairs on a sample of distinct texts, with the same exact verification
    heads = [ids[0] for ids in by_text.values()]
    sample = sorted(random.Random(0).sample(heads, min(args.sample, len(heads))))
    text_of = {d.id: d.text for d in docs}
    sets = {key: shingle_set(text_of[key], shingle) for key in sample}
    start = time.perf_counter()
    exhaustive = {
        (a, b)
        for a, b in itertools.combinations(sample, 2)
        if verify_pair(sets[a], sets[b], threshold=threshold, min_containment=0.9) is not None
    }
    naive_wall = time.perf_counter() - start
    full_estimate = naive_wall * (len(heads) / len(sample)) ** 2
    sample_docs = [Document(id=k, source=k, text=text_of[k], quality=0.5) for k in sample]
    ours_sample = pairs_of(c.members for c in find_duplicates(sample_docs))
    found = len(exhaustive & ours_sample)
    print(
        f"naive all-pairs, {len(sample)} distinct texts: {naive_wall:6.2f} s; whole set estimated {full_estimate:7.0f} s"
    )
    print(
        f"  verified pairs {len(exhaustive)}; recoupe's LSH finds {found} of them "
        f"(recall {found / len(exhaustive) if exhaustive else 1.0:.3f}); "
        f"{len(ours_sample - exhaustive)} more pairs share a representative"
    )
    print(f"  ratio: naive all-pairs on the whole set would take ~{full_estimate / wall:.0f}x recoupe's time")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
