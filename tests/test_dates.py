"""Dates: absolute, partial and relative expressions, resolved against the publication date.

Excerpts are short quotes of real news: RPM2 French corpus (rpm2_french_mds, doc ids given),
ECB+ English news (ecbplus, pre-tokenized as distributed), Microsoft Recognizers-Text specs
(recognizers_text_specs_fr_en). Publication dates are chosen for each test: the corpora give
none. The seeds are checked at the end.
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recoupe.facts.dates import (
    date_line,
    extract_dates,
    find_date_spans,
    parse_published,
    resolve_date_expression,
    resolve_in_year,
    url_date,
    weekday_year,
)
from recoupe.model import Mention


def values(mentions: list[Mention]) -> dict[str, str | float | None]:
    """Mention text (spaces normalized: pages use no-break spaces) -> value."""
    return {" ".join(m.text.split()): m.value for m in mentions}


def one(text: str, published: str | None, language: str) -> Mention:
    mentions = extract_dates(text, published, language)
    assert len(mentions) == 1, [(m.text, m.value) for m in mentions]
    assert text[mentions[0].start : mentions[0].end] == mentions[0].text
    return mentions[0]


# --------------------------------------------------------------------------------------------
# absolute and partial dates
# --------------------------------------------------------------------------------------------


def test_full_french_date_needs_no_publication_date() -> None:
    # rpm2 T02_C2_01: "avait annoncé sa démission le 19 octobre" (with a year added by the page)
    m = one(
        "Charles Milhaud avait annoncé sa démission le 19 octobre 2008, à la suite de la perte.", None, "fr"
    )
    assert (m.text, m.value, m.low, m.high) == ("19 octobre 2008", "2008-10-19", "2008-10-19", "2008-10-19")


def test_day_and_month_take_the_year_of_publication() -> None:
    # rpm2 T02_C1_02: "La Caisse d'épargne avait annoncé le 17 octobre avoir perdu 600 millions"
    m = one(
        "La Caisse d'épargne avait annoncé le 17 octobre avoir perdu 600 millions d'euros.",
        "2008-10-24",
        "fr",
    )
    assert m.value == "2008-10-17"


def test_day_and_month_in_early_january_point_to_last_year() -> None:
    # same excerpt, an article published in the new year
    m = one(
        "La Caisse d'épargne avait annoncé le 17 octobre avoir perdu 600 millions d'euros.",
        "2009-01-05",
        "fr",
    )
    assert m.value == "2008-10-17"


def test_weekday_picks_the_year() -> None:
    # rpm2 (Pékin): "se sont ouverts, vendredi 8 août, à 20h08": 8 August was a Friday in 2008
    m = one(
        "Les Jeux Olympiques de Pékin se sont ouverts, vendredi 8 août, à 20h08 heure locale.",
        "2009-06-01",
        "fr",
    )
    assert m.value == "2008-08-08"


def test_dernier_forces_the_past() -> None:
    # rpm2 T01_C2_02: "le 2 juillet dernier"
    m = one(
        "Lors de sa libération, le 2 juillet dernier, après plus de 6 ans aux mains de la guérilla",
        "2008-08-20",
        "fr",
    )
    assert m.value == "2008-07-02"


def test_english_month_day_year() -> None:
    # ecbplus 3_3ecb-style and Recognizers-Text DateTimeModel: "Eli Lilly sold IVAC on Dec. 31 , 1994"
    m = one("Eli Lilly sold IVAC on Dec. 31 , 1994", None, "en")
    assert m.value == "1994-12-31"
    # ecbplus 4_14ecb: "after having suffered a heart attack on Dec. 2"
    m = one(
        "after having suffered a heart attack on Dec. 2 and spending time on life support", "2008-12-12", "en"
    )
    assert m.value == "2008-12-02"


def test_numeric_dates() -> None:
    # Recognizers-Text DateTimeModel (French): "avant le 15.05.99", "Je serai de retour le samedi 23/06/18"
    assert (
        one("Merci d'envoyer ce message avant le 15.05.99 : Martin Dupont", None, "fr").value == "1999-05-15"
    )
    assert one("Je serai de retour le samedi 23/06/18", None, "fr").value == "2018-06-23"
    # English order is month first when the day cannot be the month: "01/22/2016"
    assert one("I'll be out 01/22/2016", None, "en").value == "2016-01-22"


def test_month_alone_is_the_nearest_such_month_preferring_the_past() -> None:
    # rpm2 T03_C1_10: "En mai, le Crédit agricole a lui aussi levé quelque 5,9 milliards d’euros."
    m = one("En mai, le Crédit agricole a lui aussi levé quelque 5,9 milliards d’euros.", "2008-10-09", "fr")
    assert (m.text, m.value, m.low, m.high) == ("mai", "2008-05", "2008-05-01", "2008-05-31")
    # a month just ahead of publication is the coming one
    m = one("Les négociations reprendront en décembre.", "2008-11-20", "fr")
    assert m.value == "2008-12"


def test_month_periods() -> None:
    # rpm2 T02_C2_04: "lors de perte de trading de 751 millions d'euros en septembre-octobre"
    m = one(
        "lors de perte de trading de 751 millions d'euros en septembre-octobre qui a amené la démission",
        "2008-11-20",
        "fr",
    )
    assert (m.value, m.low, m.high) == ("2008-09/2008-10", "2008-09-01", "2008-10-31")
    # rpm2 T03_C1_10: "Au vu des comptes semestriels présentés fin août"
    assert (
        one(
            "Au vu des comptes semestriels présentés fin août, la facture dépasse 17 milliards",
            "2008-10-09",
            "fr",
        ).value
        == "2008-08"
    )


def test_day_ranges() -> None:
    # Recognizers-Text DateTimeModel (French): "entre 3 et 12 de Sept"; rpm2-style "du 10 au 12 novembre"
    m = one("I'll be out entre 3 et 12 de Sept hahaha", "2016-11-07", "fr")
    assert (m.low, m.high) == ("2016-09-03", "2016-09-12")
    m = one("Le sommet se tiendra du 10 au 12 novembre 2024 à Bakou.", None, "fr")
    assert (m.value, m.low, m.high) == ("2024-11-10/2024-11-12", "2024-11-10", "2024-11-12")


def test_years_and_decades() -> None:
    # rpm2 T03_C1_03: "d’ici à la fin 2009"; rpm2 T02_C2_01: "depuis 1999"; "dans les années 90"
    mentions = extract_dates(
        "économiser 300 millions d’euros d’ici à la fin 2009. Président du directoire depuis 1999. "
        "Cela dure depuis les années 1990.",
        None,
        "fr",
    )
    assert values(mentions) == {"fin 2009": "2009", "depuis 1999": "1999", "les années 1990": "1990/1999"}


# --------------------------------------------------------------------------------------------
# relative dates
# --------------------------------------------------------------------------------------------


def test_relative_days() -> None:
    # rpm2 T02_C1_08: "a été placé en garde à vue hier"; ecbplus 5_1ecbplus: "At a news conference last night"
    assert one("L’homme a été placé en garde à vue hier.", "2008-10-23", "fr").value == "2008-10-22"
    assert (
        one("At a news conference last night at the Philadelphia College", "2009-05-22", "en").value
        == "2009-05-21"
    )


def test_weekdays() -> None:
    # rpm2 T02_C1_01: "Vendredi matin, le groupe Caisse d’Epargne a annoncé": the Friday before
    assert (
        one("Vendredi matin, le groupe Caisse d’Epargne a annoncé une perte.", "2008-10-20", "fr").value
        == "2008-10-17"
    )
    # ecbplus 3_7ecb: "A judge on Saturday sentenced the man"
    assert (
        one("A judge on Saturday sentenced the man who killed four people", "2008-12-15", "en").value
        == "2008-12-13"
    )
    # "samedi dernier" on a Saturday is a week back; "lundi prochain" strictly after
    assert one("Samedi dernier, la Russie a lancé une attaque.", "2024-11-16", "fr").value == "2024-11-09"
    assert one("Le vote aura lieu lundi prochain.", "2024-11-18", "fr").value == "2024-11-25"


def test_habits_are_not_dates() -> None:
    # Recognizers-Text DateTimeModel (French / English): sets
    assert extract_dates("Je vais partir chaque lundi", "2016-11-07", "fr") == []
    assert extract_dates("I'll leave every monday", "2016-11-07", "en") == []


def test_relative_periods() -> None:
    # rpm2 T03_C2_01: "le plan de soutien aux banques annoncé la semaine dernière"
    m = one(
        "le plan de soutien aux banques annoncé la semaine dernière prévoyait 40 milliards",
        "2008-10-21",
        "fr",
    )
    assert (m.value, m.low, m.high) == ("2008-10-13/2008-10-19", "2008-10-13", "2008-10-19")
    # ecbplus 2_3ecb: "Ratings for last year 's Oscars plunged"
    assert one("Ratings for last year 's Oscars plunged to a record low", "2009-01-22", "en").value == "2008"
    # rpm2 T03_C1_08: "ce ne sera pas mieux l'année prochaine"
    assert one("Elle sera de 1% cette année.", "2008-10-21", "fr").value == "2008"


def test_ago() -> None:
    # Recognizers-Text DateTimeModel (French): "Je suis revenu il y a deux ans" -> the year, as stated
    m = one("Je suis revenu il y a deux ans", "2016-11-07", "fr")
    assert (m.value, m.low, m.high) == ("2014", "2014-01-01", "2014-12-31")
    # ecbplus-style: "two weeks ago" -> a day
    assert one("The fire broke out two weeks ago", "2009-05-22", "en").value == "2009-05-08"


def test_relative_without_publication_date_is_kept_unresolved() -> None:
    # rpm2 T02_C1_08 again, with no publication date: kept, never guessed
    m = one("L’homme a été placé en garde à vue hier.", None, "fr")
    assert (m.value, m.low, m.high) == (None, None, None)
    m = one("La Caisse d'épargne avait annoncé le 17 octobre avoir perdu 600 millions d'euros.", None, "fr")
    assert m.value is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # rpm2 T02_C1_05: a duration
        ("Il devrait toucher son salaire pendant au moins six mois.", "fr"),
        # rpm2 (Pékin): a duration in hours, times of day
        ("Les trois heures de spectacle de cette cérémonie, vers 15h00, pour 24 heures.", "fr"),
        # seed 000 phrasing, also common in rpm2: a countdown is no date
        ("ce virage stratégique est un pari audacieux à un an de la présidentielle.", "fr"),
        # seed 003 phrasing: vague
        ("une demande faite par Kiev depuis des mois", "fr"),
        # English modal verb and verb, not months
        ("It may be in trouble if they march on .", "en"),
    ],
)
def test_not_dates(text: str, language: str) -> None:
    assert extract_dates(text, "2024-11-18", language) == []


# --------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------


def test_parse_published() -> None:
    assert parse_published("2024-11-18T01:58") == date(2024, 11, 18)
    assert parse_published("2024-11-18T01:58:00+01:00") == date(2024, 11, 18)
    assert parse_published("2024-11") is None
    assert parse_published(None) is None


def test_resolve_date_expression_patterns_then_dateparser() -> None:
    assert resolve_date_expression("dimanche 17 novembre", "2024-11-18", "fr") == "2024-11-17"
    assert resolve_date_expression("en août", "2024-11-18", "fr") == "2024-08"
    # the patterns do not read "2015/08/12"; dateparser does (Recognizers-Text DateParser, French)
    assert resolve_date_expression("2015/08/12", "2016-11-07", "fr") == "2015-08-12"
    assert resolve_date_expression("n'importe quoi", "2016-11-07", "fr") is None


def test_find_date_spans_for_other_extractors() -> None:
    text = "Le 14 décembre 2021, 300 soldats."
    assert [text[s:e] for s, e in find_date_spans(text, "fr")] == ["Le 14 décembre 2021"]


@settings(max_examples=80, deadline=None)
@given(
    day=st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31)), lang=st.sampled_from(["fr", "en"])
)
def test_written_dates_round_trip(day: date, lang: str) -> None:
    months_fr = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
    written = (
        f"le {day.day} {months_fr[day.month - 1]} {day.year}"
        if lang == "fr"
        else f"on {calendar.month_name[day.month]} {day.day}, {day.year}"
    )
    text = f"Selon la police, {written}, les faits ont eu lieu."
    m = one(text, None, lang)
    assert m.value == day.isoformat()


@settings(max_examples=60, deadline=None)
@given(
    published=st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
    back=st.integers(min_value=1, max_value=7),
)
def test_weekday_is_within_the_week_before_publication(published: date, back: int) -> None:
    target = published - timedelta(days=back)
    name = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"][target.weekday()]
    m = one(f"{name.capitalize()} dernier, la réunion a eu lieu.", published.isoformat(), "fr")
    assert m.value == target.isoformat()


# --------------------------------------------------------------------------------------------
# evaluation gates on the Recognizers-Text specs
# --------------------------------------------------------------------------------------------

_DATE_TYPES = {"datetimeV2.date", "datetimeV2.daterange", "datetimeV2.datetime", "datetimeV2.datetimerange"}


def _load(shared_data: Path, language: str, name: str) -> list[dict[str, Any]]:
    path = shared_data / "recognizers_text_specs_fr_en" / "DateTime" / language / name
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    cases: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8-sig"))
    return cases


def _gold(case: dict[str, Any]) -> list[tuple[str, int, int, list[tuple[str, str | None]]]]:
    """(type, start, end, acceptable (low, high) pairs) per expected result."""
    out = []
    lowered = case["Input"].lower()
    for result in case["Results"]:
        start = result.get("Start", result.get("start"))
        if start is None:
            start = lowered.find(result["Text"])
        pairs: list[tuple[str, str | None]] = []
        for value in result.get("Resolution", {}).get("values", []):
            if value.get("value") and value["value"] != "not resolved" and value["value"][:1].isdigit():
                pairs.append((value["value"][:10], value["value"][:10]))
            elif value.get("start") and len(value["start"]) >= 10 and value["start"][4] == "-":
                if value.get("end"):
                    end = date.fromisoformat(value["end"][:10])
                    last = end - timedelta(days=1)
                    pairs += [
                        (value["start"][:10], value["end"][:10]),
                        (value["start"][:10], last.isoformat()),
                    ]
                    if end.day == 1:  # an exclusive month or year end: the stated month or year itself
                        month_end = end.replace(day=calendar.monthrange(end.year, end.month)[1])
                        pairs += [(value["start"][:10], month_end.isoformat())]
                        if end.month == 1:
                            pairs.append((value["start"][:10], f"{end.year}-12-31"))
                else:
                    pairs.append((value["start"][:10], None))
        out.append((result.get("TypeName", ""), start, start + len(result["Text"]), pairs))
    return out


def _consistent(m: Mention, pairs: list[tuple[str, str | None]]) -> bool:
    for low, high in pairs:
        if high is None:
            if m.low == low:
                return True
        elif (m.low, m.high) == (low, high) or (low <= str(m.low) and str(m.high) <= high):
            return True
        elif low == high and str(m.low) <= low <= str(m.high):
            return True  # a coarser statement that contains the day ("il y a deux ans" -> the year)
    return False


Extractor = Callable[[str, str, str], list[Mention]]


def _dateparser_search(text: str, reference: str, code: str) -> list[Mention]:
    """dateparser's own finder, as mentions, for comparison."""
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": datetime.fromisoformat(reference[:19]), "PREFER_DATES_FROM": "past"}
    mentions: list[Mention] = []
    cursor = 0
    for found, when in search_dates(text, languages=[code], settings=settings) or []:
        start = text.find(found, cursor)
        if start < 0:
            continue
        cursor = start + len(found)
        day = when.date().isoformat()
        mentions.append(Mention("date", found, start, cursor, day, low=day, high=day))
    return mentions


def _datetime_gate(shared_data: Path, language: str, code: str, extract: Extractor) -> tuple[float, float]:
    """Precision: a date given overlaps an expected date and is consistent with it. Recall: an
    expected date or date range is found with exactly its bounds."""
    correct = predicted = found = expected = 0
    for case in _load(shared_data, language, "DateTimeModel.json"):
        reference = case.get("Context", {}).get("ReferenceDateTime")
        if not reference:
            continue
        gold = _gold(case)
        mentions = extract(case["Input"], reference, code)
        for kind, start, end, pairs in gold:
            if kind in ("datetimeV2.date", "datetimeV2.daterange") and pairs and all(h for _, h in pairs):
                expected += 1
                found += any(m.start < end and start < m.end and (m.low, m.high) in pairs for m in mentions)
        for m in mentions:
            predicted += 1
            overlapping = [g for g in gold if m.start < g[2] and g[1] < m.end and g[0] in _DATE_TYPES]
            correct += any(_consistent(m, g[3]) for g in overlapping)
    return correct / predicted, found / expected


# measured 2026-11: French P 0.926 R 0.429, English P 0.763 R 0.279; dateparser's search_dates
# on the same cases: French P 0.214 R 0.444, English P 0.463 R 0.207. The specs are calendar-
# assistant sentences ("next week on Tuesday", "the 27th", "15th century") a news extractor does
# not aim at; recall is low by design, precision is what protects a brief.
@pytest.mark.parametrize(
    ("language", "code", "min_precision", "min_recall"),
    [("French", "fr", 0.90, 0.40), ("English", "en", 0.74, 0.26)],
)
def test_gate_datetime_model(
    shared_data: Path, language: str, code: str, min_precision: float, min_recall: float
) -> None:
    precision, recall = _datetime_gate(shared_data, language, code, lambda t, r, c: extract_dates(t, r, c))
    assert precision >= min_precision, f"{language}: precision {precision:.3f}"
    assert recall >= min_recall, f"{language}: recall {recall:.3f}"
    theirs, _ = _datetime_gate(shared_data, language, code, _dateparser_search)
    assert precision > theirs + 0.2, f"{language}: dateparser's finder reaches {theirs:.3f}"


def _resolution_accuracy(shared_data: Path, language: str, code: str) -> tuple[float, float, float]:
    """On DateParser.json expressions: share resolved to the expected day by the patterns alone,
    by dateparser alone (same settings as the fallback), and by `resolve_date_expression`."""
    import dateparser

    ours = theirs = combined = total = 0
    for case in _load(shared_data, language, "DateParser.json"):
        reference = case.get("Context", {}).get("ReferenceDateTime")
        if not reference:
            continue
        base = datetime.fromisoformat(reference[:19])
        for result in case["Results"]:
            value = result["Value"]
            accepted = {
                value.get("PastResolution", {}).get("date"),
                value.get("FutureResolution", {}).get("date"),
            }
            accepted.discard(None)
            if not accepted:
                continue
            total += 1
            patterns = [m.value for m in extract_dates(result["Text"], reference, code) if m.value]
            ours += bool(patterns) and patterns[0] in accepted
            parsed = dateparser.parse(
                result["Text"],
                languages=[code],
                settings={
                    "RELATIVE_BASE": base,
                    "PREFER_DATES_FROM": "past",
                    "REQUIRE_PARTS": ["day", "month", "year"],
                },
            )
            theirs += parsed is not None and parsed.date().isoformat() in accepted
            combined += resolve_date_expression(result["Text"], reference, code) in accepted
    return ours / total, theirs / total, combined / total


# measured 2026-11: French patterns 0.569, dateparser 0.400, both 0.615; English patterns 0.289,
# dateparser 0.319, both 0.356 (English misses are calendar forms: "4/22", "the 27th", "tmrw")
@pytest.mark.parametrize(("language", "code", "floor"), [("French", "fr", 0.59), ("English", "en", 0.33)])
def test_gate_resolution_patterns_then_dateparser(
    shared_data: Path, language: str, code: str, floor: float
) -> None:
    ours, theirs, combined = _resolution_accuracy(shared_data, language, code)
    assert combined >= floor, f"{language}: combined {combined:.3f}"
    assert combined >= max(ours, theirs), "the fallback must not lose what either reads alone"


# --------------------------------------------------------------------------------------------
# seeds
# --------------------------------------------------------------------------------------------


def _seed(examples_dir: Path, prefix: str) -> str:
    paths = sorted(examples_dir.glob(f"{prefix}_*.txt"))
    if not paths:
        pytest.skip(f"seed {prefix} is absent")
    return paths[0].read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("expression", "language", "expected"),
    [
        # RPM2 T07_C2_05 (justice, an undated page): 'mis en examen le 28 janvier'
        ("le 28 janvier", "fr", "2008-01-28"),
        # a December day in the story's year, not the year before nearest mid-year
        ("15 décembre", "fr", "2008-12-15"),
        # ECB+ 16_10ecbplus (justice): 'Orozco was convicted March 20'
        ("March 20", "en", "2008-03-20"),
        ("du 10 au 12 novembre", "fr", "2008-11-10/2008-11-12"),
        # a weekday, 'hier' or a month alone need a day to count from; a stated year needs nothing
        ("mardi", "fr", None),
        ("hier", "fr", None),
        ("en janvier", "fr", None),
        ("28 janvier 2007", "fr", None),
    ],
)
def test_a_day_and_month_without_a_year_is_read_in_the_year_given(
    expression: str, language: str, expected: str | None
) -> None:
    found = resolve_in_year(expression, 2008, language)
    assert (found[0] if found else None) == expected
    if found:
        assert found[1] <= found[2] and found[1].startswith("2008")


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        # ECB+ 3_10ecbplus, 16_10ecbplus, 10_3ecbplus, as distributed (tokenised), and plain
        (
            "http : / / www . utsandiego . com / news / 2009 / dec / 07 / texas - prisoner - captured",
            "2009-12-07",
        ),
        (
            "http : / / www . presstelegram . com / technology / 20070503 / judge - sentences - orozco",
            "2007-05-03",
        ),
        ("http : / / articles . washingtonpost . com / 2008 - 12 - 23 / sports / 36830848", "2008-12-23"),
        ("https://www.huffingtonpost.com/2009/11/30/arcade-joseph-comeaux-jr_n_374452.html", "2009-11-30"),
        # a month without a day, or no address at all
        ("http : / / joyofsox . blogspot . nl / 2008 / 12 / herald - sox - make - 8 - year - offer", None),
        ("Le 2008/12/07 est un dimanche", None),
    ],
)
def test_the_day_a_page_s_address_files_it_under(address: str, expected: str | None) -> None:
    assert url_date(address) == expected


def test_a_weekday_with_a_day_and_month_tells_the_year() -> None:
    # RPM2 T01_C1_07 (politics): Wednesday 2 July is 2008 within two years of 2007
    assert weekday_year("mercredi 2 juillet", 2007, "fr") == 2008
    # RPM2 T09_C1 (justice): Thursday 20 March, 2008
    assert weekday_year("Jeudi 20 mars", 2008, "fr") == 2008
    assert weekday_year("2 juillet", 2007, "fr") is None  # no weekday: no evidence
    assert weekday_year("mercredi", 2007, "fr") is None


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # ECB+ 10_19ecbplus, 10_4ecbplus, 9_11ecbplus, 16_2ecbplus (heads of pages scraped without metadata)
        ("http : / / kennedyscommentary . blogspot . nl / 2008 / 12 / x . html\nThursday , December 11 , 2008\n"
         "Prediction : Red Sox Will Nab Teixeira\n", "2008-12-11"),
        ("Sources : Sox May Not Be Out Of Teixeira Chase\nTeam Execs Meet With Player's Agent\n"
         "UPDATED 3 : 09 AM EST Dec 19 , 2008\nDespite saying they have been out", "2008-12-19"),
        ("WASHINGTON , DC , April 28 , 2009\nFederal agencies again will have to consult", "2009-04-28"),
        ("Multiple Special Circumstances\n( March 20 , 2007 ) - -\nA Superior Court jurty", "2007-03-20"),
        # a title stating a date is no date line (a lowercase word of prose)
        ("Attentats du 11 septembre 2001 : dix ans après\nLe texte.", None),
        # a sentence stating a date is no date line (ECB+ 16_10ecbplus)
        ("Judge sentences Orozco to death\nJudge Philip Hickok told a packed courtroom about the slaying of "
         "Deputy Jerry Ortiz on June 24 , 2005 .\n", None),
    ],
)  # fmt: skip
def test_a_page_dated_by_a_line_of_its_head(head: str, expected: str | None) -> None:
    assert date_line(head, "en") == expected


def test_seed_003(examples_dir: Path) -> None:
    mentions = extract_dates(_seed(examples_dir, "003"), "2024-11-18T01:58", "fr")
    found = values(mentions)
    assert found["dimanche 17 novembre"] == "2024-11-17"
    assert found["août"] == "2024-08"
    assert found["14 décembre 2021"] == "2021-12-14"
    assert found["18 novembre 2024"] == "2024-11-18"
    assert not any("mois" in m.text or "jours" in m.text for m in mentions)


def test_seed_004(examples_dir: Path) -> None:
    found = values(extract_dates(_seed(examples_dir, "004"), "2024-11-18", "fr"))
    assert found == {"octobre": "2024-10", "Samedi dernier": "2024-11-16"}


def test_seed_000_has_no_date(examples_dir: Path) -> None:
    assert extract_dates(_seed(examples_dir, "000"), "2024-11-18", "fr") == []


def test_a_decade_that_is_a_style_is_no_date() -> None:
    # ECB+ 18_9ecb (disasters/justice): "the two-storey 1950s-style office building"; "the 1990s" stays a decade
    mentions = extract_dates(
        "The lights were still blazing at the two-storey 1950s-style office building. Sales fell in the 1990s.",
        None,
        "en",
    )
    assert values(mentions) == {"1990s": "1990/1999"}


def test_a_decade_after_a_persons_possessive_is_an_age() -> None:
    # ECB+ 21_3ecbplus (justice): "The victim , who was in her 60s , was taken to Hennepin County
    # Medical Center"; "the 1990s" of the same sentence shape stays a decade
    mentions = extract_dates(
        "The victim , who was in her 60s , was taken to Hennepin County Medical Center . "
        "Two men in their early 20s were arrested . Sales fell in the 1990s .",
        None,
        "en",
    )
    assert values(mentions) == {"1990s": "1990/1999"}


def test_a_page_in_another_language_is_read_for_dates_in_digits_only() -> None:
    # trafilatura_eval, cnet.de (German): "hier" is "here", not the French "yesterday" (the
    # brief dated "Auch hier kann ..." to the day before publication); "Mai" is no month to us
    text = (
        "Schon seit 2004 muss Google nach einem Urteil des Landgerichts Berlin (9.9.2004 – 27 o "
        "585/04) dafür sorgen, dass Links auf Diskriminierungen aus Trefferlisten entfernt werden. "
        "Auch hier kann gegen Google vorgegangen werden. Am 13. Mai 2014 hat der Europäische "
        "Gerichtshof entschieden."
    )
    assert values(extract_dates(text, "2014-05-14", "de")) == {"9.9.2004": "2004-09-09"}
    assert values(extract_dates(text, "2014-05-14", "es")) == {"9.9.2004": "2004-09-09"}
    # a page whose language could not be told is still read in French and English
    assert "hier" in values(extract_dates("Il a nié hier avoir trahi.", "2008-07-05", "und"))
