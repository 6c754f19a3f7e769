"""Identity evidence of an e-mail: the ``Authentication-Results`` our own mail server added (RFC 8601).

A ``From:`` header proves nothing by itself. The operator's MTA checks SPF, DKIM and DMARC and
records the outcome in an ``Authentication-Results`` header under its own authserv-id, prepended to
the message as it crosses our border. Only the single topmost Authentication-Results header counts,
and only when it carries our authserv-id: every header below it was in the message before our MTA
saw it, and a sender can write our authserv-id as easily as any other (RFC 8601 section 5: a border
MTA must remove or ignore headers that claim its authserv-id; section 7.1: forged header fields).
Our MTA may strip those forgeries, but nothing here relies on it. A header with our id further down,
or a header with another id on top, is not evidence. A DMARC pass whose ``header.from`` domain is
the domain of the sender's address is evidence that the mail came from that domain; anything else
(DMARC fail, none, a different domain, no header from our MTA) is not, and a fail is treated as
spoofing.

Which headers reach ``assess`` at all is the adapter's decision (``[smtp] trusted_relays``, an IMAP
mailbox's ``trust_authentication_results``): from a peer that is not our border there are none.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass

_TOKEN = re.compile(r'\s*([^\s;=]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^\s;]+)')


class MailEvidence(enum.StrEnum):
    DMARC_PASS = "dmarc_pass"  # noqa: S105 (a verdict, not a password)
    # DMARC failed, or passed for another domain than the one in From: the sender is impersonated.
    SPOOFED = "spoofed"
    # No header from our MTA, or DMARC not evaluated: no evidence either way.
    NONE = "none"


@dataclass(frozen=True, slots=True)
class ResultInfo:
    method: str
    result: str
    properties: dict[str, str]


@dataclass(frozen=True, slots=True)
class AuthResults:
    authserv_id: str
    results: tuple[ResultInfo, ...]


def _strip_comments(value: str) -> str:
    """Remove RFC 5322 comments (nested parentheses), keeping quoted strings intact."""
    out: list[str] = []
    depth = 0
    quoted = False
    escaped = False
    for char in value:
        if escaped:
            escaped = False
            if depth == 0:
                out.append(char)
            continue
        if char == "\\":
            escaped = True
            if depth == 0:
                out.append(char)
            continue
        if char == '"' and depth == 0:
            quoted = not quoted
        elif not quoted and char == "(":
            depth += 1
            continue
        elif not quoted and char == ")" and depth:
            depth -= 1
            continue
        if depth == 0:
            out.append(char)
    return "".join(out)


def _split(value: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    for char in value:
        if char == '"':
            quoted = not quoted
        if char == ";" and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [p.strip() for p in parts]


def parse(header: str) -> AuthResults | None:
    """One Authentication-Results value (RFC 8601 section 2.2), or None when it is malformed."""
    parts = _split(_strip_comments(" ".join(header.split())))
    head = parts[0].split()
    if not head:
        return None
    results: list[ResultInfo] = []
    for part in parts[1:]:
        tokens = [(k.lower(), v.strip('"')) for k, v in _TOKEN.findall(part)]
        if not tokens:
            continue  # "none", or an empty trailing part
        method, result = tokens[0]
        results.append(ResultInfo(method.split("/")[0], result.lower(), dict(tokens[1:])))
    return AuthResults(head[0].lower(), tuple(results))


def topmost(headers: Sequence[str], authserv_id: str) -> AuthResults | None:
    """The topmost Authentication-Results header (headers in message order), when it is ``authserv_id``'s.

    Only the first header can be the border's own: it prepends its verdict, so whatever lies below,
    even a header claiming the same authserv-id right under it, came with the message (RFC 8601
    sections 5 and 7.1). A malformed or foreign header on top means no evidence at all.
    """
    if not headers:
        return None
    parsed = parse(headers[0])
    if parsed is None or parsed.authserv_id != authserv_id.lower():
        return None
    return parsed


def relabel(header: str, authserv_id: str) -> str:
    """``header`` (one Authentication-Results value) as written under ``authserv_id``, comments dropped.

    For an adapter whose border writes another authserv-id than ours (an IMAP provider): once it has
    picked the one header it trusts, it hands that verdict on as our border's.
    """
    parts = _split(_strip_comments(" ".join(header.split())))
    return "; ".join([authserv_id, *parts[1:]])


def _domain(address: str) -> str:
    return address.rpartition("@")[2].strip().lower().rstrip(".")


def assess(headers: Sequence[str], authserv_id: str | None, sender: str) -> MailEvidence:
    """What our MTA's headers say about ``sender`` (the From address)."""
    if not authserv_id:
        return MailEvidence.NONE
    domain = _domain(sender)
    results = topmost(headers, authserv_id)
    if results is None:
        return MailEvidence.NONE
    verdict = MailEvidence.NONE
    for info in results.results:
        if info.method != "dmarc":
            continue
        header_from = info.properties.get("header.from", "").lower().rstrip(".")
        if info.result == "pass" and header_from == domain and domain:
            if verdict is MailEvidence.NONE:
                verdict = MailEvidence.DMARC_PASS
        elif info.result in ("fail", "pass"):
            # A fail, or a pass for a different domain than the one the sender shows.
            return MailEvidence.SPOOFED
    return verdict
