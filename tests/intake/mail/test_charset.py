"""The charset fallback chain: declared (or its real-world superset) -> detected -> UTF-8 replace."""

from __future__ import annotations

import pytest

from intake.mail.charset import decode_bytes, repair_header_text

RUSSIAN = "Здравствуйте! У меня не открывается сайт после переноса домена. Помогите, пожалуйста."
CHINESE = "您好，我们的网站从昨天开始无法访问，请帮忙检查一下服务器。谢谢！"


@pytest.mark.parametrize(
    ("data", "label", "text", "charset", "defect"),
    [
        (b"plain ascii", "us-ascii", "plain ascii", "ascii", None),
        ("één café".encode(), "utf-8", "één café", "utf_8", None),
        ("“quoted” €5".encode("cp1252"), "iso-8859-1", "“quoted” €5", "cp1252", "charset-mislabelled"),
        ("naïve".encode("latin-1"), "ISO-8859-1", "naïve", "iso8859_1", None),
        (RUSSIAN.encode("koi8-r"), "koi8-r", RUSSIAN, "koi8_r", None),
        (RUSSIAN.encode("koi8-r"), "x-unknown", RUSSIAN, "koi8_r", "unknown-charset:x-unknown"),
        (RUSSIAN.encode("koi8-r"), None, RUSSIAN, "koi8_r", "charset-detected"),
        (CHINESE.encode("gb2312"), "gb2312", CHINESE, "gb2312", None),
        ("碁 is GBK-only: 镕".encode("gbk"), "gb2312", "碁 is GBK-only: 镕", "gb18030", "charset-mislabelled"),
        ("één".encode(), "unknown-8bit", "één", "utf_8", "unknown-charset:unknown-8bit"),
        ("één".encode(), "us-ascii", "één", "utf_8", "charset-undecodable:ascii"),
        ("Grüße aus Köln, die Webseite ist kaputt.".encode("cp1252"), "utf-8", None, None, "charset-"),
    ],
)
def test_decode_chain(
    data: bytes, label: str | None, text: str | None, charset: str | None, defect: str | None
) -> None:
    decoded = decode_bytes(data, label)
    if text is not None:
        assert decoded.text == text
    else:  # wrongly labelled UTF-8: whatever the detector picks, the umlauts must survive
        assert "Grüße aus Köln" in decoded.text
    if charset is not None:
        assert decoded.charset == charset
    if defect is None:
        assert decoded.defects == ()
    else:
        assert any(d.startswith(defect) for d in decoded.defects), decoded.defects


def test_undecodable_bytes_fall_back_to_replacement() -> None:
    decoded = decode_bytes(b"\xff\xfe\x00", "utf-8")
    assert "\x00" not in decoded.text
    decoded.text.encode("utf-8")


def test_nul_and_controls_removed_but_layout_kept() -> None:
    assert decode_bytes(b"a\x00b\x07c\td\r\ne", "utf-8").text == "abc\td\r\ne"


def test_header_with_raw_8bit_bytes_is_repaired() -> None:
    raw = "één".encode().decode("ascii", "surrogateescape")
    text, defects = repair_header_text(raw)
    assert text == "één"
    assert "header-8bit" in defects
    assert repair_header_text("plain") == ("plain", ())
