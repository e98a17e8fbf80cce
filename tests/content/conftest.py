from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
CONTENT = ROOT / "content"
LANGS = ["nl", "en"]


def prefixed(path: str, lang: str) -> str:
    return "/en" + path if lang == "en" else path


def get_page(client, path, lang):
    """The HTML of a page in a language; it must open (200)."""
    response = client.get(prefixed(path, lang))
    assert response.status_code == 200, f"{path} ({lang}): {response.status_code}"
    return response.get_data(as_text=True)


@pytest.fixture
def content_dir() -> Path:
    return CONTENT
