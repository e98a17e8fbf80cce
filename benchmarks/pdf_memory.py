"""Does making PDFs leave memory behind in the worker? RSS before and after N request PDFs.

Run: .venv/bin/python benchmarks/pdf_memory.py [--count 2000] [--kind brief-gemeente] [--as-before]

Renders the request document's HTML once (the same full set of answers as pdf_generation.py) and
turns it into PDF/UA-1 --count times in this one process, as a gunicorn worker does, reading VmRSS
from /proc/self/status after a warm-up of 20 documents and every 250 documents after that. A
leak shows as a line that keeps climbing; a healthy worker levels off after the warm-up.
--as-before gives every document a FontConfiguration of its own, as before issue 14 (the leak).
"""

import argparse
import gc
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.pdf_generation import app_and_draft  # noqa: E402

WARM_UP = 20


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--kind", default="brief-gemeente", choices=("brief-gemeente", "voorbereiding"))
    parser.add_argument("--as-before", action="store_true", help="a new FontConfiguration per document")
    args = parser.parse_args()

    from app.aanvraag import documents
    from app.documents import pdf

    def render_pdf(html: str) -> bytes:
        if args.as_before:
            from weasyprint.text.fonts import FontConfiguration

            state = pdf._process_state()
            state["font_config"] = FontConfiguration()
            state["stylesheets"] = {}  # they were parsed with the previous font configuration
        return pdf.render_pdf(html)

    app, draft = app_and_draft()
    with app.app_context():
        html = documents.standalone_html(args.kind, draft, "nl")
    for _ in range(WARM_UP):
        render_pdf(html)
    gc.collect()
    start_rss, start = rss_mb(), time.perf_counter()
    print(f"{args.kind} PDF, after {WARM_UP} warm-up documents: VmRSS {start_rss:.1f} MB")
    for done in range(1, args.count + 1):
        render_pdf(html)
        if done % 250 == 0 or done == args.count:
            gc.collect()
            print(f"  after {done:>5} PDFs: VmRSS {rss_mb():.1f} MB")
    end_rss = rss_mb()
    per_pdf = (end_rss - start_rss) * 1024 / args.count
    print(f"growth over {args.count} PDFs: {end_rss - start_rss:+.1f} MB ({per_pdf:+.1f} KB per PDF), "
          f"{time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
