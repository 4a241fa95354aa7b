"""Store reads the web view needs faster than, or beyond, the store's read API.

- `read_story`: `Store.story` builds the record through the store's generic codec, which reads
  the type hints of every value; for a story of hundreds of pages and thousands of fact mentions
  that takes longer than the page may (bench/bench_serve.py). The story's shape is fixed, so it
  is built here with plain constructors; fields added to these records later pass through.
- `story_page`: one page of the story list, filtered (dates, sources, discrepancies, language,
  site, full-text search) and sorted in SQL, so a request reads 50 rows, not every story.
- `input_page`: one page of the inputs, by status, likewise.

Both read the store's tables as `recoupe.store.schema` defines them.
"""

from __future__ import annotations

import json
from typing import Any

from recoupe.model import (
    Discrepancy,
    DiscrepancyValue,
    Fact,
    FactMention,
    InputEntry,
    Quote,
    SharedPassage,
    Story,
    SummarySentence,
    TimelineEntry,
)
from recoupe.store import Store, StoryRow
from recoupe.store.codec import unpack
from recoupe.store.store import _fts_query
from recoupe.web.views import StoryFilter

_ORDERS = {
    "recent": "last_date IS NULL, last_date DESC, n_documents DESC, id",
    "sources": "n_sources DESC, n_documents DESC, id",
    "documents": "n_documents DESC, n_sources DESC, id",
    "discrepancies": "n_discrepancies DESC, n_sources DESC, id",
    "title": "title COLLATE NOCASE, id",
}
_COLUMNS = (
    "id, title, n_documents, n_sources, first_date, last_date, n_discrepancies, languages, sites, "
    "founder, updated_seq"
)


def _fact(data: dict[str, Any]) -> Fact:
    mentions = [FactMention(**m) for m in data.pop("mentions")]
    return Fact(**data, mentions=mentions)


def _discrepancy(data: dict[str, Any]) -> Discrepancy:
    values = [DiscrepancyValue(**v) for v in data.pop("values")]
    return Discrepancy(**data, values=values)


def _passage(data: dict[str, Any]) -> SharedPassage:
    spans = {doc: (int(span[0]), int(span[1])) for doc, span in (data.pop("spans") or {}).items()}
    return SharedPassage(**data, spans=spans)


def story_from_data(data: dict[str, Any]) -> Story:
    """The `Story` a stored story blob (`recoupe.store.codec.encode` of it) holds."""
    return Story(
        summary=[SummarySentence(**s) for s in data.pop("summary")],
        facts=[_fact(f) for f in data.pop("facts")],
        quotes=[Quote(**q) for q in data.pop("quotes")],
        discrepancies=[_discrepancy(d) for d in data.pop("discrepancies")],
        timeline=[TimelineEntry(**t) for t in data.pop("timeline")],
        shared_passages=[_passage(p) for p in data.pop("shared_passages")],
        **data,
    )


def read_story(store: Store, story_id: str) -> Story | None:
    """`Store.story`, faster: the live story an id names (after merges), or None."""
    resolved = store.resolve_story_id(story_id)
    if resolved is None:
        return None
    row = store.conn.execute("SELECT data FROM stories WHERE id = ?", (resolved,)).fetchone()
    return None if row is None else story_from_data(unpack(row[0]))


def story_page(store: Store, query: StoryFilter, per_page: int) -> tuple[list[StoryRow], int]:
    """The rows of page `query.page` of the story list, and how many stories match in all."""
    where: list[str] = []
    params: list[Any] = []
    if query.since:
        where.append("last_date >= ?")
        params.append(query.since)
    if query.until:
        where.append("first_date <= ?")
        params.append(query.until + "\uffff")  # a date keeps the date-times of that day
    if query.min_sources is not None:
        where.append("n_sources >= ?")
        params.append(query.min_sources)
    if query.discrepancies:
        where.append("n_discrepancies > 0")
    if query.language:
        where.append("EXISTS (SELECT 1 FROM json_each(stories.languages) WHERE value = ?)")
        params.append(query.language)
    if query.site:
        where.append("EXISTS (SELECT 1 FROM json_each(stories.sites) WHERE value = ?)")
        params.append(query.site)
    if query.q:
        # a story matches by its title and summary, or by the text of any of its documents; the
        # matches are read once, for both the count and the page
        fts = _fts_query(query.q) or '""'
        matched = [
            r[0]
            for r in store.conn.execute(
                "SELECT id FROM stories_fts WHERE stories_fts MATCH ? UNION SELECT d.story FROM documents_fts f "
                "JOIN documents d ON d.id = f.id WHERE documents_fts MATCH ? AND d.story IS NOT NULL",
                (fts, fts),
            )
        ]
        where.append("id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(matched))
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    total = int(store.conn.execute(f"SELECT count(*) FROM stories{clause}", params).fetchone()[0])
    rows = store.conn.execute(
        f"SELECT {_COLUMNS} FROM stories{clause} ORDER BY {_ORDERS[query.sort]} LIMIT ? OFFSET ?",
        [*params, per_page, (query.page - 1) * per_page],
    )
    return [StoryRow.from_row(r) for r in rows], total


def story_facets(store: Store) -> tuple[list[str], list[str]]:
    """The languages and sites the filters offer: those of the stored stories."""
    languages = [
        r[0]
        for r in store.conn.execute(
            "SELECT DISTINCT value FROM stories, json_each(stories.languages) ORDER BY 1"
        )
    ]
    sites = [r[0] for r in store.conn.execute("SELECT DISTINCT site FROM documents WHERE site IS NOT NULL")]
    return languages, sorted(sites, key=str.casefold)


INPUT_STATUSES = {"problems": ("skipped", "error"), "all": ("ok", "skipped", "error")} | {
    status: (status,) for status in ("ok", "skipped", "error")
}


def input_page(
    store: Store, shown: str, page: int, per_page: int
) -> tuple[list[InputEntry], int, dict[str, int]]:
    """Page `page` of the inputs whose status `shown` names (`INPUT_STATUSES`), in the order
    added; how many there are; and how many inputs have each status."""
    totals = {"ok": 0, "skipped": 0, "error": 0}
    totals.update(dict(store.conn.execute("SELECT status, count(*) FROM inputs GROUP BY status").fetchall()))
    statuses = INPUT_STATUSES[shown]
    marks = ",".join("?" * len(statuses))
    rows = store.conn.execute(
        f"SELECT source, status, document, reason FROM inputs WHERE status IN ({marks}) ORDER BY seq LIMIT ? OFFSET ?",
        (*statuses, per_page, (page - 1) * per_page),
    )
    entries = [InputEntry(r["source"], r["status"], r["document"], r["reason"]) for r in rows]
    return entries, sum(totals.get(s, 0) for s in statuses), totals
