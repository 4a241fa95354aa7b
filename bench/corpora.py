"""Shared by the facts benchmarks: the grouped news sets of ../shared/data, and spaCy parses
cached on disk so that a rerun does not parse ~660 articles again.

    rpm2_french_mds  200 French articles, 20 clusters (topic + time slice): `cluster`
    ecbplus          462 English articles, grouped by event: `subtopic` ("1_ecb", "1_ecbplus")
    scrapinghub_article_extraction_benchmark  181 gold article bodies (`scrapinghub()`)

The cache (bench/.cache/, ignored by git) holds one spaCy DocBin per language, keyed by the
SHA-1 of each text; it is only a cache: delete it and the parses are made again.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from recoupe.facts import FactExtractor
from recoupe.facts.nlp import SpacyModels
from recoupe.model import Document

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
CACHE = Path(__file__).resolve().parent / ".cache"


@dataclass(slots=True)
class Article:
    id: str
    group: str
    language: str
    text: str


def rpm2() -> list[Article]:
    path = DATA / "rpm2_french_mds" / "documents.jsonl"
    return [
        Article(r["doc_id"], r["cluster"], "fr", r["text"])
        for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())
    ]


def ecbplus() -> list[Article]:
    path = DATA / "ecbplus" / "documents.jsonl"
    return [
        Article(r["doc_id"], r["subtopic"], "en", r["text"])
        for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())
    ]


def fresada_regular(limit: int | None = None) -> list[Article]:
    path = DATA / "fresada_french_satire" / "fresada.jsonl.gz"
    out: list[Article] = []
    seen: set[str] = set()
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            r = json.loads(line)
            if r["label"] != "regular" or r["text"] in seen:
                continue
            seen.add(r["text"])
            out.append(Article("fresada:" + r["id"], "fresada:" + r["id"], "fr", r["text"]))
            if limit is not None and len(out) >= limit:
                break
    return out


def scrapinghub() -> list[Article]:
    """The scrapinghub article extraction benchmark's gold article bodies (181 pages, most in
    English; no language field, so `language` is "en" and a caller keeps what it needs)."""
    path = DATA / "scrapinghub_article_extraction_benchmark" / "ground-truth.json"
    gold = json.loads(path.read_text(encoding="utf-8"))
    return [
        Article("scrapinghub:" + doc_id, "scrapinghub:" + doc_id, "en", record["articleBody"])
        for doc_id, record in sorted(gold.items())
    ]


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class CachedModels(SpacyModels):
    """`SpacyModels` whose parses are kept in bench/.cache between runs."""

    def __init__(self) -> None:
        super().__init__()
        self._docs: dict[str, dict[str, object]] = {}
        self._dirty: set[str] = set()

    def _store(self, language: str) -> dict[str, object]:
        if language not in self._docs:
            from spacy.tokens import DocBin

            store: dict[str, object] = {}
            path = CACHE / f"{language}.spacy"
            if path.is_file():
                vocab = self.get(language).vocab
                for doc in DocBin().from_bytes(path.read_bytes()).get_docs(vocab):
                    store[_key(doc.text)] = doc
            self._docs[language] = store
        return self._docs[language]

    def parse_many(self, texts: Sequence[str], language: str) -> list:  # type: ignore[override]
        store = self._store(language)
        missing = [t for t in dict.fromkeys(texts) if _key(t) not in store]
        if missing:
            for text, doc in zip(missing, super().parse_many(missing, language), strict=True):
                store[_key(text)] = doc
            self._dirty.add(language)
        return [store[_key(t)] for t in texts]

    def save(self) -> None:
        from spacy.tokens import DocBin

        CACHE.mkdir(exist_ok=True)
        for language in self._dirty:
            docbin = DocBin(
                attrs=[
                    "ORTH",
                    "SPACY",
                    "TAG",
                    "POS",
                    "MORPH",
                    "HEAD",
                    "DEP",
                    "ENT_IOB",
                    "ENT_TYPE",
                    "SENT_START",
                ]
            )
            for doc in self._docs[language].values():
                docbin.add(doc)  # type: ignore[arg-type]
            (CACHE / f"{language}.spacy").write_bytes(docbin.to_bytes())
        self._dirty.clear()


def documents(articles: Sequence[Article]) -> list[Document]:
    return [Document(id=a.id, source=a.id, text=a.text, language=a.language, site=a.id) for a in articles]


def run_facts(docs: list[Document], models: CachedModels) -> list[Document]:
    """The facts stage over `docs`, parses from the cache."""
    FactExtractor(models=models).process_many(docs)
    models.save()
    return docs


if __name__ == "__main__":  # fill the cache
    import time

    models = CachedModels()
    t0 = time.perf_counter()
    for articles in (rpm2(), ecbplus(), fresada_regular(300)):
        by_lang: dict[str, list[str]] = {}
        for a in articles:
            by_lang.setdefault(a.language, []).append(a.text)
        for lang, texts in by_lang.items():
            models.parse_many(texts, lang)
        models.save()
        print(f"{len(articles)} parsed, {time.perf_counter() - t0:.1f} s", flush=True)


def write_fresada_jsonl(path: Path, pages: int) -> Path:
    """The first `pages` FreSaDa articles as `recoupe add` reads them (id, title, text per line)."""
    source_file = DATA / "fresada_french_satire" / "fresada.jsonl.gz"
    with gzip.open(source_file, "rt", encoding="utf-8") as source, path.open("w", encoding="utf-8") as out:
        for number, line in enumerate(source):
            if number >= pages:
                break
            record = json.loads(line)
            out.write(
                json.dumps({"id": record["id"], "title": record["title"], "text": record["text"]}) + "\n"
            )
    return path


def recoupe_add(jsonl: Path, db: Path, *options: str) -> subprocess.Popen[bytes]:
    """`recoupe add JSONL --db DB --quiet OPTIONS` in a child process running this tree's code."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "recoupe", "add", str(jsonl), "--db", str(db), "--quiet", *options]
    return subprocess.Popen(command, env=env)


def store_stories(db: Path) -> dict[str, frozenset[str]]:
    """A store's stories: id -> the sources of its documents."""
    conn = sqlite3.connect(db)
    try:
        groups: dict[str, set[str]] = {}
        for source, story in conn.execute("SELECT source, story FROM documents"):
            groups.setdefault(str(story), set()).add(str(source))
        return {story: frozenset(members) for story, members in groups.items()}
    finally:
        conn.close()
