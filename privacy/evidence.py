"""Identity evidence of an e-mail: the ``Authentication-Results`` our own mail server added (RFC 8601).

A ``From:`` header proves nothing by itself. The operator's MTA checks SPF, DKIM and DMARC and
records the outcome in an ``Authentication-Results`` header under its own authserv-id. Only that
MTA's header(s) count, and only the topmost run of them (RFC 8601 section 5: a border MTA removes or
renames headers that claim its authserv-id, so a header further down with our id, or any header with
another id, may have been written by the sender). A DMARC pass whose ``header.from`` domain is the
domain of the sender's address is evidence that the mail came from that domain; anything else (DMARC
fail, none, a different domain, no header from our MTA) is not, and a fail is treated as spoofing.
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


def ours(headers: Sequence[str], authserv_id: str) -> list[AuthResults]:
    """The topmost consecutive headers carrying our authserv-id (headers are in message order)."""
    found: list[AuthResults] = []
    for header in headers:
        parsed = parse(header)
        if parsed is None or parsed.authserv_id != authserv_id.lower():
            break
        found.append(parsed)
    return found


def _domain(address: str) -> str:
    return address.rpartition("@")[2].strip().lower().rstrip(".")


def assess(headers: Sequence[str], authserv_id: str | None, sender: str) -> MailEvidence:
    """What our MTA's headers say about ``sender`` (the From address)."""
    if not authserv_id:
        return MailEvidence.NONE
    domain = _domain(sender)
    verdict = MailEvidence.NONE
    for results in ours(headers, authserv_id):
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
