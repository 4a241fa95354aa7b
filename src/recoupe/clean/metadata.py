"""Metadata lines: bylines, datelines, the site's own name, and the dates they hold.

Each function looks at one paragraph (in `patterns.match_form`) and says whether it is such a line
and what it tells: the author's name, the publication date in ISO 8601, the site's domain.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
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
    NO_AUTHOR,
    REPORTING_CREDIT,
    SECTION_NAMES,
    SITE_ARTICLES,
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


# a separator between a headline and the site's name, section or date in a page title: a bar with
# or without spaces, a spaced dash, a middle dot or a double colon ("Losing face: 6,000 masks"
# keeps its colon, "Guinée-Conakry" its hyphen)
_TITLE_SEPARATOR = re.compile(r"\s*\|\s*|\s+[-–—·•]\s+|\s+::\s+")
_TITLE_DATE = re.compile(r"^[\d\s./-]+$")
_TITLE_MIN_WORDS = 2  # what is left must still read as a headline


def _name_key(text: str) -> str:
    """'The Japan Times' -> 'japantimes', 'DW.COM' -> 'dwcom': letters and digits, folded,
    without a leading article."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    key = "".join(c for c in folded if c.isalnum())
    for article in SITE_ARTICLES:
        if text.casefold().startswith(article + " ") and key.startswith(article):
            return key[len(article) :]
    return key


def _names_of(site: str | None, author: str | None, url: str | None) -> set[str]:
    """Keys of what a title may append to its headline: the site's name (with and without its
    domain's last label: 'Gala.fr', 'gala'), the address's host name ('japantimes' of
    www.japantimes.co.jp) and each author ('Steven X; STEVEN X')."""
    names: set[str] = set()
    for value in (site, url_domain(url)):
        if not value:
            continue
        names.add(_name_key(value))
        if re.fullmatch(r"[\w.-]+\.[a-z]{2,}", value, re.I):  # a domain: its first distinctive label
            labels = value.casefold().removeprefix("www.").split(".")
            names.add(_name_key(labels[0]))
    for name in (author or "").split(";"):
        names.add(_name_key(name))
    names.discard("")
    return names


def title_without_site(
    title: str | None, *, site: str | None, author: str | None, url: str | None
) -> str | None:
    """The headline of a page title without what the site adds around it: its own name ('… | The
    Japan Times', '… - AOC media - Analyse Opinion Critique'), the author's ('… | Eleanor Ainge
    Roy'), a date ('… | DW | 23.05.2011') and a section name before a bar ('Opinion | …'). A
    separator inside the headline stays ('DEA Officials Arrest BVI Premier On Drug Charges -
    Territory's Governor Calls For Calm - St. Lucia Times News' keeps its first dash)."""
    if not title:
        return title
    names = _names_of(site, author, url)
    headline = title
    if site:  # a site name that holds a separator itself
        match = re.search(rf"(?:{_TITLE_SEPARATOR.pattern}){re.escape(site)}\s*$", headline, re.I)
        if match and len(headline[: match.start()].split()) >= _TITLE_MIN_WORDS:
            headline = headline[: match.start()]
    while True:
        pieces = _TITLE_SEPARATOR.split(headline)
        separators = _TITLE_SEPARATOR.findall(headline)
        if len(pieces) < 2:
            break
        last, first = pieces[-1].strip(), pieces[0].strip()
        if (_name_key(last) in names or _TITLE_DATE.match(last)) and _enough(
            headline, separators[-1], last=True
        ):
            headline = headline[: headline.rfind(separators[-1] + pieces[-1])]
        elif (
            _name_key(first) in names or ("|" in separators[0] and first.casefold() in SECTION_NAMES)
        ) and _enough(headline, separators[0], last=False):
            headline = headline[len(pieces[0]) + len(separators[0]) :]
        else:
            break
    return headline.strip() or title


def _enough(headline: str, separator: str, *, last: bool) -> bool:
    kept = headline.rpartition(separator)[0] if last else headline.partition(separator)[2]
    return len(kept.split()) >= _TITLE_MIN_WORDS


# what an author field from a page's markup runs into after the names: a dateline word ('Detroit News
# wire services Published'); not a month, which a surname may be ('Theresa May')
_AUTHOR_TAIL = re.compile(rf"(?:\s+{DATELINE_LEAD})+\.?$", re.I)


def clean_author(author: str | None) -> str | None:
    """The names of an author field, as extractors read them off the markup: without a byline lead
    ('Par Attac France', 'Auteur Anna Kubišta'), a trailing dateline word, a name said twice
    ('Steven Davidoff Solomon; STEVEN DAVIDOFF SOLOMON'), a staff label beside a name ('Paul
    Takahashi; Staff writer') or a field that names nobody ('No Author')."""
    if not author:
        return author
    names: list[str] = []
    for part in author.split(";"):
        name = " ".join(part.split())
        lead = BYLINE_LEAD.match(name)
        if lead is not None and lead.end() < len(name):
            name = name[lead.end() :]
        name = _AUTHOR_TAIL.sub("", name).strip(" ,|·•–—-")
        if name and not NO_AUTHOR.match(name) and name.casefold() not in {n.casefold() for n in names}:
            names.append(name)
    people = [name for name in names if not GENERIC_AUTHOR.match(name)]
    return "; ".join(people or names) or None
