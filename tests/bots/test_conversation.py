"""Customer messages through the real bot, the real pipeline and a real store, via the fake Bot API."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from bots.config import TelegramConfig
from bots.polling import MAX_HANDLER_FAILURES, Backoff
from intake.errors import TransientError
from intake.message import InboundMessage
from intake.pipeline import SubmitOutcome
from models import Attachment, Message, Ticket, TicketStatus
from tests.bots.conftest import make_bot, run_until
from tests.support.attachment_files import pdf, screenshot
from tests.support.fake_bot_api import FakeBotApi
from tickets.store import TicketStore


def stored(ticket_store: TicketStore) -> list[Message]:
    with ticket_store.reading() as s:
        return list(s.scalars(select(Message).where(Message.channel == "telegram").order_by(Message.id)))


def tickets_of(ticket_store: TicketStore) -> list[Ticket]:
    with ticket_store.reading() as s:
        return list(s.scalars(select(Ticket).order_by(Ticket.id)))


async def test_a_conversation_becomes_one_scrubbed_ticket(
    api: FakeBotApi, config: TelegramConfig, ticket_store: TicketStore, real_scrubber: Any
) -> None:
    first = api.message(501, "Hallo, mijn website laadt niet. Mijn IBAN is NL91 ABNA 0417 1643 00.")
    api.message(501, "Ook de mail werkt niet sinds gisteren.")
    api.message(501, "Hallo, mijn website laadt niet meer sinds de update.", edit_of=first["message_id"])
    api.message(501, "Dit kreeg ik van de hosting", forward_origin={"type": "user", "date": 1700000000,
                "sender_user": {"id": 77, "is_bot": False, "first_name": "Karel", "last_name": "Appel"}})
    api.message(501, None, contact={"phone_number": "+31612345678", "first_name": "Pieter",
                                    "last_name": "Jansen"})
    api.message(501, None, pinned_message={"message_id": 1, "date": 0, "chat": {"id": 0, "type": "private"}})
    last_update = api.updates[-1]["update_id"]
    bot = make_bot(config, ticket_store, real_scrubber)
    await run_until(bot, lambda: len(stored(ticket_store)) == 5 and not api.updates)

    messages = stored(ticket_store)
    assert len({m.ticket_id for m in messages}) == 1
    assert len({m.external_id for m in messages}) == 5
    assert messages[0].external_id == f"501:{first['message_id']}"
    assert messages[2].external_id.startswith(f"501:{first['message_id']}:e")
    assert messages[2].text.startswith("[edited message]")
    assert messages[3].text.startswith("[forwarded message]")
    everything = " ".join(m.text for m in messages)
    for secret in ("NL91", "0417 1643", "Karel", "Appel", "Pieter", "Jansen", "612345678"):
        assert secret not in everything, secret
    assert "[shared contact]" in messages[4].text and "<PHONE_NUMBER_1>" in messages[4].text
    assert messages[0].redactions.get("IBAN") == 1
    # The clean stop confirmed everything that was handled, and nothing more.
    assert api.offsets[-1] == last_update + 1


async def test_a_new_ticket_after_the_previous_one_is_solved(
    api: FakeBotApi, config: TelegramConfig, ticket_store: TicketStore
) -> None:
    bot = make_bot(config, ticket_store)
    api.message(502, "Eerste vraag")
    await run_until(bot, lambda: len(stored(ticket_store)) == 1)
    with ticket_store.writing() as s:
        s.scalars(select(Ticket)).one().status = TicketStatus.SOLVED
    api.message(502, "Nieuwe vraag")
    bot = make_bot(config, ticket_store)
    await run_until(bot, lambda: len(stored(ticket_store)) == 2)
    first, second = stored(ticket_store)
    assert first.ticket_id != second.ticket_id
    assert [t.status for t in tickets_of(ticket_store)] == [TicketStatus.SOLVED, TicketStatus.NEW]


async def test_photos_are_not_kept_by_default_and_the_customer_is_told(
    api: FakeBotApi, config: TelegramConfig, ticket_store: TicketStore
) -> None:
    api.add_file("ph1", "photos/file_1.jpg", b"\xff\xd8\xff\xe0 not really a jpeg")
    photo = [{"file_id": "ph1", "file_unique_id": "u1", "width": 800, "height": 600, "file_size": 22}]
    api.message(503, None, photo=photo, caption="Hier is mijn paspoort", lang="en")
    bot = make_bot(config, ticket_store)
    await run_until(bot, lambda: len(api.texts_to(503)) == 1)
    [message] = stored(ticket_store)
    assert message.text.startswith("[photo not kept]") and "paspoort" in message.text
    with ticket_store.reading() as s:
        assert s.scalars(select(Attachment)).all() == []
    assert not [c for c in api.calls if c[0] == "getFile"]  # never even downloaded
    assert "did not keep your photo" in api.texts_to(503)[0]


async def test_photos_are_kept_when_configured(
    api: FakeBotApi, config: TelegramConfig, ticket_store: TicketStore
) -> None:
    # Real JPEGs: since issue 17 an image goes through the one attachment path (typed from its bytes,
    # read and redacted), so a few bytes that only claim to be a JPEG would not be an image at all.
    small, large = screenshot(["klantnummer 12345"], (90, 90), "JPEG"), screenshot(["klantnummer 12345"], fmt="JPEG")
    api.add_file("small", "photos/s.jpg", small)
    api.add_file("large", "photos/l.jpg", large)
    photo = [{"file_id": "small", "file_unique_id": "s", "width": 90, "height": 90, "file_size": len(small)},
             {"file_id": "large", "file_unique_id": "l", "width": 1000, "height": 520, "file_size": len(large)}]
    api.message(504, None, photo=photo)
    bot = make_bot(config.model_copy(update={"store_photos": True}), ticket_store)
    await run_until(bot, lambda: len(stored(ticket_store)) == 1)
    with ticket_store.reading() as s:
        [att] = s.scalars(select(Attachment)).all()
        # The largest size was fetched and handled as an image (kept redacted, or metadata only without
        # Tesseract): its size and type are those of the original.
        assert (att.size, att.detected_type, att.kind) == (len(large), "image/jpeg", "image")
    assert api.texts_to(504) == []


async def test_documents_by_type_and_size_and_names_scrubbed(
    api: FakeBotApi, config: TelegramConfig, ticket_store: TicketStore
) -> None:
    document = pdf([["Factuur 2024-0012", "BSN 123456782"]])
    api.add_file("pdf", "documents/f.pdf", document)
    api.add_file("exe", "documents/x.exe", b"MZ")
    api.message(505, None, caption="de factuur", document={
        "file_id": "pdf", "file_unique_id": "p", "file_name": "brief bsn 123456782.pdf",
        "mime_type": "application/pdf", "file_size": len(document)})
    api.message(505, None, document={"file_id": "exe", "file_unique_id": "x", "file_name": "tool.exe",
                                     "mime_type": "application/x-msdownload", "file_size": 2})
    api.message(505, None, document={"file_id": "big", "file_unique_id": "b", "file_name": "dump.zip",
                                     "mime_type": "application/zip", "file_size": config.max_file_bytes + 1})
    bot = make_bot(config, ticket_store)
    await run_until(bot, lambda: len(stored(ticket_store)) == 3 and len(api.texts_to(505)) == 2)
    with ticket_store.reading() as s:
        [att] = s.scalars(select(Attachment)).all()
        assert att.filename == "brief bsn <NATIONAL_ID_1>.pdf"
        # Only the PDF's scrubbed text rendition is kept (issue 17), never the file.
        assert att.stored and att.kind == "document" and att.original is None
        assert att.content is not None and b"123456782" not in att.content and b"2024-0012" in att.content
    pdf_message, exe, big = stored(ticket_store)
    assert pdf_message.text == "[file]\nde factuur"
    assert "[file not kept: type application/x-msdownload]" in exe.text
    assert "[file not kept:" in big.text
    assert [c[1]["file_id"] for c in api.calls if c[0] == "getFile"] == ["pdf"]
    assert all("did not keep your file" in t or "niet bewaard" in t for t in api.texts_to(505))


async def test_the_offset_advances_only_after_the_commit(
    api: FakeBotApi, config: TelegramConfig, ticket_store: TicketStore
) -> None:
    bot = make_bot(config, ticket_store)
    bot.poller.backoff = Backoff(base=0.05, cap=0.2)
    real_submit = bot.ops.submit
    seen: list[tuple[int, int]] = []

    def flaky(msg: InboundMessage) -> SubmitOutcome:
        seen.append((len(seen), max(api.offsets, default=0)))
        if len(seen) <= 2:
            raise TransientError("store down")
        return real_submit(msg)

    bot.ops.submit = flaky  # type: ignore[method-assign]
    api.fail_get_updates = 2  # and Telegram itself hiccups first
    api.message(506, "Werkt het al?")
    update = api.updates[-1]
    await run_until(bot, lambda: len(stored(ticket_store)) == 1)
    # While the store was down the update was never confirmed.
    assert all(offset <= update["update_id"] for _, offset in seen)
    assert len(seen) == 3 and len(stored(ticket_store)) == 1
    assert api.offsets[-1] == update["update_id"] + 1


async def test_an_update_that_always_fails_is_skipped_after_retries(
    api: FakeBotApi, config: TelegramConfig, ticket_store: TicketStore
) -> None:
    bot = make_bot(config, ticket_store)
    bot.poller.backoff = Backoff(base=0.01, cap=0.05)
    real_submit = bot.ops.submit
    attempts: list[str] = []

    def buggy(msg: InboundMessage) -> SubmitOutcome:
        attempts.append(msg.text)
        if msg.text == "poison":
            raise RuntimeError("a bug, not an outage")
        return real_submit(msg)

    bot.ops.submit = buggy  # type: ignore[method-assign]
    api.message(507, "poison")
    api.message(507, "daarna")
    await run_until(bot, lambda: len(stored(ticket_store)) == 1)
    assert attempts.count("poison") == MAX_HANDLER_FAILURES
    assert [m.text for m in stored(ticket_store)] == ["daarna"]
