"""The brief as one self-contained HTML page (inline CSS, no script, nothing fetched).

The page is laid out by `templates/brief.html.j2`; this module hands it the brief, the source
numbering and the formatting filters. Autoescaping is on: every string from a page is escaped.
"""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from recoupe.model import Brief
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
    return template.render(
        brief=brief,
        counts=brief_counts(brief),
        refs=source_refs(brief),
        stories_by_id=stories_by_id,
    )
