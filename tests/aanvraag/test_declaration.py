"""The request's fields are declared once: a field added to fields.py appears on its page, in the
form's checks, on the check-answers page and in the preparation document, with no other edit."""

import dataclasses
import re

import pytest

from app.aanvraag import fields, forms
from tests.aanvraag.helpers import PAGES, confirm, fill_all, pdf_text, submit

pytestmark = pytest.mark.database


@pytest.fixture
def extra_field(monkeypatch):
    """The school page with one more field, as a developer would add it (label, hint, check)."""
    from flask_babel import lazy_gettext as _l

    added = fields.Field("school_place", _l("Woonplaats"), hint=_l("Bijvoorbeeld: 15 3 2007"), limit=12,
                         summary=_l("Plaats"))
    pages = tuple(dataclasses.replace(page, items=(*page.items, added)) if page.slug == "school-en-werk" else page
                  for page in fields.PAGES)
    monkeypatch.setattr(fields, "PAGES", pages)
    forms.form_class.cache_clear()
    yield added
    forms.form_class.cache_clear()


def test_a_field_added_to_the_declaration_is_asked_checked_shown_and_in_the_document(client, extra_field):
    fill_all(client, pages=PAGES[:1])
    page = client.get("/aanvraag/school-en-werk").get_data(as_text=True)
    assert re.search(r'<label for="school_place">Woonplaats <span class="optional">', page)
    assert 'name="school_place"' in page and 'id="school_place-hint"' in page

    too_long = submit(client, "/aanvraag/school-en-werk", {"school_place": "Heel erg lange naam"})
    assert too_long.status_code == 200 and 'id="school_place-error"' in too_long.get_data(as_text=True)

    fill_all(client, pages=[("/aanvraag/school-en-werk", {"school_place": "Amersfoort"}), *PAGES[2:]])
    check = client.get("/aanvraag/controleren").get_data(as_text=True)
    assert "<dt>Plaats</dt>" in check and "Amersfoort" in check
    assert 'href="/aanvraag/school-en-werk?wijzig=1#school_place"' in check
    confirm(client)
    # The preparation document lists every row; the letter is prose and names the fields it uses.
    assert "Plaats Amersfoort" in pdf_text(client.get("/aanvraag/document/voorbereiding.pdf").data).splitlines()
