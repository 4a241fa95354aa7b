"""Precision and recall of quotes and of their speakers on the labelled set `bench/labels/quotes.jsonl`.

For each labelled document (French: RPM2 and FreSaDa; English: ECB+ and the scrapinghub article
extraction benchmark's gold bodies, read from ../shared/data),
runs spaCy, `extract_entities` and `extract_quotes` as the facts stage does, then prints per
language and per split (`tune` … `heldout14`;
see bench/labels/quotes.md), with the totals of the selected splits as `all`:

- quote detection: a found quote matches a labelled one when they overlap by half the shorter
  of the two (one to one); precision over found quotes, recall over labelled quotes; a found
  quote lying (by half its length) inside a labelled quote already matched is a further
  paragraph of it (quotes.md labels a quote over paragraphs as one span, the extractor gives
  one quote per paragraph): neither found nor extra, its speaker counted only when wrong;
- speakers: a speaker is right when its `canonical_key` equals that of one of the accepted names;
  recall over labelled quotes that have a speaker (the quote found, and its speaker right),
  precision over found quotes given a speaker (a speaker on a quote that is not one, or on a
  quote whose label says nobody is named, counts as wrong).

    .venv/bin/python bench/bench_quotes.py [--split all|SPLIT[,SPLIT...]] [--errors] [--cache DIR]

Skips cleanly (exit 0) when ../shared/data is absent.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
LABELS = REPO / "bench" / "labels" / "quotes.jsonl"
SOURCES = {
    "rpm2": ("rpm2_french_mds/documents.jsonl", "doc_id"),
    "ecbplus": ("ecbplus/documents.jsonl", "doc_id"),
    "fresada": ("fresada_french_satire/fresada.jsonl.gz", "id"),
    # one JSON object, id -> {"articleBody", "url"}: the human gold text of the article body
    "scrapinghub": ("scrapinghub_article_extraction_benchmark/ground-truth.json", "articleBody"),
}
SPLITS = (
    "tune",
    "dev",
    "test",
    "heldout",
    "heldout2",
    "heldout3",
    "heldout4",
    "heldout5",
    "heldout6",
    "heldout7",
    "heldout8",
    "heldout9",
    "heldout10",
    "heldout11",
    "heldout12",
    "heldout13",
    "heldout14",
)


@dataclass(slots=True)
class Labelled:
    doc: str
    language: str
    split: str
    text: str
    quotes: list[tuple[int, int, tuple[str, ...] | None]]


@dataclass(slots=True)
class Score:
    found: int = 0  # quotes found
    labelled: int = 0
    matched: int = 0
    with_speaker: int = 0  # labelled quotes that have a speaker
    given: int = 0  # found quotes given a speaker
    right: int = 0  # found quotes whose speaker is right
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("found", "labelled", "matched", "with_speaker", "given", "right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)

    def figures(self) -> dict[str, float]:
        def ratio(a: int, b: int) -> float:
            return a / b if b else 1.0

        return {
            "quote_precision": ratio(self.matched, self.found),
            "quote_recall": ratio(self.matched, self.labelled),
            "speaker_precision": ratio(self.right, self.given),
            "speaker_recall": ratio(self.right, self.with_speaker),
        }


def _records(data: Path, source: str, wanted: set[str]) -> dict[str, str]:
    path, key = SOURCES[source]
    if path.endswith(".json"):  # a single object keyed by document id, not JSON lines
        gold = json.loads((data / path).read_text(encoding="utf-8"))
        return {doc_id: record[key] for doc_id, record in gold.items() if doc_id in wanted}
    opener = gzip.open if path.endswith(".gz") else open
    out: dict[str, str] = {}
    with opener(data / path, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if str(record[key]) in wanted:
                out[str(record[key])] = record["text"]
    return out


def load_labels(data: Path = DATA, labels: Path = LABELS) -> list[Labelled]:
    """The labelled documents with their texts; the excerpts are checked against the texts."""
    rows = [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts: dict[str, str] = {}
    for source in SOURCES:
        wanted = {r["doc"].split(":", 1)[1] for r in rows if r["doc"].startswith(source + ":")}
        if wanted:
            texts.update({f"{source}:{k}": v for k, v in _records(data, source, wanted).items()})
    out: list[Labelled] = []
    for row in rows:
        text = texts[row["doc"]]
        quotes = []
        for q in row["quotes"]:
            if not text[q["start"] : q["end"]].split()[:6] == q["excerpt"].split():
                raise ValueError(
                    f"{row['doc']}: offsets {q['start']}-{q['end']} do not hold {q['excerpt']!r}"
                )
            speaker = tuple(q["speaker"]) if q["speaker"] is not None else None
            quotes.append((q["start"], q["end"], speaker))
        out.append(Labelled(row["doc"], row["language"], row["split"], text, quotes))
    return out


def speaker_matches(found: str | None, accepted: Iterable[str] | None) -> bool:
    from recoupe.facts.entities import canonical_key

    if found is None or accepted is None:
        return False
    key = canonical_key(found)
    return any(key == canonical_key(name) for name in accepted)


def score_document(doc: Labelled, found: Sequence[tuple[int, int, str | None]]) -> Score:
    score = Score(found=len(found), labelled=len(doc.quotes))
    score.with_speaker = sum(1 for q in doc.quotes if q[2] is not None)
    score.given = sum(1 for f in found if f[2] is not None)
    used: set[int] = set()
    for start, end, speaker in found:
        match = None
        for i, (g_start, g_end, _) in enumerate(doc.quotes):
            overlap = min(end, g_end) - max(start, g_start)
            if i not in used and overlap > 0 and overlap >= 0.5 * min(end - start, g_end - g_start):
                match = i
                break
        where = f"{doc.doc} {start}-{end} {doc.text[start:end][:50]!r}"
        piece = next(
            (
                i
                for i in sorted(used)
                if min(end, doc.quotes[i][1]) - max(start, doc.quotes[i][0]) >= 0.5 * (end - start)
            ),
            None,
        )
        if match is None and piece is not None:
            # the next paragraph of a quote labelled over paragraphs as one span (quotes.md): part
            # of the quote already matched, not a quote more; a wrong speaker on it still counts
            score.found -= 1
            if speaker_matches(speaker, doc.quotes[piece][2]) or speaker is None:
                score.given -= speaker is not None
            else:
                score.errors.append(f"speaker      {where} found={speaker!r} gold={doc.quotes[piece][2]!r}")
            continue
        if match is None:
            score.errors.append(f"extra quote  {where} speaker={speaker!r}")
            continue
        used.add(match)
        score.matched += 1
        accepted = doc.quotes[match][2]
        if speaker_matches(speaker, accepted):
            score.right += 1
        elif speaker is not None or accepted is not None:
            score.errors.append(f"speaker      {where} found={speaker!r} gold={accepted!r}")
    for i, (g_start, g_end, accepted) in enumerate(doc.quotes):
        if i not in used:
            score.errors.append(
                f"missed quote {doc.doc} {g_start}-{g_end} {doc.text[g_start:g_end][:50]!r} gold={accepted!r}"
            )
    return score


def _parses(texts: list[str], language: str, cache: Path | None) -> list[Doc]:
    """spaCy parses of `texts`; with `cache`, read from (or written to) a DocBin keyed by the texts
    and the model's name and version, so that tuning runs on a loaded machine parse once."""
    from spacy.tokens import DocBin

    from recoupe.facts.nlp import shared_models

    models = shared_models()
    if cache is None:
        return models.parse_many(texts, language)
    nlp = models.get(language)
    key = hashlib.sha256(
        "\x00".join([nlp.meta["name"], nlp.meta["version"], *texts]).encode("utf-8")
    ).hexdigest()[:16]
    path = cache / f"quotes-{language}-{key}.spacy"
    if path.is_file():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    parsed = models.parse_many(texts, language)
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(docs=parsed).to_disk(path)
    return parsed


def evaluate(docs: Sequence[Labelled], cache: Path | None = None) -> dict[tuple[str, str], Score]:
    """Scores by (language, split), with 'all' totals, running the extractor on each document."""
    from recoupe.facts.entities import extract_entities
    from recoupe.facts.quotes import extract_quotes

    scores: dict[tuple[str, str], Score] = {}
    for language in sorted({d.language for d in docs}):
        group = [d for d in docs if d.language == language]
        for doc, sdoc in zip(group, _parses([d.text for d in group], language, cache), strict=True):
            quotes = extract_quotes(doc.text, sdoc, extract_entities(sdoc, language), language)
            score = score_document(doc, [(q.start, q.end, q.speaker) for q in quotes])
            for split in (doc.split, "all"):
                scores.setdefault((language, split), Score()).add(score)
    return scores


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--split",
        default="all",
        help=f"one split or several joined by commas ({', '.join(SPLITS)}), or all",
    )
    parser.add_argument("--errors", action="store_true", help="print every miss, extra and wrong speaker")
    parser.add_argument(
        "--cache",
        type=Path,
        help="folder for spaCy parses (DocBin), reused while the texts and the model are the same",
    )
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent")
        return 0
    sys.path.insert(0, str(REPO / "src"))
    docs = load_labels()
    if args.split != "all":
        wanted = set(args.split.split(","))
        if unknown := wanted - set(SPLITS):
            parser.error(f"unknown split(s): {', '.join(sorted(unknown))}")
        docs = [d for d in docs if d.split in wanted]
    start = time.perf_counter()
    scores = evaluate(docs, args.cache)
    wall = time.perf_counter() - start
    print(f"{'language':8} {'split':5} {'docs':>4} {'quotes':>6} {'found':>5}  quote P / R     speaker P / R")
    for (language, split), score in sorted(scores.items()):
        n_docs = sum(1 for d in docs if d.language == language and split in (d.split, "all"))
        f = score.figures()
        print(
            f"{language:8} {split:5} {n_docs:4d} {score.labelled:6d} {score.found:5d}  "
            f"{f['quote_precision']:.3f} / {f['quote_recall']:.3f}   "
            f"{f['speaker_precision']:.3f} / {f['speaker_recall']:.3f}"
        )
    print(f"wall {wall:.1f} s (models loaded once, parsing included)")
    if args.errors:
        for (language, split), score in sorted(scores.items()):
            if split == "all":
                print(f"\n-- {language}")
                print("\n".join(score.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
