"""Quotations and who said them.

Marks: « … », “ … ”, „ … “, "…" and ``…'' (pre-tokenised corpora), never across a line break;
a quote inside another quote is part of it. Paragraphs without marks count too when they are
set off as block quotes: speech (in the first person, or announced by a paragraph ending with a
colon) followed by a short verbless line naming the speaker ('Lloyd Austin, secrétaire
américain à la Défense', 'Un porte-parole du Pentagone').

Quote or scare quote: a quoted span of 4 words or more with a verb, or of 8 words or more, is a
quotation. A shorter or verbless span ('« menace pour Moscou et Saint-Pétersbourg »', 'the
“American Pie” star') is kept only when a speech verb governs it directly ('des responsables
du Kremlin ont dénoncé une « escalade dangereuse »'), since only then does the text say who
used the words. Without a parse (languages with no model) the rule is 6 words or more and the
speaker stays unknown.

Speaker, first found wins:
1. the subject of the nearest speech verb of the quote's sentence outside the quote ('Zelensky
   a commenté : « … »', '« … », said Ron Howard'); a participle or a conjoined verb takes its
   governor's subject ('le Kremlin fustigeant “…”'); 'il'/'he' is the person named last before;
2. 'selon X', 'd'après X', 'according to X' in the sentence;
3. the sentence before when it ends with a colon, the one after when it opens with a speech verb
   ('« … » A-t-il ajouté'), a quote in the sentence before when this one is its continuation.
The speaker is the canonical name of the entity the subject names, or else the words the text
uses ('des responsables du Kremlin'). Offsets: `text[start:end] == quote.text`, the inside of
the marks without surrounding blanks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from recoupe.facts.entities import fold
from recoupe.model import Mention, QuoteMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MIN_QUOTE_WORDS = 4  # with a verb
MIN_VERBLESS_QUOTE_WORDS = 8
MIN_UNPARSED_QUOTE_WORDS = 6
MAX_SPEAKER_TOKENS = 8

# speech verbs by form: stems of regular verbs, then irregular forms (folded, lowercase)
_FR_SPEECH_STEMS = (
    "declar affirm ajout expliqu estim soulign indiqu comment precis assur annonc annonç confi "
    "denonc denonç fustig martel rappel insist racont tweet repliqu tranch resum confirm regrett "
    "deplor ironis assen certifi clam proclam observ relev revel signal temoign avou mentionn "
    "exhort avert reag reconn admet admis promet promis repond poursui conclu ecri ecriv interrog "
    "accus menac plaid gliss souffl qualifi evoqu parl repet repét inquiet salu critiqu jug "
    "previen prevenu lach objecte nuanc tempere tempér"
).split()
_FR_SPEECH_FORMS = frozenset(
    "dit dis disent disait disaient dira diront dirait dire disant".split()
)
_EN_SPEECH = re.compile(
    r"^(?:say|says|said|saying|tell|tells|told|telling|stat(?:e|es|ed|ing)|add(?:s|ed|ing)?|"
    r"explain(?:s|ed|ing)?|not(?:e|es|ed|ing)|warn(?:s|ed|ing)?|claim(?:s|ed|ing)?|insist(?:s|ed|ing)?|"
    r"announc(?:e|es|ed|ing)|comment(?:s|ed|ing)?|respond(?:s|ed|ing)?|repl(?:y|ies|ied|ying)|"
    r"ask(?:s|ed|ing)?|writ(?:e|es|ing|ten)|wrote|tweet(?:s|ed|ing)?|argu(?:e|es|ed|ing)|"
    r"declar(?:e|es|ed|ing)|denounc(?:e|es|ed|ing)|promis(?:e|es|ed|ing)|vow(?:s|ed|ing)?|"
    r"confirm(?:s|ed|ing)?|acknowledg(?:e|es|ed|ing)|admit(?:s|ted|ting)?|stress(?:es|ed|ing)?|"
    r"emphasi[sz](?:e|es|ed|ing)|assert(?:s|ed|ing)?|conclud(?:e|es|ed|ing)|predict(?:s|ed|ing)?|"
    r"recall(?:s|ed|ing)?|urg(?:e|es|ed|ing)|caution(?:s|ed|ing)?|suggest(?:s|ed|ing)?|"
    r"testif(?:y|ies|ied|ying)|complain(?:s|ed|ing)?|quip(?:s|ped|ping)?|jok(?:e|es|ed|ing)|"
    r"call(?:s|ed|ing)?|describ(?:e|es|ed|ing)|decr(?:y|ies|ied|ying)|blast(?:s|ed|ing)?|"
    r"condemn(?:s|ed|ing)?|continu(?:e|es|ed|ing)|post(?:s|ed|ing)?)$"
)
_FR_SPEECH = re.compile(r"^(?:" + "|".join(_FR_SPEECH_STEMS) + r")")
_SPEECH_POS = frozenset({"VERB"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "expl:subj"})
_PERSON_PRONOUNS = frozenset("il elle he she".split())
_ACCORDING = frozenset("selon".split())

# nouns naming someone by role: a speaker line may be one ('Un porte-parole du Pentagone')
ROLE_NOUNS = frozenset(
    """
    porte-parole ministre president presidente secretaire responsable responsables conseiller
    conseillere directeur directrice chef expert experte analyste depute deputee senateur
    senatrice maire ambassadeur ambassadrice general commandant officier pdg fondateur fondatrice
    professeur chercheur chercheuse avocat avocate membre representant representante source sources
    diplomate dirigeant dirigeante fonctionnaire commissaire chancelier juge procureur procureure
    temoin habitant habitante medecin
    spokesperson spokesman spokeswoman minister secretary official officials director chief
    analyst senator mayor ambassador commander officer ceo founder professor researcher lawyer
    attorney member representative diplomat leader head adviser advisor aide prosecutor judge
    witness resident doctor chairman chairwoman chair governor envoy commissioner
    """.split()
)
_FIRST_PERSON = re.compile(r"\b(?:[Jj]e|[Jj]['’]|[Nn]ous|[Nn]otre|[Nn]os|[Mm]on|[Mm]a|[Mm]es|I|[Ww]e|[Oo]ur|[Mm]y|[Uu]s)\b")
_WORDS = re.compile(r"\w+", re.UNICODE)
_TERMINAL = re.compile(r"[.!?…]['\"»”’)]*\s*$")
_BLANK = " \t\u00a0\u202f\u2009"

# opening mark -> closing mark; straight quotes pair with themselves
_PAIRS = {"«": "»", "“": "”", "„": "“", "``": "''", '"': '"'}
_MARK = re.compile(r"``|''|[«»“”„\"]")


@dataclass(slots=True)
class _Raw:
    open_at: int  # offset of the opening mark
    close_end: int  # offset just after the closing mark
    start: int  # inside, stripped
    end: int
    block: bool = False
    speaker: str | None = None


def is_speech_verb(word: str, language: str) -> bool:
    """A form of a verb of saying ('a déclaré', 'commenté', 'said', 'told')."""
    w = fold(word)
    if language == "fr":
        return w in _FR_SPEECH_FORMS or bool(_FR_SPEECH.match(w))
    if language == "en":
        return bool(_EN_SPEECH.match(w))
    return False


def extract_quotes(
    text: str, sdoc: Doc | None, entities: Sequence[Mention], language: str
) -> list[QuoteMention]:
    """Quotations in `text` with their speakers (see the module docstring for the rules)."""
    raws = _marked_quotes(text)
    if sdoc is not None:
        raws.extend(_block_quotes(text, sdoc, entities, raws))
    raws.sort(key=lambda r: r.start)
    out: list[QuoteMention] = []
    previous: tuple[Span, str | None] | None = None
    for raw in raws:
        quote_text = text[raw.start : raw.end]
        words = len(_WORDS.findall(quote_text))
        if sdoc is None:
            if words >= MIN_UNPARSED_QUOTE_WORDS:
                out.append(QuoteMention(quote_text, raw.start, raw.end, None))
            continue
        if raw.block:
            out.append(QuoteMention(quote_text, raw.start, raw.end, raw.speaker))
            continue
        inside = sdoc.char_span(raw.start, raw.end, alignment_mode="expand")
        if inside is None or not len(inside):
            continue
        has_verb = any(t.pos_ in ("VERB", "AUX") for t in inside)
        full = words >= MIN_VERBLESS_QUOTE_WORDS or (words >= MIN_QUOTE_WORDS and has_verb)
        speaker_verb = _speech_verb_near(sdoc, raw, language)
        if not full and not _governs(speaker_verb, inside, raw):
            continue
        speaker = raw.speaker
        if speaker is None and speaker_verb is not None:
            speaker = _speaker_of_verb(speaker_verb, raw, entities, sdoc)
        if speaker is None:
            speaker = _according_to(sdoc, _quote_sentences(sdoc, raw), raw, entities)
        if speaker is None and full:
            speaker = _adjacent_speaker(sdoc, raw, entities, language, previous)
        sentence = sdoc[inside.start].sent
        previous = (sentence, speaker)
        out.append(QuoteMention(quote_text, raw.start, raw.end, speaker))
    return out


# --------------------------------------------------------------------------------------------
# finding quotes
# --------------------------------------------------------------------------------------------


def _strip_inside(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in _BLANK or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _BLANK or text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _marked_quotes(text: str) -> list[_Raw]:
    """Quotes between marks, line by line; nested ones are part of the outer quote."""
    found: list[_Raw] = []
    offset = 0
    for line in text.split("\n"):
        stack: list[tuple[str, int]] = []
        for match in _MARK.finditer(line):
            mark, at = match.group(), offset + match.start()
            closes = [i for i, (opener, _) in enumerate(stack) if _PAIRS[opener] == mark]
            if closes:
                i = closes[-1]
                opener, open_at = stack[i]
                del stack[i:]
                start, end = _strip_inside(text, open_at + len(opener), at)
                if end > start:
                    found.append(_Raw(open_at, at + len(mark), start, end))
            elif mark in _PAIRS:
                stack.append((mark, at))
        offset += len(line) + 1
    found.sort(key=lambda r: (r.open_at, -r.close_end))
    outer: list[_Raw] = []
    for raw in found:
        if outer and raw.open_at < outer[-1].close_end:
            continue
        outer.append(raw)
    return outer


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, stripped."""
    out: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append((offset + lead, offset + lead + len(stripped)))
        offset += len(line) + 1
    return out


def _block_quotes(text: str, sdoc: Doc, entities: Sequence[Mention], marked: list[_Raw]) -> list[_Raw]:
    """Paragraphs of speech followed by a speaker line; a marked quote filling such a paragraph
    gets the line's speaker instead."""
    lines = _lines(text)
    out: list[_Raw] = []
    for i in range(len(lines) - 1):
        (p_start, p_end), (l_start, l_end) = lines[i], lines[i + 1]
        speaker = _speaker_line(text, sdoc, entities, l_start, l_end)
        if speaker is None:
            continue
        paragraph = text[p_start:p_end]
        if len(_WORDS.findall(paragraph)) < MIN_UNPARSED_QUOTE_WORDS or not _TERMINAL.search(paragraph):
            continue
        inner = [r for r in marked if p_start <= r.open_at and r.close_end <= p_end]
        if inner:
            # a quoted paragraph credited on the next line: '« … »' then 'Name, role'
            if len(inner) == 1 and inner[0].close_end - inner[0].open_at >= 0.9 * (p_end - p_start):
                inner[0].speaker = speaker
            continue
        announced = i > 0 and text[lines[i - 1][0] : lines[i - 1][1]].rstrip().endswith(":")
        if not announced and not _FIRST_PERSON.search(paragraph):
            continue
        start, end = _strip_inside(text, p_start, p_end)
        out.append(_Raw(p_start, p_end, start, end, block=True, speaker=speaker))
    return out


def _speaker_line(text: str, sdoc: Doc, entities: Sequence[Mention], start: int, end: int) -> str | None:
    """The speaker a short verbless credit line names: 'Name, role' or 'Un porte-parole de X'."""
    line = text[start:end]
    if len(_WORDS.findall(line)) > 12 or not line[:1].isupper() or re.search(r"[.!?:;…»”\"]$", line):
        return None
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    if any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in span):
        return None
    for m in entities:
        if m.kind in ("person", "organization") and start <= m.start < end:
            before = text[start : m.start].strip()
            if not before or fold(before) in ("le", "la", "les", "l'", "the"):
                return str(m.value or m.text)
            break
    nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN")]
    if nouns and fold(nouns[0].text) in ROLE_NOUNS and nouns[0].i - span.start <= 2:
        return line.rstrip(" ,")
    return None


# --------------------------------------------------------------------------------------------
# speakers
# --------------------------------------------------------------------------------------------


def _outside(token: Token, raw: _Raw) -> bool:
    return token.idx < raw.open_at or token.idx >= raw.close_end


def _quote_sentences(sdoc: Doc, raw: _Raw) -> Span:
    first = sdoc.char_span(raw.open_at, raw.open_at + 1, alignment_mode="expand")
    last = sdoc.char_span(raw.close_end - 1, raw.close_end, alignment_mode="expand")
    assert first is not None and last is not None
    return sdoc[first[0].sent.start : last[-1].sent.end]


def _speech_verb_near(sdoc: Doc, raw: _Raw, language: str) -> Token | None:
    """The speech verb of the quote's sentence(s) outside the quote, nearest to it."""
    span = _quote_sentences(sdoc, raw)
    verbs = [
        t for t in span if t.pos_ in _SPEECH_POS and _outside(t, raw) and is_speech_verb(t.text, language)
    ]
    if not verbs:
        return None
    inside = sdoc.char_span(raw.start, raw.end, alignment_mode="expand")
    governing = [v for v in verbs if inside is not None and _governs(v, inside, raw)]
    return min(governing or verbs, key=lambda t: min(abs(t.idx - raw.open_at), abs(t.idx - raw.close_end)))


def _governs(verb: Token | None, inside: Span, raw: _Raw) -> bool:
    """The speech verb takes the quoted words as its object or complement."""
    if verb is None:
        return False
    roots = [t for t in inside if not (raw.start <= t.head.idx < raw.end) or t.head == t]
    return any(r.head == verb for r in roots)


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS:
            return child
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head is not verb:
        return _subject(verb.head)
    if verb.dep_ in ("acl", "acl:relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return None


def _speaker_of_verb(verb: Token, raw: _Raw, entities: Sequence[Mention], sdoc: Doc) -> str | None:
    subject = _subject(verb)
    if subject is None or not _outside(subject, raw):
        return None
    return _name_of(subject, raw, entities, sdoc)


def _according_to(sdoc: Doc, span: Span, raw: _Raw, entities: Sequence[Mention]) -> str | None:
    """'Selon X, …', 'd'après X', 'according to X' in `span`, outside the quote."""
    for t in span:
        if not _outside(t, raw):
            continue
        word = fold(t.text)
        target: Token | None = None
        if word in _ACCORDING or (word == "apres" and t.i > 0 and fold(sdoc[t.i - 1].text) in ("d'", "d")):
            target = t.head if t.dep_ == "case" else next((c for c in t.children if c.pos_ in ("PROPN", "NOUN")), None)
        elif word == "according" and t.i + 1 < len(sdoc) and fold(sdoc[t.i + 1].text) == "to":
            to = sdoc[t.i + 1]
            target = next((c for c in to.children if c.dep_ == "pobj"), None)
        if target is not None and target is not t and _outside(target, raw):
            return _name_of(target, raw, entities, sdoc)
    return None


def _adjacent_speaker(
    sdoc: Doc,
    raw: _Raw,
    entities: Sequence[Mention],
    language: str,
    previous: tuple[Span, str | None] | None,
) -> str | None:
    """Speaker from the sentence before (ending with ':' or holding the quote this one goes on)
    or from the sentence after (opening with a speech verb)."""
    span = _quote_sentences(sdoc, raw)
    if span.start > 0:
        before = sdoc[span.start - 1].sent
        if before.text.rstrip().endswith(":"):
            fake = _Raw(before.end_char, before.end_char, before.end_char, before.end_char)
            verbs = [t for t in before if t.pos_ in _SPEECH_POS and is_speech_verb(t.text, language)]
            if verbs:
                name = _speaker_of_verb(verbs[-1], fake, entities, sdoc)
                if name:
                    return name
            name = _according_to(sdoc, before, fake, entities)
            if name:
                return name
        if previous is not None and previous[1] and previous[0].start == before.start:
            quoted = sum(len(s) for s in _WORDS.findall(sdoc.text[raw.start : raw.end]))
            if quoted >= 0.8 * sum(len(s) for s in _WORDS.findall(span.text)):
                return previous[1]
    if span.end < len(sdoc):
        after = sdoc[span.end].sent
        for t in list(after)[:6]:
            if t.pos_ in _SPEECH_POS and is_speech_verb(t.text, language):
                fake = _Raw(after.start_char, after.start_char, 0, 0)
                return _speaker_of_verb(t, fake, entities, sdoc)
    return None


def _entity_at(entities: Sequence[Mention], start: int, end: int) -> Mention | None:
    for m in entities:
        if m.start < end and start < m.end and m.kind in ("person", "organization", "place"):
            return m
    return None


def _name_of(head: Token, raw: _Raw, entities: Sequence[Mention], sdoc: Doc) -> str | None:
    """The canonical name of the entity a subject names, or its words ('des responsables du Kremlin')."""
    word = fold(head.text)
    if head.pos_ == "PRON":
        if word in _PERSON_PRONOUNS:
            people = [m for m in entities if m.kind == "person" and m.end <= head.idx]
            return str(people[-1].value or people[-1].text) if people else None
        return None
    own = _entity_at(entities, head.idx, head.idx + len(head.text))
    if own is not None:
        return str(own.value or own.text)
    phrase = _phrase(head, raw)
    if not phrase:
        return None
    start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1].text)
    people = [m for m in entities if m.kind == "person" and start <= m.start and m.end <= end]
    if people:
        return str(people[0].value or people[0].text)
    return sdoc.text[start:end]


def _phrase(head: Token, raw: _Raw) -> list[Token]:
    """The subject's words: its left modifiers and complements up to a comma or clause."""
    tokens = [head]
    for child in head.lefts:
        if child.dep_ not in ("punct", "cc", "advmod"):
            tokens.extend(child.subtree)
    for child in head.rights:
        if child.dep_ in ("punct", "acl:relcl", "relcl", "acl", "appos", "cc", "conj", "advcl", "parataxis"):
            break
        tokens.extend(child.subtree)
    tokens = sorted({t.i: t for t in tokens if _outside(t, raw)}.values(), key=lambda t: t.i)
    # contiguous around the head, no punctuation at the edges
    left = [t for t in tokens if t.i <= head.i]
    right = [t for t in tokens if t.i > head.i]
    span: list[Token] = [head]
    for t in reversed(left[:-1]):
        if t.i != span[0].i - 1 or t.is_punct:
            break
        span.insert(0, t)
    for t in right:
        if t.i != span[-1].i + 1 or t.text in (",", ";", ":", "(", "—", "–"):
            break
        span.append(t)
    while span and (span[-1].is_punct or span[-1].pos_ in ("ADP", "CCONJ", "DET")):
        span.pop()
    while span and (span[0].is_punct or span[0].pos_ in ("CCONJ", "ADV")):
        span.pop(0)
    return span[:MAX_SPEAKER_TOKENS] if len(span) > MAX_SPEAKER_TOKENS else span
