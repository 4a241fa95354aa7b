"""Which input files are new or changed since the last look: what `recoupe add --watch` adds.

    seen = FileStates()
    seen.remember(["crawl/"])       # what a full add of crawl/ is about to read
    seen.changed(["crawl/"])        # later: the files whose size or modification time moved

A file written less than `settle` seconds ago is left for the next look: a crawler may still be
writing it, and a page's identity is its source plus its content hash, so a half-written file
added now would stay in the store as a page of its own. Hidden names are skipped as the readers
skip them (`iter_inputs` reports them on the first, full read).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from recoupe.ingest.readers import join_source

# seconds a file must have been left alone before it is read
SETTLE_SECONDS = 2.0


class FileStates:
    """The (size, modification time) of every file seen under some paths."""

    def __init__(self, *, settle: float = SETTLE_SECONDS, clock: Callable[[], float] = time.time) -> None:
        self.settle = settle
        self.clock = clock
        self.states: dict[str, tuple[int, int]] = {}

    def remember(self, paths: Sequence[str]) -> None:
        """Take every file under `paths` as seen, settled or not: what a full read just read."""
        for path in _files(paths):
            try:
                info = os.stat(path)
            except OSError:
                continue
            self.states[path] = (info.st_size, info.st_mtime_ns)

    def forget(self, files: Sequence[str]) -> None:
        """Take `files` as never seen: the next look gives them again (their add failed)."""
        for path in files:
            self.states.pop(path, None)

    def changed(self, paths: Sequence[str]) -> list[str]:
        """Files under `paths` (files or folders, walked in sorted order) that are new or changed
        since the last call and settled; they are remembered as seen."""
        out: list[str] = []
        now = self.clock()
        for path in _files(paths):
            try:
                info = os.stat(path)
            except OSError:
                continue  # gone since the walk: nothing to add
            state = (info.st_size, info.st_mtime_ns)
            if self.states.get(path) == state:
                continue
            if now - info.st_mtime < self.settle:
                continue  # still being written, perhaps: the next look takes it
            self.states[path] = state
            out.append(path)
        return out


def _files(paths: Sequence[str]) -> list[str]:
    """The files under `paths`, each named as the folder reader names its source ("crawl/a.html"
    for "crawl" or "crawl/", "./crawl/a.html" for "./crawl"): that name, given back as a path,
    reads the same file under the same source."""
    found: list[str] = []
    for path in paths:
        if not os.path.isdir(path):
            found.append(path)
            continue
        root = Path(path)
        for folder, subfolders, files in os.walk(path):
            subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
            relative = Path(folder).relative_to(root)
            for name in sorted(files):
                if not name.startswith("."):
                    found.append(join_source(path, (relative / name).as_posix()))
    return found
