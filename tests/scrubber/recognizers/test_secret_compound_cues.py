"""Issue 16, credentials by author: the code of a lock, an alarm or a safe named by a Dutch or German compound.

"Alarmcode: 4471", "de deurcode is 2580", "Torcode 1234" ("code" inside a compound word, which the cue pattern, matching
whole words, did not see), while the compounds that name no secret ("postcode", "barcode", "foutcode",
"kortingscode") stay prose. The rows are made up for these tests.
"""

from __future__ import annotations

import pytest

from tests.scrubber.checks import TableCheck

CREDENTIAL = [
    ("Alarmcode: 4471 graag niet delen", "4471"),
    ("de deurcode is 2580, de sleutel ligt onder de mat", "2580"),
    ("Kluiscode 9911", "9911"),
    ("Torcode: 1234, bitte klingeln", "1234"),
    ("de code van het sleutelkastje is 0815 als niemand opendoet", "0815"),
    ("de hekcode is 7714 voor de leverancier", "7714"),
]

NOT_CREDENTIAL = [
    ("mijn postcode is 5038 AB", "5038"),
    ("de foutcode is 4012 sinds gisteren", "4012"),
    ("de kortingscode ZOMER2024 werkt niet", "ZOMER2024"),
    ("barcode 8712345678906 op de doos", "8712345678906"),
]


@pytest.mark.parametrize(("text", "value"), CREDENTIAL)
def test_lock_code(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "CREDENTIAL")


@pytest.mark.parametrize(("text", "value"), NOT_CREDENTIAL)
def test_not_credential(assert_not_recognised_as: TableCheck, text: str, value: str) -> None:
    assert_not_recognised_as(text, value, "CREDENTIAL")
