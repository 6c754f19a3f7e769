"""``python -m app``: the same as the ``scrubdesk`` command."""

from app.cli import main

main()
