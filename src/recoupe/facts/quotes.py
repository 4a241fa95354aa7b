"""Quotations and who said them.

Marks: « … », “ … ”, „ … “, "…" and ``…'' (pre-tokenised corpora), never across a line break;
a quote inside another quote is part of it. Paragraphs without marks count too when they are
set off as block quotes: speech (in the first person, or announced by a paragraph ending with a
colon) followed by a short line without a finite verb that names the speaker ('Lloyd Austin,
secrétaire américain à la Défense': a name first; 'Un porte-parole du Pentagone': a role noun
first). A quoted paragraph followed by such a line takes its speaker from it.

Quote or scare quote: a quoted span of 4 words or more with a verb, or of 8 words or more, is a
quotation. A shorter or verbless span ('« menace pour Moscou et Saint-Pétersbourg »', 'the
“American Pie” star') is kept only when a speech verb takes it as its complement ('des
responsables du Kremlin ont dénoncé une « escalade dangereuse »'), since only then does the text
say who used the words; a single quoted word never is. Without a parse (languages with no
model) the rule is 6 words or more, and the speaker stays unknown.

Speech verbs are matched by form families (stems of 'déclarer', 'affirmer', 'dire'...; 'said',
'told', 'added'...), outside every quote; French pronominal forms ('s'expliquer') are not speech.
Speaker, first found wins:
1. the subject of the speech verb of the quote's sentence (the one governing the quote, else
   the nearest): inverted after the quote ('« … », a déclaré Ingrid Betancourt', '“…,” said
   agent Mark Roesler', 'assure à l'AFP Fabrice Delloye'), French clitics ('a-t-il expliqué'),
   the governor's subject for participles and conjoined verbs ('le Kremlin fustigeant “…” et
   promettant “…”'), the agent of a passive ('qualifiée par les syndicats d'« … »');
2. 'selon X', 'd'après X', 'according to X' in the sentence;
3. a credit inside the marks ('« Nous étions levés tôt, a-t-elle indiqué. Ils … »'), the
   sentence before when it ends with a colon, the sentence after when it opens with a speech
   verb, the quote of the sentence before when this sentence is only its continuation.
'il'/'elle'/'he'/'she' is the person named last outside quotes, or the speaker of the quote
just before when nobody was named since; 'on' gives no speaker. The speaker is the canonical
name of the entity the subject names (or of the person named right after a role: 'le ministre
de la Défense Juan Manuel Santos'), else the text's words when they describe someone who can
speak (a role, a group, a source: 'des responsables du Kremlin', 'le communiqué'), else None
('la perte', 'ces derniers mois'). No gender agreement is checked.

Offsets: `text[start:end] == quote.text`, the inside of the marks without surrounding blanks.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from recoupe.facts.nlp import sentence_starts
from recoupe.model import Mention, QuoteMention
from recoupe.textutil import fold

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
_FR_SPEECH_FORMS = frozenset("dit dis disent disait disaient dira diront dirait dire disant".split())
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
    r"condemn(?:s|ed|ing)?|continu(?:e|es|ed|ing)|post(?:s|ed|ing)?|reads?)$"
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
_FIRST_PERSON = re.compile(
    r"\b(?:[Jj]e|[Jj]['’]|[Nn]ous|[Nn]otre|[Nn]os|[Mm]on|[Mm]a|[Mm]es|I|[Ww]e|[Oo]ur|[Mm]y|[Uu]s)\b"
)
_WORDS = re.compile(r"\w+", re.UNICODE)
_TERMINAL = re.compile(r"[.!?…]['\"»”’)]*\s*$")
_BLANK = " \t\u00a0\u202f\u2009"

# opening mark -> closing mark; straight quotes pair with themselves
_PAIRS = {"«": "»", "“": "”", "„": "“", "``": "''", '"': '"'}
_MARK = re.compile(r"``|''|[«»“”„\"]")


_Recent = tuple[str, int]  # the last quote's speaker and where its sentence ends


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
    if sdoc is None:
        return [
            QuoteMention(text[r.start : r.end], r.start, r.end, None)
            for r in raws
            if len(_WORDS.findall(text[r.start : r.end])) >= MIN_UNPARSED_QUOTE_WORDS
        ]
    raws.extend(_block_quotes(text, sdoc, entities, raws))
    raws.sort(key=lambda r: r.start)
    return _Speakers(sdoc, entities, language, raws).quotes()


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
    if any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm", []) for t in span):
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

# nouns that can head a speaker's description besides roles: people, groups, sources
SPEAKER_NOUNS = ROLE_NOUNS | frozenset(
    """
    homme femme hommes femmes personne personnes gens habitant habitants temoin temoins victime
    victimes mere pere fils fille famille proche proches otage otages candidat candidate
    candidats parlementaire militaire militaires soldat soldats policier policiers syndicat
    syndicats gouvernement ministere parquet entourage inspection presse journal quotidien
    communique document rapport texte lettre message declaration etude enquete autorites
    autorite police armee banque groupe entreprise societe justice tribunal cour comite conseil
    man woman men women person people resident residents witness witnesses victim victims mother
    father son daughter family relative relatives hostage candidate lawmaker soldier soldiers
    union unions government ministry prosecutor prosecutors press newspaper paper statement
    document report letter message study survey authorities authority police army bank group
    company firm court committee council team campaign
    """.split()
)
# agent nouns by their ending: 'manifestant', 'chercheur', 'analyste', 'researcher'
_AGENT_NOUN = re.compile(r"(?<!m)(?:eur|euse|rice|iste|ien|ienne|aire|ant|ante|ent|ente|er|or|ist|ian)s?$")
_LATTER = frozenset("dernier derniere latter".split())
_CLITICS = frozenset("il elle ils elles on".split())


class _Speakers:
    """Speaker attribution over one parsed document; `quotes()` applies the module's rules."""

    def __init__(self, sdoc: Doc, entities: Sequence[Mention], language: str, raws: list[_Raw]) -> None:
        self.sdoc = sdoc
        self.text = sdoc.text
        self.entities = list(entities)
        self.language = language
        self.raws = raws
        # every quoted span: no speaker or speech verb is taken from inside one
        self.quoted = [(r.open_at, r.close_end) for r in raws]
        self.recent: _Recent | None = None

    def quotes(self) -> list[QuoteMention]:
        out: list[QuoteMention] = []
        previous: tuple[Span, str | None] | None = None  # the last quote's sentence and speaker
        for raw in self.raws:
            quote_text = self.text[raw.start : raw.end]
            if raw.block:
                out.append(QuoteMention(quote_text, raw.start, raw.end, raw.speaker))
                continue
            inside = self.sdoc.char_span(raw.start, raw.end, alignment_mode="expand")
            if inside is None or not len(inside):
                continue
            words = len(_WORDS.findall(quote_text))
            has_verb = any(t.pos_ in ("VERB", "AUX") for t in inside)
            full = words >= MIN_VERBLESS_QUOTE_WORDS or (words >= MIN_QUOTE_WORDS and has_verb)
            sentence = self._sentences(raw)
            verb = self._speech_verb(sentence, raw, inside)
            if not full and (words < 2 or verb is None or not _governs(verb, inside, raw)):
                continue  # a scare quote, a title, a term: nobody is said to speak these words
            # 'he said' right after a quote credited to someone is that someone
            self.recent = None
            if previous is not None and previous[1] and _sentence_gap(self.sdoc, previous[0], sentence) <= 1:
                self.recent = (previous[1], previous[0].end_char)
            speaker = raw.speaker
            if speaker is None and verb is not None:
                speaker = self._speaker_of_verb(verb, raw)
            if speaker is None:
                speaker = self._according_to(sentence)
            if speaker is None and full:
                speaker = self._incise(inside) or self._adjacent(sentence, raw, previous)
            previous = (sentence, speaker)
            out.append(QuoteMention(quote_text, raw.start, raw.end, speaker))
        return out

    # -- where to look ------------------------------------------------------------------------

    def _sentences(self, raw: _Raw) -> Span:
        """The sentence(s) the quote lies in, marks included."""
        first = self.sdoc.char_span(raw.open_at, raw.open_at + 1, alignment_mode="expand")
        last = self.sdoc.char_span(raw.close_end - 1, raw.close_end, alignment_mode="expand")
        assert first is not None and last is not None
        return self.sdoc[first[0].sent.start : last[-1].sent.end]

    def _free(self, token: Token) -> bool:
        """Outside every quote."""
        return not any(s <= token.idx < e for s, e in self.quoted)

    def _is_speech_verb(self, token: Token) -> bool:
        if token.pos_ not in _SPEECH_POS or not is_speech_verb(token.text, self.language):
            return False
        # French pronominal forms are not speech: 's'expliquer par', 's'ajouter', 'se rappeler'
        return not (
            self.language == "fr"
            and any(c.dep_.startswith("expl") and fold(c.text) in ("se", "s'", "s") for c in token.children)
        )

    def _speech_verb(self, span: Span, raw: _Raw, inside: Span) -> Token | None:
        """The speech verb of the quote's sentence outside any quote: the one taking the quote as
        complement if any, else the nearest."""
        verbs = [t for t in span if self._free(t) and self._is_speech_verb(t)]
        if not verbs:
            return None
        governing = [v for v in verbs if _governs(v, inside, raw)]
        return min(
            governing or verbs, key=lambda t: min(abs(t.idx - raw.open_at), abs(t.idx - raw.close_end))
        )

    # -- from a verb to a name ----------------------------------------------------------------

    def _speaker_of_verb(self, verb: Token, raw: _Raw) -> str | None:
        subject = _clitic_subject(verb) or self._inverted_subject(verb, raw)
        if subject is None:
            subject = _subject(verb)
            if subject is not None and subject.dep_ in ("nsubj:pass", "nsubjpass"):
                subject = _agent(verb)  # 'qualifiée par les syndicats d'« injure »'
        if subject is None or not self._free(subject):
            return None
        return self._name_of(subject)

    def _inverted_subject(self, verb: Token, raw: _Raw) -> Token | None:
        """'« … », a dit une porte-parole', '« … », assure à l'AFP Fabrice Delloye', '“…,” said
        Ron Howard': a verb right after the quote has its subject after it."""
        if raw.close_end > verb.idx or len(self.text[raw.close_end : verb.idx]) > 12:
            return None
        between = self.sdoc.char_span(raw.close_end, verb.idx, alignment_mode="contract")
        if between is not None and any(
            not (t.is_punct or t.is_space or t.pos_ == "AUX" or t.text.startswith("-")) for t in between
        ):
            return None  # other words in between: '“…,” Pigeon told The Canadian Press'

        following = []
        for t in self.sdoc[verb.i + 1 : verb.i + 10]:
            if t.i in sentence_starts(self.sdoc) or t.text in (",", ".", ";", ":", "«", "“", '"'):
                break
            following.append(t)
        # a person anywhere in the stretch ('assure à l'AFP Fabrice Delloye'), an organisation
        # only before any preposition ('a expliqué au journal Le Figaro' names the recipient)
        for kind in ("person", "organization"):
            stretch = following
            if kind == "organization":
                stretch = list(itertools.takewhile(lambda t: t.pos_ != "ADP", following))
            for m in self.entities:
                if m.kind == kind and stretch and stretch[0].idx <= m.start <= stretch[-1].idx:
                    return next(t for t in stretch if t.idx >= m.start)
        for t in following:
            if t.pos_ == "ADP":
                break  # 'assure à l'AFP' with no name after: the subject is not there
            if t.pos_ in ("PROPN", "NOUN") or (t.pos_ == "PRON" and t.text.startswith("-")):
                while t.dep_ in ("compound", "flat", "flat:name") and t.head.i > t.i:
                    t = t.head
                return t
        return None

    def _according_to(self, span: Span) -> str | None:
        """'Selon X, …', 'd'après X', 'according to X' in `span`, outside the quotes."""
        sdoc = self.sdoc
        for t in span:
            if not self._free(t):
                continue
            word = fold(t.text)
            target: Token | None = None
            if word in _ACCORDING or (
                word == "apres" and t.i > 0 and fold(sdoc[t.i - 1].text) in ("d'", "d")
            ):
                target = (
                    t.head
                    if t.dep_ == "case"
                    else next((c for c in t.children if c.pos_ in ("PROPN", "NOUN")), None)
                )
            elif word == "according" and t.i + 1 < len(sdoc) and fold(sdoc[t.i + 1].text) == "to":
                target = next((c for c in sdoc[t.i + 1].children if c.dep_ == "pobj"), None)
            if target is not None and target is not t and self._free(target):
                return self._name_of(target)
        return None

    def _incise(self, inside: Span) -> str | None:
        """'« Nous étions levés tôt, a-t-elle indiqué. Ils … »': the credit inside the marks."""
        for t in inside:
            if not self._is_speech_verb(t):
                continue
            before = self.text[max(inside.start_char, t.idx - 12) : t.idx]
            if "," not in before:
                continue
            after = self.sdoc[t.i + 1] if t.i + 1 < len(self.sdoc) else None
            inverted = [c for c in self.sdoc[max(inside.start, t.i - 3) : t.i] if c.text.startswith("-")]
            if inverted:
                return self._name_of(inverted[-1])
            if after is not None and after.pos_ in ("PROPN", "NOUN", "PRON") and after.text.startswith("-"):
                return self._name_of(after)
            if after is not None and after.pos_ == "PROPN":
                return self._name_of(after)
        return None

    def _adjacent(self, span: Span, raw: _Raw, previous: tuple[Span, str | None] | None) -> str | None:
        """From the sentence before (ending with ':' or holding the quote this one goes on) or
        the sentence after (opening with a speech verb)."""
        sdoc = self.sdoc
        if span.start > 0:
            before = sdoc[span.start - 1].sent
            if before.text.rstrip().endswith(":"):
                verbs = [t for t in before if self._free(t) and self._is_speech_verb(t)]
                end = before.end_char
                name = self._speaker_of_verb(verbs[-1], _Raw(end, end, end, end)) if verbs else None
                if name is None:
                    name = self._according_to(before)
                if name:
                    return name
            if previous is not None and previous[1] and previous[0].start == before.start:
                quoted = sum(len(w) for w in _WORDS.findall(self.text[raw.start : raw.end]))
                if quoted >= 0.6 * sum(len(w) for w in _WORDS.findall(span.text)):
                    return previous[1]
        if span.end < len(sdoc):
            after = sdoc[span.end].sent
            for t in list(after)[:6]:
                if self._free(t) and self._is_speech_verb(t):
                    start = after.start_char
                    return self._speaker_of_verb(t, _Raw(start, start, start, start))
        return None

    def _name_of(self, head: Token) -> str | None:
        """The canonical name of the entity a subject names, or its words when they describe a
        speaker ('des responsables du Kremlin'); None for 'la perte', 'ces derniers mois'."""
        word = fold(head.text).lstrip("-")
        if word.startswith("t-"):
            word = word[2:]
        if head.pos_ == "PRON" or word in _LATTER:
            if word in _PERSON_PRONOUNS or word in _LATTER:
                # the person named last before (not inside a quote), unless a quote credited
                # since is closer
                people = [
                    m
                    for m in self.entities
                    if m.kind == "person"
                    and m.end <= head.idx
                    and not any(s <= m.start < e for s, e in self.quoted)
                ]
                if self.recent and (not people or people[-1].start < self.recent[1]):
                    return self.recent[0]
                return str(people[-1].value or people[-1].text) if people else None
            return None
        own = _entity_at(self.entities, head.idx, head.idx + len(head.text))
        if own is not None:
            return str(own.value or own.text)
        phrase = [t for t in _phrase(head) if self._free(t)]
        if not phrase:
            return None
        start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1].text)
        named = [
            m
            for m in self.entities
            if m.kind in ("person", "organization") and start <= m.start and m.end <= end
        ]
        people = [m for m in named if m.kind == "person"]
        # 'le ministre colombien de la Défense Juan Manuel Santos': the name right after the role
        people += [
            m
            for m in self.entities
            if m.kind == "person" and m.start >= end and not self.text[end : m.start].strip()
        ]
        if people:
            return str(people[0].value or people[0].text)
        head_word = fold(head.text)
        describes_speaker = (
            bool(named)
            or head.pos_ == "PROPN"
            or head_word in SPEAKER_NOUNS
            or head_word.rstrip("sx") in SPEAKER_NOUNS
            or (_AGENT_NOUN.search(head_word) is not None and not head_word.endswith(("ment", "ments")))
        )
        if not describes_speaker:
            return None
        return self.text[start:end]


def _governs(verb: Token, inside: Span, raw: _Raw) -> bool:
    """The speech verb takes the quoted words as its object or complement."""
    roots = [t for t in inside if not (raw.start <= t.head.idx < raw.end) or t.head == t]
    return any(r.head == verb for r in roots)


def _clitic_subject(verb: Token) -> Token | None:
    """French inversion: 'a-t-il expliqué', 'poursuit-elle', 'assure-t-on'."""
    doc = verb.doc
    near = [doc[i] for i in (verb.i - 1, verb.i + 1, verb.i + 2) if 0 <= i < len(doc)]
    for t in near:
        if t.text.startswith("-") and fold(t.text).lstrip("-").removeprefix("t-") in _CLITICS:
            return t
    return None


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS:
            return child
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head is not verb:
        return _subject(verb.head)
    if verb.dep_ in ("acl", "acl:relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return None


def _agent(verb: Token) -> Token | None:
    """The agent of a passive verb: 'par les syndicats', 'by the unions'."""
    for child in verb.children:
        if child.dep_ == "obl:agent":
            return child
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _sentence_gap(sdoc: Doc, earlier: Span, later: Span) -> int:
    """Sentences between two sentences of a document (0: adjacent or the same)."""
    if later.start <= earlier.start:
        return 0
    gap, i = 0, earlier.end
    while i < later.start:
        gap += 1
        i = sdoc[i].sent.end
    return gap


def _entity_at(entities: Sequence[Mention], start: int, end: int) -> Mention | None:
    for m in entities:
        if m.start < end and start < m.end and m.kind in ("person", "organization", "place"):
            return m
    return None


_STOP_RIGHT = frozenset({",", ";", ":", "(", "—", "–", "«", "“", '"'})


def _phrase(head: Token) -> list[Token]:
    """A subject's words: its left modifiers and complements up to a comma or a clause."""
    tokens = [head]
    for child in head.lefts:
        if child.dep_ not in ("punct", "cc", "advmod", "case"):
            tokens.extend(child.subtree)
    for child in head.rights:
        if child.dep_ in ("punct", "acl:relcl", "relcl", "acl", "appos", "cc", "conj", "advcl", "parataxis"):
            break
        tokens.extend(child.subtree)
    by_index = {t.i: t for t in tokens}
    span: list[Token] = [head]
    while span[0].i - 1 in by_index and not by_index[span[0].i - 1].is_punct:
        span.insert(0, by_index[span[0].i - 1])
    while span[-1].i + 1 in by_index and by_index[span[-1].i + 1].text not in _STOP_RIGHT:
        nxt = by_index[span[-1].i + 1]
        if fold(nxt.text) in _ACCORDING or fold(nxt.text) == "according":
            break
        span.append(nxt)
    span = span[:MAX_SPEAKER_TOKENS]
    while span and (span[-1].is_punct or span[-1].pos_ in ("ADP", "CCONJ", "DET")):
        span.pop()
    while span and (span[0].is_punct or span[0].pos_ in ("CCONJ", "ADV", "ADP")):
        span.pop(0)
    return span
