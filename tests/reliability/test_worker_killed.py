"""A gunicorn worker killed under load loses no one's answers: they live in the signed cookie."""

import os
import signal
import threading
import time

from tests.reliability.conftest import instance_env
from tests.reliability.servers import Gunicorn
from tests.reliability.visitor import Visitor
from tests.reliability.walks import Walk, answer_selfcheck, answers_shown, finish_selfcheck, long_path, other_path

VISITORS = 6
WALKS_EACH = 3
KILLS = 3


def test_killing_workers_under_load_loses_no_answers(tmp_path, postgres_schema, redis_prefix):
    _admin, _schema, url = postgres_schema
    server = Gunicorn(instance_env(url, redis_prefix), workers=2, log_path=tmp_path / "gunicorn.log")
    results: list[tuple[dict, dict]] = []
    failures: list[str] = []
    retried = []
    killed: list[int] = []
    done = threading.Event()

    def visitor(number: int):
        try:
            walk_number = 0
            # Keep walking until every kill has happened, and at least WALKS_EACH times.
            while walk_number < WALKS_EACH or not done.is_set():
                walk_number += 1
                walk = Walk(Visitor(), [server.url], retries=5)
                choose = long_path if (number + walk_number) % 2 == 0 else other_path
                answers = answer_selfcheck(walk, choose)
                shown = answers_shown(walk, answers)
                assert finish_selfcheck(walk).status == 200
                results.append((answers, shown))
                retried.append(walk.retried)
        except Exception as error:  # noqa: BLE001 - reported by the main thread
            failures.append(f"visitor {number}: {type(error).__name__}: {error}")

    def killer():
        try:
            while len(killed) < KILLS:
                time.sleep(0.5)
                pids = server.worker_pids()
                if len(pids) == 2:  # both workers up (the last one killed is back)
                    os.kill(pids[0], signal.SIGKILL)
                    killed.append(pids[0])
        finally:
            done.set()

    try:
        server.wait_until_up()
        threads = [threading.Thread(target=visitor, args=(n,)) for n in range(VISITORS)]
        kill_thread = threading.Thread(target=killer)
        for thread in threads:
            thread.start()
        kill_thread.start()
        kill_thread.join(timeout=120)
        done.set()
        for thread in threads:
            thread.join(timeout=240)
        survivors = server.worker_pids()
    finally:
        server.stop()

    assert not failures, failures
    assert len(killed) == KILLS, f"only {len(killed)} workers were killed while the visitors walked"
    assert not set(killed) & set(survivors), "a killed worker is still there"
    assert len(results) >= VISITORS * WALKS_EACH
    for answers, shown in results:
        assert shown == answers
    log = server.log_text()
    for pid in killed:
        assert f"Worker (pid:{pid}) was sent SIGKILL" in log, f"gunicorn did not notice worker {pid} die"
    print(f"{len(killed)} workers killed; {sum(retried)} requests sent again after a cut connection")
