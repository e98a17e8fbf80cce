"""What the request takes from the self-check: the only module of app/aanvraag that reads its session.

- `current_snapshot()`: the self-check of this visit as a snapshot (None when not complete);
- `audience()`: whose voice the request pages use (the role answer, and "at school");
- `known_fields()`: request fields the self-check already answered (WCAG 3.3.7);
- `described(snapshot, lang, role)`: a snapshot in words (pure: no session, no request).
"""

from app.aanvraag.draft import SelfcheckSnapshot
from app.aanvraag.fields import Audience
from app.selfcheck import content, describe, router, rules, session_store
from app.selfcheck.questionnaire import ORDER

# Self-check school types that are also request choices (the request adds mbo).
_SCHOOL_TYPES = ("pro", "vso", "entree", "other")


def _rules_version() -> str | None:
    # The self-check may declare the version of its rules; the snapshot keeps it when it does.
    version = getattr(rules, "RULES_VERSION", None)
    return str(version) if version else None


def snapshot_of(answers: dict) -> SelfcheckSnapshot | None:
    """The answers on the path, the outcome and the rules version; None when not complete."""
    if not answers or not describe.is_complete(answers):
        return None
    counted = router.on_path_answers(answers)
    return SelfcheckSnapshot(dict(counted), rules.evaluate(answers).code, _rules_version())


def current_snapshot() -> SelfcheckSnapshot | None:
    return snapshot_of(session_store.get_answers())


def audience() -> Audience:
    answers = session_store.get_answers()
    return Audience(helper=answers.get("role") == "helper", at_school=answers.get("situation") == "school")


def known_fields() -> dict:
    school = session_store.get_answers().get("school_type")
    return {"school_type": school} if school in _SCHOOL_TYPES else {}


def described(snapshot: SelfcheckSnapshot | None, lang: str, role: str | None = None) -> dict:
    """{"done", "rows": [{"question", "sentence"}], "sentences", "outcome"} in `lang`.

    role=None: in the role the self-check was done in (for the check-answers page); "self": in the
    person's own voice (the documents are always the person's).
    """
    if snapshot is None:
        return {"done": False, "rows": [], "sentences": [], "outcome": None}
    answers = snapshot.answers
    role = role or answers.get("role") or "self"
    rows = [{"question": q, "sentence": content.answer_sentence(q, answers[q], lang, answers, role=role)}
            for q in ORDER if q in answers]
    return {
        "done": True,
        "rows": rows,
        "sentences": [row["sentence"] for row in rows],
        "outcome": describe.outcome_title(snapshot.outcome, lang, role=role, answers=answers),
    }
