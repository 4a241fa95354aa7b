"""The whole pipeline on the shipped examples: what a reader of the brief relies on."""

from __future__ import annotations

from pathlib import Path

import pytest

from recoupe.ingest import read_inputs
from recoupe.model import Brief, Document, Page, SiteStatistics
from recoupe.pipeline import Pipeline, PipelineConfig, build_brief
from recoupe.render import brief_to_dict


@pytest.fixture(scope="module")
def pages(examples_dir: Path) -> tuple[list, list[Page]]:  # type: ignore[type-arg]
    return read_inputs([str(examples_dir)])


@pytest.fixture(scope="module")
def brief(pages: tuple[list, list[Page]]) -> Brief:  # type: ignore[type-arg]
    inputs, read = pages
    return build_brief(read, inputs)


def by_name(brief: Brief, prefix: str) -> Document:
    return next(d for d in brief.documents if Path(d.source).name.startswith(prefix))


def test_looping_content_farm_page_is_junk_with_its_figures(brief: Brief) -> None:
    doc = by_name(brief, "000_")
    codes = {f.code: f for f in doc.flags}
    assert doc.verdict == "junk"
    assert "repetitive" in codes and "content_farm" in codes
    assert "ratio" in codes["repetitive"].detail
    # each paragraph once: the speaker line survives, the loop does not
    assert doc.text.count("Lloyd Austin, secrétaire américain à la Défense") == 1
    assert sum(r.reason == "repetition" for r in doc.removed) > 100


def test_paywalled_page_states_the_hidden_share(brief: Brief) -> None:
    doc = by_name(brief, "003_")
    flag = next(f for f in doc.flags if f.code == "paywall_truncated")
    assert "74%" in flag.detail
    assert doc.published is not None and doc.published.startswith("2024-11-18")
    assert "abonnés" not in doc.text and "appareil" not in doc.text


def test_republished_copy_is_a_duplicate(brief: Brief) -> None:
    original, copy = by_name(brief, "004_"), by_name(brief, "005_")
    assert {original.duplicate_of, copy.duplicate_of} - {None} in ({original.id}, {copy.id})
    cluster = next(c for c in brief.duplicates if original.id in c.members)
    assert set(cluster.members) == {original.id, copy.id}
    assert cluster.evidence


def test_one_story_holds_the_decision_pages(brief: Brief) -> None:
    story_of = {Path(d.source).name[:3]: d.story for d in brief.documents}
    assert story_of["000"] == story_of["001"] == story_of["003"] == story_of["004"] == story_of["005"]
    assert story_of["000"] is not None


def test_figures_that_disagree_and_figures_that_agree(brief: Brief) -> None:
    story = next(s for s in brief.stories if len(s.documents) >= 4)
    soldiers = [d for d in story.discrepancies if {v.value for v in d.values} >= {10000, 11000}]
    assert len(soldiers) == 1
    claimed = {v.value: v.claimed_by for v in soldiers[0].values}
    assert claimed[11000] and "Ukraine" in claimed[11000]
    # "près de 300 kilomètres", "jusqu'à 300 km", "près de 300 km" never become a discrepancy
    assert not any(300 in {v.value for v in d.values} for d in story.discrepancies)
    single = [f for f in story.facts if f.support == 1]
    assert single, "single-source facts are listed as such"


def test_offsets_point_into_the_texts(brief: Brief, pages: tuple[list, list[Page]]) -> None:  # type: ignore[type-arg]
    texts = {d.id: d.text for d in brief.documents}
    for story in brief.stories:
        for fact in story.facts:
            for m in fact.mentions:
                assert texts[m.document][m.start : m.end] == m.text
        for quote in story.quotes:
            if quote.start is not None and quote.end is not None:
                assert texts[quote.document][quote.start : quote.end] == quote.text
        for sentence in story.summary:
            assert sentence.sources
            assert any(sentence.text in texts[s] for s in sentence.sources)
    inputs = {p.source: p.text for p in pages[1]}
    for doc in brief.documents:
        for r in doc.removed:
            if r.start is not None and r.end is not None:
                assert inputs[doc.source][r.start : r.end] == r.text


def test_timeline_holds_the_resolved_sunday(brief: Brief) -> None:
    story = next(s for s in brief.stories if len(s.documents) >= 4)
    dates = [e.date for e in story.timeline]
    assert "2024-11-17" in dates
    assert dates == sorted(dates)


def test_result_does_not_depend_on_input_order(pages: tuple[list, list[Page]], brief: Brief) -> None:  # type: ignore[type-arg]
    inputs, read = pages
    again = build_brief(list(reversed(read)), inputs)
    first, second = brief_to_dict(brief), brief_to_dict(again)
    first.pop("generated_at")
    second.pop("generated_at")
    assert first == second


def test_unknown_stage_in_configuration_fails_at_once() -> None:
    with pytest.raises(ValueError, match="allowed: clean, judge"):
        PipelineConfig(stages={"cleen": {}})
    with pytest.raises(ValueError, match="junk_below"):
        Pipeline(PipelineConfig(stages={"judge": {"junk_below": 3}}))


def test_a_page_a_stage_fails_on_becomes_an_error_input(
    pages: tuple[list, list[Page]],  # type: ignore[type-arg]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from recoupe.clean import Cleaner

    inputs, read = pages
    process = Cleaner.process

    def failing(self: Cleaner, page: Page, statistics: SiteStatistics) -> Document:
        if page.source.endswith("001_25c71a11cc7808fb.txt"):
            raise RuntimeError("boom")
        return process(self, page, statistics)

    monkeypatch.setattr(Cleaner, "process", failing)
    brief = build_brief(read, inputs)
    entry = next(e for e in brief.inputs if e.source.endswith("001_25c71a11cc7808fb.txt"))
    assert (entry.status, entry.document) == ("error", None)
    assert entry.reason == "could not be cleaned: RuntimeError: boom"
    assert len(brief.documents) == len(read) - 1
    with pytest.raises(RuntimeError, match="boom"):
        build_brief(read, inputs, config=PipelineConfig(strict=True))
