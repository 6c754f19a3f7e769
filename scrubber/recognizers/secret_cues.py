"""The cue words that announce a secret (nl, en, de, fr and a few more), as customers type them.

Why this module exists: ``scrubber.recognizers.credentials`` (a value after its cue) and
``scrubber.recognizers.secret_tables`` (a password column in a pasted table) must agree on what names a
password, a PIN or a key, including the abbreviations and typos people write ("wachtwoort", "ww", "pswd",
"Kenwort", "Paßwort", "mdp", "mot-de-passe") and the Wi-Fi and router words ("WLAN-Schlüssel",
"netwerksleutel", "clé WPA"). General vocabulary of the four languages, not taken from any corpus.
"""

from __future__ import annotations

import re

from scrubber.recognizers.base import first_letter_guard

# (the password words also as customers type them: "wachwoord", "wachtw", "paswoord", "pasword", "passwrod", "psswd")
CUE_WORDS = (
    r"wacht?w\w*|wachtzin|ww|password\w*|passwd|passphrase|pass\s?code|pass|pwd|pw|pin(?:code)?"
    r"|pas+wo?o?r[dt]\w*|pas+w(?:rod|owrd|d|rt)?|pss?w(?:or)?d|pa(?:ss|ß)wort\w*"
    r"|mot[\s-]+de[\s-]+pass?e?|mdp|passwort\w*|ken+wort\w*|contrase[ñn]a|has[łl]o|sifre|senha|parola|kod\s+pin"
    r"|klant-?pin(?:code)?|toegangscode|inlogcode|logincode|zugangscode|geheimzahl|code\s+d'acc[èe]s"
    r"|code|token|secret|api[- ]?key|sleutel|key"
    # the code of a lock, an alarm or a safe in a Dutch or German compound ("alarmcode", "deurcode", "Torcode")
    # (each alternative starts with its own letter, so that ``first_letter_guard`` still applies)
    r"|alarmcode|deurcode|kluiscode|poortcode|hekcode|garagecode|safecode|torcode|t[üu]rcode|tresorcode|schlosscode"
    r"|brievenbuscode|fietsslotcode|slotcode|intercomcode|liftcode"
    r"|wlan-?(?:passwort|schl[üu]ssel|key)|netzwerkschl[üu]ssel|wlan-netzwerkschl[üu]ssel|netwerksleutel"
    r"|wi-?fi[- ]?(?:key|code|wachtwoord|password|passwort|schl[üu]ssel)"
    r"|cl[ée]\s+(?:wpa2?|wifi|wi-fi|r[ée]seau|api|de\s+s[ée]curit[ée])"
    r"|wpa2?(?:[- ]?(?:key|psk|sleutel))?|psk"
    r"|licen[cs]e\s*key|licentie(?:code|sleutel)|verhuiscode|transfer\s*code|auth(?:ori[sz]ation)?[- ]?code"
    r"|epp[- ]?code|backup[- ]?codes?|recovery[- ]?codes?|herstelcodes?|verificatiecode|verification\s*code"
    r"|antwoord|answer"
)
# Words of logging in and of trying a value (nl, en, de, fr), no cue of their own: near a token they tell that a login
# is talked about (``secrets``, ``secret_context``; each adds words of its own).
LOGIN_WORDS = (
    r"inlog\w*", r"login\w*", r"log\s+in", r"aanmeld\w*", r"anmeld\w*", r"einlogg\w*", r"sign\s+in", r"credentials",
    r"geprobeerd", r"tried", r"versucht", r"essay[ée]", r"typed", r"getypt", r"ingetypt", r"eingegeben", r"connex\w*",
)
# not inside an identifier, path or file name ("aws_secret_access_key", "/wp-login.php", "api-key.txt")
# (the one cue that starts with a non-ASCII letter, "şifre", stands apart so the others get a first-letter guard)
CUE = re.compile(
    r"(?<![\w/.])(?:" + first_letter_guard(CUE_WORDS) + r"(?i:" + CUE_WORDS + r")|(?i:şifre))(?![\w]|[-.]\w)"
)
# every cue word of CUE contains one of these (see ``base.may_contain``)
CUE_STEMS = (
    "wach", "ww", "pass", "pasw", "psw", "pssw", "pw", "pin", "code", "token", "secret", "key", "sleutel",
    "antwoord", "answer", "mdp", "passwort", "kennwort", "contrase", "hasło", "haslo", "ifre", "senha", "parola",
    "kenwort", "paß", "geheimzahl", "schlüssel", "schlussel", "wpa", "psk", "wifi", "wi-fi", "seau", "api", "curit",
)
# Cues after which a plain word (no digits or symbols) is still taken as the secret when introduced by
# "is"/":" ("het antwoord is Brouwer"); for "code"/"key" a plain word is far more often just prose.
WORD_SECRET_CUES = re.compile(
    r"(?i)wacht?w|wachtzin|password|passwd|passphrase|antwoord|answer|\bww\b|\bpw|passe|mot[\s-]+de[\s-]+pass|mdp|pa(?:ss|ß)wort|ken+wort"
    r"|\bpas+w|\bpss?w|toegangscode|inlogcode|logincode|zugangscode|code\s+d'acc|wlan|wi-?fi|netzwerk|netwerksleutel"
    r"|cl[ée]\s|wpa|psk"
    r"|contrase|has[łl]o|ifre|senha|parola"
)
# a bare "code" after these words is no secret (an error, status, post or country code)
NOT_SECRET_CODE = re.compile(
    r"(?i)(?:error|fout|status|exit|http|response|return|post|zip|country|land|area|sort|promo|kortings|discount"
    r"|qr|bar|source|bron|dns|diagnostic|smtp|reason|foutmeldings?|melding|iso|html|css|php|python|tracking|track"
    r"|verzend|bevestigings?|activation|voucher|coupon|cadeau|gift|kleur|colou?r|exception|sql|mysql"
    r"|branch|bank|swift|bic|ifsc|routing|transit|filiaal)[- ]?$"
)
NOT_SECRET_CODE_AFTER = re.compile(r"(?i)[ \t]+(?:postal|pays|promo|erreur|d'erreur|couleur|iso)\b")
# What introduces the value after its cue: ":", "=", a table's "|", a dash or arrow ("PW - ...", "pw -> ..."), or a verb
# (also with "now"/"nu" after it: "het ww is nu ...").
MARKER = re.compile(
    r"(?i)(?:[:=|]|\s(?:-+>?|[–→])|\b(?:is|was|naar|to|becomes|wordt|ist|est|lautet|c'est)"
    r"(?:\s+(?:nu|now|momenteel|currently|inmiddels|jetzt|maintenant|d[ée]sormais))?)\s*$"
)
# A PIN cue's paragraph: every other short standalone code in it is a PIN too (see ``credentials._pin_window``).
PIN_CUE = re.compile(
    r"(?<![\w/.])(?i:(?:sim-?)?pin(?:code|nummer)?s?|puk(?:code)?|toegangscode|inlogcode|zugangscode|geheimzahl"
    r"|m?-?tan|sicherheitscode|entsperrcode|ontgrendelcode)(?![\w]|[-.]\w)"
)
PIN_STEMS = ("pin", "puk", "toegangscode", "inlogcode", "zugangscode", "geheimzahl", "tan", "sicherheitscode",
             "entsperrcode", "ontgrendelcode")


# Words that make a phrase with a password cue rather than being its value ("wachtwoord wijzigen", "password
# manager", "Passwort vergessen", "mot de passe oublié"): verbs of setting, changing, forgetting and typing it, and
# the nouns compounded with it, in nl, en, de and fr. General vocabulary, not taken from any corpus.
_FOLLOWERS = """
    wijzigen veranderen aanpassen instellen resetten herstellen opvragen aanvragen invoeren intypen ingeven kiezen
    vergeten kwijt onthouden bewaren delen sturen versturen beheer beheerder manager generator beleid eisen veld
    sterkte lengte hint tip vraag reset change changed update set enter type forgot forgotten lost remember share
    send manager policy requirements field strength length hint prompt protected expired expiry recovery
    ändern zurücksetzen vergessen eingeben setzen wählen teilen senden manager richtlinie feld stärke länge
    geschützt abgelaufen changer modifier réinitialiser oublié oubliée saisir entrer choisir partager envoyer
    gestionnaire politique champ protégé expiré perdu beveiligd verlopen wifi wlan mail e-mail email account
"""
CUE_FOLLOWERS = frozenset(_FOLLOWERS.split())


def cue_follower(word: str) -> bool:
    """Whether ``word`` after a password cue makes a phrase with it (see ``CUE_FOLLOWERS``)."""
    return word.lower() in CUE_FOLLOWERS
