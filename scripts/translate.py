"""Fill English translations from a JSON file: {"Dutch msgid": "English text", ...}.

Usage: .venv/bin/python scripts/translate.py translations.json
Strings not in the file are left as they are; `make test` fails on any left empty.
"""

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

PO = Path(__file__).resolve().parent.parent / "translations" / "en" / "LC_MESSAGES" / "messages.po"


def main(mapping_file: str) -> None:
    mapping = json.loads(Path(mapping_file).read_text(encoding="utf-8"))
    with PO.open("rb") as handle:
        catalog = read_po(handle, locale="en")
    filled = 0
    for message in catalog:
        if message.id in mapping:
            message.string = mapping[message.id]
            message.flags.discard("fuzzy")
            filled += 1
    unknown = set(mapping) - {m.id for m in catalog}
    with PO.open("wb") as handle:
        write_po(handle, catalog, width=0, omit_header=False)
    print(f"filled {filled}; not in catalogue (run make translations-update first): {len(unknown)}")
    for msgid in sorted(unknown):
        print("  ", msgid)


if __name__ == "__main__":
    main(sys.argv[1])
