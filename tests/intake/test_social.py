"""Pure parsing and signature functions on payloads in the platforms' documented formats."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from intake import generic_webhook, social
from models import Channel
from tests.support.paths import FIXTURES

FIXTURES = FIXTURES / "social"


def load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text())


# (fixture, channel, [(external id prefix, text)], ignored events)
CASES = [
    ("whatsapp_text.json", Channel.WHATSAPP,
     [("wamid.HBgLMzE2MTIzNDU2NzgVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", "Hoi, mijn website bakkerij-jansen.nl")], 0),
    ("whatsapp_image_caption.json", Channel.WHATSAPP,
     [("wamid.", "[afbeelding] Screenshot van de foutmelding")], 0),
    ("whatsapp_interactive.json", Channel.WHATSAPP,
     [("wamid.", "Ja, opgelost"), ("wamid.", "E-mail (Problemen met e-mail)"), ("wamid.", "Bel mij terug")], 0),
    ("whatsapp_reaction.json", Channel.WHATSAPP, [("wamid.", "[reactie: \N{THUMBS UP SIGN}]")], 0),
    ("whatsapp_location_contacts.json", Channel.WHATSAPP,
     [("wamid.", "[locatie gedeeld]"), ("wamid.", "[contactkaart gedeeld]")], 1),
    ("whatsapp_statuses.json", Channel.WHATSAPP, [], 2),
    ("messenger_events.json", Channel.MESSENGER,
     [("m_AG5", "Goedemiddag, ik kan niet inloggen"), ("m_AG5", "[afbeelding]"), ("m_AG5", "Factuur"),
      ("m_AG5", "Contact opnemen"), ("reaction:m_our_reply_0001:", "[reactie: \N{HEAVY BLACK HEART}]")], 3),
    ("instagram_events.json", Channel.INSTAGRAM,
     [("aWdf", "Is mijn domein al verhuisd?"), ("aWdf", "[afbeelding]"), ("reaction:", "[reactie verwijderd]")], 1),
]


@pytest.mark.parametrize(("fixture", "channel", "expected", "ignored"), CASES, ids=[c[0] for c in CASES])
def test_meta_payloads_parse_to_messages(fixture: str, channel: Channel, expected: list[tuple[str, str]],
                                         ignored: int) -> None:
    parsed = social.parse_webhook(load(fixture))
    assert parsed.channel is channel
    assert parsed.ignored == ignored
    assert len(parsed.messages) == len(expected)
    for msg, (id_prefix, text_start) in zip(parsed.messages, expected, strict=True):
        assert msg.channel is channel
        assert msg.external_id.startswith(id_prefix)
        assert msg.text.startswith(text_start)
    assert len({m.external_id for m in parsed.messages}) == len(parsed.messages)


def test_whatsapp_message_carries_sender_name_time_and_context() -> None:
    (msg,) = social.parse_webhook(load("whatsapp_text.json")).messages
    assert msg.sender == "31612345678" and msg.sender_name == "Sanne de Boer"
    assert int(msg.received_at.timestamp()) == 1764150000
    first = social.parse_webhook(load("whatsapp_interactive.json")).messages[0]
    assert first.in_reply_to == ("wamid.HBgLMTU1NTA3ODM4ODEVAgARGBJBQjQ2QzNGQjNFNUVBRTU4NjEA",)


def test_shared_location_and_contact_card_keep_no_coordinates_or_numbers() -> None:
    parsed = social.parse_webhook(load("whatsapp_location_contacts.json"))
    joined = " ".join(m.text for m in parsed.messages)
    for leaked in ("51.5555", "Kerkstraat", "Piet", "98765432"):
        assert leaked not in joined


@pytest.mark.parametrize("payload", [
    [], {"object": "user"}, {"object": "page"}, {"object": "page", "entry": [1]},
    {"object": "whatsapp_business_account", "entry": [{"changes": [{"field": "messages"}]}]},
    {"object": "whatsapp_business_account",
     "entry": [{"changes": [{"field": "messages", "value": {"messages": [{"type": "text"}]}}]}]},
    {"object": "instagram", "entry": [{"messaging": [{"message": {"mid": "x", "text": "hi"}}]}]},
])
def test_malformed_meta_payloads_are_refused(payload: object) -> None:
    with pytest.raises(social.PayloadError):
        social.parse_webhook(payload)


def test_meta_signature_is_hmac_sha256_of_the_raw_body() -> None:
    body = (FIXTURES / "whatsapp_text.json").read_bytes()
    header = social.sign(body, "app-secret")
    assert header.startswith("sha256=") and len(header) == 7 + 64
    assert social.verify_signature(body, header, "app-secret")
    assert social.verify_signature(body, header.upper().replace("SHA256=", "sha256="), "app-secret")
    assert not social.verify_signature(body + b" ", header, "app-secret")
    assert not social.verify_signature(body, header, "other-secret")
    assert not social.verify_signature(body, None, "app-secret")
    assert not social.verify_signature(body, header, "")


def test_subscription_handshake_echoes_the_challenge_only_for_our_token() -> None:
    ok = {"hub.mode": "subscribe", "hub.verify_token": "vt-1", "hub.challenge": "1158201444"}
    assert social.verify_subscription(ok, "vt-1") == "1158201444"
    assert social.verify_subscription({**ok, "hub.verify_token": "vt-2"}, "vt-1") is None
    assert social.verify_subscription({**ok, "hub.mode": "unsubscribe"}, "vt-1") is None
    assert social.verify_subscription(ok, "") is None


# --- the generic webhook ----------------------------------------------------------------------------


def test_generic_signature_binds_the_timestamp() -> None:
    body, now = b'{"x":1}', time.time()
    sig = generic_webhook.sign(body, "s3cret", int(now))
    generic_webhook.verify(body, signature=sig, timestamp=str(int(now)), secret="s3cret", now=now)
    with pytest.raises(generic_webhook.SignatureError):  # same signature, another timestamp
        generic_webhook.verify(body, signature=sig, timestamp=str(int(now) + 1), secret="s3cret", now=now)
    with pytest.raises(generic_webhook.SignatureError, match="replay window"):
        generic_webhook.verify(body, signature=sig, timestamp=str(int(now)), secret="s3cret", now=now + 301)
    with pytest.raises(generic_webhook.SignatureError):
        generic_webhook.verify(body, signature=None, timestamp=str(int(now)), secret="s3cret", now=now)
    with pytest.raises(generic_webhook.SignatureError):
        generic_webhook.verify(body, signature=sig, timestamp="yesterday", secret="s3cret", now=now)


def test_generic_payload_of_an_unknown_platform_is_namespaced() -> None:
    msg = generic_webhook.parse({"channel": "signal", "external_id": 42, "sender": "+31611111111",
                                 "text": "Hallo", "sender_name": "Kees", "lang": "nl"}, "signal")
    assert msg.channel is Channel.WEBHOOK
    assert msg.external_id == "signal:42" and msg.sender == "signal:+31611111111"
    assert msg.sender_name == "Kees" and msg.lang_hint == "nl"
    relayed = generic_webhook.parse({"external_id": "wamid.X", "sender": "31612345678", "text": "Hoi"}, "whatsapp")
    assert relayed.channel is Channel.WHATSAPP and relayed.external_id == "wamid.X"


@pytest.mark.parametrize("payload", [
    [1], {"channel": "other", "external_id": "1", "sender": "a", "text": "t"},
    {"external_id": "1", "sender": "a"}, {"external_id": "", "sender": "a", "text": "t"},
    {"external_id": "1", "sender": "a", "text": "t", "sent_at": "gisteren"},
    {"external_id": "1", "sender": "a", "text": "x" * 100_001},
])
def test_generic_payload_errors(payload: object) -> None:
    with pytest.raises(generic_webhook.PayloadError):
        generic_webhook.parse(payload, "signal")
