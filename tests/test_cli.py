"""The CLI end to end: files written, exit statuses, bad inputs reported, determinism."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from recoupe.cli import main
from recoupe.render import validate_brief_dict


def run(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    code = main(argv, stdout=io.StringIO(), stderr=err)
    return code, err.getvalue()


@pytest.fixture(scope="module")
def examples_brief(examples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    out = tmp_path_factory.mktemp("out")
    code, err = run(["brief", str(examples_dir), "--out", str(out)])
    assert code == 0, err
    for name in ("brief.json", "brief.html", "brief.md"):
        assert (out / name).stat().st_size > 1000
    data: dict[str, object] = json.loads((out / "brief.json").read_text(encoding="utf-8"))
    data["_out"] = str(out)
    return data


def test_examples_brief_validates_against_shared_contract(
    examples_brief: dict[str, object], shared_dir: Path
) -> None:
    import jsonschema

    data = {k: v for k, v in examples_brief.items() if not k.startswith("_")}
    schema = json.loads((shared_dir / "contract" / "brief.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert validate_brief_dict(data) == []


def test_every_example_is_accounted_for(examples_brief: dict[str, object], examples_dir: Path) -> None:
    inputs = examples_brief["inputs"]
    assert isinstance(inputs, list)
    ok_sources = sorted(Path(e["source"]).name for e in inputs if e["status"] == "ok")
    assert ok_sources == sorted(p.name for p in examples_dir.glob("*.txt"))
    # examples/README.md is not a page: reported, not silently dropped
    skipped = [e for e in inputs if e["status"] == "skipped"]
    assert any("README.md" in e["source"] and e["reason"] for e in skipped)


def test_same_input_gives_same_json_except_generated_at(examples_dir: Path, tmp_path: Path) -> None:
    outputs = []
    for name in ("a", "b"):
        code, err = run(
            ["brief", str(examples_dir), "--out", str(tmp_path / name), "--format", "json", "--quiet"]
        )
        assert code == 0, err
        data = json.loads((tmp_path / name / "brief.json").read_text(encoding="utf-8"))
        data.pop("generated_at")
        outputs.append(data)
    assert outputs[0] == outputs[1]
    assert not (tmp_path / "a" / "brief.html").exists()


def test_nothing_readable_exits_1_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    code, err = run(["brief", str(tmp_path), str(tmp_path / "missing.txt"), "--out", str(tmp_path / "out")])
    assert code == 1
    assert "empty" in err and "image.png" in err and "missing.txt" in err
    assert not (tmp_path / "out" / "brief.json").exists()


def test_usage_errors_exit_2(tmp_path: Path, examples_dir: Path) -> None:
    assert run(["brief"])[0] == 2
    code, err = run(["brief", str(examples_dir), "--format", "pdf", "--out", str(tmp_path)])
    assert code == 2 and "allowed: json, html, md" in err
    code, err = run(["brief", str(examples_dir), "--set", "nosuch.option=1", "--out", str(tmp_path)])
    assert code == 2 and "nosuch" in err
    code, err = run(["brief", str(examples_dir), "--set", "judge.junk_below=7", "--out", str(tmp_path)])
    assert code == 2 and "junk_below" in err


def test_stdin_text_page(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, examples_dir: Path) -> None:
    page = next(examples_dir.glob("004_*.txt")).read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(page), encoding="utf-8"))
    code, err = run(["brief", "-", "--out", str(tmp_path), "--format", "json"])
    assert code == 0, err
    data = json.loads((tmp_path / "brief.json").read_text(encoding="utf-8"))
    assert data["inputs"][0]["source"] == "-#1"
    assert data["documents"][0]["language"] == "fr"


def test_html_page_gets_metadata_and_unplaced_removals(fixtures_dir: Path, tmp_path: Path) -> None:
    page = fixtures_dir / "ingest" / "lemonde_renseignement.html"
    code, err = run(["brief", str(page), "--out", str(tmp_path), "--format", "json,md"])
    assert code == 0, err
    data = json.loads((tmp_path / "brief.json").read_text(encoding="utf-8"))
    doc = data["documents"][0]
    assert doc["title"].startswith("Le projet de loi sur le renseignement")
    assert doc["author"] == "Martin Untersinger" and doc["published"].startswith("2015-05-04")
    navigation = [r for r in doc["removed"] if r["reason"] == "navigation"]
    assert navigation and all(r["start"] is None for r in doc["removed"])  # none placed in the HTML input
    assert data["stories"][0]["summary"]
    assert "Le projet de loi sur le renseignement" in (tmp_path / "brief.md").read_text(encoding="utf-8")


def test_progress_lines_per_stage_and_throttled_within_one() -> None:
    from recoupe.cli import Progress

    stream = io.StringIO()
    progress = Progress(stream, after_s=0.0, every_s=3600.0)
    for stage, done in (("clean", 0), ("facts", 0), ("facts", 64), ("facts", 128), ("stories", 0)):
        progress(stage, done, 300)
    lines = stream.getvalue().splitlines()
    assert [line.split()[1] for line in lines] == ["clean", "facts", "stories"]
    assert "0/300 documents" in lines[1]
    quiet = io.StringIO()
    Progress(quiet, after_s=3600.0)("clean", 0, 300)
    assert quiet.getvalue() == ""


def test_unknown_stage_option_lists_the_allowed_ones(tmp_path: Path, examples_dir: Path) -> None:
    code, err = run(["brief", str(examples_dir), "--set", "judge.junk=1", "--out", str(tmp_path)])
    assert code == 2 and "junk_below" in err and "min_words" in err
    # objects a stage takes for code and tests are not configuration
    code, err = run(["brief", str(examples_dir), "--set", "facts.models=1", "--out", str(tmp_path)])
    assert code == 2 and "batch_size" in err
    assert not (tmp_path / "brief.json").exists()


def test_a_malformed_url_is_no_crash(tmp_path: Path) -> None:
    page = {"id": "x", "url": "http://[broken/x", "text": "Le gouvernement a annoncé hier une réforme. " * 30}
    (tmp_path / "pages.jsonl").write_text(json.dumps(page) + "\n", encoding="utf-8")
    code, err = run(["brief", str(tmp_path / "pages.jsonl"), "--out", str(tmp_path / "out")])
    assert code == 0, err
    data = json.loads((tmp_path / "out" / "brief.json").read_text(encoding="utf-8"))
    assert data["documents"][0]["url"] == "http://[broken/x" and data["documents"][0]["site"] is None


# --------------------------------------------------------------------------------------------
# corpus commands: add, stories, brief --db, export
# --------------------------------------------------------------------------------------------


def run_out(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def examples_db(examples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("db") / "news.db"
    code, _, err = run_out(["add", str(examples_dir), "--db", str(db), "--workers", "1"])
    assert code == 0, err
    assert "6 new pages" in err and "1 skipped" in err
    return db


def settled_copy(source: Path, target: Path) -> None:
    """A page a crawler wrote a minute ago: `--watch` reads it at its next look."""
    import os
    import shutil

    shutil.copy(source, target)
    os.utime(target, (target.stat().st_atime - 60, target.stat().st_mtime - 60))


def test_add_watch_adds_the_files_that_appear_and_stops_on_ctrl_c(
    examples_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from recoupe import cli
    from recoupe.store import Store

    crawl = tmp_path / "crawl"
    crawl.mkdir()
    seeds = sorted(examples_dir.glob("00*.txt"))
    for seed in seeds[:2]:
        shutil.copy(seed, crawl / seed.name)
    looks: list[float] = []

    def a_crawler_writes_between_looks(seconds: float) -> None:
        looks.append(seconds)
        if len(looks) == 1:  # a third page arrives, settled (written a minute ago)
            (crawl / "later").mkdir()
            settled_copy(seeds[2], crawl / "later" / seeds[2].name)
        elif len(looks) == 2:  # and one is being written now: left for a later look
            shutil.copy(seeds[3], crawl / seeds[3].name)
        else:
            raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_watch_sleep", a_crawler_writes_between_looks)
    db = tmp_path / "news.db"
    code, _, err = run_out(["add", str(crawl), "--db", str(db), "--workers", "1", "--watch", "30"])
    assert code == 0, err
    assert looks == [30.0, 30.0, 30.0]
    lines = [line for line in err.splitlines() if "inputs:" in line]
    # the first add reads the folder; the second only the file that appeared, as the folder names it
    assert "2 inputs: 2 new pages" in lines[0] and "1 inputs: 1 new pages" in lines[1], err
    assert len(lines) == 2 and err.rstrip().endswith("watch stopped")
    with Store.open(db) as store:
        sources = {r[0] for r in store.conn.execute("SELECT source FROM documents")}
    assert f"{crawl}/later/{seeds[2].name}" in sources and len(sources) == 3


def test_add_watch_goes_on_after_an_add_that_fails_and_reads_its_files_again(
    examples_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil
    import sqlite3

    from recoupe import cli
    from recoupe.corpus import Corpus

    crawl = tmp_path / "crawl"
    crawl.mkdir()
    seeds = sorted(examples_dir.glob("00*.txt"))
    shutil.copy(seeds[0], crawl / seeds[0].name)
    real_add = Corpus.add_paths
    calls: list[list[str]] = []

    def locked_once(self: Corpus, paths: list[str], **kwargs: object) -> object:
        calls.append(list(paths))
        if len(calls) == 2:
            raise sqlite3.OperationalError("database is locked")
        return real_add(self, paths, **kwargs)  # type: ignore[arg-type]

    looks: list[float] = []

    def a_page_arrives_then_stop(seconds: float) -> None:
        looks.append(seconds)
        if len(looks) == 1:
            settled_copy(seeds[1], crawl / seeds[1].name)
        elif len(looks) == 3:
            raise KeyboardInterrupt

    monkeypatch.setattr(Corpus, "add_paths", locked_once)
    monkeypatch.setattr(cli, "_watch_sleep", a_page_arrives_then_stop)
    db = tmp_path / "news.db"
    code, _, err = run_out(["add", str(crawl), "--db", str(db), "--workers", "1", "--watch", "1"])
    assert code == 0, err
    arrived = f"{crawl}/{seeds[1].name}"
    assert calls == [[str(crawl)], [arrived], [arrived]]  # failed, then read again at the next look
    assert "this add stopped (OperationalError: database is locked)" in err
    assert "1 inputs: 1 new pages" in err and err.rstrip().endswith("watch stopped")


def test_add_watch_refuses_standard_input(tmp_path: Path) -> None:
    code, _, err = run_out(["add", "-", "--db", str(tmp_path / "x.db"), "--watch", "5"])
    assert code == 2 and "--watch needs files or folders" in err


def test_add_the_same_bytes_again_changes_nothing(examples_db: Path, examples_dir: Path) -> None:
    before = examples_db.stat().st_size
    code, _, err = run_out(["add", str(examples_dir), "--db", str(examples_db), "--workers", "1"])
    assert code == 0, err
    assert "0 new pages, 7 already stored" in err and "0 stories changed" in err
    from recoupe.store import Store

    with Store.open(examples_db) as store:
        assert store.counts().documents == 6
    assert examples_db.stat().st_size == before


def test_stories_lists_the_story_with_its_figures(examples_db: Path) -> None:
    code, out, err = run_out(["stories", "--db", str(examples_db), "--json"])
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 1
    assert rows[0]["n_documents"] == 6 and rows[0]["n_sources"] >= 3 and rows[0]["n_discrepancies"] >= 1
    code, table, _ = run_out(["stories", "--db", str(examples_db)])
    assert code == 0 and rows[0]["id"] in table and "1 stories in" in table
    code, out, _ = run_out(["stories", "--db", str(examples_db), "--json", "--min-sources", "99"])
    assert code == 0 and out == ""
    code, out, _ = run_out(["stories", "--db", str(examples_db), "--json", "--since", "2030-01-01"])
    assert code == 0 and out == ""


def test_brief_from_the_store_is_the_contract(examples_db: Path, tmp_path: Path) -> None:
    code, _, err = run_out(["brief", "--db", str(examples_db), "--out", str(tmp_path)])
    assert code == 0, err
    data = json.loads((tmp_path / "brief.json").read_text(encoding="utf-8"))
    assert validate_brief_dict(data) == []
    assert len(data["documents"]) == 6 and len(data["stories"]) == 1
    assert (tmp_path / "brief.html").stat().st_size > 1000
    story = data["stories"][0]["id"]
    code, _, err = run_out(
        ["brief", "--db", str(examples_db), "--story", story, "--out", str(tmp_path / "one")]
    )
    assert code == 0, err
    assert (
        json.loads((tmp_path / "one" / "brief.json").read_text(encoding="utf-8"))["stories"][0]["id"] == story
    )


def test_brief_usage_errors_name_what_is_wrong(examples_db: Path, tmp_path: Path) -> None:
    code, _, err = run_out(["brief", "--db", str(examples_db), "--story", "s-nope", "--out", str(tmp_path)])
    assert code == 2 and "s-nope" in err
    code, _, err = run_out(["brief", "--out", str(tmp_path)])
    assert code == 2 and "--db" in err
    code, _, err = run_out(["brief", "examples", "--since", "2024-01-01", "--out", str(tmp_path)])
    assert code == 2 and "--db" in err
    code, _, err = run_out(["stories", "--db", str(tmp_path / "absent.db")])
    assert code == 2 and "no store there" in err
    assert not (tmp_path / "absent.db").exists()


def test_a_store_keeps_the_options_it_was_filled_with(examples_db: Path, examples_dir: Path) -> None:
    code, _, err = run_out(
        ["add", str(examples_dir), "--db", str(examples_db), "--set", "judge.junk_below=0.5"]
    )
    assert code == 2 and "stage options" in err


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_export_writes_one_table_per_record_kind(examples_db: Path, tmp_path: Path, fmt: str) -> None:
    from recoupe.store import Store

    code, _, err = run_out(["export", "--db", str(examples_db), "--format", fmt, "--out", str(tmp_path)])
    assert code == 0, err
    with Store.open(examples_db) as store:
        counts = store.counts()
        story_id = store.stories()[0].id
    if fmt == "parquet":
        import pyarrow.parquet as pq

        tables = {
            name: pq.read_table(tmp_path / f"{name}.parquet").to_pylist()
            for name in ("documents", "facts", "stories", "discrepancies")
        }
    else:
        tables = {
            name: [
                json.loads(line)
                for line in (tmp_path / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
            ]
            for name in ("documents", "facts", "stories", "discrepancies")
        }
    assert len(tables["documents"]) == counts.documents == 6
    assert len(tables["facts"]) == counts.facts > 10
    assert len(tables["discrepancies"]) == counts.discrepancies >= 1
    assert [s["id"] for s in tables["stories"]] == [story_id]
    assert {f["story"] for f in tables["facts"]} == {story_id}
    assert max(f["support"] for f in tables["facts"]) >= 3  # the seed pages agree on some facts
    # a figure's time and place travel with it: figures of different years are never compared
    assert all({"time", "place", "predicate", "subject"} <= set(f) for f in tables["facts"])
    assert {d["story"] for d in tables["documents"]} == {story_id}
    code, _, err = run_out(["export", "--db", str(examples_db), "--format", "csv", "--out", str(tmp_path)])
    assert code == 2 and "parquet" in err


def test_a_large_brief_goes_through_a_temporary_store(
    examples_brief: dict[str, object], examples_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past BATCH_MAX_INPUTS inputs, `brief PATH` streams them into a store, as `add` does, and
    renders from it: the same contract, every input accounted for, the same story."""
    import recoupe.cli

    monkeypatch.setattr(recoupe.cli, "BATCH_MAX_INPUTS", 3)
    code, _, err = run_out(["brief", str(examples_dir), "--out", str(tmp_path), "--workers", "1"])
    assert code == 0, err
    assert "temporary store" in err
    data = json.loads((tmp_path / "brief.json").read_text(encoding="utf-8"))
    assert validate_brief_dict(data) == []
    batch_inputs = examples_brief["inputs"]
    assert isinstance(batch_inputs, list)
    assert sorted((Path(e["source"]).name, e["status"]) for e in data["inputs"]) == sorted(
        (Path(e["source"]).name, e["status"]) for e in batch_inputs
    )
    assert len(data["documents"]) == 6 and len(data["stories"]) == 1
    assert data["stories"][0]["discrepancies"]
    assert not list(tmp_path.glob("*.db"))  # the store was temporary
