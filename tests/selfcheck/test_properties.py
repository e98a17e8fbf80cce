"""Property-based tests (hypothesis) of the rules, the router and the JSON API."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.selfcheck import router
from app.selfcheck.questionnaire import BY_ID, ORDER, OUTCOMES, QUESTIONS, SECTIONS
from app.selfcheck.rules import IncompleteAnswers, evaluate
from app.selfcheck.walk import Walk

answer_sets = st.fixed_dictionaries(
    {},
    optional={q.id: st.sampled_from(q.options) for q in QUESTIONS},
)


@st.composite
def complete_walks(draw):
    """Answer the next question with any option until the check is complete."""
    answers = {}
    for _ in range(len(QUESTIONS) + 1):
        question_id = router.next_question(answers)
        if question_id is None:
            return answers
        answers[question_id] = draw(st.sampled_from(BY_ID[question_id].options))
    raise AssertionError("the check did not end")


@given(answer_sets)
def test_the_path_is_in_question_order_and_ends_at_the_next_question(answers):
    path = router.path(answers)
    assert path == sorted(path, key=ORDER.index)
    assert path[0] == "role"
    missing = router.next_question(answers)
    if missing is not None:
        assert path[-1] == missing
        assert missing not in answers
    assert all(router.can_access(q, answers) for q in path)


@given(answer_sets)
def test_evaluate_gives_an_outcome_with_reasons_or_refuses_when_incomplete(answers):
    if router.is_complete(answers):
        outcome = evaluate(answers)
        assert outcome.code in OUTCOMES
        assert outcome.reasons
        counted = router.on_path_answers(answers)
        for reason in outcome.reasons:
            assert counted[reason.question] == reason.answer
    else:
        try:
            evaluate(answers)
        except IncompleteAnswers as error:
            assert error.next_question == router.next_question(answers)
        else:
            raise AssertionError("an incomplete check must not give an outcome")


@given(complete_walks())
def test_every_walk_ends_with_an_outcome_and_off_path_answers_never_change_it(answers):
    outcome = evaluate(answers)
    assert outcome.code in OUTCOMES
    extra = {q.id: q.options[0] for q in QUESTIONS if q.id not in answers}
    assert evaluate({**answers, **extra}) == outcome
    assert router.path({**answers, **extra}) == router.path(answers)


@given(complete_walks(), st.data())
def test_going_on_never_skips_a_question_and_a_change_lands_on_the_path(answers, data):
    path = router.path(answers)
    for index, question_id in enumerate(path):
        expected = path[index + 1] if index + 1 < len(path) else router.CHECK_ANSWERS
        assert router.after_answer(question_id, answers) == expected
        assert router.previous_step(question_id, answers) == (path[index - 1] if index else None)
    question_id = data.draw(st.sampled_from(path))
    changed = {**answers, question_id: data.draw(st.sampled_from(BY_ID[question_id].options))}
    target = router.after_answer(question_id, changed, changing=True)
    if target == router.CHECK_ANSWERS:
        assert router.is_complete(changed)
    else:
        assert target == router.next_question(changed)
        assert target in router.path(changed)


@given(answer_sets)
def test_question_numbers_are_within_the_path(answers):
    for index, question_id in enumerate(router.path(answers), start=1):
        number = router.number(question_id, answers)
        assert 1 <= number == index <= len(QUESTIONS)


@given(complete_walks())
def test_the_parts_shown_never_change_their_total_and_never_go_back_during_a_walk(answers):
    """"Deel N van 4": the total is the same on every page of a walk, the part only goes up."""
    walk = Walk.of(answers)
    parts = [walk.part(question_id) for question_id in walk.path]
    assert {total for _part, total in parts} == {len(SECTIONS)}
    numbers = [part for part, _total in parts]
    assert numbers == sorted(numbers) and numbers[0] == 1


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=20), children, max_size=4),
    max_leaves=20,
)
maybe_valid_answers = st.dictionaries(
    st.sampled_from(ORDER) | st.text(max_size=20),
    st.sampled_from(sorted({o for q in QUESTIONS for o in q.options})) | json_values,
    max_size=8,
)
API_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@API_SETTINGS
@given(body=json_values | st.fixed_dictionaries({"answers": json_values}))
def test_any_json_body_gets_200_or_a_clear_422_never_a_500(client, body):
    response = client.post("/api/v1/selfcheck/evaluate", data=json.dumps(body), content_type="application/json")
    assert response.status_code in (200, 422)
    payload = response.get_json()
    if response.status_code == 422:
        assert payload["errors"] and all(e["message"] for e in payload["errors"])


@API_SETTINGS
@given(raw=st.binary(max_size=200) | st.text(max_size=200).map(lambda t: t.encode("utf-8")))
def test_any_bytes_get_an_answer_never_a_500(client, raw):
    response = client.post("/api/v1/selfcheck/evaluate", data=raw, content_type="application/json")
    assert response.status_code in (200, 400, 422)
    assert response.get_json()["errors" if response.status_code != 200 else "path"]


@API_SETTINGS
@given(answers=maybe_valid_answers)
def test_invalid_answers_are_each_named_and_valid_ones_are_evaluated(client, answers):
    response = client.post("/api/v1/selfcheck/evaluate", json={"answers": answers})
    invalid = {k for k, v in answers.items() if k not in BY_ID or not isinstance(v, str) or v not in BY_ID[k].options}
    if invalid:
        assert response.status_code == 422
        assert {e["question"] for e in response.get_json()["errors"]} == invalid
    else:
        assert response.status_code == 200
        body = response.get_json()
        assert body["complete"] is router.is_complete(answers)
        assert body["path"] == router.path(answers)


def test_deeply_nested_json_is_refused_cleanly(client):
    body = "[" * 100_000 + "]" * 100_000
    response = client.post("/api/v1/selfcheck/evaluate", data=body, content_type="application/json")
    assert response.status_code in (400, 413, 422)
    assert json.loads(response.get_data())["errors"]
