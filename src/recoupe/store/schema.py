"""The store's schema, as numbered migrations applied in order.

`PRAGMA user_version` holds the number of migrations a store has had; opening a store applies
the missing ones in place, in one transaction each, so an older store is upgraded and a newer
one (written by a later recoupe) is refused with a message instead of being misread.
A migration is never edited once released: a change is a new migration at the end of the list.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    sql: str
    # Python run after the SQL, in the same transaction (backfills that SQL cannot express)
    backfill: Callable[[sqlite3.Connection], None] | None = None


_V1_BASE = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- one row per input given to `recoupe add`; identity: source + content hash of its text
CREATE TABLE inputs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    source TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    document TEXT,
    added_at TEXT NOT NULL,
    UNIQUE (source, content_hash)
);

-- the page as read (decoded text and metadata), kept so that a site's pages can be cleaned
-- again when its furniture changes; `data` is zlib-compressed JSON
CREATE TABLE pages (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    site TEXT,
    data BLOB NOT NULL,
    UNIQUE (source, content_hash)
);
CREATE INDEX pages_site ON pages (site);

-- a cleaned, judged page with its facts; `data` holds what has no column (removed spans,
-- flags, clean stats, sentence offsets, mentions, quotes) as zlib-compressed JSON
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    source TEXT NOT NULL,
    format TEXT NOT NULL,
    url TEXT,
    site TEXT,
    title TEXT,
    author TEXT,
    published TEXT,
    language TEXT NOT NULL,
    judged_verdict TEXT NOT NULL,
    verdict TEXT NOT NULL,
    quality REAL NOT NULL,
    duplicate_of TEXT,
    story TEXT,
    content_hash TEXT NOT NULL,
    text TEXT NOT NULL,
    data BLOB NOT NULL
);
CREATE INDEX documents_story ON documents (story);
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_duplicate_of ON documents (duplicate_of);

-- per site and page: the keys of its short lines and of its long paragraphs, from which the
-- site's furniture is computed without reading the pages again
CREATE TABLE site_lines (
    site TEXT NOT NULL,
    page TEXT NOT NULL,
    short_lines TEXT NOT NULL,
    long_lines TEXT NOT NULL,
    PRIMARY KEY (site, page)
) WITHOUT ROWID;

CREATE TABLE site_furniture (
    site TEXT PRIMARY KEY,
    lines TEXT NOT NULL,
    digest TEXT NOT NULL
);

-- MinHash-LSH: one row per band of each document's sketch
CREATE TABLE lsh_bands (
    band INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    doc TEXT NOT NULL,
    PRIMARY KEY (band, bucket, doc)
) WITHOUT ROWID;
CREATE INDEX lsh_bands_doc ON lsh_bands (doc);

CREATE TABLE duplicates (
    id TEXT PRIMARY KEY,
    representative TEXT NOT NULL,
    members TEXT NOT NULL,
    similarity REAL,
    evidence TEXT
);
CREATE TABLE duplicate_members (
    doc TEXT PRIMARY KEY,
    cluster TEXT NOT NULL
);
CREATE INDEX duplicate_members_cluster ON duplicate_members (cluster);

-- story candidate index: terms (words and names) with their document frequency, postings
CREATE TABLE terms (
    id INTEGER PRIMARY KEY,
    term TEXT NOT NULL UNIQUE,
    df INTEGER NOT NULL
);
CREATE TABLE postings (
    term INTEGER NOT NULL,
    doc TEXT NOT NULL,
    weight REAL NOT NULL,
    PRIMARY KEY (term, doc)
) WITHOUT ROWID;
CREATE TABLE doc_vectors (
    doc TEXT PRIMARY KEY,
    terms BLOB NOT NULL,
    weights BLOB NOT NULL,
    day INTEGER
);

CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    founder TEXT NOT NULL,
    title TEXT NOT NULL,
    n_documents INTEGER NOT NULL,
    n_sources INTEGER NOT NULL,
    first_date TEXT,
    last_date TEXT,
    n_discrepancies INTEGER NOT NULL,
    languages TEXT NOT NULL,
    sites TEXT NOT NULL,
    updated_seq INTEGER NOT NULL,
    data BLOB NOT NULL
);
CREATE INDEX stories_last_date ON stories (last_date);
-- stories whose members changed and whose facts, summary and timeline await a rebuild
CREATE TABLE dirty_stories (
    id TEXT PRIMARY KEY
);
CREATE TABLE story_redirects (
    old_id TEXT PRIMARY KEY,
    new_id TEXT NOT NULL
);

CREATE TABLE facts (
    story TEXT NOT NULL,
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    value TEXT,
    unit TEXT,
    support INTEGER NOT NULL,
    n_mentions INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (story, id)
);
CREATE TABLE discrepancies (
    story TEXT NOT NULL,
    position INTEGER NOT NULL,
    about TEXT NOT NULL,
    kind TEXT,
    data TEXT NOT NULL,
    PRIMARY KEY (story, position)
);
"""

_V2_FTS = """
-- full-text search over documents (title, text) and stories (title, summary)
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE stories_fts USING fts5 (
    id UNINDEXED, title, summary, tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO documents_fts (id, title, text) SELECT id, coalesce(title, ''), text FROM documents;
INSERT INTO stories_fts (id, title, summary) SELECT id, title, '' FROM stories;
"""

FTS_TABLES = {"documents_fts": ("title", "text"), "stories_fts": ("title", "summary")}


def fts_rowid(key: str) -> int:
    """The rowid of a document's or story's full-text row, from its id (63 bits of a hash).

    An FTS5 table looks rows up by rowid only: deleting by its UNINDEXED `id` column scans the
    whole index (every text), once per document written, so an add slowed quadratically with the
    store (measured: 17,000 pages in 22 minutes where 11,570 took 10)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big") >> 1


def _fts_rows_by_id_hash(conn: sqlite3.Connection) -> None:
    """Copy each full-text table into one whose rowids are `fts_rowid(id)`."""
    for table, columns in FTS_TABLES.items():
        names = ", ".join(columns)
        conn.execute(
            f"CREATE VIRTUAL TABLE {table}_v3 USING fts5 (id UNINDEXED, {names}, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
        rows = conn.execute(f"SELECT id, {names} FROM {table}")
        while batch := rows.fetchmany(500):
            conn.executemany(
                f"INSERT OR REPLACE INTO {table}_v3 (rowid, id, {names}) VALUES (?, ?, ?, ?)",
                [(fts_rowid(r[0]), *r) for r in batch],
            )
        conn.execute(f"DROP TABLE {table}")
        conn.execute(f"ALTER TABLE {table}_v3 RENAME TO {table}")


_V4_SKETCHES = """
-- each document's MinHash sketch (uint32 values) and the size of its shingle set: a pair its LSH
-- buckets propose is tested on the texts only when the sketches say the test may pass
CREATE TABLE sketches (
    doc TEXT PRIMARY KEY,
    shingles INTEGER NOT NULL,
    hashvalues BLOB NOT NULL
) WITHOUT ROWID;
"""

MIGRATIONS: list[Migration] = [
    Migration(1, "pages, documents, furniture, LSH, candidate index, stories, facts", _V1_BASE),
    Migration(2, "full-text search (FTS5) over documents and stories", _V2_FTS),
    Migration(3, "full-text rows keyed by a hash of their id", "", _fts_rows_by_id_hash),
    # no backfill: a document stored before has no sketch and its pairs are tested on the texts
    Migration(4, "MinHash sketches of documents, to filter the pairs LSH proposes", _V4_SKETCHES),
]
SCHEMA_VERSION = MIGRATIONS[-1].version


class StoreVersionError(RuntimeError):
    """The store was written by a newer recoupe than this one."""


def migrate(conn: sqlite3.Connection, *, upto: int | None = None) -> list[int]:
    """Apply the migrations a store lacks (up to `upto`, default all), each in its own
    transaction with its version bump; returns the versions applied."""
    target = SCHEMA_VERSION if upto is None else upto
    current = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if current > SCHEMA_VERSION:
        raise StoreVersionError(
            f"this store has schema version {current}, newer than this recoupe's {SCHEMA_VERSION}; "
            "upgrade recoupe to read it"
        )
    applied: list[int] = []
    for migration in MIGRATIONS:
        if migration.version <= current or migration.version > target:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # re-read under the write lock: another process may have migrated meanwhile
            if int(conn.execute("PRAGMA user_version").fetchone()[0]) >= migration.version:
                conn.execute("ROLLBACK")
                continue
            for statement in _statements(migration.sql):
                conn.execute(statement)
            if migration.backfill is not None:
                migration.backfill(conn)
            conn.execute(f"PRAGMA user_version = {migration.version:d}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(migration.version)
    return applied


def _statements(sql: str) -> list[str]:
    """Split a migration's script into statements (executescript would commit on its own)."""
    statements: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
