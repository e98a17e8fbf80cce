"""Helpers for the monitoring tests: put anonymous events in the database, read the CSV."""

import csv
import io
from datetime import date

from app.storage.db import session
from app.storage.models import MonthlyTotal, UsageEvent


def add_events(app, name: str, value: str, count: int, day: date | None = None) -> None:
    with app.app_context():
        db = session()
        db.add_all(UsageEvent(day=day or date.today(), name=name, value=value) for _ in range(count))
        db.commit()


def add_total(app, month: str, name: str, value: str, count: int) -> None:
    with app.app_context():
        db = session()
        db.add(MonthlyTotal(month=month, name=name, value=value, count=count))
        db.commit()


def csv_of(client, path: str = "/professionals/cijfers.csv") -> list[list[str]]:
    response = client.get(path)
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    return list(csv.reader(io.StringIO(response.get_data(as_text=True))))


def this_month() -> str:
    return date.today().strftime("%Y-%m")
