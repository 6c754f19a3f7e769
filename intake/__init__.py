"""Intake: every channel's adapter turns what arrives into an ``InboundMessage`` and calls ``submit``."""
