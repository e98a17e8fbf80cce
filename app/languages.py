"""The site's languages, in one place (no Flask): Dutch at the root, English under /en.

Every list of languages (settings, content files, catalogues, figures, API) is this one. A
language not in it is an error (UnknownLanguage), never quietly Dutch.
"""

LANGUAGES = ("nl", "en")
DEFAULT = "nl"


class UnknownLanguage(ValueError):
    """A language the site does not have."""


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise UnknownLanguage(f"unknown language {lang!r}: use one of {', '.join(LANGUAGES)}")
    return lang
