"""Identity's HTTP handlers: sign-in, tokens, API keys and the account (auth); HMAC signing keys
(hmac_keys)."""
