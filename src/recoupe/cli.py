"""Command line: parse arguments, call the library, write files. Nothing else lives here.

Exit status: 0 when at least one page was processed (skipped inputs are reported, not fatal);
1 when nothing could be read; 2 on usage errors.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import math
import shutil
import signal
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from recoupe.corpus import AddSummary, Corpus
    from recoupe.model import InputEntry, Page
    from recoupe.pipeline import PipelineConfig
    from recoupe.store import Store

FORMATS = ("json", "html", "md")
EXTENSIONS = {"json": "brief.json", "html": "brief.html", "md": "brief.md"}
DEFAULT_DB = "recoupe.db"
# `recoupe brief PATH...` past this many inputs goes through a temporary store, as `recoupe add`
# does: the whole-set passes hold every page in memory and compare stories pairwise
BATCH_MAX_INPUTS = 2000


class UsageError(Exception):
    """A mistake in the command line: reported with exit status 2."""


def parse_formats(value: str) -> list[str]:
    formats = [f.strip().lower() for f in value.split(",") if f.strip()]
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        raise UsageError(
            f"--format: unknown format(s) {', '.join(bad) or '(none)'}; allowed: {', '.join(FORMATS)}"
        )
    return list(dict.fromkeys(formats))


def parse_settings(items: Sequence[str]) -> dict[str, dict[str, Any]]:
    """`--set judge.junk_below=0.3` -> {"judge": {"junk_below": 0.3}} (values read as JSON, else text)."""
    stages: dict[str, dict[str, Any]] = {}
    for item in items:
        name, sep, raw = item.partition("=")
        stage, dot, option = name.partition(".")
        if not sep or not dot or not stage or not option:
            raise UsageError(f"--set {item!r}: expected STAGE.OPTION=VALUE, e.g. judge.junk_below=0.3")
        try:
            value: Any = json.loads(raw)
        except json.JSONDecodeError:
            value = raw
        stages.setdefault(stage, {})[option] = value
    return stages


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


class Progress:
    """Progress lines on stderr once the run has lasted more than a moment: each stage as it
    starts, and within a long stage at most one line every `every_s` seconds."""

    def __init__(self, stream: TextIO, *, after_s: float = 2.0, every_s: float = 2.0) -> None:
        self.stream = stream
        self.after_s = after_s
        self.every_s = every_s
        self.started = time.monotonic()
        self.last_line = -math.inf
        self.stage = ""

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        elapsed = now - self.started
        new_stage = stage != self.stage
        self.stage = stage
        if elapsed < self.after_s or (not new_stage and now - self.last_line < self.every_s):
            return
        self.last_line = now
        print(f"recoupe: {stage} {done}/{total} documents ({elapsed:.1f} s)", file=self.stream, flush=True)


def _add_execution_options(command: argparse.ArgumentParser) -> None:
    """Where the per-page stages run: `--workers`, `--engine`, `--address` (brief and add)."""
    command.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="processes for clean, judge and facts (default: the number of cores; 1: this process)",
    )
    command.add_argument(
        "--engine",
        choices=("local", "ray"),
        default="local",
        help="local processes or Ray (pip install 'recoupe[ray]')",
    )
    command.add_argument(
        "--address", metavar="URL", help="with --engine ray: the Ray cluster (default: a local one)"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="recoupe",
        description="Turn a pile of scraped news pages into a cross-checked brief.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    brief = sub.add_parser(
        "brief",
        help="read pages and write the brief (JSON, HTML, Markdown)",
        description="Read pages (folders, .txt, .html, .jsonl, .gz of these, or - for stdin) and write the brief.",
        epilog="examples:\n  recoupe brief examples/ --out out --format json,html\n"
        "  recoupe brief --db news.db --since 2024-11-01 --min-sources 2 --out out",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    brief.add_argument(
        "paths", nargs="*", metavar="PATH", help="file, folder, or - for standard input (or --db)"
    )
    brief.add_argument("--db", help="render from this corpus store (with PATHs: add them to it first)")
    brief.add_argument(
        "--story", action="append", default=[], metavar="ID", help="with --db: only this story (repeatable)"
    )
    brief.add_argument(
        "--since", metavar="DATE", help="with --db: stories with a page dated on or after DATE"
    )
    brief.add_argument(
        "--min-sources", type=int, metavar="N", help="with --db: stories with at least N independent sources"
    )
    brief.add_argument("--out", default="out", help="output folder (default: ./out)")
    brief.add_argument(
        "--format", default=",".join(FORMATS), help="comma-separated: json,html,md (default: all)"
    )
    brief.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="STAGE.OPTION=VALUE",
        help="override a stage option, e.g. --set judge.junk_below=0.3 (repeatable)",
    )
    brief.add_argument("--quiet", action="store_true", help="no progress or summary on stderr")
    brief.add_argument(
        "--strict", action="store_true", help="stop on the first page a stage fails on, with its traceback"
    )
    _add_execution_options(brief)
    _add_corpus_commands(sub)
    _add_serve_command(sub)
    return parser


def _add_serve_command(sub: Any) -> None:
    serve = sub.add_parser(
        "serve",
        help="browse a corpus store in a local web view",
        description="Serve a local web view of a corpus store: stories, facts with their sources, "
        "documents with what was cut. Listens on the loopback interface unless --host says otherwise.",
        epilog="example: recoupe serve --db news.db --allow crawl/  (then open http://127.0.0.1:8000)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    serve.add_argument(
        "--db", default=DEFAULT_DB, help=f"the store (default: ./{DEFAULT_DB}; created if absent)"
    )
    serve.add_argument("--host", default="127.0.0.1", help="interface to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument(
        "--allow",
        action="append",
        default=[],
        metavar="DIR",
        help="a folder the Add page may read paths from (repeatable; default: uploads only)",
    )
    serve.add_argument(
        "--max-upload-mb", type=int, default=50, metavar="N", help="upload limit (default: 50)"
    )


def run_serve(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from recoupe.web import serve

    missing = [folder for folder in args.allow if not Path(folder).is_dir()]
    if missing:
        raise UsageError(f"--allow: not a folder: {', '.join(missing)}")
    print(f"recoupe: serving {args.db} on http://{args.host}:{args.port} (Ctrl-C stops)", file=stderr)
    try:
        serve(
            args.db,
            host=args.host,
            port=args.port,
            allowed=args.allow,
            upload_limit=args.max_upload_mb * 1024 * 1024,
        )
    except ImportError as error:
        raise UsageError(str(error)) from None
    return 0


def _add_corpus_commands(sub: Any) -> None:
    add = sub.add_parser(
        "add",
        help="add pages to a corpus store (incremental: only what changed is recomputed)",
        description="Add pages to a corpus store. The same bytes again change nothing; a killed add "
        "can be rerun and goes on where it stopped.",
        epilog="examples:\n  recoupe add crawl/2024-11-18/ feeds.jsonl.gz --db news.db\n"
        "  recoupe add crawl/ --db news.db --watch 60   # then every minute what arrived",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add.add_argument("paths", nargs="*", metavar="PATH", help="file, folder, or - for standard input")
    add.add_argument("--db", default=DEFAULT_DB, help=f"the store (default: ./{DEFAULT_DB})")
    _add_execution_options(add)
    add.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="STAGE.OPTION=VALUE",
        help="override a stage option; a store keeps the options it was first filled with",
    )
    add.add_argument("--quiet", action="store_true", help="no progress bar or summary on stderr")
    add.add_argument(
        "--strict", action="store_true", help="stop on the first page a stage fails on, with its traceback"
    )
    add.add_argument(
        "--watch",
        type=float,
        metavar="SECONDS",
        help="after the add, look at PATHs every SECONDS and add the files that are new or changed, "
        "workers and models kept loaded, until Ctrl-C",
    )

    stories = sub.add_parser(
        "stories",
        help="list the stories of a corpus store",
        description="List the stories of a corpus store, latest first.",
        epilog="example: recoupe stories --db news.db --since 2024-11-01 --min-sources 2",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    stories.add_argument("--db", default=DEFAULT_DB, help=f"the store (default: ./{DEFAULT_DB})")
    stories.add_argument("--since", metavar="DATE", help="stories with a page dated on or after DATE")
    stories.add_argument("--min-sources", type=int, metavar="N", help="at least N independent sources")
    stories.add_argument("--limit", type=int, default=50, metavar="N", help="rows shown (default 50; 0: all)")
    stories.add_argument("--json", action="store_true", help="JSON lines instead of a table")

    export = sub.add_parser(
        "export",
        help="write documents, facts, stories and discrepancies as tables",
        description="Write the store's documents, facts, stories and discrepancies as one table each.",
        epilog="example: recoupe export --db news.db --format parquet --out tables/",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    export.add_argument("--db", default=DEFAULT_DB, help=f"the store (default: ./{DEFAULT_DB})")
    export.add_argument("--format", default="parquet", help="parquet or jsonl (default: parquet)")
    export.add_argument("--out", required=True, help="output folder")


def _open_store(path: str, *, create: bool) -> Store:
    from recoupe.store import Store

    if not create and not Path(path).exists():
        raise UsageError(f"--db {path}: no store there; create one with `recoupe add PATH... --db {path}`")
    try:
        return Store.open(path)
    except Exception as error:  # sqlite3.DatabaseError, a newer schema: say which file
        raise UsageError(f"--db {path}: {error}") from None


class RichProgress:
    """A progress bar on stderr (rich) for an add: pages read so far, then stories rebuilt."""

    def __init__(self, stream: TextIO) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        self.bar = Progress(
            TextColumn("recoupe: {task.description}"),
            BarColumn(),
            TextColumn("{task.completed} {task.fields[unit]}"),
            TimeElapsedColumn(),
            console=Console(file=stream),
            transient=True,
        )
        self.tasks: dict[str, Any] = {}

    def __enter__(self) -> RichProgress:
        self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage not in self.tasks:
            unit = "pages" if stage == "add" else "stories"
            label = "adding pages" if stage == "add" else "rebuilding stories"
            self.tasks[stage] = self.bar.add_task(label, total=total or None, unit=unit)
        self.bar.update(self.tasks[stage], completed=done, total=total or None)


def pipeline_config(args: argparse.Namespace) -> PipelineConfig:
    """The configuration `--set`, `--strict`, `--workers`, `--engine` and `--address` give (brief, add)."""
    from recoupe.pipeline import PipelineConfig

    if args.workers is not None and args.workers < 1:
        raise UsageError(f"--workers must be 1 or more, got {args.workers}")
    if args.address is not None and args.engine != "ray":
        raise UsageError("--address is the Ray cluster's: give --engine ray with it")
    try:
        return PipelineConfig(
            stages=parse_settings(args.set),
            strict=args.strict,
            workers=args.workers,
            engine=args.engine,
            address=args.address,
        )
    except (TypeError, ValueError) as error:
        raise UsageError(f"--set: {error}") from None


def run_add(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from recoupe.corpus import Corpus

    config = pipeline_config(args)
    if args.engine == "ray":
        from recoupe.executor import import_ray

        try:
            import_ray()
        except ImportError as error:
            raise UsageError(f"--engine ray: {error}") from None
    store = _open_store(args.db, create=True)
    with store, contextlib.ExitStack() as stack:
        progress: Any = _silent_progress
        if not args.quiet:
            progress = stack.enter_context(RichProgress(stderr))
        try:
            corpus = Corpus(store, config, progress=progress)
        except ValueError as error:
            raise UsageError(str(error)) from None
        if args.watch is not None:
            return watch_add(corpus, args, stderr)
        stdin = sys.stdin.buffer if "-" in args.paths else None
        summary = corpus.add_paths(args.paths, stdin=stdin)
    _report_add(summary, args, stderr)
    if args.paths and summary.inputs and not summary.new_pages and not summary.known:
        return 1
    return 0


def _report_add(summary: AddSummary, args: argparse.Namespace, stderr: TextIO) -> None:
    if not args.quiet:
        for reason in summary.error_reasons:
            print(f"recoupe: error: {reason}", file=stderr)
        print(f"recoupe: {summary.line()} -> {args.db}", file=stderr)


def watch_add(corpus: Corpus, args: argparse.Namespace, stderr: TextIO) -> int:
    """`recoupe add --watch`: add PATHs, then every `args.watch` seconds the files under them that
    are new or changed (`FileStates`), with the corpus's workers kept; a summary line per add
    that found something. An add that fails (a store locked past its wait, a full disk) is told
    on stderr and its files are read again at the next look. Ctrl-C (or SIGTERM) stops it between
    two adds or inside one: what was committed stays, the next add goes on."""
    from recoupe.ingest.watch import FileStates

    if not args.paths or "-" in args.paths:
        raise UsageError("--watch needs files or folders to look at, not standard input")
    if args.watch <= 0:
        raise UsageError(f"--watch must be a number of seconds above 0, got {args.watch:g}")
    previous = signal.signal(signal.SIGTERM, _interrupt)
    seen = FileStates()
    try:
        with corpus.keep_workers():
            seen.remember(args.paths)  # what the first add reads: only what moves later is read again
            _report_add(corpus.add_paths(args.paths), args, stderr)
            while True:
                _watch_sleep(args.watch)
                changed = seen.changed(args.paths)
                if not changed:
                    continue
                try:
                    _report_add(corpus.add_paths(changed), args, stderr)
                except Exception as error:  # a locked store, a full disk: the watch goes on
                    seen.forget(changed)  # what this add rolled back is read again next time
                    print(
                        f"recoupe: error: this add stopped ({type(error).__name__}: {error}); "
                        f"its {len(changed)} files are read again at the next look",
                        file=stderr,
                    )
    except KeyboardInterrupt:
        if not args.quiet:
            print("recoupe: watch stopped", file=stderr)
    finally:
        signal.signal(signal.SIGTERM, previous)
    return 0


_watch_sleep: Callable[[float], None] = time.sleep  # the wait between two looks (tests replace it)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _silent_progress(stage: str, done: int, total: int) -> None:
    return None


def run_stories(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    store = _open_store(args.db, create=False)
    with store:
        rows = store.stories(since=args.since, min_sources=args.min_sources, limit=args.limit or None)
        total = len(store.stories(since=args.since, min_sources=args.min_sources))
    if args.json:
        for row in rows:
            print(json.dumps(dataclasses.asdict(row), ensure_ascii=False), file=stdout)
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(
        title=f"{total} stories in {args.db}" + (f" ({len(rows)} shown)" if len(rows) < total else "")
    )
    right: Any = "right"
    table.add_column("id", no_wrap=True)
    table.add_column("title", overflow="fold", min_width=30, ratio=3)
    table.add_column("docs", justify=right, no_wrap=True)
    table.add_column("sources", justify=right, no_wrap=True)
    table.add_column("dates", no_wrap=True)
    table.add_column("discrepancies", justify=right, no_wrap=True)
    table.add_column("sites", overflow="fold", ratio=1, min_width=16)
    for row in rows:
        dates = " – ".join(d[:10] for d in dict.fromkeys([row.first_date, row.last_date]) if d) or "undated"
        table.add_row(
            row.id,
            row.title,
            str(row.n_documents),
            str(row.n_sources),
            dates,
            str(row.n_discrepancies),
            ", ".join(row.sites[:3]) + (" …" if len(row.sites) > 3 else ""),
        )
    Console(file=stdout, width=max(140, shutil.get_terminal_size().columns)).print(table)
    return 0


def run_export(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from recoupe.store.export import EXPORT_FORMATS, export_tables

    fmt = args.format.strip().lower()
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"--format: unknown format {args.format!r}; allowed: {', '.join(EXPORT_FORMATS)}")
    store = _open_store(args.db, create=False)
    with store:
        written = export_tables(store, Path(args.out), fmt)
    print(
        "recoupe: exported "
        + ", ".join(f"{table} ({count} rows)" for table, (_, count) in written.items())
        + f" -> {args.out}",
        file=stderr,
    )
    return 0


def run_brief(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from recoupe.ingest import iter_inputs
    from recoupe.pipeline import Pipeline
    from recoupe.render import RENDERERS
    from recoupe.render.pages import write_brief

    formats = parse_formats(args.format)
    if args.db is None and not args.paths:
        raise UsageError("give PATHs to read, or --db FILE to render from a corpus store")
    if args.db is None and (args.story or args.since or args.min_sources is not None):
        raise UsageError("--story, --since and --min-sources select stories of a store: give --db FILE")
    if args.db is not None:
        return _brief_from_store(args, formats, stderr)
    config = pipeline_config(args)
    try:
        # stages are built before any input is read: a configuration mistake fails at once
        pipeline = Pipeline(config)
    except (TypeError, ValueError) as error:
        raise UsageError(f"--set: {error}") from None
    if args.engine == "ray":
        from recoupe.executor import import_ray

        try:
            import_ray()
        except ImportError as error:
            raise UsageError(f"--engine ray: {error}") from None
    stdin = sys.stdin.buffer if "-" in args.paths else None
    results = iter_inputs(args.paths, stdin=stdin, limits=config.limits)
    head = list(islice(results, BATCH_MAX_INPUTS + 1))
    if len(head) > BATCH_MAX_INPUTS:
        return _brief_through_temporary_store(args, formats, chain(head, results), stderr)
    inputs = [entry for entry, _ in head]
    pages = [page for _, page in head if page is not None]
    counts = Counter(entry.status for entry in inputs)
    if not args.quiet:
        for entry in inputs:
            if entry.status != "ok":
                print(f"recoupe: {entry.status}: {entry.source}: {entry.reason}", file=stderr)
    if not pages:
        print("recoupe: nothing could be read; no brief written", file=stderr)
        return 1
    progress = Progress(stderr) if not args.quiet else (lambda stage, done, total: None)
    brief = pipeline.brief(pages, inputs, progress)
    written = [str(p) for p in write_brief(brief, Path(args.out), RENDERERS, formats)]
    if not args.quiet:
        print(
            f"recoupe: {len(inputs)} inputs ({counts['ok']} ok, {counts['skipped']} skipped, "
            f"{counts['error']} error), {_plural(len(brief.documents), 'document')}, "
            f"{_plural(len(brief.stories), 'story', 'stories')}, "
            f"{_plural(len(brief.duplicates), 'duplicate cluster')} -> {', '.join(written)}",
            file=stderr,
        )
    return 0


def _brief_through_temporary_store(
    args: argparse.Namespace,
    formats: list[str],
    results: Iterable[tuple[InputEntry, Page | None]],
    stderr: TextIO,
) -> int:
    """A large `recoupe brief PATH...`: the inputs are added to a store in a temporary folder
    (streamed, in chunks, stories grouped incrementally: memory does not grow with the input),
    and the brief is rendered from it, an index and one page per story."""
    import tempfile

    from recoupe.corpus import Corpus
    from recoupe.render import RENDERERS
    from recoupe.render.pages import write_brief
    from recoupe.store import Store

    if not args.quiet:
        print(
            f"recoupe: more than {BATCH_MAX_INPUTS:,} inputs: they go through a temporary store, as "
            "`recoupe add` does (keep one with `recoupe add PATH... --db FILE`)",
            file=stderr,
        )
    with (
        tempfile.TemporaryDirectory(prefix="recoupe-") as folder,
        Store.open(Path(folder) / "brief.db") as store,
        contextlib.ExitStack() as stack,
    ):
        progress: Any = _silent_progress if args.quiet else stack.enter_context(RichProgress(stderr))
        try:
            corpus = Corpus(store, pipeline_config(args), progress=progress)
        except (TypeError, ValueError) as error:
            raise UsageError(str(error)) from None
        summary = corpus.add(results)
        stack.close()  # the progress bar ends before the brief is written
        brief = store.brief(None)
        written = [str(p) for p in write_brief(brief, Path(args.out), RENDERERS, formats)]
    if not args.quiet:
        for reason in summary.error_reasons:
            print(f"recoupe: error: {reason}", file=stderr)
        print(f"recoupe: {summary.line()} -> {', '.join(written)}", file=stderr)
    return 0


def _brief_from_store(args: argparse.Namespace, formats: list[str], stderr: TextIO) -> int:
    from recoupe.corpus import Corpus
    from recoupe.render import RENDERERS
    from recoupe.render.pages import write_brief

    store = _open_store(args.db, create=bool(args.paths))
    with store:
        if args.paths:
            try:
                corpus = Corpus(store, pipeline_config(args))
            except (TypeError, ValueError) as error:
                raise UsageError(str(error)) from None
            stdin = sys.stdin.buffer if "-" in args.paths else None
            summary = corpus.add_paths(args.paths, stdin=stdin)
            if not args.quiet:
                print(f"recoupe: {summary.line()} -> {args.db}", file=stderr)
        try:
            brief = store.brief(args.story or None, since=args.since, min_sources=args.min_sources)
        except KeyError as error:
            raise UsageError(f"--story: {error.args[0]}") from None
    if not brief.stories and not args.quiet:
        print("recoupe: no story matches; an empty brief is written", file=stderr)
    written = [str(p) for p in write_brief(brief, Path(args.out), RENDERERS, formats)]
    if not args.quiet:
        print(
            f"recoupe: {_plural(len(brief.stories), 'story', 'stories')}, "
            f"{_plural(len(brief.documents), 'document')} from {args.db} -> {', '.join(written)}",
            file=stderr,
        )
    return 0


COMMANDS = {
    "brief": run_brief,
    "add": run_add,
    "stories": run_stories,
    "export": run_export,
    "serve": run_serve,
}


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        if args.command in COMMANDS:
            return COMMANDS[args.command](args, stdout, stderr)
    except UsageError as error:
        print(f"recoupe: error: {error}", file=stderr)
        return 2
    parser.print_usage(stderr)
    return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
