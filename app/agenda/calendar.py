"""Write the stages as an iCalendar file (RFC 5545) with the icalendar library: one all-day event
per stage, each with a reminder in the morning. Nothing about the person is in it but the dates."""

from datetime import UTC, date, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from app.agenda.stages import Stage

PRODID = "-//Beschut werk//Zet in je agenda//NL"


def make_calendar(stages: list[Stage], texts: dict[str, tuple[str, str]], sent: date, uid_host: str,
                  name: str, url: str, now: datetime | None = None) -> bytes:
    """texts: stage key -> (summary, description), already in the person's language.

    UIDs are made from the stage and the send date, so importing the same file twice updates the
    events instead of doubling them.
    """
    stamp = now or datetime.now(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for stage in stages:
        summary, description = texts[stage.key]
        event = Event()
        event.add("uid", f"{stage.key}-{sent:%Y%m%d}@{uid_host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", stage.day)
        event.add("dtend", stage.day + timedelta(days=1))
        event.add("summary", summary)
        event.add("description", description)
        event.add("url", url)
        event.add("transp", "TRANSPARENT")  # a reminder, not a busy time
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", timedelta(hours=9))  # 09:00 on the day
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
