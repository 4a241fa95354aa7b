"""Metadata lines: bylines, datelines, the site's own name, and the dates they hold.

Each function looks at one paragraph (in `patterns.match_form`) and says whether it is such a line
and what it tells: the author's name, the publication date in ISO 8601, the site's domain.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from recoupe.clean.patterns import (
    BARE_DATE,
    BARE_DOMAIN,
    BYLINE_LEAD,
    BYLINE_WORDS,
    DATELINE,
    DATELINE_LEAD,
    DATELINE_ON,
    DAY_SUFFIX,
    GENERIC_AUTHOR,
    MONTH,
    REPORTING_CREDIT,
    UPDATE_MARK,
    month_numbers,
)

_MONTH_NUMBERS = month_numbers()  # from lang/<code>/furniture.toml
_DAY_MONTH_YEAR = re.compile(rf"(?<!\d)(\d{{1,2}}){DAY_SUFFIX}?\s+({MONTH}),?\s+(\d{{4}})", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b({MONTH})\s+(\d{{1,2}}){DAY_SUFFIX}?,?\s+(\d{{4}})", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")
_NUMERIC = re.compile(r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?![\d/.])")
_TIME = re.compile(r"(?<![\d:])(\d{1,2})\s?(?:[h:]\s?(\d{2})|(?=\s?[ap]\.?m\b))(?:\s?([ap])\.?m\.?)?", re.I)
# what comes after these words is a later date, not the publication's
_UPDATE_MARK = re.compile(rf"\b{UPDATE_MARK}\b", re.I)
_BYLINE_TRAILER_CUT = re.compile(rf"\s*(?:[|·•–—]|\s-\s|\b{DATELINE_LEAD}\b|\b{DATELINE_ON}\s+\d)", re.I)


def _month_number(word: str) -> int | None:
    folded = word.casefold().rstrip(".")
    for prefix, number in _MONTH_NUMBERS:
        if folded.startswith(prefix):
            return number
    return None


def _valid(year: int, month: int, day: int) -> bool:
    """A calendar date that exists ("31/02/2024" does not), in a plausible range."""
    if not 1900 <= year <= 2100:
        return False
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _dates(text: str, language: str | None) -> Iterator[tuple[int, int, int, int]]:
    """Every well-formed calendar date in `text`: (position, year, month, day)."""
    for match in _DAY_MONTH_YEAR.finditer(text):
        month = _month_number(match.group(2))
        if month:
            yield match.start(), int(match.group(3)), month, int(match.group(1))
    for match in _MONTH_DAY_YEAR.finditer(text):
        month = _month_number(match.group(1))
        if month:
            yield match.start(), int(match.group(3)), month, int(match.group(2))
    for match in _ISO.finditer(text):
        yield match.start(), int(match.group(1)), int(match.group(2)), int(match.group(3))
    for match in _NUMERIC.finditer(text):
        first, second, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        month_first = second > 12 or (first <= 12 and language == "en")
        month, day = (first, second) if month_first else (second, first)
        yield match.start(), year, month, day


def parse_date(text: str, *, language: str | None = None) -> str | None:
    """The first full calendar date in `text`, as ISO 'YYYY-MM-DD', with 'THH:MM' when a time
    of day stands in the same text. Numeric dates are read day first unless the text is English
    and the order is ambiguous. Time zones are dropped: the clock time is kept as printed."""
    valid = [found for found in _dates(text, language) if _valid(*found[1:])]
    if not valid:
        return None
    _, year, month, day = min(valid)
    date = f"{year:04d}-{month:02d}-{day:02d}"
    clock = _clock_time(text)
    return f"{date}T{clock}" if clock else date


def _clock_time(text: str) -> str | None:
    # dates hold digits too: look at the text with its dates blanked out
    blanked = _ISO.sub(" ", _NUMERIC.sub(" ", _DAY_MONTH_YEAR.sub(" ", _MONTH_DAY_YEAR.sub(" ", text))))
    for match in _TIME.finditer(blanked):
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        meridiem = (match.group(3) or "").casefold()
        if match.group(2) is None and not meridiem:
            continue
        if meridiem == "p" and hour < 12:
            hour += 12
        elif meridiem == "a" and hour == 12:
            hour = 0
        if hour <= 23 and minute <= 59:
            return f"{hour:02d}:{minute:02d}"
    return None


@dataclass(frozen=True, slots=True)
class Dateline:
    published: str | None  # ISO date of publication, None when the line only gives an update


def parse_dateline(text: str, *, language: str | None = None, anywhere: bool = True) -> Dateline | None:
    """A line that dates the article: 'Publié le 18 novembre 2024 à 01h58, modifié le ...',
    'Published 3:04 PM EST, Sun November 17, 2024'. With `anywhere` False, a bare date line
    ('18 novembre 2024', 'November 17, 2024 10:32') counts too (callers allow it at the page's
    head and tail only, where it dates the page; inside the body it may be a timeline entry)."""
    if len(text) > 200:
        return None
    if DATELINE.match(text):
        if _UPDATE_MARK.match(text.lstrip(" ,|·•-")):
            return Dateline(None)  # the line gives only an update time
        publication = _UPDATE_MARK.split(text, maxsplit=1)[0]
        return Dateline(parse_date(publication, language=language))
    if not anywhere and BARE_DATE.match(text):
        return Dateline(parse_date(text, language=language))
    return None


@dataclass(frozen=True, slots=True)
class Byline:
    author: str | None
    dateline: Dateline | None = None


def _is_name_token(token: str) -> bool:
    return token[:1].isupper() or token.casefold() in BYLINE_WORDS or token.startswith("(")


def parse_byline(text: str, *, language: str | None = None) -> Byline | None:
    """'Par Jean Dupont', 'By Jane Doe, Reuters', 'Par  (Washington, correspondant)',
    ', By La rédaction Posted On 05 avr 2013', '(Reporting by ...; Editing by ...)'.

    The name must look like one (capitalised words and particles): 'Par ailleurs, ...' and
    'By then, he had left.' are sentences. A bare speaker line after a quote ('Lloyd Austin,
    secrétaire américain à la Défense') has no byline lead and is left alone.
    """
    if len(text) > 160:
        return None
    if GENERIC_AUTHOR.match(text):
        return Byline(text.rstrip("."))
    if REPORTING_CREDIT.match(text):
        return Byline(None)
    lead = BYLINE_LEAD.match(text)
    if lead is None:
        return None
    rest = text[lead.end() :]
    dateline = None
    cut = _BYLINE_TRAILER_CUT.search(rest)
    if cut is not None:
        tail = rest[cut.start() :].strip(" |·•–—-")
        dateline = parse_dateline(tail, language=language, anywhere=False)
        if dateline is None:
            return None
        rest = rest[: cut.start()]
    rest = rest.strip()
    if not rest or (re.search(r"[.!?:;]$", rest) and not re.search(r"\b[A-Z]\.$", rest)):
        return None
    name, _, trailer = rest.replace("(", ",", 1).partition(",")
    name = name.strip()
    name_tokens = name.split()
    if len(name_tokens) > 6 or len(trailer.split()) > 10:
        return None
    if not all(_is_name_token(token) for token in name_tokens):
        return None
    if not name_tokens and not rest.startswith("("):
        return None
    author = name if any(token[:1].isupper() for token in name_tokens) else None
    return Byline(author, dateline)


def bare_domain(text: str) -> str | None:
    """'Jforum.fr' -> 'jforum.fr': a line that is nothing but a domain name."""
    match = BARE_DOMAIN.match(text.strip())
    if match is None or not re.search(r"[a-z]", match.group(1).rsplit(".", 1)[0], re.I):
        return None
    return match.group(1).casefold()


def url_domain(url: str | None) -> str | None:
    """The host of a URL without 'www.', lower-cased; None when there is none."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:  # "http://[broken/x": not a URL we can read a host from
        return None
    if not host:
        return None
    return host.removeprefix("www.")
