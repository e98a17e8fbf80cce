"""Every link the site builds goes to an endpoint that exists: a renamed endpoint fails here.

Templates and views name endpoints in url_for()/absolute_url(); nothing hides a link when its
endpoint is missing (no has_endpoint(), no navigation filtered by what is registered), so a
rename breaks the page loudly, and this test names the place before any page is visited.
"""

import re
from pathlib import Path

import pytest
from werkzeug.routing import BuildError

from app import templating

APP = Path(__file__).resolve().parent.parent / "app"
NAMED = re.compile(r"""(?:url_for|absolute_url)\(\s*["']([a-z_]+\.[a-z_]+)["']""")


def named_endpoints() -> dict[str, set[str]]:
    """endpoint -> the files (relative to app/) that name it."""
    found: dict[str, set[str]] = {}
    for path in [*APP.rglob("*.html"), *APP.rglob("*.py")]:
        for endpoint in NAMED.findall(path.read_text(encoding="utf-8")):
            found.setdefault(endpoint, set()).add(path.relative_to(APP).as_posix())
    return found


def test_every_endpoint_named_in_a_template_or_view_exists(app):
    named = named_endpoints()
    assert len(named) >= 20, "the scan found too few endpoints to be looking in the right place"
    missing = {endpoint: sorted(files) for endpoint, files in named.items() if endpoint not in app.view_functions}
    assert not missing, f"endpoints named but not registered: {missing}"


def test_every_item_of_the_main_navigation_exists(app):
    assert {endpoint for endpoint, _label in templating.NAVIGATION} <= set(app.view_functions)


def test_a_navigation_item_whose_endpoint_is_gone_breaks_the_page_instead_of_vanishing(app, monkeypatch):
    monkeypatch.setattr(templating, "NAVIGATION", (*templating.NAVIGATION, ("zelftest.begin", "Weg")))
    with app.test_request_context("/privacy"), pytest.raises(BuildError):
        templating.main_navigation()


def test_the_scan_sees_a_renamed_endpoint(tmp_path, monkeypatch, app):
    """The scan itself can fail: a template naming an endpoint that is not there is reported."""
    (tmp_path / "page.html").write_text("<a href=\"{{ url_for('selfcheck.begin') }}\">x</a>", encoding="utf-8")
    monkeypatch.setattr("tests.test_endpoints.APP", tmp_path)
    assert named_endpoints() == {"selfcheck.begin": {"page.html"}}
    assert "selfcheck.begin" not in app.view_functions
