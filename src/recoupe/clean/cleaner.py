"""Page -> Document: the article's own text, every removed span with its reason, and metadata.

The passes, in order, over the page's paragraphs (`units.split_paragraphs`):

1. inline: shortcodes, image residue, markup, parenthesised credits and sponsor sentences are cut
   out of paragraphs; a paragraph left with no letter or digit goes whole (markup residue).
2. families: whole paragraphs matching a furniture family (`patterns.LINE_RULES`), bylines and
   datelines, wherever they stand.
3. site name: a bare domain closing the page ("Jforum.fr") goes and names the site.
4. site furniture: lines the whole-run pass found on several articles of the page's site.
5. paywall tail: after a notice that the rest is for subscribers, what addresses the reader,
   asks questions, lists bullets or is short goes; long third-person prose stays (some captures
   hold the full text behind the notice).
6. zones: breadcrumbs and bare dates at the head, author bios and bare dates at the tail.
7. repetition (`repetition.find_repeats`).
8. title: when the page has no title, a first paragraph that reads as a headline becomes the
   title; when it has one, a first paragraph repeating it goes. Either way the title is removed
   from the text (reason "title"), so the text is the body and its offsets stay body offsets.

The clean text joins the kept paragraphs with one blank line. A sentence glued to the previous
one by a lost space ("l'Ukraine.Il a été") gets its space back in the clean text; that insertion
is not a removal and has no record (removal offsets refer to the page text, not the clean text).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import ClassVar

from recoupe.clean.metadata import (
    bare_domain,
    clean_author,
    parse_byline,
    parse_dateline,
    title_without_site,
    url_domain,
)
from recoupe.clean.patterns import (
    ACCESS_WORD,
    AFTER_PAYWALL_CUT,
    HIDDEN_SHARE,
    INLINE_RULES,
    LINE_RULES,
    NOTICE_BRAND,
    PAYWALL_CUT,
    READER_ADDRESS,
    RESTRICTION_RULES,
    RIGHTS_OWNER,
    SHARE_BAR_RULE_NAME,
    SUBSCRIPTION_WORD,
    LineRule,
    is_breadcrumb,
    is_closing_tag_line,
    is_share_bar,
    match_form,
)
from recoupe.clean.repetition import find_repeats, find_sentence_loops, paragraph_key
from recoupe.clean.site_lines import line_key, site_key, site_statistics
from recoupe.clean.units import Cut, Paragraph, split_paragraphs
from recoupe.model import CleanStats, Document, Page, Removal, SiteStatistics, document_id
from recoupe.stage import Stage, register

# how many kept paragraphs make the page's head and tail, where zone rules apply
HEAD_PARAGRAPHS = 5
TAIL_PARAGRAPHS = 2
_PAYWALL_CUT_MAX_CHARS = 300  # a notice is short; a long paragraph saying "subscribers" is text
# after a paywall cut: paragraphs up to this length that talk to the reader are furniture ...
_PAYWALL_TAIL_ADDRESS_CHARS = 300
# ... and so is any paragraph up to this length
_PAYWALL_TAIL_SHORT_CHARS = 60
# ... and a longer sales pitch that talks to the reader about subscribing or access
_PAYWALL_TAIL_PITCH_CHARS = 600
_HEADLINE_MAX_CHARS = 200
_HEADLINE_MAX_WORDS = 30
_GLUED_SENTENCE = re.compile(r"(?<=[a-zß-ÿ]{2}[.!?])(?=[A-ZÀ-ÖØ-Þ][a-zß-ÿ])")
_META_SEPARATOR = re.compile(r"\s[|·•]\s")
_META_LINE_MAX_CHARS = 200
_BRAND_MAX_WORDS = 3
_BULLET = re.compile(r"^[•·▪◦*‣–—-]\s")
# quoted speech (not an empty « » left by a button)
_QUOTED = re.compile(r"[«“\"][^«»“”\"]{12,}[»”\"]")
# a paragraph a speaker line could follow: quotation marks or first-person speech
_SPEECH_LIKE = re.compile(r"[«“\"]|(?i:\b(?:je|j['’]|nous|notre|nos|we|our|my)\b)|\bI\b")


@dataclass(frozen=True, slots=True)
class CleanOptions:
    """The cleaner's settings; a bad value fails at once with what is allowed."""

    min_site_repeat: int = 2  # articles of one site a line must appear on to be its furniture
    max_furniture_chars: int = 120  # longest line the whole-run pass may call furniture
    min_repeat_chars: int = 100  # a lone repeated paragraph this long goes as repetition
    near_repeat_ratio: float = 0.9  # share of words in order that makes a near copy

    def __post_init__(self) -> None:
        if not isinstance(self.min_site_repeat, int) or self.min_site_repeat < 2:
            raise ValueError(f"min_site_repeat must be an integer >= 2, got {self.min_site_repeat!r}")
        if not isinstance(self.max_furniture_chars, int) or self.max_furniture_chars < 1:
            raise ValueError(f"max_furniture_chars must be an integer >= 1, got {self.max_furniture_chars!r}")
        if not isinstance(self.min_repeat_chars, int) or self.min_repeat_chars < 1:
            raise ValueError(f"min_repeat_chars must be an integer >= 1, got {self.min_repeat_chars!r}")
        ratio = self.near_repeat_ratio
        if not isinstance(ratio, int | float) or not 0.5 <= ratio <= 1.0:
            raise ValueError(f"near_repeat_ratio must be a number in [0.5, 1.0], got {ratio!r}")


DEFAULT_OPTIONS = CleanOptions()


@dataclass(slots=True)
class _Verdict:
    reason: str
    rule: str


@dataclass(slots=True)
class _Found:
    """Metadata the passes read off the removed lines."""

    author: str | None = None
    published: str | None = None
    site: str | None = None
    title: str | None = None
    hidden_share: float | None = None  # share of the article the paywall notice says is hidden


def clean_page(
    page: Page, *, site_furniture: frozenset[str] = frozenset(), options: CleanOptions = DEFAULT_OPTIONS
) -> Document:
    """Clean one page; `site_furniture` holds the `line_key`s the whole-run pass found for its site."""
    text = page.text
    paragraphs = split_paragraphs(text)
    forms = [match_form(text[p.start : p.end]) for p in paragraphs]
    verdicts: list[_Verdict | None] = [None] * len(paragraphs)
    found = _Found()
    language = page.language

    # 1-2: inline cuts and whole-paragraph families
    for index, paragraph in enumerate(paragraphs):
        _cut_inline(text, paragraph)
        if paragraph.cuts:
            forms[index] = match_form(paragraph.kept_text(text))
        if not re.search(r"\w", forms[index]):
            # a row of a text table ("|---|---|", "% |") is structure; leftovers of a cut are not
            if paragraph.cuts or "|" not in forms[index]:
                reason = paragraph.cuts[0].reason if paragraph.cuts else "markup"
                verdicts[index] = _Verdict(reason, "residue")
            continue
        verdicts[index] = _family(forms[index], found, language)

    # 3: a bare domain closing the page is the site's name
    kept = _kept(verdicts)
    if kept:
        found.site = bare_domain(forms[kept[-1]])
        if found.site is not None:
            verdicts[kept[-1]] = _Verdict("site_name", "trailing_domain")

    # 3b: a bare name standing alone after the last sentence is a tag line ("Joe Biden"); after
    # speech it would be the speaker's attribution, which is content (see `is_closing_tag_line`)
    kept = _kept(verdicts)
    if (
        len(kept) >= 2
        and is_closing_tag_line(forms[kept[-1]], forms[kept[-2]])
        and not _SPEECH_LIKE.search(forms[kept[-2]])
    ):
        verdicts[kept[-1]] = _Verdict("navigation", "trailing_tags")

    # 4: the site's furniture, found over the whole run
    if site_furniture:
        for index in _kept(verdicts):
            if line_key(forms[index]) in site_furniture:
                verdicts[index] = _Verdict("site_furniture", "site_lines")

    # 5: after a paywall cut
    _paywall_tail(forms, verdicts)

    # 6: head and tail zones
    _zones(forms, verdicts, found, language)

    # 7: repetition, of sentences inside one paragraph, then of whole paragraphs
    sentences_repeated = _cut_sentence_loops(text, paragraphs, forms, verdicts)
    kept = _kept(verdicts)
    kept_texts = [forms[i] for i in kept]
    repeats = find_repeats(
        kept_texts, min_chars=options.min_repeat_chars, near_ratio=options.near_repeat_ratio
    )
    for position in repeats:
        verdicts[kept[position]] = _Verdict("repetition", "repeated_paragraph")

    # 8: title
    _title(page, paragraphs, forms, verdicts, found)

    paywall_forms = (
        form for form, v in zip(forms, verdicts, strict=True) if v is not None and v.reason == "paywall"
    )
    # the HTML reader may have dropped the notice that cuts the article ('To Read the Full Story',
    # in the page's navigation): the article is cut all the same
    dropped_cuts = _dropped_paywall_cuts(page.removed)
    found.hidden_share = next(filter(None, map(_hidden_share, [*paywall_forms, *dropped_cuts])), None)

    if found.site is None:
        owners = (
            RIGHTS_OWNER.search(form)
            for form, v in zip(forms, verdicts, strict=True)
            if v is not None and v.rule == "rights_notice"
        )
        found.site = next((m.group("name").strip() for m in owners if m), None)
    if found.site is None:
        found.site = _brand_in_notices(forms, verdicts)

    removals = _removals(text, paragraphs, verdicts)
    body = [_unglue(paragraphs[i].kept_text(text)) for i in _kept(verdicts)]
    clean_text = "\n\n".join(body)
    stats = CleanStats(
        paragraphs_in=len(paragraphs),
        paragraphs_repeated=len(repeats),
        sentences_repeated=sentences_repeated,
        paragraphs_unique=len({paragraph_key(f) for f in forms if paragraph_key(f)}),
        paywall_notice=any(r.rule in RESTRICTION_RULES for r in removals) or bool(dropped_cuts),
        hidden_share=found.hidden_share,
        chars_in=len(text),
        chars_removed=sum(len(r.text) for r in removals),
    )
    site = page.site or found.site or url_domain(page.url)
    author = clean_author(page.author or found.author)
    return Document(
        id=document_id(page.source),
        source=page.source,
        text=clean_text,
        format=page.format,
        url=page.url,
        site=site,
        title=title_without_site(page.title or found.title, site=site, author=author, url=page.url),
        author=author,
        published=page.published or found.published,
        language=page.language or "und",  # the judge detects it when the page does not say
        removed=[*page.removed, *removals],
        clean_stats=stats,
        content_hash=content_hash(clean_text),
    )


def clean_pages(pages: Sequence[Page], *, options: CleanOptions = DEFAULT_OPTIONS) -> list[Document]:
    """The whole-run furniture pass, then each page cleaned with its site's furniture."""
    return Cleaner(**asdict(options)).run(pages)


def content_hash(text: str) -> str:
    """sha1 of the text with its whitespace collapsed: equal for texts that differ only in spacing."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()


class SiteLines(Stage):
    """The whole-corpus pass before cleaning: each site's furniture lines over a set of pages,
    as a picklable `SiteStatistics` record. It can be rerun on its own (over a store's pages)."""

    name = "site_lines"
    requires: ClassVar[tuple[str, ...]] = ("page.text", "page.site", "page.url")
    assigns: ClassVar[tuple[str, ...]] = ("site_statistics.furniture",)

    def __init__(self, *, min_pages: int = 2, max_chars: int = 120) -> None:
        self.min_pages = min_pages
        self.max_chars = max_chars

    def run(self, pages: Iterable[Page]) -> SiteStatistics:
        return site_statistics(pages, min_pages=self.min_pages, max_chars=self.max_chars)


NO_STATISTICS = SiteStatistics()


@register("clean")
class Cleaner(Stage):
    """Pages to documents: furniture, paywall notices, repetition and metadata lines removed.

    Two steps: `fit(pages)` is the whole-corpus pass (`SiteLines`) and returns the statistics;
    `process(page, statistics)` cleans one page with them and keeps no state, so pages can be
    cleaned in any order, in any process. `run(pages)` does both.
    """

    requires: ClassVar[tuple[str, ...]] = ("page.text", "site_statistics.furniture")
    assigns: ClassVar[tuple[str, ...]] = (
        "document.text",
        "document.removed",
        "document.clean_stats",
        "document.title",
        "document.author",
        "document.published",
        "document.site",
        "document.content_hash",
    )

    def __init__(
        self,
        *,
        min_site_repeat: int = DEFAULT_OPTIONS.min_site_repeat,
        max_furniture_chars: int = DEFAULT_OPTIONS.max_furniture_chars,
        min_repeat_chars: int = DEFAULT_OPTIONS.min_repeat_chars,
        near_repeat_ratio: float = DEFAULT_OPTIONS.near_repeat_ratio,
    ) -> None:
        self.options = CleanOptions(min_site_repeat, max_furniture_chars, min_repeat_chars, near_repeat_ratio)

    @property
    def site_lines(self) -> SiteLines:
        return SiteLines(min_pages=self.options.min_site_repeat, max_chars=self.options.max_furniture_chars)

    def fit(self, pages: Iterable[Page]) -> SiteStatistics:
        """The whole-corpus pass: each site's furniture lines over the set of pages."""
        return self.site_lines.run(pages)

    def run(self, pages: Sequence[Page]) -> list[Document]:
        statistics = self.fit(pages)
        return [self.process(page, statistics) for page in pages]

    def process(self, page: Page, statistics: SiteStatistics = NO_STATISTICS) -> Document:
        key = site_key(page)
        lines = statistics.furniture.get(key, frozenset()) if key is not None else frozenset()
        return clean_page(page, site_furniture=lines, options=self.options)


# --------------------------------------------------------------------------------------------
# passes
# --------------------------------------------------------------------------------------------


def _kept(verdicts: Sequence[_Verdict | None]) -> list[int]:
    return [i for i, verdict in enumerate(verdicts) if verdict is None]


def _cut_inline(text: str, paragraph: Paragraph) -> None:
    for rule in INLINE_RULES:
        for start, end in rule.spans(text, paragraph.start, paragraph.end):
            if end > start and not any(cut.start < end and start < cut.end for cut in paragraph.cuts):
                paragraph.cuts.append(Cut(start, end, rule.reason, rule.name))


def _cut_sentence_loops(
    text: str, paragraphs: Sequence[Paragraph], forms: list[str], verdicts: Sequence[_Verdict | None]
) -> int:
    """Cut the later copies of a sentence looping inside a kept paragraph; how many were cut."""
    count = 0
    for index in _kept(verdicts):
        paragraph = paragraphs[index]
        for start, end in find_sentence_loops(text, paragraph.start, paragraph.end):
            if not any(cut.start < end and start < cut.end for cut in paragraph.cuts):
                paragraph.cuts.append(Cut(start, end, "repetition", "repeated_sentence"))
                count += 1
                forms[index] = ""
        if not forms[index]:
            forms[index] = match_form(paragraph.kept_text(text))
    return count


def _family(form: str, found: _Found, language: str | None, *, part: bool = False) -> _Verdict | None:
    """The furniture family a whole paragraph belongs to, if any; fills `found` from metadata lines.

    `part` is for one part of a line cut at its separators: a bare date counts there."""
    for rule in LINE_RULES:
        if rule.zone == "any" and rule.matches(form):
            return _Verdict(rule.reason, rule.name)
    if is_share_bar(form):
        return _Verdict("share", SHARE_BAR_RULE_NAME)
    byline = parse_byline(form, language=language)
    if byline is not None:
        found.author = found.author or byline.author
        if byline.dateline is not None:
            found.published = found.published or byline.dateline.published
        return _Verdict("byline", "byline")
    dateline = parse_dateline(form, language=language, anywhere=not part)
    if dateline is not None:
        found.published = found.published or dateline.published
        return _Verdict("dateline", "dateline")
    if not part and len(form) <= _META_LINE_MAX_CHARS and _META_SEPARATOR.search(form):
        return _meta_line(form, found, language)
    return None


def _meta_line(form: str, found: _Found, language: str | None) -> _Verdict | None:
    """A line of metadata cut by separators: 'Le Monde | 04.05.2015 à 13h36 • Mis à jour le ... |
    Par ...', 'January 13, 2020 | categories: Python | View Comments'. Every part must be furniture,
    except a brand name of a few words; at least two parts must be."""
    scratch = _Found()
    parts = [p.strip() for p in _META_SEPARATOR.split(form) if p.strip()]
    verdicts = [_family(p, scratch, language, part=True) for p in parts]
    named = [v for v in verdicts if v is not None]
    brands_only = all(
        v is not None or (len(p.split()) <= _BRAND_MAX_WORDS and not re.search(r"[.!?:;,]", p))
        for p, v in zip(parts, verdicts, strict=True)
    )
    if len(named) < 2 or not brands_only:
        return None
    found.author = found.author or scratch.author
    found.published = found.published or scratch.published
    return _Verdict(named[0].reason, "meta_line")


def _paywall_tail(forms: Sequence[str], verdicts: list[_Verdict | None]) -> None:
    cut_at = next(
        (
            i
            for i, form in enumerate(forms)
            if len(form) <= _PAYWALL_CUT_MAX_CHARS and PAYWALL_CUT.search(form)
        ),
        None,
    )
    if cut_at is None:
        return
    for index in range(cut_at + 1, len(forms)):
        form = forms[index]
        if verdicts[index] is not None or _QUOTED.search(form):
            continue
        addresses_reader = READER_ADDRESS.search(form) is not None
        about_subscribing = SUBSCRIPTION_WORD.search(form) is not None or ACCESS_WORD.search(form) is not None
        talks_to_reader = addresses_reader or about_subscribing or "?" in form or _BULLET.match(form)
        if (
            len(form) <= _PAYWALL_TAIL_SHORT_CHARS
            or (len(form) <= _PAYWALL_TAIL_ADDRESS_CHARS and talks_to_reader)
            or (len(form) <= _PAYWALL_TAIL_PITCH_CHARS and addresses_reader and about_subscribing)
        ):
            verdicts[index] = _Verdict("paywall", AFTER_PAYWALL_CUT)


def _zones(
    forms: Sequence[str], verdicts: list[_Verdict | None], found: _Found, language: str | None
) -> None:
    kept = _kept(verdicts)
    for index in kept[:HEAD_PARAGRAPHS]:
        if is_breadcrumb(forms[index]):
            verdicts[index] = _Verdict("navigation", "breadcrumb")
    tail = set(kept[-TAIL_PARAGRAPHS:])
    for index in [*kept[:HEAD_PARAGRAPHS], *kept[-TAIL_PARAGRAPHS:]]:
        if verdicts[index] is not None:
            continue
        dateline = parse_dateline(forms[index], language=language, anywhere=False)
        if dateline is not None:
            found.published = found.published or dateline.published
            verdicts[index] = _Verdict("dateline", "bare_date")
        elif index in tail:
            rule = _tail_rule(forms[index])
            if rule is not None:
                verdicts[index] = _Verdict(rule.reason, rule.name)


def _tail_rule(form: str) -> LineRule | None:
    return next((rule for rule in LINE_RULES if rule.zone == "tail" and rule.matches(form)), None)


def _title(
    page: Page,
    paragraphs: Sequence[Paragraph],
    forms: Sequence[str],
    verdicts: list[_Verdict | None],
    found: _Found,
) -> None:
    kept = _kept(verdicts)
    if len(kept) < 2:
        return
    first = forms[kept[0]]
    title_text = paragraphs[kept[0]].kept_text(page.text)
    if page.title:
        # the text may open with the headline alone ('Is Football Violence a Crime?' under the title
        # 'Opinion | Is Football Violence a Crime?')
        headline = title_without_site(page.title, site=page.site, author=page.author, url=page.url)
        if paragraph_key(first) in {paragraph_key(page.title), paragraph_key(headline or "")}:
            verdicts[kept[0]] = _Verdict("title", "page_title")
        return
    if _looks_like_headline(first):
        verdicts[kept[0]] = _Verdict("title", "first_line_headline")
        found.title = title_text


def _looks_like_headline(form: str) -> bool:
    return (
        len(form) <= _HEADLINE_MAX_CHARS
        and 2 <= len(form.split()) <= _HEADLINE_MAX_WORDS
        and form[-1] not in ".,;:"
        and form[:1].isupper()
    )


def _dropped_paywall_cuts(dropped: Sequence[Removal]) -> list[str]:
    """Lines of what the HTML reader dropped that say the article goes on behind a paywall
    (the paywall-cut rule, not subscription ads: a site's menu offers 'Subscribe' on every page)."""
    return [
        form
        for removal in dropped
        if removal.rule is not None and removal.rule.startswith("html:")
        for form in map(match_form, removal.text.splitlines())
        if len(form) <= _PAYWALL_CUT_MAX_CHARS and PAYWALL_CUT.search(form)
    ]


def _hidden_share(form: str) -> float | None:
    match = HIDDEN_SHARE.search(form)
    if match is None:
        return None
    value = float((match.group(1) or match.group(2)).replace(",", "."))
    return round(value / 100, 4) if 0 < value <= 100 else None


def _brand_in_notices(forms: Sequence[str], verdicts: Sequence[_Verdict | None]) -> str | None:
    """The publication named by at least two of the page's paywall notices, if one is."""
    names: Counter[str] = Counter()
    for form, verdict in zip(forms, verdicts, strict=True):
        if verdict is not None and verdict.reason == "paywall":
            names.update({m.group("name") for m in NOTICE_BRAND.finditer(form)})
    if not names:
        return None
    name, count = names.most_common(1)[0]
    return name if count >= 2 else None


def _removals(
    text: str, paragraphs: Sequence[Paragraph], verdicts: Sequence[_Verdict | None]
) -> list[Removal]:
    """One Removal per removed span, in page order, each slicing the page text exactly."""
    removals: list[Removal] = []
    for paragraph, verdict in zip(paragraphs, verdicts, strict=True):
        spans: list[tuple[int, int, str, str]] = [(c.start, c.end, c.reason, c.rule) for c in paragraph.cuts]
        if verdict is not None:
            spans += [(s, e, verdict.reason, verdict.rule) for s, e in paragraph.kept_spans()]
        for start, end, reason, rule in sorted(spans):
            piece = text[start:end]
            start += len(piece) - len(piece.lstrip())
            end -= len(piece) - len(piece.rstrip())
            if end > start:
                removals.append(Removal(text[start:end], reason, start, end, rule))
    return removals


def _unglue(form: str) -> str:
    """Put back the space lost between two sentences ('l'Ukraine.Il a été')."""
    return _GLUED_SENTENCE.sub(" ", form)
