"""Long polling with the offset advanced only after the update's handler has committed.

aiogram's ``start_polling`` confirms updates before handling them; a crash would then lose the
message. Here ``getUpdates`` is called with the offset of the last update whose handler returned,
so an update that was being handled when the process died is delivered again by Telegram and found
as a duplicate (docs/architecture: "Telegram offset" is acknowledged after the commit).
Updates are handled one at a time, in order, which keeps each conversation's order.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Sequence

from aiogram import Bot, Dispatcher
from aiogram.exceptions import TelegramAPIError, TelegramNetworkError, TelegramRetryAfter
from aiogram.types import Update

from intake.errors import TransientError

log = logging.getLogger(__name__)

ALLOWED_UPDATES = ("message", "edited_message", "my_chat_member")
# A handler that fails this many times for one update (a bug, not an outage) is skipped, so one
# poisonous update cannot stop the bot; the skip is logged with the update id.
MAX_HANDLER_FAILURES = 5


class Backoff:
    """Exponential back-off with jitter: 1 s, 2 s, 4 s ... capped at ``cap``."""

    def __init__(self, base: float = 1.0, cap: float = 60.0) -> None:
        self.base, self.cap, self.failures = base, cap, 0

    def next_delay(self) -> float:
        self.failures += 1
        delay: float = min(self.cap, self.base * 2 ** (self.failures - 1))
        return delay * random.uniform(0.5, 1.0)

    def reset(self) -> None:
        self.failures = 0


async def sleep_unless_stopped(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)


class Poller:
    def __init__(
        self,
        bot: Bot,
        dispatcher: Dispatcher,
        *,
        timeout: int = 25,
        allowed_updates: Sequence[str] = ALLOWED_UPDATES,
        backoff: Backoff | None = None,
    ) -> None:
        self.bot = bot
        self.dispatcher = dispatcher
        self.timeout = timeout
        self.allowed_updates = list(allowed_updates)
        self.backoff = backoff or Backoff()
        self.offset: int | None = None
        self._failures: dict[int, int] = {}

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await self.poll_once(stop)
            except Exception:
                # Nothing may end the loop; the offset is unchanged, so nothing is lost either.
                log.exception("telegram: polling pass failed")
                await sleep_unless_stopped(stop, self.backoff.next_delay())
        await self._confirm()

    async def poll_once(self, stop: asyncio.Event) -> int:
        """Fetch one batch and handle it; returns how many updates were confirmed."""
        updates = await self._fetch(stop)
        if updates is None:
            return 0
        handled = 0
        for update in updates:
            if stop.is_set():
                break
            try:
                await self.dispatcher.feed_update(self.bot, update)
            except TransientError:
                log.warning("telegram: store unavailable, update=%d will be handled again", update.update_id)
                await sleep_unless_stopped(stop, self.backoff.next_delay())
                return handled
            except Exception as exc:
                count = self._failures.get(update.update_id, 0) + 1
                self._failures[update.update_id] = count
                if count < MAX_HANDLER_FAILURES:
                    log.exception("telegram: handler failed update=%d attempt=%d", update.update_id, count)
                    await sleep_unless_stopped(stop, self.backoff.next_delay())
                    return handled
                log.error("telegram: skipping update=%d after %d failures (%s)", update.update_id, count,
                          type(exc).__name__)
            self._failures.pop(update.update_id, None)
            self.offset = update.update_id + 1
            handled += 1
        self.backoff.reset()
        return handled

    async def _fetch(self, stop: asyncio.Event) -> list[Update] | None:
        request = asyncio.ensure_future(
            self.bot.get_updates(
                offset=self.offset,
                timeout=self.timeout,
                allowed_updates=self.allowed_updates,
                request_timeout=self.timeout + 10,
            )
        )
        stopped = asyncio.ensure_future(stop.wait())
        try:
            await asyncio.wait({request, stopped}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stopped.cancel()
        if not request.done():
            request.cancel()
            return None
        try:
            return list(request.result())
        except TelegramRetryAfter as exc:
            log.warning("telegram: getUpdates rate limited, retry after %ss", exc.retry_after)
            await sleep_unless_stopped(stop, float(exc.retry_after))
        except (TelegramNetworkError, TelegramAPIError) as exc:
            delay = self.backoff.next_delay()
            log.warning("telegram: getUpdates failed (%s), retrying in %.1fs", type(exc).__name__, delay)
            await sleep_unless_stopped(stop, delay)
        return None

    async def _confirm(self) -> None:
        """On a clean stop, tell Telegram which updates are done (fewer re-deliveries on restart)."""
        if self.offset is None:
            return
        try:
            await self.bot.get_updates(offset=self.offset, limit=1, timeout=0, request_timeout=5)
        except Exception as exc:
            log.info("telegram: final offset confirmation failed (%s)", type(exc).__name__)
