"""Webhook mode: Telegram POSTs updates to our HTTPS endpoint (mounted on the web app).

Telegram sends the secret given to ``setWebhook`` in ``X-Telegram-Bot-Api-Secret-Token`` (Bot API,
"setWebhook"); a request without the right one is refused, compared in constant time. The answer is
2xx only after the handler committed; on ``TransientError`` it is 503, and Telegram re-delivers.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import APIRouter, Request, Response

from intake.errors import TransientError

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 (a header name, not a secret)

UpdateFeeder = Callable[[dict[str, Any]], Awaitable[None]]


def secret_matches(given: str | None, expected: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


def webhook_router(path: str, secret: str, feed: UpdateFeeder) -> APIRouter:
    router = APIRouter()

    @router.post(path, include_in_schema=False)
    async def telegram_webhook(request: Request) -> Response:
        if not secret_matches(request.headers.get(SECRET_HEADER), secret):
            log.warning("telegram: webhook request with a wrong secret token refused")
            return Response(status_code=401)
        try:
            payload = await request.json()
        except ValueError:
            return Response(status_code=400)
        if not isinstance(payload, dict):
            return Response(status_code=400)
        try:
            await feed(payload)
        except TransientError:
            return Response(status_code=503)
        except Exception:
            log.exception("telegram: webhook update=%s failed", payload.get("update_id"))
            return Response(status_code=500)
        return Response(status_code=200)

    return router
