"""Fixtures of the ``serve`` tests: the fake Graph API the social channels reply through."""

from tests.support.fake_graph import graph  # noqa: F401
