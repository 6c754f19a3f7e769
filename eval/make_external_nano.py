"""Convert a public labelled PII corpus written by others into eval/pii_external_nano.jsonl (issue 16).

Why this file exists: the unseen scores stayed flat while every corpus we wrote ourselves improved, so the
generators and templates share our imagination. This corpus is text written and labelled by someone else:
Nannigalaxy/PII-synthetic_dataset (MIT licence, (c) 2025 Nandan Manjunatha), file dataset/pii_syn_nano_en.json at
commit e776265 (blob da65795f90ef2619c1a5199f07bf417576e5e0dd, 149 English records: breach reports, leaked logins,
HR and bank notes). The licence allows redistribution, so the converted corpus is committed; the raw file is
expected under var/external/ (gitignored), taken from the fetched repository:

    git -C /work/.mirror/Nannigalaxy+PII-synthetic_dataset/repo show e776265:dataset/pii_syn_nano_en.json \\
        > var/external/pii_syn_nano_en.json
    python eval/make_external_nano.py

Their labels are mapped onto ../shared/docs/pii-policy.md (LABELS). A label the policy does not clearly strip or
keep (a company's or person's US tax id, bank routing numbers, patient, insurance, employee and user ids) is not
guessed: the whole record is left out, so it weighs neither on recall nor on precision. Labels that name no value
we annotate (job titles, systems, events) are dropped. A title before a name ("Dr.", "Officer"), quotes and
markdown asterisks around a value are not part of it (policy: PERSON is the name without a title). A record whose
value is not in its text is left out. The order of the kept records is the source's, so eval/split.py's
every-fifth-record test part is fixed by this script.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "var" / "external" / "pii_syn_nano_en.json"
OUT = ROOT / "eval" / "pii_external_nano.jsonl"
SOURCE_BLOB = "da65795f90ef2619c1a5199f07bf417576e5e0dd"

LABELS = {
    "PERSON": "PERSON",
    "EMAIL": "EMAIL_ADDRESS",
    "PHONE": "PHONE_NUMBER",
    "PASSWORD": "CREDENTIAL",
    "SSN": "NATIONAL_ID",
    "AADHAR": "NATIONAL_ID",  # India's citizen number
    "PAN": "NATIONAL_ID",  # India's personal tax number (policy: citizen and tax numbers)
    "PASSPORT": "ID_DOCUMENT",
    "PASSPORT_NUM": "ID_DOCUMENT",
    "DRIVER_LICENSE": "ID_DOCUMENT",
    "DRIVERS_LICENSE": "ID_DOCUMENT",
    "DRIVER_LICENSE_NUM": "ID_DOCUMENT",
    "LICENSE": "ID_DOCUMENT",  # every use in the source is a driving licence
    "VOTER_ID": "ID_DOCUMENT",  # India's voter identity card
    "IBAN": "IBAN",
    "ACCOUNT": "IBAN",  # policy: IBAN covers old-style account numbers
    "ACCOUNT_NUMBER": "IBAN",
    "ACCOUNT_NUM": "IBAN",
    "BANK_ACCOUNT": "IBAN",
    "BANK_ACCOUNT_NUM": "IBAN",
    "CREDIT_CARD": "CREDIT_CARD",
    "ORG": "ORGANIZATION",
    "ORGANIZATION": "ORGANIZATION",
}
# Labels the policy leaves open: the record is left out rather than the label guessed.
AMBIGUOUS = {
    "TAX_ID", "TAXID", "ROUTING_NUMBER", "PATIENT_ID", "PID", "INSURANCE_ID", "INSURANCE_POLICY_NUM",
    "EMPLOYEE_ID", "POLICE_ID_NUM", "MEDICAL_RECORD", "USERID", "USER_ID", "USERNAME",
}
# Labels that name nothing we annotate (a job title, a system, an event, a bank's name as a category).
IGNORED = {"TITLE", "SYSTEM", "EVENT", "MISC", "BANK"}
TITLE = re.compile(r"^(?:Dr|Mr|Mrs|Ms|Prof|Officer|Agent|Detective)\.?\s+")


def clean_value(label: str, value: str) -> str:
    """The value as our annotation rules write it: without quotes, and a name without its title."""
    value = value.strip().strip("'\"*")  # quotes and markdown bold are not part of the value
    return TITLE.sub("", value) if label == "PERSON" else value


def convert(index: int, record: dict[str, Any]) -> tuple[dict[str, Any] | None, str]:
    """One source record as a gold record, or None with the reason it was left out."""
    text = record["text"]
    entities: list[dict[str, str]] = []
    for ent in record.get("NER", []):
        label = ent.get("label", "")
        if "entity" not in ent:
            return None, "malformed"
        if label in AMBIGUOUS:
            return None, "ambiguous"
        if label in IGNORED:
            continue
        if label not in LABELS:
            return None, f"unknown:{label}"
        value = clean_value(label, ent["entity"])
        if value not in text:
            return None, "value-not-in-text"
        entities.append({"type": LABELS[label], "value": value})
    gold = {"id": f"nano-{index:03d}", "lang": "en", "channel": "report", "text": text, "entities": entities}
    return gold, "kept"


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else SOURCE
    records = json.loads(source.read_text(encoding="utf-8"))
    reasons: dict[str, int] = {}
    kept: list[dict[str, Any]] = []
    for index, record in enumerate(records):
        gold, reason = convert(index, record)
        reasons[reason] = reasons.get(reason, 0) + 1
        if gold is not None:
            kept.append(gold)
    OUT.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in kept), encoding="utf-8")
    print(f"{source}: {len(records)} records; {', '.join(f'{k} {v}' for k, v in sorted(reasons.items()))}")
    print(f"wrote {len(kept)} records to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
