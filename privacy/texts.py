"""The messages of the privacy workflow, rendered from editable Jinja2 templates in NL and EN.

A template file is ``templates/<lang>/<name>.txt``: the first line is the subject, then a line with
``---``, then the body. An operator overrides any of them by putting a file with the same name in
``PrivacyConfig.templates_dir``. Templates are plain text (no autoescaping: they are mails and chat
messages, never HTML), and undefined variables are errors so a broken template fails loudly in tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

LANGUAGES = ("nl", "en")
_BUILTIN = Path(__file__).with_name("templates")


def language(lang: str | None) -> str:
    return "nl" if (lang or "").lower().startswith("nl") else "en"


@dataclass(frozen=True, slots=True)
class Rendered:
    subject: str
    text: str


class Texts:
    def __init__(self, override_dir: Path | None = None) -> None:
        loaders = [FileSystemLoader(str(override_dir))] if override_dir else []
        loaders.append(FileSystemLoader(str(_BUILTIN)))
        self._env = Environment(  # noqa: S701 (plain-text mails, not HTML)
            loader=ChoiceLoader(loaders), undefined=StrictUndefined, keep_trailing_newline=True,
            trim_blocks=True, lstrip_blocks=True,
        )

    def render(self, name: str, lang: str | None, **context: Any) -> Rendered:
        source = self._env.get_template(f"{language(lang)}/{name}.txt").render(**context)
        subject, sep, body = source.partition("\n---\n")
        if not sep:
            raise ValueError(f"template {name} has no '---' line after its subject")
        return Rendered(subject.strip(), body.strip() + "\n")
