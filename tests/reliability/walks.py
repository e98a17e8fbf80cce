"""Walk the self-check and the request over HTTP, each step on the next server in turn."""

import http.client
import re
import time
from itertools import count

from tests.reliability.visitor import Visitor, checked_value, main_form


class Walk:
    """Round-robin over servers: step n goes to servers[n % len(servers)].

    With `retries`, a request that dies with the connection (a killed worker) is sent again,
    as a person would press the button again; `retried` counts those.
    """

    def __init__(self, visitor: Visitor, servers: list[str], retries: int = 0):
        self.visitor = visitor
        self.servers = servers
        self.retries = retries
        self.retried = 0
        self._steps = count()

    def server(self) -> str:
        return self.servers[next(self._steps) % len(self.servers)]

    def _send(self, method: str, path: str, data: dict | None = None):
        for attempt in range(self.retries + 1):
            try:
                response = self.visitor.request(self.server(), method, path, data)
            except (ConnectionError, http.client.HTTPException, TimeoutError, OSError):
                if attempt == self.retries:
                    raise
                self.retried += 1
                time.sleep(0.05)
                continue
            if response.status >= 500 and attempt < self.retries:
                self.retried += 1
                continue
            return response
        raise AssertionError("unreachable")

    def get(self, path: str):
        """GET, following redirects, each hop on the next server."""
        for _hop in range(10):
            response = self._send("GET", path)
            if response.status not in (301, 302, 303, 307, 308):
                return path, response
            path = response.location
        raise AssertionError(f"too many redirects at {path}")

    def post(self, path: str, data: dict):
        response = self._send("POST", path, data)
        if response.status in (302, 303):
            return self.get(response.location)
        return path, response


# The longest way through the questions: 16 or older, at school, and "I don't know" where possible.
LONG_PATH = ("16_or_older", "school", "dont_know")


def long_path(options: list[str]) -> str:
    return next((value for value in LONG_PATH if value in options), options[0])


def other_path(options: list[str]) -> str:
    """Another branch: the helper role, then the second option where it continues."""
    preferred = ("helper", "16_or_older", "regular_job", "yes", "no")
    return next((value for value in preferred if value in options), options[-1])


def answer_selfcheck(walk: Walk, choose=long_path, on_step=None) -> dict[str, str]:
    """Answer every question (the option `choose(options)` picks) up to the check page.

    Returns {question id: value}. `on_step(walk)` runs before each answer (to kill workers etc.).
    """
    _path, start = walk.get("/zelftest")
    assert start.status == 200, start.status
    first = re.search(r'href="(/zelftest/vraag/[^"]+)"[^>]*data-action="start"', start.text)
    assert first, "no start button on /zelftest"
    path, page = walk.get(first.group(1))
    answers: dict[str, str] = {}
    while path.startswith("/zelftest/vraag/"):
        assert page.status == 200, f"{path}: {page.status}"
        form = main_form(page.text, path, "/zelftest/vraag/")
        assert form, f"no question form on {path}"
        question = next(name for name in form.fields if name != "csrf_token")
        data = form.plausible_data()
        data[question] = answers[question] = choose(form.fields[question].values)
        if on_step:
            on_step(walk)
        path, page = walk.post(form.action, data)
        assert len(answers) < 40, "the self-check does not end"
    assert path.startswith("/zelftest/controleren"), f"ended at {path} ({page.status})"
    return answers


def finish_selfcheck(walk: Walk):
    path, page = walk.get("/zelftest/controleren")
    form = main_form(page.text, path, "/zelftest/controleren")
    path, result = walk.post(form.action, form.plausible_data())
    assert path.startswith("/zelftest/uitslag") and result.status == 200, f"{path}: {result.status}"
    return result


def answers_shown(walk: Walk, answers: dict[str, str]) -> dict[str, str | None]:
    """What each question page shows as chosen now, fetched round-robin."""
    shown = {}
    for question in answers:
        _path, page = walk.get(f"/zelftest/vraag/{question}")
        shown[question] = checked_value(page.text, question)
    return shown


REQUEST_STEPS = ("/aanvraag/over-jou", "/aanvraag/school-en-werk", "/aanvraag/wie-helpt-je", "/aanvraag/eigen-woorden")


def fill_request(walk: Walk, name: str) -> str:
    """Fill in every page of the request with the given surname; return the done page's HTML."""
    path, page = walk.get("/aanvraag")
    assert page.status == 200, f"/aanvraag: {page.status}"
    path, page = walk.get("/aanvraag/over-jou")
    for _step in range(10):
        if not path.startswith("/aanvraag/") or path.startswith("/aanvraag/controleren"):
            break
        form = main_form(page.text, path, path.split("?")[0])
        assert form, f"no form on {path}"
        data = form.plausible_data()
        for field in form.fields:
            if field == "surname":
                data[field] = name
        path, page = walk.post(form.action, data)
        assert page.status == 200, f"{path}: {page.status}"
    assert path.startswith("/aanvraag/controleren"), f"ended at {path}"
    form = main_form(page.text, path, "/aanvraag/controleren")
    path, page = walk.post(form.action, form.plausible_data())
    assert path.startswith("/aanvraag/klaar") and page.status == 200, f"{path}: {page.status}"
    return page.text
