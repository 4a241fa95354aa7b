"""The web view and the static brief in a real browser: Debian's headless Chromium driven by
selenium through Debian's chromedriver (`make browser` installs both; nothing downloads a browser).

The tests click what a reader clicks, look at what a reader sees (the facts' support column inside
the window at 1280 px and on a 390 px phone), check that the hostile page of tests/test_web.py
runs nothing and loads nothing, and check landmarks and keyboard use with axe-core (the copy
bundled in the axe-selenium-python package, so it runs offline). Screenshots of the story,
document and static brief pages at both widths are written to out/screenshots/.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
    pytest.skip(
        "Debian's chromium and chromium-driver are not installed: run `make browser`", allow_module_level=True
    )

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

from recoupe.render import render_html  # noqa: E402
from recoupe.store import Store  # noqa: E402
from test_web import copy_store, web_store  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SCREENSHOTS = REPO / "out" / "screenshots"
WIDTHS = {"desktop": 1280, "phone": 390}
LAUNCH_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    os.environ.setdefault("SE_OFFLINE", "true")  # selenium-manager: never fetch a driver or browser
    profile = tempfile.mkdtemp(prefix="recoupe-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*LAUNCH_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    # an alert a page opens stays open, so a test sees it
    options.set_capability("unhandledPromptBehavior", "ignore")
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


class LiveServer:
    """The web view served by uvicorn in a thread, on a free loopback port."""

    def __init__(self, db: Path, allowed: list[Path]) -> None:
        import uvicorn

        from recoupe.web import create_app

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        config = uvicorn.Config(
            create_app(db, allowed=allowed), host="127.0.0.1", port=self.port, log_level="error"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        for _ in range(200):
            if self.server.started:
                break
            time.sleep(0.05)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def live() -> Iterator[LiveServer]:
    store = web_store()
    server = LiveServer(store.db, [store.folder])
    yield server
    server.stop()


@pytest.fixture(scope="module")
def seed_story_id() -> str:
    with Store.open(web_store().db, readonly=True) as store:
        return max(store.stories(), key=lambda r: r.n_documents).id


@pytest.fixture(scope="module")
def static_brief(tmp_path_factory: pytest.TempPathFactory) -> Path:
    with Store.open(web_store().db, readonly=True) as store:
        brief = store.brief()
    path = tmp_path_factory.mktemp("brief") / "brief.html"
    path.write_text(render_html(brief), encoding="utf-8")
    return path


def at_width(driver: Any, width: int) -> None:
    driver.set_window_size(width, 900)
    # the window's outer size includes no chrome in headless mode; check what the page gets
    inner = driver.execute_script("return window.innerWidth")
    if inner != width:
        driver.set_window_size(2 * width - inner, 900)


def open_page(driver: Any, url: str) -> None:
    driver.get(url)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")


def screenshot(driver: Any, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    driver.save_screenshot(str(path))
    return path


def no_sideways_scroll(driver: Any) -> None:
    scroll, inner, wide = driver.execute_script(
        """const inner = window.innerWidth, wide = [];
           for (const e of document.querySelectorAll('main *, header *')) {
             const r = e.getBoundingClientRect();
             if (r.right > inner + 1 && r.width > 1 && !e.closest('thead')) wide.push(`${e.tagName}.${e.className} ${Math.round(r.right)}px`);
           }
           return [document.documentElement.scrollWidth, inner, wide.slice(0, 5)];"""
    )
    assert scroll <= inner, f"the page is {scroll} px wide in a {inner} px window: {wide}"


def support_cells_inside_viewport(driver: Any) -> int:
    """Every support cell of the facts tables lies inside the window, horizontally."""
    boxes = driver.execute_script(
        """return Array.from(document.querySelectorAll('table.facts td.support')).map(td => {
             const r = td.getBoundingClientRect(); return [r.left, r.right, window.innerWidth]; })"""
    )
    assert boxes, "no facts table on the page"
    for left, right, inner in boxes:
        assert left >= 0 and right <= inner, f"support cell at {left:.0f}–{right:.0f} px, window {inner} px"
    return len(boxes)


def no_dialog(driver: Any) -> None:
    try:
        alert = driver.switch_to.alert
        text = alert.text
        alert.dismiss()
    except NoAlertPresentException:
        return
    raise AssertionError(f"a dialog opened: {text!r}")


# --------------------------------------------------------------------------------------------
# reading: list, story, citation, document
# --------------------------------------------------------------------------------------------


def test_click_a_summary_citation_highlights_the_source_sentence(
    browser: Any, live: LiveServer, seed_story_id: str
) -> None:
    at_width(browser, 1280)
    open_page(browser, live.url("/stories"))
    browser.find_element(By.CSS_SELECTOR, f"table.stories td.fact a[href$='{seed_story_id}']").click()
    WebDriverWait(browser, 10).until(lambda d: "/stories/" in d.current_url)
    sentence = browser.find_element(By.CSS_SELECTOR, "ul.summary li")
    summary_text = sentence.text
    sentence.find_element(By.CSS_SELECTOR, "a.cite").click()
    WebDriverWait(browser, 10).until(lambda d: "/documents/" in d.current_url)
    target = browser.execute_script(
        """const t = document.querySelector(':target');
           if (!t) return null;
           const r = t.getBoundingClientRect();
           return {text: t.textContent, background: getComputedStyle(t).backgroundColor,
                   top: r.top, bottom: r.bottom, height: window.innerHeight};"""
    )
    assert target is not None, "the citation's anchor is not on the document page"
    assert target["background"] not in ("rgba(0, 0, 0, 0)", "transparent"), "the sentence is not highlighted"
    assert target["top"] >= 0 and target["bottom"] <= target["height"], (
        "the sentence is not scrolled into view"
    )
    summary_words = {w for w in summary_text.casefold().split() if len(w) > 3}
    cited_words = {w for w in target["text"].casefold().split() if len(w) > 3}
    assert len(summary_words & cited_words) >= 0.3 * len(summary_words)


def test_static_brief_citation_opens_the_folded_text_at_the_sentence(
    browser: Any, static_brief: Path
) -> None:
    at_width(browser, 1280)
    open_page(browser, static_brief.as_uri())
    browser.find_element(By.CSS_SELECTOR, "ul.summary a.cite").click()
    target = browser.execute_script(
        """const t = document.querySelector(':target');
           return t && {open: t.closest('details').open, background: getComputedStyle(t).backgroundColor,
                        top: t.getBoundingClientRect().top};"""
    )
    assert target is not None and target["open"], "the clean text holding the sentence did not open"
    assert target["background"] not in ("rgba(0, 0, 0, 0)", "transparent")
    assert 0 <= target["top"] <= 900


def test_filter_and_search_through_the_form(browser: Any, live: LiveServer, seed_story_id: str) -> None:
    at_width(browser, 1280)
    open_page(browser, live.url("/stories"))
    Select(browser.find_element(By.NAME, "language")).select_by_value("fr")
    browser.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
    WebDriverWait(browser, 10).until(lambda d: "language=fr" in d.current_url)
    links = [
        a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "table.stories td.fact a")
    ]
    assert any(link.endswith(seed_story_id) for link in links)
    box = browser.find_element(By.NAME, "q")
    box.clear()
    box.send_keys("nord-coréens")
    box.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda d: "q=" in d.current_url)
    assert browser.find_elements(By.CSS_SELECTOR, "ol.hits mark")
    box = browser.find_element(By.NAME, "q")
    box.clear()
    box.send_keys("tremblement de terre")
    box.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda d: "tremblement" in d.current_url)
    assert not browser.find_elements(By.CSS_SELECTOR, "table.stories")
    assert "No story matches" in browser.find_element(By.TAG_NAME, "main").text


def test_add_a_page_through_the_form(browser: Any, tmp_path: Path) -> None:
    store = web_store()
    db = copy_store(tmp_path)
    server = LiveServer(db, [store.folder])
    try:
        open_page(browser, server.url("/stories?language=en"))
        (quake,) = browser.find_elements(By.CSS_SELECTOR, "table.stories tbody tr")
        assert quake.find_element(By.CSS_SELECTOR, "td[data-label=Documents]").text == "1"
        open_page(browser, server.url("/add"))
        # another outlet's report of the earthquake the hostile page tells: its story grows
        page = tmp_path / "qeshm.txt"
        page.write_text(QESHM, encoding="utf-8")
        browser.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(page))
        browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        WebDriverWait(browser, 10).until(lambda d: "/add/" in d.current_url)
        WebDriverWait(browser, 120, poll_frequency=0.5).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, ".summary-line") or "failed" in d.page_source
        )
        assert "1 new pages" in browser.find_element(By.CSS_SELECTOR, ".summary-line").text
        browser.find_element(By.LINK_TEXT, "See the stories").click()
        open_page(browser, server.url("/stories?language=en"))
        (quake,) = browser.find_elements(By.CSS_SELECTOR, "table.stories tbody tr")
        assert quake.find_element(By.CSS_SELECTOR, "td[data-label=Documents]").text == "2"
        quake.find_element(By.CSS_SELECTOR, "td.fact a").click()
        assert "Los Angeles Times" in browser.find_element(By.ID, "sources").text or "qeshm.txt" in (
            browser.find_element(By.ID, "sources").text
        )
    finally:
        server.stop()


# ECB+ 20_11ecbplus (Los Angeles Times, 28 Nov 2005; ../shared/data/ecbplus, CC BY 3.0), de-tokenised
QESHM = (
    "Earthquake Levels Villages on Iranian Island of Qeshm\n\n"
    "Ten people were killed and at least 50 injured when an earthquake razed mud-brick villages on the "
    "Persian Gulf island of Qeshm off Iran's southern coast Sunday, officials and state media said.\n\n"
    "Tehran's seismologic center put the quake's magnitude at 5.9, but the U.S. Geological Survey in "
    "Golden, Colo., said it was 6.1. The quake struck at 1:53 p.m. and was centered about 35 miles west "
    "of the port city of Bandar Abbas, according to the USGS.\n\n"
    "Rescue teams were sent to the island, home to about 120,000 people, and the injured were taken to "
    "hospitals in Bandar Abbas, the official Islamic Republic News Agency reported.\n"
)


# --------------------------------------------------------------------------------------------
# hostile pages run nothing and load nothing
# --------------------------------------------------------------------------------------------


def test_hostile_page_runs_nothing_in_the_web_view_or_the_static_brief(
    browser: Any, live: LiveServer, seed_story_id: str, static_brief: Path
) -> None:
    leak = web_store().leak
    leak.requests.clear()
    with Store.open(web_store().db, readonly=True) as store:
        hostile = next(
            d
            for row in store.stories()
            for d in store.story_documents(row.id)
            if d.source.endswith("#hostile-1")
        )
    pages = [
        live.url(f"/stories/{hostile.story}"),
        live.url(f"/documents/{hostile.id}"),
        live.url("/stories?q=earthquake"),
        live.url("/stories"),
        static_brief.as_uri(),
    ]
    for url in pages:
        open_page(browser, url)
        time.sleep(0.3)
        no_dialog(browser)
        shown = browser.find_element(By.TAG_NAME, "body").text
        assert "<script>" in shown and "onerror=" in shown, f"the hostile text is not shown on {url}"
        # following the title's link (the page's javascript: URL is never made one) opens nothing
        for link in browser.find_elements(By.CSS_SELECTOR, "a[href^='javascript' i]"):
            raise AssertionError(f"a javascript: link on {url}: {link.get_attribute('href')}")
    assert leak.requests == [], f"the hostile page made the browser send {leak.requests}"
    # the leak server does answer: a request, had one been made, would be in its log
    open_page(browser, leak.url("/probe"))
    assert "/probe" in leak.requests


# --------------------------------------------------------------------------------------------
# seen as a person sees it: screenshots, widths
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("device", sorted(WIDTHS))
def test_pages_fit_the_window_and_support_stays_in_view(
    browser: Any, live: LiveServer, seed_story_id: str, static_brief: Path, device: str
) -> None:
    width = WIDTHS[device]
    at_width(browser, width)
    with Store.open(web_store().db, readonly=True) as store:
        doc = next(d for d in store.story_documents(seed_story_id) if "003_" in d.source)
    shots = {
        "story": live.url(f"/stories/{seed_story_id}"),
        "document": live.url(f"/documents/{doc.id}"),
        "stories": live.url("/stories"),
        "brief": static_brief.as_uri(),
    }
    for name, url in shots.items():
        open_page(browser, url)
        screenshot(browser, f"{name}-{width}")
        no_sideways_scroll(browser)
        if name in ("story", "brief"):
            facts = browser.find_element(By.CSS_SELECTOR, "table.facts")
            browser.execute_script("arguments[0].scrollIntoView()", facts)
            assert support_cells_inside_viewport(browser) > 5
            screenshot(browser, f"{name}-facts-{width}")
        if name == "document":
            target = browser.find_element(By.CSS_SELECTOR, ".passage-mark[id]")
            open_page(browser, f"{url}#{target.get_attribute('id')}")
            screenshot(browser, f"document-cited-{width}")


# --------------------------------------------------------------------------------------------
# accessibility: axe-core, landmarks, keyboard
# --------------------------------------------------------------------------------------------


def axe_violations(driver: Any) -> list[dict[str, Any]]:
    import axe_selenium_python

    script = Path(axe_selenium_python.__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
    driver.execute_script(script.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations), e => done(String(e)));"
    )
    assert isinstance(result, list), result
    return result


@pytest.mark.parametrize("width", sorted(WIDTHS.values()))
@pytest.mark.parametrize("page", ["stories", "story", "document", "inputs", "add", "brief"])
def test_axe_finds_no_violation(
    browser: Any, live: LiveServer, seed_story_id: str, static_brief: Path, page: str, width: int
) -> None:
    with Store.open(web_store().db, readonly=True) as store:
        doc = store.story_documents(seed_story_id)[0]
    urls = {
        "stories": live.url("/stories"),
        "story": live.url(f"/stories/{seed_story_id}"),
        "document": live.url(f"/documents/{doc.id}"),
        "inputs": live.url("/inputs?status=all"),
        "add": live.url("/add"),
    }
    at_width(browser, width)
    # the web view's CSP forbids every script, axe's included: let the driver's own script in,
    # for this check only (the pages' CSP is tested in tests/test_web.py)
    browser.execute_cdp_cmd("Page.setBypassCSP", {"enabled": True})
    try:
        open_page(browser, static_brief.as_uri() if page == "brief" else urls[page])
        violations = axe_violations(browser)
    finally:
        browser.execute_cdp_cmd("Page.setBypassCSP", {"enabled": False})
    described = [f"{v['id']} ({v['impact']}): {v['help']}: {len(v['nodes'])} nodes" for v in violations]
    assert violations == [], described


def test_keyboard_reaches_the_content_and_follows_a_citation(
    browser: Any, live: LiveServer, seed_story_id: str
) -> None:
    at_width(browser, 1280)
    open_page(browser, live.url(f"/stories/{seed_story_id}"))
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.get_attribute("class") == "skip" and focused.is_displayed()
    focused.send_keys(Keys.ENTER)
    assert browser.execute_script("return location.hash") == "#main"
    # landmarks a screen reader lists
    roles = browser.execute_script(
        "return ['header', 'nav', 'main', 'footer'].map(t => document.querySelectorAll(t).length)"
    )
    assert roles[0] >= 1 and roles[1] >= 1 and roles[2] == 1 and roles[3] == 1
    # tab on until a summary citation has the focus, then follow it with Enter
    for _ in range(60):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        focused = browser.switch_to.active_element
        if "cite" in (focused.get_attribute("class") or "") and focused.find_elements(
            By.XPATH, "ancestor::ul[@class='summary']"
        ):
            break
    else:
        raise AssertionError("no summary citation reached with the Tab key")
    outline = browser.execute_script("return getComputedStyle(arguments[0]).outlineStyle", focused)
    assert outline != "none", "the focused link shows no focus ring"
    focused.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda d: "/documents/" in d.current_url)
    assert browser.execute_script("return document.querySelector(':target') !== null")
