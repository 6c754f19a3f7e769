"""Walk a parsed MIME tree and pull out the readable body text and the attachments.

Which parts are "the message" is a judgement call the standards leave to the reader:

- multipart/alternative (RFC 2046 section 5.1.4): the text/plain branch is preferred because it is
  what the sender wrote without markup, but many clients send an empty plain branch next to a full
  HTML one, so an empty branch falls back to the HTML (converted with inscriptis, a library made for
  readable text from HTML, tables and lists included).
- multipart/mixed, related, signed, report: inline text/plain and text/html parts are joined in order;
  everything else (images, PDFs, signatures, headers parts) becomes an attachment.
- message/rfc822 (a mail forwarded as an attachment): its text is *inlined into the body* under a
  "Forwarded message" block with its From/To/Date/Subject. A customer forwards a mail so that we read
  it, and the scrubber only guarantees to clean text. It is also listed as an attachment named as mail
  clients name it (its subject + ".eml", issue 20), whose stored content is its text, scrubbed like
  any text attachment, never the raw source. Its own attachments are *not* listed beside it: the
  attachment path reads the .eml recursively, its parts included (``intake.attachments.mail``), and
  listing them here too had each one read, and each image OCR'd, twice (issue 17).
- multipart/report (a bounce, RFC 6522): the human-readable part is the body; the delivery report
  (message/delivery-status) and the returned message or its headers are attachments only. The returned
  message is our own mail: inlining it would bury the reason for the bounce.

Nothing here raises on bad input: broken transfer encodings and charsets become defects (short codes,
never content) and the best text that can be recovered. The walk is bounded (``MAX_DEPTH``,
``MAX_PARTS``) so it never nears Python's recursion limit; what lies beyond is not read, and a note in
the text says so (issue 15, finding 4).
"""

from __future__ import annotations

import binascii
import html as html_lib
import quopri
import re
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.header import decode_header, make_header
from email.message import Message
from urllib.parse import unquote_to_bytes

import inscriptis

from intake.mail.charset import clean_text, decode_bytes, repair_header_text
from intake.message import InboundAttachment
from intake.textcap import Capped, cap_text, with_note

# Bounds against hostile nesting (a "MIME bomb"): deeper or more parts are not read, and a note says so.
# Real mail nests a few levels (a forward of a forward of a signed mail is about 8) and carries tens
# of parts; each level costs a few stack frames here, far below the recursion limit (1,000).
MAX_DEPTH = 30
MAX_PARTS = 500
# HTML converted to text per part: inscriptis takes about 1.8 s per MB of table markup, and a body
# without markup is plain text that the pipeline caps (``[intake] text_scrub_max``) after parsing.
MAX_HTML_CHARS = 2_000_000

_BODY_SUBTYPES = frozenset({"plain", "html"})
_FORWARD_HEADERS = ("From", "To", "Cc", "Date", "Subject")
_UNSAFE_FILENAME = re.compile(r"[\x00-\x1f\x7f/\\]")
_MAIL_TYPES = frozenset({"message/rfc822", "message/global"})
_REPORT_TYPES = frozenset({"message/delivery-status", "message/global-delivery-status"})


@dataclass
class _Walk:
    attachments: list[InboundAttachment] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)
    parts: int = 0
    too_deep: bool = False  # parts deeper than MAX_DEPTH were not read
    too_many: bool = False  # parts after the first MAX_PARTS were not read
    in_report: bool = False  # walking a report's own parts: a returned mail is listed, not inlined
    in_mail: bool = False  # walking an attached mail: its parts are read with it, not listed
    hints: tuple[str, ...] = ()  # the message's declared charsets, for raw 8-bit names and headers

    def defect(self, code: str) -> None:
        if code not in self.defects:
            self.defects.append(code)


@dataclass(frozen=True, slots=True)
class Body:
    text: str
    attachments: tuple[InboundAttachment, ...]
    defects: tuple[str, ...]


def html_to_text(html: str) -> str:
    """Readable text from HTML; a converter failure degrades to tag stripping, never to an error.

    At most ``MAX_HTML_CHARS`` of the HTML are converted; a note says how much was left out.
    """
    if not html.strip():
        return ""
    capped = cap_text(html, MAX_HTML_CHARS, what="HTML")
    try:
        text = clean_text(inscriptis.get_text(capped.kept))
    except Exception:  # lxml rejects some inputs; tag stripping still gives the agent the words
        text = clean_text(html_lib.unescape(re.sub(r"<[^>]*>", " ", capped.kept)))
    return with_note(Capped(text, capped.left_out, capped.note))


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Trailing blanks carry no meaning once flowed text is joined, except in the signature separator
    # "-- " (RFC 3676 section 4.3), which readers use to find the signature.
    lines = (line if line == "-- " else line.rstrip() for line in text.split("\n"))
    return "\n".join(lines).strip("\n")


def _lib_defects(part: Message, walk: _Walk) -> None:
    for defect in getattr(part, "defects", ()):
        walk.defect(type(defect).__name__)


def _payload_bytes(part: Message, walk: _Walk) -> bytes:
    """The transfer-decoded bytes of a leaf part (base64/QP repaired by ``email`` where it can)."""
    try:
        data = part.get_payload(decode=True)
    except Exception:  # the library's decoders are lenient, but a crash must not lose the message
        walk.defect("payload-undecodable")
        raw = part.get_payload()
        data = raw.encode("ascii", "surrogateescape") if isinstance(raw, str) else b""
    _lib_defects(part, walk)
    if _transfer_encoding(part) == "quoted-printable" and _qp_broken(part):
        walk.defect("qp-invalid-escape")
    return data if isinstance(data, bytes) else b""


# "=" must start a soft line break or two hex digits (RFC 2045 section 6.7); ``quopri`` silently
# keeps anything else, so the defect is found here.
_QP_BAD_ESCAPE = re.compile(r"=(?![0-9A-Fa-f]{2}|[ \t]*\r?$)", re.MULTILINE)


def _transfer_encoding(part: Message) -> str:
    try:
        return str(part.get("Content-Transfer-Encoding", "") or "").strip().lower()
    except Exception:
        return ""


def _qp_broken(part: Message) -> bool:
    raw = part.get_payload()
    return isinstance(raw, str) and bool(_QP_BAD_ESCAPE.search(raw))


def safe_filename(part: Message, walk: _Walk) -> str | None:
    """The RFC 2231/2047-decoded filename, with path parts and control characters removed."""
    try:
        name = part.get_filename()
    except Exception:
        walk.defect("filename-unparseable")
        return None
    if not name:
        return None
    if "\ufffd" in str(name):
        # Raw 8-bit bytes in the parameter (filename="Hofj\xe4geralle...", Zammad's corpus mail057), which
        # the parser replaced: read them again with the message's charsets.
        name = _raw_param_name(part) or name
    name = _rfc2231_leftover(str(name), walk)
    name, header_defects = repair_header_text(str(name), walk.hints)
    for code in header_defects:
        walk.defect(code)
    if "/" in name or "\\" in name:
        walk.defect("filename-with-path")
        name = re.split(r"[/\\]", name)[-1]
    name = _UNSAFE_FILENAME.sub("", name).strip().lstrip(".")[:255]
    if _ENCODED_WORD.fullmatch(name):
        # An encoded-word the parser left alone: filename="=?utf-8?b??=", an empty name (Apple Mail
        # 2.1278's headers in Zammad's corpus, mail080). The part stays, without a name.
        name = _decode_word(name)
    return name or None


_ENCODED_WORD = re.compile(r"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=")


def _decode_word(word: str) -> str:
    try:
        return str(make_header(decode_header(word))).strip()
    except Exception:
        return ""


_RAW_NAME = re.compile(r'(?:file)?name\*?\s*=\s*"([^"]*)"|(?:file)?name\*?\s*=\s*([^;\s]+)', re.IGNORECASE)


def _raw_param_name(part: Message) -> str | None:
    """The filename/name parameter as it was sent (8-bit bytes as surrogate escapes), for repair."""
    for header in ("Content-Disposition", "Content-Type"):
        for key, value in part.raw_items():
            if key.lower() == header.lower():
                match = _RAW_NAME.search(str(value))
                if match:
                    return match.group(1) or match.group(2)
    return None


_RFC2231_VALUE = re.compile(r"([A-Za-z0-9_.:-]*)'[A-Za-z-]*'(.*%[0-9A-Fa-f]{2}.*)")


def _rfc2231_leftover(name: str, walk: _Walk) -> str:
    """An RFC 2231 value the parser could not decode (``us-ascii''W%F6lbung.jpg``: latin-1 bytes under an
    ASCII label, in Zammad's corpus mail073 with Apple Mail 2.1278's headers), decoded with the charset
    fallback chain."""
    match = _RFC2231_VALUE.fullmatch(name)
    if match is None:
        return name
    decoded = decode_bytes(unquote_to_bytes(match.group(2).encode("utf-8", "surrogateescape")), match.group(1) or None)
    for code in decoded.defects:
        walk.defect(f"filename:{code}")
    return decoded.text


def _description(part: Message) -> str:
    try:
        value = part.get("Content-Description")
        text = " ".join(str(value).split()) if value is not None else ""
    except Exception:
        return ""
    return _UNSAFE_FILENAME.sub("", text).strip().lstrip(".")[:200]


def _made_name(part: Message, walk: _Walk, inner: Message | None) -> str | None:
    """A name for a mail or a delivery report that has none, as mail clients and Zammad name them:
    an attached mail by its subject + ".eml" (else its Content-Description), a report by its
    Content-Description + ".txt" (Postfix writes "Delivery report") or "delivery-status.txt"."""
    if _content_type(part) in _REPORT_TYPES:
        return (_description(part) or "delivery-status") + ".txt"
    subject = _header(inner, "Subject", walk.hints) if inner is not None else ""
    subject = _UNSAFE_FILENAME.sub("", subject).replace("/", "-").strip().lstrip(".")[:200]
    return (subject or _description(part) or "message") + ".eml"


def _disposition(part: Message) -> str:
    try:
        return (part.get_content_disposition() or "").lower()
    except Exception:
        return ""


_MEDIA_TYPE = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*")


def _content_type(part: Message) -> str:
    try:
        ctype = part.get_content_type()
    except Exception:
        return "application/octet-stream"
    # RFC 6838 section 4.2 names only; anything else (control characters, spaces) is not a type.
    return ctype if _MEDIA_TYPE.fullmatch(ctype) else "application/octet-stream"


def _charset(part: Message) -> str | None:
    try:
        charset = part.get_param("charset")
    except Exception:
        return None
    if isinstance(charset, tuple):  # an RFC 2231-encoded parameter value
        charset = charset[2]
    return str(charset) if charset else None


def _param(part: Message, name: str) -> str:
    try:
        value = part.get_param(name)
    except Exception:
        return ""
    return str(value).strip().lower() if isinstance(value, str) else ""


def unflow(text: str, delsp: bool) -> str:
    """Undo RFC 3676 format=flowed: join soft-broken lines so a name or IBAN is not split in two.

    A line ending in a space continues on the next line of the same quote depth; the signature
    separator "-- " is never joined; a leading space is space-stuffing and removed (section 4.4).
    """
    out: list[str] = []
    pending: str | None = None
    pending_depth = 0
    for line in text.replace("\r\n", "\n").split("\n"):
        depth = len(line) - len(line.lstrip(">"))
        content = line[depth:]
        if content.startswith(" "):
            content = content[1:]
        if pending is not None and depth != pending_depth:
            out.append(">" * pending_depth + (" " if pending_depth else "") + pending)
            pending = None
        joined = content if pending is None else pending + content
        if content.endswith(" ") and content != "-- ":
            pending, pending_depth = (joined[:-1] if delsp else joined), depth
            continue
        out.append(">" * depth + (" " if depth else "") + joined)
        pending = None
    if pending is not None:
        out.append(">" * pending_depth + (" " if pending_depth else "") + pending)
    return "\n".join(out)


def _leaf_text(part: Message, walk: _Walk) -> str:
    decoded = decode_bytes(_payload_bytes(part, walk), _charset(part))
    for code in decoded.defects:
        walk.defect(code)
    text = decoded.text
    if _content_type(part) == "text/html":
        text = html_to_text(text)
    elif _param(part, "format") == "flowed":
        text = unflow(text, delsp=_param(part, "delsp") == "yes")
    return _normalise(text)


def _is_body_part(part: Message) -> bool:
    ctype = _content_type(part)
    if not ctype.startswith("text/") or ctype.split("/", 1)[1] not in _BODY_SUBTYPES:
        return False
    if _disposition(part) == "attachment":
        return False
    # An inline text part with a file name is a file the client displays inline, not the body.
    try:
        has_name = part.get_filename() is not None
    except Exception:
        has_name = False
    return not has_name


def _attach(part: Message, walk: _Walk) -> None:
    if walk.in_mail:  # a part of an attached mail: read with the listed .eml, not listed again
        return
    ctype = _content_type(part)
    name = safe_filename(part, walk)
    if part.is_multipart():  # a message/* type the parser split into header blocks (a delivery report)
        payload = part.get_payload()
        blocks = [p for p in payload if isinstance(p, Message)] if isinstance(payload, list) else []
        try:
            data = b"".join(block.as_bytes() for block in blocks)
        except Exception:
            walk.defect("attachment-unserialisable")
            return
    else:
        data = _payload_bytes(part, walk)
    if name is None and ctype in _REPORT_TYPES:
        name = _made_name(part, walk, None)
    walk.attachments.append(InboundAttachment(name, ctype, data))


def _header(msg: Message, name: str, hints: tuple[str, ...] = ()) -> str:
    try:
        value = msg.get(name)
        text = str(value) if value is not None else ""
    except Exception:
        return ""
    return repair_header_text(" ".join(text.split()), hints)[0]


def _forwarded(part: Message, walk: _Walk, depth: int, *, inline: bool = True) -> str:
    """An attached mail: listed as an attachment, and (unless ``inline`` is off) its text inlined."""
    payload = part.get_payload()
    inner = payload[0] if isinstance(payload, list) and payload else None
    encoding = _transfer_encoding(part)
    data: bytes | None = None
    if encoding in {"base64", "quoted-printable"}:
        # RFC 2046 section 5.2.1 forbids encoding a message/rfc822 part, but some clients do; the
        # parser then reads the encoded text as a header-less message. Decode it and parse again.
        walk.defect("encoded-message-rfc822")
        source = inner if isinstance(inner, Message) else None
        data = _decode_encoded_message(source, encoding)
        inner = _reparse(data, walk)
    elif not isinstance(inner, Message):
        data = _payload_bytes(part, walk)
        inner = _reparse(data, walk)
    if not walk.in_mail:
        # Only the outermost attached mail is listed, as mail clients show it: its text holds the
        # mails inside it, and listing each level would have each re-read per level (quadratic).
        _list_mail(part, walk, inner, data)
    if not inline:
        return ""
    if inner is None:
        return _NOT_READ_FORWARD
    lines = ["---------- Forwarded message ----------"]
    for name in _FORWARD_HEADERS:
        value = _header(inner, name, walk.hints)
        if value:
            lines.append(f"{name}: {value}")
    outer, walk.in_mail = walk.in_mail, True
    try:
        body = _walk(inner, walk, depth + 1)
    finally:
        walk.in_mail = outer
    return "\n".join(lines) + ("\n\n" + body if body else "")


def _list_mail(part: Message, walk: _Walk, inner: Message | None, data: bytes | None) -> None:
    """The attached mail in the attachment list, as its bytes (read as text by ``intake.mail.attachments``)."""
    if data is None:
        try:
            data = inner.as_bytes() if inner is not None else b""
        except Exception:  # a header the generator cannot write: the text is still inlined
            walk.defect("attachment-unserialisable")
            data = b""
    name = safe_filename(part, walk) or _made_name(part, walk, inner)
    walk.attachments.append(InboundAttachment(name, _content_type(part), data))


_NOT_READ_FORWARD = "[Doorgestuurd bericht niet gelezen / forwarded message not read: MIME nested too deeply]"


def _reparse(data: bytes, walk: _Walk) -> Message | None:
    """A forwarded message's bytes parsed on their own; None when the parser's recursion gives out."""
    try:
        return message_from_bytes(data, policy=policy.default)
    except RecursionError:  # deterministic, like in ``parse_email``: the rest of the mail is still read
        walk.defect("nesting-too-deep")
        return None


def _decode_encoded_message(inner: Message | None, encoding: str) -> bytes:
    if inner is None:
        return b""
    try:
        text = inner.as_bytes() if encoding == "quoted-printable" else _body_bytes(inner)
    except Exception:
        return b""
    if encoding == "quoted-printable":
        return quopri.decodestring(text)
    try:
        return binascii.a2b_base64(re.sub(rb"[^A-Za-z0-9+/=]", b"", text) + b"==")
    except binascii.Error:
        return b""


def _body_bytes(msg: Message) -> bytes:
    body = msg.get_payload()
    return body.encode("ascii", "surrogateescape") if isinstance(body, str) else b""


def _alternative(part: Message, walk: _Walk, depth: int) -> str:
    # Every branch is walked, so inline images of the HTML branch (pasted screenshots) are kept as
    # attachments even when the plain branch supplies the text.
    texts = [(_content_type(branch), _walk(branch, walk, depth + 1)) for branch in _children(part)]
    # Prefer the plain branch, then HTML (a related or mixed branch usually wraps the HTML), then
    # whatever else had text. RFC 2046 orders branches by faithfulness, but plain is what was typed.
    rich = next((t for c, t in texts if (c == "text/html" or c.startswith("multipart/")) and t.strip()), "")
    for ctype, text in texts:
        if ctype == "text/plain" and text.strip():
            if len(_WORD.findall(text)) * _STUB_RATIO < len(_WORD.findall(rich)):
                # Alternatives carry the same information (RFC 2046 section 5.1.4); a plain branch with
                # a fraction of the HTML's words is a stub ("read this newsletter in your browser",
                # newsletter tools in Zammad's corpus mail043/085), not what the sender wrote.
                walk.defect("alternative-plain-stub")
                return rich
            return text
    if rich:
        walk.defect("alternative-html-used")
        return rich
    return next((text for _, text in texts if text.strip()), "")


# Words (a CJK character each) of the plain branch times this below the HTML's: the plain is a stub.
_STUB_RATIO = 3
_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|\w+")


def _children(part: Message) -> list[Message]:
    payload = part.get_payload()
    return [p for p in payload if isinstance(p, Message)] if isinstance(payload, list) else []


def _walk(part: Message, walk: _Walk, depth: int) -> str:
    walk.parts += 1
    if walk.parts > MAX_PARTS:
        walk.defect("too-many-parts")
        walk.too_many = True
        return ""
    if depth > MAX_DEPTH:
        walk.defect("nesting-too-deep")
        walk.too_deep = True
        return ""
    _lib_defects(part, walk)
    ctype = _content_type(part)
    if ctype in _MAIL_TYPES:
        return _forwarded(part, walk, depth, inline=not walk.in_report)
    if ctype in _REPORT_TYPES:
        _attach(part, walk)
        return ""
    if part.is_multipart():
        if ctype == "multipart/alternative":
            return _alternative(part, walk, depth)
        if ctype == "multipart/encrypted":
            walk.defect("encrypted")
        if ctype == "multipart/report":
            return _report(part, walk, depth)
        texts = [_walk(child, walk, depth + 1) for child in _children(part)]
        return "\n\n".join(t for t in texts if t.strip())
    if ctype.startswith("multipart/"):
        return _partless(part, walk)
    if _is_body_part(part):
        return _leaf_text(part, walk)
    _attach(part, walk)
    return ""


def _partless(part: Message, walk: _Walk) -> str:
    """A multipart whose boundary never occurs: the parser keeps its content as one text, which is
    what the sender wrote (seen from Apple Mail messages relabelled multipart/mixed by a gateway)."""
    walk.defect("multipart-without-parts")
    data = _payload_bytes(part, walk)
    if not data.strip():
        return ""
    decoded = decode_bytes(data, _charset(part))
    for code in decoded.defects:
        walk.defect(code)
    return _normalise(decoded.text)


def _report(part: Message, walk: _Walk, depth: int) -> str:
    """A bounce or receipt (RFC 6522): its text parts are the body; the returned mail only listed."""
    outer, walk.in_report = walk.in_report, True
    try:
        texts = [_walk(child, walk, depth + 1) for child in _children(part)]
    finally:
        walk.in_report = outer
    return "\n\n".join(t for t in texts if t.strip())


def extract_body(msg: Message, hints: tuple[str, ...] = ()) -> Body:
    """The readable text of ``msg`` and its attachments, in document order.

    ``hints`` are the charsets the message declares, for raw 8-bit file names and forwarded headers.
    """
    walk = _Walk(hints=hints)
    text = _walk(msg, walk, 0)
    notes = []
    if walk.too_deep:
        notes.append(f"[Niet gelezen / not read: MIME-delen dieper genest dan {MAX_DEPTH} niveaus / "
                     f"MIME parts nested deeper than {MAX_DEPTH} levels]")
    if walk.too_many:
        notes.append(f"[Niet gelezen / not read: alles na de eerste {MAX_PARTS} MIME-delen / "
                     f"everything after the first {MAX_PARTS} MIME parts]")
    if notes:
        text = "\n\n".join([text, *notes]) if text else "\n\n".join(notes)
    return Body(text=text, attachments=tuple(walk.attachments), defects=tuple(walk.defects))
