"""Editing SLA policies and business hours (the admin page, ``web.admin_sla``): what a form's fields
mean, checked, stored and audited.

Targets are typed in hours ("4", "1.5", empty for no target) and stored in minutes. A change applies to
tickets from their next clock event (a customer's message, an answer, a status or priority change);
due times already shown stay until then, as with any help desk's policy change. The caller forgets
the cached policies (``tickets.sla.invalidate``) after its transaction commits.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from decimal import Decimal, InvalidOperation

import holidays
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Channel, Priority, utcnow
from models.mailboxes import Mailbox
from models.sla import BusinessHours, SlaPolicy
from tickets import audit, business_hours, tags
from tickets.guards import ActionError

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_TARGET_HOURS = Decimal(24 * 366)
# Countries whose public holidays can be days off (the ``holidays`` codes); more can be added here.
HOLIDAY_COUNTRIES = ("NL", "BE", "DE", "LU", "GB")


@dataclass(frozen=True, slots=True)
class PolicyValues:
    name: str
    priority: str | None
    channel: str | None
    mailbox_id: int | None
    position: int
    business_hours_id: int | None
    first_response_minutes: int | None
    next_response_minutes: int | None
    resolution_minutes: int | None
    escalate_priority: bool
    escalate_tag: str | None
    active: bool


def _minutes(value: str, label: str) -> int | None:
    text = value.strip().replace(",", ".")
    if not text:
        return None
    try:
        hours = Decimal(text)
    except InvalidOperation:
        raise ActionError(f"{label}: a number of hours, like 4 or 1.5") from None
    if not hours.is_finite() or not 0 < hours <= MAX_TARGET_HOURS:
        raise ActionError(f"{label}: more than 0 and at most {MAX_TARGET_HOURS} hours")
    return max(1, round(hours * 60))


def _choice(value: str, allowed: tuple[str, ...], label: str) -> str | None:
    value = value.strip()
    if value and value not in allowed:
        raise ActionError(f"{label}: not one of {', '.join(allowed)}")
    return value or None


def parse_policy(session: Session, form: Mapping[str, str]) -> PolicyValues:
    """The policy form's values, checked; ``ActionError`` says which field is wrong and why."""
    name = form.get("name", "").strip()
    if not name or len(name) > 100:
        raise ActionError("a policy needs a name (at most 100 characters)")
    hours_id = form.get("business_hours_id", "").strip()
    if hours_id and (not hours_id.isdigit() or session.get(BusinessHours, int(hours_id)) is None):
        raise ActionError("no such business hours")
    position = form.get("position", "0").strip() or "0"
    if not position.lstrip("-").isdigit() or abs(int(position)) > 10_000:
        raise ActionError("position: a whole number")
    tag = form.get("escalate_tag", "").strip()
    mailbox = form.get("mailbox_id", "").strip()
    if mailbox and (not mailbox.isdigit() or session.get(Mailbox, int(mailbox)) is None):
        raise ActionError("no such mailbox")
    return PolicyValues(
        name=name,
        priority=_choice(form.get("priority", ""), tuple(p.value for p in Priority), "priority"),
        channel=_choice(form.get("channel", ""), tuple(c.value for c in Channel), "channel"),
        mailbox_id=int(mailbox) if mailbox else None,
        position=int(position),
        business_hours_id=int(hours_id) if hours_id else None,
        first_response_minutes=_minutes(form.get("first_response", ""), "first response"),
        next_response_minutes=_minutes(form.get("next_response", ""), "next response"),
        resolution_minutes=_minutes(form.get("resolution", ""), "resolution"),
        escalate_priority=form.get("escalate_priority") in ("on", "true", "1"),
        escalate_tag=tags.normalize(tag) if tag else None,
        active=form.get("active") in ("on", "true", "1"),
    )


def save_policy(session: Session, policy_id: int | None, values: PolicyValues, actor: str) -> SlaPolicy:
    policy = SlaPolicy() if policy_id is None else session.get(SlaPolicy, policy_id)
    if policy is None:
        raise ActionError("no such policy")
    for key, value in asdict(values).items():
        setattr(policy, key, value)
    policy.updated_at = utcnow()
    session.add(policy)
    session.flush()
    audit.record(session, actor, "sla.policy.add" if policy_id is None else "sla.policy.edit", "sla_policy",
                 policy.id, {k: v for k, v in asdict(values).items() if k != "name"})
    return policy


def delete_policy(session: Session, policy_id: int, actor: str) -> None:
    policy = session.get(SlaPolicy, policy_id)
    if policy is None:
        raise ActionError("no such policy")
    session.delete(policy)
    audit.record(session, actor, "sla.policy.delete", "sla_policy", policy_id, {})


def parse_hours(form: Mapping[str, str]) -> tuple[str, list[str], str, str | None]:
    """Name, weekly hours (Monday first), time zone and holidays country of the business-hours form."""
    name = form.get("name", "").strip()
    if not name or len(name) > 100:
        raise ActionError("business hours need a name (at most 100 characters)")
    weekly = [form.get(day, "").strip() for day in DAYS]
    timezone = form.get("timezone", "").strip() or "Europe/Amsterdam"
    country = _choice(form.get("holidays", ""), HOLIDAY_COUNTRIES, "public holidays")
    try:
        checked = business_hours.hours_of(weekly, timezone, country)
        if country is not None:
            holidays.country_holidays(country)
    except business_hours.HoursError as exc:
        raise ActionError(str(exc)) from None
    return name, [business_hours.format_day(day) for day in checked.weekly], timezone, country


def save_hours(session: Session, hours_id: int | None, form: Mapping[str, str], actor: str) -> BusinessHours:
    name, weekly, timezone, country = parse_hours(form)
    row = BusinessHours() if hours_id is None else session.get(BusinessHours, hours_id)
    if row is None:
        raise ActionError("no such business hours")
    clash = session.scalar(select(BusinessHours.id).where(BusinessHours.name == name))
    if clash is not None and clash != hours_id:
        raise ActionError(f"business hours named {name!r} exist already")
    row.name, row.weekly, row.timezone, row.holidays, row.updated_at = name, weekly, timezone, country, utcnow()
    session.add(row)
    session.flush()
    audit.record(session, actor, "sla.hours.add" if hours_id is None else "sla.hours.edit", "sla_hours", row.id,
                 {"weekly": weekly, "timezone": timezone, "holidays": country})
    return row


def delete_hours(session: Session, hours_id: int, actor: str) -> None:
    row = session.get(BusinessHours, hours_id)
    if row is None:
        raise ActionError("no such business hours")
    used = session.scalar(select(func.count()).select_from(SlaPolicy).where(SlaPolicy.business_hours_id == hours_id))
    if used:
        raise ActionError(f"{row.name!r} is used by {used} policies: choose other hours for them first")
    session.delete(row)
    audit.record(session, actor, "sla.hours.delete", "sla_hours", hours_id, {})


def policies(session: Session) -> list[SlaPolicy]:
    return list(session.scalars(select(SlaPolicy).order_by(SlaPolicy.position, SlaPolicy.id)))


def hours_list(session: Session) -> list[BusinessHours]:
    return list(session.scalars(select(BusinessHours).order_by(BusinessHours.name)))
