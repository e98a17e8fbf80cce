"""The content files: both languages complete, every hard word, pictogram and source known."""

import re
import shutil
from pathlib import Path

import pytest
import yaml
from defusedxml import ElementTree as ET

from app.content.checks import missing_translations, terms_used
from tests.content.conftest import CONTENT, LANGS, ROOT

PICTOGRAMS = ROOT / "app" / "static" / "img" / "pictograms"


def documents(lang: str, folder: str) -> dict[str, dict]:
    paths = sorted((CONTENT / lang / folder).glob("*.yaml"))
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in paths}


def load(lang: str, name: str):
    return yaml.safe_load((CONTENT / lang / name).read_text(encoding="utf-8"))


def all_documents(lang: str) -> dict[str, dict]:
    found = {}
    for folder in ("start", "voor-jou", "professionals", "informatiebladen", "hulp"):
        found.update({f"{folder}/{slug}": doc for slug, doc in documents(lang, folder).items()})
    return found


def test_every_content_file_exists_in_both_languages():
    assert missing_translations(CONTENT) == []


def test_a_page_in_only_one_language_is_reported(tmp_path):
    copy = tmp_path / "content"
    shutil.copytree(CONTENT / "nl", copy / "nl")
    shutil.copytree(CONTENT / "en", copy / "en")
    (copy / "en" / "voor-jou" / "na-je-vraag.yaml").unlink()
    (copy / "nl" / "professionals" / "extra.yaml").write_text("title: Extra\n", encoding="utf-8")
    problems = missing_translations(copy)
    assert "nl/voor-jou/na-je-vraag.yaml has no en version" in problems
    assert "nl/professionals/extra.yaml has no en version" in problems


def test_a_glossary_word_in_only_one_language_is_reported(tmp_path):
    copy = tmp_path / "content"
    shutil.copytree(CONTENT, copy)
    path = copy / "en" / "woordenlijst.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["words"] = [w for w in data["words"] if w["id"] != "bezwaar"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert any("woordenlijst.yaml" in p and "bezwaar" in p for p in missing_translations(copy))


@pytest.mark.parametrize("lang", LANGS)
def test_the_routes_have_the_pages_the_issue_asks_for(lang):
    reading = [slug for slug in documents(lang, "voor-jou") if slug != "samenvatting"]
    assert len(reading) >= 4
    assert "samenvatting" in documents(lang, "voor-jou")
    assert {"wettelijk-kader", "wie-kan-aanvragen", "criteria", "procedure", "bezwaar", "school", "vergelijking",
            "zelftest-samen"} <= set(documents(lang, "professionals"))
    sheets = documents(lang, "informatiebladen")
    assert {"beschut-werk-makkelijk", "mentoren-pro-vso", "stappen-aanvraag", "verschillen"} <= set(sheets)


@pytest.mark.parametrize("lang", LANGS)
def test_every_document_has_a_title_and_sections_with_headings(lang):
    for name, document in all_documents(lang).items():
        assert document.get("title"), f"{lang}/{name}: no title"
        for section in document.get("sections") or []:
            assert section.get("heading"), f"{lang}/{name}: a section without heading"
            filled = section.get("text") or section.get("table") or section.get("lines")
            assert filled, f"{lang}/{name}: empty section {section['heading']}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_hard_word_is_in_the_glossary(lang):
    words = {w["id"] for w in load(lang, "woordenlijst.yaml")["words"]}
    for name, document in all_documents(lang).items():
        unknown = terms_used(document) - words
        assert not unknown, f"{lang}/{name}: {sorted(unknown)} not in woordenlijst.yaml"


@pytest.mark.parametrize("lang", LANGS)
def test_every_target_group_section_has_a_known_pictogram_with_a_text_alternative(lang):
    alts = yaml.safe_load((CONTENT / lang / "pictogrammen.yaml").read_text(encoding="utf-8"))["pictograms"]
    easy_sheet = documents(lang, "informatiebladen")["beschut-werk-makkelijk"]
    pages = {**documents(lang, "voor-jou"), **documents(lang, "hulp"), "beschut-werk-makkelijk": easy_sheet}
    for slug, document in pages.items():
        for section in document["sections"]:
            name = section.get("pictogram")
            assert name, f"{lang}/{slug}: section {section['heading']!r} has no pictogram"
            assert name in alts and alts[name].strip(), f"{lang}: pictogram {name} has no text alternative"
            assert (PICTOGRAMS / f"{name}.svg").exists()


def test_every_pictogram_is_a_small_in_house_svg():
    files = sorted(PICTOGRAMS.glob("*.svg"))
    assert len(files) >= 8
    for path in files:
        root = ET.parse(path).getroot()
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        text = path.read_text(encoding="utf-8")
        assert "http" not in text.replace("http://www.w3.org/2000/svg", ""), f"{path.name} refers outside"
        assert path.stat().st_size < 2000


@pytest.mark.parametrize("lang", LANGS)
def test_every_source_has_a_link_and_a_check_date_and_every_citation_is_known(lang):
    sources = yaml.safe_load((CONTENT / lang / "bronnen.yaml").read_text(encoding="utf-8"))["sources"]
    ids = [s["id"] for s in sources]
    assert len(ids) == len(set(ids))
    for source in sources:
        assert source["url"].startswith("https://"), source["id"]
        assert re.fullmatch(r"20\d\d-(0[1-9]|1[0-2])", str(source["checked"])), source["id"]
        assert source["title"] and source["note"]
    for slug, document in documents(lang, "professionals").items():
        cited = document.get("sources") or []
        assert cited, f"{lang}/{slug} cites no source"
        assert set(cited) <= set(ids), f"{lang}/{slug}: unknown {sorted(set(cited) - set(ids))}"


def test_dutch_and_english_sources_share_links_and_dates():
    nl, en = ({s["id"]: (s["url"], s["checked"]) for s in yaml.safe_load(
        (CONTENT / lang / "bronnen.yaml").read_text(encoding="utf-8"))["sources"]} for lang in LANGS)
    assert nl == en


def test_no_bsn_is_asked_for_and_no_diagnosis_is_named():
    for path in Path(CONTENT).rglob("*.yaml"):
        text = path.read_text(encoding="utf-8").lower()
        assert not re.search(r"\b\d{9}\b", text), f"{path}: a nine-digit number"
        for word in ("autisme", "autism", "adhd", "down syndrome", "syndroom van down"):
            assert word not in text, f"{path} names a diagnosis"
