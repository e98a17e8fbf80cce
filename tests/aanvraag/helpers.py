"""Filling in the request the way a browser would, and a confirmed draft made without one."""

import io
import re
from datetime import date

from pypdf import PdfReader

from app.aanvraag.draft import Draft
from app.aanvraag.fields import SLUGS
from tests.support.forms import csrf_token

NAME = "Samira"
SURNAME = "Verhoeven-Zandbergen"

ABOUT_YOU = {
    "given_names": NAME,
    "surname": SURNAME,
    "birth_date-day": "15",
    "birth_date-month": "3",
    "birth_date-year": "2007",
    "street": "Lindelaan 12",
    "postcode": " 3511ab ",
    "city": "Utrecht",
    "municipality": "Utrecht",
    "phone": "06 12345678",
    "email": "samira@voorbeeld.nl",
}
SCHOOL = {
    "school_name": "De Bolder",
    "school_type": "pro",
    "school_years": "2019 tot 2025",
    "experience-0-place": "Bakkerij Brood & Zo",
    "experience-0-tasks": "Broodjes inpakken",
    "experience-0-period": "maart tot juni 2024",
}
HELPER = {
    "helper_name": "Joost Mentorman",
    "helper_role": "mentor",
    "helper_organisation": "De Bolder",
    "helper_phone": "030 1234567",
    "helper_email": "joost@debolder.nl",
    "helper_consent": "y",
}
OWN_WORDS = {
    "reason": "Op stage ging het goed als iemand naast me stond.",
    "support_examples": "Iemand legt elke taak stap voor stap uit.",
}
PAGES = [
    ("/aanvraag/over-jou", ABOUT_YOU),
    ("/aanvraag/school-en-werk", SCHOOL),
    ("/aanvraag/wie-helpt-je", HELPER),
    ("/aanvraag/in-je-eigen-woorden", OWN_WORDS),
]

# A complete self-check that ends in beschut_werk_likely (the spec's first example).
SELFCHECK_ANSWERS = {
    "role": "self", "age": "16_or_older", "situation": "school", "school_type": "pro",
    "previous_advice": "no", "wsw_indication": "no", "can_do_task": "yes", "basic_work_skills": "yes",
    "work_one_hour": "yes", "work_four_hours": "yes", "needs_supervision": "yes", "needs_guidance": "no",
    "needs_adaptations": "yes", "regular_employer_possible": "no",
}


def lang_prefix(lang: str) -> str:
    return "/en" if lang == "en" else ""


def submit(client, path: str, data: dict, lang: str = "nl"):
    """GET the page, take its CSRF token, POST the data to the same URL."""
    url = lang_prefix(lang) + path
    page = client.get(url)
    assert page.status_code == 200, f"{url}: {page.status_code}"
    return client.post(url, data={**data, "csrf_token": csrf_token(page.get_data(as_text=True))})


def fill_all(client, lang: str = "nl", pages=None):
    for path, data in pages or PAGES:
        response = submit(client, path, data, lang)
        assert response.status_code == 303, f"{path}: {response.status_code}"
    return response


def confirm(client, lang: str = "nl"):
    response = submit(client, "/aanvraag/controleren", {}, lang)
    assert response.status_code == 303
    return response


def complete_selfcheck(client):
    from app.selfcheck import session_store

    with client.session_transaction() as session:
        session[session_store.KEY] = {"answers": dict(SELFCHECK_ANSWERS)}


def pdf_text(data: bytes) -> str:
    """The text of every page, without the page number at the foot of each page."""
    reader = PdfReader(io.BytesIO(data))
    pages = []
    for number, page in enumerate(reader.pages, start=1):
        lines = page.extract_text().splitlines()
        if lines and lines[-1].strip() == str(number):
            lines.pop()
        pages.append("\n".join(lines))
    return "\n".join(pages)


def flat(text: str) -> str:
    """PDF text without line breaks and hyphenation, for finding long values."""
    return re.sub(r"\s+", "", text)


def document_links(html: str) -> dict[str, str]:
    return dict(
        (kind, href.replace("&amp;", "&"))
        for href, kind in re.findall(r'<a href="([^"]+)" data-document="([^"]+)"', html)
    )


def walk_selfcheck(client, lang: str = "nl") -> str:
    """Answer the self-check through its own pages, confirm, and return the result page's HTML."""
    prefix = lang_prefix(lang)
    url = prefix + "/zelftest/vraag/role"
    for _ in range(len(SELFCHECK_ANSWERS) + 1):
        question = url.rsplit("/", 1)[-1].split("?")[0]
        if question not in SELFCHECK_ANSWERS:
            break
        response = submit(client, url.removeprefix(prefix), {question: SELFCHECK_ANSWERS[question]}, lang)
        assert response.status_code in (302, 303), f"{question}: {response.status_code}"
        url = response.location
    assert url.endswith("/zelftest/controleren"), url
    response = submit(client, "/zelftest/controleren", {}, lang)
    assert response.status_code in (302, 303)
    result = client.get(response.location)
    assert result.status_code == 200
    return result.get_data(as_text=True)


def confirmed_draft(fields: dict, snapshot=None, day: date = date(2026, 12, 1)) -> Draft:
    """A draft with every page done, confirmed on `day` with the self-check `snapshot` (or none)."""
    draft = Draft(fields=dict(fields), done=list(SLUGS))
    draft.confirm(snapshot, day)
    return draft
