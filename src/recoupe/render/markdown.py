"""The brief as Markdown (CommonMark with GitHub tables): the HTML page's content, minus the texts.

Documents are cited by their number in the sources table, `[1][3]`. Page strings are escaped
so that they stay text: no table is broken by a `|` or a newline, no markup or raw HTML slips in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from recoupe.model import Brief, Discrepancy, Document, Fact, InputEntry, Story
from recoupe.render.common import (
    SourceRef,
    brief_counts,
    fact_value,
    format_interval,
    format_qualifier,
    format_share,
    format_value,
    removal_counts,
    safe_url,
    source_refs,
    support_label,
    value_unit,
)

# what ends a line; other spaces (the no-break spaces French typography puts in figures) stay
_LINE_BREAKS = re.compile(r"[\t\n\r\f\v\x85\u2028\u2029]+")
# characters that start inline markup anywhere in a line; `|` is here for tables
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
# an entity reference would be decoded by the reader: `&amp;` must stay as typed
_ENTITY = re.compile(r"&(?=#?\w+;)")
# what turns a line into a heading, list item, quote or rule when it starts the line
# (a digit cannot be escaped: an ordered list marker `1.` is broken by escaping its delimiter)
_LINE_START = re.compile(r"^(\s*\d{0,9})(>|#{1,6}(?=\s|$)|[-+](?=\s|$)|(?<=\d)[.)](?=\s|$)|-{3,}|={3,})")


def md_text(text: str | None) -> str:
    """A page string as one line of Markdown text, shown as typed."""
    if not text:
        return ""
    line = _LINE_BREAKS.sub(" ", text).strip()
    line = _ENTITY.sub(r"\\&", _INLINE_SPECIAL.sub(r"\\\1", line))
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line)


def md_code(text: str) -> str:
    """Inline code for a table cell that holds any string (paths with underscores, ids).

    GitHub tables split cells on `|` even inside code, so it is escaped there too.
    """
    line = _LINE_BREAKS.sub(" ", text).strip().replace("|", "\\|")
    longest = max((len(run) for run in re.findall(r"`+", line)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if line.startswith("`") or line.endswith("`") else ""
    return f"{fence}{pad}{line}{pad}{fence}"


class _Writer:
    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.refs: dict[str, SourceRef] = source_refs(brief)
        self.lines: list[str] = []

    def cite(self, ids: Iterable[str]) -> str:
        out: list[str] = []
        for doc_id in dict.fromkeys(ids):
            ref = self.refs.get(doc_id)
            # no link reference is ever defined (page text escapes `[`), so `[1]` stays text
            out.append(f"[{ref.number}]" if ref else f"[{md_text(doc_id)}]")
        return "".join(out)

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def table(self, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
        self.add("| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|")
        self.add(*("| " + " | ".join(cell or " " for cell in row) + " |" for row in rows))
        self.add("")

    def write(self) -> str:
        brief = self.brief
        counts = brief_counts(brief)
        self.add(
            "# Brief",
            "",
            f"Generated {md_text(brief.generated_at)} by recoupe {md_text(brief.recoupe_version)}.",
            "",
            f"- **{counts.inputs}** inputs: {counts.inputs_ok} ok, {counts.inputs_skipped} skipped, "
            f"{counts.inputs_error} error",
            f"- **{counts.documents}** documents: {counts.documents_junk} junk, "
            f"{counts.documents_duplicate} duplicate",
            f"- **{counts.stories}** {'story' if counts.stories == 1 else 'stories'}",
            f"- **{counts.duplicate_clusters}** duplicate "
            f"{'cluster' if counts.duplicate_clusters == 1 else 'clusters'}",
            "",
        )
        if not brief.stories:
            self.add("## Stories", "", "_No story: no readable document was grouped into a story._", "")
        for story in brief.stories:
            self.story(story)
        self.duplicates()
        self.sources()
        self.inputs()
        return "\n".join(self.lines).rstrip("\n") + "\n"

    def story(self, story: Story) -> None:
        names = " · ".join(
            f"{self.cite([doc_id])} {md_text(self.refs[doc_id].name) if doc_id in self.refs else ''}".rstrip()
            for doc_id in story.documents
        )
        self.add(f"## {md_text(story.title)}", "", f"Sources: {names}", "")
        if story.summary:
            self.add("### Summary", "")
            self.add(*(f"- {md_text(s.text)} {self.cite(s.sources)}".rstrip() for s in story.summary))
            self.add("")
        self.add("### Discrepancies", "")
        if story.discrepancies:
            for discrepancy in story.discrepancies:
                self.discrepancy(story, discrepancy)
        else:
            self.add("_The sources do not disagree on any figure, date or claim found._", "")
        if story.timeline:
            self.add("### Timeline", "")
            self.add(
                *(
                    f"- **{md_text(entry.date)}** {md_text(entry.text)} {self.cite(entry.documents)}".rstrip()
                    for entry in story.timeline
                )
            )
            self.add("")
        if story.facts:
            self.add("### Facts", "")
            self.table(
                ("Kind", "Fact", "Value", "Support", "Qualifier", "Claimed by", "Mentioned in"),
                (self.fact_row(fact) for fact in story.facts),
            )
        if story.quotes:
            self.add("### Quotes", "")
            for quote in story.quotes:
                speaker = md_text(quote.speaker) or "_speaker not named_"
                support = (
                    f" · quoted by {quote.support} independent sources"
                    if quote.support is not None and quote.support > 1
                    else ""
                )
                self.add(
                    f"> {md_text(quote.text)}",
                    ">",
                    f"> — {speaker} {self.cite([quote.document])}{support}",
                    "",
                )
        if story.shared_passages:
            self.add("### Shared passages", "")
            self.add(
                *(f"- {md_text(p.text)} {self.cite(p.documents)}".rstrip() for p in story.shared_passages)
            )
            self.add("")

    def discrepancy(self, story: Story, discrepancy: Discrepancy) -> None:
        kind = f" ({discrepancy.kind})" if discrepancy.kind else ""
        self.add(f"#### {md_text(discrepancy.about)}{kind}", "")
        if discrepancy.kind == "update":
            self.add(
                "_The values come from pages published at different times: the later may revise the earlier._",
                "",
            )
        for v in discrepancy.values:
            parts = [f"**{md_text(format_value(v.value, value_unit(story, v)))}**"]
            if v.text:
                parts.append(f"“{md_text(v.text)}”")
            if v.claimed_by:
                parts.append(f"claimed by {md_text(v.claimed_by)}")
            self.add(f"- {' — '.join(parts)} {self.cite(v.documents)}".rstrip())
        self.add("")

    def fact_row(self, fact: Fact) -> list[str]:
        interval = format_interval(fact.low, fact.high, fact.unit)
        qualifier = format_qualifier(fact.qualifier) + (f" ({interval})" if interval else "")
        shown_subject = fact.subject and fact.subject.casefold() not in fact.label.casefold()
        label = md_text(fact.label) + (f" ({md_text(fact.subject)})" if shown_subject else "")
        support = support_label(fact.support)
        return [
            fact.kind,
            label,
            md_text(fact_value(fact)),
            f"**{support}**" if fact.support <= 1 else support,
            md_text(qualifier),
            md_text(fact.claimed_by),
            self.cite(m.document for m in fact.mentions),
        ]

    def duplicates(self) -> None:
        self.add("## Duplicates", "")
        if not self.brief.duplicates:
            self.add("_No exact or near copies among the documents._", "")
            return
        self.table(
            ("Cluster", "Kept", "Copies", "Similarity", "Evidence"),
            (
                [
                    md_code(c.id),
                    self.cite([c.representative]),
                    self.cite(m for m in c.members if m != c.representative),
                    format_share(c.similarity),
                    md_text(c.evidence),
                ]
                for c in self.brief.duplicates
            ),
        )

    def sources(self) -> None:
        self.add("## Sources", "")
        if not self.brief.documents:
            self.add("_No document could be read._", "")
            return
        stories = {story.id: story.title for story in self.brief.stories}
        self.table(
            (
                "#",
                "Site",
                "Title",
                "Published",
                "Language",
                "Quality",
                "Verdict",
                "Flags",
                "Removed",
                "Story",
            ),
            (self.source_row(i, doc, stories) for i, doc in enumerate(self.brief.documents, start=1)),
        )

    def source_row(self, number: int, doc: Document, stories: dict[str, str]) -> list[str]:
        url = safe_url(doc.url)
        title = md_text(doc.title) or "(no title)"
        verdict = doc.verdict + (f" of {self.cite([doc.duplicate_of])}" if doc.duplicate_of else "")
        flags = "; ".join(
            f"{md_code(f.code)}: {md_text(f.detail)}"
            + (f" (score {f.score:.2f})" if f.score is not None else "")
            for f in doc.flags
        )
        removed = ", ".join(f"{md_text(reason)} {n}" for reason, n in removal_counts(doc))
        story = md_text(stories.get(doc.story, doc.story)) if doc.story else ""
        return [
            str(number),
            md_text(doc.site),
            f"[{title}](<{_link_target(url)}>)" if url else title,
            md_text(doc.published) or "unknown",
            md_text(doc.language),
            f"{doc.quality:.2f}",
            verdict,
            flags,
            removed or "nothing",
            story,
        ]

    def inputs(self) -> None:
        self.add("## Inputs", "")
        if not self.brief.inputs:
            self.add("_No input was given._", "")
            return
        self.table(("Input", "Status", "Document", "Reason"), (self.input_row(e) for e in self.brief.inputs))

    def input_row(self, entry: InputEntry) -> list[str]:
        status = entry.status if entry.status == "ok" else f"**{entry.status}**"
        return [
            md_code(entry.source),
            status,
            self.cite([entry.document]) if entry.document else "",
            md_text(entry.reason),
        ]


def _link_target(url: str) -> str:
    # inside <...> a link target may hold anything but line breaks and angle brackets; `|` would end the cell
    return url.replace("<", "%3C").replace(">", "%3E").replace("|", "%7C").replace(" ", "%20")


def render_markdown(brief: Brief) -> str:
    """brief.md: stories with cited summaries, discrepancies, timeline, facts; sources; inputs."""
    return _Writer(brief).write()
