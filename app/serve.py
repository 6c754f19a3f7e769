"""``scrubdesk serve``: the SMTP server, the IMAP pollers and the web app in one process.

One asyncio loop runs the SMTP listener and uvicorn; the synchronous core runs in a bounded thread
pool. SIGTERM/SIGINT stop accepting (SMTP listener closed, uvicorn stops), let in-flight messages
finish, then close the store.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import uvicorn

from app.config import Settings
from app.core import Core, api_token, build_core
from app.single_consumer import Role, RoleRunner
from intake.errors import RejectedMessage
from intake.hooks import PrivacyHook
from intake.imap import ImapMailboxConfig, ImapPoller
from intake.imap_state import SqlMailboxState
from intake.mail.parse import parse_email, to_inbound
from intake.smtp import SmtpServer
from outbound.acknowledge import AutoAcknowledger, DueTimeHook
from outbound.graph import graph_senders
from outbound.mail import SmtpSender
from outbound.worker import OutboxWorker
from privacy import retention
from privacy.desk import PrivacyDesk
from privacy.reminders import ROLE_NAME as PRIVACY_REMINDER_ROLE
from privacy.reminders import ReminderJob
from privacy.vault import RevealPolicy
from privacy.verification import Verifier, load_or_create_key
from tickets.replies import MailIdentity
from web import privacy as privacy_web
from web import vault as vault_routes
from web.app import create_app
from web.auth import AuthSettings
from web.webform import WebFormSettings, secret_from_file, webform_router
from web.webhooks import webhook_router
from web.workspace import Workspace

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

    def deliver(self, raw: bytes, *, mailbox: str, uid: int) -> None:
        try:
            msg = to_inbound(parse_email(raw), raw)
        except Exception as exc:  # parse_email is meant never to raise; if it does, quarantine
            raise RejectedMessage(f"unparseable message ({type(exc).__name__})") from exc
        self._core.intake.submit(msg)


async def serve(settings: Settings, *, ready: threading.Event | None = None) -> None:
    core = build_core(settings)
    executor = ThreadPoolExecutor(max_workers=settings.intake.workers, thread_name_prefix="intake")
    smtp = SmtpServer(core.intake.submit, settings.smtp.to_settings(), executor)
    token = api_token(settings)
    # agents' workspace: reply channels, e-mail outbox worker, intake hooks (web)

    mail_cfg = settings.outbound_mail
    identity = MailIdentity(mail_cfg.message_id_domain() if mail_cfg else settings.smtp.hostname)
    reply_channels = ({"email"} if mail_cfg else set()) | ({"telegram"} if settings.telegram.token else set())
    # social and web channels (outbound/graph.py): Graph API senders; web-form tickets are
    # answered by e-mail, so they are replyable when outbound mail is configured.

    social_senders = graph_senders(settings.social.graph(), core.store)
    reply_channels |= set(social_senders) | ({"webform"} if mail_cfg else set())
    outbox_stop = threading.Event()
    lease = timedelta(seconds=settings.outbox.lease_seconds)  # scale-out: every outbox worker's claim lease
    # Created here because the workspace wakes it when an agent replies; started with the others below.
    mail_worker = (OutboxWorker(core.store, {"email": SmtpSender(mail_cfg)}, stop=outbox_stop, lease=lease)
                   if mail_cfg else None)
    core.intake.after_commit.append(DueTimeHook(core.store))
    if mail_cfg is not None and settings.ack.enabled:
        core.intake.after_commit.append(AutoAcknowledger(core.store, settings.ack, identity))
    workspace = Workspace(scrubber=core.scrubber, identity=identity, available_channels=frozenset(reply_channels),
                          wake_outbox=mail_worker.wake.set if mail_worker else None)
    app = create_app(core.store, lambda: token, workspace=workspace, auth=AuthSettings(
        api_token=lambda: token, cookie_secure=settings.web.cookie_secure,
        session_lifetime=timedelta(hours=settings.web.session_hours)))
    # privacy-right requests (privacy): after-commit hook, officer pages, verify/download

    privacy_desk = PrivacyDesk(core.store, Verifier(
        load_or_create_key(settings.data_dir / "verification.key"),
        ttl=timedelta(minutes=settings.privacy.code_ttl_minutes), max_attempts=settings.privacy.code_attempts,
    ), settings.privacy, identity)
    core.intake.after_commit.append(PrivacyHook(privacy_desk))
    privacy_web.install(app, privacy_desk)
    # Telegram bot (bots/telegram.py), when a token is configured
    telegram = None
    if settings.telegram.token is not None:
        from bots.telegram import build_bot

        telegram = build_bot(settings.telegram, core.intake, core.store, settings.data_dir / "verification.key")
        if settings.telegram.mode == "webhook":
            app.include_router(telegram.webhook_router())
    # social and web channels: Meta and generic webhooks, the contact form (intake/)

    social = settings.social
    app.include_router(webhook_router(core.intake.submit, social.webhooks()))
    if social.form_enabled:
        form_secret = (social.form_secret.get_secret_value() if social.form_secret
                       else secret_from_file(settings.data_dir / "form-secret"))
        app.include_router(webform_router(core.intake, WebFormSettings(
            secret=form_secret, rate_limit=social.form_rate_limit, mail_domain=identity.msgid_domain,
            public_url=social.form_public_url or f"http://{settings.web.host}:{settings.web.port}",
            site_name=social.form_site_name, secure_cookie=bool(settings.web.cookie_secure),
            send_ack=mail_cfg is not None and settings.ack.enabled)))
    # vault reveal (privacy/vault.py), when [vault] enabled

    if core.vault is not None:
        vault_routes.install(app, vault_routes.VaultAccess(
            core.vault.keyring, RevealPolicy(roles=frozenset(settings.vault.reveal_roles))))
    web = _EmbeddedUvicorn(
        uvicorn.Config(app, host=settings.web.host, port=settings.web.port, log_level="warning",
                       lifespan="off")
    )

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    # Single-consumer work runs in whichever serve process holds its role (app/single_consumer.py).
    roles_stop = threading.Event()
    role_threads: list[threading.Thread] = []

    def start_role(name: str, work: Callable[[threading.Event], None]) -> None:
        runner = RoleRunner(Role(core.store.engine, name), work, stop=roles_stop)
        thread = threading.Thread(target=runner.run, name=f"role-{name}", daemon=True)
        thread.start()
        role_threads.append(thread)

    sink = IntakeMailSink(core)
    state = SqlMailboxState(core.store)
    for mailbox in settings.imap:

        def poll(term: threading.Event, mailbox: ImapMailboxConfig = mailbox) -> None:
            ImapPoller(mailbox, sink, state, stop_event=term).run()

        start_role(f"imap:{mailbox.key}", poll)
    # The daily reminder to privacy officers and the daily retention run: one process each.
    start_role(PRIVACY_REMINDER_ROLE, ReminderJob(core.store, settings.privacy, privacy_desk.texts).run)
    if settings.retention.daily_run:
        start_role("retention", retention.daily(core.store, settings.retention))

    await smtp.start()
    # Long polling is single-consumer (Telegram answers 409 to a second getUpdates): one process
    # holds the "telegram" role; in webhook mode every process takes updates.
    telegram_task: asyncio.Task[None] | None = None
    if telegram is not None:
        if settings.telegram.mode == "polling":
            start_role("telegram", telegram.polling_term(loop))
        else:
            telegram_task = asyncio.create_task(telegram.run(stop))
    # One outbox worker per channel group, so a slow smarthost never holds up chat replies; each
    # claims only its own channels and every process runs them (claims use SKIP LOCKED).
    workers = [w for w in (
        mail_worker,
        OutboxWorker(core.store, {"telegram": telegram.sender()}, stop=outbox_stop, lease=lease) if telegram else None,
        OutboxWorker(core.store, dict(social_senders), stop=outbox_stop, lease=lease) if social_senders else None,
    ) if w is not None]
    outbox_threads = []
    for worker in workers:
        thread = threading.Thread(target=worker.run, name=f"outbox-{'+'.join(worker.senders)}", daemon=True)
        thread.start()
        outbox_threads.append((worker, thread))
    web_task = asyncio.create_task(web.serve())
    while not web.started and not web_task.done():  # noqa: ASYNC110 (uvicorn offers no event)
        await asyncio.sleep(0.05)
    log.info("serve: ready smtp=%s:%d web=%s:%d", settings.smtp.host, smtp.port, settings.web.host,
             settings.web.port)
    if ready is not None:
        ready.set()
    await stop.wait()

    log.info("serve: stopping")
    roles_stop.set()
    if telegram_task is not None:  # finish the update in hand, then stop
        await telegram_task
    outbox_stop.set()
    for worker, thread in outbox_threads:  # each worker finishes the entry in hand
        worker.wake.set()
        await asyncio.to_thread(thread.join, 60)
    await smtp.stop()
    web.should_exit = True
    await web_task
    for thread in role_threads:  # joined off the loop: the Telegram polling term runs on this loop
        await asyncio.to_thread(thread.join, 30)
    executor.shutdown(wait=True)
    core.close()
    log.info("serve: stopped")


def run(settings: Settings) -> None:
    asyncio.run(serve(settings))
