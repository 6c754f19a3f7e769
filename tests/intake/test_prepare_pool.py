"""The CPU-bound half of intake in worker processes (intake.prepare_pool): the same stored message as in
threads, an exact hand-off, and a dead worker replaced without failing more than its own message."""

from __future__ import annotations

import os
import signal
import threading
import time
from datetime import UTC, datetime, timedelta, timezone

import pytest

from intake.errors import TransientError
from intake.message import InboundAttachment, InboundMessage
from intake.pipeline import Intake, IntakeLimits, prepare
from intake.prepare_pool import (
    ProcessPreparePool,
    decode_request,
    decode_result,
    encode_request,
    encode_result,
    fork_allowed,
)
from models import Channel, Message
from privacy.recognition import recognize
from tickets.store import TicketStore

ERASURE = InboundMessage(channel=Channel.EMAIL, external_id="pool-1@x", sender="jan@example.nl",
                         subject="Verwijder mijn gegevens",
                         text="Beste support, mijn IBAN is NL91 ABNA 0417 1643 00. Verwijder al mijn "
                              "persoonsgegevens alstublieft.\n\nJan de Vries")


@pytest.fixture(scope="module")
def pool(real_scrubber):  # type: ignore[no-untyped-def]
    made = ProcessPreparePool(real_scrubber, IntakeLimits(), processes=1)
    yield made
    made.close()


def test_a_message_prepared_in_a_worker_process_is_stored_scrubbed(ticket_store: TicketStore, real_scrubber,  # type: ignore[no-untyped-def]
                                                                   pool: ProcessPreparePool) -> None:
    intake = Intake(ticket_store, real_scrubber, prepare_pool=pool)
    sent = pool.sent
    pool._busy += 1  # as while another message is being prepared: this one crosses to the worker
    try:
        out = intake.submit(ERASURE)
    finally:
        pool._busy -= 1
        intake.writer.close()  # the module's pool stays for the next test
    assert pool.sent == sent + 1
    assert out.status == "stored" and "erasure" in out.privacy_labels
    with ticket_store.reading() as s:
        stored = s.get(Message, out.message_id)
        assert stored is not None and "NL91" not in stored.text and "<IBAN_1>" in stored.text


@pytest.mark.parametrize("at", [datetime(2026, 12, 7, 3, 4, 5, 678, tzinfo=UTC),
                                datetime(2026, 12, 7, 3, 4, 5, tzinfo=timezone(timedelta(hours=1)))])
def test_the_hand_off_gives_back_exactly_what_went_in(real_scrubber, at: datetime) -> None:  # type: ignore[no-untyped-def]
    msg = InboundMessage(channel=Channel.TELEGRAM, external_id="t-9", sender="42", sender_name="Jan de Vries",
                         subject="Factuur", text="Mijn IBAN is NL91 ABNA 0417 1643 00. " * 40, received_at=at,
                         recipients=("a@x",), in_reply_to=("<r@x>",), parse_notes=("charset guessed",),
                         attachments=(InboundAttachment("notities.txt", "text/plain", b"Bel 06-12345678"),))
    assert decode_request(encode_request(msg)) == msg
    limits = IntakeLimits(text_scrub_max=300, subject_max_chars=10)  # the text comes back capped, with a note
    for sent in (msg, ERASURE):
        prepared = prepare(sent, real_scrubber, limits)
        recognition = recognize(prepared.text)
        assert decode_result(encode_result(prepared, recognition, sent), sent) == (prepared, recognition)


def test_a_dead_worker_fails_only_the_message_in_hand_and_is_replaced(pool: ProcessPreparePool) -> None:
    [pid] = pool.pids()
    os.kill(pid, signal.SIGKILL)
    pool._busy += 1  # as while another caller's message is being prepared: this one goes to the worker
    try:
        with pytest.raises(TransientError):  # the upstream keeps the message and sends it again
            pool.prepare(ERASURE)
        [replacement] = pool.pids()
        prepared, recognition = pool.prepare(ERASURE)
    finally:
        pool._busy -= 1
    assert replacement != pid and "erasure" in recognition.labels and prepared.text == ERASURE.text


def test_no_fork_while_another_thread_runs() -> None:
    """A lock held by another thread at the fork would stay held in the child: such a worker is spawned."""
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not fork_allowed()
    finally:
        stop.set()
        other.join()


def test_closing_the_pool_ends_its_workers(real_scrubber) -> None:  # type: ignore[no-untyped-def]
    made = ProcessPreparePool(real_scrubber, IntakeLimits(), processes=1)
    [pid] = made.pids()
    made.close()
    deadline = time.monotonic() + 10
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(pid)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rpartition(")")[2].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_a_lone_message_is_prepared_in_the_calling_thread(pool: ProcessPreparePool) -> None:
    """Nothing else in flight: crossing to a worker would only add two wake-ups to its latency (issue 19)."""
    inline, sent = pool.inline, pool.sent
    lone = pool.prepare(ERASURE)
    assert (pool.inline, pool.sent) == (inline + 1, sent)
    pool._busy += 1  # as while another caller's message is being prepared
    try:
        assert pool.prepare(ERASURE) == lone
    finally:
        pool._busy -= 1
    assert (pool.inline, pool.sent) == (inline + 1, sent + 1)


def test_an_error_in_the_worker_reaches_the_caller_and_the_worker_goes_on(pool: ProcessPreparePool) -> None:
    broken = InboundMessage(channel=Channel.EMAIL, external_id="b@x", sender="b@x", text=None)  # type: ignore[arg-type]
    pool._busy += 1  # as while another message is being prepared: these cross to the worker
    try:
        pids = pool.pids()
        with pytest.raises(TypeError):  # as it would raise in a thread
            pool.prepare(broken)
        assert pool.prepare(ERASURE)[0].text == ERASURE.text and pool.pids() == pids
    finally:
        pool._busy -= 1
