"""The reports dashboard and its CSV export (issue 22): filled in by the reports work."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(include_in_schema=False)
