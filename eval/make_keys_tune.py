# ruff: noqa: E501  (the messages are data: one per line reads best)
"""Write ``eval/pii_tune_keys.jsonl``: secrets from the world's key formats and real human passwords (issue 16).

Why this file exists: CREDENTIAL is the weakest high-risk type on unseen mail (53/60), and three stops of secrets
corpora written by us raised our own scores only. This TUNING corpus takes its values from material not written by us:

1. every key and token format of ``scrubber/data/key_formats.tsv`` (gitleaks' rules with a prefix or shape of their
   own, MIT, and a few formats from providers' documentation): a synthetic value of each format is drawn from the
   format's regex (seeded; no real key) and placed in a support-message setting in nl/en/de/fr: in a sentence,
   after a cue, in a .env, YAML or JSON paste, in a curl command, in a log line, alone on a line, behind " - " or an
   emoji, glued to "=";
2. real human passwords from SecLists' lists of the most used passwords (NCSC top 100k, German top 1000, French top
   5000; MIT; ``eval/keys_tune_values.py``), a fixed seeded sample, after the cues customers type in nl/en/de/fr
   (typos, chat case, "user / pass" pairs, "ww:", "pw=", the next line, quotes, backticks);
3. hard negatives to keep: gitleaks' own false positives (placeholders, documentation keys), commit ids, checksums,
   UUIDs of tickets, package versions, file paths, domains, Docker digests.

Annotated by ../shared/docs/pii-policy.md: CREDENTIAL is the secret itself (a passphrase or a Wi-Fi key with spaces
is one value). Every value occurs once in its text (the scorer counts every occurrence). Values drawn from a
format's regex are only checked to match it; the corpus says whether the scrubber finds them in context and keeps
the negatives, and its scores on the formats are by construction an upper bound.

Deterministic: ``.venv/bin/python eval/make_keys_tune.py`` writes the file. A tuning corpus split by
``eval/split.py``; committed before the scrubber was run on it.
"""

from __future__ import annotations

import random
import re
import re._parser as sre  # type: ignore[import-not-found]  # the standard library's regex parser (3.11+)
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from keys_tune_values import GITLEAKS_FPS, PASSWORDS_DE, PASSWORDS_EN, PASSWORDS_FR
from tune_corpus import write_corpus

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).with_name("pii_tune_keys.jsonl")
FORMATS = ROOT / "scrubber" / "data" / "key_formats.tsv"
C = "CREDENTIAL"
Msg = tuple[str, str, str, list[tuple[str, str]]]
LANGS = ("nl", "en", "de", "fr")
CHANNELS = ("email", "webform", "whatsapp", "telegram")

_CATEGORY = {
    sre.CATEGORY_DIGIT: string.digits,
    sre.CATEGORY_WORD: string.ascii_letters + string.digits + "_",
    sre.CATEGORY_SPACE: " ",
}


def _charset(items: list[tuple[Any, Any]], ignore_case: bool) -> str:
    chars: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            chars.append(chr(av))
        elif op is sre.RANGE:
            chars.extend(chr(c) for c in range(av[0], av[1] + 1))
        elif op is sre.CATEGORY:
            chars.extend(_CATEGORY[av])
    if ignore_case:
        chars += [c.swapcase() for c in chars]
    return "".join(sorted(set(chars)))


def _draw(rng: random.Random, parsed: Any, ignore_case: bool = False) -> str:
    """A string matched by a parsed regex (the subset the formats use), drawn with ``rng``."""
    out: list[str] = []
    for op, av in parsed:
        if op is sre.LITERAL:
            out.append(chr(av))
        elif op is sre.IN:
            out.append(rng.choice(_charset(av, ignore_case)))
        elif op is sre.ANY:
            out.append(rng.choice(string.ascii_letters))
        elif op is sre.SUBPATTERN:
            flags = av[1]
            out.append(_draw(rng, av[3], bool(flags & re.IGNORECASE) or (ignore_case and not av[2] & re.IGNORECASE)))
        elif op is sre.BRANCH:
            out.append(_draw(rng, rng.choice(av[1]), ignore_case))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low, high, sub = av
            high = min(high, low + 8) if high is not sre.MAXREPEAT else low + rng.randint(0, 8)
            out.append("".join(_draw(rng, sub, ignore_case) for _ in range(rng.randint(low, high))))
        # AT, ASSERT, ASSERT_NOT: zero width
    return "".join(out)


def formats() -> list[tuple[str, str]]:
    rows = []
    for line in FORMATS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, regex, _source = line.split("\t")
            rows.append((name, regex))
    return rows


def key_value(rng: random.Random, regex: str) -> str:
    regex = re.sub(r"^\(\?<=[^)]*\)", "", regex)  # a look-behind names the setting (AccountKey=), not the value
    pattern = re.compile(regex)
    parsed = sre.parse(regex)
    for _ in range(50):
        value = _draw(rng, parsed)
        if pattern.fullmatch(value) and len(set(value)) > 6:
            return value
    raise SystemExit(f"no value drawn for {regex}")


def _env_name(name: str) -> str:
    """The environment variable a format's key is kept in ("GITHUB_TOKEN", "STRIPE_API_KEY")."""
    suffix = "SECRET" if "secret" in name else "TOKEN" if "token" in name else "API_KEY"
    return f"{name.split('-')[0].upper()}_{suffix}"


# settings of a key: (lang -> text with {V} for the value, {N} for an env name, {P} for the provider)
KEY_SETTINGS = [
    {"nl": "Hoi, de koppeling met {P} werkt niet meer. Dit is de sleutel die we gebruiken: {V} . Kunnen jullie kijken?",
     "en": "Hi, the {P} integration stopped working. This is the key we use: {V} . Could you have a look?",
     "de": "Hallo, die Anbindung an {P} geht nicht mehr. Das ist der Schlüssel, den wir nutzen: {V} . Könnt ihr schauen?",
     "fr": "Bonjour, l'intégration {P} ne marche plus. Voici la clé que nous utilisons : {V} . Vous pouvez regarder ?"},
    {"nl": "Onze .env op de server:\n\nAPP_ENV=production\nAPP_URL=https://shop.voorbeeld-winkel.nl\n{N}={V}\nCACHE_DRIVER=redis\n\nWat gaat er mis?",
     "en": "Our .env on the server:\n\nAPP_ENV=production\nAPP_URL=https://shop.example-store.com\n{N}={V}\nCACHE_DRIVER=redis\n\nWhat is wrong?",
     "de": "Unsere .env auf dem Server:\n\nAPP_ENV=production\nAPP_URL=https://shop.beispiel-laden.de\n{N}={V}\nCACHE_DRIVER=redis\n\nWas ist falsch?",
     "fr": "Notre .env sur le serveur :\n\nAPP_ENV=production\nAPP_URL=https://boutique.exemple-magasin.fr\n{N}={V}\nCACHE_DRIVER=redis\n\nQu'est-ce qui cloche ?"},
    {"nl": "config.yml:\n```\nintegrations:\n  {p}:\n    enabled: true\n    api_key: {V}\n    timeout: 30\n```\ndeploy faalt sinds gisteren",
     "en": "config.yml:\n```\nintegrations:\n  {p}:\n    enabled: true\n    api_key: {V}\n    timeout: 30\n```\ndeploy fails since yesterday",
     "de": "config.yml:\n```\nintegrations:\n  {p}:\n    enabled: true\n    api_key: {V}\n    timeout: 30\n```\nDeploy schlägt seit gestern fehl",
     "fr": "config.yml :\n```\nintegrations:\n  {p}:\n    enabled: true\n    api_key: {V}\n    timeout: 30\n```\nle déploiement échoue depuis hier"},
    {"nl": "de plugin instellingen (json):\n{{\"provider\": \"{p}\", \"token\": \"{V}\", \"retries\": 3}}",
     "en": "the plugin settings (json):\n{{\"provider\": \"{p}\", \"token\": \"{V}\", \"retries\": 3}}",
     "de": "die Plugin-Einstellungen (json):\n{{\"provider\": \"{p}\", \"token\": \"{V}\", \"retries\": 3}}",
     "fr": "les réglages du plugin (json) :\n{{\"provider\": \"{p}\", \"token\": \"{V}\", \"retries\": 3}}"},
    {"nl": "Als ik dit draai krijg ik 401:\n\ncurl -s https://api.{p}.example/v1/status -H 'X-Api-Key: {V}'",
     "en": "When I run this I get a 401:\n\ncurl -s https://api.{p}.example/v1/status -H 'X-Api-Key: {V}'",
     "de": "Wenn ich das ausführe, kommt 401:\n\ncurl -s https://api.{p}.example/v1/status -H 'X-Api-Key: {V}'",
     "fr": "Quand je lance ça j'ai une 401 :\n\ncurl -s https://api.{p}.example/v1/status -H 'X-Api-Key: {V}'"},
    {"nl": "uit de log van vannacht:\n2026-11-30 02:14:07 ERROR [{p}] request rejected (401) key={V} host=web03\nhelp?",
     "en": "from last night's log:\n2026-11-30 02:14:07 ERROR [{p}] request rejected (401) key={V} host=web03\nhelp?",
     "de": "aus dem Log von heute Nacht:\n2026-11-30 02:14:07 ERROR [{p}] request rejected (401) key={V} host=web03\nHilfe?",
     "fr": "dans le log de cette nuit :\n2026-11-30 02:14:07 ERROR [{p}] request rejected (401) key={V} host=web03\nune idée ?"},
    {"nl": "{V}\n\nbovenstaande is van het oude account, mag weg na de migratie",
     "en": "{V}\n\nthe above is from the old account, can go after the migration",
     "de": "{V}\n\ndas oben ist vom alten Konto, kann nach der Migration weg",
     "fr": "{V}\n\nci-dessus c'est l'ancien compte, à supprimer après la migration"},
    {"nl": "docker-compose.yml van de klant:\nservices:\n  app:\n    environment:\n      - {N}={V}\n      - TZ=Europe/Amsterdam",
     "en": "the customer's docker-compose.yml:\nservices:\n  app:\n    environment:\n      - {N}={V}\n      - TZ=Europe/London",
     "de": "docker-compose.yml des Kunden:\nservices:\n  app:\n    environment:\n      - {N}={V}\n      - TZ=Europe/Berlin",
     "fr": "le docker-compose.yml du client :\nservices:\n  app:\n    environment:\n      - {N}={V}\n      - TZ=Europe/Paris"},
    {"nl": "🔑 {N}={V}\n(even snel via de telefoon, sorry)",
     "en": "🔑 {N}={V}\n(sent from my phone, sorry)",
     "de": "🔑 {N}={V}\n(schnell vom Handy, sorry)",
     "fr": "🔑 {N}={V}\n(envoyé du téléphone, désolé)"},
    {"nl": "token {p}:{V}",
     "en": "{p} token:{V}",
     "de": "{p}-Token:{V}",
     "fr": "jeton {p}:{V}"},
]


def key_messages(rng: random.Random) -> Iterator[Msg]:
    """Every format once, in a setting and language taken in turn (a seeded order)."""
    rows = formats()
    for n, (name, regex) in enumerate(rows):
        value = key_value(rng, regex)
        lang = LANGS[n % 4]
        setting = KEY_SETTINGS[(n * 7 + n // 4) % len(KEY_SETTINGS)][lang]
        if name.startswith("azure-storage"):  # the format names its own key: a connection string
            setting = "DefaultEndpointsProtocol=https;AccountName=shopmedia;AccountKey={V};EndpointSuffix=core.windows.net"
        provider = name.split("-")[0]
        text = setting.format(V=value, N=_env_name(name), P=provider.capitalize(), p=provider)
        yield lang, CHANNELS[n % 4], text, [(C, value)]


# password cues as customers type them, with their markers: {V} is the value
PASSWORD_SETTINGS = {
    "nl": ["ww: {V}", "ww {V}", "wachtwoord: {V}", "wachtwoort is {V}", "mijn wachtwoord is {V} maar het werkt niet",
           "gebruiker: info@bakkerij-voorbeeld.nl\nwachtwoord: {V}", "inlog: beheer / {V}", "pw={V}", "Wachtwoord:\n{V}",
           "het ww is '{V}'", "ww is `{V}`", "wachtwoord = \"{V}\"", "nieuw wachtwoord {V} werkt ook niet",
           "gebruikersnaam jdevries, ww {V}", "Wachtwrd: {V}", "pass: {V}", "de code van de wifi is {V}"],
    "en": ["password: {V}", "pw: {V}", "pwd={V}", "my password is {V} but it won't let me in",
           "user: admin\npass: {V}", "login admin / {V}", "Password:\n{V}", "pasword is {V}", "password = '{V}'",
           "the pass is `{V}`", "new password {V} doesn't work either", "username sarah.k, password {V}",
           "Passwrod: {V}", "creds: support / {V}", "wifi password is {V}"],
    "de": ["Passwort: {V}", "PW: {V}", "Kennwort ist {V}", "mein Passwort ist {V}, geht aber nicht",
           "Benutzer: admin\nPasswort: {V}", "Login: kasse / {V}", "Passwort:\n{V}", "Passwrt {V}", "pw={V}",
           "das Kennwort lautet \"{V}\"", "Kenwort: `{V}`", "neues Passwort {V} klappt auch nicht", "WLAN-Passwort: {V}"],
    "fr": ["mdp : {V}", "mot de passe : {V}", "mdp={V}", "mon mot de passe est {V} mais ça ne marche pas",
           "identifiant : admin\nmot de passe : {V}", "login : compta / {V}", "Mot de passe :\n{V}", "mot de pass {V}",
           "le mdp c'est « {V} »", "mdp: `{V}`", "nouveau mot de passe {V}, toujours refusé", "code wifi : {V}"],
}
# personal data in the settings themselves: (type, value)
SETTING_VALUES = [("EMAIL_ADDRESS", "info@bakkerij-voorbeeld.nl"), ("PERSON", "jdevries"), ("PERSON", "sarah.k")]
PASSWORD_FRAMES = {
    "nl": ["Hallo,\n\nik kom niet meer in de webmail.\n{X}\n\nGroet", "hoi! {X} , klopt dat?", "{X}\nkunnen jullie het resetten",
           "Goedemorgen, voor de migratie:\n{X}\nAlvast dank"],
    "en": ["Hello,\n\nI can't get into webmail any more.\n{X}\n\nRegards", "hey {X} , is that right?", "{X}\ncan you reset it please",
           "Good morning, for the migration:\n{X}\nThanks in advance"],
    "de": ["Hallo,\n\nich komme nicht mehr ins Webmail.\n{X}\n\nGrüße", "hi {X} , stimmt das?", "{X}\nkönnt ihr das zurücksetzen",
           "Guten Morgen, für den Umzug:\n{X}\nDanke"],
    "fr": ["Bonjour,\n\nje n'arrive plus à accéder au webmail.\n{X}\n\nCordialement", "salut {X} , c'est bon ?",
           "{X}\nvous pouvez le réinitialiser svp", "Bonjour, pour la migration :\n{X}\nMerci d'avance"],
}


def password_messages(rng: random.Random) -> Iterator[Msg]:
    """A fixed seeded sample of real common passwords after customers' cues."""
    pools = {"nl": PASSWORDS_EN + PASSWORDS_DE, "en": PASSWORDS_EN, "de": PASSWORDS_DE, "fr": PASSWORDS_FR}
    counts = {"nl": 40, "en": 40, "de": 35, "fr": 35}
    for lang in LANGS:
        for value in rng.sample(pools[lang], counts[lang]):
            for _ in range(20):
                setting = rng.choice(PASSWORD_SETTINGS[lang])
                text = rng.choice(PASSWORD_FRAMES[lang]).format(X=setting.format(V=value))
                if rng.random() < 0.3:
                    text = text.lower() if value.islower() or value.isdigit() else text
                if text.count(value) == 1:
                    # (annotation fix after the first run: the settings' e-mail addresses and user names made from
                    # a name are personal data too)
                    others = [(typ, v) for typ, v in SETTING_VALUES if v in text]
                    yield lang, rng.choice(CHANNELS), text, [(C, value), *others]
                    break


def _hex(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def negatives(rng: random.Random) -> Iterator[Msg]:
    """gitleaks' false positives and other hard negatives in key shapes, to keep."""
    intro = {"nl": "In de documentatie staat dit voorbeeld:\n{X}\nmoet ik dat zo overnemen?",
             "en": "The documentation shows this example:\n{X}\nshould I copy it like that?",
             "de": "In der Doku steht dieses Beispiel:\n{X}\nmuss ich das so übernehmen?",
             "fr": "La documentation donne cet exemple :\n{X}\nje dois le reprendre tel quel ?"}
    for n, fp in enumerate(GITLEAKS_FPS):
        lang = LANGS[n % 4]
        yield lang, "email", intro[lang].format(X=fp), []
    for n in range(24):
        lang = LANGS[n % 4]
        uuid = f"{_hex(rng, 8)}-{_hex(rng, 4)}-4{_hex(rng, 3)}-a{_hex(rng, 3)}-{_hex(rng, 12)}"
        items = {
            0: {"nl": f"Sinds commit {_hex(rng, 40)} faalt de build.", "en": f"The build fails since commit {_hex(rng, 40)}.",
                "de": f"Seit Commit {_hex(rng, 40)} schlägt der Build fehl.", "fr": f"Le build échoue depuis le commit {_hex(rng, 40)}."},
            1: {"nl": f"sha256sum van de download klopt niet: {_hex(rng, 64)}", "en": f"the download's sha256sum does not match: {_hex(rng, 64)}",
                "de": f"Die sha256-Prüfsumme stimmt nicht: {_hex(rng, 64)}", "fr": f"la somme sha256 ne correspond pas : {_hex(rng, 64)}"},
            2: {"nl": f"Zie ticket {uuid} voor de vorige melding.", "en": f"See ticket {uuid} for the earlier report.",
                "de": f"Siehe Ticket {uuid} für die frühere Meldung.", "fr": f"Voir le ticket {uuid} pour le signalement précédent."},
            3: {"nl": f"we draaien laravel/framework v10.{rng.randint(10, 48)}.{rng.randint(0, 9)} en php8.{rng.randint(1, 3)}-fpm",
                "en": f"we run laravel/framework v10.{rng.randint(10, 48)}.{rng.randint(0, 9)} on php8.{rng.randint(1, 3)}-fpm",
                "de": f"wir nutzen laravel/framework v10.{rng.randint(10, 48)}.{rng.randint(0, 9)} mit php8.{rng.randint(1, 3)}-fpm",
                "fr": f"on tourne sous laravel/framework v10.{rng.randint(10, 48)}.{rng.randint(0, 9)} avec php8.{rng.randint(1, 3)}-fpm"},
            4: {"nl": f"het bestand staat in /var/www/vhosts/shop/httpdocs/wp-content/uploads/2024/0{rng.randint(1, 9)}/export_{_hex(rng, 12)}.csv",
                "en": f"the file is at /var/www/vhosts/shop/httpdocs/wp-content/uploads/2024/0{rng.randint(1, 9)}/export_{_hex(rng, 12)}.csv",
                "de": f"die Datei liegt unter /var/www/vhosts/shop/httpdocs/wp-content/uploads/2024/0{rng.randint(1, 9)}/export_{_hex(rng, 12)}.csv",
                "fr": f"le fichier est dans /var/www/vhosts/shop/httpdocs/wp-content/uploads/2024/0{rng.randint(1, 9)}/export_{_hex(rng, 12)}.csv"},
            5: {"nl": f"image: registry.example.io/shop/web@sha256:{_hex(rng, 64)} start niet", "en": f"image: registry.example.io/shop/web@sha256:{_hex(rng, 64)} won't start",
                "de": f"image: registry.example.io/shop/web@sha256:{_hex(rng, 64)} startet nicht", "fr": f"image : registry.example.io/shop/web@sha256:{_hex(rng, 64)} ne démarre pas"},
        }[n % 6]
        yield lang, "email", items[lang], []


# the metamorphic gaps left last stop, in messages (values with spaces, regrouped, glued)
GAPS: list[Msg] = [
    ("nl", "whatsapp", "wifi wachtwoord: dikke vette kip 12\nvoor de gastenwifi", [(C, "dikke vette kip 12")]),
    ("en", "telegram", "guest wifi password: purple elephant dances 7", [(C, "purple elephant dances 7")]),
    ("de", "email", "WLAN-Schlüssel: 4711 8823 0045 9912 3301", [(C, "4711 8823 0045 9912 3301")]),
    ("fr", "webform", "clé wifi : 5F3A.9B21.C7D4.08E6", [(C, "5F3A.9B21.C7D4.08E6")]),
    ("nl", "email", "ik heb password=Zonnebloem88 gezet in de config, klopt dat?", [(C, "Zonnebloem88")]),
    ("en", "email", "I set PASSWORD=walrus-teapot-19 in the env and it still fails", [(C, "walrus-teapot-19")]),
    ("nl", "telegram", "herstelcodes: 482.913.557 en 120.448.396", [(C, "482.913.557"), (C, "120.448.396")]),
    ("en", "email", "Compose file:\n  - MYSQL_ROOT_PASSWORD=Kx9!mRt2vQ\n  - MYSQL_DATABASE=shop", [(C, "Kx9!mRt2vQ")]),
    ("de", "whatsapp", "👉 DB_PASS=Brezel#2024", [(C, "Brezel#2024")]),
    ("fr", "email", "- SMTP_PASSWORD=Escargot!77\n- SMTP_USER=contact@exemple.fr", [(C, "Escargot!77"), ("EMAIL_ADDRESS", "contact@exemple.fr")]),
]


def main() -> int:
    rng = random.Random(1616)
    msgs: list[Msg] = [*key_messages(rng), *password_messages(rng), *negatives(rng), *GAPS]
    random.Random(16).shuffle(msgs)
    count = write_corpus(OUT, "key", msgs)
    print(f"{count} records -> {OUT.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
