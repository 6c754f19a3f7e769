"""Where the tests find the repository and their fixture files, wherever a test module lives."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
