"""Write the spec openapi-python-client reads: the bundled spec, two generator limits shaped away.

    python scripts/python_client_spec.py BUNDLED.json OUT.json

openapi-python-client 0.29 (the pinned version) decides "needs AuthenticatedClient" by whether
an operation's `security` list is non-empty, so an operation whose security admits anonymous
callers (`- {}`: register a provider, read a service) would refuse an anonymous `Client`. Such
operations are given to it as `security: []`; the generated function then accepts either client
and an `AuthenticatedClient` still sends its token.

It also writes broken code (`NameError: Unset`) for a request body offered in two media types.
The only one today is sign-in's JSON-or-form body; the form is the OAuth2 password-grant
encoding for OAuth2 tools (Swagger UI's password flow) and carries the same credentials, so the
Python client keeps the JSON body only. The server and the bundled spec keep both.
"""

import json
import sys
from typing import Any

FORM = "application/x-www-form-urlencoded"
METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def shape(spec: dict[str, Any]) -> dict[str, Any]:
    for item in spec["paths"].values():
        for method, operation in item.items():
            if method not in METHODS:
                continue
            if {} in operation.get("security", []):
                operation["security"] = []
            content = operation.get("requestBody", {}).get("content", {})
            if FORM in content and "application/json" in content:
                del content[FORM]
    return spec


def main() -> None:
    source, target = sys.argv[1:3]
    with open(source, encoding="utf-8") as f:
        spec = json.load(f)
    with open(target, "w", encoding="utf-8") as f:
        json.dump(shape(spec), f, indent=2)


if __name__ == "__main__":
    main()
