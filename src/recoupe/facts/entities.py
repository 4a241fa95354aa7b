"""Named entities of one parsed document as `Mention` records, with canonical names.

From spaCy's labels to recoupe's kinds (PER/PERSON person; ORG organization; LOC/GPE/FAC place;
EVENT event; MISC, WORK_OF_ART, LAW, PRODUCT other; NORP other for groups only), then
corrections that hold on pages the models never saw:

- noise: spans with fewer than two letters or digits ('B'; 'G8' stays), without a capital,
  over 10 tokens, encoded blobs, site credit lines ('Jforum.fr' alone on its line; 'fondateur de
  LaPrimaire.org' stays), pieces of a compound ('va-t-en-guerre du Congrès'), a title without a
  name ('Premier ministre'), capitalised common nouns alone ('État', 'Défense'), nationality
  adjectives ('the Australian actor'), and a sentence's first word that is a common word: known
  to the French vectors in lowercase only ('Réclamés depuis des mois…', 'Grignotée à ses
  portes…' tagged LOC), or a verb/function word for the English tagger. Spans are cut at a line
  break and trimmed of lowercase determiners, titles and punctuation;
- products: equipment named by a name after (French) or before (English) a lowercase equipment
  noun ('missiles ATACMS', 'avions de combat Rafale', 'sous-marins Agosta', 'AK 47 rifles'),
  military designations ('Su-34', 'S-400') and a short list of unambiguous system names
  ('HIMARS', 'Storm Shadow', 'Taurus'); then every other occurrence of such a name in the
  document. Not: places ('the Kiev fighter'), demonyms, English premodifiers naming an owner
  ('Navy warship'), names after an article or preposition ('les avions de la Seconde Guerre');
- organisations and events by their first or last word ('Commission bancaire', 'Institut de
  Kiel', 'World War II'), seats of power standing for their government ('le Kremlin', 'the White
  House') as organisations, a one-word 'person' that is a known place ('Washington lève les
  restrictions', tagged PER) as a place; social platforms ('posted on Twitter', tagged PERSON) as
  organisations; a one-word 'person' after a person's name and 'of' ('LuAnn Marie Johnson, 66, of
  Burnsville') as that person's town; an English gerund opening a sentence ('Hosting Cook at
  Dreamforce') is cut off the person's name;
- canonical names: 'Biden' and 'M. Santos' take the document's full name ending with them,
  'Ingrid' the one full name starting with it, 'région de Koursk' -> 'Koursk', 'Army Tactical
  Missile Systems (ATACMS)' -> 'ATACMS'; one spelling per name, and the kind a name gets most
  often in the document wins (a product always).

`canonical_key` and `merge_aliases` do the cross-document part: folded keys, exonyms ('Kiev' /
'Kyiv'), transliterated surnames ('Zelensky' / 'Zelenskyy') and short names resolved to the one
full name that ends with them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from recoupe import lang as lang_data
from recoupe.facts.nlp import sentence_starts
from recoupe.model import FactKind, Mention
from recoupe.textutil import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# spaCy labels (fr_core_news_md: PER ORG LOC MISC; en_core_web_sm: OntoNotes) -> recoupe kinds;
# numbers, dates and money are the quantities' and dates' extractors' job
LABEL_KINDS: dict[str, FactKind] = {
    "PER": "person",
    "PERSON": "person",
    "ORG": "organization",
    "LOC": "place",
    "GPE": "place",
    "FAC": "place",
    "MISC": "other",
    "NORP": "other",
    "PRODUCT": "other",  # en_core_web_sm tags towns and teams PRODUCT: products come from the gazetteer
    "EVENT": "event",
    "WORK_OF_ART": "other",
    "LAW": "other",
}

# --------------------------------------------------------------------------------------------
# word families: lang/<code>/{titles,products,organizations,events,places,names,nouns}.toml,
# united over every language (a French page names American things, an English page French ones)
# --------------------------------------------------------------------------------------------


def _all(name: str, key: str) -> frozenset[str]:
    """One word list of a lexicon, over every language, folded."""
    return frozenset(fold(w) for code in lang_data.languages() for w in lang_data.words(code, name, key))


def _product_heads() -> dict[str, FactKind]:
    """Folded head noun -> the kind of the named thing it heads ("médicament" -> product,
    "loi" -> other)."""
    heads: dict[str, FactKind] = {}
    for code in lang_data.languages():
        for table in lang_data.lexicon(code, "products").values():
            if isinstance(table, dict) and isinstance(table.get("heads"), list):
                kind: FactKind = "other" if table.get("kind") == "other" else "product"
                for word in table["heads"]:
                    heads.setdefault(fold(str(word)), kind)
    return heads


def _groups(name: str, key: str) -> tuple[frozenset[str], ...]:
    """Spelling groups ("kiev|kyiv") of every language, groups sharing a spelling united."""
    groups: list[set[str]] = []
    for code in lang_data.languages():
        for entry in lang_data.words(code, name, key):
            spellings = {fold(part.strip()) for part in entry.split("|") if part.strip()}
            for group in [g for g in groups if g & spellings]:
                spellings |= group
                groups.remove(group)
            groups.append(spellings)
    return tuple(frozenset(g) for g in groups)


# articles and their elided forms (folded)
DETERMINERS = _all("function_words", "determiners") | _all("function_words", "elided")
# titles before a person's name (folded); 'premier ministre' and 'prime minister' are two words
TITLES = _all("titles", "titles")
# nouns heading products, vehicles, drugs, software, devices, weapons (product) and laws (other)
PRODUCT_HEADS = _product_heads()
EQUIPMENT_HEADS = frozenset(PRODUCT_HEADS)
# names that are products wherever they appear (case-sensitive); ambiguous ones are found only
# after or before a head noun
KNOWN_SYSTEMS = tuple(
    sorted({w for code in lang_data.languages() for w in lang_data.words(code, "products", "known")})
)
_DESIGNATION_PREFIXES = sorted(
    {w for code in lang_data.languages() for w in lang_data.words(code, "products", "designation_prefixes")},
    key=len,
    reverse=True,
)
# designations: a maker's or service's prefix, a hyphen, a number (F-16, Su-34, S-400)
_DESIGNATION = (
    rf"(?:{'|'.join(re.escape(p) for p in _DESIGNATION_PREFIXES)})-\d{{1,3}}[A-Z]{{0,2}}"
    if _DESIGNATION_PREFIXES
    else r"(?!x)x"
)
ORGANIZATION_HEADS = _all("organizations", "heads")
# nouns before a name or in apposition after it that make it an organisation's ('sa banque Calyon')
APPOSITION_NOUNS = _all("organizations", "apposition_nouns")
# 'Jr.', 'Sr.' after a full name: the surname is the word before
GENERATIONAL_SUFFIXES = _all("names", "generational_suffixes")
EVENT_HEADS = _all("events", "heads")
# common nouns capitalised by convention, no entity on their own ('secrétaire d'État', 'à la Défense')
GENERIC_CAPITALISED = _all("nouns", "capitalised_common")
# seats of power named for the government that sits there (folded)
SEATS_OF_POWER = _all("organizations", "seats_of_power")
# social platforms and streaming services ('posted on Twitter', tagged PERSON): organisations
PLATFORMS = _all("organizations", "platforms")
# days and times ('Vendredi dernier'), offices a title names ('procureur de la République')
TIME_WORDS = _all("entity_noise", "time_words")
OFFICE_WORDS = _all("entity_noise", "offices") | GENERIC_CAPITALISED
# ship prefixes, case-sensitive ('MV Gibe', 'INS Mysore')
VESSEL_PREFIXES = frozenset(
    w for code in lang_data.languages() for w in lang_data.words(code, "entity_noise", "vessel_prefixes")
)
# roles written before a name ('Lawyer Alexis Kougias', 'GM Ed Stefanski'): the person follows
ROLES = _all("entity_noise", "roles")


def _words_pattern(words: frozenset[str]) -> str:
    from recoupe.facts.quantities import _loose

    return _loose(sorted(words)) or r"(?!x)x"


_JOINERS = _all("products", "joiners")
_OF_WORDS = _all("function_words", "of_prepositions")
_PLACE_WORDS = _words_pattern(_all("places", "prefixes"))
_PLACE_JOINERS = _words_pattern(_all("function_words", "of_prepositions"))
# place-type words before or after a place's name: 'région de Koursk', 'the Kursk region'
_PLACE_PREFIX = re.compile(
    rf"^(?:(?:{_words_pattern(DETERMINERS)})\s*)?(?:{_PLACE_WORDS})\s+(?:(?:{_PLACE_JOINERS})\s+(?:(?:{_words_pattern(DETERMINERS)})\s*)?|d['’])",
    re.IGNORECASE,
)
_PLACE_SUFFIX = re.compile(rf"\s+(?:{_words_pattern(_all('places', 'suffixes'))})$", re.IGNORECASE)

# exonyms and spellings of the same place across languages and transliterations (folded keys)
PLACE_EXONYMS: tuple[frozenset[str], ...] = _groups("places", "exonyms")
# the same for organisations and people
NAME_VARIANTS: tuple[frozenset[str], ...] = _groups("names", "variants")
EXONYMS = PLACE_EXONYMS + NAME_VARIANTS

_WORD = re.compile(r"[\w'’.-]+", re.UNICODE)
_URL = re.compile(
    r"(?:https?://|www\.)|\b[\w-]+\.(?:com|fr|org|net|info|io|co|uk|de|be|ch|ca|eu)\b", re.IGNORECASE
)
_UPPER = re.compile(r"[A-ZÀ-ÖØ-Þ]")
_FUNCTION_POS = frozenset({"VERB", "AUX", "ADP", "PRON", "DET", "SCONJ", "CCONJ", "PART", "ADV", "INTJ"})


# --------------------------------------------------------------------------------------------
# keys and cross-document aliases
# --------------------------------------------------------------------------------------------


def _strip_leading(words: list[str], stop: frozenset[str]) -> list[str]:
    while len(words) > 1 and (words[0] in stop or words[0].rstrip(".") in stop):
        words = words[1:]
    return words


# transliteration endings of Slavic surnames: Zelenskyy / Zelenskiy / Zelenski -> zelensky
_TRANSLIT_END = re.compile(r"(?:yy|iy|ii|yi)$")


@lru_cache(maxsize=65536)
def canonical_key(name: str) -> str:
    """A key equal for spellings of one name: folded, determiners and titles off, punctuation out.

    'Les États-Unis' -> 'etats unis', 'le président Zelenskyy' -> 'zelensky', 'U.S.' -> 'us',
    'Arcade Joseph Comeaux Jr.' -> 'arcade joseph comeaux'.
    """
    folded = fold(_PLACE_SUFFIX.sub("", _PLACE_PREFIX.sub("", name.strip())))
    folded = re.sub(r"^(?:l'|d')", "", folded)
    folded = re.sub(r"(?<=\w)'s$", "", folded)
    words = folded.split()
    words = _strip_leading(words, DETERMINERS)
    words = _strip_leading(words, TITLES)
    words = _strip_leading(words, DETERMINERS)
    text = " ".join(words)
    text = re.sub(r"(?<=\b\w)\.", "", text)  # initials and U.S.-style acronyms
    text = re.sub(r"[^\w]+", " ", text).strip()
    words = [_TRANSLIT_END.sub("y", w) if len(w) > 5 else w for w in text.split()]
    while len(words) > 2 and words[-1] in GENERATIONAL_SUFFIXES:
        words = words[:-1]  # 'Arcade Joseph Comeaux Jr.' is 'Arcade Joseph Comeaux'
    text = " ".join(words)
    text = " ".join(words)
    if text in _EXONYM_KEY:
        return _EXONYM_KEY[text]
    if len(words) > 1:  # 'les Caisses d'Epargne', 'la Caisse d'Epargne': one name
        text = " ".join(_PLURAL_S.sub("", w) for w in words)
    return text


# a plural -s on a word of a name of several words (not -ss: 'Loss', 'Weiss')
_PLURAL_S = re.compile(r"(?<=\w{3}[^s\W])s$")


def _exonym_keys(groups: tuple[frozenset[str], ...]) -> dict[str, str]:
    """Each spelling's key -> one stable representative of its group."""
    out: dict[str, str] = {}
    for group in groups:
        keys = {re.sub(r"[^\w]+", " ", g).strip() for g in group}
        for key in keys:
            out[key] = min(keys)
    return out


_EXONYM_KEY = _exonym_keys(EXONYMS)
# the keys `canonical_key` gives the places of the table
_PLACE_KEYS = frozenset(_exonym_keys(PLACE_EXONYMS).values())


def _is_full_name(name: str) -> bool:
    """Two or more words, each capitalised: 'Joe Biden', not 'Institut de Kiel' nor 'Biden'."""
    words = name.split()
    return len(words) >= 2 and all(_UPPER.match(w) for w in words)


def merge_aliases(names: Iterable[str]) -> dict[str, str]:
    """Map each surface name to one canonical name.

    Names with the same `canonical_key` are one name; the canonical one is the most frequent
    spelling given (then the longest). A one-word name ('Biden', 'Zelensky') becomes the full
    name ending with it ('Joe Biden') when exactly one full name does; with two ('Joe Biden',
    'Hunter Biden') it stays as it is.
    """
    counts = Counter(n.strip() for n in names if n and n.strip())
    groups: dict[str, list[str]] = defaultdict(list)
    for name in counts:
        groups[canonical_key(name)].append(name)
    chosen: dict[str, str] = {}
    for key, members in groups.items():
        # most frequent, then written as a name (capital first: 'États-Unis' over 'les États-Unis'),
        # then with its accents ('États-Unis' over 'Etats-Unis'), then the longest
        chosen[key] = max(
            members,
            key=lambda n: (counts[n], _UPPER.match(n) is not None, sum(ord(c) > 127 for c in n), len(n), n),
        )
    # last word of full names -> the keys of the full names ending with it
    by_last: dict[str, set[str]] = defaultdict(set)
    for key, name in chosen.items():
        if _is_full_name(name) and key:
            words = name.split()
            while len(words) > 2 and fold(words[-1]).rstrip(".") in GENERATIONAL_SUFFIXES:
                words = words[:-1]  # 'Comeaux' -> 'Arcade Joseph Comeaux Jr.'
            by_last[canonical_key(words[-1])].add(key)
    target: dict[str, str] = {}
    for key in chosen:
        if key and " " not in key and len(by_last.get(key, ())) == 1:
            (full_key,) = by_last[key]
            target[key] = chosen[full_key]
        else:
            target[key] = chosen[key]
    return {name: target[canonical_key(name)] for name in counts}


# --------------------------------------------------------------------------------------------
# extraction
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Candidate:
    kind: FactKind
    start: int  # character offsets
    end: int
    text: str
    label: str


def extract_entities(sdoc: Doc, language: str) -> list[Mention]:
    """Named entities of a parsed document, cleaned, corrected and canonicalised (see module doc)."""
    text = sdoc.text
    starts = sentence_starts(sdoc)
    candidates: list[_Candidate] = []
    for ent in sdoc.ents:
        kind = LABEL_KINDS.get(ent.label_)
        if kind is None:
            continue
        if kind == "place" and _is_demonym(ent):
            kind = "other"  # "Nord-Coréens", "Américains": a people, not a place
        candidate = _clean(ent, kind, starts, text)
        if candidate is not None:
            candidates.append(candidate)
    candidates = _outside_dates(candidates, text, language)
    candidates = _headline_names(candidates, text)
    products = _product_spans(text, sdoc, language)
    candidates = _apply_products(candidates, products, text)
    for c in candidates:
        c.kind = _corrected_kind(c)
    values = _canonical_values(candidates, text)
    kinds = _majority_kinds(candidates, values)
    # what the text says a name is outweighs the tagger's votes: 'la Fimat, une filiale de
    # courtage' (tagged LOC three times), 'Forces armées révolutionnaires de Colombie (Farc)'
    for value in _organisations_by_text(candidates, values, sdoc, text):
        if kinds.get(value) in ("place", "person", "other"):
            kinds[value] = "organization"
    mentions = [
        Mention(kind=kinds[values[i]], text=c.text, start=c.start, end=c.end, value=values[i])
        for i, c in enumerate(candidates)
    ]
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions


# plural nouns of peoples: Américains, Ukrainiens, Nord-Coréens, Chinois, Britanniques, Russes
_PEOPLE_PLURAL = re.compile(r"(?:ais|ois|ains|iens|éens|ites|iques|sses|ands|ans|ese)$")


def _is_demonym(ent: Span) -> bool:
    """A plural demonym the French model tags as a place; plural place names (Seychelles) differ in ending."""
    last = ent[-1]
    return (
        len(ent) <= 3
        and "Plur" in last.morph.get("Number", [])
        and last.text[:1].isupper()
        and _PEOPLE_PLURAL.search(last.text) is not None
    )


def _clean(ent: Span, kind: FactKind, starts: frozenset[int], text: str) -> _Candidate | None:
    # `text` is `ent.doc.text`, passed in: Doc.text rebuilds the whole string on each access
    tokens = list(ent)
    # cut at a line break: a name never runs across paragraphs ('Jforum.fr\n!')
    for i, tok in enumerate(tokens):
        if "\n" in tok.text or (i < len(tokens) - 1 and "\n" in tok.whitespace_):
            tokens = tokens[: i + (0 if "\n" in tok.text else 1)]
            break
    # a lowercase determiner is not part of the name; a capitalised one may be ('Le Monde')
    while tokens and (
        (fold(tokens[0].text) in DETERMINERS and (tokens[0].is_lower or fold(tokens[0].text) in ("l'", "d'")))
        or tokens[0].is_punct
        or tokens[0].is_space
    ):
        tokens = tokens[1:]
    if kind == "person":
        while len(tokens) > 1 and (fold(tokens[0].text).rstrip(".") in TITLES or tokens[0].text.islower()):
            tokens = tokens[1:]
        # a gerund opening the sentence is no first name: 'Hosting Cook at Dreamforce "is our dream"'
        if len(tokens) > 1 and _opens_with_gerund(tokens[0], starts, text):
            tokens = tokens[1:]
        if len(tokens) == 1 and _after_a_persons_name_and_of(tokens[0]):
            kind = "place"  # 'LuAnn Marie Johnson, 66, of Burnsville, was killed': her town
    else:  # 'de France', 'of Athens': a preposition opens no place name ('de Gaulle' is a person's)
        while len(tokens) > 1 and tokens[0].is_lower and fold(tokens[0].text).rstrip("'’") in _OF_WORDS:
            tokens = tokens[1:]
    # the office a title names is no entity: 'procureur de la République de Marseille' ->
    # 'Marseille', 'ministre de l'Économie Christine Lagarde' -> the person
    # 'procureur de la République' tagged LOC: the lowercase title before the office goes
    office_at = next((i for i, t in enumerate(tokens) if i and fold(t.text) in OFFICE_WORDS), 0)
    # ('ministère de l'Intérieur' is an organisation: its head says so)
    if (
        office_at
        and all(t.is_lower for t in tokens[:office_at])
        and fold(tokens[0].text) not in ORGANIZATION_HEADS
    ):
        tokens = tokens[office_at:]
    if tokens and _names_an_office(tokens, text):
        tokens = tokens[1:]
        while tokens and (tokens[0].is_lower or tokens[0].is_punct):
            tokens = tokens[1:]
        if len(tokens) >= 2 and kind in ("organization", "other") and all(t.pos_ == "PROPN" for t in tokens):
            kind = "person"
    # a title or a nationality before a full name: 'Qeshm Governor Mehdi Irannejad', 'Lawyer
    # Alexis Kougias', 'American Hasim Rahman' (tagged ORG) -> the person
    for i in range(len(tokens) - 2, -1, -1):
        rest = tokens[i + 1 :]
        if (
            len(rest) >= 2
            and all(t.pos_ == "PROPN" and _UPPER.match(t.text) for t in rest)
            and (
                fold(tokens[i].text).rstrip(".") in TITLES | ROLES
                or (i == 0 and _is_demonym_word(tokens[i]) and _names_a_person(rest))
            )
        ):
            tokens, kind = rest, "person"
            break
    # a figure inside a list is not part of the name before it ('Caisse d'Epargne 1,1 milliard
    # et Banque Populaire'): cut at a number that has decimals or a lowercase word after it
    # ('France 24', 'Ligue 1', 'G8' stay)
    for i in range(1, len(tokens)):
        if tokens[i].like_num and (
            _DECIMAL.search(tokens[i].text) or (i + 1 < len(tokens) and tokens[i + 1].is_lower)
        ):
            tokens = tokens[:i]
            break
    # a name never holds a conjugated verb: 'Caisse d'épargne a perdu', 'Caisse d'épargne chargé de…'
    for i in range(1, len(tokens)):
        if tokens[i].is_lower and tokens[i].pos_ in ("VERB", "AUX"):
            tokens = tokens[:i]
            break
    # a name never ends with a determiner, a preposition or a conjunction ('... et les')
    while tokens and (
        tokens[-1].is_punct
        or tokens[-1].is_space
        or tokens[-1].text in ("'s", "’s")
        or (tokens[-1].is_lower and tokens[-1].pos_ in _TRAILING_POS)
    ):
        tokens = tokens[:-1]
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    surface = text[start:end]
    line_initial = not text[text.rfind("\n", 0, start) + 1 : start].strip(" \t«»“”\"'(–—-")
    if _is_noise(surface, tokens, kind, tokens[0].i in starts or line_initial, text):
        return None
    if kind == "place" and len(tokens) == 1 and _is_singular_demonym(tokens[0]):
        kind = "other"  # 'l'Américain', 'le Belge', 'the Ukrainian': a person's nationality
    if kind == "person" and len(tokens) == 1 and tokens[0].tag_ == "NNPS":
        kind = "other"  # 'Greeks' tagged PERSON: a plural is a group, never one person
    if ent.label_ == "NORP" and not (
        tokens[-1].pos_ in ("NOUN", "PROPN") and tokens[-1].tag_ in ("NNS", "NNPS")
    ):
        return None  # 'Russian troops', 'an American': a nationality; 'Democrats' as a group stays
    return _Candidate(kind, start, end, surface, ent.label_)


_DECIMAL = re.compile(r"\d[,.]\d")
_TRAILING_POS = frozenset({"DET", "ADP", "CCONJ", "SCONJ"})


def _opens_with_gerund(token: Token, starts: frozenset[int], text: str) -> bool:
    """An English sentence's capitalised first word that is a verb's -ing form ('Hosting Cook at
    Dreamforce', 'Joining Cooley at the news conference was…'), tagged NNP because capitalised:
    in lowercase the tagger reads it VBG. Names ending in -ing ('Irving Klaw') stay, and so do
    titles inside a sentence ('the sequel, Catching Fire')."""
    if (
        token.lang_ != "en"
        or not token.text.endswith("ing")
        or not token.text.istitle()
        or len(token.text) < 6
    ):
        return False
    line_start = text.rfind("\n", 0, token.idx) + 1
    # at a line's start, list numbers and quote marks aside ('4. Questioning Vindman's judgment')
    line_initial = not re.sub(r"^[\d.)\s«»“”\"'(–—-]*", "", text[line_start : token.idx])
    if token.i not in starts and not line_initial:
        return False
    if token.tag_ == "VBG":
        return True
    return _retagged_lowercase(token) == "VBG"


def _retagged_lowercase(token: Token) -> str:
    """The tag the English tagger gives the token written in lowercase, in its sentence."""
    from recoupe.facts.nlp import shared_models

    sentence = token.sent
    offset = token.idx - sentence.start_char
    lowered = sentence.text[:offset] + token.text.lower() + sentence.text[offset + len(token.text) :]
    nlp = shared_models().get("en")
    doc = nlp.make_doc(lowered)
    # the tagger alone (and the tok2vec it listens to): no parse, no NER
    for name, component in nlp.pipeline:
        if name in ("tok2vec", "tagger"):
            doc = component(doc)
    retagged = next((t for t in doc if t.idx == offset), None)
    return retagged.tag_ if retagged is not None else ""


def _after_a_persons_name_and_of(token: Token) -> bool:
    """A one-word 'person' after 'of' that follows a person's full name, their age between
    commas or not ('LuAnn Marie Johnson, 66, of Burnsville', '66-year-old LuAnn Marie Johnson,
    of Burnsville', 'LuAnn Marie Johnson of Burnsville'): the town the person lives in. Not 'the
    wife of John', 'a friend of LuAnn's' (a common noun before 'of')."""
    doc, i = token.doc, token.i
    if i < 3 or fold(doc[i - 1].text) not in _OF_WORDS:
        return False
    if doc[i - 2].text != ",":
        # no comma: right after a full name ('Johnson' ending 'LuAnn Marie Johnson')
        before = doc[i - 2]
        return before.ent_type_ in ("PERSON", "PER") and before.ent_iob_ == "I" and before.text[:1].isupper()
    j = i - 3
    # an age between commas: ', 66,' or ', 66 ans,'
    if doc[j].like_num or (j > 0 and doc[j - 1].like_num and doc[j].is_lower):
        j = j - 1 if doc[j].like_num else j - 2
        if j < 1 or doc[j].text != ",":
            return False
        j -= 1
    return doc[j].ent_type_ in ("PERSON", "PER") and doc[j].text[:1].isupper()


def _is_noise(surface: str, tokens: list[Token], kind: FactKind, sentence_initial: bool, text: str) -> bool:
    alnum = [c for c in surface if c.isalnum()]
    if len(alnum) < 2 or not _UPPER.search(surface) or len(tokens) > 10:
        return True  # 'B' ('hépatite B'), lowercase spans; 'G8' stays
    if any(len(t.text) > 30 for t in tokens):
        return True  # encoded blobs
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    alone = text[line_start : len(text) if line_end < 0 else line_end].strip() == surface
    if _URL.search(surface) and (alone or "/" in surface or "www" in surface.lower()):
        return True  # a site credit line ('Jforum.fr'); 'fondateur d'Empruntis.com' stays
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-‐") and surface[0].islower():
        return True  # a piece of a compound: 'va-t-en-guerre du Congrès'; 'lèse-Staline' stays
    first = fold(tokens[0].text)
    if first in EQUIPMENT_HEADS and not _UPPER.search(surface[len(tokens[0].text) :]):
        return True  # 'Missiles américains' in a headline: a common noun, no name
    if kind == "other" and tokens[0].is_lower and first not in EVENT_HEADS:
        return True  # 'contre-attaque de Moscou'
    if len(tokens) == 1 and first in GENERIC_CAPITALISED:
        return True  # 'secrétaire d'État', 'à la Défense'
    if first in TIME_WORDS and not any(_UPPER.match(t.text) for t in tokens[1:]):
        return True  # 'Vendredi dernier', 'Saturday night': a time
    if _is_heading(tokens):
        return True  # 'CYCLISME', 'DIRECTEUR GÉNÉRAL': a section heading in capitals
    if (
        sentence_initial
        and len(tokens) > 1
        and tokens[0].pos_ != "PROPN"
        and not any(_UPPER.match(t.text) for t in tokens[1:])
        and first not in ORGANIZATION_HEADS | EVENT_HEADS
        and _is_common_word(tokens[0], lowercase_only=False)
    ):
        return True  # 'Coïncidence fâcheuse, la banque…', 'Lutte contre le dopage': a sentence's opening
    if first.rstrip(".") in TITLES and not any(_UPPER.match(t.text) for t in tokens[1:]):
        return True  # a title without a name: 'Me', 'Premier ministre russe'
    # a capitalised word inside a sentence is a name whatever its tag ('l'administration Biden'
    # tagged PRON); spans of several function words, and common words opening a sentence, are not
    if len(tokens) > 1 and all(t.pos_ in _FUNCTION_POS or t.is_punct for t in tokens):
        return True
    if len(tokens) == 1 and sentence_initial and tokens[0].pos_ != "PROPN":
        # 'Argument', 'Satisfaite' opening a sentence: a common word, more frequent in lowercase
        return _is_common_word(tokens[0], lowercase_only=False)
    return len(tokens) == 1 and sentence_initial and _is_common_word(tokens[0])


def _vector_rank(token: Token, text: str) -> int:
    """The row of `text`'s vector: the md models' vectors are stored most frequent first
    (-1: no vector)."""
    vocab = token.vocab
    key = vocab.strings.add(text)
    return int(vocab.vectors.find(key=key)) if vocab.has_vector(text) else -1


def _is_common_word(token: Token, *, lowercase_only: bool = True) -> bool:
    """A capitalised first word that is a common word, not a name.

    With word vectors (fr_core_news_md): the vectors know the word in lowercase only
    ('réclamés', not 'Réclamés'), whatever the tagger says ('Bogota' tagged PRON is known
    capitalised: a name); with `lowercase_only` off, also a word whose lowercase form is the more
    frequent one ('Argument' / 'argument'; not 'Marseille', 'Lagarde'). Without (en_core_web_sm):
    the tagger's verbs and function words.
    """
    vocab = token.vocab
    if len(vocab.vectors):
        lower = token.text.lower()
        if vocab.has_vector(lower) and not vocab.has_vector(token.text):
            return True
        if lowercase_only:
            return False
        # one row for both: pruned to one vector, the tagger's common noun is believed
        lower_rank, rank = _vector_rank(token, lower), _vector_rank(token, token.text)
        return 0 <= lower_rank <= rank
    if token.pos_ == "PROPN" or token.tag_ in ("NNP", "NNPS"):
        return False
    return token.pos_ in _FUNCTION_POS


def _names_an_office(tokens: list[Token], text: str) -> bool:
    """The span opens with an office word right after 'de'/'of' (+ article): the end of a title
    ('procureur de la République', 'ministre de l'Économie', 'Secretary of State')."""
    if fold(tokens[0].text) not in OFFICE_WORDS:
        return False
    before = fold(text[max(0, tokens[0].idx - 12) : tokens[0].idx]).replace("’", "'")
    return (
        re.search(rf"\b(?:{_PLACE_JOINERS})\s+(?:(?:{_words_pattern(DETERMINERS)})\s*)?$", before) is not None
    )


def _is_heading(tokens: list[Token]) -> bool:
    """A span in capitals whose words are common words: a section heading ('CYCLISME',
    'CHARGÉ DES FINANCES'), not an acronym ('AFP', 'LNDD')."""
    letters = "".join(c for t in tokens for c in t.text if c.isalpha())
    if len(letters) < 5 or not letters.isupper():
        return False
    if len(tokens) > 1 and any(t.is_stop for t in tokens):
        return True  # a function word in capitals: a heading of several words
    vocab = tokens[0].vocab
    return len(vocab.vectors) > 0 and any(
        # a common word: its lowercase form at least as frequent as its capitalised one ('NICOLAS' is a name)
        len(t.text) >= 7 and 0 <= _vector_rank(t, t.text.lower()) <= max(_vector_rank(t, t.text.title()), 0)
        for t in tokens
    )


# singular demonyms: Américain(e), Algérien(ne), Européen, Français(e), Chinois(e), Espagnol(e),
# Allemand(e), Texan, Belge, Britannique, Russe; Ukrainian, Chinese, British
_DEMONYM_SINGULAR = re.compile(
    r"(?:aine?|aise?|oise?|ienne?|éenne?|ole?|ane?|ande?|ge|ique|sse|ian|ean|ese|ish)$"
)


def _is_demonym_word(token: Token) -> bool:
    """A capitalised adjective of nationality before a name ('American Hasim Rahman')."""
    return token.lang_ == "en" and token.tag_ in ("JJ", "NNP") and _EN_DEMONYM.search(token.text) is not None


_EN_DEMONYM = re.compile(r"(?:ian|ean|ese|ish|an)$")


def _names_a_person(tokens: list[Token]) -> bool:
    """The words end with the surname of a person the document names elsewhere: 'American Hasim
    Rahman' beside 'Rahman'; not 'Canadian Broadcasting Corp.'."""
    surname, start = tokens[-1].text, tokens[0].i
    return any(
        e.label_ in ("PERSON", "PER") and e[-1].text == surname and not (e.start <= start < e.end)
        for e in tokens[0].doc.ents
    )


def _is_singular_demonym(token: Token) -> bool:
    """A one-word 'place' after an article that is a nationality ('l'Américain', 'le Belge',
    'the Ukrainian'): a demonym ending, and (with vectors) its lowercase adjective is the more
    frequent form; 'à Oran', 'l'Iran' stay places."""
    if token.i == 0 or token.doc[token.i - 1].pos_ != "DET" or not _DEMONYM_SINGULAR.search(token.text):
        return False
    if not len(token.vocab.vectors):
        return token.text.endswith(("ian", "ean", "ese", "ish"))
    lower_rank, rank = _vector_rank(token, token.text.lower()), _vector_rank(token, token.text)
    # one row for both (pruned to one vector): only a feminine adjective's ending tells
    # ('cette Algérienne'; 'le Soudan', 'l'Iran' stay places)
    return 0 <= lower_rank < rank or (0 <= lower_rank == rank and token.text.endswith(_FEMININE_DEMONYM))


_FEMININE_DEMONYM = ("ienne", "éenne", "aine", "aise", "oise")


# name after (French) or before (English) an equipment noun; a name is an acronym, a designation,
# or one or two capitalised words, with an optional model number ('Leopard 2', 'Bayraktar TB2')
_NAME = (
    rf"(?:{_DESIGNATION}|[A-Z][A-Z0-9]{{1,}}(?:-[A-Z0-9]+)*"
    r"|[A-Z][a-zà-ÿ]+(?:[ -][A-Z][a-zà-ÿ]+)?)(?:[\s-](?:[A-Z]{0,3}\d{1,4}[A-Z]{0,2}))?"
)
# lowercase modifiers between head and name: adjectives, 'de croisière', 'à longue portée'
_MODIFIER = rf"(?:\s+(?:{_words_pattern(_JOINERS)})?\s*[a-zà-ÿ][a-zà-ÿ-]+)"
_HEAD_WORD = re.compile(r"(?<![\w-])[a-zà-ÿ][a-zà-ÿ-]*[a-zà-ÿ]")
_AFTER_HEAD = re.compile(
    rf"(?P<mods>{_MODIFIER}{{0,3}})\s+(?:(?:{_words_pattern(_JOINERS)})\s+)?(?P<name>{_NAME})\b"
)
_BEFORE_HEAD = re.compile(rf"\b(?P<name>{_NAME})(?P<mods>(?:\s+[a-z][a-z-]+){{0,2}})\s+$")
_KNOWN = re.compile(
    r"\b(?:" + "".join(re.escape(n) + "|" for n in KNOWN_SYSTEMS) + rf"{_DESIGNATION})(?:s\b|\b)"
)
# words between head noun and name that mean the name is not the product's ('missiles pour Kiev')
_NOT_MODIFIERS = _all("function_words", "stop") - _JOINERS
_KNOWN_LOWER = frozenset(n.lower() for n in KNOWN_SYSTEMS)
_DEMONYM = re.compile(r"(?:ian|ean|ese|ish|an|i|ic)$")


def _product_spans(text: str, sdoc: Doc, language: str) -> list[tuple[int, int, FactKind]]:
    """Character spans of equipment names: after (French) or before (English) an equipment
    noun written in lowercase, designations, known system names; then every other occurrence of
    a name found so."""
    blocked = [
        (e.start_char, e.end_char)
        for e in sdoc.ents
        if e.label_ in ("PER", "PERSON", "GPE", "NORP", "LOC", "DATE", "CARDINAL", "MONEY", "QUANTITY")
        and not _KNOWN.fullmatch(e.text)
    ]

    owners = [
        (e.start_char, e.end_char) for e in sdoc.ents if e.label_ in ("ORG", "FAC", "GPE", "LOC", "NORP")
    ]

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in blocked)

    def owner_free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in owners)

    spans: list[tuple[int, int]] = []
    named_things: list[tuple[int, int]] = []  # a law or scheme keeps its head: 'loi Leonetti'
    for head in _HEAD_WORD.finditer(text):
        head_kind = PRODUCT_HEADS.get(fold(head.group()))
        if head_kind is None:
            continue
        if language == "en":  # 'ATACMS missiles', 'F-16 fighter jets'
            match = _BEFORE_HEAD.search(text, max(0, head.start() - 80), head.start())
        else:  # 'missiles ATACMS', 'avions de combat Rafale'
            match = _AFTER_HEAD.match(text, head.end())
        if match is None:
            continue
        if any(fold(w).split("'")[0] in _NOT_MODIFIERS for w in match.group("mods").split()):
            continue  # 'missiles pour Kiev', 'les avions de la Seconde Guerre mondiale'
        name = match.group("name")
        if language == "en" and (
            (name.isupper() and len(name) <= 3 and not re.search(r"\d", name)) or _DEMONYM.search(name)
        ):
            continue  # 'US missiles', 'Russian drones': a country or a demonym, not a system
        if canonical_key(name) in _PLACE_KEYS:
            continue  # a place: 'the Kiev fighter'
        if language == "en" and not re.search(r"\d", name) and not owner_free(*match.span("name")):
            continue  # 'Navy helicopter', 'State Police helicopter': an English premodifier names the owner
        if not _is_name(sdoc, *match.span("name")):
            continue
        # a French name right after the noun ('sous-marins Agosta', 'hélicoptère Dragon 131') is
        # the model's, whatever the NER says; elsewhere a person or place stays one
        if head_kind == "other":
            if language != "en" and not match.group("mods"):
                named_things.append((head.start(), match.end("name")))
            continue
        if (language != "en" and not match.group("mods")) or free(*match.span("name")):
            spans.append(match.span("name"))
    for match in _KNOWN.finditer(text):
        if free(*match.span()):
            spans.append(match.span())
    # every other occurrence of a name the document uses for equipment is that equipment
    for name in {_product_name(text[s:e]) for s, e in spans}:
        spans.extend(match.span() for match in re.finditer(rf"\b{re.escape(name)}s?\b", text))
    tagged = sorted(
        {(s, e, "product") for s, e in spans} | {(s, e, "other") for s, e in named_things},
        key=lambda se: (se[0], -se[1]),
    )
    out: list[tuple[int, int, FactKind]] = []
    for s, e, kind in tagged:
        if out and s < out[-1][1]:
            continue
        out.append((s, e, kind))  # type: ignore[arg-type]
    return out


def _is_name(sdoc: Doc, start: int, end: int) -> bool:
    """The words at start:end are a name: no function word or adjective, not a sentence's
    capitalised first word ('The missiles', 'Un tir de missile')."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    if span.text.isupper() or re.search(r"\d", span.text):
        return True  # acronyms and designations
    if any(t.pos_ in _FUNCTION_POS or t.pos_ == "ADJ" for t in span):
        return False
    return not (span[0].i in sentence_starts(sdoc) and _is_common_word(span[0]))


def _product_name(surface: str) -> str:
    """'Storm Shadows' -> 'Storm Shadow'; acronyms keep their final S ('ATACMS', 'HIMARS')."""
    if surface.endswith("s") and not surface.isupper() and surface[:-1].lower() in _KNOWN_LOWER:
        return surface[:-1]
    return surface


def _apply_products(
    candidates: list[_Candidate], products: list[tuple[int, int, FactKind]], text: str
) -> list[_Candidate]:
    """Product spans replace the entities they overlap ('missiles ATACMS' MISC -> 'ATACMS')."""
    if not products:
        return candidates
    kept = [c for c in candidates if not any(s < c.end and c.start < e for s, e, _ in products)]
    # an entity that holds a product name and more ('Army Tactical Missile Systems') stays
    for c in candidates:
        if c in kept:
            continue
        inside = [(s, e) for s, e, _ in products if c.start <= s and e <= c.end]
        rest = text[c.start : c.end]
        for s, e in inside:
            rest = rest.replace(text[s:e], "")
        if len(_WORD.findall(rest)) > 2 and _UPPER.search(rest):
            kept.append(c)
    for s, e, kind in products:
        kept.append(_Candidate(kind, s, e, text[s:e], "PRODUCT" if kind == "product" else "NAMED"))
    kept.sort(key=lambda c: (c.start, c.end))
    return kept


def _head_words(surface: str) -> tuple[str, str]:
    words = [w for w in fold(surface).split() if w not in DETERMINERS]
    if not words:
        return "", ""
    return words[0], words[-1]


def _corrected_kind(c: _Candidate) -> FactKind:
    if c.kind == "product" and c.label == "PRODUCT":
        return "product"
    words = c.text.split()
    if len(words) >= 2 and words[0] in VESSEL_PREFIXES:
        return "product"  # 'MV Gibe', 'INS Mysore' (tagged PERSON): a ship
    key = fold(c.text)
    key = re.sub(r"^(?:le|la|les|l'|the)\s*", "", key)
    if key in SEATS_OF_POWER:
        return "organization"
    if key in PLATFORMS and c.kind in ("person", "place", "other"):
        # 'Taylor Swift posted on Twitter' (tagged PERSON): a service, no one who speaks
        return "organization"
    first, last = _head_words(c.text)
    if c.kind in ("place", "other", "person", "product") and (
        first in ORGANIZATION_HEADS or last in ORGANIZATION_HEADS
    ):
        return "organization"
    if c.kind in ("other", "place") and (first in EVENT_HEADS or last in EVENT_HEADS):
        return "event"
    return c.kind


# 'Army Tactical Missile Systems (ATACMS)', 'Forces armées révolutionnaires de Colombie (Farc)'
_ACRONYM_DEF = re.compile(
    r"(?P<long>(?:[A-ZÀ-Þ][\w’'-]*\s+)(?:[\w’'-]+\s+){0,8}?[\w’'-]+)\s*\((?P<short>[A-Z][A-Za-z]{1,9})\)"
)


# 'ATACMS (Army Tactical Missile System)'
_ACRONYM_FIRST = re.compile(r"\b(?P<short>[A-Z][A-Za-z]{1,9})\s*\((?P<long>[A-ZÀ-Þ][^()\n]{4,80})\)")


def _acronyms(text: str) -> list[tuple[str, str]]:
    """(long form, acronym) pairs the text defines, when the acronym's letters fit the long form."""
    pairs: list[tuple[str, str]] = []
    for match in _ACRONYM_FIRST.finditer(text):
        short, long_form = match.group("short"), match.group("long").strip()
        if (
            short.isupper()
            and len(long_form.split()) >= 2
            and fold(long_form[0]) == fold(short[0])
            and _subsequence(fold(short), fold(long_form))
        ):
            pairs.append((long_form, short))
    for match in _ACRONYM_DEF.finditer(text):
        short = match.group("short")
        words = match.group("long").split()
        # the shortest tail of the long form whose first letter starts the acronym and holds its letters
        for i in range(len(words) - 1, -1, -1):
            candidate = " ".join(words[i:])
            if fold(candidate[0]) == fold(short[0]) and _subsequence(fold(short), fold(candidate)):
                if len(words) - i >= 2:
                    pairs.append((candidate, short))
                break
    return pairs


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _singular_key(name: str) -> str:
    """`canonical_key` with plural endings off: 'Missile Systems' ~ 'Missile System'."""
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in canonical_key(name).split())


def _plain_value(c: _Candidate) -> str:
    value = c.text.strip()
    if c.kind == "place":
        value = _PLACE_SUFFIX.sub("", _PLACE_PREFIX.sub("", value)) or value
    if c.kind == "product":
        value = _product_name(value)
    return value


def _canonical_values(candidates: list[_Candidate], text: str) -> list[str]:
    """Each candidate's canonical name within its document."""
    values = [_plain_value(c) for c in candidates]
    # acronyms defined in the text: the long form's mentions take the acronym
    for long_form, short in _acronyms(text):
        long_key = _singular_key(long_form)
        for i, v in enumerate(values):
            if _singular_key(v) == long_key:
                values[i] = short
    # persons: a one-word name takes the full name ending with it, the nearest one before it
    # first, else the most frequent; a surname tagged ORG or LOC is the person too
    full_names: dict[str, list[tuple[int, str]]] = defaultdict(list)
    first_names: dict[str, set[str]] = defaultdict(set)
    for c, v in zip(candidates, values, strict=True):
        if c.kind == "person" and _is_full_name(v):
            # by whitespace words: 'Bruni-Sarkozy' is not 'Sarkozy'; 'Comeaux Jr' ends with 'Comeaux'
            words = v.split()
            while len(words) > 2 and fold(words[-1]).rstrip(".") in GENERATIONAL_SUFFIXES:
                words = words[:-1]
            full_names[canonical_key(words[-1])].append((c.start, v))
            first_names[canonical_key(words[0])].add(v)
    for i, (c, v) in enumerate(zip(candidates, values, strict=True)):
        key = canonical_key(v)
        if " " in key:
            continue
        if key not in full_names:
            # a first name alone ('Ingrid') is the one person of the document who bears it
            if c.kind == "person" and len(first_names.get(key, ())) == 1:
                values[i] = next(iter(first_names[key]))
            continue
        options = full_names[key]
        distinct = {canonical_key(name) for _, name in options}
        if len(distinct) == 1:
            values[i] = options[0][1]
        else:
            before = [name for start, name in options if start < c.start]
            values[i] = before[-1] if before else Counter(n for _, n in options).most_common(1)[0][0]
        c.kind = "person"
    # one spelling per key: the most frequent in the document
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for v in values:
        spellings[canonical_key(v)][v] += 1
    return [
        max(spellings[canonical_key(v)].items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0] for v in values
    ]


def _outside_dates(candidates: list[_Candidate], text: str, language: str) -> list[_Candidate]:
    """A span the date reader reads as a date is a date ('Mar 4 , 2009', 'Sep 10 , 2010' tagged
    PERSON or MISC in a page's date line), not a name."""
    from recoupe.facts.dates import find_date_spans

    if not candidates:
        return candidates
    spans = find_date_spans(text, language)
    return [c for c in candidates if not any(s <= c.start and c.end <= e for s, e in spans)]


_TITLE_CASE_SHARE = 0.8  # of a line's words of four letters or more


def _is_title_case(line: str) -> bool:
    """A line written in title case, as English headlines are ('Suspended Worker Kills 2 Women',
    'Obama Overturns Bush Rules'): most of its longer words capitalised, verbs included, and no
    full stop at its end."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) >= 4]
    return (
        len(words) >= 3
        and not line.isupper()
        and not line.rstrip().endswith(".")  # a sentence full of names ('…as Tanya Renee Wilson , 47 ; …')
        and sum(w[0].isupper() for w in words) >= _TITLE_CASE_SHARE * len(words)
    )


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines in title case."""
    lines: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        if _is_title_case(line):
            lines.append((start, start + len(line)))
        start += len(line) + 1
    return lines


def _headline_names(candidates: list[_Candidate], text: str) -> list[_Candidate]:
    """In a title-case headline the tagger cannot tell a name from the capitalised verbs and
    nouns around it ('Yvonne Hiller Kills 2', 'Teixeira Reportedly Bumped'): a span there keeps
    its longest run of words that the page names outside its headlines ('Yvonne Hiller'), else it
    is no name ('Suspended Worker Kills 2')."""
    headlines = _title_case_lines(text)
    if not headlines:
        return candidates
    body_lines = [line for line in text.split("\n") if line and not _is_title_case(line)]
    body = "\n".join(body_lines)
    inside = [any(s <= c.start and c.end <= e for s, e in headlines) for c in candidates]
    # the names the page gives outside its headlines
    named: dict[str, FactKind] = {}
    for c, head in zip(candidates, inside, strict=True):
        if not head:
            named.setdefault(canonical_key(c.text), c.kind)
    kept: list[_Candidate] = []
    for c, head in zip(candidates, inside, strict=True):
        if not head or canonical_key(c.text) in named:
            kept.append(c)
            continue
        words = list(re.finditer(r"\S+", c.text))
        best: tuple[int, int] | None = None
        kind: FactKind = c.kind
        for size in range(len(words) - 1, 0, -1):
            for i in range(len(words) - size + 1):
                piece = c.text[words[i].start() : words[i + size - 1].end()]
                # a name of the page, or several capitalised words it writes outside its headlines
                written = (
                    size > 1 and _UPPER.match(piece) and re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", body)
                )
                if canonical_key(piece) in named or written:
                    best, kind = (i, i + size), named.get(canonical_key(piece), c.kind)
                    break
            if best is not None:
                break
        if best is None:
            continue
        start = c.start + words[best[0]].start()
        end = c.start + words[best[1] - 1].end()
        # the kind the page gives the name outside its headlines ('Texas Inmate' ORG -> 'Texas')
        kept.append(_Candidate(kind, start, end, text[start:end], c.label))
    return kept


def _organisations_by_text(candidates: list[_Candidate], values: list[str], sdoc: Doc, text: str) -> set[str]:
    """Names the text itself calls organisations: an acronym whose long form has an
    organisation's head ('Forces armées révolutionnaires de Colombie (Farc)'), and a name right
    after an organisation noun ('du cabinet Asterès', 'sa banque d'affaires Calyon', 'du groupe
    européen d'assurances Allianz', 'the insurer Allianz'), before one in English ('the Marfin
    bank'), or with one in apposition after it ('la Fimat, alors une filiale de courtage'). Not
    after a preposition or an article ('le courtier de la Fimat', 'l'équipe de France')."""
    found: set[str] = set()
    for long_form, short in _acronyms(text):
        first, last = _head_words(long_form)
        if first in ORGANIZATION_HEADS or last in ORGANIZATION_HEADS:
            found.add(short)
    for c, value in zip(candidates, values, strict=True):
        if (
            c.kind not in ("place", "person", "other")
            or c.label == "GPE"
            or canonical_key(value) in _PLACE_KEYS
        ):
            continue
        span = sdoc.char_span(c.start, c.end, alignment_mode="expand")
        if span is not None and _named_as_organisation(span, c.label):
            found.add(value)
    return found


def _is_organisation_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.is_lower and fold(token.text) in APPOSITION_NOUNS


def _named_as_organisation(span: Span, label: str) -> bool:
    doc = span.doc
    # before: 'du cabinet Asterès', 'the insurer Allianz'; through a complement: 'sa banque
    # d'affaires Calyon', 'du groupe européen d'assurances Allianz' (not 'team president Stan Kasten')
    i = span.start - 1
    if i >= 0 and _is_organisation_noun(doc[i]):
        return True
    # (French complements only: 'the Red Sox team of owner John Henry' names a person)
    if i >= 2 and doc[i].pos_ == "NOUN" and doc[i].is_lower and fold(doc[i - 1].text) in ("de", "d'", "d’"):
        j = i - 2
        while j > 0 and doc[j].pos_ == "ADJ" and doc[j].is_lower and i - j < 4:
            j -= 1
        if _is_organisation_noun(doc[j]):
            return True
    # right after, in English: 'the Marfin bank', 'a Waitrose supermarket'
    after = span.end
    if after < len(doc) and doc[after].lang_ == "en" and _is_organisation_noun(doc[after]):
        return True
    # in apposition after it, with an indefinite article: 'la Fimat, alors une filiale de courtage',
    # 'Waitrose, a supermarket chain' (a definite one may open the next clause: '…autonomie du
    # Tibet, l'agence officielle Chine Nouvelle a rapporté'; nor after a person's full name)
    person = label in ("PER", "PERSON") and len(span) > 1
    if after < len(doc) and doc[after].text == "," and not person:
        j = after + 1
        if j < len(doc) and doc[j].pos_ == "ADV":
            j += 1
        if j < len(doc) and doc[j].pos_ == "DET" and "Ind" in doc[j].morph.get("Definite", []):
            for k in range(j + 1, min(j + 4, len(doc))):
                if _is_organisation_noun(doc[k]):
                    return True
                if doc[k].pos_ not in ("ADJ", "NOUN"):
                    break
    return False


_KIND_PRIORITY: tuple[FactKind, ...] = ("product", "person", "organization", "place", "event", "other")


def _majority_kinds(candidates: list[_Candidate], values: list[str]) -> dict[str, FactKind]:
    """The kind each canonical name gets most often in the document (products always win)."""
    votes: dict[str, Counter[FactKind]] = defaultdict(Counter)
    for c, v in zip(candidates, values, strict=True):
        # a capital standing for its government ('Washington lève les restrictions') is tagged
        # PER by fr_core_news_md: a one-word 'person' that is a known place is that place
        kind: FactKind = (
            "place" if c.kind == "person" and " " not in v and canonical_key(v) in _PLACE_KEYS else c.kind
        )
        votes[v][kind] += 1
    out: dict[str, FactKind] = {}
    for value, counter in votes.items():
        if counter["product"]:
            out[value] = "product"
            continue
        out[value] = max(counter, key=lambda k: (counter[k], -_KIND_PRIORITY.index(k)))
    return out
