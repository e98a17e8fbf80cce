"""Database tables. Nothing here identifies a person."""

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, Integer, LargeBinary, String, Text, UniqueConstraint
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


class RequestDraft(Base):
    """The personal details of one request in progress, encrypted.

    The key is not here: it lives only in the person's session, so this row is unreadable
    on its own. Rows are deleted at `expires_at` (24 hours at most) or at once on request.
    """

    __tablename__ = "request_draft"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    ciphertext: Mapped[bytes] = mapped_column(LargeBinary)


class FeedbackEntry(Base):
    """An answer to "Was deze pagina nuttig?": the page, yes/no and an optional comment; no identifiers."""

    __tablename__ = "feedback_entry"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    page: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(2))
    useful: Mapped[bool] = mapped_column(Boolean)
    comment: Mapped[str | None] = mapped_column(Text, nullable=True)


class MonthlyTotal(Base):
    """Usage events older than the retention period, summed per month and then deleted."""

    __tablename__ = "monthly_total"
    __table_args__ = (UniqueConstraint("month", "name", "value", name="uq_monthly_total"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[str] = mapped_column(String(7))  # "2026-11"
    name: Mapped[str] = mapped_column(String(64))
    value: Mapped[str] = mapped_column(String(64))
    count: Mapped[int] = mapped_column(Integer)
