"""Messages through the intake writer's one-transaction path (``intake.writer._in_one_go``), a batch at a
time, as the group commit writes them: for tests that compare a batch with one message per transaction."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from sqlalchemy import event

from intake import writer as w
from intake.message import InboundMessage
from intake.pipeline import Intake, SubmitOutcome, prepare


def write_in_batches(intake: Intake, messages: list[InboundMessage], batch: int
                     ) -> tuple[list[SubmitOutcome], Counter[str]]:
    """``messages`` through ``intake``, ``batch`` at a time, each job named by its sender as ``submit``
    names it (so the batch reads its senders' contacts at once); the outcomes and the statements run, by
    kind and table. Recognition runs as the worker runs it when ``intake`` has a detector."""
    ticket_store = intake.store
    statements: Counter[str] = Counter()

    def count(conn: Any, cursor: Any, sql: str, *rest: Any) -> None:
        table = re.search(r"\b(?:FROM|INTO|UPDATE)\s+\"?(\w+)", sql)
        statements[f"{sql.split()[0].upper()} {table.group(1) if table else ''}"] += 1

    def job(m: InboundMessage) -> Any:
        prepared = prepare(m, intake.scrubber, intake.limits)
        recognition = intake.privacy(prepared.text) if intake.privacy else None
        return w._Job(lambda: intake._store(m, prepared, recognition), lambda done: intake._run_hooks(m, done.outcome),
                      sender=(m.channel, m.sender))

    outcomes: list[SubmitOutcome] = []
    event.listen(ticket_store.engine, "before_cursor_execute", count)
    try:
        for first in range(0, len(messages), batch):
            jobs = [job(m) for m in messages[first:first + batch]]
            assert w._in_one_go(ticket_store, jobs), "the batch needed the careful path"
            outcomes += [j.result.outcome for j in jobs]
    finally:
        event.remove(ticket_store.engine, "before_cursor_execute", count)
    return outcomes, statements
