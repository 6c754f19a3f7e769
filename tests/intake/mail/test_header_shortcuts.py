"""The header shortcuts (``intake.mail.headers.simple_address_pairs``, ``simple_unstructured``) read exactly
what ``policy.default``'s parser reads, without defects, wherever they read a value at all."""

from __future__ import annotations

import email
from email import policy
from typing import Any, cast

from hypothesis import example, given, settings
from hypothesis import strategies as st

from intake.mail.headers import simple_address_pairs, simple_unstructured

# the characters that decide between the shapes, plus a few that must send a value to the parser
_ALPHABET = "aZ09.-_+'`{}!#@<> ,\t\"()[]:;\\=?é\u00a0"
_PARTS = st.sampled_from(["jan", "Jan", "de", "Vries", "example", "nl", "x-y", "a+b", "0", "=?utf-8?q?a?="])


def _parser_pairs(value: str) -> tuple[list[tuple[str, str]], list[str]]:
    header = policy.default.header_fetch_parse("To", value)
    pairs = [(str(a.display_name), str(a.addr_spec)) for a in header.addresses]
    return pairs, [type(d).__name__ for d in header.defects]


def _mailboxes() -> st.SearchStrategy[str]:
    spec = st.builds(lambda a, b, c: f"{a}@{b}.{c}", _PARTS, _PARTS, _PARTS)
    named = st.builds(lambda n, s: f"{n} <{s}>", st.lists(_PARTS, min_size=1, max_size=3).map(" ".join), spec)
    return st.one_of(spec, spec.map(lambda s: f"<{s}>"), named)


@settings(max_examples=600, deadline=None)
@given(st.one_of(
    st.text(alphabet=_ALPHABET, max_size=40),
    st.lists(_mailboxes(), min_size=1, max_size=3).map(", ".join),
    st.lists(_mailboxes(), min_size=1, max_size=3).map(",".join),
))
@example("klant1@example.nl")
@example("Jan de Vries <jan.de.vries@example.nl>")
@example("a@b.nl , <c@d-e.nl>")
@example("j..an@example.nl")
@example("jan@example.nl.")
def test_address_shortcut_reads_what_the_parser_reads(value: str) -> None:
    pairs = simple_address_pairs(value)
    if pairs is not None:
        assert _parser_pairs(value) == (pairs, [])


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="aZ 0\t=?_\"()<>:\\é\x01\x7f", max_size=30))
@example("Re: [#123] Inloggen lukt niet")
@example("100% ?= a=?b")
def test_subject_shortcut_reads_what_the_parser_reads(value: str) -> None:
    if simple_unstructured(value):
        header = policy.default.header_fetch_parse("Subject", value)
        assert (str(header), list(header.defects)) == (value, [])


def test_shortcuts_leave_other_shapes_to_the_parser() -> None:
    for value in ['"Vries, Jan" <jan@example.nl>', "=?utf-8?q?J=C3=A9?= <j@x.nl>", "jan@example.nl (Jan)",
                  "Jan  de Vries <jan@x.nl>", "a@b.nl,,c@d.nl", "", "jan@[1.2.3.4]", "Ján <jan@x.nl>"]:
        assert simple_address_pairs(value) is None
    assert simple_address_pairs("Jan de Vries <jan@x.nl>, b@c.nl") == [("Jan de Vries", "jan@x.nl"), ("", "b@c.nl")]
    assert not simple_unstructured("=?utf-8?q?caf=C3=A9?=")
    assert not simple_unstructured("caf\u00e9")


def test_only_fixed_part_headers_are_shared_between_messages() -> None:
    from intake.mail import headers

    raw = (b"From: a@b.nl\r\nContent-Type: multipart/mixed; boundary=xyz\r\n\r\n--xyz\r\n"
           b"Content-Type: text/plain; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nhoi\r\n"
           b"--xyz\r\nContent-Type: application/pdf; name=\"paspoort jan.pdf\"\r\n"
           b"Content-Transfer-Encoding: base64\r\n\r\nAAAA\r\n--xyz--\r\n")
    first, second = (email.message_from_bytes(raw, policy=headers.message_policy()) for _ in range(2))
    parts = [list(m.walk()) for m in (first, second)]
    for a, b in zip(*parts, strict=True):
        assert a.get_content_type() == b.get_content_type()
        assert a.get_param("charset") == b.get_param("charset")
    text_a = cast(Any, parts[0][1]["Content-Type"])
    assert (text_a.content_type, dict(text_a.params), text_a.defects) == ("text/plain", {"charset": "utf-8"}, ())
    assert text_a is parts[1][1]["Content-Type"]  # a plain text type: one object for the process
    assert parts[0][2]["Content-Type"] is not parts[1][2]["Content-Type"]  # a file name: never kept
    assert all("paspoort" not in str(v) for v in headers._SHARED.values())
