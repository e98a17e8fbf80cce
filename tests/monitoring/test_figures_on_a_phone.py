"""The figures page reads well on a phone (issue 15, point 7): no "no figures" message above
tables full of "fewer than 10", each figure once (its table behind "Show the table"), and no
empty chart for a figure whose every count is below 10."""

import pytest

from app.storage.events import SELFCHECK_STARTED, SHEET_DOWNLOAD
from tests.monitoring.helpers import add_events
from tests.monitoring.test_figures_page import seed_month
from tests.support.html import parse, text_of

pytestmark = pytest.mark.database

MONTH_SECTIONS = ("grafiek-taal", "grafiek-rol", "grafiek-uitkomst", "grafiek-stoppen", "grafiek-documenten",
                  "grafiek-downloads")


def sections(html: str) -> dict[str, object]:
    return {s.get("aria-labelledby").removesuffix("-kop"): s for s in parse(html).iter("section")
            if "figure-section" in (s.get("class") or "").split()}


@pytest.mark.parametrize(("prefix", "none", "fewer"), [
    ("", "Voor deze maand zijn nog geen cijfers.", "minder dan 10"),
    ("/en", "There are no figures for this month yet.", "fewer than 10"),
])
def test_a_month_without_figures_says_so_and_shows_no_tables_of_fewer_than_10(client, prefix, none, fewer):
    html = client.get(prefix + "/professionals/cijfers").get_data(as_text=True)
    assert none in html
    found = sections(html)
    assert "grafiek-maanden" in found, "the overview over the months stays"
    assert not set(MONTH_SECTIONS) & set(found)
    assert fewer not in html.split(none, 1)[1], "nothing below the message repeats 'fewer than 10'"


def test_each_figure_is_shown_once_its_table_behind_show_the_table(app, client):
    seed_month(app)
    html = client.get("/professionals/cijfers").get_data(as_text=True)
    found = sections(html)
    assert set(MONTH_SECTIONS) | {"grafiek-maanden"} <= set(found)
    for name, section in found.items():
        pair = next(div for div in section.iter("div") if "figure-pair" in (div.get("class") or "").split())
        details = [d for d in pair if d.tag == "details"]
        assert len(details) == 1 and details[0].get("open") is None, f"{name}: the table is not folded away"
        assert details[0].find(".//table/caption") is not None
        assert text_of(details[0].find("summary")).startswith("Toon de tabel")
        charts = [e for e in pair.iter() if isinstance(e.tag, str) and e.tag.endswith("}svg")]
        assert len(charts) == 1, name


def test_a_figure_whose_every_count_is_below_10_shows_no_empty_chart(app, client):
    add_events(app, SELFCHECK_STARTED, "nl", 12)
    add_events(app, SHEET_DOWNLOAD, "verschillen-nl", 3)
    html = client.get("/en/professionals/cijfers").get_data(as_text=True)
    found = sections(html)
    downloads = found["grafiek-downloads"]
    assert not [e for e in downloads.iter() if isinstance(e.tag, str) and e.tag.endswith("}svg")]
    assert "Every count is below 10" in text_of(downloads)
    assert "verschillen-nl" in text_of(downloads.find(".//table")), "the table still names what was counted"
    language = found["grafiek-taal"]
    assert [e for e in language.iter() if isinstance(e.tag, str) and e.tag.endswith("}svg")], "12 is shown"
