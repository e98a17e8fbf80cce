"""Information sheets: how long the PDFs take to make, and the list page cold and warm.

Run: .venv/bin/python benchmarks/information_sheets.py [--count 20]

- cold list: the first request to /professionals/informatiebladen after start-up; it makes
  every sheet's PDF in both languages (to show pages and size) and caches them in memory;
- warm list and download: later requests, served from that cache;
- render: making one sheet's PDF from its content file (median and p95 over all sheets).
"""

import argparse
import logging
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import create_app  # noqa: E402
from app.content.loader import list_documents  # noqa: E402
from app.documents import sheets  # noqa: E402
from app.documents.pdf import render_pdf_with_page_count  # noqa: E402


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20)
    args = parser.parse_args()
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.WARNING)

    app = create_app("testing", DATABASE_URL="sqlite://")
    client = app.test_client()
    start = time.perf_counter()
    assert client.get("/professionals/informatiebladen").status_code == 200
    cold = time.perf_counter() - start

    warm = []
    for _ in range(args.count):
        start = time.perf_counter()
        client.get("/en/professionals/informatiebladen")
        warm.append(time.perf_counter() - start)

    renders = []
    with app.test_request_context("/"):
        slugs = [d["slug"] for d in list_documents("nl", sheets.FOLDER)]
        for _ in range(max(1, args.count // 5)):
            for slug in slugs:
                for lang in ("nl", "en"):
                    html = sheets.sheet_html(slug, lang)
                    start = time.perf_counter()
                    render_pdf_with_page_count(html)
                    renders.append(time.perf_counter() - start)

    renders.sort()
    print(f"cold list page (makes {2 * len(slugs)} PDFs): {ms(cold)}")
    print(f"warm list page: median {ms(statistics.median(warm))}")
    print(f"one sheet PDF: median {ms(statistics.median(renders))}, "
          f"p95 {ms(renders[int(0.95 * (len(renders) - 1))])} over {len(renders)} renders")


if __name__ == "__main__":
    main()
