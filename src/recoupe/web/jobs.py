"""Adds started from the web view: each runs `Corpus.add_paths` in a thread of its own, with its
own store connection (the one writer), and reports its progress for the job page to show."""

from __future__ import annotations

import secrets
import threading
import time
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

JobState = Literal["queued", "running", "done", "failed"]


@dataclass(slots=True)
class AddJob:
    id: str
    paths: list[str]
    state: JobState = "queued"
    stage: str = ""
    done: int = 0
    total: int = 0
    summary: str = ""
    error: str = ""
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None

    @property
    def seconds(self) -> float:
        return (self.finished or time.monotonic()) - self.started

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "paths": self.paths,
            "state": self.state,
            "stage": self.stage,
            "done": self.done,
            "total": self.total,
            "summary": self.summary,
            "error": self.error,
            "seconds": round(self.seconds, 1),
        }


class AddJobs:
    """The adds of this server, one at a time (the store has one writer), in start order."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self._jobs: dict[str, AddJob] = {}
        self._lock = threading.Lock()
        self._writer = threading.Lock()

    def get(self, job_id: str) -> AddJob | None:
        return self._jobs.get(job_id)

    def recent(self, n: int = 10) -> list[AddJob]:
        return list(self._jobs.values())[-n:][::-1]

    def start(self, paths: Sequence[str]) -> AddJob:
        job = AddJob(id=secrets.token_hex(6), paths=list(paths))
        with self._lock:
            self._jobs[job.id] = job
        threading.Thread(target=self._run, args=(job,), name=f"recoupe-add-{job.id}", daemon=True).start()
        return job

    def _run(self, job: AddJob) -> None:
        from recoupe.corpus import Corpus
        from recoupe.store import Store

        def progress(stage: str, done: int, total: int) -> None:
            job.stage, job.done, job.total = stage, done, total

        with self._writer:
            job.state = "running"
            job.started = time.monotonic()
            try:
                with Store.open(self.db) as store:
                    summary = Corpus(store, progress=progress).add_paths(job.paths)
                job.summary = summary.line()
                job.state = "done"
            except Exception as error:  # shown on the job page: a bad add must not kill the server
                job.error = f"{type(error).__name__}: {error}"
                job.state = "failed"
                traceback.print_exc()
            finally:
                job.finished = time.monotonic()
