"""The stages after a request to UWV and their estimated dates, counted from the day it was sent.

Pure Python: no Flask. Where a source gives a term, the date follows it; where none does, the date
is a reminder to ask, and the event's text says so (see texts.py).
"""

from dataclasses import dataclass
from datetime import date, timedelta

RECEIPT = timedelta(days=5)  # UWV: a receipt within 5 days (domain.md, December 2026)
TALK = timedelta(weeks=4)  # no term: halfway through UWV's 8 weeks, a reminder to ask about the talk
ADVICE = timedelta(weeks=8)  # Besluit advisering beschut werk art. 2; counted from sending, as the klaar page
DECISION = timedelta(weeks=4)  # no term in the sources: 4 weeks after the advice, a reminder to ask
PLACE = timedelta(weeks=2)  # no term: 2 weeks after that, a reminder to ask about the place and the wait

# The order of the stages on "Wat gebeurt er na je aanvraag?".
KEYS = ("ontvangst", "gesprek", "advies", "besluit", "plek", "bezwaar")

EARLIEST = timedelta(days=366)  # a send date more than a year ago is surely a typing error
LATEST = timedelta(days=31)  # someone may fill this in before posting, but not months ahead


@dataclass(frozen=True)
class Stage:
    key: str
    day: date


def estimated_stages(sent: date) -> list[Stage]:
    """One stage per key, in order; the objection reminder falls on the day the decision is expected
    (the 6 weeks count from the gemeente's letter, so the text tells the person to count from it)."""
    advice = sent + ADVICE
    decision = advice + DECISION
    days = {
        "ontvangst": sent + RECEIPT,
        "gesprek": sent + TALK,
        "advies": advice,
        "besluit": decision,
        "plek": decision + PLACE,
        "bezwaar": decision,
    }
    return [Stage(key, days[key]) for key in KEYS]


class SendDateError(ValueError):
    """code: "missing", "not_a_date", "too_early" or "too_late"."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def parse_send_date(day: str, month: str, year: str, today: date) -> date:
    """The send date from three typed parts, or SendDateError with the reason."""
    parts = [(part or "").strip() for part in (day, month, year)]
    if not all(parts):
        raise SendDateError("missing")
    if not all(part.isascii() and part.isdigit() and len(part) <= 4 for part in parts):
        raise SendDateError("not_a_date")
    number_day, number_month, number_year = (int(part) for part in parts)
    if len(parts[2]) != 4:
        raise SendDateError("not_a_date")
    try:
        sent = date(number_year, number_month, number_day)
    except ValueError:
        raise SendDateError("not_a_date") from None
    if sent < today - EARLIEST:
        raise SendDateError("too_early")
    if sent > today + LATEST:
        raise SendDateError("too_late")
    return sent
