"""Anonymous usage counts. A database failure never breaks the person's page."""

import logging
from datetime import date

from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from app.storage.breaker import breaker_for
from app.storage.db import session
from app.storage.models import UsageEvent
from app.storage.timeouts import query_time_limit

# A count is optional: it may hold up the person's page for this long at most.
EVENT_QUERY_SECONDS = 1.0

log = logging.getLogger(__name__)

# Event names, shared by the areas that record them and the figures page that counts them.
# The value is a code, never free text: a language, a question id, an outcome code, a slug.
SELFCHECK_STARTED = "selfcheck_started"  # value: language (nl/en)
SELFCHECK_QUESTION = "selfcheck_question"  # value: question id, the first time it is answered in a check
SELFCHECK_ROLE = "selfcheck_role"  # value: self/helper
SELFCHECK_FINISHED = "selfcheck_finished"  # value: language (nl/en)
SELFCHECK_OUTCOME = "selfcheck_outcome"  # value: outcome code
REQUEST_DOCUMENT = "request_document"  # value: voorbereiding/brief-gemeente
SHEET_DOWNLOAD = "sheet_download"  # value: sheet slug and language, e.g. "stappen-aanvraag-nl"
# Materials for intermediaries are counted as sheet downloads: "materiaal-poster-nl".
MATERIAL_PREFIX = "materiaal-"


def record_event(name: str, value: str = "") -> bool:
    """Store one anonymous event; return False (and log why) when the database is unavailable.

    After a failure the circuit breaker skips events for a while without waiting on the
    database, so pages stay fast when PostgreSQL is down or hangs (app/storage/breaker.py).
    """
    breaker = breaker_for("usage events")
    if not breaker.allow():
        return False
    db = session()
    try:
        with query_time_limit(EVENT_QUERY_SECONDS):
            db.add(UsageEvent(day=date.today(), name=name[:64], value=value[:64]))
            db.commit()
    except SQLAlchemyError as error:
        db.rollback()
        log.warning("usage event %s skipped: database unavailable (%s)", name, type(error).__name__)
        if isinstance(error, (OperationalError, InterfaceError, PoolTimeout)):
            breaker.failure()
        return False
    breaker.success()
    return True
