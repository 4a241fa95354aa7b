"""Cross-check: the one stage that works on a story as a whole. From its documents' mentions it
yields the story's facts with independent support, its claims (sentences stating a figure or an
attributed claim, with the sources that state them too), its quotes, and where its sources
disagree. The summary and the timeline read what it yields (`CrossCheck.backing`).

Independence follows the journalist's rule: documents of one duplicate cluster, of one site, or
whose mention lies in a passage they share word for word count as one source; junk documents
are listed as mentions but add no support. One fact per value stated about the same subject.

Alignment: two figures are compared only when they state the same measure of the same thing
(`Aligner.same_measure`, explained in the README):
1. the same kind of measure: a count, a sum in one currency, a share, a length, a mass, an age,
   a duration, a score (units converted: "300 km" and "186 miles" are one length);
2. the same subject: the folded content words of what they count or measure, generic nouns set
   aside ("soldats", "people") and measure words mapped to shared concepts across languages
   ("morts" and "killed" are one concept, "chiffre d'affaires" and "revenue" another); they
   share a word ("perte" and "perte nette"), and two concepts are never different; an age is
   only compared with the age of the same person (a shared surname or only name);
3. the same predicate: when both say it with a verb or change noun of a known concept ("killed",
   "blessés", "hausse"), the concepts are the same;
4. compatible time, place and people: not two different years or periods ("en 2022" / "in
   2023", "au troisième trimestre" / "first half"), not two places when neither document names
   the other's, not sentences naming different people unless they say the same
   (`Aligner.people_apart`);
5. the same words around them (`Aligner.anchor`: content words shared on the same side, within
   `ANCHOR_WINDOW` words, stems) align two figures whatever their subjects; subjects sharing a
   word need no more; a figure without a subject aligns with one whose subject is written
   beside it, or in sentences somewhat alike (TF-IDF cosine, `BARE_CONTEXT`); scores and
   figures about different people only in sentences that say the same (`SAME_SENTENCE`).
A discrepancy is a set of aligned figures whose intervals do not overlap, stated by different
independent sources, neither of which also states a figure the other's agrees with, and firmly
one statement (`Aligner.firm`): different figures for one subject inside one document, or one
source, are not a disagreement; a remainder and the whole, a running total and one event's
figure, are not either (`lang/<code>/alignment.toml`). Disagreeing figures are grouped by
average link (`_measure_groups`), so that one discrepancy does not chain several measures.
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

import numpy as np
from scipy import sparse

from recoupe import lang as lang_data
from recoupe.facts.entities import canonical_key, merge_aliases
from recoupe.facts.quantities import measure_concepts, to_base_unit
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
    Sentence,
    SharedPassage,
)
from recoupe.textutil import UnionFind, fold, format_number, row_cosine, sentences_of, tfidf_matrix

ENTITY_KINDS: frozenset[FactKind] = frozenset(
    {"person", "organization", "place", "product", "event", "other"}
)
_CURRENCY = re.compile(r"[A-Z]{3}|franc")
_SUBJECT_STOP = frozenset(
    "de des du la le les l d un une et en au aux a à of the an and in to dont sur pour avec by for s".split()
)
_TOKEN = re.compile(r"\w+", re.UNICODE)
_YEARS = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
# a whole word of letters: the tail of "76ers" or "4x4" is no word of a figure's context
_CONTEXT_WORD = re.compile(r"(?<![\w])[^\W\d_]{3,}(?![\w])", re.UNICODE)
_COMPOUND = re.compile(r"([^\W\d_]{2,})\s?-\s?([^\W\d_]{2,})", re.UNICODE)
# a number cut by a tokeniser ("5 . 9", "1 , 400"): the figure read is a piece of another one
_CUT_BEFORE = re.compile(r"\d\s[.,]\s?$")
_CUT_AFTER = re.compile(r"^\s?[.,]\s\d")
# a number and at most two words, then an opening bracket: what a conversion in brackets follows
_CURRENCY_SIGN = re.compile(r"[$€£¥]")
_CONVERSION_BEFORE = re.compile(r"\d[\w.,]*(?:\s+[^\W\d_]+){0,2}\s*[(\[]\s*$")
# a figure joined by a hyphen to its unit ("eight-year", "10 - year"): an attribute of a noun
_ATTRIBUTE = re.compile(r"\w\s?-\s?[^\W\d_]", re.UNICODE)
# lowest cosine between the sentences of two figures, one of which has no subject, for them to
# be compared (tuned on the tune half)
BARE_CONTEXT = 0.2
# ... for two scores or records, or figures about different people: the sentences say the same
SAME_SENTENCE = 0.45
# content words read on each side of a figure for its local context (`Aligner.anchor`)
ANCHOR_WINDOW = 6
ANCHOR_STEM = 5
# words written right beside a figure, read as they are (`Aligner.both_sides`)
NEAR_TOKENS = 3
# content words on each side of a figure where `Aligner.both_sides` looks for a shared one: a
# word shared further away says little ("DiLeo spent four seasons as the Sixers Director of
# Player Personnel ... Assistant Coach" / "DiLeo has spent 19 seasons ... assistant general
# manager"; read off the tune halves of the planted bench, seeds 1 to 7)
NEAR_SIDE = 3
# words on each side of a figure, within its sentence, read for a state at the time of writing
# ("28 autres otages politiques encore détenus", "détiennent encore des centaines d'otages"), a
# rate ("$23 million per season") or an age to come ("who will turn 29 in April")
STATE_WINDOW = 4
# words before a figure read for a penalty the law allows: "un chef passible de trois ans
# d'emprisonnement et de 375.000 euros d'amende" (RPM2 T02_C1_07)
LIABLE_WINDOW = 10
# words read before a figure for a word of average ("has averaged more than 30 home runs and
# 100 RBIs": six words before the 100)
AVERAGE_WINDOW = 8
# share of the pairs of different values of two groups of figures that must be aligned for the
# groups to be one discrepancy (`_measure_groups`; average link)
GROUP_ALIGNED = 0.5
# function words at most between a figure and the name written right before it, in its sentence,
# for the name to be what the figure is said of ("Sylvia Pinel 2%", "François Fillon (20%)";
# `Aligner.owner`)
OWNER_GAP = 2
# characters between an amount and a later number with a scale word and no noun that takes its
# currency ("948 millions d'euros ... et de 351 millions")
ELIDED_CURRENCY = 120
# content words on each side of a figure without a subject read as what it measures
FALLBACK_NEAR = 2
# content words on each side of an age where its person must be named for a disagreement:
# "Orozco , 27", "Mohamed, l'enfant de deux ans et demi"; not "Page 's life , as she became on of
# the two-year-old magazine" (3 until real-news QA round 6, ECB+ 4_8ecb)
PERSON_NEAR = 2
# shared side-aware context words that make two figures one statement written twice (a wire
# copy, a shared passage): read off the tuning half of bench/labels/figures.jsonl
ANCHOR_SHARED = 2
# two aligned figures that differ are reported only when their statements are firmly one
# (`Aligner.firm`), thresholds read off the tuning half of the planted disagreements: this many
# content words shared in a row right next to the figure,
CONFLICT_ADJACENT = 2
# or this many shared on the same side of it within `ANCHOR_WINDOW`,
CONFLICT_SHARED = 4
# or sentences at least this alike (TF-IDF cosine) that name no different people, firms, places
CONFLICT_CONTEXT = 0.5
# ... lower when both subjects are the same two words or more
CONFLICT_CONTEXT_SUBJECT = 0.15
# ... when one subject holds the other's words ("damage" / "cost of damage to shops") and the
# sentences name the same person, firm or place (read off the tune half: 0.35 to 0.45 keep the
# same plants and reports)
CONFLICT_CONTEXT_WITHIN = 0.35


def _generic_nouns() -> frozenset[str]:
    out: set[str] = set()
    for code in lang_data.languages():
        out |= {fold(w) for w in lang_data.words(code, "nouns", "generic")}
    return frozenset(out)


_GENERIC = _generic_nouns()


def unit_class(unit: str | None) -> str:
    """What kind of measure a unit is, so that 300 km is never compared with 300 soldiers."""
    if unit is None:
        return "count"
    if unit == "score":
        return "score"
    if unit == "%" or unit == "pp":
        return "percent"
    if _CURRENCY.fullmatch(unit):
        return "money"
    base = to_base_unit(1.0, unit)[1]
    if base == "d":
        return "duration"
    if base in ("m", "kg", "l", "m²", "km/h"):
        return {"m": "length", "kg": "mass", "l": "volume", "m²": "area", "km/h": "speed"}[base]
    if unit in ("°C", "°F", "TWh", "GWh", "MWh", "kWh", "GW", "MW", "kW"):
        return unit
    return "count"


def _measure_key(unit: str | None) -> str:
    """A unit's kind of measure, with the currency of an amount: "200 million euros ($265.3
    million)" states one value, in two currencies."""
    measure = unit_class(unit)
    return f"money:{unit}" if measure == "money" else measure


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith(("s", "x")) and not word.endswith("ss"):
        return word[:-1]
    return word


def subject_key(subject: str | None, unit: str | None) -> str:
    """A folded key for what a quantity counts: content words, singular, generic nouns dropped,
    measure words replaced by their concept ("@dead", "@revenue").

    Returns "" when nothing specific is left ("10 000 hommes"): such values are never compared,
    since we cannot tell what they count.
    """
    return " ".join(sorted(_subject_words(subject, unit)))


def _subject_words(subject: str | None, unit: str | None, language: str | None = None) -> frozenset[str]:
    text = " ".join(p for p in (subject or "", (unit or "") if unit_class(unit) == "count" else "") if p)
    concepts = measure_concepts(text, _known(language))
    words: set[str] = {f"@{c}" for c in concepts}
    concept_starts = _concept_starts(_known(language))
    folded = fold(text)
    # a compound written with or without its hyphen ("back-end", "back - end", "backend") is
    # one word: its joined form is kept beside its parts
    joined = [a + b for a, b in _COMPOUND.findall(folded)]
    for token in [*_TOKEN.findall(folded), *joined]:
        token = _singular(token)
        if (
            token in _SUBJECT_STOP
            or token in _GENERIC
            or token + "s" in _GENERIC
            or token.isdigit()
            or len(token) < 2
        ):
            continue
        if concepts and any(token.startswith(start) for start in concept_starts):
            continue  # the concept stands for the word, in every language
        words.add(token)
    if "@age" in words:
        words = _age_words(words, subject)
    return frozenset(words)


def _statement_words(m: Mention, language: str | None) -> frozenset[str]:
    """The subject words of a figure, the words of its place left out: "200 million euros of
    damage in Athens" measures damage, in Athens."""
    words = _subject_words(m.subject, m.unit, language)
    if m.place and "@age" not in words:
        place = {_singular(w) for w in _TOKEN.findall(fold(m.place))}
        words = frozenset(w for w in words if w not in place)
    return words


def _age_words(words: set[str], subject: str | None) -> set[str]:
    """An age's subject is the age and the person's surname: "âge Lance Armstrong" and "age of
    Armstrong" are one subject."""
    names = [w for w in _TOKEN.findall(fold(subject or "")) if not w.startswith("ag")]
    return {"@age", names[-1]} if names else {"@age"}


def _names(subject: str | None) -> list[str]:
    return [w for w in _TOKEN.findall(fold(subject or "")) if not w.startswith("ag") and len(w) > 2]


def _same_person(a: str | None, b: str | None) -> bool:
    """Two ages' subjects name one person: a name they share is the surname or the only name of
    one of them ("Boris" / "Boris Picano-Nacci", "Orozco" / "Jose Luis Orozco"; not "Jean
    Leonetti" / "Jean Dupont")."""
    names_a, names_b = _names(a), _names(b)
    if not names_a or not names_b:
        return False
    shared = set(names_a) & set(names_b)
    return bool(shared & {names_a[-1], names_b[-1]})


def _known(language: str | None) -> str | None:
    """The language whose words a figure is read with; None (every language) when unknown."""
    code = (language or "").lower()[:2]
    return code if code in lang_data.languages() else None


def _concept_starts(language: str | None = None) -> tuple[str, ...]:
    from recoupe.facts.quantities import _concept_table

    return tuple(start for start, _ in _concept_table(language) if " " not in start)


# --------------------------------------------------------------------------------------------
# independence
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Independence:
    """Which documents count as one source, and which may count at all."""

    unit_of: dict[str, str]
    junk: frozenset[str]
    passages: Sequence[SharedPassage] = ()

    @classmethod
    def of(cls, docs: Sequence[Document], passages: Sequence[SharedPassage] = ()) -> Independence:
        uf: UnionFind[str] = UnionFind()
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
        uf: UnionFind[str] = UnionFind()
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
    lo, hi = (-math.inf if low is None else float(low), math.inf if high is None else float(high))
    if m.unit and m.kind == "quantity":
        lo = to_base_unit(lo, m.unit)[0] if math.isfinite(lo) else lo
        hi = to_base_unit(hi, m.unit)[0] if math.isfinite(hi) else hi
    return lo, hi


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


_BOUNDS_RULE = True
_BOUNDS = frozenset({"at_most", "less_than", "at_least", "more_than"})


def _agree(a: Mention, b: Mention) -> bool:
    """Two aligned figures agree: their intervals overlap; a score, the same score; two bounds
    of one kind, the same bound ("up to 200" and "up to 300" state different maxima)."""
    if isinstance(a.value, str) or isinstance(b.value, str):
        return a.value == b.value
    if a.qualifier == b.qualifier == "approximately":
        # "about 200" and "about 300": two estimates, compared by their values (10 %)
        va, vb = (to_base_unit(float(m.value or 0), m.unit)[0] for m in (a, b))
        return abs(va - vb) <= 0.1 * max(abs(va), abs(vb))
    if a.qualifier == b.qualifier and a.qualifier in _BOUNDS:
        va, vb = float(a.value or 0), float(b.value or 0)
        return math.isclose(to_base_unit(va, a.unit)[0], to_base_unit(vb, b.unit)[0], rel_tol=0.01)
    low_a, high_a = _interval(a)
    low_b, high_b = _interval(b)
    if a.unit != b.unit and a.kind == b.kind == "quantity" and a.unit and b.unit:
        # a figure converted by the writer is rounded ("30 miles" written "48km"): 3 %
        low_a, high_a = low_a * (1 - _CONVERTED), high_a * (1 + _CONVERTED)
    # a figure written with a scale word is rounded to its last digit: "5 milliards" is
    # 4.5 to 5.5 billion, so it agrees with "4,9 milliards" ("10 000 soldats" is not rounded)
    half = max(_written_step(a), _written_step(b)) / 2
    if a.unit == b.unit == "%" and (_decimals(a) == 0) != (_decimals(b) == 0):
        # a share written without decimals beside one written with them is rounded to its unit:
        # "46% pour le socialiste" is "46,28% pour le socialiste" rounded
        half = max(half, 0.5)
    return _overlap((low_a - half, high_a + half), (low_b, high_b))


def _decimals(m: Mention) -> int:
    """How many decimals a figure is written with ("46,28%": 2, "46%": 0)."""
    match = _WRITTEN_NUMBER.search(m.text)
    decimals = _DECIMALS.search(match.group().strip()) if match else None
    return len(decimals.group(1)) if decimals else 0


_CONVERTED = 0.03
_WRITTEN_NUMBER = re.compile(r"\d+(?:[\s\u00a0\u202f.,]\d+)*")
_DECIMALS = re.compile(r"[.,](\d{1,2})$")


def _written_step(m: Mention) -> float:
    """The step of the last digit of a figure written with a scale word ("4,9 milliards": 0.1
    billion; "$ 5 million": 1 million); 0 for a figure written in full ("10 000", "11,000")."""
    if not isinstance(m.value, int | float) or abs(m.value) < 1e6:
        return 0.0
    match = _WRITTEN_NUMBER.search(m.text)
    if not match:
        return 0.0
    written = match.group().strip()
    decimals = _DECIMALS.search(written)
    places = len(decimals.group(1)) if decimals else 0
    mantissa = float(re.sub(r"\D", "", written) or 0) / 10**places
    if mantissa == 0 or abs(m.value) / mantissa < 1000:
        return 0.0  # no scale word: every digit is written
    return float(abs(m.value) / mantissa) * 10.0**-places


def _same_figure(a: Mention, b: Mention) -> bool:
    """Two figures state one value: bounded intervals that agree ("10 000", "près de 10 000"),
    or the same bound ("more than 50" twice); an open bound agrees with any figure above or
    below it ("des milliers", "more than 400") and states none."""
    if a.qualifier == b.qualifier and a.qualifier in _BOUNDS:
        return _agree(a, b)
    return _bounded(a) and _bounded(b) and _agree(a, b)


def _bounded(m: Mention) -> bool:
    """A figure that states a value: a bounded interval ("10 000", "près de 300", "3 à 4 %"),
    not an open one ("des milliers", "more than 400")."""
    low, high = _interval(m)
    return isinstance(m.value, str) or (math.isfinite(low) and math.isfinite(high))


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None


def entity_aliases(docs: Sequence[Document]) -> dict[str, str]:
    """Map every entity name stated in the story to one canonical name across documents."""
    names = sorted({str(m.value or m.text) for doc in docs for m in doc.mentions if m.kind in ENTITY_KINDS})
    aliases: dict[str, str] = merge_aliases(names)
    return aliases


# --------------------------------------------------------------------------------------------
# statement alignment
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Statement:
    """A figure as the alignment reads it: where it is stated and what it is the measure of."""

    document: str
    mention: Mention
    language: str
    measure: str  # unit class, with the currency for money: "money:EUR"
    words: frozenset[str]  # subject key words
    predicates: frozenset[str]  # measure concepts of its predicate
    years: frozenset[str]
    periods: frozenset[str]
    place: str | None
    people: frozenset[str] = frozenset()  # persons named in its sentence, its source set aside
    entities: frozenset[str] = (
        frozenset()
    )  # persons, organisations, places of its sentence, its source set aside
    left: tuple[str, ...] = ()  # content words just before the figure, nearest last
    right: tuple[str, ...] = ()  # content words just after it, nearest first
    # the `NEAR_TOKENS` words written right before and after it in its sentence, function words
    # and names with digits ("76ers") included
    near: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    remainder: bool = False  # counts what is left besides others ("two other victims")
    subset: bool = False  # counts a part picked out of a whole ("les deux principaux dirigeants")
    converted: bool = False  # the writer's conversion in brackets of the amount before it
    cumulative: bool = False  # its sentence gives a running total ("so far", "depuis le début")
    still: bool = False  # counts what is still so when written ("encore détenus", "still held")
    rate: bool = False  # an amount per span of time ("$23 million per season", "par an")
    age_to_come: bool = False  # an age to be reached ("will turn 29 in April", "va avoir 32 ans")
    liable: bool = False  # a penalty the law allows ("passible de ... 375.000 euros d'amende")
    multiple: bool = False  # a multiplier, not a quantity ("more than five times the legal limit")
    doers: bool = False  # a count of who did what its verb, written after it, says (`Aligner.doers`)
    average: bool = False  # an average over several ("has averaged ... 100 RBIs", "5,15 % en moyenne")
    owner: str | None = None  # the name written right before it ("Sylvia Pinel 2%")


def _alignment_words(language: str | None, key: str) -> re.Pattern[str]:
    """The patterns of `lang/<code>/alignment.toml` under `key`, folded, as one expression (every
    language's when the language is unknown); a pattern that matches nothing when none."""
    codes = (language,) if language else lang_data.languages()
    if (codes, key) not in _ALIGNMENT_WORDS:
        patterns = [fold(p) for code in codes for p in lang_data.lexicon(code, "alignment").get(key, [])]
        _ALIGNMENT_WORDS[(codes, key)] = re.compile(
            r"\b(?:" + "|".join(patterns) + r")\b" if patterns else r"(?!x)x"
        )
    return _ALIGNMENT_WORDS[(codes, key)]


_ALIGNMENT_WORDS: dict[tuple[tuple[str, ...], str], re.Pattern[str]] = {}


def _periods(time: str | None, language: str) -> frozenset[str]:
    if not time:
        return frozenset()
    found: set[str] = set()
    for code in {language, *lang_data.languages()}:
        for key, patterns in lang_data.lexicon(code, "time").get("periods", {}).items():
            if any(re.search(p, time, re.IGNORECASE) for p in patterns):
                found.add(str(key))
    return frozenset(found)


def _context_needed(a: frozenset[str], b: frozenset[str]) -> float | None:
    """How alike two figures' sentences must be (TF-IDF cosine) for them to be compared; None
    when their subjects say they measure different things.

    - subjects sharing a word (a concept such as "@loss", or "seasons"): none, the subject says
      what is measured; whether two such figures that differ are reported is `Aligner.firm`'s call;
    - a figure without a subject: in sentences somewhat alike (`BARE_CONTEXT`).
    """
    if not a or not b:
        return BARE_CONTEXT
    return 0.0 if a & b else None


def _noun_key(noun: str) -> str:
    """A counted noun folded, its plural mark dropped: "personnes" and "personne" are one noun."""
    folded = fold(noun).strip(" -")
    return folded[:-1] if len(folded) > 3 and folded[-1] in "sx" else folded


def counts_of_different_nouns(a: Statement, b: Statement) -> bool:
    """Two counts, in one language, of nouns the parse named and that differ: two measures
    ("deux autres points" / "120 000 personnes", "cinq syndicats" / "six organisations").

    Two generic nouns ("soldats" / "militaires") may name one group, told apart by what
    qualifies them: the subjects and sentences decide. Across languages the nouns are words of
    two vocabularies and say nothing by their spelling; there too the concepts and sentences decide."""
    unit_a, unit_b = a.mention.unit, b.mention.unit
    if a.measure != "count" or a.language != b.language or not (unit_a and unit_b):
        return False
    if {w for w in a.words if w.startswith("@")} & b.words:
        return False  # one measure concept ("125 seats" / "125 electoral districts")
    key_a, key_b = _noun_key(unit_a), _noun_key(unit_b)
    return key_a != key_b and not (_generic_count(a.mention, key_a) and _generic_count(b.mention, key_b))


def _generic_count(mention: Mention, key: str) -> bool:
    """A count of a generic noun, or of a people named with a capital ("10 000 Nord-Coréens",
    "300 Américains"): either may name the same group as another generic noun."""
    if key in _GENERIC:
        return True
    unit = mention.unit or ""
    at = fold(mention.text).find(fold(unit)) if unit else -1
    return at >= 0 and mention.text[at : at + 1].isupper()


def _named_near(bare: Statement, named: Statement) -> bool:
    """A figure without a subject whose nearest content words (`FALLBACK_NEAR` on each side)
    hold a word of the other figure's subject: the parse missed what the first one measures."""
    near = set(bare.left[-FALLBACK_NEAR:]) | set(bare.right[:FALLBACK_NEAR])
    stems = {
        w[:ANCHOR_STEM] for w in _WORD.findall(fold(named.mention.subject or "")) if not w.startswith("ag")
    }
    return bool(near & stems)


def _predicates_apart(a: Statement, b: Statement) -> bool:
    """Two figures whose predicates are different verbs that share no measure concept ("gagné" /
    "coûté", "obtenir" / "levé"): what one did is not what the other did, so the figures are
    not one statement, whatever words surround them."""
    pa, pb = a.mention.predicate, b.mention.predicate
    if not (pa and pb) or a.predicates & b.predicates:
        return False
    return fold(pa)[:ANCHOR_STEM] != fold(pb)[:ANCHOR_STEM]


def _names_apart(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two sentences that both name people, firms or places, none the same: a name written
    whole in one and in part in the other ("Tony DiLeo" / "DiLeo") is the same."""
    if not (a and b):
        return False
    return not any(set(x.split()) <= set(y.split()) or set(y.split()) <= set(x.split()) for x in a for y in b)


def _names_besides(names: frozenset[str], words: frozenset[str]) -> frozenset[str]:
    """The names of a sentence that are not made of the figure's subject words."""
    return frozenset(n for n in names if not {_singular(w) for w in n.split()} <= words)


def _shared_names(a: Statement, b: Statement) -> frozenset[str]:
    """The names both figures' sentences give, a name made of their subjects' words set aside:
    "sympathisants du FN" on both sides share the group counted, not a named thing both
    sentences are about."""
    subject = a.words | b.words
    return _names_besides(a.entities, subject) & _names_besides(b.entities, subject)


def _person_beside(s: Statement) -> bool:
    """An age whose person is named among the content words nearest it ("Orozco , 27",
    "Mohamed, l'enfant de deux ans et demi"; not "Page 's life , as she became on of the
    two-year-old magazine 's first centerfolds", where the age is the magazine's)."""
    names = {name[:ANCHOR_STEM] for name in _names(s.mention.subject)}
    return bool(names & (set(s.left[-PERSON_NEAR:]) | set(s.right[:PERSON_NEAR])))


def _source_keys(m: Mention) -> frozenset[str]:
    return frozenset({canonical_key(m.claimed_by)}) if m.claimed_by else frozenset()


class Aligner:
    """Which figures of a story state the same measure of the same thing (module docstring)."""

    def __init__(self, docs: Sequence[Document]) -> None:
        self._starts: dict[str, list[int]] = {}
        self._rows: dict[str, list[int]] = {}
        self._language = {d.id: d.language for d in docs}
        self._text = {d.id: fold(d.text) for d in docs}
        self._entities: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self._people: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self._places: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self._spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        texts: list[str] = []
        for doc in docs:
            sentences = sentences_of(doc)
            self._starts[doc.id] = [s.start for s in sentences]
            self._rows[doc.id] = list(range(len(texts), len(texts) + len(sentences)))
            texts.extend(s.text for s in sentences)
            for m in doc.mentions:
                if m.kind in ENTITY_KINDS:
                    key = canonical_key(str(m.value or m.text))
                    self._entities[doc.id].append((m.start, key))
                    if key:
                        self._spans[doc.id].append((m.start, m.end, key))
                    if m.kind == "place":
                        self._places[doc.id].append((m.start, key))
                    if m.kind == "person" and key:
                        # by the words of the name: "Brian Nichols" and "Nichols" are one person,
                        # and so are "Lindsay Lohan" and a parse's "Lindsay Lohan checks out"
                        for word in key.split():
                            if len(word) > 2:
                                self._people[doc.id].append((m.start, word))
        self._matrix = tfidf_matrix(texts) if texts else None
        self._raw = {d.id: d.text for d in docs}
        self._figures = {
            d.id: [m for m in d.mentions if m.kind in ("quantity", "money") and m.value is not None]
            for d in docs
        }
        self._values: dict[tuple[str, str, frozenset[str]], set[object]] | None = None
        self._stop: dict[str, frozenset[str]] = {}

    def _stops(self, language: str) -> frozenset[str]:
        if language not in self._stop:
            known = _known(language)
            codes = [known] if known else list(lang_data.languages())
            # function words, and numbers written in words: a figure's context leaves figures out
            # ("four sentences of life" / "four people on the jury" share no word)
            self._stop[language] = frozenset(
                fold(w)
                for code in codes
                for key in (("function_words", "stop"), ("numbers", "words"))
                for w in lang_data.words(code, *key)
            )
        return self._stop[language]

    def _context(self, document: str, m: Mention) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Content words on each side of a figure, figures left out: what a wire copy or a shared
        passage keeps word for word around a figure even when one copy changes it."""
        text = self._raw.get(document, "")
        stop = self._stops(self._language.get(document, "und"))
        # the figure's own sentence: the names a next sentence lists ("... environ 25 % du total.
        # Suivent BNP Paribas, Société Générale") are not words of its statement
        low = self._sentence_start(document, m.start)
        high = low + len(self._sentence_text(document, m.start))
        before = [
            w for w in _CONTEXT_WORD.findall(fold(text[max(low, m.start - 160) : m.start])) if w not in stop
        ]
        after = [
            w for w in _CONTEXT_WORD.findall(fold(text[m.end : min(high, m.end + 160)])) if w not in stop
        ]
        # cut to a stem: "dragged" and "dragging", "perte" and "pertes" are one word here
        return (
            tuple(w[:ANCHOR_STEM] for w in before[-ANCHOR_WINDOW:]),
            tuple(w[:ANCHOR_STEM] for w in after[:ANCHOR_WINDOW]),
        )

    def _near(self, document: str, m: Mention) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The `NEAR_TOKENS` words right before and after a figure in its sentence, folded, as
        written; () on a side with fewer."""
        text = self._raw.get(document, "")
        low = self._sentence_start(document, m.start)
        high = low + len(self._sentence_text(document, m.start))
        before = _TOKEN.findall(fold(text[low : m.start]))[-NEAR_TOKENS:]
        after = _TOKEN.findall(fold(text[m.end : high]))[:NEAR_TOKENS]
        return (
            tuple(before) if len(before) == NEAR_TOKENS else (),
            tuple(after) if len(after) == NEAR_TOKENS else (),
        )

    def _window(self, document: str, m: Mention, before: int, after: int) -> tuple[str, str]:
        """The `before` words right before a figure and the `after` words right after it, within
        its sentence, folded."""
        text = self._raw.get(document, "")
        low = self._sentence_start(document, m.start)
        high = low + len(self._sentence_text(document, m.start))
        left = _TOKEN.findall(fold(text[low : m.start]))
        right = _TOKEN.findall(fold(text[m.end : high]))
        return " ".join(left[-before:] if before else []), " ".join(right[:after])

    @staticmethod
    def named_side(a: Statement, b: Statement) -> bool:
        """`CONFLICT_SHARED` - 1 content words shared on one side of two figures, a person both
        sentences name among them: "signed free-agent forward Elton Brand to a five-year , $ 80
        million contract" / "They signed Elton Brand to a five-year deal worth nearly $ 80
        million" (not "DiLeo has spent 19 seasons" / "DiLeo spent four seasons": two words)."""
        names = {w[:ANCHOR_STEM] for w in a.people & b.people}
        return any(
            len(shared) >= CONFLICT_SHARED - 1 and bool(shared & names)
            for shared in (set(a.left) & set(b.left), set(a.right) & set(b.right))
        )

    def doers(self, document: str, m: Mention, measure: str) -> bool:
        """A count whose verb is written after it, not before: the figure counts who did what
        the verb says ("More than 50 firefighters tackled the blaze", "Plus de 120.000 personnes
        ont signé à ce jour la pétition"), not what was won or lost ("avait gagné 200 000 euros", "made 86
        arrests")."""
        verb = fold(m.predicate or "")[:ANCHOR_STEM]
        if measure != "count" or not verb:
            return False
        before, after = self._window(document, m, 60, 60)
        return verb in {w[:ANCHOR_STEM] for w in after.split()} and verb not in {
            w[:ANCHOR_STEM] for w in before.split()
        }

    def multiple(self, document: str, m: Mention) -> bool:
        """A figure that says how many times a reference something is: its last word or the word
        right after it is a multiplier ("more than five times the legal limit", "deux fois
        plus"; `multiple` in `lang/<code>/alignment.toml`)."""
        multiplier = _alignment_words(_known(self._language.get(document, "und")), "multiple")
        if m.unit and multiplier.fullmatch(fold(m.unit)):
            return True  # the facts stage read it so: "more than five times the legal limit"
        last = _TOKEN.findall(fold(m.text))[-1:]
        following = self._window(document, m, 0, 1)[1]
        return any(multiplier.fullmatch(word) for word in (*last, following))

    def _elided_currency(self, document: str, m: Mention) -> str | None:
        """The currency of an amount written without it after another amount ("une perte de 948
        millions d'euros au premier semestre et de 351 millions au troisième trimestre", "portant
        sur 40 à 50 milliards d'euros de positions, entraînant une perte de 4,9 milliards"): a
        number with a scale word and no counted noun, within `ELIDED_CURRENCY` characters after an
        amount of its sentence, whatever its subject (a currency is said once for a sentence)."""
        if not isinstance(m.value, int | float) or m.value < 1e6 or not _WORD.search(m.text) or m.unit:
            return None
        sentence = self._sentence_start(document, m.start)
        before = [
            f
            for f in self._figures.get(document, ())
            if f.kind == "money"
            and f.unit
            and sentence <= f.start
            and f.end <= m.start
            and m.start - f.end <= ELIDED_CURRENCY
        ]
        return max(before, key=lambda f: f.end).unit if before else None

    def converted(self, document: str, m: Mention) -> bool:
        """An amount in brackets right after an amount written with the same currency sign:
        the writer's conversion into another currency of that name ("$US1 million ($1.52
        million)", Australian dollars), which the parse reads as the same currency. It is only
        compared with another writer's conversion. A conversion into another currency ("110
        billion euros ($143 billion)") already has its own measure."""
        if m.kind != "money":
            return False
        text = self._raw.get(document, "")
        sign = _CURRENCY_SIGN.match(m.text)
        if not sign or not re.match(r"\s*[)\]]", text[m.end : m.end + 3]):
            return False
        # the amount before may be one the parse did not read ("$US1 million")
        before = _CONVERSION_BEFORE.search(text[max(0, m.start - 30) : m.start])
        return bool(before) and sign.group() in text[max(0, m.start - 30) : m.start]

    def cut(self, document: str, m: Mention) -> bool:
        """A figure that is a piece of a number a tokeniser cut ("5 . 9" read as 9, "6 . 1" as
        6): its value is not what the page states, so it is never compared."""
        text = self._raw.get(document, "")
        return bool(_CUT_BEFORE.search(text[max(0, m.start - 4) : m.start])) or bool(
            m.text[-1:].isdigit() and _CUT_AFTER.match(text[m.end : m.end + 4])
        )

    def says_subject(self, bare: Statement, named: Statement) -> bool:
        """The sentence of a figure without a subject holds every word of the other figure's
        subject (stems; a measure concept by any of its words): "the cost of damage ... in
        Athens was estimated at about 300 million euros" / "200 million euros of damage in
        Athens"."""
        sentence = self._sentence_text(bare.document, bare.mention.start)
        stems = {w[:ANCHOR_STEM] for w in _WORD.findall(fold(sentence))}
        concepts = {f"@{c}" for c in measure_concepts(sentence, _known(bare.language))}
        needed = [w for w in named.words if len(w) > 2]
        return bool(needed) and all(
            w in concepts if w.startswith("@") else w[:ANCHOR_STEM] in stems for w in needed
        )

    def people_apart(self, a: Statement, b: Statement) -> bool:
        """Two figures whose sentences name people, none of them the same, in sentences that do
        not say the same: about different people ("DiLeo ... 19 seasons" / "Cheeks ... 11
        seasons", "a seven-year deal" of one player / "a four-year deal" of another). An age is
        told apart by its own subject (the person it is the age of). A measure concept said of
        the same firm or place is one measure whoever else is named ("le trader de la Caisse
        d'Epargne responsable de la perte de 751 millions d'euros s'appelle Boris" / "Me Cécile
        Bernaille, avocate du trader de la Caisse d'Epargne ... la perte de 751 millions")."""
        if a.measure == "age" or not (a.people and b.people) or a.people & b.people:
            return False
        if any(w.startswith("@") for w in a.words & b.words) and a.entities & b.entities:
            return False
        return self.similarity(a.mention, a.document, b.mention, b.document) < SAME_SENTENCE

    def names_apart(self, bare: Statement, named: Statement) -> bool:
        """A subject word that, in both sentences, is part of a name, the nearest such name to each
        figure being a different one: "le Crédit Mutuel 1,2 milliard" / "le Crédit agricole a lui
        aussi levé quelque 5,9 milliards" share the word, not the bank."""
        for word in named.words:
            near = [self._nearest_name(s, word) for s in (bare, named)]
            if near[0] and near[1] and near[0] != near[1]:
                return True
        return False

    def _nearest_name(self, s: Statement, word: str) -> str | None:
        """The name of the figure's sentence holding `word` nearest to the figure."""
        low = self._sentence_start(s.document, s.mention.start)
        high = low + len(self._sentence_text(s.document, s.mention.start))
        found = [
            (abs(pos - s.mention.start), key)
            for pos, key in self._entities.get(s.document, ())
            if low <= pos < high and word in key.split()
        ]
        return min(found)[1] if found else None

    @staticmethod
    def anchor(a: Statement, b: Statement) -> int:
        """How many content words two figures share on the same side of them (`ANCHOR_SHARED`
        or more: one statement written twice)."""
        return len(set(a.left) & set(b.left)) + len(set(a.right) & set(b.right))

    def statement(self, document: str, m: Mention) -> Statement:
        language = self._language.get(document, "und")
        measure = unit_class(m.unit)
        if measure == "money":
            measure = f"money:{m.unit}"
        elif measure == "count" and m.unit is None and (currency := self._elided_currency(document, m)):
            measure = f"money:{currency}"
        words = _statement_words(m, language)
        if "@age" in words:
            measure = "age"
        predicates = measure_concepts(m.predicate or "", _known(language))
        left, right = self._context(document, m)
        known = _known(language)
        before, after = self._window(document, m, STATE_WINDOW, STATE_WINDOW)
        return Statement(
            near=self._near(document, m),
            document=document,
            mention=m,
            language=language,
            measure=measure,
            words=words,
            predicates=predicates,
            years=frozenset(_YEARS.findall(m.time or "")),
            periods=_periods(m.time, language),
            place=canonical_key(m.place) if m.place else None,
            people=self._sentence_people(document, m),
            entities=self._sentence_entities(document, m.start) - _source_keys(m),
            left=left,
            right=right,
            remainder=bool(
                _alignment_words(_known(language), "remainder").search(fold(f"{m.text} {m.subject or ''}"))
            ),
            converted=self.converted(document, m),
            subset=bool(
                _alignment_words(_known(language), "subset").search(fold(f"{m.text} {m.subject or ''}"))
            ),
            cumulative=bool(
                _alignment_words(_known(language), "cumulative").search(
                    fold(self._sentence_text(document, m.start))
                )
            ),
            still=bool(_alignment_words(known, "still").search(f"{before} {fold(m.text)} {after}")),
            rate=bool(_alignment_words(known, "rate").search(f"{fold(m.text)} {after}")),
            age_to_come=bool(_alignment_words(known, "age_to_come").search(f"{before} {fold(m.text)}")),
            liable=bool(
                _alignment_words(known, "liable").search(self._window(document, m, LIABLE_WINDOW, 0)[0])
            ),
            multiple=self.multiple(document, m),
            doers=self.doers(document, m, measure),
            average=bool(
                _alignment_words(known, "average").search(
                    " ".join((self._window(document, m, AVERAGE_WINDOW, 0)[0], fold(m.text), after))
                )
            ),
            owner=self.owner(document, m, words),
        )

    def owner(self, document: str, m: Mention, words: frozenset[str] = frozenset()) -> str | None:
        """The name written right before a figure in its sentence, at most `OWNER_GAP` function
        words between (no verb, no figure): what the figure is said of ("Vincent Peillon
        obtiendrait 7% des intentions, Sylvia Pinel 2%", "devant François Fillon (20%)", "le Front
        de gauche à 9%"; not "Benoît Hamon recueille 22%"). Its source and a name made of its
        subject's words ("10 000 Nord-Coréens") are no owner."""
        text = self._raw.get(document, "")
        low = self._sentence_start(document, m.start)
        high = low + len(self._sentence_text(document, m.start))
        set_aside = _source_keys(m)
        stop = self._stops(self._language.get(document, "und"))
        found: list[tuple[int, str]] = []
        for start, end, key in self._spans.get(document, ()):
            if start < low or end > high or key in set_aside or not _names_besides(frozenset({key}), words):
                continue
            if end > m.start:
                continue  # a name after the figure is as often its source ("15 years , the Daily News reports")
            gap = text[end : m.start]
            words_between = _TOKEN.findall(fold(gap))
            if len(words_between) <= OWNER_GAP and all(w in stop and not w.isdigit() for w in words_between):
                found.append((len(gap), key))
        return min(found)[1] if found else None

    def _sentence_start(self, document: str, offset: int) -> int:
        starts = self._starts.get(document) or [0]
        return starts[max(0, bisect.bisect_right(starts, offset) - 1)]

    def _sentence_text(self, document: str, offset: int) -> str:
        starts = self._starts.get(document) or [0]
        index = max(0, bisect.bisect_right(starts, offset) - 1)
        end = starts[index + 1] if index + 1 < len(starts) else None
        return self._raw.get(document, "")[starts[index] : end]

    def _sentence_people(self, document: str, m: Mention) -> frozenset[str]:
        starts = self._starts.get(document) or [0]
        index = max(0, bisect.bisect_right(starts, m.start) - 1)
        low = starts[index]
        high = starts[index + 1] if index + 1 < len(starts) else math.inf
        source = set(canonical_key(m.claimed_by).split()) if m.claimed_by else set()
        return frozenset(
            key for pos, key in self._people.get(document, ()) if low <= pos < high and key not in source
        )

    def _row(self, document: str, offset: int) -> int | None:
        starts = self._starts.get(document)
        if not starts:
            return None
        index = max(0, bisect.bisect_right(starts, offset) - 1)
        return self._rows[document][index]

    def _sentence_entities(self, document: str, offset: int, places: bool = False) -> frozenset[str]:
        """The names of a figure's sentence: persons, organisations and places, or places only."""
        starts = self._starts.get(document) or [0]
        index = max(0, bisect.bisect_right(starts, offset) - 1)
        low = starts[index]
        high = starts[index + 1] if index + 1 < len(starts) else math.inf
        names = (self._places if places else self._entities).get(document, ())
        return frozenset(key for pos, key in names if low <= pos < high and key)

    def places_apart(self, a: Statement, b: Statement) -> bool:
        """The sentences of two figures name places, none the same whole or in part."""
        subject = a.words | b.words
        return _names_apart(
            _names_besides(self._sentence_entities(a.document, a.mention.start, places=True), subject),
            _names_besides(self._sentence_entities(b.document, b.mention.start, places=True), subject),
        )

    def similarity(self, a: FactMention | Mention, a_doc: str, b: FactMention | Mention, b_doc: str) -> float:
        """TF-IDF cosine of the sentences holding two mentions (figures left out)."""
        row_a, row_b = self._row(a_doc, a.start), self._row(b_doc, b.start)
        if self._matrix is None or row_a is None or row_b is None:
            return 0.0
        return row_cosine(self._matrix, row_a, row_b)

    def one_persons_only_duration(self, a: Statement, b: Statement) -> bool:
        """Two durations whose sentences name one person (one's names within the other's) and
        state no other duration: how long that person did something."""
        return (
            a.measure == b.measure == "duration"
            and bool(a.people & b.people)
            and (a.people <= b.people or b.people <= a.people)
            and self.only_duration(a)
            and self.only_duration(b)
        )

    def only_duration(self, s: Statement) -> bool:
        """The figure is the only duration its sentence states."""
        starts = self._starts.get(s.document) or [0]
        index = max(0, bisect.bisect_right(starts, s.mention.start) - 1)
        low = starts[index]
        high = starts[index + 1] if index + 1 < len(starts) else math.inf
        return not any(
            low <= m.start < high and m.start != s.mention.start and unit_class(m.unit) == "duration"
            for m in self._figures.get(s.document, ())
        )

    @staticmethod
    def adjacent(a: Statement, b: Statement) -> int:
        """How many content words two figures share in a row right next to them, on both sides
        ("state police chased him for 48km, including through a construction zone")."""

        def run(x: Sequence[str], y: Sequence[str]) -> int:
            return len(list(itertools.takewhile(lambda p: p[0] == p[1], zip(x, y, strict=False))))

        return run(a.left[::-1], b.left[::-1]) + run(a.right, b.right)

    @staticmethod
    def both_sides(a: Statement, b: Statement) -> bool:
        """Two figures share a content word on each side of them (among the `NEAR_SIDE` nearest),
        or the same words written right beside them on that side ("DiLeo has spent 19 seasons with the 76ers ." / "DiLeo has
        spent 28 seasons with the 76ers and was promoted": no content word is read in "the
        76ers"): words on one side only say where or how ("50 miles north of Detroit" of a
        motorist and "24km north of Detroit" of a building; "90 % des Chinois" / "100 %
        chinois")."""
        return all(
            set(x) & set(y) or (near_x and near_x == near_y)
            for x, y, near_x, near_y in (
                (a.left[-NEAR_SIDE:], b.left[-NEAR_SIDE:], a.near[0], b.near[0]),
                (a.right[:NEAR_SIDE], b.right[:NEAR_SIDE], a.near[1], b.near[1]),
            )
        )

    def listed(self, s: Statement) -> bool:
        """The figure's sentence states another figure of the same kind of measure."""
        low = self._sentence_start(s.document, s.mention.start)
        high = low + len(self._sentence_text(s.document, s.mention.start))
        key = _measure_key(s.mention.unit)
        return any(
            low <= m.start < high and m.start != s.mention.start and _measure_key(m.unit) == key
            for m in self._figures.get(s.document, ())
        )

    def several(self, s: Statement) -> bool:
        """Whether the figure's own document states other values for its subject ("13 homers"
        with one team, "33 homers" in the season)."""
        if not s.words:
            return False
        if self._values is None:
            values: dict[tuple[str, str, frozenset[str]], set[object]] = defaultdict(set)
            for document, mentions in self._figures.items():
                language = self._language.get(document, "und")
                for m in mentions:
                    words = _statement_words(m, language)
                    values[(document, _measure_key(m.unit), words)].add(_interval(m))
            self._values = values
        return len(self._values.get((s.document, _measure_key(s.mention.unit), s.words), ())) >= 2

    def subject_in_other_sentence(self, a: Statement, b: Statement) -> bool:
        """Whether a word of one figure's subject is written in the other figure's sentence
        ("la durée ... d'un congé d'accompagnement" / "un congé d'accompagnement de 22 jours"):
        the parse gave the two figures different subjects, the sentences one."""
        text_a = self._sentence_text(a.document, a.mention.start).lower()
        text_b = self._sentence_text(b.document, b.mention.start).lower()
        return any(w in text_b for w in a.words if not w.startswith("@")) or any(
            w in text_a for w in b.words if not w.startswith("@")
        )

    def firm(self, a: Statement, b: Statement) -> bool:
        """Aligned figures that may be reported as disagreeing (`firm_rule`)."""
        return self.firm_rule(a, b)[0]

    def same_measure(self, a: Statement, b: Statement) -> bool:
        """Two figures state the same measure of the same thing (`alignment_rule`)."""
        return self.alignment_rule(a, b)[0]

    def firm_rule(self, a: Statement, b: Statement) -> tuple[bool, str]:
        """Aligned figures that may be reported as disagreeing: a reader who sees both sentences
        sees one statement (the same words around the figure, one person's age, or sentences
        that say the same), not two measures sharing a word ("13 homers" with one team, "33
        homers" in the season)."""
        if self.people_apart(a, b):
            return False, "people apart"
        if a.remainder != b.remainder:
            return False, "remainder"
        if a.subset != b.subset:
            return False, "subset"  # "les deux principaux dirigeants" / "les trois dirigeants"
        if a.cumulative != b.cumulative:
            return False, "running total"
        if a.still != b.still:
            # "libération d'Ingrid Betancourt et de 14 autres otages" / "les 28 autres otages
            # politiques encore détenus par les Farc": who was freed is not who is still held
            return False, "still so"
        if a.rate != b.rate:
            # "$23 million per season" / "$184 million": a rate is not the total
            return False, "rate"
        if a.liable != b.liable:
            # "un chef passible de trois ans d'emprisonnement et de 375.000 euros d'amende" /
            # "La SocGen a été frappée d'une amende de quatre millions d'euros": what the law
            # allows is not what a court or a regulator imposed
            return False, "penalty allowed"
        if a.average != b.average:
            # "has averaged more than 30 home runs and 100 RBIs in his six big - league seasons" /
            # "Teixeira had 33 homers and 121 RBIs": an average over several is not one of them
            return False, "average"
        if a.measure == "age" and a.age_to_come != b.age_to_come:
            # "Teixeira , 28" / "Teixeira - - who will turn 29 in April": the age now and the age
            # to come agree
            return False, "age to come"
        if (
            a.measure != "age"
            and a.owner
            and b.owner
            and _names_apart(frozenset({a.owner}), frozenset({b.owner}))
        ):
            # each figure is said of the name written right before it: "Vincent Peillon obtiendrait 7%
            # des intentions, Sylvia Pinel 2%, François de Rugy 1%" / "devant François Fillon
            # (20%)" are two candidates' scores, whatever words surround them
            return False, "different names beside"
        if (
            a.language == b.language
            and _predicates_apart(a, b)
            and not (a.doers and b.doers)
            and not (self.both_sides(a, b) and self.anchor(a, b) >= CONFLICT_SHARED)
        ):
            # ... unless the same words surround both on each side: one statement written with
            # two verbs ("Ayers was promoted and fired 52 games into the 2003 - 04 season before
            # he was replaced by Chris Ford" / "Ayers , who lasted 78 games before being
            # replaced by Chris Ford")
            # "Jérôme Kerviel avait gagné 200 000 euros" / "des falsifications qui ont coûté
            # 4,91 milliards d'euros": what was won is not what was lost; nor when both count
            # who did what their verbs say ("More than 50 firefighters tackled the blaze" /
            # "More than 50 firefighters have been trying to control the fire")
            return False, "different predicates"
        if self.adjacent(a, b) >= CONFLICT_ADJACENT and self.both_sides(a, b):
            if a.language == b.language and self.places_apart(a, b):
                # a set phrase written around figures said of different places: two events ("a
                # quake measuring 6 . 4 on the Richter scale hit the southern town of Zarand" /
                # "An earthquake measuring 5.6 on the Richter scale jolted Qeshm"); places only:
                # a firm or a person is often written two ways ("the Angels" / "the Angeles",
                # "Teixeira" / "he", ECB+ 10_ecb's planted "13 home runs and 43 RBIs")
                return False, "adjacent words, different places"
            return True, "adjacent words"
        if a.measure == "score":
            return False, "score"
        if a.measure == "age":
            # one person's age: the person is named right beside both figures ("Orozco, 27"),
            # or the same words surround both
            if _person_beside(a) and _person_beside(b):
                return True, "person beside both ages"
            if (
                ((_person_beside(a) and not b.people) or (_person_beside(b) and not a.people))
                and not self.several(a)
                and not self.several(b)
            ):
                # the person named beside one age, the other said of a person its sentence
                # describes without a name, each page giving that person one age: "Chantal
                # Sébire, 52 ans" / "Le corps de l'enseignante de 78 ans, qui souffrait d'une
                # tumeur incurable"
                return True, "one person's only age, named and described"
            return self.anchor(a, b) >= CONFLICT_SHARED, "shared context words (age)"
        if (
            a.measure == "duration"
            and a.words & b.words
            and a.people & b.people
            and not (_ATTRIBUTE.search(a.mention.text) or _ATTRIBUTE.search(b.mention.text))
        ):
            # how long one person did one thing ("Hiller has worked for Kraft for about 15
            # years" / "where she had worked for 22 years ... Hiller"); a length joined to its
            # noun by a hyphen is the length of a thing offered or signed, not of what the
            # person did ("an eight-year offer" / "a seven - year deal" to one player)
            return True, "one person's duration"
        if (
            a.measure == "duration"
            and a.owner
            and b.owner
            and not _names_apart(frozenset({a.owner}), frozenset({b.owner}))
            and self.only_duration(a)
            and self.only_duration(b)
            and not (_ATTRIBUTE.search(a.mention.text) or _ATTRIBUTE.search(b.mention.text))
        ):
            # how long someone was with one firm or body, named right before the only duration
            # of each sentence, whatever the verb: "had worked for the Sheriff's Department for 15
            # years" / "had served with the Los Angeles County Sheriff's Department for 22 years"
            return True, "one name's only duration"
        if (len(a.words) < 2 or len(b.words) < 2) and (self.several(a) or self.several(b)):
            # a one-word subject its own document gives several values: several measures
            return False, "several values in one document"
        if (
            a.words
            and b.words
            and not (a.words & b.words)
            and a.language == b.language
            and not self.subject_in_other_sentence(a, b)
        ):
            # "Les actions ont ainsi reculé de 7,16% chez BNP Paribas, ..." / "environ 25 % du
            # total, suivent BNP Paribas, Société générale": the same firms named around two
            # figures of different subjects are no statement written twice (across languages
            # the subjects' words differ whatever they say)
            return False, "different subjects"
        # the same words around both, or three on one side with a person both sentences name
        if self.anchor(a, b) >= CONFLICT_SHARED or self.named_side(a, b):
            subject = a.words | b.words  # a name counted is no name of a source ("68 % of Greeks")
            if a.language == b.language and _names_apart(
                _names_besides(a.entities, subject), _names_besides(b.entities, subject)
            ):
                # the same words around two figures said of different names: two measures
                # ("An opinion poll for the respected Kathimerini newspaper found that 68 per
                # cent of Greeks" / "An opinion poll published by Ethnos newspaper ... 83.3
                # percent of Greeks")
                return False, "shared context words, different names"
            return True, "shared context words"
        if _BOUNDS_RULE and a.mention.qualifier == b.mention.qualifier and a.mention.qualifier in _BOUNDS:
            # "at least two people" hurt in one attack and "at least 70" in the riots: two
            # bounds of one kind hold together, unless one statement is written twice: a subject
            # word in common and the same words around both ("more than 50 firefighters tackled
            # the blaze" / "more than 75 firefighters ... fought the blaze")
            if a.words & b.words and self.anchor(a, b) >= ANCHOR_SHARED:
                return True, "two bounds of one kind, same words around"
            return False, "two bounds of one kind"
        if a.entities and b.entities and not (a.entities & b.entities):
            return False, "different entities"
        similarity = self.similarity(a.mention, a.document, b.mention, b.document)
        shared = a.words & b.words
        concept = any(w.startswith("@") for w in shared)
        if concept or (len(shared) >= 2 and (a.words <= b.words or b.words <= a.words)):
            # a measure concept ("perte" / "loss", "morts" / "killed") or a subject of two words
            # or more ("militaires nord-coréens" / "Nord-Coréens"), said of the same named
            # people, firm or place, or in sentences somewhat alike
            if _shared_names(a, b):
                return True, "subject and entity"
            return similarity >= CONFLICT_CONTEXT_SUBJECT, "subject and similar sentences"
        if (
            shared
            and (a.words <= b.words or b.words <= a.words)
            and _shared_names(a, b)
            and similarity >= CONFLICT_CONTEXT_WITHIN
        ):
            # "200 million euros of damage in Athens alone" / "the cost of damage to shops and
            # businesses in Athens alone ... about 300 million euros"
            return True, "subject within the other and entity"
        if bool(a.words) != bool(b.words):
            bare, named = (b, a) if a.words else (a, b)
            if (
                self.says_subject(bare, named)
                and _shared_names(a, b)
                and not self.names_apart(bare, named)
                and not self.listed(bare)
            ):
                # ... the one figure of its kind in its sentence: a sentence listing several
                # ("Marine Le Pen (25,5%) et Emmanuel Macron (22%) en tête des intentions de
                # vote") names a subject without saying which of its figures measures it
                return True, "subject named in sentence"
        return similarity >= CONFLICT_CONTEXT, "similar sentences"

    def alignment_rule(self, a: Statement, b: Statement) -> tuple[bool, str]:
        """The alignment rule (module docstring): same measure, subject, predicate, compatible
        time and place, and sentences that say the same around them."""
        if a.measure != b.measure:
            return False, "measure"
        if a.converted != b.converted:
            return False, "conversion"  # "$US1 million ($1.52 million)" / "$1 million"
        if a.multiple != b.multiple:
            # "a blood-alcohol level of 0.41" / "more than five times the legal limit": how many
            # times a reference a figure is, is not the figure
            return False, "multiple"
        if a.predicates and b.predicates and not (a.predicates & b.predicates):
            return False, "predicate"
        if a.years and b.years and not (a.years & b.years):
            return False, "year"
        if a.periods and b.periods and not (a.periods & b.periods):
            return False, "period"
        if (
            a.place
            and b.place
            and a.place != b.place
            and a.place not in self._text.get(b.document, "")
            and b.place not in self._text.get(a.document, "")
        ):
            return False, "place"
        concepts_a = {w for w in a.words if w.startswith("@")}
        concepts_b = {w for w in b.words if w.startswith("@")}
        if concepts_a and concepts_b and not (concepts_a & concepts_b):
            return False, "concept"
        if counts_of_different_nouns(a, b):
            return False, "counted noun"
        if self.people_apart(a, b):
            return False, "people apart"
        if self.anchor(a, b) >= ANCHOR_SHARED:
            return True, "anchor"
        if (
            a.measure == "count"
            and not (a.words or b.words)
            and a.mention.unit
            and b.mention.unit
            and a.mention.unit != b.mention.unit
        ):
            return False, "bare counts"
        if a.measure == "age":
            # an age is only compared with the age of the same person, and that is one measure;
            # an age whose person the parse did not find, with an age of a person its sentence
            # names, or in sentences somewhat alike
            if _names(a.mention.subject) and _names(b.mention.subject):
                return _same_person(a.mention.subject, b.mention.subject), "same person"
            nameless, named = (a, b) if not _names(a.mention.subject) else (b, a)
            if not _names(named.mention.subject):
                return self.similarity(
                    a.mention, a.document, b.mention, b.document
                ) >= BARE_CONTEXT, "similar sentences (age)"
            surname = _names(named.mention.subject)[-1]
            return surname in nameless.people, "person in sentence"
        if bool(a.words) != bool(b.words) and _named_near(b if a.words else a, a if a.words else b):
            return True, "subject beside"
        if self.one_persons_only_duration(a, b):
            # how long one person did something, the sentences naming that person and no other
            # ("Yvonne Hiller" / "Hiller") and stating no other duration ("Hiller ... where she'd worked for 15 years" /
            # "Hiller, a 15-year employee")
            return True, "one person's only duration"
        needed = _context_needed(a.words, b.words)
        if needed is None:
            return False, "subject"
        if a.measure == "score":
            needed = max(
                needed, SAME_SENTENCE
            )  # a story holds many matches and records: the same sentence only
        if a.measure != "age" and a.people and b.people and not (a.people & b.people):
            needed = max(needed, SAME_SENTENCE)  # about different people ("DiLeo, 19 seasons" / "Cheeks, 11")
        if self.similarity(a.mention, a.document, b.mention, b.document) >= needed:
            return True, "similar sentences"
        if a.language != b.language and needed < SAME_SENTENCE:
            shared = self._sentence_entities(a.document, a.mention.start) & self._sentence_entities(
                b.document, b.mention.start
            )
            return bool(shared), "shared entity across languages"
        return False, "no rule"


# --------------------------------------------------------------------------------------------
# the stage
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class CrossCheck:
    """What the cross-check yields for one story; the summary and timeline read it."""

    facts: list[Fact]
    discrepancies: list[Discrepancy]
    quotes: list[Quote]
    claims: list[Fact] = field(default_factory=list)
    backing: SentenceBacking | None = None


def cross_check(
    story_id: str,
    docs: Sequence[Document],
    passages: Sequence[SharedPassage] = (),
    *,
    independence: Independence | None = None,
) -> CrossCheck:
    """Facts, claims, quotes and discrepancies of one story from its documents' mentions."""
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
                key = (m.kind, cls, unit, subject_key(m.subject, m.unit), m.value, fold(m.time or ""))
            elif m.kind == "date":
                if m.value is None:
                    # "mardi" on an undated page: nothing to compare or count, and a story's list
                    # of facts is no place for it (it stays among the document's mentions)
                    continue
                key = ("date", m.value)
            else:
                key = (m.kind, fold(str(m.value or m.text)))
            groups.setdefault(key, _Group(m.kind)).mentions.append((doc.id, m))

    facts: list[Fact] = []
    fact_of: dict[tuple[str, int], str] = {}
    for key, group in groups.items():
        fact_mentions = [FactMention(d, m.text, m.start, m.end) for d, m in group.mentions]
        ms = [m for _, m in group.mentions]
        kind = story_kind(group.mentions)
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
            for d, m in group.mentions:
                fact_of[(d, m.start)] = fact.id
        elif kind == "date":
            fact.low = ms[0].low
            fact.high = ms[0].high
            fact.label = f"{ms[0].value}: {ms[0].text}"
        else:
            fact.label = str(ms[0].value or ms[0].text)
        fact.claimed_by = _most_common(m.claimed_by for m in ms)
        facts.append(fact)

    facts.sort(key=lambda f: (-f.support, f.kind, f.label))
    aligner = Aligner(docs)
    discrepancies = find_discrepancies(docs, aligner, independence, fact_of)
    quotes = _merge_quotes(docs, aliases, facts, independence)
    backing = sentence_backing(docs, independence)
    claims = claim_facts(story_id, docs, independence, backing=backing)
    return CrossCheck(facts, discrepancies, quotes, claims, backing)


def story_kind(mentions: Sequence[tuple[str, Mention]]) -> FactKind:
    """The kind of a name across a story, from its (document id, mention) pairs: one vote per
    page, the kind most of that page's mentions get, so that one page repeating a wrong tag
    ("Raj Chohan" organization five times) does not outvote the pages that tag it right. A tie
    between pages goes to the kind most mentions get, then to the one stated first (a page's own
    tie too)."""
    order: dict[FactKind, int] = {}
    per_page: dict[str, Counter[FactKind]] = defaultdict(Counter)
    for document, m in mentions:
        order.setdefault(m.kind, len(order))
        per_page[document][m.kind] += 1
    by_mentions: Counter[FactKind] = Counter()
    for kinds in per_page.values():
        by_mentions.update(kinds)
    pages = Counter(max(kinds, key=lambda k: (kinds[k], -order[k])) for kinds in per_page.values())
    return max(pages, key=lambda k: (pages[k], by_mentions[k], -order[k]))


def _fill_quantity(fact: Fact, ms: list[Mention]) -> None:
    fact.unit = ms[0].unit
    fact.subject = _most_common(m.subject for m in ms)
    fact.time = _most_common(m.time for m in ms)
    fact.place = _most_common(m.place for m in ms)
    fact.predicate = _most_common(m.predicate for m in ms)
    qualifiers = Counter(m.qualifier or "exact" for m in ms)
    fact.qualifier = "exact" if "exact" in qualifiers else qualifiers.most_common(1)[0][0]
    if isinstance(fact.value, str):
        fact.label = f"{fact.subject or fact.unit}: {fact.value}"
        return
    # the interval all statements allow together; agreeing statements narrow it
    low, high = -math.inf, math.inf
    for m in ms:
        lo, hi = _own_interval(m)
        low, high = max(low, lo), min(high, hi)
    if low > high:
        low, high = _own_interval(ms[0])
    fact.low = None if low == -math.inf else low
    fact.high = None if high == math.inf else high
    if fact.qualifier == "range" and fact.low is not None and fact.high is not None:
        number = f"{format_number(fact.low, scale_words=True)}–{format_number(fact.high, scale_words=True)}"
    elif isinstance(fact.value, int | float):
        number = format_number(float(fact.value), scale_words=True)
    else:
        number = str(fact.value)
    unit = f" {fact.unit}" if fact.unit and fact.unit != "%" else (fact.unit or "")
    words = _QUALIFIER_WORDS.get(fact.qualifier or "", "")
    about = fact.subject or fact.unit or fact.kind
    qualified = ", ".join(p for p in (fact.time, fact.place) if p)
    fact.label = f"{about}{f' ({qualified})' if qualified else ''}: {words}{number}{unit}"


def _own_interval(m: Mention) -> tuple[float, float]:
    """The interval in the mention's own unit (for labels)."""
    low = m.low if isinstance(m.low, int | float) else None
    high = m.high if isinstance(m.high, int | float) else None
    value = m.value if isinstance(m.value, int | float) else None
    if low is None and high is None and value is not None and m.qualifier in (None, "exact"):
        low = high = value
    return (-math.inf if low is None else float(low), math.inf if high is None else float(high))


def aligned_pairs(statements: Sequence[Statement], aligner: Aligner) -> Iterable[tuple[int, int]]:
    """Index pairs of statements of different documents that state the same measure; only
    statements sharing a subject word, or words around them, are tried (inverted indexes keep
    this near-linear)."""
    by_word: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(statements):
        for word in s.words:
            by_word[word].append(i)
        # a figure without a subject is tried against the figures of its measure
        # a figure is tried against the figures of its measure written beside the same word
        for word in {*s.left[-1:], *s.right[:1]}:
            by_word[f"~{s.measure}:{word}"].append(i)
        by_word[
            "#" + s.measure + (f":{s.mention.unit}" if s.measure == "count" and not s.words else "")
        ].append(i)
    # figures of one measure sharing `ANCHOR_SHARED` words on the same side of them are one
    # statement written twice whatever their subjects ("d'une durée de 15 jours" / "un congé
    # d'accompagnement de 22 jours"): they are tried too
    by_side: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, s in enumerate(statements):
        for side, words in (("<", s.left), (">", s.right)):
            for word in set(words):
                by_side[(s.measure, side, word)].append(i)
    sides: Counter[tuple[int, int]] = Counter()
    for members in by_side.values():
        sides.update(itertools.combinations(members, 2))
    anchored = [pair for pair, count in sides.items() if count >= ANCHOR_SHARED]
    seen: set[tuple[int, int]] = set()
    tried = itertools.chain(
        ((key, pair) for key, members in by_word.items() for pair in itertools.combinations(members, 2)),
        (("<>", pair) for pair in anchored),
    )
    for key, (i, j) in tried:
        if (i, j) in seen:
            continue
        if key.startswith("#") and statements[i].words and statements[j].words:
            continue
        seen.add((i, j))
        a, b = statements[i], statements[j]
        if a.document != b.document and aligner.same_measure(a, b):
            yield i, j


def find_discrepancies(
    docs: Sequence[Document],
    aligner: Aligner,
    independence: Independence,
    fact_of: dict[tuple[str, int], str] | None = None,
) -> list[Discrepancy]:
    """Aligned figures that disagree, stated by different independent sources (module docstring)."""
    fact_of = fact_of or {}
    statements = [
        aligner.statement(doc.id, m)
        for doc in docs
        if doc.id not in independence.junk
        for m in doc.mentions
        if m.kind in ("quantity", "money") and m.value is not None and not aligner.cut(doc.id, m)
    ]
    pairs = list(aligned_pairs(statements, aligner))
    source = {i: independence.unit_of.get(s.document, s.document) for i, s in enumerate(statements)}
    # what each source states for each aligned neighbour: a source that also states a figure
    # agreeing with the other's is not in disagreement with it
    neighbours: dict[int, set[int]] = defaultdict(set)
    for i, j in pairs:
        neighbours[i].add(j)
        neighbours[j].add(i)
    conflicts: list[tuple[int, int]] = []
    for i, j in pairs:
        if source[i] == source[j] or _agree(statements[i].mention, statements[j].mention):
            continue
        if not aligner.firm(statements[i], statements[j]):
            continue
        if any(
            source[k] == source[i]
            and _bounded(statements[k].mention)
            and _agree(statements[k].mention, statements[j].mention)
            for k in neighbours[j]
        ) or any(
            source[k] == source[j]
            and _bounded(statements[k].mention)
            and _agree(statements[k].mention, statements[i].mention)
            for k in neighbours[i]
        ):
            continue  # one of them also states the other's figure ("des milliers" states no figure)
        if _both_stated(statements, neighbours, source, i, j):
            continue  # a third source states both: two measures ("six rifles seized", "14 so far")
        conflicts.append((i, j))
    if not conflicts:
        return []
    groups = _measure_groups(statements, pairs, conflicts, aligner)
    published = {d.id: d.published for d in docs}
    out: list[Discrepancy] = []
    for members in groups:
        out.append(_discrepancy([statements[i] for i in members], published, fact_of))
    out.sort(key=lambda d: d.about)
    return out


def _both_stated(
    statements: Sequence[Statement],
    neighbours: dict[int, set[int]],
    source: dict[int, str],
    i: int,
    j: int,
) -> bool:
    """Some source states both values, each aligned with one of the pair, in two statements
    that disagree and that no two different claimants make: for it the two figures coexist ("six AK-47 rifles
    were seized" and "14 AK-47 rifles in their five operations"), so two other sources stating
    one each do not disagree. A page that says "Tehran put it at 5.9, the USGS at 6.1" reports a
    disagreement: its two claimants keep the pair."""

    def holders(x: int) -> dict[str, list[Mention]]:
        out: dict[str, list[Mention]] = defaultdict(list)
        for k in neighbours[x]:
            if (
                k != x
                and _bounded(statements[k].mention)
                and _agree(statements[k].mention, statements[x].mention)
            ):
                out[source[k]].append(statements[k].mention)
        return out

    with_i, with_j = holders(i), holders(j)
    for unit in with_i.keys() & with_j.keys():
        for k in with_i[unit]:
            for m in with_j[unit]:
                if k is m or _agree(k, m):
                    continue  # "about 10 minutes" agrees with both 9 and 10: not two values
                if (
                    k.claimed_by
                    and m.claimed_by
                    and canonical_key(k.claimed_by) != canonical_key(m.claimed_by)
                ):
                    continue
                return True
    return False


def _measure_groups(
    statements: Sequence[Statement],
    pairs: Sequence[tuple[int, int]],
    conflicts: Sequence[tuple[int, int]],
    aligner: Aligner,
) -> list[list[int]]:
    """The statements of each reported discrepancy: conflicting pairs, strongest first, joined
    with the statements that agree with them, two groups joining only when at least
    `GROUP_ALIGNED` of their pairs of different values (in different documents) are aligned.
    Without that check, groups chain: "24 km north of
    Detroit" / "22 miles north of Detroit" and "22 miles" / "a motorist 50 miles north" would
    make one discrepancy of two measures."""
    aligned = {frozenset(p) for p in pairs}
    group_of: dict[int, int] = {}
    members: dict[int, list[int]] = {}

    def joinable(x: int, y: int) -> bool:
        gx, gy = members.get(group_of.get(x, -1), [x]), members.get(group_of.get(y, -1), [y])
        apart = [
            (i, j)
            for i in gx
            for j in gy
            if statements[i].document != statements[j].document
            and not _agree(statements[i].mention, statements[j].mention)
        ]
        return sum(frozenset(p) in aligned for p in apart) >= GROUP_ALIGNED * len(apart)

    def join(x: int, y: int) -> None:
        for i in (x, y):
            if i not in group_of:
                group_of[i] = i
                members[i] = [i]
        gx, gy = group_of[x], group_of[y]
        if gx == gy:
            return
        for i in members[gy]:
            group_of[i] = gx
        members[gx].extend(members.pop(gy))

    def strength(pair: tuple[int, int]) -> tuple[int, int, float]:
        a, b = statements[pair[0]], statements[pair[1]]
        similarity = aligner.similarity(a.mention, a.document, b.mention, b.document)
        return (-aligner.adjacent(a, b), -aligner.anchor(a, b), -similarity)

    for i, j in sorted(conflicts, key=strength):
        if joinable(i, j):
            join(i, j)
    # statements agreeing with a conflicting one, aligned with it, join its value
    grouped = set(group_of)
    for i, j in pairs:
        if (i in grouped) != (j in grouped) and _same_figure(statements[i].mention, statements[j].mention):
            join(i, j)
    return [sorted(group) for group in members.values() if len(group) >= 2]


def _discrepancy(
    statements: list[Statement], published: dict[str, str | None], fact_of: dict[tuple[str, int], str]
) -> Discrepancy:
    by_value: dict[object, list[Statement]] = defaultdict(list)
    for s in statements:
        value = s.mention.value
        if isinstance(value, int | float) and s.mention.unit and s.mention.kind == "quantity":
            value = round(to_base_unit(float(value), s.mention.unit)[0], 9)
        by_value[value].append(s)
    values: list[DiscrepancyValue] = []
    dates_per_value = []
    ordered = sorted(
        by_value.items(),
        key=lambda kv: (isinstance(kv[0], str), kv[0] if not isinstance(kv[0], str) else 0, str(kv[0])),
    )
    for _, group in ordered:
        documents = sorted({s.document for s in group})
        first = min(group, key=lambda s: (s.document, s.mention.start))
        values.append(
            DiscrepancyValue(
                value=first.mention.value,
                documents=documents,
                text=first.mention.text,
                facts=sorted({f for s in group if (f := fact_of.get((s.document, s.mention.start)))}),
                claimed_by=_most_common(s.mention.claimed_by for s in group),
            )
        )
        dates_per_value.append({published.get(d) for d in documents})
    kind: DiscrepancyKind = "conflict"
    known = [dates for dates in dates_per_value if None not in dates]
    if len(known) == len(dates_per_value) and len({frozenset(d) for d in known}) == len(known):
        spans = sorted((min(str(x) for x in d), max(str(x) for x in d)) for d in known)
        if all(a[1] < b[0] for a, b in itertools.pairwise(spans)):
            kind = "update"
    about = _most_common(s.mention.subject for s in statements) or statements[0].mention.unit or "value"
    unit = statements[0].mention.unit
    if unit and unit_class(unit) not in ("count", "score") and unit not in about:
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


# --------------------------------------------------------------------------------------------
# claims: sentences that state a figure or an attributed claim, with the sources stating them too
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Candidate:
    doc: Document
    sentence: Sentence
    position: int  # index of the sentence in its document


_NUMBER = re.compile(r"\d[\d\s\u202f\u00a0.,]*\d|\d")


def _numbers(text: str) -> frozenset[str]:
    return frozenset(re.sub(r"\D", "", n) for n in _NUMBER.findall(text))


def _can_back(a: str, b: str) -> bool:
    """Close wording is not agreement when the two sentences state different figures."""
    if len(b.split()) < 6:
        return False
    na, nb = _numbers(a), _numbers(b)
    return not (na and nb and na.isdisjoint(nb))


_ALPHA_WORD = re.compile(r"[^\W\d_]{2,}")


def _is_summary_material(text: str) -> bool:
    """A full declarative sentence of words: not a dateline, a URL fragment or a question."""
    tokens = text.split()
    words = [t for t in tokens if _ALPHA_WORD.search(t)]
    return (
        8 <= len(words) <= 50
        and len(words) >= 0.7 * len(tokens)
        and text[-1:] in '.!…»”"'
        and not text.rstrip().endswith("?")
    )


@dataclass(slots=True)
class Backed:
    """A candidate sentence with the sentences of other documents that state it too."""

    index: int
    score: float
    backing: dict[str, Sentence]  # document id -> its sentence stating the same (own one included)


@dataclass(slots=True)
class SentenceBacking:
    """Which sentences of a story state the same thing: computed once by the cross-check, read by
    the claims and the summary."""

    sentences: list[_Candidate]
    matrix: sparse.csr_matrix  # TF-IDF rows of `sentences`
    scored: list[Backed]  # best first

    def similarity(self, a: int, b: int) -> float:
        """TF-IDF cosine of sentences `a` and `b`."""
        return row_cosine(self.matrix, a, b)


def sentence_backing(
    docs: Sequence[Document], independence: Independence, *, backing_similarity: float = 0.35
) -> SentenceBacking:
    """Every readable full sentence, scored by independent support, then centrality, then lead."""
    readable = [d for d in docs if d.verdict == "ok"]
    pool = readable or [d for d in docs if d.verdict != "duplicate"] or list(docs)
    citable = readable or list(docs)
    sentences: list[_Candidate] = []
    for doc in citable:
        for i, s in enumerate(sentences_of(doc)):
            sentences.append(_Candidate(doc, s, i))
    if not sentences:
        return SentenceBacking([], tfidf_matrix([]), [])
    matrix = tfidf_matrix([c.sentence.text for c in sentences])
    transposed = matrix.T.tocsr()
    # sentences come grouped by document: each document's rows are one contiguous block
    doc_ids = [c.doc.id for c in sentences]
    block_starts = [i for i in range(len(sentences)) if i == 0 or doc_ids[i] != doc_ids[i - 1]]
    pool_ids = {d.id for d in pool}
    scored: list[Backed] = []
    block: np.ndarray = np.zeros((0, 0), dtype=np.float32)
    first = 0
    for i, cand in enumerate(sentences):
        if cand.doc.id not in pool_ids or not _is_summary_material(cand.sentence.text):
            continue
        if not len(block) or i >= first + _SIMILARITY_ROWS:
            # the cosines of a few hundred sentences with all the others at a time: memory grows
            # with the story's sentences, not with their square
            first = i
            block = (matrix[first : first + _SIMILARITY_ROWS] @ transposed).toarray()
        row = block[i - first]
        best_per_doc = np.maximum.reduceat(row, block_starts)
        others = [k for k, start in enumerate(block_starts) if doc_ids[start] != cand.doc.id]
        centrality = float(best_per_doc[others].mean()) if others else 0.0
        backing: dict[str, tuple[float, Sentence]] = {cand.doc.id: (1.0, cand.sentence)}
        for j in np.flatnonzero(row >= backing_similarity):
            other = sentences[int(j)]
            sim = float(row[j])
            if other.doc.id == cand.doc.id or sim <= backing.get(other.doc.id, (0.0, other.sentence))[0]:
                continue
            if _can_back(cand.sentence.text, other.sentence.text):
                backing[other.doc.id] = (sim, other.sentence)
        support = independence.documents_support(backing)
        lead_bonus = 0.1 / (1 + cand.position)
        scored.append(Backed(i, support + centrality + lead_bonus, {d: s for d, (_, s) in backing.items()}))
    scored.sort(key=lambda b: (-b.score, b.index))
    return SentenceBacking(sentences, matrix, scored)


# sentences whose cosines with all the others are held at once (a block of this many rows)
_SIMILARITY_ROWS = 256


def _claim_marker(language: str) -> re.Pattern[str]:
    return _claim_markers(language if language in lang_data.languages() else "und")


def _claim_markers(language: str) -> re.Pattern[str]:
    """What makes a sentence a claim worth checking: a figure, or words that attribute or hedge
    it (lang/<code>/reporting_verbs.toml and claims.toml)."""
    if language in _MARKERS:
        return _MARKERS[language]
    from recoupe.facts.quantities import _loose

    words = [
        *lang_data.words(language, "reporting_verbs", "stems"),
        *lang_data.words(language, "reporting_verbs", "forms"),
        *lang_data.words(language, "reporting_verbs", "according_to"),
        *lang_data.words(language, "claims", "hedges"),
    ]
    alternation = _loose(words)
    pattern = re.compile(rf"\d|\b(?:{alternation})" if alternation else r"\d", re.IGNORECASE)
    _MARKERS[language] = pattern
    return pattern


_MARKERS: dict[str, re.Pattern[str]] = {}


def claim_facts(
    story_id: str,
    docs: Sequence[Document],
    independence: Independence,
    *,
    backing: SentenceBacking | None = None,
) -> list[Fact]:
    """Sentences stating a figure or an attributed claim, each with the sources that state it.

    A claim stated by one independent source only has `support` 1: the brief marks it as such.
    A sentence that already backs an earlier (better supported) claim is not a claim of its own.
    """
    scored = (backing or sentence_backing(docs, independence)).scored
    language = {d.id: (d.language or "und").lower()[:2] for d in docs}
    seen: set[tuple[str, int]] = set()
    claims: list[Fact] = []
    for backed in sorted(scored, key=lambda b: b.index):
        own_doc = next(iter(backed.backing))
        own = backed.backing[own_doc]
        if (own_doc, own.start) in seen or not _claim_marker(language.get(own_doc, "und")).search(own.text):
            continue
        mentions = [FactMention(d, s.text, s.start, s.end) for d, s in sorted(backed.backing.items())]
        seen.update((m.document, m.start) for m in mentions)
        key = "\x1f".join((story_id, "claim", own_doc, str(own.start)))
        claims.append(
            Fact(
                id="f" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10],
                kind="claim",
                label=shorten(own.text, 200),
                value=own.text,
                support=independence.support(mentions),
                mentions=mentions,
            )
        )
    claims.sort(key=lambda f: (-f.support, f.id))
    return claims


def shorten(text: str, limit: int = 240) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
