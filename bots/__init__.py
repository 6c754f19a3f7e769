"""The Telegram bot (aiogram): updates in as InboundMessages, replies out from the outbox."""
