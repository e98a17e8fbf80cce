"""Issue 14 point 3: while PostgreSQL cannot be reached (the proxy is down), every request page
that shows stored details says they cannot be reached now and are not lost (503), in the page's
language, instead of acting as if the person never started; once the database is back the same
draft is there. Real gunicorn, real PostgreSQL behind tests/reliability/proxy.py."""

from app.aanvraag.documents import KINDS
from app.aanvraag.fields import SLUGS
from tests.reliability.visitor import Visitor
from tests.reliability.walks import Walk, answer_selfcheck, fill_request, finish_selfcheck

NAME = "Bewaarproef"
READ_PAGES = (["/aanvraag"] + [f"/aanvraag/{slug}" for slug in SLUGS]
              + ["/aanvraag/controleren", "/aanvraag/klaar"]
              + [f"/aanvraag/document/{kind}.pdf" for kind in KINDS]
              + [f"/aanvraag/afdrukken/{kind}" for kind in KINDS])
MESSAGE = {
    "nl": ("nu niet bereiken", "Er is niets verloren"),
    "en": ("cannot reach", "Nothing has been lost"),
}


def test_request_pages_read_during_an_outage_say_the_details_are_kept(behind_proxy):
    server, proxy, _admin, _schema = behind_proxy
    walk = Walk(Visitor(), [server.url])
    answer_selfcheck(walk)
    finish_selfcheck(walk)
    fill_request(walk, NAME)

    proxy.down()
    for lang, prefix in (("nl", ""), ("en", "/en")):
        for path in READ_PAGES:
            response = walk.visitor.get(server.url, prefix + path)
            where = f"{prefix}{path}"
            assert response.status == 503, f"{where}: {response.status}"
            assert response.headers.get("content-type", "").startswith("text/html"), where
            for words in MESSAGE[lang]:
                assert words in response.text, f"{where}: {words!r} missing"
            assert f'lang="{lang}"' in response.text, where
            assert NAME not in response.text, where

    proxy.up()
    _path, done = walk.get("/aanvraag/klaar")
    assert done.status == 200
    _path, check = walk.get("/aanvraag/controleren")
    assert check.status == 200 and NAME in check.text  # the same draft, nothing lost
    for kind in KINDS:
        _path, printed = walk.get(f"/aanvraag/afdrukken/{kind}")
        assert printed.status == 200 and NAME in printed.text, kind
        response = walk.visitor.get(server.url, f"/aanvraag/document/{kind}.pdf")
        assert response.status == 200 and response.body.startswith(b"%PDF"), kind
    assert NAME not in server.log_text()
