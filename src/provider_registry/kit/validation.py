"""Request validation that reports every offending field at once, with a stable code each.

Connexion's stock validators stop at the first error, build a new JSON-schema validator on every
request and turn a non-UTF-8 body into a 500. These subclasses keep Connexion's parsing and
plumbing and change only those parts. Response validation is Connexion's, except that a HEAD
answer (a GET's status and headers, no body) is not held against the GET's body schema.
"""

from __future__ import annotations

import copy
import functools
import importlib
import json
import re
import uuid
from collections.abc import AsyncGenerator, Callable, Iterable
from typing import Any

from connexion.datastructures import MediaTypeDict
from connexion.json_schema import Draft4RequestValidator
from connexion.lifecycle import ConnexionRequest
from connexion.utils import is_null, is_nullable
from connexion.validators import (
    VALIDATOR_MAP,
    AbstractResponseBodyValidator,
    FormDataValidator,
    JSONRequestBodyValidator,
    MultiPartFormDataValidator,
    ParameterValidator,
)
from jsonschema import Draft4Validator, FormatChecker, ValidationError
from jsonschema.validators import extend
from starlette.datastructures import Headers
from starlette.types import Scope, Send

from provider_registry.kit.errors import (
    FieldIssue,
    MalformedBody,
    UnsupportedCharset,
    ValidationFailed,
)
from provider_registry.kit.middleware import SETTINGS_KEY, header

# Where a body validator leaves the object it validated, for ``kit.parsing.request_body``: the
# handler works on that object, never on a second parse of the bytes.
VALIDATED_BODY_KEY = "provider_registry.validated_body"
_UTF8 = frozenset({"utf-8", "utf8"})

FORMAT_CHECKER: FormatChecker = copy.deepcopy(Draft4Validator.FORMAT_CHECKER)


def _is_uuid(value: object) -> bool:
    # JSON Schema draft 4 knows no "uuid" format; OpenAPI clients expect it checked.
    if not isinstance(value, str):
        return True
    return str(uuid.UUID(value)) == value.lower() and len(value) == 36


FORMAT_CHECKER.checks("uuid", raises=ValueError)(_is_uuid)


_CODES = {
    "required": "REQUIRED",
    "type": "INVALID_TYPE",
    "format": "INVALID_FORMAT",
    "pattern": "INVALID_FORMAT",
    "enum": "INVALID_VALUE",
    "minLength": "TOO_SHORT",
    "maxLength": "TOO_LONG",
    "minimum": "TOO_SMALL",
    "maximum": "TOO_LARGE",
    "minItems": "TOO_FEW_ITEMS",
    "maxItems": "TOO_MANY_ITEMS",
    "uniqueItems": "DUPLICATE_ITEMS",
    "additionalProperties": "UNKNOWN_FIELD",
    "minProperties": "TOO_FEW_FIELDS",
    "maxProperties": "TOO_MANY_FIELDS",
    "readOnly": "READ_ONLY_FIELD",
}


def _join(path: Iterable[Any]) -> str:
    return ".".join(str(part) for part in path)


def _short(value: Any) -> str:
    text = json.dumps(value, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def _issues_for(error: ValidationError, prefix: str) -> list[FieldIssue]:
    where = _join([p for p in (prefix, _join(error.absolute_path)) if p])
    keyword = str(error.validator)
    instance = error.instance
    if keyword == "required" and isinstance(instance, dict):
        return [
            FieldIssue(_join([p for p in (where, name) if p]), "is required", "REQUIRED")
            for name in error.validator_value
            if name not in instance
        ]
    if keyword == "additionalProperties" and isinstance(instance, dict):
        known = set(error.schema.get("properties", {}))
        patterns = [re.compile(p) for p in error.schema.get("patternProperties", {})]
        return [
            FieldIssue(
                _join([p for p in (where, name) if p]), "is not a known field", "UNKNOWN_FIELD"
            )
            for name in instance
            if name not in known and not any(p.search(name) for p in patterns)
        ]
    message = _message(keyword, error.validator_value, error.message)
    # A property may name its own stable code (e.g. INVALID_NAME) for what JSON Schema finds.
    code = error.schema.get("x-error-code") if isinstance(error.schema, dict) else None
    return [FieldIssue(where, message, code or _CODES.get(keyword, "INVALID_VALUE"))]


def _message(keyword: str, limit: Any, fallback: str) -> str:
    if keyword == "type":
        return f"must be of type {limit}"
    if keyword == "format":
        return f"is not a valid {limit}"
    if keyword == "pattern":
        return f"does not match the pattern {limit}"
    if keyword == "enum":
        return "must be one of " + ", ".join(_short(v) for v in limit or [])
    bounds = {
        "minLength": "must be at least {} characters long",
        "maxLength": "must be at most {} characters long",
        "minimum": "must be at least {}",
        "maximum": "must be at most {}",
        "minItems": "must have at least {} items",
        "maxItems": "must have at most {} items",
    }
    return bounds[keyword].format(limit) if keyword in bounds else fallback


def collect_issues(validator: Any, instance: Any, prefix: str = "") -> list[FieldIssue]:
    """Every validation error of ``instance``, one FieldIssue per field, in document order."""
    issues: list[FieldIssue] = []
    seen: set[tuple[str, str]] = set()
    for error in sorted(validator.iter_errors(instance), key=lambda e: list(map(str, e.path))):
        for issue in _issues_for(error, prefix):
            if (issue.field, issue.code) not in seen:
                seen.add((issue.field, issue.code))
                issues.append(issue)
    return issues


_pattern = Draft4Validator.VALIDATORS["pattern"]


def _pattern_within_max_length(
    validator: Any, pattern: str, instance: Any, schema: dict[str, Any]
) -> Iterable[ValidationError]:
    """``pattern`` for a string within its schema's ``maxLength`` only: an over-long string
    already fails (TOO_LONG), and matching it would cost time in proportion to its length, or
    worse. The spec's patterns are linear (tests/security), this bounds them anyway."""
    limit = schema.get("maxLength")
    if isinstance(instance, str) and isinstance(limit, int) and len(instance) > limit:
        return
    yield from _pattern(validator, pattern, instance, schema)


RequestValidator = extend(Draft4RequestValidator, {"pattern": _pattern_within_max_length})


# A compiled validator per schema object. Connexion builds validators per request; compiling is
# the expensive part. Holding the schema in the value keeps its id from being reused.
_compiled: dict[int, tuple[dict[str, Any], Any]] = {}


def compiled_validator(schema: dict[str, Any]) -> Any:
    cached = _compiled.get(id(schema))
    if cached is None or cached[0] is not schema:
        cached = (schema, RequestValidator(schema, format_checker=FORMAT_CHECKER))
        _compiled[id(schema)] = cached
    return cached[1]


@functools.cache
def _semantic_validator(dotted: str) -> Callable[..., list[FieldIssue]]:
    module, _, name = dotted.rpartition(".")
    function: Callable[..., list[FieldIssue]] = getattr(importlib.import_module(module), name)
    return function


def declared_charset(scope: Scope) -> str | None:
    """The ``charset`` parameter of the request's Content-Type, lower-cased and unquoted.

    Parsed here rather than trusted from Connexion, whose parser misses ``; charset=`` (with a
    space) and ``Charset=``."""
    content_type = header(scope, b"content-type")
    if content_type is None:
        return None
    for parameter in content_type.decode("latin-1").split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip('"').strip().lower()
    return None


def _keep_validated(scope: Scope | None, body: Any) -> None:
    if scope is not None:
        scope.setdefault("extensions", {})[VALIDATED_BODY_KEY] = body


class JSONBodyValidator(JSONRequestBodyValidator):  # type: ignore[misc]
    """JSON bodies are UTF-8 (RFC 8259): one reading of the bytes, kept for the handler.

    A body schema may name ``x-semantic-validator``: a function with the rules JSON Schema
    cannot state. When the schema finds errors, it runs too, so the client hears about every
    field at once; when the schema passes, the service runs it (with the data it needs)."""

    _scope: Scope | None = None

    @property
    def _validator(self) -> Any:
        return compiled_validator(self._schema)

    async def _parse(self, stream: AsyncGenerator[bytes, None], scope: Scope) -> Any:
        self._scope = scope
        charset = declared_charset(scope)
        if charset is not None and charset not in _UTF8:
            raise UnsupportedCharset(
                f"JSON bodies must be UTF-8; this one declares charset={charset}."
            )
        raw = b"".join([chunk async for chunk in stream])
        if not raw:
            return None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise MalformedBody("The request body is not valid UTF-8 text.") from exc
        try:
            parsed = json.loads(text, parse_constant=_reject_constant)
        except json.JSONDecodeError as exc:
            raise MalformedBody(
                f"The request body is not valid JSON: {exc.msg} (line {exc.lineno}, "
                f"column {exc.colno})."
            ) from exc
        except (ValueError, RecursionError) as exc:
            # Non-finite numbers, integers too long to convert, absurd nesting.
            raise MalformedBody(f"The request body is not acceptable JSON: {exc}.") from exc
        if _has_nul(parsed):
            # Valid JSON, but no text column (PostgreSQL's least of all) can store U+0000.
            raise MalformedBody("The request body contains a NUL character (U+0000).")
        return parsed

    def _validate(self, body: Any) -> dict[str, Any] | None:
        if body is None and not self._required:
            return None  # an optional body that was not sent: the handler gets None
        if body is None and not self._nullable:
            raise ValidationFailed(
                "A request body is required.",
                errors=[FieldIssue("", "a JSON body is required", "REQUIRED")],
            )
        issues = collect_issues(self._validator, body)
        if issues:
            dotted = self._schema.get("x-semantic-validator")
            if dotted:
                settings = (self._scope or {}).get("extensions", {}).get(SETTINGS_KEY)
                seen = {(i.field, i.code) for i in issues}
                fields = {i.field for i in issues}
                issues += [
                    i
                    for i in _semantic_validator(dotted)(body, settings)
                    if (i.field, i.code) not in seen and i.field not in fields
                ]
            raise ValidationFailed("The request body is invalid.", errors=issues)
        _keep_validated(self._scope, body)
        return None


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(item) for item in value)
    return False


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


class FormBodyValidator(FormDataValidator):  # type: ignore[misc]
    """Form bodies: every error at once, and the validated mapping kept for the handler (a
    repeated field resolves to its last copy, here and there alike)."""

    _scope: Scope | None = None

    @property
    def _validator(self) -> Any:
        return compiled_validator(self._schema)

    async def _parse(self, stream: AsyncGenerator[bytes, None], scope: Scope) -> Any:
        self._scope = scope
        raw = [chunk async for chunk in stream]

        async def replay() -> AsyncGenerator[bytes, None]:
            for chunk in raw:
                yield chunk

        # A repeated field has no one meaning (Connexion would join the copies with commas):
        # refuse it unless the schema says the field is a list.
        fields = await self._form_parser_cls(Headers(scope=scope), replay()).parse()
        properties = self._schema.get("properties", {})
        repeated = sorted(
            name
            for name in set(fields.keys())
            if len(fields.getlist(name)) > 1 and properties.get(name, {}).get("type") != "array"
        )
        if repeated:
            raise ValidationFailed(
                "The form body repeats a field.",
                errors=[
                    FieldIssue(name, "is given more than once", "DUPLICATE_FIELD")
                    for name in repeated
                ],
            )
        return await super()._parse(replay(), scope)

    def _validate(self, body: Any) -> dict[str, Any] | None:
        if not isinstance(body, dict):
            raise MalformedBody("The form body could not be read.")
        issues = collect_issues(self._validator, body)
        if self._strict_validation:
            known = set(self._schema.get("properties", {}))
            issues += [
                FieldIssue(name, "is not a known field", "UNKNOWN_FIELD")
                for name in body
                if name not in known
            ]
        if issues:
            raise ValidationFailed("The form body is invalid.", errors=issues)
        _keep_validated(self._scope, body)
        return None


class MultiPartBodyValidator(FormBodyValidator, MultiPartFormDataValidator):  # type: ignore[misc]
    pass


class ParameterChecker(ParameterValidator):  # type: ignore[misc]
    """All parameter errors at once: unknown query parameters, then each declared parameter."""

    def validate_request(self, request: ConnexionRequest) -> None:
        issues: list[FieldIssue] = []
        if self.strict_validation:
            extra = self.validate_query_parameter_list(
                request, security_params=self.security_query_params
            )
            issues += [
                FieldIssue(name, "is not a known query parameter", "UNKNOWN_PARAMETER")
                for name in sorted(extra)
            ]
        sources = {
            "query": request.query_params,
            "path": request.path_params,
            "header": request.headers,
            "cookie": request.cookies,
        }
        for location, params in self.parameters.items():
            for param in params:
                name = param["name"]
                key = name.replace("-", "_") if location == "path" else name
                value = sources[location].get(key) if location in sources else None
                issues += self._check(location, param, name, value)
        if issues:
            raise ValidationFailed("The request's parameters are invalid.", errors=issues)

    @staticmethod
    def _check(location: str, param: dict[str, Any], name: str, value: Any) -> list[FieldIssue]:
        if is_nullable(param) and is_null(value):
            return []
        if value is None:
            if param.get("required"):
                return [FieldIssue(name, f"is a required {location} parameter", "REQUIRED")]
            return []
        schema = param.get("schema", param)
        return [
            FieldIssue(name, issue.message, issue.code)
            for issue in collect_issues(compiled_validator(schema), value)
        ]


class _HeadAwareResponseValidator(AbstractResponseBodyValidator):  # type: ignore[misc]
    """HEAD runs the GET operation and sends its status and headers without the body (RFC 9110
    9.3.2): there is no body to check, and an empty one would fail the GET's schema (a 500).
    Connexion still checks the status, Content-Type and required headers of the answer."""

    def wrap_send(self, send: Send) -> Send:
        if self._scope.get("method") == "HEAD":
            return send
        wrapped: Send = super().wrap_send(send)
        return wrapped


def _head_aware(validator: type[Any]) -> type[Any]:
    return type(validator.__name__, (_HeadAwareResponseValidator, validator), {})


def validator_map() -> dict[str, Any]:
    return {
        "parameter": ParameterChecker,
        "body": MediaTypeDict(
            {
                "*/*json": JSONBodyValidator,
                "application/x-www-form-urlencoded": FormBodyValidator,
                "multipart/form-data": MultiPartBodyValidator,
            }
        ),
        "response": MediaTypeDict(
            {
                media_type: _head_aware(validator)
                for media_type, validator in VALIDATOR_MAP["response"].items()
            }
        ),
    }
