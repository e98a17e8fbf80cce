"""The helper's own words in every text of the self-check, and readability per role.

Readability (Flesch-Douma with textstat.set_lang("nl"), words per sentence) is an aid, not proof
(content-style.md): self texts 70 or more and at most 12 words per sentence; helper texts (B1)
60 or more and at most 15. Measured on the Dutch content texts, per outcome and over the questions.
"""

import re

import pytest
import textstat

from app.selfcheck import content
from app.selfcheck.questionnaire import OUTCOMES, QUESTIONS

LIMITS = {"self": (70, 12), "helper": (60, 15)}
PERSON_WORDS = {"nl": {"je", "jij", "jou", "jouw", "jezelf"}, "en": {"you", "your", "yourself"}}
ANSWERS = {"self": {"role": "self"}, "helper": {"role": "helper"}, "pupil": {"role": "helper", "situation": "school"}}


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.?!:])\s+", text) if s.strip()]


def addresses_reader(sentence: str, lang: str) -> bool:
    return bool(set(re.findall(r"[a-zà-ü']+", sentence.lower())) & PERSON_WORDS[lang])


def question_parts(question_id: str, lang: str, answers: dict) -> dict[str, list[str]]:
    t = content.question_texts(question_id, lang, answers)
    return {"question": [t["question"]], "hint": [t["hint"]] if t["hint"] else [], "why": list(t["why"]),
            "examples": list(t["examples"])}


def outcome_parts(code: str, lang: str, answers: dict) -> dict[str, list[str]]:
    t = content.outcome_texts(code, lang, answers)
    parts = {"title": [t["title"]], "summary": [t["summary"]], "primary": [t["primary"]["text"]],
             "steps": list(t["steps"]), "when": list(t["when"]), "help": list(t["help"])}
    if t["anyway"]:
        parts["anyway"] = [t["anyway"]]
    return {name: [content.plain(line, lang) for line in lines] for name, lines in parts.items()}


def measure(lines: list[str]) -> tuple[float, float]:
    textstat.set_lang("nl")
    text = " ".join(line if line.endswith((".", "?", "!", ":")) else line + "." for line in lines if line)
    return textstat.flesch_reading_ease(text), textstat.lexicon_count(text) / textstat.sentence_count(text)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("helper", ["helper", "pupil"])
def test_no_helper_text_repeats_a_self_sentence_that_speaks_to_the_person(lang, helper):
    for question in QUESTIONS:
        if question.id == "role":  # asked before the role is known: one text for everyone
            continue
        mine, theirs = question_parts(question.id, lang, ANSWERS[helper]), question_parts(question.id, lang,
                                                                                          ANSWERS["self"])
        for part, lines in theirs.items():
            addressed = {s for line in lines for s in sentences(line) if addresses_reader(s, lang)}
            repeated = addressed & {s for line in mine[part] for s in sentences(line)}
            assert not repeated, f"{question.id}.{part} ({lang}): the helper reads {sorted(repeated)}"
            if addressed:
                assert mine[part] != lines, f"{question.id}.{part} ({lang}) has no helper variant"
    for code in OUTCOMES:
        mine, theirs = outcome_parts(code, lang, ANSWERS[helper]), outcome_parts(code, lang, ANSWERS["self"])
        for part, lines in theirs.items():
            assert mine[part] != lines, f"{code}.{part} ({lang}) has no helper variant"
            addressed = {s for line in lines for s in sentences(line) if addresses_reader(s, lang)}
            repeated = addressed & {s for line in mine[part] for s in sentences(line)}
            assert not repeated, f"{code}.{part} ({lang}): the helper reads {sorted(repeated)}"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_helper_text_tells_the_helper_to_log_in_with_their_own_digid(lang):
    wrong = {"nl": r"\b(je|jij) logt in\b|log (dan )?in met (je|jouw) (eigen )?digid",
             "en": r"\byou log in\b|log in with your (own )?digid"}[lang]
    for answers in (ANSWERS["helper"], ANSWERS["pupil"]):
        texts = [line for q in QUESTIONS for lines in question_parts(q.id, lang, answers).values() for line in lines]
        texts += [line for code in OUTCOMES for lines in outcome_parts(code, lang, answers).values() for line in lines]
        found = [t for t in texts if re.search(wrong, t, re.IGNORECASE)]
        assert not found, found
    # ... and where a helper reads about DigiD, the person logs in, or gives a machtiging.
    digid = [line for code in OUTCOMES for line in outcome_parts(code, lang, ANSWERS["helper"])["steps"]
             if "DigiD" in line]
    assert digid and all(re.search(r"machtiging|authorisation|logt in|logs in", line) for line in digid), digid


@pytest.mark.parametrize("role", ["self", "helper"])
@pytest.mark.parametrize("code", OUTCOMES)
def test_every_dutch_result_is_easy_enough_to_read(code, role):
    minimum, longest = LIMITS[role]
    for answers in ([ANSWERS["self"]] if role == "self" else [ANSWERS["helper"], ANSWERS["pupil"]]):
        score, per_sentence = measure([line for lines in outcome_parts(code, "nl", answers).values() for line in lines])
        assert score >= minimum, f"{code} {role}: Flesch-Douma {score:.1f}"
        assert per_sentence <= longest, f"{code} {role}: {per_sentence:.1f} words per sentence"


@pytest.mark.parametrize("role", ["self", "helper"])
def test_the_dutch_questions_are_easy_enough_to_read(role):
    minimum, longest = LIMITS[role]
    answers = ANSWERS[role]
    lines = [line for q in QUESTIONS for lines in question_parts(q.id, "nl", answers).values() for line in lines]
    score, per_sentence = measure([content.plain(line, "nl") for line in lines])
    assert score >= minimum, f"questions {role}: Flesch-Douma {score:.1f}"
    assert per_sentence <= longest, f"questions {role}: {per_sentence:.1f} words per sentence"


def test_the_readability_check_can_fail():
    hard = ["De arbeidsdeskundige beoordeelt of ondersteuningsvoorzieningen binnen redelijke grenzen "
            "door een reguliere werkgever gerealiseerd kunnen worden, gelet op de belastbaarheid."]
    score, per_sentence = measure(hard)
    assert score < LIMITS["helper"][0] and per_sentence > LIMITS["helper"][1]
