"""The CPU-bound half of intake in worker processes, for where Python's GIL is the limit.

Scrubbing is pure Python: however many intake threads run it, one process scrubs on one core at a
time. ``[intake] prepare_processes = N`` runs ``pipeline.prepare`` (caps, attachment cleaning, the
scrubber's analysis) and privacy recognition in N worker processes, each with its own scrubber
loaded once; the intake threads only parse, wait, and hand the result to the writer. The raw
message crosses to the worker and back by pipe, in memory only, like it crosses between threads.
bench/smtp_intake.py measures threads against processes (``--arms``).
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from intake.message import InboundMessage
from intake.pipeline import IntakeLimits, Prepared, prepare
from privacy.recognition import recognize
from privacy.recognition.types import Recognition
from scrubber.config import ScrubberConfig
from scrubber.engine import Scrubber

_worker: dict[str, Any] = {}


def _start(config: ScrubberConfig, limits: IntakeLimits) -> None:
    _worker["scrubber"] = Scrubber(config)
    _worker["limits"] = limits


def _prepare(msg: InboundMessage) -> tuple[Prepared, Recognition]:
    prepared = prepare(msg, _worker["scrubber"], _worker["limits"])
    return prepared, recognize(prepared.text)


class ProcessPreparePool:
    """``pipeline.PreparePool`` on worker processes (spawned, so no lock or thread is inherited)."""

    def __init__(self, config: ScrubberConfig, limits: IntakeLimits, processes: int) -> None:
        self._pool = ProcessPoolExecutor(max_workers=processes, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_start, initargs=(config, limits))

    def prepare(self, msg: InboundMessage) -> tuple[Prepared, Recognition]:
        return self._pool.submit(_prepare, msg).result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=False)
