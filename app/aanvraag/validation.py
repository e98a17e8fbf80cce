"""Checks for what a person types into the request, as pure functions (no Flask).

Each check returns the cleaned value or raises Invalid with a code; the forms turn codes into
messages in the person's language. Nothing here logs or keeps a value.
"""

import re
from datetime import date

from stdnum.exceptions import ValidationError as StdnumError
from stdnum.nl import bsn, postcode

MAX_FREE_TEXT = 2000


class Invalid(ValueError):  # noqa: N818 - reads better at the call sites: raise Invalid("...")
    """A value that breaks a rule; `code` names the rule."""

    def __init__(self, code: str, **details):
        super().__init__(code)
        self.code = code
        self.details = details


# A run of digits with at most one space, dot or dash between them, not part of a longer number.
_DIGIT_RUN = re.compile(r"(?<![\d])(?<![\d][\s.\-])\d(?:[\s.\-]?\d)*(?![\s.\-]?\d)")


_NINE_DIGITS = re.compile(r"(?<!\d)\d{9}(?!\d)")


def contains_bsn(text: str) -> bool:
    """True when the text holds 9 digits that pass the 11-proof: written as one number
    ("111222333"), or with spaces, dots or dashes ("1112.22.333") that are not part of a longer number."""
    text = text or ""
    runs = [re.sub(r"\D", "", match.group()) for match in _DIGIT_RUN.finditer(text)]
    candidates = [run for run in runs if len(run) == 9] + _NINE_DIGITS.findall(text)
    return any(bsn.is_valid(candidate) for candidate in candidates)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def normalise_text(text: str | None) -> str:
    """Trim, drop invisible control characters, and count a line break as one character
    whatever the browser sent."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text).strip()


def check_length(text: str, limit: int = MAX_FREE_TEXT) -> str:
    if len(text) > limit:
        raise Invalid("too_long", limit=limit, length=len(text), over=len(text) - limit)
    return text


def check_postcode(text: str) -> str:
    """'1234ab', ' 1234 ab ' -> '1234 AB'."""
    try:
        return postcode.validate(re.sub(r"\s+", "", text or ""))
    except StdnumError:
        raise Invalid("postcode") from None


_PHONE_SEPARATORS = re.compile(r"[\s\-().]")


def check_phone(text: str) -> str:
    """A Dutch phone number: 0 and 9 digits, or +31 / 0031 and 9 digits (not starting with 0)."""
    # "+31 (0)6 ..." is a common way of writing it: the (0) is dropped when dialling from abroad.
    compact = _PHONE_SEPARATORS.sub("", (text or "").replace("(0)", ""))
    if compact.startswith("+31"):
        rest = compact[3:]
    elif compact.startswith("0031"):
        rest = compact[4:]
    elif compact.startswith("0") and not compact.startswith("00"):
        rest = compact[1:]
    else:
        raise Invalid("phone")
    if not (rest.isdigit() and len(rest) == 9 and rest[0] != "0"):
        raise Invalid("phone")
    return (text or "").strip()


_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")


def check_email(text: str) -> str:
    value = (text or "").strip()
    if len(value) > 254 or not _EMAIL.match(value):
        raise Invalid("email")
    return value


def check_birth_date(day: str, month: str, year: str, today: date) -> date:
    """Three inputs to a real date that is not in the future (and not before 1900)."""
    parts = [(p or "").strip() for p in (day, month, year)]
    if not any(parts):
        raise Invalid("date_missing")
    if not all(parts):
        raise Invalid("date_incomplete")
    if not (re.fullmatch(r"[0-9]{1,2}", parts[0]) and re.fullmatch(r"[0-9]{1,2}", parts[1])
            and re.fullmatch(r"[0-9]{4}", parts[2])):
        raise Invalid("date_invalid")
    try:
        value = date(int(parts[2]), int(parts[1]), int(parts[0]))
    except ValueError:
        raise Invalid("date_invalid") from None
    if value > today:
        raise Invalid("date_future")
    if value.year < 1900:
        raise Invalid("date_invalid")
    return value
