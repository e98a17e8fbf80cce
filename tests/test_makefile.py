"""`make run` (issue 14.13): HOST chooses the address, 127.0.0.1 unless told otherwise."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def dry_run(*variables: str) -> str:
    if shutil.which("make") is None:
        pytest.fail("make is needed for `make run`")
    return subprocess.run(["make", "-n", "run", *variables], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout


def gunicorn_line(output: str) -> str:
    return next(line for line in output.splitlines() if "gunicorn" in line)


def test_make_run_listens_on_loopback_by_default():
    assert "--bind 127.0.0.1:8000 " in gunicorn_line(dry_run())


def test_make_run_takes_host_and_port():
    assert "--bind 0.0.0.0:8123 " in gunicorn_line(dry_run("HOST=0.0.0.0", "PORT=8123"))
