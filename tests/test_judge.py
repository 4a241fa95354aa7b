"""Judge: language offline, flags with their figures, quality and verdict."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from recoupe.judge import Judge, LanguageDetector
from recoupe.model import CleanStats, Document, Removal

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
    assert "39 of 42" in flag.detail and "0.93" in flag.detail
    assert doc.quality < 0.35
    assert doc.verdict == "junk"


def test_content_farm_needs_two_pieces_of_evidence() -> None:
    bio = Removal("Passionné et dévoué, j'explore sans cesse…", "bio", 0, 10)
    sponsor = Removal("Pour explorer les options de sponsoring, contactez-nous.", "sponsor", 10, 20)
    one = make_doc(FRENCH, paragraphs_in=3, paragraphs_unique=3)
    one.removed = [bio]
    assert "content_farm" not in {f.code for f in Judge(min_words=50).process(one).flags}
    two = make_doc(FRENCH, paragraphs_in=3, paragraphs_unique=3)
    two.removed = [bio, sponsor]
    flag = next(f for f in Judge(min_words=50).process(two).flags if f.code == "content_farm")
    assert "bio" in flag.detail and "sponsor" in flag.detail


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
