"""Quantities and sums of money stated in a text: the number, its unit, what it counts or
measures, how exact the text says it is, and who the sentence says claims it.

`extract_quantities(text, language, sdoc=None)` returns `Mention`s of kind "money" or
"quantity". Numbers are read in French and English forms: "10 000" (with a space, no-break
space or narrow no-break space), "1,200", "55,5 milliards", "3.5 million", "$275 million",
"€10bn", "5 M€", words ("douze jours", "ten miles", via text2num).

Normalization:
- `value` is a float in the unit's own scale: "55,5 milliards de dollars" -> 55.5e9 "USD";
  cents and pence become hundredths of their currency;
- `unit` is a currency code (USD, EUR, GBP, ...; "franc" when the text does not say which),
  a measure symbol (km, m, kg, t, %, km², km/h, ...) or, for counts, the counted noun in its
  lowercase plural form ("soldats", "drones", "nord-coréens");
- `subject` is what is counted or measured ("soldats nord-coréens"); for a length reached by a
  weapon ("atteindre une cible à près de 300 km", "d'une portée de 300 km") it is "portée"
  ("range" in English); "estime à 11 000 le nombre de militaires nord-coréens" gives
  "militaires nord-coréens";
- `qualifier` and `low`/`high` state how exact the figure is:
  exact [v, v]; approximately [v - t, v + t] with t = max(10 % of v, half the rounding step of
  the figure as written), so "près de 300" is [250, 350] and overlaps a plain "300";
  at_most and less_than [0, v]; at_least and more_than [v, None]; range [a, b] with the
  midpoint as value ("10 à 12 000" is 10 000 to 12 000);
  vague counts are at_least twice their unit: "des milliers de soldats" is 2 000 and up,
  "des dizaines de milliers" 20 000 and up, "hundreds of" 200 and up; "une dizaine" is
  approximately 10;
- `claimed_by` is the source the sentence gives: "selon l'état-major ukrainien", "according to
  the Pentagon", "L'Ukraine estime ...", "..., a déclaré X", "X said".

Not quantities: years, dates (see `dates.find_date_spans`), times ("01h58"), ordinals ("1er",
"21st"), phone numbers, numbers inside URLs, identifiers and model names ("F-16", "Boeing 737"),
section numbers ("article 49.3"), and bare numbers that count nothing (a number with no unit,
noun, scale word or qualifier is left out).

With a spaCy parse (`sdoc`, whose text must be `text`), the counted noun and the claimant come
from the dependency tree; without one, from patterns. Languages other than English are read with
French conventions (decimal comma, "1.000" is a thousand).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from recoupe.facts.dates import find_date_spans
from recoupe.model import Mention, Qualifier

if TYPE_CHECKING:  # pragma: no cover - typing only
    from spacy.tokens import Doc, Span, Token

__all__ = ["extract_quantities", "parse_number", "to_base_unit"]

_SPACE = " \u00a0\u202f\u2009"
_WS = rf"[{_SPACE}]"

# --------------------------------------------------------------------------------------------
# numbers
# --------------------------------------------------------------------------------------------

_DIGITS = re.compile(
    rf"(?<![\w.,/#@%=])(?<![\w][.,])"
    rf"(?P<num>\d{{1,3}}(?:[{_SPACE}]\d{{3}})+(?:[.,]\d+)?"  # 10 000, 10 000,5
    r"|\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?"  # 1,200  1.458.000,00  1,200.5
    r"|\d+(?:[.,]\d+)?)"  # 55,5  3.5  2000
    r"(?!\d|[.,]\d)"
)
# scale words after a number; the one-letter ones only with a currency (see _scale_after)
_SCALES: dict[str, float] = {
    "mille": 1e3, "thousand": 1e3, "k": 1e3,
    "million": 1e6, "millions": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
    "milliard": 1e9, "milliards": 1e9, "md": 1e9, "mds": 1e9, "mrd": 1e9, "mrds": 1e9,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "bln": 1e9,
    "trillion": 1e12, "trillions": 1e12, "tn": 1e12,
}  # fmt: skip
_SCALE_WORDS = re.compile(
    rf"(?P<sep>{_WS}*)(?P<scale>milliards?|millions?|billions?|trillions?|thousand|mille|Mds|Mrds?|Md|mln|bn|bln|tn|mn)(?![\w])",
    re.IGNORECASE,
)
# French uses the long scale: "un billion" is 10^12 ("milliard" is 10^9)
_FRENCH_BILLION = 1e12
_LETTER_SCALE = re.compile(rf"(?P<sep>{_WS}?)(?P<scale>[mMkK])(?=\s*(?:€|\$|£|¥|EUR|USD|GBP|CHF)|(?![\w]))")

_FR_NUMBER_WORDS = (
    "zéro un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze "
    "seize vingt vingts trente quarante cinquante soixante septante huitante octante nonante "
    "cent cents mille million millions milliard milliards"
).split()
_EN_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
    "ninety hundred thousand million millions billion billions trillion"
).split()
# units that after "un"/"one" are more often words ("sur un ton", "un pied", "un livre")
_AMBIGUOUS_AFTER_ONE = frozenset(
    {"ton", "tons", "pied", "pieds", "pouce", "livre", "mi", "ha", "km", "cm", "mm"}
)
_WORD_SCALES = frozenset(
    "mille million millions milliard milliards thousand billion billions trillion hundred cent cents".split()
)


def _word_number_pattern(words: Sequence[str], joiners: str) -> re.Pattern[str]:
    alt = "|".join(sorted(words, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w-])(?:{alt})(?:[{_SPACE}-]+(?:(?:{joiners})[{_SPACE}-]+)?(?:{alt}))*(?![\w])",
        re.IGNORECASE,
    )


_WORD_NUMBERS = {
    "fr": _word_number_pattern(_FR_NUMBER_WORDS, "et"),
    "en": _word_number_pattern(_EN_NUMBER_WORDS, "and"),
}


def _lang(language: str) -> str:
    code = (language or "").lower()[:2]
    return code if code in ("fr", "en") else "fr"


def _parse_digits(raw: str, language: str) -> float | None:
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
        if (_lang(language) == "en" and grouped) or text.count(",") > 1:
            text = text.replace(",", "")
        else:
            text = text.replace(",", ".")
    elif has_dot:
        grouped = re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text)
        if text.count(".") > 1 and not grouped:
            return None  # "837.824.1482" is a phone number or a version, not a figure
        if grouped and (_lang(language) == "fr" or text.count(".") > 1):
            text = text.replace(".", "")
    try:
        return float(text)
    except ValueError:
        return None


def _parse_words(raw: str, language: str) -> float | None:
    from text_to_num import text2num

    cleaned = re.sub(rf"[{_SPACE}]+", " ", raw.strip().lower())
    cleaned = re.sub(r"\s*-\s*", "-", cleaned)
    try:
        return float(text2num(cleaned, _lang(language)))
    except (ValueError, IndexError):
        pass
    # text2num stops at some scales ("twenty-one trillion"): add up the pieces between scales
    total = 0.0
    chunk: list[str] = []
    try:
        for word in cleaned.split():
            if word in _SCALES and word not in ("k", "m", "md", "mn", "tn"):
                count = float(text2num(" ".join(chunk), _lang(language))) if chunk else 1.0
                total += count * _scale_value(word, language)
                chunk = []
            elif word not in ("and", "et"):
                chunk.append(word)
        if chunk:
            total += float(text2num(" ".join(chunk), _lang(language)))
    except (ValueError, IndexError):
        return None
    return total if total or cleaned.startswith(("zéro", "zero")) else None


def _scale_value(word: str, language: str) -> float:
    key = word.lower()
    if key in ("billion", "billions") and _lang(language) == "fr":
        return _FRENCH_BILLION
    return _SCALES[key]


_SIGN = re.compile(r"^(?:[-−]\s*|(?:minus|moins|négatif|négative|negative)\s+)", re.IGNORECASE)
_PARSE_SCALES = re.compile(r"\s*(?P<scale>k|K|M|bn|b|douzaines?|dozens?)$")
_PARSE_SCALE_VALUES = {"k": 1e3, "K": 1e3, "M": 1e6, "bn": 1e9, "b": 1e9}


def parse_number(expr: str, language: str) -> float | None:
    """The value of a number written in digits, words or both ("55,5 milliards" -> 55.5e9,
    "cinquante-cinq" -> 55, "3.5 million" -> 3.5e6, "10 000" -> 10000, "-1,5" -> -1.5,
    "10k" -> 1e4); None if it is not one."""
    text = expr.strip()
    sign = _SIGN.match(text)
    if sign:
        inner = parse_number(text[sign.end() :], language)
        return -inner if inner is not None else None
    if re.match(r"[.,]\d", text):
        text = "0" + text  # ".08"
    digits = _DIGITS.match(text)
    if digits and digits.start() == 0:
        value = _parse_digits(digits["num"], language)
        rest = text[digits.end() :]
        if value is None:
            return None
        if not rest.strip():
            return value
        scale = _SCALE_WORDS.match(rest)
        if scale and not rest[scale.end() :].strip():
            return value * _scale_value(scale["scale"], language)
        letter = _PARSE_SCALES.fullmatch(rest)
        if letter:
            word = letter["scale"]
            return value * _PARSE_SCALE_VALUES.get(word, 12.0)
        return None
    dozens = re.fullmatch(r"(?P<n>.+?)\s+(?:douzaines?|dozens?)", text, re.IGNORECASE)
    if dozens:
        count = parse_number(dozens["n"], language)
        return count * 12 if count is not None else None
    words = _WORD_NUMBERS[_lang(language)].fullmatch(text)
    return _parse_words(text, language) if words else None


# --------------------------------------------------------------------------------------------
# units
# --------------------------------------------------------------------------------------------


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


# (pattern, unit, case-sensitive). Patterns are tried longest match first.
_UNIT_TABLE: list[tuple[str, _Unit, bool]] = [
    # money: words and codes after the number
    (
        r"dollars?\s+(?:américains?|us|des\s+états-unis)|(?:us|u\.s\.)\s+dollars?|\$\s?us|us\$|usd\$?|dollars?\s+usd|\$\s?usd",
        _money("USD"),
        False,
    ),
    (r"dollars?\s+canadiens?|canadian\s+dollars?|\$\s?c(?:ad|an)?(?![\w])|cad|c\$", _money("CAD"), False),
    (r"dollars?\s+australiens?|australian\s+dollars?|aud|a\$", _money("AUD"), False),
    (r"dollars?\s+de\s+hong\s+kong|hong\s+kong\s+dollars?|\$\s?hk|hk\$|hkd", _money("HKD"), False),
    (r"dollars?\s+néo-zélandais|new\s+zealand\s+dollars?|nzd", _money("NZD"), False),
    (r"dollars?|\$", _money("USD"), False),
    (r"euros?|€|eur(?![\w])", _money("EUR"), False),
    (r"livres?\s+sterling|pounds?\s+sterling|sterling|£|gbp", _money("GBP"), False),
    (r"yens?(?:\s+japonais)?|japanese\s+yen|¥|jpy", _money("JPY"), False),
    (r"yuans?(?:\s+chinois)?|chinese\s+yuan|renminbi|rmb|cny|元", _money("CNY"), False),
    (r"roubles?|rubles?|rub(?![\w])|₽", _money("RUB"), False),
    (r"hryvnias?|hryvnas?|hryvnia|grivnas?|uah|₴", _money("UAH"), False),
    (r"francs?\s+suisses?|swiss\s+francs?|chf", _money("CHF"), False),
    (r"francs?\s+cfa|fcfa|cfa\s+francs?|xof", _money("XOF"), False),
    (r"francs?", _money("franc"), False),
    (r"roupies?\s+indiennes?|indian\s+rupees?|roupies?|rupees?|inr|₹", _money("INR"), False),
    (r"bitcoins?|btc", _money("BTC"), False),
    (r"cents?", _money("USD", 0.01), False),
    (r"centimes?(?:\s+d['’]euros?)?", _money("EUR", 0.01), False),
    (r"pence|pennies|penny", _money("GBP", 0.01), False),
    # ratios
    (r"%|pour[\s-]?cents?|pourcents?|percents?|per\s+cent|pct", _u("%", "ratio"), False),
    (r"points?\s+de\s+pourcentage|percentage\s+points?", _u("pp", "ratio"), False),
    # speed (before length: "km/h" before "km")
    (
        r"km/h|km/hr|kilomètres?[-\s]heure|kilomètres?\s+(?:par|à\s+l['’])\s*heure|kilomet(?:er|re)s?\s+(?:per|an)\s+hour|kph|kmh",
        _u("km/h", "speed"),
        False,
    ),
    (
        r"mph|miles?\s+(?:per|an)\s+hour|miles?\s+(?:par|à\s+l['’]|a\s+l['’])\s*heure",
        _u("mph", "speed"),
        False,
    ),
    (r"nœuds|noeuds|knots", _u("kn", "speed"), False),
    # area
    (r"km²|km2|kilomètres?\s+carrés?|square\s+kilomet(?:er|re)s?|sq\.?\s*km", _u("km²", "area"), False),
    (r"m²|m2|mètres?\s+carrés?|square\s+met(?:er|re)s?", _u("m²", "area"), False),
    (r"hectares?|ha(?![\w])", _u("ha", "area"), False),
    (r"acres?", _u("acre", "area"), False),
    (r"square\s+miles?|sq\.?\s*mi", _u("mi²", "area"), False),
    # volume
    (r"m³|m3|mètres?\s+cubes?|cubic\s+met(?:er|re)s?", _u("m³", "volume"), False),
    (r"pieds?\s+cubes?|cubic\s+f(?:ee|oo)t", _u("ft³", "volume"), False),
    (r"millilitres?|milliliters?|ml(?![\w])", _u("ml", "volume"), False),
    (r"hectolitres?|hl(?![\w])", _u("hl", "volume"), False),
    (r"litres?|liters?", _u("l", "volume"), False),
    (r"[lL](?![\w])", _u("l", "volume"), True),
    (r"gallons?", _u("gal", "volume"), False),
    (r"barils?|barrels?|bbl", _u("bbl", "volume"), False),
    # length
    (r"kilomètres?|kilometres?|kilometers?|kms?(?![\w])", _u("km", "length"), False),
    (r"centimètres?|centimet(?:er|re)s?|cm(?![\w])", _u("cm", "length"), False),
    (r"millimètres?|millimet(?:er|re)s?|mm(?![\w])", _u("mm", "length"), False),
    (r"décimètres?|decimet(?:er|re)s?|dm(?![\w])", _u("dm", "length"), False),
    (r"mètres?|metres?|meters?", _u("m", "length"), False),
    (r"m(?![\w²³])", _u("m", "length"), True),
    (r"milles?\s+(?:nautiques|marins)|nautical\s+miles?|nmi", _u("nmi", "length"), False),
    (r"miles?|mi(?![\w])", _u("mi", "length"), False),
    (r"feet|foot|ft(?![\w])|pieds?", _u("ft", "length"), False),
    (r"inch(?:es)?|pouces?", _u("in", "length"), False),
    # mass
    (r"kilogrammes?|kilograms?|kilos?|kg(?![\w])", _u("kg", "mass"), False),
    (r"milligrammes?|milligrams?|mg(?![\w])", _u("mg", "mass"), False),
    (r"microgrammes?|micrograms?|µg|μg", _u("µg", "mass"), False),
    (r"grammes?|grams?", _u("g", "mass"), False),
    (r"g(?![\w])", _u("g", "mass"), True),
    (r"tonnes?(?:\s+métriques?)?|metric\s+tons?|tons?", _u("t", "mass"), False),
    (r"t(?![\w])", _u("t", "mass"), True),
    (r"lbs?(?![\w])", _u("lb", "mass"), False),
    (r"onces?|ounces?|oz(?![\w])", _u("oz", "mass"), False),
    # temperature, energy, power
    (r"°\s?C|degrés?\s+celsius|degrees?\s+celsius", _u("°C", "temperature"), False),
    (r"térawattheures?|terawatt[-\s]hours?|TWh", _u("TWh", "energy"), False),
    (r"gigawattheures?|gigawatt[-\s]hours?|GWh", _u("GWh", "energy"), False),
    (r"mégawattheures?|megawatt[-\s]hours?|MWh", _u("MWh", "energy"), False),
    (r"kilowattheures?|kilowatt[-\s]hours?|kWh", _u("kWh", "energy"), False),
    (r"gigawatts?|GW", _u("GW", "power"), False),
    (r"mégawatts?|megawatts?|MW", _u("MW", "power"), False),
    (r"kilowatts?|kW", _u("kW", "power"), False),
]


def _compile_units() -> tuple[re.Pattern[str], list[_Unit]]:
    parts: list[str] = []
    units: list[_Unit] = []
    for i, (pattern, unit, case_sensitive) in enumerate(_UNIT_TABLE):
        body = pattern if case_sensitive else f"(?i:{pattern})"
        parts.append(f"(?P<u{i}>{body})")
        units.append(unit)
    return re.compile("|".join(parts)), units


_UNIT_RE, _UNITS = _compile_units()

# currency written before the number
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


def _match_unit(text: str, pos: int, *, allow_hyphen: bool = True) -> tuple[_Unit, int] | None:
    """The unit written at `pos` (after optional spaces or, English-style, a hyphen)."""
    gap = re.compile(rf"{_WS}*(?:-{_WS}*)?" if allow_hyphen else rf"{_WS}*").match(text, pos)
    start = gap.end() if gap else pos
    if start > pos and text[pos:start].strip() == "-" and not allow_hyphen:
        return None
    match = _UNIT_RE.match(text, start)
    if not match:
        return None
    unit = _UNITS[int(str(match.lastgroup)[1:])]
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
# words around numbers
# --------------------------------------------------------------------------------------------

_STOP_FR = frozenset(
    """a à ai au aux avait avaient avec ce ces cet cette comme contre d dans de des dont du elle elles en
    entre est et été étaient était être fait font fois il ils je l la le les leur leurs lui ma mais me même
    mes moins mon n ne ni nos notre nous on ont ou où par pas plus pour qu que quel quelle quelles quels
    qui s sa sans se selon ses si son sont sous sur ta te tes toi ton tous tout toute toutes tu un une
    vers vos votre vous y ça soit sera seront serait seraient peut peuvent doit doivent ainsi alors après
    avant aussi autres autre chacun chaque déjà encore environ près jusqu puis quand très trop
    voire dernier dernière derniers dernières prochain prochaine fin début mi contre mais hier
    aujourd demain depuis pendant lors dès chez afin car donc or parmi tandis lorsque puisque
    pourquoi comment combien quand quoi quart quarts tiers moitié fois""".split()
)
_STOP_EN = frozenset(
    """a about above after again against all am an and any are as at be been before being below between
    both but by can could did do does doing down during each few for from further had has have having he
    her here hers him his how i if in into is it its itself just me more most my no nor not now of off on
    once only or other our out over own same she should so some such than that the their them then there
    these they this those through to too under until up very was we were what when where which while who
    whom why will with would you your per last next this each every times time since ago later earlier
    old according said says how what why quarter quarters third thirds half""".split()
)
# French adjectives that come before the noun they qualify ("trois nouveaux drones")
_PRENOMINAL_FR = frozenset(
    """nouveaux nouvelles grands grandes petits petites autres premiers premières derniers dernières
    jeunes vieux vieilles bons bonnes mauvais gros grosses longs longues hauts hautes beaux belles
    principaux principales seuls seules anciens anciennes vrais vraies simples prochains prochaines
    mêmes précédents précédentes suivants suivantes""".split()
)
_IRREGULAR_PLURALS_EN = {"person": "people", "man": "men", "woman": "women", "child": "children"}
_PLURAL_EN = frozenset(
    {"people", "men", "women", "children", "police", "personnel", "staff", "troops", "cattle"}
)
# French adjective endings (for the words after a counted noun): nationalities, -ique, -aire...
_ADJECTIVE_FR = re.compile(
    r"(?:iens?|iennes?|ais|aises?|ains?|aines?|ois|oises?|iques?|aires?|aux|ales?|els?|elles?|ifs?|ives?|"
    r"istes?|eux|euses?|ins?|ines?|ards?|ardes?|iers?|ières?|gers?|gères?|ants?|antes?)$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)

_VAGUE_FR = re.compile(
    r"(?P<det>des|plusieurs|quelques|de\s+nombreux|de\s+nombreuses|les|de)\s+"
    r"(?P<unit>dizaines|douzaines|vingtaines|centaines|milliers|millions|milliards)"
    r"(?:\s+de\s+(?P<unit2>milliers|millions|milliards))?\s+(?=d['’]|de\s)",
    re.IGNORECASE,
)
_VAGUE_FR_APPROX = re.compile(
    r"(?P<det>une|un)\s+(?P<unit>dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|"
    r"soixantaine|centaine|millier)\s+(?=d['’]|de\s)",
    re.IGNORECASE,
)
_VAGUE_EN = re.compile(
    r"(?:(?:several|many|a\s+few)\s+)?(?P<unit>dozens|tens|hundreds|thousands|millions|billions)"
    r"(?:\s+of\s+(?P<unit2>thousands|millions))?\s+of\s+",
    re.IGNORECASE,
)
_VAGUE_BASE: dict[str, float] = {
    "dizaines": 10, "douzaines": 12, "vingtaines": 20, "centaines": 100, "milliers": 1e3,
    "millions": 1e6, "milliards": 1e9, "dozens": 12, "tens": 10, "hundreds": 100,
    "thousands": 1e3, "billions": 1e9,
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1e3,
}  # fmt: skip

# --------------------------------------------------------------------------------------------
# qualifiers
# --------------------------------------------------------------------------------------------

_QUALIFIERS_BEFORE: list[tuple[Qualifier, str]] = [
    (
        "at_least",
        r"au\s+moins|au\s+minimum|pas\s+moins\s+de|pas\s+moins\s+d['’]|at\s+least|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of",
    ),
    (
        "at_most",
        r"jusqu['’](?:à|a)|au\s+plus|au\s+maximum|pas\s+plus\s+de|tout\s+au\s+plus|up\s+to|at\s+most|no\s+more\s+than|a\s+maximum\s+of|as\s+many\s+as|as\s+much\s+as",
    ),
    (
        "more_than",
        r"plus\s+de|plus\s+d['’]|au-delà\s+de|au\s+delà\s+de|supérieure?s?\s+à|more\s+than|over|above|in\s+excess\s+of|upwards\s+of|exceeding",
    ),
    ("less_than", r"moins\s+de|moins\s+d['’]|inférieure?s?\s+à|less\s+than|fewer\s+than|under|below"),
    (
        "approximately",
        r"près\s+de|pres\s+de|près\s+d['’]|environ|quelque|approximativement|à\s+peu\s+près|autour\s+de|aux\s+alentours\s+de|de\s+l['’]ordre\s+de|presque|quasiment|about|around|nearly|almost|some|approximately|roughly|close\s+to|an\s+estimated|estimated|circa|~",
    ),
]
_QUALIFIER_BEFORE_RE = re.compile(
    "(?:"
    + "|".join(f"(?P<{name}>(?<![\\w]){pattern})" for name, pattern in _QUALIFIERS_BEFORE)
    + rf"){_WS}*$",
    re.IGNORECASE,
)
_QUALIFIER_AFTER_RE = re.compile(
    rf"^{_WS}*,?{_WS}*(?:(?P<approximately>environ|or\s+so)|(?P<at_least>au\s+moins|ou\s+plus|et\s+plus|or\s+more|and\s+more|at\s+least)|"
    r"(?P<at_most>au\s+maximum|au\s+plus|at\s+most))(?![\w])",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------------------------
# what is not a quantity
# --------------------------------------------------------------------------------------------

_BLOCKED_PATTERNS: list[re.Pattern[str]] = [
    re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\w+|[#@]\w+", re.IGNORECASE),
    re.compile(r"\b\w+\s*=\s*\S+"),  # key=value, shortcodes
    re.compile(r"(?<![\w])\d{1,2}\s?[hH]\s?\d{2}(?![\w])|(?<![\w])\d{1,2}[hH](?![\w])"),  # 01h58, 9h
    re.compile(r"(?<![\w.,])\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?(?![\w])", re.IGNORECASE),
    re.compile(r"(?<![\w.,])\d{1,2}(?:[.:]\d{2})?\s?[ap]\.?m\.?(?![\w])", re.IGNORECASE),
    re.compile(
        r"(?<![\w])\d{1,2}\s?h(?:eures?)?\s+(?:du\s+(?:soir|matin)|de\s+l['’]après-midi)", re.IGNORECASE
    ),
    # an hour of the day ("vers 15 heures", "avant 21 heures"), not a duration ("après 20 heures de")
    re.compile(
        r"(?:à|vers|dès|avant|après|jusqu['’]à|at|by|before|after)\s+(?:[01]?\d|2[0-3])\s?h(?:eures?)?"
        r"(?:\s?\d{2})?(?![\w])(?!\s+(?:de|d['’]|of)\s)",
        re.IGNORECASE,
    ),
    re.compile(r"(?<![\w+])(?:\+\d{1,3}[\s.-]?)?\(?0\d\)?(?:[\s.-]?\d{2}){4}(?![\w])"),  # French phones
    re.compile(r"\+\d{1,3}(?:[\s.()-]*\d){7,}"),  # international phones
    re.compile(r"(?<![\w])(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[.-]\d{4}"),  # US phones
    re.compile(
        r"(?:n°|nº|no\.|numéro|number|num\.|article|art\.|chapitre|chapter|section|page|pages|p\.|pp\.|tome|"
        r"vol\.|volume|alinéa|paragraphe|§|saison|season|épisode|episode|version|v\.|route|rue|avenue|"
        r"boulevard|bd|exit|sortie|vol|flight|ligne|line|porte|gate|salle|room|bus|tram|loi|décret|"
        r"résolution|resolution|niveau|level|code|référence|ref\.|lot|numéros|figure|fig\.|tableau|table|"
        r"classé|ranked|rang|place)\s*\d[\d.,]*(?:\s*(?:et|à|-|and|to)\s*\d[\d.,]*)?",
        re.IGNORECASE,
    ),
]
_ORDINAL_AFTER = re.compile(r"(?:er|re|e|ère|ème|eme|è|nd|st|rd|th|°|ᵉ|ᵉʳ|ème)(?![\w])", re.IGNORECASE)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def _blocked_spans(text: str, language: str) -> list[tuple[int, int]]:
    spans = list(find_date_spans(text, language))
    # only the stretches around digits can hold a blocked number
    segments: list[tuple[int, int]] = []
    for match in re.finditer(r"\d+", text):
        start, end = max(0, match.start() - 60), min(len(text), match.end() + 60)
        if segments and start <= segments[-1][1]:
            segments[-1] = (segments[-1][0], end)
        else:
            segments.append((start, end))
    for pattern in _BLOCKED_PATTERNS:
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

    if sdoc is not None:
        return [(s.start, s.end) for s in nlp.sentences(sdoc)]
    return [(s.start, s.end) for s in nlp.regex_sentences(text)]


def _sentence_of(spans: Sequence[tuple[int, int]], pos: int, text: str) -> tuple[int, int]:
    for start, end in spans:
        if start <= pos < end:
            return start, end
    return 0, len(text)


# speech and estimation verbs, in every tense a news sentence uses: stems and endings
_REPORT_STEMS_FR = (
    r"estim|affirm|assur|déclar|indiqu|annon[cç]|rapport|précis|évalu|chiffr|revendiqu|avan[cç]|recens|"
    r"dénombr|signal|confirm|expliqu|ajout|communiqu|prévien|souli[gn]|comptabilis|fai?t\s+état"
)
_REPORT_ENDINGS_FR = r"(?:e|ent|ait|aient|a|èrent|era|eront|é|ée|és|ées)"
_REPORT_VERB_FR = rf"(?:{_REPORT_STEMS_FR}){_REPORT_ENDINGS_FR}|dit|disent"
_REPORT_VERBS_FR = rf"(?:(?:a|ont|avait|avaient|aurait|auraient)\s+)?(?:{_REPORT_VERB_FR})"
_REPORT_VERBS_EN = (
    r"said|says|say|estimated|estimates|estimate|reported|reports|announced|announces|claimed|claims|"
    r"stated|states|told|tells|confirmed|confirms|put|puts|counted|counts|recorded|records|"
    r"has\s+(?:said|estimated|reported|announced|claimed|confirmed)|have\s+(?:said|estimated|reported|announced|claimed|confirmed)"
)
_CLAIM_SELON = re.compile(
    r"(?:(?<![\w])selon|d['’]après|according\s+to|à\s+en\s+croire|de\s+source)\s+(?P<who>[^,.;:!?()«»\"“”\n]{2,80}?)"
    r"(?=\s*(?:[,.;:!?()«»\"“”\n]|$|\s+(?:qui|que|dont|which|who|that|pour|for|sur|on|dans|in)\s))",
    re.IGNORECASE,
)
_CLAIM_SUBJECT_FR = re.compile(
    rf"(?:^|[,;:]\s*)(?P<who>(?:[A-ZÀ-Ý][\w'’-]*|(?:l['’]|le |la |les |un |une |des |the )[\w'’-]+)"
    rf"(?:\s+[\w'’-]+){{0,10}}?)\s+(?:{_REPORT_VERBS_FR})(?![\w])",
)
_CLAIM_SUBJECT_EN = re.compile(
    rf"(?:^|[,;:]\s*)(?P<who>(?:[A-Z][\w'’.-]*|the\s+[\w'’-]+)(?:\s+[\w'’.-]+){{0,10}}?)\s+(?:{_REPORT_VERBS_EN})(?![\w])",
)
_CLAIM_INVERTED_FR = re.compile(
    rf"[,»\"”]\s*(?:{_REPORT_VERBS_FR})\s+(?P<who>[^,.;:!?()«»\"“”\n]{{2,80}}?)\s*(?:[,.;:!?()\n]|$)",
)
_CLAIM_INVERTED_EN = re.compile(
    r"[,\"”]\s*(?:said|says|told|reported|according\s+to)\s+(?P<who>[^,.;:!?()\"“”\n]{2,80}?)\s*(?:[,.;:!?()\n]|$)",
)
_CLAIM_TRAILING_EN = re.compile(
    r",\s*(?P<who>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,5}?)\s+(?:said|says|reported|estimated)\s*[.!?]?\s*$"
)
_PRONOUNS = frozenset(
    "il elle ils elles on nous vous je tu he she they we it i you who qui ce cela celui celle ceux".split()
)
_NOT_A_CLAIMANT_START = frozenset(
    "alors mais et puis si quand lorsque comme car donc or ainsi cette ce cet ces when while but and if as so".split()
)


_TIME_WORDS = (
    r"hier|demain|aujourd['’]hui|soir|matin|après-midi|midi|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    r"dernier|yesterday|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|on|last|night|"
    r"morning|evening|afternoon"
)
_TIME_AROUND = re.compile(rf"^(?:(?:{_TIME_WORDS})\s+)+|(?:\s+(?:{_TIME_WORDS}))+$", re.IGNORECASE)


def _clean_claimant(who: str) -> str | None:
    who = who.strip(" \t\n,;:-–—'\"«»“”")
    who = re.sub(r"\s+", " ", who)
    who = _TIME_AROUND.sub("", who).strip()  # "hier soir la ministre", "La Tribune mercredi"
    # "Olivier Roubi a par ailleurs [indiqué]", "Christine Lagarde s'est [dite]": keep the name
    who = re.split(
        r"\s+(?:a|ont|avait|avaient|aurait|auraient|has|have|had)\s|\s+(?:s|n)['’]|\s+(?:se|ne)\s", who
    )[0]
    if not who or re.search(r"\d", who):
        return None
    words = [part for w in who.lower().split() for part in re.split(r"['’]", w) if part]
    if not words or any(w in _PRONOUNS for w in words) or words[0] in _NOT_A_CLAIMANT_START:
        return None
    if words[-1] in _DETERMINERS:
        return None  # "NBC lost an [estimated]": the verb was an adjective
    return who


def _claimant_selon(sentence: str) -> str | None:
    """The source a sentence names with "selon", "d'après", "according to"."""
    for match in _CLAIM_SELON.finditer(sentence):
        who = _clean_claimant(match["who"])
        if who:
            return who
    return None


def _claimant_from_patterns(sentence: str, number_offset: int, language: str) -> str | None:
    """The subject of a reporting verb: "L'Ukraine estime ...", "..., a déclaré X", "X said"."""
    subject_re = _CLAIM_SUBJECT_FR if _lang(language) == "fr" else _CLAIM_SUBJECT_EN
    for match in subject_re.finditer(sentence):
        if match.start("who") < number_offset:
            who = _clean_claimant(match["who"])
            if who:
                return who
    inverted = _CLAIM_INVERTED_FR if _lang(language) == "fr" else _CLAIM_INVERTED_EN
    for match in inverted.finditer(sentence):
        who = _clean_claimant(match["who"])
        if who:
            return who
    if _lang(language) == "en":
        trailing = _CLAIM_TRAILING_EN.search(sentence)
        if trailing:
            return _clean_claimant(trailing["who"])
    return None


def _claimant(
    text: str, sent: tuple[int, int], number_start: int, language: str, sdoc: Doc | None
) -> str | None:
    """Who the sentence says gives the figure: "selon X" first, then the subject of a
    reporting verb (from the parse when there is one)."""
    sentence = text[sent[0] : sent[1]]
    who = _claimant_selon(sentence)
    if who is None and sdoc is not None:
        span = sdoc.char_span(sent[0], sent[1], alignment_mode="expand")
        if span is not None:
            who = _claimant_from_parse(span, number_start)
    if who is None:
        who = _claimant_from_patterns(sentence, number_start - sent[0], language)
    return who


_REPORT_FORM = re.compile(
    rf"(?:{_REPORT_VERB_FR}|said|says|say|estimated|estimates|estimate|reported|reports|announced|"
    r"announces|claimed|claims|stated|states|told|tells|confirmed|confirms|counted|recorded)",
    re.IGNORECASE,
)


# a claimant is a name or a short noun phrase; a longer subject is the sentence's topic
_CLAIMANT_MAX_WORDS = 12


def _claimant_from_parse(sent: Span, number_start: int) -> str | None:
    for token in sent:
        if _REPORT_FORM.fullmatch(token.lower_) and token.pos_ in ("VERB", "AUX"):
            for child in token.children:
                if child.dep_ in ("nsubj", "nsubj:pass"):
                    subtree = list(child.subtree)
                    first, last = subtree[0], subtree[-1]
                    if first.idx <= number_start < last.idx + len(last.text):
                        continue  # "les trois dirigeants ... ont annoncé": the figure is not its own source
                    if sum(t.is_alpha for t in subtree) > _CLAIMANT_MAX_WORDS:
                        continue
                    who = _clean_claimant(token.doc[first.i : last.i + 1].text)
                    if who:
                        return who
    return None


# --------------------------------------------------------------------------------------------
# subjects
# --------------------------------------------------------------------------------------------

_MEASURE_NOUNS = (
    r"portée|distance|longueur|largeur|hauteur|altitude|profondeur|épaisseur|superficie|surface|"
    r"vitesse|poids|masse|capacité|puissance|montant|valeur|coût|prix|budget|enveloppe|bilan|population|"
    r"range|length|width|height|depth|thickness|area|speed|weight|capacity|amount|value|cost|price|"
    r"budget|toll|population"
)
# "d'une portée de près de 300 km", "a range of 300 km", "la valeur ... s'élève à"
_MEASURE_BEFORE = re.compile(
    rf"(?P<noun>{_MEASURE_NOUNS})\s+(?:(?:de|d['’]|of|est\s+de|was|is|s['’]élève\s+à|atteint|reaches|estimée?\s+à)\s+)$",
    re.IGNORECASE,
)
_REACH_VERB = re.compile(
    r"\b(?:atteindre|atteint|atteignent|atteignant|frapper|frappent|toucher|touchent|"
    r"reach|reaches|reaching|strike|strikes|striking|hit|hits|hitting|range)\b"
    r"[^.;]{0,60}$",
    re.IGNORECASE,
)
_DISTANCE_AFTER = re.compile(r"^\s+(?:de\s+distance|de\s+portée|away|in\s+range)", re.IGNORECASE)
_NUMBER_OF_AFTER = re.compile(rf"{_WS}+(?:le|the)\s+(?:nombre|number)\s+(?:de\s+|d['’]|of\s+)", re.IGNORECASE)
_NUMBER_OF_BEFORE = re.compile(
    r"(?:nombre|number)\s+(?:de\s+|d['’]|of\s+)(?P<noun>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)"
    r"(?:\s+[^\W\d_][\w'’-]*){0,6}?\s+(?:est\s+de|est\s+estimé\s+à|s['’]élève\s+à|atteint|à|is|was|stands\s+at|at|to|reached|rose\s+to)\s+$",
    re.IGNORECASE,
)
_OWNER_BEFORE = re.compile(
    r"(?P<owner>(?:[^\W\d_][\w'’-]*\s+){0,9}?[^\W\d_][\w'’-]*)\s*,?\s+(?:d['’]une?|of\s+an?|worth|valued\s+at|with\s+a)\s+$",
    re.IGNORECASE,
)


def _looks_plural(word: str, language: str) -> bool:
    low = word.lower()
    if _lang(language) == "en":
        return low in _PLURAL_EN or (low.endswith("s") and not low.endswith(("ss", "ous")))
    return low.endswith(("s", "x", "z"))


def _normalize_count_noun(word: str, language: str) -> str:
    low = word.lower().replace("’", "'")
    if _lang(language) == "en":
        if low in _IRREGULAR_PLURALS_EN:
            return _IRREGULAR_PLURALS_EN[low]
        if low in _PLURAL_EN or low.endswith("s"):
            return low
        return low + "s"
    if low.endswith(("s", "x", "z")):
        return low
    return low + "s"


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
        if not match or glued or re.search(r"\d", match.group(0)):
            break
        word = match.group(0).rstrip("'’-")
        out.append((match.start(), match.start() + len(word), word))
        cursor = match.start() + len(word)
    return out


def _count_noun_fr(text: str, pos: int) -> tuple[str, str, int] | None:
    words = _words_after(text, pos, 5)
    if not words:
        return None
    i = 0
    if words[0][2].lower() in _PRENOMINAL_FR and len(words) > 1:
        i = 1
    _, end, head = words[i]
    low = head.lower()
    if low in _STOP_FR or low.split("'")[0] in _STOP_FR or "'" in low or len(head) < 2:
        return None
    if head.isupper() and len(head) <= 4:
        return None  # acronyms after a number are names or units we do not know ("5 G", "3 D")
    subject_end = end
    plural_head = low.endswith(("s", "x"))
    for _, e, word in words[i + 1 : i + 3]:
        if word.lower() in _STOP_FR or not (
            ("-" in word and word[0].islower()) or _ADJECTIVE_FR.search(word)
        ):
            break
        if plural_head and "-" not in word and not word.endswith(("s", "x")):
            break  # an adjective agrees with its plural noun: "points concernant" is a clause
        if re.search(r"(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues)$", word) and "-" not in word:
            break  # a participle ("déployés", "tués") begins a new clause
        subject_end = e
    first = words[0][0]
    return head, text[first:subject_end], end


def _count_noun_en(text: str, pos: int) -> tuple[str, str, int] | None:
    words = _words_after(text, pos, 4)
    chosen: list[tuple[int, int, str]] = []
    for s, e, word in words:
        low = word.lower()
        if low in _STOP_EN or (low.endswith("ed") and chosen) or "'" in low:
            break
        chosen.append((s, e, word))
        if low in _PLURAL_EN or (
            low.endswith("s") and len(low) > 3 and not low.endswith(("ss", "ous", "ics"))
        ):
            break
    if not chosen:
        return None
    head = chosen[-1][2]
    low = head.lower()
    if not (low in _PLURAL_EN or (low.endswith("s") and not low.endswith(("ss", "ous")))) and len(chosen) > 1:
        return None
    if low.endswith("ed") or (head.isupper() and len(head) <= 4):
        return None
    return head, text[chosen[0][0] : chosen[-1][1]], chosen[-1][1]


def _count_noun_from_parse(sdoc: Doc, text: str, start: int, end: int) -> tuple[str, str, int] | None:
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    head: Token | None = None
    for token in span:
        if token.dep_ == "nummod" and token.head.pos_ in ("NOUN", "PROPN") and token.head.i >= span.end:
            head = token.head
            break
    if head is None:
        after = [t for t in sdoc[span.end : span.end + 3]]
        for token in after:
            if token.pos_ in ("NOUN", "PROPN") and not token.is_stop:
                head = token
                break
            if token.pos_ not in ("ADJ", "ADP", "DET") or token.is_punct:
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
        else:
            break
    # `text` is sdoc's text, passed in: Doc.text rebuilds the whole string on each access
    return head.text, text[first.idx : last.idx + len(last.text)], head.idx + len(head.text)


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


def _scale_after(text: str, pos: int, language: str, currency_before: bool) -> tuple[float, int] | None:
    word = _SCALE_WORDS.match(text, pos)
    if word:
        return _scale_value(word["scale"], language), word.end()
    letter = _LETTER_SCALE.match(text, pos)
    if letter:
        after = text[letter.end() : letter.end() + 6]
        currency_after = re.match(r"\s*(?:€|\$|£|¥|EUR|USD|GBP|CHF)", after) is not None
        if (currency_before and not letter["sep"]) or currency_after:
            return _SCALES[letter["scale"].lower()], letter.end()
    return None


def _find_atoms(text: str, language: str, blocked: list[tuple[int, int]]) -> list[_Atom]:
    atoms: list[_Atom] = []
    for match in _DIGITS.finditer(text):
        start, end = match.span("num")
        if _overlaps(start, end, blocked):
            continue
        raw = match["num"]
        if re.match(r"0\d", raw):
            continue  # "007", "000": codes, or the tail of a number split by a tokenizer
        value = _parse_digits(raw, language)
        if value is None:
            continue
        currency_before = _PREFIX_CURRENCY.search(text, max(0, start - 8), start) is not None
        scale = _scale_after(text, end, language, currency_before)
        scaled = 1.0
        if scale:
            scaled, end = scale
        grouped = bool(re.search(rf"\d[{_SPACE}.,]\d{{3}}(?!\d)", raw)) and not (
            _lang(language) == "fr" and re.fullmatch(r"\d+,\d+", raw)
        )
        # a minus sign right before, after a space or bracket: "-0,5 %", "(−3 %)"; not "10 -12"
        if re.search(r"(?:^|(?<![\d\s])\s|[(\[])[-−]$", text[max(0, start - 3) : start]):
            start -= 1
            value = -value
        atoms.append(_Atom(start, end, value * scaled, raw, scaled, False, grouped))
    for match in _WORD_NUMBERS[_lang(language)].finditer(text):
        start, end = match.span()
        if _overlaps(start, end, blocked) or any(a.start < end and start < a.end for a in atoms):
            continue
        words = match.group(0).lower().split()
        if all(part in _WORD_SCALES - {"cent", "cents", "hundred"} for w in words for part in w.split("-")):
            continue  # "le peuple du milliard", "des millions": no figure stated
        if len(words) == 1 and words[0] in (
            "un",
            "une",
            "one",
            "cent",
            "cents",
            "mille",
            "hundred",
            "thousand",
        ):
            if not re.match(rf"{_WS}+(?:d['’]|de\s)?\w|{_WS}*%", text[end:]):
                continue
            if words[0] in ("un", "une", "one"):
                found = _match_unit(text, end)
                surface = text[end : found[1]].strip(_SPACE + "-").lower() if found else ""
                if found is None or len(surface) < 2 or surface in _AMBIGUOUS_AFTER_ONE:
                    continue
        if re.search(r"pour\s*$", text[max(0, start - 6) : start], re.IGNORECASE):
            continue  # "pour cent"
        value = _parse_words(match.group(0), language)
        if value is None:
            continue
        scaled = 1.0
        last = words[-1].split("-")[-1]
        if last in _WORD_SCALES and last not in ("cent", "cents", "hundred"):
            scaled = _SCALES.get(last, 1.0)
        atoms.append(_Atom(start, end, value, match.group(0), scaled, True, False))
    atoms.sort(key=lambda a: a.start)
    return atoms


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


def _interval(
    qualifier: Qualifier, value: float, atom: _Atom, high_value: float | None
) -> tuple[float | None, float | None]:
    if qualifier == "exact":
        return value, value
    if qualifier == "approximately":
        tolerance = max(
            0.1 * abs(value), _rounding_half_step(atom) * (value / atom.value if atom.value else 1)
        )
        return value - tolerance, value + tolerance
    if qualifier in ("at_most", "less_than"):
        return 0.0, value
    if qualifier in ("at_least", "more_than"):
        return value, None
    return value, high_value


def _qualifier_before(text: str, start: int) -> tuple[Qualifier, int] | None:
    window_start = max(0, start - 40)
    match = _QUALIFIER_BEFORE_RE.search(text, window_start, start)
    if not match:
        return None
    for name, _ in _QUALIFIERS_BEFORE:
        if match.group(name):
            return name, match.start(name)
    return None  # pragma: no cover - one group always matches


def _qualifier_after(text: str, end: int) -> tuple[Qualifier, int] | None:
    match = _QUALIFIER_AFTER_RE.match(text[end : end + 30])
    if not match:
        return None
    for name in ("approximately", "at_least", "at_most"):
        if match.group(name):
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


def _range_partner(text: str, atom: _Atom, nxt: _Atom | None, language: str) -> tuple[int, str] | None:
    """If `atom` opens a range ("10 à 12", "between 3 and 5", "10-12") closed by `nxt`:
    (position where nxt's unit would start, connector)."""
    if nxt is None:
        return None
    between = text[atom.end : nxt.start]
    # the first bound may repeat the unit ("35% et 40%", "$10 million to $15 million")
    connector = re.fullmatch(
        rf"(?P<unit>{_WS}*(?:%|€|\$|£|[^\W\d]{{1,12}})?){_WS}*(?P<conn>-|–|—|à|a|to|through|et|and|ou|or){_WS}*(?:[$€£]{_WS}?)?",
        between,
        re.IGNORECASE,
    )
    if not connector:
        return None
    conn = connector["conn"].lower()
    if connector["unit"].strip():
        # "35% et 40%" is a range; "25 % à 34 500 tonnes" is two figures
        first_unit = _match_unit(text, atom.end)
        second_unit = _match_unit(text, nxt.end)
        if first_unit is None or second_unit is None or first_unit[0].canonical != second_unit[0].canonical:
            return None
    if conn in ("et", "and") and not re.search(
        r"(?:entre|between)\s+(?:[$€£]\s?)?$", text[max(0, atom.start - 12) : atom.start], re.IGNORECASE
    ):
        return None
    if conn in ("-", "–", "—") and re.search(r"[^\W\d]-$", text[max(0, atom.start - 2) : atom.start]):
        return None
    return nxt.end, conn


def extract_quantities(text: str, language: str, sdoc: Doc | None = None) -> list[Mention]:
    """Quantity and money mentions of `text` (see the module docstring for the conventions)."""
    lang = _lang(language)
    if sdoc is not None and sdoc.text != text:
        sdoc = None  # a parse of another text would give wrong offsets
    blocked = _blocked_spans(text, language)
    atoms = _find_atoms(text, language, blocked)
    sentences = _sentence_spans(text, sdoc)
    mentions: list[Mention] = []
    consumed_until = -1
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        i += 1
        if atom.start < consumed_until:
            continue
        expr = _read_expression(text, lang, atom, nxt, sdoc)
        if expr is None:
            continue
        consumed_until = expr.end
        sent_start, sent_end = _sentence_of(sentences, atom.start, text)
        claimed_by = _claimant(text, (sent_start, sent_end), atom.start, lang, sdoc)
        subject = expr.subject
        if expr.measure == "length" and subject is None:
            subject = _length_subject(text, sent_start, expr, lang)
        mentions.append(
            Mention(
                kind="money" if expr.kind == "money" else "quantity",
                text=text[expr.start : expr.end],
                start=expr.start,
                end=expr.end,
                value=_tidy(expr.value),
                unit=expr.unit,
                subject=subject,
                qualifier=expr.qualifier,
                low=_tidy(expr.low),
                high=_tidy(expr.high),
                claimed_by=claimed_by,
            )
        )
    mentions.extend(_vague_to_mentions(text, lang, mentions, sentences, blocked))
    return sorted(mentions, key=lambda m: m.start)


def _tidy(value: float | None) -> float | None:
    """Drop binary noise: 16.4 * 1e6 is 16400000.0, not 16399999.999999998."""
    return None if value is None else float(f"{value:.14g}")


def _length_subject(text: str, sent_start: int, expr: _Expr, lang: str) -> str | None:
    before = text[sent_start : expr.start]
    measure = _MEASURE_BEFORE.search(before)
    if measure:
        return measure["noun"].lower()
    if _DISTANCE_AFTER.match(text[expr.end : expr.end + 20]):
        return "portée" if lang == "fr" else "range"
    reach = _REACH_VERB.search(before)
    # a reach is a range only when said of a weapon or as a capability: "des missiles qui
    # peuvent atteindre une cible à 300 km", not "les bouchons ont atteint 300 km"
    if reach and (_PROJECTILE.search(before) or _CAPABILITY.search(before[: reach.start()])):
        return "portée" if lang == "fr" else "range"
    return None


_PROJECTILE = re.compile(
    r"\b(?:missiles?|roquettes?|obus|projectiles?|drones?|armes?|engins?|rockets?|weapons?|shells?|bombs?)\b",
    re.IGNORECASE,
)
_CAPABILITY = re.compile(
    r"\b(?:peu[tv]e?n?t|pouvant|capables?\s+d['’]?|can|could|able\s+to|capable\s+of)\s*$", re.IGNORECASE
)


def _read_expression(text: str, lang: str, atom: _Atom, nxt: _Atom | None, sdoc: Doc | None) -> _Expr | None:
    start = atom.start
    # a currency before the number: "$275 million", "€10bn", "US$ 5"
    prefix = _PREFIX_CURRENCY.search(text, max(0, start - 8), start)
    prefix_unit: _Unit | None = None
    if prefix:
        if prefix["dollar"]:
            code = _DOLLAR_PREFIXES[prefix["dollar"].strip().lower()]
        else:
            symbol = prefix["code"] or prefix["sym"]
            code = _PREFIX_CODES.get(symbol, symbol)
        prefix_unit = _money(code)
        start = prefix.start()
    # identifiers and names: a number glued to letters, or right after a capitalized word
    before = text[max(0, start - 30) : start]
    glued_before = re.search(r"(?:[^\W\d_]|[^\W_]-)$", before) is not None and not prefix
    if glued_before:
        return None
    if _ORDINAL_AFTER.match(text, atom.end) and not atom.words and atom.scaled == 1.0:
        return None
    named = False
    if not prefix:
        # a capitalized word inside a sentence, right before the number, names a thing
        # ("Boeing 737", "Euro 2024"); at a sentence start it is just capitalized
        name_before = re.search(r"(?P<lead>^|[^\s])?\s*(?<![\w])([A-ZÀ-Ý][\w'’-]*)\s+$", before)
        if name_before:
            word = name_before.group(2)
            lead = name_before["lead"] or ""
            sentence_initial = (lead == "" and len(before) < 30) or lead in '.!?:;«"“(\n'
            stop = _STOP_FR if lang == "fr" else _STOP_EN
            if (
                not sentence_initial
                and word.lower() not in stop
                and not _QUALIFIER_BEFORE_RE.search(word + " ")
            ):
                named = True
    # ranges
    high_atom: _Atom | None = None
    range_info = _range_partner(text, atom, nxt, lang)
    if range_info:
        high_atom = nxt
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
    # the unit, after an optional "de"/"d'" when a scale word precedes ("millions de dollars")
    unit: _Unit | None = prefix_unit
    unit_end = end
    if unit is None:
        found = _match_unit(text, end)
        if found is None and (last.scaled > 1 or last.words):
            de = re.compile(rf"{_WS}+(?:de{_WS}+|d['’])").match(text, end)
            if de:
                found = _match_unit(text, de.end(), allow_hyphen=False)
        if found is not None:
            unit, unit_end = found
    # "livres"/"pounds": money after a scale word, weight (English) or books (French) else
    if unit is None:
        pounds_match = re.compile(
            rf"{_WS}+(?:de{_WS}+|d['’])?(?P<w>pounds?|livres?)(?![\w])", re.IGNORECASE
        ).match(text, end)
        if pounds_match:
            if last.scaled > 1:
                unit, unit_end = _money("GBP"), pounds_match.end()
            elif lang == "en":
                unit, unit_end = _u("lb", "mass"), pounds_match.end()
    if named and unit is None and last.scaled == 1.0:
        return None  # "Boeing 737", "Euro 2024"; but "BNP Paribas 2,55 milliards d'euros" is a sum
    if unit is None and not atom.words and re.fullmatch(r"\d{5,}", atom.digits):
        return None  # counts that large are written grouped; "35831647" is an identifier
    # a year stays a year unless a unit or qualifier makes it a quantity
    qual_before = _qualifier_before(text, start)
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
    head_unit: str | None = None
    if unit is None:
        noun = None
        after_number = end
        de = re.compile(rf"{_WS}+(?:de{_WS}+|d['’])").match(text, end)
        if (last.scaled > 1 or (last.words and last.value >= 1000)) and de:
            after_number = de.end()
        if sdoc is not None:
            noun = _count_noun_from_parse(sdoc, text, atom.start, end)
        if noun is None:
            noun = (_count_noun_fr if lang == "fr" else _count_noun_en)(text, after_number)
        number_of = _NUMBER_OF_AFTER.match(text, end)
        if number_of:
            noun = (_count_noun_fr if lang == "fr" else _count_noun_en)(text, number_of.end())
            if noun is not None:
                noun = (noun[0], noun[1], end)  # the mention stays "11 000", the subject is after
        elif noun is None:
            before_number = _NUMBER_OF_BEFORE.search(text, max(0, start - 120), start)
            if before_number:
                head = before_number["noun"].split()[0]
                noun = (head, before_number["noun"], end)
        if noun is not None and abs(high_value) >= 2 and not _looks_plural(noun[0], lang):
            noun = None  # after two or more, a counted noun is plural: "tous deux formulé" is a verb
        if noun is not None:
            head_word, subject, unit_end = noun
            head_unit = _normalize_count_noun(head_word, lang)
            if is_year_like:
                return None
        elif last.scaled == 1.0 and qual_before is None:
            return None  # a bare number that counts nothing
    # qualifiers
    qualifier: Qualifier = "exact"
    expr_start = start
    if high_atom is not None:
        qualifier = "range"
        between = re.search(
            r"(?:entre|between|de|from|du)\s+$", text[max(0, start - 10) : start], re.IGNORECASE
        )
        if between:
            expr_start = start - (len(text[max(0, start - 10) : start]) - between.start())
    elif qual_before is not None:
        qualifier, expr_start = qual_before
    after_qual = _qualifier_after(text, unit_end)
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
        low, high = _interval(qualifier, value, atom, None)
    kind = unit.kind if unit else "quantity"
    unit_name = unit.canonical if unit else head_unit
    measure = unit.measure if unit else None
    if unit is not None and unit.kind == "money" and subject is None:
        subject = _money_subject(text, expr_start, unit_end, lang)
    elif unit is not None and measure == "ratio" and subject is None:
        subject = _share_subject(text, expr_end, lang)
    elif unit is not None and measure not in (None, "length") and subject is None:
        measure_before = _MEASURE_BEFORE.search(text, max(0, expr_start - 60), expr_start)
        if measure_before:
            subject = measure_before["noun"].lower()
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
    )


_MONEY_FOR_AFTER = re.compile(
    r"^\s+(?:d['’]|de\s+|of\s+|in\s+)(?!(?:l['’]|le|la|les|the|a|an|un|une|des|du|\d|ici|ailleurs))(?P<what>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)",
    re.IGNORECASE,
)


_DETERMINERS = frozenset(
    "le la les un une des du ce cet cette ces son sa ses leur leurs notre nos votre vos the a an its their "
    "his her our this these those".split()
)


# words that end a noun phrase read backwards; "de", "à", "of" join its parts and are not here
_PHRASE_STOPS = (_STOP_FR | _STOP_EN) - {"de", "d", "du", "des", "à", "au", "aux", "of", "for", "et", "and"}


def _noun_phrase_tail(words_text: str) -> str | None:
    """The noun phrase that ends `words_text`, back to its determiner ("ont fourni des armes et
    des équipements" -> "armes et des équipements")."""
    words = words_text.split()
    i = len(words) - 1
    while i >= 0:
        low = words[i].lower()
        if low in _DETERMINERS:
            if i > 0 and words[i - 1].lower() in ("et", "and", "ou", "or"):
                i -= 2
                continue
            break
        if low in _PHRASE_STOPS:
            break  # a pronoun, auxiliary or adverb before the noun phrase
        i -= 1
    phrase = " ".join(words[i + 1 :])
    return phrase or None


_SHARE_OF = re.compile(
    r"\s+(?:des|du|de\s+la|de\s+l['’]|de|d['’]|of\s+the|of\s+its|of\s+their|of)\s*(?P<what>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,2})",
    re.IGNORECASE,
)


def _share_subject(text: str, end: int, lang: str) -> str | None:
    """What a percentage is a share of: "40% des PME innovantes" -> "PME innovantes"."""
    match = _SHARE_OF.match(text, end)
    if not match:
        return None
    stop = _STOP_FR if lang == "fr" else _STOP_EN
    kept: list[str] = []
    for i, word in enumerate(match["what"].split()):
        if word.lower() in stop or (i == 0 and word.lower() in _DETERMINERS):
            if kept:
                break
            continue
        if kept and re.search(r"(?:ent|ont|ait|aient|ed)$", word) and not word.endswith("ment"):
            break  # a verb: "40% des PME innovantes subissent ..."
        kept.append(word)
        if len(kept) == 2:
            break
    return " ".join(kept) or None


def _money_subject(text: str, start: int, end: int, lang: str) -> str | None:
    """What a sum pays for: "275 millions de dollars d'aide" -> "aide"; "d'un montant de X" ->
    the noun phrase before; "une perte de 751 millions" -> "perte"."""
    measure = _MEASURE_BEFORE.search(text, max(0, start - 60), start)
    if measure:
        owner = _OWNER_BEFORE.search(text, max(0, measure.start() - 80), measure.start())
        if owner:
            phrase = _noun_phrase_tail(owner["owner"])
            if phrase:
                return phrase
        return measure["noun"].lower()
    after = _MONEY_FOR_AFTER.match(text[end : end + 60])
    if after:
        what = after["what"]
        stop = _STOP_FR if lang == "fr" else _STOP_EN
        words = [w for w in what.split() if w.lower() not in stop]
        if words and not _YEAR.fullmatch(words[0]) and not re.search(r"['’]s$", what.split()[0]):
            first = what.split()[0]
            if first.lower() not in stop:
                return what if len(words) == len(what.split()) else first
    noun_before = re.search(
        r"(?P<noun>(?:[^\W\d_][\w'’-]*\s+)?[^\W\d_][\w'’-]{2,})\s+(?:de|d['’]|of)\s+$",
        text[max(0, start - 50) : start],
    )
    if noun_before:
        stop = _STOP_FR if lang == "fr" else _STOP_EN
        words = [
            w for w in noun_before["noun"].split() if w.lower() not in stop and w.lower() not in _DETERMINERS
        ]
        if words:
            return " ".join(words).lower()
    return None


# --------------------------------------------------------------------------------------------
# vague counts: "des milliers de soldats", "thousands of troops", "une dizaine de blessés"
# --------------------------------------------------------------------------------------------


def _vague_mentions(
    text: str, lang: str, taken: list[tuple[int, int]]
) -> list[tuple[int, int, float, Qualifier, int]]:
    """(start, end of the phrase before the noun, value, qualifier, noun position)."""
    out: list[tuple[int, int, float, Qualifier, int]] = []
    patterns = (
        [(_VAGUE_FR, "at_least"), (_VAGUE_FR_APPROX, "approximately")]
        if lang == "fr"
        else [(_VAGUE_EN, "at_least")]
    )
    for pattern, qualifier in patterns:
        for match in pattern.finditer(text):
            if _overlaps(match.start(), match.end(), taken):
                continue
            base = _VAGUE_BASE[match["unit"].lower()]
            unit2 = match.groupdict().get("unit2")
            if unit2:
                base *= _VAGUE_BASE[unit2.lower()]
            value = float(base * 2 if qualifier == "at_least" else base)
            noun_pos = match.end()
            de = re.match(r"(?:de\s+|d['’])", text[noun_pos:], re.IGNORECASE)
            if de:
                noun_pos += de.end()
            det = (match.groupdict().get("det") or "").lower()
            start = match.start("unit") if det in ("de", "les") else match.start()
            out.append((start, match.end(), value, qualifier, noun_pos))  # type: ignore[arg-type]
    return out


def _vague_to_mentions(
    text: str,
    lang: str,
    mentions: list[Mention],
    sentences: list[tuple[int, int]],
    blocked: list[tuple[int, int]],
) -> list[Mention]:
    taken = [(m.start, m.end) for m in mentions] + blocked
    out: list[Mention] = []
    for start, _end, value, qualifier, noun_pos in _vague_mentions(text, lang, taken):
        noun = (_count_noun_fr if lang == "fr" else _count_noun_en)(text, noun_pos)
        if noun is None:
            continue
        head, subject, noun_end = noun
        if qualifier == "approximately":
            low, high = value * 0.5, value * 1.5
        else:
            low, high = value, None
        sent_start, sent_end = _sentence_of(sentences, start, text)
        out.append(
            Mention(
                kind="quantity",
                text=text[start:noun_end],
                start=start,
                end=noun_end,
                value=value,
                unit=_normalize_count_noun(head, lang),
                subject=subject,
                qualifier=qualifier,
                low=low,
                high=high,
                claimed_by=_claimant(text, (sent_start, sent_end), start, lang, None),
            )
        )
    return out


# --------------------------------------------------------------------------------------------
# comparing units
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
}  # fmt: skip


def to_base_unit(value: float, unit: str | None) -> tuple[float, str | None]:
    """The value in its dimension's base unit, so "300 km" and "186 miles" can be compared
    (m, kg, l, m², km/h); other units are returned unchanged."""
    if unit in _TO_BASE:
        base, factor = _TO_BASE[unit]
        return value * factor, base
    return value, unit
