"""Every statement of fact on a professional page names its source: a "[bron: id]" marker (an entry of
bronnen.yaml) at the end of each paragraph or list item, or "[zonder bron]" where nothing is stated as
fact. A table names its sources on its section (`sources:`). The markers become links on the page."""

import pytest
import yaml

from app.content.checks import texts_of
from app.content.citations import cited, render_markers, unsourced
from tests.content.conftest import CONTENT, LANGS, prefixed
from tests.support.html import parse


def professional_pages(lang):
    paths = sorted((CONTENT / lang / "professionals").glob("*.yaml"))
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in paths}


def known_ids(lang):
    return {s["id"] for s in yaml.safe_load((CONTENT / lang / "bronnen.yaml").read_text(encoding="utf-8"))["sources"]}


@pytest.mark.parametrize("lang", LANGS)
def test_every_statement_of_a_professional_page_names_a_source(lang):
    pages = professional_pages(lang)
    assert len(pages) >= 8
    for slug, page in pages.items():
        for text in texts_of(page):
            missing = unsourced(text)
            assert not missing, f"{lang}/professionals/{slug}: no [bron: ...] on {missing[0][:90]!r}"
        for section in page.get("sections") or []:
            if section.get("table"):
                assert section.get("sources"), f"{lang}/{slug}: table {section['heading']!r} names no sources"


@pytest.mark.parametrize("lang", LANGS)
def test_every_cited_source_is_in_bronnen_yaml(lang):
    ids = known_ids(lang)
    total = 0
    for slug, page in professional_pages(lang).items():
        named = [i for text in texts_of(page) for i in cited(text)]
        named += [i for s in page.get("sections") or [] for i in s.get("sources") or []]
        assert set(named) <= ids, f"{lang}/{slug}: unknown {sorted(set(named) - ids)}"
        total += len(named)
    assert total >= 60


def test_dutch_and_english_pages_cite_the_same_sources():
    for slug, dutch in professional_pages("nl").items():
        english = professional_pages("en")[slug]
        assert {i for t in texts_of(dutch) for i in cited(t)} == {i for t in texts_of(english) for i in cited(t)}, slug


def test_a_factual_paragraph_without_a_source_is_found():
    text = ("UWV adviseert binnen 8 weken. [bron: besluit]\n\n"
            "De gemeente moet volgend jaar een plek bieden.\n\n"
            "Bijlagen:\n\n- stageverslagen; [bron: uwv-bijlagen]\n- een cv\n\n"
            "Vraag de gemeente hoe het gaat. [zonder bron]")
    assert unsourced(text) == ["De gemeente moet volgend jaar een plek bieden.", "- een cv"]


def test_a_lead_in_with_a_source_covers_the_list_after_it_and_only_that_list():
    text = ("Alle 4 criteria moeten gelden: [bron: uwv-perspectief]\n\n- een taak doen;\n- 4 uur per dag.\n\n"
            "Een bewering zonder bron.\n\n- een lijst zonder inleiding")
    assert unsourced(text) == ["Een bewering zonder bron.", "- een lijst zonder inleiding"]
    assert unsourced("Bijlagen:\n\n- stageverslagen") == ["- stageverslagen"]


def test_a_page_with_an_unsourced_paragraph_fails_the_check():
    page = professional_pages("nl")["procedure"]
    page["sections"][0]["text"] += "\n\nIedereen krijgt binnen een jaar een plek.\n"
    assert any("Iedereen krijgt" in m for t in texts_of(page) for m in unsourced(t))


def test_a_marker_becomes_a_link_to_the_source_and_zonder_bron_disappears():
    known = {"besluit": {"id": "besluit", "title": "Besluit advisering beschut werk (tekst 2022)",
                         "url": "https://wetten.overheid.nl/BWBR0035947/2022-07-01"}}
    html = render_markers("Binnen 8 weken. [bron: besluit]\n\nEen tip. [zonder bron]", known, "nl")
    link = '<a href="https://wetten.overheid.nl/BWBR0035947/2022-07-01">Besluit advisering beschut werk</a>'
    assert f"(Bron: {link})" in html
    assert "[zonder bron]" not in html and "[bron" not in html


@pytest.mark.parametrize(("lang", "label"), [("nl", "Bron"), ("en", "Source")])
def test_the_professional_pages_show_source_links_and_no_markers(client, lang, label):
    for slug in professional_pages(lang):
        response = client.get(prefixed(f"/professionals/{slug}", lang))
        assert response.status_code == 200
        html = response.get_data(as_text=True)
        assert "[bron" not in html and "[zonder bron]" not in html, slug
        main = parse(html).find(".//main")
        refs = [span for span in main.iter("span") if span.get("class") == "source-ref"]
        if slug != "zelftest-samen":
            assert len(refs) >= 3, f"{lang}/{slug}: {len(refs)} source links"
        for ref in refs:
            assert "".join(ref.itertext()).startswith(f"({label}"), slug
            assert all(a.get("href", "").startswith("https://") for a in ref.iter("a"))
