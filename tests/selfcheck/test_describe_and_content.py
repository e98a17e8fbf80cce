"""Answers and outcomes in words (for the request document), and the completeness of the content files."""

import pytest

from app.selfcheck import content, describe
from app.selfcheck.questionnaire import OUTCOMES, QUESTIONS
from tests.selfcheck.cases import case_named

SPEC_EXAMPLE = case_named("12_beschut_werk_likely_spec_example")["answers"]


def test_answer_sentences_are_first_person_for_self():
    sentences = describe.answer_sentences(SPEC_EXAMPLE, "nl")
    assert sentences[0] == "Ik heb deze vragen zelf beantwoord."
    assert "Ik zit op het praktijkonderwijs (pro)." in sentences
    assert "Ik heb iemand nodig die altijd in de buurt is als ik werk." in sentences
    # 13: a pro pupil is not asked about a Wsw-indicatie (none given since 2015).
    assert len(sentences) == 13


def test_answer_sentences_are_about_the_person_for_a_helper_and_skip_off_path_answers():
    answers = {
        **SPEC_EXAMPLE, "role": "helper", "situation": "none", "wsw_indication": "no", "earn_minimum_wage": "yes",
    }
    sentences = describe.answer_sentences(answers, "en")
    assert sentences[0] == "Someone who helps the person answered these questions."
    assert "The person is not at school and has no job." in sentences
    assert not any("practical education" in s for s in sentences)
    assert not any("as much work" in s for s in sentences)
    assert len(sentences) == 13


def test_outcome_title_per_language_and_role():
    # "Na school", not an age limit in the law (domain.md: the too_early rule is a product choice).
    assert describe.outcome_title("too_early", "nl") == "Beschut werk is voor later, na school."
    assert describe.outcome_title("too_early", "en", role="helper") == (
        "For the person, beschut werk is something for later, after school."
    )
    with pytest.raises(KeyError):
        describe.outcome_title("maybe", "nl")


def test_is_complete():
    assert describe.is_complete(SPEC_EXAMPLE)
    assert not describe.is_complete({"role": "self"})


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("role", ["self", "helper"])
def test_every_question_option_answer_and_outcome_has_words(lang, role):
    for answers in ({"role": role}, {"role": role, "situation": "school"}):
        for question in QUESTIONS:
            texts = content.question_texts(question.id, lang, answers)
            assert texts["question"] and "{" not in texts["question"]
            for option in question.options:
                assert texts["options"][option]
                sentence = content.answer_sentence(question.id, option, lang, answers)
                assert sentence and "{" not in sentence and sentence.endswith(".")
        for code in OUTCOMES:
            texts = content.outcome_texts(code, lang, answers)
            assert texts["title"] and texts["steps"] and texts["help"]
            assert "{" not in " ".join([texts["title"], *texts["steps"], *texts["when"], *texts["help"]])


def test_why_and_examples_exist_for_the_questions_that_need_explaining():
    for question in QUESTIONS:
        texts = content.question_texts(question.id, "nl", {"role": "self"})
        assert texts["why"], f"{question.id} has no 'Waarom vragen we dit?'"


def _readability(lang_texts: list[str]) -> tuple[float, float]:
    import textstat

    textstat.set_lang("nl")
    text = " ".join(t.replace("*", "") if t.endswith((".", "?", ":")) else t.replace("*", "") + "." for t in lang_texts)
    return textstat.flesch_reading_ease(text), len(text.split()) / textstat.sentence_count(text)


@pytest.mark.parametrize(("role", "minimum"), [("self", 80), ("helper", 70)])
def test_dutch_wording_stays_easy_to_read(role, minimum):
    """An aid, not proof (content-style.md): Flesch-Douma 80+ is easy; short sentences."""
    answers = {"role": role}
    parts = []
    for question in QUESTIONS:
        texts = content.question_texts(question.id, "nl", answers)
        parts += [texts["question"], texts["hint"], *texts["why"], *texts["examples"]]
    for code in OUTCOMES:
        texts = content.outcome_texts(code, "nl", answers)
        parts += [texts["title"], texts["summary"], *texts["steps"], *texts["when"], *texts["help"]]
    score, words_per_sentence = _readability([p for p in parts if p])
    assert score >= minimum, f"Flesch-Douma {score:.0f} for {role}"
    assert words_per_sentence <= 12, f"{words_per_sentence:.1f} words per sentence for {role}"
