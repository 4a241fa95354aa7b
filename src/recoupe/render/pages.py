"""A brief too big for one page: an index page plus one page per story.

A brief of a few stories is one self-contained `brief.html`, as always. Above
`MAX_STORIES_ONE_PAGE` stories (a corpus: thousands of stories, tens of megabytes on one page),
`brief.html` becomes an index (one row per story: title, documents, independent sources, dates,
discrepancies) linking to `stories/<story id>.html`, each a self-contained brief of that story
alone, rendered by the same renderer. Markdown follows the same split; `brief.json` stays whole:
it is the contract, read by programs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from recoupe.crosscheck import Independence
from recoupe.model import Brief
from recoupe.render.markdown import md_text

MAX_STORIES_ONE_PAGE = 20
INDEX_TEMPLATE = "index.html.j2"
STORY_FOLDER = "stories"


@dataclass(frozen=True, slots=True)
class StoryLink:
    """One row of the index."""

    id: str
    title: str
    href: str
    documents: int
    sources: int
    first_date: str | None
    last_date: str | None
    discrepancies: int
    sites: tuple[str, ...]


def story_brief(brief: Brief, story_id: str) -> Brief:
    """The part of a brief about one story: the story, its documents, their inputs and clusters."""
    story = next(s for s in brief.stories if s.id == story_id)
    members = set(story.documents)
    return Brief(
        recoupe_version=brief.recoupe_version,
        generated_at=brief.generated_at,
        inputs=[e for e in brief.inputs if e.document in members],
        documents=[d for d in brief.documents if d.id in members],
        stories=[story],
        duplicates=[c for c in brief.duplicates if members.intersection(c.members)],
    )


def story_links(brief: Brief, extension: str) -> list[StoryLink]:
    by_id = {d.id: d for d in brief.documents}
    independence = Independence.of(brief.documents)
    links = []
    for story in brief.stories:
        docs = [by_id[i] for i in story.documents if i in by_id]
        dates = sorted(d.published for d in docs if d.published)
        links.append(
            StoryLink(
                id=story.id,
                title=story.title,
                href=f"{STORY_FOLDER}/{story.id}.{extension}",
                documents=len(docs),
                sources=independence.documents_support(story.documents),
                first_date=dates[0][:10] if dates else None,
                last_date=dates[-1][:10] if dates else None,
                discrepancies=len(story.discrepancies),
                sites=tuple(sorted({d.site for d in docs if d.site})),
            )
        )
    return links


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("recoupe", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_index_html(brief: Brief, links: Sequence[StoryLink]) -> str:
    """The index page: every story with its figures, linking to its own page."""
    return _environment().get_template(INDEX_TEMPLATE).render(brief=brief, links=links)


def render_index_markdown(brief: Brief, links: Sequence[StoryLink]) -> str:
    lines = [
        f"# recoupe brief: {len(links)} stories, {len(brief.documents)} documents",
        "",
        f"Generated {brief.generated_at} by recoupe {brief.recoupe_version}. One file per story.",
        "",
        "| story | documents | sources | dates | discrepancies |",
        "|---|---:|---:|---|---:|",
    ]
    for link in links:
        dates = " – ".join(d for d in dict.fromkeys([link.first_date, link.last_date]) if d) or "undated"
        title = md_text(link.title).replace("|", "\\|")
        lines.append(
            f"| [{title}]({link.href}) | {link.documents} | {link.sources} | {dates} | {link.discrepancies} |"
        )
    return "\n".join(lines) + "\n"


def write_brief(
    brief: Brief,
    out: Path,
    renderers: dict[str, Callable[[Brief], str]],
    formats: Sequence[str],
    *,
    max_stories_one_page: int = MAX_STORIES_ONE_PAGE,
) -> list[Path]:
    """Write the brief in each format into `out`; the files written.

    json: always `brief.json`, whole. html and md: one `brief.<ext>` when the brief holds at most
    `max_stories_one_page` stories, else an index `brief.<ext>` and `stories/<id>.<ext>` per story.
    """
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    split = len(brief.stories) > max_stories_one_page
    names = {"json": "brief.json", "html": "brief.html", "md": "brief.md"}
    for fmt in formats:
        path = out / names[fmt]
        if fmt == "json" or not split:
            path.write_text(renderers[fmt](brief), encoding="utf-8")
            written.append(path)
            continue
        links = story_links(brief, fmt)
        index = render_index_html(brief, links) if fmt == "html" else render_index_markdown(brief, links)
        path.write_text(index, encoding="utf-8")
        written.append(path)
        folder = out / STORY_FOLDER
        folder.mkdir(exist_ok=True)
        for link in links:
            page = folder / f"{link.id}.{fmt}"
            page.write_text(renderers[fmt](story_brief(brief, link.id)), encoding="utf-8")
        written.append(folder)
    return written
