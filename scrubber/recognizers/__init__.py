"""Our Presidio recognizers, assembled per language.

Identifier, contact, address, date and credential recognizers are language-independent (their cue words
cover Dutch and English, as messages mix both); names and organisations come from
``scrubber.recognizers.names``. Each recognizer module is imported when its recognizers are first built.
"""

from __future__ import annotations

from collections.abc import Sequence

from presidio_analyzer import EntityRecognizer

from scrubber.config import CustomPattern, ScrubberConfig


def pattern_recognizers(
    lang: str, custom: Sequence[CustomPattern] = (), config: ScrubberConfig | None = None
) -> list[EntityRecognizer]:
    """Every recognizer of ours except names, for one language code (``config``: the deny-by-default settings)."""
    from scrubber.recognizers.address_blocks import address_block_recognizers
    from scrubber.recognizers.addresses import address_recognizers
    from scrubber.recognizers.banking import banking_recognizers
    from scrubber.recognizers.birth_words import birth_word_recognizers
    from scrubber.recognizers.contact import contact_recognizers
    from scrubber.recognizers.credentials import credential_recognizers
    from scrubber.recognizers.dates import date_recognizers
    from scrubber.recognizers.documents import document_recognizers
    from scrubber.recognizers.email_obfuscated import obfuscated_email_recognizers
    from scrubber.recognizers.kept import kept_recognizers
    from scrubber.recognizers.key_formats import key_format_recognizers
    from scrubber.recognizers.label_names import label_name_recognizers
    from scrubber.recognizers.national_ids import national_id_recognizers
    from scrubber.recognizers.numbers import number_recognizers
    from scrubber.recognizers.person_columns import person_column_recognizers
    from scrubber.recognizers.plates import plate_recognizers
    from scrubber.recognizers.secrets import secret_recognizers
    from scrubber.recognizers.spelled import spelled_recognizers

    settings = config or ScrubberConfig()

    return [
        *national_id_recognizers(lang),
        *document_recognizers(lang),
        *banking_recognizers(lang),
        *contact_recognizers(lang),
        *obfuscated_email_recognizers(lang),
        *spelled_recognizers(lang),
        *address_recognizers(lang),
        *address_block_recognizers(lang),
        *date_recognizers(lang),
        *birth_word_recognizers(lang),
        *plate_recognizers(lang),
        *credential_recognizers(lang),
        *secret_recognizers(lang),
        *key_format_recognizers(lang),
        *person_column_recognizers(lang),
        *label_name_recognizers(lang),
        *kept_recognizers(lang, custom),
        *number_recognizers(lang, settings.number_min_digits, settings.nl_vat_with_bsn),
    ]


def language_recognizers(lang: str) -> list[EntityRecognizer]:
    """PERSON/ORGANIZATION recognizers for one language."""
    from scrubber.recognizers.names import name_recognizers

    return list(name_recognizers(lang))
