"""CREDENTIAL on a command line: the value of a password option, as developers paste their shell history (issue 16).

Why this module exists: a secret given to a command has no cue word and often no secret shape ("mysql -u shop
-pkaasschaaf", "redis-server --requirepass 5e0c...", "lftp -u bakker,meelzak"); its option names it. The options are
the documented ones of the tools a web host's customers use:

- ``--password``, ``--passwd``, ``--pass``, ``--requirepass`` and ``--masterauth`` (Redis), ``--passphrase``,
  ``--token`` and ``--with-token``, ``--api-key``/``--apikey``, ``--secret``, ``--client-secret``, ``--auth-token``,
  ``--access-token``, with "=" or a space before the value;
- ``-p`` glued to its value after ``mysql``, ``mysqldump``, ``mysqladmin`` and ``mariadb`` (MySQL's manual: "-p"
  with a space after it asks for the password at a prompt, so only the glued form carries one);
- ``sshpass -p``, ``lftp -u user,password``, ``smbclient -U user%password``, ``htpasswd -b file user password``.

Not a value: a variable (``$DB_PASS``, ``${X}``, ``%X%``), a placeholder in angle brackets, another option, an option
that names a file (``--password-file``), and the nothing after a prompting ``-p``. Quotes around a value are not part
of it; a quoted value may hold spaces.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

# a value: quoted (spaces allowed inside) or a run of non-space characters; not a variable, a placeholder or an option
_VALUE = r"""(?:'(?P<sq>[^'\n]{1,128})'|"(?P<dq>[^"\n]{1,128})"|(?P<bare>(?![-$%<])[^\s'"]{1,128}))"""
_LONG_OPTION = re.compile(
    r"(?<![\w-])--(?:password|passwd|pass|requirepass|masterauth|passphrase|with-token|token|api-?key|secret"
    r"|client-secret|auth-token|access-token)(?:=|[ \t]+)" + _VALUE
)
_MYSQL_GLUED = re.compile(
    r"(?<![\w-])(?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump)\b[^\n|;&]*?[ \t]-p(?=\S)" + _VALUE
)
_SSHPASS = re.compile(r"(?<![\w-])sshpass[ \t]+-p[ \t]*" + _VALUE)
_LFTP = re.compile(r"(?<![\w-])lftp\b[^\n|;&]*?[ \t]-u[ \t]+[^\s,]+," + _VALUE)
_SMBCLIENT = re.compile(r"(?<![\w-])smbclient\b[^\n|;&]*?[ \t]-U[ \t]*[^\s%]+%" + _VALUE)
_HTPASSWD = re.compile(
    r"(?<![\w-])htpasswd[ \t]+(?:-\w+[ \t]+)*-\w*b\w*[ \t]+(?:-\w+[ \t]+)*\S+[ \t]+\S+[ \t]+" + _VALUE
)
_PATTERNS = (_LONG_OPTION, _MYSQL_GLUED, _SSHPASS, _LFTP, _SMBCLIENT, _HTPASSWD)
_HINTS = ("--", "-p", "sshpass", "lftp", "smbclient", "htpasswd")


def flag_passwords(text: str, out: list[RecognizerResult]) -> None:
    """The values of password options on command lines in ``text`` (see the module docstring)."""
    if not any(hint in text for hint in _HINTS):
        return
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            group = "sq" if m.group("sq") is not None else "dq" if m.group("dq") is not None else "bare"
            value = m.group(group)
            if value.startswith("${") or value.endswith("%"):
                continue
            out.append(RecognizerResult("CREDENTIAL", m.start(group), m.end(group), 0.95))
