"""The outgoing webhooks (issue 22): filled in by the webhooks work."""

from __future__ import annotations
