"""Speed benchmark (`make bench`): the site against a bare Flask page, in one run.

    .venv/bin/python benchmarks/run_all.py                  # print the table
    .venv/bin/python benchmarks/run_all.py --write-readme   # and put it in README.md ("Speed")

Serves a bare Flask "hello" page (benchmarks/bare_flask.py) and the site (wsgi:app, on a
PostgreSQL schema of its own, rate limits off) with the same gunicorn settings
(gunicorn.conf.py, BENCH_WORKERS workers, default 4). For the home page, a question page
(the third question, with a session cookie) and the result page, it runs wrk after a warm-up
run and reports requests per second, p50 and p99 latency, and the ratio of the rate to bare
Flask. The machine's speed drifts, so each page is measured right after bare Flask, in
BENCH_ROUNDS rounds (default 3): the ratio is the median of the rounds' ratios (their range is
shown), the p99 the highest of the rounds. Then: the bytes of
each page with its CSS, JS and images, whether anything comes from another host, and the PDF
generation time (benchmarks/pdf_generation.py). Not a test: figures vary with the machine.
"""

import argparse
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from support import ROOT, WORKERS, gunicorn, postgres_schema, wrk  # noqa: E402

DURATION = os.environ.get("BENCH_DURATION", "10s")
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CONNECTIONS = 16
GOALS = {"home": 0.5, "question": 0.4}
P99_GOAL_MS = 50
PAGE_BUDGET = 100 * 1024
README = ROOT / "README.md"
START, END = "<!-- speed-table:start -->", "<!-- speed-table:end -->"


class Browser:
    """Just enough of a browser to walk the self-check: one cookie, forms by regex."""

    def __init__(self, base: str):
        self.base = base
        self.cookie = None

    def request(self, method: str, path: str, data: dict | None = None):
        parts = urlsplit(self.base)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        headers = {"Cookie": self.cookie} if self.cookie else {}
        body = None
        if data is not None:
            body = urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read()
        cookie = response.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";", 1)[0]
        connection.close()
        return response.status, response.getheader("Location"), content

    def get(self, path: str) -> tuple[str, bytes]:
        for _ in range(10):
            status, location, content = self.request("GET", path)
            if status in (302, 303):
                path = urlsplit(location).path
                continue
            assert status == 200, f"{path}: {status}"
            return path, content
        raise RuntimeError("too many redirects")


PREFER = ("16_or_older", "school", "dont_know")


def walk_selfcheck(browser: Browser) -> tuple[str, str, str]:
    """(path of the third question, cookie there, cookie on the result page)."""
    _path, start = browser.get("/zelftest")
    path, page = browser.get(re.search(rb'href="(/zelftest/vraag/[^"]+)"[^>]*data-action="start"', start).group(1)
                             .decode())
    question_path = question_cookie = None
    number = 0
    while path.startswith("/zelftest/vraag/"):
        number += 1
        html = page.decode()
        if number == 3:
            question_path, question_cookie = path, browser.cookie
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)
        radios = re.findall(r'<input[^>]*type="radio"[^>]*>', html)
        name = re.search(r'name="([^"]+)"', radios[0]).group(1)
        values = [re.search(r'value="([^"]+)"', r).group(1) for r in radios]
        value = next((v for v in PREFER if v in values), values[0])
        status, location, _ = browser.request("POST", path, {"csrf_token": token, name: value})
        assert status in (302, 303), f"{path}: {status}"
        path, page = browser.get(urlsplit(location).path)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page.decode()).group(1)
    status, location, _ = browser.request("POST", path, {"csrf_token": token})
    result_path, _ = browser.get(urlsplit(location).path)
    assert result_path.startswith("/zelftest/uitslag"), result_path
    return question_path, question_cookie, browser.cookie


def page_weight(base: str, path: str, cookie: str | None) -> dict:
    """Bytes of the page and everything it loads (CSS, JS, images, and what the CSS loads)."""
    browser = Browser(base)
    browser.cookie = cookie
    _p, html = browser.get(path)
    text = html.decode()
    urls = set(re.findall(r'<(?:link|script|img|source)[^>]+(?:href|src)="([^"]+)"', text))
    urls = {u for u in urls if not re.search(r'rel="(?:alternate|canonical)"', text.split(u)[0][-200:])}
    foreign, sizes, seen = [], {"html": len(html)}, set()
    queue = list(urls)
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        absolute = urljoin(base + path, url)
        if urlsplit(absolute).netloc != urlsplit(base).netloc:
            foreign.append(url)
            continue
        _p, content = Browser(base).get(urlsplit(absolute).path)
        kind = "css" if url.endswith(".css") else "js" if url.endswith(".js") else "img"
        sizes[kind] = sizes.get(kind, 0) + len(content)
        if kind == "css":
            for ref in re.findall(r'url\(["\']?([^"\')]+)["\']?\)', content.decode()):
                if not ref.startswith("data:"):
                    queue.append(urljoin(absolute, ref))
    # Anything in the HTML pointing elsewhere that a browser would load on its own.
    for attr_url in re.findall(r'(?:src|href|action)="((?:https?:)?//[^"]+)"', text):
        if urlsplit(attr_url).netloc != urlsplit(base).netloc and not text.split(attr_url)[0].endswith('href="'):
            foreign.append(attr_url)
    return {"sizes": sizes, "total": sum(sizes.values()), "foreign": sorted(set(foreign))}


def pdf_median_ms() -> tuple[float | None, str]:
    script = ROOT / "benchmarks" / "pdf_generation.py"
    if not script.exists():
        return None, "benchmarks/pdf_generation.py is missing"
    output = subprocess.run([sys.executable, str(script), "--count", "20"], cwd=ROOT, capture_output=True,
                            text=True, timeout=600).stdout
    match = re.search(r"wall time: median ([\d.]+) ms", output)
    cpu = re.search(r"CPU time:\s+median ([\d.]+) ms", output)
    return (float(match.group(1)) if match else None), (f"CPU median {cpu.group(1)} ms" if cpu else output[-200:])


def measure(url: str, headers: dict | None = None) -> dict:
    # wrk counts redirects as successes: make sure the page itself is what gets measured.
    parts = urlsplit(url)
    browser = Browser(f"{parts.scheme}://{parts.netloc}")
    browser.cookie = (headers or {}).get("Cookie")
    status, _location, _body = browser.request("GET", parts.path or "/")
    assert status == 200, f"{url} answers {status}, not 200"
    wrk(url, connections=CONNECTIONS, duration="3s", headers=headers)  # warm-up, discarded
    return wrk(url, connections=CONNECTIONS, duration=DURATION, headers=headers)


def combined(measured: list[dict]) -> dict:
    """One row from several wrk runs: median rate and p50, the highest p99, errors added up."""
    return {
        "rps": statistics.median(r["rps"] for r in measured),
        "p50": statistics.median(r["p50"] for r in measured),
        "p99": max(r["p99"] for r in measured),
        "requests": sum(r["requests"] for r in measured),
        "non_2xx_3xx": sum(r["non_2xx_3xx"] for r in measured),
        "socket_errors": sum(r["socket_errors"] for r in measured),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write-readme", action="store_true", help="put the table in README.md")
    args = parser.parse_args()

    load = os.getloadavg()[0]
    with postgres_schema() as (database_url, _admin, _schema), \
            gunicorn("benchmarks.bare_flask:app") as bare, \
            gunicorn("wsgi:app", {"DATABASE_URL": database_url}) as site:
        question_path, question_cookie, result_cookie = walk_selfcheck(Browser(site))
        pages = {
            "home": ("/", None),
            "question": (question_path, question_cookie),
            "result": ("/zelftest/uitslag", result_cookie),
        }
        # The machine's speed drifts (bare Flask moved 13 % within one run here): each page is
        # measured right after bare Flask, ROUNDS times, and its ratio is the median of those.
        runs = {"bare Flask": [], **{name: [] for name in pages}}
        ratios = {name: [] for name in pages}
        for _round in range(ROUNDS):
            for name, (path, cookie) in pages.items():
                yardstick = measure(bare + "/")
                result = measure(site + path, {"Cookie": cookie} if cookie else None)
                runs["bare Flask"].append(yardstick)
                runs[name].append(result)
                ratios[name].append(result["rps"] / yardstick["rps"])
        weights = {name: page_weight(site, path, cookie) for name, (path, cookie) in pages.items()}
    pdf_ms, pdf_note = pdf_median_ms()

    results = {name: combined(measured) for name, measured in runs.items()}
    rows, misses = [], []
    for name, result in results.items():
        ratio = statistics.median(ratios[name]) if name in ratios else 1.0
        spread = (min(ratios[name]), max(ratios[name])) if name in ratios else None
        weight = weights.get(name)
        rows.append((name, result, ratio, spread, weight))
        errors = result["non_2xx_3xx"] + result["socket_errors"]
        if errors:
            misses.append(f"{name}: {errors} errors")
        if name in GOALS and ratio < GOALS[name]:
            misses.append(f"{name}: {ratio:.2f} of bare Flask (goal {GOALS[name]})")
        if name == "question" and result["p99"] >= P99_GOAL_MS:
            misses.append(f"question: p99 {result['p99']:.1f} ms (goal < {P99_GOAL_MS} ms)")
        if weight and weight["total"] > PAGE_BUDGET:
            misses.append(f"{name}: {weight['total']} bytes (goal <= {PAGE_BUDGET})")
        if weight and weight["foreign"]:
            misses.append(f"{name}: requests to other hosts {weight['foreign']}")

    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"Measured {when} on {os.cpu_count()} cores (load average {load:.1f} at the start), gunicorn "
        f"{WORKERS} sync workers, wrk -t2 -c{CONNECTIONS} -d{DURATION} after a 3 s warm-up, loopback; "
        f"{ROUNDS} rounds, each page right after bare Flask: median req/s, p50 and ratio (lowest to highest "
        "in brackets), highest p99.",
        "",
        "| page | req/s | ratio to bare Flask | p50 ms | p99 ms | bytes (HTML + CSS + JS + images) | other hosts |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for name, result, ratio, spread, weight in rows:
        if weight:
            s = weight["sizes"]
            parts = " + ".join(f"{s.get(k, 0):,}" for k in ("html", "css", "js", "img"))
            size = f"{weight['total']:,} ({parts})"
            hosts = ", ".join(weight["foreign"]) or "none"
        else:
            size, hosts = "", ""
        shown = f"{ratio:.2f} ({spread[0]:.2f}–{spread[1]:.2f})" if spread else "1"
        lines.append(f"| {name} | {result['rps']:.0f} | {shown} | {result['p50']:.1f} | {result['p99']:.1f} "
                     f"| {size} | {hosts} |")
    lines += ["", "PDF generation (request document \"voorbereiding\", benchmarks/pdf_generation.py, 20 documents): "
              + (f"median {pdf_ms:.0f} ms wall ({pdf_note})." if pdf_ms is not None else pdf_note)]
    lines += ["", "Goals: home >= 0.5 and question page >= 0.4 of the bare Flask rate, question p99 < 50 ms at "
              "16 connections, no page over 100 KB with its CSS, JS and images, no request to another host: "
              + ("all met." if not misses else "missed: " + "; ".join(misses) + ".")]
    table = "\n".join(lines)
    print(table)
    (ROOT / "instance").mkdir(exist_ok=True)
    (ROOT / "instance" / "bench-last-run.json").write_text(json.dumps(
        {"when": when, "load": load, "workers": WORKERS, "rounds": ROUNDS, "ratios": ratios,
         "results": results,
         "weights": weights, "pdf_median_ms": pdf_ms, "misses": misses}, indent=2))

    if args.write_readme:
        readme = README.read_text()
        if START in readme and END in readme:
            before, rest = readme.split(START, 1)
            _old, after = rest.split(END, 1)
            README.write_text(f"{before}{START}\n{table}\n{END}{after}")
            print("README.md updated")
        else:
            print(f"README.md has no {START} ... {END} markers; table not written")
    return 1 if misses else 0


if __name__ == "__main__":
    started = time.monotonic()
    code = main()
    print(f"({time.monotonic() - started:.0f} s)")
    sys.exit(code)
