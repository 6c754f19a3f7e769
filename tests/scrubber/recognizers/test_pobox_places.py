"""Issue 16, third by-author round: a post-office box with the place, province and postcode after it on its line.

"PO Box 5512, Sandton, 2196", "P.O. Box 40417-00100, Nairobi", "PO Box 903, Stn A, Red Deer AB T4N 5E7": the box
number alone was stripped and the rest, which says where the person gets mail, stayed. Rows made up for these tests.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

POBOX = [
    ("Postal address: PO Box 5512, Sandton, 2196. Thanks", "PO Box 5512, Sandton, 2196"),
    ("send it to P.O. Box 40417-00100, Nairobi please", "P.O. Box 40417-00100, Nairobi"),
    ("Mailing: PO Box 903, Stn A, Red Deer AB T4N 5E7", "PO Box 903, Stn A, Red Deer AB T4N 5E7"),
    ("Postbus 1180, 3800 BD Amersfoort", "Postbus 1180, 3800 BD Amersfoort"),
]


@pytest.mark.parametrize(("text", "value"), POBOX)
def test_po_box_with_its_place(assert_stripped: Callable[[str, str], None], text: str, value: str) -> None:
    assert_stripped(text, value)
