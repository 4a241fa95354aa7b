"""What the HTML and Markdown renderers share: source numbering and how values read."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlsplit

from recoupe.model import Brief, DiscrepancyValue, Document, Fact, Qualifier, Story
from recoupe.textutil import format_number  # one formatter for the whole package

# U+202F NARROW NO-BREAK SPACE: the SI thousands separator, read the same in French and English
NO_VALUE = "—"


@dataclass(frozen=True, slots=True)
class SourceRef:
    """How a document is cited: its number in the sources table and a short name."""

    number: int
    id: str
    name: str  # site, else title, else the input as given


def source_refs(brief: Brief) -> dict[str, SourceRef]:
    """Documents numbered from 1 in the brief's order, by id."""
    return {
        doc.id: SourceRef(number=i, id=doc.id, name=doc.site or doc.title or doc.source)
        for i, doc in enumerate(brief.documents, start=1)
    }


@dataclass(frozen=True, slots=True)
class Counts:
    inputs: int
    inputs_ok: int
    inputs_skipped: int
    inputs_error: int
    documents: int
    documents_junk: int
    documents_duplicate: int
    stories: int
    duplicate_clusters: int


def brief_counts(brief: Brief) -> Counts:
    statuses = Counter(entry.status for entry in brief.inputs)
    verdicts = Counter(doc.verdict for doc in brief.documents)
    return Counts(
        inputs=len(brief.inputs),
        inputs_ok=statuses["ok"],
        inputs_skipped=statuses["skipped"],
        inputs_error=statuses["error"],
        documents=len(brief.documents),
        documents_junk=verdicts["junk"],
        documents_duplicate=verdicts["duplicate"],
        stories=len(brief.stories),
        duplicate_clusters=len(brief.duplicates),
    )


def format_value(value: object, unit: str | None = None) -> str:
    """A fact's or discrepancy's value as a reader sees it, with its unit when it has one."""
    if value is None:
        text = NO_VALUE
    elif isinstance(value, bool):
        text = str(value).lower()
    elif isinstance(value, int | float):
        text = format_number(value)
    else:
        text = str(value)
    return f"{text} {unit}" if unit and value is not None else text


def fact_value(fact: Fact) -> str:
    """The value column of a fact: empty when it would only repeat the label (names, claims)."""
    text = format_value(fact.value, fact.unit)
    return "" if text == fact.label else text


def format_interval(low: object, high: object, unit: str | None = None) -> str:
    """The interval a stated value stands for: '270–330 km', '≥ 10', '≤ 300 km', or ''."""
    if low is None and high is None:
        return ""
    if low is not None and high is not None:
        if low == high:
            return ""
        text = f"{format_value(low)}–{format_value(high)}"
    elif low is not None:
        text = f"≥ {format_value(low)}"
    else:
        text = f"≤ {format_value(high)}"
    return f"{text} {unit}" if unit else text


def format_qualifier(qualifier: Qualifier | str | None) -> str:
    return "" if qualifier is None else qualifier.replace("_", " ")


def format_share(share: float | None) -> str:
    """0.9713 -> '97%'; None -> ''."""
    return "" if share is None else f"{share * 100:.0f}%"


def support_label(support: int) -> str:
    if support == 0:
        return "no independent source"
    if support == 1:
        return "single source"
    return f"{support} sources"


def removal_counts(doc: Document) -> list[tuple[str, int]]:
    """How many spans were removed for each reason, most frequent first."""
    counts = Counter(removal.reason for removal in doc.removed)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def paragraphs(text: str) -> list[str]:
    """Clean text's paragraphs (the contract separates them with a blank line)."""
    return [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]


def safe_url(url: str | None) -> str | None:
    """The URL when it is a plain web address; None for javascript:, data: and the like."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:  # malformed ("http://[broken"): shown as text, never as a link
        return None
    return url.strip() if scheme in ("http", "https") else None


def value_unit(story: Story, value: DiscrepancyValue) -> str | None:
    """A discrepancy value's unit, from the first of its facts that has one."""
    units = {fact.id: fact.unit for fact in story.facts if fact.unit}
    return next((units[fact_id] for fact_id in value.facts if fact_id in units), None)
