"""The satisfaction ratings (issue 22): filled in by the reports work."""

from __future__ import annotations
