"""The resume code (app/selfcheck/resume_code.py): format, round trip, the check, old versions."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.selfcheck import resume_code, router
from app.selfcheck.questionnaire import BY_ID, QUESTIONS
from app.selfcheck.resume_code import ALPHABET, InvalidCode, Layout, decode, encode, grouped, normalise, write
from app.selfcheck.rules import evaluate
from tests.selfcheck.cases import PRO_PUPIL

EXAMPLE = PRO_PUPIL


def complete_example() -> dict:
    answers = dict(EXAMPLE)
    # Before issue 11's routing change wsw_indication is asked of PrO pupils too.
    if router.next_question(answers) == "wsw_indication":
        answers["wsw_indication"] = "no"
    assert router.is_complete(answers)
    return answers


@st.composite
def walks(draw, complete: bool = False):
    """Answers as a person gives them: the next question, any option, possibly stopping early."""
    answers = {}
    for _ in range(len(QUESTIONS) + 1):
        question_id = router.next_question(answers)
        if question_id is None or (not complete and draw(st.integers(0, 9)) == 0):
            return answers
        answers[question_id] = draw(st.sampled_from(BY_ID[question_id].options))
    raise AssertionError("the check did not end")


def test_the_alphabet_has_no_look_alikes_and_31_symbols():
    assert len(ALPHABET) == len(set(ALPHABET)) == 31
    assert not set("01OIL") & set(ALPHABET)
    assert ALPHABET.isupper()


def test_the_example_code_restores_its_answers_and_outcome():
    answers = complete_example()
    code = encode(answers)
    assert len(code) == 12 and set(code) <= set(ALPHABET)
    restored = decode(code)
    assert restored.answers == router.on_path_answers(answers)
    assert restored.complete and restored.dropped == ()
    assert restored.version == resume_code.CURRENT
    assert evaluate(restored.answers).code == evaluate(answers).code == "beschut_werk_likely"


@given(walks())
def test_every_walk_round_trips_in_at_most_16_symbols(answers):
    code = encode(answers)
    assert len(code) <= 16
    assert set(code) <= set(ALPHABET)
    restored = decode(code)
    assert restored.answers == router.on_path_answers(answers)
    assert restored.dropped == ()
    assert router.next_question(restored.answers) == router.next_question(answers)


@given(walks(complete=True))
def test_a_complete_walk_gives_the_same_outcome_after_resuming(answers):
    assert evaluate(decode(encode(answers)).answers) == evaluate(answers)


def test_answers_off_the_path_are_not_in_the_code():
    answers = complete_example()
    with_extra = {**answers, "earn_minimum_wage": "yes", "new_facts": "no"}
    assert encode(with_extra) == encode(answers)


def test_case_spaces_and_dashes_do_not_matter():
    code = encode(complete_example())
    shown = grouped(code)
    assert shown.count("-") == 2 and [len(part) for part in shown.split("-")] == [4, 4, 4]
    for typed in (shown, shown.lower(), f"  {code[:4]} {code[4:8]}  {code[8:]} ", code.lower().replace("", " "),
                  shown.replace("-", "\u2013"), f"{code[:6]}\t-{code[6:]}\n"):
        assert normalise(typed) == code
        assert decode(typed).answers == decode(code).answers


def test_every_one_symbol_change_of_the_example_is_refused():
    code = encode(complete_example())
    for position in range(len(code)):
        for symbol in ALPHABET:
            if symbol != code[position]:
                changed = code[:position] + symbol + code[position + 1 :]
                with pytest.raises(InvalidCode) as refused:
                    decode(changed)
                assert refused.value.reason == "check", changed


@given(walks(), st.data())
def test_every_one_symbol_change_is_refused_for_any_code(answers, data):
    code = encode(answers)
    position = data.draw(st.integers(0, len(code) - 1))
    symbol = data.draw(st.sampled_from([s for s in ALPHABET if s != code[position]]))
    with pytest.raises(InvalidCode):
        decode(code[:position] + symbol + code[position + 1 :])


@given(walks(), st.data())
def test_two_or_three_changed_symbols_are_refused_too(answers, data):
    code = list(encode(answers))
    positions = data.draw(st.sets(st.integers(0, len(code) - 1), min_size=2, max_size=3))
    for position in positions:
        code[position] = data.draw(st.sampled_from([s for s in ALPHABET if s != code[position]]))
    with pytest.raises(InvalidCode):
        decode("".join(code))


@given(walks(), st.data())
def test_two_swapped_symbols_are_refused(answers, data):
    code = list(encode(answers))
    first, second = data.draw(st.lists(st.integers(0, len(code) - 1), min_size=2, max_size=2, unique=True))
    if code[first] == code[second]:
        return
    code[first], code[second] = code[second], code[first]
    with pytest.raises(InvalidCode):
        decode("".join(code))


def test_a_missing_or_extra_symbol_is_refused():
    code = encode(complete_example())
    for position in range(len(code)):
        with pytest.raises(InvalidCode):
            decode(code[:position] + code[position + 1 :])
        with pytest.raises(InvalidCode):
            decode(code[:position] + "A" + code[position:])


@pytest.mark.parametrize("typed", ["", "   ", "--", "0000-0000-0000", "OOOO-IIII-LLLL", "ABCD", "x" * 10_000, "ü" * 12,
                                   "2222-2222-2222\x00", "ABCD EFGH JKMN PQRS"])
def test_text_that_is_no_code_is_refused(typed):
    with pytest.raises(InvalidCode):
        decode(typed)


@given(st.text(max_size=40))
def test_any_text_is_either_refused_or_gives_valid_answers(typed):
    try:
        restored = decode(typed)
    except InvalidCode:
        return
    assert all(BY_ID[q].options.count(v) == 1 for q, v in restored.answers.items())


def test_the_newest_layout_is_todays_questionnaire():
    """A new question or option needs a new entry in VERSIONS, or old codes would change meaning."""
    newest = resume_code.VERSIONS[resume_code.CURRENT]
    assert newest.questions == tuple((q.id, q.options) for q in QUESTIONS), (
        "the questionnaire changed: add a new Layout to resume_code.VERSIONS (never edit an old one)"
    )


def test_every_layout_fits_in_eight_symbols():
    for layout in resume_code.VERSIONS.values():
        assert layout.capacity <= len(ALPHABET) ** resume_code.ANSWER_SYMBOLS


def test_a_code_of_an_older_version_opens_and_drops_what_no_longer_fits(monkeypatch):
    """An older layout in which school_type had another option and a question that is gone."""
    current = resume_code.VERSIONS[resume_code.CURRENT]
    older_questions = tuple(
        (q, ("praktijkonderwijs", "vso") if q == "school_type" else options) for q, options in current.questions
    ) + (("old_question", ("yes", "no")),)
    older = resume_code.CURRENT + 1
    monkeypatch.setitem(resume_code.VERSIONS, older, Layout("2020-01-01", older_questions))
    answers = {**complete_example(), "school_type": "praktijkonderwijs", "old_question": "yes"}
    code = write(older, answers)
    restored = decode(code)
    assert restored.version == older and restored.rules_version == "2020-01-01"
    assert "school_type" not in restored.answers and "old_question" not in restored.answers
    assert set(restored.dropped) >= {"school_type", "old_question"}
    assert restored.answers["work_one_hour"] == "yes"  # what still fits is kept
    # The person is led to the first question that needs an answer: school type.
    assert router.next_question(restored.answers) == "school_type"
    restored.answers["school_type"] = "pro"
    assert router.is_complete(restored.answers)


def test_an_unknown_version_is_refused():
    answers = complete_example()
    code = encode(answers)
    assert decode(code)
    unknown = max(resume_code.VERSIONS) + 1
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(resume_code.VERSIONS, unknown, resume_code.VERSIONS[resume_code.CURRENT])
        forged = write(unknown, answers)
    with pytest.raises(InvalidCode) as refused:
        decode(forged)
    assert refused.value.reason == "version"


def test_the_newest_version_is_todays_rules_version():
    """A new rules version needs a new entry in VERSIONS, so that a code says which rules made it."""
    from app.selfcheck.rules import RULES_VERSION

    assert resume_code.VERSIONS[resume_code.CURRENT].rules_version == RULES_VERSION, (
        "rules.RULES_VERSION changed: add an entry to resume_code.VERSIONS (never edit an old one)"
    )


def test_a_version_1_code_of_a_pro_pupil_opens_without_the_wsw_question():
    """Version 1 asked PrO pupils about a Wsw-indicatie; today's routing skips it (issue 11)."""
    answers = {**complete_example(), "wsw_indication": "no"}
    code = write(1, answers)
    restored = decode(code)
    assert restored.version == 1 and restored.rules_version == "2026-11-28"
    assert restored.dropped == ("wsw_indication",)
    counted = router.on_path_answers(restored.answers)
    assert "wsw_indication" not in counted
    assert router.is_complete(restored.answers)
    assert evaluate(restored.answers).code == "beschut_werk_likely"
    # Today's code for the same answers is another one (version 2) and drops nothing.
    assert decode(encode(restored.answers)).dropped == ()
