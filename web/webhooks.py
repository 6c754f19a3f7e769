"""The HTTP side of the webhooks: Meta platforms and the generic signed webhook, as a FastAPI router.

The order of checks is the point of this module: size first (nothing unbounded is read), then the
signature over the raw bytes (nothing unauthenticated is parsed into a message), then JSON, then the
messages. Each message goes through ``Intake.submit`` in a worker thread; the answer is 200 only after
every message of the request is committed or found to be a duplicate, and 503 on a transient store
failure, so the platform redelivers (Meta retries non-200 answers; the upstream is our queue, see
docs/architecture). A redelivery finds its ``(channel, external_id)`` and stores nothing twice.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.responses import JSONResponse, PlainTextResponse
from starlette.concurrency import run_in_threadpool

from intake import generic_webhook, social
from intake.errors import RejectedMessage, TransientError
from intake.message import InboundMessage
from intake.pipeline import SubmitOutcome

log = logging.getLogger(__name__)

Submit = Callable[[InboundMessage], SubmitOutcome]

DEFAULT_MAX_BODY = 256 * 1024  # Meta's webhook bodies are a few KiB; a generous cap, not an open door
RETRY_AFTER_SECONDS = "30"


@dataclass(frozen=True, slots=True)
class MetaWebhookSettings:
    app_secret: str = ""
    verify_token: str = ""


@dataclass(frozen=True, slots=True)
class WebhookSettings:
    meta: MetaWebhookSettings = field(default_factory=MetaWebhookSettings)
    generic_secrets: Mapping[str, str] = field(default_factory=dict)
    generic_max_skew_seconds: int = generic_webhook.DEFAULT_MAX_SKEW
    max_body_bytes: int = DEFAULT_MAX_BODY


async def read_limited_body(request: Request, limit: int) -> bytes:
    """The raw body, refused with 413 as soon as it passes ``limit`` (declared or streamed)."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            size = int(declared)
        except ValueError:
            raise HTTPException(status.HTTP_400_BAD_REQUEST, "malformed Content-Length") from None
        if size > limit:
            raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, f"body larger than {limit} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, f"body larger than {limit} bytes")
    return bytes(body)


def decode_json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        # The position helps the sender find the fault; the content is never echoed.
        where = f" at position {exc.pos}" if isinstance(exc, json.JSONDecodeError) else ""
        raise HTTPException(status.HTTP_400_BAD_REQUEST, f"malformed JSON{where}") from None


async def submit_all(submit: Submit, messages: tuple[InboundMessage, ...] | list[InboundMessage]) -> Counter[str]:
    """Submit each message in a worker thread; 503 on a transient failure (the platform retries)."""
    counts: Counter[str] = Counter()
    for msg in messages:
        try:
            outcome = await run_in_threadpool(submit, msg)
        except TransientError:
            log.warning("webhook: store unavailable channel=%s; asking for a retry", msg.channel)
            raise HTTPException(
                status.HTTP_503_SERVICE_UNAVAILABLE, "temporarily unavailable, retry later",
                headers={"Retry-After": RETRY_AFTER_SECONDS},
            ) from None
        except RejectedMessage as exc:
            # A message that can never be accepted must not be redelivered forever: count and go on.
            log.warning("webhook: message rejected channel=%s id=%s: %s", msg.channel, msg.external_id, exc.reason)
            counts["rejected"] += 1
            continue
        counts[outcome.status] += 1
    return counts


_WHY = {
    400: "malformed JSON, a payload that is not a message, or a malformed Content-Length",
    401: "the signature (or its timestamp) is missing, wrong or too old, or the source is unknown",
    403: "the signature does not match, or the subscription handshake's verify token is wrong",
    413: "the body is larger than the webhook allows",
    422: "the message can never be accepted (e.g. too large after decoding); do not redeliver",
    503: "the store is unavailable; Retry-After says when to redeliver",
}


def _answers(*codes: int) -> dict[int | str, dict[str, Any]]:
    """Every answer a webhook can give besides 200, in the OpenAPI document (issue 15)."""
    return {code: {"description": _WHY[code]} for code in codes}


def webhook_router(submit: Submit, settings: WebhookSettings) -> APIRouter:
    """Routes ``/webhooks/meta`` (GET handshake, POST events) and ``POST /webhooks/generic/{source}``."""
    router = APIRouter(prefix="/webhooks", tags=["webhooks"])
    meta = settings.meta

    @router.get("/meta", response_class=PlainTextResponse, responses=_answers(403))
    def meta_verify(request: Request) -> PlainTextResponse:
        challenge = social.verify_subscription(request.query_params, meta.verify_token)
        if challenge is None:
            log.warning("webhook: meta subscription handshake refused")
            raise HTTPException(status.HTTP_403_FORBIDDEN, "verification failed")
        return PlainTextResponse(challenge)

    @router.post("/meta", responses=_answers(400, 401, 403, 413, 503))
    async def meta_event(request: Request) -> JSONResponse:
        body = await read_limited_body(request, settings.max_body_bytes)
        header = request.headers.get(social.SIGNATURE_HEADER)
        if not header:
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, f"missing {social.SIGNATURE_HEADER}")
        if not social.verify_signature(body, header, meta.app_secret):
            log.warning("webhook: meta signature mismatch (%d bytes)", len(body))
            raise HTTPException(status.HTTP_403_FORBIDDEN, "signature does not match")
        try:
            parsed = social.parse_webhook(decode_json(body))
        except social.PayloadError as exc:
            raise HTTPException(status.HTTP_400_BAD_REQUEST, str(exc)) from None
        counts = await submit_all(submit, parsed.messages)
        log.info("webhook: meta channel=%s messages=%d ignored=%d outcome=%s", parsed.channel,
                 len(parsed.messages), parsed.ignored, dict(counts))
        return JSONResponse({"received": len(parsed.messages), "ignored": parsed.ignored, **counts})

    @router.post("/generic/{source}", responses=_answers(400, 401, 413, 422, 503))
    async def generic_event(source: str, request: Request) -> JSONResponse:
        secret = settings.generic_secrets.get(source, "") if generic_webhook.valid_source(source) else ""
        if not secret:
            # Same answer as a wrong signature: do not tell a prober which sources exist.
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, "unknown source or missing signature")
        body = await read_limited_body(request, settings.max_body_bytes)
        try:
            generic_webhook.verify(
                body,
                signature=request.headers.get(generic_webhook.SIGNATURE_HEADER),
                timestamp=request.headers.get(generic_webhook.TIMESTAMP_HEADER),
                secret=secret,
                max_skew=settings.generic_max_skew_seconds,
            )
        except generic_webhook.SignatureError as exc:
            log.warning("webhook: generic source=%s refused: %s", source, exc)
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, str(exc)) from None
        try:
            msg = generic_webhook.parse(decode_json(body), source)
        except generic_webhook.PayloadError as exc:
            raise HTTPException(status.HTTP_400_BAD_REQUEST, str(exc)) from None
        try:
            outcome = await run_in_threadpool(submit, msg)
        except TransientError:
            raise HTTPException(
                status.HTTP_503_SERVICE_UNAVAILABLE, "temporarily unavailable, retry later",
                headers={"Retry-After": RETRY_AFTER_SECONDS},
            ) from None
        except RejectedMessage as exc:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, exc.reason) from None
        log.info("webhook: generic source=%s status=%s ticket=%s", source, outcome.status, outcome.ticket_number)
        return JSONResponse({"status": outcome.status, "ticket_number": outcome.ticket_number})

    return router
