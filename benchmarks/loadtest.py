"""Load test: 50 people walk the self-check at once for 60 s, on loopback; zero errors allowed.

    .venv/bin/python benchmarks/loadtest.py            # 50 connections, 60 s
    .venv/bin/python benchmarks/loadtest.py -c 20 -d 20s

Serves the app with gunicorn (gunicorn.conf.py, BENCH_WORKERS workers, default 4) on
PostgreSQL (a schema of its own, as in production) with RATELIMIT_ENABLED=false, and drives it
with wrk and benchmarks/selfcheck_walk.lua: every connection is one person with a cookie who
starts, answers every question (CSRF token included), checks the answers, sees the result, and
starts again. Exits non-zero on any error. Only ever against 127.0.0.1.
"""

import argparse
import os
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from support import WORKERS, gunicorn, postgres_schema, wrk  # noqa: E402

SCRIPT = str(Path(__file__).resolve().parent / "selfcheck_walk.lua")
README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- loadtest:start -->", "<!-- loadtest:end -->"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--connections", type=int, default=50)
    parser.add_argument("-d", "--duration", default="60s")
    parser.add_argument("--write-readme", action="store_true", help="put the figures in README.md")
    args = parser.parse_args()
    load = os.getloadavg()[0]

    with postgres_schema() as (db_url, admin, schema), gunicorn("wsgi:app", {"DATABASE_URL": db_url}) as url:
        # Each connection needs its own Lua state (its own person), so threads == connections.
        result = wrk(url, threads=args.connections, connections=args.connections, duration=args.duration,
                     script=SCRIPT)
        with admin.connect() as connection:
            events = connection.execute(text(f'SELECT count(*) FROM "{schema}".usage_event')).scalar()

    output = result["output"]
    walks = int(re.search(r"walks_completed (\d+)", output).group(1))
    walk_failures = int(re.search(r"walk_failures (\d+)", output).group(1))
    errors = result["non_2xx_3xx"] + result["socket_errors"] + walk_failures
    print(output)
    print(f"connections {args.connections}, duration {args.duration}, gunicorn workers {WORKERS}")
    print(f"requests {result['requests']}, {result['rps']:.0f} req/s, p50 {result['p50']:.1f} ms, "
          f"p99 {result['p99']:.1f} ms")
    print(f"self-checks completed {walks}, usage events stored {events}")
    print(f"errors {errors} (non-2xx/3xx {result['non_2xx_3xx']}, socket {result['socket_errors']}, "
          f"walk {walk_failures})")
    if args.write_readme:
        when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        figures = (
            f"Measured {when} on {os.cpu_count()} cores (load average {load:.1f} at the start), gunicorn "
            f"{WORKERS} sync workers, wrk -t{args.connections} -c{args.connections} -d{args.duration}:\n\n"
            f"| connections | requests | req/s | p50 ms | p99 ms | self-checks completed | errors |\n"
            f"|---:|---:|---:|---:|---:|---:|---:|\n"
            f"| {args.connections} | {result['requests']} | {result['rps']:.0f} | {result['p50']:.1f} "
            f"| {result['p99']:.1f} | {walks} | {errors} |"
        )
        readme = README.read_text()
        before, rest = readme.split(START, 1)
        _old, after = rest.split(END, 1)
        README.write_text(f"{before}{START}\n{figures}\n{END}{after}")
        print("README.md updated")
    return 1 if errors or walks == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
