"""Precision (and recall where gold allows) of the judge's content_farm flag, the closing-tags
rule and the repetition flags, on held-out real pages of ../shared/data.

Split (fixed, no tuning on the held-out part): HTML pages (trafilatura_eval en/fr, the Scrapinghub
benchmark, Mozilla Readability's test pages) by site, held out when the last hex digit of
sha1(site) is odd; FreSaDa by its own train/test split (rules were read off `train`). Each figure is
printed for the held-out part; `--all` prints the tuning part too.

- content_farm: no page of these sets is on a content-farm list (content_farm_terminator,
  machine_made_media unreliable); a fire on a page is a false positive unless its site is listed.
  The old rule (any bio + any sponsor removal) is counted beside the current one.
- closing tags: each line the rule cuts is judged against the gold: Scrapinghub's and Readability's
  article text (a cut line found there is a false cut), trafilatura_eval's "with" / "without"
  snippets; FreSaDa's cuts (no gold) are printed for a person to judge. The old rule (any closing
  line of one to four capitalised words not after speech) is counted beside.
- repetition: a removed copy is right when the gold article holds that text fewer times than the
  extracted page (Scrapinghub, Readability); the flag must not fire on the gold texts themselves;
  recall on loops planted in held-out paragraphs (one sentence repeated 5 to 200 times in place).

    .venv/bin/python bench/bench_judge.py [--all]

Skips cleanly (exit 0) when ../shared/data is absent.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
sys.path.insert(0, str(REPO / "src"))

from recoupe.clean import Cleaner, clean_page  # noqa: E402
from recoupe.clean.metadata import url_domain  # noqa: E402
from recoupe.clean.patterns import TAG_LINE  # noqa: E402
from recoupe.judge import Judge  # noqa: E402
from recoupe.model import Document, Page  # noqa: E402

_SPEECH_LIKE = re.compile(r"[«“\"]|(?i:\b(?:je|j['’]|nous|notre|nos|we|our|my)\b)|\bI\b")


@dataclass
class Sample:
    corpus: str
    key: str
    site: str
    held_out: bool
    page: Page
    gold_body: str | None = None
    with_snippets: list[str] = field(default_factory=list)
    without_snippets: list[str] = field(default_factory=list)


def norm(text: str) -> str:
    return " ".join(text.split())


def held_out_site(site: str) -> bool:
    return int(hashlib.sha1(site.encode()).hexdigest()[-1], 16) % 2 == 1


def html_samples() -> list[Sample]:
    import lxml.html

    from recoupe.ingest.htmltext import extract_html

    def page(markup: str, url: str | None, key: str) -> Page | None:
        found = extract_html(markup, url=url)
        if found is None:
            return None
        # as the reader hands it on: what it dropped, where a notice may stand, goes with the page
        return Page(
            source=key,
            text=found.text,
            url=url,
            title=found.title,
            published=found.published,
            site=found.site,
            author=found.author,
            removed=found.removed,
        )

    samples: list[Sample] = []
    corpus = DATA / "trafilatura_eval"
    gold = json.loads((corpus / "evaldata.json").read_text())
    for line in (corpus / "index.jsonl").read_text().splitlines():
        row = json.loads(line)
        if row["lang_page"] not in ("en", "fr"):
            continue
        got = page(
            gzip.decompress((corpus / row["file"]).read_bytes()).decode("utf-8", "replace"),
            row["url"],
            row["url"],
        )
        site = url_domain(row["url"]) or row["url"]
        if got is not None:
            entry = gold[row["url"]]
            samples.append(
                Sample("trafilatura_eval", row["url"], site, held_out_site(site), got, None,
                       entry.get("with", []), entry.get("without", []))
            )  # fmt: skip
    corpus = DATA / "scrapinghub_article_extraction_benchmark"
    for key, truth in json.loads((corpus / "ground-truth.json").read_text()).items():
        markup = gzip.decompress((corpus / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        got = page(markup, truth["url"], key)
        site = url_domain(truth["url"]) or key
        if got is not None:
            samples.append(Sample("scrapinghub", key, site, held_out_site(site), got, truth["articleBody"]))
    for case in sorted((DATA / "mozilla_readability_testpages" / "pages").iterdir()):
        source, expected = case / "source.html.gz", case / "expected.html.gz"
        if not (source.exists() and expected.exists()):
            continue
        got = page(gzip.decompress(source.read_bytes()).decode("utf-8", "replace"), None, case.name)
        body = lxml.html.fromstring(
            gzip.decompress(expected.read_bytes()).decode("utf-8", "replace")
        ).text_content()
        site = re.sub(r"-\d+$", "", case.name)
        if got is not None:
            samples.append(Sample("readability", case.name, site, held_out_site(site), got, body))
    return samples


def fresada_samples() -> list[Sample]:
    samples: list[Sample] = []
    seen: set[str] = set()
    with gzip.open(DATA / "fresada_french_satire" / "fresada.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["text"] in seen:
                continue
            seen.add(row["text"])
            page = Page(source=row["id"], text=row["text"], title=row["title"], language="fr")
            samples.append(
                Sample(f"fresada_{row['label']}", row["id"], row["label"], row["split"] == "test", page)
            )
    return samples


def farm_lists() -> set[str]:
    base = DATA / "news_source_reliability"
    listed: set[str] = set()
    for name in ("content_farm_terminator/content-farms.txt", "content_farm_terminator/nearly-content-farms.txt",
                 "content_farm_terminator/extra-content-farms.txt", "machine_made_media/unreliable_domains.txt"):  # fmt: skip
        path = base / name
        if path.exists():
            for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
                entry = raw.split("#")[0].strip()
                if entry and not entry.startswith("/"):
                    listed.add(entry.split()[0].casefold().removeprefix("www."))
    return listed


def ratio(hit: int, total: int) -> str:
    return f"{hit / total:.3f} ({hit}/{total})" if total else "n/a (0 cases)"


def old_tag_cut(doc: Document) -> str | None:
    """The closing line the old rule cut (any capitalised closing line not after speech)."""
    paragraphs = doc.text.split("\n\n")
    cut = [r.text for r in doc.removed if r.rule == "trailing_tags"]
    if cut:
        return cut[0]
    if len(paragraphs) >= 2 and TAG_LINE.match(paragraphs[-1]) and not _SPEECH_LIKE.search(paragraphs[-2]):
        return paragraphs[-1]
    return None


def closing_labels() -> dict[tuple[str, str, str], str]:
    """(corpus, key or "*", line) -> 'furniture' or 'content', from bench/labels/closing_lines.tsv."""
    labels: dict[tuple[str, str, str], str] = {}
    for raw in (REPO / "bench" / "labels" / "closing_lines.tsv").read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            corpus, key, line, label, _ = raw.split("\t")
            labels[(corpus, key, line)] = label
    return labels


def tag_verdict(sample: Sample, line: str, labels: dict[tuple[str, str, str], str]) -> str:
    """'right' (the cut line is not article text), 'wrong' (it is), or 'unknown'."""
    corpus = "fresada" if sample.corpus.startswith("fresada") else sample.corpus
    label = labels.get((corpus, sample.key, line)) or labels.get((corpus, "*", line))
    if label is not None:
        return "right" if label == "furniture" else "wrong"
    if sample.gold_body is not None:
        return "wrong" if norm(line) in norm(sample.gold_body) else "right"
    if any(norm(line) in norm(s) for s in sample.without_snippets):
        return "right"
    if any(norm(line) in norm(s) for s in sample.with_snippets):
        return "wrong"
    return "unknown"


# Readability's unit-test pages are lorem-ipsum filler, not real pages: left out of the repetition figures
_FILLER = re.compile(r"lorem ipsum|tempor incididunt|duis aute irure", re.IGNORECASE)


def plant_loop(text: str, rng: random.Random) -> tuple[str, int] | None:
    """The text with one sentence of one paragraph repeated in place; how many copies were added."""
    paragraphs = text.split("\n")
    candidates = [i for i, p in enumerate(paragraphs) if len(re.findall(r"[^.!?]+[.!?]", p)) >= 2]
    if not candidates:
        return None
    index = rng.choice(candidates)
    sentences = re.findall(r"[^.!?]+[.!?]", paragraphs[index])
    sentence = rng.choice([s.strip() for s in sentences if len(s.split()) >= 2] or [""])
    if not sentence:
        return None
    copies = rng.choice([5, 20, 200])
    paragraphs[index] = paragraphs[index].replace(sentence, " ".join([sentence] * (copies + 1)), 1)
    return "\n".join(paragraphs), copies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--all", action="store_true", help="also print the tuning part")
    args = parser.parse_args()
    if not DATA.is_dir():
        print("../shared/data is absent: nothing to measure")
        return 0
    judge = Judge()
    samples = html_samples() + fresada_samples()
    listed = farm_lists()
    labels = closing_labels()
    seeds = sorted((REPO / "examples").glob("00*.txt"))
    seed_docs = Cleaner().run([Page(source=path.name, text=path.read_text()) for path in seeds])
    seed_farms = [
        d.source for d in map(judge.process, seed_docs) if "content_farm" in {f.code for f in d.flags}
    ]
    print(f"content_farm on the seeds (000 is a content-farm capture): fires on {seed_farms} of {len(seeds)}")
    rng = random.Random(5)
    parts = (True, False) if args.all else (True,)
    for held in parts:
        print(f"\n== {'held-out' if held else 'tuning'} part ==")
        chosen = [s for s in samples if s.held_out == held]
        print(
            f"pages: {Counter(s.corpus for s in chosen)}; sites (HTML): {len({s.site for s in chosen if not s.corpus.startswith('fresada')})}"
        )
        farm_new = farm_old = farm_new_listed = 0
        tags: Counter[tuple[str, str, str]] = Counter()
        unjudged: list[tuple[str, str]] = []
        evidence: Counter[str | None] = Counter()
        filler = 0
        rep_right: Counter[str] = Counter()
        rep_total: Counter[str] = Counter()
        gold_fires: Counter[str] = Counter()
        rep_pages: Counter[str] = Counter()
        rep_pages_right: Counter[str] = Counter()
        gold_pages = 0
        planted = planted_found = planted_exact = planted_pages_flagged = 0
        for sample in chosen:
            doc = judge.process(clean_page(sample.page))
            codes = {f.code for f in doc.flags}
            reasons = {r.reason for r in doc.removed}
            farm_new += "content_farm" in codes
            farm_new_listed += "content_farm" in codes and sample.site in listed
            farm_old += {"bio", "sponsor"} <= reasons
            evidence.update({r.rule for r in doc.removed if r.reason in ("bio", "sponsor")})
            new_cut = next((r.text for r in doc.removed if r.rule == "trailing_tags"), None)
            old_cut = old_tag_cut(doc)
            part = "fresada" if sample.corpus.startswith("fresada") else "html"
            verdict = tag_verdict(sample, old_cut, labels) if old_cut is not None else None
            if verdict is not None:
                tags[("old", part, verdict)] += 1
                # the current rule's cuts are a subset of the old rule's candidates
                tags[("new", part, verdict)] += new_cut is not None
                tags[("candidates", part, verdict)] += 1
                if new_cut is not None and verdict == "unknown":
                    unjudged.append((sample.key, new_cut))
            if sample.gold_body is not None and _FILLER.search(sample.gold_body):
                filler += 1
            elif sample.gold_body is not None:
                gold = norm(sample.gold_body)
                page_rules = {str(r.rule) for r in doc.removed if r.reason == "repetition"}
                for rule in page_rules:
                    rep_pages[rule] += 1
                    rep_pages_right[rule] += all(
                        gold.count(norm(r.text)) < norm(sample.page.text).count(norm(r.text))
                        for r in doc.removed
                        if r.rule == rule
                    )
                for removal in doc.removed:
                    if removal.reason == "repetition":
                        rule = str(removal.rule)
                        rep_total[rule] += 1
                        piece = norm(removal.text)
                        rep_right[rule] += gold.count(piece) < norm(sample.page.text).count(piece)
                gold_pages += 1
                gold_doc = judge.process(clean_page(Page(source="gold", text=sample.gold_body)))
                for rule in {r.rule for r in gold_doc.removed if r.reason == "repetition"}:
                    gold_fires[str(rule)] += 1
            if sample.corpus in ("fresada_regular", "scrapinghub", "readability") and rng.random() < 0.5:
                base = sample.gold_body if sample.gold_body is not None else sample.page.text
                looped = plant_loop(base, rng)
                if looped is not None:
                    text, copies = looped
                    before = clean_page(Page(source="base", text=base)).clean_stats.sentences_repeated
                    after = judge.process(clean_page(Page(source="planted", text=text)))
                    planted += 1
                    found = after.clean_stats.sentences_repeated - before
                    planted_found += found > 0
                    planted_exact += found == copies
                    planted_pages_flagged += "repetitive" in {f.code for f in after.flags}
        print("content_farm:")
        print(f"  current rule fires on {farm_new} of {len(chosen)} pages ({farm_new_listed} on listed content-farm sites);"
              f" old rule (bio + sponsor removed) fired on {farm_old}")  # fmt: skip
        kinds = ", ".join(f"{rule} {n}" for rule, n in sorted(evidence.items(), key=lambda x: str(x[0])))
        print(f"  pages carrying each kind of bio / sponsor removal: {kinds or 'none'}")
        print(
            "closing tags (each cut judged: gold text, trafilatura_eval snippets, bench/labels/closing_lines.tsv):"
        )
        for part in ("html", "fresada"):
            furniture = tags[("candidates", part, "right")]
            for rule in ("new", "old"):
                right, wrong = tags[(rule, part, "right")], tags[(rule, part, "wrong")]
                print(f"  {part:8} {'current' if rule == 'new' else 'old':7} rule: precision {ratio(right, right + wrong)},"
                      f" recall {ratio(right, furniture)} of the furniture lines among the candidates,"
                      f" unjudged cuts {tags[(rule, part, 'unknown')]}")  # fmt: skip
        for key, line in unjudged:
            print(f"    unjudged cut: {key}: {line!r}")
        print("repetition:")
        for rule in ("repeated_sentence", "repeated_paragraph"):
            print(f"  {rule}: removed copies right against gold (Scrapinghub, Readability) "
                  f"{ratio(rep_right[rule], rep_total[rule])}, pages all right {ratio(rep_pages_right[rule], rep_pages[rule])};"
                  f" fires on {gold_fires[rule]} of {gold_pages} gold texts")  # fmt: skip
        print(f"  ({filler} Readability unit-test pages of lorem-ipsum filler left out)")
        print(f"  planted loops: found {ratio(planted_found, planted)}, every copy removed {ratio(planted_exact, planted)},"
              f" page flagged repetitive {ratio(planted_pages_flagged, planted)}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
