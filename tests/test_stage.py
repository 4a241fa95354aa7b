"""The stage protocol: declared fields are checked against the records and along the chain."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import ClassVar

import pytest

from recoupe.clean import Cleaner, SiteLines
from recoupe.facts import FactExtractor, SpacyModels
from recoupe.judge import Judge
from recoupe.model import Document
from recoupe.pipeline import Pipeline, PipelineConfig
from recoupe.stage import DocumentStage, Stage, check_chain, check_field, record_fields


class _Needs(DocumentStage):
    """A stage written for this test: it reads the facts stage's mentions."""

    name = "needs_mentions"
    requires: ClassVar[tuple[str, ...]] = ("document.mentions",)
    assigns: ClassVar[tuple[str, ...]] = ("document.quality",)

    def process(self, doc: Document) -> Document:
        return doc


class _Misspelt(Stage):
    name = "misspelt"
    requires: ClassVar[tuple[str, ...]] = ("document.txt",)


def test_the_pipeline_chain_is_consistent() -> None:
    stages = [SiteLines(), Cleaner(), Judge(), FactExtractor()]
    available = check_chain(stages, record_fields("page"))
    assert {"document.text", "document.language", "document.mentions"} <= available


def test_a_stage_requiring_a_field_no_earlier_stage_assigns_is_named() -> None:
    with pytest.raises(ValueError, match=r"stage 'needs_mentions' requires 'document\.mentions'"):
        check_chain([SiteLines(), Cleaner(), Judge(), _Needs()], record_fields("page"))
    # after the facts stage the same stage is fine
    check_chain([SiteLines(), Cleaner(), Judge(), FactExtractor(), _Needs()], record_fields("page"))


def test_the_cleaner_needs_the_site_statistics_pass_before_it() -> None:
    with pytest.raises(ValueError, match=r"'clean' requires 'site_statistics\.furniture'"):
        check_chain([Cleaner(), Judge()], record_fields("page"))


def test_a_misspelt_field_is_refused_with_the_record_fields() -> None:
    with pytest.raises(ValueError, match=r"'document\.txt'.*Document has no field 'txt'.*text"):
        check_chain([_Misspelt], record_fields("page"))
    with pytest.raises(ValueError, match=r"RECORD\.FIELD"):
        check_field("x", "article.text")


def test_every_registered_stage_declares_real_fields() -> None:
    from recoupe.stage import registered_stages

    for name, cls in registered_stages().items():
        for declared in (*cls.requires, *cls.assigns):
            check_field(name, declared)


def test_pipeline_checks_its_chain_when_built(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Judge, "requires", ("document.mentions",))
    with pytest.raises(ValueError, match=r"stage 'judge' requires 'document\.mentions'"):
        Pipeline(PipelineConfig())


def test_per_document_stages_pickle_and_a_facts_stage_leaves_its_models_behind() -> None:
    """Stages travel to a worker; a cleaner keeps no state between pages; a facts stage that has
    parsed pages pickles without its spaCy models (the worker loads its own)."""
    for stage in (Cleaner(min_site_repeat=3), Judge(junk_below=0.3), FactExtractor(batch_size=8)):
        copy = pickle.loads(pickle.dumps(stage))
        assert type(copy) is type(stage)
    assert pickle.loads(pickle.dumps(Cleaner(min_site_repeat=3))).options.min_site_repeat == 3
    assert not hasattr(Cleaner(), "_furniture")
    facts = FactExtractor(models=SpacyModels())
    doc = facts.process(Document(id="d1", source="s", text="Marie Curie was born in Warsaw.", language="en"))
    assert doc.sentences and "en" in facts.models.loaded
    payload = pickle.dumps(facts)
    assert len(payload) < 10_000
    assert pickle.loads(payload).models.loaded == frozenset()


def test_limits_are_configured_with_the_stages() -> None:
    config = PipelineConfig(stages={"limits": {"max_chars": 5000}, "judge": {"junk_below": 0.3}})
    assert config.limits.max_chars == 5000
    assert "limits" not in config.stages
    with pytest.raises(ValueError, match=r"unknown limit\(s\) 'max_char'; limits: max_bytes, max_chars"):
        PipelineConfig(stages={"limits": {"max_char": 5000}})
    with pytest.raises(ValueError, match=r"limits\.max_chars must be an integer >= 1"):
        PipelineConfig(stages={"limits": {"max_chars": 0}})
    with pytest.raises(ValueError, match=r"unknown engine 'spark'; engines: local, ray"):
        PipelineConfig(engine="spark")  # type: ignore[arg-type]


def test_whole_corpus_passes_rerun_on_their_own(examples_dir: Path) -> None:
    from recoupe.ingest import read_inputs
    from recoupe.model import SiteStatistics

    _, pages = read_inputs([str(examples_dir)])
    pipeline = Pipeline(PipelineConfig())
    statistics = pipeline.run_pass("site_lines", pages)
    assert isinstance(statistics, SiteStatistics) and statistics.pages == len(pages)
    assert pickle.loads(pickle.dumps(statistics)) == statistics
    assert pipeline.run_pass("dedup", []) == []
    with pytest.raises(ValueError, match="unknown pass 'facts'; passes: site_lines, dedup, stories"):
        pipeline.run_pass("facts", pages)
