"""`recoupe serve` on a 10,000-page store: time to first byte of a story page, the story list and
a search, 20 requests each, median and worst.

    .venv/bin/python bench/bench_serve.py [--store PATH | --synthetic] [--requests 20]
    .venv/bin/python bench/bench_serve.py --store bench/.cache/incremental_2000.db

The store is the one bench/bench_incremental.py builds from the first 10,000 FreSaDa articles
through the whole pipeline (bench/.cache/incremental_10000.db, built once by that script), any
store given with --store, or with --synthetic one built here in a minute: the first 10,000
FreSaDa articles as documents (real text, sentences, mentions of capitalised names at their
offsets), grouped into stories of heavy-tailed sizes (one of 400 pages, a few of 100, most of
1 to 5), each with a summary citing three of its pages, up to 80 facts with their mentions and a
timeline (bench/.cache/serve_synthetic_10000.db). The synthetic store measures the web view,
not the pipeline: its facts are names found by a pattern, not by the extractors. The server runs as users run it: uvicorn in a process of its own, on loopback; the
requests come one at a time over HTTP from this process. Time to first byte is measured from the
request's send to the response's status line and headers (`http.client.getresponse`).

Targets of issue 7: story page <= 200 ms, stories list <= 300 ms, search <= 300 ms (median and
worst). The ratio printed beside the story page is against rendering the same story as a static
brief page from the store (`Store.brief([id])` then `render_html`), what `recoupe brief --db
--story ID` does, the reader one would otherwise use. Skips cleanly (exit 0) without a store.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import http.client
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]
DEFAULT_STORE = REPO / "bench" / ".cache" / "incremental_10000.db"
SYNTHETIC_STORE = REPO / "bench" / ".cache" / "serve_synthetic_10000.db"
FRESADA = REPO.parent / "shared" / "data" / "fresada_french_satire" / "fresada.jsonl.gz"
sys.path.insert(0, str(REPO / "src"))

from recoupe.model import (  # noqa: E402
    Document,
    Fact,
    FactMention,
    InputEntry,
    Mention,
    Page,
    Story,
    SummarySentence,
    TimelineEntry,
)
from recoupe.render import render_html  # noqa: E402
from recoupe.store import Store, StoryRow  # noqa: E402

TARGETS_MS = {"story page": 200.0, "stories list": 300.0, "search": 300.0}


def story_sizes(total: int, rng: random.Random) -> list[int]:
    """Heavy-tailed story sizes summing to `total`: one of 400, five of 100, then 1 to 5 each."""
    sizes = [400] + [100] * 5
    while sum(sizes) < total:
        sizes.append(min(rng.choice([1, 1, 1, 2, 2, 3, 4, 5]), total - sum(sizes)))
    return sizes


_NAME = re.compile(r"\b[A-ZÉÈÀÂ][a-zéèêàâîôûç]+(?:[ -][A-ZÉÈÀÂ][a-zéèêàâîôûç]+)*")


def build_synthetic(path: Path, pages: int, seed: int) -> None:
    from recoupe.facts.nlp import regex_sentences

    rng = random.Random(seed)
    records = []
    with gzip.open(FRESADA, "rt", encoding="utf-8") as stream:
        for line_ in stream:
            records.append(json.loads(line_))
            if len(records) == pages:
                break
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with Store.open(path) as store, store.transaction():
        cursor = 0
        sites = [f"site-{i}.example" for i in range(40)]
        for number, size in enumerate(story_sizes(len(records), rng)):
            members = records[cursor : cursor + size]
            cursor += size
            story_id = f"s{number:07d}"
            docs = []
            for record in members:
                doc_id = f"d{record['id']}"
                text = record["text"]
                day = date(2024, 1, 1) + timedelta(days=rng.randrange(365))
                mentions = [
                    Mention("place" if i % 2 else "person", m.group(), m.start(), m.end(), m.group())
                    for i, m in enumerate(_NAME.finditer(text))
                ][:60]
                doc = Document(
                    id=doc_id,
                    source=f"fresada.jsonl.gz#{record['id']}",
                    text=text,
                    site=rng.choice(sites),
                    title=record.get("title") or None,
                    published=day.isoformat(),
                    language="fr",
                    quality=0.9,
                    story=story_id,
                    content_hash=hashlib.sha1(text.encode()).hexdigest(),
                    sentences=regex_sentences(text),
                    mentions=mentions,
                )
                entry = InputEntry(doc.source, "ok", doc_id)
                store.put_input(entry, doc.content_hash)
                store.put_page(doc_id, Page(doc.source, text, title=doc.title), doc.content_hash, doc.site)
                store.put_document(doc, judged_verdict="ok", seq=1)
                docs.append(doc)
            by_name: dict[str, list[FactMention]] = {}
            for doc in docs:
                for m in doc.mentions:
                    by_name.setdefault(m.text, []).append(FactMention(doc.id, m.text, m.start, m.end))
            names = sorted(by_name, key=lambda n: (-len({m.document for m in by_name[n]}), n))[:80]
            facts = [
                Fact(
                    f"f{story_id}-{i}",
                    "place" if i % 2 else "person",
                    name,
                    name,
                    len({m.document for m in by_name[name]}),
                    by_name[name],
                )
                for i, name in enumerate(names)
            ]
            summary = [
                SummarySentence(doc.sentences[0].text, [doc.id, *[d.id for d in docs[:2] if d is not doc]])
                for doc in docs[:3]
                if doc.sentences
            ]
            timeline = [
                TimelineEntry(d.published or "", d.sentences[0].text if d.sentences else "", [d.id])
                for d in docs[:30]
            ]
            title = docs[0].title or story_id
            story = Story(
                story_id,
                title,
                [d.id for d in docs],
                summary,
                facts,
                timeline=sorted(timeline, key=lambda e: e.date),
            )
            dates = sorted(d.published for d in docs if d.published)
            row = StoryRow(
                story_id,
                title,
                len(docs),
                len({d.site for d in docs}),
                dates[0],
                dates[-1],
                0,
                ("fr",),
                tuple(sorted({d.site or "" for d in docs})),
                docs[0].id,
                1,
            )
            store.put_story(story, row)
    print(f"synthetic store: {pages} pages built in {time.monotonic() - started:.0f} s -> {path}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    code = f"from recoupe.web import serve; serve({str(db)!r}, port={port})"
    process = subprocess.Popen(
        [sys.executable, "-c", code], cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO / "src")}
    )
    for _ in range(300):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("bench_serve: the server did not start")


CPU_MS: dict[str, list[float]] = {}


def first_byte_ms(port: int, path: str) -> tuple[float, int, int, float]:
    """(time to first byte in ms, status, body bytes, server CPU ms) of one GET on a fresh
    connection; the server's CPU time comes from its Server-Timing header."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    started = time.perf_counter()
    connection.request("GET", path)
    response = connection.getresponse()
    ttfb = (time.perf_counter() - started) * 1000
    body = response.read()
    connection.close()
    timing = re.search(r"cpu;dur=([\d.]+)", response.getheader("server-timing") or "")
    return ttfb, response.status, len(body), float(timing.group(1)) if timing else float("nan")


def measure(port: int, paths: list[str], name: str) -> list[float]:
    # warm the server's threads (each opens its store connection once) on another page, so the
    # measured pages are read for the first time
    for _ in range(4):
        first_byte_ms(port, "/inputs")
    times = []
    for path in paths:
        ttfb, status, _, cpu = first_byte_ms(port, path)
        if status != 200:
            raise SystemExit(f"bench_serve: {path} answered {status}")
        times.append(ttfb)
        CPU_MS.setdefault(name, []).append(cpu)
    return times


def line(name: str, times: list[float], extra: str = "") -> str:
    median, worst = statistics.median(times), max(times)
    target = TARGETS_MS.get(name)
    verdict = (
        "" if target is None else ("  holds" if worst <= target else f"  OVER the {target:.0f} ms target")
    )
    cpu = CPU_MS.get(name, [])
    spent = f"   server CPU median {statistics.median(cpu):6.1f} worst {max(cpu):6.1f} ms" if cpu else ""
    return (
        f"{name:<22} first byte median {median:7.1f} ms   worst {worst:7.1f} ms{spent}   "
        f"({len(times)} requests){verdict}{extra}"
    )


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, default=DEFAULT_STORE)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--synthetic", action="store_true", help="measure on a synthetic store (built once)")
    parser.add_argument("--pages", type=int, default=10_000, help="pages of the synthetic store")
    args = parser.parse_args()
    if args.synthetic:
        if not FRESADA.exists():
            print(f"bench_serve: {FRESADA} is absent; no synthetic store")
            return 0
        args.store = SYNTHETIC_STORE.with_name(f"serve_synthetic_{args.pages}.db")
        if not args.store.exists():
            build_synthetic(args.store, args.pages, args.seed)
    if not args.store.exists():
        print(
            f"bench_serve: no store at {args.store}; run bench/bench_incremental.py first (or pass --store)"
        )
        return 0
    rng = random.Random(args.seed)
    with Store.open(args.store, readonly=True) as store:
        counts = store.counts()
        rows = store.stories(order="documents")
        if not rows:
            print("bench_serve: the store holds no story")
            return 0
        # the largest stories (the heaviest pages) and a random draw of the others
        picked = [r.id for r in rows[: args.requests // 2]]
        picked += [r.id for r in rng.sample(rows, min(len(rows), args.requests - len(picked)))]
        words = [w for r in rng.sample(rows, min(len(rows), 200)) for w in r.title.split() if len(w) > 5]
        queries = rng.sample(sorted(set(words)), min(args.requests, len(set(words))))
        static_ms = [timed(lambda sid=sid: render_html(store.brief([sid]))) for sid in picked]  # type: ignore[misc]
    print(
        f"store: {args.store} ({counts.documents} documents, {counts.stories} stories, "
        f"{args.store.stat().st_size / 2**20:.0f} MiB)"
    )
    print(f"largest story: {rows[0].n_documents} documents")
    print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())} ({os.cpu_count()} cores)")
    port = free_port()
    server = start_server(args.store, port)
    try:
        story = measure(port, [f"/stories/{sid}" for sid in picked], "story page")
        listing = measure(
            port,
            ["/stories"] + [f"/stories?page={1 + i % 5}" for i in range(args.requests - 1)],
            "stories list",
        )
        filtered = measure(
            port,
            [f"/stories?min_sources=2&sort=discrepancies&page={1 + i % 3}" for i in range(args.requests)],
            "stories list, filtered",
        )
        search = measure(port, [f"/stories?q={quote(q)}" for q in queries], "search")
        story_json = measure(port, [f"/stories/{sid}.json" for sid in picked], "story JSON")
    finally:
        server.terminate()
        server.wait(timeout=10)
    ratio = statistics.median(static_ms) / statistics.median(story)
    print(
        line(
            "story page",
            story,
            f"   static page of the same story: median {statistics.median(static_ms):.1f} ms ({ratio:.1f}x)",
        )
    )
    print(line("stories list", listing))
    print(line("stories list, filtered", filtered))
    print(line("search", search))
    print(line("story JSON", story_json))
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
