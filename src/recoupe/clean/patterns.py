"""Families of page-furniture patterns, French and English.

Each rule matches one whole paragraph (a `LineRule`) or a span inside one (an `InlineRule`) and
carries the removal `reason` it stands for. Rules are written as families of vocabulary (the
subscription words, the reader-addressed imperative, the social networks) rather than as the exact
strings of any one site, so that they carry over to pages we have not seen. A paragraph rule only
fires on paragraphs up to its `max_chars`: furniture is short, and a long paragraph that happens to
mention subscribers is article text.

Whole-paragraph rules match the paragraph with its whitespace collapsed to single spaces and the
typographic apostrophe folded to "'" (see `match_form`).

The vocabulary is data: `lang/<code>/furniture.toml` holds, per family, the phrases of each
language as regex fragments; this module keeps the rules' structure (anchors, look-aheads,
length limits, zones) and joins every language's entries (`vocabulary`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from recoupe.lang import languages, lexicon

Zone = Literal["any", "head", "tail"]

_I = re.IGNORECASE


@dataclass(frozen=True, slots=True)
class LineRule:
    """A rule that removes a whole paragraph.

    `zone` says where the paragraph may stand: anywhere, among the first paragraphs (`head`,
    breadcrumbs) or among the last ones (`tail`, author bios).
    """

    name: str
    reason: str
    pattern: re.Pattern[str]
    max_chars: int = 200
    zone: Zone = "any"

    def matches(self, text: str) -> bool:
        return len(text) <= self.max_chars and self.pattern.search(text) is not None


@dataclass(frozen=True, slots=True)
class InlineRule:
    """A rule that removes spans inside a paragraph (shortcodes, image residue, credits).

    With `sentence_confirm` set, `pattern` only finds a trigger word: the span cut is the whole
    sentence around it, and only when that sentence matches `sentence_confirm`.
    """

    name: str
    reason: str
    pattern: re.Pattern[str]
    sentence_confirm: re.Pattern[str] | None = None

    def spans(self, text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
        """(start, end) of each span to cut in `text[start:end]`."""
        for match in self.pattern.finditer(text, start, end):
            if self.sentence_confirm is None:
                yield match.start(), match.end()
                continue
            first, last = _sentence_around(text, match.start(), match.end(), start, end)
            if last - first <= _MAX_SENTENCE_CHARS and self.sentence_confirm.search(text, first, last):
                yield first, last


_MAX_SENTENCE_CHARS = 400
_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)|\n")


def _sentence_around(text: str, hit_start: int, hit_end: int, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence holding text[hit_start:hit_end], within text[start:end]."""
    first = start
    for boundary in _SENTENCE_END.finditer(text, max(start, hit_start - _MAX_SENTENCE_CHARS), hit_start):
        first = boundary.end()
    while first < hit_start and text[first].isspace():
        first += 1
    closing = _SENTENCE_END.search(text, hit_end, end)
    if closing is None:
        return first, end
    return first, closing.start() if closing.group() == "\n" else closing.end()


def match_form(text: str) -> str:
    """The form whole-paragraph rules see: single spaces, straight apostrophes."""
    return " ".join(text.split()).replace("’", "'").replace("ʼ", "'")


# --------------------------------------------------------------------------------------------
# vocabulary: lang/<code>/furniture.toml, every language joined
# --------------------------------------------------------------------------------------------


def _entries(key: str) -> list[str]:
    """One furniture list ("paywall.cut") over every language, in language order, without repeats.

    Every language's furniture applies to every page: the page's language is known only after
    cleaning (the judge detects it), and pages mix them ("Read in English" on a French page)."""
    section, _, name = key.partition(".")
    found: list[str] = []
    known = False
    for language in languages():
        table = lexicon(language, "furniture").get(section, {})
        values = table.get(name, []) if isinstance(table, dict) else None
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise ValueError(f"lang/{language}/furniture.toml: {key!r} must be a list of strings")
        known = known or (isinstance(table, dict) and name in table)
        found.extend(v for v in values if v not in found)
    if not known:  # a misspelt key would silently turn its rule off
        raise ValueError(f"no lang/<code>/furniture.toml has {key!r}")
    return found


def vocabulary(key: str) -> str:
    """A furniture list as one regex alternation `(?:a|b|...)`; a pattern that never matches when empty."""
    entries = _entries(key)
    return "(?:" + "|".join(entries) + ")" if entries else "(?!)"


def vocabulary_words(key: str) -> frozenset[str]:
    """A furniture word list as a set of case-folded words."""
    return frozenset(entry.casefold() for entry in _entries(key))


def month_numbers() -> tuple[tuple[str, int], ...]:
    """(first letters of a month word, its number) over every language."""
    pairs: list[tuple[str, int]] = []
    for language in languages():
        table = lexicon(language, "furniture").get("dateline", {}).get("month_numbers", {})
        pairs.extend((str(prefix), int(number)) for prefix, number in table.items())
    return tuple(pairs)


def _rx(pattern: str, flags: int = _I) -> re.Pattern[str]:
    return re.compile(pattern, flags)


# the page speaking to its reader: second person, polite imperatives
READER_ADDRESS = _rx(rf"\b{vocabulary('reader.address')}\b")
_SUBSCRIBER = vocabulary("paywall.subscriber")
_SUBSCRIPTION = rf"(?:{_SUBSCRIBER}|{vocabulary('paywall.subscription_extra')})"
# what a paywall withholds: reading, the article, access (and the right to comment)
_ACCESS_WORDS = vocabulary("paywall.access")
_ACCESS = rf"(?=.*\b{_ACCESS_WORDS}\b)"
ACCESS_WORD = re.compile(rf"\b{_ACCESS_WORDS}\b", re.IGNORECASE)
SUBSCRIPTION_WORD = re.compile(rf"\b{_SUBSCRIPTION}", re.IGNORECASE)
_ACCOUNT = vocabulary("paywall.account")
MONTH = vocabulary("dateline.months")
_WEEKDAY = rf"{vocabulary('dateline.weekdays')}\.?,?"
_TIME = (
    r"\d{1,2}\s?(?:[h:]\s?\d{2}|[ap]\.?m\.?)(?:\s?[ap]\.?m\.?)?(?:\s?(?:[A-Z]{2,4}|UTC[+-]?\d*|GMT[+-]?\d*))?"
)
DAY_SUFFIX = vocabulary("dateline.day_suffix")
# a calendar date in the usual written forms (day month year, month day year, numeric, ISO)
DATE = (
    rf"(?:\d{{1,2}}{DAY_SUFFIX}?\s+{MONTH},?\s+\d{{4}}|{MONTH}\s+\d{{1,2}}{DAY_SUFFIX}?,?\s+\d{{4}}"
    rf"|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}(?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}})?)?"
    rf"|{MONTH}\s+\d{{4}}|\d{{1,2}}{DAY_SUFFIX}?\s+{MONTH}\.?)"
)
# "le 3 mai", "on May 3": what joins a dateline's verb to its date
DATELINE_ON = vocabulary("dateline.on")
# a dateline: a publication / update verb, then (within the line) a date or a time
DATELINE_LEAD = vocabulary("dateline.lead")
UPDATE_MARK = vocabulary("dateline.update")
_AGENCY = vocabulary("caption.agencies")
# the words a share bar is made of, and those of them that only a share bar holds
_SHARE_WORDS = vocabulary_words("share.words") | frozenset("| · • - – — : /".split())
_SHARE_ANCHORS = vocabulary_words("share.anchors")


def is_share_bar(text: str) -> bool:
    """A line made only of sharing buttons: 'Partager', 'Share on Facebook', 'Facebook Twitter Email'."""
    if len(text) > 100:
        return False
    words = re.findall(r"[\w'-]+|[|·•–—:/]", text.casefold())
    return bool(words) and all(w in _SHARE_WORDS for w in words) and any(w in _SHARE_ANCHORS for w in words)


# --------------------------------------------------------------------------------------------
# paywall and subscription
# --------------------------------------------------------------------------------------------

# where the page says the rest of the article is hidden: what follows is furniture or nothing
PAYWALL_CUT = _rx(vocabulary("paywall.cut"))
_REMAINING = vocabulary("paywall.remaining")
HIDDEN_SHARE = _rx(
    rf"{_REMAINING}.{{0,40}}?(\d{{1,3}}(?:[.,]\d+)?)\s?%|(\d{{1,3}}(?:[.,]\d+)?)\s?%"
    rf".{{0,40}}?(?:{_REMAINING}|{vocabulary('paywall.to_read')})"
)

PAYWALL_RULES: tuple[LineRule, ...] = (
    LineRule("paywall_cut", "paywall", PAYWALL_CUT, 300),
    LineRule("subscribers_only", "paywall", _rx(vocabulary("paywall.subscribers_only")), 250),
    LineRule("gift_article", "paywall", _rx(rf"^{vocabulary('paywall.gift_article')}\b"), 120),
    LineRule("free_articles_left", "paywall", _rx(vocabulary("paywall.free_articles_left")), 250),
    LineRule("subscribe_call", "paywall", _rx(vocabulary("paywall.subscribe_call")), 250),
    # subscription menus and labels: "Gérez votre abonnement", "Le club abonnés", "Subscriber login"
    LineRule(
        "subscription_label",
        "paywall",
        _rx(
            rf"^(?=.*\b{_SUBSCRIBER}){vocabulary('paywall.label_lead')}\b[^.!?]*$"
            rf"|^{vocabulary('paywall.label_alone')}$"
        ),
        80,
    ),
    # the reader addressed about a subscription or an account: "Vous n'êtes pas inscrit ?"
    LineRule(
        "subscription_address",
        "paywall",
        _rx(
            rf"^(?!.*[«»“”\"])(?=.*(?:{READER_ADDRESS.pattern}))(?:(?=.*\b{_SUBSCRIBER}){_ACCESS}"
            rf"|(?=.*\b{_ACCOUNT}\b)(?:(?=.{{0,90}}$).*\?|{_ACCESS}))"
        ),
        160,
    ),
    LineRule(
        "device_limit",
        "paywall",
        _rx(rf"^(?=.*\b{vocabulary('paywall.device')}\b)(?=.*\b{vocabulary('paywall.device_context')}\b)"),
        250,
    ),
    LineRule(
        "restricted_reading",
        "paywall",
        _rx(rf"^{vocabulary('paywall.restricted_what')} {vocabulary('paywall.restricted_how')}\.?$"),
        60,
    ),
    LineRule("sales_contact", "paywall", _rx(vocabulary("paywall.sales_contact")), 200),
)


AFTER_PAYWALL_CUT = "after_paywall_cut"
# the rules that say this page withholds (part of) the article, as opposed to subscription ads
RESTRICTION_RULES = frozenset(
    {"paywall_cut", "subscribers_only", "gift_article", "free_articles_left", "device_limit",
     "restricted_reading", AFTER_PAYWALL_CUT}
)  # fmt: skip


# --------------------------------------------------------------------------------------------
# widgets, sharing, related links, newsletters
# --------------------------------------------------------------------------------------------

WIDGET_RULES: tuple[LineRule, ...] = (
    LineRule(
        "video_widget",
        "widget",
        _rx(
            rf"^{vocabulary('widget.video')}(?:\s+{vocabulary('widget.video_suffix')})?\s*(?:[:|–—-]\s*.{{0,200}})?$"
        ),
        220,
    ),
    LineRule(
        "comments_widget", "widget", _rx(rf"^{vocabulary('widget.comments')}\s*[:.!]?\s*(?:\(\d+\))?$"), 80
    ),
    LineRule(
        "newsletter",
        "widget",
        _rx(
            rf"^(?=.*(?:{READER_ADDRESS.pattern}|^{vocabulary('widget.newsletter_lead')}\b))"
            rf"(?=.*\b{vocabulary('widget.newsletter_noun')}\b)(?=.*\b{vocabulary('widget.newsletter_verb')}\b)"
            rf"|^[\w'& -]{{0,40}}\b{vocabulary('widget.newsletter_box')}s?$|^{vocabulary('widget.newsletter_signup')}\b"
        ),
        250,
    ),
    LineRule(
        "read_also",
        "related",
        _rx(
            rf"^{vocabulary('related.lead')}|^{vocabulary('related.read_also')}\s*(?:[:|–—-]\s*.{{0,200}})?$"
            r"|^[»›]\s*\S(?!.*«)"
        ),
        220,
    ),
    LineRule("language_switch", "widget", _rx(rf"^{vocabulary('widget.language_switch')}\.?$"), 80),
    # a style sheet left in the text by the extraction: ".videowrapper { position: relative; ... }"
    LineRule("style_sheet", "markup", _rx(r"^(?:[^{}\n]{1,200}\{[^{}\n]*:[^{}\n]*\}\s*)+$"), 4000),
    LineRule("reader_feedback", "widget", _rx(vocabulary("widget.reader_feedback")), 250),
    LineRule(
        "follow_us",
        "share",
        _rx(rf"^{vocabulary('share.follow_lead')}\b.{{0,140}}\b{vocabulary('share.networks')}\b"),
        220,
    ),
    LineRule(
        "app_download",
        "widget",
        _rx(
            rf"\b{vocabulary('widget.app_download')}\b.{{0,100}}\b{vocabulary('widget.app_noun')}\b.{{0,60}}"
            rf"{vocabulary('widget.app_store')}"
        ),
        220,
    ),
    LineRule(
        "tag_list", "navigation", _rx(rf"^{vocabulary('navigation.tag_lead')}\s*(?::.{{0,200}})?$"), 220
    ),
    LineRule("site_navigation", "navigation", _rx(rf"^{vocabulary('navigation.site')}\s*[:»›>]?$"), 60),
    LineRule(
        "cookie_notice",
        "boilerplate",
        _rx(
            rf"^(?=.*\b{vocabulary('boilerplate.cookie')}\b)(?=.*\b{vocabulary('boilerplate.cookie_context')}\b)"
        ),
        400,
    ),
    LineRule("subscriber_login", "paywall", _rx(rf"^{vocabulary('paywall.subscriber_login')}\b"), 120),
    LineRule(
        "republication_note",
        "boilerplate",
        _rx(
            rf"^{vocabulary('boilerplate.republished_subject')}\s+{vocabulary('boilerplate.republished_verb')}"
        ),
        240,
        "tail",  # inside a story, such a sentence is news about the article
    ),
    LineRule("rights_notice", "boilerplate", _rx(vocabulary("boilerplate.rights")), 300),
)

SHARE_BAR_RULE_NAME = "share_bar"


# --------------------------------------------------------------------------------------------
# captions, credits, sponsors, bios, reading time, bylines, datelines, breadcrumbs
# --------------------------------------------------------------------------------------------

CREDIT_RULES: tuple[LineRule, ...] = (
    LineRule(
        "photo_credit",
        "caption",
        _rx(
            rf"^{vocabulary('caption.credit_short_lead')}\s+[^\s:]+(?: [^\s:]+){{0,3}}\s?/\s?\S.{{0,60}}$|"
            rf"^{vocabulary('caption.credit_lead')}\s*{vocabulary('caption.credit_suffix')}?\s*[:：]\s*\S"
        ),
        160,
    ),
    LineRule("copyright_credit", "caption", _rx(r"^(?:©|\(c\)|copyright)\s*\S"), 90),
    LineRule(
        "parenthesised_credit",
        "caption",
        _rx(rf"^\({vocabulary('caption.paren_credit')}\b[^)]{{0,150}}\)\.?$"),
        160,
    ),
    LineRule("illustrative_image", "caption", _rx(rf"^{vocabulary('caption.illustrative')}\.?$"), 60),
    LineRule(
        "agency_credit",
        "caption",
        _rx(rf"^(?=.*(?:{vocabulary('caption.credit_word')}|©|/)).{{0,120}}(?:[/©(]|,)\s*{_AGENCY}\)?\.?$"),
        140,
    ),
    # agency caption style: a scene "sur une photo fournie par ...", closed by its date
    LineRule(
        "photo_caption",
        "caption",
        _rx(
            rf"^(?=.*{vocabulary('caption.photo_scene')}).*{vocabulary('caption.date_lead')}\s+"
            rf"(?:{_WEEKDAY}\s+)?{DATE}\.?$"
        ),
        350,
    ),
)

SPONSOR_RULES: tuple[LineRule, ...] = (
    LineRule("sponsor_label", "sponsor", _rx(rf"^{vocabulary('sponsor.label')}\s*:?$"), 90),
)

# sentences asking for sponsors or disclosing affiliate money, removed inline wherever they stand:
# a trigger word, then the whole sentence around it must hold the request or the disclosure
SPONSOR_TRIGGER = _rx(rf"\b{vocabulary('sponsor.trigger')}\b")
# the site asks for sponsors or advertisers: "Pour explorer les options de sponsoring, contactez-nous."
SPONSOR_REQUEST = _rx(rf"\b{vocabulary('sponsor.request')}\b")
# the site discloses affiliate money, as newsrooms selling through links must
AFFILIATE_DISCLOSURE = _rx(rf"\b{vocabulary('sponsor.affiliate')}\b")

_MINUTES = r"\s*(?:min(?:ute)?s?|mn)\.?"
READING_TIME = LineRule(
    "reading_time",
    "reading_time",
    _rx(
        rf"^{vocabulary('reading_time.lead')}\s*[:：]?\s*(?:\d+|{vocabulary('reading_time.less_than')}){_MINUTES}"
        rf"(?:\s*{vocabulary('reading_time.after')})?\.?$|^\d+{_MINUTES}\s*{vocabulary('reading_time.after')}\.?$"
    ),
    60,
)

BIO_RULES: tuple[LineRule, ...] = (
    LineRule("about_author", "bio", _rx(rf"^{vocabulary('bio.about_author')}\s*:?$"), 40, "tail"),
    # a first-person profile at the end: "Passionné et dévoué, j'explore..."
    LineRule(
        "first_person_bio",
        "bio",
        # it opens on who the writer is, then speaks in the first person
        _rx(
            rf"^(?!.*[«»“”\"])(?:{vocabulary('bio.persona_opening')}[^.!?]{{0,80}},\s*{vocabulary('bio.first_person')}"
            rf"|{vocabulary('bio.i_am')} (?:{vocabulary('bio.article')})?(?:[\w-]+ ){{0,2}}{vocabulary('bio.writer_noun')})"
        ),
        600,
        "tail",
    ),
    # a third-person profile at the end: "Jane Doe is a reporter at X covering ..."
    LineRule(
        "third_person_bio",
        "bio",
        re.compile(
            rf"^(?:[A-ZÀ-Þ][\w'.-]+\s+){{1,4}}{vocabulary('bio.is')}\s+(?:{vocabulary('bio.determiner')}\s*)?"
            rf"(?:[\w'&-]+\s+){{0,5}}?(?i:{vocabulary('bio.profession')})\b"
        ),
        600,
        "tail",
    ),
)

BYLINE_LEAD = re.compile(rf"^[,\s]*(?:{vocabulary('byline.lead')}\s*:?\s+)", _I)  # 'By: X', 'Par : X'
# lower-case words a name or a byline's trailer may hold: particles, staff nouns, agency joins
BYLINE_WORDS = vocabulary_words("byline.name_words")
GENERIC_AUTHOR = re.compile(rf"^{vocabulary('byline.generic_author')}\.?$", _I)
NO_AUTHOR = re.compile(rf"^{vocabulary('byline.no_author')}\.?$", _I)
REPORTING_CREDIT = re.compile(
    rf"^\(?{vocabulary('byline.credit')} {vocabulary('byline.credit_by')}\b.{{0,200}}\)?$",
    _I,
)

DATELINE = re.compile(
    rf"^[\s,|·•-]*(?:{vocabulary('dateline.subject')}\s+)?{DATELINE_LEAD}\b[\s:,]*{vocabulary('dateline.on')}?\s*"
    rf"(?:{_WEEKDAY}\s+)?(?:{DATE}|{_TIME}"
    rf"|{vocabulary('dateline.ago')}|(?:{vocabulary('dateline.on')}|:)?\s*$)",  # a bare "Posted on": its date was a lost widget
    _I,
)
BARE_DATE = re.compile(
    rf"^(?:{_WEEKDAY}\s+)?(?:{vocabulary('dateline.bare_lead')}\s+)?{DATE}"
    rf"(?:\s*(?:{vocabulary('dateline.on')}|,|-|–|—|\|)?\s*{_TIME})?\.?$",
    _I,
)

# "Home > World > Europe", "Accueil / Monde": a short line of short parts between separators
# "»" separates only between spaces and where no "«" opens a quotation
_CRUMB_SEPARATOR = re.compile(r"\s*(?:>|›|\s»\s|/|\||•|·|→|::)\s*")
_CRUMB_HOME = re.compile(rf"^{vocabulary('navigation.crumb_home')}$", _I)
_CRUMB_LEAD = re.compile(rf"^{vocabulary('navigation.crumb_lead')}\s*:\s*", _I)
# "ActualitésInternational": section names glued together, capital after lower-case
_GLUED_CRUMB = re.compile(r"^(?:[A-ZÀ-Þ][a-zß-ÿ]{2,}){2,5}$")
_CAPITALISED_WORD = re.compile(r"[A-ZÀ-Þ][a-zß-ÿ]+")
# the section names news sites file stories under, for trails whose separators were lost
SECTION_NAMES = vocabulary_words("navigation.section_names")
SITE_ARTICLES = vocabulary_words("site.leading_articles")


def is_breadcrumb(text: str) -> bool:
    """A navigation trail: separated section names, or section names glued by a lost markup.

    The trail may end on the article's own title, so only the parts before the last are held to
    a few words each."""
    text = _CRUMB_LEAD.sub("", text)
    if len(text) > 160 or text.startswith("|") or text.endswith("|"):  # a table row, not a trail
        return False
    if _GLUED_CRUMB.match(text):
        return any(word.casefold() in SECTION_NAMES for word in _CAPITALISED_WORD.findall(text))
    if "«" in text or "://" in text:
        return False
    parts = [p for p in _CRUMB_SEPARATOR.split(text) if p]
    if len(parts) < 2:
        return False
    sections_short = all(len(p.split()) <= 4 and not re.search(r"[.!?:;,]", p) for p in parts[:-1])
    last_short = len(parts[-1].split()) <= 15 and not parts[-1].endswith(".")
    return sections_short and last_short and (_CRUMB_HOME.match(parts[0]) is not None or len(parts) >= 3)


# --------------------------------------------------------------------------------------------
# inline rules (raw text; spans keep their offsets)
# --------------------------------------------------------------------------------------------

# WordPress shortcodes: paired [name ...]...[/name], or single [name attr=...], or a stray [/name];
# attribute values may be quoted with " ' « » ″ or not at all
SHORTCODE = re.compile(
    r"\[(?P<name>[a-z][a-z0-9_-]*)(?:\s[^\[\]]{0,4000})?\][^\[\]]{0,4000}\[/(?P=name)\]"
    r"|\[[a-z][a-z0-9_-]*\s+[a-z_-]+\s*=[^\[\]]{0,20000}\]|\[/[a-z][a-z0-9_-]*\]"
)
# ![alt](url), ![alt](<url with (parentheses)>), and an empty link [](url)
MARKDOWN_IMAGE = re.compile(
    r"!\[[^\]\n]{0,300}\]\((?:<[^>\n]{0,1000}>|[^)\n]{0,1000})\)|(?<!\w)\[\]\((?:<[^>\n]{0,1000}>|[^)\n]{0,1000})\)"
)
HTML_TAG = re.compile(
    r"</?(?:br|p|div|span|img|a|strong|em|b|i|u|iframe|script|figure|figcaption|ul|ol|li|h[1-6]|section"
    r"|article|source|picture|video)\b[^<>\n]{0,500}/?>",
    _I,
)
INLINE_CREDIT = re.compile(
    rf"\s?\({vocabulary('caption.inline_credit')}\s*(?:{vocabulary('caption.inline_credit_join')}|:|©)"
    r"\s*[^()\n]{1,150}\)|\s?\((?:photo|image)\s*:\s*[^()\n]{1,100}\)",
    _I,
)

INLINE_RULES: tuple[InlineRule, ...] = (
    InlineRule("shortcode", "shortcode", SHORTCODE),
    InlineRule("markdown_image", "markup", MARKDOWN_IMAGE),
    InlineRule("html_tag", "markup", HTML_TAG),
    InlineRule("inline_credit", "caption", INLINE_CREDIT),
    InlineRule("sponsor_request", "sponsor", SPONSOR_TRIGGER, SPONSOR_REQUEST),
    InlineRule("affiliate_disclosure", "sponsor", SPONSOR_TRIGGER, AFFILIATE_DISCLOSURE),
)

# a bare domain standing alone at the end: the site's name ("Jforum.fr", "BVINEWS.COM")
BARE_DOMAIN = re.compile(
    r"^(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,12})$", _I
)  # a link ("https://x.org/") is not

# every whole-paragraph family applied anywhere in the page, in order of precedence
LINE_RULES: tuple[LineRule, ...] = (
    *WIDGET_RULES,  # before the paywall: "Abonnez-vous à notre newsletter" is a newsletter box
    *PAYWALL_RULES,
    *CREDIT_RULES,
    *SPONSOR_RULES,
    READING_TIME,
    *BIO_RULES,
)


# "© 2024 Le Courrier de l'Europe - Tous droits réservés": the owner named in a rights notice
RIGHTS_OWNER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?P<name>[^|–—,.\d][^|–—,.]{1,58}?)"
    rf"\s*(?:[-–—|,.]\s*)?{vocabulary('boilerplate.rights_owner_close')}",
    _I,
)

# a bare proper name closing a page ("Joe Biden"): a tag list, not a sentence
TAG_LINE = re.compile(r"^(?:[A-ZÀ-Þ][\w’'-]+)(?:\s+[A-ZÀ-Þ][\w’'-]+){0,3}$")
_CLOSED_SENTENCE = re.compile(r"[.!?…][»”\"')]?$")
# the longest line seen heading a block of short lines at a page's end (a sign-off, a name, an
# address line: "3 Place des Halles"); longer unclosed lines there were furniture (a desk's name,
# a footnote, a partner note). Read off the tuning half of bench/bench_judge.py's pages.
_BLOCK_LINE_MAX_CHARS = 24


def is_closing_tag_line(last: str, previous: str) -> bool:
    """Whether the page's last line, one to four capitalised words, is a tag or label line.

    Only when it stands alone after a sentence or a long line ("... la nationalité
    seychelloise." then "Ingrid Betancourt"). After a short line that closes no sentence it ends
    a block of short lines: a letter's sign-off and signature ("Love" / "Pamela"), an address, a
    list of signatories or a menu; those are cut whole or kept whole, never by their last line.
    Measured on closing lines of ../shared/data pages and FreSaDa (bench/bench_judge.py)."""
    if TAG_LINE.match(last) is None:
        return False
    return _CLOSED_SENTENCE.search(previous) is not None or len(previous) > _BLOCK_LINE_MAX_CHARS


# the publication a subscription notice names: "inscrit sur Le Monde", "lire Le Monde sur un seul
# appareil", "subscribe to The Economist"
NOTICE_BRAND = re.compile(
    rf"\b{vocabulary('paywall.notice_brand')}\s+"
    rf"(?P<name>(?:{vocabulary('paywall.brand_article')}\s+)?[A-ZÀ-Þ][\w’'&.-]+(?:\s+[A-ZÀ-Þ][\w’'&.-]+){{0,3}})"
)
