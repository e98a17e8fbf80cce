"""Issue 14.8: no question page has an empty aria-describedby (an error in the Nu HTML Checker)."""

import re

from app.selfcheck.questionnaire import QUESTIONS

ANSWERS = {"role": "self", "age": "16_or_older", "situation": "school", "school_type": "pro",
           "previous_advice": "no", "wsw_indication": "no", "can_do_task": "yes", "basic_work_skills": "yes",
           "work_one_hour": "yes", "work_four_hours": "yes", "needs_supervision": "yes", "needs_guidance": "no",
           "needs_adaptations": "yes", "regular_employer_possible": "no"}


def test_no_question_page_has_an_empty_aria_describedby(client):
    with client.session_transaction() as session:
        session["selfcheck"] = {"answers": ANSWERS}
    seen = 0
    for question in QUESTIONS:
        for prefix in ("", "/en"):
            response = client.get(f"{prefix}/zelftest/vraag/{question.id}")
            if response.status_code != 200:
                continue
            html = response.get_data(as_text=True)
            seen += 1
            assert not re.search(r'aria-describedby="\s*"', html), question.id
            for ids in re.findall(r'aria-describedby="([^"]*)"', html):
                for target in ids.split():
                    assert f'id="{target}"' in html, (question.id, target)
    assert seen >= 20
