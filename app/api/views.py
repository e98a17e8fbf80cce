"""JSON API of the self-check: the same questions and rules as the HTML pages.

GET  /api/v1/selfcheck?lang=nl|en      the questions, options, texts and routing
POST /api/v1/selfcheck/evaluate        {"answers": {...}} -> next question, or the outcome
GET  /api/v1/openapi.json              the OpenAPI 3.1 document

Bad input gets 400 (not JSON) or 422 (JSON, but not valid answers); never a 500.
"""

import json

from flask import Blueprint, jsonify, request

from app.api.openapi import openapi_document
from app.languages import LANGUAGES
from app.ratelimits import api_limit
from app.selfcheck import content, describe
from app.selfcheck.questionnaire import BY_ID, OUTCOMES, QUESTIONS, is_valid_answer
from app.selfcheck.rules import RULES, RULES_VERSION
from app.selfcheck.walk import Walk

bp = Blueprint("api", __name__, url_prefix="/api/v1")
api_limit(bp)  # one rate limit per client for the whole API (app/ratelimits.py)

ROLES = ("self", "helper")


def _plain(text: str) -> str:
    """Content files mark official words as *word*, hard words as [[word]] and links; the API gives plain text."""
    return content.plain(text, _language() or "nl")


def _language():
    lang = request.args.get("lang", "nl")
    return lang if lang in LANGUAGES else None


def _bad_language():
    return jsonify(errors=[{"parameter": "lang", "message": "lang must be 'nl' or 'en'"}]), 400


def _question_json(question, lang: str, answers: dict, roles=ROLES) -> dict:
    texts = {}
    for role in roles:
        t = content.question_texts(question.id, lang, answers, role=role)
        texts[role] = {
            "question": _plain(t["question"]),
            "hint": _plain(t["hint"]),
            "why": [_plain(line) for line in t["why"]],
            "examples": [_plain(line) for line in t["examples"]],
            "options": {value: _plain(t["options"][value]) for value in question.options},
        }
    return {
        "id": question.id,
        "section": question.section,
        "options": list(question.options),
        "has_dont_know": question.has_dont_know,
        "asked_when": question.asked_when,
        "texts": texts,
    }


@bp.get("/selfcheck")
def questionnaire():
    lang = _language()
    if lang is None:
        return _bad_language()
    return jsonify(
        version="1",
        rules_version=RULES_VERSION,
        language=lang,
        questions=[_question_json(q, lang, {}) for q in QUESTIONS],
        outcomes=[
            {"code": code, "title": {role: _plain(describe.outcome_title(code, lang, role)) for role in ROLES}}
            for code in OUTCOMES
        ],
        routing={
            "order": [q.id for q in QUESTIONS],
            "description": (
                "Questions are asked in this order. A question is on the path when its asked_when "
                "condition holds for the answers on the path before it (null: always). "
                "{'answer': id, 'in': [...]} holds when that question is on the path and its answer is "
                "one of the values; 'all' and 'any' combine conditions. The check is complete when every "
                "question on the path has an answer; the first rule that matches gives the outcome."
            ),
            "rules": [rule.number for rule in RULES],
        },
    )


def _unprocessable(errors: list[dict]):
    return jsonify(errors=errors), 422


def _validate(body) -> tuple[dict | None, list[dict]]:
    if not isinstance(body, dict):
        return None, [{"question": None, "message": "The body must be a JSON object with an 'answers' object."}]
    answers = body.get("answers")
    if not isinstance(answers, dict):
        return None, [{"question": None, "message": "'answers' must be an object of question id to option value."}]
    errors = []
    for question_id, value in answers.items():
        if question_id not in BY_ID:
            # Cut as the message is: an unknown id is echoed, never a 100 KB one in full.
            errors.append({"question": question_id[:64], "message": f"Unknown question id '{question_id[:64]}'."})
        elif not is_valid_answer(question_id, value):
            options = ", ".join(BY_ID[question_id].options)
            message = f"Not an option of '{question_id}'; use one of: {options}."
            errors.append({"question": question_id, "message": message})
    return answers, errors


@bp.post("/selfcheck/evaluate")
def evaluate_answers():
    lang = _language()
    if lang is None:
        return _bad_language()
    try:
        body = json.loads(request.get_data(cache=False) or b"")
    except (ValueError, RecursionError):
        return jsonify(errors=[{"message": "The body is not valid JSON."}]), 400
    answers, errors = _validate(body)
    if errors:
        return _unprocessable(errors)

    walk = Walk.of(answers)
    path, ignored = list(walk.path), walk.ignored
    if not walk.complete:
        role = walk.counted.get("role")
        roles = (role,) if role else ROLES
        return jsonify(
            complete=False,
            next_question=_question_json(BY_ID[walk.next_question], lang, walk.counted, roles=roles),
            path=path,
            ignored=ignored,
        )
    outcome = walk.outcome
    texts = content.outcome_texts(outcome.code, lang, walk.counted)
    reasons = describe.reason_texts(outcome, walk, lang)
    return jsonify(
        complete=True,
        outcome={
            "code": outcome.code,
            "title": _plain(texts["title"]),
            "reasons": [{"code": r["code"], "text": _plain(r["text"])} for r in reasons],
            "next_steps": [_plain(line) for line in texts["steps"]],
            "legal_basis": [basis.as_dict() for basis in outcome.legal_basis],
        },
        path=path,
        ignored=ignored,
        rules_version=walk.rules_version,
    )


@bp.get("/openapi.json")
def openapi():
    return jsonify(openapi_document())
