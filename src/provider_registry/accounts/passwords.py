"""Password hashing with bcrypt. bcrypt reads at most 72 bytes; longer input is refused, not cut."""

from __future__ import annotations

import bcrypt

MIN_PASSWORD_CHARS = 12
MAX_PASSWORD_BYTES = 72


class PasswordPolicyError(ValueError):
    pass


def check_policy(password: str) -> None:
    if len(password) < MIN_PASSWORD_CHARS:
        raise PasswordPolicyError(f"must be at least {MIN_PASSWORD_CHARS} characters long")
    if len(password.encode("utf-8")) > MAX_PASSWORD_BYTES:
        raise PasswordPolicyError(f"must be at most {MAX_PASSWORD_BYTES} bytes of UTF-8")


def hash_password(password: str, rounds: int) -> str:
    check_policy(password)
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(rounds)).decode("ascii")


def verify_password(password: str, hashed: str) -> bool:
    encoded = password.encode("utf-8")
    if len(encoded) > MAX_PASSWORD_BYTES:
        return False
    return bcrypt.checkpw(encoded, hashed.encode("ascii"))
