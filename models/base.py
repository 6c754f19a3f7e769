"""The schema's foundations: the declarative ``Base`` with its naming convention, UTC datetimes, enums
stored as strings, and the append-only marker of evidence tables.

Every table of scrubdesk lives in a module of this package on this one ``Base``; ``models/__init__``
imports them all, so whoever imports ``models`` (the app, Alembic, the tests) sees the whole schema.
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, DateTime, Enum, MetaData, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase


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
