"""Bytes a first visit of the home page moves: the HTML and every stylesheet, script and image
it references, asked for with `Accept-Encoding: br` as a browser does (README "Speed").

    .venv/bin/python benchmarks/first_visit_bytes.py

Counts response bodies as sent (compressed where the server compressed them), through the
Flask test client: the same WSGI app gunicorn runs.
"""

import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import create_app  # noqa: E402

ASSET = re.compile(r'<(?:link[^>]*\bhref|script[^>]*\bsrc|img[^>]*\bsrc)="(/[^"]+)"')


def first_visit(client, path: str = "/") -> dict[str, int]:
    headers = {"Accept-Encoding": "br, gzip"}
    page = client.get(path, headers=headers)
    sizes = {path: len(page.get_data())}
    for url in dict.fromkeys(ASSET.findall(page.get_data(as_text=True))):
        if "/static/" in url:
            sizes[url] = len(client.get(url, headers=headers).get_data())
    return sizes


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app("testing", DATABASE_URL=f"sqlite:///{tmp}/db.sqlite3")
        sizes = first_visit(app.test_client())
    for url, size in sizes.items():
        print(f"{size:>7,}  {url}")
    print(f"{sum(sizes.values()):>7,}  total")
