"""The CPU-bound half of intake in worker processes, for where Python's GIL is the limit.

Scrubbing is pure Python: however many intake threads run it, one process scrubs on one core at a
time. ``[intake] prepare_processes = N`` runs ``pipeline.prepare`` (caps, attachment cleaning, the
scrubber's analysis) and privacy recognition in N worker processes; the intake threads only parse,
wait, and hand the result to the writer. The raw message crosses to the worker and back by pipe, in
memory only, like it crosses between threads.

Issue 19: spawned workers each took ~1.3 s to start and loaded a scrubber of their own (~160 MB). On
Linux the workers are now *forked* from the process that has just loaded the scrubber, so they start in
milliseconds and share its pages copy-on-write; ``gc_pause.freeze_for_fork`` moves every object alive
then out of the collector's reach first, so neither side's collections write to those pages. Forking is
safe only while the process runs nothing but the thread that forks: ``app.core.build_core`` makes the
pool right after the scrubber and before the store (no database connection exists yet), and ``serve``
starts its threads, sockets and event-loop handlers only after ``build_core``. When another Python
thread is running (a pool made later, a worker replaced after a crash) the worker is spawned instead,
as before: slow, but nothing is inherited. A worker ignores SIGINT (``serve`` stops it when it has
finished what is in hand) and exits when its pipe closes, so a killed ``serve`` leaves no worker behind.
Privacy recognition's model is loaded in the parent before the fork too (0.08 s once, not per worker).

Each caller thread takes an idle worker, writes the request to its pipe and reads the answer itself:
two process switches per message, no hand-off thread in between (``ProcessPoolExecutor`` woke a feeder
and a result thread, each needing the GIL, on every message). What crosses is flat tuples of the
messages' fields (``encode_request``/``encode_result``), not pickled dataclasses, and the result leaves
out the text and subject when they came back as they went: bench/prepare_pool.py measures both.
"""

from __future__ import annotations

import logging
import multiprocessing
import pickle
import queue
import signal
import threading
from dataclasses import fields
from datetime import UTC
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

from intake.errors import TransientError
from intake.message import InboundMessage
from intake.pipeline import IntakeLimits, Prepared, prepare
from models import Channel
from privacy.recognition import recognize
from privacy.recognition.types import Recognition, RequestType
from scrubber.config import ScrubberConfig
from scrubber.engine import Scrubber
from scrubber.gc_pause import freeze_for_fork
from scrubber.types import Analysis, Entity

log = logging.getLogger(__name__)

_PROTOCOL = pickle.HIGHEST_PROTOCOL
_MESSAGE_FIELDS = tuple(f.name for f in fields(InboundMessage))
_RECEIVED = _MESSAGE_FIELDS.index("received_at")
_SAME = 0  # in a result: this text is the request's own (``msg.text`` / ``msg.subject``)
_T = TypeVar("_T")
# Made-up texts in both languages, run once by each worker before its first message.
_WARM_UP = ("Goedemorgen, mijn klantnummer is 1234567, bel me op 06-12345678. Groet, Jan Jansen",
            "Hi, please refund invoice 2024-0001 to NL91 ABNA 0417 1643 00. Thanks, Hannah Pryce")


# -- what crosses the pipe --------------------------------------------------------------------------------


def _build(cls: type[_T], values: tuple[Any, ...], names: tuple[str, ...]) -> _T:
    """A frozen dataclass from its field values as they were, without running ``__post_init__`` again."""
    obj = object.__new__(cls)
    for name, value in zip(names, values, strict=True):
        object.__setattr__(obj, name, value)
    return obj


def encode_request(msg: InboundMessage) -> bytes:
    values = [getattr(msg, name) for name in _MESSAGE_FIELDS]
    values[0] = msg.channel.value
    # An aware datetime pickles its tzinfo by reduction, 30 us; in UTC (every adapter's) it goes naive, 1 us.
    utc = msg.received_at.tzinfo is UTC
    values[_RECEIVED] = msg.received_at.replace(tzinfo=None) if utc else msg.received_at
    return pickle.dumps((utc, *values), _PROTOCOL)


def decode_request(data: bytes) -> InboundMessage:
    utc, *values = pickle.loads(data)  # noqa: S301 (our own parent's bytes, over a pipe only we hold)
    values[0] = Channel(values[0])
    if utc:
        values[_RECEIVED] = values[_RECEIVED].replace(tzinfo=UTC)
    return _build(InboundMessage, tuple(values), _MESSAGE_FIELDS)


def _flat_analysis(analysis: Analysis) -> tuple[str, tuple[tuple[Any, ...], ...]]:
    return analysis.lang, tuple((e.type, e.start, e.end, e.action, e.score, e.recognizer) for e in analysis.entities)


def _analysis(flat: tuple[str, tuple[tuple[Any, ...], ...]]) -> Analysis:
    return Analysis(flat[0], tuple(Entity(*e) for e in flat[1]))


def _flat_recognition(r: Recognition) -> tuple[Any, ...]:
    return (tuple(str(label) for label in r.labels), {str(k): v for k, v in r.reasons.items()}, r.lang, r.possible,
            r.scores)


def _recognition(flat: tuple[Any, ...]) -> Recognition:
    labels, reasons, lang, possible, scores = flat
    return Recognition(tuple(RequestType(label) for label in labels),
                       {RequestType(k): v for k, v in reasons.items()}, lang, possible, scores)


def encode_result(prepared: Prepared, recognition: Recognition, msg: InboundMessage) -> bytes:
    """The prepared message as flat tuples; the text and subject left out when they are the request's."""
    text = _SAME if prepared.text == msg.text else prepared.text
    subject = _SAME if prepared.subject == (msg.subject or "") else prepared.subject
    name = prepared.sender_name
    return pickle.dumps((subject, _flat_analysis(prepared.subject_analysis), text,
                         _flat_analysis(prepared.text_analysis), prepared.attachments,
                         None if name is None else (name[0], _flat_analysis(name[1])),
                         _flat_recognition(recognition)), _PROTOCOL)


def decode_result(data: bytes, msg: InboundMessage) -> tuple[Prepared, Recognition]:
    # Our own worker's bytes, over a pipe only we hold.
    subject, subject_analysis, text, text_analysis, attachments, name, recognition = pickle.loads(data)  # noqa: S301
    return Prepared(
        subject=msg.subject or "" if subject == _SAME else subject,
        subject_analysis=_analysis(subject_analysis),
        text=msg.text if text == _SAME else text,
        text_analysis=_analysis(text_analysis),
        attachments=attachments,
        sender_name=None if name is None else (name[0], _analysis(name[1])),
    ), _recognition(recognition)


def prepare_and_recognize(msg: InboundMessage, scrubber: Scrubber,
                          limits: IntakeLimits) -> tuple[Prepared, Recognition]:
    """What a worker does with one message, and the pool in its caller's thread for a lone one: ``pipeline.prepare``
    and privacy recognition on the text as capped for scrubbing."""
    prepared = prepare(msg, scrubber, limits)
    return prepared, recognize(prepared.text)


# -- the worker process ----------------------------------------------------------------------------------


def _serve_requests(conn: Connection, scrubber: Scrubber | ScrubberConfig, limits: IntakeLimits,
                    inherited: list[Connection]) -> None:
    """A worker's life: answer each request on ``conn`` until it closes (``serve`` stopped or died)."""
    for other in inherited:  # the parent's ends of the pipes: while a copy is open here, no EOF would come
        other.close()
    # Ctrl-C reaches the whole process group; serve stops us after what is in hand. (SIGTERM keeps its
    # default: multiprocessing ends a daemon worker with it when the parent exits.)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.set_wakeup_fd(-1)  # an inherited event loop's wake-up pipe is the parent's, not ours
    if isinstance(scrubber, ScrubberConfig):  # spawned: nothing inherited, so load our own
        scrubber = Scrubber(scrubber)
    # A forked worker's first message copied the pages it touched and took 0.07-0.12 s instead of 0.01;
    # paid here, while the parent opens the store, instead of by the first sender.
    for text in _WARM_UP:
        prepare_and_recognize(InboundMessage(channel=Channel.EMAIL, external_id="warm-up", sender="warm-up@invalid",
                                             subject="Vraag", text=text), scrubber, limits)
    while True:
        try:
            data = conn.recv_bytes()
        except (EOFError, OSError):
            return
        try:
            msg = decode_request(data)
            answer = b"\x00" + encode_result(*prepare_and_recognize(msg, scrubber, limits), msg)
        except Exception as exc:  # the caller gets it, as it would in a thread
            answer = b"\x01" + _pickled_error(exc)
        conn.send_bytes(answer)


def _pickled_error(exc: Exception) -> bytes:
    try:
        return pickle.dumps(exc, _PROTOCOL)
    except Exception:
        return pickle.dumps(RuntimeError(f"prepare failed in a worker process ({type(exc).__name__})"), _PROTOCOL)


def _unpickled_error(data: bytes) -> BaseException:
    try:
        exc = pickle.loads(data)  # noqa: S301 (our own worker's)
    except Exception:  # an exception class whose arguments do not survive pickling
        return RuntimeError("prepare failed in a worker process")
    return exc if isinstance(exc, BaseException) else RuntimeError("prepare failed in a worker process")


class _Worker:
    def __init__(self, process: BaseProcess, conn: Connection) -> None:
        self.process = process
        self.conn = conn


def fork_allowed() -> bool:
    """Forking keeps the scrubber's pages shared, but only a process running no other Python thread may
    fork (a lock held by another thread would stay held in the child forever)."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


class ProcessPreparePool:
    """``pipeline.PreparePool`` on worker processes (see the module docstring).

    A message that finds no other message being prepared (a lone sender) is prepared in the calling thread:
    the process has the scrubber loaded anyway and nothing else wants the GIL for scrubbing, so crossing to
    a worker would only add the hand-off and two wake-ups to its latency (issue 19: 1 client p50 target
    5 ms). As soon as messages overlap, the others go to the workers, where the GIL is no limit.
    """

    def __init__(self, scrubber: Scrubber, limits: IntakeLimits, processes: int) -> None:
        self._scrubber = scrubber
        self._limits = limits
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        self._busy = 0  # messages being prepared, here or in a worker, or waiting for one
        self.inline = self.sent = 0  # for tests and benchmarks: where the messages were prepared
        self.forked = fork_allowed()
        if self.forked:
            recognize("")  # its model, loaded lazily, shared like the scrubber
            freeze_for_fork()
        for _ in range(processes):
            self._idle.put(self._start())

    def _start(self) -> _Worker:
        fork = fork_allowed()
        context: Any = multiprocessing.get_context("fork" if fork else "spawn")  # typeshed: BaseContext lacks Process
        parent_end, child_end = context.Pipe(duplex=True)
        with self._lock:  # a forked child holds copies of every parent end, its own too: it closes them
            inherited = [parent_end, *(w.conn for w in self._all)] if fork else []
        process = context.Process(
            target=_serve_requests, name="scrubdesk-prepare", daemon=True,
            args=(child_end, self._scrubber if fork else self._scrubber.config, self._limits, inherited))
        process.start()
        child_end.close()
        worker = _Worker(process, parent_end)
        with self._lock:
            self._all.append(worker)
        log.info("prepare pool: worker pid=%s started (%s)", process.pid, "fork" if fork else "spawn")
        return worker

    def prepare(self, msg: InboundMessage) -> tuple[Prepared, Recognition]:
        with self._lock:
            lone = self._busy == 0
            self._busy += 1
            if lone:
                self.inline += 1
            else:
                self.sent += 1
        try:
            if lone:  # see the class docstring
                return prepare_and_recognize(msg, self._scrubber, self._limits)
            return self._through_worker(msg)
        finally:
            with self._lock:
                self._busy -= 1

    def _through_worker(self, msg: InboundMessage) -> tuple[Prepared, Recognition]:
        worker = self._idle.get()
        try:
            worker.conn.send_bytes(encode_request(msg))
            answer = worker.conn.recv_bytes()
        except (EOFError, OSError) as exc:
            # The worker died (killed, out of memory): a fresh one takes its place; this message is retried
            # by its upstream, like any message the store could not take.
            log.warning("prepare pool: worker pid=%s died (exit %s); starting another", worker.process.pid,
                        worker.process.exitcode)
            worker = self._replace(worker)
            raise TransientError("a prepare process died; try again later") from exc
        finally:
            self._idle.put(worker)
        if answer[:1] == b"\x01":
            raise _unpickled_error(answer[1:])
        return decode_result(answer[1:], msg)

    def _replace(self, dead: _Worker) -> _Worker:
        dead.conn.close()
        dead.process.join(timeout=5)
        with self._lock:
            self._all.remove(dead)
        return self._start()

    def close(self) -> None:
        """Each worker once it is idle (what is in hand finishes), then its pipe closed: it exits."""
        for _ in range(len(self._all)):
            try:
                worker = self._idle.get(timeout=60)
            except queue.Empty:
                break
            worker.conn.close()
            worker.process.join(timeout=10)
        for worker in self._all:
            if worker.process.is_alive():
                worker.process.terminate()
        self._all.clear()

    def pids(self) -> list[int]:
        """For benchmarks and tests: the workers' process ids."""
        with self._lock:
            return [w.process.pid for w in self._all if w.process.pid is not None]
