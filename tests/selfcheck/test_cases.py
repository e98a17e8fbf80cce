"""Every case file holds: through the rules, the router and the JSON API; together they cover everything."""

import pytest

from app.selfcheck import router
from app.selfcheck.questionnaire import OUTCOMES, QUESTIONS
from app.selfcheck.rules import RULES, IncompleteAnswers, evaluate
from tests.selfcheck.cases import CASES, COMPLETE_CASES

IDS = [name for name, _case in CASES]


@pytest.mark.parametrize("case", [case for _name, case in CASES], ids=IDS)
def test_case_through_the_rules_and_the_router(case):
    answers, expected = case["answers"], case["expected"]
    assert router.path(answers) == expected["path"]
    assert router.ignored_answers(answers) == expected.get("ignored", [])
    assert router.is_complete(answers) is expected["complete"]
    if not expected["complete"]:
        assert router.next_question(answers) == expected["next_question"]
        with pytest.raises(IncompleteAnswers) as raised:
            evaluate(answers)
        assert raised.value.next_question == expected["next_question"]
        return
    outcome = evaluate(answers)
    assert outcome.code == expected["outcome"]
    assert outcome.rule == expected["rule"]
    assert outcome.reason_codes == expected["reasons"]


@pytest.mark.parametrize("case", [case for _name, case in CASES], ids=IDS)
def test_case_through_the_api(client, case):
    response = client.post("/api/v1/selfcheck/evaluate", json={"answers": case["answers"]})
    assert response.status_code == 200
    body, expected = response.get_json(), case["expected"]
    assert body["complete"] is expected["complete"]
    assert body["path"] == expected["path"]
    assert body["ignored"] == expected.get("ignored", [])
    if expected["complete"]:
        assert body["outcome"]["code"] == expected["outcome"]
        assert [r["code"] for r in body["outcome"]["reasons"]] == expected["reasons"]
        assert all(r["text"] for r in body["outcome"]["reasons"])
    else:
        assert body["next_question"]["id"] == expected["next_question"]


def test_the_case_files_reach_every_outcome_and_every_rule():
    outcomes = {case["expected"]["outcome"] for _name, case in COMPLETE_CASES}
    rules = {case["expected"]["rule"] for _name, case in COMPLETE_CASES}
    assert outcomes == set(OUTCOMES)
    assert rules == {rule.number for rule in RULES}


def test_the_case_files_take_every_answer_of_every_question_on_the_path():
    """Every routing branch: each option of each question is given, on the path, by some case."""
    seen = set()
    for _name, case in CASES:
        for question_id, value in router.on_path_answers(case["answers"]).items():
            seen.add((question_id, value))
    missing = [(q.id, option) for q in QUESTIONS for option in q.options if (q.id, option) not in seen]
    assert not missing, f"no case file answers {missing}"


def test_the_case_files_stop_the_questions_where_the_spec_says():
    """Rules 1-6 end the questions at once; rule 7 after the fourth work-capacity question."""
    for name, case in COMPLETE_CASES:
        expected = case["expected"]
        if expected["rule"] <= 6:
            last = expected["path"][-1]
            assert last in {"age", "situation", "previous_advice", "new_facts", "wsw_supported_work"}, name
        if expected["rule"] == 7:
            assert expected["path"][-1] == "work_four_hours", name
