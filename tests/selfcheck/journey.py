"""Walking the self-check through its HTML forms, the way a browser without JavaScript does."""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from tests.support.html import parse, text_of


def _local(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def page_of(response):
    return parse(response.get_data(as_text=True))


def find(root, tag: str, **attributes):
    for element in root.iter(tag):
        if all(element.get(name.rstrip("_").replace("_", "-")) == value for name, value in attributes.items()):
            return element
    return None


def csrf_of(form) -> str:
    field_ = find(form, "input", name="csrf_token")
    assert field_ is not None, "form without CSRF token"
    return field_.get("value")


def question_form(root):
    for form in root.iter("form"):
        radios = [i for i in form.iter("input") if i.get("type") == "radio"]
        if radios:
            return form, radios[0].get("name"), radios
    return None, None, []


def title_of(root) -> str:
    return text_of(root.find(".//head/title"))


def h1_of(root) -> str:
    return text_of(root.find(".//h1"))


@dataclass
class Walk:
    asked: list = field(default_factory=list)
    headings: dict = field(default_factory=dict)
    titles: dict = field(default_factory=dict)
    check_answers: object = None
    result: object = None
    result_response: object = None


def start(client, lang: str = "nl") -> str:
    """Open the start page and follow the link marked data-action="start"."""
    response = client.get("/en/zelftest" if lang == "en" else "/zelftest")
    assert response.status_code == 200
    link = find(page_of(response), "a", data_action="start")
    assert link is not None, "no start link with data-action=start"
    return link.get("href")


def answer(client, url: str, value: str | None):
    """Answer the question page at url (None: press "Ga verder" without a choice)."""
    response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    root = page_of(response)
    form, question_id, _radios = question_form(root)
    assert form is not None, f"{url} is not a question page"
    data = {"csrf_token": csrf_of(form)}
    if value is not None:
        data[question_id] = value
    return client.post(form.get("action"), data=data), question_id, root


def walk(client, answers: dict, lang: str = "nl", confirm: bool = True) -> Walk:
    """Answer every question the site asks from `answers`, then confirm on check-answers."""
    result = Walk()
    url = start(client, lang)
    for _ in range(30):
        response = client.get(url)
        assert response.status_code == 200, f"{url}: {response.status_code}"
        root = page_of(response)
        form, question_id, _radios = question_form(root)
        if form is None:
            break
        assert question_id in answers, f"the site asked {question_id}, which the case does not answer"
        result.asked.append(question_id)
        result.headings[question_id] = h1_of(root)
        result.titles[question_id] = title_of(root)
        posted = client.post(form.get("action"), data={"csrf_token": csrf_of(form), question_id: answers[question_id]})
        assert posted.status_code == 302, f"{question_id}: {posted.status_code}"
        url = _local(posted.headers["Location"])
    confirm_form = find(root, "form", data_action="confirm")
    assert confirm_form is not None, f"{url} is not the check-answers page"
    result.check_answers = root
    if not confirm:
        return result
    posted = client.post(confirm_form.get("action"), data={"csrf_token": csrf_of(confirm_form)})
    assert posted.status_code == 302
    response = client.get(_local(posted.headers["Location"]))
    assert response.status_code == 200
    result.result_response = response
    result.result = page_of(response)
    return result


def outcome_of(root) -> str:
    return root.find(".//main").get("data-outcome")
