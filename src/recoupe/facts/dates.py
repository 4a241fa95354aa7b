"""Dates stated in a text, resolved against the page's publication date.

`extract_dates` finds date expressions in French or English (absolute: "le 14 décembre 2021",
"Nov. 17, 2024", "17/11/2024"; partial: "dimanche 17 novembre", "en août"; relative: "hier",
"samedi dernier", "la semaine dernière", "il y a trois jours", "last month") and gives each an
ISO 8601 value of the precision the text states: "2024-11-17", "2024-11", "2024", or a period
"2024-11-11/2024-11-17". `low`/`high` are the first and last day the expression covers.

Resolution (documented choices):
- a day or month without a year takes the candidate year nearest the publication date, with
  future candidates counted three times as far: news mostly reports the past, but "le 5
  décembre" in a mid-November article is the coming one; a stated weekday ("dimanche 17
  novembre") picks the year where that day is that weekday; "dernier"/"last" forces the past,
  "prochain"/"next" the future;
- a weekday alone is the most recent such day on or before publication ("samedi dernier" /
  "last Saturday": strictly before; "lundi prochain" / "next Monday": strictly after; "ce
  vendredi" / "this Friday": that day of the publication's week);
- anything relative with no publication date keeps its mention with value None: never a guess.

Durations ("24 heures", "deux semaines"), times alone ("01h58"), habits ("chaque lundi") and
vague periods ("depuis des mois") are not dates.

Patterns or dateparser? Measured on the Recognizers-Text specs (tests/test_dates.py): to find
dates in sentences, the patterns are far more precise than `dateparser.search.search_dates`
(French P 0.93 vs 0.21 at recall 0.43 vs 0.44; English P 0.76 vs 0.46 at recall 0.28 vs 0.21);
to resolve one
expression, patterns read more French (0.57 vs 0.40) and dateparser a little more English
(0.32 vs 0.29), so `resolve_date_expression` uses the patterns first and dateparser (no network,
past preferred) only for an expression they do not read (0.62 French, 0.36 English).
`extract_dates` uses the patterns alone: dateparser also reads bare numbers as dates.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from recoupe import lang as lang_data
from recoupe.model import Mention

if TYPE_CHECKING:  # pragma: no cover - typing only
    from spacy.tokens import Doc

__all__ = [
    "date_line",
    "extract_dates",
    "find_date_spans",
    "parse_published",
    "resolve_date_expression",
    "resolve_in_year",
    "url_date",
    "weekday_year",
]

# --------------------------------------------------------------------------------------------
# vocabulary
# --------------------------------------------------------------------------------------------

_MONTHS: dict[str, dict[str, int]] = {
    "fr": {
        "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fév": 2, "fevr": 2,
        "mars": 3, "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7,
        "août": 8, "aout": 8, "septembre": 9, "sept": 9, "octobre": 10, "oct": 10,
        "novembre": 11, "nov": 11, "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
    },
    "en": {
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
        "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
        "nov": 11, "december": 12, "dec": 12,
    },
}  # fmt: skip
_WEEKDAYS: dict[str, dict[str, int]] = {
    "fr": {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6},
    "en": {
        "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
        "sunday": 6,
    },
}  # fmt: skip
# English month names that are also common words: only read as months when capitalized
_EN_MONTHS_NEEDING_CAPITAL = frozenset({"may", "march", "mar", "jan", "jun", "sep"})
_SMALL_NUMBERS: dict[str, int] = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20,
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}  # fmt: skip

_APOS = "['’]"
# "in her 60s": a person's possessive, perhaps one word ("early", "late"), right before a decade
_AGE_DECADE_BEFORE = re.compile(
    r"(?<![\w])(?:"
    + "|".join(
        sorted(
            {
                w
                for code in lang_data.languages()
                for w in lang_data.words(code, "function_words", "person_possessives")
            }
        )
    )
    + r")\s+(?:[a-z-]+\s+)?['’]?$",
    re.IGNORECASE,
)
_YEAR = r"(?:1[89]\d\d|20\d\d)"


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class _Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    month: str  # regex: full names, or abbreviations with their optional dot
    weekday: str
    words: bool = True  # False: digits only, no word of any language ("hier" is German for "here")


def _lexicon(language: str) -> _Lexicon:
    langs = ("fr", "en") if language not in _MONTHS else (language,)
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for lang in langs:
        months.update(_MONTHS[lang])
        weekdays.update(_WEEKDAYS[lang])
    full = [
        w for w in months if len(w) > 4 or w in ("mars", "mai", "juin", "may", "june", "july", "août", "aout")
    ]
    short = [w for w in months if w not in full]
    month = rf"(?:{_alternation(full)}|(?:{_alternation(short)})\.?)"
    return _Lexicon(months, weekdays, month, _alternation(list(weekdays)))


# --------------------------------------------------------------------------------------------
# calendar helpers
# --------------------------------------------------------------------------------------------

_FUTURE_WEIGHT = 3  # a future candidate counts as three times farther than a past one


def parse_published(published: str | None) -> date | None:
    """The publication day from an ISO 8601 string ("2024-11-18T01:58", "2024-11-18"); None
    when absent or not precise to the day."""
    if not published:
        return None
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", published)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _weighted_distance(candidate: date, ref: date) -> int:
    delta = (candidate - ref).days
    return delta * _FUTURE_WEIGHT if delta > 0 else -delta


def _pick_year(
    make: Callable[[int], date | None],
    ref: date,
    *,
    direction: str | None = None,
    weekday: int | None = None,
    last_day: Callable[[int], date | None] | None = None,
) -> int | None:
    """The year of the candidate (built by `make(year)`) that the text most likely means."""
    candidates: list[tuple[int, int]] = []
    # a stated weekday may point a year or two away; otherwise the year is next to the reference
    span = 2 if weekday is not None else 1
    for year in range(ref.year - span, ref.year + span + 1):
        day = make(year)
        if day is None:
            continue
        if weekday is not None and day.weekday() != weekday:
            continue
        end = (last_day(year) if last_day else day) or day
        if direction == "past" and end >= ref:
            continue
        if direction == "future" and day <= ref:
            continue
        # a month that contains the reference day is at distance 0
        distance = 0 if day <= ref <= end else _weighted_distance(day, ref)
        candidates.append((distance, year))
    if not candidates:
        return None
    return min(candidates)[1]


def _iso_day(day: date) -> str:
    return day.isoformat()


def _iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


# --------------------------------------------------------------------------------------------
# a resolved expression
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Resolved:
    value: str | None
    low: str | None
    high: str | None


_UNRESOLVED = _Resolved(None, None, None)


def _day_value(day: date) -> _Resolved:
    iso = _iso_day(day)
    return _Resolved(iso, iso, iso)


def _month_value(year: int, month: int) -> _Resolved:
    return _Resolved(
        _iso_month(year, month), _iso_day(date(year, month, 1)), _iso_day(_month_end(year, month))
    )


def _year_value(year: int) -> _Resolved:
    return _Resolved(f"{year:04d}", f"{year:04d}-01-01", f"{year:04d}-12-31")


def _period(first: _Resolved, last: _Resolved) -> _Resolved:
    if first.value is None or last.value is None or first.low is None or last.high is None:
        return _UNRESOLVED
    if first.low > last.high:
        return _UNRESOLVED
    return _Resolved(f"{first.value}/{last.value}", first.low, last.high)


def _days_period(start: date, end: date) -> _Resolved:
    return _Resolved(f"{_iso_day(start)}/{_iso_day(end)}", _iso_day(start), _iso_day(end))


# --------------------------------------------------------------------------------------------
# patterns
# --------------------------------------------------------------------------------------------

_PAST_WORDS = frozenset(
    {"dernier", "dernière", "derniere", "passé", "passée", "passe", "last", "past", "previous"}
)
_FUTURE_WORDS = frozenset(
    {"prochain", "prochaine", "next", "coming", "upcoming", "following", "suivant", "suivante"}
)
_THIS_WORDS = frozenset({"ce", "cet", "cette", "this"})


def _direction(*words: str | None) -> str | None:
    for word in words:
        if word is None:
            continue
        low = word.lower()
        if low in _PAST_WORDS:
            return "past"
        if low in _FUTURE_WORDS:
            return "future"
    return None


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    resolved: _Resolved
    relative: bool  # needs the publication date
    period: bool = False  # a month or a span of months or years ("en janvier", "in April 2013", "2007-2009")
    rule: str = ""


Resolver = Callable[[re.Match[str], date | None, _Lexicon], _Resolved | None]


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Resolver
    relative: Callable[[re.Match[str]], bool]


def _month_of(word: str, lex: _Lexicon) -> int | None:
    key = word.lower().rstrip(".")
    month = lex.months.get(key)
    if month is None:
        return None
    if key in _EN_MONTHS_NEEDING_CAPITAL and key not in _MONTHS["fr"] and not word[:1].isupper():
        return None
    return month


def _day_of(token: str) -> int | None:
    digits = re.match(r"\d+", token)
    if not digits:
        return None
    value = int(digits[0])
    return value if 1 <= value <= 31 else None


def _resolve_day_month(
    day: int, month: int, year: int | None, weekday: int | None, direction: str | None, ref: date | None
) -> _Resolved | None:
    if year is not None:
        found = _safe_date(year, month, day)
        return _day_value(found) if found else None
    if ref is None:
        # a day without a year always needs the publication date
        return _UNRESOLVED if _safe_date(2024, month, day) else None
    picked = _pick_year(lambda y: _safe_date(y, month, day), ref, direction=direction, weekday=weekday)
    if picked is None and weekday is not None:
        # a weekday that matches no nearby year is likely a typo: trust the day and month
        picked = _pick_year(lambda y: _safe_date(y, month, day), ref, direction=direction)
    if picked is None:
        return None
    found = _safe_date(picked, month, day)
    return _day_value(found) if found else None


def _resolve_month(
    month: int, year: int | None, this: bool, direction: str | None, ref: date | None
) -> _Resolved:
    if year is not None:
        return _month_value(year, month)
    if ref is None:
        return _UNRESOLVED
    if this:
        return _month_value(ref.year, month)
    picked = _pick_year(
        lambda y: date(y, month, 1),
        ref,
        direction=direction,
        last_day=lambda y: _month_end(y, month),
    )
    return _month_value(picked, month) if picked is not None else _UNRESOLVED


def _group(match: re.Match[str], name: str) -> str | None:
    try:
        return match.group(name)
    except IndexError:
        return None


def _year_of(text: str | None) -> int | None:
    if text is None:
        return None
    value = int(text)
    if len(text) == 2:
        # two-digit years: 00-49 -> 2000s, 50-99 -> 1900s
        value += 2000 if value < 50 else 1900
    return value


def _build_rules(lex: _Lexicon) -> list[_Rule]:
    mon = lex.month
    wd = rf"(?:{lex.weekday})"
    day = r"(?:[0-3]?\d)(?:er|re|e|ème|eme|st|nd|rd|th)?"
    b = r"(?<![\w])"  # left word boundary that also works before accented letters
    e = r"(?![\w])"
    rules: list[_Rule] = []

    def add(name: str, pattern: str, resolve: Resolver, relative: Callable[[re.Match[str]], bool]) -> None:
        rules.append(_Rule(name, re.compile(pattern, re.IGNORECASE), resolve, relative))

    # 2024-11-17 (ISO), optionally with a time after it
    def iso(m: re.Match[str], ref: date | None, lx: _Lexicon) -> _Resolved | None:
        found = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        return _day_value(found) if found else None

    add("iso", rf"{b}(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d){e}", iso, lambda m: False)

    # 17/11/2024, 17.11.24 (day first; English: month first when the day can't be the month)
    def numeric(m: re.Match[str], ref: date | None, lx: _Lexicon) -> _Resolved | None:
        first, second = int(m["a"]), int(m["b"])
        year = _year_of(m["y"])
        if year is None:  # pragma: no cover - the pattern always captures a year
            return None
        # day first in French, month first in English; the other order when only it is a date
        day_first = lex is not _EN_LEXICON
        preferred = (first, second) if day_first else (second, first)
        found = _safe_date(year, preferred[1], preferred[0]) or _safe_date(year, preferred[0], preferred[1])
        return _day_value(found) if found else None

    add(
        "numeric",
        rf"(?<![\d/.,-])(?:(?P<wd>{wd})\s*,?\s+)?(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)(?P<y>{_YEAR}|\d{{2}})(?![\d/.,]\d|\d)",
        numeric,
        lambda m: False,
    )

    # [dimanche] [le] 17 [de] novembre [2024]; the 9th of May; du 10 au 12 novembre is below
    def day_month(m: re.Match[str], ref: date | None, lx: _Lexicon) -> _Resolved | None:
        month = _month_of(m["mon"], lx)
        d = _day_of(m["day"])
        if month is None or d is None:
            return None
        weekday = lx.weekdays.get(m["wd"].lower()) if m["wd"] else None
        return _resolve_day_month(d, month, _year_of(m["y"]), weekday, _direction(m["rel"]), ref)

    add(
        "day_month",
        rf"{b}(?:(?P<wd>{wd})\s*,?\s+)?(?:(?:le|the)\s+)?(?P<day>{day})\s+(?:(?:de|of)\s+)?(?P<mon>{mon}){e}"
        rf"(?:\s*,?\s*(?:(?:de|of|in|en)\s+)?(?P<y>{_YEAR}){e}|\s+(?P<rel>dernier|prochain|passé|last|next){e})?",
        day_month,
        lambda m: m["y"] is None,
    )

    # [Sunday,] November 17[, 2024]
    def month_day(m: re.Match[str], ref: date | None, lx: _Lexicon) -> _Resolved | None:
        month = _month_of(m["mon"], lx)
        d = _day_of(m["day"])
        if month is None or d is None:
            return None
        weekday = lx.weekdays.get(m["wd"].lower()) if m["wd"] else None
        return _resolve_day_month(d, month, _year_of(m["y"] or m["y2"]), weekday, None, ref)

    add(
        "month_day",
        rf"{b}(?:(?P<wd>{wd})\s*,?\s+)?(?P<mon>{mon})\s+(?P<day>[0-3]?\d(?:st|nd|rd|th)?)(?![\d%,.]\d|\d|\s*(?:%|h\d|:\d))"
        rf"(?:\s*,\s*(?P<y>{_YEAR}){e}|\s+(?:(?:of|in|de|en)\s+)?(?P<y2>{_YEAR}){e})?",
        month_day,
        lambda m: m["y"] is None and m["y2"] is None,
    )

    # du 10 au 12 novembre [2024]; entre le 3 et le 12 septembre; 19-20 novembre
    def day_range(m: re.Match[str], ref: date | None, lx: _Lexicon) -> _Resolved | None:
        month = _month_of(m["mon"], lx)
        d1, d2 = _day_of(m["d1"]), _day_of(m["d2"])
        if month is None or d1 is None or d2 is None or d1 >= d2:
            return None
        first = _resolve_day_month(d1, month, _year_of(m["y"]), None, None, ref)
        if first is None or first.value is None:
            return first
        year = int(first.value[:4])
        last = _safe_date(year, month, d2)
        start = _safe_date(year, month, d1)
        return _days_period(start, last) if start and last else None

    add(
        "day_range",
        rf"{b}(?:(?:du|from|entre\s+le|entre|between)\s+)?(?P<d1>{day})\s*(?:au|to|et\s+le|et|and|-|–)\s*"
        rf"(?P<d2>{day})\s+(?:(?:de|of)\s+)?(?P<mon>{mon}){e}(?:\s*,?\s*(?P<y>{_YEAR}){e})?",
        day_range,
        lambda m: m["y"] is None,
    )

    # November 19-20[, 2024]
    def month_day_range(m: re.Match[str], ref: date | None, lx: _Lexicon) -> _Resolved | None:
        month = _month_of(m["mon"], lx)
        d1, d2 = _day_of(m["d1"]), _day_of(m["d2"])
        if month is None or d1 is None or d2 is None or d1 >= d2:
            return None
        first = _resolve_day_month(d1, month, _year_of(m["y"]), None, None, ref)
        if first is None or first.value is None:
            return first
        year = int(first.value[:4])
        start, last = _safe_date(year, month, d1), _safe_date(year, month, d2)
        return _days_period(start, last) if start and last else None

    add(
        "month_day_range",
        rf"{b}(?:from\s+)?(?P<mon>{mon})\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|to|through)\s*"
        rf"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)(?:\s*,?\s*(?P<y>{_YEAR}){e})?",
        month_day_range,
        lambda m: m["y"] is None,
    )

    # de septembre à octobre [2024]; septembre-octobre; from March to May
    def month_range(m: re.Match[str], ref: date | None, lx: _Lexicon) -> _Resolved | None:
        m1, m2 = _month_of(m["m1"], lx), _month_of(m["m2"], lx)
        if m1 is None or m2 is None or m1 == m2:
            return None
        year = _year_of(m["y"])
        last = _resolve_month(m2, year, False, None, ref)
        if last.value is None:
            return last
        end_year = int(last.value[:4])
        first = _month_value(end_year if m1 < m2 else end_year - 1, m1)
        return _period(first, last)

    add(
        "month_range",
        rf"{b}(?:(?:de|d{_APOS}|entre|from|between)\s*)?(?P<m1>{mon})\s*(?:à|a|et|to|and|through|-|–)\s*"
        rf"(?P<m2>{mon}){e}(?:\s+(?:(?:of|in|de|en)\s+)?(?P<y>{_YEAR}){e})?",
        month_range,
        lambda m: m["y"] is None,
    )

    # [en|début|fin] novembre 2024; November 2024
    def month_year(m: re.Match[str], ref: date | None, lx: _Lexicon) -> _Resolved | None:
        month = _month_of(m["mon"], lx)
        return _month_value(int(m["y"]), month) if month else None

    add(
        "month_year",
        rf"{b}(?P<mon>{mon})\s+(?:(?:de|of|in|en)\s+)?(?P<y>{_YEAR}){e}",
        month_year,
        lambda m: False,
    )

    # en août, depuis octobre, mi-octobre, début novembre, in August, last March, août dernier
    def month_alone(m: re.Match[str], ref: date | None, lx: _Lexicon) -> _Resolved | None:
        month = _month_of(m["mon"] or m["mon2"], lx)
        if month is None:
            return None
        pre = (m["pre"] or "").lower()
        this = pre in _THIS_WORDS
        return _resolve_month(month, None, this, _direction(m["rel"] or m["rel2"], pre), ref)

    add(
        "month_alone",
        rf"{b}(?P<pre>en|depuis|dès|des|début|fin|mi-|mi|courant|au\s+mois\s+d{_APOS}|au\s+mois\s+de|"
        rf"le\s+mois\s+d{_APOS}|le\s+mois\s+de|jusqu{_APOS}en|cet|cette|ce|in|since|until|early|late|mid-|last|next|this)"
        rf"\s*(?P<mon>{mon}){e}(?!\s*[0-3]?\d(?!\d))(?:\s+(?P<rel>dernier|prochain|passé){e})?"
        rf"|{b}(?P<mon2>{mon})\s+(?P<rel2>dernier|prochain|passé){e}",
        month_alone,
        lambda m: True,
    )

    # 2022-2023, de 2014 à 2016
    def year_range(m: re.Match[str], ref: date | None, lx: _Lexicon) -> _Resolved | None:
        y1, y2 = int(m["y1"] or m["y1b"]), int(m["y2"])
        if y1 >= y2:
            return None
        return _period(_year_value(y1), _year_value(y2))

    add(
        "year_range",
        rf"(?<![\w-])(?:(?:entre|between)\s+(?P<y1b>{_YEAR})\s+(?:et|and)|(?:(?:de|from)\s+)?(?P<y1>{_YEAR})\s*(?:-|–|à|to))"
        rf"\s*(?P<y2>{_YEAR})(?![\w-])",
        year_range,
        lambda m: False,
    )

    # en 2024, depuis 2014, in 2023, since 2014, l'année 2008, the summer of 2024
    def year_alone(m: re.Match[str], ref: date | None, lx: _Lexicon) -> _Resolved | None:
        return _year_value(int(m["y"]))

    add(
        "year_alone",
        rf"{b}(?:en|depuis|dès|jusqu{_APOS}en|fin|début|mi-|courant|l{_APOS}année|l{_APOS}an|année|"
        rf"in|since|until|during|from|early|late|mid-|year)\s+(?P<y>{_YEAR})"
        rf"(?![\w%]|[.,]\d|\s*(?:%|€|\$|km|kg|euros?|dollars?|pour\s*cent|percent))",
        year_alone,
        lambda m: False,
    )

    # hier, avant-hier, demain, aujourd'hui, yesterday, today, tomorrow
    def relative_day(m: re.Match[str], ref: date | None, lx: _Lexicon) -> _Resolved | None:
        if ref is None:
            return _UNRESOLVED
        word = re.sub(r"[\s-]+", "-", m["w"].lower().replace("’", "'").replace("apres", "après"))
        word = word.replace("-", " ") if word.startswith(("the", "last")) else word
        shift = {
            "avant-hier": -2, "hier": -1, "aujourd'hui": 0, "demain": 1, "après-demain": 2,
            "yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "last night": -1,
            "the day before yesterday": -2, "the day after tomorrow": 2,
        }.get(word)  # fmt: skip
        return _day_value(ref + timedelta(days=shift)) if shift is not None else None

    add(
        "relative_day",
        rf"{b}(?P<w>avant[-\s]hier|apr[eè]s[-\s]demain|hier|aujourd{_APOS}hui|demain|the\s+day\s+before\s+yesterday|"
        rf"the\s+day\s+after\s+tomorrow|yesterday|today|tonight|tomorrow|last\s+night){e}",
        relative_day,
        lambda m: True,
    )

    # samedi dernier, lundi, ce jeudi, on Monday, last Saturday, next Friday
    def weekday_alone(m: re.Match[str], ref: date | None, lx: _Lexicon) -> _Resolved | None:
        weekday = lx.weekdays[m["wd"].lower()]
        if ref is None:
            return _UNRESOLVED
        direction = _direction(m["pre"], m["rel"])
        if (m["pre"] or "").lower() in _THIS_WORDS:
            # "ce vendredi" / "this Friday": that day of the publication's week
            return _day_value(ref + timedelta(days=weekday - ref.weekday()))
        back = (ref.weekday() - weekday) % 7
        if direction == "future":
            ahead = (weekday - ref.weekday()) % 7 or 7
            return _day_value(ref + timedelta(days=ahead))
        if direction == "past" and back == 0:
            back = 7
        return _day_value(ref - timedelta(days=back))

    add(
        "weekday",
        rf"{b}(?:(?P<pre>ce|on|last|next|this|past|previous|following|coming|upcoming)\s+)?(?P<wd>{wd}){e}"
        rf"(?:\s+(?P<rel>dernier|prochain|passé){e})?",
        weekday_alone,
        lambda m: True,
    )

    # vendredi 23, Friday the 26th: the nearest month where that day is that weekday
    def weekday_day(m: re.Match[str], ref: date | None, lx: _Lexicon) -> _Resolved | None:
        weekday = lx.weekdays[m["wd"].lower()]
        d = _day_of(m["day"])
        if d is None:
            return None
        if ref is None:
            return _UNRESOLVED
        best: tuple[int, date] | None = None
        for shift in range(-14, 15):
            index = ref.year * 12 + ref.month - 1 + shift
            found = _safe_date(index // 12, index % 12 + 1, d)
            if found and found.weekday() == weekday:
                key = _weighted_distance(found, ref)
                if best is None or key < best[0]:
                    best = (key, found)
        return _day_value(best[1]) if best else None

    add(
        "weekday_day",
        rf"{b}(?P<wd>{wd})\s*,?\s+(?:(?:the|le)\s+)?(?P<day>{day})(?![\w:./-]|\s*(?:h\b|h\d|%))",
        weekday_day,
        lambda m: True,
    )

    # la semaine dernière, cette semaine, le mois dernier, l'an dernier, last week, this year
    def relative_period(m: re.Match[str], ref: date | None, lx: _Lexicon) -> _Resolved | None:
        qualifier = (m["q1"] or m["q2"] or "").lower()
        if not qualifier and "-ci" not in m.group(0):
            return None  # "la semaine", "le mois" alone are no dates
        if ref is None:
            return _UNRESOLVED
        unit = m["unit"].lower()
        shift = -1 if qualifier in _PAST_WORDS else 1 if qualifier in _FUTURE_WORDS else 0
        if unit in ("semaine", "week"):
            monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=shift)
            return _days_period(monday, monday + timedelta(days=6))
        if unit in ("week-end", "weekend"):
            # the weekend just past (to Tuesday) or this one; "dernier" the one before
            # publication's week, "prochain" the first one after publication
            last_saturday = ref - timedelta(days=(ref.weekday() - 5) % 7)
            if shift > 0:
                saturday = last_saturday + timedelta(weeks=1)
            elif shift < 0:
                saturday = last_saturday if ref.weekday() < 5 else last_saturday - timedelta(weeks=1)
            else:
                saturday = (
                    last_saturday
                    if ref.weekday() >= 5 or ref.weekday() <= 1
                    else last_saturday + timedelta(weeks=1)
                )
            return _days_period(saturday, saturday + timedelta(days=1))
        if unit in ("mois", "month"):
            index = ref.year * 12 + ref.month - 1 + shift
            return _month_value(index // 12, index % 12 + 1)
        return _year_value(ref.year + shift)

    add(
        "relative_period",
        rf"{b}(?:(?P<q1>ce|cet|cette|this|last|next|past)\s+|(?:la|le|l{_APOS})\s*)"
        rf"(?P<unit>semaine|week-end|weekend|week|mois|month|année|annee|an|year)"
        rf"(?:-ci|\s+(?P<q2>dernière|derniere|dernier|passée|passé|prochaine|prochain))?{e}(?!\s+(?:of|de|d{_APOS})\s)",
        relative_period,
        lambda m: True,
    )

    # il y a trois jours, two weeks ago
    def ago(m: re.Match[str], ref: date | None, lx: _Lexicon) -> _Resolved | None:
        amount_word = (m["n1"] or m["n2"] or m["n3"]).lower()
        amount = int(amount_word) if amount_word.isdigit() else _SMALL_NUMBERS.get(amount_word)
        if amount is None:
            return None
        if ref is None:
            return _UNRESOLVED
        unit = (m["u1"] or m["u2"] or m["u3"]).lower()
        sign = 1 if m["n3"] else -1  # "dans trois jours" / "in 3 days" look ahead
        if unit.startswith(("jour", "day")):
            return _day_value(ref + timedelta(days=sign * amount))
        if unit.startswith(("semaine", "week")):
            return _day_value(ref + timedelta(weeks=sign * amount))
        if unit.startswith(("mois", "month")):
            index = ref.year * 12 + ref.month - 1 + sign * amount
            return _month_value(index // 12, index % 12 + 1)
        return _year_value(ref.year + sign * amount)

    numbers = _alternation(list(_SMALL_NUMBERS))
    add(
        "ago",
        rf"{b}il\s+y\s*a\s+(?P<n1>\d{{1,3}}|{numbers})\s+(?P<u1>jours?|semaines?|mois|ans?|années?){e}"
        rf"|{b}(?P<n2>\d{{1,3}}|{numbers})\s+(?P<u2>days?|weeks?|months?|years?)\s+ago{e}"
        rf"|{b}dans\s+(?P<n3>\d{{1,3}}|{numbers})\s+(?P<u3>jours?|semaines?|mois|ans?|années?|days?|weeks?|months?|years?){e}"
        rf"(?!\s+(?:de|d{_APOS}|of|after|before|from|avant|après)\s)",
        ago,
        lambda m: True,
    )

    # les années 1990, les années 90, the 1990s, the '90s; not a style or era a thing is in
    # ('a 1950s-style office building'): no event of a story happens then; nor an age ('the
    # victim, who was in her 60s', 'in their early 20s': a person's possessive before it)
    def decade(m: re.Match[str], ref: date | None, lx: _Lexicon) -> _Resolved | None:
        digits = m["d1"] or m["d2"]
        if len(digits) == 2 and _AGE_DECADE_BEFORE.search(m.string, max(0, m.start() - 30), m.start()):
            return None
        start = (
            int(digits)
            if len(digits) == 4
            else (1900 + int(digits) if int(digits) >= 30 else 2000 + int(digits))
        )
        if start % 10:
            return None
        return _period(_year_value(start), _year_value(start + 9))

    add(
        "decade",
        rf"{b}(?:les\s+)?années\s+(?P<d1>(?:19|20)\d0|\d0){e}|{b}(?:the\s+)?{_APOS}?(?P<d2>(?:19|20)\d0|\d0)s{e}(?!\s*-\s*\w)",
        decade,
        lambda m: False,
    )

    # earlier this month, later this year, plus tôt cette semaine, plus tard cette année
    def part_of_period(m: re.Match[str], ref: date | None, lx: _Lexicon) -> _Resolved | None:
        if ref is None:
            return _UNRESOLVED
        unit = m["unit"].lower()
        if unit in ("semaine", "week"):
            first, last = ref - timedelta(days=ref.weekday()), ref + timedelta(days=6 - ref.weekday())
        elif unit in ("mois", "month"):
            first, last = ref.replace(day=1), _month_end(ref.year, ref.month)
        else:
            first, last = date(ref.year, 1, 1), date(ref.year, 12, 31)
        if m["when"].lower() in ("earlier", "plus tôt"):
            last = ref - timedelta(days=1)
        else:
            first = ref + timedelta(days=1)
        return _days_period(first, last) if first <= last else None

    add(
        "part_of_period",
        rf"{b}(?P<when>earlier|later|plus\s+tôt|plus\s+tard)\s+(?:this|in\s+the|cette|ce|dans\s+l{_APOS}|dans\s+la|dans\s+le)\s*"
        rf"(?P<unit>week|month|year|semaine|mois|année){e}(?:-ci)?",
        part_of_period,
        lambda m: True,
    )

    # le 17/11, du 22/04 (day/month without a year: only after a word that makes it a date)
    def numeric_day_month(m: re.Match[str], ref: date | None, lx: _Lexicon) -> _Resolved | None:
        first, second = int(m["a"]), int(m["b"])
        day_first = lex is not _EN_LEXICON or first > 12
        d, mo = (first, second) if day_first else (second, first)
        if not (1 <= mo <= 12):
            return None
        return _resolve_day_month(d, mo, None, None, None, ref)

    add(
        "numeric_day_month",
        r"(?<![\w/.,-])(?:le|du|au|on|since|depuis)\s+(?P<a>[0-3]?\d)/(?P<b>[01]?\d)(?![\d/]|[.,]\d)",
        numeric_day_month,
        lambda m: True,
    )
    return rules


_FR_LEXICON = _lexicon("fr")
_EN_LEXICON = _lexicon("en")
_ANY_LEXICON = _lexicon("und")
_DIGITS_LEXICON = _Lexicon({}, {}, month=r"(?!)", weekday=r"(?!)", words=False)
# what a page in another language (German, Spanish...) is read for: dates written in digits
_DIGIT_RULES = frozenset({"iso", "numeric"})
_RULES: dict[int, list[_Rule]] = {}


def _rules_for(lex: _Lexicon) -> list[_Rule]:
    key = id(lex)
    if key not in _RULES:
        rules = _build_rules(lex)
        _RULES[key] = rules if lex.words else [r for r in rules if r.name in _DIGIT_RULES]
    return _RULES[key]


def _lexicon_for(language: str) -> _Lexicon:
    """French or English words for a page in that language; both for a page whose language could
    not be told ("und"); for a page in any other language, digits only: "hier" is German for
    "here", "mars" and "mai" are words in many languages."""
    tag = (language or "").lower()
    if tag[:2] == "fr":
        return _FR_LEXICON
    if tag[:2] == "en":
        return _EN_LEXICON
    return _ANY_LEXICON if tag in ("", "und") else _DIGITS_LEXICON


# --------------------------------------------------------------------------------------------
# extraction
# --------------------------------------------------------------------------------------------

# "à un an de la présidentielle", "24 heures", "deux semaines": durations and countdowns
_NOT_A_DATE = re.compile(r"^(?:à|a)\s+un\s+an\b", re.IGNORECASE)


# what may not come right before a rule's match: "chaque lundi" is a habit, "two days after
# today" a computation these patterns do not make
_REJECT_BEFORE: dict[str, re.Pattern[str]] = {
    "weekday": re.compile(r"(?:chaque|tous\s+les|every|each|other)\s+$", re.IGNORECASE),
}
_REJECT_OFFSET = re.compile(
    r"(?:days?|weeks?|months?|years?|jours?|semaines?|mois|ans)\s+(?:after|before|from|après|avant)\s+(?:le\s+|the\s+)?$",
    re.IGNORECASE,
)


_ANCHOR_WORDS = (
    r"hier|demain|aujourd|yesterday|today|tonight|tomorrow|semaines?|week-end|weekend|weeks?|mois|months?|"
    r"années?|annee|ans?|years?|jours?|days?|ago|night"
)
_ANCHORS: dict[int, re.Pattern[str]] = {}
_WINDOW = 60  # characters around an anchor that a date expression may span


def _segments(text: str, lex: _Lexicon) -> list[tuple[int, int]]:
    """Stretches of `text` around digits, month and day names and relative words: the only
    places a date can be. Scanning them instead of the whole text makes long pages cheap."""
    key = id(lex)
    if key not in _ANCHORS:
        _ANCHORS[key] = re.compile(
            rf"\d|(?<![\w])(?:{lex.month}|{lex.weekday}|{_ANCHOR_WORDS})(?![\w])", re.IGNORECASE
        )
    segments: list[tuple[int, int]] = []
    for match in _ANCHORS[key].finditer(text):
        start, end = max(0, match.start() - _WINDOW), min(len(text), match.end() + _WINDOW)
        if segments and start <= segments[-1][1]:
            segments[-1] = (segments[-1][0], end)
        else:
            segments.append((start, end))
    return segments


# rules whose dates are periods a figure may be stated for: "en janvier", "in April 2013", "2007-2009"
_PERIOD_RULES = frozenset({"month_alone", "month_year", "month_range", "year_range"})


def _candidates(text: str, ref: date | None, lex: _Lexicon) -> Iterator[_Candidate]:
    segments = _segments(text, lex)
    for rule in _rules_for(lex):
        reject = _REJECT_BEFORE.get(rule.name)
        matches = (
            m for seg_start, seg_end in segments for m in rule.pattern.finditer(text, seg_start, seg_end)
        )
        for match in matches:
            before = text[max(0, match.start() - 40) : match.start()]
            if (reject is not None and reject.search(before)) or _REJECT_OFFSET.search(before):
                continue
            resolved = rule.resolve(match, ref, lex)
            if resolved is None:
                continue
            start, end = match.span()
            # trailing spaces a pattern may have eaten stay out of the mention
            while end > start and text[end - 1].isspace():
                end -= 1
            yield _Candidate(
                start, end, resolved, rule.relative(match), rule.name in _PERIOD_RULES, rule.name
            )


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Longest non-overlapping candidates, in text order."""
    chosen: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
        if any(cand.start < e and s < cand.end for s, e in taken):
            continue
        chosen.append(cand)
        taken.append((cand.start, cand.end))
    return sorted(chosen, key=lambda c: c.start)


def _strip_article(text: str, start: int, end: int, lex: _Lexicon) -> int:
    """Leave a leading article or plain preposition out of a mention of a named day or month
    ("le 14 décembre 2021" -> "14 décembre 2021", "en août" -> "août", "on Sunday").

    Words that change the meaning stay: "ce jeudi", "depuis 2014", "la semaine dernière".
    """
    match = re.match(r"(?:le|the|on|en|in)\s+", text[start:end], re.IGNORECASE)
    if match is None:
        return start
    rest = text[start + match.end() : end]
    named = re.match(rf"(?:\d|{lex.month}|{lex.weekday})", rest, re.IGNORECASE)
    return start + match.end() if named else start


def find_date_spans(text: str, language: str) -> list[tuple[int, int]]:
    """Spans of the date expressions in `text`, resolved or not (for other extractors to skip)."""
    return [(start, end) for start, end, _ in find_dates_with_kind(text, language)]


def find_dates_with_kind(text: str, language: str) -> list[tuple[int, int, bool]]:
    """(start, end, period) of the date expressions in `text`: `period` when the date is a month
    or a span of months or years ("en janvier", "in April", "de 2007 à 2009"), a period a figure
    can be stated for; not a day ("le 22 octobre", "lundi": when something happened or was said)."""
    lex = _lexicon_for(language)
    ref = date(2000, 1, 1)  # any reference: only the spans matter here
    return [(c.start, c.end, c.period) for c in _select(list(_candidates(text, ref, lex)))]


def extract_dates(text: str, published: str | None, language: str, sdoc: Doc | None = None) -> list[Mention]:
    """Date mentions of `text`, resolved against `published` (ISO 8601) when relative.

    `sdoc` is accepted for a uniform signature with the other extractors and not used: the
    packaged spaCy models tag no dates in French.
    """
    del sdoc
    ref = parse_published(published)
    lex = _lexicon_for(language)
    mentions: list[Mention] = []
    for cand in _select(list(_candidates(text, ref, lex))):
        if _NOT_A_DATE.match(text[cand.start : cand.end]):
            continue
        resolved = cand.resolved
        if cand.relative and ref is None:
            resolved = _UNRESOLVED
        start = _strip_article(text, cand.start, cand.end, lex)
        mentions.append(
            Mention(
                kind="date",
                text=text[start : cand.end],
                start=start,
                end=cand.end,
                value=resolved.value,
                low=resolved.low,
                high=resolved.high,
            )
        )
    return mentions


# rules reading a day and a month whose year, when not stated, is the reference's
_DAY_MONTH_RULES = frozenset({"day_month", "month_day", "day_range", "month_day_range", "numeric_day_month"})


def resolve_in_year(expression: str, year: int, language: str) -> tuple[str, str, str] | None:
    """(value, low, high) of a day and month stated without a year ('le 28 janvier', 'June 20',
    'du 10 au 12 novembre') read in `year`: how an undated page's days are placed once its story's
    year is known (`recoupe.summarize.build_timeline`). None for anything else: a weekday, 'hier'
    or a month alone need a day to count from, and a stated year needs nothing."""
    lex = _lexicon_for(language)
    chosen = _select(list(_candidates(expression, date(year, 7, 1), lex)))
    if len(chosen) != 1 or chosen[0].rule not in _DAY_MONTH_RULES or not chosen[0].relative:
        return None
    resolved = chosen[0].resolved
    if resolved.value is None or resolved.low is None or resolved.high is None:
        return None
    # the reference picks the nearest year; the story's year is the one meant
    shift = year - int(resolved.low[:4])
    moved = [_shift_years(part, shift) for part in (resolved.value, resolved.low, resolved.high)]
    if any(part is None for part in moved):
        return None  # 29 February in a year without one
    value, low, high = (str(part) for part in moved)
    return value, low, high


def weekday_year(expression: str, around: int, language: str) -> int | None:
    """The year, within two of `around`, in which a weekday stated with a day and a month falls
    on that day ('mercredi 2 juillet' around 2007 -> 2008): how a story of undated pages that
    state their days this way tells its year. None when the expression states no weekday."""
    lex = _lexicon_for(language)
    if not re.search(rf"(?<![\w]){lex.weekday}(?![\w])", expression, re.IGNORECASE):
        return None
    chosen = _select(list(_candidates(expression, date(around, 7, 1), lex)))
    if len(chosen) != 1 or chosen[0].rule not in ("day_month", "month_day") or not chosen[0].relative:
        return None
    value = chosen[0].resolved.value
    return int(value[:4]) if value else None


def _shift_years(iso: str, shift: int) -> str | None:
    """'2008-01-28' or '2008-11-10/2008-11-12' moved by `shift` years."""
    parts = []
    for day in iso.split("/"):
        found = _safe_date(int(day[:4]) + shift, int(day[5:7]), int(day[8:10])) if len(day) == 10 else None
        if found is None:
            return None
        parts.append(found.isoformat())
    return "/".join(parts)


# what a date line holds beside its date: a weekday, a time, a time zone, 'Updated', a dateline city;
# a lowercase word of prose makes it a title ('Attentats du 11 septembre 2001 : dix ans après')
_DATE_LINE_LETTERS = 20
_DATE_LINE_WORDS = frozenset({"updated", "posted", "published", "modified", "publié", "modifié", "jour"})
_DATE_LINE_CHARS = 64


def date_line(text: str, language: str, *, head_lines: int = 5) -> str | None:
    """The day a page dates itself by in its head: a short line that is a full date and little
    else ('Thursday , December 11 , 2008', 'UPDATED 3 : 09 AM EST Dec 19 , 2008', 'WASHINGTON , DC ,
    April 28 , 2009'), among the first `head_lines` lines of text. Pages scraped without their
    metadata keep it in their text; None when there is none."""
    lines = [line.strip() for line in text.split("\n") if line.strip()][:head_lines]
    for line in lines:
        if len(line) > _DATE_LINE_CHARS:
            continue
        days = [
            m for m in extract_dates(line, None, language) if isinstance(m.value, str) and len(m.value) == 10
        ]
        if len(days) != 1:
            continue
        rest = line[: days[0].start] + line[days[0].end :]
        prose = [w for w in re.findall(r"[^\W\d_]{4,}", rest) if w.islower() and w not in _DATE_LINE_WORDS]
        if sum(c.isalpha() for c in rest) <= _DATE_LINE_LETTERS and not prose:
            return str(days[0].value)
    return None


# a day in a page's address: '/2009/11/30/', '/ 2009 / dec / 07 /' (tokenised), '/2008-12-23/',
# '/20070503/'
_URL_DAY = re.compile(
    r"(?<![\d])(?P<y>(?:19|20)\d\d)\s*(?P<sep>[/-])\s*(?P<m>\d{1,2}|[a-z]{3,4})\s*(?P=sep)\s*(?P<d>\d{1,2})(?![\d])"
    r"|/\s*(?P<y8>(?:19|20)\d\d)(?P<m8>[01]\d)(?P<d8>[0-3]\d)\s*/",
    re.IGNORECASE,
)


def url_date(url: str) -> str | None:
    """The day a page's address gives ('http://www.utsandiego.com/news/2009/dec/07/…' ->
    '2009-12-07'), the day news sites file a page under; None when it gives none."""
    if not re.match(r"\s*(?:https?\s*:|www\s*\.)", url, re.IGNORECASE):
        return None
    for match in _URL_DAY.finditer(url):
        year = int(match["y"] or match["y8"])
        month_text = match["m"] or match["m8"]
        month = int(month_text) if month_text.isdigit() else _MONTHS["en"].get(month_text.lower())
        day = int(match["d"] or match["d8"])
        found = _safe_date(year, month, day) if month else None
        if found is not None:
            return found.isoformat()
    return None


def resolve_date_expression(expr: str, published: str | None, language: str) -> str | None:
    """The ISO 8601 value of one date expression ("dimanche 17 novembre" -> "2024-11-17").

    Patterns first; when they read nothing, dateparser (no network, past preferred) with the
    publication date as its base. None when neither can resolve it.
    """
    mentions = [m for m in extract_dates(expr, published, language) if m.value is not None]
    if mentions:
        longest = max(mentions, key=lambda m: m.end - m.start)
        return str(longest.value)
    ref = parse_published(published)
    if ref is None:
        return None
    return _dateparser_day(expr, ref, language)


def _dateparser_day(expr: str, ref: date, language: str) -> str | None:
    from datetime import datetime

    import dateparser

    lang = (language or "").lower()[:2]
    settings = {
        "RELATIVE_BASE": datetime(ref.year, ref.month, ref.day),
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month", "year"],
    }
    parsed = dateparser.parse(
        expr, languages=[lang] if lang in ("fr", "en") else ["fr", "en"], settings=settings
    )
    return parsed.date().isoformat() if parsed is not None else None
