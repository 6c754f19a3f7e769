"""The public web contact form: a page in the web app, an embeddable snippet, and its submission.

Defences, each for a named abuse:

- CSRF: a signed double-submit token (OWASP CSRF cheat sheet, "signed double-submit cookie"): the
  form carries ``mode.nonce.issued.hmac`` and a cookie carries the nonce; both must agree, the HMAC
  must be ours and the token young. In the embedded form (an iframe on the customer's own site) the
  cookie is third-party and Safari, Firefox and private windows drop it, so a token signed for the
  ``e`` (embed) mode is accepted on its signature and age alone: for an anonymous form that is what
  the cookie adds little to anyway. The nonce is also the submission's idempotency key, so a double
  click or a browser resend shows the same ticket instead of opening a second one.
- A honeypot field hidden from people: a bot that fills it gets a thank-you page and nothing is stored.
- A per-IP moving-window rate limit counted in the database (``web.rate_limit``), shared by every ``serve``
  process, so one host cannot flood the queue.
- A body-size cap before anything is parsed, and length caps per field.

The message goes through the same ``Intake.submit`` as every channel. After commit an
acknowledgement mail with the ticket tag is queued in the outbox (channel ``email``, kind ``ack``),
together with an outbound ``Message`` row carrying its Message-ID: a reply to the acknowledgement then
threads by In-Reply-To (RFC 5322 section 3.6.4) even though the form's contact is not the e-mail one.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.responses import HTMLResponse, PlainTextResponse
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from intake.errors import RejectedMessage, TransientError
from intake.pipeline import Intake, SubmitOutcome
from intake.webform import to_inbound, validate_form
from models import Ticket
from outbound import acknowledge
from outbound import removed as removed_texts
from privacy.desk import PrivacyDesk
from privacy.handlers import HANDLERS
from privacy.recognition.message import guess_language
from tickets import store
from tickets.replies import MailIdentity
from web.rate_limit import Rate, within_rate
from web.webhooks import read_limited_body

log = logging.getLogger(__name__)

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates" / "contact"))
COOKIE = "scrubdesk_form"
HONEYPOT = "website"


@dataclass(frozen=True, slots=True)
class WebFormSettings:
    # Key of the CSRF token HMAC; ``serve`` keeps a random one in the data directory when unset.
    secret: str
    rate_limit: str = "5/10 minutes"
    max_body_bytes: int = 64 * 1024
    token_ttl_seconds: int = 2 * 3600
    # The domain of the acknowledgement's Message-ID and the public URL used in the snippet.
    mail_domain: str = "scrubdesk.localhost"
    public_url: str = "http://127.0.0.1:8080"
    site_name: str = "Support"
    acks_per_address_per_day: int = 3
    # Queue the acknowledgement mail (off when no outbound mail is configured: nothing would send it).
    send_ack: bool = True
    # CSP frame-ancestors of the embeddable form: "*" or the customer sites' origins.
    frame_ancestors: str = "*"
    # Cookies over plain HTTP are fine on a developer's loopback; production runs behind HTTPS.
    secure_cookie: bool = False


# --- CSRF tokens ----------------------------------------------------------------------------------


def issue_token(secret: str, *, embed: bool = False, now: float | None = None) -> tuple[str, str]:
    """A fresh (token, nonce): the token goes in the form, the nonce in the cookie."""
    mode = "e" if embed else "p"
    nonce = secrets.token_urlsafe(18)
    issued = int(time.time() if now is None else now)
    return f"{mode}.{nonce}.{issued}.{_mac(secret, mode, nonce, issued)}", nonce


def check_token(token: str, cookie_nonce: str | None, secret: str, ttl: int, *, now: float | None = None) -> str | None:
    """The nonce of a valid, young token (matching the cookie unless issued for the embed), or None."""
    parts = token.split(".")
    if len(parts) != 4:
        return None
    mode, nonce, issued_s, mac = parts
    try:
        issued = int(issued_s)
    except ValueError:
        return None
    current = time.time() if now is None else now
    if not 0 <= current - issued <= ttl:
        return None
    if not hmac.compare_digest(mac.encode(), _mac(secret, mode, nonce, issued).encode()):
        return None
    if mode == "e":
        return nonce
    if mode != "p" or not cookie_nonce or not hmac.compare_digest(nonce.encode(), cookie_nonce.encode()):
        return None
    return nonce


def _mac(secret: str, mode: str, nonce: str, issued: int) -> str:
    return hmac.new(secret.encode(), f"form:{mode}.{nonce}.{issued}".encode(), hashlib.sha256).hexdigest()


# --- the acknowledgement ---------------------------------------------------------------------------

ACK_SUBJECT = "Uw bericht is ontvangen / We received your message"
ACK_TEXT = (
    "Beste klant,\n\n"
    "Bedankt voor uw bericht. We hebben het ontvangen onder ticketnummer {ticket_number}.\n"
    "U kunt op deze e-mail antwoorden; houd [#{ticket_number}] in het onderwerp.\n{removed_nl}\n"
    "Dear customer,\n\n"
    "Thank you for your message. We received it as ticket {ticket_number}.\n"
    "You can reply to this e-mail; please keep [#{ticket_number}] in the subject.\n{removed_en}"
)


def ack_text(counts: Mapping[str, int]) -> str:
    """The bilingual text, each half telling in its own language which kinds of data were removed on
    arrival (``outbound.removed``: kinds only, never a value; nothing when nothing worth naming went)."""
    said = {lang: removed_texts.paragraph(lang, counts, 0) for lang in ("nl", "en")}
    return ACK_TEXT.replace("{removed_nl}", f"\n{said['nl']}\n" if said["nl"] else "").replace(
        "{removed_en}", f"\n{said['en']}\n" if said["en"] else "")


def enqueue_ack(ticket_store: store.TicketStore, outcome: SubmitOutcome, settings: WebFormSettings) -> bool:
    """Queue the bilingual acknowledgement mail of a form ticket (``outbound.acknowledge``)."""
    if outcome.ticket_id is None:
        return False
    ack = acknowledge.Acknowledgement(kind="ack", subject=ACK_SUBJECT, text=ack_text(outcome.redactions),
                                      max_per_sender=settings.acks_per_address_per_day, per_hours=24)
    with ticket_store.writing() as session:
        return acknowledge.enqueue(session, outcome.ticket_id, ack, MailIdentity(settings.mail_domain))


def open_form_request(desk: PrivacyDesk, outcome: SubmitOutcome, choice: str, message: str) -> None:
    """The request the visitor chose in the form (``other``: a request whose right is still to be named)."""
    if outcome.ticket_id is None:
        return
    with desk.store.writing() as session:
        ticket = session.get(Ticket, outcome.ticket_id)
        if ticket is None:
            return
        types = [choice] if choice in HANDLERS else []
        req = desk.open(session, ticket, types, source="webform", actor="requester", lang=guess_language(message),
                        unspecified=not types)
        log.info("webform: privacy request=%d ticket=%s types=%s", req.id, outcome.ticket_number, req.types)


# --- the routes -----------------------------------------------------------------------------------


class _FormRoutes:
    """``GET/POST /contact`` (the page, ``?embed=1`` for the iframe) and ``GET /contact/snippet``."""

    def __init__(self, intake: Intake, settings: WebFormSettings) -> None:
        self.intake = intake
        self.settings = settings
        self.rate = Rate.parse(settings.rate_limit)

    def page(self, request: Request, template: str, context: dict[str, Any], code: int = 200,
             nonce: str | None = None, embed: bool = False) -> HTMLResponse:
        settings = self.settings
        csp_nonce = secrets.token_urlsafe(12)
        context = {"site_name": settings.site_name, "embed": embed, "csp_nonce": csp_nonce, **context}
        response = TEMPLATES.TemplateResponse(request, template, context, status_code=code)
        # Our own policy (the web app's default forbids framing and inline styles): only our form
        # target, only this page's style block, framing only for the embed and where configured.
        ancestors = settings.frame_ancestors if embed else "'none'"
        response.headers["Content-Security-Policy"] = (
            f"default-src 'none'; style-src 'nonce-{csp_nonce}'; img-src 'self' data:; form-action 'self'; "
            f"base-uri 'none'; frame-ancestors {ancestors}"
        )
        if nonce is not None:
            response.set_cookie(COOKIE, nonce, max_age=settings.token_ttl_seconds, httponly=True,
                                samesite="lax", secure=settings.secure_cookie, path="/contact")
        response.headers["Cache-Control"] = "no-store"
        if not embed:
            response.headers["X-Frame-Options"] = "DENY"
        return response

    def form_page(self, request: Request, *, embed: bool, values: dict[str, str] | None = None,
                  errors: dict[str, str] | None = None, code: int = 200) -> HTMLResponse:
        token, nonce = issue_token(self.settings.secret, embed=embed)
        return self.page(request, "contact.html", {"token": token, "values": values or {}, "errors": errors or {}},
                         code, nonce=None if embed else nonce, embed=embed)

    def show(self, request: Request, embed: int = 0) -> HTMLResponse:
        return self.form_page(request, embed=bool(embed))

    def snippet(self) -> PlainTextResponse:
        url = self.settings.public_url.rstrip("/") + "/contact?embed=1"
        return PlainTextResponse(
            f'<iframe src="{url}" title="{self.settings.site_name}" style="width:100%;max-width:640px;'
            'height:760px;border:0" loading="lazy"></iframe>\n'
        )

    async def _values(self, request: Request) -> dict[str, str]:
        """The posted fields, after the per-address rate limit and the body-size cap."""
        if not await run_in_threadpool(within_rate, request, self.intake.store, "webform", self.rate):
            log.warning("webform: rate limit hit")
            raise HTTPException(status.HTTP_429_TOO_MANY_REQUESTS, "too many submissions, try again later",
                                headers={"Retry-After": "600"})
        body = await read_limited_body(request, self.settings.max_body_bytes)
        try:
            return dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True, max_num_fields=20))
        except (UnicodeDecodeError, ValueError):
            raise HTTPException(status.HTTP_400_BAD_REQUEST, "malformed form body") from None

    async def submit(self, request: Request) -> HTMLResponse:
        values = await self._values(request)
        embed = values.get("csrf_token", "").startswith("e.")
        nonce = check_token(values.get("csrf_token", ""), request.cookies.get(COOKIE), self.settings.secret,
                            self.settings.token_ttl_seconds)
        if nonce is None:
            log.warning("webform: missing or invalid CSRF token")
            return self.page(request, "contact_error.html", {"reason": "csrf"}, status.HTTP_403_FORBIDDEN, embed=embed)
        if values.get(HONEYPOT):
            log.info("webform: honeypot filled, nothing stored")
            return self.page(request, "contact_done.html", {"number": None}, embed=embed)
        form, errors = validate_form(values)
        if form is None:
            return self.form_page(request, embed=embed, values=values, errors=errors, code=status.HTTP_400_BAD_REQUEST)
        try:
            outcome = await run_in_threadpool(self.intake.submit, to_inbound(form, nonce))
        except TransientError:
            return self.page(request, "contact_error.html", {"reason": "busy"}, status.HTTP_503_SERVICE_UNAVAILABLE,
                             embed=embed)
        except RejectedMessage:
            return self.page(request, "contact_error.html", {"reason": "rejected"}, status.HTTP_400_BAD_REQUEST,
                             embed=embed)
        if outcome.status == "stored" and form.privacy:
            desk = getattr(request.app.state, "privacy_desk", None)
            if desk is not None:
                # The form's privacy option opens a real request, on the clock from this submission.
                await run_in_threadpool(open_form_request, desk, outcome, form.privacy, form.message)
        if outcome.status == "stored" and self.settings.send_ack:
            try:
                await run_in_threadpool(enqueue_ack, self.intake.store, outcome, self.settings)
            except Exception:
                # The message is committed; a missing acknowledgement must not hide the ticket number.
                log.exception("webform: acknowledgement not queued ticket=%s", outcome.ticket_number)
        log.info("webform: %s ticket=%s", outcome.status, outcome.ticket_number)
        return self.page(request, "contact_done.html", {"number": outcome.ticket_number}, embed=embed)


def webform_router(intake: Intake, settings: WebFormSettings) -> APIRouter:
    """The form's routes as a router for the web app."""
    routes = _FormRoutes(intake, settings)
    router = APIRouter(prefix="/contact", tags=["webform"])
    router.add_api_route("", routes.show, methods=["GET"], response_class=HTMLResponse)
    router.add_api_route("/snippet", routes.snippet, methods=["GET"], response_class=PlainTextResponse)
    # Every answer the submission can give, in the OpenAPI document (issue 15: the contract is complete).
    router.add_api_route("", routes.submit, methods=["POST"], response_class=HTMLResponse, responses={
        400: {"description": "a field is missing or too long, a malformed body, or the message was refused"},
        403: {"description": "the form's CSRF token is missing, wrong or too old"},
        413: {"description": "the body is larger than the form allows"},
        429: {"description": "too many submissions from this address; Retry-After says when to try again"},
        503: {"description": "the store is unavailable; try again later"},
    })
    return router
