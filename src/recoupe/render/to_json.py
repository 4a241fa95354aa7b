"""The JSON contract: a `Brief` as the plain dict that `brief.schema.json` describes.

Keys are written in a fixed order (the contract's, then extras), so the same brief always gives
the same bytes. Internals the stages keep for each other (sentences, per-document mentions,
passage spans) stay out; a compact `stats` object per document says what the cleaner measured.
`brief_from_dict` reads such a dict back, so a stored brief.json can be rendered again.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any, cast

from recoupe.model import (
    Brief,
    CleanStats,
    Discrepancy,
    DiscrepancyValue,
    Document,
    DuplicateCluster,
    Fact,
    FactMention,
    Flag,
    InputEntry,
    Quote,
    Removal,
    SharedPassage,
    Story,
    SummarySentence,
    TimelineEntry,
)
from recoupe.render.common import brief_counts

JsonDict = dict[str, Any]


def brief_to_dict(brief: Brief) -> JsonDict:
    """The brief as the JSON contract, keys in the schema's order.

    Extras the schema allows sit beside what they describe: top-level `counts`, and per
    document `format`, `verdict`, `content_hash`, `stats`; per removal its `rule`.
    """
    return {
        "recoupe_version": brief.recoupe_version,
        "generated_at": brief.generated_at,
        "counts": asdict(brief_counts(brief)),
        "inputs": [_input(entry) for entry in brief.inputs],
        "documents": [_document(doc) for doc in brief.documents],
        "stories": [_story(story) for story in brief.stories],
        "duplicates": [_duplicate(cluster) for cluster in brief.duplicates],
    }


def render_json(brief: Brief) -> str:
    """brief.json: two-space indent, UTF-8 text kept as is, one trailing newline.

    NaN or infinite numbers raise ValueError: they are not JSON and would mean a stage's bug.
    """
    return json.dumps(brief_to_dict(brief), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def _input(entry: InputEntry) -> JsonDict:
    return {
        "source": entry.source,
        "status": entry.status,
        "document": entry.document,
        "reason": entry.reason,
    }


def _document(doc: Document) -> JsonDict:
    return {
        "id": doc.id,
        "source": doc.source,
        "url": doc.url,
        "site": doc.site,
        "title": doc.title,
        "author": doc.author,
        "published": doc.published,
        "language": doc.language,
        "format": doc.format,
        "text": doc.text,
        "removed": [_removal(removal, placed=doc.format != "html") for removal in doc.removed],
        "flags": [_flag(flag) for flag in doc.flags],
        "quality": doc.quality,
        "verdict": doc.verdict,
        "duplicate_of": doc.duplicate_of,
        "story": doc.story,
        "content_hash": doc.content_hash,
        "stats": _stats(doc.clean_stats),
    }


def _removal(removal: Removal, *, placed: bool) -> JsonDict:
    # Offsets point into the decoded input text (text and JSONL text inputs). For an HTML page the
    # cleaner's offsets point into trafilatura's extracted text, which is neither the input nor
    # in the brief, so none are given.
    return {
        "text": removal.text,
        "reason": removal.reason,
        "start": removal.start if placed else None,
        "end": removal.end if placed else None,
        "rule": removal.rule,
    }


def _flag(flag: Flag) -> JsonDict:
    return {"code": flag.code, "detail": flag.detail, "score": flag.score}


def _stats(stats: CleanStats) -> JsonDict:
    return {
        "chars_in": stats.chars_in,
        "chars_removed": stats.chars_removed,
        "paragraphs_in": stats.paragraphs_in,
        "paragraphs_unique": stats.paragraphs_unique,
        "paragraphs_repeated": stats.paragraphs_repeated,
        "paywall_notice": stats.paywall_notice,
        "hidden_share": stats.hidden_share,
    }


def _story(story: Story) -> JsonDict:
    return {
        "id": story.id,
        "title": story.title,
        "documents": list(story.documents),
        "summary": [{"text": s.text, "sources": list(s.sources)} for s in story.summary],
        "facts": [_fact(fact) for fact in story.facts],
        "quotes": [_quote(quote) for quote in story.quotes],
        "discrepancies": [_discrepancy(d) for d in story.discrepancies],
        "timeline": [
            {"date": entry.date, "text": entry.text, "documents": list(entry.documents)}
            for entry in story.timeline
        ],
        "shared_passages": [
            {"text": passage.text, "documents": list(passage.documents)} for passage in story.shared_passages
        ],
    }


def _fact(fact: Fact) -> JsonDict:
    return {
        "id": fact.id,
        "kind": fact.kind,
        "label": fact.label,
        "value": fact.value,
        "unit": fact.unit,
        "support": fact.support,
        "mentions": [
            {"document": m.document, "text": m.text, "start": m.start, "end": m.end} for m in fact.mentions
        ],
        "subject": fact.subject,
        "qualifier": fact.qualifier,
        "low": fact.low,
        "high": fact.high,
        "claimed_by": fact.claimed_by,
        "time": fact.time,
        "place": fact.place,
        "predicate": fact.predicate,
    }


def _quote(quote: Quote) -> JsonDict:
    return {
        "text": quote.text,
        "speaker": quote.speaker,
        "document": quote.document,
        "start": quote.start,
        "end": quote.end,
        "speaker_fact": quote.speaker_fact,
        "support": quote.support,
    }


def _discrepancy(discrepancy: Discrepancy) -> JsonDict:
    return {
        "about": discrepancy.about,
        "kind": discrepancy.kind,
        "values": [
            {
                "value": v.value,
                "text": v.text,
                "documents": list(v.documents),
                "facts": list(v.facts),
                "claimed_by": v.claimed_by,
            }
            for v in discrepancy.values
        ],
    }


def _duplicate(cluster: DuplicateCluster) -> JsonDict:
    return {
        "id": cluster.id,
        "representative": cluster.representative,
        "members": list(cluster.members),
        "similarity": cluster.similarity,
        "evidence": cluster.evidence,
    }


# --------------------------------------------------------------------------------------------
# reading back
# --------------------------------------------------------------------------------------------


def brief_from_dict(data: JsonDict) -> Brief:
    """A `Brief` from a dict shaped like `brief_to_dict`'s output (e.g. a stored brief.json).

    What the JSON leaves out (sentences, per-document mentions, passage spans) comes back empty;
    the renderers do not need it. Validate first (`validate_brief_dict`) when the input is
    untrusted: a missing required key raises KeyError here.
    """
    return Brief(
        recoupe_version=data["recoupe_version"],
        generated_at=data["generated_at"],
        inputs=[
            InputEntry(
                source=e["source"], status=e["status"], document=e.get("document"), reason=e.get("reason")
            )
            for e in data["inputs"]
        ],
        documents=[_document_from(d) for d in data["documents"]],
        stories=[_story_from(s) for s in data["stories"]],
        duplicates=[
            DuplicateCluster(
                id=c["id"],
                representative=c["representative"],
                members=list(c["members"]),
                similarity=c.get("similarity"),
                evidence=c.get("evidence"),
            )
            for c in data.get("duplicates", [])
        ],
    )


def _document_from(d: JsonDict) -> Document:
    stats = cast(JsonDict, d.get("stats") or {})
    return Document(
        id=d["id"],
        source=d["source"],
        text=d["text"],
        format=d.get("format", "text"),
        url=d.get("url"),
        site=d.get("site"),
        title=d.get("title"),
        author=d.get("author"),
        published=d.get("published"),
        language=d["language"],
        removed=[
            Removal(
                text=r["text"], reason=r["reason"], start=r.get("start"), end=r.get("end"), rule=r.get("rule")
            )
            for r in d["removed"]
        ],
        clean_stats=CleanStats(
            paragraphs_in=stats.get("paragraphs_in", 0),
            paragraphs_repeated=stats.get("paragraphs_repeated", 0),
            paragraphs_unique=stats.get("paragraphs_unique", 0),
            paywall_notice=stats.get("paywall_notice", False),
            hidden_share=stats.get("hidden_share"),
            chars_in=stats.get("chars_in", 0),
            chars_removed=stats.get("chars_removed", 0),
        ),
        flags=[Flag(code=f["code"], detail=f["detail"], score=f.get("score")) for f in d["flags"]],
        quality=d["quality"],
        verdict=d.get("verdict", "ok"),
        duplicate_of=d["duplicate_of"],
        story=d["story"],
        content_hash=d.get("content_hash", ""),
    )


def _story_from(s: JsonDict) -> Story:
    return Story(
        id=s["id"],
        title=s["title"],
        documents=list(s["documents"]),
        summary=[SummarySentence(text=x["text"], sources=list(x["sources"])) for x in s["summary"]],
        facts=[_fact_from(f) for f in s["facts"]],
        quotes=[
            Quote(
                text=q["text"],
                speaker=q["speaker"],
                document=q["document"],
                start=q.get("start"),
                end=q.get("end"),
                speaker_fact=q.get("speaker_fact"),
                support=q.get("support"),
            )
            for q in s["quotes"]
        ],
        discrepancies=[
            Discrepancy(
                about=x["about"],
                kind=x.get("kind"),
                values=[
                    DiscrepancyValue(
                        value=v["value"],
                        documents=list(v["documents"]),
                        text=v.get("text"),
                        facts=list(v.get("facts", [])),
                        claimed_by=v.get("claimed_by"),
                    )
                    for v in x["values"]
                ],
            )
            for x in s["discrepancies"]
        ],
        timeline=[
            TimelineEntry(date=t["date"], text=t["text"], documents=list(t["documents"]))
            for t in s["timeline"]
        ],
        shared_passages=[
            SharedPassage(text=p["text"], documents=list(p["documents"]))
            for p in s.get("shared_passages", [])
        ],
    )


def _fact_from(f: JsonDict) -> Fact:
    return Fact(
        id=f["id"],
        kind=f["kind"],
        label=f["label"],
        value=f["value"],
        support=f["support"],
        mentions=[
            FactMention(document=m["document"], text=m["text"], start=m["start"], end=m["end"])
            for m in f["mentions"]
        ],
        unit=f.get("unit"),
        subject=f.get("subject"),
        qualifier=f.get("qualifier"),
        low=f.get("low"),
        high=f.get("high"),
        claimed_by=f.get("claimed_by"),
        time=f.get("time"),
        place=f.get("place"),
        predicate=f.get("predicate"),
    )
