"""Run the per-document stages (clean, judge, facts) over a stream of pages: in this process, in a
local pool of worker processes, or as Ray tasks.

    outcomes = process_pages(pages, DocumentStages(statistics=cleaner.fit(pages)), workers=2)

- The work unit is one page. `DocumentStages` is what a worker needs (stage options, the
  whole-corpus `SiteStatistics`, limits): a small picklable record, never a loaded model. Each
  worker builds its stages once when it starts (`LoadedStages`) and loads a spaCy model the first
  time a page of its language comes, so models are loaded once per worker, not per page.
- Outcomes come back in input order, one per page (`PageOutcome`): a document, or the reason
  there is none. Pages are read from the iterable as the workers need them, and at most `window`
  pages are in flight or waiting for an earlier one, so memory does not grow with the input.
- Limits (`recoupe.limits`): a page over the text limits is cut or skipped before the stages;
  each stage has `limits.stage_seconds` per page. In a pool the parent watches the clock: a worker
  past the limit, or one that dies, is killed and replaced, and its page becomes an `error`
  outcome ("limit: time per stage 60 s exceeded in facts"). In this process (`workers=1`) the
  limit is a SIGALRM timer, which stops Python code but not a long call inside a C extension.
- `engine="ray"` runs the same `LoadedStages.process` as Ray tasks over shards of pages and
  returns the outcomes to the caller, the one writer. Ray is an optional extra
  (`pip install recoupe[ray]`), imported only here and only when asked for.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import threading
import time
import traceback
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.connection import Connection, wait
from types import FrameType, ModuleType
from typing import Any, Literal

from recoupe.clean import Cleaner
from recoupe.facts import FactExtractor
from recoupe.judge import Judge
from recoupe.limits import DEFAULT_LIMITS, LimitExceeded, Limits, guard_page
from recoupe.model import Document, InputStatus, Page, SiteStatistics
from recoupe.stage import Stage, make_stage

Engine = Literal["local", "ray"]
ENGINES: tuple[Engine, ...] = ("local", "ray")
# the per-document stages, in the order a page goes through them
DOCUMENT_STAGES = ("clean", "judge", "facts")
_FAILED_VERB = {"clean": "cleaned", "judge": "judged", "facts": "read for facts"}
RAY_HINT = "the Ray engine needs the optional extra: pip install 'recoupe[ray]'"
# a worker that dies this many times before it is ready (an import error, no memory) stops the run
_MAX_START_FAILURES = 3
# a worker not ready this long after it started (importing, loading the language detector) is stuck
STARTUP_SECONDS = 300.0
# a worker is replaced by a fresh one after this many pages: spaCy's string store keeps every
# new word it has seen, and a worker grew by ~4 MiB per 1,000 pages (100,000-page bench: 450 ->
# 510 MiB each by 15,000 pages). A model load (~4 s) every 5,000 pages (~5 min of work) costs ~1 %.
PAGES_PER_WORKER = 5000


@dataclass(frozen=True, slots=True)
class DocumentStages:
    """What turns a page into a document, as a picklable record: no model, no open file."""

    # options per stage name ("clean", "judge", "facts"), as the configuration gives them
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    statistics: SiteStatistics = field(default_factory=SiteStatistics)
    limits: Limits = DEFAULT_LIMITS
    strict: bool = False
    # languages whose spaCy model a worker loads as it starts, before it takes a page
    preload: tuple[str, ...] = ()
    # tells this record's loaded stages apart in a long-lived (Ray) worker's cache
    token: str = field(default_factory=lambda: uuid.uuid4().hex, compare=False)

    def load(self) -> LoadedStages:
        return LoadedStages(self)


@dataclass(slots=True)
class PageOutcome:
    """What became of one page: `ok` with its document (and a note when a limit cut it), or
    `skipped`/`error` with the reason, to become the page's input entry."""

    source: str
    status: InputStatus
    document: Document | None = None
    reason: str | None = None


class StageTimeout(BaseException):
    """Raised by the in-process clock; a BaseException so that no stage's `except Exception`
    mistakes it for a failure of its own and carries on."""


def _built(name: str, kind: type[Stage], options: Mapping[str, Mapping[str, Any]]) -> Any:
    stage = make_stage(name, **dict(options.get(name, {})))
    if not isinstance(stage, kind):
        raise TypeError(f"stage {name!r} is a {type(stage).__name__}, expected a {kind.__name__}")
    return stage


class LoadedStages:
    """The per-document stages of one process, built once from a `DocumentStages`."""

    def __init__(self, spec: DocumentStages) -> None:
        self.spec = spec
        self.cleaner: Cleaner = _built("clean", Cleaner, spec.options)
        self.judge: Judge = _built("judge", Judge, spec.options)
        self.facts: FactExtractor = _built("facts", FactExtractor, spec.options)

    def rebind(self, spec: DocumentStages) -> LoadedStages:
        """These stages with another record's statistics and limits (a store's furniture moves
        from chunk to chunk); rebuilt only when the stage options differ."""
        same = type(spec) is type(self.spec) and (spec.options, spec.strict) == (
            self.spec.options,
            self.spec.strict,
        )
        if not same:
            return spec.load()
        self.spec = spec
        return self

    def warm(self) -> None:
        """Load what every page needs (the language detector) and the models asked for."""
        self.judge.detector.detect("one two three four five")
        for language in self.spec.preload:
            if self.facts.models.supports(language):
                self.facts.models.get(language)

    def process(self, page: Page, on_stage: Callable[[str], None] | None = None) -> PageOutcome:
        """Guard, clean, judge and extract facts from one page.

        `on_stage(name)` is called as each stage starts and with "" when the page is done or
        between stages while a model loads (time that is not the page's): the pool's clock.
        """
        announce = on_stage or _silent
        try:
            page, note = guard_page(page, self.spec.limits)
        except LimitExceeded as limit:
            return PageOutcome(page.source, "skipped", None, str(limit))
        stage = "clean"
        try:
            announce("clean")
            doc = self.cleaner.process(page, self.spec.statistics)
            stage = "judge"
            announce("judge")
            doc = self.judge.process(doc)
            announce("")
            language = (doc.language or "und").lower().split("-")[0]
            if self.facts.models.supports(language):
                self.facts.models.get(language)  # loads on first use: not this page's time
            stage = "facts"
            announce("facts")
            doc = self.facts.process(doc)
        except StageTimeout:
            return PageOutcome(page.source, "error", None, _timeout_reason(self.spec.limits, stage))
        except Exception as error:
            if self.spec.strict:
                raise
            reason = f"could not be {_FAILED_VERB[stage]}: {type(error).__name__}: {error}"
            return PageOutcome(page.source, "error", None, reason)
        finally:
            announce("")
        return PageOutcome(page.source, "ok", doc, note)


def _silent(stage: str) -> None:
    return None


def _timeout_reason(limits: Limits, stage: str) -> str:
    return f"limit: time per stage {limits.stage_seconds:g} s exceeded in {stage}"


def process_pages(
    pages: Iterable[Page],
    stages: DocumentStages,
    *,
    workers: int | None = None,
    engine: Engine = "local",
    address: str | None = None,
    window: int | None = None,
    start_method: str = "spawn",
    shard_size: int = 32,
    pool: PagePool | None = None,
) -> Iterator[PageOutcome]:
    """One `PageOutcome` per page, in input order.

    `workers`: processes (default: the number of cores); 1 runs in this process. `engine="ray"`
    runs on Ray (`address` of a cluster, default a local one with `workers` CPUs) in shards of
    `shard_size` pages. `window`: most pages read ahead of the oldest unfinished one (default
    8 per worker). `pool`: a running `PagePool` to use (the local engine) instead of starting
    one for this call; `workers` is then its size.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; engines: {', '.join(ENGINES)}")
    if pool is not None and engine == "local":
        workers = len(pool.workers)
    count = (os.cpu_count() or 1) if workers is None else workers
    if count < 1:
        raise ValueError(f"workers must be >= 1, got {workers!r}")
    ahead = window if window is not None else 8 * count
    if ahead < 1:
        raise ValueError(f"window must be >= 1, got {window!r}")
    if engine == "ray":
        return _ray_outcomes(pages, stages, count, address, shard_size, ahead)
    if count == 1:
        return _in_process(pages, stages)
    return _pool_outcomes(pages, stages, pool, ahead, lambda: PagePool(stages, count, start_method))


# --------------------------------------------------------------------------------------------
# in this process
# --------------------------------------------------------------------------------------------


class StageClock:
    """The in-process time limit: a SIGALRM timer armed as each stage starts. Only the main
    thread of a process can take signals; elsewhere the clock does nothing."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        self._previous: Any = None

    def __enter__(self) -> StageClock:
        if self.usable:
            self._previous = signal.signal(signal.SIGALRM, self._ring)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.usable:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)

    def __call__(self, stage: str) -> None:
        if self.usable:
            signal.setitimer(signal.ITIMER_REAL, self.seconds if stage else 0)

    @staticmethod
    def _ring(signum: int, frame: FrameType | None) -> None:
        # An exception raised inside a garbage-collector callback (a library's gc hook the alarm
        # happened to interrupt) is discarded by Python, and the stage would run on past its
        # limit: ring again a millisecond later instead, once out of the callback.
        hooks = {code for hook in gc.callbacks if (code := getattr(hook, "__code__", None)) is not None}
        while hooks and frame is not None:
            if frame.f_code in hooks:
                signal.setitimer(signal.ITIMER_REAL, 0.001)
                return
            frame = frame.f_back
        raise StageTimeout()


def _in_process(pages: Iterable[Page], stages: DocumentStages) -> Iterator[PageOutcome]:
    loaded = stages.load()
    for page in pages:
        with StageClock(stages.limits.stage_seconds) as clock:
            outcome = loaded.process(page, on_stage=clock)
        yield outcome


# --------------------------------------------------------------------------------------------
# local pool
# --------------------------------------------------------------------------------------------


def _worker_main(conn: Connection, stages: DocumentStages) -> None:
    """A pool worker: build the stages once, then process the pages sent one at a time."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    loaded = stages.load()
    loaded.warm()
    conn.send(("ready", -1, None))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        task, page, spec = message
        if spec is not None:  # the next pages go through other statistics or options
            loaded = loaded.rebind(spec)

        def announce(stage: str, task: int = task) -> None:
            conn.send(("stage", task, stage))

        try:
            outcome = loaded.process(page, on_stage=announce)
        except Exception:  # only in strict mode: the parent re-raises with this traceback
            conn.send(("raise", task, traceback.format_exc()))
            return
        conn.send(("done", task, outcome))


@dataclass(slots=True)
class _Worker:
    process: Any  # multiprocessing.Process of the chosen context
    conn: Connection
    # the token of the `DocumentStages` the worker holds now
    token: str
    started: float = field(default_factory=time.monotonic)
    ready: bool = False
    task: int | None = None
    stage: str = ""
    since: float = 0.0
    pages: int = 0  # pages done


class PoolClosed(RuntimeError):
    """The pool was closed (by another thread) while pages were going through it."""


class PagePool:
    """A local pool of worker processes that outlives one call of `process_pages`: its workers
    load their models once, and later calls send them only the new `DocumentStages` record
    (statistics, limits) with their first page. A corpus add keeps one for all its chunks.

        with PagePool(stages, workers=2) as pool:
            for chunk in chunks:
                outcomes = list(process_pages(chunk, stages_of(chunk), pool=pool))

    Not thread-safe: one `process_pages` over a pool at a time.
    """

    def __init__(
        self,
        stages: DocumentStages,
        workers: int,
        start_method: str = "spawn",
        *,
        pages_per_worker: int = PAGES_PER_WORKER,
    ) -> None:
        if workers < 2:
            raise ValueError(f"a pool needs at least 2 workers, got {workers!r}")
        if pages_per_worker < 1:
            raise ValueError(f"pages_per_worker must be >= 1, got {pages_per_worker!r}")
        self.stages = stages
        self.pages_per_worker = pages_per_worker
        self.context: Any = multiprocessing.get_context(start_method)
        self.start_failures = 0
        self.busy = False
        self.closed = False
        self.workers = [self._start() for _ in range(workers)]

    def __enter__(self) -> PagePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _start(self) -> _Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(
            target=_worker_main, args=(child, self.stages), name="recoupe-worker", daemon=True
        )
        process.start()
        child.close()
        return _Worker(process, parent, self.stages.token)

    def replace(self, worker: _Worker) -> None:
        if self.closed:
            raise PoolClosed("the pool was closed")
        if not worker.ready:
            self.start_failures += 1
            if self.start_failures >= _MAX_START_FAILURES:
                raise RuntimeError(
                    f"recoupe workers died {self.start_failures} times while starting "
                    f"(last exit code {worker.process.exitcode}); run with workers=1 to see why"
                )
        _stop(worker)
        self.workers[self.workers.index(worker)] = self._start()

    def drain(self) -> None:
        """After a call that stopped early: a worker still on a page of it is replaced, so that
        no late outcome reaches the next call. A closed pool starts nothing."""
        if self.closed:
            return
        for worker in list(self.workers):
            if worker.task is not None:
                _stop(worker)
                self.workers[self.workers.index(worker)] = self._start()

    def close(self) -> None:
        self.closed = True
        for worker in self.workers:
            if worker.process.is_alive():
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
        deadline = time.monotonic() + 5
        for worker in self.workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            _stop(worker)


def _stop(worker: _Worker) -> None:
    if worker.process.is_alive():
        worker.process.kill()
    worker.process.join(5)
    worker.conn.close()


def _death_reason(worker: _Worker) -> str:
    # its pipe can close before the process is reaped: wait a moment for the exit status
    worker.process.join(2)
    code = worker.process.exitcode
    if code is not None and code < 0:
        try:
            how = f"killed by {signal.Signals(-code).name}"
        except ValueError:
            how = f"killed by signal {-code}"
    else:
        how = f"exit code {code}"
    where = f" in {worker.stage}" if worker.stage else ""
    return f"worker process died ({how}){where}; it was restarted"


def _pool_outcomes(
    pages: Iterable[Page],
    stages: DocumentStages,
    shared: PagePool | None,
    window: int,
    start: Callable[[], PagePool],
) -> Iterator[PageOutcome]:
    """Outcomes in input order from the `shared` pool, else from one started for this call (and
    closed with it)."""
    pool = shared if shared is not None else start()
    if pool.busy or pool.closed:
        raise RuntimeError("this pool is closed or already processing pages")
    pool.busy = True
    pool.stages = stages  # a worker started to replace a dead one holds these
    source = iter(pages)
    waiting: dict[int, Page] = {}  # read, not yet done
    queued: deque[int] = deque()  # read, not yet sent
    results: dict[int, PageOutcome] = {}
    read = 0  # pages taken from `source`
    given = 0  # outcomes yielded
    exhausted = False
    limit = stages.limits.stage_seconds
    try:
        while True:
            if pool.closed:
                raise PoolClosed("the pool was closed")
            while not exhausted and read - given < window:
                page = next(source, None)
                if page is None:
                    exhausted = True
                    break
                waiting[read] = page
                queued.append(read)
                read += 1
            for worker in pool.workers:
                if queued and worker.ready and worker.task is None:
                    task = queued.popleft()
                    worker.task, worker.stage = task, ""
                    spec = stages if worker.token != stages.token else None
                    worker.conn.send((task, waiting[task], spec))
                    worker.token = stages.token
            while given in results:
                yield results.pop(given)
                given += 1
            if exhausted and given == read:
                return
            if not exhausted and read - given < window and not any(w.task is not None for w in pool.workers):
                # the outcomes just given freed the window and no worker is busy: nothing would
                # wake the wait below (one slow page held the window full; it is done now)
                continue
            now = time.monotonic()
            clocks = [w.since + limit - now for w in pool.workers if w.task is not None and w.stage]
            clocks += [w.started + STARTUP_SECONDS - now for w in pool.workers if not w.ready]
            timeout = max(0.0, min(clocks)) if clocks else None
            ready = set(
                wait([w.conn for w in pool.workers] + [w.process.sentinel for w in pool.workers], timeout)
            )
            for worker in list(pool.workers):
                died = False
                if worker.conn in ready:
                    try:
                        while worker.conn.poll():
                            kind, task, payload = worker.conn.recv()
                            if kind == "ready":
                                worker.ready = True
                                pool.start_failures = 0  # only failures in a row stop the run
                            elif kind == "stage":
                                worker.stage, worker.since = payload, time.monotonic()
                            elif kind == "done":
                                results[task] = payload
                                del waiting[task]
                                worker.task, worker.stage = None, ""
                                worker.pages += 1
                            else:
                                raise RuntimeError(f"a stage failed in strict mode:\n{payload}")
                    except (EOFError, OSError):
                        died = True
                if died or (worker.process.sentinel in ready and not worker.process.is_alive()):
                    _lose(worker, _death_reason(worker), results, waiting)
                    pool.replace(worker)
                elif worker.task is not None and worker.stage and time.monotonic() - worker.since > limit:
                    _lose(worker, _timeout_reason(stages.limits, worker.stage), results, waiting)
                    pool.replace(worker)
                elif not worker.ready and time.monotonic() - worker.started > STARTUP_SECONDS:
                    pool.replace(worker)  # stuck while starting: counts as a failed start
                elif worker.task is None and worker.pages >= pool.pages_per_worker:
                    pool.replace(worker)  # idle and grown: a fresh one takes its place
    finally:
        pool.busy = False
        if shared is None:
            pool.close()
        else:
            pool.drain()


def _lose(worker: _Worker, reason: str, results: dict[int, PageOutcome], waiting: dict[int, Page]) -> None:
    """The page a dead or stopped worker held becomes an error outcome."""
    worker.process.kill()
    worker.process.join(5)
    if worker.task is not None:
        page = waiting.pop(worker.task)
        results[worker.task] = PageOutcome(page.source, "error", None, reason)
        worker.task = None


# --------------------------------------------------------------------------------------------
# Ray
# --------------------------------------------------------------------------------------------


def import_ray() -> ModuleType:
    """Ray, or an ImportError that says how to install it."""
    try:
        import ray
    except ImportError as error:
        raise ImportError(RAY_HINT) from error
    return ray


def start_ray(cpus: int, address: str | None = None) -> ModuleType:
    """Ray, connected: to the cluster at `address`, else to a local one of `cpus` CPUs started
    now. Call it from the main thread (Ray sets its signal handlers there)."""
    ray = import_ray()
    if not ray.is_initialized():
        if address is None:
            ray.init(num_cpus=cpus, include_dashboard=False, log_to_driver=False)
        else:
            ray.init(address=address, log_to_driver=False)
    return ray


# a Ray worker process keeps its loaded stages between tasks: models load once per worker
_RAY_LOADED: dict[str, LoadedStages] = {}


def ray_shard(stages: DocumentStages, pages: list[Page]) -> list[PageOutcome]:
    """One Ray task: a shard of pages through the per-document stages."""
    loaded = _RAY_LOADED.get(stages.token)
    if loaded is None:
        previous = next(iter(_RAY_LOADED.values()), None)
        _RAY_LOADED.clear()
        loaded = previous.rebind(stages) if previous is not None else stages.load()
        _RAY_LOADED[stages.token] = loaded
        loaded.warm()
    outcomes = []
    for page in pages:
        with StageClock(stages.limits.stage_seconds) as clock:
            outcomes.append(loaded.process(page, on_stage=clock))
    return outcomes


def _ray_outcomes(
    pages: Iterable[Page],
    stages: DocumentStages,
    cpus: int,
    address: str | None,
    shard_size: int,
    window: int,
) -> Iterator[PageOutcome]:
    ray = start_ray(cpus, address)
    task = ray.remote(max_retries=0)(ray_shard)
    one_page = ray.remote(max_retries=0)(ray_shard)
    stages_ref = ray.put(stages)
    in_flight: deque[tuple[list[Page], Any]] = deque()
    most = max(2, window // max(1, shard_size))
    source = iter(pages)
    while True:
        shard = list(islice(source, shard_size))
        if shard:
            in_flight.append((shard, task.remote(stages_ref, shard)))
        while in_flight and (len(in_flight) >= most or not shard):
            yield from _ray_collect(ray, one_page, stages_ref, *in_flight.popleft(), stages.limits)
        if not shard:
            return


def _ray_collect(
    ray: ModuleType, one_page: Any, stages_ref: Any, shard: list[Page], ref: Any, limits: Limits
) -> Iterator[PageOutcome]:
    """A shard's outcomes; when its task failed (a worker died) or overran every page's time
    (a stage stuck in C code, out of the clock's reach), each page again on its own, so that
    only the page at fault is reported."""
    try:
        yield from ray.get(ref, timeout=_ray_timeout(limits, len(shard)))
        return
    except ray.exceptions.RayError as error:
        if isinstance(error, ray.exceptions.GetTimeoutError):
            ray.cancel(ref, force=True)
    for page in shard:
        single = one_page.remote(stages_ref, [page])
        try:
            yield from ray.get(single, timeout=_ray_timeout(limits, 1))
        except ray.exceptions.GetTimeoutError:
            ray.cancel(single, force=True)
            reason = f"limit: time per stage {limits.stage_seconds:g} s exceeded (Ray task cancelled)"
            yield PageOutcome(page.source, "error", None, reason)
        except ray.exceptions.RayError as error:
            reason = f"Ray task failed ({type(error).__name__}): the page was not processed"
            yield PageOutcome(page.source, "error", None, reason)


def _ray_timeout(limits: Limits, pages: int) -> float:
    """How long a task may take before it is deemed stuck: every stage of every page at its
    limit, plus starting a worker and loading its models."""
    return limits.stage_seconds * len(DOCUMENT_STAGES) * pages + STARTUP_SECONDS
