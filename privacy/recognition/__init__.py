"""Recognise GDPR/AVG data-subject requests (art. 15-18, 20, 21, 77) in a raw customer message.

Two voters. Rules (``rules``) read each sentence as *intent trigger x personal-data object, minus
ordinary-support context*, per language; a citation of the article itself ("art. 17 AVG", "Art. 21
DSGVO") is strong evidence on its own. The hard part is *ordinary support* in the same words (delete a
mailbox, "inzage" in invoices, "bezwaar" against an invoice, a complaint about downtime), which the rules
are good at, while short informal requests with typos are what they miss. A learned classifier per type
(``model``: tf-idf word and character n-grams, logistic regression, trained by
``training/privacy/train.py``) generalises over wording. ``vote`` combines them: a rule's label stands
unless the model votes it down, the model labels alone when it is sure, and a message either voter was
unsure about is a *possible* request for the officer. Every label carries its reasons (rule names and
``model:<score>``, safe to log: never matched text). Rules plus model run in a few milliseconds.

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

Modules: ``types`` (what is answered), ``lexicon`` (the patterns the rules share), ``answered`` (what was
already done, answered or announced: no new request), ``model_cues``
(the words of each type the model needs to label alone), ``rules`` (the rule
table per right and the article citations), ``message`` (own text and quotes, sentences, language),
``model`` (the learned scores), ``vote`` (rules and model decide), ``prefilter`` (which rules can fire at all:
a rule is tried on a sentence only when a literal its trigger needs is in it), ``held`` (whether a sentence a rule
fired in makes no request: a list of rights, thanks, a condition, somebody else's) and ``recognizer`` (every rule on
every sentence, the model's scores, then the vote).
"""

from __future__ import annotations

from privacy.recognition.recognizer import detect_requests, recognize
from privacy.recognition.types import Recognition, RequestType

__all__ = ["Recognition", "RequestType", "detect_requests", "recognize"]
