"""Wiring of the synchronous core (store, scrubber, intake), shared by ``serve`` and the CLI."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from pydantic import SecretStr

from app.config import Settings
from app.secret_files import key_file, read_or_create
from intake.pipeline import Intake
from intake.prepare_pool import ProcessPreparePool
from intake.writer import DirectWriter
from models import keys, migrate
from models.db import make_engine, make_sessionmaker
from models.deployment import check_key
from privacy.cipher import Keyring
from privacy.recognition import recognize
from privacy.vault import SqlVault
from scrubber.config import ScrubberConfig
from scrubber.engine import Scrubber
from tickets.store import TicketStore

log = logging.getLogger(__name__)


@dataclass
class Core:
    settings: Settings
    store: TicketStore
    scrubber: Scrubber
    intake: Intake
    # The encrypted vault of stripped values, when ``[vault] enabled`` (privacy/vault.py).
    vault: SqlVault | None = None

    def close(self) -> None:
        if self.intake.prepare_pool is not None:  # a one-message command (inject) never calls intake.close()
            self.intake.prepare_pool.close()
        self.store.engine.dispose()


def open_store(settings: Settings, *, upgrade: bool = True) -> TicketStore:
    """The store, with this process's deployment key installed and checked against the database's."""
    keys.install(deployment_key(settings))
    engine = make_engine(settings.resolved_database_url())
    if upgrade:
        migrate.upgrade(engine)
    ticket_store = TicketStore(engine)
    check_key(make_sessionmaker(engine, write=True))
    return ticket_store


@contextmanager
def opened_store(settings: Settings, *, upgrade: bool = True) -> Iterator[TicketStore]:
    """The store for one command: migrated, and its connections closed when the block ends."""
    ticket_store = open_store(settings, upgrade=upgrade)
    try:
        yield ticket_store
    finally:
        ticket_store.engine.dispose()


def deployment_key(settings: Settings) -> bytes:
    if settings.deployment_key is not None:
        return bytes.fromhex(settings.deployment_key.get_secret_value())
    return key_file(settings.data_dir / "deployment.key")


def build_core(settings: Settings, *, upgrade: bool = True) -> Core:
    scrubber = Scrubber(scrubber_config(settings))
    # The prepare processes are forked from here, after the scrubber loaded (its pages shared) and before
    # the store exists: no database connection, thread or socket is inherited (intake.prepare_pool).
    processes = prepare_processes(settings)
    pool = ProcessPreparePool(scrubber, settings.intake.limits(), processes) if processes else None
    ticket_store = open_store(settings, upgrade=upgrade)
    vault = value_vault(settings)
    intake = Intake(
        ticket_store,
        scrubber,
        privacy=recognize,
        limits=settings.intake.limits(),
        vault=vault,
        writer=None if settings.intake.group_commit else DirectWriter(ticket_store),
        prepare_pool=pool,
    )
    return Core(settings=settings, store=ticket_store, scrubber=scrubber, intake=intake, vault=vault)


def prepare_processes(settings: Settings) -> int:
    """``[intake] prepare_processes``, with "auto" decided: one process where the embedded SQLite store's single
    writer leaves the GIL as the limit and a second core is there to use it, else none (README, configuration)."""
    wanted = settings.intake.prepare_processes
    if wanted != "auto":
        return wanted
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return 1 if cores >= 2 and settings.resolved_database_url().startswith("sqlite") else 0


def value_vault(settings: Settings) -> SqlVault | None:
    """The vault when enabled; its keys come only from the configuration or the environment."""
    cfg = settings.vault
    if not cfg.enabled:
        return None
    if not cfg.keys:
        raise ValueError("[vault] enabled needs at least one key (scrubdesk vault generate-key)")
    keyring = Keyring({k: v.get_secret_value() for k, v in cfg.keys.items()}, cfg.active_key)
    return SqlVault(keyring, retention=timedelta(days=cfg.retention_days))


def api_token(settings: Settings) -> str:
    """The configured API token, or one kept in the data directory."""
    if settings.web.api_token is not None:
        return settings.web.api_token.get_secret_value()
    return read_or_create(settings.data_dir / "api-token")


def scrubber_config(settings: Settings) -> ScrubberConfig:
    """The scrubber's configuration with a stable placeholder key.

    Placeholder numbers per ticket are keyed by an HMAC of the value; a key that changed between
    restarts (or differed between processes) would give one value two placeholders in one ticket.
    """
    config = settings.scrubber
    if "placeholder_key" in config.model_fields_set:
        return config
    key = read_or_create(settings.data_dir / "placeholder-key")
    return config.model_copy(update={"placeholder_key": SecretStr(key)})
