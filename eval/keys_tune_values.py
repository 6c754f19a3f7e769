# ruff: noqa: E501  (the values are data: many per line read best)
"""The material of ``eval/make_keys_tune.py`` that was not written by us: real human passwords and gitleaks' false positives.

Why this file exists: three corpora of secrets written by us raised our own scores and left recall on unseen mail
flat (issue 16), because rules catch what their authors imagine. These values come from other people:

- ``PASSWORDS_*``: entries copied in rank order from SecLists (github.com/danielmiessler/SecLists, MIT licence),
  ``Passwords/Common-Credentials/100k-most-used-passwords-NCSC.txt`` (the UK NCSC's list of the most used passwords
  in breach data; blob at commit 13dfe500), ``Language-Specific/German_common-password-list-top-1000.txt`` (00e51eed)
  and ``Language-Specific/richelieu-french-top5000.txt`` (e762813c): the first ~1,000 lines of each were read and a
  spread of entries kept (every few lines), leaving out one- to three-character entries, slurs and obscenities, and
  the bare words "password"/"passwort"/"motdepasse" (they would be found inside the cue word itself). They are what
  people really choose: words with digits, keyboard walks, names and years, leet, football clubs.
- ``GITLEAKS_FPS``: false positives from gitleaks' rule tests (github.com/gitleaks/gitleaks, MIT licence,
  ``cmd/generate/config/rules/*.go``, the ``fps`` lists at commit b58d3f10): placeholders and documentation values
  in key shapes that a secret scanner must not report, and that our policy keeps.

No value here belongs to anyone: the lists are aggregate counts of passwords chosen by millions of people.
"""

from __future__ import annotations

PASSWORDS_EN = (
    "123456", "123456789", "qwerty", "111111", "12345678", "abc123", "1234567", "password1", "12345", "1234567890",
    "123123", "000000", "iloveyou", "1q2w3e4r5t", "qwertyuiop", "monkey", "dragon", "123456a", "654321", "1qaz2wsx",
    "myspace1", "121212", "123qwe", "a123456", "1q2w3e4r", "qwe123", "7777777", "qwerty123", "target123", "987654321",
    "qwerty1", "zxcvbnm", "zag12wsx", "asdfghjkl", "computer", "princess", "ashley", "159753", "michael", "football",
    "sunshine", "1234qwer", "iloveyou1", "789456123", "daniel", "princess1", "abcd1234", "shadow", "football1",
    "love123", "superman", "jordan23", "jessica", "12qwaszx", "baseball", "123456789a", "samsung", "master", "azerty",
    "charlie", "asd123", "soccer", "FQRG7CS493", "michael1", "blink182", "liverpool", "qwer1234", "j38ifUbn",
    "q1w2e3r4", "0123456789", "hello1", "welcome", "tigger", "147258369", "5201314", "q1w2e3r4t5y6", "qazwsxedc",
    "passw0rd", "trustno1", "chocolate", "letmein", "butterfly", "29rsavoy", "mustang", "xbox360", "12341234",
    "50cent", "qweasdzxc", "1qazxsw2", "password12", "hello123", "3rJs1la7qE", "VQsaBLPzLa", "starwars",
    "cjmasterinf", "12345qwert", "wall.e", "tudelft", "DIOSESFIEL", "dpbk1234", "PE#5GZ29PTZMSE", "U38fa39",
    "$HEX", "barcelona", "1qaz2wsx3edc", "metallica", "!ab#cd$", "!~!1", "qwerty12345", "123qweasd", "111222tianya",
    "a1b2c3", "1password", "a838hfiD", "1234abcd", "myspace123", "N0=Acc3ss", "super123", "Exigent", "password123",
    "hellokitty", "1q2w3e4r5t6y", "Password1", "123hfjdk147", "4815162342", "weed420", "Sojdlg123aljg",
    "startfinding", "iw14Fi9j", "iloveyou!", "qazwsx123", "test123", "paSSword", "421uiopy258", "aa123456",
    "P@ssw0rd", "Passw0rd", "p@ssw0rd", "pa55word", "qti7Zxh18U", "uQA9Ebw445", "YAgjecc826", "SZ9kQcCTwY",
    "P3Rat54797", "love4ever", "iverson3", "lebron23", "PolniyPizdec0211", "3d8Cubaj2E", "career121", "W5tXn36alfW",
    "yuantuo2012", "N8ZGT5P0sHw=", "Groupd2013", "3Odi15ngxB", "dIWtgm8492", "D1lakiss", "g9l2d1fzPY",
    "megaparol12345", "1qwerty", "blue22", "sweet16", "ncc1701", "rush2112", "1123581321", "bond007", "john316",
    "kobe24", "mahalkita", "zaq1xsw2", "hg0209",
)

PASSWORDS_DE = (
    "huhbbhzu78", "hallo123", "schalke04", "short98", "Y57gjng4gH", "ficken00", "fussball", "Wega08-08", "Passwort",
    "qwertz", "Schalke04", "passwort1", "ichliebedich", "lincolnboy11", "handball", "sonnenschein", "schatz",
    "dortmund", "master123", "Killer12", "evolutio1", "1qay2wsx", "musikverein", "12cas34", "qw123456", "werder",
    "sternchen", "fcbayern", "feuerwehr", "g00dpa", "kennwort", "paulchen", "yxcvbnm", "AAssdd11", "sonnenblume",
    "geheim", "qwertzuiop", "hannover96", "engelchen", "deutschland", "annalena", "qwertz12", "88ggOx8ouG",
    "schokolade", "passwort123", "30media", "19weed", "porsche911", "24crow", "10pace", "schnuffel", "hallo1234",
    "12qwasyx", "64t3zaWonZ", "59mile", "Jolinachiara1", "dortmund09", "Dlnns73x7P", "321meins", "vAl353nxhC",
    "sdfsb5fgikd", "apollo13", "08154711", "P0FJVV2D5969", "marcus1988", "defaultPassw0rd", "moinmoin",
    "borussia09", "Coyote22", "r2d2c3po", "Amilo2528", "anfang123", "Feuerwehr112", "gapostar5000", "Adidas123",
    "Einslive1aa", "Flocke123", "Bademeister", "nabilnabil94", "amour100", "1q2w3e4r5t6z", "querquer2",
    "keineahnung", "norbert007", "8112354s", "anno1503", "Denis.1101", "olli3168", "Original75!", "1337Tucker",
    "20himmel3", "HellaBaer2", "spocht1621", "Jr161011",
)

PASSWORDS_FR = (
    "azerty", "marseille", "1234561", "doudou", "loulou", "soleil", "chouchou", "bonjour", "jetaime", "coucou",
    "camille", "010203", "chocolat", "maxime", "wxcvbn", "oceane", "pompier", "12345671", "princesse", "caramel",
    "papillon", "louloute", "vanille", "chipie", "azerty123", "Telechargement", "mamour", "etoile", "choupette",
    "monamour", "aqwzsx", "zouzou", "pepette", "noisette", "tigrou", "pupuce", "moncoeur", "ordinateur",
    "18n28n24a5", "biloute", "gribouille", "crevette", "calimero", "madinina", "marseille13", "171204jg",
    "reglisse", "123soleil", "vRbGQnS997", "bl8LYGB0", "fsd9shtyut", "L58jkdjP!m", "6hBf28W791", "toietmoi",
    "qsdfghjklm", "aqwzsxedc", "toulouse31", "kimbum1", "12301230", "6666661", "soleil13", "azerty12",
    "7894561231", "Eh1K9oh335", "gwada971", "lavieestbelle", "mot2passe", "reunion974", "lyon69", "ka_dJKHJsy6",
    "allezlom", "7fperlangel", "zidane10", "pastis51", "bordeaux33", "noncapa09", "history278", "92k2cizCdP",
    "1zn6FpN01x", "azerty31", "mars13", "mamanjtm", "123QWE123", "jet'aime", "nbvcxw",
)

# gitleaks' false positives (one per line, as they stand in its rule tests): values that look like keys but are none
GITLEAKS_FPS = (
    "key = AKIAXXXXXXXXXXXXXXXX",
    "aws_access_key: AKIAIOSFODNN7EXAMPLE",
    "client_secret=bP88Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "key = 4b1dXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
    "CO_API_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "curl -u <user:password> https://test.com/endpoint",
    'curl -u "${_username}:${_password}"',
    'curl https://example.com/micropub -d h=entry -d "content=Hello World" -H "Authorization: Bearer XXXXXXXXXXXX"',
    "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "github_pat_xxxxxxxxxxxxxxxxxxxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "glpat-XXXXXXXXXXX-XXXXXXXX",
    "glsa_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX_AAAAAAAA",
    "hvs.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "ico-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
    "PERPLEXITY_API_KEY=pplx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    'PREFECT_API_KEY = "pnu_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"',
    "xoxb-xxxxxxxxx-xxxxxxxxxx-xxxxxxxxxxxx",
    "xoxa-faketoken",
    "export SUMOLOGIC_ACCESSID=XXXXXXXXXXXXXX",
    "SUMO_ACCESS_KEY=${SUMO_ACCESS_KEY:=$2}",
    'sumo_access_key   = "<SUMOLOGIC ACCESS KEY>"',
    "  <UserSecretsId>79a3edd0-2092-40a2-a04d-dcb46d5ca9ed</UserSecretsId>",
    'LIC_FILES_CHKSUM = "file://${WORKDIR}/license.html;md5=5c94767cedb5d6987c902ac850ded2c6"',
    "<Color x:Key=\"NormalBrushGradient1\">#FFBAE4FF</Color>",
    "oktaKey = 00000000000000000000000000000000000TUVWXYZ",
    '"token5": "xoxp-000000000000-000000000000-000000000000-00000000000000000000000000000000"',
)
