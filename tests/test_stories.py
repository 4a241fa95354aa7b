"""Story clustering on real text: fixture excerpts, the seed examples, and gates on two data sets.

tests/fixtures/stories/excerpts.json holds the opening lines of real articles (sources in the
file): two ECB+ events of the same kind (a courthouse killer sentenced in Atlanta, 2008; an inmate
escaping a prison van in Texas, 2009: hard negatives) and three French articles (RPM2) on Lance
Armstrong's return to the Tour de France, one of them a month later.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recoupe.dedup import apply_duplicates, find_duplicates
from recoupe.model import Document, Mention, document_id
from recoupe.stage import make_stage
from recoupe.stories import (
    Stories,
    average_link,
    capitalised_names,
    cluster_stories,
    published_date,
    similarity_matrix,
    story_features,
    story_id,
)


@pytest.fixture(scope="module")
def excerpts(fixtures_dir: Path) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = json.loads((fixtures_dir / "stories" / "excerpts.json").read_text("utf-8"))
    return items


def as_docs(items: Sequence[Mapping[str, Any]]) -> list[Document]:
    return [Document(id=i["id"], source=i["id"], text=i["text"], language=i["language"]) for i in items]


def gold_groups(items: Sequence[Mapping[str, Any]]) -> list[list[str]]:
    groups: dict[str, list[str]] = {}
    for item in items:
        groups.setdefault(item["event"], []).append(item["id"])
    return list(groups.values())


def test_two_events_of_one_kind_and_a_french_story_come_apart(excerpts: list[dict[str, Any]]) -> None:
    assert cluster_stories(as_docs(excerpts)) == gold_groups(excerpts)


def test_every_document_is_in_exactly_one_story_in_document_order(excerpts: list[dict[str, Any]]) -> None:
    docs = as_docs(excerpts[::-1])
    stories = cluster_stories(docs)
    flat = [i for story in stories for i in story]
    assert sorted(flat) == sorted(d.id for d in docs)
    position = {d.id: n for n, d in enumerate(docs)}
    for story in stories:
        assert [position[i] for i in story] == sorted(position[i] for i in story)
    assert [position[s[0]] for s in stories] == sorted(position[s[0]] for s in stories)


def test_duplicates_join_the_story_of_their_representative(excerpts: list[dict[str, Any]]) -> None:
    docs = as_docs(excerpts)
    # a copy of a French article reaches the set with an unrelated English page's junk around it
    copy = Document(id="copy", source="copy", text=excerpts[6]["text"] + "\nPartager cet article")
    copy.duplicate_of = docs[6].id
    stories = cluster_stories([*docs, copy])
    [story] = [s for s in stories if docs[6].id in s]
    assert "copy" in story


def test_junk_documents_still_get_their_story(excerpts: list[dict[str, Any]]) -> None:
    docs = as_docs(excerpts)
    for d in docs[::2]:
        d.verdict = "junk"
        d.quality = 0.1
    assert cluster_stories(docs) == gold_groups(excerpts)


def test_entity_mentions_replace_the_capitalised_word_proxy() -> None:
    # RPM2 T01_C1_01, first sentence: names come from the facts stage when it ran
    text = "L'un des deux guérilleros des Farc capturés le 2 juillet a nié hier avoir trahi ses compagnons."
    doc = Document(id="d", source="d", text=text)
    assert set(story_features(doc).names) == {"farc"}
    doc.mentions = [
        Mention(
            kind="organization",
            text="Farc",
            start=33,
            end=37,
            value="Forces armées révolutionnaires de Colombie",
        ),
        Mention(kind="date", text="2 juillet", start=48, end=57, value="2008-07-02"),
    ]
    assert set(story_features(doc).names) == {"forces armees revolutionnaires de colombie"}


def test_capitalised_names_skip_grammar_calendar_and_title_case() -> None:
    # ECB+ 3_5ecb and 3_1ecbplus (headline), RPM2 T08_C1_04 (elided name)
    text = (
        "Arcade Joseph Comeaux Jr, Prison Inmate, Pulls Gun On And Handcuffs Guards, Runs Away\n"
        "A judge in Fulton County sentenced Brian Nichols Saturday for his 2005 rampage.\n"
        "Eddy Merckx «certain» qu'Armstrong ne fera pas le Tour. Selon l'ancien champion, non."
    )
    assert set(capitalised_names(text)) == {
        "fulton",
        "county",
        "brian",
        "nichols",
        "merckx",
        "armstrong",
        "tour",
    }


def test_time_apart_tempers_similarity_but_never_below_its_floor(excerpts: list[dict[str, Any]]) -> None:
    features = [story_features(d) for d in as_docs(excerpts[6:9])]
    same_day = similarity_matrix(features, dates=[dt.date(2008, 9, 24)] * 3, time_weight=0.5)
    undated = similarity_matrix(features, dates=[None] * 3, time_weight=0.5)
    apart = similarity_matrix(
        features, dates=[dt.date(2008, 9, 24), dt.date(2008, 10, 24), dt.date(2011, 1, 1)], time_weight=0.5
    )
    assert np.allclose(same_day, undated)
    assert undated[0, 1] > apart[0, 1] > undated[0, 1] * 0.5
    assert apart[0, 2] == pytest.approx(undated[0, 2] * 0.5, rel=0.01)


def test_published_dates_are_read_from_iso_prefixes() -> None:
    def on(published: str | None) -> dt.date | None:
        return published_date(Document(id="d", source="d", text="", published=published))

    assert on("2024-11-18T01:58:00+01:00") == dt.date(2024, 11, 18)
    assert on("2024-11") == dt.date(2024, 11, 1)
    assert on(None) is None and on("18 novembre 2024") is None and on("2024-13-01") is None


def test_story_id_is_stable_and_order_free() -> None:
    assert story_id(["d2", "d1"]) == story_id(["d1", "d2"]) == Stories.story_id(["d1", "d2"])
    assert story_id(["d1"]) != story_id(["d1", "d2"])


def test_stage_options_are_checked() -> None:
    assert isinstance(make_stage("stories", threshold=0.2), Stories)
    for bad, allowed in (
        ({"threshold": 0.0}, "between 0 and 1"),
        ({"name_weight": -1.0}, "0 or more"),
        ({"time_weight": 2.0}, "from 0 (ignore dates) to 1"),
        ({"time_scale_days": 0.0}, "positive number of days"),
    ):
        with pytest.raises(ValueError, match=re.escape(allowed)):
            make_stage("stories", **bad)


def _naive_average_link(similarity: np.ndarray, threshold: float) -> list[list[int]]:
    groups = [[i] for i in range(len(similarity))]
    while len(groups) > 1:
        best, pair = -np.inf, (0, 0)
        for a in range(len(groups)):
            for b in range(a + 1, len(groups)):
                value = similarity[np.ix_(groups[a], groups[b])].mean()
                if value > best:
                    best, pair = value, (a, b)
        if best < threshold:
            break
        a, b = pair
        groups[a] = sorted(groups[a] + groups[b])
        del groups[b]
    return sorted(groups, key=lambda g: g[0])


@settings(max_examples=60, deadline=None)
@given(
    values=st.lists(st.integers(0, 1000), min_size=1, max_size=45),
    threshold=st.sampled_from([0.1, 0.3, 0.5]),
)
def test_average_link_matches_the_textbook_algorithm(values: list[int], threshold: float) -> None:
    n = int((1 + np.sqrt(1 + 8 * len(values))) / 2)
    upper = np.zeros((n, n))
    upper[np.triu_indices(n, 1)] = (
        np.array(values[: n * (n - 1) // 2]) + np.arange(n * (n - 1) // 2) * 1e-6
    ) / 1000
    similarity = (upper + upper.T).astype(np.float32)
    np.fill_diagonal(similarity, 1.0)
    assert average_link(similarity, threshold) == _naive_average_link(
        similarity.astype(np.float64), threshold
    )


# --------------------------------------------------------------------------------------------
# seeds
# --------------------------------------------------------------------------------------------


def test_seed_pages_on_the_november_decision_form_one_story(examples_dir: Path) -> None:
    paths = sorted(examples_dir.glob("*.txt"))
    docs = [Document(id=document_id(p.name), source=p.name, text=p.read_text("utf-8")) for p in paths]
    apply_duplicates(docs, find_duplicates(docs))
    stories = cluster_stories(docs)
    by_prefix = {p.name[:3]: d.id for p, d in zip(paths, docs, strict=True)}
    [story] = [s for s in stories if by_prefix["000"] in s]
    assert {by_prefix[k] for k in ("000", "001", "003", "004")} <= set(story)
    # the republished copy of 004 follows its representative
    for path, d in zip(paths, docs, strict=True):
        if d.duplicate_of is not None:
            assert d.id in story, path.name


# --------------------------------------------------------------------------------------------
# gates on real data sets (text only: no entity mentions, the capitalised-word proxy stands in)
# --------------------------------------------------------------------------------------------


def bcubed_f1(predicted: Sequence[Sequence[str]], gold: Mapping[str, str]) -> float:
    """B-cubed F1 (Bagga & Baldwin 1998): per item precision and recall of its cluster."""
    members: dict[str, set[str]] = defaultdict(set)
    for item, label in gold.items():
        members[label].add(item)
    precision = recall = 0.0
    for cluster in predicted:
        found = set(cluster)
        for item in cluster:
            correct = len(found & members[gold[item]])
            precision += correct / len(found)
            recall += correct / len(members[gold[item]])
    precision, recall = precision / len(gold), recall / len(gold)
    return 2 * precision * recall / (precision + recall)


def test_bcubed_scores_known_partitions() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    assert bcubed_f1([["a", "b"], ["c"]], gold) == 1.0
    assert bcubed_f1([["a", "b", "c"]], gold) == pytest.approx(2 * (5 / 9) / (5 / 9 + 1))


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


_URL_LINE = re.compile(r"^\s*(https?\s*:|www\s*\.)")


def test_gate_rpm2_french_topics(shared_data: Path) -> None:
    # 10 events x 2 time slices a month apart: a story follows its event, so gold is the topic
    # (measured 0.921 B-cubed F1; 0.68 against topic + slice)
    rows = _jsonl(shared_data / "rpm2_french_mds" / "documents.jsonl")
    docs = [Document(id=r["doc_id"], source=r["doc_id"], text=r["text"], language="fr") for r in rows]
    score = bcubed_f1(cluster_stories(docs), {r["doc_id"]: r["topic"] for r in rows})
    assert score >= 0.90


def test_gate_ecbplus_events_with_hard_negatives(shared_data: Path) -> None:
    # 22 topics, each two events of one kind; gold is the event. The pages' URL lines are left
    # out: in recoupe the URL is metadata, not text. (measured 0.864 B-cubed F1)
    rows = _jsonl(shared_data / "ecbplus" / "documents.jsonl")
    docs = [
        Document(
            id=r["doc_id"],
            source=r["doc_id"],
            text="\n".join(line for line in r["text"].split("\n") if not _URL_LINE.match(line)),
            language="en",
        )
        for r in rows
    ]
    score = bcubed_f1(cluster_stories(docs), {r["doc_id"]: r["subtopic"] for r in rows})
    assert score >= 0.84
