"""Where a page's CPU goes: each per-document stage, in one process, on FreSaDa articles.

    .venv/bin/python bench/bench_stage_costs.py [--pages 300]

Reads the first `--pages` FreSaDa articles, loads the French model (not counted), then measures
the CPU time (`time.process_time`, a figure that holds on a shared machine, where wall time does
not) per page of: cleaning, judging, the spaCy parse as recoupe runs it (paragraph by paragraph,
joined back into one Doc), and each extractor over the parse (sentences, entities, quantities,
dates, quotes). It prints, beside them, spaCy's own `nlp.pipe` over the whole texts (what a user
would otherwise run to get entities and a parse) and the ratio of recoupe's per-page stages to it,
and the pages per second two cores could reach on the per-page stages alone.

Skips cleanly (exit 0) when ../shared/data/fresada_french_satire is absent.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from itertools import islice
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
FRESADA = REPO.parent / "shared" / "data" / "fresada_french_satire" / "fresada.jsonl.gz"
sys.path.insert(0, str(REPO / "src"))


def cpu_ms_per_page(work: Callable[[], Any], pages: int) -> float:
    started = time.process_time()
    work()
    return (time.process_time() - started) / pages * 1000


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=300)
    args = parser.parse_args()
    if not FRESADA.exists():
        print(f"skipped: {FRESADA} is absent")
        return 0
    from recoupe.clean import Cleaner
    from recoupe.executor import DocumentStages
    from recoupe.facts.dates import extract_dates
    from recoupe.facts.entities import extract_entities
    from recoupe.facts.nlp import _load, sentences, shared_models
    from recoupe.facts.quantities import extract_quantities
    from recoupe.facts.quotes import extract_quotes
    from recoupe.ingest import iter_inputs

    pages = [p for _, p in islice(((e, p) for e, p in iter_inputs([str(FRESADA)]) if p), args.pages)]
    n = len(pages)
    stats = Cleaner().fit(pages)
    loaded = DocumentStages(statistics=stats, preload=("fr",)).load()
    loaded.warm()
    models = shared_models()
    models.parse_many(["Une phrase pour charger le modèle."], "fr")
    nlp = _load(models.models["fr"])

    costs: dict[str, float] = {}
    cleaned: list[Any] = []
    costs["clean"] = cpu_ms_per_page(
        lambda: cleaned.extend(loaded.cleaner.process(p, stats) for p in pages), n
    )
    docs: list[Any] = []
    costs["judge"] = cpu_ms_per_page(lambda: docs.extend(loaded.judge.process(d) for d in cleaned), n)
    french = [d for d in docs if (d.language or "").startswith("fr")]
    texts = [d.text for d in french]
    parsed: list[Any] = []
    costs["parse (spaCy, by paragraph)"] = cpu_ms_per_page(
        lambda: [parsed.extend(models.parse_many([t], "fr")) for t in texts], len(texts)
    )
    found: dict[int, Any] = {}

    def run_entities() -> None:
        for i, sdoc in enumerate(parsed):
            found[i] = extract_entities(sdoc, "fr")

    extractors: dict[str, Callable[[], Any]] = {
        "sentences": lambda: [sentences(s) for s in parsed],
        "entities": run_entities,
        "quantities": lambda: [extract_quantities(d.text, "fr", sdoc=s) for d, s in zip(french, parsed, strict=True)],
        "dates": lambda: [extract_dates(d.text, d.published, "fr", sdoc=s) for d, s in zip(french, parsed, strict=True)],
        "quotes": lambda: [extract_quotes(d.text, s, found[i], "fr") for i, (d, s) in enumerate(zip(french, parsed, strict=True))],
    }  # fmt: skip
    for name, work in extractors.items():
        costs[name] = cpu_ms_per_page(work, len(texts))
    spacy_alone = cpu_ms_per_page(lambda: list(nlp.pipe(texts, batch_size=32)), len(texts))
    parts = {}
    for component in ("ner", "parser", "morphologizer"):
        with nlp.select_pipes(disable=[component]):
            parts[component] = spacy_alone - cpu_ms_per_page(
                lambda: list(nlp.pipe(texts, batch_size=32)), len(texts)
            )

    total = sum(costs.values())
    chars = sum(len(t) for t in texts) / max(1, len(texts))
    print(f"{n} FreSaDa pages ({len(texts)} French, {chars:.0f} characters on average), CPU ms per page:")
    for name, ms in costs.items():
        print(f"  {name:<30} {ms:7.1f}  ({ms / total:4.0%})")
    print(f"  {'per-page stages in all':<30} {total:7.1f}")
    print(f"spaCy nlp.pipe over the whole texts ({', '.join(nlp.pipe_names)}): {spacy_alone:.1f} ms/page")
    print("  of which " + ", ".join(f"{k} ~{v:.1f} ms" for k, v in parts.items()))
    print(f"recoupe's per-page stages / spaCy's pipe alone: {total / spacy_alone:.2f}x")
    print(
        f"ceiling on 2 cores, per-page stages only, nothing else running: {2000 / total:.1f} pages/s "
        f"(spaCy's pipe alone: {2000 / spacy_alone:.1f} pages/s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
