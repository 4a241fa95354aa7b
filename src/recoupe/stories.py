"""Stories: documents about the same news event, grouped from their words and the names they cite.

Passes, each callable on its own:

1. `story_features`: per document, a bag of stemmed content words (`textutil.content_words`)
   and of names: the entities the facts stage found (`doc.mentions` of kind person, organization,
   place, product or event) or, when it found none, capitalised words inside sentences, a cheap
   stand-in that works in French and English. Names are folded alike in every language, which
   lets reports of one event in two languages meet on them.
2. `similarity_matrix`: cosine of TF-IDF vectors (sublinear tf, smoothed idf over the set),
   names weighted `name_weight` times a word, times a soft time factor when both dates are known.
3. `average_link`: agglomerative clustering, merging while the average similarity between two
   groups reaches `threshold`.

Duplicates are not clustered: they join the story of their representative. Junk documents are
clustered like the others: they are flagged, not hidden, and an on-topic one belongs to its story.
A story is an event followed over time (a decision, then its consequences a month later), not one
day's news: the time factor only tempers the similarity of reports far apart.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

import numpy as np
import numpy.typing as npt

from recoupe.model import Document
from recoupe.stage import Stage, register
from recoupe.textutil import STOPWORDS, content_words, fold

F32 = npt.NDArray[np.float32]

NAME_KINDS = frozenset({"person", "organization", "place", "product", "event"})
_CAPITALISED = re.compile(r"[A-ZÀ-ÖØ-Þ]\w+")
# after these (and at a line's start) a capital is grammar, not a name
_SENTENCE_OPENERS = frozenset(".!?…:;«“\"'‘’([–—-\n")
# English capitalises these, and they name no participant of an event
_CALENDAR_WORDS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december
    """.split()
)
# A line most of whose words are capitalised is a title-case headline: its capitals are style.
_TITLE_CASE_SHARE = 0.6
_DATE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")


@dataclass(slots=True)
class Features:
    """What a document is about: stemmed content words and names, with their counts."""

    words: Counter[str]
    names: Counter[str]


def story_features(doc: Document) -> Features:
    """The words and names that say what the document is about."""
    words = Counter(content_words(doc.text))
    names: Counter[str] = Counter()
    for mention in doc.mentions:
        if mention.kind in NAME_KINDS:
            label = mention.value if isinstance(mention.value, str) and mention.value else mention.text
            names[fold(label).strip()] += 1
    if not names:
        names = capitalised_names(doc.text)
    return Features(words, names)


def capitalised_names(text: str) -> Counter[str]:
    """Capitalised words inside sentences ("Biden", "ATACMS", "Koursk"), folded: names, mostly.

    Skipped: a word that opens a line or a sentence or follows an opening quote (grammar), weekday
    and month names, function words, and every word of a title-case headline line.
    """
    names: Counter[str] = Counter()
    for line in text.split("\n"):
        if not _is_title_case(line):
            for match in _CAPITALISED.finditer(line):
                if _opens_sentence(line, match.start()):
                    continue
                folded = fold(match.group())
                if len(folded) > 2 and folded not in STOPWORDS and folded not in _CALENDAR_WORDS:
                    names[folded] += 1
    return names


def _is_title_case(line: str) -> bool:
    tokens: list[str] = re.findall(r"\w+", line)
    if len(tokens) < 4:
        return False
    return sum(t[0].isupper() for t in tokens) >= _TITLE_CASE_SHARE * len(tokens)


def _opens_sentence(line: str, start: int) -> bool:
    if start > 0 and line[start - 1].isalnum():
        return True  # inside a word ("iPhone"): not where a name starts
    before = start - 1
    while before >= 0 and line[before] in " \t\u00a0":
        before -= 1
    if before < 0:
        return True
    if line[before] in "'’" and before > 0 and line[before - 1].isalpha() and before == start - 1:
        return False  # French elision: "qu'Armstrong", "l'Ukraine"
    return line[before] in _SENTENCE_OPENERS


def similarity_matrix(
    features: Sequence[Features],
    *,
    name_weight: float = 2.0,
    dates: Sequence[dt.date | None] | None = None,
    time_weight: float = 0.5,
    time_scale_days: float = 120.0,
) -> F32:
    """Cosine similarity of TF-IDF vectors over words and names, tempered by time apart.

    Two documents whose dates are `d` days apart have their similarity multiplied by
    `1 - time_weight * (1 - exp(-d / time_scale_days))`: a soft factor that never drops below
    `1 - time_weight`, so a follow-up a month later can still join its story.
    """
    n = len(features)
    vocabulary: dict[str, int] = {}
    rows: list[dict[int, float]] = []
    for feature in features:
        row: dict[int, float] = {}
        for prefix, counts, weight in (("w:", feature.words, 1.0), ("n:", feature.names, name_weight)):
            for term, count in counts.items():
                column = vocabulary.setdefault(prefix + term, len(vocabulary))
                row[column] = weight * (1.0 + math.log(count))
        rows.append(row)
    if n == 0:
        return np.zeros((0, 0), dtype=np.float32)
    df = np.zeros(len(vocabulary), dtype=np.float64)
    for row in rows:
        df[list(row)] += 1
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    # Terms in a single document add to its norm but to no dot product: keep them out of the
    # matrix, so its width is the shared vocabulary, not every word of the set.
    shared = np.flatnonzero(df >= 2)
    column_of = np.full(len(vocabulary), -1, dtype=np.int64)
    column_of[shared] = np.arange(len(shared))
    matrix = np.zeros((n, len(shared)), dtype=np.float32)
    for i, row in enumerate(rows):
        if not row:
            continue
        columns = np.fromiter(row, dtype=np.int64, count=len(row))
        values = np.fromiter(row.values(), dtype=np.float64, count=len(row)) * idf[columns]
        norm = float(np.sqrt(np.dot(values, values)))
        keep = column_of[columns] >= 0
        matrix[i, column_of[columns[keep]]] = values[keep] / norm
    similarity = matrix @ matrix.T
    if dates is not None and time_weight > 0:
        similarity *= _time_factor(dates, time_weight, time_scale_days)
    np.fill_diagonal(similarity, 1.0)
    return similarity


def _time_factor(dates: Sequence[dt.date | None], weight: float, scale: float) -> F32:
    known = np.array([d is not None for d in dates])
    ordinals = np.array([d.toordinal() if d is not None else 0 for d in dates], dtype=np.float64)
    apart = np.abs(ordinals[:, None] - ordinals[None, :])
    factor = 1.0 - weight * (1.0 - np.exp(-apart / scale))
    factor[~(known[:, None] & known[None, :])] = 1.0
    return factor.astype(np.float32)


def published_date(doc: Document) -> dt.date | None:
    """The document's publication day, when `published` starts with an ISO date."""
    match = _DATE.match(doc.published or "")
    if match is None:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3] or 1))
    except ValueError:
        return None


def average_link(similarity: F32, threshold: float) -> list[list[int]]:
    """Average-link agglomerative clustering: merge the two most similar groups while their
    mean pairwise similarity is at least `threshold`. Groups of positions, in position order.

    Keeps each row's best partner so that a merge costs O(n) plus the rows it invalidates,
    instead of a scan of the whole matrix.
    """
    n = len(similarity)
    sim = similarity.astype(np.float64)
    np.fill_diagonal(sim, -np.inf)
    size = np.ones(n)
    active = np.ones(n, dtype=bool)
    members: list[list[int]] = [[i] for i in range(n)]
    best = sim.argmax(axis=1) if n else np.zeros(0, dtype=np.int64)
    best_value = sim[np.arange(n), best] if n else np.zeros(0)
    while n > 1:
        candidates = np.where(active, best_value, -np.inf)
        i = int(candidates.argmax())
        if candidates[i] < threshold:
            break
        j = int(best[i])
        i, j = min(i, j), max(i, j)  # keep the lower position as the group's slot: deterministic
        merged = (size[i] * sim[i] + size[j] * sim[j]) / (size[i] + size[j])
        merged[[i, j]] = -np.inf
        merged[~active] = -np.inf
        sim[i, :] = merged
        sim[:, i] = merged
        sim[j, :] = -np.inf
        sim[:, j] = -np.inf
        active[j] = False
        size[i] += size[j]
        members[i].extend(members[j])
        members[j] = []
        stale = np.flatnonzero(active & ((best == i) | (best == j)))
        for k in [i, *stale.tolist()]:
            best[k] = int(sim[k].argmax())
            best_value[k] = sim[k, best[k]]
        rising = np.flatnonzero(active & (merged > best_value))
        best[rising] = i
        best_value[rising] = merged[rising]
    return sorted((sorted(group) for group in members if group), key=lambda group: group[0])


def cluster_stories(
    docs: Sequence[Document],
    *,
    threshold: float = 0.13,
    name_weight: float = 2.0,
    time_weight: float = 0.5,
    time_scale_days: float = 120.0,
) -> list[list[str]]:
    """Group documents into stories: doc ids per story, in document order, stories in order of
    their first document. Every document is in exactly one story."""
    _check_options(threshold, name_weight, time_weight, time_scale_days)
    ids = {doc.id for doc in docs}
    clustered = [i for i, doc in enumerate(docs) if doc.duplicate_of is None or doc.duplicate_of not in ids]
    similarity = similarity_matrix(
        [story_features(docs[i]) for i in clustered],
        name_weight=name_weight,
        dates=[published_date(docs[i]) for i in clustered],
        time_weight=time_weight,
        time_scale_days=time_scale_days,
    )
    story_of: dict[str, int] = {}
    for number, group in enumerate(average_link(similarity, threshold)):
        for k in group:
            story_of[docs[clustered[k]].id] = number
    representative_of = {doc.id: doc.duplicate_of for doc in docs}
    stories: dict[int, list[str]] = {}
    for doc in docs:
        # a duplicate takes the story of its representative (following a chain, never a loop)
        target: str | None = doc.id
        seen: set[str] = set()
        while target is not None and target not in story_of and target not in seen:
            seen.add(target)
            target = representative_of.get(target)
        number = story_of[target] if target is not None and target in story_of else -1 - len(stories)
        stories.setdefault(number, []).append(doc.id)
    return list(stories.values())


def story_id(doc_ids: Sequence[str]) -> str:
    """Stable id of a story from its members' ids, whatever their order."""
    joined = "\n".join(sorted(doc_ids))
    return "s" + hashlib.sha1(joined.encode("utf-8")).hexdigest()[:12]


def _check_options(threshold: float, name_weight: float, time_weight: float, time_scale_days: float) -> None:
    if not 0.0 < threshold < 1.0:
        raise ValueError(f"stories threshold must be between 0 and 1 (exclusive), got {threshold!r}")
    if not name_weight >= 0.0:
        raise ValueError(f"stories name_weight must be 0 or more (0 ignores names), got {name_weight!r}")
    if not 0.0 <= time_weight <= 1.0:
        raise ValueError(f"stories time_weight must be from 0 (ignore dates) to 1, got {time_weight!r}")
    if not time_scale_days > 0.0:
        raise ValueError(
            f"stories time_scale_days must be a positive number of days, got {time_scale_days!r}"
        )


@register("stories")
class Stories(Stage):
    """Whole-set stage: group documents into stories (lists of document ids)."""

    requires: ClassVar[tuple[str, ...]] = (
        "document.text",
        "document.duplicate_of",
        "document.published",
        "document.mentions",
    )
    assigns: ClassVar[tuple[str, ...]] = ("story.documents",)

    def __init__(
        self,
        *,
        threshold: float = 0.13,
        name_weight: float = 2.0,
        time_weight: float = 0.5,
        time_scale_days: float = 120.0,
    ) -> None:
        _check_options(threshold, name_weight, time_weight, time_scale_days)
        self.threshold = threshold
        self.name_weight = name_weight
        self.time_weight = time_weight
        self.time_scale_days = time_scale_days

    def run(self, docs: Sequence[Document]) -> list[list[str]]:
        return cluster_stories(
            docs,
            threshold=self.threshold,
            name_weight=self.name_weight,
            time_weight=self.time_weight,
            time_scale_days=self.time_scale_days,
        )

    @staticmethod
    def story_id(doc_ids: Sequence[str]) -> str:
        return story_id(doc_ids)
