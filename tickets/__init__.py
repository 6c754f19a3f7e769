"""Tickets: the store, the queue, the outbox, privacy requests and the agent web app."""
