"""The ``rules`` single-consumer role of serve: new messages through the rules, and the time sweep.

One process runs it (``app.single_consumer``); the feed's cursor lock and the firings' dedupe keys keep
a second one harmless anyway. A pass that fails is logged and retried on the next round: the feed's
rows stay unhandled until a pass commits them.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import timedelta

from tickets import event_feed, rules, rules_time
from tickets.rules_actions import Replier
from tickets.store import TicketStore

log = logging.getLogger(__name__)


class RulesRunner:
    """A pass over new messages every ``interval`` seconds (at once again while a backlog lasts), and
    the time rules' sweep every ``sweep_seconds``."""

    def __init__(self, store: TicketStore, replier: Replier | None = None, *, interval: float = 2.0,
                 sweep_seconds: float = 60.0, settle: timedelta = event_feed.SETTLE) -> None:
        self.store, self.replier = store, replier
        self.interval, self.sweep_seconds, self.settle = interval, sweep_seconds, settle

    def sweep(self, stop: threading.Event) -> int:
        """The time rules, in transactions of ``rules_time.LIMIT`` firings until none is left."""
        total = 0
        while not stop.is_set():
            with self.store.writing() as session:
                fired = rules_time.sweep(session, replier=self.replier)
            total += fired
            if fired < rules_time.LIMIT:
                break
        return total

    def run(self, stop: threading.Event) -> None:
        next_sweep = time.monotonic()
        while not stop.is_set():
            full = False
            try:
                full, _fired = rules.run_pass(self.store, self.replier, settle=self.settle)
                if time.monotonic() >= next_sweep:
                    next_sweep = time.monotonic() + self.sweep_seconds
                    self.sweep(stop)
            except Exception:
                log.exception("rules: pass failed")
            if not full:
                stop.wait(self.interval)
