"""A throw-away Dovecot IMAP server for the IMAP intake tests.

The poller has to be checked against a real server (IDLE, MOVE, UIDVALIDITY and restarts behave
differently in every fake), so the tests start Debian's ``dovecot`` binary (apt packages
``dovecot-core`` and ``dovecot-imapd``) on unprivileged loopback ports with its own config
directory, maildir, passwd-file user and a self-signed certificate made here with ``cryptography``.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tests.support.netutil import free_port as free_port
from tests.support.netutil import make_self_signed as make_self_signed

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
DOVEADM = shutil.which("doveadm") or "/usr/bin/doveadm"

USER = "support"
PASSWORD = "s3cret-test-password"
# Dovecot 2.3's XOAUTH2 mechanism hands the bearer token to the passdb as the password, so a
# passwd-file user whose password is the token lets us exercise the XOAUTH2 client path for real.
OAUTH_USER = "oauth"
OAUTH_TOKEN = "ya29.test-access-token"


# Dovecot 2.3's default post-login capabilities minus IDLE and MOVE: a server that forces the
# poller onto its polling and COPY + \Deleted + UID EXPUNGE paths.
CAPS_WITHOUT_IDLE_AND_MOVE = (
    "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE SORT SORT=DISPLAY THREAD=REFERENCES THREAD=REFS "
    "THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN NAMESPACE UIDPLUS "
    "LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES WITHIN CONTEXT=SEARCH "
    "LIST-STATUS BINARY SPECIAL-USE"
)


@dataclass
class DovecotServer:
    root: Path
    imap_port: int
    imaps_port: int
    capabilities: str | None = None
    # False: no TLS at all (``ssl = no``, no IMAPS listener), a server that cannot do STARTTLS.
    tls_enabled: bool = True
    proc: subprocess.Popen[bytes] | None = None
    mail_uid: int = -1
    mail_gid: int = -1

    @property
    def cert(self) -> Path:
        return self.root / "cert.pem"

    @property
    def config(self) -> Path:
        return self.root / "dovecot.conf"

    def maildir(self, folder: str = "INBOX", user: str = USER) -> Path:
        base = self.root / "mail" / user
        return base if folder == "INBOX" else base / f".{folder}"

    def setup(self) -> None:
        # Dovecot's auth process runs as the unprivileged ``dovecot`` user and must reach the
        # passwd-file: the directory (made by ``tempfile.mkdtemp`` with 0700) has to be traversable.
        self.root.chmod(0o755)
        for sub in ("run", "state", "mail", "home"):
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        make_self_signed(self.cert, self.root / "key.pem")
        (self.root / "passwd").write_text(
            f"{USER}:{{PLAIN}}{PASSWORD}::::::\n{OAUTH_USER}:{{PLAIN}}{OAUTH_TOKEN}::::::\n"
        )
        (self.root / "passwd").chmod(0o644)
        me = pwd.getpwuid(os.getuid())
        root_run = os.geteuid() == 0
        # Dovecot refuses uid 0 for mail access, so as root the mail belongs to ``nobody``.
        mail_owner = pwd.getpwnam("nobody") if root_run else me
        self.mail_uid, self.mail_gid = mail_owner.pw_uid, mail_owner.pw_gid
        for sub in ("mail", "home"):
            os.chown(self.root / sub, self.mail_uid, self.mail_gid)
        # As root the master drops to Debian's own service users; otherwise everything runs as us.
        internal = "dovecot" if root_run else me.pw_name
        login = "dovenull" if root_run else me.pw_name
        self.config.write_text(_dovecot_conf(self, internal_user=internal, login_user=login))

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [DOVECOT, "-F", "-c", str(self.config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            # Its own process group, so stopping it also ends the imap processes serving clients.
            start_new_session=True,
        )
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                err = self.proc.stderr.read().decode() if self.proc.stderr else ""
                raise RuntimeError(f"dovecot exited: {err}")
            try:
                with socket.create_connection(("127.0.0.1", self.imap_port), timeout=1) as s:
                    if s.recv(100).startswith(b"* OK"):
                        return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("dovecot did not start")

    def stop(self) -> None:
        if self.proc is None:
            return
        # Like a service restart with shutdown_clients=yes: every process of this instance gets
        # SIGTERM (imap processes say "BYE Server shutting down" and drop their clients).
        pgid = self.proc.pid
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pgid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        time.sleep(0.1)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pgid, signal.SIGKILL)
        self.proc = None
        # The master is gone; wait until its listeners are gone too so a restart can bind.
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.imap_port), timeout=0.2).close()
                time.sleep(0.05)
            except OSError:
                return

    def restart(self) -> None:
        self.stop()
        self.start()

    def doveadm(self, *args: str, stdin: bytes | None = None) -> str:
        res = subprocess.run(
            [DOVEADM, "-c", str(self.config), *args],
            input=stdin,
            capture_output=True,
            timeout=60,
        )
        if res.returncode != 0:
            raise RuntimeError(f"doveadm {args[0]} failed ({res.returncode}): {res.stderr.decode()}")
        return res.stdout.decode()

    def deliver(self, raw: bytes, folder: str = "INBOX", user: str = USER) -> None:
        """Save one message through Dovecot itself (index updated, IDLE clients notified)."""
        self.doveadm("save", "-u", user, "-m", folder, stdin=raw)

    def bulk_write(self, messages: Iterable[bytes], user: str = USER) -> int:
        """Write messages straight into the INBOX maildir's ``new/``: fast for thousands.

        Dovecot picks them up (and gives them UIDs) the next time the mailbox is synced.
        """
        box = self.maildir(user=user)
        new, tmp = box / "new", box / "tmp"
        for d in (box, new, tmp, box / "cur"):
            d.mkdir(parents=True, exist_ok=True)
            os.chown(d, self.mail_uid, self.mail_gid)
        n = 0
        for raw in messages:
            name = f"{time.time_ns()}.{uuid.uuid4().hex}.test"
            (tmp / name).write_bytes(raw)
            os.chown(tmp / name, self.mail_uid, self.mail_gid)
            os.rename(tmp / name, new / name)
            n += 1
        return n

    def count(self, folder: str, user: str = USER) -> int:
        try:
            out = self.doveadm("mailbox", "status", "-u", user, "messages", folder)
        except RuntimeError as exc:
            if "doesn't exist" in str(exc):  # not created by the poller yet
                return 0
            raise
        return int(out.strip().split("=")[1])

    def uidvalidity(self, folder: str = "INBOX", user: str = USER) -> int:
        out = self.doveadm("mailbox", "status", "-u", user, "uidvalidity", folder)
        return int(out.strip().split("=")[1])

    def reset_uids(self, folder: str = "INBOX", user: str = USER) -> None:
        """Drop the folder's UID list and indexes with the server down, as a restore from backup
        or a server migration does: Dovecot then numbers the messages from 1 under a new UIDVALIDITY.
        """
        self.stop()
        box = self.maildir(folder, user)
        for f in box.iterdir():
            if f.name.startswith(("dovecot-uidlist", "dovecot.index")):
                f.unlink()
        time.sleep(1.1)  # UIDVALIDITY is a timestamp in seconds: make sure it changes
        self.start()

    def message_ids(self, folder: str, user: str = USER) -> list[str]:
        out = self.doveadm("fetch", "-u", user, "hdr.message-id", "mailbox", folder)
        ids = []
        for line in out.splitlines():
            if line.lower().startswith("hdr.message-id:"):
                ids.append(line.split(":", 1)[1].strip())
        return ids


def _dovecot_conf(server: DovecotServer, *, internal_user: str, login_user: str) -> str:
    """The instance's ``dovecot.conf``: loopback listeners, maildir, passwd-file users, its own dirs."""
    root = server.root
    caps = f"imap_capability = {server.capabilities}\n" if server.capabilities else ""
    imaps = (
        f"  inet_listener imaps {{\n    address = 127.0.0.1\n    port = {server.imaps_port}\n    ssl = yes\n  }}\n"
        if server.tls_enabled
        else ""
    )
    return f"""
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = {"yes" if server.tls_enabled else "no"}
ssl_cert = <{server.cert}
ssl_key = <{root}/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login xoauth2
default_internal_user = {internal_user}
default_internal_group = {internal_user}
default_login_user = {login_user}
first_valid_uid = 0
first_valid_gid = 0
mail_location = maildir:{root}/mail/%u
mailbox_idle_check_interval = 1 secs
{caps}
namespace inbox {{
  inbox = yes
  separator = /
}}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={server.mail_uid} gid={server.mail_gid} home={root}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {server.imap_port}
  }}
{imaps}}}
service stats {{
  unix_listener stats-writer {{
    mode = 0666
  }}
}}
"""


def make_message(n: int, *, tag: str = "t", body: str | None = None) -> tuple[str, bytes]:
    """A small well-formed RFC 5322 message with a unique Message-ID."""
    mid = f"<{tag}-{n}-{uuid.uuid4().hex[:8]}@customer.example>"
    text = body if body is not None else f"Hello, this is test message number {n}.\r\n"
    raw = (
        f"From: Customer {n} <customer{n}@customer.example>\r\n"
        f"To: support@scrubdesk.example\r\n"
        f"Subject: Test message {n}\r\n"
        f"Message-ID: {mid}\r\n"
        f"Date: Thu, 26 Nov 2026 10:00:00 +0000\r\n"
        f"MIME-Version: 1.0\r\n"
        f"Content-Type: text/plain; charset=utf-8\r\n"
        f"\r\n{text}"
    ).encode()
    return mid, raw
