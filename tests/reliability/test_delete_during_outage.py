"""Issue 13: "Verwijder mijn gegevens" while PostgreSQL cannot be reached (the proxy is down)
says the details are not removed yet, keeps what it needs, and a retry once the database is
back removes the row. Real gunicorn, real PostgreSQL behind tests/reliability/proxy.py."""

from sqlalchemy import text

from tests.reliability.visitor import Visitor, main_form
from tests.reliability.walks import Walk, answer_selfcheck, fill_request, finish_selfcheck


def draft_rows(admin, schema) -> int:
    with admin.connect() as connection:
        return connection.execute(text(f'SELECT count(*) FROM "{schema}".request_draft')).scalar()


def test_a_delete_during_an_outage_says_so_and_a_retry_removes_the_row(behind_proxy):
    server, proxy, admin, schema = behind_proxy
    walk = Walk(Visitor(), [server.url])
    answer_selfcheck(walk)
    finish_selfcheck(walk)
    done = fill_request(walk, "Uitvalproef")
    assert draft_rows(admin, schema) == 1
    form = main_form(done, "/aanvraag/klaar", "/aanvraag/verwijderen")
    assert form, "no delete form on the klaar page"

    proxy.down()
    path, page = walk.post(form.action, form.plausible_data())
    assert page.status == 503, f"{path}: {page.status}"
    assert "nog niet verwijderd" in page.text and "Je gegevens zijn verwijderd" not in page.text
    assert draft_rows(admin, schema) == 1  # the truth: the row is still there
    # The self-check answers are gone already (they live only in the cookie).
    _path, result = walk.get("/zelftest/uitslag")
    assert "data-outcome" not in result.text

    proxy.up()
    retry = main_form(page.text, path, "/aanvraag/verwijderen")
    assert retry, "no button to try again"
    path, page = walk.post(retry.action, retry.plausible_data())
    assert page.status == 200 and path.startswith("/aanvraag/verwijderd"), f"{path}: {page.status}"
    assert "zijn verwijderd" in page.text
    assert draft_rows(admin, schema) == 0
    log = server.log_text()
    assert "not deleted yet" in log and "Uitvalproef" not in log
