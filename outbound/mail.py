"""The e-mail ``Sender`` of the outbox: replies and acknowledgements through an SMTP smarthost.

Connection security as RFC 8314 recommends: implicit TLS ("tls", port 465) or STARTTLS ("starttls",
RFC 3207, port 587), with certificate verification; "none" only for a relay on loopback. SMTP AUTH
(RFC 4954) when a username is configured.

Exactly-once is not possible over SMTP: if the process dies after the smarthost accepted the mail and
before the outbox entry is marked sent, the lease runs out and the mail is sent again. It is sent
with the same Message-ID, date and body, so receiving systems that suppress duplicates by Message-ID
drop it and threading is unaffected; a client that does not, shows it twice. That window is one
short commit long.

Each mail is From the identity of the ticket's mailbox (``tickets.mailboxes.identity_for_ticket``,
fixed in the payload as ``from_name``/``from_address`` when the entry is queued), else from the
configured ``from_name``/``from_address``. The envelope sender (RFC 5321 MAIL FROM) stays the
configured address: it is the account the smarthost lets us send as, and bounces come back to it (and
from there to intake, which matches them by Message-ID). The customer's answer goes to the From
address, one of the mailbox's own, and threads by In-Reply-To and the ticket tag whichever address
receives it.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Literal

from pydantic import BaseModel, SecretStr

from models import utcnow
from outbound.worker import OutboundItem, PermanentSendError, TransientSendError
from tickets.store import ticket_tag

log = logging.getLogger(__name__)


class SmarthostConfig(BaseModel):
    host: str = "127.0.0.1"
    port: int = 587
    security: Literal["starttls", "tls", "none"] = "starttls"
    username: str | None = None
    password: SecretStr | None = None
    from_address: str = "support@localhost"
    from_name: str = "Support"
    # Domain part of our Message-IDs; defaults to the from address's domain.
    msgid_domain: str | None = None
    timeout: float = 30.0
    # CA file for a smarthost with a private CA (tests use a self-signed one).
    ca_file: str | None = None

    def message_id_domain(self) -> str:
        return self.msgid_domain or self.from_address.rpartition("@")[2] or "localhost"


def build_mail(config: SmarthostConfig, item: OutboundItem) -> EmailMessage:
    """The RFC 5322 message for an outbox item (kind "reply" or "auto_ack")."""
    p = item.payload
    msg = EmailMessage()
    if p.get("from_address"):  # the ticket's mailbox (brand)
        msg["From"] = Address(str(p.get("from_name") or ""), addr_spec=str(p["from_address"]))
    else:
        local, _, domain = config.from_address.partition("@")
        msg["From"] = Address(config.from_name, local, domain)
    msg["To"] = str(p["to"])
    subject = str(p.get("subject") or "")
    number = p.get("ticket_number")
    if number and ticket_tag(int(number)) not in subject:
        subject = f"{subject} {ticket_tag(int(number))}".strip()
    msg["Subject"] = subject
    message_id = str(p.get("message_id") or make_msgid(domain=config.message_id_domain()).strip("<>"))
    msg["Message-ID"] = f"<{message_id}>"
    # The date is fixed at enqueue time, so a re-send after a crash is the same message.
    msg["Date"] = str(p["date"]) if p.get("date") else format_datetime(utcnow())
    if p.get("in_reply_to"):
        msg["In-Reply-To"] = f"<{p['in_reply_to']}>"
    refs = [str(r) for r in p.get("references") or []]
    if refs:
        msg["References"] = " ".join(f"<{r}>" for r in refs)
    if p.get("auto_submitted"):
        # RFC 3834 section 5: marks our automatic mail so other responders do not answer it.
        msg["Auto-Submitted"] = str(p["auto_submitted"])
        msg["Precedence"] = "bulk"  # older autoresponders look at this instead (RFC 3834 section 3.1.8)
    msg["X-Scrubdesk-Ticket"] = str(number or "")
    if p.get("lang"):
        msg["Content-Language"] = str(p["lang"])
    msg.set_content(str(p.get("text") or ""))
    return msg


class SmtpSender:
    """``outbound.worker.Sender`` for the "email" channel."""

    def __init__(self, config: SmarthostConfig) -> None:
        self.config = config

    def _context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(cafile=self.config.ca_file)
        return context

    def _connect(self) -> smtplib.SMTP:
        c = self.config
        if c.security == "tls":
            client: smtplib.SMTP = smtplib.SMTP_SSL(c.host, c.port, timeout=c.timeout, context=self._context())
        else:
            client = smtplib.SMTP(c.host, c.port, timeout=c.timeout)
            if c.security == "starttls":
                client.starttls(context=self._context())
        if c.username:
            client.login(c.username, c.password.get_secret_value() if c.password else "")
        return client

    def send(self, item: OutboundItem) -> None:
        mail = build_mail(self.config, item)
        try:
            with self._connect() as client:
                refused = client.send_message(mail, from_addr=self.config.from_address)
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _ in exc.recipients.values()]
            if all(code >= 500 for code in codes):
                raise PermanentSendError(f"recipient refused ({codes})") from exc
            raise TransientSendError(f"recipient deferred ({codes})") from exc
        except smtplib.SMTPResponseException as exc:
            # 5xx: the smarthost refused for good (RFC 5321 section 4.2.1); 4xx: try again.
            if exc.smtp_code >= 500 and not isinstance(exc, smtplib.SMTPAuthenticationError):
                raise PermanentSendError(f"smarthost refused ({exc.smtp_code})") from exc
            raise TransientSendError(f"smarthost said {exc.smtp_code}") from exc
        except (TimeoutError, OSError, smtplib.SMTPException) as exc:
            raise TransientSendError(f"smarthost unreachable ({type(exc).__name__})") from exc
        if refused:
            raise PermanentSendError("recipient refused")
        log.info("mail: sent outbox entry %d ticket=%s", item.id, item.payload.get("ticket_number"))
