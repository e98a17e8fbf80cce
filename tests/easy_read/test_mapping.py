"""The pictogram mapping of the self-check (issue 16): every question has a pictogram, the three
answers have the same three everywhere, every name is a file in our own style with a text in
content/*/pictogrammen.yaml."""

import re
from pathlib import Path

import yaml

from app.easy_read import mapping, selfcheck_pictogram
from app.selfcheck.questionnaire import ORDER, QUESTIONS

ROOT = Path(__file__).resolve().parent.parent.parent
PICTOGRAMS = ROOT / "app" / "static" / "img" / "pictograms"


def test_every_question_has_a_pictogram_and_no_unknown_question_is_mapped():
    assert set(mapping()["questions"]) == set(ORDER)


def test_the_three_answers_have_three_different_pictograms():
    answers = mapping()["answers"]
    assert set(answers) == {"yes", "no", "dont_know"}
    assert len(set(answers.values())) == 3
    # Every question that offers one of these answers gets the same pictogram for it.
    offered = {value for q in QUESTIONS for value in q.options}
    assert {"yes", "no", "dont_know"} <= offered
    assert selfcheck_pictogram("answers", "school") is None


def test_every_pictogram_is_an_svg_in_our_style_with_a_text_in_both_languages():
    names = {name for kind in mapping().values() for name in kind.values()}
    texts = {lang: yaml.safe_load((ROOT / "content" / lang / "pictogrammen.yaml").read_text(encoding="utf-8"))
             ["pictograms"] for lang in ("nl", "en")}
    for name in names:
        svg = (PICTOGRAMS / f"{name}.svg").read_text(encoding="utf-8")
        assert 'viewBox="0 0 64 64"' in svg and 'stroke="#01689b"' in svg and 'stroke-width="3"' in svg, name
        assert not re.search(r"<(script|image|text)\b|href=", svg), f"{name}: only lines and shapes"
        for lang in texts:
            assert texts[lang].get(name, "").startswith("Pictogram: "), (lang, name)
