"""Judge: language offline, flags with their figures, quality and verdict."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from recoupe.clean import clean_page
from recoupe.judge import Judge, LanguageDetector
from recoupe.model import CleanStats, Document, Page, Removal

# RPM2 French corpus, T01_C1_01 (Libération d'Ingrid Betancourt), first paragraphs
FRENCH = (
    "L'homme chargé de la surveillance de l'ex-otage assure qu'il n'a pas trahi les Forces Armées "
    "Révolutionnaires de Colombie (Farc) contrairement aux accusations de la guerilla.\n\n"
    "L'un des deux guérilleros des Farc capturés le 2 juillet lors de l'opération militaire de libération "
    "d'Ingrid Betancourt et de 14 autres otages a nié hier avoir trahi ses anciens compagnons.\n\n"
    "Dans sa déclaration transmise à la justice, le guérillero assure qu'à aucun moment il n'a trahi les "
    "Farc, et que tout le monde sait que la libération des 15 otages est le fruit d'une opération de "
    "renseignement militaire poussée, surtout dans l'interception des communications téléphoniques."
)
# ECB+ English corpus, 1_10ecb (Tara Reid), first sentences
ENGLISH = (
    "Perennial party girl Tara Reid checked herself into Promises Treatment Center, her rep told People. "
    "We appreciate your respect to her and her family's privacy at this time, the 33-year-old actress's rep "
    "Jack Ketsoyan told the magazine exclusively for their Web site."
)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    yield


def make_doc(text: str, **stats: object) -> Document:
    return Document(
        id="d1", source="page.txt", text=text, published="2024-11-18", clean_stats=CleanStats(**stats)
    )  # type: ignore[arg-type]


def test_language_detection_uses_bundled_lite_model_offline(no_network: None) -> None:
    detector = LanguageDetector()
    assert detector.detect(FRENCH).code == "fr"
    assert detector.detect(ENGLISH).code == "en"
    assert detector.detect("ok").code == "und"


def test_judge_keeps_a_plain_article_ok() -> None:
    doc = Judge(min_words=50).process(make_doc(FRENCH, paragraphs_in=3, paragraphs_unique=3))
    assert doc.language == "fr"
    assert doc.verdict == "ok"
    assert doc.flags == []
    assert doc.quality == 1.0


def test_repetitive_flag_gives_counts_and_ratio() -> None:
    doc = Judge(min_words=50).process(
        make_doc(FRENCH, paragraphs_in=42, paragraphs_repeated=39, paragraphs_unique=3)
    )
    flag = next(f for f in doc.flags if f.code == "repetitive")
    assert "39 of 42 paragraphs" in flag.detail and "ratio 0.93" in flag.detail
    assert doc.quality < 0.35
    assert doc.verdict == "junk"


def test_content_farm_needs_two_pieces_of_farm_evidence() -> None:
    # the content-farm template's pieces, by the cleaner's rule names: a first-person persona and a
    # call for sponsors (the shape of a farm's author box)
    persona = Removal("Passionné et dévoué, j'explore sans cesse…", "bio", 0, 10, "first_person_bio")
    request = Removal(
        "Pour explorer les options de sponsoring, contactez-nous.", "sponsor", 10, 20, "sponsor_request"
    )
    one = make_doc(FRENCH, paragraphs_in=3, paragraphs_unique=3)
    one.removed = [persona]
    assert "content_farm" not in {f.code for f in Judge(min_words=50).process(one).flags}
    two = make_doc(FRENCH, paragraphs_in=3, paragraphs_unique=3)
    two.removed = [persona, request]
    flag = next(f for f in Judge(min_words=50).process(two).flags if f.code == "content_farm")
    assert "first-person writer persona" in flag.detail and "sponsored placements" in flag.detail


def judged(page: Page) -> Document:
    return Judge(min_words=50).process(clean_page(page))


def test_business_page_with_author_bio_and_affiliate_disclosure_is_not_a_content_farm_en(
    fixtures_dir: Path,
) -> None:
    # thebalance.com (trafilatura_eval): affiliate disclosure, byline, body, staff bio
    text = (fixtures_dir / "judge" / "thebalance_coinbase_en.txt").read_text()
    doc = judged(Page(source="thebalance", text=text, published="2022-03-28"))
    rules = {r.rule for r in doc.removed}
    assert {"affiliate_disclosure", "third_person_bio", "byline"} <= rules
    assert doc.author == "Jacob Wade"
    assert doc.flags == [] and doc.verdict == "ok"


def test_business_page_with_author_line_and_sponsor_label_is_not_a_content_farm_fr(
    fixtures_dir: Path,
) -> None:
    # FreSaDa 000004579 (an economist's column), with FreSaDa 000004919's video label put inside
    text = (fixtures_dir / "judge" / "fresada_touati_economie_fr.txt").read_text()
    doc = judged(Page(source="fresada", text=text, published="2016-11-28"))
    assert {r.reason for r in doc.removed} == {"bio", "sponsor"}
    assert "content_farm" not in {f.code for f in doc.flags}
    assert doc.verdict == "ok"


def test_seed_content_farm_template_is_flagged(examples_dir: Path) -> None:
    # seed 000: a looping body, a first-person persona and a call for sponsors
    page = Page(source="000", text=next(examples_dir.glob("000_*.txt")).read_text())
    flag = next(f for f in judged(page).flags if f.code == "content_farm")
    assert "loops" in flag.detail and "persona" in flag.detail and "sponsored placements" in flag.detail


@pytest.mark.parametrize(
    "loop",
    [
        # the issue's own example: one sentence printed 500 times on one line
        "Un texte. " * 500,
        # ECB+ 1_10ecb's first sentence, looping 40 times inside one paragraph
        ENGLISH.split(". ")[0] + ". " + (ENGLISH.split(". ")[0] + ". ") * 40,
    ],
)
def test_a_sentence_looping_inside_one_paragraph_is_repetitive(loop: str) -> None:
    page = Page(source="loop", text=FRENCH + "\n\n" + loop.strip() + "\n")
    doc = judged(page)
    flag = next(f for f in doc.flags if f.code == "repetitive")
    assert "looping inside a paragraph" in flag.detail
    assert doc.clean_stats.sentences_repeated >= 40
    # every copy is a removal span slicing the page text; the sentence stays once
    copies = [r for r in doc.removed if r.rule == "repeated_sentence"]
    assert len(copies) == doc.clean_stats.sentences_repeated
    assert all(page.text[r.start : r.end] == r.text for r in copies)  # type: ignore[misc]
    assert doc.text.split("\n\n")[-1] == loop.split(". ")[0] + "."


def test_a_refrain_spread_through_a_paragraph_is_not_a_loop() -> None:
    # Melville's "Bartleby" as Readability's clean-links test page prints it (one paragraph);
    # sentences of one passage brought together: the refrain has other sentences between copies
    refrain = (
        '"Why do you refuse?" "I would prefer not to." I began to reason with him. "Bartleby," said I, '
        '"when those papers are all copied, I will compare them with you." "I would prefer not to." '
        'I sat awhile in perfect silence, rallying my stunned faculties. "I would prefer not to." '
        'I looked at him steadfastly. "I would prefer not to."'
    )
    doc = judged(Page(source="bartleby", text=ENGLISH + "\n\n" + refrain + "\n"))
    assert [r for r in doc.removed if r.reason == "repetition"] == []
    assert "repetitive" not in {f.code for f in doc.flags}


def test_repeated_one_word_exclamations_are_the_texts_own() -> None:
    # FreSaDa 000002104-style sound effects (satire): one-word sentences repeated stay
    text = FRENCH + "\n\n« Vroum ! Vroum ! Vroum ! Vroum ! Vroum ! » a-t-il lancé au volant.\n"
    doc = judged(Page(source="vroum", text=text))
    assert "repetitive" not in {f.code for f in doc.flags}
    assert doc.text.endswith("« Vroum ! Vroum ! Vroum ! Vroum ! Vroum ! » a-t-il lancé au volant.")


def test_paywall_flag_states_the_hidden_share() -> None:
    doc = Judge(min_words=50).process(make_doc(FRENCH, paywall_notice=True, hidden_share=0.7351))
    flag = next(f for f in doc.flags if f.code == "paywall_truncated")
    assert "74%" in flag.detail
    assert doc.quality == pytest.approx(1 - 0.6 * 0.7351, abs=0.01)


def test_short_and_error_pages() -> None:
    short = Judge().process(make_doc("Le gouvernement a annoncé hier une réforme des retraites."))
    assert {f.code for f in short.flags} == {"too_short"}
    assert "9 words" in short.flags[0].detail
    error = Judge().process(make_doc("Erreur 404 : page introuvable. Retour à l'accueil du site."))
    assert "not_article" in {f.code for f in error.flags}
    assert error.verdict == "junk"


def test_missing_date_and_mixed_language() -> None:
    doc = make_doc(FRENCH + "\n\n" + ENGLISH + " " + ENGLISH)
    doc.published = None
    judged = Judge(min_words=50).process(doc)
    codes = {f.code for f in judged.flags}
    assert "missing_date" in codes
    mixed = next(f for f in judged.flags if f.code == "language_mixed")
    assert "en" in mixed.detail and "main language fr" in mixed.detail


def test_bad_options_fail_at_once() -> None:
    with pytest.raises(ValueError, match="junk_below"):
        Judge(junk_below=2)
    with pytest.raises(ValueError, match="min_score"):
        LanguageDetector(min_score=-1)


def test_a_declared_language_stands_unless_detection_is_sure_of_another() -> None:
    doc = make_doc(FRENCH, paragraphs_in=3, paragraphs_unique=3)
    doc.language = "en"  # a WordPress theme's lang="en-US" on a French page
    assert Judge(min_words=50).process(doc).language == "fr"
    short = make_doc("Bonjour à tous", paragraphs_in=1, paragraphs_unique=1)
    short.language = "fr"  # too short to tell: the page's claim stands
    assert Judge().process(short).language == "fr"
