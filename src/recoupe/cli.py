"""Command line: parse arguments, call the library, write files. Nothing else lives here.

Exit status: 0 when at least one page was processed (skipped inputs are reported, not fatal);
1 when nothing could be read; 2 on usage errors.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

FORMATS = ("json", "html", "md")
EXTENSIONS = {"json": "brief.json", "html": "brief.html", "md": "brief.md"}


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
        epilog="example: recoupe brief examples/ --out out --format json,html",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    brief.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, or - for standard input")
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
    return parser


def run_brief(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from recoupe.ingest import read_inputs
    from recoupe.pipeline import Pipeline, PipelineConfig
    from recoupe.render import RENDERERS

    formats = parse_formats(args.format)
    try:
        # stages are built before any input is read: a configuration mistake fails at once
        pipeline = Pipeline(PipelineConfig(stages=parse_settings(args.set), strict=args.strict))
    except (TypeError, ValueError) as error:
        raise UsageError(f"--set: {error}") from None
    stdin = sys.stdin.buffer if "-" in args.paths else None
    inputs, pages = read_inputs(args.paths, stdin=stdin)
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
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        path = out / EXTENSIONS[fmt]
        path.write_text(RENDERERS[fmt](brief), encoding="utf-8")
        written.append(str(path))
    if not args.quiet:
        print(
            f"recoupe: {len(inputs)} inputs ({counts['ok']} ok, {counts['skipped']} skipped, "
            f"{counts['error']} error), {_plural(len(brief.documents), 'document')}, "
            f"{_plural(len(brief.stories), 'story', 'stories')}, "
            f"{_plural(len(brief.duplicates), 'duplicate cluster')} -> {', '.join(written)}",
            file=stderr,
        )
    return 0


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
        if args.command == "brief":
            return run_brief(args, stdout, stderr)
    except UsageError as error:
        print(f"recoupe: error: {error}", file=stderr)
        return 2
    parser.print_usage(stderr)
    return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
