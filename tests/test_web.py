"""The web view (`recoupe serve`) through Starlette's test client, over a store built by adding
the seed pages of examples/ plus one hostile page.

The hostile page is written for these tests: a JSONL record whose title, site, URL and text carry
`<script>`, `onerror=` and `javascript:` (as a scraped page may), around two sentences of seed
003 (Le Monde, 2024-11-18). Its script and image point at a local "leak" server, so the browser
tests (tests/test_browser.py) can tell whether anything ran or loaded.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from recoupe.model import Removal, TimelineEntry
from recoupe.render import validate_brief_dict
from recoupe.store import Store
from recoupe.web.security import CONTENT_SECURITY_POLICY, PathNotAllowed, confined_path
from recoupe.web.views import (
    MATCH_CLOSE,
    MATCH_OPEN,
    original_with_cuts,
    snippet_runs,
    timeline_chart,
)

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


# --------------------------------------------------------------------------------------------
# a leak server: records every request a page makes it receive
# --------------------------------------------------------------------------------------------


class LeakServer:
    def __init__(self) -> None:
        self.requests: list[str] = []
        log = self.requests

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                log.append(self.path)
                self.send_response(200)
                self.send_header("content-type", "text/plain")
                self.end_headers()
                self.wfile.write(b"alert('leaked')")

            def log_message(self, *args: Any) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


def hostile_record(leak: LeakServer) -> dict[str, str]:
    script = f"<script>fetch('{leak.url('/leak-script')}');alert('xss')</script>"
    image = f'<img src="{leak.url("/leak-img")}" onerror="alert(\'onerror\')">'
    # ECB+ 20_1ecbplus (BBC News, 27 Nov 2005; ../shared/data/ecbplus, CC BY 3.0), de-tokenised,
    # with the hostile markup put between its sentences
    text = (
        f"{script} A powerful earthquake has hit southern Iran, killing at least 10 people, injuring "
        "dozens more and damaging several villages, officials say. "
        f"{image} The 6.1-magnitude quake struck Qeshm island, home to 120,000 people, and the city of "
        "Bandar Abbas, state media said. "
        "<a href=\"javascript:alert('link')\">read more</a> Rescue teams were sent to the island and "
        "the injured were taken to hospitals in Bandar Abbas, the official news agency reported. "
        "Iran sits on several major fault lines and is prone to earthquakes, which have killed "
        "thousands of people in the past decades, officials recalled on Sunday evening."
    )
    return {
        "id": "hostile-1",
        "title": f"{script}<img src=x onerror=\"alert('title')\"> Ten dead in southern Iran quake",
        "site": f"<b>evil</b>{image}",
        "url": "javascript:alert('url')",
        "published": "2005-11-27",
        "language": "en",
        "text": text,
    }


@dataclass(frozen=True)
class WebStore:
    db: Path
    leak: LeakServer
    folder: Path  # the inputs added (examples copied, plus hostile.jsonl)


@cache
def web_store() -> WebStore:
    """One store for the session: examples/ and the hostile page, added through `Corpus`."""
    from recoupe.corpus import Corpus

    folder = Path(tempfile.mkdtemp(prefix="recoupe-web-"))
    inputs = folder / "inputs"
    shutil.copytree(EXAMPLES, inputs)
    leak = LeakServer()
    (inputs / "hostile.jsonl").write_text(
        json.dumps(hostile_record(leak), ensure_ascii=False) + "\n", "utf-8"
    )
    db = folder / "recoupe.db"
    with Store.open(db) as store:
        Corpus(store).add_paths([str(inputs)])
    return WebStore(db, leak, inputs)


def copy_store(tmp: Path) -> Path:
    """A copy of the session store that a test may add to."""
    target = tmp / "copy.db"
    shutil.copy(web_store().db, target)
    return target


@pytest.fixture(scope="module")
def store() -> WebStore:
    return web_store()


@pytest.fixture(scope="module")
def client(store: WebStore) -> Iterator[Any]:
    from starlette.testclient import TestClient

    from recoupe.web import create_app

    with TestClient(create_app(store.db, allowed=[store.folder])) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def seed_story(client: Any) -> dict[str, Any]:
    stories = client.get("/stories.json").json()["stories"]
    return max(stories, key=lambda s: s["documents"])


@pytest.fixture(scope="module")
def hostile_story(client: Any) -> dict[str, Any]:
    stories = client.get("/stories.json").json()["stories"]
    return next(s for s in stories if "southern Iran quake" in s["title"])


def page_of(response: Any) -> Any:
    assert response.status_code == 200, response.text[:500]
    return lxml_html.document_fromstring(response.text)


def csrf_of(client: Any) -> str:
    (token,) = page_of(client.get("/add")).xpath('//input[@name="csrf"]/@value')
    return str(token)


# --------------------------------------------------------------------------------------------
# pages
# --------------------------------------------------------------------------------------------


def test_stories_list_shows_the_seed_story_with_its_figures(client: Any, seed_story: dict[str, Any]) -> None:
    assert seed_story["documents"] == 6 and seed_story["sources"] >= 3
    assert seed_story["languages"] == ["fr"] and "Le Monde" in seed_story["sites"]
    page = page_of(client.get("/stories"))
    links = page.xpath('//table[contains(@class, "stories")]//a/@href')
    assert f"/stories/{seed_story['id']}" in links


@pytest.mark.parametrize(
    ("query", "keeps_seed"),
    [
        ("language=fr", True),
        ("language=en", False),
        ("language=es", False),
        ("site=Le+Monde", True),
        ("site=nowhere.example", False),
        ("min_sources=2", True),
        ("min_sources=50", False),
        ("since=2024-11-01&until=2024-11-30", True),
        ("since=2025-01-01", False),
        ("q=missiles", True),
        ("q=tremblement+de+terre", False),
        ("sort=discrepancies", True),
    ],
)
def test_stories_filters_and_search(
    client: Any, seed_story: dict[str, Any], query: str, keeps_seed: bool
) -> None:
    ids = [s["id"] for s in client.get(f"/stories.json?{query}").json()["stories"]]
    assert (seed_story["id"] in ids) is keeps_seed
    html_ids = page_of(client.get(f"/stories?{query}")).xpath('//table[contains(@class, "stories")]//a/@href')
    assert [h.rsplit("/", 1)[1] for h in html_ids] == ids


def test_search_lists_matching_documents_with_marked_snippets(client: Any) -> None:
    page = page_of(client.get("/stories?q=ATACMS"))
    hits = page.xpath('//ol[@class="hits"]/li')
    assert hits and all(h.xpath(".//mark") for h in hits)
    assert {m.text_content().casefold() for m in page.xpath('//ol[@class="hits"]//mark')} == {"atacms"}


def test_stories_filters_keep_what_they_say(client: Any, hostile_story: dict[str, Any]) -> None:
    every = client.get("/stories.json").json()["stories"]
    assert len(every) >= 2
    with_discrepancies = client.get("/stories.json?discrepancies=1").json()["stories"]
    assert [s["id"] for s in with_discrepancies] == [s["id"] for s in every if s["discrepancies"]]
    english = client.get("/stories.json?language=en").json()["stories"]
    assert [s["id"] for s in english] == [hostile_story["id"]]
    by_sources = client.get("/stories.json?sort=sources").json()["stories"]
    assert [s["sources"] for s in by_sources] == sorted((s["sources"] for s in every), reverse=True)
    by_date = client.get("/stories.json?sort=recent").json()["stories"]
    assert [s["last_date"] for s in by_date] == sorted((s["last_date"] for s in every), reverse=True)


def test_bad_filter_values_answer_400_with_the_reason(client: Any) -> None:
    response = client.get("/stories?since=yesterday")
    assert response.status_code == 400 and "YYYY-MM-DD" in response.text
    assert client.get("/stories.json?sort=random").json()["error"].startswith("sort:")
    assert client.get("/stories/nope").status_code == 404


def test_summary_citations_open_the_document_at_the_cited_sentence(
    client: Any, seed_story: dict[str, Any]
) -> None:
    page = page_of(client.get(f"/stories/{seed_story['id']}"))
    items = page.xpath('//ul[@class="summary"]/li')
    assert items
    checked = 0
    for item in items:
        sentence = "".join(item.xpath("text()")).strip()
        words = set(re.findall(r"\w{4,}", sentence.casefold()))
        landed = []
        for href in item.xpath('.//a[@class="cite"]/@href'):
            path, _, anchor = href.partition("#")
            assert path.startswith("/documents/") and anchor, href
            doc_page = page_of(client.get(path))
            (target,) = doc_page.xpath(f'//*[@id="{anchor}"]')
            assert target.xpath('ancestor::section[@id="text"]'), "the anchor lies in the clean text"
            assert "passage-mark" in target.get("class")
            landed.append(target.text_content())
            checked += 1
        # the sentence is extractive: in one source it is found word for word; in the others, the
        # sentence sharing most of its words
        assert sentence in landed, (sentence, landed)
        for text in landed:
            cited = set(re.findall(r"\w{4,}", text.casefold()))
            assert len(words & cited) >= 0.3 * len(words), (sentence, text)
    assert checked >= len(items)


def test_fact_citations_land_on_their_words(client: Any, seed_story: dict[str, Any]) -> None:
    page = page_of(client.get(f"/stories/{seed_story['id']}"))
    facts = client.get(f"/stories/{seed_story['id']}.json").json()["stories"][0]["facts"]
    checked = 0
    for fact in facts[:12]:
        row = page.xpath(f'//tr[@id="fact-{fact["id"]}"]')[0]
        for cite in row.xpath('.//td[@class="cites"]/a'):
            path, _, anchor = cite.get("href").partition("#")
            doc_id = path.rsplit("/", 1)[1]
            mention = next(m for m in fact["mentions"] if m["document"] == doc_id)
            (target,) = page_of(client.get(path)).xpath(f'//*[@id="{anchor}"]')
            # the mention itself, or the longer mention or sentence it lies in
            assert mention["text"] in target.text_content(), (mention, target.text_content())
            checked += 1
    assert checked >= 12


def test_discrepancy_citations_land_on_the_stated_figure(client: Any) -> None:
    stories = client.get("/stories.json?discrepancies=1").json()["stories"]
    if not stories:
        pytest.skip("the seeds give no discrepancy with the current extractors")
    page = page_of(client.get(f"/stories/{stories[0]['id']}"))
    for value in page.xpath('//div[contains(@class, "discrepancy")]//div[@class="values"]/div'):
        stated = value.xpath("string(q)")
        for cite in value.xpath('.//span[@class="sources"]/a'):
            path, _, anchor = cite.get("href").partition("#")
            (target,) = page_of(client.get(path)).xpath(f'//*[@id="{anchor}"]')
            assert stated in target.text_content()


def test_story_page_shows_every_part(client: Any, seed_story: dict[str, Any]) -> None:
    page = page_of(client.get(f"/stories/{seed_story['id']}"))
    for section in ("summary", "discrepancies", "timeline", "facts", "quotes", "duplicates", "sources"):
        assert page.xpath(f'//section[@id="{section}"]'), section
    assert page.xpath('//section[@id="timeline"]//svg[@class="timeline-chart"]/circle')
    assert page.xpath(
        '//table[contains(@class, "facts")]//td[@class="support"]/span[contains(@class, "badge")]'
    )
    assert len(page.xpath('//table[contains(@class, "sources")]/tbody/tr')) == seed_story["documents"]
    # the republished copy of seed 004 is shown as a duplicate cluster
    assert page.xpath('//section[@id="duplicates"]//table/tbody/tr')


def test_story_json_is_the_brief_contract(client: Any, seed_story: dict[str, Any]) -> None:
    data = client.get(f"/stories/{seed_story['id']}.json").json()
    assert validate_brief_dict(data) == []
    assert [s["id"] for s in data["stories"]] == [seed_story["id"]]
    assert len(data["documents"]) == seed_story["documents"]


def test_document_page_marks_mentions_and_shows_the_cuts(client: Any, store: WebStore) -> None:
    with Store.open(store.db, readonly=True) as reader:
        doc = next(
            d for r in reader.stories() for d in reader.story_documents(r.id) if "republication" in d.source
        )
    page = page_of(client.get(f"/documents/{doc.id}"))
    assert page.xpath('//section[@id="text"]//mark[contains(@class, "mention")]')
    reasons = {
        b.text_content() for b in page.xpath('//table[contains(@class, "removed")]//span[@class="badge"]')
    }
    assert {"navigation", "share"} <= reasons or len(reasons) >= 3, reasons
    cuts = page.xpath('//div[@class="original"]/del')
    assert cuts and all(c.xpath('span[@class="why"]') for c in cuts)
    # the original text is the clean text plus the cuts, nothing else lost
    original = page.xpath('string(//div[@class="original"])')
    assert "Partager sur Facebook" in original
    data = client.get(f"/documents/{doc.id}.json").json()
    assert data["document"]["id"] == doc.id and data["document"]["removed"]


def test_inputs_page_says_why_an_input_was_skipped(client: Any) -> None:
    page = page_of(client.get("/inputs"))
    rows = page.xpath('//table[contains(@class, "inputs")]/tbody/tr')
    assert any("README.md" in r.text_content() and "skipped" in r.text_content() for r in rows)
    data = client.get("/inputs.json?status=all").json()
    assert data["totals"] == {"ok": 7, "skipped": 1, "error": 0}


# --------------------------------------------------------------------------------------------
# security
# --------------------------------------------------------------------------------------------


def test_every_page_forbids_scripts_and_carries_none(
    client: Any, seed_story: dict[str, Any], hostile_story: dict[str, Any]
) -> None:
    paths = [
        "/stories",
        "/stories?q=missiles",
        f"/stories/{seed_story['id']}",
        f"/stories/{hostile_story['id']}",
        "/inputs?status=all",
        "/add",
    ]
    doc_ids = set()
    for path in paths:
        response = client.get(path)
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert "script-src 'none'" in CONTENT_SECURITY_POLICY
        page = page_of(response)
        assert not page.xpath(
            "//script | //img | //iframe | //object | //embed | //@*[starts-with(name(), 'on')]"
        )
        assert not [h for h in page.xpath("//@href | //@src | //@action") if "javascript:" in h.lower()]
        doc_ids.update(re.findall(r"/documents/(d[0-9a-f]+)", response.text))
    for doc_id in doc_ids:
        page = page_of(client.get(f"/documents/{doc_id}"))
        assert not page.xpath("//script | //img | //iframe | //@*[starts-with(name(), 'on')]")
        assert not [h for h in page.xpath("//@href") if "javascript:" in h.lower()]
    # the hostile strings are shown, as text
    story_page = page_of(client.get(f"/stories/{hostile_story['id']}"))
    assert "<script>fetch(" in story_page.xpath("string(//h1)")
    assert "onerror=" in story_page.text_content()


def test_add_refuses_a_post_without_the_form_token(client: Any) -> None:
    response = client.post("/add", data={"path": "examples"})
    assert response.status_code == 403 and "token" in response.text
    response = client.post("/add", data={"path": "examples", "csrf": "0" * 64})
    assert response.status_code == 403
    assert client.get("/add", params={"path": "x"}).status_code == 200  # a GET changes nothing


def test_add_refuses_paths_outside_the_allowed_folders(client: Any, store: WebStore, tmp_path: Path) -> None:
    token = csrf_of(client)
    for path in ("/etc", "../../etc", str(store.folder / ".." / "recoupe.db")):
        response = client.post("/add", data={"path": path, "csrf": token})
        assert response.status_code == 400 and "allowed" in response.text, path
    outside = tmp_path / "outside.txt"
    outside.write_text("Texte hors du dossier permis.", "utf-8")
    link = store.folder / "link-out.txt"
    link.symlink_to(outside)
    try:
        response = client.post("/add", data={"path": "link-out.txt", "csrf": token})
        assert response.status_code == 400 and "outside the folders allowed" in response.text
    finally:
        link.unlink()


def test_confined_path_resolves_relative_paths_inside_allowed_folders(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.txt").write_text("x", "utf-8")
    allowed = [(tmp_path / "pages").resolve()]
    assert confined_path("a.txt", allowed) == (tmp_path / "pages" / "a.txt").resolve()
    with pytest.raises(PathNotAllowed, match="does not exist"):
        confined_path("b.txt", allowed)
    with pytest.raises(PathNotAllowed, match="no folder was allowed"):
        confined_path("a.txt", [])


def test_uploads_over_the_limit_are_refused_with_413(store: WebStore, tmp_path: Path) -> None:
    from starlette.testclient import TestClient

    from recoupe.web import create_app

    with TestClient(create_app(copy_store(tmp_path), upload_limit=64 * 1024)) as small:
        token = csrf_of(small)
        response = small.post(
            "/add", data={"csrf": token}, files={"files": ("big.txt", b"mot " * 40_000, "text/plain")}
        )
        assert response.status_code == 413 and "limit" in response.text


def test_add_through_the_form_runs_and_reports_progress(store: WebStore, tmp_path: Path) -> None:
    from starlette.testclient import TestClient

    from recoupe.web import create_app

    page = (EXAMPLES / "003_9f022cd4a79fafdb.txt").read_bytes()
    with TestClient(create_app(copy_store(tmp_path))) as fresh:
        token = csrf_of(fresh)
        response = fresh.post(
            "/add",
            data={"csrf": token},
            files={"files": ("../../le monde.txt", page, "text/plain")},
            follow_redirects=False,
        )
        assert response.status_code == 303
        job_url = response.headers["location"]
        job = fresh.get(job_url + ".json").json()
        for _ in range(600):
            if job["state"] in ("done", "failed"):
                break
            threading.Event().wait(0.1)
            job = fresh.get(job_url + ".json").json()
        assert job["state"] == "done", job
        # the upload is kept under a name of its own, beside the store, never where its name points
        (path,) = job["paths"]
        assert Path(path).name == "le_monde.txt" and Path(path).parent.parent.name == "copy-uploads"
        assert "1 new pages" in job["summary"]
        page_of(fresh.get(job_url))  # the progress page renders once done
        assert [j["id"] for j in fresh.get("/add.json").json()["jobs"]] == [job["id"]]
        sources = [e["source"] for e in fresh.get("/inputs.json?status=all").json()["inputs"]]
        assert path in sources


# --------------------------------------------------------------------------------------------
# views
# --------------------------------------------------------------------------------------------


def test_snippet_runs_split_marked_words_out() -> None:
    snippet = f"…la {MATCH_OPEN}Russie{MATCH_CLOSE} et <b>{MATCH_OPEN}Kiev{MATCH_CLOSE}</b>…"
    runs = snippet_runs(snippet)
    assert [(r.text, r.matched) for r in runs] == [
        ("…la ", False),
        ("Russie", True),
        (" et <b>", False),
        ("Kiev", True),
        ("</b>…", False),
    ]


def test_timeline_chart_places_dates_on_one_axis() -> None:
    entries = [
        TimelineEntry("2024-08", "a", []),
        TimelineEntry("2024-11-17", "b", []),
        TimelineEntry("2024-11-17", "c", []),
        TimelineEntry("sometime", "d", []),
    ]
    chart = timeline_chart(entries)
    assert chart is not None and len(chart.points) == 3
    first, second, third = chart.points
    assert first.x == chart.start_x and second.x == third.x == chart.end_x
    assert third.y < second.y  # same day: stacked
    assert timeline_chart(entries[:1]) is None
    # month starts between the ends, where their labels have room
    assert [label for _, label in chart.ticks] == ["2024-09", "2024-10", "2024-11"]
    long = timeline_chart([TimelineEntry("2019-03-02", "a", []), TimelineEntry("2024-06-30", "b", [])])
    assert long is not None and [label for _, label in long.ticks] == [
        "2020",
        "2021",
        "2022",
        "2023",
    ]  # 2024 too close to the end


def test_original_with_cuts_places_removals_and_lists_the_rest() -> None:
    original = "Accueil > Monde\n\nLe texte.\n\nPartager"
    removed = [
        Removal("Accueil > Monde", "navigation", 0, 15),
        Removal("Partager", "share", 28, 36),
        Removal("<div>", "markup"),
        Removal("Monde", "site_name", 10, 15),  # overlaps the first
    ]
    runs, unplaced = original_with_cuts(original, removed)
    assert "".join(r.text for r in runs) == original
    assert [r.removal.reason for r in runs if r.removal] == ["navigation", "share"]
    assert [r.reason for r in unplaced] == ["markup", "site_name"]


# --------------------------------------------------------------------------------------------
# the command
# --------------------------------------------------------------------------------------------


def test_serve_listens_on_loopback_unless_told(tmp_path: Path) -> None:
    import io

    from recoupe.cli import build_parser, main

    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.allow) == ("127.0.0.1", 8000, [])
    stderr = io.StringIO()
    code = main(
        ["serve", "--db", str(tmp_path / "x.db"), "--allow", str(tmp_path / "nowhere")], stderr=stderr
    )
    assert code == 2 and "--allow: not a folder" in stderr.getvalue()
    assert not (tmp_path / "x.db").exists()


def test_responses_say_what_they_cost(client: Any) -> None:
    timing = client.get("/stories").headers["server-timing"]
    assert re.fullmatch(r"app;dur=[\d.]+, cpu;dur=[\d.]+", timing)


def test_a_story_lists_its_best_supported_facts_and_links_to_all(
    client: Any, seed_story: dict[str, Any]
) -> None:
    from recoupe.render.anchors import FACTS_LISTED

    facts = client.get(f"/stories/{seed_story['id']}.json").json()["stories"][0]["facts"]
    page = page_of(client.get(f"/stories/{seed_story['id']}"))
    listed = page.xpath('//section[@id="facts"]//tbody/tr')
    assert len(listed) == min(len(facts), FACTS_LISTED)
    everything = page_of(client.get(f"/stories/{seed_story['id']}?facts=all"))
    assert len(everything.xpath('//section[@id="facts"]//tbody/tr')) == len(facts)


def test_listing_fewer_facts_keeps_every_citation_landing(
    client: Any, seed_story: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    import recoupe.render.anchors
    import recoupe.web.app

    monkeypatch.setattr(recoupe.render.anchors, "FACTS_LISTED", 5)
    monkeypatch.setattr(recoupe.web.app, "FACTS_LISTED", 5)
    for url in (f"/stories/{seed_story['id']}", f"/stories/{seed_story['id']}?facts=all"):
        page = page_of(client.get(url))
        rows = page.xpath('//section[@id="facts"]//tbody/tr')
        assert (len(rows) == 5) is ("facts=all" not in url)
        if "facts=all" not in url:
            assert page.xpath('//section[@id="facts"]//a[contains(@href, "facts=all")]')
        cites = page.xpath('//section[@id="facts"]//a[@class="cite"]/@href')
        for href in cites[:40]:
            path, _, anchor = href.partition("#")
            assert anchor and page_of(client.get(path)).xpath(f'//*[@id="{anchor}"]'), href
