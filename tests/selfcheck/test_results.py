"""The result pages as the spec's table says: one primary action, no page that contradicts itself,
"Opnieuw beginnen" confirmed once more, the law shown, hard words explained, the printed result,
and the helper's own words in every part (journeys for every outcome, both roles and languages)."""

import re

import pytest

from app.selfcheck import content
from app.selfcheck.questionnaire import OUTCOMES
from app.selfcheck.rules import BESLUIT_URL, PARTICIPATIEWET_URL, RULES, RULES_VERSION
from tests.selfcheck.cases import case_for_outcome
from tests.selfcheck.journey import find, outcome_of, page_of, text_of, walk

LANGS = ("nl", "en")
ROLES = ("self", "helper")
UWV_FORM = "https://uwv.nl/nl/beoordeling-arbeidsvermogen-aanvragen"

# The spec's table "What each outcome page must give": where the primary action leads.
PRIMARY = {
    "beschut_werk_likely": "/aanvraag",
    "uncertain": "/wie-kan-je-helpen",
    "banenafspraak_likely": UWV_FORM,
    "no_work_capacity_now": "/wie-kan-je-helpen",
    "regular_work": "/wie-kan-je-helpen",
    "wait_12_months": "/zelftest/vraag/new_facts?wijzig=1",
    "has_positive_advice": "/aanvraag",  # the letter to the gemeente, made on the request pages
    "already_wsw": "/wie-kan-je-helpen",
    "too_early": "/wie-kan-je-helpen",
    "not_applicable": "/wie-kan-je-helpen",
}
# "About asking UWV anyway": a link to prepare the request, or none at all.
ASK_ANYWAY = {"uncertain", "banenafspraak_likely", "no_work_capacity_now", "regular_work", "wait_12_months"}
NO_NEW_REQUEST = {"too_early", "not_applicable", "has_positive_advice", "already_wsw"}
PARTS = ("title", "summary", "primary", "reasons", "steps", "when", "help")
PERSON_WORDS = {"nl": {"je", "jij", "jou", "jouw", "jezelf"}, "en": {"you", "your", "yourself"}}
# Words the target group may not know: wherever a result uses one, the page explains it.
HARD_WORDS = {
    "nl": ["Wmo", "doelgroepregister", "loonkostensubsidie", "Praktijkroute", "jobcoach", "Wajong", "OPP",
           "uitstroomprofiel", "cliëntondersteuner", "klantmanager", "DigiD", "beschikking", "bezwaar",
           "dagbesteding", "banenafspraak", "machtiging", "AOW", "sociale werkvoorziening"],
    "en": ["Wmo", "doelgroepregister", "loonkostensubsidie", "Praktijkroute", "job coach", "Wajong", "OPP",
           "uitstroomprofiel", "client support worker", "case manager", "DigiD", "beschikking", "object",
           "day activities", "jobs agreement", "authorisation", "AOW", "sociale werkvoorziening"],
}


def result_page(app, client, outcome, role="self", lang="nl", path="/zelftest/uitslag"):
    answers = {**case_for_outcome(outcome)["answers"], "role": role}
    with client.session_transaction() as session:
        session["selfcheck"] = {"answers": answers}
    response = client.get(("/en" if lang == "en" else "") + path)
    assert response.status_code == 200
    return page_of(response), response.get_data(as_text=True)


OTHERS = {"resume", "after-request-link"}  # issue 13's resume code, issue 16's link to "na je aanvraag"


def main_without_others(root):
    """<main> without the parts other issues own on the page."""
    main = root.find(".//main")
    for parent in main.iter():
        for child in list(parent):
            if OTHERS & set((child.get("class") or "").split()):
                parent.remove(child)
    return main


def parts_of(root) -> dict[str, str]:
    parts = {}
    for element in root.iter():
        name = element.get("data-part")
        if name:
            parts[name] = text_of(element)
    return parts


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.?!:])\s+", text) if s.strip()]


def addresses_reader(sentence: str, lang: str) -> bool:
    return bool(set(re.findall(r"[a-zà-ü']+", sentence.lower())) & PERSON_WORDS[lang])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("outcome", OUTCOMES)
def test_journey_helper_text_differs_from_self_text_in_every_part(client, outcome, lang):
    case = case_for_outcome(outcome)
    pages = {}
    for role in ROLES:
        with client.session_transaction() as session:
            session.clear()
        result = walk(client, {**case["answers"], "role": role}, lang)
        assert outcome_of(result.result) == outcome
        pages[role] = result.result
    mine, theirs = parts_of(pages["helper"]), parts_of(pages["self"])
    expected = set(PARTS) | ({"anyway"} if outcome in ASK_ANYWAY else set())
    assert expected <= set(mine) and expected <= set(theirs), (set(mine), set(theirs))
    for part in expected:
        assert mine[part] and theirs[part], part
        assert mine[part] != theirs[part], f"{outcome} {lang}: the helper reads the self text in {part!r}"
    # Not one sentence of the self page that speaks to the person comes back on the helper page.
    self_sentences = {s for s in sentences(text_of(main_without_others(pages["self"]))) if addresses_reader(s, lang)}
    repeated = self_sentences & set(sentences(text_of(main_without_others(pages["helper"]))))
    assert not repeated, f"{outcome} {lang}: the helper page repeats {sorted(repeated)}"


def test_the_repeat_check_can_fail():
    """The check above finds a self sentence that comes back on a helper page."""
    self_text = "Je logt in met je eigen DigiD. Deze test beslist niets."
    helper_text = "De persoon logt in. Je logt in met je eigen DigiD."
    mine = {s for s in sentences(self_text) if addresses_reader(s, "nl")}
    assert mine & set(sentences(helper_text)) == {"Je logt in met je eigen DigiD."}
    assert not addresses_reader("Deze test beslist niets.", "nl")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("outcome", OUTCOMES)
def test_one_primary_action_and_a_page_that_never_contradicts_itself(app, client, outcome, role, lang):
    root, html = result_page(app, client, outcome, role, lang)
    prefix = "/en" if lang == "en" else ""
    primary = [a for a in root.iter("a") if a.get("data-action") == "primary"]
    assert len(primary) == 1, "one primary action"
    target = PRIMARY[outcome]
    assert primary[0].get("href") == (target if target.startswith("http") else prefix + target)
    assert "button" in primary[0].get("class").split() and "button--secondary" not in primary[0].get("class")
    # "Opnieuw beginnen" is secondary, and it does not clear anything by itself.
    restart = find(root, "a", data_action="restart")
    assert restart is not None and "button--secondary" in restart.get("class")
    assert find(root, "form", **{"class": "restart-form"}) is None
    prepare = find(root, "a", data_action="prepare-request")
    if outcome in ASK_ANYWAY:
        assert prepare is not None and prepare.get("href") == prefix + "/aanvraag"
    else:
        assert prepare is None
    if outcome in NO_NEW_REQUEST - {"has_positive_advice"}:
        assert f'href="{prefix}/aanvraag' not in html
    text = text_of(root.find(".//main"))
    if outcome in NO_NEW_REQUEST:
        for words in ("altijd zelf advies", "Maak je aanvraag klaar", "always ask", "Prepare your request"):
            assert words not in text, (outcome, words)
    if outcome == "wait_12_months":
        for wrong in ("pas 12 maanden", "pas na 12 maanden", "only after 12 months", "only ask for advice again 12"):
            assert wrong not in text
        assert ("mag opnieuw advies vragen" in text) or ("may ask for advice again" in text)
    # Every result links to "Wie kan je helpen?".
    assert find(root, "a", href=prefix + "/wie-kan-je-helpen") is not None


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("outcome", OUTCOMES)
def test_the_result_names_the_law_behind_it_with_a_link(app, client, outcome, lang):
    root, _html = result_page(app, client, outcome, "self", lang)
    section = find(root, "section", data_part="legal-basis")
    assert section is not None
    rule = next(r for r in RULES if r.number == case_for_outcome(outcome)["expected"]["rule"])
    items = [li for li in section.iter("li") if li.get("data-article")]
    assert [li.get("data-article") for li in items] == [basis.article for basis in rule.legal_basis]
    for li, basis in zip(items, rule.legal_basis, strict=True):
        link = li.find("a")
        assert link.get("href") == basis.url and link.get("href") in (BESLUIT_URL, PARTICIPATIEWET_URL)
        assert basis.title in text_of(link)
    assert RULES_VERSION in text_of(section)
    if not rule.legal_basis:
        assert "keuze van deze zelftest" in text_of(section) or "choice made by this self-check" in text_of(section)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("outcome", OUTCOMES)
def test_every_hard_word_on_a_result_is_explained_on_the_page(app, client, outcome, role, lang):
    root, _html = result_page(app, client, outcome, role, lang)
    main = main_without_others(root)
    words = find(main, "section", data_part="words")
    explained = {text_of(dt).lower() for dt in words.iter("dt")} if words is not None else set()
    body = text_of(main)
    if words is not None:
        body = body.replace(text_of(words), "")
    for word in HARD_WORDS[lang]:
        if re.search(rf"\b{re.escape(word)}", body):
            assert any(word.lower() in term for term in explained), f"{outcome} {role} {lang}: {word!r} unexplained"
    # Each marked word links to its explanation on the same page.
    for link in main.iter("a"):
        if "term" in (link.get("class") or "").split():
            assert find(main, "dt", id=link.get("href").removeprefix("#")) is not None


def test_every_word_mark_in_the_results_has_an_explanation():
    for lang in LANGS:
        data = content.load(lang)
        marks = set(re.findall(r"\[\[([a-z0-9-]+)", str(data["outcomes"])))
        assert marks <= set(content.outcome_words(lang)), marks - set(content.outcome_words(lang))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("outcome", ["beschut_werk_likely", "banenafspraak_likely", "too_early"])
def test_the_printed_result_has_date_address_rules_version_and_no_screen_links(app, client, outcome, lang):
    root, html = result_page(app, client, outcome, "helper", lang, "/zelftest/uitslag/afdrukken")
    meta = find(root, "p", data_part="print-meta")
    assert meta is not None
    text = text_of(meta)
    assert "localhost" in text and RULES_VERSION in text
    assert re.search(r"\b20\d\d\b", text.replace(RULES_VERSION, "")), "the date the result was made"
    main = root.find(".//main")
    body = [a for a in main.iter("a") if not (a.get("class") or "").startswith("resume") and a.get("href")]
    screen_only = [a.get("href") for a in body if a.get("data-action") in ("primary", "restart", "who-can-help",
                                                                             "prepare-request")
                   or "term" in (a.get("class") or "").split()]
    assert not screen_only, screen_only
    if outcome != "too_early":
        assert "uwv.nl/nl/beoordeling-arbeidsvermogen-aanvragen" in text_of(main)


@pytest.mark.parametrize("lang", LANGS)
def test_start_again_asks_once_more_and_going_back_keeps_everything(app, client, lang):
    root, _html = result_page(app, client, "uncertain", "self", lang)
    prefix = "/en" if lang == "en" else ""
    link = find(root, "a", data_action="restart")
    assert link.get("href") == prefix + "/zelftest/opnieuw"
    confirm = client.get(link.get("href"))
    assert confirm.status_code == 200
    page = page_of(confirm)
    form = find(page, "form", data_action="confirm-restart")
    assert form is not None and form.get("method") == "post"
    back = [a for a in page.iter("a") if a.get("href") == prefix + "/zelftest/uitslag"]
    assert back, "a way back to the result"
    # Not confirming keeps the result.
    assert outcome_of(page_of(client.get(prefix + "/zelftest/uitslag"))) == "uncertain"
    token = find(form, "input", name="csrf_token").get("value")
    cleared = client.post(form.get("action"), data={"csrf_token": token})
    assert cleared.headers["Location"].endswith(prefix + "/zelftest/vraag/role")
    assert client.get(prefix + "/zelftest/uitslag").status_code == 302
    # With nothing to clear, the question is not asked.
    assert client.get(prefix + "/zelftest/opnieuw").headers["Location"].endswith("/zelftest/vraag/role")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ["/", "/voor-jou"])
def test_home_and_voor_jou_lead_to_preparing_the_request(client, path, lang):
    prefix = "/en" if lang == "en" else ""
    root = page_of(client.get(prefix + path if path != "/" or not prefix else prefix + "/"))
    link = find(root, "a", data_action="prepare-request")
    assert link is not None and link.get("href") == prefix + "/aanvraag"
