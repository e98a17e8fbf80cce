"""Anonymous usage counts. A database failure never breaks the person's page."""

import logging
from datetime import date

from sqlalchemy.exc import SQLAlchemyError

from app.storage.db import session
from app.storage.models import UsageEvent

log = logging.getLogger(__name__)


def record_event(name: str, value: str = "") -> bool:
    """Store one anonymous event; return False (and log why) when the database is unavailable."""
    db = session()
    try:
        db.add(UsageEvent(day=date.today(), name=name[:64], value=value[:64]))
        db.commit()
        return True
    except SQLAlchemyError as error:
        db.rollback()
        log.warning("usage event %s skipped: database unavailable (%s)", name, type(error).__name__)
        return False
