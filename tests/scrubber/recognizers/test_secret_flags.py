"""Issue 16, credentials by author: a secret passed on a command line, as developers paste their shell history.

``mysql -u shop -pX`` (the value glued to ``-p``), ``--password=X``, ``--requirepass X``, ``--token X``, ``sshpass
-p X``, ``lftp -u user,X``, ``smbclient -U user%X``, ``htpasswd -b file user X``: the value is the secret whatever its
shape. The rows are made up for these tests.
"""

from __future__ import annotations

import pytest

from tests.scrubber.checks import TableCheck

CREDENTIAL = [
    ("$ mysql -h db.example.nl -u winkel_rw -pkaasschaaf winkel_db", "kaasschaaf"),
    ("mysqldump -uroot -p'Vlinder met stip' shop > dump.sql", "Vlinder met stip"),
    ("mariadb -u app --password=regenton appdb", "regenton"),
    ("command: redis-server --requirepass 5e0c2a9b7d1f4e6a8c3b0d2f4a6e8c1b", "5e0c2a9b7d1f4e6a8c3b0d2f4a6e8c1b"),
    ("redis-server --masterauth zeemeeuw --port 6380", "zeemeeuw"),
    ("./deploy.sh --api-key kraanvogel --env prod", "kraanvogel"),
    ('gh auth login --with-token "wolkenkrabber"', "wolkenkrabber"),
    ("restic backup --password-file /etc/x && borg --passphrase 'tulp en narcis' create", "tulp en narcis"),
    ("lftp -u bakker,meelzak ftp.bakker.nl", "meelzak"),
    ("smbclient //nas/share -U admin%fietsbel", "fietsbel"),
    ("htpasswd -b /etc/nginx/.htpasswd klant zonnebloem", "zonnebloem"),
    ("sshpass -p molenwiek ssh beheer@server", "molenwiek"),
    ("wget --user=klant --password kantoorplant https://files.example.nl/x.zip", "kantoorplant"),
]

NOT_CREDENTIAL = [
    # a prompt for the password, a variable, a file of secrets, a placeholder, a port
    ("mysql -u root -p winkel_db", "winkel_db"),
    ("mysql -u root -p -h db.example.nl", "db.example.nl"),
    ("restic backup --password-file /etc/restic/pw", "/etc/restic/pw"),
    ("./deploy.sh --api-key <your-key> --env prod", "<your-key>"),
    ("mysql -h db -P 3307 -u app -p", "3307"),
    ("ssh -p 2222 beheer@server", "2222"),
    ("tar -czf backup.tgz --exclude=node_modules .", "node_modules"),
]


@pytest.mark.parametrize(("text", "value"), CREDENTIAL)
def test_credential_on_command_line(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "CREDENTIAL")


@pytest.mark.parametrize(("text", "value"), NOT_CREDENTIAL)
def test_not_credential(assert_not_recognised_as: TableCheck, text: str, value: str) -> None:
    assert_not_recognised_as(text, value, "CREDENTIAL")
