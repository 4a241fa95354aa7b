"""Renderers: one `Brief`, written as the JSON contract, a self-contained HTML page or Markdown.

Each renderer is a pure function `Brief -> str`: same brief, same bytes. `RENDERERS` maps the
format names the CLI accepts to them.
"""

from __future__ import annotations

from collections.abc import Callable

from recoupe.model import Brief
from recoupe.render.html import render_html
from recoupe.render.markdown import render_markdown
from recoupe.render.schema import load_schema, validate_brief_dict
from recoupe.render.to_json import brief_from_dict, brief_to_dict, render_json

RENDERERS: dict[str, Callable[[Brief], str]] = {
    "json": render_json,
    "html": render_html,
    "md": render_markdown,
}

__all__ = [
    "RENDERERS",
    "brief_from_dict",
    "brief_to_dict",
    "load_schema",
    "render_html",
    "render_json",
    "render_markdown",
    "validate_brief_dict",
]
