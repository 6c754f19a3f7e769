"""A short note above a forwarded message makes a request about what it forwards (issue 18: requests in
quoted threads). Sentences written for these tests, not from the evaluation corpora or training files."""

from __future__ import annotations

from privacy.recognition import RequestType, recognize

FORWARDED_PROMO = (
    "\n\n---------- Forwarded message ---------\nFrom: Example Hosting <news@example.com>\n"
    "Subject: 30% off all VPS plans this week!\n\nDear customer, upgrade now and save. Our newsletter keeps you "
    "posted on every offer.\n"
)


def test_a_short_note_over_a_forwarded_newsletter_is_an_opt_out() -> None:
    assert recognize("Take me off this please, never asked for it." + FORWARDED_PROMO).labels == (
        RequestType.OBJECTION,
    )


def test_a_long_own_message_over_a_forward_is_read_alone() -> None:
    own = (
        "Hi, I'm forwarding this because the links in your promo go to a 404 page on our side, which suggests "
        "the redirect on our shared hosting is broken after yesterday's migration. Could you look at the "
        "rewrite rules for the domain? Thanks."
    )
    assert recognize(own + FORWARDED_PROMO).labels == ()
