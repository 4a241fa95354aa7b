"""HTML to main text and metadata through trafilatura, keeping a record of what it dropped.

trafilatura returns the main text and nothing about the rest. To lose nothing silently, the
page's visible text is cut into blocks (block-level elements and line breaks, the way a
browser lays them out) and each block that does not appear in the extracted text becomes a
`Removal`, with a reason read from where the block sat: navigation containers and link lists
are "navigation", figure captions "caption", the headline trafilatura moved to metadata
"title", anything else "markup" (the extractor's own judgement).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from trafilatura.settings import Document as TrafilaturaDocument

from recoupe.ingest.decode import normalize_newlines
from recoupe.model import Removal

# elements whose text a reader never sees
_INVISIBLE_TAGS = frozenset(
    {"head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
     "canvas", "select", "textarea", "audio", "video", "picture", "source", "map"}
)  # fmt: skip
# elements that start a new line of visible text
_BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details",
     "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
     "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav",
     "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul"}
)  # fmt: skip
_CELL_TAGS = frozenset({"td", "th"})
_NAV_TAGS = frozenset({"nav", "menu"})
_NAV_ROLES = frozenset({"navigation", "menu", "menubar", "tablist"})
# class or id words that name navigation furniture, in the usual CSS spellings
_NAV_CLASS = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|fil-?ariane|pagination|pager|skip-?links?)(?:$|[\s_-])",
    re.IGNORECASE,
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")
# a block at least this long (normalised chars) may match inside a longer extracted line
_MIN_PARTIAL_MATCH = 20
# share of a block's characters inside links above which it is a link list
_LINK_DENSITY = 0.6


@dataclass(slots=True)
class HtmlExtraction:
    text: str  # main text, paragraphs separated by one blank line
    title: str | None = None
    published: str | None = None
    author: str | None = None
    site: str | None = None
    url: str | None = None
    language: str | None = None
    removed: list[Removal] = field(default_factory=list)
    fallback: bool = False  # True when trafilatura found nothing and the full visible text is used


@dataclass(slots=True)
class _Block:
    text: str
    link_chars: int
    in_nav: bool
    in_caption: bool


@dataclass(slots=True)
class _Context:
    in_link: bool = False
    in_nav: bool = False
    in_caption: bool = False


def extract_html(markup: str, *, url: str | None = None) -> HtmlExtraction | None:
    """Main text and metadata of one HTML page; None when the page has no visible text at all."""
    blocks, language = _visible_blocks(markup)
    result = trafilatura.bare_extraction(
        markup, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    # trafilatura answers None when it finds nothing, a Document otherwise (a dict only on request)
    fields: dict[str, object] = result.as_dict() if isinstance(result, TrafilaturaDocument) else {}
    main_text = fields.get("text")
    extracted_lines = _lines(main_text if isinstance(main_text, str) else "")
    if not extracted_lines:
        fallback_lines = [block.text for block in blocks if _WORD.search(block.text)]
        if not fallback_lines:
            return None
        return HtmlExtraction(text="\n\n".join(fallback_lines), language=language, fallback=True)
    title = _clean_field(fields.get("title"))
    return HtmlExtraction(
        text="\n\n".join(extracted_lines),
        title=title,
        published=_clean_field(fields.get("date")),
        author=_clean_field(fields.get("author")),
        site=_clean_field(fields.get("sitename")),
        url=_clean_field(fields.get("url")),
        language=language,
        removed=_dropped_blocks(blocks, extracted_lines, title),
    )


def _lines(text: str) -> list[str]:
    lines = (_SPACES.sub(" ", line).strip() for line in normalize_newlines(text).split("\n"))
    return [line for line in lines if line]


def _clean_field(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = _SPACES.sub(" ", value).strip()
    return value or None


def _normalized(text: str) -> str:
    """Words only, lower case: markup-independent form for comparing blocks and lines."""
    return " ".join(_WORD.findall(text.lower()))


def _dropped_blocks(blocks: list[_Block], extracted_lines: list[str], title: str | None) -> list[Removal]:
    kept_lines = [_normalized(line) for line in extracted_lines]
    kept_set = set(kept_lines)
    kept_blob = " " + " ".join(kept_lines) + " "
    long_kept = [f" {line} " for line in kept_lines if len(line) >= _MIN_PARTIAL_MATCH]
    title_key = _normalized(title) if title else None

    removed: list[Removal] = []
    previous_dropped = False
    for block in blocks:
        key = _normalized(block.text)
        if not key:
            continue  # punctuation or separators only: nothing a reader would miss
        if _is_kept(key, kept_set, kept_blob, long_kept):
            previous_dropped = False
            continue
        reason, rule = _why_dropped(block, key, title_key)
        if previous_dropped and removed[-1].reason == reason and removed[-1].rule == rule:
            removed[-1].text += "\n" + block.text
        else:
            removed.append(Removal(text=block.text, reason=reason, rule=rule))
        previous_dropped = True
    return removed


def _is_kept(key: str, kept_set: set[str], kept_blob: str, long_kept: list[str]) -> bool:
    if key in kept_set:
        return True
    if len(key) < _MIN_PARTIAL_MATCH:
        # a short block ("Accueil", "Sport") found inside an article sentence is a coincidence
        return False
    padded = f" {key} "
    # the extractor may merge blocks into one line, or split one block and drop a piece of it
    return padded in kept_blob or any(line in padded for line in long_kept)


def _why_dropped(block: _Block, key: str, title_key: str | None) -> tuple[str, str]:
    if title_key and key == title_key:
        return "title", "html:title-in-metadata"
    if block.in_nav:
        return "navigation", "html:navigation-container"
    if block.link_chars >= _LINK_DENSITY * len(block.text):
        return "navigation", "html:link-dense"
    if block.in_caption:
        return "caption", "html:figcaption"
    return "markup", "html:not-extracted"


def _visible_blocks(markup: str) -> tuple[list[_Block], str | None]:
    """The page's visible text cut into blocks in reading order, and its declared language."""
    parser = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        root = lxml_html.document_fromstring(markup.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError):
        return [], None
    language = _language_tag(root.get("lang"))
    return list(_walk(root)), language


def _walk(root: etree._Element) -> Iterator[_Block]:
    pieces: list[tuple[str, _Context]] = []
    stack: list[_Context] = [_Context()]

    def flush() -> Iterator[_Block]:
        text = _SPACES.sub(" ", "".join(piece for piece, _ in pieces)).strip()
        if text:
            yield _Block(
                text=text,
                link_chars=sum(len(piece.strip()) for piece, ctx in pieces if ctx.in_link),
                in_nav=any(ctx.in_nav for _, ctx in pieces),
                in_caption=any(ctx.in_caption for _, ctx in pieces),
            )
        pieces.clear()

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _BLOCK_TAGS:
                yield from flush()
            context = _child_context(stack[-1], element, tag)
            stack.append(context)
            if tag in _INVISIBLE_TAGS or _is_hidden(element):
                walker.skip_subtree()  # the matching "end" event still comes
                continue
            if tag in _CELL_TAGS:
                pieces.append((" ", context))
            if element.text:
                pieces.append((element.text, context))
        else:
            stack.pop()
            if tag in _BLOCK_TAGS:
                yield from flush()
            if element.tail:
                pieces.append((element.tail, stack[-1]))
    yield from flush()


def _child_context(parent: _Context, element: etree._Element, tag: str) -> _Context:
    role = (element.get("role") or "").lower()
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return _Context(
        in_link=parent.in_link or tag == "a",
        in_nav=parent.in_nav or tag in _NAV_TAGS or role in _NAV_ROLES or bool(_NAV_CLASS.search(names)),
        in_caption=parent.in_caption or tag == "figcaption",
    )


def _is_hidden(element: etree._Element) -> bool:
    if element.get("hidden") is not None or (element.get("aria-hidden") or "").lower() == "true":
        return True
    return bool(_HIDDEN_STYLE.search(element.get("style") or ""))


def _language_tag(value: str | None) -> str | None:
    """ISO 639-1 code from an HTML lang attribute ("fr-FR" -> "fr"), or None."""
    if not value:
        return None
    primary = value.strip().split("-")[0].split("_")[0].lower()
    return primary if re.fullmatch(r"[a-z]{2}", primary) else None
