"""The site's base form: Flask-WTF's FlaskForm, with WTForms' own messages read once per language.

Flask-WTF reads the WTForms catalogue from disk for every request that builds a form (a sixth
of a question page's POST). WTForms asks the form's Meta for its translations
(`Meta.get_translations`, its documented hook), so every form of the site derives from
SiteForm and gets the catalogue kept by app/performance.py.
"""

from flask_wtf import FlaskForm

from app.performance import wtforms_translations


class SiteForm(FlaskForm):
    class Meta:
        def get_translations(self, form):
            return wtforms_translations()
