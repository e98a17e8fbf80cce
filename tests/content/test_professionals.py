"""The professional route: every topic in both languages, sources with link and check date."""

import re

import pytest

from tests.content.conftest import LANGS, get_page, prefixed
from tests.support.html import parse, text_of


def assert_main_says(client, path, lang, words):
    text = text_of(parse(get_page(client, path, lang)).find(".//main"))
    for word in words:
        assert word in text, word


TOPICS = ["wettelijk-kader", "wie-kan-aanvragen", "criteria", "procedure", "na-de-aanvraag", "bezwaar", "school",
          "vergelijking", "zelftest-samen"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_topic_page_exists_in_both_languages_and_is_linked_from_the_start(client, lang):
    start = get_page(client, "/professionals", lang)
    for slug in TOPICS:
        get_page(client, f"/professionals/{slug}", lang)
        assert f'href="{prefixed("/professionals/" + slug, lang)}"' in start
    assert f'href="{prefixed("/professionals/informatiebladen", lang)}"' in start
    assert f'href="{prefixed("/professionals/bronnen", lang)}"' in start


@pytest.mark.parametrize(("lang", "words"), [
    ("nl", ["artikel 10b", "Stb. 2016, 519", "1 januari 2017", "Besluit advisering beschut werk", "8 weken"]),
    ("en", ["article 10b", "Stb. 2016, 519", "1 January 2017", "Besluit advisering beschut werk", "8 weeks"]),
])
def test_the_legal_framework_names_the_law_the_act_and_the_decree(client, lang, words):
    assert_main_says(client, "/professionals/wettelijk-kader", lang, words)


@pytest.mark.parametrize(("lang", "words"), [
    ("nl", ["4 uur per dag", "1 uur", "permanent toezicht", "intensieve begeleiding", "binnen redelijke grenzen"]),
    ("en", ["4 hours a day", "1 hour", "permanent toezicht", "intensieve begeleiding", "reasonably"]),
])
def test_the_criteria_page_gives_both_gates(client, lang, words):
    assert_main_says(client, "/professionals/criteria", lang, words)


@pytest.mark.parametrize(("lang", "words"), [
    ("nl", ["5 dagen", "8 weken", "12 maanden", "volgend jaar"]),
    ("en", ["5 days", "8 weeks", "12 months", "next year"]),
])
def test_the_process_page_gives_the_timelines(client, lang, words):
    assert_main_says(client, "/professionals/procedure", lang, words)


@pytest.mark.parametrize("lang", LANGS)
def test_the_school_page_covers_opp_tlv_placement_reports_and_school_advice(client, lang):
    assert_main_says(client, "/professionals/school", lang, ["OPP", "uitstroomprofiel", "TLV", "stageverslagen"])


@pytest.mark.parametrize("lang", LANGS)
def test_the_comparison_table_has_the_six_schemes_with_row_headers(client, lang):
    root = parse(get_page(client, "/professionals/vergelijking", lang))
    table = root.find(".//main//table")
    assert table is not None and table.find("caption") is not None
    rows = [text_of(th) for th in table.findall("./tbody/tr/th[@scope='row']")]
    assert len(rows) == 6
    for name in ["Beschut werk", "Banenafspraak", "Praktijkroute", "oonkostensubsidie", "agbesteding", "Wajong"]:
        assert any(name.lower() in row.lower() for row in rows), name
    assert len(table.findall("./thead/tr/th[@scope='col']")) == 4


@pytest.mark.parametrize("lang", LANGS)
def test_the_sources_page_gives_each_source_a_link_and_a_check_date(client, lang):
    root = parse(get_page(client, "/professionals/bronnen", lang))
    rows = root.findall(".//main//table/tbody/tr")
    assert len(rows) >= 20
    months = {"nl": "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december",
              "en": "January|February|March|April|May|June|July|August|September|October|November|December"}
    month = f"({months[lang]})"
    for row in rows:
        link = row.find("./th/a")
        assert link is not None and link.get("href").startswith("https://")
        assert re.fullmatch(month + r" 20\d\d", text_of(row.findall("./td")[-1])), text_of(row)


@pytest.mark.parametrize("lang", LANGS)
def test_every_topic_page_lists_its_sources(client, lang):
    for slug in TOPICS:
        root = parse(get_page(client, f"/professionals/{slug}", lang))
        section = root.find(".//section[@class='cited-sources']")
        assert section is not None, slug
        assert all(a.get("href").startswith("https://") for a in section.findall("./ul/li/a"))


@pytest.mark.parametrize("lang", LANGS)
def test_do_the_selfcheck_together_links_to_the_printable_conversation_guide(client, lang):
    html = get_page(client, "/professionals/zelftest-samen", lang)
    guide = prefixed("/professionals/informatiebladen/gespreksleidraad", lang)
    assert f'href="{guide}"' in html
    get_page(client, "/professionals/informatiebladen/gespreksleidraad", lang)


def test_links_inside_english_content_stay_english(client):
    html = get_page(client, "/professionals/wettelijk-kader", "en")
    assert 'href="/en/professionals/criteria"' in html
    assert 'href="/professionals/criteria"' not in html


def test_professional_texts_use_u_and_never_je():
    """The professional route says "u" everywhere (the easy-read sheet for the target group says "je")."""
    import yaml

    from app.content.checks import texts_of
    from tests.content.conftest import CONTENT

    paths = [*(CONTENT / "nl" / "professionals").glob("*.yaml"), CONTENT / "nl" / "start" / "professionals.yaml",
             *(p for p in (CONTENT / "nl" / "informatiebladen").glob("*.yaml") if p.stem != "beschut-werk-makkelijk")]
    assert len(paths) >= 12
    for path in paths:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = " ".join([document["title"], *texts_of(document)]
                        + [s["heading"] for s in document.get("sections") or []])
        text = re.sub(r"\]\([^)]*\)", "]", text)  # a link's address (/voor-jou/na-je-vraag) is not read
        assert not re.search(r"\b(je|jij|jou|jouw)\b", text, re.IGNORECASE), path.name


@pytest.mark.parametrize("lang", LANGS)
def test_an_unknown_topic_is_not_found(client, lang):
    assert client.get(prefixed("/professionals/bestaat-niet", lang)).status_code == 404
