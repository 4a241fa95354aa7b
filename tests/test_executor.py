"""The executor: the same documents in this process, in a pool and on Ray; a worker that dies or
hangs costs one page, reported with why, and the run goes on."""

from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from recoupe.clean import Cleaner, site_key
from recoupe.clean.site_lines import line_key
from recoupe.executor import (
    RAY_HINT,
    DocumentStages,
    LoadedStages,
    PageOutcome,
    PagePool,
    StageClock,
    StageTimeout,
    import_ray,
    process_pages,
)
from recoupe.ingest import read_inputs
from recoupe.limits import Limits
from recoupe.model import Page, SiteStatistics


@pytest.fixture(scope="module")
def example_pages(examples_dir: Path) -> list[Page]:
    _, pages = read_inputs([str(examples_dir)])
    assert len(pages) >= 5
    return pages


@pytest.fixture(scope="module")
def in_process(example_pages: list[Page]) -> tuple[DocumentStages, list[PageOutcome]]:
    stages = DocumentStages(statistics=Cleaner().fit(example_pages))
    return stages, list(process_pages(example_pages, stages, workers=1))


def test_in_process_gives_one_document_per_page_in_order(
    example_pages: list[Page], in_process: tuple[DocumentStages, list[PageOutcome]]
) -> None:
    _, outcomes = in_process
    assert [o.source for o in outcomes] == [p.source for p in example_pages]
    assert all(o.status == "ok" and o.document is not None for o in outcomes)
    # the facts stage ran: French pages have sentences and named entities
    assert all(o.document and o.document.sentences for o in outcomes)
    assert any(o.document and any(m.kind == "person" for m in o.document.mentions) for o in outcomes)


def test_stages_record_pickles_without_models(in_process: tuple[DocumentStages, list[PageOutcome]]) -> None:
    stages, _ = in_process
    copy = pickle.loads(pickle.dumps(stages))
    assert copy == stages and copy.statistics == stages.statistics
    assert len(pickle.dumps(stages)) < 100_000


def test_pool_gives_the_same_documents_as_in_process(
    example_pages: list[Page], in_process: tuple[DocumentStages, list[PageOutcome]]
) -> None:
    stages, expected = in_process
    assert list(process_pages(example_pages, stages, workers=2)) == expected


def test_a_shared_pool_keeps_its_workers_and_takes_each_calls_statistics(example_pages: list[Page]) -> None:
    """A corpus add keeps one pool for all its chunks: the workers (and their models) stay, and
    each call's furniture reaches them."""
    page = next(p for p in example_pages if site_key(p) is not None)
    site = site_key(page)
    plain = DocumentStages()
    (alone,) = process_pages([page], plain, workers=1)
    assert site is not None and alone.document is not None
    line = [x.strip() for x in alone.document.text.splitlines() if len(x.strip()) > 20][1]
    with_furniture = DocumentStages(statistics=SiteStatistics(furniture={site: frozenset({line_key(line)})}))
    pages = [page, *example_pages[:3]]
    with PagePool(plain, workers=2) as pool:
        pids = {w.process.pid for w in pool.workers}
        first = list(process_pages(pages, plain, pool=pool))
        second = list(process_pages(pages, with_furniture, pool=pool))
        assert {w.process.pid for w in pool.workers} == pids
    assert first == list(process_pages(pages, plain, workers=1))
    assert second == list(process_pages(pages, with_furniture, workers=1))
    before, after = first[0].document, second[0].document
    assert before is not None and after is not None
    assert line in before.text and line not in after.text
    assert any(span.reason == "site_furniture" for span in after.removed)
    assert pool.closed and all(not w.process.is_alive() for w in pool.workers)
    with pytest.raises(RuntimeError, match="closed"):
        list(process_pages(pages, plain, pool=pool))


def test_a_worker_is_replaced_after_its_share_of_pages_and_the_documents_do_not_change(
    example_pages: list[Page], in_process: tuple[DocumentStages, list[PageOutcome]]
) -> None:
    """A long add recycles its workers (spaCy's string store grows with every word seen): a fresh
    worker takes over after `pages_per_worker` pages, and the documents are the same."""
    stages, expected = in_process
    with PagePool(stages, workers=2, pages_per_worker=2) as pool:
        first = {w.process.pid for w in pool.workers}
        assert list(process_pages(example_pages, stages, pool=pool)) == expected
        now = {w.process.pid for w in pool.workers}
        assert all(w.pages < 2 for w in pool.workers)
    # (which worker reads which page is a race; with 5 pages or more, one of the first two does 2)
    assert first - now, "no worker was replaced"
    with pytest.raises(ValueError, match="pages_per_worker"):
        PagePool(stages, workers=2, pages_per_worker=0)


# --------------------------------------------------------------------------------------------
# a worker that dies or hangs
# --------------------------------------------------------------------------------------------


class _FaultyStages(DocumentStages):
    """Stages for this test: a page whose source says "crash" kills its worker in the facts
    stage (as the kernel's out-of-memory killer would); one that says "hang" sleeps in clean."""

    def load(self) -> LoadedStages:
        return _FaultyLoaded(self)


class _FaultyLoaded(LoadedStages):
    def process(self, page: Page, on_stage: Callable[[str], None] | None = None) -> PageOutcome:
        if "crash" in page.source and on_stage is not None:
            on_stage("facts")
            os.kill(os.getpid(), signal.SIGKILL)
        if "hang" in page.source and on_stage is not None:
            on_stage("clean")
            time.sleep(600)
        if "slow" in page.source:
            time.sleep(2)
        return super().process(page, on_stage)


def test_a_slow_page_that_holds_the_window_full_does_not_stall_the_pool(example_pages: list[Page]) -> None:
    """One slow page while the other worker finishes the rest of the window: once its outcome
    comes, every outcome read so far is given and no worker is busy; the pool must read on
    (it waited forever for a message no worker would send: found at 5,600 pages of FreSaDa)."""
    pages = [Page(source="slow.txt", text=example_pages[0].text), *example_pages[1:5]]
    found: list[PageOutcome] = []

    def run() -> None:
        found.extend(process_pages(pages, _FaultyStages(), workers=2, window=3))

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(120)
    assert not thread.is_alive(), "the pool stalled"
    assert [o.source for o in found] == [p.source for p in pages]
    assert all(o.status == "ok" for o in found)


@pytest.mark.skipif(sys.platform == "win32", reason="kills a worker with SIGKILL")
def test_a_killed_or_hung_worker_costs_one_page_and_the_run_goes_on(example_pages: list[Page]) -> None:
    text = example_pages[0].text
    pages = [
        example_pages[0],
        Page(source="crash.txt", text=text),
        example_pages[1],
        Page(source="hang.txt", text=text),
        example_pages[2],
        example_pages[3],
    ]
    pulled: list[int] = []

    def stream() -> Iterator[Page]:
        for page in pages:
            pulled.append(1)
            yield page

    stages = _FaultyStages(limits=Limits(stage_seconds=3))
    outcomes = []
    pulled_at_first = -1
    for outcome in process_pages(stream(), stages, workers=2, window=3):
        if pulled_at_first < 0:
            pulled_at_first = len(pulled)
        outcomes.append(outcome)
    assert [o.source for o in outcomes] == [p.source for p in pages]
    by_source = {o.source: o for o in outcomes}
    crashed, hung = by_source["crash.txt"], by_source["hang.txt"]
    assert (crashed.status, crashed.document) == ("error", None)
    assert crashed.reason == "worker process died (killed by SIGKILL) in facts; it was restarted"
    assert (hung.status, hung.reason) == ("error", "limit: time per stage 3 s exceeded in clean")
    assert [o.status for o in outcomes if "crash" not in o.source and "hang" not in o.source] == ["ok"] * 4
    # pages are read as workers need them: never more than `window` ahead of the first outcome
    assert pulled_at_first <= 3


@pytest.mark.skipif(sys.platform == "win32", reason="the in-process clock is a POSIX signal")
def test_in_process_time_limit_stops_a_long_stage(example_pages: list[Page]) -> None:
    """A real long page, 60 pages' worth of text: cleaning it, or reading the ~20,000 characters
    the repetition rule leaves for facts, takes well over 0.05 s on any machine."""
    long_text = "\n\n".join(p.text for p in example_pages) * 10
    page = Page(source="long.txt", text=long_text, language="fr")
    stages = DocumentStages(limits=Limits(stage_seconds=0.05, max_chars=len(long_text)))
    (outcome,) = process_pages([page], stages, workers=1)
    assert outcome.status == "error"
    assert outcome.reason is not None
    assert outcome.reason.startswith("limit: time per stage 0.05 s exceeded in ")


def test_a_time_limit_that_rings_inside_a_gc_callback_stops_the_stage_once_out_of_it() -> None:
    """Python discards an exception raised in a garbage-collector callback (hypothesis installs
    one; a CI run saw the alarm land there), and the stage ran on: the clock rings again after."""

    def slow_hook(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            until = time.perf_counter() + 0.2
            while time.perf_counter() < until:
                pass

    gc.callbacks.append(slow_hook)
    try:
        with StageClock(0.05) as clock:
            if not clock.usable:
                pytest.skip("no SIGALRM timer here")
            clock("facts")
            with pytest.raises(StageTimeout):
                gc.collect()  # the alarm rings inside slow_hook
                until = time.perf_counter() + 2.0
                while time.perf_counter() < until:
                    pass
            clock("")
    finally:
        gc.callbacks.remove(slow_hook)


def test_text_limits_cut_or_skip_a_page() -> None:
    """Pathological pages, generated: a page on one very long line is skipped; a long page is
    cut at a paragraph break and kept, its input entry saying so."""
    paragraph = "Le conseil municipal a voté le budget de la ville après un long débat. " * 5
    one_line = Page(source="one_line.txt", text="mot " * 30_000)
    long_page = Page(source="long.txt", text="\n\n".join([paragraph] * 400))
    stages = DocumentStages(limits=Limits(max_line_chars=50_000, max_chars=20_000))
    skipped, cut = process_pages([one_line, long_page], stages, workers=1)
    assert (skipped.status, skipped.document) == ("skipped", None)
    assert skipped.reason == "limit max_line_chars: a line of 120,000 characters is over 50,000; skipped"
    assert cut.status == "ok" and cut.document is not None
    assert cut.reason is not None and cut.reason.startswith(
        f"limit max_chars: page of {len(long_page.text):,} characters cut to its first "
    )
    kept = int(cut.reason.split("cut to its first ")[1].split(" ")[0].replace(",", ""))
    assert 18_000 <= kept <= 20_000
    assert long_page.text[kept : kept + 2] == "\n\n"  # cut at a paragraph break
    assert len(cut.document.text) <= kept


def test_bad_executor_settings_fail_at_once() -> None:
    with pytest.raises(ValueError, match="unknown engine 'dask'; engines: local, ray"):
        process_pages([], DocumentStages(), engine="dask")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="workers must be >= 1"):
        process_pages([], DocumentStages(), workers=0)


def test_ray_missing_gives_the_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(ImportError, match=r"pip install 'recoupe\[ray\]'"):
        import_ray()
    assert "recoupe[ray]" in RAY_HINT


# --------------------------------------------------------------------------------------------
# Ray, on a local cluster of 2 CPUs
# --------------------------------------------------------------------------------------------


def test_ray_gives_the_same_documents_as_in_process(
    example_pages: list[Page], in_process: tuple[DocumentStages, list[PageOutcome]]
) -> None:
    ray = pytest.importorskip("ray")
    stages, expected = in_process
    long_text = "\n\n".join(p.text for p in example_pages) * 10
    slow = DocumentStages(limits=Limits(stage_seconds=0.2, max_chars=len(long_text)))
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        outcomes = list(process_pages(example_pages, stages, workers=2, engine="ray", shard_size=2))
        # Ray runs a task in its worker's main thread: the stage clock holds there too
        (timed_out,) = process_pages([Page(source="long.txt", text=long_text)], slow, engine="ray")
    finally:
        ray.shutdown()
    assert outcomes == expected
    assert timed_out.status == "error" and timed_out.reason is not None
    assert timed_out.reason.startswith("limit: time per stage 0.2 s exceeded in ")


# --------------------------------------------------------------------------------------------
# the folder that did not finish in 15 minutes before the limits
# --------------------------------------------------------------------------------------------


def test_a_folder_of_pathological_pages_finishes_with_each_page_reported(
    tmp_path: Path, examples_dir: Path
) -> None:
    """A 22 MB text page, a 5 MB page on one line and HTML nested 20,000 deep (generated here),
    beside a real page, through `recoupe brief` with the default limits."""
    import io
    import json

    from recoupe.cli import main

    folder = tmp_path / "pages"
    folder.mkdir()
    real = sorted(examples_dir.glob("*.txt"))[0]
    (folder / "real.txt").write_bytes(real.read_bytes())
    paragraph = real.read_text(encoding="utf-8").split("\n\n")[-1]
    (folder / "huge.txt").write_text(
        (paragraph + "\n\n") * (22_000_000 // (len(paragraph) + 2)), encoding="utf-8"
    )
    (folder / "one_line.txt").write_text("mot " * 1_250_000, encoding="utf-8")
    (folder / "deep.html").write_text(
        "<html><body>" + "<div>" * 20_000 + "<p>Texte.</p>" + "</div>" * 20_000 + "</body></html>",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    stderr = io.StringIO()
    started = time.monotonic()
    status = main(["brief", str(folder), "--out", str(out), "--format", "json", "--quiet"], stderr=stderr)
    assert status == 0, stderr.getvalue()
    assert time.monotonic() - started < 120
    brief = json.loads((out / "brief.json").read_text(encoding="utf-8"))
    entries = {Path(e["source"]).name: e for e in brief["inputs"]}
    assert entries["real.txt"]["status"] == "ok"
    assert entries["huge.txt"]["status"] == "skipped"
    assert entries["huge.txt"]["reason"].startswith("limit max_bytes: file of 2")
    assert entries["one_line.txt"]["status"] == "skipped"
    assert entries["one_line.txt"]["reason"] == (
        "limit max_line_chars: a line of 5,000,000 characters is over 100,000; skipped"
    )
    assert entries["deep.html"]["status"] == "skipped"
    assert entries["deep.html"]["reason"].startswith("limit max_html_depth")
    assert [d["source"] for d in brief["documents"]] == [str(folder / "real.txt")]
