"""Placeholder digests: one value (in any spelling) keeps one number, and the digest is keyed."""

from __future__ import annotations

from scrubber.placeholders import digest, normalise_value


def test_same_number_international_and_national_is_one_value() -> None:
    assert normalise_value("PHONE_NUMBER", "+31 6 1234 5678") == normalise_value("PHONE_NUMBER", "06-12345678")
    assert normalise_value("IBAN", "nl91 abna 0417 1643 00") == normalise_value("IBAN", "NL91ABNA0417164300")
    assert normalise_value("PERSON", "Jan  de Vries") == normalise_value("PERSON", "jan de vries")


def test_digest_is_keyed_and_hides_the_value() -> None:
    d1 = digest(b"k1", "NATIONAL_ID", "111222333")
    assert d1 != digest(b"k2", "NATIONAL_ID", "111222333")
    assert "111222333" not in d1 and len(d1) == 64
