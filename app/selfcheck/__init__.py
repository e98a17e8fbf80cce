"""The self-check (zelftest): questionnaire as data, rules, router, and the pages.

Layers, each importable on its own:
- questionnaire.py: the questions, options and routing conditions (data), texts per language;
- rules.py: evaluate(answers) -> Outcome with reasons (pure Python);
- router.py: path, next and previous step, can-access, where a Change leads (pure Python);
- describe.py: answers and outcomes written out in words (for the request document);
- session_store.py, forms.py, views.py: the web layer.
"""
