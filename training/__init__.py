"""Offline training of the project's small models (not part of the installed package; run from the project root)."""
