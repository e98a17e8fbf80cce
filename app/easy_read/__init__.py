"""Easy-read support for the self-check (issue 16): a pictogram beside each question, answer and
result part, and "Lees voor". The mapping is data (selfcheck_pictograms.yaml), the markup is
templates/easy_read/_selfcheck.html; the self-check's templates only call its macros.
"""

from functools import cache
from pathlib import Path

import yaml
from flask import Blueprint

bp = Blueprint("easy_read", __name__)

MAPPING = Path(__file__).with_name("selfcheck_pictograms.yaml")
KINDS = ("questions", "answers", "result_parts")


@cache
def mapping() -> dict[str, dict[str, str]]:
    """Read once: {"questions": {id: name}, "answers": {value: name}, "result_parts": {part: name}}."""
    data = yaml.safe_load(MAPPING.read_text(encoding="utf-8")) or {}
    return {kind: {str(key): str(name) for key, name in (data.get(kind) or {}).items()} for kind in KINDS}


@bp.app_template_global("selfcheck_pictogram")
def selfcheck_pictogram(kind: str, key) -> str | None:
    """The pictogram's name for a question id, an answer value or a result part; None when it has none."""
    return mapping().get(kind, {}).get(str(key))
