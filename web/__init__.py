"""The agents' web app and API."""
