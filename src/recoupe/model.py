"""The typed records every stage reads and writes.

One type per boundary: an input read from disk becomes a `Page`; cleaning turns a page into a
`Document`; per-document stages (judge, facts) fill the document's fields; whole-set stages
(dedup, stories, cross-check) produce `DuplicateCluster` and `Story` records; the `Brief` holds
everything the renderers need. Offsets (`start`, `end`) are character offsets into the
document's clean `text` unless a docstring says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

InputStatus = Literal["ok", "skipped", "error"]
PageFormat = Literal["text", "html"]
Verdict = Literal["ok", "junk", "duplicate"]
FactKind = Literal[
    "person",
    "organization",
    "place",
    "product",
    "event",
    "quantity",
    "money",
    "date",
    "claim",
    "other",
]
Qualifier = Literal[
    "exact",
    "approximately",
    "at_most",
    "at_least",
    "more_than",
    "less_than",
    "range",
]
DiscrepancyKind = Literal["conflict", "update"]

# --------------------------------------------------------------------------------------------
# ingest
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class InputEntry:
    """One input as given (file, JSONL line, archive record), readable or not."""

    source: str
    status: InputStatus
    document: str | None = None
    reason: str | None = None


@dataclass(slots=True)
class Removal:
    """A span taken out of a page, with why.

    `start`/`end` are offsets into `Page.text` (the decoded input text); None when the span has
    no place there (e.g. HTML markup that trafilatura dropped before we saw the text).
    """

    text: str
    reason: str
    start: int | None = None
    end: int | None = None
    rule: str | None = None  # the pattern or pass that matched, for debugging and tests


@dataclass(slots=True)
class Page:
    """One readable input: its decoded text and whatever metadata the container gave."""

    source: str
    text: str
    format: PageFormat = "text"
    url: str | None = None
    title: str | None = None
    published: str | None = None
    site: str | None = None
    author: str | None = None
    language: str | None = None
    encoding: str | None = None
    # spans an upstream extractor (trafilatura on HTML) dropped before `text` existed
    removed: list[Removal] = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# clean / judge
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class CleanStats:
    """Figures the cleaner measured on the way, for the judge's flags."""

    paragraphs_in: int = 0  # non-blank paragraphs in the input
    paragraphs_repeated: int = 0  # paragraph occurrences removed as repetition
    paragraphs_unique: int = 0  # distinct paragraphs among the input's
    paywall_notice: bool = False  # a subscription / paywall notice was found
    hidden_share: float | None = None  # share of the article the page says is hidden (0..1)
    chars_in: int = 0
    chars_removed: int = 0
    sentences_repeated: int = 0  # copies of a sentence looping inside one paragraph, removed


@dataclass(slots=True)
class Flag:
    code: str
    detail: str
    score: float | None = None


@dataclass(slots=True)
class Mention:
    """One fact stated in one document, before cross-checking.

    `value` is a canonical name for entities, a number for quantity/money, an ISO 8601 date of
    the precision stated ('2024-11', '2024-11-17') or None for a date that could not be resolved.
    """

    kind: FactKind
    text: str
    start: int
    end: int
    value: str | float | None
    unit: str | None = None
    subject: str | None = None
    qualifier: Qualifier | None = None
    low: float | str | None = None
    high: float | str | None = None
    claimed_by: str | None = None
    # what qualifies a figure: the period and place its sentence gives it ("en 2023", "au
    # troisième trimestre"; "in Texas"), and the verb or change noun it is stated with ("killed")
    time: str | None = None
    place: str | None = None
    predicate: str | None = None


@dataclass(slots=True)
class QuoteMention:
    """A quotation in one document, with its speaker when the text names one."""

    text: str
    start: int
    end: int
    speaker: str | None = None


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Document:
    """A cleaned page. Stages fill their fields in order: clean, judge, facts, dedup, stories."""

    id: str
    source: str
    text: str
    format: PageFormat = "text"
    url: str | None = None
    site: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    language: str = "und"
    removed: list[Removal] = field(default_factory=list)
    clean_stats: CleanStats = field(default_factory=CleanStats)
    flags: list[Flag] = field(default_factory=list)
    quality: float = 0.0
    verdict: Verdict = "ok"
    duplicate_of: str | None = None
    story: str | None = None
    content_hash: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[QuoteMention] = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# dedup / stories / cross-check
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class DuplicateCluster:
    id: str
    representative: str
    members: list[str]
    similarity: float | None = None
    evidence: str | None = None


@dataclass(slots=True)
class SharedPassage:
    text: str
    documents: list[str]
    # where the passage lies in each document: document id -> (start, end)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)


@dataclass(slots=True)
class FactMention:
    document: str
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Fact:
    id: str
    kind: FactKind
    label: str
    value: str | float | None
    support: int
    mentions: list[FactMention]
    unit: str | None = None
    subject: str | None = None
    qualifier: Qualifier | None = None
    low: float | str | None = None
    high: float | str | None = None
    claimed_by: str | None = None
    time: str | None = None
    place: str | None = None
    predicate: str | None = None


@dataclass(slots=True)
class Quote:
    text: str
    speaker: str | None
    document: str
    start: int | None = None
    end: int | None = None
    speaker_fact: str | None = None
    support: int | None = None


@dataclass(slots=True)
class DiscrepancyValue:
    value: str | float | None
    documents: list[str]
    text: str | None = None
    facts: list[str] = field(default_factory=list)
    claimed_by: str | None = None


@dataclass(slots=True)
class Discrepancy:
    about: str
    values: list[DiscrepancyValue]
    kind: DiscrepancyKind | None = None


@dataclass(slots=True)
class TimelineEntry:
    date: str
    text: str
    documents: list[str]


@dataclass(slots=True)
class SummarySentence:
    text: str
    sources: list[str]


@dataclass(slots=True)
class Story:
    id: str
    title: str
    documents: list[str]
    summary: list[SummarySentence] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    discrepancies: list[Discrepancy] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    shared_passages: list[SharedPassage] = field(default_factory=list)


@dataclass(slots=True)
class Brief:
    recoupe_version: str
    generated_at: str
    inputs: list[InputEntry]
    documents: list[Document]
    stories: list[Story]
    duplicates: list[DuplicateCluster] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SiteStatistics:
    """What the whole-corpus line pass learned, for the per-page cleaner: per site (`site_key`),
    the `line_key`s of lines printed on several of its articles. Picklable, so that pages can be
    cleaned in worker processes with the same statistics."""

    furniture: dict[str, frozenset[str]] = field(default_factory=dict)
    pages: int = 0  # pages the pass read
    min_pages: int = 2  # articles of one site a line had to appear on
    max_chars: int = 120  # longest line the pass could call furniture


def document_id(source: str) -> str:
    """Stable document id from the input's `source` string, never from its content.

    Two inputs with identical bytes stay two documents (the later becomes `duplicate_of` the
    earlier); a rerun over the same inputs gives the same ids.
    """
    import hashlib

    return "d" + hashlib.sha1(source.encode("utf-8")).hexdigest()[:12]
