# ruff: noqa: E501  (the messages are data: one per line reads best)
"""Write ``eval/pii_tune_secrets.jsonl``: a TUNING batch of secrets and their hard negatives (issue 16).

Why this file exists: the issue's secrets section asks for deny by default on secret-shaped tokens and for
cues in nl/en/de/fr with their abbreviations and typos; the existing probes (``eval/make_probes.py``) sweep
nl/en cues with a few spellings only. This generator sweeps, seeded:

- password cues of four languages as customers type them ("wachtwoort", "ww", "pwd", "Passwort", "Kenwort",
  "mdp", "mot de pass", "toegangscode", "inlogcode") with their markers (":", "=", "is", "->", next line,
  a table cell, a quoted reply), times value shapes (word+digits+symbol, leet, random, lower word+digits,
  plain capitalised word, passphrases of 3-4 words, "correct horse battery staple");
- secrets without any cue but with a secret shape, in four languages' sentences;
- user/password pairs ("admin / x", "user: x pass: y", "login x:y", CSV rows with a password column);
- PINs, PUK codes, one-time codes, recovery codes, Wi-Fi keys (WPA phrases, 20-digit router keys);
- vendor keys by their documented prefixes, JWTs, SSH/PEM private key blocks, basic auth in URLs;
- hard negatives that must stay: product and version names (Win11, Office365, PHP8.2, iPhone15, B2B),
  SKU/order/ticket references, host and file names, hex colours, MAC addresses, hashes, prose after a cue.

Annotated by ../shared/docs/pii-policy.md: CREDENTIAL is the secret itself (a passphrase is one value, a URL's
password only the password); order, invoice and ticket numbers are INVOICE_NUMBER and domains/host names DOMAIN
(both kept). Every value, key and word is generated or general vocabulary; nothing is real.

Deterministic: ``.venv/bin/python eval/make_secrets_tune.py`` writes the file (every value is checked to stand
in its text). It is a tuning corpus split by ``eval/split.py``; it was committed before the scrubber was run on it.
"""

from __future__ import annotations

import base64
import random
import string
from collections.abc import Iterator
from pathlib import Path

from tune_corpus import write_corpus

OUT = Path(__file__).with_name("pii_tune_secrets.jsonl")
C, INV, DOM = "CREDENTIAL", "INVOICE_NUMBER", "DOMAIN"
Ent = tuple[str, str]
Msg = tuple[str, str, str, list[Ent]]  # lang, channel, text, entities

WORDS = {
    "nl": ["tulpen", "fietsbel", "kaasschaaf", "molenwiek", "zonnebloem", "boterham", "regenjas", "strandpaal",
           "appeltaart", "kippenhok", "zeehond", "drop", "stroopwafel", "paardenbloem", "vuurtoren", "winterjas"],
    "en": ["pumpkin", "lighthouse", "marmalade", "sunflower", "walrus", "teapot", "raincoat", "biscuit",
           "hedgehog", "lantern", "pebble", "thunder", "meadow", "cobbler", "falcon", "harbour"],
    "de": ["schnecke", "apfelbaum", "wolke", "kuckuck", "brezel", "leuchtturm", "igel", "gurke", "wanderweg",
           "honigbiene", "tannenzapfen", "sonnenschirm", "zwerg", "kastanie", "mauer", "eichel"],
    "fr": ["escargot", "citrouille", "marmotte", "tournesol", "grenouille", "baguette", "parapluie", "lapin",
           "hirondelle", "fromage", "coquelicot", "moulin", "brioche", "sapin", "papillon", "renard"],
}
PHRASE_WORDS = ["correct", "horse", "battery", "staple", "purple", "monkey", "dishwasher", "orange", "river",
                "kettle", "velvet", "canyon", "maple", "rocket", "zebra", "violin", "harbor", "cactus", "tiger",
                "molen", "haven", "paraplu", "komkommer", "giraffe", "wolkenkrabber", "ijsbeer", "kaneel"]

# (lang, cue as typed); the typos and abbreviations customers use
CUES = {
    "nl": ["wachtwoord", "Wachtwoord", "wachtwoort", "wachtwood", "wachwoord", "ww", "WW", "wachtw.", "pw",
           "paswoord", "inlogcode", "toegangscode", "Wachtwoord nieuw", "nieuwe ww", "wachtwoord mailbox"],
    "en": ["password", "Password", "pasword", "passwrd", "pwd", "pw", "pass", "PW", "pswd", "passw",
           "new password", "admin password", "mailbox pwd"],
    "de": ["Passwort", "passwort", "Kennwort", "Kenwort", "Passwrt", "PW", "Zugangscode", "neues Passwort",
           "Paßwort", "Pw", "Admin-Passwort"],
    "fr": ["mot de passe", "Mot de passe", "mdp", "MDP", "mot de pass", "mot-de-passe", "nouveau mdp",
           "code d'accès", "mot de passe admin", "Mdp"],
}
MARKERS = [": ", ":", " = ", " is ", " -> ", " - ", "\n", ":\n", " = \"{}\"", " '{}'"]
VERB = {"nl": " is ", "en": " is ", "de": " ist ", "fr": " est "}

FRAMES = {
    "nl": ["hoi, inloggen op de webmail lukt niet. {X} . wat doe ik fout?",
           "Beste support,\n\nVoor de verhuizing van de site hierbij de gegevens van de oude host:\ngebruiker: beheer\n{X}\n\nAlvast bedankt!",
           "{X}\ngraag even checken want hij blijft weigeren",
           "Goedemiddag, de wordpress admin geeft 'onjuist wachtwoord'. Ik gebruik {X} , al drie keer geprobeerd.",
           "ff snel: {X} (de mailbox van de zaak)",
           "> {X}\n\nKlopt dit nog of is het gewijzigd?"],
    "en": ["hi, I can't log into the control panel. {X} . any idea?",
           "Hello,\n\nFor the migration, here are the old host's details:\nuser: admin\n{X}\n\nThanks in advance",
           "{X}\nplease check it, it keeps refusing",
           "Good afternoon, WordPress says 'incorrect password'. I'm using {X} , tried it three times.",
           "quick one: {X} (the shop mailbox)",
           "> {X}\n\nIs this still right or did it change?"],
    "de": ["Hallo, ich komme nicht ins Webmail. {X} . Was mache ich falsch?",
           "Guten Tag,\n\nfür den Umzug hier die Zugangsdaten des alten Hosters:\nBenutzer: admin\n{X}\n\nDanke im Voraus",
           "{X}\nbitte prüfen, es wird immer abgelehnt",
           "Das Login klappt nicht, ich nehme {X} , schon dreimal versucht.",
           "> {X}\n\nStimmt das noch?"],
    "fr": ["bonjour, je n'arrive pas à me connecter au webmail. {X} . une idée ?",
           "Bonjour,\n\nPour la migration, voici les accès de l'ancien hébergeur :\nutilisateur : admin\n{X}\n\nMerci d'avance",
           "{X}\nmerci de vérifier, ça refuse toujours",
           "La connexion échoue, j'utilise {X} , essayé trois fois.",
           "> {X}\n\nC'est toujours bon ?"],
}


def _rand(rng: random.Random, n: int, alphabet: str = string.ascii_letters + string.digits) -> str:
    while True:
        v = "".join(rng.choice(alphabet) for _ in range(n))
        if any(c.isdigit() for c in v) and any(c.isupper() for c in v) and any(c.islower() for c in v):
            return v


def _leet(word: str) -> str:
    return word.replace("e", "3").replace("a", "@").replace("o", "0").replace("i", "1").replace("s", "$")


def password(rng: random.Random, lang: str) -> tuple[str, str]:
    """A password of a random shape (shape name, value)."""
    w = rng.sample(WORDS[lang], 2)
    sym = rng.choice("!@#$%&*?+")
    shapes = [
        ("word+digits+sym", w[0].capitalize() + str(rng.randint(1, 2025)) + sym),
        ("sym inside", w[0].capitalize() + sym + str(rng.randint(10, 99))),
        ("two words", w[0].capitalize() + sym + w[1].capitalize() + str(rng.randint(1, 9))),
        ("leet", _leet(w[0]).capitalize() + str(rng.randint(1, 99))),
        ("random", _rand(rng, rng.randint(10, 16))),
        ("random sym", _rand(rng, 12, string.ascii_letters + string.digits + "!#%&*^~")),
        ("lower+digits", w[1] + str(rng.randint(10, 2024))),
        ("title+digits", w[1].capitalize() + str(rng.randint(10, 2024))),
        ("plain title", w[0].capitalize() + w[1]),
        ("upper+digits", w[0].upper() + str(rng.randint(1, 99))),
    ]
    return rng.choice(shapes)


def phrase(rng: random.Random) -> str:
    return " ".join(rng.sample(PHRASE_WORDS, rng.choice([3, 4, 4])))


def cued(rng: random.Random) -> Iterator[Msg]:
    """Cue (with typos) + marker + value, inside a customer's frame."""
    for lang in ("nl", "en", "de", "fr"):
        for _ in range(22):
            cue = rng.choice(CUES[lang])
            kind = rng.random()
            value = phrase(rng) if kind < 0.15 else password(rng, lang)[1]
            marker = rng.choice(MARKERS if kind >= 0.15 else [": ", " = ", "\n", VERB[lang]])
            if marker == " is ":
                marker = VERB[lang]
            x = cue + (marker.format(value) if "{}" in marker else marker + value)
            frame = rng.choice(FRAMES[lang])
            if "\n" in x and frame.startswith("> "):
                frame = FRAMES[lang][0]
            yield lang, rng.choice(["email", "whatsapp", "webform", "telegram"]), frame.replace("{X}", x), [(C, value)]


HAND: list[Msg] = [
    ("en", "email", "Hi,\n\nthe password for the FTP account is correct horse battery staple, please don't share it.\n\nRegards", [(C, "correct horse battery staple")]),
    ("en", "whatsapp", "pw is correct horse battery staple lol (yes like the comic)", [(C, "correct horse battery staple")]),
    ("nl", "whatsapp", "het ww is nu paarse olifant fietst snel maar die pakt ie niet", [(C, "paarse olifant fietst snel")]),
    ("nl", "email", "Beste,\n\nIk heb geprobeerd in te loggen met Zomer2024! en daarna met Winter2024! maar beide geven een fout.\n\nGroet", [(C, "Zomer2024!"), (C, "Winter2024!")]),
    ("en", "telegram", "tried T!ger4ever and Tiger4ever, neither works on the webmail", [(C, "T!ger4ever"), (C, "Tiger4ever")]),
    ("de", "email", "Hallo,\n\nich habe mich mit Sonnenschein#88 angemeldet, aber es kommt 'Zugriff verweigert'.\n\nGruß", [(C, "Sonnenschein#88")]),
    ("fr", "email", "Bonjour,\n\nj'ai essayé Marmotte&2023 puis marmotte2023 sans succès.\n\nCordialement", [(C, "Marmotte&2023"), (C, "marmotte2023")]),
    ("nl", "whatsapp", "user: kapsalon\npass: Kn1pp3n!\nkan je kijken?", [(C, "Kn1pp3n!")]),
    ("en", "email", "Login details for the staging site:\nadmin / Hx7#pLq2vR\n\nCheers", [(C, "Hx7#pLq2vR")]),
    ("nl", "email", "Inloggegevens FTP: ftpuser / Strandpaal12", [(C, "Strandpaal12")]),
    ("en", "webform", "Username: shopadmin Password: Ql9!xvTz3", [(C, "Ql9!xvTz3")]),
    ("de", "email", "Zugangsdaten:\nBenutzername: shop\nKennwort: Brezel!2022", [(C, "Brezel!2022")]),
    ("fr", "webform", "identifiant : boutique\nmot de passe : Lapin-Rose-77", [(C, "Lapin-Rose-77")]),
    ("en", "email", "Here is the export you asked for:\n\nusername,password,role\nadmin,Vz8!kQ2m,administrator\neditor,Pumpkin2023,editor\n\nThanks", [(C, "Vz8!kQ2m"), (C, "Pumpkin2023")]),
    ("nl", "email", "gebruiker;wachtwoord\nbeheer;Tulpen#2021\nredactie;zeehond44", [(C, "Tulpen#2021"), (C, "zeehond44")]),
    ("en", "telegram", "mysql login is shop_rw:Bq4$Lm9pXz from the app server", [(C, "Bq4$Lm9pXz")]),
    ("en", "email", "The connection string is mysql://shop:Kf8w2LpQzr@db1.internal:3306/shop - is the DB down?", [(C, "Kf8w2LpQzr")]),
    ("nl", "email", "Backup draait via ftp://backup:Molen!wiek9@ftp.bakkerij-jansen.nl/dumps maar faalt sinds gisteren.", [(C, "Molen!wiek9"), (DOM, "ftp.bakkerij-jansen.nl")]),
    ("en", "email", "Our deploy uses https://deploy:ghp_R4nd0mT0k3nV4lu3Xq8Lm2Np6Ws9Yt1Zk3Bc@github.com/acme/site.git", [(C, "ghp_R4nd0mT0k3nV4lu3Xq8Lm2Np6Ws9Yt1Zk3Bc")]),
    ("nl", "whatsapp", "pincode van de telefoon is 4827, puk 38201947", [(C, "4827"), (C, "38201947")]),
    ("en", "email", "My SIM is locked, PUK code 19283746. PIN was 0000 before.", [(C, "19283746"), (C, "0000")]),
    ("de", "email", "Die PIN für das Kundenkonto lautet 7731, die PUK 55012938.", [(C, "7731"), (C, "55012938")]),
    ("fr", "whatsapp", "le code pin c'est 2468 et le puk 90817263", [(C, "2468"), (C, "90817263")]),
    ("nl", "whatsapp", "ik krijg een sms met 482 913 maar die code werkt niet", [(C, "482 913")]),
    ("en", "email", "The verification code I received was 730194, but it says expired.", [(C, "730194")]),
    ("de", "email", "Der Bestätigungscode 583920 wird nicht akzeptiert.", [(C, "583920")]),
    ("fr", "email", "Le code de vérification 614205 ne passe pas.", [(C, "614205")]),
    ("en", "email", "Recovery codes:\n8f2k-9xq4\nm3zt-7hw1\np0de-k2j8\nI used the first one already.", [(C, "8f2k-9xq4"), (C, "m3zt-7hw1"), (C, "p0de-k2j8")]),
    ("nl", "email", "Mijn herstelcodes zijn 4829 1736 en 9037 2651, de eerste is gebruikt.", [(C, "4829 1736"), (C, "9037 2651")]),
    ("nl", "whatsapp", "wifi wachtwoord is Zeehond!Strand42 voor de gasten", [(C, "Zeehond!Strand42")]),
    ("de", "email", "Der WLAN-Schlüssel der FRITZ!Box 7590 ist 4821 9921 0032 7711 5506.", [(C, "4821 9921 0032 7711 5506")]),
    ("de", "email", "WLAN-Netzwerkschlüssel: 38472910384756102938", [(C, "38472910384756102938")]),
    ("fr", "email", "La clé WPA de la box est 7E4F91A2C3D5B6E8F0A1C2D3 (imprimée dessous).", [(C, "7E4F91A2C3D5B6E8F0A1C2D3")]),
    ("en", "whatsapp", "wifi key: purplemonkey88", [(C, "purplemonkey88")]),
    ("nl", "email", "netwerksleutel: kaas-schaaf-fiets-77", [(C, "kaas-schaaf-fiets-77")]),
    ("en", "email", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACBmYWtla2V5ZmFrZWtleWZha2VrZXlmYWtla2V5ZgAAAJgAAAAA\n-----END OPENSSH PRIVATE KEY-----\nthat's the key I use, why does it fail?", [(C, "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACBmYWtla2V5ZmFrZWtleWZha2VrZXlmYWtla2V5ZgAAAJgAAAAA\n-----END OPENSSH PRIVATE KEY-----")]),
    ("nl", "email", "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0LXVzZXIiLCJpYXQiOjE3MDAwMDAwMDB9.c2lnbmF0dXJlLWZha2UtdmFsdWU\ngeeft 401 terug", [(C, "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0LXVzZXIiLCJpYXQiOjE3MDAwMDAwMDB9.c2lnbmF0dXJlLWZha2UtdmFsdWU")]),
    ("en", "email", "The session cookie was token=eyJ0eXAiOiJKV1QifQ.eyJ1aWQiOjQyfQ.ZmFrZXNpZ25hdHVyZTEyMw; it keeps expiring.", [(C, "eyJ0eXAiOiJKV1QifQ.eyJ1aWQiOjQyfQ.ZmFrZXNpZ25hdHVyZTEyMw")]),
]

NEGATIVES: list[Msg] = [
    ("nl", "email", "Sinds de update naar PHP8.2 werkt de Office365 koppeling niet meer op mijn Win11 laptop.", []),
    ("en", "whatsapp", "my iPhone15 won't sync the mailbox, the iPad works fine. both on iOS 17.4.1", []),
    ("nl", "email", "Wij zijn een B2B webshop en willen ook B2C gaan doen. Welk pakket raden jullie aan?", []),
    ("en", "email", "I ordered SKU-4821-BLK and SKU-4822-WHT, order ORD-2024-00391, but only got one.", [(INV, "ORD-2024-00391")]),
    ("nl", "email", "Factuur F2024-00123 klopt niet, het artikel ART20931 staat er twee keer op.", [(INV, "F2024-00123")]),
    ("en", "email", "Ticket TCK-20931 is still open, see also #48213.", [(INV, "TCK-20931")]),
    ("nl", "email", "De server srv-ams-03 en web01.hosting-noord.nl reageren traag sinds 10:30u.", [(DOM, "web01.hosting-noord.nl")]),
    ("en", "email", "The file backup_2024-03-01.tar.gz and IMG_4821.JPG are missing from the restore.", []),
    ("nl", "email", "Kunnen jullie de knopkleur naar #1A2B3C zetten en de links naar #ff6600?", []),
    ("en", "email", "We run WordPress 6.4.3 with WooCommerce 8.5.2 on PHP 8.1.27 and node v18.19.0.", []),
    ("de", "email", "Mein Router ist ein RT-AX86U, der NAS ein DS920+ mit 2x4TB. Der i7-12700K läuft gut.", []),
    ("fr", "email", "J'ai un Galaxy S23 et un MacBookPro M2, la synchro avec Outlook365 échoue.", []),
    ("en", "email", "MAC address 3C:22:FB:1A:9E:04 keeps getting a new IP from the DHCP pool.", []),
    ("nl", "email", "De commit a3f9c2e brak de build, de vorige (9b1d04f) werkte nog.", []),
    ("en", "email", "Database collation is utf8mb4_unicode_ci, region eu-west-1, arch x86_64.", []),
    ("nl", "whatsapp", "mijn wachtwoord werkt niet meer sinds gisteren, kunnen jullie hem resetten?", []),
    ("en", "email", "I forgot my password again. The reset link expired after 15 minutes.", []),
    ("de", "email", "Passwort vergessen – bitte einen neuen Link an die hinterlegte Adresse schicken.", []),
    ("fr", "email", "Mot de passe oublié, le lien de réinitialisation ne marche pas.", []),
    ("nl", "email", "Het wachtwoord heb ik via de resetlink aangepast, nu lukt het weer. Bedankt!", []),
    ("en", "email", "Error code 0x80070005 when Outlook 2019 tries to sync, HTTP 403 from the server.", []),
    ("nl", "email", "De verificatiecode komt niet aan op mijn 06, kunnen jullie die opnieuw sturen?", []),
    ("en", "email", "Our SPF is v=spf1 include:_spf.google.com ~all and the DKIM selector is s1.", []),
    ("de", "email", "Rechnung RE-2024-0456 über 49,95 € wurde doppelt abgebucht.", [(INV, "RE-2024-0456")]),
    ("fr", "email", "La facture FA2024-0789 mentionne 2x le même domaine.", [(INV, "FA2024-0789")]),
    ("en", "email", "Upgrading from Win10Pro to Win11Pro broke the VPN (OpenVPN 2.6.8, TLSv1.3).", []),
    ("nl", "email", "Ik heb de COVID-19 pagina verwijderd maar Google toont hem nog, ook in 4G/5G zoekresultaten.", []),
    ("en", "whatsapp", "USB-C dock works, Wi-Fi 6E too, only IPv6 fails on the FRITZ!Box 7590", []),
    ("nl", "email", "Bestelnummer 2024-118733, pakket 3SABCD1234567 is nog niet bezorgd.", [(INV, "2024-118733")]),
    ("en", "email", "The cron */5 * * * * runs php artisan schedule:run, RAM is 8GB, disk 250GB SSD.", []),
    ("de", "email", "Im Log steht SHA256:9fKq2Lm8x und die Version 2.4.57-1ubuntu2.", []),
    ("fr", "email", "Le thème Astra 4.6.3 et Elementor 3.19 plantent avec PHP8.3.", []),
    ("nl", "email", "Ons abonnement Pro2024 loopt af, kunnen we naar Business2025?", []),
    ("en", "email", "The function getUserById2 in userService.ts throws after the refactor.", []),
    ("nl", "email", "Ik heb de pagina /shop/product-123-rood.html hernoemd naar /shop/rood-123.html.", []),
    ("en", "email", "Model number WRT54GL, serial on the sticker is not readable.", []),
]


def no_cue(rng: random.Random) -> Iterator[Msg]:
    """A secret-shaped value without any cue word, in ordinary sentences."""
    frames = {
        "nl": ["ik heb {v} al 3x geprobeerd maar het lukt niet", "met {v} kom ik er ook niet in", "misschien {v}? dat gebruik ik overal"],
        "en": ["I typed {v} exactly and it still fails", "does {v} have a special character problem?", "used {v} for the webmail"],
        "de": ["ich habe {v} eingegeben, klappt nicht", "mit {v} geht es auch nicht"],
        "fr": ["j'ai tapé {v} et ça ne marche pas", "avec {v} ça refuse aussi"],
    }
    for lang in ("nl", "en", "de", "fr"):
        for _ in range(8):
            shape, v = password(rng, lang)
            if shape in ("plain title", "lower+digits", "title+digits", "upper+digits"):
                shape, v = "random", _rand(rng, 12)
            yield lang, "chat", rng.choice(frames[lang]).format(v=v), [(C, v)]


def _b64(s: str) -> str:
    return base64.urlsafe_b64encode(s.encode()).decode().rstrip("=")


def vendor_keys(rng: random.Random) -> Iterator[Msg]:
    """Keys and tokens of common providers by prefix, with and without a cue."""
    an = string.ascii_letters + string.digits
    keys = [
        "sk_live_" + _rand(rng, 24), "rk_live_" + _rand(rng, 24), "whsec_" + _rand(rng, 32),
        "ghp_" + _rand(rng, 36), "github_pat_" + _rand(rng, 22) + "_" + _rand(rng, 40), "glpat-" + _rand(rng, 20),
        "xoxb-" + "".join(rng.choice(string.digits) for _ in range(12)) + "-" + _rand(rng, 24),
        "AKIA" + "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(16)),
        "AIza" + _rand(rng, 35, an + "_-"), "SG." + _rand(rng, 22) + "." + _rand(rng, 43),
        "sk-proj-" + _rand(rng, 48), "sk-ant-api03-" + _rand(rng, 60, an + "_-"), "live_" + _rand(rng, 30),
        "npm_" + _rand(rng, 36), "dop_v1_" + "".join(rng.choice("0123456789abcdef") for _ in range(64)),
        "".join(rng.choice("0123456789abcdef") for _ in range(32)) + "-us21",
        "SK" + "".join(rng.choice("0123456789abcdef") for _ in range(32)),
        "hf_" + _rand(rng, 34), "shpat_" + "".join(rng.choice("0123456789abcdef") for _ in range(32)),
    ]
    frames = [("en", "Our API key {v} stopped working this morning."), ("nl", "de api key is {v}, werkt niet meer"),
              ("de", "Der Token {v} wird abgelehnt."), ("fr", "la clé API {v} ne fonctionne plus"),
              ("en", "env: STRIPE_SECRET={v}"), ("en", "{v}"), ("nl", "zie log: auth failed for {v}")]
    for k in keys:
        lang, frame = rng.choice(frames)
        yield lang, "email", frame.format(v=k), [(C, k)]
    for _ in range(3):
        jwt = ".".join([_b64('{"alg":"HS256","typ":"JWT"}'), _b64(f'{{"sub":"{rng.randint(1, 999)}","exp":{rng.randint(1700000000, 1800000000)}}}'), _rand(rng, 43, an + "_-")])
        yield "en", "email", f"the API returns 401 with this JWT: {jwt}", [(C, jwt)]


def pins_and_wifi(rng: random.Random) -> Iterator[Msg]:
    frames = [
        ("nl", "de pincode is {p}", "p4"), ("nl", "toegangscode alarm: {p}", "p4"), ("en", "door code {p}#", "p4"),
        ("de", "Geheimzahl {p}", "p4"), ("fr", "code PIN : {p}", "p4"), ("en", "PUK: {p}", "p8"),
        ("nl", "sms-code {p}", "p6"), ("de", "Einmalcode: {p}", "p6"), ("fr", "code reçu par SMS : {p}", "p6"),
        ("en", "2FA code {p} rejected", "p6"), ("nl", "wifi code: {w}", "w"), ("en", "wifi password {w}", "w"),
        ("de", "WLAN-Passwort: {w}", "w"), ("fr", "mot de passe wifi : {w}", "w"), ("fr", "clé wifi {w}", "w"),
        ("nl", "WiFi: GastenNet / {w}", "w"),
    ]
    for _ in range(2):
        for lang, frame, kind in frames:
            lang_words = WORDS[lang]
            if kind == "w":
                v = rng.choice([rng.choice(lang_words).capitalize() + str(rng.randint(100, 9999)) + rng.choice("!#"),
                                "".join(rng.choice(string.digits) for _ in range(16)), _rand(rng, 13)])
            else:
                v = "".join(rng.choice(string.digits) for _ in range(int(kind[1])))
            yield lang, "whatsapp", frame.format(p=v, w=v), [(C, v)]


def generated_negatives(rng: random.Random) -> Iterator[Msg]:
    """Product names, versions and references in four languages' frames."""
    items = ["Win11", "Office365", "PHP8.2", "iPhone15", "B2B", "Server2019", "MySQL8", "Ubuntu22.04", "DDR5",
             "RTX4090", "i5-13400F", "Python3.12", "HTTP/2", "SHA256", "ES2022", "H.264", "MP4", "Q3", "v3.2.1",
             "Typo3", "Magento2", "PS5", "W10", "A4", "COVID-19", "Galaxy S24", "M365", "ISO27001", "NEN7510"]
    frames = {"nl": "ik gebruik {a} en {b}, is dat ondersteund?", "en": "we switched to {a} and {b} last week",
              "de": "wir nutzen {a} zusammen mit {b}", "fr": "nous utilisons {a} avec {b}"}
    for lang in ("nl", "en", "de", "fr"):
        for _ in range(6):
            a, b = rng.sample(items, 2)
            yield lang, "email", frames[lang].format(a=a, b=b), []


def main() -> int:
    rng = random.Random(1604)
    msgs: list[Msg] = []
    gens = [cued(rng), no_cue(rng), vendor_keys(rng), pins_and_wifi(rng), generated_negatives(rng)]
    for gen in gens:
        msgs.extend(gen)
    msgs += HAND + NEGATIVES
    random.Random(7).shuffle(msgs)
    count = write_corpus(OUT, "sec", msgs)
    print(f"{count} records -> {OUT.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
