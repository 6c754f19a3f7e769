"""What the bot says, in Dutch and English: the user's Telegram language, else Dutch.

Telegram gives the user's interface language as an IETF tag (``language_code``, e.g. ``en-GB``);
anything that is not English gets Dutch, the operator's own language.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["nl", "en"]

TEXTS: dict[str, dict[Lang, str]] = {
    "start": {
        "nl": (
            "Welkom bij onze klantenservice. Stel hier je vraag; we maken er een ticket van en antwoorden "
            "in deze chat.\n\nPrivacy: we bewaren je berichten en de status van je tickets. Persoonsgegevens "
            "die we niet nodig hebben (zoals namen, BSN, IBAN, wachtwoorden en foto's van documenten) "
            "worden automatisch verwijderd voordat iets wordt opgeslagen. Meer in onze privacyverklaring: "
            "{privacy_url}\n\n/status: je open tickets\n/link: koppel deze chat aan je klantaccount\n"
            "/privacy: een privacyverzoek indienen"
        ),
        "en": (
            "Welcome to our support desk. Ask your question here; we turn it into a ticket and answer in "
            "this chat.\n\nPrivacy: we keep your messages and the state of your tickets. Personal data we "
            "do not need (such as names, national ID numbers, bank accounts, passwords and photos of "
            "documents) is removed automatically before anything is stored. More in our privacy "
            "statement: {privacy_url}\n\n/status: your open tickets\n/link: connect this chat to your "
            "customer account\n/privacy: make a privacy request"
        ),
    },
    "status_none": {
        "nl": "Er staan geen open tickets voor deze chat.",
        "en": "There are no open tickets for this chat.",
    },
    "status_head": {"nl": "Je open tickets:", "en": "Your open tickets:"},
    "status_line": {"nl": "#{number} — {state} — {subject}", "en": "#{number} — {state} — {subject}"},
    "state_new": {"nl": "nieuw", "en": "new"},
    "state_open": {"nl": "in behandeling", "en": "in progress"},
    "state_pending": {"nl": "wacht op jouw antwoord", "en": "waiting for your reply"},
    "link_ask": {
        "nl": "Stuur je klantnummer of het e-mailadres van je klantaccount, bijvoorbeeld: /link 104233",
        "en": "Send your customer number or the e-mail address of your customer account, e.g. /link 104233",
    },
    "link_sent": {
        "nl": "Als er een account bij hoort, hebben we een code naar het e-mailadres van dat account "
        "gestuurd. Typ de code hier in (geldig {minutes} minuten).",
        "en": "If an account exists, a code was sent to its e-mail address. Type the code here "
        "(valid for {minutes} minutes).",
    },
    "link_throttled": {
        "nl": "Je hebt al te veel codes aangevraagd. Probeer het over een uur opnieuw.",
        "en": "Too many codes were requested. Please try again in an hour.",
    },
    "link_mail_subject": {"nl": "Je code om Telegram te koppelen", "en": "Your code to connect Telegram"},
    "link_mail_text": {
        "nl": "Hallo,\n\nIemand heeft gevraagd een Telegram-chat aan je klantaccount te koppelen. Typ deze code "
        "in de chat met onze bot:\n\n    {code}\n\nDe code is {minutes} minuten geldig. Heb je dit niet zelf "
        "gevraagd? Negeer dan deze e-mail; er wordt niets gekoppeld.\n",
        "en": "Hello,\n\nSomeone asked to connect a Telegram chat to your customer account. Type this code in "
        "the chat with our bot:\n\n    {code}\n\nThe code is valid for {minutes} minutes. If you did not ask "
        "for this, ignore this e-mail; nothing will be connected.\n",
    },
    "link_ok": {
        "nl": "Gelukt: deze chat is gekoppeld aan je klantaccount.",
        "en": "Done: this chat is now connected to your customer account.",
    },
    "link_wrong": {
        "nl": "Die code klopt niet. Je kunt het nog {left} keer proberen.",
        "en": "That code is not right. You have {left} more tries.",
    },
    "link_locked": {
        "nl": "Te veel verkeerde pogingen: deze code werkt niet meer. Vraag met /link een nieuwe aan.",
        "en": "Too many wrong tries: this code no longer works. Ask for a new one with /link.",
    },
    "link_expired": {
        "nl": "Deze code is verlopen. Vraag met /link een nieuwe aan.",
        "en": "This code has expired. Ask for a new one with /link.",
    },
    "privacy_ack": {
        "nl": "Bedankt, we hebben je privacyverzoek genoteerd (ticket #{number}). We nemen contact met je "
        "op en kunnen je vragen je identiteit te bevestigen.",
        "en": "Thank you, we have recorded your privacy request (ticket #{number}). We will contact you "
        "and may ask you to confirm your identity.",
    },
    "privacy_opened": {
        "nl": "Bedankt, je privacyverzoek is geopend (ticket #{number}). We antwoorden uiterlijk op {due}. "
        "Eerst bevestigen we dat het verzoek van jou komt: we sturen een code naar het e-mailadres van je "
        "klantaccount, of vragen je om je klantnummer.",
        "en": "Thank you, your privacy request has been opened (ticket #{number}). We will answer by {due} at "
        "the latest. First we confirm that the request is yours: we send a code to the e-mail address of "
        "your customer account, or ask for your customer number.",
    },
    "privacy_opened_which": {
        "nl": "Bedankt, je privacyverzoek is geopend (ticket #{number}); we antwoorden uiterlijk op {due}. "
        "Wat wil je dat we doen? Schrijf het hier, bijvoorbeeld: inzage in mijn gegevens, mijn gegevens "
        "verwijderen, mijn gegevens corrigeren, geen reclame meer, of mijn gegevens als bestand.",
        "en": "Thank you, your privacy request has been opened (ticket #{number}); we will answer by {due} at "
        "the latest. What would you like us to do? Write it here, for example: a copy of my data, delete my "
        "data, correct my data, no more marketing, or my data as a file.",
    },
    "photo_not_kept": {
        "nl": "We hebben je foto niet bewaard: om je privacy te beschermen slaan we geen foto's op. "
        "Beschrijf het probleem liever in tekst. Stuur nooit een foto van een identiteitsbewijs.",
        "en": "We did not keep your photo: to protect your privacy we do not store photos. Please "
        "describe the problem in text instead. Never send a photo of an identity document.",
    },
    "file_not_kept": {
        "nl": "We hebben je bestand niet bewaard (type of grootte niet toegestaan). Je bericht is wel "
        "ontvangen.",
        "en": "We did not keep your file (type or size not allowed). Your message was received.",
    },
}


# The command menu Telegram shows (setMyCommands): Dutch as the default, English for English users.
COMMANDS: dict[Lang, list[tuple[str, str]]] = {
    "nl": [("start", "Uitleg en privacy"), ("status", "Je open tickets"),
           ("link", "Koppel deze chat aan je klantaccount"), ("privacy", "Een privacyverzoek indienen")],
    "en": [("start", "About this chat and privacy"), ("status", "Your open tickets"),
           ("link", "Connect this chat to your customer account"), ("privacy", "Make a privacy request")],
}


def lang_of(language_code: str | None) -> Lang:
    return "en" if language_code and language_code.lower().split("-")[0] == "en" else "nl"


def text(lang: Lang, key: str, **values: object) -> str:
    return TEXTS[key][lang].format(**values)
