"""Repetition inside one page: a looping article keeps each paragraph once, at its first place.

A later copy of a paragraph goes when it is a passage of prose or a long line rather than a
formula, or when it stands in a run of copies around a passage of prose: a page that loops repeats its headings and short
lines along with the paragraphs around them. A short line repeated on its own (a speaker's name
and role after two different quotes) is the text's own doing and stays. Copies with a word or
two changed (`near_ratio` of their words in order) count as copies too, for paragraphs long enough
for that to mean something.

A page can also loop inside one paragraph ("Un texte. Un texte. ..." printed 500 times on one
line). `find_sentence_loops` finds the later copies of a sentence (or a block of sentences) that
a paragraph prints back to back more than `min_copies` times: real prose repeats a short sentence
two or three times in a row at most ("Non. Non."), and a refrain it repeats more often has other
sentences between its copies; measured on the gold texts of ../shared/data (bench/bench_judge.py).
"""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from difflib import SequenceMatcher

_NON_WORD = re.compile(r"[\W_]+")
_SHINGLE = 3
_SKETCH_SIZE = 8
# below this many characters a paragraph is compared exactly, never approximately
_NEAR_MIN_CHARS = 80
_SENTENCE_CLOSE = frozenset('.!?…»"”)')
# a sentence: up to its closing punctuation (with a closing quote or bracket), or the line's end
_SENTENCE = re.compile(r"[^.!?…]*[^.!?…\s][^.!?…]*(?:[.!?…]+[»\"”)’]*|$)")


def paragraph_key(text: str) -> str:
    """A paragraph's identity for repetition: case, punctuation and spacing folded away."""
    return _NON_WORD.sub(" ", text.casefold()).strip()


def find_repeats(texts: Sequence[str], *, min_chars: int = 100, near_ratio: float = 0.9) -> dict[int, int]:
    """Indexes of paragraphs to drop as repetition, each mapped to the index of its first copy.

    A copy goes when it is a passage of prose (`min_chars` or more, closed like a sentence), when
    it stands in an unbroken run of copies that holds such a passage, or when it is a long line
    (`min_chars` or more) copied on its own. Runs of short lines alone (a menu printed for plan A
    and again for plan B, table cells) are the text's own.
    """
    copy_of = _copies(texts, near_ratio)
    repeats: dict[int, int] = {}
    for run in _runs(sorted(copy_of)):
        lone_long_copy = len(run) == 1 and len(texts[run[0]]) >= min_chars
        if lone_long_copy or any(_is_passage(texts[index], min_chars) for index in run):
            repeats.update((index, copy_of[index]) for index in run)
    return repeats


def _is_passage(text: str, min_chars: int) -> bool:
    return len(text) >= min_chars and text.rstrip()[-1:] in _SENTENCE_CLOSE


def _runs(indexes: Sequence[int]) -> list[list[int]]:
    """Consecutive stretches of the sorted `indexes`."""
    runs: list[list[int]] = []
    for index in indexes:
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def _copies(texts: Sequence[str], near_ratio: float) -> dict[int, int]:
    """Every paragraph that copies an earlier one (exactly or nearly), mapped to the first copy."""
    first_by_key: dict[str, int] = {}
    copy_of: dict[int, int] = {}
    # a small sketch of each long first copy (its lowest shingle hashes): a near copy shares most
    # of it, so candidates are found without comparing every pair
    index_by_hash: defaultdict[int, list[int]] = defaultdict(list)
    words_of: dict[int, list[str]] = {}
    for index, text in enumerate(texts):
        key = paragraph_key(text)
        if not key:
            continue
        if key in first_by_key:
            copy_of[index] = first_by_key[key]
            continue
        first_by_key[key] = index
        if len(key) < _NEAR_MIN_CHARS:
            continue
        words = key.split()
        sketch = _sketch(words)
        near = _near_copy(words, sketch, index_by_hash, words_of, near_ratio)
        if near is not None:
            copy_of[index] = first_by_key[key] = near
            continue
        words_of[index] = words
        for value in sketch:
            index_by_hash[value].append(index)
    return copy_of


def _sketch(words: list[str]) -> list[int]:
    """The lowest hashes of the paragraph's word shingles (crc32: the same in every run)."""
    hashes = {
        zlib.crc32(" ".join(words[i : i + _SHINGLE]).encode()) for i in range(len(words) - _SHINGLE + 1)
    }
    return sorted(hashes)[:_SKETCH_SIZE]


def _near_copy(
    words: list[str],
    sketch: list[int],
    index_by_hash: dict[int, list[int]],
    words_of: dict[int, list[str]],
    near_ratio: float,
) -> int | None:
    shared = Counter(candidate for value in sketch for candidate in index_by_hash.get(value, ()))
    for candidate, count in shared.most_common(3):
        if count * 2 < len(sketch):
            break
        if SequenceMatcher(None, words, words_of[candidate], autojunk=False).ratio() >= near_ratio:
            return candidate
    return None


def find_sentence_loops(
    text: str, start: int = 0, end: int | None = None, *, min_copies: int = 3, max_period: int = 8
) -> list[tuple[int, int]]:
    """(start, end) in `text` of each later copy in a loop inside `text[start:end]`: a sentence, or
    a block of up to `max_period` sentences, printed back to back more than `min_copies` times.

    Copies must follow each other: a refrain spread through a paragraph ("I would prefer not to.")
    or a call repeated between other statements in code is the text's own. A block made only of
    one-word sentences ("Bip. Bip. Bip.") is too."""
    end = len(text) if end is None else end
    sentences: list[tuple[str, int, int]] = []
    for match in _SENTENCE.finditer(text, start, end):
        first, last = match.start(), match.end()
        while first < last and text[first].isspace():
            first += 1
        key = paragraph_key(text[first:last])
        if key:
            sentences.append((key, first, last))
    keys = [key for key, _, _ in sentences]
    copies: set[int] = set()
    for period in range(1, max_period + 1):
        run_start: int | None = None
        for index in range(period, len(keys) + 1):
            if index < len(keys) and keys[index] == keys[index - period]:
                if run_start is None:
                    run_start = index
                continue
            if run_start is not None:
                block = keys[run_start - period : run_start]
                if index - run_start >= period * min_copies and any(" " in key for key in block):
                    copies.update(range(run_start, index))
                run_start = None
    return [(first, last) for index, (_, first, last) in enumerate(sentences) if index in copies]
