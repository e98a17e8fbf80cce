"""A small circuit breaker for optional database writes (the anonymous usage counts).

When PostgreSQL is down or hangs, every page that counts something would wait for the
connect timeout (2 s). After one failure the breaker opens: for `cooldown` seconds writes
are skipped at once, then one write is tried again. One per app in each worker process.
"""

import logging
import threading
import time

log = logging.getLogger(__name__)


class CircuitBreaker:
    def __init__(self, name: str, cooldown: float = 30.0, clock=time.monotonic):
        self.name = name
        self.cooldown = cooldown
        self.clock = clock
        self._open_until = 0.0
        self._skipped = 0
        self._lock = threading.Lock()

    @property
    def is_open(self) -> bool:
        return self.clock() < self._open_until

    def allow(self) -> bool:
        """True when a write may be tried; counts the skipped ones while open."""
        with self._lock:
            if self.clock() < self._open_until:
                self._skipped += 1
                return False
            return True

    def failure(self) -> None:
        with self._lock:
            self._open_until = self.clock() + self.cooldown
        log.warning("%s: database unavailable, skipping writes for %.0f s", self.name, self.cooldown)

    def success(self) -> None:
        with self._lock:
            skipped, self._skipped = self._skipped, 0
            was_open = self._open_until > 0
            self._open_until = 0.0
        if was_open:
            log.warning("%s: database back; %d writes were skipped while it was away", self.name, skipped)


def breaker_for(name: str) -> CircuitBreaker:
    """The app's breaker of that name (one per app, so tests with their own apps never share one)."""
    from flask import current_app

    breakers = current_app.extensions.setdefault("circuit_breakers", {})
    if name not in breakers:
        breakers[name] = CircuitBreaker(name, cooldown=current_app.config.get("DATABASE_BREAKER_COOLDOWN", 30.0))
    return breakers[name]
