"""The ``scrubdesk`` command line: serve, database, debugging and evaluation commands."""

from __future__ import annotations

import csv
import getpass
import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

from app import data_dir
from app.config import Settings, load_settings

cli = typer.Typer(no_args_is_help=True, add_completion=False, help=__doc__)
db_cli = typer.Typer(no_args_is_help=True, help="Database schema.")
mail_cli = typer.Typer(no_args_is_help=True, help="E-mail debugging.")
customers_cli = typer.Typer(no_args_is_help=True, help="The customer directory.")
privacy_cli = typer.Typer(no_args_is_help=True, help="Privacy-right requests.")
cli.add_typer(db_cli, name="db")
cli.add_typer(mail_cli, name="mail")
cli.add_typer(customers_cli, name="customers")
cli.add_typer(privacy_cli, name="privacy")
agents_cli = typer.Typer(no_args_is_help=True, help="Agent accounts of the web workspace.")
cli.add_typer(agents_cli, name="agents")

_state: dict[str, Path | None] = {"config": None}


@cli.callback()
def _main(
    config: Annotated[
        Path | None, typer.Option("--config", "-c", help="TOML configuration file", envvar="SCRUBDESK_CONFIG")
    ] = None,
) -> None:
    _state["config"] = config


def _settings() -> Settings:
    settings = load_settings(_state["config"])
    logging.basicConfig(
        level=settings.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    # aiosmtpd logs envelope addresses and peers at INFO and message lines at DEBUG: personal data
    # that must not reach our logs, so its logger only speaks about problems.
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    data_dir.prepare(settings.data_dir, settings.resolved_database_url())
    return settings


@cli.command()
def serve() -> None:
    """Run the SMTP server, the IMAP pollers and the web app until SIGTERM/SIGINT."""
    from app.serve import run

    run(_settings())


@db_cli.command("upgrade")
def db_upgrade() -> None:
    """Create or migrate the schema to the newest revision."""
    from app.core import opened_store

    with opened_store(_settings()) as store:
        where = store.engine.url.render_as_string(hide_password=True)
    typer.echo(f"database at head: {where}")


@cli.command()
def inject(path: Annotated[Path, typer.Argument(exists=True, dir_okay=False)]) -> None:
    """Run a stored e-mail (.eml) through the whole intake path, as if the SMTP server received it
    from an untrusted peer (its Authentication-Results are not evidence of anything)."""
    from dataclasses import replace

    from app.core import build_core
    from intake.mail.parse import parse_email, to_inbound

    raw = path.read_bytes()
    core = build_core(_settings())
    try:
        outcome = core.intake.submit(replace(to_inbound(parse_email(raw), raw), authentication_results=()))
    finally:
        core.close()
    typer.echo(json.dumps({"status": outcome.status, "ticket": outcome.ticket_number,
                           "message_id": outcome.message_id, "new_ticket": outcome.new_ticket,
                           "reason": outcome.reason, "redactions": outcome.redactions}))


@mail_cli.command("parse")
def mail_parse(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False)],
    as_json: Annotated[bool, typer.Option("--json", help="print the full JSON instead of a short summary")] = False,
) -> None:
    """Parse an .eml file and print what intake reads (raw, unscrubbed: for debugging only)."""
    from intake.errors import TransientError
    from intake.mail.display import parsed_summary, parsed_to_json
    from intake.mail.parse import parse_email

    try:
        parsed = parse_email(path.read_bytes())
    except TransientError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc
    if as_json:
        typer.echo(json.dumps(parsed_to_json(parsed), ensure_ascii=False, indent=2))
    else:
        typer.echo(parsed_summary(parsed))


# Header names accepted for each column, so that exports from common billing tools load as they are.
_CSV_COLUMNS = {
    "number": ("customer_number", "number", "klantnummer", "customer", "id"),
    "name": ("name", "naam"),
    "email": ("email", "e-mail", "e_mail", "mail"),
    "phone": ("phone", "telefoon", "telephone", "tel"),
    "address": ("address", "adres"),
}


@customers_cli.command("import")
def customers_import(path: Annotated[Path, typer.Argument(exists=True, dir_okay=False)]) -> None:
    """Load the customer directory from CSV (customer number, name, e-mail, phone, address)."""
    from app.core import opened_store
    from tickets.store import CustomerRecord, upsert_customers

    text = path.read_text(encoding="utf-8-sig")
    dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", delimiters=",;\t")
    reader = csv.DictReader(text.splitlines(), dialect=dialect)
    fields = {name.strip().lower(): name for name in reader.fieldnames or []}
    mapping = {key: next((fields[a] for a in aliases if a in fields), None) for key, aliases in _CSV_COLUMNS.items()}
    if mapping["number"] is None:
        raise typer.BadParameter(f"no customer-number column; expected one of {_CSV_COLUMNS['number']}")
    records = []
    for line_no, row in enumerate(reader, start=2):
        number = (row.get(mapping["number"] or "") or "").strip()
        if not number:
            typer.echo(f"line {line_no}: no customer number, skipped", err=True)
            continue

        def col(key: str, row: dict[str, str] = row) -> str | None:
            name = mapping[key]
            value = (row.get(name) or "").strip() if name else ""
            return value or None

        records.append(CustomerRecord(number=number, name=col("name"), email=col("email"),
                                      phone=col("phone"), address=col("address")))
    with opened_store(_settings()) as store, store.writing() as session:
        added, updated = upsert_customers(session, records)
    typer.echo(f"customers: {added} added, {updated} updated")


@cli.command()
def scrub(jsonl: Annotated[bool, typer.Option("--jsonl", help="JSON lines in and out")] = False) -> None:
    """Scrub stdin: plain text in, scrubbed text out; or JSON lines {id, text, lang?} with entities."""
    from scrubber.cli import run_scrub

    settings = load_settings(_state["config"])
    raise typer.Exit(run_scrub(sys.stdin, sys.stdout, jsonl=jsonl, config=settings.scrubber))


@privacy_cli.command("detect")
def privacy_detect(jsonl: Annotated[bool, typer.Option("--jsonl", help="JSON lines in and out")] = True) -> None:
    """Recognise privacy-right requests in JSON lines {id, text}; prints {id, labels, possible}."""
    from privacy.detect_cli import run_detect

    raise typer.Exit(run_detect(sys.stdin, sys.stdout))


# --- agents (tickets/accounts.py) -------------------------------------------------------------------


def _password(password_stdin: bool) -> str:
    if password_stdin:
        return sys.stdin.readline().rstrip("\n")
    value: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    return value


def _agents_op(fn: object, *args: object, **kwargs: object) -> object:
    from app.core import opened_store
    from tickets.accounts import AccountError

    try:
        with opened_store(_settings()) as store, store.writing() as session:
            # Changes made from the command line are audited as such (tickets/audit.py).
            session.info["audit_actor"] = f"cli:{getpass.getuser()}"
            return fn(session, *args, **kwargs)  # type: ignore[operator]
    except AccountError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc


@agents_cli.command("add")
def agents_add(
    username: str,
    name: Annotated[str | None, typer.Option(help="display name")] = None,
    role: Annotated[str, typer.Option(help="agent, privacy_officer or admin")] = "agent",
    email: Annotated[str | None, typer.Option()] = None,
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="read the password from stdin")] = False,
) -> None:
    """Add an agent (asks for the password)."""
    from models import Role
    from tickets.accounts import add_agent

    _agents_op(add_agent, username, _password(password_stdin), display_name=name, role=Role(role), email=email)
    typer.echo(f"agent {username} added ({role})")


@agents_cli.command("disable")
def agents_disable(username: str) -> None:
    """Disable an agent: ends their sessions, refuses their API tokens."""
    from tickets.accounts import set_active

    _agents_op(set_active, username, False)
    typer.echo(f"agent {username} disabled")


@agents_cli.command("enable")
def agents_enable(username: str) -> None:
    from tickets.accounts import set_active

    _agents_op(set_active, username, True)
    typer.echo(f"agent {username} enabled")


@agents_cli.command("reset-password")
def agents_reset_password(
    username: str,
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="read the password from stdin")] = False,
) -> None:
    """Set a new password; ends the agent's sessions."""
    from tickets.accounts import reset_password

    _agents_op(reset_password, username, _password(password_stdin))
    typer.echo(f"password of {username} reset")


@agents_cli.command("token")
def agents_token(username: str, name: Annotated[str, typer.Option(help="label of the token")] = "api") -> None:
    """Create a personal API token (printed once)."""
    from tickets.accounts import create_token

    typer.echo(_agents_op(create_token, username, name))


# --- vault and retention (privacy/vault.py, privacy/retention.py) ------------------------------------

vault_cli = typer.Typer(no_args_is_help=True, help="The encrypted vault of stripped values.")
retention_cli = typer.Typer(no_args_is_help=True, help="Retention: deleting what has reached its end date.")
cli.add_typer(vault_cli, name="vault")
cli.add_typer(retention_cli, name="retention")


@vault_cli.command("generate-key")
def vault_generate_key() -> None:
    """Print a new random AES-256 key for [vault] keys (add it under a new id, last in the list)."""
    from privacy.cipher import generate_key

    typer.echo(generate_key())


@vault_cli.command("rotate-key")
def vault_rotate_key() -> None:
    """Re-seal every vault entry with the active key; afterwards older keys can be removed."""
    from app.core import opened_store, value_vault
    from privacy.vault import key_usage, rotate

    settings = _settings()
    vault = value_vault(settings)
    if vault is None:
        typer.echo("error: the vault is not enabled", err=True)
        raise typer.Exit(1)
    with opened_store(settings) as store:
        done = rotate(store, vault.keyring)
        with store.reading() as session:
            usage = key_usage(session)
    typer.echo(f"re-sealed {done} entries with key {vault.keyring.active}; entries per key: {usage}")


@retention_cli.command("run")
def retention_run(
    apply: Annotated[bool, typer.Option("--apply", help="delete (without it: a dry run that only counts)")] = False,
) -> None:
    """Show (or with --apply delete) what the retention policy says has reached its end date."""
    from app.core import opened_store
    from privacy import retention

    settings = _settings()
    with opened_store(settings) as store:
        report = retention.run(store, settings.retention, apply=apply, actor="cli")
    for line in report.lines():
        typer.echo(line)


@retention_cli.command("contract-ended")
def retention_contract_ended(
    customer_number: str,
    on: Annotated[str, typer.Option(help="the date the contract ended, YYYY-MM-DD; 'none' clears it")],
) -> None:
    """Record the end of a customer's contract (starts the former-customer retention clock)."""
    from datetime import date

    from app.core import opened_store
    from privacy.retention import set_contract_end

    ended = None if on.lower() == "none" else date.fromisoformat(on)
    try:
        with opened_store(_settings()) as store, store.writing() as session:
            set_contract_end(session, customer_number, ended)
    except LookupError as exc:
        typer.echo(f"error: {exc.args[0]}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"customer {customer_number}: contract end {ended or 'cleared'}")


# --- privacy-right requests (privacy) -------------------------------------------------------


@privacy_cli.command("list")
def privacy_list() -> None:
    """Open privacy requests, earliest deadline first (ids, types, states and dates; no personal data)."""
    from app.core import opened_store
    from models import ticket_number
    from privacy import deadline
    from privacy.reminders import open_by_due

    with opened_store(_settings()) as store, store.reading() as session:
        for r in open_by_due(session):
            late = " OVERDUE" if r.due_on < deadline.today() else ""
            ticket = ticket_number(r.ticket_id) if r.ticket_id else "-"
            typer.echo(f"{r.id}\t{','.join(r.types)}\t{r.state}\tticket {ticket}\tdue {r.due_on}{late}")


@privacy_cli.command("hold")
def privacy_hold(ticket: int, basis: Annotated[str, typer.Option(help="why it must be kept")] = "financial") -> None:
    """Mark a ticket as a record with a legal retention duty: an erasure keeps it (restricted)."""
    from app.core import opened_store
    from privacy.holds import add_hold

    settings = _settings()
    with opened_store(settings) as store, store.writing() as session:
        hold = add_hold(session, ticket, basis, "cli", settings.privacy)
        if hold is None:
            typer.echo(f"error: no ticket {ticket}", err=True)
            raise typer.Exit(1)
        until = hold.retain_until
    typer.echo(f"ticket {ticket}: kept as {basis} until {until}")


@privacy_cli.command("remind")
def privacy_remind() -> None:
    """Queue today's reminder to privacy officers now (serve does this daily on its own)."""
    from app.core import opened_store
    from privacy.reminders import send_reminders
    from privacy.texts import Texts

    settings = _settings()
    with opened_store(settings) as store:
        sent = send_reminders(store, settings.privacy, Texts(settings.privacy.templates_dir))
    typer.echo(f"{sent} reminder mail(s) queued")


def main() -> None:
    cli()
