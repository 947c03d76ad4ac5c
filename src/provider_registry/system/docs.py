"""The bundled spec and its two readers, Swagger UI and Redoc, served from this process.

The assets come from the npm packages pinned in package-lock.json (swagger-ui-dist, redoc 2.x);
nothing is loaded from a CDN or any other address: Redoc's bundle names one image on a CDN (the
Redocly logo in its menu footer), which is replaced as the bundle is served. The favicon is ours
(favicon.ico beside this module, 16 and 32 px). The spec served is generated/openapi.json, the
Redocly bundle with its named components intact (Connexion's own served spec inlines every $ref).
"""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Flask, Response, redirect, request, send_from_directory

from provider_registry.config import Settings
from provider_registry.kit.errors import NotFound, ServiceUnavailable

SPEC_PATH = "/api/v1/openapi.json"
UI_PATH = "/api/v1/ui"
REDOC_PATH = "/api/v1/redoc"
FAVICON_PATH = "/favicon.ico"
FAVICON_FILE = Path(__file__).with_name("favicon.ico")
# The one external resource in redoc.standalone.js (2.5.x): the menu footer's Redocly logo. Our
# CSP would block it (a console error); an empty image keeps the footer's text and loads nothing.
REDOC_CDN_LOGO = b'"https://cdn.redoc.ly/redoc/logo-mini.svg"'
REDOC_LOCAL_LOGO = b"\"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E\""

SWAGGER_FILES = frozenset(
    {
        "swagger-ui.css",
        "swagger-ui-bundle.js",
        "swagger-ui-standalone-preset.js",
    }
)
# Scripts only from us; Swagger UI and Redoc inject inline styles and Redoc uses blob workers.
DOCS_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)
ASSET_CACHE = "public, max-age=3600"

SWAGGER_INDEX = f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Provider Registry API - Swagger UI</title>
  <link rel="stylesheet" href="{UI_PATH}/swagger-ui.css">
  <link rel="icon" href="{FAVICON_PATH}" sizes="16x16 32x32">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="{UI_PATH}/swagger-ui-bundle.js"></script>
  <script src="{UI_PATH}/swagger-ui-standalone-preset.js"></script>
  <script src="{UI_PATH}/initializer.js"></script>
</body>
</html>
"""
SWAGGER_INITIALIZER = f"""window.onload = function () {{
  window.ui = SwaggerUIBundle({{
    url: "{SPEC_PATH}",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout",
    validatorUrl: null
  }});
}};
"""
REDOC_INDEX = f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Provider Registry API - Redoc</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="icon" href="{FAVICON_PATH}" sizes="16x16 32x32">
</head>
<body>
  <redoc spec-url="{SPEC_PATH}"></redoc>
  <script src="{REDOC_PATH}/redoc.standalone.js"></script>
</body>
</html>
"""


def _page(html: str) -> Response:
    return Response(
        html,
        mimetype="text/html",
        headers={"Content-Security-Policy": DOCS_CSP, "Cache-Control": "no-cache"},
    )


def docs_blueprint(settings: Settings) -> Blueprint:
    spec_file = settings.generated_dir / "openapi.json"
    swagger_dir = settings.docs.assets_dir / "swagger-ui-dist"
    redoc_dir = settings.docs.assets_dir / "redoc" / "bundles"
    spec_bytes = spec_file.read_bytes() if spec_file.is_file() else None
    docs = Blueprint("docs", __name__)

    def _asset(directory: Path, name: str) -> Response:
        if not (directory / name).is_file():
            raise ServiceUnavailable(
                "The API documentation assets are not installed on this server "
                "(run `make install`)."
            )
        response = send_from_directory(directory, name, max_age=3600)
        response.headers["Cache-Control"] = ASSET_CACHE
        return response

    @docs.get(SPEC_PATH)
    def openapi_json() -> Response:
        if spec_bytes is None:
            raise ServiceUnavailable("The bundled spec is missing (run `make generate`).")
        return Response(
            spec_bytes, mimetype="application/json", headers={"Cache-Control": "no-cache"}
        )

    @docs.get("/docs")
    @docs.get(UI_PATH)
    def to_swagger_ui() -> Response:
        return redirect(UI_PATH + "/", code=302)  # type: ignore[return-value]

    @docs.get(UI_PATH + "/")
    def swagger_ui() -> Response:
        return _page(SWAGGER_INDEX)

    @docs.get(UI_PATH + "/initializer.js")
    def swagger_initializer() -> Response:
        return Response(
            SWAGGER_INITIALIZER, mimetype="text/javascript", headers={"Cache-Control": "no-cache"}
        )

    @docs.get(UI_PATH + "/<name>")
    def swagger_asset(name: str) -> Response:
        if name not in SWAGGER_FILES:
            raise NotFound("Nothing exists at this address.")
        return _asset(swagger_dir, name)

    @docs.get(REDOC_PATH)
    def redoc() -> Response:
        return _page(REDOC_INDEX)

    redoc_bytes: bytes | None = None

    @docs.get(REDOC_PATH + "/redoc.standalone.js")
    def redoc_script() -> Response:
        nonlocal redoc_bytes
        if redoc_bytes is None:
            path = redoc_dir / "redoc.standalone.js"
            if not path.is_file():
                _asset(redoc_dir, "redoc.standalone.js")  # the 503 that says what to install
            redoc_bytes = path.read_bytes().replace(REDOC_CDN_LOGO, REDOC_LOCAL_LOGO)
        response = Response(
            redoc_bytes, mimetype="text/javascript", headers={"Cache-Control": ASSET_CACHE}
        )
        response.add_etag()
        response.make_conditional(request)
        return response

    @docs.get(FAVICON_PATH)
    def favicon() -> Response:
        response = send_from_directory(FAVICON_FILE.parent, FAVICON_FILE.name, max_age=86400)
        response.headers["Cache-Control"] = "public, max-age=86400"
        return response

    return docs


def register_docs(app: Flask, settings: Settings) -> frozenset[str]:
    """Mount the docs; return their fixed paths (bounded metric labels)."""
    app.register_blueprint(docs_blueprint(settings))
    return frozenset(
        {
            SPEC_PATH,
            "/docs",
            UI_PATH,
            UI_PATH + "/",
            UI_PATH + "/initializer.js",
            REDOC_PATH,
            REDOC_PATH + "/redoc.standalone.js",
            FAVICON_PATH,
        }
        | {f"{UI_PATH}/{name}" for name in SWAGGER_FILES}
    )
