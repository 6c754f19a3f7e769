"""Fixtures of the senders' tests: the fake Graph and Bot APIs, and the apps that take messages in."""

from tests.bots.conftest import api, config  # noqa: F401  (the fake Bot API and the bot's settings)
from tests.support.fake_graph import graph  # noqa: F401
from tests.web.public.conftest import client, intake  # noqa: F401  (the webhooks a reply answers)
