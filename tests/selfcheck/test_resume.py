"""Continue later: the code and QR link on the pages, /zelftest/verder, and resuming elsewhere."""

from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.selfcheck import resume_code, router
from app.selfcheck.resume_code import ALPHABET, Layout, encode, write
from tests.selfcheck.cases import case_for_outcome
from tests.selfcheck.journey import csrf_of, find, outcome_of, page_of, walk
from tests.support.html import text_of

WRONG = {
    "nl": "Deze code klopt niet. Kijk of je een letter verkeerd hebt overgenomen.",
    "en": "This code is not right. Check whether you copied a letter wrongly.",
}


def prefix(lang: str) -> str:
    return "/en" if lang == "en" else ""


def shown_code(root) -> str:
    element = find(root, "strong", data_resume_code="")
    assert element is not None, "no element with data-resume-code"
    return text_of(element)


def resume_link(root) -> str:
    link = next((a for a in root.iter("a") if a.get("data-resume-link") is not None), None)
    assert link is not None, "no link with data-resume-link"
    return link.get("href")


def summary_rows(root) -> list[tuple[str, str]]:
    rows = []
    for row in root.iter("div"):
        if row.get("class") == "summary-list__row":
            terms = [text_of(e) for e in row if e.tag in ("dt", "dd")]
            rows.append((terms[0], terms[1]))
    return rows


def send_code(client, typed: str, lang: str = "nl"):
    response = client.get(f"{prefix(lang)}/zelftest/verder")
    assert response.status_code == 200
    form = find(page_of(response), "form", data_action="resume")
    assert form is not None and find(form, "input", name="code") is not None
    return client.post(form.get("action"), data={"csrf_token": csrf_of(form), "code": typed})


def local(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def confirm(client, lang: str = "nl"):
    page = page_of(client.get(f"{prefix(lang)}/zelftest/controleren"))
    form = find(page, "form", data_action="confirm")
    posted = client.post(form.get("action"), data={"csrf_token": csrf_of(form)})
    assert posted.status_code == 302
    return page_of(client.get(local(posted.headers["Location"])))


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("outcome", ["beschut_werk_likely", "wait_12_months", "uncertain"])
def test_a_code_typed_in_a_fresh_browser_gives_the_same_answers_and_outcome(app, outcome, lang):
    answers = case_for_outcome(outcome)["answers"]
    first = walk(app.test_client(), answers, lang, confirm=False)
    code = shown_code(first.check_answers)
    assert len(code.replace("-", "")) <= 16 and [len(p) for p in code.split("-")] == [4, 4, 4]
    fresh = app.test_client()
    posted = send_code(fresh, code.lower().replace("-", " "), lang)
    assert posted.status_code == 303
    assert local(posted.headers["Location"]) == f"{prefix(lang)}/zelftest/controleren"
    again = page_of(fresh.get(f"{prefix(lang)}/zelftest/controleren"))
    assert summary_rows(again) == summary_rows(first.check_answers) != []
    assert shown_code(again) == code
    assert outcome_of(confirm(fresh, lang)) == outcome


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_qr_link_restores_like_the_form(app, lang):
    answers = case_for_outcome("banenafspraak_likely")["answers"]
    first = walk(app.test_client(), answers, lang)
    link = resume_link(first.result)
    assert link.startswith("http://localhost/")  # absolute: it leaves the screen on a QR code
    assert urlsplit(link).path == f"{prefix(lang)}/zelftest/verder"
    html = first.result_response.get_data(as_text=True)
    assert "<svg" in html and "resume-qr__image" in html  # the QR code, made on the server
    fresh = app.test_client()
    opened = fresh.get(local(link))
    assert opened.status_code == 303
    assert local(opened.headers["Location"]) == f"{prefix(lang)}/zelftest/controleren"
    assert summary_rows(page_of(fresh.get(f"{prefix(lang)}/zelftest/controleren"))) == summary_rows(
        walk(app.test_client(), answers, lang, confirm=False).check_answers)
    assert outcome_of(confirm(fresh, lang)) == "banenafspraak_likely"
    # The link holds the same code that the page shows.
    assert resume_code.normalise(shown_code(first.result)) == urlsplit(link).query.split("=", 1)[1]


def test_the_printed_result_shows_the_code_as_text_and_the_qr_code(client):
    walk(client, case_for_outcome("regular_work")["answers"])
    response = client.get("/zelftest/uitslag/afdrukken")
    root = page_of(response)
    code = shown_code(root)
    assert resume_code.decode(code).complete
    assert resume_link(root).endswith(resume_code.normalise(code))
    assert "localhost/zelftest/verder" in text_of(root.find(".//main"))  # where to type it in


def test_an_unfinished_check_resumes_at_the_next_question(client):
    code = encode({"role": "helper", "age": "16_or_older", "situation": "none"})
    posted = send_code(client, code)
    assert posted.status_code == 303
    assert local(posted.headers["Location"]) == "/zelftest/vraag/previous_advice"
    assert client.get("/zelftest/vraag/previous_advice").status_code == 200


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_mistyped_code_is_refused_with_the_message_and_kept(app, lang):
    code = encode(case_for_outcome("beschut_werk_likely")["answers"])
    client = app.test_client()
    for position in range(len(code)):
        symbol = ALPHABET[(ALPHABET.index(code[position]) + 1 + position) % len(ALPHABET)]
        typed = resume_code.grouped(code[:position] + symbol + code[position + 1 :])
        response = send_code(client, typed, lang)
        assert response.status_code == 400
        root = page_of(response)
        assert text_of(root.find(".//title")).startswith("Fout:" if lang == "nl" else "Error:")
        assert WRONG[lang] in text_of(root)
        assert find(root, "input", name="code").get("value") == typed
        assert find(root, "input", name="code").get("aria-invalid") == "true"
    # Nothing was taken as answers.
    assert client.get(f"{prefix(lang)}/zelftest/controleren").status_code == 302
    assert router.on_path_answers({}) == {}


def test_an_empty_code_asks_for_the_code(client):
    response = send_code(client, "  ")
    assert response.status_code == 400
    assert "Typ de code in." in response.get_data(as_text=True)


def test_a_mistyped_link_shows_the_form_with_the_message(client):
    code = encode(case_for_outcome("beschut_werk_likely")["answers"])
    broken = code[:-1] + ("2" if code[-1] != "2" else "3")
    response = client.get(f"/zelftest/verder?code={broken}")
    assert response.status_code == 400
    root = page_of(response)
    assert WRONG["nl"] in text_of(root)
    assert find(root, "input", name="code").get("value") == broken


def test_a_link_never_replaces_other_answers_without_asking(client):
    walk(client, case_for_outcome("regular_work")["answers"], confirm=False)
    before = summary_rows(page_of(client.get("/zelftest/controleren")))
    other = encode(case_for_outcome("beschut_werk_likely")["answers"])
    response = client.get(f"/zelftest/verder?code={other}")
    assert response.status_code == 200
    root = page_of(response)
    form = find(root, "form", data_action="resume")
    assert resume_code.normalise(find(form, "input", name="code").get("value")) == other
    assert summary_rows(page_of(client.get("/zelftest/controleren"))) == before
    posted = client.post(form.get("action"), data={"csrf_token": csrf_of(form), "code": other})
    assert posted.status_code == 303
    assert summary_rows(page_of(client.get("/zelftest/controleren"))) != before


def test_a_bad_token_keeps_the_typed_code(client):
    response = client.post("/zelftest/verder", data={"code": "ABCD-EFGH-JKMN", "csrf_token": "vervalst"})
    assert response.status_code == 400
    root = page_of(response)
    assert find(root, "input", name="code").get("value") == "ABCD-EFGH-JKMN"
    assert "nog niet" in text_of(root)


def test_a_code_of_an_older_version_says_so_and_leads_to_the_open_question(client, monkeypatch):
    current = resume_code.VERSIONS[resume_code.CURRENT]
    older_questions = tuple(
        (q, ("praktijkonderwijs", "vso") if q == "school_type" else options) for q, options in current.questions
    )
    older = resume_code.CURRENT + 1
    monkeypatch.setitem(resume_code.VERSIONS, older, Layout("2020-01-01", older_questions))
    answers = {**case_for_outcome("beschut_werk_likely")["answers"], "situation": "school",
               "school_type": "praktijkonderwijs"}
    response = send_code(client, write(older, answers))
    assert response.status_code == 200
    root = page_of(response)
    assert "veranderd" in text_of(root.find(".//main"))
    link = find(root, "a", href="/zelftest/vraag/school_type")
    assert link is not None
    assert client.get("/zelftest/vraag/school_type").status_code == 200


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=st.one_of(st.text(max_size=300), st.text(alphabet=ALPHABET + " -abc01OIL", max_size=20)))
def test_random_input_to_the_form_and_the_link_never_gives_a_500(client, typed):
    response = client.get("/zelftest/verder", query_string={"code": typed})
    assert response.status_code in (200, 303, 400)
    page = page_of(client.get("/zelftest/verder"))
    form = find(page, "form", data_action="resume")
    posted = client.post("/zelftest/verder", data={"csrf_token": csrf_of(form), "code": typed})
    assert posted.status_code in (200, 303, 400)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_start_page_leads_to_the_resume_form(client, lang):
    link = find(page_of(client.get(f"{prefix(lang)}/zelftest")), "a", data_action="resume-start")
    assert link is not None and link.get("href") == f"{prefix(lang)}/zelftest/verder"
