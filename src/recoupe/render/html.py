"""The brief as one self-contained HTML page (inline CSS, no script, nothing fetched).

The page is laid out by `templates/brief.html.j2` (story parts shared with the web view in
`templates/story.html.j2`); this module hands it the brief, the source numbering, where each
citation lands in the clean texts (`recoupe.render.anchors`) and the formatting filters.
Autoescaping is on: every string from a page is escaped.
"""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from recoupe.model import Brief, Document, Fact
from recoupe.render.anchors import Piece, StoryAnchors, TextAnchors, story_anchors
from recoupe.render.common import (
    brief_counts,
    fact_value,
    format_interval,
    format_qualifier,
    format_share,
    format_value,
    paragraphs,
    removal_counts,
    safe_url,
    source_refs,
    support_label,
    value_unit,
)

TEMPLATE = "brief.html.j2"


def shown_value(fact: Fact) -> str:
    """A fact's value cell: empty for claims (the sentence is the fact) and names (the label)."""
    return "" if fact.kind == "claim" else fact_value(fact)


def environment() -> Environment:
    """The Jinja environment of recoupe's HTML: the brief's and the web view's templates."""
    return _environment()


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("recoupe", "templates"),
        # .j2 templates here all produce HTML: escape by default, whatever the file name says
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        value=format_value,
        fact_value=fact_value,
        shown_value=shown_value,
        interval=format_interval,
        qualifier=format_qualifier,
        share=format_share,
        support_label=support_label,
    )
    env.globals.update(
        paragraphs=paragraphs, removal_counts=removal_counts, safe_url=safe_url, value_unit=value_unit
    )
    return env


def render_html(brief: Brief) -> str:
    """brief.html: readable without JavaScript, in any browser, offline."""
    template = _environment().get_template(TEMPLATE)
    stories_by_id = {story.id: story for story in brief.stories}
    documents = {doc.id: doc for doc in brief.documents}
    # one page holds every text: anchors carry their document's id, and each text is laid out once
    texts: dict[str, TextAnchors] = {}
    prefix_of = {doc_id: f"{doc_id}-" for doc_id in documents}
    anchors_of: dict[str, StoryAnchors] = {
        story.id: story_anchors(story, documents, prefix_of=prefix_of, texts=texts) for story in brief.stories
    }

    def layout_of(doc: Document) -> list[list[Piece]]:
        return (texts.get(doc.id) or TextAnchors(doc.text)).paragraphs()

    def href(document_id: str, anchor: str = "") -> str:
        return f"#{anchor}" if anchor else f"#doc-{document_id}"

    return template.render(
        brief=brief,
        counts=brief_counts(brief),
        refs=source_refs(brief),
        stories_by_id=stories_by_id,
        anchors_of=anchors_of,
        layout_of=layout_of,
        href=href,
    )
