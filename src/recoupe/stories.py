"""Stories: documents about the same news event, grouped from their words, participants and time.

A story is one event followed over time (a decision, then its consequences a month later). Two
events of one kind (two earthquakes, two trials of different people) are two stories: what they
share is the vocabulary of their kind; what tells them apart is who takes part and when.

Passes, each callable on its own:

1. `story_features(doc) -> Features`: stemmed content words (`textutil.content_words`); the
   participants, i.e. the names of people, organizations, products and events the facts stage
   found (`doc.mentions`; when it found none, capitalised words inside sentences stand in);
   and the event's day: the publication date, or, for a page without one, its head's date line,
   else its address's day, else the latest date the text states (`doc.mentions` of kind date,
   resolved by `facts.dates`). Places are left to the
   words: a country names where many events happen, not which one.
2. `TermFrequencies.of(features)` counts in how many documents each word and name occurs (the
   idf); `story_vector(features, frequencies)` weighs a document's terms (sublinear tf x idf),
   words and names each normalised to unit length.
3. `similarity(a, b)` / `similarities(one, many)`: `(1 - name_share) * cos(words) + name_share *
   cos(names)` (the words alone when neither document has a name), times a time factor when both
   days are known: reports `d` days apart are multiplied by
   `1 - time_weight * (1 - exp(-d / time_scale_days))`, so a follow-up a month later keeps most
   of its similarity and a same-kind event years apart loses most of it.
4. `cluster_vectors`: average-link agglomeration over the sparse graph of non-zero similarities
   (no n x n array: rows are computed one document at a time from an inverted index), merging
   while two groups' mean similarity reaches `threshold`; then `attach_fragments`: a group of at
   most `fragment_size` documents joins the larger group it is closest to when its mean
   similarity to it reaches `fragment_share * threshold` and one of its documents is as close
   as `threshold` to one of the group's (a report that strays to a side of the story is still
   about it; a page only loosely like many is not).

Public API for incremental use (a store that assigns each new document to a story):

    features = story_features(doc)                       # keep with the document (to_dict/from_dict)
    frequencies.add(features)                            # TermFrequencies kept with the store
    vector = story_vector(features, frequencies)
    scores = similarities(vector, [story_vector(f, frequencies) for f in members], options)
    story = nearest_story({story_id: scores_of_its_members, ...}, options.threshold)

`StoryOptions` holds the defaults (`DEFAULT_OPTIONS`); the `Stories` stage takes the same names.
Measured in `bench/bench_stories.py`: above a TF-IDF baseline whose threshold is tuned on each
set's gold, on French topics (RPM2) and English same-kind events (ECB+), with one configuration.

Duplicates are not clustered: they join the story of their representative. Junk documents are
clustered like the others: they are flagged, not hidden, and an on-topic one belongs to its story.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, ClassVar

import numpy as np
import numpy.typing as npt
from scipy import sparse

from recoupe import lang as lang_data
from recoupe.model import Document, Mention
from recoupe.stage import Stage, register
from recoupe.textutil import STOPWORDS, content_words, fold

F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]

# who takes part in an event; places are left to the words (see the module docstring)
NAME_KINDS = frozenset({"person", "organization", "product", "event"})
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
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True, slots=True)
class StoryOptions:
    """How documents are grouped; the defaults are the `Stories` stage's (measured in bench/)."""

    threshold: float = 0.09  # mean similarity two groups need to merge (average link)
    name_share: float = 0.5  # weight of the participants' names against the words, 0..1
    time_weight: float = 0.8  # how much days apart can lower a similarity, 0 (ignore) .. 1
    time_scale_days: float = 365.0  # days apart at which ~63 % of time_weight applies
    fragment_size: int = 3  # groups this small join their closest larger story...
    fragment_share: float = 0.7  # ... when their mean similarity reaches this share of threshold

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold < 1.0:
            raise ValueError(f"stories threshold must be between 0 and 1 (exclusive), got {self.threshold!r}")
        if not 0.0 <= self.name_share <= 1.0:
            raise ValueError(
                f"stories name_share must be from 0 (words only) to 1 (names only), got {self.name_share!r}"
            )
        if not 0.0 <= self.time_weight <= 1.0:
            raise ValueError(
                f"stories time_weight must be from 0 (ignore dates) to 1, got {self.time_weight!r}"
            )
        if not self.time_scale_days > 0.0:
            raise ValueError(
                f"stories time_scale_days must be a positive number of days, got {self.time_scale_days!r}"
            )
        if (
            isinstance(self.fragment_size, bool)
            or not isinstance(self.fragment_size, int)
            or self.fragment_size < 0
        ):
            raise ValueError(
                "stories fragment_size must be a whole number of documents, 0 or more, "
                f"got {self.fragment_size!r}"
            )
        if not 0.0 < self.fragment_share <= 1.0:
            raise ValueError(
                f"stories fragment_share must be above 0 and at most 1, got {self.fragment_share!r}"
            )


DEFAULT_OPTIONS = StoryOptions()
DEFAULT_THRESHOLD = DEFAULT_OPTIONS.threshold


# --------------------------------------------------------------------------------------------
# features
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Features:
    """What a document is about: stemmed content words and participants' names with their counts,
    and the day of the event it reports (None when neither the page nor its text dates it)."""

    words: Counter[str]
    names: Counter[str]
    day: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form, for a store to keep with the document."""
        return {
            "words": dict(self.words),
            "names": dict(self.names),
            "day": self.day.isoformat() if self.day is not None else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Features:
        day = data.get("day")
        return cls(
            Counter(data.get("words", {})),
            Counter(data.get("names", {})),
            dt.date.fromisoformat(day) if isinstance(day, str) else None,
        )


def story_features(doc: Document) -> Features:
    """The words, participants and event day that say what the document is about."""
    words = Counter(content_words(doc.text, stop=_stop_words(doc.language)))
    names: Counter[str] = Counter()
    for mention in doc.mentions:
        if mention.kind in NAME_KINDS:
            label = mention.value if isinstance(mention.value, str) and mention.value else mention.text
            names[fold(label).strip()] += 1
    if not any(m.kind in NAME_KINDS or m.kind == "place" for m in doc.mentions):
        names = capitalised_names(doc.text)
    return Features(words, names, event_day(doc))


@cache
def _stop_words(language: str) -> frozenset[str]:
    """Function words of a page in a language with no folder here, folded: a Spanish or German
    page's "de", "la", "und" would make any two of them alike. French and English pages keep
    the list every page leaves out (`textutil.STOPWORDS`, the one the story benches measure)."""
    if language in lang_data.languages():
        return frozenset()
    return frozenset(fold(w) for w in lang_data.stop_words(language))


def event_day(doc: Document) -> dt.date | None:
    """The day of the event a document reports: its publication date; else the day a short line
    of its head states ("Thursday , December 11 , 2008", `facts.dates.date_line`), then the day its
    address files it under ("…/news/2009/dec/07/…", `facts.dates.url_date`): the dates a page
    scraped without its metadata keeps; else the latest date its text states (a report states its
    event's date and earlier background, rarely later ones).

    Dates come from the facts stage (`doc.mentions` of kind date); a document it did not see has
    its text read by `facts.dates` directly. A period ("1990/1999") dates nothing; a month stands
    for its 15th day and a year for its 1 July.
    """
    published = published_date(doc)
    if published is not None:
        return published
    own = _own_day(doc)
    if own is not None:
        return own
    mentions: Iterable[Mention] = doc.mentions
    if not doc.mentions:
        from recoupe.facts.dates import extract_dates  # patterns only: no model is loaded

        mentions = extract_dates(doc.text, None, doc.language)
    days = [day for m in mentions if m.kind == "date" and (day := _stated_day(m.value)) is not None]
    return max(days) if days else None


def _own_day(doc: Document) -> dt.date | None:
    """The day an undated page gives itself: a date line of its head, else the day of its
    address (its URL, or the address a scraped page opens with)."""
    from recoupe.facts.dates import date_line, url_date  # patterns only: no model is loaded

    first_line = doc.text.lstrip().split("\n", 1)[0]
    day = date_line(doc.text, doc.language or "") or url_date(doc.url or "") or url_date(first_line)
    return _stated_day(day)


def _stated_day(value: object) -> dt.date | None:
    match = _ISO_DATE.match(value) if isinstance(value, str) else None
    if match is None:
        return None
    try:
        return dt.date(int(match[1]), int(match[2] or 7), int(match[3] or (15 if match[2] else 1)))
    except ValueError:
        return None


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


def published_date(doc: Document) -> dt.date | None:
    """The document's publication day, when `published` starts with an ISO date."""
    match = _DATE.match(doc.published or "")
    if match is None:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3] or 1))
    except ValueError:
        return None


# --------------------------------------------------------------------------------------------
# vectors and similarity
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class TermFrequencies:
    """In how many documents each word and name occurs: the idf of a set, or of a growing store."""

    documents: int = 0
    words: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of(cls, features: Iterable[Features]) -> TermFrequencies:
        frequencies = cls()
        for feature in features:
            frequencies.add(feature)
        return frequencies

    def add(self, features: Features) -> None:
        self.documents += 1
        self.words.update(features.words.keys())
        self.names.update(features.names.keys())

    def idf(self, frequency: int) -> float:
        """Smoothed idf: a term in every document still weighs 1, an unseen one the most."""
        return math.log((1.0 + self.documents) / (1.0 + frequency)) + 1.0


@dataclass(frozen=True, slots=True)
class StoryVector:
    """A document's weighted words and names, each of unit length, and its event day."""

    words: dict[str, float]
    names: dict[str, float]
    day: dt.date | None


def story_vector(features: Features, frequencies: TermFrequencies) -> StoryVector:
    """Sublinear tf x idf of the words and of the names, each normalised to unit length."""
    return StoryVector(
        _unit(features.words, frequencies.words, frequencies),
        _unit(features.names, frequencies.names, frequencies),
        features.day,
    )


def _unit(
    counts: Counter[str], document_frequency: Counter[str], frequencies: TermFrequencies
) -> dict[str, float]:
    weights = {
        term: (1.0 + math.log(count)) * frequencies.idf(document_frequency.get(term, 0))
        for term, count in counts.items()
        if count > 0
    }
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {term: w / norm for term, w in weights.items()} if norm else {}


def time_factor(a: dt.date | None, b: dt.date | None, options: StoryOptions = DEFAULT_OPTIONS) -> float:
    """How much days apart lower the similarity of two reports (1 when either day is unknown)."""
    if a is None or b is None or options.time_weight == 0:
        return 1.0
    apart = abs(a.toordinal() - b.toordinal())
    return 1.0 - options.time_weight * (1.0 - math.exp(-apart / options.time_scale_days))


def similarity(a: StoryVector, b: StoryVector, options: StoryOptions = DEFAULT_OPTIONS) -> float:
    """How likely two documents report one event, 0..1 (1 for the same words, names and day)."""
    return float(similarities(a, [b], options)[0])


def similarities(
    one: StoryVector, many: Sequence[StoryVector], options: StoryOptions = DEFAULT_OPTIONS
) -> F64:
    """`similarity(one, other)` for each of `many`, as an array in their order."""
    if not many:
        return np.zeros(0, dtype=np.float64)
    matrix = VectorMatrix.of([one, *many])
    block = similarity_block(matrix, np.zeros(1, dtype=np.int64), np.arange(1, len(many) + 1), options)
    row: F64 = block[0]
    return row


def nearest_story(
    scores_by_story: Mapping[str, Sequence[float]], threshold: float = DEFAULT_THRESHOLD
) -> str | None:
    """The story whose members a new document is most similar to on average (the average-link
    rule the batch clustering uses), or None when no story reaches `threshold`."""
    best: tuple[float, str] | None = None
    for story, scores in scores_by_story.items():
        if len(scores):
            mean = float(np.mean(scores))
            if mean >= threshold and (best is None or mean > best[0]):
                best = (mean, story)
    return best[1] if best is not None else None


@dataclass(frozen=True, slots=True)
class VectorMatrix:
    """Story vectors as the rows of two sparse matrices (scipy CSR), words and names, each row
    of unit length or empty, and their event days (proleptic ordinals, 0 when unknown).

    The same rows whether they come from `StoryVector`s (`of`, a batch) or from a store's term
    ids and weights (`from_weights`): both paths compute similarities with one formula."""

    words: Any
    names: Any
    days: I64

    def __len__(self) -> int:
        return int(self.words.shape[0])

    @classmethod
    def of(cls, vectors: Sequence[StoryVector]) -> VectorMatrix:
        days = np.array([v.day.toordinal() if v.day is not None else 0 for v in vectors], dtype=np.int64)
        return cls(_csr_rows([v.words for v in vectors]), _csr_rows([v.names for v in vectors]), days)

    @classmethod
    def from_weights(
        cls, rows: Sequence[tuple[I64, F64]], is_name: Sequence[npt.NDArray[np.bool_]], days: I64
    ) -> VectorMatrix:
        """Rows of (term ids, weights), each weight already tf x idf; `is_name` tells, term by
        term, which are names. Each part of a row is normalised to unit length here."""
        lengths = np.array([len(t) for t, _ in rows], dtype=np.int64)
        terms = np.concatenate([t for t, _ in rows] or [np.zeros(0, np.int64)]).astype(np.int64)
        weights = np.concatenate([w for _, w in rows] or [np.zeros(0, np.float64)]).astype(np.float64)
        names = np.concatenate(list(is_name) or [np.zeros(0, bool)]).astype(bool)
        return cls.from_flat(terms, weights, names, lengths, days)

    @classmethod
    def from_flat(
        cls, terms: I64, weights: F64, is_name: npt.NDArray[np.bool_], lengths: I64, days: I64
    ) -> VectorMatrix:
        """`from_weights` over the rows laid end to end (`lengths` terms each): a region of
        thousands of stored documents is built in a few array operations, not a loop per row."""
        width = 1 + (int(terms.max()) if len(terms) else 0)
        row_of = np.repeat(np.arange(len(lengths)), lengths)
        parts = []
        for want in (False, True):
            picked = is_name == want
            parts.append(_unit_rows_flat(row_of[picked], terms[picked], weights[picked], len(lengths), width))
        return cls(parts[0], parts[1], np.asarray(days, dtype=np.int64))

    @property
    def named(self) -> npt.NDArray[np.bool_]:
        named: npt.NDArray[np.bool_] = np.diff(self.names.indptr) > 0
        return named


def _csr_rows(rows: Sequence[Mapping[str, float]]) -> Any:
    vocabulary: dict[str, int] = {}
    indptr = [0]
    indices: list[int] = []
    data: list[float] = []
    for row in rows:
        for term, weight in row.items():
            indices.append(vocabulary.setdefault(term, len(vocabulary)))
            data.append(weight)
        indptr.append(len(indices))
    return sparse.csr_matrix(
        (
            np.array(data, dtype=np.float64),
            np.array(indices, dtype=np.int64),
            np.array(indptr, dtype=np.int64),
        ),
        shape=(len(rows), max(1, len(vocabulary))),
    )


def _unit_rows_flat(row_of: I64, terms: I64, weights: F64, n_rows: int, width: int) -> Any:
    """A CSR matrix of unit rows from entries laid out row by row (`row_of` ascending)."""
    lengths = np.bincount(row_of, minlength=n_rows)
    indptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    norms = np.sqrt(np.bincount(row_of, weights=weights * weights, minlength=n_rows))
    norms = np.where(norms > 0, norms, 1.0)
    return sparse.csr_matrix((weights / norms[row_of], terms, indptr), shape=(n_rows, width))


def _combine(
    words: Any, names: Any, matrix: VectorMatrix, left: I64, right: I64, options: StoryOptions
) -> Any:
    """The similarity formula over sparse products of rows `left` x rows `right`: words and
    names mixed by `name_share` (the words alone when neither document has a name), times the
    time factor when both days are known. Returns a COO matrix of the non-zero values."""
    words = words.tocoo()
    named = matrix.named
    either = named[left][words.row] | named[right][words.col]
    mixed = sparse.coo_matrix(
        (words.data * np.where(either, 1.0 - options.name_share, 1.0), (words.row, words.col)),
        shape=words.shape,
    )
    if options.name_share > 0 and names.nnz:
        mixed = (mixed.tocsr() + options.name_share * names.tocsr()).tocoo()
    if options.time_weight > 0:
        a, b = matrix.days[left][mixed.row], matrix.days[right][mixed.col]
        known = (a > 0) & (b > 0)
        apart = np.abs(a - b).astype(np.float64)
        factor = 1.0 - options.time_weight * (1.0 - np.exp(-apart / options.time_scale_days))
        mixed.data = np.where(known, mixed.data * factor, mixed.data)
    mixed.eliminate_zeros()
    return mixed


def similarity_block(
    matrix: VectorMatrix, left: I64, right: I64, options: StoryOptions = DEFAULT_OPTIONS
) -> F64:
    """Dense similarities of rows `left` (rows of the result) against rows `right` (columns)."""
    left, right = np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64)
    words = matrix.words[left] @ matrix.words[right].T
    names = matrix.names[left] @ matrix.names[right].T
    block: F64 = _combine(words, names, matrix, left, right, options).toarray()
    return block


@dataclass(frozen=True, slots=True)
class Pairs:
    """The non-zero similarities of `n` documents: `values[k]` between `left[k] < right[k]`."""

    n: int
    left: I64
    right: I64
    values: F64

    @classmethod
    def from_mapping(cls, n: int, graph: Mapping[tuple[int, int], float]) -> Pairs:
        kept = [(min(i, j), max(i, j), v) for (i, j), v in graph.items() if i != j and v != 0]
        left, right, values = zip(*kept, strict=True) if kept else ((), (), ())
        return cls(n, np.array(left, np.int64), np.array(right, np.int64), np.array(values, np.float64))

    def as_mapping(self) -> dict[tuple[int, int], float]:
        pairs = zip(self.left.tolist(), self.right.tolist(), strict=True)
        return dict(zip(pairs, self.values.tolist(), strict=True))


def similarity_pairs(matrix: VectorMatrix, options: StoryOptions = DEFAULT_OPTIONS) -> Pairs:
    """Every non-zero similarity among the rows of `matrix`, from two sparse products: memory
    follows the pairs that share a term, never n x n."""
    every = np.arange(len(matrix), dtype=np.int64)
    words = sparse.triu(matrix.words @ matrix.words.T, k=1)
    names = sparse.triu(matrix.names @ matrix.names.T, k=1)
    found = _combine(words, names, matrix, every, every, options)
    return Pairs(
        len(matrix), found.row.astype(np.int64), found.col.astype(np.int64), found.data.astype(np.float64)
    )


def similarity_graph(
    vectors: Sequence[StoryVector], options: StoryOptions = DEFAULT_OPTIONS
) -> dict[tuple[int, int], float]:
    """The non-zero similarities `(i, j) -> s` with `i < j` of `vectors`."""
    return similarity_pairs(VectorMatrix.of(vectors), options).as_mapping()


# --------------------------------------------------------------------------------------------
# clustering
# --------------------------------------------------------------------------------------------

# Up to this many documents, average link runs in scipy (C) over a condensed distance array of
# n(n-1)/2 doubles (25 MB at 2,500); above it, in Python over the non-zero pairs only. Both are
# the same algorithm, tested against the textbook one; a store's regions and a batch brief stay
# under it.
DENSE_LINKAGE_MAX = 2500


def average_link(similarity: F32, threshold: float) -> list[list[int]]:
    """Average-link clustering of a dense similarity matrix (its diagonal is ignored): groups of
    positions, in position order. `cluster_pairs` does the same over sparse pairs."""
    n = len(similarity)
    upper = np.triu_indices(n, 1)
    values = np.asarray(similarity, dtype=np.float64)[upper]
    keep = values != 0
    pairs = Pairs(n, upper[0][keep].astype(np.int64), upper[1][keep].astype(np.int64), values[keep])
    return cluster_pairs(pairs, threshold)


def cluster_pairs(pairs: Pairs, threshold: float, *, dense_max: int = DENSE_LINKAGE_MAX) -> list[list[int]]:
    """Average-link agglomeration (absent pairs have similarity 0): merge the two groups of
    highest mean pairwise similarity while it is at least `threshold`. Groups of positions
    0..n-1, each sorted, in order of their first position."""
    if pairs.n <= 1:
        return [[0]] if pairs.n == 1 else []
    if pairs.n <= dense_max:
        return _linkage_groups(pairs, threshold)
    return cluster_graph(pairs.n, pairs.as_mapping(), threshold)


def _linkage_groups(pairs: Pairs, threshold: float) -> list[list[int]]:
    from scipy.cluster.hierarchy import fcluster, linkage

    n, i, j = pairs.n, pairs.left, pairs.right
    # distances from the highest similarity (1, or a rounding above it): never negative, and
    # every pair keeps its order; absent pairs are at the top distance
    top = max(1.0, float(pairs.values.max(initial=1.0)))
    distances = np.full(n * (n - 1) // 2, top, dtype=np.float64)
    distances[n * i - i * (i + 1) // 2 + (j - i - 1)] = top - pairs.values
    tree = linkage(distances, method="average")
    # a merge at mean similarity >= threshold is one at distance <= top - threshold (the margin
    # absorbs the rounding of top - mean against the mean of top - s)
    labels = fcluster(tree, t=top - threshold + 1e-12, criterion="distance")
    groups: dict[int, list[int]] = {}
    for position, label in enumerate(labels.tolist()):
        groups.setdefault(label, []).append(position)
    return sorted(groups.values(), key=lambda group: group[0])


def cluster_graph(n: int, graph: Mapping[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Average link over a sparse graph in Python, for sets too large for the dense path.

    Groups keep the summed similarity to each neighbouring group, and a heap holds candidate
    merges (stale entries are skipped), so a run costs O(E log E) for E non-zero pairs.
    """
    links: list[dict[int, float]] = [{} for _ in range(n)]
    for (i, j), value in graph.items():
        if i != j:
            links[i][j] = links[j][i] = value
    size = [1] * n
    members: list[list[int]] = [[i] for i in range(n)]
    heap = [
        (-value, min(i, j), max(i, j)) for (i, j), value in graph.items() if i != j and value >= threshold
    ]
    heapq.heapify(heap)
    while heap:
        negative, i, j = heapq.heappop(heap)
        total = links[i].get(j)
        if total is None or -negative != total / (size[i] * size[j]):
            continue  # a group merged since this entry was pushed
        for k, value in links[j].items():
            if k != i:
                links[i][k] = links[i].get(k, 0.0) + value
                del links[k][j]
                links[k][i] = links[i][k]
        del links[i][j]
        links[j] = {}
        size[i] += size[j]
        members[i].extend(members[j])
        members[j] = []
        for k, value in links[i].items():
            mean = value / (size[i] * size[k])
            if mean >= threshold:
                heapq.heappush(heap, (-mean, min(i, k), max(i, k)))
    return sorted((sorted(group) for group in members if group), key=lambda group: group[0])


def attach_fragments(
    groups: Sequence[Sequence[int]],
    pairs: Pairs,
    *,
    threshold: float,
    fragment_size: int,
    fragment_share: float,
) -> list[list[int]]:
    """Groups of at most `fragment_size` positions join the larger group they are closest to (mean
    similarity) when that mean reaches `fragment_share * threshold` and one of their documents is
    as close to one of the group's as `threshold`; the others stay as they are. Larger groups
    never merge here, and a fragment never joins another fragment.

    The second condition keeps a loose group from gathering every stray page: on a stream of
    unrelated first-person essays (FreSaDa), diffuse similarity alone attached 29 of them to one
    group of 4; a report that strays to a side of a story still shares one strong link with it."""
    count = len(groups)
    group_of = np.zeros(pairs.n, dtype=np.int64)
    for g, group in enumerate(groups):
        group_of[list(group)] = g
    sizes = np.array([len(group) for group in groups], dtype=np.float64)
    large = sizes > fragment_size
    a, b = group_of[pairs.left], group_of[pairs.right]
    across = a != b
    sums = sparse.coo_matrix((pairs.values[across], (a[across], b[across])), shape=(count, count)).tocsr()
    sums = (sums + sums.T).tocsr()
    chosen: dict[int, tuple[int, float]] = {}  # fragment -> the larger group it is closest to, mean
    for g in np.flatnonzero(~large).tolist():
        row = sums.getrow(g)
        targets = [h for h in row.indices.tolist() if large[h]]
        if not targets:
            continue
        totals = dict(zip(row.indices.tolist(), row.data.tolist(), strict=True))
        means = {h: totals[h] / (sizes[g] * sizes[h]) for h in targets}
        target = max(sorted(means), key=lambda h: means[h])
        chosen[g] = (target, means[target])
    # the strongest link between each fragment and the group it is closest to
    target_of = np.full(count, -1, dtype=np.int64)
    for g, (target, _) in chosen.items():
        target_of[g] = target
    strongest = np.zeros(count, dtype=np.float64)
    for fragment, story in ((a, b), (b, a)):
        hit = across & (target_of[fragment] == story)
        np.maximum.at(strongest, fragment[hit], pairs.values[hit])
    result = {g: list(group) for g, group in enumerate(groups)}
    for g, (target, mean) in chosen.items():
        if mean >= fragment_share * threshold and strongest[g] >= threshold:
            result[target].extend(result.pop(g))
    return sorted((sorted(group) for group in result.values()), key=lambda group: group[0])


def cluster_matrix(matrix: VectorMatrix, options: StoryOptions = DEFAULT_OPTIONS) -> list[list[int]]:
    """Stories as groups of rows of `matrix`: average link, then fragments attached."""
    pairs = similarity_pairs(matrix, options)
    groups = cluster_pairs(pairs, options.threshold)
    if options.fragment_size == 0:
        return groups
    return attach_fragments(
        groups,
        pairs,
        threshold=options.threshold,
        fragment_size=options.fragment_size,
        fragment_share=options.fragment_share,
    )


def cluster_vectors(
    vectors: Sequence[StoryVector], options: StoryOptions = DEFAULT_OPTIONS
) -> list[list[int]]:
    """Stories as groups of positions into `vectors`: average link, then fragments attached."""
    return cluster_matrix(VectorMatrix.of(vectors), options)


def cluster_stories(docs: Sequence[Document], options: StoryOptions = DEFAULT_OPTIONS) -> list[list[str]]:
    """Group documents into stories: doc ids per story, in document order, stories in order of
    their first document. Every document is in exactly one story."""
    ids = {doc.id for doc in docs}
    clustered = [i for i, doc in enumerate(docs) if doc.duplicate_of is None or doc.duplicate_of not in ids]
    features = [story_features(docs[i]) for i in clustered]
    frequencies = TermFrequencies.of(features)
    vectors = [story_vector(f, frequencies) for f in features]
    story_of: dict[str, int] = {}
    for number, group in enumerate(cluster_vectors(vectors, options)):
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


@register("stories")
class Stories(Stage):
    """Whole-set stage: group documents into stories (lists of document ids)."""

    requires: ClassVar[tuple[str, ...]] = (
        "document.text",
        "document.language",
        "document.duplicate_of",
        "document.published",
        "document.mentions",
    )
    assigns: ClassVar[tuple[str, ...]] = ("story.documents",)

    def __init__(
        self,
        *,
        threshold: float = DEFAULT_OPTIONS.threshold,
        name_share: float = DEFAULT_OPTIONS.name_share,
        time_weight: float = DEFAULT_OPTIONS.time_weight,
        time_scale_days: float = DEFAULT_OPTIONS.time_scale_days,
        fragment_size: int = DEFAULT_OPTIONS.fragment_size,
        fragment_share: float = DEFAULT_OPTIONS.fragment_share,
    ) -> None:
        self.options = StoryOptions(
            threshold=threshold,
            name_share=name_share,
            time_weight=time_weight,
            time_scale_days=time_scale_days,
            fragment_size=fragment_size,
            fragment_share=fragment_share,
        )

    def run(self, docs: Sequence[Document]) -> list[list[str]]:
        return cluster_stories(docs, self.options)

    @staticmethod
    def story_id(doc_ids: Sequence[str]) -> str:
        return story_id(doc_ids)


# --------------------------------------------------------------------------------------------
# evaluation: one B-cubed for the tests and benchmarks that score a grouping
# --------------------------------------------------------------------------------------------


def partition_of(labels: Mapping[str, str]) -> list[set[str]]:
    """Items grouped by their label: `{"a": "T1", "b": "T1", "c": "T2"}` -> `[{"a", "b"}, {"c"}]`."""
    groups: dict[str, set[str]] = {}
    for item, label in labels.items():
        groups.setdefault(label, set()).add(item)
    return list(groups.values())


def bcubed(
    predicted: Iterable[Iterable[str]], reference: Iterable[Iterable[str]]
) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga & Baldwin 1998) of one partition of items against
    another of the same items: per item, the share of its group that the other group also holds."""
    of_predicted = {item: frozenset(group) for group in map(frozenset, predicted) for item in group}
    of_reference = {item: frozenset(group) for group in map(frozenset, reference) for item in group}
    items = sorted(of_predicted)
    if not items:
        raise ValueError("bcubed: nothing to score")
    shared = {x: len(of_predicted[x] & of_reference.get(x, frozenset())) for x in items}
    precision = sum(shared[x] / len(of_predicted[x]) for x in items) / len(items)
    recall = sum(shared[x] / len(of_reference[x]) if x in of_reference else 0.0 for x in items) / len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
