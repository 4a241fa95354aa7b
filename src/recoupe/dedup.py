"""Exact and near-duplicate documents, and passages that several documents share.

Duplicates are found in named passes, each callable on its own:

1. `exact_groups`: documents with the same clean text (same `content_hash`); the earliest is the
   group's head, so of two inputs with identical bytes the later is `duplicate_of` the earlier.
2. `shingle_set` / `Sketcher`: each head's folded word shingles (hashed) and their MinHash.
3. `candidate_pairs`: MinHash-LSH (datasketch) proposes pairs of heads that may be near copies.
4. `verify_pair`: an exact similarity decides: Jaccard of the shingle sets, or containment of the
   smaller set in the larger for a page that is a shorter copy of another (a republication with
   its own furniture, a page cut by a paywall).
5. `find_duplicates` groups verified pairs around representatives (star clustering: every member
   is verified against the representative itself, never through a chain).

The representative is the page a reader should open: the earliest in document order among the
heads whose quality is within `QUALITY_TIE` of the best (a full article beats the earlier teaser
a paywall cut; a near tie goes to the earlier page, unless that page says it republishes another,
as the cleaner's `republication_note` removals tell). Every other
member becomes `verdict="duplicate"`, even one the judge called junk: being a copy of something is
the more useful thing to say, and the judge's flags stay on the document to say the rest.

`find_shared_passages` finds runs of words that documents of different duplicate clusters (and,
when known, different sites) share: syndicated dispatches, copied paragraphs. A fact stated
inside a shared passage counts once when sources are counted.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

import numpy as np
import numpy.typing as npt
from datasketch import MinHash, MinHashLSH

from recoupe.clean import content_hash
from recoupe.model import Document, DuplicateCluster, SharedPassage
from recoupe.stage import Stage, register
from recoupe.textutil import fold

U64 = npt.NDArray[np.uint64]
U32 = npt.NDArray[np.uint32]

# One seed for every sketch: the same input gives the same sketches, candidates and clusters.
MINHASH_SEED = 1
# A containment match needs this many shingles in the smaller page: below it, a lede or a
# page template (menus, tags, "share this article") would be "contained" in every article of its
# site that carries the same furniture.
MIN_CONTAINED_SHINGLES = 100
# Judge scores closer than this are a tie: the earlier page then represents its copies.
# the cleaner's rule for "Cet article est une reprise…" / "This article originally appeared on…"
REPUBLICATION_RULE = "republication_note"
QUALITY_TIE = 0.1
# LSH must propose the pairs that containment can accept: a page holding a fraction f of a
# longer one has a Jaccard near f. Pages shorter than this fraction of the other are not
# looked for (a paywall teaser shorter than that is junk for the judge, not a copy).
MIN_CONTAINED_FRACTION = 0.3

# a word: letters and digits; punctuation, quotes and whitespace never count
_WORD = re.compile(r"\w+")
# Multiplier of the polynomial that folds a shingle's word hashes into one 64-bit hash.
_SHINGLE_BASE = np.uint64(0x100000001B3)
_SKETCH_CHUNK = 4096


# --------------------------------------------------------------------------------------------
# words and shingles
# --------------------------------------------------------------------------------------------


class WordHasher:
    """Stable 64-bit hashes of folded words, cached by the word as written (a corpus repeats
    its words): case, accents and apostrophes do not count ("États" is "etats")."""

    def __init__(self) -> None:
        self._cache: dict[str, int] = {}

    def __call__(self, tokens: Sequence[str]) -> U64:
        cache = self._cache
        out = np.empty(len(tokens), dtype=np.uint64)
        for i, token in enumerate(tokens):
            value = cache.get(token)
            if value is None:
                digest = hashlib.blake2b(fold(token).encode("utf-8"), digest_size=8).digest()
                value = cache[token] = int.from_bytes(digest, "little")
            out[i] = value
        return out


def shingle_hashes(word_hashes: U64, shingle: int) -> U64:
    """Hash of every run of `shingle` consecutive words, in text order (may repeat).

    A text shorter than one shingle gives a single hash of all its words, so short texts can
    still match each other exactly; an empty text gives none.
    """
    n = len(word_hashes)
    if n == 0:
        return np.empty(0, dtype=np.uint64)
    width = min(shingle, n)
    count = n - width + 1
    acc = np.zeros(count, dtype=np.uint64)
    for j in range(width):  # polynomial hash, wrapping modulo 2**64 on purpose
        acc = acc * _SHINGLE_BASE + word_hashes[j : j + count]
    return acc


def shingle_set(text: str, shingle: int = 5, *, hasher: WordHasher | None = None) -> U64:
    """Sorted distinct shingle hashes of the text's normalised words."""
    hasher = hasher or WordHasher()
    return np.unique(shingle_hashes(hasher(_WORD.findall(text)), shingle))


def jaccard(a: U64, b: U64) -> float:
    """Exact Jaccard similarity of two sorted distinct hash sets."""
    if len(a) == 0 or len(b) == 0:
        return 0.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / (len(a) + len(b) - shared)


def containment(a: U64, b: U64) -> float:
    """Share of the smaller set found in the larger one."""
    if len(a) == 0 or len(b) == 0:
        return 0.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / min(len(a), len(b))


# --------------------------------------------------------------------------------------------
# MinHash sketches (datasketch's affine32 scheme, computed for all shingles at once)
# --------------------------------------------------------------------------------------------


def _fmix32(values: U32) -> U32:
    """MurmurHash3's finalizer, as datasketch applies it before its affine permutations."""
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


class Sketcher:
    """Builds datasketch `MinHash` objects from shingle hashes, vectorised with numpy.

    The result equals `MinHash(num_perm, seed, hashfunc=...)` updated shingle by shingle with
    the 32-bit folded hashes, without a Python call per shingle.
    """

    def __init__(self, num_perm: int, seed: int = MINHASH_SEED) -> None:
        self.num_perm = num_perm
        self.seed = seed
        self.permutations: U32 = MinHash(num_perm=num_perm, seed=seed).permutations
        self._a = self.permutations[0][:, None]
        self._b = self.permutations[1][:, None]

    @staticmethod
    def fold32(shingles: U64) -> U32:
        """The 32-bit value a shingle contributes to a sketch."""
        return ((shingles ^ (shingles >> np.uint64(32))) & np.uint64(0xFFFFFFFF)).astype(np.uint32)

    def __call__(self, shingles: U64) -> MinHash:
        values = _fmix32(self.fold32(shingles))
        hashvalues = np.full(self.num_perm, np.iinfo(np.uint32).max, dtype=np.uint32)
        # in chunks, so a book-length page never builds a num_perm x shingles matrix at once
        for start in range(0, len(values), _SKETCH_CHUNK):
            chunk = values[None, start : start + _SKETCH_CHUNK]
            hashvalues = np.minimum(hashvalues, (self._a * chunk + self._b).min(axis=1))
        return MinHash(
            num_perm=self.num_perm,
            seed=self.seed,
            hashvalues=hashvalues,
            permutations=self.permutations,
            scheme="affine32",
        )


# --------------------------------------------------------------------------------------------
# passes
# --------------------------------------------------------------------------------------------


def text_hash(doc: Document) -> str:
    """The document's `content_hash`, computed the cleaner's way when it is missing."""
    return doc.content_hash or content_hash(doc.text)


def exact_groups(docs: Sequence[Document]) -> list[list[int]]:
    """Positions of documents with the same clean text, head first, in head order.

    The head is the earliest page, unless it says it republishes another and a later copy does
    not (identical bytes always say the same, so the later of two is always the copy).
    Documents without a single word are left out: there is nothing to compare.
    """
    groups: dict[str, list[int]] = {}
    for position, doc in enumerate(docs):
        if _WORD.search(doc.text) is None:
            continue
        groups.setdefault(text_hash(doc), []).append(position)
    ordered = []
    for members in groups.values():
        head = min(members, key=lambda p: (_says_republished(docs[p]), p))
        ordered.append([head, *(p for p in members if p != head)])
    ordered.sort(key=lambda g: g[0])
    return ordered


def _says_republished(doc: Document) -> bool:
    return any(r.rule == REPUBLICATION_RULE for r in doc.removed)


def lsh_candidate_threshold(threshold: float, min_containment: float) -> float:
    """The threshold LSH is tuned for: well below the lowest Jaccard verification can accept.

    LSH's recall falls steeply at its own threshold (tuned at 0.8, it proposed only 72% of the
    FreSaDa pairs whose exact Jaccard is 0.8 or more), and verification is exact, so candidates
    are cheap to over-propose. A page holding a fraction f of a longer one at containment c has
    a Jaccard of about f * c.
    """
    lowest = threshold
    if min_containment <= 1.0:
        lowest = min(lowest, MIN_CONTAINED_FRACTION * min_containment)
    return max(0.05, 0.7 * lowest)


def candidate_pairs(sketches: Sequence[MinHash], *, threshold: float, num_perm: int) -> list[tuple[int, int]]:
    """Pairs (i < j) of sketch positions that MinHash-LSH puts in a common bucket."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    with lsh.insertion_session() as session:
        for key, sketch in enumerate(sketches):
            session.insert(key, sketch, check_duplication=False)
    pairs: set[tuple[int, int]] = set()
    for key, sketch in enumerate(sketches):
        for other in lsh.query(sketch):
            if other != key:
                pairs.add((key, other) if key < other else (other, key))
    return sorted(pairs)


@dataclass(slots=True, frozen=True)
class Match:
    """A verified near copy: which measure accepted it, and its value."""

    measure: Literal["jaccard", "containment"]
    similarity: float


def verify_pair(a: U64, b: U64, *, threshold: float, min_containment: float) -> Match | None:
    """Accept two shingle sets as near copies on exact Jaccard, else on containment."""
    if len(a) == 0 or len(b) == 0:
        return None
    shared = len(np.intersect1d(a, b, assume_unique=True))
    similarity = shared / (len(a) + len(b) - shared)
    if similarity >= threshold:
        return Match("jaccard", similarity)
    smaller = min(len(a), len(b))
    contained = shared / smaller
    if (
        contained >= min_containment
        and smaller >= MIN_CONTAINED_SHINGLES
        and smaller >= MIN_CONTAINED_FRACTION * max(len(a), len(b))
    ):
        return Match("containment", contained)
    return None


# how many standard deviations of the MinHash estimate a pair may fall short of the Jaccard it
# needs before its test on the texts is skipped (one-sided normal tail: 3e-5 of true pairs)
SKETCH_MARGIN_SIGMAS = 4.0


def sketches_may_match(
    a: npt.NDArray[np.uint32],
    a_size: int,
    b: npt.NDArray[np.uint32],
    b_size: int,
    *,
    threshold: float,
    min_containment: float,
) -> bool:
    """Whether `verify_pair` may accept two shingle sets, judged from their MinHash sketches and
    sizes alone (no text read): False when the share of equal hash values, an estimate of their
    Jaccard with a standard deviation of sqrt(J(1 - J) / num_perm), falls more than
    `SKETCH_MARGIN_SIGMAS` below the lowest Jaccard `verify_pair` can accept for sets of these
    sizes. That lowest Jaccard is `threshold`, or, when a containment match is possible (the
    smaller set large enough, at least `MIN_CONTAINED_FRACTION` of the other), that of a smaller
    set held at `min_containment` in the larger: c s / (s + l - c s)."""
    if a_size == 0 or b_size == 0:
        return False
    small, large = min(a_size, b_size), max(a_size, b_size)
    needed = threshold
    if min_containment <= 1.0 and small >= MIN_CONTAINED_SHINGLES and small >= MIN_CONTAINED_FRACTION * large:
        held = min_containment * small
        needed = min(needed, held / (small + large - held))
    estimate = float(np.count_nonzero(a == b)) / len(a)
    margin = SKETCH_MARGIN_SIGMAS * math.sqrt(needed * (1.0 - needed) / len(a))
    return estimate >= needed - margin


def find_duplicates(
    docs: Sequence[Document],
    *,
    threshold: float = 0.8,
    num_perm: int = 128,
    shingle: int = 5,
    min_containment: float = 0.9,
) -> list[DuplicateCluster]:
    """Clusters of exact and near-duplicate documents, each with its representative and evidence.

    `threshold` is the exact Jaccard of `shingle`-word shingle sets above which two pages are
    near copies; `min_containment` (set it above 1 to disable) the share of a shorter page's
    shingles that must appear in the other. Clusters come in document order of their first
    member; documents in no cluster are not listed.
    """
    _check_options(threshold=threshold, num_perm=num_perm, shingle=shingle, min_containment=min_containment)
    groups = exact_groups(docs)
    heads = [group[0] for group in groups]
    hasher = WordHasher()
    sets = [shingle_set(docs[head].text, shingle, hasher=hasher) for head in heads]
    sketcher = Sketcher(num_perm)
    sketches = [sketcher(s) for s in sets]
    lsh_threshold = lsh_candidate_threshold(threshold, min_containment)
    edges: dict[int, dict[int, Match]] = defaultdict(dict)
    for i, j in candidate_pairs(sketches, threshold=lsh_threshold, num_perm=num_perm):
        match = verify_pair(sets[i], sets[j], threshold=threshold, min_containment=min_containment)
        if match is not None:
            edges[i][j] = edges[j][i] = match

    quality = [docs[head].quality for head in heads]
    says_republished = [any(r.rule == REPUBLICATION_RULE for r in docs[head].removed) for head in heads]
    assigned: set[int] = set()
    found: list[tuple[int, DuplicateCluster]] = []
    for best in sorted(range(len(groups)), key=lambda g: (-quality[g], heads[g])):
        if best in assigned:
            continue
        pool = [best, *(g for g in sorted(edges[best]) if g not in assigned)]
        # the earliest page about as good as the best one represents the cluster
        # ... unless it says it republishes another page
        centre = min(
            (g for g in pool if quality[g] >= quality[best] - QUALITY_TIE),
            key=lambda g: (says_republished[g], heads[g]),
        )
        near: dict[int, Match] = {}
        for g in pool:
            match = edges[centre].get(g) if g != centre else None
            if g != centre and match is None:  # not an LSH candidate of the centre: verify now
                match = verify_pair(
                    sets[centre], sets[g], threshold=threshold, min_containment=min_containment
                )
            if match is not None:
                near[g] = match
        assigned.add(centre)
        assigned.update(near)
        if len(groups[centre]) > 1 or near:
            positions = sorted([*groups[centre], *(p for g in near for p in groups[g])])
            found.append((positions[0], _cluster(docs, positions, groups, centre, near, shingle)))
    return [cluster for _, cluster in sorted(found, key=lambda item: item[0])]


def _cluster(
    docs: Sequence[Document],
    positions: list[int],
    groups: list[list[int]],
    centre: int,
    near: dict[int, Match],
    shingle: int,
) -> DuplicateCluster:
    members = [docs[p].id for p in positions]
    representative = docs[groups[centre][0]]
    evidence: list[str] = []
    if len(groups[centre]) > 1:
        evidence.append(
            f"{_count(len(groups[centre]), 'document')} with the same clean text (sha1 {text_hash(representative)[:12]}…)"
        )
    for measure, wording in (
        ("jaccard", f"of {shingle}-word shingles shared (MinHash-LSH candidate, verified by exact Jaccard)"),
        (
            "containment",
            f"of the shorter page's {shingle}-word shingles found in the other, a shorter copy "
            "(MinHash-LSH candidate, verified by exact containment)",
        ),
    ):
        matched = [g for g, m in near.items() if m.measure == measure]
        if not matched:
            continue
        values = [near[g].similarity for g in matched]
        share = (
            _percent(min(values))
            if len(set(map(_percent, values))) == 1
            else f"{_percent(min(values))}-{_percent(max(values))}"
        )
        copies = sum(len(groups[g]) for g in matched)
        noun = "near copy" if copies == 1 else "near copies"
        exact = sum(len(groups[g]) - 1 for g in matched)
        also = f" ({_count(exact, 'exact copy', 'exact copies')} among them)" if exact else ""
        evidence.append(f"{copies} {noun}{also}: {share} {wording}")
    similarity = min([1.0, *(m.similarity for m in near.values())])
    return DuplicateCluster(
        id=cluster_id(members),
        representative=representative.id,
        members=members,
        similarity=round(similarity, 4),
        evidence="; ".join(evidence),
    )


def _count(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


def _percent(value: float) -> str:
    # floor, so "100%" only ever means identical shingle sets
    return f"{int(value * 100)}%"


def cluster_id(member_ids: Iterable[str]) -> str:
    """Stable id of a duplicate cluster, from its members' ids whatever their order."""
    joined = "\n".join(sorted(member_ids))
    return "dup" + hashlib.sha1(joined.encode("utf-8")).hexdigest()[:12]


def apply_duplicates(docs: Sequence[Document], clusters: Sequence[DuplicateCluster]) -> None:
    """Mark every non-representative member `duplicate_of` its representative, verdict "duplicate".

    Representatives get `duplicate_of = None`; documents in no cluster are left as they are.
    Applying the same clusters again changes nothing.
    """
    by_id = {doc.id: doc for doc in docs}
    for cluster in clusters:
        missing = [m for m in cluster.members if m not in by_id]
        if missing:
            raise ValueError(f"duplicate cluster {cluster.id} names unknown documents: {', '.join(missing)}")
        for member in cluster.members:
            doc = by_id[member]
            if member == cluster.representative:
                doc.duplicate_of = None
            else:
                doc.duplicate_of = cluster.representative
                doc.verdict = "duplicate"


# --------------------------------------------------------------------------------------------
# shared passages
# --------------------------------------------------------------------------------------------

# A run of words found in more documents than this (a wire dispatch taken by many sites) is not
# paired occurrence by occurrence, which costs quadratic time: each occurrence is paired with the
# first few it may be compared with (a star), which gives the passage the same documents.
PAIRWISE_OCCURRENCES = 64
STAR_ANCHORS = 4


@dataclass(slots=True)
class _Words:
    """A document's normalised words, their offsets, and the hash of every run of k words."""

    starts: list[int]
    ends: list[int]
    shingles: U64


def find_shared_passages(
    docs: Sequence[Document], *, min_words: int = 12, max_gap: int = 3
) -> list[SharedPassage]:
    """Runs of at least `min_words` words that documents share word for word or nearly.

    Words are compared normalised (case, punctuation, whitespace, quotes and apostrophes do not
    count), so a passage re-typeset by another site still matches; up to `max_gap` substituted
    words inside a run do not split it. Two documents are compared only when they are not in
    the same duplicate cluster (`duplicate_of`, set by `apply_duplicates`) and not of the same
    known site (a site repeating itself is one source anyway). `spans` give each document's
    (start, end) offsets into its own text; `text` is the passage as the first document in
    document order has it. Passages come in document order of their first occurrence.
    """
    _check_passage_options(min_words=min_words, max_gap=max_gap)
    hasher = WordHasher()
    indexed: list[_Words] = []
    for doc in docs:
        matches = list(_WORD.finditer(doc.text))
        tokens = [m.group() for m in matches]
        shingles = (
            shingle_hashes(hasher(tokens), min_words) if len(tokens) >= min_words else np.empty(0, np.uint64)
        )
        indexed.append(_Words([m.start() for m in matches], [m.end() for m in matches], shingles))
    root = _cluster_roots(docs)
    runs = _diagonal_runs(docs, indexed, root, min_words=min_words, max_gap=max_gap)
    return _merge_runs(docs, indexed, runs)


def _cluster_roots(docs: Sequence[Document]) -> list[str]:
    """Each document's duplicate cluster, named by its representative (itself when none)."""
    ids = {doc.id for doc in docs}
    return [
        doc.duplicate_of if doc.duplicate_of is not None and doc.duplicate_of in ids else doc.id
        for doc in docs
    ]


# a run shared by two documents: (doc a, first word in a, doc b, first word in b, length in words)
_Run = tuple[int, int, int, int, int]


def _diagonal_runs(
    docs: Sequence[Document], indexed: list[_Words], root: list[str], *, min_words: int, max_gap: int
) -> list[_Run]:
    """Maximal runs of shingles shared by two documents at a constant offset (a diagonal)."""
    if not indexed:
        return []
    owner = np.concatenate([np.full(len(w.shingles), d, dtype=np.int64) for d, w in enumerate(indexed)])
    where = np.concatenate([np.arange(len(w.shingles), dtype=np.int64) for w in indexed])
    hashes = np.concatenate([w.shingles for w in indexed])
    order = np.argsort(hashes, kind="stable")
    hashes, owner, where = hashes[order], owner[order], where[order]
    bounds = np.flatnonzero(np.diff(hashes)) + 1
    diagonals: dict[tuple[int, int, int], list[int]] = defaultdict(list)
    for lo, hi in zip(np.r_[0, bounds], np.r_[bounds, len(hashes)], strict=True):
        if hi - lo < 2 or owner[lo] == owner[hi - 1]:
            continue
        occurrences = list(zip(owner[lo:hi].tolist(), where[lo:hi].tolist(), strict=True))
        star = hi - lo > PAIRWISE_OCCURRENCES
        for i, (doc_b, at_b) in enumerate(occurrences):
            paired = 0
            earlier = occurrences[: min(i, PAIRWISE_OCCURRENCES)] if star else occurrences[:i]
            for doc_a, at_a in earlier:
                if doc_a == doc_b or root[doc_a] == root[doc_b] or _same_site(docs[doc_a], docs[doc_b]):
                    continue
                diagonals[(doc_a, doc_b, at_a - at_b)].append(at_a)
                paired += 1
                if star and paired >= STAR_ANCHORS:
                    break
    runs: list[_Run] = []
    for (doc_a, doc_b, offset), starts in diagonals.items():
        starts.sort()
        first = previous = starts[0]
        for at in [*starts[1:], None]:
            # one substituted word removes the k shingles that hold it: bridge such gaps
            if at is not None and at - previous <= min_words + max_gap:
                previous = at
                continue
            runs.append((doc_a, first, doc_b, first - offset, previous - first + min_words))
            if at is not None:
                first = previous = at
    return runs


def _same_site(a: Document, b: Document) -> bool:
    return a.site is not None and a.site == b.site


def _merge_runs(docs: Sequence[Document], indexed: list[_Words], runs: list[_Run]) -> list[SharedPassage]:
    """Join pairwise runs into passages: runs that cover nearly the same words of one document
    (overlap at least 80% of their union) are the same passage."""
    # nodes are (doc, first word, length); runs connect two nodes
    parent: dict[tuple[int, int, int], tuple[int, int, int]] = {}

    def find(node: tuple[int, int, int]) -> tuple[int, int, int]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def union(a: tuple[int, int, int], b: tuple[int, int, int]) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    by_doc: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for doc_a, at_a, doc_b, at_b, length in runs:
        node_a, node_b = (doc_a, at_a, length), (doc_b, at_b, length)
        union(node_a, node_b)
        by_doc[doc_a].append(node_a)
        by_doc[doc_b].append(node_b)
    for nodes in by_doc.values():
        nodes.sort()
        for i, (doc, start, length) in enumerate(nodes):
            for other in nodes[i + 1 :]:
                if other[1] >= start + length:
                    break
                overlap = min(start + length, other[1] + other[2]) - other[1]
                union_len = max(start + length, other[1] + other[2]) - start
                if overlap >= 0.8 * union_len:
                    union((doc, start, length), other)
    components: dict[tuple[int, int, int], dict[int, tuple[int, int]]] = defaultdict(dict)
    for node in sorted(parent):
        doc, start, length = node
        span = components[find(node)]
        # one span per document: the widest among nearly equal ones
        if doc not in span or length > span[doc][1] - span[doc][0]:
            span[doc] = (start, start + length)
    passages: list[tuple[tuple[int, int], SharedPassage]] = []
    for span in components.values():
        if len(span) < 2:
            continue
        ordered = sorted(span)
        char_spans = {
            docs[d].id: (indexed[d].starts[span[d][0]], indexed[d].ends[span[d][1] - 1]) for d in ordered
        }
        first = docs[ordered[0]]
        start, end = char_spans[first.id]
        passages.append(
            (
                (ordered[0], start),
                SharedPassage(
                    text=first.text[start:end], documents=[docs[d].id for d in ordered], spans=char_spans
                ),
            )
        )
    return [passage for _, passage in sorted(passages, key=lambda item: item[0])]


def _check_passage_options(*, min_words: int, max_gap: int) -> None:
    if not (isinstance(min_words, int) and min_words >= 3):
        raise ValueError(f"shared passage min_words must be an integer of at least 3, got {min_words!r}")
    if not (isinstance(max_gap, int) and max_gap >= 0):
        raise ValueError(f"shared passage max_gap must be an integer of 0 or more, got {max_gap!r}")


def _check_options(*, threshold: float, num_perm: int, shingle: int, min_containment: float) -> None:
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"dedup threshold must be in (0, 1], got {threshold!r}")
    if not (isinstance(num_perm, int) and 16 <= num_perm <= 1024):
        raise ValueError(f"dedup num_perm must be an integer from 16 to 1024, got {num_perm!r}")
    if not (isinstance(shingle, int) and 1 <= shingle <= 50):
        raise ValueError(f"dedup shingle must be an integer number of words from 1 to 50, got {shingle!r}")
    if not min_containment > 0.0:
        raise ValueError(
            f"dedup min_containment must be in (0, 1], or above 1 to disable containment, got {min_containment!r}"
        )


@register("dedup")
class Dedup(Stage):
    """Whole-set stage: find exact and near-duplicate clusters, mark the copies, and find the
    passages that documents of different sources share.

    `run` keeps the clusters it found in `clusters` for the brief.
    """

    requires: ClassVar[tuple[str, ...]] = ("document.text", "document.content_hash", "document.quality")
    assigns: ClassVar[tuple[str, ...]] = ("document.duplicate_of", "document.verdict", "brief.duplicates")

    def __init__(
        self,
        *,
        threshold: float = 0.8,
        num_perm: int = 128,
        shingle: int = 5,
        min_containment: float = 0.9,
        passage_min_words: int = 12,
        passage_max_gap: int = 3,
    ) -> None:
        _check_options(
            threshold=threshold, num_perm=num_perm, shingle=shingle, min_containment=min_containment
        )
        _check_passage_options(min_words=passage_min_words, max_gap=passage_max_gap)
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle = shingle
        self.min_containment = min_containment
        self.passage_min_words = passage_min_words
        self.passage_max_gap = passage_max_gap

    def run(self, docs: Sequence[Document]) -> list[DuplicateCluster]:
        clusters = find_duplicates(
            docs,
            threshold=self.threshold,
            num_perm=self.num_perm,
            shingle=self.shingle,
            min_containment=self.min_containment,
        )
        apply_duplicates(docs, clusters)
        return clusters

    def shared_passages(self, docs: Sequence[Document]) -> list[SharedPassage]:
        """Passages shared across clusters and sites: run it after `run` has set `duplicate_of`."""
        return find_shared_passages(docs, min_words=self.passage_min_words, max_gap=self.passage_max_gap)
