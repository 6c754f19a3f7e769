"""``scrubdesk serve`` that SIGKILLs itself once: after committing a mail and before answering ``250``.

For the Postfix relay test: the worst moment to die (stored, not acknowledged). The relay sees a
lost connection, keeps the mail and retries, and the retry must be recognised as a duplicate. Later
runs with the same marker file behave like plain ``serve``. Run as
``python -m tests.intake.smtp.serve_dies_once`` from the repository root.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Awaitable
from pathlib import Path
from typing import Any

from app.cli import main
from intake import smtp
from intake.pipeline import SubmitOutcome

MARKER = Path(os.environ["SCRUBDESK_TEST_DIE_MARKER"])
_process = smtp.IntakeHandler._process


def _die_once(outcome: SubmitOutcome) -> SubmitOutcome:
    if not MARKER.exists():
        MARKER.write_text(outcome.status)
        os.kill(os.getpid(), signal.SIGKILL)
    return outcome


def _process_then_die(self: smtp.IntakeHandler, *args: Any) -> SubmitOutcome | Awaitable[SubmitOutcome]:
    pending = _process(self, *args)
    if isinstance(pending, SubmitOutcome):
        return _die_once(pending)

    async def committed() -> SubmitOutcome:  # the writer answered on the loop: committed, 250 not yet sent
        return _die_once(await pending)

    return committed()


smtp.IntakeHandler._process = _process_then_die  # type: ignore[method-assign, assignment]

if __name__ == "__main__":
    sys.argv = ["scrubdesk", "serve"]
    main()
