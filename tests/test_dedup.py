"""Duplicates and shared passages on real text.

Fixtures (tests/fixtures/dedup/) are short excerpts of real articles, sources noted in each file:
an AFP-based article on Lance Armstrong and the French anti-doping agency (RPM2 T08_C1_01), a
second article on the same event (T08_C1_02), and two outlets' articles on Ingrid Betancourt's
visit to the pope that carry the same agency paragraphs (T01_C2_06, T01_C2_09).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from datasketch import MinHash
from hypothesis import given, settings
from hypothesis import strategies as st

from recoupe.dedup import (
    MIN_CONTAINED_SHINGLES,
    Dedup,
    Sketcher,
    WordHasher,
    apply_duplicates,
    cluster_id,
    containment,
    find_duplicates,
    find_shared_passages,
    jaccard,
    shingle_hashes,
    shingle_set,
    sketches_may_match,
    verify_pair,
)
from recoupe.model import Document, DuplicateCluster, Removal, document_id
from recoupe.stage import make_stage

WORD = re.compile(r"\w+")


@pytest.fixture(scope="module")
def armstrong(fixtures_dir: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((fixtures_dir / "dedup" / "armstrong_afld.json").read_text("utf-8"))
    return data


@pytest.fixture(scope="module")
def betancourt(fixtures_dir: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((fixtures_dir / "dedup" / "betancourt_pape.json").read_text("utf-8"))
    return data


def doc(source: str, text: str, *, quality: float = 0.8, site: str | None = None) -> Document:
    return Document(id=document_id(source), source=source, text=text, quality=quality, site=site)


def republished(text: str) -> str:
    """The article as an aggregator republishes it: its own headline, breadcrumb, byline, share
    buttons, a related-links box and a footer; the body retyped with straight apostrophes and
    English quotes."""
    body = text.split("\n", 1)[1].replace("'", "’").replace('"', "“", 1)
    return "\n\n".join(
        [
            "Accueil > Sports > Cyclisme",
            "Dopage : l'AFLD propose à Armstrong de réanalyser ses urines de 1999",
            "Par la rédaction avec AFP | Publié le 28/08/2008 à 18h05",
            "Partager sur Facebook | Partager sur X | Envoyer par e-mail",
            body,
            "À lire aussi : Tour de France, le retour du Texan divise le peloton",
            "© 2008 Sport Infos - Tous droits réservés",
        ]
    )


def paywalled(text: str) -> str:
    """The first part of the article, cut where a paywall starts, with its notice."""
    paragraphs = text.split("\n")
    return "\n".join(
        [*paragraphs[:5], "Il vous reste 55 % de cet article à lire. La suite est réservée aux abonnés."]
    )


# --------------------------------------------------------------------------------------------
# exact and near duplicates
# --------------------------------------------------------------------------------------------


def test_identical_bytes_make_the_later_input_duplicate_of_the_earlier(armstrong: dict[str, Any]) -> None:
    text = armstrong["original"]["text"]
    docs = [
        doc("a/afp.txt", text),
        doc("b/other.txt", armstrong["same_event_other_article"]["text"]),
        doc("c/copy.txt", text),
    ]
    clusters = find_duplicates(docs)
    assert len(clusters) == 1
    cluster = clusters[0]
    assert cluster.representative == docs[0].id
    assert cluster.members == [docs[0].id, docs[2].id]
    assert cluster.similarity == 1.0
    assert cluster.evidence is not None and "same clean text (sha1 " in cluster.evidence
    apply_duplicates(docs, clusters)
    assert (docs[2].duplicate_of, docs[2].verdict) == (docs[0].id, "duplicate")
    assert (docs[0].duplicate_of, docs[0].verdict) == (None, "ok")
    assert (docs[1].duplicate_of, docs[1].verdict) == (None, "ok")


def test_republished_copy_with_own_furniture_and_headline_is_a_near_duplicate(
    armstrong: dict[str, Any],
) -> None:
    original = armstrong["original"]["text"]
    copy = republished(original)
    docs = [doc("site-a", original), doc("site-b", copy, quality=0.6)]
    [cluster] = find_duplicates(docs)
    assert cluster.members == [docs[0].id, docs[1].id]
    assert cluster.representative == docs[0].id
    assert cluster.similarity is not None and 0.8 <= cluster.similarity < 1.0
    assert cluster.evidence is not None and "MinHash-LSH candidate" in cluster.evidence


def test_paywall_truncated_copy_is_a_shorter_copy_by_containment(armstrong: dict[str, Any]) -> None:
    original = armstrong["original"]["text"]
    teaser = paywalled(original)
    a, b = shingle_set(original), shingle_set(teaser)
    assert jaccard(a, b) < 0.8 <= containment(a, b)  # Jaccard alone would miss it
    docs = [doc("teaser", teaser, quality=0.4), doc("full", original, quality=0.8)]
    [cluster] = find_duplicates(docs)
    # the full article is the better page: it represents the cluster though it came later
    assert cluster.representative == docs[1].id
    assert cluster.evidence is not None and "shorter copy" in cluster.evidence
    assert cluster.similarity is not None and cluster.similarity >= 0.9


def test_a_short_template_is_not_contained_in_every_page_that_carries_it(armstrong: dict[str, Any]) -> None:
    # a page whose extraction kept only the site's furniture shares nearly all of it with a full page
    furniture = republished("headline\n")
    full = republished(armstrong["original"]["text"])
    assert len(shingle_set(furniture)) < MIN_CONTAINED_SHINGLES
    assert containment(shingle_set(furniture), shingle_set(full)) >= 0.9
    assert find_duplicates([doc("empty", furniture), doc("full", full)]) == []


def test_containment_can_be_disabled(armstrong: dict[str, Any]) -> None:
    original = armstrong["original"]["text"]
    docs = [doc("full", original), doc("teaser", paywalled(original))]
    assert find_duplicates(docs, min_containment=1.01) == []


def test_two_articles_on_one_event_are_not_merged(armstrong: dict[str, Any]) -> None:
    docs = [doc("a", armstrong["original"]["text"]), doc("b", armstrong["same_event_other_article"]["text"])]
    assert find_duplicates(docs) == []


def test_sketches_let_through_every_pair_the_exact_test_accepts_and_stop_others(
    armstrong: dict[str, Any], betancourt: dict[str, Any]
) -> None:
    # the store reads and shingles a stored page's text only for the pairs whose sketches may match
    original = armstrong["original"]["text"]
    texts = {
        "original": original,
        "republished": republished(original),  # a near copy (Jaccard)
        "teaser": paywalled(original),  # a shorter copy (containment)
        "other article": armstrong["same_event_other_article"]["text"],
        **{
            f"betancourt {k}": v["text"] for k, v in betancourt.items() if isinstance(v, dict) and "text" in v
        },
    }
    sketcher = Sketcher(128)
    sets = {name: shingle_set(text) for name, text in texts.items()}
    sketches = {name: np.asarray(sketcher(s).hashvalues) for name, s in sets.items()}
    options = {"threshold": 0.8, "min_containment": 0.9}
    allowed = set()
    for a in texts:
        for b in texts:
            if a >= b:
                continue
            may = sketches_may_match(sketches[a], len(sets[a]), sketches[b], len(sets[b]), **options)
            if verify_pair(sets[a], sets[b], **options) is not None:
                assert may, (a, b)
            if may:
                allowed.add((a, b))
    assert ("original", "republished") in allowed and ("original", "teaser") in allowed
    assert ("other article", "original") not in allowed  # one event, two articles: no text read
    assert len(allowed) < len(texts) * (len(texts) - 1) / 2


def test_representative_is_the_best_quality_then_the_earliest(armstrong: dict[str, Any]) -> None:
    original = armstrong["original"]["text"]
    copy = republished(original)
    docs = [doc("early-poor", copy, quality=0.3), doc("late-good", original, quality=0.9)]
    assert find_duplicates(docs)[0].representative == docs[1].id
    # a near tie in quality: the earlier one wins, with similarities measured against it
    docs = [doc("early", copy, quality=0.75), doc("late", original, quality=0.8)]
    [cluster] = find_duplicates(docs)
    assert cluster.representative == docs[0].id
    assert cluster.similarity == pytest.approx(jaccard(shingle_set(copy), shingle_set(original)), abs=1e-4)


def test_a_page_that_says_it_republishes_is_not_the_representative(armstrong: dict[str, Any]) -> None:
    original = armstrong["original"]["text"]
    note = Removal(
        "Cet article est une reprise d'un article paru sur un site partenaire.",
        "boilerplate",
        rule="republication_note",
    )
    for copy_text in (republished(original), original):  # near copy, then same clean text
        docs = [doc("early-copy", copy_text, quality=0.8), doc("late-original", original, quality=0.8)]
        docs[0].removed = [note]
        [cluster] = find_duplicates(docs)
        assert cluster.representative == docs[1].id
        apply_duplicates(docs, [cluster])
        assert docs[0].duplicate_of == docs[1].id


def test_a_junk_copy_becomes_duplicate_and_keeps_its_flags(armstrong: dict[str, Any]) -> None:
    from recoupe.model import Flag

    original = armstrong["original"]["text"]
    junk = doc("teaser", paywalled(original), quality=0.2)
    junk.verdict = "junk"
    junk.flags.append(Flag(code="paywall_truncated", detail="55% hidden"))
    docs = [doc("full", original), junk]
    Dedup().run(docs)
    assert (junk.verdict, junk.duplicate_of) == ("duplicate", docs[0].id)
    assert [f.code for f in junk.flags] == ["paywall_truncated"]


def test_documents_without_words_are_left_alone() -> None:
    docs = [doc("a", ""), doc("b", "  \n…\n"), doc("c", "")]
    assert find_duplicates(docs) == []


def test_cluster_id_depends_on_members_only() -> None:
    assert cluster_id(["d2", "d1"]) == cluster_id(["d1", "d2"]) != cluster_id(["d1", "d3"])


def test_stage_applies_clusters_and_rejects_bad_options(armstrong: dict[str, Any]) -> None:
    stage = make_stage("dedup", threshold=0.9)
    assert isinstance(stage, Dedup)
    text = armstrong["original"]["text"]
    docs = [doc("a", text), doc("b", text)]
    clusters = stage.run(docs)
    assert len(clusters) == 1 and docs[1].duplicate_of == docs[0].id
    for bad, allowed in (
        ({"threshold": 0.0}, "in (0, 1]"),
        ({"threshold": 1.5}, "in (0, 1]"),
        ({"num_perm": 8}, "from 16 to 1024"),
        ({"shingle": 0}, "from 1 to 50"),
        ({"min_containment": 0}, "above 1 to disable"),
        ({"passage_min_words": 2}, "at least 3"),
        ({"passage_max_gap": -1}, "0 or more"),
    ):
        with pytest.raises(ValueError, match=re.escape(allowed)):
            make_stage("dedup", **bad)


# --------------------------------------------------------------------------------------------
# sketches, determinism, idempotence
# --------------------------------------------------------------------------------------------


def test_vectorised_sketch_equals_datasketch_minhash(betancourt: dict[str, Any]) -> None:
    shingles = shingle_set(betancourt["b"]["text"])
    long_page = np.unique(np.concatenate([shingles * np.uint64(k + 1) for k in range(40)]))  # > one chunk
    for values in (shingles, long_page, shingles[:0]):
        ours = Sketcher(64)(values)
        reference = MinHash(num_perm=64, seed=1, hashfunc=int)
        reference.update_batch(Sketcher.fold32(values).tolist())
        assert np.array_equal(ours.hashvalues, reference.hashvalues)


def test_shingles_ignore_case_accents_quotes_and_punctuation() -> None:
    hasher = WordHasher()
    plain = "L'AFLD a proposé mercredi à Lance Armstrong d'analyser ses échantillons"
    retyped = "l’afld  a PROPOSE mercredi, à « Lance Armstrong » d’analyser ses echantillons."
    first = shingle_hashes(hasher(WORD.findall(plain)), 5)
    second = shingle_hashes(hasher(WORD.findall(retyped)), 5)
    assert np.array_equal(first, second)


_SCRIPT = """
import json, sys
from recoupe.dedup import find_duplicates
from recoupe.model import Document
texts = json.loads(sys.stdin.read())
docs = [Document(id=f"d{i}", source=str(i), text=t) for i, t in enumerate(texts)]
print(json.dumps([[c.id, c.representative, c.members, c.similarity, c.evidence] for c in find_duplicates(docs)]))
"""


def test_results_do_not_depend_on_the_process(armstrong: dict[str, Any]) -> None:
    original = armstrong["original"]["text"]
    texts = json.dumps([original, republished(original), paywalled(original), original, "autre chose"])
    outputs = {
        subprocess.run(
            [sys.executable, "-c", _SCRIPT],
            input=texts,
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1
    [clusters] = [json.loads(o) for o in outputs]
    assert len(clusters) == 1 and len(clusters[0][2]) == 4


def _state(docs: list[Document]) -> list[tuple[str | None, str]]:
    return [(d.duplicate_of, d.verdict) for d in docs]


def _as_tuples(clusters: list[DuplicateCluster]) -> list[tuple[object, ...]]:
    return [(c.id, c.representative, c.members, c.similarity, c.evidence) for c in clusters]


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_dedup_is_idempotent_and_deterministic(data: st.DataObject, armstrong: dict[str, Any]) -> None:
    original = armstrong["original"]["text"]
    other = armstrong["same_event_other_article"]["text"]
    variants = [original, republished(original), paywalled(original), other, other + "\nMise à jour."]
    picks = data.draw(st.lists(st.sampled_from(range(len(variants))), min_size=1, max_size=7))
    qualities = data.draw(
        st.lists(st.sampled_from([0.2, 0.5, 0.8]), min_size=len(picks), max_size=len(picks))
    )
    docs = [
        doc(f"in/{i}", variants[p], quality=q) for i, (p, q) in enumerate(zip(picks, qualities, strict=True))
    ]
    again = [
        doc(f"in/{i}", variants[p], quality=q) for i, (p, q) in enumerate(zip(picks, qualities, strict=True))
    ]
    first = Dedup().run(docs)
    state = _state(docs)
    second = Dedup().run(docs)
    assert _as_tuples(first) == _as_tuples(second)
    assert _state(docs) == state
    assert _as_tuples(Dedup().run(again)) == _as_tuples(first)
    for cluster in first:
        assert cluster.representative in cluster.members
        assert cluster.similarity is not None and 0.0 < cluster.similarity <= 1.0
        copies = [d for d in docs if d.id in cluster.members and d.id != cluster.representative]
        assert copies and all(
            (d.duplicate_of, d.verdict) == (cluster.representative, "duplicate") for d in copies
        )
    # identical texts always end in one cluster, the earliest of them first among them
    by_text: dict[str, list[str]] = {}
    for d in docs:
        by_text.setdefault(d.text, []).append(d.id)
    for ids in by_text.values():
        if len(ids) > 1:
            [cluster] = [c for c in first if ids[0] in c.members]
            assert set(ids) <= set(cluster.members)


# --------------------------------------------------------------------------------------------
# shared passages
# --------------------------------------------------------------------------------------------


def _folded_words(text: str) -> list[str]:
    from recoupe.textutil import fold

    return [fold(w) for w in WORD.findall(text)]


def test_agency_paragraphs_shared_by_two_outlets_are_found(betancourt: dict[str, Any]) -> None:
    a = doc("outlet-a", betancourt["a"]["text"], site="a.example")
    b = doc("outlet-b", betancourt["b"]["text"], site="b.example")
    passages = find_shared_passages([a, b])
    assert len(passages) >= 2
    texts = " ".join(p.text for p in passages)
    assert "Quelques heures après sa libération des mains des Farc" in texts
    assert "a des questions à poser au pape" in texts
    for passage in passages:
        assert passage.documents == [a.id, b.id]
        slices = [d.text[slice(*passage.spans[d.id])] for d in (a, b)]
        assert passage.text == slices[0]
        assert _folded_words(slices[0]) == _folded_words(slices[1])
        assert len(_folded_words(passage.text)) >= 12


def test_retyped_passage_still_matches(betancourt: dict[str, Any]) -> None:
    a = doc("outlet-a", betancourt["a"]["text"])
    retyped = betancourt["b"]["text"].replace("'", "’").replace('"', "« ", 1).upper()
    b = doc("outlet-b", retyped)
    passages = find_shared_passages([a, b])
    assert any("souverain pontife" in p.text for p in passages)
    for passage in passages:
        start, end = passage.spans[b.id]
        assert _folded_words(b.text[start:end]) == _folded_words(passage.text)


def test_one_substituted_word_does_not_split_a_passage(betancourt: dict[str, Any]) -> None:
    a = doc("outlet-a", betancourt["a"]["text"])
    b = doc("outlet-b", betancourt["a"]["text"].replace("jungle colombienne", "forêt colombienne"))
    passages = find_shared_passages([a, b])
    assert len(passages) == 1
    assert "forêt" in b.text[slice(*passages[0].spans[b.id])]


def test_passages_are_not_reported_within_a_duplicate_cluster_or_a_site(betancourt: dict[str, Any]) -> None:
    a = doc("outlet-a", betancourt["a"]["text"], site="same.example")
    b = doc("outlet-b", betancourt["b"]["text"], site="same.example")
    assert find_shared_passages([a, b]) == []
    a.site = b.site = None
    b.duplicate_of = a.id
    assert find_shared_passages([a, b]) == []


def test_a_third_copy_joins_the_passage_it_shares(betancourt: dict[str, Any]) -> None:
    a = doc("a", betancourt["a"]["text"])
    b = doc("b", betancourt["b"]["text"])
    c = doc("c", "Dépêche reprise.\n" + betancourt["a"]["text"].split("\n")[2])
    passages = find_shared_passages([a, b, c])
    [pontife] = [p for p in passages if "souverain pontife" in p.text]
    assert pontife.documents == [a.id, b.id, c.id]


def test_a_wire_paragraph_taken_by_many_outlets_is_one_passage_of_all_of_them(
    betancourt: dict[str, Any],
) -> None:
    """Past 64 copies the occurrences are paired as a star, not dropped: every outlet stays in
    the passage, so its support is counted once (issue 6: wire copies were lost)."""
    wire = betancourt["a"]["text"].split("\n")[2]
    outlets = [
        doc(
            f"outlet-{n}",
            f"Page {n}.\n{wire}\n{n} fin.",
            site=f"site{n}.example",
        )
        for n in range(150)
    ]
    same_site = doc("outlet-again", f"Autre page.\n{wire}", site="site3.example")
    passages = find_shared_passages([*outlets, same_site])
    [passage] = [p for p in passages if "souverain pontife" in p.text]
    assert passage.documents == [d.id for d in [*outlets, same_site]]
    for d in outlets:
        assert _folded_words(d.text[slice(*passage.spans[d.id])]) == _folded_words(wire)


# two vocabularies with no word in common with each other or the passage: the run cannot grow
_FILLER_A = "zorglub quark nimbus pavot tilleul".split()
_FILLER_B = "gravier ocelot brume cactus javelot".split()


@settings(max_examples=60, deadline=None)
@given(
    a_before=st.lists(st.sampled_from(_FILLER_A), max_size=30),
    a_after=st.lists(st.sampled_from(_FILLER_A), max_size=30),
    b_before=st.lists(st.sampled_from(_FILLER_B), max_size=30),
    b_after=st.lists(st.sampled_from(_FILLER_B), max_size=30),
    separator=st.sampled_from([" ", "\n", ". ", " — ", "\n\n"]),
    upper=st.booleans(),
)
def test_passage_offsets_slice_each_text_exactly(
    betancourt: dict[str, Any],
    a_before: list[str],
    a_after: list[str],
    b_before: list[str],
    b_after: list[str],
    separator: str,
    upper: bool,
) -> None:
    shared = betancourt["a"]["text"].split("\n")[2]
    a = doc("a", separator.join([*a_before, shared, *a_after]))
    b = doc("b", separator.join([*b_before, shared.upper() if upper else shared, *b_after]))
    [passage] = find_shared_passages([a, b])
    assert _folded_words(passage.text) == _folded_words(shared)
    for d in (a, b):
        start, end = passage.spans[d.id]
        assert _folded_words(d.text[start:end]) == _folded_words(shared)
        assert d.text[start:end].strip() == d.text[start:end]


# --------------------------------------------------------------------------------------------
# real data sets and seeds
# --------------------------------------------------------------------------------------------


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def test_no_two_rpm2_articles_are_duplicates(shared_data: Path) -> None:
    # 200 articles from many outlets, 20 per event: same story, never the same article
    rows = _jsonl(shared_data / "rpm2_french_mds" / "documents.jsonl")
    docs = [Document(id=r["doc_id"], source=r["doc_id"], text=r["text"]) for r in rows]
    assert find_duplicates(docs) == []


def test_ecbplus_wire_copies_stay_within_their_event(shared_data: Path) -> None:
    rows = _jsonl(shared_data / "ecbplus" / "documents.jsonl")
    event = {r["doc_id"]: r["subtopic"] for r in rows}
    docs = [Document(id=r["doc_id"], source=r["doc_id"], text=r["text"]) for r in rows]
    clusters = find_duplicates(docs)
    assert clusters, "ECB+ holds agency stories republished by several sites"
    for cluster in clusters:
        assert len({event[m] for m in cluster.members}) == 1, cluster
    # a page that carries only the first half of an AP story (checked by hand)
    assert any(set(c.members) == {"22_12ecbplus", "22_14ecbplus"} for c in clusters)


def test_example_republication_is_a_near_duplicate_of_its_source(examples_dir: Path) -> None:
    paths = sorted(examples_dir.glob("*.txt"))
    docs = [doc(p.name, p.read_text("utf-8")) for p in paths]
    clusters = find_duplicates(docs)
    by_name = {p.name: d.id for p, d in zip(paths, docs, strict=True)}
    republication = [n for n in by_name if "republication" in n]
    for name in republication:
        [cluster] = [c for c in clusters if by_name[name] in c.members]
        assert cluster.representative != by_name[name]
        assert len(cluster.members) == 2
