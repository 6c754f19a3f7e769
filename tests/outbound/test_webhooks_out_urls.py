"""Where an outgoing webhook may go (issue 22): https only, http to loopback only when allowed, no
internal addresses by name or by number, the checked address is the one connected to, and TLS is still
checked against the name (a real TLS server on loopback).
"""

from __future__ import annotations

import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from outbound.webhook_send import post, signature, verify_signature
from outbound.webhook_urls import UrlPolicy, UrlRefused, check_url, display, resolve

OPEN = UrlPolicy(allow_loopback=True, allow_private=True)


def fixed(*addresses: str):  # type: ignore[no-untyped-def]
    """DNS as a test needs it: this name resolves to these addresses."""
    return lambda host, port: list(addresses)


@pytest.mark.parametrize("url", [
    "ftp://example.com/x", "file:///etc/passwd", "gopher://example.com", "http://example.com/hook",
    "https://user:pw@example.com/hook", "https:///nohost", "https://example.com:0/x", "https://example.com/#frag",
    "", "https://example.com/" + "a" * 2100,
])
def test_refused_forms(url: str) -> None:
    with pytest.raises(UrlRefused):
        check_url(url, OPEN)


def test_http_only_to_loopback_and_only_when_allowed() -> None:
    with pytest.raises(UrlRefused, match="https"):
        check_url("http://127.0.0.1:8080/hook", UrlPolicy())
    check_url("http://127.0.0.1:8080/hook", UrlPolicy(allow_loopback=True))
    check_url("http://[::1]:8080/hook", UrlPolicy(allow_loopback=True))
    check_url("http://localhost:8080/hook", UrlPolicy(allow_loopback=True))
    with pytest.raises(UrlRefused):
        check_url("http://10.0.0.5/hook", OPEN)  # private is not loopback: https even when allowed
    with pytest.raises(UrlRefused, match="loopback"):
        resolve("https://127.0.0.1/hook", UrlPolicy())


@pytest.mark.parametrize("address", [
    "169.254.169.254", "::ffff:169.254.169.254", "fe80::1", "0.0.0.0", "224.0.0.1", "240.0.0.1",
])
def test_metadata_link_local_and_unroutable_are_never_allowed(address: str) -> None:
    with pytest.raises(UrlRefused):
        resolve("https://hooks.example.com/x", OPEN, fixed(address))


@pytest.mark.parametrize("address", ["10.1.2.3", "172.16.0.9", "192.168.1.1", "100.64.0.1", "fd00::5"])
def test_private_addresses_only_when_allowed(address: str) -> None:
    with pytest.raises(UrlRefused, match="private"):
        resolve("https://hooks.example.com/x", UrlPolicy(), fixed(address))
    assert resolve("https://hooks.example.com/x", UrlPolicy(allow_private=True), fixed(address)).address == address


def test_a_name_with_one_internal_address_is_refused_and_the_checked_one_is_used() -> None:
    with pytest.raises(UrlRefused):
        resolve("https://hooks.example.com/x", UrlPolicy(), fixed("93.184.216.34", "10.0.0.1"))
    target = resolve("https://hooks.example.com:8443/in?token=s3cret", UrlPolicy(), fixed("2606:2800:220:1::1"))
    assert target.url == "https://[2606:2800:220:1::1]:8443/in?token=s3cret"
    assert target.host == "hooks.example.com:8443" and target.server_name == "hooks.example.com"
    # What pages and logs may show: no path, no query.
    assert display("https://hooks.slack.com/services/T0/B0/XYZ?token=s3cret") == "https://hooks.slack.com/…"


def test_a_name_that_does_not_resolve_is_worth_retrying() -> None:
    def nxdomain(host: str, port: int) -> list[str]:
        raise OSError("Name or service not known")

    with pytest.raises(UrlRefused) as caught:
        resolve("https://nowhere.invalid/x", UrlPolicy(), nxdomain)
    assert caught.value.transient


def test_signature_recipe() -> None:
    header = signature("k", b'{"a":1}', 1_700_000_000)
    assert header.startswith("t=1700000000,v1=") and len(header.rpartition("v1=")[2]) == 64
    assert verify_signature("k", b'{"a":1}', header, now=1_700_000_100)
    assert not verify_signature("k", b'{"a":2}', header, now=1_700_000_100)
    assert not verify_signature("k", b'{"a":1}', header, now=1_700_000_400)  # replayed too late
    assert not verify_signature("k", b'{"a":1}', "v1=abc", now=1_700_000_100)


@pytest.fixture
def tls_receiver(tmp_path: Path) -> Iterator[tuple[int, Path, list[str]]]:
    from tests.support.netutil import make_self_signed

    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    make_self_signed(cert, key)
    hosts: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", "0")))
            hosts.append(self.headers.get("Host", ""))
            self.send_response(204)
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield int(server.server_address[1]), cert, hosts
    server.shutdown()
    server.server_close()


def test_https_goes_to_the_checked_address_and_checks_the_certificate_against_the_name(
        tls_receiver: tuple[int, Path, list[str]]) -> None:
    port, cert, hosts = tls_receiver
    trust = ssl.create_default_context(cafile=str(cert))
    policy = UrlPolicy(allow_loopback=True)
    answer = post(f"https://localhost:{port}/in", "k", b"{}", delivery="d", event="ping", policy=policy,
                  resolver=fixed("127.0.0.1"), verify=trust)
    assert answer.status == 204 and hosts == [f"localhost:{port}"]
    # Another name pinned to the same address: the certificate (for localhost) does not match it.
    with pytest.raises(httpx.ConnectError):
        post(f"https://wrong.example:{port}/in", "k", b"{}", delivery="d", event="ping", policy=policy,
             resolver=fixed("127.0.0.1"), verify=trust)
    assert len(hosts) == 1


def test_retry_after_in_seconds_or_as_a_date_and_capped() -> None:
    from datetime import UTC, datetime, timedelta
    from email.utils import format_datetime

    from outbound.webhook_send import _retry_after

    assert _retry_after("120") == 120.0 and _retry_after("0") == 1.0 and _retry_after(None) is None
    assert _retry_after("999999999") == 6 * 3600.0 and _retry_after("soon") is None
    later = format_datetime(datetime.now(UTC) + timedelta(minutes=10), usegmt=True)
    assert 590 <= (_retry_after(later) or 0) <= 600
