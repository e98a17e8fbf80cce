"""One content loader (the CONTENT_DIR setting, everywhere) and one list of languages."""

import shutil

import pytest
import yaml

from app import i18n, languages
from app.content import loader
from app.languages import LANGUAGES, UnknownLanguage
from app.selfcheck import content as selfcheck_content
from tests.content.conftest import CONTENT, ROOT


def test_there_is_one_list_of_languages(app):
    assert tuple(app.config["LANGUAGES"]) == LANGUAGES
    assert app.config["BABEL_DEFAULT_LOCALE"] == languages.DEFAULT
    assert set(i18n.LANGUAGE_NAMES) == set(LANGUAGES)
    assert set(app.extensions["beschut.catalogues"]) == set(LANGUAGES)
    assert {path.name for path in CONTENT.iterdir() if path.is_dir()} == set(LANGUAGES)
    # Dutch is the msgid language; every other language has a catalogue.
    assert {path.name for path in (ROOT / "translations").iterdir() if path.is_dir()} == set(LANGUAGES) - {"nl"}


@pytest.mark.parametrize("read", [
    lambda: loader.load_document("de", "voor-jou", "wat-is-beschut-werk"),
    lambda: loader.list_documents("de", "voor-jou"),
    lambda: loader.glossary("de"),
    lambda: selfcheck_content.load("de"),
    lambda: selfcheck_content.question_texts("role", "de", {}),
    lambda: selfcheck_content.outcome_texts("uncertain", "de", {}),
])
def test_an_unknown_language_is_an_error_never_dutch(read):
    with pytest.raises(UnknownLanguage):
        read()


def test_an_unknown_language_in_a_template_is_an_error(app):
    from flask import render_template_string
    from flask_babel import force_locale

    with app.test_request_context("/"), force_locale("de"), pytest.raises(UnknownLanguage):
        render_template_string("{{ _('Zelftest') }}")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_selfcheck_wording_comes_from_the_content_dir_setting(app, tmp_path, lang):
    shutil.copytree(CONTENT, tmp_path / "content")
    path = tmp_path / "content" / lang / "selfcheck.yaml"
    texts = yaml.safe_load(path.read_text(encoding="utf-8"))
    texts["questions"]["role"]["question"] = "Proefvraag uit een andere map?"
    path.write_text(yaml.safe_dump(texts, allow_unicode=True), encoding="utf-8")
    client = app.test_client()
    prefix = "/en" if lang == "en" else ""
    client.get(prefix + "/zelftest")
    assert "Proefvraag" not in client.get(prefix + "/zelftest/vraag/role").get_data(as_text=True)
    app.config["CONTENT_DIR"] = str(tmp_path / "content")
    assert "Proefvraag uit een andere map?" in client.get(prefix + "/zelftest/vraag/role").get_data(as_text=True)
