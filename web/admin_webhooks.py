"""Administration of outgoing webhooks (issue 22): filled in by the webhooks work."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(include_in_schema=False)
