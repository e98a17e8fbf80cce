"""The request in progress as one object: what was typed, which pages are done, and whether it
was confirmed, with the self-check as it was at that moment.

Pure Python (no Flask): the views ask it where to go and what may open; drafts.py stores its
`to_stored()` form encrypted for 24 hours. A confirmed draft is all a document is made from.
"""

from dataclasses import dataclass, field
from datetime import date

from app.aanvraag.fields import SLUGS


@dataclass(frozen=True)
class SelfcheckSnapshot:
    """The self-check as it was when the person confirmed: answers, outcome code, rules version."""

    answers: dict
    outcome: str
    rules_version: str | None = None

    def to_stored(self) -> dict:
        return {"answers": dict(self.answers), "outcome": self.outcome, "rules_version": self.rules_version}

    @classmethod
    def from_stored(cls, data) -> "SelfcheckSnapshot | None":
        if not isinstance(data, dict) or not isinstance(data.get("answers"), dict) or not data.get("outcome"):
            return None
        return cls(dict(data["answers"]), str(data["outcome"]), data.get("rules_version"))


# Stored for "no self-check was done" (None would read as "never confirmed").
NO_SELFCHECK = "none"


@dataclass
class Draft:
    fields: dict = field(default_factory=dict)
    done: list = field(default_factory=list)
    confirmed: bool = False
    selfcheck: SelfcheckSnapshot | None = None  # taken at confirm; None when none was done
    confirmed_on: date | None = None

    # Reading and storing

    @classmethod
    def from_stored(cls, data) -> "Draft":
        """From the decrypted JSON; anything unexpected reads as a new, empty draft."""
        if not isinstance(data, dict):
            return cls()
        fields = {k: v for k, v in (data.get("fields") or {}).items() if isinstance(k, str) and isinstance(v, str)}
        done = [slug for slug in data.get("done") or [] if slug in SLUGS]
        confirmed = data.get("confirmed") is True and "selfcheck" in data
        stored = data.get("selfcheck")
        snapshot = None if stored == NO_SELFCHECK else SelfcheckSnapshot.from_stored(stored)
        if confirmed and snapshot is None and stored != NO_SELFCHECK:
            confirmed = False  # confirmed before snapshots existed: ask once more
        try:
            confirmed_on = date.fromisoformat(data["confirmed_on"]) if confirmed else None
        except (KeyError, TypeError, ValueError):
            confirmed, confirmed_on = False, None
        return cls(fields, done, confirmed, snapshot if confirmed else None, confirmed_on)

    def to_stored(self) -> dict:
        data = {"fields": dict(self.fields), "done": list(self.done), "confirmed": self.confirmed}
        if self.confirmed:
            data["selfcheck"] = self.selfcheck.to_stored() if self.selfcheck else NO_SELFCHECK
            data["confirmed_on"] = self.confirmed_on.isoformat() if self.confirmed_on else None
        return data

    # The flow

    @property
    def started(self) -> bool:
        return bool(self.done)

    def next_page(self) -> str | None:
        """The first page not yet saved, or None when all are done (then: check answers)."""
        return next((slug for slug in SLUGS if slug not in self.done), None)

    def may_open(self, slug: str) -> bool:
        """No skipping by URL: a page opens once every page before it is done."""
        missing = self.next_page()
        return missing is None or SLUGS.index(slug) <= SLUGS.index(missing)

    def may_check(self) -> bool:
        return self.next_page() is None

    def save_page(self, slug: str, values: dict) -> None:
        """Take in one page's values; any change asks for confirmation again."""
        self.fields.update(values)
        if slug not in self.done:
            self.done.append(slug)
        self.unconfirm()

    def after_save(self, slug: str, changing: bool = False) -> str | None:
        """Where "Ga verder" leads after saving `slug`: a page, or None for check-answers.

        An earlier page still missing (the answers expired meanwhile) comes first; after a
        Change the person goes back to check-answers.
        """
        missing = self.next_page()
        if missing is not None and SLUGS.index(missing) < SLUGS.index(slug):
            return missing
        if changing:
            return None
        index = SLUGS.index(slug)
        return SLUGS[index + 1] if index + 1 < len(SLUGS) else None

    @staticmethod
    def previous_page(slug: str) -> str | None:
        index = SLUGS.index(slug)
        return SLUGS[index - 1] if index > 0 else None

    def confirm(self, snapshot: SelfcheckSnapshot | None, today: date) -> None:
        """Confirm the request together with the self-check as it is now (None: not done)."""
        if not self.may_check():
            raise ValueError("a page is still missing")
        self.confirmed = True
        self.selfcheck = snapshot
        self.confirmed_on = today

    def unconfirm(self) -> None:
        self.confirmed = False
        self.selfcheck = None
        self.confirmed_on = None

    def selfcheck_changed(self, current: SelfcheckSnapshot | None) -> bool:
        """True when the self-check was done again (or cleared) after confirming: confirm again."""
        return self.confirmed and current != self.selfcheck
