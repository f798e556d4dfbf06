"""Standard Webhooks: signatures checked with the ``standardwebhooks`` library, secrets sealed with Fernet."""
