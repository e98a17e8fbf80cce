"""Speed of the figures page and its CSV with many usage events, in process (SQLite file in /tmp).

Usage: .venv/bin/python benchmarks/figures_page.py [number of events, default 200000]
Fills a fresh, migrated SQLite database with events spread over 25 months, then prints the
median time of 20 requests (after one warm-up) for the page, the CSV and, as a yardstick, a
content page with the feedback block. A measurement, never a test.
"""

import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from alembic import command  # noqa: E402
from alembic.config import Config as AlembicConfig  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from app import create_app  # noqa: E402
from app.monitoring import figures  # noqa: E402
from app.storage.db import session  # noqa: E402
from app.storage.models import UsageEvent  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EVENTS = [
    ("selfcheck_started", ["nl", "en"]),
    ("selfcheck_finished", ["nl", "en"]),
    ("selfcheck_outcome", list(figures.OUTCOMES)),
    ("selfcheck_role", ["self", "helper"]),
    ("selfcheck_question", list(figures.QUESTIONS)),
    ("sheet_download", ["stappen-aanvraag-nl", "stappen-aanvraag-en", "criteria-nl"]),
    ("request_document", ["voorbereiding", "brief-gemeente"]),
]


def main(count: int) -> None:
    path = Path(tempfile.mkdtemp()) / "figures.sqlite3"
    url = f"sqlite:///{path}"
    config = AlembicConfig(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "migrations"))
    config.set_main_option("sqlalchemy.url", url)
    command.upgrade(config, "head")
    app = create_app("testing", DATABASE_URL=url, RATELIMIT_ENABLED=False)
    rng = random.Random(7)
    today = date.today()
    rows = []
    for _ in range(count):
        name, values = rng.choice(EVENTS)
        rows.append({"day": today - timedelta(days=rng.randrange(760)), "name": name, "value": rng.choice(values)})
    with app.app_context():
        session().execute(insert(UsageEvent), rows)
        session().commit()
    client = app.test_client()
    for url_path in ("/professionals/cijfers", "/professionals/cijfers.csv", "/voor-jou"):
        client.get(url_path)
        times = []
        for _ in range(20):
            start = time.perf_counter()
            response = client.get(url_path)
            times.append(time.perf_counter() - start)
            assert response.status_code == 200
        print(f"{url_path}: median {statistics.median(times) * 1000:.0f} ms ({count:,} events)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000)
