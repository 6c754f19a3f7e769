"""Fictional identifiers with valid checksums, written as people write them: the values of ``make_ids_tune.py``.

Why this file exists: the generator of ``eval/pii_tune_ids.jsonl`` needs national IDs of eleven countries
(python-stdnum checks), document numbers in their issuers' shapes, Luhn-valid cards, IBANs with valid mod-97
and national checks, and old Dutch account numbers (11-proef), each in the groupings people use.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable

from stdnum import iban as std_iban
from stdnum import luhn
from stdnum.be import nn as be_nn
from stdnum.de import idnr as de_idnr
from stdnum.es import dni as es_dni
from stdnum.es import nie as es_nie
from stdnum.fr import nir as fr_nir
from stdnum.it import codicefiscale as it_cf
from stdnum.nl import bsn as nl_bsn
from stdnum.pl import pesel as pl_pesel
from stdnum.pt import nif as pt_nif
from stdnum.tr import tckimlik as tr_tc
from stdnum.us import ssn as us_ssn


def rand_digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def valid_value(make: Callable[[], str], check: Callable[[str], object]) -> str:
    for _ in range(20000):
        value = make()
        try:
            if check(value) is False:
                continue
        except Exception:  # noqa: S112 (stdnum raises its ValidationError subclasses; try another)
            continue
        return value
    raise RuntimeError("no valid value found")


def grouped(value: str, sizes: tuple[int, ...], sep: str) -> str:
    out, i = [], 0
    for size in sizes:
        out.append(value[i : i + size])
        i += size
    if i < len(value):
        out.append(value[i:])
    return sep.join(out)


# ---- values ------------------------------------------------------------------------------------------------


def bsn(rng: random.Random) -> str:
    return valid_value(lambda: str(rng.randint(1, 9)) + rand_digits(rng, 8), nl_bsn.validate)


def bsn_written(rng: random.Random) -> str:
    v = bsn(rng)
    style = rng.choice(["plain", "333s", "333d", "423d", "423s", "333-", "plain"])
    return {
        "plain": v,
        "333s": grouped(v, (3, 3), " "),
        "333d": grouped(v, (3, 3), "."),
        "423d": grouped(v, (4, 2), "."),
        "423s": grouped(v, (4, 2), " "),
        "333-": grouped(v, (3, 3), "-"),
    }[style]


def national_id(rng: random.Random, country: str) -> str:
    """A valid national ID of ``country`` written in one of its usual notations."""
    if country == "NL":
        return bsn_written(rng)
    if country == "BE":
        v = valid_value(
            lambda: f"{rng.randint(40, 99)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}" + rand_digits(rng, 5),
            be_nn.validate,
        )
        return rng.choice(
            [be_nn.format(v), v, f"{v[:6]}-{v[6:9]}-{v[9:]}", f"{v[:2]} {v[2:4]} {v[4:6]} {v[6:9]} {v[9:]}"]
        )
    if country == "DE":
        v = valid_value(lambda: str(rng.randint(1, 9)) + rand_digits(rng, 10), de_idnr.validate)
        return rng.choice([v, grouped(v, (2, 3, 3), " "), grouped(v, (2, 3, 3), "/")])
    if country == "UK":
        n = (
            rng.choice("ABCEHJKLMNPRSTWXYZ")
            + rng.choice("ABCEHJKLMNPRSTWXYZ")
            + rand_digits(rng, 6)
            + rng.choice("ABCD")
        )
        return rng.choice(
            [
                n,
                f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}",
                n.lower(),
                f"{n[:2]}-{n[2:4]}-{n[4:6]}-{n[6:8]}-{n[8]}",
                f"{n[:2]} {n[2:8]} {n[8]}",
            ]
        )
    if country == "US":
        v = valid_value(
            lambda: f"{rng.randint(100, 665)}{rng.randint(10, 99)}{rng.randint(1000, 9999)}", us_ssn.validate
        )
        return rng.choice([us_ssn.format(v), f"{v[:3]} {v[3:5]} {v[5:]}", v, f"{v[:3]}.{v[3:5]}.{v[5:]}"])
    if country == "FR":
        head = (
            str(rng.randint(1, 2))
            + f"{rng.randint(40, 99)}{rng.randint(1, 12):02d}"
            + f"{rng.randint(1, 95):02d}"
            + rand_digits(rng, 6)
        )
        v = head + fr_nir.calc_check_digits(head)
        return rng.choice([v, f"{v[0]} {v[1:3]} {v[3:5]} {v[5:7]} {v[7:10]} {v[10:13]} {v[13:]}", f"{v[:13]} {v[13:]}"])
    if country == "ES":
        if rng.random() < 0.5:
            d = rand_digits(rng, 8)
            v = d + es_dni.calc_check_digit(d)
            return rng.choice([v, f"{d}-{v[-1]}", f"{d[:2]}.{d[2:5]}.{d[5:]}-{v[-1]}", v.lower()])
        d = rng.choice("XYZ") + rand_digits(rng, 7)
        v = d + es_nie.calc_check_digit(d)
        return rng.choice([v, f"{v[0]}-{v[1:8]}-{v[8]}", f"{v[0]} {v[1:8]} {v[8]}"])
    if country == "PL":
        v = valid_value(
            lambda: f"{rng.randint(50, 99)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}" + rand_digits(rng, 5),
            pl_pesel.validate,
        )
        return rng.choice([v, f"{v[:6]} {v[6:]}"])
    if country == "TR":
        v = valid_value(lambda: str(rng.randint(1, 9)) + rand_digits(rng, 10), tr_tc.validate)
        return rng.choice([v, grouped(v, (3, 3, 3), " ")])
    if country == "IT":
        head = (
            "".join(rng.choice("BCDFGLMNPRSTVZ") for _ in range(3))
            + "".join(rng.choice("BCDFGLMNPRSTVZ") for _ in range(3))
            + f"{rng.randint(50, 99)}"
            + rng.choice("ABCDEHLMPRST")
            + f"{rng.randint(1, 28):02d}"
            + rng.choice(["H501", "F205", "L219", "A944"])
        )
        v = head + it_cf.calc_check_digit(head)
        return rng.choice([v, v.lower()])
    if country == "PT":
        v = valid_value(lambda: rng.choice("123") + rand_digits(rng, 8), pt_nif.validate)
        return rng.choice([v, grouped(v, (3, 3), " ")])
    raise ValueError(country)


_UP = string.ascii_uppercase.replace("O", "")
_DE_ALPHA = "CFGHJKLMNPRTVWXYZ0123456789"


def document(rng: random.Random, kind: str) -> str:
    alnum = _UP + string.digits
    makers: dict[str, Callable[[], str]] = {
        "NL passport": lambda: (
            "".join(rng.choice(_UP) for _ in range(2))
            + "".join(rng.choice(alnum) for _ in range(6))
            + rng.choice(string.digits)
        ),
        "NL rijbewijs": lambda: "5" + rand_digits(rng, 9),
        "BE eID": lambda: f"{rand_digits(rng, 3)}-{rand_digits(rng, 7)}-{rand_digits(rng, 2)}",
        "BE passport": lambda: "".join(rng.choice(_UP) for _ in range(2)) + rand_digits(rng, 6),
        "DE Ausweis": lambda: rng.choice("LMNPRTVWXY") + "".join(rng.choice(_DE_ALPHA) for _ in range(8)),
        "DE Führerschein": lambda: (
            rng.choice("BFJ")
            + rand_digits(rng, 3)
            + "".join(rng.choice(alnum) for _ in range(6))
            + rng.choice(string.digits)
        ),
        "UK passport": lambda: rand_digits(rng, 9),
        "US passport": lambda: rng.choice(["", "A", "C"]) + rand_digits(rng, 8),
        "US DL": lambda: rng.choice(_UP) + rand_digits(rng, 7),
        "FR CNI": lambda: rand_digits(rng, 12),
        "FR CNI 2021": lambda: "".join(rng.choice(alnum) for _ in range(9)),
        "FR passport": lambda: rand_digits(rng, 2) + "".join(rng.choice(_UP) for _ in range(2)) + rand_digits(rng, 5),
        "ES DNI card": lambda: "".join(rng.choice(_UP) for _ in range(3)) + rand_digits(rng, 6),
        "PL ID": lambda: "".join(rng.choice(_UP) for _ in range(3)) + rand_digits(rng, 6),
        "TR passport": lambda: "U" + rand_digits(rng, 8),
        "IT CIE": lambda: "CA" + rand_digits(rng, 5) + "".join(rng.choice(_UP) for _ in range(2)),
        "NL verblijf": lambda: "".join(rng.choice(_UP) for _ in range(2)) + rand_digits(rng, 7),
    }
    value = makers[kind]()
    while kind in ("NL passport", "FR CNI 2021") and sum(c.isdigit() for c in value) < 2:
        value = makers[kind]()
    return value


def card_number(rng: random.Random, prefix: str, length: int) -> str:
    body = prefix + rand_digits(rng, length - len(prefix) - 1)
    return body + luhn.calc_check_digit(body)


CARD_SCHEMES = [
    ("4", 16),
    ("51", 16),
    ("55", 16),
    ("2221", 16),
    ("34", 15),
    ("37", 15),
    ("6011", 16),
    ("35", 16),
    ("6759", 19),
    ("4", 13),
]


def card_written(rng: random.Random, v: str) -> str:
    if len(v) == 13:
        return rng.choice([v, grouped(v, (4, 3, 3), " ")])
    if len(v) == 19:
        return rng.choice([v, grouped(v, (4, 4, 4, 4), " ")])
    if len(v) == 15:
        return rng.choice([v, f"{v[:4]} {v[4:10]} {v[10:]}", f"{v[:4]}-{v[4:10]}-{v[10:]}"])
    return rng.choice(
        [
            v,
            grouped(v, (4, 4, 4), " "),
            grouped(v, (4, 4, 4), "-"),
            grouped(v, (4, 4, 4), "."),
            grouped(v, (4, 4, 4), "  "),
            grouped(v, (8,), " "),
        ]
    )


IBAN_BBAN = {
    "NL": lambda rng: (
        rng.choice(["ABNA", "INGB", "RABO", "SNSB", "TRIO", "KNAB", "BUNQ", "ASNB"]) + rand_digits(rng, 10)
    ),
    "DE": lambda rng: rand_digits(rng, 18),
    "BE": lambda rng: rand_digits(rng, 12),
    "FR": lambda rng: rand_digits(rng, 23),
    "GB": lambda rng: rng.choice(["NWBK", "BARC", "LOYD", "MIDL"]) + rand_digits(rng, 14),
    "ES": lambda rng: rand_digits(rng, 20),
    "PL": lambda rng: rand_digits(rng, 24),
    "TR": lambda rng: rand_digits(rng, 5) + "0" + rand_digits(rng, 16),
    "IT": lambda rng: rng.choice(_UP) + rand_digits(rng, 10) + rand_digits(rng, 12),
    "PT": lambda rng: rand_digits(rng, 21),
}


def iban(rng: random.Random, country: str) -> str:
    def make() -> str:
        bban = IBAN_BBAN[country](rng)
        check = 98 - int("".join(str(int(c, 36)) for c in bban + country + "00")) % 97
        return f"{country}{check:02d}{bban}"

    return valid_value(make, std_iban.validate)


def iban_written(rng: random.Random, v: str, style: str) -> str:
    fours = grouped(v, tuple([4] * (len(v) // 4)), " ")
    return {
        "grouped": fours,
        "compact": v,
        "lower": v.lower(),
        "lower_grouped": fours.lower(),
        "odd": f"{v[:8]} {v[8:14]} {v[14:]}",
        "cc_apart": f"{v[:2]} {v[2:4]} {grouped(v[4:], tuple([4] * 8), ' ')}",
        "dashes": grouped(v, tuple([4] * (len(v) // 4)), "-"),
        "dots": grouped(v, tuple([4] * (len(v) // 4)), "."),
    }[style]


def elfproef(rng: random.Random, n: int) -> str:
    def ok(v: str) -> bool:
        return sum(int(d) * w for d, w in zip(v, range(len(v), 0, -1), strict=True)) % 11 == 0

    return valid_value(lambda: str(rng.randint(1, 9)) + rand_digits(rng, n - 1), ok)
