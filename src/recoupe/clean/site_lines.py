"""Whole-corpus pass: short lines that one site prints on several of its pages are its furniture.

A site's menus, footers and notices repeat from page to page while its articles do not, so a short
line found on `min_pages` different articles of one site is furniture there ("Lecture restreinte",
"PARTAGEZ CET ARTICLE", "Le Gorafi a besoin de vous !"). Copies of one article (the same story
captured twice, or republished with an edit) share their headings too: pages that share a long
paragraph, or their whole text, count as one article here.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from recoupe.clean.metadata import bare_domain, url_domain
from recoupe.clean.patterns import match_form
from recoupe.clean.repetition import paragraph_key
from recoupe.clean.units import split_paragraphs
from recoupe.model import Page, SiteStatistics

_DIGITS = re.compile(r"\d+")
# a paragraph this long is article text: two pages sharing one are copies of one article
_SHARED_PASSAGE_CHARS = 200


def line_key(text: str) -> str:
    """A line's identity across pages: folded like a paragraph, numbers made equal."""
    return _DIGITS.sub("0", paragraph_key(text))


def site_key(page: Page) -> str | None:
    """Which site a page comes from: its `site`, else its URL's host, else a bare domain line
    closing its text ("Jforum.fr"). A brand named in a sentence ("... sur Le Monde") is not
    enough: it may be the site or a source it quotes."""
    if page.site:
        return page.site.strip().casefold()
    domain = url_domain(page.url)
    if domain:
        return domain
    for paragraph in reversed(split_paragraphs(page.text)):
        line = match_form(page.text[paragraph.start : paragraph.end])
        if re.search(r"\w", line):
            return bare_domain(line)
    return None


def find_site_furniture(
    pages: Iterable[Page], *, min_pages: int = 2, max_chars: int = 120
) -> dict[str, frozenset[str]]:
    """Per site, the `line_key`s of short lines found on at least `min_pages` distinct articles."""
    return site_statistics(pages, min_pages=min_pages, max_chars=max_chars).furniture


def site_statistics(pages: Iterable[Page], *, min_pages: int = 2, max_chars: int = 120) -> SiteStatistics:
    """The whole-corpus pass, as a picklable record the per-page cleaner takes.

    Streams: of each page it keeps only the hashed keys of its lines (`page_lines`), never its text.
    """
    lines_by_site: defaultdict[str, list[PageLines]] = defaultdict(list)
    count = 0
    for page in pages:
        count += 1
        key = site_key(page)
        if key is not None:
            lines_by_site[key].append(page_lines(page, max_chars=max_chars))
    furniture: dict[str, frozenset[str]] = {}
    for site, site_pages in lines_by_site.items():
        if len(site_pages) < min_pages:
            continue
        lines = furniture_lines(site_pages, min_pages=min_pages)
        if lines:
            furniture[site] = lines
    return SiteStatistics(furniture=furniture, pages=count, min_pages=min_pages, max_chars=max_chars)


@dataclass(frozen=True, slots=True)
class PageLines:
    """What the line pass keeps of one page: its short lines' keys, and hashes of its long
    paragraphs and whole text (pages sharing one are copies of one article)."""

    short: frozenset[str]
    long: frozenset[str]


def page_lines(page: Page, *, max_chars: int = 120) -> PageLines:
    short: set[str] = set()
    long: set[str] = {_digest(paragraph_key(page.text))}
    for paragraph in split_paragraphs(page.text):
        line = match_form(page.text[paragraph.start : paragraph.end])
        key = line_key(line)
        if not key:
            continue
        if len(line) <= max_chars:
            short.add(key)
        elif len(line) >= _SHARED_PASSAGE_CHARS:
            long.add(_digest(key))
    return PageLines(frozenset(short), frozenset(long))


def _digest(key: str) -> str:
    return hashlib.sha1(key.encode()).hexdigest()


def furniture_lines(pages: Sequence[PageLines], *, min_pages: int = 2) -> frozenset[str]:
    """The short lines of one site's pages found on at least `min_pages` distinct articles."""
    article_of = _articles([page.long for page in pages])
    articles_by_line: defaultdict[str, set[int]] = defaultdict(set)
    for index, page in enumerate(pages):
        for key in page.short:
            articles_by_line[key].add(article_of[index])
    return frozenset(key for key, articles in articles_by_line.items() if len(articles) >= min_pages)


def _articles(long_lines: Sequence[frozenset[str]]) -> list[int]:
    """Group pages that share a long paragraph (union-find); each page's group number."""
    parent = list(range(len(long_lines)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    first_page: dict[str, int] = {}
    for index, lines in enumerate(long_lines):
        for key in lines:
            if key in first_page:
                parent[root(index)] = root(first_page[key])
            else:
                first_page[key] = index
    return [root(index) for index in range(len(long_lines))]
