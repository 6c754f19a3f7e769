"""``scrubdesk serve``: the SMTP server, the IMAP pollers, the bot and the web app in one process.

One asyncio loop runs the SMTP listener and uvicorn; the synchronous core runs in a bounded thread
pool; outbox workers and single-consumer roles run in threads. SIGTERM/SIGINT stop accepting (SMTP
listener closed, uvicorn stops), let in-flight messages finish, then close the store.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import TYPE_CHECKING

import uvicorn
from fastapi import APIRouter, FastAPI

from app.config import Settings, WebConfig
from app.core import Core, api_token, build_core
from app.secret_files import key_file, read_or_create
from app.single_consumer import RoleRunner, SingleConsumerRole
from intake.errors import RejectedMessage, TransientError
from intake.hooks import AutoAcknowledger, DueTimeHook, PrivacyHook
from intake.imap import ImapMailboxConfig, ImapPoller, SqlMailboxState
from intake.mail.parse import parse_email, to_inbound
from intake.smtp import SmtpServer
from outbound.graph import graph_senders
from outbound.mail import SmtpSender
from outbound.solve_mail import SolveMail, SolveMailer
from outbound.webhook_send import WebhookSender
from outbound.webhooks_out import OUTBOX_CHANNEL as WEBHOOK_CHANNEL
from outbound.webhooks_out import WebhookDispatcher
from outbound.worker import OutboxWorker, Sender
from privacy import retention
from privacy.desk import PrivacyDesk
from privacy.reminders import ROLE_NAME as PRIVACY_REMINDER_ROLE
from privacy.reminders import ReminderJob
from privacy.vault import RevealPolicy
from privacy.verification import Verifier
from tickets import notify, sla_breach
from tickets.replies import MailIdentity
from tickets.rules_actions import Replier, ReplySender
from tickets.rules_runner import RulesRunner
from web.app import WebForm, Webhooks, create_app
from web.auth import AuthSettings
from web.vault import VaultAccess
from web.webform import WebFormSettings
from web.workspace import Workspace

if TYPE_CHECKING:
    from bots.telegram import TelegramBot

log = logging.getLogger(__name__)


class _EmbeddedUvicorn(uvicorn.Server):
    """uvicorn without its own signal handling: ``serve`` owns SIGTERM/SIGINT and stops it in order."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


class IntakeMailSink:
    """``intake.imap.MessageSink`` on top of the pipeline: returns after commit (or duplicate)."""

    def __init__(self, core: Core) -> None:
        self._core = core
        self._mailboxes = {config.key: config for config in core.settings.imap}

    def deliver(self, raw: bytes, *, mailbox: str, uid: int) -> None:
        try:
            msg = to_inbound(parse_email(raw), raw)
        except TransientError:
            raise  # may pass on the next try: the message stays in the mailbox
        except Exception as exc:  # parse_email is meant never to raise; if it does, quarantine
            raise RejectedMessage(f"unparseable message ({type(exc).__name__})") from exc
        # Only what the mailbox's own provider wrote on top, and only when configured (RFC 8601 section 5).
        config, ours = self._mailboxes.get(mailbox), self._core.settings.privacy.authserv_id
        trusted = config.authentication_results(msg.authentication_results, ours) if config else ()
        # The mailbox's own address first: tickets.mailboxes.route takes the first recipient it knows.
        recipients = (config.address, *msg.recipients) if config and config.address else msg.recipients
        msg = replace(msg, authentication_results=trusted, recipients=recipients)
        self._core.intake.submit(msg)


@dataclass
class Outbound:
    """The outbox workers (one per channel group, so a slow smarthost never holds up chat replies)
    and the channels agents can reply on."""

    workers: list[OutboxWorker]
    reply_channels: frozenset[str]
    # Woken when an agent replies by e-mail, so the reply leaves without waiting for the next poll.
    mail_worker: OutboxWorker | None
    stop: threading.Event = field(default_factory=threading.Event)
    threads: list[threading.Thread] = field(default_factory=list)

    def start(self) -> None:
        for worker in self.workers:
            thread = threading.Thread(target=worker.run, name=f"outbox-{'+'.join(worker.senders)}", daemon=True)
            thread.start()
            self.threads.append(thread)

    async def stop_all(self) -> None:
        self.stop.set()
        for worker, thread in zip(self.workers, self.threads, strict=True):  # each finishes the entry in hand
            worker.wake.set()
            await asyncio.to_thread(thread.join, 60)


def build_outbound(settings: Settings, core: Core, telegram: TelegramBot | None) -> Outbound:
    """Every configured channel's sender, grouped into workers that claim only their own channels."""
    stop = threading.Event()
    lease = timedelta(seconds=settings.outbox.lease_seconds)  # scale-out: every worker's claim lease
    mail_cfg = settings.outbound_mail
    groups: list[dict[str, Sender]] = []
    if mail_cfg is not None:
        groups.append({"email": SmtpSender(mail_cfg)})
    if telegram is not None:
        groups.append({"telegram": telegram.sender()})
    social = graph_senders(settings.social.graph(), core.store)
    if social:
        groups.append(dict(social))
    # Outgoing webhooks: a worker of their own, so a slow receiver never holds up a reply.
    groups.append({WEBHOOK_CHANNEL: WebhookSender(core.store, settings.webhooks_out.policy())})
    workers = [OutboxWorker(core.store, group, stop=stop, lease=lease) for group in groups]
    channels = {channel for group in groups for channel in group}
    # Web-form tickets are answered by e-mail, so they are replyable when outbound mail is configured.
    if mail_cfg is not None:
        channels.add("webform")
    return Outbound(workers=workers, reply_channels=frozenset(channels), stop=stop,
                    mail_worker=workers[0] if mail_cfg is not None else None)


def mail_identity(settings: Settings) -> MailIdentity:
    mail_cfg = settings.outbound_mail
    return MailIdentity(mail_cfg.message_id_domain() if mail_cfg else settings.smtp.hostname)


def build_privacy_desk(settings: Settings, core: Core, identity: MailIdentity) -> PrivacyDesk:
    verifier = Verifier(key_file(settings.data_dir / "verification.key"),
                        ttl=timedelta(minutes=settings.privacy.code_ttl_minutes),
                        max_attempts=settings.privacy.code_attempts)
    return PrivacyDesk(core.store, verifier, settings.privacy, identity)


def add_hooks(settings: Settings, core: Core, desk: PrivacyDesk, identity: MailIdentity) -> None:
    """Intake's after-commit hooks: due times, acknowledgements (when mail can go out), privacy requests."""
    core.intake.after_commit.append(DueTimeHook(core.store))
    if settings.outbound_mail is not None and settings.ack.enabled:
        core.intake.after_commit.append(AutoAcknowledger(core.store, settings.ack, identity))
    core.intake.after_commit.append(PrivacyHook(desk))


def web_server_config(app: FastAPI, web: WebConfig) -> uvicorn.Config:
    """uvicorn for the web app. Proxy headers are believed only from ``[web] trusted_proxies``:
    uvicorn's default believes X-Forwarded-For from 127.0.0.1 (or $FORWARDED_ALLOW_IPS), so any local
    client could choose the address every limit counts and the audit trail records."""
    trusted = list(web.trusted_proxies)
    return uvicorn.Config(app, host=web.host, port=web.port, log_level="warning", lifespan="off",
                          proxy_headers=bool(trusted), forwarded_allow_ips=trusted or [])


def build_web_app(settings: Settings, core: Core, desk: PrivacyDesk, outbound: Outbound, identity: MailIdentity,
                  telegram: TelegramBot | None) -> FastAPI:
    token = api_token(settings)
    mail_worker = outbound.mail_worker
    workspace = Workspace(scrubber=core.scrubber, identity=identity, available_channels=outbound.reply_channels,
                          wake_outbox=mail_worker.wake.set if mail_worker else None, operator=settings.operator)
    notify.configure(settings.privacy.public_url)  # links in notification mails
    auth = AuthSettings(api_token=lambda: token, cookie_secure=settings.web.cookie_secure,
                        session_lifetime=timedelta(hours=settings.web.session_hours))
    vault_access = (VaultAccess(core.vault.keyring, RevealPolicy(roles=frozenset(settings.vault.reveal_roles)))
                    if core.vault is not None else None)
    routers: list[APIRouter] = []
    if telegram is not None and settings.telegram.mode == "webhook":
        routers.append(telegram.webhook_router())
    app = create_app(core.store, lambda: token, workspace=workspace, auth=auth, privacy_desk=desk,
                     vault_access=vault_access, webform=_webform(settings, core, identity),
                     webhooks=Webhooks(core.intake.submit, settings.social.webhooks()), routers=routers)
    app.state.webhooks_out_policy = settings.webhooks_out.policy()  # web.admin_webhooks checks URLs with it
    return app


def _webform(settings: Settings, core: Core, identity: MailIdentity) -> WebForm | None:
    social = settings.social
    if not social.form_enabled:
        return None
    secret = (social.form_secret.get_secret_value() if social.form_secret
              else read_or_create(settings.data_dir / "form-secret"))
    return WebForm(core.intake, WebFormSettings(
        secret=secret, rate_limit=social.form_rate_limit, mail_domain=identity.msgid_domain,
        public_url=social.form_public_url or f"http://{settings.web.host}:{settings.web.port}",
        site_name=social.form_site_name, secure_cookie=bool(settings.web.cookie_secure),
        send_ack=settings.outbound_mail is not None and settings.ack.enabled))


def build_telegram(settings: Settings, core: Core) -> TelegramBot | None:
    if settings.telegram.token is None:
        return None
    from bots.telegram import build_bot  # aiogram is only imported when a bot is configured

    key = key_file(settings.data_dir / "verification.key")
    return build_bot(settings.telegram, core.intake, core.store, key)


class Roles:
    """Single-consumer work, each in whichever ``serve`` process holds its role (app/single_consumer.py)."""

    def __init__(self, core: Core) -> None:
        self.core = core
        self.stop = threading.Event()
        self.threads: list[threading.Thread] = []

    def start(self, name: str, work: Callable[[threading.Event], None]) -> None:
        runner = RoleRunner(SingleConsumerRole(self.core.store.engine, name), work, stop=self.stop)
        thread = threading.Thread(target=runner.run, name=f"role-{name}", daemon=True)
        thread.start()
        self.threads.append(thread)

    def start_all(self, settings: Settings, desk: PrivacyDesk, replier: Replier | None = None,
                  senders: frozenset[str] = frozenset()) -> None:
        sink, state = IntakeMailSink(self.core), SqlMailboxState(self.core.store)
        for mailbox in settings.imap:

            def poll(term: threading.Event, mailbox: ImapMailboxConfig = mailbox) -> None:
                ImapPoller(mailbox, sink, state, stop_event=term).run()

            self.start(f"imap:{mailbox.key}", poll)
        # The daily reminder to privacy officers and the daily retention run: one process each.
        self.start(PRIVACY_REMINDER_ROLE, ReminderJob(self.core.store, settings.privacy, desk.texts).run)
        if settings.retention.daily_run:
            self.start("retention", retention.daily(self.core.store, settings.retention))
        # Outgoing webhooks: events derived from committed rows and queued in the outbox, in one process.
        hooks = settings.webhooks_out
        self.start("webhooks-out", WebhookDispatcher(self.core.store, interval=hooks.dispatch_seconds,
                                                     settle=timedelta(seconds=hooks.settle_seconds)).run)
        # Due-soon notifications to assignees (tickets.notify) and the escalation of SLA breaches
        # (tickets.sla_breach): one sweep a minute, in one process.
        self.start("notify-due", notify.DueSoonJob(self.core.store, also=(sla_breach.sweep,)).run)
        # Automation rules (tickets.rules): new messages from the same event feed, and the time sweep.
        self.start("rules", RulesRunner(self.core.store, replier, settle=timedelta(seconds=hooks.settle_seconds)).run)
        # The solve message with the rating link (outbound.solve_mail): the same feed, after commit, on the
        # customer's channel when it has a sender here (``senders``: e-mail, Telegram, the Meta channels).
        if senders and settings.solve_mail.enabled:
            mail = SolveMail(settings.solve_mail, settings.privacy.public_url, mail_identity(settings), senders)
            self.start("solve-mail", SolveMailer(self.core.store, mail,
                                                 settle=timedelta(seconds=hooks.settle_seconds)).run)

    async def join(self) -> None:
        for thread in self.threads:  # joined off the loop: the Telegram polling term runs on this loop
            await asyncio.to_thread(thread.join, 30)


async def serve(settings: Settings, *, ready: threading.Event | None = None) -> None:
    core = build_core(settings)
    executor = ThreadPoolExecutor(max_workers=settings.intake.workers, thread_name_prefix="intake")
    smtp = SmtpServer(core.intake.submit, settings.smtp, executor, core.intake.submit_later)
    identity = mail_identity(settings)
    desk = build_privacy_desk(settings, core, identity)
    add_hooks(settings, core, desk, identity)
    telegram = build_telegram(settings, core)
    outbound = build_outbound(settings, core, telegram)
    web = _EmbeddedUvicorn(web_server_config(build_web_app(settings, core, desk, outbound, identity, telegram),
                                             settings.web))
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    roles = Roles(core)
    # A rule's canned reply goes out as an agent's would: the channels the workspace replies on.
    channels = Workspace(available_channels=outbound.reply_channels).reply_channels()
    roles.start_all(settings, desk, ReplySender(core.scrubber, identity, channels, settings.operator),
                    outbound.reply_channels)
    await smtp.start()
    telegram_task = _start_telegram(settings, telegram, roles, stop, loop)
    outbound.start()
    web_task = asyncio.create_task(web.serve())
    while not web.started and not web_task.done():  # noqa: ASYNC110 (uvicorn offers no event)
        await asyncio.sleep(0.05)
    log.info("serve: ready smtp=%s:%d web=%s:%d", settings.smtp.host, smtp.port, settings.web.host,
             settings.web.port)
    if ready is not None:
        ready.set()
    await stop.wait()

    log.info("serve: stopping")
    roles.stop.set()
    if telegram_task is not None:  # finish the update in hand, then stop
        await telegram_task
    await outbound.stop_all()
    await smtp.stop()
    web.should_exit = True
    await web_task
    await roles.join()
    executor.shutdown(wait=True)
    core.intake.close()  # the writer commits what it has in hand
    core.close()
    log.info("serve: stopped")


def _start_telegram(settings: Settings, telegram: TelegramBot | None, roles: Roles, stop: asyncio.Event,
                    loop: asyncio.AbstractEventLoop) -> asyncio.Task[None] | None:
    """Long polling is single-consumer (Telegram answers 409 to a second getUpdates): one process holds
    the "telegram" role; in webhook mode every process takes updates (returns the task to await)."""
    if telegram is None:
        return None
    if settings.telegram.mode == "polling":
        roles.start("telegram", telegram.polling_term(loop))
        return None
    return asyncio.create_task(telegram.run(stop))


def run(settings: Settings) -> None:
    asyncio.run(serve(settings))
