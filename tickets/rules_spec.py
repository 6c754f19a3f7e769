"""What a rule is, checked: conditions, actions and a time rule's wait, from the admin form or JSON.

One parser for every way a rule comes in (the admin page, the JSON import), so a stored rule is always
one the engine (``tickets.rules``) understands, and a bad one is refused with one clear message per bad
field ("rules[2].conditions.channel: unknown value 'fax'"). The JSON export writes what this parser
reads; an import replaces every rule or, when any field of any rule is bad, changes nothing.

Conditions (every key optional, all given must hold; a list means "any of these"):

- ``channel``, ``language``, ``priority``, ``status``: the ticket's;
- ``mailbox``: the mailbox the ticket came in on (ids; an import may name a mailbox by its name, stored
  by id so a rename keeps the rule);
- ``tags_all``, ``tags_any``, ``tags_none``: the ticket's tags (as they are when the rule runs, so a
  rule sees the tags an earlier rule added);
- ``privacy``: ``request_open`` (an open privacy request on the ticket), ``possible_request`` (a
  message the officer still has to triage);
- ``words``: words or phrases found as whole words, case-insensitive, in the stored (scrubbed) subject or
  text of the message (a time rule: of the ticket's customer messages);
- ``pii``: entity types removed from that message or its attachments on arrival (``ID_DOCUMENT``: a
  passport number was removed).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from models import Channel, Priority, TicketStatus
from models.mailboxes import Mailbox
from models.rules import SINCE, TRIGGER_TIME, TRIGGERS, Rule
from tickets import rules_actions, tags
from tickets.guards import ActionError

FORMAT_VERSION = 1
PRIVACY_LABELS: tuple[str, ...] = ("request_open", "possible_request")
MAX_ITEMS = 50
MAX_RULES = 500
MAX_WAIT_MINUTES = 60 * 24 * 365
_LANG = re.compile(r"[a-z]{2,3}(-[a-z0-9]{2,8})?")
_ENTITY = re.compile(r"[A-Z][A-Z0-9_]{1,31}")
_RULE_KEYS = {"name", "trigger", "enabled", "conditions", "actions", "time"}
_TIME_KEYS = {"after_minutes", "since", "business_time"}


class RuleError(ActionError):
    """One or more fields are bad; ``errors`` names each ("<where>.<field>: <why>")."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass(frozen=True, slots=True)
class Spec:
    """A checked rule, ready to store."""

    name: str
    trigger: str
    enabled: bool = True
    conditions: dict[str, list[str]] = field(default_factory=dict)
    actions: list[dict[str, Any]] = field(default_factory=list)
    wait_minutes: int | None = None
    since: str | None = None
    business_time: bool = False


def normalize_word(word: str) -> str:
    """A word or phrase as it is matched: NFC, case-folded, inner white space single."""
    return " ".join(unicodedata.normalize("NFC", word).casefold().split())


def _strings(value: Any, where: str, errors: list[str]) -> list[str]:
    if isinstance(value, str):
        value = [part for part in re.split(r"[,\n]", value) if part.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        errors.append(f"{where}: a list of strings")
        return []
    if len(value) > MAX_ITEMS:
        errors.append(f"{where}: at most {MAX_ITEMS} values")
        return []
    return [v.strip() for v in value if v.strip()]


def _one_of(values: list[str], allowed: tuple[str, ...], where: str, errors: list[str]) -> list[str]:
    bad = [v for v in values if v not in allowed]
    if bad:
        errors.append(f"{where}: unknown value {bad[0]!r} (one of {', '.join(allowed)})")
    return values


def _condition(name: str, values: list[str], where: str, errors: list[str]) -> list[str]:
    fixed = {"channel": tuple(c.value for c in Channel), "priority": tuple(p.value for p in Priority),
             "status": tuple(s.value for s in TicketStatus), "privacy": PRIVACY_LABELS}
    if name in fixed:
        return _one_of([v.lower() for v in values], fixed[name], where, errors)
    if name == "language":
        values = [v.lower() for v in values]
        if any(not _LANG.fullmatch(v) for v in values):
            errors.append(f"{where}: language codes such as 'nl' or 'en'")
        return values
    if name in ("tags_all", "tags_any", "tags_none"):
        try:
            return list(dict.fromkeys(tags.normalize(v) for v in values))
        except tags.BadTagName as exc:
            errors.append(f"{where}: {exc}")
            return []
    if name == "words":
        words = [normalize_word(v) for v in values]
        if any(len(w) > 64 for w in words):
            errors.append(f"{where}: a word or phrase is at most 64 characters")
        return list(dict.fromkeys(w for w in words if w))
    # pii
    values = [v.upper() for v in values]
    if any(not _ENTITY.fullmatch(v) for v in values):
        errors.append(f"{where}: entity types such as ID_DOCUMENT or IBAN")
    return values


CONDITIONS: tuple[str, ...] = ("channel", "mailbox", "language", "priority", "status", "tags_all", "tags_any",
                               "tags_none", "privacy", "words", "pii")


def _mailboxes(session: Session, value: Any, where: str, errors: list[str]) -> list[str]:
    """Mailbox ids (as strings, like every condition's values) from ids or names."""
    def plain(v: Any) -> Any:  # an id may come as a JSON number
        return str(v) if isinstance(v, int) and not isinstance(v, bool) else v

    value = [plain(v) for v in value] if isinstance(value, list) else plain(value)
    out = []
    for item in _strings(value, where, errors):
        if item.isascii() and item.isdigit():
            found = session.get(Mailbox, int(item)) if 0 < int(item) < 2**31 else None
        else:
            found = session.scalars(select(Mailbox).where(func.lower(Mailbox.name) == item.lower()).limit(1)).first()
        if found is None:
            errors.append(f"{where}: no mailbox {item!r} (a mailbox's id or name)")
            continue
        out.append(str(found.id))
    return list(dict.fromkeys(out))


def _conditions(session: Session, data: Any, where: str, errors: list[str]) -> dict[str, list[str]]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        errors.append(f"{where}: an object of conditions")
        return {}
    out: dict[str, list[str]] = {}
    for name, value in data.items():
        if name not in CONDITIONS:
            errors.append(f"{where}.{name}: unknown condition (one of {', '.join(CONDITIONS)})")
            continue
        if name == "mailbox":
            values = _mailboxes(session, value, f"{where}.{name}", errors)
            if values:
                out[name] = values
            continue
        values = _condition(name, _strings(value, f"{where}.{name}", errors), f"{where}.{name}", errors)
        if values:
            out[name] = values
    return out


def _time(data: Any, trigger: str, where: str, errors: list[str]) -> tuple[int | None, str | None, bool]:
    if trigger != TRIGGER_TIME:
        if data not in (None, {}):
            errors.append(f"{where}: only a time_passed rule has a time")
        return None, None, False
    if not isinstance(data, dict):
        errors.append(f"{where}: a time_passed rule needs a time (after_minutes, since)")
        return None, None, False
    for name in sorted(set(data) - _TIME_KEYS):
        errors.append(f"{where}.{name}: unknown field")
    minutes = data.get("after_minutes")
    if isinstance(minutes, str) and minutes.strip().isdigit():
        minutes = int(minutes)
    if not isinstance(minutes, int) or isinstance(minutes, bool) or not 1 <= minutes <= MAX_WAIT_MINUTES:
        errors.append(f"{where}.after_minutes: a whole number of minutes from 1 to {MAX_WAIT_MINUTES}")
        minutes = None
    since = data.get("since")
    if since not in SINCE:
        errors.append(f"{where}.since: one of {', '.join(SINCE)}")
        since = None
    business = data.get("business_time", False)
    if not isinstance(business, bool):
        errors.append(f"{where}.business_time: true or false")
        business = False
    return minutes, since, business


def parse(session: Session, data: Any, where: str = "rule") -> Spec:
    """A checked rule from its JSON form; ``RuleError`` naming every bad field."""
    errors: list[str] = []
    if not isinstance(data, dict):
        raise RuleError([f"{where}: an object"])
    for name in sorted(set(data) - _RULE_KEYS):
        errors.append(f"{where}.{name}: unknown field")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip() or len(name.strip()) > 120:
        errors.append(f"{where}.name: 1 to 120 characters")
        name = ""
    trigger = data.get("trigger")
    if trigger not in TRIGGERS:
        errors.append(f"{where}.trigger: one of {', '.join(TRIGGERS)}")
        trigger = ""
    enabled = data.get("enabled", True)
    if not isinstance(enabled, bool):
        errors.append(f"{where}.enabled: true or false")
    conditions = _conditions(session, data.get("conditions"), f"{where}.conditions", errors)
    actions = rules_actions.parse_list(session, data.get("actions"), f"{where}.actions", errors)
    minutes, since, business = _time(data.get("time"), str(trigger), f"{where}.time", errors)
    if errors:
        raise RuleError(errors)
    return Spec(name=str(name).strip(), trigger=str(trigger), enabled=bool(enabled), conditions=conditions,
                actions=actions, wait_minutes=minutes, since=since, business_time=business)


def as_json(rule: Rule) -> dict[str, Any]:
    """The rule as the export writes it and ``parse`` reads it."""
    out: dict[str, Any] = {"name": rule.name, "trigger": rule.trigger, "enabled": rule.enabled,
                           "conditions": dict(rule.conditions or {}), "actions": list(rule.actions or [])}
    if rule.trigger == TRIGGER_TIME:
        out["time"] = {"after_minutes": rule.wait_minutes, "since": rule.since, "business_time": rule.business_time}
    return out


def ordered(session: Session) -> list[Rule]:
    return list(session.scalars(select(Rule).order_by(Rule.position, Rule.id)))


def export(session: Session) -> dict[str, Any]:
    return {"version": FORMAT_VERSION, "rules": [as_json(rule) for rule in ordered(session)]}


def _apply(rule: Rule, spec: Spec) -> None:
    rule.name, rule.trigger, rule.enabled = spec.name, spec.trigger, spec.enabled
    rule.conditions, rule.actions = spec.conditions, spec.actions
    rule.wait_minutes, rule.since, rule.business_time = spec.wait_minutes, spec.since, spec.business_time


def parse_export(session: Session, data: Any) -> list[Spec]:
    """Every rule of an export, checked; ``RuleError`` naming every bad field of every rule."""
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RuleError(["the file: an object with a list 'rules' (as the export writes it)"])
    if data.get("version", FORMAT_VERSION) != FORMAT_VERSION:
        raise RuleError([f"version: this workspace reads version {FORMAT_VERSION}"])
    if len(data["rules"]) > MAX_RULES:
        raise RuleError([f"rules: at most {MAX_RULES}"])
    specs, errors = [], []
    for index, item in enumerate(data["rules"]):
        try:
            specs.append(parse(session, item, f"rules[{index}]"))
        except RuleError as exc:
            errors += exc.errors
    if errors:
        raise RuleError(errors)
    return specs


def import_all(session: Session, data: Any) -> int:
    """Replace every rule by the export's, in its order, in the caller's transaction; nothing changes
    when any field is bad. Returns how many rules there are now."""
    specs = parse_export(session, data)
    session.execute(delete(Rule))
    for position, spec in enumerate(specs):
        rule = Rule(position=position)
        _apply(rule, spec)
        session.add(rule)
    session.flush()
    return len(specs)


def create(session: Session, spec: Spec) -> Rule:
    last = max((rule.position for rule in ordered(session)), default=-1)
    rule = Rule(position=last + 1)
    _apply(rule, spec)
    session.add(rule)
    session.flush()
    return rule


def get(session: Session, rule_id: int) -> Rule:
    rule = session.get(Rule, rule_id) if 0 < rule_id < 2**31 else None
    if rule is None:
        raise ActionError("no such rule")
    return rule


def update(session: Session, rule_id: int, spec: Spec) -> Rule:
    rule = get(session, rule_id)
    _apply(rule, spec)
    session.flush()
    return rule


def move(session: Session, rule_id: int, step: int) -> None:
    """Move a rule one place up (-1) or down (+1); positions are renumbered 0..n-1."""
    rules = ordered(session)
    index = next((i for i, rule in enumerate(rules) if rule.id == rule_id), None)
    if index is None:
        raise ActionError("no such rule")
    other = index + step
    if 0 <= other < len(rules):
        rules[index], rules[other] = rules[other], rules[index]
    for position, rule in enumerate(rules):
        rule.position = position
    session.flush()


def remove(session: Session, rule_id: int) -> None:
    session.delete(get(session, rule_id))
    session.flush()
