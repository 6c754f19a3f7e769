"""The schema's foundations: the declarative ``Base`` with its naming convention, UTC datetimes, enums
stored as strings, and the append-only marker of evidence tables.

Every table of scrubdesk lives in a module of this package on this one ``Base``; ``models/__init__``
imports them all, so whoever imports ``models`` (the app, Alembic, the tests) sees the whole schema.
"""

from __future__ import annotations

import enum
import json
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, DateTime, Enum, MetaData, Text, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase

from models import keys


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on SQLite too (which stores naive values)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class SealedJSON(TypeDecorator[dict[str, Any]]):
    """A JSON object sealed with the deployment key at rest (``models.keys``); a plain dict in Python.

    For what must be read back but must not lie in the database in clear: an outbox entry's payload
    carries addresses, agents' unscrubbed reply texts, one-time codes and single-use links until it
    is sent (and is emptied then). A row written before sealing existed is still read as plain JSON.
    """

    impl = Text
    cache_ok = True

    def __init__(self, purpose: str) -> None:
        super().__init__()
        self.purpose = purpose

    def process_bind_param(self, value: dict[str, Any] | None, dialect: Dialect) -> str | None:
        return None if value is None else keys.seal_json(value, purpose=self.purpose)

    def process_result_value(self, value: str | None, dialect: Dialect) -> dict[str, Any] | None:
        if value is None:
            return None
        if keys.is_sealed(value):
            result: dict[str, Any] = keys.unseal_json(value, purpose=self.purpose)
            return result
        legacy: dict[str, Any] = json.loads(value)
        return legacy


class SealedText(TypeDecorator[str]):
    """A string sealed with the deployment key at rest (``models.keys``); a plain ``str`` in Python."""

    impl = Text
    cache_ok = True

    def __init__(self, purpose: str) -> None:
        super().__init__()
        self.purpose = purpose

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else keys.seal(value.encode(), purpose=self.purpose)

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else keys.unseal(value, purpose=self.purpose).decode()


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSON,
        dict[str, int]: JSON,
    }


class AppendOnly:
    """Marks a model whose rows are evidence (audit trails): insert-only, enforced in ``models.audit``."""

    __slots__ = ()



def enum_column(cls: type[enum.Enum], length: int = 16) -> Enum:
    # Stored as plain strings (no native ENUM type) so later values need no ALTER TYPE on PostgreSQL.
    return Enum(cls, native_enum=False, length=length, values_callable=lambda e: [m.value for m in e])
