"""The overstatements found when the content was read against domain.md ("Additions of December 2026")
cannot come back: a place is no guarantee, the criteria are "or", UWV benefits count, arbeidsvermogen
has 4 criteria, Wajong is "now and in the future", unsourced rules are not stated, and the professional
pages name the 8-against-14-weeks conflict, the 2018 Tussenevaluatie, beschut werk before dagbesteding
and the six-week bezwaar term."""

import re
from pathlib import Path

import pytest
import yaml

from tests.content.conftest import CONTENT, LANGS, ROOT

# Every content file is checked, content/*/selfcheck.yaml too (corrected by issue 11).
ELSEWHERE: set[str] = set()

OVERSTATEMENTS = {
    "nl": [
        (r"moet er volgend jaar", "a place next year as a guarantee"),
        (r"moet de gemeente (volgend jaar )?een (plek|plaats)", "a place as a guarantee"),
        (r"volgend jaar een plek (maken|zijn|beschikbaar stellen)\b", "a place next year as a guarantee"),
        (r"pas volgend jaar een plek", "a place next year as a guarantee"),
        (r"veel hulp en een aangepaste", "the criteria as 'and'"),
        (r"baan met veel hulp\.\s*(Je werkt op een plek|Je werk wordt aangepast)", "the criteria as 'and'"),
        (r"vanaf 16 jaar|wet zegt vanaf 16", "an age limit of 16 as law"),
        (r"advies (gaat )?sneller", "'the advice goes faster' (unsourced)"),
        (r"die nieuw beginnen", "'for people who start anew' (unsourced)"),
        (r"opnieuw (een advies )?aanvragen kan na 12 maanden|kan een nieuwe aanvraag na 12 maanden",
         "asking again within 12 months as not allowed"),
    ],
    "en": [
        (r"there must be (a place|one) next year", "a place next year as a guarantee"),
        (r"must (make one available|offer a (sheltered work )?place)", "a place as a guarantee"),
        (r"only a place next year", "a place next year as a guarantee"),
        (r"a lot of (help|support) and an adapted", "the criteria as 'and'"),
        (r"job with a lot of support\.\s*(You work in a place|Your work is adjusted)", "the criteria as 'and'"),
        (r"from (the )?age (of )?16", "an age limit of 16 as law"),
        (r"advice comes faster", "'the advice goes faster' (unsourced)"),
        (r"people starting out|who start anew", "'for people who start anew' (unsourced)"),
        (r"new request is possible after 12 months", "asking again within 12 months as not allowed"),
    ],
}


def content_texts(lang):
    root = CONTENT / lang
    for path in sorted(root.rglob("*.yaml")):
        name = path.relative_to(root).as_posix()
        if name not in ELSEWHERE:
            yield name, path.read_text(encoding="utf-8")


def templates():
    for path in sorted((ROOT / "app" / "templates").rglob("*.html")):
        yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")


def load(lang, name):
    return yaml.safe_load((CONTENT / lang / name).read_text(encoding="utf-8"))


def flat(value) -> str:
    """Every string in a content file, joined; YAML line breaks as spaces."""
    if isinstance(value, dict):
        return " ".join(flat(v) for v in value.values())
    if isinstance(value, list):
        return " ".join(flat(v) for v in value)
    return re.sub(r"\s+", " ", str(value))


@pytest.mark.parametrize("lang", LANGS)
def test_no_known_overstatement_in_the_content_files(lang):
    found = []
    for name, text in content_texts(lang):
        words = flat(yaml.safe_load(text))
        for pattern, why in OVERSTATEMENTS[lang]:
            if re.search(pattern, words, re.IGNORECASE):
                found.append(f"{lang}/{name}: {why} ({pattern})")
    assert not found, "\n".join(found)


def test_no_known_overstatement_in_the_templates():
    found = []
    for name, text in templates():
        for pattern, why in OVERSTATEMENTS["nl"]:
            if re.search(pattern, re.sub(r"\s+", " ", text), re.IGNORECASE):
                found.append(f"{name}: {why}")
    assert not found, "\n".join(found)


def test_the_patterns_catch_the_old_wording():
    old = {
        "nl": ["Is er dit jaar geen plek? Dan moet er volgend jaar een plek zijn.",
               "Na een positief advies beschut werk moet de gemeente een plek aanbieden.",
               "Beschut werk is een baan met veel hulp en een aangepaste plek.",
               "Beschut werk is een baan met veel hulp. Je werk wordt aangepast, zodat het past.",
               "Met een Wsw-indicatie hoeft UWV soms niet opnieuw te kijken. Dan gaat het advies sneller."],
        "en": ["If there is no place this year, there must be one next year.",
               "After a positive advies beschut werk the municipality must offer a place.",
               "If there is no place this year, the municipality must make one available the next year."],
    }
    for lang, sentences in old.items():
        for sentence in sentences:
            assert any(re.search(p, sentence, re.IGNORECASE) for p, _ in OVERSTATEMENTS[lang]), sentence


@pytest.mark.parametrize("lang", LANGS)
def test_arbeidsvermogen_in_the_word_list_gives_all_4_criteria(lang):
    word = next(w for w in load(lang, "woordenlijst.yaml")["words"] if w["id"] == "arbeidsvermogen")
    text = word["text"].lower()
    expected = (["taak", "afspraken", "1 uur", "4 uur"] if lang == "nl"
                else ["task", "agreements", "1 hour", "4 hours"])
    for part in expected:
        assert part in text, f"{lang}: arbeidsvermogen misses {part!r}"


@pytest.mark.parametrize(("lang", "words"), [
    ("nl", ["1 van de 2 is genoeg", "uitkering van UWV hebt, zoals Wajong"]),
    ("en", ["1 of the 2 is enough", "benefit from UWV, such as Wajong"]),
])
def test_the_target_group_page_says_one_criterion_is_enough_and_uwv_benefits_count(lang, words):
    text = flat(load(lang, "voor-jou/wat-is-beschut-werk.yaml"))
    for part in words:
        assert part in text, f"{lang}/voor-jou/wat-is-beschut-werk: {part!r}"


@pytest.mark.parametrize(("lang", "word"), [("nl", "Wajong"), ("en", "Wajong")])
def test_every_target_group_sheet_and_page_names_uwv_benefits(lang, word):
    for name in ["voor-jou/wat-is-beschut-werk.yaml", "voor-jou/is-het-iets-voor-mij.yaml",
                 "voor-jou/samenvatting.yaml", "informatiebladen/beschut-werk-makkelijk.yaml",
                 "informatiebladen/mentoren-pro-vso.yaml", "informatiebladen/verschillen.yaml"]:
        assert word in flat(load(lang, name)), f"{lang}/{name} does not say UWV benefits count"


@pytest.mark.parametrize(("lang", "phrase"), [("nl", "nu en in de toekomst"), ("en", "now and in the future")])
def test_wajong_is_described_as_now_and_in_the_future(lang, phrase):
    assert phrase in flat(load(lang, "professionals/vergelijking.yaml"))


PROFESSIONAL_FACTS = {
    "nl": [
        ("professionals/procedure.yaml", "14 weken", "the 8 against 14 weeks conflict"),
        ("professionals/procedure.yaml", "na ontvangst van de aanvraag", "the 8 weeks from UWV's receipt"),
        ("professionals/procedure.yaml", "niet gegarandeerd", "a place is no guarantee"),
        ("professionals/procedure.yaml", "beschut werk voor dagbesteding", "beschut werk before dagbesteding"),
        ("professionals/procedure.yaml", "6 weken", "the six-week bezwaar term"),
        ("professionals/bezwaar.yaml", "6 weken", "the six-week bezwaar term"),
        ("professionals/bezwaar.yaml", "Tussenevaluatie", "the 2018 Tussenevaluatie"),
        ("professionals/criteria.yaml", "Tussenevaluatie", "the 2018 Tussenevaluatie"),
        ("professionals/vergelijking.yaml", "beschut werk voor dagbesteding", "beschut werk before dagbesteding"),
        ("professionals/wettelijk-kader.yaml", "vervalt als dat aantal is bereikt", "art. 10b lid 4-6"),
    ],
    "en": [
        ("professionals/procedure.yaml", "14 weeks", "the 8 against 14 weeks conflict"),
        ("professionals/procedure.yaml", "of receiving the request", "the 8 weeks from UWV's receipt"),
        ("professionals/procedure.yaml", "not guaranteed", "a place is no guarantee"),
        ("professionals/procedure.yaml", "precedence over day activities", "beschut werk before dagbesteding"),
        ("professionals/procedure.yaml", "6 weeks", "the six-week bezwaar term"),
        ("professionals/bezwaar.yaml", "6 weeks", "the six-week bezwaar term"),
        ("professionals/bezwaar.yaml", "Tussenevaluatie", "the 2018 Tussenevaluatie"),
        ("professionals/criteria.yaml", "Tussenevaluatie", "the 2018 Tussenevaluatie"),
        ("professionals/vergelijking.yaml", "precedence over day activities", "beschut werk before dagbesteding"),
        ("professionals/wettelijk-kader.yaml", "lapses once that number is reached", "art. 10b lid 4-6"),
    ],
}


@pytest.mark.parametrize("lang", LANGS)
def test_the_professional_pages_say_what_was_missing(lang):
    for name, phrase, what in PROFESSIONAL_FACTS[lang]:
        assert phrase in flat(load(lang, name)), f"{lang}/{name} does not give {what} ({phrase!r})"


def test_the_home_page_gives_the_criteria_as_or(client):
    html = client.get("/").get_data(as_text=True)
    assert "Een van de twee is genoeg" in html
    assert "One of the two is enough" in client.get("/en/").get_data(as_text=True)


def test_the_elsewhere_files_exist():
    # The exceptions name real files: a renamed file must not slip out of the check unnoticed.
    for lang in LANGS:
        for name in ELSEWHERE:
            assert Path(CONTENT / lang / name).exists(), name
