"""Subjects, time and place of figures, and same-measure alignment, on 1,247 labelled figures.

    .venv/bin/python bench/bench_subjects.py [--split tune|held-out|held-out2|...|held-out8|all] [--show]

Labels: bench/labels/figures.jsonl (how they were made: bench/labels/README.md), pointing into
../shared/data (RPM2 French clusters, ECB+ English events, FreSaDa regular articles, and, from
held-out8 on, the article bodies of the Scrapinghub extraction benchmark's ground truth, grouped
by story in the labels). The facts stage runs on every article of each labelled group (parses
cached in bench/.cache/).

- subject accuracy: a label's figure is found (a quantity or money mention overlapping it) and
  its subject, predicate or counted noun holds one of the label's `head` stems at a word start;
  a figure not found counts as wrong;
- time and place: of the labels that give one, the share whose figure has one sharing a word;
  of those that give none, the share whose figure has one anyway;
- alignment: every pair of labelled figures of one group in two documents; gold: the same
  `measure` key; predicted: `crosscheck.Aligner.same_measure`. Precision and recall.

Groups are split in two by the SHA-1 of their name (first byte even: `tune`); labels with
`"split": "held-out2"` .. `"held-out8"` (labelled later, each from documents no
earlier label points into) are fresh splits of their own. Figures are printed for the split asked.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpora
from recoupe.crosscheck import Aligner
from recoupe.model import Document, Mention
from recoupe.textutil import fold

LABELS = Path(__file__).resolve().parent / "labels" / "figures.jsonl"
SPLITS = (
    "tune",
    "held-out",
    "held-out2",
    "held-out3",
    "held-out4",
    "held-out5",
    "held-out6",
    "held-out7",
    "held-out8",
)
SCRAPINGHUB = corpora.DATA / "scrapinghub_article_extraction_benchmark" / "ground-truth.json"
SCRAPINGHUB_PREFIX = "scrapinghub:"


def scrapinghub_articles(labels: list[dict[str, object]]) -> list[corpora.Article]:
    """The Scrapinghub ground-truth article bodies a label points into ("scrapinghub:" + key).

    The benchmark has no story groups nor languages: both come from the labels (the annotator
    grouped articles telling one story, "sh:homedepot"), so only labelled bodies are read."""
    wanted = {str(lb["doc"]): lb for lb in labels if str(lb["doc"]).startswith(SCRAPINGHUB_PREFIX)}
    if not wanted or not SCRAPINGHUB.is_file():
        return []
    bodies = json.loads(SCRAPINGHUB.read_text(encoding="utf-8"))
    return [
        corpora.Article(
            doc, str(lb["group"]), str(lb["lang"]), bodies[doc[len(SCRAPINGHUB_PREFIX) :]]["articleBody"]
        )
        for doc, lb in wanted.items()
        if doc[len(SCRAPINGHUB_PREFIX) :] in bodies
    ]


def split_of(group: str) -> str:
    return "tune" if hashlib.sha1(group.encode("utf-8")).digest()[0] % 2 == 0 else "held-out"


def label_split(label: dict[str, object]) -> str:
    """A label's own `split` (the fresh `held-out2`..`held-out8`, labelled after the earlier ones were read), else its group's half."""
    return str(label.get("split") or split_of(str(label["group"])))


def found(doc: Document, label: dict[str, object]) -> Mention | None:
    start, end = int(label["start"]), int(label["end"])  # type: ignore[call-overload]
    hits = [m for m in doc.mentions if m.kind in ("quantity", "money") and m.start < end and start < m.end]
    return min(hits, key=lambda m: abs(m.start - start)) if hits else None


def subject_right(m: Mention, heads: str) -> bool:
    said = " ".join(p for p in (m.subject, m.predicate, m.unit if m.unit and m.unit.isalpha() else None) if p)
    words = re.findall(r"[\w']+", fold(said))
    return any(any(w.startswith(fold(h)) for w in words) for h in heads.split("|"))


def shares_word(predicted: str | None, gold: str) -> bool:
    if not predicted:
        return False
    gold_words = {w for w in re.findall(r"\w+", fold(gold)) if len(w) > 2 or w.isdigit()}
    return bool(gold_words & set(re.findall(r"\w+", fold(predicted))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument("--show", action="store_true", help="print every wrong subject and pair")
    args = parser.parse_args()
    labels = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]
    articles = {
        a.id: a
        for a in corpora.rpm2()
        + corpora.ecbplus()
        + corpora.fresada_regular(3300)
        + scrapinghub_articles(labels)
    }
    # only the groups of the split asked are run (the facts stage reads each article alone; the
    # aligner, per group): the figures of a split do not change, the CPU spent does
    groups = {str(lb["group"]) for lb in labels if args.split == "all" or label_split(lb) == args.split}
    chosen = [a for a in articles.values() if a.group in groups]
    t0 = time.perf_counter()
    models = corpora.CachedModels()
    docs = {d.id: d for d in corpora.run_facts(corpora.documents(chosen), models)}
    elapsed = time.perf_counter() - t0
    by_group: dict[str, list[Document]] = defaultdict(list)
    for a in chosen:
        by_group[a.group].append(docs[a.id])

    for split in (*SPLITS, "all") if args.split == "all" else (args.split,):
        picked = [lb for lb in labels if split == "all" or label_split(lb) == split]
        print(
            f"\n== {split}: {len(picked)} labelled figures, {len({lb['group'] for lb in picked})} groups =="
        )
        for language in ("fr", "en", None):
            subset = [lb for lb in picked if language is None or lb["lang"] == language]
            right = detected = 0
            time_hit = time_gold = time_spurious = time_none = place_hit = place_gold = 0
            for lb in subset:
                m = found(docs[str(lb["doc"])], lb)
                detected += m is not None
                ok = m is not None and subject_right(m, str(lb["head"]))
                right += ok
                if args.show and not ok and language is None:
                    got = (m.text, m.subject, m.predicate, m.unit) if m else None
                    print(f"  subject? {lb['doc']} {lb['number']!r} gold={lb['subject']!r} got={got}")
                if args.show and language is None and (lb["time"] or lb["place"] or (m and m.time)):
                    print(
                        f"  when/where {lb['doc']} {lb['number']!r} gold={lb['time']!r}/{lb['place']!r} "
                        f"got={(m.time, m.place) if m else None}"
                    )
                if lb["time"]:
                    time_gold += 1
                    time_hit += m is not None and shares_word(m.time, str(lb["time"]))
                else:
                    time_none += 1
                    time_spurious += m is not None and m.time is not None
                if lb["place"]:
                    place_gold += 1
                    place_hit += m is not None and shares_word(m.place, str(lb["place"]))
            name = language or "all"
            n = max(1, len(subset))
            print(
                f"{name:>3}: subject accuracy {right / n:.3f} ({right}/{len(subset)}), figure found {detected / n:.3f}; "
                f"time found {time_hit}/{time_gold}, time where none {time_spurious}/{time_none}; "
                f"place found {place_hit}/{place_gold}"
            )
        tp = fp = fn = 0
        for group in sorted({str(lb["group"]) for lb in picked}):
            members = [lb for lb in picked if lb["group"] == group]
            aligner = Aligner(by_group[group])
            for a, b in itertools.combinations(members, 2):
                if a["doc"] == b["doc"]:
                    continue
                gold = a["measure"] == b["measure"]
                ma, mb = found(docs[str(a["doc"])], a), found(docs[str(b["doc"])], b)
                predicted = (
                    ma is not None
                    and mb is not None
                    and aligner.same_measure(
                        aligner.statement(str(a["doc"]), ma), aligner.statement(str(b["doc"]), mb)
                    )
                )
                tp += gold and predicted
                fp += predicted and not gold
                fn += gold and not predicted
                if args.show and gold != predicted:
                    what = "missed" if gold else "wrong"
                    print(
                        f"  pair {what}: {a['doc']} {a['number']!r} {ma.subject if ma else None!r} / "
                        f"{b['doc']} {b['number']!r} {mb.subject if mb else None!r}"
                    )
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        print(
            f"alignment: precision {precision:.3f}, recall {recall:.3f} ({tp} right, {fp} wrong, {fn} missed)"
        )
    print(f"\nfacts stage on {len(chosen)} articles: {elapsed:.1f} s (parses from bench/.cache when present)")


if __name__ == "__main__":
    main()
