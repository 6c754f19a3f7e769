"""What was already done, answered or announced: an erasure told back as done, thanks for a request carried out, an
answer received or complete, marketing wanted back, a deletion the company announced. A sentence in these words
reports or thanks, it makes no new request (``held.held_back``); the rules' blockers use them too.

Split from ``lexicon`` (the vocabulary the rules share) when that reached the module size limit (round 12).
"""

from __future__ import annotations

import re

from privacy.recognition.lexicon import rx

# An erasure told back as done ("your mail said my data was deleted", "mijn gegevens zijn verwijderd", "mes données
# ont été supprimées"): art. 17 carried out, no new request; not when it is still asked for, negated ("still not
# deleted": a reminder), to be confirmed or wanted (issue 18, round 9: answered requests).
ERASURE_DONE = re.compile(
    r"^(?![^.?!\n]*\b(?:not|n't|niet|nog|still|yet|nicht|noch|pas|toujours|jamais|never|nooit|geen|kein\w*|"
    r"confirm(?!ation)\w*|bevestig(?!ing)\w*|bestätig(?!ung)\w*|like|need|expect|await|verwacht\w*|erwarte\w*|send|"
    r"stuur|envoy\w*|ensure|make sure|zorg|whether|if|ob|si|want|wil|wilt|möchte|veux|voudrais|"
    r"souhaite|should|must|moet|muss|doit|please|pls|graag|bitte|svp|aub)\b)"
    r"[^.?!\n]*\b\w+\s+(?:was|were|has been|have been|had been|is|zijn|werd|wurden|wurde|sind|ist|a été|ont été|"
    r"avait été|avaient été)\s+(?:[\w'-]+\s+){0,4}(?:deleted|erased|removed|wiped|destroyed|purged|verwijderd|gewist|"
    r"vernietigd|gelöscht|entfernt|vernichtet|supprimée?s?|effacée?s?|détruite?s?)\b",
    re.IGNORECASE,
)
# Wanting marketing back: "I unsubscribed by mistake", "put me back on the newsletter", "weer aanmelden". Art. 21(2)
# is a right to stop direct marketing; asking to receive it again is no objection (issue 18, round 9).
RESUBSCRIBE = rx(
    r"\b(?:by (?:accident|mistake)|accidentally|per ongeluk|per abuis|per vergissing|versehentlich|aus versehen|"
    r"par erreur|par mégarde)\b",
    r"\b(?:re-?subscrib\w*|réinscri\w*|put me back|sign me (?:back )?up again|back on (?:the|your) (?:\w+ )?(?:list|"
    r"newsletter|mailing)|(?:weer|opnieuw) (?:aan)?meld\w*|wieder (?:ein)?(?:tragen|anmelden)|wieder eintragen)\b",
    r"\b(?:weer|opnieuw)\b[^.?!\n]{0,30}\bontvangen\b", r"\b(?:receive|get)\w* (?:\w+ ){0,3}(?:again|back)\b",
    r"\brecevoir (?:\w+ ){0,3}(?:de nouveau|à nouveau)|\b(?:de nouveau|à nouveau) recevoir\b",
    r"\bwieder (?:erhalten|bekommen|zugeschickt)\b",
)
# Thanks for what was done ("thanks for deleting my data", "fijn dat mijn adres is aangepast"), not for
# what is asked in advance ("alvast bedankt voor het verwijderen").
THANKS_DONE = re.compile(
    r"^(?![^.?!\n]*\b(?:in advance|alvast|bij voorbaat|im voraus|d'avance|par avance)\b)[^.?!\n]*?"
    r"(?:\b(?:thanks?|thank you|cheers|thx|bedankt|dank ?(?:je|u|jullie)(?: ?wel)?|danke|dank|merci)\b[^.?!\n]{0,20}"
    r"\b(?:for|voor|für|fürs|pour)\b|\b(?:fijn|blij|great|glad|good|super|top|schön|toll) (?:dat|that|dass)\b"
    # "merci de m'avoir transmis", "je vous remercie d'avoir supprimé", "danke, dass ihr ... abgestellt habt" (round 11;
    # not "merci de supprimer", which asks in advance)
    r"|\b(?:merci|remerci\w*)\b[^.?!\n]{0,20}(?:\bd'avoir|\bde (?:m'|nous )avoir|\bpour avoir)\b"
    # "je vous remercie de votre courrier confirmant ...", "merci de votre message" (round 13: "merci de" + the
    # letter thanked for; "merci de supprimer" still asks)
    r"|\b(?:merci|remerci\w*)\b[^.?!\n]{0,12}\bde (?:votre|vos|ton|ta|tes) (?:courrier|lettre|message|réponse|"
    r"e-?mail|mail|confirmation|retour|envoi)s?\b"
    r"|\b(?:danke|dank),? dass\b)",
    re.IGNORECASE,
)
# What the writer has received, with thanks or "as requested": an answered request, not a new one ("I got
# the overview of my data, thanks, all in order").
RECEIVED_DONE = re.compile(
    r"^(?![^.?!\n]*\b(?:not|n't|niet|niets|nog|nothing|still|yet|nicht|nichts|noch|pas|rien|toujours|nooit|never)\b)"
    r"(?=[^.?!\n]*\b(?:received|got|ontvangen|gekregen|erhalten|bekommen|reçu|angekommen|arrivée?s?)\b)"
    r"(?=[^.?!\n]*\b(?:thanks?|thank you|bedankt|dank|danke|merci|as (?:i )?(?:requested|asked)|zoals gevraagd|"
    r"in orde|klopt|in order|correct|wie gewünscht|comme demandé)\b)",
    re.IGNORECASE,
)
# An answer said to be complete or to have arrived ("die Auskunft ist vollständig", "la réponse est complète", "the
# export has arrived"): a request answered, no new one (round 11).
ANSWER_COMPLETE = re.compile(
    r"\b(?:auskunft|antwort|kopie|datei|export|réponse|copie|fichier|overzicht|antwoord|answer|copy|overview|file)\b"
    # (no negation between the answer and its state: "the copy is still not complete", "n'est pas complète")
    r"(?:(?!\b(?:not|niet|nog|still|nicht|noch|pas|toujours|never|nooit)\b|n't)[^.?!\n]){0,25}"
    r"\b(?:ist|est|is|war|était|was|sind|sont|are)\b"
    r"(?:(?!\b(?:not|niet|nog|still|nicht|noch|pas|toujours|never|nooit)\b|n't)[^.?!\n]){0,15}"
    r"\b(?:vollständig|complète?s?|compleet|volledig|complete|angekommen|arrivée?s?|binnen|erledigt|arrived)\b"
    # "the export of my data came through", "die Kopie kam gestern an" (round 14)
    r"|\b(?:auskunft|kopie|datei|export|copie|fichier|overzicht|answer|copy|overview|file)\b[^.?!\n]{0,25}"
    r"\b(?:came (?:through|in)|kam (?:\w+ )?an|is binnengekomen|kwam binnen)\b",
    re.IGNORECASE,
)
# A deletion the company announced or told the writer of ("Sie haben angekündigt, meine Daten zu löschen", "vous avez
# annoncé que vous effaceriez"): what we plan, not what the writer asks (round 11; often asked to be replaced by a
# restriction).
ANNOUNCED = rx(
    r"\b(?:sie haben|ihr habt|you have|you've|vous (?:m')?avez|u heeft|jullie hebben)\b[^.?!\n]{0,20}\b(?:angekündigt|"
    r"mitgeteilt|announced|told me|informed me|annoncé|informée?|aangekondigd|laten weten)\b",
    r"\b(?:sie|you|vous|u|jullie) (?:kündigten|announced|annonciez|kondigden)\b",
)

# An objection made earlier and still being assessed, named as the ground of a restriction (art. 18(1)(d): "restrict
# the processing while my objection is assessed", "bis über meinen Widerspruch entschieden ist", "dans l'attente de la
# décision sur mon opposition"): not made again in that sentence (round 13) ...
PENDING_OBJECTION = rx(
    r"\b(?:while|until|pending|whilst)\b[^.?!\n]{0,40}\b(?:my|the|this|that) objection\b",
    r"\bmy objection (?:is|has been|was) (?:being )?(?:assessed|considered|reviewed|decided|examined|verified)\b",
    r"\b(?:zolang|totdat|tot|in afwachting van)\b[^.?!\n]{0,40}\b(?:mijn|het|dat|dit) bezwaar\b",
    r"\b(?:bis|solange|während)\b[^.?!\n]{0,40}\b(?:meine[nm]?|den|dem|diesen) widerspruch\b",
    r"\b(?:dans l'attente de|jusqu'à|pendant|tant que)\b[^.?!\n]{0,40}\b(?:mon|cette|l')\s?opposition\b",
)
# ... unless the sentence makes it too ("I object to the profiling, and restrict it while you weigh my objection").
OBJECTING_NOW = rx(
    r"\bI (?:hereby |also |now )?object\b", r"\b(?:maak|teken) ik\b[^.?!\n]{0,20}\bbezwaar\b",
    r"\bik (?:maak|teken)\b[^.?!\n]{0,20}\bbezwaar\b", r"\bwiderspreche\b",
    r"\blege ich\b[^.?!\n]{0,30}\bwiderspruch\b",
    r"\bje m'oppose\b", r"\bje (?:forme|fais) opposition\b",
)
# An earlier request received or withdrawn ("na mijn inzageverzoek heb ik het overzicht ontvangen", "nach meinem
# Auskunftsersuchen habe ich die Kopie erhalten", "mijn inzageverzoek mag als vervallen worden beschouwd", "I withdraw
# my access request", "ziehe ich zurück"): settled, no new request; not when nothing came ("nog steeds niets
# ontvangen", "still not received": a reminder) (round 14)
REQUEST_SETTLED = re.compile(
    r"^(?![^.?!\n]*\b(?:not|n't|niet|niets|nog|nothing|still|yet|nicht|nichts|noch|pas|rien|toujours|nooit|never|geen|"
    r"kein\w*)\b)(?:"
    r"[^.?!\n]*\b(?:na|after|following|nach|après|suite à) (?:mijn|my|meine[mn]?|mon|ma) (?:\w+ )?(?:inzage\w*|"
    r"access request|request|auskunft\w*|anfrage|demande)\b[^.?!\n]{0,60}\b(?:ontvangen|gekregen|received|got|"
    r"erhalten|bekommen|reçu)\b"
    r"|[^.?!\n]*\b(?:inzage\w*|verzoek|request|auskunftsersuchen|anfrage|antrag|demande)\b[^.?!\n]{0,30}\b(?:als "
    r"vervallen|ingetrokken|withdrawn|zurückgezogen|ziehe ich\b[^.?!\n]{0,15}\bzurück|als erledigt|retirée?|annulée?)"
    r"|[^.?!\n]*\b(?:i|we) (?:hereby )?withdraw (?:my|our) (?:\w+ )?request\b"
    r"|[^.?!\n]*\b(?:je retire|ik trek) (?:ma|mijn) (?:\w+ )?(?:demande|verzoek)\b)",
    re.IGNORECASE,
)
