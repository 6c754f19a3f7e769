"""Count what the training data and the tune parts already hold of the web host's situations (issue 18, round 9).

Why this file exists: before writing more messages, see which situations of a web host's support mail (deleting a
mailbox or DNS record, an objection to an invoice, a DPA question, a customer's own customers' requests, ...) the
training files and tune parts already cover, per language, as a request and as a look-alike non-request. The
situations are found by keywords only (a rough count, not a label): a message may fall in several or none.

    python training/privacy/inventory.py      # a table: situation x language, requests / non-requests
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "training" / "privacy"))

from train import load_docs  # noqa: E402

SITUATIONS: dict[str, str] = {
    "mailbox/db/site/dns": r"mailbox|postvak|mailadres verwijder|database|dns|record|website verwijder|delete (the|my) "
                           r"(site|website|domain)|domein|wordpress|subdomain|postfach|boîte mail",
    "invoice objection": r"factuur|invoice|rechnung|facture|incasso|bezwaar tegen de (factuur|kosten)|dispute",
    "downtime complaint": r"downtime|storing|offline|outage|niet bereikbaar|down\b|ausfall|panne",
    "dpa/processor": r"verwerkersovereenkomst|\bdpa\b|processor agreement|data processing agreement|"
                     r"auftragsverarbeitung|\bavv\b|sous-traitan",
    "cookie banner": r"cookie",
    "own customers": r"my (customer|client|member|visitor|user)s?\b|mijn (klant|lid|leden|bezoeker)|"
                     r"one of (my|our) (customer|client)|een (klant|lid) van (mij|ons)|kunde von mir|un de mes clients",
    "answered/thanks": r"thanks for (deleting|sending|the export)|bedankt voor het (verwijderen|toesturen)|"
                       r"already (received|deleted)|al ontvangen|is gelukt|danke für",
    "cancel account": r"opzeggen|cancel|terminate|kündig|résili|abonnement stop",
    "newsletter": r"nieuwsbrief|newsletter|mailing ?list|unsubscribe|afmelden|uitschrijven|désinscri|abmelden",
    "quoted thread": r"^>|\n>|wrote:|schreef:|schrieb:|a écrit",
}


def main() -> int:
    docs = load_docs(real=False)
    table: Counter[tuple[str, str, bool]] = Counter()
    langs = sorted({d.lang for d in docs})
    for d in docs:
        for name, pattern in SITUATIONS.items():
            if re.search(pattern, d.text, re.I | re.M):
                table[name, d.lang, bool(d.labels)] += 1
    print(f"{len(docs)} documents; cells: requests/non-requests")
    print(f"{'situation':22}" + "".join(f"{lang:>10}" for lang in langs))
    for name in SITUATIONS:
        cells = "".join(f"{table[name, lang, True]:>5}/{table[name, lang, False]:<4}" for lang in langs)
        print(f"{name:22}{cells}")
    total = Counter((d.lang, bool(d.labels)) for d in docs)
    print(f"{'all':22}" + "".join(f"{total[lang, True]:>5}/{total[lang, False]:<4}" for lang in langs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
