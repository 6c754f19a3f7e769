"""E-mail: raw RFC 5322 bytes to an ``InboundMessage`` (parse, body and charsets, attachments, auto mail)."""
