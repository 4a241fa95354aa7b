"""Brief of one story: a cited extractive summary, a timeline and a title.

The summary reads what the cross-check yields (`CrossCheck.backing`): each candidate sentence is
backed by the documents holding a sentence close to it (TF-IDF cosine over folded, stemmed
content words), and sentences are chosen by independent support, then centrality, avoiding
repeats. Claims are the cross-check's (`recoupe.crosscheck.claim_facts`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from recoupe import lang as lang_data
from recoupe.crosscheck import Backed, Independence, SentenceBacking, sentence_backing, shorten
from recoupe.facts.dates import date_line, extract_dates, resolve_in_year, url_date, weekday_year
from recoupe.model import Document, Mention, Sentence, SummarySentence, TimelineEntry
from recoupe.textutil import content_words, fold, regex_sentences, sentences_of


def summarize(
    docs: Sequence[Document],
    independence: Independence,
    *,
    max_sentences: int = 5,
    redundancy: float = 0.5,
    backing: SentenceBacking | None = None,
) -> list[SummarySentence]:
    """Pick up to `max_sentences` sentences; each cites every document that states it."""
    backing = backing or sentence_backing(docs, independence)
    sentences = backing.sentences
    chosen: list[Backed] = []
    for backed in backing.scored:
        if len(chosen) >= max_sentences:
            break
        if any(backing.similarity(backed.index, c.index) >= redundancy for c in chosen):
            continue
        candidate = sentences[backed.index]
        if not stands_alone(candidate.sentence.text, candidate.doc.language):
            continue
        if _cut_at_line_break(candidate.doc.text, candidate.sentence.start):
            continue
        if _ends_on_abbreviation(candidate.doc.text[: candidate.sentence.start], candidate.doc.language):
            continue  # '…at the U .' / 'Fish and Wildlife Service or the National Oceanic…': its end
        if in_embedded_post(candidate.doc.text, candidate.sentence.start):
            continue  # a post the page quotes: its author is named only in the credit line after it
        chosen.append(backed)
    if not chosen and backing.scored:  # a story of dangling sentences only still gets one
        chosen.append(backing.scored[0])
    return [SummarySentence(sentences[c.index].sentence.text, sorted(c.backing)) for c in chosen]


_WORD = re.compile(r"[\w-][\w'’-]*")  # no word opens with an apostrophe: "'We" is "we" after a mark
# quotation marks: French guillemets, curly and straight quotes, PTB-tokenised `` ''
_OPENING = re.compile(r"«|“|``")
_CLOSING = re.compile(r"»|”|''")


@lru_cache(maxsize=16)
def _summary_words(language: str | None, key: str) -> tuple[tuple[str, ...], ...]:
    codes = [language] if language in lang_data.languages() else list(lang_data.languages())
    return tuple(tuple(fold(w).split()) for code in codes for w in lang_data.words(code, "summary", key))


def stands_alone(text: str, language: str | None) -> bool:
    """A sentence a reader understands without the one before it: it does not open with a
    pronoun pointing back ('Elle a notamment proposé…', 'He said…'), is not a piece of a quotation
    cut by the sentence splitter (an opening mark never closed, or a closing one never opened)
    nor a whole quotation without its speaker, and holds no first person outside a quotation ('…les problèmes que j'ai avec les
    organisateurs…')."""
    words = [w.rstrip("'’") for w in _WORD.findall(fold(text).replace("’", "'"))]

    def opens_with(key: str) -> bool:
        return any(tuple(words[: len(opener)]) == opener for opener in _summary_words(language, key))

    if (
        opens_with("dangling_openers")
        and not opens_with("impersonal_openers")
        and not _impersonal_clause(words, language)
    ):
        return False
    if opens_with("linking_openers"):
        return False  # 'Et c'est Christine Lagarde qui le dit', 'Son visage…', 'His name is…'
    # after a short opening phrase: 'Last year , he was awarded…', 'En attendant, ce décès…',
    # 'Selon elle, la loi…'
    head, comma, rest = text.partition(",")
    lead = [w.rstrip("'’") for w in _WORD.findall(fold(head).replace("’", "'"))]
    after = [w.rstrip("'’") for w in _WORD.findall(fold(rest).replace("’", "'"))]
    if comma and tuple(lead) in _summary_words(language, "connectives"):
        return False  # 'First, let's say…', 'Pourtant, la Tunisie…': it goes on from before
    if comma and len(lead) <= _LEAD_WORDS and after:
        subjects = {o for o in _summary_words(language, "dangling_openers") if len(o) == 1}
        impersonal = any(
            tuple(after[: len(o)]) == o for o in _summary_words(language, "impersonal_openers")
        ) or _impersonal_clause(after, language)
        if ((after[0],) in subjects and not impersonal) or _points_back(after[:2], language):
            return False
        if any((w,) in subjects for w in lead):
            return False
    if _points_back(words[:2], language) or (
        comma and len(lead) <= _LEAD_WORDS and _points_back(lead, language)
    ):
        return False  # 'Cette mise en garde de Pékin…', 'Dans ce cadre, …' ('Ce jeudi…' stays)
    if _owner_unnamed(text, language):
        return False  # 'Vendredi, le parquet général a requis son maintien en détention': whose?
    if _is_fragment(text, language):
        return False
    if any(not _named_near(text, start, end) for start, end in _ages(text, language)):
        return False  # 'le maintien en détention du jeune homme de 31 ans': whose age?
    # a speaker that is a pronoun: '"…", a-t-il conclu', '…, he said .'
    pronouns = {opener[0] for opener in _summary_words(language, "dangling_openers") if len(opener) == 1}
    pronouns |= {w[0] for w in _summary_words(language, "speaker_pronouns")}
    speaker = _INVERTED_SPEAKER.findall(fold(text)) + _TRAILING_SPEAKER.findall(fold(text))
    if any(p in pronouns for p in speaker):
        return False
    opening, closing = len(_OPENING.findall(text)), len(_CLOSING.findall(text))
    straight = text.count('"')
    if opening != closing or straight % 2:
        return False
    outside = _QUOTED.sub(" ", text)
    if not _WORD.search(outside):
        return False  # a quotation and nothing else: who said it is told in another sentence
    outside_words = {w.rstrip("'’") for w in _WORD.findall(fold(outside).replace("’", "'"))}
    outside_words |= {w.split("'")[0] for w in outside_words if "'" in w}  # "j'ai" -> "j"
    speech = _summary_words(language, "first_person") + _summary_words(language, "second_person")
    return not any(len(w) == 1 and w[0] in outside_words for w in speech)


def _impersonal_clause(words: Sequence[str], language: str | None) -> bool:
    """'It is unclear whether…', 'It was not possible to verify…': an opening of
    `impersonal_if_clause`, maybe an adverb, then a word that is no determiner and, one or two
    words on, a word that opens a clause ('to', 'that', 'whether'). 'It is not a sale…' and 'It was
    known as…' point back."""
    adverbs = {w[0] for w in _summary_words(language, "clause_adverbs")}
    clause = {w[0] for w in _summary_words(language, "clause_words")}
    for opener in _summary_words(language, "impersonal_if_clause"):
        if tuple(words[: len(opener)]) != opener:
            continue
        rest = list(words[len(opener) :])
        while rest and rest[0] in adverbs:
            rest.pop(0)
        if not rest or rest[0] in _determiners(language) or rest[0][:1].isdigit():
            return False
        return any(w in clause for w in rest[1:3])
    return False


@lru_cache(maxsize=16)
def _determiners(language: str | None) -> frozenset[str]:
    codes = [language] if language in lang_data.languages() else list(lang_data.languages())
    return frozenset(
        fold(w) for code in codes for w in lang_data.words(code, "function_words", "determiners")
    )


def _owner_unnamed(text: str, language: str | None) -> bool:
    """A possessive ('son maintien', 'sa demande', 'his wife') in a sentence that names nobody
    outside quotation marks: no capitalised word but a first word that names nobody ('Vendredi',
    'La')."""
    outside = _QUOTED.sub(" ", text)
    words = _WORD.findall(outside)
    folded = {fold(w) for w in words}
    if not words or not any((w,) in _summary_words(language, "possessives") for w in folded):
        return False
    # the first word is capitalised whatever it is: a name unless a function word or a time
    first = fold(words[0]).rstrip("'’")
    return not any(_CAPITALISED.match(w) for w in words[1:]) and first in _not_names(language)


@lru_cache(maxsize=16)
def _not_names(language: str | None) -> frozenset[str]:
    """Words that open a sentence without naming anyone: function words, determiners, days."""
    codes = [language] if language in lang_data.languages() else list(lang_data.languages())
    return frozenset(
        fold(w).rstrip("'’")
        for code in codes
        for name, key in (
            ("function_words", "stop"),
            ("function_words", "determiners"),
            ("entity_noise", "time_words"),
        )
        for w in lang_data.words(code, name, key)
    )


_LEAD_WORDS = 5  # an opening phrase before a comma: 'Last year', 'De ce point de vue'


def _points_back(words: Sequence[str], language: str | None) -> bool:
    """A demonstrative before a word that is no time: 'cette mise en garde', 'ce point de vue',
    'this decision'; not 'ce jeudi', 'this week', 'ce qui'."""
    demonstratives = _summary_words(language, "demonstratives")
    times = _summary_words(language, "time_nouns") + _summary_words(language, "not_after_demonstrative")
    return any((a,) in demonstratives and (b,) not in times for a, b in pairwise(words))


# a sentence the splitter cut: it opens in lowercase ('escaped when he was being transported…')
# or ends on an initial or a title ('…consult with expert biologists at the U .', '…by Judge
# Philip H .', '…she returned with a .', '…Los Angeles County Dist .')
_CUT_START = re.compile(r"^[^\w]*[a-zà-ÿ]")
_CUT_END = re.compile(r"(?:^|[\s(])([A-Za-z]|[A-Z][a-z]{1,3})\s?\.\s*$")


def _is_fragment(text: str, language: str | None) -> bool:
    return bool(_CUT_START.match(text)) or _ends_on_abbreviation(text, language)


def _ends_on_abbreviation(text: str, language: str | None) -> bool:
    match = _CUT_END.search(text)
    if match is None:
        return False
    word = match.group(1)
    return len(word) == 1 or (fold(word),) in _summary_words(language, "title_abbreviations")


_SENTENCE_END = re.compile(r"[.!?…:;»”\"')\]]\s*$")
_BODY_LINE = 100  # characters: a title or a heading is shorter, and holds no sentence end


def _cut_at_line_break(text: str, start: int) -> bool:
    """The sentence at `start` goes on from the line before, which a hard break cut mid-sentence
    ('…le gouverneur de la Banque de France' / 'Christian Noyer et le directeur du Trésor Xavier
    Musca.'): that line is body text (long, or holding a sentence end) and ends with no sentence
    end of its own. A title line before a lead ends with no punctuation either, but is short."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False  # the sentence does not open its line
    previous = text[:line_start].rstrip().rsplit("\n", 1)[-1].strip()  # blank lines between
    if not previous or _SENTENCE_END.search(previous):
        return False
    return len(previous) > _BODY_LINE or re.search(r"[.!?]\s+\w", previous) is not None


def _ages(text: str, language: str | None) -> list[tuple[int, int]]:
    """Spans of the ages a sentence gives a person it does not name and that it does not
    introduce ('le jeune homme de 31 ans', 'the 35-year-old deputy', 'two sons , ages 16 and 6'):
    not 'Jérôme Kerviel, 31 ans' (named), not 'A 61-year-old man was charged' (a news lead
    introducing someone), not a duration ('depuis 31 ans') nor a sentence ('une peine de 5 ans
    de prison')."""
    spans: list[tuple[int, int]] = []
    after = [" ".join(w) for w in _summary_words(language, "age_after_number")]
    before = [" ".join(w) for w in _summary_words(language, "age_before_number")]
    needs = {" ".join(w) for w in _summary_words(language, "age_after_words")}
    not_before = {" ".join(w) for w in _summary_words(language, "not_age_before")}
    indefinite = {" ".join(w) for w in _summary_words(language, "indefinite_articles")}
    folded = fold(text)  # same length as `text`: offsets carry over
    for word in after:
        parts = (re.escape(part) for part in re.split(r"\s+", word))
        for match in re.finditer(r"\b\d{1,3}\s*-?\s*" + r"\s*".join(parts) + r"\b", folded):
            preceding = folded[: match.start()].replace(",", " , ").split()
            if needs and not (preceding and preceding[-1] in needs):
                continue  # 'depuis 31 ans': a duration
            if len(preceding) > 1 and preceding[-2] in not_before:
                continue  # 'une peine de 5 ans'
            if re.match(r"\s+d(?:e\b|')", folded[match.end() :]):
                continue  # 'de 10 ans de prison': a sentence's length
            spans.append(match.span())
    for word in before:
        spans += [m.span() for m in re.finditer(rf"\b{re.escape(word)}\s+\d{{1,3}}\b", folded)]
    unnamed = []
    for start, end in spans:
        head = re.split(r"[,;:()]", folded[:start])[-1].split()[-3:]
        if any(w in indefinite for w in head):
            continue  # 'A 61-year-old man', 'un homme de 45 ans': someone the sentence introduces
        if not _named_near(text, start, end):
            unnamed.append((start, end))
    return unnamed


_CAPITALISED = re.compile(r"[A-ZÀ-Þ][\w'’-]+")


def _named_near(text: str, start: int, end: int) -> bool:
    """A name (a capitalised word that does not open the sentence) in the phrase of the span,
    or right before the comma that opens it: 'Jérôme Kerviel, 31 ans', '35-year-old Sharron Diane
    Crawford Smith'; not the speaker after a comma ('…, ages 16 and 6 , Waldie said')."""
    clauses = re.split(r"[,;:()]", text[:start])
    before = clauses[-1].split()
    if not before and len(clauses) > 1:
        before = clauses[-2].split()[-3:]  # an apposition: 'Kerviel, 31 ans'
    words_before = len(text[:start].split())
    if words_before and len(before) == words_before:
        before = before[1:]  # the sentence's first word is capitalised whatever it is
    after = re.split(r"[,;:()]", text[end:])[0].split()[:4]
    return any(_CAPITALISED.match(w) for w in before[-4:] + after)


_INVERTED_SPEAKER = re.compile(r"\w-(?:t-)?(\w+)\b")
_TRAILING_SPEAKER = re.compile(r"[,'\"”»]\s*(\w+)\s+\w+(?:\s+\w+)?\s*[.!?]?\s*$")
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|``.*?''|\"[^\"]*\"")


def _sentence_at(doc: Document, start: int) -> str:
    for s in sentences_of(doc):
        if s.start <= start < s.end:
            return s.text
    return doc.text[max(0, start - 80) : start + 80].strip()


# an embedded social post's credit line, as embed code writes it ("— Philip Cordery
# (@PhilipCordery) 18 Avril 2014"): its date is the post's, no event of the story
_EMBEDDED_POST_CREDIT = re.compile(r"^\s*[—–]\s?[^()\n]{1,80}\(@\w{1,30}\)")


_POST_MAX_CHARS = 280  # a post's paragraph: a tweet's length at most; an article's are longer


def in_embedded_post(text: str, start: int) -> bool:
    """The sentence at `start` is part of a social post the page embeds: its line is the post's
    credit ('— Donald J. Trump (@realDonaldTrump) March 21, 2020'), or is no longer than a post and
    the credit comes right after it (a line further on, it is as often the article's sentence that
    introduces the post)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    own = text[line_start:] if line_end < 0 else text[line_start:line_end]
    if _EMBEDDED_POST_CREDIT.match(own):
        return True
    if line_end < 0 or len(own.strip()) > _POST_MAX_CHARS:
        return False
    following = [line for line in text[line_end:].split("\n") if line.strip()][:1]
    return bool(following) and _EMBEDDED_POST_CREDIT.match(following[0]) is not None


def _dated_sentence(doc: Document, m: Mention, sentences: Sequence[Sentence], starts: Sequence[int]) -> str:
    """The sentence of `sentences` (the document's, in order, starting at `starts`) a date is
    stated in; a date alone as a heading ('Le 6 août :', 'Monday:', a chronology's entry) is told
    by the sentence after it, which the entry shows with it."""
    k = bisect_right(starts, m.start) - 1
    if k < 0 or not m.start < sentences[k].end:
        return _sentence_at(doc, m.start)
    s = sentences[k]
    if content_words(s.text.replace(m.text, " ", 1)) or k + 1 >= len(sentences):
        return s.text
    return f"{s.text.rstrip()} {sentences[k + 1].text.strip()}"


def build_timeline(docs: Sequence[Document], *, background_years: int = 1) -> list[TimelineEntry]:
    """Dated facts (resolved dates only) and publication dates, in date order.

    A page without a publication date is placed by what its text states: the date line in its
    head ('Thursday , December 11 , 2008'), else the day its address files it under
    ('…/news/2009/dec/07/…'), is its date, against which its weekdays and 'hier' are read, and
    listed as such rather than as an event; a day and month it states without a year
    ('mis en examen le 28 janvier') is read in the story's year (`story_year`). A page with a
    publication date keeps what the facts stage resolved: what it left unresolved stays out.

    A story's background is left out: a year or a month (not a day) that one document alone
    states, more than `background_years` before the story's year, is a career or a history told
    in passing ('entré à la Caisse d'Épargne en 1964', 'the military junta in power since 1967'),
    not an event of the story. A date several documents state stays, however old. One sentence
    dating two things is listed once, under its most precise date, unless the coarser date has
    other sources.
    """
    readable = [d for d in docs if d.verdict != "junk"] or list(docs)
    lines = {d.id: date_line(d.text, d.language or "") for d in docs if not d.published}
    addresses = {d.id: _address_date(d) for d in docs if not d.published and not lines[d.id]}
    lines |= addresses
    year = story_year(docs, lines)
    known = _days_with_years(docs)
    by_date: dict[str, TimelineEntry] = {}
    for doc in sorted(readable, key=lambda d: -d.quality):
        sentences = sentences_of(doc)  # once per document: a page may state dozens of dates
        starts = [s.start for s in sentences]
        for m in doc.mentions:
            if m.kind != "date":
                continue
            value = (
                m.value
                if isinstance(m.value, str)
                else _undated_value(doc, m.text, lines.get(doc.id), year, known)
            )
            if value is None or (value == lines.get(doc.id) and _on_date_line(doc, m.start)):
                continue
            entry = by_date.get(value)
            sentence = _dated_sentence(doc, m, sentences, starts)
            if _EMBEDDED_POST_CREDIT.match(sentence):
                continue
            if entry is None:
                by_date[value] = TimelineEntry(value, shorten(sentence), [doc.id])
                continue
            if doc.id not in entry.documents:
                entry.documents.append(doc.id)
            language = doc.language or None
            if not stands_alone(entry.text, language) and stands_alone(sentence, language):
                entry.text = shorten(sentence)  # 'Elle doit être examinée le 14 mars': another page's words
    entries = _without_repeats(_without_background(list(by_date.values()), year, background_years))
    dated: list[TimelineEntry] = []
    for doc in docs:
        name = doc.site or doc.source
        title = f" “{doc.title}”" if doc.title and not _is_web_address(doc.title) else ""
        if doc.published:
            dated.append(TimelineEntry(doc.published[:10], f"Published by {name}:{title}", [doc.id]))
        elif addresses.get(doc.id):
            dated.append(
                TimelineEntry(str(addresses[doc.id]), f"Dated by its address, {name}:{title}", [doc.id])
            )
        elif lines.get(doc.id):
            dated.append(TimelineEntry(str(lines[doc.id]), f"Dated on the page by {name}:{title}", [doc.id]))
    entries += dated
    for entry in entries:
        entry.documents.sort()
    first = {id(e) for e in dated}
    entries.sort(key=lambda e: (e.date, id(e) not in first, e.text))
    return entries


def _address_date(doc: Document) -> str | None:
    """The day the page's address files it under ('…/news/2009/dec/07/…'): its URL, or the
    address a scraped page opens with."""
    first_line = doc.text.lstrip().split("\n", 1)[0]
    return url_date(doc.url or "") or url_date(first_line)


def _undated_value(
    doc: Document, expression: str, line: str | None, year: int | None, known: dict[str, set[int]]
) -> str | None:
    """A date the facts stage left unresolved on a page without a publication date: a day and
    month the story states elsewhere with its year takes that year ('June 24' beside 'June 24 ,
    2005'); else it is read against the page's date line; else a day and month is placed in the
    story's year."""
    if doc.published:
        return None  # the facts stage had the page's date and could not place it: never a guess
    language = doc.language or ""
    day_month = resolve_in_year(expression, year or 2000, language)
    if day_month is not None:
        years = known.get(day_month[1][5:], set())
        if len(years) == 1:
            stated = resolve_in_year(expression, next(iter(years)), language)
            if stated is not None:
                return stated[0]
    if line is not None:
        resolved = [m.value for m in extract_dates(expression, line, language) if isinstance(m.value, str)]
        return resolved[0] if len(resolved) == 1 else None
    return day_month[0] if day_month is not None and year is not None else None


def _days_with_years(docs: Sequence[Document]) -> dict[str, set[int]]:
    """'06-24' -> {2005} for every day the story's pages state with its year ('June 24 , 2005')."""
    known: dict[str, set[int]] = {}
    for doc in docs:
        for m in doc.mentions:
            value = m.value
            if m.kind == "date" and isinstance(value, str) and len(value) == 10 and value[:4] in m.text:
                known.setdefault(value[5:], set()).add(int(value[:4]))
    return known


def _on_date_line(doc: Document, start: int) -> bool:
    """The mention lies on a short line of its own: the page's date line, listed as its date."""
    line_start = doc.text.rfind("\n", 0, start) + 1
    line_end = doc.text.find("\n", start)
    return len(doc.text[line_start : len(doc.text) if line_end < 0 else line_end].strip()) <= 64


def _year(date: str) -> int | None:
    return int(date[:4]) if len(date) >= 4 and date[:4].isdigit() else None


def story_year(docs: Sequence[Document], date_lines: dict[str, str | None] | None = None) -> int | None:
    """The year a story happens in: its latest publication; else the middle of its pages' date
    lines; else the latest year they state with a month or a day ('mars 2008'; a bare year is as
    often a forecast: 'les JO de 2012'), else the latest year they state. Weekdays stated with
    days and months without a year ('mercredi 2 juillet') then pick, within two years of that,
    the year they fall in: the full days a story states are often its past ('retenue depuis le
    23 février 2002'). None when nothing is dated."""
    published = [y for d in docs if d.published and (y := _year(d.published)) is not None]
    if published:
        return max(published)
    lines = [y for v in (date_lines or {}).values() if v and (y := _year(v)) is not None]
    if lines:
        return sorted(lines)[len(lines) // 2]  # the middle one: later pages follow a story up
    estimate = _stated_year(docs)
    if estimate is None:
        return None
    # a weekday stated with a day and month tells the year ('mercredi 2 juillet': 2008, when the
    # latest full day stated is 'le 30 novembre 2007', a fact of the story's past)
    votes = Counter(
        y
        for d in docs
        for m in d.mentions
        if m.kind == "date" and m.value is None
        if (y := weekday_year(m.text, estimate, d.language or "")) is not None
    )
    if votes:
        return max(votes, key=lambda y: (votes[y], y))
    return estimate


def _spans_years(value: str) -> bool:
    """Whether a date value is a period of whole years ('1990/1999', '2001/2005')."""
    start, _, end = value.partition("/")
    return len(start) == len(end) == len("2001") and start != end


def _stated_year(docs: Sequence[Document]) -> int | None:
    """The latest year the pages state with a month or a day ('mars 2008', 'le 23 janvier 2008'),
    else the latest year they state: a bare year is as often a forecast ('les JO de 2012')."""
    stated = [
        (len(m.value) >= len("2008-07"), y)
        for d in docs
        for m in d.mentions
        if m.kind == "date"
        and isinstance(m.value, str)
        and not _spans_years(m.value)  # 'the 1990s', 'depuis 2001/2005' place no story in a year
        and (y := _year(m.value)) is not None
    ]
    return max(stated)[1] if stated else None


def _without_background(
    entries: list[TimelineEntry], story: int | None, background_years: int
) -> list[TimelineEntry]:
    if story is None:
        return entries

    def background(entry: TimelineEntry) -> bool:
        year = _year(entry.date)
        coarse = len(entry.date) < len("2008-07-02")  # a year or a month, no day
        return coarse and len(entry.documents) < 2 and year is not None and year < story - background_years

    return [e for e in entries if not background(e)]


def _without_repeats(entries: list[TimelineEntry]) -> list[TimelineEntry]:
    by_text: dict[str, list[TimelineEntry]] = {}
    for entry in entries:
        by_text.setdefault(entry.text, []).append(entry)
    kept: list[TimelineEntry] = []
    for entry in entries:
        finer = [e for e in by_text[entry.text] if len(e.date) > len(entry.date)]
        if any(set(entry.documents) <= set(e.documents) for e in finer):
            continue  # 'In November 1973 …, in power since 1967': listed under 1973-11
        kept.append(entry)
    return kept


def _lead_sentence(docs: Sequence[Document], summary: Sequence[SummarySentence]) -> str:
    """The summary sentence that opens a page ('A 61-year-old man was charged with first-degree
    murder…'), a news lead naming the event, before one from the middle of a page ('Banky was the
    CEO of…'); else the summary's first."""
    texts = {d.id: d.text for d in docs}

    def position(sentence: SummarySentence) -> int:
        places = []
        for doc_id in sentence.sources:
            text = texts.get(doc_id, "")
            at = text.find(sentence.text)
            if at >= 0:
                places.append(len(regex_sentences(text[:at])))
        return min(places, default=1_000_000)

    return min(summary, key=position).text


_WEB_ADDRESS = re.compile(r"(?:https?:/+|www\.)\S+", re.IGNORECASE)


def _is_web_address(title: str) -> bool:
    """'http://www.nytimes.com/…', also as a tokenised corpus spaces it ('http : / / www . …')."""
    return _WEB_ADDRESS.fullmatch(re.sub(r"\s+", "", title)) is not None


def story_title(docs: Sequence[Document], summary: Sequence[SummarySentence]) -> str:
    """The title that best names the story, else the summary's first sentence.

    Among the titles of the best readable documents (verdict, then quality to one decimal), the one
    whose words the other documents share most: 'Fichier Edvige : Fillon demande un nouveau
    décret' over 'Non à Edvige : signez la pétition', a page's call to its readers.
    """
    # a web address given as a page's title (a crawler's fallback) names nothing
    titled = [d for d in docs if d.title and d.verdict != "duplicate" and not _is_web_address(d.title)]
    vocabularies = {d.id: set(content_words(f"{d.title or ''} {d.text}")) for d in docs}

    def shared(doc: Document) -> float:
        words = set(content_words(doc.title or ""))
        others = [v for key, v in vocabularies.items() if key != doc.id]
        if not words or not others:
            return 0.0
        return sum(sum(w in v for v in others) for w in words) / len(others)

    titled.sort(key=lambda d: (d.verdict != "ok", -int(d.quality * 10 + 1e-9), -shared(d), -d.quality, d.id))
    if titled and titled[0].title:
        return titled[0].title
    if summary:
        return shorten(_lead_sentence(docs, summary), 120)
    first_line = docs[0].text.strip().split("\n", 1)[0] if docs else ""
    return shorten(first_line, 120) if first_line else "(untitled story)"
