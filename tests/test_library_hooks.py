"""Where the site leans on a library's internals for speed, these tests pin the behaviour.

app/performance.py reads Flask-Babel's chosen locale from g._flask_babel (get_locale() is the
only public way, and a costly one); app/ratelimits.py sets Flask-Limiter's key prefix per app
(pinned in tests/security/test_ratelimits.py). WTForms' messages come through SiteForm's
Meta.get_translations, a documented hook.
"""

import pytest
from flask import g
from flask_babel import force_locale, get_locale

from app import performance
from app.forms import SiteForm
from app.i18n import ENVIRON_KEY


def request_in(app, lang: str):
    return app.test_request_context("/", environ_overrides={ENVIRON_KEY: lang})


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_fast_locale_is_flask_babels_locale(app, lang):
    with request_in(app, lang):
        assert performance._language() == lang == get_locale().language
        # The fast path really is taken: Flask-Babel keeps the chosen locale where we read it.
        assert g._flask_babel.babel_locale.language == lang
        other = "en" if lang == "nl" else "nl"
        with force_locale(other):
            assert performance._language() == other == get_locale().language
        assert performance._language() == lang


@pytest.mark.parametrize(("lang", "message"), [("nl", "Dit veld is vereist."), ("en", "This field is required.")])
def test_forms_get_wtforms_messages_in_the_pages_language_read_once(app, lang, message):
    with request_in(app, lang):
        form = SiteForm()
        translations = form.meta.get_translations(form)
        assert translations.gettext("This field is required.") == message
    with request_in(app, lang):
        again = SiteForm()
        assert again.meta.get_translations(again) is translations


def test_every_form_of_the_site_is_a_site_form(app):
    from flask_wtf import FlaskForm

    from app.selfcheck.forms import question_form_class
    from app.selfcheck.questionnaire import ORDER

    for question_id in ORDER:
        question_form_class(question_id)
    stack, forms = list(FlaskForm.__subclasses__()), []
    while stack:
        form = stack.pop()
        stack.extend(form.__subclasses__())
        if form.__module__.startswith("app."):
            forms.append(form)
    assert len(forms) >= 5
    assert all(issubclass(form, SiteForm) for form in forms), [f for f in forms if not issubclass(f, SiteForm)]
