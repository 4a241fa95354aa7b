"""Claimants of figures (who states a figure: "L'Ukraine affirme que 11 000 soldats…" -> "L'Ukraine")
on labelled figures in a reporting context.

    .venv/bin/python bench/bench_claimants.py [--split tune|held-out|held-out2|all] [--show]

Labels: bench/labels/claimants.jsonl (how they were made: bench/labels/README.md), offsets of a
figure in ../shared/data (RPM2 French clusters, ECB+ English events, FreSaDa regular articles)
and the gold claimant: a person or body named or designated in the sentence, or given by
"selon X" / "according to X"; empty when the sentence names nobody who states the figure (a
pronoun alone, the figure in the speaker's own description, a narrative clause). Alternatives
are separated by `|`. The facts stage runs on each labelled article (parses cached in
bench/.cache/).

- precision: of the figures given a claimant, the share whose claimant is one of the gold
  alternatives (after folding case, accents and punctuation); a claimant given where the gold
  is empty is wrong;
- recall: of the figures with a gold claimant, the share given a right one; a figure the facts
  stage does not find counts as not given.

Groups are split in two by the SHA-1 of their name (first byte even: `tune`), as for figures;
`held-out2` holds labels made later, from documents no earlier label points into, before the
rules were measured on them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpora
from recoupe.model import Document, Mention
from recoupe.textutil import fold

LABELS = Path(__file__).resolve().parent / "labels" / "claimants.jsonl"
SPLITS = ("tune", "held-out", "held-out2")


def normalized(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text.replace("’", "'"))))


def found(doc: Document, label: dict[str, object]) -> Mention | None:
    start, end = int(label["start"]), int(label["end"])  # type: ignore[call-overload]
    hits = [m for m in doc.mentions if m.kind in ("quantity", "money") and m.start < end and start < m.end]
    return min(hits, key=lambda m: abs(m.start - start)) if hits else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument("--show", action="store_true", help="print every wrong or missed claimant")
    args = parser.parse_args()
    labels = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]
    wanted = {str(label["doc"]) for label in labels}
    articles = [
        a for a in corpora.rpm2() + corpora.ecbplus() + corpora.fresada_regular(300) if a.id in wanted
    ]
    missing = wanted - {a.id for a in articles}
    if missing:
        sys.exit(f"labelled documents not in ../shared/data: {sorted(missing)}")
    docs = {d.id: d for d in corpora.run_facts(corpora.documents(articles), corpora.CachedModels())}

    for split in (*SPLITS, "all") if args.split == "all" else (args.split,):
        picked = [lb for lb in labels if split == "all" or lb["split"] == split]
        print(
            f"\n== {split}: {len(picked)} labelled figures ({sum(1 for lb in picked if lb['claimant'])} with a claimant) =="
        )
        for language in ("fr", "en", None):
            given = right = gold = found_right = 0
            for lb in picked:
                if language is not None and lb["lang"] != language:
                    continue
                m = found(docs[str(lb["doc"])], lb)
                got = m.claimed_by if m else None
                alternatives = {normalized(g) for g in str(lb["claimant"]).split("|") if g}
                ok = got is not None and normalized(got) in alternatives
                given += got is not None
                right += ok
                gold += bool(alternatives)
                found_right += ok and bool(alternatives)
                if args.show and language is None and not ok and (got is not None or alternatives):
                    what = "missed" if got is None else "wrong"
                    print(f"  {what}: {lb['doc']} {lb['number']!r} gold={lb['claimant']!r} got={got!r}")
            name = language or "all"
            precision = right / given if given else 0.0
            recall = found_right / gold if gold else 0.0
            print(
                f"{name:>3}: precision {precision:.3f} ({right}/{given}), recall {recall:.3f} ({found_right}/{gold})"
            )


if __name__ == "__main__":
    main()
