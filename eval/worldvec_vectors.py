"""Extract the world's test vectors of identifiers into ``eval/worldvec_vectors.json`` for the worldvec corpus.

Why this file exists: every identifier corpus so far was written by us, so its values have the shapes we
thought of. python-stdnum's authors collected numbers "found online" for their own tests (``tests/*.doctest``
in github.com/arthurdejong/python-stdnum, LGPL-2.1+) and documented others in each module's docstring. This
script reads both, keeps every literal a module's ``is_valid`` accepts (as written there: its spacing, dots and
dashes are the world's notations) and, separately, the literals with 7+ digits whose check fails (a typo'd
number is still stripped, as NUMBER). The payment providers' published test cards are listed here by hand from
their documentation pages and kept only when Luhn-valid. ``eval/make_worldvec_tune.py`` builds messages from the
JSON this writes, so the corpus can be rebuilt without the stdnum repository.

    .venv/bin/python eval/worldvec_vectors.py --stdnum-repo /work/.mirror/arthurdejong+python-stdnum/repo
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import subprocess
from pathlib import Path
from typing import Any

from stdnum import luhn

OUT = Path(__file__).with_name("worldvec_vectors.json")

# stdnum module -> (our type, the test file of the repository, or "" for the docstring only)
MODULES: dict[str, tuple[str, str]] = {
    "nl.bsn": ("NATIONAL_ID", ""),
    "be.nn": ("NATIONAL_ID", "be_nn"),
    "be.bis": ("NATIONAL_ID", "be_bis"),
    "de.idnr": ("NATIONAL_ID", "de_idnr"),
    "gb.nhs": ("NATIONAL_ID", ""),
    "gb.utr": ("NATIONAL_ID", "gb_utr"),
    "us.ssn": ("NATIONAL_ID", ""),
    "us.itin": ("NATIONAL_ID", ""),
    "fr.nir": ("NATIONAL_ID", ""),
    "fr.nif": ("NATIONAL_ID", ""),
    "es.dni": ("NATIONAL_ID", ""),
    "es.nie": ("NATIONAL_ID", ""),
    "pl.pesel": ("NATIONAL_ID", ""),
    "tr.tckimlik": ("NATIONAL_ID", "tr_tckimlik"),
    "it.codicefiscale": ("NATIONAL_ID", "it_codicefiscale"),
    "pt.nif": ("NATIONAL_ID", ""),
    "pt.cc": ("NATIONAL_ID", "pt_cc"),
    "id.nik": ("NATIONAL_ID", ""),
    "in_.aadhaar": ("NATIONAL_ID", ""),
    "in_.pan": ("NATIONAL_ID", "in_pan"),
    "cn.ric": ("NATIONAL_ID", "cn_ric"),
    "gh.tin": ("NATIONAL_ID", "gh_tin"),
    "nl.identiteitskaartnummer": ("ID_DOCUMENT", ""),
    "be.eid": ("ID_DOCUMENT", ""),
    "in_.epic": ("ID_DOCUMENT", ""),
    "iban": ("IBAN", "iban"),
    "be.iban": ("IBAN", "be_iban"),
    # hard negatives: VAT numbers (kept), company numbers (not personal)
    "nl.btw": ("VAT_NUMBER", ""),
    "be.vat": ("VAT_NUMBER", "be_vat"),
    "de.vat": ("VAT_NUMBER", ""),
    "fr.tva": ("VAT_NUMBER", "fr_tva"),
    "gb.vat": ("VAT_NUMBER", "gb_vat"),
    "fr.siret": ("COMPANY", "fr_siret"),
    "fr.siren": ("COMPANY", "fr_siren"),
    "ma.ice": ("COMPANY", "ma_ice"),
}

# Published test card numbers (Stripe "Testing" docs, Adyen "Test card numbers", Braintree "Testing and go live",
# Mollie "Testing" docs, PayPal sandbox lists), as those pages group them; scheme by prefix.
TEST_CARDS = [
    "4242 4242 4242 4242",
    "4000 0566 5566 5556",
    "5555 5555 5555 4444",
    "2223 0031 2200 3222",
    "5200 8282 8282 8210",
    "5105 1051 0510 5100",
    "3782 822463 10005",
    "3714 496353 98431",
    "6011 1111 1111 1117",
    "6011 0009 9013 9424",
    "3056 930009 020004",
    "3622 720627 1667",
    "3566 0020 2036 0505",
    "6200 0000 0000 0005",
    "4111 1111 1111 1111",
    "5555 3412 4444 1115",
    "3700 0000 0000 002",
    "3600 666633 3344",
    "6703 4444 4444 4449",
    "3569 9900 1009 5841",
    "6011 6011 6011 6611",
    "6243 0300 0000 0001",
    "3530 1113 3330 0000",
    "6304 0000 0000 0000",
    "2223 0000 4840 0011",
    "4005 5192 0000 0004",
    "4009 3488 8888 1881",
    "4012 0000 3333 0026",
    "4012 0000 7777 7777",
    "4012 8888 8888 1881",
    "4217 6511 1111 1119",
    "4500 6000 0000 0061",
    "6221 2611 1111 7766",
    "4543 4740 0224 9996",
    "5454 5454 5454 5454",
    "4988 4388 4388 4305",
    "6771 7980 2100 0008",
    "6759 6498 2643 8453",
    "5019 7170 1010 3742",
    "4035 5010 0000 0008",
    "4360 0000 0100 0005",
    "2222 4000 7000 0005",
    "5577 0000 5577 0004",
    "3742 5101 5001 5444",
    "4000 0025 0000 3155",
    "4000 0027 6000 3184",
    "4917 6100 0000 0000",
    "6250 9470 0000 0014",
    "4000 0000 0000 0002",
    "4000 0000 0000 9995",
    "3000 0000 0000 04",
    "6200 0000 0000 0047",
    "6205 5000 0000 0000 004",
    "6799 9901 0000 0000 019",
    "4444 3333 2222 1111",
    "4263 9826 4026 9299",
]


def _literals(text: str) -> list[str]:
    """Quoted arguments and results of ``>>>`` lines, and the lines of ``numbers = '''...'''`` blocks."""
    found: list[str] = []
    in_block = False
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(">>> numbers = '''"):
            in_block = True
            continue
        if in_block:
            if stripped.startswith("... '''"):
                in_block = False
            elif stripped.startswith("..."):
                value = stripped[3:].strip()
                if value:
                    found.append(value)
            continue
        if stripped.startswith(">>> ") or re.fullmatch(r"'[^']*'", stripped):
            found += re.findall(r"'([^'\n]{5,40})'", stripped)
    return found


def _check(module: Any, value: str) -> bool:
    try:
        return bool(module.is_valid(value))
    except Exception:  # some modules raise on odd input instead of returning False
        return False


def extract(repo: Path | None, commit: str) -> dict[str, Any]:
    out: dict[str, Any] = {"stdnum_commit": commit, "modules": {}, "cards": []}
    for name, (kind, test) in MODULES.items():
        module = importlib.import_module("stdnum." + name)
        texts = [module.__doc__ or ""]
        if test and repo is not None:
            texts.append(
                subprocess.run(  # noqa: S603 (git show of a fixed path)
                    ["git", "-C", str(repo), "show", f"{commit}:tests/test_{test}.doctest"],  # noqa: S607
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
            )
        seen: set[str] = set()
        valid: list[str] = []
        failed: list[str] = []
        for value in (v for t in texts for v in _literals(t)):
            if value in seen or "\n" in value or len(value) > 40:
                continue
            seen.add(value)
            if _check(module, value):
                valid.append(value)
            elif sum(c.isdigit() for c in value) >= 7 and sum(c.isdigit() for c in value) >= 0.7 * len(value):
                failed.append(value)
        out["modules"][name] = {"type": kind, "valid": valid, "failed": failed}
    out["cards"] = [c for c in TEST_CARDS if luhn.is_valid(c.replace(" ", ""))]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stdnum-repo", type=Path, required=True)
    parser.add_argument("--commit", default="006192e")
    args = parser.parse_args()
    data = extract(args.stdnum_repo, args.commit)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for name, entry in data["modules"].items():
        print(name, len(entry["valid"]), len(entry["failed"]))
    print("cards", len(data["cards"]), "of", len(TEST_CARDS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
