"""Walk a parsed MIME tree and pull out the readable body text and the attachments.

Which parts are "the message" is a judgement call the standards leave to the reader:

- multipart/alternative (RFC 2046 section 5.1.4): the text/plain branch is preferred because it is
  what the sender wrote without markup, but many clients send an empty plain branch next to a full
  HTML one, so an empty branch falls back to the HTML (converted with inscriptis, a library made for
  readable text from HTML, tables and lists included).
- multipart/mixed, related, signed, report: inline text/plain and text/html parts are joined in order;
  everything else (images, PDFs, signatures, headers parts) becomes an attachment.
- message/rfc822 (a mail forwarded as an attachment): its text is *inlined into the body* under a
  "Forwarded message" block with its From/To/Date/Subject, and its own attachments join ours. A
  customer forwards a mail so that we read it, and the scrubber only guarantees to clean text: a raw
  .eml kept as an attachment would store its sender's personal data unscrubbed.

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
from email.message import Message

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
# Part types whose content is in `bounce` or is of no use to an agent.
_SKIPPED_TYPES = frozenset({"message/delivery-status", "message/global-delivery-status"})


@dataclass
class _Walk:
    attachments: list[InboundAttachment] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)
    parts: int = 0
    too_deep: bool = False  # parts deeper than MAX_DEPTH were not read
    too_many: bool = False  # parts after the first MAX_PARTS were not read

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
    name, header_defects = repair_header_text(str(name))
    for code in header_defects:
        walk.defect(code)
    if "/" in name or "\\" in name:
        walk.defect("filename-with-path")
        name = re.split(r"[/\\]", name)[-1]
    name = _UNSAFE_FILENAME.sub("", name).strip().lstrip(".")[:255]
    return name or None


def _disposition(part: Message) -> str:
    try:
        return (part.get_content_disposition() or "").lower()
    except Exception:
        return ""


def _content_type(part: Message) -> str:
    try:
        return part.get_content_type()
    except Exception:
        return "application/octet-stream"


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
    ctype = _content_type(part)
    if ctype in _SKIPPED_TYPES:
        return
    if part.is_multipart():  # an unknown message/* type the parser split into sub-messages
        try:
            data = part.as_bytes()
        except Exception:
            walk.defect("attachment-unserialisable")
            return
    else:
        data = _payload_bytes(part, walk)
    walk.attachments.append(InboundAttachment(safe_filename(part, walk), ctype, data))


def _header(msg: Message, name: str) -> str:
    try:
        value = msg.get(name)
        text = str(value) if value is not None else ""
    except Exception:
        return ""
    return repair_header_text(" ".join(text.split()))[0]


def _forwarded(part: Message, walk: _Walk, depth: int) -> str:
    payload = part.get_payload()
    inner = payload[0] if isinstance(payload, list) and payload else None
    encoding = _transfer_encoding(part)
    if encoding in {"base64", "quoted-printable"}:
        # RFC 2046 section 5.2.1 forbids encoding a message/rfc822 part, but some clients do; the
        # parser then reads the encoded text as a header-less message. Decode it and parse again.
        walk.defect("encoded-message-rfc822")
        source = inner if isinstance(inner, Message) else None
        inner = _reparse(_decode_encoded_message(source, encoding), walk)
    elif not isinstance(inner, Message):
        inner = _reparse(_payload_bytes(part, walk), walk)
    if inner is None:
        return _NOT_READ_FORWARD
    lines = ["---------- Forwarded message ----------"]
    for name in _FORWARD_HEADERS:
        value = _header(inner, name)
        if value:
            lines.append(f"{name}: {value}")
    body = _walk(inner, walk, depth + 1)
    return "\n".join(lines) + ("\n\n" + body if body else "")


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
    for ctype, text in texts:
        if ctype == "text/plain" and text.strip():
            return text
    for ctype, text in texts:
        if (ctype == "text/html" or ctype.startswith("multipart/")) and text.strip():
            walk.defect("alternative-html-used")
            return text
    return next((text for _, text in texts if text.strip()), "")


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
    if ctype in {"message/rfc822", "message/global"}:
        return _forwarded(part, walk, depth)
    if part.is_multipart():
        if ctype == "multipart/alternative":
            return _alternative(part, walk, depth)
        if ctype == "multipart/encrypted":
            walk.defect("encrypted")
        if ctype in _SKIPPED_TYPES:
            return ""
        texts = [_walk(child, walk, depth + 1) for child in _children(part)]
        return "\n\n".join(t for t in texts if t.strip())
    if _is_body_part(part):
        return _leaf_text(part, walk)
    _attach(part, walk)
    return ""


def extract_body(msg: Message) -> Body:
    """The readable text of ``msg`` and its attachments, in document order."""
    walk = _Walk()
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
