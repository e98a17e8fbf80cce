"""The request in progress: encrypted in the database, the key only in the person's cookie.

- A random draft id and a random Fernet key live only in the session cookie.
- The database row holds the id, the expiry time and the ciphertext, nothing else; a copy of the
  database alone reveals nothing.
- A row lives at most 24 hours from the first save (the time is not extended by later saves).
  Expired rows are deleted on every save and by `purge_expired()` (`flask aanvraag purge`);
  reading an expired row behaves as if it was deleted.
- "Verwijder mijn gegevens" forgets the key and deletes the row at once; when the database cannot
  be reached it says so and keeps only the row's id, so that trying again deletes it.
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
PENDING_KEY = "aanvraag_nog_verwijderen"
MAX_PENDING = 5  # a cookie is small; older rows expire by themselves within 24 hours


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


def delete_current() -> bool:
    """Remove the stored answers at once; True when that is done (or there was nothing to remove).

    The key is forgotten first, so the row can no longer be read whatever happens next. When the
    database cannot be reached the row's id is kept in the cookie (PENDING_KEY, ids only) and
    False is returned: the page says the details are not removed yet, and trying again removes
    them. Ids left from such an earlier try are removed along with the current one.
    """
    ref = cookie.pop(COOKIE_KEY, None)
    ids = pending_deletes()
    if isinstance(ref, dict) and isinstance(ref.get("id"), str) and ref["id"] not in ids:
        ids.append(ref["id"])
    if not ids:
        cookie.pop(PENDING_KEY, None)
        return True
    db = db_session()
    try:
        db.execute(delete(RequestDraft).where(RequestDraft.id.in_(ids)))
        db.commit()
    except SQLAlchemyError as error:
        db.rollback()
        cookie[PENDING_KEY] = ids
        log.warning("request draft not deleted yet: database unavailable (%s)", type(error).__name__)
        return False
    cookie.pop(PENDING_KEY, None)
    return True


def pending_deletes() -> list[str]:
    """Ids of rows this browser asked to remove while the database could not be reached."""
    ids = cookie.get(PENDING_KEY)
    if not isinstance(ids, list):
        return []
    return [i for i in ids if isinstance(i, str)][:MAX_PENDING]


def keep_pending(ids: list[str]) -> None:
    """Put the ids still to remove back in a cookie that was cleared (see wipe)."""
    if ids:
        cookie[PENDING_KEY] = ids[:MAX_PENDING]


def has_details() -> bool:
    """Does this browser hold the key to request details (whether or not they still exist)?"""
    return _reference() is not None


def came_back_too_late() -> bool:
    """True when this browser's request details were removed because their 24 hours were over.

    Only the key in the cookie is left then; a database that cannot be reached says nothing.
    """
    ref = _reference()
    if ref is None:
        return False
    try:
        row = db_session().get(RequestDraft, ref["id"])
    except SQLAlchemyError:
        db_session().rollback()
        return False
    return row is None or _aware(row.expires_at) <= now()


def forget() -> None:
    """Forget the key of details that are gone (after saying so on the expired page)."""
    cookie.pop(COOKIE_KEY, None)


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
