"""Repetition inside one page: a looping article keeps each paragraph once, at its first place.

A later copy of a paragraph goes when it is long enough to be a passage rather than a formula
(`min_chars`), or when it stands in a run of copies: a page that loops repeats its headings and
short lines along with the paragraphs around them. A short line repeated on its own (a speaker's
name and role after two different quotes) is the text's own doing and stays. Copies with a word or
two changed (`near_ratio` of their words in order) count as copies too, for paragraphs long enough
for that to mean something.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from difflib import SequenceMatcher

_NON_WORD = re.compile(r"[\W_]+")
_SHINGLE = 3
# below this many characters a paragraph is compared exactly, never approximately
_NEAR_MIN_CHARS = 80


def paragraph_key(text: str) -> str:
    """A paragraph's identity for repetition: case, punctuation and spacing folded away."""
    return _NON_WORD.sub(" ", text.casefold()).strip()


def find_repeats(texts: Sequence[str], *, min_chars: int = 100, near_ratio: float = 0.9) -> dict[int, int]:
    """Indexes of paragraphs to drop as repetition, each mapped to the index of its first copy."""
    copy_of = _copies(texts, near_ratio)
    repeats: dict[int, int] = {}
    for index, first in copy_of.items():
        in_run = index - 1 in copy_of or index + 1 in copy_of
        if in_run or len(texts[index]) >= min_chars:
            repeats[index] = first
    return repeats


def _copies(texts: Sequence[str], near_ratio: float) -> dict[int, int]:
    """Every paragraph that copies an earlier one (exactly or nearly), mapped to the first copy."""
    first_by_key: dict[str, int] = {}
    copy_of: dict[int, int] = {}
    # word shingles of first copies, for finding near copies without comparing every pair
    index_by_shingle: defaultdict[tuple[str, ...], list[int]] = defaultdict(list)
    words_of: dict[int, list[str]] = {}
    for index, text in enumerate(texts):
        key = paragraph_key(text)
        if not key:
            continue
        if key in first_by_key:
            copy_of[index] = first_by_key[key]
            continue
        words = key.split()
        shingles = {tuple(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}
        near = (
            _near_copy(words, shingles, index_by_shingle, words_of, near_ratio)
            if len(key) >= _NEAR_MIN_CHARS
            else None
        )
        if near is not None:
            copy_of[index] = near
            first_by_key[key] = near
            continue
        first_by_key[key] = index
        if len(key) >= _NEAR_MIN_CHARS:
            words_of[index] = words
            for shingle in shingles:
                index_by_shingle[shingle].append(index)
    return copy_of


def _near_copy(
    words: list[str],
    shingles: set[tuple[str, ...]],
    index_by_shingle: dict[tuple[str, ...], list[int]],
    words_of: dict[int, list[str]],
    near_ratio: float,
) -> int | None:
    shared: Counter[int] = Counter()
    for shingle in shingles:
        shared.update(index_by_shingle.get(shingle, ()))
    for candidate, count in shared.most_common(3):
        if count * 2 < len(shingles):
            break
        if SequenceMatcher(None, words, words_of[candidate], autojunk=False).ratio() >= near_ratio:
            return candidate
    return None
