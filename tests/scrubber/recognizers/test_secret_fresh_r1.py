"""Issue 16, credentials round 1 on the fresh corpora: mechanisms their writers used that the rules did not know.

Each row names a mechanism -- a config key that names a secret (JSON, PHP, compose lists, SQL), a connection URL
whose user is empty or an e-mail address, the answer to a security question, a value on a "label: value" line
whatever its shape, a card's code after its expiry under a cue of its own, a one-time code typed digit by digit --
not a message of a corpus: the sentences and values are made up for these tests.
"""

from __future__ import annotations

import pytest

from tests.scrubber.checks import TableCheck

CREDENTIAL = [
    # config keys that name a secret: the value, whatever its shape (a hex string, plain words)
    ('{\n  "smtpPassword": "tulpenveld",\n  "port": 587\n}', "tulpenveld"),
    ('  "apiSecret": "9c4e1b7a2d6f8e30a5b1c7d9e2f4a6b8",', "9c4e1b7a2d6f8e30a5b1c7d9e2f4a6b8"),
    ("define( 'MAIL_PASS', 'regenboog_en_zon' );", "regenboog_en_zon"),
    ("    environment:\n      - MYSQL_ROOT_PASSWORD=kaasplank-oud-met-mosterd", "kaasplank-oud-met-mosterd"),
    ('      - "SESSION_SECRET=vergeet-mij-niet-2025"', "vergeet-mij-niet-2025"),
    ("CREATE USER 'kassa'@'%' IDENTIFIED BY 'Bloemkool&Prei';", "Bloemkool&Prei"),
    ("CREATE ROLE rapport LOGIN PASSWORD 'molenwiek';", "molenwiek"),
    ("$config['smtp_pass'] = 'hazelnoot';", "hazelnoot"),
    ("'password' => 'vlinderdas',", "vlinderdas"),
    # a connection URL whose user is empty or an e-mail address
    ("REDIS_URL=redis://:vuurtoren88vuurtoren@cache.lan:6379/0", "vuurtoren88vuurtoren"),
    ("DSN=smtp://info@bakkerij-vos.nl:Taart!Mooi9@smtp.bakkerij-vos.nl:587", "Taart!Mooi9"),
    # the answer to a security question or a memorable word, in nl/en/de/fr
    ("mijn beveiligingsvraag is de naam van mijn eerste huisdier: Pluisje", "Pluisje"),
    ("the secret question is my mother's maiden name, it's Ashworth.", "Ashworth"),
    ("Ze stelden de geheime vraag. Het antwoord (de straat waar ik opgroeide) was Lindelaan.", "Lindelaan"),
    ("Sicherheitsfrage: Name der ersten Schule - Antwort: Sonnenhof", "Sonnenhof"),
    ("question secrète : ville de naissance de ma mère, réponse Quimper", "Quimper"),
    ("my security answer is Tintagel (where we got married)", "Tintagel"),
    ("savings login\nmemorable word: marmalade\nthanks", "marmalade"),
    # a value on a "label: value" line, whatever its shape, up to the clause's end
    ("sftp user: bloemist\nsftp pass: kingfisher\n", "kingfisher"),
    ("wachtwoord van de wifi voor de schilder: Appel-Taart (netwerk: Atelier)", "Appel-Taart"),
    ("dashboard auth pass: Hagelslag-Met-Boter\n", "Hagelslag-Met-Boter"),
    # a bare cue and a lone word, then a remark in brackets
    ("login is beheer ww zeepaardje (ik weet het, ik verander hem)", "zeepaardje"),
    # a passphrase of two uncommon words after a verb of changing, and one ended by an emoji
    ("ik heb het wachtwoord gewijzigd in paarsekikker Dribbel maar Outlook weigert", "paarsekikker Dribbel"),
    ("my passphrase is purple walrus lantern 🙈 do not share", "purple walrus lantern"),
    # a password column of a table aligned with spaces
    ("Login            Password\nkapsalon_web     Schaar&Kam=Knip\n\nbedankt", "Schaar&Kam=Knip"),
    # a one-time code typed digit by digit after its cue
    ("de sms-code is 4 9 1 7 0 3 maar hij is al verlopen", "4 9 1 7 0 3"),
]

CARD_CODE = [
    # a card's code after its expiry, under a cue the card rules did not list
    ("kaart 4111 1111 1111 1111, geldig tot 04/28, de drie cijfers 317 graag", "317"),
    ("card 5555 5555 5555 4444 valid 09/27, security 642. thanks", "642"),
    ("creditcard 4012 8888 8888 1881 tot 10/26. Controle 559.", "559"),
]

NOT_CREDENTIAL = [
    # config keys that name no secret, or whose value is explained (a URL, a reference, empty, a number)
    ('{"tokenType": "Bearer", "secretName": "prod-db-credentials"}', "prod-db-credentials"),
    ('"passwordMinLength": 12,', "12"),
    ('"tokenUrl": "https://auth.voorbeeld.nl/oauth/token",', "https://auth.voorbeeld.nl/oauth/token"),
    ("      - DB_PASSWORD=${DB_PASSWORD}", "${DB_PASSWORD}"),
    ("define('DB_PASSWORD', getenv('DB_PASSWORD'));", "getenv"),
    # a value masked or redacted by the customer: no secret left in it
    ('{"smtpPassword": "*****", "port": 465}', "*****"),
    ("'password' => '[redacted]',", "[redacted]"),
    ("sftp pass: xxxx\n", "xxxx"),
    # a security question talked about, not answered
    ("ik weet het antwoord op mijn geheime vraag niet meer", "meer"),
    ("the security question does not work for me, can you reset it?", "work"),
    ("welke beveiligingsvraag heb ik ingesteld?", "ingesteld"),
    # a label line that says something of the password instead of giving it
    ("ftp pass: see the other mail\n", "see"),
    ("wachtwoord: onbekend\n", "onbekend"),
    # two everyday words after a verb of changing, and an aligned table without a password column
    ("ik heb het wachtwoord gewijzigd in de portal maar Outlook weigert", "de portal"),
    ("het wachtwoord wordt voortdurend afgekeurd. Wat nu?", "voortdurend afgekeurd"),
    ("Naam          Rol\nbeheerder     admin\n", "admin"),
    # a config file's name and an encoding's name after a secret's cue
    ("the api token in my settings.local.json leaked", "settings.local.json"),
    ("de secret staat in de values-prod.yaml", "values-prod.yaml"),
    ("the secret below is base64 encoded", "base64"),
    ("het token is ondertekend met sha256", "sha256"),
    # a number after a card's expiry that is an amount
    ("kaart 4111 1111 1111 1111 tot 04/28, bedrag 120 euro", "120"),
]


@pytest.mark.parametrize(("text", "value"), CREDENTIAL)
def test_credential(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "CREDENTIAL")


@pytest.mark.parametrize(("text", "value"), CARD_CODE)
def test_card_code(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "CREDIT_CARD")


@pytest.mark.parametrize(("text", "value"), NOT_CREDENTIAL)
def test_not_credential(assert_not_recognised_as: TableCheck, text: str, value: str) -> None:
    assert_not_recognised_as(text, value, "CREDENTIAL")
    assert_not_recognised_as(text, value, "CREDIT_CARD")
