"""The embedded corpus store: one SQLite file holding pages, documents, duplicates, stories and
facts, read by the CLI and the web view, written by `recoupe.corpus` only.

Concurrency follows SQLite's WAL rules: any number of readers, one writer. Every write goes
through `Store.transaction()` (BEGIN IMMEDIATE, waiting up to `busy_timeout_s` for another
writer), so two `recoupe add` runs on one file take turns instead of corrupting it, and a
process killed mid-write leaves the last committed state.

Open one `Store` per thread (a connection is not shared across threads); readers never block the
writer nor each other.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from recoupe import __version__
from recoupe.model import (
    Brief,
    Discrepancy,
    Document,
    DuplicateCluster,
    Fact,
    InputEntry,
    Page,
    Story,
)
from recoupe.store.codec import (
    EncodedStory,
    decode,
    document_data,
    document_from_row,
    encode,
    encode_story,
    pack,
    unpack,
)
from recoupe.store.schema import SCHEMA_VERSION, fts_rowid, migrate

DEFAULT_BUSY_TIMEOUT_S = 600.0
# SQLite limits the number of host parameters in one statement
_CHUNK = 500


@dataclass(slots=True, frozen=True)
class StoryRow:
    """One line of the story list: what `recoupe stories` prints and the web view lists.

    `first_date`/`last_date` are the earliest and latest publication dates (ISO, as the pages
    state them; None when no page is dated). `n_sources` counts independent sources (duplicate
    clusters and sites count once, junk pages not at all). `languages`/`sites` are sorted.
    """

    id: str
    title: str
    n_documents: int
    n_sources: int
    first_date: str | None
    last_date: str | None
    n_discrepancies: int
    languages: tuple[str, ...]
    sites: tuple[str, ...]
    founder: str
    updated_seq: int

    @classmethod
    def from_row(cls, r: sqlite3.Row) -> StoryRow:
        """A row of the `stories` table (every column of this record, by name)."""
        return cls(
            id=r["id"],
            title=r["title"],
            n_documents=r["n_documents"],
            n_sources=r["n_sources"],
            first_date=r["first_date"],
            last_date=r["last_date"],
            n_discrepancies=r["n_discrepancies"],
            languages=tuple(json.loads(r["languages"])),
            sites=tuple(json.loads(r["sites"])),
            founder=r["founder"],
            updated_seq=r["updated_seq"],
        )


@dataclass(slots=True, frozen=True)
class SearchHit:
    """A full-text match: a document or a story, with a snippet whose matched words are wrapped in
    the markers given to `Store.search` (the rest of the snippet is page text: escape it)."""

    kind: Literal["document", "story"]
    id: str
    title: str
    snippet: str
    rank: float
    story: str | None


@dataclass(slots=True, frozen=True)
class StoreCounts:
    inputs: int
    pages: int
    documents: int
    duplicates: int
    stories: int
    facts: int
    discrepancies: int


class Store:
    """A corpus store on disk. `Store.open(path)` creates or upgrades it; use it as a context
    manager or call `close()`.

    Read API (stable, used by the CLI and `recoupe serve`):

    - `stories(since=, until=, min_sources=, ids=, limit=, offset=, order=)` -> list[StoryRow]
    - `story(story_id)` -> Story | None (full: summary, facts, discrepancies, timeline...)
    - `story_documents(story_id)` -> list[Document]
    - `brief(story_ids=, since=, min_sources=)` -> Brief (the JSON contract of `recoupe brief`)
    - `document(doc_id)` -> Document | None; `documents(ids)` -> list[Document]
    - `facts(story_id)` -> list[Fact]; `discrepancies(story_id)` -> list[Discrepancy]
    - `duplicates(doc_ids=None)` -> list[DuplicateCluster]
    - `inputs(status=None)` -> list[InputEntry]
    - `search(query, limit=, kinds=)` -> list[SearchHit] (FTS5, accents and case ignored)
    - `resolve_story_id(story_id)` -> str | None (follows merge redirects)
    - `counts()` -> StoreCounts
    """

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path

    # ---------------------------------------------------------------- opening

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        readonly: bool = False,
        busy_timeout_s: float = DEFAULT_BUSY_TIMEOUT_S,
        migrate_upto: int | None = None,
    ) -> Store:
        """Open (creating it unless `readonly`) the store at `path`, upgrading its schema in place.

        `readonly` opens an existing store for reading only (the web view); it fails with
        FileNotFoundError when there is none. `migrate_upto` is for tests that build an old store.
        """
        path = str(path)
        if readonly:
            if not Path(path).exists():
                raise FileNotFoundError(f"no recoupe store at {path}")
            conn = sqlite3.connect(
                f"file:{path}?mode=ro", uri=True, timeout=busy_timeout_s, isolation_level=None
            )
        else:
            conn = sqlite3.connect(path, timeout=busy_timeout_s, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_s * 1000):d}")
        if not readonly:
            _retry_locked(lambda: conn.execute("PRAGMA journal_mode = WAL"))
            # WAL + NORMAL: a killed process loses nothing committed; only power loss may lose
            # the last transactions, never corrupt the file
            conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn, upto=migrate_upto)
        else:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if version < SCHEMA_VERSION:
                raise RuntimeError(
                    f"the store at {path} has schema version {version}; open it once for writing "
                    f"(e.g. `recoupe add --db {path}` with no path) to upgrade it to {SCHEMA_VERSION}"
                )
        return cls(conn, path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE: the writer lock is taken at once, waiting for
        another writer to finish); committed on success, rolled back on any exception."""
        _retry_locked(lambda: self.conn.execute("BEGIN IMMEDIATE"))
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # ---------------------------------------------------------------- meta

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def next_seq(self) -> int:
        """A number that grows with every add (documents and stories record when they changed)."""
        value = int(self.meta("seq") or 0) + 1
        self.set_meta("seq", str(value))
        return value

    # ---------------------------------------------------------------- read API

    def counts(self) -> StoreCounts:
        def count(table: str) -> int:
            return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

        return StoreCounts(
            inputs=count("inputs"),
            pages=count("pages"),
            documents=count("documents"),
            duplicates=count("duplicates"),
            stories=count("stories"),
            facts=count("facts"),
            discrepancies=count("discrepancies"),
        )

    def stories(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        min_sources: int | None = None,
        ids: Sequence[str] | None = None,
        limit: int | None = None,
        offset: int = 0,
        order: Literal["recent", "sources", "documents", "id"] = "recent",
    ) -> list[StoryRow]:
        """Stories, one row each, filtered and ordered.

        `since`/`until` are ISO dates (or date-times, compared as text): a story is kept when its
        latest page is dated on or after `since` and its earliest on or before `until` (undated
        stories are left out as soon as either is given). `min_sources` keeps stories with at
        least that many independent sources. `ids` (resolved through merge redirects) restricts
        to those stories. `order`: "recent" (latest page first), "sources", "documents" (most
        first) or "id". `limit`/`offset` page through the list.
        """
        where: list[str] = []
        params: list[Any] = []
        if since:
            where.append("last_date >= ?")
            params.append(since)
        if until:
            where.append("first_date <= ?")
            params.append(until + "\uffff" if len(until) == 10 else until)
        if min_sources is not None:
            where.append("n_sources >= ?")
            params.append(int(min_sources))
        if ids is not None:
            resolved = sorted({r for i in ids if (r := self.resolve_story_id(i)) is not None})
            if not resolved:
                return []
            where.append(f"id IN ({','.join('?' * len(resolved))})")
            params.extend(resolved)
        orders = {
            "recent": "last_date IS NULL, last_date DESC, n_documents DESC, id",
            "sources": "n_sources DESC, n_documents DESC, id",
            "documents": "n_documents DESC, n_sources DESC, id",
            "id": "id",
        }
        if order not in orders:
            raise ValueError(f"unknown story order {order!r}; allowed: {', '.join(orders)}")
        sql = (
            "SELECT id, title, n_documents, n_sources, first_date, last_date, n_discrepancies, "
            "languages, sites, founder, updated_seq FROM stories"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY " + orders[order]
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params.extend([int(limit), int(offset)])
        return [StoryRow.from_row(r) for r in self.conn.execute(sql, params)]

    def resolve_story_id(self, story_id: str) -> str | None:
        """The live story an id names: itself, or where it was merged to (following redirects);
        None when no story ever had this id."""
        seen: set[str] = set()
        current = story_id
        while current not in seen:
            seen.add(current)
            if self.conn.execute("SELECT 1 FROM stories WHERE id = ?", (current,)).fetchone():
                return current
            row = self.conn.execute(
                "SELECT new_id FROM story_redirects WHERE old_id = ?", (current,)
            ).fetchone()
            if row is None:
                return None
            current = row[0]
        return None

    def story(self, story_id: str) -> Story | None:
        """The full story record (summary, facts, quotes, discrepancies, timeline, shared
        passages), after resolving redirects; None when unknown."""
        resolved = self.resolve_story_id(story_id)
        if resolved is None:
            return None
        row = self.conn.execute("SELECT data FROM stories WHERE id = ?", (resolved,)).fetchone()
        story: Story = decode(Story, unpack(row[0]))
        return story

    def story_documents(self, story_id: str) -> list[Document]:
        """The documents of a story (duplicates included), in processing order."""
        resolved = self.resolve_story_id(story_id)
        if resolved is None:
            return []
        rows = self.conn.execute(
            "SELECT * FROM documents WHERE story = ? ORDER BY published IS NULL, published, source",
            (resolved,),
        )
        return [document_from_row(r) for r in rows]

    def document(self, doc_id: str) -> Document | None:
        row = self.conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return None if row is None else document_from_row(row)

    def documents(self, ids: Iterable[str]) -> list[Document]:
        """Documents by id (unknown ids skipped), in processing order."""
        found: list[Document] = []
        for chunk in _chunks(list(dict.fromkeys(ids))):
            rows = self.conn.execute(
                f"SELECT * FROM documents WHERE id IN ({','.join('?' * len(chunk))})", chunk
            )
            found.extend(document_from_row(r) for r in rows)
        found.sort(key=lambda d: (d.published is None, d.published or "", d.source))
        return found

    def facts(self, story_id: str) -> list[Fact]:
        """The facts of a story, best supported first."""
        story = self.story(story_id)
        return [] if story is None else story.facts

    def discrepancies(self, story_id: str) -> list[Discrepancy]:
        story = self.story(story_id)
        return [] if story is None else story.discrepancies

    def duplicates(self, doc_ids: Iterable[str] | None = None) -> list[DuplicateCluster]:
        """Duplicate clusters (all, or those holding any of `doc_ids`), in order of their id."""
        if doc_ids is None:
            rows = list(self.conn.execute("SELECT * FROM duplicates ORDER BY id"))
        else:
            cluster_ids: set[str] = set()
            for chunk in _chunks(list(doc_ids)):
                cluster_ids.update(
                    r[0]
                    for r in self.conn.execute(
                        f"SELECT cluster FROM duplicate_members WHERE doc IN ({','.join('?' * len(chunk))})",
                        chunk,
                    )
                )
            rows = []
            for chunk in _chunks(sorted(cluster_ids)):
                rows.extend(
                    self.conn.execute(
                        f"SELECT * FROM duplicates WHERE id IN ({','.join('?' * len(chunk))}) ORDER BY id",
                        chunk,
                    )
                )
        return [
            DuplicateCluster(
                id=r["id"],
                representative=r["representative"],
                members=json.loads(r["members"]),
                similarity=r["similarity"],
                evidence=r["evidence"],
            )
            for r in rows
        ]

    def inputs(self, status: str | None = None) -> list[InputEntry]:
        """Every input ever added (once per source and content), in the order added."""
        sql = "SELECT source, status, document, reason FROM inputs"
        params: tuple[str, ...] = ()
        if status is not None:
            sql += " WHERE status = ?"
            params = (status,)
        return [
            InputEntry(r["source"], r["status"], r["document"], r["reason"])
            for r in self.conn.execute(sql + " ORDER BY seq", params)
        ]

    def search(
        self,
        query: str,
        *,
        limit: int = 20,
        kinds: Sequence[Literal["document", "story"]] = ("story", "document"),
        marks: tuple[str, str] = ("[", "]"),
    ) -> list[SearchHit]:
        """Full-text search (every word of `query` must appear; case and accents ignored; a
        trailing `*` on a word matches prefixes). Stories first, then documents, best first."""
        fts_query = _fts_query(query)
        if not fts_query:
            return []
        hits: list[SearchHit] = []
        if "story" in kinds:
            rows = self.conn.execute(
                "SELECT id, title, snippet(stories_fts, 2, ?, ?, '…', 16) AS snip, rank FROM stories_fts "
                "WHERE stories_fts MATCH ? ORDER BY rank LIMIT ?",
                (marks[0], marks[1], fts_query, limit),
            )
            hits.extend(SearchHit("story", r["id"], r["title"], r["snip"], r["rank"], r["id"]) for r in rows)
        if "document" in kinds:
            rows = self.conn.execute(
                "SELECT f.id AS id, d.title AS title, d.story AS story, "
                "snippet(documents_fts, 2, ?, ?, '…', 16) AS snip, f.rank AS rank "
                "FROM documents_fts f JOIN documents d ON d.id = f.id "
                "WHERE documents_fts MATCH ? ORDER BY f.rank LIMIT ?",
                (marks[0], marks[1], fts_query, limit),
            )
            hits.extend(
                SearchHit("document", r["id"], r["title"] or "", r["snip"], r["rank"], r["story"])
                for r in rows
            )
        return hits

    def brief(
        self,
        story_ids: Sequence[str] | None = None,
        *,
        since: str | None = None,
        until: str | None = None,
        min_sources: int | None = None,
    ) -> Brief:
        """A brief of the selected stories in the JSON contract of `recoupe brief`.

        With no selection: every story, every document and every input ever added. With one:
        those stories, their documents, the inputs that gave them and their duplicate clusters.
        An unknown story id raises KeyError naming it.
        """
        selected = story_ids is not None or since is not None or until is not None or min_sources is not None
        if story_ids is not None:
            unknown = [i for i in story_ids if self.resolve_story_id(i) is None]
            if unknown:
                raise KeyError(f"no story with id {', '.join(unknown)} in {self.path}")
        rows = self.stories(since=since, until=until, min_sources=min_sources, ids=story_ids, order="id")
        stories = [s for row in rows if (s := self.story(row.id)) is not None]
        stories.sort(key=lambda s: _story_order(s, rows))
        doc_ids = [d for s in stories for d in s.documents]
        documents = self.documents(doc_ids)
        if selected:
            wanted = set(doc_ids)
            inputs = [e for e in self.inputs() if e.document in wanted]
        else:
            inputs = self.inputs()
        return Brief(
            recoupe_version=__version__,
            generated_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            inputs=inputs,
            documents=documents,
            stories=stories,
            duplicates=self.duplicates(doc_ids),
        )

    # ---------------------------------------------------------------- writes (recoupe.corpus)
    # Called inside `transaction()`; they keep the FTS tables in step with their sources.

    def known_inputs(self, keys: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
        """Which (source, content hash) pairs are already stored."""
        known: set[tuple[str, str]] = set()
        for source, digest in keys:
            if self.conn.execute(
                "SELECT 1 FROM inputs WHERE source = ? AND content_hash = ?", (source, digest)
            ).fetchone():
                known.add((source, digest))
        return known

    def put_input(self, entry: InputEntry, content_hash: str) -> bool:
        """Record an input; False when the same source and content was already there. A readable
        input replaces an earlier unreadable entry of the same source."""
        if entry.status == "ok":
            self.conn.execute("DELETE FROM inputs WHERE source = ? AND status != 'ok'", (entry.source,))
        cursor = self.conn.execute(
            "INSERT OR IGNORE INTO inputs (source, content_hash, status, reason, document, added_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                entry.source,
                content_hash,
                entry.status,
                entry.reason,
                entry.document,
                dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            ),
        )
        return cursor.rowcount > 0

    def set_input_error(self, source: str, content_hash: str, reason: str) -> None:
        self.conn.execute(
            "UPDATE inputs SET status = 'error', reason = ?, document = NULL WHERE source = ? AND content_hash = ?",
            (reason, source, content_hash),
        )

    def page_id_taken(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM pages WHERE id = ?", (doc_id,)).fetchone() is not None

    def put_page(self, doc_id: str, page: Page, content_hash: str, site: str | None) -> None:
        self.conn.execute(
            "INSERT INTO pages (id, source, content_hash, site, data) VALUES (?, ?, ?, ?, ?)",
            (doc_id, page.source, content_hash, site, pack(encode(page))),
        )

    def pages(self, ids: Iterable[str]) -> dict[str, Page]:
        found: dict[str, Page] = {}
        for chunk in _chunks(list(ids)):
            for r in self.conn.execute(
                f"SELECT id, data FROM pages WHERE id IN ({','.join('?' * len(chunk))})", chunk
            ):
                found[r["id"]] = decode(Page, unpack(r["data"]))
        return found

    def put_document(self, doc: Document, *, judged_verdict: str, seq: int) -> None:
        """Insert or replace a document (and its full-text entry)."""
        self.conn.execute(
            "INSERT OR REPLACE INTO documents (id, seq, source, format, url, site, title, author, published, "
            "language, judged_verdict, verdict, quality, duplicate_of, story, content_hash, text, data) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.id,
                seq,
                doc.source,
                doc.format,
                doc.url,
                doc.site,
                doc.title,
                doc.author,
                doc.published,
                doc.language,
                judged_verdict,
                doc.verdict,
                doc.quality,
                doc.duplicate_of,
                doc.story,
                doc.content_hash,
                doc.text,
                document_data(doc),
            ),
        )
        rowid = fts_rowid(doc.id)
        self.conn.execute("DELETE FROM documents_fts WHERE rowid = ?", (rowid,))
        self.conn.execute(
            "INSERT INTO documents_fts (rowid, id, title, text) VALUES (?, ?, ?, ?)",
            (rowid, doc.id, doc.title or "", doc.text),
        )

    def put_story(self, story: Story | EncodedStory, row: StoryRow) -> None:
        """Insert or replace a story with its facts and discrepancies (and full-text entry)."""
        encoded = story if isinstance(story, EncodedStory) else encode_story(story)
        self.delete_story(encoded.id)
        self.conn.execute(
            "INSERT INTO stories (id, founder, title, n_documents, n_sources, first_date, last_date, "
            "n_discrepancies, languages, sites, updated_seq, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                encoded.id,
                row.founder,
                encoded.title,
                row.n_documents,
                row.n_sources,
                row.first_date,
                row.last_date,
                row.n_discrepancies,
                json.dumps(list(row.languages)),
                json.dumps(list(row.sites)),
                row.updated_seq,
                encoded.data,
            ),
        )
        self.conn.executemany(
            "INSERT OR REPLACE INTO facts (story, id, kind, label, value, unit, support, n_mentions, data) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(encoded.id, *fact) for fact in encoded.facts],
        )
        self.conn.executemany(
            "INSERT INTO discrepancies (story, position, about, kind, data) VALUES (?, ?, ?, ?, ?)",
            [(encoded.id, i, *d) for i, d in enumerate(encoded.discrepancies)],
        )
        self.conn.execute(
            "INSERT INTO stories_fts (rowid, id, title, summary) VALUES (?, ?, ?, ?)",
            (fts_rowid(encoded.id), encoded.id, encoded.title, encoded.summary),
        )

    def delete_story(self, story_id: str) -> None:
        for table, column in (("stories", "id"), ("facts", "story"), ("discrepancies", "story")):
            self.conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (story_id,))
        self.conn.execute("DELETE FROM stories_fts WHERE rowid = ?", (fts_rowid(story_id),))

    def redirect_story(self, old_id: str, new_id: str) -> None:
        """Record that `old_id` now lives on as `new_id` (a merge); earlier redirects to `old_id`
        are pointed at `new_id` too, so a lookup takes one step."""
        if old_id == new_id:
            return
        self.conn.execute(
            "INSERT OR REPLACE INTO story_redirects (old_id, new_id) VALUES (?, ?)", (old_id, new_id)
        )
        self.conn.execute("UPDATE story_redirects SET new_id = ? WHERE new_id = ?", (new_id, old_id))

    def story_id_taken(self, story_id: str) -> bool:
        return (
            self.conn.execute("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone() is not None
            or self.conn.execute("SELECT 1 FROM story_redirects WHERE old_id = ?", (story_id,)).fetchone()
            is not None
        )


def _story_order(story: Story, rows: Sequence[StoryRow]) -> tuple[bool, str, str]:
    by_id = {r.id: r for r in rows}
    row = by_id[story.id]
    return (row.first_date is None, row.first_date or "", story.id)


def _fts_query(query: str) -> str:
    """A user's words as an FTS5 query: each word quoted (no operator injection), all required."""
    words = re.findall(r"\w+\*?", query)
    return " ".join(f'"{w.rstrip("*")}"' + ("*" if w.endswith("*") else "") for w in words)


def _chunks(items: Sequence[str], size: int = _CHUNK) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def _retry_locked(action: Any, *, attempts: int = 50) -> Any:
    """Run `action`, retrying while SQLite says the database is locked (the busy timeout covers
    most waits; WAL set-up and BEGIN can still report a lock during another's checkpoint)."""
    for attempt in range(attempts):
        try:
            return action()
        except sqlite3.OperationalError as error:
            if ("locked" not in str(error) and "busy" not in str(error)) or attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
    return None
