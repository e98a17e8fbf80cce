"""Where a page's time goes: one page served in-process (Flask's test client), timed and profiled.

Run: .venv/bin/python benchmarks/page_profile.py [home|question|result] [--count 2000] [--profile]

"question" is the third question of the self-check and "result" the result page, reached by
run_all's own walk (walk_selfcheck); "home" is asked without a cookie, as a first visit.
Prints the time per request (the best of five runs of --count requests); --profile adds cProfile's
top functions. Not a test: use it to find what to make cheaper, then measure with `make bench`.
"""

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("APP_ENV", "development")
os.environ.setdefault("RATELIMIT_ENABLED", "false")

from run_all import Browser, walk_selfcheck  # noqa: E402 - the same walk as `make bench`


class TestClientBrowser(Browser):
    """run_all's Browser, in-process: the same requests through Flask's test client."""

    def __init__(self, client):
        super().__init__("http://localhost")
        self.client = client

    def request(self, method: str, path: str, data: dict | None = None):
        headers = {"Cookie": self.cookie} if self.cookie else {}
        response = self.client.open(path, method=method, data=data, headers=headers)
        cookie = response.headers.get("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";", 1)[0]
        return response.status_code, response.headers.get("Location"), response.get_data()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", nargs="?", default="question", choices=("home", "question", "result"))
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    from wsgi import app

    client = app.test_client(use_cookies=False)
    question_path, question_cookie, result_cookie = walk_selfcheck(TestClientBrowser(client))
    path, cookie = {"home": ("/", None), "question": (question_path, question_cookie),
                    "result": ("/zelftest/uitslag", result_cookie)}[args.page]
    headers = {"Cookie": cookie} if cookie else {}
    assert client.get(path, headers=headers).status_code == 200, path
    for _ in range(200):  # warm-up: caches filled, code paths taken
        client.get(path, headers=headers)
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(args.count):
            client.get(path, headers=headers)
        best = min(best, (time.perf_counter() - started) / args.count)
    print(f"{args.page} ({path}): {best * 1e6:.0f} µs per request in-process, best of 5 x {args.count}")
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(args.count):
            client.get(path, headers=headers)
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
