"""The web view's routes: the store read through its read API (and, where a page must be fast
on a large store, `recoupe.web.records`), pages rendered by Jinja templates (`templates/web/`),
every page also answering as JSON (`/stories/ID.json`), as datasette does.

Every page works without JavaScript: filters are GET forms, citations are links to the cited
passage (highlighted by CSS `:target`), the add's progress page refreshes itself.
"""

from __future__ import annotations

import hashlib
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from recoupe.model import Brief, Document, Story
from recoupe.render.anchors import FACTS_LISTED, TextAnchors, story_anchors
from recoupe.render.common import SourceRef
from recoupe.render.html import environment
from recoupe.render.to_json import brief_to_dict
from recoupe.store import Store, StoreCounts
from recoupe.store.codec import DOCUMENT_COLUMNS
from recoupe.web.jobs import AddJobs
from recoupe.web.records import INPUT_STATUSES, input_page, read_story, story_facets, story_page
from recoupe.web.security import (
    BodyLimit,
    CsrfTokens,
    PathNotAllowed,
    SecurityHeaders,
    ServerTiming,
    confined_path,
)
from recoupe.web.views import (
    MATCH_CLOSE,
    MATCH_OPEN,
    SORTS,
    StoryFilter,
    original_with_cuts,
    snippet_runs,
    timeline_chart,
)

STORIES_PER_PAGE = 50
INPUTS_PER_PAGE = 200
DEFAULT_UPLOAD_LIMIT = 50 * 1024 * 1024
MAX_UPLOAD_FILES = 200
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True, slots=True)
class Settings:
    db: Path
    allowed: tuple[Path, ...] = ()  # folders a path given to Add may lie in (resolved)
    upload_limit: int = DEFAULT_UPLOAD_LIMIT


@lru_cache(maxsize=1)
def _stylesheet() -> bytes:
    return files("recoupe").joinpath("templates", "recoupe.css").read_bytes()


class Reader:
    """One read-only store connection per server thread (a connection is not shared across
    threads); they see each add as soon as it commits."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self._local = threading.local()

    def __call__(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = Store.open(self.db, readonly=True)
            self._local.store = store
        return store


def create_app(
    db: str | Path,
    *,
    allowed: tuple[str | Path, ...] | list[str | Path] = (),
    upload_limit: int = DEFAULT_UPLOAD_LIMIT,
    csrf_secret: bytes | None = None,
) -> Starlette:
    """The web view of the store at `db` (created empty when absent).

    `allowed`: folders a path typed into Add may lie in; none means Add takes uploads only.
    `upload_limit`: the largest request body accepted, in bytes.
    """
    db = Path(db)
    if not db.exists():
        Store.open(db).close()  # an empty store, so the pages and Add work from the start
    settings = Settings(db, tuple(Path(a).resolve() for a in allowed), upload_limit)
    site = Site(settings, CsrfTokens(csrf_secret))
    routes = [
        Route("/", site.home),
        Route("/static/recoupe.css", site.stylesheet),
        Route("/stories.json", site.stories_json),
        Route("/stories", site.stories),
        Route("/stories/{story_id}.json", site.story_json),
        Route("/stories/{story_id}", site.story),
        Route("/documents/{doc_id}.json", site.document_json),
        Route("/documents/{doc_id}", site.document),
        Route("/inputs.json", site.inputs_json),
        Route("/inputs", site.inputs),
        Route("/add.json", site.add_json, methods=["GET"]),
        Route("/add", site.add_form, methods=["GET"]),
        Route("/add", site.add_submit, methods=["POST"]),
        Route("/add/{job_id}.json", site.job_json),
        Route("/add/{job_id}", site.job),
    ]
    middleware = [
        Middleware(ServerTiming),
        Middleware(SecurityHeaders),
        Middleware(BodyLimit, max_bytes=upload_limit),
    ]
    app = Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={HTTPException: site.error},
    )
    app.state.site = site
    return app


class Site:
    """The pages. Handlers are plain (sync) functions: Starlette runs them in its thread pool."""

    def __init__(self, settings: Settings, csrf: CsrfTokens) -> None:
        self.settings = settings
        self.read = Reader(settings.db)
        self.jobs = AddJobs(settings.db)
        self.csrf = csrf
        self.env = environment()
        # compile every template now, not on the first request that needs it
        for name in self.env.list_templates(filter_func=lambda n: n.endswith(".j2")):
            self.env.get_template(name)
        self._cache_lock = threading.Lock()
        self._facets_cache: tuple[str | None, list[str], list[str]] | None = None
        self._counts_cache: tuple[str | None, StoreCounts] | None = None

    # -------------------------------------------------------------- helpers

    def page(self, template: str, request: Request, http_status: int = 200, **context: Any) -> HTMLResponse:
        html = self.env.get_template(f"web/{template}").render(
            request_path=request.url.path, counts=self._counts(self.read()), **context
        )
        return HTMLResponse(html, status_code=http_status)

    def error(self, request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if request.url.path.endswith(".json"):
            return JSONResponse({"error": exc.detail}, status_code=exc.status_code)
        html = self.env.get_template("web/error.html.j2").render(
            request_path=request.url.path, counts=None, status=exc.status_code, detail=exc.detail
        )
        return HTMLResponse(html, status_code=exc.status_code)

    def home(self, request: Request) -> Response:
        return RedirectResponse("/stories", status_code=302)

    def stylesheet(self, request: Request) -> Response:
        return Response(_stylesheet(), media_type="text/css", headers={"cache-control": "max-age=300"})

    # -------------------------------------------------------------- stories

    def _story_query(self, request: Request) -> StoryFilter:
        params = request.query_params

        def date(name: str) -> str | None:
            value = params.get(name, "").strip()
            if value and not _DATE.match(value):
                raise HTTPException(
                    400, f"{name}: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}"
                )
            return value or None

        def number(name: str) -> int | None:
            value = params.get(name, "").strip()
            if not value:
                return None
            if not value.isdigit():
                raise HTTPException(400, f"{name}: expected a whole number, not {value!r}")
            return int(value)

        sort = params.get("sort", "recent")
        if sort not in SORTS:
            raise HTTPException(400, f"sort: {sort!r} is not one of {', '.join(SORTS)}")
        return StoryFilter(
            q=params.get("q", "").strip(),
            sort=sort,
            min_sources=number("min_sources"),
            since=date("since"),
            until=date("until"),
            discrepancies=params.get("discrepancies") in ("1", "on", "yes"),
            language=params.get("language") or None,
            site=params.get("site") or None,
            page=max(1, number("page") or 1),
        )

    def _stories_data(self, request: Request) -> dict[str, Any]:
        store = self.read()
        query = self._story_query(request)
        rows, total = story_page(store, query, STORIES_PER_PAGE)
        languages, sites = self._facets(store)
        hits = []
        if query.q:
            hits = store.search(query.q, limit=20, kinds=("document",), marks=(MATCH_OPEN, MATCH_CLOSE))
        return {
            "query": query,
            "rows": rows,
            "total": total,
            "pages": max(1, -(-total // STORIES_PER_PAGE)),
            "languages": languages,
            "sites": sites,
            "document_hits": hits,
        }

    def _counts(self, store: Store) -> StoreCounts:
        """The store's counts for the page header, read again only when an add changed them."""
        version = store.meta("seq")
        with self._cache_lock:
            if self._counts_cache is None or self._counts_cache[0] != version:
                self._counts_cache = (version, store.counts())
            return self._counts_cache[1]

    def _facets(self, store: Store) -> tuple[list[str], list[str]]:
        """The filter choices, read again only when an add has changed the store."""
        version = store.meta("seq")
        with self._cache_lock:
            if self._facets_cache is None or self._facets_cache[0] != version:
                self._facets_cache = (version, *story_facets(store))
            return self._facets_cache[1], self._facets_cache[2]

    def stories(self, request: Request) -> Response:
        data = self._stories_data(request)
        return self.page("stories.html.j2", request, sorts=SORTS, snippet_runs=snippet_runs, **data)

    def stories_json(self, request: Request) -> Response:
        data = self._stories_data(request)
        query: StoryFilter = data["query"]
        return JSONResponse(
            {
                "total": data["total"],
                "page": query.page,
                "pages": data["pages"],
                "stories": [
                    {
                        "id": r.id,
                        "title": r.title,
                        "documents": r.n_documents,
                        "sources": r.n_sources,
                        "first_date": r.first_date,
                        "last_date": r.last_date,
                        "discrepancies": r.n_discrepancies,
                        "languages": list(r.languages),
                        "sites": list(r.sites),
                        "url": f"/stories/{r.id}",
                    }
                    for r in data["rows"]
                ],
                "document_hits": [
                    {
                        "id": h.id,
                        "title": h.title,
                        "story": h.story,
                        "snippet": h.snippet.replace(MATCH_OPEN, "").replace(MATCH_CLOSE, ""),
                    }
                    for h in data["document_hits"]
                ],
            }
        )

    # -------------------------------------------------------------- one story

    def _story(self, story_id: str) -> Story:
        story = read_story(self.read(), story_id)
        if story is None:
            raise HTTPException(404, f"No story {story_id!r} in this store.")
        return story

    def story(self, request: Request) -> Response:
        story_id = request.path_params["story_id"]
        story = self._story(story_id)
        if story.id != story_id:  # merged into another: its id redirects
            return RedirectResponse(f"/stories/{story.id}", status_code=301)
        store = self.read()
        documents = story_sources(store, story.id)
        by_id = {doc.id: doc for doc in documents}
        refs = {
            doc.id: SourceRef(i, doc.id, doc.site or doc.title or doc.source)
            for i, doc in enumerate(documents, 1)
        }
        all_facts = request.query_params.get("facts") == "all"
        anchors = story_anchors(story, by_id, all_facts=all_facts)
        return self.page(
            "story.html.j2",
            request,
            part_level=2,
            facts_limit=None if all_facts else FACTS_LISTED,
            story=story,
            documents=documents,
            refs=refs,
            href=_document_href,
            anchors=anchors,
            chart=timeline_chart(story.timeline),
            duplicates=store.duplicates(list(by_id)),
        )

    def story_json(self, request: Request) -> Response:
        story_id = request.path_params["story_id"]
        self._story(story_id)
        return JSONResponse(brief_to_dict(self.read().brief([story_id])))

    # -------------------------------------------------------------- one document

    def _document(self, doc_id: str) -> Document:
        doc = self.read().document(doc_id)
        if doc is None:
            raise HTTPException(404, f"No document {doc_id!r} in this store.")
        return doc

    def document(self, request: Request) -> Response:
        store = self.read()
        doc = self._document(request.path_params["doc_id"])
        story = store.story(doc.story) if doc.story else None
        text = TextAnchors(doc.text)
        if story is not None:
            # the story page's citations resolve to the same anchors: same text, same order
            story_anchors(story, {doc.id: doc}, texts={doc.id: text})
        for mention in doc.mentions:
            text.add(mention.start, mention.end, "mention", mention.kind, mention.kind)
        page = store.pages([doc.id]).get(doc.id)
        cuts, unplaced = original_with_cuts(page.text, doc.removed) if page else ([], list(doc.removed))
        return self.page(
            "document.html.j2",
            request,
            doc=doc,
            story=story,
            layout=text.paragraphs(),
            cuts=cuts,
            unplaced=unplaced,
            original_known=page is not None,
            duplicates=store.duplicates([doc.id]),
            refs={},
            href=_document_href,
        )

    def document_json(self, request: Request) -> Response:
        doc = self._document(request.path_params["doc_id"])
        store = self.read()
        brief = Brief("", "", [], [doc], [], store.duplicates([doc.id]))
        data = brief_to_dict(brief)
        return JSONResponse({"document": data["documents"][0], "duplicates": data["duplicates"]})

    # -------------------------------------------------------------- inputs

    def _inputs_data(self, request: Request) -> dict[str, Any]:
        shown = request.query_params.get("status", "problems")
        if shown not in INPUT_STATUSES:
            raise HTTPException(400, f"status: {shown!r} is not one of {', '.join(INPUT_STATUSES)}")
        raw_page = request.query_params.get("page", "1")
        page = int(raw_page) if raw_page.isdigit() and int(raw_page) > 0 else 1
        entries, total, totals = input_page(self.read(), shown, page, INPUTS_PER_PAGE)
        return {
            "status": shown,
            "totals": totals,
            "entries": entries,
            "total": total,
            "page": page,
            "pages": max(1, -(-total // INPUTS_PER_PAGE)),
        }

    def inputs(self, request: Request) -> Response:
        return self.page("inputs.html.j2", request, **self._inputs_data(request))

    def inputs_json(self, request: Request) -> Response:
        data = self._inputs_data(request)
        return JSONResponse(
            {
                "status": data["status"],
                "totals": data["totals"],
                "total": data["total"],
                "page": data["page"],
                "pages": data["pages"],
                "inputs": [
                    {"source": e.source, "status": e.status, "document": e.document, "reason": e.reason}
                    for e in data["entries"]
                ],
            }
        )

    # -------------------------------------------------------------- add

    def add_form(self, request: Request, *, problem: str = "", status: int = 200) -> Response:
        return self.page(
            "add.html.j2",
            request,
            http_status=status,
            csrf=self.csrf.token(),
            allowed=self.settings.allowed,
            limit_mib=self.settings.upload_limit // (1024 * 1024),
            jobs=self.jobs.recent(),
            problem=problem,
        )

    def add_json(self, request: Request) -> Response:
        return JSONResponse(
            {
                "allowed": [str(folder) for folder in self.settings.allowed],
                "max_upload_bytes": self.settings.upload_limit,
                "jobs": [job.as_dict() for job in self.jobs.recent()],
            }
        )

    async def add_submit(self, request: Request) -> Response:
        async with request.form(max_files=MAX_UPLOAD_FILES, max_fields=20) as form:
            if not self.csrf.check(form.get("csrf")):
                raise HTTPException(
                    403, "The form's token is missing or stale: reload the Add page and send it again."
                )
            paths: list[str] = []
            typed = str(form.get("path") or "").strip()
            if typed:
                try:
                    paths.append(str(confined_path(typed, self.settings.allowed)))
                except PathNotAllowed as refused:
                    return self.add_form(request, problem=str(refused), status=400)
            for upload in form.getlist("files"):
                if isinstance(upload, UploadFile) and upload.filename:
                    paths.append(str(self._save_upload(upload.filename, await upload.read())))
        if not paths:
            return self.add_form(request, problem="Choose files to upload or type a path.", status=400)
        job = self.jobs.start(paths)
        return RedirectResponse(f"/add/{job.id}", status_code=303)

    def _save_upload(self, filename: str, content: bytes) -> Path:
        """Uploads are kept beside the store, in a folder named by their content: the same bytes
        uploaded again are the same input, so the add knows them."""
        name = re.sub(r"[^\w.\-]+", "_", Path(filename.replace("\\", "/")).name).strip("._") or "upload"
        folder = (
            self.settings.db.parent
            / f"{self.settings.db.stem}-uploads"
            / hashlib.sha1(content).hexdigest()[:12]
        )
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / name
        target.write_bytes(content)
        return target

    def _job(self, request: Request) -> Any:
        job = self.jobs.get(request.path_params["job_id"])
        if job is None:
            raise HTTPException(404, "No such add in this server's session.")
        return job

    def job(self, request: Request) -> Response:
        return self.page("job.html.j2", request, job=self._job(request))

    def job_json(self, request: Request) -> Response:
        return JSONResponse(self._job(request).as_dict())


def story_sources(store: Store, story_id: str) -> list[Document]:
    """A story's documents with what its page shows: the columns and the clean text.

    `Store.story_documents` decodes every sentence, mention and quote of every document; a story
    page needs none of them (flags and cuts are on each document's page), and for a story of
    hundreds of pages that decoding alone would take longer than the page may
    (bench/bench_serve.py).
    """
    rows = store.conn.execute(
        f"SELECT {', '.join(DOCUMENT_COLUMNS)} FROM documents WHERE story = ? "
        "ORDER BY published IS NULL, published, source",
        (story_id,),
    )
    return [Document(**{name: row[name] for name in DOCUMENT_COLUMNS}) for row in rows]


def _document_href(document_id: str, anchor: str = "") -> str:
    return f"/documents/{document_id}#{anchor}" if anchor else f"/documents/{document_id}"
