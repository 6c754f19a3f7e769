"""Render ``eval/privacy_letters_tune.jsonl``: formal request letters in the shape of public templates that no other
corpus of ours used, each with its optional paragraphs on and off.

Why this file exists: the recogniser's exact label set on real request letters lags (issue 18): standard closing
sentences, article lists, a reserved complaint and "a copy" add labels nobody asked for, and a label routes the
request to a handler. The test-only ``eval/privacy_letters.jsonl`` may not be tuned on, and its sources
(datarequests.org/datenanfragen, AP, Consumentenbond, Juridisch Loket, BfDI, Stiftung Datenschutz, Jersey OIC, Que
Choisir, CNIL, the Belgian DPA) are not used here; nor are those of ``training/privacy/letters_v4.txt`` (ICO, Big
Brother Watch, personaldata.io, Verbraucherzentrale, lettres-gratuites.com / wonder.legal). The templates were
read for their structure (which paragraphs, in which order, which are optional) and paraphrased; translations into
the other languages are ours, as a customer would translate a template. No sentence is copied.

Sources (structure only):

* ``goodlly``: github.com/good-lly/gdpr-documents, ``docs/*/gdpr_access_*.md`` and ``gdpr_erase_*.md`` (nl, en, de,
  fr; MIT licence): an access letter to the DPO with a numbered list of what to disclose (categories, storage
  countries and cloud servers, a copy with dates, purposes, third parties and their jurisdictions, retention, sources,
  automated decisions, past breaches, security standards, staff training) and a closing that says the request will be
  *forwarded to the authority* if unanswered; an erasure letter that also withdraws consent, "objects to all
  processing including profiling (art. 21)" as its ground, asks to pass the erasure on to recipients (art. 19) and
  reserves legal action and a complaint.
* ``diogenes``: github.com/ThrosturX/diogenes-protocol, ``templates/dsar/gdpr-dsar.md``,
  ``templates/privacy/{account-deletion-request,marketing-opt-out,rectification-request}.md``,
  ``templates/ai-model-training-data-rights.md`` (en; templates CC BY 4.0): short starter letters with an
  identifier block, "preferred delivery format: machine-readable electronic copy" in an access request, a deletion
  that asks what must be retained, an opt-out that asks to be removed from marketing lists, a correction with
  current and correct values, and an AI-training letter asking whether data was used, to stop, and to delete.
* ``ddr``: deinedatendeinerechte.de, "Rechte auf Widerspruch, Berichtigung, Löschung und Einschränkung" (de): short
  Musterschreiben (objection to direct marketing, art. 21(2)) asking to confirm receipt and the measures taken
  (art. 12(3)) by a date, closing with "if you ignore my demand I will turn to a data protection authority" and
  reserved damages (art. 82).
* ``rundfunk``: rundfunkdatenschutz.de, Mustertext "Antrag auf Löschung gemäß Artikel 17 DSGVO" (de).
* ``sachsen``: the Saxon data protection commissioner's text generator for objecting to processing for advertising
  and withdrawing consent (formulare.datenschutz.sachsen.de, de).
* batch 2 (appended later; the earlier records keep their place and split): ``privzr``: privzr.com/right-to-erasure's
  template (en; an erasure that also asks to notify recipients, art. 19, and to stop profiling and direct marketing,
  art. 21); ``forumpost``: a deletion letter a user posted on automotiveforums.com (en; the laws of several countries
  listed, "cease any further processing", what must be retained); ``documentsfr``: documents.fr's "Demande de
  suppression de données personnelles" (fr; art. 17.1 with the data and a reason); ``documentissime``:
  documentissime.fr's letter closing an account with the data deleted and pages delisted (fr). Translations ours.
* ``wijdoendatzo``: wijdoendatzo.wordpress.com "voorbeeld AVG-verzoek" (nl): a request to a public body for the whole
  file, citing art. 4 definitions and art. 15(1) and (3).

Labels follow ``training/privacy/README.md``: a complaint threatened or reserved on a condition is no complaint; an
objection or withdrawn consent given as the ground of an erasure is no objection; a copy of one's data, also
"electronic" or "machine-readable", is access, not portability, unless art. 20 or a transfer is asked for; asking to
be told the recipients of an erasure is part of the erasure. All names and numbers are fictional. Records are
written in a fixed order, so ``eval/split.py``'s split never moves; the corpus was committed before the recogniser
ran on it.

    python eval/make_letters_tune.py     # eval/letters_tune.txt (the paragraphs) -> eval/privacy_letters_tune.jsonl
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "letters_tune.txt"
OUT = HERE / "privacy_letters_tune.jsonl"


@dataclass(frozen=True)
class Letter:
    name: str
    source: str
    lang: str
    labels: tuple[str, ...]
    note: str
    subject: str
    body: tuple[tuple[str, bool], ...]  # (paragraph, optional)


def read_letters(path: Path = SOURCE) -> list[Letter]:
    """The letters of ``letters_tune.txt``: a header ``=== name | source | lang | labels | note``, the subject line,
    then paragraphs each after a line ``---`` (always kept) or ``+++`` (optional: kept in some variants)."""
    letters: list[Letter] = []
    for block in path.read_text(encoding="utf-8").split("=== ")[1:]:
        head, subject, *rest = block.rstrip("\n").split("\n")
        name, source, lang, labels, note = (part.strip() for part in head.split("|"))
        body: list[tuple[str, bool]] = []
        for line in rest:
            if line in ("---", "+++"):
                body.append(("", line == "+++"))
            else:
                text, optional = body[-1]
                body[-1] = (f"{text}\n{line}" if text else line, optional)
        letters.append(Letter(name, source, lang, tuple(labels.split(",")), note, subject, tuple(body)))
    return letters


def variants(letter: Letter) -> list[str]:
    """The letter with every optional paragraph, with none, and with each alternate half (duplicates dropped)."""
    optional = [i for i, (_, opt) in enumerate(letter.body) if opt]
    masks = [set(optional), set(), set(optional[0::2]), set(optional[1::2])]
    seen: list[str] = []
    for keep in masks:
        paras = [text for i, (text, opt) in enumerate(letter.body) if not opt or i in keep]
        text = "\n\n".join([letter.subject, *paras])
        if text not in seen:
            seen.append(text)
    return seen


def ordered() -> list[tuple[Letter, int, str]]:
    """(letter, variant number, text) in file order. The variants of one letter differ by a paragraph or two, so
    they must not straddle ``eval/split.py``'s split: every fifth letter is a test letter, its variants fill the test
    positions (every fifth record) and the other letters' fill the rest; whatever no longer fits is left out."""
    pools: list[list[tuple[Letter, int, str]]] = [[], []]
    for n, letter in enumerate(read_letters()):
        pools[n % 5 == 4].extend((letter, k, text) for k, text in enumerate(variants(letter)))
    out: list[tuple[Letter, int, str]] = []
    while pools[len(out) % 5 == 4]:
        out.append(pools[len(out) % 5 == 4].pop(0))
    return out


def main() -> int:
    lines: list[str] = []
    for letter, k, text in ordered():
        record = {
            "id": f"lt-{len(lines):03d}",
            "lang": letter.lang,
            "channel": "email",
            "text": text,
            "labels": sorted(letter.labels),
            "ambiguous": False,
            "note": letter.note,
            "source": f"{letter.source} ({letter.name}, variant {k})",
        }
        lines.append(json.dumps(record, ensure_ascii=False))
    OUT.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    print(f"wrote {len(lines)} letters to {OUT.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
