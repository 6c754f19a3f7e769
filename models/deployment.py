"""What the database knows about its deployment: the check value of the deployment key.

Several ``serve`` processes (or machines) on one database must hold the same deployment key
(``models.keys``): a process with another key would seal outbox entries the others cannot open and
compute Message-ID digests that never match. The first process records a check value of its key;
every later one compares and refuses to start, with a clear error, when its key is another.
"""

from __future__ import annotations

import hmac

from sqlalchemy import String
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column, sessionmaker

from models import keys
from models.base import Base

_KEY_CHECK = "key_check"


class DeploymentSetting(Base):
    __tablename__ = "deployment_settings"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(255))


class WrongDeploymentKey(RuntimeError):
    """This process's deployment key is not the one the database was written with."""


def check_key(sessions: sessionmaker[Session]) -> None:
    """Record the key's check value, or compare with the recorded one (raises ``WrongDeploymentKey``)."""
    for _attempt in range(2):
        try:
            with sessions() as session, session.begin():
                row = session.get(DeploymentSetting, _KEY_CHECK)
                if row is None:
                    session.add(DeploymentSetting(name=_KEY_CHECK, value=keys.check_value()))
                    return
                if not hmac.compare_digest(row.value, keys.check_value()):
                    raise WrongDeploymentKey(
                        "deployment.key in the data directory is not the key this database was written with: "
                        "every process on one database needs the same file (copy it from the first machine)")
                return
        except IntegrityError:  # another process recorded it at the same moment: compare with theirs
            continue
