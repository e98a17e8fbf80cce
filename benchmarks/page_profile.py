"""Where a page's time goes: one page served in-process (Flask's test client), timed and profiled.

Run: .venv/bin/python benchmarks/page_profile.py [home|question|result] [--count 2000] [--profile]

"question" is the third question of the self-check and "result" the result page, reached by
answering as benchmarks/run_all.py does; "home" is asked without a cookie, as a first visit.
Prints the time per request (the best of five runs of --count requests); --profile adds cProfile's
top functions. Not a test: use it to find what to make cheaper, then measure with `make bench`.
"""

import argparse
import cProfile
import os
import pstats
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("APP_ENV", "development")
os.environ.setdefault("RATELIMIT_ENABLED", "false")

PREFER = ("16_or_older", "school", "dont_know")  # the answers benchmarks/run_all.py gives


def walked_client(app, to_result: bool):
    """A test client whose session has answered the first two questions (or all of them)."""
    client = app.test_client()
    start = client.get("/zelftest").get_data(as_text=True)
    path = re.search(r'href="(/zelftest/vraag/[^"]+)"[^>]*data-action="start"', start).group(1)
    number, third = 0, None
    while path.startswith("/zelftest/vraag/"):
        number += 1
        html = client.get(path).get_data(as_text=True)
        if number == 3:
            third = path
            if not to_result:
                return client, third
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)
        radios = re.findall(r'<input[^>]*type="radio"[^>]*>', html)
        name = re.search(r'name="([^"]+)"', radios[0]).group(1)
        values = [re.search(r'value="([^"]+)"', radio).group(1) for radio in radios]
        value = next((v for v in PREFER if v in values), values[0])
        posted = client.post(path, data={"csrf_token": token, name: value})
        path = re.sub(r"^https?://[^/]+", "", posted.headers["Location"]).split("?")[0]
    html = client.get(path).get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)
    client.post(path, data={"csrf_token": token})
    return client, "/zelftest/uitslag"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", nargs="?", default="question", choices=("home", "question", "result"))
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    from wsgi import app

    if args.page == "home":
        client, path = app.test_client(use_cookies=False), "/"
    else:
        client, path = walked_client(app, to_result=args.page == "result")
    assert client.get(path).status_code == 200, path
    for _ in range(200):  # warm-up: caches filled, code paths taken
        client.get(path)
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(args.count):
            client.get(path)
        best = min(best, (time.perf_counter() - started) / args.count)
    print(f"{args.page} ({path}): {best * 1e6:.0f} µs per request in-process, best of 5 x {args.count}")
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(args.count):
            client.get(path)
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
