"""axe-core on the pages of issue 13 in both languages: the resume form (empty, with an error,
asking before it replaces other answers), the note after an older code, and the code block."""

import pytest

from app.selfcheck import resume_code
from app.selfcheck.resume_code import Layout, encode, write
from tests.browser.conftest import assert_no_axe_violations, give_session
from tests.selfcheck.cases import case_for_outcome

pytestmark = pytest.mark.browser
PREFIX = {"nl": "", "en": "/en"}


def with_answers(page, live_app, live_server, answers):
    give_session(page, live_app, live_server, {"selfcheck": {"answers": answers}})


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_axe_on_the_resume_form_its_error_and_its_question(live_app, live_server, page, lang):
    base = f"{live_server}{PREFIX[lang]}"
    page.goto(f"{base}/zelftest/verder")
    assert_no_axe_violations(page, "resume form")
    page.fill("input[name=code]", "ABCD-EFGH-JKMN")
    with page.expect_navigation():
        page.click("form[data-action=resume] button")
    assert page.title().startswith("Fout: " if lang == "nl" else "Error: ")
    assert page.evaluate("document.activeElement.className") == "error-summary"
    assert page.input_value("input[name=code]") == "ABCD-EFGH-JKMN"
    assert_no_axe_violations(page, "resume form with an error")
    # Another code while this browser holds other answers: asked first.
    answers = case_for_outcome("regular_work")["answers"]
    with_answers(page, live_app, live_server, answers)
    page.goto(f"{base}/zelftest/verder?code={encode(case_for_outcome('beschut_werk_likely')['answers'])}")
    assert page.query_selector("form[data-action=resume]")
    assert_no_axe_violations(page, "resume form asking before replacing")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_axe_on_the_note_after_an_older_code(live_server, page, lang, monkeypatch):
    current = resume_code.VERSIONS[resume_code.CURRENT]
    older = resume_code.CURRENT + 1
    monkeypatch.setitem(resume_code.VERSIONS, older, Layout("2020-01-01", tuple(
        (q, ("praktijkonderwijs",) if q == "school_type" else options) for q, options in current.questions)))
    answers = {**case_for_outcome("beschut_werk_likely")["answers"], "situation": "school",
               "school_type": "praktijkonderwijs"}
    page.goto(f"{live_server}{PREFIX[lang]}/zelftest/verder")
    page.fill("input[name=code]", write(older, answers))
    with page.expect_navigation():
        page.click("form[data-action=resume] button")
    assert page.query_selector("main a.button")
    assert_no_axe_violations(page, "note after an older code")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_axe_on_the_code_block_and_its_qr_link_is_a_large_target(live_app, live_server, page, lang):
    with_answers(page, live_app, live_server, case_for_outcome("uncertain")["answers"])
    for path in ("/zelftest/controleren", "/zelftest/uitslag", "/zelftest/uitslag/afdrukken"):
        page.goto(f"{live_server}{PREFIX[lang]}{path}")
        assert page.query_selector("[data-resume-code]"), path
        assert_no_axe_violations(page, path)
        box = page.locator("[data-resume-link]").bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, box
    # The link restores in this browser too (same answers: straight to check-answers).
    page.click("[data-resume-link]")
    assert page.url.endswith(f"{PREFIX[lang]}/zelftest/controleren")
