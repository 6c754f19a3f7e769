"""Scrubber configuration: what is stripped, what is never stripped, and the operator's own formats.

The app's settings embed ``ScrubberConfig``; defaults follow docs/pii-policy.md (strip unsolicited
personal data, keep what support needs). Everything an operator may want to change without new code
lives here: per-type actions, an allow-list (the company's own name, address and phone numbers are in
every quoted reply and must survive), regexes for the operator's customer- and invoice-number formats,
the key for placeholder digests and optional spaCy NER packages.
"""

from __future__ import annotations

import re
import secrets
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

from scrubber.types import ALL_TYPES, KEEP_TYPES, STRIP_TYPES, Action

__all__ = ["ALL_TYPES", "KEEP_TYPES", "STRIP_TYPES", "CustomPattern", "ScrubberConfig", "default_actions"]


def default_actions() -> dict[str, Action]:
    """The pii-policy.md defaults: stripped types are redacted, kept types are kept."""
    actions: dict[str, Action] = {t: "redact" for t in STRIP_TYPES}
    actions.update({t: "keep" for t in KEEP_TYPES})
    return actions


class CustomPattern(BaseModel):
    """An operator's own identifier format, e.g. customer numbers ``\\bK\\d{6}\\b``."""

    model_config = ConfigDict(frozen=True)

    type: str
    regex: str
    score: float = Field(default=0.9, ge=0.0, le=1.0)
    # Optional words (either language) that must appear shortly before the value; empty = always.
    context: tuple[str, ...] = ()

    @field_validator("regex")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"invalid regex: {exc}") from exc
        return value


class ScrubberConfig(BaseModel):
    """Everything the scrubber's behaviour depends on."""

    model_config = ConfigDict(frozen=True)

    actions: dict[str, Action] = Field(default_factory=default_actions)
    # Literal strings never stripped (case-insensitive): the company's own name, address, phones, agents.
    allow_list: tuple[str, ...] = ()
    custom_patterns: tuple[CustomPattern, ...] = ()
    # HMAC-SHA256 key for placeholder digests. The app must configure a stable key: with the random
    # default, the same value gets a different digest after a restart (placeholders still work, but
    # numbering across restarts within one ticket is no longer stable).
    placeholder_key: SecretStr = Field(default_factory=lambda: SecretStr(secrets.token_hex(32)))
    # Optional installed spaCy pipelines with NER, by package name per language ({"nl": "nl_core_news_md"}).
    spacy_ner_packages: dict[str, str] = Field(default_factory=dict)
    languages: tuple[str, ...] = ("nl", "en")
    default_language: str = "nl"
    # Results scoring below this are dropped.
    score_threshold: float = Field(default=0.4, ge=0.0, le=1.0)
    # Deny by default (scrubber.recognizers.numbers): a run of at least this many digits that nothing
    # explains (a date, an amount, a version, a kept identifier, ...) is stripped as NUMBER.
    number_min_digits: int = Field(default=7, ge=5, le=20)
    # A Dutch VAT number of a sole trader issued before 2020 is NL + the owner's BSN + B01..; its nine
    # digits pass the 11-proef, but so do those of a company's RSIN-based number. "linked": stripped as
    # NATIONAL_ID only when the message ties it to a BSN (the same nine digits as a BSN, or the customer
    # saying it holds their BSN); "elfproef": whenever the nine digits pass the 11-proef (also RSINs).
    nl_vat_with_bsn: Literal["linked", "elfproef"] = "linked"
    # The learned credential scorer (``scrubber.credential_model``) adds CREDENTIAL strips where the rules found
    # nothing. Off by default: on the two blind corpora nobody tuned on (eval/pii_blind, pii_blind2, 452 credentials)
    # it added no credential and one false strip, for 3-8% more scrubber CPU (training/credentials/README.md); true
    # turns it on (issue 16's ablation).
    credential_model: bool = False

    @field_validator("actions")
    @classmethod
    def _over_defaults(cls, value: dict[str, Action]) -> dict[str, Action]:
        # an operator lists only what they change; the policy defaults fill in the rest
        return {**default_actions(), **value}

    def action_for(self, entity_type: str) -> Action:
        """The configured action; unknown types are redacted (fail closed)."""
        return self.actions.get(entity_type, "redact")

    def cache_key(self) -> str:
        """A hashable identity for ``get_scrubber``'s cache."""
        return self.model_dump_json() + self.placeholder_key.get_secret_value()
