"""Cross-check: merge what the documents of one story state into facts with independent support.

Independence follows the journalist's rule: documents of one duplicate cluster, of one site, or
whose mention lies in a passage they share word for word count as one source; junk documents
are listed as mentions but add no support. One fact per value stated about the same subject;
a discrepancy where the intervals of the values stated for one subject do not overlap.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from recoupe.facts.entities import merge_aliases
from recoupe.model import (
    Discrepancy,
    DiscrepancyKind,
    DiscrepancyValue,
    Document,
    Fact,
    FactKind,
    FactMention,
    Mention,
    Quote,
    SharedPassage,
)
from recoupe.textutil import fold, sentences_of, tfidf_matrix

ENTITY_KINDS: frozenset[FactKind] = frozenset(
    {"person", "organization", "place", "product", "event", "other"}
)
_CURRENCIES = frozenset({"USD", "EUR", "GBP", "JPY", "CHF", "CNY", "RUB", "UAH", "CAD", "AUD", "INR"})
_LENGTHS = frozenset({"km", "m", "cm", "mm", "mi", "ft", "nmi"})
# durations ("douze jours après l'élection") measure the gap between two events the sentence
# names; two pages rarely name the same pair, so their values are never set against each other
_DURATIONS = frozenset(
    "jour jours semaine semaines mois an ans année années heure heures minute minutes "
    "day days week weeks month months year years hour hours".split()
)
# nouns that name who is counted without saying which group: "10 000 soldats nord-coréens" and
# "11 000 militaires nord-coréens" are about the same group, told apart by the adjective
_GENERIC_NOUNS = frozenset(
    """
    soldat militaire troupe homme femme combattant personne gens membre individu effectif
    soldier troop man men woman women fighter people person member personnel
    nombre total number
    """.split()
)
_SUBJECT_STOP = frozenset(
    "de des du la le les l d un une et en au aux a à of the a an and in to dont sur pour avec by for".split()
)
_TOKEN = re.compile(r"\w+", re.UNICODE)
# lowest cosine between the sentences of two differing figures for them to be a discrepancy
SAME_CONTEXT = 0.2


def unit_class(unit: str | None) -> str:
    """What kind of measure a unit is, so that 300 km is never compared with 300 soldiers."""
    if unit is None:
        return "count"
    if unit in _CURRENCIES:
        return "money"
    if unit in _LENGTHS:
        return "length"
    if unit == "%":
        return "percent"
    if unit.casefold() in _DURATIONS:
        return "duration"
    return "count"


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith(("s", "x")) and not word.endswith("ss"):
        return word[:-1]
    return word


def subject_key(subject: str | None, unit: str | None) -> str:
    """A folded key for what a quantity counts: content words, singular, generic nouns dropped.

    Returns "" when nothing specific is left ("10 000 hommes"): such values are grouped by unit
    only and never reported as discrepancies, since we cannot tell what they count.
    """
    words: set[str] = set()
    for source in (subject or "", (unit or "") if unit_class(unit) == "count" else ""):
        for token in _TOKEN.findall(fold(source)):
            token = _singular(token)
            if token in _SUBJECT_STOP or token in _GENERIC_NOUNS or token.isdigit():
                continue
            words.add(token)
    return " ".join(sorted(words))


# --------------------------------------------------------------------------------------------
# independence
# --------------------------------------------------------------------------------------------


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass(slots=True)
class Independence:
    """Which documents count as one source, and which may count at all."""

    unit_of: dict[str, str]
    junk: frozenset[str]
    passages: Sequence[SharedPassage] = ()

    @classmethod
    def of(cls, docs: Sequence[Document], passages: Sequence[SharedPassage] = ()) -> Independence:
        uf = _UnionFind()
        by_site: dict[str, str] = {}
        for doc in docs:
            uf.find(doc.id)
            if doc.duplicate_of:
                uf.union(doc.id, doc.duplicate_of)
            if doc.site:
                site = fold(doc.site).removeprefix("www.")
                if site in by_site:
                    uf.union(doc.id, by_site[site])
                else:
                    by_site[site] = doc.id
        unit_of = {doc.id: uf.find(doc.id) for doc in docs}
        junk = frozenset(doc.id for doc in docs if doc.verdict == "junk")
        return cls(unit_of, junk, passages)

    def support(self, mentions: Iterable[FactMention]) -> int:
        """Independent sources among the mentions' documents."""
        mentions = [m for m in mentions if m.document not in self.junk and m.document in self.unit_of]
        uf = _UnionFind()
        for m in mentions:
            uf.find(self.unit_of[m.document])
        for passage in self.passages:
            inside = [
                m
                for m in mentions
                if m.document in passage.spans
                and passage.spans[m.document][0] <= m.start
                and m.end <= passage.spans[m.document][1]
            ]
            for a, b in itertools.pairwise(inside):
                uf.union(self.unit_of[a.document], self.unit_of[b.document])
        return len({uf.find(self.unit_of[m.document]) for m in mentions})

    def sources(self, documents: Iterable[str]) -> frozenset[str]:
        """The independent sources among the documents (junk ones count as none)."""
        return frozenset(self.unit_of[d] for d in documents if d not in self.junk and d in self.unit_of)

    def documents_support(self, documents: Iterable[str]) -> int:
        return len(self.sources(documents))


# --------------------------------------------------------------------------------------------
# facts
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Group:
    kind: FactKind
    mentions: list[tuple[str, Mention]] = field(default_factory=list)


def _fact_id(story_id: str, *parts: object) -> str:
    key = "\x1f".join(str(p) for p in (story_id, *parts))
    return "f" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _format_number(value: float) -> str:
    if value >= 1e9 and value % 1e7 == 0:
        return f"{value / 1e9:g} billion"
    if value >= 1e6 and value % 1e4 == 0:
        return f"{value / 1e6:g} million"
    if value == int(value):
        return f"{int(value):,}".replace(",", " ")
    return f"{value:g}"


_QUALIFIER_WORDS = {
    "approximately": "about ",
    "at_most": "up to ",
    "at_least": "at least ",
    "more_than": "more than ",
    "less_than": "less than ",
}


def _interval(m: Mention) -> tuple[float, float]:
    low = m.low if isinstance(m.low, int | float) else None
    high = m.high if isinstance(m.high, int | float) else None
    value = m.value if isinstance(m.value, int | float) else None
    if low is None and high is None and value is not None and m.qualifier in (None, "exact"):
        low = high = value
    return (-math.inf if low is None else float(low), math.inf if high is None else float(high))


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None


def entity_aliases(docs: Sequence[Document]) -> dict[str, str]:
    """Map every entity name stated in the story to one canonical name across documents."""
    names = sorted({str(m.value or m.text) for doc in docs for m in doc.mentions if m.kind in ENTITY_KINDS})
    aliases: dict[str, str] = merge_aliases(names)
    return aliases


@dataclass(slots=True)
class CrossCheck:
    facts: list[Fact]
    discrepancies: list[Discrepancy]
    quotes: list[Quote]


def cross_check(
    story_id: str,
    docs: Sequence[Document],
    passages: Sequence[SharedPassage] = (),
    *,
    independence: Independence | None = None,
) -> CrossCheck:
    """Facts, discrepancies and quotes of one story from its documents' mentions."""
    independence = independence or Independence.of(docs, passages)
    aliases = entity_aliases(docs)
    groups: dict[tuple[object, ...], _Group] = {}
    for doc in docs:
        for m in doc.mentions:
            key: tuple[object, ...]
            if m.kind in ENTITY_KINDS:
                canonical = aliases.get(str(m.value or m.text), str(m.value or m.text))
                key = ("entity", fold(canonical))
            elif m.kind in ("quantity", "money"):
                cls = unit_class(m.unit)
                # a count's unit is the counted noun ("militaires", "Nord-Coréens"): the subject
                # key already holds what tells groups apart, so the noun must not split them
                unit = None if cls == "count" else m.unit
                key = (m.kind, cls, unit, subject_key(m.subject, m.unit), m.value)
            elif m.kind == "date":
                key = ("date", m.value) if m.value is not None else ("date?", doc.id, fold(m.text))
            else:
                key = (m.kind, fold(str(m.value or m.text)))
            groups.setdefault(key, _Group(m.kind)).mentions.append((doc.id, m))

    facts: list[Fact] = []
    subjects: dict[tuple[str, str | None, str], list[tuple[Fact, list[Mention]]]] = defaultdict(list)
    for key, group in groups.items():
        fact_mentions = [FactMention(d, m.text, m.start, m.end) for d, m in group.mentions]
        ms = [m for _, m in group.mentions]
        kinds = Counter(m.kind for m in ms)
        kind = kinds.most_common(1)[0][0]
        fact = Fact(
            id=_fact_id(story_id, *key),
            kind=kind,
            label="",
            value=ms[0].value,
            support=independence.support(fact_mentions),
            mentions=fact_mentions,
        )
        if key[0] == "entity":
            canonical = aliases.get(str(ms[0].value or ms[0].text), str(ms[0].value or ms[0].text))
            fact.value = canonical
            fact.label = canonical
        elif kind in ("quantity", "money"):
            _fill_quantity(fact, ms)
            skey = str(key[3])
            if skey and key[1] != "duration":
                subjects[(str(key[1]), str(key[2]), skey)].append((fact, ms))
        elif kind == "date":
            fact.low = ms[0].low
            fact.high = ms[0].high
            fact.label = (
                f"{ms[0].value}: {ms[0].text}" if ms[0].value else f"{ms[0].text} (date not resolved)"
            )
        else:
            fact.label = str(ms[0].value or ms[0].text)
        fact.claimed_by = _most_common(m.claimed_by for m in ms)
        facts.append(fact)

    facts.sort(key=lambda f: (-f.support, f.kind, f.label))
    context = MentionContext(docs)
    discrepancies = [
        d
        for entries in subjects.values()
        if (d := _discrepancy(entries, docs, context, independence)) is not None
    ]
    discrepancies.sort(key=lambda d: d.about)
    quotes = _merge_quotes(docs, aliases, facts, independence)
    return CrossCheck(facts, discrepancies, quotes)


def _fill_quantity(fact: Fact, ms: list[Mention]) -> None:
    fact.unit = ms[0].unit
    fact.subject = _most_common(m.subject for m in ms)
    qualifiers = Counter(m.qualifier or "exact" for m in ms)
    fact.qualifier = "exact" if "exact" in qualifiers else qualifiers.most_common(1)[0][0]
    # the interval all statements allow together; agreeing statements narrow it
    low, high = -math.inf, math.inf
    for m in ms:
        lo, hi = _interval(m)
        low, high = max(low, lo), min(high, hi)
    if low > high:
        low, high = _interval(ms[0])
    fact.low = None if low == -math.inf else low
    fact.high = None if high == math.inf else high
    number = _format_number(float(fact.value)) if isinstance(fact.value, int | float) else str(fact.value)
    unit = f" {fact.unit}" if fact.unit and fact.unit != "%" else (fact.unit or "")
    words = _QUALIFIER_WORDS.get(fact.qualifier or "", "")
    about = fact.subject or fact.unit or fact.kind
    fact.label = f"{about}: {words}{number}{unit}"


class MentionContext:
    """How alike the sentences around two mentions are (TF-IDF cosine, figures left out).

    Two figures are about the same thing only when their sentences say the same around them:
    "10 000 Nord-Coréens … région de Koursk" and "11 000 militaires nord-coréens déployés près de
    Koursk" are; "trois banques" and "six banques" in unrelated sentences are not.
    """

    def __init__(self, docs: Sequence[Document]) -> None:
        self._starts: dict[str, list[int]] = {}
        self._rows: dict[str, list[int]] = {}
        texts: list[str] = []
        for doc in docs:
            sentences = sentences_of(doc)
            self._starts[doc.id] = [s.start for s in sentences]
            self._rows[doc.id] = list(range(len(texts), len(texts) + len(sentences)))
            texts.extend(s.text for s in sentences)
        self._matrix = tfidf_matrix(texts) if texts else None

    def _row(self, document: str, offset: int) -> int | None:
        starts = self._starts.get(document)
        if not starts:
            return None
        index = max(0, bisect.bisect_right(starts, offset) - 1)
        return self._rows[document][index]

    def similarity(self, a: FactMention, b: FactMention) -> float:
        row_a, row_b = self._row(a.document, a.start), self._row(b.document, b.start)
        if self._matrix is None or row_a is None or row_b is None:
            return 0.0
        return float(self._matrix[row_a] @ self._matrix[row_b])


def _discrepancy(
    entries: list[tuple[Fact, list[Mention]]],
    docs: Sequence[Document],
    context: MentionContext,
    independence: Independence,
) -> Discrepancy | None:
    """Values stated for one subject whose intervals do not overlap, from different sources,
    in sentences that say the same thing around them."""
    if len(entries) < 2:
        return None
    intervals = []
    for _, ms in entries:
        merged = (-math.inf, math.inf)
        for m in ms:
            lo, hi = _interval(m)
            merged = (max(merged[0], lo), min(merged[1], hi))
        if merged[0] > merged[1]:
            merged = _interval(ms[0])
        intervals.append(merged)
    conflicting: set[int] = set()
    for i in range(len(entries)):
        for j in range(i + 1, len(entries)):
            sources_i = independence.sources(m.document for m in entries[i][0].mentions)
            sources_j = independence.sources(m.document for m in entries[j][0].mentions)
            if not sources_i or not sources_j or sources_i == sources_j:
                # junk states nothing; one source stating two figures is no disagreement between sources
                continue
            if _overlap(intervals[i], intervals[j]):
                continue
            closest = max(
                context.similarity(a, b)
                for a in entries[i][0].mentions
                for b in entries[j][0].mentions
                if a.document != b.document
            )
            if closest >= SAME_CONTEXT:
                conflicting.update((i, j))
    if not conflicting:
        return None
    values = []
    published = {d.id: d.published for d in docs}
    dates_per_value = []
    for i in sorted(conflicting, key=lambda k: (float(entries[k][0].value or 0), k)):
        fact, ms = entries[i]
        documents = sorted({m.document for m in fact.mentions})
        values.append(
            DiscrepancyValue(
                value=fact.value,
                documents=documents,
                text=ms[0].text,
                facts=[fact.id],
                claimed_by=_most_common(m.claimed_by for m in ms),
            )
        )
        dates_per_value.append({published[d] for d in documents})
    kind: DiscrepancyKind = "conflict"
    known = [dates for dates in dates_per_value if None not in dates]
    if len(known) == len(dates_per_value) and len({frozenset(d) for d in known}) == len(known):
        spans = sorted((min(str(x) for x in d), max(str(x) for x in d)) for d in known)
        if all(a[1] < b[0] for a, b in itertools.pairwise(spans)):
            kind = "update"
    about = _most_common(f.subject for f, _ in entries) or entries[0][0].unit or "value"
    unit = entries[0][0].unit
    if unit and unit_class(unit) != "count" and unit not in about:
        about = f"{about} ({unit})"
    return Discrepancy(about=about, values=values, kind=kind)


def _quote_key(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(fold(text)))


def _merge_quotes(
    docs: Sequence[Document], aliases: dict[str, str], facts: Sequence[Fact], independence: Independence
) -> list[Quote]:
    """One quote per utterance: the same words quoted by several documents count as support."""
    person_fact = {fold(str(f.value)): f.id for f in facts if f.kind in ENTITY_KINDS}
    merged: list[tuple[set[str], Quote, set[str]]] = []
    for doc in docs:
        for q in doc.quotes:
            words = set(_quote_key(q.text))
            if not words:
                continue
            speaker = aliases.get(q.speaker, q.speaker) if q.speaker else None
            for seen_words, quote, documents in merged:
                overlap = len(words & seen_words) / min(len(words), len(seen_words))
                if overlap >= 0.8:
                    documents.add(doc.id)
                    if quote.speaker is None and speaker:
                        quote.speaker = speaker
                    break
            else:
                quote = Quote(text=q.text, speaker=speaker, document=doc.id, start=q.start, end=q.end)
                merged.append((words, quote, {doc.id}))
    quotes = []
    for _, quote, documents in merged:
        quote.support = independence.documents_support(documents)
        quote.speaker_fact = person_fact.get(fold(quote.speaker)) if quote.speaker else None
        quotes.append(quote)
    return quotes
