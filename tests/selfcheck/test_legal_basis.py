"""The law behind each rule is the spec's table, exactly (selfcheck.md, "The law behind each outcome")."""

import ast
from pathlib import Path

from app.selfcheck import rules
from app.selfcheck.rules import RULES

PW = ("Participatiewet", "artikel 10b lid 1", "https://wetten.overheid.nl/BWBR0015703/2025-02-04#Artikel10b")
BESLUIT = ("Besluit advisering beschut werk", "https://wetten.overheid.nl/BWBR0035947/2022-07-01#Artikel3")

# Rule number -> (title, article, url) as the spec's table writes them.
TABLE = {
    1: [],
    2: [],
    3: [],
    4: [PW],
    5: [(BESLUIT[0], "artikel 3 lid 3 onder b en lid 6", BESLUIT[1])],
    6: [(BESLUIT[0], "artikel 3 lid 3 onder a, lid 4 en lid 5", BESLUIT[1])],
    **{n: [(BESLUIT[0], "artikel 3 lid 1", BESLUIT[1])] for n in (7, 8)},
    **{n: [(BESLUIT[0], "artikel 3 lid 1 onder a en b, en lid 2", BESLUIT[1])] for n in (9, 10, 11, 12)},
    **{n: [PW] for n in (13, 14, 15)},
}


def test_every_rule_carries_the_articles_of_the_spec_table():
    assert [rule.number for rule in RULES] == list(range(1, 16))
    for rule in RULES:
        assert [(b.title, b.article, b.url) for b in rule.legal_basis] == TABLE[rule.number], rule.number


def test_an_outcome_carries_the_legal_basis_of_the_rule_that_gave_it():
    answers = {"role": "self", "age": "16_or_older", "situation": "none", "previous_advice": "negative",
               "new_facts": "no"}
    outcome = rules.evaluate(answers)
    assert outcome.rule == 5
    assert outcome.legal_basis == RULES[4].legal_basis


def test_the_rules_do_not_import_the_flow():
    """Flow depends on rules, never the reverse (issue 10 point 4)."""
    tree = ast.parse(Path(rules.__file__).read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            imported.add(node.module)
            imported.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
    assert imported, "no imports found: the test reads the wrong file"
    flow = {"app.selfcheck.router", "app.selfcheck.walk", "app.selfcheck.views", "flask"}
    assert not {name for name in imported if name in flow or name.split(".")[0] == "flask"}, imported
    assert "app.selfcheck.questionnaire" in imported
