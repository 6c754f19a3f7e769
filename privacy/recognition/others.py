"""Round 15 and 16 patterns of issue 18 (plain pattern strings, no imports): somebody else acting or holding data, and a
field of the writer's account in French and German. Split from ``lexicon`` (at the module size limit), which puts them
into its ``THIRD_PARTY`` and ``PD_FIELD`` alternations.
"""

from __future__ import annotations

OTHERS_ACTING = (
    # a member or customer of the writer's acting in German and French ("ein Mitglied hat sich beschwert", "eine
    # Kundin meines Ladens möchte", "une de nos adhérentes veut"; round 15)
    r"\b(?:ein|eine|einer) (?:unserer |meiner )?(?:vereins)?(?:mitglied\w*|kunde|kundin|nutzer\w*|besucher\w*|"
    r"abonnent\w*|patient\w*|mieter\w*|gast)\b(?: (?:meines|unseres|meiner|unserer) \w+)?"
    r" (?:hat|will|möchte|fragt|verlangt|bittet|wünscht|beschwert)\b",
    r"\b(?:un|une) (?:de (?:nos|mes) )?(?:membres?|clients?|clientes?|adhérent\w*|abonné\w*|utilisat\w*|"
    r"patient\w*|locataires?)\b(?: (?:de|du) (?:mon|ma|notre) \w+)? (?:a|veut|demande|souhaite|voudrait|se plaint)\b",
)
WRITER_HOLDS = (
    # the writer holds the data, about somebody else ("welche Daten ich über sie gespeichert habe", "what data I hold
    # about her", "welke gegevens ik over hem heb"; round 16)
    r"\b(?:welche|was für) (?:daten|informationen)\b[^.?!\n]{0,10}\b(?:ich|wir) (?:\w+ )?über (?:sie|ihn)\b",
    r"\bwhat (?:personal )?(?:data|information|details) (?:i|we) (?:\w+ )?(?:about|on) (?:her|him|them)\b",
    r"\bwelke (?:persoons)?gegevens (?:ik|wij|we) (?:\w+ )?(?:over|van) (?:haar|hem|hen)\b",
    r"\b(?:quelles|les) (?:données|informations)\b[^.?!\n]{0,10}\b(?:je|nous) (?:\w+ )?(?:sur|à propos d') ?"
    r"(?:elle|lui|eux)\b",
)
FIELD_ON_ACCOUNT = (
    # the same in French and German ("le numéro de tel dans mon compte", "l'adresse dans mon espace client", "die
    # Adresse in meinem Kundenkonto"; round 16)
    r"\b(?:numéro|tél[ée]phone|tel|portable|adresse|nom|prénom|e-?mail|date de naissance)\b[^.?!\n]{0,20}"
    r"\b(?:dans|sur|de) (?:mon|ma) (?:compte|profil|espace client|dossier|fiche)\b",
    r"\b(?:adresse|anschrift|name|namen|telefonnummer|handynummer|e-?mail-?adresse|geburtsdatum)\b[^.?!\n]{0,20}"
    r"\b(?:in|im|auf) (?:meinem |meinen )?(?:kundenkonto|konto|profil|kundenprofil)\b",
)
