"""Authentication-Results (RFC 8601): only our MTA's topmost header(s) count."""

from __future__ import annotations

from privacy.evidence import MailEvidence, assess, ours, parse

OURS = "mx.dommelhost.test"


def test_parse_a_typical_header_with_comments_and_versions() -> None:
    parsed = parse(
        "mx.dommelhost.test 1; spf=pass (sender SPF authorized) smtp.mailfrom=example.nl; "
        "dkim=pass header.d=example.nl header.s=sel1 header.b=\"abc;def\"; dmarc=pass (p=reject dis=none) "
        "header.from=example.nl"
    )
    assert parsed is not None
    assert parsed.authserv_id == OURS
    assert [(r.method, r.result) for r in parsed.results] == [("spf", "pass"), ("dkim", "pass"), ("dmarc", "pass")]
    assert parsed.results[1].properties["header.b"] == "abc;def"
    assert parsed.results[2].properties["header.from"] == "example.nl"


def test_dmarc_pass_from_our_mta_for_the_senders_domain() -> None:
    headers = [f"{OURS}; dmarc=pass header.from=Example.NL"]
    assert assess(headers, OURS, "marieke@example.nl") is MailEvidence.DMARC_PASS


def test_dmarc_fail_is_spoofing() -> None:
    headers = [f"{OURS}; spf=fail smtp.mailfrom=example.nl; dmarc=fail (p=none) header.from=example.nl"]
    assert assess(headers, OURS, "marieke@example.nl") is MailEvidence.SPOOFED


def test_pass_for_another_domain_is_spoofing() -> None:
    headers = [f"{OURS}; dmarc=pass header.from=attacker.test"]
    assert assess(headers, OURS, "marieke@example.nl") is MailEvidence.SPOOFED


def test_a_forged_header_below_a_foreign_one_does_not_count() -> None:
    # Our MTA added nothing on top (e.g. an internal hop); the sender put a header with our id lower down.
    headers = ["relay.other.test; dmarc=none", f"{OURS}; dmarc=pass header.from=example.nl"]
    assert ours(headers, OURS) == []
    assert assess(headers, OURS, "marieke@example.nl") is MailEvidence.NONE


def test_only_the_topmost_run_counts() -> None:
    headers = [f"{OURS}; dmarc=fail header.from=example.nl", "x.test; none",
               f"{OURS}; dmarc=pass header.from=example.nl"]
    assert len(ours(headers, OURS)) == 1
    assert assess(headers, OURS, "marieke@example.nl") is MailEvidence.SPOOFED


def test_no_configured_authserv_id_or_no_header_is_no_evidence() -> None:
    assert assess([f"{OURS}; dmarc=pass header.from=example.nl"], None, "marieke@example.nl") is MailEvidence.NONE
    assert assess([], OURS, "marieke@example.nl") is MailEvidence.NONE
    assert assess([f"{OURS}; none"], OURS, "marieke@example.nl") is MailEvidence.NONE
