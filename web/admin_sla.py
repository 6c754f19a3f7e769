"""Administration of SLA policies and business hours (issue 22): filled in by the SLA work."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(include_in_schema=False)
