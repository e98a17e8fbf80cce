"""Speed of the self-check rules and its API, in process (no network, no database).

Usage: .venv/bin/python benchmarks/selfcheck_evaluate.py
Prints evaluations per second for the pure rules and requests per second for
POST /api/v1/selfcheck/evaluate through Flask's test client (single thread).
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import create_app  # noqa: E402
from app.selfcheck.rules import evaluate  # noqa: E402

ANSWERS = {
    "role": "self", "age": "16_or_older", "situation": "school", "school_type": "pro", "previous_advice": "no",
    "wsw_indication": "no", "can_do_task": "yes", "basic_work_skills": "yes", "work_one_hour": "yes",
    "work_four_hours": "yes", "needs_supervision": "yes", "needs_guidance": "no", "needs_adaptations": "yes",
    "regular_employer_possible": "no",
}


def rate(function, seconds: float = 2.0) -> float:
    function()  # warm-up
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        function()
        count += 1
    return count / (time.perf_counter() - start)


def main() -> None:
    print(f"rules.evaluate: {rate(lambda: evaluate(ANSWERS)):,.0f} evaluations/s")
    app = create_app("testing", DATABASE_URL="sqlite://", RATELIMIT_ENABLED=False)
    client = app.test_client()

    def api_call():
        response = client.post("/api/v1/selfcheck/evaluate", json={"answers": ANSWERS})
        assert response.status_code == 200

    print(f"POST /api/v1/selfcheck/evaluate (test client): {rate(api_call):,.0f} requests/s")


if __name__ == "__main__":
    main()
