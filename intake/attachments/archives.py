"""What an archive holds, as names and sizes only: nothing inside it is extracted or kept.

A ZIP of invoices or a tarball of logs is listed so the agent knows what was sent and can ask for
the one file that matters; its content is not unpacked (a zip bomb is a few kilobytes that expand
to petabytes, and every member would need its own scrubbing). The listing is text and goes through
the scrubber like any other text, so member names that carry a name or an account number are
scrubbed. It is bounded: at most ``max_entries`` members are listed, and only the archive's own
directory is read (no nested archive is opened).
"""

from __future__ import annotations

import io
import struct
import tarfile
import zipfile

# Bytes of a gzip member name (FNAME, RFC 1952 section 2.3.1) read at most.
_GZIP_NAME_MAX = 1024


def archive_listing(data: bytes, mime: str, *, max_entries: int) -> str:
    """One line per member ("name  size bytes"), a header line, and a note when the list was cut."""
    entries: list[tuple[str, int]] = []
    total: int | None = None
    label = {"application/zip": "ZIP", "application/x-tar": "tar", "application/gzip": "gzip"}.get(mime)
    try:
        if mime == "application/zip":
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                infos = zf.infolist()
                total = len(infos)
                entries = [(i.filename, i.file_size) for i in infos[:max_entries]]
        elif mime == "application/x-tar":
            entries, total = _tar(data, max_entries)
        elif mime == "application/gzip":
            entries, total = _gzip(data), 1
    except (zipfile.BadZipFile, tarfile.TarError, OSError, EOFError, ValueError, struct.error):
        return f"{label or mime} archive: its list of contents could not be read"
    if label is None:
        return f"archive ({mime}): contents not listed"
    lines = [f"{label} archive, {total} {'entry' if total == 1 else 'entries'}:"]
    lines += [f"{name}  {size} bytes" for name, size in entries]
    if total is not None and total > len(entries):
        lines.append(f"... and {total - len(entries)} more not listed")
    return "\n".join(lines)


def _tar(data: bytes, max_entries: int) -> tuple[list[tuple[str, int]], int]:
    entries: list[tuple[str, int]] = []
    count = 0
    # Stream mode reads headers one after another without building an index of the whole archive.
    with tarfile.open(fileobj=io.BytesIO(data), mode="r|*") as tf:
        for member in tf:
            count += 1
            if count <= max_entries:
                entries.append((member.name, member.size))
            elif count > 10 * max_entries:  # stop reading: the count shown is a lower bound
                break
    return entries, count


def _gzip(data: bytes) -> list[tuple[str, int]]:
    """The original name and size a gzip header and trailer carry (RFC 1952), without inflating."""
    if len(data) < 18 or data[:2] != b"\x1f\x8b":
        raise ValueError("not gzip")
    flags = data[3]
    pos = 10
    if flags & 0x04:  # FEXTRA
        (xlen,) = struct.unpack_from("<H", data, pos)
        pos += 2 + xlen
    name = "(no name)"
    if flags & 0x08:  # FNAME, zero-terminated, ISO 8859-1
        end = data.find(b"\x00", pos, pos + _GZIP_NAME_MAX)
        if end > 0:
            name = data[pos:end].decode("latin-1")
    (size,) = struct.unpack_from("<I", data, len(data) - 4)  # ISIZE: the size modulo 2**32
    return [(name, size)]
