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
- A per-IP moving-window rate limit (``limits``), so one host cannot flood the queue.
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
import uuid
from dataclasses import dataclass
from datetime import timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from email_validator import EmailNotValidError, validate_email
from fastapi import APIRouter, HTTPException, Request, status
from fastapi.responses import HTMLResponse, PlainTextResponse
from fastapi.templating import Jinja2Templates
from limits import parse as parse_rate
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter
from sqlalchemy import func, select
from starlette.concurrency import run_in_threadpool

from intake.errors import RejectedMessage, TransientError
from intake.message import InboundMessage
from intake.pipeline import Intake, SubmitOutcome
from models import AutoAck, Channel, Direction, Ticket, utcnow
from tickets import outbox, store
from tickets.replies import operator_text
from web.webhooks import read_limited_body

log = logging.getLogger(__name__)

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates" / "contact"))
COOKIE = "scrubdesk_form"
HONEYPOT = "website"
FIELD_LIMITS = {"name": 200, "email": 320, "customer_number": 32, "subject": 200, "message": 20_000}


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


# --- the form's values ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ContactForm:
    name: str
    email: str
    customer_number: str
    subject: str
    message: str


def validate_form(values: dict[str, str]) -> tuple[ContactForm | None, dict[str, str]]:
    """The cleaned form, or the error per field (messages shown to the visitor, in Dutch and English)."""
    errors: dict[str, str] = {}
    clean = {k: values.get(k, "").strip() for k in FIELD_LIMITS}
    for key, limit in FIELD_LIMITS.items():
        if len(clean[key]) > limit:
            errors[key] = f"Te lang (max. {limit} tekens) / too long"
    for key in ("name", "email", "subject", "message"):
        if not clean[key]:
            errors[key] = "Verplicht veld / required"
    if clean["email"] and "email" not in errors:
        try:
            # Syntax only: a DNS lookup per visitor would slow the page and leak the address to DNS.
            clean["email"] = validate_email(clean["email"], check_deliverability=False).normalized
        except EmailNotValidError:
            errors["email"] = "Geen geldig e-mailadres / not a valid e-mail address"
    if clean["customer_number"] and not clean["customer_number"].replace("-", "").isalnum():
        errors["customer_number"] = "Alleen letters en cijfers / letters and digits only"
    if errors:
        return None, errors
    return ContactForm(**clean), {}


def to_inbound(form: ContactForm, nonce: str) -> InboundMessage:
    """The form as the pipeline's message; the nonce makes a resubmission a duplicate."""
    text = form.message
    if form.customer_number:
        # Customer numbers are kept by policy (docs/pii-policy.md) and help the agent find the account;
        # the number is only text here: a typed number proves nothing, so it links no customer record.
        text = f"{text}\n\nKlantnummer: {form.customer_number}"
    return InboundMessage(
        channel=Channel.WEBFORM,
        external_id=f"form:{nonce}",
        sender=form.email.lower(),
        sender_name=form.name,
        subject=form.subject,
        text=text,
    )


# --- the acknowledgement --------------------------------------------------------------------------

ACK_TEXT = (
    "Beste klant,\n\n"
    "Bedankt voor uw bericht. We hebben het ontvangen onder ticketnummer {number}.\n"
    "U kunt op deze e-mail antwoorden; houd [#{number}] in het onderwerp.\n\n"
    "Dear customer,\n\n"
    "Thank you for your message. We received it as ticket {number}.\n"
    "You can reply to this e-mail; please keep [#{number}] in the subject.\n"
)


def enqueue_ack(ticket_store: store.TicketStore, outcome: SubmitOutcome, settings: WebFormSettings) -> bool:
    """Queue the acknowledgement mail and record it on the ticket, in one transaction.

    The payload is the one ``outbound.mail.build_mail`` sends (as for the workspace's
    ``auto_ack``): ``to``, ``subject``, ``text``, ``message_id`` (without angle brackets, as intake
    stores Message-IDs), ``date``, ``auto_submitted`` (RFC 3834 section 5), ``lang``, ``ticket_number``.
    Anyone can type someone else's address into a public form, so acknowledgements per address are
    capped (the ``auto_acks`` count the e-mail auto-acknowledger keeps too, RFC 3834 section 2):
    the form must not become a way to send our mail to a stranger. False when capped or not possible.
    """
    if outcome.ticket_id is None or outcome.ticket_number is None:
        return False
    number = outcome.ticket_number
    with ticket_store.writing() as session:
        ticket = session.get(Ticket, outcome.ticket_id)
        if ticket is None or ticket.contact is None or ticket.contact.unreachable:
            return False
        contact = ticket.contact
        since = utcnow() - timedelta(hours=24)
        sent = session.scalar(select(func.count()).select_from(AutoAck).where(
            AutoAck.contact_id == contact.id, AutoAck.created_at >= since)) or 0
        if sent >= settings.acks_per_address_per_day:
            log.info("webform: acknowledgement capped ticket=%s contact=%s", number, contact.id)
            return False
        message_id = f"{uuid.uuid4().hex}@{settings.mail_domain}"
        subject = f"Uw bericht is ontvangen / We received your message {store.ticket_tag(number)}"
        text = ACK_TEXT.format(number=number)
        now = utcnow()
        # Stored as an outgoing message, so the customer's answer to it threads by In-Reply-To.
        message = store.add_message(
            session, ticket, direction=Direction.OUT, channel=Channel.EMAIL, external_id=message_id,
            text=operator_text(text), subject=operator_text(subject), contact=contact, lang=ticket.lang,
            redactions={}, received_at=now,
        )
        message.auto_submitted = True
        outbox.enqueue(
            session, channel=Channel.EMAIL, kind="ack", ticket_id=ticket.id, message_id=message.id,
            payload={"to": contact.address, "subject": subject, "text": text, "message_id": message_id,
                     "in_reply_to": None, "references": [], "auto_submitted": "auto-replied",
                     "lang": ticket.lang, "ticket_number": number, "date": format_datetime(now)},
        )
        session.add(AutoAck(contact_id=contact.id, ticket_id=ticket.id, created_at=now))
    return True


def secret_from_file(path: Path) -> str:
    """A random key kept (mode 0600) in ``path``: the form's CSRF key when none is configured."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(32))
    return path.read_text().strip()


# --- the router -----------------------------------------------------------------------------------


def webform_router(intake: Intake, settings: WebFormSettings) -> APIRouter:
    """``GET/POST /contact`` (the page, ``?embed=1`` for the iframe) and ``GET /contact/snippet``."""
    router = APIRouter(prefix="/contact", tags=["webform"])
    limiter = MovingWindowRateLimiter(MemoryStorage())
    rate = parse_rate(settings.rate_limit)

    def page(request: Request, template: str, context: dict[str, Any], code: int = 200,
             nonce: str | None = None, embed: bool = False) -> HTMLResponse:
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

    def form_page(request: Request, *, embed: bool, values: dict[str, str] | None = None,
                  errors: dict[str, str] | None = None, code: int = 200) -> HTMLResponse:
        token, nonce = issue_token(settings.secret, embed=embed)
        return page(request, "contact.html", {"token": token, "values": values or {}, "errors": errors or {}},
                    code, nonce=None if embed else nonce, embed=embed)

    @router.get("", response_class=HTMLResponse)
    def show(request: Request, embed: int = 0) -> HTMLResponse:
        return form_page(request, embed=bool(embed))

    @router.get("/snippet", response_class=PlainTextResponse)
    def snippet() -> PlainTextResponse:
        url = settings.public_url.rstrip("/") + "/contact?embed=1"
        return PlainTextResponse(
            f'<iframe src="{url}" title="{settings.site_name}" style="width:100%;max-width:640px;'
            'height:760px;border:0" loading="lazy"></iframe>\n'
        )

    @router.post("", response_class=HTMLResponse)
    async def submit(request: Request) -> HTMLResponse:
        ip = request.client.host if request.client else "unknown"
        if not limiter.hit(rate, "webform", ip):
            log.warning("webform: rate limit hit")
            raise HTTPException(status.HTTP_429_TOO_MANY_REQUESTS, "too many submissions, try again later",
                                headers={"Retry-After": "600"})
        body = await read_limited_body(request, settings.max_body_bytes)
        try:
            values = dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True, max_num_fields=20))
        except (UnicodeDecodeError, ValueError):
            raise HTTPException(status.HTTP_400_BAD_REQUEST, "malformed form body") from None
        embed = values.get("csrf_token", "").startswith("e.")
        nonce = check_token(values.get("csrf_token", ""), request.cookies.get(COOKIE), settings.secret,
                            settings.token_ttl_seconds)
        if nonce is None:
            log.warning("webform: missing or invalid CSRF token")
            return page(request, "contact_error.html", {"reason": "csrf"}, status.HTTP_403_FORBIDDEN, embed=embed)
        if values.get(HONEYPOT):
            log.info("webform: honeypot filled, nothing stored")
            return page(request, "contact_done.html", {"number": None}, embed=embed)
        form, errors = validate_form(values)
        if form is None:
            return form_page(request, embed=embed, values=values, errors=errors, code=status.HTTP_400_BAD_REQUEST)
        msg = to_inbound(form, nonce)
        try:
            outcome = await run_in_threadpool(intake.submit, msg)
        except TransientError:
            return page(request, "contact_error.html", {"reason": "busy"}, status.HTTP_503_SERVICE_UNAVAILABLE,
                        embed=embed)
        except RejectedMessage:
            return page(request, "contact_error.html", {"reason": "rejected"}, status.HTTP_400_BAD_REQUEST,
                        embed=embed)
        if outcome.status == "stored" and settings.send_ack:
            try:
                await run_in_threadpool(enqueue_ack, intake.store, outcome, settings)
            except Exception:
                # The message is committed; a missing acknowledgement must not hide the ticket number.
                log.exception("webform: acknowledgement not queued ticket=%s", outcome.ticket_number)
        log.info("webform: %s ticket=%s", outcome.status, outcome.ticket_number)
        return page(request, "contact_done.html", {"number": outcome.ticket_number}, embed=embed)

    return router
