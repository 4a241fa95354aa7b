"""A brief of many stories: an index page and one page per story, each parsed, never one huge page."""

from __future__ import annotations

import copy
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from recoupe.ingest import read_inputs
from recoupe.model import Brief
from recoupe.pipeline import build_brief
from recoupe.render import RENDERERS, validate_brief_dict
from recoupe.render.pages import story_brief, write_brief


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs.extend(v for k, v in attrs if k == "href" and v)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.fixture(scope="module")
def two_story_brief(examples_dir: Path) -> Brief:
    """The seed pages' brief, with a second story made of a copy of its first document."""
    inputs, pages = read_inputs([str(examples_dir)])
    brief = build_brief(pages, inputs)
    other = copy.deepcopy(brief.stories[0])
    other.id = "s-second"
    other.title = "Second story <b>escaped</b>"
    moved = other.documents[0]
    other.documents = [moved]
    brief.stories[0].documents = [d for d in brief.stories[0].documents if d != moved]
    brief.stories.append(other)
    return brief


def test_a_small_brief_stays_one_page(two_story_brief: Brief, tmp_path: Path) -> None:
    written = write_brief(two_story_brief, tmp_path, RENDERERS, ["json", "html", "md"])
    assert sorted(p.name for p in written) == ["brief.html", "brief.json", "brief.md"]
    assert not (tmp_path / "stories").exists()


def test_many_stories_become_an_index_and_one_page_each(two_story_brief: Brief, tmp_path: Path) -> None:
    write_brief(two_story_brief, tmp_path, RENDERERS, ["json", "html", "md"], max_stories_one_page=1)
    index = Links()
    index.feed((tmp_path / "brief.html").read_text(encoding="utf-8"))
    assert index.hrefs == [f"stories/{s.id}.html" for s in two_story_brief.stories]
    assert "Second story <b>escaped</b>" in "".join(index.text)  # text, not markup
    for href in index.hrefs:
        page = (tmp_path / href).read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>")
    assert "(stories/s-second.md)" in (tmp_path / "brief.md").read_text(encoding="utf-8")
    # the JSON stays whole: it is the contract programs read
    data = json.loads((tmp_path / "brief.json").read_text(encoding="utf-8"))
    assert len(data["stories"]) == 2 and validate_brief_dict(data) == []


def test_a_story_page_holds_only_its_documents(two_story_brief: Brief) -> None:
    part = story_brief(two_story_brief, "s-second")
    assert [s.id for s in part.stories] == ["s-second"]
    assert {d.id for d in part.documents} == set(part.stories[0].documents)
    assert all(e.document in set(part.stories[0].documents) for e in part.inputs)
