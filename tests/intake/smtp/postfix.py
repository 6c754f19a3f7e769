"""A throw-away Postfix instance in front of our SMTP server, for the relay tests (issue #15, finding 16).

Debian's ``postfix`` package is run from a config directory of its own (``postfix -c DIR start``) with
its own queue and data directories, listening on a free loopback port and relaying one domain to our
SMTP port, as the README's "Pointing a real mail server at it" section sets it up. The machine's own
mail setup (``/etc/postfix``, port 25, the system queue) is never read or touched. Postfix needs root
to set up its queue (``postfix -c DIR check``) and runs its daemons as the ``postfix`` user.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

POSTFIX = shutil.which("postfix") or "/usr/sbin/postfix"

# Postfix's stock services (Debian's master.cf) without chroot, smtpd on our loopback port only.
MASTER_CF = """\
127.0.0.1:{port} inet n - n - - smtpd
pickup unix n - n 60 1 pickup
cleanup unix n - n - 0 cleanup
qmgr unix n - n 300 1 qmgr
tlsmgr unix - - n 1000? 1 tlsmgr
rewrite unix - - n - - trivial-rewrite
bounce unix - - n - 0 bounce
defer unix - - n - 0 bounce
trace unix - - n - 0 bounce
verify unix - - n - 1 verify
flush unix n - n 1000? 0 flush
proxymap unix - - n - - proxymap
proxywrite unix - - n - 1 proxymap
smtp unix - - n - - smtp
relay unix - - n - - smtp
showq unix n - n - - showq
error unix - - n - - error
retry unix - - n - - error
discard unix - - n - - discard
local unix - n n - - local
anvil unix - - n - 1 anvil
scache unix - - n - 1 scache
postlog unix-dgram n - n - 1 postlogd
"""


def unavailable() -> str | None:
    """Why the Postfix tests cannot run here, or None."""
    if not os.path.exists(POSTFIX):
        return "postfix is not installed (apt-get install postfix, debconf: No configuration)"
    if os.geteuid() != 0:
        return "a private Postfix instance needs root for its queue setup (postfix -c DIR check)"
    return None


@dataclass
class PostfixRelay:
    root: Path
    port: int  # where Postfix's smtpd listens
    relay_to: int  # our SMTP port on 127.0.0.1
    domain: str

    @property
    def config_dir(self) -> Path:
        return self.root / "etc"

    @property
    def log(self) -> Path:
        return self.root / "maillog"

    def setup(self) -> None:
        # The postfix user must traverse to its queue.
        self.root.chmod(0o755)
        for sub in ("etc", "queue", "data"):
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        shutil.chown(self.root / "data", "postfix", "postfix")
        main_cf = {
            "compatibility_level": "3.6",
            "queue_directory": str(self.root / "queue"),
            "data_directory": str(self.root / "data"),
            "maillog_file": str(self.log),
            "maillog_file_prefixes": str(self.root),  # by default only under /var
            "inet_interfaces": "127.0.0.1",
            "inet_protocols": "ipv4",
            "myhostname": "relay.scrubdesk.test",
            "mydomain": "scrubdesk.test",
            "mydestination": "",
            "local_recipient_maps": "",
            "alias_maps": "",
            "alias_database": "",
            "mynetworks": "127.0.0.0/8",
            "relay_domains": self.domain,
            "transport_maps": f"inline:{{ {self.domain}=smtp:[127.0.0.1]:{self.relay_to} }}",
            # Nothing leaves loopback: any other destination (a bounce to a sender) fails at once.
            "default_transport": "error:this test relay delivers to scrubdesk only",
            "smtpd_relay_restrictions": "permit_mynetworks, reject_unauth_destination",
            "smtp_dns_support_level": "disabled",
            "smtp_tls_security_level": "none",
            "smtpd_tls_security_level": "none",
            # Retry a deferred message within seconds instead of minutes. The backoff stays above the
            # scan interval: a scan that finds the message still locked by the delivery agent that
            # just deferred it ("skipped, still being delivered") puts it aside for 60 s.
            "queue_run_delay": "1s",
            "minimal_backoff_time": "3s",
            "maximal_backoff_time": "5s",
            "smtp_connect_timeout": "5s",
            "biff": "no",
        }
        (self.config_dir / "main.cf").write_text("".join(f"{k} = {v}\n" for k, v in main_cf.items()))
        (self.config_dir / "master.cf").write_text(MASTER_CF.format(port=self.port))
        self._postfix("check")

    def _postfix(self, *args: str) -> str:
        res = subprocess.run([POSTFIX, "-c", str(self.config_dir), *args], capture_output=True, text=True,
                             timeout=60)
        if res.returncode != 0:
            raise RuntimeError(f"postfix {' '.join(args)} failed ({res.returncode}): {res.stderr}{self.tail()}")
        return res.stdout + res.stderr

    def start(self) -> None:
        self._postfix("start")
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=2) as s:
                    if s.recv(100).startswith(b"220"):
                        return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"postfix did not start listening{self.tail()}")

    def stop(self) -> None:
        pid_file = self.root / "queue" / "pid" / "master.pid"
        try:
            master = int(pid_file.read_text().split()[0])
        except (OSError, ValueError, IndexError):
            master = None
        with contextlib.suppress(RuntimeError, subprocess.TimeoutExpired):
            self._postfix("stop")
        # Until the master process has gone (its pid file stays behind, so waiting for the file to
        # go took the whole 10 s every time).
        deadline = time.monotonic() + 10
        while master is not None and _alive(master) and time.monotonic() < deadline:
            time.sleep(0.1)

    def queued(self) -> int:
        """Messages still in this instance's queue (incoming, active, deferred, hold).

        A queue file keeps its name (the queue id) when the queue manager moves it between
        directories, and a scan of one directory after another can see a file that moves during the
        scan in both or in neither. So the count is of distinct queue ids, taken when two scans in a
        row agree (a CI run once counted one deferred mail twice: active, then deferred).
        """
        previous: set[str] | None = None
        while True:
            ids = self._queue_ids()
            if ids == previous:
                return len(ids)
            previous = ids
            time.sleep(0.05)

    def _queue_ids(self) -> set[str]:
        queue = self.root / "queue"
        return {p.name for sub in ("incoming", "active", "deferred", "hold", "maildrop")
                for p in (queue / sub).rglob("*") if p.is_file()}

    def deliveries(self) -> list[str]:
        """The delivery status of each attempt in the log (``sent``, ``deferred``, ``bounced``)."""
        if not self.log.exists():
            return []
        return re.findall(r"status=(\w+)", self.log.read_text(errors="replace"))

    def tail(self, lines: int = 30) -> str:
        if not self.log.exists():
            return ""
        return "\n--- postfix log ---\n" + "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


def _alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (a zombie that nobody reaped yet has ended)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"
