"""Every question page of the self-check, in both roles and languages, has its pictogram beside the
question and the Ja / Nee / Ik weet het niet pictograms on those answers, hidden from screen readers
with the text beside them, and a "Lees voor" button that starts hidden (issue 16)."""

import re

import pytest

from app.easy_read import mapping, selfcheck_pictogram
from app.selfcheck import session_store
from app.selfcheck.questionnaire import ORDER
from tests.selfcheck.cases import COMPLETE_CASES
from tests.support.html import parse, text_of

LANGS = ["nl", "en"]
ROLES = ["self", "helper"]


def prefix(lang):
    return "/en" if lang == "en" else ""


def with_answers(client, answers):
    with client.session_transaction() as session:
        session[session_store.KEY] = {"answers": dict(answers)}


def walks(role):
    """Complete answer sets (from the readable case files) with the role set, covering every question."""
    for _name, case in COMPLETE_CASES:
        yield {**case["answers"], "role": role}, case["expected"]["path"]


def assert_hidden_pictogram(image, name, beside):
    assert image is not None, f"no pictogram beside {beside!r}"
    assert image.get("data-pictogram") == name
    assert image.get("alt") == "" and image.get("aria-hidden") == "true"
    assert re.search(rf"/static/img/pictograms/{name}\.[0-9a-f]{{12}}\.svg$", image.get("src"))
    assert beside.strip(), "a hidden pictogram needs a text beside it that says the same"


def assert_read_aloud(root, html):
    holder = root.find(".//div[@data-read-aloud]")
    assert holder is not None and holder.get("hidden") is not None, "the button starts hidden"
    assert text_of(holder.find(".//button")) in ("Lees voor", "Read aloud")
    assert re.search(r"/static/js/read-aloud\.[0-9a-f]{12}\.js", html)
    return holder.get("data-read-aloud-source")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("role", ROLES)
def test_every_question_page_has_its_pictograms_and_read_aloud(client, lang, role):
    seen = set()
    for answers, path in walks(role):
        with_answers(client, answers)
        for question_id in path:
            if question_id in seen:
                continue
            response = client.get(f"{prefix(lang)}/zelftest/vraag/{question_id}")
            if response.status_code != 200:  # the role changes the path: not every question is on it
                continue
            seen.add(question_id)
            html = response.get_data(as_text=True)
            root = parse(html)
            legend = root.find(".//form[@class='question-form']//legend")
            assert_hidden_pictogram(legend.find("./img"), selfcheck_pictogram("questions", question_id),
                                    text_of(legend.find("./h1")))
            for radio in root.findall(".//input[@type='radio']"):
                label = root.find(f".//label[@for='{radio.get('id')}']")
                name = selfcheck_pictogram("answers", radio.get("value"))
                if name:
                    assert_hidden_pictogram(label.find("./img"), name, text_of(label))
                else:
                    assert label.find("./img") is None
            assert assert_read_aloud(root, html) == ".question-form fieldset"
    assert seen == set(ORDER), f"not reached: {set(ORDER) - seen}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_same_answer_pictograms_on_the_check_answers_page(client, lang):
    answers, _path = max(walks("self"), key=lambda walk: len(walk[1]))
    with_answers(client, answers)
    root = parse(client.get(f"{prefix(lang)}/zelftest/controleren").get_data(as_text=True))
    shown = 0
    for row in root.findall(".//div[@class='summary-list__row']"):
        answer = row.findall("./dd")[0]
        image = answer.find("./img")
        if image is not None:
            assert image.get("data-pictogram") in {"ja", "nee", "weet-niet"}
            assert_hidden_pictogram(image, image.get("data-pictogram"), text_of(answer))
            shown += 1
    assert shown >= 5


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("role", ROLES)
def test_every_result_page_has_a_pictogram_in_each_part_and_read_aloud(client, lang, role):
    outcomes = set()
    for answers, _path in walks(role):
        with_answers(client, answers)
        response = client.get(f"{prefix(lang)}/zelftest/uitslag")
        if response.status_code != 200:
            continue
        html = response.get_data(as_text=True)
        root = parse(html)
        outcomes.add(root.find(".//main").get("data-outcome"))
        source = assert_read_aloud(root, html)
        result = root.find(".//main//div[@data-read-aloud-text]")
        assert root.find(f".//main//a[@href='{prefix(lang)}/voor-jou/na-je-vraag']") is not None
        assert source == "[data-read-aloud-text]" and result is not None
        heading = result.find(".//h1")
        assert_hidden_pictogram(heading.find("./img"), selfcheck_pictogram("result_parts", "title"), text_of(heading))
        take_along = [h for h in root.findall(".//main/h2") if h.find("./img") is not None]
        assert [h.find("./img").get("data-pictogram") for h in take_along] == [
            selfcheck_pictogram("result_parts", "take-along")]
        parts = result.findall(".//h2") + take_along
        assert len(parts) >= 5
        for h2 in parts:
            image = h2.find("./img")
            assert image is not None, f"no pictogram in the part {text_of(h2)!r}"
            assert image.get("data-pictogram") in set(mapping()["result_parts"].values())
            assert_hidden_pictogram(image, image.get("data-pictogram"), text_of(h2))
    assert len(outcomes) >= 8, outcomes
