"""Clean the fields that end up in a header: subjects, sender names and attachment file names.

A subject is written into the ``Subject:`` of every reply on its ticket, a file name into a
``Content-Disposition`` filename parameter and a download's header, a sender name into a display
name. RFC 5322 section 2.2 allows no CR or LF in a header field body other than in folding, and
section 3.2.5 none of the other controls in the text of a phrase or unstructured field; a subject
carrying them was stored as sent and made every reply on its ticket fail (issue 15, finding 11).
So every channel's ``InboundMessage`` is cleaned when it is made (``intake.message``):

- C0 controls (U+0000-U+001F), DEL (U+007F) and C1 controls (U+0080-U+009F) are removed;
- line breaks (CR, LF, VT, FF, NEL, U+2028, U+2029) and tabs are folded to one space, as header
  unfolding does (RFC 5322 section 2.2.3), so words on either side stay apart.

File names also lose every Unicode format character (category Cf: bidi embeddings, overrides and
isolates, zero-width spaces and joiners, the byte-order mark, invisible tags). They are used to disguise
a file's type: ``invoice\\u202Efdp.exe`` shows as ``invoiceexe.pdf`` (Unicode Technical Report 36,
section 2.2 on bidi spoofing; UAX 9 for the controls). Emoji and other visible characters stay, and
so does a zero-width joiner between two emoji (an emoji ZWJ sequence, UTS 51 section 2.3: a family
or a profession is one picture only with its joiners).
"""

from __future__ import annotations

import re
import unicodedata

# Line breaks (Unicode's mandatory breaks, UAX 14 class BK/CR/LF/NL) and horizontal tab.
_FOLD = "\t\n\v\f\r\x85\u2028\u2029"
_FOLD_RUN = re.compile(f"[ {_FOLD}]*[{_FOLD}][ {_FOLD}]*")
# Every C0 control, DEL and C1 control that is not in _FOLD (TAB-CR are 09-0D, NEL is 85).
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_ZWJ = "\u200d"


def clean_header_text(value: str) -> str:
    """``value`` without control characters, its line breaks and tabs folded to a space, trimmed."""
    return _FOLD_RUN.sub(" ", _CONTROLS.sub("", value)).strip()


def clean_filename(value: str) -> str:
    """A file name as ``clean_header_text`` cleans it, without invisible format characters (Cf)."""
    text = clean_header_text(value)
    if text.isascii():
        return text
    kept = [c for i, c in enumerate(text) if unicodedata.category(c) != "Cf" or _joins_emoji(text, i)]
    return "".join(kept).strip()


def _joins_emoji(text: str, i: int) -> bool:
    return text[i] == _ZWJ and _emoji_side(text[i - 1 : i]) and _emoji_side(text[i + 1 : i + 2])



def _emoji_side(c: str) -> bool:
    """A pictographic symbol, an emoji modifier (Sk) or the emoji presentation selector U+FE0F."""
    return bool(c) and (unicodedata.category(c) in {"So", "Sk"} or c == "\ufe0f")
