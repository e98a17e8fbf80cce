"""The yardstick: a bare Flask "hello" page, served by run_all.py under the same gunicorn settings."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello():
    return "<!DOCTYPE html><html lang=nl><title>Hallo</title><h1>Hallo</h1>"
