"""Generated training messages for the credential scorer: secrets of many shapes in nl/en/de/fr contexts.

Why this module exists: our corpora hold a few hundred credentials, written by few authors in few phrasings. The
scorer must learn the pieces of a cue ("wacht", "woord", "code", "pin", "kenn", "mdp", "toegang"), not a list of
whole cue words, so the generator builds cue words out of such pieces (compounds nobody listed: "toegangscode",
"inlogwachtwoord", "Zugangskennwort", "code d'accès"), puts secrets of many shapes after them, with and without a
separator, on the same line or under a label, and also places the same shapes with no cue and technical tokens
(order numbers after their cue, host names, versions, paths, config keys, product names, hashes, serials) as
negatives. Seeded: the same seed gives the same messages.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass

# Pieces of credential cue words per language: a head (what it opens) and a tail (what the secret is).
_HEADS = {
    "nl": ["", "", "toegangs", "inlog", "login", "beheer", "admin", "wifi-", "router", "app", "bank", "mail", "account",
           "ftp-", "database", "hoofd", "nieuw ", "tijdelijk ", "oud ", "reserve"],
    "en": ["", "", "access ", "login ", "admin ", "wifi ", "router ", "app ", "account ", "root ", "ftp ", "db ",
           "master ", "new ", "temporary ", "old ", "backup ", "sign-in ", "unlock "],
    "de": ["", "", "Zugangs", "Login-", "Admin-", "WLAN-", "Router", "App-", "Konto", "Haupt", "neues ", "altes ",
           "Einmal", "Sicherungs", "Anmelde", "Datenbank"],
    "fr": ["", "", "", "nouveau ", "ancien ", "", "", "", "", ""],
}
_TAILS = {
    "nl": ["wachtwoord", "ww", "wachtw", "code", "pincode", "pin", "sleutel", "inlogcode", "toegangscode",
           "herstelcode", "verificatiecode", "PUK", "puk-code", "wachtwoordje", "passwoord", "paswoord", "sms-code",
           "2fa code",
           "wifi wachtwoord", "netwerksleutel", "token", "api-sleutel", "geheime sleutel", "wachtzin"],
    "en": ["password", "pass", "pw", "pwd", "passcode", "PIN", "pin code", "code", "key", "api key", "secret",
           "token", "recovery code", "backup code", "one-time code", "OTP", "2FA code", "passphrase", "PUK",
           "login code", "verification code", "access code", "security code", "unlock code"],
    "de": ["Passwort", "Kennwort", "PW", "PIN", "Code", "Schlüssel", "Zugangscode", "Wiederherstellungscode",
           "Bestätigungscode", "PUK", "Einmalcode", "Token", "API-Schlüssel", "Geheimnis", "Losung"],
    "fr": ["mot de passe", "mdp", "MDP", "code", "code PIN", "code d'accès", "clé", "clé API", "jeton",
           "code de récupération", "code de vérification", "code secret", "passe", "code à usage unique", "PUK"],
}
_INTROS = {
    "nl": ["mijn {cue} is {v}", "{cue}: {v}", "{cue} = {v}", "het {cue} is {v} maar dat werkt niet",
           "ik heb als {cue} {v} ingesteld", "{cue} -> {v}", "hierbij het {cue}: {v}", "{cue}\n{v}",
           "kunnen jullie inloggen met {v}? dat is het {cue}", "gebruiker beheer / {cue} {v}",
           "{cue} {v} (hoofdlettergevoelig)", "probeer {cue} {v} eens", "nieuw {cue} wordt {v}"],
    "en": ["my {cue} is {v}", "{cue}: {v}", "{cue}={v}", "the {cue} is {v} but it fails",
           "I set the {cue} to {v}", "{cue} -> {v}", "here is the {cue}: {v}", "{cue}\n{v}",
           "can you log in with {v}? that's the {cue}", "user admin / {cue} {v}", "{cue} {v} (case sensitive)",
           "try {cue} {v} please", "new {cue} will be {v}", "use {v} as {cue}"],
    "de": ["mein {cue} ist {v}", "{cue}: {v}", "{cue} = {v}", "das {cue} lautet {v}", "{cue} -> {v}",
           "hier das {cue}: {v}", "{cue}\n{v}", "Benutzer admin / {cue} {v}", "bitte mit {cue} {v} anmelden",
           "{cue} {v} funktioniert nicht"],
    "fr": ["mon {cue} est {v}", "{cue} : {v}", "{cue}: {v}", "le {cue} c'est {v}", "{cue} -> {v}",
           "voici le {cue} : {v}", "{cue}\n{v}", "utilisateur admin / {cue} {v}", "j'ai mis {v} comme {cue}",
           "{cue} {v} ne marche pas"],
}
_FRAMES = {
    "nl": ["Hallo,\n\n{s}\n\nGroet", "Beste support, {s}. Alvast bedankt", "{s}", "Hoi! {s} 🙂",
           "Goedemiddag,\n{s}\nMvg"],
    "en": ["Hi,\n\n{s}\n\nThanks", "Dear support, {s}. Regards", "{s}", "hey {s} thx", "Hello team,\n{s}\nBest"],
    "de": ["Hallo,\n\n{s}\n\nGruß", "Sehr geehrte Damen und Herren, {s}. MfG", "{s}", "Hi, {s} danke"],
    "fr": ["Bonjour,\n\n{s}\n\nCordialement", "{s}", "Salut, {s} merci", "Madame, Monsieur, {s}. Bien à vous"],
}
_WORDS = {
    "nl": ["zomer", "fiets", "kaas", "tulp", "molen", "regen", "boterham", "zonnebloem", "paard", "appel", "winter",
           "koffie", "drop", "haring", "klomp", "vlinder", "tractor", "groen"],
    "en": ["summer", "horse", "apple", "coffee", "river", "sunflower", "tiger", "correct", "battery", "staple",
           "purple", "monkey", "dragon", "castle", "pizza", "rocket", "garden"],
    "de": ["sommer", "pferd", "apfel", "kaffee", "blume", "tiger", "garten", "hund", "katze", "sonne", "wolke"],
    "fr": ["soleil", "cheval", "pomme", "café", "jardin", "chat", "chien", "lune", "fleur", "maison", "bateau"],
}
# Negatives: technical tokens under their own cue (a kept number, a host, a version ...), never a secret.
_NEGATIVE_LINES = {
    "nl": ["orderbevestiging {n4}", "bevestiging {n4} ontvangen", "factuur_{n4}.pdf", "offerte {n4}",
           "we gebruiken {prod} en {prod}", "wachtwoordeisen: {prod}", "de kortingscode {promo} werkt niet",
           "kortingscode: {promo}", "couponcode {promo}", "actiecode {promo} is verlopen", "foutcode {n}",
           "de cadeaubon {promo}", "trackingcode {ser}", "referentiecode {promo}",
           "bestelnummer {n}", "factuurnummer {f}", "klantnummer {n}", "de server is {h}", "versie {ver}",
           "het bestand staat in {p}", "zet {k} op true", "ik gebruik {prod}", "serienummer {ser}", "hash {hx}",
           "foutcode {err}", "ordernummer: {n}", "ticket #{n}", "domein {h} werkt niet", "module {k} geeft een fout"],
    "en": ["order confirmation {n4}", "confirmation {n4} attached", "invoice_{n4}.pdf", "quote {n4}",
           "we use {prod} and {prod} on the site", "password policy: {prod}", "the discount code {promo} fails",
           "promo code: {promo}", "coupon {promo}", "voucher code {promo} expired", "error code {n}",
           "referral code {promo}", "tracking code {ser}", "gift card {promo}",
           "order number {n}", "invoice {f}", "customer number {n}", "the server is {h}", "version {ver}",
           "the file is in {p}", "set {k} to true", "I am using {prod}", "serial {ser}", "hash {hx}",
           "error code {err}", "order: {n}", "ticket #{n}", "domain {h} is down", "plugin {k} throws an error"],
    "de": ["Bestellbestätigung {n4}", "Auftragsbestätigung Nr. {n4}", "Bestellbestätigung_{n4}.jpg", "Angebot {n4}",
           "der Gutscheincode {promo} geht nicht", "Rabattcode: {promo}", "Aktionscode {promo}", "Fehlercode {n}",
           "Bestellnummer {n}", "Rechnung {f}", "Kundennummer {n}", "der Server ist {h}", "Version {ver}",
           "die Datei liegt in {p}", "setze {k} auf true", "ich nutze {prod}", "Seriennummer {ser}",
           "Fehlercode {err}"],
    "fr": ["confirmation de commande {n4}", "bon de commande {n4}", "facture_{n4}.pdf", "devis {n4}",
           "le code promo {promo} ne marche pas", "code de réduction : {promo}", "bon d'achat {promo}",
           "code erreur {n}", "numéro de commande {n}", "facture {f}", "numéro client {n}", "le serveur est {h}",
           "version {ver}",
           "le fichier est dans {p}", "mettre {k} à true", "j'utilise {prod}", "numéro de série {ser}",
           "code erreur {err}"],
}
_PRODUCTS = ["WordPress", "WooCommerce", "Plesk", "cPanel", "DirectAdmin", "Thunderbird", "Outlook365", "iPhone15",
             "MacBookPro", "FileZilla", "PhpMyAdmin", "Magento2", "PrestaShop", "Nextcloud", "OpenSSH", "PostgreSQL",
             "MariaDB", "Cloudflare", "GitHub", "WinSCP", "RoundCube", "SpamAssassin", "LetsEncrypt", "Windows11",
             "jquery3", "vue3", "php8.2", "python3", "ubuntu22", "node18", "Debian12", "win10", "iOS17", "PHP7",
             "Upper+lower+digit", "a-z+A-Z+0-9", "x86_64", "utf8mb4", "TLSv1.3", "IPv6", "H.264", "MySQL8"]
_CONFIG_KEYS = ["max_execution_time", "upload_max_filesize", "WP_DEBUG", "memory_limit", "DB_HOST", "display_errors",
                "allow_url_fopen", "mod_rewrite", "session.gc_maxlifetime", "php_value", "AllowOverride", "wp-cron"]


@dataclass(frozen=True)
class Generated:
    """One generated message with the credential values in it."""

    lang: str
    text: str
    secrets: tuple[str, ...]


def _secret(rng: random.Random, lang: str) -> str:
    """A secret of one of many shapes."""
    words = _WORDS[lang] + _WORDS["en"]
    kind = rng.randrange(11)
    if kind == 0:  # word + digits + symbol
        return rng.choice(words).capitalize() + str(rng.randrange(10, 2030)) + rng.choice("!?#$%&*@.")
    if kind == 1:  # leetspeak
        w = rng.choice(words) + rng.choice(words)
        return "".join({"a": "4", "e": "3", "o": "0", "i": "1", "s": "$"}.get(c, c) if rng.random() < 0.6 else c
                       for c in w)
    if kind == 2:  # xkcd passphrase, joined
        sep = rng.choice(["-", ".", "_", ""])
        parts = [rng.choice(words) for _ in range(rng.randrange(3, 5))]
        if not sep:
            parts = [p.capitalize() for p in parts]
        return sep.join(parts) + (str(rng.randrange(100)) if rng.random() < 0.5 else "")
    if kind == 3:  # random base32/base64 without hex look
        alphabet = string.ascii_letters + string.digits + ("+/" if rng.random() < 0.3 else "")
        return "".join(rng.choice(alphabet) for _ in range(rng.randrange(10, 40)))
    if kind == 4:  # PIN / one-time code
        return str(rng.randrange(10 ** 3, 10 ** rng.choice([4, 4, 5, 6, 6, 8])))
    if kind == 5:  # vendor-prefixed key
        prefix = rng.choice(["sk_live_", "pk_test_", "ghp_", "xoxb-", "glpat-", "AKIA", "SG.", "key-", "rk_live_"])
        return prefix + "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(rng.randrange(16, 36)))
    if kind == 6:  # recovery code groups
        return "-".join("".join(rng.choice(string.ascii_lowercase + string.digits) for _ in range(rng.choice([4, 5])))
                        for _ in range(rng.randrange(2, 4)))
    if kind == 7:  # short mixed
        return "".join(rng.choice(string.ascii_letters + string.digits + "!#") for _ in range(rng.randrange(6, 12)))
    if kind == 8:  # capitalised compound word (no digit)
        return rng.choice(words).capitalize() + rng.choice(words)
    if kind == 9:  # name + year
        return rng.choice(["Sanne", "Kees", "Lotte", "Bram", "Max", "Julia", "Pierre", "Anna"]) + str(
            rng.randrange(1960, 2025))
    return rng.choice(words) + rng.choice(words).upper() + str(rng.randrange(10))


def _negative_values(rng: random.Random) -> dict[str, str]:
    return {
        "n": str(rng.randrange(10 ** 4, 10 ** 8)),
        "n4": str(rng.randrange(1000, 10000)),
        "f": f"F{rng.randrange(2019, 2027)}-{rng.randrange(10 ** 4):04d}",
        "h": rng.choice(["mail", "www", "shop", "vps12", "srv-03", "ns1"]) + "." + rng.choice(
            ["bakkerij-jansen", "example", "hosting24", "dekker-it", "cloudweb"]) + rng.choice([".nl", ".com", ".de",
                                                                                                 ".fr", ".be"]),
        "ver": f"{rng.randrange(1, 12)}.{rng.randrange(0, 20)}.{rng.randrange(0, 40)}",
        "p": rng.choice(["/var/www/html/", "/home/site/public_html/", "C:\\Users\\admin\\", "wp-content/"])
        + rng.choice(["index.php", "config.yml", "backup_2024.tar.gz", ".htaccess", "wp-config.php"]),
        "k": rng.choice(_CONFIG_KEYS),
        "promo": rng.choice([
            str(rng.randrange(10 ** 5, 10 ** 7)),
            rng.choice(["ZOMER", "WELKOM", "BLACKFRIDAY", "SAVE", "NEWYEAR", "HOST"]) + str(rng.randrange(5, 60)),
            "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(8)),
        ]),
        "prod": rng.choice(_PRODUCTS),
        "ser": "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(rng.randrange(8, 14))),
        "hx": "".join(rng.choice("0123456789abcdef") for _ in range(rng.choice([32, 40, 64]))),
        "err": rng.choice(
            ["0x80070005", "ERR_SSL_PROTOCOL_ERROR", "E_ACCESSDENIED", "HTTP500", "AH01630", "550-5.7.1"]
        ),
    }


def _cue(rng: random.Random, lang: str) -> str:
    head = rng.choice(_HEADS[lang])
    tail = rng.choice(_TAILS[lang])
    if head and not head.endswith((" ", "-")) and rng.random() < 0.5:
        tail = tail.lower()
    cue = head + tail if head.endswith((" ", "-")) or not head else head + tail.replace(" ", "")
    return cue.capitalize() if rng.random() < 0.3 else cue


def generate(n: int, seed: int = 16) -> list[Generated]:
    """``n`` messages: about half with a secret after a cue, a sixth with a bare secret, the rest negatives."""
    rng = random.Random(seed)
    langs = ("nl", "en", "de", "fr")
    out: list[Generated] = []
    for i in range(n):
        lang = langs[i % 4]
        parts: list[str] = []
        secrets: list[str] = []
        roll = rng.random()
        if roll < 0.55:
            secret = _secret(rng, lang)
            parts.append(rng.choice(_INTROS[lang]).format(cue=_cue(rng, lang), v=secret))
            secrets.append(secret)
        elif roll < 0.65:  # a secret-shaped token with no cue: the model must not strip by shape alone
            parts.append(rng.choice(_NEGATIVE_LINES[lang]).format(**_negative_values(rng)))
        for _ in range(rng.randrange(1, 3)):
            parts.append(rng.choice(_NEGATIVE_LINES[lang]).format(**_negative_values(rng)))
        rng.shuffle(parts)
        body = rng.choice(["\n", ". ", "\n\n"]).join(parts)
        out.append(Generated(lang, rng.choice(_FRAMES[lang]).format(s=body), tuple(secrets)))
    return out
