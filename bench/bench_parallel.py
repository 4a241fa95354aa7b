"""Per-document stages (clean, judge, facts) over FreSaDa pages: in one process, in a local pool of
2 workers, and on a local Ray cluster of 2 CPUs. Same pages, same site statistics.

Prints per mode the wall time (worker start and model loading included), pages/s, the peak
resident memory of the whole process tree (driver, workers, Ray's own processes, sampled every
0.2 s), the CPU seconds that tree used (from /proc: a figure that holds on a shared machine,
where wall time does not), checks that the three modes give the same documents, and prints Ray's overhead against
the pool. Each mode runs in a fresh subprocess, so that no mode inherits another's loaded models.

    .venv/bin/python bench/bench_parallel.py [--pages 2000] [--modes inprocess,pool,ray]

Data: ../shared/data/fresada_french_satire/fresada.jsonl.gz (read, never copied).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import tempfile
import threading
import time
from itertools import islice
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FRESADA = REPO.parent / "shared" / "data" / "fresada_french_satire" / "fresada.jsonl.gz"
MODES = ("inprocess", "pool", "ray")


_TICKS = os.sysconf("SC_CLK_TCK")


def tree_usage(root: int) -> tuple[int, dict[int, float]]:
    """Resident memory of `root` and all its descendants, and each one's CPU seconds, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    cpu: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        pid, ppid = int(entry), int(fields.get("PPid", "0").strip() or 0)
        children.setdefault(ppid, []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0]) * 1024 if "VmRSS" in fields else 0
        try:
            stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            cpu[pid] = (int(stat[11]) + int(stat[12])) / _TICKS  # utime + stime
        except (OSError, IndexError, ValueError):
            pass
    total, stack, seen = 0, [root], {}
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        seen[pid] = cpu.get(pid, 0.0)
        stack.extend(children.get(pid, []))
    return total, seen


def tree_rss_bytes(root: int) -> int:
    return tree_usage(root)[0]


class PeakSampler(threading.Thread):
    def __init__(self, every_s: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.every_s = every_s
        self.peak = 0
        self.cpu: dict[int, float] = {}  # CPU seconds last seen per process of the tree
        self.running = True

    def sample(self) -> None:
        rss, cpu = tree_usage(os.getpid())
        self.peak = max(self.peak, rss)
        self.cpu.update(cpu)

    def run(self) -> None:
        while self.running:
            self.sample()
            time.sleep(self.every_s)


def source_hash() -> str:
    """A hash of recoupe's code and language data: modes run on different code (a shared working
    tree edited meanwhile) cannot be compared."""
    import hashlib

    import recoupe

    digest = hashlib.sha1()
    root = Path(recoupe.__file__).parent
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".toml", ".json"):
            digest.update(path.relative_to(root).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()[:12]


def load_pages(count: int) -> list:  # type: ignore[type-arg]
    from recoupe.ingest import iter_inputs

    return [page for _, page in islice(((e, p) for e, p in iter_inputs([str(FRESADA)]) if p), count)]


def run_mode(mode: str, count: int, out: Path) -> None:
    """One mode in this (fresh) process; figures as JSON on stdout, outcomes pickled to `out`."""
    from recoupe.clean import Cleaner
    from recoupe.executor import DocumentStages, process_pages

    code = source_hash()
    pages = load_pages(count)
    stages = DocumentStages(statistics=Cleaner().fit(pages))
    sampler = PeakSampler()
    sampler.sample()
    cpu_before = sum(sampler.cpu.values())
    sampler.start()
    start = time.perf_counter()
    ray_init = 0.0
    if mode == "inprocess":
        outcomes = list(process_pages(pages, stages, workers=1))
    elif mode == "pool":
        outcomes = list(process_pages(pages, stages, workers=2))
    else:
        import ray

        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
        ray_init = time.perf_counter() - start
        outcomes = list(process_pages(pages, stages, workers=2, engine="ray", shard_size=32))
    wall = time.perf_counter() - start
    sampler.running = False
    sampler.join()
    sampler.sample()
    cpu_seconds = sum(sampler.cpu.values()) - cpu_before
    if mode == "ray":
        import ray

        ray.shutdown()
    out.write_bytes(pickle.dumps(outcomes))
    statuses: dict[str, int] = {}
    for outcome in outcomes:
        statuses[outcome.status] = statuses.get(outcome.status, 0) + 1
    chars = sum(len(p.text) for p in pages)
    print(
        json.dumps(
            {"mode": mode, "pages": len(pages), "chars": chars, "wall": wall, "ray_init": ray_init,
             "peak": sampler.peak, "cpu": cpu_seconds, "statuses": statuses,
             "code": code if code == source_hash() else "changed during the run"}
        )
    )  # fmt: skip


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--mode", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.mode:
        run_mode(args.mode, args.pages, Path(args.out))
        return 0
    if not FRESADA.is_file():
        print(f"FreSaDa not found at {FRESADA}; nothing measured", file=sys.stderr)
        return 1
    modes = [m for m in args.modes.split(",") if m]
    results: dict[str, dict] = {}  # type: ignore[type-arg]
    outcomes: dict[str, list] = {}  # type: ignore[type-arg]
    print(f"{args.pages} FreSaDa pages, clean + judge + facts, {os.cpu_count()} cores on this machine")
    with tempfile.TemporaryDirectory() as scratch:
        for mode in modes:
            out = Path(scratch) / f"{mode}.pickle"
            done = subprocess.run(
                [sys.executable, __file__, "--mode", mode, "--pages", str(args.pages), "--out", str(out)],
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode != 0:
                print(f"{mode}: failed\n{done.stderr[-2000:]}", file=sys.stderr)
                continue
            figures = json.loads(done.stdout.strip().splitlines()[-1])
            results[mode] = figures
            outcomes[mode] = pickle.loads(out.read_bytes())
            print(
                f"{mode:<10} {figures['wall']:7.1f} s  {figures['pages'] / figures['wall']:6.1f} pages/s  "
                f"peak {figures['peak'] / 2**20:6.0f} MiB (process tree)  "
                f"CPU {figures['cpu']:6.1f} s ({figures['cpu'] / figures['pages'] * 1000:.0f} ms/page)  "
                f"outcomes {figures['statuses']}"
                + (f"  (ray.init {figures['ray_init']:.1f} s)" if mode == "ray" else ""),
                flush=True,
            )
    codes = {results[mode]["code"] for mode in outcomes}
    if len(codes) > 1:
        print(
            f"recoupe's code differed between the modes ({', '.join(sorted(codes))}): documents not comparable"
        )
        outcomes = {}
    reference = next(iter(outcomes.values()), None)
    for mode, got in outcomes.items():
        same = got == reference
        differing = sum(1 for a, b in zip(got, reference or [], strict=False) if a != b)
        print(
            f"documents {mode} == {next(iter(outcomes))}: {same}" + ("" if same else f" ({differing} differ)")
        )
    if "inprocess" in results:
        base = results["inprocess"]
        per_page = base["wall"] / base["pages"]
        print(
            f"per-page cost in one process: {per_page * 1000:.0f} ms ({base['chars'] / base['pages']:.0f} chars/page)"
        )
        for mode in ("pool", "ray"):
            if mode in results:
                print(
                    f"speed-up {mode} (2 workers) vs one process: {base['wall'] / results[mode]['wall']:.2f}x"
                )
    if "pool" in results and "ray" in results:
        pool, ray = results["pool"], results["ray"]
        print(
            f"Ray overhead vs the pool: {ray['wall'] - pool['wall']:+.1f} s "
            f"({(ray['wall'] / pool['wall'] - 1) * 100:+.0f} %), of which ray.init {ray['ray_init']:.1f} s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
