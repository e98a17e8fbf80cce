"""A live server and Debian's chromium driven by Playwright, with axe-core for accessibility."""

import json
import shutil
import threading
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from app import create_app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}


@pytest.fixture(scope="session")
def live_app(tmp_path_factory, migrated_sqlite):
    path = tmp_path_factory.mktemp("live") / "live.sqlite3"
    shutil.copy(migrated_sqlite, path)
    return create_app("testing", DATABASE_URL=f"sqlite:///{path}")


@pytest.fixture(scope="session")
def live_server(live_app):
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    assert Path(CHROMIUM).exists(), "chromium is missing: run `make browser` (make test does)"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    yield tab
    context.close()


_axe = Axe()


def assert_no_axe_violations(page, label: str = "") -> None:
    """Run axe-core (WCAG 2.2 A and AA) on the page and fail with a readable list."""
    results = _axe.run(page, options=AXE_OPTIONS)
    violations = results.response["violations"]
    if violations:
        summary = [
            {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in violations
        ]
        raise AssertionError(f"axe violations on {label or page.url}:\n{json.dumps(summary, indent=2)}")


def ask_then_confirm(page, start: str, form: str, label: str) -> None:
    """Click `start`; the asking page must show form[data-action=<form>] and pass axe; press its button."""
    with page.expect_navigation():
        page.click(start)
    assert page.query_selector(f"form[data-action={form}]")
    assert_no_axe_violations(page, label)
    with page.expect_navigation():
        page.click(f"form[data-action={form}] button")


def give_session(page, live_app, live_server, session: dict) -> None:
    """Put a signed session in the browser, as if the visitor had got there by the pages."""
    serializer = live_app.session_interface.get_signing_serializer(live_app)
    page.context.add_cookies([{"name": live_app.config["SESSION_COOKIE_NAME"],
                               "value": serializer.dumps(session), "url": live_server}])
