"""Recognise GDPR/AVG data-subject requests (art. 15-18, 20, 21, 77) in a raw customer message.

Why rules and not a trained classifier: the signal is a small, well-described set of legal intents
("give me / delete / correct / export / stop using *my personal data*", "I will complain to the
Autoriteit Persoonsgegevens"), while the hard part is *ordinary support* in the same words (delete a
mailbox, "inzage" in invoices, "bezwaar" against an invoice, export website files, a complaint about
downtime). Each rule is *intent trigger x personal-data object, minus ordinary-support context*, per
language; a citation of the article itself ("art. 17 AVG", "Articles 15 and 16 GDPR", "Art. 21
DSGVO") is strong evidence on its own. Rules are transparent (every label carries the names of the
rules that fired, safe to log because they never contain the matched text), need no training corpus
we would have to invent in bulk, and run in about half a millisecond per message. A classifier
trained on a few hundred self-written sentences would learn our phrasing, not the customers'.

How a sentence is read:

* personal data is *strong* ("persoonsgegevens", "everything you hold about me", "gegevens die ik
  heb opgegeven"), a *field* ("mijn geboortedatum", "my surname"), or *weak* ("mijn gegevens", "my
  details"), which counts only when no support object (site, mailbox, domain, invoice, backup) is in
  the sentence; data of the writer's own customers (art. 28 processor territory) never counts;
* a pronoun or a short elliptic follow-up ("Daarna mogen jullie alles wissen.", "If so, I want
  copies.") takes its object from the sentence before;
* some rules may find their second half in the neighbouring sentence or the subject line ("Ik krijg
  mails met aanbiedingen. Daar wil ik mee stoppen.");
* a negation just before the trigger, or closing its clause in Dutch order ("verwijder mijn gegevens
  niet"), cancels it.

Rules for nl, en, de and fr run on every message: customers mix languages and a detector would only
add a way to miss a request; the few collisions (Dutch "wissen" = erase, German "wissen" = know) are
handled in the patterns. ``Recognition.lang`` is a cheap stop-word vote, for statistics only.

Message structure: quoted earlier messages ("> ...", "Op ... schreef ...:", "-----Original
Message-----"), signature blocks after a closing formula and legal disclaimers are cut before the
rules run, because a quoted reply of ours ("your access request has been received") or a disclaimer
("if you are not the addressee, please delete this e-mail") is no new request. A reply that says it is
a reminder ("still no answer to my request below"), and a bare forward, re-assert what they quote, so
only then the quoted part is read. Hard-wrapped mail lines are joined; bulk mail carrying its own
opt-out footer (RFC 2369/8058 style "klik hier om u af te melden") is advertising, not a request.

Modules: ``types`` (what is answered), ``lexicon`` (the patterns the rules share), ``rules`` (the rule
table per right and the article citations), ``message`` (own text and quotes, sentences, language) and
``recognizer`` (every rule on every sentence, then the labels).
"""

from __future__ import annotations

from privacy.recognition.recognizer import detect_requests, recognize
from privacy.recognition.types import Recognition, RequestType

__all__ = ["Recognition", "RequestType", "detect_requests", "recognize"]
