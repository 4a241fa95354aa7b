"""Quantities and sums of money stated in a text: the number, its unit, what it counts or
measures, the time and place that qualify it, how exact the text says it is, and who the
sentence says claims it.

`extract_quantities(text, language, sdoc=None)` returns `Mention`s of kind "money" or
"quantity". Numbers are read in the page's language (`lang/<code>/numbers.toml`): "10 000"
(with a space, no-break space or narrow no-break space; in English only on a page that writes
some group no one writes alone, "6 000": else "400 737 Max jets" is two numbers), "1,200", "31 , 000" and "5 . 9" (a
tokenised copy, the decimal only where no sentence can end between), "55,5 milliards", "3.5
million", "$275 million", "€10bn", "5 M€", words ("douze jours", "ten miles", via text2num).
Every word this module reads lives in `recoupe/lang/<code>/*.toml` (units, numbers, qualifiers,
function words, identifiers, time, measures); the code holds only symbols (%, km, €, $, ISO
codes). A page of a language without a folder gets the symbols and digits only: its words are
never read as another language's.

Normalization:
- `value` is a float in the unit's own scale: "55,5 milliards de dollars" -> 55.5e9 "USD";
  cents and pence become hundredths of their currency; a score ("4-2") is the string "4-2";
- `unit` is a currency code (USD, EUR, GBP, ...; "franc" when the text does not say which),
  a measure symbol (km, m, kg, t, %, km², km/h, ...), "score", or, for counts, the counted noun
  in its lowercase plural form ("magistrats", "people", "ans");
- `subject` is what is counted or measured, read from the dependency parse first:
  the noun a count counts with its modifiers ("534 magistrats", "13 500 suppressions
  d'emplois"); the noun an amount or share is the complement of ("un chiffre d'affaires de 41,2
  milliards d'euros", "net income of $21.4 billion", "le chômage à 7,4 %", "a 4% rise in
  sales" -> "rise in sales"); a change, what its verb's subject names ("revenue rose 3.5
  percent" -> "revenue"); what a share is a share of ("40 % des PME"); ages ("Lance
  Armstrong, 37 ans", "the 33-year-old actress", "Nichols, 37," -> "âge Lance Armstrong";
  "his 106-year-old halibut schooner" -> "age halibut schooner", the possessed noun's),
  prison sentences ("cinq ans de prison", "a 20-year sentence"), tolls ("10 people were killed"
  -> "people killed"), what a duration is of ("30 hours of deliberation", "a 30-day program");
  a length reached by something that can reach it is its range ("portée", "range"); a count of
  times before the noun it multiplies is a multiple ("more than five times the legal limit" ->
  unit "times", subject "legal limit"), else of the verb or role repeated ("hosted the ceremony
  five times", "deux fois candidat"); a duration of a verb done for a name is of both ("worked
  for the Sheriff's Department for 15 years"), of being something, of the attribute;
- `predicate` is the verb or change noun the figure is stated with when the subject alone does
  not say it ("killed", "perdu", "hausse");
- `time` is the period the sentence gives the figure ("en 2023", "au troisième trimestre",
  "sur les neuf premiers mois de l'année", else a month: "en janvier"; never a day, the day it
  was said on), `place` the place ("in Texas", "à Marseille", "a Michigan office shooting"; an
  age has none);
- `qualifier` and `low`/`high` state how exact the figure is:
  exact [v, v]; approximately [v - t, v + t] with t = max(10 % of v, half the rounding step of
  the figure as written), so "près de 300" is [250, 350] and overlaps a plain "300";
  at_most and less_than [0, v]; at_least and more_than [v, None] ("three-plus seasons" is at
  least 3); range [a, b] with the
  midpoint as value ("10 à 12 000" is 10 000 to 12 000; "de 6 à 75 ans" is 6 to 75, never an
  average stated as a figure); vague counts are at_least twice their unit: "des milliers de
  soldats" is 2 000 and up, "hundreds of" 200 and up; "une dizaine" is approximately 10;
- `claimed_by` is the source the sentence gives, read from the parse: "selon l'état-major",
  "according to the Pentagon", the subject of the reporting verb whose clause (or, for a verb
  that puts a figure on something, object) holds the figure ("L'Ukraine estime à 11 000"), an
  incise ("..., a déclaré X", "..., police said"); never a pronoun, clitic, adverb or fragment,
  and none when the figure is in the speaker's own phrase or the writer's adjunct. Without a
  parse, word patterns.

Not quantities: years, dates (see `dates.find_date_spans`), times ("01h58"), ordinals ("1er",
"21st"), phone numbers, numbers inside URLs, identifiers and model names ("F-16", "Boeing 737",
"iPhone 11", "777x", "4K", a number between a count and a capitalized word: "five 787
Dreamliner sales"), section numbers ("article 49.3"), and bare numbers that count nothing (a
number with no unit, noun, scale word or qualifier is left out, unless it is an age: "Reid, 33,").
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING, Any

from recoupe import lang as lang_data
from recoupe.facts.dates import find_dates_with_kind
from recoupe.model import FactKind, Mention, Qualifier
from recoupe.textutil import fold

if TYPE_CHECKING:  # pragma: no cover - typing only
    from spacy.tokens import Doc, Span, Token

__all__ = ["extract_quantities", "measure_concepts", "parse_number", "to_base_unit"]

_SPACE = " \u00a0\u202f\u2009"
_WS = rf"[{_SPACE}]"

# --------------------------------------------------------------------------------------------
# numbers (digits and symbols: no language)
# --------------------------------------------------------------------------------------------

_SPACED_GROUPS = rf"\d{{1,3}}(?:[{_SPACE}]\d{{3}})+(?:[.,]\d+)?"  # 10 000, 10 000,5
_OTHER_DIGITS = (
    r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?"  # 1,200  1.458.000,00  1,200.5
    r"|\d{1,3}(?: , \d{3})+(?![\d,])"  # 31 , 000: a tokenised copy (ECB+-style corpora)
    # 5 . 9: a decimal of a tokenised copy, only where no sentence can end between the two
    # numbers (a lowercase word, a unit sign or a clause mark follows; never "5 . 9 People")
    r"|\d{1,4} \. \d{1,3}(?=[ ]*[,;:)%]|[ ]+[-–a-z$€£]|[ ]+\.(?:\s|$)|$)"
    r"|\d+(?:[.,]\d+)?"  # 55,5  3.5  2000
)
_DIGITS_BEFORE = r"(?<![\w.,/#@%=])(?<![\w][.,])"
_DIGITS = re.compile(rf"{_DIGITS_BEFORE}(?P<num>{_SPACED_GROUPS}|{_OTHER_DIGITS})(?!\d|[.,]\d)")
# the same without digit groups joined by a space: for a language that writes its thousands with
# commas, on a page that never shows a spaced group ("about 400 737 Max jets", cnbc; "0800 555 111")
_DIGITS_UNSPACED = re.compile(rf"{_DIGITS_BEFORE}(?P<num>{_OTHER_DIGITS})(?!\d|[.,]\d)")
# a spaced group no one writes alone ("6 000", "2 004"): the page writes its thousands with spaces
_SPACED_THOUSANDS = re.compile(rf"{_DIGITS_BEFORE}[1-9]\d{{0,2}}(?:[{_SPACE}]\d{{3}})*[{_SPACE}]0\d\d(?!\d)")
# one-letter scales are symbols, read only with a currency (see _scale_after)
_LETTER_SCALES: dict[str, float] = {"k": 1e3, "m": 1e6}
_LETTER_SCALE = re.compile(rf"(?P<sep>{_WS}?)(?P<scale>[mMkK])(?=\s*(?:€|\$|£|¥|EUR|USD|GBP|CHF)|(?![\w]))")
_PARSE_SCALE_VALUES = {"k": 1e3, "K": 1e3, "M": 1e6, "bn": 1e9, "b": 1e9}
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_MODEL_CODE = re.compile(r"[A-Z]{1,4}-\d{1,4}")  # "AK-47", "F-16"
_SPACED_HYPHEN = re.compile(r" - [^\W\d_]+(?:[^\W\d_]|['’-])*(?=[\s,.;:!?)]|$)")  # "co - workers"


def _alternation(patterns: Iterable[str]) -> str:
    """One regex alternation of the patterns, longest first (a longer form wins)."""
    return "|".join(sorted(set(patterns), key=len, reverse=True))


def _escaped(words: Iterable[str]) -> str:
    """Literal words as one alternation, spaces matching any run of spaces, longest first."""
    return _alternation(re.escape(w).replace(r"\ ", r"\s+") for w in words if w)


@dataclass(frozen=True, slots=True)
class _Unit:
    canonical: str
    kind: str  # "money" or "quantity"
    factor: float = 1.0
    measure: str | None = None  # length, area, mass, volume, speed, ratio, energy, temperature


def _u(canonical: str, measure: str, factor: float = 1.0) -> _Unit:
    return _Unit(canonical, "quantity", factor, measure)


def _money(code: str, factor: float = 1.0) -> _Unit:
    return _Unit(code, "money", factor, "money")


# unit symbols and currency codes, the same in every language: (pattern, unit, case-sensitive);
# a language's unit words (lang/<code>/units.toml) are tried before them
_SYMBOL_UNITS: list[tuple[str, _Unit, bool]] = [
    (r"\$\s?usd|\$\s?us(?![\w])|us\$|usd\$?", _money("USD"), False),
    (r"\$\s?c(?:ad|an)?(?![\w])|cad(?![\w])|c\$", _money("CAD"), False),
    (r"aud(?![\w])|a\$", _money("AUD"), False),
    (r"\$\s?hk|hk\$|hkd", _money("HKD"), False),
    (r"nzd", _money("NZD"), False),
    (r"\$", _money("USD"), False),
    (r"€|eur(?![\w])", _money("EUR"), False),
    (r"£|gbp", _money("GBP"), False),
    (r"¥|jpy", _money("JPY"), False),
    (r"rmb|cny|元", _money("CNY"), False),
    (r"rub(?![\w])|₽", _money("RUB"), False),
    (r"uah|₴", _money("UAH"), False),
    (r"chf", _money("CHF"), False),
    (r"fcfa|xof", _money("XOF"), False),
    (r"inr|₹", _money("INR"), False),
    (r"btc", _money("BTC"), False),
    (r"%|pct", _u("%", "ratio"), False),
    (r"km/h|km/hr|kph|kmh", _u("km/h", "speed"), False),
    (r"mph", _u("mph", "speed"), False),
    (r"km²|km2|sq\.?\s*km", _u("km²", "area"), False),
    (r"m²|m2", _u("m²", "area"), False),
    (r"ha(?![\w])", _u("ha", "area"), False),
    (r"sq\.?\s*mi", _u("mi²", "area"), False),
    (r"m³|m3", _u("m³", "volume"), False),
    (r"ml(?![\w])", _u("ml", "volume"), False),
    (r"hl(?![\w])", _u("hl", "volume"), False),
    (r"[lL](?![\w])", _u("l", "volume"), True),
    (r"bbl", _u("bbl", "volume"), False),
    (r"kms?(?![\w])", _u("km", "length"), False),
    (r"cm(?![\w])", _u("cm", "length"), False),
    (r"mm(?![\w])", _u("mm", "length"), False),
    (r"dm(?![\w])", _u("dm", "length"), False),
    (r"m(?![\w²³])", _u("m", "length"), True),
    (r"nmi", _u("nmi", "length"), False),
    (r"mi(?![\w])", _u("mi", "length"), False),
    (r"ft(?![\w])", _u("ft", "length"), False),
    (r"kg(?![\w])", _u("kg", "mass"), False),
    (r"mg(?![\w])", _u("mg", "mass"), False),
    (r"µg|μg|ug(?![\w])", _u("µg", "mass"), False),
    (r"g(?![\w])", _u("g", "mass"), True),
    (r"t(?![\w])", _u("t", "mass"), True),
    (r"lbs?(?![\w])", _u("lb", "mass"), False),
    (r"oz(?![\w])", _u("oz", "mass"), False),
    (r"°\s?C", _u("°C", "temperature"), False),
    (r"°\s?F", _u("°F", "temperature"), False),
    (r"TWh", _u("TWh", "energy"), False),
    (r"GWh", _u("GWh", "energy"), False),
    (r"MWh", _u("MWh", "energy"), False),
    (r"kWh", _u("kWh", "energy"), False),
    (r"GW", _u("GW", "power"), False),
    (r"MW", _u("MW", "power"), False),
    (r"kW", _u("kW", "power"), False),
    # technology pages ('a 120Hz panel', '350MB per second faster', 'a 30fps experience'): units
    # that a model-number rule would otherwise read as letters glued to a number
    (r"GHz", _u("GHz", "frequency"), False),
    (r"MHz", _u("MHz", "frequency"), False),
    (r"kHz", _u("kHz", "frequency"), False),
    (r"Hz(?![\w])", _u("Hz", "frequency"), False),
    (r"TB(?![\w])", _u("TB", "data"), True),
    (r"GB(?![\w])", _u("GB", "data"), True),
    (r"MB(?![\w])", _u("MB", "data"), True),
    (r"[kK]B(?![\w])", _u("kB", "data"), True),
    (r"fps(?![\w])", _u("fps", "frame rate"), False),
]

# currency written before the number (symbols and codes)
_PREFIX_CURRENCY = re.compile(
    r"(?:(?<![\w.])(?P<dollar>(?i:us|u\.s\.|c|ca|can|cad|au|aud|hk|hkd|nz|nzd|usd)\s?|A)\$"
    r"|(?<![\w])(?P<code>USD|EUR|GBP|CHF|JPY|CNY|CAD|AUD|HKD|INR|RUB|UAH)|(?P<sym>[$€£¥₹₽₴]))"
    rf"{_WS}?$",
)
_DOLLAR_PREFIXES: dict[str, str] = {
    "us": "USD", "u.s.": "USD", "usd": "USD", "c": "CAD", "ca": "CAD", "can": "CAD", "cad": "CAD",
    "a": "AUD", "au": "AUD", "aud": "AUD", "hk": "HKD", "hkd": "HKD", "nz": "NZD", "nzd": "NZD",
}  # fmt: skip
_PREFIX_CODES: dict[str, str] = {
    "US$": "USD", "U.S.$": "USD", "U.S. $": "USD", "C$": "CAD", "CA$": "CAD", "A$": "AUD", "AU$": "AUD",
    "HK$": "HKD", "NZ$": "NZD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB",
    "₴": "UAH",
}  # fmt: skip
# what is never a quantity, whatever the language
_BLOCKED_SYMBOLS: list[re.Pattern[str]] = [
    re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\w+|[#@]\w+", re.IGNORECASE),
    re.compile(r"\b\w+\s*=\s*\S+"),  # key=value, shortcodes
    re.compile(r"(?<![\w.,])\d{1,2}\s?:\s?\d{2}(?:\s?:\s?\d{2})?(?![\w])"),  # 17:06, 1 : 30 (tokenised)
    re.compile(r"(?<![\w+])(?:\+\d{1,3}[\s.-]?)?\(?0\d\)?(?:[\s.-]?\d{2}){4}(?![\w])"),  # French-style phones
    re.compile(r"\+\d{1,3}(?:[\s.()-]*\d){7,}"),  # international phones
    re.compile(r"(?<![\w])(?:\(\d{3}\)\s?|\d{3}\s?[\s.-]\s?)\d{3}\s?[.-]\s?\d{4}"),  # US phones
    re.compile(r"(?<![\w])0[1-9]\d{2,3}\s\d{3}\s?\d{3,4}(?![\w])"),  # UK phones: 0845 125 2222
    re.compile(r"\b\d{1,2}\s?/\s?\d{1,2}\s?/\s?\d{2,4}\b"),  # 11/30/09
    re.compile(r"\b[A-Z]{1,3}\s?-\s?\d{1,4}[A-Z]?\b"),  # F-16, AK-47: designations
]


# --------------------------------------------------------------------------------------------
# a language's words, compiled once
# --------------------------------------------------------------------------------------------


def _strings(table: Mapping[str, Any], key: str) -> list[str]:
    value = table.get(key, [])
    if isinstance(value, str):
        return [value] if value else []
    return [v for v in value if isinstance(v, str)]


def _never() -> re.Pattern[str]:
    return re.compile(r"(?!x)x")


def _group_regex(groups: Mapping[str, Sequence[str]], *, anchor_end: bool = False) -> re.Pattern[str]:
    # the left edge guards every alternative: "topped" is no bound inside "stopped 27 shots"
    parts = [f"(?P<{name}>(?<![\\w])(?:{_alternation(pats)}))" for name, pats in groups.items() if pats]
    if not parts:
        return _never()
    body = "(?:" + "|".join(parts) + ")"
    return re.compile(body + (rf"{_WS}*$" if anchor_end else ""), re.IGNORECASE)


@dataclass(slots=True)
class _Lex:
    """Everything `extract_quantities` reads of one language, from `lang/<code>/*.toml`."""

    code: str
    decimal_comma: bool = True
    # false: thousands are written with commas; a space joins digit groups only on a page that
    # shows it writes them with spaces (see _find_atoms)
    space_thousands: bool = True
    scales: dict[str, float] = field(default_factory=dict)
    word_scales: frozenset[str] = frozenset()
    hundreds: frozenset[str] = frozenset()
    one: frozenset[str] = frozenset()
    not_units_after_one: frozenset[str] = frozenset()
    scale_words: re.Pattern[str] = field(default_factory=_never)
    word_numbers: re.Pattern[str] | None = None
    sign: re.Pattern[str] = field(default_factory=_never)
    dozen: re.Pattern[str] = field(default_factory=_never)
    ordinal_after: re.Pattern[str] = field(default_factory=_never)
    units: re.Pattern[str] = field(default_factory=_never)
    unit_list: list[_Unit] = field(default_factory=list)
    pounds: re.Pattern[str] = field(default_factory=_never)
    half: re.Pattern[str] = field(default_factory=_never)
    pounds_weight: bool = False
    stop: frozenset[str] = frozenset()
    person_possessives: frozenset[str] = frozenset()  # "his", "her": whose the noun after is
    determiners: frozenset[str] = frozenset()
    prenominal: frozenset[str] = frozenset()
    adjective_end: re.Pattern[str] = field(default_factory=_never)
    participle_end: re.Pattern[str] = field(default_factory=_never)
    plural_endings: tuple[str, ...] = ("s",)
    irregular_plurals: dict[str, str] = field(default_factory=dict)
    invariable_plurals: frozenset[str] = frozenset()
    joiners: frozenset[str] = frozenset()
    conjunctions: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()
    clause_openers: frozenset[str] = frozenset()
    share_of: re.Pattern[str] = field(default_factory=_never)
    owner_before: re.Pattern[str] = field(default_factory=_never)
    vague_plural: re.Pattern[str] = field(default_factory=_never)
    vague_singular: re.Pattern[str] = field(default_factory=_never)
    vague_base: dict[str, float] = field(default_factory=dict)
    vague_direct: re.Pattern[str] = field(default_factory=_never)
    direct_base: dict[str, float] = field(default_factory=dict)
    direct_plural: frozenset[str] = frozenset()
    # "a dozen other people": words between a collective and the noun it counts
    collective_other_words: re.Pattern[str] = field(default_factory=_never)
    # "the mother of two": a count right after a parent noun counts children
    parent_before: re.Pattern[str] = field(default_factory=_never)
    children_noun: str | None = None
    qualifier_before: re.Pattern[str] = field(default_factory=_never)
    qualifier_after: re.Pattern[str] = field(default_factory=_never)
    # "three-plus seasons", "20+ years": a lower bound written between the number and its noun
    at_least_glued: re.Pattern[str] = field(default_factory=_never)
    range_open: re.Pattern[str] = field(default_factory=_never)
    range_both: re.Pattern[str] = field(default_factory=_never)
    range_connectors: str = ""
    range_to: frozenset[str] = frozenset()
    identifiers: re.Pattern[str] = field(default_factory=_never)
    clock: list[re.Pattern[str]] = field(default_factory=list)
    time_around: re.Pattern[str] = field(default_factory=_never)
    periods: re.Pattern[str] = field(default_factory=_never)
    year_time: re.Pattern[str] = field(default_factory=_never)
    measure_before: re.Pattern[str] = field(default_factory=_never)
    measure_hyphen_before: re.Pattern[str] = field(default_factory=_never)
    linking_words: frozenset[str] = (
        frozenset()
    )  # "atteint", "reached": a figure's level, said of their subject
    relative_words: frozenset[str] = (
        frozenset()
    )  # "lundi", "hier", "yesterday": time, not a noun's complement
    measure_hyphen_after: re.Pattern[str] = field(default_factory=_never)
    number_of_after: re.Pattern[str] = field(default_factory=_never)
    number_of_before: re.Pattern[str] = field(default_factory=_never)
    distance_after: re.Pattern[str] = field(default_factory=_never)
    distance_from: re.Pattern[str] = field(default_factory=_never)
    distance_direction: re.Pattern[str] = field(default_factory=_never)
    purpose_prepositions: frozenset[str] = frozenset()
    relative_words_after_sum: frozenset[str] = frozenset()
    numbering_before: re.Pattern[str] = field(default_factory=_never)
    elapsed_into: re.Pattern[str] = field(default_factory=_never)
    count_abbreviations: frozenset[str] = frozenset()
    distance_word: str = ""
    magnitude_word: str = ""
    record_word: str = ""
    reach_verb: re.Pattern[str] = field(default_factory=_never)
    reach_thing: re.Pattern[str] = field(default_factory=_never)
    capability: re.Pattern[str] = field(default_factory=_never)
    change_nouns: frozenset[str] = frozenset()
    age_before: re.Pattern[str] = field(default_factory=_never)
    person_nouns: frozenset[str] = frozenset()
    # a described person's sex ("l'enseignante de 52 ans") and a named one's (first names)
    person_noun_gender: dict[str, str] = field(default_factory=dict)
    first_name_gender: dict[str, str] = field(default_factory=dict)
    # "pour les 60 ans de Nicolas Sarkozy": the age a name is celebrated at
    anniversary_before: re.Pattern[str] = field(default_factory=_never)
    sentence_after: re.Pattern[str] = field(default_factory=_never)
    sentence_before: re.Pattern[str] = field(default_factory=_never)
    score_words: re.Pattern[str] = field(default_factory=_never)
    record_before: re.Pattern[str] = field(default_factory=_never)
    age_at_not_after: re.Pattern[str] = field(default_factory=_never)
    record_after: re.Pattern[str] = field(default_factory=_never)
    duration_units: frozenset[str] = frozenset()
    age_word: str = ""
    sentence_word: str = ""
    range_word: str = ""
    report_form: re.Pattern[str] = field(default_factory=_never)
    according_to: re.Pattern[str] = field(default_factory=_never)
    claim_subject: re.Pattern[str] = field(default_factory=_never)
    claim_inverted: re.Pattern[str] = field(default_factory=_never)
    claim_trailing: re.Pattern[str] = field(default_factory=_never)
    auxiliaries: re.Pattern[str] = field(default_factory=_never)
    # who claims a figure: verbs whose noun object is the figure, nouns that head a source's name
    figure_verbs: re.Pattern[str] = field(default_factory=_never)
    source_nouns: frozenset[str] = frozenset()
    nobody: frozenset[str] = frozenset()
    conditional: frozenset[str] = frozenset()
    as_reported: frozenset[str] = frozenset()
    locatives: frozenset[str] = frozenset()
    adjectives_after_noun: bool = False
    age_units: re.Pattern[str] = field(default_factory=_never)
    age_compound: re.Pattern[str] = field(default_factory=_never)
    age_at: re.Pattern[str] = field(default_factory=_never)
    age_verbs: re.Pattern[str] = field(default_factory=_never)
    age_death_at: re.Pattern[str] = field(default_factory=_never)
    duration_compound: re.Pattern[str] = field(default_factory=_never)
    of_words: str = "de|d['’]|of"
    # an of-word then what it opens: "de" and "of" are whole words ("devant", "offshore" are
    # not), an elided "d'" may be glued to the next word
    of_then: str = "(?:(?:de|of)(?=\\s)|d['’])\\s*"
    duration_symbols: dict[str, str] = field(default_factory=dict)
    generic_nouns: frozenset[str] = frozenset()
    of_prepositions: frozenset[str] = frozenset()
    total_nouns: frozenset[str] = frozenset()
    duration_places: frozenset[str] = frozenset()
    share_prepositions: frozenset[str] = frozenset()
    versus: re.Pattern[str] = field(default_factory=_never)
    # "in the $140 million to $160 million range", "à hauteur de 50 milliards": no measure
    transparent_nouns: frozenset[str] = frozenset()
    denominators: frozenset[str] = frozenset()
    # "estimate the damages at $1 million", "drive the euro below $1.29": the object is measured
    object_prepositions: frozenset[str] = frozenset()
    # "will turn 29 in April": an age after these verbs may be followed by when
    age_turn_verbs: re.Pattern[str] = field(default_factory=_never)
    age_time_after: re.Pattern[str] = field(default_factory=_never)
    # durations of an activity: the prepositions a noun holds a duration with ("la transmission
    # sous 48 heures"), verbs of lasting ("durer") and of taking time for something ("prendre")
    duration_within: frozenset[str] = frozenset()
    # "six mois auparavant", "two years ago", "il y a deux ans": a duration that says when
    relative_time_after: re.Pattern[str] = field(default_factory=_never)
    relative_time_before: re.Pattern[str] = field(default_factory=_never)
    # "two days before the vote", "à deux jours du premier tour": a duration that dates an event
    # by its distance to another one named as a noun (see `_dates_an_event`)
    relative_time_complement: frozenset[str] = frozenset()
    countdown_prepositions: frozenset[str] = frozenset()
    contracted_articles: frozenset[str] = frozenset()
    # "( in 2006 dollars )": a year before a currency says which year's money a sum is counted in
    price_year_before: re.Pattern[str] = field(default_factory=_never)
    lasting_verbs: frozenset[str] = frozenset()
    spending_verbs: frozenset[str] = frozenset()
    # "j'avais 30 ans": verbs whose object in age units is their subject's age
    age_have_verbs: frozenset[str] = frozenset()
    # "6.1 on the Richter scale", "a 5.6 quake": a quake's magnitude
    magnitude_after: re.Pattern[str] = field(default_factory=_never)
    graded_nouns: re.Pattern[str] = field(default_factory=_never)
    # "a reculé de deux points": a change of a share counted in points
    point_nouns: frozenset[str] = frozenset()
    frequency_nouns: frozenset[str] = frozenset()
    # "dix fois moins solide", "three times more likely": the adjective compared is the subject
    times_comparative: re.Pattern[str] = field(default_factory=_never)
    # "five times the legal limit", "trois fois le salaire minimum": a multiple of that noun
    multiple_of: re.Pattern[str] = field(default_factory=_never)
    # verbs besides the linking ones that state a multiple ("représentant 5 fois la France")
    multiple_verbs: frozenset[str] = frozenset()
    # "a five-year deal worth nearly $80 million", "un contrat d'une valeur de 80 millions": the
    # noun before these words is what the sum measures
    worth_before: re.Pattern[str] = field(default_factory=_never)
    elliptic_connectors: re.Pattern[str] | None = None
    # the same words anywhere between two figures: "de 3% en 2019 et de 5% en 2020"
    coordinators: re.Pattern[str] = field(default_factory=_never)
    # "quatre ou cinq teintes", "two or three children": two numbers, one noun, a range
    alternative_connectors: re.Pattern[str] | None = None
    # "two and three jobs": the first number counts the noun of the second
    shared_noun_connectors: re.Pattern[str] | None = None
    elliptic_not_after: frozenset[str] = frozenset()
    # "il en cède cinq": a pronoun that stands for the noun a count left out
    partitive_clitics: frozenset[str] = frozenset()


_LOOSE = {"a": "[aàâä]", "e": "[eéèêë]", "i": "[iîï]", "o": "[oôö]", "u": "[uùûü]", "c": "[cç]", "'": "['’]"}


def _words_pattern(table: Mapping[str, Any], key: str, template: str) -> re.Pattern[str]:
    """`template` with `{words}` replaced by the lexicon's list `key` as a loose alternation
    (`_loose`), matched ignoring case; a pattern that never matches when the list is empty."""
    entries = _strings(table, key)
    return re.compile(template.replace("{words}", _loose(entries)), re.IGNORECASE) if entries else _never()


def _loose(words: Iterable[str]) -> str:
    """Folded words (no accents, lowercase) as an alternation matching their written forms:
    "declar" matches "déclar", "d'apres" matches "d’après"; use with re.IGNORECASE."""
    out = []
    for word in words:
        if not word:
            continue
        pattern = "".join(_LOOSE.get(ch, re.escape(ch)) for ch in word)
        out.append(re.sub(r"(?:\\ )+", r"\\s+", pattern))
    return _alternation(out)


def _code(language: str | None) -> str:
    code = (language or "").lower().split("-")[0][:2]
    return code if code in lang_data.languages() else "und"


@cache
def _lex(code: str) -> _Lex:
    """The compiled words of one language; an unknown language gets symbols and digits only."""
    lex = _Lex(code=code)
    symbol_parts = [(p, u, cs) for p, u, cs in _SYMBOL_UNITS]
    word_parts: list[tuple[str, _Unit, bool]] = []
    units = lang_data.lexicon(code, "units")
    for entry in units.get("unit", []):
        measure = str(entry["measure"])
        factor = float(entry.get("factor", 1.0))
        unit = (
            _money(str(entry["canonical"]), factor)
            if measure == "money"
            else _u(str(entry["canonical"]), measure, factor)
        )
        for pattern in _strings(entry, "patterns"):
            word_parts.append((pattern + r"(?![\w])", unit, False))
    parts: list[str] = []
    for i, (pattern, unit, case_sensitive) in enumerate(word_parts + symbol_parts):
        body = pattern if case_sensitive else f"(?i:{pattern})"
        parts.append(f"(?P<u{i}>{body})")
        lex.unit_list.append(unit)
    lex.units = re.compile("|".join(parts))
    pounds = units.get("pounds", {})
    if _strings(pounds, "patterns"):
        lex.pounds = re.compile(
            rf"{_WS}+(?:de{_WS}+|d['’]|of{_WS}+)?(?:{_alternation(_strings(pounds, 'patterns'))})(?![\w])",
            re.IGNORECASE,
        )
        lex.pounds_weight = bool(pounds.get("weight", False))
    half = _strings(units.get("half", {}), "patterns")
    if half:
        # "2 ans et demi": the half belongs to the figure
        lex.half = re.compile(rf"{_WS}*,?{_WS}*(?:{_alternation(half)})(?![\w])", re.IGNORECASE)
    if code == "und":
        return lex

    numbers = lang_data.lexicon(code, "numbers")
    lex.decimal_comma = bool(numbers.get("decimal_comma", True))
    lex.space_thousands = bool(numbers.get("space_thousands", True))
    lex.scales = {str(k).lower(): float(v) for k, v in numbers.get("scales", {}).items()}
    lex.hundreds = frozenset(_strings(numbers, "hundred"))
    lex.word_scales = frozenset(lex.scales) | lex.hundreds | frozenset(_strings(numbers, "thousand"))
    lex.one = frozenset(_strings(numbers, "one"))
    lex.not_units_after_one = frozenset(_strings(numbers, "not_units_after_one"))
    if lex.scales:
        lex.scale_words = re.compile(
            rf"(?P<sep>{_WS}*)(?P<scale>{_escaped(lex.scales)})(?![\w])", re.IGNORECASE
        )
    words = _strings(numbers, "words")
    if words:
        joiner = re.escape(str(numbers.get("joiner", "")))
        alt = _escaped(words)
        lex.word_numbers = re.compile(
            rf"(?<![\w-])(?:{alt})(?:[{_SPACE}-]+(?:(?:{joiner})[{_SPACE}-]+)?(?:{alt}))*(?![\w])",
            re.IGNORECASE,
        )
    minus = _strings(numbers, "minus")
    minus_words = rf"|(?:{_escaped(minus)})\s+" if minus else ""
    lex.sign = re.compile(rf"^(?:[-−]\s*{minus_words})", re.IGNORECASE)
    if _strings(numbers, "dozen"):
        lex.dozen = re.compile(rf"(?:{_escaped(_strings(numbers, 'dozen'))})", re.IGNORECASE)
    if numbers.get("ordinal_suffixes"):
        lex.ordinal_after = re.compile(rf"(?:{numbers['ordinal_suffixes']})(?![\w])", re.IGNORECASE)
    plural = {str(k).lower(): float(v) for k, v in numbers.get("collectives_plural", {}).items()}
    singular = {str(k).lower(): float(v) for k, v in numbers.get("collectives_singular", {}).items()}
    lex.vague_base = {**plural, **singular}
    joiner_of = r"(?:de\s+|d['’]|of\s+)"
    if plural:
        dets = _escaped(_strings(numbers, "collective_determiners"))
        det = rf"(?P<det>{dets})\s+" if code == "fr" else rf"(?:(?P<det>{dets})\s+)?"
        lex.vague_plural = re.compile(
            rf"{det}(?P<unit>{_escaped(plural)})(?:\s+{joiner_of}(?P<unit2>{_escaped(plural)}))?\s+(?={joiner_of})",
            re.IGNORECASE,
        )
    if singular:
        dets = _escaped(_strings(numbers, "singular_determiners")) or r"(?!x)x"
        lex.vague_singular = re.compile(
            rf"(?P<det>{dets})\s+(?P<unit>{_escaped(singular)})\s+(?={joiner_of})", re.IGNORECASE
        )

    words_fn = lang_data.lexicon(code, "function_words")
    lex.stop = frozenset(_strings(words_fn, "stop"))
    lex.person_possessives = frozenset(fold(w) for w in _strings(words_fn, "person_possessives"))
    lex.determiners = frozenset(_strings(words_fn, "determiners"))
    lex.prenominal = frozenset(_strings(words_fn, "prenominal"))
    if words_fn.get("adjective_endings"):
        lex.adjective_end = re.compile(rf"(?:{words_fn['adjective_endings']})$", re.IGNORECASE)
    if words_fn.get("participle_endings"):
        lex.participle_end = re.compile(rf"(?:{words_fn['participle_endings']})$")
    lex.plural_endings = tuple(_strings(words_fn, "plural_endings")) or ("s",)
    lex.irregular_plurals = {str(k): str(v) for k, v in words_fn.get("irregular_plurals", {}).items()}
    lex.invariable_plurals = frozenset(_strings(words_fn, "invariable_plurals"))
    lex.joiners = frozenset(_strings(words_fn, "joiners"))
    lex.conjunctions = frozenset(_strings(words_fn, "conjunctions"))
    lex.pronouns = frozenset(_strings(words_fn, "pronouns"))
    lex.clause_openers = frozenset(_strings(words_fn, "clause_openers"))
    lex.locatives = frozenset(_strings(words_fn, "locatives"))
    lex.adjectives_after_noun = bool(words_fn.get("adjectives_after_noun", False))
    if words_fn.get("share_of"):
        lex.share_of = re.compile(
            rf"\s+(?:{words_fn['share_of']})\s*(?P<what>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){{0,2}})",
            re.IGNORECASE,
        )
    owners = _strings(words_fn, "owner_links")
    if owners:
        lex.owner_before = re.compile(
            rf"(?P<owner>(?:[^\W\d_][\w'’-]*\s+){{0,9}}?[^\W\d_][\w'’-]*)\s*,?\s+(?:{_escaped(owners)})\s+$",
            re.IGNORECASE,
        )

    qualifiers = lang_data.lexicon(code, "qualifiers")
    before: dict[str, list[str]] = {k: _strings(qualifiers.get("before", {}), k) for k in _QUALIFIER_NAMES}
    lex.qualifier_before = _group_regex(before, anchor_end=True)
    after = {k: _strings(qualifiers.get("after", {}), k) for k in ("approximately", "at_least", "at_most")}
    if any(after.values()):
        body = "|".join(f"(?P<{k}>{_alternation(v)})" for k, v in after.items() if v)
        lex.qualifier_after = re.compile(rf"^{_WS}*,?{_WS}*(?:{body})(?![\w])", re.IGNORECASE)
    glued_bounds = _strings(qualifiers.get("glued", {}), "at_least")
    if glued_bounds:
        lex.at_least_glued = re.compile(rf"(?:{_alternation(glued_bounds)})", re.IGNORECASE)
    ranges = qualifiers.get("range", {})
    if _strings(ranges, "open"):
        lex.range_open = re.compile(rf"(?:{_escaped(_strings(ranges, 'open'))})\s+$", re.IGNORECASE)
    if _strings(ranges, "both"):
        lex.range_both = re.compile(
            rf"(?:{_escaped(_strings(ranges, 'both'))})\s+(?:[$€£]\s?)?$", re.IGNORECASE
        )
    lex.range_connectors = _escaped(_strings(ranges, "connectors"))
    lex.range_to = frozenset(_strings(ranges, "to"))

    identifiers = _strings(lang_data.lexicon(code, "identifiers"), "before")
    if identifiers:
        lex.identifiers = re.compile(
            rf"(?<![\w])(?:{_alternation(identifiers)})\s*\d[\d.,]*(?:\s*(?:-|{lex.range_connectors or '-'})\s*\d[\d.,]*)?",
            re.IGNORECASE,
        )

    time = lang_data.lexicon(code, "time")
    relative = _escaped(_strings(time, "relative"))
    lex.relative_words = frozenset(fold(w) for w in _strings(time, "relative"))
    if relative:
        lex.time_around = re.compile(rf"^(?:(?:{relative})\s+)+|(?:\s+(?:{relative}))+$", re.IGNORECASE)
    hours = _strings(time, "hour_words")
    clock_after = _strings(time, "clock_after")
    if hours:
        h = _escaped(hours)
        lex.clock.append(re.compile(r"(?<![\w])\d{1,2}\s?[hH]\s?\d{2}(?![\w])|(?<![\w])\d{1,2}[hH](?![\w])"))
        parts_of_day = _escaped(_strings(time, "day_parts"))
        if parts_of_day:
            lex.clock.append(re.compile(rf"(?<![\w])\d{{1,2}}\s?(?:{h})\s+(?:{parts_of_day})", re.IGNORECASE))
        clock_before = _escaped(_strings(time, "clock_before"))
        if clock_before:
            lex.clock.append(
                re.compile(
                    rf"(?:{clock_before})\s+(?:[01]?\d|2[0-3])\s?(?:{h})(?:\s?\d{{2}})?(?![\w])(?!\s+(?:de|d['’]|of)\s)",
                    re.IGNORECASE,
                )
            )
    if clock_after:
        after_alt = _alternation(clock_after)
        lex.clock.append(
            re.compile(
                rf"(?<![\w.,])\d{{1,2}}(?:\s?[.:]\s?\d{{2}})?\s?(?:{after_alt})(?![\w])", re.IGNORECASE
            )
        )
    periods = {str(k): _strings(time.get("periods", {}), str(k)) for k in time.get("periods", {})}
    lex.periods = _group_regex(periods)
    year_before = _escaped(_strings(time, "year_before"))
    if year_before:
        lex.year_time = re.compile(rf"(?<![\w])(?:{year_before})\s*(?:(?:19|20)\d\d)(?![\w])", re.IGNORECASE)

    measures = lang_data.lexicon(code, "measures")
    nouns = _loose(_strings(measures, "measure_nouns"))
    linking = _loose(_strings(measures, "linking"))
    lex.linking_words = frozenset(fold(w) for w in _strings(measures, "linking") if " " not in w)
    if nouns and linking:
        # folded text: "d'une portée de près de 300 km", "a range of 300 km"
        lex.measure_before = re.compile(rf"(?P<noun>{nouns})\w*\s+(?:(?:{linking})\s+)$", re.IGNORECASE)
        # "magnitude-5.2", "magnitude - 5 . 9" (a tokenised copy)
        lex.measure_hyphen_before = re.compile(rf"(?<![\w])(?P<noun>{nouns})\s?[-–]\s?$", re.IGNORECASE)
        lex.measure_hyphen_after = re.compile(rf"\s?[-–]\s?(?P<noun>{nouns})(?![\w])", re.IGNORECASE)
    number_nouns = _loose(_strings(measures, "number_nouns"))
    if number_nouns:
        lex.number_of_after = re.compile(
            rf"{_WS}+(?:le|la|the)\s+(?:{number_nouns})\s+(?:de\s+|d['’]|des\s+|of\s+)", re.IGNORECASE
        )
        lex.number_of_before = re.compile(
            rf"(?:(?P<pre>[^\W\d_][\w'’-]*)\s+)?(?P<nn>{number_nouns})(?:\s+(?:de\s+|d['’]|des\s+|of\s+)(?P<noun>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?))?"
            rf"(?:\s+[^\W\d_][\w'’-]*){{0,6}}?\s+(?:{linking})\s+$",
            re.IGNORECASE,
        )
    lex.distance_after = _words_pattern(measures, "distance_after", r"^\s+(?:{words})")
    # "about 30 miles south of Portland", "à 25 km de Houston": how far from a named place
    lex.distance_from = _words_pattern(
        measures,
        "distance_from",
        r"^\s+(?:{words})\s*(?:(?:the|le|la|les|l['’])\s*)?(?-i:[A-ZÀ-Ý])",
    )
    lex.purpose_prepositions = frozenset(_strings(measures, "purpose_prepositions"))
    lex.relative_words_after_sum = frozenset(_strings(measures, "relative_words_after_sum"))
    lex.elapsed_into = _words_pattern(
        measures,
        "elapsed_into",
        r"\s+(?:{words})\s+(?:(?:the|a|an|le|la|les|l['’])\s*)?(?P<what>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)",
    )
    lex.numbering_before = _words_pattern(measures, "numbering_words", r"(?<![\w]),?\s*(?:{words})\s*$")
    lex.count_abbreviations = frozenset(fold(w) for w in _strings(measures, "count_abbreviations"))
    lex.distance_direction = _words_pattern(
        measures, "distance_direction", r"^\s+(?:{words})(?![\w'’-])(?!\s*\d)"
    )
    lex.reach_verb = _words_pattern(measures, "reach_verbs", r"\b(?:{words})\b[^.;]{0,60}$")
    lex.reach_thing = _words_pattern(measures, "reach_things", r"\b(?:{words})")
    lex.capability = _words_pattern(measures, "capability", r"\b(?:{words})\w*\s*(?:d'|de|to|of)?\s*$")
    lex.change_nouns = frozenset(_strings(measures, "change_nouns"))
    lex.age_before = _words_pattern(measures, "age_before", r"(?<![\w])(?:{words})\s*$")
    lex.person_nouns = frozenset(_strings(measures, "person_nouns"))
    lex.anniversary_before = _words_pattern(measures, "anniversary_before", r"(?<![\w'’])(?:{words})\s*$")
    lex.sentence_after = _words_pattern(measures, "sentence_after", r"^\s*(?:{words})(?![\w])")
    lex.sentence_before = _words_pattern(measures, "sentence_before", r"(?<![\w])(?:{words})\b")
    lex.score_words = _words_pattern(measures, "score_words", r"(?<![\w])(?:{words})(?![\w])")
    lex.record_before = _words_pattern(measures, "record_before", r"(?<![\w])(?:{words})\s*$")
    lex.record_after = _words_pattern(measures, "record_after", r"\s+(?:{words})(?![\w])")
    display = measures.get("display", {})
    lex.age_word = str(display.get("age", ""))
    lex.sentence_word = str(display.get("sentence", ""))
    lex.range_word = str(display.get("range", ""))
    lex.record_word = str(display.get("record", ""))
    lex.distance_word = str(display.get("distance", ""))
    lex.magnitude_word = str(display.get("magnitude", ""))
    lex.duration_units = frozenset(_strings(measures, "duration_units"))
    lex.duration_places = frozenset(fold(w) for w in _strings(measures, "duration_places"))
    lex.share_prepositions = frozenset(fold(w) for w in _strings(measures, "share_prepositions"))
    lex.transparent_nouns = frozenset(fold(w) for w in _strings(measures, "transparent_nouns"))
    lex.denominators = frozenset(fold(w) for w in _strings(measures, "denominators"))
    lex.object_prepositions = frozenset(fold(w) for w in _strings(measures, "object_prepositions"))
    # "57 % (contre 50 %)", "up from 3%": the second figure states the first one's measure
    lex.versus = _words_pattern(measures, "versus", r"(?:^|[^\w])(?:{words})\s*$")
    lex.duration_symbols = {str(k): str(v) for k, v in measures.get("duration_symbols", {}).items()}
    lex.generic_nouns = frozenset(_strings(lang_data.lexicon(code, "nouns"), "generic"))
    lex.total_nouns = frozenset(_strings(measures, "total_nouns"))
    units_alt = _loose(_strings(measures, "age_units"))
    if units_alt:
        lex.age_units = re.compile(rf"{_WS}*(?:{units_alt})(?![\w-])", re.IGNORECASE)
        compound_after = _loose(_strings(measures, "age_compound_after"))
        if compound_after:
            # "the 33-year-old", "23 - year old", "the 36-year old Rahman": the second hyphen is
            # often left out (ECB+ 21_2ecbplus, 7_6ecb)
            lex.age_compound = re.compile(
                rf"^\s?-\s?(?:{units_alt})\s?(?:-\s?)?(?:{compound_after})(?![\w])", re.IGNORECASE
            )
    lex.age_at = _words_pattern(measures, "age_at", r"(?:^|[^\w])(?:{words})\s*$")
    lex.age_at_not_after = _words_pattern(
        measures,
        "age_at_not_after",
        r"(?<![\w])(?:{words})[\w]*\s+(?:{at})\s*$".replace(
            "{at}", _loose(_strings(measures, "age_at")) or "x"
        ),
    )
    lex.age_verbs = _words_pattern(measures, "age_verbs", r"\b(?:{words})\s+$")
    if _strings(measures, "age_death_verbs") and _strings(measures, "age_death_at"):
        lex.age_death_at = re.compile(
            rf"\b(?:{_escaped(_strings(measures, 'age_death_verbs'))})(?:\s+[^\W\d_][\w.]*){{0,3}}?"
            rf"\s+(?:{_escaped(_strings(measures, 'age_death_at'))})\s+$",
            re.IGNORECASE,
        )
    lex.age_turn_verbs = _words_pattern(measures, "age_turn_verbs", r"\b(?:{words})\s+$")
    lex.age_time_after = _words_pattern(measures, "age_time_after", r"^\s+(?:{words})\b")
    lex.relative_time_after = re.compile(
        "|".join(
            p.pattern
            for p in (
                _words_pattern(measures, "relative_time_after", r"\s*,?\s*(?:{words})(?!\w)"),
                _words_pattern(measures, "relative_time_bare", r"\s*(?:{words})\s*[,.;:!?)»\n]"),
            )
            if p.pattern != _never().pattern
        )
        or _never().pattern,
        re.IGNORECASE,
    )
    lex.relative_time_before = _words_pattern(measures, "relative_time_before", r"(?<!\w)(?:{words})\s+$")
    lex.relative_time_complement = frozenset(fold(w) for w in _strings(measures, "relative_time_complement"))
    lex.countdown_prepositions = frozenset(fold(w) for w in _strings(measures, "countdown_prepositions"))
    lex.contracted_articles = frozenset(fold(w) for w in _strings(measures, "contracted_articles"))
    lex.price_year_before = _words_pattern(measures, "price_year_before", r"(?<![\w])(?:{words})\s+$")
    lex.duration_within = frozenset(fold(w) for w in _strings(measures, "duration_within"))
    lex.lasting_verbs = frozenset(fold(w) for w in _strings(measures, "lasting_verbs"))
    lex.spending_verbs = frozenset(fold(w) for w in _strings(measures, "spending_verbs"))
    lex.age_have_verbs = frozenset(fold(w) for w in _strings(measures, "age_have_verbs"))
    lex.magnitude_after = _words_pattern(measures, "magnitude_after", r"^\s+(?:{words})(?![\w])")
    lex.point_nouns = frozenset(fold(w) for w in _strings(measures, "point_nouns"))
    lex.frequency_nouns = frozenset(fold(w) for w in _strings(measures, "frequency_nouns"))
    lex.times_comparative = _words_pattern(
        measures, "times_comparative", rf"{_WS}+(?:{{words}}){_WS}+(?P<adjective>[^\W\d_][\w'’-]+)"
    )
    if _strings(measures, "multiple_nouns") and _strings(measures, "multiple_determiners"):
        lex.multiple_of = re.compile(
            rf"{_WS}+(?P<times>{_escaped(_strings(measures, 'multiple_nouns'))}){_WS}+"
            rf"(?:(?:{_escaped(_strings(measures, 'multiple_determiners'))}){_WS}+|l['’])"
            rf"(?P<noun>[^\W\d_][\w'’-]+(?:{_WS}+[^\W\d_][\w'’-]+){{0,2}})",
            re.IGNORECASE,
        )
    lex.multiple_verbs = frozenset(fold(w) for w in _strings(measures, "multiple_verbs"))
    lex.worth_before = _words_pattern(
        measures, "worth_words", rf"(?<![\w'’-])(?P<noun>[^\W\d_][\w'’]+){_WS}+(?:{{words}}){_WS}+$"
    )
    if _strings(measures, "elliptic_connectors"):
        lex.elliptic_connectors = re.compile(
            rf"(?:^|[\s\"«“(])(?:{_escaped(_strings(measures, 'elliptic_connectors'))})\s*[\"«“]?\s*$",
            re.IGNORECASE,
        )
    lex.elliptic_not_after = frozenset(fold(w) for w in _strings(measures, "elliptic_not_after"))
    lex.partitive_clitics = frozenset(fold(w) for w in _strings(measures, "partitive_clitics"))
    lex.coordinators = _words_pattern(measures, "elliptic_connectors", r"(?<![\w'’])(?:{words})(?![\w'’])")
    for key in ("alternative_connectors", "shared_noun_connectors"):
        if _strings(measures, key):
            joined = re.compile(
                rf"{_WS}*,?{_WS}*(?:{_escaped(_strings(measures, key))}){_WS}+", re.IGNORECASE
            )
            setattr(lex, key, joined)
    direct = {str(k).lower(): float(v) for k, v in measures.get("collectives_direct", {}).items()}
    if direct:
        lex.direct_base = direct
        lex.direct_plural = frozenset(w.lower() for w in _strings(measures, "collectives_direct_plural"))
        lex.collective_other_words = _words_pattern(
            measures, "collective_other_words", rf"{_WS}+(?:{{words}})(?=\s)"
        )
        dets = _escaped(_strings(measures, "collective_direct_determiners")) or r"(?!x)x"
        lex.vague_direct = re.compile(
            rf"(?<![\w'’])(?:(?P<det>{dets})\s+)?(?P<unit>{_escaped(direct)})(?![\w'’])(?!\s+{lex.of_then})",
            re.IGNORECASE,
        )
    lex.graded_nouns = _words_pattern(measures, "graded_nouns", r"^\s+(?:{words})(?![\w-])")
    if lex.duration_units:
        lex.duration_compound = re.compile(
            rf"^(?P<hyphen>\s?-)?\s?(?P<unit>{_loose(lex.duration_units)})(?![\w])\s?-?\s?(?P<noun>[^\W\d_][\w'’-]*)",
            re.IGNORECASE,
        )
    lex.of_prepositions = frozenset(_strings(words_fn, "of_prepositions"))
    of_words = sorted(lex.of_prepositions)
    if of_words:
        lex.of_words = "|".join(
            [re.escape(w) for w in of_words if w != "d"] + (["d['’]"] if "d" in of_words else [])
        )
        whole = "|".join(re.escape(w) for w in of_words if w != "d" and not w.endswith(("'", "’")))
        glued = "|".join(
            [re.escape(w) for w in of_words if w.endswith(("'", "’"))]
            + (["d['’]"] if "d" in of_words else [])
        )
        lex.of_then = (
            "(?:"
            + "|".join(
                p
                for p in (rf"(?:{whole})(?={_WS}|$)" if whole else "", rf"(?:{glued})" if glued else "")
                if p
            )
            + rf"){_WS}*"
        )
    lex.children_noun = measures.get("children_noun")
    lex.parent_before = _words_pattern(
        measures, "parent_nouns", rf"(?<![\w'’])(?:{{words}}){_WS}+(?:{lex.of_words}){_WS}*$"
    )

    # reporting verbs (lang/<code>/reporting_verbs.toml) and the verbs that put a figure on something
    verbs = lang_data.lexicon(code, "reporting_verbs")
    lex.first_name_gender = {fold(w): "Masc" for w in _strings(verbs, "masculine_first_names")} | {
        fold(w): "Fem" for w in _strings(verbs, "feminine_first_names")
    }
    lex.person_noun_gender = {fold(w): "Masc" for w in _strings(measures, "masculine_person_nouns")} | {
        fold(w): "Fem" for w in _strings(measures, "feminine_person_nouns")
    }
    stems = _strings(verbs, "stems") + _strings(measures, "estimation_verbs")
    forms = _strings(verbs, "forms")
    verb = "|".join(p for p in (rf"(?:{_loose(stems)})\w*" if stems else "", _loose(forms)) if p)
    verb = rf"(?i:{verb})" if verb else ""
    auxiliaries = _escaped(_strings(words_fn, "auxiliaries"))
    if auxiliaries:
        lex.auxiliaries = re.compile(rf"\s+(?:{auxiliaries})\s|\s+(?:s|n)['’]|\s+(?:se|ne)\s")
    if verb:
        lex.report_form = re.compile(rf"(?:{verb})")
        aux = rf"(?:(?:{auxiliaries})\s+)?" if auxiliaries else ""
        lex.claim_subject = re.compile(
            rf"(?:^|[,;:]\s*)(?P<who>(?:[A-ZÀ-Ý][\w'’.-]*|(?:{_escaped(lex.determiners) or 'x'})\s+[\w'’-]+|l['’][\w'’-]+)"
            rf"(?:\s+[\w'’.-]+){{0,10}}?)\s+{aux}(?:{verb})(?![\w])",
        )
        lex.claim_inverted = re.compile(
            rf"[,»\"”]\s*{aux}(?:{verb})\s+(?P<who>[^,.;:!?()«»\"“”\n]{{2,80}}?)\s*(?:[,.;:!?()\n]|$)",
        )
        lex.claim_trailing = re.compile(
            rf",\s*(?P<who>(?:(?:{_escaped(lex.determiners) or 'x'})\s+)?[A-ZÀ-Ý][\w'’.-]*(?:\s+[\w'’.-]+){{0,5}}?)\s+(?:{verb})\s*[.!?]?\s*$"
        )
    claims = lang_data.lexicon(code, "claims")
    figure_verbs = _strings(measures, "estimation_verbs") + _strings(claims, "figure_verbs")
    endings = _loose(_strings(claims, "figure_verb_endings"))
    if figure_verbs:
        # a stem and an inflection: "counted" is "count", "countered" is not
        lex.figure_verbs = re.compile(rf"(?:{_loose(figure_verbs)})(?:{endings or 'x'})?", re.IGNORECASE)
    lex.source_nouns = frozenset(
        fold(w)
        for key in ("role_nouns", "person_nouns", "speaker_nouns")
        for w in _strings(verbs, key)
        if " " not in w
    ) | frozenset(fold(w) for w in _strings(claims, "source_nouns"))
    lex.nobody = frozenset(fold(w) for w in _strings(claims, "nobody"))
    lex.conditional = frozenset(fold(w) for w in _strings(claims, "conditional"))
    lex.as_reported = frozenset(fold(w) for w in _strings(claims, "as_reported"))
    according = _strings(verbs, "according_to") + _strings(measures, "according_to")
    if according:
        stops = _escaped(_strings(words_fn, "relative_pronouns"))
        stop_words = rf"|\s+(?:{stops})\s" if stops else ""
        lex.according_to = re.compile(
            rf"(?:(?<![\w])(?:{_loose(according)}))\s+(?P<who>[^,.;:!?()«»\"“”\n]{{2,80}}?)"
            rf"(?=\s*(?:[,.;:!?()«»\"“”\n]|${stop_words}))",
            re.IGNORECASE,
        )
    return lex


_QUALIFIER_NAMES: tuple[Qualifier, ...] = ("at_least", "at_most", "more_than", "less_than", "approximately")


# --------------------------------------------------------------------------------------------
# reading numbers
# --------------------------------------------------------------------------------------------


def _parse_digits(raw: str, lex: _Lex) -> float | None:
    """A number written in digits, with the language's separators ("10 000,5", "1,200.5")."""
    text = re.sub(rf"[{_SPACE}']", "", raw)
    if not text:
        return None
    has_dot, has_comma = "." in text, "," in text
    if has_dot and has_comma:
        decimal = "." if text.rfind(".") > text.rfind(",") else ","
        thousands = "," if decimal == "." else "."
        text = text.replace(thousands, "").replace(decimal, ".")
    elif has_comma:
        grouped = re.fullmatch(r"\d{1,3}(?:,\d{3})+", text)
        if (not lex.decimal_comma and grouped) or text.count(",") > 1:
            text = text.replace(",", "")
        else:
            text = text.replace(",", ".")
    elif has_dot:
        grouped = re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text)
        if text.count(".") > 1 and not grouped:
            return None  # "837.824.1482" is a phone number or a version, not a figure
        if grouped and (lex.decimal_comma or text.count(".") > 1):
            text = text.replace(".", "")
    try:
        return float(text)
    except ValueError:
        return None


def _parse_words(raw: str, lex: _Lex) -> float | None:
    from text_to_num import text2num

    if lex.word_numbers is None:
        return None
    cleaned = re.sub(rf"[{_SPACE}]+", " ", raw.strip().lower())
    cleaned = re.sub(r"\s*-\s*", "-", cleaned)
    try:
        return float(text2num(cleaned, lex.code))
    except (ValueError, IndexError):
        pass
    # text2num stops at some scales ("twenty-one trillion"): add up the pieces between scales
    total = 0.0
    chunk: list[str] = []
    try:
        for word in cleaned.split():
            if word in lex.scales and len(word) > 3:
                count = float(text2num(" ".join(chunk), lex.code)) if chunk else 1.0
                total += count * lex.scales[word]
                chunk = []
            elif word not in lex.conjunctions:
                chunk.append(word)
        if chunk:
            total += float(text2num(" ".join(chunk), lex.code))
    except (ValueError, IndexError):
        return None
    return total if total or cleaned.startswith(("zéro", "zero")) else None


def parse_number(expr: str, language: str) -> float | None:
    """The value of a number written in digits, words or both ("55,5 milliards" -> 55.5e9,
    "cinquante-cinq" -> 55, "3.5 million" -> 3.5e6, "10 000" -> 10000, "-1,5" -> -1.5,
    "10k" -> 1e4); None if it is not one."""
    lex = _lex(_code(language))
    text = expr.strip()
    sign = lex.sign.match(text) or re.match(r"^[-−]\s*", text)
    if sign and sign.end():
        inner = parse_number(text[sign.end() :], language)
        return -inner if inner is not None else None
    if re.match(r"[.,]\d", text):
        text = "0" + text  # ".08"
    digits = _DIGITS.match(text)
    if digits and digits.start() == 0:
        value = _parse_digits(digits["num"], lex)
        rest = text[digits.end() :]
        if value is None:
            return None
        if not rest.strip():
            return value
        scale = lex.scale_words.match(rest)
        if scale and not rest[scale.end() :].strip():
            return value * lex.scales[scale["scale"].lower()]
        letter = re.fullmatch(r"\s*(?P<scale>k|K|M|bn|b)", rest)
        if letter:
            return value * _PARSE_SCALE_VALUES[letter["scale"]]
        dozen = re.fullmatch(rf"\s*(?:{lex.dozen.pattern})", rest, re.IGNORECASE)
        if dozen:
            return value * 12
        return None
    dozens = re.fullmatch(rf"(?P<n>.+?)\s+(?:{lex.dozen.pattern})", text, re.IGNORECASE)
    if dozens:
        count = parse_number(dozens["n"], language)
        return count * 12 if count is not None else None
    if lex.word_numbers is not None and lex.word_numbers.fullmatch(text):
        return _parse_words(text, lex)
    return None


# --------------------------------------------------------------------------------------------
# units
# --------------------------------------------------------------------------------------------


def _match_unit(text: str, pos: int, lex: _Lex, *, allow_hyphen: bool = True) -> tuple[_Unit, int] | None:
    """The unit written at `pos` (after optional spaces or, English-style, a hyphen)."""
    gap = re.compile(rf"{_WS}*(?:-{_WS}*)?" if allow_hyphen else rf"{_WS}*").match(text, pos)
    start = gap.end() if gap else pos
    if start > pos and text[pos:start].strip() == "-" and not allow_hyphen:
        return None
    match = lex.units.match(text, start)
    if not match:
        return None
    unit = lex.unit_list[int(str(match.lastgroup)[1:])]
    # a hyphen joins measures and sums ("3-inch", "six-mile", "110bn-euro"), never percents
    if "-" in text[pos:start] and unit.measure == "ratio":
        return None
    end = match.end()
    if end < len(text) and (text[end].isalnum() or text[end] == "_") and text[end - 1].isalnum():
        return None
    if re.match(r"-\w", text[end : end + 2]) and unit.measure not in ("money", "ratio"):
        return None  # "L-202" is a name
    return unit, end


# --------------------------------------------------------------------------------------------
# what is not a quantity
# --------------------------------------------------------------------------------------------


def _blocked_spans(text: str, lex: _Lex, dates: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    spans = list(dates)
    # only the stretches around digits can hold a blocked number
    segments: list[tuple[int, int]] = []
    for match in re.finditer(r"\d+", text):
        start, end = max(0, match.start() - 60), min(len(text), match.end() + 60)
        if segments and start <= segments[-1][1]:
            segments[-1] = (segments[-1][0], end)
        else:
            segments.append((start, end))
    for pattern in (*_BLOCKED_SYMBOLS, *lex.clock, lex.identifiers):
        for seg_start, seg_end in segments:
            spans.extend(m.span() for m in pattern.finditer(text, seg_start, seg_end))
    return spans


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


# --------------------------------------------------------------------------------------------
# sentences and claimants
# --------------------------------------------------------------------------------------------


def _sentence_spans(text: str, sdoc: Doc | None) -> list[tuple[int, int]]:
    from recoupe.facts import nlp
    from recoupe.textutil import regex_sentences

    if sdoc is not None:
        return [(s.start, s.end) for s in nlp.sentences(sdoc)]
    return [(s.start, s.end) for s in regex_sentences(text)]


def _sentence_of(spans: Sequence[tuple[int, int]], pos: int, text: str) -> tuple[int, int]:
    for start, end in spans:
        if start <= pos < end:
            return start, end
    return 0, len(text)


# a claimant is a name or a short noun phrase; a longer subject is the sentence's topic
_CLAIMANT_MAX_WORDS = 12

# the dependencies that make a figure part of what a reporting verb says: a clause it introduces
# (every reporting verb), or, for a verb that puts a figure on something, its object ("annonce
# 7 500 places", "estimated the crowd at 70"); an adjunct ("a-t-elle souligné, deux jours après
# sa libération", "said Saturday after ...") is the writer's, not the speaker's
_SAID_CLAUSE = frozenset({"ccomp", "xcomp", "parataxis", "csubj"})
_SAID_OBJECT = frozenset({"obj", "dobj", "obl:arg", "iobj", "dative", "prep", "attr", "oprd"})
_SUBJECT = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj", "expl:subj"})
# parts of a subject that are not its name: relative clauses, participles, asides
_NOT_NAME = frozenset({"acl", "acl:relcl", "relcl", "advcl", "parataxis", "dep", "punct"})
# what may stand before a name's head: "la", "The Indian", "Tehran's", "Crédit"
_NAME_LEFT = frozenset({"det", "amod", "compound", "poss", "nmod:poss", "flat", "flat:name", "nmod"})
_NAME_ENTITIES = frozenset({"PER", "PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


def _words_of(who: str) -> list[str]:
    return [part for w in who.lower().split() for part in re.split(r"['’-]", w) if part]


def _clean_claimant(who: str, lex: _Lex) -> str | None:
    who = who.strip(" \t\n,;:-–—'\"«»“”")
    who = re.sub(r"\s+", " ", who)
    who = lex.time_around.sub("", who).strip()  # "hier soir la ministre", "La Tribune mercredi"
    # "Olivier Roubi a par ailleurs [indiqué]", "Christine Lagarde s'est [dite]": keep the name
    who = lex.auxiliaries.split(who)[0]
    if not who or re.search(r"\d", who):
        return None
    words = _words_of(who)
    # "t-elle" of "a-t-elle déclaré", "c" of "c'est", "lui" of "selon lui": nobody named
    if len(re.sub(r"\W", "", who)) < 2 or not words or any(w in lex.pronouns for w in words):
        return None
    if words[0] in lex.clause_openers:
        return None
    if words[-1] in lex.determiners or words[-1] in lex.stop:
        return None  # "NBC lost an [estimated]", "L'utilisation de": not a source's name
    return who


def _names_a_source(who: str, lex: _Lex, initial: bool = False) -> bool:
    """Whether a phrase names someone who can state a figure: a name (a capitalised word that
    is no determiner; the first word of a phrase opening its sentence is capitalised anyway, so
    it does not count when `initial`) or a role, person or body noun ("selon les chiffres
    annoncés", "selon de premières estimations", "Le roman", "Without": nobody)."""
    for n, word in enumerate(w for w in re.split(r"[\s'’]+", who) if w):
        folded = fold(word).strip(".,;:()")
        if not folded or folded in lex.determiners or folded in lex.stop:
            continue
        if _is_source_noun(folded, lex) or (word[:1].isupper() and not (initial and n == 0)):
            return True
    return False


def _is_source_noun(folded: str, lex: _Lex) -> bool:
    """A role, person or body noun, singular or plural, or a compound of one ("état-major",
    "vice-présidente")."""
    for word in (folded, *folded.split("-")):
        if word in lex.source_nouns or any(
            word.endswith(end) and word[: -len(end)] in lex.source_nouns for end in lex.plural_endings
        ):
            return True
        if lex.irregular_plurals and any(
            sing in lex.source_nouns for sing, plural in lex.irregular_plurals.items() if plural == word
        ):
            return True
    return False


def _claimant_from_patterns(sentence: str, number_offset: int, lex: _Lex) -> str | None:
    """The subject of a reporting verb: "L'Ukraine estime ...", "..., a déclaré X", "X said";
    used when there is no parse."""
    for match in lex.claim_subject.finditer(sentence):
        if match.start("who") < number_offset and not match.start("who") <= number_offset < match.end("who"):
            who = _clean_claimant(match["who"], lex)
            if who and _names_a_source(who, lex, initial=match.start("who") == 0):
                return who
    for match in lex.claim_inverted.finditer(sentence):
        who = _clean_claimant(match["who"], lex)
        if who and _names_a_source(who, lex):
            return who
    trailing = lex.claim_trailing.search(sentence)
    if trailing:
        who = _clean_claimant(trailing["who"], lex)
        return who if who and _names_a_source(who, lex) else None
    return None


def _claimant(text: str, sent: tuple[int, int], number_start: int, lex: _Lex, sdoc: Doc | None) -> str | None:
    """Who the sentence says gives the figure: "selon X" first, then the subject of the
    reporting verb that says it (from the parse when there is one). A pronoun ("selon lui",
    "a-t-elle dit") names nobody: no claimant rather than a wrong one."""
    sentence = text[sent[0] : sent[1]]
    span = sdoc.char_span(sent[0], sent[1], alignment_mode="expand") if sdoc is not None else None
    for match in lex.according_to.finditer(sentence):
        if any(w in lex.pronouns for w in _words_of(match["who"])[:1]):
            return None  # "Selon lui, ...": the source is a person named in another sentence
        if span is not None:
            # the noun the parse hangs on "selon": "selon Le Monde d'importants bonus de 68 000
            # euros" is Le Monde, "selon un sondage Sofres de 2007 sur les religions" a poll
            head = _according_to_noun(span, sent[0] + match.start("who"))
            who = _subject_name(head, lex) if head is not None else None
        else:
            who = _clean_claimant(match["who"], lex)
            who = who if who and _names_a_source(who, lex) else None
        if who:
            return who
    if span is not None:
        return _claimant_from_parse(span, number_start, lex)
    return _claimant_from_patterns(sentence, number_start - sent[0], lex)


def _according_to_noun(sent: Span, start: int) -> Token | None:
    """The noun opening at `start` (right after "selon", "according to"), climbed to the head
    of its phrase ("un sondage Sofres": sondage)."""
    token = next((t for t in sent if t.idx >= start and t.pos_ in ("NOUN", "PROPN", "PRON")), None)
    while token is not None and token.dep_ in (
        "flat",
        "flat:name",
        "compound",
        "appos",
        "amod",
        "nmod",
        "poss",
    ):
        if token.head.pos_ not in ("NOUN", "PROPN") or token.head.i < sent.start or token.head.idx < start:
            break
        token = token.head
    return token


def _claimant_from_parse(sent: Span, number_start: int, lex: _Lex) -> str | None:
    """The subject of the reporting verb that says the figure: the nearest one above it in the
    parse through a clause it introduces (or its object, for a verb that puts a figure on
    something), or an incise after it ("« … 0,4 % … », a affirmé Serge Huber", "…, police
    said") or between commas ("In fact, Howard said, the nine jurors…"). A figure in the
    subject or an adjunct of a reporting verb ("a-t-elle souligné, deux jours après") is left
    to an outer one. The first verb that says the figure decides: a pronoun gives no claimant."""
    figure = next((t for t in sent if t.idx <= number_start < t.idx + len(t.text)), None)
    if figure is None:
        return None
    ancestors = [figure]
    while ancestors[-1].head.i != ancestors[-1].i and sent.start <= ancestors[-1].head.i < sent.end:
        ancestors.append(ancestors[-1].head)
    for n, (below, verb) in enumerate(itertools.pairwise(ancestors)):
        if not _reports(verb, lex):
            continue
        if any(c.dep_ == "mark" and fold(c.text) in lex.conditional for c in verb.children):
            return None  # "Si les sondages me disent que Le Pen va faire 10 %": nobody says it
        start = _incise_start(verb, sent)
        if start is not None and figure.i < start:
            return _incise_claimant(verb, start, lex)
        if not _says(verb, below, ancestors[:n], lex):
            continue
        subject = _reporting_subject(verb)
        if subject is None:
            continue  # a participle or a passive ("Damage was estimated at …, authorities said")
        return _subject_name(subject, lex)
    # an incise hanging on the clause of the figure
    on_path = {t.i for t in ancestors}
    # "comme l'indique le communiqué du groupe, cette perte …", "…, as officials said"
    for verb in sent:
        if (
            verb.head.i in on_path
            and verb.i not in on_path
            and _reports(verb, lex)
            and lex.figure_verbs.fullmatch(verb.lower_)  # "as Brand later called it" names, states nothing
            and any(c.dep_ == "mark" and fold(c.text) in lex.as_reported for c in verb.children)
        ):
            named = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
            if not named and any(c.pos_ == "PRON" and c.i < verb.i for c in verb.children):
                # "comme l'indique le communiqué": the clitic is the object, the subject follows
                named = [c for c in verb.rights if c.dep_ in ("obj", "dobj") and c.pos_ in ("NOUN", "PROPN")]
            return _subject_name(named[0], lex) if named else None
    top = ancestors[-1]
    for verb in sent:
        # the parser may leave the quote and its incise as two trees of one sentence: the
        # figure's whole tree before the incise ("« Il y a une centaine d'agences fermées », a
        # affirmé Catherine Vinet-Larie")
        apart = verb.head.i == verb.i and top.head.i == top.i and top.i != verb.i
        if (
            not (apart or (verb.head.i in on_path and verb.head.i != verb.i))
            or verb.i in on_path
            or not _reports(verb, lex)
        ):
            continue
        start = _incise_start(verb, sent)
        if start is None or (apart and top.right_edge.i >= start):
            continue
        right = verb.right_edge.i + 1
        between_commas = right < sent.end and verb.doc[right].text == "," and verb.doc[start - 1].text == ","
        if figure.i < start or (between_commas and figure.i > right):
            return _incise_claimant(verb, start, lex)
    return None


def _says(verb: Token, below: Token, path: list[Token], lex: _Lex) -> bool:
    """Whether `below` (the child of `verb` on the way up from the figure) is what the verb
    says: a clause it introduces, or the object of a verb that puts a figure on something
    ("annonce 7 500 places", "estimated the crowd at 70"; a preposition of measures.toml's
    object_prepositions). A completive clause the parser hung on the verb's adjunct ("précise
    dans un communiqué que …") is still said."""
    if below.dep_ in _SAID_CLAUSE:
        return True
    if below.dep_ in _SAID_OBJECT and below.i > verb.i and lex.figure_verbs.fullmatch(verb.lower_):
        if below.dep_ in ("obj", "dobj", "iobj", "dative", "attr", "oprd"):
            return True
        preposition = (
            below if below.dep_ == "prep" else next((c for c in below.children if c.dep_ == "case"), None)
        )
        if preposition is not None and fold(preposition.text) in lex.object_prepositions:
            return True
    # "précise dans un communiqué que « … 143 millions … »", "a estimé sur la radio RMC que …"
    return (
        below.pos_ in ("NOUN", "PROPN")
        and below.i > verb.i
        and any(t.head.i == below.i and t.dep_.startswith("acl") and _completive(t) for t in path)
    )


def _completive(clause: Token) -> bool:
    """A clause opened by a bare subordinating conjunction ("que", "that", which parsers tag as a
    mark), not by a relative pronoun nor a compound conjunction ("alors que")."""
    return any(c.dep_ == "mark" and not list(c.children) for c in clause.lefts)


def _incise_start(verb: Token, sent: Span) -> int | None:
    """Where the incise of a reporting verb begins (its auxiliary, clitics, adverbs, a subject
    before it), when it follows a comma, a quote or a dash: "…, a-t-elle dit", "« … », affirme
    X", "…, police said". A verb with a subject before it and a clause or object after it
    ("Agée de 34 ans, la jeune femme a affirmé ne pas …") is no incise."""
    doc = verb.doc
    lefts = {c.i: c for c in verb.lefts}
    first, j, preposed = verb.i, verb.i - 1, False
    while j >= sent.start:
        token = doc[j]
        if j in lefts and _incise_part(token):
            first, j = j, j - 1
            continue
        subject = next(
            (c for c in lefts.values() if c.dep_ in ("nsubj", "nsubj:pass") and c.right_edge.i == j), None
        )
        if subject is not None and not any(t.is_punct and t.text == "," for t in subject.subtree):
            first, j, preposed = subject.left_edge.i, subject.left_edge.i - 1, True
            continue
        break
    if first <= sent.start:
        return None
    before = doc[first - 1]
    if not before.is_punct or before.is_bracket or before.text in ".;:!?":
        return None
    if preposed and any(c.dep_ in ("ccomp", "xcomp", "obj", "dobj", "parataxis") for c in verb.rights):
        return None
    return first


def _incise_claimant(verb: Token, start: int, lex: _Lex) -> str | None:
    """The subject of an incise: its subject after the comma (not one the parser took from the
    quote before it), else, when no noun before the comma is its subject, the first bare noun
    after the verb, which parsers often take for an object ("a déclaré à l'AFP l'avocate du
    trader": not "AFP", which has a preposition; but "Chela Ortiz, who …, told Orozco": Orozco
    is told)."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "expl:subj") and child.i >= start:
            return _subject_name(child, lex)
    # a noun before the comma the parser made its subject: an incise only when the verb ends its
    # sentence ("…, a indiqué à l'AFP une source proche du dossier."), not "told Orozco …, « … »"
    preposed = any(c.dep_ == "nsubj" and c.pos_ != "PRON" and c.i < start for c in verb.children)
    sentence_end = verb.sent.end if verb.doc.has_annotation("SENT_START") else len(verb.doc)
    if preposed and any(not t.is_punct for t in verb.doc[verb.right_edge.i + 1 : sentence_end]):
        return None
    if preposed and any(c.dep_ in _SAID_CLAUSE or c.dep_ in ("advcl", "dep") for c in verb.rights):
        return None
    for child in verb.rights:
        if (
            child.dep_ in ("obj", "dobj", "appos", "dep", "iobj")
            and child.pos_ in ("NOUN", "PROPN")
            and not any(c.dep_ == "case" for c in child.children)
        ):
            return _subject_name(child, lex)
    return None


def _reports(token: Token, lex: _Lex) -> bool:
    return token.pos_ in ("VERB", "AUX") and bool(lex.report_form.fullmatch(token.lower_))


def _incise_part(token: Token) -> bool:
    """What may stand between an incise's comma and its verb: an auxiliary, a clitic subject
    ("a-t-elle"), an object clitic ("nous précise"), an adverb ("…, police also said")."""
    dep = token.dep_
    if dep.startswith(("aux", "expl")) or (dep.startswith("nsubj") and token.pos_ == "PRON"):
        return True
    return (dep == "advmod" and token.pos_ == "ADV") or (dep in ("obj", "iobj") and token.pos_ == "PRON")


def _reporting_subject(verb: Token) -> Token | None:
    """The active subject of a reporting verb, or that of the verb it completes ("La banque
    vient d'annoncer"); a passive's subject is what is said ("Damage was estimated")."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "expl:subj"):
            return child
    if any(c.dep_ in ("nsubj:pass", "nsubjpass", "aux:pass", "auxpass") for c in verb.children):
        return None
    # "vient d'annoncer": the subject of "vient"; not in "obligeant les responsables à signaler",
    # where the object does the reporting
    if (
        verb.dep_ == "xcomp"
        and verb.head.i != verb.i
        and not any(c.dep_ in ("obj", "dobj") for c in verb.head.children)
    ):
        for child in verb.head.children:
            if child.dep_ == "nsubj":
                return child
    return None


def _relative_antecedent(subject: Token) -> Token:
    """A relative pronoun's noun, the one its clause hangs on ("L'Afub, qui estime à 30 000 le
    nombre de ménages"); any other subject as it is."""
    clause = subject.head
    relative = (subject.pos_ == "PRON" and subject.tag_ in ("WP", "WDT")) or "PronType=Rel" in str(
        subject.morph
    )
    if relative and clause.dep_ in ("acl:relcl", "relcl") and clause.head.pos_ in ("NOUN", "PROPN"):
        return clause.head
    return subject


def _subject_name(subject: Token, lex: _Lex) -> str | None:
    """The name a subject gives: its head with determiners, complements and appositions, without
    relative clauses or asides ("Marie de Hennezel, qui ne prend pas de gants"), never a pronoun
    alone, and only a phrase that names a person, a body or a document."""
    subject = _relative_antecedent(subject)
    if subject.pos_ == "PRON" or subject.text.startswith("-") or fold(subject.text) in lex.nobody:
        return None  # "a-t-il dit", "personne ne peut affirmer à 100 %"
    kept: set[int] = set()
    stack = [subject]
    while stack:
        token = stack.pop()
        kept.add(token.i)
        # not the "selon" or "by" the name hangs on, nor a clause or aside
        stack.extend(
            c
            for c in token.children
            if c.dep_ not in _NOT_NAME
            and not (token is subject and c.dep_ in ("case", "mark", "cc"))
            and not (token is subject and c.i < subject.i and c.dep_ not in _NAME_LEFT)
        )
    doc = subject.doc
    start = min(kept)
    end = subject.i
    i = subject.i + 1
    while i < len(doc):
        if i in kept:
            end = i
        elif (
            i < len(doc) - 1 and doc[i].text in "-‑" and not doc[i - 1].whitespace_ and not doc[i].whitespace_
        ):
            # a compound the tokenizer split: "l'état-major ukrainien"
            kept.update(t.i for t in doc[i + 1].subtree if t.i > i and t.dep_ not in _NOT_NAME)
        elif (
            doc[i].is_punct
            and doc[i].text == ","
            and i + 1 in kept
            and doc[i + 1].dep_ in ("appos", "flat:name", "flat")
            and subject.pos_ != "PROPN"
        ):
            pass  # "le gouverneur de la Banque de France, Christian Noyer"; a name needs no ", délégué CGT"
        elif not (doc[i].is_space or (doc[i].is_punct and i + 1 in kept and doc[i].text not in ",;:")):
            break
        i += 1
    if doc[start : end + 1].text.count("(") > doc[start : end + 1].text.count(")") and end + 1 < len(doc):
        end += doc[end + 1].text == ")"  # "la Ligue des droits de l'Homme (LDH)"
    if sum(t.is_alpha for t in doc[start : end + 1]) > _CLAIMANT_MAX_WORDS:
        return None
    who = _clean_claimant(doc[start : end + 1].text, lex)
    if who is None:
        return None
    named = subject.pos_ == "PROPN" or subject.ent_type_ in _NAME_ENTITIES or subject.text.isupper()
    named = named or any(
        t.pos_ == "PROPN"
        and t.i in kept
        and t.dep_ in ("flat", "flat:name", "compound", "poss", "appos", "nmod", "amod")
        for t in doc[start : end + 1]
    )
    if not named and not _is_source_noun(fold(subject.text), lex):
        return None
    return who


# --------------------------------------------------------------------------------------------
# the noun a number counts
# --------------------------------------------------------------------------------------------


def _looks_plural(word: str, lex: _Lex) -> bool:
    low = word.lower()
    if low in lex.invariable_plurals:
        return True
    if lex.code == "en":
        return low.endswith("s") and not low.endswith(("ss", "ous"))
    return low.endswith(lex.plural_endings)


def _normalize_count_noun(word: str, lex: _Lex) -> str:
    low = word.lower().replace("’", "'")
    if low in lex.irregular_plurals:
        return lex.irregular_plurals[low]
    if low in lex.invariable_plurals or low.endswith(lex.plural_endings):
        return low
    return low + lex.plural_endings[0]


def _words_after(text: str, pos: int, limit: int) -> list[tuple[int, int, str]]:
    """Up to `limit` words right after `pos` (after a space: "1482x6388" has none), stopping at
    punctuation or at a word with a digit."""
    out: list[tuple[int, int, str]] = []
    cursor = pos
    while len(out) < limit:
        gap = re.compile(rf"{_WS}*").match(text, cursor)
        start = gap.end() if gap else cursor
        match = _WORD.match(text, start)
        glued = start == cursor and (bool(out) or (cursor > 0 and text[cursor - 1].isalnum()))
        if not match or glued:
            break
        # a word with a digit ends the words, but a model code is a modifier before more words:
        # "seven AK-47 assault rifles"
        if re.search(r"\d", match.group(0)) and (
            not _MODEL_CODE.fullmatch(match.group(0)) or not _WORD.match(text, match.end() + 1)
        ):
            break
        word = match.group(0).rstrip("'’-")
        # a hyphen spaced out by tokenized text (ECB+) joins one word: "two co - workers"
        spaced = _SPACED_HYPHEN.match(text, match.start() + len(word))
        if spaced and word.islower():
            word = text[match.start() : spaced.end()].rstrip("'’-")
        out.append((match.start(), match.start() + len(word), word))
        cursor = match.start() + len(word)
    return out


def _count_noun(text: str, pos: int, lex: _Lex) -> tuple[str, str, int] | None:
    """(head noun, noun phrase, end) of the noun right after `pos`, from word shapes."""
    if lex.adjectives_after_noun:
        return _count_noun_head_first(text, pos, lex)
    return _count_noun_head_last(text, pos, lex)


def _count_noun_head_first(text: str, pos: int, lex: _Lex) -> tuple[str, str, int] | None:
    words = _words_after(text, pos, 5)
    if not words:
        return None
    i = 0
    if words[0][2].lower() in lex.prenominal and len(words) > 1:
        i = 1
    _, end, head = words[i]
    low = head.lower()
    if low in lex.stop or low.split("'")[0] in lex.stop or "'" in low or len(head) < 2:
        return None
    if head.isupper() and len(head) <= 4 and fold(head) not in lex.count_abbreviations:
        return None  # acronyms after a number are names or units we do not know ("5 G", "3 D")
    subject_end = end
    plural_head = low.endswith(lex.plural_endings)
    for _, e, word in words[i + 1 : i + 3]:
        if word.lower() in lex.stop or not (
            ("-" in word and word[0].islower()) or lex.adjective_end.search(word)
        ):
            break
        if plural_head and "-" not in word and not word.endswith(lex.plural_endings):
            break  # an adjective agrees with its plural noun: "points concernant" is a clause
        if lex.participle_end.search(word) and "-" not in word:
            break  # a participle ("déployés", "tués") begins a new clause
        subject_end = e
    first = words[0][0]
    return head, text[first:subject_end], end


def _count_noun_head_last(text: str, pos: int, lex: _Lex) -> tuple[str, str, int] | None:
    words = _words_after(text, pos, 4)
    chosen: list[tuple[int, int, str]] = []
    for s, e, word in words:
        low = word.lower()
        if low in lex.stop or (lex.participle_end.search(low) and chosen) or "'" in low:
            break
        chosen.append((s, e, word))
        if low in lex.invariable_plurals or (
            low.endswith("s") and len(low) > 3 and not low.endswith(("ss", "ous", "ics"))
        ):
            break
    if not chosen:
        return None
    head = chosen[-1][2]
    low = head.lower()
    if not _looks_plural(low, lex) and len(chosen) > 1:
        return None
    if lex.participle_end.search(low) or (
        head.isupper() and len(head) <= 4 and fold(head) not in lex.count_abbreviations
    ):
        return None
    return head, text[chosen[0][0] : chosen[-1][1]], chosen[-1][1]


# concepts whose word stands for people counted, whatever its part of speech ("the 80 wounded")
_TOLL_CONCEPTS = frozenset({"dead", "injured", "missing", "evacuated", "arrested"})


def _toll_word_after(text: str, pos: int, lex: _Lex) -> tuple[str, str, int] | None:
    """A toll written as an adjective or participle right after its number: "30 of the 80
    wounded", "10 dead", "3 injured"."""
    words = _words_after(text, pos, 1)
    if not words:
        return None
    _, end, word = words[0]
    if measure_concepts(word, lex.code) & _TOLL_CONCEPTS:
        return word, word, end
    return None


def _count_noun_from_parse(
    sdoc: Doc, text: str, start: int, end: int, lex: _Lex
) -> tuple[str, str, int] | None:
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    head: Token | None = None
    for token in span:
        if token.dep_ == "nummod" and token.head.pos_ in ("NOUN", "PROPN") and token.head.i >= span.end:
            head = token.head
            if (
                head.dep_ == "compound"
                and head.head.pos_ == "NOUN"
                and head.head.i == head.i + 1
                and _looks_plural(head.head.text, lex)
                and not _looks_plural(head.text, lex)
            ):
                head = head.head  # "the 3 bank employees": the compound's head is counted
            if not _looks_plural(head.text, lex):
                following = sdoc[head.i + 1] if head.i + 1 < len(sdoc) else None
                if (
                    head.ent_type_ in ("NORP", "MISC")
                    and following is not None
                    and following.is_alpha
                    and following.is_lower
                    and _looks_plural(following.text, lex)
                ):
                    # "capturing 26 Somani brigands": the parser counts the nationality, a
                    # plural word after it is what is counted (ECB+ 12_4ecbplus)
                    return (
                        following.text,
                        f"{head.text} {following.text}",
                        following.idx + len(following.text),
                    )
                # "12 Somali and 11 Yemeni nationals": two counts share the plural noun
                shared = next(
                    (
                        c
                        for c in head.children
                        if c.dep_ == "conj"
                        and c.pos_ == "NOUN"
                        and _looks_plural(c.text, lex)
                        and any(g.dep_ == "nummod" for g in c.children)
                    ),
                    None,
                )
                if shared is not None:
                    return shared.text, f"{head.text} {shared.text}", head.idx + len(head.text)
            break
    if head is None:
        after = [t for t in sdoc[span.end : span.end + 5]]
        # a partitive reaches further, past a possessive and a degree adverb: "two of my closest
        # friends" (ECB+ 22_1ecbplus), "deux de ses plus proches collaborateurs"
        partitive = bool(after) and after[0].lower_ in lex.of_prepositions
        for k, token in enumerate(after):
            if k == 3 and not partitive:
                break
            if token.pos_ in ("NOUN", "PROPN") and not token.is_stop:
                head = token
                break
            modifier = partitive and ("Yes" in token.morph.get("Poss", []) or token.pos_ == "ADV")
            if (token.pos_ not in ("ADJ", "ADP", "DET") and not modifier) or token.is_punct:
                break
    if head is None or head.idx < end:
        return None
    first = head
    for child in head.lefts:
        if child.dep_ in ("amod", "compound", "nmod") and child.i > span.end - 1:
            first = child if child.i < first.i else first
    last = head
    for child in head.rights:
        if child.dep_ in ("amod", "flat", "flat:name", "compound") and child.i == last.i + 1:
            last = child
        elif fold(child.text) in lex.relative_words:
            break  # "9 recommandations mercredi": the day is when, not which
        elif (child.dep_ in ("nmod", "prep") and child.i == last.i + 1) or (
            child.dep_ == "nmod" and child.i == last.i + 2 and sdoc[last.i + 1].dep_ == "case"
        ):
            # "suppressions d'emplois", "members of staff": the complement says which
            if child.dep_ == "prep":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if not objects or objects[0].i > child.i + 2:
                    break
                last = objects[0]
            else:
                last = child
            break
        else:
            break
    # `text` is sdoc's text, passed in: Doc.text rebuilds the whole string on each access
    return head.text, text[first.idx : last.idx + len(last.text)], head.idx + len(head.text)


# --------------------------------------------------------------------------------------------
# what an amount, share or length measures
# --------------------------------------------------------------------------------------------


def _numbered_noun(text: str, sent_start: int, start: int, lex: _Lex) -> str | None:
    """The noun phrase a number counts through `numbering_words` before it: "le défilé des
    délégations sportives engagées, au nombre de 104" (RPM2 T06_C1_09), "the delegations ,
    numbering 104 ,"."""
    numbering = lex.numbering_before.search(text, sent_start, start)
    if not numbering:
        return None
    phrase = _noun_phrase_tail(text[sent_start : numbering.start()].rstrip(" ,"), lex)
    if not phrase or not re.match(r"[^\W\d_]", phrase):
        return None
    return phrase


def _noun_phrase_tail(words_text: str, lex: _Lex) -> str | None:
    """The noun phrase that ends `words_text`, back to its determiner ("ont fourni des armes et
    des équipements" -> "armes et des équipements")."""
    words = words_text.split()
    phrase_stops = lex.stop - lex.joiners
    i = len(words) - 1
    while i >= 0:
        low = words[i].lower()
        if low in lex.determiners:
            if i > 0 and words[i - 1].lower() in lex.conjunctions:
                i -= 2
                continue
            break
        if low in phrase_stops:
            break  # a pronoun, auxiliary or adverb before the noun phrase
        i -= 1
    phrase = " ".join(words[i + 1 :])
    return phrase or None


def _share_subject(text: str, end: int, lex: _Lex) -> str | None:
    """What a percentage is a share of: "40% des PME innovantes" -> "PME innovantes"."""
    match = lex.share_of.match(text, end)
    if not match:
        return None
    kept: list[str] = []
    for i, word in enumerate(match["what"].split()):
        if word.lower() in lex.stop or (i == 0 and word.lower() in lex.determiners):
            if kept:
                break
            continue
        if kept and re.search(r"(?:ent|ont|ait|aient|ed)$", word) and not word.endswith("ment"):
            break  # a verb: "40% des PME innovantes subissent ..."
        kept.append(word)
        if len(kept) == 2:
            break
    return " ".join(kept) or None


def _measure_before(text: str, start: int, lex: _Lex) -> re.Match[str] | None:
    return lex.measure_before.search(text, max(0, start - 60), start)


def _money_subject(text: str, start: int, end: int, lex: _Lex) -> str | None:
    """What a sum pays for: "275 millions de dollars d'aide" -> "aide"; "d'un montant de X" ->
    the noun phrase before; "une perte de 751 millions" -> "perte"."""
    measure = _measure_before(text, start, lex)
    if measure:
        owner = lex.owner_before.search(text, max(0, measure.start() - 80), measure.start())
        if owner:
            phrase = _noun_phrase_tail(owner["owner"], lex)
            if phrase:
                return phrase
        return (
            text[measure.start("noun") : measure.end("noun")].split()[0].lower()
            if " " not in measure["noun"]
            else measure["noun"].lower()
        )
    joiners = _escaped(sorted(lex.joiners - lex.conjunctions)) or "of"
    after = re.match(
        rf"^\s+(?:d['’]|(?:{joiners})\s+)(?!(?:{_escaped(lex.determiners) or 'x'})\b|l['’]|\d)(?P<what>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)",
        text[end : end + 60],
        re.IGNORECASE,
    )
    if after:
        what = after["what"]
        words = [w for w in what.split() if w.lower() not in lex.stop]
        if words and not _YEAR.fullmatch(words[0]) and not re.search(r"['’]s$", what.split()[0]):
            first = what.split()[0]
            if first.lower() not in lex.stop:
                return what if len(words) == len(what.split()) else first
    noun_before = re.search(
        # 'victime d'une "fraude", de 4,9 milliards' (RPM2 T07_C1_07): a quote and comma may part them
        rf"(?P<noun>(?:[^\W\d_][\w'’-]*\s+)?[^\W\d_][\w'’-]{{2,}})(?:[\"»”]\s*,?|\s*,)?\s+(?:{lex.of_words})\s*$",
        text[max(0, start - 50) : start],
    )
    if noun_before:
        words = [
            w
            for w in noun_before["noun"].split()
            if w.lower() not in lex.stop and w.lower() not in lex.determiners
        ]
        if words:
            return " ".join(words).lower()
    return None


def _money_complement(text: str, end: int, lex: _Lex) -> str | None:
    """The noun right after a sum and "de"/"of"/"in": "45 000 euros d'amende" -> "amende"."""
    after = re.match(
        rf"^\s+{lex.of_then}(?!(?:{_escaped(lex.determiners) or 'x'})\b|l['’]|\d)(?P<what>[^\W\d_][\w'’-]*)",
        text[end : end + 40],
        re.IGNORECASE,
    )
    if not after:
        return None
    word = after["what"]
    if word.lower() in lex.stop or _YEAR.fullmatch(word) or re.search(r"['’]s$", word) or word[0].isupper():
        return None
    return word


_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"


def _money_holder(text: str, start: int, end: int, lex: _Lex) -> str | None:
    """The person or body a sum is said of when nothing else names it: a possessive name before
    it ("Alex Rodriguez's $27.5MM per year"), or the first name of a relative clause after it
    ("the $21 million that left - hander CC Sabathia is close to finalizing"); ECB+ 10_ecbplus."""
    owner = re.search(rf"(?P<name>{_NAME})\s?['’]s\s*$", text[max(0, start - 60) : start])
    if owner:
        return owner["name"]
    if not lex.relative_words_after_sum:
        return None
    clause = re.match(
        rf"\s+(?:{_escaped(lex.relative_words_after_sum)})(?:(?<=['’])|(?![\w]))\s*(?P<clause>[^,.;:!?()]{{3,80}})",
        text[end : end + 100],
        re.IGNORECASE,
    )
    if not clause:
        return None
    name = re.search(rf"(?<![\w'’])(?P<name>{_NAME})", clause["clause"])
    return name["name"] if name else None


def _purpose_noun(text: str, end: int, lex: _Lex, sdoc: Doc | None) -> str | None:
    """The noun a sum is paid for or a share is taken for, after `purpose_prepositions` and a
    determiner: "91.000 euros pour leurs frais de justice" -> "frais de justice", "$2 million for
    the repairs", "dont près de 40% pour la douche". The word must be a noun by the parse when
    there is one ("below $1 . 29 for the first time" is no purpose)."""
    if not lex.purpose_prepositions:
        return None
    after = re.match(
        rf"^\s+(?:{_escaped(lex.purpose_prepositions)})\s+(?:(?:{_escaped(lex.determiners) or 'x'})\s+|l['’])"
        rf"(?P<what>[^\W\d_][\w'’-]*(?:\s+(?:{lex.of_words})\s+[^\W\d_][\w'’-]*)?)",
        text[end : end + 60],
        re.IGNORECASE,
    )
    if not after or after["what"].split()[0].lower() in lex.stop or after["what"][0].isupper():
        return None
    if sdoc is not None:
        head = sdoc.char_span(
            end + after.start("what"), end + after.start("what") + 1, alignment_mode="expand"
        )
        if head is None or not len(head) or head[0].pos_ not in ("NOUN", "PROPN"):
            return None
    words = after["what"].split()
    if words[-1].lower() in lex.stop or words[-1].lower() in lex.determiners:
        return words[0]  # "the repairs of the bridge": the head alone
    return after["what"]


def _length_subject(text: str, sent_start: int, start: int, end: int, lex: _Lex) -> str | None:
    before = text[sent_start:start]
    measure = lex.measure_before.search(before)
    if measure:
        return measure["noun"].lower()
    if lex.distance_after.match(text[end : end + 20]):
        return lex.range_word or None
    if lex.distance_from.match(text[end : end + 40]):
        return lex.distance_word or None  # "30 miles south of Portland": a distance
    if lex.distance_direction.match(text[end : end + 40]):
        return lex.distance_word or None  # "25 miles northwest of where he escaped"
    reach = lex.reach_verb.search(before)
    # a reach is a range only when said of something that reaches or as a capability: "des
    # missiles qui peuvent atteindre une cible à 300 km", not "les bouchons ont atteint 300 km"
    if reach and (lex.reach_thing.search(before) or lex.capability.search(before[: reach.start()])):
        return lex.range_word or None
    return None


def _phrase(tokens: Sequence[Token], text: str) -> str:
    kept = [t for t in tokens if t.pos_ not in ("DET", "PUNCT") and not t.like_num]
    while kept and kept[0].pos_ in ("ADP", "CCONJ"):
        kept = kept[1:]
    while kept and kept[-1].pos_ in ("ADP", "CCONJ"):
        kept = kept[:-1]
    if not kept:
        return ""
    return text[kept[0].idx : kept[-1].idx + len(kept[-1].text)]


# prepositions whose complement completes a measure noun, in every language ("rise in sales")
_COMPLEMENT_PREPOSITIONS = frozenset(
    fold(w) for code in lang_data.languages() for w in lang_data.words(code, "function_words", "joiners")
)


def _noun_with_complement(noun: Token, text: str, skip: frozenset[int]) -> str:
    """A noun with its adjectives, compounds and one "de"/"of"/"in" complement: "chiffre
    d'affaires", "net income", "rise in sales", "capitalisation boursière"."""
    tokens = [noun]
    for child in noun.children:
        if child.i in skip:
            continue
        if child.dep_ in ("amod", "compound", "flat", "fixed") and abs(child.i - noun.i) <= 2:
            tokens.append(child)
        elif child.dep_ == "nmod" and child.i > noun.i and child.i - noun.i <= 3:
            tokens.extend(t for t in child.subtree if t.i - noun.i <= 4 and t.i not in skip)
        elif child.dep_ == "prep" and child.i == noun.i + 1 and fold(child.text) in _COMPLEMENT_PREPOSITIONS:
            objects = [c for c in child.children if c.dep_ == "pobj" and c.i not in skip]
            if objects:
                tokens.extend(
                    [child, *[t for t in objects[0].subtree if t.i - noun.i <= 4 and t.i not in skip]]
                )
    tokens.sort(key=lambda t: t.i)
    return _phrase(tokens, text)


def _is_of_case(token: Token, lex: _Lex) -> bool:
    """A "de"/"d'"/"of"/"in"-style preposition: the complement it opens says what is measured."""
    return fold(token.text).rstrip("'’") in lex.of_prepositions


# the concepts of a change (lang/<code>/measures.toml [concepts]), said of their verb's subject
_CHANGE_CONCEPTS = frozenset({"increase", "decrease"})


def _subject_from_parse(
    sdoc: Doc, text: str, number_start: int, end: int, lex: _Lex, *, share: bool = False
) -> tuple[str | None, str | None]:
    """(subject, predicate) of an amount, share or measure from the dependency tree:
    1. a "de"/"of" complement of the figure itself ("40 % des PME", "4,9 milliards d'euros de
       positions");
    2. the noun the figure is the complement of ("un chiffre d'affaires de 41,2 milliards",
       "net income of $21.4 billion", "a 4% rise in sales", "le chômage à 7,4 %");
    3. the verb it completes: the verb itself when it names a measure ("a fait perdre 5
       milliards": a loss), else the verb's subject ("le chômage s'établit à 7,4 %"), never the
       source of a reporting verb ("un audit l'estimait à 695 millions").
    A name (PROPN) is whom the figure is about, not what it measures: it is no subject here."""
    span = sdoc.char_span(number_start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None, None
    inside = frozenset(t.i for t in span)
    top = next((t for t in span if t.head.i not in inside or t.head.i == t.i), span.root)
    for token in span:
        if token.pos_ != "NOUN" or not any(c.dep_ == "cop" for c in token.children):
            continue
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubj:pass") and child.pos_ == "NOUN" and child.i < token.i:
                # "le taux de progression annuel serait de 7 %", "l'inflation attendue est
                # autour de 2 %": the figure is the predicate of its copula's subject
                return _noun_with_complement(child, text, inside) or None, None
    for token in span:
        for child in token.children:
            if child.i in inside or child.i < top.i:
                continue
            if (
                child.dep_ == "nmod"
                and child.pos_ in ("NOUN", "PROPN")
                and any(c.dep_ == "case" and _is_of_case(c, lex) for c in child.children)
                and not _is_denominator(child, lex)
            ):
                return _noun_with_complement(child, text, inside) or None, None
            if child.dep_ == "prep" and (
                _is_of_case(child, lex)
                or (share and top.head.pos_ != "NOUN" and fold(child.text) in lex.share_prepositions)
            ):
                # a share "on" what it is taken from, when no noun governs it ("5% on the backend";
                # but "la taxe de 75 % sur leur salaire" is the tax's)
                target = next((c for c in child.children if c.dep_ == "pobj"), None)
                if (
                    target is not None
                    and target.pos_ in ("NOUN", "PROPN")
                    and not _is_denominator(target, lex)
                ):
                    return _noun_with_complement(target, text, inside) or None, None
            if child.dep_ in ("nsubj", "nsubj:pass") and child.pos_ == "NOUN" and token is top:
                # "l'inflation attendue est autour de 2 %": the figure is the predicate
                return _noun_with_complement(child, text, inside) or None, None
    if top.dep_ == "conj":
        return None, None  # "50 % de X et 50 % de Y": the second figure's head is the first
    head = top.head
    # "below $1.29": a qualifier that is a preposition is read with the figure
    preposition = fold(top.text) if top.pos_ == "ADP" else _preposition_of(top)
    if head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head  # English: "net income of $21.4 billion"
    if head.i in inside:
        return None, None
    for _ in range(2):
        if not (head.pos_ == "NOUN" and fold(head.text) in lex.transparent_nouns and head.head.i != head.i):
            break
        # "offers were in the $140 million to $160 million range", "des positions à hauteur de
        # 50 milliards": the container names no measure; what governs it does
        preposition = _preposition_of(head)
        head = head.head
        if head.pos_ == "ADP" and head.head.i != head.i:
            head = head.head
    for _ in range(2):
        outer = head.head.head if head.head.pos_ == "ADP" and head.dep_ == "pobj" else head.head
        if (
            head.pos_ in ("NOUN", "PROPN")
            and head.dep_ in ("nmod", "pobj")
            and outer.pos_ == "NOUN"
            and outer.i < head.i
            and measure_concepts(outer.text, lex.code)
            and not measure_concepts(head.text, lex.code)
        ):
            head = outer  # "une perte de trading de 751 millions": the loss, not the trading
        else:
            break
    while (
        head.pos_ == "NOUN"
        and head.dep_ == "nmod"
        and head.head.pos_ == "NOUN"
        and head.head.i < head.i
        and not any(c.dep_ == "case" for c in head.children)
    ):
        head = head.head  # "crédit d'impôt compétitivité-emploi de 20 milliards": the compound's head
    if (
        head.pos_ in ("NOUN", "PROPN")
        and head.dep_ in ("obl", "obl:arg", "obl:agent", "obl:mod")
        and top.dep_ == "nmod"
        and preposition in lex.object_prepositions
        and preposition not in lex.of_prepositions  # "frappée d'une amende de 4 millions": the fine's
        and _passive_subject(head.head) is not None
    ):
        # "le chapeau vient d'être adjugé à Fontainebleau pour 1,8 million", "le coût est estimé
        # par une commission à 100 milliards": the parser hung the sum on the verb's place or
        # agent; it completes the passive verb
        head = head.head
    if head.pos_ == "NOUN":
        governor = head.head
        if (
            head.dep_ not in ("obj", "dobj", "nsubj")
            and governor.pos_ == "VERB"
            and measure_concepts(governor.text, lex.code)
        ):
            # "a fait perdre à la banque 5 milliards": the verb, not whom it happened to
            return governor.text.lower(), governor.text.lower()
        return _noun_with_complement(head, text, inside) or None, None
    if head.pos_ in ("VERB", "AUX", "ADJ"):
        predicate = head.text.lower()
        concepts = measure_concepts(predicate, lex.code)
        if concepts and concepts <= _CHANGE_CONCEPTS:
            # "les ventes ont augmenté de 5 %", "net income fell to $21.4 billion": a change is
            # of the thing its verb's subject names (a common noun; a name or pronoun says who)
            for child in head.children:
                if child.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and child.pos_ == "NOUN":
                    return _noun_with_complement(child, text, inside) or predicate, predicate
        measured = _object_measured(head, top, preposition, inside, lex)
        if measured is not None:
            # "estimate the damages at $1 million", "drive the euro below $1.29"
            return _noun_with_complement(measured, text, inside) or predicate, predicate
        if concepts:
            return predicate, predicate
        if (
            head.dep_ in ("acl", "amod")
            and head.head.pos_ == "NOUN"
            and head.head.i < head.i
            and not any(c.dep_.startswith("nsubj") or c.dep_ == "mark" for c in head.children)
        ):
            # "la perte de trading, réévaluée à 751 millions": the participle's noun is measured;
            # not a gerund the parser hung on a noun ("confié l'enfant à une amie en lui donnant
            # 500 euros", RPM2 T10_C1_09: what was given, not the friend)
            return _noun_with_complement(head.head, text, inside) or None, predicate
        passive = _passive_subject(head)
        if passive is not None and preposition in lex.object_prepositions:
            # "le chapeau de Napoléon vient d'être adjugé pour 1,8 million", "the painting was sold
            # for $5 million": a passive verb's figure is its subject's price or level
            return _noun_with_complement(passive, text, inside) or None, predicate
        if lex.report_form.fullmatch(head.lower_):
            for child in head.children:
                if child.dep_ in ("nsubj:pass", "nsubjpass") and child.pos_ == "NOUN":
                    # "damage to the church was estimated at $1 million": what was estimated
                    return _noun_with_complement(child, text, inside) or None, predicate
            return None, predicate
        if top.dep_ in ("obj", "dobj") and fold(head.text) not in lex.linking_words:
            # "le club a dépensé 222 millions": its subject is who spent; but "la fraude
            # atteignait 50 milliards" is the fraud's size
            return None, predicate
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and child.pos_ == "NOUN":
                return _noun_with_complement(child, text, inside) or None, predicate
        if head.dep_ in ("conj", "xcomp") and not any(c.dep_.startswith("nsubj") for c in head.children):
            # "the deal is said to be for 8 years and could be up to $180 million": two verbs,
            # one subject, written with the first; "cette aide garantie devrait atteindre 1,7 md
            # USD": the infinitive's subject is its governing verb's
            for child in head.head.children:
                if child.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and child.pos_ == "NOUN":
                    return _noun_with_complement(child, text, inside) or None, predicate
        return None, predicate
    return None, None


def _change_of_points(sdoc: Doc, text: str, start: int, end: int, lex: _Lex) -> tuple[str, str] | None:
    """(subject, predicate) of a count of points that a change verb or noun governs (`point_nouns`):
    the verb's common-noun subject ("ce chiffre a bondi de 9 points", "approval ratings have
    dropped six points"), or the change noun itself ("une hausse de 10 points"). Points scored
    in a game are governed by no change word and stay a count."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    points = span.root
    governor = points.head.head if points.head.pos_ == "ADP" else points.head
    if governor.i in {t.i for t in span} or not (
        measure_concepts(governor.text, lex.code) & _CHANGE_CONCEPTS
    ):
        return None
    word = governor.text.lower()
    if governor.pos_ == "NOUN":
        return word, word
    if governor.pos_ not in ("VERB", "AUX"):
        return None
    for child in governor.children:
        if child.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and child.pos_ == "NOUN":
            return _noun_with_complement(child, text, frozenset(t.i for t in span)) or word, word
    return None


def _passive_subject(verb: Token) -> Token | None:
    """The common-noun subject of a passive verb ("damage was estimated"), or of the verb a
    passive infinitive completes ("le chapeau vient d'être adjugé")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = next(
        (c for c in verb.children if c.dep_ in ("nsubj:pass", "nsubjpass") and c.pos_ == "NOUN"), None
    )
    if (
        subject is None
        and verb.dep_ == "xcomp"
        and any(c.dep_ in ("aux:pass", "auxpass") for c in verb.children)
    ):
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    return subject


def _object_counted(sdoc: Doc, text: str, start: int, end: int, lex: _Lex) -> str | None:
    """A bare number that is the value of a verb's object through a preposition of level:
    "estimated the crowd at 70", "chiffrer les manifestants à 5 000"."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    number = span.root
    preposition = _preposition_of(number)
    verb = number.head.head if number.head.pos_ == "ADP" else number.head
    if verb.pos_ != "VERB":
        return None
    measured = _object_measured(verb, number, preposition, frozenset(t.i for t in span), lex)
    return _noun_with_complement(measured, text, frozenset(t.i for t in span)) or None if measured else None


def _is_denominator(noun: Token, lex: _Lex) -> bool:
    """A noun a share is taken of without being what is measured: "135 % du PIB", "3% of GDP"
    (lang/<code>/measures.toml `denominators`): the debt or deficit governing the figure is."""
    return fold(noun.text) in lex.denominators


def _preposition_of(token: Token) -> str | None:
    """The folded preposition that attaches `token`: its English head ("at $1 million") or its
    French "case" child ("à 751 millions")."""
    if token.dep_ == "pobj" and token.head.pos_ == "ADP":
        return fold(token.head.text)
    case = next((c for c in token.children if c.dep_ == "case"), None)
    return fold(case.text).rstrip("'’") if case is not None else None


def _object_measured(
    verb: Token, top: Token, preposition: str | None, inside: frozenset[int], lex: _Lex
) -> Token | None:
    """The common-noun object of `verb` when the figure completes it through a preposition of
    level ("estimer les dégâts à 1 million", "put the magnitude at 5.9", "cut the rate by 0.5%"):
    the figure is that object's value. A pronoun object ("l'estimait à") says nothing."""
    if preposition is None or preposition not in lex.object_prepositions or top.dep_ in ("obj", "dobj"):
        return None
    for child in verb.children:
        if (
            child.dep_ in ("obj", "dobj")
            and (child.pos_ == "NOUN" or (child.pos_ == "PROPN" and child.ent_type_ not in ("PERSON", "PER")))
            and child.i not in inside
        ):
            return child
    return None


# --------------------------------------------------------------------------------------------
# ages, sentences, tolls, durations, scores
# --------------------------------------------------------------------------------------------


def _person_before(sdoc: Doc | None, text: str, sent_start: int, start: int, lex: _Lex) -> str | None:
    """The person an age is said of: the subject of the clause holding it when a person is named
    there ("Bettie Page, …, died … at the age of 85"), the name right before ("Lance Armstrong,
    37 ans", "Nichols , 37 ,"), the nearest person named earlier in the sentence, else the
    person the document names most ("She was 85.", "the 37-year-old")."""
    if sdoc is None:
        match = re.search(r"([A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){0,3})\s*,?\s*$", text[sent_start:start])
        return match.group(1) if match else None
    people = _people(sdoc)
    apposed = [e for e in people if sent_start <= e.start_char and e.end_char <= start]
    if apposed and re.fullmatch(r"\s*[,(]?\s*", text[apposed[-1].end_char : start]):
        return apposed[-1].text
    token = sdoc.char_span(start, start + 1, alignment_mode="expand")
    if token is not None and len(token):
        node = token[0]
        for _ in range(4):
            if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
                break
            node = node.head
        antecedent = _antecedent(token[0], sdoc, text, lex)
        if antecedent:
            return antecedent  # "le dalaï-lama, qui est âgé de 73 ans", "a man who is 45"
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubj:pass", "nsubjpass"):
                lo, hi = child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
                inside = [
                    e for e in people if lo <= e.start_char and e.end_char <= hi and e.end_char <= start
                ]
                if inside:
                    return inside[0].text
    before = [e for e in people if sent_start <= e.start_char and e.end_char <= start]
    if before and start - before[-1].end_char <= 80:
        return before[-1].text  # "Chantal Sébire, cette femme de 52 ans"
    described = re.search(
        r"(?:^|\s)([^\W\d_][\w'’-]+(?:[\s-][^\W\d_][\w'’-]+)?)\s*,\s*$", text[sent_start:start]
    )
    if described and not apposed and fold(described.group(1).split()[0]) not in lex.stop:
        return described.group(1)  # "le dalaï lama, 73 ans": a person the NER did not tag
    gender = _described_gender(token[0], lex) if token is not None and len(token) else None
    return _protagonist(sdoc, gender, lex) or (before[-1].text if before else None)


def _described_gender(number: Token, lex: _Lex) -> str | None:
    """The sex of the person an age describes without naming: the person noun the age
    completes ("l'enseignante de 52 ans", RPM2 T09_C1_03), else a pronoun subject of its verb
    ("She was 85 ."). Nouns of one grammatical gender for both sexes ("la victime") say none."""
    node = number
    for _ in range(3):
        if node.head.i == node.i:
            break
        node = node.head
        word = re.sub(r"^\w['’]", "", fold(node.text))
        if node.pos_ == "NOUN" and word in lex.person_noun_gender:
            return lex.person_noun_gender[word]
        if node.pos_ in ("VERB", "AUX"):
            break
    verb = node if node.pos_ in ("VERB", "AUX") else None
    if verb is not None:
        for child in verb.children:
            if child.dep_.startswith("nsubj") and child.pos_ == "PRON":
                genders = child.morph.get("Gender", [])
                return genders[0] if len(genders) == 1 else None
    return None


def _antecedent(number: Token, sdoc: Doc, text: str, lex: _Lex) -> str | None:
    """The noun a relative clause holding an age is said of: "le dalaï-lama, qui est âgé de 73
    ans", "a man who is 45". The relative pronoun stands a few words before the number with no
    punctuation between; what it stands for is the name or noun right before it."""
    doc = number.doc
    for i in range(number.i - 1, max(-1, number.i - 7), -1):
        token = doc[i]
        if token.is_punct or token.is_sent_start:
            return None
        relative = "Rel" in token.morph.get("PronType", []) or token.tag_ in ("WP", "WDT")
        if not relative or not token.dep_.startswith("nsubj"):
            continue
        j = i - 1
        while j >= 0 and doc[j].is_punct:
            j -= 1
        if j < 0:
            return None
        for ent in sdoc.ents:
            if ent.start <= j < ent.end and ent.label_ in ("PER", "PERSON", "MISC", "NORP"):
                return ent.text
        if doc[j].pos_ not in ("NOUN", "PROPN"):
            return None
        while (
            doc[j].dep_ == "nmod"
            and doc[j].head.i < j
            and doc[j].head.pos_ in ("NOUN", "PROPN")
            and any(c.dep_ == "case" and _is_of_case(c, lex) for c in doc[j].children)
        ):
            j = doc[j].head.i  # "la mère de l'enfant, qui a 34 ans": the head noun
        first = j
        while first > 0 and (doc[first - 1].pos_ in ("NOUN", "PROPN") or doc[first - 1].text in "-–"):
            first -= 1
        return text[doc[first].idx : doc[j].idx + len(doc[j].text)]
    return None


def _people(sdoc: Doc) -> list[Span]:
    """The names of people in a document: those the tagger calls a person, and a surname alone it
    calls otherwise when it calls a person a name ending with it ("Hugh Jackman" a person, then
    "Jackman" a place or a firm, ECB+ 2_4ecb, 2_5ecb), and a full name it calls otherwise when it
    calls its surname alone a person ("Page" a person, "Bettie Page" a firm, ECB+ 4_1ecb). A
    person's name starts with a capital: a tagged "l\x92âge" is no one."""
    cached = sdoc.user_data.get("recoupe_people")
    if isinstance(cached, list):
        return cached
    tagged = [e for e in sdoc.ents if e.label_ in ("PER", "PERSON") and e.text[:1].isupper()]
    alone = {fold(e.text.strip()) for e in tagged if len(e.text.split()) == 1}
    surnames = alone | {fold(e.text.split()[-1]) for e in tagged if len(e.text.split()) > 1}

    def named_as_person(words: list[str]) -> bool:
        # a surname alone; a longer name only when its last word is tagged a person alone: the
        # last word of a name tagged a person may be a place's ("Betty Ford Center" tagged a
        # person once, a firm after, ECB+ 1_17ecbplus)
        return fold(words[-1]) in (surnames if len(words) == 1 else alone)

    people = [
        e
        for e in sdoc.ents
        if e.text[:1].isupper()
        and e.text.split()
        and (e.label_ in ("PER", "PERSON") or named_as_person(e.text.split()))
    ]
    sdoc.user_data["recoupe_people"] = people
    return people


def _protagonist(sdoc: Doc, gender: str | None = None, lex: _Lex | None = None) -> str | None:
    """The person a document names most (by surname), as its longest name. With a sex that the
    first name of that person contradicts, the one named most whose first name tells that sex
    ("l'enseignante de 52 ans" is Chantal Sébire's age, not Jean Leonetti's, whom "la loi
    Leonetti" names more often, RPM2 T09_C1_03), if one is named twice; a first name the lists
    do not know contradicts nothing."""
    plain = _plain_protagonist(sdoc)
    if gender is None or lex is None or plain is None:
        return plain
    if lex.first_name_gender.get(fold(plain.split()[0])) in (None, gender):
        return plain
    counts: dict[str, int] = {}
    longest: dict[str, str] = {}
    for e in _people(sdoc):
        key = fold(e.text.split()[-1])
        counts[key] = counts.get(key, 0) + 1
        if len(e.text) > len(longest.get(key, "")):
            longest[key] = e.text
    matching = [
        k
        for k, name in longest.items()
        if len(name.split()) > 1
        and lex.first_name_gender.get(fold(name.split()[0])) == gender
        and counts[k] >= 2
    ]
    if not matching:
        return plain  # no one of that sex is named twice: the page's protagonist, as before
    return longest[max(matching, key=lambda k: (counts[k], k))].strip()


def _plain_protagonist(sdoc: Doc) -> str | None:
    """The person a document names most (by surname), as its longest name."""
    cached = sdoc.user_data.get("recoupe_protagonist", "")
    if cached != "":
        return cached if isinstance(cached, str) else None
    names = [e.text for e in _people(sdoc)]
    counts: dict[str, int] = {}
    longest: dict[str, str] = {}
    for name in names:
        key = fold(name.split()[-1])
        counts[key] = counts.get(key, 0) + 1
        if len(name) > len(longest.get(key, "")):
            longest[key] = name
    best = max(counts, key=lambda k: (counts[k], k)) if counts else None
    result = longest[best] if best and counts[best] >= 2 else None
    sdoc.user_data["recoupe_protagonist"] = result
    return result


def _entity_near(sdoc: Doc | None, sent: tuple[int, int], start: int, end: int) -> str | None:
    """The named team or player a score is said of: the nearest name before it in its sentence,
    else the first after it."""
    if sdoc is None:
        return None
    names = [
        e
        for e in sdoc.ents
        if e.label_ in ("PER", "PERSON", "ORG", "NORP", "GPE", "LOC", "MISC")
        and sent[0] <= e.start_char
        and e.end_char <= sent[1]
    ]
    before = [e for e in names if e.end_char <= start]
    if before:
        return before[-1].text
    after = [e for e in names if e.start_char >= end]
    return after[0].text if after else None


@cache
def _of_after(of_words: str) -> re.Pattern[str]:
    """'de'/'of' opening what follows a unit, elided included ("5 ans d'interdiction"): a
    complement of the duration, so no age."""
    return re.compile(rf"\s*(?:{of_words})(?:\s|(?<=['’]))")


def _age(
    text: str, sdoc: Doc | None, sent_start: int, start: int, number_end: int, value: float, lex: _Lex
) -> tuple[int, str] | None:
    """If the number at start:number_end is an age: (end of the expression, subject)."""
    if not lex.age_word or not 0 < value < 125 or value != int(value):
        return None
    after = text[number_end : number_end + 40]
    # "\x92" is the apostrophe of a page decoded as Latin-1 instead of cp1252 ("à l\x92âge de 37 ans")
    before = text[max(sent_start, start - 40) : start].replace("\x92", "'")
    # "two men , ages 47 and 48", "âgés de 22 et 30 ans": a number listed after an age is one
    listed = re.sub(r"\d+(?:\s*,\s*\d+)*\s*(?:,|\band\b|\bet\b|\bor\b|\bou\b)\s*$", "", before)
    end: int | None = None
    celebrated: str | None = None
    described = False  # "son fils de 11 ans": a person noun the age is written after
    year_old = lex.age_compound.match(after)
    years = lex.age_units.match(after)
    if year_old:
        end = number_end + year_old.end()
    elif years and (
        lex.age_before.search(fold(before)) or (listed != before and lex.age_before.search(fold(listed)))
    ):
        end = number_end + years.end()  # "âgé de 37 ans", "aged 37 years", "âgés de 22 et 30 ans"
    elif years and lex.adjectives_after_noun:
        rest = after[years.end() :]
        if (
            lex.age_at.search(before)
            and not _of_after(lex.of_words).match(rest)
            and not lex.age_at_not_after.search(before)
        ):
            end = number_end + years.end()  # "à 37 ans"
        elif re.search(r",\s*$", before) and re.match(r"\s*(?:[,.;)]|et\b|$)", rest):
            end = number_end + years.end()  # "Lance Armstrong, 37 ans,"
        elif re.search(r"[^\W\d_][\w'’.-]*\s*\(\s*$", before) and re.match(r"\s*\)", rest):
            end = number_end + years.end()  # "Mohammed Jawawdeh (17 ans)", "ma mère (71 ans)"
        elif _has_years(sdoc, start, lex) and not _of_after(lex.of_words).match(rest):
            end = number_end + years.end()  # "j'avais un peu plus de 30 ans", "il a 16 ans"
        elif lex.anniversary_before.search(before) and (
            owner := re.match(
                rf"\s*(?:{lex.of_words})\s*([A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){{0,3}})", rest
            )
        ):
            # "pour les 60 ans de Nicolas Sarkozy" (FreSaDa 000010246): the name's age, celebrated
            end, celebrated = number_end + years.end(), owner.group(1)
        else:
            # "une femme de 34 ans", "une mère de famille de 34 ans": a person noun, with its complement
            nouns = [
                re.search(rf"([^\W\d_][\w'’-]*)\s+(?:{lex.of_words})\s*$", before),
                re.search(
                    rf"([^\W\d_][\w'’-]*)\s+{lex.of_then}[^\W\d_][\w'’-]*\s+(?:{lex.of_words})\s*$",
                    before,
                ),
            ]
            if any(
                n and re.sub(r"^\w['’]", "", fold(n.group(1))) in lex.person_nouns for n in nouns
            ) and not lex.sentence_after.match(rest):
                end = number_end + years.end()  # "une femme de 34 ans"
                described = True
    elif not years and not lex.adjectives_after_noun:
        if lex.age_before.search(fold(before)) or (listed != before and lex.age_before.search(fold(listed))):
            end = number_end  # "at the age of 85", "aged 61", "two men , ages 47 and 48"
        elif re.search(r"[A-Z][\w'.-]*\s*,\s*$", before) and re.match(r"\s*[,;.)]", after):
            end = number_end  # "Reid , 33 ,"
        elif re.search(r"[A-Z][\w'-]*\s\.\s*,\s*$", text[max(0, start - 40) : start]) and re.match(
            r"\s*[,;.)]", after
        ):
            # "Comeaux Jr . , 49 ,": the sentence splitter ends a sentence at the abbreviation
            end = number_end
        elif (
            (noun_before := re.search(r"([^\W\d_]+)\s*,\s*$", before))
            and fold(noun_before.group(1)) in lex.person_nouns
            and re.match(r"\s*[,;)]", after)
        ):
            end = number_end  # "the troubled actress , 26 , would be arrested"
        elif (lex.age_verbs.search(before) or lex.age_death_at.search(before)) and re.match(
            r"\s*(?:[,;.]|\n|$)", after
        ):
            end = number_end  # "She was 85 .", "dies at 91", "died Thursday at 91 ."
        elif (
            lex.age_turn_verbs.search(before)
            and (re.match(r"\s*(?:[,;.]|\n|$)", after) or lex.age_time_after.match(after))
            and _said_of_person(sdoc, start)
        ):
            end = number_end  # "Teixeira will turn 29 in April"
    if end is None:
        return None
    person = celebrated or (_named_after(sdoc, text, end, lex) if year_old or described else None)
    if person is None and year_old and (owned := _owned_noun(text, start, end, lex)):
        return end, f"{lex.age_word} {owned}"
    person = person or _person_before(sdoc, text, sent_start, start, lex)
    return end, f"{lex.age_word} {person}" if person else lex.age_word


def _owned_noun(text: str, start: int, end: int, lex: _Lex) -> str | None:
    """The noun an age is written before when a possessive owns it ("From the deck of his
    106-year-old halibut schooner", Readability seattletimes-1; "his 8-year-old son"): the age
    is that noun's, never its owner's nor the person the page names most."""
    owner = re.search(r"(?:^|\s)([^\W\d_]+)\s+$", text[max(0, start - 20) : start])
    if owner is None or fold(owner.group(1)) not in lex.person_possessives:
        return None
    words: list[str] = []
    for word in re.findall(r"\S+", text[end : end + 60])[:2]:
        bare = word.rstrip(",.;:!?)")
        if not re.fullmatch(r"[a-z][a-z'’-]*", bare) or fold(bare) in lex.stop:
            break
        words.append(bare)
        if bare != word or fold(bare) in lex.person_nouns:
            break  # punctuation or a person ends the noun phrase: "his 8-year-old son played"
    if len(words) == 2 and lex.participle_end.search(words[1]):
        words = words[:1]  # "her 14 - year - old son dialed 911" (ECB+ 19_4ecbplus): a verb
    return " ".join(words) or None


def _named_after(sdoc: Doc | None, text: str, end: int, lex: _Lex) -> str | None:
    """The person an age of a noun is written before: a name right after it, or after a person
    noun ("a 3-year-old daughter Ava", "their 8-year-old son , Oscar Maximillian", ECB+ 2_4ecb;
    "son fils de 11 ans, Mathys", FreSaDa 000010913), not a name before it nor the one the
    document names most. With a parse the name must be a person's (`_people`): "the 40-year-old
    Australian actor" names no one."""
    match = re.match(
        r"\s*,?\s*(?:(?P<noun>[a-zà-ÿ][\w'’-]*)\s*,?\s*)?(?P<name>[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){0,3})",
        text[end : end + 80],
    )
    if match is None or (match["noun"] is not None and fold(match["noun"]) not in lex.person_nouns):
        return None
    if sdoc is None:
        return match["name"]
    at = end + match.start("name")
    last = sdoc.char_span(at, end + match.end("name"), alignment_mode="expand")
    if last is not None and len(last) and last[-1].dep_ == "compound" and last[-1].head.pos_ == "NOUN":
        return None  # "the 39 - year - old Troy man" (ECB+ 18_6ecbplus): where the man is from
    named = [e for e in _people(sdoc) if e.start_char == at]
    if named:
        return named[0].text
    # a proper noun the tagger calls no person ("the 32-year-old Klitschko 's third", tagged a
    # nationality, ECB+ 7_7ecb); a place or a nationality's adjective ("Australian actor") is no one
    token = sdoc.char_span(at, at + 1, alignment_mode="expand")
    if token is None or not len(token) or not _may_be_a_name(token[0]):
        return None
    words = [token[0]]
    while words[-1].i + 1 < len(sdoc) and _may_be_a_name(sdoc[words[-1].i + 1]):
        words.append(sdoc[words[-1].i + 1])
    return text[words[0].idx : words[-1].idx + len(words[-1].text)]


def _may_be_a_name(token: Token) -> bool:
    """A proper noun not tagged a place, a date or a figure: part of a name the tagger may have
    mislabelled."""
    return token.pos_ == "PROPN" and token.ent_type_ in ("", "PERSON", "PER", "NORP", "ORG", "MISC")


def _has_years(sdoc: Doc | None, start: int, lex: _Lex) -> bool:
    """Whether the number at `start` counts the years a verb of having gives its subject
    (`age_have_verbs`: "j'avais un peu plus de 30 ans", "il a 16 ans et réside au camp"): the
    unit is the verb's object, not an auxiliary's ("il a mis 20 ans à comprendre")."""
    if sdoc is None or not lex.age_have_verbs:
        return False
    span = sdoc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    unit = span[0].head
    verb = unit.head
    # "il va bientôt avoir 32 ans", "elle doit avoir 30 ans": the subject is the governing verb's
    holders = (verb, verb.head) if verb.dep_ == "xcomp" else (verb,)
    return (
        unit.dep_ in ("obj", "dobj")
        and verb.pos_ in ("VERB", "AUX")
        and fold(verb.text).split("'")[-1] in lex.age_have_verbs
        and any(c.dep_.startswith("nsubj") for holder in holders for c in holder.children)
    )


def _said_of_person(sdoc: Doc | None, start: int) -> bool:
    """Whether the verb the number at `start` completes has a person for subject: a name tagged
    as a person, or a personal pronoun ("Teixeira will be 29", "she turned 40")."""
    if sdoc is None:
        return False
    span = sdoc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    verb = span[0].head
    for child in verb.children:
        if child.dep_.startswith("nsubj"):
            gendered = child.pos_ == "PRON" and bool({"Masc", "Fem"} & set(child.morph.get("Gender", [])))
            # a surname alone is often tagged otherwise; the document names the person in full
            named = child.pos_ == "PROPN" and any(
                e.label_ in ("PERSON", "PER") and child.text in e.text.split() for e in sdoc.ents
            )
            return child.ent_type_ in ("PERSON", "PER") or gendered or named
    return False


def _age_unit(text: str, number_end: int, end: int, lex: _Lex) -> str:
    """The unit of an age as a duration symbol: "30 mois" is 30 months, "37 ans" 37 years."""
    for word in _WORD.findall(text[number_end:end]):
        symbol = lex.duration_symbols.get(fold(word))
        if symbol:
            return symbol
    return "yr"


def _elapsed_in(text: str, unit_end: int, lex: _Lex) -> str | None:
    """The period a duration has elapsed of, after `elapsed_into`: "finished the job 44 seconds
    into the seventh round" (ECB+ 7_8ecb) -> "seventh round", "two minutes into the second half"."""
    after = lex.elapsed_into.match(text, unit_end)
    if not after:
        return None
    words = after["what"].split()
    # "44 seconds into the seventh round when he...": the second word may open the next clause
    while words and words[-1].lower() in lex.stop and parse_number(words[-1], lex.code) is None:
        words.pop()  # but "the second half" keeps its number word
    return " ".join(words) or None


def _sentence_subject(text: str, sent_start: int, start: int, unit_end: int, lex: _Lex) -> str | None:
    """A duration that is a prison sentence: "cinq ans de prison", "condamné à 5 ans", "a 20
    year sentence", "sentenced to ... 485 years"."""
    if not lex.sentence_word:
        return None
    if lex.sentence_after.match(text[unit_end : unit_end + 30]):
        return lex.sentence_word
    if re.match(rf"{_WS}+{lex.of_then}[^\W\d_]", text[unit_end : unit_end + 30]):
        return None  # "ordered her to serve 90 days of treatment": the complement says what
    # the verb must be in the figure's clause: "he's got a freezer full of it — Bassi, 43 years a
    # fisherman" (Readability seattletimes-1) states no sentence
    clause = re.split(r"[—–;:]", text[sent_start:start])[-1]
    if lex.sentence_before.search(clause):
        return lex.sentence_word
    return None


_YEAR_WORD = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")

_SCORE = re.compile(
    r"(?<![\w.,$€£/-])(?P<a>\d{1,3})\s?[-–]\s?(?P<b>\d{1,3})(?:\s?[-–]\s?(?P<c>\d{1,3}))?(?![\w.,%/]|\s?[-–]\s?\d|\s?%)"
)


def _scores(
    text: str,
    lex: _Lex,
    sentences: Sequence[tuple[int, int]],
    sdoc: Doc | None,
    periods: Sequence[tuple[int, int]] = (),
) -> list[Mention]:
    """Match scores and records: "4-2", "( 45-7-2 )", "l'a emporté 1 à 0" in a sentence that
    speaks of a game (lang/<code>/measures.toml `score_words`), or right after a name."""
    out: list[Mention] = []
    connectors = lex.range_connectors
    patterns = [_SCORE]
    if connectors:
        patterns.append(
            re.compile(rf"(?<![\w.,])(?P<a>\d{{1,2}})\s+(?:{connectors})\s+(?P<b>\d{{1,2}})(?![\w.,%])")
        )
    for pattern in patterns:
        for match in pattern.finditer(text):
            start, end = match.span()
            sent = _sentence_of(sentences, start, text)
            sentence = text[sent[0] : sent[1]]
            before = text[max(sent[0], start - 40) : start]
            named = re.search(r"[A-Z][\w'’.-]*\s*\(\s*$|[A-Z][\w'’.-]*\s*,\s*$", before)
            # "improved his record to 52-3", "sitting at 9-14 on the season": a record
            record_said = bool(lex.record_before.search(before) or lex.record_after.match(text, end))
            if not (lex.score_words.search(sentence) or (named and pattern is _SCORE) or record_said):
                continue
            if _match_unit(text, end, lex) is not None:
                continue  # "10-12 km" is a range
            parts = [match["a"], match["b"]] + ([match["c"]] if match.groupdict().get("c") else [])
            # "Klitschko ( 52-3 , 46 KOs )": in brackets right after a name, a tally of wins and
            # losses is a record, not the score of a game
            bracketed = re.search(r"[A-Z][\w'’.-]*\s*\(\s*$", before) is not None and pattern is _SCORE
            word = lex.record_word if (bracketed or record_said) and lex.record_word else "score"
            who = _entity_near(sdoc, sent, start, end)
            if who is None:
                name = re.search(r"([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})\s*[(,]?\s*$", before)
                who = name.group(1) if name else None
            out.append(
                _count_mention(
                    text,
                    lex,
                    sdoc,
                    sent,
                    start,
                    end,
                    value="-".join(parts),
                    unit="score",
                    subject=f"{word} {who}" if who else word,
                    qualifier="exact",
                    predicate=_score_noun(sdoc, start, end),
                    periods=periods,
                )
            )
    out.sort(key=lambda m: m.start)
    kept: list[Mention] = []
    for m in out:
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


def _score_noun(sdoc: Doc | None, start: int, end: int) -> str | None:
    """The noun a score qualifies, written right after it: "a 162-139 record", "an 88-72 loss"."""
    if sdoc is None:
        return None
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or span.end >= len(sdoc):
        return None
    noun = sdoc[span.end]
    if noun.pos_ != "NOUN" or not any(t.head.i == noun.i for t in span):
        return None
    return noun.text.lower()


# --------------------------------------------------------------------------------------------
# time and place of a figure
# --------------------------------------------------------------------------------------------


def _time_of(
    text: str, sent: tuple[int, int], start: int, end: int, lex: _Lex, periods: Sequence[tuple[int, int]] = ()
) -> str | None:
    """The period the sentence gives the figure: the nearest year or period expression of its
    sentence ("en 2023", "au troisième trimestre", "last year"), else the nearest month or span
    of months or years of its sentence (`periods`: "en janvier", "in April"). A day ("le 22
    octobre", "lundi") says when a figure was stated or happened, not what period it is for."""
    candidates: list[tuple[int, str]] = []
    for pattern in (lex.periods, lex.year_time):
        for match in pattern.finditer(text, sent[0], sent[1]):
            if match.start() < end and start < match.end():
                continue
            distance = match.start() - end if match.start() >= end else start - match.end()
            candidates.append((distance, match.group(0)))
    if not candidates:
        for date_start, date_end in periods:
            if date_end <= sent[0] or date_start >= sent[1] or (date_start < end and start < date_end):
                continue
            distance = date_start - end if date_start >= end else start - date_end
            candidates.append((distance, text[date_start:date_end]))
    if not candidates:
        return None
    return min(candidates)[1].strip()


def _place_of(
    sdoc: Doc | None, text: str, sent: tuple[int, int], start: int, end: int, lex: _Lex
) -> str | None:
    """The place a figure is stated for: a place name after a preposition of place in its
    sentence ("in Texas", "en France", "à Marseille"), the nearest to the figure."""
    if sdoc is None or not lex.locatives:
        return None
    best: tuple[int, str] | None = None
    modifier: tuple[int, str] | None = None
    for ent in sdoc.ents:
        if ent.label_ not in ("GPE", "LOC") or not (sent[0] <= ent.start_char and ent.end_char <= sent[1]):
            continue
        if not ent.text[:1].isupper():
            # "passer du poste d'assistant trader à trader" (RPM2 T07_C2_01): a lowercase word the
            # tagger called a place after "à" is a common noun; a place is written as a name
            continue
        distance = ent.start_char - end if ent.start_char >= end else start - ent.end_char
        previous = sdoc[ent.start - 1] if ent.start > 0 else None
        if previous is None or (
            previous.lower_ not in lex.locatives
            and not (previous.pos_ == "DET" and ent.start > 1 and sdoc[ent.start - 2].lower_ in lex.locatives)
        ):
            root = ent.root
            # "a Michigan office shooting", "A Michigan man": a place that qualifies a noun
            if (
                ent.label_ == "GPE"
                and root.dep_ in ("compound", "nmod")
                and root.head.pos_ == "NOUN"
                and root.head.i > root.i
                and (modifier is None or distance < modifier[0])
            ):
                modifier = (distance, ent.text)
            continue
        if best is None or distance < best[0]:
            best = (distance, ent.text)
    chosen = best or modifier
    return chosen[1] if chosen else None


def _count_mention(
    text: str,
    lex: _Lex,
    sdoc: Doc | None,
    sent: tuple[int, int],
    start: int,
    end: int,
    *,
    kind: FactKind = "quantity",
    value: str | float | None,
    unit: str | None,
    subject: str | None,
    qualifier: Qualifier | None,
    low: float | None = None,
    high: float | None = None,
    predicate: str | None = None,
    claim_at: int | None = None,
    periods: Sequence[tuple[int, int]] = (),
    placed: bool = True,
) -> Mention:
    """A figure's mention, with what every rule gives it the same way: who claims it (the
    claimant of its sentence, read from `claim_at`, by default its start), and the time and place
    its sentence gives it (no place when not `placed`)."""
    return Mention(
        kind=kind,
        text=text[start:end],
        start=start,
        end=end,
        value=value,
        unit=unit,
        subject=subject,
        qualifier=qualifier,
        low=low,
        high=high,
        claimed_by=_claimant(text, sent, start if claim_at is None else claim_at, lex, sdoc),
        time=_time_of(text, sent, start, end, lex, periods),
        place=_place_of(sdoc, text, sent, start, end, lex) if placed else None,
        predicate=predicate,
    )


# --------------------------------------------------------------------------------------------
# extraction
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Atom:
    start: int
    end: int  # after the scale word, if any
    value: float
    digits: str  # as written, for the rounding step
    scaled: float  # the scale multiplier applied (1 when none)
    words: bool  # written in words
    grouped: bool  # digits with thousands separators


def _scale_after(text: str, pos: int, lex: _Lex, currency_before: bool) -> tuple[float, int] | None:
    word = lex.scale_words.match(text, pos)
    if word:
        return lex.scales[word["scale"].lower()], word.end()
    letter = _LETTER_SCALE.match(text, pos)
    if letter:
        after = text[letter.end() : letter.end() + 6]
        currency_after = re.match(r"\s*(?:€|\$|£|¥|EUR|USD|GBP|CHF)", after) is not None
        if (currency_before and not letter["sep"]) or currency_after:
            return _LETTER_SCALES[letter["scale"].lower()], letter.end()
    return None


def _find_atoms(text: str, lex: _Lex, blocked: list[tuple[int, int]]) -> list[_Atom]:
    atoms: list[_Atom] = []
    digits = _DIGITS
    if not lex.space_thousands and not _SPACED_THOUSANDS.search(text):
        # an English page that writes no "6 000": "400 737 Max jets" is two numbers, "0800 555
        # 111" a phone number (right on all 56 spaced groups of ECB+, Scrapinghub and the English
        # Trafilatura pages: 4 joined, 52 not)
        digits = _DIGITS_UNSPACED
    for match in digits.finditer(text):
        start, end = match.span("num")
        if _overlaps(start, end, blocked):
            continue
        raw = match["num"]
        if re.match(r"0\d", raw):
            continue  # "007", "000": codes, or the tail of a number split by a tokenizer
        value = _parse_digits(raw, lex)
        if value is None:
            continue
        currency_before = _PREFIX_CURRENCY.search(text, max(0, start - 8), start) is not None
        scale = _scale_after(text, end, lex, currency_before)
        scaled = 1.0
        if scale:
            scaled, end = scale
        grouped = bool(re.search(rf"\d[{_SPACE}.,]\d{{3}}(?!\d)", raw)) and not (
            lex.decimal_comma and re.fullmatch(r"\d+,\d+", raw)
        )
        # a minus sign right before, after a space or bracket: "-0,5 %", "(−3 %)"; not "10 -12"
        if re.search(r"(?:^|(?<![\d\s])\s|[(\[])[-−]$", text[max(0, start - 3) : start]):
            start -= 1
            value = -value
        atoms.append(_Atom(start, end, value * scaled, raw, scaled, False, grouped))
    if lex.word_numbers is not None:
        for match in lex.word_numbers.finditer(text):
            start, end = match.span()
            if _overlaps(start, end, blocked) or any(a.start < end and start < a.end for a in atoms):
                continue
            words = match.group(0).lower().split()
            if all(part in lex.word_scales - lex.hundreds for w in words for part in w.split("-")):
                continue  # "le peuple du milliard", "des millions": no figure stated
            if len(words) == 1 and words[0] in lex.one | lex.word_scales - set(lex.scales):
                if not re.match(rf"{_WS}+(?:d['’]|de\s)?\w|{_WS}*%", text[end:]):
                    continue
                if words[0] in lex.one:
                    found = _match_unit(text, end, lex)
                    surface = text[end : found[1]].strip(_SPACE + "-").lower() if found else ""
                    if found is None or len(surface) < 2 or surface in lex.not_units_after_one:
                        continue
            value = _parse_words(match.group(0), lex)
            if value is None:
                # "two and three jobs" is two numbers, not one ("a hundred and five")
                atoms.extend(_joined_word_numbers(text, start, end, lex))
                continue
            scaled = 1.0
            last = words[-1].split("-")[-1]
            if last in lex.scales:
                scaled = lex.scales[last]
            atoms.append(_Atom(start, end, value, match.group(0), scaled, True, False))
    atoms.sort(key=lambda a: a.start)
    return atoms


def _joined_word_numbers(text: str, start: int, end: int, lex: _Lex) -> list[_Atom]:
    """The numbers of words that read as no one number because a conjunction joins two of them
    ("people who have two and three jobs", ECB+ 8_7ecbplus): each part, when each reads."""
    if not lex.conjunctions:
        return []
    joint = re.compile(rf"{_WS}+(?:{_escaped(lex.conjunctions)}){_WS}+", re.IGNORECASE)
    parts: list[_Atom] = []
    cursor = start
    for piece in [*joint.finditer(text, start, end), None]:
        piece_end = piece.start() if piece is not None else end
        raw = text[cursor:piece_end]
        value = _parse_words(raw, lex) if raw else None
        if value is None or raw.lower() in lex.one:
            return []
        last = raw.lower().split()[-1].split("-")[-1]
        parts.append(_Atom(cursor, piece_end, value, raw, lex.scales.get(last, 1.0), True, False))
        cursor = piece.end() if piece is not None else end
    return parts if len(parts) > 1 else []


def _rounding_half_step(atom: _Atom) -> float:
    """Half the step of the last significant digit as written ("300" -> 50, "55,5 milliards" -> 0.05e9)."""
    if atom.words:
        magnitude = 10.0 ** max(0, int(math.log10(max(atom.value, 1))))
        return magnitude / 2
    digits = re.sub(rf"[{_SPACE}]", "", atom.digits)
    if re.search(r"[.,]\d{1,2}$", digits) or (re.search(r"[.,]\d+$", digits) and not atom.grouped):
        decimals = len(re.split(r"[.,]", digits)[-1])
        return 0.5 * 10.0 ** (-decimals) * atom.scaled
    integer = re.sub(r"\D", "", digits)
    trailing = len(integer) - len(integer.rstrip("0")) if integer.strip("0") else 0
    return 0.5 * 10.0**trailing * atom.scaled


def _interval(qualifier: Qualifier, value: float, atom: _Atom) -> tuple[float | None, float | None]:
    if qualifier == "exact":
        return value, value
    if qualifier == "approximately":
        tolerance = max(
            0.1 * abs(value), _rounding_half_step(atom) * (value / atom.value if atom.value else 1)
        )
        return value - tolerance, value + tolerance
    if qualifier in ("at_most", "less_than"):
        return 0.0, value
    return value, None  # at_least, more_than


def _qualifier_before(text: str, start: int, lex: _Lex) -> tuple[Qualifier, int] | None:
    match = lex.qualifier_before.search(text, max(0, start - 40), start)
    if not match:
        return None
    for name in _QUALIFIER_NAMES:
        if match.groupdict().get(name):
            return name, match.start(name)
    return None  # pragma: no cover - one group always matches


def _qualifier_after(text: str, end: int, lex: _Lex) -> tuple[Qualifier, int] | None:
    match = lex.qualifier_after.match(text[end : end + 30])
    if not match:
        return None
    for name in ("approximately", "at_least", "at_most"):
        if match.groupdict().get(name):
            return name, end + match.end()
    return None  # pragma: no cover


@dataclass(slots=True)
class _Expr:
    start: int  # of the number expression (qualifier included)
    end: int
    value: float
    low: float | None
    high: float | None
    qualifier: Qualifier
    unit: str | None
    kind: str
    subject: str | None
    measure: str | None
    number_start: int
    predicate: str | None = None


def _range_partner(text: str, atom: _Atom, nxt: _Atom | None, lex: _Lex) -> bool:
    """Whether `atom` opens a range ("10 à 12", "between 3 and 5", "10-12") closed by `nxt`."""
    if nxt is None:
        return False
    between = text[atom.end : nxt.start]
    connectors = "|".join(p for p in ("-|–|—", lex.range_connectors) if p)
    # the first bound may repeat the unit ("35% et 40%", "$10 million to $15 million")
    connector = re.fullmatch(
        rf"(?P<unit>{_WS}*(?:%|€|\$|£|[^\W\d]{{1,12}})?){_WS}*(?P<conn>{connectors}){_WS}*(?:[$€£]{_WS}?)?",
        between,
        re.IGNORECASE,
    )
    if not connector:
        return False
    conn = connector["conn"].lower()
    if connector["unit"].strip():
        # "35% et 40%" is a range; "25 % à 34 500 tonnes" is two figures
        first_unit = _match_unit(text, atom.end, lex)
        second_unit = _match_unit(text, nxt.end, lex)
        if first_unit is None or second_unit is None or first_unit[0].canonical != second_unit[0].canonical:
            return False
    if (
        conn not in ("-", "–", "—")
        and conn not in lex.range_to
        and not lex.range_both.search(text[max(0, atom.start - 12) : atom.start])
    ):
        return False  # "3 et 5", "3 or 4" open a range only after "entre"/"between"
    # "F-16 - 20" is no range
    return not (
        conn in ("-", "–", "—") and re.search(r"[^\W\d]-$", text[max(0, atom.start - 2) : atom.start])
    )


def extract_quantities(text: str, language: str, sdoc: Doc | None = None) -> list[Mention]:
    """Quantity and money mentions of `text` (see the module docstring for the conventions)."""
    lex = _lex(_code(language))
    if sdoc is not None and sdoc.text != text:
        sdoc = None  # a parse of another text would give wrong offsets
    dated = [d for d in find_dates_with_kind(text, lex.code) if not _counts_not_month(text, d[0], d[1], lex)]
    dates = [(start, end) for start, end, _ in dated]
    # a figure's time may be a month or a span of years of its sentence, not a day it was said on
    periods = [(start, end) for start, end, is_period in dated if is_period]
    blocked = _blocked_spans(text, lex, dates)
    sentences = _sentence_spans(text, sdoc)
    scores = _scores(text, lex, sentences, sdoc, periods)
    blocked.extend((m.start, m.end) for m in scores)
    atoms = _find_atoms(text, lex, blocked)
    mentions: list[Mention] = list(scores)
    consumed_until = -1
    previous: _Expr | None = None
    counts: list[_Expr] = []  # the figures read so far
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        i += 1
        if atom.start < consumed_until:
            continue
        sent = _sentence_of(sentences, atom.start, text)
        after_nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        expr = _alternative(text, lex, atom, nxt, after_nxt, sdoc, sent)
        if expr is None:
            expr = _read_expression(text, lex, atom, nxt, sdoc, sent)
        if expr is None:
            expr = _shared_noun(text, lex, atom, nxt, after_nxt, sdoc, sent)
        if expr is None and (parallel := _parallel_count(text, lex, counts, sent, atom.start)) is not None:
            expr = _elliptic(text, lex, atom, nxt, parallel, sent)
        if (expr is None or (expr.unit is None and expr.subject is None)) and counts and sdoc is not None:
            # "il en cède cinq", "Il en existe près de 200": the noun the pronoun stands for
            expr = _clitic_count(text, lex, atom, counts[-1], sdoc) or expr
        if expr is None:
            continue
        if any(atom.start < score.start < expr.end for score in scores):
            # "Alex de Minaur's 6-4, 6-3 victory" (scrapinghub 0d46122928): a figure never reaches
            # over a score to the noun after it ("6 victories")
            continue
        consumed_until = expr.end
        if _price_year(text, lex, atom, expr):
            continue
        if expr.measure == "duration" and (
            _relative_time(text, expr.start, expr.end, lex)
            or _dates_an_event(sdoc, expr.start, expr.end, lex)
        ):
            continue
        subject, predicate = expr.subject, expr.predicate
        if expr.measure == "length" and subject is None:
            subject = _length_subject(text, sent[0], expr.start, expr.end, lex)
        if previous is not None and _restates(text, lex, previous, expr, sent):
            # "57 % (contre 50 %)", "38 000 dollars [33 000 euros]": the same measure, compared
            subject, predicate = previous.subject, previous.predicate
        elif previous is not None and (item := _list_item_name(text, previous, expr)):
            # "BNP Paribas doit toucher 2,55 milliards ; la Société générale, 1,7 milliard": the
            # list's verb, and the name that tells this sum from the others
            subject, predicate = item, previous.predicate
        elif subject is None and previous is not None and _coordinated(text, lex, previous, expr, sent):
            # "a progressé de 3% en 2019 et de 5% en 2020", "rallongés de 20 minutes sur les
            # quais hauts et de près de 30 minutes sur les Grands Boulevards": the same measure
            subject, predicate = previous.subject, previous.predicate
        previous = replace(expr, subject=subject, predicate=predicate)
        counts.append(previous)
        mentions.append(
            _count_mention(
                text,
                lex,
                sdoc,
                sent,
                expr.start,
                expr.end,
                kind="money" if expr.kind == "money" else "quantity",
                value=_tidy(expr.value),
                unit=expr.unit,
                subject=subject,
                qualifier=expr.qualifier,
                low=_tidy(expr.low),
                high=_tidy(expr.high),
                predicate=predicate,
                claim_at=atom.start,
                periods=periods,
                # a person's age has no place: the places of its sentence are where they live or went
                placed=expr.measure != "age",
            )
        )
    mentions.extend(_vague_to_mentions(text, lex, mentions, sentences, blocked, sdoc))
    return sorted(mentions, key=lambda m: m.start)


def _counts_not_month(text: str, start: int, end: int, lex: _Lex) -> bool:
    """A date read off a month written like a number word is a count when a word, not a day
    or year, follows: "promise depuis sept ans" (FreSaDa), never September."""
    last = re.search(r"([^\W\d_]+)\s*$", text[start:end])
    if last is None or lex.word_numbers is None or not lex.word_numbers.fullmatch(last.group(1)):
        return False
    return re.match(rf"{_WS}+[^\W\d_]", text[end : end + 30]) is not None


def _next_count(
    text: str, lex: _Lex, nxt: _Atom, after_nxt: _Atom | None, sdoc: Doc | None, sent: tuple[int, int]
) -> _Expr | None:
    """The count that `nxt` opens, when it counts a noun (no sum, no scale word, no range)."""
    if nxt.scaled != 1.0:
        return None
    expr = _read_expression(text, lex, nxt, after_nxt, sdoc, sent)
    if expr is None or expr.kind == "money" or expr.unit is None or expr.qualifier == "range":
        return None
    return expr


def _joined_count(
    text: str,
    lex: _Lex,
    atom: _Atom,
    nxt: _Atom | None,
    after_nxt: _Atom | None,
    sdoc: Doc | None,
    sent: tuple[int, int],
    connectors: re.Pattern[str] | None,
) -> _Expr | None:
    """The count `nxt` opens, when only `connectors` stand between a bare number `atom` and it."""
    if (
        nxt is None
        or connectors is None
        or atom.scaled != 1.0
        or not connectors.fullmatch(text, atom.end, nxt.start)
    ):
        return None
    return _next_count(text, lex, nxt, after_nxt, sdoc, sent)


def _alternative(
    text: str,
    lex: _Lex,
    atom: _Atom,
    nxt: _Atom | None,
    after_nxt: _Atom | None,
    sdoc: Doc | None,
    sent: tuple[int, int],
) -> _Expr | None:
    """Two numbers joined by "ou"/"or" before one noun are a range of that noun: "quatre ou
    cinq teintes différentes" (FreSaDa 000008680), "two or three children"."""
    if nxt is None or not atom.value < nxt.value:
        return None
    second = _joined_count(text, lex, atom, nxt, after_nxt, sdoc, sent, lex.alternative_connectors)
    if second is None:
        return None
    return replace(
        second,
        start=atom.start,
        value=(atom.value + nxt.value) / 2,
        low=atom.value,
        high=nxt.value,
        qualifier="range",
        number_start=atom.start,
    )


def _shared_noun(
    text: str,
    lex: _Lex,
    atom: _Atom,
    nxt: _Atom | None,
    after_nxt: _Atom | None,
    sdoc: Doc | None,
    sent: tuple[int, int],
) -> _Expr | None:
    """A bare number joined by "et"/"and" to a count right after it counts the same noun:
    "people who have two and three jobs" (ECB+ 8_7ecbplus), "les deux et trois pièces"."""
    second = _joined_count(text, lex, atom, nxt, after_nxt, sdoc, sent, lex.shared_noun_connectors)
    if second is None:
        return None
    return replace(
        second,
        start=atom.start,
        end=atom.end,
        value=atom.value,
        low=atom.value,
        high=atom.value,
        qualifier="exact",
        number_start=atom.start,
    )


def _coordinated(text: str, lex: _Lex, previous: _Expr, expr: _Expr, sent: tuple[int, int]) -> bool:
    """Whether `expr`, a figure with no subject, is coordinated with the figure before it in its
    sentence, in the same unit: a coordinator (`elliptic_connectors`) or a versus word between
    them, with no other number but a year ("3% en 2019 et de 5% en 2020")."""
    if previous.subject is None or previous.start < sent[0] or previous.unit != expr.unit:
        return False
    if previous.kind != expr.kind or previous.measure != expr.measure:
        return False
    gap = text[previous.end : expr.start]
    if len(gap) > 80 or re.search(r"\d", _YEAR_WORD.sub("", gap)) or re.search(r"[;:.!?()]", gap):
        return False
    if re.search(r"(?<![\w'’])[A-ZÀ-Ý]", gap):
        return False  # "Peugeot perdait 7,5 % ... et Renault ouvrait à -5,4 %": another name, another subject
    return lex.coordinators.search(gap) is not None or lex.versus.search(gap) is not None


def _parallel_count(
    text: str, lex: _Lex, counts: Sequence[_Expr], sent: tuple[int, int], start: int
) -> _Expr | None:
    """The last figure of the sentence a left-out noun can be read from: not one inside a
    modifier after `elliptic_not_after` ("289 députés seraient élus ... à deux tours ... et cent à
    la proportionnelle": the deputies, not the rounds), unless a versus word joins it to the
    number at `start` ("par 55 voix contre 52")."""
    if counts and counts[-1].start >= sent[0] and lex.versus.search(text[counts[-1].end : start]):
        return counts[-1]
    for expr in reversed(counts):
        if expr.start < sent[0]:
            return None
        before = re.search(r"([^\W\d_]+)['’]?\s*$", text[max(sent[0], expr.start - 20) : expr.start])
        if before is None or fold(before.group(1)) not in lex.elliptic_not_after:
            return expr
    return None


def _elliptic(
    text: str, lex: _Lex, atom: _Atom, nxt: _Atom | None, previous: _Expr, sent: tuple[int, int]
) -> _Expr | None:
    """A bare number that a coordinator (`elliptic_connectors`) joins to the count before it in
    its sentence counts the same thing, its noun left out: "186 sénateurs ont voté en faveur de
    ce texte et 106 contre", "163 hectares ont brûlé à Carro et 100 à Peynier", "300 people were
    hurt in Manila and 200 in Cebu". Sums are left alone: "et 3" after a sum in billions is no sum."""
    if (
        lex.elliptic_connectors is None
        or previous.kind == "money"
        or previous.unit is None
        or previous.measure in ("age", "duration")
        or previous.start < sent[0]
        or atom.scaled != 1.0
        or (not atom.words and not atom.grouped and _YEAR.fullmatch(atom.digits))
    ):
        return None
    gap = text[previous.end : atom.start]
    # "par 55 voix contre 52", "329 personnes ... contre 285 en juin 2016": a versus word too
    if (
        len(gap) > 80
        or re.search(r"\d", gap)
        or not (lex.elliptic_connectors.search(gap) or lex.versus.search(gap))
    ):
        return None
    high_atom = nxt if _range_partner(text, atom, nxt, lex) else None
    low_value = atom.value
    end = atom.end
    qualifier: Qualifier = "exact"
    low: float | None = atom.value
    high: float | None = atom.value
    value = atom.value
    if high_atom is not None:
        if low_value * 1000 <= high_atom.value and high_atom.value % 1000 == 0:
            low_value *= 1000  # "3 à 4000": three thousand
        if low_value < high_atom.value:
            qualifier, low, high = "range", low_value, high_atom.value
            value, end = (low_value + high_atom.value) / 2, high_atom.end
    return _counting_as(previous, atom.start, end, value, low, high, qualifier, atom.start)


def _clitic_count(text: str, lex: _Lex, atom: _Atom, previous: _Expr, sdoc: Doc) -> _Expr | None:
    """A bare number that is the object of a verb with a partitive clitic (`partitive_clitics`)
    counts the noun of the count before it, in its sentence or the one before: "Jean-Luc
    Mélenchon perd six points. Quant à Benoît Hamon, ..., il en cède cinq" (FreSaDa
    000008593), "Il en existe près de 200"."""
    if (
        not lex.partitive_clitics
        or atom.scaled != 1.0
        or previous.kind == "money"
        or previous.unit is None
        or previous.measure in ("age", "duration")
        or not 0 < atom.start - previous.end < 400
    ):
        return None
    span = sdoc.char_span(atom.start, atom.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verb = span.root.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i == span.root.i:
        return None
    if not any(c.pos_ == "PRON" and fold(c.text) in lex.partitive_clitics for c in verb.children):
        return None
    qualifier: Qualifier = "exact"
    start = atom.start
    if (before := _qualifier_before(text, atom.start, lex)) is not None:
        qualifier, start = before
    low, high = _interval(qualifier, atom.value, atom)
    return _counting_as(previous, start, atom.end, atom.value, low, high, qualifier, atom.start)


def _counting_as(
    previous: _Expr,
    start: int,
    end: int,
    value: float,
    low: float | None,
    high: float | None,
    qualifier: Qualifier,
    number_start: int,
) -> _Expr:
    """A figure whose noun is left out, counting what `previous` counts: its unit, kind,
    subject, measure and predicate (elliptic counts, partitive clitics)."""
    return _Expr(
        start=start,
        end=end,
        value=value,
        low=low,
        high=high,
        qualifier=qualifier,
        unit=previous.unit,
        kind=previous.kind,
        subject=previous.subject,
        measure=previous.measure,
        number_start=number_start,
        predicate=previous.predicate,
    )


def _relative_time(text: str, start: int, end: int, lex: _Lex) -> bool:
    """A duration that says when something happened, not how long it lasted: "six mois
    auparavant", "two years ago", "il y a deux ans"; never a figure to cross-check."""
    return bool(
        lex.relative_time_after.match(text, end, min(len(text), end + 40))
        or lex.relative_time_before.search(text, max(0, start - 20), start)
    )


def _price_year(text: str, lex: _Lex, atom: _Atom, expr: _Expr) -> bool:
    """A year written before a currency after `price_year_before` is the year whose money a sum
    is counted in, not a sum: "over $76 million ( in 2006 dollars )" (ECB+ 13_5ecbplus)."""
    return (
        expr.kind == "money"
        and atom.scaled == 1.0
        and not atom.words
        and _YEAR.fullmatch(atom.digits) is not None
        and expr.start == atom.start
        and lex.price_year_before.search(text, max(0, atom.start - 20), atom.start) is not None
    )


def _dates_an_event(sdoc: Doc | None, start: int, end: int, lex: _Lex) -> bool:
    """A duration that says when by its distance to an event named as a noun phrase, not how long
    something lasted: "Two days before the vote", "He had married two weeks before the shooting"
    (the duration modifies a preposition whose object is a noun: `relative_time_complement`;
    "30 days before the rules take effect" opens a clause and stays a measure), "à deux jours du
    premier tour", "à 16 jours des élections" (a count-down: `countdown_prepositions` before the
    duration, a determiner or `contracted_articles` before its complement; "condamné à cinq ans
    de prison" has none). Read from the parse only."""
    if sdoc is None:
        return False
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    unit = span.root
    head = unit.head
    if (
        unit.dep_ == "npadvmod"
        and fold(head.text) in lex.relative_time_complement
        and head.pos_ in ("ADP", "ADV")
        and head.dep_ != "mark"
    ):
        objects = [c for c in head.children if c.dep_ == "pobj"]
        objects += [g for c in head.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        if objects:
            return True
    if lex.countdown_prepositions and any(
        c.dep_ == "case" and fold(c.text) in lex.countdown_prepositions for c in unit.children
    ):
        for complement in unit.children:
            if complement.dep_ != "nmod" or complement.i < unit.i:
                continue
            cases = [c for c in complement.children if c.dep_ == "case"]
            of = [c for c in cases if _is_of_case(c, lex)]
            if of and (
                any(fold(c.text) in lex.contracted_articles for c in of)
                or any(c.dep_ == "det" for c in complement.children)
            ):
                return True
    return False


_LIST_ITEM_GAP = re.compile(
    r"\s*[,;]\s*(?:(?:et|and)\s+)?(?:(?:le|la|les|l['’]|the)\s*)?(?P<name>[A-ZÀ-Ý][\w'’.&-]*(?:\s+[^\W\d][\w'’.&-]*){0,3}?)\s*,?\s*"
)


def _list_item_name(text: str, previous: _Expr, expr: _Expr) -> str | None:
    """The name `expr` follows when it is the next item of a list of sums after names, with no
    verb of its own: "X va recevoir 3 milliards, BNP Paribas 2,55 milliards, Société Générale
    1,7 milliard" -> "Société Générale"."""
    if expr.subject is not None or expr.predicate is not None or expr.measure == "age":
        return None
    if (previous.subject is None and previous.predicate is None) or previous.measure == "age":
        return None
    if not (previous.kind == expr.kind or (previous.kind == "money" and expr.unit is None)):
        return None
    gap = text[previous.end : expr.start]
    match = _LIST_ITEM_GAP.fullmatch(gap) if len(gap) <= 60 else None
    return match["name"] if match else None


def _restates(text: str, lex: _Lex, previous: _Expr, expr: _Expr, sent: tuple[int, int]) -> bool:
    """Whether `expr` states `previous`'s measure again, for comparison or conversion: right after
    it in one sentence, of the same kind and measure, in brackets that open on it or on a
    "versus" word. Without brackets "62 percent said X, compared with 35 percent who believed Y"
    are two measures."""
    if previous.subject is None or previous.end <= sent[0] or previous.end > expr.start:
        return False
    if (previous.kind, previous.measure) != (expr.kind, expr.measure) or expr.kind == "score":
        return False
    between = text[previous.end : expr.start]
    if (
        expr.subject is None
        and len(between) <= 60
        and re.search(r"[.;:()\[\]]", between) is None
        and re.search(r",\s*\S+(?:\s+\S+)?\s*$", between) is not None
        and lex.versus.search(between) is not None
    ):
        # "une augmentation de 0,8 % au 1er juillet, soit 0,4 % sur l'année", "32 million people
        # tuning in, compared with 55.3 million": a figure with no subject of its own, opened by
        # a "versus" word, restates the one before
        return True
    if len(between) > 30 or not between.strip():
        return False
    opened = re.fullmatch(r"\s*[(\[](?P<words>[^()\[\].;]*)", between)
    if opened is None:
        return False
    return not opened["words"].strip() or lex.versus.search(opened["words"]) is not None


def _tidy(value: float | None) -> float | None:
    """Drop binary noise: 16.4 * 1e6 is 16400000.0, not 16399999.999999998."""
    return None if value is None else float(f"{value:.14g}")


def _currency_prefix(text: str, start: int) -> tuple[_Unit, int] | None:
    prefix = _PREFIX_CURRENCY.search(text, max(0, start - 8), start)
    if not prefix:
        return None
    if prefix["dollar"]:
        code = _DOLLAR_PREFIXES[prefix["dollar"].strip().lower()]
    else:
        symbol = prefix["code"] or prefix["sym"]
        code = _PREFIX_CODES.get(symbol, symbol)
    return _money(code), prefix.start()


def _is_name_before(text: str, start: int, lex: _Lex) -> bool:
    """A capitalized word inside a sentence, right before the number, names a thing ("Boeing
    737", "Euro 2024"); at a sentence start it is just capitalized."""
    before = text[max(0, start - 30) : start]
    # a word capitalized inside ("iPhone 11 Pro users", scrapinghub 65bf3048b5) is a name too
    name_before = re.search(
        r"(?P<lead>^|[^\s])?\s*(?<![\w])([A-ZÀ-Ý][\w'’-]*|[a-z]+[A-Z][\w'’-]*)\s+$", before
    )
    if not name_before:
        return False
    word = name_before.group(2)
    if re.search(r"['’]s$", word):
        return False  # a possessive holds what is counted: "Whoopi Goldberg's four stints"
    lead = name_before["lead"] or ""
    sentence_initial = (lead == "" and len(before) < 30) or lead in '.!?:;«"“(\n'
    return (
        not sentence_initial and word.lower() not in lex.stop and not lex.qualifier_before.search(word + " ")
    )


def _model_number(text: str, atom: _Atom, lex: _Lex) -> bool:
    """Digits that name a model, read off how they are written: glued to letters that are no unit
    ("777x jets", "4K TVs", "the 76ers"), or after another number with a capitalized word next
    ("five 787 Dreamliner sales", scrapinghub 374ac9a59a, cnbc): two numbers in a row count
    nothing together, the name holds the second. Not "787-9": a record is written so too ("a
    19-7 run", "a 162-139 mark", both labelled figures)."""
    if atom.words:
        return False
    after = text[atom.end : atom.end + 2]
    if re.match(r"[^\W\d_]", after) and not re.match(r"s(?![\w])", after):
        return True  # a plural "s" is a decade or an age ("the 1990s", "in her 20s")
    if not re.match(rf"{_WS}+[A-Z]", text[atom.end : atom.end + 3]):
        return False
    before = text[max(0, atom.start - 40) : atom.start]
    if re.search(rf"(?<![\w.,])\d[\d.,]*{_WS}+$", before):
        return True
    numbers_before = lex.word_numbers
    return numbers_before is not None and any(
        m.end() == len(before.rstrip(_SPACE)) and len(before) > len(before.rstrip(_SPACE))
        for m in numbers_before.finditer(before)
    )


def _predicate_of_noun(sdoc: Doc | None, text: str, noun_start: int, noun_end: int) -> str | None:
    """The verb or participle a counted noun goes with: "10 people were killed", "killing 10
    people", "trois personnes tuées"."""
    if sdoc is None:
        return None
    span = sdoc.char_span(noun_start, noun_end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    noun = span.root
    for child in noun.children:
        if (
            child.dep_ in ("acl", "amod", "acl:relcl")
            and child.pos_ in ("VERB", "ADJ")
            and 0 < child.i - noun.i <= 3
            and (
                child.tag_ in ("VBN", "VBD")
                or "Part" in child.morph.get("VerbForm", [])
                or child.pos_ == "ADJ"
            )
        ):
            return child.text.lower()
    if noun.dep_ in ("nsubj", "nsubj:pass", "nsubjpass", "obj", "dobj") and noun.head.pos_ == "VERB":
        return noun.head.text.lower()
    return None


def _repeated_event(sdoc: Doc, text: str, noun_start: int, noun_end: int) -> str | None:
    """What a count of times counts: the verb the "times"/"fois" adverbial goes with, and its
    object ("hosted the ceremony five times" -> "hosted ceremony", "vu six fois" -> "vu")."""
    span = sdoc.char_span(noun_start, noun_end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verb = span.root.head
    if verb.pos_ == "NUM" and verb.i > span.root.i:
        verb = verb.head  # "révisé 24 fois depuis 1958" (FreSaDa 000010414): hung on the year
    elif verb.pos_ == "ADP":
        verb = verb.head  # "robbed the store on three occasions"
    if verb.pos_ == "NOUN" and verb.i > span.root.i and any(c.dep_ == "cop" for c in verb.children):
        # "celui qui fut deux fois candidat à l'Elysée" (FreSaDa 000010369): the role held
        return verb.text
    if verb.pos_ == "NOUN" and verb.i > span.root.i and verb.head.pos_ == "VERB":
        # the parser may hang the count on the object after it ("a opposé 8 fois son véto")
        return f"{verb.head.text} {verb.text}"
    if verb.pos_ not in ("VERB", "AUX") or verb.i == span.root.i:
        return None
    objects = [c for c in verb.children if c.dep_ in ("obj", "dobj") and c.pos_ in ("NOUN", "PROPN")]
    return " ".join([verb.text, *(o.text for o in objects[:1])])


def _read_expression(
    text: str, lex: _Lex, atom: _Atom, nxt: _Atom | None, sdoc: Doc | None, sent: tuple[int, int]
) -> _Expr | None:
    start = atom.start
    # a currency before the number: "$275 million", "€10bn", "US$ 5"
    prefix = _currency_prefix(text, start)
    prefix_unit: _Unit | None = None
    if prefix:
        prefix_unit, start = prefix
    # identifiers and names: a number glued to letters, or right after a capitalized word
    before = text[max(0, start - 30) : start]
    if re.search(r"(?:[^\W\d_]|[^\W_]-)$", before) is not None and not prefix:
        return None
    if lex.ordinal_after.match(text, atom.end) and not atom.words and atom.scaled == 1.0:
        return None
    named = not prefix and _is_name_before(text, start, lex)
    # ranges
    high_atom: _Atom | None = nxt if _range_partner(text, atom, nxt, lex) else None
    last = high_atom or atom
    end = last.end
    low_value, high_value = atom.value, last.value
    if high_atom is not None:
        if high_atom.scaled > 1 and atom.scaled == 1:
            low_value *= high_atom.scaled  # "10 à 12 millions"
        elif high_atom.grouped and not atom.grouped and atom.value < 1000 and atom.value * 1000 <= high_value:
            low_value *= 1000  # "10 à 12 000"
        if not low_value < high_value:
            high_atom = None
            end = atom.end
            low_value = high_value = atom.value
            last = atom
    # an age: "Lance Armstrong, 37 ans", "the 33-year-old", "Reid , 33 ,"
    if high_atom is None and prefix_unit is None and atom.scaled == 1.0:
        age = _age(text, sdoc, sent[0], atom.start, atom.end, atom.value, lex)
        if age is not None:
            age_end, age_subject = age
            value = atom.value
            half = lex.half.match(text, age_end)
            if half:
                value, age_end = value + 0.5, half.end()
            # "j'avais un peu plus de 30 ans", "vous avez moins de 25 ans": the bound is kept
            age_qualifier = _qualifier_before(text, start, lex)
            qualifier_of_age, age_start = age_qualifier if age_qualifier else ("exact", start)
            age_low, age_high = _interval(qualifier_of_age, value, atom) if age_qualifier else (value, value)
            return _Expr(
                age_start,
                age_end,
                value,
                age_low,
                age_high,
                qualifier_of_age,
                _age_unit(text, atom.end, age_end, lex),
                "quantity",
                age_subject,
                "age",
                atom.start,
            )
    # "three - plus seasons" (ECB+ 5_4ecbplus), "20+ years": a lower bound written between the
    # number and its noun; the noun is read after it
    glued_plus = lex.at_least_glued.match(text, end) if high_atom is None else None
    if glued_plus is not None:
        end = glued_plus.end()
    # the unit, after an optional "de"/"d'"/"of" when a scale word precedes ("millions de dollars")
    unit: _Unit | None = prefix_unit
    unit_end = end
    if unit is None:
        found = _match_unit(text, end, lex)
        if found is None and (last.scaled > 1 or last.words):
            de = re.compile(rf"{_WS}+{lex.of_then}").match(text, end)
            if de:
                found = _match_unit(text, de.end(), lex, allow_hyphen=False)
        if found is not None:
            unit, unit_end = found
    # "livres"/"pounds": money after a scale word, weight (English) or books (French) else
    if unit is None:
        pounds = lex.pounds.match(text, end)
        if pounds:
            if last.scaled > 1:
                unit, unit_end = _money("GBP"), pounds.end()
            elif lex.pounds_weight:
                unit, unit_end = _u("lb", "mass"), pounds.end()
    if named and unit is None and last.scaled == 1.0:
        return None  # "Boeing 737", "Euro 2024"; but "BNP Paribas 2,55 milliards d'euros" is a sum
    if unit is None and high_atom is None and last.scaled == 1.0 and _model_number(text, atom, lex):
        return None  # "777x jets", "five 787 Dreamliner sales"
    if unit is None and not atom.words and re.fullmatch(r"\d{5,}", atom.digits):
        return None  # counts that large are written grouped; "35831647" is an identifier
    # a year stays a year unless a unit or qualifier makes it a quantity
    qual_before = _qualifier_before(text, start, lex)
    is_year_like = (
        not atom.words
        and not atom.grouped
        and _YEAR.fullmatch(atom.digits) is not None
        and atom.scaled == 1.0
        and high_atom is None
    )
    if is_year_like and unit is None and qual_before is None:
        return None
    subject: str | None = None
    predicate: str | None = None
    head_unit: str | None = None
    measure: str | None = unit.measure if unit else None
    if unit is None:
        noun = None
        after_number = end
        de = re.compile(rf"{_WS}+{lex.of_then}").match(text, end)
        if (last.scaled > 1 or (last.words and last.value >= 1000)) and de:
            after_number = de.end()
        model = re.compile(rf"{_WS}+\d+(?={_WS}+[A-Z])").match(text, end)
        if model is not None and high_atom is None:
            after_number = model.end()  # "five 787 Dreamliner sales": the count reads past the model
        compound = lex.duration_compound.match(text[end : end + 60])
        if (
            compound
            and not compound["hyphen"]
            and (lex.adjectives_after_noun or _looks_plural(compound["unit"], lex))
        ):
            compound = None  # without a hyphen only "a 20 year sentence": a singular unit, English order
        graded = lex.magnitude_after.match(text[end : end + 60]) or lex.graded_nouns.match(
            text[end : end + 30]
        )
        # without a parse no verb tells a multiple from an action repeated ("a opposé 8 fois son
        # véto"): read only with one
        multiple = lex.multiple_of.match(text, end) if high_atom is None and sdoc is not None else None
        multiplied = _multiplied_noun(multiple["noun"], lex) if multiple is not None else None
        if multiple is not None and multiplied is not None and sdoc is not None:  # always a parse here
            # "qui a opposé 8 fois son véto" (FreSaDa 000004595): a noun after a count of times that
            # an action verb governs is what was repeated; a multiple is stated by a copula or a
            # verb of level ("was ... five times the legal limit", "atteignait trois fois le seuil")
            noun_end = multiple.start("noun") + len(multiplied)
            multiple_span = sdoc.char_span(atom.start, noun_end, alignment_mode="expand")
            governors = (
                [t.head for t in multiple_span if not (multiple_span.start <= t.head.i < multiple_span.end)]
                if multiple_span is not None
                else []
            )
            if any(
                g.pos_ == "VERB" and fold(g.text) not in lex.linking_words | lex.multiple_verbs
                for g in governors
            ):
                multiplied = None
        if multiple is not None and multiplied is not None:
            # "more than five times the legal limit" (ECB+ 21_10ecb), "trois fois le salaire
            # minimum": a multiple of that noun, no count of it nor of times
            subject = multiplied
            head_unit = fold(multiple["times"]).lower()
            unit_end = multiple.start("noun") + len(multiplied)
        elif (
            graded and lex.magnitude_word and high_atom is None and last.scaled == 1.0 and 0 < last.value < 10
        ):
            # "registering 6.1 on the Richter scale", "a 5.6 quake": the quake's magnitude
            subject = lex.magnitude_word
            head_unit = _normalize_count_noun(lex.magnitude_word, lex)
        elif compound and compound["noun"].lower() not in lex.stop:
            # "a 30-day program", "a 20 year sentence", "a 15-year veteran"
            word = compound["unit"].lower()
            head_unit = lex.duration_symbols.get(fold(word), word)
            noun_text = compound["noun"]
            unit_end = end + compound.start("noun") + len(noun_text)
            # "a 90 - day court - mandated stay" (ECB+ 1_10ecbplus), "a 90-day court-mandated
            # rehab": a compound adjective after the unit qualifies the noun after it
            adjective = re.match(r"\s-\s[a-z]+\s+(?P<noun>[a-z][\w'’]*)", text[unit_end : unit_end + 40])
            if adjective is None and "-" in noun_text and lex.participle_end.search(noun_text):
                adjective = re.match(r"\s+(?P<noun>[a-z][\w'’]*)", text[unit_end : unit_end + 40])
            if adjective is not None and fold(adjective["noun"]) not in lex.stop:
                noun_text = adjective["noun"]
                unit_end += adjective.end("noun")
            subject = noun_text
            measure = "duration"
        else:
            # "the 6 , 000 - member Academy", "a 200 - pound male": a hyphen spaced out by
            # tokenized text (ECB+); "6 . 4 - magnitude" is a measure, read below
            spaced_compound = not lex.measure_hyphen_after.match(text, end) and bool(
                re.match(r" - [a-z]{3,}(?![\w-])", text[end : end + 40])
            )
            if sdoc is not None:
                noun = _count_noun_from_parse(sdoc, text, atom.start, end, lex)
                if (
                    noun is not None
                    and nxt is not None
                    and high_atom is None
                    and end <= nxt.start < noun[2]
                    and re.search(r"[,;:(]", text[end : nxt.start])
                ):
                    # "his blood-alcohol level was 0.41 , more than five times the legal limit"
                    # (ECB+ 21_3ecb): a noun past a comma and another number is that number's
                    noun = None
            if noun is None:
                noun = _count_noun(text, after_number, lex)
            if noun is None:
                noun = _toll_word_after(text, end, lex)
            if noun is None and spaced_compound:
                word = re.match(r" - (?P<noun>[a-z]+)", text[end : end + 40])
                assert word is not None
                noun = (word["noun"], word["noun"], end + word.end())
            number_of = lex.number_of_after.match(text, end)
            if number_of:
                noun = _count_noun(text, number_of.end(), lex)
                if noun is not None:
                    noun = (noun[0], noun[1], end)  # the mention stays "11 000", the subject is after
            elif noun is None:
                before_number = lex.number_of_before.search(text, max(0, start - 120), start)
                if before_number:
                    if before_number["noun"]:
                        words = before_number["noun"].split()
                        if len(words) > 1 and fold(words[1]) in lex.stop:
                            words = words[:1]  # "the number of seats was raised to 125": no verb
                        noun = (words[0], " ".join(words), end)
                    elif fold(before_number["nn"]) in lex.total_nouns:  # "death toll rises to 10"
                        phrase = " ".join(p for p in (before_number["pre"], before_number["nn"]) if p)
                        noun = (before_number["nn"], phrase, end)

            def singular_after_many(counted: tuple[str, str, int]) -> bool:
                return (
                    abs(high_value) >= 2
                    and not _looks_plural(counted[0], lex)
                    and counted[2] != end
                    and not measure_concepts(counted[0], lex.code)
                    and fold(counted[0]) not in lex.count_abbreviations  # "51 KO"
                    and not text.startswith("-", end)  # "a 1000-member church": singular by rule
                    and not spaced_compound
                )

            if noun is not None and singular_after_many(noun):
                # after two or more, a counted noun is plural: "tous deux formulé" is a verb; the
                # parser may stop at a modifier the words carry on past ("seven AK-47 assault
                # rifles", "two co - workers"): the plural noun the words end on is counted
                by_words = None if number_of else _count_noun(text, after_number, lex)
                noun = by_words if by_words is not None and not singular_after_many(by_words) else None
            if (
                lex.children_noun
                and lex.parent_before.search(text, max(0, start - 40), start)
                and (
                    noun is None
                    or not _looks_plural(noun[0], lex)
                    or measure_concepts(noun[0], lex.code) & _TOLL_CONCEPTS
                )
            ):
                # "the mother of two died", "Queens mother of 2 dead" (ECB+ 21_6ecbplus): children
                noun = (lex.children_noun, lex.children_noun, end)
            if noun is not None:
                head_word, subject, unit_end = noun
                head_unit = _normalize_count_noun(head_word, lex)
                if (
                    not _looks_plural(head_word, lex)
                    and measure_concepts(head_word, lex.code) & _TOLL_CONCEPTS
                ):
                    head_unit = head_word.lower()  # "80 wounded" counts the wounded, as written
                if is_year_like:
                    return None
                folded_head = fold(head_word)
                if folded_head in lex.duration_symbols:
                    head_unit = lex.duration_symbols[folded_head]
                    measure = "duration"
                    subject = (
                        _elapsed_in(text, unit_end, lex)
                        or _sentence_subject(text, sent[0], start, unit_end, lex)
                        or _duration_subject(text, sdoc, start, unit_end, lex)
                    )
                elif (
                    sdoc is not None
                    and folded_head in lex.point_nouns
                    and (changed := _change_of_points(sdoc, text, atom.start, unit_end, lex))
                ):
                    # "la cote de confiance a reculé de deux points", "approval ratings have
                    # dropped six points", "une hausse de 10 points": a change of a share
                    subject, predicate = changed
                elif folded_head in lex.frequency_nouns and (compared := _compared_word(text, unit_end, lex)):
                    # "Alors qu'il est dix fois moins solide que les matériaux" (FreSaDa 000008545)
                    subject = compared
                elif (
                    sdoc is not None
                    and folded_head in lex.frequency_nouns
                    and (event := _repeated_event(sdoc, text, unit_end - len(head_word), unit_end))
                ):
                    subject = predicate = event  # "He hosted the ceremony five times": what was repeated
                elif unit_end != end:
                    predicate = _predicate_of_noun(sdoc, text, unit_end - len(head_word), unit_end)
                    words = [fold(w).rstrip("s") for w in _WORD.findall(subject)]
                    if predicate and all(
                        w in lex.generic_nouns or w + "s" in lex.generic_nouns for w in words
                    ):
                        subject = f"{subject} {predicate}"  # "10 people killed": the verb says which
            else:
                verb = _concept_verb(sdoc, atom.start, atom.end, lex.code)
                if verb is not None:
                    subject = predicate = verb  # "kills 1, injures 2": the verb says what is counted
                elif numbered := _numbered_noun(text, sent[0], qual_before[1] if qual_before else start, lex):
                    subject = numbered  # "des délégations sportives engagées, au nombre de 104"
                elif sdoc is not None and (owner := _noun_owning_number(sdoc, text, atom.start, end, lex)):
                    subject = owner  # "destruction d'emplois de 20.000", "51 médailles, ... (36)"
                elif last.scaled == 1.0 and (
                    measure_noun := _measure_before(text, qual_before[1] if qual_before else start, lex)
                    or lex.measure_hyphen_before.search(text, max(0, start - 30), start)
                    or lex.measure_hyphen_after.match(text, end)
                ):
                    subject = measure_noun["noun"].lower()  # "put the magnitude at 5.9", "magnitude-5.2"
                elif sdoc is not None and (counted := _object_counted(sdoc, text, atom.start, atom.end, lex)):
                    subject = counted  # "NBC New York estimated the crowd at 70"
                elif last.scaled == 1.0 and qual_before is None:
                    return None  # a bare number that counts nothing
                elif sdoc is not None and last.scaled > 1:
                    # "une enveloppe de 320 milliards", "25 milliards de capitalisation"
                    from_parse = qual_before[1] if qual_before else atom.start
                    subject, predicate = _subject_from_parse(sdoc, text, from_parse, end, lex)
                    if subject is None:
                        subject = _name_before_bracket(
                            text, start
                        )  # "celui des Affaires Etrangères (282 millions)"
    # qualifiers
    qualifier: Qualifier = "exact"
    expr_start = start
    if high_atom is not None:
        qualifier = "range"
        opening = lex.range_open.search(text[max(0, start - 10) : start])
        if opening:
            expr_start = start - (len(text[max(0, start - 10) : start]) - opening.start())
    elif qual_before is not None:
        qualifier, expr_start = qual_before
    elif glued_plus is not None:
        qualifier = "at_least"
    after_qual = _qualifier_after(text, unit_end, lex)
    expr_end = unit_end
    if qualifier == "exact" and after_qual is not None:
        qualifier, expr_end = after_qual
    factor = unit.factor if unit else 1.0
    value = low_value * factor
    top = high_value * factor
    low: float | None
    high: float | None
    if qualifier == "range":
        low, high = value, top
        value = (value + top) / 2
    else:
        low, high = _interval(qualifier, value, atom)
    kind = unit.kind if unit else "quantity"
    unit_name = unit.canonical if unit else head_unit
    if unit is not None and subject is None:
        worth = (
            lex.worth_before.search(text, max(0, expr_start - 60), expr_start)
            if unit.kind == "money"
            else None
        )
        if worth is not None and fold(worth["noun"]) not in lex.stop:
            # "signed Elton Brand to a five-year deal worth nearly $ 80 million" (ECB+ 5_6ecb): the
            # deal's worth (the parse hung the sum on "worth", under "year deal")
            subject = worth["noun"]
        elif unit.kind == "money":
            # "45 000 euros d'amende", "$5 billion in aid": the complement after the sum says it
            subject = _money_complement(text, unit_end, lex)
        elif measure == "ratio":
            # "dont près de 40% pour la douche": the share is taken for what follows (FreSaDa 000004496)
            subject = _purpose_noun(text, expr_end, lex, sdoc)
        if subject is None and sdoc is not None:
            from_parse = qual_before[1] if qual_before else atom.start  # "de l'ordre de" is no subject
            subject, predicate = _subject_from_parse(
                sdoc, text, from_parse, unit_end, lex, share=measure == "ratio"
            )
        if subject is None and (unit.kind == "money" or measure == "ratio"):
            subject = _name_before_bracket(text, start)  # "suivi par Alain Juppé (27,8%)"
        if subject is None and unit.kind == "money":
            subject = (
                _money_subject(text, expr_start, unit_end, lex)
                or _purpose_noun(text, unit_end, lex, sdoc)
                or _money_holder(text, expr_start, unit_end, lex)
            )
        elif subject is None and measure == "ratio":
            subject = _share_subject(text, expr_end, lex)
        elif subject is None and measure not in (None, "length"):
            measure_before = _measure_before(text, expr_start, lex)
            if measure_before:
                subject = measure_before["noun"].lower()
        if measure == "length" and subject is not None and sdoc is not None:
            # a length's parse head is often the place it is measured from: read the words first
            words_subject = _length_subject(text, sent[0], expr_start, expr_end, lex)
            subject = words_subject or subject
    return _Expr(
        start=expr_start,
        end=expr_end,
        value=value,
        low=low,
        high=high,
        qualifier=qualifier,
        unit=unit_name,
        kind=kind,
        subject=subject,
        measure=measure,
        number_start=atom.start,
        predicate=predicate,
    )


def _name_before_bracket(text: str, start: int) -> str | None:
    """The name a share or sum in brackets right after it is given for: "Il est suivi par Alain
    Juppé (27,8%)" (FreSaDa 000010212), "celui des Affaires Etrangères (282 millions)", "Obama
    (52%)"; a name is capitalized, so "au premier trimestre (+3%)" gives none."""
    before = re.search(
        r"(?<![\w'’])([A-ZÀ-Ý][\w'’.-]*(?:\s+(?:[A-ZÀ-Ý][\w'’.-]*|d[eu']|des|la|of))*\s+)?([A-ZÀ-Ý][\w'’.-]+)\s*\(\s*[+]?$",
        text[max(0, start - 60) : start],
    )
    if before is None:
        return None
    return ((before.group(1) or "") + before.group(2)).strip()


def _multiplied_noun(phrase: str, lex: _Lex) -> str | None:
    """The noun phrase a count of times multiplies, cut at its first function word or
    preposition ("the legal limit ." -> "legal limit", "la taille de la France" -> "taille");
    none for a time unit, a frequency ("five times a day", "trois fois par an")."""
    words: list[str] = []
    for word in phrase.split():
        folded = fold(word)
        if folded in lex.stop or folded in lex.of_prepositions:
            break
        words.append(word)
    if not words or fold(words[0]) in lex.duration_units or fold(words[0]).rstrip("s") in lex.duration_units:
        return None
    return " ".join(words)


def _compared_word(text: str, end: int, lex: _Lex) -> str | None:
    """The adjective (or noun, after "de") a count of times compares: "dix fois moins solide",
    "three times more likely", "trois fois plus d'équipements"; none before "que"/"than"."""
    compared = lex.times_comparative.match(text, end)
    if compared is None:
        return None
    word = re.sub(rf"^(?:{lex.of_words})", "", compared["adjective"], flags=re.IGNORECASE)
    if (
        len(word) < 3
        or fold(word) in lex.stop
        or fold(word) in lex.of_prepositions
        or "'" in word
        or "’" in word
    ):
        return None
    return word


def _noun_owning_number(sdoc: Doc, text: str, start: int, end: int, lex: _Lex) -> str | None:
    """The noun a bare number is the value of: its "de"/"of" complement ("un rythme de
    destruction d'emplois de 20.000", "a crowd of 5,000"), or a plural noun it stands in brackets
    after ("51 médailles d'or, loin devant les Etats-Unis (36)"); none for a number with a
    determiner, which stands for things named before ("the owner of all four")."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return None
    number = span[0]
    head = number.head
    if any(
        c.dep_ in ("det", "predet") or (c.dep_ == "case" and fold(c.text) in lex.contracted_articles)
        for c in number.children
    ):
        # "the owner of all four" (ECB+ 18_7ecbplus), "la propriétaire des quatre": a number with
        # a determiner stands for things named before; the noun it completes is not its measure
        return None
    if number.dep_ == "nmod" and any(c.dep_ == "case" and _is_of_case(c, lex) for c in number.children):
        pass
    elif number.dep_ == "pobj" and head.pos_ == "ADP" and _is_of_case(head, lex):
        head = head.head
    elif number.dep_ == "appos" and number.i > 0 and sdoc[number.i - 1].text in "([":
        if not _looks_plural(head.text, lex):
            return None
    else:
        return None
    if head.pos_ != "NOUN" or head.i == number.i:
        return None
    return _noun_with_complement(head, text, frozenset((number.i,))) or None


def _concept_verb(sdoc: Doc | None, start: int, end: int, language: str) -> str | None:
    """The verb a bare number is the object of, when that verb names a measure ("injures 2")."""
    if sdoc is None:
        return None
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    token = span.root
    if token.dep_ in ("obj", "dobj", "nsubj", "nsubjpass") and token.head.pos_ == "VERB":
        verb = token.head.text.lower()
        if measure_concepts(verb, language):
            return verb
    return None


def _duration_subject(text: str, sdoc: Doc | None, start: int, end: int, lex: _Lex) -> str | None:
    """What a duration is of: "30 heures de délibération", "a contract of 5 years", else the
    verb it completes ("has served for 15 years"). A noun holding the duration through a
    preposition of time comes first ("la transmission sous 48 heures du contrat": the
    transmission's delay, not the contract's)."""
    if sdoc is not None:
        held = _duration_holder(sdoc, text, start, end, lex)
        if held is not None:
            return held
    after = re.match(
        rf"{_WS}+{lex.of_then}(?!(?:{_escaped(lex.determiners) or 'x'})\b)(?P<noun>[^\W\d_][\w'’-]{{2,}})",
        text[end : end + 40],
        re.IGNORECASE,
    )
    if after and after["noun"].lower() not in lex.stop and not after["noun"][0].isupper():
        return after["noun"]
    if sdoc is not None:
        # a name after the duration holds the activity, it is not it ("une visite de deux jours
        # d'Emmanuel Macron", FreSaDa 000010372): the parse says what lasts
        event = _duration_event(sdoc, text, start, end, lex)
        if event is not None:
            return event
        subject, predicate = _subject_from_parse(sdoc, text, start, end, lex)
        return subject or predicate
    return None


def _duration_holder(sdoc: Doc, text: str, start: int, end: int, lex: _Lex) -> str | None:
    """The activity a duration is the length of, from the parse, whatever the words after it:
    - the noun holding it through a preposition of time (`duration_within`: "la transmission
      sous 48 heures", "a contract for 5 years");
    - the subject of a verb of lasting (`lasting_verbs`: "notre vol durera 2 heures");
    - the activity a verb of taking time is for (`spending_verbs`: "prenez 15 minutes pour vous
      restaurer", "it took eight hours to extinguish the blaze")."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    unit = span.root
    inside = frozenset(t.i for t in span)
    owner = unit.head
    preposition = None
    if unit.dep_ == "nmod":
        case = next((c for c in unit.children if c.dep_ == "case"), None)
        preposition = fold(case.text) if case is not None else None
    elif unit.dep_ == "pobj" and owner.pos_ == "ADP" and owner.dep_ == "prep":
        preposition, owner = fold(owner.text), owner.head
    if (
        preposition in lex.duration_within
        and owner.pos_ == "NOUN"
        and owner.i < unit.i
        and fold(owner.text) not in lex.duration_units
    ):
        return _noun_with_complement(owner, text, inside) or None
    verb = unit.head.head if unit.head.pos_ == "ADP" else unit.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i in inside:
        return None
    form = fold(verb.text)
    if form in lex.lasting_verbs:
        # "the police standoff that lasted two hours": a relative pronoun stands for its noun;
        # "the battles spread ... and lasted for more than five hours": a verb without subject
        # shares the first verb's
        subject = next((c for c in verb.children if c.dep_.startswith("nsubj")), None)
        if subject is None and verb.dep_ == "conj":
            subject = next((c for c in verb.head.children if c.dep_.startswith("nsubj")), None)
        if subject is not None and subject.pos_ == "PRON" and verb.dep_ in ("relcl", "acl:relcl"):
            subject = verb.head
        if subject is not None and subject.pos_ == "NOUN":
            return _noun_with_complement(subject, text, inside) or None
    if form in lex.spending_verbs and unit.dep_ in ("obj", "dobj"):
        for child in verb.children:
            if child.dep_ in ("xcomp", "advcl") and child.pos_ == "VERB" and child.i > unit.i:
                words = [child] + [
                    c
                    for c in child.children
                    if c.dep_ in ("obj", "dobj") and c.pos_ == "NOUN" and c.i > child.i
                ]
                return " ".join(t.text for t in words)
    # "ce délai a été allongé à 6 ans" (FreSaDa 000007152), "the term was extended to 5 years":
    # a duration a passive verb sets is its subject's
    passive = _passive_subject(verb)
    if passive is not None and passive.i < unit.i:
        return _noun_with_complement(passive, text, inside) or None
    return None


def _duration_event(sdoc: Doc, text: str, start: int, end: int, lex: _Lex) -> str | None:
    """What a duration lasts, from the parse: the place it is spent in ("20 months in Patton
    State Hospital", "20 mois à l'hôpital"), else the verb it completes with the verb's object
    ("have performed for 35 years", "will take effect in 30 days", "a travaillé pendant 15 ans"):
    the event, never the verb's subject, who did it."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    unit = span.root
    owner = unit.head
    if (
        unit.dep_ == "nmod"
        and owner.pos_ == "NOUN"
        and owner.i < unit.i
        and any(c.dep_ == "case" and _is_of_case(c, lex) for c in unit.children)
    ):
        # "un congé de 22 jours à domicile": the leave lasts, not the home
        return _noun_with_complement(owner, text, frozenset(t.i for t in span)) or None
    for child in unit.rights:
        if child.i == unit.i + 1 and child.dep_ == "prep" and fold(child.text) in lex.duration_places:
            target = next((c for c in child.children if c.dep_ == "pobj"), None)
            if target is not None and target.pos_ in ("NOUN", "PROPN"):
                return _noun_with_complement(target, text, frozenset(t.i for t in span)) or None
        if (
            child.dep_ == "nmod"
            and child.i <= unit.i + 3
            and child.pos_ in ("NOUN", "PROPN")
            and any(
                c.dep_ == "case" and fold(c.text).rstrip("'’") in lex.duration_places for c in child.children
            )
        ):
            return _noun_with_complement(child, text, frozenset(t.i for t in span)) or None
    if unit.dep_ not in ("pobj", "obl", "obl:mod", "obl:arg"):
        return None  # "takes effect nine days before the inauguration": a date, not how long
    head = unit.head
    if head.pos_ == "ADP" and head.i != head.head.i:
        head = head.head
    inside = frozenset(t.i for t in span)
    # a duration of being something: "had been a member of its anti - gang unit for the past five
    # years" (ECB+ 16_8ecbplus), "il est membre du bureau depuis cinq ans": the attribute lasts
    if head.pos_ == "NOUN" and head.i < unit.i and any(c.dep_ == "cop" for c in head.children):
        return _noun_with_complement(head, text, inside) or None
    if head.pos_ in ("AUX", "VERB") and (
        attribute := next(
            (c for c in head.children if c.dep_ == "attr" and c.pos_ == "NOUN" and c.i < unit.i), None
        )
    ):
        return _noun_with_complement(attribute, text, inside) or None
    if head.pos_ != "VERB" or head.i == unit.i:
        return None
    words = [head]
    named: list[tuple[int, str]] = []
    for child in head.children:
        if child.dep_ in ("dobj", "obj", "prt") and child.pos_ == "NOUN" and child.i > head.i:
            words.append(child)
        elif child.dep_ == "prep" and child.i > head.i and child.i not in (unit.i, unit.head.i):
            target = next((c for c in child.children if c.dep_ == "pobj"), None)
            if target is not None and target.pos_ == "NOUN" and target.i == child.i + 1 == head.i + 2:
                words.extend((child, target))  # "go into effect"
            elif target is not None and target.pos_ == "PROPN" and (name := _name_phrase(target, text)):
                # "had worked for the Sheriff's Department for 15 years" / "had served with the
                # Los Angeles County Sheriff's Department for 22 years" (ECB+ 16_5ecbplus,
                # 16_3ecbplus): the name the verb is done for or with says whose time it was
                named.append((child.i, f"{child.text} {name}"))
        elif (
            child.dep_ in ("obl", "obl:arg", "obl:mod")
            and child.pos_ == "PROPN"
            and child.i > head.i
            and child.i != unit.i
            and (case := next((c for c in child.children if c.dep_ == "case"), None)) is not None
            and (name := _name_phrase(child, text))
        ):
            named.append((case.i, f"{case.text} {name}"))  # "a travaillé chez Renault pendant 15 ans"
    pieces = [(t.i, t.text) for t in words] + named[:1]
    pieces.sort()
    return " ".join(piece for _, piece in pieces)


def _name_phrase(name: Token, text: str) -> str | None:
    """A proper name with the words it is written with, determiners and prepositions left out:
    "the Los Angeles County Sheriff's Department" -> "Los Angeles County Sheriff's Department";
    none when its words are not written in one run."""
    tokens = [t for t in name.subtree if t.i <= name.i or t.dep_ in ("flat", "flat:name", "compound")]
    while tokens and tokens[0].pos_ in ("DET", "ADP", "PRON"):
        tokens = tokens[1:]
    if not tokens or tokens[-1].i - tokens[0].i + 1 != len(tokens):
        return None
    return text[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]


# --------------------------------------------------------------------------------------------
# vague counts: "des milliers de soldats", "thousands of troops", "une dizaine de blessés"
# --------------------------------------------------------------------------------------------


def _vague_to_mentions(
    text: str,
    lex: _Lex,
    mentions: list[Mention],
    sentences: list[tuple[int, int]],
    blocked: list[tuple[int, int]],
    sdoc: Doc | None,
) -> list[Mention]:
    taken = [(m.start, m.end) for m in mentions] + blocked
    out: list[Mention] = []
    for pattern, qualifier in ((lex.vague_plural, "at_least"), (lex.vague_singular, "approximately")):
        for match in pattern.finditer(text):
            if _overlaps(match.start(), match.end(), taken):
                continue
            base = lex.vague_base[match["unit"].lower()]
            unit2 = match.groupdict().get("unit2")
            if unit2:
                base *= lex.vague_base[unit2.lower()]
            value = float(base * 2 if qualifier == "at_least" else base)
            noun_pos = match.end()
            de = re.match(rf"(?:(?:{lex.of_words})\s*)", text[noun_pos:], re.IGNORECASE)
            if de:
                noun_pos += de.end()
            det = (match.groupdict().get("det") or "").lower()
            start = match.start("unit") if det in lex.determiners and det not in lex.one else match.start()
            noun = _count_noun(text, noun_pos, lex)
            if noun is None:
                continue
            head, subject, noun_end = noun
            low, high = (value * 0.5, value * 1.5) if qualifier == "approximately" else (value, None)
            sent = _sentence_of(sentences, start, text)
            out.append(
                _count_mention(
                    text,
                    lex,
                    sdoc,
                    sent,
                    start,
                    noun_end,
                    value=value,
                    unit=_normalize_count_noun(head, lex),
                    subject=subject,
                    qualifier=qualifier,  # type: ignore[arg-type]
                    low=low,
                    high=high,
                )
            )
    taken.extend((m.start, m.end) for m in out)
    out.extend(_direct_collectives(text, lex, taken, sentences, sdoc))
    return out


def _direct_collectives(
    text: str,
    lex: _Lex,
    taken: list[tuple[int, int]],
    sentences: list[tuple[int, int]],
    sdoc: Doc | None,
) -> list[Mention]:
    """Collective numbers that count the noun right after them, with no "of" (`collectives_direct`):
    "at least a dozen people" (about 12), or, plural, the verb they are the subject of: "Dozens
    gathered to remember" (at least 24, the gathering counted)."""
    out: list[Mention] = []
    for match in lex.vague_direct.finditer(text):
        if _overlaps(match.start(), match.end(), taken):
            continue
        word = match["unit"].lower()
        plural = word in lex.direct_plural
        if not plural and not match["det"]:
            continue  # "dozen" alone is no count
        base = lex.direct_base[word]
        value, low, high = (base * 2, base * 2, None) if plural else (base, base * 0.5, base * 1.5)
        start = match.start("unit")
        other = lex.collective_other_words.match(text, match.end())
        noun = None if plural else _count_noun(text, other.end() if other else match.end(), lex)
        subject: str | None = None
        predicate: str | None = None
        unit: str | None = None
        end = match.end()
        if noun is not None and _looks_plural(noun[0], lex):
            unit, subject, end = _normalize_count_noun(noun[0], lex), noun[1], noun[2]
            predicate = _predicate_of_noun(sdoc, text, end - len(noun[0]), end)
        elif plural and sdoc is not None:
            span = sdoc.char_span(start, match.end(), alignment_mode="expand")
            token = span.root if span is not None and len(span) else None
            if (
                token is None
                or token.dep_ not in ("nsubj", "nsubjpass", "nsubj:pass")
                or token.head.pos_ != "VERB"
            ):
                continue
            subject = predicate = token.head.text
        else:
            continue
        sent = _sentence_of(sentences, start, text)
        out.append(
            _count_mention(
                text,
                lex,
                sdoc,
                sent,
                start,
                end,
                value=value,
                unit=unit,
                subject=subject,
                qualifier="at_least" if plural else "approximately",
                low=low,
                high=high,
                predicate=predicate,
            )
        )
    return out


# --------------------------------------------------------------------------------------------
# comparing units and measures
# --------------------------------------------------------------------------------------------

_TO_BASE: dict[str, tuple[str, float]] = {
    "km": ("m", 1000.0), "m": ("m", 1.0), "cm": ("m", 0.01), "mm": ("m", 0.001), "dm": ("m", 0.1),
    "mi": ("m", 1609.344), "nmi": ("m", 1852.0), "ft": ("m", 0.3048), "in": ("m", 0.0254),
    "kg": ("kg", 1.0), "g": ("kg", 0.001), "mg": ("kg", 1e-6), "µg": ("kg", 1e-9), "t": ("kg", 1000.0),
    "lb": ("kg", 0.45359237), "oz": ("kg", 0.028349523125),
    "l": ("l", 1.0), "ml": ("l", 0.001), "hl": ("l", 100.0), "gal": ("l", 3.785411784), "m³": ("l", 1000.0),
    "bbl": ("l", 158.987294928),
    "km²": ("m²", 1e6), "m²": ("m²", 1.0), "ha": ("m²", 1e4), "acre": ("m²", 4046.8564224),
    "mi²": ("m²", 2589988.110336),
    "km/h": ("km/h", 1.0), "mph": ("km/h", 1.609344), "kn": ("km/h", 1.852),
    "decade": ("d", 3652.5), "yr": ("d", 365.25), "mo": ("d", 30.4375), "wk": ("d", 7.0), "d": ("d", 1.0), "h": ("d", 1 / 24),
    "min": ("d", 1 / 1440), "s": ("d", 1 / 86400),
    "GHz": ("Hz", 1e9), "MHz": ("Hz", 1e6), "kHz": ("Hz", 1e3), "Hz": ("Hz", 1.0),
    "TB": ("B", 1e12), "GB": ("B", 1e9), "MB": ("B", 1e6), "kB": ("B", 1e3),
}  # fmt: skip


def to_base_unit(value: float, unit: str | None) -> tuple[float, str | None]:
    """The value in its dimension's base unit, so "300 km" and "186 miles" can be compared
    (m, kg, l, m², km/h, days); other units are returned unchanged."""
    if unit in _TO_BASE:
        base, factor = _TO_BASE[unit]
        return value * factor, base
    return value, unit


@cache
def _concept_table(language: str | None = None) -> tuple[tuple[str, str], ...]:
    """(folded word start, concept id) of one language (of every language when None), longest
    start first."""
    pairs: set[tuple[str, str]] = set()
    codes = lang_data.languages() if language is None else (language,)
    for code in codes:
        for concept, starts in lang_data.lexicon(code, "measures").get("concepts", {}).items():
            for start in starts:
                pairs.add((fold(str(start)), str(concept)))
    return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p)))


def measure_concepts(text: str, language: str | None = None) -> frozenset[str]:
    """The measure concepts a subject or predicate names, read with its language's words (every
    language's when None): "personnes tuées" (fr) and "people killed" (en) -> {"dead"};
    "chiffre d'affaires" and "revenue" -> {"revenue"}. A word of one language is not read as a
    word of another ("pays" is no "pay")."""
    folded = " " + re.sub(r"[^\w']+", " ", fold(text)) + " "
    found: set[str] = set()
    for start, concept in _concept_table(language):
        if f" {start}" in folded:
            found.add(concept)
    return frozenset(found)
