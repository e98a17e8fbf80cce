"""The router: previous step, can-access, where "Ga verder" and a Change lead, "Vraag N"."""

from app.selfcheck import router
from app.selfcheck.rules import IncompleteAnswers, evaluate
from app.selfcheck.walk import Walk
from tests.selfcheck.cases import PRO_PUPIL

# The wsw_indication answer is kept, but off the path of a pro pupil.
SCHOOL = {**PRO_PUPIL, "wsw_indication": "no"}


def test_previous_step_follows_the_path_and_the_first_question_has_none():
    assert router.previous_step("role", SCHOOL) is None
    assert router.previous_step("school_type", SCHOOL) == "situation"
    assert router.previous_step("previous_advice", SCHOOL) == "school_type"
    without_school = {**SCHOOL, "situation": "none"}
    assert router.previous_step("previous_advice", without_school) == "situation"


def test_a_later_question_cannot_be_opened_before_the_earlier_ones_are_answered():
    answers = {"role": "self"}
    assert router.can_access("role", answers)
    assert router.can_access("age", answers)
    assert not router.can_access("situation", answers)
    assert not router.can_access("needs_supervision", answers)


def test_a_question_off_the_path_cannot_be_opened():
    assert not router.can_access("school_type", {**SCHOOL, "situation": "none"})
    assert not router.can_access("earn_minimum_wage", SCHOOL)


def test_going_on_leads_to_the_next_question_and_after_the_last_to_check_answers():
    assert router.after_answer("situation", SCHOOL) == "school_type"
    assert router.after_answer("regular_employer_possible", SCHOOL) == router.CHECK_ANSWERS


def test_a_change_that_keeps_later_answers_valid_returns_to_check_answers():
    changed = {**SCHOOL, "needs_guidance": "yes"}
    assert router.after_answer("needs_guidance", changed, changing=True) == router.CHECK_ANSWERS


def test_a_change_that_needs_a_new_answer_leads_to_the_first_missing_question():
    changed = {**SCHOOL, "previous_advice": "negative"}
    assert router.after_answer("previous_advice", changed, changing=True) == "new_facts"
    changed = {**changed, "new_facts": "yes"}
    assert router.after_answer("new_facts", changed, changing=True) == router.CHECK_ANSWERS
    needs_all_no = {**SCHOOL, "needs_supervision": "no", "needs_adaptations": "no"}
    assert router.after_answer("needs_adaptations", needs_all_no, changing=True) == "earn_minimum_wage"


def test_a_change_back_restores_the_kept_answer():
    changed = {**SCHOOL, "situation": "none"}
    assert "school_type" not in router.path(changed)
    assert router.is_complete(changed)
    back = {**changed, "situation": "school"}
    assert router.path(back) == router.path(SCHOOL)
    assert router.after_answer("situation", back, changing=True) == router.CHECK_ANSWERS


def test_going_on_after_going_back_walks_the_path_in_order():
    # A person who went back to question 2 and presses "Ga verder" sees question 3 again.
    assert router.after_answer("age", SCHOOL) == "situation"


def test_question_numbers_count_the_current_path():
    assert router.number("role", {}) == 1
    assert router.number("school_type", SCHOOL) == 4
    assert router.number("age", {"role": "self", "age": "under_16"}) == 2
    # A pro pupil is not asked about a Wsw-indicatie: the work questions come right after the advice.
    assert router.number("can_do_task", SCHOOL) == 6
    assert router.number("work_four_hours", {**SCHOOL, "can_do_task": "no"}) == 9
    assert router.number("can_do_task", {**SCHOOL, "situation": "none"}) == 6


def test_pro_and_vso_pupils_are_not_asked_about_a_wsw_indication():
    for school in ("pro", "vso"):
        answers = {**SCHOOL, "school_type": school}
        assert "wsw_indication" not in router.path(answers)
        assert router.after_answer("previous_advice", answers) == "can_do_task"
        after_new_facts = {**answers, "previous_advice": "negative", "new_facts": "dont_know"}
        assert "wsw_indication" not in router.path(after_new_facts)
        assert router.after_answer("new_facts", after_new_facts) == "can_do_task"
    for school in ("entree", "other", "dont_know"):
        answers = {**SCHOOL, "school_type": school}
        assert router.after_answer("previous_advice", answers) == "wsw_indication"
    assert router.after_answer("previous_advice", {**SCHOOL, "situation": "none"}) == "wsw_indication"


def test_the_parts_of_the_check_are_fixed():
    walk = Walk.of(SCHOOL)
    assert walk.part("role") == (1, 4)
    assert walk.part("school_type") == (2, 4)
    assert walk.part("work_one_hour") == (3, 4)
    assert walk.part("regular_employer_possible") == (4, 4)


def test_an_invalid_stored_value_counts_as_missing_and_never_defaults():
    answers = {**SCHOOL, "needs_guidance": "perhaps"}
    assert router.next_question(answers) == "needs_guidance"
    try:
        evaluate(answers)
    except IncompleteAnswers as error:
        assert error.next_question == "needs_guidance"
    else:
        raise AssertionError("an invalid answer must not be evaluated")
