"""The OpenAPI 3.1 document of the self-check API, built from the question data."""

from app.selfcheck.questionnaire import OUTCOMES, QUESTIONS


def _condition_schema() -> dict:
    return {
        "oneOf": [
            {"type": "null"},
            {
                "type": "object",
                "required": ["answer", "in"],
                "properties": {"answer": {"type": "string"}, "in": {"type": "array", "items": {"type": "string"}}},
                "additionalProperties": False,
            },
            {
                "type": "object",
                "required": ["all"],
                "properties": {"all": {"type": "array", "items": {"$ref": "#/components/schemas/Condition"}}},
                "additionalProperties": False,
            },
            {
                "type": "object",
                "required": ["any"],
                "properties": {"any": {"type": "array", "items": {"$ref": "#/components/schemas/Condition"}}},
                "additionalProperties": False,
            },
        ]
    }


def openapi_document() -> dict:
    answer_properties = {q.id: {"type": "string", "enum": list(q.options)} for q in QUESTIONS}
    texts = {
        "type": "object",
        "required": ["question", "hint", "why", "examples", "options"],
        "properties": {
            "question": {"type": "string"},
            "hint": {"type": "string"},
            "why": {"type": "array", "items": {"type": "string"}},
            "examples": {"type": "array", "items": {"type": "string"}},
            "options": {"type": "object", "additionalProperties": {"type": "string"}},
        },
    }
    errors = {
        "type": "object",
        "required": ["errors"],
        "properties": {
            "errors": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "required": ["message"],
                    "properties": {
                        "question": {"type": ["string", "null"]},
                        "parameter": {"type": "string"},
                        "message": {"type": "string"},
                    },
                },
            }
        },
    }
    lang = {
        "name": "lang",
        "in": "query",
        "required": False,
        "description": "Language of the texts: nl (default) or en.",
        "schema": {"type": "string", "enum": ["nl", "en"], "default": "nl"},
    }
    rules_version = {
        "type": "string",
        "format": "date",
        "pattern": r"^\d{4}-\d{2}-\d{2}$",
        "description": "The day (YYYY-MM-DD) the rules were last checked against the law texts they cite.",
    }
    legal_basis = {
        "type": "array",
        "description": (
            "The articles the outcome's rule follows, so a professional can check it. "
            "Empty where no article decides the rule."
        ),
        "items": {
            "type": "object",
            "required": ["title", "article", "url"],
            "properties": {
                "title": {"type": "string", "minLength": 1, "description": "The law, e.g. Participatiewet"},
                "article": {"type": "string", "minLength": 1, "description": "The article as cited in Dutch"},
                "url": {"type": "string", "format": "uri", "pattern": "^https://wetten\\.overheid\\.nl/"},
            },
            "additionalProperties": False,
        },
    }
    error_response = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Zelftest beschut werk API",
            "version": "1.0.0",
            "description": (
                "The rules of the self-check for beschut werk (Participatiewet art. 10b), for other sites, "
                "chat services and intermediaries' systems. The outcome is an indication, never a decision: "
                "UWV advises and the gemeente decides. Send no personal data: the API needs none and keeps none."
            ),
        },
        "paths": {
            "/api/v1/selfcheck": {
                "get": {
                    "summary": "The questions, options, texts per role and the routing",
                    "operationId": "getSelfcheck",
                    "parameters": [lang],
                    "responses": {
                        "200": {
                            "description": "The questionnaire",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Questionnaire"}}},
                        },
                        "400": {"description": "Unknown language", **error_response},
                    },
                }
            },
            "/api/v1/selfcheck/evaluate": {
                "post": {
                    "summary": "The next question, or the outcome with reasons and next steps",
                    "operationId": "evaluateSelfcheck",
                    "parameters": [lang],
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EvaluateRequest"}}},
                    },
                    "responses": {
                        "200": {
                            "description": "Incomplete (next_question) or complete (outcome)",
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/EvaluateResponse"}}
                            },
                        },
                        "400": {"description": "The body is not JSON, or an unknown language", **error_response},
                        "422": {"description": "Unknown question id or option value", **error_response},
                        "429": {"description": "Too many requests", **error_response},
                    },
                }
            },
            "/api/v1/openapi.json": {
                "get": {
                    "summary": "This document",
                    "operationId": "getOpenapi",
                    "responses": {"200": {"description": "OpenAPI 3.1 document", "content": {"application/json": {}}}},
                }
            },
        },
        "components": {
            "schemas": {
                "Condition": _condition_schema(),
                "Answers": {
                    "type": "object",
                    "description": "Question id to option value. Answers off the path are ignored and listed.",
                    "properties": answer_properties,
                    "additionalProperties": False,
                },
                "EvaluateRequest": {
                    "type": "object",
                    "required": ["answers"],
                    "properties": {"answers": {"$ref": "#/components/schemas/Answers"}},
                },
                "QuestionTexts": texts,
                "Question": {
                    "type": "object",
                    "required": ["id", "section", "options", "has_dont_know", "asked_when", "texts"],
                    "properties": {
                        "id": {"type": "string", "enum": [q.id for q in QUESTIONS]},
                        "section": {"type": "string"},
                        "options": {"type": "array", "items": {"type": "string"}},
                        "has_dont_know": {"type": "boolean"},
                        "asked_when": {"$ref": "#/components/schemas/Condition"},
                        "texts": {
                            "type": "object",
                            "description": "Wording per role: self ('Kun je ...?') and helper ('Kan de persoon ...?').",
                            "properties": {
                                "self": {"$ref": "#/components/schemas/QuestionTexts"},
                                "helper": {"$ref": "#/components/schemas/QuestionTexts"},
                            },
                            "minProperties": 1,
                            "additionalProperties": False,
                        },
                    },
                },
                "Questionnaire": {
                    "type": "object",
                    "required": ["version", "rules_version", "language", "questions", "outcomes", "routing"],
                    "properties": {
                        "version": {"type": "string"},
                        "rules_version": {"$ref": "#/components/schemas/RulesVersion"},
                        "language": {"type": "string", "enum": ["nl", "en"]},
                        "questions": {"type": "array", "items": {"$ref": "#/components/schemas/Question"}},
                        "outcomes": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["code", "title"],
                                "properties": {
                                    "code": {"$ref": "#/components/schemas/OutcomeCode"},
                                    "title": {"type": "object", "additionalProperties": {"type": "string"}},
                                },
                            },
                        },
                        "routing": {"type": "object", "required": ["order"]},
                    },
                },
                "OutcomeCode": {"type": "string", "enum": list(OUTCOMES)},
                "Outcome": {
                    "type": "object",
                    "required": ["code", "title", "reasons", "next_steps", "legal_basis"],
                    "properties": {
                        "code": {"$ref": "#/components/schemas/OutcomeCode"},
                        "title": {"type": "string"},
                        "reasons": {
                            "type": "array",
                            "minItems": 1,
                            "items": {
                                "type": "object",
                                "required": ["code", "text"],
                                "properties": {"code": {"type": "string"}, "text": {"type": "string"}},
                            },
                        },
                        "next_steps": {"type": "array", "items": {"type": "string"}},
                        "legal_basis": {"$ref": "#/components/schemas/LegalBasis"},
                    },
                },
                "LegalBasis": legal_basis,
                "RulesVersion": rules_version,
                "EvaluateResponse": {
                    "oneOf": [
                        {
                            "type": "object",
                            "required": ["complete", "next_question", "path", "ignored"],
                            "properties": {
                                "complete": {"const": False},
                                "next_question": {"$ref": "#/components/schemas/Question"},
                                "path": {"type": "array", "items": {"type": "string"}},
                                "ignored": {"type": "array", "items": {"type": "string"}},
                            },
                        },
                        {
                            "type": "object",
                            "required": ["complete", "outcome", "path", "ignored", "rules_version"],
                            "properties": {
                                "complete": {"const": True},
                                "outcome": {"$ref": "#/components/schemas/Outcome"},
                                "rules_version": {"$ref": "#/components/schemas/RulesVersion"},
                                "path": {"type": "array", "items": {"type": "string"}},
                                "ignored": {"type": "array", "items": {"type": "string"}},
                            },
                        },
                    ]
                },
                "Errors": errors,
            }
        },
    }
