"""The corpus store: migrations, round trips of records, full-text search, story redirects."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from recoupe.model import Document, Flag, Mention, QuoteMention, Removal, Sentence, Story, SummarySentence
from recoupe.store import SCHEMA_VERSION, Store, StoreVersionError, StoryRow
from recoupe.store.codec import document_data, document_from_row
from recoupe.store.schema import MIGRATIONS, fts_rowid

# rpm2_french_mds T01_C1_01, its first sentence (a short excerpt, as tests quote them)
TEXT = (
    "L'un des deux guérilleros des Farc capturés le 2 juillet lors de l'opération militaire de "
    "libération d'Ingrid Betancourt et de 14 autres otages a nié hier avoir trahi ses anciens compagnons."
)


def _document() -> Document:
    farc = TEXT.index("Farc")
    otages = TEXT.index("14 autres otages")
    return Document(
        id="d000000000001",
        source="rpm2/T01_C1_01",
        text=TEXT,
        title="Libération d'Ingrid Betancourt: «Cesar» nie avoir trahi les Farc",
        published="2008-07-10",
        language="fr",
        removed=[Removal("Publié le 10 juillet", "dateline", 0, 20, "dateline")],
        flags=[Flag("too_short", "31 words of main text, fewer than 80", 0.62)],
        quality=0.62,
        verdict="ok",
        content_hash="abc",
        sentences=[Sentence(0, len(TEXT), TEXT)],
        mentions=[
            Mention("organization", "Farc", farc, farc + 4, "Farc"),
            Mention(
                "quantity", "14 autres otages", otages, otages + 16, 14.0, unit="otages", low=14.0, high=14.0
            ),
        ],
        quotes=[QuoteMention("avoir trahi", 0, 10, speaker=None)],
    )


def _insert_v1_document(conn: sqlite3.Connection, doc: Document) -> None:
    conn.execute(
        "INSERT INTO documents (id, seq, source, format, url, site, title, author, published, language, "
        "judged_verdict, verdict, quality, duplicate_of, story, content_hash, text, data) "
        "VALUES (?, 1, ?, 'text', NULL, NULL, ?, NULL, ?, ?, 'ok', 'ok', ?, NULL, NULL, ?, ?, ?)",
        (
            doc.id,
            doc.source,
            doc.title,
            doc.published,
            doc.language,
            doc.quality,
            doc.content_hash,
            doc.text,
            document_data(doc),
        ),
    )


def test_a_new_store_has_every_migration_and_wal(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.db") as store:
        assert store.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_version_1_store_is_upgraded_in_place_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store.open(path, migrate_upto=1) as old:
        assert old.schema_version == 1
        assert (
            old.conn.execute("SELECT name FROM sqlite_master WHERE name = 'documents_fts'").fetchone() is None
        )
        _insert_v1_document(old.conn, _document())
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.document("d000000000001") == _document()
        # the migration filled the full-text index from the rows already there
        hits = store.search("guerilleros")
        assert [h.id for h in hits] == ["d000000000001"]


def test_full_text_rows_are_keyed_by_their_id_hash_and_a_version_2_store_is_rekeyed(tmp_path: Path) -> None:
    # version 2 kept the id in an UNINDEXED column only: replacing a document's row scanned the
    # whole index; version 3 keys each row by a hash of its id, and rekeys an older store
    path = tmp_path / "v2.db"
    doc = _document()
    with Store.open(path, migrate_upto=2) as old:
        _insert_v1_document(old.conn, doc)
        old.conn.execute(
            "INSERT INTO documents_fts (id, title, text) VALUES (?, ?, ?)",
            (doc.id, doc.title or "", doc.text),
        )
        old.conn.commit()
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION >= 3
        rowids = [r[0] for r in store.conn.execute("SELECT rowid FROM documents_fts")]
        assert rowids == [fts_rowid(doc.id)]
        with store.transaction():
            store.put_document(doc, judged_verdict="ok", seq=2)  # written again: replaced, not doubled
        assert store.conn.execute("SELECT count(*) FROM documents_fts").fetchone()[0] == 1
        assert [h.id for h in store.search("guerilleros")] == [doc.id]


def test_a_store_from_a_newer_recoupe_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreVersionError, match="newer"):
        Store.open(path)


def test_a_document_round_trips_with_its_mentions_and_sentences(tmp_path: Path) -> None:
    doc = _document()
    with Store.open(tmp_path / "a.db") as store, store.transaction():
        store.put_document(doc, judged_verdict="ok", seq=1)
    with Store.open(tmp_path / "a.db") as store:
        row = store.conn.execute("SELECT * FROM documents").fetchone()
        back = document_from_row(row)
    assert back == doc
    assert isinstance(back.mentions[1].value, float)


def test_search_ignores_case_accents_and_query_syntax(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.db") as store:
        with store.transaction():
            store.put_document(_document(), judged_verdict="ok", seq=1)
        assert [h.id for h in store.search("INGRID betancourt")] == ["d000000000001"]
        assert store.search("guérill*")[0].snippet.count("[") >= 1
        # FTS5 operators in a user's query are words, not syntax errors
        assert [h.id for h in store.search('Farc "otages')] == ["d000000000001"]
        assert store.search("NEAR(") == []
        assert store.search("   ") == []


def test_merged_story_ids_redirect_to_the_live_story(tmp_path: Path) -> None:
    story = Story(
        id="s1",
        title="Betancourt",
        documents=["d000000000001"],
        summary=[SummarySentence(TEXT, ["d000000000001"])],
    )
    row = StoryRow("s1", "Betancourt", 1, 1, "2008-07-10", "2008-07-10", 0, ("fr",), (), "d000000000001", 1)
    with Store.open(tmp_path / "a.db") as store:
        with store.transaction():
            store.put_story(story, row)
            store.redirect_story("s0", "s9")
            store.redirect_story("s9", "s1")  # s0 -> s9 -> s1, kept one step long
        assert store.resolve_story_id("s1") == "s1"
        assert store.resolve_story_id("s9") == "s1"
        assert store.resolve_story_id("s0") == "s1"
        assert store.resolve_story_id("nope") is None
        assert (
            store.conn.execute("SELECT new_id FROM story_redirects WHERE old_id = 's0'").fetchone()[0] == "s1"
        )
        assert [r.id for r in store.stories(ids=["s0"])] == ["s1"]
        assert store.story("s9") == story
        assert [h.id for h in store.search("otages", kinds=("story",))] == ["s1"]


def test_story_filters_by_date_and_sources(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.db") as store:
        with store.transaction():
            for sid, first, last, sources in (
                ("a", "2024-01-02", "2024-01-05", 1),
                ("b", "2024-03-01", "2024-03-09", 3),
            ):
                story = Story(id=sid, title=sid, documents=[])
                store.put_story(
                    story, StoryRow(sid, sid, 2, sources, first, last, 0, ("fr",), ("x.fr",), "d", 1)
                )
        assert [r.id for r in store.stories(since="2024-02-01")] == ["b"]
        assert [r.id for r in store.stories(min_sources=2)] == ["b"]
        assert [r.id for r in store.stories(until="2024-01-02")] == ["a"]
        assert [r.id for r in store.stories()] == ["b", "a"]  # latest first
        assert json.loads(store.conn.execute("SELECT sites FROM stories WHERE id='a'").fetchone()[0]) == [
            "x.fr"
        ]
