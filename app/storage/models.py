"""Database tables. Nothing here identifies a person."""

from datetime import date

from sqlalchemy import Date, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.storage.db import Base


class UsageEvent(Base):
    """One anonymous event, e.g. ("selfcheck_started", "") or ("outcome", "uncertain").

    Only the day is kept, never a time, an IP address or a session id, so events
    cannot be linked into a profile of one person.
    """

    __tablename__ = "usage_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    name: Mapped[str] = mapped_column(String(64), index=True)
    value: Mapped[str] = mapped_column(String(64), default="")
