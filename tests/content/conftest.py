from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
CONTENT = ROOT / "content"
LANGS = ["nl", "en"]


def prefixed(path: str, lang: str) -> str:
    return "/en" + path if lang == "en" else path


@pytest.fixture
def content_dir() -> Path:
    return CONTENT
