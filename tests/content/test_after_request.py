""""Wat gebeurt er na je aanvraag?" (issue 16): every stage with when, who, what you get and what to
do when you hear nothing, in easy read and for professionals; no promise of a place."""

import pytest

from tests.content.conftest import LANGS, prefixed
from tests.support.html import parse, text_of

EASY = "/voor-jou/na-je-vraag"
PROFESSIONAL = "/professionals/na-de-aanvraag"

LABELS = {
    "nl": {"when": "Wanneer?", "who": "Wie?", "get": "Wat krijg je?", "nothing": "niets?"},
    "en": {"when": "When?", "who": "Who?", "get": "What do you get?", "nothing": "othing"},
}
# The stages in order, each with words its section must hold (domain.md, additions of December 2026).
STAGES = {
    "nl": [("5 dagen",), ("arbeidsdeskundige", "iemand meenemen"), ("8 weken", "gemeente"),
           ("beschikking",), ("aantal plekken", "wachten"), ("6 weken", "bezwaar")],
    "en": [("5 days",), ("arbeidsdeskundige", "take someone"), ("8 weeks", "gemeente"),
           ("beschikking",), ("number of places", "wait"), ("6 weeks", "bezwaar")],
}


def sections(client, path, lang):
    response = client.get(prefixed(path, lang))
    assert response.status_code == 200
    root = parse(response.get_data(as_text=True))
    return root, [text_of(s) for s in root.findall(".//main//section[@class='content-section']")]


@pytest.mark.parametrize("lang", LANGS)
def test_every_stage_says_when_who_what_you_get_and_what_to_do_when_you_hear_nothing(client, lang):
    root, texts = sections(client, EASY, lang)
    heading = text_of(root.find(".//h1"))
    assert heading == {"nl": "Wat gebeurt er na je aanvraag?", "en": "What happens after your request?"}[lang]
    stages = [t for t in texts if t[:2].rstrip(".").isdigit()]
    assert len(stages) == len(STAGES[lang]) == 6
    for text, words in zip(stages, STAGES[lang], strict=True):
        for label in LABELS[lang].values():
            assert label in text, (label, text[:60])
        for word in words:
            assert word in text, (word, text[:60])


@pytest.mark.parametrize("lang", LANGS)
def test_no_place_is_promised(client, lang):
    _, texts = sections(client, EASY, lang)
    page = " ".join(texts)
    for promise in ["volgend jaar", "next year", "moet er", "must be a place"]:
        assert promise not in page


@pytest.mark.parametrize("lang", LANGS)
def test_the_professional_version_gives_the_stages_in_a_table_with_sources(client, lang):
    root, texts = sections(client, PROFESSIONAL, lang)
    table = root.find(".//main//table")
    rows = table.findall("./tbody/tr")
    assert len(rows) == 6
    assert len(table.findall("./thead/tr/th[@scope='col']")) == 5
    page = text_of(root.find(".//main"))
    for word in {"nl": ["5 dagen", "8 weken", "6 weken", "artikel 6:7", "artikel 10b, lid 4"],
                 "en": ["5 days", "8 weeks", "6 weeks", "articles 6:7", "article 10b, paragraphs 4"]}[lang]:
        assert word in page, word
    cited = [a.get("href") for a in root.findall(".//section[@class='cited-sources']/ul/li/a")]
    assert any("infomil.nl" in href for href in cited)
    assert any("uwv.nl" in href for href in cited)
    assert root.find(f".//main//a[@href='{prefixed(EASY, lang)}']") is not None
