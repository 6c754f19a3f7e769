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
        # Issue 20: GB2312 is read as GB18030 straight away (the superset its writers use).
        (CHINESE.encode("gb2312"), "gb2312", CHINESE, "gb18030", None),
        ("碁 is GBK-only: 镕".encode("gbk"), "gb2312", "碁 is GBK-only: 镕", "gb18030", None),
        (b"\xa1\xaa", "gb2312", "—", "gb18030", None),  # U+2015 in Python's gb2312, the em dash meant
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


# -- issue 20: real-world labels ---------------------------------------------------------------------

JAPANESE_NEC = "①１都３県のサーバーが停止しました。"
# The same text in ISO-2022-JP with CP932's NEC row 13 (the circled digit), as Japanese Outlook writes it.
JIS_NEC = b"\x1b$B-!#1ET#38)$N%5!<%P!<$,Dd;_$7$^$7$?!#\x1b(B"


@pytest.mark.parametrize("label", ["x-unknown", "unknown-8bit", None, "x-no-such-charset"])
def test_western_text_in_an_unknown_charset_is_not_read_as_arabic(label: str | None) -> None:
    decoded = decode_bytes("Hallö wéreld".encode("cp1252"), label)
    assert decoded.text == "Hallö wéreld"
    assert decoded.charset == "cp1252"


@pytest.mark.parametrize("label", ["iso-2022-jp", None, "us-ascii"])
def test_iso_2022_jp_with_nec_characters(label: str | None) -> None:
    decoded = decode_bytes(JIS_NEC, label)
    assert decoded.text == JAPANESE_NEC


@pytest.mark.parametrize(
    ("text", "label", "charset"),
    [
        ("똠방 서버", "ks_c_5601-1987", "cp949"),
        ("ツール～①", "shift_jis", "cp932"),
        ("內應力產生", "gb2312", "gb18030"),
        ("內應力產生", "x-gbk", "gb18030"),
    ],
)
def test_labels_read_as_their_superset(text: str, label: str, charset: str) -> None:
    codec = {"cp949": "cp949", "cp932": "cp932", "gb18030": "gbk"}[charset]
    decoded = decode_bytes(text.encode(codec), label)
    assert decoded.text == text
    assert decoded.charset == charset


def test_utf8_with_a_few_latin1_bytes_keeps_both() -> None:
    data = "Here it goes - äöü - 差出人 / ".encode() + "äöü".encode("latin-1")
    decoded = decode_bytes(data, "iso-gb2312")
    assert decoded.text == "Here it goes - äöü - 差出人 / äöü"


@pytest.mark.parametrize(
    ("raw", "hints", "text"),
    [
        ("ツール".encode("cp932"), ("iso-2022-jp",), "ツール"),
        ("转发：整体提升企业服务水平".encode("gb2312"), ("iso-8859-1", "gb2312"), "转发：整体提升企业服务水平"),
        ("Grüße".encode("cp1252"), ("windows-1252",), "Grüße"),
    ],
)
def test_raw_8bit_header_read_with_the_message_charsets(raw: bytes, hints: tuple[str, ...], text: str) -> None:
    value = raw.decode("ascii", "surrogateescape")
    assert repair_header_text(value, hints)[0] == text
