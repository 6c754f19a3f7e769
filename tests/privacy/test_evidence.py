"""Authentication-Results (RFC 8601): only the topmost header, and only when it is our MTA's, counts."""

from __future__ import annotations

from privacy.evidence import MailEvidence, assess, parse, relabel, topmost

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
    assert topmost(headers, OURS) is None
    assert assess(headers, OURS, "marieke@example.nl") is MailEvidence.NONE


def test_only_the_topmost_header_counts() -> None:
    headers = [f"{OURS}; dmarc=fail header.from=example.nl", "x.test; none",
               f"{OURS}; dmarc=pass header.from=example.nl"]
    top = topmost(headers, OURS)
    assert top is not None and [(r.method, r.result) for r in top.results] == [("dmarc", "fail")]
    assert assess(headers, OURS, "marieke@example.nl") is MailEvidence.SPOOFED


def test_no_configured_authserv_id_or_no_header_is_no_evidence() -> None:
    assert assess([f"{OURS}; dmarc=pass header.from=example.nl"], None, "marieke@example.nl") is MailEvidence.NONE
    assert assess([], OURS, "marieke@example.nl") is MailEvidence.NONE
    assert assess([f"{OURS}; none"], OURS, "marieke@example.nl") is MailEvidence.NONE


# Issue #15 finding 7: our relay prepends its header; anything below it was in the message before the
# relay saw it and may have been written by the sender, our authserv-id included (RFC 8601 section 5,
# section 7.1). Only the single topmost header, and only when it is ours, counts.

FORGED = f"{OURS}; dmarc=pass (p=reject) header.from=example.nl"


def test_a_forged_pass_right_below_our_topmost_header_does_not_count() -> None:
    genuine = f"{OURS}; spf=none smtp.mailfrom=example.nl; dmarc=none header.from=example.nl"
    assert assess([genuine, FORGED], OURS, "marieke@example.nl") is MailEvidence.NONE


def test_a_forged_pass_below_a_dkim_only_header_of_ours_does_not_count() -> None:
    # e.g. a DKIM milter's header on top and no DMARC verdict from our MTA at all
    genuine = f"{OURS}; dkim=pass header.d=example.nl header.s=sel1"
    assert assess([genuine, FORGED], OURS, "marieke@example.nl") is MailEvidence.NONE


def test_our_topmost_fail_stands_over_a_forged_pass() -> None:
    genuine = f"{OURS}; dmarc=fail (p=reject) header.from=example.nl"
    assert assess([genuine, FORGED], OURS, "marieke@example.nl") is MailEvidence.SPOOFED


def test_a_forged_fail_below_our_pass_does_not_spoil_it() -> None:
    genuine = f"{OURS}; dmarc=pass header.from=example.nl"
    forged_fail = f"{OURS}; dmarc=fail header.from=example.nl"
    assert assess([genuine, forged_fail], OURS, "marieke@example.nl") is MailEvidence.DMARC_PASS


def test_our_authserv_id_is_compared_case_insensitively_and_whole() -> None:
    assert assess(["MX.Dommelhost.TEST; dmarc=pass header.from=example.nl"], OURS,
                  "marieke@example.nl") is MailEvidence.DMARC_PASS
    assert assess([f"{OURS}.evil.test; dmarc=pass header.from=example.nl"], OURS,
                  "marieke@example.nl") is MailEvidence.NONE


def test_topmost_is_the_first_header_only() -> None:
    headers = [f"{OURS}; dkim=pass header.d=example.nl", FORGED]
    top = topmost(headers, OURS)
    assert top is not None and [r.method for r in top.results] == ["dkim"]
    assert topmost([], OURS) is None
    assert topmost(["malformed", FORGED], OURS) is None


def test_relabel_hands_a_providers_verdict_on_under_our_id() -> None:
    header = 'mx.provider.test 1; (checked) dkim=pass header.b="a;b" (sig); dmarc=pass header.from=example.nl'
    moved = relabel(header, OURS)
    assert moved == f'{OURS}; dkim=pass header.b="a;b"; dmarc=pass header.from=example.nl'
    assert assess([moved], OURS, "marieke@example.nl") is MailEvidence.DMARC_PASS
