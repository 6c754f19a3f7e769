"""Issue 15, finding 10: opening a single-use link (GET) uses nothing up and starts no work.

Mail scanners and link previews fetch the links in a mail before the person does. ``GET
/privacy/download/{token}`` used to hand out the export, use the link up and run the erasure that
waited for it; now a GET only shows a page with a button, and the POST of that button downloads (and
then erases). A POST from another site's page is refused (same-origin check): the token in the URL is
the secret, but a form elsewhere must not be able to spend it for the person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from models import Customer, DownloadLink, PrivacyAudit, RequestState
from tests.privacy.conftest import Desk, approve, open_desk, verify
from tickets.store import TicketStore
from web import privacy as privacy_web
from web.app import create_app

BOTH = ("Please send me a copy of all personal data you hold about me (article 15 GDPR) and then delete "
        "all my personal data under article 17 GDPR.")
ACCESS = "Hello, I would like a copy of all personal data you hold about me (GDPR article 15)."
_VERIFY = re.compile(r"http://desk\.test(/privacy/verify/\S+)")


@pytest.fixture
def desk(ticket_store: TicketStore) -> Desk:
    return open_desk(ticket_store)


@pytest.fixture
def client(desk: Desk) -> Iterator[TestClient]:
    app = create_app(desk.store, lambda: "api-token")
    privacy_web.install(app, desk.desk)
    with TestClient(app, base_url="http://testserver") as c:
        yield c


def _download_path(desk: Desk) -> str:
    token = desk.outbox()[-1]["text"].split("/privacy/download/")[1].split()[0]
    return f"/privacy/download/{token}"


def _state(desk: Desk) -> tuple[object, ...]:
    """Everything a download changes: the link, the request, its log, the customer."""
    with desk.store.reading() as s:
        links = [(link.id, link.used_at) for link in s.scalars(select(DownloadLink))]
        log = [a.action for a in s.scalars(select(PrivacyAudit).order_by(PrivacyAudit.id))]
        customer = s.get(Customer, desk.customer_id) is not None
    req = desk.request()
    return links, req.state, dict(req.details), log, customer


def test_opening_the_download_link_changes_nothing(desk: Desk, client: TestClient) -> None:
    desk.mail(BOTH)
    verify(desk)
    approve(desk)  # the officer approved the erasure; it still waits for the download
    path = _download_path(desk)
    before = _state(desk)
    assert desk.request().state == RequestState.IN_PROGRESS
    for _ in range(3):  # a scanner, a preview, the person
        page = client.get(path)
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        assert f'<form method="post" action="{path}"' in page.text
        assert client.head(path).status_code in (200, 405)
    assert _state(desk) == before
    # The button's POST downloads once, and only now the waiting erasure runs.
    first = client.post(path)
    assert first.status_code == 200 and first.headers["content-type"] == "application/zip"
    assert first.content[:2] == b"PK"
    assert desk.request().state == RequestState.FULFILLED
    with desk.store.reading() as s:
        assert s.get(Customer, desk.customer_id) is None
    assert client.post(path).status_code == 404  # single use


def test_a_post_from_another_site_is_refused(desk: Desk, client: TestClient) -> None:
    desk.mail(ACCESS)
    verify(desk)
    path = _download_path(desk)
    before = _state(desk)
    for headers in ({"Origin": "https://evil.example"}, {"Sec-Fetch-Site": "cross-site"}, {"Origin": "null"},
                    {"Sec-Fetch-Site": "same-site"}):
        r = client.post(path, headers=headers)
        assert r.status_code == 403, (headers, r.status_code)
    assert _state(desk) == before
    # Our own page's button: same origin.
    r = client.post(path, headers={"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/zip"


def test_opening_the_verification_link_changes_nothing(desk: Desk, client: TestClient) -> None:
    desk.desk.config.auto_fulfil = []
    desk.mail(ACCESS)
    mail = desk.code_mail()
    path = _VERIFY.search(mail["text"])
    assert path
    code = re.search(r"^\s{4}(\d{6})", mail["text"], re.M)
    assert code
    before = _state(desk)
    page = client.get(path.group(1))
    assert page.status_code == 200 and 'method="post"' in page.text
    assert _state(desk) == before and desk.request().state == RequestState.VERIFICATION_SENT
    refused = client.post(path.group(1), data={"code": code.group(1)}, headers={"Origin": "https://evil.example"})
    assert refused.status_code == 403
    assert desk.request().state == RequestState.VERIFICATION_SENT
    ok = client.post(path.group(1), data={"code": code.group(1)})
    assert ok.status_code == 200 and desk.request().state == RequestState.VERIFIED
