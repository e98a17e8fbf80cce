"""Every user-facing string exists in English, and the .pot file is up to date.

Dutch is the source language: msgids are the Dutch (B1) text, translations/en holds English.
"""

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
POT = ROOT / "translations" / "messages.pot"
EN_PO = ROOT / "translations" / "en" / "LC_MESSAGES" / "messages.po"


def _ids(catalog) -> set:
    return {(m.id if isinstance(m.id, str) else tuple(m.id), m.context) for m in catalog if m.id}


def test_every_english_string_is_translated_and_not_fuzzy():
    with EN_PO.open("rb") as handle:
        catalog = read_po(handle, locale="en")
    problems = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple | list) else [message.string]
        if message.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        elif not all(s and s.strip() for s in strings):
            problems.append(f"missing: {message.id!r}")
    assert not problems, "\n".join(problems)


def test_pot_file_is_up_to_date(tmp_path):
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "-k", "_l",
         "-k", "lazy_gettext", "--no-location", "--sort-output", "--omit-header", "--no-wrap", "-o", str(fresh), "."],
        cwd=ROOT, check=True, capture_output=True,
    )
    with fresh.open("rb") as handle:
        extracted = _ids(read_po(handle))
    with POT.open("rb") as handle:
        committed = _ids(read_po(handle))
    missing, stale = extracted - committed, committed - extracted
    assert not missing and not stale, (
        f"run `make translations-update`: {len(missing)} new, {len(stale)} stale strings; "
        f"new: {sorted(map(str, missing))[:5]} stale: {sorted(map(str, stale))[:5]}"
    )


def test_english_catalogue_has_every_string_of_the_pot():
    with POT.open("rb") as handle:
        template = _ids(read_po(handle))
    with EN_PO.open("rb") as handle:
        english = _ids(read_po(handle, locale="en"))
    assert template <= english, f"not in en/messages.po: {sorted(map(str, template - english))[:10]}"
