"""The JSON API: questionnaire, evaluate, errors, and the OpenAPI 3.1 document validating real responses."""

from datetime import date

import pytest
from jsonschema import Draft202012Validator, ValidationError
from openapi_spec_validator import validate as validate_openapi
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from app.selfcheck.questionnaire import ORDER, OUTCOMES
from app.selfcheck.rules import RULES, RULES_VERSION
from tests.selfcheck.cases import CASES, COMPLETE_CASES, case_named

EVALUATE = "/api/v1/selfcheck/evaluate"


@pytest.fixture
def openapi(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.get_json()


def schema_validator(document: dict, name: str) -> Draft202012Validator:
    registry = Registry().with_resource("urn:openapi", DRAFT202012.create_resource(document))
    return Draft202012Validator({"$ref": f"urn:openapi#/components/schemas/{name}"}, registry=registry)


def response_validator(document: dict, path: str, method: str, status: int) -> Draft202012Validator:
    schema = document["paths"][path][method]["responses"][str(status)]["content"]["application/json"]["schema"]
    name = schema["$ref"].rsplit("/", 1)[1]
    return schema_validator(document, name)


def test_the_openapi_document_is_valid_openapi_3_1(openapi):
    assert openapi["openapi"].startswith("3.1")
    validate_openapi(openapi)
    assert set(openapi["paths"]) == {"/api/v1/selfcheck", "/api/v1/selfcheck/evaluate", "/api/v1/openapi.json"}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_questionnaire_lists_every_question_with_texts_per_role(client, openapi, lang):
    response = client.get(f"/api/v1/selfcheck?lang={lang}")
    assert response.status_code == 200
    body = response.get_json()
    response_validator(openapi, "/api/v1/selfcheck", "get", 200).validate(body)
    assert [q["id"] for q in body["questions"]] == list(ORDER)
    assert body["routing"]["order"] == list(ORDER)
    assert [o["code"] for o in body["outcomes"]] == list(OUTCOMES)
    age = next(q for q in body["questions"] if q["id"] == "age")
    expected = {
        "nl": ("Hoe oud ben je?", "Hoe oud is de persoon?"),
        "en": ("How old are you?", "How old is the person?"),
    }
    assert (age["texts"]["self"]["question"], age["texts"]["helper"]["question"]) == expected[lang]
    situation = next(q for q in body["questions"] if q["id"] == "situation")
    assert situation["asked_when"] == {"answer": "age", "in": ["16_or_older"]}
    for question in body["questions"]:
        assert set(question["texts"]["self"]["options"]) == set(question["options"])
        assert "*" not in question["texts"]["self"]["hint"]


def test_questionnaire_refuses_an_unknown_language(client, openapi):
    response = client.get("/api/v1/selfcheck?lang=de")
    assert response.status_code == 400
    response_validator(openapi, "/api/v1/selfcheck", "get", 400).validate(response.get_json())


@pytest.mark.parametrize(("name", "case"), CASES, ids=[name for name, _ in CASES])
def test_every_case_response_matches_the_openapi_schema(client, openapi, name, case):
    response = client.post(EVALUATE, json={"answers": case["answers"]})
    assert response.status_code == 200
    response_validator(openapi, "/api/v1/selfcheck/evaluate", "post", 200).validate(response.get_json())


def test_a_complete_check_gives_outcome_title_reasons_and_next_steps(client):
    case = case_named("05_wait_12_months_spec_example")
    body = client.post(EVALUATE + "?lang=en", json={"answers": case["answers"]}).get_json()
    assert body["complete"] is True
    outcome = body["outcome"]
    assert outcome["code"] == "wait_12_months"
    # Asking again is always allowed (domain.md, additions of December 2026): never "only after 12 months".
    assert outcome["title"] == "The person may ask for advice again. Then say what has changed."
    assert [r["code"] for r in outcome["reasons"]] == ["previous_advice_negative", "new_facts_no"]
    assert outcome["reasons"][1]["text"] == "Nothing has changed for the person since the last advice."
    assert outcome["next_steps"] and all("*" not in step for step in outcome["next_steps"])


def test_an_incomplete_check_gives_the_next_question_in_the_role_of_the_answers(client, openapi):
    body = client.post(EVALUATE, json={"answers": {"role": "helper", "age": "16_or_older"}}).get_json()
    assert body["complete"] is False
    assert body["next_question"]["id"] == "situation"
    assert list(body["next_question"]["texts"]) == ["helper"]
    assert body["next_question"]["texts"]["helper"]["question"] == "Wat doet de persoon nu?"
    assert body["path"] == ["role", "age", "situation"]


@pytest.mark.parametrize(("answers", "question"), [
    ({"role": "self", "favourite_colour": "blue"}, "favourite_colour"),
    ({"role": "robot"}, "role"),
    ({"age": 16}, "age"),
    ({"age": None}, "age"),
])
def test_unknown_questions_and_options_are_422_naming_the_question(client, openapi, answers, question):
    response = client.post(EVALUATE, json={"answers": answers})
    assert response.status_code == 422
    body = response.get_json()
    response_validator(openapi, "/api/v1/selfcheck/evaluate", "post", 422).validate(body)
    assert [e["question"] for e in body["errors"]] == [question]


@pytest.mark.parametrize("body", [[], "answers", {"answers": []}, {"antwoorden": {}}, {"answers": "role=self"}])
def test_a_body_of_the_wrong_shape_is_422(client, openapi, body):
    response = client.post(EVALUATE, json=body)
    assert response.status_code == 422
    response_validator(openapi, "/api/v1/selfcheck/evaluate", "post", 422).validate(response.get_json())


@pytest.mark.parametrize("raw", [b"", b"{", b"role=self", b"\xff\xfe\x00", b'{"answers": {"role": "self"'])
def test_malformed_json_is_400_with_a_message(client, openapi, raw):
    response = client.post(EVALUATE, data=raw, content_type="application/json")
    assert response.status_code == 400
    body = response.get_json()
    response_validator(openapi, "/api/v1/selfcheck/evaluate", "post", 400).validate(body)
    assert body["errors"][0]["message"]


def test_the_api_needs_no_csrf_token_and_sets_no_cookie(client):
    response = client.post(EVALUATE, json={"answers": {}})
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers


def test_get_on_evaluate_is_a_json_405(client):
    response = client.get(EVALUATE)
    assert response.status_code == 405
    assert response.get_json()["errors"]


def test_the_response_schema_rejects_what_the_contract_does_not_allow(openapi):
    validator = response_validator(openapi, "/api/v1/selfcheck/evaluate", "post", 200)
    for wrong in [
        {"complete": True, "path": [], "ignored": []},
        {"complete": True, "outcome": {"code": "maybe", "title": "", "reasons": [], "next_steps": []}, "path": [],
         "ignored": []},
        {"complete": False, "path": [], "ignored": []},
    ]:
        with pytest.raises(ValidationError):
            validator.validate(wrong)


def test_rules_version_is_an_iso_date_in_the_questionnaire_and_a_complete_evaluation(client, openapi):
    body = client.get("/api/v1/selfcheck").get_json()
    assert body["rules_version"] == RULES_VERSION
    assert date.fromisoformat(RULES_VERSION).isoformat() == RULES_VERSION
    case = case_named("05_wait_12_months_spec_example")
    evaluated = client.post(EVALUATE, json={"answers": case["answers"]}).get_json()
    assert evaluated["rules_version"] == RULES_VERSION


@pytest.mark.parametrize(("name", "case"), COMPLETE_CASES, ids=[name for name, _ in COMPLETE_CASES])
def test_every_complete_case_gives_the_legal_basis_of_its_rule(client, name, case):
    body = client.post(EVALUATE + "?lang=en", json={"answers": case["answers"]}).get_json()
    expected = [basis.as_dict() for basis in next(r for r in RULES if r.number == case["expected"]["rule"]).legal_basis]
    assert body["outcome"]["legal_basis"] == expected
    assert body["outcome"]["legal_basis"] or case["expected"]["rule"] in (1, 2, 3)


def test_the_response_schema_requires_legal_basis_and_rules_version(openapi, client):
    validator = response_validator(openapi, "/api/v1/selfcheck/evaluate", "post", 200)
    good = client.post(EVALUATE, json={"answers": case_named("05_wait_12_months_spec_example")["answers"]}).get_json()
    validator.validate(good)
    without_basis = {**good, "outcome": {k: v for k, v in good["outcome"].items() if k != "legal_basis"}}
    wrong_basis = {**good, "outcome": {**good["outcome"], "legal_basis": [{"title": "Wet", "article": "1"}]}}
    without_version = {k: v for k, v in good.items() if k != "rules_version"}
    for wrong in [without_basis, wrong_basis, without_version, {**good, "rules_version": "1 december 2026"}]:
        with pytest.raises(ValidationError):
            validator.validate(wrong)
    questionnaire = response_validator(openapi, "/api/v1/selfcheck", "get", 200)
    body = client.get("/api/v1/selfcheck").get_json()
    with pytest.raises(ValidationError):
        questionnaire.validate({k: v for k, v in body.items() if k != "rules_version"})
