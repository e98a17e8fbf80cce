"""The request in progress: encrypted in the database, the key only in the person's cookie.

- A random draft id and a random Fernet key live only in the session cookie.
- The database row holds the id, the expiry time and the ciphertext, nothing else; a copy of the
  database alone reveals nothing.
- A row lives at most 24 hours from the first save (the time is not extended by later saves).
  Expired rows are deleted on every save and by `purge_expired()` (`flask aanvraag purge`);
  reading an expired row behaves as if it was deleted.
- "Verwijder mijn gegevens" deletes the row and forgets the key at once.
"""

import json
import logging
import secrets
from datetime import UTC, datetime, timedelta

from cryptography.fernet import Fernet, InvalidToken
from flask import session as cookie
from sqlalchemy import delete, select
from sqlalchemy.exc import SQLAlchemyError

from app.storage.db import session as db_session
from app.storage.models import RequestDraft

log = logging.getLogger(__name__)

LIFETIME = timedelta(hours=24)
COOKIE_KEY = "aanvraag"


def now() -> datetime:
    """The current time in UTC (tests replace this to simulate the passing of time)."""
    return datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    # SQLite gives naive datetimes back; everything is stored in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class StorageUnavailable(RuntimeError):
    """The database could not be reached; the page says so without losing the form."""


def _reference() -> dict | None:
    ref = cookie.get(COOKIE_KEY)
    if isinstance(ref, dict) and isinstance(ref.get("id"), str) and isinstance(ref.get("key"), str):
        return ref
    return None


def load() -> dict:
    """The person's stored answers, or {} when there are none (never saved, expired or deleted)."""
    ref = _reference()
    if ref is None:
        return {}
    try:
        row = db_session().get(RequestDraft, ref["id"])
    except SQLAlchemyError as error:
        db_session().rollback()
        log.warning("request draft not read: database unavailable (%s)", type(error).__name__)
        raise StorageUnavailable from None
    if row is None:
        return {}
    current = now()
    if _aware(row.expires_at) <= current:
        return {}
    try:
        plain = Fernet(ref["key"].encode()).decrypt_at_time(
            row.ciphertext, ttl=int(LIFETIME.total_seconds()), current_time=int(current.timestamp())
        )
        data = json.loads(plain)
    except (InvalidToken, ValueError):
        log.warning("request draft could not be decrypted; treated as deleted")
        return {}
    return data if isinstance(data, dict) else {}


def save(data: dict) -> None:
    """Encrypt and store the answers; start a new draft (id, key, 24 hours) when there is none."""
    current = now()
    db = db_session()
    try:
        purge_expired(commit=False)
        ref = _reference()
        row = db.get(RequestDraft, ref["id"]) if ref else None
        if row is None or _aware(row.expires_at) <= current:
            if row is not None:
                db.delete(row)
            ref = {"id": secrets.token_urlsafe(32), "key": Fernet.generate_key().decode()}
            row = RequestDraft(id=ref["id"], expires_at=current + LIFETIME, ciphertext=b"")
            db.add(row)
        plain = json.dumps(data, ensure_ascii=False).encode("utf-8")
        row.ciphertext = Fernet(ref["key"].encode()).encrypt_at_time(plain, int(current.timestamp()))
        db.commit()
    except SQLAlchemyError as error:
        db.rollback()
        log.warning("request draft not saved: database unavailable (%s)", type(error).__name__)
        raise StorageUnavailable from None
    cookie[COOKIE_KEY] = ref


def expires_at() -> datetime | None:
    ref = _reference()
    if ref is None:
        return None
    try:
        row = db_session().get(RequestDraft, ref["id"])
    except SQLAlchemyError:
        db_session().rollback()
        return None
    return _aware(row.expires_at) if row is not None else None


def delete_current() -> None:
    """Remove the stored answers at once and forget the key."""
    ref = cookie.pop(COOKIE_KEY, None)
    if not isinstance(ref, dict) or not isinstance(ref.get("id"), str):
        return
    db = db_session()
    try:
        db.execute(delete(RequestDraft).where(RequestDraft.id == ref["id"]))
        db.commit()
    except SQLAlchemyError as error:
        db.rollback()
        # The key is gone from the cookie, so the row can no longer be read; it expires by itself.
        log.warning("request draft not deleted: database unavailable (%s)", type(error).__name__)


def purge_expired(commit: bool = True) -> int:
    """Delete every draft past its expiry time; returns how many were deleted."""
    db = db_session()
    expired = db.execute(select(RequestDraft.id).where(RequestDraft.expires_at <= now())).scalars().all()
    if expired:
        db.execute(delete(RequestDraft).where(RequestDraft.id.in_(expired)))
    if commit:
        db.commit()
    return len(expired)


def today():
    """Today's date in the Netherlands."""
    try:
        from zoneinfo import ZoneInfo

        return now().astimezone(ZoneInfo("Europe/Amsterdam")).date()
    except Exception:  # noqa: BLE001 - no time zone data: UTC is at most a day off
        return now().date()
