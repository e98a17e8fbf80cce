"""Question and result pages are kept per their answers (app/page_cache.py, kept_render): a kept page
is the page rendered afresh, carries its own visitor's working CSRF token, and never shows another
visitor's answers. The session serializer and the plain-host check (made cheap for the same reason)
keep doing what they did."""

import re

import pytest
from flask import session

from app import create_app
from app.page_cache import KEPT_EXTENSION, kept_render
from tests.selfcheck.journey import answer, csrf_of, find, page_of, question_form, start, walk

TOKEN = re.compile(r'(name="csrf_token"[^>]*value=")[^"]+(")')
ANSWERS = {
    "role": "helper", "age": "16_or_older", "situation": "school", "school_type": "pro",
    "previous_advice": "no", "new_facts": "no", "wsw_indication": "no", "wsw_supported_work": "dont_know",
    "can_do_task": "yes", "basic_work_skills": "yes", "work_one_hour": "yes", "work_four_hours": "no",
    "earn_minimum_wage": "no", "needs_supervision": "yes", "needs_guidance": "yes", "needs_adaptations": "yes",
    "regular_employer_possible": "no",
}


def without_token(html: str) -> str:
    return TOKEN.sub(r"\1TOKEN\2", html)


@pytest.fixture
def apps(database_url):
    return create_app("testing", DATABASE_URL=database_url), create_app(
        "testing", DATABASE_URL=database_url, PAGE_CACHE=False)


def question_urls(client, lang: str) -> list[str]:
    """Every question page the walk of ANSWERS passes, in order (answering them on the way)."""
    urls, url = [], start(client, lang)
    while "/vraag/" in url:
        urls.append(url)
        posted, _question, _root = answer(client, url, ANSWERS[url.rsplit("/", 1)[-1]])
        url = posted.headers["Location"]
    return urls


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_kept_question_and_result_pages_are_the_pages_rendered_afresh(apps, lang):
    cached, plain = apps
    kept = cached.extensions[KEPT_EXTENSION]
    cached_client, plain_client = cached.test_client(), plain.test_client()
    urls = question_urls(cached_client, lang)
    assert urls == question_urls(plain_client, lang)
    walk(cached_client, ANSWERS, lang)
    walk(plain_client, ANSWERS, lang)
    assert len(urls) >= 8
    for url in [*urls, ("/en" if lang == "en" else "") + "/zelftest/uitslag"]:
        again = cached_client.get(url)  # kept by now: the walk rendered it
        fresh = plain_client.get(url)
        assert again.status_code == fresh.status_code == 200, url
        assert without_token(again.get_data(as_text=True)) == without_token(fresh.get_data(as_text=True)), url
    assert {key[2] for key in kept} >= {"/zelftest/uitslag", *(u.removeprefix("/en") for u in urls)}
    assert plain.extensions.get(KEPT_EXTENSION) is None


def test_two_visitors_at_one_question_each_see_their_own_answers_and_token(apps):
    cached, _plain = apps
    anna, bram, carla = cached.test_client(), cached.test_client(), cached.test_client()
    for client, role in ((anna, "self"), (bram, "helper"), (carla, "self")):
        answer(client, start(client), role)
        answer(client, "/zelftest/vraag/age", "16_or_older")
    pages = {name: page_of(client.get("/zelftest/vraag/age")) for name, client in
             (("anna", anna), ("bram", bram), ("carla", carla))}
    headings = {name: root.find(".//h1").text for name, root in pages.items()}
    assert headings["anna"] == headings["carla"] != headings["bram"]  # "you" against "the pupil"
    for root in pages.values():
        assert find(root, "input", id="age-16_or_older").get("checked") is not None
    # Carla got Anna's kept page, with a token of her own that works for her only.
    tokens = {name: csrf_of(question_form(root)[0]) for name, root in pages.items()}
    assert len(set(tokens.values())) == 3
    crossed = carla.post("/zelftest/vraag/age", data={"csrf_token": tokens["anna"], "age": "under_16"})
    assert crossed.status_code == 400
    own = carla.post("/zelftest/vraag/age", data={"csrf_token": tokens["carla"], "age": "under_16"})
    assert own.status_code == 302
    changed = page_of(carla.get("/zelftest/vraag/age"))
    assert find(changed, "input", id="age-under_16").get("checked") is not None
    assert find(page_of(anna.get("/zelftest/vraag/age")), "input", id="age-16_or_older").get("checked") is not None


def test_a_render_that_reads_the_session_a_query_string_or_a_flash_is_not_kept(apps):
    cached, _plain = apps
    kept = cached.extensions[KEPT_EXTENSION]
    with cached.test_request_context("/zelftest/vraag/role"):
        session["selfcheck"] = {"answers": {"role": "self"}}
        assert kept_render(("probe", 1), lambda: str(session.get("selfcheck"))).startswith("{")
        assert not kept
        assert kept_render(("probe", 2), lambda: "<p>the same</p>") == "<p>the same</p>"
        assert len(kept) == 1
    with cached.test_request_context("/zelftest/vraag/role?wijzig=1"):
        kept_render(("probe", 3), lambda: "<p>changing</p>")
        assert len(kept) == 1
    with cached.test_request_context("/zelftest/vraag/role"):
        session["_flashes"] = [("message", "Bewaard")]
        kept_render(("probe", 4), lambda: "<p>flashed</p>")
        assert len(kept) == 1
    # The same inputs at another address (language prefix, host) are another page.
    with cached.test_request_context("/zelftest/vraag/role", base_url="http://other.example"):
        assert kept_render(("probe", 2), lambda: "<p>elsewhere</p>") == "<p>elsewhere</p>"
        assert len(kept) == 2


def test_the_store_of_kept_renders_has_a_ceiling(apps, monkeypatch):
    from app import page_cache

    cached, _plain = apps
    monkeypatch.setattr(page_cache, "MAX_KEPT", 3)
    kept = cached.extensions[KEPT_EXTENSION]
    with cached.test_request_context("/zelftest/vraag/role"):
        for number in range(7):
            kept_render(("probe", number), lambda: "<p>x</p>")
            assert len(kept) <= 3
    assert kept


def test_a_new_secret_key_makes_a_new_session_serializer(app):
    """The serializer is kept (app/page_cache.py); a rotated key must still take effect at once."""
    client = app.test_client()
    answer(client, start(client), "self")
    assert client.get("/zelftest/vraag/age").status_code == 200
    old_key = app.secret_key
    app.secret_key = "another secret key for this test only"
    assert client.get("/zelftest/vraag/age").status_code == 302  # the old cookie no longer reads
    app.config["SECRET_KEY_FALLBACKS"] = [old_key]
    posted, _question, _root = answer(client, "/zelftest/vraag/role", "self")  # re-signed with the new key
    assert posted.status_code == 302
    assert client.get("/zelftest/vraag/age").status_code == 200
    app.secret_key = old_key
    app.config["SECRET_KEY_FALLBACKS"] = []
    assert client.get("/zelftest/vraag/age").status_code == 302


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1:8000", "Beschut-Werk.example.nl", "a" * 63 + ".nl:443"])
def test_plain_hosts_pass_and_bad_ones_still_get_400(client, host):
    assert client.get("/", headers={"Host": host}).status_code == 200
    for bad in ("a..b", "a" * 64 + ".example", ".example"):
        assert client.get("/", headers={"Host": bad}).status_code == 400, bad
