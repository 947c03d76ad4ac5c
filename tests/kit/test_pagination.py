"""Cursors: what we issue round-trips; anything else is a 400 INVALID_CURSOR, never a 500."""

from __future__ import annotations

import base64
import json
import uuid
from datetime import UTC, datetime

import pytest

from provider_registry.catalog.repository import Sort, _decode, _encode
from provider_registry.kit.errors import ValidationFailed
from provider_registry.kit.pagination import decode_cursor, encode_cursor

pytestmark = pytest.mark.unit

FIXED_ID = "4b0f2b8e-8d1a-4a59-9d57-3d7f8f1f6c11"


def forged(document: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(document).encode()).decode().rstrip("=")


def test_issued_cursors_round_trip() -> None:
    moment, ident = datetime(2026, 11, 22, 18, 0, 1, 123456, tzinfo=UTC), uuid.uuid4()
    assert decode_cursor(encode_cursor(moment, ident)) == (moment, ident)
    sort = Sort(by="created_at", order="desc")
    assert _decode(_encode(sort, moment, ident), sort) == (moment, ident)


BAD = [
    "not base64 at all!",
    forged([1, 2]),
    forged({"a": 1}),
    forged(["2026-01-01T00:00:00", FIXED_ID]),  # no zone
    forged(["2026-01-01T00:00:00Z", "not-a-uuid"]),
    forged(["yesterday", FIXED_ID]),
    forged([None, None]),
    forged("x"),
    "",
]


@pytest.mark.parametrize("cursor", BAD)
def test_forged_keyset_cursors_are_refused(cursor: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        decode_cursor(cursor)
    assert caught.value.errors[0].code == "INVALID_CURSOR"


@pytest.mark.parametrize(
    "document",
    [
        ["created_at", "desc", "2026-01-01T00:00:00", FIXED_ID],  # no zone
        ["created_at", "desc", 12, FIXED_ID],
        ["relevance", "desc", "NaN", FIXED_ID],
        ["relevance", "desc", "Infinity", FIXED_ID],
        ["name", "desc", 5, FIXED_ID],
        ["created_at", "desc", None],
        [1, 2, 3, 4],
    ],
)
def test_forged_catalog_cursors_are_refused(document: list[object]) -> None:
    sort = Sort(by=str(document[0]), order=str(document[1]))  # type: ignore[arg-type]
    with pytest.raises(ValidationFailed):
        _decode(forged(document), sort)
