"""Who is calling: tokens, API keys, principals, and who may call what."""
