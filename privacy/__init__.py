"""Privacy-right requests (GDPR/AVG art. 15-21): recognition, verification and handlers."""
